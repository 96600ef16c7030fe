"""ParsedArticle <-> plain JSON-able dict, and back, exactly.

Reads: the frozen dataclasses of ``timeline.models``. Adds: nothing; it only changes their form.

The codec is driven by each dataclass's field annotations, so a field added to ``models.py`` is encoded
without touching this file. Dates become ISO strings, tuples become lists, nested records become dicts;
decoding turns them back according to the annotation. Plain data only: nothing is pickled or evaluated.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date
from functools import lru_cache
from typing import Any, Callable

from .models import ParsedArticle

# Bump when the encoded form changes; the cache folds it into its version key.
CODEC_VERSION = "1"

Decoder = Callable[[Any], Any]


def encode(parsed: ParsedArticle) -> dict[str, Any]:
    """A plain dict (str, int, float, bool, None, list, dict only) holding every field of ``parsed``."""
    return _to_plain(parsed)


def decode(data: dict[str, Any]) -> ParsedArticle:
    """The ParsedArticle that ``encode`` turned into ``data``."""
    return _decoder(ParsedArticle)(data)


def to_plain(record: Any) -> Any:
    """Any record of ``timeline.models`` (Article, Event, TimelineEvent...) as plain data."""
    return _to_plain(record)


def from_plain(cls: type, data: Any) -> Any:
    """The ``cls`` record that ``to_plain`` turned into ``data``."""
    return _decoder(cls)(data)


def dumps(parsed: ParsedArticle) -> bytes:
    """``encode`` as compact UTF-8 JSON bytes (lone surrogates survive)."""
    return to_json(parsed, separators=(",", ":")).encode("utf-8", "surrogatepass")


def to_json(record: Any, **options: Any) -> str:
    """``json.dumps(to_plain(record), ensure_ascii=False, **options)``, the same text, written without building
    the plain form first: json's own encoder walks the lists, tuples, dicts and plain values, and asks
    ``_plain_part`` only for records and dates."""
    return json.dumps(record, ensure_ascii=False, default=_plain_part, **options)


def _plain_part(value: Any) -> Any:
    """What ``_to_plain`` makes of a value json cannot write by itself: a record's fields (as a dict, in field
    order), a date's ISO form; anything else cannot be written either way."""
    names = _field_names(type(value))
    if names is not None:
        return {name: getattr(value, name) for name in names}
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def loads(data: bytes) -> ParsedArticle:
    """The ParsedArticle that ``dumps`` wrote."""
    return decode(json.loads(data.decode("utf-8", "surrogatepass")))


_PLAIN = (str, int, float, bool, type(None))


def _to_plain(value: Any) -> Any:
    if type(value) in _PLAIN:  # most fields: returned before the dataclass lookup
        return value
    names = _field_names(type(value))
    if names is not None:
        return {name: _to_plain(getattr(value, name)) for name in names}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_to_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _to_plain(item) for key, item in value.items()}
    return value


@lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type (None for any other type), looked up once per type."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


@lru_cache(maxsize=None)
def _decoder(annotation: Any) -> Decoder:
    """A function that rebuilds a value of type ``annotation`` from its plain form (built once per type)."""
    if dataclasses.is_dataclass(annotation):
        return _record_decoder(annotation)
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return _union_decoder(args)
    if origin is tuple:
        return _tuple_decoder(args)
    if origin is list:
        item = _decoder(args[0]) if args else _identity
        return lambda value: [item(v) for v in value]
    if origin is dict:
        item = _decoder(args[1]) if args else _identity
        return lambda value: {k: item(v) for k, v in value.items()}
    if annotation is date:
        return date.fromisoformat
    if annotation is float:
        return float
    return _identity


def _record_decoder(cls: type) -> Decoder:
    hints = typing.get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls) if f.init}
    converted = [(name, fn) for name in names if (fn := _decoder(hints[name])) is not _identity]

    def decode_record(value: dict[str, Any]) -> Any:
        kwargs = {name: item for name, item in value.items() if name in names}
        for name, fn in converted:
            if name in kwargs:
                kwargs[name] = fn(kwargs[name])
        return cls(**kwargs)

    return decode_record


def _union_decoder(args: tuple[Any, ...]) -> Decoder:
    options = [a for a in args if a is not type(None)]
    if len(options) != 1:
        return _identity  # unions of plain types (str | int) need no conversion
    inner = _decoder(options[0])
    return lambda value: None if value is None else inner(value)


def _tuple_decoder(args: tuple[Any, ...]) -> Decoder:
    if len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return lambda value: tuple(item(v) for v in value)
    if not args:
        return tuple
    items = [_decoder(a) for a in args]
    return lambda value: tuple(fn(v) for fn, v in zip(items, value))


def _identity(value: Any) -> Any:
    return value
