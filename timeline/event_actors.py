"""Who took part in an event, where it happened, and its short title.

Reads: the actor mentions of the evidence sentence, the actors they refer to, the event type's policy from
data/events.yaml (``actors: participants | participants_and_organisations | countries_and_organisations``).
Adds: the event's actor ids (participants first, in text order), its location ("in Geneva", "held in
Lviv") and a title such as "Lindqvist meets Moreau".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path

from .actors.places import place_country
from .models import Actor, Mention
from .resources import load
from .settings import DATA_DIR
from .triggers import Trigger, Vocabulary

AffiliationsOf = Callable[[str], tuple[str, ...]]
_CLAUSE_MARK = re.compile(r"[,;:]|\s[-–—]\s")
_SPOKE_THERE = re.compile(r"(?<![\w])in\s+(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+)?(?:speech|address|remarks)\s+"
                          r"(?:at|to|before)\s", re.IGNORECASE)
_NOUN_ENDS = re.compile(r"\s*(?:[,;:.)]|$)|\s+(?:and|or|were|was|are|who|had|have)(?![\w])")  # "two Lebanese were"
_IN_THE_HAPPENING = re.compile(r"\b(?:in|during)\s+(?:an?|the|their|his|her|two|several|separate)?\s*$", re.IGNORECASE)


def _words(vocab: Vocabulary, name: str) -> str:
    """An alternation of the closed word class ``name`` of data/events.yaml ``grammar``."""
    return _escaped(tuple(vocab.raw["grammar"][name]))


@lru_cache(maxsize=64)  # asked for every trigger: escape the words once
def _escaped(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in words)


@lru_cache(maxsize=8)
def _word_regexes(words: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(re.escape(word), re.IGNORECASE) for word in words)


def choose_actors(policy: str, sentence: str, sentence_start: int, trigger: Trigger,
                  mentions: list[Mention], actors: Mapping[str, Actor], affiliations: AffiliationsOf,
                  vocab: Vocabulary, protected: list[tuple[int, int]] = (), crowded: bool = False,
                  data_dir: Path = DATA_DIR, place_sides: bool = False, when: date | None = None) -> list[str]:
    """Actor ids of the happening that ``trigger`` reports (``_chosen_actors``); for a gathering of data/participants.yaml
    ``venue_types``, also the country it is held in when the sentence makes that country its host (``host_cues``:
    "the country is holding a conference in its capital"), not when it only says where it is held. ``when``: the
    article's date, the day whose offices say which country a signatory signs for (``_country_signed_for``)."""
    chosen = _chosen_actors(policy, sentence, sentence_start, trigger, mentions, actors, affiliations, vocab,
                            protected, crowded, data_dir, place_sides, when)
    types, cues = _venue_grammar(data_dir)
    if trigger.event_type not in types or not cues.search(sentence):
        return chosen
    names = [(m.start - sentence_start, m.end - sentence_start) for m in mentions
             if m.actor_id in actors and actors[m.actor_id].kind != "country"]
    host = host_country(sentence, trigger, names, vocab, data_dir)
    return list(dict.fromkeys([*chosen, host])) if host else chosen


def _chosen_actors(policy: str, sentence: str, sentence_start: int, trigger: Trigger,
                   mentions: list[Mention], actors: Mapping[str, Actor], affiliations: AffiliationsOf,
                   vocab: Vocabulary, protected: list[tuple[int, int]] = (), crowded: bool = False,
                   data_dir: Path = DATA_DIR, place_sides: bool = False, when: date | None = None) -> list[str]:
    """Actor ids of the happening that ``trigger`` reports, chosen by the type's ``policy``.

    In a ``crowded`` sentence (one that reports several happenings) people are first looked for in the
    trigger's own clause, and in the whole sentence only when the clause names too few. With ``place_sides``, a
    happening of data/participants.yaml ``place_side_types`` that names no side has the countries it names as
    places, or the country of the capital it names (``unnamed_sides``).
    """
    local = [(m.start - sentence_start, m.end - sentence_start, m.actor_id) for m in mentions
             if m.actor_id in actors]
    if policy != "countries_and_organisations":
        local = [item for item in local if actors[item[2]].kind == "person" or not _at_venue(item, sentence, vocab)]
    local = [item for item in local if not _in_content(item, sentence, trigger, actors, vocab)]
    local = [item for item in local if not _in_other_happening(item, sentence, trigger, local, data_dir)]
    local = _without_represented(local, sentence, actors, data_dir)
    local = [item for item in local if not _a_rival(item, sentence, data_dir)]
    local = _without_fronted_clause(local, sentence, trigger, actors, data_dir)
    local = [item for item in local if not _private_sector(item, sentence, actors, data_dir)]
    local = [item for item in local if not _after_opener(item, sentence, trigger, vocab, "aside_openers")]
    local = [item for item in local if not _conceded(item, sentence, trigger, data_dir)]
    local = [item for item in local if not _in_charge(item, sentence, trigger, actors, data_dir)]
    local = _without_added_words(local, sentence, trigger, data_dir)
    local = [item for item in local if not _absent_sender(item, sentence, actors, data_dir)]
    local = [item for item in local if not _reporter_in_apposition(item, sentence, trigger, data_dir)]
    local = _without_speech_content(local, sentence, trigger, actors, data_dir)
    local = _without_possessors(local, sentence, trigger, actors)
    local = [item for item in local if not _names_a_government(item, sentence, actors, data_dir)]
    local = _without_counted_people(local, sentence, actors, data_dir)
    if trigger.event_type in _place_phrase_types(data_dir):  # "signed in the Estarian capital": no signatory
        local = [item for item in local if not _in_place_phrase(item, sentence, actors, vocab, data_dir)]
    venue_types, host_cues = _venue_grammar(data_dir)
    if trigger.event_type in venue_types and not host_cues.search(sentence):
        local = [item for item in local if not _venue_only(item, sentence, actors, vocab, data_dir)]
    if trigger.event_type in _participants(data_dir).get("purpose_types", ()):
        local = [item for item in local if not _in_purpose(item, sentence, trigger, actors, data_dir)]
    if trigger.event_type in _participants(data_dir).get("visited_group_types", ()):
        local = [item for item in local if not _visited_group(item, sentence, trigger, actors, data_dir)]
    if vocab.types[trigger.event_type].get("host") == "visitors_and_country":
        local = [item for item in local if not _visited_elsewhere(item, sentence, trigger, actors, vocab)]
    protected = [*protected, *_list_commas(local, sentence)]
    if crowded and policy != "countries_and_organisations":
        clause = _clause(sentence, trigger, vocab, protected)
        inside = [item for item in local if clause[0] <= item[0] < clause[1]]
        enough = 2 if policy == "participants" else 1
        pronoun = re.search(rf"(?<![\w])(?:{_words(vocab, 'subject_pronouns')})\s+(?:\w+\s+)?$",
                            sentence[clause[0] : trigger.start], re.IGNORECASE)
        if len(_ids(inside, actors, lambda a: a.kind == "person")) >= enough and not pronoun:
            local = _subject_before_relative(local, sentence, clause[0], actors) + inside
    people = _ids(local, actors, lambda a: a.kind == "person")
    groups = _ids(local, actors, lambda a: a.kind != "person")
    placed = []
    if policy == "countries_and_organisations" and (vocab.types[trigger.event_type].get("places_are_not_actors")
                                                    or trigger.event_type in _place_side_types(data_dir)):
        targets = None if vocab.types[trigger.event_type].get("places_are_not_actors") else _target_pattern(vocab, data_dir)
        kept = _without_places(local, sentence, actors, vocab, targets, data_dir)
        placed = [item for item in local if item not in kept]
        local = kept
        groups = _ids(local, actors, lambda a: a.kind != "person")
    if policy == "countries_and_organisations":
        local = _countries_named_for_holders(local, sentence, actors, affiliations)
        groups = _ids(local, actors, lambda a: a.kind != "person")
        clause = _clause(sentence, trigger, vocab, protected)
        inside = [item for item in local if clause[0] <= item[0] < clause[1]]
        inside += _targets_in_result(local, sentence, clause[1], actors, data_dir)
        inside += [item for item in _reporting_forces(local, sentence, trigger, actors, vocab, data_dir) if item not in inside]
        signatories = []
        if vocab.types[trigger.event_type].get("people_if_no_groups"):
            signatories = _signatories(inside, sentence, trigger, actors) or \
                _signatories(_in_subject(local, sentence, trigger, actors), sentence, trigger, actors)
        if signatories:  # "... as well as an agreement between X and Y": the parties the document names
            signatories = list(dict.fromkeys([*signatories, *_document_parties(local, sentence, trigger, actors, data_dir)]))
        if signatories:
            return _with_signed_for(signatories, trigger, actors, data_dir, when)
        chosen = _ids(inside, actors, lambda a: a.kind != "person") or groups
        if not chosen and vocab.types[trigger.event_type].get("people_if_no_groups"):
            chosen = _ids(inside, actors, lambda a: a.kind == "person") or people
        if not chosen and placed and (place_sides or not vocab.types[trigger.event_type].get("places_are_not_actors")):
            here = [item for item in placed if clause[0] <= item[0] < clause[1]]  # not "..., near the border with X"
            where = here or placed
            if place_sides:  # "an army post near the border with X" happened on this side of it
                where = [item for item in where if not _across_a_border(item, sentence, data_dir)]
            return _ids(where, actors, lambda a: True)
        if not chosen and place_sides and trigger.event_type in _place_side_types(data_dir):
            return _seat_country(sentence, vocab, data_dir)
        return chosen
    if not people:
        return _sides(local, sentence, trigger, actors, data_dir) if policy == "participants" else groups
    unnamed = _unnamed_heads(local, sentence, actors, vocab, data_dir)
    if policy == "participants":
        return people + _ids(unnamed, actors, lambda a: True)
    belongs = {g for p in people for g in affiliations(p)}
    heads = set(_ids(unnamed, actors, lambda a: True))
    return people + [g for g in groups if g not in belongs or g in heads]  # "EU leaders nominated X": the EU too


_RELATIVE_OPENING = re.compile(r",\s+(?:who|whose|on|during|while|in)\s")  # "X, on a visit to Y, met Z": X met


def _subject_before_relative(local: list, sentence: str, clause_start: int, actors: Mapping[str, Actor]) -> list:
    """The people the sentence opens with when a relative clause or an aside about them ends right where the trigger's
    clause begins ("X, who chaired the last summit, opened this one with a speech giving the floor to Y", "X, on an
    official visit to Y, met Z"): the subject
    of the trigger's clause, cut off from it by the relative clause's commas."""
    opened = _RELATIVE_OPENING.search(sentence, 0, clause_start)
    if opened is None or _CLAUSE_MARK.search(sentence, opened.end(), max(opened.end(), clause_start - 1)):
        return []  # no relative clause, or more than one stands between them
    return [item for item in local if item[1] <= opened.start() and actors[item[2]].kind == "person"
            and not _CLAUSE_MARK.search(sentence, item[1], opened.start())]


def _targets_in_result(local: list, sentence: str, clause_end: int, actors: Mapping[str, Actor], data_dir: Path) -> list:
    """The organisations of a result clause right after the trigger's clause (", killing three members of the X
    militia"; data/participants.yaml ``result_participles``): what the attack hit, a side of it."""
    opened = _result_pattern(data_dir).match(sentence, clause_end)
    if opened is None:
        return []
    closing = _CLAUSE_MARK.search(sentence, opened.end())
    end = closing.start() if closing else len(sentence)
    return [item for item in local if opened.end() <= item[0] < end and actors[item[2]].kind == "organization"]


