"""PNG export: real PNG bytes of the requested size with a real chart in them, from the export server the
app uses and from `python -m timeline chart`; a clear message when no browser exists."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from synthetic_events import make_actors, make_events

from timeline import png
from timeline.charts import figure_for
from timeline.errors import TimelineError
from timeline.filters import Filters
from timeline.frame import to_frame
from timeline.settings import PROJECT_DIR, SAMPLE_ARTICLES

HAVE_BROWSER = bool(shutil.which("chromium") or os.path.exists("/usr/bin/chromium") or os.environ.get("BROWSER_PATH"))
needs_browser = pytest.mark.skipif(
    not HAVE_BROWSER and not os.environ.get("CI"), reason="no Chromium here (CI always runs this)"
)
pytestmark = [pytest.mark.png]


def check_png(data: bytes, width: int, height: int) -> None:
    """Valid PNG bytes of exactly ``width`` x ``height`` with a chart in them, not a blank page."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(data))
    image.verify()
    image = Image.open(io.BytesIO(data)).convert("RGB")
    assert image.size == (width, height)
    colours = image.getcolors(maxcolors=1_000_000)
    assert len(colours) > 50, "too few colours: a blank or nearly blank image"
    background = max(colours)[0]
    assert background < 0.97 * width * height, "almost every pixel has the background colour"


@pytest.fixture(scope="module")
def server():
    started = png.ExportServer.start()
    yield started
    started.stop()


@needs_browser
def test_app_export_gives_a_png_of_the_requested_size(server):
    actors = make_actors()
    frame = to_frame(make_events(400, actors=actors), actors.get)
    figure = figure_for(frame, Filters(actors=("country-a",)))
    check_png(server.render(figure, width=1200, height=700), 1200, 700)


@needs_browser
def test_export_keeps_the_chart_but_drops_screen_only_parts(server):
    frame = to_frame(make_events(50))
    figure = figure_for(frame, Filters())
    printed = png.print_version(figure)
    assert printed.layout.xaxis.rangeselector.visible is False
    assert all(trace.type != "scattergl" and trace.text is None for trace in printed.data)
    assert figure.layout.xaxis.rangeselector.visible is not False  # the original is untouched
    check_png(server.render(figure, width=640, height=480, scale=1), 640, 480)


@needs_browser
def test_chart_command_writes_the_png(tmp_path):
    out = tmp_path / "chart.png"
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "chart", str(SAMPLE_ARTICLES), "--by", "type", "-o", str(out),
         "--width", "1000", "--height", "600"],
        cwd=PROJECT_DIR, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    check_png(out.read_bytes(), 1000, 600)
    assert "Traceback" not in result.stderr


def test_chart_command_explains_an_unknown_actor(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "chart", str(SAMPLE_ARTICLES), "--actor", "Nobody Atall",
         "-o", str(tmp_path / "x.png")],
        cwd=PROJECT_DIR, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 2
    assert "no actor called 'Nobody Atall'" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_no_browser_is_a_clear_error(monkeypatch):
    from choreographer.browsers.chromium import Chromium

    monkeypatch.setattr(Chromium, "find_browser", classmethod(lambda cls, **kw: None))
    with pytest.raises(TimelineError, match="apt-get install chromium"):
        png.ExportServer.start()


def test_a_browser_path_that_is_not_a_program_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chrome"))
    with pytest.raises(TimelineError, match="BROWSER_PATH"):
        png.find_browser()


def test_alike_legendless_traces_are_joined_in_drawing_order():
    frame = to_frame(make_events(300))
    figure = figure_for(frame, Filters(lanes="type"))
    plain, merged = png.print_spec(figure, merge=False)["data"], png.print_spec(figure)["data"]
    assert len(merged) < len(plain)
    for kind in ("scatter", "bar"):
        drawn = [t for t in plain if t["type"] == kind and t.get("showlegend") is False]
        joined = [t for t in merged if t["type"] == kind and t.get("showlegend") is False]
        assert [x for t in drawn for x in t["x"]] == [x for t in joined for x in t["x"]]
        assert [y for t in drawn for y in t["y"]] == [y for t in joined for y in t["y"]]
    legend = [t["name"] for t in plain if t.get("showlegend") is not False]
    assert [t["name"] for t in merged if t.get("showlegend") is not False] == legend


