"""Any article a teacher brings: every lesson notebook runs on every article, and check()
knows when its answer key is for another article than the one the notebook reads.

The contract: each lesson notebook's first code cell holds exactly one line
``ARTICLE = ...``; changing that value is all it takes to read another article.
tests/test_notebooks.py runs the notebooks on the seed article; this file runs
them on every other shipped article, on an English article of the development
set, and on a text file given by its path.
"""

import json
import re
import shutil
import sys
import tomllib

import nbformat
import pytest

import conflict_reading.article as article_module
from conflict_reading import check, hint, load_article
from conflict_reading.article import DEFAULT_ARTICLE, article_name, available_articles, current_article
from conflict_reading.exercises import ExerciseError, all_exercises, get_exercise
from conflict_reading.learner import progress

from .conftest import REPO
from .notebook_runner import execute, untagged_errors

LESSONS = sorted((REPO / "notebooks").glob("*.ipynb"))
SETTING_LINE = re.compile(r"^ARTICLE\s*=.*$", flags=re.MULTILINE)
OTHER_ARTICLES = [name for name in available_articles() if name != DEFAULT_ARTICLE]
ENGLISH_DEVSET = "congo-aid-convoy-attack"  # English, straight quotation marks, hand-annotated
PATH_SOURCE = REPO / "data" / "devset" / "patroli-perbatasan-malindo.txt"  # Indonesian; copied with no metadata
OTHER = OTHER_ARTICLES[0] if OTHER_ARTICLES else None


def _first_code_cell(notebook):
    return next(cell for cell in notebook.cells if cell.cell_type == "code")


# --- the shipped articles ----------------------------------------------------------------------

def test_the_kit_ships_articles_of_its_own_in_both_languages():
    languages = {load_article(name).language for name in OTHER_ARTICLES}
    assert {"id", "en"} <= languages, f"other articles: {OTHER_ARTICLES}"


@pytest.mark.parametrize("name", OTHER_ARTICLES)
def test_an_invented_article_says_so_and_is_a_real_practice_text(name):
    with open(REPO / "data" / "articles" / f"{name}.toml", "rb") as handle:
        metadata = tomllib.load(handle)
    assert metadata.get("invented") is True
    assert "not news" in metadata.get("note", "").lower()
    article = load_article(name)
    assert 350 <= article.word_count <= 700
    assert metadata.get("paragraphs") == len(article.paragraphs)
    assert "“" in article.text and "”" in article.text, "curly quotation marks, as the lessons teach them"
    translation = metadata.get("translation")
    if translation:
        lines = (REPO / "data" / "articles" / translation).resolve().read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(article.paragraphs)
        for number, line in enumerate(lines, start=1):
            for mark in "“”":
                assert line.count(mark) == article.paragraph(number).count(mark), (name, number, mark)


# --- the notebooks' one setting ------------------------------------------------------------------

@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_the_first_code_cell_holds_the_one_article_setting(path):
    notebook = nbformat.read(path, as_version=4)
    first = _first_code_cell(notebook)
    assert len(SETTING_LINE.findall(first.source)) == 1, f"{path.name}: the first code cell needs one ARTICLE = line"
    for cell in notebook.cells:
        if cell is not first and cell.cell_type == "code":
            assert not SETTING_LINE.search(cell.source), f"{path.name}: ARTICLE is set again in a later cell"


def _with_article(path, value):
    notebook = nbformat.read(path, as_version=4)
    first = _first_code_cell(notebook)
    first.source = SETTING_LINE.sub(lambda _: f"ARTICLE = {json.dumps(str(value))}", first.source, count=1)
    return notebook


def _shown_text(notebook) -> str:
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.append(output.get("data", {}).get("text/plain", ""))
    return "\n".join(parts)


