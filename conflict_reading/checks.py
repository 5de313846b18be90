"""Check a learner's answer and say, kindly, why it is right or wrong.

>>> check("00-paragraphs", 25).passed
True
>>> feedback = check("00-paragraphs", None)
>>> feedback.passed, feedback.state
(False, 'info')

``check`` never raises and never shows the expected answer: whatever the
learner passes (None, NaN, a DataFrame, a huge string, an object whose ``==``
raises) comes back as :class:`Feedback`.
"""

from __future__ import annotations

import itertools
import math
import numbers
import os
import tomllib
from functools import lru_cache

import pandas as pd

from . import answers
from .article import SETTING, current_article
from .blanks import holds_blank
from .exercises import Exercise, ExerciseError, all_exercises, get_exercise
from .paths import articles_dir
from .feedback import Feedback
from .progress import MAX_ANSWER_TEXT, ProgressError, ProgressStore, status_by_exercise, why

MAX_ANSWER_CHARS = 10_000  # characters of text in an answer (a string, or the strings in a list or table)
MAX_ANSWER_ITEMS = 200  # items of a list answer, rows of a table
_PLACEHOLDERS = {"", "...", "…", "your answer", "your answer here", "jawaban", "todo", "?"}

_instructor = None  # None: follow the environment variable


def instructor_mode(on: bool | None = None) -> bool:
    """Turn instructor mode on or off (shows solutions); with no argument, report it.

    Also on when the environment variable ``CONFLICT_READING_INSTRUCTOR`` is 1/true/yes.
    """
    global _instructor
    if on is not None:
        _instructor = bool(on)
    if _instructor is not None:
        return _instructor
    return os.environ.get("CONFLICT_READING_INSTRUCTOR", "").strip().lower() in ("1", "true", "yes", "on")


# --- what counts as "not answered yet" ---------------------------------------------

def is_blank(answer) -> bool:
    if answer is None or answer is Ellipsis:
        return True
    if holds_blank(answer):  # the lesson's fill-in blank ___, or a list still holding one (see blanks.py)
        return True
    if isinstance(answer, float) and math.isnan(answer):
        return True
    if isinstance(answer, str):
        return answer.strip().strip(".").strip().casefold() in _PLACEHOLDERS or answer.strip() in ("...", "…")
    if isinstance(answer, (pd.DataFrame, pd.Series)):
        return answer.empty
    if isinstance(answer, (list, tuple, set, frozenset, dict)):
        return len(answer) == 0 or all(is_blank(item) for item in answer)
    return False


# --- one checker per kind: each returns (passed, reason for the learner) ----------
# Reading the answer is conflict_reading/answers/ (the one place that does it); this part applies an
# exercise's definition to it: its key, accepted forms, options, listed wrong answers.

_WORD_KINDS = ("text", "name", "choice", "place")


@lru_cache(maxsize=64)
def _event_year(metadata_path: str) -> int | None:
    """The year of an article's events (``event_date`` in ``data/articles/<article>.toml``), or None."""
    try:
        with open(metadata_path, "rb") as handle:
            date = tomllib.load(handle).get("event_date")
    except (OSError, ValueError):  # no file, or not TOML
        return None
    year = getattr(date, "year", None)
    if year is None and isinstance(date, str) and date[:4].isdigit():
        year = int(date[:4])
    return year


def _rules(exercise: Exercise) -> answers.Rules:
    """What the exercise allows: its article's people, its tolerances and rounding, the year of its article."""
    return _rules_for(exercise.article, str(articles_dir()), exercise.tolerance, exercise.relative_tolerance,
                      exercise.rounding, exercise.unit)


@lru_cache(maxsize=256)
def _rules_for(article, folder: str, tolerance: float, relative: float, rounding, unit=None) -> answers.Rules:
    return answers.Rules(
        people=answers.people_of(article),
        tolerance=tolerance,
        relative=relative,
        rounding=rounding,
        unit=unit,
        default_year=_event_year(os.path.join(folder, f"{article}.toml")) if article else None,
    )


