"""data/sentences.yaml ``relative_time_clause``: "the attack, which happened Thursday" dates the attack; and
``subject_relative``: "freed hostages who were kidnapped in June" does not date the freeing."""

from datetime import date

import pytest

from timeline.actors import load_gazetteer
from timeline.frame import mark_of
from timeline.models import Article
from timeline.pipeline import parse_article
from timeline.resources import load

EXAMPLES = load("sentences.yaml")["relative_time_clause"]["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][-50:] for e in EXAMPLES])
def test_a_clause_saying_when_the_noun_happened_dates_it(example):
    article = Article(id="a", name="a.txt", title="", text=example["text"], published=date(2024, 5, 11))
    events = parse_article(article, load_gazetteer()).events
    assert len(events) == 1
    assert events[0].date == (example["date"] and date.fromisoformat(example["date"]))


SUBJECT_RELATIVE = load("sentences.yaml")["subject_relative"]["examples"]


@pytest.mark.parametrize("example", SUBJECT_RELATIVE, ids=[e["text"][-50:] for e in SUBJECT_RELATIVE])
def test_a_relative_clause_after_the_trigger_dates_its_own_happening(example):
    article = Article(id="a", name="a.txt", title="", text=example["text"], published=date(2024, 5, 12))
    events = parse_article(article, load_gazetteer()).events
    assert events and events[0].date == (example["date"] and date.fromisoformat(example["date"]))


CLOSING_SPAN = load("sentences.yaml")["closing_span"]["examples"]


@pytest.mark.parametrize("example", CLOSING_SPAN, ids=[e["text"][:50] for e in CLOSING_SPAN])
def test_a_gathering_of_days_that_ended_on_a_day_spans_those_days(example):
    article = Article(id="a", name="a.txt", title="", text=example["text"], published=date(2024, 5, 11))
    events = parse_article(article, load_gazetteer()).events
    assert len(events) == 1
    assert events[0].date == date.fromisoformat(example["date"])
    assert events[0].date_end == (example["date_end"] and date.fromisoformat(example["date_end"]))


def test_a_day_counted_from_an_inferred_publication_date_says_the_date_was_inferred():
    text = "The two foreign ministers met in Lisbon on Tuesday to discuss fishing quotas."
    stated = Article(id="a", name="a.txt", title="", text=text, published=date(2024, 5, 16))
    inferred = Article(id="b", name="b.txt", title="", text=text, published=date(2024, 5, 16),
                       published_inferred=True, published_basis="inferred: the latest explicit date in the text")
    (on_stated,) = parse_article(stated, load_gazetteer()).events
    (on_inferred,) = parse_article(inferred, load_gazetteer()).events
    assert on_stated.date == on_inferred.date == date(2024, 5, 14)
    assert "inferred" not in on_stated.date_basis
    assert "counted from the page's date 2024-05-16, inferred: the latest explicit date in the text" in on_inferred.date_basis


def test_an_own_date_basis_names_the_rule_and_what_the_day_was_counted_from_in_a_readers_words():
    """"Tuesday" is counted from the page's date (the tagger's "document date"), and the basis names its rule; the
    word "publication" stays out of it, since the app reads it as a day carried over (timeline/frame.py)."""
    text = "The two foreign ministers met in Lisbon on Tuesday to discuss fishing quotas."
    (event,) = parse_article(Article(id="a", name="a.txt", title="", text=text, published=date(2024, 5, 16)),
                             load_gazetteer()).events
    assert event.date_basis == 'own date: "Tuesday" -> 2024-05-14 (rule weekday; counted from the page\'s date 2024-05-16)'
    assert mark_of(event) == "exact"


@pytest.mark.parametrize("text, value", [
    ("The two foreign ministers met in Lisbon on Tuesday morning to discuss fishing quotas.", "2024-05-14 (morning)"),
    ("The two foreign ministers met in Lisbon at the end of last year to discuss fishing quotas.",
     "2023 (2023-09-01 to 2023-12-31)"),
    ("The two foreign ministers met in Lisbon in March to discuss fishing quotas.", "2024-03 (rule"),
])
def test_an_own_date_basis_gives_the_value_in_a_readers_words(text, value):
    """A part of the day in words, not the tagger's "TMO"; a part of a year with the days it stands for."""
    (event,) = parse_article(Article(id="a", name="a.txt", title="", text=text, published=date(2024, 5, 16)),
                             load_gazetteer()).events
    assert f'" -> {value}' in event.date_basis


@pytest.mark.parametrize("text, day", [
    ("The farm minister — who landed in the capital on Sunday — met the trade commissioner on Tuesday.", date(2024, 5, 14)),
    ("The farm minister — the first envoy to come this year — met the trade commissioner on Tuesday.", date(2024, 5, 14)),
    ("NAIROBI — On Tuesday, the farm minister met the trade commissioner to discuss tariffs.", date(2024, 5, 14)),
])
def test_a_dated_aside_between_dashes_before_the_verb_does_not_date_the_happening(text, day):
    article = Article(id="a", name="a.txt", title="", text=text, published=date(2024, 5, 16))
    (event,) = parse_article(article, load_gazetteer()).events
    assert event.date == day, event.date_basis


@pytest.mark.parametrize("when, day", [("on Wednesday", date(2024, 5, 8)), ("late on Wednesday evening", date(2024, 5, 8))])
def test_a_weekday_read_forward_after_agreed_to_is_read_back_with_its_part_of_day(when, day):
    text = f"The two warring factions agreed to a truce {when} after a week of heavy fighting."
    article = Article(id="a", name="a.txt", title="", text=text, published=date(2024, 5, 10))
    (event,) = [e for e in parse_article(article, load_gazetteer()).events if e.event_type == "agreement"]
    assert event.date == day, event.date_basis


YEAR_IT_IS_FOR = load("sentences.yaml")["year_it_is_for"]["examples"]


@pytest.mark.parametrize("example", YEAR_IT_IS_FOR, ids=[e["text"][:50] for e in YEAR_IT_IS_FOR])
def test_a_year_a_happening_is_for_is_not_its_date(example):
    article = Article(id="a", name="a.txt", title="", text=example["text"], published=date(2031, 4, 22))
    events = parse_article(article, load_gazetteer()).events
    assert events and events[0].date == (example["date"] and date.fromisoformat(example["date"]))
