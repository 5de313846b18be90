"""The instructor's view of a class: ``python -m conflict_reading class-report PATH... -o class.html``.

It reads any number of learners' progress journals (``progress.jsonl``, with an older
``progress.json`` beside it) and CSV exports (``progress(export="amira.csv")``), given as
files or found in folders (a folder of handed-in files, or the home folders on a hub), and
writes one self-contained HTML page (no network, no script) and a CSV of the same grid for a
gradebook.  Nothing is sent anywhere, and no file it reads is changed: journals are read
without their lock (taking it would create a lock file in a learner's folder).

What is found, and whose it is:

- **A file you name, or one directly in a folder you name** is read whatever its name
  (``.jsonl`` or ``.json``: a journal; ``.csv``: an export).  Its learner is the file's name
  (``amira.csv`` is *amira*); a name the kit gives every learner (``progress.jsonl``,
  ``my-progress.csv``) takes the name of its folder instead.
- **Deeper in a folder** (at most :data:`MAX_DEPTH` levels, :data:`MAX_ENTRIES` entries in
  all, hidden folders and a kit checkout's own code and data skipped, links not followed),
  journals and exports are recognised by their content.  Their learner is the folder directly
  inside the one you named (``handed-in/amira/…``, ``/home/amira/…``), or the folder you named
  if that is the kit's own folder.
- Files of one name are one learner: a journal wins over exports (it holds everything they
  hold, and hints and wrong answers too); several exports count their best.
- A file that cannot be used (not a journal, a CSV of something else, unreadable, too large)
  is listed in the page, never fatal; a journal with damaged lines is read, and listed too.
  Other ``.csv``/``.json`` files deeper in the folders are not progress records: they are
  counted, not listed.

>>> data = read_class([])
>>> data.learners, class_table(data).shape[0]
([], 0)
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import html
import io
import json
import os
import re
import stat
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import KitError
from .progress import (BOM, MAX_ANSWER_TEXT, MAX_BASE_BYTES, MAX_JOURNAL_BYTES, UNREADABLE, _OUR_START, _apply,
                       _empty, _valid, bounded_text, journal_lines, status_by_exercise, why)

GENERATOR = "conflict_reading class-report"
EXPORT_COLUMNS = ["id", "lesson", "title", "status", "attempts", "first_passed_at", "last_attempt_at"]
GRID_COLUMNS = ["learner", "passed", "tried", "not tried"]  # then one column per exercise
STATUSES = ("passed", "tried", "not tried")
MAX_DEPTH = 8  # folder levels searched below a folder given
MAX_ENTRIES = 200_000  # folder entries looked at in one search
MAX_EXPORT_BYTES = 10_000_000  # an export is a few kB (more with long reflections)
MAX_NAME = 80  # characters of a learner's name shown
MAX_SHOWN_REFLECTION = 20_000  # characters of one reflection shown in the page
TOP_WRONG = 5  # commonest wrong answers shown per exercise
MAX_LISTED = 500  # files that could not be used, listed one by one in the page
KIT_NAMES = {"progress", "my-progress"}  # file names every learner's kit gives: the folder names the learner
KIT_FOLDERS = {"my-progress", "notebooks", "exercises"}
KIT_INSIDE = {"conflict_reading", "data", "tests", "build", "benchmarks", "scripts", "test-artifacts"}
SKIPPED_FOLDERS = {"__pycache__", "node_modules", "site-packages"}
_EXERCISE_ID = re.compile(r"\d\d-[A-Za-z0-9][A-Za-z0-9_-]{0,60}")

csv.field_size_limit(max(csv.field_size_limit(), MAX_EXPORT_BYTES))  # a long reflection is one field


@dataclass
class Problem:
    """A file that could not be used (``used`` False), or was used in part."""

    path: str
    what: str
    used: bool = False


@dataclass
class Learner:
    """One learner's record: from journals (attempts, hints, reflections) or, failing that, exports."""

    name: str
    files: list[str] = field(default_factory=list)
    journal: bool = False  # read from at least one journal
    attempts: list[dict] = field(default_factory=list)
    hints: dict[str, int] = field(default_factory=dict)
    reflections: dict[str, dict] = field(default_factory=dict)
    exported: dict[str, dict] = field(default_factory=dict)  # from exports: id -> {"status", "attempts"}

    def status(self) -> dict[str, str]:
        """'passed', 'tried' or 'not tried' for each exercise this learner has a record of.

        >>> Learner("a", exported={"00-x": {"status": "tried", "attempts": 2}}).status()
        {'00-x': 'tried'}
        """
        if self.journal:
            return status_by_exercise(self.attempts)
        return {key: row["status"] for key, row in self.exported.items()}

    def tries(self) -> dict[str, tuple[int, int | None]]:
        """For each exercise answered: (answers checked, answers up to and including the first right one, or None).

        From an export only the total is known: it stands for both (an upper bound of the second).

        >>> Learner("a", journal=True, attempts=[{"exercise": "e", "passed": False},
        ...     {"exercise": "e", "passed": True}, {"exercise": "e", "passed": True}]).tries()
        {'e': (3, 2)}
        """
        if not self.journal:
            return {key: (row["attempts"], row["attempts"] if row["status"] == "passed" else None)
                    for key, row in self.exported.items() if row["attempts"]}
        counts: dict[str, list] = {}
        for attempt in self.attempts:
            if attempt.get("blank"):
                continue
            seen = counts.setdefault(attempt["exercise"], [0, None])
            seen[0] += 1
            if attempt.get("passed") and seen[1] is None:
                seen[1] = seen[0]
        return {key: (n, first) for key, (n, first) in counts.items()}


@dataclass
class ClassData:
    """What :func:`read_class` found: the learners, the exercises (in lesson order), what could not be used."""

    learners: list[Learner]
    exercises: list[tuple[str, str, str]]  # (id, lesson, title); title "" for an id this kit does not define
    problems: list[Problem]
    searched: list[str]
    skipped: int = 0  # other .csv/.json/.jsonl files deeper in the folders: not progress records
    stopped: str = ""  # why a search stopped early, if it did


# --- finding the files -------------------------------------------------------------------------------------

def _shown(path) -> str:
    """A path for the page or a message: cut if very long, control characters escaped.

    >>> _shown("handed-in/amira.csv"), _shown("a\\nb")
    ('handed-in/amira.csv', 'a\\\\nb')
    """
    text = str(path)
    text = text if len(text) <= 300 else text[:300] + "…"
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


