"""The gazetteer knows the usual actors of world news: heads of state and government, foreign ministers and heads of
international organisations of 2000-2025 (of the main powers and of 2015-2025 elsewhere), the organisations themselves
and the world's demonyms.

Made-up sentences about real office holders: a surname after a full mention, an office on a date, a transliteration,
a family-name-first surname, a demonym, an acronym; and the links that let a filter by country find its people.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline.actors import find_mentions, load_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def ids(text, gaz, when=date(2022, 3, 1)):
    return [m.actor_id for m in find_mentions(text, gaz, when)[0]]


@pytest.mark.parametrize("text, expect", [
    # a surname alone after the full name
    ("Petteri Orpo opened a fish market. Later Orpo met farmers.", ["petteri-orpo", "petteri-orpo"]),
    ("Gitanas Nausėda visited a dairy. Nausėda praised it.", ["gitanas-nauseda", "gitanas-nauseda"]),
    ("Nikos Dendias toured a shipyard and Dendias left by ferry.", ["nikos-dendias", "nikos-dendias"]),
    # family name first: the first word is the surname
    ("Lai Ching-te inspected a harbour; Lai then spoke to fishermen.", ["lai-ching-te", "lai-ching-te"]),
    ("Anwar Ibrahim opened a bridge. Anwar said it cost less than planned.", ["anwar-ibrahim", "anwar-ibrahim"]),
    # accent-free spellings and transliterations
    ("Gitanas Nauseda and Stefan Lofven met Krisjanis Karins.", ["gitanas-nauseda", "stefan-lofven", "krisjanis-karins"]),
    ("Prayuth Chan-ocha met Abdrabbuh Mansour Hadi.", ["prayut-chan-o-cha", "abdrabbuh-mansur-hadi"]),
    # heads of international organisations and the organisations
    ("Ngozi Okonjo-Iweala and Ahmed Aboul Gheit spoke at the OECD.", ["ngozi-okonjo-iweala", "ahmed-aboul-gheit", "oecd"]),
    ("The European Central Bank (ECB) and the International Labour Organization met.", ["ecb", "ecb", "ilo"]),
    # the descriptions wire copy gives UN agencies name the agency, not the UN
    ("The UN nuclear watchdog and the U.N. health agency met at the World Court.", ["iaea", "who", "icj"]),
    # demonyms of smaller states
    ("Basotho herders and Luxembourgish bankers met Timorese officials.", ["lesotho", "luxembourg", "timor-leste"]),
    # Gulf names with and without their particles' capitals, and an earlier head of the WTO
    ("Yousuf bin Alawi bin Abdullah met Ahmed Nasser Al Sabah and Pascal Lamy.",
     ["yusuf-bin-alawi", "ahmad-nasser-al-sabah", "pascal-lamy"]),
    # regional bodies and their heads
    ("OPEC+ met; so did the New Development Bank (NDB) and BIMSTEC.", ["opec-plus", "new-development-bank", "new-development-bank", "bimstec"]),
    ("Jan Eliasson met Surin Pitsuwan and Radmila Shekerinska.", ["jan-eliasson", "surin-pitsuwan", "radmila-shekerinska"]),
    # transliterations of heads of government
    ("Nguyễn Tấn Dũng met Saad Eddine El Othmani and Hisham Qandil.", ["nguyen-tan-dung", "saadeddine-othmani", "hesham-qandil"]),
    # finance ministers by name and by their country's title for the office
    ("Wolfgang Schaeuble met Tim Geithner. The Japanese finance minister joined.", ["wolfgang-schauble", "timothy-geithner", "shunichi-suzuki"]),
    # central banks by name, acronym and the wire's short form ("the Fed"; not "Fed up")
    ("Fed up, traders watched the Fed, the BOJ and the Reserve Bank of India (RBI).",
     ["federal-reserve", "bank-of-japan", "rbi", "rbi"]),
    # central banks beyond the G20's, not their countries
    ("The Swiss National Bank, the State Bank of Vietnam and the Czech National Bank held rates; the CBN cut.",
     ["swiss-national-bank", "state-bank-of-vietnam", "czech-national-bank", "central-bank-of-nigeria"]),
    ("Haruhiko Kuroda met Elvira Nabiullina and Yi Gang; Yi spoke first.",
     ["haruhiko-kuroda", "elvira-nabiullina", "yi-gang", "yi-gang"]),
])
def test_new_entries_resolve_in_text(gaz, text, expect):
    assert ids(text, gaz) == expect


@pytest.mark.parametrize("office, of, on, holder", [
    ("Prime Minister", "finland", date(2021, 5, 1), "sanna-marin"),
    ("Prime Minister", "finland", date(2024, 5, 1), "petteri-orpo"),
    ("Chancellor", "austria", date(2022, 6, 1), "karl-nehammer"),
    ("Foreign Minister", "greece", date(2024, 1, 10), "george-gerapetritis"),
    ("President", "peru", date(2023, 4, 2), "dina-boluarte"),
    ("Prime Minister", "thailand", date(2024, 2, 1), "srettha-thavisin"),
    ("President", "nigeria", date(2020, 1, 1), "muhammadu-buhari"),
    ("Secretary-General", "arab-league", date(2020, 8, 1), "ahmed-aboul-gheit"),
    ("President", "world-bank", date(2024, 3, 1), "ajay-banga"),
    ("President", "ecb", date(2022, 9, 1), "christine-lagarde"),
    # 2000-2014
    ("Secretary of State", "united-states", date(2006, 5, 1), "condoleezza-rice"),
    ("Prime Minister", "united-kingdom", date(2005, 1, 1), "tony-blair"),
    ("Foreign Secretary", "united-kingdom", date(2012, 1, 1), "william-hague"),
    ("President", "china", date(2010, 1, 1), "hu-jintao"),
    ("Secretary-General", "un", date(2004, 6, 1), "kofi-annan"),
    ("Secretary General", "nato", date(2011, 1, 1), "anders-fogh-rasmussen"),
    ("President", "european-commission", date(2008, 1, 1), "jose-manuel-barroso"),
    ("Minister of Foreign Affairs", "iran", date(2008, 1, 1), "manouchehr-mottaki"),
    ("Prime Minister", "india", date(2010, 1, 1), "manmohan-singh"),
    ("Minister of Foreign Affairs", "belarus", date(2023, 6, 1), "sergei-aleinik"),
    ("Defence Minister", "poland", date(2022, 3, 1), "mariusz-blaszczak"),
    ("Emir", "kuwait", date(2003, 1, 1), "jaber-al-ahmad-al-sabah"),
    # foreign ministers of 2010-2025 that were undated
    ("Foreign Minister", "netherlands", date(2019, 1, 1), "stef-blok"),
    ("Foreign Minister", "estonia", date(2021, 6, 1), "eva-maria-liimets"),
    ("Secretary of Foreign Affairs", "philippines", date(2020, 1, 1), "teodoro-locsin-jr"),
    # foreign ministers of the Gulf, Kenya, Chile, Argentina, Brazil, the Nordic states, Switzerland; Kuwait's premiers
    ("Foreign Minister", "kuwait", date(2021, 3, 1), "ahmad-nasser-al-sabah"),
    ("Foreign Minister", "bahrain", date(2022, 3, 1), "abdullatif-al-zayani"),
    ("Foreign Minister", "qatar", date(2014, 3, 1), "khalid-al-attiyah"),
    ("Prime Minister", "kuwait", date(2015, 3, 1), "jaber-al-mubarak-al-sabah"),
    ("Cabinet Secretary for Foreign Affairs", "kenya", date(2021, 3, 1), "raychelle-omamo"),
    ("Foreign Minister", "chile", date(2016, 3, 1), "heraldo-munoz"),
    ("Foreign Minister", "argentina", date(2018, 3, 1), "jorge-faurie"),
    ("Foreign Minister", "brazil", date(2022, 3, 1), "carlos-franca"),
    ("Foreign Minister", "norway", date(2015, 3, 1), "borge-brende"),
    ("Foreign Minister", "norway", date(2024, 3, 1), "espen-barth-eide"),
    ("Foreign Minister", "denmark", date(2017, 3, 1), "anders-samuelsen"),
    ("Foreign Minister", "finland", date(2009, 3, 1), "alexander-stubb"),
    ("Foreign Minister", "switzerland", date(2015, 3, 1), "didier-burkhalter"),
    ("Foreign Minister", "jamaica", date(2017, 8, 30), "kamina-johnson-smith"),
    ("Minister of International Relations and Cooperation", "south-africa", date(2018, 6, 1), "lindiwe-sisulu"),
    # heads of international and regional organisations, 2005-2025
    ("President", "un-general-assembly", date(2012, 1, 1), "nassir-al-nasser"),
    ("Secretary-General", "commonwealth", date(2010, 1, 1), "kamalesh-sharma"),
    ("Secretary-General", "asean", date(2010, 1, 1), "surin-pitsuwan"),
    ("Secretary-General", "caricom", date(2023, 1, 1), "carla-barnett"),
    ("Secretary-General", "sco", date(2020, 1, 1), "vladimir-norov"),
    ("Secretary General", "council-of-europe", date(2015, 1, 1), "thorbjorn-jagland"),
    ("Secretary General", "osce", date(2014, 1, 1), "lamberto-zannier"),
    ("High Commissioner", "unhcr", date(2010, 1, 1), "antonio-guterres"),
    ("Executive Director", "wfp", date(2014, 1, 1), "ertharin-cousin"),
    ("Executive Director", "unicef", date(2012, 1, 1), "anthony-lake"),
    ("Secretary General", "opec", date(2012, 1, 1), "abdalla-el-badri"),
    ("President", "new-development-bank", date(2021, 1, 1), "marcos-troyjo"),
    ("President", "new-development-bank", date(2024, 1, 1), "dilma-rousseff"),
    # heads of state and government of populous countries that were missing
    ("President", "nepal", date(2018, 1, 1), "bidya-devi-bhandari"),
    ("Prime Minister", "nepal", date(2017, 1, 1), "pushpa-kamal-dahal"),
    ("President", "ethiopia", date(2015, 1, 1), "mulatu-teshome"),
    ("Prime Minister", "uganda", date(2019, 1, 1), "ruhakana-rugunda"),
    ("Prime Minister", "tanzania", date(2012, 1, 1), "mizengo-pinda"),
    ("Prime Minister", "vietnam", date(2012, 1, 1), "nguyen-tan-dung"),
    ("Prime Minister", "algeria", date(2015, 1, 1), "abdelmalek-sellal"),
    ("Prime Minister", "morocco", date(2014, 1, 1), "abdelilah-benkirane"),
    ("Prime Minister", "egypt", date(2016, 1, 1), "sherif-ismail"),
    ("Prime Minister", "south-korea", date(2018, 1, 1), "lee-nak-yon"),
    ("President", "bangladesh", date(2010, 1, 1), "zillur-rahman"),
    # finance and defence ministers of G20 countries, under their national titles
    ("Finance Minister", "germany", date(2013, 1, 1), "wolfgang-schauble"),
    ("Minister of Finance", "japan", date(2022, 1, 1), "shunichi-suzuki"),
    ("Chancellor of the Exchequer", "united-kingdom", date(2011, 1, 1), "george-osborne"),
    ("Treasury Secretary", "united-states", date(2018, 1, 1), "steven-mnuchin"),
    ("Treasurer", "australia", date(2020, 1, 1), "josh-frydenberg"),
    ("Finance Minister", "india", date(2016, 1, 1), "arun-jaitley"),
    ("Finance Minister", "south-africa", date(2019, 1, 1), "tito-mboweni"),
    ("Finance Minister", "turkiye", date(2024, 1, 1), "mehmet-simsek"),
    ("Defense Secretary", "united-states", date(2014, 1, 1), "chuck-hagel"),
    ("Defence Secretary", "united-kingdom", date(2018, 1, 1), "gavin-williamson"),
    ("Defence Minister", "germany", date(2016, 1, 1), "ursula-von-der-leyen"),
    ("Defence Minister", "japan", date(2021, 1, 1), "nobuo-kishi"),
    ("Defence Minister", "india", date(2018, 1, 1), "nirmala-sitharaman"),
    ("Defence Minister", "china", date(2015, 1, 1), "chang-wanquan"),
    # prime ministers where the president leads
    ("Prime Minister", "cote-d-ivoire", date(2022, 1, 1), "patrick-achi"),
    ("Prime Minister", "cameroon", date(2015, 1, 1), "philemon-yang"),
    ("Prime Minister", "chad", date(2024, 3, 1), "succes-masra"),
    # the heads of central banks: the Fed's chair, the governors, the ECB's president
    ("Chair", "federal-reserve", date(2016, 1, 1), "janet-yellen"),
    ("Chairman", "federal-reserve", date(2010, 1, 1), "ben-bernanke"),
    ("President", "ecb", date(2008, 1, 1), "jean-claude-trichet"),
    # defence ministers of Israel, Ukraine and Iran; Pakistan's caretaker prime ministers
    ("Defence Minister", "israel", date(2017, 1, 1), "avigdor-lieberman"),
    ("Defence Minister", "ukraine", date(2016, 1, 1), "stepan-poltorak"),
    ("Defence Minister", "iran", date(2019, 1, 1), "amir-hatami"),
    ("Prime Minister", "pakistan", date(2018, 7, 1), "nasirul-mulk"),
    # earlier heads of UN agencies and other international bodies
    ("Director-General", "fao", date(2015, 1, 1), "jose-graziano-da-silva"),
    ("Director-General", "unesco", date(2012, 1, 1), "irina-bokova"),
    ("High Commissioner", "ohchr", date(2010, 1, 1), "navi-pillay"),
    ("Secretary-General", "oecd", date(2015, 1, 1), "angel-gurria"),
    ("Executive Director", "unep", date(2010, 1, 1), "achim-steiner"),
    ("Prime Minister", "new-zealand", date(2012, 1, 1), "john-key"),
])
def test_office_resolves_to_its_holder_on_the_date(gaz, office, of, on, holder):
    assert gaz.holder(office, of, on).id == holder


def test_titles_of_the_2000s_name_their_holders_and_surnames_follow(gaz):
    text = "The French President met the British Prime Minister. Hu Jintao arrived later; Hu spoke."
    assert ids(text, gaz, date(2005, 3, 1)) == ["jacques-chirac", "tony-blair", "hu-jintao", "hu-jintao"]
    assert ids("Kim Jong Il met envoys; Kim later left.", gaz, date(2005, 3, 1)) == ["kim-jong-il", "kim-jong-il"]


def test_office_title_in_text_names_the_holder_of_the_day(gaz):
    text = "The Finnish Prime Minister opened a fish market on Monday."
    assert ids(text, gaz, date(2021, 5, 1)) == ["sanna-marin"]
    assert ids(text, gaz, date(2024, 5, 1)) == ["petteri-orpo"]


@pytest.mark.parametrize("person, group", [
    ("petteri-orpo", "finland"),
    ("christine-lagarde", "eu"),  # through the European Central Bank
    ("ahmed-aboul-gheit", "arab-league"),
    ("naim-qassem", "hezbollah"),
    ("andrew-bailey", "united-kingdom"),  # through the Bank of England
])
def test_people_are_members_of_their_country_or_organisation(gaz, person, group):
    assert person in gaz.members(group)
