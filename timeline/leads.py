"""The lead of a news report: its first sentence states the news, whatever words it uses.

Reads: an article's sentences and the cues of data/leads.yaml (with the real/unreal cue lists of
data/events.yaml). Adds: ``lead_sentence`` finds the lead; ``classify`` scores it over broad per-type cues
and returns a ``LeadGuess`` (the type, its score and the verb that reports the happening) when the lead
reports a happening and one type stands out, else None (a plan, an opinion, an analysis, a statistic, a
quotation); ``by_verb`` is the fallback when no type stands out: a lead whose head clause reports, in a finite
past-tense verb, what a named subject did on a day, reports the news in any domain. ``timeline.events`` makes
one lower-confidence event from a guess when its trigger rules found none in the lead.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .prefilter import KeyIndex, fold, required_groups, required_keys
from .resources import load
from .sentences import Sentence
from .settings import DATA_DIR
from .triggers import RELATIVE_AFTER_COMMA, Vocabulary, compile_pattern, vocabulary


@dataclass(frozen=True)
class Cue:
    event_type: str  # "" for a happening verb of no type
    form: str  # verb | noun
    weight: int
    regex: re.Pattern


@dataclass(frozen=True)
class LeadGuess:
    event_type: str
    score: int
    start: int  # the verb that reports the happening, offsets into the sentence
    end: int
    text: str
    basis: str = "cues"  # cues: the broad cues of a type; verb: the lead's past-tense verb (``by_verb``)
    confidence: float = 0.3
    label: str = ""  # what a title calls the happening, when the type's nouns do not say it (``by_verb``)


@dataclass(frozen=True)
class Rules:
    cues: tuple[Cue, ...]
    captions: re.Pattern
    caption_marks: re.Pattern  # anywhere in a line: a photo credit, "(right)"
    background: re.Pattern  # the text before a word ends in a background phrase
    stop: re.Pattern  # a word that ends a background phrase
    not_news: tuple[tuple[str, re.Pattern], ...]
    raw: dict


@lru_cache(maxsize=4)
def rules(data_dir: Path = DATA_DIR) -> Rules:
    """The compiled cues of data/leads.yaml."""
    raw = load("leads.yaml", data_dir)
    cues = [Cue("", "verb", 0, compile_pattern(p)) for p in raw["happening_verbs"]]
    for event_type, entry in raw["types"].items():
        for form in ("verb", "noun"):
            for weight, patterns in (entry.get(form) or {}).items():
                cues += [Cue(event_type, form, int(weight), compile_pattern(p)) for p in patterns]
    captions = re.compile(rf"^\W*(?:{'|'.join(raw['lead']['captions'])})", re.IGNORECASE)
    marks = re.compile("|".join(raw["lead"]["caption_marks"]), re.IGNORECASE)
    openers = "|".join(o.replace(" ", r"\s+") for o in raw["background_openers"])
    stop = re.compile(rf"(?:{'|'.join(raw['background_stop'])})(?![\w])", re.IGNORECASE)
    word = rf"(?!{stop.pattern})[^\s,;:()]+"
    background = re.compile(rf"(?<![\w-])(?:{openers})\s+(?:{word}\s+){{0,{raw['background_words'] - 1}}}$",
                            re.IGNORECASE)
    not_news = tuple((kind, re.compile(rf"(?<![\w-])(?:{'|'.join(patterns)})(?![\w])" if kind not in ("quote", "question")
                                       else "|".join(patterns)))
                     for kind, patterns in raw["not_news"].items())
    return Rules(tuple(cues), captions, marks, background, stop, not_news, raw)


def lead_sentence(sentences: list[Sentence], data_dir: Path = DATA_DIR, text: str = "") -> Sentence | None:
    """The article's lead: its first sentence of ``lead.min_words`` words or more that opens and ends like a
    sentence (not in lower case: a fragment of a split caption or line) and is no photo caption (in the line of
    the article ``text`` that holds it, when given), within ``lead.reach_chars`` of the start of the body."""
    table = rules(data_dir)
    lead = table.raw["lead"]
    first = None
    for sentence in sentences:
        if sentence.start > lead["reach_chars"]:
            return first
        words = sentence.text.rstrip()
        if len(words.split()) >= lead["min_words"] and words[-1:] in ".!\"”’'" and not words.lstrip()[:1].islower() \
                and not table.captions.match(words) \
                and not (caption_marked(text, sentence, data_dir) if text else _caption_mark(words, data_dir)):
            if first is not None or not _context_paragraph(sentence, text, data_dir):
                return sentence
            first = sentence
    return first


def _context_paragraph(sentence: Sentence, text: str, data_dir: Path) -> bool:
    """True for a paragraph of one sentence that reports no happening (no real verb cue of any type, no verb of
    happening, no finite past verb after a named subject or a group of people or a body: ``_past_verb``) and names no
    day (data/leads.yaml ``lead.context_day``): "The region has faced years of drought and rising prices.", a
    present-tense standfirst; the context a page opens with, so the next sentence is the lead. "The Estarian navy has
    taken delivery of four patrol boats." reports a deed: it stays the lead, whatever words it uses."""
    if not text or text[sentence.end : sentence.end + 1] not in ("\n", "") or text[sentence.start - 1 : sentence.start] not in ("\n", ""):
        return False
    table, vocab = rules(data_dir), vocabulary(data_dir)
    cues, words = table.cues, sentence.text
    day = table.raw["lead"].get("context_day")
    if day and re.search(day, words, re.IGNORECASE):
        return False
    if any(cues[at].form == "verb" and _real(words, m, vocab, data_dir)
           for at in _cue_index(data_dir).candidates(words) for m in cues[at].regex.finditer(words)):
        return False
    verb = _past_verb(words, data_dir)
    return verb is None or not (_named_before(words[: verb.start()], data_dir)
                                or _common_subject(words[: verb.start()], data_dir))


