"""Capitals standing for their country ("Moscow accused Kyiv of ..."): reads data/actors.yaml
``metonyms`` and ``metonym_cues``; decides, for one capital found in a text, whether it acts there.

A capital is an actor only where the text treats it as one: before a reporting or acting verb ("Moscow said",
"Moscow has rejected"), with a possessive ("Budapest's accession"), or after words that take a party
("talks with Moscow", "pressure on Kyiv"). It is a place after "in", "from", "to"..., and part of
another name before a capitalised word ("Washington Post") or after one ("George Washington").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_CAPITAL_WORD = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class MetonymCues:
    agent_after: re.Pattern[str]
    party_before: re.Pattern[str]
    place_before: re.Pattern[str]

    @classmethod
    def from_data(cls, cues: dict[str, Any]) -> "MetonymCues":
        verbs = _alternation(cues.get("verbs_after", ()))
        before = _alternation(cues.get("words_before", ()))
        places = _alternation(cues.get("places_before", ()))
        coordinated = r"(?:\s+and\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)?"
        return cls(
            agent_after=re.compile(rf"(?:'s|’s)(?!\w)|{coordinated}\s+(?:\w+ly\s+)?(?:{verbs})(?!\w)"),
            party_before=re.compile(rf"(?<!\w)(?:{before})\s+(?:the\s+)?$", re.IGNORECASE),
            place_before=re.compile(rf"(?<!\w)(?:{places})\s+(?:the\s+)?$", re.IGNORECASE),
        )


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) or "(?!)"


def acts(text: str, start: int, end: int, gazetteer) -> bool:
    """Whether the capital at ``text[start:end]`` stands for its government here."""
    cues: MetonymCues = gazetteer.metonym_cues
    window = max(0, start - 25)
    if _inside_a_name(text, start, end, gazetteer):
        return False
    if cues.party_before.search(text, window, start):
        return True
    return not cues.place_before.search(text, window, start) and bool(cues.agent_after.match(text, end))


def _inside_a_name(text: str, start: int, end: int, gazetteer) -> bool:
    after = text[end:end + 2]
    if after[:1] == "-" or (after[:1] == " " and after[1:2].isupper()):
        return True
    words = text[max(0, start - 30):start].split()
    return bool(
        words and text[start - 1:start] == " " and words[-1][:1].isupper()
        and words[-1] not in gazetteer.offices.name_stopwords and words[-1].lower() != "the"
    )
