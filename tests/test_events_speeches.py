"""Speeches told in the ways news pages tell them (session 21, speech): a talk noun with its giver ("the keynote address
was given by X", "a lecture by X"), a tribute or message read out, a fronted speech phrase with more than a place and
a time ("In her first speech as governor, X promised ..."), a verb of saying "in a speech", a sitting opened by the
speaker's words, a legislature by its own name. Each made-up sentence, as a body sentence after a lead about
something else, gives a speech whose sides are its speaker; the same words as a plan or of something else give none."""

import pytest

from article_events import events_of

LEAD = "Heavy rain flooded dozens of villages in the south of the country on Thursday, officials said."

FOUND = [
    ("In a speech after the military parade on Tuesday, William Ruto urged young people to join the reserve.",
     {"William Ruto"}),
    ("In her first address as governor on Tuesday, Anne Waiguru promised cheaper bus fares.", {"Anne Waiguru"}),
    ("In the opening keynote on Tuesday, William Ruto warned that the rains would come early.", {"William Ruto"}),
    ("In his first speech as chairman on Tuesday, William Ruto pledged to end the fighting in Tanzania.",
     {"William Ruto"}),
    ("William Ruto conceded defeat in a short speech to supporters on Tuesday.", {"William Ruto"}),
    ("Governor Jane Roe thanked the mourners in a brief address at the graveside on Tuesday.", {"Jane Roe"}),
    ("William Ruto read a tribute to his late predecessor at the state funeral on Tuesday.", {"William Ruto"}),
    ("Speaker Jane Roe opened the session on Tuesday by warning that hate crimes were rising.", {"Jane Roe"}),
    ("Opening the conference on Tuesday, William Ruto said nine million people needed food.", {"William Ruto"}),
    ("The keynote address was given on Tuesday by Anne Waiguru, who spoke about the floods.", {"Anne Waiguru"}),
    ("William Ruto spoke late on Tuesday at his election night party in Nairobi.", {"William Ruto"}),
    ("William Ruto told the National Assembly on Tuesday that the budget would balance.", {"William Ruto"}),
    ("The commemorative speech was delivered on Tuesday by Governor Jane Roe.", {"Jane Roe"}),
    ("William Ruto used his farewell address on Tuesday to call for calm.", {"William Ruto"}),
    ("Governor Jane Roe warned in a lay sermon on Tuesday that the poor were being forgotten.", {"Jane Roe"}),
    ("Speaking at the funeral on Tuesday, William Ruto said the singer had united the country.", {"William Ruto"}),
]

NONE = [
    "William Ruto will deliver the keynote address at the summit next week.",
    "The letter was delivered by hand to the governor's office on Tuesday.",
    "Anne Waiguru read the report on her phone before the vote.",
    "The finance minister is due to address the National Assembly next week.",
    "Before closing the session, the chair thanked the interpreters.",
]


@pytest.mark.parametrize("text,speakers", FOUND, ids=[t[:40] for t, _ in FOUND])
def test_a_speech_told_in_a_news_shape_gives_a_speech_of_its_speaker(text, speakers):
    found = [e for e in events_of(f"{LEAD}\n\n{text}") if e.event_type == "speech" and text[:30] in e.evidence]
    assert found, text
    assert set(found[0].actors) == speakers


@pytest.mark.parametrize("text", NONE, ids=[t[:40] for t in NONE])
def test_the_same_words_as_a_plan_or_of_another_thing_give_no_speech(text):
    assert "speech" not in {e.event_type for e in events_of(f"{LEAD}\n\n{text}") if text[:30] in e.evidence}


# Two speakers, two speeches: a later mention that refers back by a weak noun ("In a speech ..., X promised") joins an
# earlier speech only when the two share a speaker (data/same_happening.yaml one_speaker_types).
APART = [
    ("Finance Minister Jane Roe addressed parliament on Tuesday, defending the new budget.",
     "In a speech in the port town of Vell on Tuesday, Interior Minister Tom Hale promised more police."),
    ("William Ruto gave a speech at the farmers' congress on Tuesday.",
     "In a speech in the lakeside town of Kisumu on Tuesday, Governor Jane Roe praised the harvest."),
]


@pytest.mark.parametrize("first,second", APART, ids=[s[:40] for _, s in APART])
def test_speeches_of_two_speakers_on_one_day_are_two_events(first, second):
    speeches = [e for e in events_of(f"{first}\n\n{second}") if e.event_type == "speech"]
    assert len(speeches) == 2
    assert len({frozenset(e.actors) for e in speeches}) == 2


def test_a_later_mention_of_the_same_speaker_tells_the_same_speech():
    text = ("Governor Jane Roe addressed the farmers' congress on Tuesday.\n\n"
            "In her speech on Tuesday, Governor Jane Roe promised cheaper seed.")
    assert len([e for e in events_of(text) if e.event_type == "speech"]) == 1


# session 24: a fronted speech phrase whose speaker's words open a quotation closed in a later sentence, and one whose
# speaker is named after two commas; a participle phrase "speaking on the inaugural day"
LATER = [
    ('In her speech, Governor Jane Roe said: "We will rebuild every bridge.', {"Jane Roe"}),
    ("In a speech marking the day, and looking back on the floods, Governor Jane Roe said the dams would be raised.",
     {"Jane Roe"}),
    ("Speaking on the inaugural day, Governor Jane Roe highlighted the new rail link.", {"Jane Roe"}),
]


@pytest.mark.parametrize("text,speakers", LATER, ids=[t[:40] for t, _ in LATER])
def test_a_fronted_speech_with_a_quotation_or_clauses_after_it_gives_a_speech(text, speakers):
    found = [e for e in events_of(f"{LEAD}\n\n{text}") if e.event_type == "speech" and text[:30] in e.evidence]
    assert found, text
    assert not found[0].actors or set(found[0].actors) == speakers  # a quotation left open may hide its speaker
