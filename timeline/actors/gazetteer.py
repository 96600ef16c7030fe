"""The actor gazetteer: reads data/actors.yaml and data/offices.yaml once per data folder.

Adds the lookups the matchers need: actors by id, alias -> actor ids, who belongs to what, who held an
office on a day, and one compiled alias regex.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..models import Actor, Role
from ..resources import load
from ..settings import DEFAULT_SETTINGS, Settings
from .names import fold, name_key, word_pattern
from .similarity import best_people
from .metonyms import MetonymCues
from .offices import OfficeVocabulary

_SECTIONS = {"countries": "country", "organizations": "organization", "people": "person"}
FUZZY_KEPT = 200_000  # names whose fuzzy match is remembered, then all forgotten


@dataclass(frozen=True)
class AliasEntry:
    """What one exact spelling refers to: actor ids (None for a phrase that is no actor) and how."""

    actor_ids: tuple[str, ...]
    method: str  # "exact", "demonym", "metonym" or "none"


class Gazetteer:
    """Known actors and their spellings. Build with ``load_gazetteer``; treat as read-only."""

    def __init__(self, actors: Mapping[str, Actor], offices: OfficeVocabulary, data: Mapping[str, Any] | None = None,
                 data_dir: Path | None = None):
        """``data``: the other sections of data/actors.yaml (not_actors, given_names, metonyms, metonym_cues);
        ``data_dir``: where it was read from, so that a pickled gazetteer is re-read, not copied."""
        data = data or {}
        self.data_dir = data_dir
        self.actors: Mapping[str, Actor] = MappingProxyType(dict(actors))
        self.offices = offices
        self.given_names = frozenset(data.get("given_names", ()))  # aliases that may start a person's name
        self.given_name_places = frozenset(data.get("given_name_place_words", ()))  # "to India Jane Roe": the country
        self.not_actor_suffixes = tuple(data.get("not_actor_suffixes", ()))  # "Belize-flagged": a registry
        self.not_actor_prefixes = tuple(data.get("not_actor_prefixes", ()))  # "anti-Taliban": against, not by it
        self.metonym_cues = MetonymCues.from_data(data.get("metonym_cues", {}))
        table = _alias_table(self.actors, tuple(data.get("not_actors", ())), data.get("metonyms", {}))
        for acronym in data.get("capitals_only", ()):  # "PACE", never "Pace" (a word)
            table.pop(acronym[0] + acronym[1:].lower(), None)
        self.aliases: Mapping[str, AliasEntry] = MappingProxyType(table)
        # The same names recur across a corpus: remember each one's fuzzy match (bounded).
        self._fuzzy_known: dict[tuple[str, float], tuple[float, str] | None] = {}

    def __reduce__(self):
        if self.data_dir is None:
            raise TypeError("only a gazetteer read by load_gazetteer can be pickled")
        return _load, (self.data_dir,)

    def fuzzy_person(self, name: str, threshold: float) -> tuple[float, str] | None:
        """(score, person id) of the known person whose name ``name`` is a spelling variant of, if any."""
        return self.fuzzy_people([name], threshold)[0]

    def fuzzy_people(self, names: list[str], threshold: float) -> list[tuple[float, str] | None]:
        """``fuzzy_person`` of each of ``names``; the names not met before are scored together (one call)."""
        known = self._fuzzy_known
        found = {name: known[name, threshold] for name in names if (name, threshold) in known}
        todo = [name for name in dict.fromkeys(names) if name not in found]
        if todo:
            if len(known) + len(todo) > FUZZY_KEPT:
                known.clear()
            for name, match in zip(todo, best_people(todo, *self.person_keys, threshold)):
                found[name] = known[name, threshold] = match
        return [found[name] for name in names]

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def affiliation_ids(self, actor_id: str) -> tuple[str, ...]:
        """The countries and organisations ``actor_id`` belongs to, directly or through another body
        (Blinken -> US State Department -> United States)."""
        found: dict[str, None] = {}
        pending = list(self._affiliations(actor_id))
        while pending:
            parent = pending.pop(0)
            if parent not in found and parent != actor_id:
                found[parent] = None
                pending.extend(self._affiliations(parent))
        return tuple(found)

    def _affiliations(self, actor_id: str) -> tuple[str, ...]:
        actor = self.actors.get(actor_id)
        return actor.affiliations if actor else ()

    def members(self, group_id: str) -> tuple[str, ...]:
        """The people who belong to country or organisation ``group_id``, directly or through a body of it."""
        return self._members.get(group_id, ())

    @cached_property
    def _members(self) -> dict[str, tuple[str, ...]]:
        members: dict[str, list[str]] = defaultdict(list)
        for actor in self.actors.values():
            if actor.kind == "person":
                for group in self.affiliation_ids(actor.id):
                    members[group].append(actor.id)
        return {group: tuple(ids) for group, ids in members.items()}

    def holder(self, office: str, affiliation_id: str, on: date | None) -> Actor | None:
        """Who held ``office`` (any spelling: "Foreign Minister", "foreign-minister") of ``affiliation_id``
        on day ``on``: the latest-starting dated role covering that day; failing one, the one role whose start is not
        known that ends on or after that day (a long-serving minister known only by the day he left). None when not
        known."""
        office_id = self.offices.office(office)
        if on is None or office_id is None:
            return None
        best: tuple[date, Actor] | None = None
        open_start: set[str] = set()
        for role, actor in self._roles_of.get((office_id, affiliation_id), ()):
            if role.start and role.start <= on and (role.end is None or on <= role.end):
                if best is None or role.start > best[0]:
                    best = (role.start, actor)
            elif role.start is None and role.end is not None and on <= role.end:
                open_start.add(actor.id)
        if best:
            return best[1]
        return self.actors[open_start.pop()] if len(open_start) == 1 else None

    def successor(self, office: str, affiliation_id: str, on: date | None, within_days: int = 366) -> Actor | None:
        """Who next took ``office`` of ``affiliation_id`` after day ``on`` (within ``within_days``): the holder-elect
        ("the US president-elect" in late 2020). None when not known."""
        office_id = self.offices.office(office)
        if on is None or office_id is None:
            return None
        later = [(role.start, actor) for role, actor in self._roles_of.get((office_id, affiliation_id), ())
                 if role.start and on < role.start and (role.start - on).days <= within_days]
        return min(later, key=lambda item: item[0])[1] if later else None

    @cached_property
    def _roles_of(self) -> dict[tuple[str, str], list[tuple[Role, Actor]]]:
        roles: dict[tuple[str, str], list[tuple[Role, Actor]]] = defaultdict(list)
        for actor in self.actors.values():
            for role in actor.roles:
                office_id = self.offices.office(role.title)
                if office_id:
                    roles[(office_id, role.affiliation)].append((role, actor))
        return roles

    @cached_property
    def services(self) -> Mapping[tuple[str, str], str]:
        """(affiliation id, role title) -> the id of the first organisation with that role: a country's army or
        police ("armed forces" of pakistan), so that "Pakistani troops" find the force the gazetteer names."""
        found: dict[tuple[str, str], str] = {}
        for actor in self.actors.values():
            if actor.kind == "organization":
                for role in actor.roles:
                    found.setdefault((role.affiliation, role.title), actor.id)
        return MappingProxyType(found)

    @cached_property
    def alias_pattern(self) -> re.Pattern[str]:
        """One regex for every alias and demonym, whole words, case-sensitive, longest first."""
        return word_pattern(self.aliases)

    @cached_property
    def person_keys(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(name keys, actor ids) of every person's multi-word names, for fuzzy matching."""
        keys, ids = [], []
        for actor in self.actors.values():
            if actor.kind == "person":
                for name in dict.fromkeys((actor.name, *actor.aliases)):
                    if " " in name.strip():
                        keys.append(name_key(name))
                        ids.append(actor.id)
        return tuple(keys), tuple(ids)

    @cached_property
    def surnames(self) -> Mapping[str, tuple[str, ...]]:
        """Last word of each person's names (folded), or the surname the entry gives -> person ids; a last word with
        an Arabic article ("el-Sisi") also with the article's other spellings ("Al-Sisi", "al-Sisi", "El-Sisi")."""
        table: dict[str, list[str]] = defaultdict(list)
        for actor in self.actors.values():
            if actor.kind == "person":
                for name in (actor.name, *actor.aliases):
                    stem = _ARTICLE_WORD.match(name.split()[-1])
                    lasts = {fold(actor.surname or name.split()[-1])}
                    lasts |= {fold(f"{a}-{stem.group(1)}") for a in ("al", "Al", "el", "El")} if stem else set()
                    for last in lasts:
                        if actor.id not in table[last]:
                            table[last].append(actor.id)
        return {k: tuple(v) for k, v in table.items()}

    @cached_property
    def family_names(self) -> Mapping[tuple[str, ...], tuple[str, ...]]:
        """The last two or more words (folded) of each person's names of three or more words, short of the whole name
        -> person ids: "President Diaz Moreno" names the person whose full name ends so ("Ana Lucia Diaz Moreno")."""
        table: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for actor in self.actors.values():
            if actor.kind == "person":
                for name in (actor.name, *actor.aliases):
                    words = [fold(w) for w in name.split()]
                    for k in range(2, len(words)):
                        if actor.id not in table[tuple(words[-k:])]:
                            table[tuple(words[-k:])].append(actor.id)
        return {k: tuple(v) for k, v in table.items()}

    def given_names_of(self, given: str) -> tuple[str, ...]:
        """Ids of the people one of whose names (folded) begins with the word ``given`` ("Abdullah" -> Abdullah II)."""
        return self._given_names.get(given, ())

    @cached_property
    def _given_names(self) -> Mapping[str, tuple[str, ...]]:
        table: dict[str, list[str]] = defaultdict(list)
        for actor in self.actors.values():
            if actor.kind == "person":
                for name in (actor.name, *actor.aliases):
                    first = fold(name.split()[0]) if name.split() else ""
                    if first and actor.id not in table[first]:
                        table[first].append(actor.id)
        return {k: tuple(v) for k, v in table.items()}


