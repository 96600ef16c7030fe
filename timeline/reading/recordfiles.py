"""Record files -> one Article or Rejected per record, streamed: .jsonl line by line, .csv and .tsv row by
row (separated as the header shows), .json as a top-level list read element by element (or one object, or an
object holding a list), .parquet in batches of rows.

Records are named "file.csv#3" (the third record). A bad record is rejected with its reason and the
others still load; a record larger than settings.max_article_bytes is rejected without being kept.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
from typing import BinaryIO, Iterator

from ..errors import InputRejected
from ..models import Article, Rejected
from ..settings import Settings
from .building import build
from .records import TEXT_FIELDS, from_mapping, is_text_field
from .streams import text_stream

CHUNK = 1 << 20
DELIMITERS = (",", ";", "\t", "|")
LIST_KEYS = ("articles", "items", "records", "data", "results", "docs", "documents", "entries", "posts", "news")
_DECODER = json.JSONDecoder()


def iter_jsonl(name: str, handle: BinaryIO, settings: Settings) -> Iterator[Article | Rejected]:
    stream, encoding = text_stream(handle, name)
    limit, number = settings.max_article_bytes, 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith("\n"):
            number += 1
            _skip_line(stream, limit)
            yield Rejected(f"{name}#{number}", _too_large(settings))
            continue
        if line.strip():
            number += 1
            yield _record(_loads(line), f"{name}#{number}", encoding, settings)


def _skip_line(stream, limit: int) -> None:
    while True:
        part = stream.readline(limit)
        if not part or part.endswith("\n"):
            return


def _loads(line: str) -> object:
    try:
        return json.loads(line)
    except RecursionError:
        return _Bad("is nested too deeply")
    except ValueError as error:
        return _Bad(f"is not valid JSON ({error.msg} at column {error.colno})")


class _Bad:
    """A record that could not even be parsed, with the reason."""

    def __init__(self, reason: str):
        self.reason = reason


def _record(value: object, name: str, encoding: str, settings: Settings) -> Article | Rejected:
    if isinstance(value, _Bad):
        return Rejected(name, f"record {value.reason}")
    raw = from_mapping(value, name, encoding)
    return raw if isinstance(raw, Rejected) else build(raw, settings)


def iter_csv(name: str, handle: BinaryIO, settings: Settings) -> Iterator[Article | Rejected]:
    stream, encoding = text_stream(handle, name)
    csv.field_size_limit(max(csv.field_size_limit(), settings.max_article_bytes))
    first = stream.readline(settings.max_article_bytes)
    reader = csv.reader(itertools.chain([first], stream), delimiter=_delimiter(first))
    header = _header(reader, name)
    number = 0
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Rejected(f"{name}#{number}", f"record is not valid CSV ({error}); the rest of the file is skipped")
            return
        yield _csv_row(row, header, f"{name}#{number}", encoding, settings)


def iter_parquet(name: str, handle: BinaryIO, settings: Settings) -> Iterator[Article | Rejected]:
    """A Parquet table (a data set's export of articles): one record per row, read in batches of rows."""
    import pyarrow.parquet as parquet  # imported only when a Parquet file is read

    try:
        table = parquet.ParquetFile(io.BytesIO(handle.read()))
        columns = table.schema_arrow.names
    except Exception as error:  # pyarrow raises its own errors for a file that is not Parquet
        raise InputRejected(name, f"not a readable Parquet file ({str(error)[:200]})") from None
    if not any(is_text_field(column) for column in columns):
        raise InputRejected(name, "Parquet table has no text column (" + ", ".join(TEXT_FIELDS[:3]) + " or similar)")
    number = 0
    for batch in table.iter_batches(batch_size=256):
        for row in batch.to_pylist():
            number += 1
            record = {key: _plain(value) for key, value in row.items()}
            if sum(len(value) for value in record.values() if isinstance(value, str)) > settings.max_article_bytes:
                yield Rejected(f"{name}#{number}", _too_large(settings))
            else:
                yield _record(record, f"{name}#{number}", "utf-8", settings)


def _plain(value: object) -> object:
    """A Parquet cell as JSON would give it: a date or time as its ISO text."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def _delimiter(header: str) -> str:
    """The separator of a CSV file: a comma, else the first of DELIMITERS by which the header line names a text
    column (a spreadsheet of a locale whose decimal mark is a comma saves "title;text;date"; a .tsv has tabs)."""
    for delimiter in DELIMITERS:
        try:
            cells = next(csv.reader([header], delimiter=delimiter), [])
        except csv.Error:
            continue
        if any(is_text_field(cell) for cell in cells):
            return delimiter
    return ","


def _header(reader, name: str) -> list[str]:
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as error:
        raise InputRejected(name, f"no CSV header row ({error or 'empty'})")
    if not any(is_text_field(cell) for cell in header):
        raise InputRejected(name, "CSV header has no text column (" + ", ".join(TEXT_FIELDS[:3]) + " or similar)")
    return header


def _csv_row(row: list, header: list, name: str, encoding: str, settings: Settings) -> Article | Rejected:
    if not any(cell.strip() for cell in row):
        return Rejected(name, "record is an empty row")
    if sum(map(len, row)) > settings.max_article_bytes:
        return Rejected(name, _too_large(settings))
    record: dict = {}
    for key, value in zip(header, row):
        record.setdefault(key, value)  # of two columns of one name, the first (as for JSON fields that differ in case)
    return _record(record, name, encoding, settings)


def iter_json(name: str, handle: BinaryIO, settings: Settings) -> Iterator[Article | Rejected]:
    stream, encoding = text_stream(handle, name)
    reader = _JsonReader(stream, settings.max_article_bytes)
    first = reader.peek()
    if first == "[":
        reader.advance(1)
        for number, value in enumerate(reader.elements(name), start=1):
            yield _json_value(value, f"{name}#{number}", encoding, settings)
        return
    yield from _json_document(reader.rest(name), name, encoding, settings)


def _json_value(value: object, name: str, encoding: str, settings: Settings) -> Article | Rejected:
    if isinstance(value, _Bad):
        return Rejected(name, f"record {value.reason}")
    if isinstance(value, _TooLarge):
        return Rejected(name, _too_large(settings))
    return _record(value, name, encoding, settings)


def _json_document(value: object, name: str, encoding: str, settings: Settings) -> Iterator[Article | Rejected]:
    """A JSON object: one record, or a list of records under a key such as "articles"."""
    if isinstance(value, _Bad):
        yield Rejected(name, f"file {value.reason}")
        return
    if isinstance(value, dict) and not any(is_text_field(k) for k in value):
        records = _inner_list(value)
        if records is not None:
            for number, item in enumerate(records, start=1):
                yield _record(item, f"{name}#{number}", encoding, settings)
            return
    if isinstance(value, dict):
        yield _record(value, name, encoding, settings)
    else:
        yield Rejected(name, "JSON holds neither an article object nor a list of article records")


def _inner_list(value: dict, depth: int = 3) -> list | None:
    """The list of records in an object: under a key such as "articles", else the first list of objects, else
    the same one or two levels further down ({"response": {"data": {"articles": [...]}}})."""
    keyed = {str(k).strip().casefold(): v for k, v in value.items()}
    for key in LIST_KEYS:
        if isinstance(keyed.get(key), list):
            return keyed[key]
    found = next((v for v in value.values() if isinstance(v, list) and v and isinstance(v[0], dict)), None)
    if found is not None or depth <= 1:
        return found
    inner = (_inner_list(v, depth - 1) for v in value.values()
             if isinstance(v, dict) and not any(map(is_text_field, v)))
    return next((records for records in inner if records is not None), None)


class _TooLarge:
    pass


class _JsonReader:
    """Reads a JSON text stream in chunks and decodes the elements of a top-level list one at a time."""

    def __init__(self, stream, limit: int):
        self.stream, self.limit = stream, limit
        self.buffer, self.pos, self.eof = "", 0, False

    def _fill(self, size: int = CHUNK) -> bool:
        if self.eof:
            return False
        chunk = self.stream.read(size)
        if not chunk:
            self.eof = True
            return False
        self.buffer = self.buffer[self.pos:] + chunk
        self.pos = 0
        return True

    def _skip(self, characters: str) -> str:
        """Skip ``characters``; the next character, or "" at the end."""
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in characters:
                self.pos += 1
            if self.pos < len(self.buffer) or not self._fill():
                return self.buffer[self.pos:self.pos + 1]

    def peek(self) -> str:
        return self._skip(" \t\r\n\ufeff")

    def advance(self, count: int) -> None:
        self.pos += count

    def elements(self, name: str) -> Iterator[object]:
        while True:
            following = self._skip(" \t\r\n,")
            if following in ("]", ""):
                return
            value = self._element(name)
            yield value
            if isinstance(value, (_Bad, _TooLarge)):
                return

    def _element(self, name: str) -> object:
        size = CHUNK
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buffer, self.pos)
                self.pos = end
                return value
            except RecursionError:
                return _Bad("is nested too deeply; the rest of the file is skipped")
            except ValueError as error:
                if len(self.buffer) - self.pos > self.limit:
                    return _TooLarge()
                if not self._fill(size):
                    return _Bad(f"is not valid JSON ({error.msg}); the rest of the file is skipped")
                size *= 2

    def rest(self, name: str) -> object:
        """The whole (non-list) document, up to the size limit."""
        while len(self.buffer) - self.pos <= self.limit and self._fill():
            pass
        if len(self.buffer) - self.pos > self.limit:
            raise InputRejected(name, _too_large_json(self.limit))
        try:
            return json.loads(self.buffer[self.pos:])
        except RecursionError:
            return _Bad("is nested too deeply")
        except ValueError as error:
            return _Bad(f"is not valid JSON ({error.msg} at line {error.lineno} column {error.colno})")


def _too_large(settings: Settings) -> str:
    return f"record too large: more than {settings.max_article_bytes:,} bytes (settings.max_article_bytes)"


def _too_large_json(limit: int) -> str:
    return (f"too large: a JSON object over {limit:,} bytes; give the records as a top-level list or as "
            "JSON Lines (.jsonl) to read them one at a time")
