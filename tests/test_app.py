"""The dashboard driven without a browser (Streamlit's AppTest), on the sample articles."""

from __future__ import annotations

import base64
import io
import json
import re
from datetime import date, timedelta

import pytest
from streamlit.testing.v1 import AppTest

from timeline.actors import load_gazetteer
from timeline.frame import board_for, date_span
from timeline.pipeline import parse_corpus
from timeline.settings import PROJECT_DIR, SAMPLE_ARTICLES

APP = str(PROJECT_DIR / "app.py")
TIMEOUT = 120


@pytest.fixture(scope="module")
def board():
    """The same board the app builds from the sample articles, to check the app's figure against."""
    return board_for(parse_corpus([SAMPLE_ARTICLES]), load_gazetteer().get)


def opened(at: AppTest) -> AppTest:
    """The page as a browser gets it: the first run (header and chart), then the run that follows the
    browser's report that the chart is drawn (app_parts/chart_drawn's on_change sets this key; AppTest runs
    no JavaScript, so the test stands in for it; tests/test_browser.py runs the real one)."""
    at.run()
    assert not at.exception, at.exception
    at.session_state["first_chart_drawn"] = True
    return at.run()


@pytest.fixture
def app() -> AppTest:
    at = opened(AppTest.from_file(APP, default_timeout=TIMEOUT))
    assert not at.exception, at.exception
    return at


