"""Article text as HTML: every character escaped, only our own marks added, spans where the offsets say."""

from __future__ import annotations

import html
import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.highlight import (Span, article_html, day_words, evidence_for, highlight, marked_html, quote_html,
                                spans_of)
from timeline.models import Article, Mention, ParsedArticle, Source, Timex, TimelineEvent

OUR_TAGS = re.compile(r'</?(?:div|mark|span)(?: class="tl-[a-z]+")?(?: title="[^"<>]*")?>')


def plain(markup: str) -> str:
    """The text a reader sees: our tags removed, entities decoded."""
    return html.unescape(OUR_TAGS.sub("", markup))


def test_marks_dates_and_actors_at_their_offsets():
    text = "On Monday the minister met the envoy."
    timex = Timex(3, 9, "Monday", "DATE", "2023-09-18")
    mention = Mention(text.index("minister"), text.index("minister") + 8, "minister", "x-minister", "office")
    markup = highlight(text, spans_of([timex], [mention]))
    assert '<mark class="tl-timex" title="DATE 2023-09-18">Monday</mark>' in markup
    assert '<mark class="tl-actor" title="x-minister (office)">minister</mark>' in markup
    assert plain(markup) == text


def test_article_content_is_never_html():
    text = "<script>alert(1)</script> & <b onclick=x>bold</b> \"quoted\""
    markup = highlight(text, [Span(0, 8, "actor", '"><img src=x>')], [(0, len(text))])
    assert "<script>" not in markup and "<b " not in markup and "<img" not in markup
    assert plain(markup) == text
    assert "&lt;img" in quote_html("<img src=x>") and "<img" not in quote_html("<img src=x>")


def test_overlapping_spans_keep_the_earlier_longer_one():
    kept = spans_of([Timex(0, 10, "10 May 2023", "DATE", "2023-05-10")],
                    [Mention(3, 6, "May", "may", "exact"), Mention(12, 15, "UN", "un", "exact")])
    assert [(s.start, s.kind) for s in kept] == [(0, "timex"), (12, "actor")]


def test_evidence_for_each_source_with_its_article():
    text = "Title line\n\nThe envoy met the minister on Monday."
    article = Article("a1", "a.txt", "Title line", text, published=date(2023, 9, 20))
    parsed = ParsedArticle(article, (Timex(text.index("Monday"), len(text) - 1, "Monday", "DATE", "2023-09-18"),))
    start = text.index("The envoy")
    event = TimelineEvent("e", "meeting", "Envoy meets minister", date(2023, 9, 18), None, "day", "own date", (), (),
                          None, 0.9, (Source("a.txt", "a1", "x", text[start:], start, len(text)),
                                      Source("gone.txt", "g", "y", "Lost sentence.", 0, 14)))
    found, missing = evidence_for(event, {"a.txt": parsed})
    assert found.published == "2023-09-20" and found.title == "Title line"
    assert '<span class="tl-evidence">' in found.html and 'class="tl-timex"' in found.html
    assert missing.html == "" and missing.sentence == "Lost sentence."
    assert article_html(text).count("tl-article") >= 1


def test_a_quoted_sentence_marks_in_bold_the_words_its_day_was_read_from():
    """The date its basis quotes is marked as the day's words; the sentence's other date is marked as a date."""
    text = "Talks on Monday, March 4 followed a visit on Monday, February 26."
    first = Timex(text.index("Monday"), text.index(" followed"), "Monday, March 4", "DATE", "2024-03-04",
                  first_day=date(2024, 3, 4), last_day=date(2024, 3, 4))
    second = Timex(text.index("Monday, F"), len(text) - 1, "Monday, February 26", "DATE", "2024-02-26",
                   first_day=date(2024, 2, 26), last_day=date(2024, 2, 26))
    article = Article("a1", "a.txt", "", text, published=date(2024, 3, 5))
    source = Source("a.txt", "a1", "e1", text, 0, len(text), date_basis='own date: "Monday, March 4" -> 2024-03-04')
    parsed = ParsedArticle(article, (first, second))
    words = day_words(parsed, source)
    assert words == [first]
    markup = marked_html(parsed, 0, len(text), words)
    assert '<mark class="tl-day" title="DATE 2024-03-04">Monday, March 4</mark>' in markup
    assert '<mark class="tl-timex" title="DATE 2024-02-26">Monday, February 26</mark>' in markup
    assert 'class="tl-quote"' in markup and plain(markup.split("</style>")[-1]).strip() == text


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.lists(st.tuples(st.integers(-5, 210), st.integers(-5, 210)), max_size=6))
def test_any_text_and_any_spans_give_back_the_same_text(text, pairs):
    spans = [Span(a, b, "actor") for a, b in pairs]
    markup = highlight(text, spans_of(mentions=[Mention(s.start, s.end, "", "x", "exact") for s in spans]), pairs)
    assert plain(markup) == text
    assert "<" not in OUR_TAGS.sub("", markup)
