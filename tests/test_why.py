"""The why command: each stage a sentence of an article meets, on made-up articles."""

from timeline import events
from timeline.cli import main

ARTICLE = ("The governor of the northern province on Monday kicked off a tree planting initiative at the Ostra "
           "industrial estate.\n\n"
           "The two presidents promised at their summit in Velm to set up a joint fund for the border towns.\n\n"
           "The two ministers are expected to hold talks in Velm next month.\n\n"
           "She said the unit would employ four hundred people.\n")


def _why(tmp_path, capsys, words: str) -> str:
    page = tmp_path / "page.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    assert main(["why", str(page), words, "--published", "2024-05-08"]) == 0
    return capsys.readouterr().out


def test_why_names_the_lead_guess_and_the_event_it_made(tmp_path, capsys):
    out = _why(tmp_path, capsys, "kicked off a tree planting initiative")
    assert "no trigger rule of data/events.yaml matches" in out
    assert "the article's lead; its broad cues (data/leads.yaml) made an event of type other from 'kicked off a tree planting initiative'" in out
    assert "event: other 2024-05-06" in out


def test_why_says_when_the_leads_past_verb_made_the_event_and_no_cue(tmp_path, capsys):
    page = tmp_path / "renamed.txt"
    page.write_text("The parliament of Estaria renamed the main square of Velm after a poet on Tuesday.\n",
                    encoding="utf-8")
    assert main(["why", str(page), "renamed the main square", "--published", "2024-05-08"]) == 0
    out = capsys.readouterr().out
    assert "no cue named a type; its past-tense verb after a named subject (data/leads.yaml by_verb) made an event" in out
    assert "event: other 2024-05-07" in out


def test_why_names_the_check_that_drops_a_mention(tmp_path, capsys):
    out = _why(tmp_path, capsys, "promised at their summit")
    assert "trigger: conference 'summit' (weak noun)" in out
    assert "reported here (a strong trigger, or one with a day of its own, outside a quotation): no" in out
    assert "=> no event" in out and "no event has it as evidence" in out


def test_why_names_the_cue_that_drops_a_trigger_and_leaves_the_module_as_it_was(tmp_path, capsys):
    checks = events._reported_here
    out = _why(tmp_path, capsys, "ministers are expected to hold talks")
    assert "dropped: meeting 'hold talks' (strong verb): not reported as happened (data/events.yaml irrealis_before)" in out
    assert events._reported_here is checks


def test_why_tells_that_the_gathering_a_lead_meeting_was_held_at_made_an_event(tmp_path, capsys):
    page = tmp_path / "sidelines.txt"
    page.write_text("Ana Moro met Ivo Sander in Velm on Monday.\n\nThe talks were held on the margins of a conclave of "
                    "trade ministers from the Harbour Union.\n", encoding="utf-8")
    assert main(["why", str(page), "on the margins of a conclave", "--published", "2024-05-08"]) == 0
    out = capsys.readouterr().out
    assert "mention: conference 'a conclave of trade ministers from the Harbour Union' (weak)" in out
    assert "  => an event" in out.split("mention: conference")[1]
    assert "event: conference 2024-05-06" in out


JOINED = ("President Ana Moro of Velmaria met her Osterlich counterpart Piet Haller for talks on reopening the border.\n\n"
          "The meeting in Kessel on Tuesday with Chancellor Ivo Brand lasted four hours, officials said.\n")


def _why_joined(tmp_path, capsys, words: str) -> str:
    page = tmp_path / "joined.txt"
    page.write_text(JOINED, encoding="utf-8")
    assert main(["why", str(page), words, "--published", "2031-05-14"]) == 0
    return capsys.readouterr().out


def test_why_shows_a_mention_as_its_own_sentence_told_it_not_as_a_later_one_changed_it(tmp_path, capsys):
    out = _why_joined(tmp_path, capsys, "met her Osterlich counterpart")
    assert "mention: meeting 'met' (strong), sides new:ana-moro, new:piet-haller, own day none" in out
    assert "told in this sentence: meeting 'met', sides Ana Moro, Piet Haller, own day none" in out
    assert ("told in \"The meeting in Kessel on Tuesday with Chancellor Ivo Brand l...\": meeting 'meeting', "
            "sides Ivo Brand, own day Tuesday") in out
    assert "its day read from 'Tuesday' in \"The meeting in Kessel" in out


