"""Find quotations, tell full from partial from scare quotes, and find who speaks.

General rules over lexicons (``lexicons/reporting-verbs.csv``,
``speaker-titles.txt``, ``name-qualifiers.txt``, ``anonymous-speakers.txt``),
for Indonesian and English news:

1. **Marks.** Curly “ ”, guillemets « », straight " (opening or closing told by
   the characters around it).  A quote left open at the end of a paragraph runs
   on when the next mark closes it, or when the next paragraph reopens with an
   opening mark (the wire convention for a long quotation); otherwise it ends
   with its paragraph.
2. **Kind.** *scare* (a short term in marks, with no reporting verb around it),
   *partial* (a fragment woven into the reporter's sentence), else *direct*.
3. **Speaker**, tried in this order: a cue right after the quote (``“…,” ujar
   X``, ``ujarnya``, ``said X``), a cue right before it (``X mengatakan, “…”``,
   ``tegas X, “…”``, ``menurut X``), a cue in the same sentence (partial quotes),
   a cue in the sentence before (``X menegaskan:`` / ``X juga mengumumkan …``),
   and last the previous speaker (context).  Names are resolved to one entity
   per person: the fullest form the article gives (``Blinken`` → ``Antony
   Blinken``, ``Anthony`` and ``Antony`` alike).
4. **Bounds**, so that the work grows with the number of quotation marks and
   no faster, whatever the text: around each quote the engine reads at most
   2,000 characters on either side, the last 80 words of the sentence before
   it (and of the sentence before that) and the first 40 words after it, and a
   name is at most 10 words.  Real sentences and names are shorter (at most 44
   words are read before a quote, and names have at most 5 words, in the kit's
   articles and the development set), so only texts built to be slow read
   differently, e.g. 20,000 opening marks that never close.

>>> from conflict_reading import Article
>>> text = "Kapolda Irjen Budi Santoso mengatakan, “Pelaku sudah ditangkap.”\\n“Kami terus memburu jaringannya,” ujar Santoso."
>>> find_quotes(Article.from_text(text))[["kind", "speaker", "cue", "how"]].values.tolist()
[['direct', 'Budi Santoso', 'mengatakan', 'explicit cue'], ['direct', 'Budi Santoso', 'ujar', 'explicit cue']]
"""

from __future__ import annotations

import bisect
import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from .answers import normalize_text, surname
from .article import Article, paragraph_spans
from .entities import (_nationalities, _place_kind, _sentence_subject, display_name, is_fragment, lexicon, source_kind,
                       subject_source, subject_words)
from .lexicons import LEXICON_DIR, word_list

COLUMNS = ["text", "kind", "paragraph_start", "paragraph_end", "speaker", "cue", "how", "start", "end"]
OPENING = {"“": "”", "«": "»", "„": "”"}
CLOSING = {"”", "»"}
PRONOUN_SUFFIX = "nya"
PRONOUNS = {"dia", "ia", "beliau", "mereka", "he", "she", "they", "it"}
# Words that are never a speaker's name, though capitalised at a sentence start or inside a quote.
NOT_NAMES = PRONOUNS | {"i", "we", "you", "kami", "kita", "saya", "aku", "anda", "kamu"}
SCARE_INTRODUCERS = {
    "istilah", "julukan", "dijuluki", "disebut", "sebutan", "label", "slogan", "kelompok", "operasi",
    "gerakan", "program", "kampanye", "apa", "yang", "so-called", "dubbed", "term", "called", "label",
    "operation", "group", "campaign", "nicknamed", "named", "titled", "berjudul", "bertajuk",
}
_ARTICLES = {"the", "a", "an", "sang", "si"}
_WORD = re.compile(r"[\w’'.-]+", re.UNICODE)


# --- lexicons ------------------------------------------------------------------------

@lru_cache(maxsize=1)
def reporting_verbs() -> pd.DataFrame:
    """The reporting-verb lexicon: verb, root, language, stance, gloss.

    >>> reporting_verbs().set_index("verb").loc["menegaskan", ["root", "stance"]].tolist()
    ['tegas', 'assertive']
    """
    with open(LEXICON_DIR / "reporting-verbs.csv", encoding="utf-8", newline="") as handle:
        return pd.DataFrame(list(csv.DictReader(handle)))


@lru_cache(maxsize=1)
def _verbs() -> dict[str, str]:
    """Every cue form, lower case → its lexicon form (``ujarnya`` → ``ujar``)."""
    forms = {}
    for verb in reporting_verbs()["verb"]:
        forms[verb] = verb
        if " " not in verb and verb.isalpha():
            forms.setdefault(verb + PRONOUN_SUFFIX, verb)
    return forms


@lru_cache(maxsize=1)
def _first_words_of_two_word_cues() -> frozenset[str]:
    """``menurut`` of ``menurut keterangan``: only these words need the next word looked at."""
    return frozenset(form.split(" ", 1)[0] for form in _verbs() if " " in form)


@lru_cache(maxsize=1)
def _cue_tokens() -> frozenset[str]:
    """Every word (lower case, without ``.,:;`` around it) that can start a cue."""
    return frozenset(_verbs()) | _first_words_of_two_word_cues()


@lru_cache(maxsize=65536)
def _token(word: str) -> str:
    return word.lower().strip(".,:;")


def _may_hold_cue(words: list[str]) -> bool:
    """False when no word of ``words`` can be a cue, found without looking at each in Python.

    >>> _may_hold_cue(["“Kami", "pergi,”", "ujarnya."]), _may_hold_cue(["“Kami", "pergi.”"])
    (True, False)
    """
    return not _cue_tokens().isdisjoint(map(_token, words))


def _cue_indices(words: list[str], begin: int = 0) -> list[int]:
    """The indices (from ``begin``) of the words that can be cues: :func:`_cue_at` finds none elsewhere.

    >>> _cue_indices(["“Kami", "pergi,”", "ujarnya", "menurut", "dia."])
    [2, 3]
    """
    cue_tokens = _cue_tokens()
    return [index for index in range(begin, len(words)) if _token(words[index]) in cue_tokens]


def _cue_at(words: list[str], index: int) -> tuple[str, bool] | None:
    """(lexicon form, is_pronoun_form) if ``words[index]`` (lower case) is a cue."""
    verbs = _verbs()
    word = _token(words[index])
    if index + 1 < len(words) and word in _first_words_of_two_word_cues():
        pair = f"{word} {words[index + 1].lower().strip('.,:;')}"
        if pair in verbs:
            return f"{words[index].strip('.,:;')} {words[index + 1].strip('.,:;')}", False  # case kept
    form = verbs.get(word)
    if form is not None:
        return words[index].strip(".,:;"), word != form and word.endswith(PRONOUN_SUFFIX)
    return None


# --- 1. quotation marks -------------------------------------------------------------

@dataclass
class _Span:
    start: int  # first character inside the marks
    end: int    # the closing mark (or the end of the text it runs to)
    open_at: int


def _straight_role(text: str, i: int) -> str:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return "open"
    return "close"


_MARK = re.compile("[" + "".join(OPENING) + "".join(CLOSING) + '"]')


