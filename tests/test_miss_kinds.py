"""scripts/miss_kinds.py: every required gold event eval misses is counted once, under the kind that fits it."""

from __future__ import annotations

import importlib.util
import json
import sys

from timeline.settings import PROJECT_DIR

_spec = importlib.util.spec_from_file_location("miss_kinds_script", PROJECT_DIR / "scripts" / "miss_kinds.py")
miss_kinds = sys.modules.setdefault("miss_kinds_script", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(miss_kinds)

SEEDS_GOLD = PROJECT_DIR / "tests" / "gold" / "seeds_events.jsonl"
SAMPLES = PROJECT_DIR / "data" / "articles"


def _gold(tmp_path, change) -> object:
    records = [json.loads(line) for line in SEEDS_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(change(r)) + "\n" for r in records), encoding="utf-8")
    return path


def test_the_samples_found_whole_leave_no_miss(tmp_path):
    assert sum(miss_kinds.miss_kinds(_gold(tmp_path, lambda r: r), SAMPLES).values()) == 0


def test_a_gold_type_no_prediction_has_is_a_wrong_type_and_made_up_evidence_is_not_in_the_text(tmp_path):
    meetings = [json.loads(line) for line in SEEDS_GOLD.read_text(encoding="utf-8").splitlines()
                if line.strip() and json.loads(line)["event_type"] == "meeting" and json.loads(line).get("required")]
    retyped, invented = meetings[0]["id"], meetings[1]["id"]

    def change(record):
        if record["id"] == retyped:
            return {**record, "event_type": "humanitarian", "also_accept_types": []}
        if record["id"] == invented:
            return {**record, "evidence": "Quellish envoys toured a lighthouse nobody has ever written about.",
                    "actors": ["Nobody Known"], "event_type": "visit", "also_accept_types": []}
        return record

    kinds = miss_kinds.miss_kinds(_gold(tmp_path, change), SAMPLES)
    assert kinds == {"wrong type": 1, "not in text": 1}
    assert set(kinds) <= set(miss_kinds.KINDS)


def test_a_body_sentence_whose_head_verb_says_is_told_apart_from_one_of_no_past_verb():
    assert miss_kinds._saying_head("Harbour officials of Velm said that they towed the drifting barge ashore.")
    assert miss_kinds._saying_head("The Ostra mayor pledged to rebuild the flooded school by spring.")
    assert not miss_kinds._saying_head("The barge of the Velm harbour is now safe in the dock.")
    assert not miss_kinds._saying_head("Harbour officials of Velm towed the drifting barge ashore.")
