"""Tense cues of one text, found where they are needed: which way ("past"/"future") a bare weekday or
month points.

Reads: the text and the cue patterns of the vocabulary. Adds: for a span, the tense of the nearest cue
in its sentence (or None), so "said on Tuesday" reads back and "will travel on Tuesday" forward.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .lexicon import Lexicon, outside

SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘(])|\n\s*\n")
SENTENCE_FREE = outside(SENTENCE_END.pattern)  # a character no sentence end holds
ON_BEFORE = re.compile(r"\s+on\s+$")  # the end of the text just before a date governed through "on"
WINDOW = 160  # characters looked at before a span (and half as many after it)
NONE = 10**6  # distance when a sentence has no cue
# Cue kinds: "intent" is a past verb of deciding with its infinitive ("agreed to meet"): it points a time
# after it forward (the meeting's date) and one before it back ("On Monday they agreed to meet": the agreeing).
CUE_KINDS = ("future", "past", "intent")
INTENT_TAIL = re.compile(r"\s+to\s+[a-z]+(?![a-z])")  # the infinitive after a verb of deciding
MODIFIER_CHARS = 8  # characters looked at before a past form for a word that makes it an adjective ("still ")
BLOCK = 128  # characters: cues and sentence ends are found block by block, only where an expression needs them


class Blocks:
    """The matches of ``pattern`` in ``text``, found one block at a time when asked for.

    A block ends just after a character no match can hold (``free``), so no match crosses from one block
    into the next, and a block's matches are those a scan of the whole text finds there. ``read`` turns a
    match into what is kept (None: drop it). Without ``free`` the whole text is one block."""

    def __init__(self, text: str, pattern: re.Pattern, free: re.Pattern | None, read, size: int = BLOCK):
        self.text, self.pattern, self.free, self.read, self.size = text, pattern, free, read, size
        self._starts: dict[int, int] = {}  # block number -> where it starts
        self._found: dict[int, list] = {}  # block number -> what ``read`` kept of its matches, in order

    def near(self, low: int, high: int) -> list:
        """What was kept of every match lying in a block that meets ``text[low:high]``, in text order."""
        if self.free is None:
            return self._block(0, 0, len(self.text))
        first = max(low, 0) // self.size
        while first and self._start(first) > low:
            first -= 1
        found: list = []
        for number in range(first, max(first, (high - 1) // self.size) + 1):
            found += self._block(number, self._start(number), self._start(number + 1))
        return found

    def _start(self, number: int) -> int:
        if number not in self._starts:
            self._starts[number] = self._boundary(number * self.size)
        return self._starts[number]

    def _boundary(self, at: int) -> int:
        """The first place from ``at`` on that follows a free character (or an end of the text)."""
        size = len(self.text)
        if at <= 0 or at >= size:
            return min(max(at, 0), size)
        free = self.free.search(self.text, at - 1)
        return free.end() if free else size

    def _block(self, number: int, start: int, end: int) -> list:
        if number not in self._found:
            kept = (self.read(match) for match in self.pattern.finditer(self.text, start, end))
            self._found[number] = [item for item in kept if item is not None]
        return self._found[number]


class Cues:
    """The tense cues and sentence ends of ``text``, found near the expressions that ask (see Blocks)."""

    block = BLOCK

    def __init__(self, text: str, lowered: str, lexicon: Lexicon):
        self.text = text
        self.lowered = lowered  # the text with ASCII letters lower-cased (same offsets)
        self.lexicon = lexicon
        self._cues = Blocks(lowered, lexicon.tense_cues, lexicon.cue_free, self._cue, self.block)
        self._ends = Blocks(text, SENTENCE_END, SENTENCE_FREE, self._end, self.block)

    def _end(self, match: re.Match) -> int | None:
        """Where a sentence ends, or None after an abbreviation or an initial on the same line ("Mr. Smith",
        "George W. Bush")."""
        if (self.text[match.start()] == "." and "\n" not in match.group()
                and self.lexicon.abbreviation.search(self.text, max(0, match.start() - 8), match.start())):
            return None
        return match.end()

    def _cue(self, match: re.Match) -> tuple[str, tuple[int, int]] | None:
        if match.lastgroup != "past":
            return match.lastgroup, match.span()
        if self.text[match.start()].isupper():
            return None  # "United", "Ted": a capitalised word is a name, not a verb
        if self.lexicon.past_form_modifier.search(self.lowered, max(0, match.start() - MODIFIER_CHARS), match.start()):
            return None  # "a planned visit", "the cut in rates": an adjective or a noun, not a verb
        if match.group() in self.lexicon.intent_verbs:
            tail = INTENT_TAIL.match(self.lowered, match.end())  # letters and spaces: never past the block's end
            if tail:
                return "intent", (match.start(), tail.end())
        return "past", match.span()

    def _near(self, low: int, high: int) -> tuple[list[tuple[int, int]], ...]:
        """The future, past and intent cues starting in ``text[low:high]`` (and maybe some around it), in order."""
        found = self._cues.near(low, high)
        return tuple([span for kind, span in found if kind == wanted] for wanted in CUE_KINDS)

    def tense(self, start: int, end: int, within: int = NONE) -> str | None:
        """The tense of the cue nearest before ``text[start:end]`` in its sentence (the verb that governs
        a time adverbial mostly comes first), else of the nearest after it; at most ``within`` away. An
        intent cue ("agreed to meet") reads forward before the expression and back after it."""
        if self.lexicon.past_preposition.search(self.lowered[max(0, start - 12) : start]):
            return "past"  # "since March"
        low, high = self._sentence(start, end)
        futures, pasts, intents = self._near(low, high)
        future = min(_before(futures, start, low), _before(intents, start, low))
        past = _before(pasts, start, low)
        if future == past == NONE:  # no cue before it in the sentence: the nearest after it
            future = _after(futures, start, end, high)
            past = min(_after(pasts, start, end, high), _after(intents, start, end, high))
        if future == past == NONE and self.lexicon.future_preposition.search(self.lowered[max(0, start - 12) : start]):
            return "future"  # "by May", "until Friday" with no verb to say otherwise
        if min(future, past) > within or future == past == NONE:
            return None
        return "future" if future <= past else "past"

    def past_verb_on(self, start: int) -> bool:
        """Whether a past-tense verb governs the expression at ``start`` through "on" alone ("began on
        January 1", "was signed on March 3"): the happening is then over, never a date still to come."""
        on = ON_BEFORE.search(self.lowered, max(0, start - 6), start)
        if on is None:
            return False
        _, pasts, _ = self._near(max(0, on.start() - 40), on.start())
        return any(end == on.start() for _, end in pasts)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Where the sentence around ``text[start:end]`` begins and ends (within a window around it)."""
        return self._sentence(start, end)

    def _sentence(self, start: int, end: int) -> tuple[int, int]:
        """Where the sentence around ``text[start:end]`` begins and ends, at most WINDOW characters before it
        and half as many after it (only the sentence ends in that stretch can matter)."""
        ends = self._ends.near(start - WINDOW - 1, end + WINDOW // 2)
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
