"""`python -m timeline why FILE "words of a sentence" [--published D]`: why a sentence gives the events it gives, or none.
Without the words: the article's events, each with the sentence it was read from, to choose one from.

For someone who annotates their own corpus and finds an event missed: the article is parsed by the pipeline itself
(``pipeline.parse_article``) while the checks of ``timeline.events`` are watched, and for the sentence closest to the
given words it prints each stage: whether it is the lead; the trigger rules of data/events.yaml that match and the cue
that drops each one not kept (its list's name, ``triggers.unreal_cue``); the triggers kept and those a check of the
sentence set aside; for each mention, every check it met and its answer, and what became of it (an event, joined to an
earlier one, dropped); and the events whose evidence is the sentence.
"""

from __future__ import annotations

import argparse
import re
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from .. import events as stage
from .. import leads
from .. import pipeline
from ..actors.gazetteer import load_gazetteer
from ..articles import iter_inputs
from ..errors import TimelineError
from ..models import FOUND_BY, Article
from ..prefilter import fold, spans_of
from ..sentences import Sentence, split
from ..settings import DEFAULT_SETTINGS
from ..triggers import compact, find_triggers, unreal_cue, vocabulary
from ..triggers import _opening_mark, _rule_spans  # the rule matches find_triggers starts from
from .timex import _iso_date

NAME = "why"
HELP = "Show why a sentence of an article gives the events it gives, or none: each stage and check it meets."

# The checks of timeline.events a mention meets, in the order they are asked, and what a True answer means.
CHECKS = {
    "_talks_outcome": "what an encounter settled (it joins the encounter)",
    "_no_single_happening": "no single happening (a total, a toll, a count, an activity over a period)",
    "_part_of_an_operation": "part of an operation already told (an arrest)",
    "_welcome_of_a_visit": "the welcome of a visit already told",
    "_same_event": "told again: joins an earlier event",
    "_named_by_the_opener": "a part of the happening its opener names (\"During his visit, ...\"), told before as another type",
    "_reported_here": "reported here (a strong trigger, or one with a day of its own, outside a quotation)",
    "_quoted_statement": "a statement quoted (no first or second person in its quoted words)",
    "_sitting_told": "a sitting told as held, with no day of its own (its sides named after it, \"after meeting X\")",
    "_speech_told": "a speech its speaker's sentence opens with (\"During his address, X stressed\")",
    "_subject_presupposed": "a happening its sentence takes as known (\"The attack on the post was claimed by ...\")",
    "_has_required_actors": "names the side its type needs (a visit: a person)",
    "_described": "describes rather than reports (a caption, a state in a relative clause, a series)",
}
# The checks of a sentence's triggers: each keeps some of them.
FILTERS = {
    "_outside_names": "inside the name of an organisation",
    "_without_plight": "a hazard named as the plight of the people the news is for",
    "_without_framed": "framed by another trigger of the sentence",
    "_main_triggers": "one trigger per type, and one encounter per sentence",
    "_without_targets": "the target of an attack, not a happening",
}


@dataclass(frozen=True)
class Seen:
    """A mention as its own sentence told it, before any later mention joined it: a draft of ``timeline.events`` is
    changed in place when a better-dated mention joins it (its trigger, day, sentence and sides), so what ``why``
    shows of a mention is taken when the mention is made."""

    event_type: str
    trigger: str
    strength: str
    sides: tuple[str, ...]
    day: str  # the words of its own day, "" for none
    sentence: Sentence

    @classmethod
    def of(cls, draft) -> "Seen":
        day = draft.timex.text if draft.timex else f"{draft.unplaced.text} (not placed)" if draft.unplaced else ""
        return cls(draft.event_type, draft.trigger.text, draft.trigger.strength, tuple(draft.actor_ids), day,
                   draft.sentence)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the article (.txt .md .html .json ...; the first one it holds, or FILE#N: its record N)")
    parser.add_argument("words", metavar="WORDS", nargs="?", default="",
                        help="words of the sentence to explain (the closest sentence is taken); without them, the "
                             "article's events and the sentence each was read from")
    parser.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                        help="the article's publication date, when the file does not give it")


