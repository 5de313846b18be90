"""Time of ``import conflict_reading``, beyond importing pandas and matplotlib; the gazetteer's load and size.

    .venv/bin/python benchmarks/imports.py

Each run is a fresh Python process (what a learner's kernel pays once): it
imports pandas and matplotlib, then ``conflict_reading``, and reports both
times.  The median over the runs is taken; the first run (cold disk cache)
is not counted.  The gazetteer (places.csv, read when places are first looked for, not at import) is loaded
after the import: ``gazetteer_load_s``; then the two tables read only when a cue word, an address or "di"/"in"
meets a name the gazetteer lacks (Indonesia's districts and villages, the world's small towns):
``gazetteer_lookup_tables_load_s``.  ``gazetteer_size_mb`` is the folder's installed size.
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
from conflict_reading.places import gazetteer
loading = time.perf_counter()
gazetteer()
loaded = time.perf_counter()
from conflict_reading import admin_places, world_towns
admin_places._table(), world_towns._table()
tables = time.perf_counter()
print(json.dumps({"base_s": base - started, "overhead_s": done - base, "gazetteer_s": loaded - loading,
                  "tables_s": tables - loaded}))
"""
GAZETTEER = REPO / "conflict_reading" / "gazetteer"


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
    gazetteer = statistics.median(s["gazetteer_s"] for s in samples)
    tables = statistics.median(s["tables_s"] for s in samples)
    size = sum(path.stat().st_size for path in GAZETTEER.iterdir() if path.is_file()) / 1e6
    return {"import_overhead_s": overhead, "import_total_s": total, "import_pandas_matplotlib_s": base,
            "gazetteer_load_s": gazetteer, "gazetteer_lookup_tables_load_s": tables, "gazetteer_size_mb": size}


def main() -> int:
    for key, value in measure().items():
        print(f"{key:30} {value:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
