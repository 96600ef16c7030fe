"""Why required gold events are missed, counted by kind (no text printed, so it may be run on held-out sets).

Run: .venv/bin/python scripts/miss_kinds.py GOLD.jsonl PATH [GOLD.jsonl PATH ...]
Each required gold event `eval` does not find is put in the first kind that fits it:
- background: a prediction on its sentence (half its words or more) is history set aside;
- wrong type: predictions on its sentence, none of a type the gold accepts;
- taken: a prediction of an accepted type on its sentence, spent on another gold event of that sentence;
- not in text: its evidence is in no sentence of the article as read;
- trigger, no event: a trigger rule of data/events.yaml matches its sentence, yet no event is kept (gated or joined);
- lead or headline: the first two sentences, where no rule and no lead fallback gave an event;
- body, verb of saying: a later sentence whose head's past verb is one of saying, pledging or blaming (data/leads.yaml
  by_verb.saying, body.saying: "X said they found ...", "X pledged to ..."), which the body fallback never reads as a
  happening (session 25: ten of the nineteen body sentences of the LOOK sets counted as of no past verb before);
- body, no past verb: a later sentence with no other finite past-tense verb (the body fallback's first need);
- body, model under 0.7 / body, model 0.7 or more: a later sentence with one, by the happening score of
  timeline/typeguess.py (the body fallback asks for 0.7; the rest of what it needs is a named side and a day).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline import leads, typeguess  # noqa: E402
from timeline.actors.gazetteer import load_gazetteer  # noqa: E402
from timeline.evaluate import (_overlap, _type_ok, canonical_names, evaluate, load_gold,  # noqa: E402
                               with_canonical_names)
from timeline.pipeline import parse_corpus  # noqa: E402
from timeline.sentences import split  # noqa: E402
from timeline.settings import DATA_DIR, DEFAULT_SETTINGS  # noqa: E402
from timeline.triggers import find_triggers, vocabulary  # noqa: E402

KINDS = ("background", "wrong type", "taken", "not in text", "trigger, no event", "lead or headline",
         "body, verb of saying", "body, no past verb", "body, model under 0.7", "body, model 0.7 or more")
LEAD_SENTENCES = 2
HAPPENING_MIN = 0.7


def miss_kinds(gold_file: Path, path: Path) -> Counter:
    """The kind of every required gold event of ``gold_file`` that the parse of ``path`` misses."""
    names = canonical_names(load_gazetteer(DEFAULT_SETTINGS).actors.values())
    gold = with_canonical_names(load_gold(gold_file), names)
    corpus = parse_corpus([path])
    found = {id(m.gold) for m in evaluate(gold, corpus.events).matches}
    texts = {parsed.article.name: parsed.article.text for parsed in corpus.parsed}
    kinds: Counter = Counter()
    for record in gold:
        if record.get("required", True) and id(record) not in found:
            kinds[_kind(record, [e for e in corpus.events if e.article == record["article"]],
                        texts.get(record["article"], ""))] += 1
    return kinds


def _kind(record: dict, events: list, text: str) -> str:
    on = [e for e in events if _overlap(record["evidence"], e.evidence) >= 0.5]
    if any(e.background for e in on):
        return "background"
    if on and not any(_type_ok(record, e) for e in on):
        return "wrong type"
    if on:
        return "taken"
    evidence = " ".join(record["evidence"].split())
    sentences = [" ".join(s.text.split()) for s in split(text)]
    at = next((i for i, s in enumerate(sentences) if s and (evidence[:60] in s or s[:60] in evidence)), None)
    if at is None:
        return "not in text"
    if find_triggers(record["evidence"], vocabulary()):
        return "trigger, no event"
    if at < LEAD_SENTENCES:
        return "lead or headline"
    if leads._past_verb(sentences[at], DATA_DIR) is None:
        return "body, verb of saying" if _saying_head(sentences[at]) else "body, no past verb"
    return "body, model 0.7 or more" if typeguess.happening(sentences[at]) >= HAPPENING_MIN else "body, model under 0.7"


def _saying_head(sentence: str) -> bool:
    """True when the head's past verb of ``sentence`` (``leads.head_verb``) is a verb of saying, pledging or blaming."""
    verb = leads.head_verb(sentence, DATA_DIR)
    raw = leads.rules(DATA_DIR).raw
    return verb is not None and verb.group().lower() in {*raw["by_verb"]["saying"], *raw["body"]["saying"]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="+", help="GOLD.jsonl PATH, one pair or more")
    args = parser.parse_args(argv)
    if len(args.pairs) % 2:
        parser.error("give a gold file and a path for each set")
    total: Counter = Counter()
    for gold_file, path in zip(args.pairs[::2], args.pairs[1::2]):
        kinds = miss_kinds(Path(gold_file), Path(path))
        total.update(kinds)
        print(f"{path}: {sum(kinds.values())} missed: " + ", ".join(f"{k} {kinds[k]}" for k in KINDS if kinds[k]))
    if len(args.pairs) > 2:
        print(f"all: {sum(total.values())} missed: " + ", ".join(f"{k} {total[k]}" for k in KINDS if total[k]))


if __name__ == "__main__":
    main()
