"""Plotly figures: the timeline (actor or type lanes) and the actor network.

Reads: the event frame of ``timeline.frame.to_frame`` (already filtered) and ``meeting_edges``.
Adds: nothing; it returns ``plotly.graph_objects.Figure`` objects that the app shows, and the PNG
export and ``python -m timeline chart`` render, so every surface shows the same figure.

Days run along x. A point event is a marker (filled: the day is stated; open: the day is inferred or
coarser), a real range is a bar from its first to the day after its last, so that nothing is zero-width.
Colour is the event type. Undated events with a known window get a hatched bar in a strip of their own.
Above ``GL_THRESHOLD`` points the markers use WebGL (Scattergl). Text from articles is HTML-escaped
before it reaches a label or a hover box.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from .filters import Filters
from .models import EVENT_TYPES

TYPE_COLOURS = {
    "meeting": "#2563eb",
    "call": "#0891b2",
    "visit": "#7c3aed",
    "conference": "#db2777",
    "speech": "#ea580c",
    "operation": "#b91c1c",
    "incident": "#991b1b",
    "agreement": "#15803d",
    "humanitarian": "#ca8a04",
    "other": "#64748b",
}
MARK_SYMBOLS = {"exact": "circle", "inferred": "circle-open", "range": "square"}
MARK_LABELS = {"exact": "day stated", "inferred": "day inferred or coarser", "range": "date range"}
UNDATED_LANE = "Undated (window)"
NO_ACTOR_LANE = "(no actor)"
FONT = "Inter, -apple-system, Segoe UI, Helvetica, Arial, sans-serif"
DAY_MS = 86_400_000


@dataclass(frozen=True)
class ChartOptions:
    """How the timeline is drawn; the defaults are the app's."""

    lanes: str = "actor"  # "actor" or "type"
    undated: bool = True  # draw the undated strip
    gl_threshold: int = 3000  # above this many markers, use Scattergl
    max_lanes: int = 30  # further actors share one "other actors" lane
    title: str = ""
    coverage: float = 0.8  # the default window holds at least this share of the dated events
    window_from: date | None = None  # a chosen first day of the x window (the date filter)
    window_to: date | None = None


def figure_for(frame: pd.DataFrame, filters: Filters, title: str = "") -> go.Figure:
    """The figure of ``filters`` applied to ``frame``: what the app shows and ``timeline chart`` draws."""
    return view_figure(filters.apply(frame), filters, title)


def view_figure(shown: pd.DataFrame, filters: Filters, title: str = "") -> go.Figure:
    """The figure of rows ``filters`` already chose, drawn the way ``filters`` asks (lanes, undated, window)."""
    options = ChartOptions(lanes=filters.lanes, undated=filters.undated, title=title,
                           window_from=filters.date_from, window_to=filters.date_to)
    return timeline_figure(shown, options)


def timeline_figure(frame: pd.DataFrame, options: ChartOptions = ChartOptions()) -> go.Figure:
    """The timeline of the events in ``frame``: lanes on y, days on x, colour by type, shape by precision."""
    placed = _placed(frame, options)
    lanes = _lane_order(placed, options)
    placed = placed.assign(y=placed["lane"].map({lane: i for i, lane in enumerate(lanes)}))
    placed["y"] = (placed["y"] + _jitter(placed)).round(3)
    use_gl = int((placed["mark"] != "undated").sum()) > options.gl_threshold
    traces = _range_traces(placed) + _point_traces(placed, use_gl) + _undated_traces(placed)
    traces += _legend_keys(placed)
    return go.Figure(data=traces, layout=_layout(frame, lanes, options), _validate=False)


