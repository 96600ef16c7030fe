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


RECALLS_ITS_YEAR = ("Port strike enters second month\n\n"
                    "Dock workers and the port authority resumed talks in a coastal town on April 12.\n\n"
                    "On March 30, strikers blocked the gates of the container terminal with tractors.\n\n"
                    "The previous wage deal lapsed on Oct. 4, 2022, after which the union balloted its members.")


def test_a_yearless_day_is_read_after_the_text_own_latest_dated_mention_not_near_a_far_corpus_date():
    """The batch's median (1 October 2023) puts "March 30" nearer in 2024, but the text recalls October 2022 as
    past: March 30 first follows it in 2023. April 12, 2023 (nearest and first after it) is the latest day left."""
    result = infer_published(_read(RECALLS_ITS_YEAR), date(2023, 10, 1))
    assert result.published == date(2023, 4, 12) and result.published_inferred


def test_a_yearless_day_the_corpus_date_puts_a_year_late_gives_no_day():
    text = ("Talks stall\n\nDock workers met the port authority on March 30 in a coastal town.\n\n"
            "The previous wage deal lapsed on Oct. 4, 2022.")
    result = infer_published(_read(text), date(2023, 10, 1))
    assert result.published != date(2024, 3, 30)


CAPTION = ("Trade envoys confer in Busan\n\n"
           "Figures released by the trade office on Jan. 10, Friday, show the two envoys signing a customs note in "
           "Busan on Jan. 9, Thursday.\n\nThe envoys signed the note on Thursday, weeks after the new cabinet "
           "formed under {leader}.")


def test_a_day_month_with_its_weekday_after_it_takes_the_nearest_year_its_office_holders_allow():
    """"Jan. 10, Friday" (the weekday after the date) is a Friday in 2020 and 2025; 2020 is nearer a corpus
    date of early 2021, but the text names a prime minister who took office in October 2024."""
    named = infer_published(_read(CAPTION.format(leader="Prime Minister Shigeru Ishiba")), date(2021, 3, 1))
    assert named.published == date(2025, 1, 10) and "Ishiba" in named.published_basis
    unnamed = infer_published(_read(CAPTION.format(leader="its new leader")), date(2021, 3, 1))
    assert unnamed.published == date(2020, 1, 10)


def test_a_day_earlier_than_a_month_the_text_reports_is_only_a_bound():
    """The text reports a vote "in March 2024" after a contract of 5 December 2023: the article came after
    March 2024, so the contract's day is no publication day."""
    text = ("Bridge works begin\n\nThe first cranes arrived at the river crossing on Tuesday.\n\n"
            "The city signed the building contract on December 5, 2023. A council vote in March 2024 delayed it.")
    result = infer_published(_read(text), date(2023, 12, 20))
    assert result.published is None and publication_floor(result) == date(2024, 3, 1)


def test_a_far_explicit_day_on_the_only_weekday_the_text_names_is_the_publication_day():
    """In a batch whose median is years away, a page that says "opened on Monday" and quotes a post of
    June 3, 2024 (a Monday) appeared that day; with a Tuesday named instead, it did not."""
    text = ("Library reopens\n\nThe city library reopened to readers on {day} after repairs.\n\n"
            "- The mayor (@mayor) June 3, 2024")
    on_it = infer_published(_read(text.format(day="Monday")), date(2019, 6, 1))
    assert on_it.published == date(2024, 6, 3) and on_it.published_inferred
    other = infer_published(_read(text.format(day="Tuesday")), date(2019, 6, 1))
    assert other.published is None


def test_a_yearless_dateline_is_never_placed_before_what_the_text_reports():
    """A corpus date of June 2023 puts "Jan 5" in January 2023, but the text reports 12 December 2023 as past:
    the dateline is 5 January 2024, the first after it."""
    text = ("Talks resume\n\nBAKU, Jan 5 (Reuters) - The ministers met again. They recalled the talks of "
            "12 December 2023.")
    result = infer_published(_read(text), date(2023, 6, 1))
    assert result.published == date(2024, 1, 5)


