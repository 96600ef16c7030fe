"""Tense cues of one text, found once: which way ("past"/"future") a bare weekday or month points.

Reads: the text and the cue patterns of the vocabulary. Adds: for a span, the tense of the nearest cue
in its sentence (or None), so "said on Tuesday" reads back and "will travel on Tuesday" forward.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property

from .lexicon import Lexicon

SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘(])|\n\s*\n")
WINDOW = 160  # characters looked at before a span (and half as many after it)
NONE = 10**6  # distance when a sentence has no cue
BLOCK = 256  # characters: cues are found block by block, only where an expression needs them


class Cues:
    """The tense cues and sentence ends of ``text``, computed on first use.

    Cues are looked for only near the expressions that ask, block by block: a block ends just after a
    character no cue can hold (lexicon ``cue_free``), so no cue crosses from one block into the next and
    the cues of a block are those a scan of the whole text finds there."""

    block = BLOCK

    def __init__(self, text: str, lowered: str, lexicon: Lexicon):
        self.text = text
        self.lowered = lowered  # the text with ASCII letters lower-cased (same offsets)
        self.lexicon = lexicon
        self._starts: dict[int, int] = {}  # block number -> where it starts
        self._blocks: dict[int, tuple[list, list]] = {}  # block number -> (future spans, past spans)

    def _near(self, low: int, high: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Every future and past cue starting in ``text[low:high]`` (and maybe some around it), in order."""
        if self.lexicon.cue_free is None:
            return self._block(0, 0, len(self.text))
        first = low // self.block
        while first and self._start(first) > low:
            first -= 1
        future: list[tuple[int, int]] = []
        past: list[tuple[int, int]] = []
        for number in range(first, max(first, (high - 1) // self.block) + 1):
            more = self._block(number, self._start(number), self._start(number + 1))
            future += more[0]
            past += more[1]
        return future, past

    def _start(self, number: int) -> int:
        if number not in self._starts:
            self._starts[number] = self._boundary(number * self.block)
        return self._starts[number]

    def _boundary(self, at: int) -> int:
        """The first place from ``at`` on that follows a cue-free character (or an end of the text)."""
        size = len(self.lowered)
        if at <= 0 or at >= size:
            return min(max(at, 0), size)
        free = self.lexicon.cue_free.search(self.lowered, at - 1)
        return free.end() if free else size

    def _block(self, number: int, start: int, end: int) -> tuple[list, list]:
        if number not in self._blocks:
            found: tuple[list, list] = ([], [])
            for match in self.lexicon.tense_cues.finditer(self.lowered, start, end):
                if match.lastgroup == "past" and self.text[match.start()].isupper():
                    continue  # "United", "Ted": a capitalised word is a name, not a verb
                found[match.lastgroup == "past"].append(match.span())
            self._blocks[number] = found
        return self._blocks[number]

    @cached_property
    def sentence_ends(self) -> list[int]:
        return [m.end() for m in SENTENCE_END.finditer(self.text)]

    def tense(self, start: int, end: int, within: int = NONE) -> str | None:
        """The tense of the cue nearest before ``text[start:end]`` in its sentence (the verb that governs
        a time adverbial mostly comes first), else of the nearest after it; at most ``within`` away."""
        if self.lexicon.past_preposition.search(self.lowered[max(0, start - 12) : start]):
            return "past"  # "since March"
        low, high = self._sentence(start, end)
        futures, pasts = self._near(low, high)
        future = _before(futures, start, low)
        past = _before(pasts, start, low)
        if future == past == NONE:  # no cue before it in the sentence: the nearest after it
            future, past = _after(futures, start, end, high), _after(pasts, start, end, high)
        if future == past == NONE and self.lexicon.future_preposition.search(self.lowered[max(0, start - 12) : start]):
            return "future"  # "by May", "until Friday" with no verb to say otherwise
        if min(future, past) > within or future == past == NONE:
            return None
        return "future" if future <= past else "past"

    def _sentence(self, start: int, end: int) -> tuple[int, int]:
        ends = self.sentence_ends
        before = bisect_right(ends, start)
        low = ends[before - 1] if before else 0
        after = bisect_left(ends, end)
        high = ends[after] if after < len(ends) else len(self.text)
        return max(low, start - WINDOW), min(high, end + WINDOW // 2)


def _before(spans: list[tuple[int, int]], start: int, low: int) -> int:
    """Characters from the closest cue ending before ``start`` (and starting at or after ``low``)."""
    index = bisect_left(spans, (start, start))
    if index and spans[index - 1][0] >= low and spans[index - 1][1] <= start:
        return start - spans[index - 1][1]
    return NONE


def _after(spans: list[tuple[int, int]], start: int, end: int, high: int) -> int:
    """Characters to the closest cue starting after ``end`` (and ending by ``high``)."""
    index = bisect_left(spans, (start, start))
    for cue_start, cue_end in spans[index : index + 2]:
        if cue_start >= end and cue_end <= high:
            return cue_start - end
    return NONE