def test_why_names_the_earlier_sentence_a_mention_joined_and_the_event_it_gave_its_day(tmp_path, capsys):
    out = _why_joined(tmp_path, capsys, "The meeting in Kessel")
    assert 'told again: joins an earlier event: yes, the meeting of "President Ana Moro of Velmaria' in out
    assert 'joined the event told in "President Ana Moro of Velmaria met her' in out
    assert "its day read from 'Tuesday' in this sentence" in out
    assert "no event has it as evidence" not in out


def test_why_says_a_side_named_by_a_word_that_refers_back_and_a_day_taken_from_the_event_before(tmp_path, capsys):
    page = tmp_path / "later.txt"
    page.write_text("President Ana Moro of Velmaria arrived in Kessel on Tuesday for a two-day state visit.\n\n"
                    "She later met Prime Minister Piet Haller at his office in the old town.\n", encoding="utf-8")
    assert main(["why", str(page), "She later met Prime Minister", "--published", "2031-05-14"]) == 0
    out = capsys.readouterr().out
    assert "side new:ana-moro: named here as 'She', which refers back to a name before" in out
    assert "its day, named by no date of its own: continued date:" in out


def test_why_names_the_event_a_mention_became_when_a_later_sentence_took_over_as_its_evidence(tmp_path, capsys):
    page = tmp_path / "moved.txt"
    page.write_text("The Harbour Union summit opened in Kessel on Wednesday with leaders from 30 nations.\n\n"
                    "Foreign Minister Ana Moro and her Osterlich counterpart, Piet Haller, have held talks on trade, the"
                    " ministry said Friday.\n\nMoro and Haller sat down for a meeting in Kessel on Thursday,"
                    " the ministry said.\n", encoding="utf-8")
    assert main(["why", str(page), "have held talks on trade", "--published", "2031-05-16"]) == 0
    out = capsys.readouterr().out
    assert 'became the event told in "Moro and Haller sat down for a meeting in Kessel on Thursday...": meeting' in out
    assert "told in this sentence: meeting 'held talks'" in out
    assert "no event has it as evidence" not in out


def test_why_says_which_publication_day_it_counts_from_and_refuses_a_folder(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    assert main(["why", str(page), "kicked off a tree planting"]) == 0
    assert capsys.readouterr().out.startswith("published: unknown (none stated")
    assert main(["why", str(page), "kicked off a tree planting", "--published", "2024-05-08"]) == 0
    assert capsys.readouterr().out.startswith("published: 2024-05-08 (given by the user")
    assert main(["why", str(tmp_path), "kicked off"]) == 2
    assert "is a folder: give one article file" in capsys.readouterr().err


def test_why_takes_the_record_a_parse_output_names(tmp_path, capsys):
    records = tmp_path / "wire.jsonl"
    records.write_text('{"text": "Talks on the canal ended without a deal."}\n'
                       '{"text": "The governor of the northern province on Monday kicked off a tree planting initiative."}\n',
                       encoding="utf-8")
    assert main(["why", f"{records}#2", "kicked off a tree planting", "--published", "2024-05-08"]) == 0
    assert "event: other 2024-05-06" in capsys.readouterr().out
    assert main(["why", f"{records}#3", "anything"]) == 2
    assert "the file has no record 3" in capsys.readouterr().err


def test_why_without_words_lists_the_articles_events_and_says_how_to_ask_about_one(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    assert main(["why", str(page), "--published", "2024-05-08"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("published: 2024-05-08")
    assert any("2024-05-06" in line and "kicked off a tree planting initiative" in line for line in out[1:-1])
    assert out[-1] == f'to see each stage a sentence meets: why {page} "some words of the sentence"'
