"""Drive each kind of lesson widget in the browser as a learner would, and check what it shows.

Every driver: a wrong answer shows "Not yet" and says why; a right answer
shows "Correct"; Next and Previous change the item shown and keep the answers.
The right answers come from the kit's data (``keys``), never from the widget.
A failure names the notebook and the widget: ``02-who-speaks / quote-walkthrough: ...``.
"""

from __future__ import annotations

import re
import time
import uuid
from pathlib import Path

from playwright.sync_api import Locator, expect

from . import keys

NOT_NAMED = "someone else / not named"  # the walkthrough menu's last entry, as the learner reads it
NUMBER_KINDS = ("count", "money", "date", "duration", "ordinal", "percent", "vague")
ROLES = ("event", "actor", "title", "other")


class Driver:
    """A widget on the page: its root element (``.cr-<kind>``) and the failure prefix."""

    noun = ""  # the header's noun: "Quotation 3 of 7"

    def __init__(self, root: Locator, where: str, article: str, lesson=None):
        self.root, self.where, self.article, self.lesson = root, where, article, lesson

    def say(self, what: str) -> str:
        return f"{self.where}: {what}"

    # -- parts --

    def button(self, name: str) -> Locator:
        return self.root.locator("button.widget-button").filter(has_text=re.compile(rf"^\s*{re.escape(name)}\s*$"))

    def toggles(self) -> Locator:
        return self.root.locator("button.widget-toggle-button")

    def toggle(self, name: str | re.Pattern) -> Locator:
        pattern = name if isinstance(name, re.Pattern) else re.compile(rf"^\s*{re.escape(name)}\s*$")
        return self.toggles().filter(has_text=pattern)

    def feedback(self) -> Locator:
        return self.root.locator(".cr-feedback")

    def settle(self) -> None:
        if self.lesson is not None:
            self.lesson.settle()

    def click(self, name: str) -> None:
        button = self.button(name)
        expect(button, self.say(f"no enabled {name!r} button")).to_be_enabled()
        self.settle()
        button.click()

    def press(self, toggle: Locator) -> None:
        self.settle()
        toggle.click()

    def type_into(self, box: Locator, text: str) -> None:
        """Type ``text`` and leave the box, as a learner does before pressing Check (the value is sent then)."""
        self.settle()
        box.fill(text)
        box.evaluate("el => el.blur()")

    def pick(self, menu: Locator, label: str) -> None:
        self.settle()
        menu.select_option(label=label)

    # -- what the learner sees --

    def expect_rendered(self) -> None:
        expect(self.root, self.say("the widget is not shown")).to_be_visible()
        self.root.scroll_into_view_if_needed()
        expect(self.button("Check"), self.say("no Check button")).to_be_visible()

    def shown_feedback(self) -> str:
        return " | ".join(t.strip() for t in self.feedback().all_text_contents()) or "(none)"

    def expect_pass(self, after: str) -> None:
        box = self.feedback()
        try:
            expect(box).to_have_class(re.compile(r"\bcr-pass\b"))
        except AssertionError:
            raise AssertionError(self.say(f"no positive feedback after {after}; "
                                          f"the feedback says: {self.shown_feedback()}")) from None
        expect(box, self.say(f"the feedback after {after} does not say Correct")).to_contain_text("Correct")

    def expect_fail(self, after: str, why: str | re.Pattern | None = None, secret: str | None = None) -> str:
        box = self.feedback()
        try:
            expect(box).to_have_class(re.compile(r"\bcr-fail\b"))
        except AssertionError:
            raise AssertionError(self.say(f"no 'Not yet' feedback after {after}; "
                                          f"the feedback says: {self.shown_feedback()}")) from None
        expect(box, self.say(f"the feedback after {after} does not say Not yet")).to_contain_text("Not yet")
        if why is not None:
            expect(self.root, self.say(f"the feedback after {after} does not say why")).to_contain_text(why)
        text = box.text_content() or ""
        if secret:
            assert secret.lower() not in text.lower(), self.say(f"the feedback after {after} gives the answer away: {text!r}")
        return text

    def expect_no_feedback(self, when: str) -> None:
        expect(self.feedback(), self.say(f"feedback left over {when}")).to_have_count(0)

    def expect_item(self, number: int, when: str) -> None:
        pattern = re.compile(rf"{self.noun} {number} of \d+")
        expect(self.root, self.say(f"{when}: the header does not say '{self.noun} {number} of …'")).to_contain_text(pattern)

    def expect_pressed(self, toggle: Locator, pressed: bool, what: str) -> None:
        cls = re.compile(r"\bmod-active\b")
        if pressed:
            expect(toggle, self.say(f"{what} is not ticked")).to_have_class(cls)
        else:
            expect(toggle, self.say(f"{what} is ticked")).not_to_have_class(cls)

    def screenshot(self, folder: Path, name: str) -> None:
        self.root.scroll_into_view_if_needed()
        folder.mkdir(parents=True, exist_ok=True)
        self.root.screenshot(path=str(folder / f"{name}.png"))

    def first_paragraph(self) -> int | None:
        """The paragraph of the first item, from the header ("Place 1 of 7 · ¶9"): where a widget's sample starts."""
        found = re.search(rf"{self.noun} 1 of \d+\s*·\s*¶(\d+)", self.root.text_content() or "")
        return int(found.group(1)) if found else None

    def go(self, direction: str, to: int) -> None:
        self.click(direction)
        self.expect_item(to, f"after {direction}")

    def drive(self) -> None:
        raise NotImplementedError


