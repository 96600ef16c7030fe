"""A sentence that only says who else was at the happening just told reports none of its own: its people join that
event, and no fallback guesses a further one from it; one that names a further happening as new ("attended a
reception") still may (made-up texts; data/participants.yaml ``attendance``, ``attendance_another``;
timeline/events.py ``_attendees_join``)."""

from datetime import date

import pytest

from article_events import events_of

LEAD = "Mayor Ana Moro opened the new river bridge in Velm on Saturday.\n\n"


@pytest.mark.parametrize("text, joined", [
    ("Councillor Ivo Sander, wife of the former governor Tom Odhi, also attended.", "Ivo Sander"),
    ("Governor Tom Odhi and Bishop Ivo Sander took part on Saturday.", "Tom Odhi"),
])
def test_who_else_was_there_joins_the_happening_and_makes_no_guess(text, joined):
    events = events_of(LEAD + text, published=date(2024, 5, 13))
    assert [e.evidence for e in events] == [LEAD.strip()]
    assert joined in events[0].actors


@pytest.mark.parametrize("text", [
    "Councillor Ivo Sander, wife of the former governor Tom Odhi, also attended.",
    "Among the guests was Ivo Sander, the eldest son of Bishop Tom Odhi, who attended with friends.",
])
def test_a_person_named_only_as_the_kin_of_one_there_does_not_join(text):
    events = events_of(LEAD + text, published=date(2024, 5, 13))
    assert "Ivo Sander" in events[0].actors and "Tom Odhi" not in events[0].actors


def test_a_happening_told_five_sentences_before_its_guest_list_gets_the_guests():
    text = (LEAD + "The bridge took four years to build. It crosses the river at its widest point. "
            "Engineers tested it last month. It carries two lanes.\n\n"
            "Governor Tom Odhi and Councillor Ivo Sander were also present.")
    events = events_of(text, published=date(2024, 5, 13))
    assert {"Tom Odhi", "Ivo Sander"} <= set(events[0].actors)


def test_a_further_happening_named_as_new_after_an_attendance_verb_is_still_read():
    text = LEAD + "Governor Tom Odhi attended a reception at the town hall on Saturday evening."
    events = events_of(text, published=date(2024, 5, 13))
    assert len(events) == 2 and "Tom Odhi" not in events[0].actors


def test_a_list_of_participating_countries_joins_the_exercise_without_the_navy_s_own_country():
    text = ("The Peruvian Navy began a ten-day naval exercise off Callao on Monday.\n\n"
            "Participating countries include Peru, Chile and Ecuador.")
    events = events_of(text, published=date(2024, 5, 13))
    assert [e.actors for e in events] == [("Peruvian Navy", "Chile", "Ecuador")]


def test_a_list_of_a_bloc_s_members_joins_nothing():
    text = ("The Peruvian Navy began a ten-day naval exercise off Callao on Monday.\n\n"
            "Member countries include Peru, Chile and Ecuador.")
    events = events_of(text, published=date(2024, 5, 13))
    assert [e.actors for e in events] == [("Peruvian Navy",)]
