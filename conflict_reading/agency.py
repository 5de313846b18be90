"""Who does what to whom: passive verbs, action nouns, and the actors a sentence names or leaves out.

A report can say *Polisi menangkap Budi* (the police arrested Budi), *Budi ditangkap* (Budi was arrested: by
whom?) or *penangkapan Budi* (the arrest of Budi: an action with no actor at all).  The engine finds every such
*event*, one word each, in Indonesian and English, by rules over ``lexicons/agency.toml``:

- ``passive``: an Indonesian ``di-`` verb (*dikalahkan*, *ditarget*; not *diri*, *dinas*, nor the preposition
  *di*) or ``ter-`` verb of action (*tertembak*); English *be*/*get* + participle (*were killed*) and the
  reduced passive of news style (*three soldiers killed in the raid*; not *the wounded*);
- ``nominal``: an action noun (*serangan*, *penangkapan*, *strikes*, *invasion*): the span is the noun itself,
  the head of a compound (*serangan* of *serangan udara*, *strike* of *air strike*);
- ``active``: a verb of violence in the active voice (*menyerang*, *attacked*), with its subject as agent.

``agent`` is the actor as the clause states it (an *oleh*/*by* phrase, a name right after a ``di-`` verb, a
possessor or modifier of the noun, the subject of an active verb), or None; ``acted_on`` who or what undergoes
it (best effort); ``violence`` whether the action is violence or coercion (*dibebaskan*, "freed", is not).
:func:`agentless` keeps the passive and nominal events of violence with no agent: what a careful reader asks
"by whom?" about.  The rules read words, not meaning: a hidden actor the article names elsewhere is not
looked for, and an unusual passive (a root in no list, with no suffix and no auxiliary before it) is missed.

>>> from conflict_reading import Article
>>> text = "Pos itu diserang kelompok bersenjata. Dua warga ditangkap. Serangan udara Tavaria berlanjut."
>>> find_agency(Article.from_text(text))[["text", "voice", "agent"]].values.tolist()
[['diserang', 'passive', 'kelompok bersenjata'], ['ditangkap', 'passive', None], ['Serangan', 'nominal', 'Tavaria']]
>>> agentless(Article.from_text(text))["text"].tolist()
['ditangkap']
"""

from __future__ import annotations

import csv
import re
import tomllib
from functools import lru_cache

import pandas as pd

from .article import Article, load_article
from .lexicons import LEXICON_DIR

COLUMNS = ["paragraph", "sentence", "sentence_text", "text", "start", "end", "voice", "agent", "agent_start",
           "agent_end", "acted_on", "violence"]
VOICES = ("passive", "nominal", "active")
_MAX_PHRASE = 6  # words in an agent or acted-on phrase: "Polisi Militer Daerah Militer", not a clause


# --- The lexicon ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def rules() -> dict:
    """``lexicons/agency.toml``, its word lists as lower-case frozen sets (tables such as ``nasal`` stay lists).

    >>> "dinas" in rules()["id"]["not_passive"], rules()["en"]["nouns"]["strikes"]
    (True, True)
    """
    with open(LEXICON_DIR / "agency.toml", "rb") as handle:
        return _frozen(tomllib.load(handle))


def _frozen(value):
    if isinstance(value, dict):
        return {key: _frozen(item) for key, item in value.items()}
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return frozenset(item.lower() for item in value)
    return value


@lru_cache(maxsize=1)
def _vowels() -> frozenset[str]:
    return frozenset(rules()["id"]["vowels"])


@lru_cache(maxsize=1)
def _nationalities() -> frozenset[str]:
    """English nationality words from the file ``rules()["en"]["nominal"]["nationalities_file"]`` names."""
    with open(LEXICON_DIR / rules()["en"]["nominal"]["nationalities_file"], encoding="utf-8") as handle:
        return frozenset(row["form"].strip().lower() for row in csv.DictReader(handle)
                         if row.get("language") == "en" and not row["form"].startswith("#"))


@lru_cache(maxsize=1)
def _places_not_countries() -> frozenset[str]:
    """Gazetteer names of cities, regions and waters, lower case ("Kabul attack": a place, not an actor).

    Loaded only when an English action noun has a capitalised word before it that no other list explains.
    """
    from .places import gazetteer

    table = gazetteer()
    return frozenset(table.loc[table["kind"] != "country", "form"].str.lower())


# --- Words ---------------------------------------------------------------------------------------------------

# Abbreviations with dots (U.S.), words (with inner hyphens and apostrophes: kelompok-kelompok, Russia's),
# numbers (13,5; 28/6), and single marks.
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,:/]\d+)*|[^\w\s]")


class _Token:
    """One word, number or mark of a sentence, with its offsets in the article."""

    __slots__ = ("text", "low", "start", "end", "word", "number", "capitalised")

    def __init__(self, text: str, start: int):
        self.text, self.low, self.start, self.end = text, text.lower(), start, start + len(text)
        self.word = text[0].isalpha()
        self.number = text[0].isdigit()
        self.capitalised = self.word and text[0].isupper()

    @property
    def possessive(self) -> bool:
        """Russia's, Muscat’s (an English possessive, one token)."""
        return len(self.low) > 2 and self.low.endswith(tuple(rules()["en"]["possessive_endings"]))


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    return [_Token(match.group(), match.start()) for match in _TOKEN.finditer(text, start, end)]