def _caption_mark(line: str, data_dir: Path) -> bool:
    """Whether ``line`` holds a caption mark (data/events.yaml ``lead.caption_marks``): whether one of the marks
    matches in it, each searched only when the line holds a key of each group of strings its matches hold (the
    prefilter's ``required_groups``): the marks' alternation, tried at every character of each line that held
    a key of any mark ("ap" in "capital"), took 0.15 ms per article."""
    folded = fold(line)
    return any(all(any(map(folded.__contains__, group)) for group in groups) and regex.search(line) is not None
               for regex, groups in _caption_parts(data_dir))


def caption_marked(text: str, sentence: Sentence, data_dir: Path = DATA_DIR) -> bool:
    """Whether ``sentence`` of ``text`` holds a caption mark (data/leads.yaml ``lead.caption_marks``: "Jane Roe (R)
    greets ...", "(Supplied)"), or its line ends in a short credit after its last sentence, which covers each
    sentence of the line ("STORM DAMAGE. Men clear a road in the port on 3 May 2021. AGENCY/Jane Roe")."""
    end, last = _lines(text).ends(sentence.end)
    tail = text[last:end]
    return _caption_mark(sentence.text, data_dir) or len(tail) <= CREDIT_CHARS and _caption_mark(tail, data_dir) \
        and not _own_caption(tail, data_dir)


def _own_caption(tail: str, data_dir: Path) -> bool:
    """True when the words after a line's last sentence end are a caption of their own, a name or a phrase of
    ``CAPTION_WORDS`` words or more before its credit ("... in a graft case. Velm state minister Ana Moro (Wire
    Photo)"): the credit covers that phrase, and the full sentence before it on the line stays the news."""
    marks = [m.start() for regex, _ in _caption_parts(data_dir) for m in regex.finditer(tail)]
    return bool(marks) and len(re.findall(r"[\w'’-]+", tail[: min(marks)])) >= CAPTION_WORDS


CAPTION_WORDS = 4  # a phrase this long before a credit is a caption of its own, not the credit of the line


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")  # holds one of .!? (its first character): matches never overlap


@lru_cache(maxsize=4)
def _lines(text: str) -> _Lines:
    return _Lines(text)


class _Lines:
    """A text's line breaks and the last sentence end of each line, found once: looked for from each sentence
    to the end of its line, they took time that grew with the square of a long paragraph's length."""

    def __init__(self, text: str):
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.last: dict[int, tuple[int, int]] = {}  # line end -> (start, end) of its last sentence end, or (-1, -1)

    def ends(self, at: int) -> tuple[int, int]:
        """Where the line that holds ``at`` ends, and where the last sentence end between ``at`` and there ends
        (``at`` when there is none)."""
        i = bisect_left(self.breaks, at)
        end = self.breaks[i] if i < len(self.breaks) else len(self.text)
        if end not in self.last:
            found = None
            for found in _SENTENCE_END.finditer(self.text, self.breaks[i - 1] + 1 if i else 0, end):
                pass
            self.last[end] = found.span() if found else (-1, -1)
        start, last = self.last[end]
        return end, last if start >= at else at


CREDIT_CHARS = 60  # a credit after a caption's last sentence on its line is this short at most


@lru_cache(maxsize=4)
def _caption_parts(data_dir: Path) -> tuple[tuple[re.Pattern, tuple[frozenset[str], ...]], ...]:
    """Each caption mark compiled as ``rules().caption_marks`` compiles their alternation, with its key groups:
    the alternation matches somewhere in a line exactly when one of them does."""
    marks = (re.compile(mark, re.IGNORECASE) for mark in load("leads.yaml", data_dir)["lead"]["caption_marks"])
    return tuple((regex, tuple(sorted(required_groups(regex), key=len))) for regex in marks)  # fewest keys first:
    # one mark ("/", "(") rules most lines out at the cost of one test


@lru_cache(maxsize=4)
def _cue_index(data_dir: Path) -> KeyIndex:
    """Which cues may match a text (the prefilter's keys): the others are not run."""
    keys = [required_keys(cue.regex) for cue in rules(data_dir).cues]
    also = [required_groups(cue.regex)[1:] if key else () for cue, key in zip(rules(data_dir).cues, keys)]
    return KeyIndex(keys, also)


def classify(text: str, data_dir: Path = DATA_DIR) -> LeadGuess | None:
    """The type of happening the lead ``text`` reports, with the verb that reports it (for the catch-all type, with
    what was done as its title's label: a death is no "ceremony"); None when it reports none (``not_news``, no real
    verb) or no type scores ``scoring.min_score`` with ``scoring.min_margin`` over the next."""
    table, vocab = rules(data_dir), vocabulary(data_dir)
    found, verbs = _cue_matches(text, data_dir)
    if not verbs:
        return None
    scores = _scores(found, verbs, text, data_dir)
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    scoring = table.raw["scoring"]
    if not ranked or ranked[0][1] < scoring["min_score"] or \
            (len(ranked) > 1 and ranked[0][1] - ranked[1][1] < scoring["min_margin"]):
        return None
    best = ranked[0][0]
    verb = next((m for cue, m in verbs if cue.event_type == best), verbs[0][1])
    if _not_news(text, verb.end(), table, vocab):
        return None
    label = _what_was_done(text, verb, data_dir) if best == table.raw["by_verb"]["default_type"] else ""
    return LeadGuess(best, ranked[0][1], verb.start(), verb.end(), verb.group(), "cues", confidence(data_dir), label)


