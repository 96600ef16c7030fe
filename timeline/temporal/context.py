"""What a normaliser may know about a match besides its words: anchor, tense, an earlier date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..models import Timex
from ..settings import Settings
from .lexicon import Lexicon
from .tense import NONE, Cues

# Rules whose periods are counted from another period; they do not start a new chain ("a year earlier").
DERIVED_RULES = ("offset", "year_ago_period", "year_period")


@dataclass(frozen=True)
class Context:
    """One match in its text, with what the normalisers may use besides its words."""

    text: str
    start: int
    end: int
    anchor: date | None
    settings: Settings
    lexicon: Lexicon
    params: dict
    previous: Sequence[Timex] = ()  # the expressions found before this one, in order
    cues: Cues | None = None  # the text's tense cues, shared by all its matches

    @property
    def basis(self) -> str:
        return f"document date {self.anchor.isoformat()}" if self.anchor else ""

    @property
    def reference(self) -> date | None:
        """The latest day mentioned before this expression, else the anchor."""
        latest = self._latest_day()
        return latest.first_day if latest else self.anchor

    @property
    def reference_basis(self) -> str:
        latest = self._latest_day()
        return f"{latest.text!r} ({latest.first_day.isoformat()})" if latest else self.basis

    @property
    def latest_day(self) -> Timex | None:
        """The latest expression naming a day before this one, or None."""
        return self._latest_day()

    def _latest_day(self) -> Timex | None:
        return next((t for t in reversed(self.previous) if t.granularity in ("day", "time") and t.first_day), None)

    def latest_coarse(self, granularities: tuple[str, ...]) -> Timex | None:
        """The latest expression before this one of one of ``granularities`` (a year, a month) that is no count from
        another ("in 2017", not "a year later"), when no day is named after it; None otherwise."""
        for timex in reversed(self.previous):
            if timex.granularity in ("day", "time") and timex.first_day:
                return None
            if timex.granularity in granularities and timex.first_day and timex.rule not in DERIVED_RULES:
                return timex
        return None

    def latest_period(self, granularity: str, within: int = 400) -> Timex | None:
        """The latest expression of ``granularity`` ending at most ``within`` characters before this one."""
        for timex in reversed(self.previous):
            if self.start - timex.end > within:
                return None
            if timex.granularity == granularity and timex.first_day and timex.rule not in DERIVED_RULES:
                return timex
        return None

    def direction(self) -> str:
        """"future" when the tense cue nearest the match in its sentence is a future one, else "past"."""
        return self.tense() or "past"

    def tense(self, within: int = NONE) -> str | None:
        """"future" or "past" from the tense cue nearest the match in its sentence (at most ``within``
        characters away); None without such a cue."""
        return self.cues.tense(self.start, self.end, within)
