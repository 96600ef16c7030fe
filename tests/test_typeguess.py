"""timeline/typeguess.py: the learned type guess, on made-up sentences its training lines do not hold."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from timeline import typeguess
from timeline.resources import load
from timeline.settings import DATA_DIR

# Made-up sentences, none of them a training line (test_unseen_sentences_are_not_training_lines checks it).
UNSEEN = {
    "meeting": ["The finance minister sat down with the heads of three lenders on Wednesday to discuss the debt plan.",
                "Dorra's premier hosted his Norlund counterpart for talks at the lakeside residence on Thursday."],
    "call": ["The two presidents spoke by telephone on Friday about the grain corridor.",
             "Ana Moro phoned her Norlund counterpart on Sunday to offer condolences."],
    "visit": ["The crown prince arrived in Velm on Wednesday on his first official trip abroad.",
              "The foreign minister travelled to the island republic on Monday for a three-day stay."],
    "conference": ["The annual ministerial forum on ocean fisheries opened in Velm on Monday with delegates from 40 nations.",
                   "Leaders of the eight-nation bloc gathered for their yearly summit in the mountain resort on Friday."],
    "speech": ["The president addressed a joint sitting of parliament on Thursday, urging lawmakers to pass the budget.",
               "In a televised address on Sunday night, the prime minister told the nation that the curfew would end."],
    "agreement": ["Estaria and Norlund signed a pact on Wednesday to share river water during dry seasons.",
                  "The two airlines inked a code-share deal on Monday covering twelve routes."],
    "operation": ["Troops launched an offensive against rebel positions in the eastern hills at dawn on Tuesday.",
                  "Navy commandos raided a smuggling boat off the coast on Saturday and seized its cargo."],
    "incident": ["A landslide buried a dozen homes in a mountain village on Thursday, killing at least seven people.",
                 "A tanker truck exploded on the highway near Velm on Monday night, injuring 15 drivers."],
    "humanitarian": ["Aid agencies airlifted tents and blankets to the quake-hit valley on Wednesday.",
                     "Norlund shipped 20,000 tonnes of rice to Estaria on Friday as emergency food assistance."],
    "other": ["Parliament passed the new media law on Tuesday by 120 votes to 40.",
              "The central bank raised its key interest rate by half a point on Thursday.",
              "The premier commissioned a new grain terminal at the river port on Saturday.",
              "The king awarded the retiring harbour master a silver medal for bravery on Monday.",
              "The new health minister was sworn in by the president on Friday."],
}
CASES = [(event_type, text) for event_type, texts in UNSEEN.items() for text in texts]
# Made-up sentences that report no happening: a plan, a statistic, background, a statement, a reaction.
NOT_HAPPENINGS = [
    "Analysts expect the two countries to hold talks sometime next year.",
    "Prices of bread have risen by a third since January, according to figures from the statistics office.",
    "The old canal was dug by prisoners more than a century ago.",
    "The ministry's spokeswoman said on Thursday that the new rules were working well.",
    "Opposition lawmakers called the budget a betrayal of the poor.",
]


@pytest.mark.parametrize("event_type,text", CASES)
def test_guess_names_the_type_of_an_unseen_sentence(event_type, text):
    guessed, probability = typeguess.guess(text)
    assert guessed == event_type
    assert 0.5 < probability <= 1.0


@pytest.mark.parametrize("text", [text for _, text in CASES])
def test_happening_is_likely_for_an_unseen_happening(text):
    assert typeguess.happening(text) > 0.5


@pytest.mark.parametrize("text", NOT_HAPPENINGS)
def test_happening_is_unlikely_for_an_unseen_non_happening(text):
    assert typeguess.happening(text) < 0.5


def test_guess_names_a_type_even_of_a_non_happening():
    """The type guess answers "which type, if a happening": "none" is happening()'s to say."""
    assert all(typeguess.guess(text)[0] != typeguess.NONE for text in NOT_HAPPENINGS)


def test_unseen_sentences_are_not_training_lines():
    lines = {text for _, text in typeguess.training_lines()}
    assert not lines & ({text for _, text in CASES} | set(NOT_HAPPENINGS))


def test_every_type_and_none_has_training_lines():
    types = {event_type for event_type, _ in typeguess.training_lines()}
    assert types == set(load("events.yaml")["types"]) | {typeguess.NONE}


def test_data_file_loads_with_known_types_and_one_line_each():
    lines = load("typeguess.yaml")["lines"]
    assert set(lines) <= set(load("events.yaml")["types"]) | {typeguess.NONE}
    for texts in lines.values():
        assert all(isinstance(text, str) and text.strip() and "\n" not in text for text in texts)
        assert len(texts) == len(set(texts))


def test_guess_is_deterministic_across_trainings():
    text = "Rescuers pulled two survivors from the rubble of the collapsed market on Sunday."
    first = typeguess.guess(text), typeguess.happening(text)
    typeguess.model.cache_clear()
    typeguess.happening_model.cache_clear()
    assert (typeguess.guess(text), typeguess.happening(text)) == first


