"""One happening, one event: the rules of data/same_happening.yaml and the mentions that refer back to a
happening already reported (made-up texts)."""

from datetime import date

import pytest

from article_events import events_of as _events, types_of as _types
from timeline.events import sideline_gathering
from timeline.resources import load
from timeline.triggers import vocabulary

RULES = load("same_happening.yaml")

MEETING = "On Monday, Foreign Minister Annalena Baerbock met with Sergey Lavrov in Geneva.\n\n"


def test_what_the_ministers_agreed_after_their_meeting_adds_to_the_meeting():
    assert _types(MEETING + "Both ministers agreed to restore direct flights.") == ["meeting"]
    assert _types(MEETING + "They also agreed to continually exchange delegations.") == ["meeting"]


def test_a_ceasefire_or_a_document_agreed_after_a_meeting_stays_an_agreement():
    assert _types(MEETING + "Both ministers agreed to a ceasefire in the region.") == ["meeting", "agreement"]
    assert _types(MEETING + "The two ministers also signed a memorandum on trade.") == ["meeting", "agreement"]
    assert _types(MEETING + "Following the talks, the ministers signed a plan of consultations.") == ["meeting", "agreement"]


def test_an_agreement_with_a_day_of_its_own_stays_an_event():
    text = MEETING + "Both ministers agreed on Wednesday to restore direct flights."
    assert _types(text) == ["meeting", "agreement"]


def test_talks_also_held_on_a_topic_are_the_meeting_reported_before():
    assert _types(MEETING + "The ministers also held talks on energy security.") == ["meeting"]


def test_talks_also_held_with_another_side_are_a_further_meeting():
    events = _events(MEETING + "Baerbock also held talks with Antony Blinken.")
    assert [(e.event_type, e.actors) for e in events] == [
        ("meeting", ("Annalena Baerbock", "Sergey Lavrov")), ("meeting", ("Annalena Baerbock", "Antony Blinken"))]


def test_a_document_also_signed_in_the_passive_is_a_further_agreement():
    text = ("Kenya and Uganda signed a trade agreement in Nairobi on Tuesday.\n\n"
            "A customs agreement was also signed by Kenya, Uganda and Tanzania.")
    assert [e.evidence[:9] for e in _events(text) if e.event_type == "agreement"] == ["Kenya and", "A customs"]


def test_the_undated_lead_keeps_its_day_against_an_older_month_of_the_same_happening():
    text = ("Norlund's government has agreed to sign an accord with the rebels.\n\n"
            "The two sides had almost reached a deal in January, before talks broke down.")
    assert [(e.event_type, str(e.date)) for e in _events(text)] == [("agreement", "2024-05-10")]


def test_a_standfirst_that_repeats_the_lead_is_the_same_visit():
    head = "Foreign Minister Annalena Baerbock begins her two-day visit to the U.S. on Monday"
    text = f"{head}\n\n{head} at the invitation of Antony Blinken. It is her first visit under President Joe Biden."
    events = _events(text)
    assert [(e.event_type, e.date) for e in events] == [("visit", date(2024, 5, 6))]
    assert events[0].evidence.startswith(head + " at the invitation")


def test_an_undated_casualty_clause_is_the_strike_reported_just_before():
    text = ("Missiles struck a market in the town on Monday, killing four people, officials said.\n\n"
            "The monitor said two sets of strikes an hour apart targeted a busy market, killing four shoppers.")
    assert [(e.event_type, e.date) for e in _events(text)] == [("operation", date(2024, 5, 6))]


def test_a_later_sentence_about_an_earthquake_named_as_background_is_its_evidence():
    text = ("Rescue teams from Germany have departed to the region following a devastating earthquake that hit "
            "the south.\n\nThe earthquake has affected ten cities and claimed 300 lives, officials said.")
    quake = [e for e in _events(text) if e.event_type == "incident"]
    assert [(e.evidence[:14], e.actors) for e in quake] == [("The earthquake", ())]


def test_the_lead_stays_the_evidence_when_a_later_sentence_only_dates_it():
    text = ("Eight police officers are dead in the north after gunmen ambushed their convoy.\n\n"
            "The killing of the eight officers on Thursday sparked a manhunt.")
    events = _events(text)
    assert [(e.event_type, e.date) for e in events] == [("incident", date(2024, 5, 9))]
    assert events[0].evidence.startswith("Eight police officers")


def test_a_later_sentence_that_reports_the_happening_with_its_day_is_the_evidence():
    text = ("Five people have been arrested after police raided addresses across the town.\n\n"
            "Officers executed warrants at four properties on Thursday, seizing cash.")
    raid = [e for e in _events(text) if e.event_type == "operation"]
    assert [(e.date, e.evidence[:8]) for e in raid] == [(date(2024, 5, 9), "Officers")]


def test_an_aid_convoy_hit_by_an_attack_is_its_target_not_a_delivery():
    text = "Troops struck a humanitarian aid convoy near the border on Monday, officials said."
    assert _types(text) == ["operation"]
    text += "\n\nThe attack on the food aid convoy lasted an hour, the agency said."
    assert _types(text) == ["operation"]


def test_an_aid_convoy_that_reached_a_town_after_shelling_is_a_delivery():
    text = "The town was shelled on Sunday, and an aid convoy reached it on Monday, officials said."
    assert "humanitarian" in _types(text)


LEAD_MEETING = "Foreign Minister Annalena Baerbock met with Sergey Lavrov in Geneva on Thursday.\n\n"


