"""Organisations the gazetteer does not know, named as organisations. Reads the text, the spans the gazetteer
and the offices already cover, and data/actors.yaml ``organisation_names``; adds discovered organisations
("new:...") and a Candidate for each mention of them:

- a capitalised name ending in an organisation noun: "the Valdoro Cartel", "Harbourline Container Terminals";
- a name before a descriptor and a group noun: "the NightOwl ransomware gang" (NightOwl);
- a name of two or more capitalised words before a noun for its members: "two Valdoro Brotherhood militants were
  killed" (Valdoro Brotherhood); a word the gazetteer knows may stand inside it, not first ("Free Estarian Army
  fighters");
- an acronym before its expansion in brackets: "FLV (Front for the Liberation of ...)" (FLV);
- a name before its acronym in brackets: "the Ruritanian Mining Agency (RMA)", its later "RMA" too
  (``expanded_acronym_candidates``);
- a country's service named after it: "the Estarian Navy", "the Royal Estarian Navy", "the Ruritania Coast Guard",
  "the Estarian Red Cross" (``services``), an organisation of that country (``service_candidates``);
- a head with an "of"/"for" tail: "the Rotary Club of Velm", "the Harlow Foundation for Rural Health";
- a country's name or demonym opening a headed name: "the Estaria Union of Bus Drivers", "the Estarian Revenue
  Office", a body of its own affiliated to the country (``country_named_candidates``);
- a court's name with a lower-case or capitalised head: "the Marlow high court", "MARLOW HIGH COURT".

Any other name holding a word the gazetteer knows ("Kenyan Armed Forces": Kenya) is left to the gazetteer, and
every later mention of a discovered name in the text is a mention of it too.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import ChainMap
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ..models import Actor, Role
from ..resources import load
from .names import slug
from .places import place_country
from .spans import Candidate

_TAIL_WORD = r"[A-Z][\w'’\-]*"  # a word of a name's "of" tail, which ends no abbreviation: "of Calapan." ends a sentence


def _name_word(abbreviations: frozenset[str]) -> str:
    """A capitalised word of a name. A full stop ends it only as an abbreviation's (data/sentences.yaml
    ``abbreviations``: "St. Mary's", "Dr. Ola Berg Foundation") or an initial's ("U.S. Army", "J. Roe Trust"), as the
    sentence splitter reads it; "on Monday. The Velm High Court" is two sentences, not one name."""
    short = "|".join(re.escape(a.capitalize()) for a in sorted(abbreviations, key=len, reverse=True) if "." not in a)
    return rf"(?:(?:{short})\.|[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w'’&\-]*(?:\.[\w'’&\-]+)*)"


@lru_cache(maxsize=8)
def _words(data_dir: Path) -> tuple[str, str]:
    """A word of a name, and one that no letter, digit, apostrophe or hyphen comes before (a name's first)."""
    word = _name_word(frozenset(load("sentences.yaml", data_dir)["abbreviations"]))
    return word, rf"(?=[A-Z])(?<![\w'’\-]){word}"


@lru_cache(maxsize=8)
def _patterns(data_dir: Path) -> tuple[re.Pattern, ...] | None:
    table = load("actors.yaml", data_dir).get("organisation_names")
    if not table:
        return None
    alt = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
    # Each starts with its capital and only then looks behind it, so that the regex engine skips to capitals.
    heads = [*table['heads'], *table.get('institution_heads', ())]
    word, first = _words(data_dir)
    # up to three words before the head, one of which may be a leading word ("The"), taken off later
    headed = re.compile(rf"({first}\s+(?:{word}\s+){{0,3}}(?:{alt(heads)}))(?![\w\-])")
    described = re.compile(rf"({first})\s+(?:{alt(table['descriptors'])})\s+(?:{alt(table['group_nouns'])})(?![\w])")
    # "ABC (the Alpha Beta Council)"; not a dateline's place before a one-word agency: "OSLO (Wire) -"
    acronym = re.compile(r"([A-Z](?<![\w\-][A-Z])[A-Z0-9]{1,7})\s+\((?:the\s+)?[A-Z][^()\n]{2,80}\s[^()\n]{1,80}\)")
    nouns = alt(table.get("member_nouns") or ["\x00"])
    members = re.compile(rf"({first}(?:[ \t]+{word}){{1,3}})[ \t]+(?:{nouns})(?![\w\-])")
    # "the Coastal Search and Rescue Agency": a headed name with "and" (or "&") between two of its words
    joined = re.compile(rf"({first}\s+(?:{word}\s+){{0,2}}(?:and|&)\s+{word}\s+(?:{word}\s+){{0,2}}(?:{alt(heads)}))(?![\w\-])")
    # "the Foundation for Rural Health", "the Velm Rotary Club of Calapan": a head and an "of"/"for" tail of capitalised
    # words (and "and", "&" or "of" between them), up to five of them
    tail_heads = alt([*heads, *table.get("tailed_heads", ())])
    # (its first word is optional, so a look-ahead for the capital lets the engine skip to capitals: 3.5x faster)
    tailed = re.compile(rf"(?=[A-Z])((?:{first}\s+(?:{word}\s+){{0,3}})?(?:{tail_heads})[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?"
                        rf"{_TAIL_WORD}(?:[ \t]+(?:(?:and|&)[ \t]+|(?:of|for)[ \t]+(?:the[ \t]+)?)?{_TAIL_WORD}){{0,4}})(?![\w\-])")
    return headed, described, acronym, members, joined, tailed


def organisation_candidates(text: str, covered: bytearray, stopwords: frozenset[str],
                            data_dir: Path, known=frozenset()) -> tuple[list[Candidate], dict[str, Actor]]:
    """Mentions of organisations named as such that no alias or title covers, and those organisations.
    ``stopwords``: capitalised words never a name of their own (data/offices.yaml name_stopwords); a headed
    name made only of ``generic_words`` ("the Security Forces") names no particular organisation. ``known``: the
    gazetteer's names (a container), for a known name written with its last word in lower case."""
    patterns = _patterns(data_dir)
    if patterns is None:
        return [], {}
    leading, generic = _word_sets(data_dir)
    found: dict[str, Actor] = {}
    spanning: set[str] = set()  # names of members' groups, which may hold a word the gazetteer knows
    for pattern in patterns:
        if pattern is patterns[2] and "(" not in text:  # the acronym pattern needs a bracket
            continue
        for match in pattern.finditer(text):
            start, end = _without_leading_stopwords(text, match.start(1), match.end(1), leading)
            name = " ".join(text[start:end].split())
            words = name.split()
            if pattern is patterns[3]:
                if len(words) < 2 or covered[start] or words[0] in generic \
                        or not _member_group(words, stopwords, table_of(data_dir)):
                    continue
                spanning.add("new:" + slug(name))
            elif start >= end or 1 in covered[start:end] or len(name) < 3 \
                    or (pattern is patterns[4] and not _joined_name(words, generic, stopwords, table_of(data_dir))) \
                    or (pattern is patterns[5] and (not _tailed_name(words, stopwords) or _known_in_lower_case(text, end, name, known) or _LONGER_NAME.match(text, end)
                                                    or _SPELLED_OUT.search(text, max(0, start - 16), start))) \
                    or (pattern in (patterns[0], patterns[4]) and (len(words) < 2 or all(w in generic for w in words[:-1])
                                                    or _unnamed_institution(words, stopwords, generic, data_dir)
                                                    or _SPELLED_OUT.search(text, max(0, start - 16), start)
                                                    or _LONGER_NAME.match(text, end))) \
                    or (pattern is not patterns[0] and name in stopwords) \
                    or (pattern is patterns[2] and place_country(name, data_dir, capitals=True)):
                continue
            actor_id = "new:" + slug(name)
            found.setdefault(actor_id, Actor(actor_id, name, "organization", discovered=True))
    candidates = []
    owned = _owned_pattern(data_dir)
    for actor in found.values():
        for start, end in whole_word_spans(text, actor.name):
            if (1 not in covered[start:end] or (actor.id in spanning and not covered[start])) \
                    and (owned is None or not owned.match(text, end)):  # "a Harbour Rescue Agency vessel": its vessel
                candidates.append(Candidate(start, end, actor.id, "exact", 0.8))
    inner = {c for c in candidates for o in candidates if o.start <= c.start and c.end <= o.end and o.end - o.start > c.end - c.start}
    return [c for c in candidates if c not in inner], found  # "Rescue Agency" inside "Search and Rescue Agency"


def lower_headed_candidates(text: str, covered: bytearray, stopwords: frozenset[str],
                            data_dir: Path) -> tuple[list[Candidate], dict[str, Actor]]:
    """ "the Marlow high court", "a Vell district court": a capitalised name right before a lower-case noun of
    data/actors.yaml ``organisation_names.lower_heads`` names that body, written with capitals ("Marlow High Court"),
    of the country whose seat of government the name is ("the Nairobi high court": Kenya's); every later mention of the
    name too, its head in capitals or not. Not a name any alias or title covers ("the Kenyan high court" is the
    country's), nor one holding a name stopword ("On Monday the high court")."""
    pattern = _lower_headed(data_dir)
    if pattern is None:
        return [], {}
    leading, _ = _word_sets(data_dir)
    found: dict[str, tuple[Actor, re.Pattern]] = {}
    for match in pattern.finditer(text):
        start, end = _without_leading_stopwords(text, match.start(1), match.end(1), leading)
        place = text[start:end].split()
        if start >= end or 1 in covered[start:end] or any(w in stopwords for w in place):
            continue
        head = match.group(2).split()
        written = [w.capitalize() if w.isupper() and len(w) > 1 else w for w in place]  # "ISLAMABAD HIGH COURT"
        name = " ".join([*written, *(w[:1].upper() + w[1:].lower() for w in head)])
        actor_id = "new:" + slug(name)
        if actor_id not in found:
            country = place_country(" ".join(written), data_dir, capitals=True)
            actor = Actor(actor_id, name, "organization", roles=(Role(" ".join(head).lower(), country or ""),),
                          discovered=True)
            spelled = re.compile(rf"(?<![\w\-])((?i:{_spaced(place)}))[ \t]+(?i:{_spaced(head)})(?![\w\-])")
            found[actor_id] = (actor, spelled)
    # only the name must be free: a title word inside the head is none there ("the Velm magistrate's court")
    candidates = [Candidate(m.start(), m.end(), actor.id, "exact", 0.8) for actor, spelled in found.values()
                  for m in spelled.finditer(text) if 1 not in covered[m.start():m.end(1)]]
    return candidates, {actor.id: actor for actor, _ in found.values()}


def _spaced(words: list[str]) -> str:
    return r"[ \t]+".join(re.escape(w) for w in words)


@lru_cache(maxsize=8)
def _lower_headed(data_dir: Path) -> re.Pattern | None:
    """One or two capitalised words (a leading word such as "The" may be the first) and a head of ``lower_heads``,
    in lower case, capitalised ("the Velm High Court") or in capitals ("VELM HIGH COURT")."""
    heads = table_of(data_dir).get("lower_heads", ())
    if not heads:
        return None
    alternation = "|".join(_spaced(h.split()) for h in sorted(heads, key=len, reverse=True))
    word, first = _words(data_dir)
    return re.compile(rf"({first}(?:[ \t]+{word})?)[ \t]+((?i:{alternation}))(?![\w\-])")


def described_candidates(text: str, covered: bytearray, stopwords: frozenset[str],
                         data_dir: Path) -> tuple[list[Candidate], dict[str, Actor]]:
    """ "Estarian energy group Petrovia", "the state oil company EPC", "a Ruritanian miner, Goldcrest": a name after a
    noun for a business or an agency (data/actors.yaml ``organisation_names.business_nouns``) that a describing word
    comes before (not "the company Petrovia") is an organisation, and every later mention of the name too; a country
    named right before the description is its affiliation, no mention ("Estarian energy group" is Petrovia's).
    Not a known name, a name stopword ("the company Monday"), nor a news agency ("news agency Wirex")."""
    pattern = _described_business(data_dir)
    if pattern is None or not _business_noun_before_name(data_dir).search(text):
        return [], {}
    table = table_of(data_dir)
    skipped = {*table.get("business_skipped_words", ()), *(w.lower() for w in table.get("media_words", ()))}
    found: dict[str, Actor] = {}
    starts: dict[int, int] = {}  # a described name's start: where its country's name starts
    for match in pattern.finditer(text):
        first, name = match.group("first"), " ".join(match.group("name").split())
        described = text[match.start("first"):match.start("noun")].lower().split()
        if first.lower() in skipped or skipped & set(described) or 1 in covered[match.start("name"):match.end("name")] \
                or name.split()[0] in stopwords:
            continue
        actor_id = "new:" + slug(name)
        found.setdefault(actor_id, Actor(actor_id, name, "organization", discovered=True))
        if covered[match.start("first")]:  # "Estarian energy group Petrovia": the country's, one mention
            starts[match.start("name")] = match.start("first")
    candidates = []
    for actor in found.values():
        for start, end in whole_word_spans(text, actor.name):
            if 1 not in covered[start:end]:
                candidates.append(Candidate(starts.get(start, start), end, actor.id, "exact", 0.8))
    return candidates, found


@lru_cache(maxsize=8)
def _business_noun_before_name(data_dir: Path) -> re.Pattern:
    """What every match of ``_described_business`` holds: a business noun, then a capitalised word. A text without
    it is not searched for the whole pattern, which tries every word as the describing word (5x slower)."""
    nouns = table_of(data_dir).get("business_nouns", ())
    words = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"(?:{words}),?\s+[A-Z]")


