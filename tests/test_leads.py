"""The lead of a news report: every example of data/leads.yaml, and leads read inside whole articles."""

import shutil
from datetime import date

import pytest
import yaml

from article_events import events_of

from timeline.actors import load_gazetteer
from timeline.articles import read_bytes
from timeline.leads import by_verb, classify, in_background, in_body, lead_sentence, only_dates, own_day, rules
from timeline.models import Article
from timeline.pipeline import parse_article
from timeline.sentences import split
from timeline.settings import DATA_DIR, Settings

RAW = rules().raw
EXAMPLES = [(t, ex) for t, entry in RAW["types"].items() for ex in entry.get("examples", ())]


@pytest.mark.parametrize("event_type,lead", EXAMPLES)
def test_lead_examples_are_classified(event_type, lead):
    guess = classify(lead)
    assert guess is not None and guess.event_type == event_type
    assert lead[guess.start : guess.end] == guess.text


@pytest.mark.parametrize("lead", RAW["not_examples"], ids=lambda s: s[:30])
def test_leads_that_report_no_happening_give_no_guess(lead):
    assert classify(lead) is None


def _no_type_guess(text, data_dir):
    return ""


@pytest.mark.parametrize("lead", RAW["by_verb"]["examples"], ids=lambda s: s[:30])
def test_a_past_verb_after_a_named_subject_on_a_day_reports_the_news(lead):
    assert classify(lead) is None
    guess = by_verb(lead, type_guess=_no_type_guess)
    assert guess is not None and guess.event_type == RAW["by_verb"]["default_type"] and guess.basis == "verb"
    assert lead[guess.start : guess.end] == guess.text
    assert guess.label.startswith(guess.text) or guess.text in RAW["by_verb"]["time_verbs"]  # "spent ... planting"
    assert guess.confidence < RAW["scoring"]["confidence"]


@pytest.mark.parametrize("lead", RAW["by_verb"]["not_examples"], ids=lambda s: s[:30])
def test_a_lead_of_being_saying_a_participle_or_the_present_gives_no_fallback(lead):
    assert by_verb(lead, dated=True, type_guess=_no_type_guess) is None


def test_every_word_list_of_the_fallback_holds_words():
    lists = [v for v in RAW["by_verb"].values() if isinstance(v, list)]
    assert all(isinstance(word, str) for words in lists for word in words)  # "on", "no" are no booleans


def test_the_fallback_needs_a_day_its_own_or_the_page_s():
    lead = "The Estarian rail operator restored the night train between Velm and Ostra."
    assert by_verb(lead, dated=False) is None
    assert by_verb(lead, dated=True) is not None
    assert by_verb(lead.replace(".", " on Wednesday."), dated=False) is not None


def test_the_fallback_takes_the_type_of_a_happening_noun_else_the_type_guess():
    lead = "Delegations of Estaria and Ruritania wrapped up a round of talks in Velm on Friday."
    assert classify(lead) is None or classify(lead).event_type == "meeting"
    assert by_verb("The Ostra mayor greeted the crowd at a bilateral forum in Velm on Friday.",
                   type_guess=_no_type_guess).event_type != "other"
    assert by_verb("The Ostra mayor greeted the crowd at the army barracks in Velm on Friday.",
                   type_guess=_no_type_guess).event_type == "other"  # "army" names no happening
    assert by_verb("The Ostra mayor greeted the crowd at the army barracks in Velm on Friday.",
                   type_guess=lambda text, data_dir: "visit").event_type == "visit"


def test_every_type_has_an_example():
    assert {t for t, _ in EXAMPLES} == set(RAW["types"])


def test_the_lead_is_the_first_full_sentence_after_headline_dateline_and_caption():
    text = ("Storm leaves ferry stranded\n\nThis photo, taken by a passenger, shows the ferry near the pier.\n\n"
            "OSTRA, May 3 (Wire) - A ferry with 200 passengers ran aground off the island of Ostra on Friday.\n\n"
            "Nobody was hurt.")
    lead = lead_sentence(split(text))
    assert lead is not None and lead.text.startswith("A ferry with 200 passengers")