def test_a_meeting_the_same_day_with_a_counterpart_who_is_no_known_actor_is_another_meeting():
    for follow_up in ("On the same day, she met with the head of the Red Cross.",
                      "On the same day, Baerbock held a meeting with her Kenyan counterpart.",
                      "In the evening, Baerbock met with the Mayor of Lindenfeld, Ottokar Brandl."):
        events = _events(LEAD_MEETING + follow_up)
        assert [(e.event_type, e.date) for e in events] == [("meeting", date(2024, 5, 9))] * 2, follow_up
        assert events[1].evidence == follow_up


def test_a_counterpart_named_again_by_a_word_of_the_earlier_meeting_is_that_meeting():
    text = ("The defence ministers of Norland and Estavia held talks in Karst on Thursday, the ministry said.\n\n"
            "Norland's minister met with his Estavian counterpart Ivo Marek at the ministry building.")
    assert _types(text) == ["meeting"]
    text = LEAD_MEETING + "Baerbock met with the Russian minister in the old town hall."
    assert _types(text) == ["meeting"]


def test_a_meeting_on_a_topic_or_at_a_place_names_no_counterpart():
    assert _types(LEAD_MEETING + "The two ministers held talks on Ukraine and Gaza.") == ["meeting"]
    assert _types(LEAD_MEETING + "They met at the Palais des Nations.") == ["meeting"]


def test_a_disaster_told_again_with_its_day_and_another_country_is_one_incident():
    text = ("The clean-up after the devastating Cyclone Mara has begun, with New Zealand sending aid to the islands."
            "\n\nThe category 4 cyclone tore through Fiji on Wednesday night, destroying hundreds of homes.")
    incidents = [e for e in _events(text) if e.event_type == "incident"]
    assert [(e.date, e.evidence[:16]) for e in incidents] == [(date(2024, 5, 8), "The category 4 c")]


def test_another_disaster_of_the_kind_or_one_on_another_day_stays_apart():
    lead = "A powerful earthquake struck the eastern hills on Monday, killing 30 people.\n\n"
    for text, days in ((lead + "Another earthquake hit the same area on Wednesday, injuring ten.", 2),
                       (lead + "An earthquake had hit the hills on 2 March, killing four.", 2),
                       (lead + "The quake was felt across the border.", 1)):
        assert len([e for e in _events(text) if e.event_type == "incident"]) == days, text


def test_an_arrest_is_no_alert_of_the_catch_all_type():
    text = ("The republic put its troops on full alert on Tuesday, the defence ministry said.\n\n"
            "The president said police arrested 14 people in two northern villages.")
    events = [e for e in _events(text) if e.event_type in ("other", "operation")]
    assert [(e.event_type, e.evidence[:14]) for e in events] == [("other", "The republic p"), ("operation", "The president ")]


def test_an_agency_statement_quoted_in_the_lead_reports_its_news():
    text = ("Energy ministers discussed gas supplies, the ministry said\n\n"
            "\"Minister Annalena Baerbock held a working meeting with Sergey Lavrov. The parties discussed trade "
            "in the energy sector,\" the statement said.")
    assert [(e.event_type, e.actors) for e in _events(text)] == [("meeting", ("Annalena Baerbock", "Sergey Lavrov"))]


def test_a_statement_quoted_further_down_reports_its_news():
    text = ("Foreign ministers of the river states met in Velm on Monday.\n\n\"On behalf of their governments, the "
            "ministers signed a charter on river trade,\" the secretariat said in a statement.")
    assert _types(text) == ["meeting", "agreement"]


def test_a_straight_mark_after_a_word_closes_the_quotation_before_the_trigger():
    from types import SimpleNamespace

    from timeline.events import _quoted

    def quoted(text: str, words: str) -> bool:
        at = text.index(words)
        return _quoted(SimpleNamespace(sentence=SimpleNamespace(text=text),
                                       trigger=SimpleNamespace(start=at, end=at + len(words))))
    text = 'The water rose in an hour," said the mayor, who then visited the shelters.'
    assert not quoted(text, "visited")
    assert quoted('Nobody will be left behind and we visited every shelter," the mayor said.', "visited")


def test_a_speakers_own_words_quoted_in_the_lead_report_nothing():
    text = "\"We met the minister and she promised us a new well,\" a farmer said.\n\nThe village has had no water."
    assert _types(text) == []


def test_a_document_signed_again_by_its_definite_noun_is_the_signing_reported():
    lead = "The government and the rebel front have signed a truce in the capital on Sunday.\n\n"
    for follow_up in ("Chief negotiators from both sides signed the declaration late on Sunday night.",
                      "The defence minister signed the agreement on behalf of the cabinet."):
        assert _types(lead + follow_up) == ["agreement"], follow_up
    assert _types(lead + "The two sides also signed the declaration on border trade.") == ["agreement", "agreement"]


def test_a_casualty_inside_the_operation_named_after_it_is_part_of_that_operation():
    lead = "Troops launched an operation against insurgents in the hills on Thursday.\n\n"
    assert _types(lead + "A soldier was also killed during the operation.") == ["operation"]
    assert _types(lead + "A soldier was killed in a landslide near the camp.") == ["operation", "incident"]


def test_a_happening_told_as_weeks_of_fighting_is_a_period_not_one_incident():
    text = ("The rival groups signed a ceasefire in the capital on Monday.\n\n"
            "The truce comes after nearly five weeks of heavy clashes that left over 80 people dead.")
    assert _types(text) == ["agreement"]
    assert _types("Fierce clashes broke out in the town on Monday, officials said.") == ["incident"]


