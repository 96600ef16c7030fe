"""PNG export of a Plotly figure through kaleido and a Chrome/Chromium, with one export server per process.

Reads: a ``plotly.graph_objects.Figure``. Adds: PNG bytes of the requested size.

Each plain ``write_image`` would start a browser (~3 s). ``ExportServer.start()`` starts one persistent
kaleido 1.x browser per process (``_Printer``: like ``kaleido.start_sync_server``, but a tab is reloaded
after its PNG is returned instead of before), after which an export takes a fraction of a second. The
figure is sent as ``print_spec`` draws it: same picture, fewer traces, no hover texts, and margins already
wide enough for the axis labels (``reserve_label_margin``, ``reserve_date_margin``), so that Plotly draws it
once instead of twice. The app keeps the one server in ``st.cache_resource``; the command line starts it,
exports and stops it. Without a browser the export raises ``TimelineError`` saying how to install one.
"""

from __future__ import annotations

import asyncio
import atexit
import concurrent.futures
import functools
import html
import json
import math
import os
import re
import threading
import weakref
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from .errors import TimelineError

SCREEN_ONLY = "screen only"  # the name of a figure annotation that a picture leaves out (what to press, ...)
# A figure whose ``layout.meta`` holds this under "legend" has its legend drawn in a picture only: the screen shows
# the same keys as a line of HTML above the chart (``charts.legend_html``), which takes no width from the plot.
LEGEND_IN_PICTURE = "in the picture only"

NO_BROWSER = (
    "PNG export needs Chrome or Chromium, and none was found. Install one with "
    "`sudo apt-get install chromium` (Debian/Ubuntu) or, on a machine with internet access, "
    "`python -c \"import kaleido; kaleido.get_chrome_sync()\"`; or point BROWSER_PATH at a Chrome binary."
)
START_TIMEOUT_S = 60.0
EXPORT_TIMEOUT_S = 60.0
_LOCK = threading.Lock()


@dataclass
class ExportServer:
    """A handle on the process-wide export server. Create it with ``ExportServer.start()``."""

    browser: str

    @classmethod
    def start(cls) -> "ExportServer":
        """Find a browser, start the process-wide server (once), and prove it works with a tiny export."""
        browser = find_browser()
        with _LOCK:
            _PRINTER.open()
        server = cls(browser)
        server.render(go.Figure(layout={"width": 20, "height": 20}), width=20, height=20,
                      timeout=START_TIMEOUT_S)
        return server

    def render(self, figure: go.Figure, width: int = 1400, height: int | None = None, scale: float = 1.0,
               timeout: float = EXPORT_TIMEOUT_S, legend: bool = True) -> bytes:
        """PNG bytes of ``figure`` at ``width`` x ``height`` pixels (times ``scale``); ``legend``: see ``print_spec``."""
        return self.render_spec(print_spec(figure, legend=legend), width, height, scale, timeout)

    def render_spec(self, spec: dict, width: int = 1400, height: int | None = None, scale: float = 1.0,
                    timeout: float = EXPORT_TIMEOUT_S) -> bytes:
        """PNG bytes of a figure given as plain data (``print_spec``), as it is."""
        options = {"format": "png", "width": int(width), "scale": scale,
                   "height": int(height or spec["layout"].get("height") or 600)}
        with _LOCK:
            try:
                return _PRINTER.render(spec, options, timeout)
            except TimeoutError:
                raise TimelineError(f"PNG export did not finish within {timeout:.0f} s; is the browser working? "
                                    f"{NO_BROWSER}") from None
            except TimelineError:
                raise
            except Exception as error:  # the browser's own message
                raise TimelineError(f"PNG export failed: {error}") from error

    def stop(self) -> None:
        """Stop the process-wide server (the command line does this; the app keeps it running)."""
        with _LOCK:
            _PRINTER.close()


