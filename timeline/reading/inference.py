"""Step 5 of the publication-date order: a date inferred from the text, for an article that has none.

Reads an Article without ``published``, a reference date from the rest of the corpus (e.g. the median
of the other articles' dates, or None) and Settings; adds ``published`` with ``published_inferred=True``
and the basis in words. Evidence, strongest first:

1. a dateline without a year ("BAKU, Sept 19 (Reuters) -"): that day, in the year that puts it
   nearest the reference (or the latest explicit date in the text);
2. otherwise the latest day the text reports (dates in a future context, "will meet on May 14", are
   left out): a day-month with a weekday in the year where they agree
   ("Saturday, September 23" is a Saturday in 2023), a day-month nearest the reference, or an
   explicit date (within ``settings.year_search_window_days`` of the reference when there is one).
   The article was published on or after that day; the basis says so.

A day from the text (step 2) is only a lower bound, so it becomes the publication day only when it can
stand for it: it is later than every date the text puts after a word such as "since" ("the first incident
since February 13, 2024": the article came after that day; words in data/datelines.yaml ``after_words``),
and the text's weekday mentions agree with it (none, or one naming its weekday). Otherwise the article stays
undated and ``published_basis`` starts with ``NOT_BEFORE`` and the earliest day left (``publication_floor``
reads it back), so that later stages can bound a window without inventing a day.

Without usable evidence the article stays undated. Today's date is never used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from ..models import Article, Timex
from ..resources import load
from ..settings import DEFAULT_SETTINGS, Settings
from .building import YEARLESS_PREFIX
from .dates import parse_date

# Only this much of a text is tagged for inference (dates that matter are near the top).
MAX_CHARS = 100_000
YEARLESS = re.compile(r"XXXX-(\d\d)-(\d\d)")
FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")
WEEKDAY_VALUE = re.compile(r"XXXX-WXX-([1-7])")  # a weekday alone ("on Tuesday evening"), ISO 1 = Monday
# The basis of an undated article whose text bounds its publication from below.
NOT_BEFORE = "no publication day; not before "
# How far before a date an "after word" may stand ("since the 13 February", "since early").
AFTER_WORD_REACH = 24
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Evidence:
    day: date
    basis: str
    weekday_named: bool = False  # the evidence itself names the day's weekday ("Saturday, September 23")
    words: str = ""  # the date as the text writes it


def infer_published(article: Article, reference: date | None, settings: Settings = DEFAULT_SETTINGS) -> Article:
    """The article with an inferred publication date, or unchanged when it has one or nothing fits; an
    article whose text only bounds the date from below stays undated with that bound in its basis."""
    if article.published is not None:
        return article
    text = article.text[:MAX_CHARS]
    timexes = _tag(text, settings)
    hint = reference or _latest_explicit(timexes, None, settings)
    found = _from_dateline(article, hint, reference, settings) or _from_body(text, timexes, hint, reference, settings)
    if isinstance(found, str):
        return replace(article, published_basis=found)
    if found is None:
        return article
    return replace(article, published=found.day, published_inferred=True, published_basis=found.basis)


def _from_body(text: str, timexes: list[Timex], hint: date | None, reference: date | None,
               settings: Settings) -> Evidence | str | None:
    """Evidence from the text; a ``NOT_BEFORE`` basis when it only bounds the day from below."""
    after, reported = _split_after(text, timexes, settings)
    found = _from_text(reported, hint, reference, settings)
    bound = _from_text(after, hint, reference, settings, window=False)
    floor, why = _no_day(found, bound, _weekdays(reported))
    return f"{NOT_BEFORE}{floor.isoformat()}: {why}" if floor is not None else found


def publication_floor(article: Article) -> date | None:
    """The earliest day an undated article can have appeared, when inference found only that bound."""
    if article.published is not None or not article.published_basis.startswith(NOT_BEFORE):
        return None
    return date.fromisoformat(article.published_basis[len(NOT_BEFORE):len(NOT_BEFORE) + 10])


def _split_after(text: str, timexes: list[Timex], settings: Settings) -> tuple[list[Timex], list[Timex]]:
    """The timexes right after an "after word" ("since February 13, 2024") and the others."""
    words = _after_words(Path(settings.data_dir))
    bound = [bool(words.search(text[max(0, t.start - AFTER_WORD_REACH):t.start])) for t in timexes]
    return ([t for t, b in zip(timexes, bound) if b], [t for t, b in zip(timexes, bound) if not b])


@lru_cache(maxsize=8)
def _after_words(data_dir: Path) -> re.Pattern:
    words = load("datelines.yaml", data_dir).get("after_words", {}).get("words", [])
    alternation = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(rf"\b(?i:{alternation})\b(?:[ ](?i:the|early|late|mid))?[ ]*$")


def _weekdays(timexes: list[Timex]) -> set[int]:
    """The weekdays (Monday = 0) the text names without a date."""
    return {int(m.group(1)) - 1 for t in timexes for m in [WEEKDAY_VALUE.match(t.value)] if m}


def _no_day(found: Evidence | None, bound: Evidence | None, weekdays: set[int]) -> tuple[date | None, str]:
    """The earliest possible day and why, when the text's evidence cannot stand for the publication day;
    (None, "") when it can (or when there is no evidence at all)."""
    if bound is not None and (found is None or found.day <= bound.day):
        floor = bound.day + timedelta(days=1)
        return floor, (f"the text puts the article after {bound.day.isoformat()} "
                       f"({bound.words!r}) and reports no later day")
    if found is None or found.weekday_named or not weekdays or found.day.weekday() in weekdays:
        return None, ""
    named = ", ".join(WEEKDAY_NAMES[d] for d in sorted(weekdays))
    return found.day, (f"the latest day the text reports is {found.day.isoformat()}, a {found.day:%A}, but the "
                       f"text also names {named}: that weekday cannot be placed, so no day is inferred")


def _tag(text: str, settings: Settings) -> list[Timex]:
    """The text's temporal expressions, less those in a future context ("are expected to meet on
    May 14"): an article reports what has happened, so only those bound its publication date."""
    from ..temporal import tag  # imported here: the tagger is a later stage than reading
    from ..temporal.lexicon import lexicon_for
    from ..temporal.tagger import _lower
    from ..temporal.tense import Cues

    timexes = tag(text, None, settings)
    cues = Cues(text, _lower(text), lexicon_for(settings.data_dir))
    return [t for t in timexes if cues.tense(t.start, t.end) != "future"]


