"""The benchmark's corpus and measurements; ``python -m timeline bench`` prints them as one table.

Reads: the sample articles under data/articles and, when present, the text of the TimeML documents in
../shared/timeml (read at run time, tags stripped, never copied into the project).
Adds: nothing to the pipeline; each ``measure_*`` returns a small dict of figures.

Every benchmark article gets its own publication date (and id), so no cache answers for free.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from .models import Article, Source, TimelineEvent
from .parallel import ParseFn, parse_stream, pipeline_parse
from .prefilter import compile_pending
from .settings import PROJECT_DIR, SAMPLE_ARTICLES, Settings

TIMEML_DIR = PROJECT_DIR.parent / "shared" / "timeml"
FIRST_DAY = date(1995, 1, 2)
DATE_STEP = 37  # days between consecutive articles, modulo DATE_SPAN: coprime, so dates do not repeat soon
DATE_SPAN = 10_000
_TAG = re.compile(r"<[^>]*>")
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)


# --- the corpus ---------------------------------------------------------------------------------------


def source_articles(settings: Settings, sample_dir: Path = SAMPLE_ARTICLES,
                    timeml_dir: Path = TIMEML_DIR) -> list[Article]:
    """The distinct texts the benchmark cycles through: the samples, then the TimeML documents' text."""
    return [*_samples(sample_dir, settings), *_timeml(timeml_dir)]


def _samples(folder: Path, settings: Settings) -> list[Article]:
    """The sample articles as the reader sees them; plain file text while ``timeline.articles`` is missing."""
    try:
        from .articles import iter_inputs
    except ImportError:
        return [Article(id=p.name, name=p.name, title="", text=p.read_text(encoding="utf-8"))
                for p in sorted(folder.glob("*.txt"))]
    return [a for a in iter_inputs([folder], settings) if isinstance(a, Article)]


