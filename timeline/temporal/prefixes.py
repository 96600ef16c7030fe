"""The first few characters a regular expression's matches can begin with, as a small regex of their own.

The tagger asks, at each word of a text, which rules could match there; a rule whose possible first
``k`` characters do not fit the text's next ``k`` characters is skipped without running it (see
lexicon.py). The answer is read from Python's own parse of the pattern and is always a superset:
zero-width assertions are ignored, anything this module does not understand fits every text.
"""

from __future__ import annotations

import re
from re import _constants as C
from re import _parser as parser

from .firstchars import class_parts

ANY_CHAR = r"[\s\S]"
REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
ZERO_WIDTH = (C.ASSERT, C.ASSERT_NOT, C.AT)


class Unknown(Exception):
    """The pattern uses something this analysis does not follow: it may begin with anything."""


def prefixes(pattern: str, k: int) -> frozenset[tuple[str, ...]] | None:
    """How the matches of ``pattern`` can begin: each tuple holds a character class per character, for
    the first ``k`` characters (fewer where a match can end sooner). None when unsure (anything may match)."""
    try:
        found = _sequence(parser.parse(pattern), k)
    except Unknown:
        return None
    return None if () in found else frozenset(found)


def as_regex(found: frozenset[tuple[str, ...]] | None) -> str:
    """A regex for the beginnings ``found`` (from ``prefixes``), as a trie so the matcher tries few branches."""
    if found is None or () in found:
        return ""
    heads: dict[str, set[tuple[str, ...]]] = {}
    for chars in found:
        heads.setdefault(chars[0], set()).add(chars[1:])
    return "(?:" + "|".join(head + ("" if () in rest else as_regex(frozenset(rest))) for head, rest in sorted(heads.items())) + ")"


def _sequence(items, k: int) -> set[tuple[str, ...]]:
    """Each tuple: one way the items' match begins, a character class per character (at most ``k``)."""
    found = {()}
    for op, av in items:
        found = _then(found, lambda room: _item(op, av, room), k)
    return found


def _then(found: set, following, k: int) -> set:
    """``found`` continued by what ``following(room)`` can match, wherever room is left."""
    done = {t for t in found if len(t) == k}
    for room in {k - len(t) for t in found if len(t) < k}:
        tails = following(room)
        done |= {t + tail for t in found if len(t) == k - room for tail in tails}
    return done


def _item(op, av, k: int) -> set[tuple[str, ...]]:
    if op is C.LITERAL:
        return {(re.escape(chr(av)),)}
    if op is C.NOT_LITERAL:
        return {(f"[^{re.escape(chr(av))}]",)}
    if op is C.ANY:
        return {(ANY_CHAR,)}
    if op is C.IN:
        return {(_charset(av),)}
    if op is C.BRANCH:
        return set().union(*(_sequence(alternative, k) for alternative in av[1]))
    if op is C.SUBPATTERN:
        if av[1] or av[2]:  # inline flags change what the characters mean
            raise Unknown(op)
        return _sequence(av[3], k)
    if op is C.ATOMIC_GROUP:
        return _sequence(av, k)
    if op in REPEATS:
        return _repeat(av, k)
    if op in ZERO_WIDTH:
        return {()}
    raise Unknown(op)


def _repeat(av, k: int) -> set[tuple[str, ...]]:
    low, high, items = av
    if low > k + 1:
        raise Unknown("long repeat")
    found, current = ({()} if low == 0 else set()), {()}
    for count in range(1, min(high, low + k) + 1):
        current = _then(current, lambda room: _sequence(items, room), k)
        if count >= low:
            found |= current
    return found


def _charset(items) -> str:
    parts = class_parts(items)
    return ANY_CHAR if parts is None else "[" + "".join(parts) + "]"
