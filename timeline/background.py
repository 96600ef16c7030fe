"""Background mentions: the history an article retells, told apart from its news.

Reads: one article's ``Event`` records, the ``Article`` (its publication date) and the article's temporal
expressions. Adds: ``background=True`` on each event that the article retells as history, with the reason
appended to its ``date_basis``; nothing is dropped, so a user can still show them (the app hides them by default,
``parse --no-background`` leaves them out, ``eval`` scores what the app shows).

The rules (data/background.yaml): a happening named by its year, a year before the page's (or on a page of no
known date: "the rivals blame each other for breaking their 2011 truce accord"); a happening dated only by a month, a quarter, a year or a part of one (its own
date, as the event's date basis names it: "in 2019", "in late 2019", "two years ago") that ended more than ``days_before`` days before the page's date ("the two countries
signed a trade treaty in 2019", "clashes erupted in the north in April last year"). A day, however old, stays news
("on 6 October 2022 the leaders met"), and so do a mention whose sentence names a day ("On Tuesday, the two
countries signed a treaty first drafted in 2019") and the article's first event in its lead, which is its news.
On a page of no known date, 1 January of the latest year one of its happenings is dated in stands for the page's
date: the page was written no earlier ("the president took office in 2009" on a page that tells of 2023).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from .events import LEAD_CHARS
from .models import Article, Event, Timex
from .resources import load
from .settings import DEFAULT_SETTINGS, Settings

# The own date an event's basis names (timeline.event_dates.describe_timex): 'own date: "in 2019" -> 2019 (...)'.
_OWN_DATE = re.compile(r'own date: "(?P<text>.*?)" -> (?P<value>\S+)')
# The granularity a coarse event's precision stands for, when its expression is not found among the article's.
_GRANULARITY_OF = {"month": "month", "year": "year"}
_DAY_GRANULARITIES = ("day", "time")


def mark(events: Sequence[Event], article: Article, timexes: Iterable[Timex],
         settings: Settings = DEFAULT_SETTINGS) -> tuple[Event, ...]:
    """``events`` with ``background`` set (and its reason in the date basis) on the history the article retells."""
    rules = load("background.yaml", settings.data_dir)
    timexes = tuple(timexes)
    lead = _lead_event(events)
    floor = _latest_year_told(events) if article.published is None else None
    return tuple(_marked(e, reason) if e is not lead and (reason := why(e, article, timexes, rules, floor)) else e
                 for e in events)


def why(event: Event, article: Article, timexes: Sequence[Timex], rules: dict,
        floor: date | None = None) -> str | None:
    """Why ``event`` is background ("dated only 2019, over a year before the page's date 2024-03-10: background"),
    or None when it is news. The article's first event in its lead is left to the caller (``mark``). On a page of
    no known date, ``floor`` (1 January of the latest year a happening of the page is dated in) stands for the
    page's date: the page was written no earlier."""
    published = article.published
    own = _OWN_DATE.match(event.date_basis)
    if event.date is None or own is None:
        return None
    if _named_by_its_year(event, own, rules) and (published is None or event.date.year < published.year):
        return rules["year_named_reason"].format(when=own["value"])
    reference = published or floor
    if reference is None:
        return None
    if not _coarse(_granularity(event, own, timexes), own["value"], rules) or _names_a_day(event, timexes):
        return None
    last = event.date_end or event.date
    if (reference - last).days <= rules["days_before"]:
        return None
    if published is None:
        return rules["undated_reason"].format(when=own["value"], year=reference.year)
    return rules["reason"].format(when=own["value"], published=published.isoformat())


def _latest_year_told(events: Sequence[Event]) -> date | None:
    """1 January of the latest year any of ``events`` is dated in (they are all told as past: plans are no events)."""
    years = [(e.date_end or e.date).year for e in events if e.date is not None]
    return date(max(years), 1, 1) if years else None


def _named_by_its_year(event: Event, own: re.Match, rules: dict) -> bool:
    """True when the event's own date is a year that names its happening, right before the trigger's noun after a
    determiner or a possessive ("breaking their 2011 truce accord", "sought over the bloody 2012 bombing of a
    station", "its 2008 trade agreement"; data/background.yaml ``year_named``): a known happening of the past."""
    trigger = event.evidence.find(event.trigger) if event.trigger else -1
    if not re.fullmatch(r"\d{4}", own["text"]) or trigger < 0:
        return False
    pattern = re.compile(rules["year_named"].format(year=re.escape(own["text"])), re.IGNORECASE)
    return pattern.search(event.evidence[:trigger]) is not None


def _coarse(granularity: str, value: str, rules: dict) -> bool:
    """True for a date no finer than the rule's granularities: a month, a quarter, a year, or a range whose TimeML
    value names no day ("late 2019" -> 2019, "the first half of 2019" -> 2019-H1)."""
    return granularity in rules["granularities"] or \
        granularity == "range" and re.match(rules["coarse_range_value"], value) is not None


def _granularity(event: Event, own: re.Match, timexes: Sequence[Timex]) -> str:
    """The granularity of the event's own expression (found in its sentence), else the one its precision gives."""
    for timex in timexes:
        if event.evidence_start <= timex.start < event.evidence_end and timex.text == own["text"] \
                and timex.value == own["value"]:
            return timex.granularity
    return _GRANULARITY_OF.get(event.precision, "")


def _names_a_day(event: Event, timexes: Sequence[Timex]) -> bool:
    """True when the event's sentence names a day ("On Tuesday, ... a treaty first drafted in 2019")."""
    return any(event.evidence_start <= t.start < event.evidence_end and t.granularity in _DAY_GRANULARITIES
               for t in timexes)


def _lead_event(events: Sequence[Event]) -> Event | None:
    """The article's first event, when it is told in the lead (its news, whatever its date)."""
    first = min(events, key=lambda e: (e.evidence_start, e.id), default=None)
    return first if first is not None and first.evidence_start < LEAD_CHARS else None


def _marked(event: Event, reason: str) -> Event:
    return replace(event, background=True, date_basis=f"{event.date_basis}; {reason}")
