"""Export then import gives the same records, in every format, for events and timeline events."""

import io
import json
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from timeline.errors import TimelineError
from timeline.export import FORMATS, format_for, read_records, write_records
from timeline.merge import merge_events
from timeline.models import Event

text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"), max_size=30)
maybe_day = st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31)))
events = st.builds(
    Event,
    id=st.uuids().map(str), article=text, article_id=text, event_type=st.sampled_from(["meeting", "call"]),
    title=text, date=maybe_day, date_end=maybe_day, precision=st.sampled_from(["day", "unknown"]),
    date_basis=text, actors=st.lists(text, max_size=3).map(tuple), actor_ids=st.lists(text, max_size=3).map(tuple),
    location=st.one_of(st.none(), text.filter(bool)), evidence=text, evidence_start=st.integers(0, 10**6),
    evidence_end=st.integers(0, 10**6), confidence=st.floats(0, 1), trigger=text,
    date_window=st.one_of(st.none(), st.tuples(maybe_day, maybe_day)), background=st.booleans(),
)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=12, deadline=None)
@given(records=st.lists(events, max_size=5, unique_by=lambda e: e.id))
def test_events_round_trip(tmp_path_factory, fmt, records):
    path = tmp_path_factory.mktemp("out") / f"events.{fmt}"
    write_records(records, fmt, path)
    assert read_records(path) == records


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=8, deadline=None)
@given(records=st.lists(events, min_size=1, max_size=5, unique_by=lambda e: e.id))
def test_timeline_round_trip(tmp_path_factory, fmt, records):
    timeline = merge_events(records)
    path = tmp_path_factory.mktemp("out") / f"timeline.{fmt}"
    write_records(timeline, fmt, path)
    assert read_records(path) == timeline


def test_jsonl_on_a_stream_is_one_object_per_line():
    out = io.StringIO()
    assert write_records([], "jsonl", out) == 0
    event = Event("e1", "a.txt", "a", "call", "t", date(2023, 1, 9), None, "day", "b", ("X",), ("x",), None,
                  "ev", 0, 2, 0.5)
    write_records([event], "jsonl", out)
    assert json.loads(out.getvalue())["date"] == "2023-01-09"


def test_parquet_needs_a_file():
    with pytest.raises(TimelineError):
        write_records([], "parquet", io.StringIO())


def test_format_comes_from_the_extension_unless_asked():
    assert format_for("x.csv") == "csv"
    assert format_for("x.out") == "jsonl"
    assert format_for(None) == "jsonl"
    assert format_for("x.csv", "json") == "json"
    assert format_for("x.ndjson") == "jsonl" and format_for("x.pq") == "parquet"


@pytest.mark.parametrize("name", ["events.xlsx", "events.tsv", "events.html"])
def test_an_extension_of_a_format_we_do_not_write_is_refused_unless_a_format_is_given(name):
    with pytest.raises(TimelineError, match="is not a format we write"):
        format_for(name)
    assert format_for(name, "csv") == "csv"


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_carries_the_background_flag_and_an_older_file_reads_as_news(tmp_path, fmt):
    news = Event("n", "a.txt", "a", "meeting", "Talks", date(2024, 3, 4), None, "day", "own date", (), (), None,
                 "They met on Monday.", 0, 19, 0.9)
    history = Event("h", "a.txt", "a", "agreement", "Treaty", date(2019, 1, 1), date(2019, 12, 31), "year",
                    "own date; dated only 2019, over a year before the page's date 2024-03-10: background", (), (),
                    None, "They signed a treaty in 2019.", 20, 49, 0.6, background=True)
    path = tmp_path / f"events.{fmt}"
    write_records([news, history], fmt, path)
    assert [e.background for e in read_records(path)] == [False, True]
    if fmt == "jsonl":  # a file written before the flag existed
        path.write_text("".join(json.dumps({k: v for k, v in json.loads(line).items() if k != "background"}) + "\n"
                                for line in path.read_text(encoding="utf-8").splitlines()), encoding="utf-8")
        assert [e.background for e in read_records(path)] == [False, False]
