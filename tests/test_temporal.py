"""The temporal tagger: forms of dates news uses, tense, relative words, spans, durations, times, and
the expressions it must not invent. The anchor is pinned (Wednesday 20 September 2023), never today."""

from __future__ import annotations

import bisect
import json
import re
import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.models import Timex
from timeline.resources import load
from timeline.settings import DATA_DIR, DEFAULT_SETTINGS, PROJECT_DIR
from timeline.temporal import candidate_years, tag, tagger, weekday_date
from timeline.temporal.firstchars import held_chars
from timeline.temporal.lexicon import lexicon_for
from timeline.temporal.prefixes import as_regex, prefixes
from timeline.temporal.tense import CUE_KINDS, SENTENCE_END, SENTENCE_FREE, Cues

WEDNESDAY = date(2023, 9, 20)
RULES = load("temporal/rules.yaml", DATA_DIR)


def only(text: str, anchor: date | None = WEDNESDAY) -> Timex:
    found = tag(text, anchor)
    assert len(found) == 1, [t.text for t in found]
    return found[0]


@pytest.mark.parametrize(
    "text",
    ["September 19, 2023", "19 September 2023", "19.09.2023", "2023-09-19", "9/19/2023", "Tuesday, 19 September 2023"],
)
def test_full_date_forms(text):
    timex = only(f"It happened on {text}.")
    assert (timex.value, timex.first_day, timex.granularity) == ("2023-09-19", date(2023, 9, 19), "day")


@pytest.mark.parametrize("text, expected", [("Sept. 19", "2023-09-19"), ("19 Sep.", "2023-09-19"),
                                            ("18.09.23", "2023-09-18")])
def test_short_date_forms_take_the_year_from_the_anchor(text, expected):
    assert only(f"It happened on {text} in Baku").value == expected


def test_mar_without_a_stop_before_a_day_is_march_and_alone_is_no_month():
    """"Mar 1, 2018" (a caption's date) is March as "Jan 1, 2018" is January; "Mar" in a name is no month."""
    assert only("A convoy heads north, Mar 1, 2018.").value == "2018-03-01"
    assert tag("Mar Roxas spoke at the Mar-a-Lago talks in Mar del Plata.", WEDNESDAY) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The strike began on January 4, when dockers walked out.", "2023-01-04"),
        ("The accord was signed on January 4 in the capital.", "2023-01-04"),
        ("The new rules will apply on January 4.", "2024-01-04"),
        ("The offer was extended to January 4.", "2024-01-04"),
    ],
)
def test_a_past_verb_on_a_yearless_date_takes_its_latest_past_year(text, expected):
    """An article of 12 December: a past verb governing the date through "on" means the past January, while
    a future verb or "extended to" (a deadline) keeps the coming one."""
    assert only(text, date(2023, 12, 12)).value == expected


def test_offsets_index_the_text():
    text = "Talks began on\nMonday, and ended 21 September 2023 after 13:00."
    for timex in tag(text, WEDNESDAY):
        assert text[timex.start : timex.end] == timex.text


def test_weekday_given_with_a_date_must_agree():
    assert only("On Friday, March 8, they met", date(2018, 3, 1)).value == "2019-03-08"
    assert only("On Friday, March 8, they met", date(2024, 3, 20)).value == "2024-03-08"
    assert only("On Saturday, March 8, they met", date(2024, 3, 20)).value == "2025-03-08"


def test_yearless_date_without_anchor_keeps_its_weekday_for_later():
    timex = only("On Friday, March 8, they met", None)
    assert (timex.value, timex.first_day) == ("XXXX-03-08", None)
    assert candidate_years(timex, date(2024, 6, 1))[0] == 2024
    assert all(date(y, 3, 8).weekday() == 4 for y in candidate_years(timex, date(2020, 1, 1)))


def test_weekday_in_past_reporting_is_the_latest_on_or_before_anchor():
    assert only("The minister said on Tuesday").first_day == date(2023, 9, 19)
    assert only("The minister spoke on Wednesday").first_day == WEDNESDAY
    assert only("The minister spoke on Thursday").first_day == date(2023, 9, 14)


@pytest.mark.parametrize("text", ["They will meet on Tuesday", "They meet next Tuesday",
                                  "The vote is scheduled for Tuesday"])