@lru_cache(maxsize=8)
def _described_business(data_dir: Path) -> re.Pattern | None:
    table = table_of(data_dir)
    nouns = table.get("business_nouns", ())
    if not nouns:
        return None
    words = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    skipped = "|".join(re.escape(w) for w in table.get("business_skipped_words", ()) or ["\x00"])
    # a describing word (a country's possessive, a demonym or a lower-case word, not "the"), up to two more lower-case
    # words, the noun, the name
    return re.compile(rf"(?<![\w\-'’])(?!(?i:{skipped})\s)(?P<first>[A-Za-z][\w\-]*(?:'s|’s)?)\s+(?:[a-z][\w\-]*\s+){{0,2}}"
                      rf"(?P<noun>{words}),?\s+(?P<name>[A-Z][\w&\-]*(?:[ \t]+[A-Z][\w&\-]*){{0,2}})(?![\w\-])")


def numbered_candidates(text: str, covered: bytearray, data_dir: Path) -> tuple[list[Candidate], dict[str, Actor]]:
    """ "COP28", "COP 27", "COP-21": a gathering named by one of data/actors.yaml ``organisation_names.numbered``
    and its number is an organisation of its own, written without a space ("COP28"), wherever no alias covers it."""
    pattern = _numbered(data_dir)
    if pattern is None:
        return [], {}
    candidates, found = [], {}
    for match in pattern.finditer(text):
        if 1 in covered[match.start():match.end()]:
            continue
        name = match.group(1) + match.group(2)
        actor_id = "new:" + slug(name)
        found.setdefault(actor_id, Actor(actor_id, name, "organization", discovered=True))
        candidates.append(Candidate(match.start(), match.end(), actor_id, "exact", 0.8))
    return candidates, found


