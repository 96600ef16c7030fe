"""Trigger cues that must not drop a happening: a perfect trigger compared with the past ("for the first time
since"), a topic cue followed by a day ("the session on Tuesday began with an address")."""

import pytest
from article_events import types_of

from timeline.triggers import find_triggers, vocabulary

VOCAB = vocabulary()


def _types(sentence: str) -> set[str]:
    return {t.event_type for t in find_triggers(sentence, VOCAB) if t.strength == "strong"}


@pytest.mark.parametrize("sentence,event_type", [
    ("The food agency has delivered flour for the first time since 2019 to the besieged town.", "humanitarian"),
    ("The two ministers have held an in-person meeting for the first time since the trade row erupted.", "meeting"),
])
def test_a_perfect_compared_with_the_past_is_one_happening(sentence, event_type):
    assert event_type in _types(sentence)


@pytest.mark.parametrize("sentence,event_type", [
    ("The group has killed 40 soldiers since 2020.", "incident"),
    ("The envoy has met the rebel leaders several times this year.", "meeting"),
])
def test_a_perfect_summing_up_a_period_is_no_happening(sentence, event_type):
    assert event_type not in _types(sentence)


def test_a_topic_cue_followed_by_a_day_is_a_time_not_a_topic():
    assert "speech" in _types("The plenary session on Tuesday began with an address from the host premier.")
    assert "agreement" not in _types("The panel held a debate on the agreement signed in 2015.")


def test_an_opening_addressing_phrase_is_the_speech_itself():
    assert "speech" in _types("Addressing the closing session, the provincial governor said new roads would follow.")


def test_an_opening_speaking_phrase_only_adds_detail():
    assert "speech" not in _types("Speaking at the ceremony, the mayor said the bridge would open soon.")


def test_a_day_of_talks_before_the_trigger_is_no_rate():
    assert "agreement" in _types("After a day of talks, the ministers signed an accord on river transport.")
    assert "humanitarian" not in _types("About 40 aid trucks a day entered the city.")


def test_a_sentence_opened_by_meeting_somewhere_tells_the_meeting():
    assert "meeting" in _types("Meeting in Velm on Monday, the bloc's foreign ministers agreed to extend the sanctions.")
    assert "meeting" not in _types("Meeting with reporters, the minister said the talks would resume.")


def test_an_opening_phrase_that_names_the_happening_tells_it_as_news():
    # the opening noun was a weak trigger (a reference back), and the arrest it frames no event of its own
    assert types_of("In a joint operation, police arrested nine members of a smuggling ring on Wednesday.") == ["operation"]
    assert "operation" in types_of("In a coordinated, covert operation, special police teams detained nine men.")


def test_an_opening_noun_with_words_after_it_is_no_news_opening():
    found = [t for t in find_triggers("In the operation, police arrested nine men.", VOCAB) if t.event_type == "operation"]
    assert all(t.strength == "weak" for t in found)


@pytest.mark.parametrize("sentence", [
    "The party won a landslide election victory in July.",
    "She was re-elected in a landslide victory on Sunday.",
])
def test_a_landslide_at_the_polls_is_no_disaster(sentence):
    assert "incident" not in _types(sentence)


def test_a_landslide_that_struck_is_still_a_disaster():
    assert "incident" in _types("A landslide buried six homes in the hill district on Monday.")
    assert "incident" in _types("Five people were killed in a landslide near the pass.")


def test_a_meeting_asked_for_is_not_held():
    assert "meeting" not in _types("The opposition leader has requested a meeting with the president.")
    assert "meeting" not in _types("The rebels sought a meeting with the mediators.")
    assert "meeting" in _types("The president held the requested meeting with the opposition leader on Monday.")


@pytest.mark.parametrize("sentence", [
    "Speaking at the closing ceremony, the host minister said tariffs would fall.",
    "Speaking at the plenary session, the envoy said the monitors were needed.",
    "Speaking on the occasion, a visiting governor praised the new port.",
])
def test_an_opening_speaking_phrase_at_a_part_of_a_gathering_is_the_speech_itself(sentence):
    assert "speech" in _types(sentence)


@pytest.mark.parametrize("sentence", [
    "Speaking to reporters after the meeting, the minister said the talks went well.",
    "Speaking at the ceremony, the minister said the bridge would help trade.",
])
def test_an_opening_speaking_phrase_elsewhere_adds_detail_only(sentence):
    assert "speech" not in _types(sentence)


def test_a_rate_in_a_relative_clause_after_the_trigger_tells_what_the_thing_does():
    assert "other" in _types("The city opened three night clinics that see children every day until midnight.")
    assert "humanitarian" not in _types("About 40 aid trucks a day entered the city.")


@pytest.mark.parametrize("sentence,event_type", [
    ("Polling stations across the island closed at 8 p.m., the commission said.", "other"),
    ("Fighting broke out again near the northern crossing, residents said.", "incident"),
])
def test_a_noun_in_ing_that_opens_a_sentence_is_its_subject_not_a_participle_phrase(sentence, event_type):
    assert event_type in _types(sentence)


def test_an_opening_participle_phrase_still_gives_a_weak_trigger():
    assert "speech" not in _types("Speaking at the dinner, the minister said taxes would fall.")