class _Printer:
    """kaleido's ``Kaleido`` (Chromium with plotly.js loaded in two tabs) on an event loop in its own thread.

    kaleido reloads a tab after each export so that the next one starts on a fresh page, and its sync
    server waits for that reload (about a quarter of a warm export) before it returns the PNG. Here the
    reload runs after the PNG is returned, and two tabs take turns, so the next export finds a fresh tab.
    """

    def __init__(self):
        self.loop: asyncio.AbstractEventLoop | None = None
        self.kaleido = None
        self.starting: concurrent.futures.Future | None = None  # the browser's start, while it runs
        self.exiting = False
        self.guard = threading.Lock()  # between a start and the process's exit

    def open(self) -> None:
        """Start the browser. The process's exit (``at_exit``) closes it, even one still starting (the app starts
        it in a background thread), and none starts after: before, an exit meanwhile left Chromium writing its
        profile while Python removed the profile's folder ("Directory not empty" at the end of a test run)."""
        if self.loop is not None:
            return
        with self.guard:
            if self.exiting:
                raise TimelineError("the PNG export server does not start while the program exits")
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="png-export", daemon=True).start()
            kaleido = _reloading_kaleido()(n=2, mathjax=False)
            starting = asyncio.run_coroutine_threadsafe(kaleido.open(), loop)
            self.loop, self.kaleido, self.starting = loop, kaleido, starting
        try:
            starting.result(START_TIMEOUT_S)
        except BaseException:
            starting.cancel()
            self.close()
            raise
        finally:
            self.starting = None

    def render(self, spec: dict, options: dict, timeout: float) -> bytes:
        if self.loop is None:
            raise TimelineError("the PNG export server is not running: call ExportServer.start() first")
        job = asyncio.run_coroutine_threadsafe(self.kaleido.calc_fig(spec, opts=options), self.loop)
        try:
            return job.result(timeout)
        except concurrent.futures.TimeoutError:
            job.cancel()
            raise TimeoutError from None

    def close(self) -> None:
        if self.loop is None:
            return
        loop, kaleido, starting, self.loop, self.kaleido = self.loop, self.kaleido, self.starting, None, None
        if starting is not None:  # an exit while the browser starts: closed once it has started
            try:
                starting.result(START_TIMEOUT_S)
            except BaseException:  # failed or cancelled: what it started is closed below all the same
                pass
        try:
            asyncio.run_coroutine_threadsafe(kaleido.close(), loop).result(START_TIMEOUT_S)
        except Exception:  # a browser that already died leaves nothing to close
            pass
        loop.call_soon_threadsafe(loop.stop)

    def at_exit(self) -> None:
        with self.guard:
            self.exiting = True
        self.close()


def _reloading_kaleido():
    """``kaleido.Kaleido`` whose tabs are reloaded after an export has returned, not before."""
    import kaleido

    class ReloadingKaleido(kaleido.Kaleido):
        async def _return_kaleido_tab(self, tab) -> None:
            task = asyncio.get_running_loop().create_task(self._reload_then_return(tab))
            self._main_render_coroutines.add(task)  # kept alive; cancelled if the browser closes
            task.add_done_callback(self._main_render_coroutines.discard)

        async def _reload_then_return(self, tab) -> None:
            try:
                await tab.reload()
            except Exception:  # the browser closed meanwhile (the program exits); else the tab's next export says
                pass
            finally:
                await self.tabs_ready.put(tab)

    return ReloadingKaleido


_PRINTER = _Printer()
# The browser's profile is a temporary folder that Python removes at exit (weakref.finalize's exit hook, registered
# with the first finalizer): the browser is closed before, since exit hooks run last registered first.
weakref.finalize(_PRINTER, lambda: None)
atexit.register(_PRINTER.at_exit)


def find_browser() -> str:
    """The path of the Chrome/Chromium kaleido will use, or TimelineError saying how to install one."""
    from choreographer.browsers.chromium import Chromium

    path = Chromium.find_browser(skip_local=False)
    if not path or not os.access(path, os.X_OK):
        raise TimelineError(NO_BROWSER)
    return path


