"""Event extraction: every trigger example of data/events.yaml, the cue words, and whole articles."""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from timeline.actors import load_gazetteer
from timeline.models import Article
from timeline.pipeline import parse_article
from timeline.triggers import continued_type, find_triggers, vocabulary

VOCAB = vocabulary()
POSITIVE = [(t, ex) for t, entry in VOCAB.types.items() for trig in entry["triggers"] for ex in trig["examples"]]
NEGATIVE = [(t, ex) for t, entry in VOCAB.types.items() for ex in entry.get("not", ())]
NO_EVENTS = [(t, ex) for t, entry in VOCAB.types.items() for ex in entry.get("not_events", ())]


@pytest.mark.parametrize("event_type,sentence", POSITIVE)
def test_trigger_examples_are_found(event_type, sentence):
    assert event_type in {t.event_type for t in find_triggers(sentence, VOCAB)}


@pytest.mark.parametrize("event_type,sentence", NEGATIVE)
def test_counter_examples_give_no_strong_trigger(event_type, sentence):
    found = find_triggers(sentence, VOCAB)
    assert not [t for t in found if t.event_type == event_type and t.strength == "strong"]


@pytest.mark.parametrize("example", VOCAB.raw["continuation_examples"], ids=lambda e: e["text"][:25])
def test_continuation_examples(example):
    assert continued_type(example["text"], VOCAB) == (True, example["noun"])


@pytest.mark.parametrize("event_type,sentence", NO_EVENTS)
def test_sentences_that_give_no_event_of_a_type(event_type, sentence):
    assert event_type not in {e.event_type for e in _events(sentence)}


def _article(text: str, published: date | None = date(2024, 5, 8), name: str = "a.txt") -> Article:
    return Article(id=name, name=name, title="", text=text, published=published)


def _events(text: str, **kwargs):
    return parse_article(_article(text, **kwargs), load_gazetteer()).events


def test_one_event_per_happening_and_continuations_add_no_events():
    text = ("On Monday, Foreign Minister Annalena Baerbock met with Sergey Lavrov in Geneva.\n\n"
            "During the meeting, the ministers discussed prisoner exchanges.\n\n"
            "The talks lasted three hours.")
    events = _events(text)
    assert [(e.event_type, e.date) for e in events] == [("meeting", date(2024, 5, 6))]
    assert events[0].actors == ("Annalena Baerbock", "Sergey Lavrov")
    assert events[0].title == "Baerbock meets Lavrov"
    assert events[0].location == "Geneva"


def test_future_and_refused_meetings_are_no_events():
    assert _events("Baerbock will meet Lavrov next week. Lavrov refused to meet the envoy.") == ()


def test_a_strike_with_casualties_in_one_sentence_is_one_happening():
    text = "Missiles struck the port of the city on Monday, killing four people.\n\nThe strike hit a depot on Monday."
    events = _events(text)
    assert [(e.event_type, e.date) for e in events] == [("operation", date(2024, 5, 6))]


def test_a_nearby_undated_mention_of_the_explosion_is_the_strike_again():
    text = ("Missiles struck the port of the city on Monday, killing four people, officials said.\n\n"
            "The delegation was a kilometre away when the explosion occurred, the envoy told reporters.")
    assert [(e.event_type, e.date) for e in _events(text)] == [("operation", date(2024, 5, 6))]


def test_two_fresh_reports_in_different_places_stay_two_events():
    text = ("Storms have killed ten people in Varna, officials say.\n\n"
            "A landslide buried three houses in Ardino on Saturday night, killing five.")
    assert [e.event_type for e in _events(text)] == ["incident", "incident"]


def test_a_decision_and_a_later_signing_stay_two_agreements():
    text = ("On Monday the two countries agreed to restore diplomatic relations.\n\n"
            "Their ministers signed a memorandum on the reopening of the embassies.")
    events = _events(text)
    assert [e.event_type for e in events] == ["agreement", "agreement"]


def test_remarks_referred_back_to_give_their_day():
    text = ("The minister said on Monday that the border would reopen.\n\n"
            "He made the remarks at a news conference in the capital, where the two ministers signed a memorandum.")
    events = _events(text)
    assert [(e.event_type, e.date) for e in events] == [("agreement", date(2024, 5, 6))]
    assert "remarks" in events[0].date_basis


