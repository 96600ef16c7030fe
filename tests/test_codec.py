"""The codec: every ParsedArticle survives encode -> JSON -> decode unchanged."""

from __future__ import annotations

import json
from datetime import date

from hypothesis import given, settings as hsettings, strategies as st

from timeline import codec
from timeline.models import Actor, Article, Event, Mention, ParsedArticle, Role, Source, Timex, TimelineEvent

# NaN never equals itself, so float fields get numbers only; every other field is inferred from its type.
FLOATS = st.floats(allow_nan=False)
PARSED = st.builds(
    ParsedArticle,
    mentions=st.lists(st.builds(Mention, score=FLOATS), max_size=3).map(tuple),
    events=st.lists(st.builds(Event, confidence=FLOATS), max_size=3).map(tuple),
)


def _example() -> ParsedArticle:
    article = Article(
        id="a1", name="x.txt", title="T", text="Met on 19 September 2023.", published=date(2023, 9, 20),
        published_basis="dateline", notes=("cp1252 fallback",),
    )
    timex = Timex(7, 24, "19 September 2023", "DATE", "2023-09-19", date(2023, 9, 19), date(2023, 9, 19), "day")
    event = Event(
        "e1", "x.txt", "a1", "meeting", "A meets B", date(2023, 9, 19), None, "day", "explicit date",
        ("A", "B"), ("a", "b"), None, "Met on 19 September 2023.", 0, 25, 0.9, "met",
        (date(2023, 9, 1), None),
    )
    actor = Actor("p1", "P One", "person", ("P",), (Role("Minister", "c1", date(2020, 1, 1), None),), (), True)
    mention = Mention(0, 3, "Met", "p1", "fuzzy", 0.875)
    return ParsedArticle(article, (timex,), (mention,), (event,), (actor,))


def test_round_trip_keeps_every_field_of_a_full_article():
    parsed = _example()
    assert codec.decode(json.loads(json.dumps(codec.encode(parsed)))) == parsed


def test_round_trip_restores_dates_and_tuples_not_strings_and_lists():
    back = codec.loads(codec.dumps(_example()))
    assert back.article.published == date(2023, 9, 20)
    assert isinstance(back.events[0].actors, tuple)
    assert back.events[0].date_window == (date(2023, 9, 1), None)
    assert back.actors[0].roles[0].start == date(2020, 1, 1)


def test_encoded_form_is_plain_json_data():
    plain = codec.encode(_example())
    assert plain["article"]["published"] == "2023-09-20"
    assert plain["events"][0]["actors"] == ["A", "B"]
    assert json.loads(json.dumps(plain)) == plain


def test_other_records_round_trip_through_from_plain():
    source = Source("x.txt", "a1", "e1", "Met.", 0, 4, "publication date")
    record = TimelineEvent("t1", "meeting", "A meets B", None, None, "unknown", "", ("A",), ("a",), None, 0.5,
                           (source,), (None, date(2023, 9, 30)))
    assert codec.from_plain(TimelineEvent, json.loads(json.dumps(codec.to_plain(record)))) == record


@hsettings(max_examples=150, deadline=None)
@given(PARSED)
def test_any_parsed_article_round_trips_exactly(parsed):
    assert codec.loads(codec.dumps(parsed)) == parsed


@given(st.text())
def test_any_article_text_survives_dumps_including_lone_surrogates(text):
    parsed = ParsedArticle(Article(id="i", name="n", title="", text=text))
    assert codec.loads(codec.dumps(parsed)).article.text == text


@hsettings(max_examples=60, deadline=None)
@given(PARSED)
def test_to_json_writes_what_json_writes_of_the_plain_form(parsed):
    assert codec.to_json(parsed) == json.dumps(codec.encode(parsed), ensure_ascii=False)
    assert codec.dumps(parsed) == json.dumps(codec.encode(parsed), ensure_ascii=False,
                                             separators=(",", ":")).encode("utf-8", "surrogatepass")


def test_to_json_of_a_full_article_and_of_an_event_as_the_plain_form():
    parsed = _example()
    assert codec.to_json(parsed) == json.dumps(codec.encode(parsed), ensure_ascii=False)
    assert codec.to_json(parsed.events[0]) == json.dumps(codec.to_plain(parsed.events[0]), ensure_ascii=False)


def test_to_json_refuses_what_the_plain_form_cannot_hold():
    import pytest

    with pytest.raises(TypeError):
        codec.to_json({"words": {"a", "b"}})
