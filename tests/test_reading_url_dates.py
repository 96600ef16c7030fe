"""A page's address gives its publication day (or month) when the record's metadata and the text give none."""

import json
from datetime import date

import pytest

from timeline.articles import infer_published, read_bytes
from timeline.reading.dates import url_date
from timeline.resources import load
from timeline.settings import DATA_DIR, Settings

EXAMPLES = load("datelines.yaml", DATA_DIR)["url_dates"]["examples"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e["url"] or "empty")
def test_url_date_examples(example):
    day, month = url_date(example["url"], DATA_DIR)
    assert (day.isoformat() if day else None) == example.get("date")
    assert (f"{month[0]:04d}-{month[1]:02d}" if month else None) == example.get("month")


def _record(**fields) -> bytes:
    base = {"title": "Ministers meet", "text": "The two ministers met on Tuesday in the capital and signed a trade pact."}
    return json.dumps({**base, **fields}).encode()


def test_a_record_without_a_date_takes_the_day_of_its_address():
    [article] = read_bytes("a.json", _record(url="https://news.example.org/2031/02/19/ministers-meet"))
    assert article.published == date(2031, 2, 19)
    assert article.published_basis.startswith("the page's address: ")
    assert "2031/02/19" in article.published_basis


def test_the_records_own_date_wins_over_its_address():
    [article] = read_bytes("a.json", _record(url="https://example.org/2031/02/19/x", published="2031-02-20"))
    assert article.published == date(2031, 2, 20)


def test_a_dateline_with_a_year_wins_over_the_address():
    text = "LIMA, March 3, 2031 (Agency) - The two ministers met on Tuesday and signed a trade pact."
    [article] = read_bytes("a.json", _record(url="https://example.org/2031/02/19/x", text=text))
    assert article.published == date(2031, 3, 3)


def test_the_address_wins_over_the_users_override():
    settings = Settings(published_override=date(2030, 1, 1))
    [article] = read_bytes("a.json", _record(url="https://example.org/2031/02/19/x"), settings)
    assert article.published == date(2031, 2, 19)


def test_an_address_with_a_month_only_bounds_the_inferred_date():
    text = "The two ministers met on Tuesday, February 11, and signed a trade pact."
    [article] = read_bytes("a.json", _record(url="https://example.org/2031/02/ministers-meet", text=text))
    assert article.published is None
    assert article.published_basis.startswith("dated to the month only: 2031-02")
    inferred = infer_published(article, None)
    assert inferred.published is not None and (inferred.published.year, inferred.published.month) == (2031, 2)


def test_an_address_without_a_date_changes_nothing():
    [article] = read_bytes("a.json", _record(url="https://example.org/news/288997"))
    assert article.published is None
