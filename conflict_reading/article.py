"""The article as data: paragraphs, sentences and words in pandas.

>>> article = load_article("koalisi-isis-roma")
>>> len(article.paragraphs), len(article.sentences)
(25, 28)
>>> article.sentences.loc[0, ["paragraph", "sentence", "word_count"]].tolist()
[1, 1, 25]
"""

from __future__ import annotations

import os
import sys
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from .errors import ArticleError
from .paths import articles_dir
from .text import count_words, detect_language, sentence_spans, word_spans

DEFAULT_ARTICLE = "koalisi-isis-roma"
MAX_BYTES = 10_000_000  # a long report is ~50 kB; 10 MB is certainly not one article
SETTING = "ARTICLE"  # the one setting at the top of every notebook

_last_loaded: str | None = None  # the name of the article load_article() loaded last


def available_articles() -> list[str]:
    """The names of the articles in ``data/articles/`` (their file stems).

    >>> "koalisi-isis-roma" in available_articles()
    True
    """
    return sorted(p.stem for p in articles_dir().glob("*.txt"))


def _resolve(name_or_path: str | Path) -> Path:
    path = Path(name_or_path).expanduser()
    if path.exists():
        return path
    by_name = articles_dir() / f"{name_or_path}.txt"
    if by_name.exists():
        return by_name
    if path.suffix or len(path.parts) > 1:
        raise ArticleError(f"No file at {path}: check the file name and the folder.")
    known = ", ".join(available_articles()) or "none"
    raise ArticleError(
        f"No article file or name {str(name_or_path)!r}: give a path to a .txt file, "
        f"or one of the kit's articles ({known})."
    )


def read_article_text(path: str | Path) -> str:
    """The file's text, decoded as UTF-8 with CRLF turned into LF.

    Anything that is not a readable, non-empty UTF-8 text file raises
    :class:`ArticleError` with a one-line explanation.
    """
    path = Path(path)
    if not path.exists():
        raise ArticleError(f"No file at {path}: check the file name and the folder.")
    if path.is_dir():
        raise ArticleError(f"{path} is a folder, not an article: give the path to a .txt file.")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(
                f"{path.name} is {size / 1e6:.0f} MB, too large for one article "
                f"(the limit is {MAX_BYTES / 1e6:.0f} MB): split it into articles."
            )
        raw = path.read_bytes()
    except OSError as error:
        raise ArticleError(f"Cannot read {path}: {error.strerror or error}.") from None
    if b"\x00" in raw:
        raise ArticleError(
            f"{path.name} looks like a binary file (a .docx or .pdf?), not plain text: "
            "save it as 'Plain text (.txt), UTF-8' and try again."
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"{path.name} is not UTF-8 text (byte 0x{raw[error.start]:02x} at position "
            f"{error.start}): save it again as 'UTF-8' text and try again."
        ) from None
    text = text.replace("\r\n", "\n")
    if not text.strip():
        raise ArticleError(f"{path.name} is empty: it has no text to read.")
    return text