def _base(low: str) -> str:
    """A reduplicated word's first half (serangan-serangan: serangan; kelompok-kelompok: kelompok).

    >>> _base("serangan-serangan"), _base("baru-baru"), _base("al-qaeda")
    ('serangan', 'baru', 'al-qaeda')
    """
    head, dash, tail = low.partition("-")
    return head if dash and (tail == head or tail.startswith(head[:4])) and len(head) > 2 else low


@lru_cache(maxsize=1)
def _clitics() -> tuple[str, ...]:
    """The clitics, longest first and then in alphabetical order (the same order on every run)."""
    return tuple(sorted(rules()["id"]["clitics"], key=lambda clitic: (-len(clitic), clitic)))


def _without_clitics(low: str) -> list[str]:
    """The word, and the word without a clitic (serangannya: serangan; dibunuhnya: dibunuh)."""
    forms = [low]
    for clitic in _clitics():
        if low.endswith(clitic) and len(low) - len(clitic) >= 4:
            forms.append(low[:-len(clitic)])
    return forms


def _phrase(tokens: list[_Token], first: int, last: int, text: str) -> dict | None:
    """The phrase of tokens[first..last] (inclusive) as {"start", "end", "text"}, or None if empty."""
    if first > last or first < 0 or last >= len(tokens):
        return None
    start, end = tokens[first].start, tokens[last].end
    return {"start": start, "end": end, "text": text[start:end]}


# --- Indonesian: word forms ----------------------------------------------------------------------------------

def _nasal(root: str) -> list[tuple[str, str]]:
    """(prefix, rest) pairs for meN- + root: the rule of its first letters, with the letter dropped and kept.

    >>> _nasal("tembak"), _nasal("bom")[-1]
    ([('men', 'embak'), ('men', 'tembak')], ('menge', 'bom'))
    """
    id_rules = rules()["id"]
    forms = []
    for letters, prefix, drop in id_rules["nasal"]:
        if root.startswith(letters):
            if drop and root[len(letters):len(letters) + 1] in _vowels():
                forms.append((prefix, root[len(letters):]))
            forms.append((prefix, root))
            break
    else:
        forms.append((id_rules["active_prefix"], root))
    if sum(letter in _vowels() for letter in root) == 1:  # one syllable: mengebom, pengeboman
        forms.append((id_rules["one_syllable_prefix"], root))
    return forms


def _stem(root: str) -> str:
    """A root without the suffix it is listed with (tewaskan: tewas; pukuli: pukul; not eksekusi, lukai).

    >>> _stem("tewaskan"), _stem("pukuli"), _stem("eksekusi"), _stem("serang")
    ('tewas', 'pukul', 'eksekusi', 'serang')
    """
    id_rules = rules()["id"]
    for suffix in _suffixes():
        stem = root[:-len(suffix)]
        if root.endswith(suffix) and len(stem) >= id_rules["min_suffix_root"] + 1 and stem[-1] not in _vowels() \
                and not root.endswith(id_rules["loan_noun_ending"]):
            return stem
    return root


@lru_cache(maxsize=1)
def _suffixes() -> tuple[str, ...]:
    """The verb suffixes, longest first (-kan before -i)."""
    return tuple(sorted(rules()["id"]["verb_suffixes"], key=len, reverse=True))


def _without_suffix(rest: str) -> list[str]:
    """``rest``, and ``rest`` without each verb suffix it ends with (kalahkan: kalahkan, kalah)."""
    return [rest] + [rest[:-len(suffix)] for suffix in _suffixes() if rest.endswith(suffix)]


@lru_cache(maxsize=1)
def _indonesian_forms() -> dict[str, tuple[str, bool]]:
    """Every word the lists make: {word: (voice, violence)}, active meN- verbs and peN-an nouns of violence roots
    and the nouns listed.

    >>> forms = _indonesian_forms()
    >>> forms["menyerang"], forms["penyerangan"], forms["mengebom"], forms["menewaskan"], forms["pemulangan"]
    (('active', True), ('nominal', True), ('active', True), ('active', True), ('nominal', False))
    """
    id_rules = rules()["id"]
    forms: dict[str, tuple[str, bool]] = {}
    for root in id_rules["violence_roots"]:
        if " " in root:
            continue
        for prefix, rest in _nasal(root):
            for suffix in id_rules["active_suffixes"]:
                forms.setdefault(prefix + rest + suffix, ("active", True))
        if root not in id_rules["no_noun_from"]:
            for prefix, rest in _nasal(_stem(root)):
                noun = id_rules["noun_prefix"] + prefix[len(id_rules["active_prefix"]):] + rest + id_rules["noun_suffix"]
                forms.setdefault(noun, ("nominal", True))
    for noun, violent in id_rules["nouns"].items():
        forms[noun] = ("nominal", bool(violent))
    return forms


@lru_cache(maxsize=1)
def _indonesian_roots() -> frozenset[str]:
    id_rules = rules()["id"]
    return id_rules["verb_roots"] | id_rules["violence_roots"] | id_rules["ter_roots"]


def _known_root(rest: str) -> bool:
    """Whether ``rest`` (a di- word without di-) is a root, or a root + -kan/-i."""
    roots = _indonesian_roots()
    return any(form in roots for form in _without_suffix(rest))


def _violent_root(rest: str) -> bool:
    """Whether a verb's root (with or without its suffix) is one of violence: kalahkan, pukuli, target.

    >>> _violent_root("kalahkan"), _violent_root("bebaskan"), _violent_root("pukuli")
    (True, False, True)
    """
    violent = rules()["id"]["violence_roots"]
    return any(form in violent for form in _without_suffix(rest))


