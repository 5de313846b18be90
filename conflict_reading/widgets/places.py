"""Widgets for lesson 04, *Places*: the article with its places highlighted by
role, a sentence-by-sentence place spotter with a map that fills in as the
learner finds places, and a "where does it happen / who acts" role sorter.

Each works on any article and any places table with the columns of
:func:`conflict_reading.places.find_places` (``text``, ``paragraph``, ``name``,
``kind``, ``lat``, ``lon``, ``role``, ``start``, ``end``): the engine's table, or
a hand annotation read into a DataFrame (or passed as a list of records).

- :func:`highlight_places`: the article as HTML, every place highlighted in its
  role's colour *and* followed by a label ``[Name · role]`` (colour is never the
  only signal), with a numbered plain-text list as its fallback.
- :class:`PlaceSpotter`: one sentence at a time; the learner ticks the words
  that are place names and picks each one's kind.  A name of several words
  (*Tanduk Afrika*) is one place; *Irak-Suriah* is two.  Feedback: found,
  missed (counted, never named until "Show me"), extra.  ``found`` holds the
  English names found so far, and a small map shows them.
- :class:`RoleSorter`: one mention at a time, in its sentence; the learner picks
  its role (event, actor, title, other) and is told why.

The callbacks are plain methods, so tests (and this doctest) drive the widgets
with no front end: set a value, then ``.click()`` a button.

>>> from conflict_reading import Article
>>> from conflict_reading.places import find_places
>>> article = Article.from_text("Menlu Italia bertemu di Roma.")
>>> places = find_places(article)
>>> print(highlight_places(article, places))
Places in 'text': 2 mentions of 2 places (event 1, title 1)
 1. ¶1 “Italia” → Italy (country) [title]
 2. ¶1 “Roma” → Rome (city) [event]
>>> spotter = PlaceSpotter(article, places, show_map=False)
>>> spotter.mark("Roma")
>>> spotter.kind_inputs[0].value = "city"
>>> spotter.check_button.click()
>>> spotter.results[0]["found"], spotter.results[0]["missed"], sorted(spotter.found), "Italia" in spotter.feedback.value
(1, 1, ['Rome'], False)
>>> sorter = RoleSorter(article, places)
>>> sorter.role_buttons.value = "event"
>>> sorter.check_button.click()
>>> sorter.last_feedback.passed
False
"""

from __future__ import annotations

import html
import re
import textwrap

import ipywidgets as widgets

from ..article import Article
from ..explore import glossary, translation
from ..feedback import Feedback
from ..maps import ROLE_STYLE
from ..places import roles as role_rules
from .colours import tint as _tint
from .markup import frame_html, label_html
from .sorter import ChoiceSorter
from .stepper import in_paragraphs, sample_text
from .spans import Highlighted, disjoint_spans, paragraphs_html, position_records
from .word_hunt import EDGE_PUNCTUATION, WordHunt

ROLES = ("event", "actor", "title", "other")
ROLE_COLOURS = {role: ROLE_STYLE.get(role, {}).get("color", "#555555") for role in ROLES}  # as on the map
ROLE_DESCRIPTIONS = {
    "event": "where something happens",
    "actor": "stands for a government or state that acts",
    "title": "part of a title or an office",
    "other": "something else: whose interests, whose people",
}
KINDS = ("country", "city", "region", "continent", "water", "other")
KIND_DESCRIPTIONS = {
    "country": "a state", "city": "a city or town", "region": "an area inside or across countries",
    "continent": "a continent", "water": "a sea, river or lake", "other": "another kind of place",
}
_OTHER = "#BBBBBB"


def role_colour(role) -> str:
    return ROLE_COLOURS.get(role, _OTHER)


def _place_mark(text: str, colour: str, title: str = "") -> str:
    title_attr = f' title="{html.escape(title)}"' if title else ""
    return (f'<span class="cr-place"{title_attr} style="background:{_tint(colour, .3)};'
            f'border-bottom:3px solid {colour};padding:0 .1em;color:#111">{html.escape(text)}</span>')


def _label(record: dict) -> str:
    return f"{record.get('name') or record.get('text')} · {record.get('role') or 'other'}"


# --- highlight_places ------------------------------------------------------------------------------

