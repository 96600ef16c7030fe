"""Argument types the commands share: a bad value is a usage error (exit status 2, a one-line message), never a
traceback or a run with a meaningless figure."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def whole_number(least: int = 0) -> Callable[[str], int]:
    """An argparse type for a whole number of at least ``least`` ("1,000" and "1_000" are read too)."""

    def parse(text: str) -> int:
        try:
            value = int(text.replace(",", "").replace("_", ""))
        except ValueError:
            value = least - 1
        if value < least:
            raise argparse.ArgumentTypeError(f"wants a whole number of at least {least}, not {text!r}")
        return value

    parse.__name__ = f"whole number >= {least}"
    return parse
