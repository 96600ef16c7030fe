"""Per-article event extraction: one ``Event`` per reported happening.

Reads: an ``Article`` with its ``Timex`` records and actor ``Mention`` records (offsets into ``Article.text``),
the actors those mentions refer to, and the vocabulary of data/events.yaml.
Adds: ``Event`` records. Repeated mentions of a happening collapse into one event; sentences that continue
an event ("During the meeting, ...") add detail to it, not new events. Dates follow this preference:
1. the event's own temporal expression; 2. the date of the dated event that its sentence continues;
3. the publication date, for reports such as "a meeting was held" or "has addressed", and for the
article's lead news when its sentence names no day; 4. no day, with a window where one can be bounded. ``date_basis`` always says which words and rule gave the date.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from . import event_actors, event_dates, leads
from .event_drafts import (_CLAUSE_BREAK, _STAND_IN_DAY, LEAD_CHARS, Context, Draft, _headline, _lead_news,
                           _triggers_of, _within, _words_pattern)
from .event_joins import (SUBJECT_WORDS, _anaphoric, _dates_agree, _doers_apart, _document_kind, _names_the_gathering,
                          _same_event, _sequel, _subject_of, _worded_time, dated_parts, sequel_opening_end, sides_of_part)
from .event_joins import actors_agree  # noqa: F401  (timeline.merge reads it from here)
from .event_shapes import _caption, _described, _no_single_happening
from .models import RULE, Actor, Article, Event, Timex
from .resources import load
from .reading.inference import day_stated, publication_ceiling, publication_floor
from .sentences import Sentence, split
from .settings import DEFAULT_SETTINGS, Settings
from .triggers import (Trigger, Vocabulary, continued_type, is_reported, mentions_recent, published_today,
                       vocabulary)


def extract(article: Article, timexes, mentions, actors: Mapping[str, Actor],
            affiliations: Callable[[str], tuple[str, ...]] | None = None,
            settings: Settings = DEFAULT_SETTINGS) -> tuple[Event, ...]:
    """The events ``article`` reports, in text order."""
    timexes = [t for t in timexes if not _in_dateline(t, article.text)]
    timexes = event_dates.in_year_named_before(sorted(timexes, key=lambda t: t.start), article.text,
                                               vocabulary(settings.data_dir))
    ctx = Context(article, tuple(timexes),
                  tuple(sorted((m for m in mentions if m.actor_id in actors), key=lambda m: m.start)), actors,
                  affiliations or (lambda actor_id: actors[actor_id].affiliations if actor_id in actors else ()),
                  vocabulary(settings.data_dir), settings)
    drafts: list[Draft] = []
    sentences = split(article.text, settings.data_dir)
    lead = leads.lead_sentence(sentences, settings.data_dir, article.text)
    ctx.memo["lead_end"] = lead.end if lead is not None else None
    for at, sentence in enumerate(sentences):
        _read_sentence(sentence, drafts, ctx)
        if sentence is lead:
            _guess_lead(sentence, drafts, ctx)
            for draft in drafts:
                draft.lead = draft.lead or draft.sentence is lead  # a headline's event the lead reports again too
        elif not ctx.used.get(sentence.start):
            # a sentence that says who else was at the happening just told reports none of its own: no body guess
            if not _attendees_join(sentence, sentences, at, drafts, ctx) and lead is not None \
                    and sentence.start > lead.start:
                if not any(d.lead for d in drafts) and at and sentences[at - 1] is lead:
                    _guess_lead(sentence, drafts, ctx)  # a lead that reports nothing: the next sentence tells the news
                else:
                    _guess_body(sentence, drafts, ctx)
    drafts = _with_sideline_gathering(_arrivals_at_the_venue(drafts, ctx), sentences, lead, ctx)
    _name_by_title(drafts, ctx)
    for draft in drafts:  # a happening that names no side: where it happened, or the article's country
        draft.actor_ids = event_actors.unnamed_sides(draft.event_type, draft.actor_ids, draft.sentence, draft.trigger,
                                                     list(ctx.mentions), ctx.actors, ctx.affiliations, ctx.vocab,
                                                     ctx.settings.data_dir, text=ctx.article.text)
    for at, draft in enumerate(drafts):
        _resolve(draft, ctx, drafts[:at])
    _timed_against_later(drafts)
    return tuple(_event(draft, ctx) for draft in drafts)


_DATELINE_END = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?(?:/|:|-|–|—|\|)")  # one \s* per gap: linear on spaces


def _in_dateline(timex: Timex, text: str) -> bool:
    """True for the date of a dateline left at the head of the text or of its first paragraph after a
    headline ("TBILISI, 22 March 2024 / outlet /"): it dates the article, not a happening."""
    if timex.start >= DATELINE_REACH:  # before slicing: a long text has many timexes
        return False
    line = text.rfind("\n", 0, timex.start) + 1
    head = text[line : timex.start]
    return len(head) < 60 and text[:line].count("\n") <= 3 and "," in head and bool(_DATELINE_END.match(text, timex.end))


DATELINE_REACH = 300  # a dateline opens the text or the paragraph after its headline, within these characters


def _read_sentence(sentence: Sentence, drafts: list[Draft], ctx: Context) -> None:
    triggers = _triggers_of(sentence.text, ctx)
    if triggers:  # most sentences report nothing: only continuations and reports are read from them
        triggers = _without_plight(_fresh_nouns(_outside_names(triggers, sentence, ctx), sentence.text, ctx.vocab),
                                   sentence.text, ctx)
    continues, named_type = continued_type(sentence.text, ctx.vocab)
    if not continues and event_dates.opens_same_day(sentence.text, ctx.settings.data_dir):
        continues, named_type = True, "any"  # "In the evening, ...": the day of the event just before
    if continues and named_type not in (None, "any") and not any(d.event_type == named_type for d in drafts):
        _retype_unspecific(drafts, named_type, ctx)  # "During the call, ..." after "X and Y discussed ..."
    target = _target(drafts, continues, named_type, ctx.vocab)
    ctx_subject = target if (target is not None and named_type is None) else None  # "The two leaders ..."
    if target and target.location is None and named_type != "any":
        target.location = event_actors.find_location(sentence.text, _name_spans(sentence, ctx), ctx.vocab)
    if triggers:
        _name_the_encounter(sentence.text, triggers, drafts, ctx)
    triggers = _without_framed(triggers, sentence.text, ctx) if len(triggers) > 1 else triggers
    clause = _counted_clause(sentence.text, triggers, ctx) if len(triggers) > 1 else None
    apart = [t for t in triggers if _own_happening(t, clause, sentence.text)] if clause else []
    main = _without_targets(_main_triggers(triggers, sentence.text, ctx.vocab, apart), sentence.text, ctx.vocab) if triggers else []
    apart = [t for t in main if any(t is a for a in apart)]
    apart, clause = (apart, clause) if 0 < len(apart) < len(main) else ([], None)
    extras = _told_on_other_times(triggers, main, sentence, ctx) if clause is None and len(triggers) > len(main) > 0 else []
    by_subject = _done_by_other_subjects(triggers, [*main, *extras], sentence, ctx) \
        if clause is None and len(triggers) > len(main) + len(extras) > 0 else []
    extras += by_subject
    by_subject = [t for t in [*main, *extras] if any(t.event_type == b.event_type for b in by_subject)]
    main = sorted([*main, *extras], key=lambda t: t.start) if extras else main
    remarks = _remarks_day(sentence, ctx) if main else None
    _note_reports(sentence, ctx)
    queue: list[tuple[Trigger, tuple | None]] = [(t, None) for t in main]
    for trigger, part in queue:  # a part told on a day of its own is queued after the others (dated_parts)
        draft = _draft(sentence, trigger, target, ctx, crowded=len(main) > 1,
                       latest=_latest_before(drafts, sentence, trigger, ctx.settings.data_dir),
                       same_time=named_type == "any",
                       clause=clause and (*clause, any(trigger is a for a in apart)))
        if any(trigger is t for t in extras):  # told at a time of its own words, placed in the calendar or not
            draft.timex, draft.unplaced = _own_time_of_the_extra(draft, ctx)
        draft.remarks_day = remarks if draft.timex is None else None
        if ctx_subject is not None and ctx.vocab.types[draft.event_type]["family"] == "encounter":
            draft.actor_ids = list(dict.fromkeys([*ctx_subject.actor_ids, *draft.actor_ids]))
        if not draft.actor_ids and draft.continued and ctx.vocab.types[draft.event_type].get("continued_actors"):
            draft.actor_ids = list(draft.continued.actor_ids)  # "After the talks, the two ministers signed ..."
        side = [t for t in main if (t in apart) == (trigger in apart)] if clause else main
        draft.actor_ids = _before_the_next_verb(draft, side, ctx) if len(side) > 1 else draft.actor_ids
        draft.actor_ids = _sides_of_the_sitting(draft, side, ctx) if len(side) > 1 else draft.actor_ids
        draft.actor_ids = _with_referred_people(draft, drafts, ctx)
        if any(trigger is t for t in by_subject):
            draft.actor_ids = _sides_by_subject(draft, sorted(by_subject, key=lambda t: t.start), ctx)
        if clause:
            draft.apart = any(trigger is a for a in apart)
            draft.actor_ids = _sides_by_clause(draft, clause, ctx)
            draft.timex = None if _day_of_the_sentence(draft, clause, ctx) else draft.timex
        parts = dated_parts(draft, triggers, ctx) if part is None else part[1]
        queue += [(trigger, (p, parts)) for p in parts[1:]] if part is None else []
        part = (parts[0], parts) if parts and part is None else part
        if part is not None:  # "held rallies in A on 4 June and in B on 5 June": this part's day and sides
            draft.actor_ids = sides_of_part(draft, part[0], parts, ctx)
            draft.timex = part[0][0]
        if _talks_outcome(draft, ctx) or (drafts or sentence.start >= LEAD_CHARS) and _no_single_happening(draft, ctx):
            ctx.used.setdefault(sentence.start, []).append(trigger)
            continue
        if _part_of_an_operation(draft, drafts, main, ctx) or _welcome_of_a_visit(draft, drafts, main, ctx) \
                or _met_on_a_visit(draft, main, ctx):
            ctx.used.setdefault(sentence.start, []).append(trigger)
            continue
        draft.event_type = _arrest_alone(draft, ctx) or draft.event_type
        same = _same_event(draft, drafts, target, ctx) or _named_by_the_opener(draft, drafts, named_type)
        told, sided = False, False
        if same and same.lead and leads.only_dates(sentence.text, trigger.start, ctx.settings.data_dir):
            _date_the_lead(same, draft)
        elif same:
            _join(same, draft, keep_evidence=_names_the_lead_news(same, draft, drafts, ctx), actors=ctx.actors,
                  published=ctx.article.published, told_only=_caption(sentence, ctx) or _gathering_detail(same, draft, ctx))
            if event_actors.names_participants(sentence.text, trigger, ctx.settings.data_dir):
                same.actor_ids = list(dict.fromkeys([*same.actor_ids, *draft.actor_ids]))  # "... brought together X"
            elif event_actors.names_attendees(sentence.text, ctx.settings.data_dir):
                _with_company(same, draft, ctx)  # "X was accompanied on the tour by A and B"
        elif (told := _reported_here(draft) or _quoted_statement(draft, ctx) or _sitting_told(draft)
              or _speech_told(draft) or _subject_presupposed(draft, drafts)) \
                and (sided := _has_required_actors(draft, ctx)) \
                and not _described(draft, ctx) and not _other_story(sentence, ctx):
            drafts.append(draft)
        else:
            if told and not sided and trigger.strength == "strong":  # a happening with no side: the lead fallback's type
                ctx.memo.setdefault(("unsided", sentence.start), []).append(trigger)
            continue
        ctx.used.setdefault(sentence.start, []).append(trigger)


def _named_by_the_opener(draft: Draft, drafts: list[Draft], named_type: str | None) -> Draft | None:
    """The latest earlier event that shares a side with ``draft`` when its sentence opens by naming a happening of
    ``draft``'s own type that the article has told under no event of that type ("During his visit, the mayor toured
    the wards" after "The mayor opened a new clinic at the hospital"): the opener names the happening told before in
    other words, and what the sentence tells is a part of it, not a visit of its own."""
    if named_type != draft.event_type or not draft.actor_ids or any(d.event_type == named_type for d in drafts):
        return None
    return next((d for d in reversed(drafts) if set(draft.actor_ids) & set(d.actor_ids) and _dates_agree(d, draft)), None)


def _other_story(sentence: Sentence, ctx: Context) -> bool:
    """True for a short line of its own below the article's lead that ends with no end mark, worded as a headline
    ("Mine blast kills 18 in the north", "Minister upbeat on recovery from the storm"): the title of another story
    the page links to, or a subhead; a happening it names that no sentence of the article reported makes no event.
    A long line, or the text's last, is a sentence the page cut short, and one the next line goes on from in lower
    case a line of text wrapped at a fixed width ("The premier also met the envoy on Tuesday" / "afternoon, ...")."""
    lead_end, text = ctx.memo.get("lead_end"), ctx.article.text
    if lead_end is None or sentence.start < lead_end or len(sentence.text.split()) > OTHER_STORY_WORDS:
        return False
    alone = text[sentence.start - 1 : sentence.start] in ("\n", "") and text[sentence.end : sentence.end + 1] in ("\n", "")
    after = text[sentence.end : sentence.end + 200].lstrip()
    return alone and after != "" and not after[:1].islower() and sentence.text.rstrip()[-1:] not in ".!?\"”’'…:;,"


OTHER_STORY_WORDS = 16  # a line without an end mark of more words is a sentence cut short, not a headline


def _latest_before(drafts: list[Draft], sentence: Sentence, trigger: Trigger, data_dir: Path) -> Draft | None:
    """The happening told last before ``trigger``, which "later", "also" go on from; not one told in an aside of
    the trigger's own sentence between commas before it ("X, who is on a visit to Y, also held talks with Z": the
    talks go on from what was told before the sentence, not from the visit of its aside), nor one remembered in
    another sentence ("The sides recalled their meeting in May.": ``event_dates.recalled``)."""
    for draft in reversed(drafts):
        if draft.sentence.start != sentence.start and event_dates.recalled(draft.sentence.text, draft.trigger, data_dir):
            continue
        if draft.sentence.start != sentence.start or not _in_aside(sentence.text, draft.trigger, trigger):
            return draft
    return None


def _in_aside(text: str, inner: Trigger, trigger: Trigger) -> bool:
    """True when ``inner`` stands in a parenthesis between two commas before ``trigger`` that opens with a relative
    pronoun or a preposition ("X, who is visiting Y, met ...", "X, on a two-day visit to Y, met ..."); not in a
    clause of its own ("arrived on Monday, met the president, and later signed ...")."""
    opening = text.rfind(",", 0, inner.start)
    return opening > 0 and inner.end <= trigger.start and text.count(",", inner.end, trigger.start) == 1 \
        and bool(_ASIDE_OPENER.match(text, opening + 1))


_ASIDE_OPENER = re.compile(r"\s*(?:who|which|whose|on|during|while|in|at|for)\b", re.IGNORECASE)


def _fresh_nouns(triggers: list[Trigger], sentence: str, vocab: Vocabulary) -> list[Trigger]:
    """The triggers, a weak noun right after one of data/events.yaml ``merge.fresh_before`` made strong: "In a second
    operation, troops ..." and "another raid" tell a further happening as news, where a bare "operation" refers back."""
    words = tuple(vocab.raw["merge"].get("fresh_before", ()))
    if not words:
        return triggers
    fresh = _words_pattern(words, suffix=r"\s+$")
    return [replace(t, strength="strong") if t.strength == "weak" and t.form == "noun"
            and fresh.search(sentence, max(0, t.start - 20), t.start) else t for t in triggers]


