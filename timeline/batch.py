"""The parse of a corpus on disk, as the ``parse`` command runs it: paths in, one ``Output`` per input out.

Reads: paths (files and folders), the Settings, optionally a ParseCache. Adds: one ``outputs.Output`` per
input (an article, or a file or record that was rejected), in the order of ``reading.walking.list_inputs``,
the same whatever the engine, the number of workers or the cache.

Undated articles are dated against the corpus's reference date (the median of the dates the articles
state, when they gather in one period), so there are two passes:

1. Every file's bytes are hashed. A file the cache knows gives its article count and stated dates from
   the cache; any other is read for them (by the workers, when there are several). What reading a file
   whole gave is kept for pass 2, up to ``KEEP_CHARS`` characters of text in all (the rest is read again).
2. A file the cache knows gives its stored outputs, unless one of its articles was dated against another
   reference date. Any other file is read, its articles dated, looked up in the article-level cache and
   parsed by a worker, which returns compact Outputs; this process only writes them out and to the cache.

Files up to ``WHOLE_FILE_BYTES`` (and every single-article file) are read by the workers themselves
(``timeline.jobs``);
larger record files (.jsonl, .csv, .json) are read here record by record and their articles sent to the
workers in chunks. With Dask, whose workers may run on other machines, every file is read here. A record file
of more articles than one such chunk is parsed in chunks even when it is read whole (as read in pass 1, or
read here when pass 1 did not keep it and it is over ``SPLIT_BYTES``), so that the progress bar moves while
its articles are parsed and the workers share them, instead of one worker parsing 2,000 records in one job.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from . import typeguess
from .cache import FileFacts, ParseCache
from .jobs import FileTask, Preread, Read, ReadDates, Warm, Worker
from .models import Article, Rejected
from .outputs import Output, of_rejected
from .parallel import Engine, ParseFn, pipeline_parse
from .reading import formats
from .reading.inference import batch_reference
from .reading.walking import list_inputs
from .settings import DEFAULT_SETTINGS, Settings

WHOLE_FILE_BYTES = 4 << 20  # record files up to this size are read whole, by one worker
LOOKUP_BATCH = 256  # files looked up in the cache at once
HASH_BLOCK = 1 << 16  # bytes read at a time to hash a file
# Files per job of pass 2: each job costs the main process about 1.5 ms (sending, waking its threads, the
# result), so 16 (about 0.14 s of parsing) instead of 8 halves that; the last job's wait stays short.
FILES_PER_JOB = 16
READ_JOB = 32  # files per job of pass 1 (reading only takes ~0.5 ms a file: fewer, larger jobs cost less to send)
SPLIT_BYTES = 256 << 10  # a record file not kept from pass 1 and larger than this is read here, in chunks
KEEP_CHARS = 16 << 20  # text read in pass 1 kept for pass 2 (not read again), at most about this much (<= 64 MB)
Progress = Callable[[int, int], None]


def stream_outputs(paths: Iterable[str | Path], settings: Settings = DEFAULT_SETTINGS, *,
                   cache: ParseCache | None = None, engine: str = "local", workers: int = 1,
                   scheduler: str | None = None, progress: Progress | None = None,
                   parse: ParseFn = pipeline_parse, chunk_size: int = FILES_PER_JOB) -> Iterator[Output]:
    """The Output of every input under ``paths``, in order, parsing only what the cache does not hold."""
    files = list_inputs(paths)
    local = engine == "local"
    where = (str(cache.folder), cache.version) if cache is not None else None
    warm = Warm(settings, where) if parse is pipeline_parse else None
    shelf = cache.shelf() if cache is not None else None  # the happening model read from the cache, not trained
    with typeguess.kept_on(shelf, settings.data_dir), Engine(engine, workers, scheduler, warm=warm) as run:
        keys = [_file_key(item, cache) for item in files]
        reference, total, kept = _first_pass(files, keys, cache, run if local else Engine(), settings,
                                             KEEP_CHARS if local else 0)
        step = _counter(progress, total)
        worker = Worker(settings, reference, where, parse)  # a worker reads the happening model from the cache too
        entries = _entries(files, keys, reference, cache, settings, local, chunk_size, kept)
        for tag, result in run.ordered(worker, entries):
            for output in tag.finish(result, cache):
                yield output
            step(tag.articles)


# --- pass 1: the reference date ------------------------------------------------------------------------


def _first_pass(files, keys, cache, run: Engine, settings: Settings, keep: int = 0) -> tuple[date | None, int, dict]:
    """The corpus's reference date and its number of articles, from the cache where it knows the file; and
    what reading gave (file -> (digest, inputs)) for files read whole, up to about ``keep`` characters of
    text, so that pass 2 parses them without reading them again."""
    stated: list[str] = []
    total = 0
    kept = _Kept(keep)
    for item, (count, days, read) in _file_dates(files, keys, cache, run, settings, kept):
        total += count
        stated.extend(days)
        kept.add(item, read)
    return batch_reference(map(date.fromisoformat, stated)), total, kept.files  # pipeline.stated_reference


@dataclass
class _Kept:
    """The files read in pass 1 that pass 2 gets as read, while they fit in ``room`` characters of text."""

    room: int
    files: dict = field(default_factory=dict)

    def wanted(self, item: tuple[str, Path]) -> bool:
        return self.room > 0 and _whole(*item)

    def add(self, item, read: tuple[bytes | None, list] | None) -> None:
        if read is not None and self.room > 0:
            self.files[item] = read
            self.room -= sum(len(i.text) for i in read[1] if isinstance(i, Article))


def _file_dates(files, keys, cache, run: Engine, settings: Settings, kept: _Kept):
    """(file or None, (article count, stated ISO dates, what reading gave or None)) of every file: from the
    cache, else read (by the workers)."""
    def entries():
        for batch in _batches(zip(files, keys), LOOKUP_BATCH):
            known = cache.get_dates([k for _, k in batch if k]) if cache is not None else {}
            unread = [item for item, key in batch if not isinstance(item, Rejected) and key not in known]
            yield list(known.values()), None
            for job in _batches(unread, READ_JOB):
                yield job, [(name, path, kept.wanted((name, path))) for name, path in job]

    for tag, read in run.ordered(ReadDates(settings), entries()):
        if read is None:
            yield from ((None, (count, days, None)) for count, days in tag)
        else:
            yield from zip(tag, read)


# --- pass 2: the outputs --------------------------------------------------------------------------------


def _entries(files, keys, reference, cache, settings, local: bool, chunk_size: int,
             kept: dict | None = None) -> Iterator[tuple[Any, Any]]:
    """(tag, job) in input order: cached files (no job), jobs of files for the workers (as read in pass 1
    when ``kept`` holds them), record files read here."""
    kept = {} if kept is None else kept
    for batch in _batches(zip(files, keys), LOOKUP_BATCH):
        known = _known(cache, [k for _, k in batch if k], reference)
        waiting: list[tuple[str, Path]] = []
        for item, key in batch:
            if isinstance(item, Rejected) or key in known:
                yield from _flush(waiting, reference, chunk_size, kept)
                yield (_Passed(lambda item=item: [of_rejected(item)], 0) if isinstance(item, Rejected)
                       else known[key]), None
            elif local and _whole(*item) and not _split(item, kept, chunk_size):
                waiting.append(item)
            elif item in kept:
                yield from _flush(waiting, reference, chunk_size, kept)
                yield from _kept_records(item, key, reference, settings, chunk_size, kept.pop(item))
            else:
                yield from _flush(waiting, reference, chunk_size, kept)
                yield from _streamed(*item, key, reference, settings, chunk_size)
        yield from _flush(waiting, reference, chunk_size, kept)


def _split(item: tuple[str, Path], kept: dict, chunk_size: int) -> bool:
    """A record file read whole whose articles are parsed in chunks: as kept from pass 1, when they are more
    than one chunk; else when it is over ``SPLIT_BYTES``."""
    name, path = item
    if formats.suffix_of(name) not in formats.RECORDS:
        return False
    if item in kept:
        return sum(isinstance(i, Article) for i in kept[item][1]) > 4 * chunk_size
    try:
        return path.stat().st_size > SPLIT_BYTES
    except OSError:
        return False


def _flush(waiting: list[tuple[str, Path]], reference: date | None, chunk_size: int,
           kept: dict) -> Iterator[tuple[Any, Any]]:
    for job in _batches(waiting, chunk_size):
        yield _Files(job, reference), [_task(item, kept) for item in job]
    waiting.clear()


def _task(item: tuple[str, Path], kept: dict) -> FileTask | Preread:
    """The file as pass 1 read it (then forgotten here), else the file to read."""
    read = kept.pop(item, None)
    return FileTask(*item) if read is None else Preread(item[0], *read)


def _known(cache: ParseCache | None, keys: list[str], reference: date | None) -> dict[str, "_Passed"]:
    """The files of ``keys`` whose whole entry the cache holds for this reference date, as their outputs."""
    if cache is None or not keys:
        return {}
    usable = cache.get_usable(keys, reference)  # key -> (outputs, articles)
    small = cache.get_outputs([key for key, (items, _) in usable.items() if items <= 64])
    known = {key: _Passed(lambda outputs=outputs: outputs, usable[key][1])
             for key, outputs in small.items() if len(outputs) == usable[key][0]}
    for key, (items, articles) in usable.items():
        if items > 64 and cache.count_outputs(key, items) == items:  # read from the cache when written
            known[key] = _Passed(lambda key=key, items=items: cache.iter_outputs(key, items), articles)
    return known


def _whole(name: str, path: Path) -> bool:
    """Read whole by a worker: single-article files (size-checked by the reader) and small record files."""
    if formats.suffix_of(name) not in formats.RECORDS:
        return True
    try:
        return path.stat().st_size <= WHOLE_FILE_BYTES
    except OSError:
        return True  # the worker's reader says why it cannot be read


@dataclass
class _Passed:
    """Outputs known without parsing: a rejected input, or a file the cache holds."""

    outputs: Callable[[], Iterable[Output]]
    articles: int

    def finish(self, result, cache) -> Iterable[Output]:
        return self.outputs()


@dataclass
class _Files:
    """A job of files read and parsed by a worker; stores each file's outputs in the cache."""

    files: list[tuple[str, Path]]
    reference: date | None
    articles: int = 0

    def finish(self, result, cache) -> list[Output]:
        whole = [(name, digest, outputs, _facts(read, len(outputs), self.reference))
                 for (name, _), (digest, outputs, read) in zip(self.files, result)]
        self.articles = sum(read.articles for _, _, read in result)
        if cache is not None:
            _store(cache, whole)
        return [output for _, _, outputs, _ in whole for output in outputs]