def _sentence_start(tokens: list[_Token], index: int) -> bool:
    """The token opens the sentence or follows a mark (an opening quotation mark, a bracket)."""
    return index == 0 or not tokens[index - 1].word


def _di_passive(tokens: list[_Token], index: int) -> str | None:
    """The root part of a di- passive verb (diserang: serang; dikalahkan: kalahkan), or None if the word is none.

    >>> [_di_passive(_tokens(t, 0, len(t)), 1) for t in ("Ia dikalahkan", "Ia diri", "Ia dinas", "ke Dili",
    ...     "yang dipindai", "ia di-PHK")]
    ['kalahkan', None, None, None, 'pindai', 'PHK']
    """
    id_rules = rules()["id"]
    token, prefix = tokens[index], id_rules["passive_prefix"]
    low = token.low
    if not low.startswith(prefix) or len(low) < len(prefix) + 2 or not token.word:
        return None
    if low[len(prefix)] == "-":
        return token.text[len(prefix) + 1:]
    forms = _without_clitics(_base(low))
    if any(form in id_rules["not_passive"] for form in forms) or (
            index and f"{tokens[index - 1].low} {low}" in id_rules["not_passive_after"]):
        return None  # (orang tak dikenal: "unknown people")
    if token.capitalised and not token.text.isupper() and not _sentence_start(tokens, index):
        return None  # a name: Dimas, Diego, Dili
    shortest = id_rules["min_suffix_root"]
    for form in forms:
        rest = form[len(prefix):]
        if len(rest) < shortest:
            continue
        if _known_root(rest) or any(rest.endswith(suffix) and len(rest) - len(suffix) >= minimum
                                    and not rest.endswith(id_rules["loan_noun_ending"])
                                    for suffix, minimum in id_rules["suffix_min_root"].items()):
            return rest  # a root of the lists, or a root the suffix rules tell (dipersoalkan, diwawancarai)
    before = tokens[index - 1].low if index else ""
    after = tokens[index + 1].low if index + 1 < len(tokens) else ""
    if (before in id_rules["passive_context"] or after == id_rules["agent"]["by"]) and \
            len(forms[-1]) >= len(prefix) + shortest + 1:
        return forms[-1][len(prefix):]  # "yang dipindai": a verb by its context
    return None


def _ter_passive(low: str) -> str | None:
    """The root of a ter- verb of action (tertembak: tembak), or None (tertentu, terhadap).

    >>> _ter_passive("tertembak"), _ter_passive("terbunuhnya"), _ter_passive("tertentu")
    ('tembak', 'bunuh', None)
    """
    prefix = rules()["id"]["ter_prefix"]
    if not low.startswith(prefix):
        return None
    roots = rules()["id"]["ter_roots"]
    return next((form[len(prefix):] for form in _without_clitics(low) if form[len(prefix):] in roots), None)


def _looks_like_verb_id(token: _Token) -> bool:
    """A lower-case meN-/di-/ber-/ter- word that is no noun of the lists: it ends a noun phrase."""
    id_rules = rules()["id"]
    low = token.low
    if not token.word or token.capitalised or len(low) < 6 or low in id_rules["agent"]["not_verbs"]:
        return False
    if low in _indonesian_forms() and _indonesian_forms()[low][0] == "nominal":
        return False
    if low.startswith(id_rules["intransitive_prefix"]):
        return low not in id_rules["agent"]["phrase_modifiers"]  # bersedia; not kelompok bersenjata
    return low.startswith((id_rules["active_prefix"], id_rules["passive_prefix"], id_rules["ter_prefix"])) and \
        low not in id_rules["not_passive"]


# --- Indonesian: events --------------------------------------------------------------------------------------

@lru_cache(maxsize=65_536)
def _indonesian_candidate(low: str) -> bool:
    """Whether a word may be an event at all (most words are not: they cost one lookup of this cache)."""
    if low.startswith((rules()["id"]["passive_prefix"], rules()["id"]["ter_prefix"])):
        return True
    forms, military = _indonesian_forms(), rules()["id"]["nominal"]["military_nouns"]
    return any(form in forms or form in military for form in _without_clitics(_base(low)))


def _indonesian_kind(tokens: list[_Token], index: int) -> tuple[str, bool] | None:
    """(voice, violence) of the word at ``index``, or None if it is no event."""
    token = tokens[index]
    if not token.word or len(token.low) < 4 or not _indonesian_candidate(token.low):
        return None
    id_rules = rules()["id"]
    forms = _indonesian_forms()
    for form in _without_clitics(_base(token.low)):
        if form in forms and (not token.capitalised or token.text.isupper() or _sentence_start(tokens, index)):
            return forms[form]  # (not Front Pembebasan Arsa: a capitalised word inside a sentence is a name)
        if form in id_rules["nominal"]["military_nouns"] and index + 1 < len(tokens) and \
                tokens[index + 1].low in id_rules["nominal"]["military_modifiers"]:
            return "nominal", True  # tindakan militer, operasi militer
    root = _ter_passive(token.low)
    if root is not None:
        return "passive", root in id_rules["violence_roots"]
    root = _di_passive(tokens, index)
    if root is not None:
        return "passive", _violent_root(root.lower())
    return None


