"""Made-up pages in layouts seen on real news pages the product had never read: text wrapped at a fixed
width, a statement whose date closes it, a site clock above a story's dateline, kickers and page furniture
in the place of the headline, a closing list of other stories (rules: data/furniture.yaml,
data/datelines.yaml; code: timeline/reading/cleaning.py, building.py)."""

from datetime import date

import pytest

from pages import read_page
from timeline.reading.cleaning import unwrap
from timeline.resources import load
from timeline.settings import DATA_DIR
from timeline.articles import infer_published


def test_a_lead_sentence_wrapped_at_a_fixed_width_is_unwrapped_into_one_line_of_the_body():
    page = (
        "Council fails to agree on port inspections\n"
        "The nine-member harbour council on Tuesday did not reach a\n"
        "decision on the inspections, an official in Exampleton said.\n"
        "Two members voted in favour and seven abstained.\n"
    )
    article = read_page(page)
    assert article.title == "Council fails to agree on port inspections"
    assert article.text.startswith("The nine-member harbour council on Tuesday did not reach a decision on the")


def test_a_line_that_starts_inside_a_sentence_is_not_the_subtitle():
    page = "Former mayor jailed\n\n, the former mayor of Exampleton, was jailed for\nthree years on Friday.\n"
    article = read_page(page)
    assert article.title == "Former mayor jailed"
    assert article.text.startswith(", the former mayor")


def test_a_date_closing_a_statement_dates_it_and_its_paragraph_stays_the_body():
    page = (
        "Statements|\n\n"
        "Answering questions from the press, the spokesperson said the ceremony for new envoys follows protocol. "
        "It is arranged with each mission. The next one will be held soon.\n\n"
        "14 June 2031\n\n"
        "Close Search Window\n"
    )
    article = read_page(page)
    assert article.published == date(2031, 6, 14) and not article.published_inferred
    assert article.text.startswith("Answering questions from the press")
    assert "Close Search Window" not in article.text


def test_a_labelled_date_under_a_list_of_links_at_the_end_is_the_publication_date():
    page = (
        "Envoys present credentials\n\n"
        "Four envoys presented their credentials to the president at a ceremony in the capital on Monday.\n"
        "More From This Section\n"
        "First Published: Jul 02 2031 | 10:28 PM IST\n"
    )
    assert read_page(page).published == date(2031, 7, 2)


def test_a_date_line_with_a_sentence_after_it_is_no_closing_date():
    page = ("Floods hit the valley\n\nRescuers came at dawn. They found two people. Both were unhurt.\n\n"
            "Published On 5 Jun 2031\n\nThe roads reopened.\n")
    article = read_page(page)
    assert article.published is None or article.published_inferred


def test_a_site_clock_months_after_a_yearless_dateline_gives_the_dateline_its_year():
    page = (
        "Monday, May 19, 2031\n"
        "spot_img\n\n"
        "President receives ceremonial welcome in the capital\n\n"
        "Date:\n\nShare post:\n\n"
        "Exampleton, Dec 16: The visiting president was welcomed at the palace on Monday.\n"
    )
    article = read_page(page)
    assert article.title == "President receives ceremonial welcome in the capital"
    assert article.published == date(2030, 12, 16)
    assert "dateline" in article.published_basis


def test_a_dated_dateline_below_a_caption_and_a_site_clock_is_the_storys_day():
    page = (
        "Tuesday 8 March 2033\n\n"
        "Rescue boats are seen at the harbour of\nExampleton after the storm.\n\n"
        "Ferry service resumes after the storm\n\n"
        "EXAMPLETON, October 4, 2030\n\n"
        "The ferry service between the islands resumed on Saturday, the port authority said.\n"
    )
    article = read_page(page)
    assert article.published == date(2030, 10, 4)
    assert "dateline" in article.published_basis and "EXAMPLETON" not in article.text


