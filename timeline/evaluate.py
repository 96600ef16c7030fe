"""Score extracted events against a gold file (the format of tests/gold/seeds_events.jsonl).

Reads: gold records (article, event_type, also_accept_types, date, date_window, actors, evidence, required)
and predicted ``Event`` records. Adds: a ``Report``: which gold events were found, precision, event F1,
day accuracy on dated gold events, undated ones null or within their window, actor precision and recall,
and the lists of misses, extras, actor differences and wrong days, so that users can annotate their own corpus and measure.

Matching: a prediction matches a gold event of the same article when its type is the gold type (or one of
``also_accept_types``) and its evidence or its actors overlap the gold ones. Pairs are chosen one to one
by an optimal assignment: most required events found, then most events found, then the closest overlap.
Predictions for articles the gold file does not mention are not scored, nor (unless asked) background mentions,
the history the articles retell, which the app hides by default: they are counted as set aside.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .errors import TimelineError
from .models import RULE, Actor, Event

_TOKEN = re.compile(r"\w{2,}")


@dataclass(frozen=True)
class Match:
    gold: dict
    event: Event
    evidence: float
    actors: float


@dataclass
class Report:
    gold: list[dict]
    predictions: list[Event]
    matches: list[Match]
    ignored: int = 0
    background: int = 0  # background mentions of the gold articles set aside, unscored (as the app hides them)
    figures: dict = field(default_factory=dict)

    @property
    def misses(self) -> list[dict]:
        found = {id(m.gold) for m in self.matches}
        return [g for g in self.gold if id(g) not in found and g.get("required", True)]

    @property
    def extras(self) -> list[Event]:
        used = {m.event.id for m in self.matches}
        return [e for e in self.predictions if e.id not in used]

    @property
    def wrong_days(self) -> list[Match]:
        return [m for m in self.matches if not date_ok(m.gold, m.event)]


def load_gold(path: str | Path, skipped: list[tuple[int, str]] | None = None) -> list[dict]:
    """The gold events of a JSONL file (blank lines skipped). A line that is no gold event (not JSON, no article
    or event type, a field of the wrong kind) raises a TimelineError that names it, or, given ``skipped``, is
    left out and added to it as (line number, reason)."""
    gold = []
    for number, record, problem in _records(path, "gold file"):
        if problem is None:
            gold.append(record)
        elif skipped is None:
            raise TimelineError(f"gold file {path}, line {number}: {problem}")
        else:
            skipped.append((number, problem))
    return gold


def _records(path: str | Path, kind: str) -> Iterator[tuple[int, dict, str | None]]:
    """(line number, record, why it is no event record or None) for each non-blank line of a JSONL file of gold
    events or predictions; a file that cannot be read raises a TimelineError naming it as ``kind``."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").split("\n")
    except (OSError, ValueError) as error:
        raise TimelineError(f"cannot read {kind} {path}: {getattr(error, 'strerror', None) or error}") from None
    for number, line in enumerate(lines, 1):
        if line.strip():
            record, problem = _gold_record(line)
            if problem and '"sources"' in line:
                problem = "a merged timeline event (parse --merged); eval scores each article's events: parse without --merged"
            yield number, record, problem


def _gold_record(line: str) -> tuple[dict, str | None]:
    """The gold event of one line, with an empty evidence and no actors where it gives none, or why it is none."""
    try:
        record = json.loads(line)
    except ValueError as error:
        return {}, f"not valid JSON ({error})"
    if not isinstance(record, dict):
        return {}, f"not a JSON object but {type(record).__name__}"
    record = {**record, "evidence": record.get("evidence") or "", "actors": record.get("actors") or []}
    for key in ("article", "event_type"):
        if not isinstance(record.get(key), str) or not record[key].strip():
            return {}, f"no {key!r} (a non-empty string)"
    if not isinstance(record["evidence"], str):
        return {}, "'evidence' is not a string"
    if not isinstance(record["actors"], list) or not all(isinstance(a, str) for a in record["actors"]):
        return {}, "'actors' is not a list of names"
    window = record.get("date_window") or [None, None]
    days = [record.get("date"), record.get("date_end"), *window] if isinstance(window, list) and len(window) == 2 \
        else ["not a window"]
    if not all(_iso_day(day) for day in days):
        return {}, "a date that is not YYYY-MM-DD ('date', 'date_end', or 'date_window' as [from, to])"
    return record, None


