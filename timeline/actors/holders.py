"""Titles that stand for a person: reads a Title and the people named in the text; adds "office" mentions
("the Foreign Minister of X" -> who held that office on the article's date, or the one holder named in
the text) and "surname" mentions for a title and a surname ("President Macron").
"""

from __future__ import annotations

import re
from datetime import date

from ..models import Actor
from .gazetteer import Gazetteer
from .names import fold
from .spans import Candidate, capitalised_after
from .titles import Title

_THE_BEFORE = re.compile(r"(?<!\w)[Tt]he\s+$")
_AS_BEFORE = re.compile(r"(?<!\w)as\s+(?:the\s+|an?\s+)?$")  # "stepped down as Estaria's president in 2007"
_OF_AFTER = re.compile(r"\s+(?:of|for)\s")
_ELECT = re.compile(r"[\s-]elect(?![\w-])", re.IGNORECASE)
DEFINITE_REACH = 1500  # "the president" refers to a holder named at most this many characters before


def title_and_surname(text: str, gazetteer: Gazetteer, title: Title, when: date | None,
                      named: list[tuple[int, Actor]] = ()) -> Candidate | None:
    """ "President Macron", "Foreign Minister Lavrov": a title and one capitalised word that is the surname
    of the one known person who holds such a title (on ``when``, if known). After a title that goes with a
    given name (data/offices.yaml ``given_name_titles``: "Prince Khalid", "Sheikh Tamim") the word is the first
    name of a person named in the text, or of the one known person whose name begins with it."""
    word = capitalised_after(text, title.end, gazetteer.offices.name_stopwords)
    if word and _given_name_title(gazetteer, title):
        return _given_name(gazetteer, word, title, when, named)
    owners = gazetteer.surnames.get(fold(word.group()), ()) if word else ()
    fitting = [a for a in owners if _fits(gazetteer, gazetteer.actors[a], title, when)]
    if not fitting and word:  # "Minister for Health Jane Roe ... Health Minister Roe": the person the text introduced
        fitting = list(dict.fromkeys(a.id for start, a in named if start < word.start() and a.discovered
                                     and _last_name(a) == fold(word.group())))
    return Candidate(word.start(), word.end(), fitting[0], "surname", 0.8) if len(fitting) == 1 else None


def _last_name(actor: Actor) -> str:
    return fold(actor.name.split()[-1]) if actor.kind == "person" and actor.name.split() else ""


def _given_name_title(gazetteer: Gazetteer, title: Title) -> bool:
    words = title.office.text.split()
    return bool(words) and words[-1] in gazetteer.offices.given_name_titles


def _given_name(gazetteer: Gazetteer, word: re.Match[str], title: Title, when: date | None,
                named: list[tuple[int, Actor]]) -> Candidate | None:
    """The person a title and a first name stand for ("Prince Khalid" after "Khalid bin Omar"): the nearest
    person named before whose name begins with the word; else the one known person whose name (or alias)
    begins with it and who fits the title, or among several such the one known by it (the gazetteer's ``surname``);
    else none (the word is no surname here)."""
    given = fold(word.group())
    before = [(start, a) for start, a in named if start < word.start() and _first_name(a) == given]
    if before:
        return Candidate(word.start(), word.end(), max(before, key=lambda item: item[0])[1].id, "surname", 0.8)
    owners = [a for a in gazetteer.given_names_of(given) if _fits(gazetteer, gazetteer.actors[a], title, when)]
    if len(owners) > 1:  # several Mohameds: the one who goes by that name ("surname: Mohamed" in the gazetteer)
        owners = [a for a in owners if fold(gazetteer.actors[a].surname) == given]
    return Candidate(word.start(), word.end(), owners[0], "surname", 0.8) if len(owners) == 1 else None


def _first_name(actor: Actor) -> str:
    return fold(actor.name.split()[0]) if actor.kind == "person" and actor.name.split() else ""


def _fits(gazetteer: Gazetteer, actor: Actor, title: Title, when: date | None) -> bool:
    if title.office.office is None:
        return True
    affiliations = [title.affiliation.actor_id] if title.affiliation else {r.affiliation for r in actor.roles}
    return any(_holds(gazetteer, actor, title.office.office, a, when) for a in affiliations)


