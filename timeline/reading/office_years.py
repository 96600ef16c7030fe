"""Which days a text's office holders allow: "President NAME" in a text says the article was written while
NAME held that office. Reads the text and the gazetteer's dated roles; adds, for each holder named right after
a title of theirs (not "former", "then", "late" ...), the terms that title covers. Used to give a year-less
dateline its year when the corpus year would put it outside a named holder's term.
"""

from __future__ import annotations

import re
from datetime import date

from ..settings import Settings

# Words before a title that say the holder no longer holds (or does not yet hold) it.
NOT_CURRENT = re.compile(r"(?<![\w])(?:former|ex|late|then|outgoing|incoming|previous|predecessor|erstwhile)(?![\w])",
                         re.IGNORECASE)
_WORDS_BEFORE = re.compile(r"((?:[\w'’.\-]+\s+){1,4})$")


def holder_terms(text: str, settings: Settings) -> list[tuple[str, tuple[tuple[date | None, date | None], ...]]]:
    """(words, terms) for each dated office holder the text names right after one of their titles."""
    from ..actors.gazetteer import load_gazetteer  # actors are a later stage than reading

    found = []
    for actor in load_gazetteer(settings).actors.values():
        if actor.kind != "person" or not any(r.start or r.end for r in actor.roles):
            continue
        for name in dict.fromkeys((actor.name, *actor.aliases)):
            for match in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", text):
                before = _WORDS_BEFORE.search(text[max(0, match.start() - 60) : match.start()])
                words = before.group(1).split() if before else []
                if not words or NOT_CURRENT.search(" ".join(words)):
                    continue
                terms = tuple((r.start, r.end) for r in actor.roles if words[-1] in r.title.split())
                if terms:
                    found.append((f"{words[-1]} {name}", terms))
    return found


def allowed(day: date, terms: tuple[tuple[date | None, date | None], ...]) -> bool:
    """True when ``day`` falls in one of the terms (an open end is open)."""
    return any((start is None or start <= day) and (end is None or day <= end) for start, end in terms)
