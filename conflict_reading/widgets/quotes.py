"""Widgets for lesson 02, *Who speaks*: quotations highlighted by speaker, a
quote-by-quote walkthrough (who speaks, and what kind of quote is it?), and a
reporting-verb spotter.

Each works on any article and any quotes table with the columns of
:func:`conflict_reading.quotes.find_quotes` (``text``, ``kind``,
``paragraph_start``, ``paragraph_end``, ``speaker``, ``cue``, ``how``,
``start``, ``end``): the engine's table, or a hand annotation read into a
DataFrame.  Missing values (``None`` or NaN) are fine.

- :func:`highlight_quotes`: the article as HTML, every quotation highlighted
  and labelled ``[Speaker]`` (colour is never the only signal), with a
  numbered plain-text list as its fallback.
- :class:`QuoteWalkthrough`: one quotation at a time, in its paragraphs; the
  learner picks the speaker and the kind, and presses Check.
- :class:`VerbSpotter`: one attributed quotation at a time; the learner types
  the reporting verb that introduces it.

The callbacks are plain methods, so tests (and this doctest) drive the
widgets with no front end: set a value, then ``.click()`` a button.

>>> import pandas as pd
>>> from conflict_reading import Article
>>> text = "Budi Santoso mengatakan, “Kami siap.”\\nRina Dewi menegaskan, “Kami juga siap.”"
>>> article = Article.from_text(text)
>>> def row(quote, speaker, cue, paragraph):
...     start = text.index(quote)
...     return {"text": quote, "kind": "direct", "paragraph_start": paragraph, "paragraph_end": paragraph,
...             "speaker": speaker, "cue": cue, "how": "explicit cue", "start": start, "end": start + len(quote)}
>>> quotes = pd.DataFrame([row("Kami siap.", "Budi Santoso", "mengatakan", 1),
...                        row("Kami juga siap.", "Rina Dewi", "menegaskan", 2)])
>>> print(highlight_quotes(article, quotes))
Quotations in 'text': 2
 1. ¶1 [Budi Santoso] direct, cue “mengatakan”: “Kami siap.”
 2. ¶2 [Rina Dewi] direct, cue “menegaskan”: “Kami juga siap.”
>>> walk = QuoteWalkthrough(article, quotes)
>>> walk.speaker_menu.value, walk.kind_buttons.value = "Rina Dewi", "direct"
>>> walk.check_button.click()
>>> walk.last_feedback.message
'Almost: you picked the speaker of the *next* quote. Does this quote have a reporting verb of its own, in its sentence or the sentence before?'
>>> walk.speaker_menu.value = "Budi Santoso"
>>> walk.check_button.click()
>>> walk.results, walk.score_text
({0: True}, '1 of 2 checked right')
>>> spot = VerbSpotter(article, quotes)
>>> spot.verb_input.value = "kata"  # the root of mengatakan
>>> spot.check_button.click()
>>> spot.last_feedback.passed
True
"""

from __future__ import annotations

import bisect
import html
import textwrap

import ipywidgets as widgets
import pandas as pd

from .colours import GREY as _GREY
from .colours import text_colour_on as _text_colour_on
from .colours import tint as _tint
from ..answers import normalize_text, same_name
from ..article import Article
from ..explore import translation
from ..feedback import Feedback
from ..presenter import highlight_font_size
from ..quotes import reporting_verbs
from .stepper import Stepper, in_paragraphs, sample_text
from .spans import Highlighted, disjoint_spans, paragraphs_html, table_records

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision
# deficiency.  Black is left out: it is the colour of the text.
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"]
NOT_NAMED = "someone else / not named"
KINDS = ("direct", "partial")
QUOTE_MARKS = "“”«»„\""


# --- the quotes table --------------------------------------------------------------------

def _records(quotes) -> list[dict]:
    """The rows of a quotes table as dicts (see :func:`.spans.table_records`), sorted by ``start``."""
    return table_records(quotes, ("start", "end", "paragraph_start", "paragraph_end"))


def _is_speech(record: dict) -> bool:
    return record.get("kind") != "scare"


def _speakers(records: list[dict]) -> list[str]:
    """The speakers of the speech quotes, in order of first appearance."""
    names = [r["speaker"] for r in records if _is_speech(r) and r.get("speaker")]
    return list(dict.fromkeys(names))


def _paragraph_label(record: dict) -> str:
    first, last = record.get("paragraph_start"), record.get("paragraph_end")
    if first is None:
        return "¶?"
    return f"¶{first}" if last in (None, first) else f"¶{first}–{last}"