@lru_cache(maxsize=4)
def _result_pattern(data_dir) -> re.Pattern:
    words = "|".join(_participants(data_dir).get("result_participles", ()) or ["\x00"])
    return re.compile(rf",\s*(?:{words})(?![\w])", re.IGNORECASE)


def _countries_named_for_holders(local: list, sentence: str, actors: Mapping[str, Actor],
                                 affiliations: AffiliationsOf) -> list:
    """``local`` with each person written only as the name of their country (a plural office: "the foreign
    ministers of Estaria, Ruritania and Freedonia signed", where "Estaria" stands for its minister) taken as that
    country, for an event whose sides are countries and organisations, when other countries are named as such
    (the gazetteer knows the ministers of some of them only); when it knows them all, they stay the people."""
    if not any(actors[item[2]].kind == "country" for item in local):
        return local

    def country(item):
        actor = actors[item[2]]
        if actor.kind != "person":
            return item
        written = sentence[item[0]:item[1]]
        for affiliation in affiliations(item[2]):
            group = actors.get(affiliation)
            if group is not None and group.kind == "country" and written in (group.name, *group.aliases):
                return (item[0], item[1], affiliation)
        return item
    return [country(item) for item in local]


def _in_other_happening(item: tuple[int, int, str], sentence: str, trigger: Trigger, local: list,
                        data_dir: Path) -> bool:
    """True for a name after the trigger behind an ``other_happening_openers`` phrase of data/participants.yaml
    ("met on Monday ahead of talks between X and Y", "the first visit since 2011, when Z visited"), up to the
    next clause mark: a side of another happening, not of this one; and for a name before such a phrase that
    holds the trigger and names who did it ("the first meeting between X and Y since Z took office": X and Y did
    not take office; "X's ties have been strained since parliament passed a law": X's parliament did)."""
    pattern = _other_happening_pattern(data_dir)
    if item[0] >= trigger.end:
        return pattern.search(sentence, trigger.end, item[0]) is not None
    opener = pattern.search(sentence, item[1], trigger.start) if item[1] <= trigger.start else None
    return opener is not None and any(opener.start() < other[0] < trigger.start for other in local)


@lru_cache(maxsize=4)
def _other_happening_pattern(data_dir) -> re.Pattern:
    words = "|".join(w.replace(" ", r"\s+") for w in _participants(data_dir).get("other_happening_openers", ()))
    return re.compile(rf"(?<![\w])(?:{words})\s[^,;:]*(?:,\s+when\s[^,;:]*)?$", re.IGNORECASE)  # "since 2009, when X ..."


def _private_sector(item: tuple[int, int, str], sentence: str, actors: Mapping[str, Actor], data_dir: Path) -> bool:
    """True for a country named only by its demonym before a ``private_nouns`` word of data/participants.yaml
    ("met representatives of Estarian businesses", "Estarian energy companies"): its firms, not the state."""
    start, end, actor_id = item
    if sentence[start:end] not in actors[actor_id].demonyms:
        return False
    return _private_pattern(data_dir).match(sentence, end) is not None


@lru_cache(maxsize=4)
def _private_pattern(data_dir) -> re.Pattern:
    words = "|".join(w.replace(" ", r"\s+") for w in _participants(data_dir).get("private_nouns", ()))
    return re.compile(rf"(?:\s+[\w-]+){{0,2}}?\s+(?:{words})(?![\w])", re.IGNORECASE)


def _without_fronted_clause(local: list, sentence: str, trigger: Trigger, actors: Mapping[str, Actor],
                            data_dir: Path) -> list:
    """``local`` less the names of a clause that opens the sentence with a ``fronted_openers`` word of
    data/participants.yaml and ends in a comma before the trigger ("After meeting with X, Y had lunch with Z"),
    when the main clause names a person of its own before the trigger: X took part in the earlier happening."""
    fronted = _fronted_pattern(data_dir).match(sentence)
    if fronted is None or fronted.end() > trigger.start:
        return local
    subject = any(actors[i[2]].kind == "person" and fronted.end() <= i[0] < trigger.start for i in local)
    return [i for i in local if i[0] >= fronted.end()] if subject else local


@lru_cache(maxsize=4)
def _fronted_pattern(data_dir) -> re.Pattern:
    words = "|".join(w.replace(" ", r"\s+") for w in _participants(data_dir).get("fronted_openers", ()))
    return re.compile(rf"\s*(?:{words})\s[^,;:]{{1,120}},\s")