@lru_cache(maxsize=8)
def _numbered(data_dir: Path) -> re.Pattern | None:
    names = table_of(data_dir).get("numbered", ())
    if not names:
        return None
    return re.compile(rf"(?<![\w\-])({'|'.join(map(re.escape, names))})[ \-]?(\d{{1,2}})(?![\w\-])")


def _joined_name(words: list[str], generic: frozenset[str], stopwords: frozenset[str], table: dict) -> bool:
    """True when the "and" of a headed name joins two words of one name: a word before it is neither generic nor a
    name stopword ("Coastal Search and Rescue Agency"), and the word right before it is no head ("the Harlow
    Foundation and Birchwood Trail Network" are two names; "Police and Harbour Workers Union" is no name)."""
    cut = next(i for i, w in enumerate(words) if w in ("and", "&"))
    heads = {*table.get("heads", ()), *table.get("institution_heads", ())}
    return cut > 0 and words[cut - 1] not in heads and any(w not in generic and w not in stopwords for w in words[:cut])


def _tailed_name(words: list[str], stopwords: frozenset[str]) -> bool:
    """True when a headed name with an "of"/"for" tail names a body of its own: a word other than its head is no
    name stopword ("the Harlow Foundation for Rural Health", "the Rotary Club of Calapan"; "the Council of
    Ministers", "the Department of Health" are some country's, unnamed)."""
    cut = next(i for i, w in enumerate(words) if w in ("of", "for"))
    return any(w not in stopwords and w not in ("the", "and", "&", "of", "for") for w in words[:cut - 1] + words[cut + 1:])


_NEXT_WORD = re.compile(r"[ \t]+([a-z][\w\-]*)")


def _known_in_lower_case(text: str, end: int, name: str, known) -> bool:
    """True when ``name`` and the lower-case word after it are a name the gazetteer knows ("the Association of
    Southeast Asian nations"): that name written otherwise, not a body of its own."""
    after = _NEXT_WORD.match(text, end)
    return after is not None and f"{name} {after.group(1).capitalize()}" in known


# "the Ruritania Department of Forestry and Fire Protection": a headed name that goes on with "of"/"for" and a
# capitalised word is part of a longer one; its head alone ("Ruritania Department") would be a wrong body
_LONGER_NAME = re.compile(r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?[A-Z]")
_SPELLED_OUT = re.compile(r"[A-Z][A-Z0-9]{1,7}\s+\((?:the\s+)?$")  # "RMA (Ruritanian Mining Agency)": the acronym's


def _unnamed_institution(words: list[str], stopwords: frozenset[str], generic: frozenset[str], data_dir: Path) -> bool:
    """ "the Supreme Court", "the Electoral Commission", "the City Council": an ``institution_heads`` noun after words
    that are all name stopwords (data/offices.yaml) or generic words names a body of some country or town the
    name leaves unsaid, not one of its own ("the Riverton City Council", "the Harbour Workers Union" are); nor one
    holding a ``media_words`` word ("the Estaria News Agency" reports the news)."""
    table = table_of(data_dir)
    heads, media = frozenset(table.get("institution_heads", ())), frozenset(table.get("media_words", ()))
    return words[-1] in heads and (all(w in stopwords or w in generic for w in words[:-1]) or bool(media & set(words))
                                   or _national_body(words, data_dir))


def _national_body(words: list[str], data_dir: Path) -> bool:
    """True for the name of a body every country has, written without the country ("the Constitutional Court":
    a ``national_forces`` branch whose nouns hold it), which ``force_candidates`` gives the country the news is about."""
    name = " ".join(w for w in words if w.lower() != "the")
    return any(name in branch.nouns for branch in _branches(data_dir))


_BRACKET_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z0-9]{1,7})\)")


def joined_to_known_acronyms(text: str, candidates: list[Candidate], found: dict[str, Actor], aliases,
                             kind_of: Callable[[str], str | None]) -> list[Candidate]:
    """``candidates`` with every mention of a discovered organisation that stands once before a bracketed acronym
    the gazetteer knows as one organisation ("the Estaria Liberation Front (ELF)") made a mention of that one
    (a spelling of its name the gazetteer lacks), and that discovered organisation removed from ``found``."""
    owners: dict[str, str] = {}
    for candidate in candidates:
        bracket = _BRACKET_AFTER.match(text, candidate.end)
        entry = aliases.get(bracket.group(1)) if bracket else None
        if entry is not None and entry.method == "exact" and len(entry.actor_ids) == 1 \
                and kind_of(entry.actor_ids[0]) == "organization" and candidate.actor_id in found:
            owners[candidate.actor_id] = entry.actor_ids[0]
    for discovered in owners:
        del found[discovered]
    return [Candidate(c.start, c.end, owners[c.actor_id], c.method, c.score) if c.actor_id in owners else c
            for c in candidates]


