"""Read the whole story: who says what, about where, with which numbers and words, and when.

Lesson 05 combines the three engines (``find_quotes``, ``find_numbers``,
``find_places``) into one reading of an article.  Every function works on any
article, Indonesian or English, from the engines' findings or from tables with
the same columns (a hand annotation, via :func:`reading`):

- :func:`story_table`: one row per sentence: whose voice, attributed to whom,
  places and numbers named;
- :func:`timeline`: the events the article dates, absolute (``28/6``) and
  relative (``tadi malam``, ``berusia tujuh tahun``; lexicon
  ``lexicons/time-expressions.csv``), from the article's date;
- :func:`loaded_words`: a concordance of loaded and neutral words
  (``lexicons/loaded-terms.csv``) with what each is used for;
- :func:`attributed_or_asserted` and :func:`unsourced_numbers`: claims in a
  speaker's words, reported from a source, or asserted by the reporter;
- :func:`checklist`: the critical-reading checklist (``data/checklist.toml``).

>>> from conflict_reading import Article
>>> article = Article.from_text("Menlu Budi mengatakan, “Ada 12 korban.”\\nPolisi menangkap 3 teroris.")
>>> story_table(article)[["paragraph", "voice", "attribution", "numbers"]].values.tolist()
[[1, 'Budi', 'quoted', '12'], [2, 'reporter', 'asserted', '3']]
"""

from __future__ import annotations

import bisect
import csv
import json
import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import pandas as pd

from .article import Article
from .lexicons import LEXICON_DIR
from .numbers import find_numbers, months
from .numerals import number_values
from .paths import annotations_dir, data_dir
from .places import find_places
from .quotes import find_quotes
from .sources import find_sources

REPORTER = "reporter"
UNKNOWN_SPEAKER = "(speaker not found)"
CLAIM_KINDS = ("count", "money", "percent", "vague", "duration")
STORY_COLUMNS = ["paragraph", "sentence", "voice", "attribution", "source", "places", "numbers", "text", "start", "end"]
TIMELINE_COLUMNS = ["date", "when", "precision", "expression", "kind", "paragraph", "voice", "how", "context", "start"]
LOADED_COLUMNS = ["paragraph", "sentence", "term", "match", "gloss", "category", "tone", "voice", "refers_to",
                  "left", "right", "start"]
DEMONSTRATIVES = {"itu", "ini", "tersebut", "that", "this", "these", "those"}


# --- the reading: a hand annotation where the kit has one, else the engines ------------------

@dataclass
class Reading:
    """The quotes, numbers and places of an article, and where each table comes from."""

    quotes: pd.DataFrame
    numbers: pd.DataFrame
    places: pd.DataFrame
    sources: dict

    def describe(self) -> str:
        """One line per table: its rows and whether a person or the engine made it."""
        return "\n".join(f"{part}: {len(getattr(self, part))} rows, from {source}"
                         for part, source in self.sources.items())


def reading(article: Article) -> Reading:
    """The article's quotes, numbers and places: from ``data/annotations/<name>.json`` where it
    has that list, otherwise from the engines (which can be wrong: check them).

    >>> from conflict_reading import Article
    >>> reading(Article.from_text("Tidak ada kutipan.", name="no-annotation")).sources["quotes"]
    'the engine (find_quotes)'
    """
    engines = {"quotes": find_quotes, "numbers": find_numbers, "places": find_places}
    records = {}
    path = annotations_dir() / f"{article.name}.json"
    if path.is_file():
        try:
            records = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            records = {}
    tables, sources = {}, {}
    for part, engine in engines.items():
        found = engine(article)
        if isinstance(records.get(part), list):
            tables[part] = pd.DataFrame(records[part], columns=found.columns)
            sources[part] = f"the hand annotation {path.name}"
        else:
            tables[part] = found
            sources[part] = f"the engine ({engine.__name__})"
    return Reading(tables["quotes"], tables["numbers"], tables["places"], sources)


# --- voices -------------------------------------------------------------------------------