def _from_dateline(article: Article, hint: date | None, reference: date | None, settings: Settings) -> Evidence | None:
    if not article.published_basis.startswith(YEARLESS_PREFIX) or hint is None:
        return None
    words = article.published_basis[len(YEARLESS_PREFIX):]
    partial = parse_date(words, Path(settings.data_dir))
    day = _nearest(partial.month, partial.day, hint, None) if partial else None
    if day is None:
        return None
    return Evidence(day, f"inferred: dateline {words!r} without a year; {day.year} puts it nearest {_hint_words(hint, reference)}")


def _from_text(timexes: list[Timex], hint: date | None, reference: date | None, settings: Settings,
               window: bool = True) -> Evidence | None:
    """The latest day the timexes report; ``window=False`` takes explicit dates however far they are
    from the reference (for a lower bound, any explicit date will do)."""
    candidates = [e for t in timexes for e in [_day_month(t, hint, reference, settings)] if e]
    explicit = _latest_explicit(timexes, reference if window else None, settings, with_timex=True)
    if explicit is not None:
        candidates.append(explicit)
    return max(candidates, key=lambda e: e.day, default=None)


def _day_month(timex: Timex, hint: date | None, reference: date | None, settings: Settings) -> Evidence | None:
    """A yearless day-month ("Saturday, September 23", or "September 19" with a reference)."""
    found = YEARLESS.fullmatch(timex.value)
    if not found or hint is None:
        return None
    weekday = _named_weekday(timex, settings)
    if weekday is None and reference is None:
        return None
    day = _nearest(int(found.group(1)), int(found.group(2)), hint, weekday)
    if day is None:
        return None
    if weekday is not None:
        why = f"{timex.text!r} is a {day:%A} in {day.year}, the nearest such year to {_hint_words(hint, reference)}"
    else:
        why = f"{timex.text!r} in {day.year}, the year nearest {_hint_words(hint, reference)}"
    return Evidence(day, f"inferred: {why}; the article reports that day, so it appeared on or after it",
                    weekday_named=weekday is not None, words=timex.text)


def _latest_explicit(timexes: list[Timex], reference: date | None, settings: Settings, with_timex: bool = False):
    """The latest explicit day in the text (near the reference when there is one)."""
    window = settings.year_search_window_days
    days = [
        (t.first_day, t) for t in timexes
        if t.granularity == "day" and t.first_day is not None and FULL_DATE.fullmatch(t.value)
        and (reference is None or abs((t.first_day - reference).days) <= window)
    ]
    if not days:
        return None
    day, timex = max(days, key=lambda pair: (pair[0], pair[1].start))
    if not with_timex:
        return day
    return Evidence(day, f"inferred: the latest explicit date in the text is {timex.text!r}; "
                         "the article appeared on or after it", words=timex.text)


def _nearest(month: int, day: int, hint: date, weekday: int | None) -> date | None:
    from ..temporal.calendar import candidate_dates

    found = candidate_dates(month, day, hint, weekday, years=7 if weekday is not None else 1)
    return found[0] if found else None


def _named_weekday(timex: Timex, settings: Settings) -> int | None:
    from ..temporal.underspecified import named_weekday

    return named_weekday(timex.text, settings)


def _hint_words(hint: date, reference: date | None) -> str:
    if reference is not None and hint == reference:
        return f"the corpus date {hint.isoformat()}"
    return f"the latest explicit date in the text ({hint.isoformat()})"
