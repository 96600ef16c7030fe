"""The machine-readable report of a run: what was read, what came out, and what was rejected and why.

Reads: a ``Corpus`` (parsed articles, timeline, rejects), the paths given and the Settings. Adds: one plain
dict, written as JSON by ``write_report``. Every input the reader met is in it, either under ``articles``
(with its event count) or under ``rejected`` (with its reason), so nothing is lost without a word. The
report holds no clock time and no absolute paths beyond those given, so the same inputs give the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from .errors import TimelineError
from .models import Corpus, ParsedArticle
from .settings import Settings

VERSION = 1


def build_report(corpus: Corpus, inputs: Sequence[str], settings: Settings, written: int | None = None) -> dict:
    """The report as plain data (lists in the corpus's stable order)."""
    return {
        "version": VERSION,
        "inputs": [str(path) for path in inputs],
        "limits": {"max_article_bytes": settings.max_article_bytes},
        "counts": counts(corpus, written),
        "articles": [_article(parsed) for parsed in corpus.parsed],
        "rejected": [item.to_dict() for item in corpus.rejected],
    }


def counts(corpus: Corpus, written: int | None = None) -> dict:
    """How many articles, rejects, article events and timeline events (and records written)."""
    found = {
        "articles": len(corpus.parsed),
        "rejected": len(corpus.rejected),
        "events": len(corpus.events),
        "timeline_events": len(corpus.timeline),
    }
    return found if written is None else {**found, "written": written}


def _article(parsed: ParsedArticle) -> dict:
    article = parsed.article
    return {
        "name": article.name,
        "id": article.id,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "published_basis": article.published_basis,
        "published_inferred": article.published_inferred,
        "encoding": article.encoding,
        "notes": list(article.notes),
        "characters": len(article.text),
        "timexes": len(parsed.timexes),
        "mentions": len(parsed.mentions),
        "events": len(parsed.events),
    }


def write_report(report: dict, path: str | Path) -> None:
    """``report`` as indented UTF-8 JSON at ``path``; a TimelineError when it cannot be written."""
    text = json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    try:
        Path(path).write_bytes(text.encode("utf-8", "backslashreplace"))  # a file name may hold bad bytes
    except OSError as error:
        raise TimelineError(f"cannot write the report {path}: {error.strerror or error}") from None
