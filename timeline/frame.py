"""TimelineEvents <-> a pandas DataFrame, the one table the dashboard, the charts and the exports read.

Reads: ``TimelineEvent`` records and an actor lookup (id -> ``Actor``, for names and affiliations).
Adds: one row per event with plotting coordinates (``start``/``end``, end exclusive, never zero-width),
a ``mark`` (exact, inferred, range, undated), an HTML-escaped ``hover`` summary, the actors' ``groups`` (each actor's own id plus the
countries and organisations it belongs to, so that choosing a country includes its people), the source
articles, and a casefolded ``search`` text. ``events_of(frame)`` gives the records back, unchanged.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from .models import Actor, Corpus, ParsedArticle, Rejected, TimelineEvent

# Words in a date basis that say the day was not stated for this event but carried over
# (from the publication date, or from the dated event a sentence continues).
INFERRED_BASIS_WORDS = ("publication", "published", "inferred", "continues", "carried", "merged")

MARKS = ("exact", "inferred", "range", "undated")

COLUMNS = (
    "id", "event_type", "title", "date", "date_end", "start", "end", "precision", "mark", "day",
    "date_basis", "actors", "actor_ids", "groups", "location", "confidence", "n_sources", "articles",
    "window_start", "window_end", "search", "hover", "event",
)

ActorLookup = Callable[[str], "Actor | None"]


@dataclass(frozen=True)
class ActorInfo:
    """What the filters show for one actor id: its name, kind, the group it sits under, its event count."""

    id: str
    name: str
    kind: str
    parent: str  # actor id of its first affiliation, "" for countries and organisations
    count: int


def to_frame(events: Iterable[TimelineEvent], lookup: ActorLookup | None = None) -> pd.DataFrame:
    """One row per event, sorted by day (undated last), with the columns in ``COLUMNS``."""
    lookup = lookup or (lambda _id: None)
    memo: dict[tuple[str, ...], tuple[str, ...]] = {}

    def groups(actor_ids: tuple[str, ...]) -> tuple[str, ...]:
        if actor_ids not in memo:
            memo[actor_ids] = groups_of(actor_ids, lookup)
        return memo[actor_ids]

    rows = [_row(event, groups) for event in events]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for column in ("date", "date_end", "start", "end", "window_start", "window_end"):
        frame[column] = pd.to_datetime(frame[column])
    frame["confidence"] = frame["confidence"].astype(float)
    frame["n_sources"] = frame["n_sources"].astype(int)
    frame = frame.sort_values(["start", "id"], na_position="last", kind="stable")
    return frame.reset_index(drop=True)


def events_of(frame: pd.DataFrame) -> list[TimelineEvent]:
    """The TimelineEvent records behind the rows of ``frame``, in row order."""
    return list(frame["event"])


def _row(event: TimelineEvent, groups: Callable[[tuple[str, ...]], tuple[str, ...]]) -> dict:
    start, end = plot_span(event)
    window = event.date_window or (None, None)
    articles = tuple(dict.fromkeys(s.article for s in event.sources))
    return {
        "id": event.id,
        "event_type": event.event_type,
        "title": event.title,
        "date": event.date,
        "date_end": event.date_end,
        "start": start,
        "end": end,
        "precision": event.precision,
        "mark": mark_of(event),
        "day": day_label(event),
        "date_basis": event.date_basis,
        "actors": tuple(event.actors),
        "actor_ids": tuple(event.actor_ids),
        "groups": groups(tuple(event.actor_ids)),
        "location": event.location or "",
        "confidence": event.confidence,
        "n_sources": len(event.sources),
        "articles": articles,
        "window_start": window[0],
        "window_end": window[1],
        "search": _search_text(event),
        "hover": hover_text(event),
        "event": event,
    }


def plot_span(event: TimelineEvent) -> tuple[date | None, date | None]:
    """First day and the day after the last (exclusive), so a one-day event is one day wide."""
    if event.date is None:
        return None, None
    last = event.date_end if event.date_end and event.date_end > event.date else event.date
    return event.date, last + timedelta(days=1)


def mark_of(event: TimelineEvent) -> str:
    """How the day is known: a real range, an exact day, an inferred day (or coarser), or undated."""
    if event.date is None:
        return "undated"
    if event.date_end is not None and event.date_end > event.date:
        return "range"
    basis = event.date_basis.casefold()
    if event.precision != "day" or any(word in basis for word in INFERRED_BASIS_WORDS):
        return "inferred"
    return "exact"


def day_label(event: TimelineEvent) -> str:
    """The day as an analyst reads it: "2023-09-23", "2023-09-20 – 2023-09-22", "undated"."""
    if event.date is None:
        window = event.date_window or (None, None)
        if window[0] or window[1]:
            return f"undated (between {_iso(window[0])} and {_iso(window[1])})"
        return "undated"
    if event.date_end is not None and event.date_end > event.date:
        return f"{event.date.isoformat()} – {event.date_end.isoformat()}"
    if event.precision == "month":
        return event.date.strftime("%Y-%m")
    if event.precision == "year":
        return str(event.date.year)
    return event.date.isoformat()


def _iso(day: date | None) -> str:
    return day.isoformat() if day else "?"


def groups_of(actor_ids: Iterable[str], lookup: ActorLookup) -> tuple[str, ...]:
    """The actor ids plus the countries and organisations they belong to, directly or through a body."""
    groups: dict[str, None] = {}
    pending = list(actor_ids)
    while pending:
        actor_id = pending.pop(0)
        if actor_id in groups:
            continue
        groups[actor_id] = None
        actor = lookup(actor_id)
        pending.extend(actor.affiliations if actor else ())
    return tuple(groups)


def lookup_for(corpus: Corpus, known: ActorLookup | None = None) -> ActorLookup:
    """An id -> Actor lookup over the gazetteer's ``known`` actors and those the corpus discovered."""
    discovered = {actor.id: actor for parsed in corpus.parsed for actor in parsed.actors}
    known = known or (lambda _id: None)
    return lambda actor_id: known(actor_id) or discovered.get(actor_id)


