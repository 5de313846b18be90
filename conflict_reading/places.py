"""Find place names, in their Indonesian (or English) forms, and what they stand for.

The gazetteer ``gazetteer/places.csv`` is shipped with the kit (built from
Babel's CLDR names, Natural Earth and GeoNames, plus a table of our own for
news usage such as *Amerika*, *AS*, *Tanduk Afrika*): one row per form as
written.  The engine matches whole words, longest form first, so *Amerika
Serikat* is one place and *Irak-Suriah* two.  A name in capitals is a
dateline or a heading (``ROMA (AP) -``).

Roles, where the words around a name tell (``lexicons/place-roles.toml``):
``title`` (part of a title: *Menteri Luar Negeri Italia*), ``actor`` (a name
standing for a government: *didukung Iran*, *Amerika melancarkan*), ``event``
(where something happens: *di Roma*, *perbatasan Irak*), else ``other``.

Local places the main gazetteer does not hold (villages, districts, valleys, rivers:
*Kampung Yelonggom*, *kota Dalmen*, *Lembah Arsa*, *the village of Kuntar*) are found
from the word that announces them (``lexicons/place-cues.toml``); a name the article
so introduces is also found where it is later written alone (*Yelonggom*), in that
article only.  Such a place gets a point only where the article pins it down: a
district or village in the regency the article names (:mod:`.admin_places`), a town
clearly nearest to its other places (``local-places.csv``, :mod:`.world_towns`);
else lat/lon stay ``None`` and the map lists it as not on the map.  Two more ways a
small place is found: an address (*Kwitang, Senen, Jakarta Pusat*) and a small town
right after *di*/*in*/*at* near a place the article names (*di Castel Gandolfo*).

>>> from conflict_reading import Article
>>> text = "Menlu Italia bertemu di Roma, setelah Amerika menyerang milisi yang didukung Iran di perbatasan Irak-Suriah."
>>> find_places(Article.from_text(text))[["text", "name", "role"]].values.tolist()[:4]
[['Italia', 'Italy', 'title'], ['Roma', 'Rome', 'event'], ['Amerika', 'United States', 'actor'], ['Iran', 'Iran', 'actor']]
"""

from __future__ import annotations

import bisect
import csv
import re
import tomllib
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .admin_places import admin_candidates, admin_key, choose, clearly_nearest, regency_keys, undecided
from .article import Article, paragraph_spans
from .world_towns import town as world_town
from .lexicons import LEXICON_DIR, word_list

GAZETTEER = Path(__file__).parent / "gazetteer" / "places.csv"
LOCAL_PLACES = Path(__file__).parent / "gazetteer" / "local-places.csv"  # read only after a cue word
LOCAL_REACH_KM = 250  # a local place's point is taken when this near to a place the article names
COLUMNS = ["text", "paragraph", "name", "kind", "lat", "lon", "role", "start", "end"]


@lru_cache(maxsize=1)
def gazetteer() -> pd.DataFrame:
    """The shipped gazetteer: one row per form as written (form, name, kind, lat, lon, iso, …)."""
    with open(GAZETTEER, encoding="utf-8", newline="") as handle:
        table = pd.DataFrame(list(csv.DictReader(handle)))
    for column in ("lat", "lon"):
        table[column] = pd.to_numeric(table[column], errors="coerce")
    return table


@lru_cache(maxsize=1)
def _forms() -> dict[str, dict]:
    return {row["form"]: row for row in gazetteer().to_dict("records")}


@lru_cache(maxsize=1)
def _lower_forms() -> dict[str, dict]:
    """Forms by lower case, for names written in capitals (datelines)."""
    table = {}
    for form, row in _forms().items():
        table.setdefault(form.lower(), row)
    return table


# Small words that text copied from a web page glues to the next name ("betweenRussia andNorth Korea", "diJakarta")
GLUED_WORDS = ("between", "and", "of", "in", "at", "to", "from", "the", "dan", "di", "ke", "dari")


@lru_cache(maxsize=1)
def _token() -> re.Pattern:
    """A word for matching: "Congo's" gives "Congo" ("Cox's Bazar" still matches), "U.S" is one word but
    "Ukraine.The" two, and a GLUED_WORDS word before a capitalised name is a word of its own.

    >>> _token().findall("betweenRussia andNorth Korea, U.S. Congo's Ukraine.The")
    ['between', 'Russia', 'and', 'North', 'Korea', 'U.S', 'Congo', 's', 'Ukraine', 'The']
    """
    return re.compile("(?:" + _trie_pattern(GLUED_WORDS) + r")(?=[A-Z][a-z])"
                      r"|\w+(?:['’](?!s\b)\w+|\.(?![A-Z][a-z])\w+)*")


@lru_cache(maxsize=1)
def _longest_form() -> int:
    """The most tokens any form has ("Republik Demokratik Kongo" has three)."""
    return max(len(_token().findall(form)) for form in _forms())


@lru_cache(maxsize=1)
def _form_prefixes() -> frozenset[str]:
    """The first words of every form, lower case, as the text is read: whole words ("amerika", "amerika serikat"),
    to stop looking early (a word that begins no form costs one lookup).

    >>> "amerika" in _form_prefixes(), "amerika serikat" in _form_prefixes(), "amerika s" in _form_prefixes()
    (True, True, False)
    """
    prefixes = set()
    for form in _lower_forms():
        for token in _token().finditer(form):
            prefixes.add(" ".join(form[:token.end()].split()))
    return frozenset(prefixes)


def _candidates(text: str):
    """(start, end, text) of the longest gazetteer form starting at each word, left to right.

    Forms of one to ``_longest_form()`` words are tried, growing word by word
    while the words so far still begin some form: most words begin none, so
    most words cost one set lookup.
    """
    tokens = [match.span() for match in _token().finditer(text)]
    longest = _longest_form()
    forms, lower, prefixes = _forms(), _lower_forms(), _form_prefixes()
    # One lower-case copy of the whole text: a slice of it is the slice's lower case, as every
    # character lower-cases alone to one character (İ by _lower), except the capital sigma,
    # whose lower case depends on the letters around it ("ΑΣ" -> "ας"): then lower each slice.
    sigma = "Σ" in text
    lowered = _lower(text)
    count = len(tokens)
    # the words that begin some form, found in one pass (most words begin none)
    heads = [i for i, (start, end) in enumerate(tokens) if _lower(text[start:end]) in prefixes] if sigma else \
        [i for i, (start, end) in enumerate(tokens) if lowered[start:end] in prefixes]
    taken_until = 0  # the words of the last form found are not read again
    for index in heads:
        if index < taken_until:
            continue
        start = tokens[index][0]
        found = None  # (size, end) of the longest form so far
        for size in range(1, min(longest, count - index) + 1):
            end = tokens[index + size - 1][1]
            lower_span = _lower(" ".join(text[start:end].split())) if sigma else " ".join(lowered[start:end].split())
            if lower_span not in prefixes:
                break  # no form begins with these words, nor with more of them
            if text[end:end + 1] == "." and " ".join(text[start:end].split()) + "." in forms:
                found = (size, end + 1)  # "U.S."
            elif lower_span in lower and _accept(" ".join(text[start:end].split()), lower[lower_span]):
                found = (size, end)  # (not "tanah Papua" for the form "Tanah Papua": then "Papua" alone is read)
        if found:
            yield start, found[1], text[start:found[1]]
            taken_until = index + found[0]


