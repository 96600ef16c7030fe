"""The timeline and network figures, checked through the figure data Plotly receives."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pandas as pd
import pytest
from synthetic_events import make_actors, make_events

from timeline.charts import (
    DAY_MS, MARK_SYMBOLS, NETWORK_LABELS, NO_ACTOR_LANE, TYPE_COLOURS, UNDATED_LANE, ChartOptions, default_window, figure_for,
    draws_anything, legend_html, network_figure, not_drawn,
    timeline_figure,
)
from timeline.filters import Filters
from timeline.frame import meeting_edges, to_frame
from timeline.png import SCREEN_ONLY, print_spec
from timeline.models import Source, TimelineEvent

ACTORS = make_actors()


@pytest.fixture(scope="module")
def big() -> pd.DataFrame:
    return to_frame(make_events(10_000, actors=ACTORS), ACTORS.get)


def event(id, day, kind="meeting", actors=("a", "b"), end=None, basis="stated", window=None, title=None):
    return TimelineEvent(
        id=id, event_type=kind, title=title or f"{kind} {id}", date=day, date_end=end,
        precision="day" if day else "unknown", date_basis=basis, actors=tuple(x.upper() for x in actors),
        actor_ids=tuple(actors), location=None, confidence=0.8,
        sources=(Source("s.txt", "s", id, "Evidence.", 0, 9),), date_window=window,
    )


def event_ids(figure) -> set[str]:
    return {i for trace in figure.data if trace.customdata is not None for i in trace.customdata}


def test_every_drawn_event_is_in_the_frame_and_none_is_lost(big):
    figure = timeline_figure(big)
    drawable = big[big["start"].notna() | big["window_start"].notna() | big["window_end"].notna()]
    assert event_ids(figure) == set(drawable["id"])


def test_large_views_use_webgl_and_small_ones_svg(big):
    def marker_types(figure):
        return {t.type for t in figure.data if t.type != "bar" and t.customdata is not None}

    assert marker_types(timeline_figure(big)) == {"scattergl"}
    assert marker_types(timeline_figure(big.head(200))) == {"scatter"}


def test_no_bar_is_narrower_than_a_day(big):
    bars = [t for t in timeline_figure(big).data if t.type == "bar"]
    assert bars and all(min(t.x) >= DAY_MS for t in bars)


def test_points_are_markers_and_ranges_are_bars():
    frame = to_frame([event("p", date(2023, 9, 20)), event("r", date(2023, 9, 20), end=date(2023, 9, 23))])
    figure = timeline_figure(frame)
    bars = [t for t in figure.data if t.type == "bar"]
    points = [t for t in figure.data if t.type == "scatter" and t.customdata is not None]
    assert {i for t in bars for i in t.customdata} == {"r"}
    assert {i for t in points for i in t.customdata} == {"p"}
    assert bars[0].x[0] == 4 * DAY_MS


def test_colour_by_type_and_shape_by_precision():
    frame = to_frame([
        event("stated", date(2023, 9, 1), kind="call"),
        event("inferred", date(2023, 9, 2), kind="call", basis="publication date: reported as just happened"),
        event("m", date(2023, 9, 3), kind="meeting"),
    ])
    figure = timeline_figure(frame, ChartOptions(lanes="type"))
    calls = next(t for t in figure.data if t.customdata is not None and "stated" in t.customdata)
    assert calls.marker.color == TYPE_COLOURS["call"]
    symbols = dict(zip(calls.customdata, calls.marker.symbol))
    assert symbols == {"stated": MARK_SYMBOLS["exact"], "inferred": MARK_SYMBOLS["inferred"]}
    legend = [t.name for t in figure.data if t.showlegend is not False and t.customdata is None]
    assert {"call", "meeting"} <= set(legend)


def test_hover_has_title_day_basis_actors_and_sources_escaped():
    frame = to_frame([event("x", date(2023, 9, 20), title="<img src=x onerror=alert(1)> talks")])
    trace = next(t for t in timeline_figure(frame).data if t.customdata is not None)
    hover = trace.text[0]
    assert "&lt;img src=x onerror=alert(1)&gt; talks" in hover and "<img" not in hover
    for part in ("2023-09-20", "basis:", "A, B", "sources:</i> 1"):
        assert part in hover


def test_a_far_away_event_does_not_squash_the_default_window():
    cluster = [event(str(i), date(2023, 9, 1) + timedelta(days=i % 20)) for i in range(30)]
    frame = to_frame(cluster + [event("old", date(2020, 11, 10))])
    low, high = default_window(frame)
    assert pd.Timestamp(low) > pd.Timestamp(2023, 8, 1) and pd.Timestamp(high) < pd.Timestamp(2023, 10, 15)
    figure = timeline_figure(frame)
    assert [note.text for note in figure.layout.annotations][0] == "1 event lies outside the dates shown"
    assert [b.label for b in figure.layout.xaxis.rangeselector.buttons][-1] == "all"


def test_the_picture_of_a_window_counts_what_lies_outside_without_the_screen_hint():
    frame = to_frame([event(str(i), date(2023, 9, 1) + timedelta(days=i % 20)) for i in range(30)]
                     + [event("old", date(2020, 11, 10))])
    figure = timeline_figure(frame)
    assert any("press" in note.text for note in figure.layout.annotations)  # the screen says what to press
    shown = {note.name or "": note for note in figure.layout.annotations}
    assert shown[""].yshift > shown[SCREEN_ONLY].yshift > 0  # the count over the hint on the screen
    printed = print_spec(figure)["layout"]["annotations"]
    assert [note["text"] for note in printed] == ["1 event lies outside the dates shown"]
    assert printed[0]["yshift"] == shown[SCREEN_ONLY].yshift  # in a picture the count takes the hint's line


def test_window_covers_everything_when_events_are_close():
    frame = to_frame([event("a", date(2023, 9, 1)), event("b", date(2023, 9, 30), end=date(2023, 10, 2))])
    low, high = default_window(frame)
    assert pd.Timestamp(low) < pd.Timestamp(2023, 9, 1) and pd.Timestamp(high) > pd.Timestamp(2023, 10, 3)


def test_date_filter_sets_the_window():
    frame = to_frame([event("a", date(2023, 1, 1)), event("b", date(2023, 6, 1))])
    figure = figure_for(frame, Filters(date_from=date(2023, 5, 1), date_to=date(2023, 7, 1)))
    low, high = figure.layout.xaxis.range
    assert str(low).startswith("2023-04-30") and str(high).startswith("2023-07-02")


def test_actor_lanes_and_type_lanes(big):
    some = big.sample(300, random_state=1)
    by_actor = timeline_figure(some)
    assert len(by_actor.layout.yaxis.ticktext) <= 30 + 1
    assert by_actor.layout.yaxis.ticktext[-1] == UNDATED_LANE
    by_type = timeline_figure(some, ChartOptions(lanes="type"))
    assert set(by_type.layout.yaxis.ticktext) - {UNDATED_LANE} == set(some["event_type"])


def test_undated_strip_can_be_hidden(big):
    shown = timeline_figure(big, ChartOptions(undated=True))
    hidden = timeline_figure(big, ChartOptions(undated=False))
    assert any(t.name == "undated: possible window" for t in shown.data)
    assert not any(t.name == "undated: possible window" for t in hidden.data)
    assert UNDATED_LANE not in hidden.layout.yaxis.ticktext


def test_undated_window_bar_spans_the_window():
    frame = to_frame([event("u", None, window=(date(2023, 9, 13), date(2023, 9, 20))), event("d", date(2023, 9, 1))])
    bar = next(t for t in timeline_figure(frame).data if t.name == "undated: possible window")
    assert bar.customdata == ("u",) and bar.x[0] == 8 * DAY_MS


def test_empty_frame_gives_an_empty_figure():
    figure = timeline_figure(to_frame([]))
    assert not event_ids(figure)


def test_network_edges_carry_weights_and_events():
    frame = to_frame([event("1", date(2023, 9, 1)), event("2", date(2023, 9, 2)),
                      event("3", date(2023, 9, 3), actors=("a", "c"), kind="call")])
    edges = meeting_edges(frame)
    figure = network_figure(edges, {"a": "person", "b": "country"})
    midpoints = next(t for t in figure.data if t.name == "edges")
    assert len(midpoints.x) == len(edges) == 2
    assert "2 events" in midpoints.text[0]
    widths = [t.line.width for t in figure.data if t.mode == "lines"]
    assert widths[0] > widths[1]


def test_a_view_too_large_to_draw_event_by_event_shows_counts_per_lane_and_period(big):
    options = ChartOptions(aggregate_above=1000)
    figure = timeline_figure(big, options)
    assert "10,000 events" in figure.layout.title.text and "counts per lane" in figure.layout.title.text
    counted = [t for t in figure.data if t.text is not None]
    lanes = [lane for lane in figure.layout.yaxis.ticktext]
    assert {t.type for t in counted} == {"scattergl"} and not event_ids(figure)
    named = set(lanes)  # an actor of no lane of its own is in the "other actors" lane, once per event
    placed = sum(len({name if name in named else "other" for name in names}) or 1 for names, mark in
                 zip(big["actors"], big["mark"]) if mark != "undated") + int(
        ((big["mark"] == "undated") & (big["window_start"].notna() | big["window_end"].notna())).sum())
    assert sum(int(t.text.sum()) for t in counted) == placed  # every placed event is counted once per lane
    assert all(-0.5 < y < len(lanes) - 0.5 for t in counted for y in t.y)


def test_counts_fall_on_the_first_day_of_their_period():
    frame = to_frame([event(str(i), date(2013, 1, 1) + timedelta(days=30 * i)) for i in range(120)])
    figure = timeline_figure(frame, ChartOptions(aggregate_above=10, lanes="type"))
    days = {x for t in figure.data if t.text is not None for x in t.x}
    assert days and all(x.endswith("-01") for x in days)  # ten years: monthly counts
    assert sum(int(t.text.sum()) for t in figure.data if t.text is not None) == 120
    assert "monthly" in figure.layout.title.text
    weeks = timeline_figure(frame.head(40), ChartOptions(aggregate_above=10))  # about three years
    assert "weekly" in weeks.layout.title.text
    assert all(date.fromisoformat(x).weekday() == 0 for t in weeks.data if t.text is not None for x in t.x)


def _outside_and_many_lanes(lanes: int):
    """A cluster of meetings of ``lanes`` pairs of actors, and one far older event outside the window."""
    cluster = [event(str(i), date(2023, 9, 1) + timedelta(days=i % 20), actors=(f"p{i % lanes}",))
               for i in range(3 * lanes)]
    return to_frame(cluster + [event("old", date(2020, 11, 10), actors=("p0",))])


@pytest.mark.parametrize("lanes", [3, 25])
def test_the_note_on_what_lies_outside_sits_over_the_range_buttons_inside_the_top_margin(lanes):
    """On a laptop the plot is about 350 px wide: the note beside the buttons overlapped them, and its count
    stood above the top margin (cut off)."""
    layout = timeline_figure(_outside_and_many_lanes(lanes)).layout
    top, plot = layout.margin.t, layout.height - layout.margin.t - layout.margin.b
    buttons = layout.xaxis.rangeselector
    buttons_bottom = (buttons.y - 1) * plot
    hint, count = sorted(layout.annotations, key=lambda note: note.yshift)
    assert hint.y == count.y == 1 and hint.yanchor == "bottom"
    assert hint.yshift >= buttons_bottom + 24  # above the buttons' row (buttons are about 22 px high)
    assert count.yshift >= hint.yshift + 15 and count.yshift + 16 <= top  # inside the margin, not cut


def test_a_tall_chart_has_its_dates_on_top_where_its_first_screen_shows_them():
    """With 30 lanes the chart is over 1,000 px high: dates at the bottom were out of sight on opening."""
    tall = timeline_figure(_outside_and_many_lanes(25)).layout
    short = timeline_figure(_outside_and_many_lanes(3)).layout
    assert tall.height > 900 and tall.xaxis.side == "top" and short.xaxis.side == "bottom"
    plot = tall.height - tall.margin.t - tall.margin.b
    assert (tall.xaxis.rangeselector.y - 1) * plot >= 40  # the buttons clear two lines of date labels
    printed = print_spec(timeline_figure(_outside_and_many_lanes(25)))["layout"]
    assert printed["margin"]["t"] >= 2 * 1.3 * 13 + 5  # the picture keeps room for them


def test_events_with_no_named_actor_come_after_the_named_actors():
    """The no-actor lane was the busiest and so the first: the top of the chart went to events that name
    nobody."""
    frame = to_frame([event(f"n{i}", date(2023, 9, 1 + i), actors=()) for i in range(6)]
                     + [event("m1", date(2023, 9, 2), actors=("a", "b")), event("m2", date(2023, 9, 3))])
    lanes = list(timeline_figure(frame).layout.yaxis.ticktext)
    assert lanes[:2] == ["A", "B"] and lanes[2] == NO_ACTOR_LANE


def test_past_the_lane_limit_the_no_actor_lane_stays_apart_from_the_other_actors():
    frame = to_frame([event(f"n{i}", date(2023, 9, 1), actors=()) for i in range(3)]
                     + [event(f"e{i}", date(2023, 9, 2), actors=(f"p{i}",)) for i in range(40)])
    lanes = list(timeline_figure(frame).layout.yaxis.ticktext)
    assert len(lanes) == 30 and lanes[-2:] == ["12 other actors", NO_ACTOR_LANE]


def test_an_event_of_several_actors_merged_into_the_other_actors_lane_is_drawn_there_once():
    """Drawn once per actor in the merged lane, two events on one day made a pile of six, labelled "×6"."""
    named = [event(f"e{i}", date(2023, 8, 1) + timedelta(days=i), actors=(f"p{i}",)) for i in range(40)]
    crowd = [event(f"c{i}", date(2023, 9, 5), actors=(f"x{i}", f"y{i}", f"z{i}")) for i in range(2)]
    figure = timeline_figure(to_frame(named + crowd))
    lanes = list(figure.layout.yaxis.ticktext)
    other = lanes.index("17 other actors")
    drawn = [(i, round(y)) for trace in figure.data if trace.customdata is not None
             for i, y in zip(trace.customdata, trace.y)]
    assert sorted(i for i, lane in drawn if lane == other and i.startswith("c")) == ["c0", "c1"]
    assert not [trace for trace in figure.data if trace.mode == "markers+text"]  # no pile label: two events


def test_a_network_of_hundreds_of_actors_names_the_busiest_and_keeps_every_name_in_the_hover():
    """An analyst's folder gives hundreds of actors: every name on the circle was a ring of overprinted text."""
    frame = to_frame([event(f"e{i}", date(2023, 9, 1), actors=(f"p{i % 150}", f"q{i % 149}")) for i in range(300)]
                     + [event(f"busy{i}", date(2023, 9, 2), actors=("star", f"p{i}")) for i in range(9)])
    edges = meeting_edges(frame)
    figure = network_figure(edges)
    nodes = next(t for t in figure.data if t.name == "actors")
    written = [text for text in nodes.text if text]
    assert len(nodes.hovertext) > 250 and len(written) == NETWORK_LABELS
    assert nodes.text[0] == "STAR" and "STAR" in nodes.hovertext
    lines = [t for t in figure.data if t.mode == "lines"]
    assert len(lines) < 10  # one trace per width, not one per edge
    assert sum(1 for t in lines for x in t.x if x is None) == min(300, len(edges))
    labelled = [(x, y) for x, y, text in zip(nodes.x, nodes.y, nodes.text) if text]
    closest = min(math.dist(p, q) for i, p in enumerate(labelled) for q in labelled[i + 1:])
    assert closest > 0.9 * 2 * math.sin(math.pi / NETWORK_LABELS)  # the named ones are spread round the circle
    sides = {position for x, position in zip(nodes.x, nodes.textposition) if abs(x) > 0.9}
    assert sides == {"middle right", "middle left"}  # names beside the ring, not across it


