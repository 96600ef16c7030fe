"""``organisations.whole_word_spans`` finds what the whole-word regular expression it replaces finds."""

import re

from hypothesis import given, settings, strategies as st

from timeline.actors.organisations import whole_word_spans

_PIECES = st.sampled_from(["Ab", "Ab Cd", "b", " ", "-", "_", "x", "Ab Ab", "é", ".", "9"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=12), st.sampled_from(["Ab", "Ab Cd", "b", "Ab Ab", "Ab-b"]))
def test_same_spans_as_the_regex(pieces, name):
    text = "".join(pieces)
    expected = [m.span() for m in re.finditer(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", text)]
    assert whole_word_spans(text, name) == expected


def test_examples():
    assert whole_word_spans("the Ab Cd and Ab Cdx, pre-Ab Cd; Ab Cd", "Ab Cd") == [(4, 9), (33, 38)]


_CAPS = st.sampled_from(["Ab", "ab", "AB", " ", "-", "_", "9", "É", "é", "Mc", "Donald", "ǅ", "İ", "."])


@settings(max_examples=500, deadline=None)
@given(st.lists(_CAPS, max_size=12))
def test_capitalised_words_as_with_the_look_behind_first(pieces):
    from timeline.actors.spans import _CAPITALISED, _LOWER, _UPPER

    text = "".join(pieces)
    before = re.compile(rf"(?<!\w)[{_UPPER}](?=[^\W\d_]*[{_LOWER}])[^\W\d_]+(?:-[^\W\d_]+)*(?!\w)")
    assert [m.span() for m in _CAPITALISED.finditer(text)] == [m.span() for m in before.finditer(text)]
    for at in range(len(text)):
        assert bool(_CAPITALISED.match(text, at)) == bool(before.match(text, at))


def test_every_organisation_head_starts_with_a_capital():
    """The organisation patterns look ahead for a capital before trying their heads, so that the engine skips to
    capitals (organisations._patterns): a head in lower case would never be found."""
    from timeline.actors.organisations import table_of
    from timeline.settings import DATA_DIR

    table = table_of(DATA_DIR)
    heads = [*table["heads"], *table.get("institution_heads", ()), *table.get("tailed_heads", ())]
    assert heads and all(head[:1].isupper() for head in heads)