def test_a_dated_dateline_after_the_stamp_does_not_move_the_publication_day():
    page = "Talks open\n\nMay 19, 2031\n\nEXAMPLETON, May 21, 2031 - The talks opened on Monday.\n"
    assert read_page(page).published == date(2031, 5, 19)


def test_a_yearless_dateline_on_the_stamps_day_keeps_the_stamp():
    page = "Talks open\n\nMay 19, 2031\n\nExampleton, May 19: The talks opened on Monday.\n"
    assert read_page(page).published == date(2031, 5, 19)


def test_kickers_and_site_links_are_not_the_headline():
    page = (
        "Top of page\n\n"
        "California\n\n"
        "Crews build containment lines around two wildfires\n\n"
        "Firefighters built containment lines around two wildfires on Sunday, officials said.\n"
    )
    assert read_page(page).title == "Crews build containment lines around two wildfires"
    bulleted = "• Premier League\n\nWhat the managers said\n\nAugust 27, 2031\n\nThe manager praised his side.\n"
    article = read_page(bulleted)
    assert article.title == "What the managers said" and article.published == date(2031, 8, 27)


def test_a_caption_with_its_credit_is_neither_the_title_nor_the_text():
    page = (
        "A patrol car with its lights on (Photo: JANE ROE/Wire via Example Images)\n\n"
        "One person was killed in a shooting near the depot, police said on Thursday.\n"
    )
    article = read_page(page)
    assert article.title == ""
    assert "patrol car" not in article.text


def test_a_closing_list_of_other_headlines_is_dropped():
    page = (
        "Plane crash kills ten\n\n"
        "A small plane crashed near the airport on Sunday, killing ten people, officials said.\n"
        "jr/ab\n"
        "-\n"
        "Minister resigns over leaked memo\n"
        "-\n"
        "Floods close two schools in the north\n"
        "-\n"
        "Court delays ruling on port contract\n"
    )
    article = read_page(page)
    assert article.text.endswith("officials said.")


def test_a_short_closing_list_without_enough_headlines_stays():
    page = "Talks end\n\nThe talks ended on Sunday, officials said.\nNext round in May\n"
    assert read_page(page).text.endswith("Next round in May")


def test_an_outlet_stamp_with_a_font_size_prompt_and_a_foreign_month_give_the_date():
    page = "Ex-governor jailed for two years\nWire, January 7, 2031 Adjust font size:\nThe former governor was jailed.\n"
    assert read_page(page).published == date(2031, 1, 7)
    spanish = "Sanctions signed into law\n\nJane Roe\nAgosto 3, 2031\n\nThe president signed the sanctions law.\n"
    assert read_page(spanish).published == date(2031, 8, 3)


def test_a_written_label_gives_the_publication_date():
    page = ("Hostages released\n\nWritten: 2031-10-14 07:54:06Updated: 2031-10-14 08:58:56\n\n"
            "All the hostages were released on Monday.\n")
    assert read_page(page).published == date(2031, 10, 14)


def test_a_date_only_the_headline_names_dates_the_page_by_inference():
    page = ("{Envoys presented their credentials to the president in the capital on Thursday 16th Jan 2031.}\n"
            "Among the envoys was the new ambassador of Exampleland.\n"
            "The previous ceremony was held on October 23, 2030.\n")
    article = read_page(page)
    from timeline.articles import infer_published
    dated = infer_published(article, None)
    assert dated.published == date(2031, 1, 16) and dated.published_inferred


def test_a_glued_menu_and_the_pages_age_are_not_the_headline():
    page = (
        " date 2031-08-24 MarketsSolutionsLegalExample News AgencyRisk ManagementBlog: Answers On\n"
        "a year ago\n"
        "Air strike may have killed civilians, military says\n\n"
        "Example Staff\n\n"
        "An air strike on a depot on Tuesday may have killed civilians, the command said on Wednesday.\n\n"
        "Reporting by Jane Roe; Editing by John Doe\n"
    )
    article = read_page(page)
    assert article.title == "Air strike may have killed civilians, military says"
    assert article.published == date(2031, 8, 24)
    assert article.text == "An air strike on a depot on Tuesday may have killed civilians, the command said on Wednesday."


