"""A learner's progress, kept in a journal that only ever grows, and never lost.

Every attempt, hint seen, reflection and self-check is one line of JSON appended to
``progress.jsonl`` (next to the configured ``progress.json``).  A save writes
that one line and nothing else, so it costs the same with 10 attempts or
10,000; the summary (attempts, hint counts, reflections and their history, the
latest ticks of each self-check) is computed when the record is read.

The rules that keep a learner's files safe:

- **Nothing is moved, renamed or rewritten.**  The kit only ever *appends* to the
  journal it writes.  A line it cannot read (cut off when a kernel was killed,
  edited by hand, a BOM added by an editor) is skipped and left where it is; a
  ``progress.json`` written by an earlier version of the kit is the journal's
  *base*: read, never changed, and left as it is if it cannot be read.
- **A path that is not a progress record is refused**, with a clear message
  (:class:`ProgressError`), before anything is written: a file that does not end
  in ``.json``/``.jsonl`` (``notes.txt``, ``lesson.ipynb``), something that is
  not a regular file (a folder named ``progress.json``, a pipe), or a ``.jsonl``
  file with no line this kit wrote.  A folder names the record inside it
  (``folder/progress.jsonl``).
- **Every repair is reported once, in words.**  What was skipped is reported by
  the next call that shows the learner something (``check``, ``hint``,
  ``progress``, ``reflect``): it takes the notices with :meth:`ProgressStore.take_notices`,
  which appends a ``noted`` line so that no later call repeats them.  Where that
  line cannot be written (a read-only folder), the notice is given once per session.
- **Every acknowledged save is on disk, or the caller is told.**  A write that
  fails (disk full, read-only folder, Interrupt) is cut back off the end of the
  file, so what was not acknowledged is not half there, and the caller gets the
  ``OSError`` to report.  A line cut off by a crash never swallows the next save:
  the save first ends the broken line.
- **Reading needs no write access.**  Readers take the lock when they can; in a
  read-only folder they read without it.  A record that cannot be read raises
  :class:`ProgressError` ("cannot be read"), never an empty record that looks
  like lost progress.
- **Two notebooks at once.** Writers append under a file lock (``O_APPEND``, one
  ``write`` per line), so their lines interleave and none is lost.
- **Durability (fsync).** Attempts and hint counts are *not* fsynced: once
  ``write`` returns they are in the operating system's cache, which survives a
  killed or restarted kernel, a closed browser and a crashed Jupyter, but not a
  power cut or an operating-system crash in the next few seconds (Linux writes
  the cache out within about 30 s).  Losing the last few clicks of ``check`` in
  a power cut is a fair price for a ``check`` that answers in well under 5 ms
  even while other programs keep the disk busy (an fsync takes 1-15 ms there).
  Reflections and self-checks are the learner's own words and judgement, written
  rarely: each one *is* fsynced before it is acknowledged.
- **Sizes are bounded**: a base over :data:`MAX_BASE_BYTES` or a journal over
  :data:`MAX_JOURNAL_BYTES` is refused, not read into memory.
- **What an attempt keeps**: the exercise, passed or not, the time, and (since the
  class report) the answer's text, cut to :data:`MAX_ANSWER_TEXT` characters, in
  ``"answer"`` (see :func:`bounded_text`).  Older lines without it are read as before:
  their answers are simply not known.

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
import errno
import json
import os
import stat
from datetime import datetime, timezone
from pathlib import Path

try:  # POSIX; on Windows the lock is skipped (one notebook at a time is still safe)
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

from .errors import KitError
from .paths import progress_file

VERSION = 1
MAX_BASE_BYTES = 32_000_000  # an old progress.json of 100,000 attempts is about 8 MB
MAX_JOURNAL_BYTES = 64_000_000  # about 600,000 saves: years of a class's work, not one learner's
SUFFIXES = (".json", ".jsonl")
BOM = b"\xef\xbb\xbf"
_OUR_START = b'{"event": "'  # every line this kit writes starts so

_KINDS = {"attempt", "hint", "reflection", "self-check", "noted"}  # the events this kit writes
MAX_TICKS = 100  # a self-check's ticks are item numbers, 1 to at most this
MAX_ANSWER_TEXT = 200  # characters of an answer's text an attempt keeps (longer text is cut, ending in …)
_OURS: set[tuple[int, int]] = set()  # journals (device, inode) known to be this kit's
_BASE_SEEN: dict[Path, tuple[int, int]] = {}  # bases read in this process: path -> (size, mtime)
_TOLD: set[tuple[Path, str]] = set()  # notices given in this process (when a noted line cannot be written)
_UNSAVED_HINTS: dict[tuple[Path, str], int] = {}  # hints shown whose count could not be saved


class ProgressError(KitError):
    """The progress record cannot be used: a path that is not one, or a file that cannot be read."""


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


def why(error: OSError) -> str:
    """What went wrong with a file, in a learner's words.

    >>> why(OSError(errno.ENOSPC, "No space left on device"))
    'the disk is full'
    >>> why(OSError(errno.EROFS, "Read-only file system"))
    'the folder is read-only'
    """
    code = getattr(error, "errno", None)
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "the disk is full"
    if code == errno.EROFS:
        return "the folder is read-only"
    if code in (errno.EACCES, errno.EPERM):
        return "you do not have permission for that file or folder"
    if code == errno.EFBIG:
        return "the file has grown too large"
    if code in (errno.EEXIST, errno.ENOTDIR):
        return "a file stands where its folder should be"
    if isinstance(error, ProgressError):
        return str(error)
    return (getattr(error, "strerror", None) or str(error) or type(error).__name__).rstrip(".").lower()


def _hint_count(value) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError, OverflowError):  # a hand-edited count
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


def _self_check(event: dict) -> dict | None:
    """The record of a self-check event: the item numbers ticked (and their texts, when given), or None
    if the event is not one this kit writes (numbers that are not 1, 2, 3…, texts that do not match them).

    >>> _self_check({"key": "05-reflection", "ticked": [1, 3], "items": ["a", "c"], "at": "2026-01-01"})
    {'ticked': [1, 3], 'items': ['a', 'c'], 'at': '2026-01-01'}
    >>> _self_check({"key": "05-reflection", "ticked": "all"}) is None
    True
    """
    ticked, items = event.get("ticked"), event.get("items")
    if not isinstance(event.get("key"), str) or not isinstance(ticked, list) or len(ticked) > MAX_TICKS:
        return None
    if not all(type(n) is int and 1 <= n <= MAX_TICKS for n in ticked) or len(set(ticked)) != len(ticked):
        return None
    record = {"ticked": list(ticked)}
    if items is not None:
        if not isinstance(items, list) or len(items) != len(ticked) or not all(isinstance(t, str) for t in items):
            return None
        record["items"] = list(items)
    record["at"] = event.get("at")
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
    elif kind == "self-check" and (ticks := _self_check(event)) is not None:
        data.setdefault("self_checks", {})[event["key"]] = ticks  # the latest ticks count
    else:
        return False
    return True


def _line(event: dict) -> bytes:
    return (json.dumps(event, ensure_ascii=False) + "\n").encode("utf-8")


def _record_paths(path: Path) -> tuple[Path, Path]:
    """(base, journal) for a configured path; ProgressError if it cannot name a progress record.

    >>> [p.name for p in _record_paths(Path("my-progress/progress.json"))]
    ['progress.json', 'progress.jsonl']
    >>> _record_paths(Path("notes.txt"))
    Traceback (most recent call last):
    ...
    conflict_reading.progress.ProgressError: The progress file is set to notes.txt, which is not a progress file: \
