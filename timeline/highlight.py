"""Article text as safe HTML with its temporal expressions, actor mentions and evidence marked.

Reads: an article's text and the spans found in it (``Timex``, ``Mention``, evidence offsets).
Adds: an HTML string in which every character of the article is escaped; the only markup is ours
(``<mark>`` and ``<span>`` elements with fixed class names). Nothing from an article is ever HTML.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from .frame import day_label
from .models import JOINED_BY, Mention, ParsedArticle, Source, Timex, TimelineEvent

STYLE = """
<style>
.tl-article{white-space:pre-wrap;line-height:1.65;font-size:0.95rem;color:#1e293b;
  max-height:32rem;overflow-y:auto;padding:0.9rem 1.1rem;border:1px solid #e2e8f0;border-radius:0.5rem;
  background:#fcfcfd}
.tl-article mark{padding:0 0.15em;border-radius:0.2em}
.tl-timex{background:#fef3c7;border-bottom:2px solid #f59e0b}
.tl-actor{background:#dbeafe;border-bottom:2px solid #3b82f6}
.tl-evidence{background:#ecfdf5;outline:1px solid #10b981;border-radius:0.2em}
.tl-legend{font-size:0.8rem;color:#475569;margin:0.2rem 0 0.5rem 0}
.tl-legend mark{margin-right:0.6rem;padding:0 0.3em;border-radius:0.2em}
</style>
"""
LEGEND = (
    '<div class="tl-legend"><mark class="tl-timex">date expression</mark>'
    '<mark class="tl-actor">actor</mark><span class="tl-evidence">evidence sentence</span></div>'
)


@dataclass(frozen=True)
class Span:
    """A stretch of text to mark: [start, end) with a CSS class and a tooltip."""

    start: int
    end: int
    kind: str  # "timex" or "actor"
    note: str = ""


def spans_of(timexes: Iterable[Timex] = (), mentions: Iterable[Mention] = ()) -> list[Span]:
    """Non-overlapping spans in text order; where a date and an actor overlap the earlier, longer one wins."""
    spans = [Span(t.start, t.end, "timex", f"{t.type} {t.value}") for t in timexes]
    spans += [Span(m.start, m.end, "actor", f"{m.actor_id} ({m.method})") for m in mentions]
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[Span] = []
    for span in spans:
        if span.end > span.start and (not kept or span.start >= kept[-1].end):
            kept.append(span)
    return kept


def highlight(text: str, spans: Iterable[Span] = (), evidence: Iterable[tuple[int, int]] = ()) -> str:
    """``text`` as escaped HTML with ``spans`` in <mark> and the ``evidence`` ranges outlined."""
    marks = sorted(spans, key=lambda s: s.start)
    boundaries = sorted({0, len(text)} | {p for s in marks for p in (s.start, s.end) if 0 <= p <= len(text)}
                        | {p for r in evidence for p in r if 0 <= p <= len(text)})
    ranges = [r for r in evidence if r[1] > r[0]]
    pieces = []
    for start, end in zip(boundaries, boundaries[1:]):
        piece = html.escape(text[start:end])
        span = next((s for s in marks if s.start <= start and end <= s.end), None)
        if span:
            piece = f'<mark class="tl-{span.kind}" title="{html.escape(span.note)}">{piece}</mark>'
        if any(a <= start and end <= b for a, b in ranges):
            piece = f'<span class="tl-evidence">{piece}</span>'
        pieces.append(piece)
    return f'<div class="tl-article">{"".join(pieces)}</div>'


def quote_html(sentence: str) -> str:
    """An evidence sentence as an escaped, styled quotation."""
    style = ("border-left:3px solid #10b981;background:#f8fafc;padding:0.5rem 0.8rem;margin:0.3rem 0;"
             "color:#0f172a;white-space:pre-wrap;border-radius:0 0.3rem 0.3rem 0")
    return f'<blockquote style="{style}">{html.escape(sentence)}</blockquote>'


def article_html(text: str, timexes: Iterable[Timex] = (), mentions: Iterable[Mention] = (),
                 evidence: Iterable[tuple[int, int]] = ()) -> str:
    """The styled, escaped article block with its legend, ready for ``st.html``."""
    return STYLE + LEGEND + highlight(text, spans_of(timexes, mentions), tuple(evidence))


def day_words(parsed: ParsedArticle, source: Source) -> list[Timex]:
    """The article's date expressions that the source's date basis quotes ("own date: "Wednesday" -> 2024-02-07"),
    those that hold the article event's day first among equals (a text may say "Wednesday" of two weeks)."""
    words = [t for t in parsed.timexes if f'"{t.text}"' in source.date_basis]
    own = next((e for e in parsed.events if e.id == source.event_id), None)
    day = own.date if own is not None else None
    holding = [t for t in words if day and t.first_day and t.last_day and t.first_day <= day <= t.last_day]
    return holding or words


def marked_html(parsed: ParsedArticle, start: int, end: int, words: Iterable[Timex] = ()) -> str:
    """The article's text from ``start`` to ``end`` (a sentence) as a styled, escaped quotation, its dates and
    actors marked; the date expressions ``words`` (see ``day_words``) are marked as the words its day was read from
    (class ``tl-day``)."""
    days = {(t.start, t.end) for t in words}
    inside = [t for t in parsed.timexes if start <= t.start and t.end <= end]
    mentions = [m for m in parsed.mentions if start <= m.start and m.end <= end]
    spans = [replace(span, start=span.start - start, end=span.end - start,
                     kind="day" if span.kind == "timex" and (span.start, span.end) in days else span.kind)
             for span in spans_of(inside, mentions)]
    return STYLE + f'<div class="tl-quote">{highlight(parsed.article.text[start:end], spans)}</div>'


@dataclass(frozen=True)
class Evidence:
    """One source's report of an event: the article, its sentence, and the marked-up article text."""

    article: str
    title: str
    published: str
    sentence: str
    date_basis: str
    html: str  # escaped article text with dates, actors and this sentence marked; "" if the text is gone
    published_basis: str = ""  # how the article's publication date was found (a date line, inferred, the user's)
    day: str = ""  # the day this article gives the event ("2023-09-23", "undated"), before the merge
    actors: tuple[str, ...] = ()  # the actors this article names in it


def publication_note(item: Evidence) -> str:
    """How the article's publication date was found, in a reader's words. The reading stage's basis is the line
    it was read from ("date 2020-02-07", "Updated: 2012-09-11 22:41"), which the panel showed bare
    ("Publication date: date 2020-02-07"), or why it is inferred or missing."""
    basis = item.published_basis.strip()
    day = item.published.split(" ")[0]
    if not day[:1].isdigit():
        why = f" ({basis})" if basis else ""
        return (f"No publication date found{why}: only the days its text writes out are known. Set it with "
                "**Correct it** and its “Thursday” and “last week” are counted from it.")
    if not basis:
        return f"Published {day}."
    if item.published.endswith("(inferred)") or basis.startswith("inferred"):
        return f"Published {day}, inferred: {basis.removeprefix('inferred:').strip()}."
    if basis.startswith(("set by the user", "given by the user")):
        return f"Published {day}: {basis}."
    return f"Published {day}: read from the page's line “{basis}”."


JOINED = "; " + JOINED_BY  # where timeline/merge.py's account of a join starts in a merged event's date basis


def split_basis(date_basis: str) -> tuple[str, str]:
    """A merged event's date basis as (how its day was found, why its articles were joined: "told by 2 articles
    (the same type of event, ...); its date is that of a.txt, ..."), the second "" when merge.py gave none."""
    basis, found, joined = date_basis.partition(JOINED)
    return basis, (JOINED.lstrip("; ") + joined) if found else ""


def joined_note(items: list[Evidence], joined: str = "") -> str:
    """Why several articles make one event: merge.py's own account (``joined``, from ``split_basis``) when it gave
    one, else as far as the sources show it: the day each gives and the actors they all name ("" for one source)."""
    if len(items) < 2:
        return ""
    if joined:
        return joined[0].upper() + joined[1:] + "."
    days = sorted({item.day for item in items if item.day})
    shared = set(items[0].actors).intersection(*(item.actors for item in items[1:]))
    said = (f"each gives the day {days[0]}" if len(days) == 1 else
            f"their days: {', '.join(days)}") if days else "no day of their own"
    names = ", ".join(name for name in items[0].actors if name in shared)
    return (f"Told by {len(items)} articles, as one happening: {said}; "
            + (f"all name {names}." if names else "no actor named by all of them."))


def evidence_for(event: TimelineEvent, articles: Mapping[str, ParsedArticle]) -> list[Evidence]:
    """Each source of ``event`` with its evidence sentence and its highlighted article."""
    return [_evidence(source, articles.get(source.article)) for source in event.sources]


def _evidence(source: Source, parsed: ParsedArticle | None) -> Evidence:
    if parsed is None:
        return Evidence(source.article, "", "", source.evidence, source.date_basis, "")
    article = parsed.article
    span = (source.evidence_start, source.evidence_end)
    body = article_html(article.text, parsed.timexes, parsed.mentions, [span])
    published = article.published.isoformat() if article.published else "unknown"
    if article.published and article.published_inferred:
        published += " (inferred)"
    own = next((e for e in parsed.events if e.id == source.event_id), None)
    day = day_label(own) if own else ""  # an article event has the fields day_label reads
    return Evidence(article.name, article.title, published, source.evidence, source.date_basis, body,
                    article.published_basis, day, own.actors if own else ())
