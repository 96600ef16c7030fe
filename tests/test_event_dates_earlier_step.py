"""An earlier step of the story told with its own day is not the undated lead told again, and a sentence opened by
"At that time," happened at the time of the event told just before it (data/events.yaml ``merge.sequel_offset_words``,
``same_time``; timeline/events.py). Made-up texts of unknown date."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.actors import load_gazetteer
from timeline.articles import infer_published
from timeline.models import Article
from timeline.pipeline import parse_article
from timeline.resources import load

VERDICTS = ("Ex-mayor jailed for bribery\n"
            "The appeals court reduced the penalty to a fine and eight months in jail.\n"
            "The appeals court has convicted former mayor Tomas Reval of bribery, sentencing him to eight months in "
            "jail and fining him 3 million.\n"
            "The verdict was handed down after the 30th hearing in the case on Monday.\n"
            "Reval, a former city treasurer, was originally convicted of bribery by the district court on March 3, "
            "2015. At that time, he was fined 9 million.\n"
            "However, the district court in 2009 acquitted Reval, saying the case had been filed too late.\n")


def _events(text: str):
    article = infer_published(Article(id="a", name="a.txt", title="", text=text), None)  # no day: a floor at most
    return parse_article(article, load_gazetteer()).events


def test_a_first_verdict_told_as_original_keeps_its_day_and_the_lead_gets_none():
    events = _events(VERDICTS)
    first = [e for e in events if "originally" in e.evidence]
    assert len(first) == 1 and first[0].date == date(2015, 3, 3)
    lead = [e for e in events if "reduced the penalty" in e.evidence]
    assert len(lead) == 1 and lead[0].date is None


def test_a_year_long_before_the_page_can_have_appeared_does_not_date_the_news_of_an_unplaced_day():
    """The page appeared on or after 3 March 2015 (its latest day); the verdict "on Monday" is news of its week, so
    the acquittal of 2009 is another happening and lends it no day."""
    events = _events(VERDICTS)
    assert [e.date for e in events if "acquitted" in e.evidence] == [date(2009, 1, 1)]
    assert all(e.date is None or e.date.year != 2009 for e in events if "acquitted" not in e.evidence)


def test_a_sentence_opened_by_at_that_time_takes_the_day_of_the_event_before_it():
    text = ("Rebels attacked an army post near Velm on March 3, 2015, killing four soldiers.\n\n"
            "At that time, Olaf Scholz visited the wounded in a hospital in Velm.")
    article = Article(id="a", name="a.txt", title="", text=text)
    (visit,) = [e for e in parse_article(article, load_gazetteer()).events if e.event_type == "visit"]
    assert visit.date == date(2015, 3, 3) and "continued date" in visit.date_basis


def test_a_mention_naming_an_unplaced_day_is_news_that_a_year_long_before_the_page_does_not_date():
    """``event_joins._long_before_the_news``: an undated mention whose sentence names a day no calendar places ("the
    verdict came after a hearing on Monday", ``timed``) is news of the page's week; a mention of 2009 on a page
    that appeared on or after 3 March 2015 is another happening. Without that day, nothing says so."""
    from types import SimpleNamespace

    from timeline.event_joins import _long_before_the_news

    old = SimpleNamespace(timex=SimpleNamespace(first_day=date(2009, 1, 1), last_day=date(2009, 12, 31), granularity="year"))
    news = SimpleNamespace(lead=False, timed=True, timex=None,
                           sentence=SimpleNamespace(start=400, text="The verdict came after a hearing."))
    assert _long_before_the_news(news, old, date(2015, 3, 3))
    assert not _long_before_the_news(SimpleNamespace(**{**vars(news), "timed": False}), old, date(2015, 3, 3))


RECALLED = load("sentences.yaml")["recalled_happening"]["examples"]


@pytest.mark.parametrize("example", RECALLED, ids=[e["text"][60:110] for e in RECALLED])
def test_then_goes_on_from_the_story_not_from_a_happening_remembered(example):
    article = Article(id="a", name="a.txt", title="", text=example["text"], published=date(2031, 6, 12))
    events = parse_article(article, load_gazetteer()).events
    last = [e for e in events if "fisheries" in e.evidence]
    assert last, [e.evidence for e in events]
    assert last[-1].date == date.fromisoformat(example["date"]), [(e.date, e.date_basis) for e in last]
