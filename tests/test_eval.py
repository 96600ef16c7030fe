"""Scoring against a gold file, and the parse/eval commands end to end."""

import itertools
import json
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from timeline.evaluate import assign, date_ok, evaluate, render
from timeline.models import Event
from timeline.settings import PROJECT_DIR

FIXTURES = Path(__file__).parent / "fixtures"


def _gold(gid, event_type="meeting", day=None, window=None, actors=("Ann Example", "Bo Sample"), required=True,
          evidence="On Monday Ann Example met Bo Sample in Oslo.", also=()):
    return {"id": gid, "article": "a.txt", "event_type": event_type, "date": day, "date_window": window,
            "required": required, "actors": list(actors), "evidence": evidence, "also_accept_types": list(also)}


def _event(eid, event_type="meeting", day=None, actors=("Ann Example", "Bo Sample"),
           evidence="On Monday Ann Example met Bo Sample in Oslo.", article="a.txt"):
    return Event(eid, article, article, event_type, "t", day, None, "day" if day else "unknown", "b", tuple(actors),
                 tuple(actors), None, evidence, 0, len(evidence), 0.9)


def test_found_missed_and_extra_events_are_counted():
    gold = [_gold("g1", day="2024-05-06"), _gold("g2", event_type="call", evidence="They spoke by phone later.",
                                                  actors=("Cy Person",))]
    events = [_event("e1", day=date(2024, 5, 6)), _event("e2", event_type="visit", evidence="Unrelated visit.")]
    report = evaluate(gold, events)
    assert report.figures["required_found"] == 1
    assert [g["id"] for g in report.misses] == ["g2"]
    assert [e.id for e in report.extras] == ["e2"]
    assert report.figures["precision"] == 0.5
    assert report.figures["dated_required_right_day"] == 1
    assert "misses (required gold events not found): 1" in render(report)


def test_an_extra_that_a_fallback_guessed_says_how_and_a_rule_event_says_nothing():
    from dataclasses import replace

    events = [replace(_event("e1", event_type="visit", evidence="Unrelated visit."), found_by="body"),
              _event("e2", event_type="call", evidence="An unrelated call.")]
    lines = [line for line in render(evaluate([_gold("g1")], events)).splitlines() if "unrelated" in line.lower()]
    assert len(lines) == 2
    assert "(guessed: body)" in lines[0] and "guessed" not in lines[1]


def test_found_dated_events_are_split_into_right_wrong_and_no_day():
    gold = [_gold("g1", day="2024-05-06"), _gold("g2", day="2024-05-07", evidence="Cy Person met Di Other on Tuesday."),
            _gold("g3", day="2024-05-08", evidence="Ed Third visited Rome."), _gold("g4", day="2024-05-09", evidence="Fay met Gus.")]
    events = [_event("e1", day=date(2024, 5, 6)), _event("e2", day=date(2024, 5, 1), evidence=gold[1]["evidence"]),
              _event("e3", evidence=gold[2]["evidence"], event_type="meeting")]
    figures = evaluate(gold, events).figures
    assert (figures["dated_required_found"], figures["dated_required_right_day"], figures["dated_required_wrong_day"],
            figures["dated_required_no_day"], figures["dated_required_total"]) == (3, 1, 1, 1, 4)
    assert "of the 3 found: 1 on a wrong day, 1 with no day" in render(evaluate(gold, events))


def test_also_accepted_types_match():
    report = evaluate([_gold("g1", event_type="conference", also=("speech",))], [_event("e1", event_type="speech")])
    assert report.figures["gold_found"] == 1


def test_predictions_for_articles_without_gold_are_not_scored():
    report = evaluate([_gold("g1")], [_event("e1"), _event("e2", article="other.txt")])
    assert report.figures["predictions"] == 1 and report.figures["ignored_predictions"] == 1


def test_undated_gold_accepts_no_day_or_a_day_inside_the_window():
    gold = _gold("g", window=["2024-05-01", "2024-05-07"])
    assert date_ok(gold, _event("a"))
    assert date_ok(gold, _event("b", day=date(2024, 5, 3)))
    assert not date_ok(gold, _event("c", day=date(2024, 5, 9)))
    assert not date_ok(_gold("d", day="2024-05-06"), _event("e"))


def test_actor_scores_compare_names_without_accents():
    report = evaluate([_gold("g", actors=("Zoë Brontë",))], [_event("e", actors=("Zoe Bronte", "X Y"))])
    assert report.figures["actor_recall"] == 1.0 and report.figures["actor_precision"] == 0.5