@dataclass(frozen=True)
class Board:
    """What the dashboard shows for one corpus; built once per corpus and cached by the app."""

    frame: pd.DataFrame
    actors: tuple[ActorInfo, ...]
    kinds: dict[str, str]  # actor id -> person, organization or country
    articles: dict[str, ParsedArticle]  # by Article.name
    rejected: tuple[Rejected, ...]


def board_for(corpus: Corpus, known: ActorLookup | None = None) -> Board:
    """The frame, actor list, articles and rejects of ``corpus`` (``known``: the gazetteer's ``get``)."""
    lookup = lookup_for(corpus, known)
    frame = to_frame(corpus.timeline, lookup)
    actors = tuple(actor_infos(frame, lookup))
    return Board(
        frame=frame,
        actors=actors,
        kinds={info.id: info.kind for info in actors},
        articles={parsed.article.name: parsed for parsed in corpus.parsed},
        rejected=tuple(corpus.rejected),
    )


def counts(frame: pd.DataFrame, column: str) -> dict[str, int]:
    """How many events carry each value of ``column`` (lists are counted per item), most first."""
    values = frame[column]
    if len(values) and isinstance(values.iloc[0], tuple):
        values = values.explode().dropna()
    return {str(k): int(v) for k, v in values.value_counts().items()}


def date_span(frame: pd.DataFrame) -> tuple[date, date] | None:
    """The first and last day of the dated events, or None."""
    starts, ends = frame["start"].dropna(), frame["end"].dropna()
    if starts.empty:
        return None
    return starts.min().date(), (ends.max() - timedelta(days=1)).date()


def select(frame: pd.DataFrame, event_ids: Iterable[str]) -> pd.DataFrame:
    """The rows of ``frame`` whose id is in ``event_ids``, in frame order."""
    return frame[frame["id"].isin(list(event_ids))]


def hover_text(event: TimelineEvent) -> str:
    """The chart's hover box for an event: title, day, type, basis, actors, sources; HTML-escaped."""
    return (
        f"<b>{_escape(_shorten(event.title, 90))}</b><br>{_escape(day_label(event))} · {_escape(event.event_type)}"
        f"<br><i>basis:</i> {_escape(_shorten(event.date_basis, 120)) or 'not stated'}"
        f"<br><i>actors:</i> {_escape(_shorten(', '.join(event.actors), 120)) or 'none named'}"
        f"<br><i>sources:</i> {len(event.sources)}"
    )


def _escape(text: str) -> str:
    return html.escape(str(text), quote=False)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _search_text(event: TimelineEvent) -> str:
    parts = [event.title, event.event_type, event.date_basis, event.location or "", *event.actors]
    parts += [source.evidence for source in event.sources]
    parts += [source.article for source in event.sources]
    return " ".join(parts).casefold()