def _lower(words: str) -> str:
    """Lower case for matching, with the dotted capital İ as I (``"İSTANBUL"`` → ``"istanbul"``).

    >>> _lower("İSTANBUL"), "İSTANBUL".lower() == "istanbul"
    ('istanbul', False)
    """
    return words.replace("İ", "I").lower()


@lru_cache(maxsize=1)
def roles() -> dict:
    """``lexicons/place-roles.toml``; its word lists as frozen sets (looked up for every place mention)."""
    with open(LEXICON_DIR / "place-roles.toml", "rb") as handle:
        data = tomllib.load(handle)
    return {key: frozenset(value) if isinstance(value, list) and key != "generic_prefixes" else value
            for key, value in data.items()}


_WORD_AROUND = re.compile(r"[\w’'-]+")
_WORD_AFTER = re.compile(r"[\s,]*([\w’'-]+)")


def _words_before(text: str, start: int, count: int) -> list[str]:
    return _WORD_AROUND.findall(text, max(0, start - 80), start)[-count:]  # as in text[start - 80:start]


def _word_after(text: str, end: int) -> str:
    match = _WORD_AFTER.match(text, end, end + 40)  # as in text[end:end + 40]
    return match.group(1) if match else ""


def _next_word(text: str, end: int) -> str:
    """The word right after ``end`` when no comma stands between ("Israel Katz"; not "Israel, Minggu")."""
    match = _WORD_AFTER.match(text, end, end + 40)
    return match.group(1) if match and "," not in text[end:match.start(1)] else ""


def _point(row) -> tuple[float | None, float | None]:
    """A gazetteer row's (lat, lon), rounded as the tables show them; (None, None) where it has no point."""
    lat, lon = row["lat"], row["lon"]
    if lat != lat or lon != lon or lat is None or lon is None:  # NaN (as pd.isna, without its cost per call)
        return None, None
    return round(float(lat), 4), round(float(lon), 4)


_WORDS_AFTER = re.compile(r"[\w’'-]+|[,.;:!?]")
_CLAUSE_ENDS = (". ", "! ", "? ", "; ", ": ", "\n", ".\n", "!\n", "?\n")


def _words_after(text: str, end: int, count: int) -> list[str]:
    """The words (and punctuation marks) right after ``end``, lower-cased: "'s" stays its own word."""
    found = _WORDS_AFTER.findall(text, end, end + 80)
    words = []
    for word in found:
        words += ["'s", word[2:]] if word[:2] in ("'s", "’s") and len(word) > 2 else [word]
    return [w.lower().replace("’", "'") for w in words if w][:count]


def _role(text: str, start: int, end: int) -> str:
    """What a place name stands for in its sentence (lexicons/place-roles.toml): ``title`` (part of a person's
    office), ``actor`` (a state or its body doing or saying something), ``event`` (where something happens),
    or ``other``.

    >>> [_role(t, t.index(n), t.index(n) + len(n)) for t, n in [("Menteri Luar Negeri Italia hadir.", "Italia"),
    ...     ("Serangan udara terhadap Iran berlanjut.", "Iran"), ("Rudal Iran lolos.", "Iran"),
    ...     ("Ukraine's first lady spoke.", "Ukraine"), ("Warga di Kecamatan Tallo, Kota Makassar panik.", "Makassar")]]
    ['title', 'event', 'actor', 'title', 'event']
    """
    rules = roles()
    low = max(0, start - 120)
    cut = max(text.rfind(mark, low, start) for mark in _CLAUSE_ENDS)  # the words of this sentence only
    written = _WORD_AROUND.findall(text, cut + 1 if cut >= 0 else low, start)[-8:]
    before = [w.lower() for w in written]
    after = _words_after(text, end, 5)
    if not before and after[:1] == [","] and start < 3:
        return "event"  # "TEHERAN, KOMPAS.com -": the dateline, where the news comes from
    if before and (before[-1] in rules["actor_before"] or " ".join(before[-2:]) in rules["actor_before_pairs"]):
        return "actor"  # "didukung Iran", "backed by Iran", "menurut Seoul", "according to Kabul police"
    place = before[-1] in rules["event_before"] if before else False
    body = next((i for i in range(len(before) - 1, max(-1, len(before) - 4), -1) if before[i] in rules["body_words"]),
                None)
    title = next((i for i in range(len(before) - 1, max(-1, len(before) - 5), -1) if before[i] in rules["title_words"]),
                 None)
    if not place and ((title is not None and (body is None or title > body)) or _titled_after(after, rules)):
        return "title"  # "Menteri Luar Negeri Italia", "Ukraine's first lady", "US President"
    if body is not None and not place:
        return "event" if _after_a_place_word(written[:body], rules) else "actor"  # "militer Israel menyerang"
    following = after[1:3] if after[:1] == ["'s"] else after[:2]
    if any(w in rules["body_words_after"] for w in following):
        return "event" if place else "actor"  # "US officials say", "Russia's defence ministry said"
    if before and before[-1] in rules["target_before"] and any(w in rules["attack_words"] for w in before[-4:-1]):
        return "event"  # "serangan udara terhadap Iran": the target is where it happens
    linking = set(rules["event_before"]) | set(rules["target_before"]) | {"dan", "and", "untuk", "for", "atau", "or"}
    owned = before[-1:] if not before or before[-1] in linking else before[-2:]
    if any(w in rules["actor_owned_nouns"] for w in owned) and not (before and before[-1] in linking) or (
            after[:1] == ["'s"] and len(after) > 1 and after[1] in rules["actor_owned_nouns"]):
        return "actor"  # "keputusan Australia", "rudal Iran", "bantuan kemanusiaan Amerika", "Iran's missiles"
    if before and re.match(rules["passive_agent"], before[-1]):
        return "actor"  # "yang diberikan Amerika": the agent of a passive
    if place or _after_a_place_word(written, rules):
        return "event"  # "di Roma", "di Kecamatan Mantikulore, Kota Palu", "di Mapolda, Jakarta Selatan"
    verb = next((w for w in after if w not in rules["adverbs_after"] and w != "'s"), "")
    if verb and (verb in rules["actor_verbs"] or re.match(rules["actor_verb_prefix"], verb)):
        return "actor"  # "Amerika melancarkan", "Korsel kini dengan cepat meningkatkan", "Iran denied"
    return "other"


