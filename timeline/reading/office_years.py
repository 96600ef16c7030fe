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
            if name not in text:  # most are absent: skip compiling their pattern (more names than re's cache)
                continue
            for match in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", text):
                before = _WORDS_BEFORE.search(text[max(0, match.start() - 60) : match.start()])
                words = before.group(1).split() if before else []
                if not words or NOT_CURRENT.search(" ".join(words)):
                    continue
                title = _title_word(words)
                terms = tuple((r.start, r.end) for r in actor.roles if title in _title_words(r.title))
                if title and terms:
                    found.append((f"{title} {name}", terms))
    return found


# Words of a role's title that name no office ("Minister of Foreign Affairs": "of" says nothing).
_NOT_TITLE = {"of", "the", "and", "for", "to", "in", "on", "a", "an"}
# A title's country written after it, before the name: "Foreign minister of Armenia NAME", "President of the Republic
# of Ostravia NAME".
_OF_PLACE = re.compile(r"^(?:of(?:\s+the)?\s+(?-i:[A-Z][\w'’.\-]*)(?:\s+(?-i:[A-Z][\w'’.\-]*))?)$", re.IGNORECASE)


def _title_word(words: list[str]) -> str:
    """The title word right before a name ("Minister NAME", "foreign minister NAME"), or before its country
    ("Foreign minister of Armenia NAME"), lower-cased; "" for none."""
    for cut in (3, 4):  # the title, then "of" and one or two words of its country (after "the")
        if len(words) >= cut and _OF_PLACE.match(" ".join(words[-cut + 1:])):
            return "" if words[-cut].lower() in _NOT_TITLE else words[-cut].lower()
    return "" if not words or words[-1].lower() in _NOT_TITLE else words[-1].lower()


def _title_words(title: str) -> set[str]:
    return {w.lower() for w in title.split()} - _NOT_TITLE


def allowed(day: date, terms: tuple[tuple[date | None, date | None], ...]) -> bool:
    """True when ``day`` falls in one of the terms (an open end is open)."""
    return any((start is None or start <= day) and (end is None or day <= end) for start, end in terms)
