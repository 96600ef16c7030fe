"""The whole pipeline: inputs -> articles -> temporal expressions -> actor mentions -> events (background
flagged) -> timeline.

``parse_article`` is the pure, cacheable unit (one article, the gazetteer's data, the settings);
``parse_corpus`` reads files and folders, ``parse_documents`` takes articles already read (uploads).
Both infer missing publication dates against the batch's reference date (the median of the known
dates, when they gather in one period), parse every article, and merge the events of all articles into one timeline. The ``parse``
command streams instead, without keeping the corpus: ``timeline.batch.stream_outputs``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from . import articles as reading
from . import background
from .actors import Gazetteer, find_mentions
from .events import extract
from .merge import merge_events
from .models import Actor, Article, Corpus, ParsedArticle, Rejected
from .parallel import parse_stream
from .reading.building import DATELINE_NOTE, noted
from .reading.inference import batch_reference
from .settings import DEFAULT_SETTINGS, Settings
from .temporal import tag

# progress(done, total): called as articles are parsed.
Progress = Callable[[int, int], None]


def parse_article(article: Article, gazetteer: Gazetteer, settings: Settings = DEFAULT_SETTINGS) -> ParsedArticle:
    """Temporal expressions, actor mentions and events of one article. Pure: same inputs, same output."""
    timexes = tag(article.text, article.published, settings)
    mentions, discovered = find_mentions(article.text, gazetteer, article.published, settings,
                                         noted(article, DATELINE_NOTE))
    actors = dict(_known_actors(gazetteer))  # a dict: looked up for every mention
    actors.update((a.id, a) for a in discovered)

    def affiliations(actor_id: str) -> tuple[str, ...]:
        return gazetteer.affiliation_ids(actor_id) or (actors[actor_id].affiliations if actor_id in actors else ())

    events = background.mark(extract(article, timexes, mentions, actors, affiliations, settings), article, timexes,
                             settings)
    return ParsedArticle(article, tuple(timexes), tuple(mentions), events, tuple(discovered))


@lru_cache(maxsize=4)
def _known_actors(gazetteer: Gazetteer) -> dict[str, Actor]:
    """The gazetteer's actors as a plain dict, made once: copying a dict is much quicker than unpacking the
    gazetteer's read-only mapping for every article."""
    return dict(gazetteer.actors)


def parse_corpus(paths: Iterable[str | Path], settings: Settings = DEFAULT_SETTINGS,
                 progress: Progress | None = None, **engine) -> Corpus:
    """Read every article under ``paths`` (files or folders), parse them all and merge their events.

    ``engine`` takes the options of ``timeline.parallel.parse_stream`` (cache, engine, workers, scheduler).
    """
    return parse_documents(reading.iter_inputs(paths, settings), settings, progress, **engine)


def parse_documents(items: Iterable[Article | Rejected], settings: Settings = DEFAULT_SETTINGS,
                    progress: Progress | None = None, **engine) -> Corpus:
    """The same for articles already read (for example uploaded files)."""
    items = list(items)
    found = [item for item in items if isinstance(item, Article)]
    reference = reference_date(found)
    cache = engine.get("cache")
    counter = _counter(progress, len(found))
    known = _known_undated(cache, items, reference, settings)
    if counter is not None and known:
        counter(len(known))
    todo = (known.get(i) or (dated(item, reference, settings) if isinstance(item, Article) else item)
            for i, item in enumerate(items))  # a ParsedArticle from the cache passes through parse_stream
    parsed, rejected, fresh = [], [], []
    for i, result in enumerate(parse_stream(todo, settings, progress=counter, **engine)):
        (parsed if isinstance(result, ParsedArticle) else rejected).append(result)
        if cache is not None and i not in known and isinstance(result, ParsedArticle) and _undated(items[i], settings):
            fresh.append((cache.undated_key(items[i], reference), result))
    if fresh:
        cache.put_keyed(fresh)
    timeline = merge_events(e for p in parsed for e in p.events)
    return Corpus(tuple(parsed), tuple(timeline), tuple(rejected))


def _undated(item, settings: Settings) -> bool:
    """An article whose publication date would be inferred (against the batch's reference date)."""
    return isinstance(item, Article) and item.published is None and settings.published_override is None


def _known_undated(cache, items: list, reference: date | None, settings: Settings) -> dict[int, ParsedArticle]:
    """The stored parses of the undated articles, found by the article as read and the reference date, so
    that a cached article's date is not inferred again (inference runs the tagger); position -> parse."""
    if cache is None:
        return {}
    keys = {i: cache.undated_key(item, reference) for i, item in enumerate(items) if _undated(item, settings)}
    stored = cache.get_keyed(list(keys.values())) if keys else {}
    return {i: stored[key] for i, key in keys.items() if key in stored}


def reference_date(found: Iterable[Article]) -> date | None:
    """The batch's reference date, from the publication dates the articles state (not inferred ones)."""
    return stated_reference(a.published for a in found if a.published and not a.published_inferred)


def stated_reference(days: Iterable[date | str]) -> date | None:
    """The (lower) median of the stated publication ``days`` (dates or ISO strings) when they gather in one
    period, else None (``reading.inference.batch_reference``): a batch spread over years names no year."""
    return batch_reference(day if isinstance(day, date) else date.fromisoformat(day) for day in days)


def dated(article: Article, reference: date | None, settings: Settings) -> Article:
    """The article with a publication date: its own, else the user's (--published), else one inferred
    against ``reference``."""
    if article.published is not None:
        return article
    if settings.published_override is not None:
        return replace(article, published=settings.published_override,
                       published_basis="given by the user (--published)")
    return reading.infer_published(article, reference, settings)


def _counter(progress: Progress | None, total: int) -> Callable[[int], None] | None:
    if progress is None:
        return None
    done = 0

    def step(count: int) -> None:
        nonlocal done
        done += count
        progress(done, total)

    progress(0, total)
    return step


# Made up: any article that holds a day, an actor and a happening loads every part of the parser.
WARM_TEXT = "On Monday, the mayor of a small town met local farmers at the town hall to discuss the harvest."


def warm_up(settings: Settings = DEFAULT_SETTINGS, cache=None) -> Corpus:
    """Load the parser (its compiled rules, the date reader, the gazetteer) by parsing one made-up article, and
    train the type guess and the happening model that the lead and body fallbacks ask for (``timeline.typeguess``:
    the happening model read from ``cache``'s store when it holds one, else trained, about 2.5 s, and put there; an
    article whose sentences all have a rule's trigger never reaches them); returns the article's parse.

    The app calls it in the background: a board read from the board store never loads the parser, so the first
    upload of an app process waited for it under the progress bar (1.7 s on a quiet machine) before reading
    the first added article.
    """
    from . import typeguess

    typeguess.model(settings.data_dir)
    with typeguess.kept_on(cache.shelf() if cache is not None else None, settings.data_dir):
        typeguess.happening_model(settings.data_dir)
    settings = settings.with_(published_override=date(2020, 1, 8))
    return parse_documents(reading.read_bytes("warm-up.txt", WARM_TEXT.encode("utf-8"), settings), settings)