_APPOSITIVE_PROXY = re.compile(r",\s+(?:an?|the|one|another)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)  # ", a senior aide"


def _without_represented(local: list, sentence: str, actors: Mapping[str, Actor], data_dir: Path) -> list:
    """``local`` less the people whose aides, advisers or envoys act for them (data/participants.yaml
    ``proxy_nouns``): "X's top aide, Y, met ...", "advisers to X, Z and W met ...", "Y, an aide to President X, met":
    Y takes part, X, Z, W do not."""
    nouns = _proxy_nouns(data_dir)
    kept, proxied_end = [], None
    for item in sorted(local):
        start, end, actor_id = item
        person = actors[actor_id].kind == "person"
        listed = proxied_end is not None and _LIST_AND.fullmatch(sentence, proxied_end, start) is not None
        behind = re.search(rf"(?<![\w])(?i:{nouns})\s+(?:to|of|for)\s+(?:the\s+)?(?:(?:{_office_titles(data_dir)})\s+)?$",
                           sentence[max(0, start - 80) : start])  # "advisers to X", "an aide to President X"
        owner = re.match(rf"['’]s?\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})(?![\w])", sentence[end:], re.IGNORECASE)
        if person and (listed or behind or owner):
            appositive = behind and _APPOSITIVE_PROXY.search(sentence, max(0, start - 80), start - len(behind.group()))
            proxied_end = end if (listed or behind) and not appositive else None  # "Y, an aide to X, and Z": Z takes part
            continue
        proxied_end = None
        kept.append(item)
    return kept


def _a_rival(item: tuple[int, int, str], sentence: str, data_dir: Path) -> bool:
    """True for a name right after one of data/participants.yaml ``rival_nouns`` and "of" or "to", with up to three
    capitalised words between ("Jane Roe, main rival of Estarian President John Doe, held a rally": not John Doe)."""
    return bool(_rival_pattern(data_dir).search(sentence, max(0, item[0] - 80), item[0]))


@lru_cache(maxsize=4)
def _rival_pattern(data_dir) -> re.Pattern:
    nouns = "|".join(_participants(data_dir).get("rival_nouns", ())) or "(?!)"
    return re.compile(rf"(?<![\w])(?i:{nouns})\s+(?:of|to)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){{0,3}}$")


@lru_cache(maxsize=4)
def _office_titles(data_dir) -> str:
    """An alternation of the capitalised spellings of data/offices.yaml ``offices`` ("President", "Prime Minister")."""
    spellings = {a for o in load("offices.yaml", data_dir).get("offices", ()) for a in o.get("aliases", ()) if a[:1].isupper()}
    return "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(spellings, key=len, reverse=True)) or "(?!)"


@lru_cache(maxsize=4)
def _proxy_nouns(data_dir) -> str:
    return "|".join(w.replace(" ", r"\s+") for w in _participants(data_dir).get("proxy_nouns", ()))


def _unnamed_heads(local: list, sentence: str, actors: Mapping[str, Actor], vocab: Vocabulary,
                   data_dir: Path = DATA_DIR) -> list:
    """The items of ``local`` whose people take part unnamed (``_heads_unnamed_people``), with the countries
    and organisations listed right after one of them: "met the ambassadors of X, Y and Z" names three sides."""
    found, head_end = [], None
    for item in sorted(local):
        group = actors[item[2]].kind != "person"
        listed = group and head_end is not None and _LIST_AND.fullmatch(sentence, head_end, item[0]) is not None
        if listed or _heads_unnamed_people(item, sentence, actors, vocab, data_dir):
            found.append(item)
            head_end = item[1]
        else:
            head_end = None
    return found


def _conceded(item: tuple[int, int, str], sentence: str, trigger: Trigger, data_dir: Path) -> bool:
    """True for a name after the trigger behind a ``concession_openers`` word of data/participants.yaml
    ("... met on Monday despite the objections of Z"), up to the next clause mark, or in such a clause that opens
    the sentence before the trigger ("Despite a boycott by Z, the assembly elected ..."): no side."""
    if item[0] < trigger.start:
        fronted = _fronted_concession(data_dir).match(sentence)
        return fronted is not None and item[1] <= fronted.end() <= trigger.start
    return item[0] >= trigger.end and _concession_pattern(data_dir).search(sentence, trigger.end, item[0]) is not None


@lru_cache(maxsize=4)
def _fronted_concession(data_dir) -> re.Pattern:
    """A ``concession_openers`` clause opening a sentence, up to its comma; a list of names in it is part of it
    ("Despite a boycott by X, Y and Z, the assembly elected ...")."""
    words = "|".join(w.replace(" ", r"\s+") for w in _participants(data_dir).get("concession_openers", ()))
    return re.compile(rf"\s*(?:{words})\s[^,;:]*(?:(?:,\s+{_LISTED_NAME})*,?\s+(?:and|or)\s+{_LISTED_NAME})?,", re.IGNORECASE)


_LISTED_NAME = r"(?-i:[A-Z])[^\s,;:]*(?:\s+[^\s,;:]+){0,3}?"  # a list's item: a name of up to four words


def _in_charge(item: tuple[int, int, str], sentence: str, trigger: Trigger, actors: Mapping[str, Actor],
               data_dir: Path) -> bool:
    """True, for a verdict or a charge (data/participants.yaml ``charge_labels``), for a country or organisation named
    after one of ``charge_openers`` on the same side of the trigger ("was sentenced for a plot to attack X", "a man
    accused of plotting attacks in X was jailed", "pleaded guilty to providing support to X"): what the charge was
    about, not a side of the verdict. People stay: a co-accused is one."""
    labels, openers = _charge_grammar(data_dir)
    if trigger.label not in labels or actors[item[2]].kind == "person" or _BY_AGENT.search(sentence, 0, item[0]):
        return False  # "found guilty of fraud by the X court": who gave the verdict
    low, high = (trigger.end, item[0]) if item[0] >= trigger.end else (0, min(item[0], trigger.start))
    return openers.search(sentence, low, high) is not None


_BY_AGENT = re.compile(r"(?<![\w])by\s+(?:the\s+|a\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=4)
def _charge_grammar(data_dir) -> tuple[frozenset[str], re.Pattern]:
    data = _participants(data_dir)
    words = "|".join(data.get("charge_openers") or ["(?!)"])
    return frozenset(data.get("charge_labels") or ()), re.compile(rf"(?<![\w])(?:{words})(?![\w])", re.IGNORECASE)


def _without_added_words(local: list, sentence: str, trigger: Trigger, data_dir: Path) -> list:
    """``local`` less the names after the trigger behind a comma and one of data/participants.yaml ``addition_openers``
    (", adding that ...", ", the ministry said, adding ..."): what a source went on to say, not a side."""
    opened = _addition_pattern(data_dir).search(sentence, trigger.end)
    return local if opened is None else [item for item in local if item[0] < opened.start()]


@lru_cache(maxsize=4)
def _addition_pattern(data_dir) -> re.Pattern:
    words = "|".join(_participants(data_dir).get("addition_openers") or ["(?!)"])
    return re.compile(rf",\s*(?:{words})(?![\w])", re.IGNORECASE)


def _absent_sender(item: tuple[int, int, str], sentence: str, actors: Mapping[str, Actor], data_dir: Path) -> bool:
    """True for a person named as the sender of a message someone else carries ("the bearer of a message from
    President X to ...", "on behalf of X"; data/participants.yaml ``sender_openers``): the sender is not there."""
    if actors[item[2]].kind != "person":
        return False
    return _sender_pattern(data_dir).search(sentence, max(0, item[0] - 80), item[0]) is not None


@lru_cache(maxsize=4)
def _sender_pattern(data_dir) -> re.Pattern:
    words = "|".join(w.replace(" ", r"\s+") for w in _participants(data_dir).get("sender_openers", ())) or "\x00"
    return re.compile(rf"(?<![\w])(?:{words})\s+(?:(?!to\s)[^,;:.()\s]+\s+){{0,6}}$", re.IGNORECASE)


@lru_cache(maxsize=4)
def _concession_pattern(data_dir) -> re.Pattern:
    words = "|".join(w.replace(" ", r"\s+") for w in _participants(data_dir).get("concession_openers", ()))
    return re.compile(rf"(?<![\w])(?:{words})\s[^,;:]*$", re.IGNORECASE)


def _reporter_in_apposition(item: tuple[int, int, str], sentence: str, trigger: Trigger, data_dir: Path) -> bool:
    """True for ", NAME, the spokesperson for X, said" after the trigger (data/participants.yaml
    ``reporting_verbs``), and for a name after the trigger right behind a ``reporter_titles`` word in a clause
    with a reporting verb (", ministry spokesman NAME said"): the name only says who reports the happening."""
    if item[0] < trigger.end:
        return False
    if _titled_reporter(item, sentence, trigger, data_dir):
        return True
    if not re.search(r"[,;:]\s*$", sentence[max(trigger.end, item[0] - 4) : item[0]]):
        return False
    return _apposition_pattern(data_dir).match(sentence, item[1]) is not None


def _titled_reporter(item: tuple[int, int, str], sentence: str, trigger: Trigger, data_dir: Path) -> bool:
    """True for ", the ministry's spokeswoman NAME told reporters" or ", said spokesman NAME": a reporter's title
    right before the name and a reporting verb in the name's clause, which the trigger is not in."""
    title, verb = _titled_reporter_patterns(data_dir)
    if title.search(sentence, max(trigger.end, item[0] - 40), item[0]) is None:
        return False
    left = max((m.end() for m in _CLAUSE_MARK.finditer(sentence, trigger.end, item[0])), default=None)
    if left is None:
        return False
    right = _CLAUSE_MARK.search(sentence, item[1])
    return verb.search(sentence, left, right.start() if right else len(sentence)) is not None


@lru_cache(maxsize=4)
def _titled_reporter_patterns(data_dir) -> tuple[re.Pattern, re.Pattern]:
    data = _participants(data_dir)
    titles = "|".join(w.replace(" ", r"\s+") for w in data.get("reporter_titles", ()) or ["\x00"])
    return (re.compile(rf"(?<![\w])(?:{titles})\s+$", re.IGNORECASE),
            re.compile(rf"(?<![\w])(?:{'|'.join(data.get('reporting_verbs', ()))})(?![\w])", re.IGNORECASE))


@lru_cache(maxsize=4)
def _apposition_pattern(data_dir) -> re.Pattern:
    verbs = "|".join(_participants(data_dir).get("reporting_verbs", ()))
    return re.compile(rf",\s+(?:the|a|an|its|his|her|their)\s[^,;:()]{{1,100}},\s+(?:{verbs})(?![\w])", re.IGNORECASE)


def _without_counted_people(local, sentence: str, actors: Mapping[str, Actor], data_dir: Path) -> list:
    """``local`` less the countries named only by a counted demonym ("two Estarians were killed", "40 people
    including Estarians and Ruritanians"; data/participants.yaml ``counted_people``): people counted, not a side."""
    count, nouns, held = _count_pattern(data_dir)
    if held.search(sentence):
        return local
    kept, counted_end = [], None
    for item in local:
        start, end, actor_id = item
        demonym = sentence[start:end] in actors[actor_id].demonyms and (
            sentence[start:end].endswith("s") or nouns.match(sentence, end) or _NOUN_ENDS.match(sentence, end))
        listed = counted_end is not None and re.fullmatch(r"\s*,\s*(?:and\s+)?|\s+and\s+", sentence[counted_end:start])
        if demonym and (listed or count.search(sentence, max(0, start - 40), start)):
            counted_end = end
            continue
        counted_end = None
        kept.append(item)
    return kept


@lru_cache(maxsize=4)
def _count_pattern(data_dir) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    data = _participants(data_dir)["counted_people"]
    words = "|".join(w.replace(" ", r"\s+") for w in data["count_words"])
    nouns = "|".join(data["people_nouns"])
    return (re.compile(rf"(?<![\w])(?:{words})\s+(?:(?-i:[a-z])[\w-]*\s+)?$", re.IGNORECASE),
            re.compile(rf"\s+(?:{nouns})(?![\w])", re.IGNORECASE),
            re.compile(rf"(?<![\w])(?:{'|'.join(data['held_words'])})(?![\w])", re.IGNORECASE))


def _without_speech_content(local, sentence: str, trigger: Trigger, actors: Mapping[str, Actor],
                            data_dir: Path) -> list:
    """``local`` less, when a person speaks (data/participants.yaml ``speech_types``), the countries and
    organisations after the trigger that stand behind a ``speech_content_openers`` word: what was said; and the
    people there too when the speaker is named before the opener ("X in his speech warned that Y ...")."""
    types, openers = _speech_grammar(data_dir)
    if trigger.event_type not in types or not any(actors[item[2]].kind == "person" for item in local):
        return local
    opened = openers.search(sentence, trigger.end)
    if opened is None:
        return local
    speaker = any(actors[item[2]].kind == "person" and item[0] < opened.start() for item in local)
    return [item for item in local if item[0] < opened.start() or (actors[item[2]].kind == "person" and not speaker)]


_POSSESSIVE = re.compile(r"['’]s?\s+((?:[\w-]+\s+){0,2}?[\w-]+)")


def _without_possessors(local: list, sentence: str, trigger: Trigger, actors: Mapping[str, Actor]) -> list:
    """``local`` less the people named only as owners of something else than the happening ("regret at X's
    decision", "the importance of X's visit" in a sentence about a meeting), when another person remains: X is
    talked about, not taking part. A possessor of the trigger itself or of its word ("X's talks with Y", "the
    summit agreed on during X's meeting with Y") stays."""
    word = trigger.text.lower()

    def possessor(item) -> bool:
        owned = _POSSESSIVE.match(sentence, item[1])
        return (actors[item[2]].kind == "person" and owned is not None
                and not (owned.start(1) < trigger.end and trigger.start <= owned.end(1))  # overlaps the trigger
                and word not in owned.group(1).lower())
    dropped = [item for item in local if possessor(item)]
    people = [item for item in local if actors[item[2]].kind == "person" and item not in dropped]
    return [item for item in local if item not in dropped] if dropped and people else local


def _names_a_government(item: tuple[int, int, str], sentence: str, actors: Mapping[str, Actor], data_dir: Path) -> bool:
    """True for a person named only as the name of a government or a time ("an official of the Ruto administration",
    "since the Kallas era"; data/participants.yaml ``government_nouns``): that government, not the person, is meant."""
    return actors[item[2]].kind == "person" and _government_pattern(data_dir).match(sentence, item[1]) is not None


@lru_cache(maxsize=4)
def _government_pattern(data_dir) -> re.Pattern:
    words = "|".join(w.replace(" ", r"\s+") for w in _participants(data_dir).get("government_nouns", ()) or ["\x00"])
    return re.compile(rf"[\s-]+(?:{words})(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=4)
def _speech_grammar(data_dir) -> tuple[frozenset[str], re.Pattern]:
    data = _participants(data_dir)
    words = "|".join(w.replace(" ", r"\s+") for w in data["speech_content_openers"])
    return frozenset(data["speech_types"]), re.compile(rf"(?<![\w])(?:{words})(?![\w])", re.IGNORECASE)


def _at_venue(item: tuple[int, int, str], sentence: str, vocab: Vocabulary) -> bool:
    """True for a name inside "on the sidelines of ..." (grammar ``venue_openers``), up to the next clause
    mark: the gathering where a meeting took place, not one of its sides."""
    opener = re.compile(rf"(?<![\w])(?:{_words(vocab, 'venue_openers')})\s[^,;:]*$", re.IGNORECASE)
    return opener.search(sentence, 0, item[0]) is not None


def _visited_elsewhere(item: tuple[int, int, str], sentence: str, trigger: Trigger, actors: Mapping[str, Actor],
                       vocab: Vocabulary) -> bool:
    """True for a country after the visit's trigger that an opener of grammar ``visit_elsewhere_openers``
    names as where the visitor came from or goes next, up to the next clause mark."""
    if item[0] < trigger.end or actors[item[2]].kind != "country":
        return False
    opener = re.compile(rf"(?<![\w])(?:{_words(vocab, 'visit_elsewhere_openers')})\s[^,;:]*$", re.IGNORECASE)
    return opener.search(sentence, trigger.end, item[0]) is not None


def _in_content(item: tuple[int, int, str], sentence: str, trigger: Trigger, actors: Mapping[str, Actor],
                vocab: Vocabulary) -> bool:
    """True for a country or organisation after the trigger inside what a statement says or a session was
    about (grammar ``content_openers``: "a statement saying that X ..."), up to the next clause mark."""
    if item[0] < trigger.end or actors[item[2]].kind == "person":
        return False
    opener = re.compile(rf"(?<![\w])(?:{_words(vocab, 'content_openers')})\s[^,;:]*$", re.IGNORECASE)
    return opener.search(sentence, trigger.end, item[0]) is not None


def _in_purpose(item: tuple[int, int, str], sentence: str, trigger: Trigger, actors: Mapping[str, Actor],
                data_dir: Path) -> bool:
    """True for a country or organisation after the trigger inside a purpose clause ("to bolster its campaign
    against X": data/participants.yaml ``purpose_verbs``), up to the next clause mark."""
    if item[0] < trigger.end or actors[item[2]].kind == "person":
        return False
    return _purpose_pattern(data_dir).search(sentence, trigger.end, item[0]) is not None


def _visited_group(item: tuple[int, int, str], sentence: str, trigger: Trigger, actors: Mapping[str, Actor],
                   data_dir: Path) -> bool:
    """True for a force or a country named as the group a visit went to see, the object right after its trigger
    ("visited troops in X", "visited Estarian soldiers", "a visit to the peacekeepers"; data/participants.yaml
    ``visited_groups``): where the visit went, not who made it. The place after it ("in X") is the visit's location,
    and a country visited its host (data/events.yaml ``host``)."""
    start, end, actor_id = item
    if start < trigger.end or actors[actor_id].kind == "person":
        return False
    ends, after = _visited_group_patterns(data_dir)
    return _OBJECT_GAP.fullmatch(sentence, trigger.end, start) is not None \
        and (ends.search(sentence, start, end) is not None or after.match(sentence, end) is not None)


_OBJECT_GAP = re.compile(r"\s+(?:to\s+)?(?:[\w'’-]+\s+){0,3}")  # "visited troops", "a visit to the wounded soldiers"


@lru_cache(maxsize=8)
def _visited_group_patterns(data_dir) -> tuple[re.Pattern, re.Pattern]:
    """A word of ``visited_groups`` that ends a name ("Estarian troops", "troops"), and one right after a name
    ("Estaria's troops")."""
    words = _escaped(tuple(_participants(data_dir).get("visited_groups", ()))) or "(?!)"
    return (re.compile(rf"(?<![\w-])(?:{words})$", re.IGNORECASE),
            re.compile(rf"(?:['’]s)?\s+(?:{words})(?![\w-])", re.IGNORECASE))


@lru_cache(maxsize=8)
def _purpose_pattern(data_dir) -> re.Pattern:
    verbs = _escaped(tuple(_participants(data_dir).get("purpose_verbs", ())))
    return re.compile(rf"(?<![\w])to\s+(?:{verbs})(?![\w])[^,;:]*$", re.IGNORECASE)


def _after_opener(item: tuple[int, int, str], sentence: str, trigger: Trigger, vocab: Vocabulary, words: str) -> bool:
    """True for a name after the trigger that follows one of the grammar's ``words`` within its clause."""
    if item[0] < trigger.end:
        return False
    opener = re.compile(rf"(?<![\w])(?:{_words(vocab, words)})\s[^,;:]*$", re.IGNORECASE)
    return opener.search(sentence, trigger.end, item[0]) is not None


def host_country(sentence: str, trigger: Trigger, name_spans: list[tuple[int, int]], vocab: Vocabulary,
                 data_dir) -> str | None:
    """The country a visit goes to or a conference is held in: the first place after the trigger that is a
    country, a demonym before a place noun ("the Turkish capital") or a capital ("arrived in Astana"; for a
    visit any capital of data/actors.yaml ``capitals``, for a conference only one that acts)."""
    capitals = vocab.types[trigger.event_type].get("host") == "visitors_and_country"
    before = None
    for start, name, qualifier in _places(sentence, vocab, name_spans):
        if any(s <= start < e for s, e in name_spans):
            continue
        country = place_country(name, data_dir, capitals) or (qualifier and place_country(qualifier, data_dir))
        if country and start >= trigger.start:
            return country
        if country and capitals and not _CLAUSE_MARK.search(sentence, start, trigger.start):
            before = country  # "arrived in Estaria on a two-day state visit"
    return before


_FROM = re.compile(r"(?<![\w])from\s+(?:the\s+)?$", re.IGNORECASE)
_VENUE_AT = re.compile(r"(?<![\w])(?:in|at|inside)\s+(?:the\s+)?(?:[a-z][\w'’-]*\s+){0,2}$")  # "in war-torn X"
_VENUE_LISTED = re.compile(r"(?<![\w])(?:in|at)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?[A-Z][\w'’-]+\s*(?:,|\()\s*$")


def _venue_only(item: tuple[int, int, str], sentence: str, actors: Mapping[str, Actor], vocab: Vocabulary,
                data_dir) -> bool:
    """True for a country named only as where a gathering is: "in Estaria", "the Estarian capital", "Estaria's
    capital", "held in Vell, Estaria" or "in Vell (Estaria)", "the Estarian ski resort of Vell" (data/participants.yaml
    ``venue_nouns``)."""
    start, end, actor_id = item
    if actors[actor_id].kind != "country":
        return False
    nouns = "|".join(_participants(data_dir).get("venue_nouns", ())) or "(?!)"
    if _in_place_phrase(item, sentence, actors, vocab, data_dir) \
            or re.match(rf"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:{nouns})(?![\w])", sentence[end:], re.IGNORECASE):
        return True
    if _only_a_place(item, sentence, actors, vocab) and not _FROM.search(sentence, max(0, start - 12), start):
        return True  # "in Estaria", "a visit to Estaria for the summit", not "leaders from Estaria"
    if sentence[start:end] in actors[actor_id].demonyms:  # "in Estarian waters" is no country's name
        return False
    return bool(_VENUE_AT.search(sentence, max(0, start - 40), start) or _VENUE_LISTED.search(sentence, max(0, start - 80), start))


@lru_cache(maxsize=4)
def _venue_grammar(data_dir) -> tuple[frozenset[str], re.Pattern]:
    """(data/participants.yaml ``venue_types``, a pattern of its ``host_cues``)."""
    data = _participants(data_dir)
    cues = "|".join(data.get("host_cues", ())) or "(?!)"
    return frozenset(data.get("venue_types", ())), re.compile(rf"(?<![\w])(?:{cues})(?![\w])", re.IGNORECASE)


def relative_subject(sentence: str, sentence_start: int, trigger: Trigger, mentions: list[Mention],
                     actors: Mapping[str, Actor]) -> list[str]:
    """The person a relative clause holding the trigger is about: "X received Y, who arrived on a working
    visit" -> [Y]; [] when the trigger is not in such a clause."""
    who = None
    for match in re.finditer(r",\s+who\s", sentence[: trigger.start]):
        who = match
    if who is None or _CLAUSE_MARK.search(sentence, who.end(), trigger.start):
        return []
    return [m.actor_id for m in mentions if m.actor_id in actors and actors[m.actor_id].kind == "person"
            and 0 <= who.start() - (m.end - sentence_start) <= 1]


def with_host(rule: str, actor_ids: list[str], host: str | None, actors: Mapping[str, Actor],
              affiliations: AffiliationsOf, visitors: list[str] = (), subjects: list[str] = ()) -> list[str]:
    """``actor_ids`` with the host country (data/events.yaml ``host``): ``country`` adds it when one of the people
    is of it or when it is a side already (the host's president at a conference held in Baku: Azerbaijan; a host
    named as such: ``choose_actors``), not when it is only where the gathering is ("a conference was held in Baku");
    ``visitors_and_country`` adds it in place of the host's own people (a
    visit to X has X, not X's minister who received the visitor), unless everyone named is of X (a visit
    at home). ``visitors``: the people a relative clause names as making the visit ("..., who was on a
    visit to X"); the other people of the sentence received them. ``subjects``: the people of the visit verb's own
    subject ("X's minister A and her counterpart B visited a base in X"), who made the visit whatever their country."""
    if visitors and rule == "visitors_and_country":
        actor_ids = [i for i in actor_ids if actors[i].kind != "person" or i in visitors]
    if host is None:
        return actor_ids
    people = [i for i in actor_ids if actors[i].kind == "person"]
    hosts = [p for p in people if host in affiliations(p)]
    if rule == "country" and not hosts and host not in actor_ids:
        return actor_ids  # only where the gathering is held (``_venue_only``): no side
    if rule == "visitors_and_country":
        if len(hosts) == len(people):
            return actor_ids
        hosts = [p for p in hosts if p not in subjects]
        actor_ids = [i for i in actor_ids if i not in hosts]
    return list(dict.fromkeys([*actor_ids, host]))


def verb_subjects(sentence: str, sentence_start: int, trigger: Trigger, mentions: list[Mention],
                  actors: Mapping[str, Actor]) -> list[str]:
    """The people named in a verb trigger's subject, right before it with no clause mark between ("A and her
    counterpart B visited ..."); none for a noun trigger."""
    if trigger.form != "verb":
        return []
    return [m.actor_id for m in mentions if actors[m.actor_id].kind == "person" and m.end - sentence_start <= trigger.start
            and not re.search(r"[,;:()\"“”]", sentence[m.end - sentence_start : trigger.start])]


def _heads_unnamed_people(item: tuple[int, int, str], sentence: str, actors: Mapping[str, Actor],
                          vocab: Vocabulary, data_dir: Path = DATA_DIR) -> bool:
    """True for a country or organisation whose people take part unnamed: "EU foreign ministers met ...",
    "talks with Chinese officials", "met a delegation of X", "the ambassadors of X" (data/events.yaml grammar:
    people_nouns; data/participants.yaml unnamed_people_nouns), not "Chinese officials said"."""
    start, end, actor_id = item
    if actors[actor_id].kind == "person":
        return False
    nouns = _people_nouns(vocab, data_dir)
    if re.search(rf"(?<![\w])(?:{nouns})\s+(?:of|from)\s+(?:the\s+)?$", sentence[max(0, start - 60) : start],
                 re.IGNORECASE):  # "held talks with a delegation of X"
        return True
    # one modifier may stand between ("EU foreign ministers"), not a verb ("X received ambassadors", "X hosts envoys")
    after = re.match(rf"\s+(?:(?![\w\-]*(?:ed|s)\s)[\w\-]+\s+)?(?:{nouns})(?![\w])", sentence[end:], re.IGNORECASE)
    rest = sentence[end + after.end():] if after else ""
    return bool(after) and not re.match(r"\s+[A-Z]", rest) and not vocab.reporting.match(rest.lstrip())


def _people_nouns(vocab: Vocabulary, data_dir: Path) -> str:
    """An alternation of the nouns for people who take part for a country or organisation unnamed."""
    return _escaped((*vocab.raw["grammar"]["people_nouns"], *_participants(data_dir).get("unnamed_people_nouns", ())))


def unnamed_sides(event_type: str, actor_ids: list[str], sentence, trigger: Trigger, mentions: list[Mention],
                  actors: Mapping[str, Actor], affiliations: AffiliationsOf, vocab: Vocabulary,
                  data_dir: Path = DATA_DIR, text: str = "") -> list[str]:
    """``actor_ids``; for a happening whose sentence (a Sentence: ``start``, ``end``, ``text``) names no side, once
    the article's events are settled: the countries it names only as where it happened ("a bus plunged into a gorge
    in Estaria"), or the country of the capital it names ("a blast in a market in Vell"), for the types of
    data/participants.yaml ``place_side_types``; failing those, the article's country (``with_article_country``; for a
    natural hazard or a capsized boat, the country the article ``text`` names as hit: ``_hazard_country``).
    Applied after the events are told apart, so that two reports naming no side and different places stay two.
    A happening of ``government_side_types`` whose sentence names an unnamed government as a side ("the government
    and the rebels signed a truce") has the article's country among its sides (``government_country``)."""
    if actor_ids:
        return government_country(event_type, actor_ids, sentence.text, mentions, actors, data_dir)
    found = []
    if event_type in _place_side_types(data_dir):
        own = [m for m in mentions if sentence.start <= m.start and m.end <= sentence.end and m.actor_id in actors]
        if not vocab.types[event_type].get("reporters_are_actors"):
            own = without_reporters(own, sentence, trigger, vocab)
        found = choose_actors(vocab.types[event_type]["actors"], sentence.text, sentence.start, trigger, own, actors,
                              affiliations, vocab, data_dir=data_dir, place_sides=True)
    found = found or with_article_country(event_type, actor_ids, mentions, actors, data_dir) \
        or _hazard_country(event_type, sentence.text, mentions, actors, data_dir, text)
    return government_country(event_type, found, sentence.text, mentions, actors, data_dir)


def _hazard_country(event_type: str, sentence: str, mentions: list[Mention], actors: Mapping[str, Actor],
                    data_dir: Path, text: str) -> list[str]:
    """For a happening of data/participants.yaml ``hazard_types`` whose sentence names a natural hazard, a wildfire or
    a capsized boat (``hazard_words``: "the quake struck at noon", "a ferry capsized in the river"), the country the
    article (``text``) names most often, the one it hit, as a one-item list; [] otherwise. A country named as one
    that helps ("rescue teams from X", "X sent two ships": ``helper_cues``) is not counted."""
    types, words, before, after = _hazard_grammar(data_dir)
    if not text or event_type not in types or not words.search(sentence):
        return []
    hit = [m for m in mentions if not before.search(text, max(0, m.start - 20), m.start) and not after.match(text, m.end)]
    return _article_country(hit, actors)


@lru_cache(maxsize=4)
def _hazard_grammar(data_dir) -> tuple[frozenset[str], re.Pattern, re.Pattern, re.Pattern]:
    """(``hazard_types``, the ``hazard_words``, a ``helper_cues`` word before a name, one after it)."""
    data = _participants(data_dir)
    words, cues = data.get("hazard_words", ()), data.get("helper_cues", {})
    alternation = lambda items: "|".join(w.replace(" ", r"\s+") for w in items) or "(?!)"  # noqa: E731
    return (frozenset(data.get("hazard_types", ())),
            re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])", re.IGNORECASE),
            re.compile(rf"(?<![\w-])(?:{alternation(cues.get('before', ()))})\s+(?:the\s+)?$", re.IGNORECASE),
            re.compile(rf"(?:['’]s)?\s+(?:(?:has|have|had|also|quickly)\s+)*(?:{alternation(cues.get('after', ()))})(?![\w-])",
                       re.IGNORECASE))


def government_country(event_type: str, actor_ids: list[str], sentence: str, mentions: list[Mention],
                       actors: Mapping[str, Actor], data_dir: Path = DATA_DIR) -> list[str]:
    """``actor_ids`` and, for a happening of data/participants.yaml ``government_side_types`` whose sentence names a
    government without its country (``unnamed_government``: "the government and the rebels signed", "government
    troops clashed with X"; not where it happened: "at the government's headquarters") and whose sides hold no
    country, the country the article names most often."""
    if event_type not in _participants(data_dir).get("government_side_types", ()) \
            or any(actors[i].kind == "country" for i in actor_ids if i in actors):
        return actor_ids
    pattern, place = _unnamed_government(data_dir)
    if not any(not place.search(sentence, max(0, m.start() - 12), m.start()) for m in pattern.finditer(sentence)):
        return actor_ids
    return [*actor_ids, *_article_country(mentions, actors)]


@lru_cache(maxsize=4)
def _unnamed_government(data_dir) -> tuple[re.Pattern, re.Pattern]:
    """The unnamed government phrases (not "of X", not possessive, not a capitalised name: "Government House"), and
    the place words that may stand right before one (data/participants.yaml ``government_place_words``)."""
    table = _participants(data_dir)
    words = "|".join(w.replace(" ", r"\s+") for w in table.get("unnamed_government", ())) or "(?!)"
    places = "|".join(w.replace(" ", r"\s+") for w in table.get("government_place_words", ())) or "(?!)"
    return (re.compile(rf"(?<![\w’'-])(?i:{words})(?![\w-])(?!\s+of\s|['’]s\s|\s+[A-Z])"),
            re.compile(rf"(?<![\w’'-])(?:{places})\s+$", re.IGNORECASE))


def _across_a_border(item: tuple[int, int, str], sentence: str, data_dir: Path) -> bool:
    """True when the place is named as the other side of a border ("near the border with X"): data/participants.yaml
    ``border_phrases``."""
    return bool(_border_phrase(data_dir).search(sentence, 0, item[0]))


@lru_cache(maxsize=4)
def _border_phrase(data_dir) -> re.Pattern:
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _participants(data_dir).get("border_phrases", ()))
    return re.compile(rf"(?<![\w])(?:{words or '(?!)'})\s+(?:the\s+)?$", re.IGNORECASE)


