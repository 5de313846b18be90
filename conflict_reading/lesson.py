"""A lesson's start in one short cell: the names a lesson uses, and :func:`start`.

Every lesson notebook begins with the same three lines::

    ARTICLE = "koalisi-isis-roma"
    from conflict_reading.lesson import *
    article = start(ARTICLE)

``from conflict_reading.lesson import *`` brings in exactly the names in
``__all__``: the checking and progress functions, the engines (``find_quotes``,
``find_numbers``, ``find_places``), the glossary and translation, the lesson
widgets, ``pd`` (pandas) and ``plt`` (matplotlib), and ``___``, the blank a
learner fills in (see :mod:`conflict_reading.blanks`).  :func:`start` loads
the article and applies the settings every lesson uses.

Names that only one lesson needs go in that lesson's block at the end of this
file (``# --- lesson 03 ---``), each block with its own imports and its own
``__all__ += [...]``, so that lesson writers never edit the same lines.

>>> import conflict_reading.lesson as lesson
>>> sorted(set(["check", "hint", "start", "pd", "plt"]) - set(lesson.__all__))
[]
>>> lesson.start("koalisi-isis-roma").name
'koalisi-isis-roma'
>>> import pandas
>>> pandas.get_option("display.max_colwidth")
100
>>> lesson.start(25)  # doctest: +ELLIPSIS
Traceback (most recent call last):
conflict_reading.errors.ArticleError: Cannot load an article from the number 25: ...
"""

from __future__ import annotations

import inspect

import matplotlib.pyplot as plt
import pandas as pd

from .article import DEFAULT_ARTICLE, Article, load_article
from .article_view import show_article
from .blanks import ___, install, refuse_blanks
from .checks import check, hint
from .explore import concordance, glossary, translation
from .learner import progress, reflect
from .numbers import find_numbers
from .places import find_places
from .presenter import presenter_mode
from .quotes import find_quotes
from .self_checks import self_check
from .widgets import (
    KindSorter, NumberHunt, PlaceSpotter, QuoteWalkthrough, RoleSorter, VerbSpotter, ask, highlight_numbers,
    highlight_places, highlight_quotes,
)
from .widgets.reflection import ReflectionBox
from .widgets.self_check import SelfCheck

# The settings every lesson uses (they were in each notebook's setup cell).
FONT_SIZE = 13  # matplotlib's text size on a laptop screen; presenter mode sets its own sizes
MAX_COLWIDTH = 100  # characters of a long text shown in a table cell

__all__ = [
    "start", "___",
    # checking, hints, progress
    "check", "hint", "progress", "reflect", "self_check", "ask",
    # the article, and reading it
    "Article", "load_article", "presenter_mode", "show_article", "glossary", "translation", "concordance",
    "find_quotes", "find_numbers", "find_places",
    # the lesson widgets
    "highlight_quotes", "QuoteWalkthrough", "VerbSpotter",
    "highlight_numbers", "NumberHunt", "KindSorter",
    "highlight_places", "PlaceSpotter", "RoleSorter",
    "ReflectionBox", "SelfCheck",
    # tables and charts
    "pd", "plt",
]


def start(article_name: str | Article = DEFAULT_ARTICLE) -> Article:
    """Start a lesson: apply the lessons' settings, then load and return the article.

    The settings: tables show long texts up to ``MAX_COLWIDTH`` characters,
    charts use ``FONT_SIZE`` unless presenter mode is on (then its own, bigger
    sizes), and in a notebook an error from an unfilled blank ``___`` or from a
    cell not run yet is one line (:func:`conflict_reading.blanks.install`).  A name that is not an
    article raises :class:`~conflict_reading.errors.ArticleError`, which a notebook shows as one line
    saying what to write instead.
    """
    pd.set_option("display.max_colwidth", MAX_COLWIDTH)
    if not presenter_mode():  # presenter_mode(True) in a cell: bigger charts and highlights for a projector
        plt.rcParams.update({"font.size": FONT_SIZE})
    install()
    return load_article(article_name)


# Lesson blocks: what one lesson adds to the names above.  Keep to your own block:
#     from .story import reading
#     __all__ += ["reading"]

# --- lesson 00 ---

# --- lesson 01 ---
from .word_counts import count_words, look_up, removed_by_general_list, word_table, words_per_paragraph

__all__ += ["word_table", "count_words", "look_up", "removed_by_general_list", "words_per_paragraph"]

# --- lesson 02 ---
from .voices import (  # noqa: E402  (who speaks and who is only spoken about: conflict_reading/voices.py)
    compare_quotes, cue_table, hand_annotation, hard_cases, in_their_sentences, last_paragraphs, lexicon_words,
    named_in_article, quoted_words, sources_chart, sources_table, verb_uses, voices_chart,
)
from .sources import find_sources  # noqa: E402
from .quotes import reporting_verbs  # noqa: E402

__all__ += [
    "compare_quotes", "cue_table", "hand_annotation", "hard_cases", "in_their_sentences", "last_paragraphs",
    "lexicon_words", "named_in_article", "quoted_words", "reporting_verbs", "verb_uses", "voices_chart",
    "find_sources", "sources_table", "sources_chart",
]

# --- lesson 03 ---
from .figures import (  # noqa: E402  (figures in a text: conflict_reading/figures.py)
    counts_by_place, dates_table, digits_left_out, engine_differences, money_chart, money_table, number_sources,
    numbers_of, readings, repeated_figures, words_before,
)

__all__ += ["numbers_of", "engine_differences", "readings", "counts_by_place", "money_table", "money_chart",
            "repeated_figures", "dates_table", "words_before", "number_sources", "digits_left_out"]

# --- lesson 04 ---
from .geography import attention_chart, compare_readings, exonyms, places_key, show_map  # noqa: E402

__all__ += ["places_key", "compare_readings", "show_map", "attention_chart", "exonyms"]

# --- lesson 05 ---
from .cast import cast_table
from .checklist_evidence import checklist_evidence
from .spelling import spelled_as
from .story import attributed_or_asserted, checklist, loaded_words, reading, story_table, timeline, unsourced_numbers
from .timeline_chart import timeline_chart
from .widgets.cast_sorter import CastSorter

__all__ += ["reading", "story_table", "timeline", "timeline_chart", "loaded_words", "CastSorter", "cast_table",
            "attributed_or_asserted", "unsourced_numbers", "spelled_as", "checklist", "checklist_evidence"]

# --- lesson 06 ---
from .agency import agentless, find_agency  # noqa: E402  (who does what to whom: conflict_reading/agency.py)
from .doers import doers_table  # noqa: E402
from .widgets.doer_sorter import DoerSorter  # noqa: E402

__all__ += ["find_agency", "agentless", "doers_table", "DoerSorter"]

# --- lesson 07 ---
from .dossier import (  # noqa: E402  (what other sources say: conflict_reading/dossier.py)
    compare_topic, dossier_chart, dossier_claims, dossier_grid, dossier_voices, load_dossier,
)

__all__ += ["load_dossier", "dossier_claims", "compare_topic", "dossier_chart", "dossier_grid", "dossier_voices"]


# --- end of the lesson blocks ---
# A blank ___ given to any function above says "fill in the blank" (check() says "Not answered yet").
for _name in __all__:
    if _name != "check" and inspect.isfunction(globals()[_name]):
        globals()[_name] = refuse_blanks(globals()[_name])
del _name