def test_weekday_in_the_future_goes_forward(text):
    assert only(text).first_day == date(2023, 9, 26)


@pytest.mark.parametrize("text, day", [("The two sides agreed to meet again on Tuesday", date(2023, 9, 26)),
                                       ("On Tuesday the two sides agreed to resume the talks", date(2023, 9, 19)),
                                       ("On Thursday the rebels vowed to keep fighting", date(2023, 9, 14))])
def test_a_deciding_verb_points_a_date_after_it_forward_and_one_before_it_back(text, day):
    assert only(text).first_day == day


def test_a_title_abbreviation_does_not_cut_the_sentence_its_tense_is_read_from():
    assert only("The bill will be signed by Sen. Jones on Friday").first_day == date(2023, 9, 22)
    assert only("The decree was signed by Gen. Ali on Friday").first_day == date(2023, 9, 15)


def test_a_month_before_a_deciding_verb_is_the_deciding_month():
    found = tag("In March, the defence ministers agreed to increase joint drills.", date(2023, 6, 24))
    assert [t.value for t in found] == ["2023-03"]


@pytest.mark.parametrize("text, value", [
    ("Shareholders will get the bonus on a still undecided date in January.", "2024-01"),
    ("The minister postponed his delayed trip to the coast until January.", "2024-01"),
    ("The union will fight the cut in wages in March.", "2024-03"),
    ("The strike that began in March ended.", "2023-03"),
])
def test_a_past_form_after_a_determiner_is_no_past_verb(text, value):
    """An article of 12 December: "undecided", "delayed", "cut" after an article or a possessive are
    adjectives or nouns, so the verb that counts is another; "that began" is still a verb."""
    assert only(text, date(2023, 12, 12)).value == value


@pytest.mark.parametrize("text, value", [
    ("Diplomats said the signing ceremony was planned for early March.", "2024-03"),
    ("The ministers said a summit was planned for late March.", "2024-03"),
])
def test_planned_for_points_forward(text, value):
    assert only(text, date(2024, 2, 10)).value == value


@pytest.mark.parametrize("text, value", [
    ("The ministry had originally scheduled a referendum for late March, then delayed it.", "2020-03"),
    ("A referendum is scheduled for late March.", "2021-03"),
])
def test_a_date_originally_scheduled_is_a_past_plan(text, value):
    """An article of 15 June: "originally scheduled for late March" names the March gone by; "is
    scheduled for" the coming one."""
    assert only(text, date(2020, 6, 15)).value == value


@pytest.mark.parametrize("text, value", [
    ("Officials told the buyers of a cutback in deliveries in September.", "2023-09"),
    ("The regulator gave the firm until mid-September to answer.", "2023-09"),
    ("The festival was held in September.", "2022-09"),
    ("Prices have risen since September.", "2022-09"),
    ("Officials told the buyers of a cutback in deliveries in July.", "2023-07"),
])
def test_the_month_after_the_anchors_is_the_coming_one_unless_a_past_verb_governs_it(text, value):
    """An article of 16 August: past reporting far from the month does not make "September" a month eleven
    months back (a writer would say "last September"); a past verb right before it or "since" does."""
    assert only(text, date(2023, 8, 16)).value == value


def test_weekday_with_parenthesised_date():
    timex = only("The meeting on Wednesday (Sept 20) was short")
    assert (timex.text, timex.value) == ("Wednesday (Sept 20)", "2023-09-20")


def test_weekday_date_helper():
    assert weekday_date(1, WEDNESDAY) == date(2023, 9, 19)
    assert weekday_date(2, WEDNESDAY) == WEDNESDAY
    assert weekday_date(2, WEDNESDAY, "future") == date(2023, 9, 27)
    assert weekday_date(4, WEDNESDAY, "future") == date(2023, 9, 22)