def test_a_happening_told_as_done_earlier_inside_its_trigger_is_another_happening():
    text = ("Police rescued four villagers after an ambush on the kidnappers on Sunday.\n\n"
            "Meanwhile, the attackers had earlier shot and killed a farmer in a neighbouring hamlet.")
    assert [e.evidence[:9] for e in _events(text) if e.event_type == "incident"][-1:] == ["Meanwhile"]


def test_a_mention_opened_by_another_day_in_an_undated_article_is_another_happening():
    text = ("Armed men raided the settlement on July 8 and abducted 60 people, a police spokesman said.\n\n"
            "On Monday, 9 police officers were killed in the province when bandits attacked their patrol.")
    assert [e.evidence[:8] for e in _events(text, None)] == ["Armed me", "On Monda"]
    text = text.replace("On Monday, 9", "On July 8, 9")
    assert len(_events(text, None)) == 1


def test_an_encounter_with_a_day_of_its_own_at_another_place_is_another_encounter():
    text = ("Antony Blinken was also received by President Emmanuel Macron in Paris, the statement said.\n\n"
            "Late last month, the heads of the two railway companies met in the port of Rotterdam and agreed on tariffs.")
    meetings = [e for e in _events(text) if e.event_type == "meeting"]
    assert [e.evidence[:8] for e in meetings] == ["Antony B", "Late las"]


def test_the_two_ministers_of_a_relative_clause_are_the_people_of_their_own_sentence():
    lead = "Foreign Minister Wang Yi met Kenyan President William Ruto in Nairobi on Friday.\n\n"
    text = lead + "Wang Yi also held a meeting with counterpart Musalia Mudavadi, at which the two ministers discussed trade."
    assert [e.actors for e in _events(text)] == [("Wang Yi", "William Ruto"), ("Wang Yi", "Musalia Mudavadi")]
    earlier = lead + "Wang Yi told reporters after the talks that the two leaders had agreed to meet again."
    assert "William Ruto" in _events(earlier)[-1].actors


def test_also_goes_on_from_the_happening_before_the_sentence_not_from_a_visit_in_its_aside():
    lead = "Foreign Minister Wang Yi met Kenyan President William Ruto in Nairobi on 10 May 2024.\n\n"
    for aside in ("who is on a two-day visit to the country", "on a two-day visit to the country"):
        text = lead + f"Wang Yi, {aside}, also held a meeting with counterpart Musalia Mudavadi."
        meetings = [e for e in _events(text, None) if e.event_type == "meeting"]
        assert [str(e.date) for e in meetings] == ["2024-05-10", "2024-05-10"], aside


def test_a_sentence_opened_by_meanwhile_tells_another_happening():
    text = ("A car bomb killed 22 people in the capital on Monday, police said.\n\n"
            "Meanwhile, three people were killed by a roadside bomb in the south.")
    assert _types(text) == ["incident", "incident"]
    text = "Gunmen killed 22 people in the capital on Monday.\n\nPrior to this, a car bombing had killed two guards."
    assert _types(text) == ["incident", "incident"]


def test_a_sentence_opened_by_later_tells_a_further_happening_of_the_same_type():
    text = ("The governor opened a new district hospital in Velm on Monday.\n\n"
            "Later, he opened three rural health posts in the hills above the town.")
    assert [e.evidence[:5] for e in _events(text) if e.event_type == "other"] == ["The g", "Later"]


def test_a_sentence_opened_by_meanwhile_may_still_name_the_happening_reported():
    text = ("A car bomb killed 22 people in the capital on Monday, police said.\n\n"
            "Meanwhile, officials said three more people were killed in the attack.")
    assert _types(text) == ["incident"]


def test_earlier_on_another_weekday_in_an_undated_article_is_another_happening():
    text = ("At least 11 villagers were killed on Wednesday when a bomb exploded at a market in the north.\n\n"
            "Earlier on Tuesday, 30 villagers were killed when a bomb exploded at a bus station.")
    assert [e.evidence[:8] for e in _events(text, published=None)] == ["At least", "Earlier "]


def test_a_caption_under_an_agency_credit_reports_nothing():
    caption = "Jane Roe, AFP | Families walk beside lorries carrying food aid that reached the village on Monday."
    assert "humanitarian" in _types(caption.split("| ", 1)[1])
    assert _types(MEETING + caption) == ["meeting"]


def test_the_hosts_who_welcomed_a_visitor_tell_the_same_visit():
    lead = "Kenyan President William Ruto arrived in Accra on Monday for a three-day state visit to Ghana.\n\n"
    welcomed = lead + "Ruto was warmly welcomed at the airport by Ghanaian President Nana Akufo-Addo and his ministers."
    assert [(e.event_type, e.actors) for e in _events(welcomed)] == [("visit", ("William Ruto", "Ghana"))]
    other = lead + "Nigerian President Bola Tinubu was welcomed at the airport by Ghanaian President Nana Akufo-Addo."
    assert _types(other) == ["visit", "visit"]


def test_a_visit_and_talks_told_by_two_verbs_are_two_events():
    text = "Indian Prime Minister Narendra Modi arrived in Tokyo on Monday on an official visit and held talks with Fumio Kishida."
    assert [(e.event_type, e.actors) for e in _events(text)] == [
        ("visit", ("Narendra Modi", "Japan")), ("meeting", ("Narendra Modi", "Fumio Kishida"))]


def test_the_side_of_a_second_verb_is_not_the_visitor():
    text = "Modi arrived in Tokyo on Monday and held talks with Fumio Kishida."
    assert [e.event_type for e in _events(text)] == ["meeting"]