def _cue_matches(text: str, data_dir: Path) -> tuple[list, list]:
    """The cues that match ``text`` outside quotations and background phrases (and not before a hyphen: "left-wing"),
    as (cue, match) pairs; and the verb cues among them in a real form, in text order."""
    table, vocab = rules(data_dir), vocabulary(data_dir)
    cues = table.cues
    found = [(cues[at], m) for at in _cue_index(data_dir).candidates(text) for m in cues[at].regex.finditer(text)
             if not _hidden(text, m.start(), table) and not text.startswith("-", m.end())]
    verbs = sorted(((cue, m) for cue, m in found if cue.form == "verb" and _real(text, m, vocab, data_dir)),
                   key=lambda pair: pair[1].start())
    return found, verbs


def _scores(found: list, verbs: list, text: str = "", data_dir: Path = DATA_DIR) -> dict[str, int]:
    """Each type's score: the weights of its distinct cues (a verb cue only in a real form, at half its weight
    in a relative clause: "met X, who is visiting Y" is the meeting), the heaviest match of each stretch of
    text counted once; and ``scoring.subject_bonus`` for the type of the noun that a real verb of no type has
    as its subject or object in its clause ("Bilateral talks between X and Y got under way", "attended the
    summit")."""
    real = {id(m) for _, m in verbs}
    taken: dict[str, list[tuple[int, int, int]]] = {}
    for cue, match in sorted(found, key=lambda pair: -pair[0].weight):
        if not cue.event_type or (cue.form == "verb" and id(match) not in real):
            continue
        weight = cue.weight // 2 if cue.form == "verb" and in_relative_clause(text, match.start()) else cue.weight
        spans = taken.setdefault(cue.event_type, [])
        if not any(lo < match.end() and match.start() < hi for lo, hi, _ in spans):
            spans.append((match.start(), match.end(), weight))
    scores = {event_type: sum(w for _, _, w in spans) for event_type, spans in taken.items()}
    bonus = rules(data_dir).raw["scoring"].get("subject_bonus", 0)
    for event_type in _verb_nouns(found, verbs, text, data_dir):
        scores[event_type] = scores.get(event_type, 0) + bonus
    return scores


@lru_cache(maxsize=8)
def _happening_nouns(data_dir: Path = DATA_DIR) -> frozenset[str]:
    """Every noun that names a happening in data/events.yaml: the types' ``nouns`` and the ``noun_classes``
    (lower case, one spelling of each small pattern)."""
    raw = vocabulary(data_dir).raw
    words = [n for entry in raw["types"].values() for n in entry.get("nouns", ())]
    words += [n for nouns in (raw.get("noun_classes") or {}).values() for n in nouns]
    plain = {re.sub(r"\(\?:([^|)]*)[^)]*\)", r"\1", w).replace(" ?", " ").lower() for w in words}
    return frozenset(plain | {w + "s" for w in plain})


def in_relative_clause(text: str, start: int) -> bool:
    """True when ``start`` lies in a relative clause opened after a comma (", who is visiting the capital")."""
    return bool(text) and bool(RELATIVE_AFTER_COMMA.search(text[max(0, start - 150) : start]))


def _verb_nouns(found: list, verbs: list, text: str, data_dir: Path = DATA_DIR) -> set[str]:
    """The types of the happening nouns (a type's ``nouns`` or a noun class of data/events.yaml, not a people
    noun such as "counterpart") that a real verb of no type ("was held", "got under way", "attended"), which no
    verb cue of a type covers, has as its subject (the last such noun before it in its clause, within
    ``scoring.subject_chars``) or object (the first one after it, within ``scoring.object_chars``)."""
    scoring = rules(data_dir).raw["scoring"]
    happenings = _happening_nouns(data_dir)
    nouns = [(cue, m) for cue, m in found if cue.form == "noun" and cue.event_type
             and " ".join(m.group().lower().split()) in happenings]
    typed = [m for c, m in verbs if c.event_type]
    types = set()
    for cue, verb in verbs:
        if cue.event_type or in_relative_clause(text, verb.start()) \
                or any(m.start() < verb.end() and verb.start() < m.end() for m in typed):
            continue
        clause_start = max([0] + [m.end() for m in _CLAUSE_END.finditer(text, 0, verb.start())])
        before = [(c, m) for c, m in nouns if clause_start <= m.start() and m.end() <= verb.start()
                  and verb.start() - m.end() <= scoring.get("subject_chars", 0)]
        stop = _CLAUSE_END.search(text, verb.end())
        after = [(c, m) for c, m in nouns if verb.end() <= m.start() <= verb.end() + scoring.get("object_chars", 0)
                 and (stop is None or m.start() < stop.start())]
        if before:
            types.add(max(before, key=lambda pair: pair[1].start())[0].event_type)
        elif after:
            types.add(min(after, key=lambda pair: pair[1].start())[0].event_type)
    return types


def only_dates(sentence: str, trigger_start: int, data_dir: Path = DATA_DIR) -> bool:
    """True for a sentence that only dates a happening named before: a determiner, at most three words that
    hold the trigger, then a ``dating_verbs`` verb ("The incident occurred on Saturday when ...")."""
    verbs = "|".join(v.replace(" ", r"\s+") for v in rules(data_dir).raw["dating_verbs"])
    found = re.match(rf"\W*(?:the|this|that)\s+(?:[\w'’\-]+\s+){{1,3}}?(?:{verbs})(?![\w])", sentence, re.IGNORECASE)
    return found is not None and trigger_start < found.end()


