"""Subject pronouns that continue a person: reads the text and the person candidates found so far; adds
"pronoun" candidates for a sentence whose subject is "He"/"She" ("She also held talks with X", "The next
day in Y, she met X"): the person who was the subject of the sentence just before.

Only the sentence right before counts, and only when a person is named (or continued) near its start:
a pronoun after a sentence about no known person stays no one. A quotation of several sentences counts as
part of the sentence that opened it ('X said, "... . ... ." He then ...': X).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .spans import Candidate

# A capital that may start a sentence; what stands before it is checked in a bounded window (linear time).
# Only where ``_starts_sentence`` may be true (looked behind once the capital is read, so that the regex engine
# skips to capitals): at the text's start or after a space, and not after a single space (not a line break) that
# follows a character which is neither a space, an end mark nor a closing quote or bracket ("the President").
_CAPITAL = re.compile(r"[\"“A-Z](?<!\S[\"“A-Z])(?<![^\s.!?\"'”’)][^\S\n][\"“A-Z])")
_PRONOUN = re.compile(r"[Hh]e[ \t]")  # "he"/"she" as ``_SUBJECT`` ends with it
_END_MARK = re.compile(r"[.!?][\"'”’)]*$")
LOOK_BACK = 8  # characters of spaces (and closing quotes) looked at before a capital
# "He"/"She" as the subject: first in the sentence, after a fronted phrase closed by a comma, or after a
# fronted phrase of time words with no comma ("After 1 pm he was welcomed", "On Monday she met").
_TIME_WORD = (r"(?:\d[\d:.]*|[ap]\.?m\.?|noon|midday|the|that|this|same|next|following|day|morning|afternoon|"
              r"evening|night|week|weekend|[A-Z][a-z]+day|January|February|March|April|May|June|July|August|"
              r"September|October|November|December)")
_FRONTED = (r"(?:After|Before|On|In|At|Later|Then|Earlier|During|Upon|Following|Afterwards|Subsequently|Next|"
            rf"Shortly|Since|By)(?:[ \t]+{_TIME_WORD}){{0,4}}[ \t]+")
_SUBJECT = re.compile(rf"(?:[^,.;:!?\"“”\n]{{0,60}},[ \t]{{1,3}}|{_FRONTED}(?=he |she ))?"
                      r"(?P<pronoun>[Hh]e|[Ss]he)[ \t]{1,3}(?=[a-z])")
_CLOSING_QUOTE = re.compile(r"[\"”][)\s]*$")
QUOTE_REACH = 1500  # characters: a quotation of several sentences is looked back over this far
SUBJECT_REACH = 60  # characters: a sentence's subject is named this close to its start


def pronoun_candidates(text: str, persons: list[Candidate]) -> list[Candidate]:
    """A candidate for each subject "he"/"she" whose previous sentence starts with a person."""
    found: list[Candidate] = []
    if not _PRONOUN.search(text):  # no "he" or "she" before a space: no subject pronoun
        return found
    starts = [m.start() for m in _CAPITAL.finditer(text) if _starts_sentence(text, m.start())]
    named, continued = _ByStart(persons), _ByStart([])
    for previous, start in zip(starts, starts[1:]):
        subject = _SUBJECT.match(text, start)
        if subject is None:
            continue
        opened = _quotation_opener(text, previous, start, starts)
        person = _subject_of(opened[0], opened[1], named, continued) if opened else None
        person = person or _subject_of(previous, start, named, continued)
        if person is not None:
            found.append(Candidate(subject.start("pronoun"), subject.end("pronoun"), person, "pronoun", 0.6))
            continued.add(found[-1])
    return found


class _ByStart:
    """Candidates in start order (those with one start in the order they came), to find the first in a span
    without going through all of them (a long text has thousands)."""

    def __init__(self, candidates: list[Candidate]):
        self.candidates = sorted(candidates, key=lambda c: c.start)
        self.starts = [c.start for c in self.candidates]

    def add(self, candidate: Candidate) -> None:
        at = bisect_right(self.starts, candidate.start)
        self.starts.insert(at, candidate.start)
        self.candidates.insert(at, candidate)

    def first(self, start: int, end: int) -> Candidate | None:
        """The first candidate that starts in ``[start, end)``."""
        at = bisect_left(self.starts, start)
        return self.candidates[at] if at < len(self.starts) and self.starts[at] < end else None


def _quotation_opener(text: str, previous: int, start: int, starts: list[int]) -> tuple[int, int] | None:
    """(start of the sentence that opened the quotation, where it opened) when the sentence
    ``text[previous:start]`` closes a quotation opened in an earlier sentence; None otherwise."""
    closing = _CLOSING_QUOTE.search(text, previous, start)
    if closing is None or text.count("“", previous, closing.start()) or text.count('"', previous, closing.start()):
        return None
    low = max(0, previous - QUOTE_REACH)
    opening = max(text.rfind("“", low, previous), text.rfind('"', low, previous))
    if opening < 0 or text.rfind("”", opening, previous) >= 0 or not _opens(text, opening):
        return None
    at = bisect_right(starts, opening)  # ``starts`` is in text order
    return (starts[at - 1], opening) if at else None


def _opens(text: str, at: int) -> bool:
    """Whether the quotation mark at ``at`` opens a quotation: after a space or the text's start, before a word."""
    return (at == 0 or text[at - 1].isspace()) and at + 1 < len(text) and not text[at + 1].isspace()


def _starts_sentence(text: str, at: int) -> bool:
    """Whether ``text[at]`` begins a sentence: the text's start, or spaces after an end mark or a line break."""
    before = text[max(0, at - LOOK_BACK) : at]
    stripped = before.rstrip()
    if at == 0 or (not stripped and at <= LOOK_BACK):
        return True
    if stripped == before:
        return False
    return "\n" in before[len(stripped):] or bool(_END_MARK.search(stripped))


def _subject_of(start: int, end: int, named: _ByStart, continued: _ByStart) -> str | None:
    """The person named (else continued by a pronoun) first in the sentence ``text[start:end]``, if named near
    its start."""
    reach = min(end, start + SUBJECT_REACH)
    person, pronoun = named.first(start, reach), continued.first(start, reach)
    if person is None or (pronoun is not None and pronoun.start < person.start):
        person = pronoun
    return person.actor_id if person is not None else None
