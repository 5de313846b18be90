"""The learner's view of their own progress: a table, a chart, a CSV to hand in."""

from __future__ import annotations

import base64
import contextlib
import html
import io
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import KitError
from .exercises import all_exercises
from .progress import ProgressError, ProgressStore, status_by_exercise, why

COLUMNS = ["id", "lesson", "title", "status", "attempts", "first_passed_at", "last_attempt_at"]


def progress_table(store: ProgressStore | None = None) -> pd.DataFrame:
    """One row per exercise: status, attempts (blank ones not counted), when first passed."""
    attempts = (store or ProgressStore()).load()["attempts"]
    status = status_by_exercise(attempts)
    rows = []
    for exercise in all_exercises().values():
        mine = [a for a in attempts if a["exercise"] == exercise.id and not a.get("blank")]
        passed = [a.get("at") for a in mine if a.get("passed")]
        rows.append({
            "id": exercise.id, "lesson": exercise.lesson, "title": exercise.title,
            "status": status.get(exercise.id, "not tried"), "attempts": len(mine),
            "first_passed_at": passed[0] if passed else None,
            "last_attempt_at": mine[-1].get("at") if mine else None,
        })
    return pd.DataFrame(rows, columns=COLUMNS)


def _chart_png(table: pd.DataFrame) -> bytes:
    import matplotlib

    matplotlib.use("Agg") if matplotlib.get_backend().lower() == "agg" else None
    from matplotlib.figure import Figure

    by_lesson = table.groupby("lesson")["status"].value_counts().unstack(fill_value=0)
    for column in ("passed", "tried", "not tried"):
        if column not in by_lesson:
            by_lesson[column] = 0
    figure = Figure(figsize=(7, 0.6 + 0.5 * len(by_lesson)))
    axes = figure.subplots()
    left = pd.Series(0, index=by_lesson.index)
    # Okabe–Ito colours plus hatching, so the chart reads without colour too
    for column, colour, hatch in (("passed", "#009E73", ""), ("tried", "#E69F00", "//"), ("not tried", "#BBBBBB", "..")):
        axes.barh([f"Lesson {i}" for i in by_lesson.index], by_lesson[column], left=left,
                  color=colour, hatch=hatch, edgecolor="black", label=column)
        left = left + by_lesson[column]
    axes.invert_yaxis()
    axes.set_xlabel("exercises")
    axes.legend(loc="lower right", fontsize=9)
    axes.set_title("Your progress by lesson")
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90)
    return buffer.getvalue()


@dataclass
class ProgressReport:
    table: pd.DataFrame
    notices: list[str] = field(default_factory=list)  # what was skipped in the record, said once

    def _repr_html_(self) -> str:
        png = base64.b64encode(_chart_png(self.table)).decode("ascii")
        done = (self.table["status"] == "passed").sum()
        said = "".join(f"<p>⚠ {html.escape(n)}</p>" for n in self.notices)
        return (
            f"{said}<p><b>{done} of {len(self.table)} exercises passed.</b></p>"
            f'<img alt="Bar chart of exercises passed, tried and not tried, by lesson" src="data:image/png;base64,{png}"/>'
            + self.table.to_html(index=False, na_rep="")
        )

    def __repr__(self) -> str:
        done = (self.table["status"] == "passed").sum()
        said = "".join(f"⚠ {n}\n" for n in self.notices)
        return f"{said}{done} of {len(self.table)} exercises passed.\n" + self.table.to_string(index=False)


def reflections_table(store: ProgressStore | None = None) -> pd.DataFrame:
    """One row per saved reflection, in the export's columns (title "Reflection", the text in ``reflection``)."""
    saved = (store or ProgressStore()).load()["reflections"]
    rows = []
    for key, record in saved.items():
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            continue  # a hand-edited entry: nothing to hand in
        rows.append({"id": key, "lesson": str(key)[:2], "title": "Reflection", "status": "written",
                     "attempts": None, "first_passed_at": None, "last_attempt_at": record.get("at"),
                     "reflection": record["text"]})
    return pd.DataFrame(rows, columns=[*COLUMNS, "reflection"])


