"""The tick-the-words hunt: one sentence at a time, the learner ticks the words that make up each
item (a number, a place), answers per mark, and presses Check.

:class:`WordHunt` is the base of :class:`.numbers.NumberHunt` and
:class:`.places.PlaceSpotter`.  It holds the walk through the sentences, the
word buttons, the marks (runs of neighbouring ticked words), the answer box of
each mark, the feedback line by line, **Show me** and the score.  A subclass
supplies the answer key (``self.records``: rows with ``start`` and ``end``),
calls ``_setup_hunt`` and says what differs: the names of its items, how a
mark's answer is asked for and judged, and how a miss is shown (the list is in
the class docstring).

:func:`sentence_words` cuts a sentence into the words the learner can tick.
"""

from __future__ import annotations

import html
import re

import ipywidgets as widgets

from ..article import Article
from ..feedback import Feedback
from .markup import english_line_html, frame_html
from .stepper import Stepper

EDGE_PUNCTUATION = "“”\"'‘’()[]{}<>«»,.;:!?…"  # trimmed from the ends of a word


def sentence_words(text: str, offset: int) -> list[dict]:
    """The words of ``text`` (edge punctuation trimmed) with their offsets in the article;
    ``offset`` is where ``text`` starts in the article.

    >>> [(w["text"], w["start"]) for w in sentence_words("“Tiga – dua, satu.”", 10)]
    [('Tiga', 11), ('dua', 18), ('satu', 23)]
    """
    words = []
    for match in re.finditer(r"\S+", text):
        word = match.group()
        left = len(word) - len(word.lstrip(EDGE_PUNCTUATION))
        right = len(word.rstrip(EDGE_PUNCTUATION))
        if right <= left or not re.search(r"\w", word[left:right]):
            continue  # a dash or a lone quotation mark is not a word
        words.append({"text": word[left:right], "start": offset + match.start() + left,
                      "end": offset + match.start() + right})
    return words



