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


# Where a label may sit around its point, in order of preference: (dx, dy) in points, and its alignment.
_LABEL_SPOTS = [(5, 4, "left", "bottom"), (5, -4, "left", "top"), (-5, 4, "right", "bottom"),
                (-5, -4, "right", "top"), (0, 9, "center", "bottom"), (0, -9, "center", "top"),
                (8, 0, "left", "center"), (-8, 0, "right", "center"), (0, 18, "center", "bottom"),
                (0, -18, "center", "top"), (-5, 16, "right", "bottom"), (-5, -16, "right", "top")]


def _renderer(figure):
    """The figure's renderer, to measure labels before drawing (a canvas-less Figure gets an Agg canvas)."""
    if not hasattr(figure.canvas, "get_renderer"):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(figure)
    return figure.canvas.get_renderer()


def _draw_places(ax, table: pd.DataFrame, scale: float, labels: bool, fontsize: int, taken: list | None = None,
                 margin: bool = False) -> None:
    for role, style in ROLE_STYLE.items():
        rows = table[table["role"] == role]
        if rows.empty:
            continue
        ax.scatter(rows["lon"], rows["lat"], s=40 + scale * rows["mentions"], c=style["color"],
                   marker=style["marker"], edgecolors="black", linewidths=0.6, zorder=3, alpha=0.9)
    if labels:
        _place_labels(ax, table, fontsize, [] if taken is None else taken, margin)


def _place_labels(ax, table: pd.DataFrame, fontsize: int, taken: list, margin: bool = False) -> None:
    """Label each point where its label covers no other label and stays inside the axes.

    Most-mentioned places choose first.  Where no spot is free, a label takes the
    spot where it covers least.  ``taken`` holds the screen boxes already in use
    (the legend, the inset, labels placed before).  ``margin``: labels may also use
    the figure's margin to the right of the axes (for the inset at the right edge).
    """
    from matplotlib.transforms import Bbox

    renderer = _renderer(ax.figure)
    locator = ax.get_axes_locator()
    ax.apply_aspect(locator(ax, renderer) if locator else None)  # the axes' final box, before drawing
    frame = ax.get_window_extent(renderer)
    if margin:
        frame = Bbox.from_extents(frame.x0, frame.y0, max(frame.x1, ax.figure.bbox.x1 - 2), frame.y1)

    def covered(box) -> float:
        """Area of ``box`` over other boxes or outside the frame (0: a free spot)."""
        inside = Bbox.intersection(box, frame)
        area = box.width * box.height - (inside.width * inside.height if inside else 0)
        for other in taken:
            both = Bbox.intersection(box, other)
            area += both.width * both.height if both else 0
        return area

    for row in table.sort_values("mentions", ascending=False, kind="stable").itertuples():
        best = None
        for dx, dy, ha, va in _LABEL_SPOTS:
            label = ax.annotate(f"{row.name} ({row.mentions})", (row.lon, row.lat), xytext=(dx, dy),
                                textcoords="offset points", ha=ha, va=va, fontsize=fontsize, zorder=4,
                                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.7,
                                      "linewidth": 0})
            box = label.get_window_extent(renderer)
            cost = covered(box)
            if best is None or cost < best[0]:
                if best is not None:
                    best[1].remove()
                best = (cost, label, box)
            else:
                label.remove()
            if cost == 0:
                break
        taken.append(best[2])


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
        figure, ax = plt.subplots(figsize=(16, 6) if presenter else (12.5, 4.6))
    else:
        figure = ax.figure
    _draw_world(ax)
    ax.set_xlim(-180, 180)
    ax.set_ylim(-60, 85)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    if inset and not table.empty:  # the world on the left two thirds, the zoomed Middle East beside it
        box = ax.get_position()
        ax.set_position([box.x0, box.y0, box.width * 0.66, box.height])
    ax.apply_aspect()  # the map's final box, so that the legend and labels can be measured before drawing
    outside = table[~(table["lon"].between(*MIDDLE_EAST["lon"]) & table["lat"].between(*MIDDLE_EAST["lat"]))]
    _draw_places(ax, table, scale=25, labels=False, fontsize=fontsize)
    ax.set_title(title or "Where the article's places are (point size: mentions)", fontsize=fontsize + 3)
    handles = [Line2D([], [], linestyle="", marker=s["marker"], color=s["color"], markeredgecolor="black",
                      markersize=9, label=s["label"]) for role, s in ROLE_STYLE.items() if role in set(table["role"])]
    taken = []  # screen boxes that labels must not cover: the legend, the inset, labels already placed
    if handles:
        legend = ax.legend(handles=handles, loc="lower left", fontsize=fontsize, title="role",
                           title_fontsize=fontsize)
        taken.append(legend.get_window_extent(_renderer(figure)))
    if inset and not table.empty:
        zoom = ax.inset_axes([1.04, 0.0, 0.48, 1.0])  # beside the world map: it hides no place
        _draw_world(zoom)
        zoom.set_xlim(*MIDDLE_EAST["lon"])
        zoom.set_ylim(*MIDDLE_EAST["lat"])
        zoom.set_aspect("equal")
        zoom.set_xticks([])
        zoom.set_yticks([])
        # the inset's title sits in the Arabian Sea, where no place is named
        caption = zoom.text(0.98, 0.02, "Middle East (zoomed)", transform=zoom.transAxes, ha="right", va="bottom",
                            fontsize=fontsize, bbox={"facecolor": "white", "alpha": 0.8, "linewidth": 0})
        zoom.apply_aspect(zoom.get_axes_locator()(zoom, _renderer(figure)))
        _draw_places(zoom, table.drop(outside.index), scale=25, labels=True, fontsize=fontsize - 1,
                     taken=[caption.get_window_extent(_renderer(figure))], margin=True)
        ax.indicate_inset_zoom(zoom, edgecolor="#333333")
        renderer = _renderer(figure)
        taken.append(zoom.get_tightbbox(renderer))
    _draw_places(ax, outside if inset else table, scale=0, labels=True, fontsize=fontsize, taken=taken)
    return figure
