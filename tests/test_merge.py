"""Cross-article merge: same happening -> one timeline event; idempotent and independent of input order."""

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from timeline.merge import merge_events
from timeline.models import Event


def _event(n, article, event_type="meeting", day=None, actors=("a", "b"), location=None, window=None,
           evidence="Evidence.", confidence=0.8):
    return Event(id=f"e{n}", article=article, article_id=article, event_type=event_type, title=f"t{n}",
                 date=day, date_end=None, precision="day" if day else "unknown", date_basis=f"basis {n}",
                 actors=tuple(x.upper() for x in actors), actor_ids=tuple(actors), location=location,
                 evidence=evidence, evidence_start=n, evidence_end=n + 9, confidence=confidence,
                 date_window=window)


def test_same_happening_in_two_articles_is_one_event_with_both_sources():
    merged = merge_events([_event(1, "x.txt", day=date(2023, 9, 19)), _event(2, "y.txt", day=date(2023, 9, 19))])
    assert len(merged) == 1
    assert {s.article for s in merged[0].sources} == {"x.txt", "y.txt"}


def test_different_days_or_types_or_participants_stay_apart():
    events = [
        _event(1, "x.txt", day=date(2023, 9, 19)),
        _event(2, "y.txt", day=date(2023, 9, 20)),
        _event(3, "z.txt", event_type="call", day=date(2023, 9, 19)),
        _event(4, "w.txt", day=date(2023, 9, 19), actors=("a", "c", "d")),
    ]
    assert len(merge_events(events)) == 4


def test_undated_mention_takes_the_date_of_the_dated_report_and_says_so():
    dated = _event(1, "x.txt", event_type="incident", day=date(2024, 2, 6), actors=("tr",), location="Malatya")
    undated = _event(2, "y.txt", event_type="incident", actors=(), location="Malatya",
                     window=(date(2024, 2, 2), date(2024, 2, 9)))
    [merged] = merge_events([undated, dated])
    assert merged.date == date(2024, 2, 6)
    assert "taken by the undated mention of 1 other article" in merged.date_basis
    assert len(merged.sources) == 2


def test_a_merged_record_says_why_its_reports_were_joined_and_whose_day_it_has():
    dated = _event(1, "x.txt", day=date(2023, 9, 19), actors=("ana-moro", "ivo-sander"))
    again = _event(2, "y.txt", day=date(2023, 9, 19), actors=("ana-moro", "ivo-sander"), confidence=0.6)
    undated = _event(3, "z.txt", actors=("ana-moro", "ivo-sander"), window=(None, date(2023, 9, 20)))
    [merged] = merge_events([dated, again, undated])
    assert merged.date_basis == ("basis 1; told by 3 articles (the same type of event, on days that agree, or undated, "
                                 "naming ANA-MORO and IVO-SANDER); its date is that of x.txt, its most exact report; "
                                 "taken by the undated mention of 1 other article")


def test_undated_mention_outside_the_window_does_not_join():
    dated = _event(1, "x.txt", event_type="incident", day=date(2024, 2, 6), actors=("tr",))
    undated = _event(2, "y.txt", event_type="incident", actors=("tr",), window=(date(2024, 3, 1), date(2024, 3, 9)))
    assert len(merge_events([dated, undated])) == 2


def test_undated_reports_of_one_operation_by_place_or_actor_merge():
    """Each page's date bounds its mention (on or before it): the three may tell of one operation."""
    events = [
        _event(1, "a.txt", event_type="operation", actors=("az",), location="Donbas", window=(None, date(2023, 9, 20))),
        _event(2, "b.txt", event_type="operation", actors=("az",), window=(None, date(2023, 9, 19))),
        _event(3, "c.txt", event_type="operation", actors=("am",), location="Eastern Donbas",
               window=(None, date(2023, 9, 23))),
    ]
    [merged] = merge_events(events)
    assert merged.date is None and len(merged.sources) == 3


