"""The widgets of lesson 03 (numbers), driven with no front end: set values, click buttons, read state.

Every expected value here is written by hand from the article (data/articles/koalisi-isis-roma.txt):
sentence 5 is ¶5 "Koalisi ini beranggotakan 77 negara dan lima organisasi internasional.", and so on.
"""

import json
import math
import re

import pandas as pd
import pytest

from conflict_reading import check, load_article
from conflict_reading.numbers import find_numbers
from conflict_reading.paths import annotations_dir
from conflict_reading.widgets.fallback import WIDGET_MIME, WithFallback
from conflict_reading.widgets.numbers import (
    KIND_COLOURS,
    KindSorter,
    NumberHunt,
    answer_values,
    date_matches,
    highlight_numbers,
)

from .widget_steps import go_to, plain

# Okabe & Ito's palette (without black), as published.
OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}

# Index of a sentence in the hunt (0-based; the article has 28 sentences) → what it holds, by hand.
SENTENCE_5 = 4     # ¶5: 77 negara dan lima organisasi
SENTENCE_6 = 5     # ¶6: no number
SENTENCE_3 = 2     # ¶3: hari Senin (28/6)
SENTENCE_4 = 3     # ¶4: berusia tujuh tahun
SENTENCE_8 = 7     # ¶8: Maret 2019
SENTENCE_10 = 9    # ¶10: Sessi pertama
SENTENCE_13 = 12   # ¶13: Tiga … dua … satu
SENTENCE_22 = 22   # ¶22: pertemuan kedua, jutaan warga, vaksin Covid-19
SENTENCE_23 = 23   # ¶23 (first sentence): 436 juta dolar, 13,5 miliar dolar


@pytest.fixture(scope="module")
def article():
    return load_article("koalisi-isis-roma")


@pytest.fixture(scope="module")
def numbers(article):
    return find_numbers(article)


@pytest.fixture(scope="module")
def gold_records():
    return json.loads((annotations_dir() / "koalisi-isis-roma.json").read_text(encoding="utf-8"))["numbers"]


# --- highlight_numbers ---------------------------------------------------------------------------

def test_highlight_marks_every_number_with_a_colour_and_a_kind_label(article, numbers):
    shown = highlight_numbers(article, numbers)
    markup = shown._repr_html_()
    assert markup.count('class="cr-number"') == 22
    # each number is followed by its label, in words
    for text, kind in [("77", "count"), ("436 juta dolar", "money"), ("28/6", "date"), ("tujuh tahun", "duration"),
                       ("pertama", "ordinal"), ("jutaan", "vague"), ("13,5 miliar dolar", "money")]:
        assert re.search(rf">{re.escape(text)}</span><span class=\"cr-number-label\"[^>]*>{kind}</span>", markup), text
    assert set(KIND_COLOURS.values()) <= OKABE_ITO
    assert len(set(KIND_COLOURS.values())) == 7  # one colour per kind
    assert "#0072B2" in markup and "#009E73" in markup
    assert "¶23" in markup
    assert "Covid-19" in markup and ">Covid-19<" not in markup  # in the text, not highlighted


def test_highlight_falls_back_to_a_numbered_list(article, numbers):
    shown = highlight_numbers(article, numbers)
    text = repr(shown)
    assert text == str(shown) == shown.text
    lines = text.splitlines()
    assert lines[0] == "Numbers in 'koalisi-isis-roma': 22 (count 9, money 3, date 2, duration 3, ordinal 2, vague 3)"
    assert len(lines) == 23
    assert " 5. ¶5 [count] “77”: 77 (negara)" in lines
    assert "22. ¶23 [money] “13,5 miliar dolar”: 13,500,000,000 USD" in lines
    assert " 1. ¶1 [vague] “sejumlah”: no exact value (pejabat)" in lines
    assert "<" not in text


