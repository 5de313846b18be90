"""The answer checks: every exercise's key passes, blanks and wrong answers get kind words,
solutions stay hidden, and the learner's progress is shown back to them."""

import html
import json
import math
import re

import numpy as np
import pandas as pd
import pytest

from conflict_reading.answers import normalize_text
from conflict_reading.checks import check, exercises, hint, instructor_mode, solution
from conflict_reading.exercises import ExerciseError, all_exercises, answer_from_annotation, get_exercise
from conflict_reading.feedback import Feedback
from conflict_reading.learner import progress
from conflict_reading.progress import ProgressStore


def progress_path(tmp_path):
    return tmp_path / "progress.json"


# --- every exercise the kit ships ---------------------------------------------------------

EXERCISES = all_exercises()  # discovered at collection time
IDS = list(EXERCISES)
RIGHT = [(i, EXERCISES[i].key_answer()) for i in IDS] + [(i, a) for i in IDS for a in EXERCISES[i].accept]
WRONG = [(i, n) for i in IDS for n in range(len(EXERCISES[i].wrong))]
BLANKS = [None, ..., "", "   ", float("nan"), [], "..."]


def test_the_kit_ships_exercises():
    assert len(IDS) >= 7
    assert {"00-paragraphs", "00-lead-missing", "01-top-names"} <= set(IDS)


@pytest.mark.parametrize("exercise_id, answer", RIGHT, ids=[f"{i}-{a!r}"[:60] for i, a in RIGHT])
def test_key_and_accepted_answers_pass(exercise_id, answer):
    feedback = check(exercise_id, answer, record=False)
    assert isinstance(feedback, Feedback)
    assert feedback.passed is True, feedback.message
    assert feedback.state == "pass"
    assert feedback.message.startswith("Correct")


@pytest.mark.parametrize("exercise_id", IDS)
@pytest.mark.parametrize("blank", BLANKS, ids=["None", "Ellipsis", "empty", "spaces", "nan", "[]", "dots"])
def test_blank_answers_are_not_answered_yet(exercise_id, blank):
    feedback = check(exercise_id, blank, record=False)
    assert feedback.passed is False
    assert feedback.state == "info"
    assert "not answered" in feedback.message.lower()


@pytest.mark.parametrize("exercise_id, index", WRONG, ids=[f"{i}-wrong{n}" for i, n in WRONG])
def test_each_predictable_wrong_answer_gets_its_own_message(exercise_id, index):
    wrong = EXERCISES[exercise_id].wrong[index]
    feedback = check(exercise_id, wrong.answer, record=False)
    assert feedback.passed is False
    assert feedback.state == "fail"
    assert feedback.message == wrong.message


def _key_words(exercise):
    key = exercise.key_answer()
    items = key if isinstance(key, list) else [key]
    return [item for item in items if isinstance(item, str)]


def _contains_word(text, word):
    return re.search(r"(?<!\w)" + re.escape(normalize_text(word)) + r"(?!\w)", normalize_text(text)) is not None


@pytest.mark.parametrize("exercise_id, index", WRONG, ids=[f"{i}-wrong{n}" for i, n in WRONG])
def test_targeted_messages_do_not_give_away_the_key(exercise_id, index):
    exercise = EXERCISES[exercise_id]
    wrong = exercise.wrong[index]
    given = wrong.answer if isinstance(wrong.answer, list) else [wrong.answer]
    key = exercise.key_answer()
    for word in _key_words(exercise):
        if any(isinstance(g, str) and normalize_text(g) == normalize_text(word) for g in given):
            continue  # the learner named it themselves
        assert not _contains_word(wrong.message, word), f"{wrong.message!r} names the answer {word!r}"
    if isinstance(key, (int, float)) and not isinstance(key, bool):
        digits = str(int(key)) if float(key).is_integer() else str(key)
        assert not re.search(rf"\b{re.escape(digits)}\b", wrong.message), wrong.message


