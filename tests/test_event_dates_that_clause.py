"""``event_dates.own_timex``: an expression right before a clause opened by "that" dates the main clause, not a
trigger inside that clause ("announced in February that the summit would be held"); a cleft ("It was on
Thursday that ...") still dates it."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.event_dates import own_timex
from timeline.settings import DEFAULT_SETTINGS
from timeline.temporal import tag
from timeline.triggers import find_triggers, vocabulary

PUBLISHED = date(2024, 3, 22)  # a Friday

CASES = [
    ("The premier gave word in February that the meeting of the leaders was to be held in the capital.",
     "meeting", None),
    ("It was on Thursday that the two foreign ministers met in Geneva.", "meeting", date(2024, 3, 21)),
    ("The two foreign ministers met in Geneva on Thursday.", "meeting", date(2024, 3, 21)),
]


@pytest.mark.parametrize("text, event_type, expected", CASES, ids=[c[0][:50] for c in CASES])
def test_a_date_before_a_that_clause_is_the_main_clauses(text, event_type, expected):
    vocab = vocabulary(DEFAULT_SETTINGS.data_dir)
    trigger = next(t for t in find_triggers(text, vocab) if t.event_type == event_type)
    timex = own_timex(text, 0, trigger, tag(text, PUBLISHED, DEFAULT_SETTINGS), PUBLISHED, vocab)
    assert (timex.first_day if timex else None) == expected


def test_that_before_a_time_noun_is_a_determiner():
    """"in June that year": the month dates the trigger after it; "that" opens no clause."""
    text = "A clash in the valley in June that year killed 20 soldiers."
    vocab = vocabulary(DEFAULT_SETTINGS.data_dir)
    published = date(2024, 7, 31)
    trigger = next(t for t in find_triggers(text, vocab) if t.event_type == "incident")
    months = [t for t in tag(text, published, DEFAULT_SETTINGS) if t.text == "June"]  # "that year" goes with it
    timex = own_timex(text, 0, trigger, months, published, vocab)
    assert timex is not None and timex.text == "June"
