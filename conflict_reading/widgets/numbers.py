"""Widgets for lesson 03, *Numbers*: the article with its numbers highlighted by
kind, a sentence-by-sentence number hunt, and a "what kind of number is this?"
sorter.

Each works on any article and any numbers table with the columns of
:func:`conflict_reading.numbers.find_numbers` (``text``, ``paragraph``,
``value``, ``unit``, ``kind``, ``start``, ``end``): the engine's table, or a hand
annotation read into a DataFrame (or passed as a list of records).  Missing
values (``None`` or NaN) are fine.

- :func:`highlight_numbers`: the article as HTML, every number highlighted in its
  kind's Okabe–Ito colour *and* followed by a small label naming the kind
  (colour is never the only signal), with a numbered plain-text list as its
  fallback.
- :class:`NumberHunt`: one sentence at a time; the learner ticks the words that
  are numbers, types each one's value and presses Check.  Feedback per item:
  found, missed (counted, never shown until the learner presses "Show me"),
  extra.
- :class:`KindSorter`: one number at a time; the learner picks its kind and is
  told why it is (or is not) that kind.

Values are read by :mod:`conflict_reading.answers`, as ``check()`` reads answers, so
"13,5 miliar", "13.5 billion" and ``13.5e9`` are the same answer, a unit or words
around the number do not count ("77 negara"); ordinals may be typed as "2", "second"
or "kedua", dates in any common form ("28/6", "28 June 2021", "Senin 28 Juni").

The callbacks are plain methods, so tests (and this doctest) drive the widgets
with no front end: set a value, then ``.click()`` a button.

>>> from conflict_reading import Article
>>> from conflict_reading.numbers import find_numbers
>>> article = Article.from_text("Koalisi ini beranggotakan 77 negara dan lima organisasi.")
>>> numbers = find_numbers(article)
>>> print(highlight_numbers(article, numbers))
Numbers in 'text': 2 (count 2)
 1. ¶1 [count] “77”: 77 (negara)
 2. ¶1 [count] “lima”: 5 (organisasi)
>>> hunt = NumberHunt(article, numbers)
>>> hunt.mark("77")
>>> hunt.value_inputs[0].value = "77"
>>> hunt.check_button.click()
>>> hunt.results[0]["found"], hunt.results[0]["missed"], "lima" in hunt.feedback.value
(1, 1, False)
>>> sorter = KindSorter(article, numbers)
>>> sorter.kind_buttons.value = "ordinal"
>>> sorter.check_button.click()
>>> sorter.last_feedback.message
'Not yet: “77” says how many negara (country; state), not which one in an order: a count.'
"""

from __future__ import annotations

import html
import re
import textwrap

import ipywidgets as widgets

from .colours import tint as _tint
from ..answers import answer_values, date_matches, date_verdict, read_number, scale_slip  # noqa: F401 (answer_values: part of this module's API)
from ..answers.dates import parse_key
from ..article import Article
from ..explore import glossary, translation
from .markup import frame_html, label_html
from .sorter import ChoiceSorter
from .stepper import in_paragraphs, sample_text
from .spans import Highlighted, disjoint_spans, paragraphs_html, position_records
from .word_hunt import WordHunt

KINDS = ("count", "money", "date", "duration", "ordinal", "percent", "vague")
# Okabe & Ito (2008), "Color Universal Design": one colour per kind (black is the text's colour).
KIND_COLOURS = {
    "count": "#0072B2",     # blue
    "money": "#009E73",     # bluish green
    "date": "#CC79A7",      # reddish purple
    "duration": "#56B4E9",  # sky blue
    "ordinal": "#E69F00",   # orange
    "percent": "#D55E00",   # vermillion
    "vague": "#F0E442",     # yellow
}
KIND_DESCRIPTIONS = {
    "count": "how many things",
    "money": "an amount of money",
    "date": "when: a day, month or year",
    "duration": "how long: a length of time",
    "ordinal": "which one in an order: first, second…",
    "percent": "a share out of a hundred",
    "vague": "an amount without a figure",
}
_KIND_NAMES = {
    "count": "a count", "money": "money", "date": "a date", "duration": "a duration",
    "ordinal": "an ordinal", "percent": "a percent", "vague": "a vague quantity",
}
_OTHER = "#BBBBBB"


# --- the numbers table ---------------------------------------------------------------------

