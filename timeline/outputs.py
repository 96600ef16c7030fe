"""One input's parse in the form the ``parse`` command writes and the cache keeps: bytes, not records.

Reads: a ParsedArticle (or a Rejected input). Adds: an ``Output`` holding the article's events as the JSON
Lines ``parse`` writes, its ``--report`` entry and the counts the summary needs. A worker process returns
Outputs (small, quick to pickle) and the cache stores them as they are, so a cached article is written
without decoding a record or encoding it again.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from .codec import from_plain, to_json
from .models import Corpus, Event, ParsedArticle, Rejected
from .report import build_report
from .settings import Settings

TEXT = ("utf-8", "surrogatepass")  # how the text fields are kept as bytes (lone surrogates survive)


class Output(NamedTuple):
    """The result for one input: an article's events and counts, or the reason the input was rejected."""

    name: str
    reason: str | None = None  # set when the input was rejected
    inferred: bool = False  # the publication date was inferred
    undated: bool = False  # the article has no publication date
    events: int = 0
    lines: bytes = b""  # the events, one JSON line each, exactly as `parse` writes JSON Lines
    entry: bytes = b""  # the article's entry in the --report, as JSON
    # Filled by a fresh parse, for the cache only:
    key: str = ""  # the article-level cache key
    blob: bytes = b""  # the ParsedArticle for the article-level cache (empty: already stored there)

    @property
    def rejected(self) -> Rejected | None:
        return None if self.reason is None else Rejected(self.name, self.reason)

    def text(self) -> str:
        """The JSON Lines of the events, as text."""
        return self.lines.decode(*TEXT)

    def event_records(self) -> list[Event]:
        """The events as records (for --merged and the formats other than JSON Lines)."""
        return [from_plain(Event, json.loads(line)) for line in self.text().splitlines()]

    def report_entry(self) -> dict:
        return json.loads(self.entry.decode(*TEXT))


def event_line(event: Event) -> str:
    """One event as the JSON line `parse` writes."""
    return to_json(event) + "\n"


def of_rejected(item: Rejected) -> Output:
    return Output(item.name, item.reason)


def of_parsed(parsed: ParsedArticle, settings: Settings, **cache_fields) -> Output:
    """The Output of a parse; ``cache_fields`` are the Output's cache-only fields (key, blob)."""
    article = parsed.article
    entry = build_report(Corpus(parsed=(parsed,)), (), settings)["articles"][0]
    return Output(
        name=article.name,
        inferred=article.published_inferred,
        undated=article.published is None,
        events=len(parsed.events),
        lines="".join(event_line(e) for e in parsed.events).encode(*TEXT),
        entry=json.dumps(entry, ensure_ascii=False).encode(*TEXT),
        **cache_fields,
    )


def cached(row: tuple) -> Output:
    """An Output from the cache's stored columns (``columns``)."""
    return Output(*row)


def columns(output: Output) -> tuple:
    """The columns the cache stores for ``output``: its fields but the cache-only ones."""
    return output[:7]
