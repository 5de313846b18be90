"""Read a learner's answer, and compare it with an answer key: the one place the kit does this.

``check()`` (:mod:`conflict_reading.checks`) and the widgets both read answers here. Each kind of answer
has a module with one concept: :mod:`.text` (case, accents, the words around an answer), :mod:`.numbers`
(a number with its unit and context, rounding), :mod:`.dates` (dates in every common form),
:mod:`.names` (a person by name, or by a title and country that fits one person of the article),
:mod:`.places` (a place by any of its names, through the gazetteer), :mod:`.lists` (lists in prose) and
:mod:`.choices` (a multiple-choice option by letter, text, alias or its own words). Words and rules are in
data files (``lexicons/answer-words.toml``, ``dates.toml``, ``roles.toml``, ``nationalities.csv``,
``place-aliases.csv``), never one article's answers.

:func:`verdict` says why an answer is wrong, truly, or "" when it is right:

>>> verdict("number", "25 paragraphs", 25), verdict("date", "27/06/21", "2021-06-27")
('', '')
>>> verdict("place", "USA", "United States"), verdict("name", "Menlu Italia", "Luigi Di Maio", Rules(people_of("koalisi-isis-roma")))
('', '')
>>> verdict("number", "82, 77 and 5", 82)
'Your answer has several numbers (82, 77, 5): give just one.'
"""

from __future__ import annotations

from dataclasses import dataclass

from .choices import Pick, pick_option
from .dates import date_matches, date_verdict, read_dates, same_date
from .lists import item_splits, split_items, word_split
from .names import Person, name_verdict, people_of, same_name, surname
from .numbers import answer_values, number_verdict, read_number, same_number, scale_slip
from .places import place_of, same_place
from .text import _close, content_words, normalize_text, same_text, strip_frame

__all__ = [
    "Rules", "verdict", "same", "normalize_text", "same_text", "strip_frame", "content_words", "same_name", "surname",
    "people_of", "Person", "name_verdict", "same_number", "scale_slip", "read_number", "answer_values",
    "number_verdict", "read_dates", "same_date", "date_verdict", "date_matches", "place_of", "same_place",
    "split_items", "item_splits", "word_split", "pick_option", "Pick", "_close",
]

KINDS = ("text", "name", "number", "date", "place")  # the kinds of a single value (choice, set, table build on them)


@dataclass(frozen=True)
class Rules:
    """What an exercise allows beyond the key itself: the article's people (for descriptions), tolerances and
    rounding for numbers, the year a date without one is read in."""

    people: tuple = ()
    tolerance: float = 0.0
    relative: float = 0.0
    rounding: str | None = None
    default_year: int | None = None
    unit: str | None = None  # what a number answer counts ("paragraph"): picks the number written with it


def verdict(kind: str, answer, expected, rules: Rules = Rules()) -> str:
    """Why ``answer`` is not ``expected`` for an answer of ``kind``, in words for the learner; "" if it is right."""
    if kind == "number":
        return number_verdict(answer, expected, rules.tolerance, rules.relative, rules.rounding, rules.unit)
    if kind == "date":
        return date_verdict(answer, expected, rules.default_year)
    if kind == "name":
        return name_verdict(answer, expected, rules.people)
    if kind == "place":
        return "" if same_place(answer, expected) else "That is not the place the text names here."
    return "" if same_text(answer, expected) else "That is not the answer this question is looking for."


def same(kind: str, answer, expected, rules: Rules = Rules()) -> bool:
    """Does ``answer`` give ``expected``, for an answer of ``kind``?

    >>> same("name", "Blinken", "Antony Blinken"), same("text", "Answer: tegas.", "tegas")
    (True, True)
    """
    if kind == "number":
        return same_number(answer, expected, rules.tolerance, rules.relative, rules.rounding, rules.unit)
    if kind == "name" and same_name(answer, expected):
        return True
    return verdict(kind, answer, expected, rules) == ""
