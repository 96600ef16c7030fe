"""Turn news articles into a dated, actor-tagged timeline of events.

Pipeline stages, one module each: articles -> temporal -> actors -> events -> merge -> charts/exports.
"""

from .models import Actor, Article, Event, Mention, Role, Source, TimelineEvent, Timex  # noqa: F401
from .settings import DEFAULT_SETTINGS, Settings  # noqa: F401
