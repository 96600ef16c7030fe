"""Precision: mentions that report no happening of their own make no event (running totals over a period), and a
later detail of the lead news stays part of it (made-up texts; rules in data/same_happening.yaml and
timeline/events.py)."""

from datetime import date

import pytest

from article_events import events_of as _events

LEAD = "Rebels attacked an army post near the town of Ostra on Monday, officials said.\n\n"


@pytest.mark.parametrize("text", [
    "Some 9,000 people have been displaced since 2019.",
    "Since the war ended, over 200 civilians have been killed by landmines.",
    "Hundreds of soldiers were killed since the offensive was launched in May 2021.",
])
def test_a_running_total_since_a_time_is_no_happening(text):
    assert [e.evidence for e in _events(LEAD + text)] == [LEAD.strip()]


@pytest.mark.parametrize("text, event_type", [
    ("Thousands of civilians have fled the valley for the capital since Sunday.", "humanitarian"),
    ("The deadliest attack since 2019 killed 40 people in the market on Monday.", "incident"),
    ("Since 3 March, when two guards were killed in an ambush, the road has been closed.", "incident"),
])
def test_a_happening_of_the_last_days_or_a_comparison_since_a_time_is_an_event(text, event_type):
    assert [e.event_type for e in _events(text)] == [event_type]


@pytest.mark.parametrize("text, event_type", [
    ("Police have shot dead 40 suspected gunmen in raids since the bombing of the depot.", "operation"),
    ("Thousands of protesters have rallied outside parliament since the bill was tabled.", "other"),
])
def test_what_a_doer_did_again_and_again_since_a_time_is_no_toll(text, event_type):
    assert [e.event_type for e in _events(LEAD + text)] == ["incident", event_type]


def test_since_as_an_adverb_leaves_the_happening_before_it():
    text = "The envoy, who resigned as minister in 2007 and has since mediated several disputes, arrived on Monday."
    assert _events(text) != ()


def test_more_victims_placed_elsewhere_are_the_lead_news():
    text = ("Eight workers were killed in a blast at a chemical plant in Ostra on Monday.\n\n"
            "Three more labourers died in two clinics in Norvale, officials said.")
    assert [(e.event_type, e.date) for e in _events(text)] == [("incident", date(2024, 5, 6))]


def test_another_happening_of_another_kind_elsewhere_stays_apart():
    text = "Floods killed ten people in the north on Monday.\n\nA landslide buried houses in a village in the east."
    assert [e.event_type for e in _events(text)] == ["incident", "incident"]


@pytest.mark.parametrize("text", [
    "About 1,500 civilians have been killed in the violence, a rights group said.",
    "More than 500 people have died in the conflict, officials said.",
    "The war has killed more than 10,000 civilians.",
])
def test_the_toll_of_a_long_running_conflict_is_no_happening(text):
    assert [e.evidence for e in _events(LEAD + text)] == [LEAD.strip()]


def test_the_toll_of_a_civil_war_named_by_a_possessive_is_no_happening():
    text = "Troops raided a rebel hideout in the hills on Monday, the army said.\n\n" \
           "The nearly three years into Norland's civil war have killed more than 10,000 people."
    assert [e.event_type for e in _events(text)] == ["operation"]


@pytest.mark.parametrize("text", [
    "Five soldiers were killed in the conflict zone on Monday.",
    "At least 12 people were killed in election violence in the city, police said.",
])
def test_a_casualty_report_with_its_day_or_its_own_kind_is_a_happening(text):
    assert [e.event_type for e in _events(text)] == ["incident"]


@pytest.mark.parametrize("text", [
    "Both countries have held six rounds of talks.",
    "The two sides have held several meetings on the issue.",
])
def test_a_count_of_encounters_is_no_single_one(text):
    assert [e.evidence for e in _events(LEAD + text)] == [LEAD.strip()]


def test_a_running_total_that_opens_the_article_is_its_news():
    assert [e.event_type for e in _events("Nearly 20,000 civilians have been evacuated from the region since May.")] \
        == ["humanitarian"]


def test_a_count_of_encounters_on_a_named_day_is_a_happening():
    assert [e.event_type for e in _events("The two leaders held three rounds of talks on Monday.")] == ["meeting"]


def test_talks_with_the_sides_of_a_call_are_the_call():
    text = ("Foreign Minister Annalena Baerbock on Tuesday held telephone talks with Sergey Lavrov.\n\n"
            "During Tuesday's talks with Lavrov, Baerbock raised the fate of the detained journalists.")
    assert [(e.event_type, e.date) for e in _events(text)] == [("call", date(2024, 5, 7))]


