"""Compile data/temporal/ (vocabulary.yaml, rules.yaml) into regular expressions, once per data folder.

Reads: the vocabulary tables and the ordered rule list. Adds: a ``Lexicon`` with one pattern per rule
with named groups (earlier rules win at the same position), how each rule's matches can begin (so that
at a word the tagger tries only the rules that fit its first characters, ``rules_at``), one pattern
finding the words where some rule can begin, and ``value(table, words)`` to map matched words back to
their table values. Texts are matched lower-cased; names that must be capitalised (months, weekdays) are
checked on the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..derived import compiled
from ..resources import load
from .firstchars import first_chars, held_chars
from .prefixes import as_regex, prefixes

PLACEHOLDER = re.compile(r"\{([a-z_]+?)(\d?)\}")
# Where a match may start and end: not inside a word, a number or an amount.
INSIDE = r"\w$£€#@/.:"  # characters after which a match may not start (a character class)
BEFORE = rf"(?<![{INSIDE}])(?<!\d-)"
# A numeric date's year may run on into a clock time with no space, as live-blog stamps print it
# ("20/10/203015:53"): the clock's digits do not hold that match back.
AFTER = r"(?!(?!(?<=[/.\-]\d{4})(?:[01]?\d|2[0-3]):[0-5]\d(?!\d))\w|%|[-/.:,]\d)"
# How many characters of a text the tagger reads to choose the rules worth trying at a word.
PREFIX_CHARS = 5
# Singular placeholder names for the tables rules use most.
ALIASES = {"month": "months", "weekday": "weekdays", "ordinal": "ordinals", "relation": "relations"}


@dataclass(frozen=True)
class Rule:
    """One pattern from rules.yaml: its name, the normaliser kind, parameters and examples."""

    name: str
    kind: str
    pattern: str
    params: dict
    examples: tuple


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Everything the tagger needs from the data files, compiled."""

    starts: re.Pattern  # where an expression may start: a character some rule can start with, not inside a word
    starts_after: re.Pattern  # the same from the character before it on (faster: no look-behind at every place)
    rule_patterns: tuple[str, ...]  # each rule with its named groups: says which rule and what parts
    prefixes: tuple[re.Pattern, ...]  # each rule's possible first PREFIX_CHARS characters
    candidates: dict[str, tuple[int, ...]]  # first character -> the rules that can start with it
    rules: tuple[Rule, ...]
    tables: dict[str, tuple[tuple[re.Pattern, Any], ...]]
    tense_cues: re.Pattern  # on lower-cased text; group "future" or "past" says which kind matched
    intent_verbs: frozenset  # past verbs of deciding: with "to VERB" after them an "intent" cue (tense.py)
    past_form_modifier: re.Pattern  # the end of a lower-cased text before an adjective in past form ("a ")
    cue_free: re.Pattern | None  # a character no tense cue can hold (None: any character may be in one)
    past_preposition: re.Pattern  # matches the end of the text just before an expression
    future_preposition: re.Pattern
    negatives: tuple
    year_openers: frozenset  # capitalised words (lower-cased) before which a year is still a date ("In 2020")
    surname_months: frozenset  # month words that are also surnames ("May"): alone, they may name a person
    abbreviation: re.Pattern  # the end of a text just before a full stop that ends no sentence ("Mr", "Gen")
    half_year_after: re.Pattern  # after "the first half": words that make it a half-year ("of the year")
    half_year_cues: re.Pattern  # words in a sentence that make a bare "first half" a half-year ("profit")
    case_sensitive: frozenset  # placeholder names whose words must be capitalised in the text
    clock_rules: frozenset = frozenset()  # names of the rules that read a bare clock time ("10 a.m.")
    weekday_rules: frozenset = frozenset()  # names of the rules that read a weekday ("Monday", "noon Monday")
    span_opener: re.Pattern | None = None  # a sentence opening set inside a happening told before ("During the visit,")
    after_midnight: re.Pattern | None = None  # the end of the text before "midnight" of the next day ("shortly after ")
    late_in_the_day: re.Pattern | None = None  # the end of the text before a day named late ("late on ")
    count_after_year: re.Pattern | None = None  # the text right after a number that makes it a count ("2000 people")
    name_after_date: re.Pattern | None = None  # the text right after a date that makes it a name ("March 23 Movement")
    year_before_count: re.Pattern = re.compile(r"(?!)")  # the end of the text before it that keeps it a year ("in ")

    def rule_regex(self, index: int) -> re.Pattern:
        """Rule ``index`` with its named groups, compiled on first use (most texts need a few rules)."""
        return _compiled(self.rule_patterns[index])

    def rules_at(self, head: str) -> tuple[tuple[int, re.Pattern], ...]:
        """The rules (index and pattern, in priority order) that may match where a text continues with
        ``head`` (its next PREFIX_CHARS characters)."""
        return _rules_at(self, head)

    def value(self, table: str, words: str) -> Any:
        """The table value whose alternative matches ``words`` exactly (case-insensitive), or None."""
        return _lookup(self, table, " ".join(words.split()).lower())


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    return compiled(pattern)


