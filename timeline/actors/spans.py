"""Candidate spans before overlaps are settled: exact alias hits and runs of capitalised name-like words.

Reads the text and the gazetteer's alias regex; adds Candidate records (one per possible mention) and
NameRun records (capitalised word sequences that no alias covered, for fuzzy matching and titles).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .gazetteer import Gazetteer
from .metonyms import acts

# How sure each method is, and which wins between spans of equal length (lower wins).
PRIORITY = {"none": 0, "exact": 1, "office": 2, "title": 3, "fuzzy": 3, "surname": 4, "demonym": 5, "metonym": 6, "pronoun": 7}
SCORE = {"metonym": 0.7}
_AND = re.compile(r"\s+and\s+(?:the\s+)?")

_UPPER = "".join(re.escape(c) for c in map(chr, range(0x530)) if c.isupper() and c.isalpha())
_LOWER = "".join(re.escape(c) for c in map(chr, range(0x530)) if c.islower() and c.isalpha())
# A capitalised word: "Lavrov", "McDonald", "Ki-moon", "Çavuşoğlu" (not "UN": acronyms are aliases).
# It starts with the capital and only then looks behind it, so that the regex engine skips to capitals.
_CAPITALISED = re.compile(rf"[{_UPPER}](?<!\w[{_UPPER}])(?=[^\W\d_]*[{_LOWER}])[^\W\d_]+(?:-[^\W\d_]+)*(?!\w)")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    actor_id: str  # "" for a phrase that is no actor ("Latin American"), dropped at the end
    method: str
    score: float = 1.0

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass(frozen=True)
class NameRun:
    """Consecutive capitalised words, e.g. "Jane Doe", with the offsets of each word."""

    words: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.words[0][0]

    @property
    def end(self) -> int:
        return self.words[-1][1]


def exact_candidates(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Every alias or demonym of the gazetteer in ``text``, as whole words, case-sensitive; not a country
    name that starts a person's name ("Chad Smith"; but "the envoy to India Jane Roe"), nor a name joined to a word that makes it an attribute
    ("a Belize-flagged ship", "an anti-Taliban mayor")."""
    found: list[Candidate] = []
    for match in gazetteer.alias_pattern.finditer(text):
        if match.group() in gazetteer.given_names and _starts_a_name(text, match.end(), gazetteer) \
                and not _after_a_place_word(text, match.start(), gazetteer):
            continue
        if text.startswith(gazetteer.not_actor_suffixes, match.end()) \
                or text.endswith(gazetteer.not_actor_prefixes, 0, match.start()):
            continue
        entry = gazetteer.aliases[match.group()]
        if entry.method == "metonym" and not (_coordinated(text, match.start(), found)
                                              or acts(text, match.start(), match.end(), gazetteer)):
            continue
        actor_id = entry.actor_ids[0] if entry.actor_ids else ""
        found.append(Candidate(match.start(), match.end(), actor_id, entry.method, SCORE.get(entry.method, 1.0)))
    return found


# A quoted nickname inside a person's name: 'Ferdinand "Bongbong" Marcos Jr.', "Jean-Marc 'JM' Duval": the quote
# opens right after a capitalised word and closes before the next one.
_NICKNAMED = re.compile(rf"(?<!\w)(?P<first>[{_UPPER}][^\W\d_]*(?:-[^\W\d_]+)*)\s+[\"“‘'](?P<nick>[{_UPPER}][^\W\d_]*)"
                        rf"[\"”’']\s+(?P<rest>[{_UPPER}][^\W\d_]*(?:-[^\W\d_]+)*(?:\s+(?:Jr\.|Sr\.|[{_UPPER}][^\W\d_]*))*)")
_WORD = re.compile(r"\S+")
_NICKNAME = re.compile(rf"\s[\"“‘'][{_UPPER}][^\W\d_]*[\"”’']\s")  # the quoted nickname of a _NICKNAMED match