def print_version(figure: go.Figure) -> go.Figure:
    """A copy of ``figure`` as it is printed: see ``print_spec``."""
    return go.Figure(print_spec(figure), _validate=False)


def print_spec(figure: go.Figure, merge: bool = True, legend: bool = True) -> dict:
    """``figure`` as plain data without what only a screen uses (range selector buttons, annotations named
    ``SCREEN_ONLY``, hover texts, WebGL), its runs of like marker or bar traces drawn as one trace each: the same picture, drawn faster.
    A legend kept for pictures (``LEGEND_IN_PICTURE``) is drawn, unless ``legend`` is False (a stand-in for the
    screen's chart, which has its legend above it).

    Each trace costs the browser a fixed amount of work; a timeline figure has one per event type and
    kind of mark, which took Chromium about as long as its thousand markers (``merge_traces``).
    """
    layout = figure.layout.to_plotly_json()
    if "annotations" in layout:
        screen = {(note.get("x"), note.get("y")): note.get("yshift") for note in layout["annotations"]
                  if note.get("name") == SCREEN_ONLY}
        layout["annotations"] = [note for note in layout["annotations"] if note.get("name") != SCREEN_ONLY]
        for note in layout["annotations"]:  # a note stacked over a screen-only one takes its line
            spot = (note.get("x"), note.get("y"))
            if spot in screen:
                note["yshift"] = screen[spot] or 0
    if legend and (layout.get("meta") or {}).get("legend") == LEGEND_IN_PICTURE:
        layout["showlegend"] = True
    xaxis = layout.setdefault("xaxis", {})
    xaxis["rangeselector"] = {**xaxis.get("rangeselector", {}), "visible": False}
    traces = [_printed(trace.to_plotly_json()) for trace in figure.data]
    if merge:
        traces = merge_traces(traces, bars_overlap=layout.get("barmode") == "overlay")
    reserve_label_margin(layout)
    reserve_date_margin(layout)
    return {"data": traces, "layout": layout}


# Text widths are measured with the first of these fonts found (Liberation Sans has Arial's and Helvetica's
# widths; Chromium on Linux draws "Helvetica, Arial, sans-serif" with it), else estimated per character.
MEASURE_FONTS = ("LiberationSans-Regular.ttf", "Arial.ttf", "arial.ttf", "Helvetica.ttc", "DejaVuSans.ttf")
WIDTH_FACTOR = 1.05  # room for a slightly wider font (Inter, Segoe UI) than the one measured
EM_PER_CHAR = 0.62  # without any font file: a generous average advance of a sans-serif character
LABEL_PAD = 12  # Plotly's gap between the labels and the plot, plus a pixel or two to spare
LINE_HEIGHT = 1.3  # Plotly's line height, in font sizes
ONE_LINE_DAYS = 365  # a date axis spanning at least this many days is labelled by month or year: one line


def reserve_label_margin(layout: dict) -> None:
    """Widen ``margin.l`` of a plain layout to what the left y-axis tick labels need (measured here).

    With ``automargin`` Plotly measures the labels after drawing the figure and, when they do not fit the
    margin, widens it and draws everything again: about half of an export. A margin that is already wide
    enough leaves it nothing to widen. ``automargin`` stays on, so a label wider than measured here (an
    unusual font) still fits: it costs the second draw, never a clipped label.
    """
    yaxis = layout.get("yaxis") or {}
    texts = yaxis.get("ticktext")
    if texts is None or not len(texts) or not _labels_outside(yaxis, "left"):
        return
    size, ticks = _tick_size(yaxis, layout), _tick_length(yaxis)
    margin = layout.setdefault("margin", {})
    needed = math.ceil(WIDTH_FACTOR * label_width(texts, size)) + ticks + LABEL_PAD
    margin["l"] = max(margin.get("l", 80), needed)


