"""`python -m timeline bench --quick` runs end to end and prints its table (no timing assertions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import benchmark
from timeline.cli import main
from timeline.models import Article

TESTS = Path(__file__).resolve().parent
ROWS = ("full parse, 1 process", "search_dates, same articles", "full parse vs search_dates", "--workers 2 vs 1",
        "unchanged corpus re-parsed", "peak RSS, 300 articles streamed", "chart build, 1,000 events",
        "CPU of 2 forked processes parsing the same 10 articles at once")


def _table(output: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip("|").split("|")] for line in output.splitlines() if line.startswith("| ")]


def test_quick_bench_prints_every_figure_in_one_table(capsys, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(TESTS))  # the streaming child imports the stand-in parse too
    assert main(["bench", "--quick", "--no-png", "--parse", "test_parallel:stand_in_parse"]) == 0
    output = capsys.readouterr().out
    assert "cores" in output.splitlines()[1]
    table = _table(output)
    assert table[0] == ["measure", "result", "target", "met"]
    for name in ROWS:
        assert any(row[0].startswith(name) for row in table), name
    assert "OUTPUT DIFFERS" not in output
    assert all(row[3] in ("", "yes", "NO", "n/a") for row in table[1:])


def test_quick_bench_with_the_real_pipeline_and_a_profile(capsys):
    pytest.importorskip("timeline.pipeline")
    assert main(["bench", "--quick", "--profile", "--articles", "12", "--stream-articles", "40"]) == 0
    output = capsys.readouterr().out
    assert "identical output" in output and "OUTPUT DIFFERS" not in output
    assert "## Profile" in output and "CPU time by stage" in output
    profile = output[output.index("## Profile"):]
    stages = [row for row in _table(profile) if row[0] in benchmark_stages()]
    assert stages and abs(sum(float(row[1].rstrip("%")) for row in stages) - 100) < 1
    assert any(row[0].startswith("warm PNG export") for row in _table(output))


def benchmark_stages() -> tuple[str, ...]:
    from timeline.stageprofile import ORDER
    return ORDER


def test_a_stack_takes_the_stage_of_its_innermost_stage_module_and_inference_keeps_what_it_calls():
    from timeline.stageprofile import stage_of
    assert stage_of(["temporal/tagger.py", "events.py", "pipeline.py"]) == "tagger"
    assert stage_of(["prefilter.py", "triggers.py", "events.py"]) == "triggers/events"
    assert stage_of(["temporal/tagger.py", "reading/inference.py", "jobs.py"]) == "publication date"
    assert stage_of(["parallel.py", "jobs.py"]) == "other" and stage_of([]) == "other"


def test_the_profile_counts_cpu_time_not_waiting():
    import time

    from timeline import stageprofile

    def run():
        time.sleep(0.3)
        end = time.process_time() + 0.1
        while time.process_time() < end:
            pass

    found = stageprofile.profile(run)
    assert 0.09 < found.cpu < 0.25 and found.samples > 0 and found.sampled <= found.cpu + 0.01
    assert "| other | 100.0% |" in stageprofile.report(found, 1)


def test_the_corpus_varies_publication_dates_and_ids_and_reads_timeml_text(settings):
    sources = benchmark.source_articles(settings)
    articles = list(benchmark.bench_articles(sources, 3 * len(sources)))
    assert len({a.published for a in articles}) == len(articles)
    assert len({a.id for a in articles}) == len(articles)
    timeml = [a for a in sources if a.name.endswith(".tml")]
    assert all("<" not in a.text and "TIMEX3" not in a.text for a in timeml)


def test_timeml_documents_give_their_text_without_tags(tmp_path):
    (tmp_path / "d.tml").write_text("<TimeML><TITLE>A &amp; B</TITLE><TEXT>Talks on <TIMEX3 tid='t1'>Monday"
                                    "</TIMEX3> ended.</TEXT></TimeML>", encoding="utf-8")
    (article,) = benchmark._timeml(tmp_path)
    assert (article.title, article.text) == ("A & B", "Talks on Monday ended.")


def test_synthetic_events_are_deterministic_and_sized():
    events = benchmark.synthetic_events(500)
    assert len(events) == 500 and events == benchmark.synthetic_events(500)
    assert any(e.date is None for e in events) and any(e.date_end for e in events)


def test_search_dates_figure_counts_what_it_found():
    from datetime import date

    article = Article(id="x", name="x", title="", text="They met on 19 September 2023.", published=date(2023, 9, 20))
    figures = benchmark.measure_search_dates([article])
    assert figures["articles"] == 1 and figures["found"] >= 1


def test_side_by_side_figure_times_each_forked_process_alone_and_together():
    from test_parallel import stand_in_parse

    from timeline.settings import Settings

    articles = [Article(id=f"a{i}", name=f"a{i}", title="", text="Talks on Monday.") for i in range(3)]
    figures = benchmark.measure_together(articles, Settings(), stand_in_parse, copies=2, rounds=1)
    assert figures["copies"] == 2 and figures["alone_cpu"] >= 0 and figures["together_cpu"] >= 0
    assert figures["ratio"] == pytest.approx(figures["together_cpu"] / max(figures["alone_cpu"], 1e-9))


def test_the_warm_up_leaves_no_rule_pattern_to_compile_while_the_parse_is_timed():
    from timeline.prefilter import compile_pending
    from timeline.settings import Settings

    settings = Settings()
    articles = list(benchmark.bench_articles(benchmark.source_articles(settings), 2))
    benchmark.warm_up(articles, settings, benchmark.resolve_parse("timeline.parallel:pipeline_parse"))
    assert compile_pending() == 0
