"""parallel.parse_stream: same output, in input order, whatever the engine, the workers or the cache."""

from __future__ import annotations

import itertools
import re
import time
from datetime import date, timedelta

import pytest

from timeline.cache import ParseCache
from timeline.models import Article, ParsedArticle, Rejected, Timex
from timeline.parallel import parse_stream
from timeline.settings import Settings

SETTINGS = Settings()


def stand_in_parse(article: Article, settings: Settings) -> ParsedArticle:
    """A small deterministic parse: every run of digits becomes a Timex; "boom" raises."""
    if "boom" in article.text:
        raise ValueError("boom")
    timexes = tuple(
        Timex(m.start(), m.end(), m.group(), "DATE", m.group(), article.published, None, "year")
        for m in re.finditer(r"\d+", article.text)
    )
    return ParsedArticle(article, timexes)


def slow_parse(article: Article, settings: Settings) -> ParsedArticle:
    """Later articles finish first, to show that output order does not follow completion order."""
    time.sleep(0.02 if int(article.id) % 3 == 0 else 0.0)
    return stand_in_parse(article, settings)


def _articles(n: int, start: int = 0):
    for i in range(start, start + n):
        yield Article(id=str(i), name=f"a{i}.txt", title="", text=f"On day {i} of {i % 7} things.",
                      published=date(2020, 1, 1) + timedelta(days=i))


def _sample_articles(sample_paths, anchor):
    return [Article(id=p.stem, name=p.name, title="", text=p.read_text(encoding="utf-8"), published=anchor)
            for p in sample_paths]


def test_workers_2_gives_the_same_output_in_the_same_order_as_workers_1():
    one = list(parse_stream(_articles(150), SETTINGS, parse=slow_parse, workers=1, chunk_size=7))
    two = list(parse_stream(_articles(150), SETTINGS, parse=slow_parse, workers=2, chunk_size=7))
    assert two == one
    assert [p.article.id for p in two] == [str(i) for i in range(150)]


def test_rejected_inputs_pass_through_where_they_stood():
    items = [*_articles(2), Rejected("bad.bin", "binary"), *_articles(2, start=2)]
    out = list(parse_stream(items, SETTINGS, parse=stand_in_parse, chunk_size=2))
    assert out[2] == Rejected("bad.bin", "binary")
    assert [o.article.id for i, o in enumerate(out) if i != 2] == ["0", "1", "2", "3"]


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_whose_parse_raises_is_rejected_and_the_rest_complete(workers):
    items = [*_articles(3), Article(id="x", name="x.txt", title="", text="boom"), *_articles(3, start=3)]
    out = list(parse_stream(items, SETTINGS, parse=stand_in_parse, workers=workers, chunk_size=2))
    assert out[3] == Rejected("x.txt", "parse failed: ValueError: boom")
    assert sum(isinstance(o, ParsedArticle) for o in out) == 6


@pytest.mark.parametrize("workers, bound", [(1, 3), (2, 3 + 4 * 2)])
def test_the_stream_is_consumed_lazily_with_a_bounded_number_of_chunks_in_flight(workers, bound):
    pulled = itertools.count()
    endless = (a for a in _articles(10**9) if next(pulled) >= 0)
    stream = parse_stream(endless, SETTINGS, parse=stand_in_parse, chunk_size=10, workers=workers)
    first = [next(stream) for _ in range(25)]
    assert [p.article.id for p in first] == [str(i) for i in range(25)]
    # the three chunks the 25 results came from, plus 4 waiting chunks per worker process
    assert next(pulled) <= 10 * bound
    stream.close()


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        list(parse_stream(_articles(1), SETTINGS, parse=stand_in_parse, engine="spark"))


def test_cached_articles_are_not_parsed_again_and_come_back_equal(tmp_path):
    calls = []

    def counting(article, settings):
        calls.append(article.id)
        return stand_in_parse(article, settings)

    with ParseCache(tmp_path, version="v1") as cache:
        cold = list(parse_stream(_articles(40), SETTINGS, parse=counting, cache=cache, chunk_size=8))
        warm = list(parse_stream(_articles(45), SETTINGS, parse=counting, cache=cache, chunk_size=8))
    assert warm[:40] == cold
    assert calls == [str(i) for i in range(40)] + [str(i) for i in range(40, 45)]


def test_progress_counts_every_article(tmp_path):
    seen = []
    list(parse_stream([*_articles(20), Rejected("r", "x")], SETTINGS, parse=stand_in_parse, chunk_size=6,
                      progress=seen.append))
    assert sum(seen) == 20


def _read_samples(sample_paths):
    """The sample articles as the real reader gives them."""
    from timeline.articles import iter_inputs

    return [a for a in iter_inputs(sample_paths, SETTINGS) if isinstance(a, Article)]


def test_real_pipeline_on_the_samples_is_identical_on_two_workers(sample_paths):
    pytest.importorskip("timeline.pipeline")
    articles = _read_samples(sample_paths)
    single = list(parse_stream(articles, SETTINGS))
    assert len(single) == len(sample_paths) and all(isinstance(p, ParsedArticle) for p in single)
    assert sum(len(p.events) for p in single) > 0
    assert list(parse_stream(articles, SETTINGS, workers=2, chunk_size=2)) == single


def test_engine_options_come_from_the_shared_command_line_arguments(tmp_path):
    import argparse

    from timeline.parallel import add_engine_arguments, engine_options

    parser = argparse.ArgumentParser()
    add_engine_arguments(parser)
    options = engine_options(parser.parse_args(["--workers", "2", "--cache-dir", str(tmp_path)]), SETTINGS)
    assert (options["engine"], options["workers"], options["scheduler"]) == ("local", 2, None)
    assert options["cache"].path.parent == tmp_path
    options["cache"].close()
    assert engine_options(parser.parse_args(["--no-cache"]), SETTINGS)["cache"] is None
    with pytest.raises(ValueError, match="--engine dask"):
        engine_options(parser.parse_args(["--scheduler", "tcp://x:1"]), SETTINGS)


# The Dask tests come last: the in-process cluster starts threads, and the process pools above fork.

def test_dask_on_a_local_cluster_matches_one_process(local_cluster, sample_paths, anchor):
    articles = _sample_articles(sample_paths, anchor) * 3
    single = list(parse_stream(articles, SETTINGS, parse=stand_in_parse))
    dask = list(parse_stream(articles, SETTINGS, parse=stand_in_parse, engine="dask",
                             scheduler=local_cluster.scheduler_address, chunk_size=2))
    assert dask == single


def test_real_pipeline_on_the_samples_is_identical_on_a_dask_local_cluster(local_cluster, sample_paths):
    pytest.importorskip("timeline.pipeline")
    articles = _read_samples(sample_paths)
    single = list(parse_stream(articles, SETTINGS))
    assert list(parse_stream(articles, SETTINGS, engine="dask", scheduler=local_cluster.scheduler_address,
                             chunk_size=2)) == single

