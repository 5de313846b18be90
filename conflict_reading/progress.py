"""A learner's progress, kept in one JSON file that is never lost.

Every write is atomic (a temporary file, flushed to disk, then renamed over the
old one), so a kernel killed mid-write leaves the previous file intact.  Writers
take a lock and re-read before writing, so two notebooks open at once add to
each other's records instead of overwriting them.  A file that cannot be read
(corrupt, hand-edited) is kept as a backup and a fresh one is started.

>>> import tempfile, pathlib
>>> store = ProgressStore(pathlib.Path(tempfile.mkdtemp()) / "progress.json")
>>> store.record_attempt("00-paragraphs", passed=True)
>>> store.load()["attempts"][0]["exercise"]
'00-paragraphs'
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path

try:  # POSIX; on Windows the lock is skipped (one notebook at a time is still safe)
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

from .paths import progress_file

VERSION = 1


def _empty() -> dict:
    return {"version": VERSION, "attempts": [], "hints": {}, "reflections": {}}


def _valid(data) -> bool:
    return (
        isinstance(data, dict)
        and isinstance(data.get("attempts"), list)
        and all(isinstance(a, dict) and isinstance(a.get("exercise"), str) for a in data["attempts"])
        and isinstance(data.get("hints", {}), dict)
        and isinstance(data.get("reflections", {}), dict)
    )


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class ProgressStore:
    """The progress file at ``path`` (default: :func:`conflict_reading.paths.progress_file`)."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else progress_file()
        self.notices: list[str] = []  # messages for the learner (e.g. a file was reset)

    @contextlib.contextmanager
    def _locked(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_name(self.path.name + ".lock"), "a") as lock:
            if fcntl:
                fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                if fcntl:
                    fcntl.flock(lock, fcntl.LOCK_UN)

    def _read(self) -> dict:
        if not self.path.exists():
            return _empty()
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not _valid(data):
                raise ValueError("unexpected content")
        except (ValueError, UnicodeDecodeError, OSError):
            backup = self.path.with_name(f"{self.path.stem}.damaged-{datetime.now():%Y%m%d-%H%M%S-%f}.json")
            with contextlib.suppress(OSError):
                os.replace(self.path, backup)
            self.notices.append(
                f"Your progress file could not be read, so it was kept as {backup.name} and a new one started."
            )
            return _empty()
        data.setdefault("hints", {})
        data.setdefault("reflections", {})
        return data

    def _write(self, data: dict) -> None:
        handle = tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=self.path.parent, prefix=".progress-", suffix=".tmp", delete=False
        )
        try:
            with handle:
                json.dump(data, handle, ensure_ascii=False, indent=1)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(handle.name, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(handle.name)
            raise

    def load(self) -> dict:
        """The whole record (attempts, hints seen, reflections); empty if it cannot be read."""
        try:
            with self._locked():
                return self._read()
        except OSError as error:
            self.notices.append(f"Your progress could not be read ({error.strerror or error}).")
            return _empty()

    def update(self, change) -> dict:
        """Apply ``change(data)`` under the lock, write atomically, return the new data."""
        with self._locked():
            data = self._read()
            change(data)
            self._write(data)
            return data

    def record_attempt(self, exercise_id: str, passed: bool, blank: bool = False) -> None:
        attempt = {"exercise": exercise_id, "passed": bool(passed), "at": now()}
        if blank:
            attempt["blank"] = True
        self.update(lambda data: data["attempts"].append(attempt))

    def next_hint_index(self, exercise_id: str) -> int:
        """How many hints of this exercise the learner has seen (and counts this one)."""
        seen = {}

        def bump(data):
            try:
                seen["n"] = max(0, int(data["hints"].get(exercise_id, 0)))
            except (TypeError, ValueError):  # a hand-edited count
                seen["n"] = 0
            data["hints"][exercise_id] = seen["n"] + 1

        self.update(bump)
        return seen["n"]

    def save_reflection(self, key: str, text: str) -> None:
        """Save a reflection; the text it replaces is kept in its ``history``, never lost."""

        def change(data):
            old = data["reflections"].get(key)
            record = {"text": text, "at": now()}
            if isinstance(old, dict):
                history = old.get("history") if isinstance(old.get("history"), list) else []
                if isinstance(old.get("text"), str) and old["text"] != text:
                    history = history + [{"text": old["text"], "at": old.get("at")}]
                if history:
                    record["history"] = history
            elif isinstance(old, str) and old != text:  # a hand-edited entry: keep its words too
                record["history"] = [{"text": old, "at": None}]
            data["reflections"][key] = record

        self.update(change)

    def reflection(self, key: str) -> dict | None:
        """The saved reflection ``{"text", "at"}`` for ``key``, or None."""
        record = self.load()["reflections"].get(key)
        return record if isinstance(record, dict) and isinstance(record.get("text"), str) else None


def status_by_exercise(attempts: list[dict]) -> dict[str, str]:
    """'passed', 'tried' or 'not tried' for each exercise with attempts.

    >>> status_by_exercise([{"exercise": "a", "passed": False}, {"exercise": "a", "passed": True}])
    {'a': 'passed'}
    """
    status = {}
    for attempt in attempts:
        if attempt.get("blank"):
            status.setdefault(attempt["exercise"], "not tried")
        elif attempt.get("passed"):
            status[attempt["exercise"]] = "passed"
        elif status.get(attempt["exercise"]) != "passed":
            status[attempt["exercise"]] = "tried"
    return status