def test_text_with_no_known_word_is_none_and_even():
    assert typeguess.guess("Zzyx qwvv.")[0] == typeguess.NONE
    assert typeguess.guess("")[0] == typeguess.NONE
    assert typeguess.happening("Zzyx qwvv.") == 0.5


def test_meeting_draws_no_more_than_its_share_of_other_happenings():
    """Complement naive Bayes: the type of very alike lines (meeting) does not take the everyday happenings whose
    lines differ among themselves ("other"), though they name a president and a day."""
    texts = ["President Ana Moro on Tuesday conferred a state medal on the veteran conductor of the national orchestra.",
             "The president switched on the country's largest solar farm in the desert on Thursday."]
    assert [typeguess.guess(text)[0] for text in texts] == ["other", "other"]


def test_numbers_and_names_inside_a_sentence_are_masked():
    one = typeguess.features("Floods killed 12 people in Velm on Monday.")
    other = typeguess.features("Floods killed 340 people in Dorra on Monday.")
    assert {f for f in one if not f.startswith("w:")} == {f for f in other if not f.startswith("w:")}
    assert "b:killed_<num>" in one and "b:in_<cap>" in one
    assert "b:^_floods" in one  # a capitalised first word is any word


def test_the_first_words_count_again_as_the_head_of_the_sentence():
    found = typeguess.features("Rescuers pulled two survivors from the rubble of the collapsed market after a long search.")
    assert {"h:rescuer", "h:pull", "h:survivor"} <= found
    assert "s:search" in found and "h:search" not in found


def test_lower_case_words_pair_across_names_and_numbers():
    found = typeguess.features("Ana Moro met Ivo Sander on Tuesday and signed 3 deals.")
    assert {"t:met_on", "t:on_and", "t:and_sign", "t:sign_deal"} <= found
    assert not any(f.startswith("t:") and ("moro" in f or "sander" in f) for f in found)


