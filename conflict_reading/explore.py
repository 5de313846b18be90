"""Small helpers for exploring an article in the lessons.

They return tables and lists instead of printing, so that a notebook can
sort, filter and show them like any other pandas result:

- :func:`concordance`: every use of a word, with its context *as printed*
  (quotation marks included) and the paragraph it is in;
- :func:`translation`: the English translation of an article, if the kit has one;
- :func:`glossary`: the kit's glossary (``data/glossary.csv``) as a DataFrame.

>>> from conflict_reading import Article
>>> article = Article.from_text("Amerika melancarkan serangan.\\n“Serangan itu perlu,” kata dia.")
>>> concordance(article, "serangan", width=10)[["paragraph", "left", "match", "right"]].values.tolist()
[[1, 'lancarkan ', 'serangan', '.'], [2, '“', 'Serangan', ' itu perlu']]
"""

from __future__ import annotations

import pandas as pd

from .article import Article, load_article
from .errors import KitError
from .paths import data_dir

CONCORDANCE_COLUMNS = ["paragraph", "sentence", "left", "match", "right", "start"]
GLOSSARY_COLUMNS = ["term", "gloss", "category", "note"]


def concordance(article: Article, word: str, width: int = 40) -> pd.DataFrame:
    """Every occurrence of ``word`` in ``article``, one row each, in reading order.

    ``article`` is an :class:`Article`, or its name or path (read with
    :func:`~conflict_reading.load_article`, so a wrong one is one clear line).

    The match is on whole words, ignoring case but nothing else: a misspelt
    form (``koaisi`` for ``koalisi``) is a different word and is not found.
    ``left`` and ``right`` are up to ``width`` characters of the original text
    on each side, punctuation and quotation marks included, never running past
    the paragraph.  Columns: paragraph, sentence, left, match, right, start
    (the match's character offset in ``article.text``).

    >>> from conflict_reading import Article
    >>> article = Article.from_text("Mereka menyerang. “Kami tidak menyerang,” kata mereka.")
    >>> rows = concordance(article, "MEREKA", width=12)
    >>> rows[["sentence", "left", "match", "right"]].values.tolist()
    [[1, '', 'Mereka', ' menyerang. '], [2, 'rang,” kata ', 'mereka', '.']]
    >>> len(concordance(article, "koalisi"))
    0
    """
    article = load_article(article) if not isinstance(article, Article) else article
    if not isinstance(word, str):
        raise KitError(f"concordance() looks for a word in quotes (for example \"serangan\"), "
                       f"not a {type(word).__name__}.")
    target = word.strip().lower()
    tokens = article.tokens
    hits = tokens[tokens["token"].str.lower() == target]
    bounds = article.paragraphs.set_index("paragraph")[["start", "end"]]
    rows = []
    for hit in hits.itertuples(index=False):
        p_start, p_end = bounds.loc[hit.paragraph]
        rows.append(
            {
                "paragraph": hit.paragraph,
                "sentence": hit.sentence,
                "left": article.text[max(p_start, hit.start - width) : hit.start],
                "match": hit.token,
                "right": article.text[hit.end : min(p_end, hit.end + width)],
                "start": hit.start,
            }
        )
    return pd.DataFrame(rows, columns=CONCORDANCE_COLUMNS)


def translation(article: Article) -> list[str] | None:
    """The English translation of ``article`` (an Article, or its name or path), one string per paragraph, or None.

    It is read from ``data/translations/<article name>.en.txt`` (one paragraph
    per line, like the article).  An article without a translation gives None,
    so a notebook can say so instead of failing.

    >>> from conflict_reading import Article
    >>> translation(Article.from_text("Teks tanpa terjemahan.", name="no-such-article")) is None
    True
    """
    article = load_article(article) if not isinstance(article, Article) else article
    path = data_dir() / "translations" / f"{article.name}.en.txt"
    try:
        if not path.is_file():
            return None
    except OSError:  # a name too long for a file name has no translation either
        return None
    lines = path.read_text(encoding="utf-8").replace("\r\n", "\n").split("\n")
    paragraphs = [line.strip().lstrip("\ufeff").strip() for line in lines]
    return [p for p in paragraphs if p] or None


def glossary() -> pd.DataFrame:
    """The kit's glossary: one row per Indonesian term, columns term, gloss, category, note.

    Empty cells are empty strings.  If ``data/glossary.csv`` is missing, the
    table is empty but has the same columns, so lookups find nothing instead
    of failing.

    >>> list(glossary().columns)
    ['term', 'gloss', 'category', 'note']
    """
    path = data_dir() / "glossary.csv"
    if not path.is_file():
        return pd.DataFrame(columns=GLOSSARY_COLUMNS)
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    for column in GLOSSARY_COLUMNS:
        if column not in table.columns:
            table[column] = ""
    return table[GLOSSARY_COLUMNS]
