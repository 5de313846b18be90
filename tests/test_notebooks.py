"""Every notebook runs top to bottom, headless, and is committed without outputs."""

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from .conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb")) + sorted((REPO / "exercises").glob("*.ipynb"))


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def test_there_are_notebooks():
    names = {p.name for p in NOTEBOOKS}
    assert {"00-start.ipynb", "01-the-article-in-pandas.ipynb"} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_id)
def test_notebook_runs_top_to_bottom(path):
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()  # raises CellExecutionError, naming the cell, unless tagged raises-exception
    errors = [
        cell.source.splitlines()[0] if cell.source else "(empty)"
        for cell in notebook.cells
        if cell.cell_type == "code"
        and any(o.get("output_type") == "error" for o in cell.get("outputs", []))
        and "raises-exception" not in cell.metadata.get("tags", [])
    ]
    assert errors == []


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
