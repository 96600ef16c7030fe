"""The two people a phrase such as "the two leaders" refers back to (and the countries "the two countries",
"the three countries" refer back to: ``country_group_candidates``; the people of "the delegation":
``delegation_candidates``): reads the text and the person
candidates found so far; adds two "pronoun" candidates over the phrase (one on "two", one on the noun) for
the two people named before the phrase's sentence, when exactly two are named in the sentences just before
it, leaving out those its own sentence names before it (data/offices.yaml pair_nouns: "the two prime
ministers held talks", "X met the two leaders").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .spans import Candidate, matches_from

# Where a match of ``_pattern`` (of ``_group_pattern``) can begin: its look-behind is read only there.
_THE = re.compile(r"[Tt]he\s")
_THE_OR_BOTH = re.compile(r"[TtBb](?:he|oth)\s")
PAIR_REACH = 600  # characters before the phrase's sentence in which the two people are looked for
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“A-Z])")


@lru_cache(maxsize=4)
def _pattern(nouns: tuple[str, ...], bare: tuple[str, ...] = ()) -> re.Pattern[str] | None:
    if not nouns:
        return None
    alt = lambda found: "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(found, key=len, reverse=True))  # noqa: E731
    without = rf"|(?P<the>[Tt]he)\s+(?P<bare>{alt(bare)})(?!\w)(?!\s+of\s)" if bare else ""
    return re.compile(rf"(?<!\w)(?:[Tt]he\s+(?P<two>two|three|four|five|six)\s+(?P<noun>{alt(nouns)})(?!\w){without})")


def pair_candidates(text: str, persons: list[Candidate], nouns: tuple[str, ...],
                    bare: tuple[str, ...] = ()) -> list[Candidate]:
    """Candidates for the two people each "the two NOUN" phrase of ``text`` refers back to, and each "the
    NOUN" of ``bare`` ("the ministers", data/offices.yaml bare_pair_nouns) when exactly two are named before;
    "the three/four/five/six NOUN" likewise for that many people (one candidate on each piece of the phrase)."""
    pattern = _pattern(nouns, bare)
    if pattern is None or not persons:
        return []
    found = []
    persons = _ByStart(persons)
    for match in matches_from(pattern, _THE, text):
        count = _COUNTS[match.group("two").lower()] if match.group("two") else 2
        people = _last_n(text, match.start(), persons, count)
        if people and count > 2:
            found += [Candidate(start, end, actor_id, "pronoun", 0.6)
                      for (start, end), actor_id in zip(_pieces(match.start("two"), match.end("noun"), count), people)]
        elif people:
            first, second = ("two", "noun") if match.group("two") else ("the", "bare")
            found.append(Candidate(*match.span(first), people[0], "pronoun", 0.6))
            found.append(Candidate(*match.span(second), people[1], "pronoun", 0.6))
    return found


_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _pieces(start: int, end: int, count: int) -> list[tuple[int, int]]:
    """``count`` adjacent spans that together cover ``start``..``end`` ("five leaders" for five people)."""
    cuts = [start + (end - start) * i // count for i in range(count + 1)]
    return list(zip(cuts, cuts[1:]))


_RELATIVE_BEFORE = re.compile(r"(?:\b(?:at|during|in|after)\s+which|,\s+where|\bwhere)\s+$", re.IGNORECASE)


class _ByStart:
    """Candidates in start order (those with one start in the order they came): the ones that start in a span
    are found without going through all of them (a long text has thousands)."""

    def __init__(self, candidates: list[Candidate]):
        self.items = sorted(candidates, key=lambda c: c.start)
        self.starts = [c.start for c in self.items]

    def between(self, low: int, high: int) -> list[Candidate]:
        """Those that start at ``low`` or after and before ``high``, in start order."""
        return self.items[bisect_left(self.starts, low) : bisect_left(self.starts, high)]


def _last_n(text: str, at: int, persons: _ByStart, count: int) -> tuple[str, ...] | None:
    """The ``count`` distinct people named before the sentence holding ``at`` (less those named in it before
    ``at``); None unless exactly that many are named within PAIR_REACH characters before it. After "at which",
    "where" ("X held talks with Y, at which the two ministers ..."), the people its own sentence names before it."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, at - PAIR_REACH - 400), at + 1) if m.end() <= at]
    sentence_start = ends[-1] if ends else max(0, at - PAIR_REACH - 400)
    if _RELATIVE_BEFORE.search(text, max(sentence_start, at - 20), at):
        own = list(dict.fromkeys(c.actor_id for c in persons.between(sentence_start, at)))
        if len(own) == count:
            return tuple(own)
    earlier = persons.between(sentence_start - PAIR_REACH, sentence_start)
    own = {c.actor_id for c in persons.between(sentence_start, at)}  # "X met the two leaders": not X
    ids = [i for i in dict.fromkeys(c.actor_id for c in earlier) if i not in own]
    return tuple(ids) if len(ids) == count else None


