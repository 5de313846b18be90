"""The offline world map: it draws, from shipped data only, with roles told by shape and colour."""

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402

from conflict_reading.maps import ROLE_STYLE, mentions_by_place, place_map, world_outlines  # noqa: E402
from conflict_reading.places import find_places  # noqa: E402


def test_mentions_by_place_counts_the_seed(article):
    table = mentions_by_place(find_places(article)).set_index("name")
    assert table.loc["Syria", "mentions"] == 14  # counted by hand: Suriah appears 14 times
    assert table.loc["Iran", "roles"] == "actor"
    assert table.index[0] == "Syria"


def test_map_draws_points_inset_and_legend(article):
    figure = place_map(find_places(article))
    main = figure.axes[0]
    insets = main.child_axes
    assert main.get_legend() is not None
    assert insets, "the Middle East inset is missing"
    labels = [text.get_text() for ax in [main, *insets] for text in ax.texts]
    assert "Syria (14)" in labels and "Rome (2)" in labels
    figure.canvas.draw()  # renders without network or errors


def test_roles_differ_by_marker_not_only_colour():
    markers = [style["marker"] for style in ROLE_STYLE.values()]
    assert len(set(markers)) == len(markers)


def test_outlines_are_shipped():
    assert len(world_outlines()) >= 170


def test_map_of_no_places_still_draws():
    empty = pd.DataFrame(columns=["name", "kind", "lat", "lon", "role"])
    figure = place_map(empty)
    figure.canvas.draw()


def test_places_without_roles_are_drawn_as_other():
    places = pd.DataFrame({"name": ["Gaza Strip"], "kind": ["region"], "lat": [31.4], "lon": [34.4]})
    assert mentions_by_place(places)["role"].tolist() == ["other"]
    place_map(places).canvas.draw()


def _label_boxes(figure):
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    main = figure.axes[0]
    return [(text.get_text(), text.get_window_extent(renderer)) for ax in [main, *main.child_axes] for text in ax.texts]


def _note(figure) -> str:
    return " ".join(text.get_text() for text in figure.texts)


def _overlaps(boxes) -> list:
    return [(a, b) for i, (a, box_a) in enumerate(boxes) for b, box_b in boxes[i + 1:]
            if box_a.overlaps(box_b) and box_a.intersection(box_a, box_b).width > 1
            and box_a.intersection(box_a, box_b).height > 1]


def _check_map(places, presenter=False):
    """No label covers another; each located place is labelled once or listed under the map as too crowded;
    each place lies inside the main map or the inset."""
    figure = place_map(places, presenter=presenter)
    boxes = _label_boxes(figure)
    assert _overlaps(boxes) == [], f"labels overlap: {_overlaps(boxes)}"
    table = mentions_by_place(places)
    labels = [name for name, _ in boxes]
    for row in table.itertuples():
        label = f"{row.name} ({row.mentions})"
        assert labels.count(label) + (label in _note(figure)) == 1, label
    view = figure.map_view
    for row in table.itertuples():
        inside = view.lon[0] <= row.lon <= view.lon[1] and view.lat[0] <= row.lat <= view.lat[1]
        zoomed = view.inset and view.inset[0][0] <= row.lon <= view.inset[0][1] and \
            view.inset[1][0] <= row.lat <= view.inset[1][1]
        assert inside or zoomed, f"{row.name} is off the map"
    return figure


def test_each_place_is_labelled_once_and_labels_do_not_overlap(article):
    # The seed's places crowd the Middle East: Syria, Iraq, Iran and Afghanistan sit a few degrees apart.
    for presenter in (False, True):
        _check_map(find_places(article), presenter)


def _every_article():
    from pathlib import Path

    from benchmarks.news_accuracy import available, devset_folder

    root = Path(__file__).resolve().parent.parent
    paths = sorted((root / "data" / "articles").glob("*.txt")) + sorted((root / "data" / "devset").glob("*.txt"))
    return paths + (sorted((devset_folder() / "texts").glob("*.txt")) if available() else [])


def test_every_shipped_and_development_article_maps_without_overlap_and_off_map_places():
    from conflict_reading import load_article

    paths = _every_article()
    assert len(paths) >= 5
    for path in paths:
        places = find_places(load_article(path))
        figure = _check_map(places)
        unlocated = set(places["name"].dropna()) - set(places.dropna(subset=["lat", "lon"])["name"])
        for name in unlocated:
            assert name in _note(figure), f"{path.stem}: {name} has no point and is not listed under the map"
        import matplotlib.pyplot as plt

        plt.close(figure)


def test_the_map_is_drawn_for_the_story():
    papua = pd.DataFrame({"name": ["Nduga", "Jayapura", "Timika"], "kind": ["region", "city", "city"],
                          "lat": [-4.4, -2.5, -4.5], "lon": [138.2, 140.7, 136.9], "role": ["event"] * 3})
    view = place_map(papua).map_view
    assert not view.world and view.inset is None
    assert 125 < view.lon[0] < 136.9 and 140.7 < view.lon[1] < 155  # Papua, not the world
    world = pd.DataFrame({"name": ["Rome", "Damascus", "Baghdad", "Washington"], "kind": ["city"] * 4,
                          "lat": [41.9, 33.5, 33.3, 38.9], "lon": [12.5, 36.3, 44.4, -77.0], "role": ["event"] * 4})
    view = place_map(world).map_view
    assert view.world and view.inset is not None
    assert view.inset[0][0] <= 36.3 and 44.4 <= view.inset[0][1]  # the crowd is zoomed


def test_the_inset_hides_no_place_of_the_world_map(article):
    figure = place_map(find_places(article))
    figure.canvas.draw()
    main = figure.axes[0]
    world, inset = main.get_window_extent(), main.child_axes[0].get_window_extent()
    assert not world.overlaps(inset)
