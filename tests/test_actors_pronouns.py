"""Subject pronouns that continue a person across a quotation and after a fronted phrase of time words
(timeline/actors/pronouns.py)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.actors import find_mentions, load_gazetteer

DAY = date(2024, 5, 6)


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _pronouns(text, gaz):
    return [(m.text, m.actor_id) for m in find_mentions(text, gaz, DAY)[0] if m.method == "pronoun"]


def test_a_quotation_of_several_sentences_belongs_to_the_sentence_that_opened_it(gaz):
    text = ('Writing online, Ararat Mirzoyan said, "A good talk. We agreed on a lot." '
            "He also held talks with Hakan Fidan.")
    assert _pronouns(text, gaz) == [("He", "ararat-mirzoyan")]
    curly = ("Ararat Mirzoyan told reporters: “We are ready. The text is done.” "
             "He then met Hakan Fidan.")
    assert _pronouns(curly, gaz) == [("He", "ararat-mirzoyan")]


def test_a_quotation_opened_in_a_sentence_about_no_one_continues_no_one(gaz):
    text = 'Ararat Mirzoyan left. Reporters wrote, "It rained. Roads closed." He met Hakan Fidan.'
    assert _pronouns(text, gaz) == []


def test_a_fronted_phrase_of_time_words_needs_no_comma(gaz):
    text = "Ararat Mirzoyan began a two-day trip on Monday. After 2 pm he was received by Hakan Fidan."
    assert _pronouns(text, gaz) == [("he", "ararat-mirzoyan")]
    other_subject = "Ararat Mirzoyan spoke on Monday. On Monday Hakan Fidan said he would go."
    assert _pronouns(other_subject, gaz) == []


def test_the_three_or_five_leaders_are_the_people_named_just_before_when_exactly_that_many(gaz):
    text = ("Ilham Aliyev met Nikol Pashinyan, Charles Michel, Emmanuel Macron and Olaf Scholz in Granada. "
            "The five leaders had met in Chisinau on June 1.")
    assert [a for _, a in _pronouns(text, gaz)] == [
        "ilham-aliyev", "nikol-pashinyan", "charles-michel", "emmanuel-macron", "olaf-scholz"]
    too_few = "Ilham Aliyev met Nikol Pashinyan in Granada. The three leaders had met in June."
    assert _pronouns(too_few, gaz) == []