_NUMBERS = {"two": 2, "three": 3, "both": 2}


@lru_cache(maxsize=4)
def _group_pattern(nouns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not nouns:
        return None
    words = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:[Tt]he\s+(?:two|three)|[Bb]oth)\s+(?:{words})(?!\w)")


def country_group_candidates(text: str, countries: list[Candidate], nouns: tuple[str, ...],
                             persons: list[Candidate] = (), country_of=None) -> list[Candidate]:
    """ "the three countries", "both nations" (data/offices.yaml country_group_nouns): the countries named in
    the sentence before, when there are exactly that many (less those its own sentence names before it); one
    candidate on each word of the phrase. Failing those, the countries of the people named before it in its own
    sentence, else in the sentence before, when each serves one country and there are exactly that many ("after
    X met his Estarian counterpart Y, officials of the two countries signed"); ``country_of`` gives a person's
    countries."""
    pattern = _group_pattern(nouns)
    if pattern is None or not (countries or persons):
        return []
    found = []
    countries, persons = _ByStart(countries), _ByStart(persons)
    for match in matches_from(pattern, _THE_OR_BOTH, text):
        words = list(re.finditer(r"\S+", match.group()))
        count = _NUMBERS[words[-2].group().lower()]
        named = _named_just_before(text, match.start(), countries)
        if len(named) != count and persons.items and country_of is not None:
            named = _countries_of_people(text, match.start(), persons, country_of, count) or named
        if len(named) == count:
            spans = words[-count:]
            found += [Candidate(match.start() + w.start(), match.start() + w.end(), actor_id, "pronoun", 0.6)
                      for w, actor_id in zip(spans, named)]
    return found


def _countries_of_people(text: str, at: int, persons: _ByStart, country_of, count: int) -> list[str]:
    """The ``count`` distinct countries of the people named in the sentence holding ``at`` before it, else in the
    sentence before; none when a person serves no country or several, or the number differs."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, at - PAIR_REACH - 400), at + 1) if m.end() <= at]
    start = ends[-1] if ends else max(0, at - PAIR_REACH - 400)
    previous = ends[-2] if len(ends) > 1 else max(0, at - PAIR_REACH - 400)
    for low, high in ((start, at), (previous, start) if ends else (start, start)):
        people = dict.fromkeys(c.actor_id for c in persons.between(low, high))
        served = [country_of(p) for p in people]
        if people and all(len(s) == 1 for s in served):
            found = list(dict.fromkeys(s[0] for s in served))
            if len(found) == count:
                return found
        if people:
            return []
    return []


def _named_just_before(text: str, at: int, countries: _ByStart) -> list[str]:
    """The distinct countries named in the sentence before the one holding ``at``, less those named in its own
    sentence before ``at``."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, at - PAIR_REACH - 400), at + 1) if m.end() <= at]
    if not ends:
        return []
    start, previous = ends[-1], (ends[-2] if len(ends) > 1 else max(0, at - PAIR_REACH - 400))
    own = {c.actor_id for c in countries.between(start, at)}
    before = countries.between(previous, start)
    return [i for i in dict.fromkeys(c.actor_id for c in before) if i not in own]


DELEGATION_REACH = 1500  # characters: "the delegation" refers to the people a delegation phrase names at most this far away
MAX_MEMBERS = 6
# What may stand between two members of a delegation ("comprising Foreign Minister X and Presidential Adviser Mr. Y",
# "including Senators A, B and C"): commas, "and", and the capitalised words of their titles.
_MEMBER_GAP = re.compile(r"[\s,]*(?:and\s+)?(?:(?:[A-Z][\w.'’-]*|of|for|the|and|to|&)\s+)*")
MEMBER_GAP_CHARS = 80