def test_a_bilateral_meeting_of_two_of_three_people_met_is_a_meeting_of_its_own():
    text = ("Prime Minister Narendra Modi, on an official visit to Japan, met Emperor Naruhito and his counterpart "
            "Fumio Kishida.\n\nFollowing a bilateral meeting between Modi and Kishida this morning, officials of the "
            "two countries signed a rail agreement.")
    meetings = [e for e in _events(text) if e.event_type == "meeting"]
    assert [e.actors for e in meetings] == [("Narendra Modi", "Emperor Naruhito", "Fumio Kishida"),
                                            ("Narendra Modi", "Fumio Kishida")]
    assert meetings[0].evidence.startswith("Prime Minister Narendra Modi, on an official visit")


def test_talks_of_the_same_two_people_are_the_meeting_reported_before():
    text = ("Prime Minister Narendra Modi met his counterpart Fumio Kishida in Tokyo on Monday.\n\n"
            "The bilateral meeting between Modi and Kishida lasted two hours.")
    assert _types(text) == ["meeting"]


def test_a_quoted_name_that_closes_inside_the_trigger_is_no_quotation():
    text = ('Kenya and Ghana held talks in Nairobi on Monday.\n\nThe "Nairobi Declaration" was later signed by '
            "Kenyan President William Ruto and Ghanaian President Nana Akufo-Addo.")
    assert _types(text) == ["meeting", "agreement"]
    speech = 'Kenya and Ghana held talks in Nairobi on Monday.\n\n"We signed nothing at all," the minister said.'
    assert _types(speech) == ["meeting"]


def test_a_month_that_holds_the_lead_day_does_not_blur_it():
    text = ("Kenyan President William Ruto has hosted Ugandan President Yoweri Museveni in Nairobi for the first time."
            "\n\nThe two leaders discussed trade and security.\n\nThe visit follows closer ties between the two "
            "countries. February saw successful talks between Ruto and Museveni in Kampala on rail links.")
    events = _events(text, date(2024, 2, 28))
    assert [(e.event_type, e.date, e.date_end) for e in events] == [("meeting", date(2024, 2, 28), None)]
    assert events[0].evidence.startswith("Kenyan President William Ruto has hosted")


def test_a_visit_years_before_the_lead_is_not_the_lead_visit():
    text = ("Chinese President Xi Jinping landed in Kathmandu to a rousing reception at the start of a state visit.\n\n"
            "Nepal has laid on such a reception before: an earlier generation of leaders greeted Jiang Zemin on a tour in 1996.")
    events = _events(text, date(2019, 10, 13))
    assert [(e.event_type, e.date, e.actors) for e in events][0] == ("visit", date(2019, 10, 13), ("Xi Jinping", "Nepal"))
    assert len(events) == 2


def test_a_happening_of_an_earlier_year_is_not_the_undated_lead_news():
    text = ("Harlow Motors is recalling some 40,000 of its delivery vans because a loose cable can disable the lights, "
            "the carmaker said.\n\nLast year the carmaker recalled 12,000 buses over faulty door sensors.")
    events = _events(text, date(2031, 5, 6))
    assert [(e.event_type, e.date) for e in events][0] == ("other", date(2031, 5, 6))
    assert len(events) == 2 and events[1].evidence.startswith("Last year")
    # the same lead told again this year stays one happening
    text = text.replace("Last year the carmaker recalled 12,000 buses over faulty door sensors.",
                        "The carmaker recalled the vans after tests showed the fault.")
    assert len(_events(text, date(2031, 5, 6))) == 1


def test_a_happening_months_before_the_undated_lead_is_not_the_lead_news():
    """The lead's undated news is of the page's day; a verdict of a month named in the next sentence, months before,
    is an earlier step of the case, not the lead told again with its day."""
    text = ("Three men convicted of defrauding pensioners have been sentenced to ten years each.\n\n"
            "A jury convicted the three of running a fake pension fund in March last year.")
    events = _events(text, date(2031, 9, 10))
    assert [(e.event_type, e.date) for e in events] == [("other", date(2031, 9, 10)), ("other", date(2030, 3, 1))]


def test_a_quotation_that_opens_after_the_trigger_leaves_the_happening_reported():
    """A strong trigger before a quotation that opens later in its sentence (and closes in the next) is no speaker's
    words: only a trigger after the opening mark is."""
    text = ("Heavy rain flooded the lower district on Monday, the provincial office said.\n\n"
            "Governor Ana Moro addressed a review meeting in the capital and said the district had suffered badly, "
            "\"We will rebuild every road. Nobody will be left behind.\"")
    assert [(e.event_type, e.actors) for e in _events(text)] == [("incident", ()), ("speech", ("Ana Moro",))]


def test_a_swearing_in_and_the_ballot_won_before_it_are_two_happenings():
    """Every oath-of-office trigger carries the label of the others, so that mentions of other labels stay apart: the
    swearing-in of a government is not the result of the vote that preceded it."""
    text = ("The head of state of Velmia has sworn in the new cabinet of the Civic Union.\n\n"
            "The Civic Union topped the poll on March 5, taking 40 of the 120 seats ahead of four rival parties.")
    events = _events(text, date(2031, 3, 20))
    assert [(e.event_type, e.date) for e in events] == [("other", date(2031, 3, 20)), ("other", date(2031, 3, 5))]


