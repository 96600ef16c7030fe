"""HTML -> one ``RawRecord``: the article text without scripts, styles, navigation, headers,
footers and asides; the title (og:title, <h1>, <title>); the publication date from meta tags,
JSON-LD or <time datetime>; the outlet (og:site_name) and the canonical URL.

Markup is parsed, never rendered or executed.
"""

from __future__ import annotations

import json
import re


from .building import RawRecord

DROP_TAGS = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe",
             "svg", "canvas", "button", "select", "option", "figcaption", "object", "embed", "head"]
DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog"}
# Words of a class or id that mark a page's furniture container ("related-posts", "share_bar", "newsletter-signup"):
# whole words only, split at spaces, hyphens and underscores ("shareholders" and "loaded" are not furniture).
DROP_CLASS_WORDS = frozenset({
    "related", "share", "sharing", "social", "newsletter", "comments", "comment", "promo", "advert", "advertisement",
    "ad", "ads", "breadcrumb", "breadcrumbs", "subscribe", "subscription", "recommended", "popular", "mostread",
    "sidebar", "cookie", "cookies", "paywall", "outbrain", "taboola", "trending"})
BLOCK_TAGS = ["p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
              "blockquote", "pre", "table", "tr", "dd", "dt", "dl", "figure", "address", "hr"]
PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "date_published", "pubdate",
                  "publishdate", "publish-date", "publish_date", "publication_date", "dc.date.issued",
                  "dcterms.issued", "dc.date", "dcterms.date", "date", "sailthru.date", "parsely-pub-date")