def load_events(path: str | Path, skipped: list[tuple[int, str]]) -> list[Event]:
    """The events of a JSONL file to score instead of parsing the articles: what `parse` wrote (one record per
    article event), or a second annotator's gold file of the same articles, whose every record, required or
    not, is then one prediction. A line that is no such event is left out and added to ``skipped`` as (line
    number, reason); a file that cannot be read raises a TimelineError."""
    events: list[Event] = []
    ids: set[str] = set()
    for number, record, problem in _records(path, "events file"):
        if problem is None and not record["evidence"].strip():
            problem = "no 'evidence' (the sentence that reports the event)"
        if problem:
            skipped.append((number, problem))
            continue
        given = str(record.get("id") or f"line {number}")
        ident = given if given not in ids else f"{given} (line {number})"
        ids.add(ident)
        events.append(_event(record, ident))
    return events


def _event(record: dict, ident: str) -> Event:
    """An Event of a validated record (``_gold_record``); fields the record lacks take neutral values."""
    day, end = (date.fromisoformat(record[key]) if record.get(key) else None for key in ("date", "date_end"))
    window = record.get("date_window")
    number = {key: record.get(key) if isinstance(record.get(key), (int, float)) else None
              for key in ("evidence_start", "evidence_end", "confidence")}
    return Event(
        id=ident, article=record["article"], article_id=str(record.get("article_id") or ""),
        event_type=record["event_type"], title=str(record.get("title") or ident), date=day, date_end=end,
        precision=str(record.get("precision") or ("day" if day else "unknown")),
        date_basis=str(record.get("date_basis") or ""), actors=tuple(record["actors"]),
        actor_ids=tuple(record.get("actor_ids") or ()), location=record.get("location"), evidence=record["evidence"],
        evidence_start=int(number["evidence_start"] or 0), evidence_end=int(number["evidence_end"] or 0),
        confidence=float(1.0 if number["confidence"] is None else number["confidence"]),
        date_window=tuple(date.fromisoformat(d) if d else None for d in window) if window else None,
        background=record.get("background") is True, found_by=str(record.get("found_by") or RULE))


def _iso_day(value) -> bool:
    """True for None or a YYYY-MM-DD string."""
    if value is None:
        return True
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return isinstance(value, str)


def canonical_names(actors: Iterable[Actor]) -> dict[str, str]:
    """Folded alias -> canonical name for the gazetteer's actors (an alias two actors share is left out)."""
    names: dict[str, set[str]] = {}
    for actor in actors:
        for alias in (actor.name, *actor.aliases):
            names.setdefault(fold(alias), set()).add(actor.name)
    return {alias: next(iter(found)) for alias, found in names.items() if len(found) == 1}


def with_canonical_names(gold: list[dict], names: Mapping[str, str]) -> list[dict]:
    """Gold records whose actors are written as the gazetteer writes them when the gold uses one of its
    aliases ("S. Example" for "Sam Example"), so that a name variant is not scored as a wrong actor."""
    return [{**g, "actors": [names.get(fold(a), a) for a in g.get("actors", [])]} for g in gold]


def with_canonical_actors(events: list[Event], names: Mapping[str, str]) -> list[Event]:
    """``with_canonical_names`` for events read from a file (a second annotator writes names as gold does)."""
    return [replace(e, actors=tuple(names.get(fold(a), a) for a in e.actors)) for e in events]


def evaluate(gold: list[dict], events: Iterable[Event], with_background: bool = False) -> Report:
    """Match ``events`` to ``gold`` and compute the figures. Background mentions (history the articles retell,
    ``Event.background``) are set aside, as the app hides them by default, unless ``with_background``."""
    articles = {g["article"] for g in gold}
    events = list(events)
    predictions = [e for e in events if e.article in articles]
    scored = predictions if with_background else [e for e in predictions if not e.background]
    report = Report(gold, scored, _match(gold, scored), ignored=len(events) - len(predictions),
                    background=len(predictions) - len(scored))
    report.figures = _figures(report)
    return report


def _match(gold: list[dict], predictions: list[Event]) -> list[Match]:
    """The one-to-one pairing with the most required gold events found, then the most gold events found,
    then the closest evidence and actors (an optimal assignment, article by article, so that a prediction
    is never spent on an optional gold event when a required one sharing its sentence needs it)."""
    matches = []
    for article in dict.fromkeys(g["article"] for g in gold):
        golds = [g for g in gold if g["article"] == article]
        events = [e for e in predictions if e.article == article]
        candidates = {(i, j): pair for i, g in enumerate(golds) for j, e in enumerate(events)
                      if (pair := _candidate(g, e))}
        weights = [[_weight(candidates[i, j]) if (i, j) in candidates else 0.0 for j in range(len(events))]
                   for i in range(len(golds))]
        matches += [candidates[cell] for cell in assign(weights) if cell in candidates]
    return sorted(matches, key=lambda m: (-(m.evidence + 0.5 * m.actors), m.event.evidence_start, m.event.id))