set CONFLICT_READING_PROGRESS to a file ending in .jsonl (or to a folder), e.g. my-progress/progress.jsonl.
    """
    if os.path.isdir(path):
        path = path / "progress.json"
    if path.suffix == ".jsonl":
        return path.with_suffix(".json"), path
    if path.suffix == ".json":
        return path, path.with_name(path.stem + ".jsonl")
    raise ProgressError(
        f"The progress file is set to {_short(path)}, which is not a progress file: set CONFLICT_READING_PROGRESS "
        "to a file ending in .jsonl (or to a folder), e.g. my-progress/progress.jsonl."
    )


def _short(path: Path) -> str:
    name = str(path.name) or str(path)
    return name if len(name) <= 80 else name[:77] + "…"


def _regular_or_missing(path: Path, what: str) -> os.stat_result | None:
    """The file's stat if it is a regular file, None if there is none; ProgressError otherwise."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except NotADirectoryError:  # a folder on the way is a file: nothing can be there
        return None
    except OSError as error:
        raise ProgressError(f"Your {what} {_short(path)} cannot be read: {why(error)}.") from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise ProgressError(
            f"Your {what} {_short(path)} is {kind}, so the kit leaves it alone and saves nothing there: "
            "set CONFLICT_READING_PROGRESS to a new file ending in .jsonl."
        )
    return info


UNREADABLE = object()  # a journal line that is not JSON (cut off when a notebook stopped, or edited by hand)