def _read_metadata(text_path: Path | None) -> dict:
    if text_path is None:
        return {}
    meta_path = text_path.with_suffix(".toml")
    if not meta_path.exists():
        return {}
    try:
        with open(meta_path, "rb") as handle:
            return tomllib.load(handle)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ArticleError(f"The metadata file {meta_path.name} is not valid TOML: {error}.") from None


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: each non-blank line, without its outer spaces.

    >>> paragraph_spans("Satu.\\n\\n  Dua. \\n")
    [(0, 5), (9, 13)]
    """
    spans = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip().lstrip("\ufeff").strip()
        if stripped:
            start = offset + line.index(stripped)
            spans.append((start, start + len(stripped)))
        offset += len(line) + 1
    return spans


@dataclass(frozen=True)
class Article:
    """One news article: its text, language, metadata, and tables of its parts.

    Offsets (``start``/``end``) are character positions in ``text``, so
    ``article.text[start:end]`` is always the row's text.
    """

    name: str
    text: str
    language: str = "auto"
    path: Path | None = None
    metadata: dict = field(default_factory=dict)

    def __post_init__(self):
        if not self.text.strip():
            raise ArticleError(f"The article {self.name!r} is empty: it has no text to read.")
        if self.language == "auto":
            object.__setattr__(self, "language", detect_language(self.text))
        elif self.language not in ("id", "en"):
            raise ArticleError(f"Unknown language {self.language!r}: use 'id', 'en' or 'auto'.")

    @classmethod
    def from_text(cls, text: str, name: str = "text", language: str = "auto") -> "Article":
        """An article from a string (CRLF becomes LF, as when reading a file).

        >>> Article.from_text("Dia datang. Kami pergi.").sentences["text"].tolist()
        ['Dia datang.', 'Kami pergi.']
        """
        return cls(name=name, text=text.replace("\r\n", "\n"), language=language)

    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        """One row per paragraph: paragraph, text, start, end, sentence_count, word_count."""
        counts = self.sentences.groupby("paragraph").size()
        rows = [
            {
                "paragraph": number,
                "text": self.text[start:end],
                "start": start,
                "end": end,
                "sentence_count": int(counts.get(number, 0)),
                "word_count": count_words(self.text[start:end]),
            }
            for number, (start, end) in enumerate(paragraph_spans(self.text), start=1)
        ]
        return pd.DataFrame(rows, columns=["paragraph", "text", "start", "end", "sentence_count", "word_count"])

    @cached_property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence: paragraph, sentence (numbered through the article), text, start, end, word_count."""
        rows = []
        for paragraph, (p_start, p_end) in enumerate(paragraph_spans(self.text), start=1):
            for sentence, start, end in sentence_spans(self.text[p_start:p_end]):
                rows.append(
                    {
                        "paragraph": paragraph,
                        "sentence": len(rows) + 1,
                        "text": sentence,
                        "start": p_start + start,
                        "end": p_start + end,
                        "word_count": count_words(sentence),
                    }
                )
        return pd.DataFrame(rows, columns=["paragraph", "sentence", "text", "start", "end", "word_count"])

    @cached_property
    def tokens(self) -> pd.DataFrame:
        """One row per word token (punctuation left out): paragraph, sentence, token, start, end."""
        columns = {"paragraph": [], "sentence": [], "token": [], "start": [], "end": []}
        table = self.sentences
        for paragraph, sentence, text, offset in zip(
            table["paragraph"].tolist(), table["sentence"].tolist(), table["text"].tolist(), table["start"].tolist()
        ):
            for start, end in word_spans(text):
                columns["paragraph"].append(paragraph)
                columns["sentence"].append(sentence)
                columns["token"].append(text[start:end])
                columns["start"].append(offset + start)
                columns["end"].append(offset + end)
        if not columns["token"]:
            return pd.DataFrame([], columns=list(columns))
        return pd.DataFrame(columns)

    def words(self, lower: bool = False) -> list[str]:
        """The word tokens in reading order, e.g. for ``nltk.FreqDist`` or ``nltk.Text``."""
        tokens = self.tokens["token"].tolist()
        return [t.lower() for t in tokens] if lower else tokens

    @property
    def word_count(self) -> int:
        """Words as a word processor counts them (runs of non-space characters)."""
        return count_words(self.text)

    def paragraph(self, number: int) -> str:
        """The text of paragraph ``number`` (counted from 1)."""
        if not 1 <= number <= len(self.paragraphs):
            raise ArticleError(f"There is no paragraph {number}: this article has {len(self.paragraphs)}.")
        return self.paragraphs.loc[number - 1, "text"]

    def summary(self) -> dict:
        """The ``article`` block of the ``extract --json`` contract."""
        return {
            "path": str(self.path) if self.path else None,
            "language": self.language,
            "paragraphs": len(self.paragraphs),
            "sentences": len(self.sentences),
            "words": self.word_count,
        }

    def __repr__(self) -> str:
        s = self.summary()
        return (
            f"<Article {self.name!r}: {s['paragraphs']} paragraphs, {s['sentences']} sentences, "
            f"{s['words']} words, language {s['language']!r}>"
        )


def load_article(name_or_path: str | Path = DEFAULT_ARTICLE, language: str = "auto") -> Article:
    """Load an article by name (``data/articles/<name>.txt``) or by path.

    Metadata comes from a ``.toml`` file of the same name beside the text, if any.
    The article becomes the current one (:func:`current_article`) unless the
    notebook's ``ARTICLE`` setting names another.
    """
    path = _resolve(name_or_path)
    text = read_article_text(path)
    metadata = _read_metadata(path)
    if language == "auto" and metadata.get("language") in ("id", "en"):
        language = metadata["language"]
    article = Article(name=path.stem, text=text, language=language, path=path, metadata=metadata)
    global _last_loaded
    _last_loaded = article.name
    return article


def article_name(setting) -> str | None:
    """The article name an ``ARTICLE`` setting stands for, or None if it is not one.

    A name stays a name; a path to a file gives the file's name without ``.txt``.

    >>> article_name("koalisi-isis-roma"), article_name("data/articles/koalisi-isis-roma.txt")
    ('koalisi-isis-roma', 'koalisi-isis-roma')
    >>> article_name(25) is None
    True
    """
    if isinstance(setting, Article):
        return setting.name
    if not isinstance(setting, (str, os.PathLike)) or not str(setting).strip():
        return None
    path = Path(str(setting).strip()).expanduser()
    return path.stem if path.suffix.lower() == ".txt" else path.name


def current_article() -> str | None:
    """The name of the article the learner's notebook reads, or None if nothing says.

    The notebook's ``ARTICLE`` setting decides, so loading a second article to
    compare does not change it; without that setting (a script, a new notebook),
    the article :func:`load_article` loaded last.  ``check()`` uses it to tell an
    answer about another article from a wrong one.

    >>> _ = load_article("koalisi-isis-roma")
    >>> current_article()
    'koalisi-isis-roma'
    """
    notebook = sys.modules.get("__main__")  # in Jupyter, the notebook's own namespace
    from_setting = article_name(getattr(notebook, SETTING, None))
    return from_setting or _last_loaded
