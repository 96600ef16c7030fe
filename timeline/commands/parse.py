"""`python -m timeline parse PATH...`: the events of a set of articles, one record per line."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..errors import TimelineError
from ..export import FORMATS, format_for, write_records
from ..models import Corpus
from ..pipeline import parse_corpus
from ..parallel import add_engine_arguments, engine_options
from ..progress import ProgressBar
from ..report import build_report, write_report
from ..settings import DEFAULT_SETTINGS

NAME = "parse"
HELP = "Read articles (files or folders) and write their events: one record per article event, or --merged."


def configure(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (.txt .md .html .json .jsonl .csv)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument("--format", choices=FORMATS, help="output format (default: from FILE's extension, else jsonl)")
    parser.add_argument("--merged", action="store_true", help="one record per timeline event, with its sources")
    parser.add_argument("--published", metavar="YYYY-MM-DD", type=_day,
                        help="publication date for articles that state none")
    parser.add_argument("--report", metavar="FILE", help="also write a JSON report: inputs, articles, events, rejects")
    parser.add_argument("--strict", action="store_true", help="exit with status 1 when any input was rejected")
    parser.add_argument("--max-bytes", type=_positive, default=DEFAULT_SETTINGS.max_article_bytes, metavar="N",
                        help=f"reject articles larger than N bytes (default {DEFAULT_SETTINGS.max_article_bytes:,})")
    add_engine_arguments(parser)


def _positive(text: str) -> int:
    try:
        value = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"wants a positive number of bytes, not {text!r}")
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"wants a date as YYYY-MM-DD, not {text!r}") from None


def run(args) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    if len(missing) == len(args.paths):  # some missing: listed as rejected, the rest is read
        raise TimelineError(f"no such file or folder: {', '.join(missing)}")
    if args.output and not Path(args.output).resolve().parent.is_dir():
        raise TimelineError(f"cannot write {args.output}: its folder does not exist")
    settings = DEFAULT_SETTINGS.with_(published_override=args.published, max_article_bytes=args.max_bytes)
    corpus = run_pipeline(args, settings)
    records = corpus.timeline if args.merged else corpus.events
    fmt = format_for(args.output, args.format)
    written = write_records(records, fmt, args.output or sys.stdout)
    print(summary(corpus, written, args.merged), file=sys.stderr)
    if args.report:
        write_report(build_report(corpus, args.paths, settings, written), args.report)
    if args.strict and corpus.rejected:
        print(f"error: --strict: {len(corpus.rejected)} input(s) rejected (listed above)", file=sys.stderr)
        return 1
    return 0


def run_pipeline(args, settings) -> Corpus:
    """parse_corpus over ``args.paths`` with the engine options, a progress bar on stderr, the cache closed."""
    try:
        options = engine_options(args, settings)
    except ValueError as error:
        raise TimelineError(str(error)) from None
    bar = ProgressBar("parsing")
    try:
        return parse_corpus(args.paths, settings, progress=bar, **options)
    finally:
        bar.close()
        if options.get("cache") is not None:
            options["cache"].close()


def summary(corpus: Corpus, written: int, merged: bool) -> str:
    """What was read, what was skipped and why, and what was written."""
    inferred = sum(a.published_inferred for a in corpus.articles)
    undated = sum(a.published is None for a in corpus.articles)
    lines = [f"read {len(corpus.parsed)} article(s)"
             + (f" ({inferred} with an inferred publication date)" if inferred else "")
             + (f", {undated} without any publication date" if undated else "")]
    if corpus.rejected:
        lines.append(f"skipped {len(corpus.rejected)}:")
        lines += [f"  {r.name}: {r.reason}" for r in corpus.rejected]
    kind = "timeline event(s)" if merged else "event(s)"
    lines.append(f"wrote {written} {kind} ({len(corpus.events)} article events, {len(corpus.timeline)} on the timeline)")
    return "\n".join(lines)