def _matches(exercise: Exercise, answer, expected, kind: str | None = None) -> bool:
    kind = kind or exercise.kind
    return answers.same("text" if kind == "choice" else kind, answer, expected, _rules(exercise))


def _pick(exercise: Exercise, answer) -> answers.Pick:
    """The option a choice answer picks: its letter, text, an alias, or words of that option only."""
    accept = {}
    if exercise.accept:
        try:
            key = exercise.key_answer()
        except ExerciseError:
            key = None
        index = next((n for n, o in enumerate(exercise.options) if answers.same_text(key, o)), None)
        if index is not None:
            accept = {index: list(exercise.accept)}
    return answers.pick_option(answer, exercise.options, exercise.option_aliases, accept, exercise.prompt)


def _check_single(exercise: Exercise, answer, expected) -> tuple[bool, str]:
    number = isinstance(answer, (int, float)) and not isinstance(answer, bool)
    if number and exercise.kind in _WORD_KINDS:
        return False, "This question wants words, not a number."
    if number and exercise.kind == "date":
        if not (float(answer).is_integer() and 1000 <= answer <= 2999):
            return False, "This question wants a date, like 1 January 2021, not a number."
        answer = str(int(answer))
    if exercise.kind == "choice":
        pick = _pick(exercise, answer)
        if pick.index is None:
            return False, pick.reason
        answer = exercise.options[pick.index]
    kind = "text" if exercise.kind == "choice" else exercise.kind
    rules = _rules(exercise)
    if any(answers.same(kind, answer, key, rules) for key in (expected, *exercise.accept)):
        return True, ""
    return False, answers.verdict(kind, answer, expected, rules)


def _as_items(answer) -> list:
    if isinstance(answer, str):
        separators = "\n;" if any(s in answer for s in "\n;") else ","
        for separator in separators[1:]:
            answer = answer.replace(separator, separators[0])
        return [item.strip() for item in answer.split(separators[0]) if item.strip()]
    if isinstance(answer, dict):
        return list(answer.keys())
    if isinstance(answer, pd.Series) and pd.api.types.is_numeric_dtype(answer) and not pd.api.types.is_numeric_dtype(answer.index):
        return answer.index.tolist()  # value_counts(): the items are the index
    if isinstance(answer, pd.DataFrame):
        return answer.iloc[:, 0].tolist() if answer.shape[1] else []
    try:
        items = list(answer)
    except TypeError:
        return [answer]
    # FreqDist.most_common(): (item, count) pairs
    if items and all(isinstance(i, tuple) and len(i) == 2 and isinstance(i[1], (int, float)) for i in items):
        return [i[0] for i in items]
    return items



def _readings(answer) -> tuple[list[list], list[list]]:
    """The ways to read a list answer as items: (readings to report on, more readings that may pass).

    Text is a list in prose ("Blinken and Di Maio", "X, Y, and Z", one per line, "['X', 'Y']"); a name
    holding "and" ("Trinidad and Tobago") may be one item, so each way of cutting is a reading.
    """
    if isinstance(answer, (list, tuple)) and len(answer) == 1 and isinstance(answer[0], str):
        answer = answer[0]  # ["Blinken and Di Maio"]
    if isinstance(answer, str):
        words = answers.word_split(answer)
        return answers.item_splits(answer), [words] if words else []
    return [_as_items(answer)], []


def _score(exercise: Exercise, items: list, expected: list) -> tuple[int, int, int]:
    """(right, extra, missing) of ``items`` against ``expected``, each key item matched once."""
    remaining = list(expected)
    right = extra = 0
    for item in items[:MAX_ANSWER_ITEMS + 1]:
        match = next((k for k in remaining if _matches(exercise, item, k, exercise.item_kind)), None)
        if match is None:
            extra += 1
        else:
            remaining.remove(match)
            right += 1
    return right, extra, len(remaining)


