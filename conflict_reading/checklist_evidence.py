"""The checklist applied: for each question of the critical-reading checklist, what the kit's tables found.

The checklist (``data/checklist.toml``, :func:`conflict_reading.story.checklist`) asks questions; this
module gathers, for one article, the evidence each question needs from the tables of
:mod:`conflict_reading.story`.  The tables give evidence, never the judgement: that is the reader's.

>>> from conflict_reading import Article
>>> article = Article.from_text("Menlu Budi mengatakan, “Kami menyerang kelompok teror itu.”\\nPolisi menangkap 3 teroris.")
>>> table = checklist_evidence(article)
>>> table.set_index("id").loc["voices", "evidence"]
'1 speaker(s) quoted: Budi.'
"""

from __future__ import annotations

import pandas as pd

from .article import Article, load_article
from .story import (REPORTER, Reading, attributed_or_asserted, checklist, loaded_words, reading, story_table,
                    timeline, unsourced_numbers)


def _joined(values, none: str) -> str:
    return ", ".join(sorted(set(values))) or none


def evidence(article: Article, found: Reading | None = None) -> dict[str, str]:
    """The evidence for each checklist question, by the question's id, in a line of text."""
    found = found or reading(article)
    quotes, numbers, places = found.quotes, found.numbers, found.places
    story = story_table(article, quotes, numbers, places)
    words = loaded_words(article, quotes=quotes, places=places)
    claims = attributed_or_asserted(article, quotes, numbers, places)
    bare = unsourced_numbers(article, numbers, quotes)
    events = timeline(article, numbers, quotes)
    dated = events.dropna(subset=["when"])
    speakers = sorted(set(story.loc[story["voice"] != REPORTER, "voice"]))
    labels = words[words["category"] == "label"]
    label_text = "; ".join(f"{term} ({len(rows)}x, by {', '.join(sorted(set(rows['voice'])))})"
                           for term, rows in labels.groupby("term"))
    by_category = lambda category: words.loc[words["category"] == category, "match"].str.lower()  # noqa: E731
    return {
        "voices": f"{len(speakers)} speaker(s) quoted: {', '.join(speakers) or 'none'}.",
        "labels": label_text or "no labels from the lexicon",
        "violence-words": _joined(by_category("violence"), "no violence words from the lexicon"),
        "attribution": ", ".join(f"{n} {kind}" for kind, n in claims["attribution"].value_counts().items())
                       + " sentence(s) with a claim",
        "numbers": f"{len(bare)} number(s) in the reporter's own voice, no source",
        "time": (f"dated events from {dated['date'].iloc[0]} to {dated['date'].iloc[-1]}; " if len(dated) else "")
                + f"{len(events) - len(dated)} undated",
        "frame": "the lead: " + (story["text"].iloc[0][:120] + "…" if len(story) else ""),
        "places": ", ".join(dict.fromkeys(places["name"].astype(str))) or "no places",
        "outcome": _joined(by_category("outcome"), "no outcome words from the lexicon"),
    }


def checklist_evidence(article, found: Reading | None = None) -> pd.DataFrame:
    """The checklist's questions with what the kit's tables found in ``article``: columns id, question, evidence.

    ``found``: the article's :class:`~conflict_reading.story.Reading` (made here when not given).
    """
    article = article if isinstance(article, Article) else load_article(article)
    items = checklist()
    found_evidence = evidence(article, found)
    return items.assign(evidence=items["id"].map(found_evidence).fillna(""))[["id", "question", "evidence"]]
