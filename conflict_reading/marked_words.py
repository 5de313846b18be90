"""A person's reading of an article kept as data: entries that each mark some words of one paragraph.

Lesson 05's cast (``<article>.cast.toml``, one ``[[party]]`` each) and lesson 06's doers (``<article>.doers.toml``,
one ``[[action]]`` each) are such files in ``data/annotations/``: every entry has the ``text`` it marks, the
``paragraph`` it is in, a label (``role``, ``doer``) from a fixed list, and what to tell a learner.
:func:`marked_entries` reads one and finds each entry's words in the article.

>>> [entry["paragraph"] for entry in marked_entries("koalisi-isis-roma", "doers", "action", "doer",
...                                                 ("named", "told", "untold"), "doers")][:3]
[2, 8, 10]
"""

from __future__ import annotations

import tomllib

from .article import Article, load_article
from .errors import KitError
from .paths import annotations_dir


def marked_entries(article, kind: str, table: str, field: str, allowed: tuple, what: str) -> list[dict]:
    """The ``[[table]]`` entries of ``data/annotations/<article>.<kind>.toml`` in reading order, each with ``start``
    and ``end`` (its ``text`` in ``article.text``) and ``wrong`` (a dict); [] when the kit has no such file.

    An entry with no paragraph of the article, a ``field`` not in ``allowed``, or words not in its paragraph is a
    broken file: one KitError line (``what`` names the file's content: "cast", "doers"), naming the entry.
    """
    article = article if isinstance(article, Article) else load_article(article)
    path = annotations_dir() / f"{article.name}.{kind}.toml"
    if not path.is_file():
        return []
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get(table, [])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise KitError(f"The {what} in {path.name} cannot be read ({error}): ask your instructor.") from None
    found = []
    for entry in entries:
        number = entry.get("paragraph")
        if not isinstance(number, int) or not 1 <= number <= len(article.paragraphs) or entry.get(field) not in allowed:
            raise KitError(f"The {what} in {path.name}: {entry.get('name') or entry.get('text')!r} needs a paragraph "
                           f"of the article and a {field} ({', '.join(allowed)}).")
        row = article.paragraphs.iloc[number - 1]
        offset = article.text.find(entry.get("text", ""), int(row["start"]), int(row["end"]))
        if not entry.get("text") or offset < 0:
            raise KitError(f"The {what} in {path.name}: {entry.get('text')!r} is not in ¶{number}.")
        found.append({**entry, "start": offset, "end": offset + len(entry["text"]), "wrong": dict(entry.get("wrong", {}))})
    return sorted(found, key=lambda entry: entry["start"])
