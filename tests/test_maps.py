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
    return [(text.get_text(), text.get_window_extent(renderer))
            for ax in [main, *main.child_axes] for text in ax.texts if text.get_text() != "Middle East (zoomed)"]


def test_each_place_is_labelled_once_and_labels_do_not_overlap(article):
    # The seed's places crowd the Middle East: Syria, Iraq, Iran and Afghanistan sit a few degrees apart.
    places = find_places(article)
    for presenter in (False, True):
        boxes = _label_boxes(place_map(places, presenter=presenter))
        names = sorted(name for name, _ in boxes)
        expected = sorted(f"{row.name} ({row.mentions})" for row in mentions_by_place(places).itertuples())
        assert names == expected
        overlapping = [(a, b) for i, (a, box_a) in enumerate(boxes) for b, box_b in boxes[i + 1:]
                       if box_a.overlaps(box_b) and box_a.intersection(box_a, box_b).width > 1
                       and box_a.intersection(box_a, box_b).height > 1]
        assert overlapping == [], f"presenter={presenter}: labels overlap: {overlapping}"


def test_the_inset_hides_no_place_of_the_world_map(article):
    figure = place_map(find_places(article))
    figure.canvas.draw()
    main = figure.axes[0]
    world, inset = main.get_window_extent(), main.child_axes[0].get_window_extent()
    assert not world.overlaps(inset)
