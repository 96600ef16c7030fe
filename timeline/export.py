"""Write events and timeline events as JSONL, JSON, CSV or Parquet, and read them back exactly.

Reads: ``Event`` or ``TimelineEvent`` records. Adds: files (or text on a stream). In CSV and Parquet, list
and record fields (actors, date_window, sources) are JSON text in their cell and a missing value is an
empty cell; reading decodes them by the record's field annotations, so export then import gives the same
records. Every format carries each record's ``background`` flag (history the articles retell) and ``found_by`` (a
trigger rule, or the fallback that guessed it); a file written before them reads as news found by rules.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import types
import typing
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from .codec import from_plain, to_plain
from .errors import TimelineError
from .models import Event, TimelineEvent

FORMATS = ("jsonl", "json", "csv", "parquet")
SUFFIXES = {"jsonl": "jsonl", "ndjson": "jsonl", "json": "json", "csv": "csv", "parquet": "parquet", "pq": "parquet"}
# Extensions of formats we do not write: a file named so would hold JSONL under a misleading name.
OTHER_FORMATS = frozenset("xlsx xls xlsm ods tsv tab html htm xml yaml yml feather arrow orc pkl pickle sqlite db "
                          "png svg pdf".split())
Record = Event | TimelineEvent


def format_for(path: str | Path | None, requested: str | None = None) -> str:
    """The format asked for, else the one the file's extension names (JSONL without one).

    An extension of a format we do not write (".xlsx", ".tsv") is an error, not JSONL under a misleading name;
    any other (".out", ".txt") is JSONL.
    """
    if requested:
        return requested
    suffix = Path(path).suffix.lower().lstrip(".") if path else ""
    if suffix in OTHER_FORMATS:
        raise TimelineError(f"cannot write {path}: .{suffix} is not a format we write (.jsonl, .json, .csv, "
                            f".parquet); rename the file or give --format")
    return SUFFIXES.get(suffix, "jsonl")


def write_records(records: Iterable[Record], fmt: str, destination: str | Path | TextIO) -> int:
    """Write ``records`` to a path or a text stream; returns how many were written."""
    rows = [to_plain(r) for r in records]
    if fmt == "parquet" and not isinstance(destination, (str, Path)):
        raise TimelineError("Parquet is a binary format: give an output file with -o FILE.parquet")
    if not isinstance(destination, (str, Path)):
        return _write_text(rows, fmt, destination)
    try:
        if fmt == "parquet":
            _frame(rows).to_parquet(destination, index=False)
            return len(rows)
        with open(destination, "w", encoding="utf-8", newline="") as handle:
            return _write_text(rows, fmt, handle)
    except OSError as error:
        raise TimelineError(f"cannot write {destination}: {error.strerror or error}") from None


def _write_text(rows: list[dict], fmt: str, out: TextIO) -> int:
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "csv":
        flat = [_flatten(row) for row in rows]
        # RFC 4180 line ends: the writer then quotes every cell holding a "\r" or "\n", so both survive.
        writer = csv.DictWriter(out, fieldnames=list(flat[0]) if flat else ["id"], lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(flat)
    else:
        raise TimelineError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return len(rows)


def _flatten(row: dict) -> dict:
    return {k: "" if v is None else json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
            for k, v in row.items()}


def _frame(rows: list[dict]):
    import pandas as pd

    flat = [{k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()}
            for row in rows]
    return pd.DataFrame(flat, dtype=object)


def read_records(source: str | Path, fmt: str | None = None) -> list[Record]:
    """The Events (or TimelineEvents, when rows have ``sources``) written by ``write_records``."""
    fmt = format_for(source, fmt)
    rows = _read_rows(Path(source), fmt)
    if not rows:
        return []
    cls = TimelineEvent if "sources" in rows[0] else Event
    if fmt in ("csv", "parquet"):
        rows = [_unflatten(row, cls) for row in rows]
    return [from_plain(cls, row) for row in rows]


def _read_rows(path: Path, fmt: str) -> list[dict]:
    if fmt == "parquet":
        import pandas as pd

        frame = pd.read_parquet(path)
        return [{k: (None if _missing(v) else v) for k, v in row.items()} for row in frame.to_dict("records")]
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as handle:  # a "\r" inside a cell stays in it
            return list(csv.DictReader(handle))
    text = path.read_text(encoding="utf-8")
    if fmt == "jsonl":
        return [json.loads(line) for line in text.split("\n") if line.strip()]
    if fmt == "json":
        return json.loads(text)
    return list(csv.DictReader(io.StringIO(text)))


def _missing(value: Any) -> bool:
    try:
        return value is None or value != value  # NaN
    except (TypeError, ValueError):
        return False


def _unflatten(row: dict, cls: type) -> dict:
    hints = typing.get_type_hints(cls)
    return {f.name: _cell(row.get(f.name), hints[f.name]) for f in dataclasses.fields(cls) if f.name in row}


def _cell(value: Any, annotation: Any) -> Any:
    """A CSV/Parquet cell back in its plain (codec) form."""
    optional = _is_optional(annotation)
    inner = _strip_optional(annotation)
    if value is None or (value == "" and optional):
        return None
    if isinstance(value, str) and _is_structured(inner):
        return json.loads(value)
    if inner is bool:  # CSV writes "True"/"False"; Parquet may give numpy's bool
        return value if isinstance(value, bool) else str(value).strip().lower() in ("true", "1")
    if inner is float:
        return float(value)
    if inner is int:
        return int(value)
    if inner is date and isinstance(value, date):
        return value.isoformat()
    return value


def _is_optional(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in typing.get_args(annotation)


def _strip_optional(annotation: Any) -> Any:
    if _is_optional(annotation):
        rest = [a for a in typing.get_args(annotation) if a is not type(None)]
        return rest[0] if len(rest) == 1 else annotation
    return annotation


def _is_structured(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (tuple, list, dict) or dataclasses.is_dataclass(annotation)
