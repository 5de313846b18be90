"""A person in a learner's answer: by name, by title and country, or both.

A name passes when it ends with the person's surname, with any other words parts of the full name or
titles (``lexicons/name-qualifiers.txt``). A description ("the Italian foreign minister", "Menlu Italia",
"Italy's top diplomat") passes when it fits exactly one person of the article: the people and their
roles are data (``data/annotations/<article>.people.toml``), the role words are in ``lexicons/roles.toml``,
nationalities in ``lexicons/nationalities.csv`` and country names in the gazetteer.

>>> same_name("Menlu Italia Di Maio", "Luigi Di Maio"), same_name("Anthony Blinken", "Antony Blinken")
(True, True)
>>> same_name("Luigi", "Luigi Di Maio"), same_name("Maio", "Luigi Di Maio")
(False, False)
>>> people = people_of("koalisi-isis-roma")
>>> name_verdict("Italy's top diplomat", "Luigi Di Maio", people)
''
>>> name_verdict("the foreign minister", "Luigi Di Maio", people)
'Two people in the article are foreign ministers: which one?'
"""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicons import LEXICON_DIR, word_list
from ..paths import annotations_dir
from .places import _lookup, country_name
from .text import _close, answer_words, normalize_text

MAX_CHARS = 300  # a name answer longer than this is compared as a name only
_COUNTS = {2: "Two", 3: "Three", 4: "Four", 5: "Five"}


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

    >>> same_name("Menlu AS Blinken", "Antony Blinken"), same_name("Blinken Antony", "Antony Blinken")
    (True, False)
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


# --- the people of an article ------------------------------------------------------------------

@dataclass(frozen=True)
class Person:
    name: str
    roles: tuple = ()
    country: str | None = None
    named: bool = True  # False: the text gives only a title ("presiden")


@lru_cache(maxsize=32)
def _people_file(path: str) -> tuple[Person, ...]:
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return ()
    return tuple(
        Person(p["name"], tuple(p.get("roles", ())), p.get("country"), bool(p.get("named", True)))
        for p in data.get("person", []) if isinstance(p, dict) and isinstance(p.get("name"), str)
    )


def people_of(article: str | None) -> tuple[Person, ...]:
    """The people of an article, from ``data/annotations/<article>.people.toml`` (none if there is no file).

    >>> [p.name for p in people_of("koalisi-isis-roma")][:2]
    ['Antony Blinken', 'Luigi Di Maio']
    """
    if not article:
        return ()
    return _people_file(str(annotations_dir() / f"{article}.people.toml"))


