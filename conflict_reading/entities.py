"""What kind of source a speaker is, and whether a phrase can be one at all.

A source is a person, an organisation, a state acting as a source, a document or
an anonymous (described) person, never a fragment: a date, a weekday, a
conjunction, a lone adjective or a possessive.  The words that decide are in
``lexicons/sources.toml`` (heads of organisations, documents and anonymous
people, capitals named for their government, conduits, words that are never
sources); country names come from the gazetteer.

>>> source_kind("Kementerian Luar Negeri China"), source_kind("Israel"), source_kind("laporan tersebut")
('organisation', 'state', 'document')
>>> source_kind("seorang pejabat"), source_kind("Antony Blinken"), source_kind("Monday")
('anonymous', 'person', None)
>>> subject_source("Pada Senin (1/9), militer Israel juga".split())
'militer Israel'
"""

from __future__ import annotations

import csv
import re
import tomllib
from functools import lru_cache

from .lexicons import LEXICON_DIR, word_list

SOURCE_KINDS = ("person", "organisation", "state", "document", "anonymous")
_STRIP = ",.:;()“”\"'‘’[]"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    """``lexicons/sources.toml``: every list as a frozen set of lower-case entries."""
    with open(LEXICON_DIR / "sources.toml", "rb") as handle:
        data = tomllib.load(handle)
    return {key: frozenset(v.lower() for v in values) for key, values in data.items()}


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Weekday and month names, Indonesian and English, as the answer reader knows them (Babel's names and
    the spellings of lexicons/dates.toml: :func:`conflict_reading.answers.dates.months`, ``weekdays``)."""
    from .answers.dates import months, weekdays

    return frozenset(w for w in (*months(), *weekdays()) if len(w) > 2)


@lru_cache(maxsize=1)
def _nationalities() -> frozenset[str]:
    with open(LEXICON_DIR / "nationalities.csv", encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(handle) if r and not r[0].startswith("#")]
    return frozenset(r[0].lower() for r in rows[1:])


@lru_cache(maxsize=4096)
def _place_kind(name: str) -> str | None:
    from .places import _lower_forms

    row = _lower_forms().get(name.lower())
    return row["kind"] if row else None


def _bare(word: str) -> str:
    return word.strip(_STRIP)


def _lower_words(name: str) -> list[str]:
    return [_bare(w).lower() for w in name.split() if _bare(w)]


@lru_cache(maxsize=65536)
def is_fragment(name: str | None) -> bool:
    """True when ``name`` cannot be a source: empty, a date or weekday, a conjunction or adverb,
    a lone nationality adjective, a possessive, a number.

    >>> [is_fragment(x) for x in ("Pada Maret", "Sebab", "China's", "Russian", "North Korean", "Wang Yi", "officials")]
    [True, True, True, True, True, False, False]
    """
    if not name or not name.strip():
        return True
    written = [_bare(w) for w in name.split() if _bare(w)]
    while len(written) > 1 and written[0].lower() in ("the", "a", "an"):
        written.pop(0)
    words = [w.lower() if not (w.isupper() and len(w) > 1) else w for w in written]  # "AS" is not "as"
    if not words:
        return True
    never = lexicon()["never_sources"]
    calendar = _calendar_words()
    if words[0] in never and words[0] not in lexicon()["anonymous_heads"] and not (
            written[0][:1].isupper() and len(words) > 1 and written[1][:1].isupper()
            and words[1] not in never and words[1] not in _calendar_words()):
        return True  # "Sebab", "Pada Maret"; but "Di Maio" is a name
    if all(w in calendar or w in never or w.isdigit() for w in words):
        return True
    if words[-1] in calendar:
        return True
    if name.rstrip().endswith(("'s", "’s", "s'")):
        return True
    if len(words) == 1 and re.search(r"-(?:run|led|backed|based|linked|affiliated|controlled|held|born)$", words[0].lower()):
        return True  # "Hamas-run": an adjective, the body it qualifies is the source
    if words[0].lower() in ("kami", "kita", "saya", "aku", "we", "i", "you", "anda", "kamu"):
        return True  # "Kami ingin …": the speaker's own words, not a source
    if len(words) == 1 and written[0][:1].islower() and words[0] not in lexicon()["anonymous_heads"] \
            and words[0] not in lexicon()["organisation_heads"] and words[0] not in lexicon()["document_heads"]:
        return True  # "was", "person", "mortars": one lower-case word that names no one
    if len(words) == 1 and (words[0] in _nationalities() or words[0].lower() in lexicon()["pronouns"]
                            or words[0].lower() in ("kami", "kita", "saya", "aku", "we", "i", "you", "nya")):
        return True
    if any(w in lexicon()["indefinite_pronouns"] for w in words):
        return True  # "Menewaskan Seseorang": a phrase in title case, not a name
    if len(words) > 1 and " ".join(words) in _nationalities() or words[-1] in _nationalities() and all(
            w in _nationalities() or w in lexicon()["nationality_qualifiers"] for w in words[:-1]):
        return True  # "North Korean", "South Sudanese": an adjective, however many words
    if any(ch.isdigit() for ch in name) and not re.search(r"[A-Za-z]", name.replace("-", "")):
        return True
    return False



@lru_cache(maxsize=65536)
def source_kind(name: str | None) -> str | None:
    """``person``, ``organisation``, ``state``, ``document`` or ``anonymous``; None for a fragment.

    >>> source_kind("the Chinese Foreign Ministry"), source_kind("AS"), source_kind("local prosecutors")
    ('organisation', 'state', 'anonymous')
    """
    if is_fragment(name):
        return None
    lex = lexicon()
    words = _lower_words(name)
    phrase = " ".join(words)
    core = [w for w in words if w not in ("the", "a", "an", "itu", "ini", "tersebut")]
    if phrase in lex["organisation_names"] or " ".join(core) in lex["organisation_names"]:
        return "organisation"
    if core and (core[0] in lex["document_heads"] or (
            core[-1] in lex["document_heads"] and not any(w[:1].isupper() for w in name.split()[1:]))):
        return "document"  # "laporan Tasnim", "some reports", "the statement"
    if any(w in lex["organisation_heads"] for w in core):
        return "organisation"
    generic = {"the", "a", "an", "one", "some", "several", "mereka"}
    if any(w in lex["anonymous_heads"] for w in core) or (
            words[0] in word_list("anonymous-speakers") and words[0] not in generic):
        if not any(w[:1].isupper() for w in name.split()[-1:]) or core[-1] in lex["anonymous_heads"] \
                or words[0] in word_list("anonymous-speakers"):
            return "anonymous"
    if words[0] in generic and not any(w[:1].isupper() for w in name.split()[1:]):
        return None  # "the attack", "the situation": a thing, not someone who speaks
    joined = " ".join(core)
    if joined in lex["state_capitals"] or _place_kind(joined) == "country":
        return "state"
    if _place_kind(joined) in ("city", "region", "continent", "water"):
        return None  # "Puncak Jaya", "Los Angeles": a place is not a source (a capital may be: above)
    bare_core = [_bare(x) for x in name.split() if _bare(x).lower() not in ("the", "a", "an", "itu", "ini", "tersebut")]
    if bare_core and all(w.isupper() and len(w) > 1 for w in bare_core):
        return "organisation"  # an acronym: "BNPT", "TPNPB", "the BLA"
    if len(words) > 1 and re.fullmatch(r"[\d.,]+%?", words[0]) and words[1] in lex["share_words"] | {"%"}:
        return "anonymous"  # "26 persen lainnya", "65 percent of Democrats": a share of the people asked
    if name[:1].isupper():
        return "person"
    return None  # "granat asap", "gejolak politik ini": a thing or an event, not someone described


_DETERMINERS = {"seorang", "sejumlah", "beberapa", "para", "sebuah", "salah", "the", "a", "an", "some", "several",
                "one", "many", "two", "three", "dua", "tiga", "banyak"}


def display_name(name: str) -> str:
    """A source as the report shows it: a described one lower-case at its start ("The ministry" → "the ministry").

    >>> display_name("Seorang warga"), display_name("The Chinese Foreign Ministry"), display_name("Wang Yi")
    ('seorang warga', 'the Chinese Foreign Ministry', 'Wang Yi')
    """
    words = name.split()
    if len(words) >= 2 and words[0].lower() in lexicon()["side_words"] and words[1][:1].isupper():
        words = words[1:]  # "pihak Israel" → "Israel", "Pihak DHS" → "DHS"
    if len(words) >= 3 and words[0].lower() == "the" and words[1].lower().replace("’", "'") in ("country's", "nation's"):
        words = ["the"] + words[2:]  # "The country's army" → "the army" (which country: the reader knows)
    body = _proper_name_of_body(words)
    if body:
        return body
    if words and words[0].lower() in _DETERMINERS and len(words) > 1:
        words[0] = words[0].lower()
    return " ".join(words)


def _proper_name_of_body(words: list[str]) -> str | None:
    """A body's own name inside a description of it: "the rebel Arsa Liberation Front" →
    "Arsa Liberation Front", "Rights group Amnesty International" → "Amnesty International".

    >>> _proper_name_of_body("the banned Dalmen People Council".split()), _proper_name_of_body("militer Israel".split())
    ('Dalmen People Council', None)
    """
    lower = [w.lower() for w in words]
    if lower and lower[0] in lexicon()["document_heads"]:
        return None  # "video obtained by Reuters": a document, named by who holds it
    names = lexicon()["organisation_names"]
    generic = {"group", "kelompok", "organisasi", "organisation", "organization", "lembaga"}
    for size in (3, 2, 1):  # a body known by name ("ISIS", "Amnesty International") ends the phrase
        for start in range(len(words) - size, 0, -1):
            if " ".join(lower[start:start + size]) in names and start + size >= len(words) - 1 and not any(
                    (w in lexicon()["organisation_heads"] and w not in generic) or w in lexicon()["anonymous_heads"]
                    for w in lower[:start]):
                return " ".join(words[start:start + size])  # not "badan kemanusiaan PBB", "para pakar PBB"
    run = 0
    while run < len(words) and words[len(words) - 1 - run][:1].isupper():
        run += 1
    if 2 <= run < len(words) and words[len(words) - 1 - run][:1].islower() and \
            any(w.lower() in lexicon()["organisation_heads"] for w in words[len(words) - run:]) is not None:
        before = words[:len(words) - run]
        if all(w[:1].islower() for w in before) and not any(w.lower() in lexicon()["organisation_heads"]
                                                             for w in before if w.lower() not in ("group",)):
            return " ".join(words[len(words) - run:])
    return None


_SKIPPED_BEFORE_CUE = {
    "juga", "pun", "telah", "sudah", "kemudian", "lalu", "sebelumnya", "pernah", "turut", "kembali", "akan",
    "sempat", "justru", "bahkan", "hanya", "masih", "also", "then", "had", "has", "have", "would", "will",
    "previously", "earlier", "later", "again", "repeatedly", "publicly", "did", "does", "initially", "separately",
    "yang", "sendiri", "secara", "resmi", "tegas", "terpisah",
}


def subject_words(words: list[str]) -> list[str]:
    """The subject of the clause that ``words`` (the words before a cue) end with.

    Adverbs right before the cue are dropped; the clause starts after the last comma (unless
    what follows it is an apposition closed by another comma), a full stop or a conjunction.

    >>> subject_words("Pada Senin (1/9), militer Israel juga".split())
    ['militer', 'Israel']
    """
    return list(_subject_words(tuple(words)))  # a new list each time: a caller may change its own


@lru_cache(maxsize=4)  # the finders ask again about the clause they just asked about: half the calls
def _subject_words(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_find_subject_words(words))


def _find_subject_words(words: tuple[str, ...]) -> list[str]:
    kept = list(words)
    if kept and kept[-1].rstrip(",").endswith(("”", "\"", "»")):
        return []  # "“…,” kata X": the words before the cue are a quotation, not its subject
    if kept and _bare(kept[-1]).lower() in ("who", "yang") and len(kept) > 1:
        kept = kept[:-1]  # "said Lindqvist, who called …": the relative pronoun stands for the name before it
        kept[-1] = kept[-1].rstrip(",")
    while kept and _bare(kept[-1]).lower() in _SKIPPED_BEFORE_CUE:
        kept.pop()
    if len(kept) > 1 and _bare(kept[-1]).lower() in _COORDINATORS:
        kept = _sentence_subject(kept[:-1])  # "Vask - an Estmar MP - praised the deal and said"
    if len(kept) > 2 and kept[-1] in ("-", "–", "—"):
        # "the UN's refugee agency - the Office of the High Commissioner (UNHCR) - said": the name between dashes
        dashes = [i for i, w in enumerate(kept[:-1]) if w in ("-", "–", "—")]
        if dashes:
            inner = [w for w in kept[dashes[-1] + 1:-1] if not re.fullmatch(r"\([A-Z]{2,}\)", w)]
            outer = kept[:dashes[-1]]
            named = [w for w in inner if w[:1].isupper() and w.lower() not in ("the", "a", "an")]
            kept = inner if inner and len(named) >= max(1, len(inner) - 2) else outer
    while kept and (re.fullmatch(r"\(?[\d/.-]+\)?,?", kept[-1]) or _bare(kept[-1]).lower() in _calendar_words()
                    or _bare(kept[-1]).lower() in {"on", "pada", "hari", "last", "this"}):
        kept.pop()  # "Israel on Monday said", "Polda Papua, Senin (1/9), mengatakan"
    while kept and kept[-1].endswith(","):
        # "X, a spokesman for Y, said": an apposition; "…, Senin (1/9), mengatakan"
        inner = kept[:-1]
        comma = max((i for i, w in enumerate(inner) if w.endswith(",")), default=-1)
        if comma < 0:
            kept[-1] = kept[-1].rstrip(",")
            break
        tail = kept[comma + 1:]
        head = kept[:comma + 1]
        head_comma = max((i for i, w in enumerate(head[:-1]) if w.endswith((",", ".", ":", ";"))), default=-1)
        first = head[head_comma + 1:]
        relative = tail and _bare(tail[0]).lower() in ("who", "which", "yang", "whose", "a", "an", "the", "seorang")
        if relative and first and not is_fragment(" ".join(first)):
            kept = first  # "nurse Marie Ilunga, who is not related to …, said"
            kept[-1] = kept[-1].rstrip(",")
            break
        named_tail = tail and all(w[:1].isupper() or _bare(w).lower() in word_list("name-particles") for w in tail) \
            and len(tail) <= 5 and not is_fragment(" ".join(tail))
        if named_tail and first and (first[0][:1].isupper() or (
                len(tail) >= 2 and first[-1].rstrip(",").lower() in lexicon()["anonymous_heads"]
                and source_kind(" ".join(_bare(w) for w in tail)) == "person")):
            # "Koordinator Kemanusiaan PBB …, Helena Marsh, menggambarkan"; "one Castelby resident, Dewi Kartika,
            # said": the name in apposition
            kept = tail
            kept[-1] = kept[-1].rstrip(",")
            break
        if first and (first[0][:1].isupper() or _bare(first[0]).lower() in word_list("anonymous-speakers")) \
                and len(first) <= 8 and not is_fragment(" ".join(first)):
            kept = first
            kept[-1] = kept[-1].rstrip(",")
            break
        kept = tail
        kept[-1] = kept[-1].rstrip(",")
        break
    from .quotes import _cue_word

    start = 0
    for i, word in enumerate(kept):
        if word in ("-", "–", "—") and 0 < i < len(kept) - 1 and (
                re.search(r"\.(?:com|co|id)$", kept[i - 1].lower())):
            start = i + 1  # "JAKARTA, KOMPAS.com - Pihak Bank Arsa …": a dateline ends
        elif _cue_word(word) and i < len(kept) - 1:
            start = i + 1  # "said Lindqvist": a cue before the subject ends the clause before it
        elif word in ("-", "–", "—") and i < len(kept) - 1:
            start = i + 1  # "… had lost popularity - critics accused them": a clause after a dash
        elif word.endswith((",", ".", ":", ";", "”", "\"")) and i < len(kept) - 1 and not _abbreviation(word):
            start = i + 1
        elif _bare(word).lower() in {"bahwa", "that", "dan", "and", "but", "namun", "tetapi", "while", "sementara",
                                    "yang", "who", "which", "as", "karena", "because", "setelah", "after",
                                    "ketika", "when", "saat", "meski", "although", "oleh", "by"} and i < len(kept) - 1:
            start = i + 1  # ("diajukan oleh sejumlah kelompok yang menilai": the agent is who speaks)
    if 0 < start < len(kept) and _bare(kept[start - 1]).lower() in ("and", "dan") and kept[start][:1].isupper():
        first = start - 1  # "Tavaria, Estmar and Chile condemned": the whole list speaks
        while first > 0 and (_bare(kept[first - 1])[:1].isupper() or _ROMAN_NUMERAL.fullmatch(_bare(kept[first - 1]))) \
                and not _bare(kept[first - 1]).lower() in lexicon()["never_sources"] and first - 1 >= 0 \
                and not kept[first - 1].endswith((".", ":", ";")):
            first -= 1
        if first < start - 1:
            listed = kept[first:]
            if all(w[:1].isupper() or _bare(w).lower() in ("and", "dan") or _ROMAN_NUMERAL.fullmatch(_bare(w))
                   for w in listed):
                return _without_trailing_modifiers(listed)
    return _without_trailing_modifiers(kept[start:])


_ROMAN_NUMERAL = re.compile(r"[IVX]{1,4}")


_PLACE_PREPOSITIONS = {"in", "of", "di", "dari", "for", "untuk", "to"}


def _without_trailing_modifiers(phrase: list[str]) -> list[str]:
    """The subject without what follows its head: "Budi Santoso dalam sambutannya" → "Budi Santoso",
    "militer Tavaria pada Kamis" → "militer Tavaria"; a place after in/of/di stays ("the UN mission
    in Estmar").

    >>> _without_trailing_modifiers("Donald Trump mulanya".split()), _without_trailing_modifiers("officials in Kyiv".split())
    (['Donald', 'Trump'], ['officials', 'in', 'Kyiv'])
    """
    cut = lexicon()["subject_modifiers"]
    calendar = _calendar_words()
    for j in range(1, len(phrase)):
        word = _bare(phrase[j]).lower()
        if word in cut and phrase[j][:1].islower():
            following = _bare(phrase[j + 1]) if j + 1 < len(phrase) else ""
            if word in _PLACE_PREPOSITIONS and following[:1].isupper() and following.lower() not in calendar \
                    and following.lower() not in lexicon()["platforms"]:
                continue
            return phrase[:j]
    return phrase


_COORDINATORS = {"and", "dan", "lalu", "kemudian", "serta", "but", "tetapi", "namun"}


def _sentence_subject(words: list[str]) -> list[str]:
    """The subject that opens a clause, up to its verb: "Teodor Vask - an Estmar MP - praised …" →
    "Teodor Vask"; "the ministry condemned …" → "the ministry"."""
    lex = lexicon()
    allowed = lex["organisation_heads"] | lex["anonymous_heads"] | _nationalities() | {"the", "a", "an", "seorang",
                                                                                          "para", "sejumlah"}
    opening = next((i for i, w in enumerate(words[:5]) if w.endswith(",")), -1)
    if opening >= 0 and is_fragment(" ".join(words[:opening + 1]).rstrip(",")):
        words = words[opening + 1:]  # "On Monday, North Korean leader …": the time comes first, then the subject
    head: list[str] = []
    after_possessive = 0  # "Estmar's first lady Ilona Berat": lower-case words of a title after a possessive
    for word in words:
        bare = _bare(word)
        if head and head[-1].endswith(("'s", "’s")):
            after_possessive = 3
        if word in ("-", "–", "—") or (bare[:1].islower() and bare.lower() not in allowed
                                       and bare.lower() not in word_list("name-particles") and not after_possessive):
            break
        if bare[:1].islower() and after_possessive:
            after_possessive -= 1
        elif bare[:1].isupper():
            after_possessive = 0
        head.append(word)
        if word.endswith((",", ";", ":")):
            rest = words[len(head):len(head) + 6]
            close = next((i for i, w in enumerate(rest) if w.endswith(",")), -1)
            if word.endswith(",") and close >= 1 and all(_bare(w)[:1].isupper() for w in rest[:close + 1]):
                return subject_words(head + rest[:close + 1])  # "Another resident, Budi Santoso, heard …"
            break
    if head:
        head[-1] = head[-1].rstrip(",;:")
    return head


def _abbreviation(word: str) -> bool:
    """"U.S.", "Dr.", "Jr.": a full stop that ends no sentence."""
    return bool(re.fullmatch(r"(?:[A-Z]\.){2,}", word)) or word.rstrip(".").lower() in word_list("abbreviations")


def subject_source(words: list[str]) -> str | None:
    """The source a clause before a cue names, as written (titles kept), or None for a fragment."""
    phrase = [w.strip(",;:()“”\"") if _abbreviation(w.strip(",;:")) else _bare(w) for w in subject_words(words)]
    phrase = [w for w in phrase if w]
    if len(phrase) >= 2 and phrase[0].lower() in lexicon()["side_words"] and phrase[1][:1].isupper():
        phrase = phrase[1:]  # "pihak Israel" → "Israel"
    while phrase and phrase[0].lower() in lexicon()["never_sources"] and phrase[0].lower() not in ("the",):
        phrase.pop(0)
    name = " ".join(phrase)
    return None if is_fragment(name) or len(phrase) > 10 else name