def journal_lines(raw: bytes):
    """(offset, line, event) of each non-blank line of a journal's bytes: its offset in ``raw``, its bytes, and the
    decoded JSON, or :data:`UNREADABLE`.  A byte-order mark an editor may have added is skipped.

    >>> [(start, event) for start, _, event in journal_lines(b'{"event": "hint"}\\n\\n{"ev')][0]
    (0, {'event': 'hint'})
    >>> [event is UNREADABLE for _, _, event in journal_lines(b'{"event": "hint"}\\n\\n{"ev')]
    [False, True]
    """
    body = raw[len(BOM):] if raw.startswith(BOM) else raw
    offset = len(raw) - len(body)
    for line in body.split(b"\n"):
        start, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        try:
            event = json.loads(line.decode("utf-8"))
        except (ValueError, UnicodeDecodeError, RecursionError):
            event = UNREADABLE
        yield start, line, event


def _read_bounded(path: Path, limit: int, what: str) -> bytes:
    with open(path, "rb") as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise ProgressError(
            f"Your {what} {_short(path)} is larger than {limit // 1_000_000} MB, too large to be a learner's "
            "progress: set CONFLICT_READING_PROGRESS to a new file ending in .jsonl."
        )
    return raw


class ProgressStore:
    """The progress record at ``path`` (default: :func:`conflict_reading.paths.progress_file`).

    ``path`` names the base ``progress.json``; the journal is ``progress.jsonl`` beside it
    (a path ending in ``.jsonl`` names the journal, and the base is the ``.json`` beside it;
    a folder names ``progress.json`` inside it).  Any other path is refused: every method
    then raises :class:`ProgressError`, and nothing is written.
    """

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else progress_file()
        self.notices: list[str] = []  # messages for the learner, taken by take_notices()
        self._noted: dict | None = None  # what the notices cover, written as a "noted" line when taken
        try:
            self.base, self.journal = _record_paths(self.path)
            self.refused = None
        except ProgressError as error:
            self.base = self.journal = self.path
            self.refused = error

    # --- checks before anything is touched --------------------------------------------------

    def _usable(self) -> tuple[os.stat_result | None, os.stat_result | None]:
        """Stats of (base, journal); ProgressError if the record cannot be used at all."""
        if self.refused is not None:
            raise ProgressError(str(self.refused))
        return _regular_or_missing(self.base, "old progress file"), _regular_or_missing(self.journal, "progress file")

    @contextlib.contextmanager
    def _locked(self, create: bool, make_lock: bool = True):
        """Hold the lock file beside the base while reading or writing.

        Writers (``create``) make the folder and the lock file; readers use the lock if it
        is there to be had, and read without it in a folder they cannot write (or, with
        ``make_lock=False``, where there is no lock file: no writer of this kit is there).
        """
        lock_path = self.base.with_name(self.base.name + ".lock")
        lock = None
        if create:
            self.base.parent.mkdir(parents=True, exist_ok=True)
        for mode in ("a", "r") if make_lock or create else ("r",):  # "r": a lock file in a read-only folder
            with contextlib.suppress(OSError):
                lock = open(lock_path, mode)
                break
        if lock is None and create and not self.journal.exists():
            # nothing to append to and no lock file can be made: the folder cannot be written
            open(lock_path, "a").close()  # raises the OSError that says why
        try:
            if lock is not None and fcntl:
                fcntl.flock(lock, fcntl.LOCK_EX)
            yield
        finally:
            if lock is not None:
                if fcntl:
                    with contextlib.suppress(OSError):
                        fcntl.flock(lock, fcntl.LOCK_UN)
                lock.close()

    # --- reading ----------------------------------------------------------------------------

    def _read_base(self, info: os.stat_result | None) -> tuple[dict, tuple[int, int] | None]:
        """The base's record, and its (size, mtime) if it could not be read (None if it is fine or absent)."""
        if info is None:
            return _empty(), None
        signature = (info.st_size, info.st_mtime_ns)
        try:
            if info.st_size > MAX_BASE_BYTES:
                raise ValueError("too large")
            data = json.loads(_read_bounded(self.base, MAX_BASE_BYTES, "old progress file").decode("utf-8-sig"))
            if not _valid(data):
                raise ValueError("unexpected content")
        except (ValueError, UnicodeDecodeError, OSError, ProgressError, RecursionError):
            return _empty(), signature
        data.setdefault("hints", {})
        data.setdefault("reflections", {})
        if not isinstance(data.get("self_checks", {}), dict):  # a hand-edited base: its self-checks are not read
            data["self_checks"] = {}
        return data, None

    def _read(self) -> dict:
        """Base plus journal (the lock held if there is one); notes what could not be read."""
        base_info, journal_info = self._usable()
        data, damaged_base = self._read_base(base_info)
        if base_info is not None:
            _BASE_SEEN[self.base] = (base_info.st_size, base_info.st_mtime_ns)
        raw = b""
        if journal_info is not None:
            try:
                raw = _read_bounded(self.journal, MAX_JOURNAL_BYTES, "progress file")
            except OSError as error:
                raise ProgressError(
                    f"Your progress file {_short(self.journal)} cannot be read ({why(error)}). Nothing is lost, but "
                    "it cannot be shown or exported here: ask your instructor to check that folder."
                ) from None
        bad, ours, noted_through, noted_bases = [], 0, 0, []
        for start, line, event in journal_lines(raw):
            if event is UNREADABLE:
                bad.append(start)
                ours += line.startswith(_OUR_START)  # a line of ours, cut off by a crash
                continue
            if isinstance(event, dict) and event.get("event") == "noted":
                ours += 1
                if isinstance(event.get("through"), int):
                    noted_through = max(noted_through, event["through"])
                if isinstance(event.get("base"), list):
                    noted_bases.append(event["base"])
            elif _apply(data, event):
                ours += 1
            else:
                bad.append(start)
        if bad and not ours:
            raise ProgressError(
                f"The progress file is set to {_short(self.journal)}, which holds no progress saved by this kit, "
                "so the kit leaves it alone: set CONFLICT_READING_PROGRESS to a new file ending in .jsonl."
            )
        if journal_info is not None:
            _OURS.add((journal_info.st_dev, journal_info.st_ino))
        self._note(sum(1 for start in bad if start >= noted_through), damaged_base, noted_bases, len(raw))
        return data

    def _note(self, unreported: int, damaged_base, noted_bases: list, size: int) -> None:
        """Turn what could not be read (and was not reported before) into notices for the learner."""
        notices = []
        if unreported:
            notices.append(
                f"{unreported} line{'s' if unreported > 1 else ''} of your progress file could not be read (cut off "
                "when a notebook stopped, or edited by hand?): "
                f"{'they were' if unreported > 1 else 'it was'} skipped and left in the file as "
                f"{'they were' if unreported > 1 else 'it was'}, and the rest of your progress carried on."
            )
        if damaged_base is not None and list(damaged_base) not in noted_bases:
            notices.append(
                f"Your old progress file {self.base.name} could not be read: it was left as it is, and what it holds "
                "is not counted (your instructor can look at it)."
            )
        notices = [n for n in notices if (self.journal, n + str(size)) not in _TOLD]
        if notices:
            self.notices += [n for n in notices if n not in self.notices]
            self._noted = {"through": size, **({"base": list(damaged_base)} if damaged_base else {})}

    def take_notices(self) -> list[str]:
        """The notices for the learner, once: a ``noted`` line records that they were given."""
        notices, noted = list(self.notices), self._noted
        if notices and noted is not None:
            try:
                self._append({"event": "noted", **noted, "at": now()})
            except (OSError, ProgressError):  # cannot be written: at least not again in this session
                _TOLD.update((self.journal, n + str(noted["through"])) for n in notices)
        self.notices = [n for n in self.notices if n not in notices]
        self._noted = None
        return notices

    def load(self) -> dict:
        """The whole record (attempts, hints seen, reflections).

        Empty if nothing was saved yet; :class:`ProgressError` if the record cannot be read.
        """
        base_info, journal_info = self._usable()
        if base_info is None and journal_info is None:
            return _empty()  # nothing saved yet: nothing to lock, nothing created
        with self._locked(create=False):
            return self._read()

    # --- writing ----------------------------------------------------------------------------

    def _append(self, event: dict, durable: bool = False) -> None:
        """Append one event as one line, under the lock."""
        line = _line(event)
        self._vet()
        with self._locked(create=True):
            self._append_line(line, durable)

    def _vet(self) -> None:
        """Refuse a record that is not this kit's before any folder or lock file is made for it."""
        base_info, journal_info = self._usable()
        if self._unread(base_info, journal_info):
            with self._locked(create=False, make_lock=False):
                self._read()

    def _unread(self, base_info, journal_info) -> bool:
        """True if the base or journal has not been read in this process (as it is now)."""
        if base_info is not None and _BASE_SEEN.get(self.base) != (base_info.st_size, base_info.st_mtime_ns):
            return True  # an old progress.json: say if it cannot be read
        return journal_info is not None and (journal_info.st_dev, journal_info.st_ino) not in _OURS

    def _append_line(self, line: bytes, durable: bool) -> None:
        """Append ``line`` (the lock held); a failed write is cut off again, leaving the file as it was."""
        if self._unread(*self._usable()):
            self._read()  # is it ours? can the old progress.json be read?
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
        fd = os.open(self.journal, flags, 0o644)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):  # replaced between the check and the open
                raise ProgressError(f"Your progress file {_short(self.journal)} is not a regular file.")
            size = info.st_size
            if size and self._last_byte(size) != b"\n":  # a line cut off by a crash: end it first
                self._read()  # ... and tell the learner about it
                line = b"\n" + line
            _OURS.add((info.st_dev, info.st_ino))
            try:
                if os.write(fd, line) != len(line):
                    raise OSError(errno.ENOSPC, "No space left on device (the line was only partly written)")
                if durable:
                    os.fsync(fd)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, size)
                raise
        finally:
            os.close(fd)

    def _last_byte(self, size: int) -> bytes:
        with open(self.journal, "rb") as handle:
            handle.seek(size - 1)
            return handle.read(1)

    # --- what the kit calls -------------------------------------------------------------------

    def record_attempt(self, exercise_id: str, passed: bool, blank: bool = False,
                       answer: str | None = None) -> None:
        """Save one attempt: one line appended, whatever the length of the record.

        ``answer`` is the text of the answer (see :func:`conflict_reading.checks.answer_text`); at most
        :data:`MAX_ANSWER_TEXT` characters of it are kept, in the line's ``"answer"`` field.
        """
        event = {"event": "attempt", "exercise": exercise_id, "passed": bool(passed), "at": now()}
        if blank:
            event["blank"] = True
        elif isinstance(answer, str) and answer:
            event["answer"] = bounded_text(answer)
        self._append(event)

    def next_hint_index(self, exercise_id: str) -> int:
        """How many hints of this exercise the learner has seen (and counts this one).

        If the count cannot be saved, hints still go on within this session, and a notice says so.
        """
        unsaved = (self.journal, exercise_id)
        line = _line({"event": "hint", "exercise": exercise_id, "at": now()})
        self._vet()
        try:
            with self._locked(create=True):
                seen = _hint_count(self._read()["hints"].get(exercise_id, 0)) + _UNSAVED_HINTS.get(unsaved, 0)
                self._append_line(line, durable=False)
            return seen
        except ProgressError:
            raise
        except OSError as error:
            seen = _UNSAVED_HINTS.get(unsaved, 0)
            with contextlib.suppress(OSError, ProgressError):
                seen += _hint_count(self.load()["hints"].get(exercise_id, 0))
            _UNSAVED_HINTS[unsaved] = _UNSAVED_HINTS.get(unsaved, 0) + 1
            self.notices.append(f"(Which hints you have seen could not be saved: {why(error)}.)")
            return seen

    def save_reflection(self, key: str, text: str) -> None:
        """Save a reflection (fsynced); the text it replaces is kept in its ``history``, never lost."""
        self._append({"event": "reflection", "key": key, "text": text, "at": now()}, durable=True)

    def reflection(self, key: str) -> dict | None:
        """The saved reflection ``{"text", "at"}`` for ``key``, or None."""
        record = self.load()["reflections"].get(key)
        return record if isinstance(record, dict) and isinstance(record.get("text"), str) else None

    def save_self_check(self, key: str, ticked: list[int], items: list[str]) -> None:
        """Save which items of the self-check ``key`` the learner ticked (their numbers, from 1, and
        their texts), fsynced; a later save replaces it in the summary, and both stay in the journal."""
        self._append({"event": "self-check", "key": key, "ticked": list(ticked), "items": list(items),
                      "at": now()}, durable=True)

    def self_check(self, key: str) -> dict | None:
        """The latest ticks ``{"ticked", "items", "at"}`` saved for the self-check ``key``, or None."""
        record = self.load().get("self_checks", {}).get(key)
        return record if isinstance(record, dict) and isinstance(record.get("ticked"), list) else None


def bounded_text(text: str, limit: int = MAX_ANSWER_TEXT) -> str:
    """``text`` as an attempt keeps it: at most ``limit`` characters (cut ones end in …), and
    always writable as UTF-8 (a lone surrogate becomes ``?``).

    >>> bounded_text("Di Maio"), len(bounded_text("x" * 5000)), bounded_text("x" * 5000)[-2:]
    ('Di Maio', 200, 'x…')
    >>> bounded_text("a\\ud800b")
    'a?b'
    """
    if len(text) > limit:
        text = text[:limit - 1] + "…"
    return text.encode("utf-8", "replace").decode("utf-8")


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
