"""A learner's files are sacred (issue 12): the kit never moves, renames or overwrites a file it did
not create; every acknowledged answer is on disk or the learner is told; every repair is reported
once, in words.  Each test here failed before the fix it names."""

import json
import os
import shutil
import sys
import threading

import pandas as pd
import pytest

from conflict_reading import KitError, check, exercises, hint, progress, reflect
from conflict_reading.exercises import all_exercises
from conflict_reading.progress import ProgressError, ProgressStore

from .fault_env import run_on_full_disk, run_unprivileged, shared_folder


def snapshot(folder):
    """Every file under ``folder`` with its bytes (folders as None): what "untouched" means."""
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))}


def use_progress(monkeypatch, path):
    monkeypatch.setenv("CONFLICT_READING_PROGRESS", str(path))


def attempts(path):
    return [a["exercise"] for a in ProgressStore(path).load()["attempts"]]


def forget_this_process():
    module = sys.modules["conflict_reading.progress"]
    for cache in (module._OURS, module._BASE_SEEN, module._TOLD, module._UNSAVED_HINTS):
        cache.clear()


# --- 1. a progress path that is not a journal is refused, never renamed ---------------------

def test_a_progress_path_that_is_a_folder_keeps_the_record_inside_it(tmp_path, monkeypatch):
    folder = tmp_path / "w"
    folder.mkdir()
    (folder / "my-notes.txt").write_text("mine", encoding="utf-8")
    use_progress(monkeypatch, folder)
    feedback = check("00-paragraphs", 25)
    assert feedback.passed and "not saved" not in feedback.message
    assert folder.is_dir() and (folder / "my-notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w"]  # nothing renamed beside it
    assert attempts(folder / "progress.jsonl") == ["00-paragraphs"]


