"""The quote finder's shortcuts for matching names never skip a pair that ``answers._close`` would accept.

``quotes._Speakers`` compares a name only with full names sharing a pair of
neighbouring letters with it (``_letter_pairs``), and skips difflib when a
letter count shows the ratio cannot reach 0.85 (``_cannot_be_close``).  Both
must be *necessary* conditions of ``answers._close``, or a speaker would be
missed; these tests hold them to that on words that are close and words
that only nearly are.
"""

import random

import pytest

from conflict_reading import quotes
from conflict_reading.answers import _close
from conflict_reading.article import Article


def _mutated(word: str, rng: random.Random, edits: int) -> str:
    for _ in range(edits):
        index = rng.randrange(len(word) + 1)
        letter = rng.choice("aeioubdhknrsty")
        edit = rng.choice("insert substitute delete")
        if edit == "insert" or len(word) < 2:
            word = word[:index] + letter + word[index:]
        elif edit == "substitute":
            word = word[:index] + letter + word[index + 1:]
        else:
            word = word[:index] + word[index + 1:]
    return word


def _pairs(seed: int, count: int = 4000):
    rng = random.Random(seed)
    for _ in range(count):
        word = "".join(rng.choice("aeioubdgklmnprstwy") for _ in range(rng.randint(3, 14)))
        yield word, _mutated(word, rng, rng.randint(0, 3))


@pytest.mark.parametrize("seed", range(5))
def test_shortcuts_never_reject_a_close_pair(seed):
    close_pairs = 0
    for a, b in _pairs(seed):
        if _close(a, b):
            close_pairs += 1
            assert not quotes._cannot_be_close(a, b), (a, b)
            assert a == b or quotes._letter_pairs(a) & quotes._letter_pairs(b), (a, b)
    assert close_pairs > 500  # the words really were close often enough to test something


def test_cannot_be_close_rejects_most_unrelated_words():
    rejected = sum(quotes._cannot_be_close(a, b) for (a, _), (b, _) in zip(_pairs(10, 500), _pairs(11, 500)))
    assert rejected > 400


def test_known_spellings_of_one_name_match():
    assert not quotes._cannot_be_close("antony", "anthony") and _close("antony", "anthony")
    assert quotes._letter_pairs("antony") & quotes._letter_pairs("anthony")


def test_many_different_speakers_each_keep_their_name():
    rng = random.Random(7)
    names = [" ".join("".join(rng.choice("aeioubdgklmnprst") for _ in range(7)).capitalize() for _ in range(2))
             for _ in range(300)]
    text = "\n".join(f"Kapolda Irjen {name} mengatakan, “Pelaku sudah ditangkap.”" for name in names)
    speakers = quotes.find_quotes(Article.from_text(text))["speaker"].tolist()
    assert speakers == names


def test_a_surname_alone_finds_an_earlier_full_name():
    text = ("Kapolda Irjen Budi Santoso mengatakan, “Satu.”\n"
            "Kapolres AKBP Agus Salim mengatakan, “Dua.”\n"
            "“Tiga,” ujar Santoso.\n"
            "“Empat,” ujar Anthony Blinken.\n“Lima,” kata Antony Blinken.\n“Enam,” kata Salim.")
    speakers = quotes.find_quotes(Article.from_text(text))["speaker"].tolist()
    assert speakers == ["Budi Santoso", "Agus Salim", "Budi Santoso", "Anthony Blinken", "Anthony Blinken", "Agus Salim"]


def test_an_age_after_a_name_is_found_where_its_plain_pattern_finds_it():
    # the pattern looks behind after its first character (speed, issue 14): the same matches as its plain form
    import re

    from conflict_reading.quotes import _AGE_AFTER_NAME

    text = "Margit Sorel, 63, dan Ilona Berat (41) lalu 12, 34, and x (5) é, 7, _ (8) Ab,  9, Tavaria, 1234,"
    plain = r"(?<=[^\W\d_])(?:, \d{1,3},| \(\d{1,3}\))"
    assert [m.span() for m in _AGE_AFTER_NAME.finditer(text)] == [m.span() for m in re.finditer(plain, text)]
    assert len(list(_AGE_AFTER_NAME.finditer(text))) == 4