def _indonesian_events(tokens: list[_Token], text: str) -> list[dict]:
    events = []
    for index in range(len(tokens)):
        kind = _indonesian_kind(tokens, index)
        if kind is None:
            continue
        voice, violent = kind
        if voice == "passive":
            agent, acted_on = _id_passive_agent(tokens, index, text), _id_subject(tokens, index, text)
        elif voice == "nominal":
            agent, acted_on = _id_nominal_roles(tokens, index, text)
        else:
            agent, acted_on = _id_subject(tokens, index, text), _id_object(tokens, index, text)
        events.append(_event(tokens[index], voice, violent, agent, acted_on))
    return events


def _event(token: _Token, voice: str, violent: bool, agent: dict | None, acted_on: dict | None) -> dict:
    return {"text": token.text, "start": token.start, "end": token.end, "voice": voice, "violence": bool(violent),
            "agent": agent, "acted_on": acted_on["text"] if acted_on else None}


# --- Indonesian: phrases -------------------------------------------------------------------------------------

def _id_stop(token: _Token) -> bool:
    """A token that ends an Indonesian noun phrase: a mark, a preposition or conjunction, a verb."""
    if not token.word:
        return not token.number
    return token.low in rules()["id"]["agent"]["phrase_stops"] or _looks_like_verb_id(token)


def _id_phrase_after(tokens: list[_Token], first: int, text: str) -> dict | None:
    """The noun phrase that begins at ``first``: up to six words, to the first stop."""
    last = first - 1
    while last + 1 < len(tokens) and last + 1 - first < _MAX_PHRASE and not _id_stop(tokens[last + 1]):
        last += 1
    if first <= last < len(tokens) - 1 and tokens[last + 1].low in rules()["id"]["agent"]["demonstratives"]:
        last += 1  # pos itu
    return _phrase(tokens, first, last, text)


def _id_phrase_before(tokens: list[_Token], last: int, text: str) -> dict | None:
    """The noun phrase that ends at ``last`` (with a demonstrative: pos itu): up to four words back, to the first
    stop."""
    first = last + 1
    if tokens[last].low in rules()["id"]["agent"]["demonstratives"]:
        first = last
    while first - 1 >= 0 and last - first + 1 < 4 and not _id_stop(tokens[first - 1]):
        first -= 1
    return _phrase(tokens, first, last, text) if first <= last and (first < last or not _id_stop(tokens[last])) \
        else None


def _id_actor_at(tokens: list[_Token], first: int, text: str) -> dict | None:
    """An actor phrase beginning at ``first``: a capitalised name, or a phrase headed by an actor noun, after a
    quantity word or number (puluhan oknum TNI, dua majelis hakim, Sky News, kelompok bersenjata); else None."""
    agent_rules = rules()["id"]["agent"]
    head = first
    while head < len(tokens) and head - first < 2 and (
            tokens[head].number or tokens[head].low in agent_rules["quantity_words"]):
        head += 1
    if head >= len(tokens) or not tokens[head].word:
        return None
    token = tokens[head]
    named = token.capitalised and token.low not in agent_rules["not_actors"] and \
        token.low not in agent_rules["phrase_stops"]
    if not named and _base(token.low) not in agent_rules["actor_nouns"]:
        return None
    last = head
    while last + 1 < len(tokens) and last + 1 - first < _MAX_PHRASE:
        following = tokens[last + 1]
        if following.capitalised and following.low not in agent_rules["not_actors"] or (
                following.number and tokens[last].capitalised) or (
                following.word and (following.low in agent_rules["phrase_modifiers"]
                                    or _base(following.low) in agent_rules["actor_nouns"])):
            last += 1
        else:
            break
    return _phrase(tokens, first, last, text)


def _id_by_phrase(tokens: list[_Token], after: int, text: str, reach: int = 6) -> dict | None:
    """The phrase of an "oleh" within ``reach`` words after ``after``, in the same clause, or None."""
    agent_rules = rules()["id"]["agent"]
    for index in range(after + 1, min(len(tokens), after + 1 + reach)):
        token = tokens[index]
        if token.low == agent_rules["by"]:
            if index + 1 < len(tokens) and tokens[index + 1].low in agent_rules["not_after_by"]:
                return None
            return _id_phrase_after(tokens, index + 1, text)
        if not token.word and not token.number or token.low in agent_rules["by_scan_stops"] or (
                _looks_like_verb_id(token)):
            return None
    return None


def _id_passive_agent(tokens: list[_Token], index: int, text: str) -> dict | None:
    """The agent of a di-/ter- verb: its oleh phrase, or an actor written right after it (diserang kelompok
    bersenjata, didukung Iran); not a name given (disebut "Operasi Perisai")."""
    agent_rules = rules()["id"]["agent"]
    found = _id_by_phrase(tokens, index, text)
    if found or tokens[index].low in agent_rules["naming_verbs"] or \
            not tokens[index].low.startswith(rules()["id"]["passive_prefix"]) or (
            index and tokens[index - 1].low in agent_rules["inversion_words"]):
        return found  # (turut diamankan dua orang: the two undergo it)
    return _id_actor_at(tokens, index + 1, text) if index + 1 < len(tokens) else None