@pytest.mark.parametrize("name, content", [
    ("notes.txt", b"my notes\n"),
    ("lesson.ipynb", json.dumps({"cells": [], "nbformat": 4}).encode()),
    ("data.csv", b"a,b\n1,2\n"),
    ("no-suffix", b"x"),
])
def test_a_progress_path_that_is_not_a_progress_file_is_refused_and_left_alone(tmp_path, monkeypatch, name, content):
    target = tmp_path / name
    target.write_bytes(content)
    before = snapshot(tmp_path)
    use_progress(monkeypatch, target)

    feedback = check("00-paragraphs", 25)
    assert feedback.passed  # the answer is still checked...
    assert "not saved" in feedback.message and "not a progress file" in feedback.message  # ...and the learner told
    assert snapshot(tmp_path) == before  # not renamed, not written, no lock file beside it
    with pytest.raises(KitError, match="not a progress file"):
        progress()
    with pytest.raises(KitError, match="not a progress file"):
        progress(export=tmp_path / "out.csv")
    assert "not a progress file" in reflect("05-reflection", "my words").message
    assert hint("00-paragraphs").message.startswith("Hint 1")
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("setting, make", [
    ("progress.jsonl", "folder progress.json"),  # the old base is a folder
    ("progress.json", "folder progress.jsonl"),  # the journal is a folder
    ("progress.json", "fifo progress.jsonl"),  # the journal is a named pipe
    ("progress.jsonl", "fifo progress.json"),
])
def test_a_progress_file_that_is_not_a_regular_file_is_refused_without_waiting(tmp_path, monkeypatch, setting, make):
    kind, name = make.split()
    if kind == "fifo":
        os.mkfifo(tmp_path / name)
    else:
        (tmp_path / name).mkdir()
        (tmp_path / name / "inside.txt").write_text("keep", encoding="utf-8")
    before = snapshot(tmp_path)
    use_progress(monkeypatch, tmp_path / setting)

    results = {}
    worker = threading.Thread(target=lambda: results.update(feedback=check("00-paragraphs", 25),
                                                             hint=hint("00-paragraphs")), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "check() hung on a progress file that is not a regular file"
    assert "not saved" in results["feedback"].message
    assert "a folder" in results["feedback"].message or "not a regular file" in results["feedback"].message
    with pytest.raises(KitError):
        exercises()
    assert snapshot(tmp_path) == before


def test_a_jsonl_file_the_kit_did_not_write_is_refused_and_left_alone(tmp_path, monkeypatch):
    theirs = tmp_path / "tweets.jsonl"
    theirs.write_text('{"id": 1, "text": "hello"}\n{"id": 2, "text": "world"}\n', encoding="utf-8")
    before = snapshot(tmp_path)
    use_progress(monkeypatch, theirs)
    feedback = check("00-paragraphs", 25)
    assert "not saved" in feedback.message and "holds no progress saved by this kit" in feedback.message
    assert snapshot(tmp_path) == before


def test_an_empty_jsonl_file_made_for_the_purpose_is_used(tmp_path, monkeypatch):
    (tmp_path / "class.jsonl").touch()
    use_progress(monkeypatch, tmp_path / "class.jsonl")
    assert "not saved" not in check("00-paragraphs", 25).message
    assert attempts(tmp_path / "class.jsonl") == ["00-paragraphs"]


def test_a_journal_whose_first_save_was_cut_off_is_still_ours(tmp_path, monkeypatch):
    journal = tmp_path / "progress.jsonl"
    journal.write_bytes(b'{"event": "attempt", "exercise": "00-par')  # killed during the very first save
    use_progress(monkeypatch, journal)
    feedback = check("00-paragraphs", 25)
    assert "not saved" not in feedback.message and "1 line" in feedback.message
    assert attempts(journal) == ["00-paragraphs"]


def test_an_absurd_progress_path_gives_a_message_not_a_traceback(tmp_path, monkeypatch):
    use_progress(monkeypatch, tmp_path / ("x" * 5000 + ".json"))
    feedback = check("00-paragraphs", 25)
    assert feedback.passed and "not saved" in feedback.message
    assert hint("00-paragraphs").message.startswith("Hint 1")


# --- 2. an acknowledged answer is on disk, or the learner is told ----------------------------

TORN = b'{"event": "attempt", "exercise": "01-sen'

SETUP_TORN_JOURNAL = """
    import json, os, sys
    from conflict_reading.progress import ProgressStore
    path = sys.argv[1]
"""


def test_a_torn_journal_in_a_folder_the_learner_cannot_write_loses_no_check(tmp_path):
    folder = shared_folder()
    try:
        journal = folder / "progress.jsonl"
        ProgressStore(journal).record_attempt("00-paragraphs", passed=False)
        with open(journal, "ab") as handle:
            handle.write(TORN)  # the kernel died half way through a line
        (folder / "progress.json.lock").unlink()
        journal.chmod(0o666)  # the journal can be written, the folder cannot (no lock, no backup)
        result = run_unprivileged("""
            import json
            from conflict_reading import check
            messages = [check("00-lead-missing", answer).message for answer in ("a", "b", "c")]
            print(json.dumps(messages))
        """, journal)
        acknowledged = [m for m in result if "not saved" not in m]
        assert len(acknowledged) == 3, result
        assert sum("could not be read" in m for m in result) == 1  # the broken line, reported once
        forget_this_process()
        assert attempts(journal) == ["00-paragraphs", "00-lead-missing", "00-lead-missing", "00-lead-missing"]
        assert journal.read_bytes().startswith(b'{"event": "attempt", "exercise": "00-paragraphs"')
        assert TORN in journal.read_bytes()  # left where it was, ended by a newline
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_on_a_full_disk_every_acknowledged_check_is_on_disk():
    result = run_on_full_disk("""
        import json, os
        from pathlib import Path
        from conflict_reading import check
        full = Path(os.environ["FULL"])
        journal = full / "progress.jsonl"
        journal.write_bytes(b'{"event": "attempt", "exercise": "00-paragraphs", "passed": false}\\n'
                            b'{"event": "attempt", "exercise": "01-sen')  # a torn line to begin with
        (full / "filler").write_bytes(b"x" * (40 * 1024))  # most of the disk
        told, acknowledged = [], []
        for i in range(400):
            message = check("00-lead-missing", f"answer {i} " + "x" * 200).message
            (told if "not saved" in message else acknowledged).append(i)
            if "not saved" in message:
                last = message
        sizes = journal.stat().st_size
        lines = journal.read_bytes().split(b"\\n")
        stored = [json.loads(l) for l in lines if l.startswith(b'{"event": "attempt"') and l.endswith(b"}")]
        print(json.dumps({"told": len(told), "acknowledged": len(acknowledged), "last": last,
                          "stored": sum(1 for s in stored if s["exercise"] == "00-lead-missing"),
                          "tail_ok": journal.read_bytes().endswith(b"\\n")}))
    """, size_kb=64)
    assert result["told"] > 0 and result["acknowledged"] > 0, result  # the disk did fill up
    assert result["stored"] == result["acknowledged"]  # every acknowledged check, and no other
    assert "the disk is full" in result["last"]  # said in words, not "read-only?"
    assert result["tail_ok"]  # no half line left by a failed write


def test_on_a_full_disk_hints_go_on_and_an_export_leaves_no_partial_file():
    result = run_on_full_disk("""
        import json, os
        from pathlib import Path
        from conflict_reading import KitError, check, hint, progress
        full = Path(os.environ["FULL"])
        for answer in range(30):
            check("00-paragraphs", answer)
        filler = full / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT)  # fill the disk to the last byte
        try:
            while os.write(fd, b"x" * 512):
                pass
        except OSError:
            pass
        os.close(fd)
        for _ in range(1000):  # and the journal's last block, too
            if "not saved" in check("00-paragraphs", 1).message:
                break
        for _ in range(1000):  # to its last byte: a hint's line (shorter than an attempt's, which keeps the
            if "could not be saved" in hint("00-where-when").message:  # answer) fits no more; same id length
                break
        hints = [hint("00-paragraphs").message for _ in range(3)]
        try:
            message = progress(export=full / "me.csv")
        except KitError as error:
            message = "KitError: " + str(error)
        print(json.dumps({"hints": hints, "export": message, "partial": (full / "me.csv").exists(),
                          "leftovers": sorted(p.name for p in full.iterdir())}))
    """, size_kb=64)
    hints = len(all_exercises()["00-paragraphs"].hints)
    assert [h.split(":")[0] for h in result["hints"]] == [f"Hint {min(i, hints)} of {hints}" for i in (1, 2, 3)]
    assert "could not be saved: the disk is full" in result["hints"][0]
    assert result["export"].startswith("KitError:") and "the disk is full" in result["export"]
    assert not result["partial"]
    assert result["leftovers"] == ["filler", "progress.json.lock", "progress.jsonl"]


# --- 3. a read-only progress folder shows the progress it holds -----------------------------

def _class_record(folder):
    journal = folder / "progress.jsonl"
    store = ProgressStore(journal)
    for exercise, passed in (("00-paragraphs", False), ("00-paragraphs", True), ("00-lead-missing", True)):
        store.record_attempt(exercise, passed=passed)
    store.save_reflection("05-reflection", "Only ministers speak.")
    return journal


def test_a_read_only_progress_folder_shows_what_it_holds():
    folder, out = shared_folder(), shared_folder()
    try:
        journal = _class_record(folder)
        out.chmod(0o777)
        result = run_unprivileged(f"""
            import json
            from conflict_reading import check, exercises, progress, reflect
            report = progress()
            print(json.dumps({{
                "passed": int((report.table["status"] == "passed").sum()),
                "shown": repr(report).splitlines()[0],
                "status": exercises().set_index("id")["status"].to_dict(),
                "reflection": reflect("05-reflection").text,
                "export": progress(export="{out}/me.csv"),
                "check": check("00-paragraphs", 25).message,
            }}))
        """, journal)
        assert result["passed"] == 2 and result["shown"] == f"2 of {len(all_exercises())} exercises passed."
        assert result["status"]["00-lead-missing"] == "passed"
        assert result["reflection"] == "Only ministers speak."
        assert "hand in that file" in result["export"]
        exported = pd.read_csv(out / "me.csv")
        assert (exported["status"] == "passed").sum() == 2
        assert exported["reflection"].dropna().tolist() == ["Only ministers speak."]
        assert "not saved: you do not have permission" in result["check"]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)


