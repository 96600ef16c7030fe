import subprocess
import sys

from timeline.cli import build_parser
from timeline.settings import PROJECT_DIR


def test_every_command_has_help():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert sub.choices, "no commands registered"
    for name, command in sub.choices.items():
        assert command.description, f"{name} has no help text"


def test_module_entry_point_prints_usage():
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "--help"], cwd=PROJECT_DIR, capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "python -m timeline" in result.stdout


# --- parse: the same files and reports from a cold cache, a warm one, no cache and two workers ---------

import json  # noqa: E402

import pytest  # noqa: E402

from timeline.cli import main  # noqa: E402

NEWS = PROJECT_DIR / "tests" / "fixtures" / "news"


def _parse(tmp_path, name: str, *options: str) -> tuple[bytes, dict]:
    out, report = tmp_path / f"{name}.out", tmp_path / f"{name}.report.json"
    assert main(["parse", str(NEWS), "-o", str(out), "--report", str(report), *options]) == 0
    return out.read_bytes(), json.loads(report.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
@pytest.mark.parametrize("merged", [False, True])
def test_parse_writes_the_same_output_and_report_cold_warm_uncached_and_on_two_workers(tmp_path, fmt, merged):
    options = ["--format", fmt, *(["--merged"] if merged else [])]
    cache = ["--cache-dir", str(tmp_path / "cache")]
    cold = _parse(tmp_path, "cold", *options, *cache)
    assert cold[0] and cold[1]["counts"]["articles"] > 0 and cold[1]["articles"]
    assert _parse(tmp_path, "warm", *options, *cache) == cold
    assert _parse(tmp_path, "none", *options, "--no-cache") == cold
    assert _parse(tmp_path, "two", *options, "--no-cache", "--workers", "2") == cold
