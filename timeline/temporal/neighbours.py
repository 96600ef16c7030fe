"""Expressions that settle each other once all are found: a clock time on the day named right after it,
a weekday in the week named next to it.

Reads: the tagger's expressions of one text, in order, and the text. Adds: the same expressions, a clock
time or a weekday moved to the day its neighbour names ("at 10 a.m. yesterday", "on Monday last week").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from ..models import Timex
from . import calendar as cal
from .lexicon import Lexicon

TIME_BEFORE_DAY = re.compile(r"\s*,?\s*(?:on\s+|of\s+)?")  # "10 a.m. yesterday", "3 a.m. on May 4"
WEEKDAY_BEFORE_WEEK = re.compile(r"\s*,?\s*(?:of\s+)?")  # "Monday last week", "Tuesday of next week"
WEEK_BEFORE_WEEKDAY = re.compile(r"\s*,?\s*(?:on\s+)?")  # "last week on Monday"
ISO_WEEK = re.compile(r"\d{4}-W\d\d")
POSSESSIVE = ("'s", "’s")  # "Monday, last week's vote": the week names the vote, not the Monday


def settle(found: list[Timex], text: str, lexicon: Lexicon) -> list[Timex]:
    """``found`` with weekdays moved into the week named next to them, then clock times onto the day named
    right after them ("at 10 a.m. on Monday last week")."""
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