def _selected_label(select: Locator) -> str:
    """The option shown in a <select> (ipywidgets writes spaces in options as no-break spaces)."""
    label = select.evaluate("s => s.selectedIndex >= 0 ? s.options[s.selectedIndex].text : ''")
    return label.replace("\xa0", " ").strip()


def _wait_for(condition, message: str, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(message)
        time.sleep(0.1)


class QuoteWalkthrough(Driver):
    noun = "Quotation"

    def sample_start(self) -> int | None:
        """The paragraph where the first quotation shown opens ("Quotation 1 of 4 · ¶22–23"): a sample
        (``paragraphs="22-25"``) starts there; None if the header does not say."""
        found = re.search(r"Quotation 1 of \d+\s*·\s*¶(\d+)", self.root.text_content() or "")
        return int(found.group(1)) if found else None

    def drive(self) -> None:
        start = self.sample_start()
        items = [q for q in keys.speech_quotes(self.article) if start is None or q["paragraph_start"] >= start]
        assert items, self.say(f"the annotation of {self.article} has no quotations to walk through")
        first = items[0]
        menu = self.root.locator("select")
        self.expect_item(1, "at the start")
        wrong = NOT_NAMED if first["speaker"] else next(q["speaker"] for q in items if q["speaker"])
        self.pick(menu, wrong)
        self.press(self.toggle(first["kind"]))
        self.click("Check")
        self.expect_fail(f"picking {wrong!r}", why=re.compile(r"reporting verb|speak", re.I), secret=first["speaker"])
        right = first["speaker"] or NOT_NAMED
        self.pick(menu, right)
        self.click("Check")
        self.expect_pass(f"picking {right!r}, {first['kind']}")
        if len(items) > 1:
            self.go("Next", 2)
            self.expect_no_feedback("on the next quotation")
            _wait_for(lambda: _selected_label(menu) == "", self.say("the speaker menu is not empty on the next quotation"))
            self.go("Previous", 1)
            _wait_for(lambda: _selected_label(menu) == right,
                      self.say(f"the answer {right!r} was not kept after Next and Previous"))
            self.expect_pressed(self.toggle(first["kind"]), True, f"the kind {first['kind']!r} (kept)")
            self.expect_pass("going back to the first quotation")


class VerbSpotter(Driver):
    noun = "Quotation"

    def drive(self) -> None:
        items = [q for q in keys.speech_quotes(self.article) if q.get("cue")]
        assert items, self.say(f"the annotation of {self.article} has no attributed quotations")
        first = items[0]
        box = self.root.locator("input[type=text]")
        self.expect_item(1, "at the start")
        wrong = first["speaker"] or "zzz"
        self.type_into(box, wrong)
        self.click("Check")
        self.expect_fail(f"typing {wrong!r}", why=re.compile(r"verb", re.I), secret=first["cue"])
        self.type_into(box, first["cue"])
        self.click("Check")
        self.expect_pass(f"typing {first['cue']!r}")
        if len(items) > 1:
            self.go("Next", 2)
            expect(box, self.say("the verb box is not empty on the next quotation")).to_have_value("")
            self.go("Previous", 1)
            expect(box, self.say("the typed verb was not kept after Next and Previous")).to_have_value(first["cue"])
            self.expect_pass("going back to the first quotation")


class _SentenceHunt(Driver):
    """Number hunt and place spotter: tick words of a sentence, give each mark a value or a kind."""

    noun = "Sentence"
    table = ""

    def sentence_keys(self) -> list[list[dict]]:
        """The key's records, sentence by sentence (every sentence of the article, as the widget walks them)."""
        from conflict_reading import load_article  # the article's sentences, as the notebook loads them

        records = keys.table(self.article, self.table)
        sentences = load_article(self.article).sentences
        first = self.first_paragraph()  # a sample (paragraphs="9-12") starts there
        return [[r for r in records if row.start <= r["start"] < row.end] for row in sentences.itertuples()
                if first is None or row.paragraph >= first]

    def tick(self, records: list[dict]) -> list[str]:
        """Tick the words of each record, in order; returns the marks' labels."""
        texts = [t.strip() for t in self.toggles().all_text_contents()]
        position, labels = 0, []
        for record in records:
            words = keys.words_of(record["text"])
            start = next((i for i in range(position, len(texts) - len(words) + 1)
                          if texts[i:i + len(words)] == words), None)
            assert start is not None, self.say(f"the words {words} of {record['text']!r} are not among the "
                                               f"sentence's buttons {texts}")
            for i in range(start, start + len(words)):
                self.press(self.toggles().nth(i))
                self.expect_pressed(self.toggles().nth(i), True, f"the word {texts[i]!r}")
            position = start + len(words)
            labels.append(" ".join(words))
        return labels

    def answer(self, label: str, record: dict) -> None:
        raise NotImplementedError

    def solve(self, records: list[dict], which: str) -> None:
        for label, record in zip(self.tick(records), records):
            self.answer(label, record)
        self.click("Check")
        self.expect_pass(f"marking {[r['text'] for r in records]} in the {which} sentence")

    def drive(self) -> None:
        by_sentence = self.sentence_keys()
        assert len(by_sentence) > 1, self.say("the article has fewer than two sentences")
        first, second = by_sentence[0], by_sentence[1]
        self.expect_item(1, "at the start")
        if first:  # wrong: nothing marked, so something is missed
            self.click("Check")
            self.expect_fail("checking with nothing marked", why=re.compile(r"unmarked|missed", re.I),
                             secret=first[0]["text"])
        else:  # wrong: a word marked that is not in the key
            self.press(self.toggles().first)
            self.click("Check")
            self.expect_fail("marking a word that is not in the key", why="Extra")
            self.press(self.toggles().first)
        self.solve(first, "first")
        self.go("Next", 2)
        self.expect_no_feedback("on the next sentence")
        for i in range(self.toggles().count()):
            self.expect_pressed(self.toggles().nth(i), False, "a word of the next sentence")
        self.solve(second, "second")
        self.go("Previous", 1)
        self.expect_pass("going back to the first sentence")
        kept = [t.strip() for t in self.toggles().all_text_contents()]
        for record in first:
            word = keys.words_of(record["text"])[0]
            self.expect_pressed(self.toggles().nth(kept.index(word)), True, f"{word!r} (ticked before Next)")
        self.go("Next", 2)
        self.expect_kept(second)


class NumberHunt(_SentenceHunt):
    table = "numbers"

    @staticmethod
    def typed_value(record: dict) -> str | None:
        if record.get("kind") == "vague" or record.get("value") is None:
            return None
        return keys.as_typed(record["value"])

    def value_box(self, label: str) -> Locator:
        return self.root.locator(".widget-text").filter(has_text=f"Value of “{label}”").locator("input")

    def answer(self, label: str, record: dict) -> None:
        value = self.typed_value(record)
        if value is not None:
            self.type_into(self.value_box(label), value)

    def expect_kept(self, records: list[dict]) -> None:
        for record in records:
            value = self.typed_value(record)
            if value is not None:
                label = " ".join(keys.words_of(record["text"]))
                expect(self.value_box(label), self.say(f"the value typed for {label!r} was not kept")).to_have_value(value)


class PlaceSpotter(_SentenceHunt):
    table = "places"

    def kind_menu(self, label: str) -> Locator:
        return self.root.locator(".widget-dropdown").filter(has_text=f"Kind of “{label}”").locator("select")

    def answer(self, label: str, record: dict) -> None:
        self.pick(self.kind_menu(label), record["kind"])

    def solve(self, records: list[dict], which: str) -> None:
        super().solve(records, which)
        if records and which == "first":
            expect(self.root.locator(".jp-OutputArea-output img").first,
                   self.say("the map of the places found does not appear")).to_be_visible()

    def expect_kept(self, records: list[dict]) -> None:
        for record in records:
            label = " ".join(keys.words_of(record["text"]))
            menu = self.kind_menu(label)
            _wait_for(lambda: _selected_label(menu) == record["kind"],
                      self.say(f"the kind picked for {label!r} was not kept"))


class _ChoiceSorter(Driver):
    table, field, choices = "", "", ()

    def choice(self, value: str) -> Locator:
        return self.toggle(value)

    def drive(self) -> None:
        first = self.first_paragraph()  # a sample (paragraphs="9-12") starts there
        items = [r for r in keys.table(self.article, self.table) if r.get(self.field) in self.choices
                 and (first is None or r["paragraph"] >= first)]
        assert items, self.say(f"the annotation of {self.article} has nothing to sort")
        right = items[0][self.field]
        wrong = next(c for c in self.choices if c != right)
        self.expect_item(1, "at the start")
        self.press(self.choice(wrong))
        self.click("Check")
        self.expect_fail(f"picking {wrong!r}", why=items[0]["text"])
        self.press(self.choice(right))
        self.click("Check")
        self.expect_pass(f"picking {right!r}")
        if len(items) > 1:
            self.go("Next", 2)
            self.expect_no_feedback("on the next item")
            for choice in self.choices:
                self.expect_pressed(self.choice(choice), False, f"{choice!r} on the next item")
            self.go("Previous", 1)
            self.expect_pressed(self.choice(right), True, f"{right!r} (picked before Next)")
            self.expect_pass("going back to the first item")


class KindSorter(_ChoiceSorter):
    noun, table, field, choices = "Number", "numbers", "kind", NUMBER_KINDS


class RoleSorter(_ChoiceSorter):
    noun, table, field, choices = "Place", "places", "role", ROLES

    def choice(self, value: str) -> Locator:
        return self.toggle(re.compile(rf"^\s*{re.escape(value)}:"))  # "event: where something happens"


class CastSorter(RoleSorter):
    """Lesson 05's ``CastSorter``: actor, threat or victim; the key is the cast file, not the JSON annotation."""

    noun, field, choices = "Party", "role", ("actor", "threat", "victim")
    item = "party"

    def key_items(self) -> list[dict]:
        return keys.cast(self.article)

    def drive(self) -> None:
        items = self.key_items()
        assert items, self.say(f"the kit has no {self.item}s of {self.article} to sort")
        first, right = items[0], items[0][self.field]
        wrong = next(c for c in self.choices if c != right)
        self.expect_item(1, "at the start")
        self.press(self.choice(wrong))
        self.click("Check")
        self.expect_fail(f"picking {wrong!r}", why=first["wrong"][wrong])
        self.press(self.choice(right))
        self.click("Check")
        self.expect_pass(f"picking {right!r}")
        self.go("Next", 2)
        self.expect_no_feedback(f"on the next {self.item}")
        self.go("Previous", 1)
        self.expect_pressed(self.choice(right), True, f"{right!r} (picked before Next)")


class DoerSorter(CastSorter):
    """Lesson 06's ``DoerSorter``: named here, told elsewhere, or never said; the key is the doers file."""

    noun, field, choices = "Action", "doer", ("named", "told", "untold")
    LABELS = {"named": "this sentence names who does it", "told": "another sentence lets you tell who",
              "untold": "the article never says who"}  # as conflict_reading.doers.DOER_DESCRIPTIONS

    item = "act"

    def choice(self, value: str) -> Locator:
        return self.toggle(re.compile(rf"^\s*{re.escape(self.LABELS[value])}\s*$"))

    def key_items(self) -> list[dict]:
        return keys.doers(self.article)


class Exercise(Driver):
    """``ask(id)``: a wrong answer from the TOML gets its message, Hint gives the first hint, the key passes."""

    def __init__(self, root, where, article, lesson=None, exercise_id: str = ""):
        super().__init__(root, where, article, lesson)
        self.entry = keys.exercises()[exercise_id]

    def give(self, answer) -> None:
        if self.entry["kind"] == "choice":
            option = self.root.locator(".widget-radio-box label").filter(
                has_text=re.compile(rf"^\s*{re.escape(str(answer))}\s*$"))
            expect(option, self.say(f"no option {answer!r}")).to_have_count(1)
            self.press(option)
        else:
            box = self.root.locator("input[type=text], textarea").first
            self.type_into(box, keys.as_typed(answer))

    def drive(self) -> None:
        entry = self.entry
        expect(self.root, self.say("the exercise's title is not shown")).to_contain_text(entry["title"])
        wrongs = [w for w in entry.get("wrong", [])  # a choice exercise's wrong answer must be one of its options
                  if entry["kind"] != "choice" or w["answer"] in entry.get("options", [])]
        answer = keys.exercise_answer(entry)
        if wrongs:
            self.give(wrongs[0]["answer"])
            self.click("Check")
            self.expect_fail(f"the wrong answer {wrongs[0]['answer']!r}", why=wrongs[0]["message"])
        else:  # no predictable wrong answer listed: any wrong one must still say why
            if entry["kind"] == "choice":
                wrong = next(o for o in entry["options"] if o != answer)
            else:
                wrong = "1" if entry["kind"] == "number" and keys.as_typed(answer) != "1" else "zzz"
            self.give(wrong)
            self.click("Check")
            text = self.expect_fail(f"the wrong answer {wrong!r}")
            assert len(text.split()) > 4, self.say(f"the feedback on {wrong!r} does not say why: {text!r}")
        if entry.get("hints"):
            self.click("Hint")
            # The notebook's own hint() cells may have used the first hints already: any of them will do.
            any_hint = re.compile("|".join(re.escape(h) for h in entry["hints"]))
            expect(self.feedback(), self.say("Hint shows none of the exercise's hints")).to_contain_text(any_hint)
        self.give(answer)
        self.click("Check")
        self.expect_pass(f"the right answer {answer!r}")


class Reflection(Driver):
    """A reflection box: type, Save; the text is in the learner's progress file, and comes back when the cell runs again."""

    def __init__(self, root, where, article, lesson=None, key: str = "", cell: int | None = None):
        super().__init__(root, where, article, lesson)
        self.key, self.cell = key, cell

    def expect_rendered(self) -> None:
        expect(self.root, self.say("the widget is not shown")).to_be_visible()
        self.root.scroll_into_view_if_needed()
        expect(self.root.locator("textarea"), self.say("no text box")).to_be_visible()
        expect(self.button("Save"), self.say("no Save button")).to_be_visible()

    def saved_text(self) -> str | None:
        try:
            from conflict_reading.progress import ProgressStore

            data = ProgressStore(Path(self.lesson.server.progress_file)).load()
        except (OSError, ValueError):
            return None
        record = data.get("reflections", {}).get(self.key)
        return record.get("text") if isinstance(record, dict) else None

    def drive(self) -> None:
        text = f"A browser test's reflection {uuid.uuid4().hex[:8]}: whose voices are missing?"
        before = self.root.text_content()
        self.type_into(self.root.locator("textarea"), text)
        self.click("Save")
        _wait_for(lambda: self.root.text_content() != before,
                  self.say("nothing in the widget changed after Save (no confirmation)"))
        expect(self.root, self.say("no confirmation after Save")).to_contain_text("Saved")
        _wait_for(lambda: self.saved_text() == text,
                  self.say(f"the reflection was not saved under {self.key!r} in the progress file "
                           f"(found {self.saved_text()!r})"))
        if self.cell is not None:  # run the cell again: the saved text comes back
            self.settle()
            cell = self.lesson.cell(self.cell)
            self.root.evaluate("el => el.setAttribute('data-before-rerun', '')")
            cell.locator(".jp-InputPrompt").click()
            self.lesson.page.keyboard.press("Shift+Enter")
            fresh = cell.locator(".cr-reflection:not([data-before-rerun]) textarea")
            expect(fresh, self.say("the saved text did not come back when the cell ran again")).to_have_value(text)


DRIVERS = {
    "quote-walkthrough": QuoteWalkthrough,
    "verb-spotter": VerbSpotter,
    "number-hunt": NumberHunt,
    "kind-sorter": KindSorter,
    "place-spotter": PlaceSpotter,
    "role-sorter": RoleSorter,
    "exercise": Exercise,
    "reflection": Reflection,
    "cast-sorter": CastSorter,
    "doer-sorter": DoerSorter,
}
