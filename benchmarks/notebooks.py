"""Time each notebook's Restart & Run All (headless, nbclient), in seconds.

    .venv/bin/python benchmarks/notebooks.py

Prints one line per notebook: the kernel start-up, and the execution of the
cells alone (what a learner waits for after "Run All" once the kernel is up).
"""

import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parent.parent


def time_notebook(path: Path) -> dict:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    started = time.perf_counter()
    with client.setup_kernel():
        kernel_ready = time.perf_counter()
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)
        finished = time.perf_counter()
    return {"notebook": f"{path.parent.name}/{path.name}",
            "kernel_start_s": kernel_ready - started,
            "execution_s": finished - kernel_ready}


def all_notebooks() -> list[Path]:
    return sorted((REPO / "notebooks").glob("*.ipynb")) + sorted((REPO / "exercises").glob("*.ipynb"))


def main() -> int:
    import os
    import tempfile

    # a benchmark run must not add attempts to the learner's own progress file
    os.environ.setdefault("CONFLICT_READING_PROGRESS", str(Path(tempfile.mkdtemp()) / "progress.json"))
    print(f"{'notebook':55} {'kernel start (s)':>17} {'execution (s)':>14}")
    for path in all_notebooks():
        row = time_notebook(path)
        print(f"{row['notebook']:55} {row['kernel_start_s']:17.2f} {row['execution_s']:14.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
