"""What a normaliser may know about a match besides its words: anchor, tense, an earlier date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..models import Timex
from ..settings import Settings
from .lexicon import Lexicon

SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘(])|\n\s*\n")
WINDOW = 160
NONE = 10**6
# Rules whose periods are counted from another period; they do not start a new chain ("a year earlier").
DERIVED_RULES = ("offset", "year_ago_period")  # distance when a sentence has no cue
ADJACENT = re.compile(r"[\s,]*(?:at\s+)?")


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

    def _latest_day(self) -> Timex | None:
        return next((t for t in reversed(self.previous) if t.granularity in ("day", "time") and t.first_day), None)

    def latest_period(self, granularity: str, within: int = 400) -> Timex | None:
        """The latest expression of ``granularity`` ending at most ``within`` characters before this one."""
        for timex in reversed(self.previous):
            if self.start - timex.end > within:
                return None
            if timex.granularity == granularity and timex.first_day and timex.rule not in DERIVED_RULES:
                return timex
        return None

    def follows_previous(self) -> bool:
        """True when only spaces, commas or "at" separate this expression from the one before it."""
        gap = self.text[self.previous[-1].end : self.start] if self.previous else "x"
        return ADJACENT.fullmatch(gap) is not None

    def direction(self) -> str:
        """"future" when the tense cue nearest the match in its sentence is a future one, else "past"."""
        return self.tense() or "past"

    def tense(self, within: int = NONE) -> str | None:
        """"future" or "past" from the tense cue nearest the match in its sentence (at most ``within``
        characters away); None without such a cue."""
        before = self.text[max(0, self.start - WINDOW) : self.start]
        if self.lexicon.future_preposition.search(before[-12:]):
            return "future"
        ends = list(SENTENCE_END.finditer(before))
        if ends:
            before = before[ends[-1].end() :]
        after = self.text[self.end : self.end + WINDOW // 2]
        cut = SENTENCE_END.search(after)
        after = after[: cut.start()] if cut else after
        future = _nearest(self.lexicon.future_cues, before, after)
        past = _nearest(self.lexicon.past_cues, before, after)
        if min(future, past) > within or future == past == NONE:
            return None
        return "future" if future <= past else "past"


def _nearest(cues: re.Pattern, before: str, after: str) -> int:
    """Distance in characters from the match to the closest cue on either side (a large number if none)."""
    distances = [len(before) - m.end() for m in cues.finditer(before)]
    distances += [m.start() for m in cues.finditer(after)]
    return min(distances, default=NONE)
