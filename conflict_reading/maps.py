"""A world map of an article's places, drawn offline with matplotlib alone.

Country outlines are Natural Earth 1:110m (public domain), shipped in
``gazetteer/world-110m.json``: no tiles, no downloads.  Each place is a point
sized by its mentions; colour *and* marker shape say its role, so the map
reads in greyscale and for colour-blind learners; a zoomed inset shows the
Middle East, where most conflict reporting crowds its names.

>>> import pandas as pd
>>> places = pd.DataFrame({"name": ["Syria", "Syria", "Rome"], "kind": ["country", "country", "city"],
...     "lat": [35.0, 35.0, 41.9], "lon": [38.5, 38.5, 12.5], "role": ["event", "event", "event"]})
>>> mentions_by_place(places)[["name", "mentions"]].values.tolist()
[['Syria', 2], ['Rome', 1]]
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

WORLD = Path(__file__).parent / "gazetteer" / "world-110m.json"
MIDDLE_EAST = {"lon": (24, 70), "lat": (5, 43)}
# Okabe–Ito colours and distinct markers: role is never told by colour alone.
ROLE_STYLE = {
    "event": {"color": "#0072B2", "marker": "o", "label": "where something happens"},
    "actor": {"color": "#D55E00", "marker": "^", "label": "stands for a government (actor)"},
    "title": {"color": "#009E73", "marker": "s", "label": "part of a title"},
    "other": {"color": "#555555", "marker": "D", "label": "other"},
}


@lru_cache(maxsize=1)
def world_outlines() -> list[dict]:
    """Countries as {"name", "iso", "polygons": [[[lon, lat], ...], ...]}."""
    with open(WORLD, encoding="utf-8") as handle:
        return json.load(handle)["countries"]


def mentions_by_place(places: pd.DataFrame) -> pd.DataFrame:
    """One row per place: name, kind, lat, lon, mentions, roles (most frequent first)."""
    places = places.copy()
    if "role" not in places:
        places["role"] = "other"
    places["role"] = places["role"].fillna("other")
    known = places.dropna(subset=["lat", "lon"]) if len(places) else places
    if known.empty:
        return pd.DataFrame(columns=["name", "kind", "lat", "lon", "mentions", "roles", "role"])
    grouped = known.groupby("name", sort=False).agg(
        kind=("kind", "first"), lat=("lat", "first"), lon=("lon", "first"), mentions=("name", "size"),
        roles=("role", lambda r: ", ".join(sorted(set(r)))), role=("role", lambda r: r.value_counts().index[0]),
    )
    return grouped.reset_index().sort_values("mentions", ascending=False, kind="stable").reset_index(drop=True)


def _draw_world(ax) -> None:
    from matplotlib.patches import Polygon

    for country in world_outlines():
        for ring in country["polygons"]:
            ax.add_patch(Polygon(ring, closed=True, facecolor="#eeeeee", edgecolor="#999999", linewidth=0.4))


def _draw_places(ax, table: pd.DataFrame, scale: float, labels: bool, fontsize: int) -> None:
    for role, style in ROLE_STYLE.items():
        rows = table[table["role"] == role]
        if rows.empty:
            continue
        ax.scatter(rows["lon"], rows["lat"], s=40 + scale * rows["mentions"], c=style["color"],
                   marker=style["marker"], edgecolors="black", linewidths=0.6, zorder=3, alpha=0.9)
    if labels:
        placed = []
        for row in table.itertuples():
            # a label near one already placed goes below its point instead of above ("Rome" under "Italy")
            crowded = sum(abs(row.lon - lon) < 6 and abs(row.lat - lat) < 4 for lon, lat in placed)
            placed.append((row.lon, row.lat))
            ax.annotate(f"{row.name} ({row.mentions})", (row.lon, row.lat), xytext=(5, 4 - 14 * crowded),
                        textcoords="offset points", fontsize=fontsize, zorder=4,
                        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.7, "linewidth": 0})


def place_map(places: pd.DataFrame, ax=None, inset: bool = True, title: str | None = None, presenter: bool | None = None):
    """The article's places on a world map, with a Middle East inset; returns the Figure.

    ``presenter``: projector sizes; by default as :func:`conflict_reading.presenter_mode` is set.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    if presenter is None:
        from .presenter import is_presenter

        presenter = is_presenter()
    table = mentions_by_place(places)
    fontsize = 14 if presenter else 10
    if ax is None:
        figure, ax = plt.subplots(figsize=(16, 8.5) if presenter else (12, 6.5))
    else:
        figure = ax.figure
    _draw_world(ax)
    ax.set_xlim(-180, 180)
    ax.set_ylim(-60, 85)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    outside = table[~(table["lon"].between(*MIDDLE_EAST["lon"]) & table["lat"].between(*MIDDLE_EAST["lat"]))]
    _draw_places(ax, table, scale=25, labels=False, fontsize=fontsize)
    _draw_places(ax, outside if inset else table, scale=0, labels=True, fontsize=fontsize)
    ax.set_title(title or "Where the article's places are (point size: mentions)", fontsize=fontsize + 3)
    handles = [Line2D([], [], linestyle="", marker=s["marker"], color=s["color"], markeredgecolor="black",
                      markersize=9, label=s["label"]) for role, s in ROLE_STYLE.items() if role in set(table["role"])]
    if handles:
        ax.legend(handles=handles, loc="lower left", fontsize=fontsize, title="role", title_fontsize=fontsize)
    if inset and not table.empty:
        zoom = ax.inset_axes([0.66, 0.5, 0.33, 0.48])  # over northern Asia, clear of Africa
        _draw_world(zoom)
        _draw_places(zoom, table, scale=25, labels=True, fontsize=fontsize - 1)
        zoom.set_xlim(*MIDDLE_EAST["lon"])
        zoom.set_ylim(*MIDDLE_EAST["lat"])
        zoom.set_aspect("equal")
        zoom.set_xticks([])
        zoom.set_yticks([])
        zoom.text(0.02, 0.97, "Middle East (zoomed)", transform=zoom.transAxes, va="top", fontsize=fontsize,
                  bbox={"facecolor": "white", "alpha": 0.8, "linewidth": 0})
        ax.indicate_inset_zoom(zoom, edgecolor="#333333")
    return figure
