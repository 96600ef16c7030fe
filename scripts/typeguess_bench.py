"""Speed of timeline/typeguess: the first-use training of its two models, then microseconds per sentence.

Run: .venv/bin/python scripts/typeguess_bench.py (on made-up sentences; a quiet machine gives steady figures).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline import typeguess  # noqa: E402
from timeline.resources import load  # noqa: E402
from timeline.settings import DATA_DIR  # noqa: E402

SENTENCES = [
    "The finance minister sat down with the heads of three lenders on Wednesday to discuss the debt plan.",
    "A landslide buried a dozen homes in a mountain village on Thursday, killing at least seven people.",
    "Analysts expect the two countries to hold talks sometime next year.",
    "Norlund shipped 20,000 tonnes of rice to Estaria on Friday as emergency food assistance.",
]


def main() -> None:
    for name in ("events.yaml", "leads.yaml", "typeguess.yaml"):  # the pipeline has read these already
        load(name, DATA_DIR)
    for name, train in (("type model", typeguess.model), ("happening model", typeguess.happening_model)):
        start, cpu = time.perf_counter(), time.process_time()
        train()
        print(f"training the {name} at first use: {(time.perf_counter() - start) * 1000:.0f} ms "
              f"({(time.process_time() - cpu) * 1000:.0f} ms of CPU) "
              f"({len(typeguess.training_lines())} lines, {len(train().weights)} features)")
    rounds = 2000
    calls = rounds * len(SENTENCES)
    for name, call in (("guess", typeguess.guess), ("happening", typeguess.happening)):
        start, cpu = time.perf_counter(), time.process_time()
        for _ in range(rounds):
            for text in SENTENCES:
                call(text)
        print(f"{name}: {(time.perf_counter() - start) / calls * 1e6:.1f} µs per sentence "
              f"({(time.process_time() - cpu) / calls * 1e6:.1f} µs of CPU; a busy machine inflates the first)")


if __name__ == "__main__":
    main()
