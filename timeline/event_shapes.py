"""Mentions whose sentence describes rather than reports, or tells no single happening.

Reads: a ``Draft`` (timeline.event_drafts) and its sentence, the article's ``Context``, data/same_happening.yaml
(``caption_*``, ``interview``, ``relative_state``, ``series_*``, ``running_total_*``, ``displaced_counts``,
``period_*``, ``ongoing_auxiliaries``, ``toll_types``, ``running_conflicts``, ``counted_nouns``) and data/leads.yaml
``caption_marks``.
Adds: ``_described`` (a photo caption, a state in a relative clause, a series named by a bare plural, a call that is
only how the reporter heard it) and ``_no_single_happening`` (a running total since a time, the toll of a
long-running conflict, a count of encounters, an activity over a period or still going on, a count of the
displaced). timeline.events joins such a mention to an event already told, or makes none of it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from . import leads
from .event_drafts import _CLAUSE_BREAK, Context, Draft, _own_day, _within, _words_pattern
from .resources import load
from .sentences import Sentence
from .triggers import Trigger


def _described(draft: Draft, ctx: Context) -> bool:
    """True for a mention that describes rather than reports, which joins an event already told but makes none:
    a photo caption (``_caption``); a happening told as a state of a noun in a relative clause of a sentence whose
    main clause reported another happening before it (``_relative_state``); a series named by a bare plural
    ("the latest in scattered raids", "infamous for bombings": ``_series``)."""
    return _caption(draft.sentence, ctx) or _relative_state(draft, ctx) or _series(draft, ctx) \
        or _interview_channel(draft, ctx)


def _interview_channel(draft: Draft, ctx: Context) -> bool:
    """True for a call named only by its channel right after a verb of reporting whose listener is the press or
    nobody ("a witness told a news agency by phone", "a resident said by telephone from the town"; data/
    same_happening.yaml ``interview``): how the reporter heard it, not a call between two sides. "X told Y by
    phone that ..." stays a call. Nor is a channel alone that names no side at all a call ("a rescuer was talking
    over the phone with a woman trapped under the rubble"): a scene, not a call between known sides."""
    rules = load("same_happening.yaml", ctx.settings.data_dir).get("interview") or {}
    if draft.event_type not in rules.get("types", ()) or draft.trigger.text.lower() not in rules.get("channels", ()):
        return False
    if not draft.actor_ids:
        return True
    text, trigger = draft.sentence.text, draft.trigger
    verbs = "|".join(map(re.escape, rules.get("report_verbs", ()))) or "(?!)"
    found = re.search(rf"(?<![\w])(?:{verbs})\s+((?:[\w'’.-]+\s+){{0,5}})$", text[max(0, trigger.start - 80) : trigger.start],
                      re.IGNORECASE)
    return found is not None and (not found.group(1).strip()
                                  or _words_pattern(tuple(rules.get("listeners", ()))).search(found.group(1)) is not None)


def _caption(sentence: Sentence, ctx: Context) -> bool:
    """True for a photo caption: a sentence whose verb is a present passive of showing ("Damaged houses are seen
    in the town", "The minister is pictured at ..."; data/same_happening.yaml ``caption_verbs``), not "is seen as"
    or "was seen"; or one carrying a photo credit (``caption_credits``: "(Photo: X)", "File photo", "AFP |"); or one
    that places people in the picture or is followed by a credit on its line (data/leads.yaml ``caption_marks``:
    "Jane Roe (R) greets ...", "... on 3 May 2021. AGENCY/Jane Roe")."""
    text = sentence.text
    if leads.caption_marked(ctx.article.text, sentence, ctx.settings.data_dir):
        return True
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    verbs = _words_pattern(tuple(rules.get("caption_verbs", ())), prefix=r"(?:is|are)\s+(?:being\s+)?")
    credits = _words_pattern(tuple(rules.get("caption_credits", ())))
    return any(not re.match(r"\s+(?:as|to)(?![\w])", text[m.end():]) for m in verbs.finditer(text)) \
        or bool(credits.search(text))


