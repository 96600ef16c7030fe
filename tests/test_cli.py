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
