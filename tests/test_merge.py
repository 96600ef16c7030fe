"""Cross-article merge: same happening -> one timeline event; idempotent and independent of input order."""

from datetime import date

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
    assert "y.txt" in merged.date_basis
    assert len(merged.sources) == 2


def test_undated_mention_outside_the_window_does_not_join():
    dated = _event(1, "x.txt", event_type="incident", day=date(2024, 2, 6), actors=("tr",))
    undated = _event(2, "y.txt", event_type="incident", actors=("tr",), window=(date(2024, 3, 1), date(2024, 3, 9)))
    assert len(merge_events([dated, undated])) == 2


def test_undated_reports_of_one_operation_by_place_or_actor_merge():
    events = [
        _event(1, "a.txt", event_type="operation", actors=("az",), location="Donbas"),
        _event(2, "b.txt", event_type="operation", actors=("az",)),
        _event(3, "c.txt", event_type="operation", actors=("am",), location="Eastern Donbas"),
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


def test_an_unbounded_undated_mention_of_another_article_joins_on_two_shared_actors_not_on_a_place():
    dated = _event(1, "x.txt", event_type="incident", day=date(2024, 2, 6), actors=("estaria",), location="Velm")
    same_city = _event(2, "y.txt", event_type="incident", actors=("estaria",), location="Velm")
    assert len(merge_events([dated, same_city])) == 2
    talks = _event(3, "x.txt", day=date(2024, 2, 6), actors=("ana-moro", "ivo-sander"))
    again = _event(4, "y.txt", actors=("ana-moro", "ivo-sander"))
    [merged] = merge_events([talks, again])
    assert merged.date == date(2024, 2, 6)


def test_within_one_article_an_undated_mention_still_joins_on_one_shared_actor():
    dated = _event(1, "x.txt", event_type="incident", day=date(2024, 2, 6), actors=("estaria",), location="Velm")
    later = _event(2, "x.txt", event_type="incident", actors=("estaria",))
    [merged] = merge_events([dated, later])
    assert merged.date == date(2024, 2, 6)
