"""Step 5 of the publication-date order: a date inferred from the text, for an article that has none.

Reads an Article without ``published``, a reference date from the rest of the corpus (e.g. the median
of the other articles' dates, or None) and Settings; adds ``published`` with ``published_inferred=True``
and the basis in words. Evidence, strongest first:

1. a dateline without a year ("BAKU, Sept 19 (Reuters) -"): that day in the year nearest the reference
   (on the weekday the dateline names, if any: "Baku, Tuesday, May 14"); without a reference, the year
   the text itself supports: the first such day on or after the latest full date the text reports, when
   it is close after it (``close_days`` in data/datelines.yaml ``yearless_dateline``) or on the dateline's
   weekday; or, when the text's latest dated mention is a year or month ("the 2023 elections"), that
   year or the next, whichever alone puts the day on the dateline's weekday. A weekday-day-month of the
   text ("on Monday, May 13") counts as a full date when only one such year fits its weekday. Otherwise
   the article stays undated (the text's other days are not the dateline's day), with the latest dated
   mention as its ``NOT_BEFORE`` bound;
2. otherwise the latest day the text reports (dates in a future context, "will meet on May 14", are
   left out): a day-month with a weekday in the year where they agree
   ("Saturday, September 23" is a Saturday in 2023), a day-month nearest the reference, or an
   explicit date (within ``settings.year_search_window_days`` of the reference when there is one).
   The article was published on or after that day; the basis says so.

A day from the text (step 2) is only a lower bound, so it becomes the publication day only when it can
stand for it: it is later than every date the text puts after a word such as "since" ("the first incident
since February 13, 2024": the article came after that day; words in data/datelines.yaml ``after_words``),
and the text's weekday mentions agree with it (one naming its weekday, or none when the day stands in the
head or the lead: a day first reported further on is background as often as not). Otherwise the article stays
undated and ``published_basis`` starts with ``NOT_BEFORE`` and the earliest day left (``publication_floor``
reads it back), so that later stages can bound a window without inventing a day.

Without usable evidence the article stays undated. Today's date is never used.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable
from pathlib import Path

from ..models import Article, Timex
from ..resources import load
from ..settings import DEFAULT_SETTINGS, Settings
from .building import MONTH_PREFIX, SUBTITLE_NOTE, YEARLESS_PREFIX, noted
from .dates import date_weekday, parse_date, safe_date

# Only this much of a text is tagged for inference (dates that matter are near the top).
MAX_CHARS = 100_000
YEARLESS = re.compile(r"XXXX-(\d\d)-(\d\d)")
FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")
EXPLICIT = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")  # a day, month or year written with its year
WEEKDAY_VALUE = re.compile(r"XXXX-WXX-([1-7])")  # a weekday alone ("on Tuesday evening"), ISO 1 = Monday
# The basis of an undated article whose text bounds its publication from below.
NOT_BEFORE = "no publication day; not before "
DATELINE_INFERRED = "inferred: dateline "  # the basis of a year-less dateline given its year
# Said of a day inferred from a full date that the page's head (headline, standfirst, caption) or lead writes out.
IN_HEAD_OR_LEAD = "; the page's head or lead writes it out"
# How far before a date an "after word" may stand ("since the 13 February", "since early").
AFTER_WORD_REACH = 24
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Evidence:
    day: date
    basis: str
    weekday_named: bool = False  # the evidence itself names the day's weekday ("Saturday, September 23")
    words: str = ""  # the date as the text writes it
    start: int = -1  # where those words stand in the headline, standfirst and text read (-1: not in them)
    from_batch: bool = False  # the year is the one nearest the batch's reference date, with no support of the text
    written: bool = False  # a full date the text writes with its year ("23 January 2023")


def infer_published(article: Article, reference: date | None, settings: Settings = DEFAULT_SETTINGS) -> Article:
    """The article with an inferred publication date, or unchanged when it has one or nothing fits; an
    article whose text only bounds the date from below stays undated with that bound in its basis."""
    if article.published is not None:
        return article
    if article.published_basis.startswith(MONTH_PREFIX):  # the page's own month: a bound, or a day in it
        return _in_page_month(article, settings)
    text = _headed(article)[:MAX_CHARS]
    glossed = _glossed_day(text, settings)
    if glossed is not None:
        return replace(article, published=glossed.day, published_inferred=True, published_basis=glossed.basis)
    timexes = _tag(text, settings)
    hint = reference or _latest_explicit(timexes, None, settings)
    line = _yearless_dateline(article, settings)
    if line is not None:
        found = _from_dateline(line, timexes, reference, settings)
        found = _in_office_years(line, found, text, settings) if isinstance(found, Evidence) \
            else _only_office_year(line, text, settings) or found
        if isinstance(found, Evidence) and line.weekday is None and not _weekdays_fit(found.day, _weekdays(timexes)):
            found = None  # the text's weekdays deny that year's day (a guessed year): no day rather than a wrong one
        if isinstance(found, Evidence) and found.from_batch:
            found = _on_the_leads_weekday(line, found, article, timexes, settings, reference)
        if isinstance(found, Evidence) and found.from_batch and not _lead_fits(found.day, article, timexes, settings):
            found = None  # the lead's weekday is not the dateline's day or the day before in the batch's year
    else:
        lead = _lead_weekday(article, timexes, settings)
        found = _from_body(text, timexes, hint, reference, settings, _lead_end(article, settings),
                           int(WEEKDAY_VALUE.match(lead.value).group(1)) - 1 if lead else None)
        if not isinstance(found, Evidence):
            found = _head_date_then_lead_weekday(article, timexes, settings) or found
    if isinstance(found, Evidence) and _far_before_the_text(found.day, timexes):
        return article
    if isinstance(found, str):
        return replace(article, published_basis=found)
    if found is None:
        return article
    return replace(article, published=found.day, published_inferred=True, published_basis=found.basis)


GLOSSED = "inferred: the text glosses "  # the basis of a day the page names as its "today", "yesterday" or "tomorrow"


def _glossed_day(text: str, settings: Settings) -> Evidence | None:
    """The publication day a "yesterday", "today" or "tomorrow" glossed with its full date gives ("tomorrow morning
    (April 23, 2031)": 22 April 2031), outside quotations and with the gloss's weekday, if any, the date's
    (data/datelines.yaml ``deictic_gloss``); the first such gloss, or None."""
    data_dir = Path(settings.data_dir)
    pattern, days = _gloss_pattern(data_dir)
    for match in pattern.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        if sum(text.count(mark, line_start, match.start()) for mark in '"“”') % 2:
            continue  # the speaker's day
        partial = parse_date(match.group("date"), data_dir)
        day = partial.to_date() if partial is not None else None
        weekday = date_weekday(match.group(0)[match.start("gloss") - match.start():], data_dir) \
            if match.group("gloss") else None
        if day is None or (weekday is not None and weekday != day.weekday()):
            continue
        published = day - timedelta(days=days[match.group("word").lower()])
        said = text[match.start():match.start("gloss") if match.group("gloss") else match.start("date")]
        return Evidence(published, f"{GLOSSED}{said.rstrip(' (,')!r} as {match.group('date')!r}: the article "
                                   f"appeared on {published.isoformat()}", words=match.group(0), start=match.start())
    return None


@lru_cache(maxsize=8)
def _gloss_pattern(data_dir: Path) -> tuple[re.Pattern, dict]:
    from .rules import date_rules

    entry = load("datelines.yaml", data_dir).get("deictic_gloss", {})
    days = {str(word).lower(): int(offset) for word, offset in entry.get("days", {}).items()}
    fragments = date_rules(data_dir).fragments
    words = "|".join(map(re.escape, days)) or "(?!)"
    parts = "|".join(map(re.escape, entry.get("parts", ()))) or "(?!)"
    return re.compile(rf"(?<![\w])(?P<word>(?i:{words}))(?:[ ]+(?i:{parts}))?[ ]*(?:\([ ]*|,[ ]*)"
                      rf"(?P<gloss>(?:{fragments['WEEKDAY']}),?[ ]+)?(?P<date>{fragments['DATE']})"), days


# An inferred day this many years before every later year the text names (a day, month or year written with its year)
# is no publication day: the text reports things of far later years ("a 2021 law") than the old date of its head.
FAR_BEFORE_YEARS = 20


def _far_before_the_text(day: date, timexes: list[Timex]) -> bool:
    """True when ``day`` is more than ``FAR_BEFORE_YEARS`` years before every later year the text writes out: a page
    headed "May 19, 1883" whose text reports a 2021 law is not of 1883 (its events would be dated 1882-1883)."""
    later = [t.first_day.year for t in _written(timexes) if t.first_day.year > day.year]
    return bool(later) and day.year < min(later) - FAR_BEFORE_YEARS


def _in_page_month(article: Article, settings: Settings) -> Article:
    """A page dated to a month only ("date 2018-03"): the day its text gives as above (its latest day, standing in
    the head or the lead or on a weekday it names; or the first day of the lead's weekday after a date of its head)
    when that day is in the page's month, a day-month without its year taken in the month's year; else undated,
    not before the month's first day."""
    month = article.published_basis[len(MONTH_PREFIX):len(MONTH_PREFIX) + 7]
    bound = replace(article, published_basis=f"{NOT_BEFORE}{month}-01: {MONTH_ONLY} {month} only")
    middle = date(int(month[:4]), int(month[5:7]), 15)
    text = _headed(article)[:MAX_CHARS]
    timexes = _tag(text, settings)
    found = _from_body(text, timexes, middle, middle, settings, _lead_end(article, settings))
    if not isinstance(found, Evidence):
        found = _head_date_then_lead_weekday(article, timexes, settings)
    if not isinstance(found, Evidence) or found.day.strftime("%Y-%m") != month:
        return bound
    return replace(article, published=found.day, published_inferred=True,
                   published_basis=f"{found.basis}; in the month the page is dated to ({month})")


def _headed(article: Article) -> str:
    """The text the date is inferred from: the headline and the standfirst too, which may be the only places
    that name the day ("Envoys present credentials on Thursday 16th Jan 2031")."""
    head = _head(article)
    return f"{head}\n\n{article.text}" if head else article.text


def _head(article: Article) -> str:
    """The headline, then the subtitle the reader set apart (kept in the article's notes), if any."""
    subtitle = noted(article, SUBTITLE_NOTE)
    return "\n\n".join(part for part in (article.title, subtitle) if part)


def _from_body(text: str, timexes: list[Timex], hint: date | None, reference: date | None,
               settings: Settings, lead_end: int = MAX_CHARS, lead_weekday: int | None = None) -> Evidence | str | None:
    """Evidence from the text; a ``NOT_BEFORE`` basis when it only bounds the day from below. ``lead_end``: where
    the head and the lead end in ``text``; ``lead_weekday``: the weekday the lead names alone, if any."""
    after, reported = _split_after(text, timexes, settings)
    holders = _holders(text, reported, settings)
    found = _from_text(reported, hint, reference, settings, holders=holders, lead_weekday=lead_weekday)
    if found is None and reference is not None:
        found = _far_on_its_weekday(reported, settings)
    bound = _from_text(after, hint, reference, settings, window=False, holders=holders)
    floor, why = _no_day(found, bound, _weekdays(reported), lead_end)
    if found is not None and found.from_batch and floor == found.day:
        # A year from the batch alone is a guess: a day that cannot stand for the publication day bounds nothing
        # either ("the May 19 meeting" on a page of another year than the batch's); the text's own days may.
        found = _from_text(reported, hint, reference, settings, holders=holders, lead_weekday=lead_weekday,
                           batch_years=False)
        floor, why = _no_day(found, bound, _weekdays(reported), lead_end)
    later, because = _later_month(found, _not_ahead(text, reported, settings))
    if later is not None and (floor is None or later > floor):
        floor, why = later, because
    if floor is not None:
        return f"{NOT_BEFORE}{floor.isoformat()}: {why}"
    if found is not None and found.written and 0 <= found.start < lead_end:
        return replace(found, basis=f"{found.basis}{IN_HEAD_OR_LEAD}")
    return found


def _far_on_its_weekday(timexes: list[Timex], settings: Settings) -> Evidence | None:
    """The text's latest explicit day when it is far from the corpus date (a batch of articles from many
    years) but every bare weekday the text names is that day's weekday ("met on Monday", and a post of
    "June 3, 2024", a Monday): the text itself then places its news on that day. None otherwise."""
    far = _latest_explicit(timexes, None, settings, with_timex=True)
    weekdays = _weekdays(timexes)
    if far is None or weekdays != {far.day.weekday()}:
        return None
    return replace(far, basis=f"{far.basis}; it is far from the corpus date, but it is a {far.day:%A}, the only "
                              f"weekday the text names", weekday_named=True)


def _later_month(found: Evidence | None, timexes: list[Timex]) -> tuple[date | None, str]:
    """The first day of a month the text reports with its year ("a vote in March 2024") when it is later
    than the day found: that day cannot be the publication day (the article came after the month), so the
    month's first day is only a bound. (None, "") otherwise."""
    if found is None:
        return None, ""
    later = [t for t in timexes if t.granularity == "month" and t.first_day is not None
             and EXPLICIT.fullmatch(t.value) and t.first_day > found.day]
    if not later:
        return None, ""
    month = max(later, key=lambda t: t.first_day)
    return month.first_day, (f"the latest day the text reports is {found.day.isoformat()} ({found.words!r}), but it "
                             f"also reports {month.text!r}, later: the article came after that, on no day it states")


# A batch's dates say which year a date written without one is in only when they gather in one period: at least
# BATCH_SHARE of the publication dates the articles state lie within BATCH_REACH_DAYS of their median. An undated
# page is of that period about as often as the stated ones are: with a quarter, a batch of pages from many years
# (two of six stated dates near the median) put a page's own "April 17" of 2008 in the median's year.
BATCH_SHARE, BATCH_REACH_DAYS = 0.5, 183


def batch_reference(days: Iterable[date]) -> date | None:
    """The reference date against which a batch's undated articles are dated: the (lower) median of the
    publication dates its articles state, when at least half of them lie within half a year of it; None
    for a batch whose dates are spread over many years (a search's results, an archive), whose median names
    no year that a yearless "April 30" or "Sept 21 (Wire) -" is in: on 152 real pages from 2006-2025, the
    year nearest such a median was wrong for each of the 11 pages it dated."""
    ordered = sorted(days)
    if not ordered:
        return None
    middle = ordered[(len(ordered) - 1) // 2]
    near = sum(1 for day in ordered if abs((day - middle).days) <= BATCH_REACH_DAYS)
    return middle if near >= BATCH_SHARE * len(ordered) else None


def day_stated(article: Article) -> bool:
    """True when the page states its publication day: a stated date, a year-less dateline whose year alone was
    inferred (the day and month are written; the year is the one every year-less date of the text shares), or the
    latest day the text reports when its head or lead writes it out ("The council met on 23 January 2023", a caption
    "... in Brussels, 3 December 2030" over the lead) and no later day or unplaced weekday is told."""
    return article.published is not None and (
        not article.published_inferred or article.published_basis.startswith((DATELINE_INFERRED, GLOSSED))
        or IN_HEAD_OR_LEAD in article.published_basis)


def publication_floor(article: Article) -> date | None:
    """The earliest day an undated article can have appeared, when inference found only that bound."""
    if article.published is not None or not article.published_basis.startswith(NOT_BEFORE):
        return None
    return date.fromisoformat(article.published_basis[len(NOT_BEFORE):len(NOT_BEFORE) + 10])


MONTH_ONLY = "the page is dated to the month"  # in the basis of a page whose date line gives a month, then "YYYY-MM only"


def publication_ceiling(article: Article) -> date | None:
    """The latest day an undated article can have appeared: the last day of the month its date line gives ("date
    2024-10"), when no day of that month was found."""
    floor = publication_floor(article)
    if floor is None or f"{MONTH_ONLY} {floor:%Y-%m} only" not in article.published_basis:
        return None
    return date(floor.year, floor.month, calendar.monthrange(floor.year, floor.month)[1])


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


def _not_ahead(text: str, timexes: list[Timex], settings: Settings) -> list[Timex]:
    """The timexes less those right after a word that looks ahead to them (data/datelines.yaml ``ahead_words``: "no
    work for the plant past December 2019", "to be finished by March 2030"): a limit or a deadline, which the article
    may well have come before."""
    words = _ahead_words(Path(settings.data_dir))
    return [t for t in timexes if not words.search(text[max(0, t.start - AFTER_WORD_REACH):t.start])]


@lru_cache(maxsize=8)
def _ahead_words(data_dir: Path) -> re.Pattern:
    words = load("datelines.yaml", data_dir).get("ahead_words", {}).get("words", [])
    alternation = "|".join(re.escape(w) for w in words) or "(?!)"
    return re.compile(rf"\b(?i:{alternation})\b(?:[ ](?i:the|early|late|mid|end\s+of))?[ ]*$")


def _weekdays(timexes: list[Timex]) -> set[int]:
    """The weekdays (Monday = 0) the text names without a date."""
    return {int(m.group(1)) - 1 for t in timexes for m in [WEEKDAY_VALUE.match(t.value)] if m}


def _no_day(found: Evidence | None, bound: Evidence | None, weekdays: set[int], lead_end: int) -> tuple[date | None, str]:
    """The earliest possible day and why, when the text's evidence cannot stand for the publication day;
    (None, "") when it can (or when there is no evidence at all). A day the text reports after its lead (from
    ``lead_end`` on) stands for it only when the text names its weekday: on 256 TimeML texts read without their
    creation date, every day so inferred from a later sentence was a background date, months or years early
    ("the 1946 treaty ... March 5, 1946"), and the text's "today" and "October 7" were counted from it."""
    if bound is not None and (found is None or found.day <= bound.day):
        floor = bound.day + timedelta(days=1)
        return floor, (f"the text puts the article after {bound.day.isoformat()} "
                       f"({bound.words!r}) and reports no later day")
    if found is None or found.weekday_named or found.day.weekday() in weekdays:
        return None, ""
    if not weekdays:
        return (None, "") if found.start < lead_end else (found.day, (
            f"the latest day the text reports is {found.day.isoformat()} ({found.words!r}), after the lead, and the "
            f"text names no day of the week to make it the day of its news: so no day is inferred"))
    named = ", ".join(WEEKDAY_NAMES[d] for d in sorted(weekdays))
    which = "that weekday cannot be placed" if len(weekdays) == 1 else "those weekdays cannot be placed"
    return found.day, (f"the latest day the text reports is {found.day.isoformat()}, a {found.day:%A}, but the "
                       f"text also names {named}: {which}, so no day is inferred")


def _tag(text: str, settings: Settings) -> list[Timex]:
    """The text's temporal expressions, less those in a future context ("are expected to meet on
    May 14"): an article reports what has happened, so only those bound its publication date."""
    from ..temporal import tag  # imported here: the tagger is a later stage than reading
    from ..temporal.lexicon import lexicon_for
    from ..temporal.tagger import _lower
    from ..temporal.tense import Cues

    timexes = tag(text, None, settings)
    cues = Cues(text, _lower(text), lexicon_for(settings.data_dir))
    founding = _founding_words(Path(settings.data_dir))
    return [t for t in timexes if cues.tense(t.start, t.end) != "future"
            and not founding.search(text, max(0, t.start - AFTER_WORD_REACH), t.start)]


@lru_cache(maxsize=8)
def _founding_words(data_dir: Path) -> re.Pattern:
    """The words of data/datelines.yaml ``founding_words`` right before a date ("Est. May 19, 1901"): the outlet's
    own date, not the story's."""
    entry = load("datelines.yaml", data_dir).get("founding_words", {})
    def alternation(words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<![\w])(?:(?i:{alternation(entry.get('words', []))})|{alternation(entry.get('as_written', []))})[ ]*$")


@dataclass(frozen=True)
class Yearless:
    """A dateline's day without a year, as written ("Baku, Tuesday, May 14, APA.")."""

    month: int
    day: int
    weekday: int | None  # named in the dateline, Monday = 0
    words: str

    def on(self, year: int) -> date | None:
        return safe_date(year, self.month, self.day)

    def why(self) -> str:
        return f"{DATELINE_INFERRED}{self.words!r} without a year"


def _yearless_dateline(article: Article, settings: Settings) -> Yearless | None:
    """The article's dateline day without a year (kept in its basis by the reader), or None."""
    if not article.published_basis.startswith(YEARLESS_PREFIX):
        return None
    words = article.published_basis[len(YEARLESS_PREFIX):]
    data_dir = Path(settings.data_dir)
    partial = parse_date(words, data_dir)
    if partial is None:
        return None
    return Yearless(partial.month, partial.day, date_weekday(words, data_dir), words)


def _from_dateline(line: Yearless, timexes: list[Timex], reference: date | None,
                   settings: Settings) -> Evidence | str | None:
    """The dateline's day: near the corpus reference (not before the latest day or month the text reports with
    its year, and where that puts it when the reference is far), else in a year the text supports. When neither
    fits, the article stays undated (the text's other days are not its day: the dateline says which
    day it is), bounded below by the text's latest dated mention if it has one."""
    near = _near_reference(line, reference)
    floor = _latest_dated(timexes)
    if near is not None and floor is not None and (near.day < floor or not _fits_text(near, floor, reference)):
        near = None  # the corpus date puts the dateline before what the text reports, or a year from it
    found = near or _after_text_dates(line, timexes, settings)
    if found is not None:
        return found
    latest = _latest_mention(timexes, settings)
    if latest is None:
        return None
    return (f"{NOT_BEFORE}{latest.day.isoformat()}: {line.why()[len('inferred: '):]} names no year, and no year "
            f"after the text's latest dated mention {latest.words!r} fits it alone")


# How many years from the first reading a year-less dateline may move to fit the office holders it names.
OFFICE_YEAR_REACH = 3


def _in_office_years(line: Yearless, found: Evidence, text: str, settings: Settings) -> Evidence:
    """The dateline's day moved to the nearest year in which every office holder the text names by title
    held that office ("President NAME", who took office after the corpus year): a year the text itself
    contradicts is never kept when another fits. Unchanged when all fit, or when no year fits them all."""
    from .office_years import allowed, holder_terms

    holders = holder_terms(text, settings)
    if not holders or all(allowed(found.day, terms) for _, terms in holders):
        return found
    for year in sorted(range(found.day.year - OFFICE_YEAR_REACH, found.day.year + OFFICE_YEAR_REACH + 1),
                       key=lambda y: (abs(y - found.day.year), y)):
        day = _fitting_day(line, year, holders)
        if day is not None:
            named = ", ".join(dict.fromkeys(words for words, _ in holders))
            return Evidence(day, f"{line.why()}; {year}, the nearest year in which the office holders it names "
                                 f"({named}) held office")
    return found


def _only_office_year(line: Yearless, text: str, settings: Settings) -> Evidence | None:
    """The dateline's day in the only year in which every office holder the text names by title held office,
    when their terms bound the years on both sides (one holder took office, one left it); else None."""
    from .office_years import holder_terms

    holders = holder_terms(text, settings)
    starts = [t[0] for _, terms in holders if all(t[0] for t in terms) for t in terms]
    ends = [t[1] for _, terms in holders if all(t[1] for t in terms) for t in terms]
    if not starts or not ends:
        return None
    days = [day for year in range(min(starts).year, max(ends).year + 1)
            for day in [_fitting_day(line, year, holders)] if day is not None]
    if len(days) != 1:
        return None
    named = ", ".join(dict.fromkeys(words for words, _ in holders))
    return Evidence(days[0], f"{line.why()}; {days[0].year}, the only year in which the office holders it names "
                             f"({named}) held office")


def _fitting_day(line: Yearless, year: int, holders) -> date | None:
    """The dateline's day in ``year`` if it exists, falls on the dateline's weekday (if it names one) and
    every office holder named held office on it; else None."""
    from .office_years import allowed

    day = line.on(year)
    if day is None or (line.weekday is not None and day.weekday() != line.weekday):
        return None
    return day if all(allowed(day, terms) for _, terms in holders) else None


RELATIVE_PERIOD = re.compile(r"XXXX(?:-XX)?")  # a year or month counted from the unknown date ("last year")
# The lead is among the body's first few sentences (a caption or standfirst may come first, and a dateline left on
# its own line counts as one: "MOSCOW, April 17. /Agency/.").
LEAD_SENTENCES = 4
# A day the text reports in its first sentences may stand for the publication day without a weekday (``_no_day``).
LEAD_DAY_SENTENCES = 3


def _in_head_line(body: str, at: int) -> bool:
    """True for a place in the headline (``at`` < 0) or in a body line that does not end like a sentence (a
    caption, a standfirst): never in the lead's own sentences ("The talks opened on 4 March 2030.")."""
    if at < 0:
        return True
    start, end = body.rfind("\n", 0, at) + 1, body.find("\n", at)
    line = body[start:end if end >= 0 else len(body)].strip()
    return not _SENTENCE_STOP.search(line)


_SENTENCE_STOP = re.compile(r"[.!?][\"'”’)]*$")


def _lead_end(article: Article, settings: Settings) -> int:
    """Where the head (headline, standfirst) and the body's first ``LEAD_DAY_SENTENCES`` sentences end in the text
    inference reads (``_headed``)."""
    from ..sentences import split

    head = _head(article)
    offset = len(head) + 2 if head else 0
    sentences = split(article.text[:3000], settings.data_dir)[:LEAD_DAY_SENTENCES]
    return offset + (sentences[-1].end if sentences else 0)


def _lead_weekday(article: Article, timexes: list[Timex], settings: Settings) -> Timex | None:
    """The first weekday named alone ("on Tuesday") in the first of the body's first sentences that names one."""
    from ..sentences import split

    head = _head(article)
    offset = len(head) + 2 if head else 0
    for sentence in split(article.text[:3000], settings.data_dir)[:LEAD_SENTENCES]:
        start, end = offset + sentence.start, offset + sentence.end
        lead = next((t for t in timexes if start <= t.start < end and WEEKDAY_VALUE.match(t.value)), None)
        if lead is not None:
            return lead
    return None


# A lead names the weekday of its dateline's day or of one of the two days before, or, under a Monday, the Friday
# before the weekend: in 82 of the 87 TimeML texts whose opening names a weekday (the day itself in 57, the day
# before in 15, two days before in 2, the Friday under a Monday in 8; another Friday 3 days before, and 4 others).
BATCH_LEAD_LAG, MONDAY = 2, 0


def _lead_fits(day: date, article: Article, timexes: list[Timex], settings: Settings) -> bool:
    """True unless the lead names a weekday that a dateline on ``day`` does not report: a dateline placed in the
    batch's year alone ("ABUJA, April 30 (Wire) -- ... sources said on Tuesday", a Friday in that year) is then
    in another year."""
    lead = _lead_weekday(article, timexes, settings)
    if lead is None:
        return True
    lag = (day.weekday() - int(WEEKDAY_VALUE.match(lead.value).group(1)) + 1) % 7
    return lag <= BATCH_LEAD_LAG or (lag == 3 and day.weekday() == MONDAY)


# A dateline moves to the year next to the batch's to fall on the lead's weekday only when it stays within this many
# days of the batch's date: a lead names the day before its dateline's in about one text of six (``BATCH_LEAD_LAG``),
# and a year further off is out of the batch's period.
NEIGHBOUR_YEAR_REACH_DAYS = 365


def _on_the_leads_weekday(line: Yearless, found: Evidence, article: Article, timexes: list[Timex],
                          settings: Settings, reference: date) -> Evidence:
    """A dateline placed in the batch's year alone, moved to the year before or after when that year is not on the
    weekday the lead names and exactly one of those is, within ``NEIGHBOUR_YEAR_REACH_DAYS`` of the batch's date
    (as ``_day_month`` does for a yearless day of the text): "OSLO, April 17" over talks "on Wednesday" is 17 April
    2024, a Wednesday, in a batch of January 2025."""
    lead = _lead_weekday(article, timexes, settings)
    weekday = int(WEEKDAY_VALUE.match(lead.value).group(1)) - 1 if lead else None
    if weekday is None or found.day.weekday() == weekday:
        return found
    moved = _on_lead_weekday(found.day, weekday, ())
    if moved is None or abs((moved - reference).days) > NEIGHBOUR_YEAR_REACH_DAYS:
        return found  # a lead a day after its news ("SEPT 26 ... on Monday evening") in the batch's own year
    return Evidence(moved, f"{line.why()}; {moved.year}, the year next to the one nearest the corpus date in which it "
                           f"is a {moved:%A}, the weekday the lead names", weekday_named=True)


def _head_date_then_lead_weekday(article: Article, timexes: list[Timex], settings: Settings) -> Evidence | None:
    """The first day after a date the page's head gives (headline, caption, standfirst: above the lead) that
    falls on the weekday the lead names ("... arrive in the town on April 19, 2030" over "Aid groups launched
    their largest delivery on Thursday"): a head's date is a day or two before the story's, never after it.
    None when the text has a later explicit date, or no lead among the first sentences names a weekday."""
    head = _head(article)
    offset = len(head) + 2 if head else 0
    lead = _lead_weekday(article, timexes, settings)
    if lead is None or any(RELATIVE_PERIOD.fullmatch(t.value) for t in timexes):
        return None  # "last year", "this month": the text counts from a date it does not give; the head may be old
    dated = [t for t in timexes if t.granularity == "day" and t.first_day and FULL_DATE.fullmatch(t.value)]
    head = [t for t in dated if t.start < lead.start and _in_head_line(article.text, t.start - offset)]
    if not head:
        return None
    latest = max(head, key=lambda t: t.first_day)
    weekday = int(WEEKDAY_VALUE.match(lead.value).group(1)) - 1
    day = latest.first_day + timedelta(days=(weekday - latest.first_day.weekday()) % 7)
    if any(t.first_day > day for t in dated) or _later_written(day, _not_ahead(_headed(article), timexes, settings)):
        return None
    return Evidence(day, f"inferred: the page's head gives {latest.text!r} and the lead's {WEEKDAY_NAMES[weekday]} "
                         f"is the first one on or after it", weekday_named=True, words=lead.text)


def _later_written(day: date, timexes: list[Timex]) -> bool:
    """True when the text reports a month or a year written with its year that begins after ``day`` ("was behind an
    attack in August 2022" under a file picture "taken on July 9, 2014"): the head's date is an old one."""
    return any(t.granularity in ("month", "year") and t.first_day is not None and EXPLICIT.fullmatch(t.value)
               and t.first_day > day for t in timexes)


# A report names days of the week before its dateline's day ("BAKU, May 14 - ... said on Tuesday"): on 43 TimeML
# texts whose lead names a weekday, it was the creation day or 1-4 days before it in 41; one or two days after
# it (a later weekday of the same week) in 2. A text naming only such later weekdays is not of that year.
LEAD_WEEKDAY_LAG = 4


def _weekdays_fit(day: date, weekdays: set[int]) -> bool:
    """True when every bare weekday the text names (in a past context) is ``day``'s weekday or up to
    ``LEAD_WEEKDAY_LAG`` days before it; a text that names the day or two after the dateline's day ("on
    Saturday" under a Friday) does not belong to that year."""
    return all((day.weekday() - w) % 7 <= LEAD_WEEKDAY_LAG for w in weekdays)


def _near_reference(line: Yearless, reference: date | None) -> Evidence | None:
    if reference is None:
        return None
    found = _candidates(line.month, line.day, reference, line.weekday)
    if not found:
        return None
    named = f" (a {found[0]:%A}, as it says)" if line.weekday is not None else ""
    return Evidence(found[0], f"{line.why()}; {found[0].year}{named} puts it nearest the corpus date {reference.isoformat()}",
                    from_batch=line.weekday is None)


@dataclass(frozen=True)
class Mention:
    """A dated mention of the text: its first day, its words, and whether it names a day."""

    day: date
    words: str
    is_day: bool
    how: str = ""  # how a yearless mention got its year


def _after_text_dates(line: Yearless, timexes: list[Timex], settings: Settings) -> Evidence | None:
    """The dateline's day in a year the text supports: the text reports its latest dated mention on or
    before the dateline's day. After a day, the first such day (within a year); after a year or month,
    that year or the next, whichever alone falls on the weekday the dateline names."""
    latest = _latest_mention(timexes, settings)
    if latest is None:
        return None
    days = _days_after(line, latest, _close_days(settings))
    if len(days) != 1:
        return None
    return Evidence(days[0], f"{line.why()}; {_following(latest, days[0], line.weekday is not None)}")


def _days_after(line: Yearless, latest: Mention, close_days: int) -> list[date]:
    """The dateline's possible days after the text's latest dated mention, a day: the first one, if it is
    at most ``close_days`` later or falls on the dateline's weekday. A mention of a year or month alone
    gives none: on 256 TimeML texts, picking that year or the next by the dateline's weekday was wrong
    in 5 of 24, as texts recall old years or announce future ones ("until 1994")."""
    if not latest.is_day:
        return []
    days = [d for d in (line.on(latest.day.year), line.on(latest.day.year + 1)) if d is not None and d >= latest.day]
    if latest.is_day:
        days = days[:1]
    if line.weekday is None:
        return [d for d in days if latest.is_day and (d - latest.day).days <= close_days]
    return [d for d in days if d.weekday() == line.weekday]


def _close_days(settings: Settings) -> int:
    """How many days a full date may stand before a dateline's day to give it its year without a weekday
    to confirm it (data/datelines.yaml ``yearless_dateline``)."""
    return _close_days_in(Path(settings.data_dir))


@lru_cache(maxsize=8)
def _close_days_in(data_dir: Path) -> int:
    return int(load("datelines.yaml", data_dir).get("yearless_dateline", {}).get("close_days", 0))


def _following(latest: Mention, day: date, weekday_named: bool) -> str:
    """Why the dateline's day is in that year."""
    same = f", a {day:%A} as the dateline says" if weekday_named else ""
    if latest.is_day:
        return (f"the text's latest dated mention is {latest.words!r} ({latest.day.isoformat()}{latest.how}) "
                f"and {day:%B} {day.day} first follows it in {day.year}{same}")
    return (f"the text's latest dated mention is {latest.words!r}, so {latest.day.year} or {latest.day.year + 1}; "
            f"only in {day.year} is {day:%B} {day.day} a {day:%A}, as the dateline says")


def _latest_mention(timexes: list[Timex], settings: Settings) -> Mention | None:
    """The latest mention the text dates with its year (a day, month or year; its first day), counting a
    weekday-day-month ("Monday, May 13") that falls on its weekday in only one year from the latest
    year-dated mention on (that year or the next)."""
    dated = [Mention(t.first_day, t.text, t.granularity == "day") for t in _written(timexes)]
    if not dated:
        return None
    floor = max(dated, key=lambda m: (m.day, m.is_day)).day
    dated += [m for t in timexes for m in [_weekday_mention(t, floor, settings)] if m]
    return max(dated, key=lambda m: (m.day, m.is_day))


def _weekday_mention(timex: Timex, floor: date, settings: Settings) -> Mention | None:
    """A yearless weekday-day-month of the text ("Monday, May 13") dated by its weekday: the one day of the
    floor's year and the next, on or after ``floor``, on that weekday; None when none or both are."""
    found = YEARLESS.fullmatch(timex.value)
    weekday = _named_weekday(timex, settings) if found else None
    if weekday is None:
        return None
    month, day = int(found.group(1)), int(found.group(2))
    days = [d for d in (safe_date(floor.year, month, day), safe_date(floor.year + 1, month, day))
            if d is not None and d >= floor and d.weekday() == weekday]
    if len(days) != 1:
        return None
    return Mention(days[0], timex.text, True, f", the only year from {floor.year} in which it is a {days[0]:%A}")


def _candidates(month: int, day: int, around: date, weekday: int | None) -> list[date]:
    from ..temporal.calendar import candidate_dates

    return candidate_dates(month, day, around, weekday, years=1)


def _holders(text: str, timexes: list[Timex], settings: Settings) -> tuple:
    """The office holders the text names by title, when a yearless day-month may need them to choose or check
    its year; () otherwise (finding them reads the whole gazetteer)."""
    from .office_years import holder_terms

    if not any(YEARLESS.fullmatch(t.value) for t in timexes):
        return ()
    return tuple(holder_terms(text, settings))


def _from_text(timexes: list[Timex], hint: date | None, reference: date | None, settings: Settings,
               window: bool = True, holders: tuple = (), lead_weekday: int | None = None,
               batch_years: bool = True) -> Evidence | None:
    """The latest day the timexes report; ``window=False`` takes explicit dates however far they are
    from the reference (for a lower bound, any explicit date will do). ``holders``: the office holders the
    text names by title ((words, terms) pairs), which a day-month's year must fit; ``batch_years=False`` leaves
    out a day-month whose year only the batch's date gives."""
    floor = _latest_dated(timexes)
    years = _latest_year(timexes) if hint is None else None
    candidates = [e for t in timexes for e in [_day_month(t, hint, reference, settings, holders, lead_weekday, years)]
                  if e and _fits_text(e, floor, reference) and (batch_years or not e.from_batch)]
    explicit = _latest_explicit(timexes, reference if window else None, settings, with_timex=True)
    if explicit is not None:
        candidates.append(explicit)
    return max(candidates, key=lambda e: e.day, default=None)


def _latest_dated(timexes: list[Timex]) -> date | None:
    """The latest first day of a day or month the text writes with its year ("March 4, 2022", "May 2022")."""
    return max((t.first_day for t in timexes if t.granularity in ("day", "month") and t.first_day is not None
                and EXPLICIT.fullmatch(t.value)), default=None)


# A yearless day-month this close to the corpus date is placed by it alone; a farther one (the batch's median
# half a year away, nearly as near in the next year as in the last) must also be where the text's own dates put it.
CLOSE_TO_REFERENCE_DAYS = 120


def _fits_text(evidence: Evidence, floor: date | None, reference: date | None) -> bool:
    """True unless a yearless day-month placed by a far corpus date alone (no weekday of its own) is not where
    the text's own dates put it: the first time that day-month comes after the latest day or month the text
    writes with its year. A text that recalls "Oct. 4, 2022" and reports "March 30" is not read as 2024 because
    the batch's median is September 2023 (2023 is as near, and first follows the text's date)."""
    if evidence.weekday_named or floor is None or reference is None \
            or abs((evidence.day - reference).days) <= CLOSE_TO_REFERENCE_DAYS:
        return True
    first = safe_date(floor.year, evidence.day.month, evidence.day.day)
    if first is None or first < floor:
        first = safe_date(floor.year + 1, evidence.day.month, evidence.day.day)
    return first == evidence.day


def _day_month(timex: Timex, hint: date | None, reference: date | None, settings: Settings,
               holders: tuple = (), lead_weekday: int | None = None, years: date | None = None) -> Evidence | None:
    """A yearless day-month ("Saturday, September 23", or "September 19" with a reference). With its weekday,
    the nearest year in which it falls on that weekday and every office holder in ``holders`` held office.
    Without one, the year nearest the reference; or, when that year does not put it on the weekday the lead names
    alone (``lead_weekday``: "MOSCOW, April 17 ... held talks on Wednesday"), the one year next to it that does.
    With no date to count from but a year the text writes (``years``: the first day of its latest one), a day-month
    that names its weekday in the one year of that year and the next where it falls on it."""
    from .office_years import allowed

    found = YEARLESS.fullmatch(timex.value)
    if not found:
        return None
    weekday = _named_weekday(timex, settings)
    if hint is None:
        return _only_year_in_office(timex, weekday, holders) or _in_the_texts_year(timex, weekday, years, holders, settings)
    if weekday is None and reference is None:
        return None
    fits = (lambda d: all(allowed(d, terms) for _, terms in holders)) if weekday is not None else (lambda d: True)  # noqa: E731
    day = _nearest(int(found.group(1)), int(found.group(2)), hint, weekday, fits)
    if day is None or not all(allowed(day, terms) for _, terms in holders):
        return None  # without a weekday, a year the text's office holders deny is a guess: no evidence
    if weekday is not None:
        named = ", ".join(dict.fromkeys(words for words, _ in holders))
        office = f" in which the office holders it names ({named}) held office" if holders else ""
        why = f"{timex.text!r} is a {day:%A} in {day.year}, the nearest such year{office} to {_hint_words(hint, reference)}"
    elif lead_weekday is not None and day.weekday() != lead_weekday and _on_lead_weekday(day, lead_weekday, holders):
        day = _on_lead_weekday(day, lead_weekday, holders)
        weekday = lead_weekday
        why = (f"{timex.text!r} in {day.year}, the year next to the one nearest {_hint_words(hint, reference)} in "
               f"which it is a {day:%A}, the weekday the lead names")
    else:
        why = f"{timex.text!r} in {day.year}, the year nearest {_hint_words(hint, reference)}"
    return Evidence(day, f"inferred: {why}; the article reports that day, so it appeared on or after it",
                    weekday_named=weekday is not None, words=timex.text, start=timex.start,
                    from_batch=weekday is None and reference is not None and hint == reference)


def _only_year_in_office(timex: Timex, weekday: int | None, holders: tuple) -> Evidence | None:
    """With no date to count from (no corpus date, no date written with its year), a yearless day-month that names
    its weekday ("on Nov. 14, Thursday") in the one year, of those in which the office holders the text names by title
    held office (terms with both ends known), that puts it on that weekday ("Foreign Minister NAME", in office
    2024-2025, and 14 November is a Thursday in 2024 alone). None for another count of years, or without a weekday."""
    from .office_years import allowed

    found = YEARLESS.fullmatch(timex.value)
    if weekday is None or not holders or not found:
        return None
    years = {year for _, terms in holders for start, end in terms if start and end
             for year in range(start.year, end.year + 1)}
    days = [d for year in sorted(years) for d in [safe_date(year, int(found.group(1)), int(found.group(2)))]
            if d is not None and d.weekday() == weekday and all(allowed(d, terms) for _, terms in holders)]
    if len(days) != 1:
        return None
    named = ", ".join(dict.fromkeys(words for words, _ in holders))
    return Evidence(days[0], f"inferred: {timex.text!r} is a {days[0]:%A} in {days[0].year}, the only such year in "
                             f"which the office holders it names ({named}) held office; the article reports that "
                             f"day, so it appeared on or after it", weekday_named=True, words=timex.text,
                    start=timex.start)


def _latest_year(timexes: list[Timex]) -> date | None:
    """The first day of the latest year the text writes out (in a day, month or year: "the 2016 election")."""
    return max((date(t.first_day.year, 1, 1) for t in _written(timexes)), default=None)


def _written(timexes: list[Timex]) -> list[Timex]:
    """The days, months and years the text writes with their year ("23 January 2023", "May 2022", "the 2016 vote")."""
    return [t for t in timexes if t.granularity in ("day", "month", "year") and t.first_day is not None
            and EXPLICIT.fullmatch(t.value)]


def _in_the_texts_year(timex: Timex, weekday: int | None, years: date | None, holders: tuple,
                       settings: Settings) -> Evidence | None:
    """A yearless day-month that names its weekday ("Wednesday, Nov. 9") dated by the latest year the text writes
    (``years``: "the 2016 election"): the one day of that year and the next on that weekday (and in the terms of
    the office holders the text names by title); None without a weekday, or when neither or both years fit."""
    from .office_years import allowed

    if weekday is None or years is None:
        return None
    mention = _weekday_mention(timex, years, settings)
    if mention is None or not all(allowed(mention.day, terms) for _, terms in holders):
        return None
    basis = (f"inferred: {timex.text!r} is a {mention.day:%A} in {mention.day.year}, the only year from {years.year}, "
             f"the latest year the text writes, in which it is; the article reports that day, so it appeared on or "
             f"after it")
    return Evidence(mention.day, basis, weekday_named=True, words=timex.text, start=timex.start)


def _on_lead_weekday(day: date, weekday: int, holders: tuple) -> date | None:
    """``day`` moved to the year before or after, when exactly one of them puts it on ``weekday`` and every office
    holder in ``holders`` allows it; None otherwise."""
    from .office_years import allowed

    moved = [d for d in (safe_date(day.year + k, day.month, day.day) for k in (-1, 1))
             if d is not None and d.weekday() == weekday and all(allowed(d, terms) for _, terms in holders)]
    return moved[0] if len(moved) == 1 else None


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
    # Of one day, the words that write it out ("March 16, 2023"), not those counted from them ("earlier in the day").
    day, timex = max(days, key=lambda pair: (pair[0], not pair[1].anchor, pair[1].start))
    if not with_timex:
        return day
    counted = f" (counted from {timex.anchor})" if timex.anchor else ""
    return Evidence(day, f"inferred: the latest explicit date in the text is {timex.text!r}{counted}; "
                         "the article appeared on or after it", words=timex.text, start=timex.start, written=True)


def _nearest(month: int, day: int, hint: date, weekday: int | None, fits=lambda d: True) -> date | None:
    from ..temporal.calendar import candidate_dates

    found = [d for d in candidate_dates(month, day, hint, weekday, years=7 if weekday is not None else 1) if fits(d)]
    return found[0] if found else None


def _named_weekday(timex: Timex, settings: Settings) -> int | None:
    from ..temporal.underspecified import named_weekday

    return named_weekday(timex.text, settings)


def _hint_words(hint: date, reference: date | None) -> str:
    if reference is not None and hint == reference:
        return f"the corpus date {hint.isoformat()}"
    return f"the latest explicit date in the text ({hint.isoformat()})"
