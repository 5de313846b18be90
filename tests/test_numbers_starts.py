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


# The plain forms of the patterns that were rewritten to begin with a character, not a look-behind
# (issue 14, speed): the rewritten ones must find exactly what these find.
PLAIN_FORMS = {
    ("_patterns", "slash_date"): r"(?<![\w/])(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{2,4}))?(?![\w/])",
    ("_patterns", "age"): r"\b[A-Z][a-z]+(?: \((?P<age>\d{1,3})\)|, (?P<age2>\d{1,3}),)",
    ("_glued_patterns", "clock"): r"(?<![\d:.])\d{1,2}:\d{2}(?![\d:])",
    ("_patterns", "decade"): r"(?<![\w/.,-])1(?P<y>[89]\d)0(?:s|['’]s|-an)(?![\w-])"
                             r"|(?<![\w/.,-])2(?P<y2>0\d)0(?:s|['’]s|-an)(?![\w-])",
}
TRICKY = ("x12/3 4/5/99 /1/2 1/2/ 12:30 1:2:3 .12:00 a9:15 3km x3km 3.5km 2,5mi -4kg Budi (41) Ani, 32, "
          "9Abc (12) É9ab12 Covid-19 F-16 G20 _a1 ab1cd2 x-1 -1 a--1 Ab-1-2 é-1 a-1-b-2 Zz9_ 12a 9a1 "
          "1960s 1990's 2000’s 1960-an x1960s 21960s 1.960s 1960sx 1960s-era 1961s 2100s ")


@pytest.mark.parametrize("path", TEXTS, ids=[path.stem for path in TEXTS])
def test_patterns_that_skip_to_where_they_begin_find_what_their_plain_forms_find(path):
    text = load_article(path).text + " " + TRICKY
    for (table, name), plain in PLAIN_FORMS.items():
        rewritten = getattr(numbers, table)()[name]
        assert [(m.span(), m.groups()) for m in rewritten.finditer(text)] == \
            [(m.span(), m.groups()) for m in re.finditer(plain, text)], name
    measure = numbers._glued_patterns()["measure"].pattern.replace(r"(?P<n>\d(?<![\w.,-]\d)\d*", r"(?<![\w.,-])(?P<n>\d+")
    assert measure.startswith(r"(?<![\w.,-])(?P<n>\d+(?:[.,]\d+)*)(?P<unit>")
    assert [m.span() for m in numbers._glued_patterns()["measure"].finditer(text)] == \
        [m.span() for m in re.finditer(measure, text)]
    assert [m.span() for m in numbers._name_codes(text)] == \
        [m.span() for m in re.finditer(r"\b[A-Za-z]+-?\d+\w*\b", text)]
    assert [m.span() for m in numbers._name_codes(TRICKY)] != []
