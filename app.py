"""The dashboard: an interactive timeline of news articles, filtered by actor, with its evidence.

Layout only. Parsing, tables, filters, figures, highlighting and export live in ``timeline/``.
`streamlit run app.py` opens on data/articles (or the folder in $TIMELINE_ARTICLES).
"""

from __future__ import annotations

import base64
import hashlib
import math
import os
import sys
import threading
import time
import weakref
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components

try:
    from timeline import board_store, charts, highlight, png
    from timeline.cache import ParseCache
    from timeline.errors import TimelineError
    from timeline.filters import Filters, chosen_of
    from timeline.frame import (DAY_KNOWN, Board, background_reason, board_for, counts, date_span, meeting_edges,
                                newest_first, select, table_view, to_csv, to_json)
    from timeline.models import FOUND_BY, Article, Corpus
    from timeline.settings import DEFAULT_SETTINGS, SAMPLE_ARTICLES
except ImportError as import_error:  # a broken install: say so instead of a traceback
    st.error(f"The timeline package could not be loaded ({import_error}). Run `bash scripts/setup.sh`.")
    st.stop()

# What the reader takes (timeline/reading/formats.py: SINGLE, RECORDS; tests/test_app.py keeps them in step):
# (not "text": Streamlit takes it for the MIME type text/*, any text file)
ARTICLE_TYPES = ["txt", "md", "markdown", "html", "htm", "xhtml"]  # a file is one article
RECORD_TYPES = ["json", "jsonl", "ndjson", "csv", "tsv", "parquet"]  # a file may hold many
UPLOAD_TYPES = ARTICLE_TYPES + RECORD_TYPES
PASTED = "pasted.txt"  # the name of the first pasted article; the next are "pasted (2).txt", ...
PNG_WIDTH, PNG_HEIGHT = 1600, 900
WARM_DELAY_S = 1.0
TABLE_ROWS = 2000  # events per page of the table
PREVIEW_WIDTH, PREVIEW_HEIGHT = 1100, 460  # the first chart's PNG preview (the chart's own height if it has one)
PREVIEW_MAX_EVENTS = 2000  # above this the figure's JSON (the preview's key) takes 0.1 s or more to write
# While the interactive chart is not drawn it lies, hidden, over the preview (same place, same height); once it
# holds its first marker or bar it shows and the preview goes, in the browser, without waiting for the server.
PREVIEW_CSS = """<style>
.st-key-first_chart { position: relative; }
.st-key-first_chart img.chart-preview { display: block; height: HEIGHTpx; width: 100%; object-fit: contain;
  object-position: left top; }
.st-key-first_chart:not(:has(.js-plotly-plot .point)) [data-testid="stElementContainer"]:has(img.chart-preview)
  ~ [data-testid="stElementContainer"] { position: absolute; top: 0; left: 0; right: 0; visibility: hidden; }
.st-key-first_chart:has(.js-plotly-plot .point) [data-testid="stElementContainer"]:has(img.chart-preview) {
  display: none; }
</style>"""
# On a laptop screen Streamlit's 5rem side padding leaves the chart's plot area a third of the window (252 px
# of 1024 with the sidebar open); narrower padding gives it about half as much again.
PAGE_CSS = """<style>
@media (max-width: 1366px) { [data-testid="stMainBlockContainer"] { padding-left: 1.5rem; padding-right: 1.5rem; } }
</style>"""
# Reports when the browser has drawn the page's first chart (see wait_for_first_chart).
CHART_DRAWN = components.declare_component("chart_drawn", path=str(Path(__file__).resolve().parent / "app_parts" /
                                                                   "chart_drawn"))


# --- data: parsed once per input set, behind the cache ------------------------------------------------

def read_and_parse(folder: str, progress=None) -> Corpus:
    """The folder's articles, parsed and merged; ``progress(done, total)`` is called as articles are parsed."""
    from timeline import pipeline  # the parser is imported only when something is to be parsed
    from timeline.articles import iter_inputs

    items = list(iter_inputs([Path(folder)], DEFAULT_SETTINGS)) if Path(folder).exists() else []
    with disk_cache() as cache:  # the folder's parses survive a restart of the app
        return pipeline.parse_documents(items, DEFAULT_SETTINGS, progress, **({"cache": cache} if cache else {}))


Pasted = tuple[tuple[str, str, date | None], ...]  # a session's pasted articles: name, text, publication date


def added_items(board: Board, uploads: tuple[tuple[str, bytes], ...], pasted: Pasted,
                fixes: tuple[tuple[str, str], ...] = ()) -> list:
    """A session's own articles, as read: its uploads and pasted articles (each with the publication date given
    with it), and the board's articles whose publication date it set (``fixes``: article name, ISO day), with
    that date."""
    from timeline.articles import read_bytes

    items = [item for name, data in uploads for item in read_bytes(name, data, DEFAULT_SETTINGS)]
    for name, text, published in pasted:
        items += read_bytes(name, text.encode("utf-8"), DEFAULT_SETTINGS.with_(published_override=published))
    named = {item.name for item in items}
    items += [board.articles[name].article for name, _ in fixes if name in board.articles and name not in named]
    return [with_published(item, dict(fixes)) for item in items]


def with_published(item, fixes: dict[str, str]):
    """The article with the publication date the user set for it (a wrong or missing one corrected), if any."""
    if not isinstance(item, Article) or item.name not in fixes:
        return item
    return replace(item, published=date.fromisoformat(fixes[item.name]), published_inferred=False,
                   published_basis="set by the user in the app")


@contextmanager
def disk_cache():
    """The project's parse cache, or None where it cannot be opened (a read-only checkout)."""
    try:
        cache = ParseCache.for_settings(DEFAULT_SETTINGS)
    except Exception:
        cache = None
    try:
        yield cache
    finally:
        if cache is not None:
            cache.close()


def load_board(folder: str, slot=None) -> Board:
    """The board of the folder's articles. Shared and read-only (never mutated), so a rerun does not copy it.

    It is also kept on disk (timeline/board_store.py), so that the first page after a restart is drawn
    without importing the parser or parsing. A folder not parsed before (or since the parser changed) is
    parsed once, under a progress bar in ``slot`` (an analyst's folder of 2,000 articles takes a minute:
    before, the page stayed blank until it was done); a visitor who comes meanwhile is told and waits for
    that parse. Kept outside Streamlit's caches, which would replay the bar on every later run. A session's
    uploads and pasted text: ``added_board``.
    """
    store = _folder_boards()
    board = store["boards"].get(folder)
    if board is not None:
        return board
    lock = store["locks"].setdefault(folder, threading.Lock())
    waiting = not lock.acquire(blocking=False)
    if waiting:
        if slot is not None:
            slot.info("The articles are being read and parsed for another visitor; the timeline opens when "
                      "that is done.", icon=":material/hourglass_top:")
        lock.acquire()
    try:
        board = store["boards"].get(folder) or board_store.load(folder, DEFAULT_SETTINGS)
        if board is None:
            bar = slot.progress(0.0, text="Reading the articles…") if slot is not None else None
            board = build_board(folder, progress=partial(_parsing, bar) if bar else None)
            board_store.save(folder, DEFAULT_SETTINGS, board)
        store["boards"][folder] = board
        return board
    finally:
        lock.release()
        if slot is not None:
            slot.empty()


