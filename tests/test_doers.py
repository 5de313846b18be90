"""Lesson 06's doer sorter and its data: every act is found in its paragraph, every wrong answer has its own
message, and the sorter judges by the data (the reading is a person's, in data/annotations/*.doers.toml)."""

import pytest

from conflict_reading import load_article
from conflict_reading.doers import DOERS, doers_of, doers_table
from conflict_reading.errors import KitError
from conflict_reading.paths import annotations_dir
from conflict_reading.widgets.doer_sorter import DoerSorter


def test_every_act_is_marked_in_its_paragraph_and_every_wrong_answer_has_a_message():
    article = load_article("koalisi-isis-roma")
    actions = doers_of(article)
    assert len(actions) == 8
    for action in actions:
        assert article.text[action["start"]:action["end"]] == action["text"]
        row = article.paragraphs.iloc[action["paragraph"] - 1]
        assert row["start"] <= action["start"] < row["end"]
        assert set(action["wrong"]) == set(DOERS) - {action["doer"]}, action["text"]
        assert action["right"] and (action["who"] or action["doer"] == "untold")


def test_the_readings_the_lesson_names():
    table = doers_table("koalisi-isis-roma").set_index("paragraph")
    assert table.loc[8, "doer"] == "untold" and table.loc[10, "doer"] == "untold"  # dikalahkan, dibebaskan
    assert table.loc[13, "doer"] == "told" and table.loc[13, "who"] == "the United States"  # serangan itu → ¶12
    assert table.loc[20, "doer"] == "named"  # oleh kelompok-kelompok


def test_the_sorter_says_why_a_wrong_answer_is_wrong_without_giving_the_answer():
    sorter = DoerSorter("koalisi-isis-roma")
    sorter.next_button.click()  # ¶8 dikalahkan
    sorter.doer_buttons.value = "named"
    sorter.check_button.click()
    assert not sorter.last_feedback.passed
    assert "oleh" in sorter.last_feedback.message and "untold" not in sorter.last_feedback.message
    sorter.doer_buttons.value = "untold"
    sorter.check_button.click()
    assert sorter.last_feedback.passed


def test_an_article_without_a_doers_file_has_none_and_the_sorter_says_so():
    article = load_article("prisoner-exchange-mirren-en")
    assert doers_of(article) == [] and doers_table(article).empty
    assert DoerSorter(article).items == []


def test_a_broken_doers_file_gives_one_line(tmp_path, monkeypatch):
    (tmp_path / "koalisi-isis-roma.doers.toml").write_text(
        '[[action]]\ntext = "not in the text"\nparagraph = 2\ndoer = "named"\n', encoding="utf-8")
    monkeypatch.setattr("conflict_reading.marked_words.annotations_dir", lambda: tmp_path)
    with pytest.raises(KitError, match="is not in ¶2"):
        doers_of("koalisi-isis-roma")
    assert (annotations_dir() / "koalisi-isis-roma.doers.toml").is_file()
