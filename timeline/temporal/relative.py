"""Normalisers for expressions counted from the document date or from the latest date before them.

Weekdays, today/yesterday, "the previous day", "last week", "three days ago". Without an anchor they
keep an underspecified value ("XXXX-WXX-2") and no calendar day.
"""

from __future__ import annotations

from datetime import date, timedelta

from . import calendar as cal
from . import readings as r
from .context import Context
from .readings import Reading

CENTURY_SPAN = {"DE": 10, "CE": 100}


def weekday(g: dict, ctx: Context) -> Reading | None:
    """A weekday: "next"/"last"/"this" decide, else the tense of the sentence (past: on or before the anchor)."""
    wd = ctx.lexicon.value("weekdays", g["weekday"])
    suffix = _clock_suffix(g, ctx)
    if ctx.anchor is None:
        return r.unknown(f"XXXX-WXX-{wd + 1}{suffix}", "day")
    found = _weekday_from(wd, g, ctx)
    counted = "relation" in g and ctx.lexicon.value("reference_relations", g["relation"]) is not None
    return r.day(found, ctx.reference_basis if counted else ctx.basis, suffix)


def _clock_suffix(g: dict, ctx: Context) -> str:
    """"T12:00" for "noon Thursday"/"Thursday at 10 a.m.", "TMO" for "Friday morning"; "Friday night"
    stays a day (TimeML annotators split between TNI, TEV and the bare day)."""
    if "clock_words" in g:
        return f"T{ctx.lexicon.value('clock_words', g['clock_words']):02d}:00"
    if "hour" in g:
        hour = int(g["hour"]) % 12 + (12 if g["ampm"].startswith("p") else 0)
        return f"T{hour:02d}:{g.get('minute') or '00'}"
    suffix = _part_of_day(g, ctx)
    return "" if suffix == "TNI" else suffix


def _weekday_from(wd: int, g: dict, ctx: Context) -> date:
    if g.get("week_relation"):  # "Thursday last week": that weekday of the week named
        weeks = ctx.lexicon.value("relations", g["week_relation"]) or 0
        return cal.week_span(ctx.anchor)[0] + timedelta(days=7 * weeks + wd)
    counted = ctx.lexicon.value("reference_relations", g["relation"]) if "relation" in g else None
    if counted is not None:  # "the following Monday": after the latest day named (else the anchor)
        return cal.weekday_date(wd, ctx.reference, "future") if counted > 0 else cal.weekday_date(wd, ctx.reference - timedelta(days=1))
    relation = ctx.lexicon.value("relations", g["relation"]) if "relation" in g else None
    if relation == 0:
        return cal.week_span(ctx.anchor)[0] + timedelta(days=wd)
    if relation == -1:
        return cal.weekday_date(wd, ctx.anchor - timedelta(days=1))
    if relation == 1:
        return cal.weekday_date(wd, ctx.anchor, "future")
    if ctx.text.startswith(("'s", "’s"), ctx.end):  # "Friday's vote": an event already known
        return cal.weekday_date(wd, ctx.anchor)
    if wd == ctx.anchor.weekday():  # "Friday" in an article of a Friday: that day, whatever the tense
        return ctx.anchor
    return cal.weekday_date(wd, ctx.anchor, ctx.direction())


def _part_of_day(g: dict, ctx: Context) -> str:
    words = g.get("parts_of_day") or g.get("parts_of_day2")
    part = ctx.lexicon.value("parts_of_day", words) if words else None
    return f"T{part}" if part else ""


def relative_day(g: dict, ctx: Context) -> Reading | None:
    """today, yesterday, tomorrow, tonight, "this morning", "yesterday afternoon"."""
    offset, part = ctx.lexicon.value("relative_days", g["relative_days"]) if "relative_days" in g else (0, "")
    suffix = _part_of_day(g, ctx) or (f"T{part}" if part else "")
    if ctx.anchor is None:
        return r.unknown(f"XXXX-XX-XX{suffix}", "day")
    return r.day(ctx.anchor + timedelta(days=offset), ctx.basis, suffix)


def reference_day(g: dict, ctx: Context) -> Reading | None:
    """"the previous day", "the following day": counted from the latest day mentioned before (or the anchor)."""
    offset = ctx.lexicon.value("reference_days", g["reference_days"])
    if ctx.reference is None:
        return r.unknown("XXXX-XX-XX", "day")
    return r.day(ctx.reference + timedelta(days=offset), ctx.reference_basis)


def day_of_month(g: dict, ctx: Context) -> Reading | None:
    """"on the 12th": that day of the anchor's month when it is not after the anchor; otherwise (or without
    an anchor) no calendar day, since it may be last month's or a coming one."""
    dom = int(g["dom"])
    if ctx.anchor is None or dom > ctx.anchor.day:
        return r.unknown(f"XXXX-XX-{dom:02d}", "day")
    return r.day(ctx.anchor.replace(day=dom), ctx.basis)


