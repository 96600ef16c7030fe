"""The events of one made-up article, for the event tests that feed the pipeline a sentence or two."""

from __future__ import annotations

from datetime import date

from timeline.actors import load_gazetteer
from timeline.models import Article
from timeline.pipeline import parse_article

PUBLISHED = date(2024, 5, 10)  # a Friday


def events_of(text: str, published: date | None = PUBLISHED):
    """The events ``parse_article`` finds in ``text``, published on ``published``."""
    article = Article(id="a", name="a.txt", title="", text=text, published=published)
    return parse_article(article, load_gazetteer()).events


def types_of(text: str) -> list[str]:
    return [e.event_type for e in events_of(text)]
