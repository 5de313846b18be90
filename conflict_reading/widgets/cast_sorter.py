"""The cast sorter: one party of the article at a time, marked in its sentence; the learner says whether
the article casts it as one who acts, one who threatens, or one who suffers.

The cast is data (``data/annotations/<article>.cast.toml``, read by :func:`conflict_reading.cast.cast_of`);
each wrong role has its own message, saying what to reread.  After sorting, ``cast_table`` shows who of
each role has a voice in the article.

>>> sorter = CastSorter("koalisi-isis-roma")
>>> sorter.header.value
'<b>Party 1 of 8</b> · ¶2'
>>> sorter.role_buttons.value = "victim"
>>> sorter.check_button.click()
>>> sorter.last_feedback.passed, sorter.score_text
(False, '0 of 8 sorted right')
>>> sorter.role_buttons.value = "threat"
>>> sorter.check_button.click()
>>> sorter.last_feedback.passed, sorter.score_text
(True, '1 of 8 sorted right')
"""

from __future__ import annotations

import ipywidgets as widgets

from ..article import Article, load_article
from ..cast import ROLE_DESCRIPTIONS, ROLES, cast_of
from ..explore import translation
from .sorter import ChoiceSorter
from .stepper import in_paragraphs, sample_text


class CastSorter(ChoiceSorter):
    """Actor, threat or victim?  One party at a time, in its sentence: pick the part the article gives it.

    For tests: ``index``, ``role_buttons``, ``check_button``, ``prev_button``, ``next_button``,
    ``feedback`` (HTML), ``results``, ``answers``, ``last_feedback``, ``items`` (the parties).
    """

    def __init__(self, article, show_english: bool = True, paragraphs=None):
        self.article = article if isinstance(article, Article) else load_article(article)
        items = in_paragraphs(cast_of(self.article), self.article, paragraphs)
        self.english = translation(self.article) if show_english else None
        self.role_buttons = widgets.ToggleButtons(
            options=[(f"{role}: {ROLE_DESCRIPTIONS[role]}", role) for role in ROLES], value=None,
            description="Cast as:", style={"button_width": "auto"},
        )
        fallback = (
            f"Cast sorter: {len(items)} parties of {self.article.name!r}{sample_text(paragraphs)}, one at a time: "
            "does the article cast each as an actor (acts or decides), a threat (endangers others) or a victim "
            "(is harmed, in danger or in need)?\n(The interactive sorter does not show here. Run "
            "cast_table(article, found.quotes), cover its role column, decide each party's role from the text, "
            "then uncover it and compare.)"
        )
        intro = ("<b>Actor, threat or victim?</b> Read the marked words (<b>[this party]</b>) in their sentence, "
                 "and think of the whole article: does it show this party <i>acting</i>, <i>threatening</i> "
                 "others, or <i>suffering</i>? It is the article's casting you are sorting, not your own view "
                 "of the party. Pick, then press <b>Check</b>.")
        self.choice_buttons, self.noun, self.marker, self.field = self.role_buttons, "Party", "this party", "role"
        empty = (f"The kit has no cast of {self.article.name} (data/annotations/{self.article.name}.cast.toml): "
                 "list the parties the article names, and sort them on paper.")
        self._setup(items, [self.role_buttons], fallback, intro, empty)
        self.widget.add_class("cr-cast-sorter")

    def _message(self, record: dict, chosen: str) -> str:
        if chosen == record["role"]:
            return f"Correct: {record['right']}"
        told = record["wrong"].get(chosen) or f"Reread “{record['text']}” in ¶{record['paragraph']} and its sentence."
        return f"Not yet: {told}"
