"""A cheap test that lets a sentence skip a regular expression that cannot match it.

Reads: a compiled pattern. Adds: the lower-cased literal words one of which every match must contain
(worked out once from the pattern's parse tree), so that a caller runs the pattern only on text that
holds one of them. The test is conservative: a pattern whose matches need no fixed text gets no keys and
always runs, so skipping never changes what is found. ``KeyIndex`` finds, in one scan of a text, which of
many patterns may match it.

And a faster form of a pattern that opens with a look-behind (``fast_pattern``, ``Skipping``): the same
matches, found by jumping from one possible first letter to the next.
"""

from __future__ import annotations

import re
import weakref
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache, reduce
from operator import or_
import re._compiler as _compiler
import re._constants as C  # noqa: N812 - the parse tree's opcodes
import re._parser as P  # noqa: N812

from .derived import compiled, default_store

# Characters that re.IGNORECASE matches to an ASCII letter but str.lower() does not turn into it.
_IGNORECASE_FIXES = str.maketrans({"ı": "i", "ſ": "s"})
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)  # they consume no text: the literals around them are adjacent
_EXACT_LIMIT = 32  # at most this many spellings are listed for a run of fixed text ("met|meets" + " with")
_ALSO_GROUPS = 2
_SPACE = re.compile(r"\s")
_WORDS_KEPT = 200_000  # distinct words remembered per index (about 30 MB at most), then forgotten
# What parsing the patterns gives (key groups, fast sources), remembered on disk between processes: a new
# process (the app, the CLI, a Dask worker) compiles the rules in about half the time.
DERIVED = default_store()


def required_keys(regex: re.Pattern) -> frozenset[str] | None:
    """Lower-cased ASCII strings one of which occurs in every match of ``regex``; None when none is known.
    Of the runs of fixed text a match needs (each with all its spellings), the most selective (``_rank``)."""
    groups = required_groups(regex)
    return groups[0] if groups else None


def required_groups(regex: re.Pattern) -> tuple[frozenset[str], ...]:
    """Every group of keys that a match of ``regex`` holds one key of (a run of fixed text, with all its
    spellings), the most selective first."""
    return _required_groups(regex.pattern, regex.flags)


@lru_cache(maxsize=1024)  # parsing a pattern is slow; the vocabulary asks for each one more than once
def _required_groups(pattern: str, flags: int) -> tuple[frozenset[str], ...]:
    groups = DERIVED.get("groups", pattern, flags, _derive_groups)
    return tuple(frozenset(group) for group in groups)


def _derive_groups(pattern: str, flags: int) -> list[list[str]]:
    groups = sorted(_groups(P.parse(pattern, flags)), key=_rank, reverse=True)
    return [sorted(_minimal(group)) for group in groups]


def required_chars(regex: re.Pattern) -> frozenset[str] | None:
    """Characters one of which occurs in every match of ``regex`` (a mandatory character class of literals, such
    as ``[–—-]``, that ``required_keys`` does not list); only characters that case folding leaves as they are, so
    that the test may run on the folded text. None when no such class is known."""
    return _mandatory_chars(P.parse(regex.pattern, regex.flags))


def _mandatory_chars(tree) -> frozenset[str] | None:
    for op, arg in tree:
        found = None
        if op is C.LITERAL:
            found = _uncased({chr(arg)})
        elif op is C.IN and all(item is C.LITERAL for item, _ in arg):
            found = _uncased({chr(value) for _, value in arg})
        elif op is C.SUBPATTERN:
            found = _mandatory_chars(arg[3])
        elif op in _REPEATS and arg[0] >= 1:
            found = _mandatory_chars(arg[2])
        if found:
            return found
    return None


def _uncased(chars: set[str]) -> frozenset[str] | None:
    return frozenset(chars) if all(c.lower() == c == c.upper() == fold(c) for c in chars) else None


