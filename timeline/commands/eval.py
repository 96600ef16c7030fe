"""`python -m timeline eval --gold FILE PATH...`: score the events of some articles against a gold file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import TimelineError
from ..actors.gazetteer import load_gazetteer
from ..evaluate import canonical_names, evaluate, load_gold, render, with_canonical_names
from ..parallel import add_engine_arguments
from ..settings import DEFAULT_SETTINGS
from .parse import reject_lines, run_pipeline

NAME = "eval"
HELP = ("Score extracted events against a gold file (JSONL as tests/gold/seeds_events.jsonl): recall, "
        "precision, F1, day accuracy, actors; lists misses and extras.")


def configure(parser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="the articles the gold file annotates")
    parser.add_argument("--gold", required=True, metavar="FILE", help="gold events, one JSON object per line")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--with-background", action="store_true",
                        help="also score background mentions (history the articles retell), which the app hides "
                             "by default and eval otherwise sets aside")
    add_engine_arguments(parser)


def run(args) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    if not Path(args.gold).exists() or len(missing) == len(args.paths):  # some missing: skipped, the rest is read
        gone = [args.gold] if not Path(args.gold).exists() else []
        raise TimelineError(f"no such file or folder: {', '.join(gone + missing)}")
    skipped: list[tuple[int, str]] = []
    gold = load_gold(args.gold, skipped)
    for number, reason in skipped:
        print(f"skipped gold line {number}: {reason}", file=sys.stderr)
    if not gold:
        raise TimelineError(f"no gold event in {args.gold}")
    names = canonical_names(load_gazetteer(DEFAULT_SETTINGS).actors.values())
    gold = with_canonical_names(gold, names)
    corpus = run_pipeline(args, DEFAULT_SETTINGS)
    report = evaluate(gold, corpus.events, with_background=args.with_background)
    if args.json:
        print(json.dumps(report.figures, indent=1))
    else:
        print(render(report))
    for line in reject_lines(list(corpus.rejected)):
        print(f"skipped {line}", file=sys.stderr)
    read = {article.name for article in corpus.articles}
    absent = [name for name in dict.fromkeys(g["article"] for g in gold) if name not in read]
    if absent:
        print(f"note: {len(absent)} of the gold file's {len({g['article'] for g in gold})} articles were not read "
              f"(not among the inputs, or skipped), so their events count as missed: {', '.join(absent[:5])}"
              + (", ..." if len(absent) > 5 else ""), file=sys.stderr)
    return 0
