"""How close a written name is to a known person's name, across transliterations: rapidfuzz ratios on
name keys (accents folded, j/y, kh/h, sh/s... merged), whole name and word by word."""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process

from .names import name_key

# A given name may differ more than a surname between transliterations (Jeyhun / Dzheikhun).
GIVEN_NAME_MARGIN = 20.0


def best_person(name: str, keys: tuple[str, ...], ids: tuple[str, ...], threshold: float) -> tuple[float, str] | None:
    """(score, person id) of the gazetteer name closest to ``name``, if it passes the threshold."""
    return best_people([name], keys, ids, threshold)[0]


def best_people(names: list[str], keys: tuple[str, ...], ids: tuple[str, ...],
                threshold: float) -> list[tuple[float, str] | None]:
    """``best_person`` of each of ``names``, all scored in one call: rapidfuzz compares several names with every
    key at once (about a fifth of the time per name when an article has a few to look up)."""
    if not names:
        return []
    queries = [name_key(name) for name in names]
    scores = process.cdist(queries, keys, scorer=fuzz.ratio, score_cutoff=threshold, dtype=np.float64)
    found = []
    for key, row in zip(queries, scores):
        match = _best_of(key, keys, threshold, row)
        found.append((match[0], ids[match[1]]) if match else None)
    return found


def _best_of(key: str, keys: tuple[str, ...], threshold: float, scores) -> tuple[float, int] | None:
    """(score, position) of the best of the three keys closest to ``key`` whose words agree with it, from its
    scores against every key (as ``process.cdist`` gives them: 0 below ``threshold``); ties in key order, as
    ``process.extract(..., limit=3)`` ranks them."""
    passing = np.flatnonzero(scores >= threshold)
    for index in sorted(passing.tolist(), key=lambda i: (-scores[i], i))[:3]:
        if _words_agree(key, keys[index], threshold):
            return float(scores[index]), index
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
