"""The widgets of lesson 04 (places), driven with no front end: set values, click buttons, read state.

Every expected value here is written by hand from the article (data/articles/koalisi-isis-roma.txt):
sentence 3 is ¶3 "... melangsungkan pertemuan di Roma ...", sentence 25 (¶23) ends "... khususnya di Sahel,
Mozambik dan Tanduk Afrika.", and so on.
"""

import json
import re

import pandas as pd
import pytest

from conflict_reading import load_article
from conflict_reading.paths import annotations_dir
from conflict_reading.places import find_places
from conflict_reading.widgets.fallback import WithFallback
from conflict_reading.widgets.places import ROLE_COLOURS, PlaceSpotter, RoleSorter, highlight_places

from .widget_steps import go_to, plain

# Index of a sentence in the spotter (0-based; the article has 28 sentences) → what it holds, by hand.
SENTENCE_1 = 0    # ¶1: Amerika, Afghanistan
SENTENCE_3 = 2    # ¶3: di Roma
SENTENCE_5 = 4    # ¶5: no place
SENTENCE_9 = 8    # ¶9: Irak-Suriah
SENTENCE_17 = 16  # ¶17: didukung Iran; Kataib Hizbullah is a group, not a place
SENTENCE_23B = 24  # ¶23, second sentence: Irak dan Suriah … Sahel, Mozambik dan Tanduk Afrika


@pytest.fixture(scope="module")
def article():
    return load_article("koalisi-isis-roma")


@pytest.fixture(scope="module")
def gold():
    records = json.loads((annotations_dir() / "koalisi-isis-roma.json").read_text(encoding="utf-8"))["places"]
    return pd.DataFrame(records)


# --- highlight_places ------------------------------------------------------------------------------

def test_highlight_labels_every_place_with_its_name_and_role(article, gold):
    shown = highlight_places(article, gold)
    markup = shown._repr_html_()
    assert markup.count('class="cr-place"') == 50
    for text, label in [("Roma", "Rome · event"), ("Iran", "Iran · actor"), ("Italia", "Italy · title"),
                        ("Tanduk Afrika", "Horn of Africa · event"), ("Suriah", "Syria · other")]:
        assert re.search(rf">{re.escape(text)}</span><span class=\"cr-number-label\"[^>]*>{re.escape(label)}</span>",
                         markup), label
    assert len(set(ROLE_COLOURS.values())) == 4  # one colour per role, and a label: never colour alone


def test_highlight_falls_back_to_a_numbered_list(article, gold):
    text = repr(highlight_places(article, gold))
    assert text.startswith("Places in 'koalisi-isis-roma': 50 mentions of 11 places")
    assert " 7. ¶3 “Roma” → Rome (city) [event]" in text
    assert "“Tanduk Afrika” → Horn of Africa (region) [event]" in text
    assert "<" not in text


def test_highlight_of_an_empty_table(article):
    shown = highlight_places(article, [])
    assert "0 mentions of 0 places" in repr(shown)
    assert "No places in this table." in shown._repr_html_()


# --- PlaceSpotter ----------------------------------------------------------------------------------

@pytest.fixture()
def spotter(article, gold):
    return PlaceSpotter(article, gold, show_map=False)


def test_spotter_walks_through_every_sentence(spotter):
    assert len(spotter.items) == 28
    assert spotter.total == 50
    assert isinstance(spotter, WithFallback)
    assert "Place spotter: 28 sentences" in repr(spotter)
    assert spotter.prev_button.disabled and not spotter.next_button.disabled


def test_spotter_finds_rome_with_its_kind(spotter):
    go_to(spotter, SENTENCE_3)
    spotter.mark("Roma")
    assert len(spotter.kind_inputs) == 1
    spotter.kind_inputs[0].value = "city"
    spotter.check_button.click()
    assert spotter.results[SENTENCE_3] == {"found": 1, "missed": 0, "extra": 0, "kinds_right": 1, "passed": True,
                                           "shown": False}
    assert spotter.found == {"Rome"}
    assert spotter.last_feedback.passed


