"""Rule 2 of the date preference in words that name the event a sentence goes on from
(data/temporal/anchoring.yaml): "After his meeting with the king, ...", "Following the negotiations, ...",
"on the sidelines of the summit". Each example there runs here; the article examples run the pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.event_dates import timed_against
from timeline.models import Article
from timeline.resources import load
from timeline.settings import DATA_DIR
from timeline.triggers import find_triggers, vocabulary

TABLE = load("temporal/anchoring.yaml")


@pytest.mark.parametrize("example", TABLE["examples"], ids=[e["text"][:50] for e in TABLE["examples"]])
def test_a_sentence_names_the_event_it_goes_on_from(example):
    vocab = vocabulary()
    text = example["text"]
    (trigger,) = [t for t in find_triggers(text, vocab) if text[t.start:].lower().startswith(example["trigger"].lower())][:1]
    expected = tuple(example["timed"]) if example["timed"] else None
    assert timed_against(text, trigger, vocab) == expected


def _assert_last_event_day(example):
    """The last event of the example's type, in its text published on its day, is on its day (or has none)."""
    from timeline.actors import load_gazetteer
    from timeline.pipeline import parse_article

    article = Article(id="a", name="a.txt", title="", text=example["text"],
                      published=date.fromisoformat(example["published"]))
    events = [e for e in parse_article(article, load_gazetteer()).events if e.event_type == example["type"]]
    assert events, "no event of the type"
    assert events[-1].date == (example["date"] and date.fromisoformat(example["date"]))


@pytest.mark.parametrize("example", TABLE["article_examples"], ids=[e["text"][-50:] for e in TABLE["article_examples"]])
def test_the_event_takes_the_day_of_the_event_it_goes_on_from(example):
    _assert_last_event_day(example)


@pytest.mark.parametrize("example", TABLE["since_examples"], ids=[e["text"][-50:] for e in TABLE["since_examples"]])
def test_a_date_inside_a_since_clause_after_the_trigger_dates_that_clause(example):
    from timeline.actors import load_gazetteer
    from timeline.pipeline import parse_article

    article = Article(id="a", name="a.txt", title="", text=example["text"], published=date(2024, 11, 15))
    (meeting,) = [e for e in parse_article(article, load_gazetteer()).events if e.event_type == "meeting"]
    assert meeting.date == (example["date"] and date.fromisoformat(example["date"]))


@pytest.mark.parametrize("example", TABLE["founding_examples"], ids=[e["text"][:50] for e in TABLE["founding_examples"]])
def test_a_date_after_a_founding_participle_in_an_opening_phrase_dates_its_noun(example):
    from timeline.actors import load_gazetteer
    from timeline.pipeline import parse_article

    article = Article(id="a", name="a.txt", title="", text=example["text"], published=date(2024, 11, 15))
    (meeting,) = [e for e in parse_article(article, load_gazetteer()).events if e.event_type == "meeting"]
    expected = example["date"]
    shown = meeting.date.isoformat()[: len(expected)] if meeting.date and expected else meeting.date
    assert shown == expected


@pytest.mark.parametrize("example", TABLE["quoted_examples"], ids=[e["text"][:50] for e in TABLE["quoted_examples"]])
def test_today_inside_a_quotation_gives_no_day(example):
    from timeline.actors import load_gazetteer
    from timeline.pipeline import parse_article

    article = Article(id="a", name="a.txt", title="", text=example["text"], published=date(2022, 11, 4))
    found = [e for e in parse_article(article, load_gazetteer()).events if e.event_type == "agreement"]
    assert len(found) == 1
    assert found[0].date == (example["date"] and date.fromisoformat(example["date"]))


def test_a_span_of_days_starting_on_the_publication_day_dates_the_happening_under_way():
    """"The trade fair, held on June 4-6" in an article of June 4 is under way: it starts that day. "Later this
    month", counted from the publication day, is still to come."""
    from timeline.actors import load_gazetteer
    from timeline.pipeline import parse_article

    text = "The fifth edition of the trade fair, held on June 4-6 in Graz, brings together heads of state and ministers."
    article = Article(id="a", name="a.txt", title="", text=text, published=date(2024, 6, 4))
    (forum,) = parse_article(article, load_gazetteer()).events
    assert (forum.date, forum.date_end) == (date(2024, 6, 4), date(2024, 6, 6))
    from timeline.event_dates import _usable
    from timeline.temporal import tag

    (later,) = tag("the congress later this month", date(2024, 6, 4))
    assert later.first_day == date(2024, 6, 4) and not _usable(later, date(2024, 6, 4))