@pytest.mark.parametrize("exercise_id", IDS)
def test_solution_is_hidden_unless_instructor_mode(exercise_id):
    exercise = EXERCISES[exercise_id]
    assert instructor_mode() is False
    hidden = solution(exercise_id)
    assert hidden.passed is False
    assert hidden.state == "info"
    key = exercise.key_answer()
    for item in key if isinstance(key, list) else [key]:
        assert str(item) not in hidden.message
    if exercise.solution:
        assert exercise.solution not in hidden.message
    assert "instructor" in hidden.message.lower()

    instructor_mode(True)
    shown = solution(exercise_id)
    assert shown.passed is True
    assert (exercise.solution or str(key)) in shown.message

    instructor_mode(False)
    assert str(key) not in solution(exercise_id).message


def test_instructor_mode_follows_the_environment_variable(monkeypatch):
    assert solution("00-paragraphs").message.startswith("Solutions are shown in instructor mode only")
    monkeypatch.setenv("CONFLICT_READING_INSTRUCTOR", "yes")
    assert instructor_mode() is True
    assert "len(article.paragraphs)" in solution("00-paragraphs").message
    instructor_mode(False)  # an explicit choice wins over the variable
    assert "len(article.paragraphs)" not in solution("00-paragraphs").message


# --- hand-written reasonable forms ---------------------------------------------------------

@pytest.mark.parametrize("answer", [25, "25", " 25 ", 25.0, "dua puluh lima", "twenty-five", "Dua Puluh Lima",
                                    np.int64(25), np.float64(25.0)])
def test_paragraphs_accepts_every_form_of_25(answer):
    assert check("00-paragraphs", answer, record=False).passed is True


def test_paragraphs_rejects_24_with_the_counting_from_zero_message():
    feedback = check("00-paragraphs", 24, record=False)
    assert feedback.passed is False
    assert "count from 0" in feedback.message


@pytest.mark.parametrize("answer", [250, "250", "2,5"])
def test_paragraphs_scale_slips_are_named(answer):
    feedback = check("00-paragraphs", answer, record=False)
    assert feedback.passed is False
    assert "10 times" in feedback.message
    assert ("too large" if answer != "2,5" else "too small") in feedback.message


def test_paragraphs_rejects_words_with_a_reason():
    feedback = check("00-paragraphs", "abc", record=False)
    assert feedback.passed is False
    assert feedback.state == "fail"
    assert "number" in feedback.message.lower()


@pytest.mark.parametrize("answer", ["abc", float("inf"), True, [1, 2]])
def test_number_advice_does_not_quote_the_key(answer):
    # BUG: the generic "could not read a number" advice gives "like 25" as its example,
    # which is the answer to 00-paragraphs.
    feedback = check("00-paragraphs", answer, record=False)
    assert feedback.passed is False
    assert not re.search(r"\b25\b", feedback.message), feedback.message


def test_a_negative_number_is_not_the_count():
    # BUG: number_values drops the minus sign, so "-25" is read as 25.
    assert check("00-paragraphs", "-25", record=False).passed is False
    assert check("00-paragraphs", -25, record=False).passed is False


@pytest.mark.parametrize("answer", ["In which city the meeting was held.", "in which city the meeting was held",
                                    "  IN WHICH CITY THE MEETING WAS HELD ", "d", "D)", "d.", "where", "the city"])
def test_choice_accepts_option_letter_text_and_alias(answer):
    assert check("00-lead-missing", answer, record=False).passed is True


def test_choice_outside_the_options_says_so():
    feedback = check("00-lead-missing", "Javanese", record=False)
    assert feedback.passed is False
    assert "not one of the options" in feedback.message
    assert "city" not in feedback.message


def test_a_number_for_a_words_question_is_explained():
    feedback = check("00-lead-missing", 3, record=False)
    assert feedback.passed is False
    assert "words, not a number" in feedback.message


def test_choice_letter_b_picks_the_second_option():
    assert check("01-why-keep-verbs", "b", record=False).passed is True
    assert check("01-why-keep-verbs", "B)", record=False).passed is True
    feedback = check("01-why-keep-verbs", "a", record=False)
    assert feedback.passed is False
    assert "Rarity is not why" in feedback.message


