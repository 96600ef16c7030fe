"""Cleaning an article's text. Reads the decoded text; adds the body without page furniture, the
title and subtitle (for plain text), and the header date line and dateline that were cut out.

The rules are data: data/furniture.yaml and data/datelines.yaml. Everything else in the body is
kept exactly (paragraph breaks included), so offsets into ``Article.text`` stay meaningful.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .dates import PartialDate, parse_date
from ..resources import load
from .rules import Furniture, date_rules, furniture

# How many non-empty lines at the top may hold the title, subtitle and date lines.
HEAD_LINES = 6
# A title or subtitle is at most this long and does not end like a sentence.
TITLE_MAX_CHARS, TITLE_MAX_WORDS = 250, 30
TERMINAL = tuple(".!?:;,…")
# Text after the date on a date line ("13:00 (UTC+3 MSK)") may be at most this long.
DATE_LINE_TAIL = 80
# A date line may also stand among the first few lines under the head, below at most two header lines,
# or below up to five short ones (kicker, headline, standfirst, byline: none longer than a title).
LATE_DATE_LINES, LATE_HEADER_LINES = 7, 2
LATE_SHORT_HEADER_LINES = 5
# The date line rules of a bare date alone on its line: above a page's title, a site's clock may print one.
CLOCK_RULES = ("bare_date",)
DATELINE_WINDOW = 200
# A link list opens only below the story's first sentence: a line at least this long ending like a sentence.
# Above it, "More news" is a menu item and the lines after it are the headline and the date line.
STORY_LINE = 20
CONNECTORS = {"of", "the", "and", "de", "for", "on", "upon", "am", "an", "del", "la", "le", "al", "el"}
# What joins the two places of a release from two offices, spaced: "OSLO / LAGOS", "Geneva – Nairobi".
PLACE_JOINS = {"/", "–", "—"}

# A page made for Arabic script writes its stamp's comma so: "Sunday، 03 December 2030" (read as a comma).
ARABIC_COMMA = "\u060c"
_BULLET = re.compile(r"^[-*•][ \t]+")  # a Markdown or plain-text list bullet: "- Published: ..."
_BLANK_RUNS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_DIGIT = re.compile(r"\d")  # the digits dates.parse_date reads a year from
_PROSE_WORD = re.compile(r"(?<![\w.])[a-z]{3,}\b")  # "crisis", "what": words of a headline, not of a stamp


@dataclass(frozen=True)
class Found:
    """A header date line or dateline cut out of the text."""

    rule: str
    text: str  # the words as written, stripped
    date: PartialDate | None = None
    kind: str = ""  # published/updated for date lines
    place: str = ""
    outlet: str = ""


@dataclass
class Cleaned:
    text: str
    title: str = ""
    subtitle: str = ""
    date_lines: list = field(default_factory=list)  # of Found
    clocks: int = 0  # how many of the head's date lines stood above its title, bare dates alone (a site's clock)
    dateline: Found | None = None
    dropped: list = field(default_factory=list)  # names of furniture rules that removed something
    signature: str = ""  # a closing outlet signature line that was removed ("example.org")
    month: tuple | None = None  # (year, month) of a first line that dates the page to a month only ("date 2017-08")
    month_text: str = ""  # that line's words


def clean(text: str, data_dir: Path, given_title: str = "", guess_title: bool = True) -> Cleaned:
    """Furniture, then the head (title, subtitle, date lines), then a dateline; the body that is left.

    A head line equal to ``given_title`` is dropped; without one, ``guess_title`` takes the first short
    line without final punctuation as the title (and a second one as the subtitle)."""
    data_dir = Path(data_dir)
    lines, month, month_text = split_month_prefix(split_date_prefix(text.split("\n"), data_dir))
    lines, dropped, signature = strip_furniture(lines, data_dir)
    lines = _drop_date_widget(lines, dropped, data_dir)
    result = Cleaned(text="", dropped=dropped, signature=signature, month=month, month_text=month_text)
    body = _take_head(lines, result, data_dir, given_title, guess_title)
    body = _take_late_date_line(body, result, data_dir)
    body = _take_dateline(body, result, data_dir)
    body = _take_story_stamp(body, result, data_dir)
    body = _drop_repeats(body, result, furniture(data_dir).caption_mark)
    body = _take_closing_date_line(body, result, data_dir)
    body = _drop_closing_links(_drop_teasers(body, result), result)
    result.text = unwrap(_BLANK_RUNS.sub("\n\n", "\n".join(body)).strip(), data_dir)
    return result


# A line break inside a sentence: after a word (no closing stop, colon or quote) and before a lower-case word, as
# text wrapped at a fixed width has it ("six civilians were killed" / "on Wednesday when ..."). What follows the
# line break (one blank line at most, then a lower-case letter), read from the break; the text before it is
# checked in Python (``_join_lines``).
_WRAPPED_BREAK = re.compile(r"\n(?:[ \t]*\n)?[ \t]*(?=[a-z])")
# The same after a comma or a word a sentence goes on after: before a letter, a digit, a quote or a bracket.
_BREAK_GOES_ON = re.compile(r"\n(?:[ \t]*\n)?[ \t]*(?=[^\W_]|[\"“‘(])")


def unwrap(text: str, data_dir: Path) -> str:
    """The text with each line break inside a sentence made a space: later stages read a line as a paragraph,
    and a sentence cut in two loses its day ("were killed" / "on Wednesday"). A break is inside a sentence
    before a lower-case word, or after a comma or a word no sentence ends with ("the", "of", "and": data/
    furniture.yaml ``line_goes_on_after``) whatever word follows ("launched missiles on" / "Wednesday ..."), or,
    on a page wrapped at a fixed width (``WRAPPED_PAGE_BREAKS``), after any word that ends a long line."""
    words = _goes_on_after(data_dir)
    wrapped = len(_WRAPPED_LONG_LINE.findall(text)) >= WRAPPED_PAGE_BREAKS
    text = _join_lines(text, _WRAPPED_BREAK, lambda before, end: end > 0 and before[end - 1].isalnum())
    text = _join_lines(text, _BREAK_GOES_ON, lambda before, end: _ends_with_word(before, end, words))
    return _join_lines(text, _BREAK_GOES_ON, _cut_long_line) if wrapped else text


# A page wrapped at a fixed width shows it: at least this many long lines that stop after a word and go on in lower
# case on the next line (one blank line at most between). On such a page a long line that stops after a word goes
# on whatever the next line starts with ("talks between Prime Minister" / "Jane Doe and her counterpart ...").
WRAPPED_PAGE_BREAKS = 3
_WRAPPED_LONG_LINE = re.compile(r"^[^\n]{49,}[^\W_](?=\n(?:[ \t]*\n)?[ \t]*[a-z])", re.MULTILINE)


def _cut_long_line(text: str, end: int) -> bool:
    """Whether the line that ends at ``end`` is a long one that stops after a word (no closing stop or quote); the
    body's first line counts as long: its dateline was cut from its start ("OSLO, May 4 (Wire) – The talks between")."""
    start = text.rfind("\n", 0, end) + 1
    return end > 0 and text[end - 1].isalnum() and (end - start >= WRAPPED_LINE or start == 0)


