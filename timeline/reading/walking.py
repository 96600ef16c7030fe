"""Files and folders -> a sorted list of (name, path) to read, or a Rejected per unusable path.

Reads paths as given; adds display names: a file given directly is named by its file name, a file
found in a folder by its path relative to that folder ("sub/index.html"). The order does not
depend on the order of the inputs. Hidden files and folders (".git") are reported, not read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Iterator

from ..models import Rejected


def list_inputs(paths: Iterable[str | Path]) -> list[tuple[str, Path] | Rejected]:
    """Every input file once, sorted by name; missing paths and hidden entries as Rejected."""
    found: dict[str, tuple[str, Path] | Rejected] = {}
    for given in paths:
        for item in _expand(Path(given)):
            key = _key(item)
            found.setdefault(key, item)
    return [found[key] for key in sorted(found, key=lambda k: (_name(found[k]), k))]


def _expand(path: Path) -> Iterator[tuple[str, Path] | Rejected]:
    if path.is_dir():
        yield from _walk(path, path)
    elif path.is_file():
        yield display(path.name), path
    elif path.exists():
        yield Rejected(display(path.name or str(path)), "not a regular file")
    else:
        yield Rejected(display(str(path)), "no such file or folder")


def _walk(root: Path, folder: Path) -> Iterator[tuple[str, Path] | Rejected]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        yield Rejected(_relative(root, folder), f"cannot list folder: {error.strerror or error}")
        return
    for entry in entries:
        path = Path(entry.path)
        name = _relative(root, path)
        if entry.name.startswith("."):
            yield Rejected(name, "hidden " + ("folder" if entry.is_dir() else "file") + " skipped")
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(root, path)
        elif entry.is_file():
            yield name, path
        else:
            yield Rejected(name, "not a regular file")


def _relative(root: Path, path: Path) -> str:
    return display(path.relative_to(root).as_posix() if path != root else root.name)


def display(name: str) -> str:
    """A file name as valid text: bytes that are not UTF-8 (kept by the OS as surrogate escapes, which
    no UTF-8 output can hold) are shown as ``\\xff``; the same bytes always give the same name."""
    if not any("\udc80" <= ch <= "\udcff" for ch in name):
        return name
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _key(item: tuple[str, Path] | Rejected) -> str:
    if isinstance(item, Rejected):
        return "rejected:" + item.name
    try:
        return str(item[1].resolve())
    except OSError:
        return str(item[1].absolute())


def _name(item: tuple[str, Path] | Rejected) -> str:
    return item.name if isinstance(item, Rejected) else item[0]
