"""Whether a further mention tells a happening the article has already drafted (the joins of timeline.events).

Reads: a new ``Draft`` (timeline.event_drafts), the drafts made before it in the article, the draft its sentence
continues, the article's ``Context``, data/same_happening.yaml and data/events.yaml ``merge``.
Adds: ``_same_event``, the earlier draft the mention tells again, or None for a happening of its own. A mention
joins when it repeats a draft, refers back to it ("the attack", a weak trigger, "As a result, ..."), tells the
lead, a hazard, a toll or a gathering again; or names the same kind of happening on a day, at a place and with
sides that agree. Sequels, new counterparts, other days and other doers keep mentions apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from . import event_actors, event_dates
from .event_drafts import (_CLAUSE_BREAK, _STAND_IN_DAY, LEAD_CHARS, Context, Draft, _headline, _lead_news, _own_day,
                           _triggers_of, _within, _words_pattern)
from .models import Mention, Timex
from .reading.inference import day_stated, publication_floor
from .resources import load
from .sentences import Sentence
from .triggers import Trigger, Vocabulary


def _same_event(draft: Draft, drafts: list[Draft], target: Draft | None, ctx: Context) -> Draft | None:
    """The earlier event of the article that ``draft`` mentions again, if any; not one its own sentence told, for a
    happening told apart in a clause timed against it (``Draft.apart``)."""
    if draft.apart:
        drafts = [d for d in drafts if d.sentence.start != draft.sentence.start]
    repeated = next((d for d in reversed(drafts) if _repeats(d, draft) and _dates_agree(d, draft)), None)
    if repeated is not None:
        return repeated
    if _told_as_earlier(draft, ctx) or _opens_apart(draft, ctx):
        return None
    if _tells_the_lead_again(draft, drafts, ctx):
        return drafts[0]
    earlier = _clause_told_again(draft, drafts, ctx)
    if earlier is not None:
        return earlier
    disaster = _hazard_told_again(draft, drafts, ctx) or _toll_of_the_lead(draft, drafts, ctx)
    if disaster is not None:
        return disaster
    gathering = _gathering_told_again(draft, drafts, ctx)
    if gathering is not None and not _other_speakers(gathering, draft, ctx):
        return gathering
    subject = _subject_refers_back(draft, ctx)
    inside = _inside_the_known(draft, ctx) or _scene(draft, ctx)
    referring = draft.trigger.strength == "weak" or _anaphoric(draft, ctx.vocab) or _outcome_clause(draft) \
        or _consequence(draft, ctx) or subject or _definite_document(draft, ctx) or inside
    if not referring and _sequel(draft, ctx):
        return None
    group = ctx.vocab.raw["merge"].get("one_happening", ())
    latest = next((d for d in reversed(drafts) if d.event_type in group), None) \
        if subject or inside or _anaphoric(draft, ctx.vocab, in_clause=True) else None
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    talks, apart = tuple(rules.get("call_talks_nouns", ())), tuple(rules.get("labels_apart_types", ()))
    candidates = [d for d in reversed(drafts) if d.sentence.start != draft.sentence.start or d.event_type != draft.event_type]
    other_kind = set(rules.get("referring_apart_labels", ()))  # "the killing" told after an arrest is not the arrest
    candidates = [d for d in candidates if d.event_type == draft.event_type or d.trigger.label not in other_kind]
    # (referring, the same type or a call before: what _same_kind needs, checked first as it is met by few pairs)
    candidates = [d for d in candidates if (referring or d.event_type == draft.event_type or d.event_type == "call")
                  and _same_kind(d, draft, referring, ctx.vocab, d is latest, talks)
                  and _dates_agree(d, draft) and not _other_day_than_the_news(d, draft, drafts, ctx)
                  and not _long_before_the_news(d, draft, ctx.article.published or publication_floor(ctx.article),
                                                 d is drafts[0])
                  and _labels_agree(d, draft, ctx.vocab, apart) and not _new_counterpart(d, draft, ctx)
                  and not _bilateral_part(d, draft, ctx) and not _other_speakers(d, draft, ctx)
                  and (referring or _documents_agree(d, draft, ctx.vocab))]
    candidates = _on_the_timed_day(draft, candidates, drafts, ctx)
    if not candidates:
        return None
    if target in candidates and (referring or _sides_agree(target.actor_ids, draft.actor_ids, ctx)):
        return target
    if referring:
        return candidates[0]
    host_rule = ctx.vocab.types[draft.event_type].get("host")
    return next((d for d in candidates if _sides_agree(d.actor_ids, draft.actor_ids, ctx, host_rule)
                 and _places_agree(d, draft, drafts) and not _delivered_elsewhere(d, draft, ctx)
                 and not _timed_apart(d, draft) and _kinds_agree(d, draft, ctx.vocab)
                 and not _unknown_day_apart(d, draft, ctx) and not _unknown_day_apart(draft, d, ctx)
                 and not _loose_times_apart(d, draft, ctx) and not _day_parts_apart(d, draft, ctx)
                 and not _elsewhere_on_its_day(d, draft, ctx)), None)


def _elsewhere_on_its_day(kept: Draft, new: Draft, ctx: Context) -> bool:
    """True for a fresh encounter with a day of its own at another place than an undated encounter reported
    before ("X was also received by the president" in the capital, then "Late last month, the rail chiefs met in
    the port of Y"): another encounter, whatever sides each names."""
    if ctx.vocab.types[new.event_type]["family"] != "encounter" or new.timex is None or _date_of(kept) is not None \
            or _headline(kept):
        return False  # a headline ("X arrives in <city> for state visit") tells the news the body tells with its day
    return bool(kept.location and new.location) and kept.location.casefold() != new.location.casefold()


def _unknown_day_apart(a: Draft, b: Draft, ctx: Context) -> bool:
    """True when ``b``'s sentence opens with a day that no calendar anchors ("On Monday, 13 officers were killed" in an
    article with no date) and ``a``'s sentence names days, none of them that one ("gunmen stormed the village on July
    8"): each is told on its own day, so they are two happenings, although the days cannot be compared."""
    if b.timex is not None or not b.timed or not (a.timed or a.timex is not None):
        return False
    opening = b.sentence.start + len(b.sentence.text) - len(b.sentence.text.lstrip(" \"“'‘("))
    days = [t for t in _within(ctx.timexes, b.sentence, ctx) if t.first_day is None and t.granularity in ("day", "time")
            and t.start - opening <= OPENING_DAY_CHARS and t.start < b.sentence.start + b.trigger.end]  # "Police on Monday killed"
    named = {t.text.lower() for t in _within(ctx.timexes, a.sentence, ctx) if t.granularity in ("day", "time")}
    return bool(days) and bool(named) and days[0].text.lower() not in named


def _day_parts_apart(kept: Draft, new: Draft, ctx: Context) -> bool:
    """True when two fresh mentions are each told at a part of a day (data/same_happening.yaml ``day_parts``: "on
    Monday afternoon", "at noon", "3 p.m. on Friday", "on Monday evening") and the parts differ, not two that one
    happening may span (``day_parts_together``: a night and the morning after it): "Protesters gathered on Monday
    afternoon" and "X held a rally on Monday evening" are two happenings, although the days agree."""
    first, second = _date_of(kept), new.timex
    if first is None or second is None:
        return False
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    parts = _day_part(first, rules), _day_part(second, rules)
    together = {frozenset(pair) for pair in rules.get("day_parts_together", ())}
    return None not in parts and parts[0] != parts[1] and frozenset(parts) not in together


def _day_part(timex: Timex, rules: Mapping) -> str | None:
    """The part of the day ``timex`` names: by its clock time ("T15:00") or its TimeML part ("TAF"), else by a word of
    its text ("Thursday night"); None for a whole day."""
    table = rules.get("day_parts", {})
    found = re.search(r"T(?:(\d\d):\d\d|([A-Z]{2}))$", timex.value or "")
    if found and found.group(1) is not None:
        hour = int(found.group(1))
        return next((part for part, (low, high) in rules.get("day_part_hours", {}).items()
                     if (low <= hour <= high if low <= high else hour >= low or hour <= high)), None)
    if found and found.group(2) in rules.get("day_part_codes", {}):
        return rules["day_part_codes"][found.group(2)]
    words = set(re.findall(r"[a-z]+", timex.text.lower()))
    return next((part for part, names in table.items() if words & set(names)), None)


OPENING_DAY_CHARS = 12  # "On Monday," / "Earlier on Friday,": a day this close to the sentence's start dates its main clause


def _loose_times_apart(kept: Draft, new: Draft, ctx: Context) -> bool:
    """True on a page of unknown date when both mentions have a time of their own words, ``new``'s one no calendar
    places ("unrest broke out last winter", "X was jailed earlier this year", "admitted the charges in March"), and
    ``new``'s is not named in ``kept``'s sentence ("... shot dead a guard yesterday", "... was sentenced on Monday") or
    both stand in one sentence ("was detained in May 2021 and admitted the charges in March"): each is told on its own
    time, so they are two happenings, although the times cannot be compared."""
    if ctx.article.published is not None or new.timex is not None:
        return False
    told, time = new.unplaced or _loose_own_time(new, ctx), kept.timex or kept.unplaced or _loose_own_time(kept, ctx)
    if told is None or time is None or told.text.casefold() == time.text.casefold():
        return False
    return kept.sentence.start == new.sentence.start \
        or told.text.casefold() not in {t.text.casefold() for t in _within(ctx.timexes, kept.sentence, ctx)}


def _loose_own_time(draft: Draft, ctx: Context) -> Timex | None:
    """The time of any span ("last November", "earlier this year", "on Monday") that the wording gives ``draft``'s trigger
    when the page's date is unknown: the expression ``event_dates.own_timex`` would attach were the page dated."""
    return _worded_time(draft.sentence, draft.trigger, ctx, loose_only=True)


def _worded_time(sentence: Sentence, trigger: Trigger, ctx: Context, loose_only: bool = False) -> Timex | None:
    """The time expression the wording attaches to ``trigger`` (``event_dates.own_timex`` read on the words alone, as if
    every expression named a day the page could place); with ``loose_only``, only one no calendar places."""
    inside = [t for t in _within(ctx.timexes, sentence, ctx) if t.end <= sentence.end]
    loose = [t for t in inside if (t.first_day is None or not loose_only) and t.granularity != "duration"]
    if not loose:
        return None
    stand_in = [t if t.first_day is not None else replace(t, first_day=_STAND_IN_DAY, last_day=_STAND_IN_DAY, granularity=t.granularity
                if t.granularity in event_dates.USABLE_GRANULARITIES else "year") for t in loose]  # "earlier this year"
    found = event_dates.own_timex(sentence.text, sentence.start, trigger, stand_in, None, ctx.vocab,
                                  data_dir=ctx.settings.data_dir)
    return next((t for t in loose if found is not None and t.start == found.start), None)


def _inside_the_known(draft: Draft, ctx: Context) -> bool:
    """True for an undated mention of a ``one_happening`` type (data/events.yaml ``merge``) placed right after its
    trigger inside a definite noun of such a happening ("A soldier was also killed during the operation", "two were
    wounded in the raid"; data/same_happening.yaml ``referring_subjects`` and ``inside_openers``): a part of the
    happening already reported, as "the operation" itself would be."""
    if _own_day(draft) or draft.event_type not in ctx.vocab.raw["merge"].get("one_happening", ()):
        return False
    return _inside_a_definite(draft, ctx) and not _sequel(draft, ctx)


def _scene(draft: Draft, ctx: Context) -> bool:
    """True for an undated mention of a ``one_happening`` type (data/events.yaml ``merge``) that one of
    data/same_happening.yaml ``scene_verbs`` opens a few words before its trigger, in its clause ("Residents heard
    loud explosions", "witnesses said they saw smoke rising"): what people on the scene perceived of the happening
    already reported, not a happening of its own; not one set apart ("heard another blast", ``_sequel``)."""
    if _own_day(draft) or draft.event_type not in ctx.vocab.raw["merge"].get("one_happening", ()):
        return False
    verbs = tuple(load("same_happening.yaml", ctx.settings.data_dir).get("scene_verbs", ()))
    before = _CLAUSE_BREAK.split(draft.sentence.text[max(0, draft.trigger.start - 40) : draft.trigger.start])[-1]
    found = _words_pattern(verbs, suffix=r"(?:\s+[\w'’-]+){0,2}\s*$").search(before)
    return found is not None and not _sequel(draft, ctx)


def _inside_a_definite(draft: Draft, ctx: Context) -> bool:
    """True when one of data/same_happening.yaml ``inside_openers`` and a determiner open a ``referring_subjects``
    noun right after the trigger ("were killed in the attack", "died during the raid")."""
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    openers = tuple(rules.get("inside_openers", ()))
    determiners = "|".join(ctx.vocab.raw["grammar"]["determiners"])
    if not openers:
        return False
    inside = _words_pattern(tuple(rules.get("referring_subjects", ())),
                            prefix=rf"^\s+(?:{'|'.join(map(re.escape, openers))})\s+(?:{determiners})\s+(?:[\w'’-]+\s+)?")
    return inside.match(draft.sentence.text[draft.trigger.end :]) is not None


def _opens_apart(draft: Draft, ctx: Context) -> bool:
    """True for a mention not named by a determiner in a sentence that opens with one of data/same_happening.yaml
    ``apart_openers`` ("Meanwhile, three people were killed by a roadside bomb", "Prior to this, a car bombing had
    wounded ..."): another happening than those told before it; "Meanwhile, the attack drew condemnation" and
    "Meanwhile, he said 17 were killed in the attack" still name the one reported, and so does "while the leaders
    met" an encounter; the subject of a happening's verb ("In response, the army launched ...") names no happening."""
    openers = tuple(load("same_happening.yaml", ctx.settings.data_dir).get("apart_openers", ()))
    return bool(_words_pattern(openers, prefix=r"^\W*").match(draft.sentence.text)) \
        and not _anaphoric(draft, ctx.vocab, subject_apart=ctx.vocab.types[draft.event_type]["family"] == "happening") \
        and not _inside_a_definite(draft, ctx)


def _told_as_earlier(draft: Draft, ctx: Context) -> bool:
    """True when a word of data/events.yaml ``merge.sequel_offset_words`` stands inside the trigger's own words ("the
    gunmen had earlier shot a man", "troops had previously raided"): a happening before the one reported, whatever
    determiner opens the trigger's subject."""
    offsets = set(ctx.vocab.raw["merge"].get("sequel_offset_words", ()))
    return bool(offsets & set(re.findall(r"[\w'’]+", draft.trigger.text.lower())[1:]))


def _definite_document(draft: Draft, ctx: Context) -> bool:
    """True for a trigger whose own words name a document by a determiner and common words only ("signed the
    agreement", "initialled the declaration"): the document already reported, not a new one; not one named by
    capitalised words ("signed the Paris Declaration") nor one set apart ("also signed the declaration")."""
    words = draft.trigger.text
    if _document_kind(words, ctx.vocab) is None:
        return False
    determiners = "|".join(ctx.vocab.raw["grammar"]["determiners"])
    nouns = [n for kind in ctx.vocab.raw["merge"].get("document_kinds", ()) for n in kind]
    definite = re.search(rf"(?<![\w])(?:{determiners})\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{'|'.join(map(re.escape, nouns))})(?![\w])",
                         words)
    return definite is not None and definite.end() == len(words.rstrip()) and not _sequel(draft, ctx)


def _tells_the_lead_again(draft: Draft, drafts: list[Draft], ctx: Context) -> bool:
    """True for a mention of another ``one_happening`` type (data/events.yaml ``merge``) than the article's undated
    lead happening whose day dates that lead by ``_lead_told_day`` ("Six guards have died in an assault on a depot"
    and then "The raiders stormed it on Sunday ..."): that sentence tells the lead again in other words. A
    mention of the lead's own type is left to the usual rules, which keep apart a part told with its day ("Heavy
    rains have killed 14" and "A landslide buried three houses on Saturday, killing five")."""
    if not drafts or draft.timex is None:
        return False
    lead, group = drafts[0], ctx.vocab.raw["merge"].get("one_happening", ())
    if lead.event_type == draft.event_type or lead.event_type not in group or draft.event_type not in group \
            or not _kinds_agree(lead, draft, ctx.vocab):
        return False
    told = _lead_told_day(lead, ctx)
    return told is not None and told.start == draft.timex.start and not _other_doers(lead, draft, ctx)


def _clause_told_again(draft: Draft, drafts: list[Draft], ctx: Context) -> Draft | None:
    """The happening the lead told apart in a clause timed against its own ("Two guards died on Tuesday, a day after
    rebels killed ten soldiers in the north", ``Draft.apart``), when a later sentence times the news against a
    happening of its kind again ("The attacks came a day after the rebels killed ten soldiers at a base",
    ``Draft.timed_against``): the same earlier happening, told with more detail."""
    if draft.timed_against is None or draft.timex is not None:
        return None
    group = ctx.vocab.raw["merge"].get("one_happening", ())
    return next((d for d in drafts if d.apart and d.lead and (d.event_type == draft.event_type
                                                              or d.event_type in group and draft.event_type in group)), None)


def _other_doers(a: Draft, b: Draft, ctx: Context) -> bool:
    """True when the subject before one trigger names a state's forces (data/participants.yaml ``own_agent_nouns``) and
    the subject before the other names someone else ("Troops killed a bandit and rescued pupils" and "Bandits invaded
    the school last Thursday"): the rescue and the raid it answers are two happenings."""
    return _doers_apart(_subject_of(a), _subject_of(b), ctx)


def _subject_of(draft: Draft) -> str:
    """The first words of the trigger's clause, which name who acted (the trigger may hold them: "Troops have killed")."""
    words = (_CLAUSE_BREAK.split(draft.sentence.text[: draft.trigger.start])[-1] + draft.trigger.text).split()
    return " ".join(words[:SUBJECT_WORDS])


def _doers_apart(first: str, second: str, ctx: Context) -> bool:
    """True when one subject names a state's forces and the other, a subject too, does not."""
    if not all(re.match(r"[A-Z][a-z]", s) for s in (first, second)):
        return False  # a subject each, opening its clause: not a pronoun or a passive's agent left unnamed
    return event_actors.names_forces(first, ctx.settings.data_dir) != event_actors.names_forces(second, ctx.settings.data_dir)


SUBJECT_WORDS = 3  # the words that open a clause and name who acted ("Nigerian troops have", "Bandits invaded the")


def _lead_told_day(lead: Draft, ctx: Context) -> Timex | None:
    """The day that a sentence after the lead gives the article's first event when it tells it again
    (``event_dates.day_told_after_lead``), for an undated happening in the lead under a stated publication date
    whose trigger names no happening of its own label; None otherwise. Read once per article."""
    if id(lead) not in ctx.told:
        article = ctx.article
        ctx.told[id(lead)] = None if (lead.timex is not None or not lead.lead or lead.sentence.start >= LEAD_CHARS
                                      or not day_stated(article)
                                      or lead.trigger.label in ctx.vocab.raw["merge"].get("distinct_labels", ())
                                      or ctx.vocab.types[lead.event_type]["family"] != "happening") \
            else event_dates.day_told_after_lead(article.text, lead.sentence.end, lead.trigger, list(ctx.timexes),
                                                 article.published, ctx.vocab, ctx.settings.data_dir)
    return ctx.told[id(lead)]


def _hazard_told_again(draft: Draft, drafts: list[Draft], ctx: Context) -> Draft | None:
    """The latest earlier incident that named the natural hazard ``draft`` names again (data/same_happening.yaml
    ``hazards``: "Cyclone Mara" and then "The category 4 cyclone tore through X on Thursday"), on a day and at a
    place that agree: the same disaster, whatever sides or country each names. None when ``draft`` is set apart
    as a further happening ("another earthquake struck", ``_sequel``)."""
    if draft.event_type != "incident" or not drafts:
        return None
    table = tuple(map(tuple, load("same_happening.yaml", ctx.settings.data_dir).get("hazards", ())))
    kinds = _kinds_near(draft, table) if table else set()
    if not kinds or _sequel(draft, ctx):
        return None
    for earlier in reversed(drafts):
        if earlier.event_type == "incident" and kinds & _kinds_near(earlier, table):
            same_place = not (earlier.location and draft.location) or earlier.location.casefold() == draft.location.casefold()
            return earlier if _dates_agree(earlier, draft) and same_place else None
    return None


def _gathering_told_again(draft: Draft, drafts: list[Draft], ctx: Context) -> Draft | None:
    """The latest earlier gathering (data/same_happening.yaml ``gathering_types``) when ``draft``, a gathering too, names
    it by a definite noun (``_names_the_gathering``: "The meeting runs under the banner ...", "The summit was
    attended by ...", "opened the plenary session of the debate") on a day that agrees: the gathering already
    reported, whichever of those types each mention has. Not one with another counterpart ("the meeting with X"), nor
    a meeting or call whose sides disagree ("The meeting between X and Z" after "X met Y"); a conference's people
    are its participants."""
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    types = tuple(rules.get("gathering_types", ()))
    noun = _names_the_gathering(draft, rules, ctx) if draft.event_type in types else None
    kept = next((d for d in reversed(drafts) if d.event_type in types), None) if noun else None
    if kept is None or kept.sentence.start == draft.sentence.start or not _dates_agree(kept, draft) \
            or (draft.timex is not None and _date_of(kept) is None) \
            or _new_counterpart(kept, draft, ctx) or _words_pattern(tuple(rules.get("gathering_apart", ()))).search(kept.trigger.text):
        return None
    if kept.event_type != draft.event_type and not any(
            _words_pattern((noun,)).search(text) for text in (kept.sentence.text, *kept.told)):
        return None  # "The meeting of the bloc was attended by ..." after bilateral talks on the margins of a conclave
    conference = "conference" in (kept.event_type, draft.event_type)
    return kept if conference or _sides_agree(kept.actor_ids, draft.actor_ids, ctx) else None


_RELATIVE = re.compile(r"\s*(?:who|whom|whose|which)\b", re.IGNORECASE)  # ", who chaired the meeting, said ...": an aside


def _names_the_gathering(draft: Draft, rules: Mapping, ctx: Context) -> str | None:
    """The noun of ``gathering_nouns`` that a determiner opens as the subject of ``draft``'s sentence, before its
    trigger ("The summit was attended by ..."), or as the first such noun of its trigger's words ("opened the plenary
    session of the debate"; not "their meeting on the sidelines of the conference"); None when there is none, or it
    is set apart by a word of ``gathering_apart`` ("the next summit", "the previous meeting") or as a further one
    (``_sequel``), or named in a relative clause about someone ("X, who chaired the meeting, said ...")."""
    nouns, apart = tuple(rules.get("gathering_nouns", ())), tuple(rules.get("gathering_apart", ()))
    determiners = "|".join(ctx.vocab.raw["grammar"]["determiners"])
    definite = _words_pattern(nouns, prefix=rf"(?:{determiners})\s+(?:[\w'’-]+\s+){{0,3}}?")
    text, trigger = draft.sentence.text, draft.trigger
    subject = definite.match(text, len(text) - len(text.lstrip(" \"“'‘(")))
    first = _words_pattern(nouns).search(text, trigger.start, trigger.end)  # the trigger's own gathering, not "of the X"
    inside = next((m for m in definite.finditer(text, trigger.start, trigger.end)
                   if first is not None and m.end() == first.end()), None)
    if subject is not None and trigger.start < subject.end() - len(_gathering_noun(subject, nouns)):
        subject = None  # "The two presidents held talks": the trigger stands among the words before the noun
    found = subject or inside
    aside = _CLAUSE_BREAK.split(text[: trigger.start])[-1]
    if found is None or _words_pattern(apart).search(found.group()) or _sequel(draft, ctx) or _RELATIVE.match(aside):
        return None
    return _gathering_noun(found, nouns)


def _gathering_noun(found: re.Match, nouns: tuple[str, ...]) -> str:
    """The noun of ``nouns`` that ends ``found``."""
    return next(n for n in sorted(nouns, key=len, reverse=True) if _words_pattern((n,), suffix=r"$").search(found.group()))


def _toll_of_the_lead(draft: Draft, drafts: list[Draft], ctx: Context) -> Draft | None:
    """The article's lead happening (an attack, operation or incident: data/events.yaml ``merge.one_happening``) when
    ``draft``, an incident (data/same_happening.yaml ``toll_mention_types``), only tells a toll after it ("Medics said
    14 people were hurt", "Two soldiers were killed while a third was hurt"): a casualty verb of ``toll_words`` ends
    its trigger, it has no day, timing or place of its own, its sentence names no other happening, and no other
    happening of the group was reported since the lead; not one set apart ("another two were killed in a second
    blast", ``_sequel``)."""
    group, rules = ctx.vocab.raw["merge"].get("one_happening", ()), load("same_happening.yaml", ctx.settings.data_dir)
    words = tuple(rules.get("toll_words", ()))
    if not drafts or draft.event_type not in rules.get("toll_mention_types", ()) or draft.trigger.form != "verb" \
            or _own_day(draft) or draft.timed_against is not None \
            or not _words_pattern(words, suffix=r"$").search(draft.trigger.text):
        return None
    lead = _toll_target(drafts, group, ctx)
    if lead is None:
        return None
    if (draft.location and lead.location and draft.location.casefold() != lead.location.casefold()) or _sequel(draft, ctx):
        return None
    others = [t for t in _triggers_of(draft.sentence.text, ctx) if t.event_type in group and t.start != draft.trigger.start]
    return None if others else lead


def _toll_target(drafts: list[Draft], group: tuple[str, ...], ctx: Context) -> Draft | None:
    """The happening whose toll a later casualty mention tells: the article's lead happening when no other of the group
    was reported since; after a lead that kills no one (data/events.yaml ``merge.no_attack_labels``: "Police arrested
    two men over the cafe attack"), the one attack reported since ("IS claimed the killing of 20 hostages", then
    "Hostages who were killed include ...")."""
    lead, no_attack = drafts[0], ctx.vocab.raw["merge"].get("no_attack_labels", ())
    if not lead.lead or lead.event_type not in group:
        return None
    since = [d for d in drafts[1:] if d.event_type in group and not (d.apart and d.sentence is lead.sentence)]
    if lead.trigger.label in no_attack:
        attacks = [d for d in since if d.trigger.label not in no_attack]
        return attacks[0] if len(attacks) == 1 else None
    return None if since else lead


def _subject_refers_back(draft: Draft, ctx: Context) -> bool:
    """True for an undated mention of a ``one_happening`` type (data/events.yaml ``merge``) in a sentence whose
    subject is a definite noun of such a happening, before the trigger ("The attack on the village, near the
    border, also injured 12 people"; data/same_happening.yaml ``referring_subjects``): the sentence tells more of
    the happening already reported, as "the attack" itself would; not one it sets apart ("The attack came two days
    after gunmen killed ...": ``_sequel``)."""
    if _own_day(draft) or draft.event_type not in ctx.vocab.raw["merge"].get("one_happening", ()):
        return False
    nouns = tuple(load("same_happening.yaml", ctx.settings.data_dir).get("referring_subjects", ()))
    determiners = tuple(ctx.vocab.raw["grammar"]["determiners"])
    subject = _words_pattern(nouns, prefix=rf"^\W*(?:{'|'.join(determiners)})\s+(?:[\w'’-]+\s+){{0,2}}?")
    found = subject.match(draft.sentence.text)
    return found is not None and found.end() <= draft.trigger.start and not _sequel(draft, ctx)


def _repeats(earlier: Draft, draft: Draft) -> bool:
    """True when ``draft``'s sentence says again, word for word up to the end of the trigger, what an earlier
    one said (a standfirst or a caption that repeats the lead): the same happening, whatever actors each names."""
    def head(d: Draft) -> str:
        return " ".join(d.sentence.text[: d.trigger.end].split())
    return earlier.event_type == draft.event_type and earlier.trigger.text == draft.trigger.text \
        and head(earlier) == head(draft)


def _outcome_clause(draft: Draft) -> bool:
    """True for an undated participle clause after a comma ("..., killing eight civilians"): the outcome of the
    happening its sentence reports, which may be named by no trigger ("two strikes targeted the village, killing
    eight"); it refers to that happening as "the attack" would."""
    before = draft.sentence.text[: draft.trigger.start].rstrip()
    word = draft.trigger.text.split()[0].lower()
    return draft.timex is None and draft.trigger.form == "verb" and word.endswith("ing") and before.endswith(",")


def _consequence(draft: Draft, ctx: Context) -> bool:
    """True for an undated mention in a sentence that opens with a word of the outcome of what was just told
    (data/same_happening.yaml ``consequence_openers``: "As a result, two soldiers were wounded")."""
    openers = tuple(load("same_happening.yaml", ctx.settings.data_dir).get("consequence_openers", ()))
    return draft.timex is None and bool(_words_pattern(openers, prefix=r"^\W*").match(draft.sentence.text))


def _kinds_agree(a: Draft, b: Draft, vocab: Vocabulary) -> bool:
    """False when two fresh reports of an incident name happenings of different kinds at their triggers
    (data/events.yaml ``merge.incident_kinds``): "a car bomb exploded" and "three were killed in shelling" are
    two incidents; a report that names no kind agrees with any."""
    table = vocab.raw["merge"].get("incident_kinds")
    if not table or a.event_type != "incident" or b.event_type != "incident":
        return True
    kinds = [_kinds_near(d, tuple(map(tuple, table))) for d in (a, b)]
    return not (kinds[0] and kinds[1]) or bool(kinds[0] & kinds[1])


def _kinds_near(draft: Draft, table: tuple[tuple[str, ...], ...]) -> frozenset[int]:
    """The kinds of happening named by the trigger and the few words after it."""
    return _kinds_in(draft.sentence.text[draft.trigger.start : draft.trigger.end + KIND_REACH], table)


@lru_cache(maxsize=4096)
def _kinds_in(words: str, table: tuple[tuple[str, ...], ...]) -> frozenset[int]:
    """``_kinds_near``'s kinds, once per words (each draft is compared with every earlier one)."""
    return frozenset(kind for kind, regexes in enumerate(_noun_regexes(table)) if any(r.search(words) for r in regexes))


KIND_REACH = 40  # characters after an incident's trigger that may name its kind ("were killed in shelling")


def _timed_apart(a: Draft, b: Draft) -> bool:
    """True when one fresh mention has a date of its own and the other counts its day from another event
    ("The talks came two days after fighters seized X" and "On Tuesday, shells struck a camp" are two
    happenings)."""
    def other_timing(d: Draft) -> bool:
        return d.timex is None and d.timed_against is not None
    return (a.timex is not None and other_timing(b)) or (b.timex is not None and other_timing(a))


def _on_the_timed_day(draft: Draft, candidates: list[Draft], drafts: list[Draft], ctx: Context) -> list[Draft]:
    """The candidates not dated on another day than the one an undated ``draft`` is timed against ("held
    talks ... before the signing ceremony" is no repeat of a meeting the day before the signing)."""
    if draft.timex is not None or not candidates:
        return candidates
    against = event_dates.timed_against(draft.sentence.text, draft.trigger, ctx.vocab, data_dir=ctx.settings.data_dir)
    if against is None or against[0] == draft.event_type:
        return candidates
    anchor = next((_date_of(d) for d in reversed(drafts) if d.event_type == against[0] and _date_of(d) is not None
                   and _date_of(d).first_day is not None and _date_of(d).granularity == "day"), None)
    if anchor is None:
        return candidates
    day = anchor.first_day + timedelta(days=against[1])
    return [d for d in candidates if _date_of(d) is None or _date_of(d).first_day in (None, day)]


def _visitors(ids: list[str], named: tuple[str, ...], ctx: Context) -> list[str]:
    """The people of ``ids`` who are of no country that ``named`` gives as a side: the visitors, not their hosts."""
    countries = {i for i in named if ctx.actors[i].kind == "country"}
    return [i for i in ids if ctx.actors[i].kind == "person" and countries.isdisjoint(ctx.affiliations(i))]


def _sides_agree(a: list[str], b: list[str], ctx: Context, host_rule: str | None = None) -> bool:
    """``actors_agree``; and when one mention names only countries and organisations, the other's people
    count as the countries they belong to ("Japan and the Philippines signed a pact" and "the pact was
    signed by the Japanese and Philippine defence ministers"). For a visit (``host_rule`` of data/events.yaml
    ``visitors_and_country``), the people of the visited country are its hosts, not other visitors: "X arrived for
    a visit to Ghana" and "X was welcomed at the airport by President Y" of Ghana are one visit: their visitors agree."""
    overlap = ctx.vocab.raw["merge"]["actor_overlap"]
    if actors_agree(a, b, overlap):
        return True
    if host_rule == "visitors_and_country":
        first, second = (set(_visitors(ids, (*a, *b), ctx)) for ids in (a, b))
        if first and second and (first <= second or second <= first):
            return True
    people = {i for i in (*a, *b) if ctx.actors[i].kind == "person"}
    if people and (people.isdisjoint(a) or people.isdisjoint(b)):
        sides = lambda ids: [g for i in ids for g in ((i,) if i not in people else ctx.affiliations(i))]  # noqa: E731
        return actors_agree(sides(a), sides(b), overlap)
    return False


def _other_speakers(kept: Draft, new: Draft, ctx: Context) -> bool:
    """True for two mentions of a one-speaker happening (data/same_happening.yaml ``one_speaker_types``: a speech) that
    each name people, none of them named by both: two speakers, two speeches, even when the later one refers back by a
    weak noun ("In a speech on Tuesday, Jane Roe promised ..." after "John Doe addressed parliament on Tuesday")."""
    types = load("same_happening.yaml", ctx.settings.data_dir).get("one_speaker_types", ())
    if kept.event_type not in types or new.event_type not in types:
        return False
    people = [{i for i in d.actor_ids if i in ctx.actors and ctx.actors[i].kind == "person"} for d in (kept, new)]
    return bool(people[0] and people[1]) and people[0].isdisjoint(people[1])


def _sequel(draft: Draft, ctx: Context) -> bool:
    """True when ``draft`` reports a further happening: its sentence counts its time from another day ("two
    days later"), "a second"/"another" stands before its trigger, or the trigger's clause sets it apart in
    time from another happening ("The attack came hours after Russian missiles hit ...") (merge.sequel_* in
    data/events.yaml; ``sequel_before_for_types`` for words that set apart only some types: "X also met Y" is
    another meeting, "two guards also were killed in the raid" the same attack; inside a passive trigger's own words
    too: "a customs pact was also signed"; and one of ``fresh_before`` inside the trigger's words: "troops conducted another
    raid")."""
    merge = ctx.vocab.raw["merge"]
    offsets = set(merge.get("sequel_offset_words", ()))
    if any(t.rule == "offset" and t.text.lower().split()[-1] in offsets
           for t in _within(ctx.timexes, draft.sentence, ctx)):
        return True
    if draft.timex is not None and event_dates.WHEN_AFTER.match(draft.sentence.text, draft.timex.end - draft.sentence.start) \
            and draft.timex.start < draft.sentence.start + draft.trigger.start:
        return True  # "since 13 February, when four soldiers were killed": the killing is a happening of its own
    before = " ".join(draft.sentence.text[max(0, draft.trigger.start - 30) : draft.trigger.start].lower().split())
    typed = [w for w, types in (merge.get("sequel_before_for_types") or {}).items() if draft.event_type in types] \
        if not _topic_follows(draft, ctx) else []
    if any(before == words or before.endswith(" " + words) for words in (*merge.get("sequel_before", ()), *typed)):
        return True
    inside = " ".join(draft.trigger.text.lower().split()[1:])  # "a customs pact was also signed": the passive's "also"
    if any(f" {words} " in f" {inside} " for words in (*typed, *merge.get("fresh_before", ()))):
        return True  # ... and "troops conducted another raid": a further happening named inside the verb's own words
    clause = " ".join(re.findall(r"[\w'’]+", draft.sentence.text[max(0, draft.trigger.start - 80) : draft.trigger.start].lower()))
    return any(f"{words} " in f" {clause} " for words in merge.get("sequel_clause", ()))


def _new_counterpart(kept: Draft, new: Draft, ctx: Context) -> bool:
    """True when the encounter ``new`` names a counterpart that the encounter ``kept`` did not ("met with the head
    of the Red Cross" after "met with her Kenyan counterpart"): another encounter, even when the counterpart is no
    known actor. The counterpart is the phrase right after the trigger (data/same_happening.yaml ``counterpart_*``);
    it is new when none of what it names is found in ``kept``: no actor named in it is on a side of ``kept``
    (``_same_side``), and none of its capitalised words, less titles, is found in ``kept``'s sentences or in the
    names, aliases and demonyms of those actors. When ``kept`` names two people or more, a person the phrase names is
    enough: "met also with the Ruritanian foreign minister Ana Moro" after "President Ivo Lind received the minister
    Ola Berg", where the country is told around the first meeting, is a second meeting when "Ana Moro" is not."""
    family = ctx.vocab.types[new.event_type]["family"]
    if family != "encounter" or ctx.vocab.types[kept.event_type]["family"] != "encounter":
        return False
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    counterpart = _counterpart_phrase(new, rules, ctx)
    if counterpart is None:
        return False
    phrase, mentions, words = counterpart
    ids = {*kept.actor_ids, *(g for i in kept.actor_ids for g in ctx.affiliations(i))}
    if _counterpart_of_another_office(kept, new, phrase, mentions, ctx):
        return True
    if not words or any(_same_side(m.actor_id, kept, ids, ctx) for m in mentions):
        return False
    stem = rules.get("counterpart_stem", 4)
    key = ("known", kept.sentence.text, tuple(kept.told), tuple(kept.actor_ids), stem)
    known = ctx.memo.get(key)
    if known is None:
        named = [n for i in ids if i in ctx.actors for n in (ctx.actors[i].name, *ctx.actors[i].aliases, *ctx.actors[i].demonyms)]
        known = ctx.memo[key] = {w[:stem] for text in (kept.sentence.text, *kept.told, *named)
                                 for w in re.findall(r"[\w'’-]+", _fold(text))}
    if _another_person(kept, mentions, rules, known, ctx):
        return True
    return not any(w[:stem] in known for w in words)


def _another_person(kept: Draft, mentions: list[Mention], rules: Mapping, known: set[str], ctx: Context) -> bool:
    """True when the counterpart phrase names a person none of whose name words is ``known`` (``kept``'s sentences and
    actors), and ``kept`` already names two people or more, so the counterpart is no side it left unnamed."""
    person = lambda i: i in ctx.actors and ctx.actors[i].kind == "person"  # noqa: E731
    if sum(1 for i in kept.actor_ids if person(i)) < 2:
        return False
    stem = rules.get("counterpart_stem", 4)
    names = [_capitalised(m.text, rules) for m in mentions if person(m.actor_id)]
    return any(words and not any(w[:stem] in known for w in words) for words in names)


def _counterpart_phrase(new: Draft, rules: Mapping, ctx: Context) -> tuple[str, list[Mention], list[str]] | None:
    """The counterpart phrase after ``new``'s trigger (``_counterpart_span``), the mentions in it and its
    capitalised words less titles; None without one. Remembered per sentence and trigger in ``ctx.memo``:
    each draft is compared with every earlier one."""
    key = ("counterpart", new.sentence.start, new.sentence.end, new.sentence.text, new.trigger.start, new.trigger.end,
           new.trigger.text)
    if key in ctx.memo:
        return ctx.memo[key]
    span = _counterpart_span(new.sentence.text, new.trigger, rules)
    found = None
    if span is not None:
        lo, hi = span[0] + new.sentence.start, span[1] + new.sentence.start
        phrase = new.sentence.text[span[0] : span[1]]
        found = (phrase, [m for m in _within(ctx.mentions, new.sentence, ctx) if lo <= m.start < hi],
                 _capitalised(phrase, rules))
    ctx.memo[key] = found
    return found


def _bilateral_part(kept: Draft, new: Draft, ctx: Context) -> bool:
    """True when ``new`` is told as bilateral (data/same_happening.yaml ``bilateral_words`` in or right before its
    trigger: "a bilateral meeting between X and Y") between two people, both of ``kept``, an encounter of more people
    ("X met Y and Z"): the two of them sat apart, another meeting."""
    if ctx.vocab.types[new.event_type]["family"] != "encounter":
        return False
    people = [{i for i in d.actor_ids if ctx.actors[i].kind == "person"} for d in (kept, new)]
    if len(people[1]) != 2 or len(people[0]) <= 2 or not people[1] < people[0]:
        return False
    words = tuple(load("same_happening.yaml", ctx.settings.data_dir).get("bilateral_words", ()))
    before = new.sentence.text[max(0, new.trigger.start - 20) : new.trigger.end]
    return bool(words) and _words_pattern(words).search(before) is not None


def _counterpart_of_another_office(kept: Draft, new: Draft, phrase: str, mentions: list[Mention], ctx: Context) -> bool:
    """True when the counterpart phrase names a country's holder of the office of ``new``'s own side ("Z met his
    Jordanian counterpart", Z a foreign minister) and ``kept`` met only people of that country who hold other offices
    ("King K of Jordan received Z"): the foreign minister is another counterpart than the sultan."""
    if not re.search(r"(?<![\w])counterparts?(?![\w])", phrase, re.IGNORECASE):
        return False
    countries = {m.actor_id for m in mentions if ctx.actors[m.actor_id].kind == "country"}
    people = lambda d: [i for i in d.actor_ids if ctx.actors[i].kind == "person"]  # noqa: E731
    titles = {r.title for i in people(new) if countries.isdisjoint(ctx.affiliations(i)) for r in ctx.actors[i].roles}
    hosts = [i for i in people(kept) if not countries.isdisjoint(ctx.affiliations(i))]
    return bool(countries and titles and hosts) and not any({r.title for r in ctx.actors[h].roles} & titles for h in hosts)


def _same_side(actor_id: str, kept: Draft, ids: set, ctx: Context) -> bool:
    """True when ``actor_id`` is one of ``ids`` (``kept``'s actors and their countries), or a person of a country
    that ``kept`` names as a side with none of its people ("held talks with Somalia", then "the discussions with
    President X" of Somalia)."""
    if actor_id in ids:
        return True
    countries = set(ctx.affiliations(actor_id)) & set(kept.actor_ids)
    return any(not any(c in ctx.affiliations(i) for i in kept.actor_ids) for c in countries)


def _counterpart_span(text: str, trigger: Trigger, rules: Mapping) -> tuple[int, int] | None:
    """The span of the counterpart phrase right after an encounter's trigger: after "with", or after a trigger
    that ends in one of ``counterpart_verbs`` ("received", "called on"), up to a clause break, a bracket or one of
    ``counterpart_stops`` ("with Kenyan Foreign Minister Amos Wekesa on Monday"); None when no such phrase
    follows (a topic, "held talks on trade"; a place, "met in Paris")."""
    said = " ".join(trigger.text.lower().split())
    at = trigger.end
    opening = re.match(r"\s+with\s+", text[at:], re.IGNORECASE)
    if opening is None and not any(said == v or said.endswith(" " + v) for v in rules.get("counterpart_verbs", ())):
        return None
    at += opening.end() if opening else 0
    after = text[at:]
    stops = _words_pattern(tuple(rules.get("counterpart_stops", ())))
    end = min([m.start() for m in (_CLAUSE_BREAK.search(after), re.search(r"[.()\[\]\"“”]", after), stops.search(after))
               if m is not None], default=len(after))
    return (at, at + end) if after[:end].strip() else None


def _capitalised(phrase: str, rules: Mapping) -> list[str]:
    """The capitalised words of ``phrase``, less titles (``counterpart_titles``), folded."""
    titles = {t.lower() for t in rules.get("counterpart_titles", ())}
    return [_fold(w) for w in re.findall(r"[\w'’-]+", phrase) if w[:1].isupper() and w.lower() not in titles]


@lru_cache(maxsize=4096)  # a sentence is folded again for each later encounter it is compared with
def _fold(text: str) -> str:
    """Lower case without accents and possessive endings, for comparing names ("Türkiye's" and "Turkiye")."""
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"['’]s\b", "", "".join(c for c in text if not unicodedata.combining(c))).casefold()


