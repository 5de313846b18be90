"""Build the practice notebooks in ``exercises/`` from the exercise definitions.

One source, two outputs: ``exercises/NN-*.toml`` defines the exercises; from it
this module writes the learner's notebook ``exercises/NN-*.ipynb`` (answer cells
hold ``...``) and, on demand, a solutions notebook (answer cells hold the
solution), which the tests run to prove every check passes.

    python -m conflict_reading.exercise_notebooks            # rewrite exercises/*.ipynb
    python -m conflict_reading.exercise_notebooks --solutions build/solutions
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

import nbformat

from .exercises import all_exercises
from .paths import exercises_dir

BLANK_LINE = "answer = ...  # replace ... with your answer"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def _lesson(path: Path) -> dict:
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def build_notebook(definition_path: Path, solutions: bool = False) -> nbformat.NotebookNode:
    """The practice notebook for one lesson's definitions (blank, or with solutions)."""
    lesson = _lesson(definition_path)
    exercises = [all_exercises()[entry["id"]] for entry in lesson.get("exercise", [])]
    article = lesson.get("article", "koalisi-isis-roma")
    cells = [
        nbformat.v4.new_markdown_cell(
            f"# Practice: {lesson.get('title', definition_path.stem)}"
            + (" (solutions)" if solutions else "")
            + "\n\nEach exercise has one code cell: replace the `...` with your answer (a value, or code that"
            " computes it), then run the cell. `check(...)` tells you whether it is right and, if not, why."
            " Stuck? Run `hint(\"exercise-id\")` in a new cell for a nudge; run it again for a stronger one."
            " Your attempts are saved in `my-progress/` in the kit's folder; `progress()` at the end shows them.",
            id="intro",
        ),
        nbformat.v4.new_code_cell(
            f'ARTICLE = "{article}"  # the article these exercises are about\n'
            "from conflict_reading.lesson import *\n"
            "article = start(ARTICLE)",
            id="setup",
        ),
    ]
    if lesson.get("setup"):  # the tables the exercises use: code to run, not to read
        cells.append(nbformat.v4.new_markdown_cell(
            "The next cell makes the tables these exercises use (the code is folded: click the three dots to "
            "open it). Run it.", id="tables-note"))
        tables = nbformat.v4.new_code_cell(
            "# Make the tables the exercises below use.\n" + lesson["setup"].strip(), id="tables")
        tables.metadata["jupyter"] = {"source_hidden": True}
        cells.append(tables)
    for number, exercise in enumerate(exercises, start=1):
        options = ""
        if exercise.options:
            options = "\n\n" + "\n\n".join(
                f"{chr(ord('a') + i)}) {option}" for i, option in enumerate(exercise.options)
            ) + "\n\n*Give the option's text or its letter.*"
        cells.append(nbformat.v4.new_markdown_cell(
            f"## {number}. {exercise.title}\n\n{exercise.prompt}{options}", id=f"{exercise.id}-prompt"
        ))
        answer_line = exercise.solution if solutions and exercise.solution else BLANK_LINE
        cell = nbformat.v4.new_code_cell(f'{answer_line}\ncheck("{exercise.id}", answer)', id=f"{exercise.id}-answer")
        cell.metadata["tags"] = ["exercise"]
        cell.metadata["exercise"] = exercise.id
        cells.append(cell)
    cells.append(nbformat.v4.new_markdown_cell("## Your progress", id="progress-heading"))
    cells.append(nbformat.v4.new_code_cell("progress()", id="progress"))
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = KERNELSPEC
    notebook.metadata["language_info"] = {"name": "python"}
    return notebook


def definition_files() -> list[Path]:
    return sorted(exercises_dir().glob("*.toml"))


def notebook_path(definition_path: Path, folder: Path | None = None) -> Path:
    return (folder or definition_path.parent) / f"{definition_path.stem}.ipynb"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m conflict_reading.exercise_notebooks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--solutions", type=Path, help="write the solutions notebooks into this folder instead")
    args = parser.parse_args(argv)
    for definition in definition_files():
        folder = args.solutions
        if folder:
            folder.mkdir(parents=True, exist_ok=True)
        path = notebook_path(definition, folder)
        nbformat.write(build_notebook(definition, solutions=bool(folder)), path)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
