"""dateparser, for the few date shapes the fast path does not normalise itself (cached per span).

Always called with ``languages=[settings.language]`` and ``RELATIVE_BASE`` set (the anchor, or a fixed
neutral date when there is none), and with day, month and year all required, so the result never
depends on the day the code runs.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import lru_cache

from . import readings as r
from .context import Context
from .readings import Reading

# Base for spans that carry their own year; REQUIRE_PARTS stops it from leaking into a result.
NEUTRAL_BASE = date(2000, 1, 1)


@lru_cache(maxsize=2048)
def parse_day(text: str, anchor: date, language: str) -> date | None:
    """The day dateparser reads in ``text`` relative to ``anchor``, or None."""
    import dateparser  # imported on first use: it takes ~0.3 s

    settings = {"RELATIVE_BASE": datetime(anchor.year, anchor.month, anchor.day), "STRICT_PARSING": True,
                "PREFER_DATES_FROM": "current_period", "REQUIRE_PARTS": ["day", "month", "year"]}
    found = dateparser.parse(text, languages=[language], settings=settings)
    return found.date() if found else None


def parsed_date(g: dict, ctx: Context) -> Reading | None:
    """A full date in a less common shape ("19-Sep-2023", "2023/09/19"), read by dateparser."""
    found = parse_day(ctx.text[ctx.start : ctx.end], ctx.anchor or NEUTRAL_BASE, ctx.settings.language)
    return r.day(found, "dateparser") if found else None


NORMALISERS = {"parsed_date": parsed_date}
