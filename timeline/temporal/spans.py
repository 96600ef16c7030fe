"""Normalisers for durations, clock times, vague references and frequencies.

A duration keeps TimeML's value ("P3D"); when it is counted back or forward from the document date
("the past three days") its first/last day give the timeline's range ending or starting there.
"""

from __future__ import annotations

from datetime import timedelta

from . import calendar as cal
from . import readings as r
from .context import Context
from .readings import Reading

SCALE = {"DE": ("Y", 10), "CE": ("Y", 100)}
# The next smaller unit, to write "2 1/2 years" as P2Y6M: (time unit?, code) -> (code, how many).
SMALLER = {(None, "Y"): ("M", 12), (None, "W"): ("D", 7), (True, "H"): ("M", 60), (True, "M"): ("S", 60)}


def duration(g: dict, ctx: Context) -> Reading | None:
    """"30 years", "three-day", "several months", "years" -> P30Y, P3D, PXM, PXY."""
    count = r.number(g["number"], ctx.lexicon) if "number" in g else "X"
    unit = ctx.lexicon.value("units", g["units"])
    if count is None or unit is None:
        return None
    if "half" in g and isinstance(count, int):
        count += 0.5
    return Reading("DURATION", duration_value(count, unit), granularity="duration")


def duration_value(count, unit: dict) -> str:
    """TIMEX3 duration: decades and centuries in years, fortnights in weeks, "X" when unspecified."""
    prefix = "PT" if unit.get("time") else "P"
    if not isinstance(count, (int, float)):
        return f"{prefix}X{unit['code']}"
    code, scale = SCALE.get(unit["code"], (unit["code"], 1))
    total = count * scale * unit.get("factor", 1)
    whole, part = int(total), total - int(total)
    if part and (unit.get("time"), code) in SMALLER:
        smaller, size = SMALLER[(unit.get("time"), code)]
        return f"{prefix}{whole}{code}{round(part * size)}{smaller}" if whole else f"{prefix}{round(part * size)}{smaller}"
    return f"{prefix}{whole if not part else total}{code}"


def duration_range(g: dict, ctx: Context) -> Reading | None:
    """"the past three days" (P3D, range ending at the anchor), "the next two weeks" (starting there)."""
    step = ctx.lexicon.value("relations", g["relation"])
    plural = "number" not in g and g["units"].lower().endswith("s")
    if plural and step is not None:
        return r.unknown("PAST_REF" if step < 0 else "PRESENT_REF" if step == 0 else "FUTURE_REF")
    g = g if "number" in g else {**g, "number": "several" if plural else "1"}
    found = duration(g, ctx)
    if found is None or ctx.anchor is None or step is None:
        return found
    count = r.number(g["number"], ctx.lexicon)
    unit = ctx.lexicon.value("units", g["units"])
    if not isinstance(count, int) or unit.get("time"):
        return Reading(found.type, found.value, ctx.anchor if step >= 0 else None, ctx.anchor if step < 0 else None,
                       "range", ctx.basis)
    span = cal.shift(ctx.anchor, (1 if step >= 0 else -1) * count * unit.get("factor", 1), unit["code"])
    first, last = (span + timedelta(days=1), ctx.anchor) if step < 0 else (ctx.anchor, span - timedelta(days=1))
    return Reading(found.type, found.value, first, last, "range", ctx.basis)


def clock_time(g: dict, ctx: Context) -> Reading | None:
    """"10 a.m.", "13:00", "noon": a time ("T10:00") on the day under discussion: the latest day named
    before it, else the anchor day."""
    hour, minute = _clock(g, ctx)
    if hour is None:
        return None
    suffix = f"T{hour:02d}:{minute:02d}"
    if hour == 24 and _night_after(ctx):
        day = ctx.latest_day.first_day
        return Reading("TIME", day.isoformat() + suffix, day + timedelta(days=1), day + timedelta(days=1), "time",
                         f"{ctx.reference_basis}: after midnight, the next day")
    if ctx.reference is not None:
        return r.day(ctx.reference, ctx.reference_basis, suffix)
    if ctx.anchor is None:
        return r.unknown(f"XXXX-XX-XX{suffix}", "time", "TIME")
    return r.day(ctx.anchor, ctx.basis, suffix)


def _night_after(ctx: Context) -> bool:
    """True for "midnight" after vocabulary ``after_midnight`` ("shortly after midnight") when the day named last
    before it was named late in that day ("late on Wednesday", "Wednesday night"): the next day's first hours."""
    latest, lexicon = ctx.latest_day, ctx.lexicon
    if latest is None or lexicon.after_midnight is None or lexicon.late_in_the_day is None \
            or not lexicon.after_midnight.search(ctx.text, max(0, ctx.start - 20), ctx.start):
        return False
    part = lexicon.value("parts_of_day", latest.text.split()[-1]) if latest.text.split() else None
    return part in ("EV", "NI") or latest.value.endswith(("TEV", "TNI")) \
        or bool(lexicon.late_in_the_day.search(ctx.text, max(0, latest.start - 12), latest.start))


def _clock(g: dict, ctx: Context) -> tuple[int | None, int]:
    if "clock_words" in g:
        return ctx.lexicon.value("clock_words", g["clock_words"]), 0
    hour = int(g.get("hour") or g.get("hour2") or g["clock_hour"])
    minute = int(g.get("minute") or g.get("minute2") or 0)
    ampm = (g.get("ampm") or "").lower() or {"morning": "am", "afternoon": "pm", "evening": "pm"}.get(
        (g.get("day_half") or "").lower(), "")
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    return hour, minute


def vague(g: dict, ctx: Context) -> Reading | None:
    """"recently", "now", "the future" -> PAST_REF / PRESENT_REF / FUTURE_REF, never a day."""
    return r.unknown(ctx.lexicon.value("vague", g["vague"]))


def frequency(g: dict, ctx: Context) -> Reading | None:
    """"daily", "every year" -> SET P1D, P1Y."""
    return r.unknown(ctx.lexicon.value("sets", g["sets"]), "set", "SET")


def constant(g: dict, ctx: Context) -> Reading | None:
    """A rule whose value is fixed in its ``params`` ("will one day" -> FUTURE_REF)."""
    return r.unknown(ctx.params["value"], ctx.params.get("granularity", "vague"), ctx.params.get("type", "DATE"))


def not_temporal(g: dict, ctx: Context) -> Reading | None:
    """Words that look temporal but are not a time here (a rate: "$2 million a year"): no expression."""
    return None


NORMALISERS = {
    "not_temporal": not_temporal,
    "constant": constant,
    "duration": duration,
    "duration_range": duration_range,
    "clock_time": clock_time,
    "vague": vague,
    "frequency": frequency,
}
