"""Whole made-up pages in the layouts stored web pages have: the site's furniture around the story must not
become the title, the text or the publication date (rules: data/furniture.yaml)."""

from datetime import date

from pages import read_page


def test_a_site_clock_above_the_story_is_not_its_publication_date():
    page = (
        "Monday, March 3, 2031 | Last Update : 10:05 AM GMT\n\n"
        "Rivers pact signed by two neighbours\n\n"
        "Wire\n"
        "Published : Feb 4, 2030, 9:15 am GMT\n\n"
        "The foreign ministers of Exampleland and Otherland signed a rivers pact on Tuesday in Oslo.\n"
    )
    article = read_page(page)
    assert article.published == date(2030, 2, 4)
    assert article.title == "Rivers pact signed by two neighbours"
    assert "2031" not in article.text and "Wire" not in article.text.split("\n")


def test_the_same_weekday_date_alone_is_still_the_publication_date():
    page = "Monday, March 3, 2031\n\nRivers pact signed\n\nThe ministers signed a rivers pact on Monday in Oslo.\n"
    assert read_page(page).published == date(2031, 3, 3)


def test_a_language_switcher_above_the_headline_is_dropped():
    switcher = "\n".join(["English", "Русский", "Français", "Oʻzbek", "Español", "Deutsch", "Türkçe", "العربية"])
    page = (
        f"{switcher}\n"
        "Exampleland and Otherland sign a health memorandum\n"
        "10:34 / 2030-12-01\n\n"
        "The memorandum between the health ministries of Exampleland and Otherland was signed in Oslo.\n"
    )
    article = read_page(page)
    assert article.title == "Exampleland and Otherland sign a health memorandum"
    assert not any(word in article.text for word in ("English", "Русский", "Oʻzbek"))


def test_breadcrumbs_logos_and_version_notes_are_not_the_title():
    page = (
        " date 2030-06-03 You are here:\n"
        "  1. Latest News\n"
        "  2. World News\n"
        "Example Daily Logo\n"
        "Details added (first version posted on 11:05)\n"
        "Six hurt as gas cylinder explodes at bus station\n"
        "Wire June 3, 2030 09:41:05 GMT\n\n"
        "Six people were hurt when a gas cylinder exploded at the Exampleton bus station, police said.\n"
    )
    article = read_page(page)
    assert article.published == date(2030, 6, 3)
    assert article.title == "Six hurt as gas cylinder explodes at bus station"
    assert article.text.startswith("Six people were hurt")


def test_a_menu_of_sections_and_widgets_is_dropped_and_a_list_of_other_headlines_after_the_story_too():
    page = (
        "Rescuers evacuate 300 people from flooded town\n"
        "World\n"
        "Business & Economy\n"
        "Science & Space\n"
        "Select the city\n"
        "Currency converter\n"
        "Saturday, 06 Apr 2030\n\n"
        "Rescuers evacuated 300 people from the flooded town of Exampleton on Saturday, officials said.\n\n"
        "(Reporting by Jane Roe; Editing by John Doe)\n\n"
        "Next In World\n\n"
        "Ministers meet in Oslo to discuss trade\n"
        "Storm hits the coast of Otherland\n"
    )
    article = read_page(page)
    assert article.published == date(2030, 4, 6)
    assert article.title == "Rescuers evacuate 300 people from flooded town"
    assert article.text == "Rescuers evacuated 300 people from the flooded town of Exampleton on Saturday, officials said."


def test_captions_and_credits_leave_the_story_sentences_alone():
    page = (
        "Convoy reaches besieged town\n"
        "May 9, 2030\n\n"
        "1 of 4 | Trucks wait at a checkpoint. File Photo by Jane Roe/Wire\n"
        "File image of a checkpoint. Wire\n"
        "Jane Roe/Wire\n"
        "An aid convoy reached the besieged town of Exampleton on Thursday. (Photo: Wire)\n"
        "SOURCE: Wire and agencies\n"
    )
    article = read_page(page)
    assert article.published == date(2030, 5, 9)
    # the credit on the sentence's line makes it a caption: cut, it leaves data/furniture.yaml's caption_mark
    assert article.text == "An aid convoy reached the besieged town of Exampleton on Thursday. (Photo)"


def test_a_byline_stamp_under_a_long_credited_caption_dates_the_page():
    """A standfirst, then a caption of several sentences closed by its photo credit, then the wire's name and the
    writer's name glued to the date: the caption is no story text, so the stamp under it still dates the page."""
    page = (
        "Envoy lays wreath at river memorial\n\n"
        "The envoy laid a wreath at the memorial by the river.\n"
        "The envoy of Exampleland stands at the river memorial in Springfield. The memorial opened ten years ago. "
        "Visitors leave flowers there each spring, and a choir sings by the water on the anniversary of the flood. "
        "Schools from the valley send pupils to learn how the river rose in a single night and how the town rebuilt "
        "its bridges. Picture date: Thursday June 5, 2031 (Jane Roe/Wire)\n"
        "Example Wire\n"
        "John Doe05 June 2031\n\n"
        "The envoy of Exampleland laid a wreath at the river memorial in Springfield and met survivors of the flood.\n"
    )
    assert read_page(page).published == date(2031, 6, 5)
