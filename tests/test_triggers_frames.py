"""Frames x nouns: every frame written over a noun class of data/events.yaml (``noun_classes``) finds its type
with every noun of the class, in made-up sentences, and the same words out of the frame find nothing."""

import pytest

from timeline.triggers import find_triggers, vocabulary

VOCAB = vocabulary()
CLASSES = VOCAB.raw["noun_classes"]


def _plain(noun: str) -> str:
    """A class entry as text: the first spelling of a small pattern ("round ?table" -> "round table")."""
    return noun.replace("round(?:table| table|-table)", "roundtable").replace(" ?", " ").replace("(?:session|sitting)", "session").replace("communiqu[eé]", "communique")


DOCUMENT_FRAMES = [
    "Estaria and Norlund signed the {n} on river transport in Velm on Tuesday.",
    "The two governments clinched the {n} on river transport on Tuesday.",
    "The two ministers renewed their {n} on river transport on Tuesday.",
    "The two sides sealed their new {n} on river transport in Velm.",
    "The parties agreed on the {n} on river transport on Friday.",
    "Both premiers took part in the signing of the {n} on river transport on Friday.",
    "The government and the rebel front announced in Velm the signing of the {n} on river transport.",
]
GATHERING_FRAMES = [
    "The foreign minister attended {a} {n} on river transport in Velm on Tuesday.",
    "The foreign minister took part in {a} {n} on river transport in Velm on Tuesday.",
    "The foreign minister chaired {a} {n} on river transport in Velm on Tuesday.",
    "The city hosted {a} {n} on river transport on Tuesday.",
    "Ministers from nine states gathered in Velm on Tuesday for {a} {n} on river transport.",
    "The {n} on river transport in Velm was also attended by the foreign minister.",
]


def _article(noun: str) -> str:
    return "an" if noun[0].lower() in "aeiou" else "a"


def _cells(frames, nouns):
    return [(frame, _plain(n)) for frame in frames for n in nouns]


@pytest.mark.parametrize("frame,noun", _cells(DOCUMENT_FRAMES, CLASSES["documents"]))
def test_every_document_noun_fits_every_agreement_frame(frame, noun):
    sentence = frame.format(a=_article(noun), n=noun)
    assert "agreement" in {t.event_type for t in find_triggers(sentence, VOCAB)}, sentence


@pytest.mark.parametrize("frame,noun", _cells(GATHERING_FRAMES, CLASSES["gatherings"] + ["conference"]))
def test_every_gathering_noun_fits_every_conference_frame(frame, noun):
    sentence = frame.format(a=_article(noun), n=noun)
    assert "conference" in {t.event_type for t in find_triggers(sentence, VOCAB)}, sentence


@pytest.mark.parametrize("sentence", [
    "The two sides renewed calls for a truce on Tuesday.",  # a call, not the truce
    "The rebels exchanged accusations of breaking the ceasefire.",
    "The sides failed to reach a deal on Tuesday.",
    "The two ministers hope to clinch a trade pact next month.",
    "The envoys will renew their partnership statement next year.",
])
def test_a_frame_broken_by_a_phrase_or_an_unreal_verb_gives_no_strong_agreement(sentence):
    found = [t for t in find_triggers(sentence, VOCAB) if t.event_type == "agreement" and t.strength == "strong"]
    assert not found, (sentence, found)


@pytest.mark.parametrize("sentence", [
    "The foreign minister held a video conference with her counterpart on Tuesday.",
    "The minister will attend a summit in Velm next week.",
])
def test_a_gathering_frame_is_no_conference_online_or_in_the_future(sentence):
    assert "conference" not in {t.event_type for t in find_triggers(sentence, VOCAB)}, sentence


def test_a_condemnation_is_a_weak_statement_and_no_sentence_passed_on_a_person():
    said = find_triggers("The regional bloc on Monday condemned the raid on the border post.", VOCAB)
    assert [(t.event_type, t.strength) for t in said] == [("speech", "weak")]
    assert not find_triggers("The general was condemned to death on Monday.", VOCAB)


