"""Context robustness: the made-up leads of tests/fixtures/contexts.yaml keep their event, day and actors in every
page or sentence context (scripts/contexts.py prints the table), except the failures the fixture expects.

A regression (a check that passed and fails now) fails the test; a fix shows as an unexpected pass (a warning:
run ``scripts/contexts.py --update-expected`` and commit the fixture).
"""

from __future__ import annotations

import importlib.util
import sys
import warnings

import pytest

from timeline.settings import PROJECT_DIR

_spec = importlib.util.spec_from_file_location("contexts_suite", PROJECT_DIR / "scripts" / "contexts.py")
contexts = sys.modules.setdefault("contexts_suite", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(contexts)


@pytest.fixture(scope="module")
def outcome():
    suite = contexts.load()
    return suite, contexts.run(suite)


def test_every_base_passes_as_a_plain_lead(outcome):
    suite, results = outcome
    plain = {key: checks for key, checks in contexts.failures(results).items() if key[0] == "plain"}
    assert not plain, f"bases that fail as a plain lead under a plain date line: {plain}"


def test_no_context_loses_what_it_kept(outcome):
    suite, results = outcome
    known = contexts.expected(suite)
    found = contexts.failures(results)
    lost = {key: sorted(checks - known.get(key, set())) for key, checks in found.items() if checks - known.get(key, set())}
    assert not lost, "context regressions (transform, base) -> checks lost:\n" + "\n".join(
        f"{key}: {checks}" for key, checks in sorted(lost.items()))
    fixed = {key: sorted(checks - found.get(key, set())) for key, checks in known.items() if checks - found.get(key, set())}
    if fixed:
        warnings.warn(f"context cases now pass (update the fixture's expected_failures): {sorted(fixed.items())}",
                      stacklevel=1)


def test_the_suite_covers_every_event_type(outcome):
    suite, _ = outcome
    from timeline.models import EVENT_TYPES
    assert {b["type"] for b in suite["bases"]} == set(EVENT_TYPES)