def _relative_state(draft: Draft, ctx: Context) -> bool:
    """True for a happening (of a type of the ``families`` of data/same_happening.yaml ``relative_state``) in a
    relative clause that describes a noun by a state or a perfect ("battles that have killed scores", "a fire
    that had destroyed homes"), with no day of its own, in a sentence whose main clause reported another happening
    before it: background to that news. A relative clause in the simple past narrates ("arrived in X, where he
    met Y") and stays an event."""
    rules = load("same_happening.yaml", ctx.settings.data_dir).get("relative_state") or {}
    if not ctx.used.get(draft.sentence.start) or ctx.vocab.types[draft.event_type]["family"] not in rules.get("families", ()):
        return False
    text, trigger = draft.sentence.text, draft.trigger
    pattern = _relative_pattern(tuple(rules.get("subject_openers", ())), tuple(rules.get("openers", ())),
                                tuple(rules.get("auxiliaries", ())))
    found = [m for m in pattern.finditer(text, max(0, trigger.start - 80), trigger.end)
             if m.start() < trigger.start and m.end() <= trigger.end and m.end() >= trigger.start - 30]
    if not found or _CLAUSE_BREAK.search(text, found[-1].end(), trigger.start) \
            or _own_day(draft) and draft.timex.start - draft.sentence.start > found[-1].start():
        return False  # a day inside the relative clause is its own; one before it is the main clause's
    return any(t.start < found[-1].start() for t in ctx.used[draft.sentence.start])


@lru_cache(maxsize=4)
def _relative_pattern(subject_openers: tuple[str, ...], openers: tuple[str, ...], auxiliaries: tuple[str, ...]) -> re.Pattern:
    """A relative pronoun and the auxiliary of its clause: right after a subject pronoun ("who was", "that has"),
    within three words after another opener ("where authorities have")."""
    def alt(words):
        return "|".join(map(re.escape, words)) or "(?!)"
    aux = alt(auxiliaries)
    return re.compile(rf"(?<![\w])(?:(?:{alt(subject_openers)})\s+(?:already\s+|also\s+)?(?:{aux})"
                      rf"|(?:{alt(openers)})\s+(?:[\w'’-]+\s+){{0,3}}?(?:{aux}))(?![\w])", re.IGNORECASE)


def _series(draft: Draft, ctx: Context) -> bool:
    """True for a happening named by a bare plural noun after a preposition ("the latest in scattered raids",
    "infamous for bombings and abductions", "a rise in attacks"), with no day of its own and not the article's
    first event: a series or a habit, not one happening. A determiner, a number (in figures or ``count_words``) or a
    possessive before it ("in the attacks", "in two strikes", "resulted in three gunmen being killed", "in Monday's
    strikes") makes known happenings; a bare plural that is a subject
    ("Air strikes killed 34 civilians") narrates (data/same_happening.yaml ``series_*``)."""
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    trigger, text = draft.trigger, draft.sentence.text
    if draft.event_type not in rules.get("series_types", ()) or _day_at(draft) \
            or not ctx.used or not any(re.search(r"[^s]s$", w) for w in trigger.text.lower().split()[:2]):
        return False  # the head noun is one of the trigger's first two words ("attacks on outposts", "aid convoys")
    before = [w.lower() for w in re.findall(r"[\w'’-]+|[^\w\s]", text[max(0, trigger.start - 40) : trigger.start])]
    at = next((i for i in range(len(before) - 1, max(-1, len(before) - 4), -1)
               if before[i] in rules.get("series_after", ())), None)
    if at is None:
        return False  # a bare plural as a subject ("air strikes killed 34") narrates
    known = {*ctx.vocab.raw["grammar"]["determiners"], *rules.get("series_known_before", ()), *rules.get("count_words", ())}
    return not any(w in known or w[0].isdigit() or w.endswith(("'s", "’s")) or not w[0].isalnum() for w in before[at + 1 :])


def _day_after(draft: Draft) -> bool:
    """True when the trigger's own day stands after its start ("talks on Monday"), not before it, where it may date
    another verb of the sentence ("signed a truce on Friday after weeks of talks")."""
    return _own_day(draft) and draft.timex.start - draft.sentence.start >= draft.trigger.start


def _day_at(draft: Draft) -> bool:
    """True when the trigger's own day stands after it or at most three words before it ("attacks on Monday",
    "Monday's attacks"), not further back, where it dates another noun ("Monday's raid was one more in a string of raids")."""
    if not _own_day(draft):
        return False
    at = draft.timex.start - draft.sentence.start
    return at >= draft.trigger.start or len(draft.sentence.text[at : draft.trigger.start].split()) <= 3


