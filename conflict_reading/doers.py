"""Who does it? The actions of violence in an article, and where a reader learns who does each.

A sentence can name the doer of an act (*Amerika melancarkan serangan udara*: America launched airstrikes), leave it
to a sentence before (*menjadi target serangan itu*: became the target of that attack), or never say it
(*dikalahkan*: was defeated).  Which is which is a person's reading of the whole text, kept as data:
``data/annotations/<article>.doers.toml`` (see its comments).  Lesson 06's :class:`DoerSorter
<conflict_reading.widgets.doer_sorter.DoerSorter>` asks learners first; :func:`doers_table` is its plain-text route.

An article with no doers file has none (an empty list, an empty table): sort its actions on paper.

>>> [(action["paragraph"], action["doer"]) for action in doers_of("koalisi-isis-roma")][:3]
[(2, 'named'), (8, 'untold'), (10, 'untold')]
>>> doers_table("koalisi-isis-roma")["doer"].value_counts().to_dict()
{'named': 4, 'untold': 2, 'told': 2}
"""

from __future__ import annotations

import pandas as pd

from .marked_words import marked_entries

DOERS = ("named", "told", "untold")
DOER_DESCRIPTIONS = {
    "named": "this sentence names who does it",
    "told": "another sentence lets you tell who",
    "untold": "the article never says who",
}
DOER_COLUMNS = ["paragraph", "words", "doer", "who"]


def doers_of(article) -> list[dict]:
    """The actions of ``article``'s doers file, in reading order, each with ``start`` and ``end`` (the marked words
    in ``article.text``); [] when the kit has no such file for this article.

    An action whose words are not in its paragraph is a broken file: one KitError line, naming it.
    """
    return marked_entries(article, "doers", "action", "doer", DOERS, "doers")


def doers_table(article) -> pd.DataFrame:
    """One row per action of the doers file: its ``paragraph``, the marked ``words``, where the reader learns the
    ``doer`` (named, told, untold) and ``who`` it is.  Cover the last two columns, decide, then compare."""
    rows = [{"paragraph": action["paragraph"], "words": action["text"], "doer": action["doer"], "who": action["who"]}
            for action in doers_of(article)]
    return pd.DataFrame(rows, columns=DOER_COLUMNS)
