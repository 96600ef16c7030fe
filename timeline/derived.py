"""What the rules' compilation derives from a pattern, remembered on disk so that a new process skips it.

Reads: a pattern's source and flags, and a function that derives a JSON value from them (the prefilter's
key groups, the source of a pattern's fast form). Adds: the value, computed once per machine instead of
once per process. Parsing the rules' patterns to derive these took about half of a new process's first
parse (the app, the CLI, each Dask worker); reading them back takes a few milliseconds.

The store is one JSON Lines file per version of the code that derives the values (the digest of the
deriving modules' source and of the Python version), so a changed rule gets a new entry and changed code
a new file: a value read back is always the one the function would compute. Each line carries its own
checksum; a damaged line (two processes appending at once) is skipped and derived again. A store that
cannot be read or written only costs the time it would have saved.

``compiled(pattern, flags)`` is ``re.compile`` for the large rule patterns (date lines, page furniture, the trigger
rules' fast forms, the gazetteer's alternation, the temporal rules): the store keeps the compiled code Python's
regular-expression compiler makes of a pattern, so a new process builds the pattern object from it instead of
parsing the pattern again (which took about a third of a new process's first parse). The object is the one
``re.compile`` gives (the same code: patterns compare equal); under a Python whose compiler's internals differ, or
for a pattern it cannot keep, ``re.compile`` is used.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
import zlib
from array import array
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .settings import PACKAGE_DIR, PROJECT_DIR

try:  # the internals of re.compile: the parser, the code generator and the engine's constructor
    import _sre
    from re import _compiler, _parser
except ImportError:  # another Python: every pattern is compiled by re.compile
    _sre = None

DEFAULT_FOLDER = PROJECT_DIR / ".cache" / "timeline"
DERIVING_MODULES = ("prefilter.py", "derived.py")  # the code whose output the store holds
MAX_BYTES = 16 << 20  # a store grown past this (patterns edited many times) is started again
Derive = Callable[[str, int], Any]


class DerivedStore:
    """Values derived from (kind, pattern, flags), in memory and in ``folder`` (None: in memory only)."""

    def __init__(self, folder: Path | None, version: str = ""):
        self.path = folder / f"derived-{version}.jsonl" if folder is not None else None
        self._values: dict[tuple[str, str, int], Any] | None = None

    @classmethod
    def default(cls) -> "DerivedStore":
        """The store in the project's cache folder; in memory only when the deriving code cannot be read."""
        try:
            return cls(DEFAULT_FOLDER, code_version())
        except OSError:  # no source files (an installation of compiled modules only)
            return cls(None)

    def get(self, kind: str, pattern: str, flags: int, derive: Derive) -> Any:
        """The value ``derive(pattern, flags)`` stored under (kind, pattern, flags); derived and stored when new."""
        values = self._loaded()
        key = (kind, pattern, int(flags))
        if key not in values:
            values[key] = _tuples(derive(pattern, int(flags)))
            self._append(key, values[key])
        return values[key]

    def _loaded(self) -> dict[tuple[str, str, int], Any]:
        if self._values is None:
            self._values = dict(_read(self.path)) if self.path is not None else {}
        return self._values

    def _append(self, key: tuple[str, str, int], value: Any) -> None:
        if self.path is None:
            return
        record = json.dumps([*key, value], separators=(",", ":"))
        try:
            if not self.path.exists():
                _forget_other_versions(self.path)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(f"{_checksum(record)} {record}\n")
        except OSError:  # a read-only folder: the value is only kept in memory
            self.path = None


def _forget_other_versions(path: Path) -> None:
    """Makes ``path``'s folder and removes the stores that older code wrote there."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in path.parent.glob("derived-*.jsonl"):
        if old != path:
            old.unlink(missing_ok=True)


def _read(path: Path):
    """(key, value) of each sound line of the store at ``path``."""
    try:
        if path.stat().st_size > MAX_BYTES:
            path.unlink()
            return
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return
    for line in lines:
        checksum, _, record = line.partition(" ")
        if checksum != _checksum(record):
            continue
        kind, pattern, flags, value = json.loads(record)
        yield (kind, pattern, flags), _tuples(value)


def _tuples(value: Any) -> Any:
    """JSON's lists back as the tuples they were derived as."""
    return tuple(_tuples(item) for item in value) if isinstance(value, (list, tuple)) else value


def _checksum(record: str) -> str:
    return f"{zlib.crc32(record.encode('utf-8')):08x}"


def code_version() -> str:
    """The digest of the deriving modules' source and of the Python version (its regular-expression parser)."""
    digest = hashlib.sha256(sys.version.encode())
    for name in DERIVING_MODULES:
        digest.update((PACKAGE_DIR / name).read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def default_store() -> DerivedStore:
    """The one store of this process in the project's cache folder (``DerivedStore.default``), read at first use."""
    return DerivedStore.default()


def compiled(pattern: str, flags: int = 0, store: DerivedStore | None = None) -> re.Pattern:
    """``re.compile(pattern, flags)``, built from the compiled code ``store`` (default: ``default_store()``) keeps of
    it when a process compiled it before; compiled, and its code kept, when not."""
    code = (store or default_store()).get("code", pattern, int(flags), _code) if isinstance(pattern, str) else None
    if code is not None:
        try:
            final_flags, packed, groups, groupindex, indexgroup = code
            return _sre.compile(pattern, final_flags, _unpacked(packed), groups, dict(groupindex), tuple(indexgroup))
        except (TypeError, ValueError, RuntimeError, zlib.error):  # not the code this Python's engine reads
            pass
    return re.compile(pattern, flags)


def _code(pattern: str, flags: int) -> list | None:
    """What ``re._compiler.compile`` passes to the engine for ``pattern``: [flags, code (packed), groups, group
    index, group names], or None when it is not kept (compiled by ``re.compile`` then)."""
    if _sre is None or not isinstance(pattern, str) or flags & re.DEBUG or _sre.CODESIZE != 4:
        return None
    try:
        tree = _parser.parse(pattern, flags)
        code = _compiler._code(tree, flags)
        groupindex = dict(tree.state.groupdict)
        indexgroup = [None] * tree.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return [flags | tree.state.flags, _packed(code), tree.state.groups - 1, groupindex, indexgroup]
    except (AttributeError, TypeError, ValueError, OverflowError):  # internals of another shape
        return None


def _packed(code: list[int]) -> str:
    return base64.b64encode(zlib.compress(array("I", code).tobytes(), 1)).decode("ascii")


def _unpacked(packed: str) -> list[int]:
    return array("I", zlib.decompress(base64.b64decode(packed))).tolist()