def _titled_after(after: list[str], rules: dict) -> bool:
    """A title right after the name, past a possessive and up to two words ("Ukraine's first lady", "US President",
    "Poltava regional governor", "Kaduna police spokesman")."""
    words = after[1:] if after[:1] == ["'s"] else after
    for word in words[:3]:
        if word in rules["title_words"]:
            return True
        if word in ",.;:!?":
            return False
    return False


def _after_a_place_word(written: list[str], rules: dict) -> bool:
    """Whether a place preposition ("di", "in") comes before the name past administrative words, facilities and
    other names of a chain ("di Kecamatan Mantikulore, Kota Palu, Sulawesi Tengah")."""
    for word in reversed(written[-8:]):
        lower = word.lower()
        if lower in rules["event_before"]:
            return True
        if lower not in rules["location_nouns"] and not word[:1].isupper() and lower not in rules["body_words"]:
            return False
    return False


def _regions_for_cities(text: str, rows: list[dict], regions_named: set[str]) -> None:
    """A city's name that stands for its region: after the article wrote "the X region" (one sense per article),
    or where a regional office shows it ("Poltava regional governor", "governor of Zaporizhzhia")."""
    from .entities import lexicon

    rules, capitals = roles(), lexicon()["state_capitals"]
    regions_named = regions_named | _listed_with_a_region(text, rows)
    for row in rows:
        if row["kind"] != "city":
            continue
        base = _lower(" ".join(row["text"].split()))
        region = next((_lower_forms()[form] for form in (f"{base} region", f"{base} oblast", f"{base} state",
                                                          f"{base} province") if form in _lower_forms()), None)
        if region is None or region["kind"] != "region":
            continue
        after = _words_after(text, row["end"], 1)
        before = [w.lower() for w in _words_before(text, row["start"], 2)]
        capital = base in capitals or "capital" in before  # "Kyiv's forces", "regional capital, X"
        if (base in regions_named and not capital) or (after and after[0] in rules["regional_words"]) or (
                len(before) == 2 and before[0] in rules["regional_offices"] and before[1] == "of"):
            lat, lon = _point(region)
            row.update({"name": region["name"], "kind": "region", "lat": lat, "lon": lon})


_LIST_WORDS = {",", "and", "dan", "or", "atau", "serta"}


def _listed_with_a_region(text: str, rows: list[dict]) -> set[str]:
    """Names (lower case) of towns listed next to a first-level region ("Kaduna and Zamfara", Zamfara a state
    only): in a list of regions the town's name stands for its region too.

    >>> rows = [{"text": "Kaduna", "kind": "city", "start": 0, "end": 6},
    ...         {"text": "Zamfara", "kind": "region", "start": 11, "end": 18}]
    >>> _listed_with_a_region("Kaduna and Zamfara saw protests.", rows)
    {'kaduna'}
    """
    listed = set()
    for first, second in zip(rows, rows[1:]):
        if text[first["end"]:second["start"]].strip().lower() not in _LIST_WORDS:
            continue
        for town, other in ((first, second), (second, first)):
            if town["kind"] == "city" and other["kind"] == "region" and "admin-1" in (
                    _lower_forms().get(_lower(other["text"])) or {}).get("notes", ""):
                listed.add(_lower(" ".join(town["text"].split())))
    return listed


def _in_a_persons_name(text: str, start: int, end: int) -> bool:
    """Whether a one-word town name stands in a person's name: a capitalised word that is not a place, an office or
    a weekday right after it ("Vladimir Putin"), or right before it inside a sentence ("Mansir Hassan said").

    >>> [_in_a_persons_name(t, t.index(n), t.index(n) + len(n)) for t, n in [("Vladimir Putin spoke.", "Vladimir"),
    ...     ("We met Mansir Hassan there.", "Hassan"), ("Troops left Kursk on Monday.", "Kursk")]]
    [True, True, False]
    """
    if _a_name_word(_next_word(text, end)):
        return True
    before = text[max(0, start - 40):start]
    previous = re.search(r"([\w’'-]+)[ \t]+$", before)
    return bool(previous) and _a_name_word(previous.group(1)) \
        and not re.search(r"(?:^|[.!?:\n“\"]\s*)[\w’'-]+[ \t]+$", before)


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    """Capitalised words that are no part of a person's name beside a place: function words, titles, bodies,
    facilities, administrative words, the words that go on a body's or a treaty's name."""
    from .lexicons import word_list

    rules = roles()
    return (word_list("function-words-en") | word_list("function-words-id") | word_list("speaker-titles")
            | rules["title_words"] | rules["body_words"] | rules["body_name_words"] | rules["name_continues"]
            | rules["facility_words"] | rules["location_nouns"])


def _a_name_word(word: str) -> bool:
    """A capitalised word that may be part of a person's name ("Putin", "Mansir"; not "Kombes", "Stasiun")."""
    from .entities import _calendar_words

    lower = word.lower()
    return word[:1].isupper() and len(word) > 2 and not word.isupper() and word not in roles()["generic_prefixes"] \
        and not lower.endswith(("'s", "’s")) and lower not in _lower_forms() and lower not in _calendar_words() \
        and lower not in _not_name_words()


def _inside_a_name(text: str, start: int, end: int) -> bool:
    """Whether the place name begins the name of a treaty, a group or an outlet ("Vienna Convention",
    "Balochistan Liberation Army", "Radio New Zealand")."""
    rules = roles()
    following = _next_word(text, end)
    previous = _words_before(text, start, 2)
    return (following[:1].isupper() and following.lower() in rules["name_continues"]) or (
        bool(previous) and previous[-1][:1].isupper() and previous[-1].lower() in rules["name_starts"]) or (
        " ".join(previous).lower() in rules["name_starts"])  # "The Times of Israel"


