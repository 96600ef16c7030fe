"""`python -m timeline timeml`: score the temporal tagger on TimeML folders (TempEval-3 definitions)."""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from ..errors import TimelineError
from ..settings import DEFAULT_SETTINGS, PROJECT_DIR
from ..temporal import tag
from ..timeml import Score, read_folder
from ._arguments import whole_number

NAME = "timeml"
HELP = "Score the temporal tagger against TimeML documents (strict/relaxed F1, value F1, ms per article)."
SETS = ("TimeBank", "AQUAINT")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dir", type=Path, default=PROJECT_DIR.parent / "shared" / "timeml",
                        help="folder holding the TimeBank/ and AQUAINT/ sub-folders (default: ../shared/timeml)")
    parser.add_argument("--set", choices=(*SETS, "all"), default="all", help="which set to score (default: all)")
    parser.add_argument("--errors", type=whole_number(0), default=0, metavar="N",
                        help="also list N sample misses, false positives and wrong values per set")


def run(args: argparse.Namespace) -> int:
    if not args.dir.is_dir():
        raise TimelineError(f"no TimeML folder at {args.dir} (give its location with --dir)")
    tag("warm up: 20 September 2023", None, DEFAULT_SETTINGS)  # compile the rules outside the timing
    print(f"{'set':<9} {'docs':>4} {'gold':>5} {'found':>5} | {'strict P':>8} {'R':>5} {'F1':>5} | "
          f"{'relaxed P':>9} {'R':>5} {'F1':>5} | {'value acc':>9} {'value F1':>8} | {'ms/article':>10} {'KB/article':>10}")
    for name in (SETS if args.set == "all" else (args.set,)):
        folder = args.dir / name
        if not folder.is_dir():
            raise TimelineError(f"no {name} folder in {args.dir}")
        score, ms, kb = _score(folder)
        print(f"{name:<9} {len(list(folder.glob('*.tml'))):>4} {score.gold:>5} {score.system:>5} | "
              f"{score.strict_p:>8.3f} {score.strict_r:>5.3f} {score.strict_f1:>5.3f} | "
              f"{score.relaxed_p:>9.3f} {score.relaxed_r:>5.3f} {score.relaxed_f1:>5.3f} | "
              f"{score.value_accuracy:>9.3f} {score.value_f1:>8.3f} | {ms:>10.2f} {kb:>10.1f}")
        _print_errors(name, score, args.errors)
    return 0


def _score(folder: Path) -> tuple[Score, float, float]:
    """The set's score, the tagging time per document in ms, and the mean document size in KB."""
    docs = read_folder(folder)
    score = Score()
    for doc in docs:
        score.add(doc, tag(doc.text, doc.dct, DEFAULT_SETTINGS))
    size = sum(len(doc.text.encode("utf-8")) for doc in docs) / 1024
    return score, _ms_per_document(docs), size / max(len(docs), 1)


def _ms_per_document(docs, rounds: int = 3) -> float:
    """CPU time of tagging every document, best of ``rounds`` (robust to other processes), per document."""
    best = float("inf")
    for _ in range(rounds):
        began = time.process_time()
        for doc in docs:
            tag(doc.text, doc.dct, DEFAULT_SETTINGS)
        best = min(best, time.process_time() - began)
    return 1000 * best / max(len(docs), 1)


def _print_errors(name: str, score: Score, count: int) -> None:
    for kind in ("missed", "spurious", "value"):
        rows = [row for row in score.errors if row[0] == kind]
        for row in random.Random(0).sample(rows, min(count, len(rows))):
            print(f"  {name} {kind:<8} {row[1]:<28} expected {row[3]!r:<16} got {row[4]!r:<18} {row[2]}")