def _no_single_happening(draft: Draft, ctx: Context) -> bool:
    """True for a mention that reports no single happening: a running total since a time, the toll of a
    long-running conflict, a count of encounters, an activity going on over a period (data/same_happening.yaml). Not asked of the article's first
    event in its lead: what the lead states is the news ("Nearly 20,000 people have been evacuated from the
    region since May" opens a report on the evacuation)."""
    return _running_total(draft, ctx) or _toll_of_a_conflict(draft, ctx) or _counted(draft, ctx) or _ongoing(draft, ctx) \
        or _over_a_period(draft, ctx) or _displaced_count(draft, ctx)


def _displaced_count(draft: Draft, ctx: Context) -> bool:
    """True for a count of people displaced or who have fled (data/same_happening.yaml ``displaced_counts``) with no day
    of its own and no place of refuge right after it ("More than 3,000 residents have been displaced"): a toll."""
    rules = load("same_happening.yaml", ctx.settings.data_dir).get("displaced_counts") or {}
    if draft.event_type not in rules.get("types", ()) or draft.trigger.label not in rules.get("labels", ()) \
            or _own_day(draft) or not _words_pattern(tuple(rules.get("words", ()))).search(draft.trigger.text):
        return False
    refuge = _words_pattern(tuple(rules.get("refuge", ())), prefix=r"^\s*")
    return refuge.search(draft.sentence.text[draft.trigger.end :]) is None


def _over_a_period(draft: Draft, ctx: Context) -> bool:
    """True for a happening told as a stretch of time ("after three weeks of heavy clashes", "10 days of fighting";
    data/same_happening.yaml ``period_types``, ``period_units``) with no day of its own: a period, not one happening."""
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    if draft.event_type in rules.get("period_types", ()) and not _own_day(draft):
        period = _period_before(ctx.settings.data_dir, "period_units")
    elif draft.event_type in rules.get("long_period_types", ()) and not _day_after(draft):
        period = _period_before(ctx.settings.data_dir, "long_period_units")  # "signed on Friday after weeks of talks"
    else:
        return False
    text = draft.sentence.text
    return bool(period.search(text, max(0, draft.trigger.start - 60), draft.trigger.start))


@lru_cache(maxsize=8)
def _period_before(data_dir: Path, key: str) -> re.Pattern:
    """A count of the units of ``key`` and "of" right before a trigger ("six weeks of", "ten days of heavy"); for
    ``long_period_units`` the count may be left out ("following weeks of", not "weeks of the")."""
    rules = load("same_happening.yaml", data_dir)
    counts = "|".join(re.escape(w) for w in rules.get("count_words", ()))
    units = "|".join(re.escape(w) for w in rules.get(key, ())) or "(?!)"
    count = rf"(?:\d[\d,.]*|{counts or '(?!)'})\s+(?:[\w'’-]+\s+)?"
    if key == "long_period_units":
        return re.compile(rf"(?<![\w])(?:{count})?(?:{units})\s+of\s+(?!(?:the|a|an|this|that|these|those)\s)"
                          rf"(?:[\w'’-]+\s+){{0,2}}$", re.IGNORECASE)
    return re.compile(rf"(?<![\w]){count}(?:{units})\s+of\s+(?:[\w'’-]+\s+){{0,2}}$", re.IGNORECASE)


def _ongoing(draft: Draft, ctx: Context) -> bool:
    """True for a verb in the perfect progressive ("have been holding talks", "has been shelling the town"; data/
    same_happening.yaml ``ongoing_auxiliaries``) in a sentence that names no day: an activity going on over a
    period, not one happening."""
    if draft.timed or _own_day(draft) or draft.trigger.form != "verb":
        return False
    words = draft.trigger.text.split()
    at = next((i for i, w in enumerate(words[:4]) if w.lower().endswith("ing")), None)
    if at is None:
        return False
    head = [w.lower() for w in [*draft.sentence.text[: draft.trigger.start].split(), *words[:at]] if not w.lower().endswith("ly")]
    auxiliaries = load("same_happening.yaml", ctx.settings.data_dir).get("ongoing_auxiliaries", ())
    return any(head[-len(a.split()) :] == a.split() for a in auxiliaries)