def test_subjects_of_their_own_clauses_doing_a_thing_of_one_type_are_a_happening_each():
    """A round-up of the day: each named subject held a rally of its own, with its own sides; two sides named in both
    clauses did their parts of one happening (an exchange of prisoners)."""
    text = ("Opposition leader Jane Roe held a rally in Velm, Governor John Doe held a rally in Dorra and Mayor Ana Moro "
            "held a rally in Kesh on Tuesday.")
    assert [(e.event_type, e.actors) for e in _events(text)] == [
        ("other", ("Jane Roe",)), ("other", ("John Doe",)), ("other", ("Ana Moro",))]
    swap = "Azerbaijan released 12 Armenian servicemen and Armenia freed two Azerbaijani soldiers at the border on Tuesday."
    assert _types(swap) == ["humanitarian"]
    # a subject of a subordinate clause tells the time or circumstance of the happening, or history: no round-up item
    history = ("Foreign Minister Jane Roe visited Velm on Monday, the first such trip since 2019, when Governor John Doe "
               "visited the port.")
    assert [(e.event_type, e.actors) for e in _events(history)] == [("visit", ("Jane Roe",))]


def test_a_happening_taken_as_known_by_its_sentence_took_place():
    """A weak noun opening its sentence as a definite subject, with its place after it and a verb of being, names a
    happening that took place though no sentence reported it; not one expected, nor one of a type told before."""
    pact = "Velmia and Dorra signed a trade pact on Friday.\n\n"
    assert _types(pact + "The attack on the border post was claimed by a rebel group.") == ["agreement", "incident"]
    assert _types(pact + "The attack on the border post is expected to delay the opening.") == ["agreement"]


def test_a_person_met_also_after_a_meeting_of_two_named_people_is_another_meeting():
    text = ("President Ivo Lind of Ruritania received Foreign Minister Ola Berg of Norland in Velm on Monday.\n\n"
            "The talks covered trade and transport links between Ruritania and Norland, the presidency said.\n\n"
            "Minister Berg met also with the Ruritanian Minister of Finance Ana Moro, and the two ministers signed "
            "a protocol on customs.")
    events = [(e.event_type, e.date) for e in _events(text, date(2030, 5, 7))]
    assert events == [("meeting", date(2030, 5, 6)), ("meeting", date(2030, 5, 6)), ("agreement", date(2030, 5, 6))]
    # the host met again is the same meeting
    again = text.replace("the Ruritanian Minister of Finance Ana Moro", "President Ivo Lind")
    assert [e.event_type for e in _events(again, date(2030, 5, 7))] == ["meeting", "agreement"]


def test_a_foreign_minister_met_as_a_counterpart_after_talks_with_the_sultan_is_another_meeting():
    text = ("King Abdullah II of Jordan received Turkish Foreign Minister Hakan Fidan in Amman on Monday."
            "\n\nThe king and the minister reviewed trade links and energy projects, the royal court said.\n\n"
            "King Abdullah and Fidan also went over the situation in the region.\n\n"
            "Fidan reached Amman early on Monday for a brief working visit.\n\n"
            "Shortly after arriving, Fidan met his Jordanian counterpart and the two reviewed regional affairs.")
    assert [e.event_type for e in _events(text, date(2017, 10, 2))] == ["meeting", "visit", "meeting"]


def test_a_sitting_told_in_a_having_clause_is_a_further_meeting_with_its_own_side():
    text = ("Indian Foreign Minister S. Jaishankar met Australian Prime Minister Anthony Albanese on Monday night, "
            "having sat down with his Australian counterpart, Penny Wong, that morning.")
    assert [(e.event_type, e.actors) for e in _events(text)] == [
        ("meeting", ("Subrahmanyam Jaishankar", "Anthony Albanese")), ("meeting", ("Subrahmanyam Jaishankar", "Penny Wong"))]
    text = "Kaja Kallas met Antony Blinken late on Monday, having sat down with Sergey Lavrov earlier in the day."
    assert [(e.actors, e.date) for e in _events(text)] == [
        (("Kaja Kallas", "Antony Blinken"), date(2024, 5, 6)), (("Kaja Kallas", "Sergey Lavrov"), date(2024, 5, 6))]


def test_an_operation_launched_in_response_is_not_the_attack_it_answers():
    text = ("Soldiers were ambushed near the border on Tuesday.\n\n"
            "In response, the army began a major operation on land and from the air.")
    assert _types(text) == ["incident", "operation"]
    meeting = MEETING + "Meanwhile, protesters gathered outside the ministry while the two ministers met."
    assert [e.event_type for e in _events(meeting)].count("meeting") == 1


def test_a_raid_by_bandits_told_after_a_rescue_by_troops_is_its_own_incident():
    text = ("Soldiers shot dead one gunman and freed more of the kidnapped pupils of a boarding school in the north.\n\n"
            "Gunmen stormed the school last Thursday and seized scores of pupils and four teachers.")
    events = _events(text, date(2024, 5, 13))
    assert [(e.event_type, e.date) for e in events] == [("operation", date(2024, 5, 13)), ("incident", date(2024, 5, 9))]


def test_a_gathering_named_again_by_a_definite_noun_is_the_gathering_reported():
    summit = "Leaders of the Coastal League gathered in Ravnia on Friday for the opening of the Coastal Leaders Meeting.\n\n"
    assert _types(summit + "The meeting runs this year under the banner 'Open Seas, Shared Ports'.") == ["conference"]
    assert _types(summit + "The summit was attended by the presidents of nine member states.") == ["conference"]
    video = "Foreign ministers of the Coastal League held a meeting via video conference on Monday to prepare the summit.\n\n"
    assert _types(video + "The meeting was hosted by the foreign minister of the rotating chair.") == ["call"]
    assembly = ("The UN General Assembly opened its annual debate on Tuesday with speeches from world leaders.\n\n"
                "Secretary-General Antonio Guterres opened the plenary session of the debate with an appeal for calm.")
    assert _types(assembly) == ["conference"]


