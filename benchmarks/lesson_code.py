"""How much code a learner meets in each lesson notebook (issue 13).

    .venv/bin/python benchmarks/lesson_code.py

For each notebook in notebooks/: the code lines a learner sees (code cells that are not folded with
``metadata.jupyter.source_hidden``; blank lines not counted), and the longest such cell.  Folded cells
are code the curious may open, with a one-line note of what they do: they are counted apart.

Figures: ``lesson_NN_code_lines`` (target at most 60) and ``lesson_NN_longest_cell_lines`` (target at
most 3), NN the lesson's number (notebooks/NN-*.ipynb).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def cell_lines(cell: dict) -> int:
    """Non-blank source lines of a cell.

    >>> cell_lines({"source": ["a = 1\\n", "\\n", "b = 2"]})
    2
    """
    source = "".join(cell.get("source", []))
    return sum(1 for line in source.splitlines() if line.strip())


def is_folded(cell: dict) -> bool:
    return bool(cell.get("metadata", {}).get("jupyter", {}).get("source_hidden"))


def count(path: Path) -> dict:
    """visible_lines, longest_visible, visible_cells, folded_cells, folded_lines of one notebook."""
    cells = [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    visible = [cell_lines(c) for c in cells if not is_folded(c)]
    folded = [cell_lines(c) for c in cells if is_folded(c)]
    return {"visible_lines": sum(visible), "longest_visible": max(visible, default=0),
            "visible_cells": len(visible), "folded_cells": len(folded), "folded_lines": sum(folded)}


def figure_name(path: Path) -> str:
    """``lesson_02`` for notebooks/02-who-speaks.ipynb.

    >>> figure_name(Path("notebooks/02-who-speaks.ipynb"))
    'lesson_02'
    """
    return "lesson_" + re.sub(r"[^0-9a-z]+", "_", path.stem.lower().split("-")[0])


def measure(folder: Path = REPO / "notebooks") -> dict:
    figures = {}
    for path in sorted(folder.glob("*.ipynb")):
        counted = count(path)
        figures[f"{figure_name(path)}_code_lines"] = counted["visible_lines"]
        figures[f"{figure_name(path)}_longest_cell_lines"] = counted["longest_visible"]
    return figures


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "notebooks"
    print(f"{'notebook':45} {'visible':>8} {'longest':>8} {'cells':>6} {'folded':>7} {'folded lines':>13}")
    for path in sorted(folder.glob("*.ipynb")):
        c = count(path)
        print(f"{path.name:45} {c['visible_lines']:8} {c['longest_visible']:8} {c['visible_cells']:6} "
              f"{c['folded_cells']:7} {c['folded_lines']:13}")
