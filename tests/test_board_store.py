"""The board of a folder kept on disk: found again only while the folder, the rules and the code are unchanged."""

from __future__ import annotations

import os
import shutil

import pandas as pd
import pytest

from timeline import board_store
from timeline.actors import load_gazetteer
from timeline.frame import board_for
from timeline.pipeline import parse_corpus
from timeline.settings import DEFAULT_SETTINGS, SAMPLE_ARTICLES


@pytest.fixture(scope="module")
def sample_board():
    return board_for(parse_corpus([SAMPLE_ARTICLES]), load_gazetteer().get)


@pytest.fixture
def folder(tmp_path, sample_paths):
    target = tmp_path / "articles"
    target.mkdir()
    for path in sample_paths[:2]:
        shutil.copy(path, target / path.name)
    return target


@pytest.fixture
def settings(tmp_path):
    return DEFAULT_SETTINGS.with_(cache_dir=tmp_path / "cache")


def same(a, b) -> None:
    pd.testing.assert_frame_equal(a.frame.drop(columns="event"), b.frame.drop(columns="event"))
    assert list(a.frame["event"]) == list(b.frame["event"])
    assert (a.actors, a.kinds, a.articles, a.rejected) == (b.actors, b.kinds, b.articles, b.rejected)


def test_a_stored_board_is_found_again(folder, settings, sample_board):
    assert board_store.load(folder, settings) is None
    assert board_store.save(folder, settings, sample_board)
    same(board_store.load(folder, settings), sample_board)


@pytest.mark.parametrize("change", ["edit", "add", "remove", "touch"])
def test_a_changed_folder_makes_the_stored_board_stale(folder, settings, sample_board, change):
    board_store.save(folder, settings, sample_board)
    first = sorted(folder.iterdir())[0]
    if change == "edit":
        first.write_bytes(first.read_bytes() + b"\nOne more line.\n")
    elif change == "add":
        (folder / "new.txt").write_text("A title\n\nA text.\n")
    elif change == "remove":
        first.unlink()
    else:
        stat = first.stat()
        os.utime(first, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert board_store.load(folder, settings) is None


def test_other_parse_settings_do_not_find_it(folder, settings, sample_board):
    board_store.save(folder, settings, sample_board)
    assert board_store.load(folder, settings.with_(fuzzy_threshold=settings.fuzzy_threshold + 1)) is None


def test_an_empty_folder_is_not_stored(tmp_path, settings, sample_board):
    (tmp_path / "empty").mkdir()
    assert not board_store.save(tmp_path / "empty", settings, sample_board)
    assert board_store.load(tmp_path / "empty", settings) is None


def test_an_unreadable_store_is_a_miss(folder, settings, sample_board):
    board_store.save(folder, settings, sample_board)
    (stored,) = (settings.cache_dir).glob("board-*.pickle")
    stored.write_bytes(stored.read_bytes()[:100])
    assert board_store.load(folder, settings) is None
    assert board_store.save(folder, settings, sample_board)  # and is replaced
    same(board_store.load(folder, settings), sample_board)


def test_a_preview_is_found_by_its_figure_and_size_only(settings):
    figure_json = '{"data": [{"x": [1, 2], "y": [3, 4]}], "layout": {"height": 460}}'
    key = board_store.preview_key(figure_json, 1100, 460)
    assert board_store.load_preview(key, settings) is None
    assert board_store.save_preview(key, settings, b"\x89PNG one")
    assert board_store.load_preview(key, settings) == b"\x89PNG one"
    others = {board_store.preview_key(figure_json.replace("4]", "5]"), 1100, 460),
              board_store.preview_key(figure_json, 1200, 460), board_store.preview_key(figure_json, 1100, 500)}
    assert key not in others and len(others) == 3
    assert all(board_store.load_preview(other, settings) is None for other in others)


def test_only_the_newest_previews_are_kept(settings):
    keys = [board_store.preview_key(f'{{"n": {n}}}', 1100, 460) for n in range(board_store.MAX_PREVIEWS + 3)]
    for number, key in enumerate(keys):
        board_store.save_preview(key, settings, b"png")
        path = settings.cache_dir / f"preview-{key}.png"
        os.utime(path, ns=(number * 10**9, number * 10**9))  # distinct ages, oldest first
    kept = [key for key in keys if board_store.load_preview(key, settings) is not None]
    assert kept == keys[-board_store.MAX_PREVIEWS:]


def test_added_articles_are_parsed_alone_and_merged_with_the_board(sample_paths, monkeypatch):
    """An upload of a few files to a loaded folder read, dated, looked up and merged the whole folder again
    under the progress bar; now only the added articles are parsed, and their events merge with the board's
    (the samples' operation, told by three articles, stays one event with three sources)."""
    from timeline import pipeline
    from timeline.articles import read_bytes

    *folder, last = sample_paths
    board = board_for(parse_corpus(folder), load_gazetteer().get)
    parsed, real = [], pipeline.parse_article
    monkeypatch.setattr(pipeline, "parse_article", lambda article, *a, **k: parsed.append(article.name) or
                        real(article, *a, **k))
    moves = []
    added = board_store.with_added(board, read_bytes(last.name, last.read_bytes()), DEFAULT_SETTINGS,
                                   load_gazetteer().get, progress=lambda done, total: moves.append((done, total)))
    assert parsed == [last.name] and moves[-1] == (1, 1)
    whole = board_for(parse_corpus(sample_paths), load_gazetteer().get)
    assert sorted(added.articles) == sorted(whole.articles)
    days = lambda b: sorted(zip(b.frame["title"], b.frame["day"], b.frame["articles"].map(len)))  # noqa: E731
    assert days(added) == days(whole)


def test_an_article_read_again_with_a_corrected_date_takes_its_place(sample_paths):
    """A publication date set by the user parses that article again; the board keeps one copy of it, with the
    new date, and the other articles as they were."""
    from dataclasses import replace
    from datetime import date

    board = board_for(parse_corpus(sample_paths[:2]), load_gazetteer().get)
    first, second = (board.articles[p.name] for p in sample_paths[:2])
    fixed = replace(first.article, published=date(2030, 1, 10), published_inferred=False, published_basis="set")
    added = board_store.with_added(board, [fixed], DEFAULT_SETTINGS, load_gazetteer().get)
    assert list(added.articles) == list(board.articles)
    assert added.articles[first.article.name].article.published == date(2030, 1, 10)
    assert added.articles[second.article.name] is second
