"""Titles next to names, and titles standing for their holder.

Reads office matches, candidates and unmatched name runs. A title chain right before a person
("Minister of Foreign Affairs of X and Acting Chairman of Y, NAME") is the person's title: the
countries and organisations inside it are the person's affiliations, not mentions of their own, and
a person the gazetteer does not know becomes a discovered actor with those roles. A title without a
name ("the Foreign Minister of X", "X's foreign minister") becomes an "office" mention of the person
holding that office on the article's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..models import Actor, Role
from .gazetteer import Gazetteer
from .names import fold, slug
from .offices import OfficeMatch
from .spans import Candidate, NameRun

_PREFIX_GAP = re.compile(r"(?:'s|’s)?\s")
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_ACRONYM_AFTER = re.compile(r"\s*\([^()]{1,20}\)")
_ADJACENT = re.compile(r"\s*,?\s*")
# What may stand between two titles of one chain, or a title and its complement: capitalised words,
# linking words, parentheses, commas ("for Rule of Law and Security Institutions").
_LOOSE = re.compile(r"(?:\s*(?:,|\([^()]{0,80}\)|(?:of|for|on|in|and|the|to|at|&)(?!\w)|[A-Z][^\s,()]*))*\s*")
_SENTENCE_END = re.compile(r"[a-z0-9)\]][.!?;:]\s")
_TRAILING = re.compile(r"[\s,]*(?:\band)?[\s,]*$")
MAX_TITLE_CHARS = 200
MAX_NAME_WORDS = 4


@dataclass
class TitleResult:
    candidates: list[Candidate] = field(default_factory=list)
    discovered: dict[str, Actor] = field(default_factory=dict)
    absorbed: list[tuple[int, int]] = field(default_factory=list)  # spans whose group mentions are dropped


@dataclass(frozen=True)
class _Title:
    office: OfficeMatch
    start: int  # includes a prefix affiliation ("Turkish Foreign Minister")
    end: int  # includes an "of X" affiliation
    affiliation: Candidate | None


class TitleFinder:
    """Settles the titles of one text. ``groups`` are the country/organisation candidates."""

    def __init__(self, text: str, gazetteer: Gazetteer, groups: list[Candidate]):
        self.text = text
        self.gazetteer = gazetteer
        self.by_end = {c.end: c for c in groups}
        self.by_start = {c.start: c for c in groups}

    def title(self, office: OfficeMatch) -> _Title:
        """The office with the affiliation written before it ("UN ", "Türkiye's ") or after ("of X")."""
        start, end, affiliation = office.start, office.end, None
        before = self.text[max(0, office.start - 3):office.start]
        gap = _PREFIX_GAP.search(before)
        if gap and gap.end() == len(before) and (office.start - len(gap.group())) in self.by_end:
            affiliation = self.by_end[office.start - len(gap.group())]
            start = affiliation.start
        of = _OF.match(self.text, office.end)
        if of and of.end() in self.by_start:
            after = self.by_start[of.end()]
            affiliation = affiliation or after
            acronym = _ACRONYM_AFTER.match(self.text, after.end)
            end = acronym.end() if acronym else after.end
        return _Title(office, start, end, affiliation)

    def chain_before(self, person_start: int, titles: list[_Title], persons: list[Candidate]) -> list[_Title]:
        """The titles that introduce the name starting at ``person_start``, first to last; [] if none."""
        earlier = [t for t in titles if t.office.end <= person_start and person_start - t.office.end <= MAX_TITLE_CHARS]
        if not earlier or not self._introduces(earlier[-1], person_start):
            return []
        chain = [earlier[-1]]
        for title in reversed(earlier[:-1]):
            if not self._links(title.office.end, chain[0].office.start, persons):
                break
            chain.insert(0, title)
        return chain

    def _introduces(self, title: _Title, person_start: int) -> bool:
        gap = self.text[title.office.end:person_start]
        if _SENTENCE_END.search(gap):
            return False
        has_of = title.office.end < title.end <= person_start
        after_affiliation = self.text[title.end:person_start] if has_of else None
        return bool(
            _ADJACENT.fullmatch(gap)
            or (after_affiliation is not None and _ADJACENT.fullmatch(after_affiliation))
            or (_LOOSE.fullmatch(gap) and gap.rstrip().endswith(","))
        )

    def _links(self, start: int, end: int, persons: list[Candidate]) -> bool:
        gap = self.text[start:end]
        return (
            bool(_LOOSE.fullmatch(gap))
            and not _SENTENCE_END.search(gap)
            and not any(p.overlaps(start, end) for p in persons)
        )

    def roles(self, chain: list[_Title], person_start: int) -> tuple[Role, ...]:
        """One role per title of the chain: its words (plus a complement such as "for Rule of Law"), and
        the country or organisation it names."""
        roles = []
        for i, title in enumerate(chain):
            next_start = chain[i + 1].start if i + 1 < len(chain) else person_start
            affiliation = title.affiliation.actor_id if title.affiliation else ""
            words = title.office.text
            if title.end == title.office.end:  # no "of X": keep a complement like "for Rule of Law ..."
                words += _TRAILING.sub("", self.text[title.office.end:next_start])
            roles.append(Role(" ".join(words.split()), affiliation))
        return tuple(roles)


def settle_titles(
    text: str,
    gazetteer: Gazetteer,
    offices: list[OfficeMatch],
    candidates: list[Candidate],
    runs: list[NameRun],
    when: date | None,
) -> TitleResult:
    """Title chains before names (absorbed, or discovering new people) and titles standing alone."""
    groups = [c for c in candidates if c.actor_id and gazetteer.actors[c.actor_id].kind != "person"]
    persons = [c for c in candidates if c.actor_id and gazetteer.actors[c.actor_id].kind == "person"]
    finder = TitleFinder(text, gazetteer, groups)
    titles = [finder.title(o) for o in offices]
    result = TitleResult()
    used: set[int] = set()
    for person in persons:
        _attach(finder, titles, persons, person.start, used, result)
    for run in runs:
        if len(run.words) <= MAX_NAME_WORDS:
            chain = _attach(finder, titles, persons, run.start, used, result)
            if chain:
                _discover(text, finder, chain, run, result)
    for title in titles:
        if id(title) not in used:
            _office_mention(gazetteer, title, when, result)
    return result


def _attach(finder, titles, persons, start, used, result) -> list[_Title]:
    chain = finder.chain_before(start, titles, persons)
    if chain:
        used.update(id(t) for t in chain)
        result.absorbed.append((chain[0].start, start))
    return chain


def _discover(text: str, finder: TitleFinder, chain: list[_Title], run: NameRun, result: TitleResult) -> None:
    name = " ".join(text[run.start:run.end].split())
    actor_id = "new:" + slug(name)
    if actor_id not in result.discovered:
        roles = finder.roles(chain, run.start)
        result.discovered[actor_id] = Actor(actor_id, name, "person", roles=roles, discovered=True)
    result.candidates.append(Candidate(run.start, run.end, actor_id, "title", 0.8))


def _office_mention(gazetteer: Gazetteer, title: _Title, when: date | None, result: TitleResult) -> None:
    if title.office.office is None or title.affiliation is None:
        return
    holder = gazetteer.holder(title.office.office, title.affiliation.actor_id, when)
    if holder:
        result.candidates.append(Candidate(title.start, title.end, holder.id, "office", 0.9))


def discovered_name_repeats(text: str, runs: list[NameRun], discovered: dict[str, Actor]) -> list[Candidate]:
    """Later full mentions of a discovered person's name, without the title."""
    by_name = {fold(a.name): a.id for a in discovered.values()}
    found = []
    for run in runs:
        actor_id = by_name.get(fold(" ".join(text[run.start:run.end].split())))
        if actor_id:
            found.append(Candidate(run.start, run.end, actor_id, "exact", 0.8))
    return found
