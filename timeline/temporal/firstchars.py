"""The characters a regular expression can start with, and those its matches can hold, read from Python's
own parse of the pattern.

The tagger groups its rules by first character so that, at each position of a text, the regex engine
only tries the rules that can start there (see lexicon.py). Case is folded: texts are matched lower-cased.
A character no tense cue can hold splits a text into stretches whose cues can be found apart (tense.py).
"""

from __future__ import annotations

import re
import string
from re import _constants as C
from re import _parser as parser

ANY = frozenset(string.printable + "£€’‘“”")
CATEGORIES = {
    C.CATEGORY_DIGIT: frozenset(string.digits),
    C.CATEGORY_SPACE: frozenset(string.whitespace),
    C.CATEGORY_WORD: frozenset(string.ascii_letters + string.digits + "_"),
}
REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
ZERO_WIDTH = (C.ASSERT, C.ASSERT_NOT, C.AT)
CLASS_ESCAPES = {
    C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W",
}


def first_chars(pattern: str) -> frozenset[str]:
    """Every character a match of ``pattern`` can begin with (a superset; ANY when unsure)."""
    found, _ = _sequence(parser.parse(pattern))
    return frozenset(c.lower() for c in found)


def _sequence(items) -> tuple[frozenset, bool]:
    found: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        found |= chars
        if not nullable:
            return frozenset(found), False
    return frozenset(found), True


def _item(op, av) -> tuple[frozenset, bool]:
    if op is C.LITERAL:
        return frozenset(chr(av)), False
    if op is C.IN:
        return _charset(av), False
    if op is C.BRANCH:
        results = [_sequence(alternative) for alternative in av[1]]
        return frozenset().union(*(r[0] for r in results)), any(r[1] for r in results)
    if op is C.SUBPATTERN:
        return _sequence(av[3])
    if op in REPEATS:
        chars, nullable = _sequence(av[2])
        return chars, nullable or av[0] == 0
    if op in ZERO_WIDTH:
        return frozenset(), True
    return ANY, False


def _charset(items) -> frozenset:
    found: set[str] = set()
    for op, av in items:
        if op is C.NEGATE:
            return ANY
        if op is C.LITERAL:
            found.add(chr(av))
        elif op is C.RANGE:
            found.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is C.CATEGORY:
            found |= CATEGORIES.get(av, ANY)
        else:
            return ANY
    return frozenset(found)


def held_chars(pattern: str) -> str | None:
    """A character class (without brackets) holding every character a match of ``pattern`` can consume;
    None when that is not clear or the pattern looks ahead further than one character (a match might then
    depend on more than the character right after it)."""
    try:
        return "".join(sorted(_held(parser.parse(pattern))))
    except LookedAhead:
        return None


class LookedAhead(Exception):
    """The pattern uses something ``held_chars`` does not follow."""


def _held(items) -> set[str]:
    found: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            found.add(re.escape(chr(av)))
        elif op is C.IN:
            found |= _held_class(av)
        elif op is C.BRANCH:
            for alternative in av[1]:
                found |= _held(alternative)
        elif op is C.SUBPATTERN:
            found |= _held(av[3])
        elif op in REPEATS:
            found |= _held(av[2])
        elif op is C.AT or (op in (C.ASSERT, C.ASSERT_NOT) and (av[0] < 0 or av[1].getwidth()[1] <= 1)):
            continue  # anchors and look-behinds consume nothing; a one-character look-ahead sees no further
            # than the character after the match
        else:
            raise LookedAhead(op)
    return found


def _held_class(items) -> set[str]:
    parts = class_parts(items)
    if parts is None or "^" in parts:
        raise LookedAhead(C.IN)
    return set(parts)


def class_parts(items) -> list[str] | None:
    """A parsed character class as the pieces of a ``[...]`` ("^" first when negated), or None when it
    holds something these pieces do not spell."""
    parts = []
    for op, av in items:
        if op is C.NEGATE:
            parts.append("^")
        elif op is C.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is C.RANGE:
            parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is C.CATEGORY and av in CLASS_ESCAPES:
            parts.append(CLASS_ESCAPES[av])
        else:
            return None
    return parts
