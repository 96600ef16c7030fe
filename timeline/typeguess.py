"""A learned guess of a sentence's event type that does not need a trigger rule's words, and of whether it
reports a happening at all.

Reads: the project's own made-up material, never a real page's text: for the type, the typed sentences of every
``examples:`` entry of data/events.yaml's types, of data/leads.yaml's types and the lines of data/typeguess.yaml; for
whether a sentence reports a happening, the made-up news articles of data/training with their gold events (each
sentence that is a required event's evidence against the others: background, views, figures, plans, captions), or,
in a data folder without them, the typed lines against the "none" lines (a type's ``not_events``, data/leads.yaml's
``not_examples``). Adds: ``guess(text)`` -> (type, probability), the most likely of data/events.yaml's types for the
happening ``text`` reports, and ``happening(text)``, the probability that it reports one at all.

Both models are complement naive Bayes (a class is scored by how badly the other classes' lines explain the
sentence, which keeps a class of very alike lines, "meeting", from drawing the sentences of the classes whose lines
differ among themselves, "other") over binary features (each word lower-cased, the crude stem, the pairs of
adjacent words, with numbers and capitalised words inside the sentence masked, the stems of the first words again,
where a news sentence tells its happening, and pairs of adjacent lower-case words, which join a verb to its object
across names), their class counts balanced so that no class wins by having more lines. They are trained at first use
(deterministic; the type model well under a second, the happening model about a second, most of it reading the
training articles as the parser reads pages) and kept for the process; while a parse runs with a cache
(``kept_on``), the happening model is read from the cache's store when it holds one trained on the same material,
else trained and put there, so only the first process after a change of the data or the code trains it.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

from .resources import load
from .settings import DATA_DIR

NONE = "none"
HAPPENING = "happening"  # the pooled class of happening(): any type; and the happening model's name on a shelf
TYPES = "types"  # the type model's name on a shelf
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d[\d,.]*")
_SUFFIXES = ("ings", "ing", "ed", "es", "s")
# Laplace smoothing of the word counts; and the temperatures that turn the log scores into probabilities
# (naive Bayes adds up dependent evidence, so its raw posteriors are far too sure): each the least log loss of a
# five-fold cross-validation on its training material (the type guess over the typed lines; happening() over the
# training articles' sentences in its two classes).
ALPHA = 0.5
TEMPERATURE = 3.0
HAPPENING_TEMPERATURE = 12.0
# data/training/<set>/: made-up articles with their gold events, sentences shorter than MIN_LINE characters (a
# byline, a tag) taken for neither class.
TRAINING_DIR = "training"
MIN_LINE = 25
# A news sentence tells its happening first: the stems of its first words count again as features of their own.
HEAD_WORDS = 10
# data folder -> the shelf (``get(name)`` -> bytes or None, ``put(name, bytes)``: cache.ModelShelf) its happening
# model is kept on between processes, while ``kept_on`` holds it
_SHELVES: dict[Path, Any] = {}


@dataclass(frozen=True)
class Model:
    types: tuple[str, ...]
    base: tuple[float, ...]  # log P(a feature | type) for a feature never seen with the type
    weights: dict  # feature -> ((type's column, log P(feature | type) - base), ...) for the types it was seen with


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def features(text: str) -> frozenset[str]:
    """The binary features of ``text``: words, stems and adjacent pairs (numbers and names masked), the
    stems of its first ``HEAD_WORDS`` words, and adjacent pairs of the stems of its lower-case words
    ("Ana Moro met Ivo Sander on Tuesday": met_on)."""
    words = _TOKEN.findall(text.replace("’", "'"))
    found = set()
    masked = ["^"]
    plain = []  # the stems of the words written in lower case: a verb and its object across names and numbers
    after_stop = True  # a capitalised word after a full stop (or first) may be any word
    for word in words:
        if word[0].isdigit():
            masked.append("<num>")
            after_stop = word.endswith(".")
            continue
        lower = word.lower()
        found.add("w:" + lower)
        if word[0].islower():
            plain.append(_stem(word))
        masked.append("<cap>" if word[0].isupper() and not after_stop else lower)
        after_stop = word.endswith(".")
    masked.append("$")
    stems = [_stem(word) if word[0] != "<" else "" for word in masked[1:-1]]
    found.update("s:" + stem for stem in stems if stem)
    found.update("h:" + stem for stem in stems[:HEAD_WORDS] if stem)
    found.update(f"b:{a}_{b}" for a, b in zip(masked, masked[1:]))
    found.update(f"t:{a}_{b}" for a, b in zip(plain, plain[1:]))
    return frozenset(found)


def article_lines(data_dir: Path = DATA_DIR) -> list[tuple[str, str]]:
    """(type, sentence) for every sentence of the made-up training articles (data/training/<set>/*.txt, each set with
    its gold.jsonl in the format of the eval gold): a sentence that is the evidence of a required gold event under
    that event's type, one that is no event's evidence as "none"; the evidence of an event not required (vague
    background) is left out, as neither. The articles are read and split as the parser reads them, so that the
    lines are the sentences the fallbacks will ask about."""
    from dataclasses import replace

    from .articles import iter_inputs
    from .models import Article
    from .sentences import split
    from .settings import DEFAULT_SETTINGS

    settings = replace(DEFAULT_SETTINGS, data_dir=data_dir)
    pairs: list[tuple[str, str]] = []
    for gold_file in sorted((data_dir / TRAINING_DIR).glob("*/gold.jsonl")):
        records: dict[str, list[dict]] = {}
        for line in gold_file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                records.setdefault(record["article"], []).append(record)
        files = sorted(p for p in gold_file.parent.glob("*.txt") if p.name in records)
        for article in iter_inputs(files, settings):
            if not isinstance(article, Article):
                continue
            for sentence in split(article.text, data_dir):
                label = _label(sentence.text, records[article.name])
                if label is not None:
                    pairs.append((label, sentence.text))
    return pairs


def _label(text: str, records: list[dict]) -> str | None:
    """The type of the required gold event whose evidence ``text`` is (the one sentence holds the other, spaces
    aside), None for the evidence of an event not required, else "none"."""
    said = " ".join(text.split())
    if len(said) < MIN_LINE:
        return None
    for record in records:
        evidence = " ".join((record.get("evidence") or "").split())
        if evidence and (evidence in said or said in evidence):
            return record["event_type"] if record.get("required", True) else None
    return NONE


def training_lines(data_dir: Path = DATA_DIR) -> list[tuple[str, str]]:
    """(type, sentence) for every made-up typed sentence the project holds, each pair once, in file order."""
    events, leads, extra = load("events.yaml", data_dir), load("leads.yaml", data_dir), load("typeguess.yaml", data_dir)
    pairs: list[tuple[str, str]] = []
    for event_type, spec in events["types"].items():
        pairs += [(event_type, text) for trigger in spec.get("triggers") or [] for text in trigger.get("examples") or []]
        pairs += [(NONE, text) for text in spec.get("not_events") or []]
    for event_type, spec in leads["types"].items():
        pairs += [(event_type, text) for text in spec.get("examples") or []]
    pairs += [(NONE, text) for text in leads.get("not_examples") or []]
    for event_type, texts in extra["lines"].items():
        pairs += [(event_type, text) for text in texts or []]
    return list(dict.fromkeys((t, s) for t, s in pairs if isinstance(s, str) and s.strip()))


@lru_cache(maxsize=4)
def model(data_dir: Path = DATA_DIR) -> Model:
    """The type model: complement naive Bayes over the typed lines of ``training_lines`` (not the "none" lines). Read
    from the shelf ``kept_on`` names for ``data_dir``, when it holds one; else trained, and put there."""
    return _kept(TYPES, data_dir, lambda: _train([(t, found) for t, found in _featured_lines(data_dir) if t != NONE]))


@lru_cache(maxsize=4)
def happening_model(data_dir: Path = DATA_DIR) -> Model:
    """The happening model: the same over two classes, "none" and every type pooled as ``HAPPENING``, trained on the
    sentences of the made-up training articles (``article_lines``: whole pages, whose sentences of background, views,
    figures and plans stand around their happenings as on a real page; a data folder without them, or whose articles
    lack one of the classes: the typed lines). Read from the shelf ``kept_on`` names for ``data_dir``, when it holds
    one; else trained, and put there."""
    return _kept(HAPPENING, data_dir, lambda: _happening_model(data_dir))


def _kept(name: str, data_dir: Path, train: Callable[[], Model]) -> Model:
    """The model ``name`` from the shelf ``kept_on`` names for ``data_dir``, or ``train()``'s, put on it."""
    shelf = _SHELVES.get(data_dir)
    kept = loads(shelf.get(name)) if shelf is not None else None
    if kept is not None:
        return kept
    trained = train()
    if shelf is not None:
        shelf.put(name, dumps(trained))
    return trained


@contextmanager
def kept_on(shelf: Any, data_dir: Path = DATA_DIR) -> Iterator[None]:
    """While open, ``happening_model(data_dir)`` is read from ``shelf`` or trained and put there: a store keyed by
    everything the model learns from (the parse cache's ``ModelShelf``, under the parse version). No shelf (a parse
    without a cache): nothing is kept."""
    if shelf is None:
        yield
        return
    before = _SHELVES.get(data_dir)
    _SHELVES[data_dir] = shelf
    try:
        yield
    finally:
        if before is None:
            _SHELVES.pop(data_dir, None)
        else:
            _SHELVES[data_dir] = before


def dumps(trained: Model) -> bytes:
    """``trained`` as compact JSON: each float written as its repr, so ``loads`` gives it back bit for bit."""
    rows = [[value for pair in row for value in pair] for row in trained.weights.values()]
    found = {"types": trained.types, "base": trained.base, "features": list(trained.weights), "rows": rows}
    return json.dumps(found, separators=(",", ":")).encode("utf-8")


def loads(blob: bytes | None) -> Model | None:
    """The Model ``dumps`` wrote, or None for nothing or anything else."""
    if blob is None:
        return None
    try:
        found = json.loads(blob)
        weights = {feature: tuple(zip(row[::2], row[1::2])) for feature, row in zip(found["features"], found["rows"],
                                                                                     strict=True)}
        return Model(tuple(found["types"]), tuple(found["base"]), weights)
    except (ValueError, KeyError, TypeError):
        return None


def _happening_model(data_dir: Path) -> Model:
    lines = [(t if t == NONE else HAPPENING, features(text)) for t, text in article_lines(data_dir)]
    if {t for t, _ in lines} != {NONE, HAPPENING}:
        lines = [(t if t == NONE else HAPPENING, found) for t, found in _featured_lines(data_dir)]
    return _train(lines)


@lru_cache(maxsize=4)
def _featured_lines(data_dir: Path) -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((t, features(text)) for t, text in training_lines(data_dir))


def _train(lines: list[tuple[str, frozenset[str]]]) -> Model:
    """Complement naive Bayes: a class's score is minus the log likelihood of the features under all the other
    classes' lines (class counts balanced, ``ALPHA`` smoothing)."""
    types = tuple(sorted({t for t, _ in lines}))
    lines_of = [sum(t == event_type for t, _ in lines) for event_type in types]
    counts: dict[str, dict[int, int]] = {}
    for at, event_type in enumerate(types):
        for feature, n in Counter(chain.from_iterable(found for t, found in lines if t == event_type)).items():
            counts.setdefault(feature, {})[at] = n
    mean = sum(lines_of) / len(types)
    scale = [mean / n for n in lines_of]  # a type with few lines counts each line more
    seen = [0.0] * len(types)
    for row in counts.values():
        for at, n in row.items():
            seen[at] += scale[at] * n
    everywhere = sum(seen)
    # -log P(feature | not type) = base[type] - log1p(others' count / ALPHA); the part all types share (the count
    # of all lines) is left out of the weight, so a type the feature never came with has the weight 0
    base = tuple(math.log(ALPHA * len(counts) + everywhere - seen[at]) - math.log(ALPHA) for at in range(len(types)))
    weights = {}
    for feature, row in counts.items():
        total = sum(scale[at] * n for at, n in row.items())
        shared = math.log1p(total / ALPHA)
        weights[feature] = tuple((at, shared - math.log1p((total - scale[at] * n) / ALPHA)) for at, n in sorted(row.items()))
    return Model(types, base, weights)


def scores(text: str, data_dir: Path = DATA_DIR, trained: Model | None = None) -> dict[str, float]:
    """Each class's log score for ``text`` (by default the type model's; up to a constant shared by all classes):
    the features the lines never had are left out."""
    trained = trained or model(data_dir)
    total = [0.0] * len(trained.types)
    known = 0
    for feature in features(text):
        row = trained.weights.get(feature)
        if row is not None:
            known += 1
            for at, weight in row:
                total[at] += weight
    return {t: value + known * base for t, value, base in zip(trained.types, total, trained.base)}


def guess(text: str, data_dir: Path = DATA_DIR) -> tuple[str, float]:
    """The most likely type of the happening ``text`` reports and its probability, the model's scores weighed by the
    types' ``priors``; "none" only for a text with no word the lines know (whether ``text`` reports a happening at
    all: ``happening``)."""
    ranked = scores(text, data_dir)
    if len(set(ranked.values())) == 1:  # no word the lines know
        return NONE, 1.0 / len(ranked)
    odds = priors(data_dir)  # the lines are balanced; the sentences a fallback types are not
    ranked = {t: value + TEMPERATURE * math.log(odds.get(t, 1.0)) for t, value in ranked.items()}
    best = max(ranked, key=lambda t: ranked[t])
    top = ranked[best]
    norm = sum(math.exp((value - top) / TEMPERATURE) for value in ranked.values())
    return best, 1.0 / norm


@lru_cache(maxsize=4)
def priors(data_dir: Path = DATA_DIR) -> dict[str, float]:
    """data/typeguess.yaml ``priors``: a type's odds, against the average type, among the sentences the guess is
    asked about (1 for a type not named)."""
    return dict(load("typeguess.yaml", data_dir).get("priors") or {})


def happening(text: str, data_dir: Path = DATA_DIR) -> float:
    """The probability that ``text`` reports a concrete happening (of any type), against "none": a plan, an opinion,
    a statistic, a quotation of views, a description, background (``happening_model``; 0.5 for a text with no word
    the lines know)."""
    ranked = scores(text, data_dir, happening_model(data_dir))
    gap = (ranked[NONE] - ranked[HAPPENING]) / HAPPENING_TEMPERATURE
    return 1.0 / (1.0 + math.exp(min(gap, 700.0)))
