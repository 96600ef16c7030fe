"""`python -m timeline parse PATH...`: the events of a set of articles, one record per line.

The parse runs through ``timeline.batch.stream_outputs``: each input's events come back as the JSON lines
this command writes, so an article found in the cache is written without being decoded.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

from ..batch import stream_outputs
from ..errors import TimelineError
from ..export import FORMATS, format_for, write_records
from ..models import Corpus, Rejected
from ..outputs import Output
from ..parallel import add_engine_arguments, engine_options
from ..progress import ProgressBar
from ..report import build_report, write_report
from ..settings import DEFAULT_SETTINGS, Settings

NAME = "parse"
HELP = "Read articles (files or folders) and write their events: one record per article event, or --merged."


def configure(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="article files or folders (.txt .md .html .json .jsonl .csv .tsv .parquet)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout (\"-\": stdout)")
    parser.add_argument("--format", choices=FORMATS, help="output format (default: from FILE's extension, else jsonl)")
    parser.add_argument("--merged", action="store_true", help="one record per timeline event, with its sources")
    parser.add_argument("--no-background", action="store_true",
                        help="leave out background mentions (history the articles retell, flagged \"background\": "
                             "true), as the app does by default")
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
    if args.output == "-":
        args.output = None
    missing = [p for p in args.paths if not Path(p).exists()]
    if len(missing) == len(args.paths):  # some missing: listed as rejected, the rest is read
        raise TimelineError(f"no such file or folder: {', '.join(missing)}")
    _check_destinations(args)
    settings = DEFAULT_SETTINGS.with_(published_override=args.published, max_article_bytes=args.max_bytes)
    tally = Tally(settings, [] if args.report else None, own=own_names(args.paths, [args.output, args.report]))
    written = _write(args, tally.counted(stream_pipeline(args, settings)))
    print(summary(tally, written, args.merged), file=sys.stderr)
    if args.report:
        write_report(tally.report(args.paths, written), args.report)
    if args.strict and tally.rejected:
        print(f"error: --strict: {len(tally.rejected)} input(s) rejected (listed above)", file=sys.stderr)
        return 1
    return 0


def _check_destinations(args) -> None:
    """Before any article is parsed: the output and report files can be written where they are asked for."""
    if format_for(args.output, args.format) == "parquet" and not args.output:
        raise TimelineError("Parquet is a binary format: give an output file with -o FILE.parquet")
    for option, name in (("-o", args.output), ("--report", args.report)):
        if name and Path(name).is_dir():
            raise TimelineError(f"cannot write {name} ({option}): it is a folder; give a file name")
        if name and not Path(name).resolve().parent.is_dir():
            raise TimelineError(f"cannot write {name} ({option}): its folder does not exist")


def _write(args, results: Iterator[Output]) -> int:
    """Writes the events as they come (JSONL), else collects only the Event records (other formats, --merged,
    --no-background). With --no-background, background mentions (merged: timeline events that only background
    mentions report) are left out and counted."""
    fmt = format_for(args.output, args.format)
    if args.merged or fmt != "jsonl" or args.no_background:
        events = (e for result in results for e in result.event_records())
    if args.merged:
        from ..merge import merge_events  # here, not with the command: a run that finds every file cached loads no rules

        timeline = merge_events(list(events))
        results.tally.timeline = len(timeline)
        return write_records(_foreground(timeline, args, results.tally), fmt, args.output or sys.stdout)
    if fmt != "jsonl" or args.no_background:
        return write_records(_foreground(list(events), args, results.tally), fmt, args.output or sys.stdout)
    if not args.output:
        return _write_lines(results, sys.stdout)
    try:
        with open(args.output, "w", encoding="utf-8", newline="") as handle:
            return _write_lines(results, handle)
    except OSError as error:
        raise TimelineError(f"cannot write {args.output}: {error.strerror or error}") from None


def _foreground(records: list, args, tally: Tally) -> list:
    """The records but the background ones when --no-background asks (their number kept in ``tally``)."""
    if not args.no_background:
        return records
    kept = [r for r in records if not r.background]
    tally.background = len(records) - len(kept)
    return kept


def _write_lines(results: Iterable[Output], out: TextIO) -> int:
    """Each result's events as the JSON lines it carries (as write_records writes JSONL); returns how many."""
    written = 0
    for result in results:
        if result.events:
            out.write(result.text())
            written += result.events
    return written


class _Counted:
    """An iterator over parse results that adds each one to a Tally as it passes."""

    def __init__(self, results: Iterator[Output], tally: Tally):
        self.results, self.tally = results, tally

    def __iter__(self):
        return self

    def __next__(self):
        result = next(self.results)
        self.tally.add(result)
        return result


