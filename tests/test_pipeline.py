"""The whole pipeline on the sample articles and on made-up articles of other topics and outlets."""

from datetime import date
from pathlib import Path

import pytest

from timeline.actors import load_gazetteer
from timeline.evaluate import evaluate, load_gold
from timeline.models import Article, Rejected
from timeline.pipeline import parse_article, parse_corpus, parse_documents, reference_date

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def samples():
    from timeline.settings import SAMPLE_ARTICLES
    return parse_corpus([SAMPLE_ARTICLES])


@pytest.fixture(scope="module")
def news():
    return parse_corpus([FIXTURES / "news"])


def test_samples_meet_the_acceptance_figures(samples, gold_events):
    figures = evaluate(gold_events, samples.events).figures
    assert figures["required_found"] == figures["required_events"] == 12
    assert figures["dated_required_right_day"] == figures["dated_required_total"] == 8
    assert figures["undated_ok"] == figures["undated_gold_found"]
    assert figures["precision"] >= 0.9


def test_made_up_news_of_other_topics(news):
    figures = evaluate(load_gold(FIXTURES / "news_gold.jsonl"), news.events).figures
    assert figures["recall_required"] == 1.0
    assert figures["precision"] >= 0.9
    assert figures["dated_required_right_day"] == figures["dated_required_total"]
    assert figures["undated_ok"] == figures["undated_gold_found"]


def test_evidence_is_a_span_of_the_article_text(samples):
    texts = {a.name: a.text for a in samples.articles}
    for event in samples.events:
        assert texts[event.article][event.evidence_start : event.evidence_end] == event.evidence


def test_one_operation_reported_by_three_articles_is_one_timeline_event(samples, gold_events):
    report = evaluate(gold_events, samples.events)
    wanted = {m.event.id for m in report.matches if m.gold["event_type"] == "operation" and m.gold["required"]}
    assert len(wanted) == 3
    holders = [t for t in samples.timeline if wanted & {s.event_id for s in t.sources}]
    assert len(holders) == 1 and len({s.article for s in holders[0].sources}) == 3


def test_undated_mention_in_one_article_takes_the_date_of_another(news):
    quake = [t for t in news.timeline if t.event_type == "incident" and len(t.sources) == 2]
    assert quake and quake[0].date == date(2024, 2, 6)
    assert "taken by the undated mention" in quake[0].date_basis


def test_reference_date_is_the_median_of_stated_dates():
    def art(day, inferred=False):
        return Article(id=str(day), name=str(day), title="", text="x", published=day, published_inferred=inferred)
    found = [art(date(2023, 1, 1)), art(date(2023, 5, 1)), art(date(2023, 9, 1)), art(date(2030, 1, 1), True), art(None)]
    assert reference_date(found) == date(2023, 5, 1)
    assert reference_date([art(None)]) is None


def test_parse_documents_keeps_rejects_and_reports_progress():
    calls = []
    article = Article(id="x", name="x.txt", title="", text="On 3 May 2021, Sergey Lavrov met with Antony Blinken.")
    corpus = parse_documents([article, Rejected("bad.bin", "not an article")], progress=lambda d, t: calls.append((d, t)))
    assert [r.name for r in corpus.rejected] == ["bad.bin"]
    assert corpus.events[0].date == date(2021, 5, 3)
    assert calls[0] == (0, 1) and calls[-1] == (1, 1)


def test_user_publication_date_is_used_when_the_article_has_none(tmp_path):
    (tmp_path / "a.txt").write_text("A meeting was held between Sergey Lavrov and Antony Blinken.\n", encoding="utf-8")
    from timeline.settings import Settings
    corpus = parse_corpus([tmp_path], Settings(published_override=date(2024, 4, 2)))
    assert corpus.events[0].date == date(2024, 4, 2)


def test_parse_article_is_pure():
    article = Article(id="x", name="x.txt", title="", text="On Monday, Sergey Lavrov met Antony Blinken.",
                      published=date(2024, 5, 8))
    gazetteer = load_gazetteer()
    assert parse_article(article, gazetteer) == parse_article(article, gazetteer)


@pytest.mark.parametrize("folder", ["blind", "blind2", "blind3"])
def test_blind_sets_of_other_outlets_keep_their_figures(folder):
    """Articles written (with their gold) before the system first ran on them; see tests/fixtures/blind_README.md.
    A regression guard near the issue's aim (event F1 >= 0.85, day accuracy >= 0.95): figures as measured
    after the fixes, less a little slack; a wrong day here is a null day, never an invented one."""
    report = evaluate(load_gold(FIXTURES / f"{folder}_gold.jsonl"), parse_corpus([FIXTURES / folder]).events)
    figures = report.figures
    assert figures["f1"] >= 0.85
    assert figures["dated_right_day"] >= 0.85 * figures["dated_gold_found"]
    assert all(m.event.date is None for m in report.wrong_days)
    assert figures["undated_ok"] == figures["undated_gold_found"]