def test_a_progress_file_that_cannot_be_read_is_never_shown_as_empty():
    folder, out = shared_folder(), shared_folder()
    try:
        journal = _class_record(folder)
        journal.chmod(0o600)  # the learner may not read it
        out.chmod(0o777)
        result = run_unprivileged(f"""
            import json
            from pathlib import Path
            from conflict_reading import KitError, exercises, hint, progress, reflect
            said = {{}}
            for name, call in (("progress", lambda: progress()), ("exercises", exercises),
                               ("export", lambda: progress(export="{out}/me.csv"))):
                try:
                    said[name] = "returned " + repr(call())[:200]
                except KitError as error:
                    said[name] = "KitError: " + str(error)
            said["reflect"] = reflect("05-reflection").message
            said["hint"] = hint("00-paragraphs").message
            said["exported"] = Path("{out}/me.csv").exists()
            print(json.dumps(said))
        """, journal)
        for name in ("progress", "exercises", "export"):
            assert result[name].startswith("KitError:") and "cannot be read" in result[name], result[name]
            assert "Nothing is lost" in result[name]
        assert not result["exported"]  # no empty CSV to hand in
        assert "cannot be read" in result["reflect"] and "No reflection saved" not in result["reflect"]
        assert result["hint"].startswith("Hint 1 of ") and "cannot be counted" in result["hint"]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)


