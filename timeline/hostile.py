"""Hostile inputs for the fuzz run: seeded, deterministic, without Hypothesis.

Reads a seed and an input number; adds one (file name, bytes) pair. Input ``k`` of seed ``s`` is always the
same bytes (``random.Random`` seeded with a string does not depend on PYTHONHASHSEED), so any finding is
reproduced with ``python -m timeline fuzz --seed s --replay k``.
"""

from __future__ import annotations

import json
import random

EXTENSIONS = (".txt", ".md", ".html", ".json", ".jsonl", ".csv", ".txt", ".txt")

# General news phrasing and the characters that break naive readers; no text from any real article.
WORDS = ("the", "minister", "President", "met", "talks", "held", "visited", "called", "said", "on", "in",
         "Monday", "Friday", "September", "Sept.", "May", "2023", "19", "30", "last", "next", "week", "year",
         "ago", "yesterday", "Mr.", "Dr.", "U.N.", "O'Brien", "Jean-Luc", "Əliyev", "Şəki", "ğ", "Жуков",
         "مرحبا", "🎉", "שלום", "ceasefire", "agreement", "signed", "strike", "killed", "(Reuters)", "-", "—",
         ",", ".", "?", "\n", "\n\n", "\t", "  ")
SNIPPETS = ("February 30, 2023", "32 September", "September 19, 99999", "0000-00-00", "1 January 1850",
            "31 December 2150", "9999-12-31", "0001-01-01", "Published: ", "Updated: ", "PARIS, Sept. 3 (AFP) - ",
            "<script>alert(1)</script>", "<p onclick='x()'>", "<div>" * 50, "]]>", "<!--", "&#0;", "&amp;",
            "\x00", "\x1b[31m", "\ufeff", "\u202e", "\ud800", "\r\n", "\u2028", "\x85", "{\"text\": ",
            "\"", ",", "1" * 60, "." * 60, "A. " * 30, "(" * 40, "[" * 40, "**", "# ", "---\n")
GENERATORS = ("words", "snippets", "bytes", "mutated", "records_json", "records_csv", "html", "dates")


def hostile_input(seed: int, number: int) -> tuple[str, bytes]:
    """The ``number``-th input of the run with ``seed``: (file name, content)."""
    rng = random.Random(f"timeline-fuzz:{seed}:{number}")
    kind = rng.choice(GENERATORS)
    extension = rng.choice(EXTENSIONS)
    data = globals()["_" + kind](rng)
    if kind.startswith("records_"):
        extension = ".json" if kind == "records_json" else ".csv"
    elif kind == "html":
        extension = ".html"
    return f"fuzz-{number}-{kind}{extension}", data


def _text(rng: random.Random, size: int) -> str:
    pool = WORDS + SNIPPETS if rng.random() < 0.5 else WORDS
    return " ".join(rng.choice(pool) for _ in range(size))


def _encode(rng: random.Random, text: str) -> bytes:
    encoding = rng.choice(("utf-8", "utf-8", "utf-8", "utf-16", "utf-16-le", "cp1252", "utf-8-sig"))
    return text.encode(encoding, errors="replace" if encoding == "cp1252" else "surrogatepass")


def _words(rng: random.Random) -> bytes:
    return _encode(rng, _text(rng, rng.randint(0, 400)))


def _snippets(rng: random.Random) -> bytes:
    return _encode(rng, "".join(rng.choice(SNIPPETS + WORDS) for _ in range(rng.randint(1, 120))))


def _bytes(rng: random.Random) -> bytes:
    return rng.randbytes(rng.randint(0, 3000))


def _mutated(rng: random.Random) -> bytes:
    data = bytearray(_encode(rng, "Title\n\n" + _text(rng, 200)))
    for _ in range(rng.randint(1, 20)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def _value(rng: random.Random, depth: int = 0):
    choice = rng.randrange(8 if depth < 3 else 5)
    simple = (None, rng.random() < 0.5, rng.randint(-10**12, 10**12), rng.random() * 1e9, _text(rng, rng.randint(0, 30)))
    if choice < 5:
        return simple[choice]
    if choice == 5:
        return [_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(("text", "title", "date", "published", "x")): _value(rng, depth + 1) for _ in range(rng.randint(0, 3))}


def _record(rng: random.Random):
    fields = ("title", "text", "body", "date", "published", "url", "source", "extra")
    if rng.random() < 0.1:
        return _value(rng)
    return {rng.choice(fields): (_text(rng, 40) if rng.random() < 0.6 else _value(rng)) for _ in range(rng.randint(0, 5))}


def _records_json(rng: random.Random) -> bytes:
    records = [_record(rng) for _ in range(rng.randint(0, 6))]
    return json.dumps(records if rng.random() < 0.8 else {"articles": records}, ensure_ascii=rng.random() < 0.5).encode(
        "utf-8", "surrogatepass")


def _records_csv(rng: random.Random) -> bytes:
    header = ",".join(rng.sample(("title", "text", "date", "published", "url", "x"), rng.randint(1, 4)))
    rows = [",".join(_text(rng, rng.randint(0, 12)).replace("\n", rng.choice(("\n", " ", "\r\n")))
                     for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(0, 6))]
    return _encode(rng, "\n".join([header, *rows]))


def _html(rng: random.Random) -> bytes:
    tags = ("<p>", "</p>", "<div>", "</div>", "<b>", "<script>", "</script>", "<style>", "<h1>", "</h1>",
            "<time datetime='2023-02-30'>", "<meta charset='klingon'>", "<a href='javascript:x()'>", "<", ">")
    parts = [rng.choice(tags) if rng.random() < 0.4 else _text(rng, 5) for _ in range(rng.randint(0, 300))]
    return _encode(rng, "".join(parts))


def _dates(rng: random.Random) -> bytes:
    months = ("January", "February", "Sept.", "May", "December")
    tokens = [f"{rng.randint(0, 40)} {rng.choice(months)} {rng.randint(0, 99999)}" for _ in range(rng.randint(1, 500))]
    return _encode(rng, "Dates\n\nOn Monday the minister met envoys. " + " ".join(tokens))
