"""The choice sorter: one item at a time, marked in its sentence; the learner picks one of a few
labels (a number's kind, a place's role) and is told why it is, or is not, that label.

:class:`ChoiceSorter` is the base of :class:`.numbers.KindSorter` and
:class:`.places.RoleSorter`.  A subclass supplies:

- ``self.article``, ``self.english`` (the paragraphs' translations, or None)
  and the items (rows of the answer-key table, with ``start``, ``end`` and
  ``paragraph``), passed to ``_setup`` with ``[self.choice_buttons]`` as inputs;
- ``choice_buttons`` (a ToggleButtons whose options are the labels),
  ``noun`` ("Number", for the header), ``marker`` ("this number", the label
  after the marked words) and ``field`` (the answer-key column: "kind");
- ``_message(record, chosen)``: the feedback for the label ``chosen``, right or not.

>>> import ipywidgets as widgets
>>> from conflict_reading import Article
>>> class BigOrSmall(ChoiceSorter):
...     noun, marker, field = "Number", "this number", "size"
...     def __init__(self, article, records):
...         self.article, self.english = article, None
...         self.choice_buttons = widgets.ToggleButtons(options=["big", "small"], value=None)
...         self._setup(records, [self.choice_buttons], "Sort the numbers.", "Big or small?")
...     def _message(self, record, chosen):
...         return "Correct." if chosen == record["size"] else "Not yet."
>>> article = Article.from_text("Koalisi ini beranggotakan 77 negara.")
>>> sorter = BigOrSmall(article, [{"start": 26, "end": 28, "paragraph": 1, "size": "big"}])
>>> sorter.choice_buttons.value = "big"
>>> sorter.check_button.click()
>>> sorter.last_feedback.message, sorter.score_text
('Correct.', '1 of 1 sorted right')
"""

from __future__ import annotations

import html

from ..feedback import Feedback
from .colours import tint
from .markup import english_line_html, frame_html, label_html
from .stepper import Stepper


class ChoiceSorter(Stepper):
    """One item at a time, marked in its sentence; the learner picks one of a few labels.

    Subclasses set ``choice_buttons`` (a ToggleButtons), ``noun`` ("Number"),
    ``marker`` ("this number") and ``field`` (the answer-key column), and provide
    ``_message(record, chosen)``.
    """

    noun = "Item"
    marker = "this item"
    field = "kind"  # the column of the table that is the answer key
    score_verb = "sorted"

    def _on_check(self, _button=None) -> None:
        if not self.items:
            return
        chosen = self.choice_buttons.value
        if chosen is None:
            self._give(Feedback(False, f"Pick a {self.field} first, then press Check.", state="info"), counts=False)
            return
        self.answers[self.index] = chosen
        record = self.items[self.index]
        self._give_verdict(Feedback(chosen == record[self.field], self._message(record, chosen)))

    def _store(self) -> None:
        if self.choice_buttons.value is not None:
            self.answers[self.index] = self.choice_buttons.value

    def _restore(self) -> None:
        self.choice_buttons.value = self.answers.get(self.index)

    def _sentence_bounds(self, record: dict) -> tuple[int, int]:
        for row in self.article.sentences.itertuples(index=False):
            if row.start <= record["start"] < row.end:
                return int(row.start), max(int(row.end), record["end"])
        return record["start"], record["end"]

    def _render(self) -> None:
        record = self.items[self.index]
        self.header.value = f"<b>{self.noun} {self.index + 1} of {len(self.items)}</b> · ¶{record.get('paragraph')}"
        start, end = self._sentence_bounds(record)
        text = self.article.text
        body = (html.escape(text[start:record["start"]])
                + f'<mark style="background:{tint("#F0E442", .55)};color:#111;border-bottom:3px solid #000;'
                  f'padding:0 .1em">{html.escape(text[record["start"]:record["end"]])}</mark>'
                + label_html(self.marker, "#000000") + html.escape(text[record["end"]:end]))
        self.context.value = frame_html(body + english_line_html(self.english, record.get("paragraph")))
