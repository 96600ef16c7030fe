"""How well timeline/typeguess.py names the type of real happenings, against gold files.

Run: .venv/bin/python scripts/typeguess_eval.py GOLD.jsonl [GOLD.jsonl ...]
Each gold event's evidence sentence is guessed; the guess is right when it is the event's type or one of its
also_accept_types ("strict": its type only). Printed for the guess, for a majority baseline (the commonest
gold type of the files, an oracle's choice) and for the lead cue scorer (timeline/leads.classify: its type,
or none): over all evidence sentences, and over those where no trigger rule of data/events.yaml matches (the
sentences a fallback would type). The articles of SET_gold.jsonl are read from the folder SET/ beside it: for
each article's lead sentence that shares no six-word run with its gold evidence, how often each says "none".
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline import leads, sentences, typeguess  # noqa: E402
from timeline.articles import iter_inputs  # noqa: E402
from timeline.models import Article  # noqa: E402
from timeline.triggers import find_triggers, vocabulary  # noqa: E402


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _shares_run(lead: str, evidence: str, run: int = 6) -> bool:
    words = lead.split()
    return lead in evidence or evidence in lead or any(
        " ".join(words[i:i + run]) in evidence for i in range(len(words) - run + 1))


def gold_rows(gold_files: list[Path]) -> list[dict]:
    """One row per gold event with evidence: its sentence, accepted types and whether a trigger rule matches."""
    vocab, rows = vocabulary(), []
    for path in gold_files:
        for line in path.read_text(encoding="utf-8").splitlines():
            event = json.loads(line) if line.strip() else None
            if event and (event.get("evidence") or "").strip():
                rows.append({"text": event["evidence"], "type": event["event_type"],
                             "accept": {event["event_type"], *(event.get("also_accept_types") or [])},
                             "article": (path, event["article"]),
                             "no_rule": not find_triggers(event["evidence"], vocab)})
    return rows


def articles_beside(path: Path):
    """The articles read from the folder beside a gold file (SET/ beside SET_gold.jsonl), if there is one."""
    folder = path.with_name(path.name.removesuffix("_gold.jsonl"))
    if folder.is_dir():
        yield from (item for item in iter_inputs([folder]) if isinstance(item, Article))


def lead_rows(gold_files: list[Path], rows: list[dict]) -> list[str]:
    """The lead sentences of the articles beside each gold file that share no six-word run with its evidence."""
    found = []
    for path in gold_files:
        for article in articles_beside(path):
            evidence = [_words(r["text"]) for r in rows if r["article"] == (path, Path(article.name).name)]
            lead = leads.lead_sentence(sentences.split(article.text), text=article.text)
            if lead is not None and not any(_shares_run(_words(lead.text), e) for e in evidence):
                found.append(lead.text)
    return found


def _cue(text: str) -> str:
    guess = leads.classify(text)
    return guess.event_type if guess else typeguess.NONE


def guessers(rows: list[dict]) -> dict:
    majority = Counter(r["type"] for r in rows).most_common(1)[0][0] if rows else "meeting"
    return {f"majority ({majority})": lambda text: majority,
            "lead cue scorer": _cue,
            "typeguess": lambda text: typeguess.guess(text)[0],
            "cue type, else typeguess": lambda text: (lambda cue: cue if cue != typeguess.NONE else typeguess.guess(text)[0])(_cue(text))}


def _share(right: int, total: int) -> str:
    return f"{right / total:.3f}" if total else "-"


def report(rows: list[dict], lead_texts: list[str]) -> list[str]:
    no_rule = [r for r in rows if r["no_rule"]]
    lines = [f"{len(rows)} gold evidence sentences ({len(no_rule)} that no trigger rule matches); "
             f"{len(lead_texts)} leads that are no gold evidence",
             f"{'guesser':28} {'accepted':>8} {'strict':>7} {'none':>6} {'no-rule':>8} {'leads none':>10}"]
    for name, guess in guessers(rows).items():
        said = [guess(r["text"]) for r in rows]
        right = sum(s in r["accept"] for s, r in zip(said, rows))
        strict = sum(s == r["type"] for s, r in zip(said, rows))
        nones = sum(s == typeguess.NONE for s in said)
        right_no_rule = sum(s in r["accept"] for s, r in zip(said, rows) if r["no_rule"])
        lead_nones = sum(guess(text) == typeguess.NONE for text in lead_texts)
        lines.append(f"{name:28} {_share(right, len(rows)):>8} {_share(strict, len(rows)):>7} "
                     f"{_share(nones, len(rows)):>6} {_share(right_no_rule, len(no_rule)):>8} "
                     f"{lead_nones:>5}/{len(lead_texts)}")
    return lines


def confusion(rows: list[dict], top: int = 12) -> list[str]:
    """The guess's right share per gold type, and its commonest confusions (gold type -> guess), over all rows and
    over the no-rule ones."""
    lines = []
    for subset, chosen in (("all", rows), ("no rule", [r for r in rows if r["no_rule"]])):
        said = [typeguess.guess(r["text"])[0] for r in chosen]
        per_type = Counter(r["type"] for r in chosen)
        right = Counter(r["type"] for s, r in zip(said, chosen) if s in r["accept"])
        wrong = Counter(f"{r['type']}->{s}" for s, r in zip(said, chosen) if s not in r["accept"])
        guessed = Counter(said)
        lines.append(f"{subset}: " + ", ".join(f"{t} {right[t]}/{n}" for t, n in sorted(per_type.items())))
        lines.append("  guessed: " + ", ".join(f"{t} {n}" for t, n in guessed.most_common()))
        lines.append("  confusions: " + ", ".join(f"{k} {n}" for k, n in wrong.most_common(top)))
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--confusion", action="store_true", help="also the right share per type and the confusions")
    args = parser.parse_args(argv)
    rows = gold_rows(args.gold)
    print("\n".join(report(rows, lead_rows(args.gold, rows))))
    if args.confusion:
        print("\n".join(confusion(rows)))


if __name__ == "__main__":
    main()
