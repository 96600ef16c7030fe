"""Titles in a text and what they are attached to: reads office matches and the country/organisation
candidates; adds Title records (a title with its affiliation, "Turkish Foreign Minister", "Minister of
Foreign Affairs of X"), the chain of titles that introduces a name ("Minister of Foreign Affairs of X and
Acting Chairman of Y, NAME"), a title set after a name ("NAME, the president of X"), and the roles a
chain gives.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container
from dataclasses import dataclass, replace
from functools import lru_cache

from ..models import Role
from .names import fold
from .offices import OfficeMatch
from .spans import Candidate, NameRun

_PREFIX_GAP = re.compile(r"(?:'s|’s)?\s")
_THE_ENDING = re.compile(r"(?<![\w])[Tt]he\s+$")
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([a-z]+)\s+$")  # a lower-case word: "top" in "the top Estarian diplomat"
# "Russian Defence Ministry spokesman", "Estaria's Food & Water Security Minister", "the Emirates' (UAE) Trade Minister"
_BODY_GAP = re.compile(r"(?:'s|’s|'|’)?(?:\s+\([A-Z]{2,8}\))?\s+[A-Z][\w’'-]*(?:\s+(?:&\s+)?[A-Z][\w’'-]*){0,3}(?:'s|’s)?\s+")
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_ACRONYM_AFTER = re.compile(r"\s*\([^()]{1,20}\)")
_ADJACENT = re.compile(r"\s*,?\s*")
_NAME_NEXT = re.compile(r"\s+[A-Z]")
_NEXT_WORD = re.compile(r"\s+([A-Z][\w'’-]*)")
# What may stand between two titles of one chain, or a title and its complement: capitalised words,
# linking words, parentheses, commas ("for Rule of Law and Security Institutions").
_LOOSE = re.compile(r"(?:\s*(?:,|\([^()]{0,80}\)|(?:of|for|on|in|and|the|to|at|&)(?!\w)|[A-Z][^\s,()]*))*\s*")
# A title's complement of capitalised words right before the name: "Deputy Minister| of Foreign Affairs |NAME",
# "Ambassador| to the United States |NAME", "Chief of Mission| at the U.S. Mission to the United Nations |NAME",
# "Assistant Secretary| of State in the Bureau of African Affairs |NAME", "President| of the Vell Farmers Association
# (VFA) |NAME" (the body's acronym in brackets after its name), "Minister| of Trade, Industry and Tourism |NAME".
_COMPLEMENT = re.compile(r"\s+(?:of|for|to|at|in)\s+(?:the\s+)?[A-Z][\w’'.-]*"
                         r"(?:,?\s+(?:(?:and|of|for|the|to|at|in|&)\s+){0,2}[A-Z][\w’'.-]*){0,6}"
                         r"(?:\s+\([A-Z][A-Za-z0-9]{1,7}\))?\s+")
# The rest of a portfolio after an office that names its first part: "Minister of Justice| and Constitutional Affairs
# |NAME", "Minister of Trade|, Industry and Tourism |NAME" (the office "Minister of Justice" ends before "and").
_MORE_PORTFOLIO = re.compile(r"(?:(?:\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+)[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}){1,3}\s+")
_SENTENCE_END = re.compile(r"[a-z0-9)\]][.!?;:]\s")
_APPOSITIVE = re.compile(r",\s+(?:\d{1,3},\s+)?(?:the\s+|an?\s+)?")  # ", 45, a diplomat"
_APPOSITIVE_END = re.compile(r"[,;:()]|(?<=[a-z0-9])\.(?:\s|$)|\s(?:said|says|told|added|noted|stressed|stated)\b")
_TRAILING = re.compile(r"[\s,]*(?:\band)?[\s,]*$")
MAX_TITLE_CHARS = 200
MAX_NAME_WORDS = 4
MAX_GAP_CHARS = 40  # describing words between an apposition's article and its title
_GAP = re.compile(r"(?:'s|’s)?\s*(?:[^\W\d][\w’'-]*\s+){0,3}")
_OWNER_GAP = re.compile(r"(?:'s|’s)\s+([a-z][\w-]*)\s+$")
_POSSESSIVE_AFTER = re.compile(r"(?:'s|’s|')\s")
# " mission, ", " mission to Kenya, ": lower-case words, maybe with linking words and names, then a comma
_DESCRIBED = re.compile(r"(?:\s+(?:[a-z][\w’'-]*|[A-Z][\w’'-]*|\([^()]{0,40}\))){1,6}\s*,\s*")
_LINKING = frozenset({"to", "of", "for", "in", "at", "on", "the", "and"})
# "The rector| of| the university, |NAME": a title's "of" before words the gazetteer does not name, read as _DESCRIBED,
# that hold a noun of a body (``of_bodies``: "of the operations, NAME" is no office of a body)
_OF_WHAT = re.compile(r"\s+of(?=\s)")
_LONE_SURNAME = re.compile(r"\s([A-Z][\w’'-]+)\s*(?:,|and\s)")  # "President| Roe and |Estarian President"
_CLOSED_NAME = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}\s*[,)]")  # "Jane Roe,"


@dataclass(frozen=True)
class Title:
    office: OfficeMatch
    start: int  # includes a prefix affiliation ("Turkish Foreign Minister")
    end: int  # includes an "of X" affiliation
    affiliation: Candidate | None
    direct: bool = True  # False for "Armenian Foreign Ministry spokesperson": a body's title, not the office


@lru_cache(maxsize=8)  # the same vocabulary for every text: made once, not for each article
def _title_patterns(bodies: tuple[str, ...], state_forms: tuple[str, ...]) -> tuple[re.Pattern | None, re.Pattern]:
    """(``TitleFinder.body_of``, ``TitleFinder.of``) for the offices vocabulary's bodies and state forms."""
    names = "|".join(re.escape(b).replace(r"\ ", r"\s+") for b in sorted(bodies, key=len, reverse=True))
    # "the Office of the Prime Minister": the title names an institution, not its holder
    body_of = re.compile(rf"(?<![\w])(?:{names})\s+of\s+(?:the\s+)?$") if names else None
    forms = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(state_forms, key=len, reverse=True))
    # "of X", "of the X", and "of the Republic of X" when the gazetteer knows X but not the long form
    return body_of, re.compile(rf"\s+of\s+(?:the\s+)?(?:(?:{forms})\s+of\s+(?:the\s+)?)?") if forms else _OF


