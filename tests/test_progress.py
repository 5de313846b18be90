"""The learner's progress file is never lost: atomic writes, backups of damaged files,
two notebooks at once, and a folder that cannot be written."""

import json
import os
import random
import signal
import subprocess
import sys
import textwrap

import pytest

from conflict_reading.checks import check, exercises, hint
from conflict_reading.learner import progress
from conflict_reading.progress import ProgressStore

from .conftest import REPO


@pytest.fixture
def path(tmp_path):
    return tmp_path / "progress.json"


def stored(path):
    return json.loads(path.read_text(encoding="utf-8"))


# --- atomic writes --------------------------------------------------------------------------

WRITER = textwrap.dedent("""
    import sys
    from conflict_reading.progress import ProgressStore
    store = ProgressStore(sys.argv[1])
    prefix, start = sys.argv[2], int(sys.argv[3])
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 10**9
    if len(sys.argv) > 5:  # wait for the go signal so that writers overlap
        print("ready", flush=True)
        sys.stdin.readline()
    for i in range(start, start + count):
        store.record_attempt(f"{prefix}-{i}", passed=i % 2 == 0)
        print(i, flush=True)
""")


def start_writer(path, prefix, start, count=None, wait_for_go=False):
    args = [sys.executable, "-c", WRITER, str(path), prefix, str(start)]
    if count is not None or wait_for_go:
        args.append(str(count if count is not None else 10**9))
    if wait_for_go:
        args.append("wait")
    return subprocess.Popen(args, cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_a_kill_mid_write_never_loses_an_acknowledged_attempt(path):
    import time

    seed = random.randrange(10**6)
    rng = random.Random(seed)
    acknowledged = []
    for round_ in range(3):
        prefix = f"kill{round_}"
        child = start_writer(path, prefix, 0)
        target = rng.randint(3, 25)
        lines = []
        while len(lines) < target:
            line = child.stdout.readline()
            if not line:
                child.kill()
                pytest.fail(f"writer stopped early: {child.stderr.read()}")
            lines.append(line)
        time.sleep(rng.uniform(0, 0.02))  # let it run on for a random moment, then kill it without warning
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        lines += child.stdout.read().splitlines()
        for stream in (child.stdout, child.stderr, child.stdin):
            stream.close()
        done = [int(line) for line in lines if line.strip()]
        assert done == list(range(len(done))), f"seed {seed}"
        acknowledged += [f"{prefix}-{i}" for i in done]

        data = stored(path)  # parses: never half written
        assert data["version"] == 1
        recorded = [a["exercise"] for a in data["attempts"]]
        assert set(acknowledged) <= set(recorded), f"seed {seed}: lost {set(acknowledged) - set(recorded)}"
        assert len(recorded) == len(set(recorded)), f"seed {seed}: duplicated attempts"
        # at most the one write per kill that finished but was not yet acknowledged
        assert len(recorded) <= len(acknowledged) + round_ + 1, f"seed {seed}"
    assert not list(path.parent.glob("*.damaged-*")), "a killed writer must not look like a damaged file"


@pytest.mark.parametrize("failure", ["replace", "fsync", "interrupt"])
def test_a_failed_write_keeps_the_old_file_and_no_temporary_file(path, monkeypatch, failure):
    store = ProgressStore(path)
    store.record_attempt("00-paragraphs", passed=False)
    store.record_attempt("00-paragraphs", passed=True)
    before = path.read_bytes()

    if failure == "replace":
        def broken_replace(*args, **kwargs):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", broken_replace)
        expected = OSError
    elif failure == "fsync":
        def broken_fsync(*args, **kwargs):
            raise OSError(5, "Input/output error")

        monkeypatch.setattr(os, "fsync", broken_fsync)
        expected = OSError
    else:  # the learner presses Interrupt while half the JSON is written
        def half_dump(data, handle, **kwargs):
            handle.write('{"version": 1, "attem')
            handle.flush()
            raise KeyboardInterrupt

        monkeypatch.setattr(json, "dump", half_dump)  # the json module progress.py writes with
        expected = KeyboardInterrupt

    with pytest.raises(expected):
        store.record_attempt("00-language", passed=True)
    monkeypatch.undo()

    assert path.read_bytes() == before
    assert [a["exercise"] for a in stored(path)["attempts"]] == ["00-paragraphs", "00-paragraphs"]
    assert sorted(p.name for p in path.parent.iterdir()) == ["progress.json", "progress.json.lock"]


def test_check_says_when_progress_could_not_be_saved(path, monkeypatch):
    check("00-paragraphs", 24)
    before = path.read_bytes()

    def broken_replace(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    feedback = check("00-paragraphs", 25)
    monkeypatch.undo()
    assert feedback.passed is True
    assert "could not be saved" in feedback.message
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["progress.json", "progress.json.lock"]


# --- damaged files --------------------------------------------------------------------------

def _truncated_file(path):
    store = ProgressStore(path)
    for exercise_id in ("00-paragraphs", "00-language", "01-sentences"):
        store.record_attempt(exercise_id, passed=True)
    content = path.read_bytes()
    return content[: len(content) // 2]


DAMAGED = {
    "garbage-bytes": lambda path: b"\x00\xff\xfe\x89PNG garbage \xc3\x28",
    "empty": lambda path: b"",
    "a-list": lambda path: b"[1, 2, 3]",
    "null": lambda path: b"null",
    "a-string": lambda path: b'"progress"',
    "attempts-not-a-list": lambda path: b'{"version": 1, "attempts": "none"}',
    "attempt-without-id": lambda path: b'{"version": 1, "attempts": [{"exercise": 5}]}',
    "hints-a-list": lambda path: b'{"version": 1, "attempts": [], "hints": []}',
    "latin-1": lambda path: '{"attempts": [], "note": "caf\xe9"}'.encode("latin-1"),
    "truncated": _truncated_file,
}


@pytest.mark.parametrize("damage", list(DAMAGED))
def test_a_damaged_file_is_backed_up_and_a_fresh_one_started(path, damage):
    original = DAMAGED[damage](path)
    path.write_bytes(original)

    store = ProgressStore(path)
    store.record_attempt("00-paragraphs", passed=True)

    backups = list(path.parent.glob("progress.damaged-*.json"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == original
    data = stored(path)
    assert [a["exercise"] for a in data["attempts"]] == ["00-paragraphs"]
    assert data["attempts"][0]["passed"] is True
    assert len(store.notices) == 1 and backups[0].name in store.notices[0]


@pytest.mark.parametrize("damage", ["garbage-bytes", "a-list", "truncated"])
def test_check_tells_the_learner_about_the_backup(path, damage):
    original = DAMAGED[damage](path)
    path.write_bytes(original)
    feedback = check("00-paragraphs", 25)
    assert feedback.passed is True
    backups = list(path.parent.glob("progress.damaged-*.json"))
    assert len(backups) == 1 and backups[0].read_bytes() == original
    assert "could not be read" in feedback.message
    assert backups[0].name in feedback.message
    # the next check has nothing more to report
    assert "could not be read" not in check("00-language", "a").message
    assert len(stored(path)["attempts"]) == 2


@pytest.mark.parametrize("damage", list(DAMAGED))
def test_reading_a_damaged_file_never_raises(path, damage):
    path.write_bytes(DAMAGED[damage](path))
    table = exercises()
    assert set(table["status"]) == {"not tried"}


HAND_EDITED = {
    # valid JSON of the right shape, edited by a curious learner
    "hint-count-as-text": {"version": 1, "attempts": [], "hints": {"00-paragraphs": "two"}, "reflections": {}},
    "hint-count-null": {"version": 1, "attempts": [], "hints": {"00-paragraphs": None}, "reflections": {}},
    "attempt-without-time": {"version": 1, "attempts": [{"exercise": "00-paragraphs", "passed": True}]},
    "attempt-of-a-removed-exercise": {"version": 1, "attempts": [{"exercise": "99-gone", "passed": True,
                                                                  "at": "2024-01-01T00:00:00+00:00"}]},
}


@pytest.mark.parametrize("edit", list(HAND_EDITED))
@pytest.mark.parametrize("call", ["check", "hint", "exercises", "progress"])
def test_a_hand_edited_file_never_makes_a_call_raise(path, edit, call):
    # BUG (hint-count-*): next_hint_index() does int() on the stored count: hint() raises ValueError/TypeError.
    # BUG (attempt-without-time): progress_table() reads a["at"]: progress() raises KeyError.
    path.write_text(json.dumps(HAND_EDITED[edit]), encoding="utf-8")
    functions = {
        "check": lambda: check("00-paragraphs", 25),
        "hint": lambda: hint("00-paragraphs"),
        "exercises": exercises,
        "progress": lambda: progress()._repr_html_(),
    }
    try:
        result = functions[call]()
    except Exception as error:  # noqa: BLE001 — the point is that nothing raises
        pytest.fail(f"{call}() raised {error!r} on a hand-edited progress file")
    assert result is not None
    if call == "hint":
        assert result.message.startswith("Hint ")


# --- two notebooks at once ------------------------------------------------------------------

def test_two_writers_at_once_lose_nothing(path):
    writers = [start_writer(path, name, 0, count=100, wait_for_go=True) for name in ("left", "right")]
    for writer in writers:
        assert writer.stdout.readline().strip() == "ready", writer.stderr.read()
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    for writer in writers:
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert out.split() == [str(i) for i in range(100)]
    recorded = [a["exercise"] for a in stored(path)["attempts"]]
    assert len(recorded) == 200
    assert sorted(recorded) == sorted([f"left-{i}" for i in range(100)] + [f"right-{i}" for i in range(100)])
    # each writer's own attempts keep their order
    for name in ("left", "right"):
        mine = [r for r in recorded if r.startswith(name)]
        assert mine == [f"{name}-{i}" for i in range(100)]
    assert not list(path.parent.glob("*.damaged-*"))
    assert not list(path.parent.glob(".progress-*"))


def test_two_stores_in_one_process_add_to_each_other(path):
    first, second = ProgressStore(path), ProgressStore(path)
    first.record_attempt("00-paragraphs", passed=False)
    second.record_attempt("00-language", passed=True)
    first.record_attempt("00-paragraphs", passed=True)
    assert [(a["exercise"], a["passed"]) for a in stored(path)["attempts"]] == [
        ("00-paragraphs", False), ("00-language", True), ("00-paragraphs", True)]


# --- reflections and hint counters ----------------------------------------------------------

def test_reflections_are_saved_and_reloaded(path):
    store = ProgressStore(path)
    store.record_attempt("00-paragraphs", passed=True)
    text = "Blinken bicara paling lama — “kami” selalu Amerika. 🙂\nBaris kedua."
    store.save_reflection("02-who-speaks", text)
    store.save_reflection("01-verbs", "mengatakan, tegas")

    again = ProgressStore(path).load()
    assert again["reflections"]["02-who-speaks"]["text"] == text
    assert again["reflections"]["01-verbs"]["text"] == "mengatakan, tegas"
    assert isinstance(again["reflections"]["01-verbs"]["at"], str)
    assert [a["exercise"] for a in again["attempts"]] == ["00-paragraphs"]  # nothing else lost

    ProgressStore(path).save_reflection("01-verbs", "second thoughts")
    again = ProgressStore(path).load()
    assert again["reflections"]["01-verbs"]["text"] == "second thoughts"
    assert again["reflections"]["02-who-speaks"]["text"] == text
    assert "“kami”" in path.read_text(encoding="utf-8")  # readable, not \\u escapes


def test_hint_counters_count_per_exercise_and_persist(path):
    store = ProgressStore(path)
    assert [store.next_hint_index("00-paragraphs") for _ in range(3)] == [0, 1, 2]
    assert ProgressStore(path).next_hint_index("00-language") == 0
    assert ProgressStore(path).next_hint_index("00-paragraphs") == 3
    assert stored(path)["hints"] == {"00-paragraphs": 4, "00-language": 1}


def test_a_new_file_is_empty_and_not_written_by_loading(path):
    data = ProgressStore(path).load()
    assert data == {"version": 1, "attempts": [], "hints": {}, "reflections": {}}
    assert not path.exists()


def test_blank_attempts_are_marked(path):
    check("00-paragraphs", None)
    check("00-paragraphs", 25)
    attempts = stored(path)["attempts"]
    assert [(a["exercise"], a["passed"], a.get("blank", False)) for a in attempts] == [
        ("00-paragraphs", False, True), ("00-paragraphs", True, False)]
    assert all(isinstance(a["at"], str) and a["at"][:2] == "20" for a in attempts)


# --- a folder that cannot be written --------------------------------------------------------

@pytest.fixture
def unwritable(tmp_path, monkeypatch):
    """A progress path under a regular file: no one, not even root, can create it."""
    blocker = tmp_path / "afile"
    blocker.write_text("not a folder", encoding="utf-8")
    target = blocker / "progress.json"
    monkeypatch.setenv("CONFLICT_READING_PROGRESS", str(target))
    return blocker


@pytest.mark.parametrize("answer, passed", [(25, True), (24, False), (None, False)])
def test_check_works_when_progress_cannot_be_saved(unwritable, answer, passed):
    feedback = check("00-paragraphs", answer)
    assert feedback.passed is passed
    assert "could not be saved" in feedback.message
    assert unwritable.read_text(encoding="utf-8") == "not a folder"


def test_hint_works_when_progress_cannot_be_saved(unwritable):
    feedback = hint("00-paragraphs")
    assert feedback.message.startswith("Hint 1 of 2:")


@pytest.mark.parametrize("call", ["exercises", "progress"])
def test_looking_at_progress_works_when_it_cannot_be_saved(unwritable, call):
    # BUG: load() takes the lock, which creates the folder and a lock file: exercises() and
    # progress() raise FileExistsError (or PermissionError in a read-only folder).
    try:
        result = exercises() if call == "exercises" else progress()
    except Exception as error:  # noqa: BLE001 — the point is that nothing raises
        pytest.fail(f"{call}() raised {error!r}")
    table = result if call == "exercises" else result.table
    assert set(table["status"]) == {"not tried"}