def _without_plight(triggers: list[Trigger], sentence: str, ctx: Context) -> list[Trigger]:
    """The triggers less a natural hazard named as the plight of the people the news is for or as what a response
    answers (data/same_happening.yaml ``plight``: "supplies for those affected by the earthquake", "the families of
    those who died in the floods", "flew in to review the cyclone situation"): it says whom or what the news is about,
    it reports no happening."""
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    plight = rules.get("plight") or {}
    if not any(t.event_type in plight.get("types", ()) for t in triggers):
        return triggers
    hazard, before, after = _plight_patterns(tuple(w for kind in rules.get("hazards", ()) for w in kind),
                                             _plight_key(plight))

    def named(t: Trigger) -> bool:
        found = hazard.search(t.text) if t.event_type in plight["types"] else None
        at = t.start + found.start() if found else 0
        return found is not None and (before.search(sentence[max(0, at - PLIGHT_CHARS) : at]) is not None
                                      or after.match(sentence, t.end) is not None)
    return [t for t in triggers if not named(t)]


PLIGHT_CHARS = 160  # characters before a hazard word that may name the plight ("those affected by ... the")


def _plight_key(plight: Mapping) -> tuple:
    return tuple(tuple(plight.get(key, ())) for key in ("sufferers", "by_verbs", "who_verbs", "openers", "after")) \
        + (int(plight.get("reach_words", 0)),)


