"""A further, definite mention of an event that names who took part in it (data/participants.yaml)."""

from __future__ import annotations

import pytest

from timeline.actors import load_gazetteer
from timeline.event_actors import names_participants
from timeline.models import Article
from timeline.pipeline import parse_article
from timeline.resources import load
from timeline.settings import DATA_DIR
from timeline.triggers import find_triggers, vocabulary

EXAMPLES = load("participants.yaml")["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_participants_examples(example):
    triggers = [t for t in find_triggers(example["text"], vocabulary(DATA_DIR)) if example["trigger"] in t.text]
    assert triggers, "the example's trigger word is no trigger"
    assert names_participants(example["text"], triggers[0], DATA_DIR) is example["joins"]


ACTOR_EXAMPLES = load("participants.yaml")["actor_examples"]


@pytest.mark.parametrize("example", ACTOR_EXAMPLES, ids=[e["text"][:40] for e in ACTOR_EXAMPLES])
def test_actor_examples(example):
    """A speech has its speaker and audience, not what was said; a signing's place is no party."""
    article = Article(id="s", name="s.txt", title="", text=example["text"], published=example["published"])
    events = [e for e in parse_article(article, load_gazetteer()).events if e.event_type == example["type"]]
    assert [list(e.actor_ids) for e in events] == [example["actors"]]