def _topic_follows(draft: Draft, ctx: Context) -> bool:
    """True when an encounter's trigger is followed by what was talked about ("also held talks on energy"), not by
    another side (data/same_happening.yaml ``topic_openers``): the encounter reported before, not a further one."""
    words = load("same_happening.yaml", ctx.settings.data_dir).get("topic_openers", ())
    after = draft.sentence.text[draft.trigger.end :].split(maxsplit=1)
    return ctx.vocab.types[draft.event_type]["family"] == "encounter" and bool(after) and after[0].lower() in words


def _places_agree(a: Draft, b: Draft, drafts: list[Draft]) -> bool:
    """False when two fresh reports that name no actors name different places ("floods killed ten in
    one province", "a landslide buried houses in a village"): they are two happenings. A later mention with no
    time of its own tells the article's lead news in detail wherever it is placed ("Eight workers were killed
    in a blast at a plant in X on Monday" and "two more workers died at hospitals in Y")."""
    if a.actor_ids or b.actor_ids or not (a.location and b.location):
        return True
    if a.location.casefold() == b.location.casefold():
        return True
    return a.lead and a is drafts[0] and b.timex is None and not b.timed and b.timed_against is None


def _delivered_elsewhere(kept: Draft, new: Draft, ctx: Context) -> bool:
    """True for two mentions of a type of data/same_happening.yaml ``places_apart_types`` at different places, neither
    of them a country the article names nor one inside the other ("Four cargo planes landed at the capital's air base"
    and "A flight carrying tents arrived at the port city's airport"): two deliveries, whatever sides each names."""
    if new.event_type not in load("same_happening.yaml", ctx.settings.data_dir).get("places_apart_types", ()) \
            or not (kept.location and new.location):
        return False
    places = kept.location.casefold(), new.location.casefold()
    countries = {m.text.casefold() for m in ctx.mentions if ctx.actors[m.actor_id].kind == "country"}
    return places[0] not in places[1] and places[1] not in places[0] and not countries.intersection(places)


