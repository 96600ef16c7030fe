"""Actor mentions that need the rest of the article: a surname whose full mention was dropped with the lead,
names listed after their countries, definite titles that refer back to a person named before."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.actors import find_mentions, load_gazetteer

DAY = date(2023, 9, 20)


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def ids(text, gaz, when=DAY):
    return [m.actor_id for m in find_mentions(text, gaz, when)[0]]


def test_a_lone_surname_is_the_office_holder_of_a_country_the_text_names(gaz):
    """The standfirst that named him in full was dropped; the article is about Russia and he is its minister."""
    assert ids("Lavrov told Russian reporters the talks went well.", gaz) == ["sergey-lavrov", "russia"]


@pytest.mark.parametrize("text, when", [
    ("Lavrov said the talks went well.", DAY),  # no country of his in the text
    ("Lavrov told Russian reporters the talks went well.", date(2001, 5, 1)),  # before he held the office
    ("Lavrov told Russian reporters the talks went well.", None),  # the day is not known
    ("Anna Lavrov told Russian reporters the talks went well.", DAY),  # another Lavrov, named in full
])
def test_a_lone_surname_needs_the_holder_s_country_and_term(gaz, text, when):
    assert "sergey-lavrov" not in ids(text, gaz, when)


@pytest.mark.parametrize("text, expected", [
    ("The forum brought together his counterparts from Kenya, Jane Roe, and Ethiopia, John Doe.",
     [("Jane Roe", "counterpart", "kenya"), ("John Doe", "counterpart", "ethiopia")]),
    ("Foreign Minister Sergey Lavrov met his counterparts from Kenya, Jane Roe, and Ethiopia, John Doe.",
     [("Jane Roe", "Minister of Foreign Affairs", "kenya"), ("John Doe", "Minister of Foreign Affairs", "ethiopia")]),
    ("The defence ministers of Kenya and Ethiopia, Jane Roe and John Doe, met in Nairobi.",
     [("Jane Roe", "defence minister", "kenya"), ("John Doe", "defence minister", "ethiopia")]),
])
def test_people_listed_with_their_countries_are_discovered_as_theirs(gaz, text, expected):
    mentions, discovered = find_mentions(text, gaz, DAY)
    assert [(a.name, a.roles[0].title, a.roles[0].affiliation) for a in discovered] == expected
    assert not {"kenya", "ethiopia"} & {m.actor_id for m in mentions}  # the countries are absorbed


@pytest.mark.parametrize("text", [
    "The forum brought together officials from Kenya, Jane Roe said.",  # one pair is no list
    "The ministers of Kenya and Ethiopia, Jane Roe said, met in Nairobi.",  # fewer names than countries
])
def test_a_name_after_a_country_is_no_listed_person_without_a_list(gaz, text):
    assert find_mentions(text, gaz, DAY)[1] == []


def test_a_country_s_named_service_is_an_organisation_of_that_country(gaz):
    mentions, discovered = find_mentions("The Kenyan Coast Guard boarded the ship off Mombasa.", gaz, DAY)
    assert [m.text for m in mentions] == ["Kenyan Coast Guard"]
    assert [(a.kind, a.roles[0].affiliation) for a in discovered] == [("organization", "kenya")]


def test_a_country_s_army_police_and_emergencies_ministry_are_its_services(gaz):
    text = "The Kenyan Army, the Uganda Police Force and the Kazakh Emergencies Ministry helped; the Kenyan army left."
    mentions, discovered = find_mentions(text, gaz, DAY)
    assert [m.text for m in mentions] == ["Kenyan Army", "Uganda Police Force", "Kazakh Emergencies Ministry", "Kenyan army"]
    assert [a.roles[0].affiliation for a in discovered] == ["kenya", "uganda", "kazakhstan"]


def test_a_counterpart_takes_the_office_of_the_person_before_for_their_own_country(gaz):
    _, discovered = find_mentions("Foreign Minister Sergey Lavrov met his Kazakh counterpart Jane Roe.", gaz, DAY)
    assert [(r.title, r.affiliation) for r in discovered[0].roles] == [("Minister of Foreign Affairs", "kazakhstan")]


@pytest.mark.parametrize("text, expected", [
    ("The talks were attended by Jane Roe of Kenya and John Doe of Ethiopia.", [("Jane Roe", "kenya"), ("John Doe", "ethiopia")]),
    ("Ministers Jane Roe (Kenya), Anna Berg (Uganda) and John Doe (Ethiopia) attended.",
     [("Jane Roe", "kenya"), ("Anna Berg", "uganda"), ("John Doe", "ethiopia")]),
])
def test_names_listed_each_with_its_country_are_people_of_those_countries(gaz, text, expected):
    _, discovered = find_mentions(text, gaz, DAY)
    assert [(a.name, a.roles[0].affiliation) for a in discovered] == expected


def test_one_name_with_its_country_is_no_list(gaz):
    assert find_mentions("Jane Roe of Kenya spoke.", gaz, DAY)[1] == []


def test_police_alone_in_a_country_of_local_forces_names_no_national_police(gaz):
    text = "Police in the town of Springfield in the United States arrested a man on Monday after a robbery."
    mentions, discovered = find_mentions(text, gaz, DAY)
    assert not any("Police" in a.name for a in discovered)
    assert "police" not in [m.text.lower() for m in mentions]


def test_police_alone_in_a_country_of_one_national_force_is_that_force(gaz):
    text = "Police in the Kenyan town of Nakuru arrested a man on Monday after a robbery in Kenya."
    _, discovered = find_mentions(text, gaz, DAY)
    assert [(a.name, a.roles[0].affiliation) for a in discovered] == [("Kenya Police", "kenya")]


@pytest.mark.parametrize("text, expected", [
    # the court of the country the page names most often: named "<court> of <country>", the country its affiliation
    ("The Supreme Court on Tuesday struck down a land law. Kenya's parliament passed it last year; Kenya will comply.",
     [("Supreme Court of Kenya", "kenya")]),
    ("The Constitutional Court annulled the vote. Opposition parties in Uganda welcomed the ruling.",
     [("Constitutional Court of Uganda", "uganda")]),
    # after the country, its demonym or its possessive
    ("Uganda's Supreme Court upheld the ban on Tuesday.", [("Supreme Court of Uganda", "uganda")]),
    ("The Kenyan High Court halted the deployment on Monday.", [("High Court of Kenya", "kenya")]),
    # a page that names no country but its capital ("in Nairobi"): that country's court, or its police
    ("The Supreme Court in Nairobi on Tuesday struck down a land law.", [("Supreme Court of Kenya", "kenya")]),
    ("Police arrested four men in Kampala on Monday after a robbery.", [("Uganda Police", "uganda")]),
    # no country named, or one whose high courts are its states': no court of a country
    ("The Supreme Court struck down the law on Tuesday.", []),
    ("The High Court in Chennai granted bail on Monday, lawyers in India said.", []),
])
def test_a_court_named_without_its_country_is_the_court_of_the_country_the_page_is_about(gaz, text, expected):
    """data/actors.yaml organisation_names.national_forces (courts; a capital names the country: capitals)."""
    _, discovered = find_mentions(text, gaz, DAY)
    assert [(a.name, a.roles[0].affiliation) for a in discovered] == expected


@pytest.mark.parametrize("text, expected", [
    # the dateline's capital says which country the page is told from, though it names the neighbour more often
    ("ISLAMABAD (AP) — The army said soldiers killed two militants near the border with Afghanistan. Militants fled "
     "to Afghanistan last year and regrouped in Afghanistan.", "pakistan"),
    ("NAIROBI: Police arrested four suspects on Monday. Two of them had lived in Uganda and had studied in Uganda.",
     "kenya"),
    # no dateline: the country the page names most often, as before
    ("Police arrested four suspects on Monday. Two of them had lived in Uganda and had studied in Uganda.", "uganda"),
])
def test_a_force_named_by_a_common_noun_is_the_dateline_country_s(gaz, text, expected):
    assert _force_country(find_mentions(text, gaz, DAY), gaz) == expected


def test_the_dateline_the_reader_cut_from_the_page_names_the_force_s_country(gaz):
    text = "Police arrested four suspects on Monday. Two of them had lived in Uganda and had studied in Uganda."
    assert _force_country(find_mentions(text, gaz, DAY, dateline="Nairobi, May 3 (Wire) -"), gaz) == "kenya"
    assert _force_country(find_mentions(text, gaz, DAY, dateline="PORT ELL, Ore. (Wire) -"), gaz) == "uganda"


def _force_country(found, gaz) -> str:
    mentions, discovered = found
    actors = {**{a.id: a for a in discovered}, **gaz.actors}
    forces = [actors[m.actor_id] for m in mentions if m.text.lower() in ("the army", "police")]
    return forces[0].roles[0].affiliation if forces else ""
