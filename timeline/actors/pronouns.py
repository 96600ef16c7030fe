"""Subject pronouns that continue a person: reads the text and the person candidates found so far; adds
"pronoun" candidates for a sentence whose subject is "He"/"She" ("She also held talks with X", "The next
day in Y, she met X"): the person who was the subject of the sentence just before.

Only the sentence right before counts, and only when a person is named (or continued) near its start:
a pronoun after a sentence about no known person stays no one.
"""

from __future__ import annotations

import re

from .spans import Candidate

# A sentence start: the text's start, or an end mark (or a blank line) and spaces before a capital.
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?])[\"'”’)]*\s+|\n\s*\n\s*)(?=[\"“A-Z])")
# "He"/"She" as the subject: first in the sentence, or after a fronted phrase closed by a comma.
_SUBJECT = re.compile(r"(?:[^,.;:!?\"“”\n]{0,60},\s+)?(?P<pronoun>[Hh]e|[Ss]he)\s+(?=[a-z])")
SUBJECT_REACH = 60  # characters: a sentence's subject is named this close to its start


def pronoun_candidates(text: str, persons: list[Candidate]) -> list[Candidate]:
    """A candidate for each subject "he"/"she" whose previous sentence starts with a person."""
    starts = [m.end() for m in _SENTENCE_START.finditer(text)]
    found: list[Candidate] = []
    for previous, start in zip(starts, starts[1:]):
        subject = _SUBJECT.match(text, start)
        if subject is None:
            continue
        person = _subject_of(previous, start, [*persons, *found])
        if person is not None:
            found.append(Candidate(subject.start("pronoun"), subject.end("pronoun"), person, "pronoun", 0.6))
    return found


def _subject_of(start: int, end: int, persons: list[Candidate]) -> str | None:
    """The person named first in the sentence ``text[start:end]``, if named near its start."""
    inside = sorted((c for c in persons if start <= c.start < min(end, start + SUBJECT_REACH)), key=lambda c: c.start)
    return inside[0].actor_id if inside else None
