"""Single-article formats: decoded text of a .txt, .md or .html file -> one ``RawRecord``.

Markdown loses its markup (headings, links, emphasis, images) and gives its front matter
(title, date, source, url) as metadata. HTML: see ``html.py``.
"""

from __future__ import annotations

import re

from .building import RawRecord

_FRONT_MATTER = re.compile(r"\A---[ ]*\n((?:.{0,500}\n){0,50}?)---[ ]*\n")
_FRONT_FIELD = re.compile(r"^([A-Za-z_][\w-]{0,40})[ ]*:[ ]*(.*?)[ ]*$")
# Bracket contents exclude brackets, so a run of "[" cannot make the scan quadratic.
_IMAGE = re.compile(r"!\[[^\[\]\n]{0,300}\]\([^()\s]{0,1000}\)")
_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\([^()\s]{0,1000}\)")
_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ ]+(.*?)(?:[ ]+#+)?[ ]*$", re.MULTILINE)
_RULE_LINE = re.compile(r"^[ ]{0,3}(?:[-=*_][ ]*){3,}$", re.MULTILINE)
_EMPHASIS = re.compile(r"\*\*(?=[^\s*])([^*\n]{1,1000})(?<=\S)\*\*|__(?=[^\s_])([^_\n]{1,1000})(?<=\S)__")
# Single-marker emphasis ("*Jane Roe* · Mar 3, 2025", "_italic_"): not inside a word ("2*3*4", "snake_case_name"),
# never a list bullet ("* item": a space follows the marker).
_EMPHASIS_ONE = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]{1,1000})(?<=[^\s*])\*(?![*\w])"
                           r"|(?<![_\w])_(?=[^\s_])([^_\n]{1,1000})(?<=[^\s_])_(?![_\w])")
_QUOTE = re.compile(r"^[ ]{0,3}>[ ]?", re.MULTILINE)


def from_text(name: str, text: str, encoding: str, notes: tuple) -> RawRecord:
    return RawRecord(name=name, text=text, encoding=encoding, notes=notes, guess_title=True, one_article=True)


def from_markdown(name: str, text: str, encoding: str, notes: tuple) -> RawRecord:
    meta, text = _front_matter(text)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _HEADING.sub(r"\1", text)
    text = _RULE_LINE.sub("", text)
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    text = _EMPHASIS_ONE.sub(lambda m: m.group(1) or m.group(2), text)
    text = _QUOTE.sub("", text)
    return RawRecord(
        name=name, text=text, title=meta.get("title", ""), published=meta.get("date") or meta.get("published"),
        url=meta.get("url", ""), source=meta.get("source", ""), encoding=encoding, notes=notes,
        published_field="front matter", guess_title=True, one_article=True,
    )


def _front_matter(text: str) -> tuple[dict, str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = {}
    for line in match.group(1).splitlines():
        found = _FRONT_FIELD.match(line)
        if found:
            fields[found.group(1).lower()] = found.group(2).strip("'\"")
    return fields, text[match.end():]