def figure(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def drawn_ids(at: AppTest) -> set[str]:
    return {i for trace in figure(at)["data"] for i in trace.get("customdata") or ()}


def param(at: AppTest, key: str) -> list[str]:
    value = at.query_params[key]
    return [value] if isinstance(value, str) else list(value)


def events_by_id(board) -> dict:
    return dict(zip(board.frame["id"], board.frame["event"]))


def two_people(exclude=()) -> tuple[str, str]:
    """Two people from the gazetteer, so that the test article uses names the app can recognise."""
    people = [a.name for a in load_gazetteer().actors.values() if a.kind == "person" and a.name not in exclude]
    return people[-1], people[-2]


def article(day: str, weekday: str, extra: str = "") -> bytes:
    first, second = two_people()
    return (f"Talks in Geneva\n\nGeneva, {day} - {first} met {second} in Geneva on {weekday}, {day}, "
            f"to discuss trade.{extra}\n").encode()


def test_opens_on_the_sample_articles_with_a_chart(app, board):
    assert not app.error
    assert drawn_ids(app)
    assert drawn_ids(app) <= set(board.frame["id"])
    assert len(app.dataframe[0].value) == len(board.frame)


def test_the_first_run_draws_the_chart_and_the_rest_follows_the_browsers_report(board):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert drawn_ids(at) and len(at.metric) == 4  # the header and the chart
    assert not at.multiselect and not at.dataframe and not at.get("download_button")  # not yet
    reporter = at.get("component_instance")[0].proto
    assert reporter.component_name.endswith("chart_drawn") and json.loads(reporter.json_args)["wait"] is True
    at.run()  # a rerun without the report (a click on the chart) still waits
    assert not at.multiselect
    at.session_state["first_chart_drawn"] = True
    at.run()
    assert at.multiselect(key="actors") and len(at.dataframe[0].value) == len(board.frame)
    assert drawn_ids(at) == drawn_ids(opened(AppTest.from_file(APP, default_timeout=TIMEOUT)))


def test_with_no_chart_to_draw_the_first_run_does_not_wait_for_one():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["q"] = "no event says this"
    at.run()
    assert not at.exception and not at.get("plotly_chart") and at.info
    assert json.loads(at.get("component_instance")[0].proto.json_args)["wait"] is False


def test_actor_filter_leaves_only_that_actors_events(app, board):
    person = next(info for info in board.actors if info.kind == "person")
    app.multiselect(key="actors").set_value([person.id]).run()
    assert not app.exception
    ids = drawn_ids(app)
    events = events_by_id(board)
    assert ids and all(person.id in events[i].actor_ids for i in ids)
    expected = {i for i, e in events.items() if person.id in e.actor_ids and (e.date or e.date_window)}
    assert ids == expected
    assert param(app, "actor") == [person.id]


def test_an_organisation_known_by_its_initials_is_found_by_its_full_name(app, board):
    """The Actors list matches what is typed against its labels: "UN" alone was not found by "United Nations"."""
    assert any(info.id == "un" for info in board.actors)
    assert any(label.startswith("UN (United Nations) · ") for label in app.multiselect(key="actors").options)


def test_the_actor_and_source_lists_offer_no_select_all(app):
    """"Select all" on a folder's hundreds of actors or articles wrote every id into the link; the empty list
    already means all of them. The types' short list keeps it ("all but one type")."""
    select_all = {box.key: box.proto.select_all for box in app.multiselect}
    assert select_all["actors"] == 0 and select_all["sources"] == 0
    assert select_all["types"] != 0


def test_the_table_and_the_evidence_start_from_the_latest_event(app, board):
    """The first rows were the oldest events (on an analyst's folder, history retold or a page misdated by
    decades), and the evidence panel opened on the first of them."""
    days = [day for day in app.dataframe[0].value["Day"] if not day.startswith("undated")]
    latest = max(board.frame["start"].dropna()).date().isoformat()
    assert days[0].startswith(latest) and days == sorted(days, reverse=True)
    assert app.selectbox(key="event").value in set(board.frame.loc[board.frame["start"] == latest, "id"])


def day_column_width(at: AppTest) -> int:
    return json.loads(at.dataframe[0].proto.columns)["Day"]["width"]


def test_the_day_column_is_wide_enough_for_an_undated_event_s_window(app):
    """A medium Day column cut "undated (between 2023-09-13 and 2023-09-19)" after its first day; the column is as
    wide as the page's longest day (about 6.4 px a character of Source Sans at 14 px, plus a margin and the
    padding), and narrow again on a page of single days."""
    days = list(app.dataframe[0].value["Day"])
    window = max(days, key=len)
    assert window.startswith("undated (between ") and len(window) == 43
    assert day_column_width(app) >= 6.6 * len(window) + 20
    assert "possible window" in json.loads(app.dataframe[0].proto.columns)["Day"]["help"]
    app.toggle(key="undated").set_value(False).run()
    assert max(map(len, app.dataframe[0].value["Day"])) == 10 and day_column_width(app) < 120


def test_a_rerun_that_changes_no_filter_does_not_filter_or_draw_again(app, board, monkeypatch):
    """A click on the chart, a tab or a download reruns the page: the rows and the figure of a view already
    seen are kept (app.view_of), not filtered and built again; going back to a view seen before is the same."""
    from timeline import charts
    from timeline.filters import Filters

    before = figure(app)
    built, applied = [], []
    view_figure, apply = charts.view_figure, Filters.apply
    monkeypatch.setattr(charts, "view_figure", lambda *args, **kw: built.append(1) or view_figure(*args, **kw))
    monkeypatch.setattr(Filters, "apply", lambda self, frame: applied.append(self) or apply(self, frame))
    app.run()
    assert not app.exception and not built and not applied
    assert figure(app) == before
    kind = board.frame["event_type"].value_counts().index[0]
    app.multiselect(key="types").set_value([kind]).run()
    built.clear(), applied.clear()
    app.multiselect(key="types").set_value([]).run()
    assert not built and Filters() not in applied
    assert figure(app) == before


def test_choosing_a_group_includes_its_people(app, board):
    group = next(info for info in board.actors if any(m.parent == info.id for m in board.actors))
    members = {m.id for m in board.actors if m.parent == group.id}
    app.multiselect(key="actors").set_value([group.id]).run()
    events = events_by_id(board)
    ids = drawn_ids(app)
    assert ids and all({group.id, *members} & set(events[i].actor_ids) for i in ids)
    assert members and any(group.id not in events[i].actor_ids for i in ids)


def test_type_filter(app, board):
    kind = board.frame["event_type"].value_counts().index[0]
    app.multiselect(key="types").set_value([kind]).run()
    events = events_by_id(board)
    ids = drawn_ids(app)
    assert ids and {events[i].event_type for i in ids} == {kind}
    assert set(app.dataframe[0].value["Type"]) == {kind}


def test_date_filter(app, board):
    first, last = date_span(board.frame)
    low = last - timedelta(days=3)
    before = drawn_ids(app)
    app.date_input(key="dates").set_value((low, last)).run()
    assert not app.exception
    events = events_by_id(board)
    ids = drawn_ids(app)
    assert ids and ids < before
    for i in ids:
        e = events[i]
        if e.date:
            assert (e.date_end or e.date) >= low and e.date <= last
    assert param(app, "from") == [low.isoformat()]


def test_a_shared_link_opens_the_same_view(board):
    kind = board.frame["event_type"].value_counts().index[-1]
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["type"] = kind
    at.query_params["lanes"] = "type"
    at.run()
    assert {events_by_id(board)[i].event_type for i in drawn_ids(at)} == {kind}  # the first chart already
    opened(at)
    assert not at.exception
    assert at.multiselect(key="types").value == [kind]
    assert {events_by_id(board)[i].event_type for i in drawn_ids(at)} == {kind}
    assert set(figure(at)["layout"]["yaxis"]["ticktext"]) <= {kind, "Undated (window)"}


def a_call(day: str, weekday: str) -> bytes:
    """An article whose one event is a call, a type the sample articles have none of."""
    first, second = two_people()
    return (f"Phone talks\n\nGeneva, {day} - {first} spoke by telephone with {second} on {weekday}, {day}, "
            "about trade.\n").encode()


def test_select_all_types_means_every_type_even_one_a_later_upload_brings(app, board):
    """"Select all" wrote each type of that moment into the link, and a call that a later upload brought was
    hidden. Every type chosen is no restriction: the link names none, and the new type is shown, its chip too."""
    every = list(dict.fromkeys(board.frame["event_type"]))
    assert "call" not in every
    before = drawn_ids(app)
    app.multiselect(key="types").set_value(every).run()
    assert not app.exception and "type" not in app.query_params and drawn_ids(app) == before
    app.file_uploader(key="uploads").set_value(("call.txt", a_call("12 March 2024", "Tuesday"), "text/plain")).run()
    assert not app.exception
    assert "call" in set(app.dataframe[0].value["Type"]) and "call" in app.multiselect(key="types").value
    assert "type" not in app.query_params
    app.multiselect(key="types").set_value([t for t in every if t != "meeting"] + ["call"]).run()  # all but one
    assert param(app, "type") and "meeting" not in set(app.dataframe[0].value["Type"])


def test_undated_toggle(app):
    assert any(t.get("name") == "undated: possible window" for t in figure(app)["data"])
    app.toggle(key="undated").set_value(False).run()
    assert not any(t.get("name") == "undated: possible window" for t in figure(app)["data"])


def test_an_uploaded_article_adds_its_events(app):
    before = drawn_ids(app)
    app.file_uploader(key="uploads").set_value(("geneva.txt", article("12 March 2024", "Tuesday"), "text/plain")).run()
    assert not app.exception and not app.error
    added = drawn_ids(app) - before
    assert added and before <= drawn_ids(app)
    assert "2024-03-12" in set(app.dataframe[0].value["Day"])
    assert "geneva.txt" in app.multiselect(key="sources").options[0] or any(
        "geneva.txt" in o for o in app.multiselect(key="sources").options)


def test_a_bad_upload_shows_an_error_and_keeps_the_rest(app):
    before = drawn_ids(app)
    app.file_uploader(key="uploads").set_value([
        ("broken.json", b"{not json", "application/json"),
        ("picture.html", bytes(range(256)) * 40, "text/html"),
        ("good.txt", article("5 June 2024", "Wednesday"), "text/plain"),
    ]).run()
    assert not app.exception
    errors = " ".join(e.value.replace("\\", "") for e in app.error)  # as the page shows it (Markdown escaped)
    assert "broken.json" in errors and "picture.html" in errors
    assert before < drawn_ids(app)
    assert "2024-06-05" in set(app.dataframe[0].value["Day"])


def paste(at: AppTest, text: str, published: date | None = None) -> AppTest:
    """Paste ``text`` into the sidebar's box, with its publication date, and add it (app.paste_box)."""
    at.text_area(key="paste_text").set_value(text)
    if published:
        at.date_input(key="paste_date").set_value(published)
    return at.button(key="paste_add").click().run()


def test_pasted_text_with_a_date(app):
    first, second = two_people()
    before = drawn_ids(app)
    paste(app, f"{first} met {second} in Vienna yesterday.", date(2024, 2, 8))
    assert not app.exception
    assert before < drawn_ids(app)
    assert "2024-02-07" in set(app.dataframe[0].value["Day"])
    assert app.text_area(key="paste_text").value == "" and app.date_input(key="paste_date").value is None  # emptied


def test_the_uploader_takes_every_format_the_reader_reads_and_its_help_names_each(app):
    from timeline.reading import formats

    uploader = app.get("file_uploader")[0].proto
    readable = (set(formats.SINGLE) - {".text"}) | set(formats.RECORDS)  # "text" would mean any text/* file
    assert set(uploader.type) == readable
    single, records = uploader.help.split(" is one article")
    assert all(suffix in single for suffix in set(formats.SINGLE) - {".text"})
    assert all(suffix in records.split(" file may hold many")[0] for suffix in formats.RECORDS)


def test_adding_an_empty_box_or_a_text_already_added_says_so(app):
    """Both changed nothing, unsaid: the click looked like a lost article."""
    paste(app, "   ")
    assert not app.exception and any("The box is empty" in t.value for t in app.toast)
    assert not app.session_state["pasted"]
    paste(app, "Talks in Oslo\n\nThe two ministers met in Oslo on Tuesday.")
    paste(app, "Talks in Oslo\n\nThe two ministers met in Oslo on Tuesday.")
    assert any("already added, as pasted.txt" in t.value for t in app.toast)
    assert [entry["name"] for entry in app.session_state["pasted"]] == ["pasted.txt"]


def test_a_second_paste_is_added_beside_the_first_and_each_can_be_removed(app):
    """The paste box was the one pasted article: a second text pasted into it took the first one's place. Each
    text added is an article of its own now, like each upload, and each has a button that removes it."""
    first, second = two_people()
    paste(app, f"Talks in Vienna\n\n{first} met {second} in Vienna yesterday.", date(2024, 2, 8))
    paste(app, f"Talks in Oslo\n\n{second} met {first} in Oslo on Tuesday.", date(2024, 6, 6))
    paste(app, f"Talks in Oslo\n\n{second} met {first} in Oslo on Tuesday.")  # the same text again: kept once
    assert not app.exception and not app.error
    days = list(app.dataframe[0].value["Day"])
    assert "2024-02-07" in days and days.count("2024-06-04") == 1
    note = " ".join(c.value.replace("\\", "") for c in app.caption if "Added in this session" in c.value)
    assert "pasted.txt (1 event)" in note and "pasted (2).txt (1 event)" in note
    app.button(key="paste_remove:pasted.txt").click().run()
    assert not app.exception
    days = list(app.dataframe[0].value["Day"])
    assert "2024-02-07" not in days and "2024-06-04" in days


def test_evidence_is_shown_and_article_text_is_escaped(app):
    hostile = " <script>alert('x')</script> <img src=x onerror=alert(2)> [link](javascript:alert(3))"
    app.file_uploader(key="uploads").set_value(
        ("hostile.txt", article("3 April 2024", "Wednesday", hostile), "text/plain")).run()
    assert not app.exception
    on_day = [i for trace in figure(app)["data"] if trace.get("type") != "bar"
              for x, i in zip(trace.get("x") or (), trace.get("customdata") or ()) if x == "2024-04-03"]
    app.selectbox(key="event").set_value(on_day[0]).run()
    assert not app.exception
    bodies = " ".join(h.proto.body for h in app.get("html"))
    assert "&lt;script&gt;alert(" in bodies
    assert "<script>" not in bodies and "<img" not in bodies
    first, second = two_people()
    assert f"{first} met {second}" in re.sub(r"<[^>]+>", "", bodies)  # the evidence sentence, as an escaped quotation


def evidence_quotes(at: AppTest) -> list[str]:
    """The evidence panel's quotations (app.evidence_quote), as HTML."""
    return [h.proto.body for h in at.get("html") if 'class="tl-quote"' in h.proto.body]


def test_the_evidence_sentence_marks_the_words_its_day_was_read_from(app, board):
    """"Date basis: own date: "Saturday, September 23" -> ..." above a plain sentence left the reader to find the
    words; the sentence now marks its dates and actors, the day's own words in bold."""
    frame = board.frame
    row = frame[frame["date_basis"].str.startswith('own date: "') & (frame["actors"].map(len) > 0)].iloc[0]
    words = row["date_basis"].split('"')[1]
    app.selectbox(key="event").set_value(row["id"]).run()
    assert not app.exception
    quote = evidence_quotes(app)[0]
    assert re.search(rf'<mark class="tl-day"[^>]*>{re.escape(words)}</mark>', quote)
    assert '<mark class="tl-actor"' in quote
    assert not any("another sentence" in c.value for c in app.caption)
    legend = next(h.proto.body for h in app.get("html") if "Marked in the sentences below" in h.proto.body)
    assert all(f'<mark class="tl-{kind}">' in legend for kind in ("day", "timex", "actor"))  # what the marks mean


def test_a_day_read_from_another_sentence_shows_that_sentence(app):
    """A lead with no day, joined by a later sentence that tells it again with "on Wednesday": the event's basis
    names "Wednesday", which its evidence sentence does not hold. The panel now quotes the sentence that does."""
    text = ("Boats seized off the cape\n\nPublished: 14 March 2024\n\nCoastal police in Eastland seized two fishing "
            "boats from Westmark and arrested their crews for fishing without a licence.\nThe police said officers "
            "boarded the boats on Wednesday off the southern cape.\nThe crews were taken to the port for questioning.\n")
    app.file_uploader(key="uploads").set_value([("held.txt", text.encode(), "text/plain")]).run()
    app.button(key="show_added").click().run()
    assert not app.exception
    summary = next(t.value for t in app.text if t.value.startswith("Date basis:"))
    assert '"Wednesday"' in summary, summary  # the case this test is about: the parser joins the two sentences
    first, second = evidence_quotes(app)
    assert "Wednesday" not in first and "seized two fishing boats" in first
    assert "another sentence" in next(c.value for c in app.caption if "its day was read from" in c.value)
    assert re.search(r'boarded the boats on <mark class="tl-day"[^>]*>Wednesday</mark>', second)


def legend_line(at: AppTest) -> str:
    lines = [html.proto.body for html in at.get("html") if "timeline-legend" in html.proto.body]
    assert len(lines) == 1
    return lines[0]


def test_the_legend_is_a_line_above_the_chart_and_follows_the_view(app, board):
    """Beside the plot the legend took a third of a laptop's chart; it is a line of HTML above it now."""
    assert figure(app)["layout"]["showlegend"] is False
    types = {trace["name"] for trace in figure(app)["data"] if trace.get("customdata") is not None
             and trace.get("legendgroup") != "undated"}  # the types of the dated events drawn
    assert {"meeting", "agreement"} <= types
    assert all(f"</span>{kind}</span>" in legend_line(app) for kind in types)
    app.multiselect(key="types").set_value(["meeting"]).run()
    assert "</span>meeting</span>" in legend_line(app) and "</span>agreement</span>" not in legend_line(app)


def test_lanes_switch_to_types(app, board):
    app.button_group(key="lanes").set_value("type").run()
    ticks = {re.sub(r" (◂ \d+|\d+ ▸)$", "", tick) for tick in figure(app)["layout"]["yaxis"]["ticktext"]}
    assert ticks - {"Undated (window)"} <= set(board.frame["event_type"])  # a lane outside the dates has a mark
    assert param(app, "lanes") == ["type"]


def test_network_lists_the_events_of_a_pair(app, board):
    assert len(app.get("plotly_chart")) == 1  # only the open tab runs
    app.session_state["view"] = "Actor network"
    app.run()
    assert not app.exception
    spec = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert any(t.get("name") == "edges" for t in spec["data"])
    pair = app.selectbox(key="edge")
    assert pair.options
    events = events_by_id(board)
    listed = app.dataframe[0].value
    assert len(listed) >= 1 and set(listed["Type"]) <= {"meeting", "call", "visit"}
    assert all(len(events[i].actor_ids) >= 2 for i in board.frame["id"] if events[i].event_type == "meeting"
               and events[i].title in set(listed["Title"]))


def test_a_mangled_link_opens_without_error():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in {"actor": "<script>alert(1)</script>", "from": "2023-99-99", "to": "yesterday",
                       "match": "none", "lanes": "diagonal", "type": "no-such-type", "q": "((("}.items():
        at.query_params[key] = value
    opened(at)
    assert not at.exception and not at.error
    assert at.multiselect(key="actors").value == []


def test_without_chromium_the_app_says_how_to_get_one(monkeypatch):
    from timeline import png
    from timeline.errors import TimelineError

    def missing():
        raise TimelineError(png.NO_BROWSER)

    monkeypatch.setattr(png, "find_browser", missing)
    at = opened(AppTest.from_file(APP, default_timeout=TIMEOUT))
    assert not at.exception
    assert any("apt-get install chromium" in w.value for w in at.warning)
    assert drawn_ids(at)  # the chart itself still works


def test_a_parser_crash_on_an_upload_keeps_the_other_articles(monkeypatch):
    from timeline import pipeline

    real = pipeline.parse_documents

    def fragile(items, settings=None, progress=None, **engine):
        items = list(items)
        if any(getattr(item, "name", "") == "crash.txt" for item in items):
            raise RuntimeError("simulated parser bug")
        return real(items, settings, progress, **engine)

    monkeypatch.setattr(pipeline, "parse_documents", fragile)
    at = opened(AppTest.from_file(APP, default_timeout=TIMEOUT))
    before = drawn_ids(at)
    at.file_uploader(key="uploads").set_value(("crash.txt", article("1 May 2024", "Wednesday"), "text/plain")).run()
    assert not at.exception
    assert any("simulated parser bug" in e.value for e in at.error)
    assert drawn_ids(at) == before


def test_a_failed_png_export_is_reported_on_the_next_run(app):
    app.session_state["png_failures"] = ["RuntimeError: the browser closed"]  # what a failed download leaves
    app.run()
    assert not app.exception
    assert any("PNG export failed" in e.value and "browser closed" in e.value for e in app.error)
    app.run()
    assert not any("PNG export failed" in e.value for e in app.error)  # shown once


def test_a_restarted_app_opens_the_stored_board_without_parsing(monkeypatch):
    import uuid

    import streamlit as st

    from timeline import board_store, pipeline

    # The stored board's key holds the parse version, a digest of the package's source and rules: pinned (to a
    # value of this run's own, so that no board stored before applies), so that an edit of a parser file while
    # the test runs does not make the board it just stored stale.
    pinned = f"test {uuid.uuid4().hex}"
    monkeypatch.setattr(board_store, "parse_version", lambda settings, *args, **kwargs: pinned)
    st.cache_resource.clear()  # a board an earlier test left in memory would not be stored under the pinned key
    first = opened(AppTest.from_file(APP, default_timeout=TIMEOUT))  # parses the sample folder, stores its board
    shown, rows = drawn_ids(first), len(first.dataframe[0].value)
    assert shown and rows
    st.cache_resource.clear()  # what a restart loses
    st.cache_data.clear()

    def no_parse(*args, **kwargs):
        raise AssertionError("parsed although the stored board is current")

    monkeypatch.setattr(pipeline, "parse_documents", no_parse)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception and not at.error
    assert drawn_ids(at) == shown  # the board as it was before the restart, not one parsed anew
    assert len(opened(at).dataframe[0].value) == rows
    st.cache_resource.clear()  # the other tests parse for real


def test_a_long_table_is_paged_and_the_evidence_offers_the_page(monkeypatch, tmp_path):
    import timeline.actors as gazetteer_module
    from synthetic_events import make_actors, make_events

    from timeline import pipeline
    from timeline.models import Corpus

    actors = make_actors()
    corpus = Corpus(timeline=tuple(make_events(4500, actors=actors)))
    monkeypatch.setattr(pipeline, "parse_documents", lambda items, settings=None, progress=None, **engine: corpus)
    monkeypatch.setattr(gazetteer_module, "load_gazetteer",
                        lambda settings=None: type("Known", (), {"get": staticmethod(actors.get)}))
    monkeypatch.setenv("TIMELINE_ARTICLES", str(tmp_path))  # a folder of its own: no cached board applies
    at = opened(AppTest.from_file(APP, default_timeout=TIMEOUT))
    assert not at.exception, at.exception
    first_page = list(at.dataframe[0].value["Title"])
    assert len(first_page) == 2000
    at.number_input(key="page").set_value(3).run()
    assert not at.exception
    last_page = list(at.dataframe[0].value["Title"])
    assert len(last_page) == 500 and not set(last_page) & set(first_page)
    before = at.selectbox(key="event").value
    at.run()
    options = at.selectbox(key="event").options  # this page's events, and the one already chosen first
    assert at.selectbox(key="event").value == before and len(options) == 501
    assert all(any(label.endswith(f" · {title}") for label in options) for title in last_page)


TINY_PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                         "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082")


