"""The dashboard's board of an article folder, kept on disk so that a restarted app opens without parsing.

Reads: a folder of inputs, the Settings, and a ``frame.Board`` built from them.
Adds: one file per folder under the parse cache's folder (``board-<folder digest>.pickle``), holding the
board and the key it was built under. The key is a digest of the parse version (settings, rule files and
the package's source: see ``cache.parse_version``) and of every file under the folder (relative path, size,
modification time), so an edited, added or removed article, a changed rule or changed code makes the
stored board stale, and the app builds and stores a new one. A missing, stale or unreadable file is a miss.

The app keeps boards in memory while it runs; this file only saves the first page of a freshly started
app the imports and the parse (the parse cache still has to read, date and decode every article).

A session's own articles (uploads, pasted text, an article whose publication date the user corrected) are
added to a folder's board by ``with_added``: only they are parsed, and the folder's articles keep their parses.

It also keeps PNG previews of the opening view's chart (``preview-<digest>.png``, the digest being that of
the figure's JSON and the picture's size, so that any change to the data or the figure is a miss), which
the app shows while the browser loads Plotly. Only the newest ``MAX_PREVIEWS`` are kept.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path

from .cache import DEFAULT_CACHE_DIR, parse_version
from .frame import ActorLookup, Board, board_for
from .models import Article, Corpus, Rejected
from .settings import Settings

STORE_VERSION = "1"
MAX_PREVIEWS = 8


def load(folder: Path | str, settings: Settings) -> Board | None:
    """The board stored for ``folder`` if it was built from the folder's files as they are now, else None."""
    try:
        with _path(folder, settings).open("rb") as handle:
            key, board = pickle.load(handle)
    except Exception:  # missing, truncated, or written by another version of the code: a miss
        return None
    return board if isinstance(board, Board) and key == folder_key(folder, settings) else None


def save(folder: Path | str, settings: Settings, board: Board) -> bool:
    """Store ``board`` for ``folder``, replacing the previous one; False when the folder holds no file (nothing
    worth keeping) or the cache folder cannot be written."""
    files = _files(Path(folder))
    if not files:
        return False
    path = _path(folder, settings)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as handle:
            pickle.dump((folder_key(folder, settings, files), board), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)  # readers see the old file or the new one, never half of one
    except OSError:
        temporary.unlink(missing_ok=True)
        return False
    return True


def with_added(board: Board, items: Iterable[Article | Rejected], settings: Settings, known: ActorLookup | None = None,
               progress: Callable[[int, int], None] | None = None, cache=None) -> Board:
    """``board`` with ``items`` added: a session's uploads and pasted text, and articles of the board read again
    with a corrected publication date, which take their place (so does an upload of an article's name).

    Only ``items`` are parsed (``progress(done, total)`` counts them); the board's other articles keep their
    parses, and their days: an undated one is not dated again against a reference date the new articles moved.
    An undated new article is dated against the reference of all the articles' stated dates, as in one parse of
    them all. Then the events of all are merged again. Before, an upload of five files read, dated and looked up
    the whole folder again under the progress bar (580 pages: 1.8 s of the 3.3 s, the bar counting 585).
    """
    from .merge import merge_events  # the parser is imported only when something is to be parsed
    from .pipeline import dated, parse_documents, reference_date

    items = list(items)
    new = {item.name for item in items if isinstance(item, Article)}
    kept = [parsed for name, parsed in board.articles.items() if name not in new]
    reference = reference_date([p.article for p in kept] + [item for item in items if isinstance(item, Article)])
    items = [dated(item, reference, settings) if isinstance(item, Article) else item for item in items]
    added = parse_documents(items, settings, progress, **({"cache": cache} if cache is not None else {}))
    fresh = {parsed.article.name: parsed for parsed in added.parsed}
    parsed = [fresh.pop(name) if name in fresh else p for name, p in board.articles.items() if name not in new
              or name in fresh] + list(fresh.values())
    events = [event for p in parsed for event in p.events]
    return board_for(Corpus(tuple(parsed), tuple(merge_events(events)), (*board.rejected, *added.rejected)), known)


def folder_key(folder: Path | str, settings: Settings, files: list[Path] | None = None) -> str:
    """A digest of the parse version and of each file under ``folder``: relative path, size, modification time."""
    folder = Path(folder)
    digest = hashlib.sha256(f"board store {STORE_VERSION} {parse_version(settings)}\n".encode())
    for path in _files(folder) if files is None else files:
        stat = path.stat()
        digest.update(f"{path.relative_to(folder).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode(
            "utf-8", "surrogatepass"))
    return digest.hexdigest()


def _files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file()) if folder.is_dir() else []


def _path(folder: Path | str, settings: Settings) -> Path:
    name = hashlib.sha256(str(Path(folder).resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return Path(settings.cache_dir or DEFAULT_CACHE_DIR) / f"board-{name}.pickle"


def preview_key(figure_json: str, width: int, height: int) -> str:
    """The name of a chart's preview: a digest of the figure's JSON and of the picture's size."""
    return hashlib.sha256(f"{width}x{height}\n{figure_json}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


def load_preview(key: str, settings: Settings) -> bytes | None:
    """The stored PNG preview ``key``, or None."""
    try:
        return _preview_path(key, settings).read_bytes()
    except OSError:
        return None


def save_preview(key: str, settings: Settings, png: bytes) -> bool:
    """Store the PNG preview ``key`` (dropping all but the newest ``MAX_PREVIEWS``); False if it cannot be written."""
    path = _preview_path(key, settings)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(png)
        os.replace(temporary, path)
        for old in sorted(path.parent.glob("preview-*.png"), key=lambda p: p.stat().st_mtime)[:-MAX_PREVIEWS]:
            old.unlink(missing_ok=True)
    except OSError:
        temporary.unlink(missing_ok=True)
        return False
    return True


def _preview_path(key: str, settings: Settings) -> Path:
    return Path(settings.cache_dir or DEFAULT_CACHE_DIR) / f"preview-{key}.png"