def _same_kind(kept: Draft, new: Draft, referring: bool, vocab: Vocabulary, latest: bool = False,
               talks: tuple[str, ...] = ()) -> bool:
    """The same type; or an undated referring mention ("when the explosion occurred", "one of the three killed")
    of a type of the same ``one_happening`` group as the event reported just before (the drone strike, in the
    sentence before) or as the ``latest`` event of that group the article reported, however far back."""
    if kept.event_type == new.event_type or _talks_of_the_call(kept, new, talks):
        return True
    merge = vocab.raw["merge"]
    group = merge.get("one_happening", ())
    near = latest or 0 <= new.sentence.start - kept.sentence.end <= merge.get("referring_reach_chars", 0)
    return referring and new.timex is None and near and kept.event_type in group and new.event_type in group \
        and kept.trigger.label not in merge.get("no_attack_labels", ())  # "the killing" is not the arrest


def _talks_of_the_call(kept: Draft, new: Draft, talks: tuple[str, ...]) -> bool:
    """True for a meeting named by a noun of ``talks`` (data/same_happening.yaml ``call_talks_nouns``: "in his
    talks with X") with no sides beyond those of a call reported before: the call told again (its day and its
    sides are checked as for any repeat)."""
    if kept.event_type != "call" or new.event_type != "meeting" or not set(new.actor_ids) <= set(kept.actor_ids):
        return False
    return bool(set(re.findall(r"[\w'’]+", new.trigger.text.lower())) & set(talks))


