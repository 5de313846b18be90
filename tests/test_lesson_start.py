"""A lesson starts in one short cell: ``from conflict_reading.lesson import *`` and ``start(ARTICLE)``."""

import re
from pathlib import Path

import matplotlib
import pandas as pd
import pytest

import conflict_reading.lesson as lesson
from conflict_reading import presenter_mode
from conflict_reading.errors import ArticleError, KitError

from .tiny_notebook import errors, run_cells, shown_text

LESSON_SOURCE = Path(lesson.__file__).read_text(encoding="utf-8")


def test_star_import_gives_exactly_the_curated_names():
    namespace = {}
    exec("from conflict_reading.lesson import *", namespace)
    assert set(namespace) - {"__builtins__"} == set(lesson.__all__)
    assert len(lesson.__all__) == len(set(lesson.__all__)), "a name is listed twice"
    for name in ["start", "check", "hint", "progress", "reflect", "ask", "load_article", "presenter_mode",
                 "find_quotes", "find_numbers", "find_places", "glossary", "translation", "pd", "plt",
                 "highlight_quotes", "NumberHunt", "RoleSorter", "ReflectionBox"]:
        assert name in namespace, name
    assert namespace["pd"] is pd


def test_every_lesson_has_its_own_empty_block_in_order():
    markers = re.findall(r"^# --- lesson (\d\d) ---$", LESSON_SOURCE, flags=re.M)
    lessons = sorted({path.name[:2] for path in (Path(lesson.__file__).parents[1] / "notebooks").glob("*.ipynb")})
    assert markers == lessons, "one block per lesson notebook, in the order of the lessons"


@pytest.fixture
def settings_restored():
    colwidth, font = pd.get_option("display.max_colwidth"), matplotlib.rcParams["font.size"]
    yield
    presenter_mode(False)
    pd.set_option("display.max_colwidth", colwidth)
    matplotlib.rcParams["font.size"] = font


def test_start_loads_the_article_and_applies_the_lesson_settings(settings_restored):
    pd.set_option("display.max_colwidth", 50)
    matplotlib.rcParams["font.size"] = 9
    article = lesson.start("koalisi-isis-roma")
    assert article.name == "koalisi-isis-roma" and len(article.paragraphs) == 25
    assert pd.get_option("display.max_colwidth") == lesson.MAX_COLWIDTH == 100
    assert matplotlib.rcParams["font.size"] == lesson.FONT_SIZE == 13


def test_start_leaves_presenter_sizes_alone(settings_restored):
    presenter_mode(True)
    lesson.start("koalisi-isis-roma")
    assert matplotlib.rcParams["font.size"] > lesson.FONT_SIZE


@pytest.mark.parametrize("setting", [25, None, "no-such-article", ""])
def test_a_bad_article_setting_is_one_clear_line(setting):
    with pytest.raises(ArticleError) as caught:
        lesson.start(setting)
    assert isinstance(caught.value, KitError)
    assert "\n" not in caught.value.one_line()


def test_a_tiny_lesson_starts_in_a_kernel(tmp_path, monkeypatch):
    cells = [
        'ARTICLE = "koalisi-isis-roma"',
        "from conflict_reading.lesson import *\narticle = start(ARTICLE)",
        'print(article.name, len(article.paragraphs), pd.get_option("display.max_colwidth"), plt.rcParams["font.size"])',
        'ARTICLE = "no-such-article"\narticle = start(ARTICLE)',
    ]
    assert all(len(cell.splitlines()) <= 3 for cell in cells)
    notebook = run_cells(cells, tmp_path, monkeypatch)
    start_cell, shown, bad = notebook.cells[1], notebook.cells[2], notebook.cells[3]
    assert not errors(start_cell)
    assert shown_text(shown).split() == ["koalisi-isis-roma", "25", "100", "13.0"]
    [error] = errors(bad)
    assert error["ename"] == "ArticleError"
    assert len(error["traceback"]) == 1 and error["traceback"][0].startswith("⚠ ")
    assert "no-such-article" in error["traceback"][0]


def test_no_lesson_block_takes_a_name_another_block_or_the_common_list_gives():
    # two blocks exporting one name: the later import silently replaces the earlier lesson's function
    import ast
    import collections

    import conflict_reading.lesson as lesson

    tree = ast.parse(open(lesson.__file__, encoding="utf-8").read())
    exported = collections.Counter()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
                exported.update(element.value for element in node.value.elts)
    twice = sorted(name for name, count in exported.items() if count > 1)
    assert twice == [], f"names exported by more than one block of lesson.py: {twice}"
    assert set(exported) == set(lesson.__all__)
