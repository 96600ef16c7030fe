"""Reading articles: files, folders and uploaded bytes -> ``Article`` values (or ``Rejected``).

Reads paths or bytes; adds, per article, the cleaned body (offsets index ``Article.text``), title,
stable id, source, encoding, notes, and the publication date with its basis (metadata, date
line, dateline, user override; ``infer_published`` adds the inferred step later). Every input is
either an Article or a Rejected with its reason; nothing here raises for bad input.
The work is done in ``timeline/reading/``; rules live in data/furniture.yaml and data/datelines.yaml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from .models import Article, Rejected
from .reading import formats
from .reading.inference import infer_published
from .reading.walking import list_inputs
from .settings import DEFAULT_SETTINGS, Settings

__all__ = ["iter_inputs", "read_bytes", "infer_published"]


def iter_inputs(paths: Iterable[str | Path], settings: Settings = DEFAULT_SETTINGS) -> Iterator[Article | Rejected]:
    """One Article per article found (records of a JSON/CSV file are "file.csv#3"), one Rejected per
    unusable file or record; files in a stable, sorted order; streamed, never the whole corpus at once."""
    for item in list_inputs(paths):
        if isinstance(item, Rejected):
            yield item
        else:
            yield from formats.read_path(item[0], item[1], settings)


def read_bytes(name: str, data: bytes, settings: Settings = DEFAULT_SETTINGS) -> list[Article | Rejected]:
    """The same for one uploaded file; the extension of ``name`` chooses the format."""
    return formats.read_bytes(name, data, settings)
