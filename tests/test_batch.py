"""batch.stream_outputs: the parse command's path gives the same outputs cold, warm, on workers and on Dask,
and the file-level cache is never used where its answer could be wrong."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline import batch
from timeline.batch import stream_outputs
from timeline.cache import ParseCache
from timeline.models import Article, ParsedArticle, Timex
from timeline.pipeline import parse_corpus
from timeline.settings import PROJECT_DIR, Settings

SETTINGS = Settings()
NEWS = PROJECT_DIR / "tests" / "fixtures" / "news"
UNDATED = "Talks in Geneva\n\nThe two foreign ministers met on September 19 in Geneva to discuss the border.\n"


def stand_in_parse(article: Article, settings: Settings) -> ParsedArticle:
    """A quick parse (every run of digits is a Timex); 'boom' raises."""
    if "boom" in article.text:
        raise ValueError("boom")
    import re

    timexes = tuple(Timex(m.start(), m.end(), m.group(), "DATE", m.group(), article.published, None, "year")
                    for m in re.finditer(r"\d+", article.text))
    return ParsedArticle(article, timexes)


class Counting:
    """The stand-in parse, counting the articles it parses (inline engine only)."""

    def __init__(self):
        self.names: list[str] = []

    def __call__(self, article, settings):
        self.names.append(article.name)
        return stand_in_parse(article, settings)


def _dated(name: str, day: str, text: str = "Officials met to talk about the border.") -> tuple[str, str]:
    return name, json.dumps({"title": name, "published": day, "text": text})


def _corpus(folder: Path, files: list[tuple[str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files:
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _mixed(folder: Path) -> Path:
    """Dated JSON articles, an undated text, a record file with a bad record, an empty and an unsupported file."""
    records = "\n".join([json.dumps({"text": "Record one about the 2021 summit.", "date": "2021-06-01"}),
                         "{not json", json.dumps({"text": "Record three, undated, talks on May 4."})])
    return _corpus(folder, [_dated("a.json", "2023-09-20"), _dated("b.json", "2023-10-02"), ("u.txt", UNDATED),
                            ("records.jsonl", records), ("empty.txt", ""), ("image.png", "binary?"),
                            ("boom.txt", "Headline\n\nThis one goes boom in 2020.\n")])


def _run(folder: Path, cache: ParseCache | None = None, parse=stand_in_parse, **engine) -> list:
    return list(stream_outputs([folder], SETTINGS, cache=cache, parse=parse, **engine))


def _entries(outputs) -> list:
    return [(o.name, o.reason, o.text(), o.entry and o.report_entry()) for o in outputs]


def test_outputs_are_the_events_and_articles_of_parse_corpus():
    corpus = parse_corpus([NEWS])
    outputs = list(stream_outputs([NEWS], SETTINGS))
    events = [e for o in outputs for e in o.event_records()]
    assert tuple(events) == corpus.events
    assert [o.report_entry()["id"] for o in outputs if o.reason is None] == [a.id for a in corpus.articles]
    assert [o.rejected for o in outputs if o.reason] == list(corpus.rejected)


def test_cold_warm_no_cache_and_two_workers_give_the_same_outputs(tmp_path):
    folder = _mixed(tmp_path / "in")
    plain = _entries(_run(folder))
    assert any(reason for _, reason, _, _ in plain) and any(entry for *_, entry in plain)
    with ParseCache(tmp_path / "c", "v1") as cache:
        assert _entries(_run(folder, cache)) == plain
        assert _entries(_run(folder, cache)) == plain
        assert _entries(_run(folder, cache, workers=2)) == plain
    assert _entries(_run(folder, workers=2)) == plain


def test_a_warm_run_parses_nothing_and_a_changed_file_is_parsed_again(tmp_path):
    folder = _mixed(tmp_path / "in")
    with ParseCache(tmp_path / "c", "v1") as cache:
        first = Counting()
        cold = _entries(_run(folder, cache, parse=first))
        again = Counting()
        assert _entries(_run(folder, cache, parse=again)) == cold
        assert again.names == []
        (folder / "a.json").write_text(_dated("a.json", "2023-09-20", "Officials met again in 2024.")[1])
        changed = Counting()
        outputs = _entries(_run(folder, cache, parse=changed))
    assert changed.names == ["a.json"]
    assert outputs == _entries(_run(folder))


def test_an_undated_article_is_dated_again_when_the_corpus_reference_date_moves(tmp_path):
    folder = _corpus(tmp_path / "in", [_dated("a.json", "2023-09-20"), _dated("b.json", "2023-10-02"),
                                       ("u.txt", UNDATED)])
    with ParseCache(tmp_path / "c", "v1") as cache:
        before = {o.name: o.report_entry()["published"] for o in _run(folder, cache)}
        _corpus(folder, [_dated("c.json", "2019-09-20"), _dated("d.json", "2019-10-01")])  # median now 2019
        counting = Counting()
        after = _run(folder, cache, parse=counting)
    assert before["u.txt"] == "2023-09-19"
    assert {o.name: o.report_entry()["published"] for o in after}["u.txt"] == "2019-09-19"
    assert _entries(after) == _entries(_run(folder))
    assert counting.names == ["c.json", "d.json", "u.txt"]


def test_a_large_record_file_read_here_is_cached_and_an_appended_record_alone_is_parsed(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "WHOLE_FILE_BYTES", 10)  # every record file is read here, record by record
    lines = [json.dumps({"text": f"Report {i} on the talks.", "date": f"2022-01-{i + 1:02d}"}) for i in range(20)]
    folder = _corpus(tmp_path / "in", [("feed.jsonl", "\n".join(lines) + "\n"), ("x.txt", UNDATED)])
    with ParseCache(tmp_path / "c", "v1") as cache:
        cold = _entries(_run(folder, cache, chunk_size=2))
        warm = Counting()
        assert _entries(_run(folder, cache, parse=warm, chunk_size=2)) == cold
        assert warm.names == []
        (folder / "feed.jsonl").write_text("\n".join(lines) + "\n" + json.dumps({"text": "Report 20.", "date": "2022-01-21"}) + "\n")
        appended = Counting()
        outputs = _entries(_run(folder, cache, parse=appended, chunk_size=2))
    # the other records come from the article-level cache; x.txt's date basis names the corpus date, which moved
    assert appended.names == ["feed.jsonl#21", "x.txt"]
    assert outputs == _entries(_run(folder, chunk_size=2))
    assert len(outputs) == 22


def test_an_incomplete_file_entry_is_not_used(tmp_path):
    folder = _corpus(tmp_path / "in", [_dated("a.json", "2023-09-20")])
    with ParseCache(tmp_path / "c", "v1") as cache:
        cold = _entries(_run(folder, cache))
        with cache._db:
            cache._db.execute("DELETE FROM items")  # a files row whose outputs are gone...
            cache._db.execute("DELETE FROM parsed")  # ...and no article-level entry either
        counting = Counting()
        assert _entries(_run(folder, cache, parse=counting)) == cold
    assert counting.names == ["a.json"]


def test_progress_counts_articles_up_to_the_total(tmp_path):
    folder = _mixed(tmp_path / "in")
    seen = []
    list(stream_outputs([folder], SETTINGS, parse=stand_in_parse, progress=lambda done, total: seen.append((done, total))))
    assert seen[0] == (0, 6) and seen[-1] == (6, 6)


def test_the_real_pipeline_on_the_samples_is_identical_on_two_workers_and_from_the_cache(sample_dir, tmp_path):
    single = _entries(stream_outputs([sample_dir], SETTINGS))
    assert sum(entry["events"] for *_, entry in single if entry) > 0
    assert _entries(stream_outputs([sample_dir], SETTINGS, workers=2)) == single
    with ParseCache(tmp_path, "v1") as cache:
        assert _entries(stream_outputs([sample_dir], SETTINGS, cache=cache, workers=2)) == single
        assert _entries(stream_outputs([sample_dir], SETTINGS, cache=cache)) == single


def test_dask_on_a_local_cluster_gives_the_outputs_of_one_process(local_cluster, tmp_path):
    folder = _mixed(tmp_path / "in")
    with ParseCache(tmp_path / "c", "v1") as cache:
        dask = _run(folder, cache, engine="dask", scheduler=local_cluster.scheduler_address)
        assert _entries(_run(folder, cache)) == _entries(dask)  # and its cache entries serve a local run
    assert _entries(dask) == _entries(_run(folder))


@pytest.mark.parametrize("keep", [0, batch.KEEP_CHARS])
def test_a_file_changed_between_the_two_passes_is_kept_under_the_bytes_parsed(tmp_path, monkeypatch, keep):
    """Re-read in pass 2 (keep 0), the second text is parsed; kept from pass 1, the first; either is stored
    under the digest of the bytes it came from."""
    monkeypatch.setattr(batch, "KEEP_CHARS", keep)
    first_text = _dated("a.json", "2023-09-20", "First text, 2020.")
    second_text = _dated("a.json", "2023-09-20", "Second text, 2021.")
    folder = _corpus(tmp_path / "in", [first_text])
    parsed_text = first_text if keep else second_text
    first_pass = batch._first_pass

    def then_change(*args):
        found = first_pass(*args)
        (folder / "a.json").write_text(second_text[1])
        return found

    with ParseCache(tmp_path / "c", "v1") as cache:
        monkeypatch.setattr(batch, "_first_pass", then_change)
        changed = _entries(_run(folder, cache))
        monkeypatch.setattr(batch, "_first_pass", first_pass)
        (folder / "a.json").write_text(parsed_text[1])
        assert changed == _entries(_run(folder))  # the text parsed
        again = Counting()
        assert _entries(_run(folder, cache, parse=again)) == changed and again.names == []
        (folder / "a.json").write_text((second_text if keep else first_text)[1])
        other = Counting()
        assert _entries(_run(folder, cache, parse=other)) == _entries(_run(folder))
    assert other.names == ["a.json"]


def test_files_read_in_the_first_pass_are_not_read_again_up_to_the_kept_size(tmp_path, monkeypatch):
    folder = _corpus(tmp_path / "in", [_dated(f"{i}.json", "2023-09-20", f"Text {i}, 2020.") for i in range(6)])
    reads = []
    from timeline import jobs
    original = jobs.read_file
    monkeypatch.setattr(jobs, "read_file", lambda name, *a: reads.append(name) or original(name, *a))
    whole = _entries(_run(folder))
    assert sorted(reads) == [f"{i}.json" for i in range(6)]  # once each: in pass 1, kept for pass 2
    reads.clear()
    monkeypatch.setattr(batch, "KEEP_CHARS", 20)  # room for about one file: the rest is read in pass 2
    assert _entries(_run(folder)) == whole and len(reads) > 6


def test_the_same_large_cached_file_given_twice_is_written_twice(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "WHOLE_FILE_BYTES", 10)
    lines = "".join(json.dumps({"text": f"Report {i} on the talks.", "date": "2022-01-01"}) + "\n" for i in range(70))
    one, two = _corpus(tmp_path / "one", [("feed.jsonl", lines)]), _corpus(tmp_path / "two", [("feed.jsonl", lines)])
    with ParseCache(tmp_path / "c", "v1") as cache:
        cold = _entries(stream_outputs([one, two], SETTINGS, cache=cache, parse=stand_in_parse))
        warm = _entries(stream_outputs([one, two], SETTINGS, cache=cache, parse=stand_in_parse))
    assert len(cold) == 140 and warm == cold


def test_a_parse_with_a_cache_keeps_the_happening_model_on_its_shelf_while_it_runs(tmp_path):
    from timeline import typeguess

    seen = []

    def looking(article, settings):
        seen.append(typeguess._SHELVES.get(settings.data_dir))
        return stand_in_parse(article, settings)

    folder = _corpus(tmp_path / "in", [_dated("a.json", "2023-09-20")])
    with ParseCache(tmp_path / "c", "v1") as cache:
        _run(folder, cache, parse=looking)
        assert seen == [cache.shelf()]
    assert typeguess._SHELVES.get(SETTINGS.data_dir) is None  # only while the parse runs
    _run(tmp_path / "in", parse=looking)
    assert seen[-1] is None  # no cache, no shelf: trained in the process


def test_a_worker_reads_the_happening_model_from_the_cache_and_gives_the_same_outputs_without_training(
        tmp_path, monkeypatch, sample_paths):
    """A worker that has not got the body fallback's happening model (a Dask worker, a process started rather than
    forked from the warmed-up parent) reads it from the cache's store of models: the outputs of a worker that had it,
    and no training."""
    from timeline import typeguess
    from timeline.jobs import FileTask, Warm, Worker
    from timeline.parallel import ChunkParser

    tasks = [FileTask(path.name, path) for path in sample_paths]
    with ParseCache(tmp_path / "c", "v1") as cache:
        where = (str(cache.folder), cache.version)
        cache.shelf().put(typeguess.HAPPENING, typeguess.dumps(typeguess.happening_model()))
        had_it = Worker(SETTINGS, None, where)(tasks)
        articles = [item for _, outputs, _ in had_it for item in outputs]
        parsed = ChunkParser(SETTINGS)([a for _, items in map(_read, tasks) for a in items if isinstance(a, Article)])
        monkeypatch.setattr(typeguess, "_happening_model", lambda data_dir: pytest.fail("trained in the worker"))
        typeguess.happening_model.cache_clear()
        try:
            assert Worker(SETTINGS, None, where)(tasks) == had_it and articles
            assert typeguess.happening_model.cache_info().misses == 1  # the samples ask it: read from the shelf
            typeguess.happening_model.cache_clear()
            Warm(SETTINGS, where)()  # a started worker's initializer
            typeguess.happening_model.cache_clear()
            read = [a for _, items in map(_read, tasks) for a in items if isinstance(a, Article)]
            assert ChunkParser(SETTINGS, shelf=cache.shelf())(read) == parsed  # parse_stream's workers (the app's)
        finally:
            typeguess.happening_model.cache_clear()


def _read(task):
    from timeline.jobs import read_file

    return read_file(task.name, task.path, SETTINGS)


def test_a_parse_that_finds_every_file_cached_does_not_load_the_parser(tmp_path):
    """The parse command's new process, when the cache holds every file, writes the stored lines without importing the
    parser (its rules, gazetteer and models: the most of a new process's start): same output as the run that parsed."""
    import subprocess
    import sys

    from timeline.cli import main

    folder = _corpus(tmp_path / "in", [_dated("a.json", "2023-09-20", "The two foreign ministers met in Geneva.")])
    cold, warm = tmp_path / "cold.jsonl", tmp_path / "warm.jsonl"
    arguments = ["parse", "--cache-dir", str(tmp_path / "c"), str(folder), "-o"]
    assert main([*arguments, str(cold)]) == 0  # parsed here, and stored
    script = ("import sys\nfrom timeline.cli import main\nassert main(sys.argv[1:]) == 0\n"
              "print(sorted(m for m in ('timeline.pipeline', 'timeline.events', 'timeline.actors', 'timeline.merge')"
              " if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", script, *arguments, str(warm)], capture_output=True, text=True,
                         cwd=PROJECT_DIR, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]" and warm.read_bytes() == cold.read_bytes() and cold.read_bytes()