def _labels_agree(a: Draft, b: Draft, vocab: Vocabulary, apart: tuple[str, ...] = ()) -> bool:
    """False when the two triggers carry different labels and one of them names a happening of its own, or both
    are labelled mentions of one of the catch-all types ``apart`` (data/same_happening.yaml ``labels_apart_types``:
    an alert and an arrest), or one of them only an arrest or a seizure (data/events.yaml ``merge.no_attack_labels``)
    and the other a labelled killing or strike told with a day of its own ("Police arrested 43 suspects" and "Police on
    Saturday killed two militants in a shootout")."""
    distinct = vocab.raw["merge"].get("distinct_labels", ())
    labels = {a.trigger.label, b.trigger.label}
    if len(labels) > 1 and a.event_type == b.event_type and a.event_type in apart and all(labels):
        return False
    if len(labels) > 1 and all(labels) and len(labels & set(vocab.raw["merge"].get("no_attack_labels", ()))) == 1 \
            and (b.timed or b.timex is not None or b.unplaced is not None):  # a fresh report on a day of its own
        return False
    return len(labels) == 1 or not labels & set(distinct)


def _documents_agree(a: Draft, b: Draft, vocab: Vocabulary) -> bool:
    """False when two fresh mentions name documents of different kinds (data/events.yaml
    ``merge.document_kinds``): "initialed a peace agreement" and "also signed a joint declaration" are two
    signings; "signed a defence pact" and "a defence agreement was signed" may be one."""
    kinds = [_document_kind(d.trigger.text, vocab) for d in (a, b)]
    if a.event_type == b.event_type == "agreement":  # "signed the Velm Declaration" and "inked the Harbour Charter"
        names = [_document_names(d, vocab) for d in (a, b)]
        if names[0] and names[1] and names[0].isdisjoint(names[1]):
            return False
    return None in kinds or kinds[0] == kinds[1]


