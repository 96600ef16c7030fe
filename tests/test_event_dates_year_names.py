"""``event_dates.own_timex``: a year that is part of a name ("the 2024 Ocean Conference", "the 2024 edition of the
forum", "drills Steppe-2024") names an edition, not the happening's date; a year of its own still dates it."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.event_dates import own_timex
from timeline.settings import DEFAULT_SETTINGS
from timeline.temporal import tag
from timeline.triggers import find_triggers, vocabulary

PUBLISHED = date(2024, 6, 30)

CASES = [
    ("The president also attended the 2024 Ocean Conference in Lisbon.", None),
    ("The minister flew to Oslo to attend the 2024 edition of the mediators' forum.", None),
    ("Massive drills Steppe-2024 began in the region today.", "2024-06-30"),
    ("The two countries signed a treaty in 2019.", "2019"),
    ("In 2019 the two countries signed a treaty.", "2019"),
]


@pytest.mark.parametrize("sentence, expected", CASES, ids=[c[0][:50] for c in CASES])
def test_a_year_inside_a_name_is_no_date(sentence, expected):
    vocab = vocabulary(DEFAULT_SETTINGS.data_dir)
    triggers = find_triggers(sentence, vocab)
    assert triggers
    timex = own_timex(sentence, 0, triggers[-1], tag(sentence, PUBLISHED, DEFAULT_SETTINGS), PUBLISHED, vocab)
    assert (timex.value if timex else None) == expected