def test_a_short_lower_case_caption_under_the_headline_does_not_unseat_it():
    page = ("Five arrested after shots fired at patrol cars\n\ncity hall at night\n\n"
            "Five people were arrested on Tuesday after shots were fired at patrol cars, police said.\n")
    assert read_page(page).title == "Five arrested after shots fired at patrol cars"


def test_the_headline_printed_again_and_a_repeated_caption_are_dropped_from_the_body():
    page = (
        "Envoy wins praise for talks\n\n"
        "August 24, 2031 / 9:03 PM / a year ago\n\n"
        "Envoy wins praise for talks\n\n"
        "Divers search the harbour after the storm.\n"
        "Divers search the harbour after the storm.\n\n"
        "The envoy was praised on Tuesday for the talks, officials said.\n\n"
        "Updated Date: August 24, 2031 12:35:51 IST\n"
    )
    article = read_page(page)
    assert article.published == date(2031, 8, 24)
    assert article.text == ("Divers search the harbour after the storm.\n\n"
                            "The envoy was praised on Tuesday for the talks, officials said.")


def test_a_stamp_followed_by_page_tools_and_a_font_widget_in_words_dates_the_page():
    page = ("Ministry of Examples Press service Statements\n"
            "Wednesday, 5 June 2030. PDF Print E-mail\n"
            "Minister meets ambassadors\n"
            "+ larger fontnormal font- Smaller font\n"
            "The minister met the country's ambassadors today at the ministry.\n")
    article = read_page(page)
    assert article.published == date(2030, 6, 5)
    assert article.text == "The minister met the country's ambassadors today at the ministry."


def test_a_question_and_answer_column_keeps_its_q_and_a():
    page = ("Reactions to a takeover drive share prices\n\n-\n\nExample Column\n\nQ: Does the target's share price always go up? — A reader\n\n"
            "A: It depends on the deal, the columnist wrote.\n")
    article = read_page(page)
    assert article.text.startswith("Q: Does the target's share price always go up?")


def test_a_date_line_before_a_second_story_at_the_end_stays():
    page = ("Champion wins final\n\nOct 29, 2031\n\nThe champion won the final on Sunday.\n\n"
            "Veteran beats rival in indoor final\n\nOct 29, 2031\n"
            "BASEL — The veteran finally beat his rival in an indoor final, winning in three sets after losing the first "
            "one on a tie-break, and lifted the trophy for the tenth time in front of a home crowd that had waited")
    assert "Oct 29, 2031\nBASEL" in read_page(page).text


def test_a_long_cookie_banner_and_a_long_line_of_icon_names_are_dropped():
    icons = " ".join(["article", "bell", "cancel-o", "chevron-down", "email", "facebook", "menu", "search", "twitter",
                      "left-arrow", "right-arrow", "download", "pinterest", "loader", "hamburger"] * 4)
    banner = ("We and our partners use cookies to understand how you use our site, improve your experience and serve "
              "you content. Read about how we use cookies in our cookie policy and how you can control them by "
              "clicking Manage Settings. By continuing to use this site, you accept these cookies and all the rest of it.")
    assert len(icons) > 300 and len(banner) > 300
    page = f"Storm update\n\n{icons}\n\nThe storm flooded two towns on Monday, officials said.\n\n{banner}\n"
    assert read_page(page).text == "The storm flooded two towns on Monday, officials said."


def test_a_caption_date_above_the_lead_and_the_leads_weekday_date_the_page():
    from timeline.articles import infer_published

    page = ("Largest aid convoy reaches the valley\n\n"
            "Jane Roe, Wire | A family rides a scooter alongside a long line of relief trucks carrying food and "
            "medicine for the besieged residents as they arrive in the town of Exampleton on April 19, 2033\n\n"
            "Aid groups launched their largest delivery yet on Thursday, officials said.\n")
    dated = infer_published(read_page(page), None)
    # 19 April 2033 is a Tuesday: the lead's Thursday is 21 April.
    assert dated.published == date(2033, 4, 21) and dated.published_inferred


