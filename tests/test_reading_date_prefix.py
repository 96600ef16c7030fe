"""A stored web page whose first line is its date line running on into the first sentence."""

from timeline.reading.cleaning import clean, split_date_prefix
from timeline.settings import DATA_DIR


def test_a_date_line_running_into_the_first_sentence_is_split_off():
    text = " date 2024-05-03 Exampleland's foreign minister on Thursday met her Otherland counterpart in Oslo.\n\nMore."
    cleaned = clean(text, DATA_DIR)
    assert [found.date.year for found in cleaned.date_lines] == [2024]
    assert cleaned.text.startswith("Exampleland's foreign minister on Thursday met")
    assert "2024-05-03" not in cleaned.text


def test_a_short_tail_stays_on_the_date_line_and_other_lines_are_untouched():
    lines = [" date 2024-05-03 + A 12 pt", "", "Body."]
    assert split_date_prefix(lines, DATA_DIR) == lines
    body = ["The talks of 2024-05-03 ended without a statement, officials said on Friday in a short note."]
    assert split_date_prefix(body, DATA_DIR) == body


def test_a_headline_on_the_date_line_becomes_the_title():
    text = " date 2024-05-03 Floods: what we know about the rescue so far\n\nThe army evacuated 300 people on Friday.\n"
    cleaned = clean(text, DATA_DIR)
    assert [found.date.day for found in cleaned.date_lines] == [3]
    assert cleaned.title == "Floods: what we know about the rescue so far"
    assert cleaned.text == "The army evacuated 300 people on Friday."


def test_a_menu_item_above_the_headline_opens_no_link_list():
    from timeline.reading.cleaning import strip_furniture
    lines = ["More news", "Ministers agree on a border commission", "World | 4 March 2024", "",
             "The two foreign ministers met in Oslo on Monday.", "", "More news", "Floods hit the north", "Talks resume"]
    kept, _, _ = strip_furniture(lines, DATA_DIR)
    assert [line for line in kept if line] == ["Ministers agree on a border commission", "World | 4 March 2024",
                                               "The two foreign ministers met in Oslo on Monday."]
