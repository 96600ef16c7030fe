"""``event_dates.names_another_day``: which expressions of a lead sentence name a time other than the
publication day (and so keep the lead-news rule from dating the lead happening to that day)."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.event_dates import names_another_day
from timeline.models import Timex

PUBLISHED = date(2024, 3, 24)


def _timex(text, type_="DATE", granularity="day", first=None, last=None, value=""):
    return Timex(0, len(text), text, type_, value, first, last if last else first, granularity)


CASES = [
    # "the governor said Sunday", published that Sunday: the publication day itself
    (_timex("Sunday", first=PUBLISHED), False),
    # the day before publication is another day
    (_timex("Saturday", first=date(2024, 3, 23)), True),
    # "more than two weeks after": a plain duration names no day
    (_timex("two weeks", "DURATION", "duration", value="P2W"), False),
    # "over the past two months": a span counted back from publication does
    (_timex("the past two months", "DURATION", "range", value="P2M"), True),
    # "the 20th century": too long a span to date a happening of the news
    (_timex("the 20th century", granularity="range", first=date(1900, 1, 1), last=date(1999, 12, 31)), False),
    # "recently": vague, but the happening is then not the day's news
    (_timex("recently", granularity="vague", value="PAST_REF"), True),
    # "last month"
    (_timex("last month", granularity="month", first=date(2024, 2, 1), last=date(2024, 2, 29)), True),
    # "5 p.m. local time": a time of day alone
    (_timex("5 p.m. local time", "TIME", "time", first=PUBLISHED), False),
    # "a summit will be held on August 9": a date still to come names a plan, no day of a happening
    (_timex("August 9", first=date(2024, 8, 9)), False),
    # but a bare weekday read forward may be a past happening's ("agreed to a truce on Saturday")
    (Timex(0, 8, "Saturday", "DATE", "", date(2024, 3, 30), date(2024, 3, 30), "day", "weekday"), True),
]


@pytest.mark.parametrize("timex, expected", CASES, ids=[c[0].text for c in CASES])
def test_an_expression_names_another_day_than_the_publication(timex, expected):
    assert names_another_day(timex, PUBLISHED) is expected


def test_without_a_publication_date_any_date_names_another_day():
    assert names_another_day(_timex("Sunday", first=PUBLISHED), None) is True


def test_today_inside_a_quotation_names_the_speakers_day():
    text = 'Lead.\nThe ministers "signed the agreement today", the mediator said.'
    start = text.index("today")
    today = Timex(start, start + 5, "today", "DATE", "", PUBLISHED, PUBLISHED, "day", "relative_day")
    assert names_another_day(today, PUBLISHED, text) is True
    assert names_another_day(today, PUBLISHED, text.replace('"', "")) is False


def test_a_happening_told_as_earlier_than_a_report_of_the_publication_day_is_not_the_days_news():
    from timeline.event_dates import news_of_the_day
    from timeline.triggers import Trigger

    sunday = _timex("Sunday", first=PUBLISHED)
    released = "Nearly 300 pupils have been released, the governor said Sunday."
    launched = "The ministry said on Sunday that it had launched an operation in the region."
    assert news_of_the_day(released, Trigger("other", 21, 29, "released", "weak", "verb"), [sunday], PUBLISHED)
    start = launched.index("launched")
    trigger = Trigger("operation", start, start + 8, "launched", "weak", "verb")
    assert not news_of_the_day(launched, trigger, [sunday], PUBLISHED)
    assert news_of_the_day(launched, trigger, [], PUBLISHED)
    assert not news_of_the_day(released, Trigger("other", 21, 29, "released", "weak", "verb"),
                               [_timex("Saturday", first=date(2024, 3, 23))], PUBLISHED)
    agreed = "The minister said on Sunday that talks would go on, after the two countries agreed to restore ties."
    start = agreed.index("agreed")
    trigger = Trigger("agreement", start, start + 6, "agreed", "strong", "verb")
    assert not news_of_the_day(agreed, trigger, [sunday], PUBLISHED)
    assert news_of_the_day(agreed.replace("after", "and"), trigger, [sunday], PUBLISHED)


def test_an_old_year_naming_a_happening_names_no_other_day_than_the_publication():
    """"the 2009 floods" between a determiner and a noun, years before publication, names an old happening; "in 2009"
    alone, or "the 2023 floods" (within a year), still names another time."""
    text = "Mourners marked the anniversary of the 2009 floods. They met in 2009. The 2023 floods were worse."
    old = text.index("2009")
    named = Timex(old, old + 4, "2009", "DATE", "2009", date(2009, 1, 1), date(2009, 12, 31), "year")
    assert names_another_day(named, PUBLISHED, text) is False
    alone = text.index("2009", old + 4)
    bare = Timex(alone, alone + 4, "2009", "DATE", "2009", date(2009, 1, 1), date(2009, 12, 31), "year")
    assert names_another_day(bare, PUBLISHED, text) is True
    recent = text.index("2023")
    near = Timex(recent, recent + 4, "2023", "DATE", "2023", date(2023, 1, 1), date(2023, 12, 31), "year")
    assert names_another_day(near, PUBLISHED, text) is True