_INITIAL_DOT = re.compile(r"\b([A-Z])\.(?= [A-Z])")


def _variants(alias: str, capitals: bool = True) -> set[str]:
    """An alias as written, without accents, and in capitals (headlines): "Türkiye", "Turkiye", "TÜRKIYE"; an
    initial also without its full stop ("S. Name", "S Name"); an apostrophe also as the typographic one most
    outlets print, and back ("Côte d'Ivoire", "Côte d’Ivoire")."""
    spellings = {alias, fold(alias)}
    spellings |= {s.replace("'", "’") for s in spellings} | {s.replace("’", "'") for s in spellings}
    spellings |= {_INITIAL_DOT.sub(r"\1", s) for s in spellings}
    spellings |= {v for s in spellings for v in _article_variants(s)}
    if capitals and len(alias) >= 4 and not alias.isupper():
        spellings |= {s.upper() for s in spellings}
    if capitals and _ACRONYM.fullmatch(alias):
        spellings.add(alias[0] + alias[1:].lower())  # "NATO" is "Nato" in many outlets' style
    return spellings


_ACRONYM = re.compile(r"[A-Z]{4,}\+?")  # four capitals or more, a word of its own ("OPEC+", not "US", "UK", "SPLM-IO")


_ARTICLE_WORD = re.compile(r"(?:[AaEe]l)-([A-Z][\w'’-]*)$")  # "el-Sisi", "Al-Thani": an Arabic article and a name
_ARABIC_ARTICLE = re.compile(r"(?<![\w'’])([ae]l)-(?=[A-Z])")