def _is_kit(folder: Path) -> bool:
    """A folder the kit gave the learner (``my-progress``, ``notebooks``) or a checkout of the kit itself."""
    if folder.name in KIT_FOLDERS:
        return True
    with contextlib.suppress(OSError):
        return (folder / "notebooks").is_dir() and (folder / "exercises").is_dir()
    return False


def _folder_name(folder: Path) -> str:
    name = folder.name or folder.resolve().name or str(folder)
    return name


def learner_name(path: Path, root: Path | None = None) -> str:
    """Whose file ``path`` is: by its own name, or by a folder's (see the module's description).

    ``root`` is the folder that was searched; None if the file was named itself.

    >>> learner_name(Path("handed-in/amira.csv"), Path("handed-in"))
    'amira'
    >>> learner_name(Path("handed-in/citra/progress.jsonl"), Path("handed-in"))
    'citra'
    >>> learner_name(Path("/home/budi/kit/notebooks/my-progress.csv"), Path("/home"))
    'budi'
    >>> learner_name(Path("/nowhere/dewi/my-progress/progress.jsonl"))
    'dewi'
    """
    if root is None or path.parent == root:
        if path.stem.casefold() not in KIT_NAMES:
            name = path.stem
        else:
            folder = path.parent
            for _ in range(4):
                if not _is_kit(folder) or folder.parent == folder or folder == root:
                    break
                folder = folder.parent
            name = _folder_name(folder)
    else:
        first = root / path.relative_to(root).parts[0]
        name = _folder_name(root if _is_kit(first) else first)
    name = name.strip() or "(no name)"
    return name if len(name) <= MAX_NAME else name[:MAX_NAME - 1] + "…"


@dataclass
class _Found:
    path: Path
    name: str
    expected: bool  # named, directly in a folder named, or with a name the kit gives: listed if unusable