def run(args: argparse.Namespace) -> int:
    settings = DEFAULT_SETTINGS
    article = _article(args.file, settings)
    if args.published is not None:
        article = replace(article, published=args.published, published_basis="given by the user (--published)")
    article = pipeline.dated(article, None, settings)
    notes: list[tuple] = []
    with _watching(notes):
        parsed = pipeline.parse_article(article, load_gazetteer(settings), settings)
    if not args.words.strip():
        print(_published_line(article))
        for line in overview(parsed.events, args.file):
            print(line)
        return 0
    sentence = _closest(split(article.text, settings.data_dir), args.words)
    if sentence is None:
        raise TimelineError("no sentence of the article shares a word with WORDS")
    print(_published_line(article))
    for line in explain(sentence, notes, parsed.events, settings.data_dir, parsed.mentions):
        print(line)
    return 0


def overview(events, file: str) -> list[str]:
    """The article's events, each with its day and the sentence it was read from, then how to ask about one
    (a first `why FILE` ended in argparse's "the following arguments are required: WORDS")."""
    lines = [f'{event.event_type} {event.date or "no day"} {event.title!r}: "{_short(event.evidence, 90)}"'
             for event in events]
    return (lines or ["no event"]) + [f'to see each stage a sentence meets: why {file} "some words of the sentence"']


def explain(sentence: Sentence, notes: list, events, data_dir: Path, mentions=()) -> list[str]:
    """The lines that tell what each stage did with ``sentence`` (``notes``: what the watched checks answered, as
    (the sentence's start or text, kind, detail); ``mentions``: the article's actor mentions, which say by which words
    of the sentence each side was named)."""
    mine = [detail for key, kind, detail in notes if key in (sentence.start, sentence.text)]
    kinds = [kind for key, kind, _ in notes if key in (sentence.start, sentence.text)]
    lines = [f'sentence: "{sentence.text}"']
    lines += _trigger_lines(sentence.text, vocabulary(data_dir))
    if "lead" in kinds:
        guessed = mine[kinds.index("lead")]
        made = "its broad cues (data/leads.yaml)" if leads.classify(sentence.text, data_dir) is not None else \
            "no cue named a type; its past-tense verb after a named subject (data/leads.yaml by_verb)"
        lines.append("the article's lead" + (
            f"; {made} made an event of type {guessed[0].event_type} from {guessed[0].trigger.text!r}"
            if guessed else "; its broad cues (data/leads.yaml) found no happening"
            if not any(line.startswith("trigger") for line in lines) else ""))
    if "body" in kinds:
        lines += _body_lines(mine[kinds.index("body")], data_dir)
    lines += [f"  set aside by {detail[0]} ({FILTERS[detail[0]]}): {t.event_type} {t.text!r}"
              for kind, detail in zip(kinds, mine) if kind == "filter" for t in detail[1]]
    kept = set().union(*(detail for _, kind, detail in notes if kind == "kept"))
    seen = _first_seen(notes)
    for draft in (detail for kind, detail in zip(kinds, mine) if kind == "draft"):
        block = _mention_lines(draft, [d for k, d in zip(kinds, mine) if k == "check" and d[1] is draft], kept, seen)
        lines += block[:1] + _named_by_lines(seen.get(id(draft)) or Seen.of(draft), mentions) + block[1:]
    return lines + _event_lines(sentence, notes, events, seen, mentions)


def _event_lines(sentence: Sentence, notes: list, events, seen: dict, mentions=()) -> list[str]:
    """The events whose evidence is ``sentence``, and those a mention of it joined, each with what anchored it and
    from which sentence: the mentions told of it (its evidence's and those that joined it) with the sides and the
    day each named, the sentence its day was read from, and the sides no mention named (added after reading)."""
    made = {detail[1].id: detail[0] for _, kind, detail in notes if kind == "event"}  # event id -> draft id
    joins = [detail for _, kind, detail in notes if kind == "join"]  # (the kept draft's id, the mention that joined)
    joined = {kept for kept, new in joins if new.sentence.start == sentence.start}
    lines = []
    for event in events:
        own = event.evidence_start == sentence.start
        draft_id = made.get(event.id)
        first = draft_id in seen and seen[draft_id].sentence.start == sentence.start  # its mention, moved on
        if not own and draft_id not in joined and not first:
            continue
        lines.append(("event: " if own else f'became the event told in "{_short(event.evidence)}": ' if first
                      else f'joined the event told in "{_short(event.evidence)}": ')
                     + f"{event.event_type} {event.date or 'no day'} {list(event.actors)} {event.title!r}"
                     + (" (background: hidden by default)" if event.background else ""))
        lines.append(f"  how it was found: {FOUND_BY.get(event.found_by, event.found_by)} ({event.found_by})")
        if draft_id is not None:
            told = [seen[draft_id]] if draft_id in seen else []
            lines += _anchor_lines(event, told + [new for kept, new in joins if kept == draft_id], sentence,
                                   next((d for _, kind, d in notes if kind == "dated" and d[0] == draft_id), None),
                                   mentions)
    return lines or ["no event has it as evidence"]