def office_mention(text: str, gazetteer: Gazetteer, title: Title, when: date | None,
                   named: list[tuple[int, Actor]]) -> Candidate | None:
    """The one person named in the text who holds the office on ``when``; failing that, the gazetteer's holder that day.
    "the Secretary-General" without a country or organisation: the one such office holder named before. A title
    after "as" ("X, who stepped down as Estaria's president") is a role of someone else: no holder."""
    if _AS_BEFORE.search(text, max(0, title.start - 12), title.start):
        return None  # a role someone else held or holds ("X, who served as Estaria's president"), no holder
    if title.office.text.lower() in gazetteer.offices.counterparts and title.affiliation is not None:
        return _counterpart(gazetteer, title, when, named)
    office = title.office.office or _then_office(gazetteer, title)
    if office is None and title.direct and not title.office.modified:
        return _head_of(text, gazetteer, title, when) or _bare_title(text, gazetteer, title, when, named)
    if office is None or not title.direct:
        return None
    year = _past_year(text, title, when)
    if year is not None or office != title.office.office:  # "in 2009, the Estarian president": who held it then
        return _holder_in(gazetteer, title, office, year) if title.affiliation is not None else None
    if title.affiliation is None:
        if not _definite(text, title):
            return None
        earlier = [a for start, a in named if 0 < title.start - start <= DEFINITE_REACH]
        holders = {a.id for a in earlier if _holds(gazetteer, a, office, None, when)}
        spelled = {a.id for a in earlier if a.id in holders and _spelled_so(a, title.office.text, when)}
        return _unique(title, spelled if len(holders) > 1 and len(spelled) == 1 else holders, 0.7)
    affiliation = title.affiliation.actor_id
    if _ELECT.match(text, title.end):  # "the US president-elect": the next holder, not the one in office
        successor = gazetteer.successor(office, affiliation, when)
        return Candidate(title.start, title.end, successor.id, "office", 0.8) if successor else None
    in_text = {a.id for _, a in named if _holds(gazetteer, a, office, affiliation, when)}
    if len(in_text) == 1:  # the holder the text itself names goes before the gazetteer's, which may be out of date
        return _unique(title, in_text, 0.8)
    holder = gazetteer.holder(office, affiliation, when)
    return Candidate(title.start, title.end, holder.id, "office", 0.9) if holder else None


_THEN = re.compile(r"(?i)then[\s-]+")
# "in 2009", "on 5 May 2009", "in March 2009", "during 2009": a year before the article's that dates the sentence's happening
_PAST_YEAR = re.compile(r"(?<![\w-])(?:[Ii]n|[Oo]n|[Dd]uring)\s+(?:(?:early|late|mid-?)\s*)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
                        r"(?:[A-Z][a-z]{2,8}\.?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?((?:19|20)\d\d)(?![\w-])")
_SENTENCE_EDGE = re.compile(r"[.!?;]\s+(?=[\"“A-Z])|\n")
SENTENCE_REACH = 300  # characters either side of a title in which its sentence's edges are looked for


def _then_office(gazetteer: Gazetteer, title: Title) -> str | None:
    """The office of "the then foreign minister" (the modifier "then" alone), to be resolved on a year only."""
    then = _THEN.match(title.office.text)
    return gazetteer.offices.office(title.office.text[then.end():]) if then and title.office.modified else None


def _past_year(text: str, title: Title, when: date | None) -> int | None:
    """The one year before ``when``'s that the title's sentence names after "in"/"on"/"during" ("In 2009, the
    Estarian president visited ..."); None when it names none, or several."""
    if when is None:
        return None
    low, high = max(0, title.start - SENTENCE_REACH), min(len(text), title.end + SENTENCE_REACH)
    edges = [m.end() for m in _SENTENCE_EDGE.finditer(text, low, title.start)]
    start = edges[-1] if edges else low
    after = _SENTENCE_EDGE.search(text, title.end, high)
    years = {int(m.group(1)) for m in _PAST_YEAR.finditer(text, start, after.start() if after else high)}
    return years.pop() if len(years) == 1 and next(iter(years)) < when.year else None


def _holder_in(gazetteer: Gazetteer, title: Title, office: str, year: int | None) -> Candidate | None:
    """Who held ``office`` of the title's affiliation the whole of ``year`` (none if it changed hands that year)."""
    if year is None:
        return None
    first = gazetteer.holder(office, title.affiliation.actor_id, date(year, 1, 1))
    last = gazetteer.holder(office, title.affiliation.actor_id, date(year, 12, 31))
    return Candidate(title.start, title.end, first.id, "office", 0.8) if first and last and first.id == last.id else None