days = st.one_of(st.none(), st.dates(date(2023, 9, 15), date(2023, 9, 22)))
events_strategy = st.lists(
    st.builds(
        lambda n, art, typ, day, actors, loc: _event(n, art, typ, day, tuple(actors), loc),
        st.integers(0, 10_000), st.sampled_from(["a.txt", "b.txt", "c.txt"]),
        st.sampled_from(["meeting", "operation"]), days,
        st.lists(st.sampled_from(["p", "q", "r", "s"]), max_size=3, unique=True),
        st.sampled_from([None, "Lviv", "Geneva"]),
    ),
    max_size=12, unique_by=lambda e: e.id,
)


@settings(max_examples=150, deadline=None)
@given(events_strategy, st.randoms())
def test_merge_is_independent_of_input_order(events, rnd):
    shuffled = list(events)
    rnd.shuffle(shuffled)
    assert merge_events(events) == merge_events(shuffled)


@settings(max_examples=100, deadline=None)
@given(events_strategy)
def test_merge_is_idempotent_under_repeated_input(events):
    once = merge_events(events)
    assert merge_events(events + events) == once
    assert sorted(s.event_id for t in once for s in t.sources) == sorted(e.id for e in events)


def test_the_samples_operation_reported_by_three_articles_is_one_timeline_event():
    """The acceptance case of the samples: the military operation that three articles mention, none with a day
    of its own, is one timeline event with the three articles as its sources."""
    from timeline.pipeline import parse_corpus
    from timeline.settings import SAMPLE_ARTICLES

    operations = [e for e in parse_corpus([SAMPLE_ARTICLES]).timeline if e.event_type == "operation"]
    assert len(operations) == 1
    assert len({s.article for s in operations[0].sources}) == 3


def test_an_unbounded_undated_mention_of_another_article_needs_more_than_one_shared_country():
    dated = _event(1, "x.txt", event_type="incident", day=date(2024, 2, 6), actors=("estaria",), location="Velm")
    flood = _event(2, "y.txt", event_type="incident", actors=("estaria",), location="Dorra")
    merged = merge_events([dated, flood])
    assert len(merged) == 2 and {m.date for m in merged} == {date(2024, 2, 6), None}


def test_an_unbounded_undated_mention_never_takes_the_day_of_another_articles_report():
    """Nothing on its page says when the undated mention happened (the page's date is unknown): the same two leaders
    meet again and again, in the same capitals, so it does not take the day of another page's report."""
    dated = _event(1, "x.txt", event_type="incident", day=date(2024, 2, 6), actors=("estaria",), location="Velm")
    same_city = _event(2, "y.txt", event_type="incident", actors=("estaria",), location="Velm")
    assert len(merge_events([dated, same_city])) == 2
    talks = _event(3, "x.txt", day=date(2024, 2, 6), actors=("ana-moro", "ivo-sander"), location="Velm")
    again = _event(4, "y.txt", actors=("ana-moro", "ivo-sander"),
                   evidence="Ana Moro held talks in Velm with Ivo Sander.")
    assert {m.date for m in merge_events([talks, again])} == {date(2024, 2, 6), None}


def test_an_unbounded_undated_mention_joins_a_mention_bounded_by_its_page_on_two_actors_and_a_place():
    bounded = _event(1, "x.txt", event_type="visit", actors=("ana-moro", "estaria"), location="Velm",
                     window=(None, date(2024, 5, 7)), evidence="Ana Moro made a trip to Velm in March.")
    unbounded = _event(2, "y.txt", event_type="visit", actors=("ana-moro", "estaria"), location="Velm",
                       evidence="Ana Moro paid a visit to Velm in March.")
    [merged] = merge_events([bounded, unbounded])
    assert merged.date is None and len(merged.sources) == 2
    nowhere = _event(3, "y.txt", event_type="visit", actors=("ana-moro", "estaria"),
                     evidence="Ana Moro paid a visit to Estaria in March.")
    assert len(merge_events([bounded, nowhere])) == 2  # "Estaria" names an actor: it says no more than the actors
    one_actor = _event(4, "y.txt", event_type="visit", actors=("ana-moro",), location="Velm",
                       evidence="Ana Moro paid a visit to Velm.")
    assert len(merge_events([bounded, one_actor])) == 2