def _marks(text: str) -> list[tuple[int, str]]:
    marks = []
    for match in _MARK.finditer(text):  # a regex scan, not a Python loop over every character
        i, ch = match.start(), match.group()
        if ch in OPENING:
            marks.append((i, "open"))
        elif ch in CLOSING:
            marks.append((i, "close"))
        else:
            marks.append((i, _straight_role(text, i)))
    return marks


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) inside the marks of every quotation, across paragraphs.

    >>> text = "A: “Satu.\\nDua.” B: «Tiga» dan \\"empat\\"."
    >>> [text[s:e] for s, e in quote_spans(text)]
    ['Satu.\\nDua.', 'Tiga', 'empat']
    """
    paragraphs = paragraph_spans(text)
    starts = [start for start, _ in paragraphs]
    start_set = set(starts)

    def paragraph_of(pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    def starts_paragraph(pos: int) -> bool:
        return pos in start_set

    spans, current = [], None
    for pos, role in _marks(text):
        if role == "close":
            if current is not None:
                spans.append(_Span(current.start, pos, current.open_at))
                current = None
            continue
        if current is None:
            current = _Span(pos + 1, -1, pos)
        else:
            # An opening inside an unclosed quotation.  Either a paragraph reopening a long
            # quotation (the wire convention: each paragraph of it opens, only the last closes)
            # or a missing closing mark: the earlier quotation ends with its last paragraph.
            last = paragraph_of(pos) - 1 if starts_paragraph(pos) else paragraph_of(current.open_at)
            end = paragraphs[max(last, paragraph_of(current.open_at))][1]
            spans.append(_Span(current.start, min(end, pos), current.open_at))
            current = _Span(pos + 1, -1, pos)
    if current is not None:  # never closed: it ends with its paragraph
        spans.append(_Span(current.start, paragraphs[paragraph_of(current.open_at)][1], current.open_at))
    result = []
    for span in spans:
        start, end = span.start, span.end
        while end > start and text[end - 1] in " \n":
            end -= 1
        if end > start:
            result.append((start, end))
    return result


# --- 2. names ------------------------------------------------------------------------

_PREPOSITIONS = {"di", "da", "dan", "de"}
_NAME_WORDS = 10  # a name is read no further: real ones have at most 5 or 6 words


_ROMAN = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")


def _initial(word: str) -> bool:
    """"C." or "Jr.": a full stop inside a name.

    >>> _initial("C."), _initial("Jr."), _initial("said.")
    (True, True, False)
    """
    bare = word.rstrip(".")
    return word.endswith(".") and ((len(bare) == 1 and bare.isupper()) or bare.lower() in ("jr", "sr"))


@lru_cache(maxsize=65536)  # a pure function of the word (the lexicons do not change): asked of most words
def _is_name_word(word: str) -> bool:
    if not word or not word[0].isalpha():
        return False
    if word[0].isupper():
        if word.isupper() and len(word) > 1:
            return bool(_ROMAN.fullmatch(word))  # "Leo XIV", "Charles III"; an acronym (RI, BNPT, PBB) is not a name
        return True
    return word in word_list("name-particles") and word not in _PREPOSITIONS


def _trim_name(name: list[str]) -> list[str]:
    while name and name[-1][0].islower():
        name = name[:-1]  # a trailing particle ("Ratna di") belongs to what follows
    if len(name) == 1 and name[0].lower() in NOT_NAMES:
        return []  # "I", "She", "Kami": a pronoun is never a speaker's name
    return name


def _title_prefix(word: str) -> bool:
    return word.lower() in lexicon()["title_prefixes"]


@lru_cache(maxsize=65536)  # a pure function of the word (the lexicons do not change): asked of most words
def _title_word(word: str) -> bool:
    w = word.lower().strip(".,()")
    bare = word.strip(".,()")
    if "/" in bare:  # "Khatib/Penceramah"
        return all(_title_word(part) for part in bare.split("/") if part)
    return (w in word_list("speaker-titles") or w in word_list("name-qualifiers")
            or (w in word_list("title-words") and bare[:1].isupper())  # "Dalam Negeri", not "dalam" (in)
            or (bare.isupper() and len(bare) > 1 and bare.isalpha() and not _ROMAN.fullmatch(bare))
            or _is_place_in_title(bare) or _body_word(bare))


@lru_cache(maxsize=8192)
def _body_word(word: str) -> bool:
    """A capitalised word naming a body ("Kemenlu", "Ministry"), which ends a person's name read before it:
    "Juru bicara Kemlu Dimas Prakoso" → "Dimas Prakoso"."""
    w = word.lower()
    return word[:1].isupper() and w in lexicon()["organisation_heads"] and w not in lexicon()["heads_that_are_names"]


@lru_cache(maxsize=8192)
def _is_place_in_title(word: str) -> bool:
    """A country, region, continent or sea (or a capital named for its government) written in a title:
    "Perdana Menteri Singapura Lawrence Wong", "Menlu Korsel"."""
    from .places import _lower_forms

    if not word[:1].isupper():
        return False
    if len(word) <= 3 and not word.isupper():
        return False  # "RI" and "AS" are countries; "Ri" and "As" are a family name and a word
    row = _lower_forms().get(word.lower())
    return (row is not None and row["kind"] in ("country", "region", "continent", "water")) or (
        word.lower() in lexicon()["state_capitals"])


_PLACE_PREPOSITIONS = {"in", "of", "for", "at", "from", "di", "dari", "ke", "untuk", "asal"}


def speaker_before(words: list[str]) -> str | None:
    """The speaker of a clause ending in a cue: its name, looking past an apposition.

    >>> speaker_before("Lieutenant Colonel Patrick Ilunga, a spokesman for the army in North Kivu,".split())
    'Patrick Ilunga'
    """
    name = name_before(words)
    if not name:
        return None
    index = len(words) - len(name.split())
    if index > 0 and words[index - 1].lower() in _PLACE_PREPOSITIONS:
        for position, candidate in _person_mentions(" ".join(words[:index]), runs=False):
            return candidate
        for start in range(index):
            if not words[start][0].isupper():
                continue
            first = name_after(words[start:index])
            if first and len(first.split()) >= 2:
                return first
        return None
    return name


def name_before(words: list[str]) -> str | None:
    """The person's name that ends ``words`` (titles dropped), or None.

    >>> name_before("Lebih jauh Menteri Luar Negeri Anthony Blinken".split())
    'Anthony Blinken'
    >>> name_before("Menlu Italia Di Maio".split())
    'Di Maio'
    """
    name, stop = [], ""
    for word in reversed(words):
        bare = word.strip(",.:;()“”\"")
        if name and word.endswith((",", ".", ":", ";", ")")) and not _initial(word):
            break  # a clause boundary: "ancaman ISIS, Blinken mengatakan" (not an initial: "Gilberto C. Teodoro")
        if not _is_name_word(bare) or _title_word(bare) or (bare.isupper() and len(bare) > 1):
            stop = bare.lower()
            break
        if _cue_word(bare):
            break
        name.insert(0, bare)
        if len(name) == _NAME_WORDS:
            break
    if stop in word_list("office-of-place-titles") and len(name) >= 3:
        name = name[1:]  # "Bupati Poso Verna Inkiriwang": the first word is the place
    while name and name[0].lower() in word_list("name-particles") and len(name) > 1 and name[0][0].islower():
        name.pop(0)
    name = _trim_name(name)
    return " ".join(name) if name and any(w[0].isupper() for w in name) else None


def name_after(words: list[str]) -> str | None:
    """The person's name that starts ``words`` after any titles, or None.

    >>> name_after("Kapolda Sulteng Irjen Budi Santoso kepada wartawan".split())
    'Budi Santoso'
    """
    return _name_after(words, 0)


def _name_after(words: list[str], begin: int) -> str | None:
    """``name_after(words[begin:])`` without copying the rest of a long list of words."""
    # skip titles (and the place words of a title, up to the last title word)
    last_title, office_of_place = -1, False
    for index in range(min(12, len(words) - begin)):
        word = words[begin + index]
        bare = word.strip(",.:;()“”\"")
        if _title_word(bare) or (_title_prefix(bare) and _title_word_follows(words, begin + index)):
            last_title = index
            office_of_place = office_of_place or bare.lower() in word_list("office-of-place-titles")
        elif not _is_name_word(bare):
            break
        if word.endswith((",", ":", ";")):
            break
    name = []
    for position in range(begin + last_title + 1, len(words)):
        word = words[position]
        bare = word.strip(",.:;()“”\"")
        if not _is_name_word(bare) or _title_word(bare):
            break
        name.append(bare)
        if (word.endswith((",", ".", ":", ";")) and not _initial(word)) or len(name) == _NAME_WORDS:
            break  # "Gilberto C. Teodoro Jr.": an initial or "Jr." does not end the name
    if office_of_place and len(name) >= 3:
        name = name[1:]  # "Bupati Poso Agus Salim": the first word is the place
    name = _trim_name(name)
    return " ".join(name) if name and any(w[0].isupper() for w in name) else None


def _title_word_follows(words: list[str], index: int) -> bool:
    """Whether a title word follows ``words[index]`` (a title prefix)."""
    following = words[index + 1].strip(",.:;()“”\"") if index + 1 < len(words) else ""
    return bool(following) and _title_word(following)


def _cue_word(word: str) -> bool:
    return word.lower().strip(".,:;") in _verbs()


def _description(words: list[str]) -> str | None:
    """An anonymous or collective speaker as the article words it ("seorang warga")."""
    if not words:
        return None
    first = words[0].lower().strip(",.")
    if first not in word_list("anonymous-speakers"):
        return None
    phrase = []
    for position, word in enumerate(words[:8]):
        lower = word.lower()
        if phrase and lower in _PLACE_OF_BARE_PLURAL and first in _BARE_PLURALS and position + 1 < len(words) \
                and words[position + 1][:1].isupper():
            phrase.append(word)  # "officials in Castelby": a bare plural is told apart by its place
            continue
        if phrase and (lower in _DESCRIPTION_STOPS or _is_english_participle(lower, phrase) or _looks_like_verb(lower)):
            break  # "seorang warga yang tinggal …", "a diplomat involved in …": the description ends
        phrase.append(word.strip(",:;“”\"") if re.fullmatch(r"(?:[A-Z]\.){2,},?", word) else word.strip(",.:;“”\""))
        if word.endswith((",", ".", ":", ";")) and not re.fullmatch(r"(?:[A-Z]\.){2,}", word):
            break
    if phrase and phrase[0].lower() in word_list("anonymous-speakers"):
        phrase[0] = phrase[0].lower()  # "Seorang pejabat PBB" at a sentence start is "seorang pejabat PBB"
    return " ".join(phrase).strip() or None


_VERB_PREFIXES = ("meng", "meny", "mem", "men", "me", "ber", "ter", "di")


def _looks_like_verb(word: str) -> bool:
    """A verb or auxiliary that ends a description ("sejumlah massa *membawa* …", "protesters *have* …").

    >>> _looks_like_verb("membawa"), _looks_like_verb("menteri"), _looks_like_verb("have"), _looks_like_verb("diplomat")
    (True, False, True, False)
    """
    word = word.strip(",.:;“”\"").lower()
    if word in lexicon()["auxiliaries"]:
        return True
    if word in lexicon()["not_verbs"] or not word.isalpha():
        return False
    return len(word) >= 6 and word.startswith(_VERB_PREFIXES)


_ENGLISH_DETERMINERS = {"the", "a", "an", "one", "some", "several"}
_BARE_PLURALS = {"officials", "residents", "witnesses", "police", "pejabat", "warga"}
_PLACE_OF_BARE_PLURAL = {"in", "from", "di", "dari"}


def _is_english_participle(word: str, phrase: list[str]) -> bool:
    """``involved`` in "a diplomat involved in the talks": a modifier after the noun, not part of it."""
    return len(phrase) >= 2 and word.isalpha() and word.endswith(("ed", "ing")) and phrase[0].lower() in {"a", "an", "the", "one", "some", "several"}


_DESCRIPTION_STOPS = {
    "yang", "dari", "di", "ke", "kepada", "dalam", "saat", "ketika", "pada", "dengan", "melalui", "lewat",
    "who", "from", "in", "at", "to", "on", "with", "when", "after", "during",
}


# --- 3. attribution ------------------------------------------------------------------

def _words(text: str) -> list[str]:
    return text.split()


_READ_CHARACTERS = 2_000  # of the text on either side of a quote, at most (see the bounds above)
_BEFORE_WORDS = 80  # of the sentence before a quote, at most
_AFTER_WORDS = 40  # after a quote: _after_cue reads 2 + 12 titles + 10 name words + 1 at most
_FIRST_WINDOW = 256  # characters looked at first for the sentence before; four times more while not enough


def _words_before(text: str, start: int, end: int) -> list[str]:
    """``text[start:end].split()``, or its last 80 words within the last 2,000 characters.

    A word cut by the 2,000 characters is not read, and the words are split
    from the end, no further than needed: a long sentence costs what a short one does.

    >>> _words_before("Kapolda mengatakan, “Kami", 0, 20)
    ['Kapolda', 'mengatakan,']
    >>> len(_words_before("kata " * 1_000, 0, 5_000)), len(_words_before("x" * 5_000, 0, 5_000))
    (80, 0)
    """
    low = max(start, end - _READ_CHARACTERS)
    words = text[low:end].rsplit(None, _BEFORE_WORDS)
    if len(words) > _BEFORE_WORDS:
        return words[1:]  # words[0] is the rest, not split
    if low > start and words and not text[low - 1].isspace() and not text[low].isspace():
        return words[1:]  # cut by the window
    return words


def _words_after(text: str, start: int, end: int) -> list[str]:
    """``text[start:end].split()``, or its first 40 words within the first 2,000 characters.

    A word cut by the 2,000 characters is not read.  Forty words are more than
    :func:`_after_cue` reads (two words for a cue, a title of up to 12, a name
    of up to 10), so they give what the whole paragraph would.

    >>> _words_after("“Ya,” ujar Budi Santoso, lalu pergi.", 5, 36)
    ['ujar', 'Budi', 'Santoso,', 'lalu', 'pergi.']
    """
    high = min(end, start + _READ_CHARACTERS)
    words = text[start:high].split(None, _AFTER_WORDS)
    if len(words) > _AFTER_WORDS:
        return words[:-1]  # words[-1] is the rest, not split
    if high < end and words and not text[high - 1].isspace() and not text[high].isspace():
        return words[:-1]  # cut by the window
    return words


_SENTENCE_GAP = re.compile(r"(?<=[.!?”\"»])\s+")
_NON_SPACE = re.compile(r"\S")


def _last_sentence_start(text: str, start: int, end: int) -> int:
    """Where the last sentence of ``text[start:end]`` starts: after its last ``.!?”`` and space.

    Only the end is read, as much as it takes to find that gap, and no more
    than 2,000 characters: with no gap there, the sentence is taken to start
    2,000 characters back (:func:`_words_before` reads no further anyway).

    >>> text = "Satu. Dua tiga! Empat lima "
    >>> text[_last_sentence_start(text, 0, 27):]
    'Empat lima '
    """
    window = _FIRST_WINDOW
    while True:
        low = max(start, end - window)
        last = None
        for gap in _SENTENCE_GAP.finditer(text, low, end):
            if gap.end() < end:  # spaces that end the range end no sentence
                last = gap
        if last is not None:
            return last.end()
        if low <= start or window >= _READ_CHARACTERS:
            return low
        window = min(4 * window, _READ_CHARACTERS)


def _sentence_start(starts: list[int], pos: int) -> int:
    """The start of the sentence holding ``pos`` (``starts`` sorted)."""
    index = bisect.bisect_right(starts, pos) - 1
    return starts[index] if index >= 0 else 0


def _after_cue(words: list[str], sentence_closed: bool = False) -> tuple[str, str | None, str] | None:
    """A cue at the start of ``words`` (text after the quote): (cue, speaker, how).

    ``sentence_closed``: the quote ends its sentence (``….”``), so a long subject
    before a cue after it starts a new sentence, not an attribution.
    """
    if not _may_hold_cue(words[:14]):  # the most words read below
        return None
    for index in range(min(2, len(words))):
        found = _cue_at(words, index)
        if not found:
            continue
        if index == 1 and (_is_name_word(words[0].strip(",.:;")) or words[0].lower().strip(",.") in NOT_NAMES):
            break  # "Ferrand said", "she said": the subject comes first (read below)
        if index == 1 and words[0].lower() in ("dan", "and", "serta"):
            return found[0], None, "explicit cue"  # "…” dan memuji …": the sentence's subject goes on
        cue, pronoun = found
        rest = words[index + len(cue.split()):]
        if _ends_sentence(words[index + len(cue.split()) - 1]):
            rest = []  # "…,” ujar Budi." ends here: the next sentence names nobody
        if pronoun:
            return cue, None, "pronoun"
        if _speaking_pronoun(rest):
            return cue, None, "pronoun"
        if rest and (rest[0][:1] in OPENING or rest[0][:1] == '"'):
            speaker = None  # "… and added: “…”": a quotation follows, not a name
        elif _inverts(cue):
            speaker = source_after(rest)
        else:  # ", citing “a wave of arrests”": what follows is what is said, not who says it
            named = name_after(rest)
            speaker = named if named and _a_person(named) else None
        return cue, speaker, "explicit cue"
    # English "“…,” X said" / "he said" / "X, a spokesman for Y, told reporters"
    for index in range(1, min(6 if sentence_closed else 14, len(words))):
        if _ends_sentence(words[index - 1]) or words[index - 1].endswith((";", "”;", "\";")):
            break  # the sentence or clause ended, or another quotation began: a cue further on is not this one's
        if index > 1 and (words[index - 1].lower().strip(",") in lexicon()["clause_openers"] or words[index - 1].lower() in (
                "yang", "which", "whom")):
            break  # "…” bagi pekerja, meskipun Budi menyatakan …": a clause of its own
        found = _cue_at(words, index)
        if found and sentence_closed and index > 1 and (not _inverts(found[0]) or _long_tail(words[index + 1:])):
            break  # "….” Budi Santoso called the attack …", "….” Budi told the BBC the town was …": a new sentence
        if found:
            subject = words[:index]
            if subject[0].lower().strip(",") in PRONOUNS and all(
                    w[:1].islower() for w in subject[1:]):
                return found[0], None, "pronoun"  # "he said", "She went on to say"
            if _participle(found[0]):
                return _participle_attribution(found[0], subject)  # "…”, AFP quoted the FPA as saying"
            if subject[-1].lower() in ("and", "dan", "but", "namun"):
                return found[0], None, "explicit cue"  # "X wished his “…”, Budi, well and claimed": X claimed
            speaker = _subject(subject) or _name_with_apposition(subject)
            if speaker:
                return found[0], speaker, "explicit cue"
    return None


def _leads_in(before: list[str]) -> bool:
    """Whether the words before a quotation end with its cue: "menegaskan bahwa", "said that", "kata dia:".

    >>> _leads_in("Menteri Budi menegaskan bahwa".split()), _leads_in("Budi datang ke".split())
    (True, False)
    """
    tail = [w.lower().strip(",:") for w in before[-2:]]
    if tail and tail[-1] in ("bahwa", "that"):
        tail = tail[:-1]
    return bool(tail) and _cue_at(tail, len(tail) - 1) is not None


def _long_tail(words: list[str]) -> bool:
    """Whether more than a conduit and a time follow a cue before the sentence ends ("told the BBC." is short;
    "told the BBC the town was hit" is a statement of its own).

    >>> _long_tail("the BBC.".split()), _long_tail("the BBC the town was hit.".split())
    (False, True)
    """
    tail = []
    for word in words[:14]:
        tail.append(word.strip(",.;:").lower())
        if _ends_sentence(word) or word.endswith((",", ";", ":")):
            break
    return len(tail) > 6 or any(w in lexicon()["auxiliaries"] or w in ("that", "bahwa") for w in tail)


_INVERTING = {"said", "says", "added", "told", "asked", "wrote", "continued", "explained", "according to", "read"}


def _participle(cue: str) -> bool:
    """An English participle cue ("saying", "adding"): its subject is the sentence's."""
    return cue.lower().endswith("ing") and cue.isascii() and " " not in cue


