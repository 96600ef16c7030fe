"""Normalisers for expressions that name the calendar: dates, months, years, decades, quarters, seasons.

Each takes the matched groups (placeholder name -> words) and a Context, and returns a Reading or None
(None: the words are not a date after all, e.g. "31 June").
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import calendar as cal
from . import readings as r
from .context import Context
from .readings import Reading

# A capitalised word right before a year (a name's first part, "Expo 2020"), and the characters after which
# a capitalised word opens a sentence or a line instead ("In 2020, ...").
NAME_BEFORE = re.compile(r"(?<![\w.&'’-])([A-Z][A-Za-z]*|[A-Z]{2,}) $")
SENTENCE_OPENERS = ".!?:;\n\"“‘'(—–-|•*"
# A day-month without a year follows the tense only of a cue this close ("the year ended March 31").
ADJACENT_CUE = 12
# ...and follows the sentence's tense when the nearest year puts it this many days from the anchor.
FAR_DAYS = 120


def calendar_date(g: dict, ctx: Context) -> Reading | None:
    """A day of the month, with or without a year; a given weekday must agree when the year is guessed; none inside
    a name ("the March 23 Movement", vocabulary ``name_after_date``)."""
    if ctx.lexicon.name_after_date is not None and ctx.lexicon.name_after_date.match(ctx.text, ctx.end):
        return None
    month = ctx.lexicon.value("months", g["month"]) if "month" in g else int(g["mm"])
    day = int(re.match(r"\d+", g.get("day") or g["dd"]).group())
    weekday = ctx.lexicon.value("weekdays", g["weekday"]) if "weekday" in g else None
    year = _year(g, ctx)
    if year is not None:
        found = cal.safe_date(year, month, day)
        suffix = f"T{int(g['clock_hour']):02d}:{g['minute']}" if "clock_hour" in g else ""
        return r.day(found, "", suffix) if found else None
    if "relation" in g and ctx.anchor is not None:
        return _related_day(month, day, ctx.lexicon.value("relations", g["relation"]), ctx)
    return _yearless(month, day, weekday, ctx)


def day_range(g: dict, ctx: Context) -> Reading | None:
    """"25-26 February 1992", "March 3-5", "from Dec. 11 to 12": the first day's date, spanning to the last day
    of the range."""
    first = calendar_date(g, ctx)
    if first is None or first.first_day is None:
        return first
    last = g.get("day_end") or g["day_end2"]
    end = cal.safe_date(first.first_day.year, first.first_day.month, int(re.match(r"\d+", last).group()))
    if end is None or end <= first.first_day:
        return first
    return Reading(first.type, first.value, first.first_day, end, "range", first.basis)


def _related_day(month: int, day: int, relation: int, ctx: Context) -> Reading | None:
    """"last Oct. 23": the latest one before the anchor; "next March 3" the first after; "this" its year."""
    dates = [d for d in (cal.safe_date(ctx.anchor.year + k, month, day) for k in (-1, 0, 1)) if d]
    if relation < 0:
        found = max((d for d in dates if d < ctx.anchor), default=None)
    elif relation > 0:
        found = min((d for d in dates if d > ctx.anchor), default=None)
    else:
        found = cal.safe_date(ctx.anchor.year, month, day)
    return r.day(found, ctx.basis) if found else None


def week_of(g: dict, ctx: Context) -> Reading | None:
    """"the week of March 6": the ISO week holding that day."""
    found = calendar_date(g, ctx)
    if found is None or found.first_day is None:
        return found if found is None else r.unknown("XXXX-WXX", "week")
    return r.week(found.first_day, found.basis)


def holiday(g: dict, ctx: Context) -> Reading | None:
    """Christmas, Thanksgiving...: in the given year, else the occurrence "last"/"next" or nearest the anchor."""
    on = _holiday_dates(g, ctx)
    year = _year(g, ctx)
    if year is not None:
        return r.day(on(year))
    if ctx.anchor is None:
        return r.unknown(on(2000).strftime("XXXX-%m-%d") if "holidays" in g else on(2000).strftime("XXXX-%m-XX"), "day")
    dates = [on(ctx.anchor.year + k) for k in (-1, 0, 1)]
    relation = ctx.lexicon.value("relations", g["relation"]) if "relation" in g else None
    if relation == -1:
        found = max(d for d in dates if d < ctx.anchor)
    elif relation == 1:
        found = min(d for d in dates if d > ctx.anchor)
    else:
        found = min(dates, key=lambda d: abs((d - ctx.anchor).days))
    return r.day(found, ctx.basis)


def _holiday_dates(g: dict, ctx: Context):
    """A function from a year to the holiday's date in it."""
    if "holidays" in g:
        month, day = ctx.lexicon.value("holidays", g["holidays"])
        return lambda year: cal.date(year, month, day)
    month, weekday, n, from_day = ctx.lexicon.value("moveable_holidays", g["moveable_holidays"])
    return lambda year: cal.nth_weekday(year, month, weekday, n, from_day)


