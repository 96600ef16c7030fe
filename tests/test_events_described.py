"""Mentions that describe rather than report, and parts of a happening told apart from it (made-up texts):
captions, states in relative clauses, series named by bare plurals, arrests of an operation, a subject that refers
back to the attack, the lead told again with its day by a word of another type (data/same_happening.yaml)."""

from datetime import date

import pytest

from article_events import events_of as _events, types_of as _types

RAID = "Troops raided a rebel hideout in the hills on Monday, the army said.\n\n"


@pytest.mark.parametrize("caption", [
    "Burnt-out buses are seen outside the depot where a bomb exploded.",
    "Rescuers are pictured searching the rubble after an explosion at a depot.",
    "Smoke rises over the port after a blast. (Photo: Jane Roe)",
])
def test_a_photo_caption_makes_no_event(caption):
    assert _types(RAID + caption) == ["operation"]


@pytest.mark.parametrize("caption", [
    "Rescue workers evacuate residents from a flooded street in the port of Velm on May 2, 2021. AFP/Jane Roe",
    "FLOODS. Rescue workers evacuate residents from a flooded street in Velm on May 2, 2021. Reuters/Jane Roe",
    "President Jan Novak (R) holds talks with Prime Minister Ola Berg in Velm on March 3, 2024.",
    "Police officers guard the area where the attack on the depot happened on Tuesday (Supplied)",
])
def test_a_caption_placed_by_a_position_mark_or_credited_on_its_line_makes_no_event(caption):
    assert _types(RAID + caption) == ["operation"]


def test_a_caption_that_tells_the_news_again_does_not_become_its_evidence():
    text = RAID + "A bomb exploded at a fuel depot in Velm, killing four guards, police said.\n\n" \
        "Police officers guard the area where the attack on the depot happened on Tuesday (Supplied)"
    assert [(e.event_type, e.evidence.split(",")[0]) for e in _events(text)] \
        == [("operation", "Troops raided a rebel hideout in the hills on Monday"),
            ("incident", "A bomb exploded at a fuel depot in Velm")]


def test_an_enumeration_mark_is_no_caption():
    assert "agreement" in _types("(c) The two ministers signed a trade agreement in Velm on Monday.")


def test_seen_as_is_no_caption():
    assert _types(RAID + "The ambush is seen as a turning point after gunmen killed five guards on Tuesday.") \
        == ["operation", "incident"]


def test_a_happening_told_as_a_state_in_a_relative_clause_after_the_news_is_background():
    assert _types(RAID + "Villagers fled on Monday as a fire that has destroyed dozens of homes spread.") \
        == ["operation", "humanitarian"]
    text = "The rival militias accepted a truce on Monday while battles that have killed scores went into a third month."
    assert _types(text) == ["agreement"]


def test_a_relative_clause_that_narrates_or_has_its_own_day_stays_an_event():
    text = "Baerbock arrived in Geneva on Monday, where she met with Sergey Lavrov."
    assert "meeting" in _types(text)
    text = "Baerbock met Sergey Lavrov, who arrived on a three-day working visit to the city on Monday."
    assert _types(text) == ["meeting", "visit"]
    assert _types("Baerbock met Sergey Lavrov, who is visiting Geneva, on Monday.") == ["meeting", "visit"]


def test_a_series_named_by_a_bare_plural_is_no_happening():
    assert _types(RAID + "Monday's raid was the latest in scattered attacks on outposts by the militia.") == ["operation"]
    assert _types(RAID + "The army has long chased the gang, which is infamous for bombings and abductions.") \
        == ["operation"]


def test_a_bare_plural_that_is_a_subject_or_has_its_day_stays_a_happening():
    # the funerals held are a happening of their own too (a ceremony: "other")
    assert _types(RAID + "The funerals were held a day after drone strikes hit 12 fishing boats near the dam.") \
        == ["operation", "other", "operation"]
    assert _types(RAID + "Air strikes on Tuesday hit three villages in the valley.") == ["operation", "operation"]
    assert _types(RAID + "Earlier in April, another raid in the south resulted in three militants being gunned down.") \
        == ["operation", "operation"]


def test_arrests_are_part_of_the_operation_that_made_them():
    text = "Police have detained 40 people in a nationwide sweep against arms dealers.\n\n" \
           "Some 40 of them were arrested for carrying weapons, officers added."
    assert _types(text) == ["operation"]
    assert _types("Police arrested three men in a search operation in the old town on Friday.") == ["operation"]


