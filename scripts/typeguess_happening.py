"""How well timeline/typeguess.happening tells a sentence that reports a happening from one that does not.

Run: .venv/bin/python scripts/typeguess_happening.py GOLD.jsonl [GOLD.jsonl ...]
Positives: the evidence of every REQUIRED gold event. Approximate negatives: the sentences of the articles in the
folder SET/ beside SET_gold.jsonl that carry a finite past-tense verb (leads.py's test) and share no six-word run
with any gold evidence of their article (gold marks only happenings, so some "negatives" are happenings gold left
out). Printed over all of them and over those no trigger rule matches (what a body fallback would see): the area
under the ROC curve, and at each threshold the share of positives kept and the precision (positives among the
sentences kept, with the real ratio of positives to negatives).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline import leads, sentences, typeguess  # noqa: E402
from timeline.settings import DATA_DIR  # noqa: E402
from timeline.triggers import find_triggers, vocabulary  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from typeguess_eval import _shares_run, _words, articles_beside  # noqa: E402

THRESHOLDS = (0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.99)


def examples(gold_files: list[Path]) -> list[dict]:
    """One row per positive or negative sentence: text, label (1: happening) and whether no trigger rule matches."""
    vocab, rows = vocabulary(), []
    for path in gold_files:
        gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for event in gold:
            if event.get("required") and (event.get("evidence") or "").strip():
                rows.append({"text": event["evidence"], "label": 1, "no_rule": not find_triggers(event["evidence"], vocab)})
        for article in articles_beside(path):
            evidence = [_words(e.get("evidence") or "") for e in gold if e["article"] == Path(article.name).name]
            for sentence in sentences.split(article.text):
                text = sentence.text.strip()
                if len(text) < 20 or leads._past_verb(text, DATA_DIR) is None:
                    continue
                said = _words(text)
                if not any(_shares_run(said, e) for e in evidence if e):
                    rows.append({"text": text, "label": 0, "no_rule": not find_triggers(text, vocab)})
    return rows


def auc(scored: list[tuple[float, int]]) -> float:
    positives = [s for s, label in scored if label]
    negatives = sorted(s for s, label in scored if not label)
    if not positives or not negatives:
        return float("nan")
    from bisect import bisect_left, bisect_right
    wins = sum(bisect_left(negatives, s) + 0.5 * (bisect_right(negatives, s) - bisect_left(negatives, s)) for s in positives)
    return wins / (len(positives) * len(negatives))


def report(rows: list[dict], scorers: dict[str, Callable[[str], float]]) -> list[str]:
    lines = []
    for subset, chosen in (("all", rows), ("no rule", [r for r in rows if r["no_rule"]])):
        pos = sum(r["label"] for r in chosen)
        lines.append(f"{subset}: {pos} positives, {len(chosen) - pos} negatives")
        for name, score in scorers.items():
            scored = [(score(r["text"]), r["label"]) for r in chosen]
            cells = []
            for at in THRESHOLDS:
                kept = [label for s, label in scored if s >= at]
                cells.append(f">={at}: {sum(kept)}/{pos} P {sum(kept) / len(kept) if kept else 0:.2f}")
            lines.append(f"  {name:14} AUC {auc(scored):.3f} | " + " | ".join(cells))
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    args = parser.parse_args(argv)
    rows = examples(args.gold)
    print("\n".join(report(rows, {"happening": typeguess.happening})))


if __name__ == "__main__":
    main()
