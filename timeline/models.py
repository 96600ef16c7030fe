"""The records that flow through the pipeline, defined in one place.

articles -> temporal expressions -> actor mentions -> events -> merged timeline -> charts/exports

Every record is a small frozen dataclass. Offsets (``start``/``end``) always index
``Article.text`` (or the text handed to the tagger), so ``text[start:end]`` is the span.
Dates are ``datetime.date``; ``None`` means "not known", never "today".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

# Temporal expression types (TimeML TIMEX3).
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")

# How fine a resolved temporal expression is.
GRANULARITIES = ("day", "week", "month", "quarter", "year", "range", "vague", "time", "duration", "set")

# Event vocabulary; the trigger words for each live in data/events.yaml.
EVENT_TYPES = (
    "meeting",
    "call",
    "visit",
    "conference",
    "speech",
    "operation",
    "incident",
    "agreement",
    "humanitarian",
    "other",
)

# How an event was found (``Event.found_by``), with what the app's evidence panel and ``why`` say of it: "rule", a
# trigger rule of data/events.yaml; or a fallback of timeline/leads.py that guesses the happening from a sentence no
# rule reads: "lead cues" (the lead's broad cues name a type, ``leads.classify``), "lead verb" (the lead's past-tense
# verb, ``leads.by_verb``), "body" (a body sentence a learned model is sure reports a happening, ``leads.in_body``).
# A guess's confidence rises with a stated day or named sides, so a confidence cut-off does not tell it from a weak
# rule event; this does.
FOUND_BY = {
    "rule": "found by a trigger rule",
    "lead cues": "guessed from the article's lead, which no rule reads: its wording suggests the type",
    "lead verb": "guessed from the article's lead, which no rule reads: its past-tense verb tells what was done",
    "body": "guessed from a sentence no rule reads: a learned model is sure it reports a happening",
}
RULE = "rule"

# How exactly an event's day is known.
PRECISIONS = ("day", "month", "year", "range", "unknown")

ACTOR_KINDS = ("person", "organization", "country")


@dataclass(frozen=True)
class Timex:
    """One temporal expression found in a text and anchored to the calendar."""

    start: int
    end: int
    text: str
    type: str  # one of TIMEX_TYPES
    value: str  # TimeML TIMEX3 value: "2023-09-19", "2023-W38", "P3D", "PAST_REF", "XXXX-09-23"
    first_day: date | None = None  # calendar span it resolves to, inclusive
    last_day: date | None = None
    granularity: str = "vague"  # one of GRANULARITIES
    rule: str = ""  # name of the pattern that matched
    anchor: str = ""  # what a relative expression was resolved against, e.g. "document date 2023-09-20"

    def to_dict(self) -> dict[str, Any]:
        return _plain(asdict(self))


@dataclass(frozen=True)
class Article:
    """One article as read from disk or from a record, with its publication date."""

    id: str  # stable, from the content
    name: str  # the file name (plus "#n" for the n-th record of a JSON/CSV file)
    title: str
    text: str  # the body that offsets index, page furniture removed
    published: date | None = None
    published_basis: str = ""  # the words or rule that gave the date
    published_inferred: bool = False
    url: str = ""
    source: str = ""  # outlet
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()  # what the reader noticed: fallback encodings, dropped furniture...

    def to_dict(self) -> dict[str, Any]:
        return _plain(asdict(self))


@dataclass(frozen=True)
class Role:
    """An office an actor holds: "Minister of Foreign Affairs" of "azerbaijan", perhaps dated."""

    title: str
    affiliation: str = ""  # actor id of the country or organisation
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class Actor:
    """A person, organisation or country from the gazetteer (or discovered in a text)."""

    id: str
    name: str  # canonical display name
    kind: str  # one of ACTOR_KINDS
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    demonyms: tuple[str, ...] = ()  # "Turkish" for Türkiye
    discovered: bool = False  # True when introduced by a title in a text, not from the gazetteer
    surname: str = ""  # the family name when it is not the last word of the name ("Wang" of Wang Yi)

    @property
    def affiliations(self) -> tuple[str, ...]:
        """Actor ids this actor belongs to, in the order of its roles."""
        return tuple(dict.fromkeys(r.affiliation for r in self.roles if r.affiliation))


@dataclass(frozen=True)
class Mention:
    """A place in a text that refers to an actor."""

    start: int
    end: int
    text: str
    actor_id: str
    method: str  # exact, surname, fuzzy, demonym, office, title, metonym (a capital acting: "Moscow said")
    score: float = 1.0


@dataclass(frozen=True)
class Event:
    """One reported happening in one article."""

    id: str
    article: str  # Article.name
    article_id: str
    event_type: str  # one of EVENT_TYPES
    title: str  # short: "Macron meets Scholz"
    date: date | None
    date_end: date | None
    precision: str  # one of PRECISIONS
    date_basis: str  # the words and rule that anchored it
    actors: tuple[str, ...]  # canonical names
    actor_ids: tuple[str, ...]
    location: str | None
    evidence: str  # the sentence
    evidence_start: int
    evidence_end: int
    confidence: float
    trigger: str = ""
    date_window: tuple[date | None, date | None] | None = None  # bounds when the day is not known
    background: bool = False  # history the article retells, not its news (timeline/background.py)
    found_by: str = RULE  # one of FOUND_BY: a trigger rule, or the fallback that guessed it ("lead verb", "body", ...)

    @property
    def guessed(self) -> bool:
        """True for an event a fallback guessed, not found by a trigger rule."""
        return self.found_by != RULE

    def to_dict(self) -> dict[str, Any]:
        return _plain(asdict(self))


@dataclass(frozen=True)
class Source:
    """One article's report of a timeline event."""

    article: str
    article_id: str
    event_id: str
    evidence: str
    evidence_start: int
    evidence_end: int
    date_basis: str = ""


