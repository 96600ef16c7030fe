"""PNG export: real PNG bytes of the requested size with a real chart in them, from the export server the
app uses and from `python -m timeline chart`; a clear message when no browser exists."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys

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
