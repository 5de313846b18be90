"""Run a few cells in a real kernel, as a learner's notebook would, and read what each showed:
``run_cells(["x = 1", "x + 1"], tmp_path, monkeypatch).cells[1].outputs``.
"""

from __future__ import annotations

import os
from pathlib import Path

import nbformat

from .notebook_runner import execute

REPO = Path(__file__).resolve().parent.parent


def notebook_of(cells: list[str]) -> nbformat.NotebookNode:
    """A notebook of code cells; every cell may raise (its error is kept as an output, the run goes on)."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells = [nbformat.v4.new_code_cell(source, metadata={"tags": ["raises-exception"]}) for source in cells]
    return notebook


def run_cells(cells: list[str], folder: Path, monkeypatch, save_as: str | None = None) -> nbformat.NotebookNode:
    """Execute ``cells`` in ``folder`` with the kit of this checkout (not an installed copy).

    ``save_as`` writes the notebook there first and tells the kernel it is that notebook, as
    JupyterLab does (``JPY_SESSION_NAME``).
    """
    notebook = notebook_of(cells)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    monkeypatch.setenv("CONFLICT_READING_PROGRESS", str(folder / "progress.json"))
    if save_as:
        nbformat.write(notebook, folder / save_as)
        monkeypatch.setenv("JPY_SESSION_NAME", str(folder / save_as))
    else:
        monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    return execute(notebook, folder)


def errors(cell) -> list[dict]:
    return [o for o in cell.outputs if o.get("output_type") == "error"]


def shown_text(cell) -> str:
    """Everything a cell printed or showed as plain text (errors apart)."""
    parts = []
    for output in cell.outputs:
        if output.get("output_type") == "stream":
            parts.append(output.get("text", ""))
        elif "data" in output:
            parts.append(output["data"].get("text/plain", ""))
    return "".join(parts)
