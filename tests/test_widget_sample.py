"""A widget pass sized to a block of class time: every walk-through takes paragraphs= (issue 13)."""

import json

import pytest

from conflict_reading import KitError, load_article
from conflict_reading.numbers import find_numbers
from conflict_reading.paths import annotations_dir
from conflict_reading.places import find_places
from conflict_reading.widgets import KindSorter, NumberHunt, PlaceSpotter, QuoteWalkthrough, RoleSorter, VerbSpotter

ARTICLE = load_article("koalisi-isis-roma")
GOLD = json.loads((annotations_dir() / "koalisi-isis-roma.json").read_text(encoding="utf-8"))
QUOTES = __import__("pandas").DataFrame(GOLD["quotes"])


def paragraphs_of(item) -> set[int]:
    if "paragraph" in item:
        return {item["paragraph"]}
    return set(range(item["paragraph_start"], item["paragraph_end"] + 1))


MAKERS = {
    "number hunt": lambda p: NumberHunt(ARTICLE, find_numbers(ARTICLE), paragraphs=p),
    "kind sorter": lambda p: KindSorter(ARTICLE, find_numbers(ARTICLE), paragraphs=p),
    "place spotter": lambda p: PlaceSpotter(ARTICLE, find_places(ARTICLE), show_map=False, paragraphs=p),
    "role sorter": lambda p: RoleSorter(ARTICLE, find_places(ARTICLE), paragraphs=p),
    "quote walkthrough": lambda p: QuoteWalkthrough(ARTICLE, QUOTES, paragraphs=p),
    "verb spotter": lambda p: VerbSpotter(ARTICLE, QUOTES, paragraphs=p),
}


@pytest.mark.parametrize("name", list(MAKERS))
def test_a_sample_of_paragraphs_walks_only_those(name):
    whole, sample = MAKERS[name](None), MAKERS[name]("12-16")
    assert 0 < len(sample.items) < len(whole.items)
    assert all(paragraphs_of(item) & set(range(12, 17)) for item in sample.items)
    assert [i for i in whole.items if paragraphs_of(i) & set(range(12, 17))] == sample.items  # none left out
    assert "(¶12-16)" in repr(sample)  # the plain-text route says it is a sample
    assert f" of {len(sample.items)} " in sample.score_text  # scored out of the sample


def test_a_word_hunt_counts_only_the_items_of_its_sample():
    whole, sample = MAKERS["place spotter"](None), MAKERS["place spotter"]([13])
    assert [item["paragraph"] for item in sample.items] == [13] * len(sample.items)
    assert sample.total == sum(len(item["places"]) for item in sample.items) < whole.total


@pytest.mark.parametrize("asked", [0, 99, "x"])
def test_a_sample_outside_the_article_is_one_line(asked):
    with pytest.raises(KitError):
        MAKERS["role sorter"](asked)
