"""The dashboard in a real browser: Debian's Chromium driven by Playwright against `streamlit run app.py`."""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from PIL import Image

from timeline.settings import PROJECT_DIR

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot'
pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not os.path.exists(CHROMIUM) and not os.environ.get("CI"),
                       reason="no /usr/bin/chromium here (CI always runs this)"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(port: int, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "streamlit exited early"
        try:
            with urllib.request.urlopen(f"http://localhost:{port}/_stcore/health", timeout=2) as answer:
                if answer.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.25)
    raise AssertionError("streamlit did not answer /_stcore/health in time")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`streamlit run app.py` on a free port; stopped by its process id afterwards."""
    port = free_port()
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    streamlit = str(Path(sys.executable).with_name("streamlit"))
    command = [streamlit if os.path.exists(streamlit) else shutil.which("streamlit"), "run", "app.py",
               "--server.headless", "true", "--server.port", str(port), "--browser.gatherUsageStats", "false"]
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=PROJECT_DIR, stdout=output, stderr=subprocess.STDOUT)
    try:
        wait_healthy(port, process)
        yield f"http://localhost:{port}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    assert "Traceback" not in log.read_text(errors="replace")


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(90_000)
        page.goto(server)
        page.wait_for_selector(f"{CHART} .main-svg")
        yield page
        browser.close()


def chart_ids(page) -> list[str]:
    return page.evaluate(
        f"""() => {{
            const plot = document.querySelector('{CHART}');
            return plot.data.flatMap(trace => trace.customdata || []);
        }}"""
    )


def test_selecting_an_actor_changes_the_chart_and_the_png_downloads(page, tmp_path):
    before = sorted(set(chart_ids(page)))
    assert before
    assert not page.get_by_test_id("stException").count()
    page.get_by_test_id("stDataFrame").wait_for()  # the rest of the page follows the first chart

    combo = page.get_by_role("combobox", name="Actors")
    combo.click()
    options = page.get_by_test_id("stMultiSelectDropdown").get_by_role("option")
    labels = options.all_inner_texts()
    chosen = next((label for label in labels if label.startswith("↳")), labels[-1])  # a person under a group
    options.filter(has_text=chosen).first.click()
    page.keyboard.press("Escape")

    page.wait_for_function(
        f"""(before) => {{
            const plot = document.querySelector('{CHART}');
            if (!plot || !plot.data) return false;
            const ids = [...new Set(plot.data.flatMap(t => t.customdata || []))].sort();
            return ids.length > 0 && JSON.stringify(ids) !== JSON.stringify(before);
        }}""",
        arg=before,
    )
    after = set(chart_ids(page))
    assert after < set(before)
    assert "actor=" in page.url

    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name="Download PNG").click()
    download = info.value
    assert download.suggested_filename.endswith(".png")
    assert "/" not in download.suggested_filename
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    image = Image.open(io.BytesIO(data)).convert("RGB")
    assert image.size[0] == 1600 and image.size[1] >= 900
    assert len(image.getcolors(maxcolors=1_000_000)) > 50
    assert not page.get_by_test_id("stException").count()


# Where the preview (app.show_preview) sits in its container when it has loaded, and how tall the container is.
PREVIEW_PLACE = """
window.__preview = null;
const place = () => {
    const preview = document.querySelector('img.chart-preview');
    if (window.__preview || !preview || !preview.complete || !preview.naturalWidth) return;
    const box = document.querySelector('.st-key-first_chart').getBoundingClientRect();
    window.__preview = [preview.getBoundingClientRect().top - box.top, box.height];
};
new MutationObserver(place).observe(document, {subtree: true, childList: true});
document.addEventListener('load', place, true);
"""
DRAWN = f"() => !!document.querySelector('{CHART} .point')"
CHART_PLACE = f"""() => {{
    const box = document.querySelector('.st-key-first_chart').getBoundingClientRect();
    const preview = document.querySelector('img.chart-preview');
    return [document.querySelector('{CHART}').getBoundingClientRect().top - box.top, box.height,
            preview ? preview.getBoundingClientRect().height : 0];
}}"""


def test_the_stored_preview_shows_first_and_the_chart_takes_its_place(server, page):
    # `page` has opened the app: the opening view's preview, if missing, is being drawn for the next visitors
    context = page.context.browser.new_context(viewport={"width": 1440, "height": 1000})
    deadline = time.monotonic() + 120
    while True:
        visit = context.new_page()
        visit.set_default_timeout(90_000)
        visit.add_init_script(PREVIEW_PLACE)
        visit.goto(server)
        visit.wait_for_function(DRAWN, polling=50)
        preview = visit.evaluate("window.__preview")
        if preview is not None or time.monotonic() > deadline:
            break
        visit.close()
        time.sleep(3)
    assert preview is not None, "no preview was shown within 2 minutes"
    top, height, preview_height = visit.evaluate(CHART_PLACE)
    assert preview == [top, height] and height > 300  # the same place, the same height: nothing moves
    assert preview_height == 0  # the preview gave way as soon as the chart was drawn
    visit.get_by_test_id("stDataFrame").wait_for()
    assert not visit.locator("img.chart-preview").count()  # and is gone from the page with the next run
    context.close()


def test_a_clicked_marker_is_named_under_the_chart_with_a_link_to_its_evidence(page):
    """The evidence panel is below the table, out of sight: a click on a marker says at once, under the
    chart, which event it chose, and links down to its evidence."""
    page.get_by_test_id("stDataFrame").wait_for()
    marker = page.locator(f"{CHART} .scatterlayer .point").first
    box = marker.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    note = page.get_by_text("Chosen:")
    note.wait_for()
    link = note.get_by_role("link", name="read its evidence ↓")
    assert link.get_attribute("href").endswith("#evidence")
    title = note.inner_text().split(" · ")[1]
    assert title in page.get_by_role("combobox", name="Event", exact=True).input_value()  # the evidence shown: the same
    assert page.locator("#evidence").count() == 1
    assert not page.get_by_test_id("stException").count()


def test_on_a_laptop_screen_the_chart_gets_most_of_the_width(server, page):
    """At 1024 px with the sidebar open, the page's side padding is narrow, so the plot area is not squeezed to a
    quarter of the window (it was 252 px)."""
    context = page.context.browser.new_context(viewport={"width": 1024, "height": 900})
    narrow = context.new_page()
    narrow.set_default_timeout(90_000)
    narrow.goto(server)
    narrow.wait_for_selector(f"{CHART} .main-svg")
    padding, plot = narrow.evaluate(f"""() => [
        parseFloat(getComputedStyle(document.querySelector('[data-testid="stMainBlockContainer"]')).paddingLeft),
        document.querySelector('{CHART} .nsewdrag').getBoundingClientRect().width]""")
    assert padding <= 24 and plot >= 350
    context.close()


def _run_finished(payload) -> str | None:
    """The name of a websocket frame's script-finished status (a Streamlit ForwardMsg), or None."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    if isinstance(payload, str):
        return None
    message = ForwardMsg()
    message.ParseFromString(payload)
    if message.WhichOneof("type") != "script_finished":
        return None
    return ForwardMsg.ScriptFinishedStatus.Name(message.script_finished)