def _toll_of_a_conflict(draft: Draft, ctx: Context) -> bool:
    """True for a casualty or displacement mention (``toll_types``) whose clause names a long-running conflict
    after a determiner or a possessive (``running_conflicts``: "civilians killed in the violence", "The war has
    displaced ...", "the country's civil war has killed ...") and that has no day of its own."""
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    if draft.event_type not in rules.get("toll_types", ()) or _own_day(draft):
        return False
    conflicts = _words_pattern(tuple(rules.get("running_conflicts", ())),
                               prefix=r"(?:the|this|that|its|their|[\w-]+['’]s)\s+(?:[\w'’-]+\s+)?")
    start, end = _clause(draft.sentence.text, draft.trigger)
    return bool(conflicts.search(draft.sentence.text, start, end))


def _counted(draft: Draft, ctx: Context) -> bool:
    """True for an encounter named by a count of its nouns ("have held six rounds of talks"), with no day named in
    its sentence and no determiner before the count ("the two meetings" are known ones)."""
    if ctx.vocab.types[draft.event_type]["family"] != "encounter" or draft.timed or _own_day(draft):
        return False
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    counts = _words_pattern(tuple(rules.get("count_words", ())))
    nouns = _words_pattern(tuple(rules.get("counted_nouns", ())))
    text, trigger = draft.sentence.text, draft.trigger
    for count in counts.finditer(text, max(0, trigger.start - 40), trigger.end):
        before = text[max(0, count.start() - 12) : count.start()].lower().split()
        noun = nouns.search(text, count.end(), min(len(text), count.end() + 40))
        if noun and len(text[count.end() : noun.start()].split()) <= 3 and noun.start() < trigger.end + 20 \
                and not (before and before[-1] in ctx.vocab.raw["grammar"]["determiners"]):
            return True
    return False


def _clause(text: str, trigger: Trigger) -> tuple[int, int]:
    """The start and end of the trigger's clause: from the clause break before it to the one after it."""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, trigger.start)), default=0)
    return start, next((m.start() for m in _CLAUSE_BREAK.finditer(text, trigger.end)), len(text))


def _running_total(draft: Draft, ctx: Context) -> bool:
    """True for a running total or a state over a period, which reports no single happening: a toll (a mention of
    ``running_total_types``) whose trigger's
    clause goes on with "since ..." ("Some 9,000 people have been displaced since 2019"), or the sentence opens
    with "Since ..." and the trigger follows that phrase ("Since the war ended, over 200 have fallen victim to
    mines"); not a comparison over the period ("the first convoy since May") nor a trigger in a "when" clause
    ("Since 3 March, when two guards were killed, ...") (data/same_happening.yaml ``running_total_*``). What a doer
    did again and again since a time ("Police have killed 40 gunmen in raids since the bombing") is no toll: its
    operation or protest is news."""
    rules = load("same_happening.yaml", ctx.settings.data_dir)
    if not rules.get("running_total_words") or draft.event_type not in rules.get("running_total_types", ()):
        return False
    since = _words_pattern(tuple(rules["running_total_words"]))
    compared = _words_pattern(tuple(rules.get("running_total_not_after", ())), suffix=r"(?:-ever)?")
    text, trigger = draft.sentence.text, draft.trigger
    start, end = _clause(text, trigger)
    found = since.search(text, trigger.end, end)
    if found is not None and _AUXILIARY_BEFORE.search(text, 0, found.start()):
        found = None  # "stepped down in 2007 and has since mediated ...": "since" as an adverb, "after that"
    if found is not None:
        own_day = _own_day(draft) and draft.timex.start - draft.sentence.start < found.start()
        return not own_day and not compared.search(text, start, found.start()) and not _since_a_day(found.end(), ctx, draft)
    opening = since.match(text, len(text) - len(text.lstrip(" \"“'‘(")))
    return bool(opening) and bool(_CLAUSE_BREAK.search(text, 0, trigger.start)) and not _since_a_day(opening.end(), ctx, draft) \
        and not re.search(r"(?<![\w])when(?![\w])", text[: trigger.start], re.IGNORECASE)


def _since_a_day(at: int, ctx: Context, draft: Draft) -> bool:
    """True when a day follows "since" ("have fled since Sunday"): a happening of the last days, still going on,
    not a total over a long period."""
    return any(t.granularity in ("day", "time") and 0 <= t.start - draft.sentence.start - at <= 2
               for t in _within(ctx.timexes, draft.sentence, ctx))


_AUXILIARY_BEFORE = re.compile(r"(?<![\w])(?:has|have|had|having|is|are|was|were|been|be|will|would|long|not)\s+$", re.IGNORECASE)