def format_value(record: dict) -> str:
    """A number's value as a reader would write it: ``436,000,000 USD``, ``13.5``, ``2021-06-28``.

    >>> format_value({"value": 13500000000, "unit": "USD", "kind": "money"})
    '13,500,000,000 USD'
    >>> format_value({"value": None, "unit": "warga", "kind": "vague"})
    'no exact value'
    """
    value, kind, unit = record.get("value"), record.get("kind"), record.get("unit")
    if value is None:
        return "no exact value"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        shown = f"{value:,}" if float(value).is_integer() else f"{value:,.10g}"
        shown = shown.replace(".0", "") if shown.endswith(".0") else shown
    else:
        shown = str(value)
    if kind == "money" and unit:
        return f"{shown} {unit}"
    if kind == "percent":
        return f"{shown}%"
    return shown


# --- colours and labels ----------------------------------------------------------------------


def kind_colour(kind) -> str:
    return KIND_COLOURS.get(kind, _OTHER)


def _mark_html(text: str, colour: str, title: str = "") -> str:
    title_attr = f' title="{html.escape(title)}"' if title else ""
    return (f'<span class="cr-number"{title_attr} style="background:{_tint(colour, .35)};'
            f'border-bottom:3px solid {colour};padding:0 .1em;color:#111">{html.escape(text)}</span>')


# --- highlight_numbers -------------------------------------------------------------------------

class HighlightedNumbers(Highlighted):
    """The article with its numbers highlighted: HTML in a notebook, a numbered list as text.

    ``html`` and ``text`` hold the two renderings; ``records`` the numbers shown.
    """

    def __init__(self, article: Article, numbers):
        self.article = article
        self.records = position_records(numbers)
        self.text = self._text()
        self.html = self._html()

    def _counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for record in self.records:
            kind = record.get("kind") or "other"
            counts[kind] = counts.get(kind, 0) + 1
        order = [k for k in KINDS if k in counts] + sorted(k for k in counts if k not in KINDS)
        return {k: counts[k] for k in order}

    def _legend(self) -> str:
        items = [f"{label_html(kind, kind_colour(kind))} {n}" for kind, n in self._counts().items()]
        if not items:
            items.append("No numbers in this table.")
        total = len(self.records)
        return (f'<div style="margin-bottom:.5em;padding-bottom:.3em;border-bottom:1px solid #ddd">'
                f"<b>{total} number{'s' * (total != 1)}.</b> " + " · ".join(items) + "</div>")

    def _html(self) -> str:
        text = self.article.text

        def paint(span, row):
            start, end, _number, record = span
            a, b = max(start, row.start), min(end, row.end)
            kind = record.get("kind") or "other"
            colour = kind_colour(kind)
            unit = f", {record['unit']}" if record.get("unit") else ""
            return a, b, _mark_html(text[a:b], colour, f"{kind}: {format_value(record)}{unit}") + label_html(kind, colour)

        return frame_html(self._legend() + paragraphs_html(self.article, disjoint_spans(text, self.records), paint))

    def _text(self) -> str:
        counts = ", ".join(f"{kind} {n}" for kind, n in self._counts().items())
        lines = [f"Numbers in {self.article.name!r}: {len(self.records)}" + (f" ({counts})" if counts else "")]
        for number, record in enumerate(self.records, start=1):
            unit = f" ({record['unit']})" if record.get("unit") and record.get("kind") != "money" else ""
            lines.append(textwrap.fill(
                f"{number:2d}. ¶{record.get('paragraph') or '?'} [{record.get('kind') or 'other'}] "
                f"“{record.get('text', '')}”: {format_value(record)}{unit}",
                width=110, subsequent_indent="     ",
            ))
        return "\n".join(lines)


def highlight_numbers(article: Article, numbers) -> HighlightedNumbers:
    """The article with every number highlighted by kind: colour *and* a text label.

    Each kind has an Okabe–Ito colour, and a small label naming the kind follows
    each number, so colour is never the only signal.  Paragraph numbers are shown
    as ¶n, and a legend counts the kinds.  Where HTML cannot be shown, the result
    prints as a numbered list of the numbers with their values.
    """
    return HighlightedNumbers(article, numbers)


# --- judging a learner's value ------------------------------------------------------------------
# The value is read by conflict_reading/answers/ (answer_values, date_matches, ...), as check() reads answers.

def _fragment(message: str) -> str:
    """A learner message as a part of the widget's sentence: "Found “77”: <fragment>."."""
    message = message.rstrip(".")
    return message[:1].lower() + message[1:] if not message.startswith("I ") else message