def _check_set(exercise: Exercise, answer, expected) -> tuple[bool, str]:
    shown, more = _readings(answer)
    if all(isinstance(k, str) and len(k.split()) == 1 for k in expected):
        shown, more = shown + more, []  # single words wanted: "sejumlah beberapa jutaan" may be a list of words
    best = None
    for n, items in enumerate(shown + more):
        right, extra, missing = _score(exercise, items, expected)
        if not extra and not missing:
            return True, ""
        if n < len(shown) and (best is None or (right, -extra, -missing) > best[0]):
            best = ((right, -extra, -missing), items)
    (right, extra, missing), items = (best[0][0], -best[0][1], -best[0][2]), best[1]
    if len(items) > MAX_ANSWER_ITEMS:
        return False, f"Your answer has more than {MAX_ANSWER_ITEMS} items: give just the ones the question asks for."
    if isinstance(answer, str) and len(items) == 1 and len(str(items[0]).split()) > 1 and not right \
            and len(expected) > 1:
        return False, ("I read your answer as one item, and it is not one of the items asked for: separate the "
                       "items with commas, 'and' or new lines.")
    parts = [f"{right} of your {len(items)} {'item' if len(items) == 1 else 'items'} {'is' if right == 1 else 'are'} right"]
    if missing:
        parts.append(f"{missing} {'is' if missing == 1 else 'are'} still missing")
    if extra:
        parts.append(f"{extra} {'does' if extra == 1 else 'do'} not belong")
    return False, "Not yet: " + ", ".join(parts) + "."


def _check_table(exercise: Exercise, answer, expected) -> tuple[bool, str]:
    if isinstance(answer, pd.Series):  # groupby("speaker")["words"].sum(): the key in the index, one column
        answer = answer.to_frame()
    if isinstance(answer, (dict, list)):
        try:
            answer = pd.DataFrame(answer)
        except (ValueError, TypeError):
            pass
    if not isinstance(answer, pd.DataFrame):
        return False, "This question wants a table (a pandas DataFrame)."
    index_names = [answers.normalize_text(n).replace(" ", "_") for n in answer.index.names if n]
    if any(n in exercise.columns for n in index_names):
        answer = answer.reset_index()  # groupby() put the key in the index
    columns = {answers.normalize_text(c).replace(" ", "_"): c for c in answer.columns}
    missing = [c for c in exercise.columns if c not in columns]
    if missing:
        return False, f"Your table needs the column(s) {', '.join(missing)}."
    if len(answer) != len(expected):
        return False, f"Your table has {len(answer)} rows: check that each row is one {exercise.key or 'item'}, with no duplicates or gaps."
    rows = answer.rename(columns={v: k for k, v in columns.items()}).to_dict("records")
    wrong_rows = 0
    for row in expected:
        if not any(
            all(_matches(exercise, given.get(col), row[col], kind) for col, kind in exercise.columns.items())
            for given in rows
        ):
            wrong_rows += 1
    if wrong_rows:
        return False, f"Not yet: {len(expected) - wrong_rows} of {len(expected)} rows are right."
    return True, ""



def _evaluate(exercise: Exercise, answer) -> tuple[bool, str]:
    expected = exercise.key_answer()
    if exercise.kind == "set":
        return _check_set(exercise, answer, expected)
    if exercise.kind == "table":
        return _check_table(exercise, answer, expected)
    return _check_single(exercise, answer, expected)


def _targeted_message(exercise: Exercise, answer) -> str | None:
    """The message of the listed wrong answer this answer gives (in any of its forms), if any."""
    if exercise.kind == "set":
        readings = [items for group in _readings(answer) for items in group]
    elif exercise.kind == "choice":
        pick = _pick(exercise, answer)
        if pick.index is None:
            return None
        answer = exercise.options[pick.index]
    for wrong in exercise.wrong:
        try:
            if exercise.kind == "set":
                size = len(wrong.answer)
                if any(len(items) == size and _score(exercise, items, list(wrong.answer))[0] == size
                       for items in readings):
                    return wrong.message
            elif _matches(exercise, answer, wrong.answer):
                return wrong.message
        except Exception:
            continue
    return None


def _other_article(exercise: Exercise) -> str | None:
    """The article the learner's notebook reads, if this exercise's key is not for it."""
    try:
        reading = current_article()
    except Exception:  # never let a strange notebook namespace break a check
        return None
    return None if exercise.key_is_for(reading) else reading