def test_lines_and_mixed_marker_sizes_are_not_joined():
    lines = [{"type": "scatter", "mode": "lines", "x": [0, 1], "y": [0, 1], "showlegend": False},
             {"type": "scatter", "mode": "lines", "x": [2, 3], "y": [0, 1], "showlegend": False}]
    assert len(png.merge_traces(lines)) == 2  # one polyline would join the two segments
    dots = [{"type": "scatter", "mode": "markers", "x": [0], "y": [0], "showlegend": False, "marker": {"size": 9}},
            {"type": "scatter", "mode": "markers", "x": [1], "y": [1], "showlegend": False,
             "marker": {"size": [4]}}]
    assert len(png.merge_traces(dots)) == 2  # an array of sizes makes a bubble chart, drawn otherwise
    same = [dict(dots[0], marker={"size": 9, "color": c}) for c in ("#111111", "#222222")]
    (joined,) = png.merge_traces(same)
    assert joined["marker"]["size"] == 9 and list(joined["marker"]["color"]) == ["#111111", "#222222"]


@needs_browser
def test_joined_traces_draw_the_same_pixels(server):
    actors = make_actors()
    figure = figure_for(to_frame(make_events(400, actors=actors), actors.get), Filters())
    merged = server.render_spec(png.print_spec(figure), width=900, height=700)
    plain = server.render_spec(png.print_spec(figure, merge=False), width=900, height=700)
    check_png(merged, 900, 700)
    difference = ImageChops.difference(Image.open(io.BytesIO(merged)).convert("RGB"),
                                       Image.open(io.BytesIO(plain)).convert("RGB"))
    assert difference.getbbox() is None


def test_labels_drawn_as_text_stay_in_the_export():
    from timeline.charts import network_figure
    from timeline.frame import meeting_edges

    actors = make_actors()
    figure = network_figure(meeting_edges(to_frame(make_events(200, actors=actors), actors.get)))
    nodes = [t for t in png.print_spec(figure)["data"] if "text" in t.get("mode", "")]
    assert nodes and all(len(t["text"]) == len(t["x"]) for t in nodes)
    assert all("customdata" not in t and "hovertemplate" not in t for t in png.print_spec(figure)["data"])


def long_named_actors():
    """The synthetic actors, every third with a name long enough to be shortened in its lane label."""
    from timeline.models import Actor

    return {key: Actor(actor.id, f"{actor.name} of the Extraordinarily Long Name Commission for Wide Labels"
                       if i % 3 == 0 else f"WWWW MMMM {actor.name}", actor.kind, actor.roles)
            for i, (key, actor) in enumerate(make_actors().items())}


def test_the_export_reserves_a_left_margin_for_its_lane_names():
    actors = make_actors()
    short = figure_for(to_frame(make_events(200, actors=actors), actors.get), Filters())
    wide_actors = long_named_actors()
    wide = figure_for(to_frame(make_events(200, actors=wide_actors), wide_actors.get), Filters())
    short_margin = png.print_spec(short)["layout"]["margin"]["l"]
    wide_margin = png.print_spec(wide)["layout"]["margin"]["l"]
    widest = max(wide.layout.yaxis.ticktext, key=len)
    assert 100 < short_margin < wide_margin
    assert wide_margin >= png.label_width([widest], 13) + 10
    assert png.label_width([widest], 13) > 0.4 * 13 * len(widest)  # any sans-serif font is this wide
    assert wide.layout.margin.l == short.layout.margin.l == 10  # the app's figure is untouched
    assert png.print_spec(wide)["layout"]["yaxis"]["automargin"] is True  # a wider font still fits


def test_label_width_reads_plotly_label_markup():
    assert png.label_width(["a &amp; b"], 13) == png.label_width(["a & b"], 13)
    assert png.label_width(["<b>ab</b>"], 13) == png.label_width(["ab"], 13)
    assert png.label_width(["short<br>a much longer line"], 13) == png.label_width(["a much longer line"], 13)
    assert png.label_width(["MMMM"], 26) > 1.9 * png.label_width(["MMMM"], 13)


