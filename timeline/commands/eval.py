"""`python -m timeline eval --gold FILE PATH...`: score the events of some articles against a gold file; with
`--events FILE`, the events a file holds (a saved parse, a second annotator's gold) instead."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import TimelineError
from ..actors.gazetteer import load_gazetteer
from ..evaluate import (canonical_names, evaluate, load_events, load_gold, render, with_canonical_actors,
                        with_canonical_names)
from ..parallel import add_engine_arguments
from ..settings import DEFAULT_SETTINGS
from .parse import reject_lines, run_pipeline

NAME = "eval"
HELP = ("Score extracted events (or saved ones, --events) against a gold file (JSONL as "
        "tests/gold/seeds_events.jsonl): recall, precision, F1, day accuracy, actors; lists misses and extras.")


def configure(parser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="the articles the gold file annotates")
    parser.add_argument("--gold", required=True, metavar="FILE", help="gold events, one JSON object per line")
    parser.add_argument("--events", metavar="FILE",
                        help="score the events of FILE instead of parsing articles: what `parse` wrote (JSONL, "
                             "without --merged), or a second annotator's gold file of the same articles, to see "
                             "how far two annotators agree")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--with-background", action="store_true",
                        help="also score background mentions (history the articles retell), which the app hides "
                             "by default and eval otherwise sets aside")
    add_engine_arguments(parser)


def run(args) -> int:
    if bool(args.paths) == bool(args.events):
        raise TimelineError("give the articles to parse (PATH...) or a file of their events (--events FILE), "
                            "one of the two")
    given = args.paths or [args.events]
    missing = [p for p in given if not Path(p).exists()]
    if not Path(args.gold).exists() or len(missing) == len(given):  # some missing: skipped, the rest is read
        gone = [args.gold] if not Path(args.gold).exists() else []
        raise TimelineError(f"no such file or folder: {', '.join(gone + missing)}")
    gold = load_gold(args.gold, skipped := [])
    _say_skipped("gold", skipped)
    if not gold:
        raise TimelineError(f"no gold event in {args.gold}")
    names = canonical_names(load_gazetteer(DEFAULT_SETTINGS).actors.values())
    gold = with_canonical_names(gold, names)
    if args.events:
        events = with_canonical_actors(load_events(args.events, skipped := []), names)
        _say_skipped("events", skipped)
        if not events:
            raise TimelineError(f"no event in {args.events}")
        rejected, read = [], {e.article for e in events}
        what = f"have no event in {args.events}"
    else:
        corpus = run_pipeline(args, DEFAULT_SETTINGS)
        events, rejected, read = corpus.events, reject_lines(list(corpus.rejected)), {a.name for a in corpus.articles}
        what = "were not read (not among the inputs, or skipped)"
    report = evaluate(gold, events, with_background=args.with_background)
    if args.json:
        print(json.dumps(report.figures, indent=1))
    else:
        print(render(report))
    for line in rejected:
        print(f"skipped {line}", file=sys.stderr)
    absent = [name for name in dict.fromkeys(g["article"] for g in gold) if name not in read]
    if absent:
        print(f"note: {len(absent)} of the gold file's {len({g['article'] for g in gold})} articles {what}, "
              f"so their events count as missed: {', '.join(absent[:5])}" + (", ..." if len(absent) > 5 else ""),
              file=sys.stderr)
    return 0


def _say_skipped(kind: str, skipped: list[tuple[int, str]]) -> None:
    for number, reason in skipped:
        print(f"skipped {kind} line {number}: {reason}", file=sys.stderr)