def _mark_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a quote's span (inside the marks) to take in its marks, where they are there."""
    if start > 0 and text[start - 1] in QUOTE_MARKS:
        start -= 1
    if end < len(text) and text[end] in QUOTE_MARKS:
        end += 1
    return start, end


# --- colours -------------------------------------------------------------------------------







def speaker_colours(speakers: list[str]) -> dict[str, str]:
    """One Okabe–Ito colour per speaker, in order (the palette repeats after seven).

    >>> speaker_colours(["Budi", "Rina"])
    {'Budi': '#E69F00', 'Rina': '#56B4E9'}
    """
    return {name: OKABE_ITO[i % len(OKABE_ITO)] for i, name in enumerate(speakers)}


def _label_html(label: str, colour: str | None) -> str:
    if colour is None:
        style = f"border:1px dotted {_GREY};color:{_GREY}"
    else:
        style = f"background:{colour};color:{_text_colour_on(colour)}"
    return (
        f'<span class="cr-quote-label" style="{style};font-weight:bold;font-size:.85em;'
        f'border-radius:3px;padding:0 .3em;margin-right:.2em;white-space:nowrap">{html.escape(label)}</span>'
    )


# --- highlight_quotes ----------------------------------------------------------------------

class HighlightedArticle(Highlighted):
    """The article with its quotations highlighted: HTML in a notebook, a numbered list as text.

    ``html`` and ``text`` hold the two renderings; ``speakers`` and ``colours`` the legend.
    """

    def __init__(self, article: Article, quotes):
        self.article = article
        self.records = _records(quotes)
        self.speakers = _speakers(self.records)
        self.colours = speaker_colours(self.speakers)
        self.text = self._text()
        self.html = self._html()

    def _style(self, record: dict) -> tuple[str, str | None, str]:
        """(label, label colour, CSS of the highlighted span) for one quote."""
        if record.get("kind") == "scare":
            return "scare", None, "border-bottom:2px dotted #000;background:#f2f2f2"
        speaker = record.get("speaker")
        if not speaker:
            return "speaker not found", None, f"border-bottom:2px dashed {_GREY}"
        colour = self.colours[speaker]
        if record.get("kind") == "partial":
            return f"{speaker} · partial", colour, f"background:{_tint(colour, .18)};border-bottom:3px dashed {colour}"
        return speaker, colour, f"background:{_tint(colour)};border-bottom:3px solid {colour}"

    def _html(self) -> str:
        text = self.article.text

        def paint(span, row):
            start, end, number, record = span
            seg_start, seg_end = max(start, row.start), min(end, row.end)
            label, colour, css = self._style(record)
            if seg_start > start:
                label += ", cont."
            kind = record.get("kind") or "quote"
            title = f"Quote {number}: {kind}" + (f", {record['speaker']}" if record.get("speaker") else "")
            return seg_start, seg_end, (
                _label_html(f"[{label}]", colour)
                + f'<span class="cr-quote cr-{html.escape(kind)}" title="{html.escape(title)}" '
                f'style="{css};padding:0 .1em">{html.escape(text[seg_start:seg_end])}</span>'
            )

        paragraphs = paragraphs_html(self.article, disjoint_spans(
            text, self.records, lambda record: _mark_bounds(text, record["start"], record["end"])), paint)
        return (
            f'<div class="cr-highlight" style="background:#fff;color:#111;font-size:{highlight_font_size()};line-height:1.75;'
            f'max-width:60em;padding:.4em .6em;border:1px solid #ddd">{self._legend()}{paragraphs}</div>'
        )

    def _legend(self) -> str:
        counts = {name: 0 for name in self.speakers}
        scare = unnamed = 0
        for record in self.records:
            if not _is_speech(record):
                scare += 1
            elif record.get("speaker"):
                counts[record["speaker"]] += 1
            else:
                unnamed += 1
        items = [f"{_label_html(f'[{name}]', self.colours[name])} {n} quote{'s' * (n != 1)}"
                 for name, n in counts.items()]
        if unnamed:
            items.append(f"{_label_html('[speaker not found]', None)} {unnamed}")
        if scare:
            items.append(f"{_label_html('[scare]', None)} {scare}: marks around a term, not someone's words")
        if not items:
            items.append("No quotations in this table.")
        return (
            f'<div style="margin-bottom:.5em;padding-bottom:.3em;border-bottom:1px solid #ddd">'
            f"<b>{len(self.records)} quotation{'s' * (len(self.records) != 1)}.</b> "
            + " · ".join(items) + "</div>"
        )

    def _text(self) -> str:
        lines = [f"Quotations in {self.article.name!r}: {len(self.records)}"]
        for number, record in enumerate(self.records, start=1):
            kind = record.get("kind") or "quote"
            if kind == "scare":
                who = "[scare]"
            else:
                who = f"[{record.get('speaker') or 'speaker not found'}]"
            cue = f", cue “{record['cue']}”" if record.get("cue") else ""
            quoted = " / ".join(part.strip() for part in str(record.get("text", "")).split("\n"))
            lines.append(textwrap.fill(
                f"{number:2d}. {_paragraph_label(record)} {who} {kind}{cue}: “{quoted}”",
                width=110, subsequent_indent="     ",
            ))
        return "\n".join(lines)