def test_a_caption_line_that_places_people_or_credits_a_photo_is_no_lead():
    text = ("A. Moro (left) greets the visiting Estarian premier at the palace gates. (Photo: Press office)\n\n"
            "The premiers of Quellia and Estaria signed a treaty on fishing rights in the capital.")
    lead = lead_sentence(split(text), text=text)
    assert lead is not None and lead.text.startswith("The premiers")


@pytest.mark.parametrize("credit", ["PHOTO: NORTHERN WIRE SERVICE", "(Photo credit: Northern Wire Service)",
                                    "Photo: Jane Roe/Northern Wire", "Jane Roe/NWS"])
def test_a_caption_whose_credit_line_under_it_is_cut_as_furniture_is_still_no_lead(credit):
    page = ("Velmaria sends troops to flooded north\n\nPublished: 12 March 2031\n\n"
            "Interior Minister Tomas Rell meets residents at a shelter in Port Anselm on Monday.\n"
            f"{credit}\n\nThe government of Velmaria sent 400 soldiers to the flooded northern provinces on Tuesday,"
            " the defence ministry said.\n\nThe minister promised money for repairs.")
    article = read_bytes("a.txt", page.encode())[0]
    assert credit.split(":")[-1].strip(" )") not in article.text  # the credit is gone, its mark is left
    lead = lead_sentence(split(article.text), text=article.text)
    assert lead is not None and lead.text.startswith("The government of Velmaria")


def test_a_caption_whose_credit_on_its_line_is_cut_as_furniture_is_still_no_lead():
    page = ("Velmaria sends troops to flooded north\n\n"
            "Interior Minister Tomas Rell meets residents at a shelter in Port Anselm on Monday. PHOTO: NORTHERN WIRE\n\n"
            "The government of Velmaria sent 400 soldiers to the flooded northern provinces on Tuesday.")
    article = read_bytes("a.txt", page.encode())[0]
    lead = lead_sentence(split(article.text), text=article.text)
    assert lead is not None and lead.text.startswith("The government of Velmaria")


def test_a_caption_written_twice_whose_second_copy_carried_the_credit_is_still_no_lead():
    caption = "Interior Minister Tomas Rell meets residents at a shelter in Port Anselm on Monday."
    page = (f"Velmaria sends troops to flooded north\n\n{caption}\n\n{caption} (Photo: Northern Wire)\n\n"
            "The government of Velmaria sent 400 soldiers to the flooded northern provinces on Tuesday.")
    article = read_bytes("a.txt", page.encode())[0]
    assert article.text.count("Tomas Rell") == 1  # the copy is dropped, its credit's mark left to the first
    lead = lead_sentence(split(article.text), text=article.text)
    assert lead is not None and lead.text.startswith("The government of Velmaria")


def test_a_credit_line_under_a_headline_that_asks_leaves_it_unmarked():
    page = ("Why did the old dam on the river fail so suddenly this week?\nPhoto: Northern Wire\n\n"
            "The dam burst on Tuesday, flooding three villages, officials said.")
    article = read_bytes("a.txt", page.encode())[0]
    assert "(Photo)" not in article.title + article.text


def test_a_credit_line_under_a_later_paragraph_leaves_that_paragraph_unmarked():
    page = ("Velmaria sends troops to flooded north\n\n"
            "The government of Velmaria sent 400 soldiers to the flooded northern provinces on Tuesday.\n\n"
            "The interior minister toured the worst-hit districts on Wednesday.\n\nPhoto: Northern Wire\n\n"
            "The minister promised money for repairs.")
    article = read_bytes("a.txt", page.encode())[0]
    assert "(Photo)" not in article.text and "Northern Wire" not in article.text


