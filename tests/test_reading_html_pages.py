"""HTML pages as sites build them (made-up markup): the story's <article> among teasers, furniture containers named
by their class or id, and JSON-LD dates inside an "@graph" list."""

from datetime import date

from timeline.models import Article

from pages import read_page

STORY = "<p>The foreign ministers of Exampleland and Otherland met in Oslo on Tuesday to discuss a rivers pact.</p>"


def _article(html: str) -> Article:
    return read_page(html, "page.html")


def test_the_story_is_the_article_with_the_most_paragraph_text():
    page = (
        "<html><body>"
        "<article><h2>Storm hits the coast</h2><p>Teaser.</p></article>"
        f"<article><h1>Ministers meet in Oslo</h1>{STORY}<p>They agreed to meet again in May.</p></article>"
        "<article><h2>Markets fall</h2><p>Another teaser.</p></article>"
        "</body></html>"
    )
    article = _article(page)
    assert article.title == "Ministers meet in Oslo"
    assert "Teaser" not in article.text and "They agreed to meet again in May." in article.text


def test_containers_named_as_furniture_are_dropped():
    page = (
        "<html><body><article><h1>Ministers meet in Oslo</h1>"
        '<div class="share-bar">Share Facebook X 1.2K</div>'
        '<div class="breadcrumb">World &gt; Europe</div>'
        f"{STORY}"
        '<div id="related_posts"><p>Floods in Otherland: what we know so far</p></div>'
        '<section class="newsletter-signup">Get our news in your inbox</section>'
        "</article></body></html>"
    )
    assert _article(page).text == STORY[3:-4]


def test_a_story_wrapper_or_paragraph_with_such_a_word_is_kept():
    page = (
        '<html><body><div class="content has-sidebar"><h1>Ministers meet in Oslo</h1>'
        f'{STORY}<p class="social-affairs">Social affairs ministers met separately on Wednesday.</p>'
        '<div class="sidebar">Most read</div></div></body></html>'
    )
    text = _article(page).text
    assert "rivers pact" in text and "Social affairs ministers met separately" in text and "Most read" not in text


def test_a_class_word_inside_another_word_is_no_furniture():
    page = f'<html><body><article><div class="shareholders-report">{STORY}</div></article></body></html>'
    assert "rivers pact" in _article(page).text


def test_json_ld_date_inside_a_graph_list():
    ld = ('{"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "x"},'
          ' {"@type": "NewsArticle", "datePublished": "2030-02-04T09:15:00+00:00"}]}')
    page = f'<html><head><script type="application/ld+json">{ld}</script></head><body>{STORY}</body></html>'
    assert _article(page).published == date(2030, 2, 4)


def test_the_story_time_element_beats_a_header_clock():
    page = (
        '<html><body><header><time datetime="2031-03-03">Monday, 3 March 2031</time></header>'
        f'<article><h1>Ministers meet in Oslo</h1><time datetime="2030-02-04T09:15">4 Feb 2030</time>{STORY}</article>'
        "</body></html>"
    )
    assert _article(page).published == date(2030, 2, 4)


def test_reading_plain_text_never_loads_the_html_parser():
    import subprocess
    import sys

    code = ("import sys\nfrom timeline.reading import formats\nfrom timeline.settings import DEFAULT_SETTINGS\n"
            "list(formats.read_bytes('a.txt', b'Talks\\n\\nThe two ministers met on Monday.', DEFAULT_SETTINGS))\n"
            "assert 'bs4' not in sys.modules\n"
            "list(formats.read_bytes('a.html', b'<html><body><p>The two ministers met on Monday.</p></body></html>',"
            " DEFAULT_SETTINGS))\nassert 'bs4' in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)  # bs4 is loaded at the first page, not at import
