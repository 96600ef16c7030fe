"""Run jobs in this process, on N processes, or on Dask (``Engine``), and the per-article parse over a
stream of articles already read (``parse_stream``, for the app and the library).

Reads: a stream of Articles (Rejected items pass through untouched), the Settings, optionally a ParseCache.
Adds: one ParsedArticle per Article, in input order; an article whose parse raises becomes a Rejected.

The stream is cut into chunks of ``chunk_size`` articles; at most 4 chunks per worker are being parsed at
any time, so memory stays bounded whatever the corpus size, and results come back in input order.
Engines: "local" (``workers`` = 1: inline; > 1: a ProcessPoolExecutor) and "dask" (each chunk is a
``dask.delayed`` task computed on a ``dask.distributed`` client: a LocalCluster of ``workers`` processes,
or the scheduler at ``scheduler``). Every engine calls the same function, so outputs are identical.
The ``parse`` command's path over files (workers that read their own files) is ``timeline.batch``, its
jobs ``timeline.jobs``.
"""

from __future__ import annotations

import contextlib
import gc
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

from . import typeguess
from .cache import ModelShelf, ParseCache
from .commands._arguments import whole_number
from .models import Article, ParsedArticle, Rejected
from .prefilter import compile_pending
from .settings import Settings

ENGINES = ("local", "dask")
ParseFn = Callable[[Article, Settings], ParsedArticle]
Progress = Callable[[int], None]


def pipeline_parse(article: Article, settings: Settings) -> ParsedArticle:
    """The real parse: ``timeline.pipeline.parse_article`` with the gazetteer loaded once per process."""
    from .pipeline import parse_article

    return parse_article(article, _gazetteer(settings), settings)


@lru_cache(maxsize=4)
def _gazetteer(settings: Settings) -> Any:
    from .actors import load_gazetteer

    return load_gazetteer(settings)


@dataclass(frozen=True)
class ChunkParser:
    """Parse a list of articles with ``parse``; picklable by reference, so it runs in any worker."""

    settings: Settings
    parse: ParseFn = pipeline_parse
    shelf: ModelShelf | None = None  # the cache's store of trained models: the happening model is read from it

    def __call__(self, articles: list[Article]) -> list[ParsedArticle | Rejected]:
        with typeguess.kept_on(self.shelf, self.settings.data_dir):
            return [self._one(article) for article in articles]

    def _one(self, article: Article) -> ParsedArticle | Rejected:
        try:
            return self.parse(article, self.settings)
        except Exception as error:  # one bad article must not sink the batch
            return Rejected(article.name, f"parse failed: {type(error).__name__}: {error}")


def parse_stream(
    items: Iterable[Article | Rejected],
    settings: Settings,
    *,
    parse: ParseFn = pipeline_parse,
    cache: ParseCache | None = None,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    chunk_size: int = 32,
    progress: Progress | None = None,
) -> Iterator[ParsedArticle | Rejected]:
    """Parse every Article of ``items`` (lazily, in order); Rejected items are yielded where they stood."""
    parser = ChunkParser(settings, parse, cache.shelf() if cache is not None else None)
    chunks = ((chunk, _job(chunk) or None) for chunk in _with_cache(_chunks(items, chunk_size), cache))
    with Engine(engine, workers, scheduler) as run:
        for chunk, done in run.ordered(parser, chunks):
            done = done or []
            if cache is not None:
                cache.put_many(p for p in done if isinstance(p, ParsedArticle))
            yield from _merge(chunk, done)
            if progress is not None:
                progress(sum(isinstance(item, Article) for item, _ in chunk))


# A chunk is a list of (item, cached result or None); its "job" is the list of Articles still to parse.
Chunk = list[tuple[Any, Any]]


def _chunks(items: Iterable[Any], size: int) -> Iterator[Chunk]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield [(item, None) for item in batch]


def _with_cache(chunks: Iterator[Chunk], cache: ParseCache | None) -> Iterator[Chunk]:
    for chunk in chunks:
        articles = [item for item, _ in chunk if isinstance(item, Article)]
        if cache is None or not articles:
            yield chunk
            continue
        found = iter(cache.get_many(articles))
        yield [(item, next(found) if isinstance(item, Article) else None) for item, _ in chunk]


def _job(chunk: Chunk) -> list[Article]:
    return [item for item, cached in chunk if isinstance(item, Article) and cached is None]


def _merge(chunk: Chunk, done: list[Any]) -> Iterator[Any]:
    """The chunk's items in order: pass-throughs as they were, cached results, then fresh parses."""
    fresh = iter(done)
    for item, cached in chunk:
        if not isinstance(item, Article):
            yield item
        else:
            yield cached if cached is not None else next(fresh)


