"""What a normaliser returns for one matched span, and builders for the common shapes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from . import calendar as cal


@dataclass(frozen=True)
class Reading:
    """A span's TIMEX3 type and value plus the calendar span a timeline should use."""

    type: str
    value: str
    first_day: date | None = None
    last_day: date | None = None
    granularity: str = "vague"
    basis: str = ""  # what a relative expression was resolved against


def day(d: date, basis: str = "", suffix: str = "") -> Reading:
    kind = "TIME" if suffix else "DATE"
    return Reading(kind, d.isoformat() + suffix, d, d, "time" if suffix else "day", basis)


def month(year: int, m: int, basis: str = "") -> Reading:
    first, last = cal.month_span(year, m)
    return Reading("DATE", f"{year:04d}-{m:02d}", first, last, "month", basis)


def year(y: int, basis: str = "") -> Reading:
    first, last = cal.year_span(y)
    return Reading("DATE", f"{y:04d}", first, last, "year", basis)


def week(d: date, basis: str = "") -> Reading:
    first, last = cal.week_span(d)
    return Reading("DATE", cal.week_value(d), first, last, "week", basis)


def quarter(y: int, q: int, basis: str = "") -> Reading:
    first, last = cal.quarter_span(y, q)
    return Reading("DATE", f"{y:04d}-Q{q}", first, last, "quarter", basis)


def unknown(value: str, granularity: str = "vague", kind: str = "DATE") -> Reading:
    """An expression whose calendar position is not known (no anchor, or a vague reference)."""
    return Reading(kind, value, None, None, granularity)


def part_of(reading: Reading, part: str) -> Reading:
    """The early/mid/late third of a reading's span; the value keeps the whole period (TimeML's convention).
    A span of whole months, three or more, is cut at month ends ("late 2009": September to December); a
    shorter one by days ("late March": the 21st to the 31st)."""
    if reading.first_day is None or part not in ("early", "mid", "late"):
        return reading
    index = ("early", "mid", "late").index(part)
    months = _whole_months(reading.first_day, reading.last_day)
    if months >= 3:
        third = months // 3
        start = cal.add_months(reading.first_day, index * third)
        end = reading.last_day if part == "late" else cal.add_months(start, third) - timedelta(days=1)
        return Reading(reading.type, reading.value, start, end, "range", reading.basis)
    length = (reading.last_day - reading.first_day).days + 1
    third = length // 3
    offsets = {"early": (0, third - 1), "mid": (third, 2 * third - 1), "late": (2 * third, length - 1)}[part]
    start, end = (cal.shift(reading.first_day, n, "D") for n in offsets)
    return Reading(reading.type, reading.value, start, end, "range", reading.basis)


def _whole_months(first: date, last: date) -> int:
    """How many calendar months ``first`` to ``last`` spans when it starts on a 1st and ends on a month's last day;
    0 otherwise."""
    if first.day != 1 or (last + timedelta(days=1)).day != 1:
        return 0
    return (last.year - first.year) * 12 + last.month - first.month + 1


def number(text: str, lexicon) -> int | float | str | None:
    """A number written in digits or words ("3", "three", "twenty-five", "several" -> "X")."""
    text = text.strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text) if "." in text else int(text)
    if re.fullmatch(r"\d+\s+1/2", text):
        return int(text.split()[0]) + 0.5
    parts = re.split(r"[\s-]+", text)
    if len(parts) == 2 and lexicon.value("numbers", parts[0]) in range(20, 100, 10):
        tail = lexicon.value("numbers", parts[1])
        return lexicon.value("numbers", parts[0]) + tail if isinstance(tail, int) else None
    return lexicon.value("numbers", text)
