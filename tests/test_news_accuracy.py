"""Floors for who speaks on real news (issue 14): the engine against the hand annotations of the 36 articles
of the development set (data/annotations/news/; texts read from ../shared/devset at run time, never copied).

The floors are the figures measured when they were set, less a little for ties: a change that makes the
engine worse on real news fails here.  The issue's own targets (speakers 0.92, reported speech 0.85) are in
benchmarks/targets.toml, and `make bench` prints how far the engine is from them.
"""

from __future__ import annotations

import pytest

from benchmarks import news_accuracy

FLOORS = {
    "all": {"quotes_f1": 0.98, "span_kind_accuracy": 0.98, "speaker_accuracy": 0.92, "indirect_recall": 0.85,
            "indirect_precision": 0.85},
    "id": {"quotes_f1": 0.98, "span_kind_accuracy": 0.98, "speaker_accuracy": 0.92, "indirect_recall": 0.82,
           "indirect_precision": 0.86},
    "en": {"quotes_f1": 0.98, "span_kind_accuracy": 0.97, "speaker_accuracy": 0.92, "indirect_recall": 0.87,
           "indirect_precision": 0.85},
}


@pytest.fixture(scope="module")
def figures():
    if not news_accuracy.available():
        pytest.skip(f"the development set is not at {news_accuracy.devset_folder()} (set CONFLICT_READING_DEVSET)")
    groups, _ = news_accuracy.summary()
    return groups


@pytest.mark.parametrize("group", FLOORS)
def test_real_news_figures_stay_above_their_floors(figures, group):
    below = {name: round(figures[group][name], 3) for name, floor in FLOORS[group].items()
             if figures[group][name] < floor}
    assert below == {}, f"{group}: below the floor {FLOORS[group]}"


def test_every_annotated_article_is_measured(figures):
    assert figures["all"]["articles"] == 36 and figures["id"]["articles"] == 24 and figures["en"]["articles"] == 12


def test_a_wrong_speaker_is_counted_wrong():
    # the measure itself: names are compared without case, accents or a leading article, and nothing more
    assert news_accuracy.same_source("the Chinese Foreign Ministry", "Chinese foreign ministry")
    assert not news_accuracy.same_source("Budi Santoso", "Budi Hartono")
    assert not news_accuracy.same_source("Antony Blinken", None)
    assert news_accuracy.same_source("Rudi Hartawan Siregar", "RHS", ["RHS"])
