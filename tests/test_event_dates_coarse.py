"""Which time expression a happening is tied to (timeline/event_dates.py ``own_timex``): a coarse or borrowed
expression of the sentence (a century, a year inside a name, a quoted year, the date of another happening's
noun, a month or year in another clause) gives the trigger no date, and a vague span ("over the weekend") does
not replace the day the trigger names. Made-up sentences; the article date is pinned."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.actors import load_gazetteer
from timeline.models import Article
from timeline.pipeline import parse_article

CASES = [
    # a day stays the day when a vague span of a later clause holds it
    ("Firefighters evacuated three more villages near the border on Sunday where a forest fire that has "
     "burned dozens of homes over the weekend came close.", "2024-06-09", "humanitarian", "2024-06-09"),
    # a year inside a name is no date ("Expo 2020"); the day of the sentence is the visit's
    ("On Wednesday, Sergey Lavrov toured Expo 2020 in Dubai.", "2021-12-10", "visit", "2021-12-08"),
    # a decade or a century dates no happening of the news
    ("Sergey Lavrov met Hakan Fidan in Ankara on Monday.\n\nOlaf Scholz visited a fortress built in the 1990s "
     "in Mombasa.", "2024-05-10", "visit", None),
    # a year inside a quotation is the speaker's, not the speech's
    ('The new chairman made a speech after the vote in which he said: "I will lead the union during the year '
     '2024 with humility."', "2024-05-10", "speech", None),
    # a year before another happening's noun dates that happening ("the 2009 visit"), not the lead's visit, which is
    # the day's news (an old year naming a happening names no other day: event_dates._names_an_old_happening)
    ("Olaf Scholz visited Kenya, the first German leader to do so after the 2009 visit of his predecessor.",
     "2024-05-10", "visit", "2024-05-10"),
    # a month in another clause ("after having agreed ... last month") is not the meeting's
    ("Olaf Scholz and William Ruto met after having agreed by phone last month to resume the talks.",
     "2024-05-10", "meeting", None),
    # ... but a month named by a when-clause dates the happening of that clause
    ("It was the deadliest attack on the mission since June 1993, when 22 soldiers were killed in the capital.",
     "2024-05-10", "incident", "1993-06-01"),
    # a day after a plan that follows the trigger ("and plans to visit ... on Tuesday") is the plan's
    ("Sergey Lavrov had lunch with Hakan Fidan and plans to visit Izmir on Tuesday.", "2024-05-10", "meeting", None),
    # a year joined to a word ("a 1967-born engineer") is a description, not a time
    ("Sergey Lavrov met Hakan Fidan in Ankara on Monday.\n\nA landmine explosion injured a 1967-born engineer of "
     "the agency in the village.", "2024-05-10", "incident", None),
    # a day inside words reported before "X told ..." dates what is reported, not the telling
    ("Sergey Lavrov met Hakan Fidan in Ankara on Monday.\n\nThe following day, gunmen stopped an aid convoy near "
     "the border, Antonio Guterres told the Security Council.", "2024-05-10", "speech", None),
    # ... and a day right before the comma is the telling's
    ("Sergey Lavrov met Hakan Fidan in Ankara on Monday.\n\nOn Tuesday, Antonio Guterres told the Security "
     "Council that gunmen had stopped a convoy.", "2024-05-10", "speech", "2024-05-07"),
    # a year that opens the sentence still dates it
    ("In 2019 Olaf Scholz visited Kenya.", "2024-05-10", "visit", "2019-01-01"),
    # a range after "from the" spans the happening, as one after "from" does
    ("William Ruto was in Germany on a state visit lasting from the 3rd to 6th May, as a guest of the "
     "government.", "2024-05-10", "visit", "2024-05-03"),
]


@pytest.mark.parametrize("text, published, event_type, expected", CASES, ids=[c[0][:50] for c in CASES])
def test_a_happening_takes_only_the_time_expression_it_is_tied_to(text, published, event_type, expected):
    article = Article(id="a", name="a.txt", title="", text=text, published=date.fromisoformat(published))
    found = [e for e in parse_article(article, load_gazetteer()).events if e.event_type == event_type]
    assert len(found) == 1
    assert found[0].date == (expected and date.fromisoformat(expected))


SPANS = [
    # "from" or "between" before two dates: one span, first day to last (the first alone is governed by "from")
    ("William Ruto visited Germany from May 12 to May 17.", "2024-05-20", ("2024-05-12", "2024-05-17")),
    ("William Ruto visited Germany between May 12 and May 17.", "2024-05-20", ("2024-05-12", "2024-05-17")),
    # two year-less ends the tagger puts in two years on their own: the earlier reading that makes one span
    ("William Ruto visited Germany from August 24 to September 1.", "2024-05-20", ("2023-08-24", "2023-09-01")),
    ("William Ruto visited Germany from December 28 to January 3.", "2024-05-20", ("2023-12-28", "2024-01-03")),
    # a campaign of two or three months told by two dates is one span too
    ("Police of Examplia ran an operation against smugglers from May 20 to July 29.", "2024-08-09",
     ("2024-05-20", "2024-07-29")),
    # two dates of two happenings are no span
    ("William Ruto met Olaf Scholz on May 12 and left Germany on May 17.", "2024-05-20", ("2024-05-12", None)),
]


@pytest.mark.parametrize("text, published, expected", SPANS, ids=[c[0][:60] for c in SPANS])
def test_a_span_told_by_two_dates_dates_the_happening_from_its_first_day_to_its_last(text, published, expected):
    article = Article(id="a", name="a.txt", title="", text=text, published=date.fromisoformat(published))
    first = parse_article(article, load_gazetteer()).events[0]
    assert (first.date, first.date_end) == tuple(d and date.fromisoformat(d) for d in expected)


def test_a_span_whose_ends_were_moved_to_other_years_says_so_in_its_date_basis():
    article = Article(id="a", name="a.txt", title="", published=date(2024, 5, 20),
                      text="William Ruto visited Germany from August 24 to September 1.")
    (visit,) = parse_article(article, load_gazetteer()).events
    assert "both ends read in the years that make one span" in visit.date_basis


OPENERS = [
    # an opener names the happening the sentence goes on from, with or without a determiner before its noun
    ("After meeting with Fidan, Lavrov had lunch with the mayor.", "had lunch", ("meeting", 0)),
    ("Following talks with the king, the minister visited a school.", "visited", ("meeting", 0)),
    ("After his talks with the king, the minister visited a school.", "visited", ("meeting", 0)),
    # ... but words before a bare noun make it no single happening ("months of talks")
    ("After months of talks, the two sides signed a deal.", "signed", None),
]


@pytest.mark.parametrize("text, word, expected", OPENERS, ids=[o[0][:40] for o in OPENERS])
def test_an_opener_times_the_sentence_against_the_happening_it_names(text, word, expected):
    from timeline.event_dates import timed_against
    from timeline.triggers import find_triggers, vocabulary

    vocab = vocabulary()
    (trigger,) = [t for t in find_triggers(text, vocab) if t.text.startswith(word)]
    assert timed_against(text, trigger, vocab) == expected
