"""The cast of an article: who it shows acting, who threatening, who suffering, and who of them speaks.

A conflict report casts the parties it names: some **act** (they strike, meet, decide, give), some
**threaten** (they endanger others), some **suffer** (they are harmed, in danger or in need).  The cast
is a reading of the whole text, made by a person and kept as data:
``data/annotations/<article>.cast.toml`` (one ``[[party]]`` each: the words that name it, its paragraph,
its role, whose quoted words speak for it, and what to tell a learner; see the comments there).

- :func:`cast_of`: the parties, with where their words are in the text (``start``, ``end``);
- :func:`cast_table`: one row per party: its role, and how many quoted words its speakers have;
- :class:`conflict_reading.widgets.cast_sorter.CastSorter`: the learner sorts the parties first.

An article with no cast file has no cast (an empty list, an empty table): sort its parties yourself.

>>> [party["name"] for party in cast_of("koalisi-isis-roma")][:3]
['the militias backed by Iran', 'the coalition against ISIS', 'ISIS']
>>> from conflict_reading import load_article
>>> from conflict_reading.story import reading
>>> table = cast_table("koalisi-isis-roma", reading(load_article("koalisi-isis-roma")).quotes)
>>> table.groupby("role")["quoted_words"].max().to_dict()  # the most words any party of each role has
{'actor': 331, 'threat': 0, 'victim': 0}
"""

from __future__ import annotations

import pandas as pd

from .marked_words import marked_entries

ROLES = ("actor", "threat", "victim")
ROLE_DESCRIPTIONS = {
    "actor": "acts or decides",
    "threat": "endangers others",
    "victim": "is harmed, in danger or in need",
}
CAST_COLUMNS = ["party", "role", "paragraph", "words", "spoken_for_by", "quoted_words"]


def cast_of(article) -> list[dict]:
    """The parties of ``article``'s cast file, in reading order, each with ``start`` and ``end`` (the
    marked words in ``article.text``); [] when the kit has no cast of this article.

    A party whose words are not in its paragraph is a broken file: one KitError line, naming it.
    """
    return [{**party, "speakers": list(party.get("speakers", []))}
            for party in marked_entries(article, "cast", "party", "role", ROLES, "cast")]


def cast_table(article, quotes: pd.DataFrame) -> pd.DataFrame:
    """One row per party of the cast: its ``role``, the ``words`` that name it (¶``paragraph``), the
    people whose quoted words speak for it (``spoken_for_by``) and how many words of quotation they have
    (``quoted_words``, counted in ``quotes``, the article's quotations table).
    """
    counts: dict[str, int] = {}
    if quotes is not None and len(quotes):
        speech = quotes[quotes["kind"] != "scare"] if "kind" in quotes else quotes
        for speaker, text in zip(speech["speaker"], speech["text"].astype(str)):
            counts[speaker] = counts.get(speaker, 0) + len(text.split())
    rows = [{
        "party": party["name"], "role": party["role"], "paragraph": party["paragraph"], "words": party["text"],
        "spoken_for_by": ", ".join(party["speakers"]) or "nobody",
        "quoted_words": sum(counts.get(speaker, 0) for speaker in party["speakers"]),
    } for party in cast_of(article)]
    return pd.DataFrame(rows, columns=CAST_COLUMNS)
