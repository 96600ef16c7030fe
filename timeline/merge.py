"""Cross-article merge: the same happening reported by several articles becomes one ``TimelineEvent``.

Reads: ``Event`` records of any number of articles. Adds: ``TimelineEvent`` records, each with every
``Source`` (article and evidence) that reports it. Two events of different articles are the same happening when
they have the same type, compatible dates (overlapping days, or an undated mention whose window holds the other's
day) and agreeing actors (one set holds the other, or they overlap; for operations, incidents, agreements and aid,
a shared actor or a shared place name). An undated mention bounded by its page's date joins a dated report and takes
its date on two shared actors or a place that is none of them; one that nothing bounds (a page of no known date)
never joins a dated report of another article, only an undated mention bounded by its page, on two shared actors and
a place (and so what that one joins); a report of a quarter or a year joins one of other dates on two shared actors. A timeline event holds one
report of each article at most (the event stage tells an article's happenings apart) and never two reports dated to
different days.
A timeline event is background (history the articles retell) only when every report of it is.
It was found by a trigger rule ("rule") when any report of it was; else it is a guess, and says how its leading
report was guessed (``models.FOUND_BY``).

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
from .models import JOINED_BY, RULE, Event, Source, TimelineEvent
from .resources import load
from .settings import DATA_DIR

PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "year": 3, "unknown": 4}
_WORD = re.compile(r"[^\W\d_]{4,}")
_LONGEST_MONTH_DAYS = 30  # a month's first and last day are at most 30 days apart
_NOT_PLACES = frozenset(load("events.yaml", DATA_DIR)["grammar"]["not_places"])


def merge_events(events: Iterable[Event]) -> list[TimelineEvent]:
    """One TimelineEvent per happening, in date order (undated ones last)."""
    rules = load("events.yaml", DATA_DIR)["merge"]
    unique = sorted({e.id: e for e in sorted(events, key=_order)}.values(), key=_order)
    same = lambda a, b: _same(a, b, rules)  # noqa: E731
    span, need = rules["undated_span_days"], max(1, rules["undated_join_shared_actors"])
    groups = _components(unique, same, span, need)
    return sorted((_timeline_event(g) for g in groups), key=_timeline_order)


class _Index:
    """A list of events, to find those of one type that an event may be the same happening as: the closely timed
    ones whose days may overlap its own (sorted by first day), and those sharing ``need`` actors with it or of its
    very dates (a quarter, a year), the only ones a loosely timed report may join
    (``_timed_closely_enough``). Comparing every undated
    report with every other took 30 s for 10,000 article events."""

    def __init__(self, events: list[Event], span: int, need: int):
        self.span, self.need = span, need
        self.rows: dict[str, list[tuple[date, date, int]]] = {}
        self.by_actor: dict[tuple[str, str], list[int]] = {}
        self.by_dates: dict[tuple, list[int]] = {}
        for n, event in enumerate(events):
            if not _loosely_timed(event, span):
                self.rows.setdefault(event.event_type, []).append((*_span(event, span), n))
            elif event.date is not None:
                self.by_dates.setdefault((event.event_type, event.date, event.date_end), []).append(n)
            for actor in set(event.actor_ids):
                self.by_actor.setdefault((event.event_type, actor), []).append(n)
        for rows in self.rows.values():
            rows.sort()
        self.starts = {t: [r[0] for r in rows] for t, rows in self.rows.items()}
        self.longest = {t: max(r[1] - r[0] for r in rows) for t, rows in self.rows.items()}

    def near(self, event: Event) -> list[int]:
        """The indices of the events ``event`` may be the same happening as, in list order."""
        found: set[int] = set()
        shared: dict[int, int] = {}
        for actor in set(event.actor_ids):
            for n in self.by_actor.get((event.event_type, actor), ()):
                shared[n] = shared.get(n, 0) + 1
        found.update(n for n, count in shared.items() if count >= self.need)
        if not _loosely_timed(event, self.span):
            found.update(self._overlapping(event))
        elif event.date is not None:
            found.update(self.by_dates.get((event.event_type, event.date, event.date_end), ()))
        return sorted(found)

    def _overlapping(self, event: Event):
        low, high = _span(event, self.span)
        rows, starts = self.rows.get(event.event_type, []), self.starts.get(event.event_type, [])
        first = bisect.bisect_left(starts, _shift(low, -self.longest.get(event.event_type, timedelta(0))))
        last = bisect.bisect_right(starts, high)
        return (r[2] for r in rows[first:last] if r[1] >= low)


def _overlap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


def _exact_days(event: Event) -> tuple[date, date] | None:
    """The days of a day-precise report; None for a coarser or undated one."""
    return (event.date, event.date_end or event.date) if event.date is not None and event.precision == "day" else None


def _common(a: tuple[date, date] | None, b: tuple[date, date] | None) -> tuple[date, date] | None:
    """The days two spans share (None stands for any day)."""
    if a is None or b is None:
        return a or b
    return max(a[0], b[0]), min(a[1], b[1])


def _order(event: Event) -> tuple:
    return (event.date is None, event.date or date.min, event.event_type, event.article, event.evidence_start,
            event.id)


def _timeline_order(event: TimelineEvent) -> tuple:
    return (event.date is None, event.date or date.min, event.event_type, event.title, event.id)


def _components(events: list[Event], same, span: int, need: int) -> list[list[Event]]:
    """Connected components of the "same happening" relation (union-find), each in canonical order. Only the pairs
    ``_Index`` finds are compared, and two components join only when their day-precise reports share a day and no
    article has a report in both. Dated and undated reports are one graph: an undated mention joined to another that
    took a dated report's day is of that happening too (three pages' undated mentions of one offensive, one of them
    naming the region a fourth page dates to its month, are one event, as each pair says)."""
    parent = list(range(len(events)))
    days = [_exact_days(e) for e in events]  # of each root: the days all its day-precise reports share
    articles = [{e.article} for e in events]  # of each root: its reports' articles (one report of each)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index = _Index(events, span, need)
    for i, event in enumerate(events):
        for j in (j for j in index.near(event) if j > i):
            first, second = root(i), root(j)
            apart = first == second or not articles[first].isdisjoint(articles[second])
            if not apart and _overlap(days[first], days[second]) and same(event, events[j]):
                parent[max(first, second)] = min(first, second)
                days[min(first, second)] = _common(days[first], days[second])
                articles[min(first, second)] |= articles[max(first, second)]
    groups: dict[int, list[Event]] = {}
    for i, event in enumerate(events):
        groups.setdefault(root(i), []).append(event)
    return list(groups.values())


def _same(a: Event, b: Event, rules: dict) -> bool:
    """True when ``a`` and ``b`` report the same happening. Two reports of one article never are: the event stage
    has already told the article's happenings apart (timeline/events.py) and joined its repeated mentions; joined
    again here on a shared actor and overlapping days, 31 of the 47 such groups on the LOOK pages held reports that
    the gold counts as two happenings (two meetings of one visitor, "another bomb a day earlier", a release and an
    ambush), against about 12 mentions of one happening the event stage had left apart."""
    if a.event_type != b.event_type or a.id == b.id or a.article == b.article:
        return a.id == b.id
    if not _days_agree(a, b, rules["undated_span_days"]):
        return False
    if not _timed_closely_enough(a, b, rules):
        return False
    agree = actors_agree(a.actor_ids, b.actor_ids, rules["actor_overlap"])
    if agree and set(a.actor_ids) & set(b.actor_ids):
        return True
    return _same_place(a, b) and (agree or a.event_type in rules["place_is_enough"])


def _timed_closely_enough(a: Event, b: Event, rules: dict) -> bool:
    """True when what bounds the days of two reports of different articles is enough to join them. An undated mention
    bounded by its page's date takes the day of a dated report only when the two share ``undated_join_shared_actors``
    actors or name one place that is none of their actors (late floods "in eastern India" are not the cyclone of
    India dated ten days before; "the recent earthquake in Malatya" is the one dated there). An undated report
    that nothing bounds from above (``_loosely_timed``: a page of no known date) never joins a dated one (it would take
    its day) nor another such report; it joins an undated report bounded by its page only when the two share
    ``undated_join_shared_actors`` actors and name one place that is none of their actors (who and where, since
    nothing says when). A report of a quarter or a year joins one of other dates only on those shared actors. On the
    LOOK pages merged, such mentions joined to dated reports of another page were another happening 11 times in 13
    (the same two leaders a year apart, one province's raids, a flood and a cyclone of two countries), and a
    report of a whole year chained reports of its days."""
    span = rules["undated_span_days"]
    loose = [e for e in (a, b) if _loosely_timed(e, span)]
    shared = len(set(a.actor_ids) & set(b.actor_ids))
    if not loose and (a.date is None) != (b.date is None):  # the undated one, bounded by its page, takes the day
        return shared >= rules["undated_join_shared_actors"] or _same_place(a, b, beyond_actors=True)
    if not loose or a.date is not None and (a.date, a.date_end) == (b.date, b.date_end):
        return True  # closely timed, or of the same quarter or year (joined, they claim no finer day)
    unbounded = [e for e in loose if e.date is None]
    if len(unbounded) == 2 or unbounded and (a.date or b.date):
        return False
    if shared < rules["undated_join_shared_actors"]:
        return False
    return not unbounded or _same_place(a, b, beyond_actors=True)


def _loosely_timed(event: Event, span: int) -> bool:
    """True when nothing bounds the day of ``event`` from above (an undated mention on a page of no known date, or
    one known only to come after some day), or when its days span more than a month (a quarter, a year: "attacks
    this year" overlaps every day of it; on the LOOK pages such reports joined to others of one shared country were
    another happening 3 times in 3, while a month's retelling ("in March 2031") was the same one 3 times in 3)."""
    if event.date is None and (not event.date_window or event.date_window[1] is None):
        return True
    low, high = _span(event, span)
    return (high - low).days > _LONGEST_MONTH_DAYS


def _same_place(a: Event, b: Event, beyond_actors: bool = False) -> bool:
    """True when the place of one report is named by the other (as its location or in its evidence); with
    ``beyond_actors``, by a word that names none of their actors ("Iraq" of two reports whose actors hold Iraq says
    no more than the actors)."""
    names = _places(" ".join((*a.actors, *b.actors))) if beyond_actors else frozenset()
    return bool((_places(a.location) - names) & (_places(b.location) | _places(b.evidence))
                or (_places(b.location) - names) & _places(a.evidence))


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
        found_by=RULE if any(e.found_by == RULE for e in group) else lead.found_by,
    )


def _lead_order(event: Event) -> tuple:
    """The report that speaks for the group: dated, most precise, most confident."""
    return (event.date is None, PRECISION_RANK.get(event.precision, 9), -event.confidence, event.article,
            event.evidence_start, event.id)


def _basis(lead: Event, group: list[Event]) -> str:
    """The lead's date basis, and for a happening told by several articles why they were joined and whose day it
    has: "...; told by 3 articles (the same type of event, on days that agree, or undated, naming Ana Moro and Ivo
    Sander); its date is that of x.txt, its most exact report; taken by the undated mention of 1 other article". The
    sources name the other articles (a long file name cut the table's Date basis column)."""
    parts = [lead.date_basis]
    if len(group) > 1:
        parts.append(f"{JOINED_BY}{len(group)} articles ({_why_joined(group)})")
        if lead.date is not None:
            parts.append(f"its date is that of {lead.article}, its most exact report")
    undated = sum(e.date is None for e in group)
    if lead.date is not None and undated:
        parts.append("taken by the undated mention of 1 other article" if undated == 1
                     else f"taken by the undated mentions of {undated} other articles")
    return "; ".join(parts)


def _why_joined(group: list[Event]) -> str:
    """What the reports share: the type, days that agree, and the actors (or else the place) named by more than one
    of them."""
    named: dict[str, set[str]] = {}
    for event in group:
        for name in event.actors:
            named.setdefault(name, set()).add(event.id)
    shared = [name for name, where in named.items() if len(where) > 1]
    dated = sum(e.date is not None for e in group)
    days = ("on days that agree" if dated == len(group) else "undated" if not dated
            else "on days that agree, or undated")
    if shared:
        return f"the same type of event, {days}, naming {_and(shared[:4])}"
    place = next((e.location for e in group if e.location), None)
    return f"the same type of event, {days}, at one place ({place})" if place else f"the same type of event, {days}"


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


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
