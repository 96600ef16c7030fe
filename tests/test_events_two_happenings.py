"""Two happenings in one sentence: a clause timed against the sentence's own happening ("..., two days after gunmen
attacked a convoy") tells another one (data/same_happening.yaml ``counted_clause``; made-up texts, published on
Friday 10 May 2024)."""

from datetime import date

from article_events import events_of


def _found(text: str) -> list[tuple[str, date | None]]:
    return [(e.event_type, e.date) for e in events_of(text)]


def test_an_attack_two_days_before_a_raid_is_its_own_happening_on_its_own_day():
    text = "The army raided a rebel camp in the north on Wednesday, two days after gunmen attacked a police convoy."
    assert _found(text) == [("operation", date(2024, 5, 8)), ("incident", date(2024, 5, 6))]


def test_a_collapse_a_day_before_a_resignation_is_another_happening_of_the_same_type():
    text = "The interior minister of Velmora resigned on Friday, a day after the ruling coalition collapsed."
    assert _found(text) == [("other", date(2024, 5, 10)), ("other", date(2024, 5, 9))]


def test_drills_begun_hours_before_a_launch_are_their_own_operation_with_their_own_sides():
    text = "North Korea fired a ballistic missile into the sea on Monday, hours after South Korea and the United " \
           "States began joint drills."
    events = events_of(text)
    assert [(e.event_type, e.date) for e in events] == [("operation", date(2024, 5, 6))] * 2
    assert "South Korea" not in events[0].actors and "North Korea" not in events[1].actors
    assert "South Korea" in events[1].actors


def test_talks_of_others_a_week_before_a_meeting_are_a_further_meeting():
    text = "Emmanuel Macron met Olaf Scholz in Berlin on Tuesday, a week after Annalena Baerbock held talks with " \
           "Sergey Lavrov in Geneva."
    events = events_of(text)
    assert [(e.event_type, e.date) for e in events] == [("meeting", date(2024, 5, 7)), ("meeting", date(2024, 4, 30))]
    assert set(events[0].actors) == {"Emmanuel Macron", "Olaf Scholz"}
    assert set(events[1].actors) == {"Annalena Baerbock", "Sergey Lavrov"}


def test_an_opening_clause_timed_against_the_news_tells_the_earlier_storm_with_no_day_of_the_news():
    text = "Barely a week after a cyclone battered the coast, a second cyclone made landfall on Thursday."
    assert _found(text) == [("incident", date(2024, 5, 9)), ("incident", None)]


def test_a_happening_some_days_before_has_no_day_of_the_sentence():
    text = "Protesters gathered outside parliament in Velm on Sunday, days after lawmakers passed a new tax law."
    assert _found(text) == [("other", date(2024, 5, 5)), ("other", None)]


def test_a_noun_naming_the_earlier_happening_makes_no_second_event():
    assert _found("The army raided a rebel camp on Wednesday, two days after the attack on the convoy.") \
        == [("operation", date(2024, 5, 8))]


def test_a_gerund_retelling_the_subjects_day_before_makes_no_second_event():
    text = "Emmanuel Macron met Olaf Scholz in Berlin on Tuesday, a day after meeting Giorgia Meloni in Rome."
    assert [e.event_type for e in events_of(text)] == ["meeting"]


def test_a_plan_in_the_clause_makes_no_second_event():
    assert _found("The army raided a rebel camp on Wednesday, two days after it said it would launch an offensive.") \
        == [("operation", date(2024, 5, 8))]
    assert [e.event_type for e in events_of("Emmanuel Macron met Olaf Scholz on Tuesday, a day before they are due "
                                            "to sign a trade pact.")] == ["meeting"]


def test_a_happening_that_came_a_day_after_another_is_timed_against_it_as_before():
    text = "Gunmen killed four guards at a border post on Monday.\n\nThe attack came a day after rebels shelled a " \
           "market in the town."
    assert _found(text) == [("incident", date(2024, 5, 6)), ("incident", date(2024, 5, 5))]