def confidence(data_dir: Path = DATA_DIR) -> float:
    """The base confidence of an event made from a lead's cues (``scoring.confidence``)."""
    return rules(data_dir).raw["scoring"]["confidence"]


def in_background(text: str, start: int, data_dir: Path = DATA_DIR) -> bool:
    """True when the words at ``start`` stand in a background phrase: within ``background_words`` words after
    a ``background_opener`` ("following a devastating earthquake", "abducted by gunmen in the attack"), with
    no comma and no word of ``background_stop`` between; not after a ``fronted_not_background`` opener that opens
    the text ("During a phone call on Tuesday, X and Y discussed ...": the encounter the news happened in); not after an
    ``adverb_openers`` word that is an adverb there, after a word of ``adverb_after`` ("have since returned")."""
    return _in_background(text, start, rules(data_dir))


def _in_background(text: str, start: int, table: Rules) -> bool:
    if table.stop.match(text, start):
        return False
    found = table.background.search(text[max(0, start - 120) : start])
    if not found:
        return False
    opener = found.group().split()[0].lower()
    head = text[: max(0, start - 120) + found.start()]
    fronted = not head.strip(" \t\n\"“'‘(")
    previous = head.split()[-1:]
    adverb = opener in table.raw.get("adverb_openers", ()) and previous \
        and previous[0].lower() in table.raw.get("adverb_after", ())
    return not (adverb or fronted and opener in table.raw.get("fronted_not_background", ())
                or _verb_after_noun_phrase(text, start, found.group(), table))


def _verb_after_noun_phrase(text: str, start: int, phrase: str, table: Rules) -> bool:
    """True when ``phrase``, a background phrase that ends at ``start``, opens with a preposition that takes a noun
    phrase and no clause (``noun_phrase_openers``: "by", "amid", "despite") and the word at ``start`` is a past-tense verb
    two words or more after it, not after a determiner: the verb of the sentence's own clause, which the noun phrase
    ends before ("Tractors escorted by riot police cleared the stalls")."""
    words = phrase.split()
    if len(words) < 3 or not _noun_phrase_opener(tuple(table.raw.get("noun_phrase_openers") or ())).match(phrase):
        return False
    raw = table.raw["by_verb"]
    word = _WORD.match(text, start)
    past = word is not None and (re.fullmatch(r"[a-z]{2,}ed", word.group()) or word.group() in raw["irregular_past"])
    return bool(past) and word.group() not in raw["not_past"] and words[-1].lower() not in raw["not_after"]


def _hidden(text: str, start: int, table: Rules) -> bool:
    """True for words in a quotation (not a word or two in scare quotes: 'forces "neutralised" 16 militants')
    or a background phrase: their cues do not count."""
    if sum(text.count(mark, 0, start) for mark in '"“”') % 2 == 1 and not _scare_quoted(text, start):
        return True
    return _in_background(text, start, table)


def _scare_quoted(text: str, start: int) -> bool:
    """True when the quotation around ``start`` holds at most two words."""
    opening = max(text.rfind(mark, 0, start) for mark in '"“”')
    closing = min([at for at in (text.find(mark, start) for mark in '"“”') if at >= 0] or [len(text)])
    return closing < len(text) and len(text[opening + 1 : closing].split()) <= 2


def _real(text: str, match: re.Match, vocab: Vocabulary, data_dir: Path = DATA_DIR) -> bool:
    """True when a verb reports a real happening: no future, plan, negation or modal before it in its
    clause (data/events.yaml ``irrealis_before``, ``irrealis_in_clause``; a word of ``irrealis_before`` right after a
    word of data/leads.yaml ``attributive_after`` modifies a noun, not the verb: "the proposed budget was passed"), and
    no "to" or "to be" right before it (an infinitive: "boats to be deployed along the coast"; "is said to have been
    held" stays real, a happening told as reported)."""
    before = text[max(0, match.start() - 60) : match.start()]
    clause = _CLAUSE_END.split(before)[-1]
    return not (_irrealis_before(before, vocab, data_dir) or vocab.irrealis_in_clause.search(clause)
                or re.search(r"(?<![\w])to(?:\s+be)?\s*$", before, re.IGNORECASE))


@lru_cache(maxsize=8)
def _noun_phrase_opener(openers: tuple[str, ...]) -> re.Pattern:
    words = "|".join(o.replace(" ", r"\s+") for o in openers) or "(?!)"
    return re.compile(rf"(?:{words})\s", re.IGNORECASE)


_WORD = re.compile(r"[\w'’\-]+")


def _irrealis_before(before: str, vocab: Vocabulary, data_dir: Path) -> bool:
    """True when a word of data/events.yaml ``irrealis_before`` ends ``before`` (with at most three words after it)
    that is not right after a word of ``attributive_after`` ("a planned strike", "the expected rain")."""
    found = vocab.irrealis_before.search(before)
    while found is not None and before[: found.start()].split()[-1:] and \
            before[: found.start()].split()[-1].lower() in _attributive_words(data_dir):
        found = vocab.irrealis_before.search(before, found.start() + 1)
    return found is not None


@lru_cache(maxsize=8)
def _attributive_words(data_dir: Path) -> frozenset[str]:
    """data/leads.yaml ``attributive_after``, lower case."""
    return frozenset(w.lower() for w in rules(data_dir).raw.get("attributive_after", ()))


