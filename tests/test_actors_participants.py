"""A further, definite mention of an event that names who took part in it (data/participants.yaml)."""

from __future__ import annotations

import pytest

from timeline.event_actors import names_participants
from timeline.resources import load
from timeline.settings import DATA_DIR
from timeline.triggers import find_triggers, vocabulary

EXAMPLES = load("participants.yaml")["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_participants_examples(example):
    triggers = [t for t in find_triggers(example["text"], vocabulary(DATA_DIR)) if example["trigger"] in t.text]
    assert triggers, "the example's trigger word is no trigger"
    assert names_participants(example["text"], triggers[0], DATA_DIR) is example["joins"]
