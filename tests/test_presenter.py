"""Presenter mode: bigger charts and highlights for a projector, and everything back as it was when turned off."""

import os
import subprocess
import sys

import matplotlib
import matplotlib.font_manager
import pandas as pd
import pytest

import conflict_reading.presenter as presenter
from conflict_reading import KitError, presenter_mode
from conflict_reading.maps import place_map
from conflict_reading.places import find_places
from conflict_reading.widgets.numbers import highlight_numbers
from conflict_reading.widgets.places import highlight_places
from conflict_reading.widgets.quotes import highlight_quotes

from .conftest import REPO

KEYS = ["font.size", "axes.titlesize", "axes.labelsize", "xtick.labelsize", "legend.fontsize", "figure.figsize"]


@pytest.fixture(autouse=True)
def _presenter_off(monkeypatch):
    """Every test starts and ends with presenter mode off and matplotlib's settings untouched."""
    monkeypatch.delenv("CONFLICT_READING_PRESENTER", raising=False)
    saved = {key: matplotlib.rcParams[key] for key in KEYS}
    presenter_mode(False)
    presenter._presenter = None
    yield
    presenter_mode(False)
    presenter._presenter = None
    matplotlib.rcParams.update(saved)


def _points(key):
    return matplotlib.font_manager.FontProperties(size=matplotlib.rcParams[key]).get_size_in_points()


def _one_quote_table(article):
    text = article.text
    start = text.index("“") + 1
    end = text.index("”", start)
    return pd.DataFrame([{"text": text[start:end], "kind": "direct", "paragraph_start": 1, "paragraph_end": 1,
                          "speaker": "Someone", "cue": "kata", "start": start, "end": end}])


def test_off_by_default():
    assert presenter_mode() is False


def test_on_enlarges_chart_text_and_figures():
    before = {key: _points(key) for key in KEYS if key != "figure.figsize"}
    width, height = matplotlib.rcParams["figure.figsize"]
    assert presenter_mode(True) is True
    for key, size in before.items():
        assert _points(key) > size, key
    assert matplotlib.rcParams["font.size"] >= 14  # readable from the back of a room
    new_width, new_height = matplotlib.rcParams["figure.figsize"]
    assert new_width > width and new_height > height


def test_off_restores_exactly_what_was_there_even_a_teachers_own_setting():
    matplotlib.rcParams["font.size"] = 11.5
    matplotlib.rcParams["figure.figsize"] = (7.0, 3.0)
    before = {key: matplotlib.rcParams[key] for key in KEYS}
    presenter_mode(True)
    presenter_mode(True)  # twice on must not save the presenter sizes as "before"
    assert matplotlib.rcParams["font.size"] != 11.5
    presenter_mode(False)
    assert {key: matplotlib.rcParams[key] for key in KEYS} == before


def test_off_when_never_on_changes_nothing():
    before = {key: matplotlib.rcParams[key] for key in KEYS}
    presenter_mode(False)
    assert {key: matplotlib.rcParams[key] for key in KEYS} == before


def test_highlights_are_larger_in_presenter_mode_and_back_after(article):
    quotes = _one_quote_table(article)
    places = find_places(article)
    from conflict_reading.numbers import find_numbers

    numbers = find_numbers(article)

    def frames():
        return [highlight_quotes(article, quotes).html, highlight_numbers(article, numbers).html,
                highlight_places(article, places).html]

    for page in frames():
        assert "font-size:1.05em" in page and "font-size:1.5em" not in page
    presenter_mode(True)
    for page in frames():
        assert 'class="cr-highlight" style="background:#fff;color:#111;font-size:1.5em' in page
    presenter_mode(False)
    for page in frames():
        assert "font-size:1.5em" not in page


def test_the_map_is_larger_in_presenter_mode(article):
    import matplotlib.pyplot as plt

    places = find_places(article)
    normal = place_map(places)
    presenter_mode(True)
    large = place_map(places)
    explicit = place_map(places, presenter=False)  # an explicit choice still wins
    try:
        assert large.get_size_inches()[0] > normal.get_size_inches()[0]
        assert tuple(explicit.get_size_inches()) == tuple(normal.get_size_inches())
    finally:
        for figure in (normal, large, explicit):
            plt.close(figure)


@pytest.mark.parametrize("switch, expected", [(1, True), (0, False), ("on", True), ("OFF", False), ("yes", True)])
def test_accepts_the_usual_ways_of_saying_on_and_off(switch, expected):
    assert presenter_mode(switch) is expected


@pytest.mark.parametrize("nonsense", ["maybe", 2, 0.5, [True]])
def test_nonsense_gets_a_one_line_message_and_changes_nothing(nonsense):
    before = {key: matplotlib.rcParams[key] for key in KEYS}
    with pytest.raises(KitError) as caught:
        presenter_mode(nonsense)
    assert caught.value._render_traceback_() == [f"⚠ presenter_mode(...) takes True or False (or 1/0, on/off), "
                                                  f"not {nonsense!r}."]
    assert presenter_mode() is False
    assert {key: matplotlib.rcParams[key] for key in KEYS} == before


@pytest.mark.parametrize("value, expected", [("1", True), ("0", False), ("banana", False)])
def test_the_environment_variable_turns_it_on_from_the_first_chart(value, expected):
    code = ("import matplotlib, conflict_reading as kit; "
            "print(kit.presenter_mode(), matplotlib.rcParams['font.size'])")
    env = {**os.environ, "CONFLICT_READING_PRESENTER": value}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, check=True)
    on, size = result.stdout.split()
    assert on == str(expected)
    assert (float(size) >= 14) is expected  # matplotlib's own default is 10
