"""Article records (a dict from JSON, JSON Lines or CSV) -> ``RawRecord``, tolerating missing, extra
and wrongly typed fields. Reads one record; adds a RawRecord or the reason it cannot be one.
"""

from __future__ import annotations

from ..models import Rejected
from .building import RawRecord
from .decoding import from_surrogates

TEXT_FIELDS = ("text", "body", "content", "article", "full_text", "fulltext", "article_text", "story", "maintext")
TITLE_FIELDS = ("title", "headline", "heading")
DATE_FIELDS = ("published", "date", "published_at", "publication_date", "pubdate", "date_published",
               "datepublished", "published_date", "publish_date", "datetime", "created_at", "timestamp", "time")
URL_FIELDS = ("url", "link", "href", "uri", "permalink")
SOURCE_FIELDS = ("source", "outlet", "publisher", "site", "site_name", "source_name", "domain", "media")


def from_mapping(record: object, name: str, encoding: str) -> RawRecord | Rejected:
    """The RawRecord for one JSON/CSV record, or a Rejected that says what is wrong with it."""
    if not isinstance(record, dict):
        return Rejected(name, f"record is not an object but {_kind(record)}")
    fields = {str(key).strip().casefold(): value for key, value in record.items() if key is not None}
    text_key = next((key for key in TEXT_FIELDS if key in fields), None)
    if text_key is None:
        return Rejected(name, "record has no text field (" + ", ".join(TEXT_FIELDS[:3]) + " or similar)")
    text, problem = _text_value(fields[text_key])
    if problem:
        return Rejected(name, f"record's {text_key!r} field {problem}")
    notes = []
    strings = {"text": text}
    for key, candidates in (("title", TITLE_FIELDS), ("url", URL_FIELDS), ("source", SOURCE_FIELDS)):
        strings[key] = _scalar(_first(fields, candidates), key, notes)
    date_key = next((key for key in DATE_FIELDS if fields.get(key) not in (None, "")), "")
    for key, value in strings.items():
        strings[key], repaired = from_surrogates(value)
        if repaired and "invalid UTF-8 read as cp1252" not in notes:
            notes.append("invalid UTF-8 read as cp1252")
    return RawRecord(name=name, published=fields.get(date_key), published_field=f"record field {date_key!r}",
                     encoding=encoding, notes=tuple(notes), guess_title=not strings["title"].strip(), **strings)


def _text_value(value: object) -> tuple[str, str]:
    if isinstance(value, str):
        return (value, "") if value.strip() else ("", "is empty")
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return "\n\n".join(value), ""
    if value is None:
        return "", "is empty"
    return "", f"is {_kind(value)}, not text"


def _first(fields: dict, candidates: tuple) -> object:
    return next((fields[key] for key in candidates if fields.get(key) not in (None, "")), None)


def _scalar(value: object, key: str, notes: list) -> str:
    """A string field; a source given as {"name": ...} gives its name; other types are noted."""
    if value is None or isinstance(value, str):
        return value or ""
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    notes.append(f"ignored {key} field of type {_kind(value)}")
    return ""


def _kind(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "a number",
             float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