def _participle_attribution(cue: str, before: list[str]) -> tuple[str, str | None, str]:
    """(cue, speaker, how) for "The council backed the plan, saying …" (the sentence's subject) and for
    "AFP quoted the FPA as saying" (the one quoted, not the agency that quotes)."""
    lowered = [w.lower().strip(",") for w in before]
    if lowered and lowered[-1] == "as" and "quoted" in lowered:
        quoted = before[len(lowered) - 1 - lowered[::-1].index("quoted") + 1:-1]
        if quoted:
            return cue, _subject(quoted) or " ".join(quoted), "explicit cue"
    opening = _sentence_subject(before)
    if opening and opening[0].lower().strip(",") in PRONOUNS:
        return cue, None, "pronoun"
    return cue, (_subject(opening) if opening else None), "explicit cue"


def _pronoun_subject(before: list[str]) -> bool:
    """Whether the clause before a cue has a pronoun for its subject ("She went on to", "Ia kemudian").

    >>> _pronoun_subject("She went on to".split()), _pronoun_subject("Menlu Retno".split())
    (True, False)
    """
    phrase = subject_words(before) if before else []
    return bool(phrase) and phrase[0].lower().strip(",") in PRONOUNS and all(w[:1].islower() for w in phrase[1:])


def _inverts(cue: str) -> bool:
    """A cue whose speaker may follow it: the short Indonesian forms (``kata``, ``tegas``) and ``said`` ….

    >>> _inverts("tegas"), _inverts("claimed")
    (True, False)
    """
    lower = cue.lower()
    return lower in _root_forms() or lower in _INVERTING or lower == "menurut"


@lru_cache(maxsize=1)
def _root_forms() -> frozenset[str]:
    """The Indonesian cues written as their bare root (kata, tegas, ungkap): they come before their speaker."""
    verbs = reporting_verbs()
    return frozenset(verbs.loc[(verbs["language"] == "id") & (verbs["verb"] == verbs["root"]), "verb"])


def _ends_sentence(word: str) -> bool:
    """``said.`` ends a sentence; ``U.S.`` and ``Dr.`` do not."""
    if word.endswith(("!", "?")):
        return True
    bare = word.rstrip(".").lower()
    return word.endswith(".") and "." not in bare and bare not in word_list("abbreviations")


def _subject(before: list[str]) -> str | None:
    """The source a clause before a cue names: a person (``Menlu Retno Marsudi``, past an apposition),
    else an anonymous description (``Seorang diplomat Arab``, not "Arab"), an organisation
    (``militer Israel``), a state (``Israel``) or a document (``laporan tersebut``); never a fragment.

    >>> _subject("Pada Senin, militer Israel".split()), _subject("Juru bicara Kemlu Judha Nugraha".split())
    ('militer Israel', 'Judha Nugraha')
    """
    phrase = subject_words(before)
    if len(phrase) >= 3 and any(w.lower() in ("and", "dan") for w in phrase[1:-1]) and all(
            w[:1].isupper() or w.lower() in ("and", "dan") for w in phrase):
        listed = [w for w in phrase if not _lexicon_title(w.strip(",")) or w.lower() in ("and", "dan")]
        return " ".join(listed).strip(",")  # "Raja Arvel II dan Ratu Mirna" → "Arvel II dan Mirna"
    cut = next((i for i, w in enumerate(phrase) if w.lower() in ("dari", "from")), None)
    if cut and cut >= 2:
        person = _person_in(name_after(phrase[:cut]))
        if person and len(person.split()) > 1 and _a_person(person) and all(_is_name_word(w) for w in person.split()):
            return person  # "Dewi Kartika dari Lembaga Bantuan Hukum Castelby": the person, of a body
    if _role_only(phrase):
        # "Kapolda", "Kepala BNPT", "Jenderal senior itu", "the minister": someone named earlier
        return Role(" ".join(w.strip(",.:;()“”\"") for w in phrase))
    name = _person_in(speaker_before(phrase)) if phrase else None
    if name and len(name.split()) > 1 and _a_person(name):
        return name
    inner = _person_in(_name_after(phrase, 0)) if phrase else None
    if inner and len(inner.split()) > 1 and _a_person(inner):
        return inner  # "Inspektur Yosias Wenda dari Kepolisian Daerah Papua"
    described = (_description(phrase) if phrase else None) or _subject_description(before)
    if not described and len(phrase) == 1 and phrase[0].islower() and phrase[0] in lexicon()["anonymous_heads"]:
        described = phrase[0]  # "… - critics accused …": a bare plural describes people
    if described and (not name or described.endswith(name)) and not is_fragment(described):
        return described
    if name and _a_person(name) and name == " ".join(w.strip(",.:;") for w in phrase[-len(name.split()):]) \
            and (all(_title_word(w) for w in phrase[:-len(name.split())]) or _free_name(phrase, name)
                 or _title_word(phrase[-len(name.split()) - 1].strip(",.:;()"))):
        return name  # "Wang", "Saurlin", "jaksa Dewi", "Dalam pertemuan itu Blinken": one word, a name
    source = subject_source(before)
    if source and source_kind(source) is not None:
        return source
    return None


_DEMONSTRATIVES = {"itu", "ini", "tersebut", "the", "this", "that"}


_WEEK = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
         "April", "May", "June", "July", "August", "September", "October", "November", "December")
_NP_AFTER = re.compile(r"\s+(?:(?:in|of|to|for|di|untuk)\s+(?:the\s+)?(?:[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*){0,3}"
                       r"|of\s+[a-z]+(?![\w’'-]))")  # "in Estmar", "of the Interior", "of defence"