def test_the_first_run_shows_the_stored_preview_and_the_next_run_drops_it(monkeypatch):
    from timeline import board_store

    asked = []
    monkeypatch.setattr(board_store, "load_preview", lambda key, settings: asked.append(key) or TINY_PNG)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert previews(at) == [TINY_PNG] and at.get("plotly_chart")  # the picture, and the chart drawn over it
    assert any("st-key-first_chart" in html.proto.body for html in at.get("html"))  # the style that does so
    at.session_state["first_chart_drawn"] = True
    at.run()
    assert not previews(at) and at.get("plotly_chart") and len(set(asked)) == 1


def previews(at: AppTest) -> list[bytes]:
    """The PNG previews in the page (app.show_preview: an <img> with a data: URL)."""
    found = [re.search(r'class="chart-preview".*?base64,([^"]+)"', html.proto.body) for html in at.get("html")]
    return [base64.b64decode(match.group(1)) for match in found if match]


def test_a_filtered_first_view_has_no_preview(monkeypatch):
    from timeline import board_store

    monkeypatch.setattr(board_store, "load_preview", lambda key, settings: TINY_PNG)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["type"] = "meeting"
    at.run()
    assert not at.exception and at.get("plotly_chart") and not previews(at)


def test_a_missing_preview_is_drawn_in_the_background_for_the_next_visitor(monkeypatch):
    import time

    import streamlit as st
    from PIL import Image

    from timeline import board_store

    st.cache_resource.clear()  # no preview being drawn yet in this process
    saved, store = [], {}  # an empty store of pictures; what is drawn is saved in it, as on disk
    monkeypatch.setattr(board_store, "load_preview", lambda key, settings: store.get(key))
    monkeypatch.setattr(board_store, "save_preview",
                        lambda key, settings, png: saved.append((key, png)) or store.setdefault(key, png) or True)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception and at.get("plotly_chart") and not previews(at)  # this visitor: the chart only
    # A second visitor, while the picture is being drawn or after it was saved: drawn once, not twice.
    AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    deadline = time.monotonic() + 120
    while not saved and time.monotonic() < deadline:
        time.sleep(0.5)
    assert len(saved) == 1
    image = Image.open(io.BytesIO(saved[0][1]))
    height = figure(at)["layout"]["height"]  # the chart's own height: a lane per row it draws
    assert image.size == (1100, height) and len(image.convert("RGB").getcolors(maxcolors=1_000_000)) > 20
    time.sleep(2)
    assert len(saved) == 1


