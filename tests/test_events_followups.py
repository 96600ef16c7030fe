"""Follow-up sentences that report another happening with the same people ("X also met Y", "The presidents
also adopted a joint statement") make events of their own (data/events.yaml merge.sequel_before_for_types)."""

import shutil
from datetime import date

import pytest
import yaml

from timeline.actors import load_gazetteer
from timeline.models import Article
from timeline.pipeline import parse_article
from timeline.settings import DATA_DIR, Settings

TEXT = ("On Monday, Presidents Ilham Aliyev and Recep Tayyip Erdoğan signed several documents on trade and "
        "energy in Ankara.\n\nThe presidents also adopted a joint statement.")


@pytest.fixture(scope="module")
def with_also(tmp_path_factory) -> Settings:
    """The data folder with "also" setting apart agreements (whatever data/events.yaml says today)."""
    folder = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(DATA_DIR, folder)
    vocabulary = yaml.safe_load((folder / "events.yaml").read_text(encoding="utf-8"))
    vocabulary["merge"]["sequel_before_for_types"] = {"also": ["meeting", "agreement"]}
    (folder / "events.yaml").write_text(yaml.safe_dump(vocabulary, allow_unicode=True), encoding="utf-8")
    return Settings(data_dir=folder)


def _events(settings: Settings, text: str):
    article = Article(id="a", name="a.txt", title="", text=text, published=date(2024, 5, 8))
    return parse_article(article, load_gazetteer(settings), settings).events


def test_a_document_also_adopted_is_a_second_agreement(with_also):
    events = [e for e in _events(with_also, TEXT) if e.event_type == "agreement"]
    assert len(events) == 2
    assert events[1].evidence.startswith("The presidents also adopted")


def test_victims_also_killed_in_the_attack_add_to_the_incident(with_also):
    text = ("A car bomb exploded near a market in the town of Ostra on Tuesday, killing four civilians.\n\n"
            "Two policemen also were killed in the attack.")
    assert len([e for e in _events(with_also, text) if e.event_type == "incident"]) == 1
