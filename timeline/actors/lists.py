"""People listed with their countries: reads the text, the country/organisation candidates, the name runs the
gazetteer does not know and data/offices.yaml ``list_nouns``; says which runs a list introduces as people,
with the country each one stands for.

Two layouts follow a plural noun and "from"/"of" ("his counterparts from", "the foreign ministers of"):
- pairs, each country followed by its person: "counterparts from Estaria, Jane Roe, and Ruritania, John Doe";
- two lists of the same length, countries then people in the same order: "the foreign ministers of Estaria
  and Ruritania, Jane Roe and John Doe".
And without a noun, a list of people each with their country after them: "Jane Roe of Estaria and John Doe of
Ruritania", "Jane Roe (Estaria), John Doe (Ruritania)" (``people_with_countries``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..models import Role
from ..prefilter import Skipping
from .spans import Candidate, NameRun, run_from

_ITEM_GAP = re.compile(r"\s*,\s*(?:and\s+|as\s+well\s+as\s+)?(?:the\s+)?|\s+(?:and|as\s+well\s+as)\s+(?:the\s+)?")
_PAIR_GAP = re.compile(r",\s+")
_COUNTRY_NAME_GAP = re.compile(r",\s+|\s+")  # "of X, NAME, and Y, NAME" or "of X NAME, Y NAME"
_COUNTRY_AFTER = re.compile(r"\s+of\s+(?:the\s+)?|\s*\(\s*")
_CLOSE = re.compile(r"\s*\)")
MIN_LISTED = 2  # one country and one name is no list


@dataclass(frozen=True)
class Listed:
    run_start: int
    role: Role
    country: tuple[int, int]  # the country's span: the person's affiliation, not a mention of its own


@lru_cache(maxsize=4)
def _opener(nouns: tuple[str, ...]) -> Skipping | None:
    if not nouns:
        return None
    words = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(nouns, key=len, reverse=True))
    return Skipping(re.compile(rf"(?<![\w-])(?P<noun>{words})\s+(?:from|of)\s+(?:the\s+)?", re.IGNORECASE))


def listed_people(text: str, groups: list[Candidate], runs: list[NameRun], nouns: tuple[str, ...],
                  known: list[Candidate] = ()) -> list[Listed]:
    """The people each list of ``text`` introduces, with their countries (see the module's docstring).
    ``known``: the people the gazetteer knows, who may stand in a list beside new ones ("KNOWN of Estaria
    and NEW of Ruritania"); only the new ones are returned."""
    opener = _opener(nouns)
    if opener is None or not runs:
        return []
    countries = {c.start: c for c in groups}
    new = {r.start for r in runs}
    names = {**{k.start: k for k in known}, **{r.start: r for r in runs}}
    found: list[Listed] = []
    for (_, end), (noun_start, noun_end) in opener.spans(text, "noun"):
        title = _singular(" ".join(text[noun_start:noun_end].split()))
        pairs = _pairs(text, end, countries, names) or _two_lists(text, end, countries, names)
        found += [Listed(run.start, Role(title, country.actor_id), (country.start, country.end))
                  for country, run in pairs]
    found += _titled_names(text, names, nouns)
    found += people_with_countries(text, countries, names)
    return [item for item in found if item.run_start in new]


def _titled_names(text: str, names: dict, nouns: tuple[str, ...]) -> list[Listed]:
    """ "Foreign Ministers Jane Roe, John Doe and Ann Poe": a capitalised plural title right before a list of
    two or more names; each is a person with that title (no country: the title names none)."""
    found: list[Listed] = []
    for (_, end), (noun_start, noun_end) in _bare_opener(nouns).spans(text, "noun"):
        if not text[noun_start].isupper():
            continue
        listed = run_from(text, end, names, _ITEM_GAP)
        if len(listed) >= MIN_LISTED:
            title = _singular(" ".join(text[noun_start:noun_end].split()))
            found += [Listed(run.start, Role(title), (run.start, run.start)) for run in listed]
    return found


@lru_cache(maxsize=4)
def _bare_opener(nouns: tuple[str, ...]) -> Skipping:
    words = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(nouns, key=len, reverse=True))
    return Skipping(re.compile(rf"(?<![\w-])(?P<noun>{words})\s+(?=[A-Z])", re.IGNORECASE))


def people_with_countries(text: str, countries: dict, names: dict) -> list[Listed]:
    """ "Jane Roe of Estaria and John Doe of Ruritania", "Jane Roe (Estaria), John Doe (Ruritania)": two or
    more names, each followed by its country, listed one after another."""
    found: list[Listed] = []
    chain: list[Listed] = []
    for start in sorted(names):
        if chain and start < chain[-1].country[1]:
            continue
        item = _with_country(text, names[start], countries)
        joined = chain and item and _ITEM_GAP.fullmatch(text, chain[-1].country[1], start) is not None
        if item and (joined or not chain):
            chain.append(item)
            continue
        if len(chain) >= MIN_LISTED:
            found += chain
        chain = [item] if item else []
    return found + (chain if len(chain) >= MIN_LISTED else [])


def _with_country(text: str, run: NameRun, countries: dict) -> Listed | None:
    """The run as a person of the country written right after it ("NAME of X", "NAME (X)"), if any."""
    gap = _COUNTRY_AFTER.match(text, run.end)
    country = countries.get(gap.end()) if gap else None
    if country is None:
        return None
    end = country.end
    if "(" in gap.group():
        close = _CLOSE.match(text, end)
        if close is None:
            return None
        end = close.end()
    return Listed(run.start, Role("", country.actor_id), (country.start, end))


def _pairs(text: str, at: int, countries: dict, names: dict) -> list[tuple[Candidate, NameRun]]:
    """ "Estaria, Jane Roe, and Ruritania, John Doe": each country, a comma, its person."""
    found = []
    while at in countries:
        country = countries[at]
        comma = _COUNTRY_NAME_GAP.match(text, country.end)
        run = names.get(comma.end()) if comma else None
        if run is None:
            break
        found.append((country, run))
        gap = _ITEM_GAP.match(text, run.end)
        if not gap:
            break
        at = gap.end()
    return found if len(found) >= MIN_LISTED else []


def _two_lists(text: str, at: int, countries: dict, names: dict) -> list[tuple[Candidate, NameRun]]:
    """ "Estaria and Ruritania, Jane Roe and John Doe": as many people as countries, in the same order."""
    listed = run_from(text, at, countries, _ITEM_GAP)
    comma = _PAIR_GAP.match(text, listed[-1].end) if listed else None
    people = run_from(text, comma.end(), names, _ITEM_GAP) if comma else []
    if len(listed) < MIN_LISTED or len(people) != len(listed):
        return []
    return list(zip(listed, people))


def _singular(noun: str) -> str:
    """ "foreign ministers" -> "foreign minister", "heads of state" -> "head of state", "colleagues" -> ""."""
    head, of, rest = noun.partition(" of ")
    words = head.split()
    last = words[-1]
    words[-1] = last[:-3] + "y" if last.endswith("ies") else last[:-1] if last.endswith("s") else last
    singular = " ".join(words) + (f" of {rest}" if of else "")
    return "" if singular.lower() == "colleague" else singular
