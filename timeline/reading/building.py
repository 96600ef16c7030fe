"""A raw record -> ``Article``. Reads the record's fields; adds the cleaned text, a stable id, and the
publication date by the documented order:

1. the record's metadata (JSON/CSV field, HTML meta tag);
2. a header date line ("date 2023-05-26 ...", "Published: ...", then "Updated ...");
3. a dateline with a full date ("Paris, 4 March 2024 (AFP):");
4. the day in the page's address ("/2024/03/04/slug"), when the record has one;
5. ``settings.published_override``.
A dateline without a year, or a month alone (a date line "date 2024-03", an address "/2024/03/slug"), is recorded
in published_basis for inference (``inference.infer_published``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..models import Article, Rejected
from ..settings import Settings
from .cleaning import Cleaned, clean, is_title_like
from .dates import parse_metadata_date, url_date
from .decoding import normalise

YEARLESS_PREFIX = "dateline without year: "
DATELINE_NOTE = "removed dateline: "  # the note that keeps a dateline cut from the text ("VELLGRAD (AP) —")
SUBTITLE_NOTE = "subtitle: "  # the note that keeps a page's subtitle (standfirst), which inference reads too
MONTH_PREFIX = "dated to the month only: "
TITLE_ONLY = "only a title: no article text under it"
URL_BASIS = "the page's address: "  # a publication day or month read from the record's url  # a page whose date line gives a month ("date 2017-08")


@dataclass(frozen=True)
class RawRecord:
    """What a format reader found for one article, before cleaning."""

    name: str
    text: str
    title: str = ""
    published: object = None  # as found: a string, a number, or None
    url: str = ""
    source: str = ""
    encoding: str = "utf-8"
    notes: tuple = field(default_factory=tuple)
    published_field: str = ""  # where the metadata date came from, e.g. "meta article:published_time"
    guess_title: bool = False  # plain text: the first short line without final punctuation is the title
    one_article: bool = False  # a file that is one article (.txt, .md): a lone headline in it is no article


def build(record: RawRecord, settings: Settings) -> Article | Rejected:
    """The article for one record, or the reason it cannot be one."""
    text = normalise(record.text)
    if not text.strip():
        return Rejected(record.name, TITLE_ONLY if normalise(record.title).strip() else "empty: no text")
    cleaned = clean(text, settings.data_dir, normalise(record.title).strip(), record.guess_title)
    body = cleaned.text or _fallback_body(cleaned)
    if not body or (record.one_article and not cleaned.title and _lone_title(body)):
        if body or cleaned.title or record.title.strip():
            return Rejected(record.name, TITLE_ONLY)
        return Rejected(record.name, "no article text left after removing page furniture and date lines")
    published, basis, notes = _publication(record, cleaned, settings)
    return Article(
        id=article_id(body),
        name=record.name,
        title=" ".join(normalise(record.title).split()) or cleaned.title,
        text=body,
        published=published,
        published_basis=basis,
        url=record.url.strip(),
        source=record.source.strip() or _outlet(cleaned),
        encoding=record.encoding,
        notes=tuple(record.notes) + tuple(notes) + _cleaning_notes(cleaned),
    )


def article_id(text: str) -> str:
    """Stable id from the content: the first 16 hex digits of the SHA-256 of the text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _lone_title(body: str) -> bool:
    """A body of one short line that does not end like a sentence: a headline with no article under it."""
    return "\n" not in body and is_title_like(body)


def _fallback_body(cleaned: Cleaned) -> str:
    """When only a title and a subtitle (a standfirst, which tells the news) were left, they are the text; a
    title alone is no article (the caller rejects it)."""
    if not cleaned.subtitle:
        return ""
    return "\n\n".join(part for part in (cleaned.title, cleaned.subtitle) if part)


def _publication(record: RawRecord, cleaned: Cleaned, settings: Settings) -> tuple[date | None, str, list]:
    notes = []
    if record.published not in (None, ""):
        value = parse_metadata_date(record.published, settings.data_dir, settings.language)
        if value is not None:
            return (*_story_day(value, f"{record.published_field or 'metadata'}: {str(record.published)[:80]}",
                                cleaned), notes)
        notes.append(f"unreadable publication date in metadata: {str(record.published)[:80]!r}")
    for kind in ("published", "updated"):
        found = [line for line in cleaned.date_lines if line.kind == kind and line.date.to_date() is not None]
        if found:  # the earliest: a site's clock above the story ("Thursday, 25 April 2024") is the later date
            first = min(found, key=lambda line: line.date.to_date())
            return (*_story_day(first.date.to_date(), first.text, cleaned), notes)
    line = cleaned.dateline
    if line is not None and line.date is not None and line.date.year is not None:
        return line.date.to_date(), line.text, notes
    from_url, url_month = url_date(record.url, settings.data_dir)
    if from_url is not None:
        return (*_story_day(from_url, f"{URL_BASIS}{record.url.strip()[:160]}", cleaned), notes)
    if settings.published_override is not None:
        return settings.published_override, "user override (--published)", notes
    if line is not None and line.date is not None:
        return None, YEARLESS_PREFIX + line.text, notes
    if cleaned.month is not None:
        year, month = cleaned.month
        return None, f"{MONTH_PREFIX}{year:04d}-{month:02d} ({cleaned.month_text})", notes
    if url_month is not None:
        year, month = url_month
        return None, f"{MONTH_PREFIX}{year:04d}-{month:02d} ({URL_BASIS}{record.url.strip()[:160]})", notes
    return None, "", notes