def _named_by_lines(own: Seen, mentions) -> list[str]:
    """How the sentence named each side of its mention that its words do not name outright: by a word that refers
    back to a name before ("she", "the minister": the continuation of an earlier sentence), or by no word of it (a
    host country, the article's country, a title's holder)."""
    start, end = own.sentence.start, own.sentence.end
    lines = []
    for side in own.sides:
        words = [m for m in mentions if m.actor_id == side and start <= m.start and m.end <= end]
        if not words:
            lines.append(f"  side {side}: named by no word of this sentence (a host, the article's country, a title)")
        elif all(m.method == "pronoun" for m in words):
            lines.append(f"  side {side}: named here as {words[0].text!r}, which refers back to a name before")
    return lines


def _anchor_lines(event, told: list[Seen], sentence: Sentence, dated: tuple | None, mentions=()) -> list[str]:
    """Which mention (of which sentence) gave ``event`` its sides and its day (``dated``: the draft's day and sentence
    when the event was made); the sides no mention of it had, and whether a word of its sentences names them."""
    names = dict(zip(event.actor_ids, event.actors))
    where = lambda s: "this sentence" if s.start == sentence.start else f'"{_short(s.text)}"'
    lines = [f"  told in {where(one.sentence)}: {one.event_type} {one.trigger!r}, sides "
             f"{', '.join(names.get(i, i) for i in one.sides) or 'none'}, own day {one.day or 'none'}"
             for one in told] if len(told) > 1 or told and told[0].sentence.start != event.evidence_start else []
    if dated is not None and dated[1] is not None and (dated[2].start != event.evidence_start or lines):
        lines.append(f"  its day read from {dated[1]!r} in {where(dated[2])}")
    elif dated is not None and dated[1] is None and event.date is not None:
        lines.append(f"  its day, named by no date of its own: {event.date_basis}")
    named = {i for one in told for i in one.sides}
    spans = [(one.sentence.start, one.sentence.end) for one in told]
    worded = {m.actor_id for m in mentions if any(start <= m.start and m.end <= end for start, end in spans)}
    added = [i for i in event.actor_ids if i not in named]
    if added and told:
        said = [f"{names[i]} ({'a name in its sentence' if i in worded else 'no word of its sentences'})" for i in added]
        lines.append(f"  sides added after reading its mentions (a place, a host, the article's country, a title): "
                     f"{', '.join(said)}")
    return lines


def _body_lines(note: tuple, data_dir: Path) -> list[str]:
    """What the body fallback (``events._guess_body``: data/leads.yaml ``body``) did with a sentence no trigger rule
    reads: the event it made, or why it made none (``note``: the drafts it added, or the reason it added none)."""
    made, reason = note
    said = "a body sentence no trigger rule reads; "
    if made:
        reach = leads.rules(data_dir).raw["body"]["max_days_before"]
        when = f"at most {reach} days before the page's" if reach is not None else "not after the page's"
        return [said + f"its past-tense verb after a named subject, on a day of its own {when} (data/leads.yaml body), "
                f"made an event of type {made[0].event_type} from {made[0].trigger.text!r}"]
    return [said + f"the body fallback made none ({reason})"] if reason else []