def _join_lines(text: str, after: re.Pattern, before_ok) -> str:
    """``text`` with each line break that ``after`` matches from and whose line's words up to ``end`` (the
    spaces and tabs before the break left out) ``before_ok`` accepts, made one space with the spaces around it.
    Only the line breaks are visited: a regular expression with a look-behind tried every character."""
    parts, kept, at = [], 0, text.find("\n")
    while at != -1:
        match = after.match(text, at)
        end = at
        while end > kept and text[end - 1] in " \t":
            end -= 1
        if match is not None and before_ok(text, end):
            parts += (text[kept:end], " ")
            kept = match.end()
            at = text.find("\n", kept)
        else:
            at = text.find("\n", at + 1)
    return "".join(parts) + text[kept:] if parts else text


def _ends_with_word(text: str, end: int, words: tuple[frozenset[str], int, tuple[str, ...]]) -> bool:
    """Whether ``text[:end]`` ends with a comma, or with one of the words (``_goes_on_after``) not written on to
    the end of another word (after a letter, digit, underscore, apostrophe or hyphen)."""
    if end and text[end - 1] == ",":
        return True
    plain, longest, others = words
    start = end  # a word of letters and digits alone is the whole run of them that ends at ``end``
    while start and end - start <= longest and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    if text[start:end] in plain and not (start and text[start - 1] in "'’-"):
        return True
    for word in others:
        start = end - len(word)
        if text.endswith(word, 0, end) and not (start and (text[start - 1].isalnum() or text[start - 1] in "_'’-")):
            return True
    return False


@lru_cache(maxsize=8)
def _goes_on_after(data_dir: Path) -> tuple[frozenset[str], int, tuple[str, ...]]:
    """data/furniture.yaml ``line_goes_on_after``: the words of letters and digits alone, the longest one's
    length, and the other words."""
    words = [word for word in map(str, load("furniture.yaml", data_dir).get("line_goes_on_after", ())) if word]
    plain = frozenset(word for word in words if all(char.isalnum() or char == "_" for char in word))
    return plain, max(map(len, plain), default=0), tuple(word for word in words if word not in plain)


@lru_cache(maxsize=8)
def _bare_day(data_dir: Path) -> re.Pattern:
    """A head line that is only a weekday and/or a day and month ("Thursday", "April 13", "Thu, 13 April")."""
    fragments = date_rules(data_dir).fragments
    weekday, day = fragments["WEEKDAY"], fragments["DATE_NOYEAR"]
    return re.compile(rf"[ ]*(?:{weekday}(?:,?[ ]+{day})?|{day})[ ]*")


