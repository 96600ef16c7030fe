"""A small, clock-free date parser for date lines, datelines and metadata values.

Reads a short string; returns a ``PartialDate`` (the year may be missing) or None. Impossible
dates ("February 30") give None. Nothing here reads today's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path

from ..derived import compiled
from .rules import date_rules

# Publication dates outside these years are treated as unreadable, not as dates.
MIN_YEAR, MAX_YEAR = 1800, 2200

_DIGITS = re.compile(r"\d+")
_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class PartialDate:
    year: int | None
    month: int
    day: int

    def to_date(self, year: int | None = None) -> date | None:
        """The calendar day, with ``year`` filling a missing year; None when impossible."""
        return safe_date(self.year if self.year is not None else year, self.month, self.day)

    @property
    def value(self) -> str:
        """ISO-like value: "2023-09-19", or "--09-19" without a year."""
        head = f"{self.year:04d}" if self.year is not None else "-"
        return f"{head}-{self.month:02d}-{self.day:02d}"


def parse_date(text: str, data_dir: Path, before: str = "", after: str = "") -> PartialDate | None:
    """The first date written in ``text`` ("20 September 2023", "18.09.23", "Sept 19", "2023-05-26").

    ``before`` is what stands before ``text`` on its line: a weekday at its end ("Tue, ") picks the order of a
    date in figures that reads both ways ("Tue, 03/05/2030" is 5 March, a Tuesday; 3 May is a Friday). ``after`` is
    what follows it: a 12-hour clock with its seconds ("3/5/2030 10:15:00 AM", the American stamp of many content
    systems) puts the month first."""
    rules = date_rules(data_dir)
    match = _any_date(data_dir).search(text[:200])
    if not match:
        return None
    span = match.group(0)
    found = _resolve(span, rules.months)
    if _WORDS.search(span) or re.match(r"\d{4}", span):
        return found  # a month's word or the year first: one reading only
    weekday = _weekday_before(before + text[:match.start()], data_dir)
    if weekday is not None:
        return _agreeing_order(found, weekday)
    if "/" in span and _US_CLOCK.match(text[match.end():] + after):
        return _month_first(found)
    return found


# A 12-hour clock with seconds after a date in figures: "10:15:00 AM", " 2:00:21 PM".
_US_CLOCK = re.compile(r"[ ,]+\d{1,2}:\d{2}:\d{2}[ ]?(?i:am|pm)\b")


def _month_first(found: PartialDate | None) -> PartialDate | None:
    """A date in figures read day first ("3/12/2024" as 3 December), read month first (12 March) when it can be."""
    if found is None or found.year is None or found.day > 12 or found.day == found.month:
        return found
    return PartialDate(found.year, found.day, found.month)


def url_date(url: str, data_dir: Path) -> tuple[date | None, tuple[int, int] | None]:
    """(day, None) for a page address whose path gives a day ("/2031/02/17/slug"), (None, (year, month)) for one
    giving only a month ("/2031/02/slug"), else (None, None). The host and query are never read (data/datelines.yaml
    ``url_dates``)."""
    path = _url_path(url)
    rules = date_rules(data_dir)
    for pattern in rules.url_days:
        for match in pattern.finditer(path):
            month = rules.months.get(match.group("monthword").lower().rstrip(".")) if "monthword" in pattern.groupindex \
                else int(match.group("month"))
            day = safe_date(int(match.group("year")), month or 0, int(match.group("day")))
            if day is not None:
                return day, None
    for pattern in rules.url_months:
        if match := pattern.search(path):
            return None, (int(match.group("year")), int(match.group("month")))
    return None, None


def _url_path(url: str) -> str:
    """The path of an address, without scheme, host, query or fragment ("" for none)."""
    rest = url.strip().split("#", 1)[0].split("?", 1)[0]
    if "://" in rest:
        rest = rest.split("://", 1)[1]
        rest = rest[rest.find("/"):] if "/" in rest else ""
    return rest


def date_weekday(text: str, data_dir: Path) -> int | None:
    """The weekday (Monday = 0) written right before the first date of ``text`` ("Tuesday, May 14"), or None."""
    match = _weekday_date(data_dir).search(text[:200])
    if not match:
        return None
    return date_rules(data_dir).weekdays.get(match.group("weekday").lower().rstrip("."))


def _weekday_before(text: str, data_dir: Path) -> int | None:
    match = _weekday_at_end(data_dir).search(text[-20:])
    return date_rules(data_dir).weekdays.get(match.group("weekday").lower().rstrip(".")) if match else None


def _agreeing_order(found: PartialDate | None, weekday: int) -> PartialDate | None:
    """A date in figures whose day and month can swap: the reading that falls on ``weekday``, if only the other does not."""
    if found is None or found.year is None or found.day > 12 or found.day == found.month:
        return found
    swapped = PartialDate(found.year, found.day, found.month)
    if found.to_date().weekday() != weekday and swapped.to_date().weekday() == weekday:
        return swapped
    return found


@lru_cache(maxsize=8)
def _weekday_at_end(data_dir: Path) -> re.Pattern:
    return re.compile(f"(?<![^\\W\\d_])(?P<weekday>{date_rules(data_dir).fragments['WEEKDAY']})[ ]*,?[ ]*$")


@lru_cache(maxsize=8)
def _weekday_date(data_dir: Path) -> re.Pattern:
    fragments = date_rules(data_dir).fragments
    return compiled(f"(?P<weekday>{fragments['WEEKDAY']}),?[ ]+(?:{fragments['ANYDATE']})")


@lru_cache(maxsize=8)
def _any_date(data_dir: Path) -> re.Pattern:
    return compiled(date_rules(data_dir).fragments["ANYDATE"])


def _resolve(span: str, months: dict) -> PartialDate | None:
    numbers = [int(n) for n in _DIGITS.findall(span)]
    month = next((months[w.lower()] for w in _WORDS.findall(span) if w.lower() in months), None)
    if month is not None:
        return _with_month_word(numbers, month)
    return _numeric(span, numbers)


def _with_month_word(numbers: list[int], month: int) -> PartialDate | None:
    if len(numbers) == 1:
        return _checked(None, month, numbers[0])
    if len(numbers) >= 2:
        day, year = (numbers[0], numbers[1]) if numbers[0] <= 31 else (numbers[1], numbers[0])
        return _checked(year, month, day)
    return None


def _numeric(span: str, numbers: list[int]) -> PartialDate | None:
    if len(numbers) != 3:
        return None
    first, second, third = numbers
    if re.match(r"\d{4}", span):
        return _checked(first, second, third)  # year first: 2023-05-26, 2023/05/26
    year = third + (2000 if third < 70 else 1900) if third < 100 else third
    if second > 12 and first <= 12:
        return _checked(year, first, second)  # month first: 09/25/2023
    return _checked(year, second, first)  # day first: 18.09.23


def _checked(year: int | None, month: int, day: int) -> PartialDate | None:
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if safe_date(year if year is not None else 2000, month, day) is None:  # 2000 is a leap year
        return None
    return PartialDate(year, month, day)


def safe_date(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_metadata_date(value: object, data_dir: Path, language: str = "en") -> date | None:
    """A publication date from a record or meta tag: ISO strings, epoch numbers, other written dates."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return _from_epoch(float(value))
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()[:100]
    iso = _from_iso(text)
    if iso is not None:
        return iso
    partial = parse_date(text, data_dir)
    if partial is not None:
        return partial.to_date()
    return _from_dateparser(text, language)


def _from_iso(text: str) -> date | None:
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.date() if MIN_YEAR <= parsed.year <= MAX_YEAR else None


def _from_epoch(seconds: float) -> date | None:
    if 1e11 <= abs(seconds) < 1e14:
        seconds /= 1000.0  # milliseconds
    if not 1e8 <= seconds < 1e10:
        return None
    return datetime.fromtimestamp(seconds, tz=timezone.utc).date()


def _from_dateparser(text: str, language: str) -> date | None:
    """dateparser for other written forms ("Tue, 19 Sep 2023 10:00:00 GMT"), never relative to today."""
    import dateparser

    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RELATIVE_BASE": datetime(2000, 1, 1),
        "PARSERS": ["absolute-time", "custom-formats"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        parsed = dateparser.parse(text, languages=[language], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input; an unreadable date is None
        return None
    return parsed.date() if parsed and MIN_YEAR <= parsed.year <= MAX_YEAR else None
