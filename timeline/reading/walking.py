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
        for key, item in _expand(Path(given)):
            found.setdefault(key, item)
    return [found[key] for key in sorted(found, key=lambda k: (_name(found[k]), k))]


Keyed = tuple[str, "tuple[str, Path] | Rejected"]


def _expand(path: Path) -> Iterator[Keyed]:
    if path.is_dir():
        yield from _walk(path, path, _real(path))
    elif path.is_file():
        yield _real(path), (display(path.name), path)
    elif path.exists():
        yield _rejected(Rejected(display(path.name or str(path)), "not a regular file"))
    else:
        yield _rejected(Rejected(display(str(path)), "no such file or folder"))


def _walk(root: Path, folder: Path, real_folder: str) -> Iterator[Keyed]:
    """The files under `folder`; each keyed by its real path, resolved once per folder, not per file
    (only a symbolic link is resolved on its own), so that a file reached twice is read once."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        yield _rejected(Rejected(_relative(root, folder), f"cannot list folder: {error.strerror or error}"))
        return
    for entry in entries:
        path = Path(entry.path)
        name = _relative(root, path)
        real = _real(path) if entry.is_symlink() else os.path.join(real_folder, entry.name)
        if entry.name.startswith("."):
            yield _rejected(Rejected(name, "hidden " + ("folder" if entry.is_dir() else "file") + " skipped"))
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(root, path, real)
        elif entry.is_file():
            yield real, (name, path)
        else:
            yield _rejected(Rejected(name, "not a regular file"))


def _relative(root: Path, path: Path) -> str:
    return display(path.relative_to(root).as_posix() if path != root else root.name)


def display(name: str) -> str:
    """A file name as valid text: bytes that are not UTF-8 (kept by the OS as surrogate escapes, which
    no UTF-8 output can hold) are shown as ``\\xff``; the same bytes always give the same name."""
    if not any("\udc80" <= ch <= "\udcff" for ch in name):
        return name
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _rejected(item: Rejected) -> Keyed:
    return "rejected:" + item.name, item


def _real(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path.absolute())


def _name(item: tuple[str, Path] | Rejected) -> str:
    return item.name if isinstance(item, Rejected) else item[0]
