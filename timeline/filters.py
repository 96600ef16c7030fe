"""What the analyst is looking at: a frozen Filters value, applied to the event frame, and kept in a URL.

Reads: the frame of ``timeline.frame.to_frame``. Adds: nothing; ``apply`` returns the matching rows.
``to_query``/``from_query`` turn a Filters into URL query parameters and back, so that a filtered view
can be shared as a link; ``from_query`` never raises on a hand-edited or stale link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from .frame import search_texts
from .models import RULE

MATCHES = ("any", "all")
LANES = ("actor", "type")

_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_DOTS = re.compile(r"\.{2,}")


@dataclass(frozen=True)
class Filters:
    """The filter and view state. Empty tuples and None mean "no restriction"."""

    actors: tuple[str, ...] = ()  # actor or group ids; a group (country, organisation) includes its people
    match: str = "any"  # "any": an event with any chosen actor; "all": events with every chosen actor
    types: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    sources: tuple[str, ...] = ()  # article names
    text: str = ""
    undated: bool = True  # show undated events (in their own strip)
    lanes: str = "actor"  # one lane per actor, or one per event type
    background: bool = False  # show background mentions (history the articles retell), hidden by default
    min_confidence: float = 0.0  # hide events of a lower confidence (the parser's guesses); 0.0 shows all
    guesses: bool = True  # show the events a fallback guessed from a sentence no rule reads (``found_by`` not "rule")

    def with_(self, **changes) -> "Filters":
        return replace(self, **changes)

    def apply(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The rows of ``frame`` that pass every filter, in their order."""
        keep = pd.Series(True, index=frame.index)
        if self.actors:
            keep &= _actor_mask(frame["groups"], set(self.actors), self.match)
        if self.types:
            keep &= frame["event_type"].isin(self.types)
        if self.sources:
            chosen = set(self.sources)
            keep &= frame["articles"].map(lambda names: not chosen.isdisjoint(names)).astype(bool)
        keep &= self._date_mask(frame)
        if self.min_confidence > 0:
            keep &= self._confident(frame)
        if not self.background:
            keep &= ~frame["background"].astype(bool)
        if not self.guesses:
            keep &= frame["found_by"] == RULE
        shown = frame[keep]
        if self.text.strip():  # last: the search text is built for the rows left
            shown = shown[search_texts(shown).str.contains(self.text.strip().casefold(), regex=False).astype(bool)]
        return shown

    def hidden_background(self, frame: pd.DataFrame) -> int:
        """How many background mentions these filters would show if background were shown (0 when it is)."""
        return 0 if self.background else self._shown_if(frame["background"].astype(bool), frame, background=True)

    def hidden_guessed(self, frame: pd.DataFrame) -> int:
        """How many guesses (events a fallback guessed from a sentence no rule reads) these filters would show if
        guesses were shown (0 when they are)."""
        return 0 if self.guesses else self._shown_if(frame["found_by"] != RULE, frame, guesses=True)

    def hidden_below_confidence(self, frame: pd.DataFrame) -> int:
        """How many events these filters would show but for ``min_confidence`` (0 when it is not set)."""
        if self.min_confidence <= 0:
            return 0
        return self._shown_if(~self._confident(frame), frame, min_confidence=0.0)

    def _confident(self, frame: pd.DataFrame) -> pd.Series:
        """The rows of at least ``min_confidence`` (the tolerance: a slider's 0.15 may arrive as 0.15000000000000002)."""
        return frame["confidence"] >= self.min_confidence - 1e-6

    def _shown_if(self, rows: pd.Series, frame: pd.DataFrame, **changes) -> int:
        """How many of the ``rows`` of ``frame`` these filters would show with ``changes``."""
        return len(self.with_(**changes).apply(frame[rows])) if rows.any() else 0

    def _date_mask(self, frame: pd.DataFrame) -> pd.Series:
        dated = frame["start"].notna()
        mask = dated | self.undated
        if self.date_from:
            low = pd.Timestamp(self.date_from)
            mask &= ~dated | (frame["end"] > low)
            mask &= dated | ~(frame["window_end"] < low)
        if self.date_to:
            high = pd.Timestamp(self.date_to)
            mask &= ~dated | (frame["start"] <= high)
            mask &= dated | ~(frame["window_start"] > high)
        return mask

    def to_query(self) -> dict[str, str | list[str]]:
        """URL query parameters holding every non-default setting (lists become repeated keys)."""
        query: dict[str, str | list[str]] = {}
        if self.actors:
            query["actor"] = list(self.actors)
        if self.match != "any":
            query["match"] = self.match
        if self.types:
            query["type"] = list(self.types)
        if self.date_from:
            query["from"] = self.date_from.isoformat()
        if self.date_to:
            query["to"] = self.date_to.isoformat()
        if self.sources:
            query["source"] = list(self.sources)
        if self.text:
            query["q"] = self.text
        if not self.undated:
            query["undated"] = "0"
        if self.background:
            query["background"] = "1"
        if self.lanes != "actor":
            query["lanes"] = self.lanes
        if self.min_confidence > 0:
            query["confidence"] = f"{self.min_confidence:g}"
        if not self.guesses:
            query["guesses"] = "0"
        return query

    @classmethod
    def from_query(cls, query: Mapping[str, str | Iterable[str]]) -> "Filters":
        """The Filters a link describes; unknown keys and malformed values fall back to the defaults."""
        return cls(
            actors=_values(query, "actor"),
            match=_choice(_last(query, "match"), MATCHES),
            types=_values(query, "type"),
            date_from=_day(_last(query, "from")),
            date_to=_day(_last(query, "to")),
            sources=_values(query, "source"),
            text=_last(query, "q")[:200],
            undated=_last(query, "undated") not in ("0", "false", "no"),
            background=_last(query, "background") in ("1", "true", "yes"),
            lanes=_choice(_last(query, "lanes"), LANES),
            min_confidence=_share(_last(query, "confidence")),
            guesses=_last(query, "guesses") not in ("0", "false", "no"),
        )

    def slug(self) -> str:
        """A short, safe file-name stem describing the view: "timeline_un_2023-09-01_2023-09-30_conf0.30"."""
        parts = ["timeline", *self.actors[:3], *self.types[:3]]
        if self.date_from or self.date_to:
            parts += [self.date_from.isoformat() if self.date_from else "start",
                      self.date_to.isoformat() if self.date_to else "end"]
        if self.min_confidence > 0:
            parts.append(f"conf{self.min_confidence:.2f}")
        if not self.guesses:
            parts.append("noguesses")
        return safe_name("_".join(parts))[:80].strip("._-") or "timeline"