def test_a_referring_mention_of_the_other_kind_is_the_latest_strike_however_far_back():
    filler = " ".join(["The district has long been a stronghold of the rebels, residents said."] * 6)
    text = (f"Troops killed two rebels in a raid on a hideout in the hills on Tuesday.\n\n{filler}\n\n"
            "The police said no civilians were hurt during the exchange of fire.")
    assert [e.event_type for e in _events(text)] == ["operation"]


def test_an_outcome_told_as_a_result_is_the_happening_just_reported():
    text = ("Troops shelled the village of Ostra on Monday, officials said.\n\n"
            "As a result, two Armenian soldiers were wounded.")
    assert [(e.event_type, e.date) for e in _events(text)] == [("operation", date(2024, 5, 6))]


def test_a_lead_that_names_the_happening_as_known_is_the_one_told_next_with_its_day():
    text = ("The Georgian Defence Ministry has denounced Russia, saying the unprovoked ceasefire violation near "
            "the border was a provocation.\n\nRussian troops attempted an attack on a border post on Wednesday "
            "evening, which Georgian guards repelled.")
    assert [(e.event_type, e.date) for e in _events(text)] == [("incident", date(2024, 5, 8))]


def test_a_happening_after_a_definite_noun_of_another_clause_is_no_reference_to_it():
    filler = " ".join(["The district has long been a stronghold of the cartel, residents said."] * 6)
    text = (f"Troops raided a cartel hideout in the city of Ostra on Monday, arresting its leader.\n\n{filler}\n\n"
            "Within hours of the raid, armed men blocked roads across the city and set cars on fire.")
    assert [e.event_type for e in _events(text)] == ["operation", "incident"]


def test_the_lead_stays_the_evidence_when_a_later_sentence_tells_it_again_with_its_day():
    text = ("Two passenger trains have derailed in the north, killing 40 people, officials said.\n\n"
            "A goods wagon is believed to have derailed before being hit by a passenger train late on Friday, the operator said.")
    events = _events(text, published=date(2024, 5, 11))
    assert [(e.event_type, e.date) for e in events] == [("incident", date(2024, 5, 10))]
    assert events[0].evidence.startswith("Two passenger trains")


def test_a_rate_in_what_was_agreed_is_no_statistic_of_the_agreement():
    text = "The fishing nations reached an agreement to reduce catches by 2.5 million tonnes a year, the ministry said on Sunday."
    assert [e.event_type for e in _events(text)] == ["agreement"]
    assert _events("The agency says an average of 40 trucks a day entered the territory last month.") == ()
    assert _events("On average, 12 people are killed on the region's roads every day.") == ()


def test_talks_told_as_weeks_of_them_are_a_period_not_one_meeting():
    text = "The two delegations signed a permanent ceasefire agreement on Friday following weeks of talks in Geneva."
    assert [e.event_type for e in _events(text)] == ["agreement"]
    text = "The two sides agreed on a truce on Friday after two days of talks in Geneva."
    assert "meeting" in [e.event_type for e in _events(text)]


@pytest.mark.parametrize("text, happenings", [
    ("The accord provides for holding regular meetings of the joint commission in both capitals.", []),
    # the envoy's journey is a visit of his own (an office as the subject names a person); the talks it prepares are none
    ("The envoy travelled to the region to make arrangements for holding talks between the two factions.", ["visit"]),
])
def test_what_a_text_provides_for_or_a_plan_prepares_is_no_happening(text, happenings):
    assert [e.event_type for e in _events(text)] == happenings


def test_the_headline_of_another_story_below_the_article_makes_no_event():
    text = ("A fire at a shoe factory in Pakistan killed 25 people on Tuesday, officials said.\n\n"
            "Firefighters battled the blaze for hours.\n\nTop Stories\n\nXi Jinping meets Joe Biden in San Francisco"
            "\n\nMinister upbeat on recovery from the storm")
    assert [e.event_type for e in _events(text)] == ["incident", "other"]  # the firefighting: "other" since session 23


def test_a_headline_above_the_lead_and_a_sentence_below_it_still_report():
    text = ("Mine blast kills 18 in the north\n\nA blast at a coal mine in Velm killed 18 miners on Tuesday, officials "
            "said.\n\nSeparately, a fire at a shoe factory in the port killed two workers on Wednesday.")
    assert [e.event_type for e in _events(text)] == ["incident", "incident"]


