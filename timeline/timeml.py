"""Read TimeML documents and score a tagger on them with the TempEval-3 definitions.

Reads: .tml files (a DCT TIMEX3 and inline TIMEX3 annotations in <TEXT>). Adds: the plain text with
gold spans and values, and per-set counts: strict and relaxed precision/recall/F1, value accuracy
(share of relaxed matches with the gold value) and value F1 (value accuracy x relaxed F1). The DCT is
the anchor and is itself not counted. The corpus is only read at run time, never copied.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

TAG = re.compile(r"<(/?)([A-Za-z0-9]+)((?:\s[^>]*)?)(/?)>")
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
DCT = re.compile(r"<DCT>\s*<TIMEX3[^>]*\bvalue=\"(\d{4}-\d\d-\d\d)")
TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Document:
    name: str
    dct: date
    text: str
    timexes: tuple[GoldTimex, ...]


def read_document(path: Path) -> Document:
    """One .tml file: its creation date, the plain text of <TEXT>, and the TIMEX3 spans in it."""
    raw = path.read_text(encoding="utf-8")
    dct, body = DCT.search(raw), TEXT.search(raw)
    if not dct or not body:
        raise ValueError(f"{path.name}: no DCT or TEXT")
    text, timexes = _strip(body.group(1))
    return Document(path.stem, date.fromisoformat(dct.group(1)), text, tuple(timexes))


def _strip(markup: str) -> tuple[str, list[GoldTimex]]:
    """Plain text without tags (entities decoded) and the TIMEX3 annotations with offsets into it."""
    parts: list[str] = []
    length, position, opened, timexes = 0, 0, None, []
    for tag in TAG.finditer(markup):
        chunk = html.unescape(markup[position : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name, attributes, empty = tag.groups()
        if name != "TIMEX3" or empty:
            continue
        if not closing:
            opened = (length, dict(ATTRIBUTE.findall(attributes)))
        elif opened:
            start, attrs = opened
            text = "".join(parts)[start:length]
            timexes.append(GoldTimex(start, length, text, attrs.get("type", ""), attrs.get("value", "")))
            opened = None
    parts.append(html.unescape(markup[position:]))
    return "".join(parts), timexes


def read_folder(folder: Path) -> list[Document]:
    return [read_document(path) for path in sorted(folder.glob("*.tml"))]


@dataclass
class Score:
    """Counts for one set of documents; the figures are properties."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed_gold: int = 0
    relaxed_system: int = 0
    value_right: int = 0
    type_right: int = 0
    pairs: int = 0
    errors: list = field(default_factory=list)

    def add(self, doc: Document, found) -> None:
        """Match one document's system expressions (objects with start/end/value/type) to its gold ones."""
        self.gold += len(doc.timexes)
        self.system += len(found)
        self.strict += len({(t.start, t.end) for t in doc.timexes} & {(s.start, s.end) for s in found})
        pairs = _pairs(doc.timexes, found)
        self.relaxed_gold += len({g for g, _ in pairs})
        self.relaxed_system += len({s for _, s in pairs})
        self.pairs += len(pairs)
        for g, s in pairs:
            self.value_right += doc.timexes[g].value == found[s].value
            self.type_right += doc.timexes[g].type == found[s].type
        self.errors.extend(_errors(doc, found, pairs))

    strict_p = property(lambda self: _ratio(self.strict, self.system))
    strict_r = property(lambda self: _ratio(self.strict, self.gold))
    strict_f1 = property(lambda self: _f1(self.strict_p, self.strict_r))
    relaxed_p = property(lambda self: _ratio(self.relaxed_system, self.system))
    relaxed_r = property(lambda self: _ratio(self.relaxed_gold, self.gold))
    relaxed_f1 = property(lambda self: _f1(self.relaxed_p, self.relaxed_r))
    value_accuracy = property(lambda self: _ratio(self.value_right, self.pairs))
    value_f1 = property(lambda self: self.value_accuracy * self.relaxed_f1)
    type_accuracy = property(lambda self: _ratio(self.type_right, self.pairs))


def _pairs(gold, found) -> list[tuple[int, int]]:
    """One-to-one relaxed matches (overlapping spans), each gold taking the first unused overlap."""
    used, pairs = set(), []
    for g, gold_timex in enumerate(gold):
        for s, timex in enumerate(found):
            if s not in used and timex.start < gold_timex.end and gold_timex.start < timex.end:
                used.add(s)
                pairs.append((g, s))
                break
    return pairs


def _errors(doc: Document, found, pairs) -> list[tuple[str, str, str, str, str]]:
    """(kind, document, text in context, expected, got) for misses, false positives and wrong values."""
    matched_gold, matched_system = {g for g, _ in pairs}, {s for _, s in pairs}
    rows = [("missed", doc.name, _context(doc.text, t), t.value, "") for i, t in enumerate(doc.timexes)
            if i not in matched_gold]
    rows += [("spurious", doc.name, _context(doc.text, t), "", t.value) for i, t in enumerate(found)
             if i not in matched_system]
    rows += [("value", doc.name, _context(doc.text, found[s]), doc.timexes[g].value, found[s].value)
             for g, s in pairs if doc.timexes[g].value != found[s].value]
    return rows


def _context(text: str, span) -> str:
    before = text[max(0, span.start - 50) : span.start].replace("\n", " ")
    after = text[span.end : span.end + 30].replace("\n", " ")
    return f"...{before}[{text[span.start:span.end]}]{after}..."


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
