"""Introductions without an office title: reads a name run the gazetteer does not know and the
country/organisation candidates; says whether the words right before it introduce a person, and with
which affiliation. "Estaria's Juan Perez" (a country's or organisation's possessive: the person is
theirs) and "Ms Jane Roe" (an honorific: data/offices.yaml honorifics) introduce people; "Estaria's Rapid
Support Forces" does not (a capitalised word follows the run: the run is part of a longer name).
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from ..models import Role
from .names import fold
from .spans import Candidate, NameRun

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)\s$")
_CAPITALISED_NEXT = re.compile(r"[ \t]+[^\W\d_a-z]")


@dataclass(frozen=True)
class Introduction:
    roles: tuple[Role, ...]
    absorbed: tuple[int, int] | None  # the possessive's span, the person's affiliation rather than a mention


def introduction(text: str, run: NameRun, by_end: dict[int, Candidate],
                 honorifics: re.Pattern[str] | None, cues: PersonCues | None = None) -> Introduction | None:
    """How the words before ``run`` introduce it as a person (or, with ``cues``, the words around it or around its
    last word elsewhere), or None when they do not."""
    if _CAPITALISED_NEXT.match(text, run.end) and not (cues is not None and cues.right_after(text, run.end)):
        return None  # the run goes on ("Jane Roe| Smith"), unless a cue of capitals follows it ("Jane Roe MP")
    if honorifics is not None and honorifics.search(text, max(0, run.start - HONORIFIC_REACH), run.start):
        return Introduction((), None)
    if cues is not None and cues.fit(text, run):
        return Introduction((), None)
    gap = _POSSESSIVE.search(text, max(0, run.start - 3), run.start)
    owner = gap and by_end.get(gap.start())
    if owner and owner.actor_id:
        return Introduction((Role("", owner.actor_id),), (owner.start, run.start))
    return None


HONORIFIC_REACH = 24  # characters: the longest honorific and its dot and space ("Right Honourable ")


@lru_cache(maxsize=8)  # the same honorifics for every text: made once
def honorific_pattern(honorifics: tuple[str, ...]) -> re.Pattern[str] | None:
    """ "Mr ", "Ms. ", "Dr " ending a text (data/offices.yaml honorifics)."""
    if not honorifics:
        return None
    words = "|".join(re.escape(h) for h in sorted(honorifics, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{words})\.?\s$")


class PersonCues:
    """What marks a name the gazetteer does not know as a person's without a title or honorific (data/offices.yaml
    ``person_cues``): an age or "who" right after it ("Jane Roe, 34,", "Jane Roe, who"), a verb only people take
    ("Jane Roe pleaded guilty", "was sentenced"), an age right before it ("the 20-year-old Jane Roe"); or one of
    the cues after its last word alone elsewhere in the text ("Jane Roe was seen ... Roe, 35, said"). Made once per
    text: ``cued`` are the capitalised words the text cues so."""

    def __init__(self, text: str, after: tuple[str, ...], before: tuple[str, ...], not_last: frozenset[str],
                 surnames=frozenset()):
        self.after, self.before = _cue_patterns(after, before)
        self.not_last = not_last  # last words that make a name an organisation's or a place's ("Agency", "Valley")
        self.surnames = surnames  # the surnames of the known people the text names, folded: "Von der Leyen, who" is hers
        self.cued = frozenset(m.group(1) for m in self.after_word.finditer(text)) if self.after else frozenset()

    @property
    def after_word(self) -> re.Pattern[str]:
        return _cued_word(self.after.pattern)

    def right_after(self, text: str, end: int) -> bool:
        """True when a cue stands right after a name ending at ``end`` ("Jane Roe, 34,", "Jane Roe MP")."""
        return self.after is not None and self.after.match(text, end) is not None

    def fit(self, text: str, run: NameRun) -> bool:
        if self.after is None or len(run.words) < 2:
            return False
        last = text[run.words[-1][0]:run.words[-1][1]]
        if last in self.not_last or fold(last) in self.surnames:
            return False
        return bool(self.after.match(text, run.end) or last in self.cued
                    or (self.before is not None and self.before.search(text, max(0, run.start - 24), run.start)))


@lru_cache(maxsize=8)
def _cue_patterns(after: tuple[str, ...], before: tuple[str, ...]) -> tuple[re.Pattern | None, re.Pattern | None]:
    return (re.compile("|".join(f"(?:{a})" for a in after)) if after else None,
            re.compile("(?:" + "|".join(f"(?:{b})" for b in before) + r")\s+$") if before else None)


@lru_cache(maxsize=8)
def _cued_word(after: str) -> re.Pattern[str]:
    """A capitalised word standing alone (no capitalised word before it) followed by a cue."""
    return re.compile(rf"(?<![\w\-’'])(?<![A-Z][\w’'\-]\s)([A-Z][\w’'\-]+)(?={after})")