def _value_verdict(answer, record: dict) -> tuple[bool | None, str]:
    """(right?, why) for a typed value; None when there is nothing to judge yet."""
    kind, value = record.get("kind"), record.get("value")
    if kind == "vague" or value is None:
        return True, "it has no exact value (a vague quantity), so no value is needed"
    answer = "" if answer is None else str(answer)
    if not answer.strip():
        return None, "now type its value in the box under the sentence"
    if kind == "date" or isinstance(value, str):
        if date_matches(answer, value, record.get("text", "")):
            return True, "its value is right"
        key = parse_key(value)
        reason = date_verdict(answer, value, key.year if key else None)
        if reason and reason != "That is not the date the text gives.":
            return False, _fragment(reason)
        return False, ("the date is not right yet: give the day and month (and the year, if the text writes "
                       "one), e.g. 1/2 or 1 February")
    reading = read_number(answer)
    if not reading.values:
        return False, _fragment(reading.problem or "I could not read a number in your value")
    target = float(value)
    if any(abs(v - target) <= 1e-9 * max(1.0, abs(target)) for v in reading.values):
        return True, "its value is right"
    slip = scale_slip(answer, target)
    if slip:
        factor = f"{10 ** abs(slip):,}"
        direction = "too large" if slip > 0 else "too small"
        advice = ("check the scale word (ribu = thousand, juta = million, miliar = billion)" if abs(slip) >= 3
                  else "check where the decimal comma or point goes (13,5 = 13.5)")
        return False, f"the value is {factor} times {direction}: {advice}"
    return False, "the value is not right yet: read the words again, and write the amount they stand for"


# --- NumberHunt ----------------------------------------------------------------------------------

