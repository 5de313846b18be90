"""Self-checks for open writing: tick what your answer does, be told kindly what a good answer also does,
and find the ticks again in your progress and in the export you hand in."""

import csv
import html
import json
import tomllib

import pytest

from conflict_reading import progress
from conflict_reading.blanks import ___, BlankError
from conflict_reading.errors import KitError
from conflict_reading.learner import COLUMNS
from conflict_reading.paths import data_dir
from conflict_reading.progress import ProgressStore
from conflict_reading.self_checks import SELF_CHECKS_FILE, good_answer, self_check
from conflict_reading.widgets.self_check import SelfCheck

KEY = "05-reflection"
ITEMS = good_answer(KEY).items


# --- the data ---------------------------------------------------------------------------------------

def test_the_lists_follow_the_rules_written_in_the_file():
    tables = tomllib.loads((data_dir() / SELF_CHECKS_FILE).read_text(encoding="utf-8"))
    assert KEY in tables
    for key, table in tables.items():
        assert isinstance(table["title"], str) and table["title"].strip(), key
        assert len(table["items"]) >= 3, key
        for item in table["items"]:
            assert item == item.strip() and item[0].islower() and not item.endswith("."), (key, item)
            assert len(item) <= 120, (key, item)


def test_a_list_can_come_from_another_data_folder_and_a_broken_one_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICT_READING_DATA", str(tmp_path))
    (tmp_path / SELF_CHECKS_FILE).write_text('[my-note]\ntitle = "Note"\nitems = ["names a source", "dates it"]\n',
                                             encoding="utf-8")
    assert good_answer("my-note").items == ("names a source", "dates it")
    assert "You ticked 1 of 2" in repr(self_check("my-note", [2]))
    (tmp_path / SELF_CHECKS_FILE).write_text('[my-note]\nitems = "not a list"\n', encoding="utf-8")
    note = repr(self_check("my-note"))
    assert "needs items" in note and "\n" not in note


def test_an_unknown_key_names_the_keys_there_are():
    note = repr(self_check("05-reflexion"))
    assert '"05-reflection"' in note and "\n" not in note
    with pytest.raises(KitError, match="no self-check called '05-reflexion'"):
        SelfCheck("05-reflexion")


# --- the widget -------------------------------------------------------------------------------------

def test_tick_save_and_the_summary_names_what_is_not_ticked_yet():
    box = SelfCheck(KEY)
    assert [b.value for b in box.checkboxes] == [False] * len(ITEMS)
    assert "Not saved yet" in box.status.value and box.summary.value == ""
    box.checkboxes[0].value = box.checkboxes[2].value = True
    box.save_button.click()
    assert box.saved_ticks == [1, 3]
    assert box.summary_text.startswith(f"You ticked 2 of {len(ITEMS)}. A good answer also:")
    for number, item in enumerate(ITEMS, start=1):
        assert (item in box.summary_text) == (number not in (1, 3))
        assert (html.escape(item) in box.summary.value) == (number not in (1, 3))
    assert box.status.value.startswith("✔ Saved at")


def test_reloading_shows_the_saved_ticks_and_summary():
    first = SelfCheck(KEY)
    first.checkboxes[1].value = True
    first.save_button.click()
    again = SelfCheck(KEY)
    assert [b.value for b in again.checkboxes] == [n == 2 for n in range(1, len(ITEMS) + 1)]
    assert again.saved_ticks == [2] and "You ticked 1 of" in again.summary_text
    assert again.status.value.startswith("✔ Saved at")


def test_all_and_nothing_ticked_are_said_kindly():
    box = SelfCheck(KEY)
    box.save_button.click()
    assert box.summary_text.startswith(f"You ticked 0 of {len(ITEMS)}. A good answer:")
    for checkbox in box.checkboxes:
        checkbox.value = True
    box.save_button.click()
    assert box.summary_text.startswith(f"You ticked all {len(ITEMS)}.") and "also" not in box.summary_text


def test_the_widget_falls_back_to_the_numbered_list_and_the_text_route():
    text = SelfCheck(KEY)._repr_mimebundle_()["text/plain"]
    assert all(f"{n}. {item}" in text for n, item in enumerate(ITEMS, start=1))
    assert f'self_check("{KEY}", [1, 3])' in text


