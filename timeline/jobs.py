"""The jobs the ``parse`` command's workers run (``timeline.batch``): read files, date and parse articles,
and return compact ``Output``s; run in a worker process, in this process, or on Dask alike.

Reads: tasks (a file to read whole, or an Article or Rejected read by the main process), the Settings,
the corpus's reference date and, when there is one, the cache's folder and version. Adds: per task, the
SHA-256 of the bytes read, one Output per input, and what reading gave (``Read``: article count, stated
dates, whether an article was dated against the reference date). Articles found in the article-level cache
(through this process's own read-only connection) are not parsed again.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import cache as caching
from . import typeguess
from .cache import ParseCache
from .models import Article, Rejected
from .outputs import Output, of_parsed, of_rejected
from .parallel import ParseFn, pipeline_parse
from .reading import formats
from .settings import Settings

Task = Any  # a FileTask, a Preread, or an Article or Rejected read by the main process


@dataclass(frozen=True)
class FileTask:
    """A file for a worker to read (whole) and parse."""

    name: str
    path: Path


@dataclass(frozen=True)
class Preread:
    """A file already read whole (in pass 1): its bytes' SHA-256 (None when not read whole) and its inputs."""

    name: str
    digest: bytes | None
    items: list


@dataclass(frozen=True)
class Read:
    """What reading a file gave before parsing: the articles' count and stated dates, and whether one of
    them will be dated against the reference date."""

    articles: int = 0
    stated: tuple[str, ...] = ()  # ISO dates
    depends: bool = False

    @classmethod
    def of(cls, items: Iterable[Article | Rejected], settings: Settings) -> "Read":
        articles = [item for item in items if isinstance(item, Article)]
        stated = tuple(a.published.isoformat() for a in articles if a.published and not a.published_inferred)
        return cls(len(articles), stated,
                   any(a.published is None and settings.published_override is None for a in articles))


@dataclass(frozen=True)
class ReadDates:
    """Pass 1 for files the cache does not know: (article count, stated ISO dates) of each file."""

    settings: Settings

    def __call__(self, files: list[tuple[str, Path, bool]]) -> list[tuple[int, tuple[str, ...], Any]]:
        """Per (name, path, keep): the count, the stated dates and, when ``keep``, what reading the file
        whole gave (digest, inputs), for pass 2."""
        return [self._one(*file) for file in files]

    def _one(self, name: str, path: Path, keep: bool = False) -> tuple[int, tuple[str, ...], Any]:
        if not keep:
            read = Read.of(formats.read_path(name, path, self.settings), self.settings)
            return read.articles, read.stated, None
        digest, items = read_file(name, path, self.settings)
        read = Read.of(items, self.settings)
        return read.articles, read.stated, (digest, items)


@dataclass(frozen=True)
class Worker:
    """A job's tasks read, dated, looked up in the article-level cache and parsed: for each task, the digest
    of the file's bytes (None when not read whole), its Outputs, and what reading it gave."""

    settings: Settings
    reference: date | None
    cache: tuple[str, str] | None = None  # (folder, version)
    parse: ParseFn = pipeline_parse

    def __call__(self, tasks: list[Task]) -> list[tuple[bytes | None, list[Output], Read]]:
        with typeguess.kept_on(shelf_of(self.cache), self.settings.data_dir):
            return self._run(tasks)

    def _run(self, tasks: list[Task]) -> list[tuple[bytes | None, list[Output], Read]]:
        read = [self._read(task) for task in tasks]
        pending = [item for _, items in read for item in items if isinstance(item, Article)]
        dates = [self._date(item) for item in pending]
        keys = [caching.article_key(self.cache[1], d) if self.cache and isinstance(d, Article) else "" for d in dates]
        stored = self._stored([key for key in keys if key])
        done = iter([self._output(*job, stored) for job in zip(pending, dates, keys)])
        return [(digest, [next(done) if isinstance(i, Article) else of_rejected(i) for i in items],
                 Read.of(items, self.settings)) for digest, items in read]

    def _read(self, task: Task) -> tuple[bytes | None, list[Article | Rejected]]:
        if isinstance(task, Preread):
            return task.digest, task.items
        if not isinstance(task, FileTask):
            return None, [task]
        return read_file(task.name, task.path, self.settings)

    def _date(self, article: Article) -> Article | Exception:
        from .pipeline import dated  # imported where parsing starts: a run that finds every file cached needs none of it

        try:
            return dated(article, self.reference, self.settings)
        except Exception as error:  # one bad article must not sink the batch
            return error

    def _stored(self, keys: list[str]) -> dict[str, Any]:
        """The parses the article-level cache holds under ``keys`` (article keys of this cache's version)."""
        reader = _reader(*self.cache, os.getpid()) if self.cache and keys else None
        if reader is None:
            return {}
        return {key: parsed for key, blob in reader.get_blobs(keys).items() if (parsed := caching.decode(blob))}

    def _output(self, article: Article, dated_article: Article | Exception, key: str, stored: dict) -> Output:
        if isinstance(dated_article, Exception):
            return _failed(article, dated_article)
        parsed, blob = stored.get(key), b""
        if parsed is None:
            try:
                parsed = self.parse(dated_article, self.settings)
            except Exception as error:  # as parallel.ChunkParser
                return _failed(dated_article, error)
            blob = caching.encode(parsed) if self.cache else b""
        return of_parsed(parsed, self.settings, key=key, blob=blob)


def _failed(article: Article, error: Exception) -> Output:
    return of_rejected(Rejected(article.name, f"parse failed: {type(error).__name__}: {error}"))


def read_file(name: str, path: Path, settings: Settings) -> tuple[bytes | None, list[Article | Rejected]]:
    """The inputs of one file read whole, and the SHA-256 of the bytes they came from (None if not read)."""
    try:
        if formats.suffix_of(name) in formats.SINGLE and path.stat().st_size > settings.max_article_bytes:
            raise OSError
        data = path.read_bytes()
    except OSError:  # too large or unreadable: the reader says so, and nothing is cached
        return None, list(formats.read_path(name, path, settings))
    return hashlib.sha256(data).digest(), formats.read_bytes(name, data, settings)


def shelf_of(cache: tuple[str, str] | None) -> caching.ModelShelf | None:
    """The store of trained models of the cache at (folder, version), None without a cache: a worker that has not
    got the happening model (a Dask worker, a process started rather than forked) reads it there, not training it."""
    return caching.ModelShelf(Path(cache[0]) / caching.FILE_NAME, cache[1]) if cache else None


@lru_cache(maxsize=2)
def _reader(folder: str, version: str, pid: int) -> ParseCache | None:
    """This process's read-only view of the cache (by process id: a forked worker opens its own)."""
    return ParseCache.reader(folder, version)


@dataclass(frozen=True)
class Warm:
    """Load the rules, lexicons and gazetteer, and the body fallback's happening model (before the workers are
    forked, so that they share one model instead of each training its own; and in each worker, which finds them
    loaded)."""

    settings: Settings
    cache: tuple[str, str] | None = None  # (folder, version): the happening model is read from its store

    def __call__(self) -> None:
        from .pipeline import dated

        text = "On Monday, 2 March 2020, the foreign minister met the president in the capital."
        for item in formats.read_bytes("warm-up.txt", text.encode(), self.settings):
            if isinstance(item, Article):
                pipeline_parse(dated(item, None, self.settings), self.settings)
        with typeguess.kept_on(shelf_of(self.cache), self.settings.data_dir):
            typeguess.happening_model(self.settings.data_dir)