def _member_group(words: list[str], stopwords: frozenset[str], table: dict) -> bool:
    """True when the capitalised words before a members' noun can name a group: none of them a word that is
    never a name of its own (data/offices.yaml name_stopwords: "North", "Valley", "Monday") unless it is an
    institution word ("Army")."""
    institutions = frozenset(table.get("institution_words", ()))
    return not any(w.strip(".,") in stopwords and w.strip(".,") not in institutions for w in words)


_NAME_EDGE = re.compile(r"[\w\-]")


def whole_word_spans(text: str, name: str) -> list[tuple[int, int]]:
    """Where ``name`` (not empty) stands in ``text`` with no word character or hyphen on either side, in
    order and not overlapping: what ``re.finditer(rf"(?<![\\w\\-]){re.escape(name)}(?![\\w\\-])", text)``
    finds, without compiling a pattern for every name."""
    spans, at = [], text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or _NAME_EDGE.match(text, at - 1) is None) and _NAME_EDGE.match(text, end) is None:
            spans.append((at, end))
            at = text.find(name, end)
        else:
            at = text.find(name, at + 1)
    return spans


@lru_cache(maxsize=8)
def _word_sets(data_dir: Path) -> tuple[frozenset[str], frozenset[str]]:
    """``organisation_names`` leading_words and generic_words."""
    table = load("actors.yaml", data_dir)["organisation_names"]
    return frozenset(table.get("leading_words", ())), frozenset(table.get("generic_words", ()))


def _without_leading_stopwords(text: str, start: int, end: int, stopwords: frozenset[str]) -> tuple[int, int]:
    """The span without capitalised words that open a sentence or a name but are never part of it ("The")."""
    while True:
        word = re.match(r"\S+", text[start:end])
        if word is None or word.group().strip(".,") not in stopwords:
            return start, end
        start += word.end()
        while start < end and text[start].isspace():
            start += 1


def service_candidates(text: str, countries: list[Candidate], data_dir: Path, actors: Mapping[str, Actor] | None = None,
                       services: Mapping[tuple[str, str], str] | None = None) -> tuple[list[Candidate], dict[str, Actor]]:
    """ "the Estarian Navy", "the Ruritania Coast Guard": a country (or its demonym) and one of data/actors.yaml
    ``organisation_names.services`` right after it name that country's service, an organisation of its own
    that belongs to the country; the country is then its affiliation, not a mention. A service of a branch of
    ``national_forces`` ("Army", "National Police") the gazetteer knows for that country (``services``: (country id,
    role title) -> actor id) is that actor; and a branch's common noun after the country, its demonym or its
    possessive ("Estarian troops", "the Estarian army", "Estaria's police") is the same force, named "<country>
    <name>" ("Estaria Army") when neither the gazetteer nor the text names it otherwise. ``actors``: the gazetteer's
    (for a country's name)."""
    if not countries:
        return [], {}
    after = _service_after(data_dir)
    if after is None:
        return [], {}
    services = services or {}
    branches = _branches(data_dir)
    candidates, found = [], {}
    named: dict[tuple[str, str], str] = {}  # (country, branch title) -> the force the text names with capitals
    for country in countries:
        service = after.match(text, country.end)
        if service is None:
            continue
        prefix = _service_prefix(data_dir).search(text, max(0, country.start - 12), country.start)
        start = prefix.start() if prefix else country.start  # "the Royal Estarian Navy"
        title = _branch_of(service.group(1), branches)
        if title and (country.actor_id, title) in services:
            candidates.append(Candidate(start, service.end(), services[country.actor_id, title], "exact", 0.8))
            continue
        name = " ".join(text[start:service.end()].split())
        actor_id = "new:" + slug(name)
        found.setdefault(actor_id, Actor(actor_id, name, "organization", roles=(Role(title, country.actor_id),),
                                         discovered=True))
        if title:
            named.setdefault((country.actor_id, title), actor_id)
        candidates.append(Candidate(start, service.end(), actor_id, "exact", 0.8))
    before = _force_nouns_before(data_dir)
    for country in countries if before is not None else ():
        noun = before.search(text, max(0, country.start - FORCE_NOUN_REACH), country.start)
        if noun is None:
            continue
        branch = next(b for b in branches if noun.group(1) in b.nouns)
        actor_id = named.get((country.actor_id, branch.title)) \
            or national_force(country.actor_id, branch, actors or {}, services, found, local=False)
        candidates.append(Candidate(noun.start(1), country.end, actor_id, "exact", 0.8))
    nouns = _force_nouns_after(data_dir)
    for country in countries if nouns is not None else ():
        noun = nouns.match(text, country.end)
        if noun is None or (modifier := _modifier_after(data_dir)) is not None and modifier.match(text, noun.end()):
            continue  # "Estarian military units": the noun only qualifies another
        branch = next(b for b in branches if noun.group(1) in b.nouns)
        actor_id = named.get((country.actor_id, branch.title)) \
            or national_force(country.actor_id, branch, actors or {}, services, found)
        if actor_id is None:
            continue  # "American police": a town's or a state's, no force of the country
        candidates.append(Candidate(country.start, noun.end(), actor_id, "exact", 0.8))
    return candidates, found


def country_named_candidates(text: str, countries: list[Candidate], covered: bytearray, data_dir: Path,
                             taken: list[Candidate] = ()) -> tuple[list[Candidate], dict[str, Actor]]:
    """ "the Estaria National Union of Teachers", "the Estarian Revenue Agency", "the Ruritania Farmers Party": a
    country (or its demonym) opening a name that ends in an organisation's head (data/actors.yaml
    ``organisation_names`` heads, institution_heads, tailed_heads, ``country_named_heads``), with an "of"/"for" tail
    or not, names a body of its own that belongs to the country: an organisation affiliated to it, the country being
    no mention there. Not a country's service, army, police or highest court (``service_candidates``,
    ``force_candidates``: "the Estarian Armed Forces", "the Estaria Supreme Court"), a name whose words after the
    country are all generic ("the Estaria National Police"), a news outlet ("the Estaria News Agency"), a name
    holding one the gazetteer or a title names (``covered``), nor part of a longer name (a capitalised word follows;
    a name or "of" comes before; another country is joined to it by a hyphen: a joint body of both).
    ``taken``: spans already named (the services)."""
    pattern = _country_named(data_dir)
    if pattern is None or not countries:
        return [], {}
    leading, generic = _word_sets(data_dir)
    media = frozenset(table_of(data_dir).get("media_words", ()))
    starts = {c.start for c in taken}
    candidates, found = [], {}
    for country in countries:
        before = _INSIDE_A_NAME.search(text, max(0, country.start - 40), country.start)
        if country.start in starts or before is not None and (before.group(1) or before.group(2) not in leading) \
                or text[country.start - 1:country.start] in ("-", "–", "/"):
            continue  # "the Communist Party of Estaria Central Committee", "the Estaria-Velmia Joint Commission"
        match = pattern.match(text, country.end)
        if match is None or _LONGER_NAME.match(text, match.end()) or _CAPITALISED_AFTER.match(text, match.end()) \
                or 1 in covered[country.end:match.end()]:
            continue
        words = match.group(1).split()
        cut = next((i for i, w in enumerate(words) if w in ("of", "for")), len(words))
        own, tail = words[:cut], words[cut + 1:]
        if (all(w in generic for w in own[:-1]) and not any(w not in generic and w != "the" for w in tail)) \
                or media & set(words) or _national_body(own, data_dir):
            continue
        name = " ".join(text[country.start:match.end()].split())
        actor_id = "new:" + slug(name)
        found.setdefault(actor_id, Actor(actor_id, name, "organization", roles=(Role("", country.actor_id),),
                                         discovered=True))
        candidates.append(Candidate(country.start, match.end(), actor_id, "exact", 0.8))
    return candidates, found