class HighlightedPlaces(Highlighted):
    """The article with its places highlighted: HTML in a notebook, a numbered list as text."""

    def __init__(self, article: Article, places):
        self.article = article
        self.records = position_records(places)
        self.text = self._text()
        self.html = self._html()

    def _counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for record in self.records:
            role = record.get("role") or "other"
            counts[role] = counts.get(role, 0) + 1
        return {r: counts[r] for r in [*ROLES, *sorted(set(counts) - set(ROLES))] if r in counts}

    def _summary(self) -> str:
        names = {r.get("name") or r.get("text") for r in self.records}
        total = len(self.records)
        return f"{total} mention{'s' * (total != 1)} of {len(names)} place{'s' * (len(names) != 1)}"

    def _html(self) -> str:
        text = self.article.text
        legend = " · ".join(f"{label_html(role, role_colour(role))} {html.escape(ROLE_DESCRIPTIONS.get(role, ''))}"
                            f" ({n})" for role, n in self._counts().items()) or "No places in this table."
        parts = [f'<div style="margin-bottom:.5em;padding-bottom:.3em;border-bottom:1px solid #ddd">'
                 f"<b>{self._summary()}.</b> {legend}</div>"]

        def paint(span, row):
            start, end, _number, record = span
            colour = role_colour(record.get("role"))
            return start, end, (_place_mark(text[start:end], colour, f"{record.get('kind') or ''}: "
                                                                   f"{ROLE_DESCRIPTIONS.get(record.get('role'), '')}")
                                + label_html(_label(record), colour))

        parts.append(paragraphs_html(self.article, disjoint_spans(text, self.records), paint))
        return frame_html("".join(parts))

    def _text(self) -> str:
        counts = ", ".join(f"{role} {n}" for role, n in self._counts().items())
        lines = [f"Places in {self.article.name!r}: {self._summary()}" + (f" ({counts})" if counts else "")]
        for number, record in enumerate(self.records, start=1):
            lines.append(textwrap.fill(
                f"{number:2d}. ¶{record.get('paragraph') or '?'} “{record.get('text', '')}” → "
                f"{record.get('name') or '?'} ({record.get('kind') or '?'}) [{record.get('role') or 'other'}]",
                width=110, subsequent_indent="     "))
        return "\n".join(lines)


def highlight_places(article: Article, places) -> HighlightedPlaces:
    """The article with every place highlighted by role: colour *and* a label [Name · role].

    The colours are the map's (:data:`conflict_reading.maps.ROLE_STYLE`).  Where
    HTML cannot be shown, the result prints as a numbered list of the mentions.
    """
    return HighlightedPlaces(article, places)


# --- PlaceSpotter ----------------------------------------------------------------------------------

def _place_words(text: str, offset: int) -> list[dict]:
    """The words of a sentence, edge punctuation trimmed; "Irak-Suriah" is two words, "Covid-19" one."""
    words = []
    for match in re.finditer(r"\S+", text):
        token = match.group()
        left = len(token) - len(token.lstrip(EDGE_PUNCTUATION))
        right = len(token.rstrip(EDGE_PUNCTUATION))
        if right <= left or not re.search(r"\w", token[left:right]):
            continue
        core, base = token[left:right], offset + match.start() + left
        pieces = re.split(r"([-–])", core)
        names = pieces[::2]
        if len(names) > 1 and all(p[:1].isupper() for p in names):  # two names joined: Irak-Suriah
            pos = 0
            for piece in pieces:
                if piece not in "-–":
                    words.append({"text": piece, "start": base + pos, "end": base + pos + len(piece)})
                pos += len(piece)
        else:
            words.append({"text": core, "start": base, "end": base + len(core)})
    return words