@lru_cache(maxsize=4)
def _plight_patterns(hazards: tuple[str, ...], key: tuple) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The hazard word that ends a trigger; what names the plight right before it (up to ``reach_words`` words
    between); the words right after it that make it a state ("the flood situation")."""
    sufferers, by_verbs, who_verbs, openers, after, reach = key

    def alt(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)) or "(?!)"
    phrase = (rf"(?:{alt(sufferers)})\s+(?:\w+\s+)?(?:{alt(by_verbs)})\s+by"
              rf"|(?:{alt(sufferers)})\s+who\s+(?:{alt(who_verbs)})\s+(?:in|during|from|by|after)"
              rf"|(?:{alt(openers)})")
    return (re.compile(rf"(?<![\w-])(?:{alt(hazards)})$", re.IGNORECASE),
            re.compile(rf"(?<![\w-])(?:{phrase})\s+(?:[^\s.;,]+\s+){{0,{reach}}}$", re.IGNORECASE),
            re.compile(rf"\s+(?:{alt(after)})(?![\w-])", re.IGNORECASE))


def _arrivals_at_the_venue(drafts: list[Draft], ctx: Context) -> list[Draft]:
    """The drafts less an arrival at the venue of a gathering the article reports (data/same_happening.yaml
    ``venue_arrival``: "The motorcade arrived at the university shortly after noon for the talks") and a reception on
    arrival (``arrival_reception``: "received his guest at the airport") after a visit, each of which joins the event
    it is part of as a mention told: how a side came to it, not a visit or a meeting of its own. A reception on arrival
    with no visit to join is the visit."""
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    kept, reception = [], rules.get("arrival_reception") or {}
    for draft in drafts:
        part_of = _venue_arrival_of(draft, drafts, rules.get("venue_arrival") or {})
        received = part_of is None and _received_on_arrival(draft, reception)
        part_of = _visit_of(draft, drafts, reception["visit"]) if received else part_of
        if part_of is not None:
            _join(part_of, draft, told_only=True)
            continue
        if received:
            draft.event_type = reception["visit"]  # the guest's arrival: the visit itself
        kept.append(draft)
    return kept


def _with_sideline_gathering(drafts: list[Draft], sentences: list[Sentence], lead: Sentence | None,
                             ctx: Context) -> list[Draft]:
    """``drafts`` with the gathering on whose sidelines the article's lead meeting took place (data/same_happening.yaml
    ``sideline_*``: "X held talks with Y on the sidelines of the River States meeting"), right after that meeting:
    a conference of its own, dated as the meeting; unchanged when the article reports a conference already."""
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    types = tuple(rules.get("sideline_types", ()))
    news = next((d for d in drafts if d.lead and d.event_type in types), None) \
        or next((d for d in drafts[:1] if d.event_type in types), None)  # the article's first happening is its news
    if news is None or any(d.event_type == "conference" for d in drafts):
        return drafts
    told = [s for s in sentences if s is news.sentence or s.text in news.told or (news.lead and s is lead)]
    for sentence in told:
        span = sideline_gathering(sentence.text, rules, ctx.vocab)
        if span is not None:
            at = next(i for i, d in enumerate(drafts) if d is news)
            return [*drafts[: at + 1], _gathering_draft(sentence, span, news, ctx), *drafts[at + 1 :]]
    return drafts


def sideline_gathering(text: str, rules: Mapping, vocab: Vocabulary) -> tuple[int, int] | None:
    """The span of the gathering a venue opener names in ``text`` ("on the sidelines of the River States meeting in
    Velm": "the River States meeting"; data/same_happening.yaml ``sideline_*``), or None."""
    opener = _words_pattern(tuple(vocab.raw["grammar"].get("venue_openers", ()))).search(text)
    if opener is None:
        return None
    ends = _words_pattern(tuple(rules.get("sideline_phrase_ends", ())))
    start = opener.end() + len(text[opener.end() :]) - len(text[opener.end() :].lstrip())
    end = min([m.start() for m in (re.compile(r"[,;:.()\[\]\"“”—–]").search(text, start), ends.search(text, start)) if m]
              or [len(text)])
    phrase = text[start:end].rstrip()
    noun = _words_pattern(tuple(rules.get("sideline_nouns", ()))).search(phrase)
    if noun is None or len(phrase[: noun.start()].split()) >= rules.get("sideline_words", 0):
        return None
    unnamed = _words_pattern(tuple(rules.get("sideline_unnamed_nouns", ()))).fullmatch(noun.group()) is not None
    named = any(word[:1].isupper() for word in phrase.split())
    return (start, start + len(phrase)) if unnamed or named else None


def _gathering_draft(sentence: Sentence, span: tuple[int, int], news: Draft, ctx: Context) -> Draft:
    """The conference draft of the gathering at ``span`` of ``sentence``: dated as the meeting ``news`` held on its
    sidelines, with the countries and organisations its phrase names as sides."""
    trigger = Trigger("conference", span[0], span[1], sentence.text[span[0] : span[1]], "weak", "noun")
    draft = _draft(sentence, trigger, None, ctx)
    inside = [m for m in _within(ctx.mentions, sentence, ctx) if span[0] <= m.start - sentence.start < span[1]]
    draft.actor_ids = list(dict.fromkeys(m.actor_id for m in inside if ctx.actors[m.actor_id].kind != "person"))
    draft.timex, draft.unplaced, draft.timed, draft.continued, draft.follows = None, None, False, news, False
    draft.timed_against, draft.same_day, draft.today, draft.host = None, False, False, None
    return draft


def _venue_arrival_of(draft: Draft, drafts: list[Draft], rules: Mapping) -> Draft | None:
    """The gathering that ``draft``, an arrival at a venue (``venue_arrival``), is part of, or None."""
    if draft.event_type not in rules.get("types", ()) or draft.support > 1 \
            or not _words_pattern(tuple(rules.get("verbs", ())), suffix=r"$").search(draft.trigger.text):
        return None
    after = " ".join(draft.sentence.text[draft.trigger.end :].split()[: rules.get("reach_words", 0)])
    if not _words_pattern(tuple(rules.get("venues", ()))).search(after) \
            or _words_pattern(tuple(rules.get("elsewhere", ()))).search(after):
        return None
    return next((g for g in drafts if g.event_type in rules.get("joins", ()) and _dates_agree(g, draft)), None)


def _received_on_arrival(draft: Draft, rules: Mapping) -> bool:
    """True for a reception on arrival (``arrival_reception``: "received his guest at the airport")."""
    if draft.event_type not in rules.get("types", ()) or draft.support > 1 \
            or not _words_pattern(tuple(rules.get("verbs", ()))).search(draft.trigger.text):
        return False
    after = " ".join(draft.sentence.text[draft.trigger.end :].split()[: rules.get("reach_words", 0)])
    return _words_pattern(tuple(rules.get("words", ()))).search(after) is not None


def _visit_of(draft: Draft, drafts: list[Draft], visit: str) -> Draft | None:
    """The visit the article reports on a day that agrees with ``draft``'s and with a side in common, or None."""
    sides = set(draft.actor_ids)
    return next((g for g in drafts if g is not draft and g.event_type == visit and _dates_agree(g, draft)
                 and (not sides or not g.actor_ids or sides & set(g.actor_ids))), None)


def _quoted_statement(draft: Draft, ctx: Context) -> bool:
    """True for a strong mention inside a quotation whose quoted words speak of no one in the first or second person
    (data/same_happening.yaml ``speaker_words``): a statement that reports a happening ('"Forces conducted raids in three
    provinces," the ministry said'; '"The ministers signed the charter on behalf of their governments," the
    communique said'), not a speaker's own words ('"We met the president and he promised nothing," a farmer said')."""
    if draft.trigger.strength != "strong" or not _quoted(draft):
        return False
    text, at = draft.sentence.text, draft.trigger.start
    opening = max(text.rfind(mark, 0, at) for mark in '"“”')
    closing = min((i for i in (text.find(mark, draft.trigger.end) for mark in '"“”') if i >= 0), default=len(text))
    words = set(re.findall(r"[\w'’]+", text[opening + 1 : closing].lower().replace("’", "'")))
    return not words & set(load("same_happening.yaml", ctx.settings.data_dir).get("speaker_words", ()))


def _subject_presupposed(draft: Draft, drafts: list[Draft]) -> bool:
    """True for a weak noun that opens its sentence as a definite subject with its object or place after it, before a
    verb of being ("The visit to the agency is part of a tour that began on Monday", "The meeting with the envoy was the
    first since May"), when the article has told no happening of its type before: the sentence takes the happening as
    known, so it took place, though no sentence reported it. Outside a quotation only."""
    if draft.trigger.strength != "weak" or draft.trigger.form != "noun" or _quoted(draft) \
            or any(d.event_type == draft.event_type for d in drafts):
        return False
    text = draft.sentence.text
    return _PRESUPPOSED_HEAD.fullmatch(text, 0, draft.trigger.start) is not None \
        and _PRESUPPOSED_TAIL.match(text, draft.trigger.end) is not None


_PRESUPPOSED_HEAD = re.compile(r"\W*The\s+(?:[\w'’-]+\s+){0,2}")
_PRESUPPOSED_TAIL = re.compile(r"\s+(?:to|of|on|against|with|by|in|at)\s+[^,;]{1,80}?\s(?:is|was|were|are)\s+(?!expected|due|set|scheduled|planned|likely|to\b)")


def _talks_outcome(draft: Draft, ctx: Context) -> bool:
    """True for what an encounter settled ("Both ministers agreed to restore flights", "They also agreed on
    regular consultations"): an undated mention of a ``talks_outcome_types`` type by one of ``talks_outcome_verbs``
    (data/same_happening.yaml) in a sentence that continues a meeting, call or visit, naming no document ("agreed
    to a ceasefire" and "signed a plan" are agreements of their own)."""
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    verb = draft.trigger.text.split()[0].lower()
    if draft.event_type not in rules.get("talks_outcome_types", ()) or draft.timex is not None \
            or verb not in rules.get("talks_outcome_verbs", ()) or draft.continued is None:
        return False
    return ctx.vocab.types[draft.continued.event_type]["family"] == "encounter" \
        and _document_kind(draft.trigger.text, ctx.vocab) is None


def _part_of_an_operation(draft: Draft, drafts: list[Draft], main: list[Trigger], ctx: Context) -> bool:
    """True for an arrest (data/same_happening.yaml ``operation_parts``) that adds to the operation its sentence
    reports ("Police arrested three men in a search operation") or the latest one reported before it, on a day
    that agrees and not set apart as a further happening ("Police later arrested ..."): that operation takes its
    support and, when it has none, its day."""
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    parts, kind = rules.get("operation_parts") or {}, rules.get("operation_type")
    if draft.event_type not in parts.get("types", ()) or draft.trigger.label not in parts.get("labels", ()):
        return False
    if any(t.event_type == kind for t in main):
        return True
    operation = next((d for d in reversed(drafts) if d.event_type == kind), None)
    if operation is None or not _dates_agree(operation, draft) or _sequel(draft, ctx):
        return False
    _date_the_lead(operation, draft)
    operation.parts.append(draft.event_type)  # "Within hours of the arrest, ..." counts from the operation
    return True


def _arrest_alone(draft: Draft, ctx: Context) -> str | None:
    """The type of the operation (data/same_happening.yaml ``operation_type``) for an arrest (``operation_parts``)
    that no operation of the article takes in: the arrest is the police operation that made it ("Police arrested
    two men in the capital on Thursday"); None for any other mention."""
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    parts = rules.get("operation_parts") or {}
    if draft.event_type in parts.get("types", ()) and draft.trigger.label in parts.get("labels", ()):
        return rules.get("operation_type")
    return None


def _welcome_of_a_visit(draft: Draft, drafts: list[Draft], main: list[Trigger], ctx: Context) -> bool:
    """True for the ceremony that welcomes a visitor (data/same_happening.yaml ``welcome_parts``: "Ahead of the
    talks the host gave his visitor a formal welcome ceremony at the palace", "The guests were greeted with a
    welcoming ceremony on the tarmac"): part of the
    visit or talks that its sentence reports, or of the latest reported before it on a day that agrees, which
    takes its support."""
    rules = load("same_happening.yaml", ctx.settings.data_dir).get("welcome_parts") or {}
    if draft.event_type not in rules.get("types", ()) or draft.trigger.label not in rules.get("labels", ()):
        return False
    trigger, kinds = draft.trigger, rules.get("joins", ())
    if not _words_pattern(tuple(rules.get("words", ()))).search(draft.sentence.text, max(0, trigger.start - 40), trigger.end):
        return False
    if any(t.event_type in kinds for t in main):
        return True
    host = next((d for d in reversed(drafts) if d.event_type in kinds), None)
    if host is None or not _dates_agree(host, draft):
        return False
    host.support += 1
    return True


def _met_on_a_visit(draft: Draft, main: list[Trigger], ctx: Context) -> bool:
    """True for a meeting with people named by what they are, not by name, told after a visit in its sentence ("visited
    a camp, where she met displaced families"; data/same_happening.yaml ``visit_encounters``): part of the visit. Not
    after a visit told in a relative clause ("The envoy, who arrived on Tuesday, met the prime minister"): the meeting
    is that sentence's news."""
    rules = load("same_happening.yaml", ctx.settings.data_dir).get("visit_encounters") or {}
    trigger, text = draft.trigger, draft.sentence.text
    visit = next((t for t in main if t.event_type in rules.get("joins", ()) and t.end <= trigger.start), None)
    if draft.event_type not in rules.get("types", ()) or trigger.text.lower() not in rules.get("verbs", ()) \
            or visit is None or leads.in_relative_clause(text, visit.start) \
            or _words_pattern(tuple(rules.get("apart_words", ()))).search(text, visit.end, trigger.start):
        return False
    stop = _CLAUSE_BREAK.search(text, trigger.end)
    words = text[trigger.end : stop.start() if stop else len(text)].split()[: int(rules.get("words_after", 4))]
    return bool(words) and not any(w[:1].isupper() for w in words)


def _guess_lead(lead: Sentence, drafts: list[Draft], ctx: Context) -> None:
    """The lead states the article's news: when no trigger of it made an event (or each names a happening
    only as background, "... following an earthquake"), one event of the type its broad cues name
    (``timeline.leads.classify``), with a lower confidence; when no cue names a type and no trigger touched the
    lead, one of a lower confidence still from its past-tense verb (``timeline.leads.by_verb``); none when the
    lead reports no happening. A past-verb guess of a type whose side the lead does not name (a "visit" guessed from
    its nouns or the learned model, with no visitor) takes the catch-all type: its type was the guess, not the news."""
    used = ctx.used.get(lead.start, [])
    if any(not leads.in_background(lead.text, t.start, ctx.settings.data_dir) for t in used):
        return
    guess = leads.classify(lead.text, ctx.settings.data_dir)
    if guess is None and not used:  # no trigger touched the lead: its past verb may still tell the news
        guess = _unsided_as_other(_typed_without_ignored(leads.by_verb(
            lead.text, ctx.article.published is not None, ctx.settings.data_dir), lead, ctx), lead, ctx)
    if guess is None or any(t.event_type == guess.event_type for t in used):
        return
    draft = _guessed_draft(lead, guess, drafts, ctx)
    if guess.basis == "verb" and not _has_required_actors(draft, ctx):  # a club asked aboard a frigate: no visitor
        draft = _guessed_draft(lead, leads.as_catch_all(guess, lead.text, ctx.settings.data_dir), drafts, ctx)
    if _has_required_actors(draft, ctx):
        drafts[:] = [d for d in drafts if d.sentence is not lead or d.support > 1]  # background named only here
        drafts.append(draft)


def _typed_without_ignored(guess: leads.LeadGuess | None, sentence: Sentence, ctx: Context) -> leads.LeadGuess | None:
    """A past-verb guess (``leads.by_verb``) typed as if the words of data/events.yaml ``ignore`` were not there: they
    name no happening, so they say nothing of the type ("At its meeting on Tuesday, the council endorsed the plan" is
    no meeting); whether the sentence reports news at all is still read from all its words."""
    spans = [m.span() for m in ctx.vocab.ignore.finditer(sentence.text)] if guess is not None else []
    if not spans:
        return guess
    text = sentence.text
    for start, end in spans:  # blanked out at the same offsets
        text = text[:start] + " " * (end - start) + text[end:]
    return _retyped(guess, leads.by_verb(text, ctx.article.published is not None, ctx.settings.data_dir))


def _unsided_as_other(guess: leads.LeadGuess | None, sentence: Sentence, ctx: Context) -> leads.LeadGuess | None:
    """A past-verb guess (``leads.by_verb``) for a sentence whose strong trigger named a happening of another type but
    no side that type needs ("Governor Ana Velm carried out inspection visits to road sites on Thursday": a visit
    whose visitor is no person the text's names tell): the guess's own type, learned from the other words ("carried out"
    as an operation), is not what the sentence names, so it takes the catch-all type (``by_verb.default_type``); nor
    is a guess of the very type the sentence names without its side (a guess of "visit" there: no visitor)."""
    unsided = ctx.memo.get(("unsided", sentence.start), [])
    if guess is None or not unsided:
        return guess
    if any(t.event_type == guess.event_type for t in unsided):
        return leads.as_catch_all(guess, sentence.text, ctx.settings.data_dir)
    plain = leads.by_verb(sentence.text, ctx.article.published is not None, ctx.settings.data_dir,
                          type_guess=lambda *_: "")
    return guess if plain is not None and any(t.event_type == plain.event_type for t in unsided) else _retyped(guess, plain)


def _retyped(guess: leads.LeadGuess, plain: leads.LeadGuess | None) -> leads.LeadGuess:
    """``guess`` with the type and label of ``plain``, the same sentence's guess read otherwise (unchanged for none)."""
    return replace(guess, event_type=plain.event_type, label=plain.label) if plain is not None else guess


def _guessed_draft(sentence: Sentence, guess: leads.LeadGuess, drafts: list[Draft], ctx: Context) -> Draft:
    """The draft event of a fallback's guess (a lead's cues or past verb, a body sentence's past verb): a weak
    trigger on the guessed words, with the guess's confidence."""
    trigger = Trigger(guess.event_type, guess.start, guess.end, guess.text, "weak", "verb", guess.label)
    draft = _draft(sentence, trigger, None, ctx, latest=drafts[-1] if drafts else None)
    draft.guessed, draft.found_by = guess.confidence, _FOUND_BY[guess.basis]
    return draft


_FOUND_BY = {"cues": "lead cues", "verb": "lead verb", "body": "body"}  # a guess's basis -> models.FOUND_BY


def _attendees_join(sentence: Sentence, sentences: list[Sentence], at: int, drafts: list[Draft],
                    ctx: Context) -> bool:
    """When ``sentence`` (``sentences[at]``), which no trigger reads, names who else was at the happening told in the
    last sentences before it ("The governor was accompanied on the tour by X and Y.", "X, Y and officials attended.",
    "The guests included X"; ``event_actors.names_attendees``), not at a further one it names ("X attended a
    reception": ``_attends_another``): the people and organisations it names join that event's actors,
    when that event is of a type people attend (data/participants.yaml ``attendance_types``), as its company
    (``Draft.company``): listed among its actors, but not compared when a later mention may tell the same happening,
    nor in its title. True when it joined: the sentence tells no happening of its own, and no fallback guesses one."""
    data_dir = ctx.settings.data_dir
    listed = event_actors.lists_participants(sentence.text, data_dir)  # "Participating countries include X and Y."
    if not drafts or _triggers_of(sentence.text, ctx) or _attends_another(sentence.text, data_dir) \
            or not (listed or event_actors.names_attendees(sentence.text, data_dir)):
        return False
    types, reach = event_actors.attendance_rules(data_dir)
    types = types | event_actors.participant_list_types(data_dir) if listed else types
    near = {s.text: n for n, s in enumerate(sentences[max(0, at - reach) : at], 1)} if reach else {}
    attended = [d for d in drafts if d.event_type in types]  # not a killing or a raid told in between
    if not attended:
        return False
    last = {id(d): max(near.get(text, 0) for text in (d.sentence.text, *d.told)) for d in attended}
    target = max(attended, key=lambda d: last[id(d)])
    if last[id(target)]:  # told near enough
        kinds = ("person", "organization", "country") if listed else ("person", "organization")
        named = [m.actor_id for m in _within(ctx.mentions, sentence, ctx) if ctx.actors[m.actor_id].kind in kinds
                 and not event_actors.named_as_kin(ctx.article.text, m.start, data_dir)]  # "X, wife of Y, attended"
        forces = {c for i in target.actor_ids if ctx.actors[i].kind == "organization" for c in ctx.affiliations(i)}
        named = [i for i in named if ctx.actors[i].kind != "country" or i not in forces]  # "the Estarian Navy": Estaria
        target.company = list(dict.fromkeys([*target.company, *named]))
        return True
    return False


def _with_company(kept: Draft, new: Draft, ctx: Context) -> None:
    """The people and organisations of ``new``, a further mention of ``kept`` that says who went along or was there
    ("On the tour the governor was accompanied by X and Y"; ``event_actors.names_attendees``), join
    ``kept``'s company, as an attendance sentence's do (``_attendees_join``), when it is a happening people attend."""
    types, _ = event_actors.attendance_rules(ctx.settings.data_dir)
    if kept.event_type in types:
        kinds = ("person", "organization")
        named = [i for i in new.actor_ids if i not in kept.actor_ids and getattr(ctx.actors.get(i), "kind", None) in kinds]
        kept.company = list(dict.fromkeys([*kept.company, *named]))


def _attends_another(sentence: str, data_dir: Path) -> bool:
    """True when an attendance phrase of ``sentence`` (data/participants.yaml ``attendance``) goes on with a further
    happening named as new (``attendance_another``: "X attended a reception", "Y took part in an exercise"): that
    sentence may tell a happening of its own, not only who was at the one told before."""
    data = load("participants.yaml", data_dir)
    return _attendance_another(tuple(data.get("attendance") or ()), tuple(data.get("attendance_another") or ())) \
        .search(sentence) is not None


@lru_cache(maxsize=4)
def _attendance_another(phrases: tuple[str, ...], after: tuple[str, ...]) -> re.Pattern:
    words = event_dates._phrases(sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{words})\s+(?:{'|'.join(after) or '(?!)'})(?![\w])", re.IGNORECASE)


def _guess_body(sentence: Sentence, drafts: list[Draft], ctx: Context) -> None:
    """A body sentence no trigger touched that names a day of its own that may date news, not after the page's day
    (``leads.own_day``) and tells in a past-tense verb what a named subject did (``leads.in_body``; a sentence of no
    time of its own, or with no named subject, when the learned model is sure it reports a happening): one event
    of a confidence lower still than the lead's guess; or, when it tells the lead's undated event again, that event's
    day (``_lead_told_again``). Not a sentence whose own time may not date news (a plan's day, a month or a year)."""
    if _triggers_of(sentence.text, ctx):
        return
    days = [(t.first_day, t.granularity) for t in _within(ctx.timexes, sentence, ctx)]
    own_day = leads.own_day(days, ctx.article.published, ctx.settings.data_dir)
    if not own_day and days:
        return  # a time of its own that may not date news: a plan's day after the page's, a month or a year of history
    guess = leads.in_body(sentence.text, ctx.settings.data_dir, page=ctx.article.text, start=sentence.start,
                          own_day=own_day)
    if guess is None:
        return
    draft = _guessed_draft(sentence, guess, drafts, ctx)
    told = _lead_told_again(draft, drafts)
    if told is not None:
        _join(told, draft, keep_evidence=True, actors=ctx.actors, published=ctx.article.published)
    elif draft.actor_ids and _has_required_actors(draft, ctx) and _same_event(draft, drafts, None, ctx) is None:
        drafts.append(draft)


def _lead_told_again(draft: Draft, drafts: list[Draft]) -> Draft | None:
    """The lead's event that a body fallback's ``draft`` tells again with the day the lead lacked: of its type, dated
    only by the page's day (no day of its own), naming every side the body sentence names (a lead "A held a phone call
    with B", then "A and B talked for an hour on Monday")."""
    return next((d for d in drafts if d.lead and d.event_type == draft.event_type and d.timex is None
                 and draft.actor_ids and set(draft.actor_ids) <= set(d.actor_ids)), None)


def _name_the_encounter(sentence: str, triggers: list[Trigger], drafts: list[Draft], ctx: Context) -> None:
    """A definite mention of an encounter ("The call came ...", "the readout of the call") names the type of
    an earlier event reported only as "X and Y discussed ..." when the article has no event of its type (not
    "the call for restraint": ``merge.referring_not_before``)."""
    determiners = ctx.vocab.raw["grammar"]["determiners"]
    stop = "|".join(ctx.vocab.raw["merge"].get("referring_not_before", ()))
    for trigger in triggers:
        before = sentence[max(0, trigger.start - 30) : trigger.start].lower().split()
        if trigger.form != "noun" or not before or before[-1] not in determiners \
                or (stop and re.match(rf"\s+(?:{stop})(?![\w])", sentence[trigger.end :], re.IGNORECASE)):
            continue
        if ctx.vocab.types[trigger.event_type]["family"] == "encounter" \
                and not any(d.event_type == trigger.event_type for d in drafts):
            _retype_unspecific(drafts, trigger.event_type, ctx)


def _retype_unspecific(drafts: list[Draft], event_type: str, ctx: Context, every: bool = False) -> None:
    """Make the latest (or, with ``every``, each) encounter reported only by an unspecific word
    (data/events.yaml ``merge.unspecific_encounter``; "spoke today with" starts with "spoke") an event of
    ``event_type``."""
    words = {w.lower() for w in ctx.vocab.raw["merge"].get("unspecific_encounter", ())}
    for earlier in reversed(drafts):
        if ctx.vocab.types[earlier.event_type]["family"] != "encounter":
            continue
        said = " ".join(earlier.trigger.text.lower().split())
        if any(said == w or said.startswith(w + " ") for w in words) \
                and ctx.vocab.types[event_type]["family"] == "encounter":
            earlier.event_type = event_type
        if not every:
            return


def _name_by_title(drafts: list[Draft], ctx: Context) -> None:
    """An article titled by an encounter noun of a type it has no event of ("Minister's Call with X") names
    the type of its encounters reported only as "X spoke with Y" or "X and Y discussed ..." (not "a call
    for restraint": ``merge.referring_not_before``)."""
    title = ctx.article.title or ""
    stop = tuple(ctx.vocab.raw["merge"].get("referring_not_before", ()))
    for event_type in ctx.vocab.raw["merge"].get("title_names_encounter", ()):
        nouns = tuple(ctx.vocab.types[event_type].get("nouns", ()))
        named = _title_noun(nouns, stop).search(title)
        if named and not any(d.event_type == event_type for d in drafts):
            _retype_unspecific(drafts, event_type, ctx, every=True)


@lru_cache(maxsize=16)  # the same vocabulary for every article: made once, not for each title
def _title_noun(nouns: tuple[str, ...], stop: tuple[str, ...]) -> re.Pattern:
    """An encounter noun in a title, not followed by a word that makes it no encounter ("a call for")."""
    words, stops = "|".join(re.escape(n) for n in nouns), "|".join(stop)
    return re.compile(rf"(?<![\w])(?:{words})(?![\w])(?!\s+(?:{stops})(?![\w]))", re.IGNORECASE)


def _outside_names(triggers: list[Trigger], sentence: Sentence, ctx: Context) -> list[Trigger]:
    """The triggers not inside the name of a known organisation: "Treaty" in "the Collective Security Treaty
    Organization", "Conference" in a body's name, report no happening."""
    names = [(m.start - sentence.start, m.end - sentence.start) for m in _within(ctx.mentions, sentence, ctx)
             if ctx.actors[m.actor_id].kind == "organization"]
    return [t for t in triggers if not any(lo <= t.start and t.end <= hi for lo, hi in names)]


def _with_referred_people(draft: Draft, drafts: list[Draft], ctx: Context) -> list[str]:
    """The draft's actors plus the people that "both ministers", "the two leaders" in its sentence refer to:
    those of the latest earlier event that names two or more (data/events.yaml ``people_reference``). A type
    whose actors are countries takes them only when it has none. When the actor finder has named the phrase's people
    from its own sentence ("X held talks with Y, at which the two ministers ..."), they are the ones."""
    match = ctx.vocab.people_reference.search(draft.sentence.text)
    if not match:
        return draft.actor_ids
    lo, hi = draft.sentence.start + match.start(), draft.sentence.start + match.end()
    mentions = _within(ctx.mentions, draft.sentence, ctx)
    referred = {m.actor_id for m in mentions if lo <= m.start < hi and m.method == "pronoun"}
    if referred and referred <= {m.actor_id for m in mentions if m.start < lo and m.method != "pronoun"}:
        return draft.actor_ids
    entry = ctx.vocab.types[draft.event_type]
    if entry["actors"] == "countries_and_organisations" and (draft.actor_ids or not entry.get("people_if_no_groups")):
        return draft.actor_ids
    for earlier in reversed(drafts):
        people = [i for i in earlier.actor_ids if ctx.actors[i].kind == "person"]
        if len(people) >= 2:
            return list(dict.fromkeys([*draft.actor_ids, *people]))
    return draft.actor_ids


def _note_reports(sentence: Sentence, ctx: Context) -> None:
    """Remember each past day in ``sentence`` that may date a report ("X said on Tuesday that ...")."""
    published = ctx.article.published
    for timex in _within(ctx.timexes, sentence, ctx):
        timex = event_dates.past_reading(timex, published)
        if timex.granularity in ("day", "time") and timex.first_day and (published is None or timex.first_day <= published):
            ctx.reports.append((sentence, timex))


def _remarks_day(sentence: Sentence, ctx: Context) -> Timex | None:
    """The day of the latest earlier report, when ``sentence`` refers back to those remarks ("X made the
    remarks at a news conference, where ...")."""
    if not ctx.reports or not ctx.vocab.remarks_reference.search(sentence.text):
        return None
    while ctx.reports:  # the latest day that dates a report; the others are dropped once read
        said, timex = ctx.reports[-1]
        if said is None or event_dates.dates_the_report(
                said.text[max(0, timex.start - said.start - 120) : timex.start - said.start], ctx.vocab,
                data_dir=ctx.settings.data_dir):
            ctx.reports[-1] = (None, timex)
            return timex
        ctx.reports.pop()
    return None


def _dated_here(draft: Draft) -> bool:
    """True when a weak trigger's own date stands in its clause ("the ceasefire reached on 20 May"); the
    trigger's own words may hold a comma ("the Declaration, which was signed ... on 15 June 2021")."""
    if draft.timex is None:
        return False
    at = draft.timex.start - draft.sentence.start
    lo, hi = (draft.trigger.end, at) if at >= draft.trigger.end else (at, draft.trigger.start)
    between = draft.sentence.text[lo:hi].replace(draft.timex.text, "")
    if at < draft.trigger.start and _OPENING_DATE.fullmatch(draft.sentence.text[:at]) \
            and len(between.split()) <= _OPENING_REACH:
        between = between.replace(",", "", 1)  # "On 14 January 2025, the 12th meeting of ...": the subject's date
    return not re.search(r"[;,:]", between)


_OPENING_REACH = 4  # words from an opening date to a trigger that heads the subject after it
_OPENING_DATE = re.compile(r"\W*(?:(?:late|early)\s+)?(?:on|in|at|by)?\s*", re.IGNORECASE)


def _reported_here(draft: Draft) -> bool:
    """True when the mention makes an event of its own: a strong trigger outside a quotation; a weak one, or a
    strong one inside a quotation ("We met the president and he promised nothing," a farmer said), only with a
    date of its own in its clause (a weak one only outside a quotation), placed in the calendar or not (a weekday on
    a page of unknown date, ``Draft.unplaced``)."""
    quoted = _quoted(draft)
    if draft.trigger.strength == "strong" and not quoted:
        return True
    if draft.timex is None and draft.unplaced is not None:
        draft = replace(draft, timex=draft.unplaced)  # "the summit closed on Saturday" on a page of unknown date
    if quoted and draft.timex is not None and _SPEAKERS_DAY.fullmatch(draft.timex.text):
        return False  # '"... the deal signed today is critical," she said': the speaker's day, no date given
    return _dated_here(draft) and (draft.trigger.strength == "strong" or not quoted)


_SPEAKERS_DAY = re.compile(r"\s*(?:today|tonight|this (?:morning|afternoon|evening|week)|now|yesterday)\s*",
                           re.IGNORECASE)  # a quotation's deictic date counts from a speaking day the text may not give


def _sitting_told(draft: Draft) -> bool:
    """True for a weak noun of a sitting (a meeting, talks, a summit) that the sentence tells as one that took place,
    though it gives it no day: its sides named after it ("the truce came after negotiations between A and B"), its
    owner before it and a named side after it ("raised at A's meeting with President B"), or the gerund of a verb with
    its side ("spoke to the press after meeting President X"), or a participle of holding right after it, with where,
    when or by whom ("the remarks came during a meeting held at the ministry with ..."; the noun may be read as a verb
    form there). Outside a quotation only
    (``_quoted``). Not a sitting that opens the sentence as its subject ("Peace talks between A and B have been slow":
    a process), nor the sitting named as where something was settled ("was agreed at talks in Velm"): that is the
    outcome's news."""
    trigger, text = draft.trigger, draft.sentence.text
    if trigger.strength != "weak" or draft.event_type not in _SITTING_TYPES or _quoted(draft):
        return False
    before, after = text[max(0, trigger.start - 60) : trigger.start], text[trigger.end : trigger.end + 60]
    if _HELD_AFTER.match(after) is not None:  # "during a meeting held at the ministry with ...", not as the subject
        return _SITTING_AS_SUBJECT.fullmatch(text, 0, trigger.start) is None
    if trigger.form != "noun":
        return False
    return (_SIDES_AFTER.match(after) is not None and _SITTING_AS_SUBJECT.fullmatch(text, 0, trigger.start) is None) \
        or (_OWNER_BEFORE.search(before) is not None and _WITH_A_NAME.match(after) is not None) \
        or (trigger.text.lower() == "meeting" and _GERUND_BEFORE.search(before) is not None
            and _GERUND_OBJECT.match(after) is not None)


def _speech_told(draft: Draft) -> bool:
    """True for a weak noun of a speech that the sentence opens with as its speaker's own, before the speaker and a
    verb of saying in the past ("During his address at the ceremony, President X stressed ..."; "In her speech, Minister
    Y said ..."): a speech that was given, though the sentence gives it no day. Outside a quotation only."""
    trigger, text = draft.trigger, draft.sentence.text
    if trigger.strength != "weak" or draft.event_type != "speech" or _quoted(draft):
        return False
    opening = _OWN_SPEECH.match(text)
    return opening is not None and trigger.start < opening.end() and _SAID_AFTER.match(text, opening.end()) is not None


_SITTING_TYPES = ("meeting", "conference")
_OWN_SPEECH = re.compile(r"\W*(?:In|During)\s+(?:his|her|their|a|an)\s+(?:[\w'’-]+\s+){0,2}?(?:speech|address|remarks)\b")
# the rest of the opening phrase (a clause or two: "In a speech marking the day, and looking ahead, ..."), then the
# speaker (capitalised words) and a past verb: "..., President X stressed"
_SAID_AFTER = re.compile(r"(?:[^,;:]{0,80},\s+){0,2}?(?:[A-Z][\w'’.-]*\s+){1,5}(?:[a-z]+ly\s+)?(?:[a-z]{3,}ed|said)\b")
_HELD_AFTER = re.compile(r"\s+(?:held|hosted|convened|chaired|organi[sz]ed)\s+(?:at|in|on|by|between|with)\b")
_SIDES_AFTER = re.compile(r"\s+between\s+\S")  # "talks between A and B"
_SITTING_AS_SUBJECT = re.compile(r"\W*(?:[\w'’-]+\s+){0,2}")  # "Peace talks between A and B have been ...": a process
_OWNER_BEFORE = re.compile(r"(?:[’']s|\b(?:his|her|their))\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)  # "X's meeting"
_WITH_A_NAME = re.compile(r"\s+with\s+(?:the\s+)?[A-Z]")  # "... meeting with President Y"
_GERUND_BEFORE = re.compile(r"(?<![\w-])(?:after|before|while|when)\s+$", re.IGNORECASE)  # "after meeting"
_GERUND_OBJECT = re.compile(r"\s+(?!(?:With|Of|The|A|An|On|In|At)\b)[A-Z]")  # "... meeting President X", not "with X"


def _quoted(draft: Draft) -> bool:
    """True when the trigger stands inside a direct quotation: a speaker's words ("we stand against hybrid
    attacks today") report no happening through a weak trigger. A quotation may open in an earlier sentence,
    so an odd number of quote marks on either side of the trigger is enough, unless the last mark before the trigger is
    a closing curly one (a quotation opened in an earlier sentence and closed before the speaker and what he did:
    '... its people,” said the envoy addressing the reception'); a short quotation closed in the
    sentence is a term in scare quotes, and one in title case a name ("Operation Desert Shield Against Terror
    Groups"), not speech."""
    text, at = draft.sentence.text, draft.trigger.start
    if not any(sum(part.count(mark) for mark in '"“”') % 2 == 1 for part in (text[:at], text[at:])):
        return False
    if _CLOSED_BEFORE.search(text, 0, at):
        return False  # 'the time is now,” said the envoy addressing the reception': the quotation closed before it
    opening = max(text.rfind(mark, 0, at) for mark in '"“”')
    if opening < 0 and _OPENS_AFTER.match(text, at):
        return False  # 'In a speech, X said: "...' (its close in a later sentence): the quotation opens after the trigger
    closing = min((i for i in (text.find(mark, at) for mark in '"“”') if i >= 0), default=-1)  # a name may close
    if opening < 0 or closing < 0:  # inside the trigger's words ('The "Nairobi Declaration" was signed')
        return True
    quoted = text[opening + 1 : closing].split()
    return len(quoted) > QUOTED_TERM_WORDS and not _title(quoted)


# the first mark after the trigger opens a quotation: a curly opening mark, or a straight one after a space and before
# a word ('In a speech, X said: "...', 'addressing the meeting, the minister said the district was hit, "We must ...')
_OPENS_AFTER = re.compile(r"[^\"“”]*?(?:“|(?<!\S)\"(?=[\w‘'(]))")
# the last mark before the trigger closes a quotation: a curly closing mark, or a straight one after a word or a stop and
# before none ('... in the day," said a woman who arrived in the town')
_CLOSED_BEFORE = re.compile(r"(?:”|(?<=\S)\"(?![\w‘'(]))[^\"“”]*$")
QUOTED_TERM_WORDS = 5  # a quotation of at most this many words is a term ("launched 'anti-terrorist measures'"), not speech


def _title(words: list[str]) -> bool:
    """True for quoted words that are a name in title case ('launched "Operation Desert Shield Against Terror Groups"',
    'signed the "Nairobi Declaration on Regional Trade"'): every word of more than three letters is capitalised."""
    long = [w.strip("'‘’,") for w in words if len(w.strip("'‘’,")) > 3]
    return bool(long) and all(w[:1].isupper() for w in long)


def _has_required_actors(draft: Draft, ctx: Context) -> bool:
    """False for a type that needs a person ("visit") when the sentence names none taking part (a visit that is "his"
    or "her" names one: ``_PERSONS_OWN``); a group sent by an
    organisation or a country before the trigger stands for its people (data/events.yaml ``group_visitors``: "An IMF
    mission visited Kenya", "A Chinese trade delegation toured the port"), when the sentence names that side; so does
    an office of it (``office_visitors``: "The director general of the agency visited the town"), and an office holder's
    own visit names a person ("the Chair's visit to Velm"), as does an office that is the trigger's subject, with the
    holder's name or none ("the health minister visited a clinic", "Deputy mayor Ana Roe visited": ``_office_subject``)."""
    entry = ctx.vocab.types[draft.event_type]
    if not entry.get("requires_person"):
        return True
    kinds = [ctx.actors[i].kind for i in draft.actor_ids]
    text, trigger = draft.sentence.text, draft.trigger
    offices = tuple(entry.get("office_visitors", ()))
    if "person" in kinds or _PERSONS_OWN.search(text, max(0, trigger.start - 40), trigger.end) \
            or _offices_own(offices).search(text, max(0, trigger.start - 60), trigger.end) \
            or _office_subject(offices).search(text, max(0, trigger.start - 60), trigger.start):
        return True
    head = trigger.start + len(trigger.text.split()[0])  # the group may open the trigger's words ("delegation left X for")
    return (kinds.count("organization") >= 1 or kinds.count("country") >= 2) \
        and _group_visitors((*entry.get("group_visitors", ()), *offices)).search(text, 0, head) is not None


# "ended his two-day visit", "thanked the envoy for her short visit": a person's own visit, though the gazetteer does
# not know that person (a cleric, an envoy, a guest named earlier)
_PERSONS_OWN = re.compile(r"(?<![\w-])(?:his|her)\s+(?:[\w'’-]+\s+){0,3}?(?:visit|trip|tour)(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=8)
def _offices_own(offices: tuple[str, ...]) -> re.Pattern:
    """An office holder's own visit ("the Chair's visit to Velm", "the envoy's three-day trip")."""
    if not offices:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, offices))})['’]s\s+(?:[\w'’-]+\s+){{0,3}}?(?:visit|trip|tour)(?![\w-])",
                      re.IGNORECASE)