def _facts(read: Read, items: int, reference: date | None) -> FileFacts:
    return FileFacts(items, read.articles, read.stated, read.depends, reference if read.depends else None)


def _store(cache: ParseCache, whole: list[tuple[str, bytes | None, list[Output], FileFacts]]) -> None:
    """Each file's outputs under its key; a file not read whole (too large, unreadable) only at article level."""
    entries = [(cache.file_key(name, digest), outputs, facts) for name, digest, outputs, facts in whole if digest]
    others = [output for _, digest, outputs, _ in whole if not digest for output in outputs]
    try:
        cache.put_files(entries, others)
    except ValueError:  # text that SQLite cannot hold: parsed again next time
        pass


# --- record files read here --------------------------------------------------------------------------


def _streamed(name: str, path: Path, key: str | None, reference: date | None, settings: Settings,
              chunk_size: int):
    """A file read here, record by record: jobs of its records, then an entry that completes its cache entry."""
    state = _Stream(name, key, reference)
    try:
        if formats.suffix_of(name) in formats.SINGLE and path.stat().st_size > settings.max_article_bytes:
            raise OSError
        handle = path.open("rb")
    except OSError:  # too large or unreadable: the reader gives the reason as a Rejected
        items = formats.read_path(name, path, settings)
    else:
        state.hashing = _Hashing(handle)
        items = formats.read_handle(name, state.hashing, settings)
    try:
        yield from _records(state, items, settings, chunk_size)
    finally:
        if state.hashing is not None:
            state.hashing.close()
    yield state, None