@pytest.mark.parametrize(
    "text, value, first, last",
    [
        ("today", "2023-09-20", date(2023, 9, 20), date(2023, 9, 20)),
        ("yesterday", "2023-09-19", date(2023, 9, 19), date(2023, 9, 19)),
        ("tomorrow", "2023-09-21", date(2023, 9, 21), date(2023, 9, 21)),
        ("tonight", "2023-09-20TNI", date(2023, 9, 20), date(2023, 9, 20)),
        ("last week", "2023-W37", date(2023, 9, 11), date(2023, 9, 17)),
        ("this week", "2023-W38", date(2023, 9, 18), date(2023, 9, 24)),
        ("last month", "2023-08", date(2023, 8, 1), date(2023, 8, 31)),
        ("three days ago", "2023-09-17", date(2023, 9, 17), date(2023, 9, 17)),
        ("two weeks ago", "2023-W36", date(2023, 9, 4), date(2023, 9, 10)),
        ("twenty-one days ago", "2023-08-30", date(2023, 8, 30), date(2023, 8, 30)),
    ],
)
def test_relative_words(text, value, first, last):
    timex = only(f"The ministers met {text} in Baku")
    assert (timex.value, timex.first_day, timex.last_day) == (value, first, last)


def test_earlier_this_month_is_the_month_so_far():
    timex = only("as agreed earlier this month")
    assert timex.value == "2023-09"
    assert (timex.first_day, timex.last_day) == (date(2023, 9, 1), WEDNESDAY)
    later = only("to be signed later this year")
    assert (later.value, later.first_day, later.last_day) == ("2023", WEDNESDAY, date(2023, 12, 31))


def test_previous_and_following_day_count_from_the_latest_date():
    found = tag("They met on 12 May 2023. The previous day, talks failed; the following day they resumed.", WEDNESDAY)
    assert [t.value for t in found] == ["2023-05-12", "2023-05-11", "2023-05-12"]


def test_past_three_days_is_a_range_ending_at_the_anchor():
    timex = only("prices rose over the past three days")
    assert (timex.type, timex.value) == ("DURATION", "P3D")
    assert (timex.first_day, timex.last_day, timex.granularity) == (date(2023, 9, 18), WEDNESDAY, "range")


def test_late_september_is_the_end_of_the_month():
    timex = only("to be held in late September")
    assert timex.value == "2023-09"
    assert (timex.first_day, timex.last_day) == (date(2023, 9, 21), date(2023, 9, 30))


def test_duration_is_never_a_date():
    timex = only("the two firms have cooperated for 25 years")
    assert (timex.type, timex.value, timex.first_day, timex.last_day) == ("DURATION", "P25Y", None, None)


@pytest.mark.parametrize("text, value", [("in 2020", "2020"), ("in May", "2023-05"), ("in December", "2022-12")])
def test_year_or_month_on_its_own(text, value):
    assert only(f"The agreement was signed {text}.").value == value


@pytest.mark.parametrize("text, value", [("13:00", "2023-09-20T13:00"), ("at 10 a.m.", "2023-09-20T10:00"),
                                         ("at 4:30 pm", "2023-09-20T16:30")])
def test_times_belong_to_the_anchor_day(text, value):
    timex = only(f"The session opened {text} sharp")
    assert (timex.type, timex.value, timex.first_day) == ("TIME", value, WEDNESDAY)


def test_time_right_after_a_date_belongs_to_that_date():
    found = tag("date 2023-09-18 18 Sep. 13:00 (UTC+3)", WEDNESDAY)
    assert found[-1].value == "2023-09-18T13:00"


@pytest.mark.parametrize("text, value", [
    ("On Monday the envoy left. He landed at 10 a.m. yesterday.", "2023-09-19T10:00"),
    ("Flood waters reached the town at 4:10 a.m. on September 17, officials said.", "2023-09-17T04:10"),
    ("The ultimatum runs out at noon, Sept. 22.", "2023-09-22T12:00"),
    ("The talks on Monday ended at 5 p.m. in the capital.", "2023-09-18T17:00"),
])
def test_time_right_before_a_day_is_on_that_day(text, value):
    """A clock time is on the day named right after it; with none, on the day under discussion before it."""
    assert [t.value for t in tag(text, WEDNESDAY) if "T" in t.value] == [value]


@pytest.mark.parametrize("text, value", [
    ("The envoy met the rebels on Monday last week.", "2023-09-11"),
    ("Police said the raid took place on Tuesday of last week.", "2023-09-12"),
    ("Last week, on Monday, the council voted.", "2023-09-11"),
    ("The committee will sit on Monday of next week.", "2023-09-25"),
    ("Talks ended at 6 p.m. on Tuesday last week.", "2023-09-12T18:00"),
    ("The ministers met on Monday, a day after last week's vote.", "2023-09-18"),
])
def test_a_weekday_next_to_a_week_is_in_that_week(text, value):
    """The week named next to a weekday is its week (ISO: Monday to Sunday), not the latest such weekday."""
    assert tag(text, WEDNESDAY)[0 if not text.startswith("Last") else 1].value == value


