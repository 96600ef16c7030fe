"""Split an article's text into sentences that keep their offsets.

Reads: a text (``Article.text``). Adds: ``Sentence`` spans with ``start``/``end`` into that text, so
``text[s.start:s.end] == s.text``. Line breaks end paragraphs; a short dateline or outlet prefix at the head
of a paragraph ("PARIS, Sept. 3 (AFP) -") is a segment of its own; abbreviations and initials from
data/sentences.yaml do not end a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .resources import load
from .settings import DATA_DIR

_PARAGRAPH = re.compile(r"[^\n]+")
# A sentence ends at . ! ? (and closing quotes/brackets after it) followed by space and a likely opener.
# The look-behind starts a match only at the first mark of a run, so a long run of dots stays linear; it
# comes after the first mark, so that the pattern starts with a character set, which the regular expression
# engine looks for quickly instead of trying the whole pattern at every position (3.5x quicker).
# A sentence also ends at a mark glued to the next sentence's first word, as pages run together when their markup is
# dropped ("... of the site.The minister said", "... the incident."It is ..."): after a word of two lower-case letters
# or more (not "Mr.Jones", not "U.S.Army": abbreviations and initials are checked as above), before a capital and a
# lower-case letter (a word, not "U.S."), taking a curly closing mark but no straight quote (``_glued_end`` gives it).
_END = re.compile(r"[.!?](?:(?<![.!?]{2})[.!?]*[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ])"
                  r"|(?<=[a-z]{2}[.!?])[”’)]?(?=[\"“‘]?[A-Z][a-z]))")
# Longer "sentences" (a text without punctuation) are cut at a space, so later stages stay linear.
MAX_SENTENCE_CHARS = 3000
# Only this much text before a period is looked at for the abbreviation or initial that owns it.
_WORD_WINDOW = 40
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_INITIALISM = re.compile(r"[^\W\d_](?:\.[^\W\d_])+")  # "h.r", "a.b.c": single letters joined by stops


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split(text: str, data_dir: Path = DATA_DIR) -> list[Sentence]:
    """The sentences of ``text`` in order, each stripped of surrounding white space."""
    rules = _rules(data_dir)
    sentences: list[Sentence] = []
    for paragraph in _PARAGRAPH.finditer(text):
        start = paragraph.start()
        head = _dateline_end(paragraph.group(), rules)
        if head:
            sentences += _span(text, start, start + head)
            start += head
        sentences += _split_paragraph(text, start, paragraph.end(), rules)
    return sentences


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence that contains ``offset``, if any."""
    for sentence in sentences:
        if sentence.start <= offset < sentence.end:
            return sentence
    return None


@lru_cache(maxsize=8)
def _rules(data_dir: Path) -> dict:
    data = load("sentences.yaml", data_dir)
    return {
        "abbreviations": frozenset(a.lower() for a in data["abbreviations"]),
        "dateline": data["dateline"],
    }


def _split_paragraph(text: str, start: int, end: int, rules: dict) -> list[Sentence]:
    pieces: list[Sentence] = []
    cursor = start
    for match in _END.finditer(text, start, end):
        if _is_abbreviation(text[max(cursor, match.start() - _WORD_WINDOW) : match.start() + 1], rules["abbreviations"]):
            continue
        stop = _glued_end(text, cursor, match)
        pieces += _span(text, cursor, stop)
        cursor = stop
    return pieces + _span(text, cursor, end)


def _glued_end(text: str, cursor: int, match: re.Match) -> int:
    """Where a sentence that ends at ``match`` stops: a straight quote glued after its mark closes a quotation the
    sentence opened (an odd number of them before it), else it opens the next sentence."""
    end = match.end()
    if text.startswith('"', end) and not text[end - 1 : end].isspace() and text.count('"', cursor, end) % 2 == 1:
        return end + 1
    return end


def _is_abbreviation(chunk: str, abbreviations: frozenset[str]) -> bool:
    """True when the period that ends ``chunk`` belongs to an abbreviation or an initial ("J.")."""
    if not chunk.endswith("."):
        return False
    found = _WORD_BEFORE.search(chunk[:-1])
    if not found:
        return False
    word = found.group(1).lower().strip(".")
    return word in abbreviations or (len(word) == 1 and word.isalpha()) or bool(_INITIALISM.fullmatch(word))


def _dateline_end(paragraph: str, rules: dict) -> int:
    """Length of a dateline prefix at the head of ``paragraph`` (0 when there is none)."""
    rule = rules["dateline"]
    window = paragraph[: rule["max_chars"] + 3]
    for marker in rule["markers"]:
        at = window.find(marker)
        if at <= 0:
            continue
        prefix = paragraph[: at + len(marker)]
        rest = paragraph[at + len(marker) :].strip()
        if _looks_like_dateline(prefix, rule) and rest[:1].isupper():
            return len(prefix)
    return 0


def _looks_like_dateline(prefix: str, rule: dict) -> bool:
    words = prefix.split()
    return (
        len(prefix) <= rule["max_chars"]
        and len(words) <= rule["max_words"]
        and any(mark in prefix for mark in (",", "(", "/"))
    )


def _span(text: str, start: int, end: int) -> list[Sentence]:
    if end - start > MAX_SENTENCE_CHARS:
        return _cut(text, start, end)
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return []
    left = start + (len(chunk) - len(chunk.lstrip()))
    return [Sentence(left, left + len(stripped), stripped)]


def _cut(text: str, start: int, end: int) -> list[Sentence]:
    """A run-on span in pieces of at most MAX_SENTENCE_CHARS, each cut after its last space (if any)."""
    pieces: list[Sentence] = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        space = text.rfind(" ", start + 1, limit)
        cut = space + 1 if space > start else limit
        pieces += _span(text, start, cut)
        start = cut
    return pieces + _span(text, start, end)