# Where timeline/merge.py's account of why several articles' reports are one event starts in the merged event's
# date basis ("...; told by 2 articles (the same type of event, ...)"); timeline/highlight.py splits it off there.
JOINED_BY = "told by "


@dataclass(frozen=True)
class TimelineEvent:
    """A happening on the timeline, merged across the articles that report it."""

    id: str
    event_type: str
    title: str
    date: date | None
    date_end: date | None
    precision: str
    date_basis: str
    actors: tuple[str, ...]
    actor_ids: tuple[str, ...]
    location: str | None
    confidence: float
    sources: tuple[Source, ...] = field(default_factory=tuple)
    date_window: tuple[date | None, date | None] | None = None
    background: bool = False  # every source tells it as history the article retells, not as news
    found_by: str = RULE  # "rule" when a trigger rule found any of its reports, else how its leading report was guessed

    @property
    def guessed(self) -> bool:
        """True when no trigger rule found any of its reports: every one is a fallback's guess."""
        return self.found_by != RULE

    def to_dict(self) -> dict[str, Any]:
        return _plain(asdict(self))


def _plain(value: Any) -> Any:
    """Turn dates into ISO strings and tuples into lists, recursively, for JSON."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Rejected:
    """An input that could not be used, and why. Every input is either parsed or rejected."""

    name: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ParsedArticle:
    """Everything the pipeline learned from one article; the unit that is cached by content hash."""

    article: Article
    timexes: tuple[Timex, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = ()  # actors discovered in this article (not in the gazetteer)


@dataclass(frozen=True)
class Corpus:
    """The result of parsing a set of inputs: per-article results, the merged timeline, the rejects."""

    parsed: tuple[ParsedArticle, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    rejected: tuple[Rejected, ...] = ()

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(p.article for p in self.parsed)

    @property
    def events(self) -> tuple[Event, ...]:
        return tuple(e for p in self.parsed for e in p.events)
