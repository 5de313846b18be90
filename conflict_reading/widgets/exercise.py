"""One exercise as a widget: the prompt, an answer box, Check and Hint buttons.

The same checker as ``check()`` runs behind the button.  Where widgets cannot
render, the plain-text fallback tells the learner to call ``check()`` instead.

>>> box = ask("00-paragraphs")
>>> box.answer_input.value = "25"
>>> box.check_button.click()
>>> box.last_feedback.passed
True
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..checks import check, hint, instructor_mode, solution
from ..exercises import get_exercise
from .fallback import WithFallback


class ExerciseWidget(WithFallback):
    """A displayable exercise; its parts are attributes so tests can drive them."""

    def __init__(self, exercise_id: str):
        exercise = get_exercise(exercise_id)
        self.exercise = exercise
        self.last_feedback = None
        if exercise.kind == "choice":
            self.answer_input = widgets.RadioButtons(
                options=list(exercise.options), value=None, layout=widgets.Layout(width="auto")
            )
        elif exercise.kind == "set":
            self.answer_input = widgets.Textarea(placeholder="one item per line, or separated by commas")
        else:
            self.answer_input = widgets.Text(placeholder="your answer", continuous_update=False)
        self.check_button = widgets.Button(description="Check", icon="check", button_style="primary")
        self.hint_button = widgets.Button(description="Hint", icon="lightbulb-o")
        self.feedback = widgets.HTML(value="")
        self.check_button.on_click(self._on_check)
        self.hint_button.on_click(self._on_hint)
        buttons = [self.check_button, self.hint_button]
        if instructor_mode():
            self.reveal_button = widgets.Button(description="Reveal solution", icon="eye", button_style="warning")
            self.reveal_button.on_click(self._on_reveal)
            buttons.append(self.reveal_button)
        title = widgets.HTML(f"<b>{html.escape(exercise.title)}</b><br>{html.escape(exercise.prompt)}")
        box = widgets.VBox([title, self.answer_input, widgets.HBox(buttons), self.feedback])
        box.add_class("cr-exercise")
        options = "".join(f"\n  {chr(ord('a') + n)}) {option}" for n, option in enumerate(exercise.options))
        how = ", with the option's letter or words" if options else ""
        fallback = (
            f"Exercise {exercise.id}: {exercise.prompt}{options}\n"
            f"(The interactive version does not show here. Answer in a code cell: "
            f'check("{exercise.id}", your_answer){how})'
        )
        super().__init__(box, fallback)

    def _show(self, feedback) -> None:
        self.last_feedback = feedback
        self.feedback.value = feedback._repr_html_()

    def _on_check(self, _button=None) -> None:
        self._show(check(self.exercise.id, self.answer_input.value))

    def _on_hint(self, _button=None) -> None:
        self._show(hint(self.exercise.id))

    def _on_reveal(self, _button=None) -> None:
        self._show(solution(self.exercise.id))


def ask(exercise_id: str) -> ExerciseWidget:
    """Display exercise ``exercise_id`` as a widget (with a plain-text fallback)."""
    return ExerciseWidget(exercise_id)
