"""`python -m timeline COMMAND ...`: one module per command under timeline/commands/.

A command module defines NAME, HELP, ``configure(parser)`` and ``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys

from . import commands
from .errors import TimelineError


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of `command` alone when it names one (imports only that module)."""
    parser = argparse.ArgumentParser(
        prog="python -m timeline",
        description="Turn news articles into a dated, actor-tagged timeline of events.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in _command_modules(command):
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.configure(command)
        command.set_defaults(run=module.run)
    return parser


def _command_modules(command: str | None = None):
    names = sorted(info.name for info in pkgutil.iter_modules(commands.__path__) if not info.name.startswith("_"))
    if command in names:
        names = [command]
    return [importlib.import_module(f"{commands.__name__}.{name}") for name in names]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # Importing every command costs seconds (pandas, plotly): load the named one only.
    named = next((word for word in argv if not word.startswith("-")), None)
    args = build_parser(named).parse_args(argv)
    try:
        return args.run(args) or 0
    except TimelineError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:  # the machine's side (a disk, a scheduler's address), not a bug: a message, not a traceback
        print(f"error: {error.strerror or error}" + (f": {error.filename}" if error.filename else ""), file=sys.stderr)
        return 2