def _document_names(draft: Draft, vocab: Vocabulary) -> frozenset[str]:
    """The capitalised words that name the document of an agreement's trigger ("Velm" of "signed the Velm Declaration",
    "Harbour" of "inked the Harbour Charter"), less the nouns of data/events.yaml ``merge.document_kinds`` and the
    grammar's determiners; none for a document named by common words, or by words that open the sentence."""
    opening = len(draft.sentence.text) - len(draft.sentence.text.lstrip(" \"“'‘("))
    words = re.finditer(r"[\w'’-]+", draft.trigger.text)
    common = {n.casefold() for kind in vocab.raw["merge"].get("document_kinds", ()) for n in kind} \
        | {w.casefold() for w in vocab.raw["grammar"]["determiners"]} | {"agreement", "charter", "convention"}
    return frozenset(w.group().casefold() for w in words if w.group()[:1].isupper() and w.group().casefold() not in common
                     and draft.trigger.start + w.start() != opening)


def _document_kind(words: str, vocab: Vocabulary) -> int | None:
    """The index of the kind of the last document the trigger's words name, if any."""
    return _document_kind_in(words, tuple(map(tuple, vocab.raw["merge"].get("document_kinds", ()))))


@lru_cache(maxsize=4096)
def _document_kind_in(words: str, kinds: tuple[tuple[str, ...], ...]) -> int | None:
    """``_document_kind``, once per words (each draft is compared with every earlier one)."""
    found = None
    for kind, regexes in enumerate(_noun_regexes(kinds)):
        for regex in regexes:
            for match in regex.finditer(words):
                if found is None or match.start() > found[0]:
                    found = (match.start(), kind)
    return found[1] if found else None


