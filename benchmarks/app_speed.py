"""How fast the dashboard answers. Prints three figures:

1. the app's rerun after a filter change with 10,000 events on the server (Streamlit's AppTest runs the
   real app.py; the pipeline is handed 10,000 generated events instead of the sample articles);
2. the time from opening the page to the first chart, in headless Chromium, on the sample corpus: both
   when the PNG preview of the chart is shown (app.py's show_preview: a picture drawn on the server, shown
   until Plotly has drawn) and when the interactive chart is drawn
   (`streamlit run app.py` on a free port, started as scripts/app.sh starts it; the first visit after the
   server starts, then first-time visitors on the warm server (a fresh browser context each: no HTTP
   cache), then returning visitors (one context: the browser's cache holds Streamlit's and Plotly's
   code)), with the milestones on the way and the time until the rest of the page (filters and table);
3. a warm PNG export of the sample chart through the persistent kaleido server.

    .venv/bin/python benchmarks/app_speed.py [--events 10000] [--visits 6] [--starts 1] [--skip rerun|browser|png]
"""

from __future__ import annotations

import argparse
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# "Visible" means drawn: Plotly's SVG is there and holds at least one marker or bar.
DRAWN = """() => {
    const plot = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
    return !!plot && !!plot.querySelector('.main-svg')
        && plot.querySelectorAll('.scatterlayer .point, .barlayer .point').length > 0;
}"""
# Milestones, stamped (epoch ms) by a MutationObserver in the page as they appear.
MILESTONES = """
window.__milestones = {};
const stamp = (name) => { if (!(name in window.__milestones)) window.__milestones[name] = performance.timeOrigin + performance.now(); };
// After the next frame is painted (a frame needs the main thread, which Plotly's code may hold for seconds).
const painted = (name) => requestAnimationFrame(() => setTimeout(() => stamp(name), 0));
new MutationObserver(() => {
    if (document.querySelector('[data-testid="stPlotlyChart"]')) stamp('chart element');
    if (document.querySelector('[data-testid="stPlotlyChart"] .main-svg')) stamp('chart svg');
    const preview = document.querySelector('img.chart-preview');  // a data: URL: often loaded when inserted
    if (preview && preview.complete && preview.naturalWidth > 0) painted('preview image shown');
    if (document.querySelector('[data-testid="stDataFrame"]') &&
        document.querySelector('[data-testid="stSidebarUserContent"] [data-testid="stMultiSelect"]')) stamp('page complete');
}).observe(document, {subtree: true, childList: true});
document.addEventListener('load', (event) => {  // or loaded later
    if (event.target.tagName === 'IMG' && event.target.matches('img.chart-preview')) painted('preview image shown');
}, true);
"""
COMPLETE = ('() => !!document.querySelector(\'[data-testid="stDataFrame"]\') && '
            '!!document.querySelector(\'[data-testid="stSidebarUserContent"] [data-testid="stMultiSelect"]\')')


def rerun_seconds(events: int, repeat: int = 5) -> tuple[float, float, float, float, float]:
    """(first run, the run that sends the rest of the page, median rerun after an actor filter change, after
    a type change, after a lanes switch)."""
    from streamlit.testing.v1 import AppTest
    from synthetic_events import make_actors, make_events

    from timeline import pipeline
    from timeline.models import Corpus

    actors = make_actors()
    corpus = Corpus(timeline=tuple(make_events(events, actors=actors)))
    pipeline.parse_documents = lambda items, settings=None, progress=None, **engine: corpus  # the app's only parse call
    import timeline.actors as gazetteer_module

    gazetteer_module.load_gazetteer = lambda settings=None: type("Known", (), {"get": staticmethod(actors.get)})
    os.environ["TIMELINE_ARTICLES"] = tempfile.mkdtemp()  # an empty folder: no stored board stands in for these
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    started = time.perf_counter()
    at.run()  # a session's first run: the header and the chart
    first = time.perf_counter() - started
    assert not at.exception, at.exception
    at.session_state["first_chart_drawn"] = True  # what the browser's report sets (app_parts/chart_drawn)
    rest = _timed(at.run)  # the run that sends the rest of the page
    assert not at.exception, at.exception
    choices = [a for a in sorted(actors) if a.startswith("person-")][:repeat]
    by_actor, by_type = [], []
    for actor, kind in zip(choices, ("meeting", "call", "visit", "speech", "operation")):
        by_actor.append(_timed(lambda: at.multiselect(key="actors").set_value([actor]).run()))
        by_type.append(_timed(lambda: at.multiselect(key="types").set_value([kind]).run()))
        assert not at.exception, at.exception
        at.multiselect(key="types").set_value([]).run()
    at.multiselect(key="actors").set_value([]).run()
    lanes = [_timed(lambda: at.button_group(key="lanes").set_value(v).run()) for v in ("type", "actor") * 2]
    print("  each actor change:", " ".join(f"{t:.2f}" for t in by_actor), "| each type change:",
          " ".join(f"{t:.2f}" for t in by_type), "| each lanes switch, all events shown:",
          " ".join(f"{t:.2f}" for t in lanes))
    return first, rest, statistics.median(by_actor), statistics.median(by_type), statistics.median(lanes)


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