# The verb frames in every tense a report uses (past, present, perfect, progressive), each a whole made-up lead
# that must make an event of its type.
TENSES = [
    ("meeting", ["met", "meets", "has met", "is meeting", "met with", "has met with"], "{A} {v} {B} in Velm on Tuesday."),
    ("meeting", ["held talks", "holds talks", "has held talks", "is holding talks"], "{A} {v} with {B} in Velm on Tuesday."),
    ("meeting", ["received", "receives", "has received", "is receiving", "hosted", "hosts", "welcomed", "has welcomed"],
     "{A} {v} {B} in Velm on Tuesday."),
    ("agreement", ["signed", "signs", "have signed", "are signing", "inked"], "Estaria and Norlund {v} a trade agreement in Velm on Tuesday."),
    ("visit", ["visited", "visits", "has visited", "is visiting", "arrived in", "arrives in", "is arriving in"], "{A} {v} Velm on Tuesday."),
    ("visit", ["began", "begins", "has begun", "wrapped up", "concluded", "is paying", "paid"], "{A} {v} an official visit to Norlund on Tuesday."),
    ("operation", ["launched", "launches", "have launched", "are carrying out", "conducted"],
     "Security forces {v} an operation against militants in the Kessel district on Tuesday."),
    ("humanitarian", ["delivered", "delivers", "has delivered", "is delivering", "sent", "is sending", "dispatched"],
     "Estaria {v} 40 tonnes of humanitarian aid to flood victims in Norlund on Tuesday."),
    ("conference", ["attended", "attends", "is attending", "took part in", "is taking part in", "participated in"],
     "{A} {v} a regional summit in Velm on Tuesday."),
    ("speech", ["addressed", "addresses", "has addressed", "delivered a speech at", "spoke at", "has spoken at"],
     "{A} {v} the regional summit in Velm on Tuesday."),
]
TENSE_CELLS = [(t, frame.format(A="Foreign Minister Ivo Sander of Estaria", B="Norlund's Prime Minister Jana Moreau", v=v))
               for t, verbs, frame in TENSES for v in verbs]


@pytest.mark.parametrize("event_type,lead", TENSE_CELLS, ids=lambda x: x[:60])
def test_a_verb_frame_in_any_tense_makes_its_event(event_type, lead):
    from article_events import types_of
    assert event_type in types_of(lead), lead


@pytest.mark.parametrize("lead", [
    "President Ana Moro is receiving the Norlund premier next week.",
    "Estaria is sending more aid to Norlund next month.",
    "The foreign minister is arriving in Velm tomorrow.",
])
def test_a_progressive_with_a_later_time_is_a_plan(lead):
    from article_events import types_of
    assert types_of(lead) == [], lead


def test_a_look_behind_in_a_trigger_pattern_keeps_its_spaces():
    """Spaces of a trigger pattern match any run of white space, but a look-behind must keep a fixed width:
    its spaces stay spaces (they made the pattern fail to compile, which failed every article it was run on)."""
    from timeline.triggers import compile_pattern

    regex = compile_pattern("(?<!being )discussed (?:[^\\s.;,]+ ){0,3}?with")
    assert regex.search("The minister discussed  trade\nwith his guest.")
    assert not regex.search("The terms are being discussed with the lenders.")


LEGISLATURE_FRAMES = [
    "The finance minister told the {n} on Tuesday that the budget would balance.",
    "The finance minister addressed the {n} on Tuesday.",
    "The finance minister spoke in the {n} on Tuesday about the budget.",
]


@pytest.mark.parametrize("frame,noun", _cells(LEGISLATURE_FRAMES, CLASSES["legislatures"]))
def test_every_legislature_fits_every_speech_frame(frame, noun):
    sentence = frame.format(n=noun.replace('"', "").replace("D[aá]il", "Dáil"))
    assert "speech" in {t.event_type for t in find_triggers(sentence, VOCAB)}, sentence


@pytest.mark.parametrize("sentence", [
    "The finance minister will address the Bundestag next week.",
    "The finance minister is due to speak in the Knesset on Monday.",
])
def test_a_legislature_frame_is_no_speech_in_the_future(sentence):
    assert "speech" not in {t.event_type for t in find_triggers(sentence, VOCAB)}, sentence
