"""data/sentences.yaml ``report_stamp``: "according to a statement issued on Saturday" dates the statement, not the
happening it reports."""

from datetime import date

import pytest

from article_events import events_of
from timeline.resources import load

EXAMPLES = load("sentences.yaml")["report_stamp"]["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][-50:] for e in EXAMPLES])
def test_a_date_stamping_a_report_does_not_date_the_happening(example):
    events = events_of(example["text"], published=date(2024, 5, 12))
    assert len(events) == 1
    assert events[0].date == (example["date"] and date.fromisoformat(example["date"]))


SEQUELS = load("sentences.yaml")["sequel_words"]["examples"]


@pytest.mark.parametrize("example", SEQUELS, ids=[e["text"][-50:] for e in SEQUELS])
def test_a_date_after_a_sequel_word_dates_the_earlier_happening(example):
    events = events_of(example["text"], published=date(2024, 5, 12))
    assert events and events[0].date == (example["date"] and date.fromisoformat(example["date"]))