def highlight_quotes(article: Article, quotes) -> HighlightedArticle:
    """The article with every quotation highlighted and labelled by speaker.

    Each speaker has an Okabe–Ito colour *and* a text label ``[Speaker]`` before
    the quote (``[Speaker · partial]`` and a dashed line for a partial quote);
    scare quotes are dotted and labelled ``[scare]``; a quote running
    over several paragraphs is labelled again, ``[Speaker, cont.]``, in each.
    Paragraph numbers are shown as ¶n.  Where HTML cannot be shown, the result
    prints as a numbered list of the quotes.
    """
    return HighlightedArticle(article, quotes)


# --- the context of a quotation, shown by both walkthroughs ------------------------------------

def _context_html(article: Article, start: int, end: int, quote_start: int, quote_end: int,
                  label: str, english: list[str] | None) -> str:
    """Paragraph-numbered text from ``start`` to ``end``, the quote in it marked and labelled."""
    text = article.text
    q_start, q_end = _mark_bounds(text, quote_start, quote_end)
    rows = []
    for row in article.paragraphs.itertuples(index=False):
        if row.end <= start or row.start >= end:
            continue
        a, b = max(start, row.start), min(end, row.end)
        parts = []
        if a < q_start:
            parts.append(html.escape(text[a:min(b, q_start)]))
        inner_a, inner_b = max(a, q_start), min(b, q_end)
        if inner_a < inner_b:
            piece = text[inner_a:inner_b]
            if inner_a == q_start:
                parts.append(_label_html(f"[{label}]", "#0072B2"))
            parts.append(f'<mark style="background:{_tint("#F0E442", .55)};color:#111;'
                         f'border-bottom:3px solid #E69F00;padding:0 .1em">{html.escape(piece)}</mark>')
        if b > q_end:
            parts.append(html.escape(text[max(a, q_end):b]))
        english_line = ""
        if english and row.paragraph <= len(english) and a == row.start and b == row.end:
            english_line = (f'<div style="color:{_GREY};font-style:italic;margin-left:2.2em">'
                            f"EN: {html.escape(english[row.paragraph - 1])}</div>")
        dim = f"color:{_GREY};" if b <= q_start else ""
        rows.append(
            f'<div style="margin:.35em 0;{dim}"><span style="color:{_GREY};font-weight:bold;margin-right:.4em">'
            f"¶{row.paragraph}</span>{''.join(parts)}{english_line}</div>"
        )
    return (f'<div style="background:#fff;color:#111;line-height:1.7;font-size:{highlight_font_size()};max-width:60em;'
            f'border:1px solid #ddd;padding:.3em .6em">{"".join(rows)}</div>')


# --- QuoteWalkthrough ------------------------------------------------------------------------

_HOW = {
    "explicit cue": "The reporting verb “{cue}”{gloss} is in the quotation's own sentence.",
    "previous sentence": "It is attributed in the sentence before the quotation, by “{cue}”{gloss}.",
    "pronoun": "The cue “{cue}”{gloss} has a pronoun for its subject: read back to see who it stands for.",
    "previous speaker": "It has no cue of its own: it carries on the previous quotation's speaker.",
    "context": "No reporting verb attributes it: only the text around it tells you who speaks.",
}


