"""The self-check widget: the learner ticks what their answer does, presses Save, and is told kindly
what a good answer also does.  The ticks are saved in their progress and come back when the cell is
run again.  The lists are data (``data/self-checks.toml``); the plain-text route is
:func:`conflict_reading.self_checks.self_check`.

>>> box = SelfCheck("05-reflection")
>>> box.checkboxes[0].value = True
>>> box.save_button.click()
>>> box.saved_ticks, box.summary_text.splitlines()[0]
([1], 'You ticked 1 of 5. A good answer also:')
>>> SelfCheck("05-reflection").saved_ticks
[1]
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..progress import ProgressError, ProgressStore
from ..self_checks import good_answer, numbered, self_check, summary, ticked_now
from .fallback import WithFallback
from .reflection import _readable_time, read_saved

# A checkbox's label is one line cut off with "…" in ipywidgets; an item is a sentence: let it wrap.
_WRAP_LABELS = (
    "<style>.cr-self-check .cr-self-check-item{height:auto;width:100%}"
    ".cr-self-check .cr-self-check-item label{white-space:normal;overflow:visible;line-height:1.4;"
    "display:flex;align-items:flex-start;padding:.15em 0}"
    ".cr-self-check .cr-self-check-item input[type=checkbox]{flex-grow:0;margin-top:.15em}</style>"
)


class SelfCheck(WithFallback):
    """A checkbox per item of what a good answer does, a Save button, and a kind summary.

    For tests: ``checkboxes``, ``save_button``, ``saved_ticks`` (the numbers saved, from 1),
    ``summary_text`` (the last summary, as text), ``status`` (HTML: saved when, or what went wrong).
    """

    def __init__(self, key: str):
        self.key = key
        self.answer = good_answer(key)  # KitError (one line) for a key with no list
        self.store = ProgressStore()
        self.problem = None
        saved = self._load()
        self.saved_ticks = ticked_now(saved, self.answer.items)
        self.checkboxes = [
            widgets.Checkbox(value=n in self.saved_ticks, description=f"{n}. {item}", indent=False,
                             layout=widgets.Layout(width="100%"))
            for n, item in enumerate(self.answer.items, start=1)
        ]
        for checkbox in self.checkboxes:
            checkbox.add_class("cr-self-check-item")
        self.save_button = widgets.Button(description="Save my ticks", icon="save", button_style="primary")
        self.save_button.on_click(self._on_save)
        self.summary_text = summary(self.answer.items, self.saved_ticks) if saved else ""
        self.summary = widgets.HTML(self._summary_html())
        told = " ".join(self.store.take_notices())
        if self.problem:
            first = f"⚠ {html.escape(self.problem)} Your ticks can be made, but not shown or saved here."
        else:
            first = (f"✔ Saved at {html.escape(_readable_time(saved.get('at')))}." if saved
                     else "<i>Not saved yet.</i>")
        self.status = widgets.HTML(first + (f" ⚠ {html.escape(told)}" if told else ""))
        intro = widgets.HTML(
            f"{_WRAP_LABELS}<p><b>{html.escape(self.answer.title)}: what does your answer do?</b> Tick what it does, then "
            "press <b>Save my ticks</b>. Be honest: this is for you, to see what to add. Your ticks are saved "
            "with your progress.</p>")
        box = widgets.VBox([intro, *self.checkboxes, widgets.HBox([self.save_button, self.status]), self.summary])
        box.add_class("cr-self-check")
        fallback = (
            f"Self-check {key}: {self.answer.title}: what does your answer do? A good answer:\n"
            f"{numbered(self.answer.items, self.saved_ticks)}\n"
            f'(The checkboxes do not show here. Tick by number in a code cell: self_check("{key}", [1, 3]).)'
        )
        super().__init__(box, fallback)

    def _load(self) -> dict | None:
        saved, problem = read_saved(lambda: self.store.self_check(self.key))
        self.problem = problem or self.problem
        return saved

    def _summary_html(self) -> str:
        if not self.summary_text:
            return ""
        first, *rest = self.summary_text.splitlines()
        items = [line.strip().lstrip("–").strip() for line in rest if line.strip().startswith("–")]
        closing = [line for line in rest if not line.strip().startswith("–")]
        listed = "".join(f"<li>{html.escape(item)}</li>" for item in items)
        return (f'<div class="cr-self-check-summary" style="margin-top:.4em"><p>{html.escape(first)}</p>'
                + (f"<ul>{listed}</ul>" if listed else "")
                + "".join(f"<p>{html.escape(line)}</p>" for line in closing) + "</div>")

    def ticked(self) -> list[int]:
        """The numbers (from 1) of the items ticked now."""
        return [n for n, box in enumerate(self.checkboxes, start=1) if box.value]

    def _on_save(self, _button=None) -> None:
        ticks = self.ticked()
        note = self_check(self.key, ticks)
        self.summary_text = summary(self.answer.items, ticks)
        self.summary.value = self._summary_html()
        if note.saved:
            self.saved_ticks = ticks
            saved = None
            try:
                saved = self.store.self_check(self.key)
            except (OSError, ProgressError):
                pass
            when = _readable_time((saved or {}).get("at"))
            told = " ".join(html.escape(line) for line in note.message.splitlines() if line.startswith("⚠"))
            self.status.value = (f"✔ Saved at {html.escape(when)}." if when else "✔ Saved.") + (f" {told}" if told else "")
        else:
            self.status.value = f"⚠ {html.escape(note.message.splitlines()[0])}"