def _id_subject(tokens: list[_Token], index: int, text: str) -> dict | None:
    """The noun phrase before a verb, past auxiliaries and a relative "yang" (militer telah menewaskan; kelompok
    yang menyerang; fasilitas yang ditarget)."""
    skip = rules()["id"]["agent"]["skip_before_verb"]
    last = index - 1
    while last >= 0 and index - last <= 4 and tokens[last].low in skip:
        last -= 1
    if last >= 0 and tokens[last].low == rules()["id"]["agent"]["relative"]:
        last -= 1
    if last < 0 or (_id_stop(tokens[last]) and tokens[last].low not in rules()["id"]["agent"]["demonstratives"]):
        return None
    return _id_phrase_before(tokens, last, text)


def _id_object(tokens: list[_Token], index: int, text: str) -> dict | None:
    """The noun phrase right after an active verb (menyerang pos polisi)."""
    if index + 1 >= len(tokens) or _id_stop(tokens[index + 1]):
        return None
    return _id_phrase_after(tokens, index + 1, text)


def _id_nominal_roles(tokens: list[_Token], index: int, text: str) -> tuple[dict | None, dict | None]:
    """(agent, acted_on) of an action noun: past its modifiers (udara, bom bunuh diri), an oleh phrase, a name
    or actor noun (serangan Israel, tawuran antarwarga), or, for nouns such as penangkapan, the one who
    undergoes it; a target after terhadap/atas/ke."""
    nominal = rules()["id"]["nominal"]
    noun = _without_clitics(_base(tokens[index].low))[-1]
    after = index + 1
    while after < len(tokens) and after - index <= 4 and tokens[after].low in nominal["modifiers"]:
        after += 1
    agent = acted_on = None
    if after < len(tokens) and tokens[after].word:
        token = tokens[after]
        if token.low == rules()["id"]["agent"]["by"]:
            agent = _id_by_phrase(tokens, after - 1, text, reach=1)
        elif token.low in nominal["target_words"]:
            acted_on = _id_phrase_after(tokens, after + 1, text) if after + 1 < len(tokens) else None
        elif noun in nominal["patient_nouns"] or _base(tokens[index].low) in nominal["patient_nouns"]:
            acted_on = None if _id_stop(token) else _id_phrase_after(tokens, after, text)
        elif any(token.low.startswith(prefix) and len(token.low) > len(prefix) + 2
                 for prefix in nominal["agent_prefixes"]):
            agent = _phrase(tokens, after, after, text)
        else:
            agent = _id_actor_at(tokens, after, text)
    if agent is None:
        agent = _id_by_phrase(tokens, after - 1, text, reach=4)
    if acted_on is None:
        acted_on = _id_target(tokens, after, text)
    return agent, acted_on


def _id_target(tokens: list[_Token], after: int, text: str) -> dict | None:
    """The phrase after terhadap/atas/ke within four words of ``after``."""
    targets = rules()["id"]["nominal"]["target_words"]
    for index in range(after, min(len(tokens) - 1, after + 4)):
        if tokens[index].low in targets:
            return _id_phrase_after(tokens, index + 1, text)
        if not tokens[index].word and not tokens[index].number:
            return None
    return None


# --- English -------------------------------------------------------------------------------------------------

def _participle(tokens: list[_Token], index: int) -> bool:
    """A past participle: in -ed (not indeed, hundred) or irregular (struck, taken); not a name (Ahmed)."""
    token = tokens[index]
    low = token.low
    if not token.word or (token.capitalised and not _sentence_start(tokens, index)):
        return False
    en = rules()["en"]
    return low in en["irregular_participles"] or (low.endswith(en["participle_ending"]) and len(low) > 4
                                                   and low not in en["not_participles"])


def _between_word(low: str) -> bool:
    return low in rules()["en"]["between_words"] or (low.endswith(rules()["en"]["adverb_ending"]) and len(low) > 4)


def _auxiliary_before(tokens: list[_Token], index: int) -> int | None:
    """The index of a be/get form before the participle, past up to two adverbs (were reportedly killed)."""
    en = rules()["en"]
    before, skipped = index - 1, 0
    while before >= 0 and skipped <= 2:
        token = tokens[before]
        if token.low in en["be"] or token.low in en["get"]:
            return before
        if token.word and _between_word(token.low):
            skipped += 1
        elif token.text not in en["quote_marks"]:  # had been “deeply saddened”
            return None
        before -= 1
    return None


def _by_agent_allowed(tokens: list[_Token], by: int) -> bool:
    """Whether the "by" at ``by`` brings an actor (not by far, by Monday, by the end of)."""
    agent_rules = rules()["en"]["agent"]
    if by + 1 >= len(tokens) or not tokens[by + 1].word:
        return False
    pair = " ".join(token.low for token in tokens[by + 1:by + 3])
    return tokens[by + 1].low not in agent_rules["not_after_by"] and pair not in agent_rules["not_after_by_pairs"]


def _reduced_passive(tokens: list[_Token], index: int) -> bool:
    """A participle standing for a passive without its auxiliary: "three soldiers killed in the raid", "271
    others injured", "video obtained by Reuters", "Founded in 1960"; not "the wounded", "has killed"."""
    en = rules()["en"]
    low = tokens[index].low
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if _sentence_start(tokens, index) and (index == 0 or tokens[index - 1].text != ","):
        return tokens[index].capitalised and following is not None and following.low in en["after_reduced"]
    before = tokens[index - 1]
    by_follows = following is not None and following.low == en["agent"]["by"] and _by_agent_allowed(tokens, index + 1)
    if by_follows and before.low in en["conjunctions"]:
        return True  # "a photo taken by Budi and checked by Dewi"
    if before.low in en["determiners"] or before.low in en["not_before_reduced"] or before.low in en["be"]:
        return False
    if by_follows:
        return True
    if low not in en["violence_participles"]:
        return False
    if following is not None and following.low in en["after_reduced"]:
        pair = " ".join(token.low for token in tokens[index + 1:index + 3])
        return pair not in en["object_pairs"]  # not "raiders killed at least six guards"
    ends_clause = following is None or (not following.word and not following.number) or following.low in en["conjunctions"]
    return ends_clause and (before.number or before.low in en["counted_before"])


