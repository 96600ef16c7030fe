"""Which reader handles which file, and the reading of one file (from disk or from bytes).

Reads a name and bytes (or an open binary handle); adds Articles and Rejected records. Single
articles (.txt, .md, .html) are size-checked before they are read; record files (.jsonl, .csv, .tsv,
.json, .parquet) are streamed record by record, each record size-checked.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO, Iterator

from ..errors import InputRejected
from ..models import Article, Rejected
from ..settings import Settings
from . import html, plain, recordfiles
from .building import build
from .decoding import decode

SINGLE = {".txt": plain.from_text, ".text": plain.from_text, ".md": plain.from_markdown,
          ".markdown": plain.from_markdown, ".html": html.from_html, ".htm": html.from_html,
          ".xhtml": html.from_html}
RECORDS = {".jsonl": recordfiles.iter_jsonl, ".ndjson": recordfiles.iter_jsonl, ".csv": recordfiles.iter_csv,
           ".tsv": recordfiles.iter_csv,
           ".parquet": recordfiles.iter_parquet,
           ".json": recordfiles.iter_json}


def suffix_of(name: str) -> str:
    return Path(name).suffix.lower()


def read_path(name: str, path: Path, settings: Settings) -> Iterator[Article | Rejected]:
    """The articles in one file on disk; never raises for bad input."""
    suffix = suffix_of(name)
    if suffix not in SINGLE and suffix not in RECORDS:
        yield Rejected(name, _unsupported(suffix))
        return
    try:
        size = path.stat().st_size
        if suffix in SINGLE and size > settings.max_article_bytes:
            yield Rejected(name, _too_large(size, settings))
            return
        with path.open("rb") as handle:
            yield from read_handle(name, handle, settings)
    except OSError as error:
        yield Rejected(name, f"cannot read file: {error.strerror or error}")


def read_handle(name: str, handle: BinaryIO, settings: Settings) -> Iterator[Article | Rejected]:
    suffix = suffix_of(name)
    if suffix in RECORDS:
        yield from _at_least_one(name, _guarded(name, RECORDS[suffix](name, handle, settings)))
        return
    if suffix not in SINGLE:
        yield Rejected(name, _unsupported(suffix))
        return
    data = handle.read(settings.max_article_bytes + 1)
    if len(data) > settings.max_article_bytes:
        yield Rejected(name, _too_large(settings.max_article_bytes, settings, at_least=True))
        return
    yield from _guarded(name, _single(name, data, settings))


def read_bytes(name: str, data: bytes, settings: Settings) -> list[Article | Rejected]:
    return list(read_handle(name, io.BytesIO(data), settings))


def _single(name: str, data: bytes, settings: Settings) -> Iterator[Article | Rejected]:
    if not data.strip():
        yield Rejected(name, "empty file" if not data else "empty: whitespace only")
        return
    reader = SINGLE[suffix_of(name)]
    declared = html.declared_charset(data) if reader is html.from_html else ""
    text, encoding, notes = decode(data, name, declared=declared)
    if not text.strip():
        yield Rejected(name, "empty: whitespace only")
        return
    yield build(reader(name, text, encoding, notes), settings)


def _guarded(name: str, items: Iterator[Article | Rejected]) -> Iterator[Article | Rejected]:
    """Turn InputRejected and unexpected errors into Rejected, so one bad file never stops a batch."""
    try:
        yield from items
    except InputRejected as error:
        yield Rejected(error.name or name, error.reason)
    except RecursionError:
        yield Rejected(name, "nested too deeply to read")
    except Exception as error:  # a reader bug must not stop the batch; the reason says what happened
        yield Rejected(name, f"could not be read ({type(error).__name__}: {str(error)[:200]})")


def _at_least_one(name: str, items: Iterator[Article | Rejected]) -> Iterator[Article | Rejected]:
    """The items, or one Rejected when a record file holds no records at all."""
    empty = True
    for item in items:
        empty = False
        yield item
    if empty:
        yield Rejected(name, "no article records found")


def _unsupported(suffix: str) -> str:
    return f"unsupported file type {suffix}" if suffix else "unsupported file type (no extension)"


def _too_large(size: int, settings: Settings, at_least: bool = False) -> str:
    """The reason for a file over the limit; ``at_least``: only the limit was read, so the size is "more than" it."""
    return (f"too large: {'more than ' if at_least else ''}{size:,} bytes; the limit is "
            f"{settings.max_article_bytes:,} bytes")
