"""Text as a learner types it: case, accents, punctuation and the words around an answer.

>>> normalize_text("  “Kelompok   Téror”! ")
'kelompok teror'
>>> strip_frame("The answer is: tegas."), same_text("the Horn of Africa", "Horn of Africa")
('tegas', True)
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

from ..lexicons import LEXICON_DIR

_PUNCTUATION = re.compile(r"[^\w\s%-]")
_QUOTES = "\"'“”‘’«»„‚`"
_ARTICLES = ("the ", "a ", "an ")


@lru_cache(maxsize=1)
def answer_words() -> dict:
    """The lexicon ``lexicons/answer-words.toml``: lead-ins, fillers, number and list words.

    >>> "and" in answer_words()["lists"]["conjunctions"]
    True
    """
    with open(LEXICON_DIR / "answer-words.toml", "rb") as handle:
        return tomllib.load(handle)


def normalize_text(value) -> str:
    """Lower case, no accents, no punctuation, single spaces.

    >>> normalize_text("  “Kelompok   Téror”! ")
    'kelompok teror'
    """
    if type(value) is str and len(value) <= 200:
        return _normalized(value)
    return _normalize(value)


@lru_cache(maxsize=8192)
def _normalized(value: str) -> str:
    return _normalize(value)


def _normalize(value) -> str:
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().replace("\u2013", "-").replace("\u2014", "-")
    text = _PUNCTUATION.sub(" ", text)
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _lead_in_pattern() -> re.Pattern:
    phrases = sorted(answer_words()["lead_ins"], key=len, reverse=True)
    alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]") for p in phrases)
    return re.compile(rf"^\s*(?:{alternation})(?:\s*[:=\-–]\s*|\s+)(?=\S)", re.IGNORECASE)


def strip_frame(text: str) -> str:
    """The answer without the words a learner may put around it: a lead-in ("answer:", "the answer is",
    "jawabannya"), quotation marks, and a full stop or exclamation mark at the end.

    >>> strip_frame("Answer: b."), strip_frame("“tegas”"), strip_frame("jawabannya 25")
    ('b', 'tegas', '25')
    >>> strip_frame("answer"), strip_frame("It is the United States.")
    ('answer', 'the United States')
    """
    if not isinstance(text, str):
        return text
    previous = None
    text = text.strip()
    while text != previous:
        previous = text
        text = _lead_in_pattern().sub("", text, count=1).strip()
        text = text.rstrip(".!").strip()
        if len(text) >= 2 and text[0] in _QUOTES and text[-1] in _QUOTES:
            text = text[1:-1].strip()
    return text


def _without_article(normalized: str) -> str:
    for article in _ARTICLES:
        if normalized.startswith(article) and len(normalized) > len(article):
            return normalized[len(article):]
    return normalized


def _without_gloss(text: str) -> str:
    """``"tegas (stressed)"`` → ``"tegas"``: a gloss in brackets after the answer."""
    match = re.fullmatch(r"\s*([^()\[\]]+?)\s*[(\[][^()\[\]]*[)\]]\s*", text)
    return match.group(1) if match else text


def same_text(answer, expected) -> bool:
    """The same words, whatever the case, accents, spacing and punctuation; a lead-in ("answer:"), a
    leading "the" and a gloss in brackets after the answer do not count.

    >>> same_text("  Tanduk   AFRIKA ", "tanduk afrika"), same_text("tegas (stressed)", "tegas")
    (True, True)
    >>> same_text("Afrika", "Tanduk Afrika"), same_text(25, "25")
    (False, False)
    """
    if not isinstance(answer, str) or expected is None:
        return False
    target = normalize_text(expected)
    if not target:
        return False
    for form in {answer, strip_frame(answer), _without_gloss(strip_frame(answer))}:
        given = normalize_text(form)
        if given == target or (given and _without_article(given) == _without_article(target)):
            return True
    return False


def _close(a: str, b: str) -> bool:
    """Same word, allowing one slip in a long word (Antony/Anthony).

    >>> _close("antony", "anthony"), _close("maio", "mayo")
    (True, False)
    """
    if a == b:
        return True
    return min(len(a), len(b)) >= 5 and SequenceMatcher(None, a, b).ratio() >= 0.85


def _one_edit(a: str, b: str) -> bool:
    """One letter added, dropped or changed."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def same_word(a: str, b: str) -> bool:
    """The same word, or its plural or possessive, or one slip of a letter in a long word.

    >>> same_word("militias", "militia"), same_word("quotes", "quote"), same_word("partiel", "partial")
    (True, True, True)
    >>> same_word("as", "a"), same_word("indirect", "direct")
    (False, False)
    """
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 3 and long_ in (short + "s", short + "es", short + "'s"):
        return True
    return len(short) >= 5 and _one_edit(a, b)


def content_words(text: str) -> list[str]:
    """The words of ``text`` that carry content: fillers (``lexicons/answer-words.toml``) left out.

    >>> content_words("Because they tell us who speaks and how")
    ['tell', 'us', 'speaks', 'how']
    """
    fillers = frozenset(answer_words()["fillers"])
    return [word for word in normalize_text(strip_frame(text)).split() if word not in fillers]
