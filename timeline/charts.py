"""Plotly figures: the timeline (actor or type lanes) and the actor network.

Reads: the event frame of ``timeline.frame.to_frame`` (already filtered) and ``meeting_edges``.
Adds: nothing; it returns ``plotly.graph_objects.Figure`` objects that the app shows, and the PNG
export and ``python -m timeline chart`` render, so every surface shows the same figure.

Days run along x. A point event is a marker (filled: the day is stated; open: the day is inferred or
coarser), a real range is a bar from its first to the day after its last, so that nothing is zero-width.
Colour is the event type. Undated events with a known window get a hatched bar in a strip of their own.
Above ``gl_threshold`` points the markers use WebGL (Scattergl); above ``aggregate_above`` (50,000) a
lane shows the number of events per day, week, month or year instead, and the title says so. Text from
articles is HTML-escaped before it reaches a label or a hover box. Trace arrays are numpy arrays: Plotly
copies them as blocks and sends numbers as typed arrays, which keeps large figures quick to build and send.
"""

from __future__ import annotations

import html
import math
from itertools import chain
from dataclasses import dataclass, replace
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from .filters import Filters
from .frame import DAY_KNOWN
from .png import LEGEND_IN_PICTURE, SCREEN_ONLY
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
MARK_LABELS = {mark: words for mark, words in DAY_KNOWN.items() if mark != "undated"}  # the legend's dated marks
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
    aggregate_above: int = 50_000  # above this many markers, draw counts per lane and period instead
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
    """The timeline of the events in ``frame``: lanes on y, days on x, colour by type, shape by precision.

    Above ``options.aggregate_above`` markers, each lane shows counts per day, week, month or year
    instead (the title says so): one marker per event would make a page too slow to open.
    """
    placed = _placed(frame, options)
    lanes = _lane_order(placed, options)
    placed = _once_per_lane(placed)
    markers = int((~placed["undated"]).sum())
    if markers > options.aggregate_above:
        return _counts_figure(frame, placed, lanes, options)
    piles = _pile_labels(placed)
    placed["y"] = (placed["y"] + _jitter(placed)).round(3)
    hover = hover_texts(frame)[placed["row"].to_numpy()]
    use_gl = markers > options.gl_threshold
    traces = _range_traces(placed, hover) + _point_traces(placed, hover, use_gl) + _undated_traces(placed, hover)
    traces += piles + _legend_keys(placed)
    return _figure(traces, _layout(frame, lanes, options, placed))


def _figure(traces: list[dict], layout: dict) -> go.Figure:
    """A Figure of trace dicts whose arrays are numpy arrays (copied as blocks, sent as typed arrays)."""
    return go.Figure(data=traces, layout=layout, _validate=False)


def _placed(frame: pd.DataFrame, options: ChartOptions) -> pd.DataFrame:
    """One row per (event, lane), with ``row`` its position in ``frame``; undated events without a window
    are left out (they are in the table)."""
    undated = (frame["mark"] == "undated").to_numpy()
    windowed = (frame["window_start"].notna() | frame["window_end"].notna()).to_numpy()
    keep = np.flatnonzero(~undated | (windowed & options.undated))
    if options.lanes == "type":
        row, lane = keep, np.where(undated[keep], UNDATED_LANE, frame["event_type"].to_numpy(dtype=object)[keep])
    else:
        row, lane = _actor_lanes(frame["actors"].to_numpy()[keep], undated[keep], keep)
    columns = {name: _column(frame[name].to_numpy()[row]) for name in _PLACED}
    return pd.DataFrame({"row": row, **columns, "undated": undated[row], "lane": _column(lane.astype(object))})