def test_a_pile_of_events_on_one_lane_and_day_says_how_many_it_holds():
    """Beyond five events on one lane and day the markers cover each other: the pile's number is written beside it."""
    day = date(2024, 4, 9)
    frame = to_frame([event(f"p{i}", day, actors=("a",)) for i in range(9)]
                     + [event(f"q{i}", day + timedelta(days=3), actors=("a",)) for i in range(3)]
                     + [event(f"r{i}", day, actors=("b",)) for i in range(2)])
    figure = timeline_figure(frame)
    labels = [trace for trace in figure.data if trace.mode == "markers+text"]
    assert len(labels) == 1
    lanes = list(figure.layout.yaxis.ticktext)
    assert list(labels[0].text) == ["×9"] and list(labels[0].x) == [day.isoformat()]
    assert [lanes[int(y)] for y in labels[0].y] == ["A"]
    assert labels[0].hoverinfo == "skip" and labels[0].customdata is None  # a click on it chooses no event


def test_a_lane_whose_events_all_lie_outside_the_window_says_where_they_are():
    """A lane with a name and no marker (its events years before the others') looked like an actor with no
    event, on the screen and in a report's picture."""
    cluster = [event(str(i), date(2023, 9, 1) + timedelta(days=i % 20), actors=("a",)) for i in range(30)]
    frame = to_frame(cluster + [event("old", date(2013, 7, 30), actors=("a", "b")),
                                event("new", date(2027, 2, 1), actors=("c",))])
    lanes = list(timeline_figure(frame).layout.yaxis.ticktext)
    assert lanes == ["A", "B ◂ 2013", "C 2027 ▸"]
    assert list(timeline_figure(to_frame(cluster)).layout.yaxis.ticktext) == ["A"]


