"""Reading one made-up page into an ``Article``, for the tests of the reading stage."""

from timeline.articles import read_bytes
from timeline.models import Article


def read_page(text: str, name: str = "page.txt") -> Article:
    """The one article that a file called ``name`` holding ``text`` gives (failing the test if it gives
    anything else)."""
    items = read_bytes(name, text.encode("utf-8"))
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]