def _not_news(text: str, verb_end: int, table: Rules, vocab: Vocabulary) -> bool:
    """True when the lead's head (its words up to the end of the happening verb's clause) is a plan, an
    opinion, an analysis, a statistic (or a rate, or a figure the next clause compares: data/events.yaml
    ``statistics``), a quotation or a question (data/leads.yaml ``not_news``); a modal (``not_news.modal``) after the verb
    in a clause it governs does not count (``_governed_modal``: "approved a levy that would fund ...")."""
    stop = _CLAUSE_END.search(text, verb_end)
    head = text[: stop.start()] if stop else text
    compared = stop is not None and stop.group() == "," and bool(vocab.compared_next.match(text[stop.end() :]))
    return compared or bool(vocab.rate.search(head)) or \
        any(_governed_modal(head, verb_end, regex, table) if kind == "modal"
            else regex.search(text if kind == "question" else head) for kind, regex in table.not_news)


def _governed_modal(head: str, verb_end: int, modal: re.Pattern, table: Rules) -> bool:
    """True when a modal of ``head`` makes its verb no happening: one before the verb ``verb_end`` ends, or after it with no
    word that opens a further clause between (``not_news_modal_clause``: "that", "which", "and"): "The truce signed last
    week could collapse" (the verb is a participle, the modal the head's), not "approved a levy that would pay for ..."."""
    opener = _clause_opener(tuple(table.raw.get("not_news_modal_clause") or ()))
    return any(found.start() < verb_end or opener.search(head, verb_end, found.start()) is None
               for found in modal.finditer(head))


@lru_cache(maxsize=4)
def _clause_opener(words: tuple[str, ...]) -> re.Pattern:
    """A word of ``words`` (data/leads.yaml ``not_news_modal_clause``) that opens a further clause."""
    return re.compile(rf"(?<![\w-])(?:{'|'.join(words) or '(?!)'})(?![\w-])", re.IGNORECASE)


_CLAUSE_END = re.compile(r"(?<!\d),(?!\d)|[;:]|\s[-–—]\s")  # not the comma of a figure ("More than 2,000 people")


def by_verb(text: str, dated: bool = False, data_dir: Path = DATA_DIR,
            type_guess: Callable[[str, Path], str] | None = None) -> LeadGuess | None:
    """The fallback for a lead no type's cues classify: a lead whose head clause has a finite past-tense verb
    (data/leads.yaml ``by_verb``: "-ed" or an irregular past; not a participle after a determiner, not in a relative
    clause, not after a modal, "to" or a negation) after a named subject (a capitalised word that is no opener:
    "Officials", "The") and that names a day (or, with ``dated``, stands on a page with a publication day) reports
    the news, whatever its words: one guess of low confidence (``by_verb.confidence``), unless its head is a plan,
    an opinion, a statistic or a quotation (``not_news``); a head of saying tells its news in the words after it, whose
    past verb counts (``_reported_verb``: "The operator said on Tuesday it detected an intrusion"). Its type: the broad
    cues' best type among those of the happening nouns it holds (``_best_type``), else ``type_guess(text, data_dir)``
    (by default the learned guess, ``_learned_type``), else ``by_verb.default_type``."""
    table, vocab = rules(data_dir), vocabulary(data_dir)
    raw = table.raw["by_verb"]
    if not (dated or re.search(table.raw["lead"]["context_day"], text, re.IGNORECASE)) \
            or _quotation_or_question(text, table):
        return None
    verb = _past_verb(text, data_dir) or _reported_verb(text, data_dir)
    if verb is None or _not_news(text, verb.end(), table, vocab) or not (
            _named_before(text[: verb.start()], data_dir)
            or _common_subject(text[: verb.start()], data_dir) and not _telling(text[verb.end() :], data_dir)
            and not re.match(r"\s+to\s", text[verb.end() :])):
        return None
    event_type = _best_type(text, data_dir) or (type_guess or _learned_type)(text, data_dir) or raw["default_type"]
    label = _what_was_done(text, verb, data_dir) if event_type == raw["default_type"] else ""
    return LeadGuess(event_type, 0, verb.start(), verb.end(), verb.group(), "verb", raw["confidence"], label)


def _reported_verb(text: str, data_dir: Path) -> re.Match | None:
    """The past verb of what a lead's head of saying reports ("The port operator said it detected an intrusion on its
    network on Tuesday": "detected"), the first one ``_past_verb`` finds in the words after the verb of saying."""
    head = head_verb(text, data_dir)
    if head is None or head.group().lower() not in rules(data_dir).raw["by_verb"]["saying"]:
        return None
    after = text[head.end() :]
    verb = _past_verb(after, data_dir)
    return _verb_words(data_dir).match(text, head.end() + verb.start()) if verb is not None else None


def as_catch_all(guess: LeadGuess, text: str, data_dir: Path = DATA_DIR) -> LeadGuess:
    """``guess`` (of ``text``) as the catch-all type (``by_verb.default_type``), titled by what was done from its verb
    on (``_what_was_done``)."""
    verb = re.compile(re.escape(guess.text)).match(text, guess.start)
    label = _what_was_done(text, verb, data_dir) if verb is not None else guess.label
    return replace(guess, event_type=rules(data_dir).raw["by_verb"]["default_type"], label=label)