def _placed(frame: pd.DataFrame, options: ChartOptions) -> pd.DataFrame:
    """One row per (event, lane); undated events without a window are left out (they are in the table)."""
    rows = frame if options.undated else frame[frame["mark"] != "undated"]
    rows = rows[(rows["mark"] != "undated") | rows["window_start"].notna() | rows["window_end"].notna()]
    if options.lanes == "type":
        placed = rows.assign(lane=rows["event_type"])
    else:
        names = rows["actors"].map(lambda names: tuple(dict.fromkeys(names)) or (NO_ACTOR_LANE,))
        placed = rows.assign(lane=names).explode("lane")
    placed = placed.assign(lane=placed["lane"].where(placed["mark"] != "undated", UNDATED_LANE))
    return placed.drop_duplicates(["id", "lane"]).reset_index(drop=True)


def _lane_order(placed: pd.DataFrame, options: ChartOptions) -> list[str]:
    """Lanes from the busiest down; beyond ``max_lanes`` actors share one lane; the undated strip last.

    Renames the lane of the actors beyond ``max_lanes`` in ``placed`` itself.
    """
    counts = placed.loc[placed["lane"] != UNDATED_LANE, "lane"].value_counts()
    if options.lanes == "type":
        lanes = [t for t in EVENT_TYPES if t in counts] + sorted(set(counts.index) - set(EVENT_TYPES))
    else:
        ordered = sorted(counts.items(), key=lambda item: (-item[1], str(item[0]).casefold()))
        lanes = [lane for lane, _ in ordered]
        if len(lanes) > options.max_lanes:
            rest = set(lanes[options.max_lanes - 1:])
            other = f"{len(rest)} other actors"
            placed["lane"] = placed["lane"].where(~placed["lane"].isin(rest), other)
            lanes = lanes[: options.max_lanes - 1] + [other]
    if (placed["lane"] == UNDATED_LANE).any():
        lanes.append(UNDATED_LANE)
    return lanes


def _jitter(placed: pd.DataFrame) -> pd.Series:
    """Small vertical offsets that keep events on the same lane and day from hiding each other."""
    keys = [placed["lane"], placed["start"].fillna(placed["window_start"])]
    rank = placed.groupby(keys, dropna=False, sort=False).cumcount()
    size = placed.groupby(keys, dropna=False, sort=False)["id"].transform("size")
    spread = np.minimum(0.6, 0.14 * (size - 1))
    offset = np.where(size > 1, -spread / 2 + spread * rank / (size - 1).clip(lower=1), 0.0)
    return pd.Series(offset, index=placed.index)


HOVER = "%{text}<extra></extra>"


def _point_traces(placed: pd.DataFrame, use_gl: bool) -> list[dict]:
    points = placed[placed["mark"].isin(("exact", "inferred"))]
    traces = []
    for event_type, rows in _by_type(points):
        colour = TYPE_COLOURS.get(event_type, TYPE_COLOURS["other"])
        traces.append({
            "type": "scattergl" if use_gl else "scatter", "mode": "markers",
            "x": _days(rows["start"]), "y": rows["y"].tolist(), "name": event_type, "legendgroup": event_type,
            "showlegend": False,
            "marker": {"color": colour, "size": 11, "symbol": rows["mark"].map(MARK_SYMBOLS).tolist(),
                       "line": {"width": 2, "color": colour}},
            "customdata": rows["id"].tolist(), "text": rows["hover"].tolist(), "hovertemplate": HOVER,
        })
    return traces


def _range_traces(placed: pd.DataFrame) -> list[dict]:
    ranges = placed[placed["mark"] == "range"]
    traces = []
    for event_type, rows in _by_type(ranges):
        colour = TYPE_COLOURS.get(event_type, TYPE_COLOURS["other"])
        traces.append({
            "type": "bar", "orientation": "h", "base": _days(rows["start"]),
            "x": _width_ms(rows["start"], rows["end"]), "y": rows["y"].tolist(), "width": 0.32,
            "name": event_type, "legendgroup": event_type, "showlegend": False,
            "marker": {"color": colour, "opacity": 0.85, "line": {"width": 0}},
            "customdata": rows["id"].tolist(), "text": rows["hover"].tolist(), "hovertemplate": HOVER,
            "textposition": "none",
        })
    return traces