def test_highlight_takes_annotation_records_and_missing_values(article, gold_records):
    as_list = highlight_numbers(article, gold_records)
    assert len(as_list.records) == 22
    frame = pd.DataFrame(gold_records)
    frame.loc[0, "unit"] = float("nan")  # pandas writes a missing unit as NaN
    with_nan = highlight_numbers(article, frame)
    assert "nan" not in with_nan.text.lower()
    assert highlight_numbers(article, []).text == "Numbers in 'koalisi-isis-roma': 0"
    assert "No numbers" in highlight_numbers(article, None).html


# --- NumberHunt ----------------------------------------------------------------------------------------

def test_hunt_walks_every_sentence_and_stays_in_range(article, numbers):
    hunt = NumberHunt(article, numbers)
    assert isinstance(hunt, WithFallback)
    assert (len(hunt.items), hunt.total) == (28, 22)
    assert hunt.index == 0 and hunt.prev_button.disabled and not hunt.next_button.disabled
    hunt.prev_button.click()
    assert hunt.index == 0
    for _ in range(40):
        hunt.next_button.click()
    assert hunt.index == 27 and hunt.next_button.disabled and not hunt.prev_button.disabled
    assert "Sentence 28 of 28" in hunt.header.value and "¶25" in hunt.header.value
    hunt.prev_button.click()
    assert hunt.index == 26


def test_hunt_only_sentences_with_numbers(article, numbers):
    hunt = NumberHunt(article, numbers, sentences="with numbers")
    # ¶1 2 3 4 5 8 10 12 13 15 16 17 21 22 23: in ¶21 and ¶23 one of the two sentences holds them
    assert len(hunt.items) == 15
    assert hunt.total == 22


def test_hunt_right_answers_are_correct(article, numbers):
    hunt = NumberHunt(article, numbers)
    go_to(hunt, SENTENCE_5)
    assert [w["text"] for w in hunt.words][:5] == ["Koalisi", "ini", "beranggotakan", "77", "negara"]
    hunt.mark("77")
    hunt.mark("lima")
    assert [box.description for box in hunt.value_inputs] == ["Value of “77”:", "Value of “lima”:"]
    hunt.value_inputs[0].value = "77"
    hunt.value_inputs[1].value = "five"
    hunt.check_button.click()
    assert hunt.last_feedback.passed is True
    assert hunt.results[SENTENCE_5] == {"found": 2, "missed": 0, "extra": 0, "values_right": 2, "values_needed": 2,
                                        "passed": True, "shown": False}
    assert "Correct: all 2 numbers found with their values." in plain(hunt.feedback.value)
    assert [line["status"] for line in hunt.items_feedback] == ["found", "found"]


def test_hunt_counts_a_missed_number_without_showing_it(article, numbers):
    hunt = NumberHunt(article, numbers)
    go_to(hunt, SENTENCE_5)
    hunt.mark("77")
    hunt.value_inputs[0].value = "77"
    hunt.check_button.click()
    result = hunt.results[SENTENCE_5]
    assert (result["found"], result["missed"], result["extra"], result["passed"]) == (1, 1, 0, False)
    shown = plain(hunt.feedback.value)
    assert "1 number is still unmarked" in shown
    assert "lima" not in shown.lower()
    missed = [line for line in hunt.items_feedback if line["status"] == "missed"]
    assert len(missed) == 1 and missed[0]["text"] is None
    assert "missed" not in hunt.context.value  # the sentence is not marked up either

    hunt.show_button.click()  # the learner asks
    assert "“lima”" in plain(hunt.feedback.value)
    assert "missed" in hunt.context.value and ">lima<" in hunt.context.value
    assert hunt.results[SENTENCE_5]["shown"] is True


def test_hunt_missed_numbers_stay_hidden_in_a_sentence_with_three(article, numbers):
    hunt = NumberHunt(article, numbers)
    go_to(hunt, SENTENCE_13)
    hunt.mark("Tiga")
    hunt.value_inputs[0].value = "3"
    hunt.check_button.click()
    assert (hunt.results[SENTENCE_13]["found"], hunt.results[SENTENCE_13]["missed"]) == (1, 2)
    shown = plain(hunt.feedback.value).lower()
    assert "2 numbers are still unmarked" in shown
    assert "dua" not in shown and "satu" not in shown