class NumberHunt(WordHunt):
    """Find the numbers, sentence by sentence: tick the words that are numbers, type each value, Check.

    The numbers table is the answer key.  A number counts as *found* when a
    ticked word is part of it; neighbouring ticked words make one mark, with one
    value box.  Feedback per item: each found number (and whether its value is
    right), each *extra* mark (a marked word the key does not count), and how
    many numbers are *missed*, without saying which, until the learner presses
    **Show me**.

    ``sentences="all"`` walks through every sentence (a sentence without numbers
    is a question too: the right answer is to tick nothing); ``"with numbers"``
    only through those that hold one.

    For tests: ``index``, ``word_buttons`` (one ToggleButton per word of the
    current sentence), ``value_inputs`` (one Text per mark, in order), ``mark(text)``,
    ``check_button``, ``show_button``, ``prev_button``, ``next_button``,
    ``feedback`` (HTML), ``items_feedback`` (the last check, item by item),
    ``results`` (index → dict with found, missed, extra, values_right,
    values_needed (of the numbers found), passed, shown), ``last_feedback``.
    """

    key, noun, score_nouns = "numbers", "number", ("numbers", "numbers")
    unjudged = {"value_ok": None}

    def __init__(self, article: Article, numbers, sentences: str = "all", show_english: bool = True,
                 paragraphs=None):
        self.article = article
        self.records = position_records(numbers)
        self.english = translation(article) if show_english else None
        items = in_paragraphs(self._sentence_items(article, sentences), article, paragraphs)
        fallback = (
            f"Number hunt: {len(items)} sentences of {article.name!r}{sample_text(paragraphs)}, one at a time: tick the words that are "
            "numbers (digits, number words, amounts without a figure), type each one's value, and press Check.\n"
            "(The interactive hunt does not show here. Read the article sentence by sentence, write down every "
            "number you find with its value, then compare your list with the numbers table below.)"
        )
        intro = ("<b>Number hunt.</b> Tick every word that is (part of) a number: digits, number words, "
                 "amounts without a figure. Neighbouring ticked words make one mark. Type each mark's value "
                 "(in digits or words; a vague amount needs none), then press <b>Check</b>. A sentence may "
                 "have no number at all: then tick nothing and press Check.")
        self._setup_hunt(items, fallback, intro, "No sentences to hunt through.",
                         "show the numbers you have not marked yet", "cr-number-hunt")
        self.typed = self.mark_answers  # sentence → first word of a mark → the value typed

    @property
    def value_inputs(self) -> list[widgets.Text]:
        return self.mark_inputs

    @staticmethod
    def _mark_input(label: str, saved) -> widgets.Text:
        return widgets.Text(value=saved or "", description=f"Value of “{label}”:",
                            placeholder="e.g. 12, 1,5 juta, second, 1/2",
                            style={"description_width": "initial"}, layout=widgets.Layout(width="36em"))

    @staticmethod
    def _missed_html(text: str, record: dict) -> str:
        return _mark_html(text, "#D55E00", "missed") + label_html("missed", "#D55E00")

    @staticmethod
    def _missed_message(record: dict) -> str:
        return f"Missed: “{record['text']}” (marked in the sentence above)."

    def _judge_marks(self, item: dict) -> tuple[list[dict], set[int], dict, bool]:
        typed = self.typed.get(self.index, {})
        lines: list[dict] = []
        found_ids: set[int] = set()
        values_right = values_needed = 0
        for group in self._groups():
            label = " ".join(self.words[i]["text"] for i in group)
            hits = [r for r in item["numbers"] if self._overlaps(group, r)]
            if not hits:
                lines.append({"status": "extra", "text": label, "value_ok": None, "start": self.words[group[0]]["start"],
                              "message": f"Extra: “{label}” is not a number the key counts. Is it an amount of "
                                         "something, or part of a name, a code or a fixed phrase?"})
                continue
            fresh = [r for r in hits if id(r) not in found_ids]
            found_ids.update(id(r) for r in hits)
            if len(hits) > 1:
                for record in fresh:
                    values_needed += record.get("kind") != "vague" and record.get("value") is not None
                    lines.append({"status": "found", "text": record["text"], "value_ok": False,
                                  "start": record["start"],
                                  "message": f"Found “{record['text']}”, but your mark “{label}” holds "
                                             f"{len(hits)} numbers: untick the words between them, so that "
                                             "each gets its own value."})
                continue
            if not fresh:
                continue  # a second mark on a number already found: nothing new to say
            record = fresh[0]
            needs_value = record.get("kind") != "vague" and record.get("value") is not None
            values_needed += needs_value
            ok, why = _value_verdict(typed.get(group[0], ""), record)
            values_right += bool(ok) and needs_value
            lines.append({"status": "found", "text": record["text"], "value_ok": ok, "start": record["start"],
                          "message": f"Found “{record['text']}”: {why}."})
        tallies = {"values_right": values_right, "values_needed": values_needed}
        return lines, found_ids, tallies, values_right == values_needed

    @staticmethod
    def _summary(item, found, missed, extra, passed, values_right, values_needed) -> str:
        total = len(item["numbers"])
        if passed and total == 0:
            return "Correct: there is no number in this sentence."
        if passed:
            values = " with their values" if values_needed else ""
            return f"Correct: all {total} number{'s' * (total != 1)} found{values}."
        parts = [f"{found} of {total} number{'s' * (total != 1)} found"] if total else ["this sentence has no number"]
        if missed:
            parts.append(f"{missed} missed")
        if extra:
            parts.append(f"{extra} extra mark{'s' * (extra != 1)}")
        if values_needed and found:
            parts.append(f"{values_right} of {values_needed} values right")
        return "Not yet: " + ", ".join(parts) + "."

    @staticmethod
    def _icon(line: dict) -> str:
        if line["value_ok"] is False:
            return "✎"
        return {"found": "✔", "extra": "✘", "missed": "✘"}[line["status"]]


# --- KindSorter ----------------------------------------------------------------------------------

_ENGLISH_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
                     8: "eighth", 9: "ninth", 10: "tenth"}