def test_choosing_an_event_reruns_only_what_follows_the_chart(server, page):
    """Reading the evidence of one event after another is the analyst's loop: each choice runs the part below
    the chart only (a fragment), not the chart, the header and the sidebar again."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    finished: list[str | None] = []
    visit = page.context.new_page()
    visit.set_default_timeout(90_000)
    visit.on("websocket", lambda socket: socket.on("framereceived", lambda payload: finished.append(
        _run_finished(payload))))
    visit.goto(server)
    visit.bring_to_front()
    visit.get_by_test_id("stDataFrame").wait_for()
    visit.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
    box = visit.get_by_role("combobox", name="Event", exact=True)
    before = box.input_value()
    for _ in range(10):  # the list can close again under a late redraw of the page: open it until it stays
        box.click()
        finished.clear()
        try:
            visit.get_by_role("option").nth(1).click(timeout=5_000)
            break
        except PlaywrightTimeout:
            visit.keyboard.press("Escape")
    else:
        raise AssertionError("the Event list did not open")
    deadline = time.monotonic() + 60
    while not any(finished) and time.monotonic() < deadline:
        visit.wait_for_timeout(50)
    assert box.input_value() != before
    assert [status for status in finished if status] == ["FINISHED_FRAGMENT_RUN_SUCCESSFULLY"]
    assert not visit.get_by_test_id("stException").count()
    visit.close()