class KeyIndex:
    """The patterns of a list (given by their keys, None for "always run") that may match a text.

    One regular expression, shaped as a trie of the keys and read at every position, finds the longest key
    that starts there; the keys that are prefixes of it start there too ("meet" where "meeting" does), and
    a key inside another at a later position ("all" in "call") is found at that position. Each key found
    names the patterns it belongs to. A pattern may also need ``also`` groups (one key of each): they are
    looked for in the text only when its own keys were found.

    Sets of patterns and of groups are the bits of an int (pattern ``at`` is bit ``at``): a text's words or-ed
    together, the candidates read off in order.
    """

    def __init__(self, keys: Sequence[frozenset[str] | None], also: Sequence[tuple[frozenset[str], ...]] = ()):
        every = frozenset().union(*(k for k in keys if k))
        by_key: dict[str, int] = defaultdict(int)
        for at, pattern_keys in enumerate(keys):
            for key in pattern_keys or ():
                by_key[key] |= 1 << at
        self._always = sum(1 << at for at, pattern_keys in enumerate(keys) if pattern_keys is None)
        self._also = {at: groups[:_ALSO_GROUPS] for at, groups in enumerate(also) if groups}
        # A key without a space lies inside one word of a text (a run without spaces): each distinct word is
        # read once and remembered (``in_words``); the few keys with a space by a substring test. The further
        # groups' keys are read with the words too (the same scan): a group is a bit, and a pattern is a
        # candidate when the bits of all its groups are set (a group with a key with a space: or that key occurs).
        self._other = tuple((key, by_key[key]) for key in sorted(every) if _SPACE.search(key))
        by_group: dict[str, int] = defaultdict(int)
        self._needs: dict[int, tuple[int, tuple[tuple[int, tuple[str, ...]], ...]]] = {}  # at -> (bits, spaced groups)
        count = 0
        for at, groups in self._also.items():
            needed, spaced = 0, []
            for group in groups:
                bit, count = 1 << count, count + 1
                needed |= bit
                for key in group:
                    if not _SPACE.search(key):
                        by_group[key] |= bit
                if any(_SPACE.search(key) for key in group):
                    spaced.append((bit, tuple(key for key in sorted(group) if _SPACE.search(key))))
            self._needs[at] = (needed, tuple(spaced))
        scanned = every | by_group.keys()
        self._scan = compiled(f"(?=({_trie(scanned)}))", 0, DERIVED) if scanned else None
        # The longest key found at a position -> the patterns (and groups) of it and of every key that is a prefix
        # of it (each prefix looked up: comparing every key with every other took a third of a second).
        self._bits = {key: (reduce(or_, (by_key[key[:n]] for n in range(1, len(key) + 1) if key[:n] in every), 0),
                            reduce(or_, (by_group[key[:n]] for n in range(1, len(key) + 1) if key[:n] in by_group), 0))
                      for key in scanned}
        self._seen: set[str] = set()  # words read
        self._hits: dict[str, tuple[int, int]] = {}  # the words read that hold a key -> (patterns, groups)

    def candidates(self, text: str) -> tuple[int, ...]:
        """The positions, in order, of the patterns that may match ``text``."""
        return _candidates(self, text)

    def in_words(self, keyed: str) -> frozenset[int]:
        """The patterns of the keys without a space that occur in ``keyed`` (a text folded by ``fold``), found
        word by word; a word read before is not read again (set operations on the whole text's words)."""
        return frozenset(_positions(self._in_words(keyed)[0]))

    def _in_words(self, keyed: str) -> tuple[int, int]:
        """The bits of the patterns and of the further groups whose keys without a space occur in ``keyed``."""
        words = set(keyed.split())
        new = words - self._seen
        hits = self._hits
        if new:
            if len(self._seen) + len(new) > _WORDS_KEPT:
                self._seen.clear()
                hits.clear()
            for word in new:
                found = self.longest_keys(word)
                if found:
                    patterns = groups = 0
                    for key in found:
                        key_patterns, key_groups = self._bits[key]
                        patterns |= key_patterns
                        groups |= key_groups
                    hits[word] = (patterns, groups)
            self._seen |= new
        patterns = groups = 0
        for word in words & hits.keys():
            word_patterns, word_groups = hits[word]
            patterns |= word_patterns
            groups |= word_groups
        return patterns, groups

    def longest_keys(self, keyed: str) -> set[str]:
        """The longest key at each position of ``keyed`` (a text folded by ``fold``) where one starts."""
        return set(self._scan.findall(keyed)) if self._scan is not None else set()

    def also_found(self, at: int, keyed: str) -> bool:
        """Whether ``keyed`` holds a key of each further group of pattern ``at``."""
        for group in self._also.get(at, ()):
            if not any(map(keyed.__contains__, group)):
                return False
        return True


