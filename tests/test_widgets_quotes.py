"""Lesson 02's widgets, driven without a front end: set values, then .click().

The quotes tables come from the hand annotations (data/annotations/*.json), and every
expected value below is written by hand from those files, never computed by the code
under test.  Nothing here depends on what the quote engine finds.
"""

import html
import json

import pandas as pd
import pytest

from conflict_reading import Article, load_article
from conflict_reading.paths import annotations_dir
from conflict_reading.widgets.fallback import WithFallback
from conflict_reading.widgets.quotes import (
    NOT_NAMED,
    OKABE_ITO,
    QuoteWalkthrough,
    VerbSpotter,
    highlight_quotes,
    verb_root,
)

from .widget_steps import go_to

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

DI_MAIO, BLINKEN = "Luigi Di Maio", "Antony Blinken"
# The seed article's seven quotations, in order (data/annotations/koalisi-isis-roma.json).
SEED_KEY = [
    (7, DI_MAIO, "partial"),
    (8, DI_MAIO, "direct"),
    (14, BLINKEN, "direct"),
    (22, BLINKEN, "direct"),
    (23, BLINKEN, "partial"),
    (25, BLINKEN, "partial"),
    (25, BLINKEN, "direct"),
]
# The six with a reporting verb (the ¶25 partial quote is attributed by context only).
SEED_CUES = ["mengatakan", "ungkap", "mengatakan", "mengumumkan", "mengatakan", "tegas"]


