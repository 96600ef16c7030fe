"""Publication dates inferred from the text (timeline/reading/inference.py): cases beyond the examples of
data/datelines.yaml that need a corpus date."""

from __future__ import annotations

from datetime import date

from timeline.articles import infer_published, read_bytes
from timeline.models import Article
from timeline.reading.inference import publication_floor
from timeline.settings import Settings


def _read(text: str) -> Article:
    (article,) = read_bytes("a.txt", text.encode("utf-8"), Settings())
    return article


RECALLS_ITS_YEAR = ("Ministers meet as a blockade drags on\n\n"
                    "The agriculture ministers of two countries met in a border city on March 8.\n\n"
                    "On Feb. 20, protesters spilled grain from freight cars at a railway station.\n\n"
                    "The restrictions expired on Sept. 15, 2023, after which three countries imposed bans.")


def test_a_yearless_day_is_read_after_the_text_own_latest_dated_mention_not_near_a_far_corpus_date():
    """The batch's median (late August 2024) puts "Feb. 20" nearer in 2025, but the text recalls September
    2023 as past: Feb. 20 and March 8 first follow it in 2024, and March 8, 2024 is the latest day reported."""
    result = infer_published(_read(RECALLS_ITS_YEAR), date(2024, 8, 30))
    assert result.published == date(2024, 3, 8) and result.published_inferred


def test_a_yearless_day_the_corpus_date_puts_a_year_late_gives_no_day():
    text = ("Talks stall\n\nThe ministers met on Feb. 20 in a border city.\n\n"
            "The restrictions expired on Sept. 15, 2023.")
    result = infer_published(_read(text), date(2024, 8, 30))
    assert result.published != date(2025, 2, 20)


CAPTION = ("Ministers meet in Lima\n\n"
           "This photo, provided by the ministry on Nov. 15, Friday, shows the two foreign ministers meeting in Lima "
           "on Nov. 14, Thursday.\n\nThe ministers met in Lima on Thursday, the first meeting since the new "
           "government took office under {leader}.")


def test_a_day_month_with_its_weekday_after_it_takes_the_nearest_year_its_office_holders_allow():
    """"Nov. 15, Friday" (the weekday after the date) is a Friday in 2019 and 2024; 2019 is nearer a corpus
    date of mid-2021, but the text names a prime minister who took office in October 2024."""
    named = infer_published(_read(CAPTION.format(leader="Prime Minister Shigeru Ishiba")), date(2021, 6, 1))
    assert named.published == date(2024, 11, 15) and "Ishiba" in named.published_basis
    unnamed = infer_published(_read(CAPTION.format(leader="its new leader")), date(2021, 6, 1))
    assert unnamed.published == date(2019, 11, 15)


def test_a_day_earlier_than_a_month_the_text_reports_is_only_a_bound():
    """The text reports a ruling "in January 2024" after a vote of 2 October 2023: the article came after
    January 2024, so the vote's day is no publication day."""
    text = ("Police land in the capital\n\nThe first officers landed in the capital on Tuesday.\n\n"
            "The council authorised the mission on October 2, 2023. A court ruling in January 2024 held it up.")
    result = infer_published(_read(text), date(2023, 10, 20))
    assert result.published is None and publication_floor(result) == date(2024, 1, 1)


def test_a_far_explicit_day_on_the_only_weekday_the_text_names_is_the_publication_day():
    """In a batch whose median is years away, a page that says "met on Monday" and quotes a post of
    April 15, 2024 (a Monday) appeared that day; with a Tuesday named instead, it did not."""
    text = ("Ministers meet\n\nThe two foreign ministers met in the capital on {day} for talks.\n\n"
            "- The minister (@minister) April 15, 2024")
    on_it = infer_published(_read(text.format(day="Monday")), date(2019, 6, 1))
    assert on_it.published == date(2024, 4, 15) and on_it.published_inferred
    other = infer_published(_read(text.format(day="Tuesday")), date(2019, 6, 1))
    assert other.published is None


def test_a_yearless_dateline_is_never_placed_before_what_the_text_reports():
    """A corpus date of June 2023 puts "Jan 5" in January 2023, but the text reports 12 December 2023 as past:
    the dateline is 5 January 2024, the first after it."""
    text = ("Talks resume\n\nBAKU, Jan 5 (Reuters) - The ministers met again. They recalled the talks of "
            "12 December 2023.")
    result = infer_published(_read(text), date(2023, 6, 1))
    assert result.published == date(2024, 1, 5)
