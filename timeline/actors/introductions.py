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
from .spans import Candidate, NameRun

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)\s$")
_CAPITALISED_NEXT = re.compile(r"[ \t]+[^\W\d_a-z]")


@dataclass(frozen=True)
class Introduction:
    roles: tuple[Role, ...]
    absorbed: tuple[int, int] | None  # the possessive's span, the person's affiliation rather than a mention


def introduction(text: str, run: NameRun, by_end: dict[int, Candidate],
                 honorifics: re.Pattern[str] | None) -> Introduction | None:
    """How the words before ``run`` introduce it as a person, or None when they do not."""
    if _CAPITALISED_NEXT.match(text, run.end):
        return None
    if honorifics is not None and honorifics.search(text, max(0, run.start - HONORIFIC_REACH), run.start):
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