def _no_key_message(exercise: Exercise, reading: str) -> str:
    return (
        f"This exercise's answer key is for the kit's article, {exercise.article}; your notebook reads {reading}. "
        f'Set {SETTING} back to "{exercise.article}" in the first code cell and run the notebook again to check '
        "this answer, or compare your answer with the engine's tables and your own reading of the text."
    )


class _TooLarge(ValueError):
    """An answer past the documented sizes; its message is for the learner."""


def _text_size(value) -> int:
    """Characters of text in a value and (one level down) in its items, without walking anything large."""
    if isinstance(value, (str, bytes)):
        return len(value)
    if isinstance(value, (list, tuple)) and len(value) <= MAX_ANSWER_ITEMS:
        return sum(len(v) for v in value if isinstance(v, (str, bytes)))
    return 0


def _bounded(answer):
    """The answer as it will be checked, within the documented sizes (``MAX_ANSWER_CHARS`` of text,
    ``MAX_ANSWER_ITEMS`` items or table rows); :class:`_TooLarge` past them.

    Any iterable that is not a string, a table or a dict (a generator, ``range``, a NumPy array, an
    endless ``itertools.count()``) is read once, at most ``MAX_ANSWER_ITEMS + 1`` items of it.

    >>> _bounded(x for x in "abc")
    ['a', 'b', 'c']
    >>> import itertools; _bounded(itertools.count())
    Traceback (most recent call last):
    ...
    conflict_reading.checks._TooLarge: Your answer has more than 200 items: give just the ones the question asks for.
    """
    too_many = _TooLarge(f"Your answer has more than {MAX_ANSWER_ITEMS} items: give just the ones the question asks for.")
    if isinstance(answer, (str, bytes)):
        size = len(answer)
    elif isinstance(answer, (pd.DataFrame, pd.Series)):
        if len(answer) > MAX_ANSWER_ITEMS or (isinstance(answer, pd.DataFrame) and answer.shape[1] > 50):
            raise _TooLarge(f"Your table has {len(answer):,} rows and {answer.shape[-1] if answer.ndim > 1 else 1} "
                            "column(s): give just the rows and columns the question asks for.")
        cells = answer.to_numpy().ravel().tolist() + list(answer.index)
        size = sum(len(v) for v in cells if isinstance(v, (str, bytes)))
    elif isinstance(answer, dict):
        if len(answer) > MAX_ANSWER_ITEMS:
            raise too_many
        size = sum(_text_size(k) + _text_size(v) for k, v in answer.items())
    elif isinstance(answer, (int, float, complex, bool)) or answer is None or answer is Ellipsis:
        return answer
    elif hasattr(answer, "__iter__") or hasattr(answer, "__getitem__"):
        try:
            items = list(itertools.islice(iter(answer), MAX_ANSWER_ITEMS + 1))
        except TypeError:  # not iterable after all (e.g. a NumPy scalar)
            return answer
        if len(items) > MAX_ANSWER_ITEMS:
            raise too_many
        if not isinstance(answer, (list, tuple, set, frozenset)):
            answer = items  # read once: a generator cannot be read again
        size = sum(_text_size(item) for item in items)
    else:
        return answer
    if size > MAX_ANSWER_CHARS:
        raise _TooLarge("Your answer is thousands of characters long: give just the answer.")
        # (no number in it: a length's digits could read as the key, "25,000" as 25)
    return answer