def self_checks_table(store: ProgressStore | None = None) -> pd.DataFrame:
    """One row per saved self-check, in the export's columns: the status says how many items were ticked,
    the ``self_check`` column which (and which not).

    >>> from conflict_reading.self_checks import self_check
    >>> _ = self_check("05-reflection", [2])
    >>> self_checks_table().loc[0, ["id", "status"]].tolist()
    ['05-reflection', 'ticked 1 of 5']
    """
    from .self_checks import good_answers, ticked_now

    saved = (store or ProgressStore()).load().get("self_checks", {})
    try:
        lists = good_answers()
    except KitError:  # the lists cannot be read: the ticks are still handed in, by number
        lists = {}
    rows = []
    for key, record in saved.items():
        if not isinstance(record, dict) or not isinstance(record.get("ticked"), list):
            continue  # a hand-edited entry of an old progress.json: nothing to hand in
        answer = lists.get(key)
        if answer is None:
            numbers, texts = record.get("ticked", []), record.get("items") or []
            status, said = f"ticked {len(numbers)}", "; ".join(texts) or ", ".join(map(str, numbers))
            title = "Self-check"
        else:
            numbers = ticked_now(record, answer.items)
            status = f"ticked {len(numbers)} of {len(answer.items)}"
            done = [f"{n}. {item}" for n, item in enumerate(answer.items, start=1) if n in numbers]
            not_done = [f"{n}. {item}" for n, item in enumerate(answer.items, start=1) if n not in numbers]
            said = f"ticked: {'; '.join(done) or 'none'} | not ticked: {'; '.join(not_done) or 'none'}"
            title = f"Self-check: {answer.title}"
        rows.append({"id": key, "lesson": str(key)[:2], "title": title, "status": status, "attempts": None,
                     "first_passed_at": None, "last_attempt_at": record.get("at"), "reflection": None,
                     "self_check": said})
    return pd.DataFrame(rows, columns=[*COLUMNS, "reflection", "self_check"])


def _is_our_export(path: Path) -> bool:
    """True if ``path`` is a CSV this kit exported before (its first line is the export's header)."""
    try:
        with open(path, "rb") as handle:
            first = handle.read(4096).split(b"\n")[0].strip()
    except OSError:
        return False
    return first.decode("utf-8", "replace").split(",")[: len(COLUMNS)] == COLUMNS


def _write_new_file(path: Path, content: bytes, replace: bool) -> None:
    """Write ``content`` at ``path``, whole or not at all.

    A new file is created exclusively (so nothing that appeared meanwhile is overwritten) and
    removed again if the write fails; a file to ``replace`` is written beside it, then renamed over it.
    """
    target = path.with_name(f".{path.name}.{os.getpid()}.tmp") if replace else path
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        view = memoryview(content)
        while view:  # unbuffered: nothing is left to flush (and fail) after an error
            view = view[os.write(fd, view):]
        os.fsync(fd)
        os.close(fd)
        fd = -1
        if replace:
            os.replace(target, path)
    except BaseException:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(target)  # ours: made just now, and not whole
        raise


def _export(path: Path, table: pd.DataFrame, overwrite: bool) -> None:
    """Write the export at ``path``; KitError (one line) if that would replace a file that is not one."""
    example = 'progress(export="my-progress.csv")'
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise KitError(f"Could not write {path.name}: {why(error)}. Try another name, e.g. {example}.") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise KitError(f"{path.name} is a folder: give the name of a file, e.g. {example}.")
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise KitError(f"{path.name} is not a regular file: give the name of a new file, e.g. {example}.")
    if info is not None and not overwrite and not _is_our_export(path):
        raise KitError(
            f"{path.name} already exists and is not a progress export, so it was left as it is: choose a new "
            f'name, e.g. {example}, or add overwrite=True to replace it.')
    content = table.to_csv(index=False).encode("utf-8")
    try:
        _write_new_file(path, content, replace=info is not None)
    except FileExistsError:
        raise KitError(f"{path.name} appeared while the export was being written: run it again.") from None
    except OSError as error:
        raise KitError(f"Could not write {path.name}: {why(error)}. Nothing was written; try another folder "
                       "or ask your instructor.") from None


