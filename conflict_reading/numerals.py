"""Read a number written the way people write them, in Indonesian or English.

One written number at a time: the numbers engine reads the article's numbers with it, and
:mod:`conflict_reading.answers.numbers` finds the number in a learner's whole answer ("25 paragraphs")
and reads it with it. It returns every value a text can reasonably mean: ``"13,500"`` is 13.5 in Indonesian and 13500
in English.  Digit groups follow Babel's CLDR data for each locale; number words
and scale words come from ``lexicons/number-words.toml``.

>>> number_values("13,5 miliar")
{13500000000.0}
>>> number_values("13.5 billion dollars") == number_values("13.500.000.000") == number_values(13.5e9)
True
>>> sorted(number_values("13,500"))
[13.5, 13500.0]
>>> number_values("dua puluh lima"), number_values("seventy-seven"), number_values("tujuh")
({25.0}, {77.0}, {7.0})
"""

from __future__ import annotations

import math
import re
import tomllib
from decimal import Decimal
from functools import lru_cache
from numbers import Real

from babel.numbers import NumberFormatError, parse_decimal

from .lexicons import LEXICON_DIR

LOCALES = ("id", "en")
# "dolar AS", "dolar Amerika", "US dollars": the country after a currency word is part of it
_CURRENCY_COUNTRY = {"as", "amerika", "serikat", "us", "u.s", "u.s.", "singapura", "australia", "hong", "kong"}


@lru_cache(maxsize=1)
def number_words() -> dict:
    with open(LEXICON_DIR / "number-words.toml", "rb") as handle:
        return tomllib.load(handle)


def currency_code(word: str) -> str | None:
    """The ISO 4217 code of a currency word or symbol.

    >>> currency_code("dolar"), currency_code("Rp"), currency_code("kata")
    ('USD', 'IDR', None)
    """
    return number_words()["currencies"].get(word.lower())


def digit_values(text: str) -> set[float]:
    """The values a string of digits can mean under Indonesian or English conventions.

    >>> digit_values("250.000"), digit_values("1e9")
    ({250000.0, 250.0}, {1000000000.0})
    """
    text = text.strip().replace("\u00a0", "").replace(" ", "")
    values = set()
    for locale in LOCALES:
        try:
            values.add(float(parse_decimal(text, locale=locale, strict=True)))
        except (NumberFormatError, ValueError, ArithmeticError):
            pass
    if not values and re.fullmatch(r"[-+]?\d+(?:\.\d+)?[eE][-+]?\d+", text):
        values.add(float(Decimal(text)))
    return {v for v in values if math.isfinite(v)}


def _scale(word: str) -> float | None:
    for language in LOCALES:
        scale = number_words()[language]["scales"].get(word)
        if scale:
            return scale
    return None


def words_value(words: list[str]) -> float | None:
    """The value of number words ("dua puluh lima", "seventy seven", "tiga ratus ribu"), or None.

    >>> words_value(["tiga", "ratus", "ribu"]), words_value(["two", "hundred", "and", "five"])
    (300000.0, 205.0)
    """
    lexicon = number_words()
    id_words, en_words = lexicon["id"], lexicon["en"]
    units = {**en_words["units"], **id_words["units"]}
    se_words = {**en_words["se_words"], **id_words["se_words"]}
    total = hundreds = small = 0.0
    previous, last_scale = None, None
    for word in words:
        if word in id_words["joiners"] or word in en_words["joiners"]:
            continue
        if word in units:
            value = units[word]
            if previous in ("unit", "teen", "se", "a") or (previous == "tens" and (value >= 10 or value == 0)):
                return None  # "lima dua", "twenty twelve": not one number
            small += value
            previous = "tens" if value >= 20 else "unit"
        elif word in se_words:
            value = se_words[word]
            if previous in ("unit", "tens", "teen", "puluh", "se", "a"):
                return None
            if word in en_words["se_words"]:  # "a" hundred / million
                small, previous = 1, "a"
            elif value >= 1000:
                if last_scale and value >= last_scale:
                    return None
                total, last_scale, previous = total + value, value, "scale"
            elif value == 100:
                hundreds, previous = hundreds + 100, "hundred"
            else:
                small, previous = small + value, "se"
        elif word in (id_words["teen"], id_words["tens"]):
            if previous != "unit" or not 1 <= small <= 9:
                return None  # "belas" or "puluh" needs a unit before it
            small = small + 10 if word == id_words["teen"] else small * 10
            previous = "teen" if word == id_words["teen"] else "puluh"
        elif word in (id_words["hundreds"], en_words["hundreds"]):
            if previous not in ("unit", "a", "teen") or not 1 <= small <= 99 or hundreds:
                return None
            hundreds, small, previous = hundreds + small * 100, 0, "hundred"
        elif _scale(word) and word.isalpha() and len(word) > 2:
            scale = _scale(word)
            if not (hundreds + small) or (last_scale and scale >= last_scale):
                return None  # "ribu" alone, "ribu ribu"
            total += (hundreds + small) * scale
            hundreds = small = 0
            last_scale, previous = scale, "scale"
        else:
            return None
    if previous in (None, "a"):
        return None
    return total + hundreds + small


def number_values(answer) -> set[float]:
    """Every value ``answer`` can reasonably mean (empty if it is not a number).

    Accepts Python numbers, digits in Indonesian or English notation, an optional
    scale word (ribu, juta, miliar, triliun, thousand, million, billion), number
    words, and ignores currency words and percent signs.
    """
    if isinstance(answer, bool):
        return set()
    if isinstance(answer, Real):
        value = float(answer)
        return {value} if math.isfinite(value) else set()
    if not isinstance(answer, str) or len(answer) > 200:
        return set()
    # a hyphen between letters joins number words ("twenty-five"); a leading one is a minus sign
    text = re.sub(r"(?<=[a-z])[-\u2013](?=[a-z])", " ", answer.lower()).strip()
    words = text.split()
    kept = []
    saw_currency = False
    for word in words:
        bare = word.strip(".,;:()")
        if currency_code(bare):
            saw_currency = True
            continue
        if bare in ("%", "persen", "percent", "per", "cent") or (saw_currency and bare in _CURRENCY_COUNTRY):
            continue
        # "US$436" or "Rp50.000": a currency symbol glued to the digits
        glued = re.match(r"^(us\$|as\$|\$|rp|€)(\d.*)$", bare)
        if glued:
            bare = glued.group(2)
        if bare.endswith("%"):
            bare = bare[:-1]
        kept.append(bare)
    if not kept:
        return set()
    *head, last = kept
    scale = _scale(last) if head else None
    digits = head if scale else kept
    if len(digits) == 1 and re.search(r"\d", digits[0]):
        return {v * (scale or 1) for v in digit_values(digits[0])}
    value = words_value(kept)
    return {value} if value is not None else set()