def country_body_candidates(text: str, countries: list[Candidate], covered: bytearray,
                            data_dir: Path) -> tuple[list[Candidate], dict[str, Actor]]:
    """ "the Electoral Commission of Estaria", "the National Planning Authority of Estaria": capitalised words ending
    in a body's head (data/actors.yaml ``organisation_names`` institution_heads, tailed_heads) and "of (the)" a
    country's name name that country's body, an organisation affiliated to it; the country is no mention there. Not
    a court or force ("the Supreme Court of Estaria": ``force_candidates`` names it), nor a head alone ("the Commission
    of Estaria"), nor a name an alias or a title covers, nor one going on with a capitalised word."""
    if not countries:
        return [], {}
    leading, _ = _word_sets(data_dir)
    pattern = _body_before_country(data_dir)
    candidates, found = [], {}
    for country in countries:
        match = pattern.search(text, max(0, country.start - 80), country.start)
        if match is None or _CAPITALISED_AFTER.match(text, country.end) or 1 in covered[match.start():match.end(2)]:
            continue
        start, end = _without_leading_stopwords(text, match.start(1), match.end(2), leading)
        words = text[start:end].split()
        if len(words) < 2 or _national_body(words, data_dir):
            continue
        name = " ".join(text[start:country.end].split())
        actor_id = "new:" + slug(name)
        found.setdefault(actor_id, Actor(actor_id, name, "organization", roles=(Role("", country.actor_id),),
                                         discovered=True))
        candidates.append(Candidate(start, country.end, actor_id, "exact", 0.8))
    return candidates, found


@lru_cache(maxsize=8)
def _body_before_country(data_dir: Path) -> re.Pattern:
    """Capitalised words, a head of ``institution_heads`` or ``tailed_heads`` but a court's, then "of (the)", ending
    right before a country's name."""
    table = table_of(data_dir)
    heads = [h for h in (*table.get("institution_heads", ()), *table.get("tailed_heads", ())) if h != "Court"]
    return re.compile(rf"(?<![\w'’\-])((?:[A-Z][\w'’\-]*[ \t]+){{1,4}})({'|'.join(heads) or '(?!)'})"
                      r"[ \t]+of[ \t]+(?:the[ \t]+)?$")


_CAPITALISED_AFTER = re.compile(r"[ \t]+[A-Z]")
# what stands right before a country's name that a longer name holds: "Party of (the) ", "Central "
_INSIDE_A_NAME = re.compile(r"(?<![\w'’\-])(?:[A-Z][\w'’\-]*[ \t]+(of|for)|([A-Z][\w'’\-]*))[ \t]+(?:the[ \t]+)?$")


@lru_cache(maxsize=8)
def _country_named(data_dir: Path) -> re.Pattern | None:
    """Up to three capitalised words and a head right after a country's name, and an "of"/"for" tail of up to four
    capitalised words: " National Union of Teachers", " Revenue Agency"."""
    table = table_of(data_dir)
    heads = [*table.get("heads", ()), *table.get("institution_heads", ()), *table.get("tailed_heads", ()),
             *table.get("country_named_heads", ())]
    if not heads:
        return None
    alt = "|".join(re.escape(w) for w in sorted(set(heads), key=len, reverse=True))
    word = _words(data_dir)[0]
    return re.compile(rf"((?:[ \t]+{word}){{0,3}}[ \t]+(?:{alt})(?![\w\-])"
                      rf"(?:[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?{_TAIL_WORD}(?:[ \t]+(?:(?:and|&)[ \t]+)?{_TAIL_WORD}){{0,3}})?)"
                      rf"(?![\w\-])")


class Branch(NamedTuple):
    """A branch of a country's forces (data/actors.yaml ``organisation_names.national_forces``)."""

    title: str  # the role title of its organisations ("armed forces", "police")
    name: str  # the word after the country's name when the gazetteer names none ("Army": "Estaria Army")
    nouns: tuple[str, ...]  # common nouns for it right after a country ("troops", "army")
    alone: tuple[str, ...]  # what refers to it with no country before ("the army", "troops")
    services: frozenset[str]  # capitalised service names of data/actors.yaml ``services`` of this branch
    local_in: frozenset[str] = frozenset()  # ids of countries whose branch is local forces, not one national force
    named_only: bool = False  # alone, only the force of the branch named before (``named_only_forces``), no guess
    described: tuple[str, ...] = ()  # nouns that up to two describing words may part from the country ("frigate")


@lru_cache(maxsize=8)
def _branches(data_dir: Path) -> tuple[Branch, ...]:
    return tuple(Branch(b["title"], b["name"], (*b["nouns"], *b.get("described", ())), tuple(b.get("alone", ())),
                        frozenset(b.get("services", ())), frozenset(b.get("local_in", ())),
                        b["title"] in table_of(data_dir).get("named_only_forces", ()), tuple(b.get("described", ())))
                 for b in table_of(data_dir).get("national_forces", ()))


def _branch_of(service: str, branches: tuple[Branch, ...]) -> str:
    """The role title of the branch whose capitalised service name ``service`` is ("Army": "armed forces"), or ""."""
    word = " ".join(service.split())
    return next((b.title for b in branches if word in b.services), "")


FORCE_NOUN_REACH = 40  # characters: "Constitutional Court of the " before a country's name fits


@lru_cache(maxsize=8)
def _force_nouns_before(data_dir: Path) -> re.Pattern | None:
    """A noun of a branch named "<noun> of {country}" (the courts) and "of", "of the" ending a text: "High Court of ";
    None when no branch is named so."""
    nouns = [n for b in _branches(data_dir) if "{country}" in b.name for n in b.nouns]
    if not nouns:
        return None
    return re.compile(rf"(?<![\w\-])({'|'.join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))})"
                      rf"[ \t]+of[ \t]+(?:the[ \t]+)?$")