def test_a_meeting_named_with_other_sides_or_set_apart_is_not_the_gathering_reported():
    text = MEETING + "The meeting between Baerbock and Antony Blinken took place in Berlin on Tuesday."
    assert _types(text) == ["meeting", "meeting"]
    summit = "Leaders of the Coastal League gathered in Ravnia on Friday for the opening of their annual summit.\n\n"
    assert _types(summit + "The first summit was held in Vell in 1998 under a different charter.") == ["conference", "conference"]


def test_a_casualty_told_inside_an_operation_is_that_operation():
    text = ("Officials confirmed the killing of six gunmen in a police operation in the border district on Monday.\n\n"
            "Police said they had launched an intelligence-led operation in the district after a tip-off.")
    assert [(e.event_type, e.date) for e in _events(text)] == [("operation", date(2024, 5, 6))]
    assert _types("Three soldiers died on Monday in a military operation against rebels in the hills.") == ["operation"]


def test_a_casualty_before_an_operation_named_apart_stays_an_incident():
    text = "Gunmen killed four villagers on Monday, days after a security operation in the district."
    assert "incident" in _types(text)


def test_what_residents_heard_or_saw_is_the_attack_reported():
    strike = "A missile strike killed two people and damaged a cathedral in the capital on Tuesday, officials said.\n\n"
    assert _types(strike + "Residents heard several blasts shortly before dawn, the mayor said.") == ["operation"]
    assert _types(strike + "Witnesses said they saw a huge blast near the main square.") == ["operation"]
    assert _types(strike + "Meanwhile, a car bomb exploded in the southern port, killing three.") == ["operation", "incident"]


def test_a_toll_told_after_the_lead_attack_is_that_attack():
    strike = "A missile strike hit a crowded market in the capital on Tuesday, officials said.\n\n"
    assert _types(strike + "Medics said 14 people were hurt, five of them children.") == ["operation"]
    assert _types(strike + "Residents heard several blasts shortly before dawn.\n\nThe mayor said 12 people were hurt.") == ["operation"]
    assert _types(strike + "Two soldiers were killed in a roadside bombing in the south.") == ["operation", "incident"]
    assert _types(strike + "In Vell, three people were killed on Monday.") == ["operation", "incident"]


def test_talks_held_by_the_two_presidents_before_a_signing_are_not_named_by_a_definite_noun():
    text = ("Kazakhstan and Uzbekistan signed a water agreement on Wednesday.\n\nThe Uzbek president, who arrived in "
            "Astana on Tuesday for a two-day visit, was also received by Kassym-Jomart Tokayev on Tuesday.\n\n"
            "The two presidents held talks in a small format and then with their delegations before the signing.")
    assert _types(text) == ["agreement", "visit", "meeting", "meeting"]


def test_a_headline_visit_to_a_city_is_the_visit_the_body_tells_with_its_day():
    text = ("Indian premier lands in Colombo on state visit\n\nIndian Prime Minister Narendra Modi landed in the "
            "capital on Monday at the start of a two-day state visit to Sri Lanka, officials said.")
    assert [(e.event_type, e.date) for e in _events(text)] == [("visit", date(2024, 5, 6))]


def test_a_hazard_named_as_the_plight_of_the_people_helped_is_no_incident():
    """'aid for those affected by the earthquake', 'the families of those who died in the floods', 'reviewed the
    cyclone situation', 'the response to the earthquake': the hazard says whom the news is for, it reports nothing."""
    assert "incident" not in _types("Two cargo planes carrying tents and blankets landed in Velm on Monday with "
                                    "supplies for those affected by the earthquake in the north.")
    assert "incident" not in _types("The governor announced cash grants for the families of those who died in the "
                                    "recent floods along the river.")
    assert "incident" not in _types("The premier toured two southern districts on Tuesday and reviewed the cyclone "
                                    "situation with local officials.")
    assert "incident" not in _types("The mayor thanked the volunteers of the region for their quick response to the "
                                    "earthquake.")
    assert "incident" not in _types("The ministry said a team of engineers would assess the damage caused by the "
                                    "cyclone.")
    assert "incident" not in _types("Officials handed out cash to relatives of people who died in the northern and "
                                    "coastal floods.")


def test_a_hazard_that_struck_stays_an_incident_beside_the_people_it_hit():
    assert _types("A strong earthquake struck the mountain province of Ostra on Friday, killing nine people.") == ["incident"]
    assert "incident" in _types("Aid reached families affected by the earthquake that struck the valley of Ostra on "
                                "Thursday night.")


def test_a_lead_whose_noun_is_the_subject_of_its_toll_stays_the_evidence():
    """'A car bombing ... has killed 23 people' reports the bombing as a verb would: a later sentence that names it
    again with its day ('The blast on Sunday evening ...') dates it and adds a detail, the lead stays the evidence."""
    text = ("A large car bombing in the rebel-held town of Ostra has killed at least 19 civilians, a monitor said.\n\n"
            "The blast on Sunday evening set shops on fire and overturned several cars along the main avenue.")
    events = _events(text)
    assert [(e.event_type, e.date) for e in events] == [("incident", date(2024, 5, 5))]
    assert events[0].evidence.startswith("A large car bombing")


