"""Exact spelling: a computer search finds a word only as it is written.

A news text written fast keeps its slips (*koaisi* for *koalisi*, coalition), and every search and
count built on the dictionary spelling misses them.  :func:`spelled_as` searches an article for words
as you spell them and says how often, and where, each is found; the paragraphs it does **not** list
are where to read for another spelling.

>>> from conflict_reading import Article
>>> article = Article.from_text("Koalisi bertemu.\\nAnggota koaisi itu bertemu di Roma.")
>>> spelled_as(article, ["koalisi", "di Roma"]).values.tolist()
[['koalisi', 1, '¶1'], ['di Roma', 1, '¶2']]
"""

from __future__ import annotations

import bisect
import re

import pandas as pd

from .article import Article, load_article
from .errors import KitError


def _pattern(word: str) -> re.Pattern:
    """The word (or words) whole, any case, any spacing between words."""
    parts = [re.escape(part) for part in word.split()]
    return re.compile(r"(?<![\w-])" + r"\s+".join(parts) + r"(?![\w-])", re.IGNORECASE)


def spelled_as(article, words) -> pd.DataFrame:
    """How often each of ``words`` is in ``article``, spelled exactly so (case aside), and in which paragraphs.

    ``words``: one word or a list; a word may be several (``"di antara"``).  Columns: word, found, paragraphs.
    """
    article = article if isinstance(article, Article) else load_article(article)
    words = [words] if isinstance(words, str) else list(words)
    if not words or not all(isinstance(word, str) and word.strip() for word in words):
        raise KitError('spelled_as() looks for words in quotes, for example ["koalisi", "di antara"].')
    starts = article.paragraphs["start"].tolist()
    rows = []
    for word in words:
        where = [bisect.bisect_right(starts, match.start()) for match in _pattern(word).finditer(article.text)]
        rows.append({"word": word, "found": len(where),
                     "paragraphs": ", ".join(f"¶{n}" for n in dict.fromkeys(where)) or "none"})
    return pd.DataFrame(rows, columns=["word", "found", "paragraphs"])
