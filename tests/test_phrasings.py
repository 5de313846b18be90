"""The phrasing bank: for every exercise, at least six ways a learner writes the right answer, and all pass.

Format of the bank, ``tests/phrasings/NN.toml`` (one file per lesson, NN = 00 to 05)::

    # Lesson 03: right answers, as learners type them.
    "03-members" = ["82", "82 members", "eighty-two", "77 + 5 = 82", 82]
    "03-vague-words" = ["sejumlah, beberapa and jutaan", ["Sejumlah", "Beberapa", "Jutaan"]]

Each key is an exercise id of that lesson; its value lists right answers, each as a learner would pass it to
``check()``: a string as typed (units, words around it, other date formats, English or Indonesian names, a
title instead of a name, lower case, a letter or a short synonym for a choice), a TOML number for an answer
computed in Python, and for a set exercise a whole answer: a list in prose ("X and Y") or a TOML array.
Someone who rewrites a lesson's exercises rewrites that lesson's file: every exercise needs six phrasings,
written by hand (never produced by the code under test).

These tests also check that every listed wrong answer (``[[exercise.wrong]]``) still fails with its own message.
"""

import tomllib
from pathlib import Path

import pytest

from conflict_reading.checks import check
from conflict_reading.exercises import all_exercises

BANK = Path(__file__).parent / "phrasings"
MINIMUM = 6
EXERCISES = all_exercises()


def _bank() -> dict[str, list]:
    phrasings = {}
    for path in sorted(BANK.glob("*.toml")):
        with open(path, "rb") as handle:
            for exercise_id, answers in tomllib.load(handle).items():
                assert exercise_id.split("-")[0] == path.stem, f"{path.name} lists {exercise_id} of another lesson"
                assert exercise_id not in phrasings, f"{exercise_id} is in two files"
                phrasings[exercise_id] = answers
    return phrasings


PHRASINGS = _bank()
CASES = [(exercise_id, answer) for exercise_id, answers in PHRASINGS.items() for answer in answers]
WRONG = [(exercise_id, n) for exercise_id, e in EXERCISES.items() for n in range(len(e.wrong))]


def test_there_is_one_file_per_lesson():
    lessons = sorted({e.lesson for e in EXERCISES.values()})
    assert sorted(p.stem for p in BANK.glob("*.toml")) == lessons


def test_every_phrasing_is_for_an_exercise_that_exists():
    assert sorted(set(PHRASINGS) - set(EXERCISES)) == []


@pytest.mark.parametrize("exercise_id", list(EXERCISES))
def test_every_exercise_has_six_different_phrasings(exercise_id):
    answers = PHRASINGS.get(exercise_id, [])
    distinct = {repr(a) for a in answers}
    assert len(distinct) >= MINIMUM, f"{exercise_id}: {len(distinct)} phrasings in tests/phrasings/"


@pytest.mark.parametrize("exercise_id, answer", CASES, ids=[f"{i}-{a!r}"[:70] for i, a in CASES])
def test_every_phrasing_passes(exercise_id, answer):
    feedback = check(exercise_id, answer, record=False)
    assert feedback.passed is True, f"{answer!r}: {feedback.message}"


@pytest.mark.parametrize("exercise_id, index", WRONG, ids=[f"{i}-wrong{n}" for i, n in WRONG])
def test_every_listed_wrong_answer_fails_with_its_own_message(exercise_id, index):
    wrong = EXERCISES[exercise_id].wrong[index]
    feedback = check(exercise_id, wrong.answer, record=False)
    assert feedback.passed is False
    assert feedback.message == wrong.message


def test_no_phrasing_is_a_listed_wrong_answer():
    for exercise_id, answers in PHRASINGS.items():
        wrong = [w.answer for w in EXERCISES[exercise_id].wrong] if exercise_id in EXERCISES else []
        assert not [a for a in answers if a in wrong], exercise_id
