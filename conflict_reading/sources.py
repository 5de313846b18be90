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

import pandas as pd

from .article import Article, paragraph_spans
from .entities import display_name, is_fragment, lexicon, source_kind, subject_source
from .quotes import (PRONOUNS, _cue_at, _description, _may_hold_cue, _Speakers, _verbs, find_quotes, name_after,
                     reporting_verbs, speaker_before)

SOURCE_COLUMNS = ["text", "kind", "source", "source_kind", "cue", "paragraph", "start", "end"]
_TOKEN = re.compile(r"\S+")
_THAT = {"bahwa", "that", "agar", "supaya"}
_ACCORDING_TO = {"menurut", "according to"}
_MIN_WORDS = 3  # a statement shorter than this is not one ("X mengatakan demikian")
_TRAILING = " \t.,;:!?"


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
        self.speakers = _Speakers(self.text)
        speech = quotes[quotes["kind"] != "scare"]
        self.speech = sorted(zip(speech["start"].astype(int), speech["end"].astype(int),
                                 speech["speaker"].where(speech["speaker"].notna(), None)))
        self.speech_starts = [s for s, _, _ in self.speech]
        self.found: list[tuple[int, str]] = []  # (position, source) of indirect statements so far
        self.after_only = _after_quote_only()

    # -- who was the last source before a position (for pronouns and role nouns) --
    def _last_source(self, position: int) -> str | None:
        candidates = [(s, speaker) for s, _, speaker in self.speech[:bisect.bisect_left(self.speech_starts, position)]
                      if speaker]
        candidates += [(p, name) for p, name in self.found if p < position]
        if candidates:
            return max(candidates)[1]
        return self.speakers.last_before(position)

    def _last_with_head(self, head: str, position: int) -> str | None:
        """The latest source before ``position`` whose name holds ``head`` ("the ministry")."""
        candidates = [(s, speaker) for s, _, speaker in self.speech if s < position and speaker]
        candidates += [(p, name) for p, name in self.found if p < position]
        for _, name in sorted(candidates, reverse=True):
            if head in name.lower().split() and len(name.split()) > 1:
                return name
        return None

    def resolve(self, words: list[str], position: int, after: bool = False) -> tuple[str | None, str | None]:
        """(source, kind) of a subject phrase (``after``: the words after a cue, ``kata X``)."""
        if not words:
            return None, None
        first = _lower(words[0])
        if first in PRONOUNS or first in lexicon()["pronouns"]:
            source = self._last_source(position)
            return (source, source_kind(source)) if source else (None, None)
        if after:
            name = name_after(words[:12])
            if name and source_kind(name) == "person":
                return self.speakers.resolve(name, position), "person"
            described = _description(words[:8])
            if described:
                return display_name(described), source_kind(described)
            phrase = []
            for word in words[:10]:
                bare = word.strip(".,:;()“”\"")
                if phrase and (word[:1].islower() and _lower(word) in lexicon()["conduit_words"]):
                    break
                phrase.append(bare)
                if word.endswith((",", ".", ":", ";")):
                    break
            words = phrase
        phrase = subject_source(words) if not after else " ".join(words)
        if not phrase or is_fragment(phrase):
            return None, None
        kind = source_kind(phrase)
        phrase_words = phrase.split()
        if kind in ("organisation", "anonymous", "person"):
            name = speaker_before(phrase_words)
            if name and len(name.split()) >= 2 and source_kind(name) == "person" and not is_fragment(name):
                return self.speakers.resolve(name, position), "person"  # "Juru bicara Kemlu Rolliansyah Soemirat"
            if name and len(name.split()) == 1 and self.speakers.match(name) and phrase_words[-1] == name:
                return self.speakers.match(name), "person"  # "Wang" introduced in full earlier
        if kind in ("organisation", "document") and len(phrase_words) <= 3 and _lower(phrase_words[0]) in (
                "the", "this", "that", "itu", "ini", "tersebut") or (len(phrase_words) == 2 and _lower(phrase_words[-1]) in (
                "itu", "ini", "tersebut")):
            head = next((_lower(w) for w in phrase_words if _lower(w) not in ("the", "this", "that", "itu", "ini", "tersebut")), None)
            earlier = self._last_with_head(head, position) if head else None
            if earlier:
                return earlier, source_kind(earlier)
        if kind == "person":
            name = speaker_before(phrase_words) or phrase
            if is_fragment(name):
                return None, None
            return self.speakers.resolve(name, position), "person"
        return display_name(phrase), kind

    def statements(self, start: int, end: int, paragraph: int) -> list[dict]:
        """The reported statements of the sentence ``text[start:end]``."""
        text = self.text
        index = bisect.bisect_right(self.speech_starts, end) - 1
        if index >= 0 and self.speech[index][1] > start:
            return []  # the sentence holds a quotation: its cue is the quotation's
        tokens = [(m.start() + start, m.end() + start, m.group()) for m in _TOKEN.finditer(text, start, end)
                  for m in [m]] if False else [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text[start:end])]
        tokens = [(s + start, e + start, w) for s, e, w in tokens]
        words = [w for _, _, w in tokens]
        if not _may_hold_cue(words):
            return []
        for i in range(len(words)):
            found = _cue_at(words, i)
            if not found:
                continue
            cue, pronoun_form = found
            lower_cue = cue.lower()
            size = len(cue.split())
            row = self._read(tokens, words, i, cue, lower_cue, size, pronoun_form, start, end)
            if row:
                row["paragraph"] = paragraph
                self.found.append((row["start"], row["source"]))
                return [row]
        return []

    def _row(self, s: int, e: int, source: str, kind: str, cue: str) -> dict | None:
        text = self.text
        while e > s and text[e - 1] in _TRAILING:
            e -= 1
        while s < e and text[s] in " ,:;—–-":
            s += 1
        if len(text[s:e].split()) < _MIN_WORDS or not source or kind is None:
            return None
        return {"text": text[s:e], "kind": "indirect", "source": source, "source_kind": kind, "cue": cue,
                "start": s, "end": e}

    def _read(self, tokens, words, i, cue, lower_cue, size, pronoun_form, start, end) -> dict | None:
        comma_before = i > 0 and words[i - 1].endswith(",")
        # 1. "Menurut X, S" / "S, according to X"
        if lower_cue in _ACCORDING_TO:
            source_words, j = [], i + size
            while j < len(words):
                source_words.append(words[j])
                if words[j].endswith((",", ".", ":", ";")):
                    break
                j += 1
            source, kind = self.resolve(source_words, tokens[i][0], after=True)
            if comma_before or (i > 0 and j >= len(words) - 1):
                return self._row(start, tokens[i - 1][1], source, kind, cue)  # "S, according to X."
            if j + 1 < len(words):
                return self._row(tokens[j + 1][0], end, source, kind, cue)
            return None
        # 2. "S, kata X" / "S, ujarnya" / "S, X said" / "S, officials said"
        if comma_before or lower_cue in self.after_only or pronoun_form:
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
            for k in range(j, min(len(words), j + 10)):
                if _lower(words[k]) in _THAT:
                    j = k + 1
                    break
                if words[k].endswith((",", ":")) and k + 1 < len(words):
                    lower = _lower(words[j])
                    if lower in lexicon()["conduit_words"] or k - j <= 4:
                        j = k + 1  # "mengatakan kepada wartawan, S" / "said on Monday, S"
                    break
            else:
                if _lower(words[j]) in ("kepada", "to") if j < len(words) else False:
                    j += 2
        if j >= len(words):
            return None
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
    for sentence in article.sentences.itertuples(index=False):
        rows.extend(reader.statements(int(sentence.start), int(sentence.end), int(sentence.paragraph)))
    rows.sort(key=lambda row: row["start"])
    return pd.DataFrame(rows, columns=SOURCE_COLUMNS)