def test_two_reports_of_one_article_are_never_joined_even_through_another_article():
    """The event stage has told an article's happenings apart (and joined its repeated mentions): a dated raid and an
    undated one of the same page are two, and a report of another page that agrees with both joins one of them."""
    dated = _event(1, "x.txt", event_type="incident", day=date(2024, 2, 6), actors=("estaria",), location="Velm")
    later = _event(2, "x.txt", event_type="incident", actors=("estaria",), window=(None, date(2024, 2, 7)))
    assert len(merge_events([dated, later])) == 2
    other = _event(3, "y.txt", event_type="incident", day=date(2024, 2, 6), actors=("estaria",), location="Velm")
    merged = merge_events([dated, later, other])
    assert all(len({s.article for s in m.sources}) == len(m.sources) for m in merged)
    assert {"e1", "e3"} in [{s.event_id for s in m.sources} for m in merged]


def test_undated_mentions_joined_to_one_that_takes_a_day_are_of_that_happening_too():
    """Three pages' undated mentions of one offensive: one names the region that a fourth page dates to its month; the
    other two share a country with it and a side with each other. All four are one event, as each pair says."""
    region = _event(1, "a.txt", event_type="operation", actors=("norlund",), location="Dorra Valley",
                    window=(None, date(2031, 9, 23)))
    first = _event(2, "b.txt", event_type="operation", actors=("estaria",), window=(None, date(2031, 9, 19)),
                   evidence="The minister spoke of the army's operation in the Dorra region.")
    second = _event(3, "c.txt", event_type="operation", actors=("estaria",), window=(None, date(2031, 9, 20)))
    month = _event(4, "d.txt", event_type="operation", day=date(2031, 9, 1), actors=("estaria",),
                   evidence="Estaria retook the Dorra Valley in a one-day offensive in September 2031.")
    month = month.__class__(**{**month.__dict__, "date_end": date(2031, 9, 30), "precision": "month"})
    [merged] = merge_events([region, first, second, month])
    assert merged.date == date(2031, 9, 1) and len(merged.sources) == 4


def test_an_undated_mention_takes_another_articles_day_on_two_actors_or_a_place_not_on_one_country():
    """Floods "in eastern Estaria", told undated on a page of the 25th, are not the storm dated the 13th in Estaria by
    another page, though both name only the country and the window reaches back to the 13th."""
    storm = _event(1, "x.txt", event_type="incident", day=date(2024, 10, 13), actors=("estaria",),
                   evidence="The storm hit the coast of Estaria on Sunday.")
    floods = _event(2, "y.txt", event_type="incident", actors=("estaria",), location="Estaria",
                    window=(None, date(2024, 10, 25)),
                    evidence="Floods have forced thousands to flee in eastern Estaria.")
    assert len(merge_events([storm, floods])) == 2
    in_velm = _event(3, "z.txt", event_type="incident", actors=("estaria",), location="Velm",
                     window=(None, date(2024, 10, 14)), evidence="The storm in Velm killed four people.")
    storm_in_velm = storm.__class__(**{**storm.__dict__, "evidence": "The storm hit Velm in Estaria on Sunday."})
    [merged] = merge_events([storm_in_velm, in_velm])
    assert merged.date == date(2024, 10, 13)


def test_two_unbounded_undated_reports_of_different_articles_stay_apart():
    """Nothing tells when either happened (pages of no known date): two raids on one province by the same two
    sides, told by two pages, may be years apart, and no timeline event should hold both."""
    first = _event(1, "x.txt", event_type="operation", actors=("estaria", "red-front"), location="Dorra")
    second = _event(2, "y.txt", event_type="operation", actors=("estaria", "red-front"), location="Dorra")
    assert len(merge_events([first, second])) == 2


def test_a_report_dated_only_by_its_year_needs_two_shared_actors_to_join_another_article():
    year = _event(1, "x.txt", event_type="incident", day=date(2024, 1, 1), actors=("estaria",))
    year = year.__class__(**{**year.__dict__, "date_end": date(2024, 12, 31), "precision": "year"})
    day = _event(2, "y.txt", event_type="incident", day=date(2024, 6, 3), actors=("estaria",))
    assert len(merge_events([year, day])) == 2
    both = _event(3, "z.txt", event_type="incident", day=date(2024, 6, 3), actors=("estaria", "norlund"))
    year2 = year.__class__(**{**year.__dict__, "id": "e4", "actor_ids": ("estaria", "norlund")})
    assert len(merge_events([year2, both])) == 1
    same_year = year.__class__(**{**year.__dict__, "id": "e5", "article": "w.txt"})
    assert len(merge_events([year, same_year])) == 1  # of one year both: joined, they claim no finer day


