"""Turn news articles into a dated, actor-tagged timeline of events.

Pipeline stages, one module each: articles -> temporal -> actors -> events -> merge -> charts/exports.
"""

from .models import (  # noqa: F401
    Actor,
    Article,
    Corpus,
    Event,
    Mention,
    ParsedArticle,
    Rejected,
    Role,
    Source,
    TimelineEvent,
    Timex,
)
from .settings import DEFAULT_SETTINGS, Settings  # noqa: F401