@pytest.mark.parametrize("mark,caption", [("(R)", True), ("(r)", False)])
def test_a_capital_letter_in_brackets_places_a_person_in_a_picture_a_small_one_says_retired(mark, caption):
    text = (f"Estarian President Lia Kern {mark} swore in the new chief justice, Ivo Sander, at the palace in Velm on"
            " Tuesday.\n\nThe premiers of Quellia and Estaria signed a treaty on fishing rights in the capital.")
    lead = lead_sentence(split(text), text=text)
    assert lead is not None and lead.text.startswith("The premiers" if caption else "Estarian President")


@pytest.mark.parametrize("caption", [
    "Workers clear the wreckage of the two trains that derailed near the junction. Photo / Wire agency via Wire",
    "Police and residents gather at the site of the blast in the market on Thursday. An official says a bomber"
    " attacked the market, killing shoppers. | Wire",
])
def test_a_caption_line_that_credits_after_a_slash_or_a_bar_is_no_lead(caption):
    text = f"{caption}\n\nTwo freight trains collided near the junction on Friday, killing at least nine people."
    lead = lead_sentence(split(text), text=text)
    assert lead is not None and lead.text.startswith("Two freight trains")


def test_a_happening_named_after_a_background_opener_is_background():
    text = "Rescue crews left for the coast following a powerful earthquake that hit the region."
    assert in_background(text, text.index("earthquake"))
    assert not in_background(text, text.index("left"))


def test_a_main_verb_after_a_background_phrase_is_not_background():
    text = "Nine sailors held for a month by the rebels were freed on Sunday."
    assert not in_background(text, text.index("were freed"))


@pytest.fixture(scope="module")
def unseen(tmp_path_factory) -> Settings:
    """Settings whose trigger rules know no verb for meetings and aid (data/events.yaml without those types'
    verb triggers; their nouns stay): the leads below stand for wording no trigger list has seen."""
    folder = tmp_path_factory.mktemp("data") / "data"
    shutil.copytree(DATA_DIR, folder)
    vocabulary = yaml.safe_load((folder / "events.yaml").read_text(encoding="utf-8"))
    for event_type in ("meeting", "humanitarian"):
        entry = vocabulary["types"][event_type]
        entry["triggers"] = [t for t in entry["triggers"] if t["form"] == "noun"]
    (folder / "events.yaml").write_text(yaml.safe_dump(vocabulary, allow_unicode=True), encoding="utf-8")
    return Settings(data_dir=folder)


def _events(settings: Settings, text: str, published: date | None = date(2024, 5, 8)):
    article = Article(id="a", name="a.txt", title="", text=text, published=published)
    return parse_article(article, load_gazetteer(settings), settings).events


def test_a_lead_no_trigger_reads_makes_one_event_dated_by_publication(unseen):
    events = _events(unseen, "Quellish President Ana Moro accredited five new ambassadors at the palace in Velm.\n\n"
                     "The envoys come from Asia and Europe.")
    assert [(e.event_type, e.date) for e in events] == [("meeting", date(2024, 5, 8))]
    assert events[0].confidence < 0.6
    assert "lead news" in events[0].date_basis


def test_a_lead_that_reports_a_plan_makes_no_event(unseen):
    assert _events(unseen, "The presidents of Estaria and Ruritania are expected to accredit envoys at a ceremony next "
                   "month, officials said.") == ()


def test_a_lead_whose_only_event_is_background_gets_its_main_happening(unseen):
    events = _events(unseen, "Relief crews from nine countries have flown in to help survivors following a devastating "
                     "earthquake that hit the mountain province.\n\nMore teams are expected.")
    assert [e.event_type for e in events] == ["humanitarian"]


def test_a_later_mention_with_the_lead_event_as_its_subject_lends_its_day(unseen):
    events = _events(unseen, "Quellish President Ana Moro accredited five new ambassadors at the palace in Velm.\n\n"
                     "The meeting took place on Monday.")
    assert [(e.event_type, e.date) for e in events] == [("meeting", date(2024, 5, 6))]