def _what_was_done(text: str, verb: re.Match, data_dir: Path) -> str:
    """What the catch-all type's title calls the happening: the verb and the words after it up to a comma, a word of
    ``by_verb.label_stop`` (a preposition, a day) or ``by_verb.label_words`` words ("launched a weather satellite",
    "switched off the old pumping station"), without a determiner at its end; a day right after the verb
    (``by_verb.label_skip``: "opened yesterday the new market hall") is passed over, not the label's end."""
    raw = rules(data_dir).raw["by_verb"]
    stop = {w.lower() for w in raw["label_stop"]}
    words = [verb.group()]
    after = text[verb.end() :].split()
    skip = {w.lower() for w in raw.get("label_skip", ())}
    while after and after[0].lower() in skip:
        after = after[1:]
    if verb.group().lower() in raw["time_verbs"]:  # "spent Saturday morning cleaning up the beach": what was done
        doing = next((at for at, word in enumerate(after[: raw["time_words"] + 1])
                      if re.fullmatch(r"[a-z]{3,}ing", word) and word not in raw["not_doing"]), None)
        if doing is not None:
            words, after = [after[doing]], after[doing + 1 :]
    for word in after[: raw["label_words"]]:
        if word.lower().strip("\"“”‘’'") in stop or re.match(r"[\d(]", word):
            break
        words.append(word.rstrip(",;:."))
        if re.search(r"[,;:.]$", word):
            break
    while len(words) > 1 and words[-1].lower() in raw["not_after"]:
        words.pop()
    return " ".join(words)


def _past_verb(text: str, data_dir: Path) -> re.Match | None:
    """The first finite past-tense verb of ``text`` (``by_verb.irregular_past`` or a lower-case word in "-ed" not of
    ``by_verb.not_past``) not after a word of ``by_verb.not_after`` ("the", "who"), not in a relative clause, not a
    participle before "by" (``by_verb.participle_before``: "the damage caused by"); None when that verb is not real
    (``_real``: after a modal, "to" or a negation), tells no happening (``by_verb.stative``: "remained", "stood at";
    ``by_verb.state_after``: "came to a standstill") or
    a statement (``by_verb.saying``: "said", "pledged", "hailed"), or when a verb in the present (``by_verb.present``:
    "is", "are") comes first ("Patients are treated ...", "The state is working on ..., the minister has said")."""
    raw, vocab = rules(data_dir).raw["by_verb"], vocabulary(data_dir)
    match = head_verb(text, data_dir)
    if match is None:
        return None
    state = re.match(rf"\s+(?:{'|'.join(raw['state_after'])})(?![\w])", text[match.end() :], re.IGNORECASE)
    return match if _real(text, match, vocab, data_dir) and match.group().lower() not in (*raw["stative"], *raw["saying"]) \
        and state is None else None


def head_verb(text: str, data_dir: Path = DATA_DIR) -> re.Match | None:
    """The past-tense verb form of ``text`` that ``_past_verb`` reads as its head's verb, whatever it tells (a verb of
    saying, a state, one after a modal): the first one not after a word of ``by_verb.not_after``, not in a quotation,
    a background phrase or a relative clause, not a participle before "by"; None when a verb in the present comes first
    or there is none."""
    raw = rules(data_dir).raw["by_verb"]
    present = re.compile(rf"(?<![\w'’\-])(?:{'|'.join(raw['present'])})(?![\w'’\-])", re.IGNORECASE)
    for match in _verb_words(data_dir).finditer(text):
        word = match.group()
        if _present_before(text, match.start(), present):
            return None
        before = text[: match.start()].split()
        previous = before[-1].lower().strip("\"“”'‘’(") if before else ""
        following = text[match.end() :].split()[:1]
        if word.lower() in raw["not_past"] or _hidden(text, match.start(), rules(data_dir)) \
                or text[match.start() - 1 : match.start()] == "(" \
                or previous in raw["not_after"] or in_relative_clause(text, match.start()) \
                or (following and following[0].lower() in raw["participle_before"]
                    and previous not in raw["finite_auxiliaries"]):
            continue
        return match
    return None


def _present_before(text: str, end: int, present: re.Pattern) -> bool:
    """True when a verb of ``present`` comes before ``end`` outside a relative clause closed before it ("The mayor, who
    is also the party's leader, opened the market": the head's verb is "opened")."""
    return any(not (in_relative_clause(text, found.start()) and "," in text[found.end() : end])
               for found in present.finditer(text, 0, end))


@lru_cache(maxsize=4)
def _verb_words(data_dir: Path) -> re.Pattern:
    """A lower-case word in "-ed" (of four letters or more) or an irregular past of data/leads.yaml, or right after an
    auxiliary of ``by_verb.participle_after`` one of its irregular participles: a perfect or a passive ("have begun a
    strike", "were taken to hospital", "has been sworn in")."""
    raw = rules(data_dir).raw["by_verb"]
    irregular = "|".join(sorted(raw["irregular_past"], key=len, reverse=True))
    participles = "|".join(sorted(raw.get("irregular_participles") or ["(?!)"], key=len, reverse=True))
    after = "|".join(rf"(?<=\b{word} )" for word in raw.get("participle_after") or ("has", "have", "had"))
    return re.compile(rf"(?<![\w'’\-])(?:[a-z]{{2,}}ed|{irregular}|(?:{after})(?:{participles}))(?![\w\-])")


def _named_before(head: str, data_dir: Path) -> bool:
    """True when the words before the verb hold a name: a capitalised word not of ``by_verb.not_names`` (an
    opener, a pronoun, a day or month: "The", "He", "On Monday")."""
    stop = {w.lower() for w in rules(data_dir).raw["by_verb"]["not_names"]}
    return any(word[:1].isupper() and word.lower() not in stop
               for word in re.findall(r"[\w'’\-]+", head) if not word[:1].isdigit())


