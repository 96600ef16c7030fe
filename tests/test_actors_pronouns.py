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


def test_the_delegation_is_the_people_a_delegation_phrase_named_before(gaz):
    """data/offices.yaml delegation_nouns, delegation_cues (timeline/actors/pairs.py delegation_candidates)."""
    listed = ("A Ruritanian delegation comprising Trade Minister Lena Holm and Presidential Adviser Tomas Berg arrived "
              "in Vell on Sunday. The delegation held talks with the mayor on Monday.")
    assert [a for _, a in _pronouns(listed, gaz)] == ["new:lena-holm", "new:tomas-berg"]
    leader = ("Jane Roe, the speaker of parliament, led a delegation to Vell on Monday. "
              "The delegation laid a wreath at the memorial.")
    assert _pronouns(leader, gaz) == [("delegation", "new:jane-roe")]
    own = "The mayor received Trade Minister Lena Holm and her delegation. The delegation then toured the port."
    assert _pronouns(own, gaz) == [("delegation", "new:lena-holm")]


def test_a_delegation_told_first_is_the_people_named_as_leading_it_after(gaz):
    text = ("A delegation of lawmakers laid a wreath at the memorial on Monday. "
            "Deputy Speaker Ana Korvel led the delegation on the two-day trip.")
    assert _pronouns(text, gaz) == [("delegation", "new:ana-korvel")]


def test_a_delegation_no_phrase_names_is_no_one(gaz):
    assert _pronouns("The delegation held talks with Deputy Speaker Ana Korvel in Vell.", gaz) == []
    later = "The delegation held talks in Vell. Deputy Speaker Ana Korvel led the delegation."
    assert _pronouns(later, gaz) == []  # "the delegation" refers back, not forward
