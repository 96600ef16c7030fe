"""Which temporal expression of a sentence dates a trigger, and how a resolved date is described.

Reads: a sentence, one trigger in it, the sentence's ``Timex`` records, the article's publication date.
Adds: the trigger's own temporal expression (rule 1 of the date preference), or None. The expression must
be a calendar date (not a duration or a vague "recently"), not after the publication date, not introduced
by "since"/"until"/"by" (data/events.yaml ``timex_not_after``), and not a date that belongs to another
noun ("the Statement of 10 May" dates the statement only). The nearest one wins.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from .models import Timex
from .resources import load
from .settings import DATA_DIR
from .temporal import weekday_date
from .sentences import split
from .triggers import Trigger, Vocabulary, find_triggers, vocabulary

USABLE_GRANULARITIES = {"day", "week", "month", "quarter", "year", "range", "time"}
# A time of day alone ("5 p.m. local time") is anchored to the document date by the tagger; it names no day.
_CLOCK_ONLY = re.compile(r"^(?:at\s+)?[\d:.\s]+(?:[ap]\.?\s?m\.?|h|hrs|hours)?(?:\s*(?:local\s+time|(?-i:[A-Z]{2,4})(?:[+-]\d+)?)(?!\w))*\s*$",
                         re.IGNORECASE)
PRECISION_OF = {"day": "day", "time": "day", "month": "month", "year": "year", "week": "range",
                "quarter": "range", "range": "range"}


def own_timex(sentence: str, sentence_start: int, trigger: Trigger, timexes: list[Timex],
              published: date | None, vocab: Vocabulary, data_dir: Path = DATA_DIR) -> Timex | None:
    """The temporal expression attached to ``trigger`` in ``sentence`` (timex offsets index the article)."""
    best: tuple[int, Timex] | None = None
    found: list[Timex] = []
    for timex in _paired_ranges(sentence, sentence_start, [past_reading(t, published) for t in timexes], published):
        start, end = timex.start - sentence_start, timex.end - sentence_start
        if not _usable(timex, published) or _in_relative_clause(sentence, start, trigger, vocab, data_dir=data_dir) \
                or _names_something_else(sentence, start, end, timex, trigger, vocab) \
                or _planned_between(sentence, start, trigger, vocab) \
                or _in_since_clause(sentence, start, trigger, vocab, data_dir=data_dir) \
                or _quoted_deixis(sentence, start, end, timex, vocab) \
                or _in_closed_relative_clause(sentence, start, end, trigger, vocab, data_dir=data_dir) \
                or _in_dash_aside(sentence, start, end, trigger) \
                or _after_a_sequel_word(sentence, start, trigger, data_dir=data_dir) \
                or _in_subject_relative(sentence, start, trigger, vocab, data_dir=data_dir) \
                or _in_after_clause(sentence, end, trigger) \
                or _reported_after(sentence, start, trigger, vocab) \
                or _after_a_founding_participle(sentence, start, end, trigger, data_dir=data_dir) \
                or not (_modifies(sentence, start, end, trigger)
                       or _attachable(sentence, start, trigger, vocab, timex.granularity == "range", data_dir=data_dir)):
            continue
        bound = _noun_bound(sentence, start, vocab) and not _modifies(sentence, start, end, trigger)  # "of Monday's summit"
        if bound and not _binds_to(sentence, start, trigger):
            continue
        distance = 0 if bound else max(trigger.start - end, start - trigger.end, 0)
        across = not bound and _across_clauses(sentence, start, end, trigger, vocab)
        if across and timex.granularity in _COARSE and not _named_by_when_clause(sentence, start, trigger):
            continue
        rank = (across, distance)
        if best is None or rank < best[0]:
            best = (rank, timex)
        found.append(timex)
    if best is None:
        return None
    closing = _closing_span(sentence, sentence_start, trigger, _span_holding(best[1], found), data_dir=data_dir)
    return _nth_day_span(sentence, trigger, _counted_from(sentence, sentence_start, trigger, closing, vocab),
                         data_dir=data_dir)


def _counted_from(sentence: str, sentence_start: int, trigger: Trigger, timex: Timex, vocab: Vocabulary) -> Timex:
    """The day ``timex`` names moved by the offset right after it when the trigger stands in the clause that offset
    opens ("died in a blast on Tuesday, a day after rebels attacked a convoy": the attack was on Monday; "on Monday,
    two days before the sides signed": Wednesday; "hours after": the same day; the offsets of data/events.yaml
    ``timed_after``); ``timex`` itself otherwise."""
    end = timex.end - sentence_start
    if timex.granularity not in ("day", "time") or timex.first_day is None or end > trigger.start:
        return timex
    found = _offset_clause(vocab).match(sentence, end)
    if found is None or found.end() > trigger.start or _CLAUSE_STOP.search(sentence, found.end(), trigger.start):
        return timex
    days = _signed_days(found, vocab)
    day = timex.first_day - timedelta(days=days)
    phrase = " ".join(sentence[found.start("offset"):found.end("side")].split())
    return replace(timex, value=day.isoformat(), first_day=day, last_day=day, granularity="day",
                   rule=f"{timex.rule}, then {phrase}" if days else timex.rule)


_CLAUSE_STOP = re.compile(r"[,;:()]|\s[–—-]\s")
_OFFSET_CLAUSE_CACHE: dict[int, re.Pattern] = {}


def _offset_clause(vocab: Vocabulary) -> re.Pattern:
    """", a day after", " two days before", ", just hours after" right after an expression (the offsets and numbers
    of data/events.yaml ``timed_after``)."""
    key = id(vocab)
    if key not in _OFFSET_CLAUSE_CACHE:
        table = vocab.raw["timed_after"]
        spaced = lambda words: "|".join(re.sub(r" ", r"\\s+", w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
        numbers = "|".join(table["numbers"])
        _OFFSET_CLAUSE_CACHE[key] = re.compile(
            rf"\s*(?:,\s*)?(?:only\s+|just\s+)?(?P<offset>{spaced(table['offsets'])}|(?:\d+|{numbers})\s+days)\s+"
            rf"(?P<side>after|before)\s+", re.IGNORECASE)
    return _OFFSET_CLAUSE_CACHE[key]


def _closing_span(sentence: str, sentence_start: int, trigger: Trigger, timex: Timex,
                  data_dir: Path = DATA_DIR) -> Timex:
    """The span of days that ends on ``timex`` when a verb of ending with a number of days opens the trigger's
    words before it ("wound up two days of talks ... on Friday", "concluded a three-day visit on Monday":
    data/sentences.yaml ``closing_span``); else ``timex`` itself."""
    if timex.granularity not in ("day", "time") or timex.first_day is None:
        return timex
    pattern, numbers = _closing_span_pattern(data_dir)
    found = pattern.search(sentence, 0, max(0, timex.start - sentence_start))
    if found is None or not found.start() <= trigger.start < timex.start - sentence_start:
        return timex
    days = numbers.get(found.group("n").lower()) or int(found.group("n"))
    first = timex.first_day - timedelta(days=days - 1)
    return replace(timex, first_day=first, last_day=timex.first_day, granularity="range")


def _nth_day_span(sentence: str, trigger: Trigger, timex: Timex, data_dir: Path = DATA_DIR) -> Timex:
    """The days from the first of a gathering to ``timex`` when the trigger is the noun that "the second day of"
    governs ("on Thursday, the third day of the summit": it began on Tuesday; data/temporal/anchoring.yaml
    ``nth_day``); ``timex`` itself otherwise, or when it names no single day."""
    if trigger.form != "noun" or timex.granularity not in ("day", "time") or timex.first_day is None \
            or timex.last_day not in (None, timex.first_day):
        return timex
    pattern, ordinals = _nth_day_pattern(data_dir)
    found = pattern.search(sentence[max(0, trigger.start - 80) : trigger.start])
    if found is None:
        return timex
    days = ordinals[found.group("n").lower()]
    first = timex.first_day - timedelta(days=days - 1)
    return replace(timex, first_day=first, last_day=timex.first_day, granularity="range",
                   rule=f'{timex.rule}; "{" ".join(found.group("n").split())} day of" the {trigger.text}: '
                        f'it ran from {first.isoformat()}')


@lru_cache(maxsize=8)
def _nth_day_pattern(data_dir: Path) -> tuple[re.Pattern, dict]:
    ordinals = {str(k).lower(): int(v) for k, v in _anchoring(data_dir).get("nth_day", {}).get("ordinals", {}).items()}
    det = _phrases(_anchoring(data_dir).get("determiners", ()))
    return re.compile(rf"(?<![\w])(?P<n>{_phrases(sorted(ordinals, key=len, reverse=True)) or '(?!)'})\s+day\s+of\s+"
                      rf"(?:(?:{det})\s+)?(?:[\w\-'’]+\s+){{0,3}}$", re.IGNORECASE), ordinals


@lru_cache(maxsize=8)
def _closing_span_pattern(data_dir: Path) -> tuple[re.Pattern, dict]:
    table = load("sentences.yaml", data_dir).get("closing_span", {})
    numbers = {str(k).lower(): int(v) for k, v in table.get("numbers", {}).items()}
    count = rf"(?P<n>{'|'.join(numbers)}|[2-7])"
    return re.compile(rf"(?<![\w])(?:{_phrases(table.get('verbs', ()))})\s+(?:(?:a|an|the|their|his|her|its)\s+)?"
                      rf"{count}(?:[- ]day(?![\w])|\s+days\s+of(?![\w]))", re.IGNORECASE), numbers


def _names_something_else(sentence: str, start: int, end: int, timex: Timex, trigger: Trigger,
                          vocab: Vocabulary) -> bool:
    """True for an expression that is part of something other than the trigger's happening: a span of a
    century or a decade (no happening of the news takes one), a year inside a name ("visited Expo 2020",
    "the Vision 2030 plan"), a date inside a quotation the trigger stands outside of, or a date that
    pre-modifies another happening's noun ("after the minister's 1998 visit", "the 2015 agreement"), or a date
    right before a "that" clause holding the trigger ("announced in February that the summit would be held")."""
    if start < 0:
        return False
    return _too_long(timex) or _year_in_name(sentence, start, timex) or _joined_year(sentence, end, timex) \
        or _year_it_is_for(sentence, start, timex) \
        or _quoted_apart(sentence, start, trigger) or _modifies_other_noun(sentence, start, end, trigger, vocab) \
        or _in_content_reported_after(sentence, end, trigger, vocab) or _before_that_clause(sentence, start, end, trigger)


def _year_it_is_for(sentence: str, start: int, timex: Timex, data_dir: Path = DATA_DIR) -> bool:
    """True for a bare year right after a word of data/sentences.yaml ``year_it_is_for`` ("the awards for the year
    2031", "the budget for fiscal year 2032"): what the happening is for, not its date."""
    return bool(re.fullmatch(r"\d{4}", timex.text.strip())) \
        and bool(_for_year(data_dir).search(sentence, max(0, start - 40), start))


@lru_cache(maxsize=8)
def _for_year(data_dir: Path) -> re.Pattern:
    words = _phrases(load("sentences.yaml", data_dir).get("year_it_is_for", {}).get("before", ()))
    return re.compile(rf"(?<![\w])(?:{words})\s+$", re.IGNORECASE)


def _joined_year(sentence: str, end: int, timex: Timex) -> bool:
    """True for a year joined by a hyphen to the word after it ("a 1967-born engineer", "a 2000-strong
    force"): a description, not a time."""
    return bool(re.fullmatch(r"\d{4}", timex.text.strip())) and bool(re.match(r"-[^\W\d]", sentence[end : end + 2]))


# "that" opening a clause, not the determiner of a time ("in June that year", "later that day").
_THAT_AFTER = re.compile(r"\s*that\s+(?!(?:same\s+|very\s+)?(?:year|month|week|weekend|day|morning|afternoon|evening|"
                         r"night|time|season|summer|winter|spring|autumn|fall)(?![\w]))(?=\S)", re.IGNORECASE)
_CLEFT_BEFORE = re.compile(r"(?<![\w])(?:it|this)\s+(?:was|is|will\s+be)\s+(?:on|in|at|during)?\s*$", re.IGNORECASE)


def _before_that_clause(sentence: str, start: int, end: int, trigger: Trigger) -> bool:
    """True for an expression right before a clause opened by "that" which holds the trigger ("made the
    announcement in February that the summit would be held", "said on Monday that gunmen attacked"): it dates
    what the main clause tells, not the trigger. Not a cleft ("It was on Friday that the ministers met")."""
    that = _THAT_AFTER.match(sentence, end)
    return that is not None and trigger.start >= that.end() and not _CLEFT_BEFORE.search(sentence, max(0, start - 20), start)


# A comma closing the reported words, then the speaker (a few words) and nothing else before the trigger.
_SPEAKER_BEFORE = re.compile(r"[,”\"]\s*(?:[\w'’.\-]+\s+){1,5}$")


def _in_content_reported_after(sentence: str, end: int, trigger: Trigger, vocab: Vocabulary) -> bool:
    """True for an expression inside words reported before the reporting trigger ("The following day, gunmen
    diverted the convoy, the envoy told the council"): it dates what is reported, not the telling. An
    expression right before the comma ("On Monday, the envoy told ...") is the telling's."""
    if end > trigger.start or not vocab.reporting.match(trigger.text):
        return False
    speaker = _SPEAKER_BEFORE.search(sentence, end, trigger.start)
    return speaker is not None and len(re.findall(r"[^\W\d]{2,}", sentence[end : speaker.start()])) >= 2


def _after_a_founding_participle(sentence: str, start: int, end: int, trigger: Trigger,
                                 data_dir: Path = DATA_DIR) -> bool:
    """True for an expression right after a participle of data/temporal/anchoring.yaml ``founding_participles`` and
    its preposition, in a phrase that opens the sentence and closes with a comma before the trigger ("Under the accord
    signed in 2015, the two sides held talks"), or after the trigger ("reviewed the plan agreed in February"): it
    dates the noun before the participle, not the happening. Not after an auxiliary ("was set up in 2016 and
    ...")."""
    found = _founding_participle(data_dir).search(sentence, max(0, start - 60), start)
    if found is None:
        return False
    if start >= trigger.end:  # "assessed the plan agreed in February": the participle's noun is not the trigger's
        return found.start() >= trigger.end
    return end <= trigger.start and "," in sentence[end : trigger.start] and "," not in sentence[:start]


@lru_cache(maxsize=8)
def _founding_participle(data_dir: Path) -> re.Pattern:
    """A word (no auxiliary), a founding participle and its preposition, right before an expression."""
    words = _phrases(_anchoring(data_dir).get("founding_participles", ()))
    auxiliary = r"(?:was|were|been|being|be|is|are|has|have|had)"
    return re.compile(rf"(?<![\w])(?!{auxiliary}\s)[\w\-]+\s+(?:{words})\s+(?:back\s+)?(?:in|on|at|last)?\s*$",
                      re.IGNORECASE)


# An attribution after the trigger: a comma, its speaker (one to five words) right before the reporting verb; not a
# determiner right before it ("the accused in the case": a noun).
_SPEAKER_AFTER_COMMA = re.compile(r",\s*(?:[\w'’.\-]+\s+){1,5}(?<!the\s)(?<!an\s)(?<!a\s)$", re.IGNORECASE)
REPORTED_WORDS = 3  # words of what is reported between the reporting verb and the expression


def _reported_after(sentence: str, start: int, trigger: Trigger, vocab: Vocabulary) -> bool:
    """True for an expression inside what an attribution after the trigger reports ("While the two men spoke in
    private, aides said the envoy had flown in to update the king about a regional summit of 1-2 March"): it dates
    what is reported, not the trigger's happening. (Right after the reporting verb, "officials said on Thursday", it
    dates the report: ``_dates_the_report``.) Not when the trigger itself reports."""
    if start <= trigger.end or vocab.reporting.match(trigger.text):
        return False
    for verb in _reporting_verbs(sentence, vocab, trigger.end, start):
        if _SPEAKER_AFTER_COMMA.search(sentence, trigger.end, verb.start()) \
                and not _ADDRESSEE_THEN_TIME.fullmatch(sentence, verb.end(), start) \
                and len(re.findall(r"[^\W\d]{2,}", sentence[verb.end() : start])) >= REPORTED_WORDS:
            return True
    return False


def _reporting_verbs(sentence: str, vocab: Vocabulary, start: int, end: int) -> list[re.Match]:
    """The reporting verbs of data/events.yaml between ``start`` and ``end``, less a capitalised one inside the
    sentence: a name's word ("the United States envoy", "Member States", "Daily Reports"), not a verb."""
    return [verb for verb in vocab.reporting.finditer(sentence, start, end)
            if not (verb.group()[:1].isupper() and _MID_SENTENCE.search(sentence, 0, verb.start()))]


_MID_SENTENCE = re.compile(r"[^\s.!?:;\"“”‘’'(\[—–-]\s*$")


# Who was told, then the time of the telling: "told reporters on Sunday", "told The Daily Example late on Sunday".
_ADDRESSEE_THEN_TIME = re.compile(r"\s+(?:[\w'’.\-]+\s+){0,3}(?:on|in|at|late|early|late\s+on|early\s+on)?\s*",
                                  re.IGNORECASE)


def _planned_between(sentence: str, start: int, trigger: Trigger, vocab: Vocabulary) -> bool:
    """True for an expression after a plan or a future that follows the trigger (data/events.yaml
    ``irrealis_in_clause``: "had lunch with X and plans to meet businessmen on Tuesday", "met Y and will
    travel to Z on Friday"): it dates what is planned, not the happening reported."""
    return start >= trigger.end and bool(vocab.irrealis_in_clause.search(sentence, trigger.end, start))


def _after_a_sequel_word(sentence: str, start: int, trigger: Trigger, data_dir: Path = DATA_DIR) -> bool:
    """True for an expression after a word that puts the trigger's happening after another one ("The convoy
    follows an aid mission that reached the town on Saturday", "the strike came after clashes on Monday";
    data/sentences.yaml ``sequel_words``): it dates the earlier happening, not the trigger's."""
    return start > trigger.start and bool(_sequel_words(data_dir).search(sentence, trigger.start, start))


def _in_after_clause(sentence: str, end: int, trigger: Trigger) -> bool:
    """True for a verb trigger in a clause opened by "after" (its subject between them, no comma) that follows the
    expression ("Late on Saturday, divers kept looking for the crew after a ferry capsized near the reef"): the
    expression dates the main clause; the trigger's happening came before it, on a day not told. Not
    after an offset ("a day after rebels attacked", counted by ``_counted_from``), nor a noun ("after talks")."""
    if trigger.form != "verb" or end > trigger.start:
        return False
    found = None
    for found in _AFTER_WORD.finditer(sentence, end, trigger.start):
        pass
    return found is not None and not re.search(r"[,;:()—–]|\s-\s", sentence[found.end() : trigger.start]) \
        and bool(re.search(r"[^\W\d]", sentence[found.end() : trigger.start]))


# "after" opening a clause; not after a count of time or a word that makes it an offset ("a day after", "soon after").
_AFTER_WORD = re.compile(r"(?<![\w\-])(?<!day\s)(?<!days\s)(?<!hour\s)(?<!hours\s)(?<!minutes\s)(?<!week\s)"
                         r"(?<!weeks\s)(?<!month\s)(?<!months\s)(?<!year\s)(?<!years\s)(?<!shortly\s)(?<!soon\s)"
                         r"(?<!just\s)(?<!right\s)(?<!moments\s)(?<!immediately\s)(?<!long\s)(?<!not\s)"
                         r"after\s+(?!(?:that|this|which)\b)", re.IGNORECASE)


def _in_subject_relative(sentence: str, start: int, trigger: Trigger, vocab: Vocabulary,
                         data_dir: Path = DATA_DIR) -> bool:
    """True for an expression inside a relative clause without a comma that opens after the trigger with "who",
    "which" or "that" and its verb, no other verb between that verb and the expression ("freed 14 hostages who were
    kidnapped in June", "a storm that flattened the coast two weeks ago"; data/sentences.yaml ``subject_relative``):
    it dates the clause's happening. Not a clause of the trigger's own noun ("an attack that targeted a post on
    Monday"), nor of a happening the trigger's verb acts on ("repelled an attack that targeted a post on Monday":
    the repelling is the attack's time)."""
    if start <= trigger.end:
        return False
    opener, verb = _subject_relative(data_dir)
    found = None
    for found in opener.finditer(sentence, trigger.end, start):
        pass
    if found is None or re.search(r"[,;:()]|\s[–—-]\s", sentence[found.end() : start]) \
            or sentence[: found.start()].rstrip().endswith(","):
        return False
    between = sentence[trigger.end : found.start()]
    head = _OBJECT_NOUN.fullmatch(f" {trigger.text} " if not between.strip() else between)
    if (not between.strip() and trigger.form == "noun") or (head and head.group("noun").lower() in _event_nouns(vocab)):
        return False
    return not verb.search(sentence, found.end(), start)


# The trigger's object before a relative clause: up to four words, the last one its noun ("an attack", "a deadly
# raid"); or the trigger's own words when it holds its object ("repelled an attack").
_OBJECT_NOUN = re.compile(r"\s+(?:[\w'’\-]+\s+){0,3}(?P<noun>[\w\-]+)\s+")


def _event_nouns(vocab: Vocabulary) -> frozenset:
    """The one-word nouns of data/events.yaml's types, lower-cased (read only for a relative clause after a noun)."""
    return frozenset(n.lower() for entry in vocab.types.values() for n in entry.get("nouns", ()) if " " not in n)


@lru_cache(maxsize=8)
def _subject_relative(data_dir: Path) -> tuple[re.Pattern, re.Pattern]:
    """(a relative opener, an auxiliary perhaps, and the clause's verb; a verb alone) of ``subject_relative``."""
    table = load("sentences.yaml", data_dir).get("subject_relative", {})
    verb = rf"(?:(?-i:[a-z]+ed)|{_phrases(table.get('irregular', ()))})(?![\w])"
    auxiliary = rf"(?:(?:{_phrases(table.get('auxiliaries', ()))})\s+)?"
    subject = rf"(?:{_phrases(table['subject_openers'])})\s+(?:[\w'’\-]+\s+){{1,4}}?" if table.get("subject_openers") else "(?!)"
    opener = rf"(?<![\w])(?:(?:{_phrases(table.get('openers', ()))})\s+|{subject}){auxiliary}{verb}"
    return re.compile(opener, re.IGNORECASE), re.compile(rf"(?<![\w]){verb}", re.IGNORECASE)


@lru_cache(maxsize=8)
def _sequel_words(data_dir: Path) -> re.Pattern:
    words = _phrases(load("sentences.yaml", data_dir).get("sequel_words", {}).get("words", ()))
    return re.compile(rf"(?<![\w])(?:{words})(?![\w])(?!\s+by(?![\w]))", re.IGNORECASE)


def _too_long(timex: Timex) -> bool:
    """True for a span longer than two years ("the 20th century", "the 1990s")."""
    return timex.last_day is not None and (timex.last_day - timex.first_day).days > 731


def _quoted_apart(sentence: str, start: int, trigger: Trigger) -> bool:
    """True for an expression inside a quotation that does not hold the trigger ('... accepted the post,
    saying "I will serve during the year 2024"'): the speaker's time, not the happening's. Only in a
    sentence whose quotation marks pair up."""
    if _marks(sentence, 0, len(sentence)) % 2:
        return False
    inside = _marks(sentence, 0, start)
    return inside % 2 == 1 and _marks(sentence, 0, trigger.start) != inside


# A determiner or a possessive right before an expression that pre-modifies a noun ("the 2015 agreement").
_PREMODIFIER_BEFORE = re.compile(r"(?:(?<![\w])(?:the|a|an|its|their|his|her|our|this|that)|\w['’]s)\s+$", re.IGNORECASE)


def _modifies_other_noun(sentence: str, start: int, end: int, trigger: Trigger, vocab: Vocabulary) -> bool:
    """True for an expression right before another happening's noun, at most two words between ("after the
    minister's 1998 visit", "the 2015 nuclear agreement"): it dates that happening, not the trigger's."""
    noun = _event_noun_after(vocab).match(sentence, end)
    if noun is None or trigger.start <= noun.start("noun") < trigger.end:
        return False
    return bool(noun.group("owner")) or bool(_PREMODIFIER_BEFORE.search(sentence, max(0, start - 20), start))


_NOUN_AFTER_CACHE: dict[int, re.Pattern] = {}


def _event_noun_after(vocab: Vocabulary) -> re.Pattern:
    """The nouns of data/events.yaml's types (and ``timed_after.nouns``) after up to two lower-case words."""
    key = id(vocab)
    if key not in _NOUN_AFTER_CACHE:
        nouns = {n.lower() for entry in vocab.types.values() for n in entry.get("nouns", ())}
        nouns |= {n.lower() for n in vocab.raw.get("timed_after", {}).get("nouns", {})}
        _NOUN_AFTER_CACHE[key] = re.compile(
            rf"(?P<owner>['’]s)?\s+(?:(?-i:[a-z][\w\-]*)\s+){{0,2}}?(?P<noun>{_phrases(sorted(nouns, key=len, reverse=True))})"
            r"(?![\w])", re.IGNORECASE)
    return _NOUN_AFTER_CACHE[key]


# A lower-case word, then a capitalised one right before the expression: mid-sentence, not a Title Case headline.
_NAME_WORD_BEFORE = re.compile(r"(?<![\w’'])(?-i:[a-z][\w’']*)\s+(?-i:[A-Z][\w\-]*)\s+$")


# "the" right before a year, and a capitalised word or "edition" right after it: "the 2022 Ocean Conference".
_THE_BEFORE = re.compile(r"(?<![\w])the\s+$", re.IGNORECASE)
_EDITION_AFTER = re.compile(r"\s+(?:(?-i:[A-Z])|edition(?![\w]))", re.IGNORECASE)


def _year_in_name(sentence: str, start: int, timex: Timex) -> bool:
    """True for a bare year that is part of a name inside the sentence: right after a capitalised word ("visited
    Expo 2020 in Dubai", "the Vision 2030 plan"), joined by a hyphen to the word before it ("the Steppe-2016
    drills"), or between "the" and a capitalised name or "edition" ("attended the 2022 Ocean Conference", "the
    2016 edition of the forum"): the name of an edition, not the happening's date. ("In 2020" opens the
    sentence; "in May 2020" is one expression of the tagger's.)"""
    if not re.fullmatch(r"\d{4}", timex.text.strip()) or start < 0:
        return False
    if bool(_NAME_WORD_BEFORE.search(sentence, max(0, start - 40), start)):
        return True
    if start >= 2 and sentence[start - 1] == "-" and sentence[start - 2].isalpha():
        return True
    end = start + len(timex.text.strip())
    return bool(_THE_BEFORE.search(sentence, max(0, start - 10), start)) and bool(_EDITION_AFTER.match(sentence, end))
# A month, a year, a week or a quarter in another clause ("visited the country after the 1998 war",
# "met after having spoken by phone last month") dates that clause: it gives the trigger no day.
_COARSE = ("week", "month", "quarter", "year")


def _span_holding(best: Timex, found: list[Timex]) -> Timex:
    """A range of the trigger's that holds its nearest day ("today concluded her visit ... from 17 to 19
    February"): the day ends the happening the range spans, so the range is its date."""
    if best.granularity not in ("day", "time"):
        return best
    spans = [t for t in found if t.granularity == "range" and t.first_day and t.last_day
             and t.first_day <= best.first_day <= t.last_day and any(c.isdigit() for c in t.text)]
    return spans[0] if spans else best


_FROM_BEFORE = re.compile(r"(?<![\w])(?:from|between)\s+(?:the\s+)?$", re.IGNORECASE)  # "from the 5th to 7th August"
# The words joining the two ends of a span of days ("from May 12 to May 17", "between 3 and 5 June").
_RANGE_JOINER = re.compile(r"\s*(?:to|until|till|through|and|-|–)\s*", re.IGNORECASE)
_LONGEST_PAIRED_RANGE = 92  # days (a season: a campaign "from May 20 to July 29"): two dates further apart are two happenings' dates


def _paired_ranges(sentence: str, sentence_start: int, timexes: list[Timex], published: date | None) -> list[Timex]:
    """The expressions with each pair of days that spans a happening ("from May 12 to May 17", "between 3 June and
    5 June") made one range, first day to last: the tagger reads two dates, as TimeML marks them, and only the
    second would stand free of "from". A first end written without a year takes the year that puts it at most
    ``_LONGEST_PAIRED_RANGE`` days before the second ("from June 28 to July 3, 2021"); see ``_paired_ends``."""
    merged: list[Timex] = []
    for timex in timexes:
        first = merged[-1] if merged else None
        if first is None or first.granularity != "day" or timex.granularity != "day" \
                or first.first_day is None or timex.first_day is None \
                or not _RANGE_JOINER.fullmatch(sentence, first.end - sentence_start, timex.start - sentence_start) \
                or not _FROM_BEFORE.search(sentence[max(0, first.start - sentence_start - 12) : first.start - sentence_start]):
            merged.append(timex)
            continue
        ends = _paired_ends(first, timex, published)
        if ends is None:
            merged.append(timex)
            continue
        moved = ends != (first.first_day, timex.last_day or timex.first_day)  # the date basis says why the year
        anchor = f"{first.anchor}; both ends read in the years that make one span" if moved else first.anchor
        merged[-1] = replace(first, end=timex.end, text=sentence[first.start - sentence_start : timex.end - sentence_start],
                             value=ends[0].isoformat(), first_day=ends[0], last_day=ends[1], granularity="range",
                             anchor=anchor.lstrip("; "))
    return merged


def _paired_ends(first: Timex, last: Timex, published: date | None) -> tuple[date, date] | None:
    """The first and last days of a span told by two dates, or None when they cannot be one span. The tagger gives
    each date without a year the year nearest the document date on its own, so the two ends of "from August 24 to
    September 1" can fall a year apart, or both after publication; a happening reported as done takes the reading
    that fits and has ended by publication, the tagger's own first."""
    start, end = first.first_day, last.last_day or last.first_day
    starts = [start] if re.search(r"\d{4}", first.text) else [start, _with_year(start, end.year - 1), _with_year(start, end.year)]
    ends = [end] if re.search(r"\d{4}", last.text) else [_with_year(end, end.year - 1), end]
    pairs = [(a, b) for a, b in [(start, end)] + [(a, b) for b in ends for a in starts]
             if a is not None and b is not None and a <= b <= a + timedelta(days=_LONGEST_PAIRED_RANGE)]
    return min(pairs, key=lambda pair: published is not None and pair[1] > published, default=None)


def _with_year(day: date, year: int) -> date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return None
_DETERMINER_BEFORE = re.compile(r"(?:^|\s)(?:their|his|her|its|our|the)\s+$", re.IGNORECASE)


# A possessive after a day, up to two lower-case words before the noun ("Sunday's deadly explosion").
_POSSESSIVE_BETWEEN = re.compile(r"['’]s\s+(?:(?-i:[a-z][\w\-]*)\s+){0,2}")


def _modifies(sentence: str, start: int, end: int, trigger: Trigger) -> bool:
    """True for a date that stands between a determiner and a nominal trigger ("recalled their April 5
    meeting"), or that owns it ("claimed Sunday's explosion", "condemned Monday's deadly attack"): it is the
    happening's own date, even after a reporting verb."""
    if trigger.form != "noun" or end > trigger.start:
        return False
    if _POSSESSIVE_BETWEEN.fullmatch(sentence, end, trigger.start):
        return True
    return not sentence[end : trigger.start].strip() \
        and bool(_DETERMINER_BEFORE.search(sentence[max(0, start - 12) : start]))


def _in_relative_clause(sentence: str, start: int, trigger: Trigger, vocab: Vocabulary,
                        data_dir: Path = DATA_DIR) -> bool:
    """True when a relative clause (", which ...", data/events.yaml ``relative_openers``) opens between the
    trigger and the expression after it: the expression dates that clause."""
    if start < trigger.end:
        return False
    words = "|".join(vocab.raw.get("relative_openers", ()))
    opener = re.search(rf",\s*(?:{words})(?![\w])", sentence[trigger.end : start], re.IGNORECASE) if words else None
    if opener is None:
        return False
    same = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in vocab.raw.get("relative_same_happening", ()))
    clause = sentence[trigger.end + opener.start() : start]
    if same and re.match(rf",\s*(?:{same})(?![\w])", clause, re.IGNORECASE):
        return False
    return not (trigger.form == "noun" and _relative_time_clause(data_dir).match(clause))