def test_a_long_line_the_page_cut_short_still_reports():
    text = ("Ana Moro met Ivo Sander in Velm on Tuesday, the ministry said.\n\nThe two sides discussed trade.\n\n"
            "For his part, Xi Jinping also received the visiting commander and his delegation at the headquarters of "
            "the air force in the capital on the same day and discussed ways to deepen coopera")
    assert [e.event_type for e in _events(text)][-1:] == ["meeting"]


def test_a_line_of_text_wrapped_at_a_fixed_width_still_reports():
    text = ("Ana Moro met Ivo Sander in Velm on Tuesday, the ministry said.\n\"We agreed on trade,\" she said.\n"
            "Prime Minister Li Qiang also met with Sander on Tuesday\nafternoon, discussing energy.")
    assert len([e for e in _events(text) if e.event_type == "meeting"]) == 2


def test_a_last_line_the_page_cut_short_still_reports():
    text = ("Ana Moro met Ivo Sander in Velm on Tuesday, the ministry said.\n\"We agreed on trade,\" she said.\n"
            "Prime Minister Li Qiang also met with Sander on Tuesday afternoon, discussing")
    assert len([e for e in _events(text) if e.event_type == "meeting"]) == 2


@pytest.mark.parametrize("text", [
    "At its meeting on Tuesday 7 May 2024, the Velm City Council endorsed the new waste plan.",
    "The Velm City Council endorsed the new waste plan at its meeting on Tuesday.",
])
def test_a_bodys_own_sitting_is_the_setting_of_its_decision_not_a_meeting(text):
    assert [e.event_type for e in _events(text)] == ["other"]


def test_a_lead_whose_happening_names_no_side_its_type_needs_takes_no_type_from_its_other_words():
    # a visit with no visitor the text names as a person: not typed an operation for "carried out"
    text = "The Velm Roads Board carried out surprise inspection visits to four road sites on Thursday."
    assert [e.event_type for e in _events(text)] == ["other"]



def test_a_part_of_the_happening_an_opener_names_is_the_happening_told_before_as_another_type():
    text = ("Mayor Ana Velmor opened a new clinic at the city hospital on Thursday.\n\n"
            "During her visit, the mayor toured the wards and inspected the kitchens.")
    assert [e.event_type for e in _events(text)] == ["other"]


def test_a_visit_the_article_told_stays_apart_from_what_its_opener_adds():
    text = ("Mayor Ana Velmor visited the city hospital on Thursday.\n\n"
            "During her visit, the mayor opened a new clinic.")
    assert sorted(e.event_type for e in _events(text)) == ["other", "visit"]


def test_a_toll_told_in_a_tv_interview_is_the_disaster_told_before_and_tv_is_no_place():
    text = ("A strong earthquake struck the mountain town of Ostra before dawn on Monday, killing more than 40 people.\n\n"
            "In a TV interview, Prime Minister Ana Velmor put the toll at more than 40 dead and 300 hurt.")
    assert [(e.event_type, e.location) for e in _events(text)] == [("incident", None)]  # no place named "in ..."


def test_a_lead_followed_on_its_line_by_a_caption_of_its_own_stays_the_lead():
    # the credit covers the name before it, not the full sentence before that on the line
    text = ("Velm: The high court on Thursday sentenced former minister Ana Moro to three years in prison in a graft case. "
            "Former minister Ana Moro (Wire Photo)\n\n"
            "Justice Ivo Sander, who read out the order, said the minister could appeal within 30 days.")
    assert [(e.event_type, e.evidence[:32]) for e in _events(text)] == [("other", "Velm: The high court on Thursday")]


@pytest.mark.parametrize("text", [
    "Firefighters put out the blaze shortly before midnight.",
    "Fire crews fought the fire at the depot for six hours on Monday.",
])
def test_a_fire_fought_is_typed_other_as_annotators_list_it(text):
    assert [e.event_type for e in _events(text)] == ["other"]


def test_compensation_for_the_victims_families_is_typed_other_as_annotators_list_it():
    text = ("A gas blast killed four people in Velm on Monday.\n\n"
            "The mayor announced compensation of 2,000 dollars for the families of the dead.")
    assert [e.event_type for e in _events(text)] == ["incident", "other"]


@pytest.mark.parametrize("text", [
    "The two foreign ministers held talks on 3 March in Velm.",
    "The envoys held consultations in March on the border.",
])
def test_the_month_of_march_after_held_is_no_protest_march(text):
    assert [e.event_type for e in _events(text)] == ["meeting"]
