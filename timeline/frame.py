"""TimelineEvents <-> a pandas DataFrame, the one table the dashboard, the charts and the exports read.

Reads: ``TimelineEvent`` records and an actor lookup (id -> ``Actor``, for names and affiliations).
Adds: one row per event with plotting coordinates (``start``/``end``, end exclusive, never zero-width),
a ``mark`` (exact, inferred, range, undated), a ``day`` label, the ``background`` flag (history the articles
retell, which the app hides unless asked), ``found_by`` (a trigger rule, or the fallback that guessed it: the app
can hide guesses), the actors' ``groups`` (each actor's own id plus the countries and organisations it belongs to,
so that choosing a country includes its people), the source articles. ``search_texts`` gives the casefolded text a search looks in. ``events_of(frame)`` gives the records back, unchanged.
"""

from __future__ import annotations

import gc
import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from operator import attrgetter

import numpy as np
import pandas as pd

from .models import Actor, Corpus, ParsedArticle, Rejected, TimelineEvent

# Words in a date basis that say the day was not stated for this event but carried over
# (from the publication date, or from the dated event a sentence continues).
INFERRED_BASIS_WORDS = ("publication", "published", "inferred", "continues", "carried", "merged")

MARKS = ("exact", "inferred", "range", "undated")
# How each mark says the day is known, in words: the chart's legend, the events table and the evidence panel
DAY_KNOWN = {"exact": "day stated", "inferred": "day inferred or coarser", "range": "date range",
             "undated": "no day stated"}

