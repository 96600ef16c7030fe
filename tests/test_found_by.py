"""How each event was found (``Event.found_by``): a trigger rule, or the fallback of timeline/leads.py that guessed
it; carried by every output, the merged timeline, ``why`` and the app's filters."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest
import yaml

from timeline.actors.gazetteer import load_gazetteer
from timeline.export import FORMATS, read_records, write_records
from timeline.filters import Filters
from timeline.frame import table_view, to_csv, to_frame
from timeline.merge import merge_events
from timeline.models import FOUND_BY, RULE, Article, Event
from timeline.outputs import of_parsed
from timeline.pipeline import parse_article
from timeline.settings import DATA_DIR, Settings

# A lead no trigger rule reads (a night train restored: no rule names that), then a meeting a rule reads.
UNREAD_LEAD = ("The Estarian rail operator restored the night train between Velm and Ostra on Wednesday.\n\n"
               "Tickets went on sale at the stations.\n\n"
               "President Ana Moro met Prime Minister Ivo Sander in Velm on Tuesday.")


def _parsed(text: str, settings: Settings | None = None, published: date | None = date(2024, 5, 10)):
    settings = settings or Settings()
    article = Article(id="a", name="a.txt", title="", text=text, published=published)
    return parse_article(article, load_gazetteer(settings), settings)


def _events(text: str, settings: Settings | None = None) -> dict[str, Event]:
    return {e.trigger: e for e in _parsed(text, settings).events}


def test_a_lead_no_rule_reads_is_a_lead_verb_guess_and_a_rule_event_is_a_rule_s():
    events = _events(UNREAD_LEAD)
    assert events["restored"].found_by == "lead verb" and events["restored"].guessed
    assert events["met"].found_by == RULE and not events["met"].guessed
    assert set(FOUND_BY) == {RULE, "lead cues", "lead verb", "body"}


@pytest.fixture(scope="module")
def no_meeting_verbs(tmp_path_factory) -> Settings:
    """data/events.yaml without the meeting type's verb triggers: a lead worded by them is read by no rule."""
    folder = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(DATA_DIR, folder)
    vocabulary = yaml.safe_load((folder / "events.yaml").read_text(encoding="utf-8"))
    entry = vocabulary["types"]["meeting"]
    entry["triggers"] = [t for t in entry["triggers"] if t["form"] == "noun"]
    (folder / "events.yaml").write_text(yaml.safe_dump(vocabulary, allow_unicode=True), encoding="utf-8")
    return Settings(data_dir=folder)


def test_a_lead_whose_broad_cues_name_the_type_is_a_lead_cues_guess(no_meeting_verbs):
    text = "Quellish President Ana Moro accredited five new ambassadors at the palace in Velm.\n\nThe envoys are new."
    events = _parsed(text, no_meeting_verbs).events
    assert [(e.event_type, e.found_by) for e in events] == [("meeting", "lead cues")]


def test_a_body_sentence_no_rule_reads_is_a_body_guess(sure_model):
    text = ("Quellish President Ana Moro accredited five new ambassadors at the palace in Velm on Tuesday.\n\n"
            "Quellish President Ana Moro also inspected the new grain terminal in the port of Velm on Tuesday.")
    events = _events(text)
    assert events["inspected"].found_by == "body"
    assert all(e.found_by == RULE for trigger, e in events.items() if trigger != "inspected")


def test_a_guess_a_rule_s_mention_joins_is_a_rule_s(no_meeting_verbs):
    text = ("Quellish President Ana Moro accredited five new ambassadors at the palace in Velm.\n\n"
            "The meeting took place on Monday.")
    events = _parsed(text, no_meeting_verbs).events
    assert [(e.event_type, e.date, e.found_by) for e in events] == [("meeting", date(2024, 5, 6), RULE)]


def _event(event_id: str, article: str, found_by: str, confidence: float = 0.5) -> Event:
    return Event(event_id, article, article, "other", "Restored the night train", date(2024, 5, 8), None, "day",
                 "own date", ("Ana Moro",), ("new:ana-moro",), "Velm", "Ana Moro restored the night train.", 0, 35,
                 confidence, found_by=found_by)


def test_a_merged_event_is_a_rule_s_when_any_report_is_else_its_leading_guess_s():
    merged = merge_events([_event("x", "a.txt", "lead verb", 0.6), _event("y", "b.txt", RULE, 0.4)])
    assert [e.found_by for e in merged] == [RULE] and not merged[0].guessed
    merged = merge_events([_event("x", "a.txt", "lead verb", 0.6), _event("y", "b.txt", "body", 0.4)])
    assert [e.found_by for e in merged] == ["lead verb"] and merged[0].guessed