@pytest.mark.parametrize(
    "answer",
    [["suriah", "ISIS"], "ISIS, Suriah", ("Suriah", "ISIS"), pd.Series(["ISIS", "Suriah"]), "ISIS; Suriah",
     "ISIS\nSuriah", {"ISIS", "Suriah"}, pd.DataFrame({"word": ["Suriah", "ISIS"], "count": [19, 19]})],
    ids=["list", "comma-text", "tuple", "series", "semicolons", "lines", "set", "dataframe"],
)
def test_top_names_accepts_every_container(answer):
    assert check("01-top-names", answer, record=False).passed is True


@pytest.mark.parametrize(
    "answer",
    [pd.Series({"ISIS": 19, "Suriah": 19}), [("ISIS", 19), ("Suriah", 19)]],
    ids=["value_counts-series", "most_common-pairs"],
)
def test_top_names_accepts_counted_words_as_pandas_and_nltk_give_them(answer):
    # BUG: a value_counts() Series (names in the index) and FreqDist.most_common(2)
    # (word, count) pairs, the outputs this lesson teaches, are scored "0 of 2 right".
    assert check("01-top-names", answer, record=False).passed is True


def test_top_names_partial_answer_counts_without_naming_the_missing_item():
    feedback = check("01-top-names", ["ISIS"], record=False)
    assert feedback.passed is False
    assert "1 of your 1" in feedback.message
    assert "1 is still missing" in feedback.message
    assert "suriah" not in feedback.message.lower()


def test_top_names_extra_item_is_counted():
    feedback = check("01-top-names", ["ISIS", "Suriah", "Amerika"], record=False)
    assert feedback.passed is False
    assert "2 of your 3" in feedback.message
    assert "1 does not belong" in feedback.message
    assert "Amerika" not in feedback.message


# --- what the learner sees ----------------------------------------------------------------

_STATUS_WORDS = {
    "pass": ("correct",),
    "fail": ("not yet", "incorrect", "not quite", "try again", "wrong", "not right"),
    "info": ("not answered", "no exercise"),
}


def _text_for_screen_readers(markup):
    without_hidden = re.sub(r'<span aria-hidden="true"[^>]*>.*?</span>', "", markup)
    return html.unescape(re.sub(r"<[^>]+>", " ", without_hidden)).lower()


@pytest.mark.parametrize(
    "exercise_id, answer",
    [("00-paragraphs", 25), ("00-paragraphs", None), ("01-top-names", ["ISIS"]),
     ("00-paragraphs", 24), ("00-paragraphs", 26), ("01-top-names", ["ISIS", "Irak"])],
    ids=["pass", "blank", "partial", "targeted-wrong", "plain-wrong", "targeted-set"],
)
def test_feedback_html_has_an_icon_and_a_word_not_just_colour(exercise_id, answer):
    feedback = check(exercise_id, answer, record=False)
    markup = feedback._repr_html_()
    icon = {"pass": "✔", "fail": "✘", "info": "ℹ"}[feedback.state]
    assert icon in markup
    words = _text_for_screen_readers(markup)
    assert any(word in words for word in _STATUS_WORDS[feedback.state]), words


def test_feedback_text_has_no_html_and_html_escapes_the_message():
    feedback = check("00-lead-missing", "a", record=False)  # its message holds a quote mark (coalition's)
    text = str(feedback)
    assert not re.search(r"</?[a-zA-Z][^>]*>", text)
    assert "&#x27;" not in text and "&amp;" not in text
    assert text.startswith("✘ ")
    assert "Hint:" in text
    odd = Feedback(False, "a < b & <script>alert(1)</script>")
    assert "<script>" not in odd._repr_html_()
    assert "&lt;script&gt;" in odd._repr_html_()
    assert str(odd) == "✘ Not yet: a < b & <script>alert(1)</script>"  # the status in words, then the message


@pytest.mark.parametrize("answer, passed", [(25, True), (24, False), (None, False)])
def test_feedback_mimebundle(answer, passed):
    feedback = check("00-paragraphs", answer, record=False)
    bundle = feedback._repr_mimebundle_()
    assert bundle["text/plain"] == str(feedback)
    assert bundle["text/html"] == feedback._repr_html_()
    json_types = [k for k in bundle if k.startswith("application/") and k.endswith("json")]
    assert len(json_types) == 1
    data = bundle[json_types[0]]
    assert data["passed"] is passed
    assert data["exercise"] == "00-paragraphs"
    json.dumps(data)  # really JSON
    assert bool(feedback) is passed


