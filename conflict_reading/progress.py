"""A learner's progress, kept in a journal that only ever grows, and never lost.

Every attempt, hint seen and reflection is one line of JSON appended to
``progress.jsonl`` (next to the configured ``progress.json``).  A save writes
that one line and nothing else, so it costs the same with 10 attempts or
10,000; the summary (attempts, hint counts, reflections and their history) is
computed when the record is read.

- **Migration.** A ``progress.json`` written by an earlier version of the kit is
  the journal's *base*: it is read, never rewritten, and the journal's lines are
  added on top of it.  A base that cannot be read is kept as a backup
  (``progress.damaged-<time>.json``) and the record starts from empty.
- **Two notebooks at once.** Writers append under a file lock (``O_APPEND``, one
  ``write`` per line), so their lines interleave and none is lost.
- **A crash mid-write** can leave only the last line cut off.  That line is
  skipped, and the next save (or read) keeps the whole journal as a backup
  (``progress.damaged-<time>.jsonl``), rewrites it without the broken line
  (atomically: temporary file, fsync, rename) and tells the learner once.  A
  write that fails (disk full, Interrupt) is cut back off the end of the file,
  so what was not acknowledged is not half there.
- **Durability (fsync).** Attempts and hint counts are *not* fsynced: once
  ``write`` returns they are in the operating system's cache, which survives a
  killed or restarted kernel, a closed browser and a crashed Jupyter, but not a
  power cut or an operating-system crash in the next few seconds (Linux writes
  the cache out within about 30 s).  Losing the last few clicks of ``check`` in
  a power cut is a fair price for a ``check`` that answers in well under 5 ms
  even while other programs keep the disk busy (an fsync takes 1-15 ms there).
  Reflections are the learner's own words, written rarely: each one *is*
  fsynced before it is acknowledged.

>>> import tempfile, pathlib
>>> store = ProgressStore(pathlib.Path(tempfile.mkdtemp()) / "progress.json")
>>> store.record_attempt("00-paragraphs", passed=True)
>>> store.load()["attempts"][0]["exercise"]
'00-paragraphs'
>>> store.journal.name, len(store.journal.read_text(encoding="utf-8").splitlines())
('progress.jsonl', 1)
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
_CHECKED_BASES: dict[Path, tuple[int, int]] = {}  # bases read and found sound: path -> (size, mtime)


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


def _hint_count(value) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):  # a hand-edited count
        return 0


def _with_reflection(old, text: str, at) -> dict:
    """The record that replaces ``old`` when ``text`` is saved: what it replaces goes to ``history``."""
    record = {"text": text, "at": at}
    if isinstance(old, dict):
        history = old.get("history") if isinstance(old.get("history"), list) else []
        if isinstance(old.get("text"), str) and old["text"] != text:
            history = history + [{"text": old["text"], "at": old.get("at")}]
        if history:
            record["history"] = history
    elif isinstance(old, str) and old != text:  # a hand-edited entry: keep its words too
        record["history"] = [{"text": old, "at": None}]
    return record


def _apply(data: dict, event) -> bool:
    """Add one journal event to ``data``; False if it is not an event this kit writes."""
    if not isinstance(event, dict):
        return False
    kind = event.get("event")
    if kind == "attempt" and isinstance(event.get("exercise"), str):
        data["attempts"].append({key: value for key, value in event.items() if key != "event"})
    elif kind == "hint" and isinstance(event.get("exercise"), str):
        data["hints"][event["exercise"]] = _hint_count(data["hints"].get(event["exercise"], 0)) + 1
    elif kind == "reflection" and isinstance(event.get("key"), str) and isinstance(event.get("text"), str):
        key = event["key"]
        data["reflections"][key] = _with_reflection(data["reflections"].get(key), event["text"], event.get("at"))
    else:
        return False
    return True


def _line(event: dict) -> bytes:
    return (json.dumps(event, ensure_ascii=False) + "\n").encode("utf-8")


class ProgressStore:
    """The progress record at ``path`` (default: :func:`conflict_reading.paths.progress_file`).

    ``path`` names the base ``progress.json``; the journal is ``progress.jsonl`` beside it
    (a path ending in ``.jsonl`` names the journal, and the base is the ``.json`` beside it).
    """

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else progress_file()
        if self.path.suffix == ".jsonl":
            self.journal, self.base = self.path, self.path.with_suffix(".json")
        else:
            self.base, self.journal = self.path, self.path.with_name(self.path.stem + ".jsonl")
        self.notices: list[str] = []  # messages for the learner (e.g. a file was kept as a backup)

    # --- the lock and the base ---------------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self):
        self.base.parent.mkdir(parents=True, exist_ok=True)
        with open(self.base.with_name(self.base.name + ".lock"), "a") as lock:
            if fcntl:
                fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                if fcntl:
                    fcntl.flock(lock, fcntl.LOCK_UN)

    def _backup_name(self, suffix: str) -> Path:
        return self.base.with_name(f"{self.base.stem}.damaged-{datetime.now():%Y%m%d-%H%M%S-%f}{suffix}")

    def _read_base(self) -> dict:
        """The base ``progress.json`` (empty if there is none); a damaged one is moved to a backup."""
        try:
            data = json.loads(self.base.read_bytes().decode("utf-8"))
            if not _valid(data):
                raise ValueError("unexpected content")
        except FileNotFoundError:
            return _empty()
        except (ValueError, UnicodeDecodeError, OSError):  # OSError: e.g. a folder named progress.json
            backup = self._backup_name(".json")
            with contextlib.suppress(OSError):
                os.replace(self.base, backup)
            _CHECKED_BASES.pop(self.base, None)
            self.notices.append(
                f"Your progress file could not be read, so it was kept as {backup.name} and a new one started."
            )
            return _empty()
        data.setdefault("hints", {})
        data.setdefault("reflections", {})
        return data

    def _check_base(self) -> None:
        """Read the base once per process (and again if it changes), so a damaged one is reported."""
        try:
            info = self.base.stat()
        except FileNotFoundError:
            return
        if _CHECKED_BASES.get(self.base) != (info.st_size, info.st_mtime_ns):
            self._read_base()
            if self.base.exists():
                _CHECKED_BASES[self.base] = (info.st_size, info.st_mtime_ns)

    # --- the journal -------------------------------------------------------------------------

    def _read(self) -> dict:
        """Base plus journal, under the lock; a journal with broken lines is repaired (and backed up)."""
        data = self._read_base()
        try:
            raw = self.journal.read_bytes()
        except FileNotFoundError:
            return data
        lines = raw.split(b"\n")
        complete, torn = lines[:-1], lines[-1]  # the last piece is empty unless the last line was cut off
        good, bad = [], int(bool(torn))
        for line in complete:
            if not line.strip():
                continue
            try:
                event = json.loads(line.decode("utf-8"))
            except (ValueError, UnicodeDecodeError):
                bad += 1
                continue
            if _apply(data, event):
                good.append(line)
            else:
                bad += 1
        if bad or torn:
            self._repair(raw, good, bad)
        return data

    def _repair(self, raw: bytes, good: list[bytes], bad: int) -> None:
        """Keep the journal as a backup, then replace it by its good lines (atomically)."""
        backup = self._backup_name(".jsonl")
        try:
            self._write_atomically(backup, raw)
            self._write_atomically(self.journal, b"".join(line + b"\n" for line in good))
        except OSError:
            self.notices.append(f"{bad} line(s) of your progress file could not be read and were skipped.")
            return
        self.notices.append(
            f"{bad} line(s) of your progress file could not be read (cut off when the notebook stopped?): "
            f"the file was kept as {backup.name}, and the rest of your progress carried on."
        )

    def _write_atomically(self, target: Path, content: bytes) -> None:
        handle = tempfile.NamedTemporaryFile(dir=target.parent, prefix=".progress-", suffix=".tmp", delete=False)
        try:
            with handle:
                handle.write(content)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(handle.name, target)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(handle.name)
            raise

    def _append(self, event: dict, durable: bool = False) -> None:
        """Append one event as one line, under the lock."""
        line = _line(event)
        with self._locked():
            self._check_base()
            self._append_line(line, durable)

    def _append_line(self, line: bytes, durable: bool) -> None:
        """Append ``line`` (the lock held); a failed write is cut off again, leaving the file as it was."""
        flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
        fd = os.open(self.journal, flags, 0o644)
        try:
            size = os.fstat(fd).st_size
            if size and self._last_byte(fd, size) != b"\n":  # a line cut off by a crash: repair first
                os.close(fd)
                fd = -1
                self._read()
                fd = os.open(self.journal, flags, 0o644)
                size = os.fstat(fd).st_size
            try:
                if os.write(fd, line) != len(line):
                    raise OSError(28, "No space left on device (the line was only partly written)")
                if durable:
                    os.fsync(fd)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, size)
                raise
        finally:
            if fd >= 0:
                os.close(fd)

    @staticmethod
    def _last_byte(fd: int, size: int) -> bytes:
        os.lseek(fd, size - 1, os.SEEK_SET)
        return os.read(fd, 1)

    # --- what the kit calls -------------------------------------------------------------------

    def load(self) -> dict:
        """The whole record (attempts, hints seen, reflections); empty if it cannot be read."""
        if not self.base.exists() and not self.journal.exists():
            return _empty()  # nothing saved yet: nothing to lock, nothing created
        try:
            with self._locked():
                return self._read()
        except OSError as error:
            self.notices.append(f"Your progress could not be read ({error.strerror or error}).")
            return _empty()

    def record_attempt(self, exercise_id: str, passed: bool, blank: bool = False) -> None:
        """Save one attempt: one line appended, whatever the length of the record."""
        event = {"event": "attempt", "exercise": exercise_id, "passed": bool(passed), "at": now()}
        if blank:
            event["blank"] = True
        self._append(event)

    def next_hint_index(self, exercise_id: str) -> int:
        """How many hints of this exercise the learner has seen (and counts this one)."""
        with self._locked():
            seen = _hint_count(self._read()["hints"].get(exercise_id, 0))
            self._append_line(_line({"event": "hint", "exercise": exercise_id, "at": now()}), durable=False)
        return seen

    def save_reflection(self, key: str, text: str) -> None:
        """Save a reflection (fsynced); the text it replaces is kept in its ``history``, never lost."""
        self._append({"event": "reflection", "key": key, "text": text, "at": now()}, durable=True)

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
