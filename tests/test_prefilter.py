"""The prefilter only skips patterns that cannot match: its keys occur in every match."""

import re

import pytest
from hypothesis import given, strategies as st

from timeline.prefilter import KeyIndex, required_chars, required_groups, required_keys
from timeline.triggers import find_triggers, vocabulary


def test_keys_of_an_alternation_are_each_alternative():
    assert required_keys(re.compile(r"(?:phone|telephone)|video\s*conference")) == {"phone", "conference"}


def test_spellings_stay_whole():
    # re's parser shares the prefix of "met|meets" ("me"): the keys are the whole spellings
    assert required_keys(re.compile(r"(?:met|meets)(?:\s+with)?")) == {"met", "meets"}
    assert required_keys(re.compile(r"(?:conversation|call)s?")) == {"conversation", "call"}


def test_a_mandatory_class_of_marks_gives_the_characters_a_match_needs():
    assert required_keys(re.compile(r"(?<=\w)\s+[–—-]\s+\w+")) is None
    assert required_chars(re.compile(r"(?<=\w)\s+[–—-]\s+\w+")) == {"–", "—", "-"}
    assert required_chars(re.compile(r"(?:x|y)(?:\s+-)+")) == {"-"}
    assert required_chars(re.compile(r"[Aa]b")) is None  # letters: folding the text changes them
    assert required_chars(re.compile(r"(?:-)?\w+")) is None  # an optional mark
    assert required_chars(re.compile(r"[^-]\w")) is None  # any character but one


def test_every_run_of_fixed_text_is_a_group_the_rarest_first():
    assert required_groups(re.compile(r"(?:met|meets)\s+(?:up\s+)?with")) == ({"with"}, {"met", "meets"})


def test_a_pattern_is_a_candidate_only_when_its_further_groups_occur_too():
    index = KeyIndex([frozenset({"talks"}), frozenset({"talks"})], [({"held", "hold"},), ()])
    assert index.candidates("They HELD talks") == (0, 1)
    assert index.candidates("The talks began") == (1,)


def test_words_of_a_look_around_are_never_required():
    assert required_keys(re.compile(r"(?<!peace )talks(?!\s+about)")) == {"talks"}


def test_pattern_without_fixed_text_has_no_keys_and_always_runs():
    keys = required_keys(re.compile(r"\d+\s+\w+"))
    assert keys is None and KeyIndex([keys]).candidates("no digits here") == (0,)


def test_optional_text_is_not_required():
    assert required_keys(re.compile(r"(?:the )?summit")) == {"summit"}
    assert required_keys(re.compile(r"summits?\s+in")) == {"summit"}


def test_case_fold_oddities_still_reach_the_key():
    regex = re.compile(r"visits", re.IGNORECASE)
    text = "He VıſITS Rome"
    assert regex.search(text) and KeyIndex([required_keys(regex)]).candidates(text) == (0,)


def test_index_finds_keys_inside_other_keys_and_keeps_pattern_order():
    index = KeyIndex([frozenset({"meeting"}), frozenset({"all"}), frozenset({"meet"}), frozenset({"call"}), None])
    assert index.candidates("The MEETING recalled") == (0, 1, 2, 3, 4)
    assert index.candidates("they meet") == (2, 4)
    assert index.candidates("nothing") == (4,)


@given(st.lists(st.text("abc", min_size=1, max_size=4), min_size=1, max_size=6), st.text("abcAB ", max_size=30),
       st.integers(0, 2))
def test_index_gives_the_patterns_each_of_whose_groups_occurs(words, text, further):
    keys = [frozenset(words[i : i + 2]) for i in range(len(words))]
    also = [tuple(frozenset(words[j : j + 1]) for j in range(i + 1, min(i + 1 + further, len(words))))
            for i in range(len(words))]
    occurs = lambda group: any(key in text.lower() for key in group)  # noqa: E731
    expected = tuple(at for at in range(len(words)) if occurs(keys[at]) and all(map(occurs, also[at])))
    assert KeyIndex(keys, also).candidates(text) == expected


@pytest.mark.parametrize("rule", vocabulary().rules, ids=lambda r: r.regex.pattern[:40])
def test_every_example_match_holds_a_key(rule):
    vocab = vocabulary()
    at = vocab.rules.index(rule)
    for example in rule.examples:
        for match in rule.regex.finditer(example):
            assert at in vocab.index.candidates(match.group())


def test_find_triggers_same_with_and_without_prefilter():
    import dataclasses
    vocab = vocabulary()
    plain = dataclasses.replace(vocab, rules=tuple(dataclasses.replace(r, keys=None) for r in vocab.rules))
    assert plain.index.candidates("") == tuple(range(len(vocab.rules)))
    for example in (e for rule in vocab.rules for e in rule.examples):
        assert find_triggers(example, vocab) == find_triggers(example, plain)


@pytest.mark.parametrize("pattern, flags", [(r"(?<![\w-])met\s+with", re.IGNORECASE), ("(?i)talks", 0), ("a(?x) b", 0),
                                            ("ab", re.ASCII), (r"\d+", 0)])
def test_a_lazy_pattern_is_the_compiled_pattern_once_used(pattern, flags):
    import pickle

    from timeline.prefilter import LazyPattern

    try:
        compiled = re.compile(pattern, flags)
    except re.error:
        with pytest.raises(re.error):
            LazyPattern(pattern, flags).search("x")
        return
    lazy = LazyPattern(pattern, flags)
    assert lazy.pattern == compiled.pattern and lazy.flags == compiled.flags  # before and after compiling
    text = "He MET with 12 envoys; talks a b ab"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.flags == compiled.flags and lazy.groupindex == compiled.groupindex
    again = pickle.loads(pickle.dumps(lazy))
    assert again.search(text).span() == compiled.search(text).span()


def test_pending_lazy_patterns_are_compiled_before_workers_are_forked():
    from timeline.prefilter import LazyPattern, compile_pending

    lazy = LazyPattern(r"(?<![\w-])talks")
    assert "search" not in vars(lazy)
    assert compile_pending() >= 1 and "search" in vars(lazy) and compile_pending() == 0
    assert lazy.search("peace talks").span() == (6, 11)


@given(st.lists(st.text("ab c", min_size=1, max_size=4), min_size=1, max_size=6), st.text("abcAB  ", max_size=30),
       st.integers(0, 2))
def test_further_groups_with_spaces_or_inside_words_are_found_as_a_substring_test_finds_them(words, text, further):
    keys = [frozenset(words[i : i + 2]) for i in range(len(words))]
    also = [tuple(frozenset(words[j : j + 2]) for j in range(i + 1, min(i + 1 + further, len(words))))
            for i in range(len(words))]
    occurs = lambda group: any(key in text.lower() for key in group)  # noqa: E731
    index = KeyIndex(keys, also)
    expected = tuple(at for at in range(len(words)) if occurs(keys[at]) and all(map(occurs, also[at])))
    assert index.candidates(text) == expected
    assert index.candidates("\n" + text) == expected  # its words are remembered now: the same again