def _named_with_head(text: str, head: str, lowered: str | None = None) -> str | None:
    """The last fuller naming of a body or a document with ``head`` (lower case) in ``text``:
    "the ministry" → "Estmar's interior ministry", "the embassy" → "the Tavarian embassy in Estmar".
    ``lowered``: ``text.lower()`` when that has the same length, searched instead (faster than ignoring case).

    >>> _named_with_head("Estmar's interior ministry spoke first. The ministry added", "ministry")
    "Estmar's interior ministry"
    >>> _named_with_head("a peace offer from Estmar's embattled junta. The junta", "junta")
    "Estmar's junta"
    """
    keep = lexicon()["organisation_heads"] | word_list("title-words") | word_list("name-qualifiers")
    found = None
    matches = list(_caseless_finditer(_words_pattern([head]), text, lowered))
    for match in reversed(matches[-10:]):  # the latest fuller naming wins: look at the nearest few
        if found:
            break
        before = text[max(0, match.start() - 120):match.start()].split()
        phrase = []
        back = list(reversed(before))
        for index, word in enumerate(back):
            bare = word.strip(",.:;()“”\"")
            if word.endswith((",", ".", ":", ";", "”", "\"")) or not bare:
                break
            if bare[:1].islower() and not phrase and bare.lower() not in keep and any(
                    w.endswith(("'s", "’s")) for w in back[index + 1:index + 3]) and bare.isalpha():
                continue  # "Estmar's embattled junta": the possessive names it, the adjective judges it
            if bare.endswith(("'s", "’s")) or (bare[:1].isupper() and bare.lower() not in ("the", "a", "an")):
                phrase.insert(0, bare)
                if bare.endswith(("'s", "’s")) and not (len(phrase) > 1 or bare[:1].isupper()):
                    break
                continue
            if bare.lower() in keep or bare.lower() in _nationality_words():
                phrase.insert(0, bare)
                continue
            if bare.lower() in ("the",) and phrase:
                phrase.insert(0, bare)
            break
        tail = _NP_AFTER.match(text, match.end())
        if not phrase or all(w.lower() in ("the",) for w in phrase) or not (
                any((w[:1].isupper() and w.lower() != "the") or w.endswith(("'s", "’s")) for w in phrase) or tail):
            continue  # "the defence ministry" again is no fuller naming: "Estmar's defence ministry" is
        name = " ".join(phrase + [text[match.start():match.end()]]) + (tail.group() if tail else "")
        found = " ".join(name.split())
    return found


def _words_pattern(words: list[str]) -> str:
    """A pattern for ``words`` as whole words, apart by spaces: ``(?<!\\w)w1\\s+w2(?!\\w)``, but with the check
    that no word character comes before ``w1`` made after it, so that the regular expression engine looks
    for ``w1`` as a string first (many times faster on a long text; the same matches).

    >>> [m.span() for m in re.finditer(_words_pattern(["juru", "bicara"]), "Sang juru  bicara, xjuru bicara")]
    [(5, 17)]
    """
    first = words[0]
    return ("(?s)" + re.escape(first) + r"(?<!\w" + "." * len(first) + ")"  # (?s): "." is any character
            + "".join(r"\s+" + re.escape(w) for w in words[1:]) + r"(?!\w)")


def _caseless_finditer(pattern: str, text: str, lowered: str | None):
    """The matches of ``pattern`` (its letters lower case) in ``text``, case ignored: searched in ``lowered``
    (``text.lower()``, given only when :func:`_lowers_plainly`), else with ``re.IGNORECASE``.  Read a match's
    text from ``text`` by its span, not from the match."""
    if lowered is None:
        return re.finditer(pattern, text, re.IGNORECASE)
    return re.finditer(pattern, lowered)


def _lowers_plainly(text: str) -> bool:
    """Whether searching ``text.lower()`` finds what ``re.IGNORECASE`` finds in ``text``, at the same positions:
    no character whose lower case changes length or that IGNORECASE matches otherwise (see numbers._Caseless)."""
    from .numbers import _PLAIN_LOWER_CASE

    return not _PLAIN_LOWER_CASE.search(text)


@lru_cache(maxsize=1)
def _heads_of_bodies_people_documents() -> frozenset[str]:
    """The heads of an organisation, a described person and a document ("ministry", "official", "report"),
    joined once: the checks below ask this of many phrases."""
    return lexicon()["organisation_heads"] | lexicon()["anonymous_heads"] | lexicon()["document_heads"]


@lru_cache(maxsize=1)
def _heads_of_documents_and_bodies() -> frozenset[str]:
    return lexicon()["document_heads"] | lexicon()["organisation_heads"]


@lru_cache(maxsize=1)
def _nationality_words() -> frozenset[str]:
    return _nationalities()


class Role(str):
    """A title or description standing for a source named earlier ("Kapolres", "the official"):
    :meth:`_Speakers.role` finds whom it stands for."""


def _role_only(phrase: list[str]) -> bool:
    """A title standing for a person named earlier, with no name of its own.

    >>> _role_only("Kepala BNPT".split()), _role_only("Jenderal senior itu".split()), _role_only("Kepala BNPT Rudi".split())
    (True, True, False)
    """
    words = [w.strip(",.:;()“”\"") for w in phrase]
    words = [w for w in words if w]
    if not words:
        return False
    heads = _heads_of_bodies_people_documents()
    if len(words) == 2 and words[0].lower() in ("the", "this") and words[1].lower() in heads:
        return True  # "the ministry", "the official", "this person": someone or something named before
    if 3 <= len(words) <= 4 and words[0].lower() == "the" and words[-1].lower() in lexicon()["anonymous_heads"] and all(
            w[:1].islower() or w.lower() in _nationality_words() for w in words[1:-1]):
        return True  # "the Ukrainian official", "the senior official": a person described before
    if 3 <= len(words) <= 4 and words[0] == "the" and words[-1].lower() in lexicon()["organisation_heads"] and all(
            w[:1].islower() and w.isalpha() for w in words[1:]):
        return True  # "the defence ministry", "the interior ministry": a body named in full before
    if len(words) == 2 and words[1].lower() in ("itu", "ini", "tersebut") and words[0].lower() in heads:
        return True  # "kementerian itu", "laporan tersebut"
    if any(w.lower() in lexicon()["organisation_heads"] for w in words):
        return False  # "Kementerian Luar Negeri": a body named, not a person's title
    titled = [_title_word(w) or w.lower() in _DEMONSTRATIVES for w in words]
    if all(titled) and any(_lexicon_title(w) for w in words):
        return True
    return _lexicon_title(words[0]) and words[-1].lower() in ("itu", "ini", "tersebut") and not any(
        w[:1].isupper() and not _title_word(w) for w in words[1:])


def _lexicon_title(word: str) -> bool:
    """A title of the lexicons ("Kapolres", "minister"), not an acronym or a place."""
    w = word.lower().strip(".,()")
    return w not in _DEMONSTRATIVES and (w in word_list("speaker-titles") or (w in word_list("title-words")
                                                                              and word[:1].isupper())
                                         or w in word_list("name-qualifiers")) and not _is_place_in_title(word)


def _free_name(phrase: list[str], name: str) -> bool:
    """Whether the name ending ``phrase`` stands alone (``… itu Blinken``), not as a modifier of a
    head noun before it (``pihak Hamas``, ``warga Papua``)."""
    before = [w.strip(",.:;()“”\"").lower() for w in phrase[:-len(name.split())]]
    if not before:
        return True
    heads = _heads_of_bodies_people_documents()
    return before[-1] in ("itu", "ini", "tersebut") or (before[-1].isalpha() and before[-1] not in heads
                                                      and phrase[-len(name.split()) - 1][:1].islower())


def _person_in(name: str | None) -> str | None:
    """``name`` without the names of bodies it starts with, if two words or more remain:
    "Kemlu Judha Nugraha" → "Judha Nugraha"; "Partai Demokrat" stays (one word would remain).

    >>> _person_in("Kemlu Judha Nugraha"), _person_in("Partai Demokrat")
    ('Judha Nugraha', 'Partai Demokrat')
    """
    if not name:
        return name
    words = name.split()
    heads = lexicon()["organisation_heads"]
    start = 0
    while start < len(words) - 2 and (words[start].lower() in heads or _title_word(words[start])):
        start += 1
    return " ".join(words[start:]) if len(words) - start >= 2 else name


def _unresolved(role: str, previous: str | None) -> str | None:
    """A title or description that names nobody earlier: a body or a document stands for itself
    ("kelompok itu", "the statement"); a person's title for the previous speaker."""
    kind = source_kind(str(role))
    if kind in ("organisation", "document", "anonymous"):
        return display_name(str(role)[0].lower() + str(role)[1:])
    return previous


@lru_cache(maxsize=65536)
def _a_person(name: str) -> bool:
    first = name.split()[0].lower() if name.split() else ""
    if first in _ENGLISH_DETERMINERS or first in word_list("anonymous-speakers"):
        return False  # "A Castelby police spokesperson" describes someone; it is not a name
    return not is_fragment(name) and source_kind(name) == "person"


def source_after(words: list[str]) -> str | None:
    """The source named right after a cue (``kata Budi``, ``said the ministry``, ``ujar Polda Papua``).

    >>> source_after("Polda Papua dalam keterangannya.".split()), source_after("Kapolda Irjen Budi Santoso.".split())
    ('Polda Papua', 'Budi Santoso')
    """
    if not words:
        return None
    name = _person_in(name_after(words[:14]))
    if name and _a_person(name):
        return name
    head = [w.strip(".,:;()“”\"") for w in words[:2]]
    if len(words) >= 2 and _role_only(head) and not words[1][-1:].isalnum() is False:
        return Role(" ".join(head))  # "said the diplomat", "kata kementerian itu"
    described = _description(words[:8])
    if described or any(_lexicon_title(w.strip(",")) for w in words[:5]):
        named = _apposed_name(words[:16])
        if named:
            return named  # "kata peneliti pada Organisasi HAM Estmar (OHE), Dewi Kartika."
    if described and not is_fragment(described):
        return described
    phrase = []
    heads = _heads_of_documents_and_bodies()
    headed = bool(words) and words[0].strip(".,:;()“”\"").lower() in heads  # "pernyataan resmi Istana"
    for word in words[:10 if not headed else 6]:
        bare = word.strip(".,:;()“”\"")
        lower_ok = headed and bare.lower() not in lexicon()["conduit_words"] and not _looks_like_verb(bare) \
            and bare.lower() not in lexicon()["never_sources"]
        if phrase and bare[:1].islower() and (bare.lower() in lexicon()["organisation_heads"]
                                              or bare.lower() in lexicon()["anonymous_heads"]):
            phrase.append(bare)  # "according to Dalmen police", "said Tavarian officials": the head ends the source
            break
        ahead = [w.strip(".,:;()“”\"").lower() for w in words[len(phrase):len(phrase) + 3]]
        if phrase and bare[:1].islower() and bare.isalpha() and not words[len(phrase) - 1].endswith((",", ".", ":", ";")) \
                or phrase and bare[:1].islower() and re.fullmatch(r"(?:[A-Z]\.){2,}", words[len(phrase) - 1]):
            head_at = next((k for k, w in enumerate(ahead[1:], 1) if w in lexicon()["anonymous_heads"]
                            or w in lexicon()["organisation_heads"]), None)
            if head_at is not None and all(w.isalpha() and w not in lexicon()["conduit_words"]
                                           and w not in lexicon()["never_sources"] for w in ahead[:head_at]):
                phrase += [w.strip(".,:;()“”\"") for w in words[len(phrase):len(phrase) + head_at + 1]]
                break  # "according to U.S. intelligence officials": modifiers, then the head
        if headed and bare.lower() in ("by", "oleh") and phrase and re.search(r"(?:ed|en|seen|made)$", phrase[-1]) \
                and len(words) > len(phrase) + 1 and words[len(phrase) + 1][:1].isupper():
            phrase.append(bare)  # "video obtained by Reuters": who obtained it names the document
            continue
        if not bare or (bare[:1].islower() and not lower_ok and (bare.lower() not in word_list("name-particles")
                                                                or bare.lower() in lexicon()["conduit_words"])):
            break
        phrase.append(bare if not re.fullmatch(r"(?:[A-Z]\.){2,}", word) else word)  # "U.S." keeps its dots
        if word.endswith((",", ".", ":", ";")) and not re.fullmatch(r"(?:[A-Z]\.){2,}", word):
            break
    rest = words[len(phrase):len(phrase) + 5]
    if phrase and not words[len(phrase) - 1].endswith((",", ".", ":", ";")) and len(rest) >= 2 \
            and rest[0] in ("in", "of", "to", "for") and rest[1][:1].isupper():
        for word in rest[1:]:  # "the UN mission in Estmar"
            bare = word.strip(".,:;()“”\"")
            if not bare[:1].isupper():
                break
            phrase += [rest[0]] if rest[0] not in phrase[-1:] and word is rest[1] else []
            phrase.append(bare)
            if word.endswith((",", ".", ":", ";")):
                break
    while phrase and phrase[-1].startswith("(") is False and re.fullmatch(r"[A-Z]{2,}", phrase[-1]) \
            and len(phrase) > 2 and words[len(phrase) - 1].startswith("("):
        phrase.pop()  # "the Front Pembebasan Arsa (FPA)"
    if _role_only(phrase):
        return Role(" ".join(phrase))  # "kata Kapolres", "said the minister"
    source = " ".join(phrase)
    return source if phrase and source_kind(source) is not None else None


