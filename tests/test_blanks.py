"""Fill-in-the-blank lines: the blank ___ says "fill me in" in one line, wherever a line uses it."""

import re
import types

import pytest

import conflict_reading.lesson as lesson
from conflict_reading.blanks import ___, Blank, BlankError, holds_blank, install, refuse_blanks
from conflict_reading.errors import KitError

from .tiny_notebook import errors, run_cells, shown_text

USES = {
    "add": lambda: ___ + 1,
    "added to": lambda: 1 + ___,
    "times": lambda: 3 * ___,
    "minus": lambda: -___,
    "equal": lambda: ___ == 3,
    "equal, other side": lambda: "x" == ___,
    "less than": lambda: ___ < 3,
    "call": lambda: ___(3),
    "index": lambda: ___[0],
    "index with": lambda: [1, 2, 3][___],
    "slice with": lambda: "abc"[:___],
    "loop": lambda: [w for w in ___],
    "list": lambda: list(___),
    "len": lambda: len(___),
    "in": lambda: "x" in ___,
    "str": lambda: str(___),
    "f-string": lambda: f"{___}",
    "print": lambda: print(___),
    "if": lambda: 1 if ___ else 0,
    "int": lambda: int(___),
    "round": lambda: round(___),
    "range": lambda: range(___),
    "method": lambda: ___.most_common(3),
    "set attribute": lambda: setattr(___, "x", 1),
    "most_common": lambda: __import__("collections").Counter("aab").most_common(___),
    "sorted key": lambda: sorted([2, 1], key=___),
}


@pytest.mark.parametrize("use", USES.values(), ids=USES.keys())
def test_every_use_of_the_blank_is_one_line_asking_to_fill_it_in(use):
    with pytest.raises(BlankError) as caught:
        use()
    error = caught.value
    assert isinstance(error, KitError)
    [line] = error._render_traceback_()
    assert line.startswith("⚠ Fill in the blank ___ first") and "\n" not in line


def test_the_blank_shows_itself_and_can_be_looked_at_without_failing():
    assert repr(___) == "___" and repr([___, 1]) == "[___, 1]"
    assert {___: 1}[___] == 1  # hashable by identity: IPython keeps it in its tables
    assert not hasattr(___, "_repr_html_") and not hasattr(___, "most_common")
    assert ___ is not None and isinstance(___, Blank)


def test_holds_blank_looks_one_level_down_by_identity_only():
    assert holds_blank(___) and holds_blank([1, ___]) and holds_blank(("a", ___)) and holds_blank({"k": ___})
    assert not holds_blank("___") and not holds_blank([1, 2]) and not holds_blank([[___]])
    assert not holds_blank(None)


def test_a_blank_passed_to_a_lesson_function_names_the_function():
    for function, args in [(lesson.find_quotes, (___,)), (lesson.load_article, (___,)), (lesson.start, (___,)),
                           (lesson.hint, (___,)), (lesson.reflect, ("05-reflection", ___))]:
        with pytest.raises(BlankError, match=rf"replace it with what {function.__name__}\(\) needs"):
            function(*args)


def test_lesson_functions_still_work_and_keep_their_names_and_help():
    assert lesson.find_quotes.__name__ == "find_quotes" and "quot" in lesson.find_quotes.__doc__.lower()
    assert lesson.load_article("koalisi-isis-roma").name == "koalisi-isis-roma"
    assert lesson.check is __import__("conflict_reading").check  # check() answers "Not answered yet" itself


def test_refuse_blanks_looks_at_keywords_too():
    @refuse_blanks
    def words(lower=False):
        return lower

    assert words(lower=True) is True
    with pytest.raises(BlankError):
        words(lower=___)


def test_install_leaves_another_custom_handler_alone_and_needs_ipython():
    other = types.SimpleNamespace(custom_exceptions=(ValueError,))
    assert install(other) is False
    assert install() is False  # no IPython running in the tests


# --- in a kernel --------------------------------------------------------------------------------