def test_remarks_take_the_day_of_the_latest_report_not_of_a_later_date():
    text = ("The minister said on Monday that the border would reopen.\n\n"
            "The border had been closed on Tuesday, April 30.\n\n"
            "He made the remarks at a news conference in the capital, where the two ministers signed a memorandum.")
    events = _events(text)
    assert [(e.event_type, e.date) for e in events] == [("agreement", date(2024, 5, 6))]
    assert "remarks" in events[0].date_basis


def test_an_incident_that_names_no_side_has_the_country_of_its_place():
    """So that filtering the timeline by a country shows what happened there (event_actors.unnamed_sides)."""
    events = _events("A blast hit a market in the Greek town of Volos on Monday, killing two people.")
    assert [(e.event_type, e.actors) for e in events] == [("incident", ("Greece",))]


def test_noun_date_belongs_to_the_noun_only():
    text = "The minister said Russia violated the Minsk Protocol of September 5, 2014, on Tuesday."
    agreement = [e for e in _events(text) if e.event_type == "agreement"]
    assert agreement and agreement[0].date == date(2014, 9, 5)


def test_was_held_takes_the_publication_date_and_says_so():
    events = _events("A meeting was held between Sergey Lavrov and Antony Blinken, the ministry said.")
    assert events[0].date == date(2024, 5, 8)
    assert events[0].date_basis.startswith("publication date")


def test_inferred_publication_date_is_not_used_for_was_held():
    article = replace(_article("A meeting was held between Sergey Lavrov and Antony Blinken."),
                      published_inferred=True)
    events = parse_article(article, load_gazetteer()).events
    assert events[0].date is None and events[0].precision == "unknown"


def test_recent_undated_event_gets_a_window_not_a_day():
    events = _events("The minister spoke about the recent military operation in the north.")
    assert events[0].event_type == "operation"
    assert events[0].date is None
    assert events[0].date_window == (date(2024, 5, 1), date(2024, 5, 8))


def test_continuing_sentence_gives_its_date_to_a_verb_event():
    text = ("On Tuesday, Antony Blinken visited Warsaw.\n\n"
            "During the visit, the two ministers signed an agreement on transit.")
    agreement = [e for e in _events(text) if e.event_type == "agreement"][0]
    assert agreement.date == date(2024, 5, 7)
    assert agreement.date_basis.startswith("continued date")


def test_no_publication_date_means_no_invented_day():
    events = _events("A meeting was held between Sergey Lavrov and Antony Blinken.", published=None)
    assert events[0].date is None


def test_an_article_known_only_to_be_after_a_day_bounds_its_undated_events_from_below():
    article = Article(id="a", name="a.txt", title="", text="A meeting was held between Sergey Lavrov and Antony Blinken.",
                      published=None, published_basis="no publication day; not before 2024-02-14: 'since February 13'")
    event = parse_article(article, load_gazetteer()).events[0]
    assert (event.date, event.date_window) == (None, (date(2024, 2, 14), None))
    assert "not before 2024-02-14" in event.date_basis


def test_reporter_country_not_taken_from_a_dateline_or_speaker_for_operations():
    events = _events("Sergey Lavrov said the Ukrainian forces launched an offensive near the border.")
    assert events[0].event_type == "operation"
    assert events[0].actor_ids == ("ukraine",)


def test_evidence_offsets_index_the_article_text():
    text = "Intro line.\n\nOn Monday, Sergey Lavrov met with Antony Blinken."
    event = _events(text)[0]
    assert text[event.evidence_start : event.evidence_end] == event.evidence
    assert 0 <= event.confidence <= 1


def test_vocabulary_lists_hold_no_yaml_booleans():
    """YAML reads a bare on/no/yes as a boolean; every word list must hold strings only."""
    def walk(value, path):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}")
        elif isinstance(value, list):
            for item in value:
                assert not isinstance(item, bool), f"boolean in list {path}: quote the word"
                walk(item, path)
    walk(VOCAB.raw, "events.yaml")


NEWS_WORDS = ["met", "with", "on", "Monday", "the", "meeting", "was", "held", "Sergey Lavrov", "Antony Blinken", ",", ".",
              "\n", "said", "explosion", "killed", "During", "ceasefire", "of", "May", "10", "2020", "will", "to", "(",
              ")", ":", "-", '"', "visit", "Ukraine", "Russian", "at the same time", "talks", "recent", "operation",
              "has", "addressed", "conference", "since"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(NEWS_WORDS), max_size=50), st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 1, 1))),
       st.text(max_size=60))