@lru_cache(maxsize=8)
def _cut_end(data_dir: Path) -> re.Pattern:
    """A head line's end that no headline has: a comma, or a word a sentence goes on after ("... missiles on" is
    cut from a sentence; "Talks go on" is a headline: data/furniture.yaml ``title_may_end_with``)."""
    raw = load("furniture.yaml", data_dir)
    kept = set(map(str, raw.get("title_may_end_with", ())))
    words = [word for word in map(str, raw.get("line_goes_on_after", ())) if word not in kept]
    return re.compile(rf"(?:,|(?<![\w'’\-])(?:{_alternation(words)}))[ \t]*$")


def _alternation(words) -> str:
    return "|".join(map(re.escape, sorted(map(str, words), key=len, reverse=True))) or "(?!)"


def _drop_repeats(lines: list[str], result: Cleaned, mark: str = "") -> list[str]:
    """The lines without the headline printed again in the body, and without a line that repeats the one just
    above it (an image's alternative text and its caption, a headline and its link): no new words either way. A
    repeat that ends in the caption ``mark`` (its photo credit cut) leaves the mark to the line it repeats."""
    seen = {_norm(part) for part in (result.title, result.subtitle) if part}
    kept, previous, at = [], "", -1
    for line in lines:
        words = _norm(_without_mark(line, mark))
        if words and (words in seen or words == previous) and len(words) <= TITLE_MAX_CHARS or _doubled(line):
            result.dropped.append("repeated_line")
            if mark and words == previous and line.rstrip().endswith(mark) and not kept[at].rstrip().endswith(mark):
                kept[at] = f"{kept[at].rstrip()} {mark}"
            continue
        kept.append(line)
        previous, at = (words, len(kept) - 1) if words else (previous, at)
    return kept


DOUBLED_MIN_CHARS = 30  # a line at least this long written twice over is a picture's alternative text and caption


def _doubled(line: str) -> bool:
    """A line that says the same words twice in a row ("Rescuers search the rubble (Wire) Rescuers search the
    rubble (Wire)"): a picture's alternative text and caption run together. A story's sentence never does."""
    text = line.strip()
    half = len(text) // 2
    if half < DOUBLED_MIN_CHARS:
        return False
    again = text.find(text[:DOUBLED_MIN_CHARS], 1)
    return again > 0 and _norm(text[:again]) == _norm(text[again:])


# A date line among the last few lines of a text with none at its head: the date a statement or press release
# was issued ("Issued on 14 June 2032"), or a page's stamp under the story ("First Published: Jul 2 2031").
CLOSING_DATE_LINES = 3
CLOSING_TAIL_CHARS = 100  # a longer line after a date line is the story's (perhaps cut short), not the page's


def _take_closing_date_line(lines: list[str], result: Cleaned, data_dir: Path) -> list[str]:
    """A date line among the last CLOSING_DATE_LINES non-empty lines: cut, and recorded when the head had none."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for index in reversed(filled[-CLOSING_DATE_LINES:]):
        found = match_date_line(lines[index], data_dir) if index != filled[0] else None
        if found is not None:
            if not result.date_lines:  # the head's own date line comes first; this one is only cut
                result.date_lines.append(found)
            return lines[:index] + lines[index + 1:]
        if _SENTENCE_END.search(lines[index].strip()) or len(lines[index].strip()) > CLOSING_TAIL_CHARS:
            break  # a sentence or paragraph of the story below it: the date line is not the closing one
    return lines


_WORD_OF_PROSE = re.compile(r"[a-z]{3,}")


def _drop_date_widget(lines: list[str], dropped: list[str], data_dir: Path) -> list[str]:
    """The lines without a box of the day's figures at the top (data/datelines.yaml ``date_widget``): its label,
    the first non-empty line ("Currency rates from 26/11/2030"), and the lines of figures under it. Its date is
    the day the page was fetched: as the title or the text's latest date, it dated the story years late."""
    widget = date_rules(data_dir).date_widget
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if widget is None or not filled or not widget.match(lines[filled[0]].strip()):
        return lines
    end = filled[0] + 1
    while end < len(lines) and not _WORD_OF_PROSE.search(lines[end]):
        end += 1
    dropped.append("date_widget")
    return lines[end:]


# A page's stamp below its menus: with no date line in the head and no dated dateline, the first line that reads
# as a date line, when nothing above it is story text: no body paragraph, and at most STORY_STAMP_SENTENCES
# lines that end with a full stop (a standfirst). Above it stand menus, teasers and the headline.
STORY_STAMP_SENTENCES = 1