def _timeml(folder: Path) -> list[Article]:
    articles = []
    for path in sorted(folder.rglob("*.tml")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        body = _TEXT.search(raw)
        if body:
            title = _TITLE.search(raw)
            articles.append(Article(id=path.stem, name=path.name, title=_strip(title.group(1)) if title else "",
                                    text=_strip(body.group(1))))
    return articles


def _strip(marked_up: str) -> str:
    return html.unescape(_TAG.sub("", marked_up)).strip()


def bench_articles(sources: list[Article], count: int) -> Iterator[Article]:
    """``count`` articles cycling through ``sources``, each with its own id and publication date (lazily)."""
    for i in range(count):
        source = sources[i % len(sources)]
        published = FIRST_DAY + timedelta(days=(i * DATE_STEP) % DATE_SPAN)
        yield replace(source, id=f"{source.id}~{i}", name=f"{i:06d}-{source.name}", published=published,
                      published_basis="benchmark", published_inferred=False)


def text_bytes(articles: Iterable[Article]) -> int:
    return sum(len(a.text.encode("utf-8")) for a in articles)


# --- parsing ------------------------------------------------------------------------------------------


def measure_parse(articles: list[Article], settings: Settings, parse: ParseFn = pipeline_parse,
                  **engine: Any) -> dict[str, Any]:
    """Parse ``articles`` (no cache unless given in ``engine``): seconds, articles/s, MB/s, the results."""
    started = time.perf_counter()
    results = list(parse_stream(articles, settings, parse=parse, **engine))
    seconds = time.perf_counter() - started
    return _rates(len(articles), text_bytes(articles), seconds) | {"results": results}


def measure_search_dates(articles: list[Article], language: str = "en") -> dict[str, Any]:
    """``dateparser.search.search_dates`` over each article with its date as RELATIVE_BASE."""
    started = time.perf_counter()
    found = sum(_search_dates(article, language) for article in articles)
    seconds = time.perf_counter() - started
    return _rates(len(articles), text_bytes(articles), seconds) | {"found": found}


def _search_dates(article: Article, language: str) -> int:
    """The call a user would write, exactly as issue 5 gives it; returns how many dates it found."""
    from dateparser.search import search_dates

    published = _midnight(article.published)  # dateparser wants a datetime
    return len(search_dates(article.text, languages=[language], settings={"RELATIVE_BASE": published}) or ())


def compare_search_dates(articles: list[Article], settings: Settings, parse: ParseFn = pipeline_parse,
                         block: int = 10) -> tuple[dict[str, Any], dict[str, Any]]:
    """Our parse and ``search_dates`` over the same articles, in one process, alternating every ``block``
    articles so both see the same load on a shared machine: (ours, theirs), wall and CPU seconds each."""
    ours, theirs = _Clock(), _Clock()
    found = 0
    for start in range(0, len(articles), block):
        part = articles[start : start + block]
        with ours:
            list(parse_stream(part, settings, parse=parse))
        with theirs:
            found += sum(_search_dates(article, settings.language) for article in part)
    size = text_bytes(articles)
    return (_rates(len(articles), size, ours.seconds) | {"cpu": ours.cpu},
            _rates(len(articles), size, theirs.seconds) | {"cpu": theirs.cpu, "found": found})


class _Clock:
    """Adds up the wall and CPU seconds of the blocks run under ``with``."""

    def __init__(self):
        self.seconds = self.cpu = 0.0

    def __enter__(self):
        self._started = (time.perf_counter(), time.process_time())

    def __exit__(self, *exc):
        self.seconds += time.perf_counter() - self._started[0]
        self.cpu += time.process_time() - self._started[1]


def warm_up(articles: list[Article], settings: Settings, parse: ParseFn) -> None:
    """Load lexicons, gazetteer and dateparser's language data before anything is timed (both sides), and
    compile the rules' patterns that the few warm-up articles left for their first use (``prefilter.LazyPattern``):
    a one-off cost of a process, as loading the gazetteer is, that would otherwise fall on the first articles timed."""
    list(parse_stream(articles, settings, parse=parse))
    compile_pending()
    for article in articles[:1]:
        _search_dates(article, settings.language)


def measure_together(articles: list[Article], settings: Settings, parse: ParseFn = pipeline_parse,
                     copies: int = 2, rounds: int = 2) -> dict[str, Any]:
    """The machine's own cost of running processes at once: CPU seconds a process forked from this one takes
    to parse ``articles`` alone, and each of ``copies`` such processes parsing them at the same time (no pool,
    no messages, no cache; the same rules and caches, inherited). Alone and together alternate ``rounds``
    times; medians. ``ratio`` > 1 is CPU the workers spend only because they run side by side."""
    alone, together = [], []
    for _ in range(rounds):
        alone += _forked_cpu(articles, settings, parse, 1)
        together += _forked_cpu(articles, settings, parse, copies)
    return {"alone_cpu": statistics.median(alone), "together_cpu": statistics.median(together),
            "ratio": statistics.median(together) / max(statistics.median(alone), 1e-9), "copies": copies}


def _forked_cpu(articles: list[Article], settings: Settings, parse: ParseFn, copies: int) -> list[float]:
    """CPU seconds of each of ``copies`` forked processes started together, each parsing ``articles``."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    processes = [context.Process(target=_parse_cpu, args=(articles, settings, parse, queue)) for _ in range(copies)]
    for process in processes:
        process.start()
    seconds = [queue.get() for _ in processes]
    for process in processes:
        process.join()
    return seconds


def _parse_cpu(articles: list[Article], settings: Settings, parse: ParseFn, queue) -> None:
    started = time.process_time()
    for article in articles:
        parse(article, settings)
    queue.put(time.process_time() - started)


# --- the parse command's path: files on disk -> JSON Lines, through the cache -----------------------


def write_corpus(articles: Iterable[Article], folder: Path) -> Path:
    """Each article as one JSON file (title, publication date, text) in ``folder``, as a user's corpus."""
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        record = {"title": article.title, "published": article.published.isoformat() if article.published else None,
                  "text": article.text}
        (folder / f"{Path(article.name).stem}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return folder


def measure_files(folder: Path, out: Path, settings: Settings, parse: ParseFn = pipeline_parse,
                  cache_dir: Path | None = None, size: int | None = None, **engine: Any) -> dict[str, Any]:
    """What ``python -m timeline parse FOLDER -o OUT [--cache-dir DIR | --no-cache]`` does, in this process:
    list, read (or find in the cache), parse and write the events. Wall seconds, rates (of ``size`` bytes,
    default the files' size), CPU seconds of this process and of its worker processes, the output."""
    from .batch import stream_outputs
    from .cache import ParseCache

    started, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    cache = ParseCache.for_settings(settings, cache_dir) if cache_dir is not None else None
    articles = 0
    try:
        with out.open("w", encoding="utf-8", newline="") as handle:
            for output in stream_outputs([folder], settings, cache=cache, parse=parse, **engine):
                handle.write(output.text())
                articles += output.reason is None
    finally:
        if cache is not None:
            cache.close()
    seconds = time.perf_counter() - started
    return _rates(articles, size or _folder_bytes(folder), seconds) | {
        "cpu": time.process_time() - cpu, "workers_cpu": _children_cpu() - children, "output": out.read_bytes()}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.iterdir())


def _midnight(day: date | None):
    from datetime import datetime

    return datetime(day.year, day.month, day.day) if day else None


def _rates(count: int, size: int, seconds: float) -> dict[str, Any]:
    seconds = max(seconds, 1e-9)
    return {"articles": count, "bytes": size, "seconds": seconds, "per_s": count / seconds,
            "mb_per_s": size / seconds / 1e6}


# --- memory: a child process streams the parse of many articles to a file --------------------------


def measure_stream_rss(count: int, workers: int, parse_name: str, timeout: float | None = None) -> dict[str, Any]:
    """Peak RSS of a fresh process (and of its largest worker) parsing ``count`` articles into a JSONL file."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "events.jsonl"
        command = [sys.executable, "-m", "timeline.benchmark", "stream", str(count), str(workers), parse_name, str(out)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=PROJECT_DIR,
                              env=_child_env())
        if done.returncode != 0:
            raise RuntimeError(f"streaming child failed: {done.stderr.strip()[-500:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_DIR), env.get("PYTHONPATH", "")]))
    return env


def stream_to_file(count: int, workers: int, parse: ParseFn, out: Path, settings: Settings,
                   sample_every: int = 2000) -> dict[str, Any]:
    """Parse ``count`` generated articles with bounded memory, one JSON line per event, into ``out``.

    Every ``sample_every`` articles it samples the RSS of this process plus its workers (logged to stderr),
    so the figures show whether memory stays flat as the stream goes on.
    """
    sources = source_articles(settings)
    events, done, samples = 0, 0, []
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as handle:
        for parsed in parse_stream(bench_articles(sources, count), settings, parse=parse, workers=workers):
            for event in getattr(parsed, "events", ()):
                handle.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
                events += 1
            done += 1
            if done % sample_every == 0 or done == count // 2:  # mid-stream too, for short runs
                samples.append(_tree_rss_mb())
                print(f"{done} articles, {time.perf_counter() - started:.0f} s, tree RSS {samples[-1]:.0f} MB",
                      file=sys.stderr, flush=True)
    seconds = time.perf_counter() - started
    return {"articles": count, "events": events, "seconds": seconds, "out_bytes": out.stat().st_size,
            "rss_mb": _maxrss_mb(resource.RUSAGE_SELF), "worker_rss_mb": _maxrss_mb(resource.RUSAGE_CHILDREN),
            "tree_rss_samples_mb": samples, "tree_rss_peak_mb": max(samples, default=0.0)}


def _tree_rss_mb() -> float:
    """Current RSS of this process and all its children, summed (shared pages counted in each)."""
    import psutil

    me = psutil.Process()
    total = me.memory_info().rss
    for child in me.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            total += child.memory_info().rss
    return total / 2**20


def _maxrss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def resolve_parse(name: str) -> ParseFn:
    """The parse function named "module:function" (a developer option of the benchmark)."""
    import importlib

    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function)


# --- charts and PNG -----------------------------------------------------------------------------------


def synthetic_events(count: int) -> list[TimelineEvent]:
    """``count`` timeline events spread over ten years, across 10 types and 60 actors (deterministic)."""
    from .models import EVENT_TYPES

    events = []
    for i in range(count):
        day = date(2014, 1, 1) + timedelta(days=(i * 7919) % 3650)
        end = day + timedelta(days=i % 5) if i % 11 == 0 else None
        actors = tuple(f"actor-{(i * k) % 60}" for k in (1, 7)[: 1 + i % 2])
        sources = tuple(Source(f"a{i + s}.txt", f"a{i + s}", f"e{i}-{s}", "Evidence sentence.", 0, 18)
                        for s in range(1 + i % 3))
        events.append(TimelineEvent(
            id=f"t{i}", event_type=EVENT_TYPES[i % len(EVENT_TYPES)], title=f"Event {i}",
            date=None if i % 17 == 0 else day, date_end=end, precision="range" if end else "day",
            date_basis="benchmark", actors=tuple(a.title() for a in actors), actor_ids=actors, location=None,
            confidence=0.5 + (i % 5) / 10, sources=sources,
            date_window=(day - timedelta(days=30), day) if i % 17 == 0 else None,
        ))
    return events


def measure_chart(events: list[TimelineEvent], repeat: int = 3) -> dict[str, Any]:
    """Seconds to turn events into the dashboard's frame and to build its timeline figure (best of ``repeat``)."""
    from .charts import timeline_figure
    from .frame import to_frame

    frames, figures = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        frame = to_frame(events)
        middle = time.perf_counter()
        timeline_figure(frame)
        frames.append(middle - started)
        figures.append(time.perf_counter() - middle)
    return {"events": len(events), "frame_s": min(frames), "figure_s": min(figures),
            "total_s": min(f + g for f, g in zip(frames, figures))}


def measure_png(events: list[TimelineEvent], repeat: int = 3, pause: float = 1.0) -> dict[str, Any]:
    """The first (server start) and the median warm PNG export of the timeline figure.

    Warm: the server is started and idle, as when a user clicks "Download PNG" (``pause`` seconds after
    the previous export, so that the tab used last has been reloaded in the background).
    """
    from .charts import timeline_figure
    from .frame import to_frame

    figure = timeline_figure(to_frame(events))
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="The kopts argument is ignored")
        export = _quiet(_png_exporter())
    started = time.perf_counter()
    size = len(export(figure))
    first = time.perf_counter() - started
    warm = []
    for _ in range(repeat):
        time.sleep(pause)
        started = time.perf_counter()
        export(figure)
        warm.append(time.perf_counter() - started)
    return {"first_s": first, "warm_s": statistics.median(warm), "png_bytes": size}