@lru_cache(maxsize=8)
def _noun_regexes(kinds: tuple[tuple[str, ...], ...]) -> tuple[tuple[re.Pattern, ...], ...]:
    """Each kind's nouns as whole-word patterns, compiled once (they are tried for every pair of mentions)."""
    return tuple(tuple(re.compile(rf"(?<![\w]){re.escape(noun)}(?![\w])", re.IGNORECASE) for noun in nouns)
                 for nouns in kinds)


def _dates_agree(a: Draft, b: Draft) -> bool:
    """False when both mentions are dated (by their own words or by the event their sentence continues) and
    the dates do not overlap."""
    first, second = _date_of(a), _date_of(b)
    if first is None or second is None:
        return True
    return first.first_day <= (second.last_day or second.first_day) and \
        second.first_day <= (first.last_day or first.first_day)


def _date_of(draft: Draft) -> Timex | None:
    """The mention's own expression, else that of the event it continues ("X also signed ...")."""
    if draft.timex is not None or draft.continued is None:
        return draft.timex
    return draft.continued.timex


def _anaphoric(draft: Draft, vocab: Vocabulary, in_clause: bool = False, subject_apart: bool = False) -> bool:
    """True when a definite article or demonstrative introduces the trigger ("the operation", "this attack"; with
    ``subject_apart``, for a verb trigger only right before it: "the army launched" names the subject);
    with ``in_clause``, only one in the trigger's clause ("during the exchange of fire", not "After the arrest,
    gunmen blocked roads")."""
    before = draft.sentence.text[max(0, draft.trigger.start - 30) : draft.trigger.start]
    if in_clause or sequel_opening_end(draft.sentence.text, vocab) <= draft.trigger.start:
        before = re.split(r"[,;:()]", before)[-1]
    reach = 2 if draft.trigger.form == "noun" or not subject_apart else 1  # "the army launched": the subject's
    return any(word in vocab.raw["grammar"]["determiners"] for word in before.lower().split()[-reach:])