@lru_cache(maxsize=8)
def _relative_time_clause(data_dir: Path) -> re.Pattern:
    """", which happened", ", which occurred" (data/sentences.yaml ``relative_time_clause``): a clause that only
    says when the noun before it took place ("the attack, which happened Thursday")."""
    verbs = _phrases(load("sentences.yaml", data_dir).get("relative_time_clause", {}).get("verbs", ()))
    return re.compile(rf",\s*(?:which|that)\s+(?:{verbs})(?![\w])", re.IGNORECASE)


_QUOTES = "\"“”«»"


def _marks(text: str, start: int, end: int) -> int:
    """The number of quotation marks in ``text[start:end]``: an odd number before a point opens a quotation."""
    return sum(text.count(q, start, end) for q in _QUOTES)


# Rules whose day is counted from the time of writing ("today", "yesterday", "this week"): inside a quotation
# that time is the speaker's, which the publication date is not always.
_DEICTIC_RULES = ("relative_day", "relative_period")


def _quoted_deixis(sentence: str, start: int, end: int, timex: Timex, vocab: Vocabulary) -> bool:
    """True for "today", "yesterday", "this week" inside a quotation ("the agreement signed today is
    critical," said X): they count from the day the words were spoken, which may be days before the
    article (a quote of Wednesday's ceremony in Friday's report), so they give the happening no day."""
    if timex.rule not in _DEICTIC_RULES:
        return False
    before = _marks(sentence, 0, start)
    if before % 2:
        return True
    closing = re.search(rf"[{_QUOTES}]\s*,?\s*([\w'’]+(?:\s+[\w'’]+)?)", sentence[end:])
    return before == 0 and closing is not None and bool(vocab.reporting.search(closing.group(1)))