@lru_cache(maxsize=4)
def _delegation_patterns(nouns: tuple[str, ...], cues: tuple[str, ...]) -> tuple[re.Pattern, ...] | None:
    if not nouns or not cues:
        return None
    noun = _alternation(nouns)
    members = re.compile(rf"(?<![\w])(?P<noun>{noun})\s*,?\s+(?:{_alternation(cues)})\s+", re.IGNORECASE)
    # one way to read each gap ("\s*,\s*" or "\s+", not "\s*,?\s+"): linear on a run of spaces
    led = re.compile(rf"(?:\s+[A-Z]{{2,4}})?(?:\s*,\s+[^,.;:()\n]{{1,60}},)?(?:\s*,\s*|\s+)(?:who\s+)?"
                     rf"(?:has\s+|had\s+|have\s+|is\s+|was\s+)?(?:led|leads|headed|heads|leading|heading)\s+"
                     rf"(?:a|an|the|his|her)\s+(?:[\w'’-]+\s+){{0,3}}?(?P<noun>{noun})(?![\w])")
    own = re.compile(rf"(?:\s*,\s*|\s+)and\s+(?:his|her)\s+(?P<noun>{noun})(?![\w])|['’]s\s+(?P<noun2>{noun})(?![\w])")
    refer = re.compile(rf"(?<![\w])(?P<det>[Tt]he|[Aa]n?|[Tt]his)\s+(?:[\w'’-]+\s+){{0,3}}?(?P<noun>{noun})(?![\w])")
    return members, led, own, refer


def _alternation(phrases: tuple[str, ...]) -> str:
    """Literal phrases, longest first, any run of spaces between their words."""
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


def delegation_candidates(text: str, persons: list[Candidate], nouns: tuple[str, ...],
                          cues: tuple[str, ...]) -> list[Candidate]:
    """Candidates for the people of a delegation that a phrase refers to without naming them ("The delegation held
    talks with X", "A delegation of lawmakers laid a wreath"): those a delegation phrase of the text names
    (``_delegations``), the nearest such phrase before it within DELEGATION_REACH characters; for "a delegation",
    failing one before, the first after it ("A delegation laid a wreath. ... A led the delegation"). One candidate on
    each piece of the noun, one per member."""
    patterns = _delegation_patterns(nouns, cues)
    if patterns is None or not persons:
        return []
    groups = _delegations(text, sorted(persons, key=lambda c: c.start), patterns)
    places = sorted(groups)
    found = []
    for match in patterns[-1].finditer(text) if groups else ():
        at = match.start("noun")
        if at in groups:
            continue  # the phrase that names the delegation's people
        before = [p for p in places if at - DELEGATION_REACH <= p < at]
        indefinite = match.group("det").lower() in ("a", "an")
        after = [p for p in places if at < p <= at + DELEGATION_REACH] if indefinite else []
        source = before[-1] if before else (after[0] if after else None)
        if source is not None:
            ids = groups[source]
            found += [Candidate(start, end, actor_id, "pronoun", 0.6)
                      for (start, end), actor_id in zip(_pieces(at, match.end("noun"), len(ids)), ids)]
    return found


def _delegations(text: str, persons: list[Candidate], patterns: tuple[re.Pattern, ...]) -> dict[int, list[str]]:
    """Where each delegation noun that a phrase tells the people of stands, and those people (data/offices.yaml
    ``delegation_nouns``, ``delegation_cues``): the people listed after the noun and a cue ("a delegation comprising A
    and B"), a person who leads it ("A, who led a delegation", "A has led a delegation including B"), or whose it is
    ("A and his delegation", "A's delegation"); up to MAX_MEMBERS each."""
    members, led, own, _ = patterns
    groups: dict[int, list[str]] = {}
    for match in members.finditer(text):
        groups.setdefault(match.start("noun"), []).extend(_listed(text, match.end(), persons))
    for person in persons:
        for pattern in (led, own):
            found = pattern.match(text, person.end)
            if found:
                at = found.start("noun") if found.group("noun") else found.start("noun2")
                groups.setdefault(at, []).insert(0, person.actor_id)
    return {at: list(dict.fromkeys(ids))[:MAX_MEMBERS] for at, ids in groups.items() if ids}


def _listed(text: str, at: int, persons: list[Candidate]) -> list[str]:
    """The people listed from ``at`` on, each after the one before with only commas, "and" and title words between."""
    ids, end = [], at
    for person in persons:
        if person.start < end:
            continue
        if person.start - end > MEMBER_GAP_CHARS or not _MEMBER_GAP.fullmatch(text, end, person.start):
            break
        ids.append(person.actor_id)
        end = person.end
    return ids