def _apposed_name(words: list[str]) -> str | None:
    """The person's name set after a comma at the end of a description after a cue:
    "kata peneliti pada lembaga itu, Dewi Kartika." → Dewi Kartika.

    >>> _apposed_name("peneliti pada Organisasi HAM Estmar (OHE), Dewi Kartika. Ia".split())
    'Dewi Kartika'
    """
    for index, word in enumerate(words[:-1]):
        if word.endswith((".", ";", ":")) and not re.fullmatch(r"(?:[A-Z]\.){1,}", word):
            return None  # the description's sentence ended: no name in it
        if not word.endswith(","):
            continue
        name = []
        for follower in words[index + 1:index + 6]:
            bare = follower.strip(",.;:")
            if not _is_name_word(bare):
                break
            name.append(bare)
            if follower[-1:] in ",.;:":
                break
        else:
            name = []
        joined = " ".join(name)
        if len(name) >= 2 and words[index + len(name)][-1:] in ",.;:" and _a_person(joined):
            return joined
        return None
    return None


def _name_with_apposition(subject: list[str]) -> str | None:
    """``Teodor Vask, Estmar's minister for reconciliation,`` (before a cue): the name before the apposition.

    >>> _name_with_apposition("Teodor Vask, Estmar's minister for reconciliation,".split())
    'Teodor Vask'
    """
    if not subject or not subject[-1].endswith(","):
        return None
    for index, word in enumerate(subject[:-1]):
        if word.endswith(","):
            name = name_after(subject[:index + 1])
            return name if name and len(name.split()) >= 2 else None
    return None


def _before_cue(words: list[str]) -> tuple[str, str | None, str] | None:
    """A cue just before the quote: 'X mengatakan, “', 'tegas X, “', 'menurut X, “'."""
    tail = words[-10:]
    if not _may_hold_cue(tail):
        return None
    for index in range(len(tail) - 1, -1, -1):
        found = _cue_at(tail, index)
        if not found:
            continue
        cue, pronoun = found
        after = tail[index + len(cue.split()):]
        before = words[: len(words) - len(tail) + index]
        if pronoun:
            return cue, None, "pronoun"
        if _speaking_pronoun(after):
            return cue, None, "pronoun"
        if _participle(cue) and before:
            return _participle_attribution(cue, before)
        if _pronoun_subject(before):
            return cue, None, "pronoun"
        speaker = _subject(before) if before else None
        if not speaker and after:
            # "tegas Blinken, “…”", "said the minister: “…”": a speaker after the cue; but after "claimed" or
            # "menyebut" the words are what is said ("claimed the deal would make them “stronger”")
            speaker = source_after(after) if _inverts(cue) else (name_after(after) if _a_person(name_after(after) or "") else None)
        if not speaker and before and before[-1].lower().strip(",") in PRONOUNS:
            return cue, None, "pronoun"
        return cue, speaker, "explicit cue"
    return None


def _opening_subject(words: list[str], bodies: bool = False, single: bool = False) -> str | None:
    """The person or body that opens the sentence a quotation sits in, when a cue names nobody:
    "Another resident, Dewi Kartika, heard “…” and called …" → Dewi Kartika.

    >>> _opening_subject("Another resident, Dewi Kartika, heard".split())
    'Dewi Kartika'
    """
    if not words or words[0].lower().strip(",") in PRONOUNS:
        return None
    tries = 0
    for index, word in enumerate(words[:12]):
        bare = word.strip(",.:;").lower()
        if index == 0 or not word[:1].islower() or _title_word(bare) or bare in lexicon()["anonymous_heads"] \
                or bare in lexicon()["organisation_heads"]:
            continue  # "North Korean leader Ri Song Ho": the subject goes on past its title
        phrase = subject_words(words[:index])
        name = _subject(phrase) if phrase else None
        if name and not isinstance(name, Role) and (name.split()[0][:1].isupper() or name.split()[0] == "the") and (
                (_a_person(name) and (len(name.split()) > 1 or single) and all(_is_name_word(w) for w in name.split()))
                or (bodies and source_kind(name) == "organisation")):
            return name
        tries += 1
        if tries == 3:
            break
    return None


def _speaking_pronoun(after: list[str]) -> bool:
    """Whether the words after a cue start with the pronoun that speaks ("kata dia", "…,” said he.") rather than
    with what is said ("said it was “ready to talk”": "it" is the subject of the statement).

    >>> _speaking_pronoun("dia menambahkan".split()), _speaking_pronoun(["he."]), _speaking_pronoun("it is ready".split())
    (True, True, False)
    """
    if not after or after[0].lower().strip(",.:;") not in PRONOUNS:
        return False
    word = after[0].lower().strip(",.:;")
    return not word.isascii() or word in ("ia", "dia", "beliau", "mereka") or after[0][-1:] in ",.:;" or len(after) == 1


def _subject_phrase(words: list[str]) -> list[str]:
    """The words of the last clause before a verb (for descriptions like 'Seorang warga')."""
    for index in range(len(words) - 1, -1, -1):
        if words[index].endswith((",", ".", ":", ";")) or words[index] in ("-", "–", "—"):
            return words[index + 1:]  # (a lone dash ends a clause too: "… had grown weak - critics")
    return words


def _subject_description(before: list[str]) -> str | None:
    """An anonymous subject: of the last clause, or, past an apposition closed by a comma, of the sentence.

    >>> _subject_description("A senior Western diplomat, who spoke on condition of anonymity,".split())
    'a senior Western diplomat'
    """
    return _description(_subject_phrase(before)) or (_description(before) if before and before[-1].endswith(",") else None)


def _cue_in(words: list[str]) -> tuple[str, str | None, str] | None:
    """Any cue in a sentence, with its subject (the nearest name before it, or after it)."""
    if not _may_hold_cue(words):
        return None
    for index in _cue_indices(words):
        found = _cue_at(words, index)
        if not found:
            continue
        cue, pronoun = found
        if index > 0 and words[index - 1].lower().strip(",") in lexicon()["negations"]:
            continue  # "Komnas HAM belum memastikan …": nothing said
        if pronoun:
            return cue, None, "pronoun"
        before = words[:index]
        if before and before[-1].lower().strip(",") in PRONOUNS:
            return cue, None, "pronoun"
        kept = len(before)
        while kept and before[kept - 1].lower() in {"juga", "pun", "kemudian", "lalu", "also", "then", "telah", "sudah"}:
            kept -= 1
        before = before[:kept]
        if _participle(cue) and before:
            return _participle_attribution(cue, words[:index])
        if _pronoun_subject(before):
            return cue, None, "pronoun"  # "She went on to say", "Ia kemudian menegaskan"
        after = words[index + len(cue.split()):]
        inverted = source_after(after) if _inverts(cue) else None
        if inverted and before and before[-1].endswith(",") and _a_person(inverted):
            return cue, inverted, "explicit cue"  # "Bagi warga, lanjut Budi, situasi itu …": Budi speaks
        speaker = _subject(before) or inverted
        return cue, speaker, "explicit cue"
    return None


# --- entities: one speaker per person ---------------------------------------------------

def _person_mentions(text: str, runs: bool = True) -> list[tuple[int, str]]:
    """(position, name) of person names introduced by a title or by a cue, and (``runs``) every other run of
    name words (:func:`_name_runs`)."""
    mentions = []
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
    plain = [w for _, w in words]
    distinct = set(plain)  # a word's checks below depend on the word alone: made once per distinct word
    titles = word_list("speaker-titles")
    cue_tokens = _cue_tokens()
    titles_or_cues = {word for word in distinct
                      if _token(word).strip("()“”\"") in titles or _token(word) in cue_tokens}
    for index in [index for index, word in enumerate(plain) if word in titles_or_cues]:  # most words are neither
        pos, word = words[index]
        bare = word.strip(",.:;()“”\"")
        if bare.lower() in titles:
            if index > 0 and plain[index - 1].strip(",.:;()“”\"").lower() in titles:
                continue  # the title's second word: already read from the first
            names = [_name_after(plain, index)]
            if index > 0 and plain[index - 1].endswith(","):
                names.append(name_before(plain[max(0, index - 4):index]))  # "Andi Saputra, terdakwa …"
        elif cue := _cue_at(plain, index):
            # "according to Astrid Lindqvist", "…, Mariana Kostova, mengatakan"
            names = [_name_after(plain, index + len(cue[0].split())), name_before(plain[max(0, index - 6):index])]
        else:
            continue
        for name in names:
            if name and len(name.split()) >= 2:
                mentions.append((pos, name))
    if runs:
        common = frozenset(w.strip(",.:;()“”\"'‘’") for w in distinct if w[:1].islower())
        mentions.extend(_name_runs(words, common))
    for match in _AGE_AFTER_NAME.finditer(text):  # "Margit Sorel, 63,", "Ilona Berat (41)"
        before = text[max(0, match.start() - 60):match.start()]
        name = name_before(before.split()[-4:])
        if name and len(name.split()) >= 2 and before.endswith(name):
            mentions.append((match.start() - len(name), name))
    mentions.sort(key=lambda mention: mention[0])
    return mentions