def _trigger_lines(text: str, vocab) -> list[str]:
    """The rules that match, the cue that drops each match not kept, and the triggers kept."""
    folded = fold(text)
    spans = _rule_spans(text, vocab, folded)
    short = compact(text, vocab, folded)
    if short is not None:  # a match across words find_triggers does without ("met on Monday with")
        words, origin = short
        spans += [(rule, _opening_mark(text, origin, start), origin[end - 1] + 1)
                  for rule, start, end in _rule_spans(words, vocab, fold(words))
                  if origin[end - 1] - origin[start] != end - 1 - start]
    if not spans:
        return ["no trigger rule of data/events.yaml matches"]
    kept = find_triggers(text, vocab)
    ignored = spans_of(vocab.ignore, *vocab.ignore_fast, text, folded if len(folded) == len(text) else None)
    lines = []
    for rule, start, end in sorted(set(spans), key=lambda span: (span[1], span[2])):
        words = f"{rule.event_type} {text[start:end]!r} ({rule.strength} {rule.form})"
        if any(t.start == start and t.end == end for t in kept):
            lines.append(f"trigger: {words}")
        elif any(start < stop and begin < end for begin, stop in ignored):
            lines.append(f"  dropped: {words}: in words data/events.yaml ignore lists")
        elif (cue := unreal_cue(text, start, end, vocab)) is not None:
            lines.append(f"  dropped: {words}: not reported as happened (data/events.yaml {cue})")
        else:
            lines.append(f"  dropped: {words}: inside a longer trigger")
    return lines


def _mention_lines(draft, checks: list, kept: set, seen: dict) -> list[str]:
    """A mention as its sentence told it (``seen``: the mentions as made, by draft), each check and its answer, and
    what became of it; a mention it joined is named by the sentence that first told it."""
    own = seen.get(id(draft)) or Seen.of(draft)
    lines = [f"mention: {own.event_type} {own.trigger!r} ({own.strength}), "
             f"sides {', '.join(own.sides) or 'none'}, own day {own.day or 'none'}"]
    joined = None
    for name, _, answer in checks:
        if name in ("_same_event", "_named_by_the_opener"):
            joined = joined or answer
            first = seen.get(id(answer)) or Seen.of(answer) if answer is not None else None
            said = f'yes, the {first.event_type} of "{_short(first.sentence.text)}"' if first is not None else "no"
        else:
            said = "yes" if answer else "no"
        lines.append(f"  {CHECKS[name]}: {said}")
    lines.append("  => " + ("an event" if id(draft) in kept else "joined an earlier event" if joined else "no event"))
    return lines


def _first_seen(notes: list) -> dict:
    """Each draft's mention as it was made (by the draft's id): from the notes of ``_watching``."""
    seen: dict = {}
    for _, kind, detail in notes:
        if kind == "seen":
            seen.setdefault(detail[0], detail[1])
    return seen


@contextmanager
def _watching(notes: list):
    """While the block runs, note what the checks of ``timeline.events`` answer, as (the sentence's start, or its
    text for the checks that get only the text, kind, detail); the module is as it was afterwards."""
    body_fallback = ("_guess_body",) if hasattr(stage, "_guess_body") else ()  # the body fallback, when there is one
    sidelines = ("_with_sideline_gathering",) if hasattr(stage, "_with_sideline_gathering") else ()
    watched_too = ("_draft", "_guess_lead", "_arrivals_at_the_venue", "_join", "_event", *sidelines, *body_fallback)
    saved = {name: getattr(stage, name) for name in (*CHECKS, *FILTERS, *watched_too)}

    def watched(name, note):
        def call(*args, **kwargs):
            answer = saved[name](*args, **kwargs)
            note(args, answer)
            return answer
        return call

    def seen(draft) -> None:  # a mention as it was made, before a later one joins it
        notes.append((None, "seen", (id(draft), Seen.of(draft))))

    def guess(lead, drafts, ctx):  # the lead's cues: the drafts the guess added
        before = list(drafts)
        saved["_guess_lead"](lead, drafts, ctx)
        added = [d for d in drafts if not any(d is b for b in before)]
        notes.append((lead.start, "lead", added))
        for draft in added:
            seen(draft)

    def join(kept, new, *args, **kwargs):  # a further mention folded into an earlier one
        seen(kept)
        notes.append((None, "join", (id(kept), Seen.of(new))))
        return saved["_join"](kept, new, *args, **kwargs)

    def event(draft, ctx):  # the event a draft became, with the day and sentence it ended with
        made = saved["_event"](draft, ctx)
        notes.append((None, "event", (id(draft), made)))
        notes.append((None, "dated", (id(draft), draft.timex.text if draft.timex else None, draft.sentence)))
        return made

    def body(sentence, drafts, ctx):  # the body fallback: the drafts it added, or why it added none
        before = list(drafts)
        saved["_guess_body"](sentence, drafts, ctx)
        made = [d for d in drafts if not any(d is b for b in before)]
        for draft in made:
            seen(draft)
        if made or not stage._triggers_of(sentence.text, ctx):
            notes.append((sentence.start, "body", (made, None if made else _body_refusal(sentence, ctx))))

    def key(sentence) -> object:
        return sentence.start if isinstance(sentence, Sentence) else sentence

    for name in CHECKS:
        setattr(stage, name, watched(name, lambda args, answer, name=name: notes.append(
            (args[0].sentence.start, "check", (name, args[0], answer)))))
    for name in FILTERS:
        setattr(stage, name, watched(name, lambda args, answer, name=name: notes.append(
            (key(args[1]), "filter", (name, [t for t in args[0] if not any(t is o for o in answer)])))))
    stage._draft = watched("_draft", lambda args, answer: (notes.append((args[0].start, "draft", answer)), seen(answer)))
    stage._join, stage._event = join, event
    stage._arrivals_at_the_venue = watched("_arrivals_at_the_venue", lambda args, answer: notes.append(
        (None, "kept", {id(d) for d in answer})))
    if sidelines:  # the gathering a lead meeting was held on the sidelines of: an event of its own
        stage._with_sideline_gathering = watched("_with_sideline_gathering", lambda args, answer: notes.append(
            (None, "kept", {id(d) for d in answer})))
    stage._guess_lead = guess
    if "_guess_body" in saved:
        stage._guess_body = body
    try:
        yield
    finally:
        for name, original in saved.items():
            setattr(stage, name, original)