def test_hunt_counts_an_extra_mark(article, numbers):
    hunt = NumberHunt(article, numbers)
    go_to(hunt, SENTENCE_22)
    hunt.mark("kedua")
    hunt.mark("jutaan")
    hunt.mark("Covid-19")
    hunt.value_inputs[0].value = "second"
    hunt.check_button.click()
    result = hunt.results[SENTENCE_22]
    assert (result["found"], result["missed"], result["extra"], result["passed"]) == (2, 0, 1, False)
    extra = [line for line in hunt.items_feedback if line["status"] == "extra"]
    assert [line["text"] for line in extra] == ["Covid-19"]
    assert "Extra: “Covid-19”" in plain(hunt.feedback.value)
    assert "1 extra mark" in hunt.last_feedback.message


def test_hunt_a_sentence_without_numbers(article, numbers):
    hunt = NumberHunt(article, numbers)
    go_to(hunt, SENTENCE_6)
    hunt.check_button.click()
    assert hunt.last_feedback.passed is True
    assert hunt.last_feedback.message == "Correct: there is no number in this sentence."
    hunt.mark("Afrika")
    hunt.check_button.click()
    assert hunt.results[SENTENCE_6]["extra"] == 1 and hunt.results[SENTENCE_6]["passed"] is False


@pytest.mark.parametrize("typed", ["436 juta", "436 million", "436.000.000", "436,000,000", "US$436 million",
                                   "436000000"])
def test_hunt_accepts_every_form_of_a_money_value(article, numbers, typed):
    hunt = NumberHunt(article, numbers)
    go_to(hunt, SENTENCE_23)
    hunt.mark("436 juta dolar")
    hunt.mark("13,5 miliar dolar")
    hunt.value_inputs[0].value = typed
    hunt.value_inputs[1].value = "13,5 miliar"
    hunt.check_button.click()
    assert hunt.last_feedback.passed is True, plain(hunt.feedback.value)


@pytest.mark.parametrize("typed", ["13,5 miliar", "13.5 billion", "13.500.000.000", "13,500,000,000", "13500000000",
                                   "1.35e10", "13,5 miliar dolar AS"])
def test_hunt_accepts_every_form_of_the_total(article, numbers, typed):
    hunt = NumberHunt(article, numbers)
    go_to(hunt, SENTENCE_23)
    hunt.mark("13,5 miliar dolar")
    hunt.value_inputs[0].value = typed
    hunt.check_button.click()
    found = [line for line in hunt.items_feedback if line["status"] == "found"]
    assert found[0]["value_ok"] is True, found[0]["message"]


def test_hunt_a_wrong_scale_is_named(article, numbers):
    hunt = NumberHunt(article, numbers)
    go_to(hunt, SENTENCE_23)
    hunt.mark("13,5")  # part of a number is enough to find it
    hunt.value_inputs[0].value = "13,5"
    hunt.check_button.click()
    line = [line for line in hunt.items_feedback if line["status"] == "found"][0]
    assert line["text"] == "13,5 miliar dolar"
    assert line["value_ok"] is False
    assert "1,000,000,000 times too small" in line["message"] and "miliar = billion" in line["message"]


@pytest.mark.parametrize("index, words, typed, right", [
    (SENTENCE_3, "28/6", "28 June", True),
    (SENTENCE_3, "28/6", "28/6", True),
    (SENTENCE_3, "28/6", "28 Juni 2021", True),
    (SENTENCE_3, "28/6", "27/6", False),
    (SENTENCE_3, "28/6", "28 June 2020", False),
    (SENTENCE_8, "Maret 2019", "March 2019", True),
    (SENTENCE_8, "Maret 2019", "2019-03", True),
    (SENTENCE_8, "Maret 2019", "March", False),  # the text writes a year: give it
    (SENTENCE_4, "tujuh tahun", "7", True),
    (SENTENCE_4, "tujuh tahun", "7 years", True),
    (SENTENCE_4, "tujuh tahun", "tujuh", True),
    (SENTENCE_4, "tujuh tahun", "6", False),
    (SENTENCE_10, "pertama", "first", True),
    (SENTENCE_10, "pertama", "1", True),
    (SENTENCE_10, "pertama", "1st", True),
    (SENTENCE_10, "pertama", "second", False),
])
def test_hunt_values_of_dates_durations_and_ordinals(article, numbers, index, words, typed, right):
    hunt = NumberHunt(article, numbers)
    go_to(hunt, index)
    hunt.mark(words)
    hunt.value_inputs[0].value = typed
    hunt.check_button.click()
    assert hunt.last_feedback.passed is right, plain(hunt.feedback.value)