def _english_passive(tokens: list[_Token], index: int, passives: set[int]) -> bool:
    if not _participle(tokens, index):
        return False
    en = rules()["en"]
    if _auxiliary_before(tokens, index) is not None:
        return tokens[index].low not in en["adjectival"] or _english_by_phrase(tokens, index, None) is not None
    if index >= 2 and tokens[index - 1].low in en["conjunctions"] and index - 2 in passives:
        return True  # "is seen and handled as a threat"
    return _reduced_passive(tokens, index)


def _english_noun(tokens: list[_Token], index: int) -> bool | None:
    """The violence flag of an action noun at ``index``, or None if the word is none here (a verb: "to
    attack", "killing two people"; an adjective: "offensive remarks")."""
    en = rules()["en"]
    token = tokens[index]
    low = token.low
    if low not in en["nouns"] or (token.capitalised and not _sentence_start(tokens, index)):
        return None
    before = tokens[index - 1] if index else None
    if before is not None and before.low in en["nominal"]["verb_before"]:
        return None
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if low.endswith(en["gerund_ending"]) and following is not None and \
            following.low in en["nominal"]["object_after_ing"]:
        return None
    if following is not None and following.low in en["nominal"]["compound_heads"]:
        return None  # "the air raid siren": the noun names a siren, not an action
    if low in en["nominal"]["need_determiner"] and not _noun_introduced(tokens, index):
        return None  # "is deeply offensive", "offensive remarks"
    return bool(en["nouns"][low])


def _noun_introduced(tokens: list[_Token], index: int) -> bool:
    """Whether the word before a noun that is also an adjective or verb makes it a noun: a determiner, a
    possessive, a number, a modifier of action nouns or an actor (the offensive, Russia's offensive, the Kursk
    offensive, an air raid, two raids)."""
    if index == 0:
        return False
    before = tokens[index - 1]
    en = rules()["en"]
    return before.number or before.low in en["determiners"] or before.possessive or \
        (before.capitalised and not _sentence_start(tokens, index - 1)) or \
        before.low in en["nominal"]["possessive_pronouns"] or before.low in en["nominal"]["modifiers"] or \
        _actor_modifier(before, _sentence_start(tokens, index - 1))


def _english_stop(token: _Token) -> bool:
    if not token.word:
        return not token.number
    return token.low in rules()["en"]["agent"]["phrase_stops"] or (
        token.low.endswith(rules()["en"]["participle_ending"]) and not token.capitalised
        and token.low not in rules()["en"]["not_participles"])


def _english_phrase_after(tokens: list[_Token], first: int, text: str) -> dict | None:
    last = first - 1
    while last + 1 < len(tokens) and last + 1 - first < _MAX_PHRASE:
        following = tokens[last + 1]
        if _english_stop(following) and not (last + 1 == first and following.low in rules()["en"]["articles"]) or (
                following.number and last >= first):
            break  # (and "by the rebels four years ago": the actor ends before the number)
        last += 1
        if following.possessive and last + 1 < len(tokens) and _english_stop(tokens[last + 1]):
            break
    return _phrase(tokens, first, last, text)


def _english_phrase_before(tokens: list[_Token], last: int, text: str) -> dict | None:
    first = last + 1
    while first - 1 >= 0 and last - first + 1 < 5:
        token = tokens[first - 1]
        opener = next((words for words in rules()["en"]["counted_openers"]
                       if " ".join(t.low for t in tokens[max(0, first - len(words.split())):first]) == words), None)
        if opener:
            first -= len(opener.split())  # at least 10 people
            break
        if _english_stop(token) and token.low not in rules()["en"]["determiners"]:
            break
        first -= 1
        if token.low in rules()["en"]["determiners"]:
            break
    return _phrase(tokens, first, last, text)


def _english_by_phrase(tokens: list[_Token], index: int, text: str | None) -> dict | None | bool:
    """The phrase of a "by" in the clause after ``index`` (thrown back by the blast of the shell); with ``text``
    None, only whether there is one (True or None)."""
    en = rules()["en"]
    for by in range(index + 1, min(len(tokens), index + 8)):
        token = tokens[by]
        if token.low == en["agent"]["by"]:
            if not _by_agent_allowed(tokens, by):
                return None
            return True if text is None else _english_phrase_after(tokens, _past_lead_in(tokens, by + 1), text)
        if token.text in en["quote_marks"]:
            continue
        if not token.word and not token.number or token.low in en["agent"]["by_scan_stops"]:
            return None
        if by > index + 1 and (_participle(tokens, by) or token.low in en["nouns"]):
            return None  # "killed in a raid carried out by troops": the by phrase is another verb's or noun's
    return None


