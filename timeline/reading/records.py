"""Article records (a dict from JSON, JSON Lines or CSV) -> ``RawRecord``, tolerating missing, extra
and wrongly typed fields. Reads one record; adds a RawRecord or the reason it cannot be one.
"""

from __future__ import annotations

import re

from ..models import Rejected
from .building import RawRecord
from .decoding import from_surrogates

# Field names are compared by field_key: case, spaces, "_", "-" and "." do not count ("pub_date", "pubDate",
# "Pub Date" are one name).
TEXT_FIELDS = ("text", "body", "content", "article", "fulltext", "articletext", "articlebody", "story", "maintext",
               "contentelements", "bodytext", "storytext")
TITLE_FIELDS = ("title", "headline", "heading")
# Publication first; then creation, then (last) an update: each is the record's own date, better than any
# date guessed from the text.
DATE_FIELDS = ("published", "date", "publishedat", "publicationdate", "pubdate", "datepublished", "publisheddate",
               "publishdate", "publishedon", "firstpublished", "firstpublishdate", "firstpublishedat",
               "publishedtime", "releasedate", "issued", "posted", "postedat", "postedon", "datetime",
               "displaydate", "datecreated", "createdat", "created", "creationdate", "timestamp", "time",
               "dateupdated", "updatedat", "lastmodified", "datemodified", "modified")
URL_FIELDS = ("url", "link", "href", "uri", "permalink", "canonicalurl", "weburl")
SOURCE_FIELDS = ("source", "outlet", "publisher", "site", "sitename", "sourcename", "domain", "media")
# In a body given as a list of content elements ({"type": "text", "content": "..."}), the keys holding text,
# and the element types that are not article text.
ELEMENT_TEXT_KEYS = ("content", "text", "value", "body", "html")
SKIPPED_ELEMENT_TYPES = frozenset({"image", "video", "audio", "gallery", "embed", "ad", "advertisement",
                                   "related", "link", "links", "oembed", "raw_html", "interstitial_link"})
# The fields of an event record (the parse command's output, a gold file): its "article" names a file, it is no text.
EVENT_FIELDS = frozenset({"eventtype", "evidence"})
# A text that is one file name or web address ("01_talks.txt", "https://example.org/a"): a list of articles (a
# manifest of names and dates beside the pages) names them, it does not hold them.
_FILE_NAME = re.compile(r"\S{1,300}\.[A-Za-z][A-Za-z0-9]{0,4}|https?://\S{1,2000}")
_KEY_NOISE = re.compile(r"[\s_.\-]+")


def field_key(key: object) -> str:
    """A field name as compared: "Pub_Date", "pubDate" and "pub-date" all give "pubdate"."""
    return _KEY_NOISE.sub("", str(key).casefold())


def is_text_field(key: object) -> bool:
    """Whether a field (or CSV column) name is one of the names of an article's text."""
    return field_key(key) in TEXT_FIELDS


def from_mapping(record: object, name: str, encoding: str) -> RawRecord | Rejected:
    """The RawRecord for one JSON/CSV record, or a Rejected that says what is wrong with it."""
    if not isinstance(record, dict):
        return Rejected(name, f"record is not an object but {_kind(record)}")
    fields, written = {}, {}
    for key, value in record.items():
        if key is not None and field_key(key) not in fields:
            fields[field_key(key)], written[field_key(key)] = value, str(key).strip()
    if EVENT_FIELDS <= fields.keys():
        return Rejected(name, "an event record (as `parse` writes them, or a gold file holds), not an article")
    text_key = next((key for key in TEXT_FIELDS if key in fields), None)
    if text_key is None:
        return Rejected(name, "record has no text field (" + ", ".join(TEXT_FIELDS[:3]) + " or similar)")
    text, problem = _text_value(fields[text_key])
    if problem:
        return Rejected(name, f"record's {text_key!r} field {problem}")
    if _FILE_NAME.fullmatch(text.strip()):
        return Rejected(name, f"record's {text_key!r} field names a file or address ({text.strip()[:80]!r}), "
                              "it holds no article text")
    notes = []
    strings = {"text": text}
    for key, candidates in (("title", TITLE_FIELDS), ("url", URL_FIELDS), ("source", SOURCE_FIELDS)):
        strings[key] = _scalar(_first(fields, candidates), key, notes)
    date_key = next((key for key in DATE_FIELDS if fields.get(key) not in (None, "")), "")
    for key, value in strings.items():
        strings[key], repaired = from_surrogates(value)
        if repaired and "invalid UTF-8 read as cp1252" not in notes:
            notes.append("invalid UTF-8 read as cp1252")
    return RawRecord(name=name, published=fields.get(date_key), published_field=f"record field {written.get(date_key, date_key)!r}",
                     encoding=encoding, notes=tuple(notes), guess_title=not strings["title"].strip(), **strings)


def _text_value(value: object) -> tuple[str, str]:
    if isinstance(value, str):
        return (value, "") if value.strip() else ("", "is empty")
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return "\n\n".join(value), ""
    if isinstance(value, (list, dict)) and value:
        parts = [part for part in _element_texts(value, 0) if part.strip()]
        if parts:
            return "\n\n".join(parts), ""
    if value is None:
        return "", "is empty"
    return "", f"is {_kind(value)}, not text"


def _element_texts(value: object, depth: int) -> list[str]:
    """The text of a nested body, in order: a list of content elements ({"type": "text", "content": ...}),
    or an object holding the text under one of ELEMENT_TEXT_KEYS; images, embeds and the like are skipped."""
    if depth > 4:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in _element_texts(item, depth + 1)]
    if not isinstance(value, dict):
        return []
    keyed = {field_key(key): item for key, item in value.items()}
    if str(keyed.get("type", "")).casefold() in SKIPPED_ELEMENT_TYPES:
        return []
    found = next((keyed[key] for key in ELEMENT_TEXT_KEYS if isinstance(keyed.get(key), (str, list, dict))), None)
    return _element_texts(found, depth + 1) if found is not None else []


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