def _kept_records(item: tuple[str, Path], key: str | None, reference: date | None, settings: Settings,
                  chunk_size: int, read: tuple[bytes | None, list]):
    """A record file as pass 1 read it whole (its bytes' digest, its inputs), in chunks like a file read here."""
    state = _Stream(item[0], key, reference, digest=read[0])
    yield from _records(state, read[1], settings, chunk_size)
    yield state, None


def _records(state: "_Stream", items: Iterable[Article | Rejected], settings: Settings, chunk_size: int):
    """Jobs of a record file's inputs, ``4 * chunk_size`` at a time."""
    for job in _batches(items, 4 * chunk_size):
        state.read.append(Read.of(job, settings))
        yield _Records(state, sum(isinstance(i, Article) for i in job)), job


@dataclass
class _Hashing:
    """A binary handle that hashes what is read through it."""

    handle: Any
    sha: Any = field(default_factory=hashlib.sha256)

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.sha.update(data)
        return data

    def close(self) -> None:
        while self.read(1 << 20):  # the reader may stop early; the digest covers the whole file
            pass
        self.handle.close()


@dataclass
class _Stream:
    """One record file parsed in chunks: where its outputs go in the cache, and what its records were. Read
    here through ``hashing``, or read whole before, from bytes whose SHA-256 is ``digest``."""

    name: str
    key: str | None
    reference: date | None
    hashing: _Hashing | None = None
    written: int = 0
    read: list[Read] = field(default_factory=list)
    articles: int = 0
    digest: bytes | None = None

    @property
    def hashed(self) -> bool:
        """Its bytes are hashed (else, too large or unreadable, only its articles are cached)."""
        return self.hashing is not None or self.digest is not None

    def finish(self, result, cache) -> Iterable[Output]:
        """The file is read: its entry is complete if the bytes read are the bytes hashed in pass 1."""
        if cache is None or self.key is None or not self.hashed:
            return ()
        digest = self.hashing.sha.digest() if self.hashing is not None else self.digest
        if cache.file_key(self.name, digest) == self.key:
            read = Read(sum(r.articles for r in self.read), tuple(day for r in self.read for day in r.stated),
                        any(r.depends for r in self.read))
            cache.put_outputs(self.key, self.written, [], _facts(read, self.written, self.reference))
        return ()


@dataclass
class _Records:
    """A job of one record file's articles."""

    stream: _Stream
    articles: int

    def finish(self, result, cache) -> Iterator[Output]:
        outputs = [output for _, outs, _ in result for output in outs]
        if cache is not None:
            if self.stream.key is not None and self.stream.hashed:
                cache.put_outputs(self.stream.key, self.stream.written, outputs)
            else:
                cache.put_blobs(outputs)
        self.stream.written += len(outputs)
        return outputs


# --- small helpers -------------------------------------------------------------------------------------


def _file_key(item, cache: ParseCache | None) -> str | None:
    """The cache key of a file from its bytes (read in blocks), or None (no cache, unreadable, not a file)."""
    if cache is None or isinstance(item, Rejected):
        return None
    name, path = item
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:  # not hashlib.file_digest: it zeroes a 256 KiB buffer for every file
            while block := handle.read(HASH_BLOCK):
                digest.update(block)
    except OSError:
        return None
    return cache.file_key(name, digest.digest())


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _counter(progress: Progress | None, total: int) -> Callable[[int], None]:
    done = 0
    if progress is not None:
        progress(0, total)

    def step(count: int) -> None:
        nonlocal done
        if count and progress is not None:
            done += count
            progress(done, total)

    return step
