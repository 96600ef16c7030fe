"""Subject pronouns that continue a person: reads the text and the person candidates found so far; adds
"pronoun" candidates for a sentence whose subject is "He"/"She" ("She also held talks with X", "The next
day in Y, she met X"): the person who was the subject of the sentence just before.

Only the sentence right before counts, and only when a person is named (or continued) near its start:
a pronoun after a sentence about no known person stays no one.
"""

from __future__ import annotations

import re

from .spans import Candidate

# A capital that may start a sentence; what stands before it is checked in a bounded window (linear time).
_CAPITAL = re.compile(r"[\"“A-Z]")
_END_MARK = re.compile(r"[.!?][\"'”’)]*$")
LOOK_BACK = 8  # characters of spaces (and closing quotes) looked at before a capital
# "He"/"She" as the subject: first in the sentence, or after a fronted phrase closed by a comma.
_SUBJECT = re.compile(r"(?:[^,.;:!?\"“”\n]{0,60},[ \t]{1,3})?(?P<pronoun>[Hh]e|[Ss]he)[ \t]{1,3}(?=[a-z])")
SUBJECT_REACH = 60  # characters: a sentence's subject is named this close to its start


def pronoun_candidates(text: str, persons: list[Candidate]) -> list[Candidate]:
    """A candidate for each subject "he"/"she" whose previous sentence starts with a person."""
    starts = [m.start() for m in _CAPITAL.finditer(text) if _starts_sentence(text, m.start())]
    found: list[Candidate] = []
    for previous, start in zip(starts, starts[1:]):
        subject = _SUBJECT.match(text, start)
        if subject is None:
            continue
        person = _subject_of(previous, start, [*persons, *found])
        if person is not None:
            found.append(Candidate(subject.start("pronoun"), subject.end("pronoun"), person, "pronoun", 0.6))
    return found


def _starts_sentence(text: str, at: int) -> bool:
    """Whether ``text[at]`` begins a sentence: the text's start, or spaces after an end mark or a line break."""
    before = text[max(0, at - LOOK_BACK) : at]
    stripped = before.rstrip()
    if at == 0 or (not stripped and at <= LOOK_BACK):
        return True
    if stripped == before:
        return False
    return "\n" in before[len(stripped):] or bool(_END_MARK.search(stripped))


def _subject_of(start: int, end: int, persons: list[Candidate]) -> str | None:
    """The person named first in the sentence ``text[start:end]``, if named near its start."""
    inside = sorted((c for c in persons if start <= c.start < min(end, start + SUBJECT_REACH)), key=lambda c: c.start)
    return inside[0].actor_id if inside else None
