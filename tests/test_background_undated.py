"""Background on a page of no known date: the latest year the page's happenings are dated in stands for its date
(timeline/background.py ``_latest_year_told``), so history long before that year is flagged as on a dated page."""

from __future__ import annotations

from timeline.actors import load_gazetteer
from timeline.models import Article
from timeline.pipeline import parse_article

LEAD = "Police arrested two men in Velm in May 2023 over the bombing of a bus station. "


def _flags(text: str) -> list[tuple[str, bool]]:
    article = Article(id="made-up", name="made-up.txt", title="", text=text, published=None)
    return [(e.event_type, e.background) for e in parse_article(article, load_gazetteer()).events]


def test_a_happening_years_before_the_latest_year_told_is_background():
    events = _flags(LEAD + "The same group carried out a wave of attacks on the capital in 2011.")
    assert events[0] == ("operation", False) and events[-1] == ("incident", True)


def test_a_happening_of_the_year_before_stays_news():
    events = _flags(LEAD + "The two countries signed a trade treaty in 2022.")
    assert events[0] == ("operation", False) and events[-1] == ("agreement", False)


def test_a_page_with_no_dated_happening_flags_nothing():
    events = _flags("Police arrested two men in Velm over the bombing of a bus station. "
                    "The same group carried out a wave of attacks on the capital in 2011.")
    assert ("incident", True) not in events


def test_the_reason_names_the_year_it_counts_from():
    article = Article(id="made-up", name="made-up.txt", title="",
                      text=LEAD + "The same group carried out a wave of attacks on the capital in 2011.", published=None)
    flagged = [e for e in parse_article(article, load_gazetteer()).events if e.background]
    assert flagged and "the latest year the page tells of" in flagged[0].date_basis and "2023" in flagged[0].date_basis
