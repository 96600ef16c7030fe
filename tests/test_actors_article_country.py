"""A happening that names no side: where it happened, or the country the article names most often
(event_actors.unnamed_sides, with_article_country)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from timeline.actors import load_gazetteer
from timeline.event_actors import further_people, joined_sides, unnamed_sides, with_article_country
from timeline.models import Actor, Article, Mention
from timeline.pipeline import parse_article
from timeline.resources import load
from timeline.sentences import Sentence
from timeline.settings import DATA_DIR
from timeline.triggers import find_triggers, vocabulary

ACTORS = {
    "estaria": Actor("estaria", "Estaria", "country", demonyms=("Estarian",)),
    "ruritania": Actor("ruritania", "Ruritania", "country"),
    "lena-holm": Actor("lena-holm", "Lena Holm", "person"),
}
ARTICLE = ("Estarian troops moved into the border area on Monday, a week after Ruritania closed its crossings. "
           "Security forces killed two militants in a raid near the town of Vell, the Estarian army said. "
           "Lena Holm, the defence minister of Ruritania, and the Estaria government spoke later.")


def _mentions(text: str) -> list[Mention]:
    """The made-up article's mentions: each name or demonym of ACTORS where it is written."""
    found = []
    for actor in ACTORS.values():
        for name in (actor.name, *actor.demonyms):
            found += [Mention(m.start(), m.end(), name, actor.id, "exact") for m in re.finditer(name, text)]
    return sorted(found, key=lambda m: m.start)


def test_an_operation_with_no_side_has_the_article_country():
    # Estaria 3 times (two demonyms), Ruritania twice
    assert with_article_country("operation", [], _mentions(ARTICLE), ACTORS) == ["estaria"]


def test_a_tie_goes_to_the_country_named_first():
    text = "Ruritania and Estaria traded fire. Police in Estaria and Ruritania detained twelve people."
    assert with_article_country("operation", [], _mentions(text), ACTORS) == ["ruritania"]


def test_named_sides_stay_and_other_types_are_left_alone():
    mentions = _mentions(ARTICLE)
    assert with_article_country("operation", ["ruritania"], mentions, ACTORS) == ["ruritania"]
    assert with_article_country("meeting", [], mentions, ACTORS) == []


def test_no_country_in_the_article_gives_no_side():
    assert with_article_country("operation", [], _mentions("Police raided a warehouse and arrested four men."), ACTORS) == []


UNNAMED = load("participants.yaml")["unnamed_side_examples"]


@pytest.mark.parametrize("example", UNNAMED, ids=[e["text"][:40] for e in UNNAMED])
def test_unnamed_side_examples(example):
    """The event's actors once unnamed_sides has filled in those of a happening that names none (the same call
    whether the pipeline has made it already or not)."""
    gazetteer = load_gazetteer()
    article = Article(id="s", name="s.txt", title="", text=example["text"], published=example["published"])
    parsed = parse_article(article, gazetteer)
    events = [e for e in parsed.events if e.event_type == example["type"]]
    assert len(events) == 1
    event, vocab = events[0], vocabulary(DATA_DIR)
    trigger = next(t for t in find_triggers(event.evidence, vocab) if t.event_type == event.event_type)
    sentence = Sentence(event.evidence_start, event.evidence_end, event.evidence)
    actors = {**gazetteer.actors, **{a.id: a for a in parsed.actors}}
    found = unnamed_sides(event.event_type, list(event.actor_ids), sentence, trigger, list(parsed.mentions), actors,
                          gazetteer.affiliation_ids, vocab, text=example["text"])
    assert found == example["actors"]


def test_a_happening_told_again_keeps_the_earlier_sides_of_the_same_kind():
    """joined_sides: a later, better mention names only some sides; the earlier ones of its kind stay."""
    actors = {**ACTORS, "tomas-berg": Actor("tomas-berg", "Tomas Berg", "person")}
    assert joined_sides(["estaria", "ruritania"], ["ruritania"], actors) == ["ruritania", "estaria"]
    assert joined_sides(["lena-holm"], ["tomas-berg"], actors) == ["tomas-berg", "lena-holm"]
    # countries first, the signing leaders later: the leaders only (and the other way round)
    assert joined_sides(["estaria", "ruritania"], ["lena-holm", "tomas-berg"], actors) == ["lena-holm", "tomas-berg"]
    assert joined_sides(["lena-holm"], ["estaria"], actors) == ["estaria"]
    assert joined_sides(["estaria"], [], actors) == []


def test_a_further_mention_gives_its_people_to_a_happening_that_names_none():
    """further_people: a later mention that does not outrank the kept one adds its people when the kept names
    none; its countries stay out, and a kept event with people keeps its own."""
    actors = {**ACTORS, "tomas-berg": Actor("tomas-berg", "Tomas Berg", "person")}
    assert further_people(["estaria", "ruritania"], ["lena-holm", "tomas-berg"], actors) \
        == ["estaria", "ruritania", "lena-holm", "tomas-berg"]
    assert further_people(["estaria"], ["ruritania", "lena-holm"], actors) == ["estaria", "lena-holm"]
    assert further_people(["lena-holm"], ["tomas-berg"], actors) == ["lena-holm"]
    assert further_people([], ["ruritania"], actors) == []


def test_the_signatories_named_after_the_lead_join_its_signing():
    text = ("Peru and Norway on Monday signed an agreement on fisheries in the port of Velm.\n\n"
            "The agreement was signed by Peru's Fisheries Minister Lena Holm and Norway's Trade Minister Tomas Berg, "
            "the foreign ministry said.\n\nBoth sides hope the deal will raise catches.")
    article = Article(id="s", name="s.txt", title="", text=text, published=date(2024, 3, 6))
    events = parse_article(article, load_gazetteer()).events
    assert [(e.event_type, e.actors) for e in events] == [("agreement", ("Peru", "Norway", "Lena Holm", "Tomas Berg"))]
