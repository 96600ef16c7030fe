"""Filters over 10,000 generated events, and their round trip through URL query parameters."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from synthetic_events import make_actors, make_events

from timeline.filters import LANES, MATCHES, Filters, chosen_of, safe_name
from timeline.frame import to_frame

ACTORS = make_actors()


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return to_frame(make_events(10_000, actors=ACTORS), ACTORS.get)


def test_no_filter_keeps_everything(frame):
    assert len(Filters().apply(frame)) == len(frame)


def test_actor_filter_keeps_exactly_that_actors_events(frame):
    kept = Filters(actors=("person-3",)).apply(frame)
    expected = {e.id for e in frame["event"] if "person-3" in e.actor_ids}
    assert set(kept["id"]) == expected and expected


def test_choosing_a_country_includes_its_people(frame):
    members = {a.id for a in ACTORS.values() if "country-b" in a.affiliations}
    kept = Filters(actors=("country-b",)).apply(frame)
    expected = {e.id for e in frame["event"] if {"country-b", *members} & set(e.actor_ids)}
    assert set(kept["id"]) == expected
    assert any(not ("country-b" in e.actor_ids) for e in kept["event"]), "no event came in through a member"


def test_all_of_finds_the_events_with_both_actors(frame):
    kept = Filters(actors=("person-1", "person-2"), match="all").apply(frame)
    expected = {e.id for e in frame["event"] if {"person-1", "person-2"} <= set(e.actor_ids)}
    assert set(kept["id"]) == expected
    any_of = Filters(actors=("person-1", "person-2")).apply(frame)
    assert len(any_of) > len(kept)


def test_type_filter(frame):
    kept = Filters(types=("call", "visit")).apply(frame)
    assert set(kept["event_type"]) == {"call", "visit"}
    assert len(kept) == frame["event_type"].isin(["call", "visit"]).sum()


def test_date_filter_keeps_events_overlapping_the_range(frame):
    low, high = date(2023, 3, 1), date(2023, 3, 31)
    kept = Filters(date_from=low, date_to=high, undated=False).apply(frame)
    for e in kept["event"]:
        last = e.date_end or e.date
        assert e.date <= high and last >= low
    outside = frame[frame["start"].notna() & ~frame["id"].isin(kept["id"])]
    for e in outside["event"]:
        assert e.date > high or (e.date_end or e.date) < low


def test_undated_toggle_and_windows(frame):
    assert Filters(undated=False).apply(frame)["start"].notna().all()
    kept = Filters(date_from=date(2023, 6, 1), date_to=date(2023, 6, 30)).apply(frame)
    undated = kept[kept["start"].isna()]
    assert not undated.empty
    for start, end in zip(undated["window_start"], undated["window_end"]):
        assert pd.isna(end) or end >= pd.Timestamp(2023, 6, 1)
        assert pd.isna(start) or start <= pd.Timestamp(2023, 6, 30)


def test_source_filter(frame):
    kept = Filters(sources=("article-7.txt",)).apply(frame)
    assert not kept.empty
    assert all("article-7.txt" in names for names in kept["articles"])


def test_text_search_is_literal_and_ignores_case(frame):
    assert len(Filters(text="NUMBER 4242").apply(frame)) == 1
    assert Filters(text="(unbalanced[").apply(frame).empty


def test_query_round_trip_of_a_full_view():
    view = Filters(actors=("a", "b"), match="all", types=("call",), date_from=date(2023, 1, 2),
                   date_to=date(2023, 2, 3), sources=("x.txt",), text="talks", undated=False, lanes="type")
    assert Filters.from_query(view.to_query()) == view
    assert Filters().to_query() == {}


def test_a_broken_link_falls_back_to_defaults():
    broken = {"match": "some", "from": "2023-13-45", "to": ["x"], "lanes": "<script>", "undated": "maybe",
              "actor": ["", "a"], "unknown": "1"}
    assert Filters.from_query(broken) == Filters(actors=("a",))


names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)


@settings(max_examples=80, deadline=None)
@given(
    actors=st.lists(names, max_size=3, unique=True), types=st.lists(names, max_size=2, unique=True),
    match=st.sampled_from(MATCHES), lanes=st.sampled_from(LANES), undated=st.booleans(),
    first=st.one_of(st.none(), st.dates()), text=st.text(max_size=20), steps=st.integers(0, 20),
)
def test_any_view_survives_the_url(actors, types, match, lanes, undated, first, text, steps):
    view = Filters(actors=tuple(a for a in actors if a.strip()), match=match, types=tuple(t for t in types if t.strip()),
                   date_from=first, text=text.strip(), undated=undated, lanes=lanes, min_confidence=steps / 20)
    assert Filters.from_query(view.to_query()) == view


@pytest.mark.parametrize("name", ["../../etc/passwd", " leading space", "-rf", "a/b\\c", "ünïcode name", ".hidden"])
def test_export_names_are_safe(name):
    cleaned = safe_name(name)
    assert cleaned and "/" not in cleaned and "\\" not in cleaned and not cleaned.startswith((".", "-"))
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in cleaned)
    assert Filters(actors=(name,)).slug().startswith("timeline")


def _with_background(count: int = 40) -> pd.DataFrame:
    from dataclasses import replace

    events = [replace(e, background=i % 4 == 0) for i, e in enumerate(make_events(count, actors=ACTORS))]
    return to_frame(events, ACTORS.get)


def test_background_mentions_are_hidden_unless_asked_and_counted():
    frame = _with_background()
    history = int(frame["background"].sum())
    assert history == 10
    hidden = Filters()
    assert len(hidden.apply(frame)) == len(frame) - history and not hidden.apply(frame)["background"].any()
    assert hidden.hidden_background(frame) == history
    shown = Filters(background=True)
    assert len(shown.apply(frame)) == len(frame) and shown.hidden_background(frame) == 0
    one_type = frame["event_type"].iloc[0]  # the count is of what the other filters would show
    expected = int((frame["background"] & (frame["event_type"] == one_type)).sum())
    assert Filters(types=(one_type,)).hidden_background(frame) == expected


def test_showing_background_is_kept_in_the_link():
    assert Filters(background=True).to_query() == {"background": "1"}
    assert Filters.from_query({"background": "1"}).background
    assert not Filters.from_query({"background": "maybe"}).background and "background" not in Filters().to_query()


def test_a_minimum_confidence_hides_the_guesses_below_it(frame):
    kept = Filters(min_confidence=0.75).apply(frame)
    assert set(kept["id"]) == {e.id for e in frame["event"] if e.confidence >= 0.75}
    assert 0 < len(kept) < len(frame)
    assert len(Filters(min_confidence=0.0).apply(frame)) == len(frame)  # the default shows every event


def test_a_slider_s_inexact_step_keeps_the_events_at_that_confidence():
    """0.05 steps summed in a browser give 0.15000000000000002: an event of 0.15 is at it, not below it."""
    from dataclasses import replace

    events = make_events(6, actors=ACTORS)
    events = [replace(e, confidence=c) for e, c in zip(events, (0.15, 0.15, 0.2, 0.35, 0.6, 0.9))]
    guesses = to_frame(events, ACTORS.get)
    assert len(Filters(min_confidence=0.1 + 0.05).apply(guesses)) == 6
    assert len(Filters(min_confidence=0.05 * 4).apply(guesses)) == 4
    assert sorted(Filters(min_confidence=0.4).apply(guesses)["confidence"]) == [0.6, 0.9]


def test_the_minimum_confidence_is_kept_in_the_link():
    assert Filters(min_confidence=0.35).to_query() == {"confidence": "0.35"}
    assert Filters.from_query({"confidence": "0.35"}).min_confidence == 0.35
    assert Filters.from_query(Filters(min_confidence=0.1 + 0.05).to_query()).min_confidence == 0.15
    view = Filters(types=("call",), min_confidence=0.5, background=True)
    assert Filters.from_query(view.to_query()) == view
    assert "confidence" not in Filters().to_query()
    assert Filters(types=("call",), min_confidence=0.1 + 0.2).slug() == "timeline_call_conf0.30"  # the file's name too


@pytest.mark.parametrize("value", ["high", "", "nan", "inf", "-0.2", "1.5", "5", "0,3", "1e400"])
def test_a_bad_confidence_in_a_link_shows_every_event(value):
    assert Filters.from_query({"confidence": value, "type": "call"}) == Filters(types=("call",))


def test_the_guesses_a_minimum_confidence_hides_are_counted(frame):
    assert Filters().hidden_below_confidence(frame) == 0
    expected = int((frame["confidence"] < 0.75).sum())
    assert Filters(min_confidence=0.75).hidden_below_confidence(frame) == expected > 0
    one_type = frame["event_type"].iloc[0]  # of what the other filters would show
    of_type = frame[frame["event_type"] == one_type]
    assert Filters(types=(one_type,), min_confidence=0.75).hidden_below_confidence(frame) == int((of_type["confidence"] < 0.75).sum())


def test_every_option_chosen_is_no_restriction():
    """A list's "Select all" chose each option of that moment: the link named them, and a type a later upload
    brought was hidden. Every option chosen now means all of them; one left out is a restriction again."""
    options = ["meeting", "call", "visit"]
    assert chosen_of(["visit", "meeting", "call"], options) == ()
    assert chosen_of(["meeting", "call"], options) == ("meeting", "call")
    assert chosen_of(["meeting"], ["meeting"]) == ("meeting",)  # the only option, chosen by hand: kept
    assert chosen_of([], options) == ()
