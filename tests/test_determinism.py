"""The same inputs give byte-identical output whatever today's date (a faked clock), the order of the input
files, or PYTHONHASHSEED. The command line runs in a subprocess; the clock is faked with Debian's
``faketime`` (scripts/setup.sh installs it as root). Without it only order and hash seed vary: patching
``datetime`` from Python breaks C extensions (pandas), so no such fallback is attempted."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.settings import PROJECT_DIR, SAMPLE_ARTICLES

FIXTURES = Path(__file__).parent / "fixtures"


def _inputs(tmp: Path, order: list[str]) -> list[str]:
    """The sample articles, the news fixtures and the hostile reading fixtures, given in ``order``."""
    paths = {"samples": str(SAMPLE_ARTICLES), "news": str(FIXTURES / "news"), "articles": str(FIXTURES / "articles")}
    return [paths[name] for name in order]


def run_parse(tmp: Path, inputs: list[str], fake_now: str, hash_seed: str, fmt: str) -> bytes:
    out, report = tmp / f"out.{fmt}", tmp / "report.json"
    env = {**os.environ, "PYTHONPATH": str(PROJECT_DIR), "PYTHONHASHSEED": hash_seed}
    command = [sys.executable, "-m", "timeline", "parse", "--no-cache", "--merged", "-o", str(out),
               "--report", str(report), *inputs]
    if shutil.which("faketime"):  # LD_PRELOAD: every clock call of the process, C extensions included
        command = ["faketime", fake_now, *command]
    result = subprocess.run(command, capture_output=True, cwd=tmp, env=env, timeout=600)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    data = json.loads(report.read_bytes())
    assert sorted(data.pop("inputs")) == sorted(inputs)  # the paths as given, the one part that follows the order
    return out.read_bytes() + b"\n--report--\n" + json.dumps(data, sort_keys=True).encode()


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_output_is_byte_identical_whatever_the_clock_order_and_hash_seed(tmp_path, fmt):
    runs = [
        (["samples", "news", "articles"], "2031-02-03 04:05:06", "0"),
        (["articles", "news", "samples"], "1999-12-31 23:59:59", "12345"),
        (["news", "samples", "articles", "news"], "2023-09-20 12:00:00", "random"),
    ]
    outputs = []
    for number, (order, now, seed) in enumerate(runs):
        folder = tmp_path / str(number)
        folder.mkdir()
        outputs.append(run_parse(folder, _inputs(folder, order), now, seed, fmt))
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0].count(b"\n") > 10
