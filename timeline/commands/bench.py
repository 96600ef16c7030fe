"""`python -m timeline bench`: speed and memory figures side by side with dateparser.search_dates.

Builds N articles from data/articles and the text of ../shared/timeml (when present), each with its own
publication date, and prints one Markdown table: our parse and search_dates on the same articles; the
parse command's path (a folder of N JSON files -> JSON Lines) in one process, with --workers N, and again
through the warm cache; peak RSS while streaming many articles to a file; chart build for 1k/10k/100k
events and a warm PNG export. Targets are printed beside the figures, never asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import platform
import sys
import tempfile
from pathlib import Path
from typing import Any

from .. import benchmark as bm
from ..settings import Settings
from ._arguments import whole_number

NAME = "bench"
HELP = "Measure parse speed (vs dateparser.search_dates), workers, memory, cache, charts and PNG export."

DEFAULT_PARSE = "timeline.parallel:pipeline_parse"
QUICK = {"articles": 30, "stream_articles": 300, "search_dates_articles": 5, "chart_events": [1000],
         "profile_articles": 10, "together_articles": 10}
TARGETS = {"vs_search_dates": 25.0, "workers": 1.7, "rss_mb": 500.0, "cache": 50.0, "chart_100k_s": 1.5,
           "png_s": 1.0}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--articles", type=whole_number(1), default=2000, help="articles in the corpus (default 2000)")
    parser.add_argument("--workers", type=whole_number(1), default=2,
                        help="processes for the parallel figure (default 2)")
    parser.add_argument("--stream-articles", type=whole_number(0), default=100_000,
                        help="articles parsed in the memory run (default 100000; 0 skips it)")
    parser.add_argument("--search-dates-articles", type=whole_number(0), default=200,
                        help="how many of the articles search_dates runs over (it is slow; default 200)")
    parser.add_argument("--chart-events", type=lambda s: [int(x) for x in s.split(",")],
                        default=[1000, 10_000, 100_000], help="event counts for the chart figure (default 1000,10000,100000)")
    parser.add_argument("--together-articles", type=whole_number(0), default=200,
                        help="articles each forked process parses for the side-by-side CPU figure (default 200)")
    parser.add_argument("--dask", action="store_true", help="also time the Dask engine on a LocalCluster of --workers")
    parser.add_argument("--no-png", action="store_true", help="skip the PNG export (needs Chromium)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, for a smoke test (figures meaningless)")
    parser.add_argument("--profile", action="store_true", help="print the CPU time of the single-process parse by stage and function")
    parser.add_argument("--profile-articles", type=whole_number(1), default=300, help="articles in the profile (default 300)")
    parser.add_argument("--parse", default=DEFAULT_PARSE, help=argparse.SUPPRESS)  # "module:function", for developers


def run(args: argparse.Namespace) -> int:
    if args.quick:
        for key, value in QUICK.items():
            setattr(args, key, min(getattr(args, key), value) if isinstance(value, int) else value)
    settings = Settings()
    parse = bm.resolve_parse(args.parse)
    sources = bm.source_articles(settings)
    articles = list(bm.bench_articles(sources, args.articles))
    _header(args, sources, articles)
    rows: list[tuple[str, str, str, str]] = []
    bm.warm_up(articles[:3], settings, parse)
    with tempfile.TemporaryDirectory() as folder:
        corpus = bm.write_corpus(articles, Path(folder) / "corpus")
        _quietly(bm.measure_files, corpus, Path(folder) / "warm-up.jsonl", settings, parse)  # reader rules
        _search_dates_rows(rows, articles, settings, parse, args)
        _file_rows(rows, corpus, Path(folder), bm.text_bytes(articles), settings, parse, args, articles)
    _stream_row(rows, args)
    _chart_rows(rows, args)
    _png_row(rows, args)
    _print_table(rows)
    print(f"\nload average {_load()} at the end")
    if args.profile:
        print(f"\n## Profile: the parse command's path, 1 process, {min(args.profile_articles, len(articles))}"
              " articles (read, date, parse, write JSON Lines and cache, merge)\n")
        print(bm.profile_parse(articles[: args.profile_articles], settings, parse))
    return 0


def _header(args, sources, articles) -> None:
    samples = sum(1 for s in sources if not s.name.endswith(".tml"))
    mb = bm.text_bytes(articles) / 1e6
    print(f"# timeline bench: {len(articles)} articles, {mb:.2f} MB of text, from {samples} sample articles"
          f" and {len(sources) - samples} TimeML texts (read at run time), each with its own publication date")
    print(f"machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()},"
          f" {platform.system()}, load average {_load()} at the start"
          f"{' (quick mode: sizes too small for real figures)' if args.quick else ''}\n")


def _load() -> str:
    """The 1-minute load average: above ~0.5 other programs share the cores and the timings suffer."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "unknown"


def _search_dates_rows(rows, articles, settings, parse, args) -> None:
    """Ours and search_dates on the same articles, one process, rules and language data loaded beforehand,
    alternating every 10 articles."""
    subset = articles[: args.search_dates_articles]
    ours, theirs = bm.compare_search_dates(subset, settings, parse)
    note = "all" if len(subset) == len(articles) else f"first {len(subset)}"
    rows.append((f"our parse, same articles ({note}, in memory, 1 process)", _rate(ours), "", ""))
    rows.append((f"search_dates, same articles ({note})", _rate(theirs), "", ""))
    ratio, cpu_ratio = theirs["seconds"] / ours["seconds"], theirs["cpu"] / max(ours["cpu"], 1e-9)
    rows.append((f"full parse vs search_dates ({note}: {ours['seconds']:.2f} s vs {theirs['seconds']:.2f} s)",
                 f"{ratio:.1f}x faster (CPU time: {cpu_ratio:.1f}x)", f">= {TARGETS['vs_search_dates']:.0f}x",
                 _met(ratio >= TARGETS["vs_search_dates"])))