def test_the_parse_jsonl_carries_how_each_event_was_found():
    output = of_parsed(_parsed(UNREAD_LEAD), Settings())
    found = {row["trigger"]: row["found_by"] for row in map(json.loads, output.text().splitlines())}
    assert found == {"restored": "lead verb", "met": RULE}
    assert [e.found_by for e in output.event_records()] == ["lead verb", RULE]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_carries_found_by_and_an_older_file_reads_as_a_rule_s(tmp_path, fmt):
    events = [_event("x", "a.txt", "body"), _event("y", "a.txt", RULE)]
    path = tmp_path / f"events.{fmt}"
    write_records(events, fmt, path)
    assert [e.found_by for e in read_records(path)] == ["body", RULE]
    timeline = tmp_path / f"timeline.{fmt}"
    write_records(merge_events(events[:1]), fmt, timeline)
    assert [e.found_by for e in read_records(timeline)] == ["body"]
    if fmt == "jsonl":  # a file written before the field existed
        path.write_text("".join(json.dumps({k: v for k, v in json.loads(line).items() if k != "found_by"}) + "\n"
                                for line in path.read_text(encoding="utf-8").splitlines()), encoding="utf-8")
        assert [e.found_by for e in read_records(path)] == [RULE, RULE]


def test_the_frame_its_table_and_its_csv_carry_found_by():
    frame = to_frame(merge_events([_event("x", "a.txt", "body"), replace(_event("y", "b.txt", RULE), event_type="call")]))
    assert sorted(frame["found_by"]) == ["body", RULE]
    assert sorted(table_view(frame)["Found by"]) == ["body", RULE]
    assert sorted(pd.read_csv(io.BytesIO(to_csv(frame)))["found_by"]) == ["body", RULE]
    assert "found_by" in to_frame([]).columns


def test_the_filter_hides_guesses_counts_them_and_keeps_it_in_the_link():
    events = merge_events([_event("x", "a.txt", "lead verb"), replace(_event("y", "b.txt", RULE), event_type="call"),
                           replace(_event("z", "c.txt", "body"), event_type="visit")])
    frame = to_frame(events)
    assert len(Filters().apply(frame)) == 3 and Filters().hidden_guessed(frame) == 0
    rules_only = Filters(guesses=False)
    assert list(rules_only.apply(frame)["found_by"]) == [RULE]
    assert rules_only.hidden_guessed(frame) == 2
    assert rules_only.with_(types=("visit",)).hidden_guessed(frame) == 1  # only what the other filters show
    assert rules_only.to_query() == {"guesses": "0"} and Filters().to_query() == {}
    assert Filters.from_query(rules_only.to_query()) == rules_only
    assert Filters.from_query({"guesses": "maybe"}).guesses  # a bad value shows them
    assert rules_only.slug() == "timeline_noguesses"


def test_a_cache_written_before_events_said_how_they_were_found_is_not_read(tmp_path):
    from timeline.cache import FILE_NAME, ParseCache

    parsed = _parsed(UNREAD_LEAD)
    with ParseCache(tmp_path, "v1") as cache:
        cache.put_many([parsed])
        assert [e.found_by for e in cache.get_many([parsed.article])[0].events] == ["lead verb", RULE]
    with sqlite3.connect(tmp_path / FILE_NAME) as db:  # as a cache of schema 3 left it: its entries lack the field
        db.execute("UPDATE meta SET value = '3' WHERE name = 'schema'")
    db.close()
    with ParseCache(tmp_path, "v1") as cache:
        assert cache.get_many([parsed.article]) == [None]


def test_why_says_how_each_event_was_found(tmp_path, capsys):
    from timeline.cli import main

    page = tmp_path / "page.txt"
    page.write_text(UNREAD_LEAD + "\n", encoding="utf-8")
    assert main(["why", str(page), "restored the night train", "--published", "2024-05-10"]) == 0
    assert f"  how it was found: {FOUND_BY['lead verb']} (lead verb)" in capsys.readouterr().out
    assert main(["why", str(page), "met Prime Minister", "--published", "2024-05-10"]) == 0
    assert "  how it was found: found by a trigger rule (rule)" in capsys.readouterr().out