def test_hunt_a_vague_quantity_needs_no_value(article, numbers):
    hunt = NumberHunt(article, numbers)
    hunt.mark("sejumlah")
    hunt.check_button.click()
    assert hunt.last_feedback.passed is True
    assert "no exact value" in plain(hunt.feedback.value)
    assert hunt.results[0]["values_needed"] == 0


def test_hunt_a_blank_value_is_asked_for(article, numbers):
    hunt = NumberHunt(article, numbers)
    go_to(hunt, SENTENCE_4)
    hunt.mark("tujuh tahun")
    hunt.check_button.click()
    assert hunt.last_feedback.passed is False
    assert "type its value" in plain(hunt.feedback.value)


def test_hunt_one_mark_over_two_numbers_is_explained(article, numbers):
    hunt = NumberHunt(article, numbers)
    go_to(hunt, SENTENCE_5)
    hunt.mark("77 negara dan lima")
    assert len(hunt.value_inputs) == 1
    hunt.value_inputs[0].value = "82"
    hunt.check_button.click()
    result = hunt.results[SENTENCE_5]
    assert (result["found"], result["missed"], result["extra"], result["passed"]) == (2, 0, 0, False)
    assert "holds 2 numbers" in plain(hunt.feedback.value)


def test_hunt_remembers_marks_and_values_across_sentences(article, numbers):
    hunt = NumberHunt(article, numbers)
    go_to(hunt, SENTENCE_5)
    hunt.mark("77")
    hunt.value_inputs[0].value = "77"
    hunt.check_button.click()
    go_to(hunt, SENTENCE_6)
    assert not any(button.value for button in hunt.word_buttons)
    assert hunt.feedback.value == ""
    go_to(hunt, SENTENCE_5)
    assert [button.description for button in hunt.word_buttons if button.value] == ["77"]
    assert hunt.value_inputs[0].value == "77"
    assert "1 of 2 numbers found" in plain(hunt.feedback.value)
    assert "1 of 1 sentence checked right" not in hunt.score.value
    assert "0 of 1 sentence checked right; 1 of the 2 numbers in them found" in plain(hunt.score.value)


def test_hunt_untick_and_retick_keeps_the_typed_value(article, numbers):
    hunt = NumberHunt(article, numbers)
    go_to(hunt, SENTENCE_4)
    hunt.mark("tujuh")
    hunt.value_inputs[0].value = "7"
    hunt.mark("tahun")  # grows the same mark
    assert len(hunt.value_inputs) == 1 and hunt.value_inputs[0].value == "7"


def test_hunt_with_the_annotation_and_nan_cells(article, gold_records):
    frame = pd.DataFrame(gold_records)
    frame["value"] = [math.nan if v is None else v for v in frame["value"]]  # a vague value as NaN, as pandas may write it
    hunt = NumberHunt(article, frame)
    assert hunt.total == 22
    hunt.mark("sejumlah")
    hunt.check_button.click()
    assert hunt.last_feedback.passed is True


def test_hunt_with_an_empty_table(article):
    hunt = NumberHunt(article, [])
    assert (len(hunt.items), hunt.total) == (28, 0)
    hunt.check_button.click()
    assert hunt.last_feedback.passed is True


def test_hunt_unknown_words_cannot_be_marked(article, numbers):
    hunt = NumberHunt(article, numbers)
    with pytest.raises(ValueError):
        hunt.mark("seratus")