@lru_cache(maxsize=65536)
def _rules_at(lexicon: Lexicon, head: str) -> tuple[tuple[int, re.Pattern], ...]:
    fitting = (i for i in lexicon.candidates.get(head[:1], ()) if lexicon.prefixes[i].match(head))
    return tuple((i, lexicon.rule_regex(i)) for i in fitting)


@lru_cache(maxsize=4096)
def _lookup(lexicon: Lexicon, table: str, words: str) -> Any:
    for pattern, value in lexicon.tables[table]:
        if pattern.fullmatch(words):
            return value
    return None


@lru_cache(maxsize=None)
def lexicon_for(data_dir: Path) -> Lexicon:
    """Compile the temporal data files under ``data_dir`` (cached: each folder is compiled once)."""
    vocab = load("temporal/vocabulary.yaml", data_dir)
    spec = load("temporal/rules.yaml", data_dir)
    alternatives = _alternatives(vocab)
    rules = tuple(_rule(entry) for entry in spec["rules"])
    patterns = [_expand(_lower(rule.pattern).replace("(?p<", "(?P<"), alternatives) for rule in rules]
    starts = [first_chars(pattern) for pattern in patterns]
    candidates = {c: tuple(i for i, s in enumerate(starts) if c in s) for c in set().union(*starts)}
    sensitive = {*vocab["case_sensitive"], "month_safe", "month_named"} | {a for a, t in ALIASES.items() if t in vocab["case_sensitive"]}
    beginnings = [prefixes(pattern, PREFIX_CHARS) for pattern in patterns]
    cues = rf"(?<![a-z])(?:(?P<future>{_alternation(vocab['future_cues'])})|(?P<past>{_alternation(vocab['past_cues'])}))(?![a-z])"
    return Lexicon(
        starts=compiled(f"{BEFORE}(?=[{_charclass(sorted(candidates))}]){_any_beginning(beginnings)}"),
        starts_after=compiled(f"[^{INSIDE}](?<!\\d-)(?=[{_charclass(sorted(candidates))}])(?={_any_beginning(beginnings)})"),
        rule_patterns=tuple(f"{BEFORE}(?:{pattern}){AFTER}" for pattern in patterns),
        prefixes=tuple(compiled(as_regex(found)) for found in beginnings),
        candidates=candidates,
        rules=rules,
        tables={name: _table(entries) for name, entries in vocab.items() if isinstance(entries, dict)},
        tense_cues=re.compile(cues),
        intent_verbs=frozenset(vocab["intent_verbs"].split()),
        past_form_modifier=re.compile(rf"(?<![a-z])(?:{'|'.join(map(re.escape, vocab['past_form_modifiers']))}) $"),
        cue_free=outside(cues),
        past_preposition=re.compile(r"\b(?:" + "|".join(vocab["past_prepositions"]) + r")\s+$", re.IGNORECASE),
        future_preposition=re.compile(r"\b(?:" + "|".join(vocab["future_prepositions"]) + r")\s+$", re.IGNORECASE),
        negatives=tuple(spec.get("negatives", ())),
        year_openers=frozenset(vocab["year_openers"].lower().split()),
        surname_months=frozenset(vocab["ambiguous_months"]),
        abbreviation=re.compile(rf"(?<![\w.])(?:{vocab['abbreviations']}|[A-Z])$"),
        half_year_after=re.compile(vocab["half_year_after"], re.IGNORECASE),
        half_year_cues=re.compile(rf"\b(?:{_alternation(vocab['half_year_cues'])})\b", re.IGNORECASE),
        case_sensitive=frozenset(sensitive),
        clock_rules=frozenset(rule.name for rule in rules if rule.kind == "clock_time"),
        weekday_rules=frozenset(rule.name for rule in rules if rule.kind == "weekday"),
        span_opener=re.compile(vocab["span_opener"], re.IGNORECASE) if vocab.get("span_opener") else None,
        after_midnight=re.compile(vocab["after_midnight"], re.IGNORECASE) if vocab.get("after_midnight") else None,
        late_in_the_day=re.compile(vocab["late_in_the_day"], re.IGNORECASE) if vocab.get("late_in_the_day") else None,
        count_after_year=re.compile(vocab["count_after_year"]) if vocab.get("count_after_year") else None,
        name_after_date=re.compile(vocab["name_after_date"]) if vocab.get("name_after_date") else None,
        year_before_count=re.compile(vocab.get("year_before_count", "(?!)"), re.IGNORECASE),
    )