def _png_exporter() -> Callable[[Any], bytes]:
    """``timeline.png``'s warm export server when it exists; else plotly with one kaleido server."""
    try:
        from .png import ExportServer
    except ImportError:
        import kaleido
        import plotly.io as pio

        kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        return lambda figure: pio.to_image(figure, format="png")
    return ExportServer.start().render


def _quiet(export: Callable[[Any], bytes]) -> Callable[[Any], bytes]:
    """``export`` without plotly's "kopts is ignored when using a server" warning on every call."""

    def quiet_export(figure: Any) -> bytes:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="The kopts argument is ignored")
            return export(figure)

    return quiet_export


# --- profile ------------------------------------------------------------------------------------------


def profile_parse(articles: list[Article], settings: Settings, parse: ParseFn, top: int = 15) -> str:
    """CPU time by stage and the top functions of the parse command's path in one process, ``parse --merged``
    style: the articles as JSON files, read, dated, parsed, written as JSON Lines and to a fresh cache,
    then their events merged (``timeline.stageprofile``: sampled every millisecond of CPU time)."""
    from . import stageprofile
    from .batch import stream_outputs
    from .cache import ParseCache
    from .merge import merge_events

    with tempfile.TemporaryDirectory() as folder:
        corpus = write_corpus(articles, Path(folder) / "corpus")
        list(stream_outputs([corpus], settings, parse=parse))  # warm: rules, readers, gazetteer

        def run() -> None:
            outputs = list(stream_outputs([corpus], settings, cache=cache, parse=parse))
            merge_events([event for output in outputs for event in output.event_records()])

        with ParseCache.for_settings(settings, Path(folder) / "cache") as cache:  # its version: once per run
            found = stageprofile.profile(run)
    return stageprofile.report(found, len(articles), top)


def _main(argv: list[str]) -> int:
    """``python -m timeline.benchmark stream COUNT WORKERS PARSE OUT``: the memory child."""
    _, count, workers, parse_name, out = argv
    figures = stream_to_file(int(count), int(workers), resolve_parse(parse_name), Path(out), Settings())
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