def _a_person_named(text: str, start: int, end: int, ambiguous_people) -> bool:
    """Whether a place name that is also a first name is a person's here: a capitalised name right after it
    ("Israel Katz"), or a word like "Pak" before it.  Not after an office ("Menteri Keuangan Israel Arif
    Wibowo"), not before a body word ("Israel Defense Forces") or a weekday, month or title ("ke Israel, Minggu").

    >>> [_a_person_named(t, 0, t.index(" "), ["pak"]) for t in ("Israel Katz spoke.", "Israel Defense Forces said.",
    ...  "Israel, Minggu (15/6)")]
    [True, False, False]
    """
    rules = roles()
    previous = [w.lower() for w in _words_before(text, start, 4)]
    if previous and previous[-1] in ambiguous_people:
        return True
    if any(w in rules["title_words"] or w in rules["body_words"] for w in previous):
        return False  # "Menteri Pertahanan Israel Arif Wibowo": the state of an office, then its holder
    following = _next_word(text, end)
    if not following[:1].isupper():
        return False
    from .entities import _calendar_words, lexicon

    lower = following.lower()
    return lower not in _lower_forms() and lower not in _calendar_words() and lower not in rules["body_words"] \
        and lower not in lexicon()["organisation_heads"] and lower not in rules["title_words"] \
        and lower not in rules["body_name_words"]


def _accept(match_text: str, row: dict) -> bool:
    form = row["form"]
    if match_text == form:
        return True
    if match_text.isupper() and len(match_text) > 2:
        return True  # a dateline or heading in capitals: "ROMA (AP) -"
    if form.isupper():
        return False  # an acronym form ("AS") only as written: not the word "as"
    return match_text[:1].isupper() and _lower(match_text) == form.lower()


def find_places(article: Article) -> pd.DataFrame:
    """One row per place mention: text, paragraph, name (English), kind, lat, lon, role, start, end."""
    text = article.text
    starts = [start for start, _ in paragraph_spans(text)]
    ambiguous_people = roles()["person_context"]
    rows = []
    regions_named: set[str] = set()  # "Kursk" where the article wrote "the Kursk region"
    for start, end, found in _candidates(text):
        introduced = False
        row = _forms().get(" ".join(found.split())) or _lower_forms().get(" ".join(_lower(found).split()))
        if row is None or not _accept(" ".join(found.split()), row):
            continue
        previous = _words_before(text, start, 1)
        if text[end:end + 1] == "$" or (
            previous and previous[-1].lower() in roles()["currency_before"] and row["kind"] == "country"
        ):
            continue  # "US$ 436 juta", "dolar AS": a currency
        if row["name"] in roles()["not_places"] or _inside_a_name(text, start, end):
            continue  # "the EU"; "Vienna Convention", "Radio New Zealand": the name of something else
        before_word = _words_before(text, start, 1)
        if before_word and before_word[-1].lower() in roles()["language_words"]:
            continue  # "bahasa Perancis", "bahasa Indonesia": a language
        compass_only = False
        for prefix in roles()["generic_prefixes"]:
            if found.startswith(prefix + " ") and len(found) > len(prefix) + 1:
                compass_only = found[len(prefix) + 1:].lower() in roles()["compass_words"]
                start += len(prefix) + 1  # "Kota Palu": the name is "Palu"
                found = text[start:end]
                introduced = True
                break
        if compass_only or (found.lower() in roles()["compass_words"] and before_word
                            and before_word[-1] in roles()["generic_prefixes"]):
            continue  # "Provinsi Timur" (the Eastern Province of a country): not "Timur" the region
        last = found.rsplit(None, 1)
        by_region_word = len(last) == 2 and last[1].lower() in roles()["generic_suffixes"]
        if by_region_word:
            end = start + len(last[0])  # "the Kursk region": the name is "Kursk" (it names the region)
            found = text[start:end]
            regions_named.add(_lower(found))
        if "first name" in (row.get("notes") or "") and _a_person_named(text, start, end, ambiguous_people):
            continue  # "Chad Smith", "Jordan Henderson", "Israel Katz": a person
        if row["kind"] == "city" and " " not in found and _in_a_persons_name(text, start, end):
            continue  # "Vladimir Putin", "Mansir Hassan": a town's name in a person's
        lat, lon = _point(row)
        rows.append({
            "text": found, "paragraph": max(1, bisect.bisect_right(starts, start)),
            "name": row["name"], "kind": row["kind"], "lat": lat, "lon": lon,
            "role": _role(text, start, end),
            "start": start, "end": end, "introduced": introduced,
        })
    _regions_for_cities(text, rows, regions_named)
    rows = _with_forms_in_context(text, starts, rows)
    rows = _with_local_places(text, starts, rows)
    # A name joined to the one before ("Irak dan Suriah", "Irak-Suriah", "Sahel, Mozambik") shares its role.
    for previous, row in zip(rows, rows[1:]):
        between = text[previous["end"]:row["start"]].strip().lower()
        if between in ("dan", "and", "atau", "or", "-", "–", ",", "serta") and (
                row["role"] == "other" or previous["role"] == "event"):
            row["role"] = previous["role"]  # (a list of places after "di" stays where something happens)
    return pd.DataFrame(rows, columns=COLUMNS, dtype=object).astype({"paragraph": int, "start": int, "end": int})


def _with_forms_in_context(text: str, starts: list[int], rows: list[dict]) -> list[dict]:
    """Words that name a place only in some company (``in_context`` in ``lexicons/place-cues.toml``): "Gulf" is
    the Persian Gulf in "Gulf Arab state", "Gulf states" and "the Gulf", not in "the Gulf Coast" or "a gulf".

    >>> rows = _with_forms_in_context("Oman, a Gulf Arab state, and the Gulf Coast.", [0], [])
    >>> [(row["text"], row["name"], row["start"]) for row in rows]
    [('Gulf', 'Persian Gulf', 8)]
    """
    spans = [(row["start"], row["end"]) for row in rows]
    found = []
    for entry in place_cues()["in_context"]:
        if entry["form"] not in text:
            continue  # (one fast scan; most texts have no "Gulf")
        place = _forms()[entry["form_of"]]
        for match in re.finditer(r"(?<![\w-])" + re.escape(entry["form"]) + r"(?![\w-])", text):
            next_word = _next_word(text, match.end())  # "Arab" in "Gulf Arab state"; "" after a comma
            after_the = text[max(0, match.start() - 4):match.start()].lower() == "the "
            if next_word in entry["next_words"] or (
                    after_the and not (next_word[:1].isupper() or next_word == "of")):
                if not _overlapping(spans, *match.span()):
                    lat, lon = _point(place)
                    found.append(_local_row(text, starts, match.start(), match.end(), place["name"], place["kind"],
                                            {"name": place["name"], "kind": place["kind"], "lat": lat, "lon": lon}))
    for row in found:
        row["introduced"] = False
    return sorted(rows + found, key=lambda row: row["start"]) if found else rows


