"""Arrests, attacks and their tolls in security news: an arrest over an attack is the police operation, and the
attack told later, with its toll, is a happening of its own (data/events.yaml ``merge.no_attack_labels``; made-up
texts, published on Friday 10 May 2024)."""

from article_events import events_of

ARREST_OVER_AN_ATTACK = (
    "Police arrested two men on Monday in connection with the attack on a hotel in the capital.\n\n"
    "A militant group later said it was behind the killing of nine guests during the siege.\n\n"
    "Guests who were killed include two foreign tourists.")


def test_a_killing_told_after_an_arrest_over_it_is_the_attack_not_the_arrest():
    assert [e.event_type for e in events_of(ARREST_OVER_AN_ATTACK)] == ["operation", "incident"]


def test_a_toll_told_after_the_attack_joins_the_attack_not_the_lead_arrest():
    events = events_of(ARREST_OVER_AN_ATTACK)
    assert len(events) == 2 and "siege" in events[1].evidence and "Guests" not in events[0].evidence


def test_a_toll_after_a_lead_attack_still_joins_the_lead():
    text = ("Gunmen stormed a hotel in the capital on Monday, officials said.\n\n"
            "Guests who were killed include two foreign tourists.")
    assert [e.event_type for e in events_of(text)] == ["incident"]


def test_an_arrest_told_by_the_people_taken_is_an_operation_whoever_made_it():
    text = "The province's counter-terror unit on Tuesday arrested 12 alleged militants in the hills."
    assert [e.event_type for e in events_of(text)] == ["operation"]


def test_a_killing_on_a_day_of_its_own_after_a_lead_arrest_is_another_operation():
    text = ("Police said on Thursday that they had arrested 20 suspected members of the gang.\n\n"
            "Officers on Tuesday killed two suspected gang members in a shootout in the port city.")
    assert [e.event_type for e in events_of(text)] == ["operation", "operation"]


def test_a_seizure_without_a_day_of_its_own_after_a_lead_arrest_stays_in_it():
    text = ("Police said on Thursday that they had arrested 20 suspected members of the gang.\n\n"
            "Officers also seized explosives and two rifles from the men, the spokesman said.")
    assert [e.event_type for e in events_of(text)] == ["operation"]
