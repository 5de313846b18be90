"""What a learner sees after a check: a small box with an icon and words.

Colour is never the only signal: every box starts with an icon and a word
("Correct", "Not yet", "Not answered yet").

>>> print(Feedback(True, "Correct! Twenty-five paragraphs."))
✔ Correct! Twenty-five paragraphs.
>>> print(Feedback(False, "Almost: count from 1."))
✘ Not yet: Almost: count from 1.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

_LABELS = {"pass": "Correct", "fail": "Not yet", "info": "Note"}
_STYLES = {
    # state: (icon, border colour, background)  — colours from the Okabe–Ito palette
    "pass": ("✔", "#009E73", "#e6f5ef"),
    "fail": ("✘", "#D55E00", "#fbece3"),
    "info": ("ℹ", "#0072B2", "#e5f0f8"),
}


@dataclass
class Feedback:
    passed: bool
    message: str
    hint: str | None = None
    exercise: str | None = None
    state: str | None = None  # "pass", "fail" or "info" (not answered, unknown exercise)

    def __post_init__(self):
        if self.state is None:
            self.state = "pass" if self.passed else "fail"

    def __bool__(self) -> bool:
        return self.passed

    @property
    def label(self) -> str:
        """The status in words, so that colour and icon are never the only signal."""
        return _LABELS[self.state]

    def _labelled(self) -> str:
        if self.message.lower().startswith(self.label.lower()):
            return self.message
        return f"{self.label}: {self.message}"

    def __str__(self) -> str:
        icon = _STYLES[self.state][0]
        text = f"{icon} {self._labelled()}"
        if self.hint:
            text += f"\n  Hint: {self.hint}"
        return text

    __repr__ = __str__

    def _repr_html_(self) -> str:
        icon, border, background = _STYLES[self.state]
        hint = (
            f'<div style="margin-top:.3em"><b>Hint:</b> {html.escape(self.hint)}</div>' if self.hint else ""
        )
        return (
            f'<div class="cr-feedback cr-{self.state}" role="status" '
            f'style="border-left:6px solid {border};background:{background};color:#111;'
            f'padding:.5em .8em;margin:.3em 0;border-radius:4px;font-size:1.05em">'
            f'<span aria-hidden="true" style="font-weight:bold;margin-right:.4em">{icon}</span>'
            f"{html.escape(self._labelled())}{hint}</div>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {
            "text/plain": str(self),
            "text/html": self._repr_html_(),
            # machine-readable, for the tests that run the exercise notebooks
            "application/vnd.conflict-reading.feedback+json": {
                "exercise": self.exercise, "passed": self.passed, "state": self.state,
            },
        }
