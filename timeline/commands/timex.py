"""`python -m timeline timex [--anchor YYYY-MM-DD] [FILE]`: the temporal expressions of a text as JSON lines."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from ..errors import TimelineError
from ..reading.decoding import decode
from ..settings import DEFAULT_SETTINGS
from ..temporal import tag

NAME = "timex"
HELP = "Print the temporal expressions of a text (FILE or stdin), one JSON object per line."


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", metavar="FILE", help="text file to read (default, or \"-\": stdin)")
    parser.add_argument("--anchor", type=_iso_date, metavar="YYYY-MM-DD",
                        help="the article's date; relative expressions are resolved against it")


def run(args: argparse.Namespace) -> int:
    text = _read(args.file)
    for timex in tag(text, args.anchor, DEFAULT_SETTINGS):
        print(json.dumps(timex.to_dict(), ensure_ascii=False))
    return 0


def _read(name: str | None) -> str:
    """The exact text the offsets index: the bytes decoded as the article readers decode them (a BOM, UTF-16,
    UTF-8, else cp1252), newlines untouched; binary data is refused with its reason."""
    if name in (None, "-"):
        return decode(sys.stdin.buffer.read(), "stdin")[0]
    path = Path(name)
    if path.is_dir():
        raise TimelineError(f"{name} is a folder: give one text file (or the text on stdin)")
    if not path.is_file():
        raise TimelineError(f"no such file: {name}")
    try:
        return decode(path.read_bytes(), name)[0]
    except OSError as error:
        raise TimelineError(f"cannot read {name}: {error.strerror or error}") from None


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None
