"""The numbers engine's fast case-insensitive matching finds exactly what re.IGNORECASE finds.

``numbers._Caseless`` runs case-sensitive patterns on ``text.lower()`` when every
character of the text is one for which that is the same as ``re.IGNORECASE``
on the text as written; these tests check that claim character by character,
and compare the two ways on whole articles.
"""

import re
import string

import pytest

from conflict_reading import numbers
from conflict_reading.article import Article, load_article

# every character a case-insensitive pattern of the numbers engine can hold as a literal
PATTERN_CHARACTERS = set(string.ascii_lowercase + string.digits + string.punctuation + " –€")
SAFE = [chr(code) for code in range(0x30000) if not numbers._PLAIN_LOWER_CASE.match(chr(code))]


def test_patterns_are_written_in_lower_case():
    for name, source in numbers._caseless_sources().items():
        source = re.sub(r"\(\?P<\w+>", "(", source)  # a named group: "(?P<num>…)"
        assert source == source.lower(), name
        assert set(source) <= PATTERN_CHARACTERS, name


def test_safe_characters_lower_case_to_one_safe_character():
    assert len(SAFE) > 500 and "A" in SAFE and "“" in SAFE and "é" in SAFE
    for character in SAFE:
        lower = character.lower()
        assert len(lower) == 1 and not numbers._PLAIN_LOWER_CASE.match(lower), repr(character)


def test_safe_characters_keep_their_character_classes():
    for character in SAFE:
        for pattern in (r"\w", r"\d", r"\s"):
            assert bool(re.match(pattern, character)) == bool(re.match(pattern, character.lower())), repr(character)


def test_ignorecase_on_safe_characters_is_comparing_lower_case():
    for literal in PATTERN_CHARACTERS:
        pattern = re.compile(re.escape(literal), re.IGNORECASE)
        for character in SAFE:
            assert bool(pattern.fullmatch(character)) == (character.lower() == literal), (literal, character)


@pytest.mark.parametrize("character", ["ı", "İ", "ſ", "µ", "Σ", "ǅ"])
def test_characters_ignorecase_treats_otherwise_are_not_safe(character):
    assert numbers._PLAIN_LOWER_CASE.search(f"Pada 5 Juni {character}")


def _both_ways(text: str, monkeypatch) -> tuple[list, list]:
    article = Article.from_text(text)
    fast = numbers.find_numbers(article).to_dict("records")
    with monkeypatch.context() as patched:
        patched.setattr(numbers, "_PLAIN_LOWER_CASE", re.compile(r"[\s\S]"))  # every text searched as written
        slow = numbers.find_numbers(article).to_dict("records")
    return fast, slow


@pytest.mark.parametrize("change", [str, str.upper, str.swapcase, str.title], ids=["as written", "upper", "swapcase", "title"])
def test_lower_case_copy_finds_what_ignorecase_finds(change, monkeypatch):
    text = change(load_article().text)
    assert not numbers._PLAIN_LOWER_CASE.search(text)
    fast, slow = _both_ways(text, monkeypatch)
    assert len(fast) > 10
    assert fast == slow


def test_capitals_are_read_from_the_text_as_written(monkeypatch):
    text = "Serangan pada 5 Juni 2021 dan 7 juni; Minggu lalu 3 minggu; 13,5 miliar dolar AS."
    fast, slow = _both_ways(text, monkeypatch)
    assert fast == slow
    assert [row["text"] for row in fast] == ["5 Juni 2021", "7 juni", "3 minggu", "13,5 miliar dolar AS"]


def test_a_dotted_capital_i_is_no_crash():
    # "KETİGA" matches "ketiga" case-insensitively, but lower-cases to "keti̇ga" (i and a combining dot)
    rows = numbers.find_numbers(Article.from_text("KETİGA kalinya, 5 orang datang.")).to_dict("records")
    assert [(row["text"], row["value"], row["kind"]) for row in rows] == [("5", 5, "count")]
