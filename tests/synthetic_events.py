"""Generated TimelineEvents and actors for chart, filter and speed tests (no names from real articles)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from timeline.models import EVENT_TYPES, Actor, Role, Source, TimelineEvent

COUNTRIES = tuple(f"country-{c}" for c in "abcdefgh")
ORGANISATIONS = ("org-alpha", "org-beta", "org-gamma")


def make_actors(people: int = 40) -> dict[str, Actor]:
    """Countries, organisations, and people each affiliated with one of them."""
    actors = {cid: Actor(cid, f"Country {cid[-1].upper()}", "country") for cid in COUNTRIES}
    actors |= {oid: Actor(oid, f"Organisation {oid[4:].title()}", "organization") for oid in ORGANISATIONS}
    groups = COUNTRIES + ORGANISATIONS
    for i in range(people):
        affiliation = groups[i % len(groups)]
        actors[f"person-{i}"] = Actor(
            f"person-{i}", f"Person {i:02d}", "person", roles=(Role("Minister", affiliation),)
        )
    return actors


def make_events(count: int, seed: int = 7, start: date = date(2023, 1, 1), days: int = 365,
                actors: dict[str, Actor] | None = None) -> list[TimelineEvent]:
    """``count`` events spread over ``days`` days from ``start``: points, ranges, and some undated."""
    rng = random.Random(seed)
    actors = actors or make_actors()
    ids = sorted(actors)
    return [_event(i, rng, start, days, ids, actors) for i in range(count)]


def _event(i, rng, start, days, ids, actors) -> TimelineEvent:
    chosen = tuple(rng.sample(ids, rng.choice((1, 2, 2, 3))))
    kind = rng.random()
    day = start + timedelta(days=rng.randrange(days))
    date_, end, precision, window = day, None, "day", None
    if kind < 0.1:
        end, precision = day + timedelta(days=rng.randint(1, 6)), "range"
    elif kind < 0.15:
        date_, precision, window = None, "unknown", (day, day + timedelta(days=4))
    elif kind < 0.17:
        date_, precision = None, "unknown"
    event_type = EVENT_TYPES[i % len(EVENT_TYPES)]
    sources = tuple(
        Source(f"article-{(i + k) % 50}.txt", f"a{(i + k) % 50}", f"e{i}-{k}", f"Evidence sentence {i}.", 0, 20)
        for k in range(rng.choice((1, 1, 2)))
    )
    return TimelineEvent(
        id=f"ev-{i:05d}", event_type=event_type, title=f"{event_type.title()} number {i}",
        date=date_, date_end=end, precision=precision,
        date_basis="publication date" if kind > 0.9 else f"stated day {i}",
        actors=tuple(actors[a].name for a in chosen), actor_ids=chosen, location=None,
        confidence=round(rng.uniform(0.5, 1.0), 2), sources=sources, date_window=window,
    )