@pytest.fixture(autouse=True)
def private_progress(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICT_READING_PROGRESS", str(tmp_path / "p.json"))


def annotation(name):
    records = json.loads((annotations_dir() / f"{name}.json").read_text(encoding="utf-8"))["quotes"]
    return pd.DataFrame(records)


@pytest.fixture(scope="module")
def seed():
    return load_article("koalisi-isis-roma")


@pytest.fixture(scope="module")
def gold():
    return annotation("koalisi-isis-roma")


@pytest.fixture
def walk(seed, gold):
    return QuoteWalkthrough(seed, gold)


def answer(walk, speaker, kind):
    walk.speaker_menu.value = speaker
    walk.kind_buttons.value = kind
    walk.check_button.click()
    return walk.last_feedback


def screen_text(markup):
    return html.unescape(markup)


# --- QuoteWalkthrough --------------------------------------------------------------------------

def test_walkthrough_covers_every_speech_quote_with_the_articles_speakers(walk):
    assert len(walk.items) == 7
    assert walk.index == 0
    assert list(walk.speaker_menu.options) == [DI_MAIO, BLINKEN, NOT_NAMED]
    assert list(walk.kind_buttons.options) == ["direct", "partial"]
    assert walk.speaker_menu.value is None and walk.kind_buttons.value is None
    assert walk.results == {}
    assert "Quotation 1 of 7" in walk.header.value and "¶7" in walk.header.value


def test_the_right_answer_passes_with_words_not_only_colour(walk):
    go_to(walk, 1)  # ¶8–11
    feedback = answer(walk, DI_MAIO, "direct")
    assert feedback.passed is True
    shown = screen_text(walk.feedback.value)
    assert "✔" in shown and "Correct" in shown
    assert "ungkap" in shown  # the cue that names him, told after a right answer
    assert walk.results == {1: True}


def test_the_previous_quotes_speaker_gets_the_previous_message(walk):
    go_to(walk, 2)  # ¶14: Blinken; the quote before is Di Maio's
    feedback = answer(walk, DI_MAIO, "direct")
    assert feedback.passed is False
    assert feedback.message.startswith("Almost: you picked the speaker of the *previous* quote")
    shown = screen_text(walk.feedback.value)
    assert "✘" in shown and "Not yet" in shown
    assert "<em>previous</em>" in walk.feedback.value
    assert walk.results == {2: False}


def test_the_next_quotes_speaker_gets_the_next_message(walk):
    go_to(walk, 1)  # ¶8–11: Di Maio; the next quote is Blinken's
    feedback = answer(walk, BLINKEN, "direct")
    assert feedback.passed is False
    assert "speaker of the *next* quote" in feedback.message
    assert "<em>next</em>" in walk.feedback.value


def test_a_speaker_from_neither_side_gets_the_general_message(seed, gold):
    walk = QuoteWalkthrough(seed, gold, speakers=[DI_MAIO, BLINKEN, "Joe Biden"])
    go_to(walk, 3)
    feedback = answer(walk, "Joe Biden", "direct")
    assert feedback.passed is False
    assert "previous" not in feedback.message and "next" not in feedback.message
    assert "reporting verb" in feedback.message


def test_not_named_is_wrong_when_the_article_names_the_speaker(walk):
    go_to(walk, 5)  # ¶25 partial: attributed by context, but to a named person
    feedback = answer(walk, NOT_NAMED, "partial")
    assert feedback.passed is False
    assert "does say who speaks" in feedback.message


def test_right_speaker_wrong_kind_is_almost(walk):
    feedback = answer(walk, DI_MAIO, "direct")  # ¶7 is partial
    assert feedback.passed is False
    assert feedback.message.startswith("Almost: the speaker is right")
    assert walk.results == {0: False}


def test_check_with_nothing_picked_is_a_note_and_is_not_scored(walk):
    walk.check_button.click()
    assert walk.last_feedback.state == "info"
    assert "Pick a speaker and a kind" in walk.last_feedback.message
    walk.speaker_menu.value = DI_MAIO
    walk.check_button.click()
    assert "Pick a kind" in walk.last_feedback.message
    assert walk.results == {}


def test_prev_and_next_move_and_stay_in_range(walk):
    assert walk.prev_button.disabled is True
    walk.prev_button.click()
    assert walk.index == 0
    walk.next_button.click()
    assert walk.index == 1 and walk.prev_button.disabled is False
    for _ in range(20):
        walk.next_button.click()
    assert walk.index == 6
    assert walk.next_button.disabled is True
    assert "Quotation 7 of 7" in walk.header.value and "¶25" in walk.header.value
    walk.prev_button.click()
    assert walk.index == 5


def test_answers_and_feedback_are_remembered_per_quote(walk):
    answer(walk, DI_MAIO, "partial")
    walk.next_button.click()
    assert walk.speaker_menu.value is None and walk.kind_buttons.value is None
    assert walk.feedback.value == ""
    walk.speaker_menu.value = BLINKEN  # picked but not checked: kept too
    walk.prev_button.click()
    assert (walk.speaker_menu.value, walk.kind_buttons.value) == (DI_MAIO, "partial")
    assert "Correct" in screen_text(walk.feedback.value)
    walk.next_button.click()
    assert walk.speaker_menu.value == BLINKEN
    assert walk.answers[0] == (DI_MAIO, "partial")


def test_the_score_counts_right_checks(walk):
    for index, (_, speaker, kind) in enumerate(SEED_KEY):
        go_to(walk, index)
        assert answer(walk, speaker, kind).passed is True, index
    assert walk.results == {i: True for i in range(7)}
    assert walk.score_text == "7 of 7 checked right"
    assert "7 of 7 checked right" in walk.score.value
    answer(walk, DI_MAIO, "direct")  # the last quote, wrong now: the latest check counts
    assert walk.results[6] is False
    assert walk.score_text == "6 of 7 checked right"


def test_a_partial_score_line(walk):
    answer(walk, DI_MAIO, "partial")
    walk.next_button.click()
    answer(walk, BLINKEN, "direct")
    walk.next_button.click()
    answer(walk, BLINKEN, "direct")
    assert walk.results == {0: True, 1: False, 2: True}
    assert "2 of 7 checked right" in walk.score.value
    assert "3 checked so far" in walk.score.value


def test_walkthrough_shows_the_quote_in_its_paragraphs(walk):
    go_to(walk, 3)  # ¶22–23, attributed by the sentence before (¶21)
    shown = screen_text(walk.context.value)
    assert "[this quote]" in shown
    assert "¶21" in shown and "¶22" in shown and "¶23" in shown
    assert "Blinken juga mengumumkan" in shown
    assert "EN:" in shown  # the kit has a translation of the seed article


def test_walkthrough_has_a_plain_text_route(walk):
    assert isinstance(walk, WithFallback)
    bundle = walk._repr_mimebundle_()
    assert WIDGET_MIME in bundle
    assert bundle["text/plain"] == repr(walk)
    assert "does not show here" in repr(walk) and "check(" in repr(walk)


def test_walkthrough_leaves_out_scare_quotes_and_lists_described_speakers():
    article = load_article(annotations_dir().parent / "devset" / "gencatan-senjata-gaza.txt")
    walk = QuoteWalkthrough(article, annotation("gencatan-senjata-gaza"))
    assert len(walk.items) == 8  # 9 quotations, one of them the scare quote “zona aman”
    assert list(walk.speaker_menu.options) == [
        "Ratna Wulandari", "Helena Marsh", "seorang pejabat Kemlu", NOT_NAMED]
    go_to(walk, 6)  # ¶10: “Kami sedang bicara …,” ujarnya: the unnamed official
    assert answer(walk, "seorang pejabat Kemlu", "direct").passed is True
    assert "EN:" not in screen_text(walk.context.value)  # no translation of this article: none shown


def test_an_empty_table_gives_a_walkthrough_that_does_nothing(seed):
    walk = QuoteWalkthrough(seed, pd.DataFrame(columns=["text", "kind", "start", "end", "speaker"]))
    assert walk.items == [] and walk.check_button.disabled and walk.next_button.disabled
    walk.check_button.click()
    walk.next_button.click()
    assert walk.index == 0 and walk.results == {}
    assert "No quotations" in walk.header.value


# --- VerbSpotter ------------------------------------------------------------------------------

@pytest.fixture
def spot(seed, gold):
    return VerbSpotter(seed, gold)


def say(spot, verb):
    spot.verb_input.value = verb
    spot.check_button.click()
    return spot.last_feedback


def test_spotter_asks_only_about_attributed_quotes(spot):
    assert len(spot.items) == 6
    assert [item["cue"] for item in spot.items] == SEED_CUES


@pytest.mark.parametrize("verb", ["mengatakan", "kata", "Mengatakan,", " berkata "])
def test_spotter_accepts_the_cue_and_forms_with_its_root(spot, verb):
    feedback = say(spot, verb)  # ¶7: mengatakan
    assert feedback.passed is True, feedback.message
    assert "Correct" in screen_text(spot.feedback.value)
    assert "neutral" in feedback.message  # the verb's stance, from the lexicon
    assert spot.results == {0: True}


def test_spotter_rejects_another_reporting_verb(spot):
    feedback = say(spot, "menegaskan")
    assert feedback.passed is False
    assert "is a reporting verb, but not the one" in feedback.message
    assert "Not yet" in screen_text(spot.feedback.value)
    assert spot.results == {0: False}


def test_spotter_on_the_tegas_quote(spot):
    go_to(spot, 5)  # ¶25: “…,” after "Untuk itu, tegas Blinken,"
    assert say(spot, "menegaskan").passed is True
    assert say(spot, "tegas").passed is True
    assert say(spot, "mengatakan").passed is False


def test_spotter_on_the_ungkap_quote(spot):
    go_to(spot, 1)  # ¶8–11, "ungkap Di Maio"
    assert say(spot, "mengungkapkan").passed is True
    assert say(spot, "mengatakan").passed is False  # the ¶7 verb, in the sentence shown before


@pytest.mark.parametrize("given, words", [
    ("Di Maio", "that is who speaks"),
    ("intervensi", "not the verb that reports speech"),
    ("xyzzy", "cannot find"),
])
def test_spotter_says_why_a_non_verb_is_wrong(spot, given, words):
    feedback = say(spot, given)
    assert feedback.passed is False
    assert words in feedback.message


def test_spotter_blank_is_a_note_and_not_scored(spot):
    feedback = say(spot, "   ")
    assert feedback.state == "info"
    assert spot.results == {}


def test_spotter_shows_each_cue_in_its_context(spot):
    for index, cue in enumerate(SEED_CUES):
        go_to(spot, index)
        shown = screen_text(spot.context.value)
        assert cue in shown, (index, cue)
        assert "[quote]" in shown
    go_to(spot, 2)  # ¶14–21: a long quotation is shortened
    assert "[…]" in screen_text(spot.context.value)


def test_spotter_navigation_score_and_fallback(spot):
    for _ in range(10):
        spot.next_button.click()
    assert spot.index == 5
    spot.prev_button.click()
    spot.prev_button.click()
    assert spot.index == 3
    say(spot, "mengumumkan")
    spot.next_button.click()
    spot.prev_button.click()
    assert spot.verb_input.value == "mengumumkan"
    assert spot.score_text == "1 of 6 checked right"
    assert "does not show here" in repr(spot)
    assert WIDGET_MIME in spot._repr_mimebundle_()


@pytest.mark.parametrize("word, root", [
    ("mengatakan", "kata"), ("kata", "kata"), ("ujarnya", "ujar"), ("menegaskan", "tegas"),
    ("Menurut", "turut"), ("kata dia", "kata"), ("said", "say"), ("serangan", None),
])
def test_verb_root(word, root):
    assert verb_root(word) == root


# --- highlight_quotes ----------------------------------------------------------------------

def test_highlight_labels_every_speaker_and_shows_every_quote(seed, gold):
    shown = highlight_quotes(seed, gold)
    markup = shown._repr_html_()
    text = html.unescape(markup)
    assert "[Luigi Di Maio]" in text and "[Antony Blinken]" in text
    assert "[Luigi Di Maio · partial]" in text  # ¶7
    assert "[Luigi Di Maio, cont.]" in text     # ¶9–11: the quotation runs on
    for line in "\n".join(gold["text"]).split("\n"):
        assert html.escape(line, quote=False) in markup, line
    for paragraph in (1, 8, 25):
        assert f"¶{paragraph}" in text
    # colour-blind-safe colours, one per speaker, as well as the labels
    assert OKABE_ITO[0] in markup and OKABE_ITO[1] in markup
    assert "7 quotations." in text


def test_highlight_text_fallback_lists_the_quotes(seed, gold):
    shown = highlight_quotes(seed, gold)
    text = repr(shown)
    assert "<" not in text.replace("<Article", "")
    lines = [line for line in text.splitlines() if line[:3].strip().rstrip(".").isdigit()]
    assert [line.split(".")[0].strip() for line in lines] == ["1", "2", "3", "4", "5", "6", "7"]
    assert lines[0].startswith(" 1. ¶7 [Luigi Di Maio] partial")
    assert "¶8–11" in lines[1]
    flat = " ".join(text.split())
    for quote in gold["text"]:
        assert " ".join(quote.split()[:6]) in flat


def test_highlight_styles_scare_quotes_differently():
    text = "Polisi menyebut kelompok itu “Jaringan Timur”. “Kami siaga,” kata Budi Santoso."
    article = Article.from_text(text)
    rows = []
    for quote, kind, speaker in [("Jaringan Timur", "scare", None), ("Kami siaga,", "direct", "Budi Santoso")]:
        start = text.index(quote)
        rows.append({"text": quote, "kind": kind, "paragraph_start": 1, "paragraph_end": 1, "speaker": speaker,
                     "cue": None if speaker is None else "kata", "how": None, "start": start, "end": start + len(quote)})
    shown = highlight_quotes(article, pd.DataFrame(rows))
    markup = html.unescape(shown.html)
    assert "[scare]" in markup and "dotted" in markup
    assert "[Budi Santoso]" in markup
    assert "[scare] scare: “Jaringan Timur”" in repr(shown)


def test_highlight_of_an_empty_table(seed):
    shown = highlight_quotes(seed, pd.DataFrame())
    assert "No quotations" in shown.html
    assert repr(shown).startswith("Quotations in 'koalisi-isis-roma': 0")


# --- any article, any table --------------------------------------------------------------------

@pytest.mark.parametrize("name", ["koalisi-isis-roma", "devset/gencatan-senjata-gaza", "devset/congo-aid-convoy-attack"])
def test_widgets_accept_the_engines_table_for_any_article(name):
    from conflict_reading.quotes import find_quotes

    article = load_article(name if "/" not in name else annotations_dir().parent / f"{name}.txt")
    quotes = find_quotes(article)  # whatever it finds: only the shape matters here
    speech = quotes[quotes["kind"] != "scare"]
    assert len(QuoteWalkthrough(article, quotes).items) == len(speech)
    assert len(VerbSpotter(article, quotes).items) == len(speech.dropna(subset=["cue"]))
    assert highlight_quotes(article, quotes).html.startswith("<div")