# --- 4. an export never overwrites a file the kit did not write ------------------------------

@pytest.mark.parametrize("name", ["lesson.ipynb", "notes.csv", "my-progress.csv"])
def test_an_export_never_replaces_a_file_it_did_not_write(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    theirs = tmp_path / name
    theirs.write_text("the learner's own file\n", encoding="utf-8")
    check("00-paragraphs", 25)
    with pytest.raises(KitError, match="already exists and is not a progress export") as raised:
        progress(export=name)
    assert "overwrite=True" in str(raised.value)
    assert theirs.read_text(encoding="utf-8") == "the learner's own file\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [name, "progress.json.lock",
                                                                         "progress.jsonl"]


def test_an_export_replaces_an_earlier_export_and_anything_else_only_when_asked(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    check("00-paragraphs", 24)
    progress(export="me.csv")
    assert (pd.read_csv("me.csv").set_index("id").loc["00-paragraphs", "status"]) == "tried"
    check("00-paragraphs", 25)
    assert "hand in that file" in progress(export="me.csv")  # its own earlier export: replaced
    assert (pd.read_csv("me.csv").set_index("id").loc["00-paragraphs", "status"]) == "passed"

    (tmp_path / "old.txt").write_text("theirs", encoding="utf-8")
    assert "hand in that file" in progress(export="old.txt", overwrite=True)
    assert pd.read_csv("old.txt").shape[0] == len(all_exercises())
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("make", ["folder", "fifo"])
def test_an_export_to_a_folder_or_a_pipe_is_refused_without_waiting(tmp_path, monkeypatch, make):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "out"
    target.mkdir() if make == "folder" else os.mkfifo(target)
    results = {}

    def export():
        try:
            results["said"] = progress(export="out")
        except KitError as error:
            results["said"] = "KitError: " + str(error)

    worker = threading.Thread(target=export, daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "progress(export=...) hung"
    assert results["said"].startswith("KitError:")
    assert ("is a folder" if make == "folder" else "not a regular file") in results["said"]


def test_a_failed_export_leaves_no_partial_file_and_keeps_the_earlier_one(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    check("00-paragraphs", 25)

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(KitError, match="the disk is full"):
        progress(export="new.csv")
    assert not (tmp_path / "new.csv").exists()
    monkeypatch.undo()
    monkeypatch.chdir(tmp_path)
    progress(export="me.csv")
    earlier = (tmp_path / "me.csv").read_bytes()
    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(KitError, match="the disk is full"):
        progress(export="me.csv")
    assert (tmp_path / "me.csv").read_bytes() == earlier
    assert sorted(p.name for p in tmp_path.iterdir()) == ["me.csv", "progress.json.lock", "progress.jsonl"]


# --- 6. every repair is reported once, in words, by the next call the learner sees ----------

def _journal_with_a_bad_middle_line(path):
    store = ProgressStore(path)
    store.record_attempt("00-paragraphs", passed=True)
    with open(path.with_name("progress.jsonl"), "ab") as journal:
        journal.write(b'{"event": "attempt", "exerc\xff\n')  # a line damaged in the middle of the file
    store.record_attempt("00-lead-missing", passed=True)


@pytest.mark.parametrize("first", ["progress", "hint", "reflect", "export", "check"])
def test_a_damaged_middle_line_is_reported_by_the_first_call_and_only_once(tmp_path, monkeypatch, first):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "progress.json"
    _journal_with_a_bad_middle_line(path)
    before = path.with_name("progress.jsonl").read_bytes()
    calls = {
        "progress": lambda: repr(progress()),
        "hint": lambda: hint("00-paragraphs").message,
        "reflect": lambda: reflect("05-reflection").message,
        "export": lambda: progress(export="me.csv"),
        "check": lambda: (progress(), check("00-paragraphs", 25).message)[1],
    }
    said = calls[first]()
    if first == "check":  # check() itself reads nothing; the progress() before it reported
        said = repr(progress())
        assert "could not be read" not in said
    else:
        assert "1 line of your progress file could not be read" in said and "skipped" in said
    later = [repr(progress()), hint("00-paragraphs").message, reflect("05-reflection").message]
    forget_this_process()
    later.append(repr(progress()))
    assert not any("could not be read" in text for text in later)
    assert path.with_name("progress.jsonl").read_bytes().startswith(before)  # only ever added to
    assert not list(tmp_path.glob("*.damaged-*"))
    assert attempts(path)[:2] == ["00-paragraphs", "00-lead-missing"]


def test_a_journal_saved_with_a_bom_keeps_its_first_record(tmp_path, monkeypatch):
    journal = tmp_path / "progress.jsonl"
    ProgressStore(journal).record_attempt("00-paragraphs", passed=True)
    ProgressStore(journal).record_attempt("00-lead-missing", passed=True)
    journal.write_bytes(b"\xef\xbb\xbf" + journal.read_bytes())  # an editor saved it "with BOM"
    use_progress(monkeypatch, journal)
    report = progress()
    assert report.notices == []
    assert set(report.table.set_index("id").loc[["00-paragraphs", "00-lead-missing"], "status"]) == {"passed"}


def test_an_old_progress_json_with_a_bom_is_read(tmp_path, monkeypatch):
    old = tmp_path / "progress.json"
    old.write_bytes(b"\xef\xbb\xbf" + json.dumps({"version": 1, "attempts": [
        {"exercise": "00-paragraphs", "passed": True, "at": "2024-01-01T00:00:00+00:00"}]}).encode())
    use_progress(monkeypatch, old)
    assert attempts(old) == ["00-paragraphs"] and progress().notices == []


def test_the_reflection_box_says_when_saved_text_cannot_be_read(tmp_path, monkeypatch):
    from conflict_reading.widgets.reflection import ReflectionBox

    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    use_progress(monkeypatch, tmp_path / "notes.txt")
    box = ReflectionBox("05-reflection")
    assert "not a progress file" in box.status.value and "Not saved yet" not in box.status.value
    box.text_input.value = "My words."
    box.save_button.click()
    assert "not saved" in box.status.value.lower() and "copy it somewhere safe" in box.status.value


def test_progress_error_is_a_one_line_kit_error():
    assert issubclass(ProgressError, KitError)
    assert ProgressError("x")._render_traceback_() == ["⚠ x"]
