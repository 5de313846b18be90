"""A world map of an article's places, drawn offline with matplotlib alone.

Country outlines are Natural Earth 1:110m (public domain), shipped in
``gazetteer/world-110m.json``: no tiles, no downloads.  Each place is a point
sized by its mentions; colour *and* marker shape say its role, so the map
reads in greyscale and for colour-blind learners.  The map is drawn for the
story (:func:`map_view`): a story in one region shows that region; a story
that spans continents shows the world, with a zoomed inset where its points
crowd.  No label covers another: a label with no free spot is left off the
map and its place listed under it.

>>> import pandas as pd
>>> places = pd.DataFrame({"name": ["Syria", "Syria", "Rome"], "kind": ["country", "country", "city"],
...     "lat": [35.0, 35.0, 41.9], "lon": [38.5, 38.5, 12.5], "role": ["event", "event", "event"]})
>>> mentions_by_place(places)[["name", "mentions"]].values.tolist()
[['Syria', 2], ['Rome', 1]]
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

WORLD = Path(__file__).parent / "gazetteer" / "world-110m.json"
WORLD_VIEW = ((-180.0, 180.0), (-60.0, 85.0))  # (lon, lat) limits of the world map
# A story whose places fit in this many degrees (longitude, latitude) gets a regional map; wider, the world.
REGIONAL_SPAN = (110.0, 55.0)
# The smallest regional map, in degrees: a story in one town still shows the country around it.
SMALLEST_VIEW = (14.0, 9.0)
# Points closer than this many degrees crowd each other on the world map: a zoomed inset shows them.
CROWDED = 12.0
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


@dataclass(frozen=True)
class MapView:
    """What a map shows: the main map's ``lon``/``lat`` limits, and the zoomed ``inset`` limits (or None)."""

    lon: tuple[float, float]
    lat: tuple[float, float]
    inset: tuple[tuple[float, float], tuple[float, float]] | None = None

    @property
    def world(self) -> bool:
        return (self.lon, self.lat) == WORLD_VIEW

    def describe(self) -> str:
        """A sentence for a caption: what the map shows."""
        if not self.world:
            return "The places on a map of the region the article is about."
        if self.inset:
            return "The places on a world map, with the area where they crowd enlarged."
        return "The places on a world map."


def _padded(low: float, high: float, smallest: float, bounds: tuple[float, float]) -> tuple[float, float]:
    """``low``–``high`` widened by a fifth on each side (at least ``smallest`` in all), kept inside ``bounds``."""
    middle, half = (low + high) / 2, max((high - low) * 0.7, smallest / 2)
    low, high = middle - half, middle + half
    if low < bounds[0]:
        low, high = bounds[0], bounds[0] + 2 * half
    if high > bounds[1]:
        low, high = bounds[1] - 2 * half, bounds[1]
    return float(max(low, bounds[0])), float(min(high, bounds[1]))


def map_view(table: pd.DataFrame) -> MapView:
    """The map drawn for the story: the region its places fit in, or the world with an inset where they crowd.

    >>> import pandas as pd
    >>> papua = pd.DataFrame({"lon": [138.9, 140.7, 136.9], "lat": [-4.1, -2.5, -4.5]})
    >>> view = map_view(papua); view.world, view.inset is None, view.lon[0] < 136.9 < 140.7 < view.lon[1]
    (False, True, True)
    >>> spread = pd.DataFrame({"lon": [12.5, 38.5, 44.4, 35.2, -77.0], "lat": [41.9, 35.0, 33.3, 31.8, 38.9]})
    >>> view = map_view(spread); view.world, view.inset is not None
    (True, True)
    """
    if table.empty:
        return MapView(*WORLD_VIEW)
    lons, lats = table["lon"].astype(float), table["lat"].astype(float)
    if lons.max() - lons.min() <= REGIONAL_SPAN[0] and lats.max() - lats.min() <= REGIONAL_SPAN[1]:
        return MapView(_padded(lons.min(), lons.max(), SMALLEST_VIEW[0], WORLD_VIEW[0]),
                       _padded(lats.min(), lats.max(), SMALLEST_VIEW[1], WORLD_VIEW[1]))
    points = list(zip(lons, lats))
    crowd = max(([q for q in points if abs(q[0] - p[0]) <= 2 * CROWDED and abs(q[1] - p[1]) <= 1.5 * CROWDED]
                 for p in points), key=len)
    close = any(abs(a[0] - b[0]) < CROWDED and abs(a[1] - b[1]) < CROWDED
                for i, a in enumerate(crowd) for b in crowd[i + 1:])
    if len(crowd) < 2 or not close:
        return MapView(*WORLD_VIEW)
    inset_lon = _padded(min(q[0] for q in crowd), max(q[0] for q in crowd), SMALLEST_VIEW[0] * 1.5, WORLD_VIEW[0])
    inset_lat = _padded(min(q[1] for q in crowd), max(q[1] for q in crowd), SMALLEST_VIEW[1] * 1.5, WORLD_VIEW[1])
    return MapView(*WORLD_VIEW, inset=(inset_lon, inset_lat))