@lru_cache(maxsize=65536)
def _could_be_name_word(bare: str) -> bool:
    """A word that may be part of a person's name: a name word, not a title, a body, a pronoun or a cue."""
    lower = bare.lower()
    return (_is_name_word(bare) and not _title_word(bare) and lower not in lexicon()["organisation_heads"]
            and lower not in lexicon()["document_heads"] and not bare.endswith(("'s", "’s"))
            and lower not in NOT_NAMES and not _cue_word(bare))


def _name_runs(words: list[tuple[int, str]], common: frozenset[str] = frozenset()) -> list[tuple[int, str]]:
    """(position, name) of every run of two to five name words that no title, place, organisation,
    calendar or function word breaks: "John Loveless", "Edmundo González Urrutia".  A run that opens a
    sentence starts at its second word when its first is a function word ("Namun Budi Santoso")."""
    found, run = [], []
    heads = lexicon()["organisation_heads"] | lexicon()["document_heads"]
    state = {"office": False, "sentence_start": True}
    previous = ""

    def close(comma: bool = False) -> None:
        if not run:
            return
        if state.get("tentative") == run[0][0] and not (len(run) == 2 and comma):
            run.pop(0)  # "Dan denda …" opens a sentence with "and"; "Dan Pinkston, profesor …" is a name
        if state["office"] and len(run) >= 3:
            run.pop(0)  # "Bupati Poso Agus Salim": the first word is the office's place
        kept = run and state.get("tentative") == run[0][0]  # "Dan Pinkston, …" (above)
        while run and not kept and (run[0][1].lower() in heads or run[0][1].lower() in word_list("anonymous-speakers")
                                    or run[0][1].lower() in common or _cue_word(run[0][1])):
            run.pop(0)  # "Menurut Lankov", "Rudal Haj Qassem": a word the text also writes in lower case
        joined = " ".join(w for _, w in run)
        if 2 <= len(run) <= 5 and not is_fragment(joined) and _place_kind(joined) is None:
            found.append((run[0][0], joined))  # not "Puncak Jaya", "Los Angeles": places are not people
        run.clear()

    for pos, word in words:
        bare, lead, ends_sentence, name_word, never_source, never_unless_opening, opens_run, ends_run, comma = \
            _run_word(word)
        starts = state["sentence_start"]
        state["sentence_start"] = ends_sentence
        usable = name_word and not (never_unless_opening and not starts)
        if usable and (not run or opens_run):
            if lead and run:
                close()
            if not run:
                state["office"] = previous.lower() in word_list("office-of-place-titles")
                if never_source:
                    state["tentative"] = pos + lead
            run.append((pos + lead, bare))
            if ends_run:
                close(comma)  # "Budi Santoso, …": the run ends (an initial "F." does not end it)
        elif run:
            close()
        previous = bare
    close()
    return found


@lru_cache(maxsize=65536)
def _run_word(word: str) -> tuple[str, int, bool, bool, bool, bool, bool, bool, bool]:
    """What :func:`_name_runs` reads of one word (it depends on the word alone, so it is worked out once per word):
    the word without punctuation around it, how many marks lead it, whether it ends a sentence, may be a
    name word, is a word never a source (and lower case: never one inside a sentence), may start a run,
    ends a run (and with a comma)."""
    never = lexicon()["never_sources"]
    bare = word.strip(",.:;()“”\"'‘’")
    lead = len(word) - len(word.lstrip(",.:;()“”\"'‘’"))
    ends_sentence = word.endswith((".", "!", "?", ".”", ".\""))
    name_word = bool(bare) and _could_be_name_word(bare)
    never_source = bare.lower() in never
    never_unless_opening = bare[:1].islower() and never_source
    opens_run = bool(bare) and (bare[0].isupper() or bare in word_list("name-particles"))
    ends_run = word.rstrip().endswith((",", ".", ":", ";", ")", "”", "\"")) and not _ROMAN.fullmatch(bare) \
        and not (len(bare) <= 2 and word.endswith("."))
    comma = word.rstrip().endswith(",")
    return bare, lead, ends_sentence, name_word, never_source, never_unless_opening, opens_run, ends_run, comma


# An age after a word: "Margit Sorel, 63," / "Ilona Berat (41)"; the name before it is read from a few words.
# (Each branch looks behind after its first character, so the regex engine skips to commas and spaces.)
_AGE_AFTER_NAME = re.compile(r"(?:,(?<=[^\W\d_],) \d{1,3},| (?<=[^\W\d_] )\(\d{1,3}\))")


CLOSE_WINDOW = 256  # distinct name words among which a close spelling is looked for (see _Speakers)
_MOST_LOOKUPS = 200  # distinct bodies and acronyms whose full name is looked for in the whole text
_LOOK_BACK = 8_000  # characters before a title or description in which whom it stands for is looked for