def _in_since_clause(sentence: str, start: int, trigger: Trigger, vocab: Vocabulary, data_dir: Path = DATA_DIR) -> bool:
    """True when a clause opened by "since"/"until" (data/temporal/anchoring.yaml ``clause_bounds``) stands
    between the trigger and the expression, with no comma closing it: "the first meeting since the minister
    took office last month" dates the taking of office, not the meeting. (A date right after the word is
    ``_attachable``'s.)"""
    if start < trigger.end:
        return False
    words = _phrases(_anchoring(data_dir).get("clause_bounds", ()))
    opener = None
    for opener in re.finditer(rf"(?<![\w])(?:{words})\s+(?=[^\W\d])", sentence[trigger.end:start], re.IGNORECASE):
        pass
    return opener is not None and not re.search(r"[,;:]|\s[–—-]\s", sentence[trigger.end + opener.end():start])


def _in_closed_relative_clause(sentence: str, start: int, end: int, trigger: Trigger, vocab: Vocabulary,
                               data_dir: Path = DATA_DIR) -> bool:
    """True for an expression inside a relative clause, or an aside that a past participle opens, that opens and
    closes before the trigger ("X, who flew to Y on Thursday evening, held talks with Z"; "The gang, which ... after
    a takedown last month, listed ..."; "The remains, recovered from a field last year, were reburied on Thursday"):
    it dates the clause, not the main happening. Not an aside of a participle that says when the noun before it took
    place ("The trade fair, held on 4-6 June, brings together ..."): that is the time of the happening told."""
    if end > trigger.start:
        return False
    words = "|".join(vocab.raw.get("relative_openers", ()))
    if not words:
        return False
    participle = _subject_relative(data_dir)[1].pattern
    openers = list(re.finditer(rf",\s*(?:(?P<relative>{words})(?![\w])|(?={participle}))", sentence[:start],
                               re.IGNORECASE))
    if not openers or "," in sentence[openers[-1].end() : start]:
        return False
    if not openers[-1].group("relative") and _own_time_participle(data_dir).match(sentence, openers[-1].end()):
        return False
    return bool(re.search(r"[,;]|\s[–—-]\s", sentence[end : trigger.start]))


@lru_cache(maxsize=8)
def _own_time_participle(data_dir: Path) -> re.Pattern:
    """A participle that tells when the noun before it took place (data/sentences.yaml
    ``subject_relative.own_time_participles``: "The trade fair, held on 4-6 June, ...")."""
    words = load("sentences.yaml", data_dir).get("subject_relative", {}).get("own_time_participles", ())
    return re.compile(rf"(?:{_phrases(words)})(?![\w])" if words else "(?!)", re.IGNORECASE)