def _common_subject(head: str, data_dir: Path) -> bool:
    """True when the words before the verb, in one clause, are a noun group that names people or a body in common
    nouns (``by_verb.common_subject``: its last word one of ``heads``): "A group of volunteers", "Over 100 farmers",
    "Rescue workers"; not a fronted phrase ("In the morning"), a pronoun or nothing. (Such a lead whose verb's object
    is a statement or a warning, or whose verb goes on in an infinitive, "failed to agree", tells no happening.)"""
    raw = rules(data_dir).raw["by_verb"]
    subject = raw["common_subject"]
    head = _without_time_tail(head, data_dir)  # "The national board on Tuesday": the subject is "The national board"
    words = _without_auxiliaries(re.findall(r"[\w'’\-]+", head), raw)
    if not words or len(words) > subject["max_words"] or _CLAUSE_END.search(head):
        return False
    return words[0].lower() not in subject["not_first"] and words[-1].lower() in subject["heads"]


def _without_auxiliaries(words: list[str], raw: dict) -> list[str]:
    """``words`` less the auxiliaries of a perfect or a passive at their end (``by_verb.finite_auxiliaries``, an adverb
    in "-ly" among them): "Local farmers have" (repaired), "Six people were" (rescued), "Two crews had quickly"."""
    auxiliaries = set(raw["finite_auxiliaries"])
    while len(words) > 1 and (words[-1].lower() in auxiliaries or re.fullmatch(r"[a-z]+ly", words[-1])
                              and words[-2].lower() in auxiliaries):
        words = words[:-1]
    return words


def _without_time_tail(head: str, data_dir: Path) -> str:
    """``head`` less a time phrase at its end, between the subject and its verb (``by_verb.common_subject.time_tail``:
    "on Tuesday", "late on Friday night", "yesterday", "last week")."""
    return _time_tail(data_dir).sub("", head)


@lru_cache(maxsize=4)
def _time_tail(data_dir: Path) -> re.Pattern:
    tail = rules(data_dir).raw["by_verb"]["common_subject"].get("time_tail") or ["(?!)"]
    return re.compile(rf"\s+(?:{'|'.join(tail)})\s*$", re.IGNORECASE)


def _best_type(text: str, data_dir: Path) -> str:
    """The type the broad cues score highest in ``text``, whatever its score, among the types of the happening nouns
    it holds (``_happening_nouns``: "talks", "aid"; a verb alone, "launched", says no type, nor a noun of no happening,
    "army"); "" when none scores or two tie."""
    found, verbs = _cue_matches(text, data_dir)
    happenings = _happening_nouns(data_dir)
    named = {cue.event_type for cue, m in found if cue.form == "noun" and " ".join(m.group().lower().split()) in happenings}
    ranked = sorted(((t, score) for t, score in _scores(found, verbs, text, data_dir).items() if t in named),
                    key=lambda item: -item[1])
    if not ranked or ranked[0][1] <= 0 or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return ""
    return ranked[0][0]


def _learned_type(text: str, data_dir: Path = DATA_DIR) -> str:
    """The type ``timeline.typeguess`` gives ``text`` when it is at least ``by_verb.type_guess_min`` sure of it (not
    "none": that it reports no happening is no type); "" else."""
    event_type, probability = _guess(text, data_dir)
    return event_type if event_type != _NONE and probability >= rules(data_dir).raw["by_verb"]["type_guess_min"] else ""


def _quotation_or_question(text: str, table: Rules) -> bool:
    """True when ``text`` is a quotation or a question (``not_news`` of those kinds): no fallback reads it."""
    return any(regex.search(text) for kind, regex in table.not_news if kind in ("quote", "question"))


def in_body(text: str, data_dir: Path = DATA_DIR, type_guess: Callable[[str, Path], tuple[str, float]] | None = None,
            page: str = "", start: int = -1, happening: Callable[[str, Path], float] | None = None,
            own_day: bool = True) -> LeadGuess | None:
    """The fallback for a body sentence no trigger rule touched (data/leads.yaml ``body``): a sentence whose head clause
    tells, in a finite past-tense verb of action, what a named subject did (``_body_verb``) and that the learned model
    is at least ``body.happening_min`` sure reports a happening (``happening``, by default ``typeguess.happening``)
    reports a further one: one guess of a confidence below the lead's (``body.confidence``), of the type the learned
    guess gives when it is at least ``body.type_guess_min`` sure of it (``type_guess``, by default ``typeguess.guess``);
    else none (or, with ``body.allow_default``, the catch-all type). Not a line of ``page`` (from ``start``) that is a
    photo caption. Whether its day may date news is the caller's to say (``own_day``: the sentence names a day of its
    own that may). A sentence the model is at least ``body.sure_happening`` sure of needs neither that day nor a named
    subject before its past verb ("A public hearing on the budget was held last month"). A sentence of no such day
    whose subject is a gathering named by a definite noun (``body.details_subject``: "The ceremony was opened by X")
    only details the one told before: no guess."""
    raw = rules(data_dir).raw
    if page and start >= 0 and caption_marked(page, Sentence(start, start + len(text), text), data_dir):
        return None
    if not own_day and re.match(raw["body"].get("details_subject") or "(?!)", text.lstrip(" \"“'‘("), re.IGNORECASE):
        return None  # "The ceremony was opened by the mayor": a detail of the gathering told before
    sure = raw["body"].get("sure_happening")
    verb = _body_verb(text, data_dir) if own_day else None
    needs_sure = verb is None
    if verb is None and sure is not None:
        verb = _body_verb(text, data_dir, named=False)
    if verb is None:
        return None
    likely = (happening or _happening)(text, data_dir)
    if likely < raw["body"]["happening_min"] or (needs_sure and likely < sure):
        return None
    event_type, probability = (type_guess or _guess)(text, data_dir)
    default = raw["by_verb"]["default_type"]
    if event_type == _NONE or probability < raw["body"]["type_guess_min"]:
        if not raw["body"]["allow_default"]:
            return None
        event_type = default
    label = _what_was_done(text, verb, data_dir) if event_type == default else ""
    return LeadGuess(event_type, 0, verb.start(), verb.end(), verb.group(), "body", raw["body"]["confidence"], label)


