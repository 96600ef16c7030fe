"""The two people a phrase such as "the two leaders" refers back to: reads the text and the person
candidates found so far; adds two "pronoun" candidates over the phrase (one on "two", one on the noun) for
the two people named before the phrase's sentence, when exactly two are named in the sentences just before
it, leaving out those its own sentence names before it (data/offices.yaml pair_nouns: "the two prime
ministers held talks", "X met the two leaders").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .spans import Candidate

PAIR_REACH = 600  # characters before the phrase's sentence in which the two people are looked for
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“A-Z])")


@lru_cache(maxsize=4)
def _pattern(nouns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not nouns:
        return None
    words = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"(?<!\w)[Tt]he\s+(?P<two>two)\s+(?P<noun>{words})(?!\w)")


def pair_candidates(text: str, persons: list[Candidate], nouns: tuple[str, ...]) -> list[Candidate]:
    """Candidates for the two people each "the two NOUN" phrase of ``text`` refers back to."""
    pattern = _pattern(nouns)
    if pattern is None or not persons:
        return []
    found = []
    for match in pattern.finditer(text):
        pair = _last_two(text, match.start(), persons)
        if pair:
            found.append(Candidate(*match.span("two"), pair[0], "pronoun", 0.6))
            found.append(Candidate(*match.span("noun"), pair[1], "pronoun", 0.6))
    return found


def _last_two(text: str, at: int, persons: list[Candidate]) -> tuple[str, str] | None:
    """The two distinct people named before the sentence holding ``at`` (less those named in it before
    ``at``); None unless exactly two are named within PAIR_REACH characters before it."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, at - PAIR_REACH - 400), at + 1) if m.end() <= at]
    sentence_start = ends[-1] if ends else max(0, at - PAIR_REACH - 400)
    earlier = sorted((c for c in persons if sentence_start - PAIR_REACH <= c.start < sentence_start), key=lambda c: c.start)
    own = {c.actor_id for c in persons if sentence_start <= c.start < at}  # "X met the two leaders": not X
    ids = [i for i in dict.fromkeys(c.actor_id for c in earlier) if i not in own]
    return (ids[0], ids[1]) if len(ids) == 2 else None