def test_an_arrival_at_the_venue_of_a_gathering_is_part_of_that_gathering():
    talks = ("Leaders of nine island states held talks with US President Barack Obama at the university in Kingston on "
             "Thursday.\n\nObama's motorcade arrived at the University of the Islands shortly after noon for the talks.")
    assert _types(talks) == ["meeting"]
    summit = ("Queen Elizabeth II on Monday opened a regional summit of island states in Valletta.\n\nThe Queen "
              "arrived at the harbour conference centre at nine, ahead of the island premiers.")
    assert _types(summit) == ["conference"]


def test_an_arrival_at_an_airport_for_a_visit_stays_the_visit():
    text = ("Indian Prime Minister Narendra Modi arrived at Colombo's international airport on Sunday for a two-day "
            "state visit.\n\nHe held talks with President Ranil Wickremesinghe on Monday.")
    assert _types(text) == ["visit", "meeting"]


def test_a_visitor_received_at_the_airport_is_the_visit_not_a_meeting():
    text = ("Estarian President Ana Moro flew into Velm on Wednesday for a two-day state visit.\n\n"
            "Her Norlund host, President Ivo Sander, received his guest at the airport with a military band.")
    assert _types(text) == ["visit"]
    guest = ("Estarian President Ana Moro flew into Velm on Sunday for a state visit.\n\n"
             "President Moro was received by Norlund President Ivo Sander upon arrival at the presidential terminal.")
    assert _types(guest) == ["visit"]


def test_a_host_who_received_a_visitor_in_the_office_met_him():
    text = ("Estarian President Ana Moro flew into Velm on Wednesday for a two-day state visit.\n\n"
            "Her Norlund host, President Ivo Sander, received his guest at the palace on Thursday for talks on trade.")
    assert _types(text) == ["visit", "meeting"]


def test_a_reception_on_arrival_with_no_visit_reported_is_the_visit():
    assert _types("Norlund President Ivo Sander received Estarian President Ana Moro upon her arrival at the main "
                  "airport of Velm on Tuesday afternoon.") == ["visit"]
    assert _types("Estarian Foreign Minister Lia Kern held talks with Norlund President Ivo Sander in Velm late on "
                  "Tuesday, on her arrival in the capital.") == ["meeting"]


def test_a_count_of_people_displaced_with_no_day_of_its_own_is_a_toll():
    assert _types("Gunmen attacked a village in the north of Estavia on Monday, killing 12 people.\n\nMore than 3,000 "
                  "residents have been displaced, officials said.") == ["incident"]
    assert _types("Troops launched an offensive against rebels in the hills of Estavia on Monday.\n\nNearly 40,000 "
                  "people have fled the fighting, aid agencies said.") == ["operation"]


def test_people_who_fled_on_a_day_of_their_own_stay_a_happening():
    assert _types("Troops launched an offensive against rebels in the hills of Estavia on Monday.\n\nMore than 5,000 "
                  "villagers fled their homes on Wednesday as the fighting spread.") == ["operation", "humanitarian"]


def test_an_exodus_told_in_the_simple_past_stays_a_happening():
    assert _types("Troops launched an offensive against rebels in the hills of Estavia on Monday.\n\nMore than 8,000 "
                  "villagers fled the valley after the offensive.") == ["operation", "humanitarian"]



def test_aid_flights_that_land_at_different_airports_are_two_deliveries():
    text = ("Four cargo planes from Japan landed at the Pokhara air base on Tuesday with 100 tonnes of relief supplies "
            "for quake survivors.\n\nLikewise, a Japanese flight carrying tents, blankets and food arrived at "
            "Biratnagar Airport on Tuesday afternoon.")
    assert [e.event_type for e in _events(text)] == ["humanitarian", "humanitarian"]


def test_an_aid_flight_landing_in_the_country_the_aid_was_sent_to_is_the_same_delivery():
    text = ("Japan flew 100 tonnes of relief supplies to Nepal on Tuesday for quake survivors.\n\nA Japanese flight "
            "carrying tents, blankets and food arrived at Biratnagar Airport on Tuesday afternoon.")
    assert [e.event_type for e in _events(text)] == ["humanitarian"]


def test_another_raid_inside_the_verbs_own_words_is_a_further_operation():
    text = ("Troops raided a rebel camp in the north of Velmora on Thursday.\n\n"
            "The army said it carried out another raid on a hideout in the east on Thursday.")
    assert _types(text) == ["operation", "operation"]


def test_on_a_page_of_unknown_date_a_mention_told_at_another_time_is_another_happening():
    text = ("A former minister was sentenced to one year in prison on Monday for corruption.\n\n"
            "Sam Example was sentenced to nine years for bribery earlier this year.")
    assert [e.evidence[:6] for e in _events(text, None)] == ["A form", "Sam Ex"]
    text = ("Smugglers shot dead a border guard near the frontier yesterday.\n\n"
            "Violence between police and herders flared last November in the hills.")
    assert len(_events(text, None)) == 2


def test_on_a_page_of_unknown_date_a_mention_with_no_time_of_its_own_still_joins():
    text = ("A former minister was sentenced to one year in prison on Monday for corruption.\n\n"
            "The former minister was sentenced for taking a bribe from a builder.")
    assert len(_events(text, None)) == 1


def test_documents_named_by_other_names_are_two_signings():
    text = ("Regional leaders wrapped up their summit in Velm on Tuesday after signing the Velm Declaration on trade.\n\n"
            "Foreign ministers of Estaria and Norlund inked the Harbour Social Charter and a protocol on customs.")
    assert _types(text) == ["conference", "agreement", "agreement"]