def _candidate(g: dict, e: Event) -> Match | None:
    if not _type_ok(g, e):
        return None
    evidence, actors = _overlap(g["evidence"], e.evidence), _jaccard(g["actors"], e.actors)
    return Match(g, e, evidence, actors) if evidence >= 0.3 or actors >= 0.5 else None


def _weight(m: Match) -> float:
    """A required gold event outweighs any number of optional ones; any pair outweighs closeness."""
    return (1000.0 if m.gold.get("required", True) else 0.0) + 100.0 + m.evidence + 0.5 * m.actors


def assign(weights: list[list[float]]) -> list[tuple[int, int]]:
    """The (row, column) cells of a maximum-weight one-to-one assignment (Hungarian method, O(n^3)).

    Rows and columns may differ in number; a cell of weight 0 is no pair and is left out.
    """
    rows, cols = len(weights), len(weights[0]) if weights else 0
    n = max(rows, cols)
    if not rows or not cols:
        return []
    cost = [[-(weights[i][j] if i < rows and j < cols else 0.0) for j in range(n)] for i in range(n)]
    u, v, owner, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for row in range(1, n + 1):
        owner[0], col0 = row, 0
        slack, used = [float("inf")] * (n + 1), [False] * (n + 1)
        while owner[col0]:
            used[col0], i0, delta, col1 = True, owner[col0], float("inf"), 0
            for j in range(1, n + 1):
                if not used[j]:
                    reduced = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if reduced < slack[j]:
                        slack[j], way[j] = reduced, col0
                    if slack[j] < delta:
                        delta, col1 = slack[j], j
            for j in range(n + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    slack[j] -= delta
            col0 = col1
        while col0:
            col1 = way[col0]
            owner[col0], col0 = owner[col1], col1
    return [(owner[j] - 1, j - 1) for j in range(1, n + 1)
            if owner[j] and owner[j] - 1 < rows and j - 1 < cols and weights[owner[j] - 1][j - 1] > 0]


def _type_ok(gold: dict, event: Event) -> bool:
    return event.event_type == gold["event_type"] or event.event_type in (gold.get("also_accept_types") or ())


def _tokens(text: str) -> set[str]:
    return set(_TOKEN.findall(fold(text)))


def _overlap(gold_text: str, text: str) -> float:
    a, b = _tokens(gold_text), _tokens(text)
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _jaccard(gold_actors: list[str], actors: Iterable[str]) -> float:
    a, b = {fold(x) for x in gold_actors}, {fold(x) for x in actors}
    return len(a & b) / len(a | b) if a and b else 0.0


# Latin letters that Unicode does not decompose into a base letter and an accent; typographic apostrophes.
_UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "ı": "i",
                               "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d",
                               "\u2019": "'", "\u2018": "'"})


_HYPHENS = re.compile(r"[\s\-\u2010\u2011]+")


def fold(text: str) -> str:
    """Lower case without accents, a hyphen as a space, for comparing names and words ("Czesław" and
    "Czeslaw", "Bhutto-Zardari" and "Bhutto Zardari", "O\u2019Neil" and "O'Neil" are one)."""
    text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return _HYPHENS.sub(" ", "".join(c for c in text if not unicodedata.combining(c))).strip().casefold()


def date_ok(gold: dict, event: Event) -> bool:
    """Dated gold: the predicted day is the gold day. Undated gold: no day, or a day within the window."""
    if gold.get("date"):
        return event.date is not None and event.date.isoformat() == gold["date"]
    if event.date is None:
        return True
    low, high = gold.get("date_window") or (None, None)
    return (low is None or date.fromisoformat(low) <= event.date) and \
        (high is None or event.date <= date.fromisoformat(high))