# --- wrong exercise ids ---------------------------------------------------------------------

@pytest.mark.parametrize("bad_id", ["nope", "00-nope", "", "00_paragraphs", None, 42])
def test_unknown_exercise_id_is_info_not_an_exception(bad_id):
    feedback = check(bad_id, 25)
    assert feedback.passed is False
    assert feedback.state == "info"
    assert "no exercise" in feedback.message.lower()
    assert re.search(r"\bid\b", feedback.message)
    assert not progress_path_exists()


def progress_path_exists():
    import os

    path = os.environ["CONFLICT_READING_PROGRESS"]  # the record and its journal, progress.jsonl
    return os.path.exists(path) or os.path.exists(os.path.splitext(path)[0] + ".jsonl")


def test_unknown_id_of_a_known_lesson_lists_that_lessons_exercises():
    message = check("01-nope", 1).message
    assert "01-top-names" in message and "01-sentences" in message
    assert "00-paragraphs" not in message


def test_swapped_arguments_say_the_id_is_wrong():
    # BUG: check(answer, id) with a list answer hits an unhashable id and reports
    # "The exercises could not be loaded: ask your instructor." instead of a wrong id.
    feedback = check(["ISIS", "Suriah"], "01-top-names")
    assert feedback.passed is False
    assert feedback.state == "info"
    assert "no exercise" in feedback.message.lower()


def test_hint_and_solution_of_unknown_id_are_info():
    for feedback in (hint("nope"), solution("nope")):
        assert feedback.passed is False and feedback.state == "info"
        assert "no exercise" in feedback.message.lower()


# --- hints ----------------------------------------------------------------------------------

def test_hints_come_one_at_a_time_and_are_recorded(tmp_path):
    hints = get_exercise("00-paragraphs").hints
    assert len(hints) == 3
    first = hint("00-paragraphs")
    assert first.state == "info"
    assert first.message.startswith(f"Hint 1 of 3: {hints[0]}")
    assert "stronger hint" in first.message
    stored = ProgressStore(progress_path(tmp_path)).load()
    assert stored["hints"] == {"00-paragraphs": 1}

    assert hint("00-paragraphs").message.startswith(f"Hint 2 of 3: {hints[1]}")
    third = hint("00-paragraphs")
    assert third.message.startswith(f"Hint 3 of 3: {hints[2]}")
    assert "last hint" in third.message
    fourth = hint("00-paragraphs")
    assert fourth.message.startswith(f"Hint 3 of 3: {hints[2]}")

    assert hint("01-sentences").message.startswith(f"Hint 1 of 3: {get_exercise('01-sentences').hints[0]}")
    stored = ProgressStore(progress_path(tmp_path)).load()
    assert stored["hints"] == {"00-paragraphs": 4, "01-sentences": 1}


def test_the_last_hint_says_it_is_the_last():
    count = len(get_exercise("01-why-keep-verbs").hints)
    for _ in range(count - 1):
        assert "last hint" not in hint("01-why-keep-verbs").message
    feedback = hint("01-why-keep-verbs")
    assert feedback.message.startswith(f"Hint {count} of {count}:")
    assert "last hint" in feedback.message


# --- exercises() and progress() -------------------------------------------------------------

def test_exercises_table_lists_every_exercise_with_status():
    table = exercises()
    assert list(table.columns) == ["id", "lesson", "title", "kind", "status"]
    assert table["id"].tolist() == IDS
    assert table["id"].is_unique
    row = table.set_index("id").loc["00-paragraphs"]
    assert (row["lesson"], row["title"], row["kind"]) == ("00", "How many paragraphs?", "number")
    assert set(table["status"]) == {"not tried"}

    check("00-paragraphs", 25)
    check("00-lead-missing", "a")
    check("01-sentences", None)  # blank: still not tried
    status = exercises().set_index("id")["status"]
    assert status["00-paragraphs"] == "passed"
    assert status["00-lead-missing"] == "tried"
    assert status["01-sentences"] == "not tried"
    assert status["01-top-names"] == "not tried"

    check("00-paragraphs", 24)  # a later wrong answer does not undo a pass
    check("00-lead-missing", "d")
    status = exercises().set_index("id")["status"]
    assert status["00-paragraphs"] == "passed"
    assert status["00-lead-missing"] == "passed"