@lru_cache(maxsize=8)
def _office_subject(offices: tuple[str, ...]) -> re.Pattern:
    """An office right before a trigger, or before the holder's capitalised name and then the trigger, in one clause
    ("the health minister visited", "Deputy mayor Ana Roe also visited"): the holder, a person, is the subject. A bare
    office without a determiner or a name ("Minister visits the region", a headline's or standfirst's shorthand) is
    none: it says no more than the lead it sums up."""
    if not offices:
        return re.compile(r"(?!)")
    office = "|".join(map(re.escape, offices))
    adverb = r"\s+(?:also\s+|later\s+|then\s+)?$"
    determined = rf"(?<![\w-])(?:the|a|an|its|his|her|their|our|[\w'’-]+['’]s)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{office})"
    named = rf"(?<![\w-])(?:{office})(?:\s+(?-i:[A-ZÀ-Ý])[\w'’.-]*){{1,4}}"
    return re.compile(rf"(?:{determined}|{named}){adverb}", re.IGNORECASE)


@lru_cache(maxsize=8)
def _group_visitors(nouns: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, nouns))})(?![\w-])", re.IGNORECASE) if nouns else re.compile(r"(?!)")


def _target(drafts: list[Draft], continues: bool, named_type: str | None, vocab: Vocabulary) -> Draft | None:
    """The event a continuing sentence refers to: the latest of the named type, or of the encounter family."""
    if not continues:
        return None
    if named_type == "any":
        return drafts[-1] if drafts else None
    for draft in reversed(drafts):
        if named_type and draft.event_type == named_type:
            return draft
        if not named_type and vocab.types[draft.event_type]["family"] == "encounter":
            return draft
    return None


