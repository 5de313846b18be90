"""Counting an article's words: one table of words, counts with their English glosses, and a chart.

Lesson 01 counts in short pandas lines on a table this module makes, each line with one blank::

    words = word_table(article)                                  # one row per word, in reading order
    count_words(words[words["stop_word"] == False])              # the most frequent words, glossed
    words_per_paragraph(article)                                 # a bar chart: where the words go

Every count comes back with a ``gloss`` column, so that no Indonesian word is shown without its
English: the gloss comes from the kit's glossary (``data/glossary.csv``); a capitalised word that is
part of a person's name in the article's people file (``data/annotations/<article>.people.toml``)
is glossed as such, so that *Di* in *Di Maio* is not read as the preposition *di* (in, at).

>>> from conflict_reading import Article
>>> article = Article.from_text("Amerika melancarkan serangan. Serangan itu di Suriah.", name="no-such-article")
>>> words = word_table(article)
>>> words[["word", "lower", "capitalised", "stop_word"]].head(3).values.tolist()
[['Amerika', 'amerika', True, False], ['melancarkan', 'melancarkan', False, False], ['serangan', 'serangan', False, False]]
>>> count_words(words, top=2).values.tolist()
[['serangan', 2, 'attack; strike'], ['Amerika', 1, 'America']]
"""

from __future__ import annotations

import pandas as pd

from .article import Article, load_article
from .explore import glossary
from .lexicons import word_list

WORD_COLUMNS = ["paragraph", "sentence", "word", "lower", "capitalised", "stop_word"]
COUNT_COLUMNS = ["word", "count", "gloss"]
TOP = 15  # rows a count shows unless told otherwise: one screen

# Some entries of the stop-word list of Sastrawi, a popular Indonesian text-processing library, that the
# kit's own list keeps on purpose: reporting verbs, numbers and quantities, and the speakers' pronouns.
# Checked against the list in the PyPI package pysastrawi 1.2.1 (Sastrawi.StopWordRemover, 787 words):
# every word below is on it.  The older package Sastrawi 1.0.1 has a short list (126 words) that still
# drops dua, kami, kita, saya and mereka.
GENERAL_LIST_SAMPLE = {
    "reporting verb": ["mengatakan", "kata", "ujar", "ungkap", "tegas", "menegaskan", "menyatakan"],
    "number or quantity": ["satu", "dua", "tiga", "lima", "pertama", "kedua", "sejumlah", "beberapa"],
    "pronoun": ["kami", "kita", "saya", "mereka"],
}


def _article(article) -> Article:
    return article if isinstance(article, Article) else load_article(article)


def _stop_words(language: str) -> frozenset[str]:
    return word_list("stopwords-en" if language == "en" else "stopwords-id")


def word_table(article) -> pd.DataFrame:
    """One row per word of ``article`` (an Article, or its name or path), in reading order.

    Columns: ``paragraph``, ``sentence``, ``word`` (as written), ``lower`` (in lower case),
    ``capitalised`` (starts with a capital letter), ``stop_word`` (on the kit's stop-word list for the
    article's language, ``conflict_reading/lexicons/stopwords-id.txt`` or ``stopwords-en.txt``).
    """
    article = _article(article)
    tokens = article.tokens
    table = pd.DataFrame({
        "paragraph": tokens["paragraph"].astype(int),
        "sentence": tokens["sentence"].astype(int),
        "word": tokens["token"].astype(str),
    })
    table["lower"] = table["word"].str.lower()
    table["capitalised"] = table["word"].str[:1].str.isupper().astype(bool)
    table["stop_word"] = table["lower"].isin(_stop_words(article.language)).astype(bool)
    table.attrs["article"] = article.name
    return table.reset_index(drop=True)[WORD_COLUMNS]


def _name_parts(article_name: str | None) -> dict[str, str]:
    """Each word of a person's name in the article's people file → "part of the name …"."""
    if not article_name:
        return {}
    try:
        from .answers import people_of

        people = people_of(article_name)
    except Exception:  # no people file, or one that cannot be read: no names to gloss
        return {}
    parts = {}
    for person in people:
        name = getattr(person, "name", "")
        for word in str(name).split():
            parts.setdefault(word, f"part of a person's name ({name})" if word != name.split()[-1] or len(name.split()) == 1
                             else f"a person's name ({name})")
    return parts


