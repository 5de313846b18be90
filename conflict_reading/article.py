"""The article as data: paragraphs, sentences and words in pandas.

>>> article = load_article("koalisi-isis-roma")
>>> len(article.paragraphs), len(article.sentences)
(25, 28)
>>> article.sentences.loc[0, ["paragraph", "sentence", "word_count"]].tolist()
[1, 1, 25]
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd

from .errors import ArticleError
from .paths import articles_dir
from .text import count_words, detect_language, sentence_spans, word_spans

DEFAULT_ARTICLE = "koalisi-isis-roma"
MAX_BYTES = 10_000_000  # a long report is ~50 kB; 10 MB is certainly not one article
MAX_METADATA_BYTES = 100_000  # the .toml beside an article is a few lines
# One paragraph per line: a news paragraph is under 5,000 characters.  A line far longer is a text pasted
# without its line breaks, and NLTK's sentence splitter gives up on a line of megabytes after 5 s (sooner
# or later, by the machine's load): refused at once, the same way on every machine.
MAX_PARAGRAPH_CHARS = 200_000
SETTING = "ARTICLE"  # the one setting at the top of every notebook
# Characters that show nothing: a text made only of these (and spaces) is empty.
# U+FEFF is the byte order mark some editors put first; the others are zero-width spaces and joiners.
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
_SHOWN_CHARACTERS = 80  # of a name or path quoted in a message

_last_loaded: str | None = None  # the name of the article load_article() loaded last


def available_articles() -> list[str]:
    """The names of the articles in ``data/articles/`` (their file stems).

    >>> "koalisi-isis-roma" in available_articles()
    True
    """
    return sorted(p.stem for p in articles_dir().glob("*.txt"))


def message_name(name) -> str:
    """A name or path for a one-line message: cut if long, so a 5,000-character name is not echoed whole.

    >>> message_name("x" * 5_000)[-23:], message_name("data/a.txt"), message_name("a\\nb")
    ('xxx… (5,000 characters)', 'data/a.txt', 'a\\\\nb')
    """
    text = str(name)
    text = text if len(text) <= _SHOWN_CHARACTERS else f"{text[:_SHOWN_CHARACTERS]}… ({len(text):,} characters)"
    return text.encode("unicode_escape").decode("ascii") if not text.isprintable() else text


def _what(value) -> str:
    """What a setting is, in words: ``the number 25``, ``None``, ``a list``.

    >>> _what(25), _what(None), _what(["a"]), _what(b"a")
    ('the number 25', 'None', 'a list', 'bytes')
    """
    if value is None or isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return f"the number {message_name(value)}" if abs(value) < 1e50 else "a very large number"
    if isinstance(value, (bytes, bytearray)):
        return "bytes"
    return f"a {type(value).__name__}"


def _not_a_name(value) -> ArticleError:
    return ArticleError(
        f"Cannot load an article from {_what(value)}: give the article's name or the path to its .txt file, "
        f'in quotes (for example {SETTING} = "{DEFAULT_ARTICLE}").'
    )


def _os_error(path, error: OSError) -> ArticleError:
    """An OSError met while looking for or reading ``path``, in one line."""
    if error.errno == errno.ENAMETOOLONG:
        return ArticleError(
            f"The name {message_name(path)} is too long for a file name: check the name and the folder.")
    return ArticleError(f"Cannot read {message_name(path)}: {error.strerror or error}.")


def _resolve(name_or_path: str | os.PathLike) -> Path:
    """The file an article name (``data/articles/<name>.txt``) or path stands for; ArticleError if none."""
    if not isinstance(name_or_path, (str, os.PathLike)):
        raise _not_a_name(name_or_path)
    raw = os.fspath(name_or_path)
    if not isinstance(raw, str):
        raise _not_a_name(raw)
    if not raw.strip():
        raise ArticleError(
            f"The article's name is empty: give its name or the path to its .txt file "
            f'(for example {SETTING} = "{DEFAULT_ARTICLE}").'
        )
    try:
        path = Path(raw).expanduser()
    except RuntimeError:  # "~someone/…" for a user this machine does not know
        raise ArticleError(
            f"Cannot find the home folder that {message_name(raw)} starts with: write the whole path instead of ~."
        ) from None
    try:
        if path.exists():
            return path
        by_name = articles_dir() / f"{raw}.txt"
        if by_name.exists():
            return by_name
    except OSError as error:  # a name too long for a file name, a folder that cannot be read
        raise _os_error(raw, error) from None
    if path.suffix or len(path.parts) > 1:
        raise ArticleError(f"No file at {message_name(path)}: check the file name and the folder.")
    known = ", ".join(available_articles()) or "none"
    raise ArticleError(
        f"No article file or name {message_name(repr(raw))}: give a path to a .txt file, "
        f"or one of the kit's articles ({known})."
    )


def _size(count: int) -> str:
    """``10 MB``, ``100 kB``, ``50 bytes``.

    >>> _size(10_000_000), _size(100_000), _size(50)
    ('10 MB', '100 kB', '50 bytes')
    """
    if count >= 1_000_000:
        return f"{count / 1e6:.0f} MB"
    return f"{count / 1e3:.0f} kB" if count >= 1_000 else f"{count} bytes"


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, in words, from its ``st_mode``.

    >>> file_kind(stat.S_IFIFO), file_kind(stat.S_IFCHR)
    ('a named pipe (FIFO)', 'a device')
    """
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _read_bounded(path: Path, limit: int, *, describe: str = "{path}",
                  kind_advice: str = "give the path to a .txt file",
                  size_advice: str = "split it into articles") -> bytes:
    """The bytes of the regular file at ``path``, if it holds at most ``limit`` bytes.

    Anything else raises :class:`ArticleError` in one line, before reading:
    a missing file, a folder, a FIFO (opening it would wait for a writer) or a
    device (``/dev/zero`` never ends).  At most ``limit + 1`` bytes are ever
    read, so a file that grows, or that reports a size of 0 as ``/proc`` files
    do, is bounded too.  ``describe`` names the file in messages (``{path}``
    and ``{name}`` are filled in); the advice ends the message for a file of
    the wrong kind or size.
    """
    what = describe.format(path=message_name(path), name=message_name(path.name))
    try:
        status = path.stat()
    except (FileNotFoundError, ValueError):  # ValueError: a NUL character in the path
        raise ArticleError(f"No file at {message_name(path)}: check the file name and the folder.") from None
    except OSError as error:
        raise _os_error(path, error) from None
    too_large = f"{what} is too large (the limit is {_size(limit)}): {size_advice}."
    if not stat.S_ISREG(status.st_mode):
        raise ArticleError(f"{what} is {file_kind(status.st_mode)}, not a regular file: {kind_advice}.")
    if status.st_size > limit:
        raise ArticleError(too_large.replace(" is too large", f" is {_size(status.st_size)}, too large", 1))
    try:
        # O_NONBLOCK: should a FIFO take the file's place after the check, opening it does not wait
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(handle, "rb") as stream:
            mode = os.fstat(stream.fileno()).st_mode
            if not stat.S_ISREG(mode):
                raise ArticleError(f"{what} is {file_kind(mode)}, not a regular file: {kind_advice}.")
            raw = stream.read(limit + 1)
    except OSError as error:
        raise _os_error(path, error) from None
    if len(raw) > limit:
        raise ArticleError(too_large)
    return raw