def _body_verb(text: str, data_dir: Path, named: bool = True) -> re.Match | None:
    """The past verb of a body sentence that tells what a named subject did (``_past_verb``, ``_named_before``; with
    ``named`` false, any subject): None in
    a quotation or a question, for a sentence that opens in a happening told before and only details it ("During the
    talks, ..."; ``body.details_opener``), a verb of blaming or refusing (``body.saying``), one whose object is a
    statement or a post (``body.telling_objects``: "made the announcement"), a plan, an opinion or a statistic."""
    table, vocab = rules(data_dir), vocabulary(data_dir)
    raw = table.raw["body"]
    head = text.lstrip()
    if head[:1] in "\"“‘'(" or _quotation_or_question(text, table) \
            or re.match(raw["details_opener"], head, re.IGNORECASE):
        return None
    verb = _past_verb(text, data_dir) or (None if named else _any_past_verb(text, data_dir))
    if verb is None or verb.group().lower() in raw["saying"] or _pronoun_subject(text[: verb.start()], vocab) \
            or named and not _named_before(text[: verb.start()], data_dir) \
            or _not_news(text, verb.end(), table, vocab) or _telling(text[verb.end() :], data_dir):
        return None
    return verb


def _pronoun_subject(head: str, vocab: Vocabulary) -> bool:
    """True when the verb's clause opens with a personal pronoun (data/events.yaml ``grammar.subject_pronouns``):
    "He inspected the terminal", "Later, she laid a wreath": the deed of someone told before, whose news that
    sentence only goes on with."""
    clause = _CLAUSE_END.split(head)[-1].split()
    return bool(clause) and clause[0].lower().strip("\"“”'‘’(") in vocab.raw["grammar"]["subject_pronouns"]


def _any_past_verb(text: str, data_dir: Path) -> re.Match | None:
    """The first past-tense verb of ``text`` anywhere in it, for a sentence the model is sure of, whose head
    ``_past_verb`` finds none in ("A public hearing on the budget, the first since the works began, is said to have
    been held ..."): real (``_real``), not of ``by_verb.not_past``, a state (``by_verb.stative``) or a statement
    (``by_verb.saying``, ``body.saying``), not in a quotation or a background phrase ("after a storm battered the
    coast": ``_hidden``)."""
    table, vocab = rules(data_dir), vocabulary(data_dir)
    raw = table.raw
    skip = {*raw["by_verb"]["not_past"], *raw["by_verb"]["stative"], *raw["by_verb"]["saying"], *raw["body"]["saying"]}
    return next((match for match in _verb_words(data_dir).finditer(text)
                 if match.group().lower() not in skip and _real(text, match, vocab, data_dir)
                 and not _hidden(text, match.start(), table)), None)


def _telling(after: str, data_dir: Path) -> bool:
    """True when the words after a verb open with its object, within five words and before any preposition, a
    statement or a post (``body.telling_objects``: "issued a strongly worded statement", "received a satellite
    distress alert"; not "congratulated her in a message", a deed told with how it was sent)."""
    objects = "|".join(rules(data_dir).raw["body"]["telling_objects"])
    return re.match(rf"\s+(?:(?!{_PREPOSITION}\s)[\w'’\-]+\s+){{0,4}}?(?:{objects})(?![\w])", after, re.IGNORECASE) is not None


_PREPOSITION = r"(?:in|on|by|with|via|through|at|during|over|after|for|from|to)"  # ends the object's noun phrase


_NONE = "none"  # the learned guess's word for a text it finds no type in (timeline.typeguess.NONE)


def _guess(text: str, data_dir: Path = DATA_DIR) -> tuple[str, float]:
    """The learned type guess (``timeline.typeguess``), loaded at the first sentence that needs it, not with this
    module."""
    from . import typeguess

    return typeguess.guess(text, data_dir)


def _happening(text: str, data_dir: Path = DATA_DIR) -> float:
    """How sure the learned model is that ``text`` reports a happening (``typeguess.happening``)."""
    from . import typeguess

    return typeguess.happening(text, data_dir)


def own_day(days: list[tuple[date | None, str]], published: date | None, data_dir: Path = DATA_DIR) -> bool:
    """True when one of ``days`` (the first day and the granularity of each of a sentence's own temporal expressions)
    is a day (or a time of one) that may date a happening the page reports: on ``published`` or before it, at most
    ``body.max_days_before`` days before when that is set (null: however long before, as a day stays news for
    ``timeline.background``; not a plan's day after it); on a page of no known day, any day of its own ("on Tuesday",
    "yesterday", "on 3 March 2009"). Not a month, a year or a vague time ("in 2019", "last March", "recently")."""
    reach = rules(data_dir).raw["body"]["max_days_before"]
    for first, granularity in days:
        if granularity not in ("day", "time"):
            continue
        if published is None:
            return True
        before = (published - first).days if first is not None else -1
        if 0 <= before and (reach is None or before <= reach):
            return True
    return False
