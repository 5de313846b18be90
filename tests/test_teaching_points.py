"""Discover, then name (issue 13): every finding of the notes is mapped to the cell where learners find it
themselves and the cell that names it, and the finding comes first (lessons/teaching-points.toml)."""

import json
import re
import tomllib

import pytest

from .conftest import REPO

POINTS = tomllib.loads((REPO / "lessons" / "teaching-points.toml").read_text(encoding="utf-8"))["point"]
NOTES = REPO.parent / "shared" / "notes" / "teaching-points.md"
# What a learner does in a cell: check or ask an exercise, drive a widget, fill a blank, tick a self-check;
# or, in markdown, a prediction asked before the next cell runs.
ACTION_CODE = re.compile(r"\b(check|ask|self_check|reflect)\(|\b[A-Z][A-Za-z]+\(article|___")
ACTION_MARKDOWN = re.compile(r"before you run|predict|your turn|on paper|tick|write down|guess", re.IGNORECASE)


def cells_of(lesson: str) -> list[dict]:
    (path,) = (REPO / "notebooks").glob(f"{lesson}-*.ipynb")
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_point_ids_are_unique_and_name_their_lesson():
    ids = [p["id"] for p in POINTS]
    assert len(ids) == len(set(ids))
    assert all(p["id"].startswith(p["lesson"] + "-") for p in POINTS)


def test_every_bullet_of_the_notes_has_a_point():
    if not NOTES.is_file():
        pytest.skip(f"{NOTES} is not beside this clone (the points' own text is checked by the other tests)")
    bullets = [line[2:].strip() for line in NOTES.read_text(encoding="utf-8").splitlines() if line.startswith("- ")]
    sources = [p["source"] for p in POINTS]
    missing = [b[:60] for b in bullets if not any(b.startswith(s) for s in sources)]
    assert not missing, f"bullets of the notes with no point: {missing}"


@pytest.mark.parametrize("point", POINTS, ids=lambda p: p["id"])
def test_learners_find_it_before_a_cell_names_it(point):
    cells = cells_of(point["lesson"])
    ids = [c.get("id") for c in cells]
    assert point.get("found_in") in ids, f"{point['id']}: found_in {point.get('found_in')!r} is not a cell id"
    assert point.get("named_in") in ids, f"{point['id']}: named_in {point.get('named_in')!r} is not a cell id"
    found, named = ids.index(point["found_in"]), ids.index(point["named_in"])
    assert found <= named, f"{point['id']}: named in cell {named} before learners find it in cell {found}"
    cell = cells[found]
    source = "".join(cell["source"])
    pattern = ACTION_CODE if cell["cell_type"] == "code" else ACTION_MARKDOWN
    assert pattern.search(source), f"{point['id']}: cell {point['found_in']} asks nothing of the learner"
    if found == named:  # the learner's checked answer is where the finding is said (in its explanation)
        assert cell["cell_type"] == "code" and re.search(r"\b(check|ask)\(", source)