_VISIBLE = re.compile(rf"[^\s{INVISIBLE}]")  # \s is what str.strip() removes


def has_text(text: str) -> bool:
    """Whether ``text`` shows anything: not only spaces, a byte order mark and zero-width characters.

    Searching for the first visible character stops there, instead of copying a long text.

    >>> has_text("\\ufeff \\u200b\\n"), has_text("\\ufeffDia datang.")
    (False, True)
    """
    return _VISIBLE.search(text) is not None


def read_article_text(path: str | Path) -> str:
    """The file's text, decoded as UTF-8 with CRLF turned into LF.

    Anything that is not a readable, non-empty UTF-8 text file raises
    :class:`ArticleError` with a one-line explanation: a missing file, a
    folder, a FIFO or a device (refused before reading), a file larger than
    ``MAX_BYTES`` (never read further than that), a binary or non-UTF-8 file,
    and a file with nothing to read (only spaces, a byte order mark or
    zero-width characters: see :func:`has_text`).
    """
    path = Path(path)
    raw = _read_bounded(path, MAX_BYTES)
    if b"\x00" in raw:
        raise ArticleError(
            f"{message_name(path.name)} looks like a binary file (a .docx or .pdf?), not plain text: "
            "save it as 'Plain text (.txt), UTF-8' and try again."
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"{message_name(path.name)} is not UTF-8 text (byte 0x{raw[error.start]:02x} at position "
            f"{error.start}): save it again as 'UTF-8' text and try again."
        ) from None
    text = text.replace("\r\n", "\n")
    if not has_text(text):
        raise ArticleError(f"{message_name(path.name)} is empty: it has no text to read.")
    return text