def _take_story_stamp(lines: list[str], result: Cleaned, data_dir: Path) -> list[str]:
    """The lines without a stamp that stands above the story further down than the head (below a menu of
    regions, "Prime Minister holds talks" / standfirst / "September 20, 2030 11:23 AM GMT+7"): recorded as
    the page's date line. Once the story has begun, a date line is another story's or a quotation's."""
    if result.date_lines or (result.dateline is not None and result.dateline.date is not None):
        return lines
    sentences = 0
    for index, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        found = match_date_line(text, data_dir)
        if found is not None:
            result.date_lines.append(found)
            return lines[:index] + lines[index + 1:]
        if _credited_caption(text, data_dir):
            continue  # a picture's caption above the story, closed by its credit: not the story's text
        if _paragraph(text):
            return lines
        if text.endswith("."):
            sentences += 1
            if sentences > STORY_STAMP_SENTENCES:
                return lines
    return lines


def _credited_caption(line: str, data_dir: Path) -> bool:
    """True for a line that a photo credit closes ("... at the memorial on Thursday (Jane Roe/Wire)"), as the
    caption rules of data/furniture.yaml that mark captions read it, however long the caption (a caption short enough
    for them to cut the credit ends with their mark, "(Photo)")."""
    rules, lowered = furniture(data_dir), line.lower()
    return bool(rules.caption_mark) and line.endswith(rules.caption_mark) or any(
        rule.marks_caption and rule.applies(lowered) and rule.regex.search(line) for rule in rules.inline)


# A line cut short after a word with an ellipsis ("... killed four rebels in the city of…"): the teaser of a link
# to another story. Two of them at most TEASER_REACH non-empty lines apart are a list of such links.
_TEASER = re.compile(r"[^\W_][\"'”’]?(?:…|\.\.\.)$")
TEASER_REACH = 2


def _teaser(line: str) -> bool:
    """Whether ``line`` (right-stripped) ends as a teaser does; the regex runs only on a line ending with an
    ellipsis (searched from every position, it took a twentieth of the reading stage)."""
    return line.endswith(("…", "...")) and _TEASER.search(line) is not None


def _drop_teasers(lines: list[str], result: Cleaned) -> list[str]:
    """The lines without lists of teasers of other stories: from the headline above a list's first teaser (a
    line without a final stop) to its last teaser, with the headlines between them. A lone line ending with an
    ellipsis (a quotation left open, a story cut short) stays."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    teasers = [n for n, i in enumerate(filled) if _teaser(lines[i].rstrip())]
    drop: set[int] = set()
    for a, b in zip(teasers, teasers[1:]):
        if b - a <= TEASER_REACH:
            first = a - 1 if a and is_title_like(lines[filled[a - 1]].strip()) else a
            drop.update(filled[first:b + 1])
    if drop:
        result.dropped.append("teaser_list")
    return [line for i, line in enumerate(lines) if i not in drop]


# At least this many headline-like lines after the story's last sentence are a list of links to other stories.
CLOSING_LINKS = 3
_LINK_TITLE = re.compile(r"[\"“‘'A-Z0-9][^\n]{0,118}(?<![.!?:;,\"'”’)…])")  # a headline: no final stop
_SEPARATOR = re.compile(r"[-–—•·|*]")  # a line that only separates two links


def _drop_closing_links(lines: list[str], result: Cleaned) -> list[str]:
    """The lines without a closing list of other stories' headlines ("Minister resigns over leak" / "-" /
    "Floods close two schools" ...): at least CLOSING_LINKS short lines without a final stop, after the
    story's last sentence and up to the end, perhaps with separator lines between them."""
    end, titles = len(lines), 0
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index].strip()
        if not line or _SEPARATOR.fullmatch(line):
            continue
        if not _LINK_TITLE.fullmatch(line) or _BULLET.match(line):
            break
        titles, end = titles + 1, index
    while end and (not lines[end - 1].strip() or _SEPARATOR.fullmatch(lines[end - 1].strip())):
        end -= 1
    if titles < CLOSING_LINKS or not end:
        return lines
    result.dropped.append("closing_link_list")
    return lines[:end]


def split_date_prefix(lines: list[str], data_dir: Path) -> list[str]:
    """A first line that begins with a date line and runs on into the article (" date 2024-05-03 The
    minister met ...") or its headline (" date 2024-05-03 Floods: what we know so far"), as stored web
    pages often are, split into the date line and the rest, so that the date is read as the publication
    date and the rest as text. A short tail without prose (a font-size widget, a clock time) stays on the line."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not _DIGIT.search(lines[first][:DATELINE_WINDOW]):
        return lines
    line = lines[first].strip()
    for rule in date_rules(data_dir).date_lines:
        match = rule.regex.match(line)
        tail = line[match.end():] if match and rule.kind == "published" else ""
        if tail[:1].isspace() and (len(tail) > DATE_LINE_TAIL or len(_PROSE_WORD.findall(tail)) >= 3
                                   or _opens_with_dateline(tail.strip(), data_dir)):
            return lines[:first] + [line[:match.end()], tail.strip()] + lines[first + 1:]
    return lines


def _opens_with_dateline(text: str, data_dir: Path) -> bool:
    """True for a text that opens with a dateline followed by the lead's first words ("OSLO, Sept 6 (Wire): The
    envoy"): the body's first line, never a headline."""
    found, end = match_dateline(text, data_dir)
    return found is not None and 0 < end < len(text)