def test_hunt_has_a_plain_text_fallback(article, numbers):
    hunt = NumberHunt(article, numbers)
    bundle = hunt._repr_mimebundle_()
    assert WIDGET_MIME in bundle
    assert bundle["text/plain"].startswith("Number hunt: 28 sentences of 'koalisi-isis-roma'")
    assert repr(hunt) == bundle["text/plain"]
    assert "numbers table" in repr(hunt)


# --- KindSorter ------------------------------------------------------------------------------------

TUJUH_TAHUN, KEDUA_NEGARA, PERTEMUAN_KEDUA, JUTAAN = 3, 15, 18, 19  # rows of the numbers table, by hand


def test_sorter_goes_through_every_number(article, numbers):
    sorter = KindSorter(article, numbers)
    assert len(sorter.items) == 22
    assert sorter.items[0]["text"] == "sejumlah" and sorter.items[-1]["text"] == "13,5 miliar dolar"
    assert sorter.index == 0 and sorter.prev_button.disabled
    sorter.prev_button.click()
    assert sorter.index == 0
    for _ in range(30):
        sorter.next_button.click()
    assert sorter.index == 21 and sorter.next_button.disabled
    assert "Number 22 of 22" in sorter.header.value and "13,5 miliar dolar" in sorter.context.value


def test_sorter_says_why_a_duration_is_not_a_count(article, numbers):
    sorter = KindSorter(article, numbers)
    go_to(sorter, TUJUH_TAHUN)
    assert sorter.items[TUJUH_TAHUN]["text"] == "tujuh tahun"
    sorter.kind_buttons.value = "count"
    sorter.check_button.click()
    message = sorter.last_feedback.message
    assert sorter.last_feedback.passed is False
    assert message.startswith("Not yet: “tujuh tahun”")
    assert "length of time" in message and "tahun = year" in message and message.endswith("a duration.")
    assert sorter.results == {TUJUH_TAHUN: False}
    assert "Not yet" in plain(sorter.feedback.value)

    sorter.kind_buttons.value = "date"
    sorter.check_button.click()
    assert "how long, not when" in sorter.last_feedback.message

    sorter.kind_buttons.value = "duration"
    sorter.check_button.click()
    assert sorter.last_feedback.passed is True
    assert sorter.last_feedback.message.startswith("Correct: “tujuh tahun”")
    assert sorter.results == {TUJUH_TAHUN: True}
    assert "1 of 22 sorted right" in sorter.score.value


def test_sorter_kedua_as_count_and_as_ordinal(article, numbers):
    sorter = KindSorter(article, numbers)
    go_to(sorter, KEDUA_NEGARA)
    assert (sorter.items[KEDUA_NEGARA]["text"], sorter.items[KEDUA_NEGARA]["paragraph"]) == ("kedua", 16)
    sorter.kind_buttons.value = "ordinal"
    sorter.check_button.click()
    assert sorter.last_feedback.message == (
        "Not yet: “kedua” says how many negara (country; state), not which one in an order: a count.")
    sorter.kind_buttons.value = "count"
    sorter.check_button.click()
    assert "the two" in sorter.last_feedback.message

    go_to(sorter, PERTEMUAN_KEDUA)
    assert (sorter.items[PERTEMUAN_KEDUA]["text"], sorter.items[PERTEMUAN_KEDUA]["paragraph"]) == ("kedua", 22)
    sorter.kind_buttons.value = "count"
    sorter.check_button.click()
    assert sorter.last_feedback.message == "Not yet: “kedua” says which one in an order, not how many: an ordinal."
    sorter.kind_buttons.value = "ordinal"
    sorter.check_button.click()
    assert "(second)" in sorter.last_feedback.message and sorter.last_feedback.passed


def test_sorter_vague_and_date_messages(article, numbers):
    sorter = KindSorter(article, numbers)
    go_to(sorter, JUTAAN)
    sorter.kind_buttons.value = "count"
    sorter.check_button.click()
    assert sorter.last_feedback.message == (
        "Not yet: “jutaan” gives no figure: you could not write it in digits. It is a vague quantity.")
    go_to(sorter, 2)  # 28/6
    sorter.kind_buttons.value = "date"
    sorter.check_button.click()
    assert sorter.last_feedback.passed and "The text gives no year" in sorter.last_feedback.message