# --- Local places the gazetteer does not hold ------------------------------------------------------

_NAME_WORD = re.compile(r"[^\W\d_][\w-]*")
_GAP = re.compile(r"[ \t]+")
_DATELINE = re.compile(r"\A([^\W\d_][^\W\d_'’.-]*(?:[ \t][^\W\d_][^\W\d_'’.-]*){0,2}),")
_DATELINE_COUNTRY = re.compile(r"[ \t]*([^\W\d_][\w-]*(?:[ \t][^\W\d_][\w-]*){0,2})[ \t]*\(")


@lru_cache(maxsize=1)
def place_cues() -> dict:
    """``lexicons/place-cues.toml``: cue words before/after a local place name, and words that are never names.

    >>> place_cues()["before_by_word"]["kampung"]["kind"], place_cues()["after_by_word"]["river"]["name"]
    ('city', '{} River')
    """
    with open(LEXICON_DIR / "place-cues.toml", "rb") as handle:
        table = tomllib.load(handle)
    for side in ("before", "after"):
        table[side + "_by_word"] = {word.lower(): entry for entry in table[side] for word in entry["words"]}
        written = {form for word in table[side + "_by_word"]
                   for form in (word, word[:1].upper() + word[1:], word.title(), word.upper())}
        # One branch per first letter: 3x faster than a flat alternation.  After a blank, each first letter
        # looks behind itself ("d(?<=[ \t]d)" is "(?<=[ \t])d"): the regex engine skips to where a word can begin.
        table[side + "_pattern"] = re.compile(
            r"(?<![\w.])(" + _trie_pattern(written) + r")[ \t]+" if side == "before"
            else "(" + _trie_pattern(written, r"(?<=[ \t]{})") + r")\b")
    table["not_names"] = frozenset(table["not_names"])
    # "di", "Di", "DI" then a capital letter: most "di" and "in" are followed by a common word and fail at once;
    # each first letter looks behind itself, so the regex engine skips to where the word can begin
    written = {form for word in table["locatives"] for form in (word, word[:1].upper() + word[1:], word.upper())}
    table["locative_pattern"] = re.compile("(?:" + _trie_pattern(written, r"(?<![\w-]{})") + r")[ \t]+"
                                           r"(?=[A-Z\u00C0-\u00DE])")
    return table


def _trie_pattern(words, after_first: str = "") -> str:
    """A regular expression matching any of ``words``, built as a letter tree (a space matches any blanks);
    ``after_first`` (a look-behind) follows each first letter, written in it as ``{}``.

    >>> pattern = _trie_pattern(["desa", "dusun", "the town of"])
    >>> pattern.startswith("(?:d(?:esa|usun)|"), bool(re.fullmatch(pattern, "the  town of"))
    (True, True)
    >>> _trie_pattern(["desa", "dusun"], "(?<= {})")
    'd(?<= d)(?:esa|usun)'
    """
    tree: dict = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def branch(node: dict, first: bool = False) -> str:
        parts = [(r"[ \t]+" if letter == " " else re.escape(letter))
                 + (after_first.replace("{}", re.escape(letter)) if first else "") + branch(child)
                 for letter, child in sorted(node.items()) if letter]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return branch(tree, first=True)


def _is_name_word(word: str) -> bool:
    """A capitalised word that can be part of a local place name: not ``AKBP``, ``Senin``, ``Kapolres``.

    >>> [_is_name_word(w) for w in ("Yelonggom", "AKBP", "Senin", "Kapolres", "warga")]
    [True, False, False, False, False]
    """
    cues = place_cues()
    lower = word.lower()
    return (word[:1].isupper() and not (len(word) > 1 and word.isupper()) and word not in cues["not_names"]
            and lower not in word_list("speaker-titles") and lower not in cues["before_by_word"])


@lru_cache(maxsize=1)
def _offices() -> frozenset[str]:
    """Offices after which a place is one word ("Kepala Desa Sukamaju Agus Salim" -> "Sukamaju")."""
    return word_list("office-of-place-titles") | frozenset(place_cues()["offices"])


def _name_after(text: str, position: int, most: int = 3) -> tuple[int, int] | None:
    """The span of the one to ``most`` capitalised name words starting at ``position``, or None."""
    start = end = None
    for _ in range(most):
        word = _NAME_WORD.match(text, position)
        if not word or not _is_name_word(word.group()):
            break
        start = word.start() if start is None else start
        end = word.end()
        gap = _GAP.match(text, end)
        if not gap:
            break
        position = gap.end()
    return None if start is None else (start, end)


def _name_before(text: str, position: int) -> tuple[int, int] | None:
    """The span of the one to three capitalised name words ending just before the gap at ``position``."""
    end = position
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    starts = _name_starts_ending_at(text, end) if end < position else []
    return (starts[0], end) if starts else None


_AND_NEXT = re.compile(r",?[ \t]+(?:and|dan)[ \t]+")