def _actor_lanes(actors: np.ndarray, blank: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(row, lane) for each actor of each event (the undated strip for undated events), worked out once
    per distinct actor list and spread with array operations."""
    actors = actors.copy()
    actors[blank] = None  # factorize gives missing values the code -1: the undated strip
    codes, distinct = pd.factorize(actors)
    lanes = [_lanes_of(names) for names in distinct] + [(UNDATED_LANE,)]
    sizes = np.fromiter(map(len, lanes), dtype=np.int64, count=len(lanes))
    flat = np.fromiter(chain.from_iterable(lanes), dtype=object, count=int(sizes.sum()))
    first = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    per_row = sizes[codes]  # code -1 picks the last entry: the undated strip
    repeated = np.repeat(codes, per_row)
    within = np.arange(len(repeated)) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    return np.repeat(rows, per_row), flat[first[repeated] + within]


def _lanes_of(names: tuple[str, ...]) -> tuple[str, ...]:
    """An event's actor lanes: its actors' names, each once, or the no-actor lane."""
    return tuple(dict.fromkeys(names)) or (NO_ACTOR_LANE,)


def _column(values: np.ndarray) -> pd.Series | np.ndarray:
    """Object arrays stay object columns (no conversion to Arrow strings for a short-lived table)."""
    return pd.Series(values, dtype=object) if values.dtype == object else values


_PLACED = ("id", "event_type", "mark", "start", "end", "window_start", "window_end")


def _lane_order(placed: pd.DataFrame, options: ChartOptions) -> list[str]:
    """Lanes from the busiest down; beyond ``max_lanes`` actors share one lane; then the lane of events that
    name no actor, and the undated strip last.

    Sets the lane number ``y`` of each row of ``placed`` (and renames the lanes merged into one).
    """
    codes, names = pd.factorize(placed["lane"].to_numpy(dtype=object))
    sizes = np.bincount(codes, minlength=len(names))
    counts = {name: int(size) for name, size in zip(names, sizes) if name != UNDATED_LANE}
    if options.lanes == "type":
        lanes = [t for t in EVENT_TYPES if t in counts] + sorted(set(counts) - set(EVENT_TYPES))
    else:  # events that name nobody after the named actors: the top of the chart goes to who did what
        nobody = [NO_ACTOR_LANE] if NO_ACTOR_LANE in counts else []
        lanes = sorted(set(counts) - {NO_ACTOR_LANE}, key=lambda lane: (-counts[lane], str(lane).casefold()))
        named = options.max_lanes - len(nobody)
        if len(lanes) > named:
            rest = lanes[named - 1:]
            lanes = lanes[: named - 1] + [f"{len(rest)} other actors"]
        lanes += nobody
    if UNDATED_LANE in set(names):
        lanes.append(UNDATED_LANE)
    number = {lane: i for i, lane in enumerate(lanes)}
    other = next((i for i, lane in enumerate(lanes) if str(lane).endswith(" other actors")), -1)  # the merged lane
    lane_of_code = np.array([number.get(name, other) for name in names], dtype=np.int64)
    placed["y"] = lane_of_code[codes].astype(float) if len(codes) else np.zeros(0)
    placed["lane"] = _column(np.array(lanes, dtype=object)[lane_of_code[codes]] if len(codes) else np.array([], object))
    return lanes


def _once_per_lane(placed: pd.DataFrame) -> pd.DataFrame:
    """Each event once on each lane: an event of several actors merged into the "other actors" lane was drawn
    there once per actor, on one spot (on 550 made-up articles a pile's "×6" was often two events)."""
    twice = placed.duplicated(["row", "y"]).to_numpy()
    return placed[~twice].reset_index(drop=True) if twice.any() else placed


def _jitter(placed: pd.DataFrame) -> np.ndarray:
    """Small vertical offsets that keep events on the same lane and day from hiding each other."""
    keys = [placed["lane"], placed["start"].fillna(placed["window_start"])]
    rank = placed.groupby(keys, dropna=False, sort=False).cumcount().to_numpy()
    size = placed.groupby(keys, dropna=False, sort=False)["id"].transform("size").to_numpy()
    spread = np.minimum(0.6, 0.14 * (size - 1))
    return np.where(size > 1, -spread / 2 + spread * rank / np.maximum(size - 1, 1), 0.0)


PILE_LABEL_ABOVE = 5  # the jitter keeps this many events of one lane and day apart; beyond, their number is written


def _pile_labels(placed: pd.DataFrame) -> list[dict]:
    """The number of events ("×12") beside each pile of more than ``PILE_LABEL_ABOVE`` dated events on one lane
    and day: their markers cover each other however they are spread, and a busy day looked like a few events.

    Reads the lane numbers of ``placed`` before the jitter.
    """
    dated = placed.loc[~placed["undated"], ["y", "start"]]
    if len(dated) <= PILE_LABEL_ABOVE:
        return []
    sizes = dated.groupby(["y", "start"], sort=False).size()
    piles = sizes[sizes > PILE_LABEL_ABOVE]
    if piles.empty:
        return []
    return [{
        "type": "scatter", "mode": "markers+text", "name": "events on one day", "showlegend": False,
        "x": _days(piles.index.get_level_values("start").to_numpy()),
        "y": piles.index.get_level_values("y").to_numpy(dtype=float),
        "text": np.array([f"×{count}" for count in piles.to_numpy()], dtype=object), "textposition": "middle right",
        "textfont": {"size": 12, "color": "#0f172a", "weight": "bold", "shadow": "0 0 3px white, 0 0 2px white"},
        "marker": {"size": 14, "opacity": 0}, "hoverinfo": "skip",  # the marker only keeps the number off the pile
    }]


def hover_texts(frame: pd.DataFrame) -> np.ndarray:
    """The hover box of each row: title, day, type, basis, actors and sources, HTML-escaped.

    Each part is escaped and shortened once per distinct value (days, types, bases and actor lists
    repeat a lot), then the parts are joined per row.
    """
    title = _per_value(frame["title"], lambda text: _escape(_shorten(text, 90)))
    day, kind = _per_value(frame["day"], _escape), _per_value(frame["event_type"], _escape)
    basis = _per_value(frame["date_basis"], lambda text: _escape(_shorten(text, 120)) or "not stated")
    actors = _per_value(frame["actors"], lambda names: _escape(_shorten(", ".join(names), 120)) or "none named")
    parts = zip(title, day, kind, basis, actors, frame["n_sources"].to_numpy())
    return np.array([f"<b>{t}</b><br>{d} · {k}<br><i>basis:</i> {b}<br><i>actors:</i> {a}<br><i>sources:</i> {n}"
                     for t, d, k, b, a, n in parts], dtype=str)


def _per_value(column: pd.Series, compute) -> np.ndarray:
    """``compute(value)`` for each row of ``column``, computed once per distinct value."""
    codes, distinct = pd.factorize(column.to_numpy(dtype=object), use_na_sentinel=False)
    return np.array([compute(value) for value in distinct], dtype=object)[codes]


HOVER = "%{text}<extra></extra>"


def _point_traces(placed: pd.DataFrame, hover: np.ndarray, use_gl: bool) -> list[dict]:
    traces = []
    for event_type, rows in _by_type(placed, placed["mark"].isin(("exact", "inferred")).to_numpy()):
        colour = TYPE_COLOURS.get(event_type, TYPE_COLOURS["other"])
        traces.append({
            "type": "scattergl" if use_gl else "scatter", "mode": "markers",
            "x": _days(placed["start"].to_numpy()[rows]), "y": placed["y"].to_numpy()[rows],
            "name": event_type, "legendgroup": event_type, "showlegend": False,
            "marker": {"color": colour, "size": 11, "line": {"width": 2, "color": colour},
                       "symbol": np.where(placed["mark"].to_numpy()[rows] == "exact", MARK_SYMBOLS["exact"],
                                          MARK_SYMBOLS["inferred"])},
            "customdata": _ids(placed, rows), "text": hover[rows], "hovertemplate": HOVER,
        })
    return traces


def _range_traces(placed: pd.DataFrame, hover: np.ndarray) -> list[dict]:
    traces = []
    for event_type, rows in _by_type(placed, (placed["mark"] == "range").to_numpy()):
        colour = TYPE_COLOURS.get(event_type, TYPE_COLOURS["other"])
        start, end = placed["start"].to_numpy()[rows], placed["end"].to_numpy()[rows]
        traces.append({
            "type": "bar", "orientation": "h", "base": _days(start), "x": _width_ms(start, end),
            "y": placed["y"].to_numpy()[rows], "width": 0.32,
            "name": event_type, "legendgroup": event_type, "showlegend": False,
            "marker": {"color": colour, "opacity": 0.85, "line": {"width": 0}},
            "customdata": _ids(placed, rows), "text": hover[rows], "hovertemplate": HOVER,
            "textposition": "none",
        })
    return traces


def _undated_traces(placed: pd.DataFrame, hover: np.ndarray) -> list[dict]:
    rows = np.flatnonzero(placed["undated"].to_numpy())
    if not len(rows):
        return []
    shown = placed.iloc[rows]
    start = shown["window_start"].fillna(shown["window_end"] - pd.Timedelta(days=7)).to_numpy()
    end = (shown["window_end"].fillna(shown["window_start"] + pd.Timedelta(days=7)) + pd.Timedelta(days=1)).to_numpy()
    colours = [TYPE_COLOURS.get(t, TYPE_COLOURS["other"]) for t in shown["event_type"]]
    return [{
        "type": "bar", "orientation": "h", "base": _days(start), "x": _width_ms(start, end),
        "y": shown["y"].to_numpy(), "width": 0.3, "name": "undated: possible window", "legendgroup": "undated",
        "legendrank": 3000,
        "marker": {"color": np.array(colours, dtype=str), "opacity": 0.35, "pattern": {"shape": "/"}},
        "customdata": _ids(placed, rows), "text": hover[rows], "hovertemplate": HOVER,
        "textposition": "none",
    }]


def _ids(placed: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    return placed["id"].to_numpy(dtype=object)[rows].astype(str)


# --- counts, for views too large to draw event by event -----------------------------------------------

BIN_UNITS = (("day", "D", "daily"), ("week", "W", "weekly"), ("month", "M", "monthly"), ("year", "Y", "yearly"))


def bin_unit(starts: pd.Series, max_bins: int = 200) -> tuple[str, str, str]:
    """The finest of day, week, month and year that cuts the span of ``starts`` into at most ``max_bins``."""
    dated = starts.dropna()
    days = (dated.max() - dated.min()).days + 1 if len(dated) else 1
    for unit in BIN_UNITS:
        if days / {"D": 1, "W": 7, "M": 30.44, "Y": 365.25}[unit[1]] <= max_bins:
            return unit
    return BIN_UNITS[-1]


def _bin_starts(days: pd.Series, code: str) -> np.ndarray:
    """The first day of the day/week/month/year holding each day (weeks start on Monday)."""
    values = days.to_numpy(dtype="datetime64[D]")
    if code == "W":
        return values - ((values.astype(np.int64) + 3) % 7)  # 1970-01-01 was a Thursday
    return values.astype(f"datetime64[{code}]").astype("datetime64[D]")


def _count_traces(placed: pd.DataFrame, unit: tuple[str, str, str], lanes: list[str], spread: bool) -> list[dict]:
    """One trace per type: a marker per (lane, period) sized by its number of events; with ``spread``,
    the types of one lane sit at small vertical offsets."""
    day = placed["start"].fillna(placed["window_start"]).fillna(placed["window_end"])
    bins = _bin_starts(day, unit[1]).astype(np.int64)
    type_codes, type_names = pd.factorize(placed["event_type"].to_numpy(dtype=object))
    lane = placed["y"].to_numpy().astype(np.int64)
    low, width = (int(bins.min()), int(np.ptp(bins)) + 1) if len(bins) else (0, 1)
    cells, count = np.unique((type_codes * len(lanes) + lane) * width + (bins - low), return_counts=True)
    cell_type, cell_lane, cell_bin = cells // (len(lanes) * width), cells // width % len(lanes), cells % width + low
    types = _types_in(pd.Series(type_names, dtype=object))
    step = min(0.08, 0.7 / max(1, len(types))) if spread else 0.0
    offsets = {t: (i - (len(types) - 1) / 2) * step for i, t in enumerate(types)}
    traces = []
    for event_type in types:
        rows = cell_type == list(type_names).index(event_type)
        colour = TYPE_COLOURS.get(event_type, TYPE_COLOURS["other"])
        traces.append({
            "type": "scattergl", "mode": "markers", "name": event_type, "legendgroup": event_type,
            "showlegend": False, "x": _days(cell_bin[rows].astype("datetime64[D]")),
            "y": cell_lane[rows].astype(float) + offsets[event_type],
            "marker": {"color": colour, "size": np.minimum(4 + 2.2 * np.sqrt(count[rows]), 26), "opacity": 0.8,
                       "line": {"width": 0}},
            "text": count[rows], "hovertemplate": f"%{{text}} {event_type} event(s)<br>{unit[0]} of %{{x}}<extra></extra>",
        })
    return traces


def _counts_figure(frame: pd.DataFrame, placed: pd.DataFrame, lanes: list[str], options: ChartOptions) -> go.Figure:
    unit = bin_unit(placed["start"])
    traces = _count_traces(placed, unit, lanes, spread=options.lanes != "type") + _legend_keys(placed, marks=False)
    return _figure(traces, _layout(frame, lanes, replace(options, title=_counts_title(frame, unit, options.title))))


def _counts_title(frame: pd.DataFrame, unit: tuple[str, str, str], title: str) -> str:
    note = (f"{len(frame):,} events: {unit[2]} counts per lane (marker size); filter or narrow the dates "
            "to see each event")
    return f"{title} · {note}" if title else note


# --- shared parts ---------------------------------------------------------------------------------------

def _legend_keys(placed: pd.DataFrame, marks: bool = True) -> list[dict]:
    """Legend entries: one filled marker per event type drawn (a click hides that type), then the shapes' meaning.
    The types of undated windows count: their bars have their type's colour (a type drawn only as a window was
    a colour the legend did not name)."""
    types = [
        _key(event_type, event_type, "circle", TYPE_COLOURS.get(event_type, TYPE_COLOURS["other"]),
             "Event type" if i == 0 else "", 1000 + i)
        for i, event_type in enumerate(_types_in(placed["event_type"]))
    ]
    present = set(placed["mark"].unique()) if marks else set()
    keys = [_key(MARK_LABELS[mark], "precision", MARK_SYMBOLS[mark], "#475569", "Date", 2000 + i)
            for i, mark in enumerate(("exact", "inferred", "range")) if mark in present]
    return types + keys


LEGEND_SYMBOLS = {  # the legend's marks drawn by CSS (Streamlit's HTML leaves no SVG); {c} is the colour
    "circle": "border-radius:50%;background:{c};border:2px solid {c}",
    "circle-open": "border-radius:50%;border:2px solid {c}",
    "square": "background:{c};border:2px solid {c}",
    "window": "border:1px solid {c};background:repeating-linear-gradient(135deg,{c} 0 1.5px,transparent 1.5px 4px)",
}


def legend_html(figure: go.Figure) -> str:
    """The figure's legend as one line of HTML (wrapping where it must), to show above the chart on a screen:
    the types' colours, then the marks' shapes, from the same legend keys a picture draws."""
    groups: dict[str, list[str]] = {"Event type": [], "Date": []}
    keys = [trace for trace in figure.data if trace.showlegend is not False and trace.name]
    for trace in sorted(keys, key=lambda trace: trace.legendrank if trace.legendrank is not None else 5000):
        undated = trace.legendgroup == "undated"
        colour = TYPE_COLOURS["other"] if undated else trace.marker.color
        title = "Date" if trace.legendgroup in ("precision", "undated") else "Event type"
        mark = LEGEND_SYMBOLS["window" if undated else trace.marker.symbol].format(c=colour)
        groups.setdefault(title, []).append(
            f'<span style="white-space:nowrap;margin-right:6px"><span style="display:inline-block;box-sizing:border-box;width:11px;'
            f'height:11px;margin-right:5px;vertical-align:-1px;{mark}"></span>{_escape(trace.name)}</span>')
    parts = [f'<span style="color:#64748b">{title}:</span> ' + " ".join(keys) for title, keys in groups.items() if keys]
    return ('<div class="timeline-legend" style="display:flex;flex-wrap:wrap;gap:2px 12px;font-size:13px;'
            'line-height:1.6;color:#0f172a">' + "".join(f"<div>{part}</div>" for part in parts) + "</div>")


def _key(name: str, group: str, symbol: str, colour: str, title: str, rank: int) -> dict:
    return {"type": "scatter", "x": [None], "y": [None], "mode": "markers", "name": name, "legendgroup": group,
            "legendgrouptitle": {"text": title}, "hoverinfo": "skip", "legendrank": rank,
            "marker": {"symbol": symbol, "size": 11, "color": colour, "line": {"width": 2, "color": colour}}}


def _types_in(types: pd.Series) -> list[str]:
    """The event types present, in the project's order (unknown ones last, sorted)."""
    present = set(types.unique())
    return [t for t in EVENT_TYPES if t in present] + sorted(present - set(EVENT_TYPES))


def _by_type(placed: pd.DataFrame, wanted: np.ndarray):
    """(type, positions in ``placed``) for the wanted rows of each type, in the project's order."""
    types = placed["event_type"].to_numpy(dtype=object)
    for event_type in _types_in(placed.loc[wanted, "event_type"]):
        yield event_type, np.flatnonzero(wanted & (types == event_type))


def _days(values: np.ndarray) -> np.ndarray:
    """ISO days ("2023-09-20") of datetime64 values."""
    return np.datetime_as_string(values.astype("datetime64[D]"), unit="D")


def _width_ms(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Bar lengths in milliseconds, at least one day."""
    return np.maximum((end - start) / np.timedelta64(1, "ms"), DAY_MS)


# Pixels above the plot, from the bottom up: the dates of a tall chart (two lines of labels and the ticks), the
# range buttons, then the note on what lies outside the window: the hint and over it the count. Stacked, never
# side by side: on a laptop's plot area (about 350 px at 1024) the buttons and the note overlapped.
TOP_AXIS_ABOVE = 600  # a chart taller than this has its dates on top, where its first screen shows them
TOP_LABELS_PX = 44
BUTTONS_PX = 26
NOTE_LINE_PX = 16
TITLE_LINE_CHARS = 140  # a title's line at 18 px fits a 1,600 px picture (the PNG export); longer ones wrap
TITLE_LINE_PX = 24


def _layout(frame: pd.DataFrame, lanes: list[str], options: ChartOptions, placed: pd.DataFrame | None = None) -> dict:
    window = _chosen_window(default_window(frame, options.coverage), options)
    hidden = _outside(frame, window)
    away = _lanes_outside(placed, len(lanes), window) if placed is not None else {}
    grid = {"showgrid": True, "gridcolor": "#eef2f7", "automargin": True}
    height = max(360, min(1400, 120 + 34 * len(lanes)))
    dates_on_top = height > TOP_AXIS_ABOVE
    buttons_at = (TOP_LABELS_PX if dates_on_top else 0) + 6  # pixels between the plot's top and the buttons
    title = _title_lines(options.title)
    top = (buttons_at + BUTTONS_PX + (2 * NOTE_LINE_PX + 4 if hidden else 0) + 4
           + (36 + TITLE_LINE_PX * (len(title) - 1) if title else 0))
    bottom = 12 if dates_on_top else 40
    return {
        "template": pio.templates["plotly_white"],
        "height": height,
        "margin": {"l": 10, "r": 10, "t": top, "b": bottom},
        "font": {"family": FONT, "size": 13, "color": "#0f172a"},
        "title": {"text": "<br>".join(map(_escape, title)), "x": 0.01, "font": {"size": 18}} if title else {},
        "hovermode": "closest",
        "hoverlabel": {"bgcolor": "white", "font": {"family": FONT, "size": 12}, "align": "left"},
        # On a laptop the legend beside the plot took ~170 px of its ~520: the screen shows ``legend_html`` above
        # the chart instead, and a picture (png.print_spec) draws this one.
        "showlegend": False, "meta": {"legend": LEGEND_IN_PICTURE},
        "legend": {"orientation": "v", "x": 1.01, "y": 1, "groupclick": "togglegroup", "font": {"size": 12},
                   "tracegroupgap": 4},
        "barmode": "overlay",
        "uirevision": "timeline",
        "annotations": _hidden_notes(hidden, buttons_at + BUTTONS_PX + 2) if hidden else [],
        "yaxis": {**grid, "tickvals": list(range(len(lanes))), "zeroline": False, "fixedrange": True,
                  "ticktext": [_escape(_shorten(lane, 34)) + away.get(i, "") for i, lane in enumerate(lanes)],
                  "range": [len(lanes) - 0.5, -0.5]},
        "xaxis": {**grid, "type": "date", "range": list(window) if window else None, "showline": True,
                  "linecolor": "#cbd5e1", "ticks": "outside", "side": "top" if dates_on_top else "bottom",
                  "rangeselector": _range_selector(1 + buttons_at / max(1, height - top - bottom))},
    }


def _title_lines(title: str, width: int = TITLE_LINE_CHARS) -> list[str]:
    """The title in lines of at most ``width`` characters, broken between its " · " parts (a part longer than a line
    is a line of its own). One line ran off the picture's right edge, the filters at its end cut away."""
    lines: list[str] = []
    for part in title.split(" · ") if title else ():
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += " · " + part
        else:
            lines.append(part)
    return lines


def _range_selector(y: float) -> dict:
    """The range buttons, their bottom at ``y`` (the plot's height is 1)."""
    return {
        "buttons": [
            {"count": 7, "label": "1w", "step": "day", "stepmode": "backward"},
            {"count": 1, "label": "1m", "step": "month", "stepmode": "backward"},
            {"count": 3, "label": "3m", "step": "month", "stepmode": "backward"},
            {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
            {"label": "all", "step": "all"},
        ],
        "x": 0, "y": round(y, 4), "yanchor": "bottom", "bgcolor": "#f1f5f9", "activecolor": "#cbd5e1",
        "font": {"size": 12},
    }


MIN_WINDOW_DAYS = 14


def draws_anything(frame: pd.DataFrame, undated: bool = True) -> bool:
    """Whether the timeline of ``frame`` has a marker or a bar: an event with a day, or (with the undated strip
    shown) an undated one with a possible window. Otherwise the chart is an empty grid of made-up dates."""
    return bool(_drawn(frame, undated).any())


def not_drawn(frame: pd.DataFrame, undated: bool = True) -> int:
    """How many events of ``frame`` the timeline has no place for: undated ones with no possible window (all the
    undated ones when the strip is hidden). On real pages they are many (an article with no publication date
    dates only what its text dates): 545 of 1,058 on the 580 LOOK pages."""
    return int((~_drawn(frame, undated)).sum())


def _drawn(frame: pd.DataFrame, undated: bool) -> pd.Series:
    dated = frame["mark"] != "undated"
    windowed = frame["window_start"].notna() | frame["window_end"].notna()
    return dated | (windowed & undated)


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
    breaks = np.flatnonzero(np.diff(starts) > gap)  # i: a gap wider than ``gap`` after starts[i]
    before, after = breaks[breaks < low_i], breaks[breaks >= high_i]
    low_i = int(before[-1]) + 1 if len(before) else 0
    high_i = int(after[0]) if len(after) else len(starts) - 1
    low, high = pd.Timestamp(starts[low_i]), pd.Timestamp(starts[high_i])
    ends = frame.loc[frame["start"].between(low, high), "end"]
    high = max(high + pd.Timedelta(days=1), ends.max())
    # at least MIN_WINDOW_DAYS wide: a narrower window has Plotly write hours ("00:00 May 13, 12:00") under days
    pad = max(pd.Timedelta(days=2), (high - low) * 0.06, (pd.Timedelta(days=MIN_WINDOW_DAYS) - (high - low)) / 2)
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
    low, high = np.datetime64(pd.Timestamp(window[0])), np.datetime64(pd.Timestamp(window[1]))
    start, end = frame["start"].to_numpy(), frame["end"].to_numpy()
    return int(((end <= low) | (start >= high)).sum())  # NaT compares False: undated rows are not counted


def _lanes_outside(placed: pd.DataFrame, lanes: int, window: tuple[str, str] | None) -> dict[int, str]:
    """Lane number -> the mark of a lane all of whose events lie outside ``window``: " ◂ 2008" (its latest year,
    before the window) or " 2026 ▸" (its first, after it).

    A person's meeting years before the others left a lane with a name and no marker, on the screen and in a
    report's picture, as if the person had no event.
    """
    if window is None or placed.empty:
        return {}
    low, high = pd.Timestamp(window[0]), pd.Timestamp(window[1])
    # An undated event's window may be open at one end ("not before 1993"): it is then before nothing, or after
    # nothing, rather than marked with the one year it names.
    start, end = placed["start"].fillna(placed["window_start"]), placed["end"].fillna(placed["window_end"])
    lane = placed["y"].round().astype(int)
    before, after = (end < low).to_numpy(), (start > high).to_numpy()
    inside = ~(before | after) & (start.notna() | end.notna()).to_numpy()
    marks = {}
    for number in set(range(lanes)) - set(lane[inside]):
        mine = (lane == number).to_numpy()
        if (mine & before).any():
            marks[number] = f" ◂ {end[mine & before].max().year}"
        elif (mine & after).any():
            marks[number] = f" {start[mine & after].min().year} ▸"
    return marks


def _hidden_notes(count: int, above: int) -> list[dict]:
    """What the events outside the window amount to (kept in a picture), and under it what to press (screen
    only: a picture leaves it out, and the count takes its line), ``above`` pixels over the plot."""
    noun = "event lies" if count == 1 else "events lie"
    where = {"xref": "paper", "yref": "paper", "x": 1, "y": 1, "xanchor": "right", "yanchor": "bottom",
             "showarrow": False, "font": {"size": 12, "color": "#64748b"}}
    return [{**where, "text": f"{count} {noun} outside the dates shown", "yshift": above + NOTE_LINE_PX},
            {**where, "text": "press <b>all</b> or zoom out to see them", "name": SCREEN_ONLY, "yshift": above}]


NETWORK_LABELS = 40  # names written beside the busiest actors; the others show theirs on hover
NETWORK_TALL_ABOVE = 60  # actors; a larger circle gets more room
NETWORK_X_RANGE = 1.75  # the ring has radius 1: three quarters of it on each side for the names set beside it


def network_figure(edges: pd.DataFrame, kinds: dict[str, str] | None = None, max_edges: int = 300) -> go.Figure:
    """Who met or called whom: actors on a circle, edge width by number of meetings, hover lists events.

    An analyst's folder gives hundreds of actors: every name on the circle made a ring of overprinted text.
    Only the ``NETWORK_LABELS`` busiest are named (spread evenly round the circle); every node's name is in
    its hover. The edges are one line trace per width (hundreds of traces made the tab slow to draw).
    """
    kinds = kinds or {}
    edges = edges.head(max_edges)
    nodes = _nodes(edges)
    position = _circle(nodes)
    figure = go.Figure()
    lines: dict[float, tuple[list, list]] = {}  # width -> the x and y of its edges, each ended by a gap
    for row in edges.itertuples(index=False):
        xs, ys = lines.setdefault(round(1 + 2.2 * math.log2(1 + row.weight), 2), ([], []))
        (x0, y0), (x1, y1) = position[row.source], position[row.target]
        xs += [x0, x1, None]
        ys += [y0, y1, None]
    for width in sorted(lines, reverse=True):
        figure.add_trace(go.Scatter(x=lines[width][0], y=lines[width][1], mode="lines", hoverinfo="skip",
                                    showlegend=False, line={"width": width, "color": "rgba(37,99,235,0.45)"}))
    figure.add_trace(_edge_midpoints(edges, position))
    figure.add_trace(_node_trace(nodes, position, kinds))
    figure.update_layout(
        template="plotly_white", height=720 if len(nodes) > NETWORK_TALL_ABOVE else 560, showlegend=False,
        hovermode="closest", font={"family": FONT, "size": 13}, margin={"l": 10, "r": 10, "t": 10, "b": 10},
        xaxis={"visible": False, "range": [-NETWORK_X_RANGE, NETWORK_X_RANGE]},
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
    """Places on the circle: the ``NETWORK_LABELS`` busiest actors spread evenly, the others between them."""
    count = max(1, len(nodes))
    named = min(NETWORK_LABELS, count)
    spots = [round(j * count / named) for j in range(named)]
    rest = iter(sorted(set(range(count)) - set(spots)))
    order = spots + [next(rest) for _ in range(count - named)]
    return {
        node: (math.cos(math.pi / 2 - 2 * math.pi * spot / count), math.sin(math.pi / 2 - 2 * math.pi * spot / count))
        for node, spot in zip(nodes["id"], order)
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
    names = [_escape(_shorten(name, 28)) for name in nodes["name"]]
    xs, ys = [position[n][0] for n in nodes["id"]], [position[n][1] for n in nodes["id"]]
    crowded = len(nodes) > NETWORK_TALL_ABOVE  # smaller markers, so that the ring is not one band of discs
    return go.Scatter(
        x=xs, y=ys, mode="markers+text", text=[name if i < NETWORK_LABELS else "" for i, name in enumerate(names)],
        hovertext=names, textposition=[_outward(x, y) for x, y in zip(xs, ys)],
        hovertemplate="%{hovertext}<br>%{customdata} meetings<extra></extra>",
        customdata=[str(w) for w in nodes["weight"]],
        marker={"size": [(6 + 3 * math.sqrt(w)) if crowded else (12 + 6 * math.sqrt(w)) for w in nodes["weight"]],
                "color": colours,
                "line": {"width": 2, "color": "white"}},
        name="actors", cliponaxis=False,
    )


def _outward(x: float, y: float) -> str:
    """Where a node's name goes: away from the circle's centre (beside the node on the sides, over it at the
    top, under it at the bottom), not across the ring of nodes."""
    if abs(x) < 0.5:
        return "top center" if y > 0 else "bottom center"
    return "middle right" if x > 0 else "middle left"


def _escape(text: str) -> str:
    return html.escape(str(text), quote=False)


def _shorten(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
