"""PNG export of a Plotly figure through kaleido and a Chrome/Chromium, with one export server per process.

Reads: a ``plotly.graph_objects.Figure``. Adds: PNG bytes of the requested size.

Each plain ``write_image`` would start a browser (~3 s). ``ExportServer.start()`` starts kaleido's
persistent server once (``kaleido.start_sync_server``), after which an export takes a fraction of a
second. The app keeps the one server in ``st.cache_resource``; the command line starts it, exports
and stops it. Without a browser the export raises ``TimelineError`` saying how to install one.
"""

from __future__ import annotations

import os
import threading
import warnings
from dataclasses import dataclass

import plotly.graph_objects as go
import plotly.io as pio

from .errors import TimelineError

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
    """A handle on kaleido's process-wide export server. Create it with ``ExportServer.start()``."""

    browser: str

    @classmethod
    def start(cls) -> "ExportServer":
        """Find a browser, start kaleido's persistent server, and prove it works with a tiny export."""
        browser = find_browser()
        import kaleido

        with _LOCK:
            kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        server = cls(browser)
        server.render(go.Figure(layout={"width": 20, "height": 20}), width=20, height=20,
                      timeout=START_TIMEOUT_S)
        return server

    def render(self, figure: go.Figure, width: int = 1400, height: int | None = None, scale: float = 1.0,
               timeout: float = EXPORT_TIMEOUT_S) -> bytes:
        """PNG bytes of ``figure`` at ``width`` x ``height`` pixels (times ``scale``)."""
        figure = print_version(figure)
        height = int(height or figure.layout.height or 600)
        return _with_timeout(lambda: _to_png(figure, int(width), height, scale), timeout)

    def stop(self) -> None:
        """Stop the process-wide server (the command line does this; the app keeps it running)."""
        import kaleido

        with _LOCK:
            kaleido.stop_sync_server(silence_warnings=True)


def _to_png(figure: go.Figure, width: int, height: int, scale: float) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # plotly passes kaleido options the server ignores
        return pio.to_image(figure, format="png", width=width, height=height, scale=scale, validate=False)


def find_browser() -> str:
    """The path of the Chrome/Chromium kaleido will use, or TimelineError saying how to install one."""
    from choreographer.browsers.chromium import Chromium

    path = Chromium.find_browser(skip_local=False)
    if not path or not os.access(path, os.X_OK):
        raise TimelineError(NO_BROWSER)
    return path


def print_version(figure: go.Figure) -> go.Figure:
    """A copy of ``figure`` without what only a screen uses: range selector buttons, hover texts, WebGL."""
    spec = figure.to_dict()
    for trace in spec.get("data", []):
        for key in ("text", "customdata", "hovertemplate"):
            trace.pop(key, None)
        if trace.get("type") == "scattergl":
            trace["type"] = "scatter"
    copy = go.Figure(spec, _validate=False)
    copy.update_xaxes(rangeselector_visible=False)
    return copy


def _with_timeout(work, timeout: float) -> bytes:
    """Run ``work`` in a helper thread; a browser that died must not hang the caller forever."""
    result: dict = {}

    def run():
        try:
            result["value"] = work()
        except Exception as error:  # reported below, with the browser's own message
            result["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    with _LOCK:
        worker.start()
        worker.join(timeout)
    if worker.is_alive():
        raise TimelineError(f"PNG export did not finish within {timeout:.0f} s; is the browser working? {NO_BROWSER}")
    if "error" in result:
        raise TimelineError(f"PNG export failed: {result['error']}") from result["error"]
    return result["value"]