def _cue_candidates(text: str):
    """(start, end, cue_start, cue_end, name, kind) of each place a cue word announces, in text order.

    >>> [c[4:] for c in _cue_candidates("Warga Desa Bolo dan Lembah Arsa mengungsi ke Poso district.")]
    [('Bolo', 'city'), ('Arsa Valley', 'region'), ('Poso', 'region')]
    """
    cues = place_cues()
    found = []
    for match in cues["before_pattern"].finditer(text):
        entry = cues["before_by_word"][" ".join(match.group(1).lower().split())]
        cue = " ".join(match.group(1).lower().split())
        previous = _words_before(text, match.start(1), 1)
        after_office = cue in _offices() or bool(previous and previous[-1].lower() in _offices())
        span = _name_after(text, match.end(), 1 if after_office else 3)
        inside = entry["inside"] and match.group(1)[:1].isupper()
        if span is None or (inside and _name_word_before(text, match.start())):
            continue  # no name; or a longer name with the cue inside ("Laskar Lembah Hijau", a group)
        words = " ".join(text[span[0]:span[1]].split())
        if words.lower() in roles()["compass_words"]:
            if cue in roles()["compass_cues"]:  # "Provinsi Timur": named by its direction; the country, from the article
                found.append((match.start(1), span[1], match.start(1), match.end(1), words, "compass"))
            continue
        if inside:
            found.append((match.start(), span[1], match.start(1), match.end(1), entry["name"].format(words), entry["kind"]))
        else:
            found.append((span[0], span[1], match.start(1), match.end(1), words, entry["kind"]))
            if cue.split()[-2:-1] and cue.split()[-2].endswith("s"):  # "the villages of Brana and Serin"
                joined = _AND_NEXT.match(text, span[1])
                second = _name_after(text, joined.end(), 3) if joined else None
                if second:
                    found.append((second[0], second[1], match.start(1), match.end(1),
                                  " ".join(text[second[0]:second[1]].split()), entry["kind"]))
    for match in cues["after_pattern"].finditer(text):
        entry = cues["after_by_word"][match.group(1).lower()]
        if entry["inside"] and not match.group(1)[:1].isupper():
            continue  # "the river", not "Mirren River"
        span = _name_before(text, match.start())
        if span is None:
            continue
        words = " ".join(text[span[0]:span[1]].split())
        if entry["inside"]:
            found.append((span[0], match.end(), match.start(1), match.end(1), entry["name"].format(words), entry["kind"]))
        else:
            found.append((span[0], span[1], match.start(1), match.end(1), words, entry["kind"]))
    found.extend(_dateline_candidates(text))
    return sorted(found)


def _dateline_candidates(text: str):
    """A dateline in capitals (``MIRREN BRIDGE, Estmar (Practice Wire) —``): the place, and a country before ``(``.

    >>> [c[4:] for c in _dateline_candidates("MIRREN BRIDGE, Estmar (Practice Wire) — An exchange")]
    [('Mirren Bridge', 'other'), ('Estmar', 'country')]
    """
    match = _DATELINE.match(text)
    if not match or not match.group(1).isupper():
        return []
    name = " ".join(word.capitalize() for word in match.group(1).split())
    last = place_cues()["after_by_word"].get(name.split()[-1].lower())
    kind = last["kind"] if last and last["inside"] and len(name.split()) > 1 else "city"
    found = [(0, match.end(1), 0, 0, name, kind)]
    country = _DATELINE_COUNTRY.match(text, match.end())
    if country and _name_after(text, country.start(1)) == country.span(1):
        found.append((country.start(1), country.end(1), 0, 0, country.group(1), "country"))
    return found


def _overlapping(spans: list[tuple[int, int]], start: int, end: int) -> list[int]:
    """Indexes of the sorted, non-overlapping ``spans`` that overlap [start, end)."""
    index = max(0, bisect.bisect_right(spans, (start, float("inf"))) - 1)
    hits = []
    while index < len(spans) and spans[index][0] < end:
        if spans[index][1] > start:
            hits.append(index)
        index += 1
    return hits


def _with_local_places(text: str, starts: list[int], rows: list[dict]) -> list[dict]:
    """The gazetteer's ``rows`` and the local places cues announce, then their later bare mentions."""
    introduced = {row["text"]: row for row in rows if row["introduced"]}  # "Kabupaten Puncak" -> "Puncak"
    dropped = set()
    local = []  # each with its "cue" (the cue word, lower case; "" when no cue word announced it)
    spans = [(row["start"], row["end"]) for row in rows]
    for start, end, cue_start, cue_end, name, kind in _cue_candidates(text):
        if kind == "compass":
            compass = _compass_row(text, starts, start, end, name, rows)
            if compass is not None and not _overlapping(spans, start, end) and not (local and local[-1]["end"] > start):
                local.append({**compass, "cue": ""})
            continue
        hits = _overlapping(spans, start, end)
        if any(not (cue_start <= rows[i]["start"] and rows[i]["end"] <= cue_end) for i in hits):
            continue  # the gazetteer knows this name ("Kota Palu"): it wins
        if local and local[-1]["end"] > start:
            continue
        dropped.update(hits)  # "Teluk" alone is the Persian Gulf, not in "Teluk Bintuni"
        known = introduced.get(text[start:end])
        local.append({**_local_row(text, starts, start, end, name, kind, known),
                      "cue": " ".join(text[cue_start:cue_end].lower().split())})
    taken = sorted(spans + [(row["start"], row["end"]) for row in local])
    local += [{**row, "cue": ""} for row in _address_places(text, starts, rows)
              if not _overlapping(taken, row["start"], row["end"])]
    # each point once (an article names Jakarta twenty times): every candidate is measured against each
    anchors = list(dict.fromkeys((row["lat"], row["lon"]) for row in rows + local
                                 if row["lat"] is not None and row["kind"] in ("city", "region")))
    taken = sorted(spans + [(row["start"], row["end"]) for row in local])
    local += [{**row, "cue": ""} for row in _towns_after_locatives(text, starts, taken, anchors)]
    local.sort(key=lambda row: row["start"])
    named = {admin_key(row["text"]) for row in rows + local}
    levels = place_cues()["admin_levels"]
    unplaced = [row for row in local if row["lat"] is None]
    for row in sorted(unplaced, key=lambda row: len(_local_candidates(row, row["cue"]))):  # the surest first
        level = levels.get(row["cue"])
        districts_or_villages = admin_candidates(row["text"], level) if level else []
        if undecided(districts_or_villages, named):
            continue  # "Desa Sukamaju, Kabupaten Bogor": four there, and no district named
        if (_locate_admin(row, districts_or_villages, named, anchors) or _locate(row, row["cue"], anchors)
                or _locate_town(row, anchors)) and (row["lat"], row["lon"]) not in anchors:
            anchors.append((row["lat"], row["lon"]))  # each point found helps place the next

    rows = sorted([row for i, row in enumerate(rows) if i not in dropped] + local, key=lambda row: row["start"])
    return _with_repeats(text, starts, rows, local, introduced)