def test_a_meeting_recalled_on_another_day_is_not_the_lead_meeting(unseen):
    events = _events(unseen, "Quellish President Ana Moro accredited five new ambassadors at the palace in Velm.\n\n"
                     "The ceremony was agreed by the two chambers during a meeting in Ostra on 2 May.")
    assert [(e.event_type, e.date) for e in events if e.event_type == "meeting"] == \
        [("meeting", date(2024, 5, 8)), ("meeting", date(2024, 5, 2))]


@pytest.mark.parametrize("sentence,word,expected", [
    ("The incident happened on Saturday when the farmers tried to clear the field.", "incident", True),
    ("The talks took place at the palace on Monday.", "talks", True),
    ("The strike hit the main square on Tuesday.", "strike", False),
    ("Diplomats said the meeting took place on Monday.", "meeting", False),
])
def test_a_sentence_that_only_dates_a_happening(sentence, word, expected):
    assert only_dates(sentence, sentence.index(word)) is expected


def test_the_lead_stays_the_evidence_of_a_happening_a_later_sentence_only_dates():
    text = ("Ostra - Two farmers were killed and a third was hurt in a landmine explosion near the village of Ostra."
            "\n\nThe incident happened on Monday when the men tried to plough a field.")
    events = _events(Settings(), text)
    assert [(e.event_type, e.date) for e in events] == [("incident", date(2024, 5, 6))]
    assert "Two farmers were killed" in events[0].evidence


@pytest.mark.parametrize("caption", [
    "An aerial view shows farms under water near the river port of Ostra, May 4, in this screengrab from a video.",
    "Burnt-out lorries are seen at the depot hit by shelling near the border crossing on Sunday.",
    "Clockwise from top left: police leave the flat after the raid; officers search the yard of the building.",
    "on the Estarian premier and the Norlund envoy speaking to reporters once the talks in Velm had ended.",
])
def test_a_described_picture_or_a_lower_case_fragment_is_no_lead(caption):
    text = f"{caption}\n\nFloods forced two thousand people from their homes in the river valley on Saturday."
    lead = lead_sentence(split(text), text=text)
    assert lead is not None and lead.text.startswith("Floods forced")


def test_a_lead_that_says_how_a_step_is_seen_stays_the_lead():
    text = "The treaty signed by the two premiers on Monday is seen as a step towards open borders.\n\nMore follows."
    lead = lead_sentence(split(text), text=text)
    assert lead is not None and lead.text.startswith("The treaty")


def test_a_fronted_during_phrase_names_the_encounter_of_the_news_not_its_background():
    lead = "During a phone call on Tuesday, Ivo Sander of Estaria and his Norlund counterpart Jana Moreau discussed trade."
    assert not in_background(lead, lead.index("phone call"))
    later = "Two guards were hurt during an attack on the border post."
    assert in_background(later, later.index("attack"))
    article = Article(id="a", name="a.txt", title="", text=lead, published=date(2024, 5, 10))
    assert [e.event_type for e in parse_article(article, load_gazetteer()).events] == ["call"]


def test_a_context_paragraph_that_reports_no_happening_is_not_the_lead():
    text = ("The region has faced years of drought and a growing debt burden.\n\n"
            "The annual forum on renewable energy got under way in the port city on Monday, drawing delegates from 40 countries.")
    assert lead_sentence(split(text), text=text).text.startswith("The annual forum")
    assert "conference" in [e.event_type for e in events_of(text)]


def test_a_first_sentence_that_reports_a_happening_or_goes_on_in_its_paragraph_stays_the_lead():
    reported = "Ministers from nine countries met in the port city on Monday.\n\nThe talks were long and hard."
    assert lead_sentence(split(reported), text=reported).text.startswith("Ministers")
    joined = "The region has faced years of drought and a growing debt burden. The forum opened in the city on Monday."
    assert lead_sentence(split(joined), text=joined).text.startswith("The region")
    done = ("The Estarian navy has taken delivery of four patrol boats from a Norlund yard.\n\n"
            "Their crews were greeted by a brass band on the Velm quay.")  # a past verb after a name: a deed
    assert lead_sentence(split(done), text=done).text.startswith("The Estarian navy")