def _undated_traces(placed: pd.DataFrame) -> list[dict]:
    rows = placed[placed["mark"] == "undated"]
    if rows.empty:
        return []
    start = rows["window_start"].fillna(rows["window_end"] - pd.Timedelta(days=7))
    end = rows["window_end"].fillna(rows["window_start"] + pd.Timedelta(days=7)) + pd.Timedelta(days=1)
    colours = rows["event_type"].map(lambda t: TYPE_COLOURS.get(t, TYPE_COLOURS["other"]))
    return [{
        "type": "bar", "orientation": "h", "base": _days(start), "x": _width_ms(start, end),
        "y": rows["y"].tolist(), "width": 0.3, "name": "undated: possible window", "legendgroup": "undated",
        "legendrank": 3000,
        "marker": {"color": colours.tolist(), "opacity": 0.35, "pattern": {"shape": "/"}},
        "customdata": rows["id"].tolist(), "text": rows["hover"].tolist(), "hovertemplate": HOVER,
        "textposition": "none",
    }]


def _legend_keys(placed: pd.DataFrame) -> list[dict]:
    """Legend entries: one filled marker per event type (a click hides that type), then the shapes' meaning."""
    types = [
        _key(event_type, event_type, "circle", TYPE_COLOURS.get(event_type, TYPE_COLOURS["other"]),
             "Event type" if i == 0 else "", 1000 + i)
        for i, (event_type, _) in enumerate(_by_type(placed[placed["mark"] != "undated"]))
    ]
    present = set(placed["mark"].unique())
    marks = [_key(MARK_LABELS[mark], "precision", MARK_SYMBOLS[mark], "#475569", "Date", 2000 + i)
             for i, mark in enumerate(("exact", "inferred", "range")) if mark in present]
    return types + marks


def _key(name: str, group: str, symbol: str, colour: str, title: str, rank: int) -> dict:
    return {"type": "scatter", "x": [None], "y": [None], "mode": "markers", "name": name, "legendgroup": group,
            "legendgrouptitle": {"text": title}, "hoverinfo": "skip", "legendrank": rank,
            "marker": {"symbol": symbol, "size": 11, "color": colour, "line": {"width": 2, "color": colour}}}


def _by_type(rows: pd.DataFrame):
    present = set(rows["event_type"].unique())
    order = [t for t in EVENT_TYPES if t in present] + sorted(present - set(EVENT_TYPES))
    groups = dict(tuple(rows.groupby("event_type", sort=False)))
    for event_type in order:
        yield event_type, groups[event_type]


def _days(values: pd.Series) -> list[str]:
    return values.dt.strftime("%Y-%m-%d").tolist()


def _width_ms(start: pd.Series, end: pd.Series) -> list[float]:
    """Bar lengths in milliseconds, at least one day."""
    days = (end - start).dt.total_seconds() * 1000
    return days.clip(lower=DAY_MS).tolist()


def _layout(frame: pd.DataFrame, lanes: list[str], options: ChartOptions) -> dict:
    window = _chosen_window(default_window(frame, options.coverage), options)
    hidden = _outside(frame, window)
    grid = {"showgrid": True, "gridcolor": "#eef2f7", "automargin": True}
    return {
        "template": pio.templates["plotly_white"],
        "height": max(360, min(1400, 120 + 34 * len(lanes))),
        "margin": {"l": 10, "r": 10, "t": 80 if options.title else 44, "b": 40},
        "font": {"family": FONT, "size": 13, "color": "#0f172a"},
        "title": {"text": _escape(options.title), "x": 0.01, "font": {"size": 18}} if options.title else {},
        "hovermode": "closest",
        "hoverlabel": {"bgcolor": "white", "font": {"family": FONT, "size": 12}, "align": "left"},
        "legend": {"orientation": "v", "x": 1.01, "y": 1, "groupclick": "togglegroup", "font": {"size": 12},
                   "tracegroupgap": 4},
        "barmode": "overlay",
        "uirevision": "timeline",
        "annotations": [_hidden_note(hidden)] if hidden else [],
        "yaxis": {**grid, "tickvals": list(range(len(lanes))), "zeroline": False, "fixedrange": True,
                  "ticktext": [_escape(_shorten(lane, 34)) for lane in lanes],
                  "range": [len(lanes) - 0.5, -0.5]},
        "xaxis": {**grid, "type": "date", "range": list(window) if window else None, "showline": True,
                  "linecolor": "#cbd5e1", "ticks": "outside", "rangeselector": _range_selector()},
    }