COLUMNS = (
    "id", "event_type", "title", "date", "date_end", "start", "end", "precision", "mark", "day",
    "date_basis", "actors", "actor_ids", "groups", "location", "confidence", "n_sources", "articles",
    "window_start", "window_end", "background", "found_by", "event",
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
    spelled_out: str = ""  # an organisation known by its initials: its name in full ("World Health Organization")


def to_frame(events: Iterable[TimelineEvent], lookup: ActorLookup | None = None) -> pd.DataFrame:
    """One row per event, sorted by day (undated last), with the columns in ``COLUMNS``.

    One pass over the events (one small tuple per event), then whole columns at once; day labels, marks,
    windows and actor groups are computed once per distinct value (``pd.factorize``). Reading the
    events and their sources is most of the time: about 1 s per 100,000 on a loaded 2-core machine.
    """
    with _no_gc():
        return _build(list(events), lookup or (lambda _id: None))


@contextmanager
def _no_gc():
    """The cyclic garbage collector paused: a bulk build makes many small tuples and no cycles, and the
    collections it would trigger (each walking every live object) cost more than the build itself."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _build(events: list[TimelineEvent], lookup: ActorLookup) -> pd.DataFrame:
    if not events:
        return pd.DataFrame({name: pd.Series(dtype=_EMPTY_TYPES.get(name, object)) for name in COLUMNS})
    values = {name: _objects(column) for name, column in zip(_FIELDS, zip(*map(_fields, events)))}
    first = values["first"].astype(np.int64)
    order = np.lexsort((values["id"].astype(str), np.where(first < 0, np.iinfo(np.int64).max, first)))
    if (order[1:] < order[:-1]).any():  # the events did not come sorted
        values = {name: column[order] for name, column in values.items()}
    columns = {name: values[name] for name in _FIELDS[:9]}
    columns["groups"] = _per_distinct(values["actor_ids"], lambda ids: groups_of(ids, lookup))
    columns["confidence"] = values["confidence"].astype(float)
    columns["n_sources"] = values["n_sources"].astype(int)
    columns["background"] = values["background"].astype(bool)
    columns["found_by"] = values["found_by"]
    window_codes, windows = pd.factorize(values["window"])
    columns["day"] = _day_labels(values, window_codes, windows)
    columns["event"] = _objects(events)[order]
    columns.update(_spans(values, window_codes, windows))
    return pd.DataFrame({name: columns[name] for name in COLUMNS})


def _objects(values) -> np.ndarray:
    """A one-dimensional object array of ``values`` (tuples stay whole elements)."""
    return np.fromiter(values, dtype=object, count=len(values))


_FIELDS = ("id", "event_type", "title", "precision", "date_basis", "actors", "actor_ids", "location", "articles",
           "confidence", "n_sources", "first", "last", "window", "date", "date_end", "background",
           "found_by")
_EMPTY_TYPES = {name: "datetime64[ns]" for name in ("date", "date_end", "start", "end", "window_start", "window_end")}
_EMPTY_TYPES |= {"confidence": float, "n_sources": int, "background": bool}
_ARTICLE = attrgetter("article")


def _fields(e: TimelineEvent) -> tuple:
    """The values of one event that the columns are made of, in ``_FIELDS`` order."""
    sources = e.sources
    return (e.id, e.event_type, e.title, e.precision, e.date_basis, tuple(e.actors), tuple(e.actor_ids),
            e.location or "", tuple(dict.fromkeys(map(_ARTICLE, sources))), e.confidence, len(sources),
            e.date.toordinal() if e.date else -1, e.date_end.toordinal() if e.date_end else -1, e.date_window,
            e.date, e.date_end, e.background, e.found_by)


def _per_distinct(keys: np.ndarray, compute: Callable) -> np.ndarray:
    """``compute(key)`` for each key (hashable), computed once per distinct key."""
    codes, distinct = pd.factorize(keys)
    return _objects([compute(key) for key in distinct])[codes]


def _combined_codes(*codes: np.ndarray) -> np.ndarray:
    """One code per distinct combination of the given code columns, numbered as they first appear."""
    combined = np.zeros(len(codes[0]), dtype=np.int64)
    for column in codes:
        column = pd.factorize(column)[0] + 1
        combined = pd.factorize(combined * (int(column.max()) + 1) + column)[0].astype(np.int64)
    return combined


def _first_rows(codes: np.ndarray) -> np.ndarray:
    """For each code 0..k-1 of ``pd.factorize`` (which numbers values as they first appear), its first row."""
    seen = np.maximum.accumulate(codes)
    return np.flatnonzero(codes > np.concatenate(([-1], seen[:-1])))


def _day_labels(values: dict[str, np.ndarray], window_codes: np.ndarray, windows: np.ndarray) -> np.ndarray:
    """The ``day`` label of each row, worked out once per distinct (first, last, precision, window)."""
    precision_codes = pd.factorize(values["precision"])[0]
    codes = _combined_codes(values["first"].astype(np.int64), values["last"].astype(np.int64), precision_codes,
                            window_codes)
    labels = [_label(values["date"][i], values["date_end"][i], values["precision"][i], values["window"][i])
              for i in _first_rows(codes)]
    return _objects(labels)[codes]


def _coarse_rows(values: dict[str, np.ndarray]) -> np.ndarray:
    """True where the (precision, date basis) pair says the day is not stated for this very event."""
    keys = _combined_codes(pd.factorize(values["precision"])[0], pd.factorize(values["date_basis"])[0])
    pairs = [(values["precision"][i], values["date_basis"][i]) for i in _first_rows(keys)]
    return np.array([_coarse(pair) for pair in pairs], dtype=bool)[keys]


def _spans(values: dict[str, np.ndarray], window_codes: np.ndarray, windows: np.ndarray) -> dict[str, pd.Series]:
    """The dates, the plotting span (``start``, ``end`` exclusive), the ``mark``, and the undated window."""
    first, last = values["first"].astype(np.int64), values["last"].astype(np.int64)
    dated = first >= 0
    is_range = dated & (last > first)
    end = np.where(is_range, last, first) + 1
    mark = np.where(~dated, "undated", np.where(is_range, "range", np.where(_coarse_rows(values), "inferred", "exact")))
    window_first = np.array([w[0].toordinal() if w and w[0] else -1 for w in windows] + [-1], dtype=np.int64)
    window_last = np.array([w[1].toordinal() if w and w[1] else -1 for w in windows] + [-1], dtype=np.int64)
    return {
        "date": _timestamps(first), "date_end": _timestamps(last),
        "start": _timestamps(first), "end": _timestamps(np.where(dated, end, -1)),
        "mark": pd.Series(mark, dtype=object),
        "window_start": _timestamps(window_first[window_codes]),
        "window_end": _timestamps(window_last[window_codes]),
    }


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def _timestamps(ordinals: np.ndarray) -> pd.Series:
    """Midnight of each day number (a proleptic ordinal), NaT for -1."""
    values = (ordinals - _EPOCH_ORDINAL).astype("datetime64[D]").astype("datetime64[ns]")
    return pd.Series(np.where(ordinals >= 0, values, np.datetime64("NaT")), dtype="datetime64[ns]")


def _coarse(key: tuple[str, str]) -> bool:
    """True when a (precision, date basis) pair says the day is not stated for this very event."""
    precision, basis = key
    return precision != "day" or _inferred_basis(basis)


def _inferred_basis(basis: str) -> bool:
    basis = basis.casefold()
    return any(word in basis for word in INFERRED_BASIS_WORDS)


def events_of(frame: pd.DataFrame) -> list[TimelineEvent]:
    """The TimelineEvent records behind the rows of ``frame``, in row order."""
    return list(frame["event"])


def background_reason(event: TimelineEvent) -> str:
    """Why a background event is background: the part of its date basis that says so
    (timeline/background.py), else a general reason."""
    parts = [part for part in event.date_basis.split("; ") if part.endswith(": background")]
    return parts[-1].removesuffix(": background") if parts else "every report tells it as history"


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
    if event.precision != "day" or _inferred_basis(event.date_basis):
        return "inferred"
    return "exact"


def day_label(event: TimelineEvent) -> str:
    """The day as an analyst reads it: "2023-09-23", "2023-09-20 – 2023-09-22", "undated"."""
    return _label(event.date, event.date_end, event.precision, event.date_window)


def _label(day: date | None, day_end: date | None, precision: str, window) -> str:
    if day is None:
        window = window or (None, None)
        first, last = window
        if first and last:
            return f"undated (between {first.isoformat()} and {last.isoformat()})"
        if first or last:
            return f"undated (from {first.isoformat()})" if first else f"undated (by {last.isoformat()})"
        return "undated"
    if day_end is not None and day_end > day:
        return f"{day.isoformat()} – {day_end.isoformat()}"
    if precision == "month":
        return day.strftime("%Y-%m")
    if precision == "year":
        return str(day.year)
    return day.isoformat()


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


def newest_first(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``frame`` with the latest day first (the events table: an analyst reads the news from the
    top; in day order the first rows were the oldest, often history retold or a page misdated by decades),
    the undated last, each group in its order in ``frame``."""
    start = frame["start"].to_numpy()
    dated = ~np.isnat(start)
    order = np.argsort(-start[dated].astype("datetime64[D]").astype(np.int64), kind="stable")
    return frame.iloc[np.concatenate((np.flatnonzero(dated)[order], np.flatnonzero(~dated)))]


def search_texts(frame: pd.DataFrame) -> pd.Series:
    """The casefolded text a search looks in, per row: title, type, basis, place, actors, evidence, sources.

    Computed on demand (only a text search needs it), for the rows given.
    """
    return pd.Series([_search_text(event) for event in frame["event"]], index=frame.index, dtype=object)


def _search_text(e: TimelineEvent) -> str:
    return " ".join((e.title, e.event_type, e.date_basis, e.location or "", *e.actors,
                     *[s.evidence for s in e.sources], *[s.article for s in e.sources])).casefold()


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
    return ActorInfo(actor_id, name, kind, parent, count, spelled_out(actor))


def spelled_out(actor: "Actor | None") -> str:
    """The full name of an organisation the gazetteer names by its initials (its first alias of several words),
    so that an analyst who types "World Health" in the Actors list finds WHO; "" otherwise."""
    if actor is None or actor.kind != "organization" or " " in actor.name or not actor.name.replace(".", "").isupper():
        return ""
    return next((alias for alias in actor.aliases if " " in alias), "")


def _names_in(frame: pd.DataFrame) -> dict[str, str]:
    names: dict[str, str] = {}
    for ids, actors in zip(frame["actor_ids"], frame["actors"]):
        names.update(zip(ids, actors))
    return names


def table_view(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns an analyst reads in the events table: day, how it is known, type, title, actors, sources, basis."""
    return pd.DataFrame(
        {
            "Day": frame["day"],
            "Day known": frame["mark"].map(DAY_KNOWN),
            "Type": frame["event_type"],
            "Title": frame["title"],
            "Actors": frame["actors"].map(", ".join),
            "Sources": frame["n_sources"],
            "Date basis": frame["date_basis"],
            "Location": frame["location"],
            "Confidence": frame["confidence"].round(2),
            "Background": frame["background"],
            "Found by": frame["found_by"],
        }
    ).reset_index(drop=True)


def to_csv(frame: pd.DataFrame) -> bytes:
    """The events as CSV (UTF-8), one row per event, lists joined with "; ", with how each day is known and the
    evidence: each source's sentence after its file name, joined with " | ". An undated event keeps the days that
    bound it (``window_start``, ``window_end``; either may be empty).

    A text cell that starts with "=", "+", "-", "@", a tab or a carriage return gets a leading "'", so that a
    spreadsheet opening the file shows it as text instead of running it as a formula (CSV injection).
    """
    table = pd.DataFrame(
        {
            "id": frame["id"],
            "date": frame["date"].dt.strftime("%Y-%m-%d"),
            "date_end": frame["date_end"].dt.strftime("%Y-%m-%d"),
            "window_start": frame["window_start"].dt.strftime("%Y-%m-%d"),
            "window_end": frame["window_end"].dt.strftime("%Y-%m-%d"),
            "precision": frame["precision"],
            "day_known": frame["mark"].map(DAY_KNOWN),
            "event_type": frame["event_type"],
            "title": frame["title"],
            "actors": frame["actors"].map("; ".join),
            "actor_ids": frame["actor_ids"].map("; ".join),
            "location": frame["location"],
            "date_basis": frame["date_basis"],
            "confidence": frame["confidence"],
            "background": frame["background"],
            "found_by": frame["found_by"],
            "sources": frame["articles"].map("; ".join),
            "evidence": frame["event"].map(_evidence),
        }
    )
    for column in table.columns:
        if table[column].dtype == object or pd.api.types.is_string_dtype(table[column]):
            table[column] = table[column].map(_as_text)
    return table.to_csv(index=False).encode("utf-8")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _evidence(event: TimelineEvent) -> str:
    return " | ".join(f"{source.article}: {source.evidence}" for source in event.sources)


def _as_text(value):
    """A cell a spreadsheet will not read as a formula (see ``to_csv``)."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


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