def _past_lead_in(tokens: list[_Token], first: int) -> int:
    """The index after a lead-in that stands before the actor ("by the likes of Tavaria"), else ``first``."""
    for lead_in in rules()["en"]["agent"]["lead_ins"]:
        words = lead_in.split()
        if [token.low for token in tokens[first:first + len(words)]] == words and first + len(words) < len(tokens):
            return first + len(words)
    return first


def _english_subject(tokens: list[_Token], index: int, text: str, skip_auxiliary: bool) -> dict | None:
    """The noun phrase before a verb (or its auxiliary), past adverbs, have/modal and a relative who/which."""
    en = rules()["en"]
    last = index - 1
    if skip_auxiliary:
        auxiliary = _auxiliary_before(tokens, index)
        last = auxiliary - 1 if auxiliary is not None else last
    while last >= 0 and index - last <= 5 and (tokens[last].low in en["agent"]["skip_before_verb"]
                                               or tokens[last].low in en["be"] or _between_word(tokens[last].low)):
        last -= 1
    if last >= 0 and tokens[last].low in en["relatives"]:
        last -= 1
    if last < 0 or _english_stop(tokens[last]) or tokens[last].low in en["determiners"]:
        return None
    return _english_phrase_before(tokens, last, text)


def _english_object(tokens: list[_Token], index: int, text: str) -> dict | None:
    if index + 1 >= len(tokens):
        return None
    first = index + 1
    pair = " ".join(token.low for token in tokens[first:first + 2])
    if pair in rules()["en"]["counted_openers"]:
        first += 2  # (killing at least 12 people: the object is the people)
    if first >= len(tokens) or (_english_stop(tokens[first]) and tokens[first].low not in rules()["en"]["determiners"]):
        return None
    return _english_phrase_after(tokens, first, text)


def _actor_modifier(token: _Token, first_word: bool) -> bool:
    """A word before an action noun that names its actor: an actor noun (police, military), a nationality
    (Russian, Israeli), an acronym (US, NATO), or a capitalised name that is no city or region."""
    nominal = rules()["en"]["nominal"]
    low = token.low
    if not token.word or low in rules()["en"]["determiners"] or low in nominal["time_words"]:
        return False
    if low in nominal["actor_modifiers"] or low in _nationalities():
        return True
    if not token.capitalised:
        return False
    if token.text.isupper() and len(token.text) > 1 or token.text.replace(".", "").isupper() and "." in token.text:
        return True
    if any(low.endswith(ending) for ending in nominal["nationality_endings"]):
        return True
    return not first_word and low not in _places_not_countries()


def _english_nominal_roles(tokens: list[_Token], index: int, text: str) -> tuple[dict | None, dict | None]:
    """(agent, acted_on) of an English action noun: a possessor (Russia's invasion, its attacks), an actor
    modifier (US strikes, a Russian missile strike, military coups), or a by phrase (an attack by gunmen); the
    target after on/against/of."""
    nominal = rules()["en"]["nominal"]
    before = index - 1
    while before >= 0 and index - before <= 4 and tokens[before].word and (
            tokens[before].low in nominal["modifiers"]
            or tokens[before].low.endswith(tuple(rules()["en"]["compound_adjective_endings"]))):
        before -= 1
    agent = None
    if before >= 0 and tokens[before].word:
        token = tokens[before]
        owner = before - 1 if before >= 1 and tokens[before - 1].possessive else None
        if tokens[index].low in nominal["patient_nouns"] and (
                token.possessive or token.low in nominal["possessive_pronouns"]):
            pass  # "his arrest", "their detention": who undergoes it
        elif token.low in nominal["possessive_pronouns"]:
            agent = _phrase(tokens, before, before, text)
        elif token.possessive and token.low[:-2] not in nominal["time_words"]:
            agent = _possessor(tokens, before, text)
        elif owner is not None and tokens[owner].low[:-2] not in nominal["time_words"]:
            agent = _possessor(tokens, owner, text)  # Israel's military offensive
        elif _actor_modifier(token, _sentence_start(tokens, before)):
            first = before
            while first - 1 >= 0 and tokens[first - 1].capitalised and not _sentence_start(tokens, first - 1):
                first -= 1
            agent = _phrase(tokens, first, before, text)
    if agent is None:
        agent = _english_by_phrase(tokens, index, text)  # an attack by gunmen, the attack on the city by militants
    acted_on = None
    following = index + 1
    if following < len(tokens) and tokens[following].low in nominal["target_words"] and following + 1 < len(tokens) \
            and tokens[following + 1].low not in nominal["time_words"]:  # (not "the attack on Saturday")
        acted_on = _english_phrase_after(tokens, following + 1, text)
    return agent, acted_on


def _possessor(tokens: list[_Token], index: int, text: str) -> dict:
    """The name of a possessive token without its 's, with the capitalised words before it (Vladimir Putin's)."""
    first = index
    while first - 1 >= 0 and tokens[first - 1].capitalised and not _sentence_start(tokens, first - 1) and \
            tokens[first - 1].low not in rules()["en"]["determiners"]:
        first -= 1
    start, end = tokens[first].start, tokens[index].end - 2
    return {"start": start, "end": end, "text": text[start:end]}


def _english_active(tokens: list[_Token], index: int) -> bool:
    """An active verb of violence: a past form that is no passive and no adjective (gunmen attacked), or a base
    form after a subject pronoun or a modal (they attack, will strike)."""
    en = rules()["en"]
    token = tokens[index]
    if not token.word or (token.capitalised and not _sentence_start(tokens, index)):
        return False
    before = tokens[index - 1] if index else None
    if token.low in en["violence_participles"] and (token.low.endswith(en["participle_ending"])
                                                    or token.low in en["irregular_participles"]):
        return before is not None and _subject_like(before)
    return token.low in en["agent"]["violence_verbs"] and before is not None and before.low in en["nominal"]["verb_before"]


