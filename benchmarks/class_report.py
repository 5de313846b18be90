"""The instructor's view of a class (issue 17): ``class-report`` on 300 generated learners' journals, 40 exercises.

    .venv/bin/python benchmarks/class_report.py

``class_report_300_learners_s`` is the median wall time of ``write_class_report`` (reading every journal, the
page and the gradebook CSV) over three runs; target (issue 17): under 5 s.  The journals are made by
:func:`generated_class`, the same every run: attempts, passes, hints, wrong answers and a reflection per learner.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as folder:
...     home = generated_class(pathlib.Path(folder), learners=3, exercises=2)
...     sorted(p.parent.name for p in home.rglob("progress.jsonl"))
['learner-000', 'learner-001', 'learner-002']
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from conflict_reading.class_report import write_class_report  # noqa: E402
from conflict_reading.exercises import all_exercises  # noqa: E402

AT = "2026-01-05T10:00:00+00:00"


def generated_class(folder: Path, learners: int = 300, exercises: int = 40) -> Path:
    """``folder/home/learner-NNN/progress.jsonl`` for ``learners`` learners of the kit's first ``exercises``
    exercises (some passed at the first or third attempt, some tried and left, hints, a reflection each)."""
    ids = list(all_exercises())[:exercises]
    home = folder / "home"
    for n in range(learners):
        lines = []
        for k, exercise in enumerate(ids):
            for attempt in range((n + k) % 4):
                passed = attempt == 2 or (n % 5 == 0 and attempt == 1)
                lines.append(json.dumps({"event": "attempt", "exercise": exercise, "passed": passed, "at": AT,
                                         "answer": f"answer {(n * k) % 7}"}))
            if (n + k) % 6 == 0:
                lines.append(json.dumps({"event": "hint", "exercise": exercise, "at": AT}))
        lines.append(json.dumps({"event": "reflection", "key": "05-reflection", "text": f"learner {n} " * 40, "at": AT}))
        journal = home / f"learner-{n:03}" / "progress.jsonl"
        journal.parent.mkdir(parents=True)
        journal.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return home


def measure(runs: int = 3) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        home = generated_class(Path(folder))
        times = []
        for run in range(runs):
            started = time.perf_counter()
            write_class_report([home], Path(folder) / f"class-{run}.html")
            times.append(time.perf_counter() - started)
    return {"class_report_300_learners_s": round(statistics.median(times), 3)}


if __name__ == "__main__":
    for key, value in measure().items():
        print(f"{key:32} {value}")
