"""Resolving a yearless date later: which years fit "Friday, March 8" near some other date.

The tagger leaves such an expression as "XXXX-03-08" when the text has no anchor; the pipeline can
call ``candidate_years`` once it has a likely date from the rest of the corpus.
"""

from __future__ import annotations

import re
from datetime import date

from ..models import Timex
from ..settings import DEFAULT_SETTINGS, Settings
from . import calendar as cal
from .lexicon import lexicon_for

YEARLESS = re.compile(r"XXXX-(\d\d)-(\d\d)")


def candidate_years(timex: Timex, around: date, settings: Settings = DEFAULT_SETTINGS, years: int = 7) -> list[int]:
    """Years within ``years`` of ``around`` in which the expression's month/day exists and falls on the
    weekday its text names (if any), nearest first. Empty for anything but a yearless day-month."""
    found = YEARLESS.fullmatch(timex.value)
    if not found:
        return []
    month, day = int(found.group(1)), int(found.group(2))
    return [d.year for d in cal.candidate_dates(month, day, around, named_weekday(timex.text, settings), years)]


def named_weekday(text: str, settings: Settings = DEFAULT_SETTINGS) -> int | None:
    """The weekday (Monday = 0) a text names, or None."""
    lexicon = lexicon_for(settings.data_dir)
    for word in re.findall(r"[A-Za-z]+\.?", text):
        value = lexicon.value("weekdays", word)
        if value is not None:
            return value
    return None