def _main_triggers(triggers: list[Trigger], sentence: str, vocab: Vocabulary, apart: list[Trigger] = ()) -> list[Trigger]:
    """One trigger per event type (the first strong one, else the first), and one encounter per sentence
    when several encounter types are strong ("addressed the conference" is the conference). A happening told with
    its own subject in a clause timed against the sentence's (``apart``: ``_counted_clause``, ``_own_happening``) is
    chosen apart, after the others: "raided a camp on Wednesday, two days after gunmen attacked a convoy" is two
    happenings; so is one told in a time clause of its own (``_told_in_a_clause_of_its_own``: "Dock workers
    went on strike after the port operator announced job cuts")."""
    apart = apart or _told_in_a_clause_of_its_own(triggers, sentence, vocab)
    rest = [t for t in triggers if all(t is not a for a in apart)]
    if apart and rest:
        return [*_main_triggers(rest, sentence, vocab), *_main_triggers(list(apart), sentence, vocab)]
    by_type: dict[str, Trigger] = {}
    for trigger in triggers:
        kept = by_type.get(trigger.event_type)
        if kept is None or (kept.strength == "weak" and trigger.strength == "strong"):
            by_type[trigger.event_type] = trigger
    kept = _one_happening(sorted([*by_type.values(), *_earlier_sittings(triggers, by_type, sentence, vocab)],
                                 key=lambda t: t.start), vocab, sequel_opening_end(sentence, vocab))
    kept = [t for t in kept if not any(_outranks(other, t, sentence, vocab) or _setting_of(t, other, sentence, vocab)
                                       for other in kept)]
    return [t for t in kept if not any(_names_the_channel(other, t, sentence, vocab) for other in kept)]


def _told_in_a_clause_of_its_own(triggers: list[Trigger], sentence: str, vocab: Vocabulary) -> list[Trigger]:
    """The triggers from the first strong verb that a time clause of its own tells after the sentence's first strong
    trigger (data/events.yaml ``grammar.own_clause``: "when", "after" ... and a subject of its own, no pronoun, no
    gerund, no verb of saying): "Fighting broke out in the town when rebels attacked an army post", "Dock workers went
    on strike after the port operator announced job cuts" tell two happenings, which one trigger per type (or one
    operation per sentence) would fold into one. Not after a head told in the passive (``event_actors.told_in_passive``):
    "Two men were killed when a bus crashed" is one happening, the casualty and its cause; nor after a noun ("The
    ambush is seen as a turning point after gunmen killed five guards": the noun names the clause's happening). None
    when there is no such clause."""
    head = next((t for t in triggers if t.strength == "strong"), None)
    if head is None or head.form != "verb" or event_actors.told_in_passive(sentence, head):
        return []
    table = vocab.raw["grammar"].get("own_clause") or {}
    opening = _own_clause_opening(tuple(table.get("openers", ())), table.get("subject_words", 0))
    for at, trigger in enumerate(triggers):
        if trigger.start < head.end or trigger.strength != "strong" or trigger.form != "verb":
            continue
        found = opening.search(sentence, head.end, trigger.start)
        if found is not None and _own_subject(found.group(1).split(), trigger, vocab):
            return triggers[at:]
    return []


def _own_subject(words: list[str], trigger: Trigger, vocab: Vocabulary) -> bool:
    """True when ``words`` (between a time clause's opener and its trigger; none when the trigger's own words open with
    the subject, "police shot") are a subject of the clause's own: not a pronoun, which may be the head's doer again,
    not a gerund ("after meeting the king"), no verb of saying ("when rebels said they had killed ...")."""
    first = (words or trigger.text.split())[0].lower()
    pronouns = {w.lower() for w in vocab.raw["grammar"].get("subject_pronouns", ())}
    if first in pronouns or first.endswith("ing") or vocab.reporting.search(" ".join(words)):
        return False
    return bool(words) or not first.endswith("ed")


@lru_cache(maxsize=4)
def _own_clause_opening(openers: tuple[str, ...], subject_words: int) -> re.Pattern:
    """An opener of a time clause at the end of the words before a trigger, with up to ``subject_words`` words of its
    subject after it (group 1); not right after a clause break or a year, where it opens an aside about a time named
    before ("the first such trip since 2019, when the governor visited the port": history)."""
    words = "|".join(openers) or "(?!)"
    return re.compile(rf"(?<![\w-])(?<![,;:] )(?<!\d{{4}} )(?:{words})\s+((?:[\w'’.\-]+\s+){{0,{subject_words}}}?)$",
                      re.IGNORECASE)


def _setting_of(trigger: Trigger, head: Trigger, sentence: str, vocab: Vocabulary) -> bool:
    """True when ``trigger`` names a sitting only as where ``head``, a strong verb of another happening before it in its
    clause, took place: "The council passed the plan by 30 votes to 12 at a full meeting on Monday", "The minister handed
    out prizes to five teachers during an annual meeting with the press" (the vote, the award: the sitting is their
    setting). Only the types of data/events.yaml ``grammar.settings`` (a head of ``heads``, a sitting of ``sittings``,
    after one of ``openers``); a gathering a speech was given at stays a happening of its own (``_outranks``)."""
    table = vocab.raw["grammar"].get("settings") or {}
    if trigger.form != "noun" or trigger.event_type not in table.get("sittings", ()) \
            or head.form != "verb" or head.strength != "strong" or head.event_type not in table.get("heads", ()) \
            or head.end > trigger.start:
        return False
    between = sentence[head.end : trigger.start]
    opened = _setting_opener(tuple(table.get("openers", ())))
    return (opened.match(trigger.text) is not None or opened.search(between) is not None) \
        and not re.search(r"[,;:]", between) and not vocab.later_before.search(between)


@lru_cache(maxsize=4)
def _setting_opener(openers: tuple[str, ...]) -> re.Pattern:
    """The words that open a sitting's phrase ("at a", "during the"), at the start of a trigger ("at a meeting in X") or
    ending the words before its noun, with at most three words between ("at a full council meeting")."""
    words = "|".join(openers) or "(?!)"
    return re.compile(rf"(?:^|(?<![\w-]))(?:{words})(?:\s+[\w'’-]+){{0,3}}?\s*$|^(?:{words})\s", re.IGNORECASE)


def _counted_clause(sentence: str, triggers: list[Trigger], ctx: Context) -> tuple[int, int, int] | None:
    """The span of a clause that tells another happening timed against the sentence's ("..., two days after gunmen
    attacked a convoy", "Barely a week after ..., "; data/same_happening.yaml ``counted_clause``), from its offset to
    the next clause break, with where its words after the offset begin; None when there is none, when no trigger stands
    outside it, or when the sentence's happening is what "came" that long after ("The raid came a day after ...":
    ``event_dates.timed_against`` times it)."""
    opening, came = _counted_clause_patterns(ctx.settings.data_dir)
    found = opening.search(sentence)
    if found is None or came.search(sentence, 0, found.start()):
        return None
    stop = _CLAUSE_END.search(sentence, found.end())
    clause = found.start(), found.end(), stop.start() if stop else len(sentence)
    return clause if any(not _inside(t, clause) for t in triggers) else None


_CLAUSE_END = re.compile(r"[,;:()]|\s[–—-]\s")


@lru_cache(maxsize=8)
def _counted_clause_patterns(data_dir: Path) -> tuple[re.Pattern, re.Pattern]:
    timed = load("events.yaml", data_dir)["timed_after"]
    table = load("same_happening.yaml", data_dir).get("counted_clause") or {}

    def spaced(words) -> str:
        return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    count = rf"(?:\d+|{spaced(timed['numbers'])}|a\s+few|several)"
    opening = re.compile(rf"(?<![\w-])(?:(?:{spaced(table.get('hedges', ()))})\s+)?"
                         rf"(?:{spaced(timed['offsets'])}|(?:{count}\s+)?(?:{spaced(table.get('units', ()))}))"
                         rf"\s+(?:after|before)\s+", re.IGNORECASE)
    verbs = [*timed.get("came", ()), *table.get("timed_verbs", ())]
    return opening, re.compile(rf"(?<![\w-])(?:{spaced(verbs)})\s*$", re.IGNORECASE)


def _inside(trigger: Trigger, clause: tuple[int, int, int]) -> bool:
    return clause[0] <= trigger.start and trigger.end <= clause[2]


def _own_happening(trigger: Trigger, clause: tuple[int, int, int], sentence: str) -> bool:
    """True for a verb trigger inside ``clause`` after its opener, whose clause has a subject of its own: not a
    gerund ("a day after meeting the king" retells the day before of the sentence's own subject)."""
    first = sentence[clause[1] : clause[2]].split()[:1]
    return trigger.form == "verb" and _inside(trigger, clause) and trigger.start >= clause[1] and bool(first) \
        and not (first[0].islower() and first[0].endswith("ing"))


def _day_of_the_sentence(draft: Draft, clause: tuple[int, int, int], ctx: Context) -> bool:
    """True when the day of a happening told in ``clause`` is that of the sentence's own happening, and the clause's
    offset does not count from it (``event_dates.own_timex`` counts from a day before the clause only, and by days:
    not "on Sunday, days after lawmakers passed a law", "weeks after", "A week after ..., X happened on Thursday"): the
    clause's happening was on another day, which the sentence does not name."""
    timex = draft.timex
    if timex is None or not draft.apart or clause[0] <= timex.start - draft.sentence.start < clause[2]:
        return False
    if timex.start - draft.sentence.start > clause[0]:  # "Barely a week after ..., X happened on Thursday"
        return True
    timed = ctx.vocab.raw["timed_after"]
    words = " ".join(draft.sentence.text[clause[0] : clause[1]].lower().split()[:-1])
    words = re.sub(rf"^(?:{'|'.join(map(re.escape, _hedges(ctx.settings.data_dir)))})\s+", "", words)
    return words not in timed["offsets"] and not re.fullmatch(rf"(?:\d+|{'|'.join(timed['numbers'])})\s+days", words)


@lru_cache(maxsize=8)
def _hedges(data_dir: Path) -> tuple[str, ...]:
    return tuple(sorted((load("same_happening.yaml", data_dir).get("counted_clause") or {}).get("hedges", ()), key=len, reverse=True))


def _sides_by_clause(draft: Draft, clause: tuple[int, int, int], ctx: Context) -> list[str]:
    """The sides of a happening told in a clause timed against the sentence's (``_counted_clause``): those named in
    that clause; and of the sentence's own happening, all but those named only there ("North Korea fired a missile on
    Monday, hours after South Korea and the United States began drills")."""
    at, inside = draft.sentence.start, draft.apart
    named: dict[str, list[bool]] = {}
    for m in _within(ctx.mentions, draft.sentence, ctx):
        named.setdefault(m.actor_id, []).append(clause[0] <= m.start - at < clause[2])
    if inside:
        return [i for i in draft.actor_ids if any(named.get(i, ()))]
    return [i for i in draft.actor_ids if i not in named or not all(named[i])]


def _earlier_sittings(triggers: list[Trigger], chosen: dict[str, Trigger], sentence: str, vocab: Vocabulary) -> list[Trigger]:
    """A further encounter of the same type told in a perfect participle clause after a comma ("X met A late on
    Monday, having sat down with B that morning"): another sitting, with another side."""
    return [t for t in triggers if t.form == "verb" and t.strength == "strong" and chosen.get(t.event_type) is not None
            and chosen[t.event_type].end <= t.start and vocab.types[t.event_type]["family"] == "encounter"
            and _PERFECT_PARTICIPLE.search(sentence, chosen[t.event_type].end, t.start) is not None]