class PlaceSpotter(WordHunt):
    """Spot the places, sentence by sentence: tick the words that are place names, pick each kind, Check.

    The places table is the answer key.  Neighbouring ticked words, with only a
    space between them, make one mark (*Tanduk Afrika*); words joined by a
    hyphen or a comma are separate marks (*Irak-Suriah* is two places).  Each
    mark gets a kind menu.  A place counts as *found* when a mark covers part of
    it; the feedback names the found places and counts the missed ones without
    naming them until **Show me**.

    For tests: ``index``, ``word_buttons``, ``kind_inputs`` (one Dropdown per
    mark), ``mark(text)``, ``check_button``, ``show_button``, ``prev_button``,
    ``next_button``, ``feedback`` (HTML), ``items_feedback``, ``results`` (index →
    dict with found, missed, extra, kinds_right, passed, shown), ``found`` (the
    English names found so far), ``map_output`` (an Output), ``map_figure`` (the
    last map drawn, or None), ``last_feedback``.
    """

    key, noun, score_nouns = "places", "place name", ("place mentions", "mentions")
    unjudged = {"ok": False}
    marks_cross_punctuation = False  # "Sahel, Mozambik": two marks
    _sentence_words = staticmethod(_place_words)

    def __init__(self, article: Article, places, sentences: str = "all", show_english: bool = True,
                 show_map: bool = True, paragraphs=None):
        self.article = article
        self.records = position_records(places)
        self.english = translation(article) if show_english else None
        self.show_map = show_map
        items = in_paragraphs(self._sentence_items(article, sentences), article, paragraphs)
        self.found: set[str] = set()
        self._found_records: dict[int, list[dict]] = {}
        self.map_output = widgets.Output()
        self.map_figure = None
        fallback = (
            f"Place spotter: {len(items)} sentences of {article.name!r}{sample_text(paragraphs)}, one at a time: tick the words that are "
            "place names (a name of several words is one place; 'Irak-Suriah' is two), pick each one's kind, and "
            "press Check. A map shows the places you have found.\n(The interactive spotter does not show here. Read "
            "the article sentence by sentence, list every place name with its kind (country, city, region, "
            "continent, water, other), then compare your list with the places table.)"
        )
        intro = ("<b>Place spotter.</b> Tick every word that is (part of) a place name. Neighbouring ticked words "
                 "make one name (<i>Tanduk Afrika</i>); names joined by a hyphen are two (<i>Irak-Suriah</i>). "
                 "Pick each name's kind, then press <b>Check</b>. A sentence may name no place: then tick nothing "
                 "and press Check.")
        self._setup_hunt(items, fallback, intro, "No sentences to look through.",
                         "show the places you have not marked yet", "cr-place-spotter")
        self.kinds = self.mark_answers  # sentence → first word of a mark → the kind picked
        if show_map:  # the map goes last, under the feedback and the score
            self.box.children = (*self.box.children, self.map_output)

    @property
    def kind_inputs(self) -> list[widgets.Dropdown]:
        return self.mark_inputs

    @staticmethod
    def _mark_input(label: str, saved) -> widgets.Dropdown:
        return widgets.Dropdown(options=[("pick a kind…", None), *[(k, k) for k in KINDS]],
                                value=saved, description=f"Kind of “{label}”:",
                                style={"description_width": "initial"}, layout=widgets.Layout(width="28em"))

    @staticmethod
    def _missed_html(text: str, record: dict) -> str:
        return (_place_mark(text, "#D55E00", "missed")
                + label_html(f"missed: {record.get('name')} · {record.get('kind')}", "#D55E00"))

    @staticmethod
    def _missed_message(record: dict) -> str:
        return (f"Missed: “{record['text']}” ({record.get('name')}, a {record.get('kind')}), marked in the "
                "sentence above.")

    def _score_note(self) -> str:
        return f"; {len(self.found)} different places on your map"

    # -- checking --

    def _judge_marks(self, item: dict) -> tuple[list[dict], set[int], dict, bool]:
        chosen = self.kinds.get(self.index, {})
        lines: list[dict] = []
        found_ids: set[int] = set()
        kinds_right = whole = 0
        for group in self._groups():
            label = " ".join(self.words[i]["text"] for i in group)
            start, end = self.words[group[0]]["start"], self.words[group[-1]]["end"]
            hits = [r for r in item["places"] if self._overlaps(group, r) and id(r) not in found_ids]
            if not hits:
                if not any(self._overlaps(group, r) for r in item["places"]):
                    lines.append({"status": "extra", "text": label, "start": start, "ok": False,
                                  "message": f"Extra: “{label}” is not a place name the key counts. Is it a "
                                             "place, or a person, a group, or a word that only looks like a name?"})
                continue
            for record in hits:
                found_ids.add(id(record))
                kind = chosen.get(group[0])
                exact = (start, end) == (record["start"], record["end"]) and len(hits) == 1
                whole += exact
                kinds_right += kind == record.get("kind")
                name = f"“{record['text']}” ({record.get('name')})"
                if len(hits) > 1:
                    why = (f"your mark “{label}” holds {len(hits)} place names: untick the words between them, "
                           "so that each gets its own kind")
                elif not exact:
                    why = ("the name is not marked exactly: tick all its words, and only those"
                           if end - start < record["end"] - record["start"] or start > record["start"]
                           else "your mark holds more than the name: untick the words around it")
                elif kind is None:
                    why = "now pick its kind"
                elif kind != record.get("kind"):
                    why = (f"but is it a {kind}? Think again: country, city, region, continent, water or other")
                else:
                    why = f"a {kind}"
                ok = exact and kind == record.get("kind")
                lines.append({"status": "found", "text": record["text"], "start": record["start"], "ok": ok,
                              "message": f"Found {name}: {why}."})
        return lines, found_ids, {"kinds_right": kinds_right}, kinds_right == len(found_ids) == whole

    def _remember_found(self, records: list[dict]) -> None:
        self._found_records[self.index] = records
        self.found = {r.get("name") or r["text"] for records in self._found_records.values() for r in records}

    def _on_check(self, _button=None) -> None:
        before = set(self.found)
        super()._on_check()
        if self.found != before:
            self._draw_map()

    @staticmethod
    def _summary(item, found, missed, extra, passed, kinds_right) -> str:
        total = len(item["places"])
        if passed and total == 0:
            return "Correct: this sentence names no place."
        if passed:
            return f"Correct: all {total} place name{'s' * (total != 1)} found, with their kinds."
        parts = [f"{found} of {total} place name{'s' * (total != 1)} found"] if total else \
            ["this sentence names no place"]
        if missed:
            parts.append(f"{missed} missed")
        if extra:
            parts.append(f"{extra} extra mark{'s' * (extra != 1)}")
        if found:
            parts.append(f"{kinds_right} of {found} kinds right")
        return "Not yet: " + ", ".join(parts) + "."

    @staticmethod
    def _icon(line: dict) -> str:
        return "✔" if line["ok"] else ("✎" if line["status"] == "found" else "✘")

    def found_table(self):
        """The mentions found so far, as a places table (for place_map)."""
        import pandas as pd

        rows = [{**r, "role": r.get("role") or "other"} for records in self._found_records.values() for r in records]
        return pd.DataFrame(rows, columns=["text", "paragraph", "name", "kind", "lat", "lon", "role", "start", "end"])

    def _draw_map(self) -> None:
        if not self.show_map:
            return
        import matplotlib.pyplot as plt
        from IPython.display import display

        from ..maps import place_map

        table = self.found_table()
        self.map_output.clear_output(wait=True)
        with self.map_output:
            figure, ax = plt.subplots(figsize=(9, 4.8))
            place_map(table, ax=ax, title=f"Your map: {len(self.found)} place{'s' * (len(self.found) != 1)} found")
            display(figure)
            plt.close(figure)
        self.map_figure = figure