def _any_beginning(beginnings: list) -> str:
    """One regex for how any rule's matches can begin ("" when some rule may begin with anything)."""
    if any(found is None for found in beginnings):
        return ""
    return as_regex(frozenset().union(*beginnings))


def outside(pattern: str) -> re.Pattern | None:
    """A character that no match of ``pattern`` holds; None when there is none or it is not clear."""
    held = held_chars(pattern)
    return re.compile(f"[^{held}]") if held else None


def _charclass(chars: list[str]) -> str:
    return "".join("\\" + c if c in "]\\^-[" else c for c in chars)


def _alternation(patterns: list[str]) -> str:
    return "|".join(_lower(p) for p in patterns)


def _rule(entry: dict) -> Rule:
    return Rule(
        name=entry["name"],
        kind=entry["kind"],
        pattern=entry["pattern"],
        params=dict(entry.get("params") or {}),
        examples=tuple(entry.get("examples") or ()),
    )


def _table(entries: dict) -> tuple:
    return tuple((re.compile(key, re.IGNORECASE), value) for key, value in entries.items())


def _expand(pattern: str, alternatives: dict[str, str]) -> str:
    """Replace {table} placeholders by groups named after the table."""

    def group(match: re.Match) -> str:
        name, suffix = match.groups()
        if name not in alternatives:
            raise KeyError(f"rules.yaml: unknown placeholder {{{name}}}")
        return f"(?P<{name}{suffix}>{alternatives[name]})"

    expanded = PLACEHOLDER.sub(group, pattern)
    if re.search(r"\{[a-z_]", expanded):
        raise KeyError(f"rules.yaml: a placeholder was not understood in {pattern!r}")
    return expanded


def _alternatives(vocab: dict) -> dict[str, str]:
    """The regular expression behind each placeholder name."""
    tables = {name: _join(entries) for name, entries in vocab.items() if isinstance(entries, dict)}
    # Full month names that are not also common words: a month named on its own.
    names = {_split(key)[0]: value for key, value in vocab["months"].items()}
    tables["month_safe"] = _join({name: v for name, v in names.items() if name not in vocab["ambiguous_months"]})
    # Month names, and abbreviations only with their full stop ("Jan." but not the name "Jan").
    tables["month_named"] = _join({key.replace("\\.?", "\\."): v for key, v in vocab["months"].items()})
    for alias, table in ALIASES.items():
        tables[alias] = tables[table]
    tables.update({name: _lower(shape) for name, shape in vocab["shapes"].items()})
    tables["number"] = _number(vocab)
    return tables


def _join(entries: dict) -> str:
    """One alternation over a table's keys (lower-cased: texts are matched lower-cased), longest first."""
    keys = sorted((_lower(k) for key in entries for k in _split(key)), key=len, reverse=True)
    return "(?:" + "|".join(keys) + ")"


def _lower(pattern: str) -> str:
    """A pattern's letters in lower case, escapes (\\s, \\d...) left alone."""
    return re.sub(r"(?<!\\)[A-Z]", lambda m: m.group(0).lower(), pattern)


def _number(vocab: dict) -> str:
    """Digits, number words and compounds such as "twenty-five"."""
    units = "(?:one|two|three|four|five|six|seven|eight|nine)"
    tens = "(?:" + "|".join(vocab["tens"]) + ")"
    words = sorted((k for key in vocab["numbers"] for k in _split(key)), key=len, reverse=True)
    return rf"(?:\d{{1,3}}(?!\d)(?:\.\d+)?(?:\s+1/2)?|{tens}[\s-]?{units}|" + "|".join(map(_lower, words)) + ")"


def _split(key: str) -> list[str]:
    """The top-level alternatives of a regular expression ("a|b(?:c|d)" -> ["a", "b(?:c|d)"])."""
    parts, depth, current, escaped = [], 0, "", False
    for char in key:
        if not escaped and char == "|" and depth == 0:
            parts.append(current)
            current = ""
            continue
        depth += (char == "(") - (char == ")") if not escaped else 0
        escaped = char == "\\" and not escaped
        current += char
    return parts + [current]
