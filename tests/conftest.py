"""Shared fixtures: the sample corpus, its gold annotations, and a pinned article date (never today)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from timeline.settings import DATA_DIR, PROJECT_DIR, Settings

SAMPLES = DATA_DIR / "articles"
GOLD = PROJECT_DIR / "tests" / "gold"
SHARED = PROJECT_DIR.parent / "shared"


@pytest.fixture
def sure_model(monkeypatch):
    """The learned models sure that a sentence reports a happening, of type "other": for the body fallback's tests,
    whatever the trained model makes of their made-up sentences."""
    monkeypatch.setattr("timeline.leads._happening", lambda text, data_dir=DATA_DIR: 0.99)
    monkeypatch.setattr("timeline.leads._guess", lambda text, data_dir=DATA_DIR: ("other", 0.99))


@pytest.fixture
def anchor() -> date:
    """A fixed article date for tests: Wednesday, 20 September 2023."""
    return date(2023, 9, 20)


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLES


@pytest.fixture
def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


@pytest.fixture
def gold_events() -> list[dict]:
    with (GOLD / "seeds_events.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture
def gold_articles() -> list[dict]:
    with (GOLD / "seeds_articles.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture
def gold_actors() -> dict:
    return json.loads((GOLD / "seeds_actors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def local_cluster():
    """An in-process Dask cluster for one test module (its threads start after that module's forks)."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        yield cluster