def test_a_yearless_dateline_is_not_put_in_a_corpus_year_whose_weekday_the_text_denies():
    """"June 7 (Wire) -- ... on Saturday": June 7 is a Friday in 2024 (the corpus year), so the Saturday
    the lead reports cannot be that week's; the page stays undated rather than take a guessed year. A lead
    naming Friday keeps 2024."""
    text = "Ferry service resumes\n\nJune 7 (Wire) -- The ferry line between the two islands resumed on {day}."
    denied = infer_published(_read(text.format(day="Saturday")), date(2024, 5, 20))
    assert denied.published is None
    kept = infer_published(_read(text.format(day="Friday")), date(2024, 5, 20))
    assert kept.published == date(2024, 6, 7)
    both = infer_published(_read(text.format(day="Saturday, a day after a first try failed on Friday")), date(2024, 5, 20))
    assert both.published is None


def test_a_yearless_day_in_a_corpus_year_its_office_holders_deny_gives_no_day():
    """"today (May 20)" with a batch median of March 2020 would be 20 May 2020, but the text names a foreign
    minister in office from June 2023: no day rather than a year the text denies."""
    text = ("Envoys meet\n\nForeign Minister Hakan Fidan held talks with a visiting delegation today (May 20) "
            "in the capital.")
    result = infer_published(_read(text), date(2020, 3, 31))
    assert result.published is None
    plain = infer_published(_read(text.replace("Foreign Minister Hakan Fidan", "The mayor")), date(2020, 3, 31))
    assert plain.published == date(2020, 5, 20)


def test_a_batch_reference_is_its_median_only_when_its_dates_gather_in_one_period():
    from timeline.reading.inference import batch_reference

    months = [date(2031, 3, 1), date(2031, 4, 2), date(2031, 5, 9), date(2031, 9, 20), date(2032, 1, 5)]
    assert batch_reference(months) == date(2031, 5, 9)
    years = [date(2016 + 2 * i, 5, 1) for i in range(8)]  # one page every other year
    assert batch_reference(years) is None
    assert batch_reference([]) is None and batch_reference([date(2031, 5, 9)]) == date(2031, 5, 9)
    spread = [date(2008, 9, 7), date(2013, 10, 25), date(2014, 1, 23), date(2018, 8, 4), date(2020, 10, 14),
              date(2022, 4, 17)]  # two of six near the median: pages from many years, whatever the median says
    assert batch_reference(spread) is None
    assert batch_reference(spread[:3] + [date(2014, 3, 1)]) == date(2013, 10, 25)  # three of four near it


def test_a_yearless_dateline_is_not_put_in_the_batch_year_when_the_lead_weekday_does_not_fit_it():
    """30 April is a Friday in 2032: a lead's Tuesday is three days before it, not a day a Friday dateline
    reports, so 2032 (nearest the batch's date) is not its year. In 2030 it is a Tuesday: kept."""
    page = "OSLO, April 30 (Wire) -- At least 20 people were killed in a raid on a village, sources said on Tuesday.\n"
    assert infer_published(_read(page), date(2032, 3, 1)).published is None
    assert infer_published(_read(page), date(2030, 3, 1)).published == date(2030, 4, 30)
    monday = "OSLO, April 28 (Wire) -- At least 20 people were killed in a raid on a village on Friday, sources said.\n"
    assert infer_published(_read(monday), date(2031, 3, 1)).published == date(2031, 4, 28)  # a Monday


def test_an_office_holder_named_with_a_lower_case_title_and_its_country_moves_a_yearless_dateline():
    """"ANKARA, May 20 (Wire)" in a batch of early 2021 would be 20 May 2021, but the text names a foreign minister
    in office from June 2023, written "Foreign minister of Türkiye NAME" or "foreign minister NAME": the nearest
    year he held it is 2024. "The visit of NAME" gives him no title: the batch's year stays."""
    line = "Envoys meet\n\nANKARA, May 20 (Wire) - {who} held talks with a visiting trade delegation in the capital."
    for who in ("Foreign minister of Türkiye Hakan Fidan", "The foreign minister Hakan Fidan"):
        result = infer_published(_read(line.format(who=who)), date(2021, 3, 1))
        assert result.published == date(2024, 5, 20) and "Fidan" in result.published_basis
    untitled = infer_published(_read(line.format(who="A delegation led by the aide of Hakan Fidan")), date(2021, 3, 1))
    assert untitled.published == date(2021, 5, 20)


