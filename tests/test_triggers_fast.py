"""The fast trigger patterns find exactly what the yaml's patterns find (``triggers.fast_pattern``)."""

import re

import pytest
from hypothesis import given, settings, strategies as st

from timeline.prefilter import KeyIndex, fold
from timeline.triggers import Rule, compile_pattern, fast_pattern, match_spans, vocabulary


def _variants(text: str) -> list[str]:
    return [text, text.upper(), text.title(), "pre-" + text, "x" + text, "«" + text + "»", text.replace("i", "ı"),
            text.replace(" ", "\n"), "İ " + text]


def _same(rule: Rule, text: str) -> bool:
    folded = fold(text)
    expected = [m.span() for m in rule.regex.finditer(text)]
    return match_spans(rule, text, folded if len(folded) == len(text) else None) == expected


@pytest.mark.parametrize("rule", vocabulary().rules, ids=lambda r: r.regex.pattern[:40])
def test_every_rule_finds_the_same_spans_in_its_examples(rule):
    for example in rule.examples:
        for text in _variants(example):
            assert _same(rule, text), text


def test_most_rules_have_a_fast_pattern():
    rules = vocabulary().rules
    assert sum(r.fast is not None for r in rules) >= 0.9 * len(rules)


def test_the_fast_pattern_opens_with_the_first_letters():
    fast, folded = fast_pattern(compile_pattern("(?:met|held) talks"))
    assert folded and fast.pattern.startswith("[hm]")
    rule = Rule("meeting", compile_pattern("(?:met|held) talks"), "strong", "verb", (), "", None, fast, folded)
    assert match_spans(rule, "They HELD talks, then re-held talks.", None) == [(5, 15)]  # not folded: the slow way
    text = "They HELD talks, then re-held talks and held talksx and held talks."
    assert match_spans(rule, text, fold(text)) == [(5, 15), (56, 66)] == [m.span() for m in rule.regex.finditer(text)]


def test_a_letter_that_lower_casing_would_change_keeps_the_slow_pattern():
    assert fast_pattern(compile_pattern(r"\x41bc")) == (None, False)  # an escaped capital
    assert fast_pattern(compile_pattern(r"[A-z]bc")) == (None, False)  # a range lower-casing would change
    assert fast_pattern(compile_pattern("x?")) == (None, False)  # an empty match


def test_case_sensitive_patterns_run_over_the_sentence_itself():
    regex = compile_pattern(r"visited [A-Z]\w+", case_sensitive=True)
    fast, folded = fast_pattern(regex)
    assert fast is not None and not folded
    rule = Rule("visit", regex, "strong", "verb", (), "", None, fast, folded)
    text = "She visited Rome and revisited Paris, visited home, visited Oslo"
    assert match_spans(rule, text, fold(text)) == [m.span() for m in regex.finditer(text)] == [(4, 16), (52, 64)]


_WORDS = st.sampled_from(["met", "Met", "meets", "with", "held", "talks", "TALKS", "the", "pre-", "-", "x", ",",
                          "İ", "ı", "“", "up", "on", "a", "visit", "called", "Rome"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=14), st.lists(st.sampled_from([" ", "", "  ", "\n"]), min_size=14, max_size=14))
def test_random_texts_give_the_same_spans(words, gaps):
    text = "".join(w + g for w, g in zip(words, gaps))
    for rule in vocabulary().rules[:40]:
        assert _same(rule, text), (rule.regex.pattern[:60], text)


def test_keys_with_spaces_and_hyphens_are_found_word_by_word_or_whole():
    index = KeyIndex([frozenset({"counter-offensive"}), frozenset({"as the"}), frozenset({"talks"})])
    assert index.candidates("A COUNTER-OFFENSIVE began") == (0,)
    assert index.candidates("as  the talks") == (2,)
    assert index.candidates("as the talks") == (1, 2)
    assert index.candidates("walkie-talkse") == (2,)


def test_continuation_and_ignore_patterns_find_the_same_spans():
    from timeline.triggers import spans_of

    vocab = vocabulary()
    patterns = [(regex, fast) for (regex, _), fast in zip(vocab.continuation, vocab.continuation_fast)]
    patterns.append((vocab.ignore, vocab.ignore_fast))
    texts = [e for rule in vocab.rules for e in rule.examples][:400]
    texts += ["During the visit, the talks went on.", "At the same time, the two leaders met.", "in response to the attack"]
    for regex, (fast, on_folded) in patterns:
        for example in texts:
            for text in _variants(example):
                folded = fold(text)
                assert spans_of(regex, fast, on_folded, text, folded if len(folded) == len(text) else None) == \
                    [m.span() for m in regex.finditer(text)]


def test_skipping_gives_the_spans_of_the_named_groups_in_the_text():
    from timeline.prefilter import Skipping

    regex = re.compile(r"(?<![\w-])(?P<noun>foreign\s+ministers|counterparts)\s+(?:from|of)\s+(?:the\s+)?", re.IGNORECASE)
    skipping = Skipping(regex)
    assert skipping.fast is not None and skipping.on_folded
    for text in ["His Counterparts from Estaria and the foreign  ministers OF the bloc", "x-counterparts of", "İ counterparts of A"]:
        assert skipping.spans(text, "noun") == [(m.span(), m.span("noun")) for m in regex.finditer(text)]


_IGNORE_WORDS = st.sampled_from(["press", "PRESS", "conference", "news", "briefing", "death", "toll", "tolls", "joint",
                                 "told", "the", "a", "met", "fire", "came", "under", "for", "drill", "Typhoon", "jets",
                                 "landslide", "win", "in", "by", "x", "-", "ı", "“"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_IGNORE_WORDS, max_size=12), st.sampled_from([" ", "  ", "\n", " - "]))
def test_a_sentence_the_index_passes_over_holds_no_ignored_phrase(words, gap):
    vocab = vocabulary()
    text = gap.join(words)
    if vocab.ignore.search(text):  # the index never skips a sentence the ignore phrases match
        assert vocab.ignore_at in vocab.index.candidates(text), text


def test_ignored_phrases_are_found_in_rule_examples_and_the_continuations_still_read():
    from timeline.triggers import continued_type, find_triggers

    vocab = vocabulary()
    texts = [e for rule in vocab.rules for e in rule.examples][:400]
    assert all(vocab.ignore_at in vocab.index.candidates(t) for t in texts if vocab.ignore.search(t))
    assert [t.text for t in find_triggers("The death toll from the flood rose to 12.", vocab)] == []
    assert continued_type("During the visit, the talks went on.", vocab) == (True, "visit")