def _head(path: Path, size: int = 4096) -> bytes:
    """The first bytes of a regular file (b"" if it cannot be read: it is then not recognised)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def _first_line(raw: bytes) -> str:
    raw = raw[len(BOM):] if raw.startswith(BOM) else raw
    return raw.split(b"\n")[0].rstrip(b"\r").decode("utf-8", "replace")


def _is_export_header(line: str) -> bool:
    """True if a CSV's first line is a progress export's.

    >>> _is_export_header("id,lesson,title,status,attempts,first_passed_at,last_attempt_at,reflection")
    True
    >>> _is_export_header("learner,passed,tried,not tried,00-paragraphs")
    False
    """
    return line.split(",")[:len(EXPORT_COLUMNS)] == EXPORT_COLUMNS


def _is_grid_header(line: str) -> bool:
    """True if a CSV's first line is a class grid's (written by this module)."""
    return line.split(",")[:len(GRID_COLUMNS)] == GRID_COLUMNS


def _wanted(path: Path) -> bool:
    """Does a file deep in a folder look like a journal or an export (by its name and first bytes)?"""
    suffix = path.suffix.casefold()
    if path.name.casefold() in ("progress.jsonl", "progress.json", "my-progress.csv"):
        return True
    if suffix == ".jsonl":
        head = _head(path, 64)
        return head.removeprefix(BOM).startswith(_OUR_START)
    if suffix == ".csv":
        return _is_export_header(_first_line(_head(path)))
    return False


def _search(root: Path, found: list[_Found], problems: list[Problem], counts: dict) -> None:
    """Add the journals and exports in the folder ``root`` (and below it) to ``found``."""
    stack = [(root, 0)]
    while stack:
        folder, depth = stack.pop()
        try:
            with os.scandir(folder) as entries:
                listing = sorted(entries, key=lambda e: e.name)
        except OSError as error:
            problems.append(Problem(_shown(folder), f"this folder cannot be read ({why(error)}): it was not searched"))
            continue
        kit = _is_kit(folder)
        subfolders = []
        for entry in listing:
            counts["entries"] += 1
            if counts["entries"] > MAX_ENTRIES:
                counts["stopped"] = (f"The search stopped after {MAX_ENTRIES:,} files and folders: name the folders "
                                     "that hold the learners' files more closely.")
                return
            name = entry.name
            if name.startswith(".") or name.startswith("~"):
                continue
            try:
                if entry.is_symlink():
                    continue  # a link is not followed: no loops, no one else's files
                if entry.is_dir(follow_symlinks=False):
                    if name in SKIPPED_FOLDERS or (kit and name in KIT_INSIDE):
                        continue
                    if depth + 1 > MAX_DEPTH:
                        counts["deep"] = True
                        continue
                    subfolders.append((Path(entry.path), depth + 1))
                    continue
                if not entry.is_file(follow_symlinks=False):
                    continue
            except OSError:
                continue
            path = Path(entry.path)
            suffix = path.suffix.casefold()
            if suffix not in (".jsonl", ".json", ".csv"):
                continue
            direct = depth == 0
            if direct or _wanted(path):
                if suffix == ".csv" and _is_grid_header(_first_line(_head(path))):
                    continue  # a class grid this command wrote: not a learner's
                found.append(_Found(path, learner_name(path, root), direct or path.name.casefold() in (
                    "progress.jsonl", "progress.json", "my-progress.csv")))
            else:
                counts["skipped"] += 1
        stack.extend(reversed(subfolders))


def find_files(paths) -> tuple[list[_Found], list[Problem], dict]:
    """The journals and exports at ``paths`` (files or folders), each with its learner's name.

    A path that does not exist is a :class:`KitError` (a mistyped argument, not a learner's file).
    """
    found: list[_Found] = []
    problems: list[Problem] = []
    counts = {"entries": 0, "skipped": 0, "stopped": "", "deep": False}
    for given in paths:
        path = Path(given)
        try:
            info = os.stat(path)
        except FileNotFoundError:
            raise KitError(f"{_shown(given)} does not exist: give the folder of handed-in files, the folder of the "
                           "learners' home folders, or the files themselves.") from None
        except (OSError, ValueError) as error:
            raise KitError(f"{_shown(given)} cannot be read: {why(error) if isinstance(error, OSError) else error}."
                           ) from None
        if stat.S_ISDIR(info.st_mode):
            _search(path, found, problems, counts)
        elif path.suffix.casefold() not in (".jsonl", ".json", ".csv"):
            problems.append(Problem(_shown(path), "not a progress journal or export (the kit reads .jsonl, .json "
                                                  "and .csv files): it was not read"))
        elif stat.S_ISREG(info.st_mode):
            found.append(_Found(path, learner_name(path), True))
        else:
            problems.append(Problem(_shown(path), "not a regular file (a pipe or a device?): it was not read"))
    if counts["deep"]:
        problems.append(Problem("(folders)", f"folders more than {MAX_DEPTH} levels deep were not searched", True))
    return found, problems, counts


# --- reading one file ---------------------------------------------------------------------------------------

class _Unusable(Exception):
    """A file that cannot be used; its message says why, for the page."""


def _read_bounded(path: Path, limit: int, what: str) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; :class:`_Unusable` otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise _Unusable(f"cannot be read: {why(error)}") from None
    with open(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise _Unusable("not a regular file")
        if info.st_size > limit:
            raise _Unusable(f"too large to be {what} ({info.st_size / 1e6:,.1f} MB; at most {limit / 1e6:,.0f} MB "
                            "is read)")
        try:
            raw = handle.read(limit + 1)
        except OSError as error:
            raise _Unusable(f"cannot be read: {why(error)}") from None
    if len(raw) > limit:
        raise _Unusable(f"too large to be {what} (over {limit / 1e6:,.0f} MB)")
    return raw


def parse_journal(raw: bytes, data: dict | None = None) -> tuple[dict, int, int]:
    """Read a journal's bytes into a record: (record, lines read, lines that could not be read).

    >>> record, good, bad = parse_journal(b'{"event": "attempt", "exercise": "00-paragraphs", "passed": true}\\n'
    ...                                   b'{"event": "hint", "exercise": "00-par')
    >>> len(record["attempts"]), good, bad
    (1, 1, 1)
    """
    data = data if data is not None else _empty()
    good = bad = 0
    for _, _, event in journal_lines(raw):
        if event is UNREADABLE:
            bad += 1
            continue
        if isinstance(event, dict) and event.get("event") == "noted":
            good += 1
        elif _apply(data, event):
            good += 1
        else:
            bad += 1
    return data, good, bad


def read_journal(journal: Path | None, base: Path | None, problems: list[Problem]) -> dict:
    """The record of one learner's journal and its older base; what cannot be read is added to ``problems``.

    :class:`_Unusable` if neither is a progress record.
    """
    data, used = _empty(), False
    if base is not None:
        try:
            loaded = json.loads(_read_bounded(base, MAX_BASE_BYTES, "a progress file").decode("utf-8-sig"))
            if not _valid(loaded):
                raise _Unusable("not a progress record of this kit (a JSON file of something else)")
            data = {**_empty(), **loaded}
            used = True
        except (ValueError, UnicodeDecodeError, RecursionError):
            if journal is None:
                raise _Unusable("not a progress record: it is not JSON the kit wrote") from None
            problems.append(Problem(_shown(base), "this old progress file cannot be read: the journal beside it "
                                                  "was read without it", True))
        except _Unusable as error:
            if journal is None:
                raise
            problems.append(Problem(_shown(base), f"{error}: the journal beside it was read without it", True))
    if journal is not None:
        raw = _read_bounded(journal, MAX_JOURNAL_BYTES, "a progress journal")
        data, good, bad = parse_journal(raw, data)
        if bad and not good:
            raise _Unusable("not a progress journal: none of its lines is one the kit writes")
        if bad:
            problems.append(Problem(_shown(journal), f"{bad} line{'s' * (bad != 1)} could not be read (cut off when "
                                                     "a notebook stopped, or edited by hand): the rest was read",
                                    True))
    elif not used:
        raise _Unusable("not a progress record")
    for key in ("hints", "reflections"):
        if not isinstance(data.get(key), dict):
            data[key] = {}
    return data


def _count(value: str) -> int | None:
    """An export's ``attempts`` cell as a number (None if empty or not a count).

    >>> _count("3"), _count("3.0"), _count(""), _count("many")
    (3, 3, None, None)
    """
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number == number and 0 <= number < 1e9 else None


def read_export(path: Path, problems: list[Problem]) -> tuple[dict[str, dict], dict[str, dict]]:
    """The rows of one CSV export: ({exercise id: {"status", "attempts"}}, {reflection key: {"text", "at"}}).

    :class:`_Unusable` if it is not an export; rows that cannot be read are added to ``problems``.
    """
    raw = _read_bounded(path, MAX_EXPORT_BYTES, "a progress export")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _Unusable("not a progress export: it is not UTF-8 text (a spreadsheet saved in another format?)"
                        ) from None
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(rows, [])
    except csv.Error as error:
        raise _Unusable(f"not a CSV file the kit can read ({error})") from None
    if header[:len(EXPORT_COLUMNS)] != EXPORT_COLUMNS:
        first = ",".join(header)[:80]
        raise _Unusable(f"a CSV of something else, not a progress export (its first line is “{first}”)")
    exercises: dict[str, dict] = {}
    reflections: dict[str, dict] = {}
    bad = 0
    try:
        for row in rows:
            if not any(cell.strip() for cell in row):
                continue
            cells = dict(zip(header, row))
            key, status = cells.get("id", "").strip(), cells.get("status", "").strip()
            if not key or len(key) > 100:
                bad += 1
            elif status in STATUSES:
                exercises[key] = {"status": status, "attempts": _count(cells.get("attempts", "")) or 0}
            elif status == "written" and isinstance(cells.get("reflection"), str):
                reflections[key] = {"text": cells["reflection"], "at": cells.get("last_attempt_at") or None}
            elif not status.startswith("ticked"):  # a self-check: not part of this report
                bad += 1
    except csv.Error as error:
        problems.append(Problem(_shown(path), f"the CSV breaks off ({error}): the rows before it were read", True))
    if bad:
        problems.append(Problem(_shown(path), f"{bad} row{'s' * (bad != 1)} could not be read: the rest was read",
                                True))
    return exercises, reflections


# --- the class ----------------------------------------------------------------------------------------------

def _kit_exercises(problems: list[Problem]) -> list[tuple[str, str, str]]:
    from .exercises import all_exercises

    try:
        return [(e.id, e.lesson, e.title) for e in all_exercises().values()]
    except Exception as error:  # a broken exercise file must not hide the class
        problems.append(Problem("exercises/", f"the kit's exercise list cannot be read ({error}); the exercises "
                                              "are taken from the learners' files", True))
        return []


def _exercise_list(known: list[tuple[str, str, str]], learners: list[Learner]) -> list[tuple[str, str, str]]:
    """The kit's exercises in lesson order, then ids the learners' files hold that the kit does not define."""
    ids = {key for key, _, _ in known}
    extra = set()
    for learner in learners:
        extra.update(key for key in learner.status() if key not in ids and _EXERCISE_ID.fullmatch(key))
    more = sorted(extra)[:100]
    return known + [(key, key[:2], "") for key in more]


def read_class(paths) -> ClassData:
    """Every learner's record found at ``paths`` (files or folders), merged by learner name.

    Files that cannot be used are listed in ``problems``; only a path that does not exist raises
    (:class:`KitError`).
    """
    found, problems, counts = find_files(paths)
    seen: set = set()
    records: dict[tuple[Path, str], dict] = {}  # (folder, stem) -> journal/base paths of one record
    order: list = []
    for item in found:
        try:
            identity = os.path.realpath(item.path)
        except (OSError, ValueError):
            identity = str(item.path)
        if identity in seen:
            continue
        seen.add(identity)
        suffix = item.path.suffix.casefold()
        key = (item.path.parent, item.path.stem, "csv" if suffix == ".csv" else "record")
        if key not in records:
            records[key] = {"name": item.name, "expected": item.expected, "journal": None, "base": None,
                            "csv": None}
            order.append(key)
        slot = {".jsonl": "journal", ".json": "base"}.get(suffix, "csv" if suffix == ".csv" else "journal")
        records[key][slot] = item.path
        records[key]["expected"] = records[key]["expected"] or item.expected
    for record in records.values():
        journal = record["journal"]
        if journal is not None and record["base"] is None and journal.suffix == ".jsonl":
            with contextlib.suppress(OSError, ValueError):  # an older progress.json beside a journal is its start
                sibling = journal.with_suffix(".json")
                if stat.S_ISREG(os.lstat(sibling).st_mode):
                    record["base"] = sibling
    learners: dict[str, Learner] = {}
    exports: dict[str, list] = defaultdict(list)
    for key in order:
        record = records[key]
        shown = _shown(record["csv"] or record["journal"] or record["base"])
        try:
            if record["csv"] is not None:
                exercises, reflections = read_export(record["csv"], problems)
                exports[record["name"]].append((shown, exercises, reflections))
                continue
            data = read_journal(record["journal"], record["base"], problems)
        except _Unusable as error:
            if record["expected"]:
                problems.append(Problem(shown, str(error)))
            else:
                counts["skipped"] += 1
            continue
        learner = learners.setdefault(record["name"], Learner(record["name"]))
        learner.journal = True
        learner.files.append(shown)
        learner.attempts.extend(a for a in data["attempts"]
                                if isinstance(a, dict) and isinstance(a.get("exercise"), str))
        for exercise, count in data["hints"].items():
            with contextlib.suppress(TypeError, ValueError, OverflowError):
                learner.hints[exercise] = learner.hints.get(exercise, 0) + max(0, int(count))
        for name, saved in data["reflections"].items():
            saved = {"text": saved, "at": None} if isinstance(saved, str) else saved
            if isinstance(saved, dict) and isinstance(saved.get("text"), str):
                learner.reflections[name] = {"text": saved["text"], "at": saved.get("at")}
    for name, handed in exports.items():
        learner = learners.setdefault(name, Learner(name))
        for shown, exercises, reflections in handed:
            learner.files.append(shown)
            for key, text in reflections.items():
                learner.reflections.setdefault(key, text)
            if learner.journal:
                continue  # the journal holds all an export holds
            for key, row in exercises.items():
                before = learner.exported.get(key)
                if before is None or STATUSES.index(row["status"]) < STATUSES.index(before["status"]):
                    learner.exported[key] = dict(row)
                elif row["status"] == before["status"]:
                    before["attempts"] = max(before["attempts"], row["attempts"])
    ordered = sorted(learners.values(), key=lambda learner: (learner.name.casefold(), learner.name))
    exercises = _exercise_list(_kit_exercises(problems), ordered)
    return ClassData(ordered, exercises, problems, [_shown(p) for p in paths], counts["skipped"], counts["stopped"])


# --- the tables ---------------------------------------------------------------------------------------------

def class_table(data: ClassData) -> pd.DataFrame:
    """Learners × exercises: 'passed', 'tried' or 'not tried' (rows by learner, columns in lesson order).

    >>> data = ClassData([Learner("amira", exported={"00-a": {"status": "passed", "attempts": 1}})],
    ...                  [("00-a", "00", "A"), ("00-b", "00", "B")], [], [])
    >>> class_table(data).loc["amira"].tolist()
    ['passed', 'not tried']
    """
    ids = [key for key, _, _ in data.exercises]
    rows = []
    for learner in data.learners:
        status = learner.status()
        rows.append([status.get(key, "not tried") for key in ids])
    table = pd.DataFrame(rows, index=pd.Index([learner.name for learner in data.learners], name="learner"),
                         columns=ids, dtype=object)
    return table


def hardest(data: ClassData) -> pd.DataFrame:
    """The exercises someone answered, hardest first: by the share of those who tried that never passed
    ("gave up"), then by the mean number of answers it took to pass.

    >>> data = ClassData([Learner("a", journal=True, attempts=[{"exercise": "00-a", "passed": False},
    ...                                                        {"exercise": "00-b", "passed": True}])],
    ...                  [("00-a", "00", "A"), ("00-b", "00", "B")], [], [])
    >>> hardest(data)[["id", "tried", "passed", "gave_up"]].values.tolist()
    [['00-a', 1, 0, 1], ['00-b', 1, 1, 0]]
    """
    tries = [learner.tries() for learner in data.learners]
    hints = [learner.hints for learner in data.learners]
    rows = []
    for position, (key, lesson, title) in enumerate(data.exercises):
        tried = passed = hinted = 0
        to_pass = []
        for mine, seen in zip(tries, hints):
            if key in mine:
                tried += 1
                if mine[key][1] is not None:
                    passed += 1
                    to_pass.append(mine[key][1])
                hinted += bool(seen.get(key))
        if not tried:
            continue
        rows.append({"id": key, "lesson": lesson, "title": title, "tried": tried, "passed": passed,
                     "gave_up": tried - passed, "gave_up_share": (tried - passed) / tried,
                     "attempts_to_pass": statistics.fmean(to_pass) if to_pass else None,
                     "most_attempts_to_pass": max(to_pass) if to_pass else None, "hinted": hinted,
                     "_order": position})
    columns = ["id", "lesson", "title", "tried", "passed", "gave_up", "gave_up_share", "attempts_to_pass",
               "most_attempts_to_pass", "hinted"]
    if not rows:
        return pd.DataFrame(columns=columns)
    table = pd.DataFrame(rows)
    table["_mean"] = table["attempts_to_pass"].fillna(0)
    table = table.sort_values(["gave_up_share", "_mean", "tried", "_order"], ascending=[False, False, False, True])
    return table[columns].reset_index(drop=True)


def _same_answer(text: str) -> str:
    """The form by which wrong answers are counted together: case and spacing do not matter.

    >>> _same_answer("  Di   MAIO "), _same_answer("['Blinken']")
    ('di maio', "['blinken']")
    """
    return " ".join(text.casefold().split())


def wrong_answers(data: ClassData, top: int = TOP_WRONG) -> pd.DataFrame:
    """The commonest wrong answers of each exercise (from journals: exports do not keep answers), in lesson order,
    each with how often it was given and by how many learners; answers differing only in case and spacing count
    as one, shown as most learners wrote it.

    >>> attempts = [{"exercise": "00-a", "passed": False, "answer": "28"}] * 2
    >>> data = ClassData([Learner("a", journal=True, attempts=attempts),
    ...                   Learner("b", journal=True, attempts=attempts[:1])], [("00-a", "00", "A")], [], [])
    >>> wrong_answers(data).values.tolist()
    [['00-a', '28', 3, 2]]
    """
    order = {key: n for n, (key, _, _) in enumerate(data.exercises)}
    times: dict[str, Counter] = defaultdict(Counter)
    who: dict[tuple[str, str], set] = defaultdict(set)
    forms: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for learner in data.learners:
        for attempt in learner.attempts:
            said = attempt.get("answer")
            if attempt.get("passed") or attempt.get("blank") or not isinstance(said, str) or not said.strip():
                continue
            key = attempt["exercise"]
            if key not in order:
                continue
            said = bounded_text(said.strip())
            same = _same_answer(said)
            times[key][same] += 1
            who[key, same].add(learner.name)
            forms[key, same][said] += 1
    rows = []
    for key in sorted(times, key=order.__getitem__):
        ranked = sorted(times[key].items(), key=lambda item: (-len(who[key, item[0]]), -item[1], item[0]))
        for same, count in ranked[:top]:
            rows.append([key, forms[key, same].most_common(1)[0][0], count, len(who[key, same])])
    return pd.DataFrame(rows, columns=["id", "answer", "times", "learners"])


def hints_used(data: ClassData) -> pd.DataFrame:
    """Hints seen per exercise (journals only), in lesson order: learners who asked, hints in all."""
    order = {key: n for n, (key, _, _) in enumerate(data.exercises)}
    learners: Counter = Counter()
    total: Counter = Counter()
    for learner in data.learners:
        for key, count in learner.hints.items():
            if count > 0 and key in order:
                learners[key] += 1
                total[key] += count
    rows = [[key, learners[key], total[key]] for key in sorted(total, key=order.__getitem__)]
    return pd.DataFrame(rows, columns=["id", "learners", "hints"])


def class_csv(data: ClassData, table: pd.DataFrame | None = None) -> str:
    """The grid for a gradebook: one row per learner, counts, then one column per exercise.

    A name a spreadsheet would read as a formula (``=…``, ``+…``) is written with a ``'`` in front.

    >>> data = ClassData([Learner("=cmd", exported={"00-a": {"status": "passed", "attempts": 1}})],
    ...                  [("00-a", "00", "A")], [], [])
    >>> class_csv(data).splitlines()
    ['learner,passed,tried,not tried,00-a', "'=cmd,1,0,0,passed"]
    """
    table = class_table(data) if table is None else table
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*GRID_COLUMNS, *table.columns])
    for name, row in zip(table.index, table.itertuples(index=False)):
        cells = list(row)
        safe = "'" + name if name[:1] in ("=", "+", "-", "@", "\t", "\r") else name
        writer.writerow([safe, cells.count("passed"), cells.count("tried"), cells.count("not tried"), *cells])
    return out.getvalue()


# --- the page -----------------------------------------------------------------------------------------------

def _e(value) -> str:
    return html.escape(str(value), quote=True)


STYLE = """
:root{color-scheme:light}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;line-height:1.45;
color:#111;background:#fff;margin:0 auto;padding:1em 1.5em;max-width:100%;font-size:17px}
h1{font-size:1.8em;margin:.2em 0}
h2{font-size:1.4em;border-bottom:3px solid #0072B2;padding-bottom:.15em;margin-top:1.8em}
h3{font-size:1.1em;margin:1.2em 0 .3em}
p,ul,.note{max-width:60em}
.note{background:#f4f4f4;border-left:4px solid #0072B2;padding:.5em .8em}
.warn{background:#fdf0e6;border-left:4px solid #D55E00;padding:.5em .8em}
.small{font-size:.9em;color:#333}
nav ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3em 1.2em}
nav a,a{color:#0059a0}
ul.counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.6em}
ul.counts li{border:1px solid #bbb;border-radius:6px;padding:.3em .9em;text-align:center}
ul.counts b{display:block;font-size:1.8em;line-height:1.1}
.wrap{overflow:auto;max-height:80vh;border:1px solid #c8c8c8;margin:.6em 0}
table{border-collapse:collapse;font-size:.95em}
caption{text-align:left;font-weight:bold;padding:.3em 0}
th,td{border:1px solid #c8c8c8;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#eef2f6}
.num{text-align:right;font-variant-numeric:tabular-nums}
table.grid{font-size:.9em}
table.grid thead th{position:sticky;top:0;z-index:1}
table.grid thead tr+tr th{top:1.9em}
table.grid th[scope=row]{position:sticky;left:0;background:#eef2f6;white-space:nowrap;z-index:0}
table.grid th.ex{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:normal;
padding:.4em .15em;vertical-align:bottom}
table.grid td{text-align:center;padding:.1em .3em;min-width:1.4em;font-weight:bold}
td.p{background:#cdeee2;color:#005a41}
td.t{background:#fde3b0;color:#7a4a00}
td.n{background:#f7f7f7;color:#777}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.key span{display:inline-block;border:1px solid #999;padding:0 .4em;margin:0 .2em;font-weight:bold}
.bar{display:inline-block;height:.8em;background:#D55E00;vertical-align:middle;margin-right:.4em;
border:1px solid #7a2d00}
blockquote{margin:.3em 0 1em;padding:.4em .8em;border-left:4px solid #999;background:#fafafa;
white-space:pre-wrap;overflow-wrap:anywhere;max-width:60em}
.answer{white-space:pre-wrap;overflow-wrap:anywhere;font-family:ui-monospace,Menlo,Consolas,monospace;
font-size:.95em}
footer{margin-top:2.5em;border-top:1px solid #bbb;font-size:.9em;color:#333}
@media print{
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@page{size:landscape;margin:1cm}
body{font-size:9.5pt;padding:0}
nav{display:none}
h2,h3{break-after:avoid}
tr,blockquote,li{break-inside:avoid}
thead{display:table-header-group}
.wrap{overflow:visible;max-height:none;border:0}
table.grid thead th,table.grid th[scope=row]{position:static}
table.grid{font-size:6.5pt}table.grid td{padding:0 .1em;min-width:0}table.grid th.ex{padding:.2em 0}
a{color:inherit;text-decoration:none}
}
"""

_CELL = {"passed": ("p", "✔"), "tried": ("t", "✘"), "not tried": ("n", "·")}


def _grid_section(data: ClassData, table: pd.DataFrame) -> str:
    lessons: list[tuple[str, int]] = []
    for _, lesson, _ in data.exercises:
        if lessons and lessons[-1][0] == lesson:
            lessons[-1] = (lesson, lessons[-1][1] + 1)
        else:
            lessons.append((lesson, 1))
    top = "".join(f'<th scope="colgroup" colspan="{n}">Lesson {_e(lesson)}</th>' for lesson, n in lessons)
    groups = '<colgroup span="2"></colgroup>' + "".join(f'<colgroup span="{n}"></colgroup>' for _, n in lessons)
    heads = "".join(f'<th scope="col" class="ex" title="{_e(title or "not an exercise of this kit")}">{_e(key)}'
                    f'{"" if title else " †"}</th>' for key, _, title in data.exercises)
    tries = {learner.name: learner.tries() for learner in data.learners}
    body = []
    for name, row in zip(table.index, table.itertuples(index=False)):
        mine = tries[name]
        cells = []
        for key, status in zip(table.columns, row):
            css, mark = _CELL[status]
            n = mine.get(key, (0, None))[0]
            said = status if not n else f"{status}, {n} answer{'s' * (n != 1)}"
            cells.append(f'<td class="{css}" title="{_e(said)}"><span aria-hidden="true">{mark}</span>'
                         f'<span class="sr">{_e(said)}</span></td>')
        passed = list(row).count("passed")
        body.append(f'<tr><th scope="row">{_e(name)}</th><td class="num">{passed}</td>{"".join(cells)}</tr>')
    done = [int((table[key] == "passed").sum()) for key in table.columns]
    foot = "".join(f'<td class="num">{n}</td>' for n in done)
    extra = ('<p class="small">† an exercise id found in the learners\' files that this kit does not define '
             '(an older or newer version of the kit?).</p>') if any(not t for _, _, t in data.exercises) else ""
    return (
        '<section id="grid"><h2>Who did what</h2>'
        '<p class="key">Each cell: <span style="background:#cdeee2">✔</span> passed (right at least once), '
        '<span style="background:#fde3b0">✘</span> tried (answered, never right yet), '
        '<span style="background:#f7f7f7">·</span> not tried. Hover over a cell for the number of answers checked. '
        'Exercises are in lesson order.</p>'
        f'<div class="wrap"><table class="grid"><caption>Learners × exercises ({len(table)} learners, '
        f'{len(table.columns)} exercises)</caption>{groups}'
        f'<thead><tr><td></td><td></td>{top}</tr>'
        f'<tr><th scope="col">Learner</th><th scope="col">Passed</th>{heads}</tr></thead>'
        f'<tbody>{"".join(body)}</tbody>'
        f'<tfoot><tr><th scope="row">Passed (learners)</th><td></td>{foot}</tr></tfoot></table></div>{extra}'
        '</section>'
    )


def _hardest_section(data: ClassData) -> str:
    table = hardest(data)
    exported = sum(not learner.journal for learner in data.learners)
    if table.empty:
        return ('<section id="hardest"><h2>The hardest exercises</h2><p>No one has answered an exercise yet.</p>'
                "</section>")
    rows = []
    for row in table.itertuples(index=False):
        share = round(100 * row.gave_up_share)
        mean = "–" if row.attempts_to_pass is None or pd.isna(row.attempts_to_pass) else f"{row.attempts_to_pass:.1f}"
        most = "–" if row.most_attempts_to_pass is None or pd.isna(row.most_attempts_to_pass) \
            else f"{int(row.most_attempts_to_pass)}"
        rows.append(
            f'<tr><th scope="row">{_e(row.id)}</th><td>{_e(row.title)}</td><td class="num">{row.tried}</td>'
            f'<td class="num">{row.passed}</td><td><span class="bar" style="width:{share * 0.06:.1f}em"></span>'
            f'{row.gave_up} ({share}%)</td><td class="num">{mean}</td><td class="num">{most}</td>'
            f'<td class="num">{row.hinted}</td></tr>')
    note = (f" {exported} learner{'s' * (exported != 1)} handed in only an export: there, the answers to pass "
            "are all the answers checked (also any after the first right one), and hints are not known.") \
        if exported else ""
    return (
        '<section id="hardest"><h2>The hardest exercises</h2>'
        '<p>Each exercise someone answered, hardest first: by the share of those who tried that never got it right '
        '(<b>gave up</b>; some may still be working on it), then by the mean number of answers checked up to the '
        f'first right one.{_e(note)}</p>'
        '<div class="wrap"><table><caption>Exercises, hardest first</caption><thead><tr>'
        '<th scope="col">Exercise</th><th scope="col">Title</th><th scope="col">Tried</th><th scope="col">Passed</th>'
        '<th scope="col">Gave up (tried, never passed)</th><th scope="col">Answers to pass (mean)</th>'
        '<th scope="col">Answers to pass (most)</th><th scope="col">Learners who asked for hints</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div></section>'
    )


def _wrong_section(data: ClassData) -> str:
    table = wrong_answers(data)
    titles = {key: title for key, _, title in data.exercises}
    without = sum(1 for learner in data.learners for a in learner.attempts
                  if not a.get("passed") and not a.get("blank") and not isinstance(a.get("answer"), str))
    journals = sum(learner.journal for learner in data.learners)
    parts = ['<section id="wrong"><h2>The commonest wrong answers</h2>'
             f'<p>Per exercise, the {TOP_WRONG} wrong answers most learners gave, as they wrote them (answers that '
             'differ only in capitals and spaces count as one). They come from the progress journals, which keep '
             f'each answer\'s first {MAX_ANSWER_TEXT} characters; CSV exports do not keep answers.']
    if without:
        parts.append(f" {without} wrong answer{'s were' if without != 1 else ' was'} saved by an older version of "
                     "the kit, without the answer's text.")
    parts.append("</p>")
    if table.empty:
        parts.append("<p>No wrong answers with their text were found"
                     + (" (no progress journals were read)." if not journals else ".") + "</p></section>")
        return "".join(parts)
    for key, group in table.groupby("id", sort=False):
        title = titles.get(key, "")
        parts.append(f'<h3>{_e(key)}{": " + _e(title) if title else ""}</h3>'
                     f'<table><caption class="sr">Wrong answers to {_e(key)}</caption><thead><tr>'
                     '<th scope="col">Answer</th><th scope="col">Learners</th><th scope="col">Times</th></tr></thead>'
                     "<tbody>")
        for row in group.itertuples(index=False):
            parts.append(f'<tr><td class="answer">{_e(row.answer)}</td><td class="num">{row.learners}</td>'
                         f'<td class="num">{row.times}</td></tr>')
        parts.append("</tbody></table>")
    parts.append("</section>")
    return "".join(parts)


def _hints_section(data: ClassData) -> str:
    table = hints_used(data)
    titles = {key: title for key, _, title in data.exercises}
    if table.empty:
        return ('<section id="hints"><h2>Hints used</h2><p>No hints were asked for'
                + (" (hints are in progress journals only, not in exports)." if data.learners else ".")
                + "</p></section>")
    rows = "".join(f'<tr><th scope="row">{_e(r.id)}</th><td>{_e(titles.get(r.id, ""))}</td>'
                   f'<td class="num">{r.learners}</td><td class="num">{r.hints}</td></tr>'
                   for r in table.itertuples(index=False))
    return ('<section id="hints"><h2>Hints used</h2><p>From the progress journals (exports do not keep hints), in '
            'lesson order.</p><table><caption>Hints per exercise</caption><thead><tr><th scope="col">Exercise</th>'
            '<th scope="col">Title</th><th scope="col">Learners who asked</th><th scope="col">Hints in all</th>'
            f'</tr></thead><tbody>{rows}</tbody></table></section>')


def _reflections_section(data: ClassData) -> str:
    parts = ['<section id="reflections"><h2>Reflections to read</h2>']
    count = 0
    for learner in data.learners:
        saved = [(key, r) for key, r in sorted(learner.reflections.items()) if r.get("text", "").strip()]
        if not saved:
            continue
        parts.append(f"<h3>{_e(learner.name)}</h3>")
        for key, record in saved:
            count += 1
            text = record["text"]
            cut = ""
            if len(text) > MAX_SHOWN_REFLECTION:
                more = len(text) - MAX_SHOWN_REFLECTION
                cut = f' <span class="small">(cut here: {more:,} more characters in the file)</span>'
                text = text[:MAX_SHOWN_REFLECTION]
            when = f", saved {_e(record['at'])}" if record.get("at") else ""
            parts.append(f'<p class="small"><b>{_e(key)}</b>{when}</p><blockquote>{_e(text)}{cut}</blockquote>')
    if not count:
        parts.append("<p>No reflections were saved.</p>")
    parts.append("</section>")
    return "".join(parts)


def _problems_section(data: ClassData) -> str:
    parts = ['<section id="files"><h2>Files that could not be used</h2>']
    if data.stopped:
        parts.append(f'<p class="warn">{_e(data.stopped)}</p>')
    if data.problems:
        rows = "".join(f'<tr><td class="answer">{_e(p.path)}</td><td>{"read in part" if p.used else "not used"}'
                       f'</td><td>{_e(p.what)}</td></tr>' for p in data.problems[:MAX_LISTED])
        if len(data.problems) > MAX_LISTED:
            rows += f'<tr><td colspan="3">… and {len(data.problems) - MAX_LISTED:,} more files like these.</td></tr>'
        parts.append('<p>These files were left as they are; nothing in them was changed.</p>'
                     '<table><caption>Files not used, or used in part</caption><thead><tr><th scope="col">File</th>'
                     f'<th scope="col">Used?</th><th scope="col">Why</th></tr></thead><tbody>{rows}</tbody></table>')
    else:
        parts.append("<p>None: every file found was read whole.</p>")
    if data.skipped:
        many = data.skipped != 1
        parts.append(f'<p class="small">{data.skipped} other .csv, .json or .jsonl file{"s" * many} deeper in the '
                     f'folders {"are" if many else "is"} not a progress journal or export, and '
                     f'{"were" if many else "was"} skipped.</p>')
    parts.append("</section>")
    return "".join(parts)


def _sources_section(data: ClassData) -> str:
    rows = "".join(f'<tr><th scope="row">{_e(learner.name)}</th><td class="answer">'
                   f'{"<br>".join(_e(f) for f in learner.files)}</td></tr>' for learner in data.learners)
    return ('<section id="sources"><h2>Whose files</h2>'
            '<p>Learners are named after their files: a file you named, or one directly in a folder you named, by its '
            'file name (<code>amira.csv</code> is <i>amira</i>; <code>progress.jsonl</code> and '
            '<code>my-progress.csv</code>, the names every learner\'s kit gives, by their folder); a file deeper in '
            'a folder by the folder directly inside the one you named (<code>handed-in/amira/…</code>, '
            '<code>/home/amira/…</code>). Files with one name are one learner: a progress journal counts before '
            'exports; several exports count their best.</p>'
            f'<details><summary>The files read, by learner</summary><table><thead><tr><th scope="col">Learner</th>'
            f'<th scope="col">Files</th></tr></thead><tbody>{rows}</tbody></table></details></section>')


def class_page(data: ClassData, generated: dt.datetime | None = None) -> str:
    """The class report as one self-contained HTML page (no script, no link to load anything)."""
    generated = generated or dt.datetime.now().replace(microsecond=0)
    table = class_table(data)
    searched = ", ".join(data.searched) or "nothing"
    journals = sum(learner.journal for learner in data.learners)
    head = (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="{GENERATOR}">'
            f"<title>Class report ({len(data.learners)} learners)</title><style>{STYLE}</style></head><body><main>")
    intro = (f"<h1>The class at a glance</h1><p>From {_e(searched)}: <b>{len(data.learners)} learner"
             f"{'s' * (len(data.learners) != 1)}</b> ({journals} from progress journals, "
             f"{len(data.learners) - journals} from CSV exports only). This page was made on this computer from the "
             "learners' files; nothing was sent anywhere, and no file was changed.</p>")
    problems = len([p for p in data.problems if not p.used])
    if problems:
        intro += (f'<p class="warn">{problems} file{"s" * (problems != 1)} could not be used: see '
                  '<a href="#files">the list</a>.</p>')
    if not data.learners:
        body = (intro + '<p class="warn"><b>No progress journals or exports were found</b> in '
                f"{_e(searched)}. Give the folder of handed-in files (<code>amira.csv</code>, …) or the folder that "
                "holds the learners' home folders.</p>" + _problems_section(data))
    else:
        passed = int((table == "passed").to_numpy().sum())
        tried = int((table == "tried").to_numpy().sum())
        counts = (f'<ul class="counts"><li><b>{len(table)}</b>learners</li><li><b>{len(table.columns)}</b>exercises'
                  f'</li><li><b>{passed}</b>✔ passed cells</li><li><b>{tried}</b>✘ tried cells</li></ul>')
        nav = ('<nav><ul><li><a href="#grid">Who did what</a></li><li><a href="#hardest">Hardest</a></li>'
               '<li><a href="#wrong">Wrong answers</a></li><li><a href="#hints">Hints</a></li>'
               '<li><a href="#reflections">Reflections</a></li><li><a href="#files">Files not used</a></li>'
               '<li><a href="#sources">Whose files</a></li></ul></nav>')
        body = "".join([intro, counts, nav, _grid_section(data, table), _hardest_section(data), _wrong_section(data),
                        _hints_section(data), _reflections_section(data), _problems_section(data),
                        _sources_section(data)])
    footer = (f"<footer><p>Made by <code>python -m conflict_reading class-report</code> on "
              f"{_e(generated.isoformat(sep=' '))}. The same grid is in the CSV written beside this page.</p></footer>")
    return head + body + footer + "</main></body></html>\n"


# --- writing ------------------------------------------------------------------------------------------------

def is_class_page(path: Path) -> bool:
    """Is the file at ``path`` a page this module wrote (so it may be replaced)?"""
    return f'<meta name="generator" content="{GENERATOR}">'.encode() in _head(path)


def is_class_csv(path: Path) -> bool:
    """Is the file at ``path`` a grid this module wrote (so it may be replaced)?"""
    return _is_grid_header(_first_line(_head(path)))


def _target(path: Path, what: str, ours, force: bool, option: str) -> None:
    """Refuse to write ``path`` if that would replace what is not ours (or is not a regular file); KitError."""
    from .article import file_kind

    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise KitError(f"Cannot write {_shown(path)}: the folder {_shown(parent)} does not exist.")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as error:
        raise KitError(f"Cannot write {_shown(path)}: {why(error)}.") from None
    if not stat.S_ISREG(info.st_mode):
        raise KitError(f"{_shown(path)} exists and is {file_kind(info.st_mode)}, not a regular file: choose another "
                       f"name with {option}.")
    if not force and not ours(path):
        raise KitError(f"{_shown(path)} exists and is not a {what} this command wrote: choose another name with "
                       f"{option}, or add --force to replace it.")


def _write(path: Path, content: str) -> None:
    from .report import _write_atomically

    _write_atomically(path, content)


def write_class_report(paths, out="class.html", *, csv_path=None, force: bool = False,
                       data: ClassData | None = None) -> tuple[Path, Path, ClassData]:
    """Read the class at ``paths`` and write the page ``out`` and the grid ``csv_path`` (default: ``out`` with
    ``.csv``).  Returns (page, grid, data).  Bad arguments, or a file in the way, raise :class:`KitError`; bad
    learner files are listed in the page.

    Neither output replaces a file it did not write (unless ``force``), nor any file it reads.
    """
    if not paths:
        raise KitError("Give at least one folder or file: the handed-in files, or the learners' home folders.")
    try:
        page = Path(os.fspath(out or "class.html")).expanduser()
        if page.is_dir():
            page = page / "class.html"
        grid = Path(os.fspath(csv_path)).expanduser() if csv_path else page.with_suffix(".csv")
        if grid.is_dir():
            grid = grid / "class.csv"
        same = os.path.realpath(page) == os.path.realpath(grid)
        _target(page, "class report", is_class_page, force, "-o")
        _target(grid, "class grid", is_class_csv, force, "--csv")
    except (RuntimeError, ValueError, OSError) as error:  # ~nosuchuser, a NUL in a name, a name too long
        raise KitError(f"Cannot write {_shown(out)}: {why(error) if isinstance(error, OSError) else error}.") from None
    if same:
        raise KitError(f"The page and the CSV cannot both be {_shown(page)}: give the page a name ending in .html.")
    data = data or read_class(paths)
    written = set()
    for learner in data.learners:
        written.update(learner.files)
    for target in (page, grid):
        with contextlib.suppress(OSError, ValueError):
            real = os.path.realpath(target)
            if any(os.path.exists(f) and os.path.realpath(f) == real for f in written):
                raise KitError(f"Will not write over {_shown(target)}: it is one of the learners' files.")
    _write(grid, class_csv(data))
    _write(page, class_page(data))
    return page, grid, data


def summary_line(data: ClassData) -> str | None:
    """The one-line note for the shell about files that could not be used (None if there are none).

    >>> summary_line(ClassData([Learner("a")], [], [Problem("a.csv", "x"), Problem("b.jsonl", "y", used=True)], []))
    'class-report: 1 file could not be used and 1 was read in part (listed in the page): a.csv, b.jsonl'
    >>> summary_line(ClassData([], [], [], ["handed-in"]))
    'class-report: no progress journals or exports were found in handed-in (the page says so)'
    """
    unused = [p.path for p in data.problems if not p.used]
    partly = [p.path for p in data.problems if p.used]
    nothing = "" if data.learners else \
        f"no progress journals or exports were found in {', '.join(data.searched)[:200]}"
    if not unused and not partly:
        return f"class-report: {nothing} (the page says so)" if nothing else None
    said = [nothing] if nothing else []
    if unused:
        said.append(f"{len(unused)} file{'s' * (len(unused) != 1)} could not be used")
    if partly:
        said.append(f"{len(partly)} {'was' if len(partly) == 1 else 'were'} read in part")
    names = ", ".join((unused + partly)[:5]) + (", …" if len(unused) + len(partly) > 5 else "")
    return f"class-report: {' and '.join(said)} (listed in the page): {names}"
