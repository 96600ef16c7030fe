"""People around titles: reads office matches, candidates and unmatched name runs; settles which titles
belong to which names. A title chain before a person (or a title after the name) is the person's title:
the countries and organisations inside it are the person's affiliations, not mentions of their own, and
a person the gazetteer does not know becomes a discovered actor ("new:...") with those roles. Titles
without a name become "office" mentions of their holder (holders.py).
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..models import Actor, Role
from ..resources import load
from ..settings import DATA_DIR
from .gazetteer import Gazetteer
from .holders import office_mention, title_and_surname
from .introductions import PersonCues, honorific_pattern, introduction
from .lists import listed_people
from .names import fold, slug
from .offices import OfficeMatch
from .spans import Candidate, NameRun, is_initial
from .titles import MAX_NAME_WORDS, TitleFinder


@dataclass
class TitleResult:
    candidates: list[Candidate] = field(default_factory=list)
    discovered: dict[str, Actor] = field(default_factory=dict)
    absorbed: list[tuple[int, int]] = field(default_factory=list)  # spans whose group mentions are dropped


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
    finder = TitleFinder(text, groups, gazetteer.offices.state_forms, gazetteer.offices.bodies,
                         gazetteer.offices.appositive_gap_stopwords, gazetteer.offices.modifier_before,
                         gazetteer.offices.office, gazetteer.surnames, gazetteer.offices.of_bodies)
    titles = [finder.title(o) for o in offices]
    result = TitleResult()
    used: set[int] = set()
    names = [*persons, *runs]
    for person in persons:
        _attach(finder, titles, names, person, used, result)
    honorifics = honorific_pattern(gazetteer.offices.honorifics + getattr(gazetteer.offices, "person_openers", ()))
    cues = PersonCues(text, gazetteer.offices.person_cues_after, gazetteer.offices.person_cues_before,
                      _organisation_heads(gazetteer) | gazetteer.offices.place_heads,
                      {fold(a.surname or a.name.split()[-1]) for a in (gazetteer.actors[p.actor_id] for p in persons)})
    listed = {item.run_start: item for item in listed_people(text, groups, runs, gazetteer.offices.list_nouns,
                                                                       persons)}
    known_starts = {p.start for p in persons}
    opened = None  # (end, Introduction) of the last name an introduction without a title opened
    title_at = {o.start: o for o in offices}
    for run in runs:
        title = title_at.get(run.end + 1) if text[run.end:run.end + 1] == " " else None
        if title is not None and not _post_nominal(text, title, cues):
            continue  # "the premier, Estaria State Governor Jane Roe": the words before a title are its place, no person
        if _names_a_place(text, run, gazetteer.offices.place_nouns, gazetteer.offices.place_heads):
            continue  # "Estaria's Vell Doran province", "the Sultan Omar Mosque": a place, no person
        if _runs_into_known(text, run, known_starts):  # "Supreme Leader Ayatollah Seyyed Ali Khamenei": honorifics
            _attach(finder, titles, names, run, used, result)  # of the known name, no new person; the title is his
            continue
        if len(run.words) <= MAX_NAME_WORDS and not _surname_and_suffix(text, run, gazetteer.offices.name_suffixes):
            roles = _attach(finder, titles, names, run, used, result)
            introduced = None if roles else introduction(text, run, finder.by_end, honorifics, cues)
            if not roles and not introduced and _joined_to(text, run, opened):
                introduced = opened[1]  # "led by Jane Roe and John Doe": the second is introduced as the first
            if introduced is not None and not roles:
                opened = (run.end, introduced)
            if introduced and introduced.absorbed:
                result.absorbed.append(introduced.absorbed)
            in_list = None if roles or introduced else listed.get(run.start)
            if in_list:  # "counterparts from X, NAME, and Y, NAME": X's person
                result.absorbed.append(in_list.country)
            if roles or introduced or in_list:
                roles = roles or (introduced.roles if introduced else (in_list.role,))
                roles = _as_counterpart(roles, run.start, persons, gazetteer, when)
                named_before = _full_name_before(text, run, persons, gazetteer, result) \
                    or (_known_family_name(text, run, gazetteer) if roles else None)
                if named_before:  # "Foreign Minister Ana Lopez Soto ... Minister Lopez Soto": the same person
                    result.candidates.append(Candidate(run.start, run.end, named_before, "title", 0.8))
                else:
                    _discover(text, roles, run, result, gazetteer.offices.name_suffixes,
                              frozenset(h for h in gazetteer.offices.honorifics if len(h) == 1))
    named = [(p.start, gazetteer.actors[p.actor_id]) for p in persons]
    named += [(c.start, result.discovered[c.actor_id]) for c in result.candidates if c.actor_id in result.discovered]
    for title in titles:
        if id(title) in used:
            continue
        surname = title_and_surname(text, gazetteer, title, when, named)
        if surname:
            result.candidates.append(surname)
            result.absorbed.append((title.start, surname.start))
        else:
            holder = office_mention(text, gazetteer, title, when, named)
            if holder is not None:  # "the Estarian Foreign Minister ... his Ruritanian counterpart": a subject
                result.candidates.append(holder)
                actor = gazetteer.get(holder.actor_id) or result.discovered.get(holder.actor_id)
                named += [(holder.start, actor)] if actor is not None else []
    return result


def _organisation_heads(gazetteer: Gazetteer) -> frozenset[str]:
    """The last words of organisations' names (data/actors.yaml ``organisation_names``: "Cartel", "Agency")."""
    return _heads_of(gazetteer.data_dir or DATA_DIR)


