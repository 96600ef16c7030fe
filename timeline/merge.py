"""Cross-article merge: the same happening reported by several articles becomes one ``TimelineEvent``.

Reads: ``Event`` records of any number of articles. Adds: ``TimelineEvent`` records, each with every
``Source`` (article and evidence) that reports it. Two events are the same happening when they have the
same type, compatible dates (overlapping days, or an undated mention whose window holds the other's day)
and agreeing actors (one set holds the other, or they overlap; for operations, incidents, agreements and
aid, a shared actor or a shared place name). An undated mention joins a dated report and takes its date; from
another article, with no window to bound it, only when they share two actors.
A timeline event is background (history the articles retell) only when every report of it is.

The result depends only on the set of events: duplicates are dropped by event id, events are put in a
canonical order first, and groups are connected components, so input order does not matter and merging
the same events twice gives the same timeline.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from .events import actors_agree
from .models import Event, Source, TimelineEvent
from .resources import load
from .settings import DATA_DIR

PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "year": 3, "unknown": 4}
_WORD = re.compile(r"[^\W\d_]{4,}")
_NOT_PLACES = frozenset(load("events.yaml", DATA_DIR)["grammar"]["not_places"])


def merge_events(events: Iterable[Event]) -> list[TimelineEvent]:
    """One TimelineEvent per happening, in date order (undated ones last)."""
    rules = load("events.yaml", DATA_DIR)["merge"]
    unique = sorted({e.id: e for e in sorted(events, key=_order)}.values(), key=_order)
    same = lambda a, b: _same(a, b, rules)  # noqa: E731
    span = rules["undated_span_days"]
    dated = [e for e in unique if e.date is not None]
    groups = _components(dated, same, span)
    group_of = {e.id: g for g in groups for e in g}
    index = _DayIndex(dated, span)
    leftovers = []
    for event in (e for e in unique if e.date is None):
        home = {id(group_of[d.id]): group_of[d.id] for d in index.near(event)
                if same(event, d) and _may_take_its_day(event, d, rules)}
        if home:
            min(home.values(), key=lambda g: _order(g[0])).append(event)
        else:
            leftovers.append(event)
    groups += _components(leftovers, same, span)
    return sorted((_timeline_event(g) for g in groups), key=_timeline_order)


class _DayIndex:
    """Dated events by type, sorted by first day, to find those whose days may overlap an event's."""

    def __init__(self, dated: list[Event], span: int):
        self.span = span
        self.by_type: dict[str, list[tuple[date, date, int, Event]]] = {}
        for n, event in enumerate(dated):
            low, high = _span(event, span)
            self.by_type.setdefault(event.event_type, []).append((low, high, n, event))
        for rows in self.by_type.values():
            rows.sort(key=lambda row: (row[0], row[2]))
        self.longest = {t: max((r[1] - r[0] for r in rows), default=timedelta(0)) for t, rows in self.by_type.items()}
        self.starts = {t: [r[0] for r in rows] for t, rows in self.by_type.items()}

    def near(self, event: Event) -> list[Event]:
        """Same-type dated events whose days may overlap ``event``'s, in canonical (input) order."""
        rows = self.by_type.get(event.event_type, [])
        mine = _span(event, self.span)
        if mine is None:
            found = rows
        else:
            starts = self.starts.get(event.event_type, [])
            first = bisect.bisect_left(starts, _shift(mine[0], -self.longest.get(event.event_type, timedelta(0))))
            last = bisect.bisect_right(starts, mine[1])
            found = [r for r in rows[first:last] if r[1] >= mine[0]]
        return [r[3] for r in sorted(found, key=lambda r: r[2])]


def _overlap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


def _order(event: Event) -> tuple:
    return (event.date is None, event.date or date.min, event.event_type, event.article, event.evidence_start,
            event.id)


def _timeline_order(event: TimelineEvent) -> tuple:
    return (event.date is None, event.date or date.min, event.event_type, event.title, event.id)


def _components(events: list[Event], same, span: int) -> list[list[Event]]:
    """Connected components of the "same happening" relation (union-find), each in canonical order.
    Only pairs of one type whose days may overlap are compared (a sweep over the sorted spans)."""
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _candidate_pairs(events, span):
        if root(i) != root(j) and same(events[i], events[j]):
            parent[max(root(i), root(j))] = min(root(i), root(j))
    groups: dict[int, list[Event]] = {}
    for i, event in enumerate(events):
        groups.setdefault(root(i), []).append(event)
    return list(groups.values())


def _candidate_pairs(events: list[Event], span: int):
    """Index pairs (i < j) of events of one type whose spans overlap; an unbounded event pairs with all."""
    by_type: dict[str, list[int]] = {}
    for i, event in enumerate(events):
        by_type.setdefault(event.event_type, []).append(i)
    for indices in by_type.values():
        spans = {i: _span(events[i], span) for i in indices}
        loose = {i for i in indices if spans[i] is None}
        bounded = sorted((i for i in indices if spans[i] is not None), key=lambda i: spans[i][0])
        for i in sorted(loose):
            yield from ((min(i, j), max(i, j)) for j in indices if j != i and (j not in loose or i < j))
        active: list[int] = []
        for i in bounded:
            active = [j for j in active if spans[j][1] >= spans[i][0]]
            yield from ((min(i, j), max(i, j)) for j in active)
            active.append(i)


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


def _may_take_its_day(undated: Event, dated: Event, rules: dict) -> bool:
    """True when ``undated`` may join ``dated`` and take its day: always within one article, or when a window bounds
    the undated mention; from another article with nothing to bound it (a page of no known date), only when the two
    share ``undated_join_shared_actors`` actors. One country, or one city, joined unrelated pages' mentions (a border
    firing, a flood and a cyclone of one country; bombings of one city years apart) to whichever dated report of that
    type came first, and gave them its day."""
    if undated.article == dated.article or _span(undated, rules["undated_span_days"]) is not None:
        return True
    return len(set(undated.actor_ids) & set(dated.actor_ids)) >= rules["undated_join_shared_actors"]


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
    low = low or _shift(high, -timedelta(days=span))
    high = high or _shift(low, timedelta(days=span))
    return low, high


def _shift(day: date, delta: timedelta) -> date:
    """``day + delta``, held at the ends of the calendar (an imported event may be dated 0001-01-01)."""
    try:
        return day + delta
    except OverflowError:
        return date.max if delta > timedelta(0) else date.min


@lru_cache(maxsize=65536)
def _places(text: str | None) -> frozenset[str]:
    """Capitalised words of a place name or sentence (folded), the words that can name a place."""
    return frozenset(w.lower() for w in _WORD.findall(text or "") if w[0].isupper()) - _NOT_PLACES


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
        background=all(e.background for e in group),
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