_SPACED_DASH = re.compile(r"\s[–—-]\s")


def _in_dash_aside(sentence: str, start: int, end: int, trigger: Trigger) -> bool:
    """True for an expression inside an aside between spaced dashes that closes before the trigger's verb ("X — who
    arrived on Sunday — met Y on Tuesday", "X — the first to do so this year — met Y"): it dates the aside. A
    dateline's dash ("CITY — On Monday, troops ...") opens no aside: words must stand before the opening dash, not
    a capitalised place alone."""
    if end > trigger.end:
        return False
    opening = None
    for opening in _SPACED_DASH.finditer(sentence, 0, start):
        pass
    closing = _SPACED_DASH.search(sentence, end)
    if opening is None or closing is None or closing.start() >= trigger.end or _SPACED_DASH.search(sentence, opening.end(), start):
        return False
    head = sentence[: opening.start()].strip()
    return len(head.split()) >= 2 and not head.isupper() and not re.search(r"[.;:!?]", sentence[end : closing.start()])


def _across_clauses(sentence: str, start: int, end: int, trigger: Trigger, vocab: Vocabulary) -> bool:
    """True when a word that opens another clause ("after", "when", "because": data/events.yaml
    ``irrealis_clause_breaks``) stands between the expression and the trigger: "closed its embassy a year
    ago after a gunman stormed the building on 27 January" dates the storming by 27 January."""
    lo, hi = (end, trigger.start) if end <= trigger.start else (trigger.end, start)
    return bool(vocab.clause_break.search(sentence, lo, hi)) if lo < hi else False


def past_reading(timex: Timex, published: date | None) -> Timex:
    """A bare weekday the tagger read forward ("agreed to a ceasefire on Saturday", "late on Wednesday evening")
    read backward instead: the happening is reported as done, so it is the latest such weekday on or before
    publication."""
    if published is None or timex.first_day is None or timex.first_day <= published:
        return timex
    if timex.granularity not in ("day", "time") or "weekday" not in timex.rule:
        return timex
    day = weekday_date(timex.first_day.weekday(), published, "past")
    part = timex.value[10:] if timex.value[:10] == timex.first_day.isoformat() else ""  # "TEV" of "Wednesday evening"
    return replace(timex, value=day.isoformat() + part, first_day=day, last_day=day,
                   anchor=f"{timex.anchor}; read as past: the happening is reported as done".lstrip("; "))


def _usable(timex: Timex, published: date | None) -> bool:
    if timex.type not in ("DATE", "TIME") or timex.first_day is None:
        return False
    if timex.granularity not in USABLE_GRANULARITIES:
        return False
    if timex.granularity == "time" and _CLOCK_ONLY.match(timex.text):
        return False
    if published is None:
        return True
    # A span of calendar days that starts on the publication day and goes on ("the fair, held on June 4-6",
    # published June 4) is under way: its start is the happening's date. One that starts later has not begun,
    # and one counted from the publication day ("later this month") is still to come.
    future_span = timex.first_day >= published and (timex.last_day or timex.first_day) > published
    under_way = timex.first_day == published and timex.granularity == "range" and any(c.isdigit() for c in timex.text)
    return timex.first_day <= published and (not future_span or under_way)


def _attachable(sentence: str, start: int, trigger: Trigger, vocab: Vocabulary, ranged: bool = False,
                data_dir: Path = DATA_DIR) -> bool:
    """False when a preposition such as "since" governs the expression (not "from" before a range: "from 17
    to 19 May" is the happening's span), or when the trigger is reported ("he said the attack ...") and the
    expression belongs to the reporting clause before the verb."""
    before = sentence[max(0, start - 20) : start]
    if ranged and _FROM_BEFORE.search(before):
        pass
    elif _not_after(vocab).search(before) and not _named_by_when_clause(sentence, start, trigger):
        return False
    if _dates_the_report(sentence[:start], vocab, data_dir=data_dir) and not _is_the_report(trigger, start, vocab):
        return False
    if _stamps_a_report(sentence, start, trigger, data_dir=data_dir):
        return False
    if trigger.form == "noun" and start < trigger.start:
        verbs = [m.end() for m in _reporting_verbs(sentence, vocab, 0, trigger.start)]
        if verbs and start < verbs[-1]:
            return False
    return True


def _stamps_a_report(sentence: str, start: int, trigger: Trigger, data_dir: Path = DATA_DIR) -> bool:
    """True for an expression right after a report's noun and the verb that puts it out ("according to a
    statement issued on Saturday", "as per the bulletin published here on Friday"), after such a noun that an
    attribution opens ("according to an army report on Friday"), or, before the trigger, "in a statement on
    Saturday" (data/sentences.yaml ``report_stamp``): it dates the report, not the happening reported. Not when
    the trigger is that noun itself ("a statement issued on Saturday" as the happening)."""
    stamped, means = _report_stamp(data_dir)
    found = stamped.search(sentence, max(0, start - 90), start)
    if found is None and start < trigger.start:
        found = means.search(sentence, max(0, start - 90), start)
    return found is not None and not (trigger.start < found.end() and found.start() < trigger.end)


@lru_cache(maxsize=8)
def _report_stamp(data_dir: Path) -> tuple[re.Pattern, re.Pattern]:
    """(a report's noun put out or attributed, "in a statement" - a report's noun as a means) before a date."""
    table = load("sentences.yaml", data_dir).get("report_stamp", {})
    nouns, verbs = _phrases(table.get("nouns", ())), _phrases(table.get("participles", ()))
    fillers = rf"(?:\s+(?:{_phrases(table.get('fillers', ()))}))*\s*$"

    def opened(words: str) -> str:
        return rf"(?:{words})\s+(?:[\w'’\-]+\s+){{0,3}}?(?:{nouns})(?:\s+(?:{verbs}))?"

    attributed, means = opened(_phrases(table.get("attributions", ()))), opened(_phrases(table.get("means", ())))
    return (re.compile(rf"(?<![\w])(?:(?:{nouns})\s+(?:{verbs})|{attributed}){fillers}", re.IGNORECASE),
            re.compile(rf"(?<![\w]){means}{fillers}", re.IGNORECASE))


def dates_the_report(before: str, vocab: Vocabulary, data_dir: Path = DATA_DIR) -> bool:
    """Public name of ``_dates_the_report``: the expression after ``before`` dates a report."""
    return _dates_the_report(before, vocab, data_dir=data_dir)


def _dates_the_report(before: str, vocab: Vocabulary, data_dir: Path = DATA_DIR) -> bool:
    """True when the expression follows a reporting verb ("said on Friday it had sent", "..., officials
    said on Thursday"): it dates the report, not the happening reported."""
    fillers = _report_fillers(vocab, data_dir=data_dir)
    words = re.findall(r"[\w'’]+|[^\w\s]", before)
    for size in (2, 1):  # a reporting verb of one or two words ("said", "pointed out")
        for end in range(len(words), max(len(words) - 8, 0), -1):
            if end - size < 0 or not all(w.lower() in fillers for w in words[end:]):
                continue
            if vocab.reporting.fullmatch(" ".join(words[end - size : end])):
                return True
    return False


_FILLERS_CACHE: dict[tuple[int, Path], frozenset] = {}


def _report_fillers(vocab: Vocabulary, data_dir: Path = DATA_DIR) -> frozenset:
    """The words that may stand between a reporting verb and the day of the report: data/events.yaml
    ``report_fillers`` and the channels of data/temporal/anchoring.yaml ``report_channels`` ("said on social media")."""
    key = (id(vocab), data_dir)
    if key not in _FILLERS_CACHE:
        channels = _anchoring(data_dir).get("report_channels", {}).get("words", ())
        _FILLERS_CACHE[key] = frozenset(w.lower() for w in (*vocab.raw["report_fillers"], *channels))
    return _FILLERS_CACHE[key]


def _is_the_report(trigger: Trigger, start: int, vocab: Vocabulary) -> bool:
    """True when the reporting verb belongs to the trigger itself, the expression after it ("a truce was announced
    on Tuesday") or inside its words ("announced on Monday a further 20 million euros in aid")."""
    return trigger.start <= start <= trigger.end + 25 and bool(vocab.reporting.search(trigger.text))


def _noun_bound(sentence: str, start: int, vocab: Vocabulary) -> bool:
    word = vocab.raw["timex_of_noun"]
    return bool(re.search(rf"(?<![\w])(?:{word})\s+$", sentence[max(0, start - 20) : start], re.IGNORECASE))


def _binds_to(sentence: str, start: int, trigger: Trigger) -> bool:
    """True when the expression directly follows the trigger noun: "<Statement> of <date>"."""
    return bool(re.fullmatch(r"\s+of\s+", sentence[trigger.end : start], re.IGNORECASE))


WHEN_AFTER = re.compile(r"[^;.!?]{0,40}?,\s+when\s")


def _named_by_when_clause(sentence: str, start: int, trigger: Trigger) -> bool:
    """True when a ", when ..." clause right after the expression holds the trigger: "since 13 February,
    when four soldiers were killed" dates the killing, whatever preposition governs the date."""
    when = WHEN_AFTER.match(sentence, start)
    return when is not None and trigger.start >= when.end()


def _not_after(vocab: Vocabulary) -> re.Pattern:
    words = "|".join(w.replace(" ", r"\s+") for w in vocab.raw["timex_not_after"])
    return re.compile(rf"(?<![\w])(?:{words})\s+(?:the\s+)?$", re.IGNORECASE)


def news_of_the_day(sentence: str, trigger: Trigger, timexes: list[Timex], published: date | None,
                    text: str = "", data_dir: Path = DATA_DIR) -> bool:
    """True when the expressions ``timexes`` (those from the start of the article to the end of the lead
    sentence) let the lead happening be the day's news: none names another day (``names_another_day``), and
    one that names the publication day does not report a happening told as earlier than the report: in the
    pluperfect ("the ministry said on Tuesday that it had launched ...") or in an "after" clause ("said on
    Tuesday ..., after the two countries agreed to ..."): before the report, on a day not told."""
    if any(names_another_day(t, published, text) for t in timexes):
        return False
    return not (timexes and _told_as_earlier(sentence, trigger, data_dir=data_dir))


# "had" a few words before the trigger, in its clause ("it had launched", "had been released", 'had launched
# "local measures"'), or "after" opening its clause ("after the two countries agreed").
_EARLIER_BEFORE = re.compile(r"(?<![\w])(?:had|after)(?![\w])[^,;:.]{0,30}$", re.IGNORECASE)


def _told_as_earlier(sentence: str, trigger: Trigger, data_dir: Path = DATA_DIR) -> bool:
    """True for a trigger told as before the sentence's report: "had" or "after" before it in its clause, or
    "had" opening it. Not "had" as the verb itself ("had a meeting", "had talks": data/sentences.yaml
    ``reported_news.had_objects``), which is no pluperfect."""
    found = _EARLIER_BEFORE.search(sentence, max(0, trigger.start - 40), trigger.start)
    if found is not None and not _had_as_verb(data_dir).match(sentence, found.start()):
        return True
    return trigger.text.lower().startswith("had ") and not _had_as_verb(data_dir).match(trigger.text)


@lru_cache(maxsize=8)
def _had_as_verb(data_dir: Path) -> re.Pattern:
    """"had" before one of ``reported_news.had_objects`` ("had a meeting", "had talks"): the verb, not the pluperfect."""
    words = _phrases(load("sentences.yaml", data_dir).get("reported_news", {}).get("had_objects", ()))
    return re.compile(rf"had\s+(?:{words})(?![\w])", re.IGNORECASE)


def names_another_day(timex: Timex, published: date | None, text: str = "") -> bool:
    """True for an expression that names a time other than the publication day and could date a happening: a
    lead sentence holding one does not report the day's news, while one naming only the publication day does
    ("... have been released, the governor said Sunday", published that Sunday). A plain duration ("the
    two-year war", "more than two weeks after"), a span longer than two years ("the 20th century"), a time of
    day alone and a date still to come ("will be held on August 9") name no other day, nor does a year joined to
    a word ("a 1967-born engineer"); a span counted back from now ("over the past two months"), a vague "recently"
    and a "today" inside a quotation of ``text`` (the speaker's day) do."""
    if timex.type == "DURATION":
        return timex.granularity == "range"
    if timex.type not in ("DATE", "TIME") or timex.granularity == "set":
        return False
    if published is None or timex.first_day is None or _quoted_in_line(text, timex):
        return True
    if _too_long(timex) or (timex.granularity == "time" and _CLOCK_ONLY.match(timex.text)) \
            or _joined_year(text, timex.end, timex) or _still_to_come(timex, published) \
            or _names_an_old_happening(timex, published, text):
        return False
    return not (timex.first_day == published and timex.last_day in (None, published))