# A stamp this many days or more after a dateline with its own year is no day of the story (a page's clock, a
# repost): the story's weekdays would be counted from the wrong week.
STALE_STAMP_DAYS = 7

# A year-less dateline names the story's day when it falls at most this many days before the page's stamp.
STAMP_AFTER_DATELINE_DAYS = 366


def _story_day(day: date | None, basis: str, cleaned: Cleaned) -> tuple[date | None, str]:
    """(day, basis) of a page's stamp, or of the story's dateline when it names another day: with its own
    year, that day when the stamp is a week or more later (a page's clock, "Monday 3 May 2032", above "LIMA, June 9,
    2030"); without a year, the day after (a story of a later time zone than the site's clock), the day before ("GENEVA, March 3 (Agency) --" under a stamp of 4 March 03:40 in a later time zone), or
    months before (a site's clock, "Monday, May 19, 2031", above "Oslo, Dec 16:"). The dateline is the day
    the story was written, from which its "on Tuesday" counts; its year is the one that puts it on or before
    the stamp."""
    line = cleaned.dateline
    if day is None or line is None or line.date is None:
        return day, basis
    if line.date.year is not None:
        story = line.date.to_date()
        if story is None or (day - story).days < STALE_STAMP_DAYS:
            return day, basis  # a dated dateline near the stamp is a publication date of its own: the order decides
        return story, f"{line.text} (the story's dateline; the page's date {basis!r} is later)"
    if _day_after(line.date.month, line.date.day, day):
        return day + timedelta(days=1), f"{line.text} (the story's dateline, a day after the page's date: {basis})"
    story = _on_or_before(line.date.month, line.date.day, day)
    if story is None or story == day or (day - story).days > STAMP_AFTER_DATELINE_DAYS \
            or (day - story).days > 366 - STALE_STAMP_DAYS:
        return day, basis  # a dateline a few days after the stamp is no story of the year before
    if story == day - timedelta(days=1):
        return story, f"{line.text} (the story's dateline, a day before the page's date: {basis})"
    return story, f"{line.text} (the story's dateline; the page's date {basis!r} is later)"


def _day_after(month: int | None, day_of_month: int | None, stamp: date) -> bool:
    """True for a year-less dateline of the day after the stamp ("SEOUL, May 10" under a stamp of 9 May): a story
    written in a later time zone than the site's clock, not one of a year before."""
    following = stamp + timedelta(days=1)
    return (month, day_of_month) == (following.month, following.day)


def _on_or_before(month: int | None, day_of_month: int | None, limit: date) -> date | None:
    """The last day with that month and day on or before ``limit``; None for an impossible one."""
    if month is None or day_of_month is None:
        return None
    for year in (limit.year, limit.year - 1, limit.year - 2, limit.year - 3, limit.year - 4):
        try:
            candidate = date(year, month, day_of_month)
        except ValueError:
            continue  # 29 February in a common year
        if candidate <= limit:
            return candidate
    return None


def _outlet(cleaned: Cleaned) -> str:
    dateline = cleaned.dateline.outlet if cleaned.dateline is not None else ""
    return dateline or cleaned.signature


def noted(article: Article, prefix: str) -> str:
    """What the article's note that starts with ``prefix`` keeps (``SUBTITLE_NOTE``, ``DATELINE_NOTE``); "" for none."""
    return next((note[len(prefix):] for note in article.notes if note.startswith(prefix)), "")


def _cleaning_notes(cleaned: Cleaned) -> tuple:
    notes = [f"removed page furniture: {name}" for name in dict.fromkeys(cleaned.dropped)]
    if cleaned.subtitle and cleaned.text:
        notes.append(f"{SUBTITLE_NOTE}{cleaned.subtitle}")
    notes.extend(f"removed date line: {found.text}" for found in cleaned.date_lines)
    if cleaned.dateline is not None:
        notes.append(f"{DATELINE_NOTE}{cleaned.dateline.text}")
    return tuple(notes)
