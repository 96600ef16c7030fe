"""A happening while its article is read: the draft an event is made from, and what one article's reading keeps.

Reads: the ``Sentence``, ``Trigger``, ``Timex`` and ``Mention`` records of one article (timeline.events makes them).
Adds: ``Draft`` (an event while later mentions may join it) and ``Context`` (the article, its spans, its vocabulary
and what its reading notes as it goes), with the questions every later step asks of them: the spans that start
in a sentence (``_within``), a sentence's triggers found once (``_triggers_of``), whether a draft has a day of its
own, stands in a headline, or is the article's lead news (rule 3 of the date preference).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from . import event_dates
from .models import Actor, Article, Mention, Timex
from .reading.inference import day_stated
from .sentences import Sentence
from .settings import Settings
from .triggers import Trigger, Vocabulary, find_triggers


@dataclass
class Draft:
    """An event while its article is being read; later mentions may join it."""

    event_type: str
    sentence: Sentence
    trigger: Trigger  # offsets relative to the sentence
    timex: Timex | None
    actor_ids: list[str]
    location: str | None
    continued: "Draft | None" = None  # the event this sentence continues (rule 2, verb triggers only)
    today: bool = False  # worded as happening on the publication day (rule 3)
    recent: bool = False
    reported: bool = False
    remarks_day: Timex | None = None  # the day of remarks reported earlier that this sentence refers back to
    host: str | None = None  # the country a conference is held in, when added as an actor (not named in titles)
    follows: bool = False  # "later", "afterwards": ``continued`` is the event before, whose day it takes
    same_day: bool = False  # dated only "the same day", "earlier in the day": the day of the article's news
    timed_against: tuple | None = None  # (event type, days): timed against that event of the article ("a day after")
    timed: bool = False  # the sentence names a day, even one without a calendar date ("last Thursday")
    # the day its wording gives it that the calendar cannot place: a weekday on a page of unknown date
    unplaced: Timex | None = None
    support: int = 1
    guessed: float = 0.0  # made from the lead (timeline.leads), not by a trigger rule: the guess's base confidence
    found_by: str = "rule"  # how it was found (models.FOUND_BY): a rule, or the fallback that guessed it; "rule" once a
    # rule's mention joins it
    background: bool = False  # named in a background phrase ("following an earthquake that hit ..."), not reported
    lead: bool = False  # reported in the article's lead sentence
    apart: bool = False  # told in a clause timed against its sentence's happening ("..., a day after X attacked Y")
    evidence: Sentence | None = None  # the sentence that first reported it, when a later one gave its day
    parts: list = field(default_factory=list)  # types of the parts told apart that joined it ("other": an arrest)
    told: list = field(default_factory=list)  # the sentences of the mentions that joined it
    # actor ids of the people a later sentence says were there besides its sides ("X, Y and officials attended"):
    # among its actors at the end, but no side that later mentions are compared by
    company: list = field(default_factory=list)
    resolved: tuple = field(default=(), repr=False)  # (date, end, precision, basis, window) once finished


@dataclass(frozen=True)
class Context:
    article: Article
    timexes: tuple[Timex, ...]
    mentions: tuple[Mention, ...]
    actors: Mapping[str, Actor]
    affiliations: Callable[[str], tuple[str, ...]]
    vocab: Vocabulary
    settings: Settings
    starts: dict = field(default_factory=dict)  # id of a span tuple -> the starts of its items, for bisect
    # (sentence, day) of each day so far that may date a report ("said on Tuesday"), in text order; whether
    # it does is read only when a sentence refers back to remarks (sentence None: it does)
    reports: list = field(default_factory=list)
    # sentence start -> the triggers of that sentence that made an event or joined one
    used: dict = field(default_factory=dict)
    told: dict = field(default_factory=dict)  # id of the lead's draft -> the day a later sentence tells it again with
    memo: dict = field(default_factory=dict)  # what the comparison of drafts asks again of one draft (by its words)


def _triggers_of(text: str, ctx: Context) -> list[Trigger]:
    """``find_triggers`` of a sentence, found once per article: the checks that ask again what a sentence holds (a
    toll's other happenings, a noun's reporting verb, a background phrase) read the same list. Not to be changed."""
    found = ctx.memo.get(("triggers", text))
    if found is None:
        found = ctx.memo[("triggers", text)] = find_triggers(text, ctx.vocab)
    return found


def _own_day(draft: Draft) -> bool:
    return draft.timex is not None and draft.timex.granularity in ("day", "time")


@lru_cache(maxsize=16)
def _words_pattern(words: tuple[str, ...], prefix: str = "", suffix: str = "") -> re.Pattern:
    """Any of ``words`` as whole words (after ``prefix``, before ``suffix``: "(?:-ever)?" lets "first" be found in
    "first-ever", which a hyphen otherwise keeps from being a whole word); a pattern that never matches for none."""
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or "(?!)"
    return re.compile(rf"(?<![\w-]){prefix}(?:{alternatives}){suffix}(?![\w-])", re.IGNORECASE)


_CLAUSE_BREAK = re.compile(r"[;:—–]|,(?!\d)")  # a comma inside a number ("800,000") ends no clause


_STAND_IN_DAY = date(2000, 1, 3)  # any day: the attachment rules read the words, not the calendar


def _within(spans, sentence: Sentence, ctx: Context) -> list:
    """The items of ``spans`` (a tuple of ``ctx``, sorted by start) that start inside ``sentence``."""
    starts = ctx.starts.get(id(spans))
    if starts is None:
        starts = ctx.starts[id(spans)] = [item.start for item in spans]
    return list(spans[bisect.bisect_left(starts, sentence.start) : bisect.bisect_left(starts, sentence.end)])


def _headline(draft: Draft) -> bool:
    """True for a mention in a line without a full stop at its end (a headline, a bullet of highlights), or in a
    short one that ends with an exclamation mark ("40 suspects held in dawn raid!"): a sentence of the body that
    reports the same happening is the better evidence."""
    text = draft.sentence.text.rstrip()
    return text[-1:] not in ".!?\"”’'" or (text[-1:] == "!" and len(text.split()) <= HEADLINE_WORDS)


HEADLINE_WORDS = 12  # an exclamation of at most this many words is a headline, not a sentence of the body


LEAD_CHARS = 600  # the lead: the article's first event within this many characters of the start of its text


def _lead_news(draft: Draft, ctx: Context, earlier: list[Draft]) -> bool:
    """Rule 3 for the article's news: its first event, in the lead, when neither its sentence nor any text
    before it names another day than the publication day (``event_dates.news_of_the_day``: not "said on
    Friday it had sent ...", not after "X spoke in Paris on Wednesday."; but "..., the governor said Sunday"
    published that Sunday, or "the largest since the two-year war" leave it the day's news), not reported as
    recent, under a stated publication date. News reports their lead happening on the day they appear; a day
    before it would be named."""
    article = ctx.article
    return (not earlier and draft.sentence.start < LEAD_CHARS and not draft.recent and day_stated(article)
            and event_dates.news_of_the_day(draft.sentence.text, draft.trigger,
                                            [t for t in ctx.timexes if t.start < draft.sentence.end],
                                            article.published, article.text, data_dir=ctx.settings.data_dir))