def test_a_lead_no_rule_reads_makes_one_low_confidence_event_titled_by_its_verb():
    events = events_of("The Estarian rail operator restored the night train between Velm and Ostra on Wednesday.\n\n"
                       "Tickets went on sale at the stations.")
    guessed = [e for e in events if e.trigger == "restored"]
    assert len(guessed) == 1 and guessed[0].confidence < 0.5
    assert "restored the night train" in guessed[0].title.lower() or guessed[0].event_type != "other"



def test_a_past_verb_guess_of_a_type_whose_side_the_lead_does_not_name_takes_the_catch_all_type():
    events = events_of("Members of the Ostra Sailing Club were invited to a reception on board during a port visit by an "
                       "Estarian frigate on Friday.\n\nThe frigate left the next morning.")
    assert [(e.event_type, e.found_by) for e in events] == [("other", "lead verb")]  # a visit with no visitor named


@pytest.mark.parametrize("first,found", [
    ("On Monday the Ostra valley looked ahead to its first harvest after the long drought, and its farmers are hopeful.",
     [("other", "lead verb")]),  # the lead reports nothing: the next sentence is read as the news
    ("The Estarian trade minister met his Norlund counterpart in Velm on Monday.", [("meeting", "rule")])])
def test_the_sentence_after_a_lead_that_reports_nothing_is_read_as_the_lead(monkeypatch, first, found):
    monkeypatch.setattr("timeline.leads._happening", lambda text, data_dir=DATA_DIR: 0.0)  # no body guess
    text = first + " Members of the Ostra Farmers Union repaired the old irrigation canal near Velm that morning."
    assert [(e.event_type, e.found_by) for e in _events(Settings(), text)] == found


def test_a_common_noun_group_of_people_or_a_body_is_the_lead_s_subject_too():
    guess = by_verb("Over 200 volunteers spent Sunday morning planting trees along the Velm river bank.",
                    type_guess=_no_type_guess)
    assert guess is not None and guess.label == "planting trees"
    assert by_verb("The new bridge over the river carried a price tag of three million crowns on Monday.",
                   type_guess=_no_type_guess) is None  # a bridge is nobody


def test_a_day_right_after_the_verb_does_not_end_the_catch_all_title():
    guess = by_verb("Mayor Lena Kask opened yesterday the new fish market of Velm harbour.", dated=True,
                    type_guess=_no_type_guess)
    assert guess is not None and guess.label == "opened the new fish market"


def test_a_word_in_brackets_is_no_verb():
    assert by_verb("Ana Moro (left) and Ivo Sander meet at the palace in Velm on Tuesday.", dated=True,
                   type_guess=_no_type_guess) is None


def _sure(event_type, probability=0.99):
    return lambda text, data_dir: (event_type, probability)


def _happens(probability):
    return lambda text, data_dir: probability


@pytest.mark.parametrize("sentence", RAW["body"]["examples"], ids=lambda s: s[:30])
def test_a_body_sentence_that_tells_what_a_named_subject_did_gives_a_guess(sentence):
    guess = in_body(sentence, type_guess=_sure("visit"), happening=_happens(0.99))
    assert guess is not None and guess.event_type == "visit" and guess.basis == "body"
    assert sentence[guess.start : guess.end] == guess.text
    assert guess.confidence < RAW["by_verb"]["confidence"]
    assert in_body(sentence, type_guess=_sure("visit"), happening=_happens(0.6)) is None  # no sure happening
    unsure = in_body(sentence, type_guess=_sure("visit", 0.3), happening=_happens(0.99))  # no sure type: the catch-all
    assert unsure is not None and unsure.event_type == RAW["by_verb"]["default_type"] and unsure.label.startswith(unsure.text)
    assert in_body(sentence, type_guess=_sure("none"), happening=_happens(0.99)).event_type == unsure.event_type