# A year or a month that ended this long before publication, between a determiner and a noun ("the 1994 genocide",
# "the May 2019 elections"), names a happening of the past: no happening of the day's news is dated by it.
OLD_NAME_DAYS = 365
_NOUN_AFTER = re.compile(r"\s+(?:[^\W\d_][\w\-]*)")


def _names_an_old_happening(timex: Timex, published: date, text: str) -> bool:
    """True for a year or month (with its year) more than ``OLD_NAME_DAYS`` before ``published`` that pre-modifies a
    noun after a determiner or a possessive ("marking the anniversary of the 1994 genocide", "since the country's 2011
    uprising"): the name of an old happening, which leaves a lead's happening the day's news."""
    if timex.granularity not in ("year", "month") or timex.last_day is None or not text or timex.start < 0 \
            or (published - timex.last_day).days <= OLD_NAME_DAYS:
        return False
    return bool(_PREMODIFIER_BEFORE.search(text, max(0, timex.start - 20), timex.start)) \
        and bool(_NOUN_AFTER.match(text, timex.end))


def _still_to_come(timex: Timex, published: date) -> bool:
    """True for a date after publication ("a summit will be held on August 9"): it names a plan, which no
    happening reported as done can have taken place on. (Not a bare weekday, which the tagger may read forward
    although the happening is past.)"""
    return timex.first_day > published and "weekday" not in (timex.rule or "")


def _quoted_in_line(text: str, timex: Timex) -> bool:
    """True for "today", "yesterday", "this week" inside a quotation of its line of ``text``."""
    if timex.rule not in _DEICTIC_RULES or not text:
        return False
    return _marks(text, text.rfind("\n", 0, timex.start) + 1, timex.start) % 2 == 1


def from_timex(timex: Timex) -> tuple[date, date | None, str]:
    """(date, date_end, precision) for a resolved expression."""
    precision = PRECISION_OF.get(timex.granularity, "day")
    if precision == "day" or timex.last_day in (None, timex.first_day):
        return timex.first_day, None, "day" if precision in ("day", "range") else precision
    return timex.first_day, timex.last_day, precision


def describe_timex(timex: Timex, inferred_from: str = "") -> str:
    """The words and rule behind an own date, for ``date_basis``. ``inferred_from``: how the publication date was
    inferred when the page states none; a date counted from it ("on Tuesday") says so, since it is only as sure."""
    anchor = f"; {_anchor_words(timex.anchor)}" if timex.anchor else ""
    if inferred_from and timex.anchor.startswith("document date"):
        anchor += f", inferred: {inferred_from.removeprefix('inferred:').strip()}"
    return f'own date: "{timex.text}" -> {_value_words(timex)} (rule {timex.rule or "of the temporal tagger"}{anchor})'


_PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}


def _value_words(timex: Timex) -> str:
    """The tagger's value as a reader takes it: a part of the day in words ("2024-05-14 (morning)", not
    "2024-05-14TMO"), and the days a part of a period stands for ("2023 (2023-09-01 to 2023-12-31)" for "the end of
    the year"). The value comes first (timeline/background.py reads it)."""
    value = timex.value
    part = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(MO|AF|EV|NI)", value)
    if part:
        return f"{part.group(1)} ({_PARTS_OF_DAY[part.group(2)]})"
    first, last = timex.first_day, timex.last_day
    if first and last and last > first and re.fullmatch(r"\d{4}(?:-\d\d)?", value) \
            and (first.isoformat()[: len(value)] != value or first.day != 1 or (last + timedelta(days=1)).day != 1
                 or (len(value) == 4 and (first.month, last.month) != (1, 12))):
        return f"{value} ({first.isoformat()} to {last.isoformat()})"
    return value


def _anchor_words(anchor: str) -> str:
    """What an expression was counted from, in a reader's words: the tagger's "document date D" is the page's date
    (not "publication", a word that marks a day carried over from it: timeline/frame.py), and a quoted expression
    before it ("'March 16, 2023' (2023-03-16)") is what "the next day" was counted from."""
    if anchor.startswith("document date "):
        return "counted from the page's date " + anchor.removeprefix("document date ")
    if anchor.startswith("'"):
        return f"counted from {anchor}"
    return anchor.replace("the document date", "the page's date")


def recent_window(published: date | None, days: int) -> tuple[date | None, date | None]:
    """The last ``days`` days up to publication, for "the recent attack"."""
    if published is None:
        return (None, None)
    return (published - timedelta(days=days), published)


def timed_against(sentence: str, trigger: Trigger, vocab: Vocabulary,
                  data_dir: Path = DATA_DIR) -> tuple[str, int] | None:
    """(event type, days) when the sentence times ``trigger`` against another happening of the article
    (data/events.yaml ``timed_after``): "The call came a day after X hosted Y" -> ("call", -1) for the
    hosting; "X held talks hours after the launch" -> ("operation", 0); "X met Y before the ceremony" or
    "before his meeting with Z" -> ("agreement", 0), ("meeting", 0). None otherwise."""
    came_at, held_at, nouns = _timed_patterns(vocab)
    head = came_at.match(sentence)
    if head and trigger.start >= head.end():
        return nouns[head.group("noun").lower()], -_signed_days(head, vocab)
    opening = _within_pattern(vocab, nouns).match(sentence)
    if opening and trigger.start >= opening.end():
        return nouns[opening.group("noun").lower()], _signed_days(opening, vocab)
    after = anchored_to(sentence, trigger, nouns, data_dir=data_dir)
    if after is not None:
        return after
    opener = held_at.match(sentence, len(sentence) - len(sentence.lstrip(_OPENER_LEAD)))
    if opener and opener.group("side").lower() == "before" and _OPENER_END.match(sentence, opener.end()) \
            and trigger.start >= opener.end():
        tails = [opener]  # "Before the signing, the ministers held talks": the same wording opening the sentence
    else:
        tails = held_at.finditer(sentence, trigger.end)
    for tail in tails:
        noun = tail.group("noun").lower()
        if tail.group("offset") or noun in vocab.raw["timed_after"].get("bare_before_nouns", ()):
            return nouns[noun], _signed_days(tail, vocab)
    return None


_OPENER_LEAD = " \t\"“‘'("
_OPENER_END = re.compile(r"[^,;.:!?\d]{0,40}?,")  # the opening phrase's short tail of names and its comma


def _signed_days(match: re.Match, vocab: Vocabulary) -> int:
    """The days of the match's offset, negative for "before" ("a day before the talks": -1)."""
    words = match.group("offset")
    days = _offset_days(words, vocab) if words else 0
    return -days if match.group("side").lower() == "before" else days


def _offset_days(words: str, vocab: Vocabulary) -> int:
    table = vocab.raw["timed_after"]
    words = " ".join(words.lower().split())
    if words in table["offsets"]:
        return table["offsets"][words]
    count = words.split()[0]
    return int(count) if count.isdigit() else table["numbers"][count]


_TIMED_CACHE: dict[int, tuple] = {}


