"""Surnames alone ("Lavrov", "S. Lavrov") after a full mention of the person in the same text, also when spelt
another way ("Rajapaksha" after "Mahinda Rajapaksa").

Reads the person candidates already found and the text's capitalised words; adds "surname" candidates
for the nearest earlier full mention with that surname (or the first later one, for headlines). A surname
whose full mention is not in the text (it stood in a dropped lead or standfirst) is the one office holder
of the gazetteer with that surname when the text also names the country or organisation they serve, on a
day they held that office (``office_holder_surnames``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from rapidfuzz import fuzz

from ..models import Actor
from .gazetteer import Gazetteer
from .names import fold
from .spans import Candidate, span_mask

_INITIAL = re.compile(r"(?<!\w)[A-Z]\. ?\Z")  # "S. Lavrov"; not the end of "AFP." nor across a line break


def surname_candidates(
    text: str,
    words: list[re.Match[str]],
    gazetteer: Gazetteer,
    persons: list[Candidate],
    discovered: dict[str, Actor],
    stopwords: frozenset[str],
) -> list[Candidate]:
    """A capitalised word (of ``words``) equal to the surname of a person mentioned in full in the text."""
    mentions = _surname_mentions(text, gazetteer, persons, discovered)
    if not mentions:
        return []
    taken = span_mask(len(text), persons)
    found = []
    for index, match in enumerate(words):
        if 1 in taken[match.start():match.end()]:
            continue
        owners = mentions.get(fold(match.group())) or _variant_owners(text, words, index, mentions, stopwords,
                                                                      gazetteer)
        if not owners:
            continue
        start = match.start()
        if index and _is_given_name(text, words[index - 1], match, stopwords, gazetteer):
            owners = _compound_owners(text, words[index - 1], match, owners, gazetteer, discovered)
            if not owners:
                continue  # "Armen Mirzoyan" is somebody else than the Mirzoyan mentioned before
            start = words[index - 1].start()  # "López Obrador", "El Molla": a two-word surname
        actor_id = _nearest(owners, match.start())
        initial = _INITIAL.search(text, max(0, start - 3), start)
        start = initial.start() if initial else start
        found.append(Candidate(start, match.end(), actor_id, "surname", 0.9))
    return found


MIN_VARIANT = 7  # letters, of both: a shorter surname ("Singh", "Ruto") is too often another name or word near it
VARIANT_SCORE = 88  # rapidfuzz ratio: "Rajapaksha" for "Rajapaksa" scores 95, "Roberts" for "Reports" 71


def _variant_owners(text: str, words: list[re.Match[str]], index: int, mentions: dict[str, list[tuple[int, str]]],
                    stopwords: frozenset[str], gazetteer: Gazetteer) -> list[tuple[int, str]]:
    """The full mentions whose surname this capitalised word spells another way ("Rajapaksha" after "Mahinda
    Rajapaksa": a transliteration or a typo): one surname only, of the same first letter and near in length, not
    the one word begun by the other, scoring at least ``VARIANT_SCORE``; not a word the gazetteer knows, nor a
    surname after a given name."""
    word = fold(words[index].group())
    if len(word) < MIN_VARIANT or words[index].group() in stopwords or words[index].group() in gazetteer.aliases:
        return []
    if index and _is_given_name(text, words[index - 1], words[index], stopwords, gazetteer):
        return []  # "Pavel Rajapaksha" is a full name of its own
    close = [surname for surname in mentions
             if surname[:1] == word[:1] and len(surname) >= MIN_VARIANT and abs(len(surname) - len(word)) <= 2
             and not word.startswith(surname) and not surname.startswith(word)  # a longer word ("Singha Durbar")
             and fuzz.ratio(word, surname) >= VARIANT_SCORE]
    return mentions[close[0]] if len(close) == 1 else []


def _compound_owners(text: str, previous: re.Match[str], match: re.Match[str], owners: list[tuple[int, str]],
                     gazetteer: Gazetteer, discovered: dict[str, Actor]) -> list[tuple[int, str]]:
    """The ``owners`` whose full name ends with the two words ``previous`` and ``match`` when that name has
    at least three words: "López Obrador" after "Andrés Manuel López Obrador", "El Molla" after "Tarek El
    Molla" (a two-word surname, not a given name and a surname), "Amir Abdollahian" after "Hossein
    Amir-Abdollahian" (a hyphen read as a space)."""
    pair = fold(text[previous.start():match.end()]).replace("-", " ")
    kept = []
    for owner in owners:
        actor = gazetteer.get(owner[1]) or discovered.get(owner[1])
        names = [fold(n).replace("-", " ") for n in (actor.name, *actor.aliases)] if actor is not None else ()
        if any(len(n.split()) >= 3 and n.endswith(" " + pair) for n in names):
            kept.append(owner)
    return kept


def _surname_mentions(text, gazetteer, persons, discovered) -> dict[str, list[tuple[int, str]]]:
    """Folded surname -> (offset, actor id) of the full mentions that carry it, in text order."""
    table: dict[str, list[tuple[int, str]]] = {}
    for person in sorted(persons, key=lambda c: c.start):
        actor = gazetteer.get(person.actor_id) or discovered.get(person.actor_id)
        suffixes = gazetteer.offices.name_suffixes
        written = _without_suffix(text[person.start:person.end].split(), suffixes)
        if actor is None or (len(written) < 2 and person.method != "surname"):
            continue  # a full name, or a surname that a title made sure of ("President Macron")
        names = {fold(actor.surname)} if actor.surname else \
            {fold(written[-1])} | {fold(_without_suffix(n.split(), suffixes)[-1]) for n in (actor.name, *actor.aliases)}
        names |= {piece for name in names if (piece := _last_piece(name))}
        for surname in names:
            table.setdefault(surname, []).append((person.start, actor.id))
    return table


def _last_piece(surname: str) -> str | None:
    """The last part of a hyphenated surname, itself a surname ("Amir-Abdollahian": "Abdollahian"), when it is
    capitalised and four letters or more ("Jong-un" has none)."""
    piece = surname.rpartition("-")[2]
    return piece if piece != surname and len(piece) >= 4 and piece[:1].isupper() else None


def _without_suffix(words: list[str], suffixes: frozenset[str]) -> list[str]:
    """The name's words less a final generational suffix ("Jr.", "III")."""
    return words[:-1] if len(words) > 1 and words[-1].lower() in suffixes else words


def _is_given_name(text: str, previous: re.Match[str], match: re.Match[str], stopwords, gazetteer) -> bool:
    """Whether the capitalised word just before ``match`` is a given name: "Armen" in "Armen Mirzoyan"."""
    word = previous.group()
    return (
        previous.end() + 1 == match.start()
        and text[previous.end()] == " "
        and word not in stopwords
        and word not in gazetteer.aliases
    )


def _nearest(owners: list[tuple[int, str]], offset: int) -> str:
    index = bisect_right(owners, (offset, "\uffff"))
    return owners[index - 1][1] if index else owners[0][1]


MIN_LONE_SURNAME = 4  # letters: a shorter surname ("Xi", "Lee") is too common a word or name to stand alone


def office_holder_surnames(text: str, words: list[re.Match[str]], gazetteer: Gazetteer, taken: list[Candidate],
                           groups: set[str], when: date | None, stopwords: frozenset[str]) -> list[Candidate]:
    """A capitalised word no candidate covers that is the surname of exactly one person of the gazetteer who
    held an office on ``when`` for a country or organisation among ``groups`` (those the text names): "Jaishankar
    said ..." in an article about India, its full name only in a dropped standfirst. Namesakes who serve none of
    those groups that day do not count ("Harris" in a story about the United States, an Irish Harris known too)."""
    if when is None or not groups:
        return []
    mask = span_mask(len(text), taken)
    found = []
    for index, match in enumerate(words):
        word = match.group()
        if len(word) < MIN_LONE_SURNAME or word in stopwords or word in gazetteer.aliases \
                or 1 in mask[match.start():match.end()] or _in_longer_name(text, words, index):
            continue
        owners = [o for o in gazetteer.surnames.get(fold(word), ()) if _serves(gazetteer.actors[o], groups, when)]
        if len(owners) == 1:
            found.append(Candidate(match.start(), match.end(), owners[0], "surname", 0.7))
    return found


def _in_longer_name(text: str, words: list[re.Match[str]], index: int) -> bool:
    """Whether the word at ``index`` is joined by one space to a capitalised word before or after it."""
    before = index > 0 and text[words[index - 1].end():words[index].start()] == " "
    after = index + 1 < len(words) and text[words[index].end():words[index + 1].start()] == " "
    return before or after


def _serves(actor: Actor, groups: set[str], when: date) -> bool:
    """Whether ``actor`` held, on ``when``, a dated role for one of ``groups``."""
    return any(role.affiliation in groups and role.start is not None and role.start <= when
               and (role.end is None or when <= role.end) for role in actor.roles)
