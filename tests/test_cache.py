"""ParseCache: a content-hash keyed SQLite store that survives kills and forgets on rule changes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

from timeline.cache import FILE_NAME, ParseCache, parse_version
from timeline.models import Article, Event, ParsedArticle, Timex
from timeline.settings import PROJECT_DIR, Settings


def _parsed(i: int, published: date = date(2023, 9, 20)) -> ParsedArticle:
    article = Article(id=f"id{i}", name=f"a{i}.txt", title="T", text=f"Text {i} met on Monday.", published=published)
    timex = Timex(14, 20, "Monday", "DATE", "2023-09-18", date(2023, 9, 18), date(2023, 9, 18), "day")
    event = Event(f"e{i}", article.name, article.id, "meeting", "A meets B", date(2023, 9, 18), None, "day",
                  "Monday", ("A",), ("a",), None, article.text, 0, len(article.text), 0.8)
    return ParsedArticle(article, (timex,), (), (event,))


def test_stored_parses_come_back_equal_and_unknown_articles_miss(tmp_path):
    with ParseCache(tmp_path, "v1") as cache:
        assert cache.put_many(_parsed(i) for i in range(3)) == 3
        stranger = _parsed(9).article
        got = cache.get_many([_parsed(2).article, stranger, _parsed(0).article])
    assert got == [_parsed(2), None, _parsed(0)]


def test_a_different_publication_date_is_a_different_entry(tmp_path):
    with ParseCache(tmp_path, "v1") as cache:
        cache.put_many([_parsed(1)])
        assert cache.get_many([_parsed(1, published=date(2023, 9, 21)).article]) == [None]


def test_entries_persist_across_restarts(tmp_path):
    with ParseCache(tmp_path, "v1") as cache:
        cache.put_many([_parsed(1)])
    with ParseCache(tmp_path, "v1") as cache:
        assert cache.get_many([_parsed(1).article]) == [_parsed(1)]
        assert len(cache) == 1


def test_another_version_misses_and_prune_drops_old_entries(tmp_path):
    with ParseCache(tmp_path, "old") as cache:
        cache.put_many([_parsed(1), _parsed(2)])
    with ParseCache(tmp_path, "new") as cache:
        assert cache.get_many([_parsed(1).article]) == [None]
        cache.put_many([_parsed(3)])
        assert cache.prune() == 2
        assert len(cache) == 1


def _data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    (data / "articles").mkdir(parents=True)
    (data / "events.yaml").write_text("meeting:\n  triggers: [met]\n", encoding="utf-8")
    (data / "articles" / "x.txt").write_text("an article", encoding="utf-8")
    return data


def test_version_changes_with_a_rule_file_but_not_with_an_input_article(tmp_path):
    data = _data_dir(tmp_path)
    settings = Settings(data_dir=data)
    before = parse_version(settings)
    (data / "articles" / "x.txt").write_text("another article", encoding="utf-8")
    assert parse_version(settings) == before
    (data / "events.yaml").write_text("meeting:\n  triggers: [met, talks]\n", encoding="utf-8")
    assert parse_version(settings) != before


def test_version_changes_with_a_training_article_or_its_gold(tmp_path):
    data = _data_dir(tmp_path)
    (data / "training" / "set").mkdir(parents=True)
    (data / "training" / "set" / "01_a.txt").write_text("Officials met on Monday.", encoding="utf-8")
    (data / "training" / "set" / "gold.jsonl").write_text("", encoding="utf-8")
    settings = Settings(data_dir=data)
    before = parse_version(settings)
    (data / "training" / "set" / "gold.jsonl").write_text('{"article": "01_a.txt"}\n', encoding="utf-8")
    after_gold = parse_version(settings)
    (data / "training" / "set" / "01_a.txt").write_text("Officials met on Tuesday.", encoding="utf-8")
    assert len({before, after_gold, parse_version(settings)}) == 3


def test_version_follows_parse_settings_but_not_the_cache_folder(tmp_path):
    data = _data_dir(tmp_path)
    base = Settings(data_dir=data)
    assert parse_version(base.with_(cache_dir=tmp_path / "elsewhere")) == parse_version(base)
    assert parse_version(base.with_(fuzzy_threshold=70.0)) != parse_version(base)


def test_default_settings_give_a_cache_under_the_project(tmp_path):
    cache = ParseCache.for_settings(Settings(cache_dir=tmp_path / "c"))
    assert cache.path.parent == tmp_path / "c" and len(cache.version) == 32
    cache.close()
    from timeline.cache import DEFAULT_CACHE_DIR
    assert DEFAULT_CACHE_DIR == PROJECT_DIR / ".cache" / "timeline"


def test_an_unreadable_store_file_is_set_aside_and_replaced(tmp_path):
    (tmp_path / FILE_NAME).write_bytes(b"this is not a database" * 100)
    with ParseCache(tmp_path, "v1") as cache:
        cache.put_many([_parsed(1)])
        assert cache.get_many([_parsed(1).article]) == [_parsed(1)]
    assert (tmp_path / (FILE_NAME + ".unreadable")).exists()


def test_a_damaged_entry_is_a_miss_not_an_error(tmp_path):
    with ParseCache(tmp_path, "v1") as cache:
        cache.put_many([_parsed(1)])
        with sqlite3.connect(cache.path) as db:
            db.execute("UPDATE parsed SET value = ?", (b"garbage",))
        assert cache.get_many([_parsed(1).article]) == [None]


WRITER = textwrap.dedent(
    """
    import sys
    from datetime import date
    sys.path.insert(0, sys.argv[2])
    from timeline.cache import ParseCache
    from timeline.models import Article, ParsedArticle
    cache = ParseCache(sys.argv[1], "v1")
    i = 0
    while True:
        batch = [ParsedArticle(Article(id=str(i + k), name="n", title="", text="x" * 5000 + str(i + k)))
                 for k in range(200)]
        cache.put_many(batch)
        i += 200
        print(i, flush=True)
    """
)


def test_a_writer_killed_mid_write_leaves_a_consistent_store(tmp_path):
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(PROJECT_DIR)],
                              stdout=subprocess.PIPE, text=True)
    try:
        for _ in range(3):  # let a few batches commit, then kill it while it writes the next
            writer.stdout.readline()
        time.sleep(0.05)
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = db.execute("SELECT count(*) FROM parsed").fetchone()[0]
    assert count >= 600 and count % 200 == 0  # whole batches only
    with ParseCache(tmp_path, "v1") as cache:
        articles = [Article(id=str(i), name="n", title="", text="x" * 5000 + str(i)) for i in range(count)]
        assert all(p is not None for p in cache.get_many(articles))


# --- the file-level entries: a file's outputs by the hash of its name and bytes --------------------------

from timeline.cache import FileFacts  # noqa: E402
from timeline.outputs import Output, columns, of_parsed  # noqa: E402


def _outputs(*names: str) -> list[Output]:
    return [of_parsed(_parsed(i), Settings(), key=f"k{i}", blob=b"") for i, _ in enumerate(names)]


def test_a_file_entry_gives_back_its_outputs_dates_and_counts(tmp_path):
    with ParseCache(tmp_path, "v1") as cache:
        key = cache.file_key("a.jsonl", b"digest")
        outputs = [*_outputs("x", "y"), Output("a.jsonl#3", "record is not valid JSON")]
        cache.put_files([(key, outputs, FileFacts(3, 2, ("2023-09-20", "2023-09-21")))])
        assert [columns(o) for o in cache.get_outputs([key])[key]] == [columns(o) for o in outputs]
        assert cache.get_dates([key, "other"]) == {key: (2, ["2023-09-20", "2023-09-21"])}
        assert cache.get_usable([key], date(1999, 1, 1)) == {key: (3, 2)}  # no article depended on it
    assert outputs[0].event_records() == list(_parsed(0).events)


def test_a_file_whose_articles_were_dated_against_the_corpus_date_holds_for_that_date_only(tmp_path):
    with ParseCache(tmp_path, "v1") as cache:
        dated_against = cache.file_key("u.txt", b"1")
        undated = cache.file_key("v.txt", b"2")
        cache.put_files([(dated_against, _outputs("u"), FileFacts(1, 1, (), True, date(2023, 9, 20))),
                         (undated, _outputs("v"), FileFacts(1, 1, (), True, None))])
        assert set(cache.get_usable([dated_against, undated], date(2023, 9, 20))) == {dated_against}
        assert set(cache.get_usable([dated_against, undated], None)) == {undated}


def test_the_file_key_follows_the_name_the_bytes_and_the_version(tmp_path):
    with ParseCache(tmp_path, "v1") as one, ParseCache(tmp_path / "2", "v2") as two:
        keys = {one.file_key("a.txt", b"x"), one.file_key("b.txt", b"x"), one.file_key("a.txt", b"y"),
                two.file_key("a.txt", b"x")}
    assert len(keys) == 4


def test_writing_a_file_again_from_the_start_forgets_its_old_outputs(tmp_path):
    with ParseCache(tmp_path, "v1") as cache:
        key = cache.file_key("f.jsonl", b"d")
        cache.put_outputs(key, 0, _outputs("a", "b", "c"))
        cache.put_outputs(key, 0, _outputs("a"), FileFacts(1, 1, ()))
        assert cache.count_outputs(key, 3) == 1
        assert [columns(o) for o in cache.iter_outputs(key, 1)] == [columns(o) for o in _outputs("a")]


def test_prune_drops_the_file_entries_of_other_versions(tmp_path):
    with ParseCache(tmp_path, "old") as cache:
        cache.put_files([(cache.file_key("a", b""), _outputs("a"), FileFacts(1, 1, ()))])
    with ParseCache(tmp_path, "new") as cache:
        assert cache.prune() == 1
        assert cache._db.execute("SELECT count(*) FROM items").fetchone()[0] == 0


def test_a_reader_sees_the_stored_parses_and_is_none_without_a_store(tmp_path):
    assert ParseCache.reader(tmp_path / "nothing", "v1") is None
    with ParseCache(tmp_path, "v1") as cache:
        cache.put_many([_parsed(1)])
        reader = ParseCache.reader(tmp_path, "v1")
        assert reader.get_many([_parsed(1).article]) == [_parsed(1)]
        reader.close()


def test_version_follows_the_parsing_libraries(tmp_path, monkeypatch):
    from timeline import cache as caching

    settings = Settings(data_dir=_data_dir(tmp_path))
    before = parse_version(settings)
    monkeypatch.setattr(caching, "_library_versions", lambda: "python 3.11.7, dateparser 9.9")
    assert parse_version(settings) != before


def test_a_background_flag_is_stored_and_the_schema_change_gives_a_new_version(tmp_path, monkeypatch):
    from dataclasses import replace

    from timeline import cache as cache_module

    parsed = _parsed(1)
    flagged = replace(parsed, events=(replace(parsed.events[0], background=True),))
    with ParseCache(tmp_path, "v1") as cache:
        cache.put_many([flagged])
        assert cache.get_many([flagged.article])[0].events[0].background
    before = parse_version(Settings())
    monkeypatch.setattr(cache_module, "SCHEMA_VERSION", "2")  # a cache written before events carried the flag
    assert parse_version(Settings()) != before


def test_a_model_on_the_shelf_is_found_under_its_version_only_and_pruned_with_it(tmp_path):
    with ParseCache(tmp_path, "old") as cache:
        cache.shelf().put("happening", b"old model")
        assert cache.shelf().get("happening") == b"old model" and cache.shelf().get("other") is None
    with ParseCache(tmp_path, "new") as cache:
        assert cache.shelf().get("happening") is None
        cache.prune()
    with ParseCache(tmp_path, "old") as cache:
        assert cache.shelf().get("happening") is None  # pruned with the other entries of its version


def test_a_shelf_without_a_store_misses_and_keeps_nothing(tmp_path):
    from timeline.cache import ModelShelf

    shelf = ModelShelf(tmp_path / "gone" / FILE_NAME, "v1")
    shelf.put("happening", b"model")
    assert shelf.get("happening") is None and not (tmp_path / "gone").exists()
