"""Read the word lists shipped in ``conflict_reading/lexicons/``.

Lexicons are plain files so that teachers and contributors can read and extend
them without touching code.  One entry per line; ``#`` starts a comment.

>>> "dr" in word_list("abbreviations")
True
"""

from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).parent / "lexicons"


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """The entries of ``lexicons/<name>.txt``, lower-cased, comments removed."""
    entries = set()
    with open(LEXICON_DIR / f"{name}.txt", encoding="utf-8") as handle:
        for line in handle:
            entry = line.split("#", 1)[0].strip().lower()
            if entry:
                entries.add(entry)
    return frozenset(entries)