def joined_sides(earlier: list[str], later: list[str], actors: Mapping[str, Actor]) -> list[str]:
    """The sides of a happening told again by a better mention: ``later``'s, then those of ``earlier`` of the same
    kinds as ``later``'s (people with people, countries and organisations with those): "Estaria has signed an
    accord with Ruritania" told again as "The accord with Ruritania was signed on Monday" keeps Estaria; a signing
    told first by its countries and then by the leaders who signed has the leaders only."""
    person = lambda actor_id: actor_id in actors and actors[actor_id].kind == "person"  # noqa: E731
    kinds = {person(i) for i in later}
    return list(dict.fromkeys([*later, *(i for i in earlier if person(i) in kinds)]))


def further_people(kept: list[str], later: list[str], actors: Mapping[str, Actor]) -> list[str]:
    """The sides of a happening after a further mention of it joins without outranking it: ``kept``, then, when
    ``kept`` names no person, the people of ``later`` ("Estaria and Ruritania signed a fisheries accord on Monday"
    and then "The accord was signed by the ministers Lena Holm and Tomas Berg" adds the two ministers). The later
    mention's countries and organisations are left out: a further sentence names them as places, owners or
    history far more often than as sides."""
    person = lambda actor_id: actor_id in actors and actors[actor_id].kind == "person"  # noqa: E731
    if any(person(i) for i in kept):
        return kept
    return list(dict.fromkeys([*kept, *(i for i in later if person(i))]))