def _sides_of_the_sitting(draft: Draft, main: list[Trigger], ctx: Context) -> list[str]:
    """The sides of a further sitting told in a participle clause (``_earlier_sittings``) less the people named only
    as the side of the encounter before it in the sentence ("met A ..., having sat down with B": A did not sit down)."""
    first = next((t for t in main if t.event_type == draft.event_type and t.end <= draft.trigger.start), None)
    if first is None:
        return draft.actor_ids
    at = draft.sentence.start
    spans = {}
    for m in _within(ctx.mentions, draft.sentence, ctx):
        spans.setdefault(m.actor_id, []).append(m.start - at)
    between = {i for i, starts in spans.items() if all(first.end <= s < draft.trigger.start for s in starts)}
    return [i for i in draft.actor_ids if ctx.actors[i].kind != "person" or i not in between]


_PERFECT_PARTICIPLE = re.compile(r",\s*(?:after\s+)?having\s+(?:[a-z]+ly\s+)?$")  # ", having (earlier) sat down with"


def _names_the_channel(other: Trigger, trigger: Trigger, sentence: str, vocab: Vocabulary) -> bool:
    """True when ``trigger`` says only that people talked (data/events.yaml ``merge.unspecific_encounter``:
    "spoke with") and ``other``, an encounter of another type later in its clause, says how ("spoke with X on
    Friday by video call", "discussed trade during a meeting"): one encounter, of ``other``'s type."""
    types = vocab.types
    if other is trigger or other.start < trigger.end or other.event_type == trigger.event_type \
            or types[other.event_type]["family"] != "encounter" or types[trigger.event_type]["family"] != "encounter":
        return False
    said = " ".join(trigger.text.lower().split())
    words = {w.lower() for w in vocab.raw["merge"].get("unspecific_encounter", ())}
    return any(said == w or said.startswith(w + " ") for w in words) \
        and not re.search(r"[,;:]", sentence[trigger.end : other.start]) and not vocab.later_before.search(sentence[trigger.end : other.start])


def _without_targets(triggers: list[Trigger], sentence: str, vocab: Vocabulary) -> list[Trigger]:
    """The triggers less a noun of another happening type that an attack names as its target ("troops struck an
    aid convoy", "the attack on the aid convoy"): within TARGET_WORDS words after a strong trigger of a
    ``one_happening`` type (data/events.yaml ``merge``), or after "on"/"against" following a weak one, in its
    clause, it is what was hit, not a happening of its own."""
    group = set(vocab.raw["merge"].get("one_happening", ()))
    attacks = [a for a in triggers if a.event_type in group]

    def hit(t: Trigger) -> bool:
        between = [sentence[a.end : t.start] for a in attacks if a.end <= t.start
                   and (a.strength == "strong" or re.match(r"\s+(?:on|against)\s", sentence[a.end : t.start]))]
        return any(len(words.split()) <= TARGET_WORDS and not re.search(r"[,;:]", words) for words in between)
    return [t for t in triggers if t.form != "noun" or t.event_type in group
            or vocab.types[t.event_type]["family"] != "happening" or not hit(t)]


TARGET_WORDS = 4  # words from an attack's trigger to the noun it names as hit ("struck a humanitarian aid convoy")


def _without_framed(triggers: list[Trigger], sentence: str, ctx: Context) -> list[Trigger]:
    """The triggers less a casualty told inside an operation that the same clause names right after it
    (data/same_happening.yaml ``frames``: "confirmed the killing of six gunmen in a police operation", "three
    soldiers died in a military operation"): the operation is the happening, the casualty its outcome. Only an
    operation named by one of its ``nouns``: "killed in a drone strike" stays a casualty of the strike."""
    frames = load("same_happening.yaml", ctx.settings.data_dir).get("frames") or {}
    inner, outer = set(frames.get("inner", ())), set(frames.get("outer", ()))
    nouns = _words_pattern(tuple(frames.get("nouns", ())))
    opening = _words_pattern(tuple(frames.get("openers", ())), prefix=r"^[^,;:]*?",
                             suffix=r"\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,2}?$")
    clause = _words_pattern(tuple(frames.get("clause_openers", ())), prefix=r"^[^,;:]*?",  # "... as troops carried out"
                            suffix=rf"\s+(?:[\w'’-]+\s+){{1,{frames.get('subject_words', 0)}}}$")

    def framed(t: Trigger) -> bool:
        return t.event_type in inner and any(
            o.event_type in outer and o.strength == "strong" and o.start >= t.end and nouns.search(o.text) is not None
            and len(sentence[t.end : o.start].split()) <= frames.get("reach_words", 0)
            and (opening.match(sentence[t.end : o.start]) is not None
                 or o.form == "verb" and clause.match(sentence[t.end : o.start]) is not None) for o in triggers)
    return [t for t in triggers if not framed(t)]


def _one_happening(triggers: list[Trigger], vocab: Vocabulary, news_from: int = 0) -> list[Trigger]:
    """Of the strong triggers of ``one_happening`` types in one sentence, only the first: "drones struck the
    port, killing five" is one strike, not a strike and an incident. The first after ``news_from``, where the
    sentence's news begins, when one is (not the shooting of "After the shooting, agents seized ...")."""
    group = set(vocab.raw["merge"].get("one_happening", ()))
    strong = [t for t in triggers if t.event_type in group and t.strength == "strong"]
    first = next((t for t in strong if t.start >= news_from), strong[0] if strong else None)
    return [t for t in triggers if first is None or t is first or t.event_type not in group]


def _outranks(other: Trigger, trigger: Trigger, sentence: str, vocab: Vocabulary) -> bool:
    """True when ``other`` is the encounter that ``trigger`` is part of: a strong encounter of a higher
    priority in the same clause ("addressed the participants of the conference"), or any strong encounter
    when ``trigger`` is a weak one ("met ... as part of his trip"). Two verbs joined by "and" tell two happenings
    ("arrived in Tokyo on an official visit and held talks with X": the visit and the meeting), and so does a verb
    before the gathering a strong noun names after it ("Speaking at the opening of the Trade Ministers' Meeting, X
    said ...": the speech, and the meeting it was given at)."""
    types = vocab.types
    if other is trigger or other.strength != "strong":
        return False
    if types[other.event_type]["family"] != "encounter" or types[trigger.event_type]["family"] != "encounter":
        return False
    if trigger.strength == "weak":
        return True
    if trigger.form == "verb" and other.form == "noun" and other.start >= trigger.end:
        return False  # the verb's own happening at the gathering its object names
    left, right = sorted((other, trigger), key=lambda t: t.start)
    between = sentence[left.end : right.start]
    same_clause = not re.search(r"[,;:]", between) and not vocab.later_before.search(between)
    two_verbs = left.form == right.form == "verb" and (_COORDINATED.search(between) is not None
                                                        or _SUBORDINATE.search(between) is not None)
    return same_clause and not two_verbs and types[other.event_type]["priority"] < types[trigger.event_type]["priority"]


def _before_the_next_verb(draft: Draft, main: list[Trigger], ctx: Context) -> list[str]:
    """The sides of ``draft`` less the people named only after a verb coordinated with its trigger ("Modi arrived in
    Tokyo and held talks with Kishida": Kishida took part in the talks, not in the visit)."""
    text, trigger = draft.sentence.text, draft.trigger
    nxt = next((t for t in main if t.start >= trigger.end and t.form == trigger.form == "verb"
                and _COORDINATED.search(text[trigger.end : t.start]) and not re.search(r"[,;:]", text[trigger.end : t.start])), None)
    if nxt is None:
        return draft.actor_ids
    before = {m.actor_id for m in _within(ctx.mentions, draft.sentence, ctx) if m.start < draft.sentence.start + nxt.start}
    return [i for i in draft.actor_ids if ctx.actors[i].kind != "person" or i in before]


_SUBORDINATE = re.compile(r"(?<![\w-])(?:where|when|before|after|whereupon|then)\s+(?:[\w'’.-]+\s+){0,5}?$", re.IGNORECASE)
_COORDINATED = re.compile(r"(?<![\w])(?:and|then)\s*$", re.IGNORECASE)  # "arrived in X on a visit and held talks with Y": two verbs


def _draft(sentence: Sentence, trigger: Trigger, target: Draft | None, ctx: Context, crowded: bool = False,
           latest: Draft | None = None, same_time: bool = False, clause: tuple[int, int, int, bool] | None = None) -> Draft:
    inside = [t for t in _within(ctx.timexes, sentence, ctx) if t.end <= sentence.end]
    timex = event_dates.own_timex(sentence.text, sentence.start, trigger, inside, ctx.article.published,
                                  ctx.vocab, data_dir=ctx.settings.data_dir)
    followed = timex is not None and _timed_by_what_follows(sentence.text, trigger, timex.start - sentence.start,
                                                             ctx.vocab)
    if followed:
        timex = None
    unplaced = _unplaced_day(sentence, trigger, inside, ctx) if timex is None and not followed else None
    mentions = [m for m in _within(ctx.mentions, sentence, ctx) if m.end <= sentence.end]
    if clause is not None:  # a happening told in a clause timed against the sentence's: each has its own sides
        mentions = [m for m in mentions if (clause[0] <= m.start - sentence.start < clause[2]) == clause[3]]
    protected = [(t.start - sentence.start, t.end - sentence.start) for t in inside]
    policy = ctx.vocab.types[trigger.event_type]["actors"]
    if not ctx.vocab.types[trigger.event_type].get("reporters_are_actors"):
        mentions = event_actors.without_reporters(mentions, sentence, trigger, ctx.vocab, data_dir=ctx.settings.data_dir,
                                                  actors=ctx.actors)
    else:  # "X said he met Y": X met; "X recalled that at the meeting, Y and Z confirmed ...": X did not
        reported = event_actors.without_reporters(mentions, sentence, trigger, ctx.vocab, data_dir=ctx.settings.data_dir)
        if len(reported) < len(mentions) and sum(ctx.actors[m.actor_id].kind == "person" for m in reported) >= 2:
            mentions = reported
    actor_ids = event_actors.choose_actors(policy, sentence.text, sentence.start, trigger, mentions, ctx.actors,
                                           ctx.affiliations, ctx.vocab, protected, crowded, data_dir=ctx.settings.data_dir,
                                           when=ctx.article.published)
    names = _name_spans(sentence, ctx)
    location = event_actors.find_location(sentence.text, names, ctx.vocab, trigger.start)
    host_rule, host = ctx.vocab.types[trigger.event_type].get("host"), None
    if host_rule:
        host = event_actors.host_country(sentence.text, trigger, names, ctx.vocab, ctx.settings.data_dir)
        visitors = event_actors.relative_subject(sentence.text, sentence.start, trigger, mentions, ctx.actors)
        subjects = event_actors.verb_subjects(sentence.text, sentence.start, trigger, mentions, ctx.actors)
        actor_ids = event_actors.with_host(host_rule, actor_ids, host, ctx.actors, ctx.affiliations, visitors, subjects)
    continued = target if (target and trigger.form == "verb" and target.event_type != trigger.event_type) else None
    follows = same_time or (continued is None and _follows(sentence.text, trigger, ctx.vocab))
    if follows:
        continued = latest  # "Later in the day, ...", "X later held talks with Y": the day of the event before
    return Draft(trigger.event_type, sentence, trigger, timex, actor_ids, location, continued,
                 host=host if host_rule == "country" else None, follows=follows,
                 same_day=_news_day_phrase(timex, inside, ctx.vocab),
                 timed_against=None if timex is not None else event_dates.timed_against(
                     sentence.text, trigger, ctx.vocab, data_dir=ctx.settings.data_dir),
                 timed=not followed and any(t.granularity in ("day", "time") for t in inside), unplaced=unplaced,
                 today=published_today(sentence.text, trigger, ctx.vocab),
                 recent=mentions_recent(sentence.text, trigger, ctx.vocab),
                 reported=is_reported(sentence.text, trigger.start, ctx.vocab),
                 background=leads.in_background(sentence.text, trigger.start, ctx.settings.data_dir))


def _unplaced_day(sentence: Sentence, trigger: Trigger, inside: list[Timex], ctx: Context) -> Timex | None:
    """The weekday the wording gives ``trigger`` ("the summit closed on Saturday", "Tuesday's incident") when the page's
    date is unknown, so that no calendar day can be counted from it: the expression ``event_dates.own_timex`` would
    attach to the trigger were the page dated (asked of a stand-in day). The mention still names its own day: a
    weak noun so dated is reported (``_reported_here``), as on a dated page."""
    if ctx.article.published is not None:
        return None
    loose = [t for t in inside if t.first_day is None and t.granularity in ("day", "time")]
    if not loose:
        return None
    stand_in = [replace(t, first_day=_STAND_IN_DAY, last_day=_STAND_IN_DAY) for t in loose]
    found = event_dates.own_timex(sentence.text, sentence.start, trigger, stand_in, None, ctx.vocab,
                                  data_dir=ctx.settings.data_dir)
    return next((t for t in loose if found is not None and t.start == found.start), None)


def _timed_by_what_follows(sentence: str, trigger: Trigger, at: int, vocab: Vocabulary) -> bool:
    """True when a noun trigger is the subject of "follows", "came" (data/events.yaml ``grammar.followed_by``) and
    the date stands after that verb: "The meeting follows a deal announced on March 10" dates the deal."""
    words = vocab.raw["grammar"].get("followed_by", ())
    if trigger.form != "noun" or at < trigger.end or not words:
        return False
    return bool(re.match(rf"\s+(?:{'|'.join(words)})(?![\w])", sentence[trigger.end : at], re.IGNORECASE))


def _news_day_phrase(timex: Timex | None, inside: list[Timex], vocab: Vocabulary) -> bool:
    """True when the trigger is dated only by "the same day" or "earlier in the day" (data/events.yaml
    ``same_day_phrases``) and no day named before it in the sentence is the day meant ("arrived on 11 March,
    where he had held meetings earlier that day")."""
    if timex is None or not vocab.same_day.fullmatch(timex.text):
        return False
    return not any(t.start < timex.start and t.granularity in ("day", "time") for t in inside)


def _follows(sentence: str, trigger: Trigger, vocab: Vocabulary) -> bool:
    """True when a word such as "later" or "then" stands right before the trigger (data/events.yaml
    ``later_before``): "Kihara later held talks with ...", "the minister then travelled to ..."."""
    return bool(vocab.later_before.search(sentence[max(0, trigger.start - 30) : trigger.start]))


def _name_spans(sentence: Sentence, ctx: Context) -> list[tuple[int, int]]:
    """Spans (relative to the sentence) of people and organisations, which are no place names."""
    return [(m.start - sentence.start, m.end - sentence.start) for m in _within(ctx.mentions, sentence, ctx)
            if ctx.actors[m.actor_id].kind != "country"]