def test_a_head_date_is_not_used_when_the_text_counts_from_an_unstated_year_or_names_a_later_day():
    from timeline.articles import infer_published

    archive = ("Air raid killed two children, military says\n\n"
               "A file photo shows jets flying on September 23, 2033 after strikes.\n\n"
               "Air strikes last year killed two children by mistake, officials said Thursday.\n")
    assert infer_published(read_page(archive), None).published is None
    later = ("Aid reaches the valley\n\nTrucks arrive in Exampleton on April 19, 2033\n\n"
             "Aid groups delivered food on Thursday. The next convoy is planned after talks on 2 May 2033 ended.\n")
    assert infer_published(read_page(later), None).published != date(2033, 4, 21)


def test_a_comma_left_before_a_dateline_by_a_cut_link_does_not_hide_it():
    page = "Talks open in the capital\n\n, SPRINGFIELD, Utopia, Aug 30 – Ministers met on Thursday at the palace.\n"
    article = read_page(page)
    assert article.text.startswith("Ministers met on Thursday")
    assert article.published_basis == "dateline without year: SPRINGFIELD, Utopia, Aug 30 –"


def test_a_dated_photo_caption_keeps_its_words_without_the_credit_and_dates_the_lead():
    page = (
        "Ministers discuss a summit\n\n"
        "The ministers at their meeting, June 2, 2031, Springfield, Utopia (Photo: Example Ministry)\n\n"
        "The foreign ministers met in Springfield on Monday and discussed the summit documents.\n"
    )
    article = read_page(page)
    assert "subtitle: The ministers at their meeting, June 2, 2031, Springfield, Utopia" in article.notes
    assert infer_published(article, None).published == date(2031, 6, 2)


def test_a_created_field_in_a_bar_separated_byline_dates_the_page():
    page = (
        "Leaders vow to cooperate\n"
        "The two presidents vowed on Monday to cooperate on trade.\n"
        "Wire | Springfield | Updated: 05-04-2031 23:22 IST | Created: 04-04-2031 23:22 IST\n"
        "The two presidents vowed on Monday to cooperate on trade, energy and culture.\n"
    )
    article = read_page(page)
    assert article.published == date(2031, 4, 4)
    assert article.text.startswith("The two presidents vowed on Monday to cooperate on trade, energy")


def test_stamps_of_other_scripts_date_the_page():
    arabic = read_page("Minister meets envoy\nSunday\u060c 02 March 2031 - 12:39 PM\n\nThe minister met the envoy on Saturday.\n")
    assert arabic.published == date(2031, 3, 2)
    cyrillic = read_page("Minister visits a shelter\n\n25 октября 2031\nThe minister visited a shelter today.\n")
    assert cyrillic.published == date(2031, 10, 25)
    labelled = read_page("Minister visits a shelter\n\nОпубліковано 15 May 2031 року, о 14:24\n\nToday the minister visited.\n")
    assert labelled.published == date(2031, 5, 15)


def test_a_break_inside_a_sentence_goes_but_breaks_between_sentences_and_headlines_stay():
    page = (
        "Strike hits a house\n\n"
        "OSLO, Sept 21 At least six civilians were killed\n"
        "on Wednesday when an air strike hit a house, residents said.\n"
        "Rescuers searched the rubble.\n\n"
        "Officials said the families and\n\nloved ones were told.\n"
    )
    article = read_page(page)
    assert article.text.startswith("At least six civilians were killed on Wednesday when an air strike hit a house")
    assert "residents said.\nRescuers searched" in article.text
    assert "the families and loved ones were told." in article.text


