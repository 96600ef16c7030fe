"""Temporal tagging: find the date expressions of a text and anchor each one to the calendar.

Reads a text and its anchor date (the article's date, or None); adds ``Timex`` records. Patterns and
vocabulary live in data/temporal/; this package compiles them once and normalises each matched span.
"""

from .calendar import weekday_date  # noqa: F401
from .tagger import tag  # noqa: F401
from .underspecified import candidate_years  # noqa: F401
