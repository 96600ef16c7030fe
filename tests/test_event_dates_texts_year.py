"""``event_dates.in_the_texts_year``: on a page whose date is unknown, a day-month without a year ("held on
April 10") is placed where it first comes on or after the latest day the text writes with its year, when that is
close after it, or a few days before it (data/datelines.yaml ``yearless_day_in_text``); farther before it, far after
it, or without such a day it stays undated."""

from datetime import date

import pytest

from timeline.actors import load_gazetteer
from timeline.models import Article
from timeline.pipeline import parse_article
from timeline.resources import load

CASES = [
    # a caption gives the year; the sentence names the same day without it
    ("Voters queue outside a school in Eastport on March 8, 2031.\n\n"
     "The commission released the results of the municipal elections held on March 8.", "municipal", "2031-03-08"),
    # a later day-month after a dated storm, in the same season
    ("The navy ship reached the harbour early on April 2 to unload relief supplies for the islands.\n\n"
     "The storm that struck the islands on Sunday, March 16, 2031 left 40 people dead.", "unload", "2031-04-02"),
    # across the turn of the year: nearer in the year after
    ("The flood of December 28, 2030 cut the valley off.\n\n"
     "Army helicopters evacuated 300 villagers from the valley on January 4.", "evacuated", "2031-01-04"),
    # before the text's latest day: that day may be history the text retells, so no year is guessed
    ("The navy ship reached the harbour early on March 2 to unload relief supplies for the islands.\n\n"
     "The storm that struck the islands on Sunday, March 16, 2031 left 40 people dead.", "unload", None),
    # months after it: no year is guessed either
    ("The navy ship reached the harbour early on October 2 to unload relief supplies for the islands.\n\n"
     "The storm that struck the islands on Sunday, March 16, 2031 left 40 people dead.", "unload", None),
    # only a month with its year, history the text retells: no day is guessed
    ("The militia resumed its revolt in November 2030.\n\n"
     "On November 24, the two presidents met in the capital to negotiate a truce.", "met", None),
    # no full day, but the latest year the text writes (here inside a name) puts the day on the weekday it names
    ("The health minister of Ruritania on Tuesday, March 4, held talks with the head of the relief agency.\n\n"
     "Earlier, he spoke at the Regional Health Forum 2031 in the capital.", "held talks", "2031-03-04"),
    # the weekday does not agree with that year: no year is guessed
    ("The health minister of Ruritania on Wednesday, March 4, held talks with the head of the relief agency.\n\n"
     "Earlier, he spoke at the Regional Health Forum 2031 in the capital.", "held talks", None),
    # no year anywhere in the text: no day is guessed
    ("The commission released the results of the municipal elections held on March 8.", "municipal", None),
]


@pytest.mark.parametrize("text, words, expected", CASES, ids=[c[1] + str(c[2]) for c in CASES])
def test_a_yearless_day_takes_the_year_of_the_texts_dates(text, words, expected):
    article = Article(id="a", name="a.txt", title="", text=text, published=None)
    events = parse_article(article, load_gazetteer()).events
    found = [e for e in events if words in e.evidence]
    assert found, [e.evidence for e in events]
    assert (found[0].date and found[0].date.isoformat()) == expected, [(e.date, e.date_basis) for e in events]


BEFORE = load("datelines.yaml")["yearless_day_in_text"]["examples"]


@pytest.mark.parametrize("example", BEFORE, ids=[e["text"][-40:] for e in BEFORE])
def test_a_yearless_day_a_few_days_before_the_texts_latest_day_takes_its_year(example):
    article = Article(id="a", name="a.txt", title="", text=example["text"], published=None)
    found = [e for e in parse_article(article, load_gazetteer()).events if example["words"] in e.evidence]
    assert found
    assert (found[0].date and found[0].date.isoformat()) == example["date"], [(e.date, e.date_basis) for e in found]


def test_a_day_whose_year_the_text_gave_is_marked_inferred_and_says_why():
    from timeline.frame import mark_of

    text, words, _ = CASES[0]
    (event,) = [e for e in parse_article(Article(id="a", name="a.txt", title="", text=text, published=None),
                                         load_gazetteer()).events if words in e.evidence]
    assert 'year inferred, as the article\'s date is unknown: the first March 8 on or after' in event.date_basis
    assert mark_of(event) == "inferred"