def test_no_input_crashes_the_extraction_and_evidence_is_a_span(words, published, noise):
    text = " ".join(words) + noise
    for event in parse_article(_article(text, published=published), load_gazetteer()).events:
        assert text[event.evidence_start : event.evidence_end] == event.evidence
        assert 0 <= event.confidence <= 1
        assert event.date is None or published is None or event.date <= published


def _events_of(text: str, published: date | None):
    article = Article(id="t", name="t.txt", title="", text=text, published=published)
    return parse_article(article, load_gazetteer()).events


def test_a_mention_counted_on_from_another_day_is_a_further_happening():
    text = ("Police arrested three men at a house early last Thursday. "
            "Two women were arrested two days later at a railway station.")
    events = _events_of(text, None)
    assert [e.event_type for e in events] == ["operation", "operation"]  # arrests: the police operations that made them
    assert all(e.date is None for e in events)


def test_a_second_convoy_is_a_happening_of_its_own():
    text = ("An aid convoy of ten trucks reached the camp on Monday. "
            "A second convoy with medicines reached the camp, officials said.")
    assert len([e for e in _events_of(text, date(2024, 3, 6)) if e.event_type == "humanitarian"]) == 2


def test_a_weak_trigger_inside_a_quotation_makes_no_event():
    text = ('The ministers signed the accord on Monday. "We will stand together against hybrid '
            'attacks today and tomorrow," the minister said.')
    assert [e.event_type for e in _events_of(text, date(2024, 5, 21))] == ["agreement"]


def test_a_trigger_after_a_quotation_closed_in_its_sentence_is_outside_it():
    text = ("The ministers signed the accord on Monday. “Both nations gain from it. The time has come for our farmers,” "
            "said the envoy addressing the reception.")
    assert [e.event_type for e in _events_of(text, date(2024, 5, 21))] == ["agreement", "speech"]


@pytest.mark.parametrize("text, types", [
    ("Ana Moro met Ivo Sander at the town hall on Monday where she addressed a rally of farmers.", ["meeting", "speech"]),
    ("President Ivo Sander and his new ministers visited the palace on Monday where the king swore them into office.",
     ["visit", "other"]),
])
def test_a_verb_of_a_clause_after_where_tells_a_second_happening(text, types):
    assert sorted(e.event_type for e in _events_of(text, date(2024, 5, 21))) == sorted(types)


def test_a_speech_at_a_gathering_a_strong_noun_names_after_it_is_a_happening_of_its_own():
    text = ("Speaking at the opening of the 12th Trade Ministers' Meeting of the bloc in Velm on Tuesday, "
            "Ana Moro said trade had grown.")
    assert sorted(e.event_type for e in _events_of(text, date(2024, 5, 10))) == ["conference", "speech"]


def test_an_ordinal_day_of_the_month_takes_the_document_month():
    events = _events_of("On the 12th, a convoy of 15 trucks crossed the border into the region.", date(2024, 3, 18))
    assert [(e.event_type, e.date) for e in events] == [("humanitarian", date(2024, 3, 12))]


def test_an_agreement_continuing_talks_takes_their_actors():
    text = ("Sergey Lavrov held talks with Antony Blinken in Geneva on Monday. "
            "After the talks, the two ministers signed a memorandum on consular work.")
    agreements = [e for e in _events_of(text, date(2024, 5, 8)) if e.event_type == "agreement"]
    assert [sorted(e.actors) for e in agreements] == [["Antony Blinken", "Russia", "Sergey Lavrov", "United States"]]


@pytest.mark.parametrize("example", VOCAB.raw["rule_examples"], ids=lambda e: e["text"][:40])
def test_rule_examples_give_their_events_days_and_actors(example):
    events = _events(example["text"], published=example["published"])
    expected = example["expect"]
    assert [(e.event_type, e.date) for e in events] == [(x["type"], x["date"]) for x in expected]
    for event, wanted in zip(events, expected):
        if "actors" in wanted:
            assert list(event.actor_ids) == wanted["actors"], event.title
        if "title" in wanted:
            assert event.title == wanted["title"]
        if "location" in wanted:
            assert event.location == wanted["location"]


