"""Publication dates from header layouts and from inference.

Header lines of common layouts give the article's date (published lines win over updated ones; a date
inside a body sentence is no header). Inference examples come from data/datelines.yaml (after_words,
weekday_agreement): a day from the text is the publication day only when it can stand for it; otherwise
the article stays undated and its basis keeps the earliest day left (``publication_floor``).
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline.articles import infer_published, read_bytes
from timeline.models import Article
from timeline.reading.inference import publication_floor
from timeline.resources import load
from timeline.settings import DATA_DIR, Settings

BODY = "Ministers of two countries met in a capital and agreed to meet again.\n\nThey spoke at length."


def _read(text: str) -> Article:
    items = read_bytes("a.txt", text.encode("utf-8"), Settings())
    assert len(items) == 1 and isinstance(items[0], Article)
    return items[0]


HEADERS = [
    ("Published 25 Sep 2024, 08:17", date(2024, 9, 25)),
    ("Sep 25, 2024 | 08:17 AM", date(2024, 9, 25)),
    ("25/09/2024 08:17", date(2024, 9, 25)),
    ("Updated: 2024-09-25T08:17:00+04:00", date(2024, 9, 25)),
    ("Wed 25 Sep 2024 08.17 BST", date(2024, 9, 25)),
    ("September 25, 2024 8:17 AM GMT+4", date(2024, 9, 25)),
    ("Economy Materials 2 April 2023 11:05 (UTC +04:00)", date(2023, 4, 2)),
    ("02.04.2023 [11:05]  |  Society  |  👁 3 120", date(2023, 4, 2)),
    ("11:05, 2 April 2023", date(2023, 4, 2)),
    ("Top Stories 11:05 April 02, 2023", date(2023, 4, 2)),
    ("Updated 26 Sep 2024 | Published 25 Sep 2024", date(2024, 9, 25)),
]


@pytest.mark.parametrize("header, expected", HEADERS, ids=[h for h, _ in HEADERS])
def test_header_layouts_give_the_publication_date(header, expected):
    article = _read(f"A headline about talks\n\n{header}\n\n{BODY}")
    assert article.published == expected and not article.published_inferred
    assert article.published_basis == header
    assert header not in article.text and article.title == "A headline about talks"


def test_header_stamp_with_an_unfilled_template_counter_is_read():
    article = _read(f"A headline about talks\n\nTuesday, 3 June 2031 00:00 -   - {{{{page.views}}}}\n\n{BODY}")
    assert article.published == date(2031, 6, 3) and not article.published_inferred
    assert "{{" not in article.text


def test_a_print_edition_stamp_at_the_foot_dates_the_page():
    article = _read(f"A headline about talks\n\n{BODY}\n\nMetro Section on 11/28/2030\n\nUpcoming Events")
    assert article.published == date(2030, 11, 28) and not article.published_inferred
    assert "Metro Section" not in article.text


def test_an_update_stamp_after_a_section_slug_under_the_standfirst_is_read():
    text = f"A headline about talks\n\nThe two ministers met in the capital.\n\nworld Updated: Mar 5, 2030 10:00 IST\n\n{BODY}"
    assert _read(text).published == date(2030, 3, 5)


def test_header_below_a_kicker_and_a_subtitle_is_still_read():
    text = f"World\n\nA headline about talks\n\nA standfirst without a final stop\n\nAll News 11:05 April 02, 2023\n\n{BODY}"
    assert _read(text).published == date(2023, 4, 2)


def test_published_wins_over_updated_whatever_the_order():
    for lines in (("Updated: 26 Sep 2024 10:00", "Published: 25 Sep 2024 08:17"),
                  ("Published: 25 Sep 2024 08:17", "Updated: 26 Sep 2024 10:00")):
        article = _read("A headline about talks\n\n" + "\n".join(lines) + "\n\n" + BODY)
        assert article.published == date(2024, 9, 25)


def test_a_date_and_time_inside_a_body_sentence_is_no_header():
    article = _read("A headline about talks\n\nThe talks on 25 September 2024 at 08:17 ended without a deal.\n\n" + BODY)
    assert article.published is None and article.published_basis == ""
    assert "25 September 2024" in article.text


def test_time_first_header_wins_over_a_yearless_dateline():
    article = _read(f"A headline about talks\n\n11:05, 2 April 2023\n\nROME, APRIL 2, AGENCY. {BODY}")
    assert article.published == date(2023, 4, 2) and article.source == "AGENCY"
    assert article.text.startswith("Ministers")


def test_city_byline_agency_dateline_is_cut_and_names_the_outlet():
    article = _read(f"A headline about talks\n\n02.04.2023 [11:05] | Society\n\nGanja. Leyla Mammadli – APA. {BODY}")
    assert article.source == "APA" and article.text.startswith("Ministers")


INFERENCE = [(section, ex) for section in ("after_words", "ahead_words", "founding_words", "weekday_agreement",
                                             "yearless_dateline", "deictic_gloss")
             for ex in load("datelines.yaml", DATA_DIR)[section]["examples"]]


@pytest.mark.parametrize("section, example", INFERENCE, ids=[f"{s}:{e['text'][:40]}" for s, e in INFERENCE])
def test_inference_examples(section, example):
    result = infer_published(_read(f"A headline about talks\n\n{example['text']}"), None)
    expected = date.fromisoformat(example["published"]) if example["published"] else None
    floor = date.fromisoformat(example["not_before"]) if example["not_before"] else None
    assert result.published == expected
    assert result.published_inferred == (expected is not None)
    assert publication_floor(result) == floor


def test_every_inference_section_has_a_dated_and_an_undated_example():
    for section in ("after_words", "weekday_agreement", "yearless_dateline"):
        examples = load("datelines.yaml", DATA_DIR)[section]["examples"]
        assert any(e["published"] for e in examples) and any(e["not_before"] for e in examples)


def test_a_bound_far_from_the_corpus_date_still_bounds():
    article = _read("A headline about talks\n\nShots were fired on Friday night, the first since 2 June 2020.")
    result = infer_published(article, date(2024, 9, 1))
    assert result.published is None and publication_floor(result) == date(2020, 6, 3)


def test_a_reported_day_after_the_bound_is_still_inferred():
    article = _read("A headline about talks\n\nSince 1 June 2022 talks stalled. They resumed on 6 June 2022.")
    result = infer_published(article, None)
    assert result.published == date(2022, 6, 6) and result.published_inferred
    assert publication_floor(result) is None


def test_floor_is_none_for_dated_and_evidence_free_articles():
    assert publication_floor(_read(f"A headline\n\nPublished 25 Sep 2024\n\n{BODY}")) is None
    plain = infer_published(_read(f"A headline\n\n{BODY}"), date(2024, 9, 1))
    assert plain.published is None and publication_floor(plain) is None


PLACE_DATE_LINES = [
    ("New York, 21 March 2024", ""),
    ("LONDON, 21 March 2024", ""),
    ("Brussels, 21.03.2024", ""),
    ("Geneva, March 21, 2024", ""),
    ("Tbilisi, Georgia, March 21, 2024", ""),
    ("Kyiv — March 21, 2024", ""),
    ("ANKARA (AA) - 21 March 2024", "AA"),
    ("21 March 2024, New York", ""),
    ("Thursday, 21 March 2024, Geneva", ""),
    ("NEW YORK, March 21, 2024 /PRNewswire/ --", "PRNewswire"),
    ("BEIJING, March 21, 2024 (Xinhua)", "Xinhua"),
    ("GENEVA (21 March 2024)", ""),
    ("Moscow, 21 March 2024, 14:05", ""),
]


@pytest.mark.parametrize("line, outlet", PLACE_DATE_LINES, ids=[line for line, _ in PLACE_DATE_LINES])
def test_place_and_date_alone_under_the_title_give_the_publication_date(line, outlet):
    article = _read(f"A headline about talks\n\n{line}\n\n{BODY}")
    assert article.published == date(2024, 3, 21) and not article.published_inferred
    assert article.published_basis == line and article.source == outlet
    assert article.text == BODY and article.title == "A headline about talks"


@pytest.mark.parametrize("sentence", [
    "In New York, 21 March 2024 was a cold day.",
    "New York, 21 March 2024 was a cold day for the talks.",
    "21 March 2024, New York saw the talks resume.",
])
def test_a_place_and_date_in_a_body_sentence_is_no_dateline(sentence):
    article = _read(f"A headline about talks\n\n{sentence}\n\n{BODY}")
    assert article.published is None and article.published_basis == ""
    assert article.text.startswith(sentence)


def test_a_yearless_dateline_alone_gives_no_date_without_support():
    article = infer_published(_read(f"A headline about talks\n\nBaku, Azerbaijan, October 8\n\n{BODY}"), None)
    assert article.published is None and publication_floor(article) is None
    assert article.published_basis == "dateline without year: Baku, Azerbaijan, October 8"


def test_a_corpus_date_still_places_a_yearless_dateline_on_its_weekday():
    article = _read("A headline about talks\n\nBAKU, Tuesday, May 14 (Reuters) - The ministers met.")
    result = infer_published(article, date(2024, 6, 1))
    assert result.published == date(2024, 5, 14) and result.published_inferred
    assert "a Tuesday, as it says" in result.published_basis


def test_the_text_own_year_for_a_yearless_dateline_is_marked_inferred_with_its_basis():
    text = "A headline about talks\n\nApril 2 (Reuters) - Talks held on 28 March 2023 failed, officials said."
    result = infer_published(_read(text), None)
    assert result.published == date(2023, 4, 2) and result.published_inferred and result.source == "Reuters"
    assert "'28 March 2023'" in result.published_basis and "April 2" in result.published_basis


BYLINE_DATES = [
    ("Maria Lopez | 14.05.2024", date(2024, 5, 14)),
    ("Ayse Demir Kaplan   |14.05.2024 - Update : 15.05.2024", date(2024, 5, 14)),
    ("Jan Novak |14.05.2024 - Update: 16.05.2024 10:15", date(2024, 5, 14)),
]


@pytest.mark.parametrize("line, expected", BYLINE_DATES, ids=[line for line, _ in BYLINE_DATES])
def test_a_byline_with_a_piped_date_gives_the_first_date_not_the_update(line, expected):
    article = _read(f"A headline about talks\n\nA standfirst without a final stop\n\n{line}\n\nANKARA, Türkiye\n\n{BODY}")
    assert article.published == expected and not article.published_inferred
    assert article.published_basis == line and "Update" not in article.text


TWO_PLACE_DATELINES = [
    ("PARIS/BERLIN, 7 June 2024 –", date(2024, 6, 7), ""),
    ("Geneva/New York, 7 June 2024 -", date(2024, 6, 7), ""),
    ("LONDON/KYIV, 7 June 2024 (AFP) -", date(2024, 6, 7), "AFP"),
    ("Nairobi/Addis Ababa (UNHCR) –", None, "UNHCR"),
]


@pytest.mark.parametrize("dateline, expected, outlet", TWO_PLACE_DATELINES, ids=[d for d, _, _ in TWO_PLACE_DATELINES])
def test_a_dateline_of_two_places_is_cut_up_to_its_dash(dateline, expected, outlet):
    article = _read(f"A headline about talks\n\n{dateline} {BODY}")
    assert article.published == expected and article.source == outlet
    assert article.text == BODY


def test_a_two_place_dateline_under_an_untaken_headline_is_still_read():
    head = "An International Organisation\n\nDepartment | Press release\n\nThe envoy ends a regional tour"
    article = _read(f"{head}\n\nPARIS/BERLIN, 7 June 2024 – The envoy today concluded a visit.\n\n{BODY}")
    assert article.published == date(2024, 6, 7) and article.published_basis == "PARIS/BERLIN, 7 June 2024 –"
    assert "The envoy ends a regional tour\n\nThe envoy today concluded a visit." in article.text


@pytest.mark.parametrize("sentence", [
    "Exports to Russia/China, 7 June 2024 – figures show – rose sharply.",
    "The Paris/Berlin talks, 7 June 2024 – the last round – ended.",
])
def test_two_places_and_a_date_in_a_body_sentence_are_no_dateline(sentence):
    article = _read(f"A headline about talks\n\n{sentence}\n\n{BODY}")
    assert article.published is None and article.published_basis == ""
    assert article.text.startswith(sentence)


def test_a_list_of_links_under_a_related_header_is_furniture_and_no_date_source():
    """Link titles under "Related content" (with their dates) are dropped up to the first sentence; a
    "Related: ..." link of its own opens no list."""
    from timeline.reading.cleaning import strip_furniture

    lines = ["The ministers met on Monday.", "", "Related content", "Floods hit the north  |  2 May 2021",
             "", "Talks resume in Geneva", "The agency said more talks would follow.",
             "Related: EU sends aid", "Ministers sign a trade pact"]
    kept, dropped, _ = strip_furniture(lines, DATA_DIR)
    assert [line for line in kept if line] == ["The ministers met on Monday.", "The agency said more talks would follow.",
                                               "Ministers sign a trade pact"]
    assert "link_list" in dropped


def test_yearless_dateline_takes_the_year_its_office_holders_allow():
    """The corpus year would put "President Donald Trump" in Biden's term: the nearest year in which the
    named holder held office wins, and the basis says why."""
    text = b"WASHINGTON, Feb. 3 (Reuters) - President Donald Trump met the visiting delegation on Monday."
    article = infer_published(read_bytes("a.txt", text)[0], date(2024, 6, 1))
    assert article.published == date(2025, 2, 3) and "office" in article.published_basis


def test_yearless_dateline_without_a_corpus_year_takes_the_only_year_of_its_holders():
    text = b"TOKYO, Nov. 15 (Kyodo) - Foreign Minister Yoko Kamikawa met President Joe Biden in Lima."
    assert infer_published(read_bytes("a.txt", text)[0], None).published == date(2023, 11, 15)
    former = b"TOKYO, Nov. 15 (Kyodo) - Former Foreign Minister Yoko Kamikawa met President Joe Biden in Lima."
    assert infer_published(read_bytes("a.txt", former)[0], None).published is None


SAME_DAY_OPENERS = load("sentences.yaml")["same_day_openers"]["examples"]


@pytest.mark.parametrize("example", SAME_DAY_OPENERS, ids=[e["text"][-40:] for e in SAME_DAY_OPENERS])
def test_a_part_of_the_day_opener_goes_on_with_the_day_before(example):
    """data/sentences.yaml ``same_day_openers``: "In the evening, ..." takes the day of the event just before it."""
    from timeline.actors import load_gazetteer
    from timeline.pipeline import parse_article

    article = Article(id="a", name="a.txt", title="", text=example["text"], published=date(2024, 5, 8))
    events = parse_article(article, load_gazetteer()).events
    second = [e for e in events if e.evidence_start >= example["text"].index(". ") + 2]
    assert len(second) == 1
    expected = example["date"] and date.fromisoformat(example["date"])
    assert second[0].date == expected


@pytest.mark.parametrize("text,day", [
    ("The standoff began in May 2020, and ties worsened after a clash in the valley in June that year killed 20 soldiers.",
     date(2020, 6, 1)),
    ("The war broke out in 2020. A ceasefire was signed in November of that year.", date(2020, 11, 1)),
])
def test_a_month_with_that_year_is_in_the_year_named_before(text, day):
    """"in June that year": the month takes the year named before it, and "that year" read alone (from the
    month, in the publication year) dates nothing."""
    from timeline.actors import load_gazetteer
    from timeline.pipeline import parse_article

    article = Article(id="a", name="a.txt", title="", text=text, published=date(2024, 7, 31))
    (event,) = [e for e in parse_article(article, load_gazetteer()).events if e.date is not None]
    assert (event.date, event.precision) == (day, "month")


OPENING_SPEECH = load("sentences.yaml")["opening_speech"]["examples"]


@pytest.mark.parametrize("example", OPENING_SPEECH, ids=[e["text"][:40] for e in OPENING_SPEECH])
def test_an_opening_speech_takes_the_day_the_conference_opened(example):
    """data/sentences.yaml ``opening_speech``: "In his opening address" after "The summit opened on Monday"."""
    from timeline.actors import load_gazetteer
    from timeline.pipeline import parse_article

    article = Article(id="a", name="a.txt", title="", text=example["text"], published=date(2024, 5, 8))
    events = parse_article(article, load_gazetteer()).events
    speeches = [e for e in events if e.event_type == "speech"]
    assert len(speeches) == 1
    assert speeches[0].date == (example["date"] and date.fromisoformat(example["date"]))


ARRIVALS = load("sentences.yaml")["arrival_clause"]["examples"]


@pytest.mark.parametrize("example", ARRIVALS, ids=[e["text"][:50] for e in ARRIVALS])
def test_an_event_after_an_arrival_on_the_publication_day_is_that_day(example):
    """data/sentences.yaml ``arrival_clause``: "X, who arrived on Tuesday morning, met Y", published that Tuesday."""
    from timeline.actors import load_gazetteer
    from timeline.pipeline import parse_article

    article = Article(id="a", name="a.txt", title="", text=example["text"], published=date(2024, 5, 7))
    meetings = [e for e in parse_article(article, load_gazetteer()).events if e.event_type == "meeting"]
    assert len(meetings) == 1
    assert meetings[0].date == (example["date"] and date.fromisoformat(example["date"]))


WELCOMES = load("sentences.yaml")["arrival_place"]["examples"]


@pytest.mark.parametrize("example", WELCOMES, ids=[e["text"][-40:] for e in WELCOMES])
def test_a_meeting_at_the_airport_after_a_visit_is_the_visit_day(example):
    """data/sentences.yaml ``arrival_place``: "Y met him at the airport" right after a dated visit."""
    from timeline.actors import load_gazetteer
    from timeline.pipeline import parse_article

    article = Article(id="a", name="a.txt", title="", text=example["text"], published=date(2024, 5, 10))
    meetings = [e for e in parse_article(article, load_gazetteer()).events if e.event_type == "meeting"]
    assert len(meetings) == 1
    assert meetings[0].date == (example["date"] and date.fromisoformat(example["date"]))