def test_an_arrest_on_another_day_is_a_happening_of_its_own():
    assert _types(RAID + "On Thursday, a former minister was arrested at the airport.") == ["operation", "operation"]


def test_a_sentence_whose_subject_is_the_attack_tells_more_of_it():
    lead = "Army jets bombed a hamlet close to the frontier on Thursday, leaving at least six farmers dead.\n\n"
    assert _types(lead + "The strike on Ostra hamlet, a short drive from the lake, also injured 12 people, medics said.") \
        == ["operation"]
    assert _types(lead + "The attack came two days after gunmen killed five soldiers in the hills.") \
        == ["operation", "incident"]


def test_the_sentence_that_dates_the_lead_tells_it_again_by_another_word():
    text = ("Six soldiers have been killed by jihadist fighters at a camp in the east, officials said.\n\n"
            "The fighters stormed the camp on Sunday near the river, a local official said, leaving two missing.")
    events = _events(text)
    assert [(e.event_type, e.date) for e in events] == [(events[0].event_type, date(2024, 5, 5))]
    assert events[0].evidence.startswith("Six soldiers")


def test_a_first_ever_happening_since_a_time_is_no_running_total():
    text = RAID + "It was the first-ever aid convoy to reach the camp since 2019, officials said."
    assert _types(text) == ["operation", "humanitarian"]


def test_spoke_with_in_a_call_is_the_call():
    text = "Foreign Minister Annalena Baerbock spoke with Sergey Lavrov on Wednesday in a call about trade, the ministry said."
    assert _types(text) == ["call"]


def test_an_activity_going_on_over_a_period_is_no_happening():
    lead = "Police raided a market in the town on Monday.\n\n"
    assert _types(lead + "Officials of both countries have been holding talks with the rebels, the ministry said.") \
        == ["operation"]
    assert _types(lead + "Officials of both countries held talks with the rebels on Tuesday, the ministry said.") \
        == ["operation", "meeting"]


def test_a_short_exclamation_is_a_headline_and_the_body_is_the_evidence():
    text = ("40 suspects arrested in dawn drug raid!\n\n"
            "Police have arrested 40 people, including two dealers, during a dawn operation in the port district.")
    events = _events(text)
    assert [e.event_type for e in events] == ["operation"]
    assert events[0].evidence.startswith("Police have arrested")



def test_the_welcome_ceremony_of_a_visit_is_part_of_the_visit_or_its_talks():
    talks = "Prime Minister Ola Berg of Norland held talks with President Jan Novak in Velm on Thursday.\n\n" \
            "Ahead of the talks, Novak hosted an official welcome ceremony in honour of Berg at the palace."
    assert _types(talks) == ["meeting"]
    visit = "Prime Minister Ola Berg arrived in Velm on Thursday for a two-day visit.\n\n" \
            "On the tarmac a welcoming ceremony took place, with a band and schoolchildren waving flags."
    assert _types(visit) == ["visit"]


def test_a_ceremony_that_welcomes_no_visitor_stays_an_event():
    assert _types("President Jan Novak attended a ceremony to open a new bridge in Velm on Wednesday.") == ["other"]


@pytest.mark.parametrize("text", [
    '"The windows shook and then the sirens started," a shopkeeper told a news agency by phone.',
    "A resident said by telephone from the town that the shops were closed.",
    "President Jan Novak told reporters by phone on Tuesday that the roads to the valley were open again.",
    "A volunteer kept talking over the phone to a boy stuck under the collapsed roof to keep him calm.",
])
def test_the_phone_of_an_interview_or_a_scene_is_no_call(text):
    assert _types(RAID + text) == ["operation"]


def test_a_message_told_to_another_side_by_phone_is_a_call():
    assert _types(RAID + "President Jan Novak told Prime Minister Ola Berg by phone on Tuesday that aid would come.") \
        == ["operation", "call"]


def test_an_arrest_that_no_operation_takes_in_is_the_police_operation_that_made_it():
    assert _types("Police arrested two men in the capital on Thursday over a plot to attack a market.") == ["operation"]


@pytest.mark.parametrize("text", [
    "Hakan Fidan visited a camp outside Velm on Tuesday, where he met displaced families.",
    "Hakan Fidan toured the flooded market on Monday and met stallholders.",
])
def test_people_met_on_a_visit_and_named_by_what_they_are_are_part_of_the_visit(text):
    assert _types(text) == ["visit"]


def test_a_side_met_on_a_visit_by_name_is_a_meeting_of_its_own():
    assert _types("Hakan Fidan visited Velm on Tuesday and met Antony Blinken.") == ["visit", "meeting"]