def test_a_title_naming_a_call_types_the_first_unspecific_encounter():
    text = "Sergey Lavrov spoke today with Antony Blinken to discuss consular work."
    titled = Article(id="t", name="t.txt", title="Minister's Call with the Secretary", text=text,
                     published=date(2024, 5, 8))
    untitled = _article(text)
    appeal = Article(id="u", name="u.txt", title="Minister's call for restraint", text=text,
                     published=date(2024, 5, 8))
    assert [e.event_type for e in parse_article(titled, load_gazetteer()).events] == ["call"]
    assert [e.event_type for e in parse_article(untitled, load_gazetteer()).events] == ["meeting"]
    assert [e.event_type for e in parse_article(appeal, load_gazetteer()).events] == ["meeting"]


def test_a_body_sentence_is_better_evidence_than_the_headline():
    text = ("Earthquake kills hundreds in mountain villages\n\n"
            "A powerful earthquake struck the mountain villages of the province, killing hundreds.")
    events = _events(text, published=None)
    assert [e.event_type for e in events] == ["incident"]
    assert events[0].evidence.startswith("A powerful earthquake")


def _events_of(text: str, published: date):
    from timeline.actors.gazetteer import load_gazetteer
    from timeline.models import Article
    from timeline.pipeline import parse_article
    return parse_article(Article(id="a", name="a.txt", title="", text=text, published=published), load_gazetteer()).events


def test_the_lead_news_without_a_day_of_its_own_takes_the_publication_day():
    """Only the lead takes the publication day as the news: a later, separate happening stays undated, and a
    further meeting of the same two sides ("also met") takes the lead's day as its continuation, saying so."""
    lead = "The foreign minister received a delegation of the Exampleland parliament in the capital.\n\n"
    events = _events_of(lead + "Separately, gunmen attacked a police post in the north, killing two officers.",
                        date(2024, 5, 3))
    assert events[0].date == date(2024, 5, 3) and "lead news" in events[0].date_basis
    assert [(e.event_type, e.date) for e in events[1:]] == [("incident", None)]
    lead_meeting, further = _events_of(lead + "The two sides also met with business leaders.", date(2024, 5, 3))
    assert further.date == lead_meeting.date and further.date_basis.startswith("continued date")


@pytest.mark.parametrize("basis, said", [
    ("date 2024-05-03", "(the page's date line)"),
    ("Published May 3, 2024 - 10:15", "(Published May 3, 2024 - 10:15)"),
])
def test_the_lead_news_basis_does_not_repeat_a_date_line_that_only_gives_the_day(basis, said):
    from timeline.actors.gazetteer import load_gazetteer
    from timeline.models import Article
    from timeline.pipeline import parse_article
    article = Article(id="a", name="a.txt", title="", text="The foreign minister received a delegation of the "
                      "Exampleland parliament in the capital.", published=date(2024, 5, 3), published_basis=basis)
    [event] = parse_article(article, load_gazetteer()).events
    assert event.date_basis.endswith(f"published 2024-05-03 {said}")


def test_a_lead_whose_sentence_names_another_day_keeps_no_day():
    [event] = _events_of("The agency said on Friday it had sent three medical teams to the flooded province.",
                         date(2024, 5, 4))
    assert event.date is None


@pytest.mark.parametrize("text, actors", [
    ("An IMF mission visited Kenya on Monday to review the loan.", ["IMF", "Kenya"]),
    ("A Chinese trade delegation visited Kenya on Monday.", ["China", "Kenya"]),
    ("World Bank officials visited Kenya on Monday.", ["World Bank", "Kenya"]),
])
def test_a_group_sent_by_an_organisation_or_a_country_is_a_visit_without_a_named_person(text, actors):
    (visit,) = [e for e in _events(text) if e.event_type == "visit"]
    assert list(visit.actors) == actors and visit.date == date(2024, 5, 6)


@pytest.mark.parametrize("text", ["A delegation visited Kenya on Monday.", "Tourists visited Kenya on Monday."])
def test_a_visit_still_needs_a_side_named(text):
    assert not [e for e in _events(text) if e.event_type == "visit"]


def test_officers_killed_by_gunmen_are_the_victims_of_an_attack_not_a_security_operation():
    events = _events("Four soldiers were killed on Sunday when gunmen ambushed their convoy.")
    assert [e.event_type for e in events] == ["incident"]
    assert [e.event_type for e in _events("Soldiers on patrol killed three militants in the north on Sunday.")] == ["operation"]