def _item_text(value, depth: int = 0) -> str:
    """One value of an answer as short text; containers one level deep, anything else by its type."""
    if isinstance(value, str):
        return repr(value[:MAX_ANSWER_TEXT]) if depth else value[:MAX_ANSWER_TEXT * 2].strip()
    if isinstance(value, bytes):
        return _item_text(value[:MAX_ANSWER_TEXT * 4].decode("utf-8", "replace"), depth)
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, numbers.Number):
        text = str(value)  # ValueError for an int of thousands of digits: caught by answer_text
        return text if len(text) <= MAX_ANSWER_TEXT else text[:MAX_ANSWER_TEXT]
    if depth == 0 and isinstance(value, pd.DataFrame):
        head = [" | ".join(_item_text(v, 1) for v in row[:10]) for row in value.head(5).itertuples(index=False)]
        columns = ", ".join(map(str, list(value.columns)[:10]))
        return f"table of {value.shape[0]} rows ({columns}): " + "; ".join(head)
    if depth == 0 and isinstance(value, pd.Series):
        pairs = itertools.islice(value.items(), 20)
        return "{" + ", ".join(f"{_item_text(k, 1)}: {_item_text(v, 1)}" for k, v in pairs) + "}"
    if depth == 0 and isinstance(value, dict):
        pairs = itertools.islice(value.items(), 20)
        return "{" + ", ".join(f"{_item_text(k, 1)}: {_item_text(v, 1)}" for k, v in pairs) + "}"
    one_dimensional = type(value).__module__.split(".")[0] in ("numpy", "pandas") and getattr(value, "ndim", 0) == 1
    if depth == 0 and (isinstance(value, (list, tuple, set, frozenset)) or one_dimensional):  # .unique(): an array
        items = [_item_text(v, 1) for v in itertools.islice(iter(value), 40)]
        if isinstance(value, (set, frozenset)):
            items.sort()
        return "[" + ", ".join(items) + "]"
    return f"({type(value).__name__})"


def answer_text(answer) -> str | None:
    """What an answer says, as text for the progress journal (at most ``MAX_ANSWER_TEXT`` characters are
    kept there), or None for no answer.  Never raises, and reads no more of an answer than it shows: a
    generator or another object is named by its type.

    >>> answer_text("  Di Maio "), answer_text(25), answer_text(13.5), answer_text(None)
    ('Di Maio', '25', '13.5', None)
    >>> answer_text(["Blinken", "Di Maio"]), answer_text(x for x in "ab")
    ("['Blinken', 'Di Maio']", '(generator)')
    """
    if answer is None or answer is Ellipsis:
        return None
    try:
        return _item_text(answer) or None
    except KeyboardInterrupt:
        raise
    except BaseException:  # an answer that breaks when looked at
        try:
            return f"({type(answer).__name__})"
        except BaseException:
            return None


def _save_note(error: BaseException) -> str:
    if isinstance(error, ProgressError):
        return f" (Your answer was checked but not saved. {error})"
    return f" (Your answer was checked but not saved: {why(error)}.)"


def _holds_blank_safely(answer) -> bool:
    try:
        return holds_blank(answer)
    except Exception:  # an answer that breaks when looked at holds no blank of ours
        return False