def _read_metadata(text_path: Path | None) -> dict:
    """The ``.toml`` beside the article (read as carefully as the article), or {} if there is none."""
    if text_path is None:
        return {}
    meta_path = text_path.with_suffix(".toml")
    if not os.path.lexists(meta_path):
        return {}
    raw = _read_bounded(meta_path, MAX_METADATA_BYTES, describe="The metadata file {name} beside the article",
                        kind_advice="rename or remove it", size_advice="it should hold a few lines")
    try:
        return tomllib.loads(raw.decode("utf-8").removeprefix("\ufeff"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError) as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise ArticleError(f"The metadata file {message_name(meta_path.name)} is not valid TOML: {message}.") from None


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: each non-blank line, without its outer spaces.

    >>> paragraph_spans("Satu.\\n\\n  Dua. \\n")
    [(0, 5), (9, 13)]
    """
    return list(_paragraph_spans(text))  # a new list each time: a caller may change its own


@lru_cache(maxsize=4)  # the engine's stages each ask for the spans of the same text (six times per extraction)
def _paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip().lstrip("\ufeff").strip()
        if stripped:
            start = offset + line.index(stripped)
            spans.append((start, start + len(stripped)))
        offset += len(line) + 1
    return tuple(spans)


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
        if not isinstance(self.text, str):
            raise ArticleError(f"An article's text is a string, not {_what(self.text)}.")
        if not has_text(self.text):
            raise ArticleError(f"The article {message_name(repr(self.name))} is empty: it has no text to read.")
        if len(self.text) > MAX_PARAGRAPH_CHARS:
            longest, number = max((end - start, n) for n, (start, end) in enumerate(paragraph_spans(self.text), 1))
            if longest > MAX_PARAGRAPH_CHARS:
                raise ArticleError(
                    f"Paragraph {number} of {message_name(repr(self.name))} is {longest:,} characters long (at most "
                    f"{MAX_PARAGRAPH_CHARS:,}): the article needs one paragraph per line, so put its line breaks back.")
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
        if not isinstance(text, str):
            raise ArticleError(f"An article's text is a string, not {_what(text)}.")
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
            try:
                spans = sentence_spans(self.text[p_start:p_end])
            except TimeoutError:  # NLTK gives up on a regular expression after 5 s: a paragraph of megabytes
                raise ArticleError(
                    f"The article's paragraph {paragraph} is too long to split into sentences "
                    f"({p_end - p_start:,} characters): put line breaks between its paragraphs."
                ) from None
            for sentence, start, end in spans:
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


def load_article(name_or_path: str | Path | Article = DEFAULT_ARTICLE, language: str = "auto") -> Article:
    """Load an article by name (``data/articles/<name>.txt``) or by path.

    Metadata comes from a ``.toml`` file of the same name beside the text, if any.
    The article becomes the current one (:func:`current_article`) unless the
    notebook's ``ARTICLE`` setting names another.  An :class:`Article` is taken
    as it is (in ``language`` if that names another one), so a cell that does
    ``load_article(article)`` works too.  Anything else that is not a name or a
    path (a number, None, a list, a name too long for a file) raises
    :class:`ArticleError` with one line saying what to write instead.

    >>> article = load_article("koalisi-isis-roma")
    >>> load_article(article) is article
    True
    >>> load_article(25)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    conflict_reading.errors.ArticleError: Cannot load an article from the number 25: give the article's name or ...
    """
    if isinstance(name_or_path, Article):
        article = name_or_path
        if language not in ("auto", article.language):
            article = Article(name=article.name, text=article.text, language=language, path=article.path,
                              metadata=article.metadata)
    else:
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
    path = Path(str(setting).strip())
    try:
        path = path.expanduser()
    except RuntimeError:  # "~someone/…" for an unknown user: the name is the same either way
        pass
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
