"""The prefilter only skips patterns that cannot match: its keys occur in every match."""

import re

import pytest

from timeline.prefilter import keys_in, may_match, required_keys
from timeline.triggers import find_triggers, vocabulary


def test_keys_of_an_alternation_are_each_alternative():
    assert required_keys(re.compile(r"(?:phone|telephone)|video ?conference")) == {"phone", "conference"}


def test_pattern_without_fixed_text_has_no_keys_and_always_runs():
    keys = required_keys(re.compile(r"\d+\s+\w+"))
    assert keys is None and may_match(keys, frozenset())


def test_optional_text_is_not_required():
    assert required_keys(re.compile(r"(?:the )?summit")) == {"summit"}


def test_case_fold_oddities_still_reach_the_key():
    regex = re.compile(r"visits", re.IGNORECASE)
    text = "He VıſITS Rome"
    keys = required_keys(regex)
    assert regex.search(text) and may_match(keys, keys_in(text, keys))


@pytest.mark.parametrize("rule", vocabulary().rules, ids=lambda r: r.regex.pattern[:40])
def test_every_example_match_holds_a_key(rule):
    for example in rule.examples:
        for match in rule.regex.finditer(example):
            assert may_match(rule.keys, keys_in(match.group(), rule.keys))


def test_find_triggers_same_with_and_without_prefilter():
    import dataclasses
    vocab = vocabulary()
    plain = dataclasses.replace(vocab, rules=tuple(dataclasses.replace(r, keys=None) for r in vocab.rules))
    for example in (e for rule in vocab.rules for e in rule.examples):
        assert find_triggers(example, vocab) == find_triggers(example, plain)