def _bare_title(text: str, gazetteer: Gazetteer, title: Title, when: date | None,
                named: list[tuple[int, Actor]]) -> Candidate | None:
    """ "The Secretary welcomed ...", "the Chairperson said": a title word that is no office of its own
    refers to the one person named before whose role title begins with it ("Secretary of State X"); with a
    country ("the Kazakh minister"), to the one person named before with a role of that country whose title
    holds the word ("Minister of Foreign Affairs" of Kazakhstan)."""
    if not _definite(text, title):
        return None
    word = title.office.text.lower()
    affiliation = title.affiliation.actor_id if title.affiliation else None
    earlier = [a for start, a in named if 0 < title.start - start <= DEFINITE_REACH]
    return _unique(title, {a.id for a in earlier if any(
        _names_role(r.title.lower(), word, affiliation is not None) and affiliation in (None, r.affiliation)
        and (when is None or (r.start or when) <= when <= (r.end or when)) for r in a.roles)}, 0.7)


_RIGHT_AFTER = re.compile(r"(?:'s|’s)?\s+")  # "the WHO chief", "the IMF's head": nothing between the name and the title


def _head_of(text: str, gazetteer: Gazetteer, title: Title, when: date | None) -> Candidate | None:
    """ "the WHO chief", "the UNHCR boss", "the Estarian leader" (data/offices.yaml ``head_words`` right after the
    name): who heads that organisation on ``when`` (the holder of the first of ``head_offices`` it has), or that
    country's leader. Not before a name ("the WHO chief Jane Roe"), nor with a word between ("the Estarian opposition
    leader"), nor "the head of X" (a body's part or office is often meant: "the head of the IMF's Asia office")."""
    words = getattr(gazetteer.offices, "head_words", frozenset())
    affiliation, office = title.affiliation, title.office
    if when is None or affiliation is None or office.text.lower() not in words or affiliation.end > office.start \
            or not _RIGHT_AFTER.fullmatch(text, affiliation.end, office.start) \
            or capitalised_after(text, office.end, gazetteer.offices.name_stopwords):
        return None
    group = gazetteer.get(affiliation.actor_id)
    if group is None or group.kind not in ("country", "organization"):
        return None
    offices = [gazetteer.offices.leader_office(group.id)] if group.kind == "country" else gazetteer.offices.head_offices
    holder = next(filter(None, (gazetteer.holder(o, group.id, when) for o in offices)), None)
    return Candidate(title.start, title.end, holder.id, "office", 0.8) if holder else None


def _names_role(role: str, word: str, anywhere: bool) -> bool:
    """Whether a role title begins with the title word (or, with ``anywhere``, holds it as a word)."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", role) is not None if anywhere else role.startswith(word)


def _counterpart(gazetteer: Gazetteer, title: Title, when: date | None,
                 named: list[tuple[int, Actor]]) -> Candidate | None:
    """ "his Azerbaijani counterpart": who held, on ``when``, the office of the person named last before the
    title, for the title's country ("Iranian Foreign Minister X ... his Azerbaijani counterpart"); a person whose
    roles hold no office ("President X and First Lady Y received the Azerbaijani counterpart") is passed over."""
    earlier = [(start, a) for start, a in named if 0 < title.start - start <= DEFINITE_REACH
               and any(gazetteer.offices.office(role.title) for role in a.roles)]
    if not earlier or when is None:
        return None
    subject = max(earlier, key=lambda item: item[0])[1]
    affiliation = title.affiliation.actor_id
    for role in subject.roles:
        office = gazetteer.offices.office(role.title)
        if office and role.affiliation != affiliation and _holds(gazetteer, subject, office, role.affiliation, when):
            holder = gazetteer.holder(office, affiliation, when)
            return Candidate(title.start, title.end, holder.id, "office", 0.8) if holder else None
    return None


def _spelled_so(actor: Actor, words: str, when: date | None) -> bool:
    """Whether one of ``actor``'s roles on ``when`` is written with these title words: among several foreign
    ministers named before, "the external affairs minister" is the one whose office is spelled so."""
    return any(fold(role.title).casefold() == fold(words).casefold() and (when is None or (role.start or when) <= when <= (role.end or when))
               for role in actor.roles)


def _definite(text: str, title: Title) -> bool:
    """ "the president said" (not "the president of the club", not "a president")."""
    return bool(_THE_BEFORE.search(text, max(0, title.start - 5), title.start)) and not _OF_AFTER.match(text, title.end)


def _unique(title: Title, holders: set[str], score: float) -> Candidate | None:
    return Candidate(title.start, title.end, holders.pop(), "office", score) if len(holders) == 1 else None


def _holds(gazetteer: Gazetteer, actor: Actor, office: str, affiliation: str | None, when: date | None) -> bool:
    """Whether ``actor`` has a role of ``office`` for ``affiliation`` (None: any) not known to exclude ``when``."""
    return any(
        gazetteer.offices.office(role.title) == office
        and affiliation in (None, role.affiliation)
        and (when is None or ((role.start or when) <= when <= (role.end or when)))
        for role in actor.roles
    )
