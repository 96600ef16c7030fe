"""How close a written name is to a known person's name, across transliterations: rapidfuzz ratios on
name keys (accents folded, j/y, kh/h, sh/s... merged), whole name and word by word."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from .names import name_key

# A given name may differ more than a surname between transliterations (Jeyhun / Dzheikhun).
GIVEN_NAME_MARGIN = 20.0


def best_person(name: str, keys: tuple[str, ...], ids: tuple[str, ...], threshold: float) -> tuple[float, str] | None:
    """(score, person id) of the gazetteer name closest to ``name``, if it passes the threshold."""
    match = _best(name_key(name), keys, threshold)
    return (match[0], ids[match[1]]) if match else None


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
