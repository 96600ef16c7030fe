"""Expressions that settle each other once all are found: a clock time on the day named right after it,
a weekday in the week named next to it, or in the span of days named just before its sentence when the sentence
is set inside that happening.

Reads: the tagger's expressions of one text, in order, and the text. Adds: the same expressions, a clock
time or a weekday moved to the day its neighbour names ("at 10 a.m. yesterday", "on Monday last week", "... from
May 1 to May 3. During the visit, he met X on Thursday").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from ..models import Timex
from . import calendar as cal
from .lexicon import Lexicon

TIME_BEFORE_DAY = re.compile(r"\s*,?\s*(?:on\s+|of\s+)?")  # "10 a.m. yesterday", "3 a.m. on May 4"
WEEKDAY_BEFORE_WEEK = re.compile(r"\s*,?\s*(?:of\s+)?")  # "Monday last week", "Tuesday of next week"
WEEK_BEFORE_WEEKDAY = re.compile(r"\s*,?\s*(?:on\s+)?")  # "last week on Monday"
ISO_WEEK = re.compile(r"\d{4}-W\d\d")
POSSESSIVE = ("'s", "’s")  # "Monday, last week's vote": the week names the vote, not the Monday


def settle(found: list[Timex], text: str, lexicon: Lexicon) -> list[Timex]:
    """``found`` with weekdays moved into the week named next to them or into a span named before their sentence,
    then clock times onto the day named right after them ("at 10 a.m. on Monday last week")."""
    _into_spans(found, text, lexicon)
    for i in range(len(found) - 1):
        first, second = found[i], found[i + 1]
        if first.rule in lexicon.weekday_rules and WEEKDAY_BEFORE_WEEK.fullmatch(text, first.end, second.start):
            found[i] = _in_week(first, second, text)
        elif second.rule in lexicon.weekday_rules and WEEK_BEFORE_WEEKDAY.fullmatch(text, first.end, second.start):
            found[i + 1] = _in_week(second, first, text)
    for i in range(len(found) - 1):
        if found[i].rule in lexicon.clock_rules and TIME_BEFORE_DAY.fullmatch(text, found[i].end, found[i + 1].start):
            found[i] = _on_day(found[i], found[i + 1])
    return found


SPAN_JOINER = re.compile(r"\s*(?:to|until|till|through|and|-|–)\s*", re.IGNORECASE)  # "May 1 to May 3"
SPAN_FROM = re.compile(r"(?<![\w])(?:from|between)\s+(?:the\s+)?$", re.IGNORECASE)
LONGEST_SPAN = 14  # days: a visit, a tour, a session; a longer span may hold a weekday more than once
SENTENCE_START = re.compile(r"(?:^|\n|[.!?][\"”’)]*\s+)(?=[^.!?\n]*$)")
BARE_WEEKDAY = re.compile(r"(?:on\s+)?[^\W\d]+(?:\s+(?:morning|afternoon|evening|night))?", re.IGNORECASE)


def _into_spans(found: list[Timex], text: str, lexicon: Lexicon) -> None:
    """Each bare weekday of a sentence that opens inside a happening told before it (``span_opener``: "During the
    visit, he met X on Thursday") moved into the span of days named last before that sentence ("from May 1 to May
    3", "on May 1-3"), when the span holds that weekday: the tagger counts it from the document date, a week later."""
    if lexicon.span_opener is None:
        return
    for i, weekday in enumerate(found):
        if i == 0 or weekday.rule not in lexicon.weekday_rules or weekday.first_day is None \
                or not BARE_WEEKDAY.fullmatch(weekday.text):
            continue
        start = SENTENCE_START.search(text, max(0, weekday.start - 400), weekday.start)
        opener = lexicon.span_opener.match(text, start.end()) if start is not None else None
        if opener is None or opener.end() > weekday.start:  # "During his speech Wednesday night," names its own day
            continue
        span = _span_before(found, i, text, start.end())
        if span is not None:
            found[i] = _in_span(weekday, span)


def _span_before(found: list[Timex], i: int, text: str, sentence: int) -> tuple[date, date, str] | None:
    """(first day, last day, words) of the span of days named last before offset ``sentence``: one expression of
    a few days told by their numbers ("May 1-3") or two days joined after "from" ("from May 1 to May 3"); None when
    the expression named last is no such span."""
    before = [t for t in found[:i] if t.end <= sentence]
    if not before or before[-1].first_day is None:
        return None
    last = before[-1]
    if last.granularity == "range" and last.last_day and any(c.isdigit() for c in last.text) \
            and 0 < (last.last_day - last.first_day).days <= LONGEST_SPAN:  # days by number, not "late November"
        return last.first_day, last.last_day, last.text
    if len(before) < 2 or last.granularity not in ("day", "time"):
        return None
    first = before[-2]
    if first.first_day is None or first.granularity not in ("day", "time") \
            or not SPAN_JOINER.fullmatch(text, first.end, last.start) \
            or not SPAN_FROM.search(text, max(0, first.start - 14), first.start) \
            or not 0 < (last.first_day - first.first_day).days <= LONGEST_SPAN:
        return None
    return first.first_day, last.first_day, text[first.start : last.end]


def _in_span(weekday: Timex, span: tuple[date, date, str]) -> Timex:
    """The weekday on its day inside ``span``, when the span holds one."""
    first, last, words = span
    day = first + timedelta(days=(weekday.first_day.weekday() - first.weekday()) % 7)
    if day > last or day == weekday.first_day:
        return weekday
    suffix = weekday.value[10:]  # "TEV" of "Thursday evening"
    return replace(weekday, value=day.isoformat() + suffix, first_day=day, last_day=day,
                   anchor=f"the span named before its sentence, {words!r} ({first.isoformat()} to {last.isoformat()})")


def _on_day(time: Timex, day: Timex) -> Timex:
    """The clock time on ``day``'s day, when ``day`` names one."""
    if day.first_day is None or day.granularity not in ("day", "time") or "T" not in time.value:
        return time
    clock = time.value[time.value.index("T"):]
    return replace(time, value=day.first_day.isoformat() + clock, first_day=day.first_day, last_day=day.first_day,
                   anchor=f"{day.text!r} ({day.first_day.isoformat()})")


def _in_week(weekday: Timex, week: Timex, text: str) -> Timex:
    """The weekday in the calendar week ``week`` names (an ISO week: Monday to Sunday)."""
    if (weekday.first_day is None or week.first_day is None or not ISO_WEEK.fullmatch(week.value)
            or text.startswith(POSSESSIVE, week.end)):
        return weekday
    day = cal.week_span(week.first_day)[0] + timedelta(days=weekday.first_day.weekday())
    if day == weekday.first_day:
        return weekday
    suffix = weekday.value[10:]  # "T10:00", "TMO" or nothing
    return replace(weekday, value=day.isoformat() + suffix, first_day=day, last_day=day,
                   anchor=f"{week.text!r} ({week.value})")
