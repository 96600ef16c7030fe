"""How fast the dashboard answers. Prints three figures:

1. the app's rerun after a filter change with 10,000 events on the server (Streamlit's AppTest runs the
   real app.py; the pipeline is handed 10,000 generated events instead of the sample articles);
2. the time from opening the page to the first chart drawn, in headless Chromium, on the sample corpus
   (`streamlit run app.py` on a free port; a cold first visit, then warm visits);
3. a warm PNG export of the sample chart through the persistent kaleido server.

    .venv/bin/python benchmarks/app_speed.py [--events 10000] [--visits 3]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg'


def rerun_seconds(events: int, repeat: int = 5) -> tuple[float, float, float]:
    """(first run, median rerun after an actor filter change, median rerun after a type change)."""
    from streamlit.testing.v1 import AppTest
    from synthetic_events import make_actors, make_events

    from timeline import pipeline
    from timeline.models import Corpus

    actors = make_actors()
    corpus = Corpus(timeline=tuple(make_events(events, actors=actors)))
    pipeline.parse_documents = lambda items, settings=None, progress=None, **engine: corpus  # the app's only parse call
    import timeline.actors as gazetteer_module

    gazetteer_module.load_gazetteer = lambda settings=None: type("Known", (), {"get": staticmethod(actors.get)})
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    started = time.perf_counter()
    at.run()
    first = time.perf_counter() - started
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
    return first, statistics.median(by_actor), statistics.median(by_type), statistics.median(lanes)


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


TRIVIAL_APP = """
import plotly.graph_objects as go
import streamlit as st
st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])))
"""


def first_chart_seconds(visits: int, script: Path = ROOT / "app.py") -> list[float]:
    """Seconds from page.goto to the first chart drawn: the first visit after start-up, then warm ones."""
    from playwright.sync_api import sync_playwright

    port = _free_port()
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("streamlit")), "run", str(script), "--server.headless", "true",
         "--server.port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        _wait_healthy(port)
        times = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for _ in range(visits):
                page = browser.new_page(viewport={"width": 1440, "height": 1000})
                started = time.perf_counter()
                page.goto(f"http://localhost:{port}/")
                page.wait_for_selector(CHART, timeout=120_000)
                times.append(time.perf_counter() - started)
                page.close()
            browser.close()
        return times
    finally:
        server.terminate()
        server.wait(timeout=30)


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
    parser.add_argument("--visits", type=int, default=3)
    parser.add_argument("--skip", choices=("rerun", "browser", "png"), action="append", default=[])
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")
    if "png" not in args.skip:
        startup, warm = png_seconds()
        print(f"PNG export (sample chart, 1600x900): server start {startup:.2f} s, warm export {warm:.2f} s (median of 5)")
    if "browser" not in args.skip:
        times = first_chart_seconds(args.visits)
        warm = f", warm visits {statistics.median(times[1:]):.2f} s" if len(times) > 1 else ""
        print(f"first chart visible in Chromium (sample corpus): first visit {times[0]:.2f} s{warm}")
        with tempfile.TemporaryDirectory() as folder:
            trivial = Path(folder) / "trivial.py"
            trivial.write_text(TRIVIAL_APP)
            floor = first_chart_seconds(args.visits, trivial)
        print(f"  floor on this machine now (a one-chart Streamlit page): median {statistics.median(floor):.2f} s")
    if "rerun" not in args.skip:
        first, actor, kind, lanes = rerun_seconds(args.events)
        print(f"app with {args.events:,} events: first run {first:.2f} s; rerun after an actor change "
              f"{actor:.2f} s, after a type change {kind:.2f} s, lanes switch with all shown {lanes:.2f} s "
              "(medians, AppTest, server side)")


if __name__ == "__main__":
    main()