class _Speakers:
    """Resolve name forms to one entity each: the fullest form the article gives."""

    def __init__(self, text: str):
        self.full_names: list[str] = []
        self._matches: dict[str, str | None] = {}  # match() results while full_names stays the same
        # Indexes, so that a name is compared with the few full names that can match it, not all of them:
        self._with_word: dict[str, set[int]] = defaultdict(set)       # word -> full names (positions) with it
        self._with_last_word: dict[str, set[int]] = defaultdict(set)  # word -> full names ending with it
        self._words_with_pair: dict[str, set[str]] = defaultdict(set)  # two letters -> words holding them
        # Close spellings (Antony/Anthony) are looked for among the most recent CLOSE_WINDOW distinct name
        # words only: a real article has a few dozen, and a hostile text of thousands stays linear.
        self._recent_words: dict[str, None] = {}  # insertion-ordered: oldest first
        self._close_words_of: dict[str, set[str]] = {}  # _close_to() results while the window keeps the same words
        self._mentioned_at: dict[str, list[int]] | None = None
        self._fuller: dict[str, str] = {}
        self._expanded: dict[str, str | None] = {}
        self._lowered: str | None | bool = False  # text.lower() where it can be searched instead (False: not made yet)
        self.text = text
        self.mentions = _person_mentions(text)
        self._positions = [pos for pos, _ in self.mentions]  # in text order
        for _, name in self.mentions:
            self.add(name)

    def _lowered_text(self) -> str | None:
        """The text in lower case, searched instead of the text with re.IGNORECASE (None: where it cannot be)."""
        if self._lowered is False:
            self._lowered = self.text.lower() if _lowers_plainly(self.text) else None
        return self._lowered

    def last_between(self, start: int, end: int) -> str | None:
        """The person named last in ``text[start:end]``, or None."""
        index = bisect.bisect_left(self._positions, end)
        if index and self._positions[index - 1] >= start:
            return self.resolve(self.mentions[index - 1][1])
        return None

    def last_before(self, position: int) -> str | None:
        """The person named most recently before ``position`` (for a pronoun with no earlier quote)."""
        index = bisect.bisect_left(self._positions, position)
        return self.resolve(self.mentions[index - 1][1]) if index else None

    def last_mention_at(self, position: int) -> int:
        """Where the person named most recently before ``position`` is named (-1 if nobody is)."""
        index = bisect.bisect_left(self._positions, position)
        return self._positions[index - 1] if index else -1

    def add(self, name: str) -> str:
        found = self.match(name)
        if found is None:
            self.full_names.append(name)
            self._index(len(self.full_names) - 1)
            self._matches.clear()
            return name
        if len(name.split()) > len(found.split()):
            position = self.full_names.index(found)
            self._index(position, remove=True)
            self.full_names[position] = name
            self._index(position)
            self._matches.clear()
            return name
        return found

    def _index(self, position: int, remove: bool = False) -> None:
        words = _name_tokens(self.full_names[position])
        for word in words:
            if remove:
                self._with_word[word].discard(position)
            else:
                self._with_word[word].add(position)
                self._remember(word)
        if words and remove:
            self._with_last_word[words[-1]].discard(position)
        elif words:
            self._with_last_word[words[-1]].add(position)

    def _remember(self, word: str) -> None:
        """Make ``word`` the newest in the window of words close spellings are looked for among."""
        if word in self._recent_words:
            del self._recent_words[word]
        else:
            for pair in _letter_pairs(word):
                self._words_with_pair[pair].add(word)
            self._close_words_of.clear()  # a word enters the window (and the oldest may leave): look again
        self._recent_words[word] = None
        if len(self._recent_words) > CLOSE_WINDOW:
            oldest = next(iter(self._recent_words))
            del self._recent_words[oldest]
            for pair in _letter_pairs(oldest):
                self._words_with_pair[pair].discard(oldest)

    def _close_to(self, word: str) -> set[str]:
        """The words of full names that ``answers._close`` finds close to ``word`` (itself included)."""
        if word in self._close_words_of:
            return self._close_words_of[word]
        found = {word}
        if len(word) > 1 and _ROMAN.fullmatch(word.upper()):
            found |= {other for other in self._recent_words if _same_numeral(word, other)}
        if len(word) >= 5:  # shorter words are close only to themselves
            candidates = set().union(*(self._words_with_pair.get(pair, ()) for pair in _letter_pairs(word)))
            found |= {other for other in candidates if not _cannot_be_close(word, other) and _close_words(word, other)}
        self._close_words_of[word] = found
        return found

    def _positions_with(self, index: dict[str, set[int]], word: str) -> list[int]:
        """Positions of the full names with a word close to ``word`` (in ``index``), newest first."""
        positions = set().union(*(index.get(other, ()) for other in self._close_to(word)))
        return sorted(positions, reverse=True)

    def match(self, name: str) -> str | None:
        if name not in self._matches:
            self._matches[name] = self._match(name)
        return self._matches[name]

    def _match(self, name: str) -> str | None:
        """The newest full name that ``name`` can be: the first rule that finds one, in order.

        Only full names sharing a close word with ``name`` are looked at; the
        others cannot match (see :func:`_letter_pairs`), so the result is the
        one a look at every full name, newest first, would give.
        """
        given = _name_tokens(name)
        if not given:
            return self._match_by_looking_at_all(given)
        if len(given) == 1:  # "Budi" or "Santoso": either part of a name introduced earlier
            positions = self._positions_with(self._with_word, given[0])
            if positions:
                return self.full_names[positions[0]]
        for position in self._positions_with(self._with_last_word, given[-1]):
            if _can_be(given, self.full_names[position]):
                return self.full_names[position]
        return None

    def _match_by_looking_at_all(self, given: tuple[str, ...]) -> str | None:
        return next((full for full in reversed(self.full_names) if _can_be(given, full)), None)

    def resolve(self, name: str | None, position: int | None = None) -> str | None:
        """The fullest form of ``name``; with ``position``, of the person named most recently before it
        when several fit ("Kim" after Kim Yong-hyun is not Kim Jong Un, named later)."""
        if not name:
            return name
        if position is not None:
            near = self._nearest(name, position)
            if near:
                return near
        return self.match(name) or self.add(name)

    def role(self, role: str, position: int) -> str | None:
        """Whom a title or a description refers back to: the person introduced with that title
        ("Kapolres" → "Kapolres Puncak AKBP Yosias Wenda" → Yosias Wenda), or the description last
        written with that head ("the official" → "a senior Estmar official"); None if none.

        >>> text = "Kapolres Puncak AKBP Yosias Wenda tiba. Kapolres mengatakan hal itu."
        >>> _Speakers(text).role("Kapolres", 45)
        'Yosias Wenda'
        """
        if role.split()[-1].lower() in ("itu", "ini", "tersebut") and _lexicon_title(role.split()[0]):
            last = self.last_before(position)  # "Ibu tiga anak itu", "Jenderal senior itu": the person just named
            if last:
                return last
        words = [w for w in role.split() if w.lower() not in _DEMONSTRATIVES]
        if not words:
            words = role.split()[:1]
        if not words:
            return None
        low = max(0, position - _LOOK_BACK)
        text = self.text[low:position]  # bounded: work stays linear in the text
        lowered = self._lowered_text()[low:position] if self._lowered_text() and _lowers_plainly(role) else None
        searched_words = [w.lower() for w in words] if lowered is not None else words
        for size in range(len(words), 0, -1):
            pattern = _words_pattern(searched_words[:size])
            for match in reversed(list(_caseless_finditer(pattern, text, lowered))[-5:]):  # the nearest few introductions
                name = name_after(text[match.end():match.end() + 200].split()[:14])
                if name and _a_person(name):
                    return self.resolve(name, match.end())
            if size == len(words) and len(words) == 1:
                break
        head = words[-1].lower() if words[-1].lower() not in ("itu", "ini", "tersebut") else words[0].lower()
        named = None if head in lexicon()["anonymous_heads"] else _named_with_head(text, head, lowered)
        if named:
            return named  # "the ministry" → "Pakistan's foreign ministry"; "the diplomat" → "a Western diplomat" (below)
        described = None
        never = lexicon()["never_sources"] | {"time", "times", "when", "where", "whose"}
        described_with_head = r"(?<!\w)(?:a|an|one|seorang|sejumlah|some)\s+(?:[\w’'-]+\s+){0,3}?" + re.escape(head)
        absent = lowered is not None and head not in lowered  # (then nothing to find: the search is skipped)
        for match in () if absent else _caseless_finditer(described_with_head + r"(?!\w)", text, lowered):
            between = text[match.start():match.end()].split()[1:-1]
            if not any(w.lower() in never for w in between):
                described = text[match.start():match.end()]  # "a senior Estmar official", not "a day when Estmar officials"
        if not described and head in lexicon()["generic_person_heads"]:
            heads = "|".join(re.escape(h) for h in sorted(lexicon()["anonymous_heads"], key=len, reverse=True))
            for match in _caseless_finditer(r"(?<!\w)(?:a|an|one|seorang)\s+(?:[\w’'-]+\s+){0,3}?(?:" + heads + r")(?!\w)",
                                            text, lowered if _lowers_plainly(heads) else None):
                between = text[match.start():match.end()].split()[1:-1]
                if not any(w.lower() in never for w in between):
                    described = text[match.start():match.end()]  # "this person said" → "a senior administration official"
        if described:
            return described[0].lower() + described[1:]
        return None

    def settle(self, speaker: str | None, position: int) -> str | None:
        """A speaker as the article names them in full: a person's fullest name, whom a title or
        description stands for (:meth:`role`), a person's acronym spelled out (:meth:`expand`)."""
        if not speaker:
            return speaker
        if isinstance(speaker, Role):
            found = self.role(speaker, position)
            if found and not _a_person(found):
                found = self.fuller(found)  # "the embassy" → "The Tavarian embassy" → "the Tavarian embassy in Estmar"
            return self.the_country(found, position)
        if _a_person(speaker):
            return self.resolve(speaker, position)
        return self.the_country(self.expand(speaker) or self.fuller(speaker), position)

    def the_country(self, name: str | None, position: int) -> str | None:
        """"the country's foreign ministry" named by the country the text last named before ``position``.

        >>> _Speakers("Chile stands firm. The country's foreign ministry said so.").the_country("The country's foreign ministry", 50)
        "Chile's foreign ministry"
        """
        found = _THE_COUNTRY.match(name or "")
        if not found:
            return name
        low = max(0, position - _LOOK_BACK)  # bounded: work stays linear in the text
        named = self.text[low:position].lower().rfind(name.lower())  # where the article wrote it: its country then
        at = low + named if named >= 0 else position
        country = _last_country(self.text[max(0, at - 2000):at])
        return f"{country}'s {name[found.end():]}" if country else name

    def fuller(self, name: str) -> str:
        """A body's name as the article writes it in full: "The Tavarian embassy" → "the Tavarian embassy in
        Estmar" where the text has that; an acronym in brackets after it left out.

        >>> _Speakers("The Tavarian embassy in Estmar said so. The Tavarian embassy added more.").fuller("The Tavarian embassy")
        'The Tavarian embassy in Estmar'
        """
        name = re.sub(r"\s*\([A-Z]{2,}\)$", "", name)
        if source_kind(name) not in ("organisation", "document") or len(name) > 120:
            return name
        if name in self._fuller:
            return self._fuller[name]
        if len(self._fuller) >= _MOST_LOOKUPS:
            return name  # a text with hundreds of bodies: the rest keep their names as written (work stays linear)
        core = re.sub(r"^(?:the|The)\s+", "", name)
        best = name
        for count, match in enumerate(re.finditer(re.escape(core), self.text)):
            if count == 50:
                break  # a body named 50 times has shown its full name by then
            tail = _NP_AFTER.match(self.text, match.end())
            if tail and not re.search(r"\b(?:in|on|at)\s+(?:the\s+)?(?:" + "|".join(_WEEK) + r")", tail.group()):
                candidate = name + " " + " ".join(tail.group().split())
                if len(candidate) > len(best):
                    best = candidate
        self._fuller[name] = best
        return best

    def expand(self, acronym: str) -> str | None:
        """The person an acronym stands for, where the text writes it after the name:
        "Rudi Hartawan Siregar (RHS)" → "Rudi Hartawan Siregar".

        >>> _Speakers("Wakil Ketua MPR Rudi Hartawan Siregar (RHS) hadir.").expand("RHS")
        'Rudi Hartawan Siregar'
        """
        if not (acronym.isupper() and acronym.isalpha()):
            return None
        if acronym in self._expanded:
            return self._expanded[acronym]
        if len(self._expanded) >= _MOST_LOOKUPS:
            return None
        self._expanded[acronym] = None
        at = self.text.find(f"({acronym})")
        if at < 0:
            return None
        name = name_before(self.text[max(0, at - 120):at].split()[-6:])
        self._expanded[acronym] = self.resolve(name) if name and _a_person(name) and len(name.split()) >= 2 else None
        return self._expanded[acronym]

    def _nearest(self, name: str, position: int) -> str | None:
        given = _name_tokens(name)
        if not given:
            return None
        if len(given) == 1:
            fits = [self.full_names[p] for p in self._positions_with(self._with_word, given[0])]
        else:
            fits = [self.full_names[p] for p in self._positions_with(self._with_last_word, given[-1])
                    if _can_be(given, self.full_names[p])]
        exact = [full for full in fits if given[-1] in _name_tokens(full)]
        if exact and len(exact) < len(fits):
            fits = exact  # "Mr Zelensky" is Volodymyr Zelensky, not Olena Zelenska (a close spelling)
            if len(fits) == 1:
                return fits[0]
        if len(fits) < 2:
            return None
        if self._mentioned_at is None:
            self._mentioned_at = defaultdict(list)
            for pos, mention in self.mentions:
                full = self.match(mention)
                if full:
                    self._mentioned_at[full].append(pos)
        before = [(max((p for p in self._mentioned_at.get(full, ()) if p < position), default=-1), full) for full in fits]
        best = max(before)
        return best[1] if best[0] >= 0 else None