# --- descriptions ------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _roles() -> dict:
    with open(LEXICON_DIR / "roles.toml", "rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=1)
def _role_phrases() -> dict[str, tuple[frozenset, str | None]]:
    """Normalized role phrase → (the role keys it fits, the country it implies or None)."""
    phrases: dict[str, tuple[set, str | None]] = {}
    for key, role in _roles()["role"].items():
        for word in role.get("words", ()):
            phrases.setdefault(normalize_text(word), (set(), None))[0].add(key)
        for word in role.get("broader", ()):
            phrases.setdefault(normalize_text(word), (set(), None))[0].add(key)
        for iso, titles in role.get("titles", {}).items():
            for title in titles:
                phrases[normalize_text(title)] = ({key}, iso)
    return {phrase: (frozenset(keys), iso) for phrase, (keys, iso) in phrases.items()}


@lru_cache(maxsize=1)
def _nationalities() -> dict[str, str]:
    with open(LEXICON_DIR / "nationalities.csv", encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {normalize_text(row["form"]): row["iso"] for row in rows}


def _country(words: list[str], raw: str) -> str | None:
    """The country ``words`` name (a nationality or a country's name), or None."""
    phrase = " ".join(words)
    if phrase in _nationalities():
        return _nationalities()[phrase]
    for form in re.findall(r"\b[A-Z][A-Z.]+\b", raw):  # "AS", "US", "U.S." as written
        if normalize_text(form) == phrase:
            place = _lookup(form)
            if place is not None and place.kind == "country" and place.iso:
                return place.iso
    place = _lookup(phrase)
    if place is not None and place.kind == "country" and place.iso and phrase not in _fillers():
        return place.iso
    return None


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    return frozenset(normalize_text(w) for w in _roles()["person_words"])


@lru_cache(maxsize=1)
def _fillers() -> frozenset[str]:
    return frozenset(answer_words()["fillers"]) | _person_words()


@dataclass
class _Reading:
    people: list = field(default_factory=list)
    roles: list = field(default_factory=list)  # the role keys each role word fits
    countries: set = field(default_factory=set)
    understood: bool = True
    personal: bool = False  # it speaks of a person (a name, a role, a nationality, "the man"), not just a country


@lru_cache(maxsize=1)
def _frames() -> frozenset[str]:
    return frozenset(normalize_text(w) for w in answer_words()["names"]["frames"])


def _segment(raw: str, people: tuple[Person, ...], frames: frozenset = frozenset()) -> _Reading:
    """Who one part of an answer ("Italy's foreign minister", "Luigi Di Maio") can be; ``frames`` are words
    read as words around the name ("Di Maio's words", "Blinken speaks")."""
    raw = re.sub(r"['’]s\b", "", raw)
    tokens = normalize_text(raw).split()
    reading = _Reading()
    unknown: list[int] = []  # positions of words that are no role, country or filler: a name
    i = 0
    while i < len(tokens):
        for length in range(min(5, len(tokens) - i), 0, -1):
            words = tokens[i:i + length]
            phrase = " ".join(words)
            role = _role_phrases().get(phrase)
            if role is not None:
                reading.personal = True
                reading.roles.append(role[0])
                if role[1]:
                    reading.countries.add(role[1])
                break
            country = _country(words, raw)
            if country is not None:
                reading.countries.add(country)
                reading.personal |= phrase in _nationalities()  # "the Italian", not "Italy"
                break
        else:
            length = 1
            if tokens[i] in _person_words():
                reading.personal = True
            elif tokens[i] not in _fillers() and tokens[i] not in frames:
                unknown.append(i)
        i += length
    candidates = list(people)
    if unknown:  # the name runs from its first word to its last, with its particles ("Luigi di Maio", "Di Maio")
        first = unknown[0]
        while first > 0 and tokens[first - 1] in word_list("name-particles"):
            first -= 1
        named = " ".join(tokens[first:unknown[-1] + 1])
        reading.personal = True
        candidates = [p for p in people if same_name(named, p.name)]
        reading.understood = bool(candidates)
    if len(reading.countries) > 1:
        candidates = []
    candidates = [p for p in candidates if not reading.countries or p.country in reading.countries]
    candidates = [p for p in candidates if all(set(p.roles) & keys for keys in reading.roles)]
    reading.people = candidates
    return reading


@dataclass
class Who:
    """Whom an answer can name, and how it names them."""

    people: list  # the people it fits
    understood: bool  # every word is a name, a role, a country or a filler
    described: bool  # it holds a role or a country, not only a name
    personal: bool  # it speaks of a person, not only of a country
    parts_disagree: bool  # each part fits someone, but no one fits them all


def who(answer: str, people: tuple[Person, ...]) -> Who:
    """Whom ``answer`` can name among ``people``.

    Parts of an answer set apart by commas or brackets ("Luigi Di Maio, Italy's foreign minister") must
    all fit the same person.

    >>> [p.name for p in who("Luigi Di Maio, Italy's foreign minister", people_of("koalisi-isis-roma")).people]
    ['Luigi Di Maio']
    """
    result = _who(answer, people, frozenset())
    if not result.people:  # "They are Di Maio's words", "Blinken speaks": the name inside a frame
        framed = _who(answer, people, _frames())
        if framed.people:
            return framed
    return result


def _who(answer: str, people: tuple[Person, ...], frames: frozenset) -> Who:
    parts = [p for p in re.split(r"[,;:()\[\]]|\s[-–—]\s", answer) if p.strip()]
    found = list(people)
    result = Who([], True, False, False, False)
    each_fits = True
    for part in parts:
        reading = _segment(part, people, frames)
        result.understood &= reading.understood
        result.described |= bool(reading.roles or reading.countries)
        result.personal |= reading.personal
        each_fits &= bool(reading.people)
        found = [p for p in found if p in reading.people]
    result.people = found
    result.parts_disagree = len(parts) > 1 and each_fits and not found
    return result


def _shared(found: list[Person]) -> str:
    count = _COUNTS.get(len(found), "Several")
    common = set.intersection(*(set(p.roles) for p in found))
    if common:
        plural = _roles()["role"][sorted(common)[0]].get("plural", "people with that title")
        return f"{count} people in the article are {plural}: which one?"
    countries = {p.country for p in found}
    if len(countries) == 1 and None not in countries:
        iso = countries.pop()
        adjective = next((form for form, code in _nationalities().items() if code == iso and " " not in form), None)
        if adjective:
            return f"{count} people in the article are {adjective.title()}: which one?"
        return f"{count} people in the article are from {country_name(iso) or 'one country'}: which one?"
    return f"{count} people in the article fit that description: which one?"


def name_verdict(answer, expected, people: tuple[Person, ...] = ()) -> str:
    """Why ``answer`` does not name the person ``expected`` names, in words for the learner ("" when it does).

    ``people`` (see :func:`people_of`) lets a description stand for a name.

    >>> people = people_of("koalisi-isis-roma")
    >>> name_verdict("Menlu AS", "Antony Blinken", people), name_verdict("the American", "Antony Blinken", people)
    ('', 'Two people in the article are American: which one?')
    """
    if not isinstance(answer, str):
        return "This question wants a name."
    if same_name(answer, expected):
        return ""
    if not people or len(answer) > MAX_CHARS:
        return "That is not the person the text names here."
    if not any(same_name(p.name, expected) for p in people):
        people = (*people, Person(str(expected)))
    reading = who(answer, people)
    found = reading.people
    if not reading.understood or not reading.described and len(found) != 1:
        return "That is not the person the text names here."
    if not reading.personal:
        return "That names a country, not a person: who is it?"
    if len(found) == 1:
        return "" if same_name(found[0].name, expected) else "That is not the person the text names here."
    if reading.parts_disagree:
        return "The parts of your answer fit different people: which one do you mean?"
    if not found:
        return "No one in the article fits that description: check the title and the country."
    if not any(same_name(p.name, expected) for p in found):
        return "That is not the person the text names here."
    return _shared(found)