class Engine:
    """Runs jobs (``fn(job)``) in this process, on a local process pool, or on Dask; ``with`` shuts it down.

    The local pool is started at the first job only, so a run that finds everything in the cache starts no
    process; ``warm`` (loading the rules) runs first, in this process, and the workers are forked from it
    with everything loaded (``gc.freeze`` keeps the collector of each worker off the inherited objects).
    """

    def __init__(self, engine: str = "local", workers: int = 1, scheduler: str | None = None,
                 warm: Callable[[], Any] | None = None):
        if engine not in ENGINES:
            raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
        self.engine, self.workers, self.scheduler, self.warm = engine, workers, scheduler, warm
        self._stack = contextlib.ExitStack()
        self._pool = None
        self.slots = 0 if engine == "local" and workers <= 1 else max(workers, 1)

    def __enter__(self) -> "Engine":
        if self.engine == "dask":
            client = self._stack.enter_context(_dask_client(self.workers, self.scheduler))
            self._pool = client
            self.slots = sum(client.nthreads().values()) or 1
        return self

    def __exit__(self, *exc) -> None:
        self._stack.close()

    def submit(self, fn: Callable[[Any], Any], job: Any):
        """Start ``fn(job)``; returns an object whose ``result()`` gives its value."""
        if self.engine == "dask":
            return _dask_submit(self._pool, fn, job)
        if self.slots == 0:
            return _Done(fn(job))
        if self._pool is None:
            self._pool = self._start_pool()
        return self._pool.submit(fn, job)

    def ordered(self, fn: Callable[[Any], Any], entries: Iterable[tuple[Any, Any]]) -> Iterator[tuple[Any, Any]]:
        """(tag, ``fn(job)``) for each (tag, job) of ``entries``, in order; a job of None gives None. At most
        4 jobs per worker are pending at once, so the entries are consumed lazily."""
        pending: deque = deque()
        for tag, job in entries:
            pending.append((tag, None if job is None else self.submit(fn, job)))
            while len(pending) > 4 * self.slots:
                yield _resolve(pending.popleft())
        while pending:
            yield _resolve(pending.popleft())

    def _start_pool(self) -> ProcessPoolExecutor:
        if self.warm is not None:
            self.warm()
            compile_pending()  # the rules' patterns compiled once here, not in each forked worker
        pool = self._stack.enter_context(ProcessPoolExecutor(max_workers=self.workers, initializer=self.warm))
        gc.freeze()  # the workers are forked at the first submit; unfrozen here once they are
        try:
            pool.submit(int).result()
        finally:
            gc.unfreeze()
        return pool


def _resolve(entry: tuple[Any, Any]) -> tuple[Any, Any]:
    tag, future = entry
    return tag, (None if future is None else future.result())


class _Done:
    """A finished result with the Future interface (``result()``), for the inline engine."""

    def __init__(self, value: Any):
        self._value = value

    def result(self) -> Any:
        return self._value


@contextlib.contextmanager
def _dask_client(workers: int, scheduler: str | None):
    """A distributed client: on the scheduler at ``scheduler``, or on a LocalCluster of ``workers`` processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        yield client


def _dask_submit(client, fn: Callable[[Any], Any], job: Any):
    """One partition of the parse as a ``dask.delayed`` task; returns its distributed Future."""
    import dask

    return client.compute(dask.delayed(fn, pure=False)(job))


def add_engine_arguments(parser) -> None:
    """The options every parsing command shares: --workers, --engine, --scheduler, --cache-dir, --no-cache."""
    parser.add_argument("--workers", type=whole_number(1), default=1, help="processes that parse articles (default 1)")
    parser.add_argument("--engine", choices=ENGINES, default="local",
                        help="local processes, or Dask (a LocalCluster of --workers, or --scheduler)")
    parser.add_argument("--scheduler", metavar="ADDRESS", default=None,
                        help="with --engine dask: a running dask.distributed scheduler, e.g. tcp://10.0.0.5:8786")
    parser.add_argument("--cache-dir", metavar="DIR", default=None,
                        help="parse cache folder (default: settings.cache_dir, else .cache/timeline)")
    parser.add_argument("--no-cache", action="store_true", help="parse every article again; store nothing")


def engine_options(args, settings: Settings) -> dict[str, Any]:
    """``parse_stream`` keyword arguments from the options of ``add_engine_arguments``."""
    if args.scheduler and args.engine != "dask":
        raise ValueError("--scheduler needs --engine dask")
    cache = None if args.no_cache else ParseCache.for_settings(settings, args.cache_dir)
    return {"cache": cache, "engine": args.engine, "workers": max(1, args.workers), "scheduler": args.scheduler}