def _yearless(month: int, day: int, weekday: int | None, ctx: Context) -> Reading | None:
    if cal.safe_date(2000, month, day) is None:
        return None
    if ctx.anchor is None:
        return r.unknown(f"XXXX-{month:02d}-{day:02d}", "day")
    tense = _date_tense(month, day, weekday, ctx)
    strict = tense == "past" and ctx.cues is not None and ctx.cues.past_verb_on(ctx.start)
    found = cal.nearest_date(month, day, ctx.anchor, weekday, ctx.settings.year_search_window_days, tense,
                             slack=cal.NO_SLACK if strict else cal.SLACK)
    if found is None:
        return None
    how = " agreeing with the weekday" if weekday is not None else f", {tense} tense" if tense else ""
    return r.day(found, f"year nearest the {ctx.basis}{how}")


def _date_tense(month: int, day: int, weekday: int | None, ctx: Context) -> str | None:
    """The tense that may move a yearless day off the nearest year: a verb right next to it ("ended
    March 31"), or the sentence's tense when even the nearest year is far (over FAR_DAYS) from the anchor."""
    if weekday is not None:
        return None
    nearest = cal.nearest_date(month, day, ctx.anchor, window=366)
    if nearest is not None and abs((nearest - ctx.anchor).days) > FAR_DAYS:
        return ctx.tense()
    return ctx.tense(within=ADJACENT_CUE)


