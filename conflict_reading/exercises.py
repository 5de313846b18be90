"""Exercise definitions, read from ``exercises/*.toml`` (one file per lesson).

An exercise is data: an id, a prompt, a kind of answer, the answer key (or
where to read it from), hints, and messages for predictable wrong answers.

>>> exercise = get_exercise("00-paragraphs")
>>> exercise.kind, exercise.lesson
('number', '00')
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from .errors import KitError
from .paths import annotations_dir, exercises_dir

KINDS = ("text", "name", "number", "date", "place", "choice", "set", "table")
ITEM_KINDS = ("text", "name", "number", "date", "place")  # what one item of a set, or one cell of a table, is
ROUNDINGS = ("any",)


class ExerciseError(KitError):
    """An exercise id that does not exist, or a definition that is broken."""


@dataclass(frozen=True)
class WrongAnswer:
    """A predictable wrong answer and what to tell the learner about it."""

    answer: object
    message: str


@dataclass(frozen=True)
class Exercise:
    id: str
    lesson: str
    title: str
    prompt: str
    kind: str
    answer: object = None
    answer_from: dict | None = None
    accept: tuple = ()
    options: tuple = ()
    item_kind: str = "text"
    columns: dict = field(default_factory=dict)
    key: str | None = None
    tolerance: float = 0.0
    relative_tolerance: float = 0.0
    rounding: str | None = None  # "any": the key rounded to whole numbers or to any decimals is right too
    unit: str | None = None  # "paragraph": of several numbers in an answer, the one written with ¶ or "paragraph"
    option_aliases: tuple = ()  # parallel to options: other names of each option ("partial quote")
    hints: tuple = ()
    wrong: tuple = ()
    solution: str = ""
    explanation: str = ""
    article: str | None = None
    depends_on_article: bool = True  # False: the answer is the same whatever article a notebook reads

    def key_is_for(self, article_name: str | None) -> bool:
        """Whether this exercise's key can judge an answer about ``article_name``.

        An exercise about one article (``article`` in its definition) has a key
        for that article only, unless ``depends_on_article = false`` says its
        answer is the same for any article.  None (nothing known) counts as
        the exercise's own article.

        >>> get_exercise("00-paragraphs").key_is_for("another-article")
        False
        >>> get_exercise("01-why-keep-verbs").key_is_for("another-article")
        True
        """
        if not self.depends_on_article or self.article is None or article_name is None:
            return True
        return article_name == self.article

    def key_answer(self):
        """The answer key: given in the definition, or read from an annotation file."""
        if self.answer_from is None:
            return self.answer
        return answer_from_annotation(self.answer_from, self.article)


def answer_from_annotation(spec: dict, article: str | None):
    """Read an answer key from ``data/annotations/<article>.json``.

    ``spec`` names a ``table`` (a list of records), optional ``where`` (field
    values a record must have), a ``select``ed field, and what to return:
    ``"value"`` (the single selected value), ``"values"`` (all, in order),
    ``"unique"`` (distinct, in order of appearance), ``"count"``, or
    ``"records"`` (the records themselves, for table exercises).
    """
    name = spec.get("article", article)
    path = annotations_dir() / f"{name}.json"
    try:
        records = json.loads(path.read_text(encoding="utf-8"))[spec["table"]]
    except (OSError, KeyError, ValueError) as error:
        raise ExerciseError(f"No answer key for this article ({path.name}: {error}).") from None
    where = spec.get("where", {})
    records = [r for r in records if all(r.get(k) == v for k, v in where.items())]
    select, returns = spec.get("select"), spec.get("returns", "value")
    values = [r.get(select) for r in records] if select else records
    if returns == "count":
        return len(values)
    if returns == "records":
        return records
    if returns == "unique":
        return list(dict.fromkeys(values))
    if returns == "values":
        return values
    if len(values) != 1:
        raise ExerciseError(f"The answer key in {path.name} is ambiguous ({len(values)} records match).")
    return values[0]


def _date_text(value) -> str | None:
    """Why ``value`` is not one date (an ISO key, or a date in any form), or None if it is."""
    from .answers.dates import parse_key, read_dates

    if parse_key(value) is not None:
        return None
    if isinstance(value, str) and len(read_dates(value).dates) == 1 and read_dates(value).dates[0].valid():
        return None
    return f"{value!r} is not one date"


def _validate(entry: dict, kind: str, broken) -> None:
    """Check the fields a kind of answer needs; ``broken(why)`` raises the ExerciseError."""
    item_kind = entry.get("item_kind", "text")
    if item_kind not in ITEM_KINDS:
        broken(f"item_kind {item_kind!r} is not one of {', '.join(ITEM_KINDS)}")
    rounding = entry.get("rounding")
    if rounding is not None:
        if rounding not in ROUNDINGS:
            broken(f"rounding must be \"any\", not {rounding!r}")
        if kind != "number" and not (kind == "set" and item_kind == "number"):
            broken("rounding is for number answers only")
    unit = entry.get("unit")
    if unit is not None:
        from .answers.text import answer_words

        if unit not in answer_words()["numbers"]["units"]:
            broken(f"unit {unit!r} is not one of {', '.join(answer_words()['numbers']['units'])}")
        if kind != "number":
            broken("unit is for number answers only")
    aliases = entry.get("option_aliases")
    if aliases is not None:
        options = entry.get("options", [])
        if kind != "choice":
            broken("option_aliases is for choice exercises only")
        if not isinstance(aliases, list) or len(aliases) != len(options) or not all(
                isinstance(a, list) and all(isinstance(x, str) and x.strip() for x in a) for a in aliases):
            broken(f"option_aliases must be a list of {len(options)} lists of words, one list per option")
        from .answers.text import normalize_text

        owner: dict[str, int] = {}
        for n, names in enumerate([[o, *a] for o, a in zip(options, aliases)]):
            for name in names:
                if owner.setdefault(normalize_text(name), n) != n:
                    broken(f"{name!r} names two options")
    if kind == "choice" and "answer" in entry:
        from .answers.text import same_text

        if not any(same_text(entry["answer"], o) for o in entry.get("options", [])):
            broken("its answer is not one of its options")
    if kind == "date" or (kind == "set" and item_kind == "date"):
        keys = entry.get("answer") if kind == "date" else None
        for value in ([keys] if keys is not None else []) + list(entry.get("accept", ())):
            if parse_failure := _date_text(value):
                broken(f"{parse_failure} (write a key as 2021-06-27, 2019-03 or 2014)")
        seen: dict[str, int] = {}
        for n, wrong in enumerate(entry.get("wrong", ()), 1):
            answer = wrong.get("answer") if isinstance(wrong, dict) else None
            if parse_failure := _date_text(answer):
                broken(f"wrong answer {n}: {parse_failure}")
            from .answers.dates import parse_key, read_dates

            date = parse_key(answer) or read_dates(answer).dates[0]
            day = (date.month, date.day)
            if day in seen:
                broken(f"wrong answers {seen[day]} and {n} are the same date")
            seen[day] = n


def _exercise(entry: dict, lesson: str, article: str | None, source: str) -> Exercise:
    def broken(why: str):
        raise ExerciseError(f"{source}: exercise {entry.get('id')!r}: {why}.")

    try:
        kind = entry["kind"]
        if kind not in KINDS:
            raise ExerciseError(f"{source}: exercise {entry.get('id')!r} has unknown kind {kind!r}.")
        if "answer" not in entry and "answer_from" not in entry:
            raise ExerciseError(f"{source}: exercise {entry['id']!r} has no answer key.")
        depends = entry.get("depends_on_article", True)
        if not isinstance(depends, bool):
            raise ExerciseError(f"{source}: exercise {entry['id']!r}: depends_on_article must be true or false.")
        _validate(entry, kind, broken)
        return Exercise(
            id=entry["id"],
            lesson=entry.get("lesson", lesson),
            title=entry["title"],
            prompt=entry["prompt"],
            kind=kind,
            answer=entry.get("answer"),
            answer_from=entry.get("answer_from"),
            accept=tuple(entry.get("accept", ())),
            options=tuple(entry.get("options", ())),
            item_kind=entry.get("item_kind", "text"),
            columns=dict(entry.get("columns", {})),
            key=entry.get("key"),
            tolerance=float(entry.get("tolerance", 0.0)),
            relative_tolerance=float(entry.get("relative_tolerance", 0.0)),
            rounding=entry.get("rounding"),
            unit=entry.get("unit"),
            option_aliases=tuple(tuple(a) for a in entry.get("option_aliases", ())),
            hints=tuple(entry.get("hints", ())),
            wrong=tuple(WrongAnswer(w["answer"], w["message"]) for w in entry.get("wrong", ())),
            solution=entry.get("solution", ""),
            explanation=entry.get("explanation", ""),
            article=entry.get("article", article),
            depends_on_article=depends,
        )
    except KeyError as missing:
        raise ExerciseError(f"{source}: an exercise lacks the field {missing}.") from None


@lru_cache(maxsize=1)
def all_exercises() -> dict[str, Exercise]:
    """Every exercise of every lesson, by id, in lesson order."""
    found: dict[str, Exercise] = {}
    for path in sorted(exercises_dir().glob("*.toml")):
        with open(path, "rb") as handle:
            definition = tomllib.load(handle)
        for entry in definition.get("exercise", []):
            exercise = _exercise(entry, definition.get("lesson", path.stem[:2]), definition.get("article"), path.name)
            if exercise.id in found:
                raise ExerciseError(f"{path.name}: the exercise id {exercise.id!r} is used twice.")
            found[exercise.id] = exercise
    return found


def shown_id(exercise_id, limit: int = 40) -> str:
    """An exercise id as a message may quote it: in quotes, at most ``limit`` characters.

    >>> shown_id("00-paragraphs"), shown_id("x" * 1000)[-4:], shown_id(25)
    ("'00-paragraphs'", "xx…'", "'25'")
    """
    try:
        text = exercise_id if isinstance(exercise_id, str) else str(exercise_id)
    except Exception:  # an object whose str() fails: say what it is
        text = type(exercise_id).__name__
    return repr(text if len(text) <= limit else text[:limit] + "…")


def get_exercise(exercise_id: str) -> Exercise:
    if not isinstance(exercise_id, str):
        raise ExerciseError(
            f"There is no exercise {shown_id(exercise_id)}: the exercise id comes first, as text in quotes, "
            "then your answer, as in check(\"00-paragraphs\", answer)."
        )
    exercises = all_exercises()
    if exercise_id not in exercises:
        close = [i for i in exercises if i.split("-")[0] == exercise_id[:40].split("-")[0]]
        suggestion = f" Exercises of this lesson: {', '.join(close)}." if close else ""
        raise ExerciseError(
            f"There is no exercise {shown_id(exercise_id)}: check the id in the exercise's heading.{suggestion}")
    return exercises[exercise_id]
