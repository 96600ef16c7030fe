"""The parse cache: parses kept in one SQLite file, keyed by content hashes.

Reads: Articles or files (the parse's input) and the Settings/rule files that shape the parse.
Adds: nothing to the records; it returns what a previous run stored for the same input.

Why SQLite: it is in the standard library (no extra dependency), a single file, transactional (a process
killed mid-write leaves the previous state, never a torn entry), safe for concurrent readers in WAL mode,
and answers point look-ups by key without loading the rest. Parquet is columnar and append-unfriendly
(rewrite or one file per batch) and DuckDB is not installed.

Two levels, both under one version (``parse_version``: the codec and schema versions, Python's and the
parsing libraries' versions, the settings that affect the parse, and the content of the rule files and of
the pipeline's source, so changing a trigger word or a pattern invalidates every entry; ``prune`` then
drops them):

- articles (table ``parsed``): key = sha256(version, repr of the whole Article: every field, in order);
  value = the ParsedArticle as zlib-compressed JSON from ``timeline.codec``. ``get_many``/``put_many``.
- files (tables ``files`` and ``items``): key = sha256(version, the file's name, the sha256 of its bytes),
  so an unchanged file is found without decoding or reading its text; value = one ``outputs.Output`` per
  input the file gave (events as written JSON Lines, report entry, counts), plus what the corpus needs of
  the file before parsing: how many articles, the publication dates they state, and, when one of its
  articles had its date inferred against the corpus's reference date, that reference date (an entry is
  used only with the same reference).
- models (table ``models``): key = a model's name; value = the model as the module that trains it writes it
  (``ModelShelf``), under the version it was trained with, so that a new process reads it instead of training
  it again (the happening model of ``timeline.typeguess``: about 2.5 s at its first use, read back in 0.2 s; its
  type model: 0.25 s, read back in 0.07 s).
Nothing is pickled.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import sqlite3
import threading
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import codec
from .models import Article, ParsedArticle
from .outputs import Output, cached, columns
from .settings import PACKAGE_DIR, PROJECT_DIR, Settings

DEFAULT_CACHE_DIR = PROJECT_DIR / ".cache" / "timeline"
FILE_NAME = "parse-cache.sqlite"
SCHEMA_VERSION = "4"  # 3: events carry ``background``; 4: and ``found_by`` (an older entry would read as "rule")
# Settings that change how the work is done, not what the parse gives.
NOT_PARSE_SETTINGS = frozenset({"cache_dir", "data_dir", "workers", "engine", "scheduler"})
# (.jsonl: the gold events of data/training's articles, which the happening model learns from)
RULE_SUFFIXES = (".yaml", ".yml", ".json", ".jsonl", ".txt", ".csv", ".tsv")
NOT_RULE_FOLDERS = frozenset({"articles"})
PARSING_LIBRARIES = ("dateparser", "rapidfuzz", "PyYAML")
_CHUNK = 500  # SQLite's bound-parameter limit is 999 on old builds
_ITEM_COLUMNS = "name, reason, inferred, undated, events, lines, entry"


@dataclass(frozen=True)
class FileFacts:
    """What the file-level cache keeps of one file besides its outputs."""

    items: int  # outputs (articles and rejected records)
    articles: int
    stated: tuple[str, ...]  # the publication dates its articles state, as ISO strings
    depends: bool = False  # an article's date was inferred against the corpus's reference date...
    reference: date | None = None  # ...this one


class ParseCache:
    """An embedded store of ParsedArticles; ``get_many``/``put_many`` work on batches of articles."""

    def __init__(self, folder: Path | str = DEFAULT_CACHE_DIR, version: str = ""):
        self.folder = Path(folder)
        self.version = version
        self.path = self.folder / FILE_NAME
        self._lock = threading.Lock()
        self._db = _open(self.path)

    @classmethod
    def for_settings(cls, settings: Settings, folder: Path | str | None = None) -> "ParseCache":
        """A cache in ``folder`` (default: settings.cache_dir, else DEFAULT_CACHE_DIR) versioned by ``settings``."""
        return cls(folder or settings.cache_dir or DEFAULT_CACHE_DIR, parse_version(settings))

    @classmethod
    def reader(cls, folder: Path | str, version: str) -> "ParseCache | None":
        """A read-only view of an existing cache (for worker processes), or None when there is none."""
        cache = cls.__new__(cls)
        cache.folder, cache.version = Path(folder), version
        cache.path = cache.folder / FILE_NAME
        cache._lock = threading.Lock()
        try:
            cache._db = sqlite3.connect(cache.path.resolve().as_uri() + "?mode=ro", uri=True, timeout=30,
                                        check_same_thread=False)
            cache._db.execute("SELECT 1 FROM parsed LIMIT 1")
        except sqlite3.Error:
            return None
        return cache

    def key(self, article: Article) -> str:
        """The content hash this cache files ``article``'s parse under."""
        return article_key(self.version, article)

    def file_key(self, name: str, digest: bytes) -> str:
        """The key of a file named ``name`` whose bytes have the SHA-256 ``digest``."""
        key = hashlib.sha256(self.version.encode() + b"\0file\0")
        key.update(name.encode("utf-8", "surrogatepass") + b"\0" + digest)
        return key.hexdigest()

    def get_blobs(self, keys: Sequence[str]) -> dict[str, bytes]:
        """The stored (compressed) ParsedArticles of those article keys that have one."""
        return self._fetch("SELECT key, value FROM parsed WHERE key IN ({})", list(keys))

    def get_many(self, articles: Sequence[Article]) -> list[ParsedArticle | None]:
        """The stored parse of each article, or None where there is none (same order as ``articles``)."""
        keys = [self.key(a) for a in articles]
        found = self.get_blobs(keys)
        return [decode(found.get(k)) for k in keys]

    def undated_key(self, article: Article, reference: date | None) -> str:
        """The key of the parse of an article without a publication date, as read (before its date is
        inferred against the corpus's ``reference`` date): found again without inferring the date."""
        return article_key(self.version + "\0undated\0" + (reference.isoformat() if reference else "-"), article)

    def get_keyed(self, keys: Sequence[str]) -> dict[str, ParsedArticle]:
        """The stored parses of those keys (``undated_key``) that have a readable one."""
        return {key: parsed for key, blob in self.get_blobs(keys).items() if (parsed := decode(blob)) is not None}

    def put_keyed(self, pairs: Iterable[tuple[str, ParsedArticle]]) -> int:
        """Store parses under the given keys, in one transaction; returns how many were written."""
        rows = [(key, self.version, encode(parsed)) for key, parsed in pairs]
        with self._lock, self._db:
            self._db.executemany("INSERT OR REPLACE INTO parsed(key, version, value) VALUES (?, ?, ?)", rows)
        return len(rows)

    def put_many(self, parsed: Iterable[ParsedArticle]) -> int:
        """Store parses in one transaction (all or nothing); returns how many were written."""
        rows = [(self.key(p.article), self.version, encode(p)) for p in parsed]
        with self._lock, self._db:
            self._db.executemany("INSERT OR REPLACE INTO parsed(key, version, value) VALUES (?, ?, ?)", rows)
        return len(rows)

    def get_dates(self, keys: Sequence[str]) -> dict[str, tuple[int, list[str]]]:
        """(article count, stated publication dates as ISO strings) of those file keys that have an entry."""
        return self._fetch("SELECT key, articles, stated FROM files WHERE key IN ({})", list(keys),
                           lambda row: (row[0], (row[1], row[2].split(",") if row[2] else [])))

    def get_usable(self, keys: Sequence[str], reference: date | None) -> dict[str, tuple[int, int]]:
        """(output count, article count) of those file keys whose entry holds for this reference date:
        none of their articles was dated against a reference date, or it was against this one."""
        mark = reference.isoformat() if reference else ""
        sql = "SELECT key, items, articles FROM files WHERE (reference IS NULL OR reference = ?) AND key IN ({})"
        return self._fetch(sql, list(keys), lambda row: (row[0], (row[1], row[2])), first=(mark,))

    def get_outputs(self, keys: Sequence[str]) -> dict[str, list[Output]]:
        """The stored outputs of each of those file keys, in order; for files of few outputs."""
        found: dict[str, list[Output]] = {key: [] for key in keys}
        sql = f"SELECT file, {_ITEM_COLUMNS} FROM items WHERE file IN ({{}}) ORDER BY file, idx"
        for row in self._rows(sql, list(keys)):
            found[row[0]].append(cached(row[1:]))
        return found

    def count_outputs(self, key: str, count: int) -> int:
        """How many of the first ``count`` outputs of a file key are stored."""
        with self._lock:
            return self._db.execute("SELECT count(*) FROM items WHERE file = ? AND idx < ?", (key, count)).fetchone()[0]

    def iter_outputs(self, key: str, count: int, batch: int = 256) -> Iterator[Output]:
        """The first ``count`` outputs of one file key, in order, fetched ``batch`` at a time."""
        for start in range(0, count, batch):
            with self._lock:
                rows = self._db.execute(f"SELECT {_ITEM_COLUMNS} FROM items WHERE file = ? AND idx >= ? AND idx < ?"
                                        " ORDER BY idx", (key, start, min(start + batch, count))).fetchall()
            yield from map(cached, rows)

    def put_outputs(self, key: str, start: int, outputs: Sequence[Output], facts: FileFacts | None = None) -> None:
        """Store a file's outputs from position ``start`` (0: forget its old ones first) and their articles'
        parses; with ``facts``, mark the file's entry complete. One transaction."""
        with self._lock, self._db:
            self._put_items(key, start, outputs, facts)

    def put_files(self, files: Sequence[tuple[str, Sequence[Output], FileFacts]], others: Sequence[Output] = ()) -> None:
        """Store whole files (key, outputs, facts), and the parses carried by ``others``, in one transaction."""
        with self._lock, self._db:
            for key, outputs, facts in files:
                self._put_items(key, 0, outputs, facts)
            self._put_blobs(others)

    def put_blobs(self, outputs: Iterable[Output]) -> None:
        """Store the parses carried by ``outputs`` (of inputs that have no file-level entry)."""
        with self._lock, self._db:
            self._put_blobs(outputs)

    def _put_items(self, key: str, start: int, outputs: Sequence[Output], facts: FileFacts | None) -> None:
        if start == 0:
            self._db.execute("DELETE FROM files WHERE key = ?", (key,))
            self._db.execute("DELETE FROM items WHERE file = ?", (key,))
        rows = [(key, start + i, self.version, *columns(o)) for i, o in enumerate(outputs)]
        self._db.executemany(f"INSERT OR REPLACE INTO items(file, idx, version, {_ITEM_COLUMNS})"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self._put_blobs(outputs)
        if facts is not None:
            self._db.execute("INSERT OR REPLACE INTO files(key, version, items, articles, stated, reference)"
                             " VALUES (?, ?, ?, ?, ?, ?)", (key, self.version, *_facts_columns(facts)))

    def _put_blobs(self, outputs: Iterable[Output]) -> None:
        blobs = [(o.key, self.version, o.blob) for o in outputs if o.blob]
        self._db.executemany("INSERT OR REPLACE INTO parsed(key, version, value) VALUES (?, ?, ?)", blobs)

    def prune(self) -> int:
        """Drop entries written under any other version (old rules or settings); returns how many articles
        and files were dropped."""
        with self._lock, self._db:
            self._db.execute("DELETE FROM items WHERE version != ?", (self.version,))
            self._db.execute("DELETE FROM models WHERE version != ?", (self.version,))
            files = self._db.execute("DELETE FROM files WHERE version != ?", (self.version,)).rowcount
            return files + self._db.execute("DELETE FROM parsed WHERE version != ?", (self.version,)).rowcount

    def shelf(self) -> "ModelShelf":
        """Where trained models are kept beside the parses, under this cache's version."""
        return ModelShelf(self.path, self.version)

    def lookups_only(self) -> "LookupsOnly":
        """A view of this cache that answers lookups and keeps nothing: for texts that must not be written to
        disk (the app's uploads and pasted text), parsed together with articles whose parses are stored."""
        return LookupsOnly(self)

    def __bool__(self) -> bool:
        return True  # an empty cache is still a cache (``if cache:`` must not count its rows)

    def __len__(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM parsed").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> "ParseCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _fetch(self, sql: str, keys: list[str], row=None, first: tuple = ()) -> dict:
        """``sql`` (with ``{}`` for the key placeholders, after the ``first`` parameters) over ``keys``, as a
        dict of its (key, value) rows."""
        return dict(self._rows(sql, keys, row, first))

    def _rows(self, sql: str, keys: list[str], row=None, first: tuple = ()) -> list:
        found: list = []
        with self._lock:
            for i in range(0, len(keys), _CHUNK):
                chunk = keys[i : i + _CHUNK]
                rows = self._db.execute(sql.format(",".join("?" * len(chunk))), (*first, *chunk))
                found.extend(rows if row is None else map(row, rows))
        return found


@dataclass(frozen=True)
class ModelShelf:
    """Trained models kept in the store (table ``models``), one per name: the one trained under ``version``
    (``parse_version``, which covers the data they learn from and the code that reads it) is found, any other
    is a miss. Each call opens a connection of its own, so a process forked after it was made uses it safely;
    a store that cannot be read or written is a miss, never an error."""

    path: Path
    version: str

    def get(self, name: str) -> bytes | None:
        """The stored bytes of model ``name`` trained under this version, else None."""
        try:
            with contextlib.closing(sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True,
                                                    timeout=30)) as db:
                row = db.execute("SELECT value FROM models WHERE name = ? AND version = ?",
                                 (name, self.version)).fetchone()
            return zlib.decompress(row[0]) if row else None
        except (sqlite3.Error, zlib.error):
            return None

    def put(self, name: str, value: bytes) -> None:
        """Keep ``value`` as model ``name`` of this version (in place of any other version's); nothing
        when the store is gone."""
        if not self.path.exists():
            return
        with contextlib.suppress(sqlite3.Error), contextlib.closing(sqlite3.connect(self.path, timeout=30)) as db:
            with db:
                db.execute("INSERT OR REPLACE INTO models(name, version, value) VALUES (?, ?, ?)",
                           (name, self.version, zlib.compress(value, 1)))


class LookupsOnly:
    """A ParseCache whose ``put_*`` methods store nothing (see ``ParseCache.lookups_only``)."""

    def __init__(self, cache: ParseCache):
        self._cache = cache

    def __getattr__(self, name: str):
        return _keep_nothing if name.startswith("put_") else getattr(self._cache, name)

    def __bool__(self) -> bool:
        return True


def _keep_nothing(*args, **kwargs) -> int:
    return 0


def article_key(version: str, article: Article) -> str:
    """The content hash an article's parse is filed under: the version and every field of the article."""
    digest = hashlib.sha256(version.encode())
    digest.update(b"\0")
    digest.update(repr(article).encode("utf-8", "surrogatepass"))  # every field; deterministic
    return digest.hexdigest()


def encode(parsed: ParsedArticle) -> bytes:
    """The stored form of a ParsedArticle."""
    return zlib.compress(codec.dumps(parsed), 1)


def _facts_columns(facts: FileFacts) -> tuple:
    reference = (facts.reference.isoformat() if facts.reference else "") if facts.depends else None
    return facts.items, facts.articles, ",".join(facts.stated), reference


def parse_version(settings: Settings, package_dir: Path = PACKAGE_DIR) -> str:
    """A digest of everything that shapes a parse besides the article: codec, settings, rules, code."""
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION} codec {codec.CODEC_VERSION} {_library_versions()}\n".encode())
    for field in dataclasses.fields(settings):
        if field.name not in NOT_PARSE_SETTINGS:
            digest.update(f"{field.name}={getattr(settings, field.name)!r}\n".encode())
    _hash_files(digest, _rule_files(Path(settings.data_dir)))
    _hash_files(digest, _source_files(package_dir))
    return digest.hexdigest()[:32]