def test_spotter_counts_missed_places_without_naming_them(spotter):
    go_to(spotter, SENTENCE_1)
    spotter.mark("Afghanistan")
    spotter.kind_inputs[0].value = "country"
    spotter.check_button.click()
    result = spotter.results[SENTENCE_1]
    assert (result["found"], result["missed"], result["passed"]) == (1, 1, False)
    assert "1 place name is still unmarked" in plain(spotter.feedback.value)
    assert "Amerika" not in plain(spotter.feedback.value)
    assert spotter.found == {"Afghanistan"}


def test_show_me_names_the_missed_place(spotter):
    go_to(spotter, SENTENCE_1)
    spotter.show_button.click()
    assert spotter.results[SENTENCE_1]["shown"] is True
    assert "Missed: “Amerika” (United States, a country)" in plain(spotter.feedback.value)
    assert "missed: United States · country" in plain(spotter.context.value)
    assert spotter.found == set()  # shown, not found


def test_a_sentence_without_places_passes_with_nothing_ticked(spotter):
    go_to(spotter, SENTENCE_5)
    spotter.check_button.click()
    assert spotter.results[SENTENCE_5]["passed"] is True
    assert "names no place" in spotter.last_feedback.message


def test_irak_suriah_is_two_places(spotter):
    go_to(spotter, SENTENCE_9)
    words = [w["text"] for w in spotter.words]
    assert "Irak" in words and "Suriah" in words and "Irak-Suriah" not in words
    spotter.mark("Irak", "Suriah")
    assert len(spotter.kind_inputs) == 2  # joined by a hyphen: two marks, two kinds
    for box in spotter.kind_inputs:
        box.value = "country"
    spotter.check_button.click()
    assert spotter.results[SENTENCE_9]["found"] == 2
    assert spotter.results[SENTENCE_9]["passed"] is True
    assert spotter.found == {"Iraq", "Syria"}


def test_tanduk_afrika_is_one_place_and_kinds_are_checked(spotter):
    go_to(spotter, SENTENCE_23B)
    spotter.mark("Sahel", "Mozambik", "Tanduk Afrika")
    assert [b.description for b in spotter.kind_inputs] == ["Kind of “Sahel”:", "Kind of “Mozambik”:",
                                                           "Kind of “Tanduk Afrika”:"]
    spotter.kind_inputs[0].value = "region"
    spotter.kind_inputs[1].value = "country"
    spotter.kind_inputs[2].value = "country"  # wrong: a region
    spotter.check_button.click()
    result = spotter.results[SENTENCE_23B]
    assert (result["found"], result["missed"], result["kinds_right"], result["passed"]) == (3, 2, 2, False)
    assert "but is it a country?" in plain(spotter.feedback.value)
    assert spotter.found == {"Sahel", "Mozambique", "Horn of Africa"}


def test_half_a_name_is_found_but_not_exact(spotter):
    go_to(spotter, SENTENCE_23B)
    spotter.mark("Afrika")  # only the second word of Tanduk Afrika
    spotter.kind_inputs[0].value = "region"
    spotter.check_button.click()
    assert spotter.results[SENTENCE_23B]["passed"] is False
    assert "not marked exactly" in plain(spotter.feedback.value)


def test_a_group_name_is_an_extra_mark(spotter):
    go_to(spotter, SENTENCE_17)
    spotter.mark("Iran", "Kataib Hizbullah")
    spotter.kind_inputs[0].value = "country"
    spotter.check_button.click()
    result = spotter.results[SENTENCE_17]
    assert (result["found"], result["extra"], result["passed"]) == (1, 1, False)
    assert "Extra: “Kataib Hizbullah”" in plain(spotter.feedback.value)


def test_marks_and_kinds_survive_prev_and_next(spotter):
    go_to(spotter, SENTENCE_3)
    spotter.mark("Roma")
    spotter.kind_inputs[0].value = "city"
    spotter.next_button.click()
    spotter.prev_button.click()
    assert [b.description for b in spotter.word_buttons if b.value] == ["Roma"]
    assert spotter.kind_inputs[0].value == "city"


