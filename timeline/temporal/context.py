"""What a normaliser may know about a match besides its words: anchor, tense, an earlier date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..settings import Settings
from .lexicon import Lexicon

SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘(])|\n\s*\n")
WINDOW = 160
NONE = 10**6  # distance when a sentence has no cue
ADJACENT = re.compile(r"[\s,]*(?:at\s+)?")


@dataclass(frozen=True)
class Context:
    """One match in its text. ``reference`` is the latest day-level date before it (or the anchor)."""

    text: str
    start: int
    end: int
    anchor: date | None
    settings: Settings
    lexicon: Lexicon
    params: dict
    reference: date | None = None
    reference_basis: str = ""
    previous_end: int = -1  # where the expression before this one ends (-1: none)

    def follows_previous(self) -> bool:
        """True when only spaces, commas or "at" separate this expression from the one before it."""
        gap = self.text[self.previous_end : self.start] if self.previous_end >= 0 else "x"
        return ADJACENT.fullmatch(gap) is not None

    @property
    def basis(self) -> str:
        return f"document date {self.anchor.isoformat()}" if self.anchor else ""

    def direction(self) -> str:
        """"future" when the tense cue nearest the match in its sentence is a future one, else "past"."""
        return self.tense() or "past"

    def tense(self) -> str | None:
        """"future" or "past" from the tense cue nearest the match in its sentence; None without a cue."""
        before = self.text[max(0, self.start - WINDOW) : self.start]
        ends = list(SENTENCE_END.finditer(before))
        if ends:
            before = before[ends[-1].end() :]
        after = self.text[self.end : self.end + WINDOW // 2]
        cut = SENTENCE_END.search(after)
        after = after[: cut.start()] if cut else after
        future = _nearest(self.lexicon.future_cues, before, after)
        past = _nearest(self.lexicon.past_cues, before, after)
        if future == past == NONE:
            return None
        return "future" if future <= past else "past"


def _nearest(cues: re.Pattern, before: str, after: str) -> int:
    """Distance in characters from the match to the closest cue on either side (a large number if none)."""
    distances = [len(before) - m.end() for m in cues.finditer(before)]
    distances += [m.start() for m in cues.finditer(after)]
    return min(distances, default=NONE)