TRIVIAL_APP = """
import plotly.graph_objects as go
import streamlit as st
st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])))
"""


# What scripts/app.sh passes to `streamlit run` (besides the script health check it calls once the server
# answers: see _warm_up).
APP_SH_ARGS = ("--server.scriptHealthCheckEnabled", "true", "--server.fileWatcherType", "none")


def first_chart_visits(visits: int, script: Path = ROOT / "app.py", complete: bool = True,
                       server_args: tuple[str, ...] = APP_SH_ARGS, warm_up: bool = True) -> dict[str, list[dict]]:
    """Milestones (seconds after page.goto) of each visit: {"cold": [first visit after start-up],
    "warm": [first-time visitors], "returning": [visitors whose browser has been here before]}.

    The server is started as scripts/app.sh starts it (``server_args``; with ``warm_up``, its one script run
    through the health check, started as the server answers). The first visit opens the page at that same
    moment, as a user who opens it at once would: it does not wait for the warm-up to end.
    """
    from playwright.sync_api import sync_playwright

    port = _free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("streamlit")), "run", str(script), "--server.headless", "true",
         "--server.port", str(port), *server_args],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        _wait_healthy(port)
        if warm_up:
            threading.Thread(target=_warm_up, args=(port,), daemon=True).start()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            url = f"http://localhost:{port}/"
            fresh = [_visit(browser.new_context(viewport=VIEWPORT), url, complete) for _ in range(visits)]
            returning_context = browser.new_context(viewport=VIEWPORT)
            _visit(returning_context, url, complete, close=False)  # fills this browser's cache
            returning = [_visit(returning_context, url, complete, close=False) for _ in range(max(1, visits - 1))]
            browser.close()
        return {"cold": fresh[:1], "warm": fresh[1:], "returning": returning}
    finally:
        server.terminate()
        server.wait(timeout=30)


VIEWPORT = {"width": 1440, "height": 1000}


def _visit(context, url: str, complete: bool, close: bool = True) -> dict[str, float]:
    """One page load: seconds from page.goto to each milestone: "interactive chart drawn" (Plotly's chart
    holds a marker or bar), "preview image shown" (where the app sent one), and the earlier of the two,
    "first chart visible"."""
    page = context.new_page()
    page.add_init_script(MILESTONES)
    first_message: list[float] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda _: first_message or first_message.append(time.time())))
    started = time.time()
    page.goto(url)
    page.wait_for_function(DRAWN, timeout=120_000, polling=50)
    marks = {"interactive chart drawn": time.time() - started}
    if complete:
        page.wait_for_function(COMPLETE, timeout=120_000, polling=100)
    timing = page.evaluate("[performance.timeOrigin, performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd]")
    marks["page loaded (DOMContentLoaded)"] = (timing[0] + timing[1]) / 1000 - started
    marks["first websocket message"] = first_message[0] - started if first_message else float("nan")
    marks |= {name: at / 1000 - started for name, at in page.evaluate("window.__milestones").items()}
    marks["first chart visible"] = min(marks["interactive chart drawn"], marks.get("preview image shown", math.inf))
    page.close()
    if close:
        context.close()
    return marks


