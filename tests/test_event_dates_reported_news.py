"""``event_dates.reported_as_news`` (rule 3 beyond the lead): a sentence after the lead that reports a happening
as done with no day of its own is the news of the publication day, unless it is told as earlier or goes on in a
background passage (data/sentences.yaml ``reported_news``)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.event_dates import news_day_before, reported_as_news
from timeline.resources import load
from timeline.sentences import split
from timeline.settings import DEFAULT_SETTINGS
from timeline.temporal import tag
from timeline.triggers import find_triggers, vocabulary

PUBLISHED = date(2024, 5, 10)  # a Friday
EXAMPLES = load("sentences.yaml")["reported_news"]["examples"]
PASSAGES = load("sentences.yaml")["reported_news"]["passage_examples"]
HELD = load("sentences.yaml")["reported_news"]["held_examples"]
RETOLD = load("sentences.yaml")["retold_outcome"]["examples"]


def _read(text: str, published: date | None):
    """(last sentence, its first trigger, the text's expressions sorted by start)."""
    last = split(text)[-1]
    triggers = find_triggers(last.text, vocabulary(DEFAULT_SETTINGS.data_dir))
    assert triggers, f"no happening found in {last.text!r}"
    return last, triggers[0], sorted(tag(text, published, DEFAULT_SETTINGS), key=lambda t: t.start)


def _news_day(text: str, published: date | None = PUBLISHED) -> date | None:
    """The day rule 3 gives the first happening of the text's last sentence (None: no day by this rule)."""
    last, trigger, timexes = _read(text, published)
    found = reported_as_news(text, last.text, last.start, trigger, timexes, published,
                             vocabulary(DEFAULT_SETTINGS.data_dir))
    return published if found else None


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][-50:] for e in EXAMPLES])
def test_a_happening_after_the_lead_is_the_news_of_the_publication_day(example):
    expected = date.fromisoformat(example["date"]) if example["date"] else None
    assert _news_day(example["text"]) == expected


def test_without_a_publication_date_nothing_is_the_news_of_a_day():
    text = "Flood waters cut off three villages in the valley. Army helicopters evacuated more than 200 residents."
    assert _news_day(text, None) is None


def test_a_time_of_day_or_a_plan_named_before_keeps_the_news():
    """A time of day alone and a date still to come set no past time the text goes on from."""
    text = ("The summit will be held on 20 June. At 10 a.m. the ministers arrived. "
            "Army helicopters evacuated more than 200 residents.")
    vocab = vocabulary(DEFAULT_SETTINGS.data_dir)
    third = split(text)[2]
    trigger = find_triggers(third.text, vocab)[0]
    timexes = sorted(tag(text, PUBLISHED, DEFAULT_SETTINGS), key=lambda t: t.start)
    assert reported_as_news(text, third.text, third.start, trigger, timexes, PUBLISHED, vocab)


@pytest.mark.parametrize("example", PASSAGES, ids=[e["text"][:50] for e in PASSAGES])
def test_a_news_passage_goes_on_with_the_recent_day_named_before(example):
    last, trigger, timexes = _read(example["text"], PUBLISHED)
    day = news_day_before(example["text"], last.text, last.start, trigger, timexes, PUBLISHED)
    assert (day.first_day if day else None) == (date.fromisoformat(example["date"]) if example["date"] else None)


def test_a_time_that_only_bounds_a_span_up_to_now_is_no_time_the_text_goes_on_from():
    """"the first visit since June 2019" names no time of the passage: the sentence after it goes on with the day
    named before ("on Wednesday"), or, with none, is the news of the publication day."""
    vocab = vocabulary(DEFAULT_SETTINGS.data_dir)
    text = ("The two ministers signed a trade pact on Wednesday. The envoy arrived on a visit, the first since June 2019. "
            "The two sides also signed a memorandum on fisheries.")
    last, trigger, timexes = _read(text, PUBLISHED)
    found = news_day_before(text, last.text, last.start, trigger, timexes, PUBLISHED)
    assert found is not None and found.first_day == date(2024, 5, 8)
    alone = "The envoy arrived on a visit, the first since June 2019. The two sides also signed a memorandum on fisheries."
    assert _news_day(alone) == PUBLISHED
    closed = "The border crossing has stayed shut since Wednesday. Troops evacuated more than 200 residents."
    last, trigger, timexes = _read(closed, PUBLISHED)
    found = news_day_before(closed, last.text, last.start, trigger, timexes, PUBLISHED)
    assert found is not None and found.first_day == date(2024, 5, 8)  # no comparison: a time the passage tells of
    previous = ("The presidents met in the capital for the fourth regional summit, the first since the previous one "
                "in the port city of Vela on 12 March 2019. The three leaders adopted a joint statement on fisheries.")
    assert _news_day(previous) == PUBLISHED  # the day of the earlier gathering only bounds the comparison



def test_a_happening_that_has_just_taken_place_is_the_news_whatever_time_was_named_before():
    """"have just met" is the present perfect with an adverb, as "have also met" is: told as up to now."""
    text = "The two neighbours fought a border war in 2019. The foreign ministers have just met in the capital."
    assert _news_day(text) == PUBLISHED


def test_a_passage_goes_on_with_the_day_of_the_happening_not_of_its_report():
    """"... were killed in raids on Wednesday, the army said on Thursday." then "Another strike hit a depot": the
    passage goes on with the raids' Wednesday; a report's day alone stays the passage's day."""
    text = ("Eleven militants were killed in raids in the hills Wednesday, army statements said on Thursday. "
            "Another air strike was carried out in the border district, killing four fighters.")
    last, trigger, timexes = _read(text, PUBLISHED)
    day = news_day_before(text, last.text, last.start, trigger, timexes, PUBLISHED)
    assert day is not None and day.first_day == date(2024, 5, 8)
    alone = ("Eleven militants were killed in raids in the hills, army statements said on Thursday. "
             "Another air strike was carried out in the border district, killing four fighters.")
    last, trigger, timexes = _read(alone, PUBLISHED)
    day = news_day_before(alone, last.text, last.start, trigger, timexes, PUBLISHED)
    assert day is not None and day.first_day == date(2024, 5, 9)


@pytest.mark.parametrize("example", HELD, ids=[e["text"][-60:] for e in HELD])
def test_a_gathering_held_in_the_past_simple_goes_on_with_the_recent_day_told_before(example):
    """"The ceremony was held ..." after a lead of Wednesday is Wednesday's news; with no day told before, it is the
    publication day's."""
    from timeline.actors import load_gazetteer
    from timeline.models import Article
    from timeline.pipeline import parse_article

    article = Article(id="a", name="a.txt", title="", text=example["text"], published=PUBLISHED)
    second = example["text"].split("\n\n")[1]
    (held,) = [e for e in parse_article(article, load_gazetteer()).events if e.evidence == second]
    assert held.date == date.fromisoformat(example["date"])


@pytest.mark.parametrize("example", RETOLD, ids=[e["text"][-60:] for e in RETOLD])
def test_a_lead_of_deciding_takes_the_day_its_outcome_is_told_with(example):
    """"A court has annulled ..." told again as "The court issued its decision on Wednesday": Wednesday; a lead of
    another act keeps the publication day."""
    from timeline.actors import load_gazetteer
    from timeline.models import Article
    from timeline.pipeline import parse_article

    article = Article(id="a", name="a.txt", title="", text=example["text"], published=PUBLISHED)
    lead = example["text"].split("\n\n")[0]
    (first,) = [e for e in parse_article(article, load_gazetteer()).events if e.evidence == lead]
    assert first.date == date.fromisoformat(example["date"])