class QuoteWalkthrough(Stepper):
    """One quotation at a time: who speaks, and is it a direct or a partial quote?

    ``quotes`` is a quotes table; its scare quotes are left out (nobody speaks in
    them), and each remaining row is the answer key for its quotation.
    ``speakers`` are the menu's names (default: the table's speakers, in order
    of appearance); the menu always ends with "someone else / not named".

    For tests: ``index``, ``speaker_menu``, ``kind_buttons``, ``check_button``,
    ``prev_button``, ``next_button``, ``feedback`` (HTML), ``results`` (index →
    passed), ``answers`` (index → (speaker, kind)), ``last_feedback``.
    """

    noun = "quotation"

    def __init__(self, article: Article, quotes, speakers=None, show_english: bool = True, paragraphs=None):
        self.article = article
        items = in_paragraphs([r for r in _records(quotes) if _is_speech(r)], article, paragraphs)
        names = list(dict.fromkeys(speakers)) if speakers is not None else _speakers(items)
        self.names = [n for n in names if n != NOT_NAMED]
        self.english = translation(article) if show_english else None
        self.speaker_menu = widgets.Dropdown(
            options=[*self.names, NOT_NAMED], value=None, description="Who speaks?",
            style={"description_width": "initial"}, layout=widgets.Layout(width="max-content"),
        )
        self.kind_buttons = widgets.ToggleButtons(
            options=list(KINDS), value=None, description="Kind:",
            tooltips=["a whole statement in quotation marks", "a few words worked into the reporter's sentence"],
        )
        fallback = (
            f"Quote walkthrough: {len(items)} quotations of {article.name!r}{sample_text(paragraphs)}, one at a time: pick who speaks "
            "and the kind of quote (direct or partial).\n(The interactive walkthrough does not show here. "
            "Read the quotations in the table and the highlighted article above, and answer the exercise "
            "cells with check(...) instead.)"
        )
        intro = ("<b>Who speaks?</b> Read the quotation (marked <b>[this quote]</b>) in its paragraphs; the "
                 "paragraph before it is in grey. Pick the speaker and the kind, then press <b>Check</b>.")
        self._setup(items, [self.speaker_menu, self.kind_buttons], fallback, intro)
        self.widget.add_class("cr-quote-walkthrough")

    def _store(self) -> None:
        if self.speaker_menu.value is not None or self.kind_buttons.value is not None:
            self.answers[self.index] = (self.speaker_menu.value, self.kind_buttons.value)

    def _restore(self) -> None:
        speaker, kind = self.answers.get(self.index, (None, None))
        self.speaker_menu.value = speaker
        self.kind_buttons.value = kind

    def _render(self) -> None:
        record = self.items[self.index]
        self.header.value = (f"<b>Quotation {self.index + 1} of {len(self.items)}</b> · "
                             f"{_paragraph_label(record)}")
        first = max(1, (record.get("paragraph_start") or 1) - 1)
        paragraphs = self.article.paragraphs
        start = int(paragraphs.loc[paragraphs["paragraph"] == first, "start"].iloc[0]) if first <= len(paragraphs) else 0
        q_end = record["end"]
        number = bisect.bisect_right(paragraphs["start"].tolist(), max(record["start"], q_end - 1))
        end = int(paragraphs["end"].iloc[max(0, number - 1)])
        self.context.value = _context_html(self.article, start, max(end, q_end), record["start"], q_end,
                                           "this quote", self.english)

    def _matches(self, choice: str | None, speaker: str | None) -> bool:
        """Does the menu's ``choice`` name ``speaker`` (None: nobody named)?"""
        if choice is None:
            return False
        if choice == NOT_NAMED:
            return speaker is None or not any(self._matches(name, speaker) for name in self.names)
        if speaker is None:
            return False
        return choice == speaker or normalize_text(choice) == normalize_text(speaker) or same_name(choice, speaker)

    def _on_check(self, _button=None) -> None:
        if not self.items:
            return
        choice, kind = self.speaker_menu.value, self.kind_buttons.value
        self.answers[self.index] = (choice, kind)
        if choice is None or kind is None:
            missing = " and ".join(w for w, v in (("a speaker", choice), ("a kind", kind)) if v is None)
            self._give(Feedback(False, f"Pick {missing} first, then press Check.", state="info"), counts=False)
            return
        record = self.items[self.index]
        expected = record.get("speaker")
        speaker_ok = self._matches(choice, expected)
        kind_ok = record.get("kind") not in KINDS or kind == record.get("kind")
        if speaker_ok and kind_ok:
            who = expected if expected else "someone the article does not name"
            cue = record.get("cue") or ""
            how = _HOW.get(record.get("how") or "", "").format(cue=cue, gloss=_gloss(cue))
            message = f"Correct: {who} speaks here, in a {record.get('kind') or kind} quotation. {how}".strip()
            self._give_verdict(Feedback(True, message))
            return
        if speaker_ok:
            message = ("Almost: the speaker is right, but look again at the kind. Is it a whole statement "
                       "(direct), or a few words worked into the reporter's own sentence (partial)?")
        else:
            message = self._speaker_message(choice, expected)
            if not kind_ok:
                message += " Check the kind too."
        self._give_verdict(Feedback(False, message))

    def _speaker_message(self, choice: str, expected: str | None) -> str:
        previous = self.items[self.index - 1].get("speaker") if self.index > 0 else None
        following = self.items[self.index + 1].get("speaker") if self.index + 1 < len(self.items) else None
        if choice != NOT_NAMED and previous and self._matches(choice, previous):
            return ("Almost: you picked the speaker of the *previous* quote. Does this one have a reporting "
                    "verb of its own? Look before the opening mark and after the closing mark.")
        if choice != NOT_NAMED and following and self._matches(choice, following):
            return ("Almost: you picked the speaker of the *next* quote. Does this quote have a reporting verb "
                    "of its own, in its sentence or the sentence before?")
        if choice == NOT_NAMED:
            return ("Not yet: the article does say who speaks here. Look for a reporting verb such as "
                    "mengatakan (says) or ungkap (expressed), and the name beside it: in the quotation's "
                    "sentence, or the sentence before.")
        if expected is None:
            return ("Not yet: that person is not named as the speaker of this quotation. Is a speaker named "
                    "at all, in this sentence or the one before?")
        return ("Not yet: that is not who the article says speaks here. Find the reporting verb (such as "
                "mengatakan, says; ungkap, expressed; tegas, stressed) and its subject, in the quotation's sentence "
                "or the sentence before.")


