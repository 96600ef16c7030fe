"""One happening, one event: the rules of data/same_happening.yaml and the mentions that refer back to a
happening already reported (made-up texts)."""

from datetime import date

from article_events import events_of as _events, types_of as _types

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