def reserve_date_margin(layout: dict) -> None:
    """Widen ``margin.b`` of a plain layout to the height of the x-axis's date labels (``margin.t`` when they
    are on top).

    Plotly labels days and weeks in two lines (``Sep 17`` over ``2023`` at the first tick and at each new
    year), months and years in one; a window shorter than ``ONE_LINE_DAYS`` (or not known) gets room for
    two lines. Like ``reserve_label_margin``, this only spares Plotly its second draw.
    """
    xaxis = layout.get("xaxis") or {}
    side = xaxis.get("side") or "bottom"
    if xaxis.get("type") != "date" or side not in ("top", "bottom") or not _labels_outside(xaxis, side):
        return
    size, ticks = _tick_size(xaxis, layout), _tick_length(xaxis)
    lines = 1 if _span_days(xaxis.get("range")) >= ONE_LINE_DAYS else 2
    margin = layout.setdefault("margin", {})
    edge = "t" if side == "top" else "b"  # a tall chart has its dates on top
    margin[edge] = max(margin.get(edge, 80), math.ceil(lines * LINE_HEIGHT * size) + ticks + LABEL_PAD + 2)


def _labels_outside(axis: dict, side: str) -> bool:
    """Whether ``axis`` shows its tick labels outside the plot on ``side``, with Plotly's automargin on."""
    return bool(axis.get("automargin")) and axis.get("visible") is not False and axis.get("side", side) == side \
        and not str(axis.get("ticklabelposition", "outside")).startswith("inside")


def _tick_size(axis: dict, layout: dict) -> float:
    """The font size of ``axis``'s tick labels (Plotly's default: 12)."""
    return (axis.get("tickfont") or {}).get("size") or (layout.get("font") or {}).get("size") or 12


def _tick_length(axis: dict) -> float:
    """How far ``axis``'s ticks push its labels away from the plot."""
    return axis.get("ticklen", 5) if axis.get("ticks") == "outside" else 0


def _span_days(window) -> float:
    """Days between the ends of a date range (0 when it is not set or not dates)."""
    try:
        low, high = (np.datetime64(str(end).replace(" ", "T")) for end in window)
        return abs(float((high - low) / np.timedelta64(1, "D")))
    except (TypeError, ValueError):
        return 0.0


def label_width(texts, size: float) -> float:
    """The width in pixels of the widest of ``texts`` (Plotly label markup: ``<br>`` breaks, tags, entities)."""
    lines = [html.unescape(re.sub(r"<[^>]*>", "", line))
             for text in texts for line in re.split(r"<br\s*/?>", str(text), flags=re.I)]
    font = _measure_font(round(size))
    if font is None:
        return max(len(line) for line in lines) * EM_PER_CHAR * size
    return max(font.getlength(line) for line in lines) * size / round(size)


@functools.lru_cache(maxsize=8)
def _measure_font(size: int):
    try:
        from PIL import ImageFont
    except ImportError:
        return None
    for name in MEASURE_FONTS:
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return None


def _printed(trace: dict) -> dict:
    """A trace without its hover-only fields, drawn with SVG."""
    for key in ("customdata", "hovertemplate", "hovertext"):
        trace.pop(key, None)
    if not _shows_text(trace):
        trace.pop("text", None)
    if trace.get("type") == "scattergl":
        trace["type"] = "scatter"
    return trace


def _shows_text(trace: dict) -> bool:
    if trace.get("type") in ("bar", "histogram"):
        return trace.get("textposition") != "none"
    return "text" in str(trace.get("mode", ""))


# Marker properties that may hold one value per point (plotly's "arrayOk"): traces that differ only in
# these, in their points and in their name can be drawn as one.
PER_POINT = ("color", "symbol", "size")
POINTS = ("x", "y", "base")
MERGEABLE = ("scatter", "bar")


