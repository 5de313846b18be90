"""Find place names, in their Indonesian (or English) forms, and what they stand for.

The gazetteer ``gazetteer/places.csv`` is shipped with the kit (built from
Babel's CLDR names, Natural Earth and GeoNames, plus a table of our own for
news usage such as *Amerika*, *AS*, *Tanduk Afrika*): one row per form as
written.  The engine matches whole words, longest form first, so *Amerika
Serikat* is one place and *Irak-Suriah* two.  A name in capitals is a
dateline or a heading (``ROMA (AP) -``).

Roles, where the words around a name tell (``lexicons/place-roles.toml``):
``title`` (part of a title: *Menteri Luar Negeri Italia*), ``actor`` (a name
standing for a government: *didukung Iran*, *Amerika melancarkan*), ``event``
(where something happens: *di Roma*, *perbatasan Irak*), else ``other``.

>>> from conflict_reading import Article
>>> text = "Menlu Italia bertemu di Roma, setelah Amerika menyerang milisi yang didukung Iran di perbatasan Irak-Suriah."
>>> find_places(Article.from_text(text))[["text", "name", "role"]].values.tolist()[:4]
[['Italia', 'Italy', 'title'], ['Roma', 'Rome', 'event'], ['Amerika', 'United States', 'actor'], ['Iran', 'Iran', 'actor']]
"""

from __future__ import annotations

import bisect
import csv
import re
import tomllib
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .article import Article, paragraph_spans
from .lexicons import LEXICON_DIR

GAZETTEER = Path(__file__).parent / "gazetteer" / "places.csv"
COLUMNS = ["text", "paragraph", "name", "kind", "lat", "lon", "role", "start", "end"]


@lru_cache(maxsize=1)
def gazetteer() -> pd.DataFrame:
    """The shipped gazetteer: one row per form as written (form, name, kind, lat, lon, iso, …)."""
    with open(GAZETTEER, encoding="utf-8", newline="") as handle:
        table = pd.DataFrame(list(csv.DictReader(handle)))
    for column in ("lat", "lon"):
        table[column] = pd.to_numeric(table[column], errors="coerce")
    return table


@lru_cache(maxsize=1)
def _forms() -> dict[str, dict]:
    return {row["form"]: row for row in gazetteer().to_dict("records")}


@lru_cache(maxsize=1)
def _lower_forms() -> dict[str, dict]:
    """Forms by lower case, for names written in capitals (datelines)."""
    table = {}
    for form, row in _forms().items():
        table.setdefault(form.lower(), row)
    return table


_TOKEN = re.compile(r"\w+(?:['’](?!s\b)\w+|\.\w+)*")  # "Congo's" gives "Congo"; "Cox's Bazar" still matches


@lru_cache(maxsize=1)
def _longest_form() -> int:
    """The most tokens any form has ("Republik Demokratik Kongo" has three)."""
    return max(len(_TOKEN.findall(form)) for form in _forms())


@lru_cache(maxsize=1)
def _form_prefixes() -> frozenset[str]:
    """Every beginning of every form, lower case ("ame", "amerika s"): to stop looking early.

    >>> "amerika s" in _form_prefixes(), "amerika x" in _form_prefixes()
    (True, False)
    """
    return frozenset(form[:size] for form in _lower_forms() for size in range(1, len(form) + 1))


def _candidates(text: str):
    """(start, end, text) of the longest gazetteer form starting at each word, left to right.

    Forms of one to ``_longest_form()`` words are tried, growing word by word
    while the words so far still begin some form: most words begin none, so
    most words cost one set lookup.
    """
    tokens = [match.span() for match in _TOKEN.finditer(text)]
    longest = _longest_form()
    forms, lower, prefixes = _forms(), _lower_forms(), _form_prefixes()
    index, count = 0, len(tokens)
    while index < count:
        start, end = tokens[index]
        if _lower(text[start:end]) not in prefixes:  # the common case, without building spans
            index += 1
            continue
        found = None  # (size, end) of the longest form so far
        for size in range(1, min(longest, count - index) + 1):
            end = tokens[index + size - 1][1]
            span = " ".join(text[start:end].split())
            if _lower(span) not in prefixes:
                break  # no form begins with these words, nor with more of them
            if text[end:end + 1] == "." and span + "." in forms:
                found = (size, end + 1)  # "U.S."
            elif _lower(span) in lower:
                found = (size, end)
        if found:
            yield start, found[1], text[start:found[1]]
            index += found[0]
        else:
            index += 1


