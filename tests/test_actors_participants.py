"""A further, definite mention of an event that names who took part in it (data/participants.yaml)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.actors import find_mentions, load_gazetteer
from timeline.event_actors import (choose_actors, find_location, lists_participants, names_attendees,
                                   names_participants)
from timeline.models import Article
from timeline.pipeline import parse_article
from timeline.resources import load
from timeline.settings import DATA_DIR
from timeline.triggers import find_triggers, vocabulary

EXAMPLES = load("participants.yaml")["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_participants_examples(example):
    triggers = [t for t in find_triggers(example["text"], vocabulary(DATA_DIR)) if example["trigger"] in t.text]
    assert triggers, "the example's trigger word is no trigger"
    assert names_participants(example["text"], triggers[0], DATA_DIR) is example["joins"]


ATTENDANCE = load("participants.yaml")["attendance_examples"]


@pytest.mark.parametrize("example", ATTENDANCE, ids=[e["text"][:40] for e in ATTENDANCE])
def test_attendance_examples(example):
    """A sentence that says who else was there, not one of a plan, an absence or a view."""
    assert names_attendees(example["text"], DATA_DIR) is example["joins"]


PARTICIPANT_LISTS = load("participants.yaml")["participant_list_examples"]


@pytest.mark.parametrize("example", PARTICIPANT_LISTS, ids=[e["text"][:40] for e in PARTICIPANT_LISTS])
def test_participant_list_examples(example):
    """A sentence that opens by listing the countries taking part, not one about a bloc's members or a wish."""
    assert lists_participants(example["text"], DATA_DIR) is example["joins"]


ACTOR_EXAMPLES = load("participants.yaml")["actor_examples"]


@pytest.mark.parametrize("example", ACTOR_EXAMPLES, ids=[e["text"][:40] for e in ACTOR_EXAMPLES])
def test_actor_examples(example):
    """A speech has its speaker and audience, not what was said; a signing's place is no party."""
    article = Article(id="s", name="s.txt", title="", text=example["text"], published=example["published"])
    events = [e for e in parse_article(article, load_gazetteer()).events if e.event_type == example["type"]]
    assert [list(e.actor_ids) for e in events] == [example["actors"]]


@pytest.mark.parametrize("when, parties", [
    (date(2022, 5, 9), ["kaja-kallas", "mark-rutte", "estonia", "netherlands"]),  # both prime ministers then
    (date(2025, 5, 9), ["kaja-kallas", "mark-rutte"]),  # both now hold a bloc's office: no country
    (None, ["kaja-kallas", "mark-rutte"]),  # no date: the latest offices
])
def test_a_signatory_signs_for_the_country_of_the_office_held_that_day(when, parties):
    text = "Kaja Kallas and Mark Rutte signed a joint declaration on Monday."
    gazetteer, vocab = load_gazetteer(), vocabulary(DATA_DIR)
    mentions, _ = find_mentions(text, gazetteer, when)
    trigger = next(t for t in find_triggers(text, vocab) if t.event_type == "agreement")
    chosen = choose_actors(vocab.types["agreement"]["actors"], text, 0, trigger, mentions, gazetteer.actors,
                           gazetteer.affiliation_ids, vocab, when=when)
    assert chosen == parties


def test_the_names_a_source_went_on_to_add_are_no_sides():
    text = ("Kenya assumed the chairmanship of the customs union from Peru on Monday, the ministry said, adding, the union "
            "also groups Chile, Ecuador and Bolivia.")
    gazetteer, vocab = load_gazetteer(), vocabulary(DATA_DIR)
    mentions, _ = find_mentions(text, gazetteer, date(2024, 5, 8))
    trigger = next(t for t in find_triggers(text, vocab) if t.event_type == "other")
    chosen = choose_actors(vocab.types["other"]["actors"], text, 0, trigger, mentions, gazetteer.actors,
                           gazetteer.affiliation_ids, vocab)
    assert chosen == ["kenya", "peru"]


@pytest.mark.parametrize("sentence", ["Official results gave her 56 percent of the vote in Sunday's election.",
                                      "Foreign ministers met at Friday's summit to discuss the crisis.",
                                      "The envoys met in March’s talks in the capital."])
def test_a_day_or_month_in_the_possessive_is_no_place(sentence):
    assert find_location(sentence, [], vocabulary(DATA_DIR)) is None


def test_a_place_before_a_possessive_day_is_still_found():
    assert find_location("The envoys met in Geneva on Monday's agenda.", [], vocabulary(DATA_DIR)) == "Geneva"


def test_reporters_are_read_with_the_callers_data(tmp_path):
    """without_reporters reads data/participants.yaml of the data folder it is given, not the package's: a
    claimed deed that only that folder lists keeps its speaker as a side."""
    import shutil
    import yaml
    from timeline.event_actors import without_reporters
    from timeline.sentences import Sentence
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    table = dict(load("participants.yaml"))
    table["claimed_deeds"] = [*table["claimed_deeds"], "ownership"]
    (data / "participants.yaml").write_text(yaml.safe_dump(table, allow_unicode=True), encoding="utf-8")
    text = "Boko Haram claimed ownership of the bombing of an army base on Sunday."
    mentions, _ = find_mentions(text, load_gazetteer(), date(2024, 5, 8))
    trigger = next(t for t in find_triggers(text, vocabulary(DATA_DIR)) if "bombing" in t.text)
    sentence = Sentence(0, len(text), text)
    assert not without_reporters(mentions, sentence, trigger, vocabulary(DATA_DIR))
    assert [m.actor_id for m in without_reporters(mentions, sentence, trigger, vocabulary(DATA_DIR), data)] == ["boko-haram"]


def test_troops_a_visit_went_to_see_give_its_place_not_a_side():
    """data/participants.yaml visited_groups, data/events.yaml location_qualified_nouns."""
    text = "President Ana Moro visited Kenyan troops in the northern province of Kessel on Tuesday."
    article = Article(id="s", name="s.txt", title="", text=text, published=date(2024, 5, 8))
    [visit] = [e for e in parse_article(article, load_gazetteer()).events if e.event_type == "visit"]
    assert list(visit.actor_ids) == ["new:ana-moro"] and visit.location == "Kessel"


def test_talks_of_the_delegation_have_the_people_it_was_said_to_comprise():
    """data/offices.yaml delegation_nouns: "the delegation" refers to the people a delegation phrase named before."""
    text = ("A Ruritanian delegation comprising Trade Minister Lena Holm and Presidential Adviser Tomas Berg arrived in "
            "Vell on Sunday.\n\nThe delegation held talks with Deputy Mayor Ana Korvel on Monday.")
    article = Article(id="s", name="s.txt", title="", text=text, published=date(2024, 5, 8))
    meetings = [e for e in parse_article(article, load_gazetteer()).events if e.event_type == "meeting"]
    assert [sorted(e.actor_ids) for e in meetings] == [["new:ana-korvel", "new:lena-holm", "new:tomas-berg"]]