def test_progress_report_counts_attempts_but_not_blank_ones(tmp_path):
    check("00-paragraphs", None)
    check("00-paragraphs", "...")
    check("00-paragraphs", 24)
    check("00-paragraphs", 25)
    check("00-lead-missing", "a")
    check("01-sentences", "")

    report = progress()
    table = report.table.set_index("id")
    assert table.loc["00-paragraphs", "attempts"] == 2
    assert table.loc["00-paragraphs", "status"] == "passed"
    assert isinstance(table.loc["00-paragraphs", "first_passed_at"], str)
    assert table.loc["00-lead-missing", "attempts"] == 1
    assert table.loc["00-lead-missing", "status"] == "tried"
    assert pd.isna(table.loc["00-lead-missing", "first_passed_at"])
    assert table.loc["01-sentences", "attempts"] == 0
    assert table.loc["01-sentences", "status"] == "not tried"
    assert pd.isna(table.loc["01-sentences", "last_attempt_at"])
    assert repr(report).startswith(f"1 of {len(IDS)} exercises passed.")

    markup = report._repr_html_()
    image = re.search(r'<img alt="([^"]+)" src="data:image/png;base64,([^"]+)"', markup)
    assert image and len(image.group(1)) > 10
    import base64

    assert base64.b64decode(image.group(2))[:8] == b"\x89PNG\r\n\x1a\n"
    assert "00-paragraphs" in markup


def test_progress_export_writes_a_csv_to_hand_in(tmp_path):
    check("00-paragraphs", 24)
    check("00-paragraphs", 25)
    out = tmp_path / "p.csv"
    message = progress(export=out)
    assert isinstance(message, str) and "p.csv" in message
    table = pd.read_csv(out)
    assert len(table) == len(IDS)
    assert table["id"].tolist() == IDS
    assert {"id", "lesson", "title", "status", "attempts"} <= set(table.columns)
    row = table.set_index("id").loc["00-paragraphs"]
    assert row["attempts"] == 2 and row["status"] == "passed"


def test_progress_export_to_an_impossible_place_is_a_kit_error(tmp_path):
    from conflict_reading.errors import KitError

    (tmp_path / "afile").write_text("x")
    with pytest.raises(KitError, match="Could not write"):
        progress(export=tmp_path / "afile" / "p.csv")


# --- a tiny exercise folder of every kind ---------------------------------------------------

TINY_TOML = '''
lesson = "90"
title = "Tiny"
article = "tiny-article"

[[exercise]]
id = "90-text"
title = "Where is the surge?"
prompt = "p"
kind = "text"
answer = "Tanduk Afrika"
hints = ["first nudge", "second nudge", "third nudge"]

[[exercise]]
id = "90-name"
title = "Who?"
prompt = "p"
kind = "name"
answer = "Luigi Di Maio"

[[exercise]]
id = "90-billions"
title = "Total aid"
prompt = "p"
kind = "number"
answer = 13.5e9
relative_tolerance = 0.001

[[exercise]]
id = "90-millions"
title = "New aid"
prompt = "p"
kind = "number"
answer = 436e6
relative_tolerance = 0.001

[[exercise]]
id = "90-set"
title = "Speakers"
prompt = "p"
kind = "set"
item_kind = "name"
answer = ["Antony Blinken", "Luigi Di Maio"]

[[exercise]]
id = "90-table"
title = "Quotes per speaker"
prompt = "p"
kind = "table"
columns = {speaker = "name", quotes = "number"}
key = "speaker"
answer = [{speaker = "Antony Blinken", quotes = 5}, {speaker = "Luigi Di Maio", quotes = 2}]

[[exercise]]
id = "90-from-value"
title = "Speaker of paragraph 7"
prompt = "p"
kind = "name"
answer_from = {table = "quotes", where = {paragraph_start = 7}, select = "speaker", returns = "value"}

[[exercise]]
id = "90-from-unique"
title = "Everyone quoted"
prompt = "p"
kind = "set"
item_kind = "name"
answer_from = {table = "quotes", select = "speaker", returns = "unique"}

[[exercise]]
id = "90-from-count"
title = "How many quotes"
prompt = "p"
kind = "number"
answer_from = {table = "quotes", select = "speaker", returns = "count"}

[[exercise]]
id = "90-from-ambiguous"
title = "Speaker quoted"
prompt = "p"
kind = "name"
answer_from = {table = "quotes", select = "speaker", returns = "value"}

[[exercise]]
id = "90-from-missing"
title = "No annotation"
prompt = "p"
kind = "number"
article = "no-such-article"
answer_from = {table = "quotes", select = "speaker", returns = "count"}
'''

