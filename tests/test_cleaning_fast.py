"""The reading stage's faster forms give what the plain regular expressions they replace give
(timeline/reading/cleaning.py): line breaks joined by ``unwrap`` visiting only the line breaks, and the
head's datelines and date lines looked up once per line."""

import re

from hypothesis import given, settings, strategies as st

from timeline.reading import cleaning
from timeline.reading.cleaning import match_date_line, match_dateline, unwrap
from timeline.resources import load
from timeline.settings import DATA_DIR

# The regular expressions ``unwrap`` ran before it visited only the line breaks: the reference.
_WRAPPED = re.compile(r"(?<=[^\W_])[ \t]*\n(?:[ \t]*\n)?[ \t]*(?=[a-z])")


def _reference_unwrap(text: str) -> str:
    words = sorted(map(str, load("furniture.yaml", DATA_DIR).get("line_goes_on_after", ())), key=len, reverse=True)
    ending = "|".join(map(re.escape, words))
    after_word = re.compile(rf"(,|(?<![\w'’\-])(?:{ending}))[ \t]*\n(?:[ \t]*\n)?[ \t]*(?=[^\W_]|[\"“‘(])")
    return after_word.sub(r"\1 ", _WRAPPED.sub(" ", text))


_PIECES = st.sampled_from(["of", "the", "and", "said", "on", "x", "Of", "b", "é", "1", "_", "'", "’", "-", ",", ".",
                           "\"", "“", "(", " ", "\t", "\n", "\n\n", "\n \n", "\n\n\n", "aof", "of_", "under", "ζ",
                           "’of\n", "-the \n", "'and\n\n", "_in\n", "x of\n", "a,\n", "2\n", "é\n"])


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_unwrap_joins_the_same_line_breaks_as_the_plain_regular_expressions(text):
    assert unwrap(text, DATA_DIR) == _reference_unwrap(text)


def test_unwrap_joins_a_wrapped_sentence_and_keeps_paragraphs():
    text = "The envoy met the\nminister, and\n\n“we agreed” on\n  Friday.\n\nThe talks ended.\nthen more"
    assert unwrap(text, DATA_DIR) == _reference_unwrap(text)
    assert unwrap(text, DATA_DIR) == "The envoy met the minister, and “we agreed” on Friday.\n\nThe talks ended.\nthen more"


def test_a_teaser_is_a_line_cut_short_after_a_word_with_an_ellipsis():
    assert cleaning._teaser("Troops pushed into the town of…")  # noqa: SLF001
    assert cleaning._teaser("Troops pushed into the town of...")  # noqa: SLF001
    assert not cleaning._teaser("Troops pushed into the town …")  # noqa: SLF001 - no word before it
    assert not cleaning._teaser("Troops pushed into the town.")  # noqa: SLF001


def test_a_dateline_looked_up_again_is_the_same_answer():
    line = "EXAMPLETON, March 3 (Wire) - The envoy arrived."
    first = match_dateline(line, DATA_DIR)
    assert first[0] is not None and first[0].place == "EXAMPLETON"
    assert match_dateline(line, DATA_DIR) == first
    assert match_dateline(line + " " * 300, DATA_DIR) == first  # only the first DATELINE_WINDOW characters count
    assert match_date_line("Published: 19 September 2031", DATA_DIR) == match_date_line("Published: 19 September 2031", DATA_DIR)
    assert match_date_line("Published: 19 September 2031", DATA_DIR).date.year == 2031