@pytest.mark.parametrize("keep", [batch.KEEP_CHARS, 0])
def test_a_record_file_of_many_articles_is_parsed_in_chunks_with_the_outputs_of_one_job(tmp_path, monkeypatch, keep):
    """Kept from pass 1 (keep) or read here (not kept, over SPLIT_BYTES): progress moves inside the file, the
    outputs are those of the file parsed in one job, and its cache entry is whole (a warm run parses nothing)."""
    lines = "".join(json.dumps({"text": f"Report {i} on the harbour talks.", "date": "2022-01-01"}) + "\n"
                    for i in range(150))
    folder = _corpus(tmp_path / "in", [("feed.jsonl", lines), ("x.txt", UNDATED)])
    one_job = _entries(_run(folder, chunk_size=1000))  # 150 articles fit one job of 4 x 1000
    monkeypatch.setattr(batch, "KEEP_CHARS", keep)
    monkeypatch.setattr(batch, "SPLIT_BYTES", 100)
    seen = []
    assert _entries(_run(folder, progress=lambda done, total: seen.append(done))) == one_job
    assert seen == [0, 64, 128, 150, 151]  # chunks of 4 x FILES_PER_JOB articles, then x.txt
    assert _entries(_run(folder, workers=2)) == one_job
    with ParseCache(tmp_path / "c", "v1") as cache:
        assert _entries(_run(folder, cache)) == one_job
        warm = Counting()
        assert _entries(_run(folder, cache, parse=warm)) == one_job and warm.names == []