# --- RoleSorter ------------------------------------------------------------------------------------

class RoleSorter(ChoiceSorter):
    """Where does it happen, or who acts?  One place mention at a time, in its sentence: pick its role.

    The places table is the answer key (its ``role`` column).  Every answer is
    explained from the words around the name: *di Roma* (in Rome) says where;
    *didukung Iran* (backed by Iran) says who acts; *Menteri Luar Negeri Italia*
    is a title.

    For tests: ``index``, ``role_buttons``, ``check_button``, ``prev_button``,
    ``next_button``, ``feedback`` (HTML), ``results`` (index → passed),
    ``answers`` (index → role picked), ``last_feedback``, ``why(record)``.
    """

    def __init__(self, article: Article, places, show_english: bool = True, paragraphs=None):
        self.article = article
        items = in_paragraphs([r for r in position_records(places) if r.get("role") in ROLES], article, paragraphs)
        self.english = translation(article) if show_english else None
        terms = glossary()
        self._gloss = dict(zip(terms["term"].str.lower(), terms["gloss"]))
        self._gloss.update({"menteri": "minister", "luar": "outside; foreign", "negeri": "country; state",
                            "dekat": "near", "wilayah": "area; territory", "personil": "personnel",
                            "soal": "matter; question", "menarik": "to withdraw; to pull",
                            "melakukan": "to carry out", "diberikan": "given", "kemanusiaan": "humanitarian"})
        self.role_buttons = widgets.ToggleButtons(
            options=[(f"{r}: {ROLE_DESCRIPTIONS[r]}", r) for r in ROLES], value=None, description="Role:",
            style={"button_width": "auto"},
        )
        fallback = (
            f"Role sorter: {len(items)} place mentions of {article.name!r}{sample_text(paragraphs)}, one at a time: does the name say "
            "where something happens (event), who acts (actor), is it part of a title (title), or other?\n"
            "(The interactive sorter does not show here. Cover the 'role' column of the places table, decide "
            "each mention's role from the words around it, then uncover it and compare.)"
        )
        intro = ("<b>Where does it happen, or who acts?</b> Read the place name (marked <b>[this place]</b>) in "
                 "its sentence. Does it say <i>where</i> something happens, does it stand for a government that "
                 "<i>acts</i>, is it part of a <i>title</i>, or something else? Pick, then press <b>Check</b>.")
        self.choice_buttons, self.noun, self.marker, self.field = self.role_buttons, "Place", "this place", "role"
        self._setup(items, [self.role_buttons], fallback, intro, "No place mentions to sort in this table.")
        self.widget.add_class("cr-role-sorter")

    def _glossed(self, words: list[str]) -> str:
        glosses = [self._gloss.get(w.lower()) for w in words]
        shown = " ".join(words)
        known = [f"{w} = {g}" for w, g in zip(words, glosses) if g]
        return f"“{shown}”" + (f" ({'; '.join(known)})" if known else "")

    def _context_words(self, record: dict) -> tuple[list[str], str]:
        text = self.article.text
        start, _ = self._sentence_bounds(record)
        before = re.findall(r"[\w’'-]+", text[max(start, record["start"] - 60):record["start"]])[-4:]
        after = re.match(r"[\s,]*([\w’'-]+)", text[record["end"]:record["end"] + 40])
        return before, after.group(1) if after else ""

    def why(self, record: dict) -> str:
        """Why ``record`` has its role, in words, from the words around it."""
        rules = role_rules()
        role, name = record.get("role"), record.get("text", "")
        before, after = self._context_words(record)
        last = before[-1] if before else ""
        joined = re.search(r"([A-Z][\w]*(?: [A-Z][\w]*)?)(\s+(?:dan|and|serta|atau)\s+|\s*[-–,]\s*)$",
                           self.article.text[max(0, record["start"] - 40):record["start"]])
        if joined and role in ("event", "actor"):
            pair = f"{joined.group(1)}{joined.group(2)}{name}"
            what = "where something happens" if role == "event" else "who acts"
            return (f"“{pair}”: {name} is joined to the name before it, and the pair says {what}: read the words "
                    f"before “{joined.group(1)}”")
        if role == "event":
            if last.lower() in rules["event_before"]:
                return (f"{self._glossed([last, name])}: the word before the name places something there, so "
                        f"{name} says where something happens")
            return f"{name} says where something happens: the events of this sentence take place there"
        if role == "actor":
            if last.lower() in rules["actor_before"]:
                return (f"{self._glossed([last, name])}: {name} stands for a government that backs or does "
                        "something; nothing in this sentence happens in that country")
            if after and (after.lower() in rules["actor_verbs"] or re.match(rules["actor_verb_prefix"], after.lower())):
                return (f"{self._glossed([name, after])}: {name} is the one that acts, standing for its "
                        "government, not a place where something happens")
            if last:
                return (f"{self._glossed([last, name])}: {name} stands for its government, the one that gives, "
                        "backs or does something here, not a place where something happens")
            return f"{name} stands for a government that acts, not for a place where something happens"
        if role == "title":
            words = [w for w in before if w.lower() in rules["title_words"] or w[:1].isupper()]
            return (f"{self._glossed([*(words or before[-3:]), name])}: the name is part of an office's title; it "
                    "tells you whose minister, not where anything happens")
        return (f"{self._glossed([*before[-2:], name])}: the name says whose (interests, people, aid), not where "
                "something happens or who acts")

    def _message(self, record: dict, chosen: str) -> str:
        role = record["role"]
        why = self.why(record)
        if chosen == role:
            return f"Correct: {why}. Role: {role}."
        if role == "actor" and chosen == "event":
            return f"Not yet: read the words around the name again. {why}. Role: {role}."
        if role == "event" and chosen == "actor":
            return f"Not yet: here nobody acts under this name. {why}. Role: {role}."
        return f"Not yet: {why}. Role: {role}."



__all__ = ["KINDS", "ROLES", "ROLE_COLOURS", "PlaceSpotter", "RoleSorter", "highlight_places"]