def test_an_undated_lane_with_an_open_window_is_not_marked_as_lying_before_the_chart():
    """A page with no date line whose latest year is 1993 bounds its events "not before 1993-01-01": the strip's
    lane read "◂ 1993", as if they were of 1993. A window closed at both ends still says where it lies."""
    cluster = [event(str(i), date(2023, 9, 1) + timedelta(days=i % 20), actors=("a",)) for i in range(30)]
    open_window = event("open", None, actors=("b",), window=(date(1993, 1, 1), None))
    shut_window = event("shut", None, actors=("c",), window=(date(1993, 1, 1), date(1993, 3, 1)))
    assert list(timeline_figure(to_frame(cluster + [open_window])).layout.yaxis.ticktext) == ["A", "Undated (window)"]
    assert list(timeline_figure(to_frame(cluster + [shut_window])).layout.yaxis.ticktext) == [
        "A", "Undated (window) ◂ 1993"]


def test_the_screen_shows_the_legend_as_a_line_above_the_chart_and_a_picture_keeps_plotlys():
    """Beside the plot the legend took ~170 px of a laptop's ~520: on the screen it is a line of HTML above the
    chart, with the same keys; a picture still draws it (and a stand-in for the screen's chart does not)."""
    frame = to_frame([event("a", date(2023, 9, 1)), event("b", date(2023, 9, 3), kind="call", basis="inferred"),
                      event("u", None, window=(date(2023, 9, 1), date(2023, 9, 5)))])
    figure = timeline_figure(frame)
    assert figure.layout.showlegend is False
    line = legend_html(figure)
    words = ["Event type:", "meeting", "call", "Date:", "day stated", "day inferred or coarser",
             "undated: possible window"]
    assert all(word in line for word in words)
    assert [line.index(word) for word in words] == sorted(line.index(word) for word in words)
    assert "date range" not in line  # only the marks the view has
    assert print_spec(figure)["layout"]["showlegend"] is True
    assert print_spec(figure, legend=False)["layout"]["showlegend"] is False