def test_a_cached_undated_article_is_not_dated_again(tmp_path, monkeypatch):
    from timeline import pipeline
    from timeline.cache import ParseCache
    undated = Article(id="u", name="u.txt", title="", text="The two foreign ministers met in the capital on 3 May 2021.")
    stated = Article(id="s", name="s.txt", title="", text="The talks resumed on Monday.", published=date(2021, 6, 2))
    items = [undated, Rejected("bad.bin", "not an article"), stated]
    with ParseCache(tmp_path, "v1") as cache:
        cold = parse_documents(items, cache=cache)
    assert cold.parsed[0].article.published_inferred  # the date was inferred once
    calls = []
    monkeypatch.setattr(pipeline.reading, "infer_published", lambda *a: calls.append(a) or a[0])
    with ParseCache(tmp_path, "v1") as cache:
        progress = []
        warm = parse_documents(items, cache=cache, progress=lambda d, t: progress.append((d, t)))
    assert warm == cold and calls == []
    assert progress[0] == (0, 2) and progress[-1] == (2, 2)
    with ParseCache(tmp_path, "v1") as cache:  # another reference date: the inference runs again
        parse_documents([undated, Article(id="t", name="t.txt", title="", text="x", published=date(2022, 1, 1))],
                        cache=cache)
    assert len(calls) == 1


def test_a_lookups_only_cache_serves_stored_parses_and_keeps_none_of_the_new(tmp_path):
    from timeline.cache import ParseCache
    from timeline.parallel import pipeline_parse
    stored = Article(id="s", name="s.txt", title="", text="The ministers met in the capital on Monday.",
                     published=date(2021, 6, 2))
    added = Article(id="a", name="a.txt", title="", text="The envoys held talks on Tuesday.", published=date(2021, 6, 2))
    undated = Article(id="u", name="u.txt", title="", text="The two leaders met in the capital on 3 May 2021.")
    with ParseCache(tmp_path, "v1") as cache:
        parse_documents([stored], cache=cache)
    parsed = []

    def counting(article, settings):
        parsed.append(article.name)
        return pipeline_parse(article, settings)

    with ParseCache(tmp_path, "v1") as cache:
        corpus = parse_documents([stored, added, undated], cache=cache.lookups_only(), parse=counting)
        assert sorted(parsed) == ["a.txt", "u.txt"]  # the stored article came from the cache
        assert [p.article.name for p in corpus.parsed] == ["s.txt", "a.txt", "u.txt"]
        assert cache.get_many([added]) == [None] and len(cache) == 1  # nothing new was written


def test_warming_up_loads_the_rules_and_the_type_guess_and_parses_a_meeting():
    from timeline import triggers, typeguess
    from timeline.pipeline import warm_up

    triggers.vocabulary.cache_clear()
    typeguess.model.cache_clear()
    typeguess.happening_model.cache_clear()
    corpus = warm_up()
    assert triggers.vocabulary.cache_info().currsize >= 1  # the app's first upload finds the rules compiled
    assert typeguess.model.cache_info().currsize == 1  # and the lead fallback's type guess trained
    assert typeguess.happening_model.cache_info().currsize == 1  # and the body fallback's happening model
    assert [(e.event_type, e.date) for e in corpus.timeline] == [("meeting", date(2020, 1, 6))]


def test_warming_up_with_a_cache_keeps_the_happening_model_there_and_reads_it_back(tmp_path):
    from timeline import typeguess
    from timeline.cache import ParseCache
    from timeline.pipeline import warm_up
    from timeline.settings import Settings

    settings = Settings(cache_dir=tmp_path)
    cache = ParseCache.for_settings(settings)
    try:
        typeguess.happening_model.cache_clear()
        warm_up(cache=cache)
        kept = cache.shelf().get(typeguess.HAPPENING)
        assert kept is not None and typeguess.loads(kept) == typeguess.happening_model()  # the trained one, stored
        typeguess.happening_model.cache_clear()
        trained = []
        real = typeguess._happening_model
        typeguess._happening_model = lambda *args: trained.append(args) or real(*args)
        try:
            warm_up(cache=cache)
        finally:
            typeguess._happening_model = real
        assert not trained  # a second process reads it back
    finally:
        typeguess.happening_model.cache_clear()
        cache.close()
