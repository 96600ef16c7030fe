"""Event trigger vocabulary (data/events.yaml), compiled once, and trigger spotting in one sentence.

Reads: a sentence's text. Adds: ``Trigger`` spans (event type, strength, verb/noun form) that survive the
cue checks: no future or negated happening ("will meet", "refused to meet"), no background reference
("in response to the attack").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .derived import compiled
from .prefilter import (KeyIndex, LazyPattern, fast_pattern, fold, required_chars, required_groups, required_keys,
                        spans_of)
from .resources import load
from .settings import DATA_DIR

MACROS = {
    "{words}": r"(?:[\w'’.\-\"“”]+\s+){0,4}?",
    "{word}": r"(?:[\w'’.\-]+\s+)?",
    "{title}": r"(?:\s+(?:on|themed|titled|entitled|called|named))?(?:\s+[\"“«][^\"”»]{0,240}[\"”»])?",
}


@dataclass(frozen=True)
class Trigger:
    event_type: str
    start: int  # offsets into the sentence text
    end: int
    text: str
    strength: str  # strong | weak
    form: str  # verb | noun
    label: str = ""  # what the happening is called in titles, when the type's nouns do not say it


@dataclass(frozen=True)
class Rule:
    event_type: str
    regex: re.Pattern
    strength: str
    form: str
    examples: tuple[str, ...]
    label: str = ""
    keys: frozenset[str] | None = None  # one of these occurs in every match (prefilter.required_keys)
    # The same matches, found faster (``fast_pattern``; group 1); None: run ``regex`` itself.
    fast: re.Pattern | None = field(default=None, compare=False, repr=False)
    on_folded: bool = field(default=False, compare=False, repr=False)  # ``fast`` reads the folded sentence


@dataclass(frozen=True)
class Vocabulary:
    rules: tuple[Rule, ...]
    types: dict  # event type -> its yaml entry (family, priority, actors, nouns, titles)
    raw: dict  # the whole yaml, for cue lists
    irrealis_before: re.Pattern
    irrealis_right_before: re.Pattern
    irrealis_in_clause: re.Pattern
    remarks_reference: re.Pattern
    clause_break: re.Pattern
    realis_before_to: re.Pattern
    irrealis_after: re.Pattern
    background_before: re.Pattern
    reaction_before: re.Pattern | None
    reaction_unless_after: re.Pattern | None
    reporting: re.Pattern
    continuation: tuple[tuple[re.Pattern, str | None], ...]  # (pattern at sentence start, noun's type)
    publication_before: re.Pattern
    publication_after: re.Pattern
    recent: re.Pattern
    ignore: re.Pattern
    cumulative_after: re.Pattern
    same_time: re.Pattern
    light_verb: re.Pattern
    perfect: re.Pattern
    # "injured at a protest": where else something happened, unless a sitting (``background_at_before``)
    background_at: re.Pattern = re.compile(r"(?!)")
    background_at_sitting: re.Pattern = re.compile(r"(?!)")  # "at a meeting on Sunday": a sitting told as news
    background_at_right_before: re.Pattern = re.compile(r"(?!)")  # "at a news conference": no sitting
    later_before: re.Pattern = re.compile(r"(?!)")  # "X later held talks": follows the event reported before
    people_reference: re.Pattern = re.compile(r"(?!)")  # "both ministers": the people of an earlier event
    same_day: re.Pattern = re.compile(r"(?!)")  # "the same day", "earlier in the day": the day of the news
    compared_before: re.Pattern | None = None  # "the deadliest attack" before a trigger (``compared_since``)
    irrealis_inside: re.Pattern = re.compile(r"(?!)")  # "missiles could hit": a modal inside the trigger's words
    rate: re.Pattern = re.compile(r"(?!)")  # "40 trucks a day entered": a rate, not one happening (``statistics``)
    compared_next: re.Pattern = re.compile(r"(?!)")  # "40 trucks entered ..., far fewer than needed" (``statistics``)
    compared_after: re.Pattern = re.compile(r"(?<![\w])since(?![\w])", re.IGNORECASE)  # "worst flood in a century"
    # "for the first time since 2012" before a cumulative cue: one happening compared with the past (``_cumulative``)
    cumulative_unless: re.Pattern = re.compile(r"(?!)")
    # "In a joint operation, ...": an opening phrase that names the sentence's happening (``grammar.news_opening``)
    news_opening: re.Pattern = re.compile(r"(?!)")
    # "In her speech, ...": the same with the doer's own noun, for the types of ``grammar.own_opening_types`` only
    own_opening: re.Pattern = re.compile(r"(?!)")
    own_opening_types: frozenset = frozenset()
    # "Speaking at a forum's opening session, ...": an opening participle phrase that is a happening itself (``grammar``)
    participle_happening_phrase: re.Pattern = re.compile(r"(?!)")
    # Words a sentence can do without when triggers are looked for (``compact``): spans dropped whole, and
    # marks dropped around the words they enclose (group 1 is kept); each with a pattern of the keys one of
    # which occurs in every match, in the folded sentence (``prefilter.required_keys``; None: no such keys).
    compact_drop: tuple[tuple[re.Pattern, tuple[str, ...] | None], ...] = ()  # (pattern, the prefilter's keys)
    compact_unmark: tuple[tuple[re.Pattern, tuple[str, ...] | None], ...] = ()
    # Which rules (positions 0..len(rules)-1), continuation patterns (after them) and ``ignore`` (last,
    # ``ignore_at``) may match a sentence; built from them, so a copy with other rules gets its own.
    index: KeyIndex = field(init=False, repr=False, compare=False)
    # ``fast_pattern`` of each continuation pattern, in the same order.
    continuation_fast: tuple[tuple[re.Pattern | None, bool], ...] = field(init=False, repr=False, compare=False)
    ignore_fast: tuple[re.Pattern | None, bool] = field(init=False, repr=False, compare=False)  # of ``ignore``

    def __post_init__(self):
        object.__setattr__(self, "continuation_fast", tuple(fast_pattern(regex) for regex, _ in self.continuation))
        object.__setattr__(self, "ignore_fast", fast_pattern(self.ignore))
        keys = [rule.keys for rule in self.rules] + [required_keys(regex) for regex, _ in self.continuation] \
            + [required_keys(self.ignore)]
        also = [required_groups(rule.regex)[1:] if rule.keys else () for rule in self.rules] + \
            [required_groups(regex)[1:] for regex, _ in self.continuation] + [required_groups(self.ignore)[1:]]
        object.__setattr__(self, "index", KeyIndex(keys, also))

    @property
    def ignore_at(self) -> int:
        """The position of ``ignore`` in ``index``."""
        return len(self.rules) + len(self.continuation)


LOOK_BEHIND = r"(?<![\w-])"  # every trigger pattern opens with it: no word character or hyphen before


def compile_pattern(pattern: str, case_sensitive: bool = False, classes: dict | None = None) -> re.Pattern:
    """A trigger pattern from the yaml as a whole-word regular expression; ``{class:NAME}`` stands for the
    nouns of data/events.yaml ``noun_classes`` NAME (any one of them), ``{mods}`` for the few words that
    may qualify such a noun (``noun_modifiers``: no preposition or clause word among them)."""
    body = _with_classes(pattern, classes or {})
    for macro, expansion in MACROS.items():
        body = body.replace(macro, expansion)
    body = _spaces(body)
    flags = 0 if case_sensitive else re.IGNORECASE
    return LazyPattern(rf"{LOOK_BEHIND}(?:{body})(?![\w])", flags)  # compiled when first needed


def _spaces(body: str) -> str:
    """``body`` with each unescaped space read as any run of white space (``\\s+``) and an optional one (" ?") as
    none too, except inside a look-behind, which must keep a fixed width ("(?<!being )discussed with": the space stays
    one space). For trigger patterns and every phrase list of the vocabulary alike."""
    out, behind, depth, index = [], [], 0, 0
    while index < len(body):
        char = body[index]
        if char == "\\":
            out.append(body[index:index + 2])
            index += 2
            continue
        if char == "[":  # a class: its brackets and parentheses are characters
            end = _class_end(body, index)
            part = body[index:end]
            out.append(part if behind else re.sub(r"(?<!\\) ", r"\\s+", part))  # as spaces outside a class
            index = end
            continue
        if char == "(":
            depth += 1
            if body.startswith(("(?<!", "(?<="), index):
                behind.append(depth)
        elif char == ")":
            if behind and behind[-1] == depth:
                behind.pop()
            depth -= 1
        if char == " " and not behind:
            quantifier = body[index + 1 : index + 2]
            if quantifier in ("?", "*"):  # an optional space ("[\d.,]+ ?%"): any run of white space, or none
                out.append(r"\s*")
                index += 2
                continue
            out.append(r"\s+")
        else:
            out.append(char)
        index += 1
    return "".join(out)


def _class_end(body: str, start: int) -> int:
    """The index just after the character class that opens at ``start`` ("[^)]", "[]a]", "[\\]x]")."""
    index = start + 1
    if body.startswith("^", index):
        index += 1
    if body.startswith("]", index):
        index += 1
    while index < len(body) and body[index] != "]":
        index += 2 if body[index] == "\\" else 1
    return index + 1


def _with_classes(pattern: str, classes: dict) -> str:
    """``pattern`` with each ``{class:NAME}`` replaced by an alternation of that class's nouns (longest first,
    so that "memorandum of understanding" wins over "memorandum") and ``{mods}`` by ``classes["{mods}"]``."""
    def nouns(match: re.Match) -> str:
        words = sorted(classes[match.group(1)], key=len, reverse=True)
        return "(?:" + "|".join(words) + ")"
    body = re.sub(r"\{class:(\w+)\}", nouns, pattern)
    return body.replace("{mods}", classes.get("{mods}", MACROS["{words}"]))


def match_spans(rule: Rule, sentence: str, folded: str | None) -> list[tuple[int, int]]:
    """(start, end) of each match of ``rule`` in ``sentence``, as ``rule.regex.finditer`` finds them; through
    ``rule.fast`` (over ``folded``, ``prefilter.fold(sentence)``, when the rule is case-insensitive; None
    when folding changed the sentence's length)."""
    return spans_of(rule.regex, rule.fast, rule.on_folded, sentence, folded)


@lru_cache(maxsize=8)
def vocabulary(data_dir: Path = DATA_DIR) -> Vocabulary:
    """The compiled vocabulary of data/events.yaml."""
    raw = load("events.yaml", data_dir)
    return Vocabulary(
        rules=tuple(_rules(raw["types"], noun_classes(raw))),
        types=raw["types"],
        raw=raw,
        irrealis_before=_ending(raw["irrealis_before"], words_between=3, case_sensitive=True),
        irrealis_right_before=_ending(raw["irrealis_right_before"], words_between=0, case_sensitive=True),
        remarks_reference=re.compile(rf"(?<![\w])(?:{'|'.join(raw['remarks_reference'])})(?![\w])", re.IGNORECASE),
        irrealis_in_clause=re.compile(rf"(?<![\w])(?:{'|'.join(raw['irrealis_in_clause'])})(?![\w])"),
        clause_break=re.compile(rf"(?<![\w])(?:{'|'.join(raw['irrealis_clause_breaks'])})(?![\w])", re.IGNORECASE),
        realis_before_to=re.compile(rf"(?<![\w])(?:{'|'.join(raw['realis_before_to'])})\s+to\s*$", re.IGNORECASE),
        irrealis_after=_starting(raw["irrealis_after"]),
        background_before=_ending(raw["background_before"], words_between=2),
        background_at=_ending(raw.get("background_at_before") or ["(?!)"], words_between=2),
        background_at_sitting=_alternation((raw.get("background_at_unless") or {}).get("sittings") or ["(?!)"]),
        background_at_right_before=_ending((raw.get("background_at_unless") or {}).get("right_before") or ["(?!)"],
                                           words_between=0),
        reaction_before=_ending(raw["reaction_before"], words_between=1) if raw.get("reaction_before") else None,
        reaction_unless_after=_starting(raw["reaction_unless_after"]) if raw.get("reaction_unless_after") else None,
        reporting=_alternation(raw["reporting_verbs"]),
        continuation=tuple(_continuations(raw)),
        publication_before=_ending(raw["publication_before"], words_between=0, bare=True),
        publication_after=_starting(raw["publication_after"]),
        recent=_alternation(raw["recent"]["words"]),
        ignore=_alternation(raw["ignore"]),
        cumulative_after=_alternation(raw["cumulative_after"]),
        cumulative_unless=_ending(raw.get("cumulative_unless_before") or ["(?!)"], words_between=3),
        light_verb=_ending(raw["grammar"]["light_verbs"], words_between=2),
        perfect=_ending(raw["grammar"]["perfect_auxiliaries"], words_between=1),
        same_time=re.compile(rf"^\W*(?:{'|'.join(w.replace(' ', chr(92) + 's+') for w in raw['same_time'])})(?![\w])",
                             re.IGNORECASE),
        people_reference=_alternation(raw["people_reference"]),
        later_before=_ending(raw["later_before"], words_between=1),
        same_day=re.compile(rf"\W*(?:{'|'.join(_spaces(w) for w in raw.get('same_day_phrases', ()))})\W*", re.IGNORECASE),
        compared_before=_compared_before(raw.get("compared_since")),
        irrealis_inside=re.compile(rf"(?<![\w])(?:{'|'.join(raw.get('irrealis_inside', ()) or ['(?!)'])})(?![\w])"),
        rate=_alternation(raw.get("statistics", {}).get("rate", ()) or ["(?!)"]),
        compared_next=_starting(raw.get("statistics", {}).get("compared_next", ()) or ["(?!)"]),
        compared_after=_alternation((raw.get("compared_since") or {}).get("after", ()) or ["since"]),
        news_opening=re.compile(raw["grammar"].get("news_opening") or "(?!)", re.IGNORECASE),
        own_opening=re.compile(raw["grammar"].get("own_opening") or "(?!)", re.IGNORECASE),
        own_opening_types=frozenset(raw["grammar"].get("own_opening_types") or ()),
        participle_happening_phrase=_starting_at(raw["grammar"].get("participle_happening_phrases") or ["(?!)"]),
        compact_drop=_compact_patterns(raw, "drop"),
        compact_unmark=_compact_patterns(raw, "unmark"),
    )


def _compact_patterns(raw: dict, kind: str) -> tuple[tuple[re.Pattern, tuple[str, ...] | None], ...]:
    """Each pattern with its keys (a folded sentence holding none of them is not searched), as a tuple of strings:
    a substring test per key is about twice as fast as the alternation of the keys on a sentence."""
    table = raw.get("compact") or {}
    regexes = [re.compile(_spaces(entry["pattern"].replace("{complement}", table["complement"])))
               for entry in table.get(kind, ())]
    keys = [required_keys(regex) or required_chars(regex) for regex in regexes]  # "[–—-]": one of these characters
    return tuple((regex, tuple(sorted(key)) if key else None) for regex, key in zip(regexes, keys))


def _compared_before(table: dict | None) -> re.Pattern | None:
    if not table:
        return None
    words = "|".join(w.replace(" ", r"\s+") for w in table["words"])
    return re.compile(rf"(?<![\w])(?:the|its|their|a|[\w\-]+['’]s)\s+(?:{words})\s+(?:[\w'’\-]+\s+){{0,2}}$", re.IGNORECASE)


def noun_classes(raw: dict) -> dict:
    """data/events.yaml ``noun_classes`` (name -> nouns), with the ``{mods}`` expansion under "{mods}": up to
    three words that are none of ``noun_modifiers.not``, so that a frame's verb and noun stay in one phrase
    ("renewed their partnership statement", not "renewed calls for a ceasefire")."""
    classes = dict(raw.get("noun_classes") or {})
    stop = (raw.get("noun_modifiers") or {}).get("not") or []
    if stop:
        words = "|".join(_spaces(w) for w in stop)
        classes["{mods}"] = rf"(?:(?!(?:{words})(?![\w'’\-]))[\w'’\-]+\s+){{0,3}}?"
    return classes


def _rules(types: dict, classes: dict | None = None) -> list[Rule]:
    rules = []
    for event_type, entry in types.items():
        for trigger in entry.get("triggers", ()):
            regex = compile_pattern(trigger["pattern"], trigger.get("case") == "sensitive", classes)
            examples = tuple(trigger.get("examples", ()))
            rules.append(Rule(event_type, regex, trigger["strength"], trigger["form"], examples,
                              trigger.get("label", ""), required_keys(regex), *fast_pattern(regex)))
    return rules


def _alternation(words: list[str]) -> re.Pattern:
    body = "|".join(w.replace(" ", r"\s+") for w in words)
    return compiled(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)


def _ending(words: list[str], words_between: int, bare: bool = False, case_sensitive: bool = False) -> re.Pattern:
    """Matches when the text ends with one of ``words`` and at most ``words_between`` further words."""
    body = "|".join(w.replace(" ", r"\s+") for w in words)
    tail = r"\s*$" if bare else rf"(?:\s+[\w'’\-]+){{0,{words_between}}}\s*$"
    return compiled(rf"(?<![\w])(?:{body}){tail}", 0 if case_sensitive else re.IGNORECASE)


def _starting(words: list[str]) -> re.Pattern:
    body = "|".join(w.replace(" ", r"\s+") for w in words)
    return re.compile(rf"^\s*(?:{body})(?![\w])", re.IGNORECASE)


def _starting_at(patterns: list[str]) -> re.Pattern:
    """One of ``patterns`` (spaces match any white space) where the match starts (``pattern.match(text, at)``)."""
    return re.compile(rf"(?:{'|'.join(_spaces(p) for p in patterns)})(?![\w])", re.IGNORECASE)


def _continuations(raw: dict) -> list[tuple[re.Pattern, str | None]]:
    found = []
    for pattern in raw["continuation"]:
        if "{noun}" not in pattern:
            found.append((re.compile(rf"^\W*{_spaces(pattern)}(?![\w])", re.IGNORECASE), None))
            continue
        for event_type, entry in raw["types"].items():
            nouns = "|".join(_spaces(n) for n in entry.get("nouns", ()))
            regex = compiled(rf"(?<![\w])" + _spaces(pattern).replace("{noun}", f"(?:{nouns})") + r"(?![\w])",
                             re.IGNORECASE)
            found.append((regex, event_type))
    return found


def find_triggers(sentence: str, vocab: Vocabulary) -> list[Trigger]:
    """Every trigger in ``sentence`` that is a realis, foreground mention, in text order.

    Where two triggers overlap, the longer one wins (a strong "held talks" over a weak "talks").
    """
    folded = fold(sentence)
    spans = _rule_spans(sentence, vocab, folded)
    sizes: dict[tuple[int, int], int] = {}  # a compact match's span -> the characters it matched, less the dropped
    short = compact(sentence, vocab, folded)
    if short is not None:  # a match across dropped words is one more; the others were found above
        text, origin = short
        for rule, start, end in _rule_spans(text, vocab, fold(text)):
            if origin[end - 1] - origin[start] != end - 1 - start:
                span = (_opening_mark(sentence, origin, start), origin[end - 1] + 1)
                spans.append((rule, *span))
                sizes[span] = max(sizes.get(span, 0), end - start)
    if not spans:
        return []
    found = []
    # (a sentence that holds none of the keys of ``ignore``'s phrases is not searched for them: the index read its
    # words for the rules already, and the search, of some 300 phrases at every word, was an eighth of a parse)
    ignored = spans_of(vocab.ignore, *vocab.ignore_fast, sentence, folded if len(folded) == len(sentence) else None) \
        if vocab.ignore_at in vocab.index.candidates(sentence) else []
    for rule, start, end in spans:
        if any(start < stop and begin < end for begin, stop in ignored):
            continue
        strength = "weak" if _opens_with_participle(sentence, start, vocab) \
            or _compared_since(sentence, start, end, vocab) else rule.strength
        if strength == "weak" and rule.form == "noun" and _names_the_opening(sentence, start, end, vocab, rule.event_type):
            strength = "strong"
        form = "verb" if rule.form == "noun" and vocab.light_verb.search(sentence[:start]) else rule.form
        found.append(Trigger(rule.event_type, start, end, sentence[start:end], strength, form, rule.label))
    # Overlaps are settled first, so that a word inside an unreal phrase ("plan to hold a meeting") goes too.
    return [t for t in _without_overlaps(found, sizes) if _is_realis(sentence, t.start, t.end, vocab)]


def _rule_spans(sentence: str, vocab: Vocabulary, folded: str) -> list[tuple[Rule, int, int]]:
    """(rule, start, end) of every match of a trigger rule in ``sentence`` (``folded``: its ``fold``)."""
    rules = vocab.rules
    candidates = [rules[at] for at in vocab.index.candidates(sentence) if at < len(rules)]
    if not candidates:
        return []
    if len(folded) != len(sentence):
        folded = None
    return [(rule, start, end) for rule in candidates for start, end in match_spans(rule, sentence, folded)]


def _opening_mark(sentence: str, origin: list[int], start: int) -> int:
    """The offset in ``sentence`` of a compact match that starts at ``start``, with a dropped quote mark right
    before it: a trigger in scare quotes holds both marks (it is a term, not a quotation it stands in)."""
    at = origin[start]
    dropped = at > 0 and (start == 0 or origin[start - 1] < at - 1)
    return at - 1 if dropped and sentence[at - 1] in "\"“‘" else at


def compact(sentence: str, vocab: Vocabulary, folded: str | None = None) -> tuple[str, list[int]] | None:
    """``sentence`` without the words a trigger can do without (data/events.yaml ``compact``): a time
    adverbial between a verb and its complement ("conferred on Saturday with"), scare quotes around a verb, an
    abbreviation in brackets, a relative clause between a subject and its verb; with the offset in
    ``sentence`` of each of its characters (and of its end); ``folded``: ``prefilter.fold(sentence)``, when
    known. None when nothing is dropped."""
    folded = fold(sentence) if folded is None else folded
    cuts = []
    for kind, patterns in (("drop", vocab.compact_drop), ("unmark", vocab.compact_unmark)):
        for regex, keys in patterns:
            if keys is not None and not any(map(folded.__contains__, keys)):
                continue
            for m in regex.finditer(sentence):
                cuts += [m.span()] if kind == "drop" else [(m.start(), m.start(1)), (m.end(1), m.end())]
    if not cuts:
        return None
    keep = [True] * len(sentence)
    for start, end in cuts:
        keep[start:end] = [False] * (end - start)
    origin = [at for at in range(len(sentence)) if keep[at]] + [len(sentence)]
    return "".join(sentence[at] for at in origin[:-1]), origin


def _compared_since(sentence: str, start: int, end: int, vocab: Vocabulary) -> bool:
    """True for "the first shooting incident since ...", "the deadliest attack since 2020": the trigger
    names the happening already reported, compared with the past (data/events.yaml ``compared_since``)."""
    if vocab.compared_before is None or not vocab.compared_before.search(sentence[max(0, start - 60) : start]):
        return False
    return vocab.compared_after.search(sentence[end:]) is not None


def _opens_with_participle(sentence: str, start: int, vocab: Vocabulary) -> bool:
    """True for an opening participle phrase ("Speaking at the ceremony, he said ..."): it adds detail to
    an event already reported rather than reporting a new one; not one that is a happening itself
    ("Addressing the session, she said ...": data/events.yaml ``grammar.participle_happenings``; "Speaking at a
    forum's opening session, a minister said ...": ``grammar.participle_happening_phrases``), nor a noun in -ing that
    is the sentence's subject ("Polling stations closed at 8 p.m., ...": ``grammar.gerund_subjects``)."""
    head = sentence[:start].strip()
    word = sentence[start:].split(maxsplit=1)[0].lower() if sentence[start:].strip() else ""
    return not head and word.endswith("ing") and "," in sentence[start : start + 120] \
        and word not in vocab.raw["grammar"].get("participle_happenings", ()) \
        and word not in vocab.raw["grammar"].get("gerund_subjects", ()) \
        and not vocab.participle_happening_phrase.match(sentence, start)


def _names_the_opening(sentence: str, start: int, end: int, vocab: Vocabulary, event_type: str = "") -> bool:
    """True for a noun that ends a sentence's opening phrase which names its happening ("In a joint operation,
    police arrested ...", "In a phone call, X told Y ...": data/events.yaml ``grammar.news_opening``; "In her
    speech, the minister stressed ...": ``grammar.own_opening``, for the types of ``grammar.own_opening_types``)."""
    if not sentence.startswith(",", end):
        return False
    head = sentence[:start].lstrip()
    return vocab.news_opening.fullmatch(head) is not None \
        or (event_type in vocab.own_opening_types and vocab.own_opening.fullmatch(head) is not None)


def _is_realis(sentence: str, start: int, end: int, vocab: Vocabulary) -> bool:
    return unreal_cue(sentence, start, end, vocab) is None


def unreal_cue(sentence: str, start: int, end: int, vocab: Vocabulary) -> str | None:
    """The cue that makes the words at ``start:end`` no realis, foreground happening (the name of its list in
    data/events.yaml: "irrealis_before" for "will meet", "background_before" for "in response to the attack", ...),
    or None for a happening reported as such."""
    before = sentence[max(0, start - 60) : start]
    after = sentence[end : end + 60]
    if _perfect(before, sentence[start:end], vocab) and _cumulative(sentence, end, vocab):
        return "cumulative_after"
    if _rate(sentence, end, vocab):
        return "statistics"
    checks = (
        ("irrealis_before", lambda: vocab.irrealis_before.search(before)),
        ("irrealis_inside", lambda: vocab.irrealis_inside.search(sentence, start, end)),
        ("irrealis_in_clause", lambda: vocab.irrealis_in_clause.search(_clause_before(sentence, start, vocab))),
        ("irrealis_right_before", lambda: vocab.irrealis_right_before.search(before)
         and not vocab.realis_before_to.search(before)),
        ("background_before", lambda: vocab.background_before.search(before)
         or _at_elsewhere(sentence, start, end, before, vocab)),
        ("irrealis_after", lambda: vocab.irrealis_after.search(after)),
        ("reaction_before", lambda: _reaction(before, after, vocab)),
    )
    return next((name for name, found in checks if found()), None)


def _at_elsewhere(sentence: str, start: int, end: int, before: str, vocab: Vocabulary) -> bool:
    """True for a trigger after "at a" or "at an" (and at most two words) that names where something else happened
    ("was injured at a protest"), unless it is a sitting told as news ("backed the merger at a meeting on Sunday": a
    weak noun of it still needs a day of its own to be reported), not a press or news conference (data/events.yaml
    ``background_at_before``, ``background_at_unless``)."""
    if not vocab.background_at.search(before):
        return False
    return not vocab.background_at_sitting.fullmatch(sentence, start, end) \
        or vocab.background_at_right_before.search(before) is not None


def _cumulative(sentence: str, end: int, vocab: Vocabulary) -> bool:
    """True when a cue after the trigger sums up a period ("has killed 20 since 2020", "have met several times"),
    unless "first" stands right before that cue in its clause ("has reached the town for the first time since 2015":
    one happening; data/events.yaml ``cumulative_unless_before``). As for a rate (``_rate``), a cue after an infinitive
    that follows the trigger sums up what the happening is about, not the happening ("have held talks to end a war that
    has killed thousands over the years"); so does one inside a relative clause that follows the trigger
    ("had restored power to the hospital, which had run on generators since 6am")."""
    for cue in vocab.cumulative_after.finditer(sentence, end):
        head = sentence[end : cue.start()]
        if _INFINITIVE.search(head) or RELATIVE_AFTER_COMMA.search(head):
            return False
        if not vocab.cumulative_unless.search(head[max(head.rfind(","), head.rfind(";")) + 1 :]):
            return True
    return False


def _perfect(before: str, trigger: str, vocab: Vocabulary) -> bool:
    """True for a trigger in the perfect ("have killed", "has been in talks": the auxiliary may open the
    trigger's own words)."""
    return bool(vocab.perfect.search(before) or vocab.perfect.search(before + trigger.split(maxsplit=1)[0]))


def _rate(sentence: str, end: int, vocab: Vocabulary) -> bool:
    """True when the words up to the end of the trigger's clause give a rate or an average ("an average of 37
    trucks a day entered", "On average, 12 people are killed ... every day"), or the next clause compares the
    figure ("40 trucks entered ..., far fewer than needed"): a statistic, not one happening (data/events.yaml
    ``statistics``). A rate after an infinitive that follows the trigger is what was agreed or planned, not how often
    it happened ("reached an agreement to cut output by two million barrels a day"); so is a rate in a relative clause
    that follows the trigger ("opened three clinics that treat children every day": what the clinics do)."""
    stop = _CLAUSE_END.search(sentence, end, end + CLAUSE_REACH)  # bounded: linear on long run-on text
    clause_end = stop.start() if stop else min(len(sentence), end + CLAUSE_REACH)
    if any(rate.start() < end or not (_INFINITIVE.search(sentence, end, rate.start())
                                      or _RELATIVE.search(sentence, end, rate.start()))
           for rate in vocab.rate.finditer(sentence, max(0, end - 2 * CLAUSE_REACH), clause_end)):
        return True
    return stop is not None and stop.group() == "," \
        and bool(vocab.compared_next.match(sentence[clause_end + 1 : clause_end + 1 + CLAUSE_REACH]))


_CLAUSE_END = re.compile(r"[,;:.](?!\d)")  # a mark inside a number ("1,000", "2.5") ends no clause
# a relative clause opened after a comma and still open at the end ("restored power to the hospital, which had run on
# generators since 6am": the cue is the clause's; leads.in_relative_clause)
RELATIVE_AFTER_COMMA = re.compile(r",\s+(?:who|which|where|whose)\s[^,;:]*$", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:that|which|who|whose)\s")  # "clinics that treat ... every day": what the clinics do
_INFINITIVE = re.compile(r"\bto\s+(?!(?:the|a|an|its|their|his|her|this|that|these|those)\b)[a-z]+\b")  # "an agreement to cut output ...": what the happening is about


def _reaction(before: str, after: str, vocab: Vocabulary) -> bool:
    """True for a happening named only as what someone reacted to ("The bloc welcomed the agreement on
    Friday"), unless the words after it report it ("welcomed the agreement reached by ... on Friday")."""
    if vocab.reaction_before is None or not vocab.reaction_before.search(before):
        return False
    return not (vocab.reaction_unless_after and vocab.reaction_unless_after.search(after))


CLAUSE_REACH = 200


def _clause_before(sentence: str, start: int, vocab: Vocabulary) -> str:
    """The words of the trigger's clause before it: back to the last comma, semicolon, colon, dash or
    clause-opening word (``irrealis_clause_breaks``); at most CLAUSE_REACH characters, so that long run-on
    text stays linear."""
    head = sentence[max(0, start - CLAUSE_REACH) : start]
    cut = max(head.rfind(mark) for mark in (",", ";", ":", " - ", " – ", " — "))
    words = list(vocab.clause_break.finditer(head))
    return head[max(cut + 1, words[-1].end() if words else 0):]


def _without_overlaps(triggers: list[Trigger], sizes: dict[tuple[int, int], int] | None = None) -> list[Trigger]:
    """The longer of two overlapping triggers wins, except that a weak one never displaces a strong one of its own
    type ("gave a speech" over the weak "speech to parliament" in "gave a speech to parliament"). A match across
    dropped words (``sizes``: span -> characters matched) is as long as the words it matched: "Police – some in
    riot gear – arrested" is no longer than "Police arrested"."""
    triggers = [t for t in triggers if t.strength == "strong" or not any(
        o.strength == "strong" and o.event_type == t.event_type and o.start < t.end and t.start < o.end
        for o in triggers)]
    sizes = sizes or {}

    def size(t: Trigger) -> int:
        return sizes.get((t.start, t.end), t.end - t.start)

    ranked = sorted(triggers, key=lambda t: (-size(t), t.strength != "strong", t.start))
    kept: list[Trigger] = []
    for trigger in ranked:
        if all(trigger.end <= k.start or trigger.start >= k.end for k in kept):
            kept.append(trigger)
    return sorted(kept, key=lambda t: t.start)


def continued_type(sentence: str, vocab: Vocabulary) -> tuple[bool, str | None]:
    """Whether ``sentence`` continues an earlier event, and the event type its wording names (if any).

    "During the visit, ..." -> (True, "visit"); "The sides also ..." -> (True, None); "At the same
    time, ..." -> (True, "any"): the event just before, whatever its type; else (False, None).
    """
    if vocab.same_time.match(sentence):
        return True, "any"
    first = len(vocab.rules)
    folded = None
    for at in vocab.index.candidates(sentence):
        if not first <= at < vocab.ignore_at:
            continue
        regex, event_type = vocab.continuation[at - first]
        fast, on_folded = vocab.continuation_fast[at - first]
        if fast is not None and on_folded and folded is None:
            folded = fold(sentence)
        if fast is None or (on_folded and len(folded) != len(sentence)):
            match = regex.search(sentence)
            start = match.start() if match else None
        else:
            match = fast.search(folded if on_folded else sentence)
            start = match.start(1) if match else None
        if start is not None and (event_type is None or start < 40):
            return True, event_type
    return False, None


def is_reported(sentence: str, start: int, vocab: Vocabulary) -> bool:
    """True when a reporting verb ("said", "informed about") comes before offset ``start``."""
    return bool(vocab.reporting.search(sentence[:start]))


def reporting_spans(sentence: str, vocab: Vocabulary) -> list[tuple[int, int]]:
    """Offsets of the reporting verbs in ``sentence``."""
    return [(m.start(), m.end()) for m in vocab.reporting.finditer(sentence)]


def published_today(sentence: str, trigger: Trigger, vocab: Vocabulary) -> bool:
    """True when the wording dates the trigger to the publication day ("has addressed", "was held")."""
    before = sentence[max(0, trigger.start - 30) : trigger.start]
    after = sentence[trigger.end : trigger.end + 40]
    if trigger.form == "verb" and vocab.publication_before.search(before):
        return True
    if vocab.publication_after.search(after):
        return True
    words = trigger.text.split()
    return any(vocab.publication_after.search(" ".join(words[i:])) for i in range(1, len(words)))


def mentions_recent(sentence: str, trigger: Trigger, vocab: Vocabulary) -> bool:
    """True when a word such as "recent" or "ongoing" qualifies the trigger (within a few words before it)."""
    before = sentence[max(0, trigger.start - 40) : trigger.start]
    return bool(vocab.recent.search(before))
