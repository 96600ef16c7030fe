"""How a happening is told: the forms news English gives it beyond the plain past tense of a verb (a noun in a time
clause, the passive, a meal in a guest's honour, a ministry's "received in his office"). Each made-up sentence
gives an event of its type as a page's lead and as a body sentence; the same words told as a plan or a back-reference
give none (session 17, vocab-b: the trigger entries under "# session 17, vocab-b" in data/events.yaml)."""

import pytest

from article_events import events_of

LEAD = "Heavy rain flooded dozens of villages in the south of the country on Thursday, officials said."

FOUND = [
    # a meeting told as a noun in a time clause (the trigger starts after "Following": no opening participle)
    ("Following a meeting with Raila Odinga at the town hall, William Ruto said ties had never been closer.", "meeting"),
    ("The three envoys released a short communique after a trilateral meeting in Nairobi on river traffic.", "meeting"),
    # a meal in a guest's honour; the Gulf press's "received in his office"
    ("William Ruto hosted a state banquet in honour of Raila Odinga and his delegation on Tuesday.", "meeting"),
    ("The army chief received in his office in Nairobi the visiting commander of the Tanzanian navy on Tuesday.", "meeting"),
    # clashes with "between" before their verb
    ("Clashes between police and protesters erupted in Nairobi on Tuesday.", "incident"),
    # a signing told as a noun; a summit's closing text in the passive
    ("The three-day trade fair closed with the signing of two supply contracts on Tuesday.", "agreement"),
    ("The outcome document of the water conference was adopted by consensus late on Friday.", "agreement"),
    # rescuers sent in the passive, no sender named
    ("Coast guard cutters and planes were dispatched on Tuesday to help in the rescue effort.", "humanitarian"),
    # arrests and laws in the passive, South Asian verbs of arrest
    ("The opposition leader was taken into custody on Tuesday.", "other"),
    ("Two suspects were nabbed by police in Nairobi on Tuesday.", "other"),
    ("The bill was passed by parliament on Tuesday.", "other"),
    ("New sanctions were imposed on three Tanzanian banks on Tuesday.", "other"),
]

NONE = [
    ("After the meeting with her host, the envoy flew home.", "meeting"),
    ("After his meeting with the king, the envoy flew home.", "meeting"),
    ("After meeting with the envoy, the minister flew home.", "meeting"),
    ("The embassy hosted a reception in honour of the national day on Tuesday.", "meeting"),
    ("The minister received at her office a letter from the striking nurses.", "meeting"),
    ("The final document of the summit is to be signed by the leaders on Friday.", "agreement"),
    ("The bill must be passed by parliament before the summer.", "other"),
    ("Police picked up the bodies from the river bank.", "other"),
]

# an arrest is typed as the operation it belongs to when no other side is named
ALSO = {"other": {"other", "operation"}, "meeting": {"meeting", "conference"}, "speech": {"speech", "conference"},
        "conference": {"conference", "meeting"}}


@pytest.mark.parametrize("text,event_type", FOUND, ids=[t[:40] for t, _ in FOUND])
def test_a_form_of_the_happening_gives_its_event_as_lead_and_in_the_body(text, event_type):
    wanted = ALSO.get(event_type, {event_type})
    assert wanted & {e.event_type for e in events_of(text)}
    body = [e.event_type for e in events_of(f"{LEAD}\n\n{text}") if text[:30] in e.evidence]
    assert wanted & set(body)


@pytest.mark.parametrize("text,event_type", NONE, ids=[t[:40] for t, _ in NONE])
def test_the_same_words_as_a_plan_or_a_back_reference_give_no_event(text, event_type):
    assert event_type not in {e.event_type for e in events_of(text)}
