"""``event_dates.own_timex``: a time inside an aside that closes before the trigger (a relative clause, or a
clause a past participle opens) dates the aside's happening, not the trigger's; a time of the trigger's own
clause still dates it."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.event_dates import own_timex
from timeline.settings import DEFAULT_SETTINGS
from timeline.temporal import tag
from timeline.triggers import find_triggers, vocabulary

PUBLISHED = date(2024, 6, 30)  # a Sunday

CASES = [
    ("The remains of six sailors, recovered from a wreck off the coast last year, were reburied with military "
     "honours in Velm on Thursday.", "reburied", "2024-06-27"),
    ("The remains of six sailors, recovered from a wreck off the coast last year, were reburied with military "
     "honours in Velm.", "reburied", None),
    ("The envoy, who arrived in Velm on Monday, met the prime minister on Wednesday.", "met", "2024-06-26"),
    ("The trade fair, held on 24-26 June in Velm, brought together ministers of ten countries.", "brought together",
     "2024-06-24"),
    ("On Monday the envoy met the prime minister, and later visited a school.", "met", "2024-06-24"),
]


@pytest.mark.parametrize("sentence, verb, expected", CASES, ids=[c[0][-60:] for c in CASES])
def test_a_time_inside_an_aside_before_the_trigger_dates_the_aside(sentence, verb, expected):
    vocab = vocabulary(DEFAULT_SETTINGS.data_dir)
    trigger = next(t for t in find_triggers(sentence, vocab) if verb in t.text)
    timex = own_timex(sentence, 0, trigger, tag(sentence, PUBLISHED, DEFAULT_SETTINGS), PUBLISHED, vocab)
    assert (timex.first_day.isoformat() if timex else None) == expected