def test_the_news_under_a_yearless_dateline_takes_its_day_once_the_year_is_inferred():
    """The dateline writes the day and month; only the year is inferred (day_stated), so the lead's undated news
    takes that day (rule 3), while a publication day inferred from the text alone stays a lower bound."""
    from timeline.actors import load_gazetteer
    from timeline.pipeline import parse_article
    from timeline.reading.inference import day_stated

    text = ("Ministers meet in Velm\n\nVELM, May 14 (Wire) - The foreign ministers of Estonia and Latvia held talks "
            "in Velm.\n\nThey discussed fishing rights and a new ferry line.")
    article = infer_published(_read(text), date(2032, 6, 1))
    assert article.published == date(2032, 5, 14) and article.published_inferred and day_stated(article)
    (meeting,) = [e for e in parse_article(article, load_gazetteer()).events if e.event_type == "meeting"]
    assert meeting.date == date(2032, 5, 14) and "publication" in meeting.date_basis
    assert not day_stated(infer_published(_read(RECALLS_ITS_YEAR), date(2023, 10, 1)))


UNSTAMPED = ("Rebels raid army post\n\nRebels attacked an army post in the north of the country on October 7, "
             "killing twelve soldiers, the army said today.\n\nThe attackers fled into the hills.\n\n"
             "Troops sealed the roads around the post.\n\n"
             "The group had signed a truce with the government on 5 March 2021, but the truce did not last.")


def test_a_background_day_after_the_lead_gives_no_publication_day_and_no_year_to_the_text():
    """No stamp, no weekday: "5 March 2021", recalled after the lead, is no publication day, only a lower bound;
    so the lead's "October 7" and "today" are not counted from it (they were 7 October 2020 and 5 March 2021)."""
    from timeline.actors import load_gazetteer
    from timeline.pipeline import parse_article

    article = infer_published(_read(UNSTAMPED), None)
    assert article.published is None and publication_floor(article) == date(2021, 3, 5)
    events = parse_article(article, load_gazetteer()).events
    (raid,) = [e for e in events if e.event_type == "incident"]
    assert raid.date is None
    lead = infer_published(_read(UNSTAMPED.replace("on October 7", "on 7 October 2023")), None)
    assert lead.published == date(2023, 10, 7) and lead.published_inferred  # the lead's own day: it stands
    named = infer_published(_read(UNSTAMPED.replace("on October 7", "on Friday")), None)
    assert named.published == date(2021, 3, 5)  # a Friday, as the text says: it stands


def test_a_yearless_day_takes_the_year_next_to_the_batch_year_that_puts_it_on_the_lead_weekday():
    """A batch of early 2025 puts "17 April" in 2025, a Thursday; the lead's talks were on Wednesday, and 17 April
    2024 is a Wednesday (2026: a Friday): the page is of 2024, not bounded by a day a year late."""
    page = ("Ministers meet\n\nThe foreign ministers of Ostravia and Velmora held talks in the capital on Wednesday, "
            "officials said.\n\nThe talks of 17 April covered trade and fishing rights.")
    result = infer_published(_read(page), date(2025, 1, 27))
    assert result.published == date(2024, 4, 17) and result.published_inferred and "Wednesday" in result.published_basis
    friday = infer_published(_read(page.replace("on Wednesday", "on Friday")), date(2025, 1, 27))
    assert friday.published != date(2025, 4, 17)  # no year puts it on a Friday near the batch: no such day


