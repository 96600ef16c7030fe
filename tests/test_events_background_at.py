"""A happening after "at a" or "at an" names where something else happened ("was injured at a protest"), unless it is
a sitting told as news with a day of its own ("the board backed the merger at a meeting on Sunday"); a press or news
conference, or a sitting with no day, is still no event (data/events.yaml ``background_at_before``,
``background_at_unless``; made-up texts, run from the yaml's examples)."""

import pytest

from article_events import events_of
from timeline.resources import load
from timeline.triggers import find_triggers, vocabulary

VOCAB = vocabulary()
UNLESS = load("events.yaml")["background_at_unless"]
LEAD = "VELM, May 10 (Wire) - The Velm city council opened a new bridge on Friday."


@pytest.mark.parametrize("example", UNLESS["examples"], ids=lambda e: e["text"][:40])
def test_a_dated_sitting_after_at_a_is_an_event(example):
    events = events_of(f"{LEAD}\n\n{example['text']}")
    assert any(e.event_type == example["type"] and example["text"][:30] in e.evidence for e in events), events


@pytest.mark.parametrize("example", UNLESS["not_examples"], ids=lambda e: e["text"][:40])
def test_a_press_conference_or_an_undated_sitting_after_at_a_is_none(example):
    events = events_of(f"{LEAD}\n\n{example['text']}")
    assert not any(e.event_type == example["type"] and example["text"][:30] in e.evidence for e in events), events


def test_a_place_after_at_a_that_is_no_sitting_stays_background():
    text = "A farmer was injured at a protest on Monday."
    assert not any(t.text == "protest" for t in find_triggers(text, VOCAB))