def _library_versions() -> str:
    """Python's and the parsing libraries' versions: an upgrade may change what a parse gives."""
    import platform
    from importlib import metadata

    found = []
    for name in PARSING_LIBRARIES:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} missing")
    return f"python {platform.python_version()}, " + ", ".join(found)


def _rule_files(data_dir: Path) -> list[Path]:
    files = [p for p in data_dir.rglob("*") if p.suffix in RULE_SUFFIXES and p.is_file()]
    return sorted(p for p in files if NOT_RULE_FOLDERS.isdisjoint(p.relative_to(data_dir).parts[:-1]))


def _source_files(package_dir: Path) -> list[Path]:
    files = [p for p in package_dir.rglob("*.py") if "commands" not in p.relative_to(package_dir).parts]
    return sorted(files)


def _hash_files(digest, files: Iterable[Path]) -> None:
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")


def decode(blob: bytes | None) -> ParsedArticle | None:
    """The stored record, or None (a miss) when the blob is unreadable: the parse then runs again."""
    if blob is None:
        return None
    try:
        return codec.loads(zlib.decompress(blob))
    except (zlib.error, ValueError, KeyError, TypeError):
        return None


def _open(path: Path) -> sqlite3.Connection:
    """Open (or create) the store; a file that is not a readable store is set aside and replaced."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _connect(path)
    except sqlite3.DatabaseError:
        for stale in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            stale.unlink(missing_ok=True)
        path.replace(path.with_name(path.name + ".unreadable"))
        return _connect(path)


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=30, check_same_thread=False)  # `with db:` = one transaction
    try:
        _prepare(db)
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


def _prepare(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    with db:
        db.execute("CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute(
            "CREATE TABLE IF NOT EXISTS parsed(key TEXT PRIMARY KEY, version TEXT NOT NULL, value BLOB NOT NULL)"
        )
        db.execute("CREATE TABLE IF NOT EXISTS models(name TEXT PRIMARY KEY, version TEXT NOT NULL, value BLOB NOT NULL)")
        db.execute("CREATE TABLE IF NOT EXISTS files(key TEXT PRIMARY KEY, version TEXT NOT NULL, items INTEGER NOT NULL,"
                   " articles INTEGER NOT NULL, stated TEXT NOT NULL, reference TEXT)")
        db.execute("CREATE TABLE IF NOT EXISTS items(file TEXT NOT NULL, idx INTEGER NOT NULL, version TEXT NOT NULL,"
                   " name TEXT NOT NULL, reason TEXT, inferred INTEGER NOT NULL, undated INTEGER NOT NULL,"
                   " events INTEGER NOT NULL, lines BLOB NOT NULL, entry BLOB NOT NULL, PRIMARY KEY(file, idx))")
        _check_schema(db)


def _check_schema(db: sqlite3.Connection) -> None:
    row = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
    if row and row[0] != SCHEMA_VERSION:
        for table in ("parsed", "files", "items", "models"):
            db.execute(f"DELETE FROM {table}")
    db.execute("INSERT OR REPLACE INTO meta(name, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))
