"""Find every number in an article: digits and words, money, dates, durations, vague amounts.

Rules over data files, for Indonesian and English: number words and
currencies in ``lexicons/number-words.toml``, context rules (names with
numbers, idioms, time units, vague words, ordinals) in
``lexicons/number-context.toml``, month names from Babel's CLDR data.

>>> from conflict_reading import Article
>>> text = "Bantuan 13,5 miliar dolar tiba Senin (28/6). Koalisi beranggotakan 77 negara, tetapi Covid-19 masih ada."
>>> find_numbers(Article.from_text(text))[["text", "value", "unit", "kind"]].values.tolist()
[['13,5 miliar dolar', 13500000000, 'USD', 'money'], ['28/6', '--06-28', None, 'date'], ['77', 77, 'negara', 'count']]
"""

from __future__ import annotations

import bisect
import heapq
import re
import string
import tomllib
from datetime import date
from functools import lru_cache

import pandas as pd
from babel.dates import get_month_names

from .article import Article, paragraph_spans
from .lexicons import LEXICON_DIR
from .numerals import currency_code, digit_values, number_words, words_value

COLUMNS = ["text", "paragraph", "value", "unit", "kind", "start", "end"]


@lru_cache(maxsize=1)
def context() -> dict:
    with open(LEXICON_DIR / "number-context.toml", "rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=1)
def months() -> dict[str, int]:
    """Month names (wide and abbreviated) in Indonesian and English, from Babel.

    >>> months()["maret"], months()["june"], months()["agu"]
    (3, 6, 8)
    """
    names = {}
    for locale in ("id", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                names[name.lower().rstrip(".")] = number
    return names


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


def _verb_like(word: str) -> bool:
    """An Indonesian word with a verb's prefix (di-, me-, ber-), long enough not to be a short noun.

    >>> [_verb_like(w) for w in ("direncanakan", "menunggu", "berusia", "menteri", "korban", "dinas")]
    [True, True, True, False, False, False]
    """
    return len(word) > 6 and re.match(r"(?:di|me(?!nt)|ber)", word.lower()) is not None  # men- drops a t: "menteri"


def _whole_words(words) -> str:
    r"""Any of ``words``, not inside a longer word or hyphenated word.

    Each word checks the character before it itself (``kedua(?<![\w-]kedua)``
    rather than ``(?<![\w-])kedua``), so the pattern begins with letters and
    the regex engine can skip quickly to where one of the words begins.

    >>> [m.group() for m in re.finditer(_whole_words(["dua", "kedua"]), "kedua-nya kedua dua")]
    ['kedua', 'dua']
    """
    words = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return "(?:" + "|".join(rf"{w}(?<![\w-]{w})" for w in words) + r")(?![\w-])"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    """The patterns that tell upper from lower case, run on the text as written."""
    return {
        # Each pattern begins with a character, not a look-behind (see _whole_words): "\d(?<![\w/]\d)" is
        # "(?<![\w/])\d", and the regex engine skips straight to the digits (or capitals) where a match can begin.
        "slash_date": re.compile(r"(?P<d>\d(?<![\w/]\d)\d?)/(?P<m>\d{1,2})(?:/(?P<y>\d{2,4}))?(?![\w/])"),
        "name_code": re.compile(r"\b[A-Za-z]+-?\d+\w*\b"),
        # "Siti Hidayat (52)", "Margit Sorel, 63,": an age after a name
        "age": re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+(?: \((?P<age>\d{1,3})\)|, (?P<age2>\d{1,3}),)"),
        # "the 1960s", "1990's", "tahun 1960-an": a decade, written as its first three digits and X ("196X")
        "decade": re.compile(r"1(?<![\w/.,-]1)(?P<y>[89]\d)0(?:s|['’]s|-an)(?![\w-])|2(?<![\w/.,-]2)(?P<y2>0\d)0(?:s|['’]s|-an)(?![\w-])"),
    }


@lru_cache(maxsize=1)
def _glued_patterns() -> dict[str, re.Pattern]:
    """A number joined to its unit in one word ("30km", "26-year-old") and a clock time ("09:08").

    (Fractions, "setengah", are found with the case-insensitive patterns: :func:`_caseless_sources`.)
    """
    ctx = context()
    words = _alternation(set(number_words()["en"]["units"]) - {"a"})
    return {
        "measure": re.compile(rf"(?P<n>\d(?<![\w.,-]\d)\d*(?:[.,]\d+)*)(?P<unit>{_alternation(ctx['glued_measures'])})"
                              r"(?![\w-])"),
        "compound": re.compile(rf"(?<![\w-])(?P<n>\d+|(?:{words})(?:-(?:{words}))?)-(?P<unit>"
                               rf"{_alternation(ctx['compound_time_units'])})s?-(?:old|long)(?![\w-])", re.IGNORECASE),
        "clock": re.compile(r"\d(?<![\d:.]\d)\d?:\d{2}(?![\d:])"),  # (see _patterns: the look-behind follows a digit)
    }


@lru_cache(maxsize=1)
def _counts_against_one() -> re.Pattern:
    """A digit, another English number word, or a word like "another" (``one_counted_with``), lower case."""
    words = [*context()["one_counted_with"], *(u for u in number_words()["en"]["units"] if u != "one")]
    return re.compile(rf"\d|(?<![\w-])(?:{_alternation(words)})(?![\w-])")


_DIGIT_AFTER_LETTER = re.compile(r"\d(?<=[A-Za-z-]\d)")
_ASCII_LETTERS = frozenset(string.ascii_letters)


def _name_codes(text: str):
    """The matches of the ``name_code`` pattern ("Covid-19", "F-16", "G20"), as its ``finditer`` finds them.

    Every such word holds a letter followed by a digit (or by a hyphen and a digit): the pattern is tried only
    at the first letter of the letters before each such place, not at every character of the text.

    >>> [m.group() for m in _name_codes("Covid-19, F-16 dan G20; 12a, x9y1 é9")]
    ['Covid-19', 'F-16', 'G20', 'x9y1']
    """
    pattern, end = _patterns()["name_code"], 0
    for digit in _DIGIT_AFTER_LETTER.finditer(text):  # (the engine skips to digits: a pattern that began
        first = digit.start() - 1                       # with a letter would be tried at every letter)
        if text[first] == "-":
            first -= 1
            if first < 0 or text[first] not in _ASCII_LETTERS:
                continue
        if first < end:
            continue  # inside the word matched last
        while first and text[first - 1] in _ASCII_LETTERS:
            first -= 1  # (no letter is passed twice: a digit stands between two spots)
        match = pattern.match(text, first)
        if match:
            end = match.end()
            yield match


def _find_all(text: str, part: str) -> list[int]:
    """Every index where ``part`` begins in ``text``."""
    found, index = [], text.find(part)
    while index >= 0:
        found.append(index)
        index = text.find(part, index + 1)
    return found


@lru_cache(maxsize=1)
def _number_word_starters() -> set[str]:
    """The words a number written in words begins with ("dua", "seratus", "twenty"; not "a")."""
    lexicon = number_words()
    return (set(lexicon["id"]["units"]) | set(lexicon["en"]["units"]) | set(lexicon["id"]["se_words"])) - {"a"}


# Words before a month named alone, besides ``year_before`` ("bulan Juni", "last March").
_MONTH_ALONE_BEFORE = ("bulan", "pertengahan", "for", "during", "last", "next", "this")
# Money symbols, written before the amount ("US$ 5", "Rp 10.000"): the money pattern's first alternatives.
_MONEY_SYMBOLS = ("us$", "as$", "$", "€", "rp")


@lru_cache(maxsize=1)
def _caseless_sources() -> dict[str, str]:
    """The case-insensitive patterns, every letter in them in lower case (see :class:`_Caseless`).

    Each match begins where :func:`_caseless_starts` says: keep the two together.
    """
    lexicon, ctx = number_words(), context()
    word_parts = set()
    for language in ("id", "en"):
        word_parts |= set(lexicon[language]["units"]) | set(lexicon[language]["se_words"]) - {"a"}
        word_parts |= {lexicon[language]["hundreds"]} | {w for w in lexicon[language]["scales"] if len(w) > 2}
    word_parts |= {lexicon["id"]["teen"], lexicon["id"]["tens"]}
    scales = {w for language in ("id", "en") for w in lexicon[language]["scales"] if len(w) > 2} | {"bn", "mn"}
    starters = _number_word_starters()
    words = rf"(?:{_alternation(starters)})(?:[\s-]+(?:{_alternation(word_parts)}|dan|and)(?![\w]))*"
    digits = r"\d+(?:[.,]\d+)*"
    number = rf"(?:{digits}|{words})"
    currencies = _alternation(k for k in lexicon["currencies"] if not k.startswith(("us$", "as$", "$", "€")))
    symbols = r"us\$|as\$|\$|€|rp\.?"
    month = _alternation(months())
    boundary_before = r"(?<![\w\-/.,])"
    boundary_after = r"(?![\w\-/]|[.,]\d)"
    number_pattern = rf"{boundary_before}(?P<num>{number}){boundary_after}"
    sources = {
        "number": number_pattern,
        "money": (
            rf"{boundary_before}(?:(?P<sym>{symbols})\s?(?P<num1>{digits})(?:\s+(?P<scale1>{_alternation(scales)}))?"
            rf"|(?P<num2>{number})(?:\s+(?P<scale2>{_alternation(scales)}))?\s+(?P<cur>{currencies})"
            rf"(?:\s+(?:as|amerika(?:\s+serikat)?|singapura|australia))?){boundary_after}"
        ),
        "percent": rf"{boundary_before}(?P<num>{number})\s?(?:%|persen\b|percent\b|per cent\b)",
        "day_month": (
            rf"(?<![\w\-])(?P<d>\d{{1,2}})(?:\s?[-–]{{1,2}}\s?(?P<d2>\d{{1,2}}))?\s+(?P<month>{month})\b"
            rf"(?:\s+(?P<y>\d{{4}}))?"),
        "month_day": rf"\b(?P<month>{month})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?(?![\w])",
        "month_year": rf"\b(?P<month>{month})\s+(?P<y>\d{{4}})\b",
        "month_alone": (
            rf"\b(?:{_alternation(ctx['year_before'])}|{'|'.join(_MONTH_ALONE_BEFORE)})\s+(?:bulan\s+)?"
            rf"(?P<month>{month})\b(?!\s+\d)"),
        "year": rf"\b(?:{_alternation(ctx['year_before'])})\s+(?P<y>(?:19|20)\d\d)\b",
        "ordinal_ke": r"(?<![\w-])ke-(?P<n>\d+)\b|\b(?P<en>\d+)(?:st|nd|rd|th)\b",
        "idioms": _whole_words(ctx["idioms"]),
        "not_a_single": rf"\bsatu(?:\s+[\w-]+)?\s+(?:{_alternation(ctx['not_a_single_after'])})\b",
        "pronoun_one": rf"\b(?:{_alternation(ctx['pronoun_one_after'])})\s+one\b(?!\s+of)",
        "tally": rf"\b(?:{_alternation(ctx['tally_before'])})\s+(?P<a>\d{{1,3}})[-–](?P<b>\d{{1,3}})\b",
        "time_of_day": (rf"(?<![\w.,])\d{{1,2}}(?:[.:]\d{{2}})?\s?(?:{_alternation(ctx['time_of_day_after'])})"
                        r"(?![\w])"),
        "names": (rf"\b(?:{_alternation(ctx['name_before'])})\.?\)?\s+(?:nomor\s+|no\.\s*)?\d+(?:[/.:]\d+)*"
                  rf"(?:\s+tahun\s+\d{{4}})?"),
        "duration": rf"{number_pattern}\s+(?P<unit>{_alternation(ctx['time_units'])})\b",
        "ordinals": _whole_words(ctx["ordinals"]),
        "vague": _whole_words(ctx["vague"]),
        "fraction": _whole_words(ctx["fractions"]),
    }
    for name, word in _one_word_patterns().items():
        sources[name] = _whole_words([word])
    return sources


def _one_word_patterns() -> dict[str, str]:
    """The patterns of a single word ("one_unit sehari", "both keduanya"): name -> word."""
    ctx = context()
    return {f"{table} {word}": word for table in ("one_unit", "both") for word in ctx[table]}


class _Start:
    """Where a match of one case-insensitive pattern can begin, in the lower-case text.

    Every pattern of :func:`_caseless_sources` begins with a digit or one of
    its literal words at the start of a word (a ``\\b`` or a look-behind
    for no word character before it), or with a money symbol: so a match
    begins at the start of a word (a run of ``\\w``) that begins with a
    digit (``digit``) or with the first run of word characters of one of
    ``words``, or at one of ``symbols`` (the words' beginnings that are not
    word characters).

    >>> start = _Start(["the other", "no.", "$"], digit=True)
    >>> start.words, start.digit, start.symbols
    (('no', 'the'), True, ('$',))
    """

    def __init__(self, words=(), digit: bool = False):
        beginnings = {re.match(r"\w*", word.lower()).group() or word[0] for word in words}
        beginnings = {b for b in beginnings if not any(b != other and b.startswith(other) for other in beginnings)}
        self.words = tuple(sorted(b for b in beginnings if re.match(r"\w", b)))  # "voted" is in "vote": one is enough
        self.symbols = tuple(sorted(b for b in beginnings if not re.match(r"\w", b)))
        self.digit = digit


@lru_cache(maxsize=1)
def _caseless_starts() -> dict[str, _Start]:
    """Where each pattern of :func:`_caseless_sources` can begin (see :class:`_Start`), read from the same lexicons."""
    ctx, starters, month = context(), _number_word_starters(), months()
    starts = {
        "number": _Start(starters, digit=True),
        "money": _Start([*starters, *_MONEY_SYMBOLS], digit=True),
        "percent": _Start(starters, digit=True),
        "day_month": _Start(digit=True),
        "month_day": _Start(month),
        "month_year": _Start(month),
        "month_alone": _Start([*ctx["year_before"], *_MONTH_ALONE_BEFORE]),
        "year": _Start(ctx["year_before"]),
        "ordinal_ke": _Start(["ke-"], digit=True),
        "idioms": _Start(ctx["idioms"]),
        "not_a_single": _Start(["satu"]),
        "pronoun_one": _Start(ctx["pronoun_one_after"]),
        "tally": _Start(ctx["tally_before"]),
        "time_of_day": _Start(digit=True),
        "names": _Start(ctx["name_before"]),
        "duration": _Start(starters, digit=True),
        "ordinals": _Start(ctx["ordinals"]),
        "vague": _Start(ctx["vague"]),
        "fraction": _Start(ctx["fractions"]),
    }
    for name, word in _one_word_patterns().items():
        starts[name] = _Start([word])
    return starts


@lru_cache(maxsize=2)
def _caseless_patterns(ignore_case: bool) -> dict[str, re.Pattern]:
    """The case-insensitive patterns, compiled for the text as written (``ignore_case``) or its lower-case copy."""
    flags = re.IGNORECASE if ignore_case else 0
    return {name: re.compile(source, flags) for name, source in _caseless_sources().items()}


# Characters whose lower case is one character, found by re.IGNORECASE exactly when the pattern
# has that lower-case character (tests/test_numbers_speed.py checks every one): Basic Latin,
# Latin-1 and Latin Extended-A, general punctuation, currency signs, without µ, İ, ı and ſ.
_PLAIN_LOWER_CASE = re.compile(r"[^\x00-\xb4\xb6-\u012f\u0132-\u017e\u2000-\u206f\u20a0-\u20cf\ufeff]")


class _Caseless:
    """Case-insensitive matching for one text: on its lower-case copy, which is much faster.

    Matching a case-sensitive pattern (all its letters lower case) on ``text.lower()``
    finds the same spans as ``re.IGNORECASE`` on ``text`` when every character
    of the text lower-cases to one character that IGNORECASE treats the same
    way; otherwise (Turkish dotless i, Greek, ...) the text as written is
    searched with IGNORECASE.  Groups are read back from the text as written,
    so ``match["month"][0].isupper()`` still sees the capital.

    >>> [m["month"] for m in _Caseless("Pada 5 Juni dan 6 JULI.").finditer("day_month")]
    ['Juni', 'JULI']
    """

    def __init__(self, text: str):
        self.text = text
        self.lower = text.lower() if not _PLAIN_LOWER_CASE.search(text) else None
        self._words: dict[str, list[int]] | None = None  # where each word begins, by word

    def finditer(self, name: str):
        if self.lower is None:
            yield from _caseless_patterns(True)[name].finditer(self.text)
            return
        pattern, start = _caseless_patterns(False)[name], _caseless_starts().get(name)
        if start is None:
            for match in pattern.finditer(self.lower):
                yield _AsWritten(match, self.text)
            return
        # What pattern.finditer would find, tried only where a match can begin: left to right, not overlapping.
        end = 0
        for position in self._possible_starts(start):
            if position >= end:
                match = pattern.match(self.lower, position)
                if match:
                    end = match.end()  # never empty: every match begins with a digit, a word or a symbol
                    yield _AsWritten(match, self.text)

    def _possible_starts(self, start: _Start) -> list[int]:
        """Where a match can begin (see :class:`_Start`), in order: one pass over the words, shared by all patterns."""
        if self._words is None:
            self._words = {}
            for word in _WORD.finditer(self.lower):
                self._words.setdefault(word.group(), []).append(word.start())
            self._sorted_words = sorted(self._words)  # the words beginning with some letters are neighbours
            self._digit_word_starts = sorted(position for word in self._sorted_words if _DIGIT.match(word)
                                             for position in self._words[word])
        runs = [self._digit_word_starts] if start.digit else []  # each run in text order: merged, not sorted again
        for beginning in start.words:
            index = bisect.bisect_left(self._sorted_words, beginning)
            while index < len(self._sorted_words) and self._sorted_words[index].startswith(beginning):
                runs.append(self._words[self._sorted_words[index]])
                index += 1
        for symbol in start.symbols:
            runs.append([match.start() for match in re.finditer(re.escape(symbol), self.lower)])
        return runs[0] if len(runs) == 1 else list(heapq.merge(*runs))


_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


class _AsWritten:
    """A match found in the lower-case copy, its groups read from the text as written."""

    __slots__ = ("_match", "_text")

    def __init__(self, match: re.Match, text: str):
        self._match, self._text = match, text

    def __getitem__(self, group):
        start, end = self._match.span(group)
        return None if start < 0 else self._text[start:end]

    def group(self, group=0):
        return self[group]

    def start(self, group=0) -> int:
        return self._match.start(group)

    def end(self, group=0) -> int:
        return self._match.end(group)


@lru_cache(maxsize=4096)
def _value_of(expression: str, language: str):
    """The value of a number expression in the article's language (digits or words)."""
    expression = expression.strip()
    if re.fullmatch(r"\d+(?:[.,]\d+)*", expression):
        preferred = _digits_in_language(expression, language)
        return preferred
    value = words_value(re.sub(r"[\s-]+", " ", expression.lower()).split())
    return None if value is None else value


@lru_cache(maxsize=4096)
def _digits_in_language(text: str, language: str):
    from babel.numbers import NumberFormatError, parse_decimal

    for locale in (language, "en" if language == "id" else "id"):
        try:
            return float(parse_decimal(text, locale=locale, strict=True))
        except (NumberFormatError, ValueError):
            continue
    values = digit_values(text)
    return min(values) if values else None


def _tidy(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class _Finder:
    def __init__(self, article: Article):
        self.article = article
        self.text = article.text
        self.language = article.language
        self.found: list[dict] = []
        self.taken = bytearray(len(article.text))  # 1 where a character already belongs to a finding
        event = article.metadata.get("event_date")
        self.year = event.year if isinstance(event, date) else None
        self.paragraphs = paragraph_spans(self.text)
        self.caseless = _Caseless(self.text)

    def free(self, start: int, end: int) -> bool:
        return 1 not in self.taken[start:end]

    def block(self, start: int, end: int) -> None:
        self.taken[start:end] = b"\x01" * (end - start)

    def add(self, start: int, end: int, value, unit, kind: str) -> None:
        if not self.free(start, end):
            return
        self.block(start, end)
        self.found.append({"text": self.text[start:end], "start": start, "end": end,
                           "value": _tidy(value), "unit": unit, "kind": kind})

    def next_word(self, end: int) -> str | None:
        match = re.match(r"\s+([A-Za-zÀ-ÿ][\w-]*)", self.text[end:end + 40])
        return match.group(1) if match else None

    def previous_word(self, start: int) -> str | None:
        match = re.search(r"([A-Za-zÀ-ÿ][\w.-]*)[\s(]*$", self.text[max(0, start - 40):start])
        return match.group(1) if match else None

    def noun_after(self, end: int) -> str | None:
        word = self.next_word(end)
        if word and word.lower() == "of":  # "dozens of people"
            # "of" is the next word, so it lies in the 40 characters next_word looked at
            word = self.next_word(end + self.text[end:end + 40].lower().index("of") + 2)
        if not word or word[0].isupper() or word.lower() in context()["not_units"]:
            return None
        if self.language == "id" and _verb_like(word):
            return None  # "direncanakan", "menunggu", "berusia": a verb, not the thing counted
        return word.lower()

    # --- passes, most specific first ----------------------------------------------------

    def glued_units(self) -> None:
        """"30km" (a count of km), "26-year-old" and "eight-month-long" (durations): the number is the span."""
        ctx = context()
        for match in _glued_patterns()["measure"].finditer(self.text):
            value = _value_of(match["n"], self.language)
            if value is not None:
                self.add(match.start("n"), match.end("n"), value, match["unit"].lower(), "count")
        lower = self.text.lower()
        ends = [i for suffix in ("-old", "-long") for i in _find_all(lower, suffix)]
        for index in sorted(ends):  # only around "-old" and "-long": the pattern is costly over a whole text
            low = max(0, index - 40)
            match = next((m for m in _glued_patterns()["compound"].finditer(self.text, low, index + 6)
                          if m.end() >= index), None)
            if match is None:
                continue
            value = _value_of(match["n"], "en")
            if value is not None:
                self.block(match.end("n"), match.end())
                self.add(match.start("n"), match.end("n"), value, ctx["compound_time_units"][match["unit"].lower()],
                         "duration")
        for match in _glued_patterns()["clock"].finditer(self.text):
            self.block(match.start(), match.end())  # "09:08", "23:00 GMT": a time of day

    def block_names_and_idioms(self) -> None:
        for match in _name_codes(self.text):
            if re.search(r"\d", match.group()) and re.search(r"[A-Za-z]", match.group()):
                if not re.fullmatch(r"\d+(?:st|nd|rd|th)|ke-\d+", match.group(), re.IGNORECASE):
                    self.block(match.start(), match.end())  # Covid-19, F-16, G20
        for match in self.caseless.finditer("tally"):  # "voted 13-0": two counts
            for group in ("a", "b"):
                self.add(match.start(group), match.end(group), int(match[group]), None, "count")
        for name in ("idioms", "not_a_single", "time_of_day", "pronoun_one"):  # salah satu, satu truk pun, 8 a.m.
            for match in self.caseless.finditer(name):
                self.block(match.start(), match.end())
        for match in self.caseless.finditer("names"):
            self.block(match.start(), match.end())  # Resolusi 2254, Densus 88, UU No. 5 Tahun 2018, pukul 09.00

    def _iso(self, year, month: int, day: int | None) -> str:
        if year and len(year) == 2:
            year = "20" + year
        year = int(year) if year else self.year
        if day is None:
            return f"{year:04d}-{month:02d}" if year else f"--{month:02d}"
        return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"

    def dates(self) -> None:
        for match in _patterns()["slash_date"].finditer(self.text):
            day, month = int(match["d"]), int(match["m"])
            if 1 <= day <= 31 and 1 <= month <= 12:
                self.add(match.start(), match.end(), self._iso(match["y"], month, day), None, "date")
        for name in ("day_month", "month_day"):
            for match in self.caseless.finditer(name):
                month = months().get(match["month"].lower().rstrip("."))
                day = int(match["d"])
                if month and 1 <= day <= 31 and (match["month"][0].isupper() or name == "day_month"):
                    self.add(match.start(), match.end(), self._iso(match["y"], month, day), None, "date")
        for match in self.caseless.finditer("month_year"):
            month = months().get(match["month"].lower().rstrip("."))
            if month and match["month"][0].isupper():
                self.add(match.start(), match.end(), self._iso(match["y"], month, None), None, "date")
        for match in self.caseless.finditer("month_alone"):
            month = months().get(match["month"].lower())
            if month and match["month"][0].isupper() and len(match["month"]) > 3:
                self.add(match.start("month"), match.end("month"), self._iso(None, month, None), None, "date")
        for match in _patterns()["decade"].finditer(self.text):
            self.add(match.start(), match.end(), match.group()[:3] + "X", None, "date")  # "1960s" -> "196X"
        for match in self.caseless.finditer("year"):
            self.add(match.start("y"), match.end("y"), match["y"], None, "date")

    def ages(self) -> None:
        for match in _patterns()["age"].finditer(self.text):
            group = "age" if match["age"] else "age2"
            self.add(match.start(group), match.end(group), int(match[group]), None, "duration")

    def money_and_percent(self) -> None:
        for match in self.caseless.finditer("money"):
            number = match["num1"] or match["num2"]
            value = _value_of(number, self.language)
            if value is None:
                continue
            scale = match["scale1"] or match["scale2"]
            if scale:
                value *= _scale_value(scale)
            symbol = (match["sym"] or "").lower().rstrip(".")
            code = currency_code(symbol) if symbol else currency_code(match["cur"])
            self.add(match.start(), match.end(), value, code, "money")
        for match in self.caseless.finditer("percent"):
            value = _value_of(match["num"], self.language)
            if value is not None:
                self.add(match.start(), match.end(), value, None, "percent")

    def durations_ordinals_vague(self) -> None:
        ctx = context()
        for word, unit in ctx["one_unit"].items():
            for match in self.caseless.finditer(f"one_unit {word}"):
                self.add(match.start(), match.end(), 1, unit, "duration")
        for match in self.caseless.finditer("duration"):
            if match["unit"][0].isupper():
                continue  # "Minggu" with a capital is Sunday
            value = _value_of(match["num"], self.language)
            if value is not None:
                self.add(match.start(), match.end(), value, match["unit"].lower(), "duration")
        for match in self.caseless.finditer("ordinal_ke"):
            if match["n"]:  # "kelompok ke-35": the noun comes first
                previous = self.previous_word(match.start())
                unit = previous.lower() if previous and previous.lower() not in ctx["not_units"] else None
                self.add(match.start(), match.end(), int(match["n"]), unit, "ordinal")
            else:  # "the 35th group"
                self.add(match.start(), match.end(), int(match["en"]), self.noun_after(match.end()), "ordinal")
        ordinals = ctx["ordinals"]
        for match in self.caseless.finditer("ordinals"):
            word = match.group().lower()
            if word not in ordinals:
                continue  # "KETİGA": the dotted capital İ lower-cases to two characters, "i" and a dot
            previous, following = self.previous_word(match.start()), self.noun_after(match.end())
            if previous and previous.lower() in ctx["name_before"]:
                self.block(match.start(), match.end())
                continue  # "Amandemen Keempat": part of a name
            previous_is_noun = bool(previous) and previous.lower() not in ctx["not_units"] \
                and previous.lower() not in ("yang", "para", "sang", "the", "a") and not previous[0].isdigit()
            if word.startswith("ke") and following and following not in ctx["time_units"]:
                # "kedua negara": the two countries
                self.add(match.start(), match.end(), ordinals[word], following, "count")
            elif word.startswith("ke") or word == "pertama":  # Indonesian: the noun comes first ("sesi pertama")
                self.add(match.start(), match.end(), ordinals[word], previous.lower() if previous_is_noun else None,
                         "ordinal")
            elif previous and (previous.lower() in ctx["ordinal_determiners_en"] or previous.endswith(("'s", "’s"))):
                self.add(match.start(), match.end(), ordinals[word], following, "ordinal")  # "the second meeting"
            # else an adverb: "give way first"
        for match in self.caseless.finditer("fraction"):
            value = ctx["fractions"][match.group().lower()]
            unit = self.next_word(match.end())
            if unit and unit.lower() in ctx["time_units"]:
                end = match.end() + self.text[match.end():].index(unit) + len(unit)
                self.add(match.start(), end, value, unit.lower(), "duration")  # "setengah jam"
            else:
                self.add(match.start(), match.end(), value, self.noun_after(match.end()), "count")
        for word, value in ctx["both"].items():
            for match in self.caseless.finditer(f"both {word}"):
                self.add(match.start(), match.end(), value, None, "count")
        for match in self.caseless.finditer("vague"):
            self.add(match.start(), match.end(), None, self.noun_after(match.end()), "vague")

    def counts(self) -> None:
        for match in self.caseless.finditer("number"):
            expression = match["num"].rstrip(" -")
            end = match.start() + len(expression)
            value = _value_of(expression, self.language)
            if value is None:
                continue
            if expression.lower() in ("se", "a") or not self.free(match.start(), end):
                continue
            if expression.lower() == "one" and not self._counted(match.start(), end):
                continue  # "said one official": the indefinite article
            scale = re.match(r"\s+(ribu|juta|miliar|milyar|triliun|thousand|million|billion|trillion)\b",
                             self.text[end:end + 20], re.IGNORECASE)
            if scale and re.fullmatch(r"\d+(?:[.,]\d+)*", expression):
                value *= _scale_value(scale.group(1))
                end += scale.end()
            self.add(match.start(), end, value, self.noun_after(end), "count")

    def _counted(self, start: int, end: int) -> bool:
        """Whether the sentence around "one" counts against it: another number, or "another", "other" …"""
        low = max(self.text.rfind(mark, max(0, start - 200), start) for mark in (". ", "? ", "! ", "\n"))
        high = min((i for i in (self.text.find(mark, end, end + 200) for mark in (". ", "? ", "! ", "\n")) if i >= 0),
                   default=min(len(self.text), end + 200))
        around = (self.text[max(0, low):start] + " " + self.text[end:high]).lower()
        return bool(_counts_against_one().search(around))

    def with_years(self) -> None:
        """A date written without its year takes the year the article makes clear: the nearest dated mention
        before it (else after it); a bare year after "dan"/"and" a year is a date too ("tahun 2006 dan 2014")."""
        dated = [row for row in self.found if row["kind"] == "date" and re.match(r"\d{4}", str(row["value"]))]
        full = [row for row in dated if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(row["value"]))]  # a day, month, year
        for row in self.found:
            if row["kind"] == "count" and isinstance(row["value"], int) and 1900 <= row["value"] <= 2099 \
                    and re.fullmatch(r"\d{4}", row["text"]):
                before = self.text[max(0, row["start"] - 12):row["start"]]
                if re.search(r"(?:\bdan|\band|\batau|\bor|[-–])\s*$", before) and any(
                        0 <= row["start"] - d["end"] <= 12 for d in dated):
                    row["kind"], row["value"], row["unit"] = "date", str(row["value"]), None
        if self.year is not None or not full:
            return  # (a year alone or "February 2022" may be history, not the article's own time)
        for row in self.found:
            if row["kind"] == "date" and str(row["value"]).startswith("--"):
                earlier = [d for d in full if d["start"] < row["start"]]
                source = earlier[-1] if earlier else min(full, key=lambda d: d["start"])
                row["value"] = str(source["value"])[:4] + str(row["value"])[1:]

    def run(self) -> list[dict]:
        self.glued_units()
        self.block_names_and_idioms()
        self.dates()
        self.ages()
        self.money_and_percent()
        self.durations_ordinals_vague()
        self.counts()
        self.found.sort(key=lambda r: r["start"])
        self.with_years()
        starts = [s for s, _ in self.paragraphs]
        import bisect

        for row in self.found:
            row["paragraph"] = max(1, bisect.bisect_right(starts, row["start"]))
        return sorted(self.found, key=lambda r: r["start"])


def _scale_value(word: str) -> float:
    for language in ("id", "en"):
        scale = number_words()[language]["scales"].get(word.lower())
        if scale:
            return scale
    return 1.0


def find_numbers(article: Article) -> pd.DataFrame:
    """One row per number: text, paragraph, value, unit, kind, start, end (ordered by start)."""
    rows = _Finder(article).run()
    table = pd.DataFrame(rows, columns=COLUMNS, dtype=object)
    return table.astype({"paragraph": int, "start": int, "end": int})