TITLE_META = ("og:title", "twitter:title")
BLOCK, BREAK = "\ue000", "\ue001"
DROP_SET, BLOCK_SET = frozenset(DROP_TAGS), frozenset(BLOCK_TAGS)

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_\-]{1,40})""", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_CLASS_WORDS = re.compile(r"[\s_\-]+")
_BLOCKS = re.compile(f"[ ]*[{BLOCK}{BREAK}][{BLOCK}{BREAK} ]*")


def declared_charset(data: bytes) -> str:
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else ""


def from_html(name: str, text: str, encoding: str, notes: tuple) -> RawRecord:
    from bs4 import BeautifulSoup  # here, not at import: a corpus without HTML never loads it (70 ms)

    soup = BeautifulSoup(text.replace(BLOCK, " ").replace(BREAK, " "), "lxml")
    meta = _meta(soup)
    root = _root(soup)
    published, field = _published(soup, meta, root)
    source = meta.get("og:site_name", "") or meta.get("application-name", "")
    title = _title(soup, root, meta, source)
    url = meta.get("og:url", "") or _canonical(soup)
    body = _body_text(root)
    return RawRecord(name=name, text=body, title=title, published=published, url=url, source=source,
                     encoding=encoding, notes=notes, published_field=field)


def _meta(soup) -> dict:
    """Meta tags by lower-cased property/name/itemprop; the first value wins."""
    found = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        value = tag.get("content")
        if isinstance(key, str) and isinstance(value, str) and value.strip():
            found.setdefault(key.strip().lower(), value.strip())
    return found


def _published(soup, meta: dict, root) -> tuple[str | None, str]:
    """Meta tags, then JSON-LD, then a <time datetime> of the story (a page header's <time> is often the site's
    clock, today's date), then any <time datetime>."""
    for key in PUBLISHED_META:
        if key in meta:
            return meta[key], f"meta {key}"
    from_ld = _json_ld_date(soup)
    if from_ld:
        return from_ld, "JSON-LD datePublished"
    time = root.find("time", attrs={"datetime": True}) or soup.find("time", attrs={"datetime": True})
    if time is not None and isinstance(time.get("datetime"), str):
        return time["datetime"], "<time datetime>"
    return None, ""


def _json_ld_date(soup) -> str:
    """datePublished of a JSON-LD item: at the top, in a list, or in an "@graph" list (as site plugins write it)."""
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except (ValueError, RecursionError):
            continue
        for item in _ld_items(data):
            if isinstance(item.get("datePublished"), str):
                return item["datePublished"]
    return ""


def _ld_items(data) -> list[dict]:
    """The JSON-LD items of one script: a dict, a list of them, and the items of their "@graph" lists."""
    items = [item for item in (data if isinstance(data, list) else [data]) if isinstance(item, dict)]
    graphs = [item["@graph"] for item in items if isinstance(item.get("@graph"), list)]
    return items + [item for graph in graphs for item in graph if isinstance(item, dict)]


def _canonical(soup) -> str:
    link = soup.find("link", attrs={"rel": "canonical"})
    href = link.get("href") if link is not None else None
    return href if isinstance(href, str) else ""


def _first(meta: dict, keys: tuple) -> str:
    return next((meta[key] for key in keys if key in meta), "")


def _tag_text(tag) -> str:
    return " ".join(tag.get_text(" ").replace(BLOCK, " ").replace(BREAK, " ").split()) if tag is not None else ""


def _root(soup):
    """<article> (the one with the most paragraph text, when teasers of other stories are <article>s too),
    else <main>, else <body>: where the story is."""
    articles = soup.find_all("article")
    if len(articles) > 1:
        return max(articles, key=_paragraph_chars)
    return (articles[0] if articles else None) or soup.find("main") or soup.body or soup


def _paragraph_chars(tag) -> int:
    return sum(len(p.get_text()) for p in tag.find_all("p"))


def _title(soup, root, meta: dict, source: str) -> str:
    """The visible headline (<h1> of the story), else og:title, else any <h1>, else <title>
    without a trailing " | Outlet"."""
    headline = _tag_text(root.find("h1")) if root is not soup.body else ""
    found = headline or _first(meta, TITLE_META) or _tag_text(soup.find("h1"))
    if found:
        return found
    title = _tag_text(soup.find("title"))
    for separator in (" | ", " - ", " – ", " — ", " :: "):
        head, _, tail = title.rpartition(separator)
        if head and (not source or tail.strip().casefold() == source.casefold()):
            return head.strip()
    return title


def _body_text(root) -> str:
    """The visible text below ``root``, with paragraph breaks."""
    flat = _SPACES.sub(" ", "".join(_visible_strings(root)))
    return _BLOCKS.sub(lambda m: "\n\n" if BLOCK in m.group(0) else "\n", flat).strip()


def _visible_strings(root) -> list[str]:
    """Text of the tree below ``root`` in document order, with block and break markers, skipping
    dropped and hidden elements. Iterative, so deeply nested markup cannot exhaust the stack."""
    from bs4 import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction

    skipped = (Comment, Declaration, Doctype, ProcessingInstruction)
    end_block = object()
    stack, out = [root], []
    story = _Story(root)
    while stack:
        node = stack.pop()
        if node is end_block:
            out.append(BLOCK)
        elif isinstance(node, NavigableString):
            if not isinstance(node, skipped):
                out.append(str(node))
        elif node.name == "br":
            out.append(BREAK)
        elif node is root or (node.name not in DROP_SET and not _hidden(node) and not story.furniture(node)):
            if node.name in BLOCK_SET:
                out.append(BLOCK)
                stack.append(end_block)
            stack.extend(reversed(node.contents))
    return out


def _hidden(tag) -> bool:
    attrs = tag.attrs or {}
    return (
        "hidden" in attrs
        or attrs.get("aria-hidden") == "true"
        or (isinstance(attrs.get("role"), str) and attrs["role"].lower() in DROP_ROLES)
    )


class _Story:
    """Decides whether a container named as furniture by its class or id ("related-articles", "share-bar") is
    dropped. Never a paragraph or heading (a story paragraph may be classed "social-affairs"), nor a container
    that holds the headline or half of the story's paragraph text (a wrapper classed "content has-sidebar")."""

    KEEP = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})

    def __init__(self, root):
        self.half = _paragraph_chars(root) / 2

    def furniture(self, tag) -> bool:
        if tag.name in self.KEEP or not _furniture_class(tag.attrs or {}):
            return False
        return tag.find("h1") is None and _paragraph_chars(tag) <= self.half


def _furniture_class(attrs: dict) -> bool:
    """A class or id with a word naming page furniture (``DROP_CLASS_WORDS``)."""
    names = attrs.get("class") or []
    names = [names] if isinstance(names, str) else list(names)
    if isinstance(attrs.get("id"), str):
        names.append(attrs["id"])
    return any(word in DROP_CLASS_WORDS for name in names for word in _CLASS_WORDS.split(name.lower()) if word)
