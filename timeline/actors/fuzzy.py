"""Fuzzy person matching for transliteration variants of gazetteer names.

Reads name runs (capitalised words no alias covered); adds "fuzzy" candidates when a run of two or
three words is close to a person's name both as a whole and word by word, after accent folding and
merging of transliteration spellings (j/y, kh/h, sh/s...).
"""

from __future__ import annotations

from .gazetteer import Gazetteer
from .spans import Candidate, NameRun


def fuzzy_candidates(text: str, runs: list[NameRun], gazetteer: Gazetteer, threshold: float) -> list[Candidate]:
    """The best person match of each run, if close enough; longer windows are tried first."""
    windows = [[(run.words[first][0], run.words[last - 1][1]) for first, last in _windows(len(run.words))]
               for run in runs]
    names = [text[start:end] for spans in windows for start, end in spans]
    matches = dict(zip(names, gazetteer.fuzzy_people(names, threshold)))  # every window's name at once
    found = []
    for spans in windows:
        for start, end in spans:
            match = matches[text[start:end]]
            if match:
                found.append(Candidate(start, end, match[1], "fuzzy", match[0] / 100))
                break
    return found


def _windows(count: int) -> list[tuple[int, int]]:
    """Word windows of three then two words within a run of ``count`` words."""
    return [(i, i + size) for size in (3, 2) if size <= count for i in range(count - size + 1)]
