"""The event frame: plotting spans, date marks, actor groups, counts, exports and the meeting network."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from synthetic_events import make_actors, make_events

from timeline.frame import (
    actor_infos, board_for, counts, date_span, day_label, events_of, groups_of, mark_of, meeting_edges, newest_first,
    plot_span, table_view,
    to_csv, to_frame, to_json,
)
from timeline.models import Actor, Corpus, Role, Source, TimelineEvent


def event(id="e1", day=date(2023, 9, 20), end=None, precision="day", basis="stated", actors=("a",), kind="meeting",
          window=None, sources=1, title="A meets B") -> TimelineEvent:
    return TimelineEvent(
        id=id, event_type=kind, title=title, date=day, date_end=end, precision=precision, date_basis=basis,
        actors=tuple(a.upper() for a in actors), actor_ids=tuple(actors), location=None, confidence=0.9,
        sources=tuple(Source(f"art{i}.txt", f"id{i}", f"{id}-{i}", "Evidence.", 0, 9) for i in range(sources)),
        date_window=window,
    )


def test_one_day_event_spans_a_whole_day():
    row = to_frame([event()]).iloc[0]
    assert row["end"] - row["start"] == pd.Timedelta(days=1)


def test_range_ends_the_day_after_its_last_day():
    row = to_frame([event(end=date(2023, 9, 22))]).iloc[0]
    assert row["end"] == pd.Timestamp(2023, 9, 23)
    assert row["mark"] == "range"


def test_marks_tell_stated_inferred_and_undated_days_apart():
    assert mark_of(event(basis="own date: 'September 19'")) == "exact"
    assert mark_of(event(basis="publication date: reported as just happened")) == "inferred"
    assert mark_of(event(precision="month")) == "inferred"
    assert mark_of(event(day=None, precision="unknown")) == "undated"
    assert mark_of(event(end=date(2023, 9, 20))) == "exact"  # an end equal to the start is no range


def test_undated_events_sort_last_and_keep_their_window():
    frame = to_frame([event("u", day=None, window=(date(2023, 9, 1), date(2023, 9, 5))), event("d")])
    assert list(frame["id"]) == ["d", "u"]
    assert frame.iloc[1]["window_start"] == pd.Timestamp(2023, 9, 1)
    assert frame.iloc[1]["day"].startswith("undated (between 2023-09-01")


def test_an_undated_event_bounded_on_one_side_says_which():
    frame = to_frame([event("a", day=None, window=(None, date(2023, 5, 26))),
                      event("b", day=None, window=(date(2023, 9, 13), None))])
    assert sorted(frame["day"]) == ["undated (by 2023-05-26)", "undated (from 2023-09-13)"]


def test_groups_follow_affiliations_through_bodies():
    actors = {
        "minister": Actor("minister", "Minister", "person", roles=(Role("Minister", "ministry"),)),
        "ministry": Actor("ministry", "Ministry", "organization", roles=(Role("body", "land"),)),
        "land": Actor("land", "Land", "country"),
    }
    assert groups_of(["minister"], actors.get) == ("minister", "ministry", "land")


def test_actor_list_puts_people_under_their_group_with_counts():
    actors = make_actors(people=10)
    frame = to_frame(make_events(500, actors=actors), actors.get)
    infos = actor_infos(frame, actors.get)
    position = {info.id: i for i, info in enumerate(infos)}
    for info in infos:
        if info.parent:
            assert position[info.parent] < position[info.id]
    by_id = {info.id: info for info in infos}
    country = next(i for i in infos if i.kind == "country")
    expected = sum(country.id in groups for groups in frame["groups"])
    assert by_id[country.id].count == expected


def test_records_come_back_unchanged():
    events = make_events(200)
    frame = to_frame(events)
    assert sorted(events_of(frame), key=lambda e: e.id) == sorted(events, key=lambda e: e.id)


def test_csv_and_json_hold_every_event():
    frame = to_frame(make_events(300))
    table = pd.read_csv(io.BytesIO(to_csv(frame)), keep_default_na=False)
    records = json.loads(to_json(frame))
    assert list(table["id"]) == list(frame["id"]) == [r["id"] for r in records]
    assert records[0]["sources"][0]["evidence"]


def test_csv_says_how_each_day_is_known_and_why_each_event_is_there():
    frame = to_frame([event("two", sources=2), event("u", day=None, precision="unknown")])
    table = pd.read_csv(io.BytesIO(to_csv(frame)), keep_default_na=False).set_index("id")
    assert table.loc["two", "evidence"] == "art0.txt: Evidence. | art1.txt: Evidence."
    assert dict(table["day_known"]) == {"two": "day stated", "u": "no day stated"}


def test_csv_keeps_the_window_of_an_undated_event():
    bounded = event("w", day=None, precision="unknown", window=(date(2024, 10, 15), date(2024, 10, 22)))
    frame = to_frame([bounded, event("d")])
    table = pd.read_csv(io.BytesIO(to_csv(frame)), keep_default_na=False).set_index("id")
    assert (table.loc["w", "date"], table.loc["w", "window_start"], table.loc["w", "window_end"]) == (
        "", "2024-10-15", "2024-10-22")
    assert table.loc["d", "window_start"] == table.loc["d", "window_end"] == ""


def test_csv_keeps_article_text_as_data(tmp_path):
    frame = to_frame([event(title='=HYPERLINK("x"), "quoted", <b>bold</b>')])
    table = pd.read_csv(io.BytesIO(to_csv(frame)))
    assert table.loc[0, "title"] == '\'=HYPERLINK("x"), "quoted", <b>bold</b>'  # shown as text, never run


def test_csv_cells_that_a_spreadsheet_would_run_start_with_a_quote():
    frame = to_frame([event(title=title, id=f"e{i}") for i, title in enumerate(("+1 talks", "-x", "@cmd", "a = b"))])
    titles = list(pd.read_csv(io.BytesIO(to_csv(frame)))["title"])
    assert titles == ["'+1 talks", "'-x", "'@cmd", "a = b"]


def test_meeting_edges_count_meetings_per_pair():
    events = [
        event("m1", actors=("a", "b")), event("m2", actors=("b", "a", "c")),
        event("c1", actors=("a", "b"), kind="call"), event("o1", actors=("a", "b"), kind="operation"),
    ]
    edges = meeting_edges(to_frame(events)).set_index(["source", "target"])
    assert edges.loc[("a", "b"), "weight"] == 3
    assert set(edges.loc[("a", "b"), "event_ids"]) == {"m1", "m2", "c1"}
    assert edges.loc[("a", "c"), "weight"] == 1


def test_counts_and_span():
    frame = to_frame([event("1", kind="call"), event("2", day=date(2020, 1, 1)), event("3", day=None)])
    assert counts(frame, "event_type") == {"meeting": 2, "call": 1}
    assert counts(frame, "articles") == {"art0.txt": 3}
    assert date_span(frame) == (date(2020, 1, 1), date(2023, 9, 20))


def test_table_view_has_the_analyst_columns():
    view = table_view(to_frame(make_events(20)))
    assert list(view.columns)[:7] == ["Day", "Day known", "Type", "Title", "Actors", "Sources", "Date basis"]


def test_table_view_says_how_each_day_is_known():
    frame = to_frame([event("s"), event("p", basis="publication date: reported as just happened"),
                      event("r", end=date(2023, 9, 22)), event("u", day=None, precision="unknown")])
    known = dict(zip(frame["id"], table_view(frame)["Day known"]))
    assert known == {"s": "day stated", "p": "day inferred or coarser", "r": "date range", "u": "no day stated"}


def test_board_uses_actors_discovered_in_the_corpus():
    found = Actor("new-person", "New Person", "person", roles=(Role("Envoy", "land"),), discovered=True)
    from timeline.models import Article, ParsedArticle

    parsed = ParsedArticle(Article("x", "x.txt", "T", "text"), actors=(found,))
    corpus = Corpus((parsed,), (event(actors=("new-person",)),), ())
    board = board_for(corpus, {"land": Actor("land", "Land", "country")}.get)
    assert board.frame.iloc[0]["groups"] == ("new-person", "land")
    assert [info.id for info in board.actors] == ["land", "new-person"]
    assert board.articles["x.txt"] is not None


days = st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 1, 1))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), days), st.integers(0, 30)), min_size=1, max_size=30))
def test_every_event_keeps_a_positive_width(spans):
    events = [event(str(i), day=d, end=(d + timedelta(days=n)) if d else None) for i, (d, n) in enumerate(spans)]
    frame = to_frame(events)
    dated = frame[frame["start"].notna()]
    assert len(frame) == len(events)
    assert ((dated["end"] - dated["start"]) >= pd.Timedelta(days=1)).all()


def test_columns_worked_out_per_distinct_value_match_each_event_alone():
    actors = make_actors()
    events = make_events(600, actors=actors)
    events += [event("m", precision="month", basis="inferred from the month"), event("y", precision="year"),
               event("w", day=None, window=(None, date(2023, 3, 1))), event("s", sources=3, day=None)]
    frame = to_frame(events, actors.get)
    for row, e in zip(frame.itertuples(index=False), events_of(frame)):
        assert row.day == day_label(e) and row.mark == mark_of(e)
        start, end = plot_span(e)
        assert (pd.isna(row.start), pd.isna(row.end)) == (start is None, end is None)
        assert start is None or (row.start.date(), row.end.date()) == (start, end)
        assert row.groups == groups_of(e.actor_ids, actors.get)
        assert row.articles == tuple(dict.fromkeys(s.article for s in e.sources))


def test_the_frame_and_its_csv_carry_the_background_flag_and_its_reason():
    from dataclasses import replace

    from timeline.frame import background_reason

    events = make_events(6)
    basis = "own date: \"2019\" -> 2019 (year); dated only 2019, over a year before the page's date 2024-03-10: background"
    events[2] = replace(events[2], background=True, date_basis=basis)
    frame = to_frame(events)
    assert frame["background"].dtype == bool and frame["background"].sum() == 1
    assert list(table_view(frame)["Background"]).count(True) == 1
    rows = pd.read_csv(io.BytesIO(to_csv(frame)))
    assert rows["background"].sum() == 1
    assert background_reason(events[2]) == "dated only 2019, over a year before the page's date 2024-03-10"
    assert background_reason(replace(events[3], background=True)) == "every report tells it as history"
    assert to_frame([])["background"].dtype == bool


def test_newest_first_puts_the_latest_day_on_top_and_the_undated_last():
    frame = to_frame([event("old", date(1990, 5, 1)), event("new", date(2024, 3, 2)), event("nil", None),
                      event("mid", date(2023, 1, 9), end=date(2023, 1, 12)), event("new2", date(2024, 3, 2))])
    assert list(newest_first(frame)["id"]) == ["new", "new2", "mid", "old", "nil"]
    assert list(frame["id"]) == ["old", "mid", "new", "new2", "nil"]  # the frame itself keeps day order


def test_an_organisation_known_by_its_initials_is_spelled_out_for_the_actor_list():
    """An analyst typing "World Health" in the Actors list found nothing: the gazetteer names it WHO."""
    from timeline.frame import spelled_out
    from timeline.models import Actor

    assert spelled_out(Actor("who", "WHO", "organization", ("World Health Organization", "the WHO"))) == \
        "World Health Organization"
    assert spelled_out(Actor("un", "U.N.", "organization", ("UN", "United Nations"))) == "United Nations"
    assert spelled_out(Actor("x", "Red Cross", "organization", ("International Red Cross",))) == ""
    assert spelled_out(Actor("p", "JFK", "person", ("John F. Kennedy",))) == "" and spelled_out(None) == ""


def test_a_merged_basis_is_split_into_the_day_s_basis_and_why_its_articles_were_joined():
    """merge.py ends a multi-article event's basis with why its articles are one event; the evidence shows that as
    its own line above the sources, and from the sources' days and actors where merge.py gave none."""
    from timeline.highlight import Evidence, joined_note, split_basis

    basis, joined = split_basis('own date: "Monday" -> 2030-03-04; told by 2 articles (the same type of event, on '
                                'days that agree, naming Ana Moro); its date is that of a.txt, its most exact report')
    assert basis == 'own date: "Monday" -> 2030-03-04'
    assert joined.startswith("told by 2 articles (the same type") and split_basis(basis) == (basis, "")
    items = [Evidence("a.txt", "", "2030-03-05", "", "", "", day="2030-03-04", actors=("Ana Moro", "Ivo Lind")),
             Evidence("b.txt", "", "2030-03-05", "", "", "", day="2030-03-04", actors=("Ivo Lind",))]
    assert joined_note(items, joined).startswith("Told by 2 articles (the same type") and joined_note(items[:1]) == ""
    assert joined_note(items) == ("Told by 2 articles, as one happening: each gives the day 2030-03-04; "
                                  "all name Ivo Lind.")
