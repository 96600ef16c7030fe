"""``event_dates.own_timex``: an expression inside what an attribution after the trigger reports ("While the two
men spoke in private, aides said the envoy had flown in to update the king about a regional summit of 1-2 March")
dates what is reported, not the trigger's happening; a date right after the attribution still dates the report
(``_dates_the_report``), and one before it the trigger."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.event_dates import own_timex
from timeline.settings import DEFAULT_SETTINGS
from timeline.temporal import tag
from timeline.triggers import find_triggers, vocabulary

PUBLISHED = date(2024, 3, 22)  # a Friday

CASES = [
    ("While the two ministers held talks in private, people close to the palace said the envoy had flown in to "
     "update the king about a regional summit held in the capital from 1st - 2nd March, 2024.", "meeting", None),
    ("The two ministers held talks in private, a palace aide said, and the envoy left the capital "
     "on Thursday.", "meeting", None),
    ("The two ministers held talks in private on Thursday, a palace aide said.", "meeting", date(2024, 3, 21)),
    ("Two ministers held talks in the capital, officials said on Thursday.", "meeting", None),
    ("Police arrested nine suspects in three cities, sources in the agency told The Daily Example on Thursday.",
     "other", date(2024, 3, 21)),
    ("Police raided the hideout, the accused in the case of the stolen paintings having fled it on Thursday.",
     "operation", date(2024, 3, 21)),  # "the accused": a noun, no attribution
    ("The trade minister held talks with Sam Roe, the United States special envoy for trade on Thursday, according "
     "to the ministry.", "meeting", date(2024, 3, 21)),  # "States": a name's word, not the verb "states"
]


@pytest.mark.parametrize("text, event_type, expected", CASES, ids=[c[0][:50] for c in CASES])
def test_a_date_in_what_a_later_attribution_reports_is_not_the_triggers(text, event_type, expected):
    vocab = vocabulary(DEFAULT_SETTINGS.data_dir)
    trigger = next(t for t in find_triggers(text, vocab) if t.event_type == event_type)
    timex = own_timex(text, 0, trigger, tag(text, PUBLISHED, DEFAULT_SETTINGS), PUBLISHED, vocab)
    assert (timex.first_day if timex else None) == expected
