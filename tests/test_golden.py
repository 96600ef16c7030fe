"""Whole-article golden files: the events of the samples and of the made-up news, field by field.

After an intended change, rewrite them with ``TIMELINE_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and
review the diff like any other change.
"""

import json
import os
from pathlib import Path

import pytest

from timeline.pipeline import parse_corpus
from timeline.settings import SAMPLE_ARTICLES

HERE = Path(__file__).parent
FIELDS = ("article", "event_type", "title", "date", "date_end", "precision", "actors", "location",
          "evidence_start", "evidence_end", "date_window")
CORPORA = {"samples_events.jsonl": SAMPLE_ARTICLES, "news_events.jsonl": HERE / "fixtures" / "news"}


def _rows(folder: Path) -> list[dict]:
    return [{k: e.to_dict()[k] for k in FIELDS} for e in parse_corpus([folder]).events]


@pytest.mark.parametrize("golden", sorted(CORPORA))
def test_events_match_the_golden_file(golden):
    path = HERE / "golden" / golden
    rows = _rows(CORPORA[golden])
    if os.environ.get("TIMELINE_UPDATE_GOLDEN"):
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    expected = [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    assert rows == expected
