"""Split an article into sentences and words, offline.

Sentences come from NLTK's Punkt algorithm with parameters we own (an
abbreviation list in ``lexicons/abbreviations.txt``), so nothing is downloaded.
Words come from a regular expression that keeps ``13,5``, ``28/6``,
``Covid-19`` and ``Irak-Suriah`` whole.

>>> [s for s, _, _ in sentence_spans("Sikap kami jelas.” Dalam pertemuan itu Dr. Ali bicara.")]
['Sikap kami jelas.”', 'Dalam pertemuan itu Dr. Ali bicara.']
>>> word_tokens("Bantuan 13,5 miliar dolar (28/6) di Irak-Suriah, Covid-19.")
['Bantuan', '13,5', 'miliar', 'dolar', '28/6', 'di', 'Irak-Suriah', 'Covid-19']
"""

import re
from functools import lru_cache

from .lexicons import word_list

# NLTK is imported when the first text is split, not with the kit: it is most of the import time.

_QUOTES_AND_GUILLEMETS = "\u2018\u2019\u201c\u201d\xab\xbb"


@lru_cache(maxsize=1)
def _news_language_vars():
    from nltk.tokenize.punkt import PunktLanguageVars

    class _NewsLanguageVars(PunktLanguageVars):
        """Punkt's defaults, plus curly quotes and guillemets treated like straight quotes.

        Recent NLTK releases do this themselves; spelling it out keeps the kit's
        sentence boundaries the same on every NLTK version it allows.
        """

        re_boundary_realignment = re.compile(
            r'["\')\]}' + _QUOTES_AND_GUILLEMETS + r"]+?(?:\s+|(?=--)|$)", re.MULTILINE
        )

        @property
        def _re_non_word_chars(self):
            return r"(?:[)\";}\]\*:@\'\({\[" + _QUOTES_AND_GUILLEMETS + r"?!])"

    return _NewsLanguageVars()


@lru_cache(maxsize=1)
def sentence_tokenizer():
    """Punkt (``nltk.tokenize.punkt.PunktSentenceTokenizer``) with the kit's abbreviation list (no training data, no download)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(word_list("abbreviations"))
    return PunktSentenceTokenizer(params, lang_vars=_news_language_vars())


def sentence_spans(paragraph: str) -> list[tuple[str, int, int]]:
    """(sentence, start, end) for each sentence of one paragraph; offsets into it."""
    return [
        (paragraph[start:end], start, end)
        for start, end in sentence_tokenizer().span_tokenize(paragraph)
    ]


# A word: letters/digits, optionally joined by - / . , ' ’ to more letters/digits
# (negara-negara, 13,5, 436.000.000, 28/6, Covid-19, Irak-Suriah, don't).
WORD_PATTERN = r"\w+(?:[-/.,'’]\w+)*"


@lru_cache(maxsize=1)
def _word_tokenizer():
    """NLTK's ``RegexpTokenizer`` for :data:`WORD_PATTERN`."""
    from nltk.tokenize import RegexpTokenizer

    return RegexpTokenizer(WORD_PATTERN)


def word_tokens(text: str) -> list[str]:
    """The words of ``text``, punctuation left out."""
    pattern = _compiled_word_pattern()
    if pattern is None:
        return _word_tokenizer().tokenize(text)
    return [text[start:end] for start, end in word_spans(text)]


def word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every word of ``text``.

    >>> word_spans("Dua ribu (28/6).")
    [(0, 3), (4, 8), (10, 14)]
    """
    pattern = _compiled_word_pattern()
    if pattern is None:
        return list(_word_tokenizer().span_tokenize(text))
    return [match.span() for match in pattern.finditer(text)]


@lru_cache(maxsize=1)
def _compiled_word_pattern():
    """The pattern NLTK's tokenizer compiled (same engine, same flags), to match without its wrappers.

    Recent NLTK wraps every match in a generator that enforces a time limit, a
    guard against patterns that backtrack badly; ours cannot, and the wrapper
    costs more than the matching on long texts.  None (use the tokenizer) if
    this NLTK keeps its pattern elsewhere.
    """
    tokenizer = _word_tokenizer()
    tokenizer.tokenize("")  # NLTK compiles the pattern on first use
    pattern = getattr(tokenizer, "_regexp", None)
    pattern = getattr(pattern, "_rx", pattern)  # nltk.redos.TimedPattern holds the compiled pattern
    return pattern if callable(getattr(pattern, "finditer", None)) else None


def count_words(text: str) -> int:
    """Words as a word processor counts them: runs of non-space characters.

    >>> count_words("intervensi – termasuk")
    3
    """
    return len(text.split())


def detect_language(text: str) -> str:
    """'id' or 'en', by which language's function words are more frequent.

    >>> detect_language("Menteri itu mengatakan bahwa serangan akan dilanjutkan.")
    'id'
    >>> detect_language("The minister said that the strikes would go on.")
    'en'
    """
    words = [w.lower() for w in word_tokens(text[:20000])]
    indonesian_words, english_words = word_list("function-words-id"), word_list("function-words-en")
    indonesian = sum(w in indonesian_words for w in words)
    english = sum(w in english_words for w in words)
    return "en" if english > indonesian else "id"
