"""The walk-through base of the lesson widgets: one item at a time, Previous / Next, Check, a score.

:class:`Stepper` holds what every walk-through shares: the buttons, the item
counter, the feedback remembered per item (going back shows it again) and the
score line.  A subclass supplies the items and the inputs (through
``_setup``) and four methods:

- ``_store()``: keep the current item's inputs (in ``self.answers`` or its own dict);
- ``_restore()``: put them back when the learner returns to an item;
- ``_render()``: fill ``self.header`` and ``self.context`` for the current item;
- ``_on_check()``: judge the answer and show the verdict with ``_give_verdict``
  (or ``_give`` for a message that is not a verdict, ``counts=False``).

``score_verb`` words the score line ("3 of 7 checked right"); a subclass
with another kind of score overrides ``_update_score``.  Subclasses in the
kit: :class:`.sorter.ChoiceSorter` (pick one label), :class:`.word_hunt.WordHunt`
(tick the words), and the quotation walk-throughs in :mod:`.quotes`.

The callbacks are plain methods, so tests drive a walk-through with no front
end: set an input's value, then ``.click()`` a button.

>>> import ipywidgets as widgets
>>> from conflict_reading.feedback import Feedback
>>> class Sums(Stepper):
...     def __init__(self):
...         self.box = widgets.Text()
...         self._setup([(1, 1), (2, 3)], [self.box], "Sums: add the numbers.", "Add the numbers.")
...     def _store(self): self.answers[self.index] = self.box.value
...     def _restore(self): self.box.value = self.answers.get(self.index, "")
...     def _render(self): self.header.value = "%d + %d" % self.items[self.index]
...     def _on_check(self, _button=None):
...         self._store()
...         self._give_verdict(Feedback(self.box.value == str(sum(self.items[self.index])), "Checked."))
>>> walk = Sums()
>>> walk.box.value = "2"
>>> walk.check_button.click()
>>> walk.next_button.click()
>>> walk.header.value, walk.score_text
('2 + 3', '1 of 2 checked right')
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..feedback import Feedback
from .fallback import WithFallback
from .markup import feedback_html


def in_paragraphs(items: list, article, paragraphs) -> list:
    """The items of a walk-through that lie in ``paragraphs`` (all of them when it is None).

    A teacher sizes a widget pass to fit a block of class time with ``paragraphs="12-16"`` (or a
    number, a list, a range).  An item's paragraph is its ``paragraph``, or the range from
    ``paragraph_start`` to ``paragraph_end``.

    >>> from conflict_reading import Article
    >>> article = Article.from_text("Satu.\\nDua.\\nTiga.")
    >>> in_paragraphs([{"paragraph": 1}, {"paragraph_start": 2, "paragraph_end": 3}], article, "3")
    [{'paragraph_start': 2, 'paragraph_end': 3}]
    """
    if paragraphs is None:
        return items
    from ..article_view import paragraph_numbers

    wanted = set(paragraph_numbers(paragraphs, len(article.paragraphs)))

    def spans(item) -> set[int]:
        if "paragraph" in item:
            return {int(item["paragraph"])}
        return set(range(int(item["paragraph_start"]), int(item["paragraph_end"]) + 1))

    return [item for item in items if spans(item) & wanted]


def sample_text(paragraphs) -> str:
    """How a widget's plain text names its sample: '' for the whole article, ' (¶12-16)' otherwise."""
    if paragraphs is None:
        return ""
    return f" (¶{paragraphs})" if isinstance(paragraphs, (str, int)) else " (some paragraphs)"


class Stepper(WithFallback):
    """Prev / Next over ``self.items``, answers remembered per item, a score line.

    For tests: ``index``, ``items``, ``answers``, ``results`` (index → verdict),
    ``check_button``, ``prev_button``, ``next_button``, ``feedback`` (HTML),
    ``score`` (HTML), ``last_feedback``.
    """

    noun = "item"
    score_verb = "checked"

    def _setup(self, items: list, inputs: list, fallback: str, intro: str, empty: str | None = None) -> None:
        """Build the walk-through over ``items`` with ``inputs`` under the text; ``fallback`` is the
        plain text shown where widgets cannot be, ``empty`` the header when there are no items."""
        self.items = items
        self.index = 0
        self.answers: dict[int, object] = {}
        self.results: dict[int, object] = {}
        self.last_feedback: Feedback | None = None
        self._shown: dict[int, str] = {}
        self._feedbacks: dict[int, Feedback] = {}
        self.header = widgets.HTML()
        self.context = widgets.HTML()
        self.check_button = widgets.Button(description="Check", icon="check", button_style="primary")
        self.prev_button = widgets.Button(description="Previous", icon="arrow-left")
        self.next_button = widgets.Button(description="Next", icon="arrow-right")
        self.feedback = widgets.HTML(value="")
        self.score = widgets.HTML()
        self.check_button.on_click(self._on_check)
        self.prev_button.on_click(lambda _b=None: self._go(-1))
        self.next_button.on_click(lambda _b=None: self._go(+1))
        self._buttons = widgets.HBox([self.prev_button, self.check_button, self.next_button])
        self.box = widgets.VBox([widgets.HTML(intro), self.header, self.context, *inputs, self._buttons,
                                 self.feedback, self.score])
        super().__init__(self.box, fallback)
        if not items:
            for control in (self.check_button, self.prev_button, self.next_button, *inputs):
                if control.has_trait("disabled"):
                    control.disabled = True
            self.header.value = f"<b>{html.escape(empty or f'No {self.noun}s to work through in this table.')}</b>"
        self._show()

    def _go(self, step: int) -> None:
        if not self.items:
            return
        self._store()
        self.index = min(max(self.index + step, 0), len(self.items) - 1)
        self._show()

    def _show(self) -> None:
        self.prev_button.disabled = self.index <= 0 or not self.items
        self.next_button.disabled = self.index >= len(self.items) - 1
        self._update_score()
        if not self.items:
            return
        self._restore()
        self.feedback.value = self._shown.get(self.index, "")
        self.last_feedback = self._feedbacks.get(self.index)
        self._render()

    def _give(self, feedback: Feedback, extra_html: str = "", counts: bool = True) -> None:
        """Show ``feedback`` (and ``extra_html`` under it); a real check (``counts``) is remembered for
        this item, so that going back to it shows it again."""
        self.last_feedback = feedback
        self.feedback.value = feedback_html(feedback) + extra_html
        if counts:
            self._shown[self.index] = self.feedback.value
            self._feedbacks[self.index] = feedback
        self._update_score()

    def _give_verdict(self, feedback: Feedback) -> None:
        """Score the current item by ``feedback.passed`` and show the feedback."""
        self.results[self.index] = feedback.passed
        self._give(feedback)

    @property
    def score_text(self) -> str:
        right = sum(1 for passed in self.results.values() if passed)
        return f"{right} of {len(self.items)} {self.score_verb} right"

    def _update_score(self) -> None:
        checked = len(self.results)
        more = f" ({checked} checked so far)" if 0 < checked < len(self.items) else ""
        self.score.value = f"<b>Score:</b> {self.score_text}{more}"

    # A subclass fills these in.
    def _store(self) -> None:  # keep the current item's inputs
        raise NotImplementedError

    def _restore(self) -> None:  # put the current item's inputs back
        raise NotImplementedError

    def _render(self) -> None:  # the header and context of the current item
        raise NotImplementedError

    def _on_check(self, _button=None) -> None:
        raise NotImplementedError
