"""Fuzzy person matching for transliteration variants of gazetteer names.

Reads name runs (capitalised words no alias covered); adds "fuzzy" candidates when a run of two or
three words is close to a person's name both as a whole and word by word, after accent folding and
merging of transliteration spellings (j/y, kh/h, sh/s...).
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from .gazetteer import Gazetteer
from .names import name_key
from .spans import Candidate, NameRun

# A given name may differ more than a surname between transliterations (Jeyhun / Dzheikhun).
GIVEN_NAME_MARGIN = 20.0


def fuzzy_candidates(text: str, runs: list[NameRun], gazetteer: Gazetteer, threshold: float) -> list[Candidate]:
    """The best person match of each run, if close enough; longer windows are tried first."""
    keys, ids = gazetteer.person_keys
    found = []
    for run in runs:
        for start_word, end_word in _windows(len(run.words)):
            start, end = run.words[start_word][0], run.words[end_word - 1][1]
            match = _best(name_key(text[start:end]), keys, threshold)
            if match:
                found.append(Candidate(start, end, ids[match[1]], "fuzzy", match[0] / 100))
                break
    return found


def _windows(count: int) -> list[tuple[int, int]]:
    """Word windows of three then two words within a run of ``count`` words."""
    return [(i, i + size) for size in (3, 2) if size <= count for i in range(count - size + 1)]


def _best(key: str, keys: tuple[str, ...], threshold: float) -> tuple[float, int] | None:
    for _, score, index in process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=threshold, limit=3):
        if _words_agree(key, keys[index], threshold):
            return score, index
    return None


def _words_agree(key: str, known: str, threshold: float) -> bool:
    """Surnames must be as close as whole names and start alike; given names may differ a little more."""
    given, _, surname = key.rpartition(" ")
    known_given, _, known_surname = known.rpartition(" ")
    return (
        surname[:1] == known_surname[:1]
        and fuzz.ratio(surname, known_surname) >= threshold
        and fuzz.ratio(given, known_given) >= threshold - GIVEN_NAME_MARGIN
    )
