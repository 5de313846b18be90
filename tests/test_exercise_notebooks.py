"""The practice notebooks: in step with their definitions; blank, every check fails
gracefully; with solutions, every check passes (after Restart & Run All)."""

import nbformat
import pytest

from conflict_reading.exercise_notebooks import build_notebook, definition_files, notebook_path
from conflict_reading.exercises import all_exercises

from .notebook_runner import execute, feedback_by_exercise, untagged_errors

DEFINITIONS = definition_files()


def _ids(path):
    return path.stem


def _exercise_ids(definition):
    return [e.id for e in all_exercises().values() if e.lesson == definition.stem[:2]]


@pytest.fixture(autouse=True)
def private_progress(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICT_READING_PROGRESS", str(tmp_path / "progress.json"))


@pytest.mark.parametrize("definition", DEFINITIONS, ids=_ids)
def test_committed_notebook_is_built_from_its_definitions(definition):
    committed = nbformat.read(notebook_path(definition), as_version=4)
    built = build_notebook(definition)
    assert [(c.cell_type, c.source) for c in committed.cells] == [(c.cell_type, c.source) for c in built.cells], (
        f"{notebook_path(definition).name} is out of date: run "
        "'.venv/bin/python -m conflict_reading.exercise_notebooks' and commit the result"
    )


@pytest.mark.parametrize("definition", DEFINITIONS, ids=_ids)
def test_blank_notebook_fails_every_check_gracefully(definition):
    notebook = execute(nbformat.read(notebook_path(definition), as_version=4), definition.parent)
    assert untagged_errors(notebook) == []
    shown = feedback_by_exercise(notebook)
    assert sorted(shown) == sorted(_exercise_ids(definition))
    for exercise, feedback in shown.items():
        assert len(feedback) == 1, exercise
        assert feedback[0]["passed"] is False, exercise
        assert feedback[0]["state"] == "info", f"{exercise}: a blank answer should read 'not answered yet'"


@pytest.mark.parametrize("definition", DEFINITIONS, ids=_ids)
def test_solutions_notebook_passes_every_check(definition, tmp_path):
    notebook = execute(build_notebook(definition, solutions=True), tmp_path)
    assert untagged_errors(notebook) == []
    shown = feedback_by_exercise(notebook)
    assert sorted(shown) == sorted(_exercise_ids(definition))
    failed = [exercise for exercise, feedback in shown.items() if [f["passed"] for f in feedback] != [True]]
    assert failed == []


def test_every_exercise_has_a_solution_and_hints():
    for exercise in all_exercises().values():
        assert exercise.solution.startswith("answer ="), exercise.id
        assert exercise.hints, exercise.id