def _run(path, value, tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICT_READING_PROGRESS", str(tmp_path / "progress.json"))
    notebook = execute(_with_article(path, value), path.parent, timeout=300)
    assert untagged_errors(notebook) == []
    return notebook


CASES = [(path, name) for name in OTHER_ARTICLES for path in LESSONS]


@pytest.mark.parametrize("path, name", CASES, ids=[f"{p.stem}-{n}" for p, n in CASES])
def test_every_lesson_runs_on_every_shipped_article(path, name, tmp_path, monkeypatch):
    notebook = _run(path, name, tmp_path, monkeypatch)
    assert f"<Article {name!r}" in _shown_text(notebook), "the notebook did not read the article it was given"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_lesson_runs_on_an_english_devset_article(path, tmp_path, monkeypatch):
    notebook = _run(path, REPO / "data" / "devset" / f"{ENGLISH_DEVSET}.txt", tmp_path, monkeypatch)
    assert f"<Article {ENGLISH_DEVSET!r}" in _shown_text(notebook)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_lesson_runs_on_a_text_file_given_by_its_path(path, tmp_path, monkeypatch):
    # A teacher's own file: no metadata, no translation, no annotation, outside the kit.
    text_file = tmp_path / "teachers-own-article.txt"
    shutil.copyfile(PATH_SOURCE, text_file)
    notebook = _run(path, text_file, tmp_path, monkeypatch)
    assert "<Article 'teachers-own-article'" in _shown_text(notebook)


# --- which article the notebook reads ----------------------------------------------------------

@pytest.fixture
def notebook_setting(monkeypatch):
    """Set ARTICLE as a notebook's first cell does: in the namespace of __main__."""

    def set_article(value):
        monkeypatch.setattr(sys.modules["__main__"], "ARTICLE", value, raising=False)

    monkeypatch.delattr(sys.modules["__main__"], "ARTICLE", raising=False)
    return set_article


def test_article_name_of_names_and_paths():
    assert article_name("koalisi-isis-roma") == "koalisi-isis-roma"
    assert article_name(REPO / "data" / "articles" / "koalisi-isis-roma.txt") == "koalisi-isis-roma"
    assert article_name("  ~/Downloads/my.article.TXT ") == "my.article"
    assert article_name("v1.2-draft") == "v1.2-draft"
    assert article_name(load_article("konvoi-bantuan-lembah-arsa")) == "konvoi-bantuan-lembah-arsa"
    assert [article_name(x) for x in (None, 25, "", "   ", ["a"])] == [None] * 5


def test_current_article_is_the_notebook_setting_not_the_last_article_loaded(notebook_setting):
    assert current_article() is None  # nothing loaded, nothing set
    load_article("prisoner-exchange-mirren-en")
    assert current_article() == "prisoner-exchange-mirren-en"  # a script: the article it loaded
    notebook_setting("koalisi-isis-roma")
    load_article("prisoner-exchange-mirren-en")  # a second article, loaded to compare
    assert current_article() == "koalisi-isis-roma"
    notebook_setting(str(REPO / "data" / "articles" / "konvoi-bantuan-lembah-arsa.txt"))
    assert current_article() == "konvoi-bantuan-lembah-arsa"
    notebook_setting(12345)  # not a setting the kit understands: fall back to the last loaded
    assert current_article() == "prisoner-exchange-mirren-en"


# --- check() on the seed article: as before; on another article: no verdict -------------------

EXERCISES = all_exercises()
DEPENDENT = [i for i, e in EXERCISES.items() if e.depends_on_article]
INDEPENDENT = [i for i, e in EXERCISES.items() if not e.depends_on_article]


def test_exercises_are_sorted_into_article_bound_and_general_ones():
    assert {"00-paragraphs", "02-speakers", "03-vague-words", "04-syria-mentions"} <= set(DEPENDENT)
    assert {"01-why-keep-verbs", "03-total-aid"} <= set(INDEPENDENT)
    # a key read from an article's annotation is about that article unless the definition says otherwise
    assert all(EXERCISES[i].depends_on_article for i in EXERCISES if EXERCISES[i].answer_from)


@pytest.mark.parametrize("exercise_id", DEPENDENT)
def test_on_the_seed_article_the_key_passes_and_a_wrong_answer_fails(exercise_id, notebook_setting):
    notebook_setting(DEFAULT_ARTICLE)
    load_article(OTHER)  # loading another article to compare changes nothing
    exercise = get_exercise(exercise_id)
    assert check(exercise_id, exercise.key_answer(), record=False).state == "pass"
    if exercise.wrong:
        feedback = check(exercise_id, exercise.wrong[0].answer, record=False)
        assert feedback.state == "fail" and feedback.message == exercise.wrong[0].message


@pytest.mark.parametrize("exercise_id", DEPENDENT)
def test_on_another_article_the_key_is_not_passed_but_explained(exercise_id, notebook_setting):
    notebook_setting(OTHER)
    exercise = get_exercise(exercise_id)
    for answer in [exercise.key_answer(), *(w.answer for w in exercise.wrong), "something else"]:
        feedback = check(exercise_id, answer)
        assert feedback.passed is False and feedback.state == "info", answer
        assert f"answer key is for the kit's article, {DEFAULT_ARTICLE}" in feedback.message
        assert f"your notebook reads {OTHER}" in feedback.message
        assert f'Set ARTICLE back to "{DEFAULT_ARTICLE}"' in feedback.message
        assert feedback.hint is None  # the hints are about the seed article's paragraphs
        assert feedback.message == check(exercise_id, "another answer entirely").message  # nothing about the answer
    assert progress().table.set_index("id").loc[exercise_id, "attempts"] == 0


def test_on_another_article_a_blank_is_still_not_answered(notebook_setting):
    notebook_setting(OTHER)
    feedback = check("00-paragraphs", ..., record=False)
    assert feedback.state == "info" and "not answered" in feedback.message.lower()


def test_a_right_reading_of_another_article_is_not_marked_wrong(notebook_setting):
    notebook_setting("konvoi-bantuan-lembah-arsa")
    paragraphs = len(load_article("konvoi-bantuan-lembah-arsa").paragraphs)
    feedback = check("00-paragraphs", paragraphs, record=False)
    assert feedback.state == "info" and "konvoi-bantuan-lembah-arsa" in feedback.message
    assert "Not yet" not in str(feedback)


def test_without_a_setting_the_article_loaded_last_decides(notebook_setting):
    load_article(OTHER)
    assert check("00-paragraphs", 25, record=False).state == "info"
    load_article(DEFAULT_ARTICLE)
    assert check("00-paragraphs", 25, record=False).state == "pass"


@pytest.mark.parametrize("exercise_id", INDEPENDENT)
def test_general_exercises_are_checked_on_any_article(exercise_id, notebook_setting):
    notebook_setting(OTHER)
    exercise = get_exercise(exercise_id)
    assert check(exercise_id, exercise.key_answer(), record=False).state == "pass"
    if exercise.wrong:
        assert check(exercise_id, exercise.wrong[0].answer, record=False).message == exercise.wrong[0].message


def test_a_hint_on_another_article_says_which_article_it_is_about(notebook_setting):
    notebook_setting(OTHER)
    assert f"about the kit's article, {DEFAULT_ARTICLE}" in hint("02-speakers").message
    notebook_setting(DEFAULT_ARTICLE)
    assert "about the kit's article" not in hint("02-speakers").message


def test_progress_counts_no_attempt_for_an_answer_it_could_not_judge(notebook_setting):
    notebook_setting(OTHER)
    check("00-paragraphs", 18)
    notebook_setting(DEFAULT_ARTICLE)
    check("00-paragraphs", 24)
    table = progress().table.set_index("id")
    assert table.loc["00-paragraphs", "attempts"] == 1
    assert table.loc["00-paragraphs", "status"] == "tried"


def test_depends_on_article_must_be_true_or_false(tmp_path, monkeypatch):
    folder = tmp_path / "exercises"
    folder.mkdir()
    (folder / "90-tiny.toml").write_text(
        'lesson = "90"\narticle = "tiny"\n[[exercise]]\nid = "90-x"\ntitle = "t"\nprompt = "p"\n'
        'kind = "number"\nanswer = 1\ndepends_on_article = "no"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("CONFLICT_READING_EXERCISES", str(folder))
    all_exercises.cache_clear()
    try:
        with pytest.raises(ExerciseError, match="depends_on_article must be true or false"):
            all_exercises()
        assert check("90-x", 1, record=False).state == "info"  # a broken definition: a note, no traceback
    finally:
        all_exercises.cache_clear()


def test_the_module_remembers_only_names(notebook_setting):
    load_article(OTHER)
    assert article_module._last_loaded == OTHER
