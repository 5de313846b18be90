"""Worst cases of what a learner can hand the kit (issue 12): how long the slowest one takes.

    .venv/bin/python benchmarks/hostile.py

``check_hostile_worst_ms``: the slowest ``check()`` over answers built to be slow or huge (500 strings
of 1 MB, 100 of them, an endless ``itertools.count()``, a 10 MB string, a table of a million rows, a 1 MB
exercise id, an answer that raises ``SystemExit``), each on every list exercise, progress saved.
Before the bounds, 500 × 1 MB took 80 s and ``itertools.count()`` ran out of memory.

``progress_load_10000_lines_ms``: reading a journal of 10,000 saves with a damaged line in the middle
(what ``progress()``, ``hint()`` and ``reflect()`` read), median of 5.
"""

from __future__ import annotations

import itertools
import os
import statistics
import tempfile
import time
from pathlib import Path


class _Exiting:
    def __iter__(self):
        raise SystemExit("hostile")


def _answers(scale: int):
    import pandas as pd

    yield f"{500 // scale} x 1 MB strings", lambda: ["x" * 1_000_000] * (500 // scale)
    yield f"{100 // scale} x 1 MB strings", lambda: ["x" * 1_000_000] * (100 // scale)
    yield "itertools.count()", itertools.count
    yield f"a {10 // scale} MB string", lambda: "25 " * (3_333_333 // scale)
    yield f"a table of {1_000_000 // scale:,} rows", lambda: pd.DataFrame({"speaker": ["x"] * (1_000_000 // scale)})
    yield "SystemExit from __iter__", _Exiting


def measure(tiny: bool = False) -> dict:
    """The two figures (``tiny``: answers a tenth the size and a journal of 200 saves, to test the harness)."""
    scale, saves = (10, 100) if tiny else (1, 5_000)
    os.environ["CONFLICT_READING_PROGRESS"] = str(Path(tempfile.mkdtemp()) / "progress.json")
    from conflict_reading import check
    from conflict_reading.exercises import all_exercises
    from conflict_reading.progress import ProgressStore

    list_ids = [e.id for e in all_exercises().values() if e.kind == "set"]
    worst, worst_case = 0.0, ""
    for name, make in _answers(scale):
        for exercise_id in list_ids + ["00-paragraphs"]:
            answer = make()
            started = time.perf_counter()
            check(exercise_id, answer)
            took = (time.perf_counter() - started) * 1000
            if took > worst:
                worst, worst_case = took, f"{name} ({exercise_id})"
    huge_id = "x" * 1_000_000
    started = time.perf_counter()
    check(huge_id, 1)
    took = (time.perf_counter() - started) * 1000
    if took > worst:
        worst, worst_case = took, "a 1 MB exercise id"

    journal = Path(tempfile.mkdtemp()) / "progress.jsonl"
    store = ProgressStore(journal)
    for i in range(saves):
        store.record_attempt(f"ex-{i % 40}", passed=i % 3 == 0)
    with open(journal, "ab") as handle:
        handle.write(b'{"event": "attempt", "exerc\xff\n')
    for i in range(saves):
        store.record_attempt(f"ex-{i % 40}", passed=i % 3 == 0)
    loads = []
    for _ in range(5):
        started = time.perf_counter()
        ProgressStore(journal).load()
        loads.append((time.perf_counter() - started) * 1000)
    return {"check_hostile_worst_ms": worst, "progress_load_10000_lines_ms": statistics.median(loads),
            "worst_case": worst_case}


if __name__ == "__main__":
    for key, value in measure().items():
        print(f"{key:32} {value if isinstance(value, str) else f'{value:.1f}'}")
