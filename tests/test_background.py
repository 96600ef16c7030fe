"""Background mentions (timeline/background.py): history an article retells is flagged, not dropped.

The rule's made-up examples live in data/background.yaml and run here; the merge keeps a timeline event background
only when every report of it is."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from timeline import background
from timeline.actors import load_gazetteer
from timeline.merge import merge_events
from timeline.models import Article, Event
from timeline.pipeline import parse_article
from timeline.resources import load

EXAMPLES = load("background.yaml")["examples"]
MEETING = "The foreign ministers of Norland and Vesteria met in Velm on Monday. "


def _events(text: str, published: date = date(2024, 3, 10)) -> list[Event]:
    article = Article(id="made-up", name="made-up.txt", title="", text=text, published=published)
    return list(parse_article(article, load_gazetteer()).events)


def _flags(text: str, published: date = date(2024, 3, 10)) -> list[tuple[str, bool]]:
    return [(e.event_type, e.background) for e in _events(text, published)]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda ex: ex["text"][-50:])
def test_data_examples(example):
    published = example["published"]
    published = published if published is None or isinstance(published, date) else date.fromisoformat(published)
    assert _flags(example["text"], published) == [tuple(pair) for pair in example["events"]]


def test_a_happening_dated_only_by_a_month_or_year_long_before_is_background():
    assert _flags(MEETING + "The two countries signed a trade treaty in 2019.") == [
        ("meeting", False), ("agreement", True)]
    assert _flags(MEETING + "Clashes erupted in the border region in March last year.", date(2024, 8, 20)) == [
        ("meeting", False), ("incident", True)]


def test_a_recent_month_an_old_day_or_a_sentence_with_a_day_stay_news():
    assert _flags(MEETING + "The two countries signed a trade treaty in January.") == [
        ("meeting", False), ("agreement", False)]
    assert _flags(MEETING + "The two countries signed a trade treaty on 4 March 2019.") == [
        ("meeting", False), ("agreement", False)]
    assert _flags(MEETING + "On Tuesday, the two countries signed a treaty first drafted in 2019.") == [
        ("meeting", False), ("agreement", False)]


def test_the_articles_first_event_in_its_lead_stays_news_whatever_its_date():
    assert _flags("Norland and Vesteria signed a trade treaty in 2019, a joint report of the two governments "
                  "says.") == [("agreement", False)]


def test_the_date_basis_says_why_an_event_is_background():
    treaty = _events(MEETING + "The two countries signed a trade treaty in 2019.")[1]
    assert treaty.date_basis.endswith("; dated only 2019, over a year before the page's date 2024-03-10: background")
    assert treaty.date == date(2019, 1, 1) and treaty.precision == "year"  # kept as it was, only flagged


def test_without_a_publication_date_a_happening_is_measured_against_the_latest_year_told():
    events = _events(MEETING + "The two countries signed a trade treaty in 2019.")
    article = Article(id="made-up", name="made-up.txt", title="", text=MEETING, published=None)
    plain = [replace(e, background=False, date_basis=e.date_basis.split("; dated only")[0]) for e in events]
    assert [e.background for e in background.mark(plain, article, ())] == [False, True]  # the meeting is of 2024
    assert not any(e.background for e in background.mark(plain[1:], article, ()))  # 2019 is the latest year told


def _report(eid: str, article: str, flag: bool) -> Event:
    return Event(eid, article, article, "agreement", "Treaty", date(2019, 1, 1), date(2019, 12, 31), "year",
                 "own date", ("Norland",), ("norland",), None, "The two countries signed a treaty.", 0, 30, 0.6,
                 background=flag)


def test_a_timeline_event_is_background_only_when_every_report_tells_it_as_history():
    assert merge_events([_report("a", "one.txt", True), _report("b", "two.txt", True)])[0].background
    (mixed,) = merge_events([_report("a", "one.txt", True), _report("b", "two.txt", False)])
    assert len(mixed.sources) == 2 and not mixed.background