def fold(text: str) -> str:
    """``text`` case-folded as re.IGNORECASE folds it, for looking up keys."""
    keyed = text.lower()
    return keyed if keyed.isascii() else keyed.translate(_IGNORECASE_FIXES)


@lru_cache(maxsize=64)  # a sentence is looked up twice in a row: for triggers and for a continuation
def _candidates(index: KeyIndex, text: str) -> tuple[int, ...]:
    keyed = fold(text)
    patterns, groups = index._in_words(keyed)  # noqa: SLF001
    patterns |= index._always  # noqa: SLF001
    for key, others in index._other:  # noqa: SLF001
        if key in keyed:
            patterns |= others
    needs = index._needs  # noqa: SLF001 - most patterns need no further group: no test for them
    found = []
    while patterns:
        bit = patterns & -patterns
        patterns ^= bit
        at = bit.bit_length() - 1
        if at in needs:
            needed, spaced = needs[at]
            missing = needed & ~groups
            for group, keys in spaced:
                if missing & group and any(map(keyed.__contains__, keys)):
                    missing &= ~group
            if missing:
                continue
        found.append(at)
    return tuple(found)


def _positions(bits: int) -> list[int]:
    """The positions of the set bits of ``bits``, in order."""
    return [at for at in range(bits.bit_length()) if bits >> at & 1]


# --- regular expressions that open with a look-behind, searched faster -------------------------------

LOOK_BEHINDS = (r"(?<![\w-])", r"(?<![\w])")  # the look-behinds ``fast_pattern`` can move after the first letter


def fast_pattern(regex: re.Pattern) -> tuple[re.Pattern | None, bool]:
    """A pattern opening with a look-behind (``LOOK_BEHINDS``) that the regex engine can skip through, and
    whether it reads the folded sentence.

    The look-behind leaves the engine nothing to skip by: it tries the look-behind and every alternative at
    each position. The fast pattern opens with the characters a match can start with (``[hm]`` for
    "met|held ..."), checks the look-behind after that character and reads the rest in a look-ahead from it,
    so that the engine jumps from one possible first letter to the next; group 1 is the match of ``regex``.
    A case-insensitive pattern becomes a case-sensitive one with lower-case letters, to run over the
    sentence folded by ``prefilter.fold`` (same length, same offsets): the engine skips only by
    case-sensitive letters. (None, False) when that would not be the same pattern: no such look-behind,
    first characters that are not a short list, an empty match possible, or a pattern whose lower-cased form
    compiles differently (an escape, a range or a case-sensitive part that lower-casing would change)."""
    found = DERIVED.get("fast", regex.pattern, regex.flags, _fast_source)
    if found is None:
        return None, False
    source, flags, folded = found
    return LazyPattern(source, flags), folded


