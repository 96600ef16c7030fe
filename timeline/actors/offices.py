"""Office titles in text: reads data/offices.yaml, finds "Foreign Minister", "UN Assistant Secretary-General"...

Adds OfficeMatch records: where a title is, which office it names (when it is one of the known offices),
and whether a modifier ("Deputy", "former") makes it a different office than the plain one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .names import bounded, trie_pattern


@dataclass(frozen=True)
class OfficeMatch:
    start: int
    end: int
    text: str  # the whole title, modifiers included: "Deputy Foreign Minister"
    office: str | None  # office id when the title is a known office without modifiers
    modified: bool


def _is_acronym(word: str) -> bool:
    return word.isupper() and len(word) <= 5


class OfficeVocabulary:
    """The office spellings and title words of data/offices.yaml, compiled once."""

    def __init__(self, data: dict[str, Any]):
        self.office_of: dict[str, str] = {}
        for office in data.get("offices", []):
            for alias in [office["id"], *office.get("aliases", [])]:
                self.office_of[self._key(alias)] = office["id"]
        self.titles: tuple[str, ...] = tuple(data.get("titles", []))
        self.modifiers: tuple[str, ...] = tuple(data.get("modifiers", []))
        self.name_stopwords: frozenset[str] = frozenset(data.get("name_stopwords", []))
        self.examples: tuple[dict, ...] = tuple(data.get("examples", []))
        self._spellings = [a for o in data.get("offices", []) for a in o.get("aliases", [])] + list(self.titles)

    @staticmethod
    def _key(title: str) -> str:
        return " ".join(title.lower().replace("-", " ").split())

    def office(self, title: str) -> str | None:
        """The office id a role title or office spelling names ("Foreign Minister" -> "foreign-minister")."""
        return self.office_of.get(self._key(title))

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        acronyms = [s for s in self._spellings if _is_acronym(s)]
        words = {s.lower() for s in self._spellings if not _is_acronym(s)}
        modifiers = trie_pattern(m for m in self.modifiers if not m.endswith("-"))
        prefixes = trie_pattern(m for m in self.modifiers if m.endswith("-"))
        title = f"(?i:{trie_pattern(words)})|{trie_pattern(acronyms)}"
        # Lazy modifiers: "Vice President" is an office of its own; "Vice Premier" is a modified "Premier".
        return re.compile(bounded(rf"(?P<mod>(?:{modifiers}\s+|{prefixes})*?)(?P<title>{title})"))

    def find(self, text: str) -> list[OfficeMatch]:
        """Every title in ``text``, longest spelling first at each place."""
        found = []
        for match in self.pattern.finditer(text):
            modified = bool(match.group("mod"))
            office = None if modified else self.office(match.group("title"))
            found.append(OfficeMatch(match.start(), match.end(), match.group(), office, modified))
        return found