_THE_COUNTRY = re.compile(r"(?i)the country['’]s\s+")
_CAPITALISED = re.compile(r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?")


def _last_country(text: str) -> str | None:
    """The country named last in ``text`` (one or two capitalised words the gazetteer knows as a country)."""
    for match in reversed(list(_CAPITALISED.finditer(text))[-60:]):
        words = match.group().split()
        for size in (2, 1):
            name = " ".join(words[-size:]) if len(words) >= size else None
            if name and _place_kind(name) == "country":
                return name
    return None


def _can_be(given: tuple[str, ...], full: str) -> bool:
    """Whether a name whose words are ``given`` can be the person ``full``: the same surname, and
    (where both have one) a close last first name."""
    last = _surname_tokens(full)
    if given[-len(last):] == last or (len(given) >= len(last) and _same_tokens(given[-len(last):], last)):
        first = given[: -len(last)]
        full_first = _name_tokens(full)[: -len(last)]
        return not first or not full_first or _same_tokens(first[-1:], full_first[-1:])
    return False


@lru_cache(maxsize=16384)
def _name_tokens(name: str) -> tuple[str, ...]:
    """The words of a name as compared: lower case, no accents or punctuation."""
    return tuple(normalize_text(name).split())


@lru_cache(maxsize=16384)
def _surname_tokens(name: str) -> tuple[str, ...]:
    return tuple(surname(name))


@lru_cache(maxsize=16384)
def _letter_pairs(word: str) -> frozenset[str]:
    """The pairs of neighbouring letters of ``word``.

    Two words ``answers._close`` finds close always share one (or are equal):
    a ratio of 0.85 leaves at most D = 0.15·(len(a) + len(b)) characters
    unmatched, and cutting a word of 5 letters or more into D + 1 pieces of two
    letters or more, one piece is matched whole.

    >>> sorted(_letter_pairs("budi"))
    ['bu', 'di', 'ud']
    """
    return frozenset(word[index:index + 2] for index in range(len(word) - 1))


@lru_cache(maxsize=16384)
def _letters(word: str) -> int:
    """The characters of ``word`` as bits (character code modulo 64)."""
    bits = 0
    for character in word:
        bits |= 1 << (ord(character) & 63)
    return bits


def _cannot_be_close(a: str, b: str) -> bool:
    """True when ``answers._close(a, b)`` is certainly False, found without comparing the words.

    ``_close`` asks for 5 letters or more and a difflib ratio of 0.85, that is
    2·matched / (len(a) + len(b)).  A character of one word whose bit is not
    among the other word's bits cannot be matched, so it bounds ``matched``.

    >>> _cannot_be_close("budi", "budi"), _cannot_be_close("santoso", "kurniawan"), _cannot_be_close("antony", "anthony")
    (False, True, False)
    """
    if a == b:
        return False
    if len(a) < 5 or len(b) < 5:
        return True
    bits_a, bits_b = _letters(a), _letters(b)
    matched = min(len(a) - (bits_a & ~bits_b).bit_count(), len(b) - (bits_b & ~bits_a).bit_count())
    return 2.0 * matched / (len(a) + len(b)) < 0.85


@lru_cache(maxsize=65536)
def _close_words(a: str, b: str) -> bool:
    from .answers import _close

    return _close(a, b)


def _same_tokens(a, b) -> bool:
    return len(a) == len(b) and all(
        x == y or _same_numeral(x, y) or (not _cannot_be_close(x, y) and _close_words(x, y)) for x, y in zip(a, b))


def _same_numeral(a: str, b: str) -> bool:
    """A regnal number misspelt by swapping its letters ("Leo XVI" for Leo XIV) is the same name.

    >>> _same_numeral("xiv", "xvi"), _same_numeral("xiv", "xv")
    (True, False)
    """
    return (len(a) > 1 and sorted(a) == sorted(b) and bool(_ROMAN.fullmatch(a.upper()))
            and bool(_ROMAN.fullmatch(b.upper())))


# --- what a pronoun refers back to --------------------------------------------------------

def _antecedent(text: str, sentence_starts: list[int], low: int, high: int, speakers: _Speakers) -> str | None:
    """Who the sentences just before ``high`` (and after ``low``) are about, nearest first: the
    subject of a cue (``Dewi menyatakan …``), a person named (``Ilona Berat (41) …``), a name that
    opens a sentence (``Andi, yang …``) or an anonymous subject (``Seorang nelayan setempat …``).
    At most three sentences back; a pronoun never becomes a speaker.

    >>> from conflict_reading import Article
    >>> text = "Menlu Dewi Kartika hadir. Dewi menyatakan masih pikir-pikir. “Kami pelajari,” tegasnya."
    >>> _antecedent(text, Article.from_text(text).sentences["start"].tolist(), 0, 61, _Speakers(text))
    'Dewi Kartika'
    """
    index = bisect.bisect_right(sentence_starts, max(low, high - 1)) - 1
    end = high
    for _ in range(3):
        start = max(low, sentence_starts[index] if index >= 0 else 0)
        if start >= end:
            break
        words = _words(text[start:end])
        if words and words[0].lower().strip(",") in PRONOUNS:
            end, index = start, index - 1  # "Ia lalu bertemu Kapolres X": still about the earlier subject
            if start <= low or index < 0:
                break
            continue
        found = _cue_in(words)
        if found and found[1]:
            return speakers.settle(found[1], end)
        if found and found[2] == "pronoun":
            end, index = start, index - 1  # "Didampingi …, dia meminta maaf": still about someone named earlier
            if start <= low or index < 0:
                break
            continue
        subject = _opening_subject(words, single=True)
        if subject and subject.split()[0] != words[0].strip(",") and speakers.match(subject):
            return speakers.settle(subject, end)  # "Sekda Puncak Jaya, Tumiran berharap …": the sentence's subject
        named = speakers.last_between(start, end)
        if named:
            return named
        opening = name_after(words[:12])
        if opening and speakers.match(opening):
            return speakers.match(opening)
        described = _description(words)
        if described and words[0].lower() not in _ENGLISH_DETERMINERS:
            return described  # "Seorang warga …" (but not "The talks came …")
        if start <= low or index <= 0:
            break
        end, index = start, index - 1
    return None


# --- kind --------------------------------------------------------------------------------

def _kind(text: str, inside: str, start: int, end: int, has_cue: bool) -> str:
    before = text[max(0, start - 300):start - 1].rstrip(" ")
    if start - 300 > 0 and "\n" not in before:
        before = "x " + before  # not at the start of the text
    words_inside = inside.split()
    words_before = before.rsplit(None, 2)[-2:]  # the last two words are all that is read
    previous_word = words_before[-1].lower().strip("(") if words_before else ""
    sentence_like = inside.rstrip()[-1:] in ".?!," or len(words_inside) > 6
    last_words = [w.lower().strip("(") for w in words_before[-2:]]
    named = previous_word in SCARE_INTRODUCERS or (
        len(last_words) == 2 and last_words[1] in _ARTICLES and last_words[0] in SCARE_INTRODUCERS)
    particles = word_list("name-particles")
    if _WHAT_THEY_CALL.search(before[-60:]):
        return "partial"  # "what he called “Russian scum”", "what they feel is “a betrayal”": their words
    if re.fullmatch(r"[a-z]+ly", inside.strip()):
        return "partial"  # "the United States “strongly” condemned": a word of the statement, not a label
    if previous_word in ("that", "bahwa") and len(words_before) == 2 and _cue_word(words_before[0].lower().strip(",")) \
            and inside.rstrip()[-1:] in ".?!" and len(words_inside) > 6:
        return "direct"  # "said that “… .”": a whole statement after the cue
    if len(words_inside) <= 4 and (named or not sentence_like and (
            not has_cue or all(w[:1].isupper() or w.lower() in particles for w in words_inside))):
        return "scare"  # "nicknamed the “corridor of death.”": a name given, not words said
    if before.endswith(",") and inside[:1].islower() and not _ends_with_cue_clause(before):
        return "partial"  # "…, pemeriksaan bisa memakan tiga hari, “lebih lama daripada …”"
    if not before or before[-1] in ",:\n.!?”\"»" or before.endswith(("—", "–", "-")):
        return "direct"
    if _cue_word(previous_word.strip(",:")):
        return "direct"
    return "partial"


_WHAT_THEY_CALL = re.compile(r"\b(?:what|apa yang)\s+\w+\s+(?:\w+\s+)?(?:called|calls|call|termed|describes?|described"
                             r"|feels? is|felt was|sees? as|saw as|sebut|disebut|menyebutnya)$", re.IGNORECASE)


def _ends_with_cue_clause(before: str) -> bool:
    """True when the clause just before a comma is a cue (``kata Dimas,``, ``he said,``, ``Menurut X,``).

    >>> _ends_with_cue_clause("“Kami,” kata Dimas,"), _ends_with_cue_clause("memakan waktu hingga tiga hari,")
    (True, False)
    """
    clause = re.split(r"[,.:;!?”\"»]\s", before[:-1])[-1].split()
    return (_may_hold_cue(clause) and any(_cue_at(clause, index) for index in range(len(clause)))) or (
        len(clause) <= 1)


# --- the engine ----------------------------------------------------------------------------

def speakers_of(article: Article) -> "_Speakers":
    """The one :class:`_Speakers` of an article, made once for find_quotes and find_sources alike
    (kept on the Article, so a new Article of the same text builds its own)."""
    speakers = getattr(article, "_speakers", None)
    if speakers is None or (speakers.text is not article.text and speakers.text != article.text):
        speakers = _Speakers(article.text)
        try:
            object.__setattr__(article, "_speakers", speakers)
        except (AttributeError, TypeError):  # an object without attributes of its own: not kept
            pass
    return speakers


def find_quotes(article: Article) -> pd.DataFrame:
    """One row per quotation: text, kind, paragraph_start/end, speaker, cue, how, start, end."""
    text = article.text
    paragraphs = paragraph_spans(text)
    speakers = speakers_of(article)
    rows = []
    previous_speaker = None
    previous_end = 0  # the end of the last quotation that is speech (not scare quotes)

    starts = [start for start, _ in paragraphs]
    sentence_starts = article.sentences["start"].tolist()

    def paragraph_number(pos: int) -> int:
        return max(1, bisect.bisect_right(starts, pos))

    for start, end in quote_spans(text):
        inside = text[start:end]
        s_start = _sentence_start(sentence_starts, start - 1)
        p_number = paragraph_number(start)
        p_start = paragraphs[p_number - 1][0]
        # the sentence before the quote (within its paragraph), and the text after it, to the end of its paragraph
        p_end = paragraphs[paragraph_number(end) - 1][1]
        after_words = _words_after(text, end + 1, p_end)
        before_words = _words_before(text, max(s_start, p_start), start - 1)
        after = _after_cue(after_words, inside.rstrip()[-1:] in ".!?")
        before = _before_cue(before_words) if before_words else None
        # a named speaker wins over a pronoun; a cue after the quote over one before it, unless the cue before
        # leads straight into the quote ("Budi menegaskan bahwa “…” …, meskipun Dewi menyatakan …")
        if before and before[1] and before_words and _leads_in(before_words):
            attribution = before
        else:
            attribution = next((a for a in (after, before) if a and a[1]), None) or after or before
        if attribution is None and before_words:
            attribution = _cue_in(before_words)
        if attribution is None and not inside.rstrip().endswith((".", "!", "?")):
            # "… was “a warning” to the town …, the FPA said in a statement."
            index = bisect.bisect_right(sentence_starts, end)
            s_end = min(p_end, sentence_starts[index] if index < len(sentence_starts) else p_end)
            rest = _words_after(text, end + 1, s_end)
            if rest and not any(w[:1] in OPENING or w[:1] == '"' for w in rest):
                found = _cue_in(rest)
                attribution = found if found and (found[1] or found[2] == "pronoun") else None
        kind = _kind(text, inside, start, end, attribution is not None)
        how = None
        if attribution is None and kind == "direct":
            # the sentence before: "X menegaskan:" or "X juga mengumumkan ..."
            previous_start = paragraphs[max(0, p_number - 2)][0]
            line_start = max(s_start, p_start)
            found = _cue_in(_words_before(text, _last_sentence_start(text, previous_start, line_start), line_start))
            if found and (found[1] or found[2] == "pronoun"):
                attribution = (found[0], found[1], "previous sentence")
        if kind == "scare":
            speaker = cue = None
        elif attribution is None:
            opens_paragraph = _NON_SPACE.search(text, p_start, start - 1) is None  # not a copy of the paragraph
            if opens_paragraph:
                about = _antecedent(text, sentence_starts, previous_end, p_start, speakers)
            elif previous_end < p_start:
                # "Dewi Kartika lives by the bridge. She heard the siren at dawn. “…”": the person the paragraph is about
                about = _antecedent(text, sentence_starts, p_start, start - 1, speakers) or speakers.last_between(
                    p_start, start)
            else:
                about = None
            if kind == "partial" and not about:
                # "The Tavarian embassy reminded its citizens to “stay indoors”": the sentence's subject
                about = _opening_subject(before_words, bodies=True)
                about = speakers.settle(about, start) if about else None
            speaker = about or previous_speaker
            cue, how = None, "context" if speaker else None
        else:
            cue, speaker, how = attribution
            if speaker is None:
                opens_with_pronoun = bool(before_words) and before_words[0].lower().strip(",") in PRONOUNS
                if how == "pronoun":
                    about = _antecedent(text, sentence_starts, previous_end, start - 1, speakers)
                elif opens_with_pronoun:  # "Ia menyebut … “…” dan memuji …": whom "Ia" stands for
                    about = _antecedent(text, sentence_starts, min(previous_end, s_start - 1), s_start, speakers)
                else:
                    about = None
                opening = _opening_subject(before_words) if how != "pronoun" else None
                speaker = about or opening or previous_speaker or speakers.last_before(start)
                how = "pronoun" if how == "pronoun" else "previous speaker"
            else:
                speaker = speakers.settle(speaker, start) or (_unresolved(speaker, previous_speaker)
                                                              if isinstance(speaker, Role) else None)
                how = how if speaker else None
        if kind != "scare" and speaker:
            previous_speaker = speaker
        if kind != "scare":
            previous_end = end
        rows.append({
            "text": inside, "kind": kind,
            "paragraph_start": p_number, "paragraph_end": paragraph_number(max(start, end - 1)),
            "speaker": speaker, "cue": cue, "how": how, "start": start, "end": end,
        })
    return pd.DataFrame(rows, columns=COLUMNS)