def _run(*args):
    return subprocess.run([sys.executable, "-m", "timeline", *args], cwd=PROJECT_DIR, capture_output=True, text=True)


def test_eval_command_prints_the_figures_as_json():
    result = _run("eval", "--json", "--gold", str(FIXTURES / "news_gold.jsonl"), str(FIXTURES / "news"))
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["recall_required"] == 1.0


def test_parse_command_writes_jsonl_and_a_summary():
    result = _run("parse", str(FIXTURES / "news" / "call_paris.txt"))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["article"] == "call_paris.txt" for r in records)
    assert "read 1 article" in result.stderr


def test_parse_command_merged_csv_to_a_file(tmp_path):
    out = tmp_path / "t.csv"
    result = _run("parse", "--merged", "-o", str(out), str(FIXTURES / "news"))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("id,event_type,title")


def test_missing_input_and_bad_date_are_clear_errors_not_tracebacks():
    missing = _run("parse", "no/such/folder")
    assert missing.returncode == 2 and "no such file" in missing.stderr and "Traceback" not in missing.stderr
    bad = _run("parse", "--published", "yesterday", str(FIXTURES / "news"))
    assert bad.returncode != 0 and "Traceback" not in bad.stderr


def test_bad_gold_lines_are_skipped_by_number_and_the_rest_is_scored(tmp_path):
    good = (FIXTURES / "news_gold.jsonl").read_text(encoding="utf-8").splitlines()
    bad = ['{"article": "call_paris.txt"', '"a string"', '{"event_type": "meeting"}',
           '{"article": "call_paris.txt", "event_type": "call", "date_window": ["soon", null]}']
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\ufeff" + "\n".join([good[0], *bad, *good[1:]]) + "\n", encoding="utf-8")  # with a BOM
    result = _run("eval", "--json", "--gold", str(gold), str(FIXTURES / "news"), str(tmp_path / "missing"))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert json.loads(result.stdout)["recall_required"] == 1.0
    assert "skipped gold line 2: not valid JSON" in result.stderr
    assert "skipped gold line 3: not a JSON object but str" in result.stderr
    assert "skipped gold line 4: no 'article'" in result.stderr
    assert "skipped gold line 5: a date that is not YYYY-MM-DD" in result.stderr
    assert "missing: no such file or folder" in result.stderr  # one missing path of two: skipped, not fatal
    nothing = _run("eval", "--gold", str(tmp_path / "none.jsonl"), str(FIXTURES / "news"))
    assert nothing.returncode == 2 and "no such file or folder" in nothing.stderr


def test_eval_says_when_gold_articles_were_not_among_the_inputs():
    one = FIXTURES / "news" / "call_paris.txt"
    result = _run("eval", "--json", "--gold", str(FIXTURES / "news_gold.jsonl"), str(one))
    assert result.returncode == 0, result.stderr
    assert "note: 17 of the gold file's 18 articles were not read" in result.stderr
    assert "call_paris.txt" not in result.stderr.split("missed:")[1]


def test_render_lists_the_actor_differences_of_matched_events():
    report = evaluate([_gold("g", actors=("Ann Example", "Bo Sample"))], [_event("e", actors=("Ann Example", "Cy Person"))])
    text = render(report)
    assert "actor differences on matched events (missing -, extra +): 1" in text
    assert "g: -Bo Sample +Cy Person" in text


def test_a_prediction_goes_to_the_required_event_when_an_optional_one_shares_its_sentence():
    sentence = "Police dismantled the Example gang's servers on Monday, and the gang's site went dark."
    optional = _gold("g-opt", event_type="operation", evidence=sentence, required=False, also=("incident",))
    required = _gold("g-req", event_type="incident", evidence=sentence, actors=("Example gang",))
    events = [_event("e1", event_type="incident", evidence=sentence, actors=("Police", "Example gang"))]
    report = evaluate([optional, required], events)
    assert report.figures["required_found"] == 1
    assert report.misses == []


def test_the_assignment_finds_the_most_pairs_where_the_closest_first_would_not():
    # e1 is closest to g1, but only e1 can match g2: a greedy pairing would find one event, the optimum two.
    g1 = _gold("g1", evidence="Ann Example met Bo Sample in Oslo on Monday.")
    g2 = _gold("g2", event_type="call", evidence="Cy Person phoned her later.", actors=("Cy Person",),
               also=("meeting",))
    e1 = _event("e1", evidence="Ann Example met Bo Sample in Oslo on Monday.", actors=("Cy Person", "Ann Example"))
    e2 = _event("e2", evidence="Ann Example and Bo Sample held talks.", actors=("Ann Example", "Bo Sample"))
    report = evaluate([g1, g2], [e1, e2])
    assert sorted((m.gold["id"], m.event.id) for m in report.matches) == [("g1", "e2"), ("g2", "e1")]


