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


def main() -> int:
    os.environ["CONFLICT_READING_PROGRESS"] = str(Path(tempfile.mkdtemp()) / "progress.json")
    from conflict_reading import check
    from conflict_reading.exercises import all_exercises

    exercises = list(all_exercises().values())
    for exercise in exercises:  # warm caches (definitions, annotations)
        check(exercise.id, exercise.key_answer(), record=False)
    recorded, unrecorded = [], []
    for exercise in exercises:
        key = exercise.key_answer()
        wrong = exercise.wrong[0].answer if exercise.wrong else "certainly wrong"
        for answer in (key, wrong):
            recorded.append(median_ms(lambda: check(exercise.id, answer)))
            unrecorded.append(median_ms(lambda: check(exercise.id, answer, record=False)))
    print("exercises per lesson: " + ", ".join(f"{k}: {v}" for k, v in sorted(Counter(e.lesson for e in exercises).items())))
    print(f"check() median latency, with progress saved:   {statistics.median(recorded):.2f} ms "
          f"(slowest exercise {max(recorded):.2f} ms)")
    print(f"check() median latency, without saving:        {statistics.median(unrecorded):.2f} ms "
          f"(slowest exercise {max(unrecorded):.2f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
