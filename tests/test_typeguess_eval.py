"""scripts/typeguess_eval.py: the type guess measured against a made-up gold set and its articles."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "fixtures" / "blind_gold.jsonl"


def _run(*gold: Path) -> list[str]:
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "typeguess_eval.py"), *map(str, gold)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return done.stdout.splitlines()


def test_eval_prints_each_guesser_with_its_figures():
    lines = _run(GOLD)
    events = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    events = [event for event in events if (event.get("evidence") or "").strip()]
    assert lines[0].startswith(f"{len(events)} gold evidence sentences (")
    rows = {line[:28].strip(): line[28:].split() for line in lines[2:]}
    commonest = Counter(event["event_type"] for event in events).most_common(1)[0][0]
    majority = f"majority ({commonest})"
    assert set(rows) == {majority, "lead cue scorer", "typeguess", "cue type, else typeguess"}
    for figures in rows.values():
        assert all(0.0 <= float(value) <= 1.0 for value in figures[:3])
    # the learned guess types far more of the made-up set's evidence than the commonest type does
    assert float(rows["typeguess"][0]) > float(rows[majority][0]) + 0.3


TEXT = ("Officials in Velm said on Monday that the new bridge over the river would open next spring.\n\n"
        "The governor of the province met the mayors of five towns on Monday to discuss the works.\n")


def _mini_set(tmp_path: Path, evidence: str) -> Path:
    (tmp_path / "mini").mkdir()
    (tmp_path / "mini" / "bridge.txt").write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "mini_gold.jsonl"
    gold.write_text(json.dumps({"id": "m-a", "article": "bridge.txt", "event_type": "meeting", "required": True,
                                "also_accept_types": [], "evidence": evidence}) + "\n", encoding="utf-8")
    return gold


def test_eval_counts_the_leads_of_the_articles_beside_the_gold_file(tmp_path):
    lines = _run(_mini_set(tmp_path, TEXT.split("\n\n")[1].strip()))
    assert lines[0] == "1 gold evidence sentences (0 that no trigger rule matches); 1 leads that are no gold evidence"


def test_a_lead_that_is_gold_evidence_is_not_counted(tmp_path):
    lines = _run(_mini_set(tmp_path, TEXT.split("\n\n")[0]))
    assert lines[0].endswith("; 0 leads that are no gold evidence")


def test_confusion_lists_the_right_share_per_type_and_the_commonest_confusions():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "typeguess_eval.py"), "--confusion", str(GOLD)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    lines = done.stdout.splitlines()
    heads = [line for line in lines if line.startswith(("all: ", "no rule: "))]
    assert len(heads) == 2 and "meeting " in heads[0]
    assert sum(line.startswith("  guessed: ") for line in lines) == 2
    assert sum(line.startswith("  confusions: ") for line in lines) == 2


def test_happening_measure_takes_required_evidence_as_positives_and_other_past_sentences_as_negatives(tmp_path):
    """The meeting sentence is the required evidence; the bridge sentence has a finite past verb ("inspected") and
    is no gold evidence: one positive, one negative."""
    (tmp_path / "mini").mkdir()
    text = ("The governor of the province met the mayors of five towns on Monday to discuss the works.\n\n"
            "Engineers inspected the cracked pillars of the old bridge on Sunday.\n")
    (tmp_path / "mini" / "bridge.txt").write_text(text, encoding="utf-8")
    gold = tmp_path / "mini_gold.jsonl"
    gold.write_text(json.dumps({"id": "m-a", "article": "bridge.txt", "event_type": "meeting", "required": True,
                                "also_accept_types": [], "evidence": text.split("\n\n")[0]}) + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "typeguess_happening.py"), str(gold)],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    lines = done.stdout.splitlines()
    assert lines[0] == "all: 1 positives, 1 negatives"
    assert lines[1].split()[:3] == ["happening", "AUC", lines[1].split()[2]] and ">=0.5:" in lines[1]