def speech_spans(quotes: pd.DataFrame) -> list[tuple[int, int, str, str]]:
    """(start, end, speaker, kind) of every quotation that is someone's speech (not scare quotes), in order."""
    spans = []
    for row in quotes.itertuples(index=False):
        if row.kind == "scare":
            continue
        speaker = row.speaker if isinstance(row.speaker, str) and row.speaker else UNKNOWN_SPEAKER
        spans.append((int(row.start), int(row.end), speaker, row.kind))
    return sorted(spans)


def voice_at(position: int, speech: list[tuple[int, int, str, str]]) -> str:
    """The speaker whose quotation holds ``position``, else ``"reporter"``.

    ``speech`` is :func:`speech_spans`: sorted, and quotations never overlap, so the
    only one that can hold ``position`` is the last one opened at or before it.

    >>> voice_at(5, [(3, 9, "Budi", "direct")]), voice_at(10, [(3, 9, "Budi", "direct")])
    ('Budi', 'reporter')
    """
    i = bisect.bisect_right(speech, (position, float("inf"))) - 1
    if i >= 0 and speech[i][0] <= position < speech[i][1]:
        return speech[i][2]
    return REPORTER


def story_table(article: Article, quotes: pd.DataFrame | None = None, numbers: pd.DataFrame | None = None,
                places: pd.DataFrame | None = None, sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per sentence: who speaks, whose claim it is, which places and numbers it names.

    - ``voice``: the speaker whose quotation fills most of the sentence (or who is quoted in full
      inside it, as in *X mengatakan, “…”*), else ``"reporter"``;
    - ``attribution``: ``quoted`` (a speaker's words in quotation marks), ``reported`` (the
      reporter's sentence giving a source: a partial quotation, or reported speech as
      :func:`~conflict_reading.sources.find_sources` finds it, *Blinken mengatakan …*,
      *menurut polisi, …*, *…, officials said*), or ``asserted`` (the reporter's own voice, no source);
    - ``source``: the speaker of ``quoted`` and ``reported`` sentences;
    - ``places``: the English names of the places named; ``numbers``: the numbers as written.

    Missing tables are made by the engines; pass a hand annotation's tables to use those.

    >>> from conflict_reading import Article
    >>> text = "Koalisi punya 77 anggota di Eropa. Budi mengatakan bantuan tiba."
    >>> story_table(Article.from_text(text))[["attribution", "source", "places"]].values.tolist()
    [['asserted', '', 'Europe'], ['reported', 'Budi', '']]
    """
    quotes = find_quotes(article) if quotes is None else quotes
    numbers = find_numbers(article) if numbers is None else numbers
    places = find_places(article) if places is None else places
    speech = speech_spans(quotes)
    sources = find_sources(article, quotes) if sources is None else sources
    indirect = sources[sources["kind"] == "indirect"]
    reported_spans = sorted(zip(indirect["start"].astype(int), indirect["end"].astype(int), indirect["source"]))
    rows = []
    for sentence in article.sentences.itertuples(index=False):
        start, end = int(sentence.start), int(sentence.end)
        inside: dict[str, int] = {}
        partial_speakers, whole_direct = [], None
        for q_start, q_end, speaker, kind in speech:
            overlap = min(end, q_end) - max(start, q_start)
            if overlap > 0:
                inside[speaker] = inside.get(speaker, 0) + overlap
                partial_speakers.append(speaker)
                if kind == "direct" and start <= q_start and q_end <= end + 1:
                    whole_direct = whole_direct or speaker  # "X mengatakan, “…”": the sentence frames a full quotation
        main = max(inside, key=inside.get) if inside else None
        if whole_direct and not (main and inside[main] >= 0.5 * (end - start)):
            main, inside[whole_direct] = whole_direct, end - start
        if main and inside[main] >= 0.5 * (end - start):
            voice, attribution, source = main, "quoted", main
        else:
            voice = REPORTER
            reported = next((who for s_start, s_end, who in reported_spans
                             if min(end, s_end) - max(start, s_start) > 0 and isinstance(who, str) and who), None)
            if partial_speakers:
                attribution, source = "reported", partial_speakers[0]
            elif reported:
                attribution, source = "reported", reported
            else:
                attribution, source = "asserted", ""
        in_sentence = lambda table: table[(table["start"] >= start) & (table["start"] < end)]  # noqa: E731
        rows.append({
            "paragraph": int(sentence.paragraph), "sentence": int(sentence.sentence),
            "voice": voice, "attribution": attribution, "source": source,
            "places": ", ".join(dict.fromkeys(in_sentence(places)["name"].astype(str))),
            "numbers": ", ".join(in_sentence(numbers)["text"].astype(str)),
            "text": sentence.text, "start": start, "end": end,
        })
    return pd.DataFrame(rows, columns=STORY_COLUMNS)


# --- timeline -----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def time_expressions() -> pd.DataFrame:
    """The relative time expressions lexicon: expression, language, unit, offset, precision, gloss, note.

    >>> time_expressions().set_index("expression").loc["tadi malam", ["unit", "offset", "gloss"]].tolist()
    ['day', '-1', 'last night']
    """
    with open(LEXICON_DIR / "time-expressions.csv", encoding="utf-8", newline="") as handle:
        return pd.DataFrame(list(csv.DictReader(handle)))


_NUMBER = r"(?P<n>\d+|[^\W\d_]+(?:[\s-][^\W\d_]+){0,2}?)"


@lru_cache(maxsize=1)
def _time_patterns() -> list[tuple[re.Pattern, dict]]:
    entries = time_expressions().to_dict("records")
    entries.sort(key=lambda e: len(e["expression"]), reverse=True)  # longest first
    patterns = []
    for entry in entries:
        literal = re.escape(entry["expression"]).replace(r"\{n\}", _NUMBER).replace(r"\ ", r"\s+")
        patterns.append((re.compile(rf"(?<![\w-]){literal}(?![\w-])", re.IGNORECASE), entry))
    return patterns


def _shift(reference: date, unit: str, amount: int) -> tuple[str, pd.Timestamp]:
    """(ISO text, timestamp) of ``reference`` moved by ``amount`` units."""
    if unit in ("day", "week"):
        moved = reference + timedelta(days=amount * (7 if unit == "week" else 1))
        return moved.isoformat(), pd.Timestamp(moved)
    if unit == "month":
        index = reference.year * 12 + reference.month - 1 + amount
        year, month = divmod(index, 12)
        return f"{year:04d}-{month + 1:02d}", pd.Timestamp(year=year, month=month + 1, day=1)
    year = reference.year + amount
    return f"{year:04d}", pd.Timestamp(year=year, month=1, day=1)


def _iso_date(value: str, reference: date | None) -> tuple[str | None, pd.Timestamp | None, str]:
    """An engine date value ("2021-06-28", "2019-03", "2019", "--06-28") as (ISO, timestamp, precision)."""
    value = str(value)
    if value.startswith("--"):
        if reference is None:
            return None, None, "day" if len(value) > 4 else "month"
        value = f"{reference.year:04d}{value[1:]}"
    parts = value.split("-")
    try:
        numbers = [int(p) for p in parts]
        stamp = pd.Timestamp(year=numbers[0], month=numbers[1] if len(numbers) > 1 else 1,
                             day=numbers[2] if len(numbers) > 2 else 1)
    except (ValueError, IndexError):
        return None, None, "undated"
    return value, stamp, {1: "year", 2: "month"}.get(len(numbers), "day")


def _around(text: str, start: int, end: int, lo: int, hi: int, words: int = 5) -> tuple[str, str]:
    """Up to ``words`` words of ``text`` before ``start`` (from ``lo``) and after ``end`` (to ``hi``), as written."""
    left = text[lo:start]
    starts = [m.start() for m in re.finditer(r"\S+", left)]
    left = left[starts[-words]:] if len(starts) >= words else left
    right = text[end:hi]
    ends = [m.end() for m in re.finditer(r"\S+", right)]
    right = right[:ends[words - 1]] if len(ends) >= words else right
    return " ".join(left.split("\n")).lstrip(), " ".join(right.split("\n")).rstrip()


def _context(text: str, start: int, end: int, sentences: pd.DataFrame, words: int = 5) -> str:
    """A few words either side of ``text[start:end]``, within its sentence: ``… [tadi malam], …``."""
    index = max(0, bisect.bisect_right(sentences["start"].tolist(), start) - 1)
    s_start, s_end = int(sentences["start"].iloc[index]), int(sentences["end"].iloc[index])
    left, right = _around(text, start, end, s_start, max(s_end, end), words)
    return f"{left}[{text[start:end]}]{right}"


def _number_at_end(words: str) -> tuple[int, str] | None:
    """The number that ends ``words``, longest first: "berselang satu" → (1, "satu")."""
    parts = words.split()
    for size in range(len(parts), 0, -1):
        tail = " ".join(parts[-size:])
        values = number_values(tail)
        if len(values) == 1:
            value = values.pop()
            if float(value).is_integer() and value > 0:
                return int(value), words[len(words) - len(tail):] if words.endswith(tail) else tail
    return None


def article_date(article: Article) -> date | None:
    """The article's date (``event_date`` in its metadata file), or None."""
    value = article.metadata.get("event_date")
    return value if isinstance(value, date) else None


def timeline(article: Article, numbers: pd.DataFrame | None = None, quotes: pd.DataFrame | None = None,
             reference: date | None = None) -> pd.DataFrame:
    """The events the article dates, earliest first (undated ones last).

    Absolute dates come from the numbers table (kind ``date``); relative expressions from
    ``lexicons/time-expressions.csv``, counted from ``reference`` (default: the article's
    ``event_date``).  Columns: ``date`` (ISO text: ``2021-06-27``, ``2019-03``, ``2014``),
    ``when`` (a timestamp, for plotting), ``precision``, ``expression`` as written,
    ``kind`` (absolute / relative), ``paragraph``, ``voice`` (whose words), ``how``
    (how the date was worked out) and ``context``.

    >>> from conflict_reading import Article
    >>> article = Article.from_text("Koalisi yang berusia tujuh tahun itu bertemu. Serangan terjadi kemarin.")
    >>> timeline(article, reference=date(2021, 6, 28))[["date", "expression"]].values.tolist()
    [['2014', 'berusia tujuh tahun'], ['2021-06-27', 'kemarin']]
    """
    numbers = find_numbers(article) if numbers is None else numbers
    quotes = find_quotes(article) if quotes is None else quotes
    reference = reference or article_date(article)
    speech = speech_spans(quotes)
    text = article.text
    sentences = article.sentences
    starts = article.paragraphs["start"].tolist()
    rows = []

    def add(start, end, iso, stamp, precision, kind, how):
        rows.append({
            "date": iso, "when": stamp, "precision": precision, "expression": text[start:end], "kind": kind,
            "paragraph": max(1, bisect.bisect_right(starts, start)), "voice": voice_at(start, speech),
            "how": how, "context": _context(text, start, end, sentences), "start": start,
        })

    for row in numbers[numbers["kind"] == "date"].itertuples(index=False):
        iso, stamp, precision = _iso_date(row.value, reference)
        how = "written in the text" if iso == str(row.value) else (
            f"day and month in the text, year from the article's date ({reference.year})" if iso
            else "no year in the text and no date for the article")
        add(int(row.start), int(row.end), iso, stamp, precision, "absolute", how)

    taken = bytearray(len(text))
    for pattern, entry in _time_patterns():
        if entry["language"] != article.language:
            continue
        for match in pattern.finditer(text):
            if 1 in taken[match.start():match.end()]:
                continue
            amount, begin = 1, match.start()
            if "n" in pattern.groupindex:
                parsed = _number_at_end(match["n"])
                if parsed is None:
                    continue
                amount, words = parsed
                if entry["expression"].startswith("{n}"):  # "berselang satu hari setelah": drop "berselang"
                    begin = match.start("n") + len(match["n"]) - len(words)
                elif words != match["n"]:
                    continue
            if 1 in taken[begin:match.end()]:
                continue
            taken[begin:match.end()] = b"\x01" * (match.end() - begin)
            gloss = re.sub(r"\b1 (day|week|month|year)s\b", r"1 \1", entry["gloss"].replace("{n}", str(amount)))
            entry = {**entry, "gloss": gloss}
            if entry["precision"] == "undated" or not entry["unit"]:
                add(begin, match.end(), None, None, "undated", "relative",
                    f"'{entry['gloss']}': the text gives no date")
                continue
            shift = int(entry["offset"]) * amount
            if reference is None:
                add(begin, match.end(), None, None, entry["precision"], "relative",
                    f"'{entry['gloss']}', but the article has no date to count from")
                continue
            iso, stamp = _shift(reference, entry["unit"], shift)
            step = f"{abs(shift)} {entry['unit']}{'s' if abs(shift) != 1 else ''} {'before' if shift < 0 else 'after'}"
            how = f"'{entry['gloss']}': " + (f"{step} the article's date ({reference.isoformat()})" if shift
                                              else f"the article's date ({reference.isoformat()})")
            add(begin, match.end(), iso, stamp, entry["precision"], "relative", how)

    table = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    if table.empty:
        return table
    table = table.sort_values(["when", "start"], na_position="last", kind="stable").reset_index(drop=True)
    return table.astype({"paragraph": int, "start": int})


# --- loaded words ----------------------------------------------------------------------------

@lru_cache(maxsize=1)
def loaded_terms() -> pd.DataFrame:
    """The lexicon of loaded and neutral words: term, language, gloss, category, tone, note.

    >>> loaded_terms().set_index("term").loc["milisi", ["category", "tone"]].tolist()
    ['label', 'neutral']
    """
    with open(LEXICON_DIR / "loaded-terms.csv", encoding="utf-8", newline="") as handle:
        return pd.DataFrame(list(csv.DictReader(handle)))


def _term_pattern(term: str, language: str) -> re.Pattern:
    """Whole words, any case; an Indonesian word may be doubled for the plural (kelompok-kelompok)."""
    parts = []
    for word in term.split():
        word = re.escape(word)
        parts.append(rf"{word}(?:-{word})?" if language == "id" else word)
    return re.compile(rf"(?<![\w-])" + r"\s+".join(parts) + r"(?![\w-])", re.IGNORECASE)


def _name_run(words: list[str]) -> str | None:
    """The capitalised words that start ``words`` ("Kataib Hizbullah yang …" → "Kataib Hizbullah")."""
    name = []
    for word in words:
        bare = word.strip(",.:;“”\"()")
        if not bare[:1].isupper():
            break
        name.append(bare)
        if bare != word.rstrip("“”\""):
            break  # punctuation ends the name
    return " ".join(name) or None


def _not_actor_words(article: Article, places: pd.DataFrame) -> set[str]:
    """Capitalised words that name no actor: places, months and weekdays."""
    words = {w.lower() for text in places["text"].astype(str) for w in text.replace("-", " ").split()}
    words |= set(months())
    try:
        from babel.dates import get_day_names

        for locale in ("id", "en"):
            words |= {d.lower() for d in get_day_names("wide", locale=locale).values()}
    except ImportError:  # pragma: no cover
        pass
    return words


def _refers_to(text: str, start: int, end: int, p_start: int, skip: set[str], look_back: bool = True) -> str | None:
    """Who a word is used for, by rules a reader should check.

    1. A name right after it (*kelompok teror ISIS*) or right before it (*Islamic State militants*).
    2. For labels followed by a demonstrative (*kelompok teror itu*, that terror group): the
       nearest name before it that is not a place, a month or a weekday, nor a sentence's first word.
    """
    after = text[end:end + 80].split()
    if after:
        name = _name_run(after[:4])
        if name and name.split()[0].lower() not in skip:
            return name
    before = text[p_start:start].split()
    if len(before) > 1 and before[-1][:1].isupper() and before[-1].strip(",.").lower() not in skip \
            and not before[-2].endswith((".", "!", "?", "”", '"')):
        return before[-1].strip(",.")
    if look_back and after and after[0].strip(",.").lower() in DEMONSTRATIVES:
        earlier = text[max(0, start - 400):start].split()
        for index in range(len(earlier) - 1, -1, -1):
            bare = earlier[index].strip(",.:;“”\"()")
            first_of_sentence = index == 0 or earlier[index - 1].endswith((".", "!", "?", "”", '"'))
            if bare[:1].isupper() and bare.lower() not in skip and (bare.isupper() or not first_of_sentence):
                return bare
    return None


def loaded_words(article: Article, terms=None, quotes: pd.DataFrame | None = None,
                 places: pd.DataFrame | None = None) -> pd.DataFrame:
    """A concordance of loaded and neutral words: every use, whose words it is, what it is used for.

    ``terms``: the lexicon (default :func:`loaded_terms`, the article's language only), or a
    list of words of your own.  Columns: paragraph, sentence, term, match (as written), gloss,
    category, tone, voice (``reporter`` or the speaker), refers_to (a first guess at the group
    or person it names: check it), left and right (the words around it), start.

    >>> from conflict_reading import Article
    >>> article = Article.from_text("Polisi menangkap tiga teroris.\\nKelompok teror itu dibubarkan.")
    >>> loaded_words(article)[["term", "tone", "right"]].values.tolist()
    [['teroris', 'loaded', '.'], ['kelompok teror', 'loaded', 'itu dibubarkan.']]
    """
    quotes = find_quotes(article) if quotes is None else quotes
    places = find_places(article) if places is None else places
    lexicon = loaded_terms()
    if terms is None:
        chosen = lexicon[lexicon["language"] == article.language]
    elif isinstance(terms, pd.DataFrame):
        chosen = terms
    else:
        words = [terms] if isinstance(terms, str) else list(terms)
        known = lexicon.drop_duplicates("term").set_index("term")
        chosen = pd.DataFrame([
            {"term": w, "language": article.language, **(known.loc[w].drop("language").to_dict() if w in known.index
                                                         else {"gloss": "", "category": "", "tone": "", "note": ""})}
            for w in words
        ])
    speech = speech_spans(quotes)
    skip = _not_actor_words(article, places)
    text = article.text
    sentence_starts = article.sentences["start"].tolist()
    paragraph_starts = article.paragraphs["start"].tolist()
    taken = bytearray(len(text))
    rows = []
    for entry in sorted(chosen.to_dict("records"), key=lambda e: len(str(e["term"])), reverse=True):
        for match in _term_pattern(str(entry["term"]), entry.get("language", article.language)).finditer(text):
            if 1 in taken[match.start():match.end()]:
                continue
            taken[match.start():match.end()] = b"\x01" * (match.end() - match.start())
            p_index = max(0, bisect.bisect_right(paragraph_starts, match.start()) - 1)
            p_start = paragraph_starts[p_index]
            p_end = int(article.paragraphs["end"].iloc[p_index])
            left, right = _around(text, match.start(), match.end(), p_start, p_end)
            s_index = max(0, bisect.bisect_right(sentence_starts, match.start()) - 1)
            rows.append({
                "paragraph": p_index + 1, "sentence": int(article.sentences["sentence"].iloc[s_index]),
                "term": entry["term"], "match": match.group(), "gloss": entry.get("gloss", ""),
                "category": entry.get("category", ""), "tone": entry.get("tone", ""),
                "voice": voice_at(match.start(), speech),
                "refers_to": _refers_to(text, match.start(), match.end(), p_start, skip,
                                        look_back=entry.get("category", "") in ("label", "actor", "")),
                "left": left.rstrip(), "right": right.lstrip(),
                "start": match.start(),
            })
    table = pd.DataFrame(rows, columns=LOADED_COLUMNS)
    return table.sort_values("start", kind="stable").reset_index(drop=True)


# --- claims: attributed or asserted ----------------------------------------------------------

def attributed_or_asserted(article: Article, quotes: pd.DataFrame | None = None, numbers: pd.DataFrame | None = None,
                           places: pd.DataFrame | None = None, terms=None,
                           kinds: tuple[str, ...] = CLAIM_KINDS) -> pd.DataFrame:
    """The sentences that carry a claim (a number of one of ``kinds``, or a loaded word), with
    whether the claim is ``quoted``, ``reported`` from a source, or ``asserted`` by the reporter.

    >>> from conflict_reading import Article
    >>> article = Article.from_text("Ancaman masih besar. Budi mengatakan 40 orang mengungsi. Cuaca cerah.")
    >>> attributed_or_asserted(article)[["attribution", "source", "claims"]].values.tolist()
    [['asserted', '', 'ancaman'], ['reported', 'Budi', '40']]
    """
    quotes = find_quotes(article) if quotes is None else quotes
    numbers = find_numbers(article) if numbers is None else numbers
    places = find_places(article) if places is None else places
    story = story_table(article, quotes, numbers, places)
    words = loaded_words(article, terms, quotes, places)
    claim_numbers = numbers[numbers["kind"].isin(kinds)]
    claims = []
    for row in story.itertuples(index=False):
        found = claim_numbers[(claim_numbers["start"] >= row.start) & (claim_numbers["start"] < row.end)]["text"]
        loaded = words[(words["start"] >= row.start) & (words["start"] < row.end) & (words["tone"] != "neutral")]
        claims.append(", ".join([*found.astype(str), *loaded["match"].str.lower()]))
    story["claims"] = claims
    columns = ["paragraph", "sentence", "attribution", "voice", "source", "claims", "text", "start", "end"]
    return story.loc[story["claims"] != "", columns].reset_index(drop=True)


def unsourced_numbers(article: Article, numbers: pd.DataFrame | None = None, quotes: pd.DataFrame | None = None,
                      kinds: tuple[str, ...] = CLAIM_KINDS) -> pd.DataFrame:
    """The numbers the reporter states in their own voice, with no source in the sentence.

    ``also_said_by`` names the speakers who give the same value (same kind) elsewhere in the
    article, quoted or reported: the reporter may be repeating them without saying so.

    >>> from conflict_reading import Article
    >>> text = "Polisi menemukan 40 senjata. “Kami menyita 40 senjata,” kata Budi Santoso."
    >>> unsourced_numbers(Article.from_text(text))[["text", "also_said_by"]].values.tolist()
    [['40', 'Budi Santoso']]
    """
    quotes = find_quotes(article) if quotes is None else quotes
    numbers = find_numbers(article) if numbers is None else numbers
    story = story_table(article, quotes, numbers, places=pd.DataFrame(columns=["name", "start"]))
    starts = story["start"].tolist()
    chosen = numbers[numbers["kind"].isin(kinds)].copy()
    rows = [story.iloc[max(0, bisect.bisect_right(starts, int(s)) - 1)] for s in chosen["start"]]
    chosen["attribution"] = [r["attribution"] for r in rows]
    chosen["source"] = [r["source"] for r in rows]
    said_by = []
    for row in chosen.itertuples():
        same = chosen[(chosen["value"].astype(str) == str(row.value)) & (chosen["kind"] == row.kind)
                      & (chosen["attribution"] != "asserted")]
        said_by.append(", ".join(dict.fromkeys(same["source"])) if row.value is not None else "")
    chosen["also_said_by"] = said_by
    asserted = chosen[chosen["attribution"] == "asserted"]
    return asserted[["text", "paragraph", "value", "unit", "kind", "also_said_by", "start", "end"]].reset_index(drop=True)


# --- the checklist --------------------------------------------------------------------------

def _read_checklist() -> dict:
    with open(data_dir() / "checklist.toml", "rb") as handle:
        return tomllib.load(handle)


def checklist() -> pd.DataFrame:
    """The critical-reading checklist: id, question, look_for, idea, sources (short citations).

    >>> checklist().set_index("id").loc["voices", "question"]
    'Whose voices are heard, and whose are missing?'
    """
    data = _read_checklist()
    cited = {key: ref["citation"] for key, ref in data.get("references", {}).items()}
    rows = [{
        "id": item["id"], "question": item["question"], "look_for": item["look_for"], "idea": item["idea"],
        "sources": "; ".join(_short(cited[key]) for key in item["sources"]),
    } for item in data.get("item", [])]
    return pd.DataFrame(rows, columns=["id", "question", "look_for", "idea", "sources"])


def references() -> list[str]:
    """The full citations of the works the checklist draws on, sorted by author.

    >>> references()[0].startswith("Entman")
    True
    """
    return sorted(ref["citation"] for ref in _read_checklist().get("references", {}).values())


def _short(citation: str) -> str:
    """'Galtung, J. (1998). High road…' → 'Galtung 1998'; two authors keep both names."""
    match = re.match(r"(?P<authors>.+?)\s*\((?P<year>\d{4})\)", citation)
    if not match:
        return citation
    surnames = re.findall(r"(?:^|&\s*)([A-Z][\w'-]+),", match["authors"])
    return f"{' & '.join(surnames) or match['authors']} {match['year']}"