def with_article_country(event_type: str, actor_ids: list[str], mentions: list[Mention], actors: Mapping[str, Actor],
                         data_dir: Path = DATA_DIR) -> list[str]:
    """``actor_ids``; for an event of a type of data/participants.yaml ``article_country_types`` that names no side
    ("Security forces killed two militants in a raid"), the country the article names most often (the first named
    of those tied): the state whose forces act unnamed is the one the news is about. Reads all the article's mentions."""
    if actor_ids or event_type not in _article_country_types(data_dir):
        return actor_ids
    return _article_country(mentions, actors) or actor_ids


def _article_country(mentions: list[Mention], actors: Mapping[str, Actor]) -> list[str]:
    """The country the mentions name most often (the first named of those tied), as a one-item list; [] for none."""
    counts: dict[str, int] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        actor = actors.get(mention.actor_id)
        if actor is not None and actor.kind == "country":
            counts[actor.id] = counts.get(actor.id, 0) + 1
    return [max(counts, key=counts.get)] if counts else []  # max keeps the first named of those tied


@lru_cache(maxsize=4)
def _article_country_types(data_dir) -> frozenset[str]:
    return frozenset(_participants(data_dir).get("article_country_types", ()))


def _seat_country(sentence: str, vocab: Vocabulary, data_dir: Path) -> list[str]:
    """The country of the first capital or seat of government the sentence names as a place ("a bombing at a
    mosque in Kabul"), as a one-item list; [] when it names none."""
    for _, name, _ in _places(sentence[:1].lower() + sentence[1:], vocab, []):  # "In Vell, a bomb exploded"
        country = place_country(name, data_dir, capitals=True)
        if country:
            return [country]
    return []


_TARGETS: dict[tuple[int, str], re.Pattern] = {}


def _target_pattern(vocab: Vocabulary, data_dir) -> re.Pattern:
    """A preposition of place (data/events.yaml grammar ``locative_prepositions`` and data/participants.yaml
    ``place_prepositions``), then "the" and words of ``location_skip_words``, right before a name."""
    key = (id(vocab.raw), str(data_dir))
    if key not in _TARGETS:
        words = [*vocab.raw["grammar"]["locative_prepositions"], *_participants(data_dir).get("place_prepositions", ())]
        skip = "|".join(re.escape(w) for w in vocab.raw["location_skip_words"])
        before = "|".join(w.replace(" ", r"\s+") for w in words)
        _TARGETS[key] = re.compile(rf"(?<![\w])(?:{before})\s+"
                                   rf"(?:(?:{skip})\s+){{0,3}}$", re.IGNORECASE)
    return _TARGETS[key]


@lru_cache(maxsize=4)
def _place_side_types(data_dir) -> frozenset[str]:
    return frozenset(_participants(data_dir).get("place_side_types", ()))


@lru_cache(maxsize=4)
def _place_phrase_types(data_dir) -> frozenset[str]:
    return frozenset(_participants(data_dir).get("place_phrase_types", ()))


def _in_place_phrase(item: tuple[int, int, str], sentence: str, actors: Mapping[str, Actor], vocab: Vocabulary,
                     data_dir: Path = DATA_DIR) -> bool:
    """True for a country that only qualifies a place: "the Estarian capital", "Estaria's capital", "the Estarian
    city of X" (data/events.yaml grammar: place_modifier_nouns), "Estaria's Vell Doran province"; not "the region of
    X", which may be X itself."""
    start, end, actor_id = item
    if actors[actor_id].kind != "country":
        return False
    nouns = "|".join(vocab.raw["grammar"]["place_modifier_nouns"])
    after = re.match(rf"(?:['’]s)?\s+(?:{nouns})(?![\w])", sentence[end:], re.IGNORECASE)
    return after is not None or _named_place_after(data_dir).match(sentence, end) is not None


@lru_cache(maxsize=4)
def _named_place_after(data_dir) -> re.Pattern:
    """A country's possessive before a place's name and a place noun: "Estaria's Vell Doran province" (data/offices.yaml
    ``place_nouns``)."""
    nouns = "|".join(map(re.escape, load("offices.yaml", data_dir).get("place_nouns", ()))) or "(?!)"
    return re.compile(rf"['’]s(?:[ \t]+[A-Z][\w'’-]*){{1,3}}[ \t]+(?:{nouns})(?![\w])")


_LIST_AND = re.compile(r"\s*[,،]\s*(?:and\s+|or\s+)?(?:the\s+)?|\s+(?:and|or)\s+(?:the\s+)?")  # also an Arabic comma


def _without_places(local: list, sentence: str, actors: Mapping[str, Actor], vocab: Vocabulary,
                    targets: re.Pattern | None = None, data_dir: Path = DATA_DIR) -> list:
    """``local`` less the countries named only as places (``_only_a_place``), and the countries listed right
    after one of them: "coups in X, Y and Z" names three places. With ``targets`` (an attack's type), a place
    that is the object of the attack ("struck the Estarian port of X") is its target, a side: a place noun after
    the country makes a place only behind a preposition of ``targets`` ("in", "outside the Estarian city of")."""
    kept, place_end = [], None
    for item in sorted(local):
        listed = place_end is not None and actors[item[2]].kind == "country" \
            and _LIST_AND.fullmatch(sentence, place_end, item[0]) is not None
        if listed or _only_a_place(item, sentence, actors, vocab, targets, data_dir):
            place_end = item[1]
        else:
            kept.append(item)
    return kept