def _range_selector() -> dict:
    return {
        "buttons": [
            {"count": 7, "label": "1w", "step": "day", "stepmode": "backward"},
            {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
            {"count": 3, "label": "3m", "step": "month", "stepmode": "backward"},
            {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
            {"label": "all", "step": "all"},
        ],
        "x": 0, "y": 1.02, "yanchor": "bottom", "bgcolor": "#f1f5f9", "activecolor": "#cbd5e1",
        "font": {"size": 12},
    }


def default_window(frame: pd.DataFrame, coverage: float = 0.8) -> tuple[str, str] | None:
    """The x range shown first: the densest stretch holding ``coverage`` of the dated events, widened
    to the neighbours that sit close to it, and padded.

    A 2020 agreement beside a cluster of 2023 meetings does not squash the cluster; the range
    selector's "all" button shows it.
    """
    starts = np.sort(frame["start"].dropna().to_numpy())
    if len(starts) == 0:
        return None
    need = max(1, math.ceil(coverage * len(starts)))
    first = int(np.argmin(starts[need - 1:] - starts[: len(starts) - need + 1]))
    low_i, high_i = first, first + need - 1
    gap = max(np.timedelta64(14, "D"), (starts[high_i] - starts[low_i]) // 4)
    while low_i > 0 and starts[low_i] - starts[low_i - 1] <= gap:
        low_i -= 1
    while high_i < len(starts) - 1 and starts[high_i + 1] - starts[high_i] <= gap:
        high_i += 1
    low, high = pd.Timestamp(starts[low_i]), pd.Timestamp(starts[high_i])
    ends = frame.loc[frame["start"].between(low, high), "end"]
    high = max(high + pd.Timedelta(days=1), ends.max())
    pad = max(pd.Timedelta(days=2), (high - low) * 0.06)
    return (low - pad).strftime("%Y-%m-%d"), (high + pad).strftime("%Y-%m-%d")


def _chosen_window(window: tuple[str, str] | None, options: ChartOptions) -> tuple[str, str] | None:
    """The default window with the sides the date filter fixes replaced (plus a little margin)."""
    if window is None or not (options.window_from or options.window_to):
        return window
    low = (pd.Timestamp(options.window_from) - pd.Timedelta(hours=12)).strftime("%Y-%m-%d %H:%M") \
        if options.window_from else window[0]
    high = (pd.Timestamp(options.window_to) + pd.Timedelta(hours=36)).strftime("%Y-%m-%d %H:%M") \
        if options.window_to else window[1]
    return low, high


def _outside(frame: pd.DataFrame, window: tuple[str, str] | None) -> int:
    if window is None:
        return 0
    low, high = pd.Timestamp(window[0]), pd.Timestamp(window[1])
    dated = frame[frame["start"].notna()]
    return int(((dated["end"] <= low) | (dated["start"] >= high)).sum())


def _hidden_note(count: int) -> dict:
    noun = "event lies" if count == 1 else "events lie"
    return {
        "text": f"{count} {noun} outside this window · press <b>all</b> or zoom out",
        "xref": "paper", "yref": "paper", "x": 1, "y": 1.02, "xanchor": "right", "yanchor": "bottom",
        "showarrow": False, "font": {"size": 12, "color": "#64748b"},
    }


def network_figure(edges: pd.DataFrame, kinds: dict[str, str] | None = None, max_edges: int = 300) -> go.Figure:
    """Who met or called whom: actors on a circle, edge width by number of meetings, hover lists events."""
    kinds = kinds or {}
    edges = edges.head(max_edges)
    nodes = _nodes(edges)
    position = _circle(nodes)
    figure = go.Figure()
    for row in edges.itertuples(index=False):
        (x0, y0), (x1, y1) = position[row.source], position[row.target]
        figure.add_trace(go.Scatter(
            x=[x0, x1], y=[y0, y1], mode="lines", hoverinfo="skip", showlegend=False,
            line={"width": 1 + 2.2 * math.log2(1 + row.weight), "color": "rgba(37,99,235,0.45)"},
        ))
    figure.add_trace(_edge_midpoints(edges, position))
    figure.add_trace(_node_trace(nodes, position, kinds))
    figure.update_layout(
        template="plotly_white", height=560, showlegend=False, hovermode="closest",
        font={"family": FONT, "size": 13}, margin={"l": 10, "r": 10, "t": 10, "b": 10},
        xaxis={"visible": False, "range": [-1.45, 1.45]},
        yaxis={"visible": False, "range": [-1.25, 1.25], "scaleanchor": "x"},
    )
    return figure


def _nodes(edges: pd.DataFrame) -> pd.DataFrame:
    ends = pd.concat([
        edges[["source", "source_name", "weight"]].set_axis(["id", "name", "weight"], axis=1),
        edges[["target", "target_name", "weight"]].set_axis(["id", "name", "weight"], axis=1),
    ])
    nodes = ends.groupby(["id", "name"], as_index=False)["weight"].sum()
    return nodes.sort_values(["weight", "name"], ascending=[False, True]).reset_index(drop=True)


def _circle(nodes: pd.DataFrame) -> dict[str, tuple[float, float]]:
    count = max(1, len(nodes))
    return {
        node: (math.cos(math.pi / 2 - 2 * math.pi * i / count), math.sin(math.pi / 2 - 2 * math.pi * i / count))
        for i, node in enumerate(nodes["id"])
    }


def _edge_midpoints(edges: pd.DataFrame, position: dict) -> go.Scatter:
    xs = [(position[a][0] + position[b][0]) / 2 for a, b in zip(edges["source"], edges["target"])]
    ys = [(position[a][1] + position[b][1]) / 2 for a, b in zip(edges["source"], edges["target"])]
    text = [
        f"<b>{_escape(a)} – {_escape(b)}</b><br>{w} event{'s' if w != 1 else ''}"
        for a, b, w in zip(edges["source_name"], edges["target_name"], edges["weight"])
    ]
    return go.Scatter(
        x=xs, y=ys, mode="markers", marker={"size": 14, "color": "rgba(37,99,235,0.08)"},
        text=text, hovertemplate="%{text}<extra></extra>", customdata=list(range(len(edges))),
        name="edges",
    )


def _node_trace(nodes: pd.DataFrame, position: dict, kinds: dict[str, str]) -> go.Scatter:
    palette = {"country": "#15803d", "organization": "#7c3aed", "person": "#2563eb"}
    colours = [palette.get(kinds.get(node, "person"), "#2563eb") for node in nodes["id"]]
    return go.Scatter(
        x=[position[n][0] for n in nodes["id"]], y=[position[n][1] for n in nodes["id"]],
        mode="markers+text", text=[_escape(_shorten(name, 28)) for name in nodes["name"]],
        textposition="top center", hovertemplate="%{text}<br>%{customdata} meetings<extra></extra>",
        customdata=[str(w) for w in nodes["weight"]],
        marker={"size": [12 + 6 * math.sqrt(w) for w in nodes["weight"]], "color": colours,
                "line": {"width": 2, "color": "white"}},
        name="actors",
    )


def _escape(text: str) -> str:
    return html.escape(str(text), quote=False)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