# A labelled first line that dates the page to a month only (" date 2017-08 At least ...", as stored pages give it).
_MONTH_PREFIX = re.compile(r"^[ \t]*(?i:date|dated|published|posted)[ \t]*:?[ \t]*(?P<year>\d{4})-(?P<month>\d{1,2})(?![\d\-/.:])[ \t]*")


def split_month_prefix(lines: list[str]) -> tuple[list[str], tuple | None, str]:
    """The lines without a first line's month-only date label (" date 2017-08 The minister ..."), the (year,
    month) it gives and its words; the lines unchanged, None and "" when the first line has none."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    match = _MONTH_PREFIX.match(lines[first]) if first is not None else None
    if match is None or not 1 <= int(match.group("month")) <= 12:
        return lines, None, ""
    rest = lines[first][match.end():].strip()
    return lines[:first] + ([rest] if rest else []) + lines[first + 1:], \
        (int(match.group("year")), int(match.group("month"))), match.group(0).strip()


def strip_furniture(lines: list[str], data_dir: Path) -> tuple[list[str], list[str], str]:
    """Lines without furniture, the names of the rules that removed something, and a removed
    closing signature line (an outlet's domain name), if any."""
    rules = furniture(data_dir)
    openers, opener_max = _list_openers(data_dir)
    last = max((i for i, line in enumerate(lines) if line.strip()), default=-1)
    kept, dropped, signature = [], [], ""
    in_list = story = False
    first_story = -1  # the index in ``kept`` of the first line that reads like the story's
    for index, line in enumerate(lines):
        if in_list and line.strip():
            in_list = not _SENTENCE_END.search(line.strip()) and len(line.strip()) <= rules.max_line \
                and match_date_line(line, data_dir) is None  # a page's date line under the links ends them
            if in_list:
                dropped.append("link_list")
                continue
        cleaned, names = _clean_line(line, rules, index == last)
        dropped.extend(names)
        if cleaned is None and any(rule.name in names for rule in rules.rules if rule.marks_caption):
            _mark_caption_above(kept, first_story, rules)
        if story and cleaned is None and names and names[-1] in openers and len(line.strip()) <= opener_max \
                and _BARE_WORDS.fullmatch(line.strip()):
            in_list = True
        story = story or (cleaned is not None and len(cleaned.strip()) >= STORY_LINE
                          and bool(_SENTENCE_END.search(_unmarked(cleaned, rules))))
        first_story = len(kept) if story and first_story < 0 else first_story
        if cleaned is not None:
            kept.append(cleaned)
        elif names and names[-1] in rules.closing:
            signature = line.strip()
    return kept, dropped, signature


def _mark_caption_above(kept: list[str], first_story: int, rules: Furniture) -> None:
    """A photo credit on a line of its own ("PHOTO: EXAMPLE WIRE", "(Photo credit: Jane Roe)") right under the page's
    first line that reads like a story's, a sentence (only blank lines between): that line is the photo's caption,
    and keeps data/furniture.yaml ``caption_mark`` at its end, so that it is not taken for the lead
    (data/leads.yaml ``caption_marks``). A credit under a later line is left unmarked: a story's paragraph may stand
    above a picture that has no caption."""
    above = next((i for i in range(len(kept) - 1, -1, -1) if kept[i].strip()), -1)
    if rules.caption_mark and above == first_story >= 0 and not kept[above].endswith(rules.caption_mark) \
            and _CAPTION_END.search(kept[above].strip()) and len(kept[above].split()) >= CAPTION_MIN_WORDS:
        kept[above] = f"{kept[above].rstrip()} {rules.caption_mark}"


# A caption a credit line marks ends with a full stop (a headline above a credit may end with "?" or "!": it stays as
# it is) and has at least this many words (a shorter line is no lead to keep apart: data/leads.yaml lead.min_words).
_CAPTION_END = re.compile(r"\.[\"'”’)]*$")
CAPTION_MIN_WORDS = 8


def _unmarked(line: str, rules: Furniture) -> str:
    """``line`` stripped, without a caption mark left at its end."""
    return _without_mark(line, rules.caption_mark)


def _without_mark(line: str, mark: str) -> str:
    """``line`` stripped, without the caption ``mark`` at its end."""
    line = line.strip()
    return line[: -len(mark)].rstrip() if mark and line.endswith(mark) else line


_BARE_WORDS = re.compile(r"[^\W\d_][\w'’ ]*[:»>]?")  # "Related content", "See also:" (no link after it)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


def _list_openers(data_dir: Path) -> tuple[frozenset[str], int]:
    """The furniture rules whose bare words open a list of links, and how long such a line may be."""
    raw = load("furniture.yaml", Path(data_dir))
    return frozenset(raw.get("list_openers", ())), int(raw.get("list_opener_max", 0))


def clean_line(line: str, data_dir: Path, is_last: bool = False) -> tuple[str | None, list[str]]:
    """One line after the furniture rules: None when the whole line is furniture."""
    return _clean_line(line, furniture(data_dir), is_last)


def _clean_line(line: str, rules: Furniture, is_last: bool) -> tuple[str | None, list[str]]:
    line = line.rstrip()
    if not line.strip():
        return line, []
    if len(line) > rules.max_line:
        return _long_line(line, rules)
    names, lowered, credit = [], line.lower(), False
    for rule in rules.inline:
        if rule.applies(lowered):
            line, count = rule.regex.subn(" ", line)
            line = line.rstrip()
            names.extend([rule.name] if count else [])
            credit = credit or bool(count) and rule.marks_caption
            if not line.strip():
                return None, names
    whole = _whole_line_rule(line.strip(), rules, is_last)
    if whole:
        return None, names + [whole]
    return (f"{line} {rules.caption_mark}" if credit and rules.caption_mark and _SENTENCE_END.search(line) else line), names


def _long_line(line: str, rules: Furniture) -> tuple[str | None, list[str]]:
    """A line longer than max_line is furniture only by a rule marked for long lines (a cookie banner, the
    names of a page's icons), and only up to long_line characters."""
    if len(line) <= rules.long_line:
        for rule in rules.long_lines:
            if rule.regex.fullmatch(line.strip()):
                return None, [rule.name]
    return line, []


def _whole_line_rule(line: str, rules: Furniture, is_last: bool) -> str:
    """The name of the first whole-line rule (or, on the last line, closing rule) that matches; a list
    bullet before the words does not hide them ("• 4 min read")."""
    match = rules.lines.fullmatch(line) or (_BULLET.match(line) and rules.lines.fullmatch(_BULLET.sub("", line)))
    if match:
        return rules.rules[int(match.lastgroup[1:])].name
    for rule in rules.rules:
        if is_last and rule.kind == "last_line" and rule.regex.fullmatch(line):
            return rule.name
    return ""


def _take_head(lines: list[str], result: Cleaned, data_dir: Path, given_title: str, guess: bool) -> list[str]:
    """Consume title, subtitle and date lines from the top; return the remaining lines."""
    index, seen, wanted = 0, 0, _norm(given_title) or ("" if guess else None)
    while index < len(lines) and seen < HEAD_LINES:
        line = lines[index].strip()
        if line:
            seen += 1
            if not _head_line(line, result, data_dir, wanted, _next_line(lines, index)):
                break
        index += 1
    _promote_after_kicker(result)
    return lines[index:]


def _head_line(line: str, result: Cleaned, data_dir: Path, wanted: str | None, following: str | None) -> bool:
    """Record one head line; False when it belongs to the body. ``wanted``: the known title, "" to
    guess one, None for neither; ``following``: the next non-empty line (None at the end of the text)."""
    found = match_date_line(line, data_dir)
    if found is not None:
        result.date_lines.append(found)
        result.clocks += not result.title and found.rule in CLOCK_RULES
        return True
    if result.dateline is None:
        dateline, end = match_dateline(line, data_dir)
        if dateline is not None and end >= len(line):
            result.dateline = dateline
            return True
    if wanted is None:
        return False
    if wanted:
        return _norm(line) == wanted
    if _bare_day(data_dir).fullmatch(line):
        return True  # a stamp without its year ("Thursday", "April 13"): the page's, never the title
    if _opens_with_dateline(line, data_dir):
        return False
    if following is None or not is_title_like(line) or _runs_on(line, following) or _cut_end(data_dir).search(line):
        return False
    if _BULLET.match(line) and not result.title and len(_BULLET.sub("", line).split()) <= BULLET_KICKER_WORDS:
        return True  # a bulleted section label above the headline ("• World"): a kicker, not the title
    if not result.title:
        result.title = line
        return True
    if not result.subtitle:
        result.subtitle = line
        return True
    return False


# A head line of at most this many words above a longer headline is a kicker ("California", "Analysis"); a
# bulleted one of at most BULLET_KICKER_WORDS ("• Premier League") is one too.
KICKER_WORDS, BULLET_KICKER_WORDS = 1, 3
_CUT_START = re.compile(r"^(?:[,;:)\]]|(?!by\b)[a-z])")  # a line that starts in the middle of a sentence
_LOWER_START = re.compile(r"^(?!by\b)[a-z]")  # a line that goes on with the sentence above it
WRAPPED_LINE = 50  # characters: a line of text wrapped at a fixed width is at least this long, or ends its sentence


def _runs_on(line: str, following: str) -> bool:
    """A line cut from a sentence (text wrapped at a fixed width): it starts in the middle of one (", the
    former governor ...") or the next line carries on with it in lower case ("... did not take a" /
    "decision on ..."). Neither is a title; both are the body's first sentence."""
    goes_on = _LOWER_START.match(following) and (len(following) >= WRAPPED_LINE or _SENTENCE_END.search(following))
    return bool(_CUT_START.match(line) or goes_on)  # a short lower-case label below ("city hall at night") is no sentence


def _promote_after_kicker(result: Cleaned) -> None:
    """A one-word title above a longer title-like line ("California" / "Crews build containment lines") is
    a section label: the longer line is the headline."""
    if result.title and result.subtitle and len(result.title.split()) <= KICKER_WORDS \
            and len(result.subtitle.split()) > 2 * KICKER_WORDS + 1:
        result.title, result.subtitle = result.subtitle, ""


def _next_line(lines: list[str], index: int) -> str | None:
    return next((line.strip() for line in lines[index + 1:] if line.strip()), None)


def _take_late_date_line(lines: list[str], result: Cleaned, data_dir: Path) -> list[str]:
    """A date line a little below the head, after a standfirst ("Published On 5 Jun 2024" under the
    summary sentence): it is cut out, and the lines above it are header matter (the subtitle). Also under a
    head whose only date lines are a bare date above its title ("3/9/2033" / "Today from Example Online:" /
    headline / "Saturday June 14, 2031"): that is the site's clock on the day the page was fetched, and the
    story's own line below the headline, the earlier one, then dates the page (building._publication)."""
    if result.date_lines and result.clocks < len(result.date_lines):
        return lines
    filled = [i for i, line in enumerate(lines) if line.strip()][:LATE_DATE_LINES]
    hit = next((i for i in filled if match_date_line(lines[i], data_dir)), None)
    if hit is None:
        return lines
    above = [line.strip() for line in lines[:hit] if line.strip()]
    if len(above) > LATE_HEADER_LINES and not _short_header(above) or any(map(_paragraph, above)):
        return lines
    if above and not result.subtitle:
        result.subtitle = above[0]
    rest = lines[hit:]
    while rest and (not rest[0].strip() or match_date_line(rest[0], data_dir)):
        if rest[0].strip():
            result.date_lines.append(match_date_line(rest[0], data_dir))
        rest = rest[1:]
    return rest


def _short_header(above: list[str]) -> bool:
    """Lines that can all be header matter: few, each no longer than a title, none ending in a full stop
    as a body paragraph does (a headline may end in "?", a standfirst often has no final stop)."""
    return len(above) <= LATE_SHORT_HEADER_LINES and all(
        len(line) <= TITLE_MAX_CHARS and len(line.split()) <= TITLE_MAX_WORDS and not line.endswith(".")
        for line in above)


def _paragraph(line: str) -> bool:
    """A body paragraph, never header matter: longer than a standfirst, or of several sentences."""
    return len(line) > STANDFIRST_MAX_CHARS or len(_SENTENCE_BREAK.findall(line)) >= 2


STANDFIRST_MAX_CHARS = 400
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*[ ]+[\"“‘(]?[A-Z]")


def is_title_like(line: str) -> bool:
    """A short line with a letter that does not end like a sentence."""
    return (
        len(line) <= TITLE_MAX_CHARS
        and len(line.split()) <= TITLE_MAX_WORDS
        and not line.endswith(TERMINAL)
        and any(ch.isalpha() for ch in line)
    )


def match_date_line(line: str, data_dir: Path) -> Found | None:
    """A header line such as "date 2023-05-26" or "Published: 19 September 2023, 14:05" (Markdown emphasis
    around it, "*Published: ...*", and a list bullet before it, "- Published: ...", do not count)."""
    line = _BULLET.sub("", line.strip()).strip("*_").strip()
    if len(line) > DATELINE_WINDOW or not _DIGIT.search(line):
        return None  # a date line states a year, so it holds a digit: most lines are skipped here
    return _date_line(line, data_dir)


@lru_cache(maxsize=256)  # the head's lines are tried several times (head, late date line, closing date line)
def _date_line(line: str, data_dir: Path) -> Found | None:
    read = line.replace(ARABIC_COMMA, ",")
    for rule in date_rules(data_dir).date_lines:
        match = rule.regex.match(read)
        if match and len(line) - match.end() <= DATE_LINE_TAIL:
            partial = parse_date(match.group("date"), data_dir, read[:match.start("date")], read[match.end("date"):])
            if partial is not None and partial.year is not None:
                return Found(rule.name, line, partial, kind=rule.kind)
    return None


def _take_dateline(lines: list[str], result: Cleaned, data_dir: Path) -> list[str]:
    """Cut a dateline from the start of the first body line (unless the head had one on its own line),
    or of the second when the first is a headline the head did not take (a head of organisation name,
    section line and headline): only the dateline up to its dash goes, the lead after it stays."""
    if result.dateline is not None:
        return lines
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for first in filled[:2]:
        taken = _cut_dateline(lines, first, result, data_dir)
        if taken is not None:
            return taken
        if not is_title_like(lines[first].strip()):
            break
    taken = _take_dateline_line(lines, filled[:DATELINE_LINE_REACH], result, data_dir)
    return taken if result.dateline is not None else _take_dated_opening(lines, filled[:DATELINE_LINE_REACH],
                                                                         result, data_dir)


# A line that is a dateline and nothing else, or a paragraph that opens with a dated one, is the story's dateline
# among this many first lines of the body (below a photo's caption, an editor's note, a byline or the headline
# printed again: "KAMPALA, March 3, 2031" on its own line, "OSLO, Dec 6 (Wire) - A storm ..." under "By Jane Roe").
DATELINE_LINE_REACH = 6


def _take_dated_opening(lines: list[str], filled: list[int], result: Cleaned, data_dir: Path) -> list[str]:
    """The lines with the dateline cut from the first of ``filled`` that opens with one naming a day (with its
    year or not): a dateline without a date ("OSLO (Wire) -") that far down may open a quoted or older report,
    and dates nothing. Unchanged when none does."""
    for index in filled:
        line = lines[index]
        found, _ = match_dateline(line[_STRAY_START.match(line).end():], data_dir)
        if found is not None and found.date is not None:
            return _cut_dateline(lines, index, result, data_dir)
    return lines


def _take_dateline_line(lines: list[str], filled: list[int], result: Cleaned, data_dir: Path) -> list[str]:
    """The lines without the first one of ``filled`` that is wholly a dateline with its year; unchanged when
    none is."""
    for index in filled:
        line = lines[index].strip()
        found, end = match_dateline(line, data_dir)
        if found is not None and found.date is not None and found.date.year is not None \
                and not line[end:].strip(" \t-–—:"):
            result.dateline = found
            return lines[:index] + lines[index + 1:]
    return lines


# Spaces, and a comma left where a page's link was cut out before its dateline (", OSLO, Aug 30 - ..."), or the
# credit in brackets of a site that reposts a wire story ("(Aggregator- Example Wire) OSLO, Aug 30 (EW) - ...").
_STRAY_START = re.compile(r"[ \t]*(?:,[ \t]*(?=[^\W\d_])|\([^\W\d_][^()\n]{0,40}?[-–—][ \t]*[^()\n]{1,40}\)[ \t]+(?=[^\W\d_]))?")


def _cut_dateline(lines: list[str], first: int, result: Cleaned, data_dir: Path) -> list[str] | None:
    """The lines with a dateline cut from the start of line ``first``; None when it has none."""
    line = lines[first]
    offset = _STRAY_START.match(line).end()
    found, end = match_dateline(line[offset:], data_dir)
    if found is None:
        return None
    result.dateline = found
    rest = line[offset + end:]
    return lines[:first] + ([rest] if rest.strip() else []) + lines[first + 1:]


def match_dateline(text: str, data_dir: Path) -> tuple[Found | None, int]:
    """A dateline at the start of ``text`` and where it ends: "BAKU, Sept 19 (Reuters) -"."""
    return _dateline(text[:DATELINE_WINDOW], data_dir)


@lru_cache(maxsize=256)  # a head line is tried as a dateline three or four times (head, lead, dateline line)
def _dateline(head: str, data_dir: Path) -> tuple[Found | None, int]:
    rules = date_rules(data_dir)
    for rule in rules.datelines:
        match = rule.regex.match(head)
        if match and _plausible(match, rule.capitals, rules.place_stopwords):
            groups = match.groupdict()
            partial = parse_date(groups["date"], data_dir) if groups.get("date") else None
            if groups.get("date") and partial is None:
                continue
            found = Found(rule.name, match.group(0).strip(), partial,
                          place=(groups.get("place") or "").strip(), outlet=(groups.get("outlet") or "").strip())
            return found, match.end()
    return None, 0


def _plausible(match: re.Match, capitals: bool, stopwords: frozenset) -> bool:
    """Place words are capitalised (all capitals when required) and do not begin with a word such
    as "On" or a weekday; an outlet starts with a capital."""
    place = (match.groupdict().get("place") or "").strip()
    outlet = (match.groupdict().get("outlet") or "").strip()
    if place and (not _capitalised(place) or place.split()[0].lower().rstrip(".") in stopwords
                  or sum(ch.isalpha() for ch in place) < 2):
        return False  # no place is a single letter ("Q: When ...", "A: It depends")
    if capitals and place and not place.isupper():
        return False
    return not outlet or _delimited(match) or _capitalised(outlet)


def _delimited(match: re.Match) -> bool:
    """An outlet between brackets or slashes may be in any case: "(news.am)", "/ civil.ge /"."""
    before = match.string[:match.start("outlet")].rstrip()
    return before.endswith(("(", "/"))


def _capitalised(words: str) -> bool:
    parts = words.split()
    return bool(parts) and (parts[0][0].isupper() or parts[0][0].isdigit()) and all(
        p[0].isupper() or p[0].isdigit() or p.lower() in CONNECTORS or p in PLACE_JOINS for p in parts
    )


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()