def _figures(report: Report) -> dict:
    gold, matches = report.gold, report.matches
    required = [g for g in gold if g.get("required", True)]
    found_required = sum(1 for m in matches if m.gold.get("required", True))
    precision = len(matches) / len(report.predictions) if report.predictions else 0.0
    recall = found_required / len(required) if required else 1.0
    dated = [m for m in matches if m.gold.get("date")]
    undated = [m for m in matches if not m.gold.get("date")]
    gold_actors = sum(len(m.gold["actors"]) for m in matches)
    predicted_actors = sum(len(m.event.actors) for m in matches)
    shared = sum(len({fold(a) for a in m.gold["actors"]} & {fold(a) for a in m.event.actors}) for m in matches)
    return {
        "gold_events": len(gold), "required_events": len(required), "predictions": len(report.predictions),
        "required_found": found_required, "gold_found": len(matches),
        "recall_required": round(recall, 3), "recall_all": round(len(matches) / len(gold), 3) if gold else 1.0,
        "precision": round(precision, 3),
        "f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
        "dated_gold_found": len(dated), "dated_right_day": sum(date_ok(m.gold, m.event) for m in dated),
        "dated_gold_total": sum(1 for g in gold if g.get("date")),
        "dated_required_total": sum(1 for g in required if g.get("date")),
        "dated_required_right_day": sum(date_ok(m.gold, m.event) for m in dated if m.gold.get("required", True)),
        **_found_days([m for m in dated if m.gold.get("required", True)]),
        "undated_gold_found": len(undated), "undated_ok": sum(date_ok(m.gold, m.event) for m in undated),
        "actor_precision": round(shared / predicted_actors, 3) if predicted_actors else 0.0,
        "actor_recall": round(shared / gold_actors, 3) if gold_actors else 0.0,
        "ignored_predictions": report.ignored,
        "background_set_aside": report.background,
    }


def _found_days(matches: list[Match]) -> dict:
    """How the found dated events stand: a missed event costs its day too, so this separates finding the event
    from dating it."""
    no_day = sum(1 for m in matches if m.event.date is None)
    return {"dated_required_found": len(matches), "dated_required_no_day": no_day,
            "dated_required_wrong_day": sum(1 for m in matches if m.event.date and not date_ok(m.gold, m.event))}


def render(report: Report) -> str:
    """The report as text for the terminal."""
    f = report.figures
    lines = [
        f"gold: {f['gold_events']} events ({f['required_events']} required); "
        f"predictions scored: {f['predictions']} (ignored, not in gold articles: {f['ignored_predictions']}; "
        f"background mentions set aside: {f['background_set_aside']})",
        f"required events found: {f['required_found']}/{f['required_events']}  recall {f['recall_required']:.3f}",
        f"all gold events found: {f['gold_found']}/{f['gold_events']}  recall {f['recall_all']:.3f}",
        f"precision: {f['gold_found']}/{f['predictions']} = {f['precision']:.3f}",
        f"event F1 (precision, required recall): {f['f1']:.3f}",
        f"dated required events on the right day: {f['dated_required_right_day']}/{f['dated_required_total']}"
        f" (all dated gold: {f['dated_right_day']}/{f['dated_gold_total']}); of the"
        f" {f['dated_required_found']} found: {f['dated_required_wrong_day']} on a wrong day,"
        f" {f['dated_required_no_day']} with no day",
        f"undated gold events null or within window: {f['undated_ok']}/{f['undated_gold_found']}",
        f"actors over matched events: precision {f['actor_precision']:.3f}, recall {f['actor_recall']:.3f}",
    ]
    lines += _section("misses (required gold events not found)", [_gold_line(g) for g in report.misses])
    lines += _section("extras (predictions matching no gold event)", [_event_line(e) for e in report.extras])
    lines += _section("actor differences on matched events (missing -, extra +)",
                      [row for m in report.matches if (row := _actor_line(m))])
    lines += _section("wrong days", [f"{m.gold['id']}: gold {m.gold.get('date') or m.gold.get('date_window')}, "
                                     f"predicted {m.event.date} ({m.event.date_basis[:80]})" for m in report.wrong_days])
    return "\n".join(lines)


def _section(title: str, rows: list[str]) -> list[str]:
    return [f"{title}: {len(rows)}"] + [f"  - {row}" for row in rows]


def _actor_line(m: Match) -> str:
    """ "g-id: -Missing Actor +Extra Actor" for a matched event whose actors differ from the gold ones."""
    gold, found = {fold(a): a for a in m.gold["actors"]}, {fold(a): a for a in m.event.actors}
    missing = [f"-{name}" for key, name in gold.items() if key not in found]
    extra = [f"+{name}" for key, name in found.items() if key not in gold]
    return f"{m.gold.get('id', '?')}: {' '.join(missing + extra)}" if missing or extra else ""


def _gold_line(g: dict) -> str:
    return f"{g.get('id', '?')} [{g['event_type']}] {g['article']}: {g['evidence'][:90]}"


def _event_line(e: Event) -> str:
    """One prediction: its type, article, day and title, and how a guess was made ("guessed: body"; a rule's event
    says nothing), since a fallback's guess is what an annotator weighs differently among the extras."""
    guessed = f" (guessed: {e.found_by})" if e.guessed else ""
    return f"[{e.event_type}] {e.article} {e.date or '-'} {e.title!r}{guessed}: {e.evidence[:90]}"
