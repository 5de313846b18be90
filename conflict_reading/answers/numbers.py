"""A number in a learner's answer: with its unit and the words around it, in Indonesian or English.

``numerals`` reads one written number ("13,5 miliar", "dua puluh lima"); this module finds the numbers
in a whole answer ("25 paragraphs", "in 2014", "¶23", "77 + 5 = 82") and compares one of them with a key.

>>> sorted(read_number("There are 25 paragraphs.").values), sorted(read_number("¶23").values)
([25.0], [23.0])
>>> read_number("82 (77 negara dan lima organisasi)").shown
['82', '77', 'lima']
>>> same_number("about 3%", 3.2296, rounding="any"), same_number("3.3", 3.2296, rounding="any")
(True, False)
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from numbers import Real

from ..lexicons import LEXICON_DIR
from ..numerals import currency_code, number_values, number_words
from .text import answer_words

MAX_CHARS = 1_000  # a number answer longer than this is not searched for numbers
MAX_WORDS = 6  # the longest run of words read as one number ("dua ribu empat belas dolar")


@dataclass
class NumberReading:
    """What a learner's answer says as a number: the values of its one number (empty when there is
    none or several), and each distinct number as the learner wrote it (``shown``)."""

    values: set = field(default_factory=set)
    shown: list = field(default_factory=list)
    problem: str | None = None  # why no single number was read, in words for the learner


@lru_cache(maxsize=1)
def _ordinals() -> dict[str, int]:
    with open(LEXICON_DIR / "number-context.toml", "rb") as handle:
        return {word.lower(): int(value) for word, value in tomllib.load(handle)["ordinals"].items()}


@lru_cache(maxsize=1)
def _number_word_starts() -> frozenset[str]:
    """Words a written-out number can begin with: units, se- words, and currency words."""
    lexicon = number_words()
    words = set()
    for language in ("id", "en"):
        words |= set(lexicon[language]["units"]) | set(lexicon[language]["se_words"])
    words |= set(lexicon["currencies"])
    return frozenset(words - {"a"})


def _tokens(text: str) -> list[str]:
    words = answer_words()["numbers"]
    marks = sorted(words["result_marks"], key=len, reverse=True)
    for mark in marks:  # "77 + 5 = 82": the result is what the learner answers
        if mark in text:
            text = text.rsplit(mark, 1)[1]
    text = text.replace("½", " ½ ")  # "13½": the half is a word of its own
    # "13 500 000 000": digits grouped by spaces are one number
    text = re.sub(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]*\d)",
                  lambda m: re.sub(r"\s", "", m.group()), text)
    text = re.sub(r"(?<=\d)[-–](?=\d)", " ", text)  # a range "25-30" is two numbers
    text = re.sub(r"(?<=[^\W\d_])[-–](?=[^\W\d_])", " ", text)  # "twenty-five"
    text = re.sub(r"(?<=\d)\s*([a-z]{1,3})\b", lambda m: " " + m.group(1) if m.group(1) in words["abbreviations"]
                  else m.group(0), text.lower())  # "13.5bn" → "13.5 bn"
    text = re.sub(r"[()\[\]{}+*/:;!?\"“”‘’«»≈~=<>|]", " ", text)
    tokens = []
    for token in text.split():
        token = token.strip(".,")
        for mark in words["before_marks"]:
            if token.startswith(mark) and len(token) > len(mark):
                tokens.append(mark)  # kept as a word of its own: it may say what the number counts (¶23)
                token = token[len(mark):]
        if re.fullmatch(r"\d[\d.,]*[x×]", token):
            token = token[:-1]
        token = words["abbreviations"].get(token, token)
        if token:
            tokens.append(token)
    return tokens


def _ordinal(token: str) -> float | None:
    """ "23rd", "ke-23", "kedua", "second" → its value."""
    if token in _ordinals():
        return float(_ordinals()[token])
    match = re.fullmatch(r"(?:ke-?)(\d+)|(\d+)(?:st|nd|rd|th)", token)
    if match:
        return float(match.group(1) or match.group(2))
    return None


def _may_start(token: str) -> bool:
    return any(ch.isdigit() for ch in token) or token in _number_word_starts() or bool(currency_code(token))


def _half_after(tokens: list[str], j: int) -> int:
    """How many tokens from ``j`` say "and a half" (0 if they do not)."""
    for words in answer_words()["numbers"]["halves"]:
        if tokens[j:j + len(words)] == words:
            return len(words)
    return 0


def _scale_of(word: str | None) -> float | None:
    if word is None:
        return None
    for language in ("id", "en"):
        scale = number_words()[language]["scales"].get(word)
        if scale:
            return float(scale)
    return None


def _found_numbers(text: str, unit: str | None = None) -> list[tuple[str, frozenset, bool]]:
    """(as written, values, written with ``unit``'s word or mark) of each number in ``text``, in order."""
    tokens = _tokens(text)
    pronoun_after = frozenset(answer_words()["numbers"]["pronoun_one_after"])
    unit_words = frozenset(answer_words()["numbers"]["units"].get(unit, ())) if unit else frozenset()

    def marked(start: int, end: int) -> bool:
        return (start > 0 and tokens[start - 1] in unit_words) or (end < len(tokens) and tokens[end] in unit_words)

    found, i = [], 0
    while i < len(tokens):
        token = tokens[i]
        if token == "one" and i and tokens[i - 1] in pronoun_after:
            i += 1
            continue
        ordinal = _ordinal(token)
        if ordinal is not None:
            found.append((token, frozenset({ordinal}), marked(i, i + 1)))
            i += 1
            continue
        if not _may_start(token):
            i += 1
            continue
        for length in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
            span = " ".join(tokens[i:i + length])
            values = number_values(span)
            if values:
                end = i + length
                half = _half_after(tokens, end)
                if half:  # "thirteen and a half billion": the half, then the scale word after it
                    end += half
                    scale = _scale_of(tokens[end] if end < len(tokens) else None)
                    if scale and not _scale_of(tokens[end - half - 1]):
                        values, end = {(v + 0.5) * scale for v in values}, end + 1
                    else:
                        values = {v + 0.5 for v in values}
                    span = " ".join(tokens[i:end])
                found.append((span, frozenset(values), marked(i, end)))
                i = end
                break
        else:
            i += 1
    return found


def _distinct(found: list[tuple[str, frozenset, bool]]) -> list[tuple[str, frozenset, bool]]:
    """One entry per different number: "25 (twenty-five)" holds one number."""
    kept: list[tuple[str, frozenset, bool]] = []
    for shown, values, marked in found:
        same = next((k for k, (_, other, _) in enumerate(kept) if values & other), None)
        if same is None:
            kept.append((shown, values, marked))
        elif marked:
            kept[same] = (kept[same][0], kept[same][1], True)
    return kept


def read_number(answer, unit: str | None = None) -> NumberReading:
    """The one number an answer gives, read with the words around it.

    With ``unit`` (e.g. ``"paragraph"``), an answer holding several numbers gives the one written with
    that unit's word or mark ("¶23 (55 words)" is 23).

    >>> sorted(read_number("in 2014").values), sorted(read_number("77 + 5 = 82").values)
    ([2014.0], [82.0])
    >>> sorted(read_number("¶23 (55 words)", unit="paragraph").values), sorted(read_number("13 500 000 000").values)
    ([23.0], [13500000000.0])
    >>> sorted(read_number("thirteen and a half billion").values)
    [13500000000.0]
    >>> read_number("no idea").problem
    'I could not find a number in your answer: write it in digits (a decimal comma is fine) or in number words.'
    """
    if isinstance(answer, Decimal):
        try:
            answer = float(answer)
        except (ValueError, OverflowError, InvalidOperation):
            return NumberReading(problem="I could not read that as a number: write it in digits.")
    if isinstance(answer, bool):
        return NumberReading(problem="This question wants a number, not True or False.")
    if isinstance(answer, Real):
        values = number_values(answer)
        if not values:
            return NumberReading(problem="That is not a finite number: write the number the text gives.")
        return NumberReading(values=values, shown=[str(answer)])
    if not isinstance(answer, str):
        if (isinstance(answer, tuple) and len(answer) == 2 and all(isinstance(v, Real) for v in answer)
                and not any(isinstance(v, bool) for v in answer)):
            return NumberReading(problem="In Python a comma makes two numbers: write the decimal with a point "
                                         "(13.5, not 13,5), or the number in quotes (\"13,5 miliar\").")
        if isinstance(answer, (list, tuple, set, frozenset, dict)):
            return NumberReading(problem="This question wants one number, not a list.")
        return NumberReading(problem="I could not read a number in your answer: write it in digits or in words.")
    if len(answer) > MAX_CHARS:
        return NumberReading(problem="Your answer is long: give just the number (with its unit if you like).")
    found = _distinct(_found_numbers(answer, unit))
    if not found:
        return NumberReading(problem="I could not find a number in your answer: write it in digits "
                                     "(a decimal comma is fine) or in number words.")
    shown = [text for text, _, _ in found]
    marked = [entry for entry in found if entry[2]]
    if len(found) > 1 and len(marked) == 1:  # "paragraph 3: hari Senin (28/6)": the paragraph's number
        return NumberReading(values=set(marked[0][1]), shown=[marked[0][0]])
    if len(found) > 1:
        listed = ", ".join(shown[:5]) + (", …" if len(shown) > 5 else "")
        return NumberReading(shown=shown, problem=f"Your answer has several numbers ({listed}): give just one.")
    return NumberReading(values=set(found[0][1]), shown=shown)


def answer_values(answer) -> set[float]:
    """Every value a typed answer can mean: numbers, number words, ordinals, a number with its unit
    (empty when it holds no number, or several).

    >>> sorted(answer_values("13,5 miliar")), answer_values("second"), answer_values("7 years")
    ([13500000000.0], {2.0}, {7.0})
    >>> answer_values("ke-2"), answer_values("2nd"), answer_values("banyak")
    ({2.0}, {2.0}, set())
    """
    if not isinstance(answer, (str, Real, Decimal)):
        return set()
    return read_number(answer).values


def decimals(value: float) -> int:
    """How many decimals ``value`` is written with (its shortest form).

    >>> decimals(3.0), decimals(3.2), decimals(3.23), decimals(13.5e9)
    (0, 1, 2, 0)
    """
    try:
        exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    except (InvalidOperation, ValueError, OverflowError):
        return 0
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def is_rounding(value: float, target: float) -> bool:
    """Is ``value`` ``target`` rounded to whole numbers or to some decimals (never to 0)?

    >>> is_rounding(3, 3.2296), is_rounding(3.2, 3.2296), is_rounding(3.23, 3.2296), is_rounding(3.22, 3.2296)
    (True, True, True, False)
    >>> is_rounding(0, 0.3), is_rounding(4, 3.2296)
    (False, False)
    """
    places = decimals(value)
    if value == 0 or places > 9 or not math.isfinite(value):
        return False
    return abs(value - target) <= 0.5 * 10 ** -places + 1e-12 * max(1.0, abs(target))


def same_number(answer, expected, tolerance: float = 0.0, relative: float = 0.0, rounding: str | None = None,
                unit: str | None = None) -> bool:
    """True if the one number ``answer`` gives is within tolerance of ``expected``, or (``rounding="any"``)
    is ``expected`` rounded.

    >>> same_number("13,5 miliar", 13.5e9), same_number("25 paragraphs", 25), same_number("24 or 25", 25)
    (True, True, False)
    """
    targets = number_values(expected)  # a key may itself be written out ("13,5 miliar")
    given = read_number(answer, unit).values
    for target in targets:
        allowed = max(tolerance, abs(target) * relative, 1e-9 * max(1.0, abs(target)))
        for value in given:
            if abs(value - target) <= allowed or (rounding == "any" and is_rounding(value, target)):
                return True
    return False


def scale_slip(answer, expected, unit: str | None = None) -> int | None:
    """The power of ten by which ``answer`` is off, if that is all that is wrong.

    >>> scale_slip("436 ribu", 436e6), scale_slip("436 ribu dolar", 436e6)
    (-3, -3)
    """
    targets = number_values(expected)
    if len(targets) != 1 or 0 in targets:
        return None
    target = targets.pop()
    for value in read_number(answer, unit).values:
        if value == 0:
            continue
        power = math.log10(abs(value / target))
        if abs(power - round(power)) < 1e-9 and round(power) != 0:
            return round(power)
    return None


def number_verdict(answer, expected, tolerance: float = 0.0, relative: float = 0.0,
                   rounding: str | None = None, unit: str | None = None) -> str:
    """Why ``answer`` is not ``expected``, in words for the learner ("" when it is right).

    >>> number_verdict("436 ribu", 436e6)
    'Your number is 1,000 times too small: check the scale word (ribu = thousand, juta = million, miliar = billion).'
    >>> number_verdict("82, 77 and 5", 82)
    'Your answer has several numbers (82, 77, 5): give just one.'
    """
    if same_number(answer, expected, tolerance, relative, rounding, unit):
        return ""
    reading = read_number(answer, unit)
    if reading.problem:
        return reading.problem
    slip = scale_slip(answer, expected, unit)
    if slip:
        factor = f"{10 ** abs(slip):,}"
        direction = "too large" if slip > 0 else "too small"
        advice = ("check the scale word (ribu = thousand, juta = million, miliar = billion)" if abs(slip) >= 3
                  else "check where the decimal comma or point goes (13,5 = 13.5)")
        return f"Your number is {factor} times {direction}: {advice}."
    return "That is not the number the text gives."