# --- VerbSpotter ------------------------------------------------------------------------------

def _gloss(cue: str) -> str:
    """`` (gloss)`` of a reporting verb from the lexicon, or "" if it has none."""
    table = reporting_verbs()
    for form in (_word(cue), verb_root(cue) or ""):
        rows = table[table["verb"].str.lower() == form]
        if not rows.empty and rows.iloc[0]["gloss"]:
            return f" ({rows.iloc[0]['gloss']})"
    return ""


def _word(value) -> str:
    return normalize_text(value) if value is not None else ""


def _verb_roots() -> dict[str, str]:
    table = reporting_verbs()
    return {normalize_text(v): normalize_text(r) for v, r in zip(table["verb"], table["root"])}


def verb_root(word) -> str | None:
    """The root of a reporting verb (``mengatakan`` → ``kata``), or None if it is not one.

    A root counts as itself (``kata``), ``-nya`` is dropped (``ujarnya`` → ``ujar``),
    and of a phrase the first word is tried too (``kata dia`` → ``kata``).

    >>> verb_root("Mengatakan,"), verb_root("ujarnya"), verb_root("kata dia"), verb_root("serangan")
    ('kata', 'ujar', 'kata', None)
    """
    roots = _verb_roots()
    word = _word(word)
    candidates = [word]
    if word.endswith("nya"):
        candidates.append(word[:-3])
    if " " in word:
        candidates.append(word.split()[0])
    for candidate in candidates:
        if candidate in roots:
            return roots[candidate]
        if candidate in roots.values():
            return candidate
    return None


