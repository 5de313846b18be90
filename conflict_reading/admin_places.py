"""Indonesia's districts and villages: a point for a name the gazetteer lacks, chosen only when the article says
which one it is.

``gazetteer/id-admin-places.csv.gz`` (built by ``scripts/build_gazetteer.py`` from the npm package geografis)
holds every district (*kecamatan*, *distrik*) and every village or ward (*desa*, *kelurahan*) with a point and
the regency or city it belongs to.  Many names repeat: there are 100 villages called *Sidomulyo*.  So a name is
looked up only where the article itself says it is a district or a village (a cue word, ``Desa Selamat``; an
address, ``Kwitang, Senen, Jakarta Pusat``), and a candidate is taken only when the article names its regency
(or district), or else when it is clearly the nearest to the article's other places.  Otherwise there is no
point: a wrong point on the map is worse than none.

>>> [(p["form"], p["regency"]) for p in admin_candidates("Kramat Jati", "district")]
[('Kramatjati', 'Jakarta Timur')]
>>> choose(admin_candidates("Selamat", "village"), named={admin_key("Deli Serdang")}, anchors=[])["district"]
'Sibiru-biru'
"""

from __future__ import annotations

import bisect
import csv
import gzip
import math
import re
from functools import lru_cache
from pathlib import Path

ADMIN_PLACES = Path(__file__).parent / "gazetteer" / "id-admin-places.csv.gz"
REACH_KM = 250  # with no regency named, a candidate this near to a place the article names may be taken ...
CLEAR_KM = 25  # ... when every other candidate is at least this much (and twice as) far


@lru_cache(maxsize=8192)
def admin_key(name: str) -> str:
    """A name compared without case, blanks or hyphens: "Kramatjati" is "Kramat Jati".

    >>> admin_key("Kramat Jati") == admin_key("Kramatjati") == admin_key("kramat-jati")
    True
    """
    return re.sub(r"[\W_]+", "", name).casefold()


class KeyedTable:
    """A gzip-compressed CSV whose first column is :func:`admin_key` of its ``form`` and whose lines are sorted by
    it (written by ``scripts/build_gazetteer.py``): a name is found by binary search, and only its own rows are
    parsed, so opening 100,000 rows takes a few hundredths of a second."""

    def __init__(self, path: Path):
        with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
            header, *self._lines = handle.read().splitlines()
        self._columns = header.split(",")[1:]
        self._keys = [line[:line.index(",")] for line in self._lines]
        self._found: dict[str, list[dict]] = {}  # names looked up so far

    def rows(self, name: str) -> list[dict]:
        """The rows of ``name`` (compared by :func:`admin_key`), with ``lat`` and ``lon`` as numbers (read-only)."""
        key = admin_key(name)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = self._parsed(
                self._lines[bisect.bisect_left(self._keys, key):bisect.bisect_right(self._keys, key)])
        return found

    def matching(self, fragment: str) -> list[dict]:
        """The rows whose line contains ``fragment`` (",district,," for the districts)."""
        return self._parsed([line for line in self._lines if fragment in line])

    def _parsed(self, lines: list[str]) -> list[dict]:
        found = []
        for values in csv.reader(lines):
            row = dict(zip(self._columns, values[1:]))
            row["lat"], row["lon"] = float(row["lat"]), float(row["lon"])
            found.append(row)
        return found


@lru_cache(maxsize=1)
def _table() -> KeyedTable:
    """The districts and villages (read once, on first use)."""
    return KeyedTable(ADMIN_PLACES)


@lru_cache(maxsize=1)
def regency_keys() -> frozenset[str]:
    """The regencies and cities that have districts in the table ("jakartapusat", "makassar", "nduga", ...)."""
    return frozenset(admin_key(row["regency"]) for row in _table().matching(",district,,"))


def admin_candidates(name: str, level: str, regency: str = "", district: str = "") -> list[dict]:
    """The districts (``level="district"``) or villages (``"village"``) called ``name``; only those in ``regency``
    and ``district`` when given."""
    return [row for row in _table().rows(name)
            if row["level"] == level and (not regency or admin_key(row["regency"]) == admin_key(regency))
            and (not district or admin_key(row["district"]) == admin_key(district))]


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km.

    >>> round(km((-6.2, 106.8), (-5.1, 119.4)))  # Jakarta to Makassar
    1400
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(h)))


def choose(candidates: list[dict], named: set[str], anchors: list[tuple[float, float]]) -> dict | None:
    """The one candidate the article points to: the only one in a regency or district it names (``named``: their
    :func:`admin_key`), else the clearly nearest (within REACH_KM, every other one CLEAR_KM and twice as far) to
    its other places (``anchors``); None when it cannot tell.

    >>> villages = admin_candidates("Selamat", "village")
    >>> choose(villages, set(), [(3.59, 98.67)])["regency"]  # near Medan
    'Deli Serdang'
    >>> choose(villages, set(), []) is None  # four villages, nothing to tell them apart
    True
    >>> sukamaju = admin_candidates("Sukamaju", "village")
    >>> choose(sukamaju, {"bogor"}, [(-6.6, 106.8)]) is None, choose(sukamaju, {"bogor", "jonggol"}, [])["district"]
    (True, 'Jonggol')
    """
    in_named = [row for row in candidates if admin_key(row["regency"]) in named]
    if len(in_named) > 1:  # four villages called Sukamaju in Kabupaten Bogor: the district must say which
        in_named = [row for row in in_named if row["district"] and admin_key(row["district"]) in named]
        return in_named[0] if len(in_named) == 1 else None
    return in_named[0] if in_named else clearly_nearest(candidates, anchors, REACH_KM)


def undecided(candidates: list[dict], named: set[str]) -> bool:
    """Does the article name the regency of several candidates and no district that tells them apart?  Then no
    other source may guess the point either.

    >>> undecided(admin_candidates("Sukamaju", "village"), {"bogor"}), undecided([], {"bogor"})
    (True, False)
    """
    return len([row for row in candidates if admin_key(row["regency"]) in named]) > 1 and choose(
        candidates, named, []) is None


def clearly_nearest(candidates: list[dict], anchors: list[tuple[float, float]], reach_km: float) -> dict | None:
    """The candidate (a dict with ``lat`` and ``lon``) nearest to any of ``anchors``, if within ``reach_km`` and
    every other candidate is at least CLEAR_KM and twice as far; else None.

    >>> towns = [{"lat": -6.2, "lon": 106.8}, {"lat": -6.6, "lon": 106.8}]
    >>> clearly_nearest(towns, [(-6.21, 106.8)], 250)["lat"], clearly_nearest(towns, [(-6.4, 106.8)], 250)
    (-6.2, None)
    """
    if not anchors:
        return None
    scored = sorted((min(km((row["lat"], row["lon"]), anchor) for anchor in anchors), index)
                    for index, row in enumerate(candidates))
    if not scored or scored[0][0] > reach_km:
        return None
    nearest = scored[0][0]
    if len(scored) > 1 and scored[1][0] < max(2 * nearest, nearest + CLEAR_KM):
        return None
    return candidates[scored[0][1]]
