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
from .spans import Candidate, NameRun, capitalised_after

_PREFIX_GAP = re.compile(r"(?:'s|’s)?\s")
_BODY_GAP = re.compile(r"(?:'s|’s)?(?:\s+[A-Z][\w’'-]*){1,3}(?:'s|’s)?\s+")
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_ACRONYM_AFTER = re.compile(r"\s*\([^()]{1,20}\)")
_ADJACENT = re.compile(r"\s*,?\s*")
_NAME_NEXT = re.compile(r"\s+[A-Z]")
# What may stand between two titles of one chain, or a title and its complement: capitalised words,
# linking words, parentheses, commas ("for Rule of Law and Security Institutions").
_LOOSE = re.compile(r"(?:\s*(?:,|\([^()]{0,80}\)|(?:of|for|on|in|and|the|to|at|&)(?!\w)|[A-Z][^\s,()]*))*\s*")
_SENTENCE_END = re.compile(r"[a-z0-9)\]][.!?;:]\s")
_APPOSITIVE = re.compile(r",\s+(?:the\s+|an?\s+)?")
_APPOSITIVE_END = re.compile(r"[,;:()]|(?<=[a-z0-9])\.(?:\s|$)|\s(?:said|says|told|added|noted|stressed|stated)\b")
_THE_BEFORE = re.compile(r"(?<!\w)[Tt]he\s+$")
_OF_AFTER = re.compile(r"\s+(?:of|for)\s")
_TRAILING = re.compile(r"[\s,]*(?:\band)?[\s,]*$")
MAX_TITLE_CHARS = 200
MAX_NAME_WORDS = 4
DEFINITE_REACH = 600  # "the president" refers to a holder named at most this many characters before


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
    direct: bool = True  # False for "Armenian Foreign Ministry spokesperson": a body's title, not the office


class TitleFinder:
    """Settles the titles of one text. ``groups`` are the country/organisation candidates."""

    def __init__(self, text: str, gazetteer: Gazetteer, groups: list[Candidate]):
        self.text = text
        self.gazetteer = gazetteer
        self.groups = sorted(groups, key=lambda c: c.start)
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
        if affiliation is None:
            body = self._body_before(office.start)
            if body:
                return _Title(office, body.start, end, body, direct=False)
        return _Title(office, start, end, affiliation)

    def _body_before(self, start: int) -> Candidate | None:
        """The country or organisation of a body named before a title: "Russian Defence Ministry spokesman"."""
        for end in range(start - 1, max(0, start - 60), -1):
            if end in self.by_end and _BODY_GAP.fullmatch(self.text, end, start):
                return self.by_end[end]
        return None

    def chain_before(self, person_start: int, titles: list[_Title], names: list[Candidate | NameRun]) -> list[_Title]:
        """The titles that introduce the name starting at ``person_start``, first to last; [] if none."""
        earlier = [t for t in titles if t.office.end <= person_start and person_start - t.office.end <= MAX_TITLE_CHARS]
        if not earlier or not self._introduces(earlier[-1], person_start):
            return []
        chain = [earlier[-1]]
        for title in reversed(earlier[:-1]):
            if not self._links(title.office.end, chain[0].office.start, names):
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

    def _links(self, start: int, end: int, names: list[Candidate | NameRun]) -> bool:
        """Whether two titles belong to one chain: only linking words between them, and no name."""
        gap = self.text[start:end]
        return (
            bool(_LOOSE.fullmatch(gap))
            and not _SENTENCE_END.search(gap)
            and not any(n.start < end and start < n.end for n in names)
        )

    def appositive_after(self, name_end: int, titles: list[_Title]) -> tuple[_Title, int] | None:
        """A title set after the name ("NAME, the president of X, said"), and where it ends."""
        comma = _APPOSITIVE.match(self.text, name_end)
        title = comma and next((t for t in titles if t.start == comma.end()), None)
        if not title or _NAME_NEXT.match(self.text, title.end):  # "NAME, President X and ..." is a list
            return None
        end = _APPOSITIVE_END.search(self.text, title.office.end, title.office.end + MAX_TITLE_CHARS)
        return title, end.start() if end else min(len(self.text), title.office.end + MAX_TITLE_CHARS)

    def roles(self, chain: list[_Title], chain_end: int) -> tuple[Role, ...]:
        """One role per title of the chain: its words (plus a complement such as "for Rule of Law"), and
        the country or organisation it names. The chain ends at ``chain_end``."""
        roles = []
        for i, title in enumerate(chain):
            next_start = chain[i + 1].start if i + 1 < len(chain) else chain_end
            affiliation = title.affiliation or self._group_within(title.office.end, next_start)
            words = title.office.text
            if not title.direct:  # "Security Council secretary", "Foreign Ministry spokesperson"
                words = re.sub(r"^(?:'s|’s)", "", self.text[title.affiliation.end:title.office.end])
            if title.end == title.office.end:  # no "of X": keep a complement like "for Rule of Law ..."
                words += _TRAILING.sub("", self.text[title.office.end:next_start])
            roles.append(Role(" ".join(words.split()), affiliation.actor_id if affiliation else ""))
        return tuple(roles)

    def _group_within(self, start: int, end: int) -> Candidate | None:
        """The first country or organisation in a title's complement ("spokesperson for the Armenian ...")."""
        return next((g for g in self.groups if start <= g.start and g.end <= end), None)


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
    names = [*persons, *runs]
    for person in persons:
        _attach(finder, titles, names, person, used, result)
    for run in runs:
        if len(run.words) <= MAX_NAME_WORDS:
            roles = _attach(finder, titles, names, run, used, result)
            if roles:
                _discover(text, roles, run, result)
    named = [(p.start, gazetteer.actors[p.actor_id]) for p in persons]
    named += [(c.start, result.discovered[c.actor_id]) for c in result.candidates if c.actor_id in result.discovered]
    for title in titles:
        if id(title) not in used and not _title_and_surname(text, gazetteer, title, when, result):
            _office_mention(text, gazetteer, title, when, named, result)
    return result


