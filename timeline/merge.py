"""Cross-article merge: the same happening reported by several articles becomes one ``TimelineEvent``.

Reads: ``Event`` records of any number of articles. Adds: ``TimelineEvent`` records, each with every
``Source`` (article and evidence) that reports it. Two events are the same happening when they have the
same type, compatible dates (overlapping days, or an undated mention whose window holds the other's day)
and agreeing actors (one set holds the other, or they overlap; for operations, incidents, agreements and
aid, a shared actor or a shared place name). An undated mention joins a dated report and takes its date.

The result depends only on the set of events: duplicates are dropped by event id, events are put in a
canonical order first, and groups are connected components, so input order does not matter and merging
the same events twice gives the same timeline.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import date, timedelta

from .events import actors_agree
from .models import Event, Source, TimelineEvent
from .resources import load
from .settings import DATA_DIR

PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "year": 3, "unknown": 4}
_WORD = re.compile(r"[^\W\d_]{4,}")
_NOT_PLACES = {"region", "city", "province", "district", "the", "this", "that", "during", "after", "minister",
               "president", "foreign", "prime"}


def merge_events(events: Iterable[Event]) -> list[TimelineEvent]:
    """One TimelineEvent per happening, in date order (undated ones last)."""
    rules = load("events.yaml", DATA_DIR)["merge"]
    unique = sorted({e.id: e for e in sorted(events, key=_order)}.values(), key=_order)
    dated = [e for e in unique if e.date is not None]
    groups = _components(dated, lambda a, b: _same(a, b, rules))
    leftovers = []
    for event in (e for e in unique if e.date is None):
        home = [g for g in groups if any(_same(event, member, rules) for member in g)]
        if home:
            min(home, key=lambda g: _order(g[0])).append(event)
        else:
            leftovers.append(event)
    groups += _components(leftovers, lambda a, b: _same(a, b, rules))
    return sorted((_timeline_event(g) for g in groups), key=_timeline_order)


def _order(event: Event) -> tuple:
    return (event.date is None, event.date or date.min, event.event_type, event.article, event.evidence_start,
            event.id)


def _timeline_order(event: TimelineEvent) -> tuple:
    return (event.date is None, event.date or date.min, event.event_type, event.title, event.id)


def _components(events: list[Event], same) -> list[list[Event]]:
    """Connected components of the "same happening" relation (union-find), each in canonical order."""
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(events)):
        for j in range(i + 1, len(events)):
            if root(i) != root(j) and same(events[i], events[j]):
                parent[max(root(i), root(j))] = min(root(i), root(j))
    groups: dict[int, list[Event]] = {}
    for i, event in enumerate(events):
        groups.setdefault(root(i), []).append(event)
    return list(groups.values())


def _same(a: Event, b: Event, rules: dict) -> bool:
    """True when ``a`` and ``b`` report the same happening."""
    if a.event_type != b.event_type or a.id == b.id:
        return a.id == b.id
    if not _days_agree(a, b, rules["undated_span_days"]):
        return False
    agree = actors_agree(a.actor_ids, b.actor_ids, rules["actor_overlap"])
    if agree and set(a.actor_ids) & set(b.actor_ids):
        return True
    return _same_place(a, b) and (agree or a.event_type in rules["place_is_enough"])


def _same_place(a: Event, b: Event) -> bool:
    """True when the place of one report is named by the other (as its location or in its evidence)."""
    return bool(_places(a.location) & (_places(b.location) | _places(b.evidence))
                or _places(b.location) & _places(a.evidence))


def _days_agree(a: Event, b: Event, span: int) -> bool:
    first, second = _span(a, span), _span(b, span)
    if first is None or second is None:
        return True
    return first[0] <= second[1] and second[0] <= first[1]


def _span(event: Event, span: int) -> tuple[date, date] | None:
    """The days ``event`` may have happened on: its dates, or its window (a missing bound is ``span`` days
    from the other), or None when nothing bounds it."""
    if event.date is not None:
        return event.date, event.date_end or event.date
    low, high = event.date_window or (None, None)
    if low is None and high is None:
        return None
    low = low or high - timedelta(days=span)
    high = high or low + timedelta(days=span)
    return low, high


def _places(text: str | None) -> set[str]:
    """Capitalised words of a place name or sentence (folded), the words that can name a place."""
    return {w.lower() for w in _WORD.findall(text or "") if w[0].isupper()} - _NOT_PLACES


def _timeline_event(group: list[Event]) -> TimelineEvent:
    lead = min(group, key=_lead_order)
    return TimelineEvent(
        id=hashlib.sha1("|".join(sorted(e.id for e in group)).encode("utf-8")).hexdigest()[:16],
        event_type=lead.event_type, title=lead.title, date=lead.date, date_end=lead.date_end,
        precision=lead.precision, date_basis=_basis(lead, group),
        actors=tuple(dict.fromkeys(n for e in [lead, *group] for n in e.actors)),
        actor_ids=tuple(dict.fromkeys(i for e in [lead, *group] for i in e.actor_ids)),
        location=lead.location or next((e.location for e in group if e.location), None),
        confidence=round(min(1.0, max(e.confidence for e in group) + 0.05 * (len(group) - 1)), 2),
        sources=tuple(_source(e) for e in sorted(group, key=lambda e: (e.article, e.evidence_start, e.id))),
        date_window=None if lead.date else _window(group),
    )


def _lead_order(event: Event) -> tuple:
    """The report that speaks for the group: dated, most precise, most confident."""
    return (event.date is None, PRECISION_RANK.get(event.precision, 9), -event.confidence, event.article,
            event.evidence_start, event.id)


def _basis(lead: Event, group: list[Event]) -> str:
    undated = sorted({e.article for e in group if e.date is None})
    if lead.date is None or not undated:
        return lead.date_basis
    return f"{lead.date_basis}; taken by the undated mention(s) in {', '.join(undated)} of the same happening"


def _window(group: list[Event]) -> tuple[date | None, date | None] | None:
    windows = [e.date_window for e in group if e.date_window]
    if not windows:
        return None
    lows = [w[0] for w in windows if w[0]]
    highs = [w[1] for w in windows if w[1]]
    low, high = (max(lows) if lows else None), (min(highs) if highs else None)
    if low and high and low > high:
        low, high = min(lows), max(highs)
    return (low, high)


def _source(event: Event) -> Source:
    return Source(event.article, event.article_id, event.id, event.evidence, event.evidence_start,
                  event.evidence_end, event.date_basis)
