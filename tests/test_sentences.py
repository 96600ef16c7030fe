"""Sentence splitting keeps offsets, respects abbreviations and initials, and cuts datelines off."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.resources import load
from timeline.sentences import sentence_at, split

EXAMPLES = load("sentences.yaml")["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:30] for e in EXAMPLES])
def test_examples_from_the_data_file(example):
    assert [s.text for s in split(example["text"])] == example["sentences"]


def test_offsets_index_the_text():
    text = "  First one. Second one!\n\nThird, after a gap?  "
    for sentence in split(text):
        assert text[sentence.start : sentence.end] == sentence.text
    assert [s.text for s in split(text)] == ["First one.", "Second one!", "Third, after a gap?"]


def test_initials_do_not_end_a_sentence():
    assert len(split("Minister K. Ostrowski spoke. Then he left.")) == 2


def test_a_line_break_ends_a_sentence_without_punctuation():
    assert [s.text for s in split("A headline without a stop\nThe body starts.")] == [
        "A headline without a stop", "The body starts."]


def test_colon_in_a_quote_introduction_is_no_dateline():
    assert split('He said: "Yes."')[0].text == 'He said: "Yes."'


def test_sentence_at_finds_the_enclosing_sentence():
    sentences = split("One. Two.")
    assert sentence_at(sentences, 6).text == "Two."
    assert sentence_at(sentences, 100) is None


# The sentence-end pattern as first written (look-behind first): the quicker form must find the same ends.
_FIRST_END = r"(?<![.!?])[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ])"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=".!?\"'”’)]( \nAaZ9É“‘[", max_size=40))
def test_sentence_ends_are_those_of_the_first_pattern(text):
    import re

    from timeline.sentences import _END
    assert [m.span() for m in _END.finditer(text)] == [m.span() for m in re.finditer(_FIRST_END, text)]


@pytest.mark.parametrize("text,expected", [
    ("The governor toured the flooded district.Officials said the river was falling.",
     ["The governor toured the flooded district.", "Officials said the river was falling."]),
    ('The mayor also visited the burnt market."It is a sad day," she said.',
     ["The mayor also visited the burnt market.", '"It is a sad day," she said.']),
    ('He told the crowd "we will win."The crowd cheered.', ['He told the crowd "we will win."', "The crowd cheered."]),
    ("Mr.Jones met Dr.Khan and U.S.Army officers in Velm.", ["Mr.Jones met Dr.Khan and U.S.Army officers in Velm."]),
    ("Prices rose 3.5 percent in the year.", ["Prices rose 3.5 percent in the year."]),
])
def test_a_sentence_glued_to_the_next_one_ends_at_its_mark(text, expected):
    assert [s.text for s in split(text)] == expected