@pytest.mark.parametrize("example", load("furniture.yaml", DATA_DIR)["line_goes_on_examples"])
def test_a_line_ending_with_a_comma_or_a_word_no_sentence_ends_with_goes_on_in_the_next_line(example):
    assert unwrap(example["text"], DATA_DIR) == example["kept"]


def test_a_sentence_cut_into_two_paragraphs_after_a_preposition_is_one_line_of_the_body():
    page = (
        "Jets strike palace in Exampleton\n\n"
        "Fighter jets of an alliance hit a palace in the port city of\n\n"
        "Exampleton on Wednesday, a resident said.\n"
    )
    article = read_page(page)
    assert article.title == "Jets strike palace in Exampleton"
    assert article.text == "Fighter jets of an alliance hit a palace in the port city of Exampleton on Wednesday, a resident said."


def test_a_list_of_teasers_cut_with_an_ellipsis_is_no_part_of_the_story():
    page = (
        "Ministers meet in Exampleton\n\n"
        "The foreign ministers of Ruritania and Osterlich met in Exampleton on Monday.\n"
        "They discussed trade and transport.\n"
        "Floods close two schools in the north\n"
        "Rescuers evacuated hundreds of families from the river towns after heavy…\n"
        "Police detained four suspects in the southern city of Porto…\n"
        "Army kills rebels near the border\n"
    )
    article = read_page(page)
    assert article.text == (
        "The foreign ministers of Ruritania and Osterlich met in Exampleton on Monday.\n"
        "They discussed trade and transport.\nArmy kills rebels near the border"
    )


def test_a_single_line_ending_with_an_ellipsis_stays_in_the_story():
    page = "Envoy speaks\n\nThe envoy met the minister on Monday.\nHe said the talks would go on...\nThey ended at noon.\n"
    assert "He said the talks would go on..." in read_page(page).text


def test_a_caption_written_twice_over_in_one_line_is_no_part_of_the_story():
    caption = "Rescuers search the rubble of a market in Exampleton on Sunday (Wire)"
    page = f"Quake kills dozens\n\n{caption} {caption}\n\nThe death toll rose to 40 on Monday, officials said.\n"
    assert read_page(page).text == "The death toll rose to 40 on Monday, officials said."


def test_a_sentence_that_repeats_a_phrase_stays():
    line = "The ministers met in Exampleton on Monday, and the ministers met in Exampleton on Monday again."
    assert read_page(f"Talks\n\n{line}\n").text == line


def test_a_stamp_without_its_year_above_the_headline_is_not_the_title():
    page = "Thursday\nApril 13\nEnvoy arrives in Exampleton for talks\n\nThe envoy arrived in Exampleton on Thursday.\n"
    article = read_page(page)
    assert article.title == "Envoy arrives in Exampleton for talks"
    assert article.text == "The envoy arrived in Exampleton on Thursday."


def test_a_stamp_below_a_menu_and_a_standfirst_is_the_publication_date():
    menu = "".join(f"  • Province {n}\n" for n in range(12))
    page = (
        menu + "\n"
        "Premier holds phone talks with neighbouring counterpart\n\n"
        "NEWS - The premier asked his counterpart to keep the border crossings open during a phone call.\n\n"
        "September 20, 2031 11:23 AM GMT+7\n"
        "The premier on the phone - Photo 1.\n\n"
        "The two premiers discussed trade, transport and the harvest. They agreed to meet next year.\n"
    )
    article = read_page(page)
    assert article.published == date(2031, 9, 20) and not article.published_inferred
    assert "11:23" not in article.text


def test_a_latest_update_stamp_below_teasers_is_the_publication_date():
    page = (
        "Ferry service resumes?\n\nRead more\n\nA new bridge for the old town\n\nRead more\n\n"
        "Leaders open the annual assembly\n\nText by Desk\n\nLatest update : 2031-09-24\n\n"
        "The president called for a joint response to the crisis in his first address to the assembly. "
        "He spoke for forty minutes. Delegates applauded.\n"
    )
    assert read_page(page).published == date(2031, 9, 24)