def _summary(runs: list[dict]) -> str:
    """Median (min–max) of each milestone, in the order they happen."""
    names = sorted({name for run in runs for name in run}, key=lambda n: statistics.median(r.get(n, 0) for r in runs))
    parts = []
    for name in names:
        values = [run[name] for run in runs if name in run]
        spread = f" ({min(values):.2f}–{max(values):.2f})" if len(values) > 1 else ""
        some = f" [in {len(values)} of {len(runs)} visits]" if len(values) < len(runs) else ""
        parts.append(f"{name} {statistics.median(values):.2f}{spread}{some}")
    return "; ".join(parts)


def png_seconds(repeat: int = 5) -> tuple[float, float]:
    """(server start-up, median warm export) for the sample corpus chart at 1600 x 900."""
    from timeline.actors import load_gazetteer
    from timeline.charts import figure_for
    from timeline.filters import Filters
    from timeline.frame import board_for
    from timeline.pipeline import parse_corpus
    from timeline.png import ExportServer
    from timeline.settings import SAMPLE_ARTICLES

    board = board_for(parse_corpus([SAMPLE_ARTICLES]), load_gazetteer().get)
    figure = figure_for(board.frame, Filters())
    started = time.perf_counter()
    server = ExportServer.start()
    startup = time.perf_counter() - started
    warm = [_timed(lambda: server.render(figure, width=1600, height=900)) for _ in range(repeat)]
    server.stop()
    return startup, statistics.median(warm)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _warm_up(port: int) -> None:
    """What scripts/app.sh does once the server answers: one run of the app through the script health check."""
    try:
        urllib.request.urlopen(f"http://localhost:{port}/_stcore/script-health-check", timeout=120).read()
    except OSError:
        pass


def _wait_healthy(port: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://localhost:{port}/_stcore/health", timeout=2) as answer:
                if answer.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("streamlit did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--visits", type=int, default=6, help="first-time visits per server (the first is cold)")
    parser.add_argument("--starts", type=int, default=1, help="server starts (each gives one first visit after a start)")
    parser.add_argument("--skip", choices=("rerun", "browser", "png"), action="append", default=[])
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")
    if "png" not in args.skip:
        startup, warm = png_seconds()
        print(f"PNG export (sample chart, 1600x900): server start {startup:.2f} s, warm export {warm:.2f} s (median of 5)")
    if "browser" not in args.skip:
        visits = first_chart_visits(args.visits)
        for _ in range(args.starts - 1):  # more first visits after a start, each on a newly started server
            visits["cold"] += first_chart_visits(1)["cold"]
        print("the page in Chromium (sample corpus), seconds after page.goto to each milestone, median (min–max):")
        for kind, runs in visits.items():
            print(f"  {kind} ({len(runs)}): {_summary(runs)}")
        with tempfile.TemporaryDirectory() as folder:
            trivial = Path(folder) / "trivial.py"
            trivial.write_text(TRIVIAL_APP)
            floor = first_chart_visits(args.visits, trivial, complete=False)
        warm_floor = [run["interactive chart drawn"] for run in floor["warm"]]
        print(f"  floor on this machine now (a one-chart Streamlit page, first-time visitors): median "
              f"{statistics.median(warm_floor):.2f} s ({min(warm_floor):.2f}–{max(warm_floor):.2f}); "
              f"first visit after start-up {floor['cold'][0]['interactive chart drawn']:.2f} s")
    if "rerun" not in args.skip:
        first, rest, actor, kind, lanes = rerun_seconds(args.events)
        print(f"app with {args.events:,} events: first run (header and chart) {first:.2f} s, then the rest of "
              f"the page {rest:.2f} s; rerun after an actor change "
              f"{actor:.2f} s, after a type change {kind:.2f} s, lanes switch with all shown {lanes:.2f} s "
              "(medians, AppTest, server side)")


if __name__ == "__main__":
    main()