def _only_a_place(item: tuple[int, int, str], sentence: str, actors: Mapping[str, Actor], vocab: Vocabulary,
                  targets: re.Pattern | None = None, data_dir: Path = DATA_DIR) -> bool:
    """True for a country named only as where something happened or where people or goods came from or went:
    "the Polish town of ...", "in the Czech Republic", "in southern Chad" (data/participants.yaml
    ``place_compass_words``), "crossed from Chad", "evacuated ... to Armenia"
    (data/events.yaml grammar: place_modifier_nouns, locative_prepositions), or as the other side of a border
    ("near the Chadian border": ``_border_after``)."""
    start, end, actor_id = item
    if actors[actor_id].kind != "country":
        return False
    grammar = vocab.raw["grammar"]
    after = re.match(rf"\s+(?:{'|'.join(grammar['place_modifier_nouns'])})(?![\w])", sentence[end:], re.IGNORECASE)
    before = re.search(rf"(?<![\w])(?:{'|'.join(grammar['locative_prepositions'])})\s+(?:the\s+)?"
                       rf"(?:(?-i:{_compass_words(data_dir)})\s+)?$", sentence[max(0, start - 40) : start], re.IGNORECASE)
    part_of = re.search(rf"(?<![\w])(?:{'|'.join(grammar['place_modifier_nouns'])})\s+of\s+(?:the\s+)?"
                        rf"(?:(?:{'|'.join(vocab.raw['location_skip_words'])})\s+)?$",
                        sentence[max(0, start - 40) : start], re.IGNORECASE)  # "the Tillaberi region of western X"
    after = after or _border_after(data_dir).match(sentence, end)
    in_a_name = re.match(r"\s+[A-Z]", sentence[end:])  # "from the Turkish Red Crescent" names a body
    people = sentence[start:end] in actors[actor_id].demonyms  # "fuel to Filipino fishermen": its people, no place
    if after and targets is not None and not targets.search(sentence, max(0, start - 40), start):
        after = None  # "drones struck the Estarian port of X": the attack's target
    return bool(after or ((before or part_of) and not in_a_name and not people))


@lru_cache(maxsize=4)
def _compass_words(data_dir) -> str:
    """An alternation of data/participants.yaml ``place_compass_words`` ("in southern Estaria" is "in Estaria"), matched
    in lower case only ("in North Estaria" may be a country's own name)."""
    return "|".join(map(re.escape, _participants(data_dir).get("place_compass_words", ()))) or "(?!)"


@lru_cache(maxsize=4)
def _border_after(data_dir) -> re.Pattern:
    """A border noun right after a country's name ("near the Estarian border": a place, the other side's at most),
    not one that names people ("Estarian border guards": data/participants.yaml ``border_nouns``,
    ``border_people_nouns``)."""
    table = _participants(data_dir)
    nouns = "|".join(map(re.escape, table.get("border_nouns", ()))) or "(?!)"
    people = "|".join(map(re.escape, table.get("border_people_nouns", ()))) or "(?!)"
    return re.compile(rf"\s+(?:{nouns})(?![\w-])(?!\s+(?:{people})(?![\w-]))", re.IGNORECASE)


def without_reporters(mentions: list[Mention], sentence, trigger: Trigger, vocab: Vocabulary,
                      data_dir: Path = DATA_DIR, actors: Mapping[str, Actor] | None = None) -> list[Mention]:
    """The mentions minus the speakers of a report the trigger stands in ("X said the attack ..."), and
    the sources named in an attribution clause ("..., the US military's Central Command said", "according
    to the Turkish defence ministry"), unless the source is the force that did it (``_reporting_force``). ``data_dir``
    holds data/participants.yaml; ``actors`` (id -> Actor) tells a force by its role."""
    agents = _reporting_force(mentions, sentence, trigger, actors, data_dir)
    dropped = []
    for mention in mentions:
        start, end = mention.start - sentence.start, mention.end - sentence.start
        near = _reporting_after(sentence.text, end, vocab)
        speaker_acts = near is not None and (re.match(  # "X said (on) Tuesday that its forces ...": X acted
            rf"\s+(?:(?:on\s+)?\w+\s+)?(?:that\s+)?(?:{_words(vocab, 'subject_pronouns')})\s", sentence.text[near:], re.IGNORECASE)
            or _claimed_deed(sentence.text, near, data_dir)  # "X claimed responsibility for the attack": X did it
            or not sentence.text[near : trigger.start].strip()  # "X said in a speech to ...": X spoke
            or _IN_THE_HAPPENING.search(sentence.text, near, trigger.start)  # "X informed Y ... in talks": X took part
            or _at_the_happening(sentence.text, near, trigger.start, data_dir)  # "X said at Monday's joint press conference"
            or re.match(r"\s+(?:their|our)\s", sentence.text[near:])  # "X and Y recalled their meeting"
            or _own_agents(sentence.text, near, trigger.start, data_dir)  # "X said its forces struck ...": X acted
            or (vocab.types[trigger.event_type]["family"] == "encounter"  # "X told ..., in a speech at the summit"
                and _SPOKE_THERE.search(sentence.text[: trigger.end + 12], near)))
        speaker = near is not None and near <= trigger.start and start < trigger.start and not speaker_acts
        dropped.append(speaker or (_in_attribution(sentence.text, start, end, trigger, vocab) and mention not in agents))
    for i in range(len(mentions) - 2, -1, -1):  # "X and Y welcomed ...": X speaks with Y
        gap = sentence.text[mentions[i].end - sentence.start : mentions[i + 1].start - sentence.start]
        if dropped[i + 1] and not dropped[i] and mentions[i + 1].start - sentence.start < trigger.start and _JOINED_NAMES.fullmatch(gap):
            dropped[i] = True
    return [mention for mention, gone in zip(mentions, dropped) if not gone]


def _reporting_force(mentions: list[Mention], sentence, trigger: Trigger, actors: Mapping[str, Actor] | None,
                     data_dir: Path = DATA_DIR) -> list[Mention]:
    """The mentions of a force that reports an operation or rescue (data/participants.yaml ``reporting_agent_types``)
    told in the passive without its doer, when the sentence names nobody but countries before it: "Two suspects were
    arrested on Monday, the Estarian police said", "Three fishermen were rescued, the coast guard reported": the
    force is the one that acted (``_is_force``)."""
    if actors is None:
        return []
    before = [actors[m.actor_id].kind for m in mentions if m.actor_id in actors and m.start < sentence.start + trigger.start]
    if not _told_without_its_doer(trigger, sentence.text, before, data_dir):
        return []
    return [m for m in mentions if m.start >= sentence.start + trigger.end and m.actor_id in actors
            and _is_force(actors[m.actor_id], data_dir)]


def _reporting_forces(local: list, sentence: str, trigger: Trigger, actors: Mapping[str, Actor], vocab: Vocabulary,
                      data_dir: Path = DATA_DIR) -> list:
    """The items of ``local`` that name a force reporting the happening after the trigger, as ``_reporting_force``
    reads them (in an attribution clause, or right before a reporting verb: ", the coast guard (VCG) said Monday"): a
    side of the happening as much as the names of the trigger's own clause."""
    if not _told_without_its_doer(trigger, sentence, [actors[item[2]].kind for item in local if item[0] < trigger.start],
                                  data_dir):
        return []
    return [item for item in local if item[0] >= trigger.end and _is_force(actors[item[2]], data_dir)
            and (_in_attribution(sentence, item[0], item[1], trigger, vocab)
                 or _reporting_after(sentence, item[1], vocab) is not None)]


def _told_without_its_doer(trigger: Trigger, sentence: str, kinds_before: list[str], data_dir: Path = DATA_DIR) -> bool:
    """True for an operation or rescue (data/participants.yaml ``reporting_agent_types``) told in the passive with
    nobody but countries named before its trigger (``kinds_before``: the kinds of the actors named there), whose doer
    the force that reports it may be."""
    return trigger.event_type in _participants(data_dir).get("reporting_agent_types", ()) \
        and all(kind == "country" for kind in kinds_before) and told_in_passive(sentence, trigger)


# The auxiliary of a passive: right before the trigger's verb, one word (an adverb) at most between ("were | rescued",
# "was quickly | seized"), or among the trigger's own words ("were killed").
_AUXILIARY = r"(?<![\w'’-])(?:was|were|been|being)"
_PASSIVE_BEFORE = re.compile(rf"{_AUXILIARY}\s+(?:[\w'’-]+\s+)?$", re.IGNORECASE)
_PASSIVE_WITHIN = re.compile(rf"{_AUXILIARY}\s", re.IGNORECASE)
PASSIVE_REACH = 30  # characters before the trigger where its auxiliary may stand


def told_in_passive(sentence: str, trigger: Trigger) -> bool:
    """True when the trigger's verb is passive ("A boat was seized", "Three men were rescued", "Two men were killed
    when a bus crashed"): its doer is left unsaid (an attribution's force may say it), and a time clause after it tells
    its cause, not a second happening (``events._told_in_a_clause_of_its_own``)."""
    return _PASSIVE_BEFORE.search(sentence[max(0, trigger.start - PASSIVE_REACH) : trigger.start]) is not None \
        or _PASSIVE_WITHIN.search(trigger.text) is not None


def _is_force(actor: Actor, data_dir: Path = DATA_DIR) -> bool:
    """True for an organisation with a role of data/participants.yaml ``reporting_agent_titles`` ("police", "coast
    guard"), or one whose name holds a word of ``reporting_agent_words`` ("the Vell Coast Guard Administration")."""
    titles, words = _force_grammar(data_dir)
    return actor.kind == "organization" and (any(r.title in titles for r in actor.roles) or bool(words.search(actor.name)))


@lru_cache(maxsize=4)
def _force_grammar(data_dir) -> tuple[frozenset[str], re.Pattern]:
    table = _participants(data_dir)
    words = "|".join(map(re.escape, table.get("reporting_agent_words", ()))) or "(?!)"
    return frozenset(table.get("reporting_agent_titles", ())), re.compile(rf"(?<![\w-])(?:{words})(?![\w-])")


def _claimed_deed(text: str, at: int, data_dir: Path = DATA_DIR) -> bool:
    """True when the reporting verb ending at ``at`` claims a deed as the speaker's own (data/participants.yaml
    ``claimed_deeds``: "X claimed responsibility for the bombing", "X claimed credit for the raid")."""
    return _claimed_deed_pattern(data_dir).match(text, at) is not None


@lru_cache(maxsize=4)
def _claimed_deed_pattern(data_dir) -> re.Pattern:
    words = "|".join(w.replace(" ", r"\s+") for w in _participants(data_dir).get("claimed_deeds", ())) or "(?!)"
    return re.compile(rf"\s+(?:(?:on\s+)?\w+\s+)?(?:{words})(?![\w])", re.IGNORECASE)


def _at_the_happening(text: str, start: int, end: int, data_dir: Path = DATA_DIR) -> bool:
    """True when the report between ``start`` and ``end`` (the trigger) only says where it was said: "in", "during" or
    "at", maybe a determiner or a day's possessive, and words of data/participants.yaml ``happening_modifiers`` ("X
    told reporters at Monday's joint press conference with Y"): the speaker took part."""
    return _at_the_happening_pattern(data_dir).search(text, start, end) is not None


@lru_cache(maxsize=4)
def _at_the_happening_pattern(data_dir) -> re.Pattern:
    words = "|".join(re.escape(w) for w in _participants(data_dir).get("happening_modifiers", ())) or "\x00"
    return re.compile(rf"(?<![\w])(?:in|during|at)\s+(?:(?:an?|the|their|his|her|its|[A-Za-z]+['’]s)\s+)?"
                      rf"(?:(?:{words})\s+){{1,2}}$", re.IGNORECASE)


def _own_agents(text: str, start: int, end: int, data_dir: Path = DATA_DIR) -> bool:
    """True when the report between ``start`` and ``end`` (the trigger) names the speaker's own people or forces
    as doing it (data/participants.yaml ``own_agent_nouns``): "X said 40 of its citizens were evacuated", "X said
    its troops repelled an attack": the speaker took part."""
    return _own_agents_pattern(data_dir).search(text, start, end) is not None