@pytest.mark.parametrize("seed", range(30))
def test_assign_gives_the_largest_total_weight(seed):
    rng = random.Random(seed)
    rows, cols = rng.randint(1, 5), rng.randint(1, 5)
    weights = [[rng.choice([0.0, 0.0, rng.uniform(1, 10)]) for _ in range(cols)] for _ in range(rows)]
    cells = assign(weights)
    assert len({r for r, _ in cells}) == len(cells) == len({c for _, c in cells})
    assert all(weights[r][c] > 0 for r, c in cells)
    best = max(sum(weights[r][c] for r, c in enumerate(perm) if r < rows and c < cols)
               for perm in itertools.permutations(range(max(rows, cols))))
    assert abs(sum(weights[r][c] for r, c in cells) - best) < 1e-9


def test_names_written_without_their_special_letters_still_match():
    from timeline.evaluate import fold
    assert fold("Czesław Łukasz Søren Đorđe") == fold("Czeslaw Lukasz Soren Dorde")
    assert fold("Ana Bhutto-Zardari") == fold("Ana  Bhutto Zardari")
    assert fold("Ana") != fold("Anna")
    assert fold("Dara O\u2019Neil") == fold("Dara O'Neil")


def test_a_gold_name_that_is_a_gazetteer_alias_is_scored_as_the_canonical_name():
    from timeline.evaluate import canonical_names, with_canonical_names
    from timeline.models import Actor
    actors = [Actor("sam", "Sam Example", "person", aliases=("S. Example",)),
              Actor("a", "Ann One", "person", aliases=("A. Shared",)), Actor("b", "Ann Two", "person", aliases=("A. Shared",))]
    gold = with_canonical_names([_gold("g1", actors=("S. Example", "A. Shared", "Bo Sample"))], canonical_names(actors))
    assert gold[0]["actors"] == ["Sam Example", "A. Shared", "Bo Sample"]
    report = evaluate(gold, [_event("e1", actors=("Sam Example", "Bo Sample"))])
    assert report.figures["actor_recall"] == round(2 / 3, 3)


def test_background_mentions_are_set_aside_unless_asked():
    from dataclasses import replace

    history = replace(_event("e2", "agreement", date(2019, 1, 1), evidence="They signed a treaty in 2019."),
                      background=True)
    gold = [_gold("g1", day="2024-03-04"), _gold("g2", "agreement", required=False,
                                                 evidence="They signed a treaty in 2019.")]
    events = [_event("e1", day=date(2024, 3, 4)), history]
    shown = evaluate(gold, events)
    assert shown.figures["background_set_aside"] == 1 and shown.figures["predictions"] == 1
    assert shown.figures["gold_found"] == 1 and "background mentions set aside: 1" in render(shown)
    counted = evaluate(gold, events, with_background=True)
    assert counted.figures["background_set_aside"] == 0 and counted.figures["gold_found"] == 2


HISTORY = ("Talks in Velm\n\nThe foreign ministers of Norland and Vesteria met in Velm on Monday, 4 March 2024. "
           "The two countries signed a trade treaty in 2019.\n")


def test_parse_writes_the_flag_and_no_background_leaves_it_out(tmp_path):
    (tmp_path / "velm.txt").write_text(HISTORY, encoding="utf-8")
    every = _run("parse", "--no-cache", "--published", "2024-03-10", str(tmp_path / "velm.txt"))
    assert every.returncode == 0, every.stderr
    assert [json.loads(line)["background"] for line in every.stdout.splitlines()] == [False, True]
    for options in ((), ("--merged",), ("--format", "csv")):
        news = _run("parse", "--no-cache", "--no-background", "--published", "2024-03-10", *options,
                    str(tmp_path / "velm.txt"))
        assert news.returncode == 0, news.stderr
        assert "2019" not in news.stdout and "1 background mention(s) left out" in news.stderr


