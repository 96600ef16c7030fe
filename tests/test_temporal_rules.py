"""Every example written beside a rule in data/temporal/rules.yaml, run as a test."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.resources import load
from timeline.settings import DATA_DIR
from timeline.temporal import tag

SPEC = load("temporal/rules.yaml", DATA_DIR)
DEFAULT_ANCHOR = SPEC["anchor"]
CASES = [
    pytest.param(rule["name"], example, id=f"{rule['name']}: {example['text']}")
    for rule in SPEC["rules"]
    for example in rule.get("examples", ())
]


def _anchor(example: dict) -> date | None:
    return example["anchor"] if "anchor" in example else DEFAULT_ANCHOR


@pytest.mark.parametrize("rule, example", CASES)
def test_rule_example(rule, example):
    found = tag(example["text"], _anchor(example))
    if example["value"] is None:
        assert found == [], [t.text for t in found]
        return
    span = example.get("span", example["text"])
    matching = [t for t in found if t.text == span]
    assert matching, f"no expression {span!r} in {[t.text for t in found]}"
    timex = matching[0]
    assert timex.value == example["value"]
    assert timex.rule == rule


@pytest.mark.parametrize("text", SPEC["negatives"])
def test_negative_example_has_no_expression(text):
    assert tag(text, DEFAULT_ANCHOR) == []


def test_every_rule_has_an_example():
    assert all(rule.get("examples") for rule in SPEC["rules"])
