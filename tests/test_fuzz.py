"""The fuzz run of CI: about two minutes of generated hostile inputs through reading and parsing; nothing
may be found. Slow on purpose, and not skipped in CI (``-m "not slow"`` leaves it out locally)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from timeline.hostile import hostile_input
from timeline.settings import PROJECT_DIR

FUZZ_SECONDS = os.environ.get("TIMELINE_FUZZ_SECONDS", "120")


def test_hostile_inputs_are_deterministic():
    assert hostile_input(3, 17) == hostile_input(3, 17)
    assert hostile_input(3, 17) != hostile_input(4, 17)


@pytest.mark.slow
def test_fuzz_budget_finds_nothing():
    env = {**os.environ, "PYTHONPATH": str(PROJECT_DIR)}
    result = subprocess.run([sys.executable, "-m", "timeline", "fuzz", "--seconds", FUZZ_SECONDS, "--seed", "0"],
                            capture_output=True, text=True, cwd=PROJECT_DIR, env=env, timeout=float(FUZZ_SECONDS) + 600)
    print(result.stdout)
    tried = re.search(r"tried (\d+) inputs", result.stdout)
    assert tried and int(tried.group(1)) > 100, result.stdout + result.stderr
    assert "found 0 problem(s)" in result.stdout, result.stdout
    assert result.returncode == 0 and "Traceback" not in result.stderr
