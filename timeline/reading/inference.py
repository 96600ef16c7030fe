"""Step 5 of the publication-date order (written below)."""

from __future__ import annotations

from datetime import date

from ..models import Article
from ..settings import DEFAULT_SETTINGS, Settings


def infer_published(article: Article, reference: date | None, settings: Settings = DEFAULT_SETTINGS) -> Article:
    return article