def _lower(words: str) -> str:
    """Lower case for matching, with the dotted capital İ as I (``"İSTANBUL"`` → ``"istanbul"``).

    >>> _lower("İSTANBUL"), "İSTANBUL".lower() == "istanbul"
    ('istanbul', False)
    """
    return words.replace("İ", "I").lower()


@lru_cache(maxsize=1)
def roles() -> dict:
    with open(LEXICON_DIR / "place-roles.toml", "rb") as handle:
        return tomllib.load(handle)


def _words_before(text: str, start: int, count: int) -> list[str]:
    return re.findall(r"[\w’'-]+", text[max(0, start - 80):start])[-count:]


def _word_after(text: str, end: int) -> str:
    match = re.match(r"[\s,]*([\w’'-]+)", text[end:end + 40])
    return match.group(1) if match else ""


def _role(text: str, start: int, end: int) -> str:
    rules = roles()
    before = [w.lower() for w in _words_before(text, start, 5)]
    after = _word_after(text, end).lower()
    if before and before[-1] in rules["actor_before"]:
        return "actor"  # "didukung Iran", "backed by Iran"
    if any(w in rules["title_words"] for w in before[-4:]) and not (before and before[-1] in rules["event_before"]):
        return "title"  # "Menteri Luar Negeri Italia"
    if before and before[-1] in rules["event_before"]:
        return "event"  # "di Roma", "perbatasan Irak"
    if after and (after in rules["actor_verbs"] or re.match(rules["actor_verb_prefix"], after)):
        return "actor"  # "Amerika melancarkan", "Iran denied"
    return "other"


def _accept(match_text: str, row: dict) -> bool:
    form = row["form"]
    if match_text == form:
        return True
    if match_text.isupper() and len(match_text) > 2:
        return True  # a dateline or heading in capitals: "ROMA (AP) -"
    if form.isupper():
        return False  # an acronym form ("AS") only as written: not the word "as"
    return match_text[:1].isupper() and _lower(match_text) == form.lower()


def find_places(article: Article) -> pd.DataFrame:
    """One row per place mention: text, paragraph, name (English), kind, lat, lon, role, start, end."""
    text = article.text
    starts = [start for start, _ in paragraph_spans(text)]
    ambiguous_people = roles()["person_context"]
    rows = []
    for start, end, found in _candidates(text):
        row = _forms().get(" ".join(found.split())) or _lower_forms().get(" ".join(_lower(found).split()))
        if row is None or not _accept(" ".join(found.split()), row):
            continue
        if text[end:end + 1] == "$" or (
            _words_before(text, start, 1) and _words_before(text, start, 1)[-1].lower() in roles()["currency_before"]
            and row["kind"] == "country"
        ):
            continue  # "US$ 436 juta", "dolar AS": a currency
        for prefix in roles()["generic_prefixes"]:
            if found.startswith(prefix + " ") and len(found) > len(prefix) + 1:
                start += len(prefix) + 1  # "Kota Palu": the name is "Palu"
                found = text[start:end]
                break
        if "first name" in (row.get("notes") or ""):
            following = _word_after(text, end)
            previous = _words_before(text, start, 1)
            if (following[:1].isupper() and following.lower() not in _lower_forms()) or (
                previous and previous[-1].lower() in ambiguous_people
            ):
                continue  # "Chad Smith", "Jordan Henderson": a person
        rows.append({
            "text": found, "paragraph": max(1, bisect.bisect_right(starts, start)),
            "name": row["name"], "kind": row["kind"],
            "lat": None if pd.isna(row["lat"]) else round(float(row["lat"]), 4),
            "lon": None if pd.isna(row["lon"]) else round(float(row["lon"]), 4),
            "role": _role(text, start, end),
            "start": start, "end": end,
        })
    # A name joined to the one before ("Irak dan Suriah", "Irak-Suriah", "Sahel, Mozambik") shares its role.
    for previous, row in zip(rows, rows[1:]):
        between = text[previous["end"]:row["start"]].strip().lower()
        if between in ("dan", "and", "atau", "or", "-", "–", ",", "serta") and row["role"] == "other":
            row["role"] = previous["role"]
    return pd.DataFrame(rows, columns=COLUMNS, dtype=object).astype({"paragraph": int, "start": int, "end": int})