@lru_cache(maxsize=4)
def _own_agents_pattern(data_dir) -> re.Pattern:
    nouns = "|".join(w.replace(" ", r"\s+") for w in _participants(data_dir).get("own_agent_nouns", ()))
    return re.compile(rf"(?<![\w])(?:its|their|our)\s+(?:[\w-]+\s+)?(?:{nouns})(?![\w])", re.IGNORECASE)


def names_forces(words: str, data_dir: Path = DATA_DIR) -> bool:
    """True when ``words`` (a subject) name a state's forces or people (data/participants.yaml ``own_agent_nouns``:
    "Troops", "the police", "Army units")."""
    return _forces_pattern(data_dir).search(words) is not None


@lru_cache(maxsize=4)
def _forces_pattern(data_dir) -> re.Pattern:
    nouns = "|".join(w.replace(" ", r"\s+") for w in _participants(data_dir).get("own_agent_nouns", ()))
    return re.compile(rf"(?<![\w])(?:{nouns})(?![\w])", re.IGNORECASE)


_JOINED_NAMES = re.compile(r"\s*,\s*|\s*(?:,\s*)?and\s+")


def _in_attribution(text: str, start: int, end: int, trigger: Trigger, vocab: Vocabulary) -> bool:
    """True for a name inside a clause that only says who reports the happening: "..., the US military's
    Central Command said[, ...]" after the trigger, or "according to ..." (data/events.yaml grammar:
    attribution_words, attribution_openers)."""
    opener, clause = _attribution_patterns(vocab)
    if opener.search(text, max(0, start - 80), start):
        return True
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, trigger.end, start)]
    if start < trigger.end or not marks or _CLAUSE_MARK.search(text, marks[-1], start):
        return False
    return bool(clause.match(text, end))


_ATTRIBUTION: dict[int, tuple[re.Pattern, re.Pattern]] = {}


def _attribution_patterns(vocab: Vocabulary) -> tuple[re.Pattern, re.Pattern]:
    """(an attribution opener before a name, the rest of an attribution clause after one), compiled once."""
    key = id(vocab.raw)
    if key not in _ATTRIBUTION:
        grammar = vocab.raw["grammar"]
        # an object after the verb ("confirmed their commitment") makes it no attribution clause
        fillers = "|".join(re.escape(w) for w in vocab.raw["report_fillers"]
                           if w.lower() not in ("its", "his", "her", "their", "the", "a", "an"))
        opener = re.compile(rf"(?<![\w])(?:{'|'.join(grammar['attribution_openers'])})\s+[^,;:()]*$", re.IGNORECASE)
        clause = re.compile(rf"(?:['’]s)?(?:\s+[\w'’\-]+){{0,{grammar['attribution_words']}}}?\s+"
                            rf"(?:(?:{_words(vocab, 'speaker_fillers')})\s+)?(?:{vocab.reporting.pattern})"
                            rf"\s*(?:$|[,.;:]|(?:{fillers})(?![\w]))", re.IGNORECASE)
        _ATTRIBUTION[key] = (opener, clause)
    return _ATTRIBUTION[key]


def _reporting_after(text: str, end: int, vocab: Vocabulary) -> int | None:
    """Where a reporting verb that follows a name closely ("Lavrov said", "Lavrov also told") ends."""
    match = re.match(rf"\W{{0,3}}(?:(?:{_words(vocab, 'speaker_fillers')})\s+){{0,2}}", text[end:])
    verb = vocab.reporting.match(text, end + match.end())
    return verb.end() if verb else None


def _sides(local, sentence: str, trigger: Trigger, actors: Mapping[str, Actor], data_dir: Path = DATA_DIR) -> list[str]:
    """Countries and organisations that meet: the subject before the trigger and the ones named right
    after "with"/"between" ("EU ministers met with NATO") or "hosted/mediated/convened by" ("talks hosted by
    Qatar"; data/participants.yaml side_openers), not those the talks were about."""
    words = sentence[trigger.start : trigger.end + 16]  # "held talks with", "talks| convened by", "talks convened| by"
    opener = next((m for m in _side_openers(data_dir).finditer(words) if m.end() >= len(trigger.text)), None)
    reach = trigger.end
    if opener is not None:  # the sides named after it, up to what the talks were about ("on the crisis in X")
        start = trigger.start + opener.end()
        about = _SIDES_END.search(sentence, start, start + 80)
        reach = about.start() if about else start + 80
    return _ids([item for item in local if item[0] < reach], actors, lambda a: a.kind != "person")


_SIDES_END = re.compile(r"\s(?:on|about|over|in|at|for|to|during|after|before|amid|as|which|who|that|said|says)\s|[;:.]\s|,\s(?!and\s|the\s|[A-Z])")


@lru_cache(maxsize=4)
def _side_openers(data_dir) -> re.Pattern:
    """Words right after a meeting's trigger that name its other sides (data/participants.yaml side_openers)."""
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _participants(data_dir)["side_openers"])
    return re.compile(rf"(?<![\w])(?:{words})(?![\w])")


def _ids(items, actors: Mapping[str, Actor], keep) -> list[str]:
    ordered = sorted(items)
    return list(dict.fromkeys(actor_id for _, _, actor_id in ordered if keep(actors[actor_id])))


def _signatories(inside: list[tuple[int, int, str]], sentence: str, trigger: Trigger,
                 actors: Mapping[str, Actor]) -> list[str]:
    """The people who did it when they alone are its agents: the subject of the trigger's clause, or the
    names after "by" ("..., which was signed by Presidents X and Y"), naming people and no country or
    organisation; with the sides named after "with"/"between". [] otherwise."""
    by = re.match(r"\s+by\s", sentence[trigger.end :])
    if by:
        agents = [item for item in inside if item[0] >= trigger.end]
    else:
        agents = [item for item in inside if item[0] < trigger.start]
    people = _ids(agents, actors, lambda a: a.kind == "person")
    if not people or _ids(agents, actors, lambda a: a.kind != "person"):
        return []
    joined = re.search(r"(?:with|between)\s", sentence[trigger.end : trigger.end + 60])
    partners = [item for item in inside if joined and trigger.end + joined.end() <= item[0] < trigger.end + 80]
    return list(dict.fromkeys(people + _ids(partners, actors, lambda a: True)))


_APPOSED = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:(?:his|her|their|the)\s+)?"
                      r"(?:(?!(?:who|whose|which|that|said|says|told|after|before|while|when|as|with)[\s,])[\w'’-]+[\s,]+){0,4}?")  # ", and his X counterpart, "


def _in_subject(local: list, sentence: str, trigger: Trigger, actors: Mapping[str, Actor]) -> list:
    """The people of the trigger's subject when commas set their names off as appositions ("X's minister of
    foreign affairs, A, and his Y counterpart, B, signed"): the people right before the trigger, each joined to the
    next by no more than a comma, "and" and a few words of title; [] when anything else stands before the trigger,
    when a country or organisation is named before them, or when they are examples ("including X")."""
    before = sorted(item for item in local if item[1] <= trigger.start)
    if not before or actors[before[-1][2]].kind != "person" \
            or not re.fullmatch(r"[\s,]*(?:(?:have|has|also|jointly|both|then)\s+)*", sentence[before[-1][1]:trigger.start]):
        return []
    chosen = [before[-1]]
    for item in reversed(before[:-1]):
        if actors[item[2]].kind != "person" or not _APPOSED.fullmatch(sentence, item[1], chosen[0][0]):
            break
        chosen.insert(0, item)
    if any(item[0] < chosen[0][0] for item in before if actors[item[2]].kind != "person") \
            or re.search(r"(?<![\w])(?:including|among them|such as)[\s,]*$", sentence[: chosen[0][0]], re.IGNORECASE):
        return []  # "the G7 leaders, including X, issued a statement": the bloc's, not X's alone
    return chosen


def _with_signed_for(signatories: list[str], trigger: Trigger, actors: Mapping[str, Actor], data_dir: Path,
                     when: date | None = None) -> list[str]:
    """``signatories`` and, for a type of data/participants.yaml ``signed_for_types``, the one country each person
    among them serves (a foreign minister signs for her country): "Presidents X and Y signed a joint statement" has
    their two countries as parties too (``_country_signed_for``)."""
    if trigger.event_type not in _participants(data_dir).get("signed_for_types", ()):
        return signatories
    countries = [_country_signed_for(actors[actor_id], actors, when) for actor_id in signatories
                 if actors[actor_id].kind == "person"]
    return list(dict.fromkeys([*signatories, *(c for c in countries if c)]))


def _country_signed_for(person: Actor, actors: Mapping[str, Actor], when: date | None) -> str | None:
    """The country ``person`` signs for on ``when``: that of the office begun last among those held that day (a
    national minister in 2018 who heads a bloc's commission since 2019 signs for her country in 2018, for the bloc,
    which adds no country, in 2020); with no date, or no office known to be held that day, that of the latest
    office (``_latest_country``)."""
    held = [r for r in person.roles if r.affiliation and when is not None
            and (r.start or date.min) <= when <= (r.end or date.max)]
    return _begun_last_country(held, actors) if held else _latest_country(person, actors)


def _latest_country(person: Actor, actors: Mapping[str, Actor]) -> str | None:
    """The country of ``person``'s latest office: among the offices with no end (all of them when every one has
    ended), those begun last; None when they are of no country or of several (a bloc's office begun last: its
    president signs for the bloc)."""
    roles = [r for r in person.roles if r.affiliation]
    current = [r for r in roles if r.end is None] or roles
    return _begun_last_country(current, actors) if current else None


def _begun_last_country(roles, actors: Mapping[str, Actor]) -> str | None:
    """The one country of the ``roles`` begun last; None when those are of no country or of several."""
    begun = max(r.start or date.min for r in roles)
    served = {r.affiliation for r in roles if (r.start or date.min) == begun
              and r.affiliation in actors and actors[r.affiliation].kind == "country"}
    return served.pop() if len(served) == 1 else None


def _document_parties(local: list, sentence: str, trigger: Trigger, actors: Mapping[str, Actor], data_dir: Path) -> list[str]:
    """The countries and organisations named right after "<document noun> between" after the trigger
    (data/participants.yaml ``document_nouns``: "signed a joint statement, as well as an agreement between X and
    Y"): the parties of what was signed."""
    opener = _document_pattern(data_dir).search(sentence, trigger.end)
    if opener is None:
        return []
    about = _SIDES_END.search(sentence, opener.end(), opener.end() + 120)
    reach = about.start() if about else opener.end() + 120
    return _ids([item for item in local if opener.end() <= item[0] < reach], actors, lambda a: a.kind != "person")


@lru_cache(maxsize=4)
def _document_pattern(data_dir) -> re.Pattern:
    nouns = "|".join(w.replace(" ", r"\s+") for w in _participants(data_dir).get("document_nouns", ()))
    return re.compile(rf"(?<![\w])(?:{nouns})\s+between\s", re.IGNORECASE)


_LIST_GAP = re.compile(r",\s+(?:the\s+)?(?:[A-Z][\w'’\-]*\s+){0,4}")  # a title may stand before a name