def test_a_document_named_again_by_its_name_is_the_same_signing():
    text = "Regional leaders signed the Velm Declaration on trade on Tuesday.\n\nThe Velm Declaration was signed by nine leaders."
    assert _types(text) == ["agreement"]


@pytest.mark.parametrize("example", RULES["sideline_examples"], ids=lambda e: e["text"][:40])
def test_sideline_examples_name_their_gathering(example):
    span = sideline_gathering(example["text"], RULES, vocabulary())
    assert (example["text"][span[0] : span[1]] if span else None) == example["gathering"]


def test_the_gathering_on_whose_sidelines_the_news_meeting_took_place_is_a_conference_on_its_day():
    text = ("Ana Moro met Ivo Sander in Velm on Monday.\n\n"
            "The talks were held on the margins of a conclave of trade ministers from the Harbour Union.")
    assert [(e.event_type, e.date) for e in _events(text)] == [("meeting", date(2024, 5, 6)), ("conference", date(2024, 5, 6))]


def test_a_past_meeting_on_the_sidelines_of_a_summit_makes_no_conference():
    text = ("Ana Moro met Ivo Sander in Velm on Monday.\n\n"
            "The two had also met on 3 March on the sidelines of the River States summit in Norlund.")
    assert "conference" not in _types(text)


def test_a_casualty_of_an_operation_told_in_an_as_clause_is_that_operation():
    assert _types("Two gunmen were killed as commandos carried out a clearance operation in the hills on Monday.") \
        == ["operation"]


def test_a_killing_told_after_an_arrest_is_not_the_arrest():
    text = ("Police arrested two men in Velm on Monday in connection with the worst terror attack in the country's "
            "history.\n\nA militant group said it was behind the killing of nine guards during the siege.")
    assert _types(text) == ["operation", "incident"]


def test_on_a_page_of_unknown_date_a_raid_opened_by_its_own_day_is_not_the_arrests_reported_on_another():
    text = ("Police in Velmora detained 17 robbery suspects in the north, a spokesman said on Monday.\n\n"
            "Officers on Saturday shot dead three armed robbers during a gunfight at a farm near the border.")
    assert [e.event_type for e in _events(text, None)] == ["operation", "operation"]


def test_one_mention_told_on_several_days_listed_after_it_is_a_happening_each():
    text = ("Published 8 June 2025.\n\nOn the last days of her tour, Governor Ana Moro held rallies in three "
            "districts, Ardo on 4 June, Belmont on 5 June and Corvo on 6 June.")
    events = [e for e in _events(text, published=date(2025, 6, 8)) if e.event_type == "other"]
    assert sorted(str(e.date) for e in events) == ["2025-06-04", "2025-06-05", "2025-06-06"]


def test_a_meeting_on_two_days_with_two_counterparts_is_two_meetings_each_with_its_own():
    text = ("The Velmian foreign minister Ola Berg held talks on 3 March with Ruritanian President Ivo Lind, and "
            "on 4 March with Prime Minister Ana Moro.")
    events = _events(text, published=date(2025, 3, 5))
    assert [(str(e.date), "Ivo Lind" in e.actors, "Ana Moro" in e.actors) for e in events] == [
        ("2025-03-03", True, False), ("2025-03-04", False, True)]


def test_one_span_of_days_or_a_step_told_by_a_verb_of_its_own_is_not_split_by_its_days():
    one_span = "The ministers met in Velm on 3 March and 4 March to discuss the border."
    assert len(_events(one_span, published=date(2025, 3, 5))) == 1
    step = ("The two sides accepted the draft at a meeting in Velm on 3 March, and endorsed a second annex in the "
            "town of Dorra on 20 March.")
    assert len([e for e in _events(step, published=date(2025, 3, 25)) if str(e.date) == "2025-03-03"]) <= 1


def test_fresh_mentions_at_different_parts_of_one_day_are_two_happenings():
    text = ("Senator Ada Korr held a rally in the city's main square on Monday evening.\n\n"
            "A crowd of farmers gathered outside the town hall on Monday afternoon, waving placards.")
    assert [(e.event_type, str(e.date), e.evidence[:9]) for e in _events(text)] == [
        ("other", "2024-05-06", "Senator A"), ("other", "2024-05-06", "A crowd o")]


def test_mentions_at_one_part_of_a_day_or_over_a_night_and_its_morning_stay_one_happening():
    same_part = ("Senator Ada Korr held a rally in the city's main square on Monday evening.\n\n"
                 "Senator Ada Korr held a rally in the main square at 8 p.m. on Monday.")
    assert len(_events(same_part)) == 1
    night = ("Gunmen attacked a police post in Dera overnight, killing four officers.\n\n"
             "Gunmen attacked the police post in Dera at 2 a.m. on Thursday.")
    assert len(_events(night)) == 1


@pytest.mark.parametrize("words, part", [("on Monday afternoon", "afternoon"), ("at noon", "afternoon"),
                                         ("3 p.m. on Friday", "afternoon"), ("Thursday night", "night"),
                                         ("at 1 a.m. on Wednesday", "night"), ("on Monday", None)])
def test_the_part_of_a_day_is_read_from_the_clock_the_timeml_part_or_a_word(words, part):
    from timeline.event_joins import _day_part
    from timeline.temporal.tagger import tag
    assert _day_part(tag(words, date(2024, 5, 10))[0], RULES) == part