def relative_period(g: dict, ctx: Context) -> Reading | None:
    """"last week", "this month", "next year", "earlier this year" -> the calendar period they name."""
    unit = ctx.lexicon.value("period_units", g["period_units"]) if "period_units" in g else "Y"
    step = ctx.lexicon.value("relations", g["relation"]) if "relation" in g else 0
    if ctx.anchor is None:
        return r.unknown({"W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "Q": "XXXX-QX"}.get(unit, "XXXX-XX"), "vague")
    found = period(unit, step, ctx.anchor, ctx.basis)
    if (unit, step) == ("CE", 0):  # TimeML writes "this century" as the span P100Y; the days stay the century's
        return Reading(found.type, "P100Y", found.first_day, found.last_day, "range", found.basis)
    side = g.get("relation", "").split()[0].lower() if g.get("relation") else ""
    if side in ("earlier", "so") and found.first_day <= ctx.anchor:  # "earlier this month": up to the anchor
        return Reading(found.type, found.value, found.first_day, ctx.anchor, "range", found.basis)
    if side == "later" and ctx.anchor <= found.last_day:  # "later this year": from the anchor on
        return Reading(found.type, found.value, ctx.anchor, found.last_day, "range", found.basis)
    return found


def period(unit: str, step: int, anchor: date, basis: str) -> Reading:
    """The week/month/quarter/year/decade ``step`` periods from the one holding ``anchor``."""
    if unit in ("W", "WE"):
        found = r.week(anchor + timedelta(weeks=step), basis)
        if unit == "WE":
            return r.Reading("DATE", found.value + "-WE", found.last_day - timedelta(days=1), found.last_day, "range", basis)
        return found
    if unit == "M":
        shifted = cal.add_months(anchor, step)
        return r.month(shifted.year, shifted.month, basis)
    if unit == "Q":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + step
        return r.quarter(index // 4, index % 4 + 1, basis)
    if unit in CENTURY_SPAN:
        size = CENTURY_SPAN[unit]
        start = (anchor.year // size + step) * size
        value = str(start // size)
        return r.Reading("DATE", value, date(start, 1, 1), date(start + size - 1, 12, 31), "range", basis)
    return r.year(anchor.year + step, basis)


def offset(g: dict, ctx: Context) -> Reading | None:
    """"three days ago", "two weeks earlier", "a year later": the day/week/month/year that far away."""
    count = r.number(g["number"], ctx.lexicon)
    unit = ctx.lexicon.value("units", g["units"])
    sign, origin = ctx.lexicon.value("offset_words", g["offset_words"])
    start, basis = (ctx.anchor, ctx.basis) if origin == "anchor" else (ctx.reference, ctx.reference_basis)
    coarse = ctx.latest_coarse(_COARSE_REFERENCES.get(unit["code"], ())) if origin != "anchor" else None
    if coarse is not None:  # "in 2017 ... a year later": counted from that year, named after the latest day
        start, basis = coarse.first_day, f"{coarse.text!r} ({coarse.value})"
    if unit.get("time") and start is not None:  # "a few minutes ago", "several hours later": that same day
        return r.day(start, basis)
    if not isinstance(count, int) or start is None:
        return r.unknown("PAST_REF" if sign < 0 else "FUTURE_REF")
    code = unit["code"]
    quarter = ctx.latest_period("quarter") if code == "Y" else None
    if quarter is not None:
        return _same_quarter_years_before(quarter, sign * count)
    found = cal.shift(start, sign * count * unit.get("factor", 1), code)
    return _at_granularity(found, code, basis)


# The coarser times a "later"/"earlier" of each unit may count from: "a year later" from a year or a month, "a month
# later" from a month.
_COARSE_REFERENCES = {"Y": ("year", "month"), "M": ("month",)}


def _same_quarter_years_before(quarter, years: int) -> Reading:
    """"a year earlier" right after a quarter is named: that quarter, ``years`` years away."""
    moved = cal.shift(quarter.first_day, years, "Y")
    return r.quarter(moved.year, (moved.month - 1) // 3 + 1, f"{quarter.text!r} ({quarter.value})")


def year_ago_period(g: dict, ctx: Context) -> Reading | None:
    """"the year-earlier quarter", "the year-ago period": the latest quarter named, a year before;
    without one, the year before the anchor."""
    if "number" in g:  # "the year-earlier nine months": TimeML keeps the span's length
        return Reading("DURATION", f"P{r.number(g['number'], ctx.lexicon)}M", granularity="duration")
    if "ordinal" in g and ctx.anchor is not None:
        return r.quarter(ctx.anchor.year - 1, ctx.lexicon.value("ordinals", g["ordinal"]), ctx.basis)
    quarter = ctx.latest_period("quarter", within=2000)
    if quarter is not None:
        return _same_quarter_years_before(quarter, -1)
    if ctx.anchor is None:
        return r.unknown("PAST_REF")
    return r.year(ctx.anchor.year - 1, ctx.basis)


def _at_granularity(found: date, code: str, basis: str) -> Reading:
    if code == "D":
        return r.day(found, basis)
    if code == "W":
        return r.week(found, basis)
    if code == "M":
        return r.month(found.year, found.month, basis)
    return period(code, 0, found, basis) if code in ("Q", "DE", "CE") else r.year(found.year, basis)


def the_quarter(g: dict, ctx: Context) -> Reading | None:
    """"the quarter", "the latest period": the quarter named just before, else the latest one by tense;
    "the current quarter" is the anchor's; "the latest quarter" is never one still to end at the anchor."""
    words = ctx.text[ctx.start : ctx.end].lower()
    if "current" in words and ctx.anchor is not None:
        return period("Q", 0, ctx.anchor, ctx.basis)
    quarter = ctx.latest_period("quarter", within=1500)
    if quarter is not None and ctx.anchor is not None and quarter.last_day >= ctx.anchor and "latest" in words:
        return period("Q", -1, ctx.anchor, ctx.basis)
    if quarter is not None:
        return Reading(quarter.type, quarter.value, quarter.first_day, quarter.last_day, "quarter",
                       f"{quarter.text!r} ({quarter.value})")
    if ctx.anchor is None:
        return r.unknown("XXXX-QX", "quarter")
    back = 1 if ctx.direction() == "past" else 0
    return period("Q", -back, ctx.anchor, ctx.basis)


def the_weekend(g: dict, ctx: Context) -> Reading | None:
    """"the weekend": the latest one by the anchor in past reporting, the coming one in the future."""
    if ctx.anchor is None:
        return r.unknown("XXXX-WXX-WE", "range")
    saturday = cal.weekday_date(5, ctx.anchor, ctx.direction())
    return period("WE", 0, saturday, ctx.basis)


def the_year(g: dict, ctx: Context) -> Reading | None:
    """"the year", "the full year", "the current fiscal year": the anchor's year; "the year ended March 31"
    is a twelve-month span (TimeML: DURATION P1Y); "the latest/past/previous fiscal year" the one before."""
    if "ended" in g:
        return Reading("DURATION", "P1Y", granularity="duration")
    if ctx.anchor is None:
        return r.unknown("XXXX", "year")
    which = (g.get("which") or "").strip().lower()
    return r.year(ctx.anchor.year - (which in ("latest", "past", "previous")), ctx.basis)


def that_period(g: dict, ctx: Context) -> Reading | None:
    """"that year", "later that month", "that quarter": the period of the latest date named before it."""
    unit = ctx.lexicon.value("period_units", g["period_units"])
    if unit == "Q":
        latest = ctx.latest_period("quarter", within=2000)
        return the_quarter(g, ctx) if latest is None else Reading(latest.type, latest.value, latest.first_day,
                                                                  latest.last_day, "quarter", f"{latest.text!r}")
    latest = next((t for t in reversed(ctx.previous) if t.first_day and t.granularity != "vague"), None)
    if latest is None:
        return r.unknown("PAST_REF")
    return period(unit, 0, latest.first_day, f"{latest.text!r} ({latest.value})")


def reference_period(g: dict, ctx: Context) -> Reading | None:
    """"the following year", "the previous month": one period after/before the latest date named before it."""
    unit = ctx.lexicon.value("period_units", g["period_units"])
    latest = next((t for t in reversed(ctx.previous) if t.first_day and t.granularity != "vague"), None)
    if latest is None:
        return r.unknown("PAST_REF" if g["relation"].lower() != "following" else "FUTURE_REF")
    step = 1 if g["relation"].lower() == "following" else -1
    return period(unit, step, latest.first_day, f"{latest.text!r} ({latest.value})")


def year_period(g: dict, ctx: Context) -> Reading | None:
    """"the 1988 period": the quarter latest named, in that year; without one, the year."""
    year = int(g["year"])
    quarter = ctx.latest_period("quarter", within=2000)
    if quarter is None:
        return r.year(year)
    q = (quarter.first_day.month - 1) // 3 + 1
    return r.quarter(year, q, f"{quarter.text!r} ({quarter.value})")


NORMALISERS = {
    "year_period": year_period,
    "reference_period": reference_period,
    "the_year": the_year,
    "that_period": that_period,
    "the_quarter": the_quarter,
    "the_weekend": the_weekend,
    "weekday": weekday,
    "relative_day": relative_day,
    "reference_day": reference_day,
    "day_of_month": day_of_month,
    "relative_period": relative_period,
    "offset": offset,
    "year_ago_period": year_ago_period,
}
