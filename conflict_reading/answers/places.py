"""A place in a learner's answer, by any of its names: compared through the kit's gazetteer.

Every form in ``gazetteer/places.csv`` (Indonesian and English, "Amerika Serikat", "AS", "U.S.A.") names
its place; ``lexicons/place-aliases.csv`` adds names people write that the gazetteer lacks ("the States",
"Russian Federation"). "Amerika" is the United States, as in the news (the gazetteer notes why).

>>> [place_of(p).name for p in ("US", "the United States", "Amerika Serikat", "America", "u.s.a.")]
['United States', 'United States', 'United States', 'United States', 'United States']
>>> same_place("Rome, Italy", "Rome"), same_place("Italy", "Rome"), same_place("Suriah", "Syria")
(True, False, True)
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..lexicons import LEXICON_DIR
from .text import answer_words, normalize_text, strip_frame

GAZETTEER = Path(__file__).resolve().parent.parent / "gazetteer" / "places.csv"


@dataclass(frozen=True)
class Place:
    name: str  # the gazetteer's English name
    iso: str  # the country's code ("" for seas, continents, disputed places)
    kind: str  # country, city, region, continent, water, other


def _rows(path: Path):
    with open(path, encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(line for line in handle if not line.startswith("#"))


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, Place], dict[str, Place], dict[str, Place]]:
    """(form as written → place, normalized form → place, English name → place)."""
    exact: dict[str, Place] = {}
    by_name: dict[str, Place] = {}
    for row in _rows(GAZETTEER):
        place = Place(row["name"], row["iso"], row["kind"])
        exact.setdefault(row["form"], place)
        if row["form"] == row["name"] or row["name"] not in by_name:
            by_name[row["name"]] = by_name.get(row["name"]) or place
    for row in _rows(LEXICON_DIR / "place-aliases.csv"):
        if row["name"] in by_name:
            exact.setdefault(row["form"], by_name[row["name"]])
    loose: dict[str, Place] = {}
    capitals_only = frozenset(answer_words()["places"]["capitals_only"])
    for form, place in exact.items():
        if form not in capitals_only:
            loose.setdefault(normalize_text(form), place)
    return exact, loose, by_name


def country_name(iso: str) -> str | None:
    """The English name of the country with code ``iso``.

    >>> country_name("IT"), country_name("US")
    ('Italy', 'United States')
    """
    return next((p.name for p in _places()[2].values() if p.iso == iso and p.kind == "country"), None)


def _lookup(text: str) -> Place | None:
    exact, loose, _ = _places()
    text = text.strip().strip("\"'“”‘’")
    if text in exact:
        return exact[text]
    normalized = normalize_text(text)
    words_before = sorted(answer_words()["places"]["before"], key=len, reverse=True)
    for _ in range(3):
        if normalized in loose:
            return loose[normalized]
        before = next((b + " " for b in words_before if normalized.startswith(b + " ")), None)
        if before is None:
            break
        normalized = normalized[len(before):]
    return None


def place_of(answer) -> Place | None:
    """The place an answer names: one name, or a place with its country ("Rome, Italy", "Roma (Rome)").

    >>> place_of("Tanduk Afrika").name, place_of("in Rome").name, place_of("Estmar")
    ('Horn of Africa', 'Rome', None)
    """
    if not isinstance(answer, str) or len(answer) > 200:
        return None
    text = strip_frame(answer)
    whole = _lookup(text)
    if whole is not None:
        return whole
    parts = [p for p in re.split(r"[,()\[\]/;]|\s[-–—]\s", text) if p.strip()]
    if len(parts) < 2:
        return None
    places = [_lookup(p) for p in parts]
    if any(p is None for p in places):
        return None
    distinct = list(dict.fromkeys(places))
    if len(distinct) == 1:
        return distinct[0]
    inner = [p for p in distinct if p.kind != "country"]
    countries = [p for p in distinct if p.kind == "country"]
    if len(inner) == 1 and all(c.iso and c.iso == inner[0].iso for c in countries):
        return inner[0]  # "Rome, Italy": the city, with its country
    return None


def same_place(answer, expected) -> bool:
    """Do ``answer`` and ``expected`` name the same place?  Text that names no known place is compared
    as text.

    >>> same_place("USA", "United States"), same_place("Amerika", "United States"), same_place("Iran", "Iraq")
    (True, True, False)
    """
    if not isinstance(answer, str):
        return False
    given, target = place_of(answer), place_of(expected) if isinstance(expected, str) else None
    if given is not None and target is not None:
        return given.name == target.name
    from .text import same_text

    return same_text(answer, expected)
