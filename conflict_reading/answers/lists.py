"""A list in a learner's answer: a Python list, or a list written as text.

Text is split at new lines and semicolons, else at commas, and at the words that join the last items
("and", "dan", "&": ``lexicons/answer-words.toml``). A name that holds "and" ("Trinidad and Tobago")
may be one item: :func:`item_splits` gives every reading, and the checker keeps the one that fits best.

>>> split_items("Blinken and Di Maio"), split_items("X, Y, and Z"), split_items("['ISIS', 'Suriah']")
(['Blinken', 'Di Maio'], ['X', 'Y', 'Z'], ['ISIS', 'Suriah'])
>>> item_splits("Trinidad and Tobago")
[['Trinidad', 'Tobago'], ['Trinidad and Tobago']]
"""

from __future__ import annotations

import ast
import itertools
import re

from .text import answer_words, strip_frame

MAX_JOINS = 4  # with more "and"s than this, only "split at all" and "split at none" are tried
_MARKER = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)]|\(\d{1,2}\)|[a-z][)]|\([a-z]\))\s+", re.IGNORECASE)
_QUOTES = "\"'“”‘’«»`"


def _clean(item: str) -> str:
    item = _MARKER.sub("", item).strip()
    item = item.strip(_QUOTES).strip()
    return item.rstrip(".!").strip().strip(_QUOTES).strip()


def _literal(text: str) -> list | None:
    """A Python list, tuple or set typed as text: "['ISIS', 'Suriah']"."""
    stripped = text.strip()
    if not (stripped[:1] in "[({" and stripped[-1:] in "])}") or len(stripped) > 10_000:
        return None
    try:
        value = ast.literal_eval(stripped)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    if isinstance(value, (list, tuple, set, frozenset)) and all(isinstance(v, (str, int, float)) for v in value):
        return [str(v).strip() for v in value if str(v).strip()]
    return None


def _pieces(text: str) -> list[str]:
    """The text cut at new lines and semicolons, or else at commas (never a decimal comma)."""
    if "\n" in text or ";" in text:
        pieces = re.split(r"[\n;]+", text)
    else:
        pieces = re.split(r"(?<!\d),|,(?!\d)", text)
    return [p for p in (piece.strip() for piece in pieces) if p]


def _lead_in(text: str) -> str:
    """ "The three places: Syria, Iraq and the US" → the part after the colon."""
    head, colon, tail = text.partition(":")
    if colon and tail.strip() and len(head.split()) <= 6 and not _pieces(head)[1:]:
        return tail
    return text


def item_splits(text: str) -> list[list[str]]:
    """Every reading of a list written as text, the one split at every joining word first.

    >>> item_splits("Syria, Iraq and the US")[0]
    ['Syria', 'Iraq', 'the US']
    """
    if not isinstance(text, str):
        return [[text]]
    literal = _literal(text)
    if literal is not None:
        return [literal]
    text = strip_frame(_lead_in(strip_frame(text)))
    conjunctions = sorted(answer_words()["lists"]["conjunctions"], key=len, reverse=True)
    joiner = re.compile(r"\s+(?:" + "|".join(re.escape(c) for c in conjunctions) + r")\s+", re.IGNORECASE)
    leading = re.compile(r"^(?:" + "|".join(re.escape(c) for c in conjunctions) + r")\s+", re.IGNORECASE)
    pieces = [leading.sub("", piece) for piece in _pieces(text)]  # "X, Y, and Z": the last piece is "and Z"
    joins = [(n, m) for n, piece in enumerate(pieces) for m in joiner.finditer(piece)]
    if len(joins) <= MAX_JOINS:
        choices = list(itertools.product((True, False), repeat=len(joins)))
    else:
        choices = [(True,) * len(joins), (False,) * len(joins)]
    readings: list[list[str]] = []
    for choice in choices:
        cuts = {id(m): cut for (_, m), cut in zip(joins, choice)}
        items: list[str] = []
        for n, piece in enumerate(pieces):
            start = 0
            for _, m in (j for j in joins if j[0] == n):
                if cuts[id(m)]:
                    items.append(piece[start:m.start()])
                    start = m.end()
            items.append(piece[start:])
        items = [c for c in (_clean(i) for i in items) if c]
        if items and items not in readings:
            readings.append(items)
    return readings or [[text.strip()]]


def split_items(text: str) -> list[str]:
    """The items of a list written as text, split at every separator and joining word.

    >>> split_items("X dan Y"), split_items("X & Y"), split_items("X; Y"), split_items("1. X\\n2. Y")
    (['X', 'Y'], ['X', 'Y'], ['X', 'Y'], ['X', 'Y'])
    """
    return item_splits(text)[0]


def word_split(text: str) -> list[str] | None:
    """The words of a short answer with no separators, as items ("sejumlah beberapa jutaan"), or None.

    >>> word_split("sejumlah beberapa jutaan"), word_split("X, Y")
    (['sejumlah', 'beberapa', 'jutaan'], None)
    """
    if not isinstance(text, str) or re.search(r"[,;\n]", text):
        return None
    words = strip_frame(text).split()
    return [_clean(w) for w in words] if 2 <= len(words) <= 12 else None