TINY_ANNOTATION = {
    "quotes": [
        {"paragraph_start": 7, "speaker": "Luigi Di Maio"},
        {"paragraph_start": 14, "speaker": "Antony Blinken"},
        {"paragraph_start": 20, "speaker": "Antony Blinken"},
    ]
}


@pytest.fixture
def tiny_kit(tmp_path, monkeypatch):
    folder = tmp_path / "exercises"
    folder.mkdir()
    (folder / "90-tiny.toml").write_text(TINY_TOML, encoding="utf-8")
    data = tmp_path / "data"
    (data / "annotations").mkdir(parents=True)
    (data / "annotations" / "tiny-article.json").write_text(json.dumps(TINY_ANNOTATION), encoding="utf-8")
    monkeypatch.setenv("CONFLICT_READING_EXERCISES", str(folder))
    monkeypatch.setenv("CONFLICT_READING_DATA", str(data))
    all_exercises.cache_clear()
    yield
    all_exercises.cache_clear()


def _passes(exercise_id, answer):
    return check(exercise_id, answer, record=False).passed


def test_tiny_kit_is_the_only_folder_read(tiny_kit):
    assert list(all_exercises()) == [
        "90-text", "90-name", "90-billions", "90-millions", "90-set", "90-table",
        "90-from-value", "90-from-unique", "90-from-count", "90-from-ambiguous", "90-from-missing",
    ]
    assert exercises()["kind"].tolist()[:6] == ["text", "name", "number", "number", "set", "table"]
    feedback = check("00-paragraphs", 25, record=False)
    assert feedback.state == "info" and "no exercise" in feedback.message.lower()


@pytest.mark.parametrize("answer", ["Tanduk Afrika", "tanduk afrika", "  Tanduk   AFRIKA ", "Tanduk Afrika.",
                                    "“Tanduk Afrika”"])
def test_tiny_text_accepts_case_spacing_punctuation(tiny_kit, answer):
    assert _passes("90-text", answer)


def test_tiny_text_rejects_with_reasons(tiny_kit):
    feedback = check("90-text", "Afrika", record=False)
    assert feedback.passed is False and feedback.state == "fail" and feedback.message
    assert "tanduk" not in feedback.message.lower()
    assert "words, not a number" in check("90-text", 42, record=False).message


def test_tiny_text_hints_step_up_and_stop_at_the_last(tiny_kit):
    messages = [hint("90-text").message for _ in range(5)]
    assert [m.split(":")[0] for m in messages] == ["Hint 1 of 3", "Hint 2 of 3", "Hint 3 of 3", "Hint 3 of 3",
                                                  "Hint 3 of 3"]
    assert "first nudge" in messages[0] and "second nudge" in messages[1] and "third nudge" in messages[4]


@pytest.mark.parametrize("answer", ["Luigi Di Maio", "Di Maio", "Menlu Italia Di Maio", "luigi di maio",
                                    "Menteri Luar Negeri Italia Luigi Di Maio", "Luigi di Maio!"])
def test_tiny_name_accepts_titles_and_surname(tiny_kit, answer):
    assert _passes("90-name", answer)