NOTEBOOK = {
    "setting": 'ARTICLE = "koalisi-isis-roma"',
    "start": "from conflict_reading.lesson import *\narticle = start(ARTICLE)\nfrom collections import Counter",
    "value blank": "top = article.words(lower=True)\ncounts = Counter(top).most_common(___)",
    "attribute blank": "article.___",
    "keyword blank": "article.words(___=True)",
    "operator blank": 'if len(article.paragraphs) ___ 20:\n    print("long")',
    "import blank": "from collections import ___",
    "printed blank": "print(___)",
    "zero division": "1 / 0",
    "no such attribute": "article.no_such_thing",
    "syntax error": "def f(:\n    pass",
    "typo": "print(countz)",
    "made in another cell": "print(made_later)",
    "maker": "if False:\n    made_later = 5",
    "out 1": "1",
    "out 2": "2",
    "history": "print(_, __, repr(___))",
    "assigned": "___ = 5",
    "after assigning": "print(repr(___))",
    "started twice": "article = start(ARTICLE)\nfrom conflict_reading import blanks\n"
                     "print(sum(getattr(c, 'func', None) is blanks._keep_the_blank "
                     "for c in get_ipython().events.callbacks['post_run_cell']))",
}


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    with pytest.MonkeyPatch.context() as monkeypatch:
        notebook = run_cells(list(NOTEBOOK.values()), tmp_path_factory.mktemp("blanks"), monkeypatch,
                             save_as="lesson.ipynb")
    return dict(zip(NOTEBOOK, notebook.cells))


def one_line(cell) -> str:
    [error] = errors(cell)
    assert len(error["traceback"]) == 1, error["traceback"]
    return error["traceback"][0]


@pytest.mark.parametrize("name, line", [
    ("value blank", "counts = Counter(top).most_common(___)"),
    ("attribute blank", "article.___"),
    ("keyword blank", "article.words(___=True)"),
    ("operator blank", "if len(article.paragraphs) ___ 20:"),
    ("import blank", "from collections import ___"),
    ("printed blank", "print(___)"),
])
def test_a_blank_in_a_cell_is_one_line_naming_the_line(ran, name, line):
    assert one_line(ran[name]) == f"⚠ Fill in the blank ___ on this line first: {line}"
    assert not shown_text(ran[name]).strip()


@pytest.mark.parametrize("name, error_name", [
    ("zero division", "ZeroDivisionError"), ("no such attribute", "AttributeError"), ("typo", "NameError"),
])
def test_other_errors_keep_their_traceback(ran, name, error_name):
    [error] = errors(ran[name])
    assert error["ename"] == error_name
    assert len(error["traceback"]) > 1
    assert not any("Fill in the blank" in line or "Run the cells above" in line for line in error["traceback"])


def test_a_syntax_error_without_a_blank_is_shown_as_python_shows_it(ran):
    [error] = errors(ran["syntax error"])
    assert error["ename"] == "SyntaxError"
    text = re.sub(r"\x1b\[[0-9;]*m", "", "\n".join(error["traceback"]))
    assert "def f(:" in text and "⚠" not in text


def test_a_name_an_earlier_cell_makes_says_to_run_the_cells_above(ran):
    assert one_line(ran["made in another cell"]) == (
        "⚠ Run the cells above first: `made_later` is made there, in the cell that begins “if False:”.")


def test_ipython_output_history_still_works_and_the_blank_stays_the_blank(ran):
    assert shown_text(ran["history"]).split() == ["2", "1", "___"]
    assert shown_text(ran["after assigning"]).strip() == "___"


def test_starting_twice_registers_the_handler_once(ran):
    assert not errors(ran["started twice"])
    assert shown_text(ran["started twice"]).strip() == "1"


def test_without_the_notebook_file_a_missing_name_still_gets_one_line(tmp_path, monkeypatch):
    cells = ["from conflict_reading.lesson import *\narticle = start()\ncounts = 3", "print(countz)"]
    notebook = run_cells(cells, tmp_path, monkeypatch)
    assert one_line(notebook.cells[1]) == (
        "⚠ `countz` is not made yet: run the cells above first (Run ▸ Run All Above Selected Cell), "
        "or check the spelling (did you mean `counts`?).")


# --- check() ------------------------------------------------------------------------------------

@pytest.mark.parametrize("answer", [___, [___], ["Blinken", ___], {"speaker": ___}], ids=repr)
def test_check_takes_an_unfilled_blank_as_not_answered_yet(answer):
    from conflict_reading import check
    from conflict_reading.learner import progress_table

    feedback = check("00-paragraphs", answer)
    assert not feedback.passed and feedback.state == "info"
    assert feedback.message.startswith("Not answered yet")
    row = progress_table().set_index("id").loc["00-paragraphs"]
    assert row["attempts"] == 0 and row["status"] == "not tried"


def test_the_not_answered_message_names_the_blank_the_learner_left():
    from conflict_reading import check
    from conflict_reading.blanks import ___

    assert "replace the blank ___ with your answer" in check("00-paragraphs", ___, record=False).message
    assert "replace the ... with your answer" in check("00-paragraphs", ..., record=False).message
