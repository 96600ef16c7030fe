"""Plural office titles: reads the text, the country and organisation candidates and the article's date; adds
"office" candidates for the holders of a plural office named with its countries ("the foreign ministers of
France and Germany", "the French and German foreign ministers", "the Estarian and Ruritanian leaders"): each
country's name stands for the person holding that office for it on that date, when the gazetteer knows them.
Plural counterparts ("his counterparts from Estaria and Ruritania", "his Estarian and Ruritanian counterparts")
hold the office of the person named last before them.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..models import Actor
from ..prefilter import Skipping
from .gazetteer import Gazetteer
from .names import trie_pattern
from .offices import OfficeVocabulary
from .spans import Candidate, run_from

_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?")
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_FROM = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?")
COUNTERPART_REACH = 300  # characters between the person whose office the counterparts hold and the plural


def plural_office_candidates(text: str, gazetteer: Gazetteer, groups: list[Candidate],
                             when: date | None, persons: list[Candidate] = ()) -> list[Candidate]:
    """Office candidates over the country names of plural titles; the caller drops the country candidates
    they replace (same spans). ``persons``: the known people named in the text, for plural counterparts, and for
    the holders on a page of unknown date (the one person the text names who has held that office for that country)."""
    if not groups:
        return []
    by_start = {c.start: c for c in groups}
    by_end = {c.end: c for c in groups}
    found = _counterparts(text, gazetteer, by_start, by_end, persons, when) if when is not None else []
    for (start, end), in _plural_pattern(gazetteer.offices).spans(text):
        office = _office_of(text[start:end], gazetteer)
        of = _OF.match(text, end)
        listed = run_from(text, of.end(), by_start, _SEPARATOR) if of else _list_before(text, start, by_end)
        if len(listed) < 2:
            continue
        for country in listed:
            led_by = gazetteer.offices.leader_office(country.actor_id) if office == LEADER else office
            holder = gazetteer.holder(led_by, country.actor_id, when) if when is not None else \
                _named_holder(gazetteer, led_by, country.actor_id, persons)
            if holder is not None:
                found.append(Candidate(country.start, country.end, holder.id, "office", 0.85))
    return found


def _named_holder(gazetteer: Gazetteer, office: str, country_id: str, persons: list[Candidate]) -> Actor | None:
    """The one person among ``persons`` who has held ``office`` for ``country_id`` at some time (no date to tell
    who held it: "the foreign ministers of X and Y met", and the page names X's and Y's ministers)."""
    office_id = gazetteer.offices.office(office)
    holders = {p.actor_id for p in persons if any(
        gazetteer.offices.office(r.title) == office_id and r.affiliation == country_id
        for r in getattr(gazetteer.get(p.actor_id), "roles", ()))}
    return gazetteer.get(holders.pop()) if len(holders) == 1 else None


def _counterparts(text: str, gazetteer: Gazetteer, by_start: dict, by_end: dict, persons: list[Candidate],
                  when: date) -> list[Candidate]:
    """ "X met his counterparts from Estaria and Ruritania": each listed country's holder of the office X holds
    on ``when`` (a list of two or more countries, not each followed by a name: those are the people)."""
    found: list[Candidate] = []
    for (start, end), in _counterparts_pattern(gazetteer.offices).spans(text):
        before = [p for p in persons if 0 < start - p.end <= COUNTERPART_REACH]
        office = _office_held(gazetteer, max(before, key=lambda p: p.start).actor_id, when) if before else None
        if office is None:
            continue
        of = _FROM.match(text, end)
        listed = run_from(text, of.end(), by_start, _SEPARATOR) if of else _list_before(text, start, by_end)
        if len(listed) < 2:
            continue
        for country in listed:
            holder = gazetteer.holder(office, country.actor_id, when)
            if holder is not None:
                found.append(Candidate(country.start, country.end, holder.id, "office", 0.85))
    return found


def _office_held(gazetteer: Gazetteer, actor_id: str, when: date) -> str | None:
    """The first office of ``actor_id``'s roles that covers ``when``."""
    actor = gazetteer.get(actor_id)
    for role in actor.roles if actor else ():
        office = gazetteer.offices.office(role.title)
        if office and (role.start or when) <= when <= (role.end or when):
            return office
    return None


@lru_cache(maxsize=4)
def _counterparts_pattern(offices: OfficeVocabulary) -> Skipping:
    """The plural counterpart nouns, searched through their fast form (``prefilter.Skipping``: the same
    matches, the engine jumping between possible first letters; 0.047 -> 0.009 ms per article)."""
    nouns = "|".join(re.escape(_plural_word(word)) for word in sorted(offices.counterparts))
    return Skipping(re.compile(rf"(?<![\w-])(?:{nouns})(?![\w-])", re.IGNORECASE) if nouns else re.compile(r"(?!)"))


def _list_before(text: str, at: int, by_end: dict[int, Candidate]) -> list[Candidate]:
    """The countries (or their demonyms) listed right before ``at``: "the French and German "."""
    listed: list[Candidate] = []
    end = at
    while end and text[end - 1].isspace():  # the text before ``at`` less the white space it ends with
        end -= 1
    while end in by_end:
        country = by_end[end]
        listed.insert(0, country)
        end = _gap_before(text, country.start)
        if end is None:
            break
    return listed


_GAP = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)$")
_GAP_CHARS = frozenset(",and")  # with white space, all a gap is made of


def _gap_before(text: str, end: int) -> int | None:
    """Where the gap between listed names ("," or "and") that ends at ``end`` starts, if one does; searched in
    the run of characters a gap may hold before ``end``, not in all the text before it (a long text's plural titles
    made that grow with the square of its length)."""
    start = end
    while start and (text[start - 1].isspace() or text[start - 1] in _GAP_CHARS):
        start -= 1
    gap = _GAP.search(text[start:end])
    return start + gap.start() if gap else None


def _office_of(title: str, gazetteer: Gazetteer) -> str:
    plural = " ".join(title.lower().replace("-", " ").split())
    return _singulars(gazetteer.offices)[plural]


LEADER = "leader"  # "the Estarian and Ruritanian leaders": each country's leader (OfficeVocabulary.leader_office)


@lru_cache(maxsize=4)  # by the (read-only) vocabulary itself: no tuple of every spelling to build and hash per call
def _singulars(offices: OfficeVocabulary) -> dict[str, str]:
    """Plural spelling -> office id, for each office spelling of more than three letters (and the leader nouns)."""
    found = {_plural(key): office for key, office in sorted(offices.office_of.items()) if len(key) > 3}
    return {**{" ".join(n.lower().split()): LEADER for n in offices.leader_nouns}, **found}


@lru_cache(maxsize=4)
def _plural_pattern(offices: OfficeVocabulary) -> Skipping:
    """The plural titles, searched through their fast form (``prefilter.Skipping``: the same matches; the look-behind
    opening the pattern made the engine try every alternative at every character: 0.105 -> 0.061 ms per article)."""
    body = trie_pattern(_singulars(offices)).replace(r"\ ", r"[\s-]+")  # longest spelling first, as a trie
    return Skipping(re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE))


def _plural(title: str) -> str:
    """ "foreign minister" -> "foreign ministers"; "minister of foreign affairs" -> "ministers of foreign
    affairs"; "secretary of state" -> "secretaries of state"."""
    head, of, rest = title.partition(" of ")
    words = head.split()
    words[-1] = _plural_word(words[-1])
    return " ".join(words) + (f" of {rest}" if of else "")


def _plural_word(word: str) -> str:
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"
