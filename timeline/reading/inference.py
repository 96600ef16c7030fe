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

Without usable evidence the article stays undated. Today's date is never used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ..models import Article, Timex
from ..settings import DEFAULT_SETTINGS, Settings
from .building import YEARLESS_PREFIX
from .dates import parse_date

# Only this much of a text is tagged for inference (dates that matter are near the top).
MAX_CHARS = 100_000
YEARLESS = re.compile(r"XXXX-(\d\d)-(\d\d)")
FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")


@dataclass(frozen=True)
class Evidence:
    day: date
    basis: str


def infer_published(article: Article, reference: date | None, settings: Settings = DEFAULT_SETTINGS) -> Article:
    """The article with an inferred publication date, or unchanged when it has one or nothing fits."""
    if article.published is not None:
        return article
    timexes = _tag(article.text[:MAX_CHARS], settings)
    hint = reference or _latest_explicit(timexes, None, settings)
    found = _from_dateline(article, hint, reference, settings) or _from_text(timexes, hint, reference, settings)
    if found is None:
        return article
    return replace(article, published=found.day, published_inferred=True, published_basis=found.basis)


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


def _from_text(timexes: list[Timex], hint: date | None, reference: date | None, settings: Settings) -> Evidence | None:
    candidates = [e for t in timexes for e in [_day_month(t, hint, reference, settings)] if e]
    explicit = _latest_explicit(timexes, reference, settings, with_timex=True)
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
    return Evidence(day, f"inferred: {why}; the article reports that day, so it appeared on or after it")


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
                         "the article appeared on or after it")


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
