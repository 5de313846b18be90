"""Time of ``import conflict_reading``, beyond importing pandas and matplotlib.

    .venv/bin/python benchmarks/imports.py

Each run is a fresh Python process (what a learner's kernel pays once): it
imports pandas and matplotlib, then ``conflict_reading``, and reports both
times.  The median over the runs is taken; the first run (cold disk cache)
is not counted.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PROBE = """
import json, time
started = time.perf_counter()
import pandas, matplotlib
base = time.perf_counter()
import conflict_reading
done = time.perf_counter()
print(json.dumps({"base_s": base - started, "overhead_s": done - base}))
"""


def one_run() -> dict:
    """One fresh process: ``base_s`` (pandas + matplotlib) and ``overhead_s`` (conflict_reading after them)."""
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=REPO, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def measure(runs: int = 7) -> dict:
    """``import_overhead_s``, ``import_total_s`` (all three) and ``import_pandas_matplotlib_s``: medians."""
    one_run()  # warm the disk cache and the .pyc files
    samples = [one_run() for _ in range(runs)]
    base = statistics.median(s["base_s"] for s in samples)
    overhead = statistics.median(s["overhead_s"] for s in samples)
    total = statistics.median(s["base_s"] + s["overhead_s"] for s in samples)
    return {"import_overhead_s": overhead, "import_total_s": total, "import_pandas_matplotlib_s": base}


def main() -> int:
    for key, value in measure().items():
        print(f"{key:30} {value:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
