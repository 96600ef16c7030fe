"""How a happening is told: the forms news English gives it beyond the plain past tense of a verb (a noun in a time
clause, the passive, a meal in a guest's honour, a ministry's "received in his office", a verb-less headline or
caption, a headline's present tense). Each made-up sentence gives an event of its type as a page's lead and as a body
sentence (a headline as a lead only); the same words told as a plan or a back-reference give none (session 17,
vocab-b: the trigger entries under "# session 17, vocab-b" in data/events.yaml)."""

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
    # batch 2: verb-less headlines and captions, departures, praise, homage, audiences, welcomes
    ("William Ruto in Nairobi for talks on energy", "visit"),
    ("William Ruto's delegation left Nairobi for Dar es Salaam on Tuesday night.", "visit"),
    ("Very productive meeting with Raila Odinga today on our shared border.", "meeting"),
    ("The governor paid homage to the traditional rulers of the district on Tuesday.", "meeting"),
    ("William Ruto was in audience with Raila Odinga at the palace on Tuesday.", "meeting"),
    ("The host president warmly welcomed delegates to the forum on Tuesday.", "speech"),
    ("The Nairobi Water Ministers Meeting was formally closed late on Friday with a pledge on dams.", "conference"),
    ("Volunteer fishermen in small boats joined the rescue operation near the harbour.", "humanitarian"),
    ("A helicopter has been sent to the valley to evacuate the injured.", "humanitarian"),
    ("About 2,500 villagers were ordered to evacuate on Tuesday as the blaze neared the valley.", "humanitarian"),
    ("The governor-general swore them into office on Wednesday.", "other"),
    ("Kenya handed over the bloc's rotating presidency to Tanzania on Tuesday.", "other"),
    ("A bench of the high court disposed of a petition seeking his bail on Tuesday.", "other"),
    ("After the signing of three trade agreements, the presidents held a news conference.", "agreement"),
    ("Memoranda of understanding were exchanged between the two sides on Tuesday.", "agreement"),
    ("Five coastal states agreed a new joint system for sharing out rescued migrants on Friday.", "agreement"),
    # batch 3: headlines in the present tense; the signing as a subject; a convoy "allowed in"
    ("Kenya, Tanzania sign trade pact", "agreement"),
    ("The signing of the trade agreement in Nairobi on Tuesday ended years of talks.", "agreement"),
    ("Troops retake key town from rebels", "operation"),
    ("Fire guts 50 shops in Nairobi market", "incident"),
    ("William Ruto sworn in as president", "other"),
    ("Police arrest 30 in drug raid", "other"),
    ("The convoy was allowed in on Tuesday after weeks of talks.", "humanitarian"),
    # session 20, other: votes, elections by a body, court steps, openings, closures and decisions in their news shapes
    ("In a 7-2 vote on Tuesday, the Nairobi county assembly approved the new parking rules.", "other"),
    ("The county budget received unanimous approval from the assembly on Tuesday.", "other"),
    ("The assembly on Tuesday elected the ruling party's candidate William Ruto as the country's fifth president.", "other"),
    ("The anti-graft agency filed a corruption case against the former governor at the high court on Tuesday.", "other"),
    ("After finding the two officials guilty on Tuesday, the court adjourned the case for sentencing.", "other"),
    ("The high court allowed the appeal filed by the state on Tuesday.", "other"),
    ("The county library reopened on Tuesday after a year of repairs.", "other"),
    ("The governor led the ribbon-cutting ceremony of the new clinic on Tuesday.", "other"),
    ("The brewer said on Tuesday it would shut two bottling plants and cut 400 jobs.", "other"),
    ("The company halted production at its Nairobi plant on Tuesday.", "other"),
    ("The county government decided on Tuesday to set up a panel on flood repairs.", "agreement"),
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
    # batch 2 and 3
    ("The delegation will leave Nairobi for Dodoma on Friday.", "visit"),
    ("A local charity also joined the relief effort.", "humanitarian"),
    ("Thousands paid homage to the late king at the cathedral.", "meeting"),
    ("It was a very productive meeting, the minister said of the budget talks.", "meeting"),
    ("Residents may be told to evacuate if the river keeps rising.", "humanitarian"),
    ("The court is likely to dismiss the petition next week.", "other"),
    ("The ministers failed to agree a new system for sharing migrants.", "agreement"),
    ("Leaders to sign trade pact next week", "agreement"),
    ("The signing of the trade agreement is expected next week.", "agreement"),
    ("Troops to retake the town soon, says general", "operation"),
    ("William Ruto to be sworn in as president on Friday", "other"),
    ("No convoy has been allowed in the whole month, the agency said.", "humanitarian"),
    # session 20, other
    ("The assembly is expected to approve the budget next week.", "other"),
    ("The carmaker said it would not close any of its plants.", "other"),
    ("The court will hear the appeal filed by the state next month.", "other"),
]

# an arrest is typed as the operation it belongs to when no other side is named
ALSO = {"other": {"other", "operation"}, "meeting": {"meeting", "conference"}, "speech": {"speech", "conference"},
        "conference": {"conference", "meeting"}}


@pytest.mark.parametrize("text,event_type", FOUND, ids=[t[:40] for t, _ in FOUND])
def test_a_form_of_the_happening_gives_its_event_as_lead_and_in_the_body(text, event_type):
    wanted = ALSO.get(event_type, {event_type})
    assert wanted & {e.event_type for e in events_of(text)}
    if text[-1] not in ".\"”":  # a headline: a page's first line only
        return
    body = [e.event_type for e in events_of(f"{LEAD}\n\n{text}") if text[:30] in e.evidence]
    assert wanted & set(body)


@pytest.mark.parametrize("text,event_type", NONE, ids=[t[:40] for t, _ in NONE])
def test_the_same_words_as_a_plan_or_a_back_reference_give_no_event(text, event_type):
    assert event_type not in {e.event_type for e in events_of(text)}
