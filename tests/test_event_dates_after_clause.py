"""``event_dates.own_timex``: a verb trigger in a clause that "after" opens, after the expression ("Late on
Saturday, divers kept looking for the crew after a ferry capsized"), happened before the main clause's day: the
expression is not its day. An offset before "after" ("a day after") is counted instead, and the main clause keeps its day."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.event_dates import own_timex
from timeline.settings import DEFAULT_SETTINGS
from timeline.temporal import tag
from timeline.triggers import find_triggers, vocabulary

PUBLISHED = date(2030, 8, 7)  # a Wednesday

CASES = [
    ("Late on Saturday, navy divers kept looking for three missing sailors after a ferry capsized near the northern "
     "reef.", "incident", None),
    ("A fishing boat capsized on Saturday about ten miles off the cape.", "incident", date(2030, 8, 3)),
    ("Rescuers on Saturday pulled two fishermen from the water after their boat capsized, the coast guard said.",
     "incident", None),
    ("Rescuers found the wreck on Sunday, a day after the fishing boat capsized off the cape.", "incident",
     date(2030, 8, 3)),
]


@pytest.mark.parametrize("text, event_type, expected", CASES, ids=[c[0][:50] for c in CASES])
def test_a_happening_told_after_after_is_not_dated_by_the_main_clause(text, event_type, expected):
    vocab = vocabulary(DEFAULT_SETTINGS.data_dir)
    trigger = next(t for t in find_triggers(text, vocab) if t.event_type == event_type)
    timex = own_timex(text, 0, trigger, tag(text, PUBLISHED, DEFAULT_SETTINGS), PUBLISHED, vocab)
    assert (timex.first_day if timex else None) == expected