@pytest.mark.parametrize("text, value", [("recently", "PAST_REF"), ("in recent days", "PAST_REF"), ("now", "PRESENT_REF")])
def test_vague_references_have_no_day(text, value):
    timex = only(f"The situation has {text} changed")
    assert (timex.value, timex.first_day, timex.granularity) == (value, None, "vague")


@pytest.mark.parametrize("text", ["the 64th session of the assembly", "see the 9th paragraph",
                                  "inflation rose 3% in", "font 12 px", "resolution No. 7", "It may rain",
                                  "They march on"])
def test_numbers_and_ordinals_are_not_dates(text):
    assert tag(text, WEDNESDAY) == []


@pytest.mark.parametrize("text", ["yesterday", "on Monday", "last week", "three days ago", "at 10 a.m.",
                                  "on March 8", "in May", "this year", "the previous day"])
def test_without_anchor_no_expression_gets_a_day(text):
    for timex in tag(f"They met {text}.", None):
        assert timex.first_day is None and timex.last_day is None
        assert "X" in timex.value or timex.value.endswith("_REF")


def test_no_anchor_weekday_value_is_underspecified():
    assert only("They met on Tuesday", None).value == "XXXX-WXX-2"


def test_expressions_come_in_text_order():
    found = tag("On Monday, after talks last week and on 5 May 2023, they said yesterday", WEDNESDAY)
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert len(found) == 4


NEWS_WORDS = ("the last next past early late of in on since by ago later earlier Monday Friday January Sept. May "
              "March Christmas quarter half year years month weeks day decade century morning night noon today "
              "yesterday now fiscal first third 1 3 12 23 31 99 1989 2023 1/2 19.09.2023 2023-13-45 10 a.m. 13:00 "
              "nineteen ninety-six twenty-five several , . 's 1990s '80s 20th 64th % $ No. will said year-ago").split()


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(NEWS_WORDS), max_size=14),
    noise=st.text(max_size=30),
    anchor=st.one_of(st.none(), st.dates()),
)
def test_any_text_and_anchor_give_consistent_offsets(words, noise, anchor):
    text = " ".join(words) + noise
    found = tag(text, anchor)
    assert [t.start for t in found] == sorted(t.start for t in found)
    for timex in found:
        assert text[timex.start : timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")


def _timex_command(*args, stdin=None):
    result = subprocess.run([sys.executable, "-m", "timeline", "timex", *args], cwd=PROJECT_DIR, input=stdin,
                            capture_output=True)
    return result.returncode, [json.loads(line) for line in result.stdout.decode().splitlines()], result.stderr


def test_timex_command_reads_stdin_and_prints_json_lines():
    text = "Ça va — at 13:00 the talks ended on Tuesday;\r\n the next round is due in late October."
    code, rows, _ = _timex_command("--anchor", "2023-09-20", stdin=text.encode("utf-8"))
    assert code == 0
    assert [r["value"] for r in rows] == ["2023-09-20T13:00", "2023-09-19", "2023-10"]
    for row in rows:
        assert {"start", "end", "text", "type", "value", "first_day", "last_day", "granularity", "rule"} <= set(row)
        assert text[row["start"] : row["end"]] == row["text"]


def test_timex_command_reads_a_file_without_anchor(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("The ministers met on Monday.", encoding="utf-8")
    code, rows, _ = _timex_command(str(path))
    assert code == 0
    assert [(r["text"], r["value"], r["first_day"]) for r in rows] == [("Monday", "XXXX-WXX-1", None)]


def test_timex_command_reports_a_missing_file(tmp_path):
    code, rows, stderr = _timex_command(str(tmp_path / "missing.txt"))
    assert code == 2 and rows == [] and b"no such file" in stderr


# --- choosing the rules to try at a word (timeline/temporal/prefixes.py) ------------------------------


def test_prefixes_read_how_a_pattern_can_begin():
    assert prefixes(r"(?:the\s+)?may", 3) == {("t", "h", "e"), ("m", "a", "y")}
    assert prefixes(r"\d{1,3}h", 2) == {(r"[\d]", "h"), (r"[\d]", r"[\d]")}
    assert prefixes(r"(?<=on\s)the|a", 2) == {("t", "h"), ("a",)}  # "a" may end the match: any text fits
    assert re.match(as_regex(prefixes(r"(?:the\s+)?may", 3)), "may 5")


def test_prefixes_of_a_pattern_they_cannot_read_fit_everything():
    assert prefixes(r"(a)\1", 2) is None and prefixes(r"x?", 2) is None
    assert as_regex(None) == ""


def _rule_by_rule_everywhere(text: str) -> list[tuple[int, tuple[int, int]]]:
    """What the tagger finds when it tries every rule that can start with a character, at every position."""
    lexicon = lexicon_for(DEFAULT_SETTINGS.data_dir)
    lowered, found, position = tagger._lower(text), [], 0
    for at in range(len(text)):
        rules = [(index, lexicon.rule_regex(index)) for index in lexicon.candidates.get(lowered[at], ())]
        hit = None if at < position else tagger._which_rule(lexicon, rules, lowered, text, at)
        if hit is not None:
            found.append((hit[0], hit[1].span()))
            position = hit[1].end()
    return found


def _as_tagged(text: str) -> list[tuple[int, tuple[int, int]]]:
    lexicon = lexicon_for(DEFAULT_SETTINGS.data_dir)
    return [(index, match.span()) for index, match in tagger._matches(lexicon, text, tagger._lower(text))]


@pytest.mark.parametrize("text", [e["text"] for rule in RULES["rules"] for e in rule["examples"]] + RULES["negatives"])
def test_rules_chosen_by_their_first_characters_find_every_rule_example(text):
    assert _as_tagged(text) == _rule_by_rule_everywhere(text)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(NEWS_WORDS), max_size=14), separators=st.lists(st.sampled_from(
    [" ", "  ", "\n", "-", ", ", ".", "'", "’", "/", "(", "\t", "\u00a0", "–"]), min_size=1, max_size=6),
       noise=st.text(max_size=10))
def test_rules_chosen_by_their_first_characters_find_what_every_rule_finds(words, separators, noise):
    text = noise.join(w + separators[i % len(separators)] for i, w in enumerate(words))
    assert _as_tagged(text) == _rule_by_rule_everywhere(text)


class _WholeTextCues(Cues):
    """Tense cues and sentence ends found by one scan of the whole text each, as the tagger first did."""

    def _near(self, low, high):
        found = [cue for cue in map(self._cue, self.lexicon.tense_cues.finditer(self.lowered)) if cue]
        return tuple([span for kind, span in found if kind == wanted] for wanted in CUE_KINDS)

    def _sentence(self, start, end):
        ends = [end for end in map(self._end, SENTENCE_END.finditer(self.text)) if end is not None]
        before, after = bisect.bisect_right(ends, start), bisect.bisect_left(ends, end)
        low, high = ends[before - 1] if before else 0, ends[after] if after < len(ends) else len(self.text)
        return max(low, start - 160), min(high, end + 80)


class _SmallBlockCues(Cues):
    block = 5


CUE_WORDS = NEWS_WORDS + ("will be held is expected to met talks planned to going to 'll ended United Ted "
                          "had would may could agreed to visit, on . ; : ( ) 3 1/2 Mr. Gen. W. vs.").split()


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(CUE_WORDS), max_size=40), separators=st.lists(st.sampled_from(
    [" ", "  ", "\n", "\n\n", "-", ", ", ". ", ".\" ", "?  ", "'", "’", "\u00a0", "–"]), min_size=1, max_size=6),
       spans=st.lists(st.tuples(st.integers(0, 300), st.integers(0, 12)), max_size=8))
def test_tense_cues_found_block_by_block_are_those_of_the_whole_text(words, separators, spans):
    text = "".join(w + separators[i % len(separators)] for i, w in enumerate(words))
    lexicon = lexicon_for(DEFAULT_SETTINGS.data_dir)
    blocks, small, whole = (kind(text, tagger._lower(text), lexicon) for kind in (Cues, _SmallBlockCues, _WholeTextCues))
    for start, length in spans:
        start = min(start, len(text))
        end = min(start + length, len(text))
        assert blocks.tense(start, end) == small.tense(start, end) == whole.tense(start, end)
        assert blocks.tense(start, end, within=12) == small.tense(start, end, within=12) == whole.tense(start, end, within=12)


def test_no_tense_cue_holds_a_full_stop_and_no_sentence_end_a_letter():
    assert not lexicon_for(DEFAULT_SETTINGS.data_dir).cue_free.match("a")
    assert lexicon_for(DEFAULT_SETTINGS.data_dir).cue_free.match(".")
    assert SENTENCE_FREE.match("a") and not SENTENCE_FREE.match(".") and not SENTENCE_FREE.match("\n")


def test_characters_a_match_holds():
    assert held_chars(r"(?<![a-z])(?:will|[a-z]+ed)\s+(?![a-z])") == r"\sa-zdeilw"
    assert held_chars(r"a(?=bc)") is None and held_chars(r"[^a]") is None and held_chars(r"a.") is None


@pytest.mark.parametrize("text", ["Ta.   He said it on Monday", "No.\n\n\n   They will meet there on Monday",
                                  "Talks ended.     The minister said that the meeting was on Monday"])
def test_a_sentence_starting_inside_a_block_sees_its_own_cues(text):
    lexicon = lexicon_for(DEFAULT_SETTINGS.data_dir)
    start = text.index("Monday")
    small, whole = (kind(text, tagger._lower(text), lexicon) for kind in (_SmallBlockCues, _WholeTextCues))
    assert small.tense(start, start + 6) == whole.tense(start, start + 6) is not None


@pytest.mark.parametrize("text, first, last", [
    ("He took over the group in late 2009.", date(2009, 9, 1), date(2009, 12, 31)),
    ("The plant opened in early 2009.", date(2009, 1, 1), date(2009, 4, 30)),
    ("The plant opened in mid-2009.", date(2009, 5, 1), date(2009, 8, 31)),
    ("The talks stalled in late March 2021.", date(2021, 3, 21), date(2021, 3, 31)),
])
def test_early_mid_and_late_of_a_year_are_its_thirds_in_whole_months(text, first, last):
    timex = only(text)
    assert (timex.first_day, timex.last_day) == (first, last)


@pytest.mark.parametrize("text, expected", [
    ("The president paid a three-day visit to the country from May 1 to May 3. During the visit, he met the "
     "prime minister on Thursday.", date(2024, 5, 2)),
    ("The envoy toured the region on May 1-3. During his stay, she met the governor on Thursday evening.",
     date(2024, 5, 2)),
    ("The president paid a visit to the country from May 1 to May 3. On Thursday, he told parliament about it.",
     date(2024, 5, 9)),
])
def test_a_weekday_in_a_sentence_set_inside_a_span_named_before_falls_in_that_span(text, expected):
    weekday = [t for t in tag(text, date(2024, 5, 10)) if "Thursday" in t.text][0]
    assert weekday.first_day == expected


@pytest.mark.parametrize("text", [
    "Talks resumed in late November. During his speech Wednesday night, the leader thanked the mediators.",
    "Talks resumed from May 1 to May 3. During his speech on Wednesday, the leader thanked the mediators.",
])
def test_a_weekday_keeps_its_reading_when_no_span_of_days_is_named_before_its_sentence(text):
    """"late November" is no span of days by number, and a weekday inside the opening words themselves ("During his
    speech Wednesday night,", "During his speech on Wednesday,") names the day of that speech: both keep the
    reading from the document date."""
    weekday = [t for t in tag(text, date(2024, 5, 10)) if "Wednesday" in t.text][0]
    assert weekday.first_day == date(2024, 5, 8)


@pytest.mark.parametrize("text, expected", [
    ("The leaders signed the accord late on Wednesday. They spoke to reporters shortly after midnight.",
     date(2023, 9, 14)),
    ("The talks went on through Wednesday night. Shortly after midnight, the sides signed.", date(2023, 9, 14)),
    ("The leaders signed the accord on Wednesday. They spoke to reporters shortly after midnight.",
     date(2023, 9, 13)),
    ("On Wednesday, shortly after midnight, gunmen attacked a post.", date(2023, 9, 13)),
])
def test_after_midnight_following_a_day_named_late_is_the_next_day(text, expected):
    """The TimeML value stays the named day's T24:00; the day the happening falls on is the next one."""
    midnight = [t for t in tag(text, date(2023, 9, 15)) if t.text == "midnight"][0]
    assert midnight.first_day == expected and midnight.value == "2023-09-13T24:00"