class LazyPattern:
    """A regular expression compiled when it is first used (``search``, ``finditer``, ``flags`` ...), not when
    it is made: most rules' fast forms are never run in a process that parses a few articles, and compiling
    them all took a fifth of a new process's first parse. After that it is the compiled pattern's own methods."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self._given = int(flags)
        _MADE[id(self)] = self
        if not _GLOBAL_FLAGS.match(pattern) and not flags & (re.ASCII | re.LOCALE):
            self.flags = self._given | int(re.UNICODE)  # what the compiled pattern reports: keys need no compiling

    def __getattr__(self, name: str):
        if name.startswith("_"):  # copy and pickle probe for special names: they are not the pattern's
            raise AttributeError(name)
        regex = compiled(self.pattern, self._given, DERIVED)
        self.__dict__.update({attr: getattr(regex, attr) for attr in _PATTERN_ATTRIBUTES})
        return getattr(regex, name)

    def __reduce__(self):
        return LazyPattern, (self.pattern, self._given)

    def __eq__(self, other) -> bool:
        return isinstance(other, LazyPattern) and (self.pattern, self._given) == (other.pattern, other._given)

    def __hash__(self) -> int:
        return hash((self.pattern, self._given))

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._given})"


def compile_pending() -> int:
    """Compiles every LazyPattern made so far that no text has needed yet; returns how many. A process that
    forks workers calls it first, so that they share the compiled patterns instead of each compiling them."""
    pending = [lazy for lazy in list(_MADE.values()) if "search" not in lazy.__dict__]
    for lazy in pending:
        lazy.search  # noqa: B018 - the first use compiles it
    return len(pending)


_MADE: "weakref.WeakValueDictionary[int, LazyPattern]" = weakref.WeakValueDictionary()  # id -> pattern, while alive
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")  # flags set inside the pattern: its flags are read by compiling it
_PATTERN_ATTRIBUTES = ("flags", "groups", "groupindex", "search", "match", "fullmatch", "finditer", "findall",
                       "split", "sub", "subn", "scanner")


def _fast_source(pattern: str, flags: int) -> tuple[str, int, bool] | None:
    """``fast_pattern``'s (source, flags, on the folded text) for the pattern ``pattern`` with ``flags``."""
    behind = next((b for b in LOOK_BEHINDS if pattern.startswith(b)), None)
    if behind is None:
        return None
    original = flags
    body = pattern[len(behind):]
    folded = bool(flags & re.IGNORECASE)
    if folded:
        lowered = _lower_literals(pattern)
        flags &= ~re.IGNORECASE
        try:
            same = _compiled(lowered, original) == _compiled(pattern, original) \
                and _lower_only(lowered[len(behind):], flags)
        except re.error:
            same = False
        if not same:
            return None
        body = lowered[len(behind):]
    try:
        tree = P.parse(body, flags)
        chars, empty = _first_chars(tree)
        if not chars or empty or tree.getwidth()[0] == 0:
            return None
        first = "".join(c if c in _CLASS_CATEGORIES.values() else re.escape(c) for c in sorted(chars))
        source = rf"[{first}](?<!{behind[4:-1]}[\s\S])(?<=(?=({body}))[\s\S])"
        re.compile(source, flags)
        return source, int(flags), folded
    except re.error:  # a construct the look-around cannot hold (a back-reference in a look-behind)
        return None


def _first_chars(tree) -> tuple[set[str] | None, bool]:
    """(the characters a match of the parsed ``tree`` can start with, or None when any or too many can;
    whether it can match the empty string). Zero-width checks are skipped: they only narrow the matches."""
    chars: set[str] = set()
    for op, arg in tree:
        if op is C.LITERAL:
            return chars | {chr(arg)}, False
        if op is C.IN:
            found = _class_chars(arg)
            return (None if found is None else chars | found), False
        if op in _ZERO_WIDTH:
            continue
        if op is C.BRANCH:
            parts = [_first_chars(alternative) for alternative in arg[1]]
        elif op is C.SUBPATTERN:
            parts = [_first_chars(arg[3])]
        elif op in _REPEATS:
            inner, empty = _first_chars(arg[2])
            parts = [(inner, empty or arg[0] == 0)]
        else:
            return None, False
        if any(found is None for found, _ in parts):
            return None, False
        chars = chars.union(*(found for found, _ in parts))
        if not any(empty for _, empty in parts):
            return chars, False
    return chars, True


