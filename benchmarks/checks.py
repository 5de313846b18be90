"""Median latency of check() over every exercise, and the count of exercises per lesson.

    .venv/bin/python benchmarks/checks.py

Measures a right answer and a wrong answer for each exercise, with the
progress file written (as a learner's check does) and without.
"""

import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROUNDS = 20


def median_ms(function, rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def check_latency(rounds: int = ROUNDS) -> dict:
    """Median check() latency (ms) over every exercise, a right and a wrong answer each.

    Returns ``saved_median_ms`` / ``saved_slowest_ms`` (progress written, as a learner's
    check does), ``unsaved_median_ms`` / ``unsaved_slowest_ms`` (``record=False``),
    ``exercises`` and ``per_lesson`` (a Counter).  Progress goes to a temporary file.
    """
    os.environ["CONFLICT_READING_PROGRESS"] = str(Path(tempfile.mkdtemp()) / "progress.json")
    from conflict_reading import check, load_article
    from conflict_reading.exercises import all_exercises

    load_article()  # the kit's article is the one read: check() would not judge answers about another
    exercises = list(all_exercises().values())
    for exercise in exercises:  # warm caches (definitions, annotations), and make sure every key passes
        if not check(exercise.id, exercise.key_answer(), record=False).passed:
            raise RuntimeError(f"check({exercise.id!r}, its own key) does not pass: the timings would be wrong")
    recorded, unrecorded = [], []
    for exercise in exercises:
        key = exercise.key_answer()
        wrong = exercise.wrong[0].answer if exercise.wrong else "certainly wrong"
        for answer in (key, wrong):
            recorded.append(median_ms(lambda: check(exercise.id, answer), rounds))
            unrecorded.append(median_ms(lambda: check(exercise.id, answer, record=False), rounds))
    return {"saved_median_ms": statistics.median(recorded), "saved_slowest_ms": max(recorded),
            "unsaved_median_ms": statistics.median(unrecorded), "unsaved_slowest_ms": max(unrecorded),
            "exercises": len(exercises), "per_lesson": Counter(e.lesson for e in exercises)}


def main() -> int:
    figures = check_latency()
    print("exercises per lesson: " + ", ".join(f"{k}: {v}" for k, v in sorted(figures["per_lesson"].items())))
    print(f"check() median latency, with progress saved:   {figures['saved_median_ms']:.2f} ms "
          f"(slowest exercise {figures['saved_slowest_ms']:.2f} ms)")
    print(f"check() median latency, without saving:        {figures['unsaved_median_ms']:.2f} ms "
          f"(slowest exercise {figures['unsaved_slowest_ms']:.2f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
