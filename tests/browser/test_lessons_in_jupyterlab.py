"""Every lesson notebook in JupyterLab, in Chromium: Run All, then every cell, figure and widget as a learner sees it.

Run only these: ``.venv/bin/pytest tests/browser``; skip them: ``-m "not browser"``.
Screenshots go to ``test-artifacts/browser/`` (one per notebook, one per widget).
"""

from __future__ import annotations

import pytest

from . import lesson_checks
from .keys import widgets_in_notebook
from .server import REPO

pytestmark = pytest.mark.browser

LESSONS = sorted((REPO / "notebooks").glob("*.ipynb"))  # a new lesson is picked up by its file alone
WIDGET_USES = [(path, use) for path in LESSONS for use in widgets_in_notebook(path)]


@pytest.fixture
def lesson(notebook, open_notebooks):
    return open_notebooks.get(notebook, "JupyterLab")


def test_there_are_lessons_with_widgets():
    assert len(LESSONS) >= 5, LESSONS
    assert {use.kind for _, use in WIDGET_USES} >= {"quote-walkthrough", "number-hunt", "place-spotter", "exercise"}


@pytest.mark.parametrize("notebook", LESSONS, ids=lambda p: p.stem)
def test_every_code_cell_ran(lesson):
    lesson_checks.every_code_cell_ran(lesson)


@pytest.mark.parametrize("notebook", LESSONS, ids=lambda p: p.stem)
def test_no_error_output_outside_raises_exception_cells(lesson):
    lesson_checks.no_error_output_outside_raises_exception_cells(lesson)


@pytest.mark.parametrize("notebook", LESSONS, ids=lambda p: p.stem)
def test_every_widget_renders(lesson):
    lesson_checks.every_widget_renders(lesson)


@pytest.mark.parametrize("notebook", LESSONS, ids=lambda p: p.stem)
def test_every_figure_appears_as_an_image(lesson):
    lesson_checks.every_figure_appears_as_an_image(lesson)


@pytest.mark.parametrize(("notebook", "use"), WIDGET_USES, ids=[f"{p.stem}-{u.label}" for p, u in WIDGET_USES])
def test_widget_answers_right_and_wrong_and_steps(lesson, use, artifacts):
    lesson_checks.drive_widget(lesson, use, artifacts)