def _class_chars(items) -> set[str] | None:
    """The characters of a character class made of literals, small ranges and digits (``\\d`` stands for
    every digit the engine knows, kept as it is); None for anything else."""
    found: set[str] = set()
    for op, arg in items:
        if op is C.LITERAL:
            found.add(chr(arg))
        elif op is C.RANGE and arg[1] - arg[0] < 128:
            found.update(map(chr, range(arg[0], arg[1] + 1)))
        elif op is C.CATEGORY and arg in _CLASS_CATEGORIES:
            found.add(_CLASS_CATEGORIES[arg])
        else:
            return None
    return found


_CLASS_CATEGORIES = {C.CATEGORY_DIGIT: r"\d"}  # a category a match may start with -> its escape in a class


def _lower_literals(pattern: str) -> str:
    """``pattern`` with every character lower-cased except escapes (``\\W`` stays ``\\W``) and group names
    (``(?P<Name>``, ``(?P=Name)``)."""
    return _KEPT_CASE.sub(lambda m: m.group() if m.group().startswith(("\\", "(?P")) else m.group().lower(), pattern)


_KEPT_CASE = re.compile(r"\\.|\(\?P<[^>]*>|\(\?P=[^)]*\)|[^\\(]+|\(", re.S)


def _compiled(pattern: str, flags: int) -> list:
    return _compiler._code(P.parse(pattern, flags), flags)  # noqa: SLF001 - the engine's own program


def _lower_only(pattern: str, flags: int) -> bool:
    """Whether every literal character and range of ``pattern`` is already as ``prefilter.fold`` leaves text."""
    def chars(tree) -> bool:
        for op, arg in tree:
            if op in (C.LITERAL, C.NOT_LITERAL):
                if fold(chr(arg)) != chr(arg):
                    return False
            elif op is C.RANGE:
                if any(fold(chr(c)) != chr(c) for c in range(arg[0], arg[1] + 1)):
                    return False
            elif op is C.IN:
                if not chars(arg):
                    return False
            elif op is C.BRANCH:
                if not all(chars(a) for a in arg[1]):
                    return False
            elif op is C.SUBPATTERN:
                if not chars(arg[3]):
                    return False
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                if not chars(arg[2]):
                    return False
            elif op in (C.ASSERT, C.ASSERT_NOT):
                if not chars(arg[1]):
                    return False
            elif op is C.ATOMIC_GROUP:
                if not chars(arg):
                    return False
            elif op is C.GROUPREF_EXISTS:
                if not (chars(arg[1]) and (arg[2] is None or chars(arg[2]))):
                    return False
        return True

    return chars(P.parse(pattern, flags))


def spans_of(regex: re.Pattern, fast: re.Pattern | None, on_folded: bool, sentence: str,
             folded: str | None) -> list[tuple[int, int]]:
    """(start, end) of each match of ``regex`` in ``sentence``, found through ``fast_pattern``'s (fast,
    on_folded) when there is one."""
    text = folded if on_folded else sentence
    if fast is None or text is None:
        return [match.span() for match in regex.finditer(sentence)]
    spans, at = [], 0
    while (match := fast.search(text, at)) is not None:
        spans.append(match.span(1))
        at = match.end(1)
    return spans


SKIPPING_KEYS = 32


class Skipping:
    """A regular expression opening with a look-behind (``LOOK_BEHINDS``), searched through its fast form
    (``fast_pattern``) when it has one; ``spans`` finds what ``regex.finditer`` finds."""

    def __init__(self, regex: re.Pattern):
        self.regex = regex
        self.fast, self.on_folded = fast_pattern(regex)
        # A few keys one of which every match holds (``required_keys``): a text holding none of them is not
        # searched (a substring test per key is quicker than the search; with many keys it is not).
        keys = required_keys(regex)
        self.keys = tuple(sorted(keys)) if keys and len(keys) <= SKIPPING_KEYS else None

    def spans(self, text: str, *names: str) -> list[tuple[tuple[int, int], ...]]:
        """For each match of ``regex`` in ``text``, in order: its span, then the span of each group named."""
        folded = fold(text) if (self.fast is not None and self.on_folded) or self.keys is not None else None
        if self.keys is not None and not any(map(folded.__contains__, self.keys)):
            return []
        if self.fast is None or (self.on_folded and len(folded) != len(text)):
            return [(match.span(), *(match.span(name) for name in names)) for match in self.regex.finditer(text)]
        searched, found, at = folded if self.on_folded else text, [], 0
        while (match := self.fast.search(searched, at)) is not None:
            found.append((match.span(1), *(match.span(name) for name in names)))
            at = match.end(1)
        return found