def _data_with_priors(folder, priors):
    folder.mkdir()
    for name in ("events.yaml", "leads.yaml"):
        shutil.copy(DATA_DIR / name, folder / name)
    raw = yaml.safe_load((DATA_DIR / "typeguess.yaml").read_text(encoding="utf-8"))
    raw["priors"] = priors
    (folder / "typeguess.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return folder


def test_prior_odds_of_a_type_move_its_guess_and_not_happening(tmp_path):
    """data/typeguess.yaml ``priors``: the odds of a type among the sentences a fallback types (no rule names them,
    and most are of the catch-all type); they move the type guess, not happening()."""
    text = "The engineers checked the spillway gates of the dam on Wednesday."
    even, other = _data_with_priors(tmp_path / "even", {}), _data_with_priors(tmp_path / "other", {"other": 50.0})
    assert typeguess.guess(text, even)[0] != "other"
    assert typeguess.guess(text, other)[0] == "other"
    assert typeguess.happening(text, even) == typeguess.happening(text, other)


def test_priors_name_known_types():
    assert set(load("typeguess.yaml").get("priors") or {}) <= set(load("events.yaml")["types"])


TRAINING = DATA_DIR / typeguess.TRAINING_DIR


def _data_with_training(folder, articles: dict[str, str], gold: list[dict]):
    """A copy of the data folder whose training articles are ``articles`` (name -> text) with ``gold``."""
    shutil.copytree(DATA_DIR, folder, ignore=shutil.ignore_patterns("training", "articles"))
    if articles:
        (folder / "training" / "made_up").mkdir(parents=True)
        for name, text in articles.items():
            (folder / "training" / "made_up" / name).write_text(text, encoding="utf-8")
        (folder / "training" / "made_up" / "gold.jsonl").write_text(
            "".join(json.dumps(record) + "\n" for record in gold), encoding="utf-8")
    return folder


def test_training_article_sentences_are_labelled_by_the_gold_evidence(tmp_path):
    text = ("Velm council opens a new library\n\n"
            "The council of Velm opened a new public library in the old tram depot on Monday. "
            "The building dates from the 1890s and once housed forty trams. "
            "Relations between the council and the tram company were long strained. "
            "Mayor Ana Moro cut the ribbon in front of some two hundred residents.")
    gold = [{"article": "01_library.txt", "event_type": "other", "required": True,
             "evidence": "The council of Velm opened a new public library in the old tram depot on Monday."},
            {"article": "01_library.txt", "event_type": "other", "required": False,
             "evidence": "Relations between the council and the tram company were long strained."}]
    data = _data_with_training(tmp_path / "data", {"01_library.txt": text}, gold)
    lines = typeguess.article_lines(data)
    assert ("other", gold[0]["evidence"]) in lines
    assert ("none", "The building dates from the 1890s and once housed forty trams.") in lines
    assert ("none", "Mayor Ana Moro cut the ribbon in front of some two hundred residents.") in lines
    assert not [text for _, text in lines if "strained" in text]  # evidence of an event not required: neither class


def test_the_happening_model_learns_from_the_training_articles_when_there_are_some(tmp_path):
    said = ["The crews zorvexed the old harbour wall at dawn.", "The crews zorvexed the new harbour wall at noon.",
            "The board quillified the budget for the coming year.", "The board quillified the budget for the year after."]
    gold = [{"article": "01_a.txt", "event_type": "other", "required": True, "evidence": text} for text in said[:2]]
    taught = _data_with_training(tmp_path / "taught", {"01_a.txt": " ".join(said)}, gold)
    plain = _data_with_training(tmp_path / "plain", {}, [])
    assert typeguess.happening("Zorvexed the depot.", taught) > 0.5 > typeguess.happening("Quillified the depot.", taught)
    assert typeguess.happening("Zorvexed quillified.", plain) == 0.5  # words no made-up line has
    assert typeguess.happening_model(plain).types == typeguess.happening_model(taught).types


def test_unseen_sentences_are_no_training_article_sentence():
    lines = {text for _, text in typeguess.article_lines()}
    assert not lines & ({text for _, text in CASES} | set(NOT_HAPPENINGS))


def test_training_sets_hold_articles_with_gold_whose_evidence_each_article_holds():
    types = set(load("events.yaml")["types"])
    sets = sorted(folder for folder in TRAINING.iterdir() if folder.is_dir())
    assert len(sets) >= 10
    for folder in sets:
        articles = {path.name: path.read_text(encoding="utf-8") for path in folder.glob("*.txt")}
        gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
        dates = [json.loads(line) for line in (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line]
        assert articles and {d["article"] for d in dates} == set(articles), folder.name
        assert len({g["id"] for g in gold}) == len(gold), folder.name
        for record in gold:
            assert record["event_type"] in types and set(record.get("also_accept_types") or []) <= types
            assert record["evidence"] in articles[record["article"]], (folder.name, record["id"])


@pytest.mark.parametrize("event_type,text", [
    ("visit", "The deputy governor carried out an inspection of the water plant in the old town on Monday."),
    ("visit", "Two ministers conducted an inspection of the border crossing at Dorra on Saturday."),
    ("other", "The state auditor carried out an audit of the railway company's books on Tuesday."),
    ("other", "A panel of judges conducted a review of the sentencing rules on Wednesday."),
])
def test_an_inspection_review_or_audit_carried_out_is_no_military_operation(event_type, text):
    """'carried out' and 'conducted' come with operations in the lines; data/typeguess.yaml has inspections (visit)
    and audits or reviews (other) told with them too."""
    guessed, _ = typeguess.guess(text)
    assert guessed == event_type


class _Shelf:
    """A shelf in memory (``get``/``put`` as cache.ModelShelf), counting what was put."""

    def __init__(self):
        self.kept: dict[str, bytes] = {}
        self.puts = 0

    def get(self, name):
        return self.kept.get(name)

    def put(self, name, value):
        self.kept[name] = value
        self.puts += 1


def test_a_happening_model_read_back_from_its_shelf_is_the_trained_one_bit_for_bit(monkeypatch):
    trained = typeguess.happening_model()
    shelf = _Shelf()
    texts = [text for texts in UNSEEN.values() for text in texts]
    said = [typeguess.happening(text) for text in texts]
    with typeguess.kept_on(shelf):
        typeguess.happening_model.cache_clear()
        assert typeguess.happening_model() == trained and shelf.puts == 1  # trained once more, and put there
        typeguess.happening_model.cache_clear()
        monkeypatch.setattr(typeguess, "_happening_model", lambda data_dir: pytest.fail("trained again"))
        kept = typeguess.happening_model()  # read from the shelf
        assert [typeguess.happening(text) for text in texts] == said
    typeguess.happening_model.cache_clear()
    assert kept == trained and typeguess.dumps(kept) == shelf.kept[typeguess.HAPPENING]
    bits = lambda model: [value.hex() for value in model.base] + [w.hex() for row in model.weights.values() for _, w in row]
    assert bits(kept) == bits(trained) and list(kept.weights) == list(trained.weights)
    assert typeguess.loads(b"not a model") is None and typeguess.loads(b'{"types": []}') is None


def test_the_type_model_is_kept_on_the_shelf_too(monkeypatch):
    """A new process reads the type model from the parse cache's shelf instead of training it again, and guesses
    the same types with the same probabilities."""
    texts = [text for texts in UNSEEN.values() for text in texts]
    said = [typeguess.guess(text) for text in texts]
    trained = typeguess.model()
    shelf = _Shelf()
    with typeguess.kept_on(shelf):
        typeguess.model.cache_clear()
        assert typeguess.model() == trained and typeguess.TYPES in shelf.kept  # trained once more, and put there
        typeguess.model.cache_clear()
        monkeypatch.setattr(typeguess, "_train", lambda lines: pytest.fail("trained again"))
        assert typeguess.model() == trained  # read from the shelf
        assert [typeguess.guess(text) for text in texts] == said
    typeguess.model.cache_clear()