@lru_cache(maxsize=8)
def _heads_of(data_dir) -> frozenset[str]:
    table = load("actors.yaml", data_dir).get("organisation_names", {})
    return frozenset([*table.get("heads", ()), *table.get("institution_heads", ()), *table.get("tailed_heads", ()),
                      *table.get("institution_words", ()), *table.get("services", ())])


_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")  # ", " / " and " / ", and " between two names


def _joined_to(text: str, run: NameRun, opened) -> bool:
    """True when ``run`` follows the name an introduction opened, joined to it by a comma or "and" ("identified as
    Jane Roe and John Doe", "led by Jane Roe, John Doe and ..."); no capitalised word may follow the run."""
    return opened is not None and _JOINED.fullmatch(text, opened[0], run.start) is not None \
        and _CAPITALISED_NEXT.match(text, run.end) is None


_CAPITALISED_NEXT = re.compile(r"[ \t]+[^\W\d_a-z]")


_NEXT_LOWER = re.compile(r"[ \t]+([a-z]+)")


def _names_a_place(text: str, run: NameRun, nouns: frozenset[str], heads: frozenset[str]) -> bool:
    """Whether a place noun follows the run ("Vell Doran province") or is its last word ("Omar Mosque")
    (data/offices.yaml ``place_nouns``, ``place_heads``)."""
    after = _NEXT_LOWER.match(text, run.end)
    last = run.words[-1] if run.words else None
    return bool(after and after.group(1) in nouns) or (last is not None and text[last[0]:last[1]] in heads)


def _runs_into_known(text: str, run: NameRun, known_starts: set[int]) -> bool:
    """True when a known person's name follows ``run`` after one space: the run's words are honorifics or given
    names written before that name ("Sayyid", "Ayatollah Seyyed"), not a person of their own."""
    return text[run.end : run.end + 1] == " " and run.end + 1 in known_starts


def _surname_and_suffix(text: str, run: NameRun, suffixes) -> bool:
    """ "Marcos Jr." (one name and a generational suffix) is how a person named in full is called again, no new
    person: the surname stage finds whom it names."""
    if len(run.words) != 2:
        return False
    last = text[run.words[1][0]:run.words[1][1]].lower()
    return last in suffixes or f"{last}." in suffixes


COUNTERPART_REACH = 300  # characters: "his Kazakh counterpart NAME" names the counterpart of a person this close before


def _as_counterpart(roles: tuple[Role, ...], start: int, persons: list[Candidate], gazetteer: Gazetteer,
                    when: date | None) -> tuple[Role, ...]:
    """The roles with "counterpart" (data/offices.yaml counterpart_titles) replaced by the office of the known
    person named last before ``start``: "Foreign Minister X met his Kazakh counterpart NAME" gives NAME the role
    "Foreign Minister" of Kazakhstan."""
    counterparts = gazetteer.offices.counterparts
    if not any(r.title.lower() in counterparts for r in roles):
        return roles
    before = [p for p in persons if 0 < start - p.end <= COUNTERPART_REACH]
    subject = gazetteer.actors[max(before, key=lambda p: p.start).actor_id] if before else None
    office = next((r.title for r in (subject.roles if subject else ()) if gazetteer.offices.office(r.title)
                   and (when is None or (r.start or when) <= when <= (r.end or when))), None)
    if office is None:
        return roles
    return tuple(Role(office, r.affiliation) if r.title.lower() in counterparts else r for r in roles)


def _attach(finder: TitleFinder, titles, names, name: Candidate | NameRun, used, result) -> tuple[Role, ...]:
    """Mark the titles before and after a name as that person's; the roles they give."""
    roles: tuple[Role, ...] = ()
    chain = finder.chain_before(name.start, titles, names)
    if chain:
        used.update(id(t) for t in chain)
        result.absorbed.append((chain[0].start, name.start))
        roles = finder.roles(chain, name.start)
    appositive = finder.appositive_after(name.end, titles)
    if appositive and id(appositive[2]) not in used:
        used.add(id(appositive[2]))
        result.absorbed.append((name.end, appositive[1]))
        roles += finder.roles([appositive[0]], appositive[1])
    return roles