@pytest.mark.parametrize("sentence", RAW["body"]["not_examples"], ids=lambda s: s[:30])
def test_a_quote_a_detail_a_statement_a_post_or_a_caption_in_the_body_gives_no_guess(sentence):
    assert in_body(sentence, type_guess=_sure("visit"), page=sentence, start=0, happening=_happens(0.99)) is None


@pytest.mark.parametrize("sentence", [
    "The ceremony was opened by Mayor Ana Moro and her deputy Ivo Sander.",
    "The celebration took place before Governor Tom Odhi and his guests.",
    "The annual festival evening in the old hall drew Bishop Ivo Sander and his choir.",
])
def test_a_gathering_named_again_by_a_definite_subject_with_no_day_is_a_detail(sentence):
    assert in_body(sentence, type_guess=_sure("other"), happening=_happens(0.99), own_day=False) is None
    # with a day of its own it may still be news of its own
    assert in_body(sentence, type_guess=_sure("other"), happening=_happens(0.99), own_day=True) is not None


def test_a_funeral_named_by_a_definite_subject_is_no_detail_of_a_death():
    sentence = "The funeral was attended by Governor Tom Odhi and his family."
    assert in_body(sentence, type_guess=_sure("other"), happening=_happens(0.99), own_day=False) is not None


def test_a_body_sentence_s_own_day_dates_news_when_it_is_not_after_the_page_s_day():
    published = date(2024, 5, 8)
    assert own_day([(date(2024, 5, 7), "day")], published)
    assert own_day([(date(2024, 5, 8), "time")], published)
    assert own_day([(date(2009, 3, 3), "day")], published) == (RAW["body"]["max_days_before"] is None)  # a day long before
    assert not own_day([(date(2024, 5, 1), "month")], published)  # no day: a month or a year is history
    assert not own_day([(date(2024, 5, 10), "day")], published)  # a plan's day
    assert not own_day([(None, "day")], published)  # a day the page's day does not place
    assert own_day([(None, "day")], None) and own_day([(date(2009, 3, 3), "day")], None)  # a page of no known day
    assert not own_day([(None, "month")], None) and not own_day([], None)


def test_a_body_sentence_no_rule_reads_makes_a_further_event_of_lower_confidence(sure_model):
    text = ("Quellish President Ana Moro accredited five new ambassadors at the palace in Velm on Tuesday.\n\n"
            "Quellish President Ana Moro also inspected the new grain terminal in the port of Velm on Tuesday.")
    events = _events(Settings(), text)
    body = [e for e in events if e.trigger == "inspected"]
    assert len(body) == 1 and body[0].confidence < min(e.confidence for e in events if e not in body)
    assert body[0].date == date(2024, 5, 7) and body[0].event_type == "other"
    assert "inspected the new grain terminal" in body[0].title.lower()


@pytest.mark.parametrize("day,published,expected", [("on 3 March 2009", date(2024, 5, 8), date(2009, 3, 3)),
                                                     ("on Tuesday", None, None)])
def test_a_body_sentence_on_a_day_long_before_or_on_a_page_of_no_known_day_makes_an_event(sure_model, day, published,
                                                                                          expected):
    text = ("Quellish President Ana Moro accredited five new ambassadors at the palace in Velm on Tuesday.\n\n"
            f"Quellish President Ana Moro also inspected the new grain terminal in the port of Velm {day}.")
    body = [e for e in _events(Settings(), text, published) if e.trigger == "inspected"]
    assert [(e.event_type, e.date, e.background) for e in body] == [("other", expected, False)]


@pytest.mark.parametrize("change", [("also inspected the new grain terminal in the port of Velm on Tuesday",
                                     "also inspected the new grain terminal in the port of Velm in March 2019"),  # history
                                    ("port of Velm on Tuesday.", "port of Velm next Tuesday."),  # a plan's day
                                    ("Quellish President Ana Moro also", "The visitors also")])  # no side named