def test_sorter_without_a_choice_asks_for_one(article, numbers):
    sorter = KindSorter(article, numbers)
    sorter.check_button.click()
    assert sorter.last_feedback.state == "info" and "Pick a kind" in sorter.last_feedback.message
    assert sorter.results == {}


def test_sorter_remembers_choices(article, numbers):
    sorter = KindSorter(article, numbers)
    sorter.kind_buttons.value = "count"
    sorter.check_button.click()
    sorter.next_button.click()
    assert sorter.kind_buttons.value is None and sorter.feedback.value == ""
    sorter.prev_button.click()
    assert sorter.kind_buttons.value == "count"
    assert "Not yet" in plain(sorter.feedback.value)
    assert sorter.answers == {0: "count"}


def test_sorter_fallback_and_empty_table(article, numbers):
    sorter = KindSorter(article, numbers)
    assert repr(sorter).startswith("Kind sorter: 22 numbers of 'koalisi-isis-roma'")
    empty = KindSorter(article, [])
    assert empty.items == [] and empty.check_button.disabled
    empty.check_button.click()
    assert empty.results == {}


# --- reading values -------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, value", [("13,5 miliar", 13.5e9), ("13.5 billion", 13.5e9), ("77 negara", 77),
                                          ("kedua", 2), ("second", 2), ("ke-35", 35), ("3rd", 3), ("lima", 5)])
def test_answer_values(typed, value):
    assert value in answer_values(typed)


@pytest.mark.parametrize("typed", ["", "banyak", "several", None, ["77"]])
def test_answer_values_of_non_numbers(typed):
    assert answer_values(typed) == set()


def test_date_matches_without_a_year_in_the_text():
    assert date_matches("28 June", "2021-06-28", "28/6")
    assert date_matches("June 28", "2021-06-28", "28/6")
    assert date_matches("2021-06-28", "2021-06-28", "28/6")
    assert not date_matches("28 July", "2021-06-28", "28/6")
    assert date_matches("28/6", "--06-28", "28/6")
    assert date_matches("2019", "2019", "2019")
    assert not date_matches("2018", "2019", "2019")


# --- the lesson's exercises accept every reasonable form of a number ----------------------------------

@pytest.mark.parametrize("exercise_id, answers", [
    ("03-total-aid", ["13,5 miliar", "13.5 billion", "13.500.000.000", "13,500,000,000", "US$13.5 billion",
                      "13,5 miliar dolar AS", 13.5e9, 13_500_000_000]),
    ("03-members", [82, "82", "delapan puluh dua", "eighty-two"]),
    ("03-aid-share", [3.23, "3,2", "3.2%", "3,23 persen", 436e6 / 13.5e9 * 100]),
    ("03-founding-year", [2014, "2014", "dua ribu empat belas"]),
    ("03-vague-words", [["Sejumlah", "BEBERAPA", "jutaan"], "jutaan; sejumlah; Beberapa"]),
    ("03-one-pledge", ["a", "A)"]),
    ("03-covid", ["a"]),
])
def test_number_exercises_accept_every_form(exercise_id, answers):
    for answer in answers:
        feedback = check(exercise_id, answer, record=False)
        assert feedback.passed is True, (answer, feedback.message)


@pytest.mark.parametrize("exercise_id, answer, words", [
    ("03-total-aid", "13,5", "1,000,000,000 times too small"),
    ("03-total-aid", "13,5 juta", "1,000 times too small"),
    ("03-total-aid", 135, "decimal comma"),
    ("03-founding-year", 2015, "count back seven years"),
    ("03-members", 77, "countries (negara) only"),
    ("03-aid-share", 0.0323, "multiply by 100"),
])
def test_number_exercises_explain_wrong_answers(exercise_id, answer, words):
    feedback = check(exercise_id, answer, record=False)
    assert feedback.passed is False
    assert words in feedback.message
