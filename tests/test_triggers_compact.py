"""Triggers are also looked for in the sentence without the words they can do without (data/events.yaml
``compact``, ``triggers.compact``)."""

import pytest

from timeline.triggers import compact, find_triggers, vocabulary

VOCAB = vocabulary()
EXAMPLES = [ex for kind in ("drop", "unmark") for entry in VOCAB.raw["compact"][kind] for ex in entry["examples"]]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e["text"][:40])
def test_compact_examples_drop_the_words_a_trigger_can_do_without(example):
    short = compact(example["text"], VOCAB)
    assert (short[0] if short else None) == example["compact"]


def test_offsets_of_the_compact_sentence_point_into_the_sentence():
    sentence = 'Troops "neutralised" six fighters on Monday.'
    text, origin = compact(sentence, VOCAB)
    assert [sentence[at] for at in origin[:-1]] == list(text) and origin[-1] == len(sentence)


def test_a_time_adverbial_between_a_verb_and_its_preposition_hides_no_trigger():
    sentence = "The premier conferred on Saturday with the visiting envoy."
    found = [t for t in find_triggers(sentence, VOCAB) if t.event_type == "meeting"]
    assert [(t.text, t.strength) for t in found] == [("conferred on Saturday with", "strong")]


def test_a_relative_clause_between_a_subject_and_its_verb_hides_no_trigger():
    sentence = "The annual summit, which brings together the leaders of ten states, was held in the port city."
    assert "conference" in {t.event_type for t in find_triggers(sentence, VOCAB) if t.strength == "strong"}


def test_dropped_words_make_no_trigger_of_a_future_or_negated_happening():
    assert not find_triggers("The premier will meet on Saturday with the visiting envoy.", VOCAB)
    assert not [t for t in find_triggers("The premier did not confer on Saturday with the envoy.", VOCAB)
                if t.strength == "strong"]


def test_a_verb_in_scare_quotes_holds_both_marks_and_makes_an_event():
    from datetime import date

    from timeline.actors import load_gazetteer
    from timeline.models import Article
    from timeline.pipeline import parse_article

    sentence = 'Security forces "neutralised" 12 Northern Front (NF) militants in the hills, the ministry said on Monday.'
    found = [t for t in find_triggers(sentence, VOCAB) if t.event_type == "operation"]
    assert [t.text[:13] for t in found] == ['"neutralised"']
    article = Article(id="a.txt", name="a.txt", title="", text=sentence, published=date(2024, 5, 8))
    assert [e.event_type for e in parse_article(article, load_gazetteer()).events] == ["operation"]


def test_a_dash_aside_between_a_subject_and_its_verb_hides_no_trigger():
    sentence = "Dozens of officers – some of them masked – raided a warehouse near the docks on Friday."
    assert "operation" in {t.event_type for t in find_triggers(sentence, VOCAB)}


def test_a_match_across_dropped_words_is_no_longer_than_the_words_it_matched():
    # 'Police – ... – arrested' (an arrest, across the aside) spans more of the sentence than 'arrested 14 terror
    # suspects in a series of raids' (a police raid), but matches fewer words: the raid wins the overlap.
    sentence = "Police – some in plain clothes – arrested 14 terror suspects in a series of raids across the city."
    assert [t.event_type for t in find_triggers(sentence, VOCAB)] == ["operation"]
