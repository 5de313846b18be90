"""Every attributed statement: quotations and reported speech, each with its source.

:func:`find_sources` lists what an article attributes to someone, not only what
it puts in quotation marks:

- the direct and partial quotations of :func:`~conflict_reading.quotes.find_quotes`,
  again, with their speaker as ``source``;
- reported speech without quotation marks (``kind`` ``indirect``): *X mengatakan
  (bahwa) …*, *menurut X, …*, *…, kata X*, *X said …*, *according to X*,
  *…, officials said*, *Iran melaporkan …*.

Each row has the ``source`` (the fullest name, as for speakers: a person, an
organisation, a state, a document or an anonymous description), its
``source_kind`` (see :mod:`conflict_reading.entities`), the ``cue``, the
``paragraph`` and the span (``start``, ``end``) of *what is said*, not of the
cue.  A conduit (*told Reuters*, *kepada wartawan*) is never the source.

>>> from conflict_reading import Article
>>> text = "Polda Papua mengatakan bahwa dua orang ditangkap. Menurut seorang warga, api menyebar cepat."
>>> find_sources(Article.from_text(text))[["kind", "source", "source_kind", "cue"]].values.tolist()
[['indirect', 'Polda Papua', 'organisation', 'mengatakan'], ['indirect', 'seorang warga', 'anonymous', 'Menurut']]
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

import pandas as pd

from .article import Article
from .entities import _calendar_words, display_name, is_fragment, lexicon, source_kind, subject_words
from .quotes import (PRONOUNS, Role, _cue_at, _cue_indices, _inverts, _may_hold_cue, _subject, find_quotes,
                     reporting_verbs, source_after, speakers_of)

SOURCE_COLUMNS = ["text", "kind", "source", "source_kind", "cue", "paragraph", "start", "end"]
_TOKEN = re.compile(r"\S+")
_THAT = {"bahwa", "that", "agar", "supaya"}
def _is_time(words: list[str]) -> bool:
    """"Senin (1/9),", "on Monday,", "pada Kamis,": when it was said, before what was said."""
    return any(_lower(w) in _calendar_words() or re.fullmatch(r"\(?\d[\d/.-]*\)?,?", w) for w in words)


def _apposition_before(before: list[str]) -> bool:
    """Whether the words before a cue end with an apposition set off by commas ("X, a Ukrainian MP,").

    >>> _apposition_before("Ilona Berat, an Estmar MP,".split()), _apposition_before("Api menyebar cepat,".split())
    (True, False)
    """
    inner = before[:-1]
    comma = max((k for k, w in enumerate(inner) if w.endswith(",")), default=-1)
    if comma < 0 or len(before) - comma > 12:
        return False
    first = _lower(before[comma + 1])
    return first in {"a", "an", "the", "seorang", "salah", "who", "yang"} and before[comma][:1].isupper()


_NEGATIONS = lexicon()["negations"]  # "belum memastikan", "did not say": nothing was said


_PURPOSE = {"untuk", "guna", "agar", "demi", "supaya", "to", "dapat", "bisa", "could", "would", "will", "akan", "ingin",
            "want", "wants", "berencana", "plans"}


# A second reporting verb inside a reported statement: ", adding (that)", ", seraya menegaskan (bahwa)".
_SECOND_CUE = re.compile(
    r"(?:,\s+(?:(?:and|dan|serta)\s+)?|\s+(?:dan|and|serta)\s+)(?:juga\s+|also\s+)?(?:seraya\s+|sambil\s+)?"
    r"(?P<cue>adding|saying|warning|noting|insisting|urged|estimated|added|warned|noted|said|menambahkan|menegaskan|mengatakan|menyatakan|menjelaskan|"
    r"mengungkapkan|mendesak|meminta|menyerukan|mengimbau)(?:\s+(?:that|bahwa|agar|supaya))?\s+")
_RELATIVE = {"which", "who"}  # not "yang": "merilis pernyataan yang menyebut …" is what was said
_IN_TITLES = {"of", "the", "for", "and", "dari", "di", "untuk", "dan", "urusan", "bidang"}
_CONDUIT_START = {"kepada", "to", "via", "melalui", "lewat", "dalam", "in", "on", "at", "di"}


def _own_cue_after(words: list[str]) -> bool:
    """Whether the words after a sentence's last quotation hold a cue of their own: "…”, also urging them to …",
    "…” dan memuji keberanian …" (a participle, or a verb joined by "and").

    >>> _own_cue_after("also urging them to vote.".split()), _own_cue_after("dan memuji keberanian staf.".split())
    (True, True)
    >>> _own_cue_after("to the crowd.".split())
    False
    """
    for index in range(min(len(words), 4)):
        found = _cue_at(words, index)
        if found and (found[0].lower().endswith("ing") or (index > 0 and _lower(words[index - 1]) in ("dan", "and", "serta"))):
            return True
    return False


def _according_to() -> frozenset[str]:
    """Cues that name their source after them and attribute the clause beside them:
    "menurut X", "according to X", "dilansir dari X" (``lexicons/sources.toml``)."""
    return lexicon()["according_to"]
_MIN_WORDS = 1  # "menyerukan persatuan" (called for unity) says something in one word
_EMPTY_STATEMENTS = {"demikian", "begitu", "hal", "itu", "ini", "so", "this", "that", "it", "hal itu", "nya"}
_TRAILING = " \t.,;:!?"


@lru_cache(maxsize=1)
def _after_quote_only() -> frozenset[str]:
    """Cue forms written only after what is said (``kata``, ``ujar``, ``tegas``): they attribute the words
    before them (``…, kata X``), never the words after."""
    verbs = reporting_verbs()
    return frozenset(verbs[verbs["gloss"].str.contains("after a quote", na=False)]["verb"].str.lower())


def _lower(word: str) -> str:
    return word.lower().strip(".,:;()“”\"")


class _Reader:
    """Reads one article's sentences for reported speech, remembering who was last a source."""

    def __init__(self, article: Article, quotes: pd.DataFrame):
        self.text = article.text
        self.speakers = speakers_of(article)
        self.speech = sorted((int(start), int(end), speaker if isinstance(speaker, str) and speaker else None)
                             for kind, start, end, speaker in zip(quotes["kind"], quotes["start"], quotes["end"],
                                                                  quotes["speaker"]) if kind != "scare")
        self.speech_starts = [s for s, _, _ in self.speech]
        self.found: list[tuple[int, str]] = []  # (position, source) of indirect statements so far
        self.after_only = _after_quote_only()

    # -- who was the last source before a position (for pronouns and role nouns) --
    def _last_source(self, position: int) -> str | None:
        index = bisect.bisect_left(self.speech_starts, position)
        candidates = [(s, speaker) for s, _, speaker in self.speech[max(0, index - 50):index] if speaker]
        candidates += [(p, name) for p, name in self.found[-50:] if p < position]
        if candidates:
            return max(candidates)[1]
        return self.speakers.last_before(position)

    def _last_with_head(self, head: str, position: int) -> str | None:
        """The latest source before ``position`` whose name holds ``head`` ("the ministry")."""
        index = bisect.bisect_left(self.speech_starts, position)
        candidates = [(s, speaker) for s, _, speaker in self.speech[max(0, index - 200):index] if speaker]
        candidates += [(p, name) for p, name in self.found[-200:] if p < position]
        for _, name in sorted(candidates, reverse=True):
            if head in name.lower().split() and len(name.split()) > 1:
                return name
        return None

    def resolve(self, words: list[str], position: int, after: bool = False) -> tuple[str | None, str | None]:
        """(source, kind) of a subject phrase (``after``: the words after a cue, ``kata X``)."""
        if not words:
            return None, None
        first = _lower(words[0])
        if not after:  # "Selain rantis, dia menyatakan …": the clause's subject, past what comes before it
            phrase = subject_words(words)
            first = _lower(phrase[0]) if len(phrase) == 1 else first
        if first in PRONOUNS or first in lexicon()["pronouns"] or (after and first.endswith("nya") and len(words) == 1):
            source = self._last_source(position)
            return (source, source_kind(source)) if source else (None, None)
        found = source_after(words) if after else _subject(words)
        if found is None and after:  # "Menurut badan kemanusiaan PBB di Jenewa, …": the phrase to the comma
            phrase = []
            for word in words[:10]:
                phrase.append(word.strip(".,:;()“”\""))
                if word.endswith((",", ".", ":", ";")):
                    break
            written = " ".join(phrase)
            if source_kind(written) not in (None, "person"):
                return display_name(written), source_kind(written)
        if isinstance(found, Role) and not self.speakers.role(found, position):
            head = found.split()[-1].lower() if found.split()[-1].lower() not in ("itu", "ini", "tersebut") else found.split()[0].lower()
            found = self._last_with_head(head, position) or (
                str(found) if source_kind(str(found)) in ("document", "organisation", "anonymous") else None)
        source = self.speakers.settle(found, position) if found else None
        if not source or is_fragment(source):
            return None, None
        shown = display_name(source)
        return shown, source_kind(shown) or source_kind(source)

    def statements(self, start: int, end: int, paragraph: int) -> list[dict]:
        """The reported statements of the sentence ``text[start:end]``."""
        text = self.text
        index = bisect.bisect_right(self.speech_starts, end) - 1
        quoted_speaker = None
        if index >= 0 and self.speech[index][1] > start:
            # The sentence holds a quotation: its cues are the quotation's, but one after the last quotation
            # that introduces a clause of its own is read ("… called the raid “…”, and then said that S"),
            # and so is a first cue before the quotation's own ("X mendesak S, serta memintanya … “…”").
            first = bisect.bisect_left(self.speech_starts, start)
            early = self._before_quotation(start, self.speech[first][0] - 1, paragraph) if first <= index else []
            quoted_speaker = self.speech[index][2]
            start = self.speech[index][1] + 1
            words_after = text[start:end].split()
            if not any(_lower(w) in _THAT for w in words_after) and not _own_cue_after(words_after):
                return early
            return early + self._cues_in(start, end, paragraph, quoted_speaker)
        return self._cues_in(start, end, paragraph, quoted_speaker)

    def _before_quotation(self, start: int, end: int, paragraph: int) -> list[dict]:
        """A statement reported before a quotation, by a cue other than the quotation's own."""
        text = self.text
        tokens = [(m.start() + start, m.end() + start, m.group()) for m in _TOKEN.finditer(text[start:end])]
        words = [w for _, _, w in tokens]
        if len(words) < 4 or not _may_hold_cue(words):
            return []
        cues = [i for i in _cue_indices(words) if _cue_at(words, i)]
        if len(cues) < 2:
            return []  # the one cue here introduces the quotation
        i, k = cues[0], cues[1]
        cue = _cue_at(words, i)[0]
        source, kind = self.resolve(words[:i], tokens[i][0])
        if not source or i > 0 and _lower(words[i - 1]) in _NEGATIONS | _PURPOSE:
            return []
        if i + 1 >= len(words) or _lower(words[i + 1]) in _CONDUIT_START:
            return []  # "posted on X, …": where, not what
        stop = max((m for m in range(i + 1, k) if words[m].endswith(",") or _lower(words[m + 1]) in {"serta", "dan", "and"}),
                   default=k - 1)
        if stop - i < 4:
            return []  # "condemned the raid, saying …": no statement of its own
        row = self._row(tokens[i][1], tokens[stop][1], source, kind, cue)
        if row:
            row["paragraph"] = paragraph
            self.found.append((row["start"], row["source"]))
        return [row] if row else []

    def _cues_in(self, start: int, end: int, paragraph: int, quoted_speaker: str | None) -> list[dict]:
        """The reported statements of ``text[start:end]`` (a sentence, or its end after a quotation)."""
        text = self.text
        if not _may_hold_cue(text[start:end].split()):  # the same words as _TOKEN finds
            return []  # most sentences: no cue, so no need for the words' positions
        tokens = [(m.start() + start, m.end() + start, m.group()) for m in _TOKEN.finditer(text[start:end])]
        words = [w for _, _, w in tokens]
        cue_indices = _cue_indices(words)
        for i in cue_indices:
            found = _cue_at(words, i)
            if not found:
                continue
            cue, pronoun_form = found
            lower_cue = cue.lower()
            size = len(cue.split())
            if i > 0 and _lower(words[i - 1]) in _RELATIVE and any(_cue_at(words, k) for k in cue_indices
                                                                  if k >= i + size):
                continue  # "In a statement which confirmed …, the land forces said …": the main clause's cue
            row = self._read(tokens, words, i, cue, lower_cue, size, pronoun_form, start, end)
            closing = self._closing_attribution(tokens, words, i + size, start, end) if row else None
            if closing:
                row = closing  # "The US stressed that S, spokesperson Budi Santoso said.": the closing cue attributes
            joined = 1 <= i <= 3 and all(_lower(w) in ("", "dan", "and", "serta", "also", "juga", "lalu", "then")
                                         for w in words[:i])
            if row is None and quoted_speaker and joined and i + size < len(words):
                # "…”, also urging them to vote" / "…” dan memuji keberanian staf": the quotation's speaker goes on
                j = i + size + (1 if _lower(words[i + size]) in _THAT else 0)
                row = self._row(tokens[j][0], end, quoted_speaker, source_kind(quoted_speaker), cue) if j < len(words) else None
            if row is None and quoted_speaker and any(_lower(w) in _THAT for w in words[i + size:i + size + 8]):
                j = next(k for k in range(i + size, len(words)) if _lower(words[k]) in _THAT) + 1
                row = self._row(tokens[j][0], end, quoted_speaker, source_kind(quoted_speaker), cue) if j < len(words) else None
            if row:
                rows = self._second_speaker(tokens, words, i + size, row, end) or self._split_at_second_cue(row)
                for each in rows:
                    each["paragraph"] = paragraph
                    self.found.append((each["start"], each["source"]))
                return rows
        return []

    def _second_speaker(self, tokens, words, after: int, row: dict, end: int) -> list[dict] | None:
        """"Meski X mengeklaim S1, Y menyatakan S2" / "X said S1, while Y said S2": two sources, two statements."""
        for k in _cue_indices(words, after + 1):
            found = _cue_at(words, k)
            if not found or found[1] or tokens[k][0] < row["start"]:
                continue
            comma = max((c for c in range(max(after, k - 6), k) if words[c].endswith(",")), default=-1)
            subject = words[comma + 1:k]
            while subject and _lower(subject[0]) in lexicon()["clause_openers"] | {"dan", "and", "but", "namun", "tetapi"}:
                subject = subject[1:]
            if comma < 0 or not subject or tokens[comma][1] <= row["start"]:
                return None
            source, kind = self.resolve(subject, tokens[k][0])
            if not source:
                return None
            j = k + len(found[0].split())
            j += 1 if j < len(words) and _lower(words[j]) in _THAT else 0
            if j >= len(words) or (_lower(words[j]) in _CONDUIT_START and len(words) - j <= 4):
                return None  # "…, Budi said in a statement.": where it was said, nothing more
            second = self._row(tokens[j][0], end, source, kind, found[0])
            first = self._row(row["start"], tokens[comma][1], row["source"], row["source_kind"], row["cue"])
            return [first, second] if first and second else None
        return None

    def _closing_attribution(self, tokens, words, after: int, start: int, end: int) -> dict | None:
        """A "…, X said (in a statement)." that closes the sentence after an earlier cue: the whole sentence
        before it is what X said."""
        for i in range(max(after, len(words) - 8), len(words)):
            found = _cue_at(words, i)
            if not found or found[1]:
                continue
            comma = max((k for k in range(max(after, i - 8), i) if words[k].endswith(",")), default=-1)
            cue = found[0]
            rest = words[i + len(cue.split()):]
            if comma < 0 or len(rest) > 6 or cue.lower() in _according_to() or (
                    rest and _lower(rest[0]) not in _CONDUIT_START and not _is_time(rest)):
                continue  # "…, Budi said (in a statement / on Monday)." closes; "…, Budi said otherwise." does not
            source, kind = self.resolve(words[comma + 1:i], tokens[i][0])
            if source and source.lower().removeprefix("the ").split()[0] not in lexicon()["news_outlets"]:
                # (not "…, AFP reported": the agency carries the words of the source named before)
                return self._row(start, tokens[comma][1], source, kind, cue)
        return None

    def _split_at_second_cue(self, row: dict) -> list[dict]:
        """"X said S1, adding that S2" / "X mengatakan S1, seraya menegaskan bahwa S2": two statements."""
        text = self.text
        match = _SECOND_CUE.search(text, row["start"], row["end"])
        if not match or match.start() - row["start"] < 12:
            return [row]
        first = self._row(row["start"], match.start(), row["source"], row["source_kind"], row["cue"])
        second = self._row(match.end(), row["end"], row["source"], row["source_kind"], match.group("cue"))
        return [r for r in (first, second) if r] or [row]

    def _row(self, s: int, e: int, source: str, kind: str, cue: str) -> dict | None:
        text = self.text
        while e > s and text[e - 1] in _TRAILING:
            e -= 1
        while s < e and text[s] in " ,:;—–-":
            s += 1
        said = text[s:e].split()
        if len(said) < _MIN_WORDS or not source or kind is None:
            return None
        if len(said) == 1 and said[0].lower().strip(".,;:") in _EMPTY_STATEMENTS:
            return None  # "X mengatakan demikian": nothing said here
        return {"text": text[s:e], "kind": "indirect", "source": source, "source_kind": kind, "cue": cue,
                "start": s, "end": e}

    def _read(self, tokens, words, i, cue, lower_cue, size, pronoun_form, start, end) -> dict | None:
        comma_before = i > 0 and words[i - 1].endswith(",")
        if i > 0 and _lower(words[i - 1]) in _NEGATIONS | _PURPOSE:
            return None  # "Trump tidak menyebutkan …": nothing was said; "guna memastikan …": to make sure
        if lower_cue in lexicon()["not_indirect_cues"]:
            return None  # "menanggapi pernyataan TNI": responding to something, not saying something
        if lower_cue in lexicon()["report_to_authorities"] and i + size < len(words) \
                and words[i + size][:1].isupper() and _lower(words[i + size]) not in _THAT:
            return None  # "Polres melaporkan Andi Saputra ke jaksa": reported someone to the authorities, not speech
        according = lower_cue in _according_to() or lower_cue.removesuffix("nya") in _according_to()
        if according and pronoun_form:  # "Menurutnya, S" / "S, menurutnya."
            source = self._last_source(tokens[i][0])
            kind = source_kind(source) if source else None
            if comma_before:
                return self._row(start, tokens[i - 1][1], source, kind, cue)
            return self._row(tokens[i][1], end, source, kind, cue)
        # 1. "Menurut X, S" / "S, according to X"
        if according:
            source_words, j = [], i + size
            while j < len(words):
                source_words.append(words[j])
                if words[j].endswith((",", ".", ":", ";")) and not re.fullmatch(r"(?:[A-Z]\.){2,}", words[j]):
                    break  # "according to U.S. aid officials": not at "U.S."
                j += 1
            source, kind = self.resolve(source_words, tokens[i][0], after=True)
            after = words[j + 1:]
            only_a_name = len(after) <= 10 and all(  # "…, menurut Mariana Kostova, Kepala UNHCR."
                w[:1].isupper() or w.startswith("(") or _lower(w) in _IN_TITLES for w in after)
            if comma_before and j < len(words) and words[j].endswith(",") and len(after) >= 3 and not only_a_name \
                    and not (lower_cue.startswith("according") and i > 4):
                return self._row(tokens[j + 1][0], end, source, kind, cue)  # "Sementara itu, menurut X, S."
            # ("The attack took place there, according to X, during …": the clause before is what X says)
            if only_a_name and after:
                source, kind = self.resolve(source_words + after, tokens[i][0], after=True)
            if comma_before or (i > 0 and j >= len(words) - 1):
                return self._row(start, tokens[i - 1][1], source, kind, cue)  # "S, according to X."
            if j + 1 < len(words):
                return self._row(tokens[j + 1][0], end, source, kind, cue)
            return None
        # 2. "S, kata X" / "S, ujarnya" / "S, X said" / "S, officials said"; not "X, a professor, said that S"
        rest = len(words) - i - size
        named_after = source_after(words[i + size:]) if 0 < rest <= 8 else None
        comma_near = max((k for k in range(max(0, i - 8), i) if words[k].endswith(",")), default=-1)
        # "S1, officials said, S2": the statement before (S1 of three words or more); "Sementara, X menyatakan, S":
        # a short opening, then the cue and what follows it
        inserted = words[i + size - 1].endswith(",") and comma_near >= 2 and not comma_before and i - comma_near <= 7 \
            and _inverts(cue)  # ("Dalam kesempatan itu, Budi menyatakan, S" opens with a phrase of time, not S1)
        leads = words[i + size - 1].endswith((",", ":")) and rest >= 2 and not comma_before and not inserted
        named_next = rest == 0 or words[i + size][:1].isupper() or _lower(words[i + size]) in PRONOUNS \
            or _lower(words[i + size]) in _CONDUIT_START or _is_time(words[i + size:])  # not "menyerukan pembebasan X"
        where_only = 0 < rest <= 7 and _lower(words[i + size]) in _CONDUIT_START and not any(
            _lower(w) in _THAT or w.endswith((",", ":")) for w in words[i + size:-1])  # "…, X announced in a statement on Telegram."
        closing = lower_cue in self.after_only or pronoun_form or inserted or where_only or (not leads and ((rest <= 2 and named_next) or (
            named_after is not None and rest - len(named_after.split()) <= 3
            and not any(_lower(w) in _THAT for w in words[i + size:]))))
        if comma_before and _apposition_before(words[:i]):
            closing = lower_cue in self.after_only or pronoun_form  # "Ilona Berat, an Estmar MP, accused …"
        if (comma_before and closing) or lower_cue in self.after_only or pronoun_form or inserted or (where_only and comma_near >= 0) or (
                closing and comma_near >= 0 and rest <= 4 and not (_lower(words[comma_near + 1]) in _THAT)):
            if not comma_before:
                clause_start = max((k for k in range(i) if words[k].endswith(",")), default=-1)
                if clause_start < 0 or i - clause_start > 8:
                    if lower_cue in self.after_only or pronoun_form:
                        return None
                    clause_start = -1
                subject = words[clause_start + 1:i]
            else:
                clause_start, subject = i - 1, []
            if clause_start >= 0:
                # "Karena itu, kata Dimas, S": the cue's clause closed by a comma, the statement after it
                closing_comma = next((k for k in range(i + size - 1, min(len(words) - 2, i + size + 6))
                                      if words[k].endswith(",")), None) if comma_before else None
                if closing_comma is not None and len(words) - closing_comma - 1 >= 3 and clause_start <= 3:
                    who = (self._last_source(tokens[i][0]) if pronoun_form
                           else self.resolve(words[i + size:closing_comma + 1], tokens[i][0], after=True)[0])
                    if who:
                        return self._row(tokens[closing_comma + 1][0], end, who, source_kind(who), cue)
                if pronoun_form:
                    source = self._last_source(tokens[i][0])
                    kind = source_kind(source) if source else None
                elif subject:
                    source, kind = self.resolve(subject, tokens[i][0])
                else:
                    source, kind = self.resolve(words[i + size:], tokens[i][0], after=True)
                return self._row(start, tokens[clause_start][1], source, kind, cue)
        if lower_cue in self.after_only:
            return None
        # 3. "X mengatakan (bahwa) S" / "X told reporters that S"
        before = words[:i]
        if not before:
            return None
        source, kind = self.resolve(before, tokens[i][0])
        if not source:
            return None
        j = i + size
        if words[i + size - 1].endswith((",", ":")):
            pass
        else:
            reach = 20 if j < len(words) and _lower(words[j]) in _CONDUIT_START else 10  # "mengatakan dalam rapat … bahwa"
            for k in range(j, min(len(words), j + reach)):
                if _lower(words[k]) in _THAT:
                    j = k + 1
                    break
                if words[k].endswith((",", ":")) and k + 1 < len(words):
                    lower = _lower(words[j])
                    if (lower in _CONDUIT_START and k - j <= 6) or (k - j <= 3 and _is_time(words[j:k + 1])):
                        j = k + 1  # "mengatakan kepada wartawan, S" / "said on Monday, S"
                    break
            else:
                if _lower(words[j]) in ("kepada", "to") if j < len(words) else False:
                    j += 2
        if j >= len(words):
            return None
        if _lower(words[i - 1]) in ("yang", "who") and len(words) - j < 3:
            return None  # "warga yang menolak razia": who they are (they opposed a raid), not what they said
        if _lower(words[j]) in _CONDUIT_START and _lower(words[j]) not in ("di",):
            # "wrote in a Facebook post, …" / "said on Telegram": where it was said, then (maybe) what
            k = next((k for k in range(j, min(len(words), j + 10))
                      if words[k].endswith((",", ":")) or _lower(words[k]) in _THAT), None)
            if k is None or k + 1 >= len(words):
                return None
            j = k + 1
        return self._row(tokens[j][0], end, source, kind, cue)


def find_sources(article: Article, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every attributed statement of ``article``: quotations (``direct``, ``partial``) and reported
    speech (``indirect``), ordered by ``start``; columns ``SOURCE_COLUMNS``."""
    quotes = find_quotes(article) if quotes is None else quotes
    reader = _Reader(article, quotes)
    rows = []
    for q in quotes.itertuples(index=False):
        if q.kind == "scare":
            continue
        speaker = q.speaker if isinstance(q.speaker, str) and q.speaker else None
        rows.append({"text": q.text, "kind": q.kind, "source": speaker,
                     "source_kind": source_kind(speaker) if speaker else None, "cue": q.cue if isinstance(q.cue, str) else None,
                     "paragraph": int(q.paragraph_start), "start": int(q.start), "end": int(q.end)})
    sentences = article.sentences
    for start, end, paragraph in zip(sentences["start"].tolist(), sentences["end"].tolist(),
                                     sentences["paragraph"].tolist()):
        rows.extend(reader.statements(int(start), int(end), int(paragraph)))
    rows.sort(key=lambda row: row["start"])
    return pd.DataFrame(rows, columns=SOURCE_COLUMNS)
