"""A reflection the learner writes and saves: a text box, a Save button, when it was saved.

The text is kept in the learner's progress file (``ProgressStore.save_reflection``)
and comes back when the cell is run again.  Nothing written is lost: saving an
empty box over a saved reflection asks first, and the text a save replaces is
kept in the file's history.  The plain-text route is :func:`reflect`.

>>> box = ReflectionBox("05-reflection")
>>> box.text_input.value = "Only ministers speak."
>>> box.save_button.click()
>>> box.saved_text
'Only ministers speak.'
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..learner import reflect
from ..progress import ProgressError, ProgressStore, why
from .fallback import WithFallback

__all__ = ["ReflectionBox", "reflect"]


class ReflectionBox(WithFallback):
    """The reflection widget; its parts are attributes so tests can drive them."""

    def __init__(self, key: str, prompt: str = "Write your reflection here, then press Save.", rows: int = 8):
        self.key = key
        self.store = ProgressStore()
        self.problem = None  # why saved text could not be read, if it could not
        saved = self._load()
        self.saved_text = saved["text"] if saved else None
        self.prompt = widgets.HTML(f"<p>{html.escape(prompt)}</p>")
        self.text_input = widgets.Textarea(value=self.saved_text or "", placeholder="Your reflection",
                                           rows=rows, layout=widgets.Layout(width="100%"))
        self.save_button = widgets.Button(description="Save", icon="save", button_style="primary")
        self.clear_button = widgets.Button(description="Yes, clear my saved text", button_style="danger",
                                           layout=widgets.Layout(display="none"))
        self.keep_button = widgets.Button(description="No, keep it", layout=widgets.Layout(display="none"))
        told = " ".join(self.store.take_notices())
        if self.problem:
            first = f"⚠ {html.escape(self.problem)} Anything you saved before is not lost, but it cannot be shown here."
        else:
            first = self._saved_message(saved) if saved else "<i>Not saved yet.</i>"
        self.status = widgets.HTML(first + (f" ⚠ {html.escape(told)}" if told else ""))
        self.save_button.on_click(self._on_save)
        self.clear_button.on_click(self._on_clear)
        self.keep_button.on_click(self._on_keep)
        box = widgets.VBox([self.prompt, self.text_input,
                            widgets.HBox([self.save_button, self.clear_button, self.keep_button]), self.status])
        box.add_class("cr-reflection")
        fallback = (
            f"Reflection {key}: {prompt}\n"
            f"(The text box does not show here. Save your text in a code cell: "
            f'reflect("{key}", "your text"); read it back with reflect("{key}").)'
        )
        super().__init__(box, fallback)

    def _load(self) -> dict | None:
        saved, problem = read_saved(lambda: self.store.reflection(self.key))
        self.problem = problem or self.problem
        return saved

    @staticmethod
    def _saved_message(saved: dict) -> str:
        return f"✔ Saved at {html.escape(_readable_time(saved.get('at')))}. Run this cell again and your text comes back."

    def _asking(self, on: bool) -> None:
        for button in (self.clear_button, self.keep_button):
            button.layout.display = None if on else "none"

    def _save(self, clear: bool) -> None:
        note = reflect(self.key, self.text_input.value, clear=clear)
        if note.saved:
            self.saved_text = self.text_input.value
            self.status.value = self._saved_message(self._load() or {})
        else:
            self.status.value = f"⚠ {html.escape(note.message)}"
        self._asking(False)

    def _on_save(self, _button=None) -> None:
        if not self.text_input.value.strip() and self.saved_text and self.saved_text.strip():
            self.status.value = ("⚠ The box is empty, and you have saved a reflection before. "
                                 "Clear the saved text for good, or keep it?")
            self._asking(True)
            return
        self._save(clear=False)

    def _on_clear(self, _button=None) -> None:
        self._save(clear=True)

    def _on_keep(self, _button=None) -> None:
        self.text_input.value = self.saved_text or ""
        self.status.value = "✔ Kept your saved text: it is back in the box."
        self._asking(False)


def _readable_time(stamp) -> str:
    """An ISO time as a learner reads it, in the computer's time zone.

    >>> _readable_time("2026-11-24T22:05:48+00:00").endswith("2026")
    True
    >>> _readable_time("not a time")
    'not a time'
    """
    from datetime import datetime

    try:
        when = datetime.fromisoformat(str(stamp)).astimezone()
    except ValueError:
        return str(stamp or "")
    return f"{when:%H:%M} on {when.day} {when:%B %Y}"


def read_saved(read):
    """``(read(), None)``, or ``(None, problem)`` with a one-line problem when the progress file cannot be read:
    the reflection box and the self-check read what a learner saved the same way."""
    try:
        return read(), None
    except ProgressError as error:
        return None, str(error)
    except OSError as error:
        return None, f"Your progress could not be read: {why(error)}."
