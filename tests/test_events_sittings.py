"""A sitting told by a weak noun with no day of its own is still the news when the sentence tells it as held: its
sides named after it, or the gerund of "meet" with its side (events._sitting_told, session 18). Made-up sentences,
each after a lead that reports something else, so that only the body sentence can give the meeting."""

from datetime import date

import pytest

from article_events import events_of

LEAD = "Heavy rain flooded dozens of villages in the south of Norlund on Thursday, officials said. "


def _meetings(text: str) -> list:
    return [e for e in events_of(LEAD + text) if e.event_type == "meeting"]


@pytest.mark.parametrize("text", [
    "The truce came after negotiations between President Ivo Sander and Ana Moro in Velm.",
    "The ceremony ended with talks between the two bishops in Velm.",
    "Aid was reaching the north, the minister said in Velm after meeting President Ivo Sander.",
    "The leak was raised at Ana Moro's meeting with President Ivo Sander at the summit.",
    "The minister's remarks came during a meeting held at the ministry with a delegation of farmers.",
    "The water dispute was raised at talks hosted by Velm's mayor for the two relief agencies.",
])
def test_a_sitting_told_as_held_is_an_event(text):
    assert [e.evidence for e in _meetings(text)] == [text]


@pytest.mark.parametrize("text", [
    # the sitting as the sentence's subject: a process, not one sitting
    "Peace talks between the government and the rebels have been slow.",
    # no sides after it, no gerund: still no day of its own
    "The plan was discussed during a meeting of farmers.",
    # the sitting as where something was settled: the outcome is the news
    "The new rules were settled at crisis talks in Velm.",
    # an owner but no named side: "with" the many
    "The plan came up again during her meeting with farmers.",
    # a sitting held, as the sentence's subject: still a plan or a process
    "A meeting held in Velm next month will decide the plan.",
    # a speaker's words
    '"We will not give up on the negotiations between our two nations and theirs," Ana Moro said.',
])
def test_a_sitting_named_in_passing_is_no_event(text):
    assert _meetings(text) == []


@pytest.mark.parametrize("text, speeches", [
    ("During his address at the prize ceremony, President Ivo Sander stressed the value of rural schools.", 1),
    ("In her speech, Minister Ana Moro said the dam would be finished by May.", 1),
    # no speaker and verb of saying in the past after it
    ("In his speech next week, the minister will stress the value of rural schools.", 0),
    ('"In my speech, I stressed the value of rural schools," Ivo Sander said.', 0),
])
def test_a_speech_opening_its_speakers_sentence_is_an_event(text, speeches):
    assert len([e for e in events_of(LEAD + text) if e.event_type == "speech"]) == speeches


@pytest.mark.parametrize("text", [
    "Later in the day the archbishop ended his two-day visit to Velm.",
    "Ana Moro thanked the envoy for her short visit to Velm on Monday.",
])
def test_a_visit_that_is_his_or_hers_names_a_person(text):
    assert [e.evidence for e in events_of(LEAD + text) if e.event_type == "visit"] == [text]


@pytest.mark.parametrize("text", [
    # an office of a named organisation (in a year whose holder the gazetteer does not know)
    "The director general of the FAO visited the flooded district on Monday to see the damage to farms.",
    # an office holder's own visit
    "A state banquet on Friday was the high point of the AU Chair's visit to Velm.",
    # the group opens the trigger's own words
    "Hours later, the state TV said the NATO delegation left Velm for Ostra.",
])
def test_an_office_or_a_group_of_a_named_side_is_a_visitor(text):
    events = events_of(LEAD + text, date(1990, 3, 16))
    assert [e.evidence for e in events if e.event_type == "visit"] == [text]


@pytest.mark.parametrize("text", [
    "On Tuesday the health minister visited a clinic in Ostra to meet its nurses.",
    "Later that week the regional governor toured the flooded villages along the river.",
])
def test_an_office_that_is_the_subject_of_a_visit_is_its_visitor(text):
    assert [e.evidence for e in events_of(LEAD + text) if e.event_type == "visit"] == [text]


def test_a_visit_of_a_place_alone_names_no_person():
    text = "Later in the day the delegation ended a two-day visit to Velm."
    assert [e for e in events_of(LEAD + text) if e.event_type == "visit"] == []


@pytest.mark.parametrize("text, kind", [
    # a vote or an award named by its own verb, at a sitting: the sitting is where it happened (events._setting_of)
    ("The town council passed the parking plan by 30 votes to 12 at a meeting in Velm on Monday.", "other"),
    ("Minister Ana Moro handed out medals to five nurses at a yearly meeting with reporters on Monday.", "other"),
])
def test_a_sitting_that_is_the_setting_of_another_happening_is_no_meeting(text, kind):
    assert [(e.event_type, e.evidence) for e in events_of(LEAD + text)][1:] == [(kind, text)]


def test_a_sitting_with_no_happening_of_its_own_verb_is_still_a_meeting():
    text = "Ana Moro and Ivo Sander reviewed the river treaty at a meeting in Velm on Monday."
    assert "meeting" in {e.event_type for e in events_of(LEAD + text)[1:]}