@pytest.mark.parametrize("answer", ["Blinken", "Luigi", "Maio Di", "Maio", "Luigi Di Mayo"])
def test_tiny_name_rejects_other_people_and_half_names(tiny_kit, answer):
    feedback = check("90-name", answer, record=False)
    assert feedback.passed is False
    assert feedback.message == "That is not the person the text names here."


@pytest.mark.parametrize("answer", ["13,5 miliar", "13.5 billion", "13.500.000.000", 13.5e9, "US$13.5 billion",
                                    "13,5 miliar dolar", "13.5 billion dollars", "13,500,000,000", 13_500_000_000,
                                    "13.49 billion"])
def test_tiny_billions_accepts_every_notation(tiny_kit, answer):
    assert _passes("90-billions", answer)


def test_tiny_billions_rejects_outside_the_tolerance(tiny_kit):
    feedback = check("90-billions", "13.4 billion", record=False)
    assert feedback.passed is False
    assert feedback.message == "That is not the number the text gives."


def test_tiny_billions_names_a_scale_word_slip(tiny_kit):
    feedback = check("90-billions", "13,5 juta", record=False)
    assert feedback.passed is False
    assert "1,000 times too small" in feedback.message
    assert "juta" in feedback.message and "miliar" in feedback.message


@pytest.mark.parametrize("answer", ["436 juta", "436 juta dolar", "436.000.000", 436e6, "US$436 million"])
def test_tiny_millions_accepts(tiny_kit, answer):
    assert _passes("90-millions", answer)


def test_tiny_millions_436_ribu_is_1000_times_too_small(tiny_kit):
    feedback = check("90-millions", "436 ribu", record=False)
    assert feedback.passed is False
    assert "1,000 times too small" in feedback.message
    assert "436" not in feedback.message or "436 ribu" in feedback.message  # only the learner's own words


def test_tiny_millions_too_large(tiny_kit):
    feedback = check("90-millions", "436 miliar", record=False)
    assert "1,000 times too large" in feedback.message


@pytest.mark.parametrize("answer", [["Blinken", "Di Maio"], "Di Maio; Menlu AS Blinken",
                                    ("Luigi Di Maio", "Antony Blinken"), "Anthony Blinken, Luigi Di Maio"])
def test_tiny_set_of_names(tiny_kit, answer):
    assert _passes("90-set", answer)


def test_tiny_set_of_names_partial_and_duplicate(tiny_kit):
    partial = check("90-set", ["Blinken"], record=False)
    assert partial.passed is False
    assert "1 is still missing" in partial.message and "maio" not in partial.message.lower()
    duplicate = check("90-set", ["Blinken", "Antony Blinken"], record=False)
    assert duplicate.passed is False
    assert "1 does not belong" in duplicate.message


@pytest.mark.parametrize(
    "answer",
    [
        pd.DataFrame({"Speaker": ["Antony Blinken", "Luigi Di Maio"], "Quotes": [5, 2]}),
        pd.DataFrame({"speaker": ["Di Maio", "Blinken"], "quotes": [2, 5]}),
        pd.DataFrame({"SPEAKER": ["Blinken", "Di Maio"], "quotes": ["lima", "dua"], "extra": [1, 2]}),
        {"speaker": ["Blinken", "Di Maio"], "quotes": [5, 2]},
    ],
    ids=["capitalised", "reordered", "extra-column-and-words", "dict-of-columns"],
)
def test_tiny_table_accepts(tiny_kit, answer):
    assert _passes("90-table", answer)


def test_tiny_table_accepts_a_list_of_records(tiny_kit):
    # BUG: is_blank() skips dict items, so a list of records counts as "not answered yet".
    feedback = check("90-table", [{"speaker": "Blinken", "quotes": 5}, {"speaker": "Di Maio", "quotes": 2}],
                     record=False)
    assert feedback.state != "info", feedback.message
    assert feedback.passed is True