@st.cache_resource(show_spinner=False)
def _folder_boards() -> dict:
    """This process's boards of article folders, and a lock per folder (one parse of a folder at a time)."""
    return {"locks": {}, "boards": {}}


def build_board(folder: str, progress=None) -> Board:
    from timeline.actors import load_gazetteer

    return board_for(read_and_parse(folder, progress), load_gazetteer(DEFAULT_SETTINGS).get)


ADDED_BOARDS = 8  # boards of uploads and pasted texts kept in memory, the last used


@st.cache_resource(show_spinner=False)
def _added_boards() -> dict:
    """This process's boards of uploads and pasted texts, by a digest of the inputs, least recently used first."""
    return {"lock": threading.Lock(), "boards": OrderedDict()}


def added_board(slot, folder: str, uploads: tuple[tuple[str, bytes], ...], pasted: Pasted,
                fixes: tuple[tuple[str, str], ...] = ()) -> Board:
    """The board of the folder plus a session's uploads, pasted text and corrected publication dates: only these
    are parsed (``board_store.with_added``), under a progress bar in ``slot`` the first time (outside Streamlit's
    caches, which would replay the bar on every later run)."""
    base = load_board(folder, slot)
    key = f"{id(base)}:{_inputs_digest(folder, uploads, pasted, fixes)}"  # a new folder board: anew
    store = _added_boards()
    with store["lock"]:
        board = store["boards"].get(key)
        if board is not None:
            store["boards"].move_to_end(key)
            return board
    from timeline.actors import load_gazetteer

    bar = slot.progress(0.0, text="Reading the added articles…")
    try:
        with disk_cache() as cache:  # a session's own texts stay in memory, never in the disk cache
            board = board_store.with_added(base, added_items(base, uploads, pasted, fixes),
                                           DEFAULT_SETTINGS, load_gazetteer(DEFAULT_SETTINGS).get,
                                           partial(_parsing, bar, what="added articles"),
                                           cache.lookups_only() if cache else None)
    finally:
        slot.empty()
    with store["lock"]:
        store["boards"][key] = board
        while len(store["boards"]) > ADDED_BOARDS:
            store["boards"].popitem(last=False)
    return board