def _list_commas(local: list[tuple[int, int, str]], sentence: str) -> list[tuple[int, int]]:
    """The commas of a list of names ("Chad, Sudan and Libya", "Japan, the Philippines and Australia",
    "X, Russian President Y and ..."), which do not end a clause."""
    ordered = sorted(local)
    return [(a[1], b[0]) for a, b in zip(ordered, ordered[1:]) if _LIST_GAP.fullmatch(sentence, a[1], b[0])]


def _clause(sentence: str, trigger: Trigger, vocab: Vocabulary, protected) -> tuple[int, int]:
    """The stretch of ``sentence`` between the punctuation marks around the trigger (commas inside
    ``protected`` spans, such as "November 10, 2020", do not count)."""
    marks = [m.start() for m in _CLAUSE_MARK.finditer(sentence)
             if not any(s <= m.start() < e for s, e in protected)]
    for regex in _word_regexes(tuple(vocab.raw["clause_words"])):
        marks += [m.start() for m in regex.finditer(sentence)]
    left = max([m for m in marks if m < trigger.start], default=-1) + 1
    right = min([m for m in marks if m >= trigger.end], default=len(sentence))
    return left, right


def find_location(sentence: str, mentions_spans: list[tuple[int, int]], vocab: Vocabulary,
                  after: int = 0) -> str | None:
    """The first place name introduced by "in", "at", "held in"... in ``sentence``, preferring one after
    offset ``after`` (the trigger); names that are people or organisations (``mentions_spans``) are skipped."""
    found = [(start, name) for start, name, _ in _places(sentence, vocab, mentions_spans)
             if not any(s <= start < e for s, e in mentions_spans)]
    later = [item for item in found if item[0] >= after]
    chosen = later or found
    return chosen[0][1] if chosen else None


_PLACES: dict[int, tuple[re.Pattern, re.Pattern, frozenset[str]]] = {}


def _place_patterns(vocab: Vocabulary) -> tuple[re.Pattern, re.Pattern, frozenset[str]]:
    """(a place after "in", "at", "held in"...; "the city of X" after it; words that end no place name),
    compiled once per vocabulary."""
    key = id(vocab.raw)
    if key not in _PLACES:
        raw = vocab.raw
        preps = "|".join(p.replace(" ", r"\s+") for p in sorted(raw["location_before"], key=len, reverse=True))
        skip = "|".join(re.escape(w) for w in raw["location_skip_words"])
        qualified = "|".join(re.escape(w) for w in raw.get("location_qualified_nouns", ())) or "(?!)"
        regex = re.compile(rf"(?<![\w])(?:{preps})\s+(?:(?:{skip}|{_words(vocab, 'place_nouns')})\s+){{0,4}}"
                           rf"((?:[A-Z]\.){{2,}}|(?:[A-Z][\w'’\-]+)(?:\s+(?:[A-Z][\w'’\-]+)){{0,3}})"  # "the U.S."
                           rf"(?![\w'’\-])(?!(?:['’]s)?(?:\s+[A-Z][\w'’\-]+)*\s+(?:{qualified})(?![\w-]))")  # "Estarian troops"
        of_place = re.compile(rf"\s+(?:{'|'.join(raw['grammar']['place_modifier_nouns'])})\s+of\s+(?:the\s+)?"
                              rf"((?:[A-Z][\w'’\-]+)(?:\s+(?:[A-Z][\w'’\-]+)){{0,3}})")
        _PLACES[key] = (regex, of_place, frozenset(raw["location_stop"]))
    return _PLACES[key]


def _places(sentence: str, vocab: Vocabulary, names: list[tuple[int, int]]):
    regex, of_place, stop = _place_patterns(vocab)
    for match in regex.finditer(sentence):
        if _inside_name(sentence, match.start(), match.group(), names, stop):
            continue
        words = match.group(1).split()
        while words and _unpossessed(words[-1]) in stop:
            words.pop()
        if not words or _unpossessed(words[0]) in stop:  # "in Sunday's election" names no place
            continue
        named = of_place.match(sentence, match.end(1))  # "the Sudanese city of El Fasher": El Fasher, in Sudan
        if named and len(words) == 1:
            yield named.start(1), named.group(1), words[0]
        else:
            yield match.start(1), " ".join(words), ""


def _unpossessed(word: str) -> str:
    """``word`` without a final possessive "'s" ("Sunday's" -> "Sunday")."""
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _inside_name(sentence: str, start: int, found: str, names: list[tuple[int, int]], stop=frozenset()) -> bool:
    """True when a bare "in"/"at" sits inside a capitalised name ("Cooperation in Europe"), not after a
    known name ("met Lavrov in Geneva") or a word of ``stop`` ("arrived on Tuesday in Lima")."""
    before = sentence[:start].split()
    bare = found.split()[0] in ("in", "at")
    after_name = any(0 <= start - end <= 2 for _, end in names)
    return bare and len(before) > 1 and before[-1][:1].isupper() and before[-1] not in stop and not after_name



# A Korean-style name, family name first and a hyphenated given name ("Kim Sun-ho", "Park Ji-won").
_FAMILY_FIRST = re.compile(r"^[A-Z][a-z]{1,5} [A-Z][a-z]+-[a-z]+$")


def short_name(actor: Actor) -> str:
    """A person's surname (the first word of a family-name-first name such as "Kim Sun-ho"), or the name
    of a country or organisation."""
    if actor.kind == "person":
        if actor.surname:
            return actor.surname
        return actor.name.split()[0] if _FAMILY_FIRST.match(actor.name) else actor.name.split()[-1]
    return actor.name


def make_title(templates: Mapping[str, str], names: list[str], trigger: Trigger, location: str | None,
               noun: str, kind: str = "") -> str:
    """The event's title from the type's templates (data/events.yaml ``titles``); ``kind`` is what the
    type's ``kinds`` call the trigger's label ("police raid")."""
    kind = kind or noun
    fields = {
        "kind": kind,
        "Kind": kind[:1].upper() + kind[1:],
        "a": names[0] if names else "",
        "b": " and ".join(names[1:]) if len(names) > 1 else "",
        "place": location or "",
        "trigger": trigger.text.lower(),
        "Trigger": trigger.text[:1].upper() + trigger.text[1:],
        "noun": noun,
        "Noun": noun[:1].upper() + noun[1:],
        "trigger_noun": noun,
    }
    key = _template_key(templates, names, location, trigger)
    return " ".join(templates[key].format_map(fields).split())


def _template_key(templates, names, location, trigger) -> str:
    if "named" in templates and trigger.text[:1].isupper():
        return "named"
    if location and "place" in templates and len(names) <= 1 and ("{a}" not in templates["place"] or names):
        return "place"
    if len(names) >= 2 and "two" in templates:
        return "two"
    if names and "one" in templates:
        return "one"
    return "none"


def names_participants(sentence: str, trigger: Trigger, data_dir) -> bool:
    """True when ``sentence`` mentions an event again through ``trigger`` (a definite noun: "the meeting",
    "the 30th round of talks") and says who took part in it or was there ("..., brought together X and Y", "was led
    by X", "was also attended by X", data/participants.yaml ``joining``), or through a verb followed by "with" ("The
    minister had talks with X, Y and Z", not "also held talks with"): the people it names join that event. Not a
    sentence of a plan or an absence (``attendance_not``: "they will be joined by X")."""
    joining, determiners, negated = _participation(data_dir)
    before = sentence[max(0, trigger.start - 30) : trigger.start].lower().split()
    definite = any(word in determiners for word in before[-2:])
    if trigger.form == "verb":  # a repeat that names the other sides: "X had talks with A, B and C"
        near_end = sentence[max(trigger.start, trigger.end - 5) : trigger.end + 6]
        return "also" not in before[-3:] and _WITH.search(near_end) is not None
    return (trigger.form == "noun" and definite and joining.search(sentence) is not None
            and negated.search(sentence) is None)


_WITH = re.compile(r"(?:^|\s)with\s")


def names_attendees(sentence: str, data_dir) -> bool:
    """True when ``sentence`` says who else was at a happening told just before, through a phrase of
    data/participants.yaml ``attendance`` ("The mayor was accompanied by X and Y.", "X, Y and senior officials
    attended."), and is no plan or absence (``attendance_not``: "will be accompanied by", "declined to attend")."""
    attendance, negated = _attendance(data_dir)
    return attendance.search(sentence) is not None and negated.search(sentence) is None


def named_as_kin(text: str, start: int, data_dir) -> bool:
    """True when the name at ``start`` of ``text`` follows a kin noun and "of" in the same clause ("Ana Moro, wife of
    the former governor Tom Velm, also attended"; data/participants.yaml ``kin_nouns``): that person is named to say
    who the one there is, and was not there by this sentence."""
    return _kin_pattern(data_dir).search(text, max(0, start - 80), start) is not None


@lru_cache(maxsize=4)
def _kin_pattern(data_dir) -> re.Pattern:
    nouns = "|".join(_participants(data_dir).get("kin_nouns") or ["(?!)"])
    return re.compile(rf"(?<![\w])(?:{nouns})\s+of\s+[^,;:.()\n]{{0,60}}$", re.IGNORECASE)


def lists_participants(sentence: str, data_dir) -> bool:
    """True when ``sentence`` opens by listing the countries or forces that took part in a happening told just before
    ("Participating countries include X, Y and Z.", "Other nations taking part in the drill are X and Y."; data/
    participants.yaml ``participant_lists``)."""
    return _participant_lists(data_dir).match(sentence) is not None


def participant_list_types(data_dir) -> frozenset[str]:
    """data/participants.yaml ``participant_list_types``: the happenings a list of participants may name the sides of
    besides those people attend (an exercise, an operation)."""
    return frozenset(_participants(data_dir).get("participant_list_types") or ())


@lru_cache(maxsize=4)
def _participant_lists(data_dir) -> re.Pattern:
    shapes = "|".join(_participants(data_dir).get("participant_lists") or ["(?!)"])
    return re.compile(rf"\W*(?:(?:the|other)\s+)*(?:{shapes})(?![\w])", re.IGNORECASE)


def attendance_rules(data_dir) -> tuple[frozenset[str], int]:
    """data/participants.yaml ``attendance_types`` and ``attendance_reach``: the happenings an attendance sentence
    may name people of, and how many sentences back it may be told."""
    data = _participants(data_dir)
    return frozenset(data.get("attendance_types") or ()), int(data.get("attendance_reach") or 0)


@lru_cache(maxsize=4)
def _participation(data_dir) -> tuple[re.Pattern, frozenset[str], re.Pattern]:
    data = _participants(data_dir)
    return _phrases(data["joining"]), frozenset(data["determiners"]), _attendance(data_dir)[1]


@lru_cache(maxsize=4)
def _attendance(data_dir) -> tuple[re.Pattern, re.Pattern]:
    data = _participants(data_dir)
    never = re.compile("(?!)")
    attendance = _phrases(data["attendance"]) if data.get("attendance") else never
    return attendance, _phrases(data["attendance_not"]) if data.get("attendance_not") else never


def _phrases(phrases) -> re.Pattern:
    words = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{words})(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=8)  # asked for several times per event: building the path and the stat cost 1-2% of a parse
def _participants(data_dir) -> dict:
    """data/participants.yaml of ``data_dir``, or of the package's data folder when that folder has none (a
    data folder made before the file existed)."""
    path = Path(data_dir) / "participants.yaml"
    return load("participants.yaml", data_dir if path.exists() else DATA_DIR)