def test_a_view_of_a_few_days_opens_on_two_weeks_so_the_axis_reads_in_days():
    """A one-day view's window was five days wide, and Plotly wrote hours under it ("00:00", "12:00")."""
    low, high = default_window(to_frame([event("a", date(2024, 3, 7))]))
    assert pd.Timestamp(high) - pd.Timestamp(low) >= pd.Timedelta(days=14)


def test_a_view_of_undated_events_without_a_window_draws_nothing():
    undated = to_frame([event("u", None)])
    assert not draws_anything(undated)
    windowed = to_frame([event("w", None, window=(date(2023, 9, 1), date(2023, 9, 5)))])
    assert draws_anything(windowed) and not draws_anything(windowed, undated=False)
    assert draws_anything(to_frame([event("d", date(2023, 9, 1))]), undated=False)


def test_the_events_the_chart_has_no_place_for_are_counted():
    """Undated events with no window are on no lane and in no strip: the page says how many (half the events of
    the real pages, whose absence the chart did not explain); with the strip hidden, every undated one."""
    frame = to_frame([event("u", None), event("v", None), event("d", date(2023, 9, 1)),
                      event("w", None, window=(date(2023, 9, 1), date(2023, 9, 5)))])
    assert not_drawn(frame) == 2 and not_drawn(frame, undated=False) == 3
    assert not_drawn(frame[frame["id"] == "d"]) == 0