def _trie(words: frozenset[str]) -> str:
    """A regular expression for ``words`` that shares their common prefixes, so that a failed position
    costs one test per distinct first character, not one per word; it matches the longest word that starts
    where it is tried (an ending word's continuations are optional and greedy)."""
    end = ""  # marks the node where a word ends; no character is empty
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[end] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char != end]
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if not branches:
            return ""
        return f"(?:{body})?" if end in node else body

    return emit(tree)


def _groups(sequence) -> list[set[str]]:
    """The key groups of a sequence of the parse tree: each run of fixed text (every spelling of it) and
    the groups of each element that is not fixed text."""
    groups: list[set[str]] = []
    run = {""}  # the spellings of the fixed text read so far
    for op, arg in list(sequence) + [(None, None)]:
        exact = _exact(op, arg) if op is not None else None
        if exact is not None:
            longer = {a + b for a in run for b in exact}
            if len(longer) <= _EXACT_LIMIT:
                run = longer
                continue
        if "" not in run:
            groups.append(run)
        run = exact if exact is not None else {""}
        if exact is None and op is not None:
            groups += _groups_of(op, arg)
    return groups


def _groups_of(op, arg) -> list[set[str]]:
    if op is C.SUBPATTERN:
        return _groups(arg[3])
    if op is C.BRANCH:
        alternatives = [_groups(a) for a in arg[1]]
        if not all(alternatives):
            return []
        return [set().union(*(max(groups, key=_rank) for groups in alternatives))]
    if op in _REPEATS and arg[0] >= 1:
        return _groups(arg[2])
    return []


def _exact(op, arg) -> set[str] | None:
    """Every text the element can match, when it is a few fixed ASCII spellings ("met|meets", "s?")."""
    if op is C.LITERAL:
        return {chr(arg).lower()} if chr(arg).isascii() else None
    if op in _ZERO_WIDTH:
        return {""}
    if op is C.SUBPATTERN:
        return _exact_sequence(arg[3])
    if op is C.BRANCH:
        spellings = [_exact_sequence(a) for a in arg[1]]
        together = set().union(*spellings) if all(s is not None for s in spellings) else None
        return together if together is not None and len(together) <= _EXACT_LIMIT else None
    if op in _REPEATS and (arg[0], arg[1]) in ((0, 1), (1, 1)):
        inner = _exact_sequence(arg[2])
        return None if inner is None else inner | ({""} if arg[0] == 0 else set())
    return None


def _exact_sequence(sequence) -> set[str] | None:
    spellings = {""}
    for op, arg in sequence:
        exact = _exact(op, arg)
        if exact is None:
            return None
        spellings = {a + b for a in spellings for b in exact}
        if len(spellings) > _EXACT_LIMIT:
            return None
    return spellings


def _rank(keys: set[str] | frozenset[str]) -> float:
    """Higher for a rarer group: a key of n letters is taken to occur about 26**-n as often as one letter,
    so "the|his|her|that" ranks below "aid|convoy|evacuation" and "me" below "with"."""
    return -sum(26.0 ** -len(key) for key in keys)


def _minimal(keys: set[str]) -> set[str]:
    """Drops keys that contain another key ("video link" when "video" is there): the test stays the same."""
    return {k for k in keys if not any(o != k and o in k for o in keys)}