def chosen_of(chosen: Iterable[str], options: Iterable[str]) -> tuple[str, ...]:
    """The values of a list of ``options`` that a filter keeps to: ``chosen``, or none (no restriction) where every
    one of two or more options is chosen (a list's "Select all"). A link made then means "all of them", so that an
    option the data gains later (a new upload's type) is shown too; before, it named each option of that moment."""
    chosen, options = tuple(chosen), set(options)
    return () if len(options) > 1 and options <= set(chosen) else chosen


def safe_name(name: str) -> str:
    """``name`` with anything but ASCII letters, digits, dots, dashes and underscores replaced by "-", no
    runs of dots, and no dot, dash or underscore at either end (so never hidden, never an option)."""
    cleaned = _DOTS.sub(".", _UNSAFE_NAME.sub("-", name))
    return cleaned.strip("._-") or "timeline"


def _actor_mask(groups: pd.Series, chosen: set[str], match: str) -> pd.Series:
    if match == "all":
        return groups.map(lambda have: chosen.issubset(have)).astype(bool)
    return groups.map(lambda have: not chosen.isdisjoint(have)).astype(bool)


def _values(query: Mapping, key: str) -> tuple[str, ...]:
    raw = query.get(key, ())
    items = [raw] if isinstance(raw, str) else list(raw)
    return tuple(dict.fromkeys(str(item) for item in items if str(item).strip()))


def _last(query: Mapping, key: str) -> str:
    values = _values(query, key)
    return values[-1] if values else ""


def _choice(value: str, allowed: tuple[str, ...]) -> str:
    return value if value in allowed else allowed[0]


def _share(value: str) -> float:
    """A confidence of 0 to 1 from a link, to two decimals; 0.0 (show all) for anything else ("high", "nan", 5)."""
    try:
        number = round(float(value), 2) if value else 0.0
    except ValueError:
        return 0.0
    return number if 0.0 <= number <= 1.0 else 0.0


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
