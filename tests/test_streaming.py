"""The parse command streams: batch.stream_outputs gives what parse_corpus gives, one result at a time."""

import json
import subprocess
import sys
from pathlib import Path

from timeline.batch import stream_outputs
from timeline.pipeline import parse_corpus

PROJECT = Path(__file__).resolve().parents[1]
NEWS = PROJECT / "tests" / "fixtures" / "news"


def test_stream_outputs_gives_the_articles_and_events_of_parse_corpus():
    corpus = parse_corpus([NEWS])
    streamed = [r for r in stream_outputs([NEWS]) if r.reason is None]
    assert [r.report_entry()["id"] for r in streamed] == [a.id for a in corpus.articles]
    assert tuple(e for r in streamed for e in r.event_records()) == corpus.events


def _parse(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "timeline", "parse", "--no-cache", *args], capture_output=True,
                          text=True, cwd=PROJECT)


def test_parse_command_writes_the_corpus_events_and_counts_them(tmp_path):
    corpus = parse_corpus([NEWS])
    report = tmp_path / "r.json"
    result = _parse("-o", str(tmp_path / "e.jsonl"), "--report", str(report), str(NEWS))
    lines = (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [e.id for e in corpus.events]
    counts = json.loads(report.read_text(encoding="utf-8"))["counts"]
    assert counts["articles"] == len(corpus.parsed) and counts["events"] == len(corpus.events) == counts["written"]
    assert f"read {len(corpus.parsed)} article(s)" in result.stderr


def test_merged_parse_writes_the_corpus_timeline(tmp_path):
    corpus = parse_corpus([NEWS])
    result = _parse("--merged", str(NEWS))
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [t.id for t in corpus.timeline]
    assert f"{len(corpus.timeline)} on the timeline" in result.stderr
