"""Who a lone surname or an office phrase is when the gazetteer knows several candidates: a surname written alone
(actors.surnames.office_holder_surnames) is the one person of that surname serving a country the text names on its day,
namesakes serving elsewhere do not count; an office phrase (actors.holders.office_mention) is the holder the text itself
named before the gazetteer's holder of that day."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
import yaml

from timeline.actors import find_mentions, load_gazetteer
from timeline.settings import DATA_DIR, Settings

DAY = date(2023, 9, 20)
TEXT = "India and Canada traded accusations on Wednesday. Jaishankar said the claims were absurd."


def _lone(text, gazetteer):
    return [(m.text, m.actor_id) for m in find_mentions(text, gazetteer, DAY)[0] if m.method == "surname"]


def _with_person(tmp_path_factory, person: dict):
    """The gazetteer of a copy of data/ with one more person."""
    data = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(DATA_DIR, data)
    entries = yaml.safe_load((data / "actors.yaml").read_text(encoding="utf-8"))
    entries["people"].append(person)
    (data / "actors.yaml").write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    return load_gazetteer(Settings(data_dir=data))


@pytest.fixture(scope="module")
def with_namesake(tmp_path_factory):
    """The gazetteer with a made-up namesake who served another country that day."""
    return _with_person(tmp_path_factory, {"id": "ravi-jaishankar", "name": "Ravi Jaishankar", "roles": [
        {"title": "Minister of Finance", "of": "fiji", "start": date(2020, 1, 1)}]})


def test_lone_surname_of_the_one_holder_serving_the_text_countries():
    assert _lone(TEXT, load_gazetteer()) == [("Jaishankar", "subrahmanyam-jaishankar")]


def test_a_namesake_serving_elsewhere_does_not_hide_the_holder(with_namesake):
    assert "ravi-jaishankar" in with_namesake.actors
    assert _lone(TEXT, with_namesake) == [("Jaishankar", "subrahmanyam-jaishankar")]


def test_no_lone_surname_when_no_holder_serves_the_text_countries(with_namesake):
    assert _lone("Brazil and Chile traded accusations on Wednesday. Jaishankar said the claims were absurd.",
                 with_namesake) == []


@pytest.fixture(scope="module")
def with_dated_minister(tmp_path_factory):
    """The gazetteer with a made-up Norwegian foreign minister in office on DAY."""
    return _with_person(tmp_path_factory, {"id": "ola-vik", "name": "Ola Vik", "roles": [
        {"title": "Minister of Foreign Affairs", "of": "norway", "start": date(2021, 1, 1)}]})


def test_an_office_phrase_is_the_holder_the_text_named(with_dated_minister):
    """actors.holders.office_mention: the text's own holder of the office goes before the gazetteer's of that day."""
    text = "Minister of Foreign Affairs of Norway, Kari Nordmann, came. The Norwegian Foreign Minister spoke."
    mentions = [(m.text, m.actor_id) for m in find_mentions(text, with_dated_minister, DAY)[0]]
    assert mentions[-1] == ("Norwegian Foreign Minister", "new:kari-nordmann")
    alone = [m.actor_id for m in find_mentions("The Norwegian Foreign Minister spoke.", with_dated_minister, DAY)[0]]
    assert len(alone) == 1 and alone[0] in with_dated_minister.actors  # the gazetteer's holder of that day


@pytest.mark.parametrize("text, expected", [
    # a surname alone spelt another way than its full mention (a transliteration, a typo) is that person
    ("Sri Lankan Prime Minister Mahinda Rajapaksa met his host in the capital. Rajapaksha arrived on Friday.",
     [("Rajapaksha", "mahinda-rajapaksa")]),
    # ... not a longer word that begins with a short surname, nor a word near two surnames of the text
    ("Prime Minister Manmohan Singh spoke on Monday. The cabinet met at Singha Durbar later.", []),
    ("Norlandic President Ivan Petrenko met Foreign Minister Olga Petrenkov on Monday. Petrenkko spoke on Friday.",
     []),
    ("Norlandic President Ivan Petrenko met the press on Monday. Petrenkko spoke on Friday.",
     [("Petrenkko", "new:ivan-petrenko")]),
])
def test_a_lone_surname_spelt_another_way_is_the_person_named_in_full(text, expected):
    assert _lone(text, load_gazetteer()) == expected
