"""Actor mentions: reads a text (and its date) and the gazetteer; adds Mention records and the people a
title introduced whom the gazetteer does not know.

Stages, each in its own module: exact aliases, demonyms and acting capitals (spans, metonyms), fuzzy
names (fuzzy), plural offices with their countries (plurals), titles and offices (titles, offices), people
introduced by a possessive or an honorific (introductions), surnames after a full mention (surnames), "he"/"she"
(pronouns), "the two leaders" and "the delegation" (pairs); overlaps are settled here, longest first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import ChainMap
from itertools import accumulate
from datetime import date

from ..models import Actor, Mention
from ..settings import DEFAULT_SETTINGS, Settings
from .fuzzy import fuzzy_candidates
from .gazetteer import Gazetteer, load_gazetteer
from .introductions import HONORIFIC_REACH, honorific_pattern
from .names import fold
from .spans import (PRIORITY, Candidate, capitalised_words, exact_candidates, is_initial, name_runs,
                    nickname_candidates, span_mask)
from .plurals import plural_office_candidates
from .pronouns import pronoun_candidates
from .pairs import country_group_candidates, delegation_candidates, pair_candidates
from .surnames import office_holder_surnames, surname_candidates
from .people import discovered_name_repeats, settle_titles
from .organisations import (country_body_candidates, country_named_candidates, definite_form_candidates,
                            definite_organisation_candidates, described_candidates, expanded_acronym_candidates,
                            force_candidates, joined_to_known_acronyms, lower_headed_candidates, numbered_candidates,
                            organisation_candidates, service_candidates)

__all__ = ["Gazetteer", "find_mentions", "load_gazetteer"]


def find_mentions(
    text: str, gazetteer: Gazetteer, when: date | None = None, settings: Settings = DEFAULT_SETTINGS, dateline: str = ""
) -> tuple[list[Mention], list[Actor]]:
    """Mentions of actors in ``text``, in text order, and the people discovered in it (ids "new:...").

    ``when`` is the article's date: titles without a name resolve to the office holder on that day. ``dateline``: the
    dateline the reader cut from the text's head ("VELLGRAD (AP) —"), which tells whose forces "the army" names.
    """
    stopwords = gazetteer.offices.name_stopwords
    exact = exact_candidates(text, gazetteer) + nickname_candidates(text, gazetteer)
    aliased = span_mask(len(text), exact)
    offices = [o for o in gazetteer.offices.find(text) if 1 not in aliased[o.start:o.end]]
    offices = _without_titles_inside_names(text, offices, aliased, stopwords)
    offices = _without_given_names(text, offices, gazetteer.offices)
    words = capitalised_words(text)
    runs = [r for r in name_runs(text, words, exact + offices, stopwords, gazetteer.offices.name_particles)
            if len(r.words) > 1 and not _initials_and_known_surname(text, r, gazetteer)]
    fuzzy = fuzzy_candidates(text, runs, gazetteer, settings.fuzzy_threshold)
    fuzzed = span_mask(len(text), fuzzy)
    unmatched = [r for r in runs if 1 not in fuzzed[r.start:r.end]]
    named = exact + fuzzy
    plural = plural_office_candidates(text, gazetteer, [c for c in exact if _is_group(c, gazetteer)], when,
                                      [c for c in named if _is_person(c, gazetteer, {})])
    replaced = {(c.start, c.end) for c in plural}
    named = [c for c in named if (c.start, c.end) not in replaced] + plural
    titles = settle_titles(text, gazetteer, offices, named, unmatched, when)
    introduced = {c.start for c in titles.candidates}
    repeats = discovered_name_repeats(text, [r for r in unmatched if r.start not in introduced], titles.discovered)
    named += titles.candidates + repeats
    covered = span_mask(len(text), [*exact, *offices, *fuzzy, *titles.candidates])
    organisations, found = organisation_candidates(text, covered, stopwords, settings.data_dir, gazetteer.aliases)
    organisations = joined_to_known_acronyms(text, organisations, found, gazetteer.aliases,
                                             lambda i: getattr(gazetteer.get(i), "kind", None))
    courts, local = lower_headed_candidates(text, covered, stopwords, settings.data_dir)
    found.update(local)
    named += organisations + courts
    numbered, counted = numbered_candidates(text, covered, settings.data_dir)
    described, businesses = described_candidates(text, covered, stopwords, settings.data_dir)
    named += numbered + described
    counted = {**counted, **businesses}
    countries = [c for c in exact if _is_country(c, gazetteer)]
    services, serving = service_candidates(text, countries, settings.data_dir, gazetteer.actors, gazetteer.services)
    named += services
    bodies, owned = country_named_candidates(text, countries, covered, settings.data_dir, services)
    named += bodies
    serving.update(owned)
    bodies, owned = country_body_candidates(text, countries, covered, settings.data_dir)
    named += bodies
    serving.update(owned)
    expanded, spelled = expanded_acronym_candidates(text, gazetteer.aliases, stopwords, settings.data_dir)
    named += expanded
    persons = [c for c in named if _is_person(c, gazetteer, titles.discovered) and c.method != "office"]
    named += surname_candidates(text, words, gazetteer, persons, titles.discovered, stopwords)
    groups = {c.actor_id for c in exact if _is_group(c, gazetteer)}
    named += office_holder_surnames(text, words, gazetteer, named, groups, when, stopwords)
    named += pronoun_candidates(text, [c for c in named if _is_person(c, gazetteer, titles.discovered)])
    named += pair_candidates(text, [c for c in named if _is_person(c, gazetteer, titles.discovered)],
                             gazetteer.offices.pair_nouns, gazetteer.offices.bare_pair_nouns)
    named += delegation_candidates(text, [c for c in named if _is_person(c, gazetteer, titles.discovered)],
                                   gazetteer.offices.delegation_nouns, gazetteer.offices.delegation_cues)
    named += country_group_candidates(text, countries,
                                      gazetteer.offices.country_group_nouns,
                                      [c for c in named if _is_person(c, gazetteer, titles.discovered)],
                                      lambda i: _countries_served(i, gazetteer, titles.discovered, when))
    known = ChainMap(spelled, serving, found, counted, gazetteer.actors)  # a lookup, not a copy of the whole gazetteer
    named += definite_organisation_candidates(text, named, known, settings.data_dir)
    forces, enlisted = force_candidates(text, named, known, settings.data_dir, countries, gazetteer.services, dateline)
    named += forces
    serving.update(enlisted)
    named += definite_form_candidates(text, named, settings.data_dir)
    named = _without_ship_names(text, named, gazetteer.offices.ship_prefixes)
    kept = _settle_overlaps(_drop_absorbed(named, titles.absorbed, gazetteer, titles.discovered))
    mentions = [Mention(c.start, c.end, text[c.start:c.end], c.actor_id, c.method, c.score) for c in kept]
    used = {m.actor_id for m in mentions}
    discovered = (*titles.discovered.values(), *found.values(), *counted.values(), *serving.values(), *spelled.values())
    return mentions, [a for a in discovered if a.id in used]


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’-]*)\s+$")
_NAME_NEXT = re.compile(r"\s+[^\W\d_a-z]")


def _without_titles_inside_names(text: str, offices: list, aliased: bytearray, stopwords) -> list:
    """The office matches minus a one-word title standing inside a name that a title introduced ("President
    Hassan Sheikh Mohamud": "Sheikh" is a name there): a capitalised word no alias covers stands between
    that title and an earlier one, and a capitalised word follows."""
    ends = {o.end for o in offices}
    kept = []
    for office in offices:
        before = _WORD_BEFORE.search(text, max(0, office.start - 40), office.start)
        inside = (" " not in office.text.strip() and before is not None and before.group(1)[0].isupper()
                  and before.group(1) not in stopwords and 1 not in aliased[before.start(1):before.end(1)]
                  and _end_before(text, before.start(1)) in ends
                  and _NAME_NEXT.match(text, office.end) is not None)
        if not inside:
            kept.append(office)
    return kept


_ONE_NAME_NEXT = re.compile(r"[ \t]+[^\W\d_a-z][\w'’-]+(?![\w'’-]|[ \t]+[^\W\d_a-z])")


def _without_given_names(text: str, offices: list, vocabulary) -> list:
    """The office matches minus a title word that is a given name there (data/offices.yaml ``title_given_names``): one
    right after an honorific or another title, before a single capitalised word ("Rt. Hon. Sheriff Tobenna",
    "Governor Marshal Adeyemi"): the run of both is the person's name, which the honorific or title introduces."""
    given = vocabulary.title_given_names
    if not given or not any(o.text in given for o in offices):
        return offices
    honorifics = honorific_pattern(vocabulary.honorifics)
    ends = {o.end for o in offices}
    return [o for o in offices if not (
        o.text in given and _ONE_NAME_NEXT.match(text, o.end)
        and (o.start - 1 in ends and text[o.start - 1] == " "
             or honorifics is not None and honorifics.search(text, max(0, o.start - HONORIFIC_REACH), o.start)))]


def _without_ship_names(text: str, candidates: list[Candidate], prefixes: frozenset[str]) -> list[Candidate]:
    """The candidates less those right after a ship's prefix ("USS John Doe" is a vessel; data/offices.yaml
    ``ship_prefixes``, case-sensitive)."""
    if not prefixes:
        return candidates
    return [c for c in candidates if (m := _WORD_BEFORE.search(text, max(0, c.start - 8), c.start)) is None
            or m.group(1) not in prefixes]


def _initials_and_known_surname(text: str, run, gazetteer: Gazetteer) -> bool:
    """ "A. Mirzoyan": initials and one word that is a known person's surname, which the surname stage reads."""
    *first, last = (text[s:e] for s, e in run.words)
    return all(map(is_initial, first)) and fold(last) in gazetteer.surnames


def _end_before(text: str, at: int) -> int:
    """Where the text before ``at`` ends once the spaces right before ``at`` are left out (a bounded look)."""
    window = text[max(0, at - 8) : at]
    return at - (len(window) - len(window.rstrip()))


def _is_group(candidate: Candidate, gazetteer: Gazetteer) -> bool:
    actor = gazetteer.get(candidate.actor_id)
    return actor is not None and actor.kind in ("country", "organization")


def _is_country(candidate: Candidate, gazetteer: Gazetteer) -> bool:
    actor = gazetteer.get(candidate.actor_id)
    return actor is not None and actor.kind == "country"


def _countries_served(actor_id: str, gazetteer: Gazetteer, discovered: dict[str, Actor], when: date | None) -> tuple[str, ...]:
    """The countries a person's roles serve on ``when`` (roles not known to exclude that day)."""
    actor = gazetteer.get(actor_id) or discovered.get(actor_id)
    roles = actor.roles if actor is not None else ()
    return tuple(dict.fromkeys(r.affiliation for r in roles if _is_country_id(r.affiliation, gazetteer)
                               and (when is None or (r.start or when) <= when <= (r.end or when))))


def _is_country_id(actor_id: str, gazetteer: Gazetteer) -> bool:
    actor = gazetteer.get(actor_id)
    return actor is not None and actor.kind == "country"


def _is_person(candidate: Candidate, gazetteer: Gazetteer, discovered: dict[str, Actor]) -> bool:
    actor = gazetteer.get(candidate.actor_id) or discovered.get(candidate.actor_id)
    return actor is not None and actor.kind == "person"


def _drop_absorbed(candidates: list[Candidate], absorbed: list[tuple[int, int]], gazetteer: Gazetteer,
                   people: dict[str, Actor]):
    """Countries and organisations inside a person's title are that person's affiliation, not mentions; so are
    organisations found in the text ("Jane Roe, the president of the Caspian Policy Institute"). ``people``: the
    people the titles introduced."""
    spans = sorted(absorbed)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # the furthest end of the titles starting up to each one

    def inside_title(c: Candidate) -> bool:
        actor = gazetteer.get(c.actor_id)
        if actor is None and (not c.actor_id.startswith("new:") or c.actor_id in people) or actor and actor.kind == "person":
            return False
        i = bisect_right(starts, c.start)  # the titles that start at or before the candidate
        return i > 0 and reach[i - 1] >= c.end

    return [c for c in candidates if not inside_title(c)]


def _settle_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """Longest span first (then the surest method); a span overlapping a kept one is dropped. Phrases that
    are no actor ("Latin American") win their span and are then removed."""
    kept: list[Candidate] = []
    taken = span_mask(max((c.end for c in candidates), default=0), [])
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, PRIORITY[c.method], c.start)):
        if 1 not in taken[candidate.start:candidate.end]:
            kept.append(candidate)
            taken[candidate.start:candidate.end] = b"\x01" * (candidate.end - candidate.start)
    return sorted((c for c in kept if c.actor_id), key=lambda c: c.start)

