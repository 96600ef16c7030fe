"""data/sentences.yaml ``relative_time_clause``: "the attack, which happened Thursday" dates the attack."""

from datetime import date

import pytest

from timeline.actors import load_gazetteer
from timeline.models import Article
from timeline.pipeline import parse_article
from timeline.resources import load

EXAMPLES = load("sentences.yaml")["relative_time_clause"]["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][-50:] for e in EXAMPLES])
def test_a_clause_saying_when_the_noun_happened_dates_it(example):
    article = Article(id="a", name="a.txt", title="", text=example["text"], published=date(2024, 5, 11))
    events = parse_article(article, load_gazetteer()).events
    assert len(events) == 1
    assert events[0].date == (example["date"] and date.fromisoformat(example["date"]))