def test_an_opening_with_the_doers_own_noun_tells_a_speech_as_news_but_not_a_visit():
    speech = find_triggers("In her speech, the minister stressed the need for unity.", VOCAB)
    visit = find_triggers("During his visit, the minister met the king.", VOCAB)
    assert ("speech", "strong") in {(t.event_type, t.strength) for t in speech}
    assert ("visit", "strong") not in {(t.event_type, t.strength) for t in visit}


def test_a_weak_noun_dated_by_a_weekday_is_reported_on_a_page_of_unknown_date():
    """A weekday in the clause of a weak noun reports it, whether or not the page's date places that weekday."""
    lead = "Farmers in the valley of Estaria said the harvest was poor this year after a long drought.\n\n"
    dated = "The two presidents promised at their summit in Velm on Saturday to set up a joint fund for the border towns."
    undated = "The two presidents promised at their summit in Velm to set up a joint fund for the border towns."
    assert [(e.event_type, e.date) for e in _events(lead + dated, published=None)] == [("conference", None)]
    assert [(e.event_type, e.date) for e in _events(lead + dated)] == [("conference", date(2024, 5, 4))]
    assert _events(lead + undated, published=None) == ()


@pytest.mark.parametrize("sentence,word,cue", [
    ("The ministers will meet in Velm on Monday.", "meet", "irrealis_before"),
    ("Crowds gathered in response to the attack on the convoy.", "attack", "background_before"),
    ("The ministers met in Velm on Monday.", "ministers met", None),
])
def test_unreal_cue_names_the_list_that_drops_a_trigger(sentence, word, cue):
    from timeline.triggers import unreal_cue
    at = sentence.index(word)
    assert unreal_cue(sentence, at, at + len(word), VOCAB) == cue
    assert (cue is None) == any(t.start == at for t in find_triggers(sentence, VOCAB))


def test_a_weak_mention_told_as_news_leaves_the_strong_one_named_in_a_background_phrase_its_evidence():
    text = ("Heavy rain flooded dozens of villages in the south of Kenya on Thursday, officials said.\n\n"
            "The new relief measures came after William Ruto held a meeting with Raila Odinga in Nairobi, following "
            "his tour of the flooded district.\n\n"
            "Most of the money will go to the hill villages, the officials told the meeting.\n")
    meeting = [e for e in _events(text) if e.event_type == "meeting"]
    assert [(e.actors, e.evidence.split(",")[0]) for e in meeting] == [
        (("William Ruto", "Raila Odinga"), "The new relief measures came after William Ruto held a meeting with Raila Odinga in Nairobi")]


def test_a_warship_in_port_is_a_visit_of_its_navy():
    # data/events.yaml visit: group_visitors names ships, which stand for their crews (session 18, vocab); a
    # country's warship is its navy (data/actors.yaml national_forces, session 25)
    text = "The Turkish frigate docked at a naval base in Azerbaijan on Monday for a goodwill visit."
    events = _events(text, published=date(2024, 5, 20))
    assert [(e.event_type, str(e.date), e.actor_ids) for e in events] == [("visit", "2024-05-20", ("turkish-navy", "azerbaijan"))]


@pytest.mark.parametrize("text, navy", [
    ("The frigate USS Jane Roe and the tanker USNS Ed Poe arrived in Vellport on May 17 for a four-day port visit.",
     "united-states-navy"),
    ("The destroyer HMS Alder anchored off Port Ell on Friday for a goodwill visit.", "royal-navy"),
])
def test_a_warship_named_by_its_prefix_is_a_visit_of_the_prefix_s_navy(text, navy):
    # data/actors.yaml organisation_names.ship_navies: the prefix says whose ship it is, with no country named
    events = [e for e in _events(text, published=date(2024, 5, 20)) if e.event_type == "visit"]
    assert [e.actor_ids for e in events] == [(navy,)]


def test_a_ship_prefix_of_several_navies_names_none():
    text = "The corvette INS Tal anchored off Port Ell on Friday for a goodwill visit."
    assert not any("navy" in a for e in _events(text, published=date(2024, 5, 20)) for a in e.actor_ids)


def test_an_own_time_after_the_stated_page_date_does_not_date_a_reported_happening():
    """A year after the page's stated day cannot be when a told happening was (a misprint, a figure read as a year):
    the event gets no day from it, never a day after the page."""
    events = _events_of("Monday explosion killed 2031", date(2024, 3, 6))  # a shape the fuzz test above found
    assert [e.date for e in events] == [date(2024, 3, 4), None]