@lru_cache(maxsize=8)
def _force_nouns_after(data_dir: Path) -> re.Pattern | None:
    """A branch's common noun right after a country, its demonym or its possessive: "['’]s? troops"; a ``described``
    noun also after up to two describing words, each in lower case or hyphenated ("Estarian anti-submarine frigate",
    "a Ruritanian Halifax-class frigate")."""
    nouns = [n for b in _branches(data_dir) for n in b.nouns]
    if not nouns:
        return None
    described = [n for b in _branches(data_dir) for n in b.described]
    words = "|".join(re.escape(n) for n in sorted(described, key=len, reverse=True)) or "(?!)"
    describing = rf"(?:(?:[a-z][\w]*|[\w]+(?:-[\w]+)+)[ \t]+){{1,2}}(?=(?:{words})(?![\w\-]))"
    return re.compile(rf"(?:['’]s)?[ \t]+(?:{describing})?({'|'.join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))})(?![\w\-])")


def national_force(country_id: str, branch: Branch, actors: Mapping[str, Actor], services: Mapping[tuple[str, str], str],
                   found: dict[str, Actor], local: bool = True) -> str | None:
    """The id of ``country_id``'s force of ``branch``: the gazetteer's (``services``), else one named "<country's
    name> <branch name>" ("Estaria Police"), added to ``found``, the country its affiliation; None where the branch is
    local forces (``local_in``: a town's police is no national force), unless ``local`` is False (the text names it
    as the country's own: "the High Court of Estaria")."""
    if (country_id, branch.title) in services:
        return services[country_id, branch.title]
    if local and country_id in branch.local_in:
        return None
    country = actors.get(country_id)
    owner = country.name if country else country_id
    name = branch.name.replace("{country}", owner) if "{country}" in branch.name else f"{owner} {branch.name}"
    actor_id = "new:" + slug(name)
    found.setdefault(actor_id, Actor(actor_id, name, "organization", roles=(Role(branch.title, country_id),), discovered=True))
    return actor_id


@lru_cache(maxsize=8)
def _service_prefix(data_dir: Path) -> re.Pattern:
    """A word of a service's name right before its country (``organisation_names.service_prefixes``: "Royal")."""
    words = load("actors.yaml", data_dir).get("organisation_names", {}).get("service_prefixes") or ["(?!)"]
    return re.compile(rf"(?<![\w\-])(?:{'|'.join(words)})[ \t]+$")


@lru_cache(maxsize=8)
def _service_after(data_dir: Path) -> re.Pattern | None:
    """A service's name right after a country: "\\s+(?:Coast Guard|Navy|...)"; None when there are none."""
    services = load("actors.yaml", data_dir).get("organisation_names", {}).get("services")
    if not services:
        return None
    return re.compile(rf"\s+({'|'.join(re.escape(w) for w in sorted(services, key=len, reverse=True))})(?![\w\-])")


_BRACKETED = re.compile(r"\([A-Z][A-Z0-9]{1,7}\)")  # every match of _EXPANDED ends with one
_EXPANDED = re.compile(r"((?:[A-Z][\w'’&.\-]*\s+(?:(?:of|for|and|on|the|de|du|del|des|la|&)\s+)*){1,8})\(([A-Z][A-Z0-9]{1,7})\)")
_LINK = frozenset({"of", "for", "and", "on", "the", "de", "du", "del", "des", "la", "&"})


def expanded_acronym_candidates(text: str, aliases, stopwords: frozenset[str],
                                data_dir: Path) -> tuple[list[Candidate], dict[str, Actor]]:
    """ "the Ruritanian Mining Agency (RMA)": the capitalised words before a bracketed acronym whose initials
    it is (in any order: "Ruritanian Ports Bureau (BPR)"), holding an institution word (data/actors.yaml
    ``organisation_names.institution_words``: "Jane Roe (JR)", "New York (NY)" name none), name an
    organisation, and the acronym alone names it later. Not when the name or the acronym is already an
    alias of the gazetteer (``aliases``)."""
    if _BRACKETED.search(text) is None:
        return [], {}
    words = frozenset(table_of(data_dir).get("institution_words", ()))
    found: dict[str, Actor] = {}
    for match in _EXPANDED.finditer(text):
        acronym = match.group(2)
        name = _expansion(match.group(1).split(), acronym, stopwords)
        if name is None or name in aliases or acronym in aliases or not words & set(name.split()):
            continue
        actor_id = "new:" + slug(name)
        found.setdefault(actor_id, Actor(actor_id, name, "organization", aliases=(acronym,), discovered=True))
    owned = _owned_pattern(data_dir)
    candidates = []
    for actor in found.values():
        for spelling in (actor.name, *actor.aliases):
            pattern = re.escape(spelling).replace(r"\ ", r"\s+")
            for hit in re.finditer(rf"(?<![\w\-]){pattern}(?![\w\-])", text):
                if owned is None or not owned.match(text, hit.end()):  # "BFAR ships": its ships, not the body
                    candidates.append(Candidate(hit.start(), hit.end(), actor.id, "exact", 0.8))
    return candidates, found


@lru_cache(maxsize=8)
def _owned_pattern(data_dir: Path) -> re.Pattern | None:
    """An ``attributive_nouns`` word right after a name (or its bracketed acronym): "RMA ships", "the Harbour Rescue
    Agency (HRA) vessel" name what the body owns, not the body acting."""
    things = table_of(data_dir).get("attributive_nouns", ())
    return re.compile(rf"(?:\s*\([A-Z0-9]+\)|\))?\s+(?:{'|'.join(map(re.escape, things))})(?![\w\-])") if things else None


def table_of(data_dir: Path) -> dict:
    """data/actors.yaml ``organisation_names``."""
    return load("actors.yaml", data_dir).get("organisation_names", {})


def _expansion(words: list[str], acronym: str, stopwords: frozenset[str]) -> str | None:
    """The last words of ``words`` whose capitalised initials are the acronym's letters; None if none are."""
    capitals = [i for i, w in enumerate(words) if w[:1].isupper()]
    if len(capitals) < len(acronym):
        return None
    first = capitals[-len(acronym)]
    chosen = words[first:]
    initials = sorted(w[0].upper() for w in chosen if w[:1].isupper())
    if initials != sorted(acronym) or chosen[0] in stopwords and len(chosen) == 1:
        return None
    return " ".join(chosen)


DEFINITE_REACH = 1500  # characters: "the union" refers to an organisation named at most this far before