def nickname_candidates(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """A known person named with a quoted nickname between given name and surname ('Ferdinand "Bongbong" Marcos
    Jr.'): the whole span, when the name without the nickname, or the nickname with the surname, is an alias of
    one person (the longest that is)."""
    found = []
    if not _NICKNAME.search(text):  # every match holds one: most texts have none, and the scan is then quick
        return found
    for match in _NICKNAMED.finditer(text):
        words = [(w.group(), match.start("rest") + w.end()) for w in _WORD.finditer(match["rest"])]
        for n in range(len(words), 0, -1):
            rest = " ".join(w for w, _ in words[:n])
            entries = [gazetteer.aliases.get(f"{match['first']} {rest}"), gazetteer.aliases.get(f"{match['nick']} {rest}")]
            entry = next((e for e in entries if e is not None and e.method == "exact" and len(e.actor_ids) == 1), None)
            if entry is not None:
                found.append(Candidate(match.start(), words[n - 1][1], entry.actor_ids[0], "exact"))
                break
    return found


def matches_from(regex: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches ``regex.finditer(text)`` gives, ``regex`` tried only where ``starts`` matches: ``starts`` must
    match wherever a match of ``regex`` begins (a pattern whose first character is a literal or a class, which
    the regex engine skips to, where ``regex`` opens with a look-behind that makes it try every place)."""
    at = 0
    while (hit := starts.search(text, at)) is not None:
        match = regex.match(text, hit.start())
        if match is None:
            at = hit.start() + 1
            continue
        yield match
        at = max(match.end(), hit.start() + 1)


def _coordinated(text: str, start: int, found: list[Candidate]) -> bool:
    """ "with Moscow and Kyiv": a capital joined by "and" to an acting capital just before it."""
    return bool(found) and found[-1].method == "metonym" and _AND.fullmatch(text, found[-1].end, start) is not None


_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _after_a_place_word(text: str, start: int, gazetteer: Gazetteer) -> bool:
    """True when the word right before ``start`` is one after which a country that is also a given name is the
    country (data/actors.yaml ``given_name_place_words``: "the ambassador to India Jane Roe")."""
    before = _WORD_BEFORE.search(text, max(0, start - 16), start)
    return before is not None and before.group(1) in gazetteer.given_name_places


def _starts_a_name(text: str, end: int, gazetteer: Gazetteer) -> bool:
    following = _next_capitalised(text, end)
    return following is not None and following.group() not in gazetteer.offices.name_stopwords \
        and following.group() not in gazetteer.aliases


def _next_capitalised(text: str, end: int) -> re.Match[str] | None:
    """The capitalised word right after ``end`` and one space."""
    return _CAPITALISED.match(text, end + 1) if text[end:end + 1] == " " else None


def capitalised_after(text: str, end: int, stopwords: frozenset[str]) -> re.Match[str] | None:
    """The one capitalised word after ``end`` and a space, if no other name word follows it."""
    word = _next_capitalised(text, end)
    if word is None or word.group() in stopwords:
        return None
    following = _next_capitalised(text, word.end())
    return word if following is None or following.group() in stopwords else None


def capitalised_words(text: str) -> list[re.Match[str]]:
    """Every capitalised word of ``text``, in order; "O’Brien", "D'Souza" whole (an O or D and an apostrophe
    before the capital)."""
    found = []
    for match in _CAPITALISED.finditer(text):
        at = match.start()
        if at >= 2 and text[at - 1] in "'’" and text[at - 2] in "OD" and (at == 2 or not text[at - 3].isalnum()):
            match = _PREFIXED.match(text, at - 2) or match
        found.append(match)
    return found


_PREFIXED = re.compile(rf"[OD]['’][{_UPPER}][^\W\d_]+(?:-[^\W\d_]+)*(?!\w)")


def span_mask(length: int, spans) -> bytearray:
    """One byte per character of a text, 1 inside any of ``spans`` (records with start and end)."""
    mask = bytearray(length)
    for span in spans:
        mask[span.start:span.end] = b"\x01" * (span.end - span.start)
    return mask


# Initials before a name's next word: "K Ponmudy", "M.K. Stalin", "R. N. Ravi", "RN Ravi", "Abhay S Oka". Not "A" or
# "I" without a full stop (an article, a pronoun) unless another initial follows ("A S Rao"), not three capitals
# without stops ("BJP"): an acronym; not a capital ending a word ("AFP. Lavrov") nor across a line break.
_INITIALS = re.compile(r"[A-Z](?<![\w.’'-][A-Z])(?:(?:\.[A-Z]){1,2}\.|\.|(?<![AI])|(?= [A-Z]\.? )|[A-Z])(?= [A-Z])")


def name_runs(text: str, words: list[re.Match[str]], taken: list, stopwords: frozenset[str],
              particles: frozenset[str] = frozenset()) -> list[NameRun]:
    """Runs of capitalised ``words`` joined by single spaces (or by a lower-case name particle such as "de" or
    "bin": "Kyélem de Tambèla"; or joined to it, "al-": "Omar al-Tayeb"), outside ``taken`` spans and stopwords.
    Initials before a word belong to the run ("M.K. Stalin"); a run does not end in one."""
    runs: list[list[tuple[int, int]]] = []
    blocked = span_mask(len(text), taken)
    initials = [m for m in _INITIALS.finditer(text) if text.startswith(" ", m.end())]
    for match in sorted([*words, *initials], key=lambda m: m.start()):
        word = match.group().rstrip(".")  # "H.E." is a stopword; the initial "A" of "A S Rao" is not
        if len(word) > 1 and word in stopwords or 1 in blocked[match.start():match.end()]:
            runs.append([])
            continue
        if runs and runs[-1] and _joined(text, runs[-1][-1][1], match.start(), particles):
            runs[-1].append(match.span())
        else:
            runs.append([match.span()])
    return [NameRun(tuple(r)) for r in map(lambda r: _without_trailing_initials(text, r), runs) if r]


def is_initial(word: str) -> bool:
    """ "K", "M.K.", "RN": a word of a name run that has no small letter."""
    return not any(c.islower() for c in word)


def _without_trailing_initials(text: str, run: list[tuple[int, int]]) -> list[tuple[int, int]]:
    while run and is_initial(text[run[-1][0]:run[-1][1]]):
        run = run[:-1]
    return run


def _joined(text: str, end: int, start: int, particles: frozenset[str]) -> bool:
    """True when the gap between two capitalised words is one space, or a name particle (or two: "de la",
    "van der") between spaces."""
    gap = text[end:start]
    if gap == " ":
        return True
    words = gap.split()
    return len(gap) <= 10 and gap.startswith(" ") and gap.endswith((" ", "-")) and 0 < len(words) <= 2 \
        and all(w in particles for w in words)


def run_from(text: str, at: int, items: dict, gap: re.Pattern) -> list:
    """The items of ``items`` (keyed by start) listed one after another from ``at``, each joined to the next
    by a match of ``gap`` ("France, Germany and Italy")."""
    found = []
    while at in items:
        found.append(items[at])
        joint = gap.match(text, items[at].end)
        if not joint:
            break
        at = joint.end()
    return found