def _article_variants(alias: str) -> set[str]:
    """The other spellings news use for an Arabic article inside a name: "el-Sisi" is also "El-Sisi", "El Sisi"
    and "el Sisi", and with the article's other vowel "al-Sisi", "Al-Sisi", "Al Sisi" (and likewise from "al-")."""
    if not _ARABIC_ARTICLE.search(alias):
        return set()
    forms = [r"\1-", r"\1 ", "al-", "al ", "el-", "el "]
    found = {_ARABIC_ARTICLE.sub(f, alias) for f in forms}
    found |= {_ARABIC_ARTICLE.sub(lambda m, f=f: m.expand(f).capitalize(), alias) for f in forms}
    return found - {alias}


def _alias_table(actors: Mapping[str, Actor], not_actors: tuple[str, ...],
                 metonyms: Mapping[str, list[str]]) -> dict[str, AliasEntry]:
    """Spelling -> the actors it names; a spelling claimed twice keeps both ids (a data error that
    tests/test_actors.py reports)."""
    claims: dict[str, tuple[list[str], str]] = {}
    for actor in actors.values():
        spellings_by_method = (("exact", (actor.name, *actor.aliases)), ("demonym", actor.demonyms),
                               ("metonym", metonyms.get(actor.id, ())))
        for method, spellings in spellings_by_method:
            for spelling in spellings:
                for variant in _variants(spelling, capitals=method != "metonym"):  # "WASHINGTON -" is a dateline
                    ids, _ = claims.setdefault(variant, ([], method))
                    if actor.id not in ids:
                        ids.append(actor.id)
    table = {variant: AliasEntry(tuple(ids), method) for variant, (ids, method) in claims.items()}
    for phrase in not_actors:
        for variant in _variants(phrase):
            table[variant] = AliasEntry((), "none")
    return table


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _role(entry: dict[str, Any]) -> Role:
    return Role(entry["title"], entry.get("of", ""), _as_date(entry.get("start")), _as_date(entry.get("end")))


def actor_from_entry(entry: dict[str, Any], kind: str) -> Actor:
    """One gazetteer entry of data/actors.yaml as an Actor."""
    return Actor(
        id=entry["id"],
        name=entry["name"],
        kind=kind,
        aliases=tuple(entry.get("aliases", ())),
        roles=tuple(_role(r) for r in entry.get("roles", ())),
        demonyms=tuple(entry.get("demonyms", ())),
        surname=entry.get("surname", ""),
    )


def load_gazetteer(settings: Settings = DEFAULT_SETTINGS) -> Gazetteer:
    """The gazetteer of ``settings.data_dir`` (actors.yaml and offices.yaml), built once per folder."""
    return _load(Path(settings.data_dir))


@lru_cache(maxsize=8)
def _load(data_dir: Path) -> Gazetteer:
    data = load("actors.yaml", data_dir)
    actors = {}
    for section, kind in _SECTIONS.items():
        for entry in data.get(section, ()):
            actors[entry["id"]] = actor_from_entry(entry, kind)
    offices = OfficeVocabulary(load("offices.yaml", data_dir))
    return Gazetteer(actors, offices, data, data_dir)