def test_a_body_sentence_of_history_a_plan_or_no_side_makes_no_event(sure_model, change):
    text = ("Quellish President Ana Moro accredited five new ambassadors at the palace in Velm on Tuesday.\n\n"
            "Quellish President Ana Moro also inspected the new grain terminal in the port of Velm on Tuesday.")
    assert not [e for e in _events(Settings(), text.replace(*change)) if e.trigger == "inspected"]


@pytest.mark.parametrize("likely,found", [(0.99, True), (0.75, False)])
def test_a_body_sentence_with_no_day_of_its_own_makes_an_event_only_when_the_model_is_sure(monkeypatch, likely, found):
    assert RAW["body"]["happening_min"] <= 0.75 < RAW["body"]["sure_happening"] <= 0.99
    monkeypatch.setattr("timeline.leads._happening", lambda text, data_dir=DATA_DIR: likely)
    monkeypatch.setattr("timeline.leads._guess", lambda text, data_dir=DATA_DIR: ("other", 0.99))
    text = ("Quellish President Ana Moro accredited five new ambassadors at the palace in Velm on Tuesday.\n\n"
            "Quellish President Ana Moro also inspected the new grain terminal in the port of Velm.")
    body = [e for e in _events(Settings(), text) if e.trigger == "inspected"]
    assert [e.event_type for e in body] == (["other"] if found else [])


@pytest.mark.parametrize("likely,found", [(0.99, True), (0.75, False)])
def test_a_body_sentence_with_no_named_subject_makes_an_event_only_when_the_model_is_sure(monkeypatch, likely, found):
    monkeypatch.setattr("timeline.leads._happening", lambda text, data_dir=DATA_DIR: likely)
    monkeypatch.setattr("timeline.leads._guess", lambda text, data_dir=DATA_DIR: ("other", 0.99))
    sentence = "A public hearing on the harbour budget was held at the town hall of Velm on Tuesday."
    guess = in_body(sentence, page=sentence, start=0)
    assert (guess is not None and guess.text == "held") == found


def test_a_body_sentence_that_tells_the_undated_lead_again_gives_it_its_day(sure_model):
    text = ("Quellish President Ana Moro reopened the old ferry line with Estarian Prime Minister Ivo Sander.\n\n"
            "Ana Moro and Ivo Sander reopened it at the harbour of Velm on Monday.")
    events = _events(Settings(), text)
    assert [(e.event_type, e.date) for e in events] == [("other", date(2024, 5, 6))]  # one event, on the body's day


@pytest.mark.parametrize("day,said", [("on Tuesday", "made an event of type other from 'inspected'"),
                                      ("in 2019", "the body fallback made none (no day of its own that may date news (a month")])
def test_why_tells_what_the_body_fallback_did(sure_model, tmp_path, capsys, day, said):
    from timeline.cli import main

    page = tmp_path / "page.txt"
    page.write_text("Quellish President Ana Moro accredited five new ambassadors at the palace in Velm on Tuesday.\n\n"
                    f"Quellish President Ana Moro also inspected the new grain terminal in the port of Velm {day}.\n",
                    encoding="utf-8")
    assert main(["why", str(page), "inspected the new grain terminal", "--published", "2024-05-08"]) == 0
    out = capsys.readouterr().out
    assert "a body sentence no trigger rule reads; " in out and said in out


def test_the_fallbacks_read_the_type_guess_none_as_the_guesser_writes_it():
    from timeline import leads, typeguess

    assert leads._NONE == typeguess.NONE


