"""The numbers engine tries its case-insensitive patterns only where a match can begin.

``numbers._Caseless.finditer`` tries a pattern at the start of each word that
begins with a digit or one of the pattern's literal words (``numbers._caseless_starts``),
instead of letting the regex engine scan the whole text once per pattern; these
tests check that it finds exactly what a scan of the whole text finds.
"""

import re

import pytest

from conflict_reading import numbers
from conflict_reading.article import load_article

from .conftest import REPO

TEXTS = sorted((REPO / "data").rglob("*.txt"))


def test_every_pattern_says_where_it_begins():
    assert set(numbers._caseless_starts()) == set(numbers._caseless_sources())


@pytest.mark.parametrize("change", [str, str.upper, str.title], ids=["as written", "upper", "title"])
@pytest.mark.parametrize("path", TEXTS, ids=[path.stem for path in TEXTS])
def test_trying_where_a_match_can_begin_finds_what_a_scan_finds(path, change):
    text = change(load_article(path).text) + " Rp 5, US$ 3, €2, $ 1 dan satu-satunya."
    caseless = numbers._Caseless(text)
    assert caseless.lower is not None
    for name, pattern in numbers._caseless_patterns(False).items():
        scanned = [match.span() for match in pattern.finditer(caseless.lower)]
        tried = [(match.start(), match.end()) for match in caseless.finditer(name)]
        assert tried == scanned, name