class TitleFinder:
    """Settles the titles of one text. ``groups`` are the country/organisation candidates."""

    def __init__(self, text: str, groups: list[Candidate], state_forms: tuple[str, ...] = (),
                 bodies: tuple[str, ...] = (), gap_stopwords: frozenset[str] = frozenset(),
                 modifier_before: Callable[[str, int], int | None] | None = None,
                 office_of: Callable[[str], str | None] | None = None,
                 surnames: Container[str] = frozenset(), of_bodies: frozenset[str] = frozenset()):
        """``surnames``: folded surnames of known people ("President Xi and ..." names Xi, no chain of titles).
        ``of_bodies``: nouns of bodies a title may be "of" before the name (data/offices.yaml ``of_bodies``)."""
        self.text = text
        self.of_bodies = of_bodies
        self.office_of = office_of
        self.surnames = surnames
        self.modifier_before = modifier_before
        self.gap_stopwords = gap_stopwords
        self.body_of, self.of = _title_patterns(tuple(bodies), tuple(state_forms))
        self.state_words = frozenset(f.split()[0] for f in state_forms)
        self.groups = sorted(groups, key=lambda c: c.start)
        self.group_starts = [c.start for c in self.groups]
        self.by_end = {c.end: c for c in groups}
        self.by_start = {c.start: c for c in groups}
        self._titles: _Titles | None = None
        self._names: _Names | None = None

    def title(self, office: OfficeMatch) -> Title:
        """The office with the affiliation written before it ("UN ", "Türkiye's ") or after ("of X")."""
        start, end, affiliation = office.start, office.end, None
        before = self.text[max(0, office.start - 3):office.start]
        gap = _PREFIX_GAP.search(before)
        if gap and gap.end() == len(before) and (office.start - len(gap.group())) in self.by_end:
            affiliation = self.by_end[office.start - len(gap.group())]
            start = affiliation.start
            office, start = self._split_around(office, start)
            office, start = self._modified_before(office, start)
        elif (owner := self._owner_before(office.start)) is not None:  # "Kenya's health minister"
            word = _OWNER_GAP.search(self.text, owner.end, office.start).group(1)
            affiliation, start, office = owner, owner.start, replace(office, text=f"{word} {office.text}")
        of = _OF.match(self.text, office.end)
        if of and of.end() not in self.by_start:
            of = self.of.match(self.text, office.end)
        if of and of.end() in self.by_start and not self._starts_a_name(self.by_start[of.end()]):
            after = self.by_start[of.end()]
            affiliation = affiliation or after
            acronym = _ACRONYM_AFTER.match(self.text, after.end)
            end = acronym.end() if acronym else after.end
        if affiliation is None:
            body = self._body_before(office.start)
            if body:
                return Title(office, body.start, end, body, direct=False)
        if self.body_of and self.body_of.search(self.text, max(0, office.start - 40), office.start):
            return Title(office, start, end, affiliation, direct=False)
        return Title(office, start, end, affiliation)

    def _starts_a_name(self, group: Candidate) -> bool:
        """ "president of the Kenyan Red Cross Society": a demonym before a capitalised word begins the name of
        what the title heads, which is not that country ("the Foreign Minister of the Omani Sultanate" is its)."""
        following = _NEXT_WORD.match(self.text, group.end)
        return group.method == "demonym" and following is not None and following.group(1) not in self.state_words

    def _split_around(self, office: OfficeMatch, start: int) -> tuple[OfficeMatch, int]:
        """ "the top Estarian diplomat": an office spelling whose first word stands before the country ("top
        diplomat") names that office, after "the" ("a top Estarian diplomat" is some diplomat); the office and
        the title's start (unchanged when no spelling fits)."""
        word = _WORD_BEFORE.search(self.text, max(0, start - 20), start)
        if self.office_of is None or word is None or office.modified \
                or not _THE_ENDING.search(self.text, max(0, word.start(1) - 6), word.start(1)):
            return office, start
        joined = f"{word.group(1)} {office.text}"
        office_id = self.office_of(joined)
        if office_id is None or " " in office.text.strip() and self.office_of(office.text):
            return office, start
        return replace(office, start=word.start(1), text=joined, office=office_id), word.start(1)

    def _owner_before(self, start: int) -> Candidate | None:
        """The country or organisation whose possessive stands one describing word before a title ("Kenya's
        new envoy", "Kenya's health minister")."""
        gap = _OWNER_GAP.search(self.text, max(0, start - 30), start)
        return self.by_end.get(gap.start()) if gap else None

    def _modified_before(self, office: OfficeMatch, start: int) -> tuple[OfficeMatch, int]:
        """ "The former Turkish President": a modifier before the affiliation makes it another office than
        the plain one (not its holder's); the office and the title's start."""
        modifier = self.modifier_before(self.text, start) if self.modifier_before and not office.modified else None
        if modifier is None:
            return office, start
        words = " ".join([*self.text[modifier:start].split(), office.text])
        return replace(office, start=modifier, text=words, office=None, modified=True), modifier

    def _body_before(self, start: int) -> Candidate | None:
        """The country or organisation of a body named before a title: "Russian Defence Ministry spokesman"."""
        for end in range(start - 1, max(0, start - 60), -1):
            if end in self.by_end and _BODY_GAP.fullmatch(self.text, end, start):
                return self.by_end[end]
        return None

    def chain_before(self, person_start: int, titles: list[Title], names: list[Candidate | NameRun]) -> list[Title]:
        """The titles that introduce the name starting at ``person_start``, first to last; [] if none."""
        earlier = self._titles_of(titles).before(person_start)
        if not earlier or not self._introduces(earlier[-1], person_start):
            return []
        chain = [earlier[-1]]
        for title in reversed(earlier[:-1]):
            if not self._links(title.office.end, chain[0].office.start, self._names_of(names)):
                break
            chain.insert(0, title)
        return chain

    def _introduces(self, title: Title, person_start: int) -> bool:
        gap = self.text[title.office.end:person_start]
        if _SENTENCE_END.search(gap):
            return False
        has_of = title.office.end < title.end <= person_start
        after_affiliation = self.text[title.end:person_start] if has_of else None
        return bool(
            _ADJACENT.fullmatch(gap)
            or _COMPLEMENT.fullmatch(gap)
            or (" of " in title.office.text and _MORE_PORTFOLIO.fullmatch(gap))
            or (after_affiliation is not None and _ADJACENT.fullmatch(after_affiliation))
            or (_LOOSE.fullmatch(gap) and gap.rstrip().endswith(","))
            or (after_affiliation is not None and self._described(after_affiliation, person_start))
            or (not has_of and (of := _OF_WHAT.match(gap)) is not None and self._described(gap[of.end():], person_start)
                and not self.of_bodies.isdisjoint(gap[of.end():].replace(",", " ").split()))
        )

    def _described(self, gap: str, person_start: int) -> bool:
        """ "The head of the EU| mission, |Jane Roe, said": a few lower-case words (none of
        ``gap_stopwords``) complete the title, and commas set the name off as an apposition."""
        words = [w for w in re.sub(r"\([^()]*\)|,", " ", gap).split() if w[:1].islower() and w not in _LINKING]
        verb_like = any(w.endswith(("ed", "ly")) for w in words)  # "spoke briefly", "arrived"
        return bool(words) and _DESCRIBED.fullmatch(gap) is not None and not verb_like \
            and not self.gap_stopwords & set(words) and _CLOSED_NAME.match(self.text, person_start) is not None

    def _links(self, start: int, end: int, names: _Names) -> bool:
        """Whether two titles belong to one chain: only linking words between them, and no name (nor a known
        surname right after the first title: "President Roe and Estarian President NAME" are two people)."""
        gap = self.text[start:end]
        lone = _LONE_SURNAME.match(gap)
        if lone and fold(lone.group(1)) in self.surnames:
            return False
        return bool(_LOOSE.fullmatch(gap)) and not _SENTENCE_END.search(gap) and not names.overlap(start, end)

    # Indexes by position, built once per list: a text with thousands of titles and names must not cost
    # titles x names.
    def _titles_of(self, titles: list[Title]) -> _Titles:
        if self._titles is None or self._titles.titles is not titles:
            self._titles = _Titles(titles)
        return self._titles

    def _names_of(self, names: list[Candidate | NameRun]) -> _Names:
        if self._names is None or self._names.names is not names:
            self._names = _Names(names)
        return self._names

    def appositive_after(self, name_end: int, titles: list[Title]) -> tuple[Title, int, Title] | None:
        """A title set after the name ("NAME, the president of X, said"; "NAME, a senior official of X,";
        "NAME, X's health minister,"): the title as the apposition gives it, where it ends, and the title
        of ``titles`` it stands on."""
        comma = _APPOSITIVE.match(self.text, name_end)
        if not comma:
            return None
        found = self._titles_of(titles).starting_at(comma.end())
        title, found = (found, found) if found else self._after_words(comma, titles)
        if not title or _NAME_NEXT.match(self.text, title.end):  # "NAME, President X and ..." is a list
            return None
        end = _APPOSITIVE_END.search(self.text, title.office.end, title.office.end + MAX_TITLE_CHARS)
        if end and end.group()[0].isspace():  # "... at Lakeside Ground, the Chief Minister said": the title speaks
            return None
        return title, end.start() if end else min(len(self.text), title.office.end + MAX_TITLE_CHARS), found

    def _after_words(self, comma: re.Match[str], titles: list[Title]) -> tuple[Title | None, Title | None]:
        """The title a few describing words into an apposition that opens with an article or a country's
        possessive ("a senior official", "the former Kenyan foreign minister", "Kenya's health minister"),
        widened to the apposition's start, and the title itself; (None, None) when a linking word ("who met
        the president") stands before it."""
        start = comma.end()
        owner = self._possessive_at(start)
        if not comma.group().rstrip().endswith(("the", "a", "an")) and owner is None:
            return None, None
        title = self._titles_of(titles).first_within(start + 1, start + MAX_GAP_CHARS)
        gap = title and self.text[owner.end if owner else start : title.start]
        if not title or not _GAP.fullmatch(gap) or self.gap_stopwords & set(gap.lower().split()):
            return None, None
        words = " ".join([*_POSSESSIVE_AFTER.sub("", gap, count=1).split(), title.office.text])
        office = replace(title.office, text=words, modified=title.office.modified or words != title.office.text)
        return replace(title, office=office, start=start, affiliation=title.affiliation or owner), title

    def _possessive_at(self, start: int) -> Candidate | None:
        """The country or organisation starting at ``start`` with a possessive: "Kenya's"."""
        owner = self.by_start.get(start)
        return owner if owner and _POSSESSIVE_AFTER.match(self.text, owner.end) else None

    def roles(self, chain: list[Title], chain_end: int) -> tuple[Role, ...]:
        """One role per title of the chain: its words (plus a complement such as "for Rule of Law"), and
        the country or organisation it names. The chain ends at ``chain_end``."""
        roles = []
        for i, title in enumerate(chain):
            next_start = chain[i + 1].start if i + 1 < len(chain) else chain_end
            affiliation = title.affiliation or self._group_within(title.office.end, next_start)
            words = title.office.text
            if not title.direct and title.affiliation:  # "Security Council secretary", "Foreign Ministry spokesperson"
                words = re.sub(r"^(?:'s|’s)", "", self.text[title.affiliation.end:title.office.end])
            if title.end == title.office.end:  # no "of X": keep a complement like "for Rule of Law ..."
                words += _TRAILING.sub("", self.text[title.office.end:next_start])
            roles.append(Role(" ".join(words.split()), affiliation.actor_id if affiliation else ""))
        return tuple(roles)

    def _group_within(self, start: int, end: int) -> Candidate | None:
        """The first country or organisation in a title's complement ("spokesperson for the Armenian ...")."""
        groups = self.groups  # in start order: from the first that starts at ``start`` or later
        for i in range(bisect_left(self.group_starts, start), len(groups)):
            if groups[i].start > end:
                return None
            if groups[i].end <= end:
                return groups[i]
        return None