@lru_cache(maxsize=1)
def _local_places() -> dict[str, list[dict]]:
    """``gazetteer/local-places.csv`` by lower-case form: towns and islands named only after a cue word
    ("Distrik Mulia", "Pulau Kangean"; many are also ordinary words), several places to a form."""
    table: dict[str, list[dict]] = {}
    with open(LOCAL_PLACES, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            row["lat"], row["lon"] = float(row["lat"]), float(row["lon"])
            table.setdefault(_lower(row["form"]), []).append(row)
    return table


def _locate(row: dict, cue: str, anchors: list[tuple[float, float]]) -> bool:
    """A point for a place a cue word announces that the gazetteer lacks, from ``local-places.csv``: the candidate
    clearly nearest to the article's other cities and regions (``anchors``), if within LOCAL_REACH_KM of one
    (:func:`conflict_reading.admin_places.clearly_nearest`); with no anchor, the only candidate.  An island only after its own cue ("Pulau Kangean"; not "Desa Selamat" for
    Pulau Selamat).  Whether a point was found.

    >>> row = {"text": "Mulia", "name": "Mulia", "kind": "city", "lat": None, "lon": None}
    >>> _locate(row, "distrik", [(-3.7, 137.9)]), row["name"], row["lat"], row["lon"]
    (True, 'Mulia', -3.7147, 137.9853)
    >>> far = {"text": "Mulia", "name": "Mulia", "kind": "city", "lat": None, "lon": None}
    >>> _locate(far, "distrik", [(-6.2, 106.8)]), far["lat"]  # Jakarta: too far to be that Mulia
    (False, None)
    """
    candidates = _local_candidates(row, cue)
    if anchors:
        chosen = clearly_nearest(candidates, anchors, LOCAL_REACH_KM)
    else:
        chosen = candidates[0] if len(candidates) == 1 else None
    if chosen is not None:
        row.update({"name": chosen["name"], "kind": chosen["kind"], "lat": chosen["lat"], "lon": chosen["lon"]})
    return chosen is not None


def _locate_admin(row: dict, candidates: list[dict], named: set[str], anchors: list[tuple[float, float]]) -> bool:
    """A point for a district or village a cue word announces ("Kecamatan Tallo", "Desa Selamat"), from its
    ``candidates`` among Indonesia's districts and villages (:mod:`conflict_reading.admin_places`), when the
    article says which one it is.  Whether a point was found.

    >>> row = {"text": "Tallo", "name": "Tallo", "kind": "region", "lat": None, "lon": None}
    >>> _locate_admin(row, admin_candidates("Tallo", "district"), {"makassar"}, []), row["lat"], row["lon"]
    (True, -5.122, 119.435)
    """
    chosen = choose(candidates, named, anchors)
    if chosen is not None:
        row.update({"name": chosen["form"], "lat": chosen["lat"], "lon": chosen["lon"]})
    return chosen is not None


def _locate_town(row: dict, anchors: list[tuple[float, float]]) -> bool:
    """A point for a place a cue word announces ("the town of Sudzha") from the world's small towns
    (:mod:`conflict_reading.world_towns`), when one of that name is clearly the nearest to the article's places."""
    found = world_town(row["text"], anchors)
    if found is not None:
        row.update({"name": found["form"], "kind": "city", "lat": found["lat"], "lon": found["lon"]})
    return found is not None


def _towns_after_locatives(text: str, starts: list[int], taken: list[tuple[int, int]],
                           anchors: list[tuple[float, float]]) -> list[dict]:
    """Small towns written right after "di", "in", "at", "near" (``locatives`` in ``lexicons/place-cues.toml``)
    that the gazetteer lacks, each within reach of a city or region the article names.

    >>> text = "Paus berdoa di Castel Gandolfo, dekat Roma."
    >>> [(r["text"], r["lat"]) for r in _towns_after_locatives(text, [0], [(38, 42)], [(41.89, 12.48)])]
    [('Castel Gandolfo', 41.749)]
    """
    if not anchors:
        return []
    found = []
    for match in place_cues()["locative_pattern"].finditer(text):
        if _overlapping(taken, match.end(), match.end() + 1):
            continue  # "di Jakarta": the gazetteer's already
        span = _name_after(text, match.end(), 3)
        if span is None or _overlapping(taken, *span):
            continue
        ends = [word.end() for word in _NAME_WORD.finditer(text, span[0], span[1])]
        for end in reversed(ends):  # the longest name first: "Castel Gandolfo", then "Castel"
            place = world_town(text[span[0]:end], anchors)
            if place is not None:
                found.append(_local_row(text, starts, span[0], end, place["form"], "city",
                                        {"name": place["form"], "kind": "city", "lat": place["lat"], "lon": place["lon"]}))
                break
    return found


def _address_places(text: str, starts: list[int], rows: list[dict]) -> list[dict]:
    """The district and ward or village written before a regency or city, as in an address ("Pasar Kebon
    Kacang, Tanah Abang, Jakarta Pusat"; "Kramatjati, Jakarta Timur"): each name is taken only if it is a district of
    that regency, or a ward or village of that district (or of that regency).  An address says where something
    is or happens: its places are where something happens (role ``event``), the regency too unless it has a role.

    >>> text = "Pasar Kebon Kacang, Tanah Abang, Jakarta Pusat, ramai."
    >>> rows = [{"text": "Jakarta Pusat", "kind": "city", "role": "other", "start": 33, "end": 46}]
    >>> [(r["text"], r["lat"], r["role"]) for r in _address_places(text, [0], rows)], rows[0]["role"]
    ([('Kebon Kacang', -6.19, 'event'), ('Tanah Abang', -6.197, 'event')], 'event')
    """
    found, regencies = [], regency_keys()
    for row in rows:
        if row["kind"] not in ("city", "region") or admin_key(row["text"]) not in regencies:
            continue
        regency, district, position = row["text"], "", row["start"]
        for level in ("district", "village"):
            comma = position
            while comma > 0 and text[comma - 1] in " \t":
                comma -= 1
            if comma == 0 or text[comma - 1] != ",":
                break
            for start in _name_starts_ending_at(text, comma - 1):
                name = " ".join(text[start:comma - 1].split())
                chosen = _only(admin_candidates(name, level, regency, district))
                chosen = chosen or (None if district else _only(admin_candidates(name, "village", regency)))
                if chosen is not None:
                    break
            else:
                break
            found.append(_local_row(text, starts, start, comma - 1, chosen["form"], "region",
                                    {"name": chosen["form"], "kind": "region", "lat": chosen["lat"], "lon": chosen["lon"]}))
            found[-1]["role"] = "event"
            row["role"] = "event" if row["role"] == "other" else row["role"]
            if chosen["level"] == "village":
                break
            district, position = chosen["form"], start
    return sorted(found, key=lambda row: row["start"])


def _only(candidates: list[dict]) -> dict | None:
    return candidates[0] if len(candidates) == 1 else None


def _name_starts_ending_at(text: str, end: int) -> list[int]:
    """Where a name of one to three capitalised words ending exactly at ``end`` may start, the longest first.

    >>> text = "Gedung ACC Kebon Kacang, Tanah Abang"
    >>> [text[start:23] for start in _name_starts_ending_at(text, 23)]
    ['Kebon Kacang', 'Kacang']
    """
    words = list(_NAME_WORD.finditer(text, max(0, end - 120), end))
    starts, boundary = [], end
    for word in reversed(words[-3:]):
        joined = word.end() == end if not starts else bool(_GAP.fullmatch(text, word.end(), boundary))
        if not joined or not _is_name_word(word.group()):
            break
        starts.append(word.start())
        boundary = word.start()
    return starts[::-1]


COMPASS_REGIONS = Path(__file__).parent / "gazetteer" / "compass-regions.csv"


@lru_cache(maxsize=1)
def _compass_regions() -> dict[tuple[str, str], dict]:
    """``gazetteer/compass-regions.csv`` by (country code, direction): the divisions named by a direction alone."""
    with open(COMPASS_REGIONS, encoding="utf-8", newline="") as handle:
        return {(row["iso"], row["direction"]): row for row in csv.DictReader(handle)}


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """A country's English name -> its code, from the gazetteer."""
    return {row["name"]: row["iso"] for row in _forms().values() if row["kind"] == "country" and row["iso"]}


def _compass_row(text, starts, start, end, word, rows) -> dict | None:
    """"Provinsi Timur" (the Eastern Province): the division of that direction of the country the article names
    last before it (or most often), when that country has exactly one; None otherwise.

    >>> text = "Eksekusi di Arab Saudi. Ia ditahan di Provinsi Timur."
    >>> rows = [{"name": "Saudi Arabia", "kind": "country", "start": 12, "end": 22}]
    >>> row = _compass_row(text, [0], 38, 52, "Timur", rows); row["text"], row["name"], row["lat"]
    ('Provinsi Timur', 'Eastern Province', 26.5061)
    """
    countries = [row for row in rows if row["kind"] == "country" and row["name"] in _country_codes()]
    if not countries:
        return None
    before = [row for row in countries if row["start"] < start]
    names = [row["name"] for row in countries]
    country = before[-1]["name"] if before else max(names, key=names.count)
    direction = roles()["compass_directions"].get(word.lower())
    region = _compass_regions().get((_country_codes()[country], direction))
    if region is None:
        return None
    return _local_row(text, starts, start, end, region["name"], "region",
                      {"name": region["name"], "kind": "region", "lat": float(region["lat"]), "lon": float(region["lon"])})


def _local_candidates(row: dict, cue: str) -> list[dict]:
    """The places of ``local-places.csv`` a cue-announced name may be: towns, and islands after their own cue."""
    return [place for place in _local_places().get(_lower(" ".join(row["text"].split())), ())
            if not place["cue"] or place["cue"] == cue]


def _local_row(text, starts, start, end, name, kind, known=None) -> dict:
    row = {"text": text[start:end], "paragraph": max(1, bisect.bisect_right(starts, start)),
           "name": name, "kind": kind, "lat": None, "lon": None,
           "role": _role(text, start, end), "start": start, "end": end, "introduced": True}
    if known is None:
        # a place a cue word announces ("Kabupaten Jayawijaya"): the gazetteer's point when it knows the name
        found = _lower_forms().get(_lower(" ".join(text[start:end].split())))
        if found is not None and found["kind"] in ("city", "region") and not pd.isna(found["lat"]):
            lat, lon = _point(found)
            known = {"name": found["name"], "kind": found["kind"], "lat": lat, "lon": lon}
    if known is not None:
        row.update({key: known[key] for key in ("name", "kind", "lat", "lon")})
    return row


def _with_repeats(text, starts, rows, local, introduced) -> list[dict]:
    """Later mentions of a name the article introduced with a cue ("Desa Bolo" ... "Bolo"), same place.

    One pass of one regular expression over the text: linear in its length.
    """
    by_text = {}
    for row in list(introduced.values()) + local:
        if _lower(row["text"]) in _lower_forms():
            continue  # already found everywhere by the gazetteer
        by_text.setdefault(row["text"], row)
        if row["text"].isupper():
            by_text.setdefault(" ".join(w.capitalize() for w in row["text"].split()), row)
    if not by_text:
        return rows
    # one letter tree of the names (the longest first where one begins another): a long list of names costs
    # no more per character of text than a short one
    by_words = {" ".join(name.split()): row for name, row in by_text.items()}
    pattern = re.compile("(?:" + _trie_pattern(by_words, r"(?<![\w-]{})") + r")(?![\w-])")
    spans = [(row["start"], row["end"]) for row in rows]
    repeats = []
    for match in pattern.finditer(text):
        start, end = match.span()
        if _overlapping(spans, start, end) or _joined_to_a_name(text, start, end):
            continue
        repeats.append(_local_row(text, starts, start, end, "", "", by_words[" ".join(match.group().split())]))
    return sorted(rows + repeats, key=lambda row: row["start"])


def _starts_sentence(text: str, position: int) -> bool:
    """Does a sentence (or paragraph) begin at ``position``?

    >>> _starts_sentence("Aman. Warga pulang.", 6), _starts_sentence("Kata Warga.", 5)
    (True, False)
    """
    before = text[max(0, position - 3):position].rstrip(" \t“\"«(")
    return not before or before[-1] in ".!?\n:"


def _joined_to_a_name(text: str, start: int, end: int) -> bool:
    """Is the name part of a longer capitalised name ("Front Pembebasan Arsa", "Dalmen Utara")?"""
    gap = _GAP.match(text, end)
    after = _NAME_WORD.match(text, gap.end()) if gap else None
    return _name_word_before(text, start) or (after is not None and _is_name_word(after.group()))


def _name_word_before(text: str, start: int) -> bool:
    """Is the word at ``start`` preceded by a capitalised name word, other than one alone at a sentence start?

    >>> _name_word_before("Laskar Lembah Hijau", 7), _name_word_before("Kelompok Laskar Lembah Hijau", 16)
    (False, True)
    """
    before = _name_before(text, start) if start > 0 and text[start - 1] in " \t" else None
    if before is None:
        return False
    one_word = not any(blank in text[before[0]:before[1]] for blank in " \t")
    return not (one_word and _starts_sentence(text, before[0]))  # "Warga Wolobara mengungsi."
