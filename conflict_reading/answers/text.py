"""Compare a learner's answer with an answer key, forgivingly.

Each function accepts every reasonable form of a right answer: any case and
spacing, with or without accents and titles, numbers in Indonesian or English
notation.

>>> same_text("  Tanduk   AFRIKA ", "tanduk afrika")
True
>>> same_name("Menlu Italia Di Maio", "Luigi Di Maio"), same_name("Anthony Blinken", "Antony Blinken")
(True, True)
>>> same_name("Luigi", "Luigi Di Maio"), same_name("Maio", "Luigi Di Maio")
(False, False)
>>> same_number("13,5 miliar", 13.5e9), same_number("13.5 billion", 13.5e9), same_number(13.5e9, "13,5 miliar")
(True, True, True)
"""

from __future__ import annotations

import math
import re
import unicodedata
from difflib import SequenceMatcher

from .lexicons import word_list
from .numerals import number_values

_PUNCTUATION = re.compile(r"[^\w\s%-]")


def normalize_text(value) -> str:
    """Lower case, no accents, no punctuation, single spaces.

    >>> normalize_text("  “Kelompok   Téror”! ")
    'kelompok teror'
    """
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("\u2013", "-").replace("\u2014", "-")
    text = _PUNCTUATION.sub(" ", text)
    return " ".join(text.split())


def same_text(answer, expected) -> bool:
    return isinstance(answer, str) and normalize_text(answer) == normalize_text(expected) != ""


def _close(a: str, b: str) -> bool:
    """Same word, allowing one slip in a long word (Antony/Anthony)."""
    if a == b:
        return True
    return min(len(a), len(b)) >= 5 and SequenceMatcher(None, a, b).ratio() >= 0.85


def surname(name: str) -> list[str]:
    """The last name, with its particles.

    >>> surname("Luigi Di Maio"), surname("Antony Blinken")
    (['di', 'maio'], ['blinken'])
    """
    tokens = normalize_text(name).split()
    particles = word_list("name-particles")
    start = len(tokens) - 1
    while start > 0 and tokens[start - 1] in particles:
        start -= 1
    return tokens[start:]


def same_name(answer, expected) -> bool:
    """True if ``answer`` names the person ``expected`` names.

    The answer must end with the surname; any other words must be parts of the
    full name or titles and nationalities (``lexicons/name-qualifiers.txt``).
    """
    if not isinstance(answer, str):
        return False
    given = normalize_text(answer).split()
    full = normalize_text(expected).split()
    last = surname(expected)
    if not given or len(given) < len(last):
        return False
    if not all(_close(g, e) for g, e in zip(given[-len(last):], last)):
        return False
    qualifiers = word_list("name-qualifiers")
    return all(
        word in qualifiers or any(_close(word, part) for part in full) for word in given[: -len(last)]
    )


def same_number(answer, expected, tolerance: float = 0.0, relative: float = 0.0) -> bool:
    """True if any value ``answer`` can mean is within tolerance of ``expected``."""
    targets = number_values(expected)  # a key may itself be written out ("13,5 miliar")
    given = number_values(answer)
    for target in targets:
        allowed = max(tolerance, abs(target) * relative, 1e-9 * max(1.0, abs(target)))
        if any(abs(value - target) <= allowed for value in given):
            return True
    return False


def scale_slip(answer, expected) -> int | None:
    """The power of ten by which ``answer`` is off, if that is all that is wrong.

    >>> scale_slip("436 ribu", 436e6)
    -3
    """
    targets = number_values(expected)
    if len(targets) != 1 or 0 in targets:
        return None
    target = targets.pop()
    for value in number_values(answer):
        if value == 0:
            continue
        power = math.log10(abs(value / target))
        if abs(power - round(power)) < 1e-9 and round(power) != 0:
            return round(power)
    return None