def glosses() -> tuple[dict[str, str], dict[str, str]]:
    """The glossary as two dictionaries: term as written → gloss, and term in lower case → gloss."""
    terms = glossary()
    exact = dict(zip(terms["term"].astype(str), terms["gloss"].astype(str)))
    lower = dict(zip(terms["term"].astype(str).str.lower(), terms["gloss"].astype(str)))
    return exact, lower


def gloss_of(word: str, names: dict[str, str] | None = None) -> str:
    """The English gloss of one word: a person's name, the glossary's entry as written, or in lower case; else "".

    >>> gloss_of("serangan"), gloss_of("Suriah"), gloss_of("Di", {"Di": "part of a person's name (Luigi Di Maio)"})
    ('attack; strike', 'Syria', "part of a person's name (Luigi Di Maio)")
    """
    exact, lower = glosses()
    if names and word in names:
        return names[word]
    return exact.get(word) or lower.get(word.lower(), "")


def count_words(words: pd.DataFrame, top: int = TOP) -> pd.DataFrame:
    """The ``top`` most frequent words of ``words`` (a :func:`word_table`, or rows of one), with glosses.

    Words are counted in lower case (*Serangan* and *serangan* are one word) and shown as they are
    written most often among the rows given.  Columns: ``word``, ``count``, ``gloss``; ties keep
    reading order.
    """
    if not isinstance(words, pd.DataFrame) or not {"word", "lower"} <= set(words.columns):
        raise TypeError("count_words() counts a table made by word_table(article), or some of its rows: "
                        "for example count_words(words[words[\"stop_word\"] == False]).")
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise ValueError(f"top is how many words to show: a whole number such as 10, not {top!r}.")
    if words.empty:
        return pd.DataFrame([], columns=COUNT_COLUMNS)
    names = _name_parts(words.attrs.get("article"))
    counts = words.groupby("lower", sort=False).size()
    ordered = counts.sort_values(ascending=False, kind="stable").head(top)
    shown = words.groupby("lower", sort=False)["word"].agg(lambda forms: forms.value_counts().index[0])
    rows = []
    for lower, count in ordered.items():
        form = shown[lower]
        rows.append((form, int(count), gloss_of(form, names)))
    return pd.DataFrame(rows, columns=COUNT_COLUMNS)


def look_up(word: str) -> pd.DataFrame:
    """The glossary's entries for ``word`` (any case): columns term, gloss, category, note.

    >>> look_up("Serangan")["gloss"].tolist()
    ['attack; strike']
    """
    if not isinstance(word, str):
        raise TypeError(f'look_up() takes a word in quotes, for example look_up("serangan"), not {word!r}.')
    terms = glossary()
    found = terms[terms["term"].str.lower() == word.strip().lower()]
    if found.empty:
        print(f"{word!r} is not in the kit's glossary (data/glossary.csv): the translation beside the article "
              "gives its sense in context.")
    return found.reset_index(drop=True)


def removed_by_general_list(article) -> pd.DataFrame:
    """The words of ``article`` that a general-purpose Indonesian stop-word list would throw away and the
    kit's list keeps: columns word, count, gloss, kind (reporting verb, number or quantity, pronoun).

    The words are :data:`GENERAL_LIST_SAMPLE`, some entries of the Sastrawi package's list.
    """
    article = _article(article)
    counts = pd.Series(article.words(lower=True), dtype=object).value_counts()
    rows = [(word, int(counts.get(word, 0)), gloss_of(word), kind)
            for kind, sample in GENERAL_LIST_SAMPLE.items() for word in sample if counts.get(word, 0)]
    return pd.DataFrame(rows, columns=["word", "count", "gloss", "kind"])


def words_per_paragraph_figure(article):
    """A bar chart of ``article``'s words per paragraph, in reading order: the Figure."""
    import matplotlib.pyplot as plt

    article = _article(article)
    table = article.paragraphs
    figure, ax = plt.subplots(figsize=(10, 4))
    ax.bar(table["paragraph"], table["word_count"], color="tab:blue", edgecolor="black")
    ax.set_xlabel("Paragraph (in reading order)")
    ax.set_ylabel("Words")
    ax.set_title(f"Words per paragraph: {article.name}")
    if len(table) <= 40:
        ax.set_xticks(table["paragraph"])
    figure.tight_layout()
    return figure


def words_per_paragraph(article) -> None:
    """Draw a bar chart of ``article``'s words per paragraph: one bar per paragraph, in reading order."""
    import matplotlib.pyplot as plt

    words_per_paragraph_figure(article)
    plt.show()