@pytest.mark.parametrize("example", TABLE["offset_clause_examples"],
                         ids=[f"{e['trigger']}: {e['text'][-40:]}" for e in TABLE["offset_clause_examples"]])
def test_a_happening_in_the_clause_an_offset_opens_after_a_day_is_that_far_from_it(example):
    from timeline.event_dates import own_timex
    from timeline.settings import DEFAULT_SETTINGS
    from timeline.temporal import tag

    vocab, text, published = vocabulary(), example["text"], date(2024, 11, 15)
    trigger = next(t for t in find_triggers(text, vocab) if text[t.start:].lower().startswith(example["trigger"]))
    timex = own_timex(text, 0, trigger, tag(text, published, DEFAULT_SETTINGS), published, vocab)
    assert timex is not None and timex.first_day == date.fromisoformat(example["date"])


NTH_DAY = TABLE["nth_day"]["examples"]


@pytest.mark.parametrize("example", NTH_DAY, ids=[f"{e['trigger']}: {e['text'][:40]}" for e in NTH_DAY])
def test_the_nth_day_of_a_gathering_dates_its_first_day_that_many_days_before(example):
    from timeline.event_dates import from_timex, own_timex
    from timeline.settings import DEFAULT_SETTINGS
    from timeline.temporal import tag

    vocab, text, published = vocabulary(), example["text"], date(2024, 11, 15)
    trigger = next(t for t in find_triggers(text, vocab) if text[t.start:].lower().startswith(example["trigger"]))
    timex = own_timex(text, 0, trigger, tag(text, published, DEFAULT_SETTINGS), published, vocab)
    day, end, _ = from_timex(timex)
    assert day.isoformat() == example["date"]
    assert (end and end.isoformat()) == example["date_end"]


CHANNELS = TABLE["report_channels"]["examples"]


@pytest.mark.parametrize("example", CHANNELS, ids=[e["text"][-50:] for e in CHANNELS])
def test_a_day_after_a_report_and_its_channel_dates_the_report(example):
    from timeline.event_dates import own_timex
    from timeline.settings import DEFAULT_SETTINGS
    from timeline.temporal import tag

    vocab, text, published = vocabulary(), example["text"], date(2024, 11, 15)
    trigger = next(t for t in find_triggers(text, vocab) if t.event_type == example["type"])
    timex = own_timex(text, 0, trigger, tag(text, published, DEFAULT_SETTINGS), published, vocab)
    assert (timex.first_day.isoformat() if timex else None) == example["date"]


@pytest.mark.parametrize("example", TABLE["named_back"]["examples"], ids=[e["text"][-50:] for e in TABLE["named_back"]["examples"]])
def test_a_sentence_that_names_back_a_gathering_takes_its_day(example):
    _assert_last_event_day(example)


def test_a_gathering_named_back_with_two_days_told_before_lends_no_day():
    from timeline.event_dates import named_back_day

    monday, wednesday = (date(2024, 11, 11), None, "day"), (date(2024, 11, 13), None, "day")
    earlier = [("meeting", "The council held a meeting on Monday.", monday),
               ("meeting", "It held a second meeting on Wednesday.", wednesday)]
    assert named_back_day("At the meeting, the council approved a budget.", earlier, DATA_DIR) is None
    assert named_back_day("At the meeting, the council approved a budget.", earlier[:1], DATA_DIR)[0] == monday[0]
    assert named_back_day("At the next meeting, the council approved a budget.", earlier[:1], DATA_DIR) is None
    assert named_back_day("In his speech to parliament, the mayor thanked the council.", earlier[:1], DATA_DIR) is None
    assert named_back_day("In his speech, the mayor thanked the council.", earlier[:1], DATA_DIR)[0] == monday[0]