def sequel_opening_end(text: str, vocab: Vocabulary) -> int:
    """The end of the opening phrase, up to its comma, that tells what came before a sentence's news (data/events.yaml
    ``grammar.sequel_openers``: "After the attack, police raided ..."), or the text's length when it has none."""
    m = _sequel_opening(tuple(vocab.raw["grammar"].get("sequel_openers", ()))).match(text)
    return m.end() if m else len(text)


@lru_cache(maxsize=8)
def _sequel_opening(openers: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"\W*(?:{event_dates._phrases(openers)})\s[^,;:.]{{1,80}}?,", re.IGNORECASE)


def actors_agree(a: list[str] | tuple[str, ...], b: list[str] | tuple[str, ...], overlap: float) -> bool:
    """True when one actor set holds the other, or they overlap enough; an empty set agrees with any."""
    left, right = set(a), set(b)
    if not left or not right or left <= right or right <= left:
        return True
    return len(left & right) / len(left | right) >= overlap


def _long_before_the_news(kept: Draft, new: Draft, published: date | None, first: bool = False) -> bool:
    """True when ``kept`` is an undated mention of the news of the publication day, and ``new`` is dated to a time that
    ended a month or more before that day: a happening of the past, not the news told again ("X arrived in the capital"
    and then "as Y had been greeted on a tour in 1996"; "is recalling 9,000 vans" and then "Last year the company
    recalled 2,000 buses"; "Three men have been sentenced" and then "In March last year, a jury found them guilty").
    The news is the lead's, or the article's ``first`` happening told in its opening lines, or one whose sentence names
    a day that no calendar places (``Draft.timed`` with no date: "the verdict came after a hearing on Sunday" on a page
    of unknown date): news of the week before the page's day. ``published`` may be the earliest day an undated page
    can have appeared (``publication_floor``): the news is no earlier."""
    timex = new.timex
    if kept.timex is not None or timex is None or published is None:
        return False
    last = timex.last_day or timex.first_day
    news = (kept.lead or first) and kept.sentence.start < LEAD_CHARS or kept.timed
    return last is not None and bool(news) and (published - last).days >= NEWS_DAYS


