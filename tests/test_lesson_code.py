"""Code out of the way (issue 13): a cell a learner reads or writes is at most three lines, a lesson shows at
most 60 lines of code, and every longer piece is folded with a note of what it does."""

import json
import sys
from pathlib import Path

import pytest

from .conftest import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
import lesson_code  # noqa: E402  (benchmarks/lesson_code.py: the same count make bench prints)

LESSONS = sorted((REPO / "notebooks").glob("*.ipynb"))
PRACTICE = sorted((REPO / "exercises").glob("*.ipynb"))
MAX_CELL_LINES = 3
MAX_LESSON_LINES = 60


def code_cells(path: Path) -> list[dict]:
    return [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]


@pytest.mark.parametrize("path", LESSONS + PRACTICE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_visible_code_cell_is_over_three_lines(path):
    long = [(c.get("id"), lesson_code.cell_lines(c)) for c in code_cells(path)
            if not lesson_code.is_folded(c) and lesson_code.cell_lines(c) > MAX_CELL_LINES]
    assert not long, f"visible code cells over {MAX_CELL_LINES} lines (fold them or move the code into the package): {long}"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_a_lesson_shows_at_most_sixty_lines_of_code(path):
    assert lesson_code.count(path)["visible_lines"] <= MAX_LESSON_LINES


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_a_folded_cell_says_what_it_does_and_the_cell_before_says_it_is_folded(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for index, cell in enumerate(cells):
        if cell["cell_type"] != "code" or not lesson_code.is_folded(cell):
            continue
        first = "".join(cell["source"]).lstrip().splitlines()[0]
        assert first.startswith("#") and len(first) > 12, f"folded cell {cell.get('id')} starts without a note: {first!r}"
        before = "".join(cells[index - 1]["source"]).lower() if index else ""
        assert "folded" in before, f"the cell before folded cell {cell.get('id')} does not say it is folded"