def _own_time_of_the_extra(draft: Draft, ctx: Context) -> tuple[Timex | None, Timex | None]:
    """(timex, unplaced) of a trigger ``_told_on_other_times`` kept: the time of its own words ("pleaded guilty in
    July"), not another the date rules would lend it when that one cannot be placed ("in May 2021")."""
    own = _worded_time(draft.sentence, draft.trigger, ctx)
    if own is None or (draft.timex is not None and draft.timex.start == own.start):
        return draft.timex, draft.unplaced
    return (own, None) if own.first_day is not None else (None, own)


def _told_on_other_times(triggers: list[Trigger], main: list[Trigger], sentence: Sentence, ctx: Context) -> list[Trigger]:
    """The triggers ``_main_triggers`` set aside that tell another happening of a kept trigger's type (or of its
    ``one_happening`` group, data/events.yaml ``merge``) at another time of their own words, when the kept one has a
    time of its own too ("was detained in May 2021 and admitted the charges in March", "gunmen raided a depot on
    3 May and a bomber hit a checkpoint on 4 May"): a happening each. Only for data/same_happening.yaml
    ``other_time_types``: "the summit opened on Monday and closed on Tuesday" is one gathering."""
    types = set(load("same_happening.yaml", ctx.settings.data_dir).get("other_time_types", ()))
    group = set(ctx.vocab.raw["merge"].get("one_happening", ()))
    extra: list[Trigger] = []
    for trigger in triggers:
        kin = [t for t in (*main, *extra) if t.event_type == trigger.event_type
               or {t.event_type, trigger.event_type} <= group]
        if trigger.event_type not in types or trigger.form != "verb" or not kin \
                or any(t is trigger or t.start < trigger.end and trigger.start < t.end for t in (*main, *extra)):
            continue  # a verb of its own: "with both sides reporting casualties on Tuesday" is the fighting's toll
        own = _worded_time(sentence, trigger, ctx)
        times = [_worded_time(sentence, t, ctx) for t in kin] if own is not None else [None]
        if all(t is not None and t.start != own.start and t.text.casefold() != own.text.casefold() and _times_apart(t, own)
               and not _ONE_SPAN.fullmatch(ctx.article.text[min(t.end, own.end) : max(t.start, own.start)]) for t in times):
            extra.append(trigger)
    return _without_targets(extra, sentence.text, ctx.vocab) if extra else extra


def _done_by_other_subjects(triggers: list[Trigger], main: list[Trigger], sentence: Sentence, ctx: Context) -> list[Trigger]:
    """The strong verb triggers ``_main_triggers`` set aside whose own clause opens with a named subject that no kept
    trigger of their type has ("Jane Roe held a rally in Velm, John Doe held one in Dorra and Ana Moro led a roadshow in
    Kesh", "The mayor opened a school; the governor opened a clinic"): each subject did a thing of its own, a happening
    each, as a round-up of the day tells several."""
    subjects = {id(t): _clause_subject(t, sentence, ctx) for t in (*triggers, *main)}
    extra: list[Trigger] = []
    for trigger in triggers:
        kin = [t for t in (*main, *extra) if t.event_type == trigger.event_type]
        if trigger.strength != "strong" or trigger.form != "verb" or not kin or not subjects[id(trigger)] \
                or any(t is trigger or t.start < trigger.end and trigger.start < t.end for t in (*main, *extra)):
            continue
        named = _clause_sides(trigger, sentence, ctx)
        if not _subordinate_clause(trigger, sentence) \
                and all(subjects[id(t)] and _clause_sides(t, sentence, ctx).isdisjoint(named) for t in kin):
            extra.append(trigger)
    return extra


def _subordinate_clause(trigger: Trigger, sentence: Sentence) -> bool:
    """True when ``trigger``'s clause opens with a subordinating word ("..., when John Doe toured the region", "...,
    after the minister opened the port"): it tells the time or the circumstance of the sentence's happening, or history,
    not a further item of a round-up."""
    text = sentence.text
    start = _clause_start(text, trigger.start)
    return _SUBORDINATE_OPENING.match(text, start) is not None


def _clause_sides(trigger: Trigger, sentence: Sentence, ctx: Context) -> set[str]:
    """The actors named in ``trigger``'s clause, and the countries they belong to: none shared by two clauses, the
    subjects did things of their own; shared, they did their parts of one happening ("X released 32 Ruritanian soldiers
    and Ruritania freed two of X's": one exchange)."""
    text = sentence.text
    start = _clause_start(text, trigger.start)
    stop = _SUBJECT_CLAUSE_BREAK.search(text, trigger.end)
    ids = {m.actor_id for m in _within(ctx.mentions, sentence, ctx)
           if sentence.start + start <= m.start and m.end <= sentence.start + (stop.start() if stop else len(text))}
    return ids | {a for i in ids for a in ctx.affiliations(i)}


def _clause_subject(trigger: Trigger, sentence: Sentence, ctx: Context) -> set[str]:
    """The actors named right before ``trigger`` in its clause, as its subject ("..., Governor Ana Moro opened a
    clinic"): those of the names that end at most ``SUBJECT_GAP_WORDS`` words before it, after the clause's last break."""
    text = sentence.text
    start = _clause_start(text, trigger.start)
    names = [m for m in _within(ctx.mentions, sentence, ctx)
             if sentence.start + start <= m.start and m.end <= sentence.start + trigger.start]
    if not names or len(text[names[-1].end - sentence.start : trigger.start].split()) > SUBJECT_GAP_WORDS:
        return set()
    return {m.actor_id for m in names}


def _sides_by_subject(draft: Draft, group: list[Trigger], ctx: Context) -> list[str]:
    """The sides of ``draft`` named in its own part of a sentence where each of ``group`` has a subject of its own
    (``_done_by_other_subjects``): from the clause break before its subject to the one before the next subject's."""
    text, at = draft.sentence.text, group.index(next(t for t in group if t is draft.trigger))
    bounds = [_clause_start(text, t.start) for t in group]
    start, end = (0 if at == 0 else bounds[at]), (bounds[at + 1] if at + 1 < len(group) else len(text))
    named = list(dict.fromkeys(m.actor_id for m in _within(ctx.mentions, draft.sentence, ctx)
                               if draft.sentence.start + start <= m.start and m.end <= draft.sentence.start + end))
    return [i for i in draft.actor_ids if i in named] or named


def _clause_start(text: str, at: int) -> int:
    """Where the clause that holds offset ``at`` opens: after the last comma, semicolon, colon, "and", "while",
    "whereas" or "as" before it (the sentence's start when there is none)."""
    return max((m.end() for m in _SUBJECT_CLAUSE_BREAK.finditer(text, 0, at)), default=0)


_SUBJECT_CLAUSE_BREAK = re.compile(r"[,;:]|\s(?:and|while|whereas|as)\s", re.IGNORECASE)
SUBJECT_GAP_WORDS = 2  # "Ana Moro held", "Ana Moro also held", "Ana Moro on Tuesday held"
_SUBORDINATE_OPENING = re.compile(r"\s*(?:when|whenever|where|after|before|since|until|till|because|although|though|"
                                  r"if|once|unless|who|whom|whose|which|that)(?![\w'’-])", re.IGNORECASE)


def _times_apart(a: Timex, b: Timex) -> bool:
    """False when both times are placed in the calendar and share a day ("overnight" and "Tuesday")."""
    if a.first_day is None or b.first_day is None:
        return True
    return (a.last_day or a.first_day) < b.first_day or (b.last_day or b.first_day) < a.first_day


_ONE_SPAN = re.compile(r"\s*(?:to|and|or|until|till|through|-|–|—)\s*", re.IGNORECASE)  # "Monday to Tuesday": one time


def _told_by_other_doers(lead: Draft, told: Timex, ctx: Context) -> bool:
    """True when the sentence whose day would date the lead opens with other doers than the lead's (``_doers_apart``:
    "Troops freed the captives" and "Gunmen stormed the school last Thursday"): it tells another happening."""
    text = ctx.article.text
    start = max(text.rfind("\n", 0, told.start), text.rfind(". ", 0, told.start) + 1) + 1
    return _doers_apart(_subject_of(lead), " ".join(text[start : told.start].split()[:SUBJECT_WORDS]), ctx)


def _gathering_detail(kept: Draft, new: Draft, ctx: Context) -> bool:
    """True when ``new`` names the gathering ``kept`` by a definite noun (``_gathering_told_again``) and names no day:
    it adds a detail (who attended, the theme, the host), so ``kept`` stays the evidence with its sides; "The summit
    is taking place on Sunday" reports the gathering and may become its evidence."""
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    types = tuple(rules.get("gathering_types", ()))
    return new.timex is None and not new.timed and kept.event_type in types and new.event_type in types \
        and _names_the_gathering(new, rules, ctx) is not None


def _date_the_lead(kept: Draft, new: Draft) -> None:
    """A later sentence that only dates the lead's event ("The incident occurred on Saturday"): the lead stays
    the evidence, with its people, and takes the day when it has none."""
    kept.support += 1
    kept.told.append(new.sentence.text)
    kept.found_by = RULE if RULE in (kept.found_by, new.found_by) else kept.found_by  # a rule read it too
    if kept.timex is None and new.timex is not None:
        kept.timex, kept.timed = new.timex, new.timed
    kept.location = kept.location or new.location


def _names_the_lead_news(kept: Draft, new: Draft, drafts: list[Draft], ctx: Context) -> bool:
    """True when ``kept`` is the article's lead news (its first event, in the lead), reported by a verb, and
    ``new`` refers back to it ("Gunmen ambushed a convoy ..." and then "The killing on Thursday sparked a
    manhunt") or tells it again with its day ("Two trains have derailed, killing 200" and then "One train derailed
    ... late on Friday"): the lead stays the evidence (news states its happening in the lead and adds details
    after it), the later sentence gives the day. Not when the lead also names a happening of the type in
    background ("have been arrested after police raided ..."): the later sentence may tell that one."""
    if kept is not drafts[0] or kept.sentence.start >= LEAD_CHARS or not (_reports(kept) or _subject_of_a_report(kept, ctx)):
        return False
    return _anaphoric(new, ctx.vocab) or not _named_in_background(kept, ctx)


def _subject_of_a_report(draft: Draft, ctx: Context) -> bool:
    """True for a strong noun mention of the body, not named as background, that a strong verb mention of its type
    goes on from in its clause ("A car bombing in the town has killed 23 people": the noun is the subject of the
    verb that reports it; not "following an earthquake that hit the south")."""
    trigger, text = draft.trigger, draft.sentence.text
    if trigger.form != "noun" or trigger.strength != "strong" or _headline(draft) or _quoted(draft) \
            or _named_in_background(draft, ctx):
        return False
    return any(t.form == "verb" and t.strength == "strong" and t.event_type == trigger.event_type
               and t.start >= trigger.end and not _CLAUSE_BREAK.search(text, trigger.end, t.start)
               for t in _triggers_of(text, ctx))


def _named_in_background(draft: Draft, ctx: Context) -> bool:
    """True when ``draft``'s sentence names a happening of its type in a background phrase, inside its trigger's
    words or by another trigger ("Five people have been arrested after police raided ..."): a later sentence with
    a day may report that happening."""
    text, trigger = draft.sentence.text, draft.trigger
    inside = [trigger.start + m.start() for m in re.finditer(r"\S+", trigger.text)][1:]
    return any(leads.in_background(text, at, ctx.settings.data_dir) for at in inside) \
        or any(t.event_type == draft.event_type and leads.in_background(text, t.start, ctx.settings.data_dir)
               for t in _triggers_of(text, ctx))


def _join(kept: Draft, new: Draft, keep_evidence: bool = False, actors: Mapping[str, Actor] | None = None,
          published: date | None = None, told_only: bool = False) -> None:
    """Fold a further mention into ``kept``; the better-dated mention gives the day and becomes the evidence
    (with ``keep_evidence``, the day only), keeps the earlier mention's sides of its kinds (with ``actors``), and
    keeps the earlier mention's timing against another event when it has no timing of its own; a mention that does
    not outrank ``kept`` gives it its people when ``kept`` names none (with ``actors``). A mention
    ``told_only`` (a photo caption) adds its support and gives nothing else."""
    kept.support += 1
    kept.told.append(new.sentence.text)
    kept.recent = kept.recent or new.recent
    if told_only:
        return
    kept.found_by = RULE if RULE in (kept.found_by, new.found_by) else kept.found_by  # a rule read it too
    if _rank(new) > _rank(kept) and not _coarser_than_the_lead_day(kept, new, published) and not _weak_retelling(kept, new):
        if kept.evidence is None and keep_evidence:
            kept.evidence = kept.sentence
        location = kept.location
        kept.guessed = 0.0
        kept.sentence, kept.trigger, kept.timex, kept.timed = new.sentence, new.trigger, new.timex, new.timed
        named = new.actor_ids or kept.background  # a background phrase's sides are those of its sentence's news
        if named:  # the earlier mention's sides of the same kind stay, unless it was a background phrase
            sides = new.actor_ids if kept.background or actors is None \
                else event_actors.joined_sides(kept.actor_ids, new.actor_ids, actors)
            kept.actor_ids, kept.host = sides, new.host
        untimed = new.timex is None and new.continued is None and not new.timed_against and not new.same_day
        kept.continued, kept.follows, kept.today, kept.reported = new.continued, new.follows, new.today, new.reported
        kept.same_day, kept.background = new.same_day, new.background
        kept.timed_against = kept.timed_against if untimed else new.timed_against
        kept.location = new.location or location
    else:
        if actors is not None:
            kept.actor_ids = event_actors.further_people(kept.actor_ids, new.actor_ids, actors)
        if kept.location is None:
            kept.location = new.location


def _weak_retelling(kept: Draft, new: Draft) -> bool:
    """True when ``new`` outranks ``kept`` only by being told as news where ``kept`` was named in a background phrase,
    but is a weak mention with no day of its own and ``kept`` a strong one ("The decisions came after the governor held
    a meeting with the mayors" and then "..., it came out in the meeting"): the weak mention refers back; the strong
    one stays the evidence with its sides."""
    return kept.background and not new.background and kept.trigger.strength == "strong" \
        and new.trigger.strength == "weak" and _rank(new)[:3] == _rank(kept)[:3]