class _Titles:
    """Titles by where their office ends and where they start."""

    def __init__(self, titles: list[Title]):
        self.titles = titles
        self.by_office_end = sorted(titles, key=lambda t: t.office.end)
        self.office_ends = [t.office.end for t in self.by_office_end]
        self.by_start: dict[int, Title] = {}
        for title in titles:
            self.by_start.setdefault(title.start, title)
        self.starts = sorted(self.by_start)

    def before(self, start: int) -> list[Title]:
        """The titles whose office ends at most MAX_TITLE_CHARS before ``start``, in text order."""
        low = bisect_left(self.office_ends, start - MAX_TITLE_CHARS)
        return self.by_office_end[low:bisect_right(self.office_ends, start)]

    def starting_at(self, start: int) -> Title | None:
        return self.by_start.get(start)

    def first_within(self, low: int, high: int) -> Title | None:
        """The first title starting in [low, high)."""
        index = bisect_left(self.starts, low)
        return self.by_start[self.starts[index]] if index < len(self.starts) and self.starts[index] < high else None


class _Names:
    """Name spans by where they start."""

    def __init__(self, names: list[Candidate | NameRun]):
        self.names = names
        spans = sorted((n.start, n.end) for n in names)
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]
        self.longest = max((end - start for start, end in spans), default=0)

    def overlap(self, start: int, end: int) -> bool:
        """Whether a name overlaps [start, end)."""
        first = bisect_left(self.starts, start - self.longest)
        return any(self.ends[i] > start for i in range(first, bisect_left(self.starts, end)))
