"""The parse cache: ParsedArticle records kept in one SQLite file, keyed by a content hash.

Reads: Articles (the parse's input) and the Settings/rule files that shape the parse.
Adds: nothing to the records; it returns the ParsedArticle a previous run stored for the same input.

Why SQLite: it is in the standard library (no extra dependency), a single file, transactional (a process
killed mid-write leaves the previous state, never a torn entry), safe for concurrent readers in WAL mode,
and answers point look-ups by key without loading the rest. Parquet is columnar and append-unfriendly
(rewrite or one file per batch) and DuckDB is not installed.

Key = sha256(version, repr of the whole Article: every field, in order). The version folds in the codec and schema
versions, the settings that affect the parse, and the content of the rule files and of the pipeline's
source, so changing a trigger word or a pattern invalidates every entry (``prune`` then drops them).
Values are zlib-compressed JSON from ``timeline.codec``: nothing is pickled.
"""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
import threading
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from . import codec
from .models import Article, ParsedArticle
from .settings import PACKAGE_DIR, PROJECT_DIR, Settings

DEFAULT_CACHE_DIR = PROJECT_DIR / ".cache" / "timeline"
FILE_NAME = "parse-cache.sqlite"
SCHEMA_VERSION = "1"
# Settings that change how the work is done, not what the parse gives.
NOT_PARSE_SETTINGS = frozenset({"cache_dir", "data_dir", "workers", "engine", "scheduler"})
RULE_SUFFIXES = (".yaml", ".yml", ".json", ".txt", ".csv", ".tsv")
NOT_RULE_FOLDERS = frozenset({"articles"})
_CHUNK = 500  # SQLite's bound-parameter limit is 999 on old builds


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

    def key(self, article: Article) -> str:
        """The content hash this cache files ``article``'s parse under."""
        digest = hashlib.sha256(self.version.encode())
        digest.update(b"\0")
        digest.update(repr(article).encode("utf-8", "surrogatepass"))  # every field; deterministic
        return digest.hexdigest()

    def get_many(self, articles: Sequence[Article]) -> list[ParsedArticle | None]:
        """The stored parse of each article, or None where there is none (same order as ``articles``)."""
        keys = [self.key(a) for a in articles]
        found = self._fetch(keys)
        return [_decode(found.get(k)) for k in keys]

    def put_many(self, parsed: Iterable[ParsedArticle]) -> int:
        """Store parses in one transaction (all or nothing); returns how many were written."""
        rows = [(self.key(p.article), self.version, zlib.compress(codec.dumps(p), 1)) for p in parsed]
        with self._lock, self._db:
            self._db.executemany("INSERT OR REPLACE INTO parsed(key, version, value) VALUES (?, ?, ?)", rows)
        return len(rows)

    def prune(self) -> int:
        """Drop entries written under any other version (old rules or settings); returns how many."""
        with self._lock, self._db:
            return self._db.execute("DELETE FROM parsed WHERE version != ?", (self.version,)).rowcount

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

    def _fetch(self, keys: list[str]) -> dict[str, bytes]:
        found: dict[str, bytes] = {}
        with self._lock:
            for i in range(0, len(keys), _CHUNK):
                chunk = keys[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                found.update(self._db.execute(f"SELECT key, value FROM parsed WHERE key IN ({marks})", chunk))
        return found


def parse_version(settings: Settings, package_dir: Path = PACKAGE_DIR) -> str:
    """A digest of everything that shapes a parse besides the article: codec, settings, rules, code."""
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION} codec {codec.CODEC_VERSION}\n".encode())
    for field in dataclasses.fields(settings):
        if field.name not in NOT_PARSE_SETTINGS:
            digest.update(f"{field.name}={getattr(settings, field.name)!r}\n".encode())
    _hash_files(digest, _rule_files(Path(settings.data_dir)))
    _hash_files(digest, _source_files(package_dir))
    return digest.hexdigest()[:32]


def _rule_files(data_dir: Path) -> list[Path]:
    files = [p for p in data_dir.rglob("*") if p.suffix in RULE_SUFFIXES and p.is_file()]
    return sorted(p for p in files if NOT_RULE_FOLDERS.isdisjoint(p.relative_to(data_dir).parts[:-1]))


def _source_files(package_dir: Path) -> list[Path]:
    files = [p for p in package_dir.rglob("*.py") if "commands" not in p.relative_to(package_dir).parts]
    return sorted(files)


def _hash_files(digest, files: Iterable[Path]) -> None:
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")


def _decode(blob: bytes | None) -> ParsedArticle | None:
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
        _check_schema(db)


def _check_schema(db: sqlite3.Connection) -> None:
    row = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
    if row and row[0] != SCHEMA_VERSION:
        db.execute("DELETE FROM parsed")
    db.execute("INSERT OR REPLACE INTO meta(name, value) VALUES ('schema', ?)", (SCHEMA_VERSION,))