def _file_rows(rows, corpus, folder, size, settings, parse, args, articles) -> None:
    """The parse command's path (files -> JSON Lines), each run from a cold cache, then again warm."""
    def files(name, cache, **engine):
        return _quietly(bm.measure_files, corpus, folder / f"{name}.jsonl", settings, parse,
                        cache_dir=folder / cache, size=size, **engine)

    single = files("one", "cache-1")
    rows.append(("full parse, 1 process (parse command: read files, parse, write JSONL and cache)",
                 _rate(single) + f", {1000 * single['seconds'] / max(single['articles'], 1):.1f} ms per article",
                 "", ""))
    many = files("many", "cache-n", workers=args.workers)
    speedup = single["seconds"] / many["seconds"]
    rows.append((f"--workers {args.workers} vs 1 (parse command, cold cache each; {_same(many, single)})",
                 f"{speedup:.2f}x, {_rate(many)}; CPU s: 1 process {single['cpu']:.1f},"
                 f" workers {many['workers_cpu']:.1f} + main {many['cpu']:.1f}",
                 f">= {TARGETS['workers']}x", _met(speedup >= TARGETS["workers"])))
    together = bm.measure_together(articles[: args.together_articles], settings, parse, copies=args.workers)
    rows.append((f"CPU of {args.workers} forked processes parsing the same {min(args.together_articles, len(articles))}"
                 " articles at once vs 1 alone (no pool: what running side by side costs on this machine)",
                 f"{together['ratio']:.2f}x ({together['together_cpu']:.2f} s vs {together['alone_cpu']:.2f} s each)",
                 "", ""))
    if args.dask:
        dask = files("dask", "cache-d", engine="dask", workers=args.workers)
        rows.append((f"--engine dask, LocalCluster of {args.workers} ({_same(dask, single)}, incl. start-up)",
                     f"{single['seconds'] / dask['seconds']:.2f}x, {_rate(dask)}", "", ""))
    warm = files("warm", "cache-1")
    ratio = single["seconds"] / warm["seconds"]
    rows.append((f"unchanged corpus re-parsed, warm cache vs cold (parse command; {_same(warm, single)})",
                 f"{ratio:.0f}x (cold {single['seconds']:.2f} s incl. cache writes, warm {warm['seconds']:.3f} s ="
                 f" {1000 * warm['seconds'] / max(warm['articles'], 1):.2f} ms per article)",
                 f">= {TARGETS['cache']:.0f}x", _met(ratio >= TARGETS["cache"])))


def _same(figures: dict[str, Any], reference: dict[str, Any]) -> str:
    return "identical output" if figures["output"] == reference["output"] else "OUTPUT DIFFERS"


def _quietly(function, *args, **kwargs):
    """``function`` with stderr (progress bars) silenced."""
    with contextlib.redirect_stderr(io.StringIO()):
        return function(*args, **kwargs)


def _stream_row(rows, args) -> None:
    if args.stream_articles <= 0:
        return
    figures = bm.measure_stream_rss(args.stream_articles, args.workers, args.parse)
    total = figures["tree_rss_peak_mb"]  # sampled: ru_maxrss of a spawned child can include its parent's pages
    rows.append((f"peak RSS, {figures['articles']:,} articles streamed to JSONL, --workers {args.workers}",
                 f"{total:.0f} MB, main process and workers together (largest worker {figures['worker_rss_mb']:.0f} MB;"
                 f" {figures['events']:,} events, {figures['seconds']:.0f} s)",
                 f"< {TARGETS['rss_mb']:.0f} MB", _met(total < TARGETS["rss_mb"])))


def _chart_rows(rows, args) -> None:
    for count in args.chart_events:
        figures = bm.measure_chart(bm.synthetic_events(count))
        target, met = ("", "")
        if count >= 100_000:
            target, met = f"< {TARGETS['chart_100k_s']} s", _met(figures["total_s"] < TARGETS["chart_100k_s"])
        rows.append((f"chart build, {count:,} events (frame + figure)",
                     f"{figures['total_s']:.2f} s ({figures['frame_s']:.2f} + {figures['figure_s']:.2f})", target, met))


def _png_row(rows, args) -> None:
    if args.no_png:
        return
    try:
        figures = bm.measure_png(bm.synthetic_events(1000), repeat=1 if args.quick else 5)
    except Exception as error:  # no Chromium, or kaleido missing: say so, keep the table
        rows.append(("warm PNG export, 1,000 events", f"not measured: {type(error).__name__}: {error}"[:120],
                     f"< {TARGETS['png_s']} s", "n/a"))
        return
    rows.append(("warm PNG export, 1,000 events", f"{figures['warm_s']:.2f} s (first, with server start:"
                 f" {figures['first_s']:.2f} s)", f"< {TARGETS['png_s']} s", _met(figures["warm_s"] < TARGETS["png_s"])))


def _rate(figures: dict[str, Any]) -> str:
    return (f"{figures['per_s']:,.1f} articles/s, {figures['mb_per_s']:.3f} MB/s"
            f" ({figures['articles']} in {figures['seconds']:.2f} s)")


def _met(ok: bool) -> str:
    return "yes" if ok else "NO"


def _print_table(rows) -> None:
    print("| measure | result | target | met |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(cell.replace("|", "/") for cell in row) + " |")
    sys.stdout.flush()
