"""The temporal tagger: find date expressions with the compiled rules, then normalise each span.

Reads: a text, its anchor (the article's date, or None) and Settings. Adds: the Timex records, in text
order, each anchored to the calendar (or left underspecified when there is no anchor).
"""

from __future__ import annotations

import re
import string
from datetime import date

from ..models import Timex
from ..settings import DEFAULT_SETTINGS, Settings
from . import absolute, fallback, neighbours, relative, spans
from .context import Context
from .lexicon import PREFIX_CHARS, Lexicon, lexicon_for
from .readings import part_of
from .tense import Cues

ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
TITLE_ARTICLE = re.compile(r"(?:the|a|an)\s+(?=[A-Z\d])")  # "the Six-Day War": a title after its article
TITLE_WORDS = re.compile(r"(?<!\w)(?!(?:the|a|an)\s)[A-Za-z]+|\d+")  # a title's words, its article left out
WORD_BEFORE = re.compile(r"([\w'’.-]+)[\s\"“‘]*$")  # the word before a span, past spaces and opening quotes
NORMALISERS = {**absolute.NORMALISERS, **relative.NORMALISERS, **spans.NORMALISERS, **fallback.NORMALISERS}


def tag(text: str, anchor: date | None = None, settings: Settings = DEFAULT_SETTINGS) -> list[Timex]:
    """Every temporal expression in ``text``, in order, resolved against ``anchor`` when one is given."""
    lexicon = lexicon_for(settings.data_dir)
    found: list[Timex] = []
    lowered = _lower(text)
    cues = Cues(text, lowered, lexicon)
    for match in _matches(lexicon, text, lowered):
        timex = _timex(match, text, anchor, settings, lexicon, found, cues)
        if timex is not None:
            found.append(timex)
    return neighbours.settle(found, text, lexicon)


def _lower(text: str) -> str:
    """The text lower-cased with the same offsets (str.lower, unless it changed the length: then ASCII only)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(ASCII_LOWER)


def _matches(lexicon: Lexicon, text: str, lowered: str):
    """(rule index, match) for each expression in ``text``; months/weekdays must be capitalised in it.

    Only the rules that can begin with the text's next few characters are tried at each word."""
    position = 0
    for at in _starts(lexicon, lowered):
        if at < position:
            continue  # inside the expression found last
        hit = _which_rule(lexicon, lexicon.rules_at(lowered[at : at + PREFIX_CHARS]), lowered, text, at)
        if hit is not None:
            yield hit
            position = hit[1].end()


def _starts(lexicon: Lexicon, lowered: str) -> list[int]:
    """Where some rule's beginning fits: at the start of the text, and after each character that does not
    hold a match back (found from that character: the matcher then skips the others quickly)."""
    later = [found.end() for found in lexicon.starts_after.finditer(lowered)]
    return [0, *later] if lexicon.starts.match(lowered) else later


def _which_rule(lexicon: Lexicon, rules: tuple[tuple[int, re.Pattern], ...], lowered: str, text: str, start: int):
    """The first of ``rules`` (index, pattern; in priority order) that matches at ``start``, with its groups."""
    for index, regex in rules:
        match = regex.match(lowered, start)
        if match and _capitalised(match, text, lexicon):
            return index, match
    return None


def _capitalised(match: re.Match, text: str, lexicon: Lexicon) -> bool:
    for name, start in ((n, match.start(n)) for n in match.re.groupindex):
        if start >= 0 and name.rstrip("0123456789") in lexicon.case_sensitive and not text[start].isupper():
            return False
    return True


def _title_name(text: str, start: int, end: int, g: dict, lexicon: Lexicon) -> bool:
    """Whether the span is a title inside a sentence ("the Six-Day War", "CBS's 60 Minutes", "ABC's This
    Week"): every word capitalised though none is a month, weekday or holiday, and the word before it is
    lower-case or a possessive (a title-case headline's words before it are capitalised)."""
    span = text[start:end]
    if span.islower() or (" " not in span and "-" not in span) or (span[0].islower() and not TITLE_ARTICLE.match(span)):
        return False
    words = TITLE_WORDS.findall(text, start, end)
    if len(words) < 2 or not all(w[0].isupper() or w.isdigit() for w in words) or all(w.isdigit() for w in words):
        return False
    if any(len(w) == 4 and w.isdigit() for w in words) or any(name.rstrip("0123456789") in lexicon.case_sensitive for name in g):
        return False
    before = WORD_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and (before.group(1).islower() or before.group(1).endswith(("'s", "’s", "'", "’")))


def _timex(hit, text, anchor, settings, lexicon: Lexicon, previous: list[Timex], cues: Cues):
    index, match = hit
    rule = lexicon.rules[index]
    g = {name: value for name, value in match.groupdict().items() if value is not None}
    start, end = match.span("span") if "span" in g else match.span()
    if _title_name(text, start, end, g, lexicon):
        return None
    ctx = Context(text, start, end, anchor, settings, lexicon, rule.params, previous, cues)
    try:
        reading = NORMALISERS[rule.kind](g, ctx)
    except (ValueError, OverflowError):  # counted past year 1 or 9999: no calendar day to give
        return None
    if reading is None or reading.value is None:
        return None
    if "period_parts" in g:
        reading = part_of(reading, lexicon.value("period_parts", g["period_parts"]))
    return Timex(start, end, text[start:end], reading.type, reading.value, reading.first_day, reading.last_day,
                 reading.granularity, rule.name, reading.basis)
