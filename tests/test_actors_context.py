"""Actor mentions that need the rest of the article: a surname whose full mention was dropped with the lead,
names listed after their countries, definite titles that refer back to a person named before."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.actors import find_mentions, load_gazetteer

DAY = date(2023, 9, 20)


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def ids(text, gaz, when=DAY):
    return [m.actor_id for m in find_mentions(text, gaz, when)[0]]


def test_a_lone_surname_is_the_office_holder_of_a_country_the_text_names(gaz):
    """The standfirst that named him in full was dropped; the article is about Russia and he is its minister."""
    assert ids("Lavrov told Russian reporters the talks went well.", gaz) == ["sergey-lavrov", "russia"]


@pytest.mark.parametrize("text, when", [
    ("Lavrov said the talks went well.", DAY),  # no country of his in the text
    ("Lavrov told Russian reporters the talks went well.", date(2001, 5, 1)),  # before he held the office
    ("Lavrov told Russian reporters the talks went well.", None),  # the day is not known
    ("Anna Lavrov told Russian reporters the talks went well.", DAY),  # another Lavrov, named in full
])
def test_a_lone_surname_needs_the_holder_s_country_and_term(gaz, text, when):
    assert "sergey-lavrov" not in ids(text, gaz, when)
