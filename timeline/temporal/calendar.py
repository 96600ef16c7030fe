"""Pure calendar arithmetic for the temporal tagger: weekdays, month/week/quarter spans, year search.

Nothing here reads the clock; every function takes the date it works from.
"""

from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta

SLACK = timedelta(days=31)
NO_SLACK = timedelta(0)  # a past verb governing the date through "on": the happening is over
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def weekday_date(weekday: int, anchor: date, direction: str = "past") -> date:
    """The latest ``weekday`` (Monday = 0) on or before ``anchor`` ("past"), or the next one after it ("future")."""
    if direction == "future":
        return anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def nth_weekday(year: int, month: int, weekday: int, n: int, from_day: int = 1) -> date:
    """The ``n``-th ``weekday`` of a month counted from ``from_day`` (n = -1: the last one)."""
    if n < 0:
        last = month_span(year, month)[1]
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, from_day)
    return first + timedelta(days=(weekday - first.weekday()) % 7, weeks=n - 1)


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)``, or None when there is no such day (31 June)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, _cal.monthrange(year, month)[1])


def year_span(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def week_span(day: date) -> tuple[date, date]:
    """Monday to Sunday of the ISO week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_span(year: int, quarter: int) -> tuple[date, date]:
    return month_span(year, 3 * quarter - 2)[0], month_span(year, 3 * quarter)[1]


def half_span(year: int, half: int) -> tuple[date, date]:
    return month_span(year, 6 * half - 5)[0], month_span(year, 6 * half)[1]


def season_span(year: int, code: str) -> tuple[date, date]:
    """Meteorological seasons (northern hemisphere); winter runs December of ``year`` to February."""
    first, last = SEASON_MONTHS[code]
    end_year = year + 1 if last < first else year
    return month_span(year, first)[0], month_span(end_year, last)[1]


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, _cal.monthrange(year, month + 1)[1]))


def shift(day: date, amount: int, unit: str) -> date:
    """``day`` moved by ``amount`` units (D, W, M, Q, Y, DE, CE)."""
    if unit == "D":
        return day + timedelta(days=amount)
    if unit == "W":
        return day + timedelta(weeks=amount)
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[unit]
    return add_months(day, amount * months)


def nearest_date(month: int, day: int, anchor: date, weekday: int | None = None, window: int = 183,
                 tense: str | None = None, slack: timedelta = SLACK) -> date | None:
    """The ``month``/``day`` nearest to ``anchor`` (within ``window`` days), agreeing with ``weekday`` if given;
    a "past" tense keeps it before the anchor (or at most ``SLACK`` after), "future" after it (or at most
    ``SLACK`` before: "by Jan. 14" in an article of 15 January is a deadline just missed); ``slack`` replaces
    ``SLACK`` (NO_SLACK: strictly on or before the anchor for "past").

    With a weekday and nothing inside the window, the nearest agreeing year within seven years is taken.
    """
    found = candidate_dates(month, day, anchor, weekday, years=7)
    if tense in ("past", "future"):
        found = [d for d in found if (d <= anchor + slack if tense == "past" else d >= anchor - slack)]
        window = max(window, 366)
    inside = [d for d in found if abs((d - anchor).days) <= window]
    if inside:
        return inside[0]
    return found[0] if found and weekday is not None else None


def candidate_dates(month: int, day: int, around: date, weekday: int | None = None, years: int = 7) -> list[date]:
    """Every existing ``month``/``day`` within ``years`` of ``around`` on ``weekday``, nearest first."""
    days = (safe_date(around.year + k, month, day) for k in range(-years, years + 1))
    found = [d for d in days if d and (weekday is None or d.weekday() == weekday)]
    return sorted(found, key=lambda d: (abs((d - around).days), d))