def test_talks_before_an_agreement_and_remarks_after_a_meeting_stay_as_they_were():
    assert [e.event_type for e in events_of("After talks in Velm, the two leaders signed a trade agreement on "
                                            "Tuesday.")] == ["agreement"]
    assert events_of("After the meeting, the foreign minister said the two sides were close to a deal.") == ()


def test_the_earlier_happening_of_the_lead_told_again_as_what_the_news_came_after_is_one_event():
    text = "Two guards died in an attack on a border post in Velmora on Tuesday, a day after rebels killed ten " \
           "soldiers in Estaria, officials said.\n\nThe attack came a day after the rebels killed ten soldiers at " \
           "an army base near the border."
    assert _found(text) == [("incident", date(2024, 5, 7)), ("incident", date(2024, 5, 6))]


def test_a_happening_timed_against_another_says_how_far_from_it_in_words():
    text = "Gunmen killed four guards at a border post on Monday.\n\nThe attack came a day after rebels shelled a " \
           "market in the town.\n\nTroops raided the rebels' camp hours after the attack."
    bases = [e.date_basis for e in events_of(text)]
    assert "is 1 day before the incident of 2024-05-06" in bases[1]


def test_two_steps_of_a_case_each_told_at_its_own_time_are_two_happenings():
    text = "Sam Example was arrested in May 2021 and pleaded guilty in March to fraud charges."
    assert _found(text) == [("operation", date(2021, 5, 1)), ("other", date(2024, 3, 1))]


def test_a_gathering_that_opened_and_closed_on_two_days_stays_one():
    text = "The river states summit opened in Velm on Monday and closed on Tuesday with a joint declaration."
    assert [t for t, _ in _found(text)].count("conference") == 1


def test_on_a_page_of_unknown_date_a_step_told_at_a_time_no_calendar_places_takes_no_other_steps_day():
    text = "Sam Example was arrested in May 2021 and pleaded guilty in March to fraud charges."
    assert [(e.event_type, e.date) for e in events_of(text, None)] == [("operation", date(2021, 5, 1)), ("other", None)]


def test_a_raid_told_after_an_opening_after_the_attack_is_a_happening_of_its_own():
    # the opening "After the attack," names what came before the news (data/events.yaml grammar.sequel_openers): its
    # determiner does not make the raid a mention of the attack
    text = "Gunmen attacked a bus near the northern border on Tuesday.\n\nAfter the attack, police raided three " \
           "houses in the border town."
    assert [e.event_type for e in events_of(text)] == ["incident", "operation"]


def test_a_shooting_named_in_the_opening_leaves_the_sentence_its_own_operation():
    # of the operation and incident triggers of one sentence only the first is kept, the first after such an opening
    text = "Gunmen opened fire on a police patrol near the river on Tuesday.\n\nFollowing the shooting, customs " \
           "officers seized 300 kilograms of cocaine from a truck at the crossing."
    assert [e.event_type for e in events_of(text)] == ["incident", "operation"]


def test_a_time_clause_with_a_subject_of_its_own_tells_a_second_happening_of_the_same_type():
    text = "Dock workers in Dorra went on strike on Monday after the port operator announced plans to shed 400 jobs."
    assert [e.event_type for e in events_of(text)] == ["other", "other"]


def test_fighting_that_broke_out_when_rebels_attacked_is_two_happenings():
    text = "Fighting broke out in Velm on Tuesday when rebels attacked an army post on the edge of the town."
    assert [e.event_type for e in events_of(text)] == ["incident", "incident"]


def test_a_casualty_told_in_the_passive_with_its_cause_is_one_happening():
    assert [e.event_type for e in events_of("Six people were injured on Sunday when a bus overturned near Velm.")] \
        == ["incident"]


def test_a_time_clause_whose_subject_is_a_pronoun_adds_no_happening():
    text = "Fighting broke out in Velm on Tuesday when they attacked an army post on the edge of the town."
    assert [e.event_type for e in events_of(text)] == ["incident"]


def test_an_as_clause_describes_the_head_and_adds_no_happening():
    text = "Flash floods killed nine people in Velm on Sunday, as rivers burst their banks."
    assert [e.event_type for e in events_of(text)] == ["incident"]