class WordHunt(Stepper):
    """One sentence at a time: the learner ticks the words that make up each item, answers per mark, Check.

    Neighbouring ticked words make one *mark*, with one answer box of its own;
    the table of items is the answer key.  An item counts as found when a mark
    covers part of it; missed items are counted, and named only after
    **Show me**.  This base holds the walk, the word buttons, the marks, the
    answers kept per sentence, the missed lines and the score; a subclass says
    what differs:

    - ``key`` (the item list of a sentence: ``"numbers"``), ``noun`` ("number"),
      ``score_nouns`` (("numbers", "numbers")), ``unjudged`` (the verdict fields
      of a line with no answer to judge), ``marks_cross_punctuation`` (do
      neighbouring words with a comma between them make one mark?);
    - ``_sentence_words(text, offset)``, ``_mark_input(label, saved)``,
      ``_missed_html(text, record)``, ``_missed_message(record)``, ``_icon(line)``,
      ``_judge_marks(item)`` → (lines, found ids, tallies, answers right?),
      ``_summary(item, found, missed, extra, passed, **tallies)``, and
      optionally ``_score_note()`` and ``_remember_found(found records)``.
    """

    key = "items"
    noun = "item"
    score_nouns = ("items", "items")
    unjudged: dict = {}
    marks_cross_punctuation = True
    _sentence_words = staticmethod(sentence_words)

    def _sentence_items(self, article: Article, sentences: str) -> list[dict]:
        """The sentences to walk through (``"all"``, or ``"with <key>"``: only those holding an item)."""
        items = []
        for row in article.sentences.itertuples(index=False):
            inside = [r for r in self.records if row.start <= r["start"] < row.end]
            if sentences == f"with {self.key}" and not inside:
                continue
            items.append({"sentence": int(row.sentence), "paragraph": int(row.paragraph), "start": int(row.start),
                          "end": int(row.end), self.key: inside,
                          "words": self._sentence_words(article.text[row.start:row.end], int(row.start))})
        return items

    def _setup_hunt(self, items: list, fallback: str, intro: str, empty: str, show_tooltip: str,
                    dom_class: str) -> None:
        self.total = sum(len(item[self.key]) for item in items)
        self.marks: dict[int, set[int]] = {}
        self.mark_answers: dict[int, dict[int, object]] = {}  # sentence → first word of a mark → answer
        self.revealed: set[int] = set()
        self.items_feedback: list[dict] = []
        self.word_buttons: list[widgets.ToggleButton] = []
        self.mark_inputs: list[widgets.Widget] = []
        self._groups_shown: list[list[int]] = []
        self._building = False
        self.words_box = widgets.Box(layout=widgets.Layout(display="flex", flex_flow="row wrap"))
        self.inputs_box = widgets.VBox()
        self.show_button = widgets.Button(description="Show me", icon="eye", tooltip=show_tooltip)
        self.show_button.on_click(self._on_show)
        self._setup(items, [self.words_box, self.inputs_box], fallback, intro, empty)
        self.widget.add_class(dom_class)
        self._buttons.children = (*self._buttons.children, self.show_button)
        self.show_button.disabled = not items

    # -- state per sentence --

    @property
    def words(self) -> list[dict]:
        return self.items[self.index]["words"] if self.items else []

    def _groups(self) -> list[list[int]]:
        """Runs of neighbouring ticked words: [1, 2, 5] → [[1, 2], [5]] (split where more than spaces
        stands between two words, unless ``marks_cross_punctuation``)."""
        groups: list[list[int]] = []
        words, text = self.words, self.article.text
        for i in sorted(self.marks.get(self.index, set())):
            if groups and groups[-1][-1] == i - 1 and (
                    self.marks_cross_punctuation or not text[words[i - 1]["end"]:words[i]["start"]].strip()):
                groups[-1].append(i)
            else:
                groups.append([i])
        return groups

    def _store(self) -> None:
        if not self.items:
            return
        self.marks[self.index] = {i for i, b in enumerate(self.word_buttons) if b.value}
        self._remember_answers()

    def _remember_answers(self) -> None:
        answers = self.mark_answers.setdefault(self.index, {})
        for group, box in zip(self._groups_shown, self.mark_inputs):
            answers[group[0]] = box.value

    def _restore(self) -> None:
        marked = self.marks.get(self.index, set())
        self._building = True
        self.word_buttons = []
        for i, word in enumerate(self.words):
            button = widgets.ToggleButton(value=i in marked, description=word["text"], tooltip=word["text"],
                                          layout=widgets.Layout(width="auto", height="auto", margin="1px"))
            button.observe(self._on_toggle, names="value")
            self.word_buttons.append(button)
        self.words_box.children = tuple(self.word_buttons)
        self._building = False
        self._build_inputs()

    def _on_toggle(self, _change=None) -> None:
        if self._building:
            return
        self._remember_answers()
        self.marks[self.index] = {i for i, b in enumerate(self.word_buttons) if b.value}
        self._build_inputs()

    def _build_inputs(self) -> None:
        groups = self._groups()
        answers = self.mark_answers.get(self.index, {})
        self._groups_shown = groups
        self.mark_inputs = [self._mark_input(" ".join(self.words[i]["text"] for i in group), answers.get(group[0]))
                            for group in groups]
        self.inputs_box.children = tuple(self.mark_inputs)

    def mark(self, *texts: str) -> None:
        """Tick the words of the current sentence that make up each of ``texts`` (their first occurrence)."""
        words = [w["text"].lower() for w in self.words]
        for text in texts:
            parts = [p.lower() for p in text.split()]
            for i in range(len(words) - len(parts) + 1):
                if words[i:i + len(parts)] == parts:
                    for j in range(i, i + len(parts)):
                        self.word_buttons[j].value = True
                    break
            else:
                raise ValueError(f"{text!r} is not a run of words in this sentence")

    # -- showing --

    def _render(self) -> None:
        item = self.items[self.index]
        self.header.value = f"<b>Sentence {self.index + 1} of {len(self.items)}</b> · ¶{item['paragraph']}"
        text = self.article.text
        body = html.escape(text[item["start"]:item["end"]])
        if self.index in self.revealed:
            found = {id(r) for r in self._found_in(item)}
            parts, pos = [], item["start"]
            for record in item[self.key]:
                if id(record) in found or record["start"] < pos:
                    continue
                parts.append(html.escape(text[pos:record["start"]]))
                parts.append(self._missed_html(text[record["start"]:record["end"]], record))
                pos = record["end"]
            parts.append(html.escape(text[pos:item["end"]]))
            body = "".join(parts)
        self.context.value = frame_html(body + english_line_html(self.english, item["paragraph"]))

    def _score_note(self) -> str:
        return ""

    def _update_score(self) -> None:
        checked = len(self.results)
        found = sum(r["found"] for r in self.results.values())
        in_checked = sum(r["found"] + r["missed"] for r in self.results.values())
        right = sum(r["passed"] for r in self.results.values())
        in_sentences, in_all = self.score_nouns
        self.score.value = (f"<b>Score:</b> {right} of {checked} sentence{'s' * (checked != 1)} checked right; "
                            f"{found} of the {in_checked} {in_sentences} in them found{self._score_note()} "
                            f"({len(self.items)} sentences, {self.total} {in_all} in all)")

    # -- checking --

    def _overlaps(self, group: list[int], record: dict) -> bool:
        return any(self.words[i]["start"] < record["end"] and self.words[i]["end"] > record["start"] for i in group)

    def _found_in(self, item: dict) -> list[dict]:
        groups = self._groups()
        return [r for r in item[self.key] if any(self._overlaps(g, r) for g in groups)]

    def _on_check(self, _button=None) -> None:
        if not self.items:
            return
        self._store()
        item = self.items[self.index]
        lines, found_ids, tallies, answers_right = self._judge_marks(item)
        missed = [r for r in item[self.key] if id(r) not in found_ids]
        lines += self._missed_lines(item, missed)
        lines.sort(key=lambda line: line["start"])
        extra = sum(line["status"] == "extra" for line in lines)
        found = len(item[self.key]) - len(missed)
        passed = not missed and not extra and answers_right
        self.results[self.index] = {"found": found, "missed": len(missed), "extra": extra, **tallies,
                                    "passed": passed, "shown": self.index in self.revealed}
        self.items_feedback = lines
        self._remember_found([r for r in item[self.key] if id(r) in found_ids])
        self._give(Feedback(passed, self._summary(item, found, len(missed), extra, passed, **tallies)),
                   self._lines_html(lines))

    def _remember_found(self, records: list[dict]) -> None:
        """Called after each Check with the items found in the current sentence."""

    def _missed_lines(self, item: dict, missed: list[dict]) -> list[dict]:
        if self.index in self.revealed:
            return [{"status": "missed", "text": record["text"], **self.unjudged, "start": record["start"],
                     "message": self._missed_message(record)} for record in missed]
        if missed:
            return [{"status": "missed", "text": None, **self.unjudged, "start": item["end"],
                     "message": f"{len(missed)} {self.noun}{'s are' if len(missed) != 1 else ' is'} still "
                                "unmarked in this sentence. Read it again, or press Show me."}]
        return []

    def _lines_html(self, lines: list[dict]) -> str:
        if not lines:
            return ""
        rows = [f'<li style="list-style:none"><span aria-hidden="true" style="margin-right:.4em">{self._icon(line)}'
                f"</span>{html.escape(line['message'])}</li>" for line in lines]
        return f'<ul style="margin:.2em 0 .2em .5em;padding:0;line-height:1.6">{"".join(rows)}</ul>'

    def _on_show(self, _button=None) -> None:
        if not self.items:
            return
        self._store()
        self.revealed.add(self.index)
        self._render()
        self._on_check()