def test_background_mentions_are_hidden_counted_and_shown_on_request(app):
    """History an article retells ("signed a trade treaty in 2019") is hidden by default, counted in the header,
    shown by the sidebar toggle (kept in the link), and its evidence says it is background and why."""
    history = " The two countries signed a trade treaty in 2019."
    app.file_uploader(key="uploads").set_value(
        ("history.txt", article("12 March 2024", "Tuesday", history), "text/plain")).run()
    assert not app.exception and not app.error
    hidden = drawn_ids(app)
    assert not any(day.startswith("2019") for day in app.dataframe[0].value["Day"])
    assert any("1 background mention(s) hidden" in c.value for c in app.caption)
    app.toggle(key="background").set_value(True).run()
    assert not app.exception
    assert param(app, "background") == ["1"]
    assert hidden < drawn_ids(app) and any(day.startswith("2019") for day in app.dataframe[0].value["Day"])
    assert list(app.dataframe[0].value["Background"]).count(True) == 1
    assert not any("background mention(s) hidden" in c.value for c in app.caption)
    treaty = next(i for i in drawn_ids(app) - hidden)
    app.selectbox(key="event").set_value(treaty).run()
    assert not app.exception
    notes = " ".join(i.value for i in app.info)
    assert "Background mention" in notes and "dated only 2019, over a year before the page's date 2024-03-12" in notes