def _subject_like(token: _Token) -> bool:
    """Whether the word before a past form can end its subject (gunmen, Russia, they, police, has): not a
    determiner nor a verb ("to feed displaced families": displaced is an adjective there)."""
    en = rules()["en"]
    low = token.low
    if not token.word or low in en["determiners"]:
        return False
    return token.capitalised or low in en["agent"]["subject_words"] or low in en["nominal"]["actor_modifiers"] \
        or low.endswith(tuple(en["subject_endings"])) or low in en["agent"]["skip_before_verb"] or _between_word(low)


@lru_cache(maxsize=65_536)
def _english_candidate(low: str) -> bool:
    """Whether a word may be an event at all: an action noun, a participle, a verb of violence."""
    en = rules()["en"]
    return low in en["nouns"] or low.endswith(en["participle_ending"]) or low in en["irregular_participles"] or \
        low in en["violence_participles"] or low in en["agent"]["violence_verbs"]


def _english_events(tokens: list[_Token], text: str) -> list[dict]:
    en = rules()["en"]
    events, passives = [], set()
    for index, token in enumerate(tokens):
        if not token.word or not _english_candidate(token.low):
            continue
        violent = _english_noun(tokens, index)
        if violent is not None:
            agent, acted_on = _english_nominal_roles(tokens, index, text)
            events.append(_event(token, "nominal", violent, agent, acted_on))
        elif _english_passive(tokens, index, passives):
            passives.add(index)
            agent = _english_by_phrase(tokens, index, text)
            acted_on = _english_subject(tokens, index, text, skip_auxiliary=True)
            events.append(_event(token, "passive", token.low in en["violence_participles"], agent, acted_on))
        elif _english_active(tokens, index):
            agent = _english_subject(tokens, index, text, skip_auxiliary=False)
            events.append(_event(token, "active", True, agent, _english_object(tokens, index, text)))
    return events


# --- The table -----------------------------------------------------------------------------------------------

def _article(article) -> Article | None:
    """An :class:`Article` from an article, a name or a path; None for an empty text."""
    if isinstance(article, Article):
        return article
    if isinstance(article, str) and not article.strip():
        return None
    return load_article(article)


# The columns that always hold text are strings, as in the kit's other tables: comparing one with a blank ___
# then says "fill in the blank" (an object column would quietly compare the blank as False).
_TEXT_COLUMNS = {"sentence_text": "str", "text": "str", "voice": "str"}


def _empty() -> pd.DataFrame:
    return pd.DataFrame({column: pd.Series(dtype=object) for column in COLUMNS}).astype(_TEXT_COLUMNS)


def find_agency(article) -> pd.DataFrame:
    """One row per event, in reading order: paragraph, sentence, sentence_text, text, start, end, voice
    (passive, nominal, active), agent, agent_start, agent_end (None when the clause names no actor), acted_on
    (who or what undergoes it, best effort), violence.

    ``article`` is an :class:`Article`, or an article's name or path; ``text`` is always
    ``article.text[start:end]``, and ``agent`` is ``article.text[agent_start:agent_end]``.

    >>> from conflict_reading import Article
    >>> table = find_agency(Article.from_text("Two soldiers were killed by the rebels. The wounded rested."))
    >>> table[["text", "voice", "agent", "acted_on"]].values.tolist()
    [['killed', 'passive', 'the rebels', 'Two soldiers']]
    """
    article = _article(article)
    if article is None:
        return _empty()
    finder = _english_events if article.language == "en" else _indonesian_events
    text = article.text
    rows = []
    sentences = article.sentences
    for paragraph, number, sentence_text, start, end in zip(
            sentences["paragraph"].tolist(), sentences["sentence"].tolist(), sentences["text"].tolist(),
            sentences["start"].tolist(), sentences["end"].tolist()):
        for event in finder(_tokens(text, start, end), text):
            agent = event["agent"]
            rows.append({
                "paragraph": paragraph, "sentence": number, "sentence_text": sentence_text,
                "text": event["text"], "start": event["start"], "end": event["end"], "voice": event["voice"],
                "agent": agent["text"] if agent else None,
                "agent_start": agent["start"] if agent else None, "agent_end": agent["end"] if agent else None,
                "acted_on": event["acted_on"], "violence": event["violence"],
            })
    if not rows:
        return _empty()
    return pd.DataFrame(rows, columns=COLUMNS, dtype=object).astype(
        {"paragraph": int, "sentence": int, "start": int, "end": int, "violence": bool, **_TEXT_COLUMNS})


def agentless(article) -> pd.DataFrame:
    """The passive and nominal events of violence whose clause names no actor: "by whom?".

    >>> from conflict_reading import Article
    >>> text = "Budi Santoso ditembak di Castelby. Dewi Kartika ditembak oleh Arif Wibowo."
    >>> agentless(Article.from_text(text))[["text", "start"]].values.tolist()
    [['ditembak', 13]]
    """
    table = find_agency(article)
    keep = table["voice"].isin(["passive", "nominal"]) & table["violence"].astype(bool) & table["agent"].isna()
    return table[keep].reset_index(drop=True)