def test_a_date_line_below_the_first_sentences_of_the_story_is_no_stamp_of_the_page():
    page = (
        "Floods hit the valley\n\n"
        "Rescuers reached the villages at dawn on the second day.\n\n"
        "They found two families on a roof and brought them to the school.\n\n"
        "Boats from the next town joined them in the afternoon.\n\n"
        "Published On 5 Jun 2031\n\n"
        "The roads reopened later in the week.\n"
    )
    article = read_page(page)
    assert article.published is None or article.published_inferred


WIDGET_EXAMPLES = load("datelines.yaml", DATA_DIR)["date_widget"]["examples"]


@pytest.mark.parametrize("example", WIDGET_EXAMPLES, ids=[e["text"] for e in WIDGET_EXAMPLES])
def test_date_widget_examples(example):
    from timeline.reading.rules import date_rules
    assert bool(date_rules(DATA_DIR).date_widget.match(example["text"])) == example["widget"]


def test_a_box_of_the_days_rates_above_the_story_is_neither_its_title_nor_its_date():
    page = (
        "Currency rates from 26/11/2031\n$1 – 1193.89\nABC – -0.43%\n€1 – 1376.20\nABC – -0.39%\nSearch\n"
        "Two foreign ministers meet in the capital\n\n"
        "Exampleton (Example News) -- On 23 May 2017, the foreign ministers of Ostravia and Velmora met in the "
        "capital. They discussed transport links.\n"
    )
    article = infer_published(read_page(page), None)
    assert article.title == "Two foreign ministers meet in the capital"
    assert article.published == date(2017, 5, 23) and article.published_inferred


def test_the_story_own_date_line_below_its_headline_wins_over_a_site_clock_above_the_page():
    page = (
        "3/9/2033\n"
        "Today from Example Online:  _\n"
        "advertisements\n"
        "UPDATE: Gunmen storm a hotel in the port city, several dead\n\n"
        "Saturday June 14, 2031\n\n"
        "Port City (EO) - Gunmen stormed a hotel in the port city on Friday evening, police said.\n"
    )
    article = read_page(page)
    assert article.published == date(2031, 6, 14)
    assert "Gunmen stormed a hotel" in article.text and "June 14" not in article.text


def test_a_dated_dateline_opening_the_lead_below_a_caption_an_editors_note_and_a_byline_dates_the_page():
    with_year = (
        "Relief ships reach the islands\n\n"
        "Dock workers unload bottled water donated to the relief agency as part of the storm response.\n\n"
        "PORT EXAMPLE, Utopia, Friday May 9, 2031 – Relief supplies began arriving yesterday, officials said.\n"
    )
    article = read_page(with_year)
    assert article.published == date(2031, 5, 9)
    assert article.text.endswith("Relief supplies began arriving yesterday, officials said.")
    yearless = (
        "Storm hits the coast\n\n"
        "A satellite image shows the storm on Friday, Nov. 7, 2031, as it nears the coast. (Photo/Example Agency)\n\n"
        "(Adds landfall, evacuations)\n\n"
        "By Jane Roe\n\n"
        "EXAMPLETON, Nov 8 (Wire) - A strong storm hit the coast on Saturday, officials said.\n"
    )
    article = read_page(yearless)
    assert article.published_basis.startswith("dateline without year: EXAMPLETON, Nov 8 (Wire)")
    assert infer_published(article, None).published == date(2031, 11, 8)


def test_a_dateline_further_down_than_the_first_lines_or_without_a_date_is_left_in_the_story():
    far = ("Talks end\n\n" + "".join(f"Paragraph {n} of the story tells what was said.\n\n" for n in range(7))
           + "OSLO, May 4, 2031 (Wire) - An older report follows.\n")
    assert read_page(far).published is None
    undated = ("Talks end\n\nThe ministers posed for a photo at the hall.\n\n"
               "OSLO (Wire) - The talks ended on Friday.\n")
    assert "OSLO (Wire)" in read_page(undated).text
