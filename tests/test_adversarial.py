"""No pattern backtracks catastrophically: every regex the project compiles (from data files and code), and
every stage that runs them, on adversarial strings under a time budget, with a check that 4x the input
costs about 4x the time (a quadratic stage costs 16x).

The budget is generous (CI machines are slow and shared); the growth check catches super-linear work
long before it turns into a hang. The growth is measured in the process's CPU time, which the load of other
processes on the machine does not stretch as it stretches the wall clock.
"""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from datetime import date
from functools import lru_cache

import pytest

from timeline.articles import read_bytes
from timeline.settings import DATA_DIR, DEFAULT_SETTINGS, PROJECT_DIR

BUDGET_S = 20  # for one call on the larger input
GROWTH = 9.0  # time(4n) / time(n): ~4 when linear, ~16 when quadratic
NOISE_S = 0.15  # below this the larger input is fast enough whatever the ratio
SMALL = 3000


def adversarial(n: int) -> dict[str, str]:
    """Strings of about ``n`` characters that make naive patterns backtrack."""
    return {
        "digits": "1" * n,
        "spaces": " " * n,
        "newlines": "\n" * n,
        "capitalised": "Abc " * (n // 4),
        "capitalised_hyphens": "Abc-Def " * (n // 8),
        "dots": "." * n,
        "a": "a" * n,
        "brackets": "(" * (n // 2) + ")" * (n // 2),
        "open_brackets": "([{" * (n // 3),
        "initials": "A. " * (n // 3),
        "abbreviations": "Mr. " * (n // 4),
        "digit_dots": "1." * (n // 2),
        "thousands": "1,1" * (n // 3),
        "dashes": "- " * (n // 2),
        "dates": "12 May 2023 " * (n // 12),
        "months": "May " * (n // 4),
        "numbers_words": "19 September, " * (n // 14),
        "quotes": "\"'“" * (n // 3),
        "names": "President Abc Def met Minister Ghi " * (n // 35),
        "no_punctuation": "the convoy met the minister in the capital on Monday " * (n // 53),
    }


@contextmanager
def budget(seconds: int, what: str):
    """Fail (instead of hanging) when the block takes longer than ``seconds``."""
    def expire(signum, frame):
        raise TimeoutError(f"{what} took more than {seconds} s: catastrophic backtracking?")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def timed(call, text: str) -> float:
    """CPU seconds of this process: other work on a busy machine stretches the wall clock, not this."""
    started = time.process_time()
    call(text)
    return time.process_time() - started


def assert_linear(call, name: str) -> None:
    """``call`` on every adversarial string: within budget, and no super-linear growth from n to 4n."""
    small, large = adversarial(SMALL), adversarial(4 * SMALL)
    for kind in small:
        with budget(BUDGET_S, f"{name} on {kind!r}"):
            short = min(timed(call, small[kind]) for _ in range(2))
            long = min(timed(call, large[kind]) for _ in range(2)) if short < 1 else timed(call, large[kind])
        assert long < NOISE_S or long / max(short, 1e-4) < GROWTH, (
            f"{name} on {kind!r}: {short:.3f}s for {SMALL} chars but {long:.3f}s for {4 * SMALL}: super-linear")


# --- the stages that run the patterns -----------------------------------------------------------------

def _stages():
    from timeline.actors import find_mentions, load_gazetteer
    from timeline.parallel import pipeline_parse
    from timeline.reading.cleaning import match_date_line, match_dateline, strip_furniture
    from timeline.sentences import split
    from timeline.temporal import tag
    from timeline.triggers import find_triggers, vocabulary

    gazetteer = load_gazetteer(DEFAULT_SETTINGS)
    vocab = vocabulary(DATA_DIR)
    anchor = date(2023, 9, 20)

    def parse(text: str):
        for item in read_bytes("adversarial.txt", ("Title\n\n" + text + "\n\nEnd.").encode()):
            if hasattr(item, "text"):
                pipeline_parse(item, DEFAULT_SETTINGS)

    return {
        "sentence splitter": lambda text: split(text, DATA_DIR),
        "temporal tagger": lambda text: tag(text, anchor, DEFAULT_SETTINGS),
        "temporal tagger without anchor": lambda text: tag(text, None, DEFAULT_SETTINGS),
        "actor mentions": lambda text: find_mentions(text, gazetteer, anchor, DEFAULT_SETTINGS),
        # as the pipeline runs them: per sentence (the splitter cuts run-on text at MAX_SENTENCE_CHARS)
        "event triggers": lambda text: [find_triggers(s.text, vocab) for s in split(text, DATA_DIR)],
        "furniture rules": lambda text: strip_furniture([text, text[: len(text) // 2], "x"], DATA_DIR),
        "date lines": lambda text: match_date_line(text, DATA_DIR),
        "datelines": lambda text: match_dateline(text, DATA_DIR),
        "reading .txt": lambda text: read_bytes("a.txt", ("Title\n\n" + text).encode()),
        "reading .html": lambda text: read_bytes("a.html", f"<p>{text}</p>".encode()),
        "reading .md": lambda text: read_bytes("a.md", ("# Title\n\n" + text).encode()),
        "whole article": parse,
    }


STAGES = _stages()


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_stage_is_linear_on_adversarial_strings(stage):
    assert_linear(STAGES[stage], stage)


# --- every compiled pattern ---------------------------------------------------------------------------

COLLECT = r"""
import gc, json, re, sys
import bs4, dateparser, lxml, pandas, rapidfuzz, yaml  # their own patterns are not ours
before = {id(p) for p in gc.get_objects() if isinstance(p, re.Pattern)}
from timeline.articles import read_bytes
from timeline.parallel import pipeline_parse
from timeline.settings import DEFAULT_SETTINGS
warm = [("a.txt", "Title\n\nPARIS, Sept. 3 (AFP) - President Abc met the prime minister on Monday, "
                  "18 September 2023. Mr. Def said talks will resume next week."),
        ("a.html", "<html><h1>T</h1><p>On Monday the minister visited Rome.</p></html>"),
        ("a.md", "# T\n\n**Talks** were held [here](x) on 3 May."), ("a.csv", "text\nTalks held on Monday."),
        ("a.jsonl", '{"text": "The envoy called his counterpart on Friday."}\n')]
for name, text in warm:
    for item in read_bytes(name, text.encode()):
        if hasattr(item, "text"):
            pipeline_parse(item, DEFAULT_SETTINGS)
found = {(p.pattern, p.flags) for p in gc.get_objects()  # a LazyPattern too: compiled only when first used
         if (isinstance(p, re.Pattern) or type(p).__name__ == "LazyPattern") and id(p) not in before
         and isinstance(p.pattern, str)}
json.dump(sorted(found), sys.stdout)
"""


@lru_cache(maxsize=1)
def project_patterns() -> tuple[re.Pattern, ...]:
    """Every text pattern compiled while the project reads and parses a few varied articles (rules from
    data/ and literals from code), minus those the libraries compile on import. Collected in a fresh
    interpreter, so that nothing compiled earlier in the test session hides."""
    result = subprocess.run([sys.executable, "-c", COLLECT], capture_output=True, text=True, cwd=PROJECT_DIR,
                            timeout=300, check=True)
    return tuple(re.compile(pattern, flags) for pattern, flags in json.loads(result.stdout))


def test_patterns_are_collected():
    patterns = project_patterns()
    assert len(patterns) > 100  # temporal rules, furniture, datelines, triggers, gazetteer, splitter


def test_every_pattern_matches_in_linear_time():
    """``match`` and ``fullmatch`` from the start (how rules are applied at a position or to a line)."""
    failures = []
    for pattern in project_patterns():
        def apply(text: str, pattern=pattern) -> None:
            pattern.match(text)
            pattern.fullmatch(text)

        try:
            assert_linear(apply, f"pattern {pattern.pattern[:80]!r}")
        except (AssertionError, TimeoutError) as error:
            failures.append(str(error).splitlines()[0])
    assert not failures, "\n".join(failures)