def _timed_patterns(vocab: Vocabulary) -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
    """The two wordings of ``timed_against`` as regular expressions, and each noun's event type (the types'
    nouns, and ``timed_after.nouns``)."""
    key = id(vocab)
    if key not in _TIMED_CACHE:
        table = vocab.raw["timed_after"]
        nouns = dict(table.get("nouns", {}))
        for event_type, entry in vocab.types.items():
            for noun in entry.get("nouns", ()):
                nouns.setdefault(noun.lower(), event_type)
        spaced = lambda words: "|".join(re.sub(r" ", r"\\s+", w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
        numbers = "|".join(table["numbers"])
        offset = rf"(?P<offset>{spaced(table['offsets'])}|(?:\d+|{numbers})\s+days)"
        noun = rf"(?P<noun>{spaced(nouns)})"
        came = re.compile(rf"\W*(?:the|this|that|these|those)\s+(?:[\w\-]+\s+){{0,2}}?{noun}(?:s|es)?\s+(?:{spaced(table['came'])})\s+"
                          rf"{offset}\s+(?P<side>after|before)(?![\w])", re.IGNORECASE)
        held = re.compile(rf"(?<![\w])(?:{offset}\s+)?(?P<side>after|before)\s+(?:the|this|that|its|their|his|her)\s+"
                          rf"(?:[\w\-]+\s+){{0,2}}?{noun}(?![\w])", re.IGNORECASE)
        _TIMED_CACHE[key] = (came, held, nouns)
    return _TIMED_CACHE[key]


_WITHIN_CACHE: dict[int, re.Pattern] = {}


def _within_pattern(vocab: Vocabulary, nouns: dict[str, str]) -> re.Pattern:
    """A sentence opening that times what follows against another happening: "Within hours of the arrest,
    armed men blocked ..." (the offsets of data/events.yaml ``timed_after``)."""
    key = id(vocab)
    if key not in _WITHIN_CACHE:
        table = vocab.raw["timed_after"]
        spaced = lambda words: "|".join(re.sub(r" ", r"\\s+", w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
        _WITHIN_CACHE[key] = re.compile(
            rf"\W*(?:within|in\s+the)\s+(?:a\s+few\s+)?(?P<offset>{spaced(table['offsets'])})\s+(?P<side>of|after)\s+"
            rf"(?:the|this|that|its|their|his|her)\s+(?:[\w\-]+\s+){{0,2}}?(?P<noun>{spaced(nouns)})(?![\w])\W",
            re.IGNORECASE)
    return _WITHIN_CACHE[key]


def in_year_named_before(timexes: list[Timex], text: str, vocab: Vocabulary) -> list[Timex]:
    """``timexes`` (sorted by start), with a month followed by "of that year" (data/events.yaml
    ``that_year_after``) moved to the year of the latest expression before it that names a year; the
    expression of those words ("that year" read on its own from the month) is left out: it is the month's.
    A day-month left without a year (the article's date is unknown) takes the year the text's dates give it
    (``in_the_texts_year``)."""
    return in_the_texts_year(_in_that_year(timexes, text, vocab), text=text)


def _in_that_year(timexes: list[Timex], text: str, vocab: Vocabulary) -> list[Timex]:
    words = "|".join(re.sub(r" ", r"\\s+", w) for w in vocab.raw.get("that_year_after", ()))
    if not words:
        return timexes
    after = re.compile(rf"\s*(?:{words})(?![\w])", re.IGNORECASE)
    found: list[Timex] = []
    covered = -1  # the end of the latest "that year" read with its month: a timex inside it is that month's
    for timex in timexes:
        if timex.start < covered and timex.end <= covered:
            continue
        words = after.match(text, timex.end) if timex.granularity == "month" and timex.first_day else None
        if words:
            covered = words.end()
            year = next((t.first_day.year for t in reversed(found) if t.first_day and re.search(r"\d{4}", t.text)), None)
            if year is not None and year != timex.first_day.year:
                first = timex.first_day.replace(year=year)
                last = (timex.last_day or timex.first_day).replace(year=year)
                timex = replace(timex, value=first.strftime("%Y-%m"), first_day=first, last_day=last,
                                anchor=f"the year named before it ({year})")
        found.append(timex)
    return found


_YEARLESS_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)")
_FULL_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def in_the_texts_year(timexes: list[Timex], data_dir: Path = DATA_DIR, text: str = "") -> list[Timex]:
    """``timexes`` with each day-month the tagger left without a year (an article whose date is unknown: "the
    elections held on April 10") placed where it first comes on or after the latest day the text writes with its
    year ("April 10, 2021" in a caption; "February 20, 2016"), when that is at most ``close_days`` later
    (data/datelines.yaml ``yearless_dateline``, as for a year-less dateline) and on the weekday it names, if any:
    the article appeared on or after that day and tells the days just after it; or a few days before it (at most
    ``days_before``, data/datelines.yaml ``yearless_day_in_text``: the same week's news). Others stay without a year:
    a day farther on, or farther before it, may be of another year, since the text's latest day may be history it
    retells; and
    a month or a year alone ("The militia resumed its revolt in March 2019") gives none. Without such a day, a
    day-month that names its weekday ("on Monday, September 6") takes the latest year the text writes (in ``text``,
    even inside a name: "the 2031 summit", "Games 2031") when the day falls on that weekday in it (``_on_its_weekday``)."""
    if not any(_YEARLESS_DAY.fullmatch(t.value) for t in timexes):
        return timexes
    latest = max((t for t in timexes if t.first_day is not None and t.granularity == "day"
                  and _FULL_DAY.fullmatch(t.value)), key=lambda t: (t.first_day, t.start), default=None)
    if latest is None:
        year = max((int(y) for y in _WRITTEN_YEAR.findall(text)), default=None)
        return [_on_its_weekday(t, year) if year and _YEARLESS_DAY.fullmatch(t.value) else t for t in timexes]
    close, before = _close_days(data_dir), _days_before(data_dir)
    return [_soon_after(t, latest, close, before) if _YEARLESS_DAY.fullmatch(t.value) else t for t in timexes]


# A year written in figures, not inside a longer number, an amount or a count ("2,000", "2000.5", "2000%").
_WRITTEN_YEAR = re.compile(r"(?<![\d,.$€£])((?:19|20)\d\d)(?![\d%]|[,.]\d)")


def _on_its_weekday(timex: Timex, year: int) -> Timex:
    """``timex`` (a day-month without a year) in ``year`` when it names a weekday and falls on it then."""
    from .temporal.calendar import safe_date
    from .temporal.underspecified import named_weekday

    month, day = (int(part) for part in _YEARLESS_DAY.fullmatch(timex.value).groups())
    found, weekday = safe_date(year, month, day), named_weekday(timex.text)
    if found is None or weekday is None or found.weekday() != weekday:
        return timex
    return replace(timex, value=found.isoformat(), first_day=found, last_day=found,
                   anchor=f"year inferred, as the article's date is unknown: {found:%B} {found.day} is a {found:%A} in "
                          f"{year}, the latest year the text writes")


def _soon_after(timex: Timex, latest: Timex, close_days: int, days_before: int = 0) -> Timex:
    """``timex`` (a day-month without a year) on the first such day on or after ``latest``'s day, when that is at most
    ``close_days`` later, or on the one at most ``days_before`` days before it ("the Nov. 13 bombing" under a caption
    of Nov. 16, 2031: the same week); and on the weekday it names, if any. ``timex`` itself otherwise."""
    from .temporal.calendar import safe_date
    from .temporal.underspecified import named_weekday

    month, day = (int(part) for part in _YEARLESS_DAY.fullmatch(timex.value).groups())
    after = latest.first_day
    found = next((d for d in (safe_date(after.year, month, day), safe_date(after.year + 1, month, day))
                  if d is not None and d >= after), None)
    where = "the first {0:%B} {0.day} on or after"
    if found is None or (found - after).days > close_days:
        found = next((d for d in (safe_date(after.year, month, day), safe_date(after.year - 1, month, day))
                      if d is not None and timedelta(0) < after - d <= timedelta(days=days_before)), None)
        where = "the {0:%B} {0.day} a few days before"
    weekday = named_weekday(timex.text)
    if found is None or weekday not in (None, found.weekday()):
        return timex
    return replace(timex, value=found.isoformat(), first_day=found, last_day=found,
                   anchor=f"year inferred, as the article's date is unknown: {where.format(found)} "
                          f"the latest date the text writes with its year, \"{latest.text}\" ({after.isoformat()})")


@lru_cache(maxsize=8)
def _close_days(data_dir: Path) -> int:
    return int(load("datelines.yaml", data_dir).get("yearless_dateline", {}).get("close_days", 0))


@lru_cache(maxsize=8)
def _days_before(data_dir: Path) -> int:
    return int(load("datelines.yaml", data_dir).get("yearless_day_in_text", {}).get("days_before", 0))


def recalled(sentence: str, trigger: Trigger, data_dir: Path = DATA_DIR) -> bool:
    """True when ``trigger`` stands after a verb of remembering in its clause ("The sides recalled their meeting held
    in May", data/sentences.yaml ``recalled_happening``): a happening remembered, which "Then, ..." or "later" in a
    sentence after it does not go on from."""
    return bool(_recall_words(data_dir).search(sentence, max(0, trigger.start - 80), trigger.start))


@lru_cache(maxsize=8)
def _recall_words(data_dir: Path) -> re.Pattern:
    words = _phrases(load("sentences.yaml", data_dir).get("recalled_happening", {}).get("words", ()))
    return re.compile(rf"(?<![\w])(?:{words})(?![\w])[^.;:!?]*$", re.IGNORECASE)


def opens_same_day(sentence: str, data_dir: Path) -> bool:
    """True when ``sentence`` opens with a part of the day (data/sentences.yaml ``same_day_openers``: "In the
    evening, ..."): it goes on with the day of the event reported just before it."""
    return bool(_same_day_openers(data_dir).match(sentence))


@lru_cache(maxsize=8)
def _same_day_openers(data_dir: Path) -> re.Pattern:
    """The phrases of data/sentences.yaml ``same_day_openers``, or its ``clock`` (an afternoon or evening time
    after one of its ``clock_before`` words: "After 1 pm, ...", "At 5.30 p.m. the two leaders ..."), opening a
    sentence."""
    table = load("sentences.yaml", data_dir).get("same_day_openers", {})
    words = "|".join(r"\s+".join(map(re.escape, str(p).split())) for p in table.get("phrases", ())) or "(?!)"
    clock = table.get("clock")
    if clock:
        words += rf"|(?:{_phrases(table.get('clock_before', ()))})\s+(?:{clock})"
    return re.compile(rf"^\W*(?:{words})(?![\w'’])", re.IGNORECASE)


def opening_day(sentence: str, earlier: list[tuple[str, str, tuple]], data_dir: Path) -> tuple[date, str] | None:
    """(day, words) for an opening speech ("In his opening address, ...", data/sentences.yaml ``opening_speech``):
    the day of the latest earlier conference whose sentence says it opened. ``earlier``: (event type,
    sentence, resolved) of the article's events before it. None otherwise."""
    speech, opened = _opening_patterns(data_dir)
    if not speech.search(sentence):
        return None
    for event_type, words, resolved in reversed(earlier):
        if event_type == "conference" and resolved and resolved[0] is not None and resolved[2] == "day" \
                and opened.search(words):
            return resolved[0], words
    return None


@lru_cache(maxsize=8)
def _opening_patterns(data_dir: Path) -> tuple[re.Pattern, re.Pattern]:
    table = load("sentences.yaml", data_dir).get("opening_speech", {})
    return (re.compile(rf"(?<![\w]){table.get('speech', '(?!)')}(?![\w])", re.IGNORECASE),
            re.compile(rf"(?<![\w]){table.get('opened', '(?!)')}(?![\w])", re.IGNORECASE))


def arrival_day(sentence: str, sentence_start: int, trigger: Trigger, timexes: list[Timex],
                data_dir: Path) -> Timex | None:
    """The day of an arrival told in a relative clause before ``trigger`` ("X, who arrived in P on Tuesday
    morning, met Y": data/sentences.yaml ``arrival_clause``): the event happened on or after it. None otherwise."""
    clause = _arrival_clause(data_dir)
    for timex in timexes:
        start, end = timex.start - sentence_start, timex.end - sentence_start
        if start < 0 or end > trigger.start or timex.granularity not in ("day", "time") or timex.first_day is None:
            continue
        if clause.search(sentence[:start]) and re.match(r"[^,;]{0,20},", sentence[end:trigger.start]):
            return timex
    return None


@lru_cache(maxsize=8)
def _arrival_clause(data_dir: Path) -> re.Pattern:
    words = _phrases(load("sentences.yaml", data_dir).get("arrival_clause", {}).get("verbs", ()))
    return re.compile(rf",\s*who\s+(?:had\s+)?(?:{words})(?![\w])[^,;]*$", re.IGNORECASE)


def welcome_day(sentence: str, earlier: list[tuple[str, str, tuple]], data_dir: Path) -> date | None:
    """The day of the visit reported just before, for an event at the place of arrival ("Y met him at the
    airport": data/sentences.yaml ``arrival_place``); None otherwise. ``earlier`` as for ``opening_day``."""
    if not earlier or not _arrival_place(data_dir).search(sentence):
        return None
    event_type, _, resolved = earlier[-1]
    if event_type == "visit" and resolved and resolved[0] is not None and resolved[2] == "day":
        return resolved[0]
    return None


def named_back_day(sentence: str, earlier: list[tuple[str, str, tuple]], data_dir: Path) -> tuple[date, str, str] | None:
    """(day, the words that name back, the earlier sentence) for a sentence with no day of its own that names back
    a gathering told before ("during the ceremony", "at the same meeting", "in her speech": data/temporal/anchoring.yaml
    ``named_back``): the one day of the events told before in sentences that name that noun (for spoken words, any
    gathering's noun). None when no such event has a day or they have more than one. ``earlier`` as for
    ``opening_day``; events of ``sentence`` itself are left out."""
    phrase, spoken, another = _named_back_patterns(data_dir)
    named = phrase.search(sentence)
    if named is not None:
        if named.group("word") and named.group("word").lower() in another:
            return None  # "at the next meeting", "during the first session": another one
        nouns = [named.group("noun")]
    else:
        named = spoken.search(sentence)
        if named is None:
            return None
        nouns = _anchoring(data_dir)["named_back"]["nouns"]
    told = re.compile(rf"(?<![\w])(?:{_phrases(nouns)})(?:s|es)?(?![\w])", re.IGNORECASE)
    days, source = set(), ""
    for _, text, resolved in earlier:
        if text != sentence and told.search(text) and resolved and resolved[0] is not None:
            days.add((resolved[0], resolved[2]))
            source = text
    if len(days) != 1 or next(iter(days))[1] != "day":
        return None
    return next(iter(days))[0], named.group(0).strip(), source


@lru_cache(maxsize=8)
def _named_back_patterns(data_dir: Path) -> tuple[re.Pattern, re.Pattern, frozenset]:
    """The phrase that names a gathering back, the spoken words of one, and the words before its noun that make it
    another one ("the next meeting")."""
    table = _anchoring(data_dir)
    entry = table.get("named_back", {})
    nouns = _phrases(sorted(entry.get("nouns", ()), key=len, reverse=True))
    phrase = re.compile(rf"(?<![\w])(?:{_phrases(entry.get('prepositions', ()))})\s+(?:the\s+same|the|that)\s+"
                        rf"(?:(?P<word>[\w\-]+)\s+)??(?P<noun>{nouns})(?![\w])(?!\s+(?:on|last|next)\b)",
                        re.IGNORECASE)
    spoken = re.compile(rf"(?<![\w])in\s+(?:her|his|their|its)\s+(?:{_phrases(entry.get('spoken', ()))})(?:es)?"
                        rf"(?![\w])(?!\s+(?:to|at|before|in|on|of|last|next)\b)", re.IGNORECASE)
    stop = frozenset(w.lower() for w in (*table.get("tail_stop", ()), "next", "upcoming", "following", "second",
                                         "third", "final", "a", "an"))
    return phrase, spoken, stop


@lru_cache(maxsize=8)
def _arrival_place(data_dir: Path) -> re.Pattern:
    alternation = _phrases(load("sentences.yaml", data_dir).get("arrival_place", {}).get("words", ()))
    return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])", re.IGNORECASE)


def _phrases(phrases) -> str:
    """An alternation of literal phrases, any run of spaces between their words; one that never matches if empty."""
    return "|".join(r"\s+".join(map(re.escape, str(p).split())) for p in phrases) or "(?!)"


def anchored_to(sentence: str, trigger: Trigger, nouns: dict[str, str],
                data_dir: Path = DATA_DIR) -> tuple[str, int] | None:
    """(event type, 0) when the sentence says which of the article's events it goes on from
    (data/temporal/anchoring.yaml): it opens "After his meeting with the king, ..." / "Following the
    talks, ..." before the trigger, or says "on the sidelines of the summit" (not around the trigger itself).
    ``nouns``: each event noun's type. None otherwise. (The vocabulary carries no data folder, so the table
    is the project's own.)"""
    table = _anchoring(data_dir)
    opener, venue = _anchoring_for(nouns, data_dir=data_dir)
    head = opener.match(sentence)
    if head and trigger.start >= head.end() and _plain_tail(head.group("tail"), table):
        return nouns[head.group("noun").lower()], 0
    closing = _closing_words(data_dir).search(sentence)
    if closing and trigger.event_type != "conference":  # "In her closing address, ...": the day the gathering ended
        return "conference", 0
    for place in venue.finditer(sentence):
        kind = nouns[place.group("noun").lower()]
        if kind != trigger.event_type:  # "the summit" of "on the sidelines of the summit" is no other summit
            return kind, 0
    return None


def _plain_tail(tail: str, table: dict) -> bool:
    """True for a tail of names after the event noun ("with the president", "in Geneva"): no digit, no
    word of ``tail_stop``, no lowercase word ending in "-ed" (a clause of its own: "the talks ended")."""
    words = re.findall(r"[\w'’\-]+", tail)
    stop = {w.lower() for w in table.get("tail_stop", ())}
    return not any(any(c.isdigit() for c in w) or w.lower() in stop or (w.islower() and w.endswith("ed"))
                   for w in words)


def _anchoring_for(nouns: dict[str, str], data_dir: Path = DATA_DIR) -> tuple[re.Pattern, re.Pattern]:
    """``_anchoring_patterns`` for ``nouns``; timed_against passes the same dict for every trigger, so its sorted
    nouns are not sorted and hashed again per trigger (that took 24 us a call). An entry holds its dict, so an id
    is never that of another dict; a few are kept (by dict and data folder)."""
    key = (id(nouns), data_dir)
    held = _ANCHORING_BY_NOUNS.get(key)
    if held is None or held[0] is not nouns:
        if len(_ANCHORING_BY_NOUNS) >= 8:
            _ANCHORING_BY_NOUNS.clear()
        held = _ANCHORING_BY_NOUNS[key] = (nouns, _anchoring_patterns(data_dir, tuple(sorted(nouns))))
    return held[1]


_ANCHORING_BY_NOUNS: dict[tuple[int, Path], tuple[dict, tuple[re.Pattern, re.Pattern]]] = {}


@lru_cache(maxsize=8)
def _anchoring(data_dir: Path) -> dict:
    return load("temporal/anchoring.yaml", data_dir)


@lru_cache(maxsize=8)
def _closing_words(data_dir: Path) -> re.Pattern:
    return re.compile(rf"(?<![\w])(?:{_phrases(_anchoring(data_dir).get('closing', ()))})(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=32)
def _anchoring_patterns(data_dir: Path, nouns: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    table = _anchoring(data_dir)
    noun = rf"(?P<noun>{_phrases(sorted(nouns, key=len, reverse=True))})"
    det = _phrases(table.get("determiners", ()))
    word = r"(?!\d{4}(?![\w]))(?!\d+(?:st|nd|rd|th)?\s)[\w\-]+\s+"  # a name word ("G20"), not a year or an ordinal date
    opener = re.compile(rf"\W*(?:{_phrases(table.get('openers', ()))})\s+(?:(?:{det})\s+(?:{word}){{0,2}}?)?{noun}"
                        rf"(?![\w])(?P<tail>[^,;.:!?\d]{{0,60}}),", re.IGNORECASE)
    venues = (*table.get("venues", ()), *table.get("spoken_at", ()))
    venue = re.compile(rf"(?<![\w])(?:{_phrases(venues)})\s+(?:{det}|an?)\s+(?:{word}){{0,3}}?{noun}(?![\w])",
                       re.IGNORECASE)
    return opener, venue


RETOLD_SENTENCES = 2  # the sentences right after the lead that may tell its happening again, with its day
RETOLD_DAYS = 7  # how many days before publication such a day may be: the lead is recent news
_STEM = 5  # letters two words share when they name the same happening ("attacked", "attackers")
_WORD = re.compile(r"[^\W\d_]{%d,}" % _STEM)


def day_told_after_lead(text: str, lead_end: int, trigger: Trigger, timexes: list[Timex], published: date | None,
                        vocab: Vocabulary, data_dir: Path = DATA_DIR) -> Timex | None:
    """The day of the lead's happening when one of the next sentences tells it again with a day of the week
    before publication (a wire story written a day or two after the happening: "Gunmen attacked a school,
    sources said Tuesday." / "The attackers stormed the school on Monday, a witness said."): a trigger of the
    lead's type dated by its own expression, or a word of the lead's trigger ("attack" and "attackers") in a
    clause with a day that dates no report. ``timexes`` index ``text``; ``lead_end`` is where the lead ends.
    Failing those, the day the lead's own sentence was reported on (``_lead_report_day``). None otherwise."""
    if published is None:
        return None
    stems = {w.lower()[:_STEM] for w in _WORD.findall(trigger.text)} | _outcome_stems(trigger, data_dir)
    for sentence in split(text[lead_end : lead_end + 1500], data_dir)[:RETOLD_SENTENCES]:
        start = lead_end + sentence.start
        inside = [t for t in timexes if start <= t.start and t.end <= start + len(sentence.text)]
        days = [t for t in (past_reading(t, published) for t in inside) if _recent_day(t, published)]
        if not days:
            continue
        for other in find_triggers(sentence.text, vocab):
            own = own_timex(sentence.text, start, other, inside, published, vocab, data_dir=data_dir) \
                if other.event_type == trigger.event_type and not _indefinite(sentence.text, other) else None
            if own is not None and _recent_day(own, published):
                return own
        told = _day_by_word(sentence.text, start, stems, days, vocab, data_dir=data_dir)
        if told is not None:
            return told
    return _lead_report_day(text, lead_end, trigger, timexes, published, vocab, data_dir)


def tells_a_decision(trigger: Trigger, data_dir: Path = DATA_DIR) -> bool:
    """True for a trigger that tells an act of deciding ("court has annulled", "has banned exports": data/sentences.yaml
    ``retold_outcome.verbs``), whose day a later sentence may give by the noun of its outcome."""
    return bool(_outcome_words(data_dir)[0].search(trigger.text))


def _outcome_stems(trigger: Trigger, data_dir: Path = DATA_DIR) -> set[str]:
    """The stems of the nouns that name what the lead's act of deciding gave, when its trigger is one ("A court has
    annulled the permit." told again as "The court issued its decision on Tuesday."; data/sentences.yaml
    ``retold_outcome``); none otherwise."""
    return set(_outcome_words(data_dir)[1]) if tells_a_decision(trigger, data_dir) else set()


@lru_cache(maxsize=8)
def _outcome_words(data_dir: Path) -> tuple[re.Pattern, frozenset[str]]:
    table = load("sentences.yaml", data_dir).get("retold_outcome", {})
    nouns = frozenset(w.lower()[:_STEM] for w in table.get("nouns", ()))
    return re.compile(rf"(?<![\w])(?:{_phrases(table.get('verbs', ()))})(?![\w])", re.IGNORECASE), nouns


def _lead_report_day(text: str, lead_end: int, trigger: Trigger, timexes: list[Timex], published: date,
                     vocab: Vocabulary, data_dir: Path) -> Timex | None:
    """The day of the week before publication on which the lead's own sentence says its happening was reported,
    when that is the only time the sentence names ("Strikes on two villages killed six people, the health
    ministry said on Saturday."; "in an overnight raid, ... said on Saturday", the night before that day): a wire
    lead is written on the day of its happening, so the report's day is the happening's (a span, "for two weeks",
    is no time of the sentence). None when the happening is told as
    earlier than the report ("said on Saturday it had ...")."""
    lead = split(text[max(0, lead_end - 1500) : lead_end], data_dir)
    if not lead:
        return None
    start = lead_end - len(text[max(0, lead_end - 1500) : lead_end]) + lead[-1].start
    sentence = lead[-1].text
    inside = [past_reading(t, published) for t in timexes
              if start <= t.start and t.end <= lead_end and t.type in ("DATE", "TIME")]  # not "for two weeks"
    reports = [t for t in inside if _dates_the_report(sentence[: t.start - start], vocab, data_dir=data_dir)]
    if len(reports) != 1 or not _recent_day(reports[0], published) \
            or _told_as_earlier(sentence, trigger, data_dir=data_dir) \
            or any(t.first_day != reports[0].first_day or not _recent_day(t, published) for t in inside):
        return None  # another time of the sentence ("overnight", of the same day, is none)
    return reports[0]


def _indefinite(sentence: str, trigger: Trigger) -> bool:
    """True for a noun introduced as new ("during a meeting in X on 2 May", "another attack"): another
    happening of the type, not the lead's told again."""
    return trigger.form == "noun" and bool(re.search(r"(?<![\w])(?:a|an|another)\s+(?:[\w\-]+\s+){0,2}$",
                                                     sentence[max(0, trigger.start - 40) : trigger.start], re.IGNORECASE))


def _recent_day(timex: Timex, published: date) -> bool:
    return timex.granularity in ("day", "time") and timex.first_day is not None \
        and published - timedelta(days=RETOLD_DAYS) <= timex.first_day < published \
        and timex.last_day in (None, timex.first_day)


def _day_by_word(sentence: str, start: int, stems: set[str], days: list[Timex], vocab: Vocabulary,
                 data_dir: Path = DATA_DIR) -> Timex | None:
    """The day nearest a word sharing a stem with ``stems``, in its clause and dating no report nor a plan ("the
    truce, which both sides are due to sign on Friday": data/events.yaml ``irrealis_in_clause`` between them)."""
    best: tuple[int, Timex] | None = None
    for word in _WORD.finditer(sentence):
        if word.group().lower()[:_STEM] not in stems:
            continue
        for timex in days:
            at, end = timex.start - start, timex.end - start
            lo, hi = (end, word.start()) if end <= word.start() else (word.end(), at)
            if re.search(r"[;:]", sentence[lo:hi]) or vocab.clause_break.search(sentence, lo, hi) \
                    or vocab.irrealis_in_clause.search(sentence, lo, hi) \
                    or _dates_the_report(sentence[:at], vocab, data_dir=data_dir):
                continue
            if best is None or hi - lo < best[0]:
                best = (hi - lo, timex)
    return best[1] if best else None



def reported_as_news(text: str, sentence: str, sentence_start: int, trigger: Trigger, timexes: list[Timex],
                     published: date | None, vocab: Vocabulary, data_dir: Path = DATA_DIR) -> bool:
    """Rule 3 beyond the lead: True when a sentence after the lead reports ``trigger`` as the article's news of
    the publication day ("The two ministers also signed a memorandum on trade."): it is told as news
    (``_told_as_news``), and the latest past time the article names before the sentence is the publication day
    (none at all: the news), so that a sentence going on in a background passage ("In 2019 the two countries
    fought a war. Thousands fled.") is not the news. A trigger in the present perfect ("has met", "have been
    killed") reports up to now, whatever time was named before. ``timexes`` index ``text`` (sorted by start)."""
    if published is None or _separate_opener(data_dir).match(sentence) \
            or not _told_as_news(text, sentence, sentence_start, trigger, timexes, published, data_dir, asides=False):
        return False
    return _present_perfect(sentence, trigger, data_dir) or _latest_past_time(text, sentence_start, timexes, published) is None


NEWS_PASSAGE_DAYS = 3  # a day this recent before publication, named before a sentence with none, is its news's day


def news_day_before(text: str, sentence: str, sentence_start: int, trigger: Trigger, timexes: list[Timex],
                    published: date | None, data_dir: Path = DATA_DIR) -> Timex | None:
    """Rule 2 for a passage of news: the day the text goes on from when a sentence told as news
    (``_told_as_news``) names none and the latest past time named before it is a day of the last
    ``NEWS_PASSAGE_DAYS`` before publication ("Gunmen attacked the village on Sunday, officials said. Troops
    evacuated 200 residents.": Sunday). A wire story tells the news of the day before publication so. None
    otherwise. ``timexes`` index ``text`` (sorted by start)."""
    if published is None or not _told_as_news(text, sentence, sentence_start, trigger, timexes, published, data_dir) \
            or _separate_opener(data_dir).match(sentence):
        return None
    end = sentence_start + len(sentence)
    if any(t.first_day == published for t in timexes if sentence_start <= t.start and t.end <= end):
        return None  # "who left on Tuesday morning, met ...", published that Tuesday: not the day before's news
    latest = _happening_before_its_report(text, _latest_past_time(text, sentence_start, timexes, published),
                                          timexes, published, data_dir)
    if latest is None or latest.granularity not in ("day", "time") or latest.last_day not in (None, latest.first_day):
        return None
    return latest if published - timedelta(days=NEWS_PASSAGE_DAYS) <= latest.first_day < published else None


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s|\n")


def _happening_before_its_report(text: str, latest: Timex | None, timexes: list[Timex], published: date,
                                 data_dir: Path) -> Timex | None:
    """The day of the happening its sentence tells when ``latest`` only dates the report of it there ("Rebels raided two
    posts on Monday, the army said on Tuesday": the passage after it goes on with Monday);
    ``latest`` itself otherwise (a report's day alone is its happening's day too, as wire copy tells it)."""
    vocab = vocabulary(data_dir)
    if latest is None \
            or not _dates_the_report(text[max(0, latest.start - 200) : latest.start], vocab, data_dir=data_dir):
        return latest
    for earlier in reversed([t for t in timexes if t.end <= latest.start]):
        if _SENTENCE_END.search(text, earlier.end, latest.start):
            break
        if _past_time(earlier, published, text) and earlier.granularity in ("day", "time") \
                and not _dates_the_report(text[max(0, earlier.start - 200) : earlier.start], vocab, data_dir=data_dir):
            return past_reading(earlier, published)
    return latest


@lru_cache(maxsize=8)
def _separate_opener(data_dir: Path) -> re.Pattern:
    """A sentence opening with a word of ``reported_news.separate_openers`` ("Separately, ...", "Elsewhere, ...")
    tells another happening: it does not go on with the day told before it."""
    words = _phrases(load("sentences.yaml", data_dir).get("reported_news", {}).get("separate_openers", ()))
    return re.compile(rf"\W*(?:{words})(?![\w])", re.IGNORECASE)


def _told_as_news(text: str, sentence: str, sentence_start: int, trigger: Trigger, timexes: list[Timex],
                  published: date, data_dir: Path, asides: bool = True) -> bool:
    """True when no expression of the sentence names another time than the publication day
    (``names_another_day``) and the trigger is not told as earlier: ``had`` before it, or its clause opened by a
    word of data/sentences.yaml ``reported_news.earlier_clause`` ("a week after the two sides agreed")."""
    end = sentence_start + len(sentence)
    if any(names_another_day(t, published, text) and not (asides and _coarse_aside(text, t)) for t in timexes
           if sentence_start <= t.start and t.end <= end):
        return False
    return not (_told_as_earlier(sentence, trigger, data_dir=data_dir) or _in_earlier_clause(sentence, trigger, data_dir)
                or _timed_by_another(sentence, trigger, data_dir))


def held_in_the_past_simple(sentence: str, trigger: Trigger, data_dir: Path = DATA_DIR) -> bool:
    """True when the trigger's words, or the words right after it, tell a gathering held in the past simple ("the
    ceremony was held", "talks were held": data/sentences.yaml ``reported_news.past_simple_held``): it took place
    before publication, not necessarily on that day, as "is being held" or "has been held" tell."""
    return bool(_past_simple_held(data_dir).search(sentence, trigger.start, trigger.end + 20))


@lru_cache(maxsize=8)
def _past_simple_held(data_dir: Path) -> re.Pattern:
    words = _phrases(load("sentences.yaml", data_dir).get("reported_news", {}).get("past_simple_held", ()))
    return re.compile(rf"(?<![\w])(?:{words})(?![\w])", re.IGNORECASE)


def _timed_by_another(sentence: str, trigger: Trigger, data_dir: Path) -> bool:
    """True when the trigger's clause times it against another happening after it ("met the envoy before the
    war", "talks ahead of the vote": data/sentences.yaml ``reported_news.timed_by``): its day is that
    happening's affair (timeline/event_dates.timed_against dates the ones the article reports), not the news's."""
    clause = re.split(r"[,;:]|\s[–—-]\s", sentence[trigger.end :], maxsplit=1)[0]
    return bool(_timed_by(data_dir).search(clause))


@lru_cache(maxsize=8)
def _timed_by(data_dir: Path) -> re.Pattern:
    """A word of ``reported_news.timed_by`` before a determiner: "before the vote", "ahead of its summit"."""
    words = _phrases(load("sentences.yaml", data_dir).get("reported_news", {}).get("timed_by", ()))
    return re.compile(rf"(?<![\w])(?:{words})\s+(?:the|a|an|its|their|his|her|this|that)\s", re.IGNORECASE)


def _latest_past_time(text: str, sentence_start: int, timexes: list[Timex], published: date) -> Timex | None:
    """The latest expression before ``sentence_start`` that names a past time (``_past_time``), read as past; a
    month or a year in a relative clause is an aside, not the time the text goes on from (``_coarse_aside``), and
    so is the bound of a comparison up to now ("the first visit since June 2019", ``_BOUND_BEFORE``), and an old year
    naming a happening ("the 1994 genocide", ``_names_an_old_happening``). None when the
    latest day named before is the publication day itself ("On Thursday, the ministers held talks.", published that
    Thursday): the text goes on with the day's news, not with a day named before it."""
    for t in reversed(timexes):  # the last that qualifies: the ones before it need not be read
        if t.end > sentence_start:
            continue
        if _names_the_publication_day(t, published):
            return None
        if _past_time(t, published, text) and not _coarse_aside(text, t) \
                and not _names_an_old_happening(t, published, text) \
                and not _BOUND_BEFORE.search(text, max(0, t.start - 120), t.start):
            return past_reading(t, published)
    return None


def _names_the_publication_day(timex: Timex, published: date) -> bool:
    """True for a day named as the publication day ("on Thursday", "today", "5 May 2024"), not a time of day alone,
    nor a day counted from another one ("the next day", "a day later": a step of the story or of a plan)."""
    timex = past_reading(timex, published)
    return timex.type in ("DATE", "TIME") and timex.granularity in ("day", "time") \
        and timex.first_day == published and timex.last_day in (None, published) \
        and timex.rule.split(",")[0] not in _COUNTED_RULES and not _CLOCK_ONLY.match(timex.text)


_COUNTED_RULES = ("reference_day", "offset", "year_ago_period", "year_period")  # days counted from another day


# A comparison up to now that makes the time after "since" a bound ("the first visit since June 2019", "the
# deadliest attack on the town since 2015", "the first since the previous one in the capital on 3 May 2019"): no
# time a passage tells of. ("closed since Monday" may well be one.)
_BOUND_BEFORE = re.compile(r"(?<![\w])(?:first|only|last|largest|biggest|highest|lowest|worst|deadliest|most|least)"
                           r"(?![\w])[^.;:!?]{0,80}?(?<![\w])since\s+(?:the\s+)?"
                           r"(?:(?:last|previous|latest)\s+[^.;:!?,]{0,60}?(?<![\w])(?:on|in)\s+)?$", re.IGNORECASE)


# A relative clause opened before an expression in its sentence, with no comma after its opener.
_RELATIVE_ASIDE = re.compile(r",\s*(?:which|who|whom|whose)(?![\w])[^,;.!?\n–—]*$", re.IGNORECASE)
# A relative clause with no pronoun right after its noun: a noun, then a subject and its past verb ("the trade deal
# the two countries announced in May", "the accord its members signed last year").
_CONTACT_ASIDE = re.compile(r"(?<![\w])(?:the|a|an|its|their|his|her|this|that)\s+(?:[\w’'\-]+\s+){0,2}?[a-z]{3,}(?<!ed)"
                            r"\s+(?:the|its|their|his|her|both)\s+(?:[\w’'\-]+\s+){0,3}?[a-z]{2,}ed\s+(?:in\s+|on\s+|during\s+)?$")


# A passive relative clause with no comma before it ("the victims who were killed between April and July 1994"): what
# befell the noun before it, an aside as well.
_PASSIVE_ASIDE = re.compile(r"(?<![\w])(?:who|which|that)\s+(?:was|were|had\s+been|have\s+been|has\s+been)\s+[a-z]{3,}ed"
                            r"(?![\w])[^;.!?\n–—]*$", re.IGNORECASE)
MONTHS_SPAN_DAYS = 28  # a range this long or longer is a span of months ("between April and July 1994"), no day
_MONTH_VALUE = re.compile(r"\d{4}-\d\d")  # a part of a month ("early July 1994")


def _coarse_aside(text: str, timex: Timex) -> bool:
    """True for a month, a year or a week, or a span of months, inside a relative clause (", which the three countries
    formed last September,", "the pact the two countries announced in May", "victims who were killed between April
    and July 1994"): it dates the clause's aside, not the news around it. (A day there, "who arrived on Monday", may
    bound the news and still counts.)"""
    before = max(0, timex.start - 150)
    months = timex.granularity == "range" and (bool(_MONTH_VALUE.fullmatch(timex.value)) or (
        timex.first_day is not None and timex.last_day is not None
        and (timex.last_day - timex.first_day).days >= MONTHS_SPAN_DAYS))
    return (timex.granularity in _COARSE or months) and bool(_RELATIVE_ASIDE.search(text, before, timex.start)
                                                           or _CONTACT_ASIDE.search(text, before, timex.start)
                                                           or _PASSIVE_ASIDE.search(text, max(0, timex.start - 250),
                                                                                    timex.start))


def _past_time(timex: Timex, published: date, text: str) -> bool:
    """True for a calendar time wholly before publication that can date a happening ("in 2019", "on Monday",
    "last month"): a time the text goes on from. Not a span that holds the publication day ("this month"), a
    plain duration, a time of day alone, a span of decades or a year joined to a word."""
    timex = past_reading(timex, published)
    if timex.type not in ("DATE", "TIME") or timex.first_day is None or timex.granularity == "set":
        return False
    if _too_long(timex) or (timex.granularity == "time" and _CLOCK_ONLY.match(timex.text)) \
            or _joined_year(text, timex.end, timex):
        return False
    return (timex.last_day or timex.first_day) < published


def _in_earlier_clause(sentence: str, trigger: Trigger, data_dir: Path) -> bool:
    """True when the trigger's clause is opened by a word of ``reported_news.earlier_clause`` ("came a week after
    the two sides agreed", "following talks mediated by X"), no comma, semicolon, colon or dash between."""
    opener = None
    for opener in _earlier_clause(data_dir).finditer(sentence, max(0, trigger.start - 150), trigger.start):
        pass
    return opener is not None and not re.search(r"[,;:]|\s[–—-]\s", sentence[opener.end() : trigger.start])


def _present_perfect(sentence: str, trigger: Trigger, data_dir: Path) -> bool:
    """True for a verb trigger in the present perfect ("has met", "have been killed", "has also held", "the
    ministers have just met", a trigger that holds its subject): the happening is told as up to now."""
    if trigger.form != "verb":
        return False
    return bool(_perfect_patterns(data_dir)[0].search(trigger.text)) \
        or bool(_perfect_patterns(data_dir)[1].search(sentence, max(0, trigger.start - 30), trigger.start))


@lru_cache(maxsize=8)
def _earlier_clause(data_dir: Path) -> re.Pattern:
    """A word of ``earlier_clause``, or what one is credited for ("congratulated the country on", "thanked him
    for": a verb of ``credited_for``, a few words, then "on" or "for"): what follows happened before."""
    table = load("sentences.yaml", data_dir).get("reported_news", {})
    words = _phrases(table.get("earlier_clause", ()))
    credited = _phrases(table.get("credited_for", ()))
    return re.compile(rf"(?<![\w])(?:{words}|(?:{credited})\s+(?:[^\s,;:.]+\s+){{0,6}}?(?:on|for))(?![\w])",
                      re.IGNORECASE)


@lru_cache(maxsize=8)
def _perfect_patterns(data_dir: Path) -> tuple[re.Pattern, re.Pattern]:
    """The present perfect in the trigger's words, and right before them (an adverb may stand between: "has also
    met", "have just met")."""
    table = load("sentences.yaml", data_dir).get("reported_news", {})
    auxiliaries = _phrases(table.get("perfect", ()))
    head = rf"(?:{auxiliaries})\s+(?:[a-z]+ly\s+|also\s+|already\s+|just\s+|now\s+)?(?:been\s+)?"
    return (re.compile(rf"(?<![\w]){head}[a-z]", re.IGNORECASE), re.compile(rf"(?<![\w]){head}$", re.IGNORECASE))
