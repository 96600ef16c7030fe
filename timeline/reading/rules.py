"""Compiled rule files: data/datelines.yaml and data/furniture.yaml, loaded once per data folder.

Reads the YAML through ``timeline.resources.load``; adds compiled regexes and word tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..derived import compiled
from ..resources import load

_FRAGMENT = re.compile(r"\{([A-Z_]+)\}")


@dataclass(frozen=True)
class Rule:
    """One named pattern with its examples (dicts as written in the YAML file)."""

    name: str
    regex: re.Pattern
    kind: str = ""
    capitals: bool = False
    examples: tuple = ()
    requires: tuple = ()  # lower-case strings of which a line must contain one for the rule to apply
    marks_caption: bool = False  # what it removes credits a photo: the caption it belonged to keeps a mark

    def applies(self, lowered: str) -> bool:
        return not self.requires or any(word in lowered for word in self.requires)


@dataclass(frozen=True)
class DateRules:
    months: dict  # word -> month number
    weekdays: dict  # word -> weekday number (Monday 0)
    fragments: dict  # name -> expanded regex source
    date_lines: tuple  # of Rule
    datelines: tuple  # of Rule
    place_stopwords: frozenset  # lower-case words that cannot begin a place
    date_widget: re.Pattern | None = None  # the label of a box of the day's figures ("Currency rates from DATE")
    url_days: tuple = ()  # of re.Pattern: a day in a page's address ("/2031/02/17/")
    url_months: tuple = ()  # of re.Pattern: a year and month in a page's address ("/2031/02/slug")


@lru_cache(maxsize=8)
def date_rules(data_dir: Path) -> DateRules:
    raw = load("datelines.yaml", Path(data_dir))
    months = _words(raw["months"])
    weekdays = _words(raw["weekdays"])
    fragments = dict(raw["fragments"], MONTH=_alternation(months), WEEKDAY=_alternation(weekdays))
    expand = _expander(fragments)
    return DateRules(
        months=months,
        weekdays=weekdays,
        fragments={name: expand(source) for name, source in fragments.items()},
        date_lines=tuple(_rule(entry, expand) for entry in raw["date_lines"]),
        datelines=tuple(_rule(entry, expand) for entry in raw["datelines"]),
        place_stopwords=frozenset(str(raw.get("place_stopwords", "")).lower().split()) | set(months) | set(weekdays),
        date_widget=compiled(expand(raw["date_widget"]["pattern"])) if "date_widget" in raw else None,
        url_days=tuple(re.compile(expand(p)) for p in raw.get("url_dates", {}).get("day_patterns", ())),
        url_months=tuple(re.compile(expand(p)) for p in raw.get("url_dates", {}).get("month_patterns", ())),
    )


@dataclass(frozen=True)
class Furniture:
    rules: tuple  # of Rule
    max_line: int  # longer lines are never furniture
    closing: frozenset  # names of last_line rules
    inline: tuple  # the inline rules, in file order
    lines: re.Pattern  # every whole-line rule in one alternation; the group name is the rule's index
    long_lines: tuple = ()  # the whole-line rules that also apply to lines longer than max_line (up to long_line)
    long_line: int = 0
    caption_mark: str = ""  # left at the end of a caption whose photo credit was removed ("(Photo)")


@lru_cache(maxsize=8)
def furniture(data_dir: Path) -> Furniture:
    raw = load("furniture.yaml", Path(data_dir))
    expand = _expander(raw.get("fragments", {}))
    rules = tuple(_rule(entry, expand) for entry in raw["rules"])
    closing = frozenset(rule.name for rule in rules if rule.kind == "last_line")
    inline = tuple(rule for rule in rules if rule.kind == "inline")
    whole = [f"(?P<r{i}>{rule.regex.pattern})" for i, rule in enumerate(rules) if rule.kind == "line"]
    long_lines = tuple(rule for rule, entry in zip(rules, raw["rules"]) if entry.get("long_lines") and rule.kind == "line")
    return Furniture(rules, int(raw.get("max_line", 300)), closing, inline, compiled("|".join(whole) or "(?!)"),
                     long_lines, int(raw.get("long_line", 0)), str(raw.get("caption_mark", "")))


def furniture_rules(data_dir: Path) -> tuple:
    return furniture(data_dir).rules


def _rule(entry: dict, expand) -> Rule:
    return Rule(
        name=entry["name"],
        regex=compiled(expand(entry["pattern"])),
        kind=entry.get("kind", ""),
        capitals=bool(entry.get("capitals", False)),
        examples=tuple(entry.get("examples", ())),
        requires=tuple(str(word).lower() for word in entry.get("requires", ())),
        marks_caption=bool(entry.get("marks_caption", False)),
    )


def _words(table: dict) -> dict:
    return {word.lower(): int(number) for number, words in table.items() for word in words}


def _alternation(words: dict) -> str:
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return r"(?i:(?:" + "|".join(map(re.escape, ordered)) + r")\b\.?)"


def _expander(fragments: dict):
    def expand(source: str, depth: int = 0) -> str:
        if depth > 10:
            raise ValueError(f"fragments nest too deeply in {source!r}")
        replaced = _FRAGMENT.sub(lambda m: fragments.get(m.group(1), m.group(0)), source)
        return replaced if replaced == source else expand(replaced, depth + 1)

    return expand
