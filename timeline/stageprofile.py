"""Where the parse spends its CPU time, by stage and by function: a sampling profiler for the benchmark.

Reads: a function to run (the parse). Adds: nothing to the pipeline. Every ``interval`` seconds of CPU time
(``ITIMER_PROF``: this process's CPU time, not wall clock, so other programs on the machine do not count)
the running Python stack is sampled; a C call (a regular expression, JSON, SQLite) counts for the Python
function that made it. A sample's stage is found from the stack:

- publication date: anything run from the publication-date inference (``reading/inference.py``), wherever
  the code it calls lives (it runs the tagger);
- otherwise the stage of the innermost frame in a stage's module (``STAGES``); frames in shared modules
  (records, resources, settings, dataclass-generated methods) are skipped, so their cost goes to their caller;
- anything else (the engine, the standard library alone) is "other".
"""

from __future__ import annotations

import signal
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PACKAGE = str(Path(__file__).resolve().parent) + "/"
# Module (path under timeline/, a folder ends with "/") -> stage, first match wins.
STAGES = (
    ("reading/inference.py", "publication date"),
    ("reading/office_years.py", "publication date"),
    ("reading/", "reading"),
    ("articles.py", "reading"),
    ("sentences.py", "sentences"),
    ("temporal/", "tagger"),
    ("actors/", "actor mentions"),
    ("event_dates.py", "event dates"),
    ("event_actors.py", "event actors"),
    ("events.py", "triggers/events"),
    ("event_drafts.py", "triggers/events"),
    ("event_joins.py", "triggers/events"),
    ("event_shapes.py", "triggers/events"),
    ("triggers.py", "triggers/events"),
    ("prefilter.py", "triggers/events"),
    ("merge.py", "merge"),
    ("outputs.py", "output"),
    ("codec.py", "output"),
    ("report.py", "output"),
    ("cache.py", "output"),
    ("batch.py", "output"),
)
ORDER = ("reading", "publication date", "sentences", "tagger", "actor mentions", "triggers/events", "event dates",
         "event actors", "merge", "output", "other")
ENCLOSING = ("reading/inference.py",)  # a stage that keeps everything run beneath it
SHARED = ("models.py", "resources.py", "settings.py", "errors.py")


@dataclass
class StageProfile:
    """Samples of one run: per stage, per function (own: it was running; total: it was on the stack)."""

    interval: float
    cpu: float = 0.0  # CPU seconds of the run, measured (not sampled)
    stages: Counter = field(default_factory=Counter)
    own: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)

    samples: int = 0

    @property
    def sampled(self) -> float:
        """CPU seconds the samples stand for."""
        return sum(self.stages.values())

    def add(self, frame, weight: float) -> None:
        """One sample, weighted by the CPU time since the previous one (the timer's signals that fell
        during one long C call arrive as one)."""
        self.samples += 1
        stack = _project_frames(frame)
        self.stages[stage_of([path for path, _ in stack])] += weight
        if stack:
            self.own[stack[0][1]] += weight
        for where in set(where for _, where in stack):
            self.total[where] += weight


def profile(run: Callable[[], Any], interval: float = 0.001) -> StageProfile:
    """Run ``run()`` once under the sampler; the profile (with the run's CPU seconds)."""
    found = StageProfile(interval)
    started = last = time.process_time()

    def sample(_signum, frame) -> None:
        nonlocal last
        now = time.process_time()
        found.add(frame, now - last)
        last = now

    previous = signal.signal(signal.SIGPROF, sample)
    signal.setitimer(signal.ITIMER_PROF, interval, interval)
    try:
        run()
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        found.cpu = time.process_time() - started
        signal.signal(signal.SIGPROF, previous)
    return found


def stage_of(paths: list[str]) -> str:
    """The stage of a stack of project module paths (innermost first, relative to the package)."""
    if any(path.startswith(ENCLOSING) for path in paths):
        return _stage(ENCLOSING[0])
    for path in paths:
        stage = _stage(path)
        if stage is not None:
            return stage
    return "other"


def _stage(path: str) -> str | None:
    return next((stage for prefix, stage in STAGES if path.startswith(prefix)), None)


def _project_frames(frame) -> list[tuple[str, str]]:
    """(module path under the package, "function (file:line)") of the stack's project frames, innermost first."""
    found = []
    while frame is not None:
        code = frame.f_code
        if code.co_filename.startswith(PACKAGE):
            path = code.co_filename[len(PACKAGE):]
            if not path.endswith(SHARED):
                found.append((path, f"{code.co_name} ({path}:{code.co_firstlineno})"))
        frame = frame.f_back
    return found


def report(found: StageProfile, articles: int, top: int = 15) -> str:
    """Two Markdown tables: CPU time by stage, and the functions that take the most of it."""
    count = found.sampled or 1.0
    per = 1000 * found.cpu / max(articles, 1)
    lines = [f"CPU time by stage ({found.cpu:.2f} CPU-s, {per:.2f} ms per article; {found.samples} samples,"
             f" one per {1000 * found.interval:g} ms of CPU time)\n", "| stage | share | ms per article |",
             "|---|---|---|"]
    for stage in sorted(found.stages, key=lambda s: (-found.stages[s], ORDER.index(s))):
        share = found.stages[stage] / count
        lines.append(f"| {stage} | {share:.1%} | {share * per:.2f} |")
    lines += ["", f"Top {top} functions by own CPU time (C calls count for their caller; total: on the stack)\n",
              "| function | own | total |", "|---|---|---|"]
    for where, samples in found.own.most_common(top):
        lines.append(f"| {where} | {samples / count:.1%} | {found.total[where] / count:.1%} |")
    return "\n".join(lines) + "\n"