def progress(export: str | Path | None = None, *, overwrite: bool = False):
    """Your progress: a table and a chart per lesson; ``export="file.csv"`` writes a CSV to hand in
    (one row per exercise, then one per reflection you saved, its text in the ``reflection`` column,
    then one per self-check you saved, what you ticked in the ``self_check`` column).

    An export replaces an earlier export of the same name, but never any other file unless you say
    ``overwrite=True``.  If your progress cannot be read, a one-line message says why (nothing is
    shown or written that would look like lost progress).
    """
    store = ProgressStore()
    table = progress_table(store)
    notices = store.take_notices()
    if export is None:
        return ProgressReport(table, notices)
    if not isinstance(export, (str, os.PathLike)) or not str(export).strip():
        raise KitError('Give the export a file name in quotes, e.g. progress(export="my-progress.csv").')
    path = Path(os.fspath(export))
    with contextlib.suppress(RuntimeError):  # "~nosuchuser/..." stays as written
        path = path.expanduser()
    exercises = len(table)
    written = reflections_table(store)
    if not written.empty:
        table = pd.concat([table.assign(reflection=None), written], ignore_index=True)
    assessed = self_checks_table(store)
    if not assessed.empty:
        if "reflection" not in table:
            table = table.assign(reflection=None)
        table = pd.concat([table.assign(self_check=None), assessed], ignore_index=True)
    _export(path, table, overwrite)
    said = " ".join(notices)
    checks = f", {len(assessed)} self-check{'s' * (len(assessed) != 1)}" if not assessed.empty else ""
    return (f"Saved your progress ({exercises} exercises, {len(written)} reflections{checks}) to "
            f"{html.escape(str(path.resolve()))}: hand in that file." + (f" {said}" if said else ""))


@dataclass
class ReflectionNote:
    """What :func:`reflect` says back: saved, kept, or shown."""

    message: str
    text: str | None = None
    saved: bool = False

    def __repr__(self) -> str:
        return self.message + (f"\n\n{self.text}" if self.text else "")

    def _repr_html_(self) -> str:
        body = f"<blockquote>{html.escape(self.text)}</blockquote>" if self.text else ""
        return f'<div class="cr-reflection-note"><p>{html.escape(self.message)}</p>{body}</div>'


def reflect(key: str, text: str | None = None, *, clear: bool = False) -> ReflectionNote:
    """Write, save and read back a reflection: the plain-text route of the reflection widget.

    ``reflect(key)`` shows what you saved; ``reflect(key, "my text")`` saves it (the text it
    replaces is kept in your progress file).  Empty text never wipes a saved reflection unless
    you say ``clear=True``.

    >>> reflect("05-reflection", "Only ministers speak.").saved
    True
    >>> reflect("05-reflection", "").saved, reflect("05-reflection").text
    (False, 'Only ministers speak.')
    """
    if not isinstance(key, str) or not key.strip():
        return ReflectionNote('Give the reflection a name first, as text in quotes: reflect("05-reflection", "my text").')
    store = ProgressStore()
    try:
        saved = store.reflection(key)
    except (OSError, ProgressError) as error:
        reason = str(error) if isinstance(error, ProgressError) else f"Your progress could not be read: {why(error)}."
        then = "Nothing was changed." if text is None else "Your text is not saved: copy it somewhere safe."
        return ReflectionNote(f"{reason} {then}", text)
    told = " ".join(store.take_notices())
    told = f" {told}" if told else ""
    if text is None:
        if saved is None:
            return ReflectionNote(f'No reflection saved as "{key}" yet: write one with reflect("{key}", "your text").'
                                  + told)
        return ReflectionNote(f'Your reflection "{key}", saved {saved.get("at")}:' + told, saved["text"])
    if not isinstance(text, str):
        return ReflectionNote("A reflection is text: put your words in quotes, as in reflect(\"05-reflection\", \"…\")."
                              + told)
    if not text.strip() and saved and saved["text"].strip() and not clear:
        return ReflectionNote(
            f'Not saved: your text is empty, and you already saved a reflection as "{key}" (shown below). '
            f'To really clear it, run reflect("{key}", "", clear=True).' + told, saved["text"])
    try:
        store.save_reflection(key, text)
    except (OSError, ProgressError) as error:
        reason = str(error) if isinstance(error, ProgressError) else f"Could not save ({why(error)})."
        return ReflectionNote(f"{reason} Your text is not saved: copy it somewhere safe." + told, text)
    when = ""
    with contextlib.suppress(OSError, ProgressError):
        when = (store.reflection(key) or {}).get("at", "")
    return ReflectionNote(f'Saved your reflection "{key}" at {when}. progress(export="my-progress.csv") includes it.'
                          + told, text, saved=True)