def _body_refusal(sentence: Sentence, ctx) -> str:
    """Why the body fallback made no event of a sentence no trigger rule reads: the steps of ``events._guess_body``."""
    data_dir = ctx.settings.data_dir
    days = [(t.first_day, t.granularity) for t in stage._within(ctx.timexes, sentence, ctx)]
    if not leads.own_day(days, ctx.article.published, data_dir):
        reach = leads.rules(data_dir).raw["body"]["max_days_before"]
        return "no day of its own that may date news (a month, a year or none; or a day after the page's" \
            + (f" or over {reach} days before it)" if reach is not None else ")")
    if leads.in_body(sentence.text, data_dir, page=ctx.article.text, start=sentence.start) is None:
        return "no past verb after a named subject, or a quotation, statement, detail or caption" \
            if leads._body_verb(sentence.text, data_dir) is None \
            else "the learned model not sure it reports a happening, or of its type"
    return "its mention names no side its type needs, or tells an earlier event again"


def _published_line(article: Article) -> str:
    """The day the article's weekdays and "yesterday" count from, and how it was found; a file read alone has no
    folder to infer one from, which is why ``parse`` of its folder can date events that ``why`` leaves undated."""
    if article.published is None:
        return ("published: unknown (none stated, none inferred from this file alone, where `parse` of a folder "
                "also reads the others; give --published)")
    return f"published: {article.published.isoformat()} ({article.published_basis or 'as given'})"


def _article(name: str, settings) -> Article:
    """The article of FILE, or of record N of a records file named as the parse command names it ("FILE#N")."""
    path, record = Path(name), ""
    if not path.exists() and "#" in name and Path(name.rpartition("#")[0]).is_file():
        path, record = Path(name.rpartition("#")[0]), name.rpartition("#")[2]
    if path.is_dir():
        raise TimelineError(f"{name} is a folder: give one article file")
    if not path.is_file():
        raise TimelineError(f"no such file: {name}")
    for item in iter_inputs([path], settings):
        if record and item.name != f"{path.name}#{record}":
            continue
        if isinstance(item, Article):
            return item
        raise TimelineError(f"{name}: {item.reason}")
    raise TimelineError(f"{name}: no article in it" if not record else f"{name}: the file has no record {record}")


def _closest(sentences: list[Sentence], words: str) -> Sentence | None:
    wanted = set(re.findall(r"\w+", words.casefold()))
    scored = [(len(wanted & set(re.findall(r"\w+", s.text.casefold()))), -len(s.text), s) for s in sentences]
    best = max(scored, key=lambda item: item[:2], default=None)
    return best[2] if best and best[0] else None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "..."