def test_the_map_updates_as_places_are_found(article, gold):
    spotter = PlaceSpotter(article, gold)
    assert spotter.map_output in spotter.box.children
    assert spotter.map_figure is None
    go_to(spotter, SENTENCE_3)
    spotter.mark("Roma")
    spotter.check_button.click()
    assert spotter.map_figure is not None
    assert "1 place found" in spotter.map_figure.axes[0].get_title()
    assert list(spotter.found_table()["name"]) == ["Rome"]


def test_spotter_works_on_the_engine_table(article):
    spotter = PlaceSpotter(article, find_places(article), show_map=False)
    go_to(spotter, SENTENCE_3)
    spotter.mark("Roma")
    spotter.kind_inputs[0].value = "city"
    spotter.check_button.click()
    assert spotter.results[SENTENCE_3]["passed"] is True


# --- RoleSorter ------------------------------------------------------------------------------------

@pytest.fixture()
def sorter(article, gold):
    return RoleSorter(article, gold)


def test_sorter_goes_through_every_mention(sorter):
    assert len(sorter.items) == 50
    assert "Role sorter: 50 place mentions" in repr(sorter)


def test_amerika_launching_is_an_actor(sorter):
    assert sorter.items[0]["text"] == "Amerika"  # ¶1: Selagi Amerika menarik pasukannya
    sorter.role_buttons.value = "event"
    sorter.check_button.click()
    assert sorter.results[0] is False
    assert "“Amerika menarik”" in sorter.last_feedback.message
    sorter.role_buttons.value = "actor"
    sorter.check_button.click()
    assert sorter.results[0] is True
    assert sorter.last_feedback.message.startswith("Correct")


def test_didukung_iran_explains_why(sorter):
    go_to(sorter, 3)  # ¶2: milisi yang didukung Iran
    assert sorter.items[3]["text"] == "Iran"
    sorter.role_buttons.value = "event"
    sorter.check_button.click()
    message = sorter.last_feedback.message
    assert "didukung = backed" in message and "nothing in this sentence happens in that country" in message


def test_roma_is_where_it_happens_and_italia_a_title(sorter):
    go_to(sorter, 6)  # ¶3: di Roma
    sorter.role_buttons.value = "event"
    sorter.check_button.click()
    assert sorter.results[6] is True and "“di Roma”" in sorter.last_feedback.message
    go_to(sorter, 8)  # ¶4: Menteri Luar Negeri Italia
    sorter.role_buttons.value = "actor"
    sorter.check_button.click()
    assert sorter.results[8] is False
    assert "part of an office's title" in sorter.last_feedback.message


def test_a_joined_name_shares_the_role(sorter):
    go_to(sorter, 5)  # ¶2: perbatasan Irak dan Suriah
    assert sorter.items[5]["text"] == "Suriah"
    sorter.role_buttons.value = "event"
    sorter.check_button.click()
    assert "“Irak dan Suriah”" in sorter.last_feedback.message


def test_no_pick_is_info_and_not_scored(sorter):
    sorter.check_button.click()
    assert sorter.last_feedback.state == "info"
    assert sorter.results == {}


def test_empty_tables_disable_the_buttons(article):
    for widget in (PlaceSpotter(article, [], sentences="with places", show_map=False), RoleSorter(article, [])):
        assert widget.check_button.disabled and widget.next_button.disabled
        widget.check_button.click()  # nothing happens, nothing breaks
        assert widget.results == {}


def test_an_annotation_without_roles_still_maps(article, gold):
    spotter = PlaceSpotter(article, gold.drop(columns=["role"]))
    go_to(spotter, SENTENCE_3)
    spotter.mark("Roma")
    spotter.check_button.click()
    assert spotter.found == {"Rome"} and spotter.map_figure is not None
    assert "[other]" in repr(highlight_places(article, gold.drop(columns=["role"])))