def test_tiny_table_accepts_the_key_as_index_as_groupby_gives_it(tiny_kit):
    # BUG: df.groupby("speaker").size().to_frame("quotes") keeps the speaker in the index:
    # the check says the column speaker is missing.
    answer = pd.DataFrame({"quotes": [5, 2]}, index=pd.Index(["Antony Blinken", "Luigi Di Maio"], name="speaker"))
    assert _passes("90-table", answer)


def test_tiny_table_names_the_missing_column(tiny_kit):
    feedback = check("90-table", pd.DataFrame({"Speaker": ["Blinken", "Di Maio"]}), record=False)
    assert feedback.passed is False
    assert "quotes" in feedback.message
    assert "column" in feedback.message


def test_tiny_table_counts_right_rows(tiny_kit):
    feedback = check("90-table", pd.DataFrame({"speaker": ["Blinken", "Di Maio"], "quotes": [5, 3]}), record=False)
    assert feedback.passed is False
    assert "1 of 2 rows" in feedback.message


def test_tiny_table_wrong_number_of_rows(tiny_kit):
    feedback = check("90-table", pd.DataFrame({"speaker": ["Blinken"], "quotes": [5]}), record=False)
    assert feedback.passed is False
    assert "1 rows" in feedback.message or "1 row" in feedback.message
    assert "speaker" in feedback.message


def test_tiny_table_not_a_table(tiny_kit):
    feedback = check("90-table", "Blinken 5, Di Maio 2", record=False)
    assert feedback.passed is False
    assert "table" in feedback.message.lower()


def test_answer_from_annotation_returns_value_unique_count(tiny_kit):
    base = {"table": "quotes", "select": "speaker"}
    assert answer_from_annotation({**base, "where": {"paragraph_start": 7}}, "tiny-article") == "Luigi Di Maio"
    assert answer_from_annotation({**base, "returns": "unique"}, "tiny-article") == ["Luigi Di Maio", "Antony Blinken"]
    assert answer_from_annotation({**base, "returns": "count"}, "tiny-article") == 3
    assert answer_from_annotation({**base, "returns": "values"}, "tiny-article") == [
        "Luigi Di Maio", "Antony Blinken", "Antony Blinken"]
    assert answer_from_annotation({**base, "where": {"speaker": "Antony Blinken"}, "returns": "count"},
                                  "tiny-article") == 2
    with pytest.raises(ExerciseError, match="ambiguous"):
        answer_from_annotation(base, "tiny-article")


def test_answer_from_checks(tiny_kit):
    assert _passes("90-from-value", "Di Maio")
    assert check("90-from-value", "Blinken", record=False).message == "That is not the person the text names here."
    assert _passes("90-from-unique", ["Blinken", "Luigi Di Maio"])
    assert "1 is still missing" in check("90-from-unique", ["Blinken"], record=False).message
    assert _passes("90-from-count", 3)
    assert _passes("90-from-count", "tiga")
    assert check("90-from-count", 2, record=False).passed is False


@pytest.mark.parametrize("exercise_id", ["90-from-missing", "90-from-ambiguous"])
def test_a_broken_answer_key_is_info_not_an_exception(tiny_kit, exercise_id):
    feedback = check(exercise_id, 3)
    assert isinstance(feedback, Feedback)
    assert feedback.passed is False
    assert feedback.state == "info"
    assert "answer key" in feedback.message


def test_solution_of_a_missing_annotation_does_not_raise(tiny_kit):
    # BUG: solution() in instructor mode calls key_answer() outside any try, so a missing
    # annotation file raises ExerciseError out of solution().
    instructor_mode(True)
    try:
        feedback = solution("90-from-missing")
    except Exception as error:  # noqa: BLE001 — the point is that it must not raise
        pytest.fail(f"solution() raised {error!r}")
    assert feedback.state == "info"


def test_solution_shows_an_annotation_key_in_instructor_mode(tiny_kit):
    assert "Luigi Di Maio" not in solution("90-from-value").message
    instructor_mode(True)
    assert "Luigi Di Maio" in solution("90-from-value").message


def test_get_exercise_returns_definitions(tiny_kit):
    exercise = get_exercise("90-billions")
    assert exercise.kind == "number" and exercise.relative_tolerance == 0.001
    assert math.isclose(exercise.key_answer(), 13.5e9)