def definite_organisation_candidates(text: str, named: list[Candidate], actors, data_dir: Path) -> list[Candidate]:
    """ "the union", "the agency" (data/actors.yaml ``organisation_names.definite_nouns``): the organisation
    named last before the phrase (within DEFINITE_REACH) whose name or an alias holds that noun ("African
    Union", "International Atomic Energy Agency"); not "the union of ..." or "the agency's chief"."""
    pattern = _definite(data_dir)
    if pattern is None:
        return []
    orgs = sorted((c for c in named if c.actor_id in actors and actors[c.actor_id].kind == "organization"),
                  key=lambda c: c.start)
    if not orgs:  # no organisation named: no phrase can refer to one
        return []
    starts = [c.start for c in orgs]
    found = []
    for match in pattern.finditer(text):
        if match.group(0)[4:5].isupper():  # "The Union" opening a sentence is fine, "the Union Cabinet" a name
            following = re.match(r"\s+[A-Z]", text[match.end():])
            if following:
                continue
        noun = match.group(1).lower()
        # the last that fits, looked for back from the last organisation that starts before the phrase
        latest = next((c for c in map(orgs.__getitem__, range(bisect_left(starts, match.start()) - 1, -1, -1))
                       if 0 < match.start() - c.end <= DEFINITE_REACH and _holds_noun(actors[c.actor_id], noun)), None)
        if latest is not None:
            found.append(Candidate(match.start(), match.end(), latest.actor_id, "pronoun", 0.6))
    return found


@lru_cache(maxsize=8)
def _definite(data_dir: Path) -> re.Pattern | None:
    """ "the union", "the agency": ``organisation_names.definite_nouns`` after "the"; None when there are none."""
    nouns = table_of(data_dir).get("definite_nouns", ())
    if not nouns:
        return None
    # The "t" first, then the look-behind: the engine skips to each "t" instead of trying the pattern at every
    # character (the same matches; 0.054 -> 0.035 ms per article)
    return re.compile(rf"[Tt](?<![\w\-][\s\S])he\s+({'|'.join(map(re.escape, nouns))})(?![\w\-'’])(?!\s+of\s)",
                      re.IGNORECASE)


def force_candidates(text: str, named: list[Candidate], actors, data_dir: Path, countries: list[Candidate] = (),
                     services: Mapping[tuple[str, str], str] | None = None,
                     dateline: str = "") -> tuple[list[Candidate], dict[str, Actor]]:
    """ "the army", "troops", "police" (data/actors.yaml ``organisation_names.national_forces``, ``alone``): the
    force of that branch (an organisation whose role has the branch's title) named most often before, within
    FORCE_REACH (of those tied, the last); failing one (unless the branch is ``named_only``), the force of the one
    country its sentence names ("killing two soldiers in northern Estaria"), else of the country of the page's dateline
    (``dateline``, or one opening ``text``: "VELLGRAD (AP) —"), else of the country ``countries`` (the country mentions)
    name most often,
    the country the news is about (``national_force``; found, when new, in the returned dict). Not "Kenyan troops" or "AU troops"
    (a name before the noun says whose), nor "their troops", "its police" (a pronoun's)."""
    candidates, found = [], {}
    lookup = ChainMap(found, actors)
    for branch in _branches(data_dir):
        pattern = _alone_pattern(branch.alone)
        if pattern is None:
            continue
        forces = None  # the branch's forces named, sorted at its first noun (most texts have none)
        country = None
        modifier = _modifier_after(data_dir)
        for match in pattern.finditer(text):
            if modifier is not None and modifier.match(text, match.end()):
                continue  # "a police station", "the army chief": the noun only qualifies another
            before = text[max(0, match.start() - 30):match.start()].split()
            if not match.groupdict().get("the") and before and not before[-1].endswith(_SENTENCE_ENDS) \
                    and (before[-1][:1].isupper() or before[-1].lower() in _OWNERS):
                continue  # "Kenyan troops", "AU soldiers", "their troops": someone else's
            if forces is None:
                forces = _forces_named(named, actors, branch.title)
            earlier = [c.actor_id for c in forces if 0 < match.start() - c.end <= FORCE_REACH]
            if earlier:  # the one named most often before, of those tied the last
                chosen = max(reversed(earlier), key=earlier.count)
            elif branch.named_only:
                continue
            else:
                if country is None:
                    country = (_dateline_country(dateline, text, data_dir) or _most_named(text, countries, data_dir)
                               or _capital_named(text, data_dir) or "")
                own = _sentence_country(text, match.start(), countries, data_dir) or country
                if not own:
                    continue
                chosen = national_force(own, branch, lookup, services or {}, found)
                if chosen is None:
                    continue
            candidate = Candidate(match.start(), match.end(), chosen, "pronoun", 0.6)
            candidates.append(candidate)
            forces = sorted([*forces, candidate], key=lambda c: c.end)
    candidates += _ship_navies(text, lookup, services or {}, found, data_dir)
    return candidates, found


def _ship_navies(text: str, lookup, services: Mapping[tuple[str, str], str], found: dict[str, Actor],
                 data_dir: Path) -> list[Candidate]:
    """A warship's prefix before its capitalised name ("the frigate USS Jane Roe arrived"; data/actors.yaml
    ``organisation_names.ship_navies``): the navy of the prefix's country, as the prefix itself says whose ship it is.
    The candidate spans the prefix alone (the ship's name is no person: ``_without_ship_names``)."""
    pattern, navies = _ship_prefixes(data_dir)
    navy = next((b for b in _branches(data_dir) if b.title == "navy"), None)
    if pattern is None or navy is None:
        return []
    candidates = []
    for match in pattern.finditer(text):
        chosen = national_force(navies[match.group(1)], navy, lookup, services, found)
        if chosen is not None:
            candidates.append(Candidate(match.start(1), match.end(1), chosen, "pronoun", 0.6))
    return candidates


@lru_cache(maxsize=8)
def _ship_prefixes(data_dir: Path) -> tuple[re.Pattern | None, dict[str, str]]:
    navies = dict(table_of(data_dir).get("ship_navies", {}))
    if not navies:
        return None, navies
    prefixes = "|".join(map(re.escape, sorted(navies, key=len, reverse=True)))
    return re.compile(rf"(?<![\w\-])({prefixes})[ \t]+(?=[A-Z])"), navies


def _forces_named(named: list[Candidate], actors, title: str) -> list[Candidate]:
    """The mentions among ``named`` of an organisation with a role of that title (a branch's forces), by end."""
    return sorted((c for c in named if c.actor_id in actors and any(r.title == title for r in actors[c.actor_id].roles)),
                  key=lambda c: c.end)


ARMED_FORCES = "armed forces"  # the role title of a country's national army in data/actors.yaml
FORCE_REACH = 5000  # characters: "troops" refers to the force named at most this far before
_OWNERS = frozenset({"their", "its", "his", "her", "our", "your", "my", "whose"})
_SENTENCE_ENDS = (".", "!", "?", ":", ";", '"', "”", "—")


_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z“\"])|\n")