class VerbSpotter(Stepper):
    """Spot the reporting verb: one attributed quotation at a time, in its sentences.

    Only quotations with a ``cue`` are asked about.  The learner's verb is right
    if it is the cue, or any form with the same root in the kit's reporting-verb
    lexicon (``kata`` or ``berkata`` for ``mengatakan``).

    For tests: ``index``, ``verb_input``, ``check_button``, ``prev_button``,
    ``next_button``, ``feedback`` (HTML), ``results`` (index → passed),
    ``answers`` (index → text typed), ``last_feedback``.
    """

    noun = "quotation"

    def __init__(self, article: Article, quotes, elide_words: int = 40, paragraphs=None):
        self.article = article
        self.elide_words = elide_words
        items = in_paragraphs([r for r in _records(quotes) if _is_speech(r) and r.get("cue")], article, paragraphs)
        self.verb_input = widgets.Text(placeholder="the verb, as written", description="Reporting verb:",
                                       style={"description_width": "initial"}, continuous_update=False)
        fallback = (
            f"Verb spotter: {len(items)} attributed quotations of {article.name!r}{sample_text(paragraphs)}: type the reporting verb "
            "that introduces each.\n(The interactive version does not show here. Read the quotes table's "
            "'cue' column and the article instead, and answer the exercise cells with check(...).)"
        )
        intro = ("<b>Spot the reporting verb.</b> Which verb tells you that these are someone's words? Type it "
                 "as written (or its dictionary form), then press <b>Check</b>.")
        self._setup(items, [self.verb_input], fallback, intro)
        self.widget.add_class("cr-verb-spotter")

    def _store(self) -> None:
        if self.verb_input.value.strip():
            self.answers[self.index] = self.verb_input.value

    def _restore(self) -> None:
        self.verb_input.value = self.answers.get(self.index, "")

    def _window(self, record: dict) -> tuple[int, int]:
        """From the sentence before the quote to the end of the sentence holding its closing mark."""
        sentences = self.article.sentences
        starts = sentences["start"].tolist()
        text_length = len(self.article.text)
        first = max(0, bisect.bisect_right(starts, max(0, record["start"] - 1)) - 1)
        last = max(0, bisect.bisect_right(starts, min(record["end"], text_length - 1)) - 1)
        first = max(0, first - 1)
        return int(sentences["start"].iloc[first]), max(int(sentences["end"].iloc[last]), record["end"])

    def _render(self) -> None:
        record = self.items[self.index]
        self.header.value = (f"<b>Quotation {self.index + 1} of {len(self.items)}</b> · "
                             f"{_paragraph_label(record)}")
        text = self.article.text
        start, end = self._window(record)
        q_start, q_end = _mark_bounds(text, record["start"], record["end"])
        quoted = text[q_start:q_end]
        words = quoted.split()
        if self.elide_words and len(words) > self.elide_words:
            keep = max(1, self.elide_words // 2)
            quoted = " ".join(words[:keep]) + " […] " + " ".join(words[-keep:])

        def plain(part: str) -> str:
            return html.escape(part).replace("\n", "<br>")

        self.context.value = (
            f'<div style="background:#fff;color:#111;line-height:1.7;font-size:{highlight_font_size()};max-width:60em;'
            f'border:1px solid #ddd;padding:.4em .6em">{plain(text[start:q_start])}'
            f'{_label_html("[quote]", "#0072B2")}<mark style="background:{_tint("#F0E442", .55)};color:#111;'
            f'border-bottom:3px solid #E69F00;padding:0 .1em">{plain(quoted)}</mark>{plain(text[q_end:end])}</div>'
        )

    def _on_check(self, _button=None) -> None:
        if not self.items:
            return
        answer = self.verb_input.value
        self.answers[self.index] = answer
        if not _word(answer):
            self._give(Feedback(False, "Type the verb first, then press Check.", state="info"), counts=False)
            return
        record = self.items[self.index]
        cue = record["cue"]
        given, given_root, cue_root = _word(answer), verb_root(answer), verb_root(cue)
        if given == _word(cue) or (given_root is not None and given_root == cue_root):
            self._give_verdict(Feedback(True, self._explain(cue, answer)))
            return
        start, end = self._window(record)
        nearby = normalize_text(self.article.text[start:end]).split()
        if record.get("speaker") and same_name(answer, record["speaker"]):
            message = "Not yet: that is who speaks. The question asks for the verb: the word that says *how* they spoke."
        elif given_root is not None:
            message = (f"Not yet: “{answer.strip()}” is a reporting verb, but not the one that introduces this "
                       "quotation. Which verb stands right next to the quote or its speaker?")
        elif given not in " ".join(nearby):
            message = (f"Not yet: I cannot find “{answer.strip()}” in these sentences. Copy the verb as it is "
                       "written here.")
        else:
            message = (f"Not yet: “{answer.strip()}” is in these sentences, but it is not the verb that reports "
                       "speech. Look for a word like says, stressed or announced next to the speaker's name.")
        self._give_verdict(Feedback(False, message))

    @staticmethod
    def _explain(cue: str, answer: str) -> str:
        table = reporting_verbs()
        rows = table[table["verb"].str.lower() == _word(cue)]
        if rows.empty:
            rows = table[table["verb"].str.lower() == (verb_root(cue) or "")]
        same = "" if _word(answer) == _word(cue) else f" (you gave “{answer.strip()}”, the same verb)"
        if rows.empty:
            return f"Correct: the reporting verb is “{cue}”{same}."
        row = rows.iloc[0]
        return (f"Correct: “{cue}”{_gloss(cue)}{same}. Root: {row['root']}; the kit's lexicon calls it "
                f"{row['stance']}, a tendency to test, not a rule. Would another verb change how the quote reads?")
