"""The learner's reflection: saved, reloaded, never wiped by an empty save, handed in with the export."""

import json
import os

import pandas as pd
import pytest

from conflict_reading import progress, reflect
from conflict_reading.progress import ProgressStore
from conflict_reading.widgets.reflection import ReflectionBox

KEY = "05-reflection"


def saved():
    return ProgressStore().load()["reflections"].get(KEY)


# --- reflect(): the plain-text route -----------------------------------------------------------

def test_reflect_saves_and_reads_back():
    note = reflect(KEY, "Only two ministers speak.")
    assert note.saved is True and "Saved" in note.message
    assert saved()["text"] == "Only two ministers speak."
    again = reflect(KEY)
    assert again.saved is False and again.text == "Only two ministers speak."


def test_reading_back_before_saving_says_how_to_save():
    note = reflect(KEY)
    assert note.text is None and f'reflect("{KEY}", "your text")' in note.message


@pytest.mark.parametrize("empty", ["", "   ", "\n\n"])
def test_empty_text_never_wipes_a_saved_reflection(empty):
    reflect(KEY, "First thoughts.")
    note = reflect(KEY, empty)
    assert note.saved is False and "clear=True" in note.message
    assert saved()["text"] == "First thoughts."


def test_clearing_on_purpose_keeps_the_old_text_in_the_history():
    reflect(KEY, "First thoughts.")
    assert reflect(KEY, "", clear=True).saved is True
    record = saved()
    assert record["text"] == ""
    assert [h["text"] for h in record["history"]] == ["First thoughts."]


def test_rewriting_keeps_every_earlier_version():
    for text in ("one", "two", "three"):
        reflect(KEY, text)
    reflect(KEY, "three")  # the same text again adds nothing to the history
    record = saved()
    assert record["text"] == "three"
    assert [h["text"] for h in record["history"]] == ["one", "two"]


@pytest.mark.parametrize("text", [42, ["a"], b"bytes"])
def test_text_that_is_not_a_string_is_refused_with_a_message(text):
    note = reflect(KEY, text)
    assert note.saved is False and "text" in note.message
    assert saved() is None


@pytest.mark.parametrize("key", [None, "", 5])
def test_a_missing_key_is_explained(key):
    note = reflect(key, "words")
    assert note.saved is False and "name" in note.message


def test_a_failed_save_returns_the_text_instead_of_raising(monkeypatch):
    def fail(self, key, text):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(ProgressStore, "save_reflection", fail)
    note = reflect(KEY, "Precious words.")
    assert note.saved is False and "Could not save" in note.message
    assert note.text == "Precious words."  # shown back, so the learner can copy it


def test_note_shows_as_text_and_html():
    note = reflect(KEY, "Words <b>with</b> markup.")
    assert "Words <b>with</b> markup." in repr(note)
    assert "&lt;b&gt;" in note._repr_html_()


# --- the widget --------------------------------------------------------------------------------

def test_widget_saves_and_comes_back_when_the_cell_is_run_again():
    box = ReflectionBox(KEY)
    assert box.text_input.value == "" and "Not saved" in box.status.value
    box.text_input.value = "The militias never speak."
    box.save_button.click()
    assert saved()["text"] == "The militias never speak."
    assert "Saved at" in box.status.value
    assert ReflectionBox(KEY).text_input.value == "The militias never speak."


def test_widget_asks_before_an_empty_save_replaces_saved_text():
    reflect(KEY, "Keep me.")
    box = ReflectionBox(KEY)
    box.text_input.value = "  "
    box.save_button.click()
    assert saved()["text"] == "Keep me."                        # nothing written yet
    assert box.clear_button.layout.display != "none"            # the question is on screen
    box.keep_button.click()
    assert box.text_input.value == "Keep me." and saved()["text"] == "Keep me."
    assert box.clear_button.layout.display == "none"


def test_widget_clears_only_when_the_learner_confirms():
    reflect(KEY, "Old text.")
    box = ReflectionBox(KEY)
    box.text_input.value = ""
    box.save_button.click()
    box.clear_button.click()
    assert saved()["text"] == ""
    assert [h["text"] for h in saved()["history"]] == ["Old text."]


def test_widget_has_its_dom_class_and_a_plain_text_fallback():
    box = ReflectionBox(KEY, prompt="What surprised you?")
    assert "cr-reflection" in box.widget._dom_classes
    text = box._repr_mimebundle_()["text/plain"]
    assert "What surprised you?" in text and f'reflect("{KEY}"' in text


# --- the export ----------------------------------------------------------------------------------

def test_export_hands_in_reflections_after_the_exercises(tmp_path):
    reflect(KEY, "Line one.\nLine two, with a comma.")
    exercises_only = progress().table
    out = tmp_path / "hand-in.csv"
    message = progress(export=out)
    assert "1 reflections" in message
    table = pd.read_csv(out)
    assert len(table) == len(exercises_only) + 1
    assert table["id"].tolist()[:-1] == exercises_only["id"].tolist()
    row = table.iloc[-1]
    assert (row["id"], row["title"], row["status"]) == (KEY, "Reflection", "written")
    assert row["reflection"] == "Line one.\nLine two, with a comma."
    assert table["reflection"].iloc[:-1].isna().all()


def test_export_skips_a_hand_edited_reflection(tmp_path):
    path = tmp_path / "progress.json"
    assert os.environ["CONFLICT_READING_PROGRESS"] == str(path)
    path.write_text(json.dumps({"version": 1, "attempts": [], "hints": {},
                                "reflections": {"05-broken": "just a string", KEY: {"text": "fine", "at": "x"}}}))
    out = tmp_path / "hand-in.csv"
    progress(export=out)
    table = pd.read_csv(out)
    assert "05-broken" not in set(table["id"])
    assert table.set_index("id").loc[KEY, "reflection"] == "fine"
    assert reflect("05-broken").text is None  # read back as "nothing saved", not an error
