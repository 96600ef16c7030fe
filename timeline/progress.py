"""A small progress bar on stderr, for long command-line runs.

``ProgressBar`` is a ``progress(done, total)`` callable, the form ``timeline.pipeline`` reports progress in.
It draws only when the batch has at least ``min_total`` items, so small runs stay quiet, and only when
the bar or the percentage changes, so a fast run (everything cached) does not spend its time drawing.
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
        self._shown: tuple | None = None

    def __call__(self, done: int, total: int) -> None:
        if total < self.min_total:
            return
        shown = (100 * done // total if total else 100, total)
        if shown == self._shown and done < total:
            return
        self._shown = shown
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
