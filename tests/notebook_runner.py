"""Run a notebook headless, as "Restart & Run All" would, and read what it showed."""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

FEEDBACK_MIME = "application/vnd.conflict-reading.feedback+json"


def execute(notebook: nbformat.NotebookNode, folder: Path, timeout: int = 180) -> nbformat.NotebookNode:
    """Execute in ``folder``; raises CellExecutionError (naming the cell) unless tagged raises-exception."""
    NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}}).execute()
    return notebook


def untagged_errors(notebook: nbformat.NotebookNode) -> list[str]:
    return [
        cell.source.splitlines()[0] if cell.source else "(empty)"
        for cell in notebook.cells
        if cell.cell_type == "code"
        and any(o.get("output_type") == "error" for o in cell.get("outputs", []))
        and "raises-exception" not in cell.metadata.get("tags", [])
    ]


def feedback_by_exercise(notebook: nbformat.NotebookNode) -> dict[str, list[dict]]:
    """The Feedback each exercise cell displayed, by exercise id."""
    shown = {}
    for cell in notebook.cells:
        exercise = cell.get("metadata", {}).get("exercise")
        if cell.cell_type != "code" or not exercise:
            continue
        shown[exercise] = [o["data"][FEEDBACK_MIME] for o in cell.get("outputs", []) if FEEDBACK_MIME in o.get("data", {})]
    return shown
