"""A cheap test that lets a sentence skip a regular expression that cannot match it.

Reads: a compiled pattern. Adds: the lower-cased literal words one of which every match must contain
(worked out once from the pattern's parse tree), so that a caller runs the pattern only on text that
holds one of them. The test is conservative: a pattern whose matches need no fixed text gets no keys and
always runs, so skipping never changes what is found.
"""

from __future__ import annotations

import re
from functools import lru_cache
import re._constants as C  # noqa: N812 - the parse tree's opcodes
import re._parser as P  # noqa: N812

# Characters that re.IGNORECASE matches to an ASCII letter but str.lower() does not turn into it.
_IGNORECASE_FIXES = str.maketrans({"ı": "i", "ſ": "s"})
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def required_keys(regex: re.Pattern) -> frozenset[str] | None:
    """Lower-cased ASCII strings one of which occurs in every match of ``regex``; None when none is known."""
    keys = _required(P.parse(regex.pattern, regex.flags))
    return frozenset(_minimal(keys)) if keys else None


@lru_cache(maxsize=64)  # a sentence is looked up twice in a row: for triggers and for a continuation
def keys_in(text: str, keys: frozenset[str]) -> frozenset[str]:
    """Those of ``keys`` (the union of several patterns' keys) that occur in ``text``, case-folded as
    re.IGNORECASE folds it."""
    keyed = text.lower().translate(_IGNORECASE_FIXES)
    return frozenset(key for key in keys if key in keyed)


def may_match(keys: frozenset[str] | None, present: frozenset[str]) -> bool:
    """False only when none of a pattern's ``keys`` is ``present`` (so the pattern cannot match the text)."""
    return keys is None or not keys.isdisjoint(present)


def _required(sequence) -> set[str] | None:
    """The best (longest shortest key) set of alternatives that a match of ``sequence`` must contain."""
    best: set[str] | None = None
    run: list[str] = []
    for op, arg in list(sequence) + [(None, None)]:
        if op is C.LITERAL and chr(arg).isascii():
            run.append(chr(arg).lower())
            continue
        if run:
            best = _better(best, {"".join(run)})
            run = []
        best = _better(best, _required_of(op, arg))
    return best


def _required_of(op, arg) -> set[str] | None:
    if op is C.SUBPATTERN:
        return _required(arg[3])
    if op is C.BRANCH:
        alternatives = [_required(a) for a in arg[1]]
        return set().union(*alternatives) if all(alternatives) else None
    if op in _REPEATS and arg[0] >= 1:
        return _required(arg[2])
    return None


def _better(best: set[str] | None, other: set[str] | None) -> set[str] | None:
    if not other:
        return best
    if best is None:
        return other
    rank = lambda keys: (min(map(len, keys)), -len(keys))  # noqa: E731
    return other if rank(other) > rank(best) else best


def _minimal(keys: set[str]) -> set[str]:
    """Drops keys that contain another key ("video link" when "video" is there): the test stays the same."""
    return {k for k in keys if not any(o != k and o in k for o in keys)}
