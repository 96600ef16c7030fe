"""Text helpers shared by the actor matchers: accent folding, transliteration keys, slugs, trie regexes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from ..derived import compiled

# Letters that Unicode does not decompose into a base letter plus accents.
_LETTER_FOLDS = str.maketrans({"ı": "i", "ə": "a", "Ə": "A", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                               "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"})

# Spellings that differ only by transliteration convention (Джейхун: Jeyhun, Dzheykhun, Ceyhun...).
_TRANSLIT = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("x", "h"), ("sh", "s"), ("ch", "c"), ("ph", "f"),
             ("w", "v"), ("q", "k"), ("ck", "k"), ("y", "i"), ("j", "i"))
_DOUBLED = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """``text`` without accents, case kept: "António Çavuşoğlu" -> "Antonio Cavusoglu"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTER_FOLDS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_JOINING_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def name_key(text: str) -> str:
    """A spelling-insensitive key of a name: folded, lower case, a hyphen between words written as a space
    ("Amir-Abdollahian", "Amir Abdollahian"), transliteration variants merged."""
    key = _JOINING_HYPHEN.sub(" ", fold(text).lower())
    for variant, common in _TRANSLIT:
        key = key.replace(variant, common)
    return _DOUBLED.sub(r"\1", key)


def slug(text: str) -> str:
    """ "Jane Doe" -> "jane-doe"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def trie_pattern(words: Iterable[str]) -> str:
    """One regex alternation for ``words`` shaped as a character trie, so matching never backtracks
    across thousands of alternatives. Longer words are tried first at every branch."""
    trie = _trie(words)
    return _branch(trie) if trie else "(?!)"


def _trie(words: Iterable[str]) -> dict:
    """``words`` as nested dicts, one level per character; "" marks where a word ends."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return trie


def _branch(node: dict) -> str:
    alternatives = [re.escape(char) + _branch(child) for char, child in sorted(node.items()) if char]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return f"(?:{body})?" if "" in node else body


def word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """A compiled whole-word alternation of ``words`` (a trie); a first-letter lookahead lets the regex
    skip most places of a text cheaply."""
    words = sorted(set(words))
    if not words:
        return re.compile("(?!)")
    if "" in words:
        first = "".join(sorted({re.escape(w[0]) for w in words if w}))
        return compiled(rf"(?=[{first}])(?<!\w)(?:{trie_pattern(words)})(?!\w)")
    # Each first letter comes before the look-behind (checked once it is read), so the regex engine skips
    # straight to the places where a word's first letter stands.
    trie = _trie(words)
    firsts = [re.escape(char) + r"(?<!\w[\s\S])" + _branch(child) for char, child in sorted(trie.items()) if char]
    return compiled(rf"(?:{'|'.join(firsts)})(?!\w)")