@dataclass
class Tally:
    """What the summary and the report say, gathered while results stream past: counts, the rejects and
    (only with --report) one small entry per article; no article text, expression or mention is kept."""

    settings: Settings
    entries: list[dict] | None = None
    articles: int = 0
    inferred: int = 0
    undated: int = 0
    events: int = 0
    timeline: int | None = None  # known only when the events were merged
    background: int | None = None  # background records left out (--no-background)
    rejected: list[Rejected] = field(default_factory=list)
    own: frozenset[str] = frozenset()  # the names this run's -o and --report files have among the inputs
    own_seen: list[str] = field(default_factory=list)

    def counted(self, results: Iterable[Output]) -> _Counted:
        return _Counted(iter(results), self)

    def add(self, result: Output) -> None:
        if result.reason is not None:
            if result.rejected.name.split("#", 1)[0] in self.own:
                self.own_seen.append(result.rejected.name.split("#", 1)[0])  # an earlier run's output: no input
                return
            self.rejected.append(result.rejected)
            return
        self.articles += 1
        self.inferred += result.inferred
        self.undated += result.undated
        self.events += result.events
        if self.entries is not None:
            self.entries.append(result.report_entry())

    def report(self, inputs, written: int) -> dict:
        """The --report document (timeline_events is None when the events were not merged)."""
        report = build_report(Corpus(rejected=tuple(self.rejected)), inputs, self.settings, written)
        counts = {"articles": self.articles, "rejected": len(self.rejected), "events": self.events,
                  "timeline_events": self.timeline, "background_left_out": self.background, "written": written}
        return {**report, "counts": counts, "articles": self.entries}


@contextmanager
def _engine(args, settings):
    """The engine options of ``args`` and a progress bar on stderr; closes both (and the cache) afterwards."""
    try:
        options = engine_options(args, settings)
    except ValueError as error:
        raise TimelineError(str(error)) from None
    except OSError as error:  # the cache folder cannot be made or opened: the parse goes on without it
        print(f"note: cannot use the parse cache in {error.filename or args.cache_dir or 'its folder'}: "
              f"{error.strerror or error}; parsing without it (--cache-dir DIR chooses another)", file=sys.stderr)
        options = engine_options(argparse.Namespace(**{**vars(args), "no_cache": True}), settings)
    bar = ProgressBar("parsing")
    try:
        yield options, bar
    finally:
        bar.close()
        if options.get("cache") is not None:
            options["cache"].close()


def run_pipeline(args, settings) -> Corpus:
    """parse_corpus over ``args.paths`` with the engine options, a progress bar on stderr, the cache closed."""
    from ..pipeline import parse_corpus

    with _engine(args, settings) as (options, bar):
        return parse_corpus(args.paths, settings, progress=bar, **options)


def stream_pipeline(args, settings) -> Iterator[Output]:
    """stream_outputs over ``args.paths``: results one at a time, a progress bar on stderr, the cache closed."""
    with _engine(args, settings) as (options, bar):
        yield from stream_outputs(args.paths, settings, progress=bar, **options)


def own_names(paths: Iterable[str], written: Iterable[str | None]) -> frozenset[str]:
    """The names under which the inputs list the files this run writes (an -o file inside a folder of articles,
    as "events.jsonl" or "out/events.jsonl"), so that their earlier contents are not taken for rejected inputs."""
    names = set()
    for name in filter(None, written):
        target = Path(name).resolve()
        for given in map(Path, paths):
            if given.is_dir() and target.is_relative_to(given.resolve()):
                names.add(target.relative_to(given.resolve()).as_posix())
            elif given.is_file() and given.resolve() == target:
                names.add(given.name)
    return frozenset(names)


def summary(tally: Tally, written: int, merged: bool) -> str:
    """What was read, what was skipped and why, and what was written."""
    lines = [f"read {tally.articles} article(s)"
             + (f" ({tally.inferred} with an inferred publication date)" if tally.inferred else "")
             + (f", {tally.undated} without any publication date" if tally.undated else "")]
    if tally.own_seen:
        lines.append("not read: " + ", ".join(dict.fromkeys(tally.own_seen)) + " (written by this run)")
    if tally.rejected:
        lines.append(f"skipped {len(tally.rejected)}:")
        lines += [f"  {line}" for line in reject_lines(tally.rejected)]
    kind = "timeline event(s)" if merged else "event(s)"
    merged_count = f", {tally.timeline} on the timeline" if tally.timeline is not None else ""
    left_out = f"; {tally.background} background mention(s) left out" if tally.background is not None else ""
    lines.append(f"wrote {written} {kind} ({tally.events} article events{merged_count}{left_out})")
    return "\n".join(lines)


# Records of one file rejected for one reason are listed on one line from this many on (the --report lists each).
GROUPED_RECORDS = 4


def reject_lines(rejected: list[Rejected]) -> list[str]:
    """"name: reason" for each reject, in order; the records of one file that share a reason, when there are
    GROUPED_RECORDS or more of them, on one line at the place of the first ("data.csv: 250 records (#2 to
    #900): record's 'text' field is empty")."""
    groups: dict[tuple[str, str], list[str]] = {}
    for item in rejected:
        base, mark, number = item.name.partition("#")
        groups.setdefault((base if mark else item.name, item.reason), []).append(number)
    lines = []
    for (base, reason), numbers in groups.items():
        if len(numbers) >= GROUPED_RECORDS and all(n.isdigit() for n in numbers):
            lines.append(f"{base}: {len(numbers)} records (#{numbers[0]} to #{numbers[-1]}): {reason}")
        else:
            lines += [f"{base}#{n}: {reason}" if n else f"{base}: {reason}" for n in numbers]
    return lines
