"""A small progress bar on stderr, for long command-line runs.

``ProgressBar`` is a ``progress(done, total)`` callable, the form ``timeline.pipeline`` reports progress in.
It draws only when the batch has at least ``min_total`` items, so small runs stay quiet.
"""

from __future__ import annotations

import sys
from typing import TextIO


class ProgressBar:
    def __init__(self, label: str = "parsing", stream: TextIO | None = None, min_total: int = 20, width: int = 30):
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.min_total = min_total
        self.width = width
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        if total < self.min_total:
            return
        filled = self.width * done // total if total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total}")
        self.drawn = True
        if done >= total:
            self.close()
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line (once)."""
        if self.drawn:
            self.stream.write("\n")
            self.drawn = False