def test_a_yearless_dateline_takes_the_year_next_to_the_batch_year_that_puts_it_on_the_lead_weekday():
    """As a yearless day of the text does: "OSLO, April 17" in a batch of early 2025 is a Thursday in 2025, the lead's
    talks were on Wednesday, and 17 April 2024 is a Wednesday: the dateline is of 2024. A lead whose weekday no
    year next to the batch's puts the dateline on keeps the batch's year."""
    page = ("Ministers meet\n\nOSLO, April 17. /Wire/. The foreign ministers of Ostravia and Velmora held talks in the "
            "capital on Wednesday, officials said.\n\nThey discussed trade and fishing rights.")
    result = infer_published(_read(page), date(2025, 1, 27))
    assert result.published == date(2024, 4, 17) and "Wednesday" in result.published_basis
    tuesday = infer_published(_read(page.replace("on Wednesday", "on Tuesday")), date(2025, 1, 27))
    assert tuesday.published == date(2025, 4, 17)  # two days before a Thursday: no neighbouring year is a Tuesday
    day_before = ("Blast at a depot\n\nOSLO, SEPTEMBER 26, Wire. A blast at a fuel depot killed 20 people on Monday "
                  "evening, officials said.\n\nRescuers searched the site.")
    # 26 September 2023 is a Tuesday, 2022 a Monday: in a batch of December 2023 the lead tells the day before.
    assert infer_published(_read(day_before), date(2023, 12, 13)).published == date(2023, 9, 26)


def test_an_inferred_day_far_before_every_year_the_text_names_is_not_taken():
    """A page headed by an old date the reader does not know as the outlet's own ("The Example Herald, May 19, 1883"
    with no founding word) over a lead that names a Friday would be dated to the first Friday after 1883-05-19; but the
    text reports a 2021 law and a 2019 inquiry: the page is not that old, so no day is inferred."""
    page = ("Raid in the port city\n\nThe Example Herald, May 19, 1883\n\n"
            "Police raided a house in the port city on Friday and detained two men, officials said.\n\n"
            "The raid was carried out under a 2021 law on smuggling, passed after a 2019 inquiry was opened.")
    assert infer_published(_read(page), None).published is None
    recent = page.replace("1883", "2023")
    assert infer_published(_read(recent), None).published == date(2023, 5, 19)  # a Friday: it stands


def test_the_news_under_a_full_date_of_the_head_or_lead_takes_that_day_as_the_publication_day():
    """A page without a date line whose caption or lead writes out the latest day the text reports: that day is the
    publication day as if stated (rule 3: the lead's undated news is of that day). A full date written only further
    down stays a lower bound."""
    from timeline.actors import load_gazetteer
    from timeline.pipeline import parse_article
    from timeline.reading.inference import day_stated

    text = ("Ministers meet in Velm\n\nThe ministers at the palace in Velm, 14 May 2032 (Photo: Example Ministry)\n\n"
            "The foreign ministers of Estonia and Latvia have held talks in Velm.\n\n"
            "They discussed fishing rights and a new ferry line.")
    article = infer_published(_read(text), None)
    assert article.published == date(2032, 5, 14) and day_stated(article)
    (meeting,) = [e for e in parse_article(article, load_gazetteer()).events if e.event_type == "meeting"]
    assert meeting.date == date(2032, 5, 14) and "publication" in meeting.date_basis
    later = ("Ministers meet in Velm\n\nThe foreign ministers of Estonia and Latvia have held talks in Velm.\n\n"
             "They discussed fishing rights. The talks went on for hours. The ferry plan was put off.\n\n"
             "A ferry line was first proposed on 14 May 2032 by the port.")
    assert not day_stated(infer_published(_read(later), None))


def test_the_latest_explicit_date_is_named_by_the_words_that_write_it_out():
    """A day the tagger counted from a written date ("earlier in the day" after "May 9, 2031") is the same day; the
    basis names the written words, and a later day so counted says what it was counted from."""
    same = ("Leaders meet\n\nThe two leaders shake hands in Velm, May 9, 2031.\n\n"
            "At the talks after his arrival earlier in the day, the president spoke of trade.")
    article = infer_published(_read(same), None)
    assert article.published == date(2031, 5, 9) and "'May 9, 2031'" in article.published_basis
    later = same.replace("earlier in the day", "the next day")
    article = infer_published(_read(later), None)
    assert article.published == date(2031, 5, 10) \
        and "'the next day' (counted from 'May 9, 2031' (2031-05-09))" in article.published_basis


