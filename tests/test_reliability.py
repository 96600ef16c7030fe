"""Hostile input never crashes and never loses an article (issue 6).

A corpus of hostile files is generated at run time (large ones too) and run through the command line in a
subprocess and through the library: every input is accounted for (parsed, or rejected with its reason),
the batch completes, no traceback, exit status 0 unless --strict. Reading details (encodings, record fields,
header dates) are tested in test_articles.py; this file tests the whole run.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from timeline.models import Rejected
from timeline.pipeline import parse_corpus
from timeline.report import build_report
from timeline.settings import PROJECT_DIR, Settings

BODY = "The foreign minister met the prime minister in the capital on Monday, 18 September 2023."
FIFTY_MB = 50 * 1024 * 1024


def _zip() -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", BODY)
    return buffer.getvalue()


def hostile_files(large: bool) -> dict[str, bytes]:
    """File name -> content: the hostile inputs of issue 6 (the 50 MB file is written sparsely)."""
    noise = random.Random(6).randbytes(6000)
    dates = " ".join(f"{1 + n % 28} September {1990 + n % 40}" for n in range(10_000))
    files = {
        "empty.txt": b"",
        "whitespace.txt": b" \n\t \r\n  ",
        "noise.txt": noise,
        "image.png": b"\x89PNG\r\n\x1a\n" + noise[:500],
        "photo.jpg.txt": b"\xff\xd8\xff\xe0" + noise[:500],
        "archive.zip.txt": _zip(),
        "invalid_utf8.txt": b"Talks\n\nThe minister met envoys \xff\xfe\xc3( on Monday, 18 September 2023.",
        "utf16_bom.txt": ("Talks in Bak\u0131\n\n" + BODY).encode("utf-16"),
        "cp1252.txt": "Talks\n\nThe minister\u2019s \u201ctalks\u201d \u2013 on Monday, 18 September 2023.".encode("cp1252"),
        "controls.txt": ("Talks\n\n" + BODY.replace(" ", " \x01", 3) + "\x1b[0m\x7f" + " More text." * 20).encode(),
        "rtl_emoji.txt": ("\u0645\u062d\u0627\u062f\u062b\u0627\u062a\n\n\u0627\u0644\u0631\u0626\u064a\u0633 met "
                          "O'Brien-Smith \U0001F389 in \u015e\u0259ki, \u011f \u0436 \u202edesrever\u202c. " + BODY).encode(),
        "azerbaijani_cyrillic.txt": ("X\u0259b\u0259r\n\nPresident \u018fliyev met \u0416\u0443\u043a\u043e\u0432 and "
                                     "Jean-Luc d'Arcy-\u015e\u0259n on Monday, 18 September 2023.").encode(),
        "dates_10000.txt": ("Dates\n\nOn Monday, 18 September 2023 the minister met envoys. " + dates).encode(),
        "nested.html": (b"<html><body>" + b"<div><span>" * 3000 + BODY.encode() + b"</p>" * 50 +
                        b"<script>alert('x')</script><p onclick=\"steal()\" onmouseover='x()'>Hello</p>"),
        "malformed.html": b"<html><p>Ministers <b>met on <i>Monday, 18 September 2023<p><<<>>><div </html",
        "records.json": json.dumps([
            {"title": 5, "text": ["not", "a", "string"]},
            {"text": BODY, "date": "February 30, 2023", "extra": {"deep": [1, 2]}},
            {}, 7, None, "text", {"text": None, "published": 12345},
            {"text": BODY, "published": "September 19, 99999", "title": None},
            {"text": BODY, "published": "0000-00-00"},
            {"text": BODY, "published": "2150-01-01"},
        ]).encode(),
        "records.jsonl": b'{"text": "' + BODY.encode() + b'"}\n{broken\n[1, 2]\n{"text": 3.5}\n\n',
        "records.csv": ("title,text,date\nA," + BODY + ",0000-00-00\nB\nC,x,y,z,w\n,,\n\"unclosed," + BODY + "\n").encode(),
        "impossible_dates.txt": b"Published: February 30, 2023\n\nTalks on 32 September and September 19, 99999 "
                                b"and 0000-00-00 and 1 January 1850 and 5 May 2150 ended.",
        "old.txt": b"Published: 1 January 1890\n\nThe king met the envoy on Monday.",
        "future.txt": b"Published: 1 January 2150\n\nThe president met the prime minister yesterday in Paris.",
        "with space.txt": ("Talks\n\n" + BODY).encode(),
        "\u00fcn\u00efc\u00f8d\u00e9 \u0436.txt": ("Talks\n\n" + BODY).encode(),
        "-leading-dash.txt": ("Talks\n\n" + BODY).encode(),
        "--help.txt": ("Talks\n\n" + BODY).encode(),
    }
    if large:
        files["single_line_5mb.txt"] = b"lorem ipsum dolor sit amet consectetur " * 130_000
    return files


def write_corpus(folder: Path, large: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in hostile_files(large).items():
        (folder / name).write_bytes(data)
    bad_name = os.fsencode(folder) + b"/bad\xffname.txt"  # not UTF-8: a name no UTF-8 output can hold as is
    with open(bad_name, "wb") as handle:
        handle.write(("Talks\n\n" + BODY).encode())
    with (folder / "huge_50mb.txt").open("wb") as handle:
        handle.truncate(FIFTY_MB)
    (folder / "sub").mkdir(exist_ok=True)
    (folder / "sub" / "deeper.md").write_bytes(("# Talks\n\n" + BODY).encode())
    return folder


def _input_names(folder: Path) -> set[str]:
    return {os.fsencode(p.relative_to(folder)).decode("utf-8", "backslashreplace") for p in folder.rglob("*")
            if p.is_file()}


def _record_base(name: str) -> str:
    return name.split("#", 1)[0]


def run_cli(*args: str, cwd: Path = PROJECT_DIR, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(PROJECT_DIR)}
    return subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, cwd=cwd, env=env,
                          timeout=timeout)


def assert_accounted(report: dict, folder: Path) -> None:
    """Every file of ``folder`` is in the report: parsed or rejected (a records file by its records)."""
    seen = {_record_base(a["name"]) for a in report["articles"]} | {_record_base(r["name"]) for r in report["rejected"]}
    assert _input_names(folder) == seen
    assert all(r["reason"] for r in report["rejected"])
    assert report["counts"]["articles"] == len(report["articles"]) > 10


# --- the command line ---------------------------------------------------------------------------------

@pytest.mark.slow
def test_cli_survives_the_hostile_corpus(tmp_path):
    folder = write_corpus(tmp_path / "in", large=True)
    out, report_path = tmp_path / "events.jsonl", tmp_path / "report.json"
    result = run_cli("parse", "--no-cache", "-o", str(out), "--report", str(report_path), str(folder))
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0, stderr
    assert "Traceback" not in stderr
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert_accounted(report, folder)
    reasons = {r["name"]: r["reason"] for r in report["rejected"]}
    assert reasons["huge_50mb.txt"].startswith("too large: 52,428,800 bytes")
    assert reasons["empty.txt"] == "empty file" and reasons["noise.txt"].startswith("binary file")
    assert reasons["image.png"].startswith("unsupported") or reasons["image.png"].startswith("binary")
    for name in reasons:
        assert f"{name}: {reasons[name]}" in stderr  # the summary lists every reject with its reason
    names = {a["name"] for a in report["articles"]}
    assert {"bad\\xffname.txt", "single_line_5mb.txt", "dates_10000.txt", "-leading-dash.txt"} <= names
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == report["counts"]["events"] and all(json.loads(line)["id"] for line in lines)


def test_cli_strict_exits_1_with_a_message_and_still_writes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Talks\n\n" + BODY, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    lenient = run_cli("parse", "--no-cache", "-o", str(out), str(folder))
    strict = run_cli("parse", "--no-cache", "--strict", "-o", str(out), str(folder))
    assert lenient.returncode == 0 and strict.returncode == 1
    assert b"--strict: 1 input(s) rejected" in strict.stderr and b"Traceback" not in strict.stderr
    assert out.read_text(encoding="utf-8").strip()  # the good article's events are written all the same
    clean = run_cli("parse", "--no-cache", "--strict", "-o", str(out), str(folder / "good.txt"))
    assert clean.returncode == 0


def test_cli_max_bytes_rejects_with_the_reason(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Talks\n\n" + BODY, encoding="utf-8")
    report = tmp_path / "r.json"
    result = run_cli("parse", "--no-cache", "--max-bytes", "50", "--report", str(report), "-o",
                     str(tmp_path / "o.jsonl"), str(path))
    assert result.returncode == 0
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["limits"] == {"max_article_bytes": 50}
    assert data["rejected"][0]["reason"].startswith("too large")
    bad = run_cli("parse", "--max-bytes", "lots", str(path))
    assert bad.returncode == 2 and b"positive number of bytes" in bad.stderr and b"Traceback" not in bad.stderr


def test_cli_file_names_with_dashes_dots_and_missing_paths(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "-dash.txt").write_text("Talks\n\n" + BODY, encoding="utf-8")
    report = tmp_path / "r.json"
    given = [str(folder / "sub" / ".." / "-dash.txt"), str(folder / "missing.txt")]
    result = run_cli("parse", "--no-cache", "--report", str(report), "-o", str(tmp_path / "o.jsonl"), "--", *given)
    assert result.returncode == 0, result.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [a["name"] for a in data["articles"]] == ["-dash.txt"]
    assert data["rejected"] == [{"name": str(folder / "missing.txt"), "reason": "no such file or folder"}]
    assert not (tmp_path / "in" / "o.jsonl").exists() and not (tmp_path / "-dash.jsonl").exists()
    nothing = run_cli("parse", str(folder / "missing.txt"))
    assert nothing.returncode == 2 and b"no such file or folder" in nothing.stderr


# --- the library --------------------------------------------------------------------------------------

def test_library_accounts_for_every_input(tmp_path):
    folder = write_corpus(tmp_path / "in")
    corpus = parse_corpus([folder], Settings(), engine="local")
    report = build_report(corpus, [str(folder)], Settings())
    assert_accounted(report, folder)
    assert not [r for r in corpus.rejected if r.reason.startswith("parse failed")]
    for parsed in corpus.parsed:
        text = parsed.article.text
        for item in (*parsed.timexes, *parsed.mentions):
            assert text[item.start:item.end] == item.text
        for event in parsed.events:
            assert text[event.evidence_start:event.evidence_end] == event.evidence


def test_impossible_dates_are_not_invented_and_extreme_ones_kept(tmp_path):
    folder = write_corpus(tmp_path / "in")
    articles = {p.article.name: p for p in parse_corpus([folder], Settings()).parsed}
    impossible = articles["impossible_dates.txt"]
    assert impossible.article.published is None or impossible.article.published_inferred
    for timex in impossible.timexes:
        for day in (timex.first_day, timex.last_day):
            assert day is None or 1 <= day.year <= 9999
        assert "99999" not in timex.value and "0000-00-00" not in timex.value
    assert articles["future.txt"].article.published == date(2150, 1, 1)
    assert articles["old.txt"].article.published == date(1890, 1, 1)
    records = {name: p.article.published for name, p in articles.items() if name.startswith("records.json#")}
    assert date(2150, 1, 1) in records.values()


def test_a_parse_that_raises_becomes_a_reject_and_the_batch_goes_on(tmp_path):
    from timeline.articles import read_bytes
    from timeline.parallel import parse_stream, pipeline_parse

    items = read_bytes("a.txt", ("One\n\n" + BODY).encode()) + read_bytes("b.txt", ("Two\n\n" + BODY).encode())

    def flaky(article, settings):
        if article.name == "a.txt":
            raise RecursionError("deeply nested")
        return pipeline_parse(article, settings)

    first, second = parse_stream(items, Settings(), parse=flaky)
    assert first == Rejected("a.txt", "parse failed: RecursionError: deeply nested")
    assert second.article.name == "b.txt" and second.events
