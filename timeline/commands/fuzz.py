"""`python -m timeline fuzz [--seconds 120] [--seed N]`: feed generated hostile inputs to reading and parsing.

Each input (``timeline.hostile``) goes through ``read_bytes`` and, article by article, the whole parse; the
run checks that nothing raises, that every offset points at its text, that each input takes less than
``--slow`` seconds, and that merging the events of a batch does not depend on their order. It prints how
many inputs it tried and each finding with the command that reproduces it; exit status 1 when it found any.
"""

from __future__ import annotations

import argparse
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from ..articles import read_bytes
from ..hostile import hostile_input
from ..jobs import Warm
from ..merge import merge_events
from ..models import Article, Rejected
from ..parallel import pipeline_parse
from ..settings import DEFAULT_SETTINGS
from ._arguments import whole_number

NAME = "fuzz"
HELP = "Fuzz the reading and parsing pipeline with generated hostile inputs for a fixed time budget."
MERGE_EVERY = 25


@dataclass
class Finding:
    number: int
    name: str
    problem: str


def configure(parser) -> None:
    parser.add_argument("--seconds", type=float, default=120.0, help="time budget (default 120)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated inputs (default 0)")
    parser.add_argument("--max-inputs", type=whole_number(1), default=None, metavar="N", help="stop after N inputs")
    parser.add_argument("--slow", type=float, default=10.0, metavar="S",
                        help="report an input that takes more than S seconds (default 10)")
    parser.add_argument("--replay", type=whole_number(0), default=None, metavar="K", help="run input K of --seed only, verbosely")
    parser.add_argument("--save", metavar="DIR", help="write each input that found something into DIR")


def run(args: argparse.Namespace) -> int:
    if args.replay is not None:
        return _replay(args.seed, args.replay)
    findings, tried, stats = fuzz(args.seed, args.seconds, args.max_inputs, args.slow)
    print(f"fuzz: seed {args.seed}: tried {tried} inputs in {stats['seconds']:.0f} s "
          f"({stats['articles']} articles, {stats['rejected']} rejected, {stats['events']} events); "
          f"found {len(findings)} problem(s)")
    for finding in findings:
        print(f"  input {finding.number} ({finding.name}): {finding.problem}\n"
              f"    reproduce: python -m timeline fuzz --seed {args.seed} --replay {finding.number}")
        if args.save:
            name, data = hostile_input(args.seed, finding.number)
            Path(args.save).mkdir(parents=True, exist_ok=True)
            (Path(args.save) / name).write_bytes(data)
    return 1 if findings else 0


def fuzz(seed: int, seconds: float, max_inputs: int | None = None, slow: float = 10.0):
    """(findings, inputs tried, statistics) of a run of at most ``seconds`` (and ``max_inputs``)."""
    Warm(DEFAULT_SETTINGS)()  # load the rules once, so that it does not count as the first input being slow
    started = time.monotonic()
    findings: list[Finding] = []
    stats = {"articles": 0, "rejected": 0, "events": 0}
    events, number = [], 0
    while time.monotonic() - started < seconds and (max_inputs is None or number < max_inputs):
        name, data = hostile_input(seed, number)
        began = time.monotonic()
        problem = check_input(name, data, stats, events)
        if problem is None and time.monotonic() - began > slow:
            problem = f"slow: {time.monotonic() - began:.1f} s for {len(data):,} bytes"
        if problem:
            findings.append(Finding(number, name, problem))
        number += 1
        if number % MERGE_EVERY == 0:
            findings += _check_merge(events, number)
            events = []
    stats["seconds"] = time.monotonic() - started
    return findings, number, stats


def check_input(name: str, data: bytes, stats: dict, events: list) -> str | None:
    """None when ``data`` reads and parses cleanly, else what went wrong (one line)."""
    try:
        items = read_bytes(name, data, DEFAULT_SETTINGS)
        if not items or not all(isinstance(i, (Article, Rejected)) for i in items):
            return f"read_bytes gave {items!r:.200}"
        for item in items:
            if isinstance(item, Rejected):
                stats["rejected"] += 1
                continue
            parsed = pipeline_parse(item, DEFAULT_SETTINGS)
            stats["articles"] += 1
            stats["events"] += len(parsed.events)
            events += parsed.events
            problem = offsets_problem(parsed)
            if problem:
                return problem
    except Exception as error:  # the point of fuzzing: report it, with where it was raised
        frame = traceback.extract_tb(error.__traceback__)[-1]
        return f"{type(error).__name__}: {str(error)[:200]} at {Path(frame.filename).name}:{frame.lineno}"
    return None


def offsets_problem(parsed) -> str | None:
    """Where a timex, mention or event evidence does not match ``text[start:end]``, if anywhere."""
    text = parsed.article.text
    for item in (*parsed.timexes, *parsed.mentions):
        if text[item.start:item.end] != item.text:
            return f"offsets of {type(item).__name__} {item.text!r:.60} do not match the text"
    for event in parsed.events:
        if text[event.evidence_start:event.evidence_end] != event.evidence:
            return f"evidence offsets of event {event.id} do not match the text"
    return None


def _check_merge(events: list, number: int) -> list[Finding]:
    try:
        forward, backward = merge_events(events), merge_events(list(reversed(events)))
    except Exception as error:
        return [Finding(number - 1, "merge", f"merge_events raised {type(error).__name__}: {error}")]
    if forward != backward:
        return [Finding(number - 1, "merge", f"merging the events of inputs {number - MERGE_EVERY}-{number - 1} "
                                             "depends on their order")]
    return []


def _replay(seed: int, number: int) -> int:
    name, data = hostile_input(seed, number)
    print(f"input {number} of seed {seed}: {name}, {len(data):,} bytes: {data[:300]!r}")
    for item in read_bytes(name, data, DEFAULT_SETTINGS):
        if isinstance(item, Rejected):
            print(f"rejected: {item.reason}")
            continue
        parsed = pipeline_parse(item, DEFAULT_SETTINGS)  # raises here, with the whole traceback
        print(f"article {item.name}: {len(parsed.timexes)} timexes, {len(parsed.mentions)} mentions, "
              f"{len(parsed.events)} events; {offsets_problem(parsed) or 'offsets match'}")
    return 0
