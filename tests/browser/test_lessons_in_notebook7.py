"""The classic interface teachers know, Notebook 7 (``/tree/...``), in Chromium: the first lesson and one
lesson full of widgets run to the end, every widget is drawn, and every widget answers a right and a wrong answer.

Notebook 7 is a dependency of the kit (pyproject.toml), so it is always there to test.
"""

from __future__ import annotations

import pytest

from . import lesson_checks
from .keys import widgets_in_notebook
from .server import REPO

pytestmark = pytest.mark.browser

LESSONS = [REPO / "notebooks" / "00-start.ipynb", REPO / "notebooks" / "02-who-speaks.ipynb"]
WIDGET_USES = [(path, use) for path in LESSONS for use in widgets_in_notebook(path)]


@pytest.fixture
def lesson(notebook, open_notebooks):
    return open_notebooks.get(notebook, "Notebook 7")


def test_notebook_7_is_installed():
    import notebook

    assert int(notebook.__version__.split(".")[0]) >= 7, notebook.__version__


@pytest.mark.parametrize("notebook", LESSONS, ids=lambda p: p.stem)
def test_every_code_cell_ran(lesson):
    assert "/notebooks/" in lesson.page.url, lesson.where(f"not the Notebook 7 interface: {lesson.page.url}")
    lesson_checks.every_code_cell_ran(lesson)


@pytest.mark.parametrize("notebook", LESSONS, ids=lambda p: p.stem)
def test_no_error_output_outside_raises_exception_cells(lesson):
    lesson_checks.no_error_output_outside_raises_exception_cells(lesson)


@pytest.mark.parametrize("notebook", LESSONS, ids=lambda p: p.stem)
def test_every_widget_renders(lesson):
    lesson_checks.every_widget_renders(lesson)


@pytest.mark.parametrize(("notebook", "use"), WIDGET_USES, ids=[f"{p.stem}-{u.label}" for p, u in WIDGET_USES])
def test_widget_answers_right_and_wrong_and_steps(lesson, use, artifacts):
    lesson_checks.drive_widget(lesson, use, artifacts)
