"""`python -m timeline chart PATH... -o out.png`: the dashboard's timeline figure as a PNG, for batch reports."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from datetime import date
from pathlib import Path

from ..actors import load_gazetteer
from ..charts import figure_for
from ..errors import TimelineError
from ..filters import LANES, Filters
from ..frame import Board, board_for
from ..models import EVENT_TYPES
from ..parallel import add_engine_arguments
from ..png import ExportServer
from ..settings import DEFAULT_SETTINGS
from .parse import reject_lines, run_pipeline

NAME = "chart"
HELP = "Draw the timeline of the articles under PATH (files or folders) as a PNG, filtered like the app."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument("--actor", action="append", default=[], metavar="NAME",
                        help="keep events with this actor (name or id; a country includes its people); repeatable")
    parser.add_argument("--all", dest="match", action="store_const", const="all", default="any",
                        help="keep only events with every --actor (default: any of them)")
    parser.add_argument("--type", action="append", default=[], choices=EVENT_TYPES, metavar="T",
                        help=f"keep events of this type ({', '.join(EVENT_TYPES)}); repeatable")
    parser.add_argument("--from", dest="date_from", type=_iso_date, metavar="YYYY-MM-DD", help="first day")
    parser.add_argument("--to", dest="date_to", type=_iso_date, metavar="YYYY-MM-DD", help="last day")
    parser.add_argument("--by", choices=LANES, default="actor", help="one lane per actor (default) or per type")
    parser.add_argument("--no-undated", dest="undated", action="store_false", help="leave out the undated strip")
    parser.add_argument("--background", action="store_true",
                        help="also draw background mentions (history the articles retell), hidden by default as in "
                             "the app")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="PNG file to write")
    parser.add_argument("--width", type=_pixels, default=1600, metavar="W", help="pixels (default 1600)")
    parser.add_argument("--height", type=_pixels, default=None, metavar="H",
                        help="pixels (default: from the number of lanes)")
    parser.add_argument("--title", default="", help="a title above the chart")
    parser.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                        help="publication date for articles that state none")
    add_engine_arguments(parser)


def run(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    if len(missing) == len(args.paths):  # some missing: listed as skipped, the rest is drawn
        raise TimelineError(f"no such file or folder: {', '.join(missing)}")
    _check_output(args.output)
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise TimelineError(f"--from {args.date_from} is after --to {args.date_to}: no day lies between them")
    settings = DEFAULT_SETTINGS.with_(published_override=args.published)
    corpus = run_pipeline(args, settings)
    for line in reject_lines(list(corpus.rejected)):  # said first, so that they are said also when nothing is drawn
        print(f"skipped {line}", file=sys.stderr)
    if not corpus.events:
        raise TimelineError(f"no event found in the {len(corpus.parsed)} article(s) read; nothing drawn")
    board = board_for(corpus, load_gazetteer(settings).get)
    filters = Filters(
        actors=tuple(resolve_actor(board, name) for name in args.actor), match=args.match,
        types=tuple(args.type), date_from=args.date_from, date_to=args.date_to, undated=args.undated,
        lanes=args.by, background=args.background,
    )
    shown = filters.apply(board.frame)
    if shown.empty:
        raise TimelineError(f"no event of the {len(board.frame)} found matches these filters; nothing drawn")
    figure = figure_for(board.frame, filters, title=args.title)
    server = ExportServer.start()
    try:
        data = server.render(figure, width=args.width, height=args.height)
    finally:
        server.stop()
    Path(args.output).write_bytes(data)
    print(f"wrote {args.output}: {len(shown)} of {len(board.frame)} events, {len(data):,} bytes", file=sys.stderr)
    return 0


def _check_output(name: str) -> None:
    """The PNG can be written where it is asked for: a file name (with no extension or .png) in a folder that exists."""
    path = Path(name)
    if path.is_dir():
        raise TimelineError(f"cannot write {name}: it is a folder; give a file name such as timeline.png")
    if path.suffix and path.suffix.lower() != ".png":
        raise TimelineError(f"chart writes a PNG image, not {path.suffix}: give -o FILE.png")
    if not path.resolve().parent.is_dir():
        raise TimelineError(f"cannot write {name}: its folder does not exist")


def resolve_actor(board: Board, name: str) -> str:
    """The id of the actor called ``name`` (its id or display name, ignoring case and accents)."""
    wanted = _fold(name)
    for info in board.actors:
        if wanted in (_fold(info.id), _fold(info.name)):
            return info.id
    known = ", ".join(sorted(info.name for info in board.actors)) or "none"
    raise TimelineError(f"no actor called {name!r} in these articles; known actors: {known}")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _pixels(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of pixels: {text!r}") from None
    if not 100 <= value <= 8000:
        raise argparse.ArgumentTypeError(f"{value} pixels is outside 100..8000")
    return value