def _sentence_country(text: str, at: int, countries: list[Candidate], data_dir: Path) -> str | None:
    """The one country named in the sentence holding ``at`` (not as the other side of a border); None when it names
    none or several."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, at - 400), at)), default=max(0, at - 400))
    end_match = _SENTENCE_END.search(text, at, at + 400)
    end = end_match.start() if end_match else min(len(text), at + 400)
    named = {c.actor_id for c in countries if start <= c.start and c.end <= end and not _across_a_border(text, c, data_dir)}
    return named.pop() if len(named) == 1 else None


# Where a dateline's parts end: a comma, a bracket, a dash, a colon or a full stop ("VELLGRAD, May 3 (Wire) -").
_DATELINE_PARTS = re.compile(r"\s*(?:[,(:—–]|\s-+|\.\s)\s*")


def _dateline_country(dateline: str, text: str, data_dir: Path) -> str | None:
    """The country of the place a dateline names (``dateline``, cut from the page by the reader, or one opening
    ``text`` as the reader tells datelines: "VELLGRAD (AP) —", "Vellgrad, May 3 (Wire) -", "PORT ELL, Estaria -"): a
    country or one of its capitals (data/actors.yaml ``capitals``, ``metonyms``), in its first or second part. Where
    the news is told from, which a page about fighting on a border may name less often than the neighbour; None for
    none."""
    from ..reading.cleaning import match_dateline  # the reader's dateline shapes (data/datelines.yaml)

    head, _ = match_dateline(text, data_dir)
    for line in (dateline, head.text if head else ""):
        for part in _DATELINE_PARTS.split(line.strip())[:2]:
            if part and (country := place_country(part, data_dir, capitals=True)):
                return country
    return None


def _most_named(text: str, countries: list[Candidate], data_dir: Path) -> str | None:
    """The country named most often among ``countries`` (the first named of those tied), not counting one named as
    the other side of a border ("near the border with Estaria", "near the Estarian border"); None for none."""
    counts: dict[str, int] = {}
    for candidate in sorted(countries, key=lambda c: c.start):
        if _across_a_border(text, candidate, data_dir):
            continue
        counts[candidate.actor_id] = counts.get(candidate.actor_id, 0) + 1
    return max(counts, key=counts.get) if counts else None


def _capital_named(text: str, data_dir: Path) -> str | None:
    """The country whose seat of government (data/actors.yaml ``capitals``: "Nairobi", "Kampala") ``text`` names most
    often, of those tied the first named: where the news is, on a page that names no country itself; None for none."""
    counts: dict[str, int] = {}
    for match in _capitals_pattern(data_dir).finditer(text):
        country = place_country(match.group(), data_dir, capitals=True)
        if country:
            counts[country] = counts.get(country, 0) + 1
    return max(counts, key=counts.get) if counts else None


@lru_cache(maxsize=8)
def _capitals_pattern(data_dir: Path) -> re.Pattern:
    """Any capital of data/actors.yaml ``capitals`` as written there."""
    names = sorted({place for places in (load("actors.yaml", data_dir).get("capitals") or {}).values()
                    for place in places}, key=len, reverse=True)
    return re.compile(rf"(?<![\w\-])(?:{'|'.join(map(re.escape, names)) or '(?!)'})(?![\w\-])")


def _across_a_border(text: str, country: Candidate, data_dir: Path) -> bool:
    """True for a country named as the other side of a border ("the border with Estaria", "the Estarian border"; not
    "Estarian border guards"): data/participants.yaml ``border_phrases``, ``border_nouns``, ``border_people_nouns``."""
    before, after = _border_patterns(data_dir)
    return bool(before.search(text, max(0, country.start - 30), country.start) or after.match(text, country.end))


@lru_cache(maxsize=8)
def _border_patterns(data_dir: Path) -> tuple[re.Pattern, re.Pattern]:
    table = load("participants.yaml", data_dir)
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in table.get("border_phrases", ()))
    nouns = "|".join(map(re.escape, table.get("border_nouns", ()))) or "(?!)"
    people = "|".join(map(re.escape, table.get("border_people_nouns", ()))) or "(?!)"
    return (re.compile(rf"(?<![\w])(?:{words or '(?!)'})\s+(?:the\s+)?$", re.IGNORECASE),
            re.compile(rf"\s+(?:{nouns})(?![\w-])(?!\s+(?:{people})(?![\w-]))", re.IGNORECASE))


@lru_cache(maxsize=8)
def _modifier_after(data_dir: Path) -> re.Pattern | None:
    """One of ``organisation_names.modifier_nouns`` right after a force's noun ("police station")."""
    words = table_of(data_dir).get("modifier_nouns", ())
    return re.compile(rf"[ \t]+(?:{'|'.join(map(re.escape, words))})(?![\w\-])") if words else None


@lru_cache(maxsize=16)
def _alone_pattern(words: tuple[str, ...]) -> re.Pattern | None:
    """ "the army", "troops": the phrases (a leading "the" kept apart), also capitalised opening a sentence."""
    if not words:
        return None
    bare = sorted({w[4:] if w.startswith("the ") else w for w in words}, key=len, reverse=True)
    need_the = {w[4:] for w in words if w.startswith("the ")}
    alternatives = [rf"(?P<the>[Tt]he\s+)(?:{'|'.join(re.escape(w) for w in bare if w in need_the)})" if need_the else None,
                    *(rf"(?:{re.escape(w)}|{re.escape(w.capitalize())})" for w in bare if w not in need_the)]
    body = "|".join(a for a in alternatives if a)
    return re.compile(rf"(?<![\w\-])(?:{body})(?![\w\-])")


def _holds_noun(actor: Actor, noun: str) -> bool:
    """Whether a name of ``actor`` holds ``noun`` as a word or words ("court", "high court")."""
    return any(f" {noun} " in f" {' '.join(name.lower().replace('-', ' ').split())} " for name in (actor.name, *actor.aliases))


def definite_form_candidates(text: str, named: list[Candidate], data_dir: Path) -> list[Candidate]:
    """ "the North" for North Korea (data/actors.yaml ``definite_forms``): a country's short definite form, once
    the country itself is named at most DEFINITE_REACH characters before; not "the North Atlantic", "the South
    of France"."""
    forms = load("actors.yaml", data_dir).get("definite_forms", {})
    found = []
    for actor_id, words in forms.items():
        before = [c.end for c in named if c.actor_id == actor_id]
        if not before:
            continue
        pattern = re.compile(rf"(?<![\w\-])[Tt]he\s+(?:{'|'.join(map(re.escape, words))})(?![\w\-])(?!\s+[A-Z]|\s+of\s|['’]s\s+[a-z]+\s+of\s)")
        for match in pattern.finditer(text):
            if any(0 < match.start() - end <= DEFINITE_REACH for end in before):
                found.append(Candidate(match.start(), match.end(), actor_id, "pronoun", 0.6))
    return found
