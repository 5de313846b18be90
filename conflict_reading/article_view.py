"""The article to read: each paragraph numbered, its English translation under it, translator's notes.

A lesson shows the whole article once, where learners read it first; elsewhere it shows the few
paragraphs a task is about, or the whole article folded (a click opens it), so that nobody scrolls
past it five times.  Where HTML cannot be shown (a terminal, a plain-text export) the same reading
prints as text.

Translator's notes are data: ``data/translations/<article>.notes.toml``, one ``[[note]]`` with
``paragraph`` and ``note`` each, shown under that paragraph's translation.

>>> from conflict_reading import Article
>>> view = show_article(Article.from_text("Satu.\\nDua.\\nTiga.", name="no-translation"), paragraphs=[2, 3])
>>> print(repr(view))
¶2
Dua.
<BLANKLINE>
¶3
Tiga.
"""

from __future__ import annotations

import html
import textwrap
import tomllib
from dataclasses import dataclass

from .article import Article, load_article
from .errors import KitError
from .explore import translation
from .paths import data_dir
from .presenter import highlight_font_size

WIDTH = 100  # characters per line of the plain-text view


def translator_notes(article: Article) -> dict[int, str]:
    """Translator's notes of ``article``, by paragraph number (empty if it has none).

    >>> translator_notes(Article.from_text("Teks.", name="no-such-article"))
    {}
    """
    path = data_dir() / "translations" / f"{article.name}.notes.toml"
    try:
        if not path.is_file():
            return {}
        with open(path, "rb") as handle:
            notes = tomllib.load(handle).get("note", [])
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    return {int(n["paragraph"]): str(n["note"]) for n in notes
            if isinstance(n, dict) and isinstance(n.get("paragraph"), int) and n.get("note")}


def paragraph_numbers(paragraphs, count: int) -> list[int]:
    """The paragraph numbers asked for: all (None), one number, a list or range, or "14-21".

    >>> paragraph_numbers("¶12–14", 25), paragraph_numbers(None, 3)
    ([12, 13, 14], [1, 2, 3])
    """
    if paragraphs is None:
        return list(range(1, count + 1))
    if isinstance(paragraphs, int) and not isinstance(paragraphs, bool):
        paragraphs = [paragraphs]
    elif isinstance(paragraphs, str):
        first, _, last = paragraphs.replace("¶", "").replace("–", "-").partition("-")
        try:
            paragraphs = range(int(first), int(last or first) + 1)
        except ValueError:
            raise KitError(f'Give paragraphs as numbers, e.g. paragraphs="14-21" or [2, 5], not {paragraphs!r}.') from None
    try:
        numbers = [int(n) for n in paragraphs]
    except (TypeError, ValueError):
        raise KitError("Give paragraphs as numbers, e.g. paragraphs=[2, 5] or \"14-21\".") from None
    wrong = [n for n in numbers if not 1 <= n <= count]
    if wrong:
        raise KitError(f"The article has paragraphs 1 to {count}: there is no paragraph {wrong[0]}.")
    return numbers


@dataclass
class ArticleView:
    """Paragraphs of an article with their translation and notes; HTML in a notebook, text elsewhere."""

    name: str
    rows: list[tuple[int, str, str | None, str | None]]  # (number, text, English, translator's note)
    folded: bool = False

    def __repr__(self) -> str:
        blocks = []
        for number, text, english, note in self.rows:
            lines = [f"¶{number}", textwrap.fill(text, WIDTH)]
            if english:
                lines.append(textwrap.fill("EN: " + english, WIDTH))
            if note:
                lines.append(textwrap.fill("Translator's note: " + note, WIDTH))
            blocks.append("\n".join(lines))
        return "\n\n".join(blocks)

    def _repr_html_(self) -> str:
        parts = []
        for number, text, english, note in self.rows:
            parts.append(
                f'<div class="cr-paragraph" style="margin:.5em 0"><b>¶{number}</b> {html.escape(text)}'
                + (f'<div style="color:#444;font-style:italic;margin-left:1.5em">{html.escape(english)}</div>'
                   if english else "")
                + (f'<div style="color:#444;margin-left:1.5em">✎ <i>Translator\'s note:</i> {html.escape(note)}</div>'
                   if note else "")
                + "</div>"
            )
        body = "".join(parts)
        style = f"font-size:{highlight_font_size()}"  # larger in presenter mode, for a projector
        if not self.folded:
            return f'<div class="cr-article" style="{style}">{body}</div>'
        first, last = self.rows[0][0], self.rows[-1][0]
        span = f"¶{first}" if first == last else f"¶{first}–{last}"
        return (f'<details class="cr-article" style="{style}"><summary>The article, {html.escape(self.name)} '
                f"({span}): click to open</summary>{body}</details>")


def show_article(article, paragraphs=None, folded: bool = False, english: bool = True) -> ArticleView:
    """The article's paragraphs to read, numbered, each with its English translation and any translator's note.

    ``paragraphs``: all (default), a number, a list or range, or a string such as ``"14-21"``.
    ``folded=True`` shows it closed, one click away (HTML only).  ``english=False`` leaves the
    translation out.  ``article`` is an :class:`Article`, or its name or path.
    """
    article = load_article(article) if not isinstance(article, Article) else article
    texts = article.paragraphs["text"].tolist()
    english_lines = (translation(article) or []) if english else []
    notes = translator_notes(article) if english else {}
    rows = [(n, texts[n - 1], english_lines[n - 1] if n <= len(english_lines) else None, notes.get(n))
            for n in paragraph_numbers(paragraphs, len(texts))]
    return ArticleView(article.name, rows, folded)