def merge_traces(traces: list[dict], bars_overlap: bool = True) -> list[dict]:
    """``traces`` with each run of consecutive, alike, legend-less traces joined into one.

    Alike: the same type, mode and style, differing only in their points, their marker's colour, symbol,
    size and line colour, and their name and legend group (which a legend-less trace never shows). The
    points keep their drawing order, so the picture is the same. Bars are joined only when they overlap
    (``barmode="overlay"``): grouped or stacked bars are placed by trace.
    """
    merged: list[dict] = []
    run: list[dict] = []
    for trace in traces + [{}]:
        if run and not (trace and _alike(run[0], trace, bars_overlap)):
            merged.append(_joined(run) if len(run) > 1 else run[0])
            run = []
        if trace:
            run.append(trace)
    return merged


def _alike(first: dict, trace: dict, bars_overlap: bool) -> bool:
    kind = trace.get("type")
    if kind not in MERGEABLE or trace.get("showlegend") is not False:
        return False
    if (kind == "bar" and not bars_overlap) or (kind == "scatter" and trace.get("mode") != "markers"):
        return False  # grouped bars are placed by trace; lines would join one trace's line to the next
    style = _style(trace)
    return style is not None and style == _style(first) and _has_points(first) and _has_points(trace)


def _style(trace: dict) -> str | None:
    """What a trace looks like apart from its points and per-point marker values (None: it holds other
    arrays, or numbers for colours, so it is drawn as it is)."""
    marker, line = trace.get("marker", {}), trace.get("marker", {}).get("line", {})
    colours = [marker.get("color", ""), line.get("color", "")]
    if not all(isinstance(c, str) or np.ndim(c) == 1 and all(isinstance(v, str) for v in c) for c in colours):
        return None  # numbers would go through a colour scale
    style = {
        "trace": {k: v for k, v in trace.items() if k not in POINTS + ("name", "legendgroup", "marker")},
        "marker": {k: v for k, v in marker.items() if k not in PER_POINT + ("line",)},
        "line": {k: v for k, v in line.items() if k != "color"},
        "present": [k in trace for k in POINTS] + [k in marker for k in PER_POINT] + ["color" in line],
        # an array of sizes makes a bubble chart, with other defaults: sizes are joined only if all are arrays
        "size": "array" if np.ndim(marker.get("size")) else marker.get("size"),
    }
    try:
        return json.dumps(style, sort_keys=True, default=_no_arrays)
    except TypeError:
        return None


def _no_arrays(value):
    raise TypeError(f"not a plain value: {type(value).__name__}")


def _has_points(trace: dict) -> bool:
    x = trace.get("x")
    return x is not None and len(x) > 0 and all(np.ndim(trace.get(k, ())) == 1 for k in POINTS)


def _joined(run: list[dict]) -> dict:
    """One trace drawing the points of ``run`` in order, with per-point marker values."""
    sizes = [len(trace["x"]) for trace in run]
    joined = {k: v for k, v in run[0].items() if k not in ("name", "legendgroup")}
    for key in POINTS:
        if key in joined:
            joined[key] = np.concatenate([np.asarray(trace[key]) for trace in run])
    marker = dict(run[0].get("marker", {}))
    for key in PER_POINT:
        if key in marker:
            marker[key] = _spread([trace["marker"][key] for trace in run], sizes)
    if "color" in marker.get("line", {}):
        marker["line"] = {**marker["line"], "color": _spread([t["marker"]["line"]["color"] for t in run], sizes)}
    if marker:
        joined["marker"] = marker
    return joined


def _spread(values: list, sizes: list[int]):
    """The traces' values of one marker property: their one value if they share it, else one per point."""
    if not any(np.ndim(v) for v in values) and all(v == values[0] for v in values):
        return values[0]
    return np.concatenate([np.asarray(v, dtype=object) if np.ndim(v) else np.full(n, v, dtype=object)
                           for v, n in zip(values, sizes)])