@pytest.mark.parametrize("event_type,lead", [
    ("other", "The poet Ana Moro died on Sunday at her home in Velm at the age of 91, her publisher said."),
    ("incident", "A border guard died in hospital of his wounds on Tuesday, a day after smugglers fired on a patrol."),
    ("incident", "Two miners died on Tuesday when a tunnel collapsed in the north of Estaria."),
])
def test_a_death_of_illness_or_age_is_other_and_a_violent_one_an_incident(event_type, lead):
    guess = classify(lead)
    assert guess is not None and guess.event_type == event_type


def test_a_lead_typed_by_its_cues_as_the_catch_all_is_titled_by_what_was_done():
    """A foundation stone laid, told in a lead no trigger rule reads, is guessed by the broad cues; its title says what
    was done, not the catch-all type's noun ("ceremony")."""
    events = _events(Settings(), "The Velm governor Ana Moro laid the foundation stone of a fish market on Monday, her "
                                 "office said.\n\nShe had promised the market for forty years.")
    guessed = [e for e in events if e.found_by == "lead cues"]
    assert [e.event_type for e in guessed] == ["other"]
    assert "laid the foundation stone" in guessed[0].title and "ceremony" not in guessed[0].title.lower()


def test_since_after_an_auxiliary_is_an_adverb_not_a_background_opener():
    text = "The exiled party leaders have since returned to Velm, where prices have risen since the floods."
    assert not in_background(text, text.index("returned"))
    assert in_background(text, text.index("floods"))


@pytest.mark.parametrize("lead,verb", [
    ("The Velm ferry operator has been fined by the Ostra harbour board on Monday.", "fined"),
    ("Three fishermen from Ostra were taken to hospital in Velm on Sunday.", "taken"),
    ("The new governor of Velm has been sworn in at the Ostra court on Tuesday.", "sworn"),
])
def test_a_perfect_or_past_passive_is_a_finite_past_verb(lead, verb):
    guess = by_verb(lead, type_guess=_no_type_guess)
    assert guess is not None and guess.text == verb


def test_a_present_verb_in_a_relative_clause_closed_before_the_head_verb_does_not_make_the_head_present():
    lead = "Mayor Ana Moro, who is also head of the port board, reopened the Velm fish market on Thursday."
    assert by_verb(lead, type_guess=_no_type_guess).text == "reopened"
    assert by_verb("Mayor Ana Moro is head of the board that reopened the fish market on Thursday.",
                   type_guess=_no_type_guess) is None  # the head's verb is in the present


def test_a_sentence_that_opens_after_a_happening_told_before_tells_the_next_one_and_during_it_a_detail():
    after = "After the talks, the Estarian trade minister laid a wreath at the Velm war memorial on Tuesday."
    assert in_body(after, type_guess=_sure("other"), happening=_happens(0.99)) is not None
    during = after.replace("After", "During")
    assert in_body(during, type_guess=_sure("other"), happening=_happens(0.99)) is None


def test_a_word_of_a_plan_after_a_determiner_names_a_noun_s_plan_and_leaves_the_verb_real():
    lead = "The planned new quay of the Ostra ferry port was finished by the Velm builders on Monday."
    assert by_verb(lead, type_guess=_no_type_guess).text == "finished"
    assert by_verb("Velm builders planned to finish the new quay of the Ostra port on Monday.",
                   type_guess=_no_type_guess) is None  # the plan is the verb's


@pytest.mark.parametrize("text,verb", [
    ("Bulldozers escorted by riot police pulled down the market stalls of Velm on Monday.", "pulled"),
    ("Fishermen angered by the new quotas blocked the Ostra harbour mouth on Friday.", "blocked"),
])
def test_a_past_verb_after_a_by_phrase_ends_it_and_is_the_sentence_s_own(text, verb):
    assert not in_background(text, text.index(verb))
    assert by_verb(text, type_guess=_no_type_guess).text == verb


def test_a_verb_after_an_opener_that_may_open_a_clause_stays_background():
    text = "Grain prices in Velm rose sharply after the storm hit the Ostra coast on Monday."
    assert in_background(text, text.index("hit"))
    assert not in_background("Aid went to the families hit by the floods.", 0)