def _fit(ax, lon: tuple[float, float], lat: tuple[float, float], stretch: bool) -> None:
    """Show ``lon``×``lat`` at equal scale; ``stretch``: widen the shorter side to the axes' shape, so that
    a regional map fills its box (the world keeps its own limits)."""
    if stretch:
        box = ax.get_position()
        figure_width, figure_height = ax.figure.get_size_inches()
        shape = (box.width * figure_width) / (box.height * figure_height) if box.height else 1.0
        width, height = lon[1] - lon[0], lat[1] - lat[0]
        if width / height < shape:
            grow = (height * shape - width) / 2
            lon = (max(-180.0, lon[0] - grow), min(180.0, lon[1] + grow))
        else:
            grow = (width / shape - height) / 2
            lat = (max(-90.0, lat[0] - grow), min(90.0, lat[1] + grow))
    ax.set_xlim(*lon)
    ax.set_ylim(*lat)
    ax.set_aspect("equal", adjustable="box")


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
                 margin: bool = False) -> list[str]:
    """Points (and labels); returns the places whose label found no free spot and was left off."""
    for role, style in ROLE_STYLE.items():
        rows = table[table["role"] == role]
        if rows.empty:
            continue
        ax.scatter(rows["lon"], rows["lat"], s=40 + scale * rows["mentions"], c=style["color"],
                   marker=style["marker"], edgecolors="black", linewidths=0.6, zorder=3, alpha=0.9)
    if labels:
        return _place_labels(ax, table, fontsize, [] if taken is None else taken, margin)
    return []


def _place_labels(ax, table: pd.DataFrame, fontsize: int, taken: list, margin: bool = False) -> list[str]:
    """Label each point where its label covers no other label and stays inside the axes.

    Most-mentioned places choose first.  Where no spot is free, the label is left off
    and its place returned (the map lists it under the drawing).  ``taken`` holds the screen
    boxes already in use (the legend, the inset, labels placed before).  ``margin``: labels may
    also use the figure's margin to the right of the axes (for the inset at the right edge).
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

    left_off = []
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
        if best[0] > 0:
            best[1].remove()
            left_off.append(f"{row.name} ({row.mentions})")
            continue
        taken.append(best[2])
    return left_off


def place_map(places: pd.DataFrame, ax=None, inset: bool = True, title: str | None = None, presenter: bool | None = None):
    """The article's places on a map drawn for the story (:func:`map_view`); returns the Figure.

    Places with no coordinates, and places whose label found no free spot, are listed under the map.
    ``inset=False`` never draws a zoomed inset.  ``presenter``: projector sizes; by default as
    :func:`conflict_reading.presenter_mode` is set.
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    if presenter is None:
        from .presenter import is_presenter

        presenter = is_presenter()
    table = mentions_by_place(places)
    view = map_view(table)
    if not inset:
        view = MapView(view.lon, view.lat)
    fontsize = 14 if presenter else 10
    if ax is None:
        figure, ax = plt.subplots(figsize=(16, 6) if presenter else (12.5, 4.6))
    else:
        figure = ax.figure
    _draw_world(ax)
    ax.set_xticks([])
    ax.set_yticks([])
    if view.inset:  # the world on the left two thirds, the zoomed crowd beside it
        box = ax.get_position()
        ax.set_position([box.x0, box.y0, box.width * 0.66, box.height])
    _fit(ax, view.lon, view.lat, stretch=not view.world)
    ax.apply_aspect()  # the map's final box, so that the legend and labels can be measured before drawing
    in_inset = (table["lon"].between(*view.inset[0]) & table["lat"].between(*view.inset[1])) if view.inset \
        else pd.Series(False, index=table.index)
    outside = table[~in_inset]
    _draw_places(ax, table, scale=25, labels=False, fontsize=fontsize)
    ax.set_title(title or "Where the article's places are (point size: mentions)", fontsize=fontsize + 3)
    handles = [Line2D([], [], linestyle="", marker=s["marker"], color=s["color"], markeredgecolor="black",
                      markersize=9, label=s["label"]) for role, s in ROLE_STYLE.items() if role in set(table["role"])]
    taken = []  # screen boxes that labels must not cover: the legend, the inset, labels already placed
    if handles:
        legend = ax.legend(handles=handles, loc="lower left", fontsize=fontsize, title="role",
                           title_fontsize=fontsize)
        taken.append(legend.get_window_extent(_renderer(figure)))
    left_off = []
    if view.inset:
        zoom = ax.inset_axes([1.04, 0.0, 0.48, 1.0])  # beside the world map: it hides no place
        _draw_world(zoom)
        _fit(zoom, *view.inset, stretch=True)
        zoom.set_xticks([])
        zoom.set_yticks([])
        zoom.set_title("zoomed", fontsize=fontsize - 1, loc="right")
        zoom.apply_aspect(zoom.get_axes_locator()(zoom, _renderer(figure)))
        left_off += _draw_places(zoom, table[in_inset], scale=25, labels=True, fontsize=fontsize - 1, taken=[],
                                 margin=True)
        ax.indicate_inset_zoom(zoom, edgecolor="#333333")
        taken.append(zoom.get_tightbbox(_renderer(figure)))
    left_off += _draw_places(ax, outside, scale=0, labels=True, fontsize=fontsize, taken=taken)
    unlocated = sorted(set(places["name"].dropna()) - set(table["name"])) if len(places) and "name" in places else []
    notes = ([f"Too crowded to label: {', '.join(left_off)}."] if left_off else []) + (
        [f"Not on the map (no known point): {', '.join(unlocated)}."] if unlocated else [])
    if notes:
        figure.text(0.01, 0.005, "  ".join(notes), fontsize=fontsize - 1, ha="left", va="bottom", wrap=True)
    figure.map_view = view  # what the map shows, for a caption (see MapView.describe)
    return figure