def test_a_floor_whose_text_names_other_weekdays_says_which_ones_cannot_be_placed():
    text = ("Ferry sinks\n\nRescuers search the river near Velm, Monday, May 12, 2031.\n\n"
            "Divers found two more survivors on Tuesday, three days after the ferry sank on Saturday.")
    article = infer_published(_read(text), None)
    assert article.published is None and publication_floor(article) == date(2031, 5, 12)
    assert "names Tuesday, Saturday: those weekdays cannot be placed" in article.published_basis


def test_a_day_month_with_its_weekday_takes_the_one_year_of_its_office_holders_terms_without_a_corpus_date():
    """No corpus date and no date written with its year: "Jan. 10, Friday" is a Friday in 2020 and 2025, and only
    2025 falls in the term of the prime minister the text names (October 2024 to October 2025). Without an office
    holder the year is unknown, and so is the day."""
    named = infer_published(_read(CAPTION.format(leader="Prime Minister Shigeru Ishiba")), None)
    assert named.published == date(2025, 1, 10) and named.published_inferred and "Ishiba" in named.published_basis
    unnamed = infer_published(_read(CAPTION.format(leader="its new leader")), None)
    assert unnamed.published is None


OLD_PICTURE = ("Two rebels killed in a raid in the hills\n\n"
               "A file picture, shot on July 9, 2014, shows troops on patrol at a market in Velm. (Wire)\n\n"
               "VELM: Soldiers killed two rebels in a raid in the hills, the army said on Saturday.\n\n"
               "One of the dead had taken part in an attack on a police post in March 2022, the army said.")


def test_a_head_date_before_a_month_the_text_reports_gives_no_publication_day():
    """The head's picture is of 9 July 2014, but the text reports March 2022: the lead's Saturday is not the first
    one after the picture's day (12 July 2014); the article came after March 2022, on no day it states."""
    result = infer_published(_read(OLD_PICTURE), None)
    assert result.published is None and publication_floor(result) == date(2022, 3, 1)


def test_a_yearless_day_placed_in_the_batch_year_alone_gives_no_bound_when_it_cannot_stand():
    """A later sentence's "the June 2 session", placed in the batch's year only by its nearness to the batch date,
    cannot be the publication day (the text also names a Tuesday it is not): nor is it a floor, since the page may
    be of any year. No day and no bound rather than a false "not before"."""
    text = ("Harbour board adopts fees\n\n"
            "The harbour board adopted its new mooring fees on Tuesday evening after a short debate.\n\n"
            "Members thanked the clerk for the tables she prepared.\n\n"
            "Two members spoke against the rise.\n\n"
            "A first reading had been held at the June 2 session, when the chair asked for more figures.")
    result = infer_published(_read(text), date(2031, 8, 1))
    assert result.published is None and publication_floor(result) is None


def test_a_day_month_with_its_weekday_takes_the_latest_year_the_text_writes_when_it_falls_on_that_weekday():
    """No date to count from, but the headline's year: 8 March is a Wednesday in 2028 (and not in 2029)."""
    text = ("Harbour board wins the 2028 port vote\n\n"
            "Early on Wednesday, March 8, the harbour board was declared the winner of the ballot.\n\n"
            "Its chair thanked the dock workers at a rally that afternoon.")
    result = infer_published(_read(text), None)
    assert result.published == date(2028, 3, 8) and result.published_inferred
    assert "the latest year the text writes" in result.published_basis


def test_a_day_month_whose_weekday_fits_neither_the_texts_latest_year_nor_the_next_gives_no_day():
    """8 March is a Wednesday in 2028 and in 2034 only: a text whose latest year is 2030 gives it no year."""
    text = ("Harbour board reviews its 2030 plan\n\n"
            "Early on Wednesday, March 8, the harbour board was declared the winner of the ballot.")
    assert infer_published(_read(text), None).published is None