def test_a_progress_file_that_cannot_be_read_is_said_and_nothing_is_lost(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICT_READING_PROGRESS", str(tmp_path / "notes.txt"))
    box = SelfCheck(KEY)
    assert "not a progress file" in box.status.value
    box.checkboxes[0].value = True
    box.save_button.click()
    assert box.status.value.startswith("⚠") and box.saved_ticks == []
    assert not (tmp_path / "notes.txt").exists()


# --- the plain-text route ---------------------------------------------------------------------------

def test_the_text_route_shows_the_list_then_ticks_by_number():
    shown = repr(self_check(KEY))
    assert all(f"[ ] {n}. {item}" in shown for n, item in enumerate(ITEMS, start=1))
    assert f'self_check("{KEY}", [1, 3])' in shown
    note = self_check(KEY, [3, 1])
    assert note.saved and "You ticked 2 of" in repr(note)
    shown = repr(self_check(KEY))
    assert f"[x] 1. {ITEMS[0]}" in shown and f"[ ] 2. {ITEMS[1]}" in shown and f"[x] 3. {ITEMS[2]}" in shown
    assert SelfCheck(KEY).saved_ticks == [1, 3]  # the widget and the text route share the ticks


@pytest.mark.parametrize("ticks, saved", [(2, [2]), ("2, 4", [2, 4]), ((4, 2, 2), [2, 4]), ([], [])])
def test_ticks_may_be_one_number_a_list_or_written_out(ticks, saved):
    assert self_check(KEY, ticks).saved
    assert ProgressStore().self_check(KEY)["ticked"] == saved


@pytest.mark.parametrize("ticks", [[0], [len(ITEMS) + 1], ["a"], True, 1.5, "all", [1, "2"]])
def test_numbers_out_of_the_list_save_nothing_and_say_which_numbers(ticks):
    self_check(KEY, [1])
    note = self_check(KEY, ticks)
    assert not note.saved and f"1 to {len(ITEMS)}" in repr(note) and "Nothing was saved" in repr(note)
    assert ProgressStore().self_check(KEY)["ticked"] == [1]


def test_a_blank_in_the_lesson_namespace_is_refused():
    from conflict_reading.lesson import self_check as lesson_self_check

    with pytest.raises(BlankError):
        lesson_self_check(KEY, ___)


# --- the progress record and the export -----------------------------------------------------------

def journal_lines() -> list[dict]:
    return [json.loads(line) for line in ProgressStore().journal.read_text(encoding="utf-8").splitlines()]


def test_every_save_is_one_more_line_and_the_latest_counts():
    self_check(KEY, [1])
    self_check(KEY, [2, 3])
    events = [e for e in journal_lines() if e["event"] == "self-check"]
    assert [e["ticked"] for e in events] == [[1], [2, 3]]
    assert events[1]["items"] == [ITEMS[1], ITEMS[2]] and events[1]["key"] == KEY
    assert ProgressStore().self_check(KEY)["ticked"] == [2, 3]


GARBLED = [
    {"event": "self-check", "key": KEY, "ticked": "all"},
    {"event": "self-check", "key": KEY, "ticked": [0]},
    {"event": "self-check", "key": KEY, "ticked": [True]},
    {"event": "self-check", "key": KEY, "ticked": [1, 1]},
    {"event": "self-check", "key": KEY, "ticked": [1], "items": [1]},
    {"event": "self-check", "ticked": [1]},
]


def test_hand_edited_self_check_lines_are_skipped_kept_and_reported_once():
    self_check(KEY, [2])
    journal = ProgressStore().journal
    with open(journal, "a", encoding="utf-8") as handle:
        for event in GARBLED:
            handle.write(json.dumps(event) + "\n")
    before = journal.read_bytes()
    store = ProgressStore()
    assert store.self_check(KEY)["ticked"] == [2]
    [notice] = store.take_notices()
    assert f"{len(GARBLED)} lines of your progress file could not be read" in notice
    assert journal.read_bytes().startswith(before)  # left where they were; only a "noted" line added
    again = ProgressStore()
    again.load()
    assert again.take_notices() == []


def test_the_export_has_a_row_per_self_check_after_the_existing_columns(tmp_path):
    self_check(KEY, [1, 3])
    message = progress(export=tmp_path / "mine.csv")
    assert "1 self-check)" in message
    with open(tmp_path / "mine.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        header = rows and list(rows[0])
    assert header == [*COLUMNS, "reflection", "self_check"]
    [row] = [r for r in rows if r["id"] == KEY]
    assert row["status"] == f"ticked 2 of {len(ITEMS)}" and row["lesson"] == "05"
    assert row["self_check"].startswith(f"ticked: 1. {ITEMS[0]}; 3. {ITEMS[2]} | not ticked: 2. {ITEMS[1]}")
    assert row["title"] == "Self-check: Your reflection" and row["last_attempt_at"]


def test_the_export_keeps_reflections_and_is_unchanged_without_self_checks(tmp_path):
    from conflict_reading import reflect

    reflect(KEY, "Only ministers speak.")
    progress(export=tmp_path / "before.csv")
    with open(tmp_path / "before.csv", encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == [*COLUMNS, "reflection"]
    self_check(KEY, [2])
    progress(export=tmp_path / "after.csv")
    with open(tmp_path / "after.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    kinds = [(r["id"], r["status"]) for r in rows if r["id"] == KEY]
    assert kinds == [(KEY, "written"), (KEY, f"ticked 1 of {len(ITEMS)}")]
    assert [r["reflection"] for r in rows if r["id"] == KEY] == ["Only ministers speak.", ""]


@pytest.mark.parametrize("self_checks", [["x"], {KEY: "junk"}, {KEY: {"ticked": "all"}}])
def test_an_old_progress_json_with_odd_self_checks_is_read_without_them(tmp_path, self_checks):
    store = ProgressStore()
    store.base.parent.mkdir(parents=True, exist_ok=True)
    store.base.write_text(json.dumps({"version": 1, "attempts": [], "hints": {}, "reflections": {},
                                      "self_checks": self_checks}), encoding="utf-8")
    assert SelfCheck(KEY).saved_ticks == []
    progress(export=tmp_path / "odd.csv")
    with open(tmp_path / "odd.csv", encoding="utf-8", newline="") as handle:
        assert KEY not in {row["id"] for row in csv.DictReader(handle)}
    assert self_check(KEY, [1]).saved and SelfCheck(KEY).saved_ticks == [1]