NEWS_DAYS = 31  # a lead's undated news is of the page's day or the week before it; a time over a month before is not it


def _other_day_than_the_news(lead: Draft, draft: Draft, drafts: list[Draft], ctx: Context) -> bool:
    """True when a weak mention with no determiner ("during a meeting in Berlin on 19 October", not "The
    meeting took place on Monday") names a day of its own other than the publication day that dates the
    article's undated lead event (rule 3): it is another happening of the type, recalled, not the lead news."""
    if not lead.lead or lead.timex is not None or not drafts or drafts[0] is not lead or _anaphoric(lead, ctx.vocab):
        return False  # a lead that names the happening as known ("condemned the unprovoked attack") is told later
    timex, determiners = draft.timex, ctx.vocab.raw["grammar"]["determiners"]
    if draft.trigger.strength != "weak" or timex is None or timex.granularity not in ("day", "time") \
            or _anaphoric(draft, ctx.vocab) or draft.trigger.text.split()[0].lower() in determiners:
        return False
    return _lead_news(lead, ctx, []) and timex.first_day != ctx.article.published


def dated_parts(draft: Draft, triggers: list[Trigger], ctx: Context) -> list[tuple[Timex, int, int]]:
    """The parts of one mention told on days of their own, listed after its trigger ("held rallies in three cities, A on
    4 June, B on 5 June and C on 6 June", "met on 19 May with X, and on 20 May with Y"): a happening each, as the list
    tells several of a kind. Each part is its day and the span of the sentence it stands in (from the clause break
    before its day to the one before the next day's); the first is the mention's own day. None (an empty list) unless
    two or more days placed in the calendar, each another day, follow one another after the trigger with what sets
    them apart between them: a break (a comma, "and"), a name in capitals, no other trigger nor past verb in -ed (", and
    agreed on an annex in Y on 18 May" tells a step of its own, read or not by its own words), and no word that times
    one happening against another ("after", "before": data/same_happening.yaml ``dated_parts_apart``). "On 4 and 5
    June" and "from Monday to Wednesday" are one span of days."""
    own, text, at = draft.timex, draft.sentence.text, draft.sentence.start
    if own is None or own.granularity != "day" or own.first_day is None or own.start - at < draft.trigger.end:
        return []
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    apart = _words_pattern(tuple(rules.get("dated_parts_apart", ())))
    limit = rules.get("dated_parts_gap_words", 0)
    days = sorted((t for t in _within(ctx.timexes, draft.sentence, ctx)
                   if t.start >= own.start and t.end <= draft.sentence.end), key=lambda t: t.start)
    chain = [own]
    for timex in days:
        if timex.start <= chain[-1].start:
            continue
        gap = text[chain[-1].end - at : timex.start - at]
        if timex.granularity != "day" or timex.first_day is None or any(timex.first_day == t.first_day for t in chain) \
                or len(gap.split()) > limit or not _PART_BREAK.search(gap) or not re.search(r"(?<![\w'’-])[A-Z]", gap) \
                or apart.search(gap) or _PAST_VERB.search(gap) or any(chain[-1].end - at <= t.start < timex.start - at for t in triggers):
            break
        chain.append(timex)
    if len(chain) < 2:
        return []
    starts = [draft.trigger.end] + [max(m.end() for m in _PART_BREAK.finditer(text, chain[i - 1].end - at, chain[i].start - at))
                                    for i in range(1, len(chain))]
    ends = starts[1:] + [len(text)]
    return [(timex, start, end) for timex, start, end in zip(chain, starts, ends)]


_PART_BREAK = re.compile(r",|\sand\s")  # what ends one dated part and opens the next
_PAST_VERB = re.compile(r"(?<![\w'’-])[a-z]{2,}ed(?![\w'’-])")  # "..., and agreed on an annex on 18 May": a verb of its own


def sides_of_part(draft: Draft, part: tuple[Timex, int, int], parts: list[tuple[Timex, int, int]], ctx: Context) -> list[str]:
    """The sides of one dated part (``dated_parts``): the mention's sides less those named only in the other parts."""
    at = draft.sentence.start
    spans: dict[str, list[int]] = {}
    for m in _within(ctx.mentions, draft.sentence, ctx):
        spans.setdefault(m.actor_id, []).append(m.start - at)
    others = [p for p in parts if p is not part]
    elsewhere = {i for i, starts in spans.items()
                 if all(any(p[1] <= s < p[2] for p in others) for s in starts)}
    return [i for i in draft.actor_ids if i not in elsewhere]