def test_a_timeline_event_never_holds_reports_of_two_different_days():
    """A report that spans the year agrees with each day in it; it must not chain a March and a June report
    into one happening."""
    year = _event(1, "x.txt", event_type="incident", day=date(2024, 1, 1), actors=("estaria", "norlund"))
    year = year.__class__(**{**year.__dict__, "date_end": date(2024, 12, 31), "precision": "year"})
    march = _event(2, "y.txt", event_type="incident", day=date(2024, 3, 1), actors=("estaria", "norlund"))
    june = _event(3, "z.txt", event_type="incident", day=date(2024, 6, 1), actors=("estaria", "norlund"))
    merged = merge_events([year, march, june])
    assert len(merged) == 2
    for event in merged:
        assert len({s.event_id for s in event.sources} & {"e2", "e3"}) == 1


def test_an_undated_mention_bounded_only_from_below_needs_two_shared_actors_to_join_another_article():
    dated = _event(1, "x.txt", event_type="incident", day=date(2024, 2, 6), actors=("estaria",), location="Velm")
    after = _event(2, "y.txt", event_type="incident", actors=("estaria",), location="Velm",
                   window=(date(2024, 2, 1), None))
    assert len(merge_events([dated, after])) == 2


STORIES = Path(__file__).parent / "fixtures" / "merge_stories"


@pytest.fixture(scope="module")
def story_groups() -> set[tuple[str, frozenset[str], date | None]]:
    """Made-up articles of several outlets (tests/fixtures/merge_stories, named aNN_*): the timeline's events, each as
    its type, the numbers of the articles it holds, and its day."""
    from timeline.pipeline import parse_corpus

    return {(t.event_type, frozenset(s.article[:3] for s in t.sources), t.date)
            for t in parse_corpus([STORIES]).timeline}


def test_one_meeting_told_by_three_outlets_is_one_event_and_the_next_one_another(story_groups):
    """a01 and a02 tell the Oslo talks of Tuesday, a12 as "this week"; a03 is the two ministers' next meeting, in
    Santiago a week later; a11, a page of no known date, retells talks in Oslo: it takes no day of another page."""
    assert ("meeting", frozenset({"a01", "a02", "a12"}), date(2024, 3, 12)) in story_groups
    assert ("meeting", frozenset({"a03"}), date(2024, 3, 20)) in story_groups
    assert ("meeting", frozenset({"a11"}), None) in story_groups


def test_two_floods_of_one_day_in_two_countries_stay_two_and_a_years_review_chains_nothing(story_groups):
    """a04 and a06 tell one flood in Peru, a05 another in Kenya on the same Sunday; a15 sums up Peru's year and a16 is
    a landslide in Peru six weeks later: the year's report overlaps both days, and must not make them one."""
    assert ("incident", frozenset({"a04", "a06"}), date(2024, 4, 7)) in story_groups
    assert ("incident", frozenset({"a05"}), date(2024, 4, 7)) in story_groups
    assert ("incident", frozenset({"a15"}), date(2024, 1, 1)) in story_groups
    assert ("incident", frozenset({"a16"}), date(2024, 5, 20)) in story_groups


def test_undated_disasters_of_one_country_on_pages_of_no_known_date_stay_apart(story_groups):
    """a13 (floods in the Andes) and a14 (a mudslide on a road) name Peru and no day: nothing says they are one."""
    assert ("incident", frozenset({"a13"}), None) in story_groups
    assert ("incident", frozenset({"a14"}), None) in story_groups


def test_a_visit_and_the_talks_during_it_are_two_events_each_told_by_its_outlets(story_groups):
    """a07 tells the arrival and the talks; a08 the talks, "on the first day of a state visit". a09 and a10 tell one
    summit, opened by its leaders and as heads of state gathered."""
    assert ("meeting", frozenset({"a07", "a08"}), date(2024, 5, 6)) in story_groups
    assert ("visit", frozenset({"a07"}), date(2024, 5, 6)) in story_groups
    assert ("conference", frozenset({"a09", "a10"}), date(2024, 2, 17)) in story_groups
