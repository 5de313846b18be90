"""Every notebook runs top to bottom, headless, and is committed without outputs."""

from pathlib import Path

import nbformat
import pytest

from .conftest import REPO
from .notebook_runner import execute, untagged_errors

LESSONS = sorted((REPO / "notebooks").glob("*.ipynb"))
# The practice notebooks in exercises/ are run (blank and with solutions) by test_exercise_notebooks.py.
NOTEBOOKS = LESSONS + sorted((REPO / "exercises").glob("*.ipynb"))


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def test_there_are_notebooks():
    names = {p.name for p in NOTEBOOKS}
    assert {"00-start.ipynb", "01-the-article-in-pandas.ipynb"} <= names


@pytest.mark.parametrize("path", LESSONS, ids=_id)
def test_notebook_runs_top_to_bottom(path, tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICT_READING_PROGRESS", str(tmp_path / "progress.json"))
    notebook = execute(nbformat.read(path, as_version=4), path.parent)
    assert untagged_errors(notebook) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_id)
def test_notebook_is_saved_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    dirty = [
        index
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count"))
    ]
    assert dirty == [], f"{_id(path)}: cells {dirty} hold outputs; clear them before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_id)
def test_notebook_is_valid_and_uses_the_python3_kernel(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata["kernelspec"]["name"] == "python3"