class KindSorter(ChoiceSorter):
    """What kind of number is this?  One number at a time, in its sentence; the learner picks its kind.

    The numbers table is the answer key (its ``kind`` column).  Every answer is
    explained: "Not yet: “tujuh tahun” measures a length of time (tahun = year):
    a duration."

    For tests: ``index``, ``kind_buttons``, ``check_button``, ``prev_button``,
    ``next_button``, ``feedback`` (HTML), ``results`` (index → passed),
    ``answers`` (index → kind picked), ``last_feedback``.
    """

    def __init__(self, article: Article, numbers, show_english: bool = True, paragraphs=None):
        self.article = article
        items = in_paragraphs([r for r in position_records(numbers) if r.get("kind") in KINDS], article, paragraphs)
        self.english = translation(article) if show_english else None
        terms = glossary()
        self._gloss = dict(zip(terms["term"].str.lower(), terms["gloss"]))
        self.kind_buttons = widgets.ToggleButtons(
            options=list(KINDS), value=None, description="Kind:",
            tooltips=[KIND_DESCRIPTIONS[k] for k in KINDS], style={"button_width": "auto"},
        )
        legend = " · ".join(f"<b>{k}</b>: {html.escape(KIND_DESCRIPTIONS[k])}" for k in KINDS)
        fallback = (
            f"Kind sorter: {len(items)} numbers of {article.name!r}{sample_text(paragraphs)}, one at a time: pick each one's kind "
            f"({', '.join(KINDS)}).\n(The interactive sorter does not show here. Cover the 'kind' column of the "
            "numbers table below, decide each number's kind yourself, then uncover it and compare.)"
        )
        intro = (f"<b>What kind of number is this?</b> Read the number (marked <b>[this number]</b>) in its "
                 f"sentence, pick its kind, then press <b>Check</b>.<br><small>{legend}</small>")
        self.choice_buttons, self.noun, self.marker = self.kind_buttons, "Number", "this number"
        self._setup(items, [self.kind_buttons], fallback, intro, "No numbers to sort in this table.")
        self.widget.add_class("cr-kind-sorter")

    def _gloss_of(self, word) -> str:
        if not word:
            return ""
        gloss = self._gloss.get(str(word).lower())
        return f"{word} ({gloss})" if gloss else str(word)

    def why(self, record: dict) -> str:
        """Why ``record`` is of its kind, in words (after “its text”)."""
        kind, unit, value = record.get("kind"), record.get("unit"), record.get("value")
        if kind == "count":
            return f"says how many {self._gloss_of(unit)}" if unit else "says how many"
        if kind == "money":
            return f"is an amount of money, in {unit}" if unit else "is an amount of money"
        if kind == "date":
            return "points to a place in the calendar: it says when"
        if kind == "duration":
            gloss = self._gloss.get(str(unit).lower()) if unit else None
            unit_part = f" ({unit} = {gloss})" if gloss else (f" ({unit})" if unit else "")
            return f"measures a length of time{unit_part}: it says how long, not when"
        if kind == "ordinal":
            english = _ENGLISH_ORDINALS.get(value) if isinstance(value, int) else None
            place = f" ({english})" if english else ""
            return f"gives a place in an order{place}: which one, not how many"
        if kind == "percent":
            return "is a share out of a hundred"
        return "stands where a figure could stand, but gives none"

    def _message(self, record: dict, chosen: str) -> str:
        kind, text = record["kind"], record.get("text", "")
        name = _KIND_NAMES[kind]
        why = self.why(record)
        if chosen == kind:
            note = ""
            if kind == "date" and isinstance(record.get("value"), str) and record["value"][:4].isdigit() \
                    and not re.search(r"\d{4}", text):
                note = (f" The text gives no year: the value {record['value']} takes its year from the "
                        "article's date. Is that safe?")
            if kind == "count" and text.lower().startswith("ke") and text.lower().endswith("nya"):
                note = f" {text} = both of them (ke- + a number + -nya): a count, not an ordinal."
            elif kind == "count" and text.lower().startswith("ke"):
                note = " Before a noun, kedua means “the two” or “both”; after one, it means “second”."
            if kind == "ordinal" and text.lower().startswith("ke"):
                note = " After a noun, kedua means “second”; before one, it means “the two” or “both”."
            return f"Correct: “{text}” {why}: {name}.{note}"
        if kind == "count" and chosen == "ordinal":
            return f"Not yet: “{text}” {why}, not which one in an order: {name}."
        if kind == "ordinal" and chosen == "count":
            return f"Not yet: “{text}” says which one in an order, not how many: {name}."
        if kind == "duration" and chosen == "date":
            return f"Not yet: “{text}” {why.split(':', 1)[0]}: it says how long, not when: {name}."
        if kind == "date" and chosen == "duration":
            return f"Not yet: “{text}” says when, not how long: {name}."
        if kind == "duration" and chosen == "count":
            return (f"Not yet: “{text}” holds a number, but with a unit of time it "
                    f"{why.split(':', 1)[0]}: it says how long: {name}.")
        if kind == "money" and chosen == "count":
            return f"Not yet: “{text}” counts money ({record.get('unit') or 'a currency'}), which has a kind of its own: {name}."
        if kind == "vague":
            return f"Not yet: “{text}” gives no figure: you could not write it in digits. It is {name}."
        return f"Not yet: “{text}” {why}: {name}."