def test_short_date_windows_get_room_for_two_line_date_labels():
    def edge(layout):  # the margin the dates are in: a tall chart has them on top
        return "t" if layout["xaxis"].get("side") == "top" else "b"

    frame = to_frame(make_events(30, days=6))
    short = png.print_spec(figure_for(frame, Filters()))["layout"]
    years = timeline_figure_of_years()
    assert short["margin"][edge(short)] >= 2 * 1.3 * 13 + 5  # two lines and the ticks
    printed = png.print_spec(years)["layout"]
    assert printed["margin"][edge(printed)] == years.layout.margin[edge(printed)]  # one line fits as it is
    few_lanes = png.print_spec(figure_for(frame[frame["event_type"] == "call"].head(3), Filters()))["layout"]
    assert edge(few_lanes) == "b" and few_lanes["margin"]["b"] >= 2 * 1.3 * 13 + 5


def timeline_figure_of_years():
    return figure_for(to_frame(make_events(200, days=3 * 365)), Filters())


@needs_browser
@pytest.mark.parametrize("view", ["long names", "types", "short window", "years"])
def test_reserved_margins_leave_plotly_nothing_to_widen(server, view):
    """Same pixels with the axes' automargin on and off: the reserved margins hold every label."""
    actors = long_named_actors()
    frame = to_frame(make_events(30 if view == "short window" else 300, actors=actors,
                                 days=6 if view == "short window" else 3 * 365 if view == "years" else 365),
                     actors.get)
    spec = png.print_spec(figure_for(frame, Filters(lanes="type" if view == "types" else "actor")))
    fixed = {**spec, "layout": {**spec["layout"], "yaxis": {**spec["layout"]["yaxis"], "automargin": False},
                                "xaxis": {**spec["layout"]["xaxis"], "automargin": False}}}
    automatic = server.render_spec(spec, width=1000, height=700)
    check_png(automatic, 1000, 700)
    difference = ImageChops.difference(Image.open(io.BytesIO(automatic)).convert("RGB"),
                                       Image.open(io.BytesIO(server.render_spec(fixed, width=1000, height=700)))
                                       .convert("RGB"))
    assert difference.getbbox() is None


EXIT_WHILE_STARTING = """
import os, tempfile, threading, time
from timeline import png


def start():  # as the app's background warm-up does, which reports nothing
    try:
        png.ExportServer.start()
    except Exception:
        pass


threading.Thread(target=start, daemon=True).start()
deadline = time.monotonic() + 60
while not os.listdir(tempfile.gettempdir()) and time.monotonic() < deadline:  # the browser's profile made
    time.sleep(0.01)
assert os.listdir(tempfile.gettempdir())
time.sleep(0.5)  # Chromium is writing its profile
"""


@needs_browser
def test_a_program_that_exits_while_the_browser_starts_closes_it_and_removes_its_profile():
    """The app starts the export server in a background thread; a process that ended meanwhile (a short test run)
    removed the browser's profile folder while Chromium still wrote to it ("Directory not empty" printed at exit),
    and left the browser running. The exit now waits for the start, closes the browser, and its folder goes."""
    profiles = Path(tempfile.mkdtemp(prefix="tl-png-"))  # a short path: Chromium's socket in it must fit 108 bytes
    try:
        done = subprocess.run([sys.executable, "-c", EXIT_WHILE_STARTING], cwd=PROJECT_DIR, capture_output=True,
                              text=True, timeout=180, env={**os.environ, "TMPDIR": str(profiles)})
        assert done.returncode == 0, done.stderr
        assert "Directory not empty" not in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert not list(profiles.iterdir())
    finally:
        shutil.rmtree(profiles, ignore_errors=True)


EXIT_WHILE_EXPORTING = """
import threading, time
import plotly.graph_objects as go
from timeline import png

server = png.ExportServer.start()


def export():  # exports one after another, as visitors' downloads may
    while True:
        try:
            server.render(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])), width=300, height=200)
        except Exception:
            pass


threading.Thread(target=export, daemon=True).start()
time.sleep(1.0)
"""


@needs_browser
def test_a_program_that_exits_while_exporting_prints_nothing():
    """A tab is reloaded after its export returns; an exit that closed the browser meanwhile left the reload's
    error to be printed at exit ("Task exception was never retrieved")."""
    done = subprocess.run([sys.executable, "-c", EXIT_WHILE_EXPORTING], cwd=PROJECT_DIR, capture_output=True,
                          text=True, timeout=180)
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr
