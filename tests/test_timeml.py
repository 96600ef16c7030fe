"""The TimeML reader and TempEval-3 scorer, on small made-up documents (never the licensed corpus)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from timeline.models import Timex
from timeline.settings import PROJECT_DIR
from timeline.timeml import Score, read_document, read_folder

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>made-up-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-09-20" functionInDocument="CREATION_TIME">2023-09-20</TIMEX3></DCT>
<TEXT>
Ministers <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2023-09-19">Tuesday</TIMEX3> &amp; talked
for <TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3> about <TIMEX3 tid="t3" type="DATE" value="2024">next year</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def doc_path(tmp_path):
    path = tmp_path / "made-up-1.tml"
    path.write_text(DOC, encoding="utf-8")
    return path


def test_reader_strips_tags_and_keeps_offsets(doc_path):
    doc = read_document(doc_path)
    assert doc.dct == date(2023, 9, 20)
    assert [t.value for t in doc.timexes] == ["2023-09-19", "PT3H", "2024"]
    for timex in doc.timexes:
        assert doc.text[timex.start : timex.end] == timex.text
    assert "&amp;" not in doc.text and " & " in doc.text
    assert "2023-09-20" not in doc.text  # the DCT is not part of the text


def _timex(doc, text, value, type_="DATE", shift=0):
    start = doc.text.index(text) + shift
    return Timex(start, start + len(text) - shift, doc.text[start : start + len(text) - shift], type_, value)


def test_score_counts_strict_relaxed_and_values(doc_path):
    doc = read_document(doc_path)
    found = [
        _timex(doc, "Tuesday", "2023-09-19"),  # exact span, right value
        _timex(doc, "three hours", "PT3H", "DURATION", shift=6),  # "hours": overlaps only, right value
        _timex(doc, "next year", "2025"),  # exact span, wrong value
        _timex(doc, "Ministers", "PRESENT_REF"),  # nothing in gold
    ]
    score = Score()
    score.add(doc, found)
    assert (score.gold, score.system, score.strict) == (3, 4, 2)
    assert (score.relaxed_p, score.relaxed_r) == (0.75, 1.0)
    assert score.value_accuracy == pytest.approx(2 / 3)
    assert score.value_f1 == pytest.approx(2 / 3 * score.relaxed_f1)
    assert {kind for kind, *_ in score.errors} == {"spurious", "value"}


def test_one_system_span_matches_one_gold_span_only(doc_path):
    doc = read_document(doc_path)
    whole = Timex(0, len(doc.text), doc.text, "DATE", "2023-09-19")
    score = Score()
    score.add(doc, [whole])
    assert (score.relaxed_gold, score.relaxed_system) == (1, 1)


def test_read_folder_reads_every_tml(tmp_path, doc_path):
    (tmp_path / "notes.txt").write_text("not TimeML")
    assert [d.name for d in read_folder(tmp_path)] == ["made-up-1"]


def test_command_reports_missing_folder(tmp_path):
    result = subprocess.run([sys.executable, "-m", "timeline", "timeml", "--dir", str(tmp_path / "nowhere")],
                            cwd=PROJECT_DIR, capture_output=True, text=True)
    assert result.returncode == 2
    assert "no TimeML folder" in result.stderr and "Traceback" not in result.stderr


def test_command_prints_a_table(tmp_path, doc_path):
    (tmp_path / "TimeBank").mkdir()
    doc_path.rename(tmp_path / "TimeBank" / doc_path.name)
    result = subprocess.run([sys.executable, "-m", "timeline", "timeml", "--dir", str(tmp_path), "--set", "TimeBank"],
                            cwd=PROJECT_DIR, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "value F1" in result.stdout and "ms/article" in result.stdout
    assert result.stdout.splitlines()[1].startswith("TimeBank")