def test_eval_sets_background_aside_unless_with_background(tmp_path):
    (tmp_path / "velm.txt").write_text(HISTORY, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "article": "velm.txt", "event_type": "meeting", "date": "2024-03-04",
                                "required": True, "actors": [], "evidence": "The foreign ministers met in Velm"})
                    + "\n", encoding="utf-8")
    default = _run("eval", "--no-cache", "--json", "--gold", str(gold), str(tmp_path / "velm.txt"))
    counted = _run("eval", "--no-cache", "--json", "--with-background", "--gold", str(gold), str(tmp_path / "velm.txt"))
    assert default.returncode == 0 and counted.returncode == 0, default.stderr + counted.stderr
    default, counted = json.loads(default.stdout), json.loads(counted.stdout)
    assert (default["background_set_aside"], default["predictions"]) == (1, 1)
    assert (counted["background_set_aside"], counted["predictions"]) == (0, 2)


def test_a_saved_parse_scores_as_the_live_one(tmp_path):
    saved = tmp_path / "events.jsonl"
    assert _run("parse", "-o", str(saved), str(FIXTURES / "news")).returncode == 0
    live = _run("eval", "--json", "--no-cache", "--gold", str(FIXTURES / "news_gold.jsonl"), str(FIXTURES / "news"))
    stored = _run("eval", "--json", "--gold", str(FIXTURES / "news_gold.jsonl"), "--events", str(saved))
    assert stored.returncode == 0, stored.stderr
    assert json.loads(stored.stdout) == json.loads(live.stdout)


def test_a_second_annotators_gold_is_scored_as_predictions(tmp_path):
    """Every record of the other file is a prediction, required or not; a different type, a name written as one
    of the gazetteer's aliases and a day off by one show as what they are."""
    first = [json.loads(line) for line in (FIXTURES / "news_gold.jsonl").read_text(encoding="utf-8").splitlines()]
    second = [dict(g) for g in first[:-1]]  # the second annotator left the last record out
    second[0] = {**second[0], "event_type": "other" if second[0]["event_type"] != "other" else "meeting"}
    dated = next(i for i, g in enumerate(second) if i and g.get("date"))
    second[dated] = {**second[dated], "date": date.fromordinal(date.fromisoformat(second[dated]["date"]).toordinal()
                                                                + 1).isoformat()}
    other = tmp_path / "second.jsonl"
    other.write_text("".join(json.dumps(g) + "\n" for g in second), encoding="utf-8")
    result = _run("eval", "--gold", str(FIXTURES / "news_gold.jsonl"), "--events", str(other))
    assert result.returncode == 0, result.stderr
    required = sum(g.get("required", True) for g in first)
    lost = sum(g.get("required", True) for g in (first[0], first[-1]))
    assert f"required events found: {required - lost}/{required}" in result.stdout
    assert f"predictions scored: {len(second)}" in result.stdout
    assert f"{first[dated]['id']}: gold {first[dated]['date']}" in result.stdout.split("wrong days:")[1]
    assert f"extras (predictions matching no gold event): 1\n  - [{second[0]['event_type']}]" in result.stdout


def test_bad_event_lines_are_skipped_by_number_and_a_merged_file_is_named(tmp_path):
    good = (FIXTURES / "news_gold.jsonl").read_text(encoding="utf-8").splitlines()
    merged = json.dumps({"id": "t1", "event_type": "call", "title": "A call", "sources": [{"article": "a.txt"}]})
    events = tmp_path / "events.jsonl"
    events.write_text("\n".join([merged, '{"article": "call_paris.txt", "event_type": "call"}', *good]) + "\n",
                      encoding="utf-8")
    result = _run("eval", "--json", "--gold", str(FIXTURES / "news_gold.jsonl"), "--events", str(events))
    assert result.returncode == 0 and json.loads(result.stdout)["recall_required"] == 1.0, result.stderr
    assert "skipped events line 1: a merged timeline event (parse --merged)" in result.stderr
    assert "skipped events line 2: no 'evidence'" in result.stderr


def test_eval_takes_articles_or_an_events_file_and_says_so_otherwise(tmp_path):
    gold = str(FIXTURES / "news_gold.jsonl")
    for args in ([], ["--events", gold, str(FIXTURES / "news")]):
        result = _run("eval", "--gold", gold, *args)
        assert result.returncode == 2 and "one of the two" in result.stderr and "Traceback" not in result.stderr
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    result = _run("eval", "--gold", gold, "--events", str(empty))
    assert result.returncode == 2 and "no event in" in result.stderr
    one = tmp_path / "one.jsonl"
    one.write_text((FIXTURES / "news_gold.jsonl").read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    result = _run("eval", "--gold", gold, "--events", str(one))
    assert result.returncode == 0 and "articles have no event in" in result.stderr
