"""Whole-page layouts of publication dates (made-up pages): where the date line sits and what surrounds it."""

from __future__ import annotations

from datetime import date

from timeline.articles import read_bytes
from timeline.settings import Settings

BODY = "The foreign ministers met on Friday and agreed to open a new crossing."


def _read(name: str, text: str):
    (article,) = read_bytes(name, text.encode("utf-8"), Settings())
    return article


def test_a_date_line_in_a_markdown_list_under_the_headline_is_the_publication_date():
    page = f"# Ministers agree on a crossing\n\n- Published: 5 January 2024\n- Author: Jane Roe\n\n{BODY}"
    article = _read("a.md", page)
    assert article.published == date(2024, 1, 5) and "Published" not in article.text


def test_a_body_list_item_with_a_date_is_no_date_line():
    page = f"# Ministers agree on a crossing\n\n{BODY}\n\nThe talks so far:\n\n- 5 January 2024: a first round in the capital"
    assert _read("a.md", page).published is None


def test_a_page_age_beside_the_date_does_not_hide_it():
    for stamp in ("2 hours ago · January 5, 2024", "January 5, 2024 - 2 hours ago", "Jan 5, 2024 (3 hours ago)",
                  "5 min read · Last updated: January 5, 2024 · 5:32 PM UTC"):
        assert _read("a.txt", f"Ministers agree on a crossing\n\n{stamp}\n\n{BODY}").published == date(2024, 1, 5), stamp


def test_a_yearless_dateline_a_day_before_the_page_stamp_is_the_story_day():
    """A stamp of 4 March 03:40 (a later time zone) over "GENEVA, March 3 (Agency) --": the story was written
    on the 3rd, and its "on Friday" counts from there. A dateline of the stamp's day changes nothing."""
    page = "Council session closes\n\nSource: Agency | 2022-03-04 03:40:10\n\nGENEVA, March {day} (Agency) -- {body}"
    before = _read("a.txt", page.format(day=3, body=BODY))
    assert before.published == date(2022, 3, 3) and "dateline" in before.published_basis
    same = _read("a.txt", page.format(day=4, body=BODY))
    assert same.published == date(2022, 3, 4)


def test_a_yearless_dateline_a_day_after_the_page_stamp_is_the_story_day():
    """A stamp of 9 May (a site in an earlier time zone) over "SEOUL, May 10 (Agency) --": the story was written on
    the 10th, not on 10 May of the year before, and its "yesterday" is the 9th."""
    page = "Ministers sign a pact\n\nPublished: 2031-05-09\n\nSEOUL, May 10 (Agency) -- The two ministers signed a pact, yesterday."
    article = _read("a.txt", page)
    assert article.published == date(2031, 5, 10) and "dateline" in article.published_basis
    later = _read("a.txt", page.replace("May 10", "May 12"))
    assert later.published == date(2031, 5, 9)  # a few days after the stamp: not 12 May of the year before


def test_a_syndication_credit_in_brackets_before_the_dateline_does_not_hide_it():
    """"(Aggregator- Example Wire) OSLO, May 10 (EW) – ...": the credit of the site that reposts a wire story
    stands before the story's dateline, which still dates the story."""
    page = ("Ministers sign a pact\n\nPublished: 2031-05-10\n\n(Aggregator- Example Wire) OSLO, May 9 (EW) – "
            "The two ministers signed a pact.")
    article = _read("a.txt", page)
    assert article.published == date(2031, 5, 9) and article.text.startswith("The two ministers")


def test_a_first_line_dated_to_the_month_only_bounds_the_page_and_gives_no_day():
    """" date 2019-05 Ferries resumed on Monday ...": the page gives a month, not a day: the label is cut, the
    article stays undated, and its events cannot be dated before 1 May 2019."""
    from timeline.articles import infer_published
    from timeline.reading.inference import publication_ceiling, publication_floor

    article = _read("a.txt", " date 2019-05 Ferries between the islands resumed on Monday after a storm.\n\nMore text.")
    assert article.published is None and article.text.startswith("Ferries")
    inferred = infer_published(article, date(2023, 1, 10))
    assert inferred.published is None and publication_floor(inferred) == date(2019, 5, 1)
    assert publication_ceiling(inferred) == date(2019, 5, 31)
    full = _read("a.txt", " date 2019-05-06 Ferries between the islands resumed on Monday.\n\nMore text.")
    assert full.published == date(2019, 5, 6)


def test_a_kicker_before_the_headline_is_no_dateline_and_the_dateline_below_is_read():
    """"BREAKING: ..." opens a headline, not "PLACE: lead": the dateline under it ("January 23, 2031 (OSLO) –")
    is the story's, with its year."""
    page = f"World\nBREAKING: Ministers agree on a crossing\nJanuary 23, 2031 (OSLO) – {BODY}\nMore text follows."
    article = _read("a.txt", page)
    assert article.published == date(2031, 1, 23) and not article.published_inferred
    assert article.text.startswith("The foreign ministers")


def test_a_page_dated_to_its_month_takes_the_day_its_caption_and_lead_give_in_that_month():
    """" date 2031-03" over a caption of "Mar 6, 2031" (a Thursday) and a lead "on Thursday": the page is of that
    Thursday; a day the text gives outside the page's month is no day of it, only the month bounds it."""
    from timeline.articles import infer_published
    from timeline.reading.inference import publication_floor

    page = (" date 2031-03 A photo shows aid trucks near the border, Mar 6, 2031. AGENCY PHOTO\n\n"
            "A convoy of aid trucks on Thursday reached the border town, the Red Cross said.\n\nMore text.")
    inferred = infer_published(_read("a.txt", page), None)
    assert inferred.published == date(2031, 3, 6) and inferred.published_inferred and "2031-03" in inferred.published_basis
    other = infer_published(_read("a.txt", page.replace("Mar 6, 2031", "Feb 27, 2031")), None)
    assert other.published is None and publication_floor(other) == date(2031, 3, 1)


def test_an_undated_event_of_a_page_dated_to_its_month_lies_within_that_month():
    """" date 2019-02" and no day of February: what the page reports as done happened by the end of that month
    (the window a chart draws for an undated event), as the page appeared within it."""
    from timeline.actors import load_gazetteer
    from timeline.articles import infer_published
    from timeline.pipeline import parse_article

    page = " date 2019-02 The two foreign ministers met in Velm to discuss fishing quotas.\n\nMore text."
    (event,) = parse_article(infer_published(_read("a.txt", page), None), load_gazetteer()).events
    assert event.date is None and event.date_window == (date(2019, 2, 1), date(2019, 2, 28))
    assert "nor after 2019-02-28" in event.date_basis