def _title_and_surname(text: str, gazetteer: Gazetteer, title: _Title, when: date | None,
                       result: TitleResult) -> bool:
    """ "President Aliyev", "Foreign Minister Lavrov": a title and one capitalised word that is the surname
    of the one known person who holds such a title (on ``when``, if known)."""
    word = capitalised_after(text, title.end, gazetteer.offices.name_stopwords)
    owners = gazetteer.surnames.get(fold(word.group()), ()) if word else ()
    fitting = [a for a in owners if _fits(gazetteer, gazetteer.actors[a], title, when)]
    if len(fitting) != 1:
        return False
    result.candidates.append(Candidate(word.start(), word.end(), fitting[0], "surname", 0.8))
    result.absorbed.append((title.start, word.start()))
    return True


def _fits(gazetteer: Gazetteer, actor: Actor, title: _Title, when: date | None) -> bool:
    if title.office.office is None:
        return True
    affiliations = [title.affiliation.actor_id] if title.affiliation else {r.affiliation for r in actor.roles}
    return any(_holds(gazetteer, actor, title.office.office, a, when) for a in affiliations)


def _attach(finder: TitleFinder, titles, names, name: Candidate | NameRun, used, result) -> tuple[Role, ...]:
    """Mark the titles before and after a name as that person's; the roles they give."""
    roles: tuple[Role, ...] = ()
    chain = finder.chain_before(name.start, titles, names)
    if chain:
        used.update(id(t) for t in chain)
        result.absorbed.append((chain[0].start, name.start))
        roles = finder.roles(chain, name.start)
    appositive = finder.appositive_after(name.end, titles)
    if appositive and id(appositive[0]) not in used:
        used.add(id(appositive[0]))
        result.absorbed.append((name.end, appositive[1]))
        roles += finder.roles([appositive[0]], appositive[1])
    return roles


def _discover(text: str, roles: tuple[Role, ...], run: NameRun, result: TitleResult) -> None:
    name = " ".join(text[run.start:run.end].split())
    actor_id = "new:" + slug(name)
    if actor_id not in result.discovered:
        result.discovered[actor_id] = Actor(actor_id, name, "person", roles=roles, discovered=True)
    result.candidates.append(Candidate(run.start, run.end, actor_id, "title", 0.8))


def _office_mention(text: str, gazetteer: Gazetteer, title: _Title, when: date | None,
                    named: list[tuple[int, Actor]], result: TitleResult) -> None:
    """The holder of the office on ``when``; failing that, the one person named in the text who holds it.
    "the Secretary-General" without a country or organisation: the one such office holder named before."""
    office = title.office.office
    if office is None or not title.direct:
        return
    if title.affiliation is None:
        if _definite(text, title):
            earlier = [a for start, a in named if 0 < title.start - start <= DEFINITE_REACH]
            _add_unique(result, title, {a.id for a in earlier if _holds(gazetteer, a, office, None, when)}, 0.7)
        return
    holder = gazetteer.holder(office, title.affiliation.actor_id, when)
    if holder:
        result.candidates.append(Candidate(title.start, title.end, holder.id, "office", 0.9))
        return
    affiliation = title.affiliation.actor_id
    _add_unique(result, title, {a.id for _, a in named if _holds(gazetteer, a, office, affiliation, when)}, 0.8)


def _definite(text: str, title: _Title) -> bool:
    """ "the president said" (not "the president of the club", not "a president")."""
    return bool(_THE_BEFORE.search(text, max(0, title.start - 5), title.start)) and not _OF_AFTER.match(text, title.end)


def _add_unique(result: TitleResult, title: _Title, holders: set[str], score: float) -> None:
    if len(holders) == 1:
        result.candidates.append(Candidate(title.start, title.end, holders.pop(), "office", score))


def _holds(gazetteer: Gazetteer, actor: Actor, office: str, affiliation: str | None, when: date | None) -> bool:
    """Whether ``actor`` has a role of ``office`` for ``affiliation`` (None: any) not known to exclude ``when``."""
    return any(
        gazetteer.offices.office(role.title) == office
        and affiliation in (None, role.affiliation)
        and (when is None or ((role.start or when) <= when <= (role.end or when)))
        for role in actor.roles
    )


def discovered_name_repeats(text: str, runs: list[NameRun], discovered: dict[str, Actor]) -> list[Candidate]:
    """Later full mentions of a discovered person's name, without the title."""
    by_name = {fold(a.name): a.id for a in discovered.values()}
    found = []
    for run in runs:
        actor_id = by_name.get(fold(" ".join(text[run.start:run.end].split())))
        if actor_id:
            found.append(Candidate(run.start, run.end, actor_id, "exact", 0.8))
    return found