def actor_infos(frame: pd.DataFrame, lookup: ActorLookup | None = None) -> list[ActorInfo]:
    """Every actor and group in ``frame``, groups first, each followed by its people, with event counts."""
    lookup = lookup or (lambda _id: None)
    counts = Counter(group for groups in frame["groups"] for group in groups)
    names = _names_in(frame)
    infos = {gid: _info(gid, counts[gid], names, lookup) for gid in counts}
    ordered: list[ActorInfo] = []
    for info in sorted(infos.values(), key=_group_order):
        if info.parent and info.parent in infos:
            continue
        ordered.append(info)
        members = [m for m in infos.values() if m.parent == info.id]
        ordered += sorted(members, key=lambda m: (-m.count, m.name.casefold()))
    return ordered


def _group_order(info: ActorInfo) -> tuple:
    rank = {"country": 0, "organization": 1}.get(info.kind, 2)
    return (bool(info.parent), rank, -info.count, info.name.casefold())


def _info(actor_id: str, count: int, names: Mapping[str, str], lookup: ActorLookup) -> ActorInfo:
    actor = lookup(actor_id)
    name = actor.name if actor else names.get(actor_id, actor_id)
    kind = actor.kind if actor else "person"
    parent = actor.affiliations[0] if actor and actor.affiliations else ""
    return ActorInfo(actor_id, name, kind, parent, count)


def _names_in(frame: pd.DataFrame) -> dict[str, str]:
    names: dict[str, str] = {}
    for ids, actors in zip(frame["actor_ids"], frame["actors"]):
        names.update(zip(ids, actors))
    return names


def table_view(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns an analyst reads in the events table: day, type, title, actors, sources, basis."""
    return pd.DataFrame(
        {
            "Day": frame["day"],
            "Type": frame["event_type"],
            "Title": frame["title"],
            "Actors": frame["actors"].map(", ".join),
            "Sources": frame["n_sources"],
            "Date basis": frame["date_basis"],
            "Location": frame["location"],
            "Confidence": frame["confidence"].round(2),
        }
    ).reset_index(drop=True)


def to_csv(frame: pd.DataFrame) -> bytes:
    """The events as CSV (UTF-8), one row per event, lists joined with "; "."""
    table = pd.DataFrame(
        {
            "id": frame["id"],
            "date": frame["date"].dt.strftime("%Y-%m-%d"),
            "date_end": frame["date_end"].dt.strftime("%Y-%m-%d"),
            "precision": frame["precision"],
            "event_type": frame["event_type"],
            "title": frame["title"],
            "actors": frame["actors"].map("; ".join),
            "actor_ids": frame["actor_ids"].map("; ".join),
            "location": frame["location"],
            "date_basis": frame["date_basis"],
            "confidence": frame["confidence"],
            "sources": frame["articles"].map("; ".join),
        }
    )
    return table.to_csv(index=False).encode("utf-8")


def to_json(frame: pd.DataFrame) -> bytes:
    """The events as a JSON list of TimelineEvent records, with their sources and evidence."""
    records = [event.to_dict() for event in events_of(frame)]
    return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")


def meeting_edges(frame: pd.DataFrame, types: Iterable[str] = ("meeting", "call", "visit")) -> pd.DataFrame:
    """Who met or called whom: one row per pair of actors, weight = number of events, with their ids."""
    pairs: dict[tuple[str, str], list[str]] = {}
    names = _names_in(frame)
    wanted = frame[frame["event_type"].isin(tuple(types))]
    for event_id, ids in zip(wanted["id"], wanted["actor_ids"]):
        unique = sorted(set(ids))
        for i, first in enumerate(unique):
            for second in unique[i + 1:]:
                pairs.setdefault((first, second), []).append(event_id)
    rows = [
        {"source": a, "target": b, "source_name": names.get(a, a), "target_name": names.get(b, b),
         "weight": len(ids), "event_ids": tuple(ids)}
        for (a, b), ids in pairs.items()
    ]
    columns = ["source", "target", "source_name", "target_name", "weight", "event_ids"]
    edges = pd.DataFrame(rows, columns=columns)
    return edges.sort_values(["weight", "source_name", "target_name"], ascending=[False, True, True],
                             kind="stable").reset_index(drop=True)