def _full_name_before(text: str, run: NameRun, persons: list[Candidate], gazetteer: Gazetteer,
                      result: TitleResult) -> str | None:
    """The person named before ``run`` whose full name ends in the run's two or more words ("Kamina Johnson
    Smith" ... "Minister Johnson Smith", a family name of two words), or in its initials and words ("Ararat
    Mirzoyan" ... "Minister A. Mirzoyan"), when exactly one does; else None. A one-word family name is the
    surname stage's (surnames.py)."""
    words = _run_words(text[run.start:run.end])
    if len(words) < 2:
        return None
    earlier = [(p.actor_id, gazetteer.actors[p.actor_id]) for p in persons if p.end <= run.start]
    earlier += [(c.actor_id, result.discovered[c.actor_id]) for c in result.candidates
                if c.end <= run.start and c.actor_id in result.discovered]
    found = {actor_id for actor_id, actor in earlier
             if any(_ends_in(name, words) for name in ([fold(w) for w in n.split()] for n in (actor.name, *actor.aliases)))}
    return found.pop() if len(found) == 1 else None


def _known_family_name(text: str, run: NameRun, gazetteer: Gazetteer) -> str | None:
    """The one known person whose full name of three or more words ends in the two or more words of ``run``, a name
    a title introduces ("President Diaz Moreno" for a known Ana Lucia Diaz Moreno); None when none or several do."""
    words = tuple(fold(w) for w in text[run.start:run.end].split())
    found = gazetteer.family_names.get(words, ()) if len(words) >= 2 else ()
    return found[0] if len(found) == 1 else None


def _run_words(run: str) -> list[str]:
    """A name run's folded words, its initials one letter each and ending in "." ("M.K. Stalin" -> M. K. Stalin)."""
    words = []
    for word in run.split():
        words += [f"{c}." for c in word if c.isalpha()] if is_initial(word) else [fold(word)]
    return words


def _ends_in(name: list[str], words: list[str]) -> bool:
    """Whether ``name`` ends in ``words``, longer than them unless an initial stands for one of its words."""
    initials = any(w.endswith(".") for w in words)
    if len(name) < len(words) or len(name) == len(words) and not initials:
        return False
    return all(n[:1] == w[0] if w.endswith(".") else n == w for n, w in zip(name[-len(words):], words))


def _discover(text: str, roles: tuple[Role, ...], run: NameRun, result: TitleResult,
              suffixes: frozenset[str] = frozenset(), styles: frozenset[str] = frozenset()) -> None:
    """A person the gazetteer does not know, named by ``run``; a first word of ``styles`` (one-letter honorifics the
    runs keep as initials: "U Tin Oo", a style of Myanmar) is no part of the name."""
    name = " ".join(text[run.start:run.end].split()).replace("’", "'")  # "O’Brien" and "O'Brien" are one name
    first, _, rest = name.partition(" ")
    if first in styles and rest.count(" ") >= 1:
        name = rest
    name = _dotted_initials(name, styles)
    actor_id = "new:" + slug(name)
    if actor_id not in result.discovered:
        name, surname = _suffixed(name, text[run.end:run.end + 1], suffixes)
        result.discovered[actor_id] = Actor(actor_id, name, "person", roles=roles, discovered=True, surname=surname)
    result.candidates.append(Candidate(run.start, run.end, actor_id, "title", 0.8))


def _dotted_initials(name: str, styles: frozenset[str] = frozenset()) -> str:
    """A name with a full stop after each initial of one letter before its last word, as names are written: "K
    Ponmudy" is "K. Ponmudy", "A S Rao" "A. S. Rao"; not a one-letter style opening it ("U Thant", a style of Myanmar)."""
    words = name.split(" ")
    dotted = [f"{w}." if len(w) == 1 and w.isupper() and not (i == 0 and w in styles) else w
              for i, w in enumerate(words[:-1])]
    return " ".join([*dotted, words[-1]])


def _post_nominal(text: str, title: OfficeMatch, cues: PersonCues) -> bool:
    """True for a title of capitals after a name and before no other name, one of the person cues (data/offices.yaml
    ``person_cues``): "Jane Roe MP said" is a member, "Velm MP Jane Roe" a place's."""
    return title.text.isupper() and not _NAME_AFTER.match(text, title.end) \
        and cues.right_after(text, title.start - 1)


_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")


def _name_key(name: str) -> str:
    """A name as compared with a later mention of it, its full stops spaces: "K. Ponmudy" and "K Ponmudy" are one."""
    return " ".join(fold(name).replace(".", " ").split())


def _suffixed(name: str, following: str, suffixes: frozenset[str]) -> tuple[str, str]:
    """(name, surname) of a name that ends in a generational suffix: "Juan Perez Jr" at the end of a sentence
    is "Juan Perez Jr.", surname "Perez" (data/offices.yaml name_suffixes); else (name, "")."""
    words = name.split()
    if len(words) < 3 or words[-1].lower() not in suffixes:
        return name, ""
    if following == "." and not words[-1].endswith(".") and words[-1].lower() + "." in suffixes:
        name += "."
    return name, words[-2]


def discovered_name_repeats(text: str, runs: list[NameRun], discovered: dict[str, Actor]) -> list[Candidate]:
    """Later full mentions of a discovered person's name, without the title."""
    by_name = {_name_key(a.name): a.id for a in discovered.values()}
    found = []
    for run in runs:
        actor_id = by_name.get(_name_key(text[run.start:run.end]))
        if actor_id:
            found.append(Candidate(run.start, run.end, actor_id, "exact", 0.8))
    return found