def test_the_evidence_says_how_the_day_is_known_and_names_the_actors(app, board):
    """The evidence panel is where a user checks an event: its day with how it is known (the legend's words:
    stated, inferred or coarser, range, undated) and its actors, not only the raw date basis."""
    frame = board.frame
    for mark, words in {"inferred": "day inferred or coarser", "exact": "day stated", "undated": "no day stated"}.items():
        row = frame[(frame["mark"] == mark) & (frame["actors"].map(len) > 0)].iloc[0]
        app.selectbox(key="event").set_value(row["id"]).run()
        assert not app.exception
        summary = next(m.value for m in app.markdown if words in m.value)
        assert f"**{row['day']}** · {words}" in summary.replace("\\", "")
        assert all(name in summary.replace("\\", "") for name in row["actors"])


def deferred_downloads(monkeypatch) -> dict:
    """The data callables of the page's download buttons, by file name (Streamlit calls one on a click)."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    found, real = {}, MediaFileManager.add_deferred

    def recording(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        found[file_name] = data_callable
        return real(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", recording)
    return found


def test_the_png_says_what_it_shows_in_its_title(monkeypatch, board):
    """A chart pasted into a report carries its own title: the events and articles it shows, their days and
    the filters that chose them."""
    from timeline import png

    drawn = []
    monkeypatch.setattr(png.ExportServer, "start", classmethod(lambda cls: cls("no browser")))
    monkeypatch.setattr(png.ExportServer, "render", lambda self, figure, **size: drawn.append(figure) or TINY_PNG)
    downloads = deferred_downloads(monkeypatch)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["type"] = "meeting"
    opened(at)
    assert not at.exception
    png_name = next(name for name in downloads if name.endswith(".png"))
    assert downloads[png_name]() == TINY_PNG
    title = drawn[-1].layout.title.text
    meetings = board.frame[board.frame["event_type"] == "meeting"]
    articles = {name for names in meetings["articles"] for name in names}
    assert title.startswith(f"News timeline · {len(meetings)} events from {len(articles)} articles · ")
    assert "types: meeting" in title and "2023" in title


def test_the_png_title_counts_the_undated_events_it_cannot_draw(monkeypatch):
    """An undated event with no window is on no lane of the picture: the screen's caption says so under the chart,
    but a picture in a report has no caption, and its title counted 2 events over 1 marker."""
    from timeline import png

    drawn = []
    monkeypatch.setattr(png.ExportServer, "start", classmethod(lambda cls: cls("no browser")))
    monkeypatch.setattr(png.ExportServer, "render", lambda self, figure, **size: drawn.append(figure) or TINY_PNG)
    downloads = deferred_downloads(monkeypatch)
    at = opened(AppTest.from_file(APP, default_timeout=TIMEOUT))
    show_an_undated_and_a_dated_upload(at)
    assert not at.exception
    png_name = next(name for name in reversed(list(downloads)) if name.endswith(".png"))
    assert downloads[png_name]() == TINY_PNG
    assert drawn[-1].layout.title.text.startswith("News timeline · 2 events from 2 articles, 1 undated not drawn · ")
    at.toggle(key="undated").set_value(False).run()  # the undated leave the view: nothing to count
    png_name = next(name for name in reversed(list(downloads)) if name.endswith(".png"))
    downloads[png_name]()
    assert drawn[-1].layout.title.text.startswith("News timeline · 1 event from 1 article · ")


def test_each_rejected_upload_is_named_with_its_reason_at_the_top(app):
    """The reasons stand in the warning above the chart, not only in the sidebar below the upload list."""
    app.file_uploader(key="uploads").set_value([
        ("empty.txt", b"", "text/plain"),
        ("broken.json", b"{not json", "application/json"),
        ("good.txt", article("5 June 2024", "Wednesday"), "text/plain"),
    ]).run()
    assert not app.exception
    note = app.warning[0].value.replace("\\", "")  # as the page shows it (safe_text escapes Markdown)
    assert note.startswith("**2 inputs could not be read:**")
    assert "- empty.txt: empty file" in note and "- broken.json: file is not valid JSON" in note


def test_every_reason_the_reader_gives_is_shown_and_the_other_files_load(app, monkeypatch):
    """A file the reader turns down (here one that holds only a title: a reader that says so) is named with the
    reader's own reason: the first eight in the warning at the top, every one in the sidebar under the uploads,
    whatever its name or reason holds; the good files of the same upload load."""
    from timeline import articles
    from timeline.models import Rejected

    real = articles.read_bytes
    reason = "only a title line, no article text"
    monkeypatch.setattr(articles, "read_bytes", lambda name, data, settings=articles.DEFAULT_SETTINGS: (
        [Rejected(name, f"{reason} (*{len(data)} bytes*)")] if name.startswith("title_only") else
        real(name, data, settings)))
    before = drawn_ids(app)
    titles = [(f"title_only_{i}.txt", f"Heading number {i} alone\n".encode(), "text/plain") for i in range(10)]
    app.file_uploader(key="uploads").set_value(
        [*titles, ("good.txt", article("5 June 2024", "Wednesday"), "text/plain")]).run()
    assert not app.exception
    assert before < drawn_ids(app) and "2024-06-05" in set(app.dataframe[0].value["Day"])
    top = app.warning[0].value.replace("\\", "")
    assert top.startswith("**10 inputs could not be read:**") and "and 2 more, listed under **Add articles**" in top
    side = " ".join(e.value for e in app.error)
    for name, data, _ in titles:  # escaped as Markdown: "_" and "*" shown as they are, not as emphasis
        assert f"- {name}: {reason} (*{len(data)} bytes*)" in side.replace("\\", "")
        assert name.split(".")[0].replace("_", "\\_") in side
    assert not any("No event was found" in i.value for i in app.info)


def test_added_articles_are_parsed_under_a_progress_bar_that_goes_away(app, monkeypatch):
    """An upload of many files takes seconds: a bar counts the added articles parsed (only they are: before,
    the bar counted the folder's too, which were looked up and read again), then leaves the page; a later run
    (a filter click) finds the parsed board and shows no bar."""
    from streamlit.delta_generator import DeltaGenerator

    moves, real = [], DeltaGenerator.progress
    monkeypatch.setattr(DeltaGenerator, "progress", lambda self, value, text=None, **kw:
                        moves.append((value, text)) or real(self, value, text, **kw))
    app.file_uploader(key="uploads").set_value(
        [(f"talks{i}.txt", article(f"{i + 1} March 2024", "Friday"), "text/plain") for i in range(3)]).run()
    assert not app.exception and not app.error
    total = int(next(re.match(r"(\d+) article", c.value).group(1) for c in app.caption if "article(s) loaded" in c.value))
    assert total > 3 and (0.0, "Parsing the added articles: 0 of 3") in moves and moves[0][0] == 0.0
    assert moves[-1] == (1.0, "Parsed 3 added articles; merging their events into one timeline…")
    assert not app.get("progress")
    moves.clear()
    app.radio(key="match").set_value("all").run()
    assert not app.exception and not moves and not app.get("progress")


def test_an_added_article_with_no_event_is_named(app):
    """A pasted or uploaded text that gives no event changes nothing on the chart: the page says so, naming it,
    instead of leaving the user to wonder whether it was read."""
    app.file_uploader(key="uploads").set_value([
        ("weather.txt", b"Mild weather\n\nThe afternoon stayed mild and dry across the valley.\n", "text/plain"),
        ("good.txt", article("5 June 2024", "Wednesday"), "text/plain"),
    ]).run()
    paste(app, "A quiet day\n\nThe river was calm and the shops opened late.")
    assert not app.exception and not app.error
    notes = [i.value.replace("\\", "") for i in app.info if "No event was found" in i.value]
    assert len(notes) == 1 and "weather.txt, pasted.txt:" in notes[0] and "good.txt" not in notes[0]


def test_the_uploader_states_its_size_limits(app):
    """A 26 MB text file passes the uploader (50 MB a file) and is then rejected by the parser (20 MB an
    article): the help says both before the user tries."""
    help_text = app.get("file_uploader")[0].proto.help
    assert "one article (up to 20 MB)" in help_text and "Up to 50 MB a file" in help_text


def test_a_folder_parsed_for_the_first_time_shows_a_progress_bar_that_goes_away(monkeypatch, tmp_path):
    """An analyst's folder of thousands of articles takes a minute to parse on the first visit: a bar counts
    the articles (before, the page stayed blank), then leaves; a later run finds the board and shows none."""
    import shutil

    from streamlit.delta_generator import DeltaGenerator

    for path in sorted(SAMPLE_ARTICLES.glob("*.txt"))[:2]:
        shutil.copy(path, tmp_path / path.name)
    monkeypatch.setenv("TIMELINE_ARTICLES", str(tmp_path))  # a folder of its own: no stored board applies
    moves, real = [], DeltaGenerator.progress
    monkeypatch.setattr(DeltaGenerator, "progress", lambda self, value, text=None, **kw:
                        moves.append((value, text)) or real(self, value, text, **kw))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception and not at.error
    assert moves[0][0] == 0.0 and (0.0, "Parsing the articles: 0 of 2") in moves
    assert moves[-1] == (1.0, "Parsed 2 articles; merging their events into one timeline…")  # not "2 of 2" for long
    assert not at.get("progress") and at.get("plotly_chart")
    moves.clear()
    opened(at)
    assert not at.exception and not moves and not at.get("progress")


def test_the_added_articles_are_named_with_their_events_and_can_be_shown_alone(app):
    """After an upload the new events were somewhere among hundreds: the page names the added articles and
    offers to show only them (the Sources filter, kept in the link)."""
    app.file_uploader(key="uploads").set_value([
        ("weather.txt", b"Mild weather\n\nThe afternoon stayed mild and dry across the valley.\n", "text/plain"),
        ("good.txt", article("5 June 2024", "Wednesday"), "text/plain"),
    ]).run()
    note = " ".join(c.value.replace("\\", "") for c in app.caption if "Added in this session" in c.value)
    assert "good.txt (" in note and "weather.txt (0 events)" in note
    app.button(key="show_added").click().run()
    assert not app.exception
    assert param(app, "source") == ["good.txt"]
    assert set(app.dataframe[0].value["Day"]) == {"2024-06-05"}


def test_many_chosen_sources_keep_one_row_and_are_listed_under_their_count(app):
    """"Show only these" after an upload of a dozen files put a dozen chips in the Sources list, which filled the
    sidebar and cut each name short. The chips keep one row (scrolled sideways), and every chosen article is
    named, with its events, under a folded "12 articles chosen"."""
    names = [f"talks_{i}.txt" for i in range(12)]
    app.file_uploader(key="uploads").set_value(
        [(name, article(f"{i + 1} March 2024", "Friday"), "text/plain") for i, name in enumerate(names)]).run()
    assert not any("articles chosen" in e.label for e in app.expander)
    app.button(key="show_added").click().run()
    assert not app.exception and sorted(app.multiselect(key="sources").value) == sorted(names)
    assert app.multiselect(key="sources").proto.wrap is False
    (folded,) = [e for e in app.expander if e.label == "12 articles chosen"]
    assert not folded.proto.expanded
    listed = " ".join(c.value.replace("\\", "") for c in folded.caption)
    assert all(f"{name} · 1" in listed for name in names)


def test_an_article_added_after_show_only_these_is_shown_too(app):
    """"Show only these" set the Sources filter to the articles added so far: a file uploaded next was hidden by it,
    and the upload seemed to add nothing. While the filter is still that choice, a later article joins it."""
    first = ("geneva.txt", article("12 March 2024", "Tuesday"), "text/plain")
    app.file_uploader(key="uploads").set_value([first]).run()
    app.button(key="show_added").click().run()
    assert set(app.dataframe[0].value["Day"]) == {"2024-03-12"}
    app.file_uploader(key="uploads").set_value([first, ("june.txt", article("5 June 2024", "Wednesday"),
                                                         "text/plain")]).run()
    assert not app.exception
    assert set(app.dataframe[0].value["Day"]) == {"2024-03-12", "2024-06-05"}
    assert sorted(param(app, "source")) == ["geneva.txt", "june.txt"]
    app.multiselect(key="sources").set_value(["june.txt"]).run()  # a choice of the user's own: kept as it is
    app.file_uploader(key="uploads").set_value([first, ("june.txt", article("5 June 2024", "Wednesday"),
                                                         "text/plain"), ("may.txt", article("8 May 2024", "Wednesday"),
                                                                         "text/plain")]).run()
    assert set(app.dataframe[0].value["Day"]) == {"2024-06-05"}


def test_a_missing_publication_date_can_be_set_and_the_article_s_days_follow_it(app):
    """An article with no date of its own gave undated events, and only pasted text could be given a date: the
    evidence offers to set the article's publication date; its weekdays are then counted from it."""
    first, second = two_people()
    text = f"Border talks\n\n{first} met {second} on Thursday to discuss trade.\n".encode()
    app.file_uploader(key="uploads").set_value(("nodate.txt", text, "text/plain")).run()
    app.button(key="show_added").click().run()
    assert not app.get("plotly_chart")  # no empty grid of made-up dates: the events are in the table
    assert any("No event of this view has a day" in i.value for i in app.info)
    assert set(app.dataframe[0].value["Day"]) == {"undated"}
    app.date_input(key="published:nodate.txt").set_value(date(2024, 3, 8)).run()
    app.button(key="published_set:nodate.txt").click().run()
    assert not app.exception
    assert app.session_state["published_box:nodate.txt"] is False  # the popover closes (it stayed open)
    assert param(app, "published") == ["nodate.txt@2024-03-08"]
    assert set(app.dataframe[0].value["Day"]) == {"2024-03-07"} and app.get("plotly_chart")
    chooser = app.selectbox(key="event").proto
    assert chooser.set_value and chooser.raw_value.startswith("2024-03-07 · ")  # the browser is sent the new label
    assert any("set by the user" in c.value for c in app.caption)
    app.button(key="published_undo").click().run()
    assert set(app.dataframe[0].value["Day"]) == {"undated"} and "published" not in app.query_params
    app.button(key="published_set:nodate.txt").click().run()
    app.file_uploader(key="uploads").set_value([]).run()  # a removed article's date is not listed as set
    assert not app.exception and not any("Publication dates you set" in c.value for c in app.caption)
    app.file_uploader(key="uploads").set_value(("nodate.txt", text, "text/plain")).run()  # given again: dated again
    assert "2024-03-07" in set(app.dataframe[0].value["Day"])
    assert any("Publication dates you set: nodate" in c.value for c in app.caption)


def test_one_session_s_filters_and_uploads_never_reach_another_session_s_view():
    """Views (rows, figure, legend) are kept per board and filters and shared by sessions (app.view_of):
    two sessions of one process, one filtered and one adding an article, each keep seeing their own."""
    narrow = AppTest.from_file(APP, default_timeout=TIMEOUT)
    narrow.query_params["type"] = "meeting"
    narrow, wide = opened(narrow), opened(AppTest.from_file(APP, default_timeout=TIMEOUT))
    meetings, everything = drawn_ids(narrow), drawn_ids(wide)
    assert meetings < everything
    narrow.multiselect(key="types").set_value(["meeting", "agreement"]).run()
    assert drawn_ids(wide.run()) == everything
    narrow.multiselect(key="types").set_value(["meeting"]).run()
    assert drawn_ids(narrow) == meetings
    wide.file_uploader(key="uploads").set_value(("geneva.txt", article("12 March 2024", "Tuesday"), "text/plain")).run()
    assert drawn_ids(wide) > everything
    assert drawn_ids(narrow.run()) == meetings and "Added in this session" not in " ".join(c.value for c in narrow.caption)


def test_a_merged_event_shows_each_article_s_day_and_what_they_share(app):
    """Why are two articles one event? Each source now says the day it gives and how it found it, and a line above
    names the day they agree on and the actors all of them name; the publication date reads as a sentence."""
    app.file_uploader(key="uploads").set_value([
        ("geneva.txt", article("12 March 2024", "Tuesday"), "text/plain"),
        ("geneva-wire.txt", article("12 March 2024", "Tuesday", " Officials gave no details."), "text/plain"),
    ]).run()
    app.button(key="show_added").click().run()
    assert not app.exception
    assert list(app.dataframe[0].value["Sources"]) == [2]
    texts = [m.value.replace("\\", "") for m in app.markdown] + [c.value.replace("\\", "") for c in app.caption]
    first, second = two_people()
    assert any(t.startswith("Told by 2 articles") and first in t and second in t for t in texts)
    assert not any("told by" in t.value for t in app.text)  # the basis line says how the day was found, no more
    assert sum(t.startswith("In this article: 2024-03-12 · ") for t in texts) == 2
    assert any(t.startswith("Published 2024-03-12: read from the page") for t in texts)


def show_an_undated_and_a_dated_upload(at: AppTest) -> None:
    """Upload an article with no publication date (its Thursday meeting has no day and no window) and a dated one,
    and show only these."""
    first, second = two_people()
    at.file_uploader(key="uploads").set_value([
        ("nodate.txt", f"Border talks\n\n{first} met {second} on Thursday to discuss trade.\n".encode(), "text/plain"),
        ("geneva.txt", article("12 March 2024", "Tuesday"), "text/plain"),
    ]).run()
    at.button(key="show_added").click().run()


def test_the_chart_says_how_many_undated_events_it_does_not_draw(app):
    """An article with no publication date gives undated events with no window: on no lane and in no strip. The
    caption under the chart counts them and says where they are."""
    show_an_undated_and_a_dated_upload(app)
    assert not app.exception
    note = next(c.value for c in app.caption if c.value.startswith("Filled marker"))
    assert "**1 undated event, with no possible window, is not drawn:**" in note
    app.toggle(key="undated").set_value(False).run()  # the undated leave the view, and the note with them
    assert not any("not drawn" in c.value for c in app.caption)


def test_the_confidence_slider_hides_guesses_and_the_reset_shows_them_again(monkeypatch, board):
    """An event the parser guessed (from a sentence no rule reads) has a low confidence: the sidebar's slider hides
    the events below the chosen confidence, the header counts them, the link and the PNG's title keep it, the
    table shows each event's confidence after its type, and Reset filters shows every event again."""
    from timeline import png

    drawn = []
    monkeypatch.setattr(png.ExportServer, "start", classmethod(lambda cls: cls("no browser")))
    monkeypatch.setattr(png.ExportServer, "render", lambda self, figure, **size: drawn.append(figure) or TINY_PNG)
    downloads = deferred_downloads(monkeypatch)
    at = opened(AppTest.from_file(APP, default_timeout=TIMEOUT))
    frame, events = board.frame, events_by_id(board)
    least = 0.7
    low = {i for i, e in events.items() if e.confidence < least}
    assert low and low < set(frame["id"])  # the sample has events on both sides
    before = drawn_ids(at)
    slider = at.slider(key="min_confidence")
    assert slider.value == 0.0 and (slider.min, slider.max, slider.step) == (0.0, 1.0, 0.05) and before & low
    assert slider.label == "Hide guesses below confidence" and "guessed from a sentence no rule reads" in slider.help
    table = at.dataframe[0]
    order = list(table.proto.column_order)
    assert order.index("Confidence") == order.index("Type") + 1
    assert sorted(table.value["Confidence"]) == sorted(frame["confidence"].round(2))
    at.slider(key="min_confidence").set_value(least).run()
    assert not at.exception
    assert drawn_ids(at) == before - low
    assert (at.dataframe[0].value["Confidence"] >= least).all() and len(at.dataframe[0].value) == len(frame) - len(low)
    assert param(at, "confidence") == ["0.7"]
    assert any(f"{len(low)} events of a confidence below 0.70 hidden" in c.value for c in at.caption)
    png_name = next(name for name in reversed(list(downloads)) if name.endswith(".png"))
    downloads[png_name]()
    assert drawn[-1].layout.title.text.endswith(" · confidence 0.70 or more")
    at.button(key="reset").click().run()
    assert not at.exception
    assert at.slider(key="min_confidence").value == 0.0 and drawn_ids(at) == before
    assert "confidence" not in at.query_params and not any("of a confidence below" in c.value for c in at.caption)


def test_a_link_keeps_the_confidence_and_a_bad_one_opens_every_event(board):
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["confidence"] = "0.7"
    opened(at)
    assert not at.exception and at.slider(key="min_confidence").value == 0.7
    assert len(at.dataframe[0].value) == int((board.frame["confidence"] >= 0.7).sum()) < len(board.frame)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["confidence"] = "very high"
    opened(at)
    assert not at.exception and not at.error
    assert at.slider(key="min_confidence").value == 0.0 and len(at.dataframe[0].value) == len(board.frame)


def test_two_uploads_of_one_name_are_both_read_and_a_file_given_twice_once(app):
    """Files of one name from two folders: the second took the first's place, unsaid. The same file given twice
    is read once."""
    march, june = article("12 March 2024", "Tuesday"), article("5 June 2024", "Wednesday")
    app.file_uploader(key="uploads").set_value([("notes.txt", march, "text/plain"), ("notes.txt", june, "text/plain"),
                                                ("notes.txt", june, "text/plain")]).run()
    assert not app.exception and not app.error
    days = list(app.dataframe[0].value["Day"])
    assert "2024-03-12" in days and days.count("2024-06-05") == 1
    assert any("notes.txt (1 event), notes (2).txt (1 event)." in c.value.replace("\\", "") for c in app.caption)


def test_the_png_title_of_one_day_names_it_once(monkeypatch):
    from timeline import png

    drawn = []
    monkeypatch.setattr(png.ExportServer, "start", classmethod(lambda cls: cls("no browser")))
    monkeypatch.setattr(png.ExportServer, "render", lambda self, figure, **size: drawn.append(figure) or TINY_PNG)
    downloads = deferred_downloads(monkeypatch)
    at = opened(AppTest.from_file(APP, default_timeout=TIMEOUT))
    at.file_uploader(key="uploads").set_value(("geneva.txt", article("12 March 2024", "Tuesday"), "text/plain")).run()
    at.button(key="show_added").click().run()
    assert not at.exception
    png_name = next(name for name in reversed(list(downloads)) if name.endswith(".png"))
    downloads[png_name]()
    title = drawn[-1].layout.title.text
    assert " · 12 Mar 2024 · " in title and "–" not in title


def test_correcting_a_pasted_article_s_date_sets_that_article_s_date(app):
    """A pasted article has its own publication date: a correction made in its evidence went elsewhere (kept by
    name), stayed with the next text pasted under that name (another article) and overrode its date unseen. It
    now sets that article's own date, and leaves the next paste alone."""
    first, second = two_people()
    paste(app, f"Border talks\n\n{first} met {second} on Thursday.\n")
    app.button(key="show_added").click().run()
    assert set(app.dataframe[0].value["Day"]) == {"undated"}
    app.date_input(key="published:pasted.txt").set_value(date(2024, 3, 8)).run()
    app.button(key="published_set:pasted.txt").click().run()
    assert not app.exception and not app.warning
    assert app.session_state["pasted"][0]["published"] == date(2024, 3, 8) and not app.session_state["published_fixes"]
    assert set(app.dataframe[0].value["Day"]) == {"2024-03-07"} and "published" not in app.query_params
    assert any("pasted.txt: Border talks · published 2024-03-08" in c.value.replace("\\", "") for c in app.caption)
    app.button(key="paste_remove:pasted.txt").click().run()
    paste(app, f"River talks\n\n{second} met {first} on Thursday.\n")  # named pasted.txt again: its own date
    assert app.session_state["pasted"][0]["published"] is None and app.button(key="show_added")


def test_the_page_icon_needs_no_request_to_another_site(monkeypatch):
    """A Material page icon is fetched by the browser from fonts.gstatic.com: on an offline server every page made a
    failed request. An emoji is drawn by the browser itself."""
    import streamlit as st

    given, real = [], st.set_page_config
    monkeypatch.setattr(st, "set_page_config", lambda **kw: given.append(kw) or real(**kw))
    AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    icon = given[0]["page_icon"]
    assert not icon.startswith(":") and not icon.isascii()


def test_guesses_are_said_so_in_the_evidence_and_hidden_by_unticking_show_guesses(monkeypatch):
    """An event no trigger rule found (a lead no rule reads, guessed from its past-tense verb): the table's Found by
    column and its evidence say it is a guess; unticking Show guesses hides it (kept in the link, counted in the
    header, named in the PNG's title and file name) and Reset filters shows it again."""
    from timeline import png

    drawn = []
    monkeypatch.setattr(png.ExportServer, "start", classmethod(lambda cls: cls("no browser")))
    monkeypatch.setattr(png.ExportServer, "render", lambda self, figure, **size: drawn.append(figure) or TINY_PNG)
    downloads = deferred_downloads(monkeypatch)
    app = opened(AppTest.from_file(APP, default_timeout=TIMEOUT))
    first, second = two_people()
    text = (f"Rail news\n\nVelm, 12 March 2024 - The Estarian rail operator restored the night train between Velm and "
            f"Ostra on Tuesday.\n\n{first} met {second} in Geneva on Tuesday, 12 March 2024, to discuss trade.\n")
    app.file_uploader(key="uploads").set_value(("rail.txt", text.encode(), "text/plain")).run()
    assert not app.exception and not app.error
    box = app.checkbox(key="guesses")
    assert box.value and box.label == "Show guesses" and "no rule reads" in box.help
    assert list(app.dataframe[0].value["Found by"]).count("lead verb") == 1
    before, rows = drawn_ids(app), len(app.dataframe[0].value)
    app.checkbox(key="guesses").uncheck().run()
    assert not app.exception
    assert "lead verb" not in list(app.dataframe[0].value["Found by"]) and len(app.dataframe[0].value) == rows - 1
    assert param(app, "guesses") == ["0"] and any("1 guess hidden" in c.value for c in app.caption)
    png_name = next(name for name in reversed(list(downloads)) if name.endswith(".png"))
    assert "noguesses" in png_name
    downloads[png_name]()
    assert drawn[-1].layout.title.text.endswith(" · guesses hidden")
    (guess,) = before - drawn_ids(app)
    app.button(key="reset").click().run()
    assert app.checkbox(key="guesses").value and drawn_ids(app) == before and "guesses" not in app.query_params
    app.selectbox(key="event").set_value(guess).run()
    assert not app.exception
    assert any("Guessed from the article's lead, which no rule reads" in i.value for i in app.info)
