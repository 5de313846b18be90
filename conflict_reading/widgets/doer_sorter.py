"""The doer sorter: one act of violence at a time, marked in its sentence; the learner says whether the sentence
names who does it, another sentence lets a reader tell, or the article never says.

The answers are data (``data/annotations/<article>.doers.toml``, read by :func:`conflict_reading.doers.doers_of`);
each wrong answer has its own message, saying what to reread.

>>> sorter = DoerSorter("koalisi-isis-roma")
>>> sorter.header.value
'<b>Action 1 of 8</b> · ¶2'
>>> sorter.doer_buttons.value = "untold"
>>> sorter.check_button.click()
>>> sorter.last_feedback.passed, sorter.score_text
(False, '0 of 8 sorted right')
>>> sorter.doer_buttons.value = "named"
>>> sorter.check_button.click()
>>> sorter.last_feedback.passed, sorter.score_text
(True, '1 of 8 sorted right')
"""

from __future__ import annotations

import ipywidgets as widgets

from ..article import Article, load_article
from ..doers import DOER_DESCRIPTIONS, DOERS, doers_of
from ..explore import translation
from .sorter import ChoiceSorter
from .stepper import in_paragraphs, sample_text


class DoerSorter(ChoiceSorter):
    """Who does it? One act at a time, in its sentence: named here, told elsewhere, or never said.

    For tests: ``index``, ``doer_buttons``, ``check_button``, ``prev_button``, ``next_button``,
    ``feedback`` (HTML), ``results``, ``answers``, ``last_feedback``, ``items`` (the actions).
    """

    def __init__(self, article, show_english: bool = True, paragraphs=None):
        self.article = article if isinstance(article, Article) else load_article(article)
        items = in_paragraphs(doers_of(self.article), self.article, paragraphs)
        self.english = translation(self.article) if show_english else None
        self.doer_buttons = widgets.ToggleButtons(
            options=[(DOER_DESCRIPTIONS[doer], doer) for doer in DOERS], value=None,
            description="The doer:", style={"button_width": "auto"},
        )
        fallback = (
            f"Doer sorter: {len(items)} acts of violence in {self.article.name!r}{sample_text(paragraphs)}, one at a "
            "time: does the sentence name who does it, does another sentence let you tell, or does the article "
            "never say?\n(The interactive sorter does not show here. Run doers_table(article), cover its doer and "
            "who columns, decide each act from the text, then uncover them and compare.)"
        )
        intro = ("<b>Who does it?</b> Read the marked words (<b>[this act]</b>) in their sentence. Does the "
                 "<i>sentence</i> name who does it? If not, can you tell from the article who did? Or does the "
                 "article never say? Pick, then press <b>Check</b>.")
        self.choice_buttons, self.noun, self.marker, self.field = self.doer_buttons, "Action", "this act", "doer"
        empty = (f"The kit has no doers file for {self.article.name} (data/annotations/{self.article.name}.doers.toml): "
                 "list the acts of violence the article reports, and sort them on paper.")
        self._setup(items, [self.doer_buttons], fallback, intro, empty)
        self.widget.add_class("cr-doer-sorter")

    def _message(self, record: dict, chosen: str) -> str:
        if chosen == record["doer"]:
            return f"Correct: {record['right']}"
        told = record["wrong"].get(chosen) or f"Reread “{record['text']}” in ¶{record['paragraph']} and its sentence."
        return f"Not yet: {told}"