def _year(g: dict, ctx: Context) -> int | None:
    """The year group as a number; two digits take the century nearest the anchor (or 1950-2049)."""
    if "year" in g:
        return int(g["year"])
    if "yy" not in g:
        return None
    yy = int(g["yy"])
    pivot = ctx.anchor.year if ctx.anchor else 2000
    return min((c + yy for c in (pivot // 100 * 100 - 100, pivot // 100 * 100, pivot // 100 * 100 + 100)),
               key=lambda y: abs(y - pivot))


def month(g: dict, ctx: Context) -> Reading | None:
    """A month, with a year, a relation ("last May") or neither (the year from the anchor and the tense)."""
    m = ctx.lexicon.value("months", g["month"])
    year = _year(g, ctx)
    if year is not None:
        return r.month(year, m)
    word = ctx.text[ctx.start : ctx.end]
    if "relation" not in g and "period_parts" not in g and word in ctx.lexicon.surname_months and _surname(word, ctx):
        return None
    if ctx.anchor is None:
        return r.unknown(f"XXXX-{m:02d}", "month")
    return r.month(_year_of_month(m, g, ctx), m, ctx.basis)


def _surname(word: str, ctx: Context) -> bool:
    """Whether the text names someone with the month's word (one of the vocabulary's ``ambiguous_months``)
    as surname ("Theresa May said"): a capitalised word before it that is no year opener ("In", "Since"),
    and a lower-case word or a stop after it (a title-case headline, "Talks May Resume", names no one).
    A lone "May" is then that person."""
    return _names_someone(word, ctx.text, ctx.lexicon)


@lru_cache(maxsize=8)
def _names_someone(word: str, text: str, lexicon) -> bool:
    """``_surname`` for a whole text, once per text and word (each bare "May" of a long text asked it again)."""
    for found in _full_name(word).finditer(text):
        if found.group(1).lower() not in lexicon.year_openers and lexicon.value("weekdays", found.group(1)) is None:
            return True
    return False


@lru_cache(maxsize=64)
def _full_name(word: str) -> re.Pattern:
    return re.compile(rf"(?<![\w.])([A-Z][a-z]+) {re.escape(word)}(?=[,;:)]|\.\s|\s+[a-z]|’s|'s)")


def month_of_relative_year(g: dict, ctx: Context) -> Reading | None:
    """"January this year", "May last year": the month in the year before, of, or after the anchor."""
    m = ctx.lexicon.value("months", g["month"])
    if ctx.anchor is None:
        return r.unknown(f"XXXX-{m:02d}", "month")
    return r.month(ctx.anchor.year + ctx.lexicon.value("relations", g["relation"]), m, ctx.basis)


def _year_of_month(m: int, g: dict, ctx: Context) -> int:
    relation = ctx.lexicon.value("relations", g["relation"]) if "relation" in g else None
    anchor = ctx.anchor
    if relation is None:
        tense = ctx.tense()
        if tense == "past" and m % 12 == (anchor.month + 1) % 12 and ctx.tense(within=ADJACENT_CUE) != "past":
            tense = None  # the month after the anchor's: "in September" of an August article is the coming
            # one unless a past verb governs it ("was held in September"); last year's would be "last September"
        if m == anchor.month or tense is None:
            nearest = cal.nearest_date(m, 1, anchor.replace(day=1), window=183)
            return nearest.year if nearest else anchor.year
        relation = -1 if tense == "past" else 1
    if relation == -1 and m >= anchor.month:
        return anchor.year - 1
    if relation == 1 and m <= anchor.month:
        return anchor.year + 1
    return anchor.year


def year(g: dict, ctx: Context) -> Reading | None:
    """A year ("in 2020", "fiscal 1989"); none when it is part of a name ("Expo 2020", "Vision 2030") or a count
    of people or things ("about 2000 people", vocabulary ``count_after_year``)."""
    if _in_name(ctx) or _a_count(ctx):
        return None
    return r.year(_year(g, ctx))


def _a_count(ctx: Context) -> bool:
    """Whether the number counts people or things ("about 2000 people"): a noun of ``count_after_year`` follows it
    and no preposition of time stands before it ("in 2020 people voted" keeps its year)."""
    lexicon = ctx.lexicon
    return lexicon.count_after_year is not None and bool(lexicon.count_after_year.match(ctx.text, ctx.end)) \
        and not lexicon.year_before_count.search(ctx.text[max(0, ctx.start - 20) : ctx.start])


def _in_name(ctx: Context) -> bool:
    """Whether the year follows a capitalised word inside a sentence that is not one of the vocabulary's
    year openers ("In", "Fiscal", "Ramadan"): a name then holds it, "the Expo 2020 site", "Agenda 2063"."""
    word = NAME_BEFORE.search(ctx.text, max(0, ctx.start - 40), ctx.start)
    if word is None or word.group(1).lower() in ctx.lexicon.year_openers:
        return False
    head = ctx.text[: word.start(1)].rstrip(" \t")
    return bool(head) and head[-1] not in SENTENCE_OPENERS


def decade(g: dict, ctx: Context) -> Reading | None:
    """"the 1990s" -> "199"; "the '90s" takes the century from the anchor (1900s without one)."""
    if "decade_words" in g:
        digits = str(ctx.lexicon.value("decade_words", g["decade_words"]) * 10)
    else:
        digits = g.get("decade") or g["decade2"]
    if len(digits) == 2:
        century = (ctx.anchor.year // 100) if ctx.anchor else 19
        start = century * 100 + int(digits)
        if ctx.anchor and start > ctx.anchor.year:
            start -= 100
    else:
        start = int(digits)
    return Reading("DATE", str(start // 10), cal.date(start, 1, 1), cal.date(start + 9, 12, 31), "range")


def spoken_year(g: dict, ctx: Context) -> Reading | None:
    """"nineteen ninety-six" -> 1996, "the year two thousand" -> 2000 (broadcast transcripts)."""
    if "year_words" not in g:
        return r.year(2000 + (r.number(g["rest2"], ctx.lexicon) if "rest2" in g else 0))
    rest = g["rest"].lower()
    if rest == "hundred":
        tail = 0
    else:
        tail = r.number(rest.split(None, 1)[1] if rest.startswith("oh") else rest, ctx.lexicon)
    if not isinstance(tail, int):
        return None
    return r.year(ctx.lexicon.value("year_words", g["year_words"]) * 100 + tail)


def century(g: dict, ctx: Context) -> Reading | None:
    """"the 20th century" -> "19" (TIMEX3 writes a century as its first two digits)."""
    nth = int(g["nth"])
    if not 1 <= nth <= 21:
        return None
    start = (nth - 1) * 100
    return Reading("DATE", f"{nth - 1:02d}", cal.date(max(start, 1), 1, 1), cal.date(start + 99, 12, 31), "range")


def quarter(g: dict, ctx: Context) -> Reading | None:
    """"the third quarter (of 2023)": the quarter of the given year, else the latest such one by tense."""
    q = ctx.lexicon.value("ordinals", g["ordinal"]) if "ordinal" in g else None
    year = _year(g, ctx)
    if year is None and ctx.anchor and "year_relation" in g:
        year = ctx.anchor.year + ctx.lexicon.value("relations", g["year_relation"])
    if year is not None and q in (1, 2, 3, 4):
        return r.quarter(year, q)
    if ctx.anchor is None:
        return r.unknown(f"XXXX-Q{q if q in (1, 2, 3, 4) else 'X'}", "quarter")
    current = (ctx.anchor.month - 1) // 3 + 1
    if q not in (1, 2, 3, 4):
        back = 1 if ctx.direction() == "past" or q == -1 else 0
        index = ctx.anchor.year * 4 + current - 1 - back
        return r.quarter(index // 4, index % 4 + 1, ctx.basis)
    late = q > current and ctx.direction() == "past"
    return r.quarter(ctx.anchor.year - late, q, ctx.basis)


def half(g: dict, ctx: Context) -> Reading | None:
    """"the first half of 2022", "profit for the first half": a half-year; a bare half with no year or
    business words in its sentence is a match's half ("scored in the second half"): no expression."""
    h = ctx.lexicon.value("ordinals", g["ordinal"])
    if h not in (1, 2) or ("year" not in g and not _calendar_half(ctx)):
        return None
    year = _year(g, ctx) or (ctx.anchor.year if ctx.anchor else None)
    if year is None:
        return r.unknown(f"XXXX-H{h}", "range")
    first, last = cal.half_span(year, h)
    return Reading("DATE", f"{year}-H{h}", first, last, "range", "" if "year" in g else ctx.basis)


def _calendar_half(ctx: Context) -> bool:
    """Whether a half without a year is a half-year: "of the year"/"of fiscal 2023" after it, or a word of
    the vocabulary's ``half_year_cues`` (profit, exports, growth...) in its sentence."""
    if ctx.lexicon.half_year_after.match(ctx.text, ctx.end):
        return True
    low, high = ctx.cues.sentence(ctx.start, ctx.end) if ctx.cues else (max(0, ctx.start - 160), ctx.end + 80)
    return ctx.lexicon.half_year_cues.search(ctx.text, low, high) is not None


def season(g: dict, ctx: Context) -> Reading | None:
    """"this summer", "last winter", "spring 2020" -> "2023-SU" and the season's months."""
    code = ctx.lexicon.value("seasons", g["seasons"])
    year = _year(g, ctx)
    if year is None and ctx.anchor is None:
        return r.unknown(f"XXXX-{code}", "range")
    if year is None:
        relation = ctx.lexicon.value("relations", g["relation"]) if "relation" in g else 0
        year = _season_year(code, relation or 0, ctx.anchor)
    first, last = cal.season_span(year, code)
    return Reading("DATE", f"{year}-{code}", first, last, "range", "" if "year" in g else ctx.basis)


def _season_year(code: str, relation: int, anchor) -> int:
    """"last summer": the latest summer over by the anchor; "next summer": the first not yet begun."""
    if relation < 0:
        return anchor.year if cal.season_span(anchor.year, code)[1] < anchor else anchor.year - 1
    if relation > 0:
        return anchor.year if cal.season_span(anchor.year, code)[0] > anchor else anchor.year + 1
    return anchor.year


NORMALISERS = {
    "calendar_date": calendar_date,
    "day_range": day_range,
    "holiday": holiday,
    "week_of": week_of,
    "month": month,
    "month_of_relative_year": month_of_relative_year,
    "year": year,
    "decade": decade,
    "spoken_year": spoken_year,
    "century": century,
    "quarter": quarter,
    "half": half,
    "season": season,
}