def check(exercise_id: str, answer, *, record: bool = True) -> Feedback:
    """Check ``answer`` to exercise ``exercise_id``; never raises (Interrupt excepted).

    The attempt (with the answer's text, see :func:`answer_text`) is recorded in the learner's progress
    file unless ``record`` is False;
    if it cannot be, the feedback says so.  If the notebook reads another article than
    the one the exercise's key is for (see :func:`~conflict_reading.article.current_article`),
    the answer is neither passed nor failed: a note says so, and nothing is recorded.
    Answers past ``MAX_ANSWER_CHARS`` characters or ``MAX_ANSWER_ITEMS`` items are not checked.
    """
    try:
        exercise = get_exercise(exercise_id)
    except ExerciseError as error:
        return Feedback(False, str(error), exercise=exercise_id[:80] if isinstance(exercise_id, str) else None,
                        state="info")
    except Exception:
        return Feedback(False, "The exercises could not be loaded: ask your instructor.", state="info")

    said = answer_text(answer)  # the text the journal keeps (bounded), taken before a generator is read
    try:
        answer = _bounded(answer)
        blank = is_blank(answer)
    except _TooLarge as error:
        answer, blank, too_large = None, False, str(error)
    except KeyboardInterrupt:
        raise
    except BaseException:  # an answer that breaks when looked at: judged below, as what it is
        blank, too_large = False, None
    else:
        too_large = None
    reading = None if blank else _other_article(exercise)
    if reading is not None:
        # The key is about another article: neither right nor wrong, and not an attempt to record.
        return Feedback(False, _no_key_message(exercise, reading), exercise=exercise.id, state="info")
    if blank:
        placeholder = "the blank ___" if _holds_blank_safely(answer) else "the ..."
        feedback = Feedback(
            False, f"Not answered yet: replace {placeholder} with your answer, then run the cell again.",
            hint=exercise.hints[0] if exercise.hints else None, exercise=exercise.id, state="info",
        )
        passed = False
    elif too_large:
        passed, feedback = False, Feedback(False, too_large, hint=exercise.hints[0] if exercise.hints else None,
                                           exercise=exercise.id)
    else:
        try:
            passed, reason = _evaluate(exercise, answer)
        except ExerciseError as error:
            return Feedback(False, str(error), exercise=exercise.id, state="info")
        except KeyboardInterrupt:
            raise
        except BaseException:  # a hostile or odd answer: say so, never a traceback
            passed, reason = False, "I could not compare this answer: give it as text, a number or a list."
        if passed:
            feedback = Feedback(True, f"Correct! {exercise.explanation}".strip(), exercise=exercise.id)
        else:
            try:
                targeted = _targeted_message(exercise, answer)
            except KeyboardInterrupt:
                raise
            except BaseException:
                targeted = None
            feedback = Feedback(
                False, targeted or reason,
                hint=exercise.hints[0] if exercise.hints else None, exercise=exercise.id,
            )
    if record:
        store = ProgressStore()
        try:
            store.record_attempt(exercise.id, passed, blank=blank, answer=None if blank else said)
        except (OSError, ProgressError) as error:
            feedback.message += _save_note(error)
        notices = store.take_notices()
        if notices:
            feedback.message += " " + " ".join(notices)
    return feedback


def hint(exercise_id: str) -> Feedback:
    """The next hint for an exercise: first a nudge, then stronger ones."""
    try:
        exercise = get_exercise(exercise_id)
    except ExerciseError as error:
        return Feedback(False, str(error), state="info")
    if not exercise.hints:
        return Feedback(False, "This exercise has no hints: reread the prompt and the paragraph it names.",
                        exercise=exercise.id, state="info")
    store = ProgressStore()
    note = ""
    try:
        seen = store.next_hint_index(exercise.id)
    except ProgressError as error:
        seen, note = 0, f" (Which hints you have seen cannot be counted. {error})"
    index = min(seen, len(exercise.hints) - 1)
    more = " (That is the last hint.)" if index == len(exercise.hints) - 1 else " (Ask again for a stronger hint.)"
    if _other_article(exercise) is not None:
        more += f" This hint is about the kit's article, {exercise.article}."
    notices = " ".join(store.take_notices())
    return Feedback(False, f"Hint {index + 1} of {len(exercise.hints)}: {exercise.hints[index]}{more}{note}"
                    + (f" {notices}" if notices else ""), exercise=exercise.id, state="info")


def solution(exercise_id: str) -> Feedback:
    """The solution, in instructor mode only."""
    try:
        exercise = get_exercise(exercise_id)
    except ExerciseError as error:
        return Feedback(False, str(error), state="info")
    if not instructor_mode():
        return Feedback(False, "Solutions are shown in instructor mode only. Try hint() for a nudge.",
                        exercise=exercise.id, state="info")
    try:
        shown = exercise.solution or exercise.key_answer()
    except ExerciseError as error:
        return Feedback(False, str(error), exercise=exercise.id, state="info")
    return Feedback(True, f"Solution: {shown}", exercise=exercise.id, state="info")


def exercises() -> pd.DataFrame:
    """All exercises: id, lesson, title, kind and this learner's status.

    If the progress record cannot be read, :class:`~conflict_reading.progress.ProgressError` says
    why in one line (rather than a table that looks like lost progress).
    """
    status = status_by_exercise(ProgressStore().load()["attempts"])
    rows = [
        {"id": e.id, "lesson": e.lesson, "title": e.title, "kind": e.kind, "status": status.get(e.id, "not tried")}
        for e in all_exercises().values()
    ]
    return pd.DataFrame(rows, columns=["id", "lesson", "title", "kind", "status"])
