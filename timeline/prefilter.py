"""A cheap test that lets a sentence skip a regular expression that cannot match it.

Reads: a compiled pattern. Adds: the lower-cased literal words one of which every match must contain
(worked out once from the pattern's parse tree), so that a caller runs the pattern only on text that
holds one of them. The test is conservative: a pattern whose matches need no fixed text gets no keys and
always runs, so skipping never changes what is found. ``KeyIndex`` finds, in one scan of a text, which of
many patterns may match it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
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


class KeyIndex:
    """The patterns of a list (given by their keys, None for "always run") that may match a text.

    One regular expression, shaped as a trie of the minimal keys (no key inside another) and read at
    every position, finds the keys a text holds; a longer key is looked for only when every minimal key
    inside it was found. Each key found names the patterns it belongs to.
    """

    def __init__(self, keys: Sequence[frozenset[str] | None]):
        every = frozenset().union(*(k for k in keys if k))
        minimal = _minimal(set(every))
        self._scan = re.compile(f"(?=({_trie(minimal)}))") if minimal else None
        self._longer = tuple((key, frozenset(m for m in minimal if m in key)) for key in sorted(every - minimal))
        by_key: dict[str, list[int]] = defaultdict(list)
        for at, pattern_keys in enumerate(keys):
            for key in pattern_keys or ():
                by_key[key].append(at)
        self._by_key = {key: tuple(at) for key, at in by_key.items()}
        self._always = tuple(at for at, pattern_keys in enumerate(keys) if pattern_keys is None)

    def candidates(self, text: str) -> tuple[int, ...]:
        """The positions, in order, of the patterns that may match ``text``."""
        return _candidates(self, text)

    def keys_in(self, text: str) -> frozenset[str]:
        """The keys that occur in ``text``, case-folded as re.IGNORECASE folds it."""
        if self._scan is None:
            return frozenset()
        keyed = text.lower().translate(_IGNORECASE_FIXES)
        found = {match.group(1) for match in self._scan.finditer(keyed)}
        if found:
            found.update(key for key, inside in self._longer if inside <= found and key in keyed)
        return frozenset(found)


@lru_cache(maxsize=64)  # a sentence is looked up twice in a row: for triggers and for a continuation
def _candidates(index: KeyIndex, text: str) -> tuple[int, ...]:
    present = index.keys_in(text)
    if not present:
        return index._always  # noqa: SLF001 - the index's own cache
    return tuple(sorted({at for key in present for at in index._by_key[key]}.union(index._always)))  # noqa: SLF001


def _trie(words: set[str]) -> str:
    """A regular expression for ``words`` (none a prefix of another) that shares their common prefixes, so
    that a failed position costs one test per distinct first character, not one per word."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items())]
        if len(branches) <= 1:
            return "".join(branches)
        return "(?:" + "|".join(branches) + ")"

    return emit(tree)


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