def _parsing(bar, done: int, total: int, what: str = "articles") -> None:
    """Move the bar, about once per hundredth of the articles (each move is a message to the browser)."""
    if done in (0, total) or (done * 100 // total) != ((done - 1) * 100 // total):
        # Merging, building the board and drawing follow the last article (14 s for 580 pages under load): the bar
        # says so, instead of standing at "580 of 580".
        text = (f"Parsing the {what}: {done:,} of {total:,}" if done < total else
                f"Parsed {total:,} {what}; merging their events into one timeline…")
        bar.progress(done / total if total else 1.0, text=text)


def _inputs_digest(folder: str, uploads: tuple[tuple[str, bytes], ...], pasted: Pasted,
                   fixes: tuple[tuple[str, str], ...] = ()) -> str:
    digest = hashlib.sha256(f"{folder}\0{fixes!r}\0".encode())
    for name, text, published in pasted:
        digest.update(f"\0{name}\0{published}\0{len(text)}\0".encode() + text.encode("utf-8"))
    for name, data in uploads:
        digest.update(f"\0{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


VIEWS = 16  # views (board and filters) whose rows, counts and chart are kept in memory, the last used


@st.cache_resource(show_spinner=False)
def _views() -> dict:
    """This process's last ``VIEWS`` views: what a board and a Filters give (rows, hidden count, figure)."""
    return {"lock": threading.Lock(), "views": OrderedDict()}


def view_of(board: Board, filters: Filters | None = None) -> dict:
    """The view ``filters`` make of ``board`` (None: the board's own figures, the type and source counts):
    a dict whose entries are worked out once, when first asked for (``cached``).

    A rerun that changes no filter (a click on the chart, the tabs, a download) or goes back to a view seen
    shortly before (a filter cleared) finds them here, instead of filtering, counting and building the
    figure again; views are shared by sessions and never changed once made.
    """
    store = _views()
    key = (id(board), filters)
    with store["lock"]:
        entry = store["views"].get(key)
        if entry is not None and entry["board"]() is board:
            store["views"].move_to_end(key)
            return entry
        entry = {"board": weakref.ref(board)}
        store["views"][key] = entry
        while len(store["views"]) > VIEWS:
            store["views"].popitem(last=False)
    return entry


def cached(view: dict, name: str, compute):
    """``view[name]``, computed by ``compute()`` the first time (two sessions may both compute it: same value)."""
    if name not in view:
        view[name] = compute()
    return view[name]


def board_counts(board: Board, column: str) -> dict[str, int]:
    """``counts`` of the whole board's column (types, sources), worked out once per board."""
    return cached(view_of(board), f"counts {column}", partial(counts, board.frame, column))


@st.cache_resource(show_spinner=False)
def export_server() -> png.ExportServer:
    """The one kaleido/Chromium export server of this process."""
    return png.ExportServer.start()


def warm_export_server() -> None:
    """Start the export server in the background, so that the first PNG download is quick.

    Not in the run that first shows the downloads: that run sends most of the page, and Chromium starting
    beside it would slow the page down. The warm-up starts on the session's next run (its first interaction).
    """
    state = st.session_state["export_warm"]
    if state == "first run":
        st.session_state["export_warm"] = "started"
        threading.Thread(target=_quietly_start, daemon=True).start()
    elif state == "not yet":
        st.session_state["export_warm"] = "first run"


def _quietly_start() -> None:
    time.sleep(WARM_DELAY_S)  # let this run's page update finish first
    if sys.platform == "linux":
        os.nice(10)  # this thread only (Linux), and the browser it starts: the page comes first
    try:
        export_server()
    except Exception:  # reported when a download is asked for
        pass
    try:  # a board read from the board store never loads the parser: the first upload would wait for it
        from timeline.pipeline import warm_up

        with disk_cache() as cache:  # the happening model read from the parse cache's store, not trained again
            warm_up(cache=cache)
    except Exception:  # the first upload loads the parser itself, and reports what goes wrong
        pass



# --- state: the filters live in the URL ---------------------------------------------------------------

def init_state(board: Board) -> None:
    """Every session-state key, set once per session; the filter widgets start from the link's query."""
    if st.session_state.get("initialised"):
        return
    wanted = Filters.from_query({key: st.query_params.get_all(key) for key in st.query_params})
    known_types, known_sources = board_counts(board, "event_type"), board_counts(board, "articles")
    st.session_state.update({
        "initialised": True,
        "actors": [a for a in wanted.actors if a in {info.id for info in board.actors}],
        "match": wanted.match,
        "types": [t for t in wanted.types if t in known_types],
        "sources": [s for s in wanted.sources if s in known_sources],
        "q": wanted.text,
        "undated": wanted.undated,
        "background": wanted.background,
        "min_confidence": wanted.min_confidence,
        "guesses": wanted.guesses,
        "lanes": wanted.lanes,
        "dates_wanted": (wanted.date_from, wanted.date_to),  # applied once the data's span is known
        "dates_span": None,
        "event": None,  # the event whose evidence is shown
        "chart_pick": [], "table_pick": [],  # the last click on the chart or the table
        "edge": 0, "edge_pick": [],  # the pair of actors shown in the network tab
        "export_warm": "not yet",  # then "first run", then "started" (see warm_export_server)
        "png_failures": [],  # messages of failed PNG exports, shown by the next run
        "first_chart_drawn": False,  # set when the browser reports the first chart drawn (wait_for_first_chart)
        "published_fixes": published_fixes(st.query_params.get_all("published")),  # article name -> ISO day
        "pasted": [],  # the pasted articles: {"name", "text", "published"} (paste_box)
        "shown_added": [],  # the sources "Show only these" chose (_added_stay_shown)
        "types_options": [],  # the event types of the last run (_all_stays_all)
    })


def published_fixes(values) -> dict[str, str]:
    """The publication dates a link sets ("name@2024-05-14"); malformed ones are left out."""
    fixes = {}
    for value in values:
        name, _, day = value.rpartition("@")
        try:
            fixes[name] = date.fromisoformat(day).isoformat()
        except ValueError:
            continue
    return {name: day for name, day in fixes.items() if name}


def view_query(filters: Filters) -> dict:
    """The link's query: the filters, and the publication dates the user set."""
    fixes = st.session_state.get("published_fixes") or {}
    return {**filters.to_query(), **({"published": [f"{n}@{d}" for n, d in sorted(fixes.items())]} if fixes else {})}


def sync_dates(span: tuple[date, date] | None) -> None:
    """Keep the date range inside the data; a range left at the full span follows the span as it grows."""
    if span is None:
        return
    old_span = st.session_state.get("dates_span")
    current = st.session_state.get("dates")
    wanted = st.session_state.pop("dates_wanted", None)
    if wanted is not None:
        st.session_state["dates"] = (wanted[0] or span[0], wanted[1] or span[1])
    elif current is None or (old_span is not None and tuple(current) == tuple(old_span)):
        st.session_state["dates"] = span
    st.session_state["dates_span"] = span


# --- sidebar ------------------------------------------------------------------------------------------

def current_filters(board: Board, span: tuple[date, date] | None) -> Filters:
    """The Filters the sidebar's widgets hold, read from their session-state keys.

    The widgets are drawn after the chart (so that the browser starts on the chart first); a widget's key
    already holds its new value when a run starts. Choices the data no longer has are dropped first.
    """
    state = st.session_state
    known = {"actors": {info.id for info in board.actors}, "types": board_counts(board, "event_type"),
             "sources": board_counts(board, "articles")}
    _all_stays_all(state, "types", list(known["types"]))
    _added_stay_shown(state, board)
    for key, options in known.items():
        kept = [value for value in state.get(key) or () if value in options]
        if kept != list(state.get(key) or ()):
            state[key] = kept
    date_from, date_to = _range(state.get("dates") or (), span)
    types = chosen_of(state["types"], known["types"])  # every type chosen: no restriction, in the link too
    return Filters(tuple(state["actors"]), state.get("match") or "any", types, date_from, date_to,
                   tuple(state["sources"]), state.get("q") or "", bool(state.get("undated")),
                   state.get("lanes") or "actor", background=bool(state.get("background")),
                   min_confidence=float(state.get("min_confidence") or 0.0),
                   guesses=bool(state.get("guesses", True)))


def _all_stays_all(state, key: str, options: list[str]) -> None:
    """A list whose every option is chosen ("Select all") keeps every option when they change (an upload brings
    a new type), as its link (``chosen_of``) does: the new type's events are shown, and its chip with them."""
    before = state.get(f"{key}_options")
    if before and len(before) > 1 and set(before) <= set(state.get(key) or ()) and set(options) != set(before):
        state[key] = options
    state[f"{key}_options"] = options


def sidebar(board: Board, span: tuple[date, date] | None, hidden: int, guessed: int = 0) -> None:
    """The filter widgets (their values are read by ``current_filters``); ``hidden``, ``guessed``: the background
    mentions and the guesses the other filters would show."""
    infos = {info.id: info for info in board.actors}
    with st.sidebar:
        st.markdown("### Filters")
        # No "Select all" where the options run to hundreds: it wrote every id into the link (430 on a folder of
        # 340 pages), and "all actors" is what the empty list already shows.
        st.multiselect("Actors", options=list(infos), key="actors", format_func=partial(_actor_label, infos),
                       placeholder="All actors", help="Choosing a country or an organisation includes its people.",
                       select_all=False)
        st.radio("Show events with", ["any", "all"], key="match", horizontal=True,
                 format_func={"any": "any of them", "all": "all of them"}.get)
        type_counts = board_counts(board, "event_type")
        st.multiselect("Event types", list(type_counts), key="types", placeholder="All types",
                       format_func=partial(_counted, type_counts))
        if span:
            st.date_input("Dates", key="dates", min_value=span[0], max_value=span[1], format="YYYY-MM-DD")
        source_counts = board_counts(board, "articles")
        st.multiselect("Sources", list(source_counts), key="sources", placeholder="All articles",
                       format_func=partial(_counted, source_counts), select_all=False, wrap=False)
        chosen_sources(st.session_state.get("sources") or [], source_counts)
        st.text_input("Search", key="q", placeholder="title, actor, place, evidence…")
        st.toggle("Show undated events", key="undated",
                  help="Events whose day is unknown, drawn over their possible window in a strip.")
        st.toggle("Show background mentions (history the articles retell)", key="background",
                  help="Happenings an article dates only by a month or a year more than a year before its own date "
                       "(\"the two countries signed a treaty in 2019\"): history, not news."
                       + (f" {hidden:,} hidden in this view." if hidden else ""))
        st.slider("Hide guesses below confidence", 0.0, 1.0, step=0.05, key="min_confidence", format="%.2f",
                  help=CONFIDENCE_HELP)
        st.checkbox("Show guesses", key="guesses",
                    help=GUESSES_HELP + (f" {guessed:,} hidden in this view." if guessed else ""))
        st.markdown("### View")
        st.segmented_control("Lanes", ["actor", "type"], key="lanes", format_func=str.title)
        st.button("Reset filters", key="reset", on_click=_reset, width="stretch")
        st.caption("The address bar holds these filters: copy it to share this view.")


SOURCES_LISTED = 3  # chosen sources beyond which the list of them is folded under a count


def chosen_sources(chosen: list[str], source_counts: dict[str, int]) -> None:
    """The chosen sources by name, folded under their count where there are many. Their chips stay in one row
    (``wrap=False``, scrolled sideways): after "Show only these" on a large upload they filled the sidebar, and
    each chip cut its name short."""
    if len(chosen) <= SOURCES_LISTED:
        return
    with st.expander(f"{len(chosen):,} articles chosen", icon=":material/article:"):
        st.caption("  \n".join(f"{safe_text(name)} · {source_counts.get(name, 0):,}" for name in chosen))


CONFIDENCE_HELP = ("How sure the parser is that the sentence reports the event, from 0 to 1. The lowest are guesses: "
                   "events the parser guessed from a sentence no rule reads (a stated day or named actors raise a "
                   "guess a little). 0 shows every event.")
GUESSES_HELP = ("Events no trigger rule found: the parser guessed them from a sentence no rule reads (the article's "
                "lead, or a sentence a learned model is sure reports a happening). Untick to see only the events "
                "rules found, whatever their confidence.")


def _actor_label(infos: dict, actor_id: str) -> str:
    info = infos[actor_id]
    prefix = "↳ " if info.parent and info.parent in infos else ""
    full = f" ({info.spelled_out})" if info.spelled_out else ""  # typing "World Health" finds WHO
    return f"{prefix}{info.name}{full} · {info.count}"


def _counted(counts_by_value: dict, value: str) -> str:
    return f"{value} · {counts_by_value.get(value, 0)}"


def _range(dates, span) -> tuple[date | None, date | None]:
    """The chosen range, with the data's full span meaning "no restriction"."""
    if not span or not dates:
        return None, None
    first = dates[0]
    last = dates[1] if len(dates) > 1 else dates[0]
    return (first if first > span[0] else None), (last if last < span[1] else None)


def _reset() -> None:
    for key, value in {"actors": [], "types": [], "sources": [], "q": "", "match": "any", "undated": True,
                       "background": False, "min_confidence": 0.0, "guesses": True, "lanes": "actor",
                       "event": None}.items():
        st.session_state[key] = value
    st.session_state["dates"] = st.session_state.get("dates_span")


# --- main area ----------------------------------------------------------------------------------------

def header(board: Board, shown, hidden: int, guesses: int = 0, least: float = 0.0, guessed: int = 0) -> None:
    """The title, the figures of the view, and how many background mentions, events of a confidence below
    ``least`` (``guesses``) and guesses (``guessed``: with Show guesses unticked) it hides."""
    frame = board.frame
    span = date_span(frame)
    st.markdown("## News timeline")
    when = f"from {span[0]:%d %b %Y} to {span[1]:%d %b %Y}" if span else "with no dated events"
    st.caption(f"{len(board.articles):,} articles · {len(frame):,} events {when} · every day with its basis "
               "and its sources")
    columns = st.columns(4)
    columns[0].metric("Events shown", f"{len(shown):,}", help=f"of {len(frame):,} on the timeline")
    columns[1].metric("Actors in view", f"{len({a for ids in shown['actor_ids'] for a in ids}):,}")
    columns[2].metric("Sources in view", f"{len({a for names in shown['articles'] for a in names}):,}")
    columns[3].metric("Undated in view", f"{int(shown['start'].isna().sum()):,}")
    if hidden:
        st.caption(f"{hidden:,} background mention(s) hidden: history the articles retell. Show them with "
                   "**Show background mentions** in the sidebar.")
    if guesses:
        st.caption(f"{_plural(guesses, 'event')} of a confidence below {least:.2f} hidden. Show them by lowering "
                   "**Hide guesses below confidence** in the sidebar.")
    if guessed:
        st.caption(f"{guessed:,} {'guess' if guessed == 1 else 'guesses'} hidden: events guessed from a sentence no "
                   "rule reads. Show them with **Show guesses** in the sidebar.")
    if board.rejected:
        st.warning(rejected_note(board.rejected), icon=":material/warning:")
    # Of the articles on the board: a removed upload's date is kept (a new upload of it takes it again), not listed.
    fixes = {name: day for name, day in (st.session_state.get("published_fixes") or {}).items() if name in board.articles}
    if fixes:
        with st.container(horizontal=True, vertical_alignment="center"):
            listed = ", ".join(f"{safe_text(name)} {day}" for name, day in sorted(fixes.items())[:5])
            st.caption(f"Publication dates you set: {listed}{' and more' if len(fixes) > 5 else ''}.")
            st.button("Undo them", key="published_undo", on_click=_undo_fixes, type="tertiary")
    added = added_articles(board)
    if added:
        counts = {name: len(board.articles[name].events) for name in added}
        with st.container(horizontal=True, vertical_alignment="center"):
            listed = ", ".join(f"{safe_text(name)} ({_plural(count, 'event')})" for name, count in list(counts.items())[:6])
            st.caption(f"Added in this session: {listed}{' and more' if len(counts) > 6 else ''}.")
            with_events = [name for name, count in counts.items() if count]
            if with_events:
                st.button("Show only these", key="show_added", on_click=_show_only, args=(with_events,),
                          type="tertiary", icon=":material/filter_alt:")
    eventless = added_without_events(board)
    if eventless:
        listed = ", ".join(safe_text(name) for name in eventless[:8]) + (" and more" if len(eventless) > 8 else "")
        st.info(f"No event was found in {listed}: the text tells no meeting, call, visit, agreement, attack or "
                "other happening the parser recognises.", icon=":material/search_off:")


def _undo_fixes() -> None:
    st.session_state["published_fixes"] = {}


def _show_only(sources: list[str]) -> None:
    st.session_state["sources"] = st.session_state["shown_added"] = sources


def _added_stay_shown(state, board: Board) -> None:
    """While the Sources filter is what "Show only these" chose (the session's added articles), an article added
    later joins it: before, the filter hid a later upload's events, and the upload seemed to add nothing."""
    shown = state.get("shown_added")
    if not shown or sorted(state.get("sources") or ()) != sorted(shown):
        return
    now = [name for name in added_articles(board) if board.articles[name].events]
    if now and now != shown:
        state["sources"] = state["shown_added"] = now


def added_articles(board: Board) -> list[str]:
    """The articles this session's uploads and pasted text added (a JSON or CSV file's records "name#2")."""
    uploads, pasted = session_inputs()
    names = {name for name, _ in uploads} | {name for name, _, _ in pasted}
    return [name for name in board.articles if name in names or name.split("#")[0] in names]


def added_without_events(board: Board) -> list[str]:
    """The session's uploaded or pasted articles that gave no event (read, but nothing new on the chart)."""
    uploads, pasted = session_inputs()
    names = [name for name, _ in uploads] + [name for name, _, _ in pasted]
    return [name for name in names if name in board.articles and not board.articles[name].events]


def rejected_note(rejected, listed: int = 8) -> str:
    """What could not be read and why, where the user looks (the sidebar's list is below the uploads)."""
    lines = [f"- {safe_text(item.name)}: {safe_text(' '.join(item.reason.split()))}" for item in rejected[:listed]]
    if len(rejected) > listed:
        lines.append(f"- and {len(rejected) - listed:,} more, listed under **Add articles** in the sidebar")
    return "\n".join([f"**{_plural(len(rejected), 'input')} could not be read:**", *lines])


def timeline_tab(board: Board, filters: Filters, shown, full: bool = True) -> bool:
    """The chart, then (in a ``full`` run) what follows it (``below_the_chart``); True if a chart was drawn."""
    if shown.empty:
        st.info("No event matches these filters. Widen the dates, or clear a filter in the sidebar.")
        return False
    if not charts.draws_anything(shown, filters.undated):  # the chart would be an empty grid of the year 2000
        st.info(f"No event of this view has a day{' or a possible window' if filters.undated else ''} to draw: "
                f"{'it is' if len(shown) == 1 else f'the {len(shown):,} events are'} in the table below.",
                icon=":material/event_busy:")
        if full:
            below_the_chart(board, filters, shown)
        return False
    view = view_of(board, filters)
    figure = cached(view, "figure", partial(charts.view_figure, shown, filters))
    st.html(cached(view, "legend", partial(charts.legend_html, figure)))  # above the chart: the plot keeps its width
    with st.container(key="first_chart"):  # the same two slots in every run, so the chart is never redrawn
        preview = st.empty()
        if not full:
            show_preview(preview, figure, filters, shown)
        clicked = st.plotly_chart(figure, key="chart", on_select="rerun", selection_mode="points",
                                  config={"displaylogo": False, "scrollZoom": True})
    picked = [p["customdata"] for p in clicked.selection.points if isinstance(p.get("customdata"), str)]
    _pick("chart_pick", picked[:1])  # a count marker (a large view) carries no event id
    st.caption("Filled marker: the day is stated · open: inferred or coarser · bar: a range · "
               "hatched: an undated event's possible window · ×7: seven events on one day in that lane · "
               "◂ 2013: the lane's events lie before the dates shown (2013 the latest). "
               "Click a marker or a row to read its evidence." + undrawn_note(shown, filters))
    if full:
        below_the_chart(board, filters, shown)
    else:
        st.empty()  # the place of what follows, so that the chart keeps its own
    return True


def undrawn_note(shown, filters: Filters) -> str:
    """The events of the view the chart has no place for (no day, no window), said under it: on real pages half
    the events, whose absence from the chart the header's figures alone did not explain."""
    count = charts.not_drawn(shown, filters.undated)
    if not count:
        return ""
    what = _plural(count, "undated event") + ", with no possible window,"
    return (f" **{what} {'is' if count == 1 else 'are'} not drawn:** the table below ends with "
            f"{'it' if count == 1 else 'them'}. Where an article has no publication date, setting it (**Correct "
            "it**, in the evidence) dates its “Thursday” and “last week”.")


@st.fragment
def below_the_chart(board: Board, filters: Filters, shown) -> None:
    """The note naming an event clicked on the chart, the downloads, the table and the evidence.

    A fragment: choosing an event in the table or in the evidence list reruns this part only. Before, each
    such click ran the whole page again, and the browser redrew the chart and the sidebar with it.
    """
    chosen = st.empty()
    downloads(board, filters, shown)
    evidence_panel(board, shown, events_table(shown))
    pick = st.session_state["chart_pick"]
    if pick and st.session_state["event"] == pick[0]:  # the evidence is far below: say what was clicked
        chosen.markdown(chosen_note(shown, pick[0]))


def chosen_note(shown, event_id: str) -> str:
    """The event clicked on the chart, with a link down to its evidence."""
    row = select(shown, [event_id])
    if row.empty:
        return ""
    day, title = row["day"].iloc[0], row["title"].iloc[0]
    return f"Chosen: **{safe_text(day)}** · {safe_text(title)} · [read its evidence ↓](#evidence)"


def events_table(shown):
    """The table of the shown events, the latest first, ``TABLE_ROWS`` to a page; returns the rows of the page
    shown (the evidence panel offers them, the first chosen until a click chooses another)."""
    st.markdown("#### Events")
    pages = max(1, math.ceil(len(shown) / TABLE_ROWS))
    st.session_state["page"] = min(st.session_state.get("page", 1), pages)  # unset while no pager is shown
    number = 1
    if pages > 1:
        number = st.number_input("Page", 1, pages, key="page",
                                 help=f"{len(shown):,} events, {TABLE_ROWS:,} to a page: {pages:,} pages")
    page = newest_first(shown).iloc[(number - 1) * TABLE_ROWS: number * TABLE_ROWS]
    view = table_view(page)
    chosen = st.dataframe(view, key="table", on_select="rerun", selection_mode="single-row",
                          hide_index=True, width="stretch", height=min(420, 38 + 35 * len(view)),
                          column_order=table_columns(view), column_config=table_config(view))
    rows = [row for row in chosen.selection.rows if row < len(page)]
    _pick("table_pick", [page["id"].iloc[row] for row in rows[:1]])
    return page


DAY_HELP = ("The event's day, or its first and last day; an undated event's possible window: the days it lies "
            "between, or from or by")
TABLE_COLUMNS = {"Confidence": st.column_config.ProgressColumn(min_value=0, max_value=1, format="%.2f", width="small",
                                                               help=CONFIDENCE_HELP)}


def table_config(view) -> dict:
    """The table's column settings, the Day column as wide as the page's longest day: a medium column cut an
    undated event's window ("undated (between 2031-03-03 and 2031-03-09)") to its first day."""
    longest = max((len(day) for day in view["Day"]), default=10)
    width = max(100, round(DAY_CHAR_PX * longest) + 24)  # the cell's padding and the sort mark
    return {"Day": st.column_config.TextColumn(width=width, help=DAY_HELP), **TABLE_COLUMNS}


DAY_CHAR_PX = 6.8  # a day's character in the table: 6.3-6.4 px measured in Source Sans at 14 px, and a margin


def table_columns(view) -> list[str]:
    """The table's columns, the confidence after the type (what happened, how sure): at the end (the tenth column)
    it was off the screen, and after the actors off a laptop's (1,024 px)."""
    names = [name for name in view.columns if name != "Confidence"]
    at = names.index("Type") + 1 if "Type" in names else len(names)
    return names[:at] + ["Confidence"] + names[at:] if "Confidence" in view.columns else names


def _pick(state_key: str, picked: list[str]) -> None:
    """A new click on the chart or the table chooses the event whose evidence is shown."""
    if picked and picked != st.session_state.get(state_key):
        st.session_state["event"] = picked[0]
    st.session_state[state_key] = picked


def downloads(board: Board, filters: Filters, shown) -> None:
    stem = filters.slug()
    try:
        png.find_browser()
        missing = ""
    except TimelineError as error:
        missing = str(error)
    with st.container(horizontal=True):
        if missing:
            st.button("Download PNG", disabled=True, help=missing, icon=":material/image:")
        else:
            warm_export_server()
            picture = partial(_png, board, shown, filters, st.session_state["png_failures"])
            st.download_button("Download PNG", data=picture,
                               file_name=f"{stem}.png", mime="image/png", key="png", icon=":material/image:",
                               type="primary")
        st.download_button("CSV", partial(to_csv, shown), file_name=f"{stem}.csv", mime="text/csv",
                           key="csv", icon=":material/table:")
        st.download_button("JSON", partial(to_json, shown), file_name=f"{stem}.json",
                           mime="application/json", key="json", icon=":material/data_object:")
    if missing:
        st.warning(missing)
    failures = st.session_state["png_failures"]
    if failures:
        st.error(f"The PNG export failed: {failures[-1]}. Try again; if it keeps failing, restart the app.")
        failures.clear()


def _png(board: Board, shown, filters: Filters, failures: list[str]) -> bytes:
    """The PNG of the view's chart with its ``export_title``, drawn when the button is clicked; a failure is
    kept in ``failures`` for the click's rerun to show (Streamlit ignores st.* calls made while a download
    is generated)."""
    try:
        figure = charts.view_figure(shown, filters, export_title(board, filters, shown))
        return export_server().render(figure, width=PNG_WIDTH, height=max(PNG_HEIGHT, figure.layout.height or 0))
    except Exception as error:
        failures.append(f"{type(error).__name__}: {error}")
        raise


def export_title(board: Board, filters: Filters, shown) -> str:
    """The exported chart's title: what it shows, so that a picture in a report says so itself
    ("News timeline · 12 events from 3 articles, 2 undated not drawn · 18 Sep 2023 – 23 Sep 2023 · types: meeting").

    The undated events the chart has no place for are counted in it: the screen says so under the chart, but a
    picture goes into a report without that line, and its title counted events that were nowhere on it.
    """
    sources = len({name for names in shown["articles"] for name in names})
    undrawn = charts.not_drawn(shown, filters.undated)
    parts = [f"{_plural(len(shown), 'event')} from {_plural(sources, 'article')}"
             + (f", {undrawn:,} undated not drawn" if undrawn else "")]
    span = date_span(shown)
    if span:
        parts.append(f"{span[0]:%d %b %Y}" + (f" – {span[1]:%d %b %Y}" if span[1] != span[0] else ""))
    names = {info.id: info.name for info in board.actors}
    for label, chosen in (("actors", [names.get(a, a) for a in filters.actors]), ("types", filters.types),
                          ("sources", filters.sources)):
        if chosen:
            more = f" and {len(chosen) - 3} more" if len(chosen) > 3 else ""
            joiner = " and " if label == "actors" and filters.match == "all" else ", "
            parts.append(f"{label}: {joiner.join(chosen[:3])}{more}")
    if filters.text.strip():
        parts.append(f"matching “{filters.text.strip()[:40]}”")
    if filters.background:
        parts.append("background mentions included")
    if filters.min_confidence > 0:
        parts.append(f"confidence {filters.min_confidence:.2f} or more")
    if not filters.guesses:
        parts.append("guesses hidden")
    return " · ".join(["News timeline", *parts])


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def evidence_panel(board: Board, shown, page) -> None:
    """The evidence of the chosen event: one of the table's page, or one clicked on the chart."""
    ids = page["id"].tolist()
    current = st.session_state.get("event")
    if current not in ids:
        if current in set(shown["id"]):
            ids.insert(0, current)
        else:
            st.session_state["event"] = ids[0]
    options = select(shown, ids)
    labels = dict(zip(options["id"], options["day"] + " · " + options["title"]))
    st.markdown("#### Evidence")
    if labels.get(st.session_state["event"]) != st.session_state.get("event_label"):
        # The browser keeps the label it was sent for a value that did not change: after a corrected publication
        # date it still read the old day. Setting the value again sends the new label.
        st.session_state["event"] = st.session_state["event"]
    chosen = st.selectbox("Event", ids, key="event", format_func=labels.get)
    st.session_state["event_label"] = labels.get(chosen)
    row = select(shown, [chosen]).iloc[0]
    event = row["event"]
    st.markdown(event_summary(event, row["day"], row["mark"]))
    basis, joined = highlight.split_basis(event.date_basis)
    st.text(f"Date basis: {basis or 'not stated'}")
    if event.background:
        st.info(f"Background mention: history the article(s) retell, not news ({background_reason(event)}).",
                icon=":material/history:")
    if event.guessed:
        said = FOUND_BY.get(event.found_by, event.found_by)
        st.info(f"{said[:1].upper()}{said[1:]}. No trigger rule found it.", icon=":material/help:")
    items = highlight.evidence_for(event, board.articles)
    if len(items) > 1:
        st.markdown(safe_text(highlight.joined_note(items, joined)))  # why they are one event, under the day
    if any(source.article in board.articles for source in event.sources):
        st.html(QUOTE_CSS + highlight.STYLE + QUOTE_LEGEND)  # what the marks of the quotations below mean
    for source, item in zip(event.sources, items):
        with st.container(border=True):
            st.markdown(f"**{safe_text(item.article)}** · published {item.published}")
            publication_date(item)
            if len(items) > 1 and item.day:  # why this source is in it: its own day, and how it found it
                st.caption(f"In this article: {safe_text(item.day)} · {safe_text(item.date_basis or 'no basis')}")
            if item.title:
                st.text(item.title)
            elsewhere = evidence_quote(board.articles.get(item.article), source, item.sentence)
            if item.html:
                with st.expander("Article text, with dates and actors marked", expanded=elsewhere):
                    st.html(item.html)


QUOTE_CSS = """<style>
.tl-quote .tl-article { max-height: none; border: none; border-left: 3px solid #10b981; border-radius: 0 0.3rem 0.3rem 0;
  background: #f8fafc; padding: 0.5rem 0.8rem; margin: 0.3rem 0; color: #0f172a; font-size: 1rem; }
.tl-quote mark.tl-day, .tl-legend mark.tl-day { background: #fbbf24; border-bottom: 2px solid #b45309; font-weight: 600; }
</style>"""
QUOTE_LEGEND = ('<div class="tl-legend">Marked in the sentences below: <mark class="tl-day">the words its day was '
                'read from</mark><mark class="tl-timex">other dates</mark><mark class="tl-actor">actors</mark></div>')


def evidence_quote(parsed, source, sentence: str) -> bool:
    """The source's sentence with its dates and actors marked, and in bold the date words its day was read from
    (the words its date basis quotes): "Date basis: own date: "Wednesday" -> ..." then shows where "Wednesday" is.
    Where those words are in another sentence (the lead told again further down with its day, joined to it), that
    sentence follows, marked the same way; where none can be found, the caption says so and True is returned (the
    article text, where they are marked, is then opened)."""
    if parsed is None or parsed.article.text[source.evidence_start:source.evidence_end] != sentence:
        st.html(highlight.quote_html(sentence))  # offsets that do not fit the text: the sentence alone
        return False
    words = highlight.day_words(parsed, source)
    st.html(QUOTE_CSS + highlight.marked_html(parsed, source.evidence_start, source.evidence_end, words))
    if not words or any(source.evidence_start <= t.start and t.end <= source.evidence_end for t in words):
        return False
    said = "“" + "”, “".join(dict.fromkeys(t.text for t in words)) + "”"
    from timeline.sentences import sentence_at, split  # the parser's own sentences (a light module)

    holder = sentence_at(split(parsed.article.text), words[0].start)
    if holder is None:
        st.caption(f"The words its day was read from, {safe_text(said)}, are outside this sentence: they are marked "
                   "in the article text below.")
        return True
    st.caption(f"The words its day was read from, {safe_text(said)}, are in another sentence of the article:")
    st.html(QUOTE_CSS + highlight.marked_html(parsed, holder.start, holder.end, words))
    return False


def publication_date(item) -> None:
    """How the article's publication date was found, and a way to set it where it is wrong or missing: the
    days its events are counted from ("Tuesday", "last week") move with it."""
    box = f"published_box:{item.article}"
    with st.container(horizontal=True, vertical_alignment="center"):
        st.caption(highlight.publication_note(replace(item, published_basis=safe_text(item.published_basis))))
        # Its open state is tracked (on_change), so that setting the date closes it: it stayed open after the parse.
        with st.popover("Correct it", icon=":material/edit_calendar:", key=box, on_change="rerun"):
            current = item.published.split(" ")[0]
            # The button beside the date, not under it: the calendar, which opens below the date, covered it.
            with st.container(horizontal=True, vertical_alignment="bottom"):
                st.date_input("Publication date", help=f"Of {item.article}", key=f"published:{item.article}",
                              value=date.fromisoformat(current) if current[:1].isdigit() else None,
                              format="YYYY-MM-DD", width=170)
                if st.button("Parse again", key=f"published_set:{item.article}", on_click=_set_published,
                             args=(item.article, box), help="Parse the article again with this publication date"):
                    st.rerun()  # the whole page: the board changes


def _set_published(article: str, box: str) -> None:
    """The date goes where the next parse reads it: a pasted article's own date (a correction kept apart by name
    stayed with the next text pasted under that name, another article, and overrode its date unseen), another's
    correction."""
    chosen = st.session_state.get(f"published:{article}")
    pasted = st.session_state.get("pasted") or []
    if chosen and any(entry["name"] == article for entry in pasted):
        st.session_state["pasted"] = [{**entry, "published": chosen} if entry["name"] == article else entry
                                      for entry in pasted]
    elif chosen:
        st.session_state["published_fixes"] = {**st.session_state["published_fixes"], article: chosen.isoformat()}
    st.session_state[box] = False  # close the popover


def event_summary(event, day: str, mark: str) -> str:
    """Two Markdown lines: the day and how it is known (the chart's legend words); the type, the actors,
    the sources and the confidence."""
    known = DAY_KNOWN.get(mark, mark)
    actors = ", ".join(safe_text(name) for name in event.actors) or "no named actor"
    return (f"**{safe_text(day)}** · {known}  \n**{event.event_type}** · {actors} · "
            f"{len(event.sources)} source(s) · confidence {event.confidence:.2f}")


def safe_text(text: str) -> str:
    """Text for st.markdown with Markdown and HTML special characters neutralised."""
    return "".join(f"\\{c}" if c in "\\`*_{}[]()#+-.!|<>~" else c for c in text)


def network_tab(board: Board, shown) -> bool:
    """Who met whom: the network chart and the events of a chosen pair; True if a chart was drawn."""
    edges = meeting_edges(shown)
    if edges.empty:
        st.info("No meetings, calls or visits between two named actors in the current view.")
        return False
    # The whole width: in a column of a laptop's page (~400 px) the names set beside the ring were cut at its edges.
    clicked = st.plotly_chart(charts.network_figure(edges, board.kinds), key="network", on_select="rerun",
                              selection_mode="points", config={"displaylogo": False})
    edge = [p["customdata"] for p in clicked.selection.points if isinstance(p.get("customdata"), int)][:1]
    if edge and edge != st.session_state.get("edge_pick"):
        st.session_state["edge"] = edge[0]
    st.session_state["edge_pick"] = edge
    labels = {i: f"{a} – {b} · {w}" for i, (a, b, w) in
              enumerate(zip(edges["source_name"], edges["target_name"], edges["weight"]))}
    st.markdown("#### Who met whom")
    if st.session_state["edge"] not in labels:
        st.session_state["edge"] = 0
    pick = st.selectbox("Pair (or click the middle of an edge above)", list(labels), format_func=labels.get,
                        key="edge")
    pair = table_view(select(shown, edges["event_ids"].iloc[pick]))
    st.dataframe(pair, hide_index=True, width="stretch", column_order=table_columns(pair),
                 column_config=table_config(pair))
    return True


def add_articles(board: Board) -> None:
    """The upload and paste boxes (in the sidebar, so that uploads stay while the view changes)."""
    with st.sidebar.expander("Add articles", expanded=bool(board.rejected), icon=":material/upload_file:"):
        st.file_uploader("Files: articles (.txt .md .html) or records (.json .jsonl .csv .tsv .parquet)",
                         type=UPLOAD_TYPES, accept_multiple_files=True, key="uploads", help=upload_help())
        if board.rejected:  # every one, under the uploads: the warning at the top lists the first few
            st.error(rejected_note(board.rejected, listed=len(board.rejected)), icon=":material/block:")
        paste_box()
        st.caption(f"{len(board.articles)} article(s) loaded.")


def paste_box() -> None:
    """A box to paste an article into, with its publication date, and the articles pasted so far, each with a
    button that removes it. An article is added by the box's button and the box is emptied for the next one:
    before, the box was the one pasted article, and a second paste took the first one's place."""
    with st.form("paste", border=False):
        st.text_area("Or paste an article", key="paste_text", height=140,
                     placeholder="Title on the first line, then the text…")
        st.date_input("Its publication date (optional)", value=None, key="paste_date", format="YYYY-MM-DD")
        st.form_submit_button("Add the pasted article", key="paste_add", on_click=_keep_paste,
                              icon=":material/note_add:")
    for entry in st.session_state.get("pasted") or ():  # a box each: in the narrow sidebar the button goes under
        with st.container(border=True, horizontal=True, vertical_alignment="center", gap="small"):
            title = entry["text"].strip().splitlines()[0][:60]
            when = f" · published {entry['published']:%Y-%m-%d}" if entry["published"] else ""
            st.caption(f"{safe_text(entry['name'])}: {safe_text(title)}{when}")
            st.button("Remove", key=f"paste_remove:{entry['name']}", on_click=_drop_paste, args=(entry["name"],),
                      type="tertiary", icon=":material/close:")


def _keep_paste() -> None:
    """The text in the box becomes a pasted article of its own ("pasted.txt", "pasted (2).txt", ...); a text pasted
    again is kept once."""
    text, pasted = st.session_state.get("paste_text") or "", st.session_state.get("pasted") or []
    same = next((entry["name"] for entry in pasted if entry["text"] == text), None)
    if not text.strip() or same:  # said: a click that changed nothing looked like a lost article
        st.toast(f"This text is already added, as {same}." if same else
                 "The box is empty: paste an article's text into it, then add it.", icon=":material/info:")
        st.session_state["paste_text"] = ""
        return
    name = numbered_name(PASTED, {entry["name"] for entry in pasted})
    published = st.session_state.get("paste_date")
    st.session_state["pasted"] = [*pasted, {"name": name, "text": text, "published": published}]
    st.session_state["paste_text"], st.session_state["paste_date"] = "", None  # the box is empty for the next one


def _drop_paste(name: str) -> None:
    st.session_state["pasted"] = [entry for entry in st.session_state.get("pasted") or () if entry["name"] != name]


def upload_help() -> str:
    """What the uploader takes, with both size limits: the parser's per article and Streamlit's per file."""
    article_mb, file_mb = DEFAULT_SETTINGS.max_article_bytes / 1e6, st.get_option("server.maxUploadSize")
    return (f"A {_suffixes(ARTICLE_TYPES)} file is one article (up to {article_mb:g} MB); a {_suffixes(RECORD_TYPES)} "
            f"file may hold many. Up to {file_mb} MB a file. Parsed in this session only; nothing is written to disk.")


def _suffixes(types: list[str]) -> str:
    """".txt, .md or .html"."""
    return ", ".join(f".{t}" for t in types[:-1]) + f" or .{types[-1]}"


# --- a session's first page: the chart first ----------------------------------------------------------

def wait_for_first_chart(chart: bool) -> None:
    """A session's first run sends the header and the chart only; a small component reports when the browser
    has drawn the chart, and the next run sends the rest (filters, downloads, table, evidence, uploads).

    Plotly's code is the largest part of the page; the browser loads and runs it while nothing else
    competes, so the chart shows sooner. The sidebar holds its title meanwhile, so the layout stays put.
    """
    with st.sidebar:
        st.markdown("### Filters")
        st.caption("The filters appear once the chart is drawn.")
    CHART_DRAWN(wait=chart, key="chart_drawn", default=False, on_change=_first_chart_drawn)


def show_preview(slot, figure, filters: Filters, shown) -> None:
    """In a session's first run, a PNG of the opening view's chart (drawn on the server beforehand), shown
    until the browser has drawn the interactive chart over it: Plotly's code takes the browser seconds.

    Only the opening view of the article folder (no filter, nothing added, at most ``PREVIEW_MAX_EVENTS``
    events: the key is a digest of the figure's JSON) has one, kept on disk (timeline/board_store.py). Where it is missing it is drawn in the background for the next visitor;
    this one waits for the interactive chart as before.
    """
    uploads, pasted = session_inputs()
    if filters != Filters() or uploads or pasted or len(shown) > PREVIEW_MAX_EVENTS:
        return
    height = int(figure.layout.height or PREVIEW_HEIGHT)
    key = board_store.preview_key(figure.to_json(), PREVIEW_WIDTH, height)
    png_bytes = board_store.load_preview(key, DEFAULT_SETTINGS)
    if png_bytes is None:
        _draw_preview_later(key, figure, height)
        return
    # In the page itself (a data: URL), not as a media file: no request, nor Streamlit's image code, to wait for; with
    # its style in the same element, so that the browser never paints the picture before the rule that lays the
    # hidden chart over it (as a separate element it could come a frame later: the box was briefly twice as tall)
    slot.html(PREVIEW_CSS.replace("HEIGHT", str(height)) + f'<img class="chart-preview" alt="The timeline chart '
              f'(loading)" src="data:image/png;base64,{base64.b64encode(png_bytes).decode("ascii")}">')


def _draw_preview_later(key: str, figure, height: int) -> None:
    pending = _previews_pending()
    with pending["lock"]:
        if key in pending["keys"]:
            return
        pending["keys"].add(key)
    threading.Thread(target=_draw_preview, args=(key, figure, height, pending), daemon=True).start()


@st.cache_resource(show_spinner=False)
def _previews_pending() -> dict:
    """The previews being drawn by this process (so that each is drawn once)."""
    return {"lock": threading.Lock(), "keys": set()}


def _draw_preview(key: str, figure, height: int, pending: dict) -> None:
    time.sleep(WARM_DELAY_S)  # after this run's page
    try:
        image = export_server().render(figure, PREVIEW_WIDTH, height, legend=False)  # as on the screen: no legend
        board_store.save_preview(key, DEFAULT_SETTINGS, image)
    except Exception:  # no browser, or it failed: the page shows the interactive chart only
        pass
    finally:  # saved (or failed): a later visitor finds it on disk, or may try again
        with pending["lock"]:
            pending["keys"].discard(key)


def _first_chart_drawn() -> None:
    st.session_state["first_chart_drawn"] = True


def session_inputs() -> tuple[tuple[tuple[str, bytes], ...], Pasted]:
    """The session's uploads and its pasted articles (``paste_box``)."""
    uploads = distinct_uploads((f.name, f.getvalue()) for f in st.session_state.get("uploads") or ())
    pasted = tuple((e["name"], e["text"], e["published"]) for e in st.session_state.get("pasted") or ())
    return uploads, pasted


def distinct_uploads(uploads) -> tuple[tuple[str, bytes], ...]:
    """The uploads, a file given twice once, and two files of one name (from two folders) told apart: "notes.txt",
    "notes (2).txt". Articles are known by name, and the second of a name took the first's place unsaid."""
    named: dict[str, bytes] = {}
    given: set[tuple[str, bytes]] = set()
    for name, data in uploads:
        if (name, data) in given:
            continue
        given.add((name, data))
        named[numbered_name(name, named)] = data
    return tuple(named.items())


def numbered_name(name: str, taken) -> str:
    """``name``, or when it is ``taken`` the first of "notes (2).txt", "notes (3).txt", ... that is not."""
    stem, dot, suffix = name.rpartition(".") if "." in name.lstrip(".") else (name, "", "")
    number, unique = 1, name
    while unique in taken:
        number += 1
        unique = f"{stem} ({number}){dot}{suffix}"
    return unique


def main() -> None:
    # An emoji, drawn by the browser: a Material icon is fetched from fonts.gstatic.com, which an offline or
    # firewalled server's visitors may not reach (a failed request on every page).
    st.set_page_config(page_title="News timeline", page_icon="🗓️", layout="wide")
    st.html(PAGE_CSS)  # style only: Streamlit puts it where it takes no room
    board = current_board()
    init_state(board)
    span = date_span(board.frame)
    sync_dates(span)
    filters = current_filters(board, span)
    st.query_params.from_dict(view_query(filters))
    view = view_of(board, filters)
    shown = cached(view, "shown", partial(filters.apply, board.frame))
    hidden = cached(view, "hidden", partial(filters.hidden_background, board.frame))
    guesses = cached(view, "guesses", partial(filters.hidden_below_confidence, board.frame))
    guessed = cached(view, "guessed", partial(filters.hidden_guessed, board.frame))
    full = st.session_state["first_chart_drawn"]
    top = st.container()  # the header goes here, filled after the chart: the chart is sent first
    drawn = open_tab(board, filters, shown, full)
    with top:
        header(board, shown, hidden, guesses, filters.min_confidence, guessed)
    if full:
        sidebar(board, span, hidden, guessed)
        add_articles(board)
    else:
        wait_for_first_chart(drawn)


def current_board() -> Board:
    """The board of the article folder plus this session's uploads and pasted text; the progress of a
    parse, or why the added articles could not be parsed, shows at the top of the page."""
    slot = st.empty()  # in every run, so that the page's other elements keep their places
    folder = os.environ.get("TIMELINE_ARTICLES", str(SAMPLE_ARTICLES))
    uploads, pasted = session_inputs()
    fixes = tuple(sorted((st.session_state.get("published_fixes") or {}).items()))
    if not (uploads or pasted or fixes):
        return load_board(folder, slot)
    try:
        return added_board(slot, folder, uploads, pasted, fixes)
    except Exception as error:  # a safety net: the pipeline reports bad inputs as rejects, not errors
        slot.error(f"The added articles could not be parsed ({type(error).__name__}: {error}); "
                   "showing the other articles. Remove the last upload or paste to clear this message.")
        return load_board(folder)


def open_tab(board: Board, filters: Filters, shown, full: bool) -> bool:
    """The tabs, and the content of the open one (only the open tab runs, so the first chart is not kept
    waiting); True if it drew a chart."""
    timeline, network = st.tabs(["Timeline", "Actor network"], key="view", on_change="rerun")
    if timeline.open:
        with timeline:
            return timeline_tab(board, filters, shown, full)
    if network.open:
        with network:
            return network_tab(board, shown)
    return False

try:
    main()
except Exception as error:  # the app never shows a traceback
    st.error(f"Something went wrong: {type(error).__name__}: {error}. Reset the filters or reload the page.")