def _coarser_than_the_lead_day(kept: Draft, new: Draft, published: date | None) -> bool:
    """True when ``new`` is dated only by a month, a quarter or a year that holds the publication day or began before
    it, and ``kept`` is an undated mention of the lead, which takes that day ("X has hosted Y in Nairobi" and then
    "February saw talks between X and Y"; "has agreed to sign an accord" and then "had almost reached a deal in January"):
    the coarser date would blur the lead's day or move it to an older step, so the lead stays the evidence and keeps
    its day. Not a week ("a drone hit the port last week" is the news told again, and dates it)."""
    timex = new.timex
    if not kept.lead or kept.timex is not None or kept.sentence.start >= LEAD_CHARS or timex is None or published is None:
        return False
    return timex.granularity not in ("day", "time", "week") and timex.first_day is not None \
        and timex.first_day <= published


def _reports(draft: Draft) -> bool:
    """True for a strong verb mention in a sentence of the body, outside a quotation: a report of the happening
    ("gunmen ambushed a convoy"), not a noun that a sentence about something else names ("the incident underscored")."""
    return draft.trigger.strength == "strong" and draft.trigger.form == "verb" and not _headline(draft) \
        and not _quoted(draft)


def _rank(draft: Draft) -> tuple:
    return (draft.timex is not None, draft.timed, not _headline(draft), not draft.background,
            draft.trigger.strength == "strong", draft.today)


def _resolve(draft: Draft, ctx: Context, earlier: list[Draft]) -> None:
    """Fill ``draft.resolved`` following the date preference of the module docstring; ``earlier`` are the
    article's events before it, already resolved."""
    article = ctx.article
    stated = day_stated(article)  # rule 3 needs a stated day
    news = _day_of_the_news(earlier) if draft.same_day else None
    against = _timed_against(draft, earlier) if draft.timed_against and draft.timex is None else None
    if news is not None:
        day = news.resolved[0]
        draft.resolved = (day, None, "day", f'the day of the news: "{draft.timex.text}" is the day of the '
                          f'{news.event_type} of {day.isoformat()} ({news.resolved[3]})', None)
    elif against is not None:
        draft.resolved = _timed_against_day(draft, against)
    elif draft.timex is not None and not (stated and draft.timex.first_day and draft.timex.first_day > article.published):
        day, end, precision = event_dates.from_timex(draft.timex)
        inferred = ctx.article.published_basis if ctx.article.published_inferred else ""
        draft.resolved = (day, end, precision, event_dates.describe_timex(draft.timex, inferred), None)
    elif draft.continued is not None and draft.continued.resolved and draft.continued.resolved[0] \
            and (not draft.follows or draft.continued.resolved[2] == "day"):  # "later" than a year says no day
        day, end, precision, basis, _ = draft.continued.resolved
        words = draft.sentence.text[:60]
        draft.resolved = (day, end, precision, f'continued date: the sentence "{words}..." continues the '
                          f'{draft.continued.event_type} of {day.isoformat()} ({basis})', None)
    elif draft.remarks_day is not None:
        day, end, precision = event_dates.from_timex(draft.remarks_day)
        draft.resolved = (day, end, precision, f'day of the remarks: "{_short(draft.sentence.text)}" refers back '
                          f'to remarks reported "{draft.remarks_day.text}" ({draft.remarks_day.value})', None)
    elif draft.event_type == "speech" and (opening := event_dates.opening_day(
            draft.sentence.text, [(d.event_type, d.sentence.text, d.resolved) for d in earlier],
            ctx.settings.data_dir)) is not None:
        draft.resolved = (opening[0], None, "day", f'the opening day: "{_short(draft.sentence.text)}" is the opening '
                          f'speech of the conference that opened {opening[0].isoformat()} ("{_short(opening[1])}")', None)
    elif stated and (arrived := event_dates.arrival_day(
            draft.sentence.text, draft.sentence.start, draft.trigger, list(_within(ctx.timexes, draft.sentence, ctx)),
            ctx.settings.data_dir)) is not None and arrived.first_day == article.published:
        draft.resolved = (article.published, None, "day", f'after an arrival on the publication day: "{arrived.text}" '
                          f'({arrived.value}) dates the arrival before it, and the article appeared that day', None)
    elif (welcome := event_dates.welcome_day(draft.sentence.text, [(d.event_type, d.sentence.text, d.resolved)
                                                                     for d in earlier], ctx.settings.data_dir)):
        draft.resolved = (welcome, None, "day", f'the day of the arrival: "{_short(draft.sentence.text)}" is at the '
                          f'place of arrival of the visit of {welcome.isoformat()} reported just before', None)
    elif (back := event_dates.named_back_day(draft.sentence.text, [(d.event_type, d.sentence.text, d.resolved)
                                                                   for d in earlier], ctx.settings.data_dir)):
        draft.resolved = (back[0], None, "day", f'named back: "{back[1]}" in "{_short(draft.sentence.text)}" names the '
                          f'happening told before with its day, {back[0].isoformat()} ("{_short(back[2])}")', None)
    elif not earlier and draft.sentence.start < LEAD_CHARS and stated \
            and draft.trigger.label not in ctx.vocab.raw["merge"].get("distinct_labels", ()) \
            and (ctx.vocab.types[draft.event_type]["family"] == "happening"
                 or event_dates.tells_a_decision(draft.trigger, ctx.settings.data_dir)) \
            and (told := event_dates.day_told_after_lead(article.text, draft.sentence.end, draft.trigger,
                                                        list(ctx.timexes), article.published, ctx.vocab,
                                                        ctx.settings.data_dir)) is not None \
            and not _told_by_other_doers(draft, told, ctx):
        day, end, precision = event_dates.from_timex(told)
        draft.resolved = (day, end, precision, f'the lead told again with its day: "{_short(draft.sentence.text)}" '
                          f'is told again in a sentence after it, "{told.text}" ({told.value})', None)
    elif draft.today and stated and not _held_on_a_day_told_before(draft, ctx):
        draft.resolved = _publication_day(draft, article, "is reported as just happened;")
    elif _lead_news(draft, ctx, earlier):
        draft.resolved = _publication_day(draft, article, "is the article's lead news and its sentence names no day;")
    elif stated and not draft.recent and not draft.background \
            and event_dates.reported_as_news(article.text, draft.sentence.text, draft.sentence.start, draft.trigger,
                                             list(ctx.timexes), article.published, ctx.vocab, ctx.settings.data_dir):
        draft.resolved = _publication_day(draft, article, "is reported as the news with no day of its own;")
    elif stated and not draft.recent and not draft.background \
            and (passage := event_dates.news_day_before(article.text, draft.sentence.text, draft.sentence.start,
                                                        draft.trigger, list(ctx.timexes), article.published,
                                                        ctx.settings.data_dir)) is not None:
        day, end, precision = event_dates.from_timex(passage)
        draft.resolved = (day, end, precision, f'the day of the news it goes on with: "{_short(draft.sentence.text)}" '
                          f'names no day; the latest day named before it is "{passage.text}" ({passage.value})', None)
    else:
        draft.resolved = (None, None, "unknown", _undated_basis(draft, ctx), _window(draft, ctx))


def _held_on_a_day_told_before(draft: Draft, ctx: Context) -> bool:
    """True when a gathering told in the past simple ("The ceremony was held in the town hall") goes on with a day of
    the last few before publication named before it ("awarded the prizes on Saturday"): it is that day's news, as a
    sentence with no such wording is (``event_dates.news_day_before``), not the publication day's."""
    return event_dates.held_in_the_past_simple(draft.sentence.text, draft.trigger, ctx.settings.data_dir) \
        and not draft.recent and not draft.background \
        and event_dates.news_day_before(ctx.article.text, draft.sentence.text, draft.sentence.start, draft.trigger,
                                        list(ctx.timexes), ctx.article.published, ctx.settings.data_dir) is not None


def _timed_against_day(draft: Draft, against: Draft) -> tuple:
    """The day of ``draft``, timed against the dated event ``against`` ("a day after", "following the talks")."""
    days = draft.timed_against[1]
    day = against.resolved[0] + timedelta(days=days)
    when = "is the day of" if days == 0 else \
        f"is {abs(days)} day{'s' if abs(days) != 1 else ''} {'after' if days > 0 else 'before'}"
    return (day, None, "day", f'timed against another event: "{_short(draft.sentence.text)}" {when} '
                              f'the {against.event_type} of {against.resolved[0].isoformat()} ({against.resolved[3]})', None)


def _timed_against(draft: Draft, candidates: list[Draft]) -> Draft | None:
    """The dated happening of ``candidates`` that ``draft`` is timed against (of its ``timed_against`` type)."""
    return _day_of_the_news([d for d in candidates if draft.timed_against[0] in (d.event_type, *d.parts)],
                            dated_lead=True)


def _timed_against_later(drafts: list[Draft]) -> None:
    """Date an event left without a day whose evidence is a sentence timed against another happening ("Following
    the talks, they signed a memorandum") that was drafted after it (its first mention, a lead that named no day,
    came before the talks were told): the day of the latest such happening told before that sentence."""
    for draft in drafts:
        if draft.resolved[0] is not None or not draft.timed_against or draft.timex is not None:
            continue
        against = _timed_against(draft, [d for d in drafts if d is not draft and d.sentence.start < draft.sentence.start])
        if against is not None:
            draft.resolved = _timed_against_day(draft, against)


def _publication_day(draft: Draft, article: Article, why: str) -> tuple:
    """Rule 3: the publication date, with a basis that says why the trigger's sentence is the news of that day."""
    day = article.published.isoformat()
    said = article.published_basis or "article date"
    if re.fullmatch(rf"\W*(?:date|published|posted|updated)?\W*{day}\W*", said, re.IGNORECASE):
        said = "the page's date line"  # "date 2023-03-15" only repeats the day
    basis = f'publication date: "{_short(draft.trigger.text)}" {why} published {day} ({said})'
    return (article.published, None, "day", basis, None)


def _day_of_the_news(earlier: list[Draft], dated_lead: bool = False) -> Draft | None:
    """The event whose day "the same day" or "earlier in the day" names: the latest earlier event with a day
    that is not before the lead event's day (the first event with a day); a day recalled in between, before
    the lead, is background. With ``dated_lead`` ("The incident came a day after ..."), the first of
    ``earlier`` is the lead, and when it has no day neither has the news."""
    if dated_lead and earlier and not (earlier[0].resolved and earlier[0].resolved[0] and earlier[0].resolved[2] == "day"):
        return None
    dated = [d for d in earlier if d.resolved and d.resolved[0] is not None and d.resolved[2] == "day"]
    if not dated:
        return None
    lead = dated[0].resolved[0]
    return next(d for d in reversed(dated) if d.resolved[0] >= lead)


def _short(words: str, limit: int = 60) -> str:
    return words if len(words) <= limit else words[: limit - 3].rstrip() + "..."


def _window(draft: Draft, ctx: Context) -> tuple[date | None, date | None] | None:
    """(earliest, latest) day of an undated event: up to publication (the last days before it, when reported
    as recent); for an article with no publication day, from the earliest day it can have appeared (to the last
    day of its month, for a page dated to a month only)."""
    published = ctx.article.published
    if published is None:
        floor = publication_floor(ctx.article)
        return None if floor is None else (floor, publication_ceiling(ctx.article))
    lower, upper = (None, published)
    if draft.recent:
        lower, upper = event_dates.recent_window(published, ctx.vocab.raw["recent"]["days"])
    return None if lower is None and upper is None else (lower, upper)


def _undated_basis(draft: Draft, ctx: Context) -> str:
    published = ctx.article.published
    if published is None:
        floor, ceiling = publication_floor(ctx.article), publication_ceiling(ctx.article)
        bound = f"; not before {floor.isoformat()}, the earliest day the article can have appeared" if floor else ""
        if ceiling:
            bound += f", nor after {ceiling.isoformat()}, the last day of the month the page is dated to"
        return f"no date: the sentence has no date of its own and the article's date is unknown{bound}"
    if draft.recent:
        return (f"no day stated: reported as recent, so within {ctx.vocab.raw['recent']['days']} days "
                f"before publication ({published.isoformat()})")
    return f"no day stated: happened on or before publication ({published.isoformat()})"


def _confidence(draft: Draft, ctx: Context) -> float:
    table = ctx.vocab.raw["confidence"]
    score = draft.guessed or table[draft.trigger.strength]
    basis = draft.resolved[3]
    if draft.timex is not None:
        score += table["own_date"]
    elif basis.startswith("continued"):
        score += table["continued_date"]
    elif basis.startswith("the day of the news it goes on"):  # rule 2 for a passage of news
        score += table.get("news_passage", table["continued_date"] - 0.05)
    elif "reported as the news with no day" in basis:  # rule 3 beyond the lead: less sure than the lead's
        score += table.get("reported_news", table["publication_date"] - 0.05)
    elif basis.startswith("publication"):
        score += table["publication_date"]
    if draft.actor_ids:
        score += table["actors"]
    if ctx.article.published_inferred:
        score += table["inferred_publication"]
    return round(min(1.0, max(0.05, score)), 2)


def _event(draft: Draft, ctx: Context) -> Event:
    day, end, precision, basis, window = draft.resolved
    names = [event_actors.short_name(ctx.actors[i]) for i in draft.actor_ids if i != draft.host][:3]
    entry = ctx.vocab.types[draft.event_type]
    kinds = entry.get("kinds", {})
    title = event_actors.make_title(entry["titles"], names, draft.trigger, draft.location,
                                    _noun(draft.trigger, entry), kinds.get(draft.trigger.label, kinds.get("default", "")))
    sentence = draft.evidence or draft.sentence
    ids = tuple(dict.fromkeys([*draft.actor_ids, *draft.company]))
    key = f"{ctx.article.id}|{draft.event_type}|{sentence.start}|{draft.trigger.start}"
    return Event(
        id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        article=ctx.article.name, article_id=ctx.article.id, event_type=draft.event_type, title=title,
        date=day, date_end=end, precision=precision, date_basis=basis,
        actors=tuple(ctx.actors[i].name for i in ids), actor_ids=ids,
        location=draft.location, evidence=sentence.text, evidence_start=sentence.start,
        evidence_end=sentence.end, confidence=_confidence(draft, ctx), trigger=draft.trigger.text,
        date_window=window, found_by=draft.found_by,
    )


def _noun(trigger: Trigger, entry: dict) -> str:
    """The type's noun the trigger uses ("summit"), else its first noun."""
    words = trigger.text.lower()
    if trigger.label:
        return trigger.label
    return next((noun for noun in entry["nouns"] if noun in words), entry["nouns"][0])