def test_a_small_network_leaves_room_beside_the_ring_for_the_names():
    """Names are set beside the ring, outward; with 0.45 of the radius beside it they were cut at the plot's edges."""
    frame = to_frame([event("1", date(2023, 9, 1), actors=("kassym-jomart tokayev", "shavkat mirziyoyev"))])
    low, high = network_figure(meeting_edges(frame)).layout.xaxis.range
    assert low <= -1.75 and high >= 1.75


def test_a_long_title_wraps_between_its_parts_and_the_top_margin_grows_with_it():
    """A PNG's title naming many filters ran past the picture's right edge, its last filters cut away."""
    frame = to_frame([event("x", date(2023, 9, 20), title="<b>talks</b>")])
    parts = ["News timeline · 1 event from 1 article", "actors: " + ", ".join(["Someone Longname"] * 5),
             "types: meeting, call, visit and 2 more", "sources: " + "x" * 60, "matching “<b>”", "confidence 0.50 or more"]
    long = figure_for(frame, Filters(), " · ".join(parts))
    short = figure_for(frame, Filters(), parts[0])
    lines = long.layout.title.text.split("<br>")
    assert len(lines) > 1 and all(len(line) <= 140 for line in lines)
    assert " · ".join(lines).replace("&lt;", "<").replace("&gt;", ">") == " · ".join(parts)  # nothing lost, escaped
    assert long.layout.margin.t == short.layout.margin.t + 24 * (len(lines) - 1)
    assert short.layout.title.text == parts[0]


def test_the_legend_names_the_type_of_an_event_drawn_only_as_an_undated_window():
    """An undated window's bar has its type's colour: a type drawn only as a window was a colour nobody named."""
    frame = to_frame([event("u", None, kind="speech", window=(date(2023, 9, 13), date(2023, 9, 20))),
                      event("d", date(2023, 9, 1)), event("n", None, kind="visit")])  # "n": no window, not drawn
    figure = timeline_figure(frame)
    named = {t.name for t in figure.data if t.legendgroup not in ("precision", "undated") and t.showlegend is not False}
    assert named == {"meeting", "speech"}
    assert "speech" in legend_html(figure) and "visit" not in legend_html(figure)
    hidden = timeline_figure(frame, ChartOptions(undated=False))  # the strip hidden: its types are not named
    assert {t.name for t in hidden.data if t.legendgroup == t.name and t.showlegend is not False} == {"meeting"}
