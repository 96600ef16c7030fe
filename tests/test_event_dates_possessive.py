"""``event_dates.own_timex``: a day that owns a happening's noun ("claimed Sunday's explosion") dates it, even after a
reporting or claiming verb; the same day before another noun does not."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.event_dates import own_timex
from timeline.settings import DEFAULT_SETTINGS
from timeline.temporal import tag
from timeline.triggers import find_triggers, vocabulary

PUBLISHED = date(2024, 5, 14)  # a Tuesday

CASES = [
    ("The rebel group took responsibility for Sunday's explosion.", "explosion", date(2024, 5, 12)),
    ("A little-known group claimed Sunday's deadly attack on the market.", "attack", date(2024, 5, 12)),
    ("The minister said Monday's talks with the envoy were useful.", "talks", date(2024, 5, 13)),
    ("A joint statement came out of Monday's emergency summit of the bloc.", "summit", date(2024, 5, 13)),
    # the day owns another noun: the happening told after it has no day of its own
    ("After Sunday's storm, the rebel group claimed an attack on the market.", "attack", None),
]


@pytest.mark.parametrize("sentence, word, expected", CASES, ids=[c[0][:50] for c in CASES])
def test_a_day_owning_the_noun_dates_it(sentence, word, expected):
    vocab = vocabulary(DEFAULT_SETTINGS.data_dir)
    trigger = next(t for t in find_triggers(sentence, vocab) if word in t.text)
    timex = own_timex(sentence, 0, trigger, tag(sentence, PUBLISHED, DEFAULT_SETTINGS), PUBLISHED, vocab)
    assert (timex.first_day if timex else None) == expected
