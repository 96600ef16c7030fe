"""``event_dates.day_told_after_lead``: a wire story tells its lead happening without a day ("Gunmen attacked a
school, police said on Tuesday") and gives the day in the next sentence or two; that day is the lead's."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.event_dates import day_told_after_lead
from timeline.sentences import split
from timeline.settings import DEFAULT_SETTINGS
from timeline.temporal import tag
from timeline.triggers import find_triggers, vocabulary

PUBLISHED = date(2024, 5, 7)  # a Tuesday

CASES = [
    # a trigger of the lead's type with its own day
    ("Gunmen attacked a village school in the north, killing two guards, police said on Tuesday. "
     "The gunmen stormed the school on Monday night, a witness told reporters.", date(2024, 5, 6)),
    # a word of the lead's trigger told again in a clause with a day
    ("Seven troops have been killed in a rebel ambush in the north, local sources said. "
     "Jihadists ambushed the patrol on Sunday near the border, a source said.", date(2024, 5, 5)),
    # an apposition between the word and the day keeps them in one clause
    ("Four students are missing after armed men attacked a rural school in the south, police said Tuesday. "
     "The attackers targeted a school in Ngo, a town near the river, on Monday, a witness said.", date(2024, 5, 6)),
    # the day of the next sentence belongs to another happening
    ("Security forces killed six militants in a raid in the border district, the army said on Tuesday. "
     "On Friday, a roadside bomb hit a police van in a nearby town.", None),
    # the day dates a report, not the happening
    ("Gunmen attacked a village school in the north, killing two guards. "
     "Police said on Monday the attackers had fled into the forest.", None),
    # a day long before publication is no retelling of the news
    ("Gunmen attacked a village school in the north, killing two guards. "
     "The gunmen stormed the school on 2 April, a witness said.", None),
    # only the next two sentences tell the lead again
    ("Gunmen attacked a village school in the north, killing two guards. Two guards died. The school is closed. "
     "The gunmen stormed the school on Monday night, a witness said.", None),
    # no sentence after it tells it again: the day its own sentence was reported on, a day before publication
    ("Air strikes on two hill villages killed five people and wounded three, the regional health office said on "
     "Monday, in a new test of a fragile truce. The army has not commented.", date(2024, 5, 6)),
    # ... also when the lead names the night before as well, the same day as the report's
    ("Police killed 20 gang members in an overnight raid in the capital, officials said on Monday, as the city "
     "braced for more violence. The army has not commented.", date(2024, 5, 6)),
    # ... but not when the sentence names another day than the report's (its own day dates the lead)
    ("Police killed 20 gang members in a raid in the capital on Saturday night, officials said on Monday. "
     "The army has not commented.", None),
    # a day told after the lead wins over the day of its report
    ("Gunmen attacked a village school in the north, killing two guards, police said on Monday. "
     "The gunmen stormed the school on Sunday night, a witness told reporters.", date(2024, 5, 5)),
    # the report says the happening was earlier than the report
    ("The army said on Monday it had killed six militants in a raid in the border district. "
     "The raid was the third this month.", None),
    # a word of the lead's trigger with a day it is planned for: the plan's day, not the lead's
    ("The two rival parties have agreed to sign a truce, mediators said on Sunday. "
     "The truce, which the two sides are scheduled to sign on Friday, ends a year of fighting.", date(2024, 5, 5)),
    # the report's day is no recent day: no wire lead written that day
    ("Air strikes on two hill villages killed five people, the regional health office said on 2 April. "
     "The army has not commented.", None),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:60] for c in CASES])
def test_the_lead_takes_the_day_a_following_sentence_tells_it_with(text, expected):
    vocab = vocabulary(DEFAULT_SETTINGS.data_dir)
    lead = split(text)[0]
    trigger = find_triggers(lead.text, vocab)[0]
    timexes = tag(text, PUBLISHED, DEFAULT_SETTINGS)
    told = day_told_after_lead(text, lead.end, trigger, timexes, PUBLISHED, vocab)
    assert (told.first_day if told else None) == expected


def test_without_a_publication_date_no_day_is_told():
    text = "Gunmen attacked a school. The gunmen stormed the school on Monday night."
    vocab = vocabulary(DEFAULT_SETTINGS.data_dir)
    lead = split(text)[0]
    trigger = find_triggers(lead.text, vocab)[0]
    assert day_told_after_lead(text, lead.end, trigger, tag(text, None, DEFAULT_SETTINGS), None, vocab) is None
