"""show_article: the article to read, numbered, with its translation and translator's notes."""

import pytest

from conflict_reading import Article, KitError, load_article
from conflict_reading.article_view import show_article, translator_notes
from conflict_reading.explore import translation


def test_the_kit_article_shows_every_paragraph_with_its_translation():
    article = load_article("koalisi-isis-roma")
    view = show_article(article)
    english = translation(article)
    assert [row[0] for row in view.rows] == list(range(1, 26))
    assert view.rows[13][1] == article.paragraph(14) and view.rows[13][2] == english[13]
    text = repr(view)
    assert text.startswith("¶1\n") and "EN: " in text and "¶25" in text
    html = view._repr_html_()
    assert html.count('class="cr-paragraph"') == 25 and "<details" not in html


@pytest.mark.parametrize("asked, shown", [(14, [14]), ("14-16", [14, 15, 16]), ("¶22–23", [22, 23]),
                                          ([2, 5], [2, 5]), (range(1, 3), [1, 2])])
def test_a_few_paragraphs(asked, shown):
    assert [row[0] for row in show_article("koalisi-isis-roma", paragraphs=asked).rows] == shown


def test_folded_is_one_click_away_and_says_what_it_holds():
    html = show_article("koalisi-isis-roma", paragraphs="8-11", folded=True)._repr_html_()
    assert html.startswith("<details") and "(¶8–11): click to open" in html


@pytest.mark.parametrize("asked", [0, 26, "x-y", [1, "a"], 3.5j])
def test_paragraphs_that_do_not_exist_are_one_line(asked):
    with pytest.raises(KitError) as raised:
        show_article("koalisi-isis-roma", paragraphs=asked)
    assert "paragraph" in str(raised.value)


def test_translator_notes_come_from_a_data_file(tmp_path, monkeypatch):
    (tmp_path / "articles").mkdir()
    (tmp_path / "translations").mkdir()
    (tmp_path / "articles" / "mini.txt").write_text("Satu.\nDua.\n", encoding="utf-8")
    (tmp_path / "translations" / "mini.en.txt").write_text("One.\nTwo.\n", encoding="utf-8")
    (tmp_path / "translations" / "mini.notes.toml").write_text(
        '[[note]]\nparagraph = 2\nnote = "Dua is two & <b>not</b> bold."\n', encoding="utf-8")
    monkeypatch.setenv("CONFLICT_READING_DATA", str(tmp_path))
    article = load_article("mini")
    assert translator_notes(article) == {2: "Dua is two & <b>not</b> bold."}
    view = show_article(article)
    assert "Translator's note: Dua is two" in repr(view)
    assert "&lt;b&gt;not&lt;/b&gt;" in view._repr_html_()  # escaped, never markup


def test_an_article_without_translation_shows_its_text_only():
    view = show_article(Article.from_text("Satu.\nDua.", name="none-such"))
    assert "EN:" not in repr(view) and [row[2] for row in view.rows] == [None, None]


def test_presenter_mode_shows_the_article_larger():
    from conflict_reading import presenter_mode

    normal = show_article("koalisi-isis-roma", paragraphs=1)._repr_html_()
    presenter_mode(True)
    try:
        large = show_article("koalisi-isis-roma", paragraphs=1)._repr_html_()
    finally:
        presenter_mode(False)
    assert 'style="font-size:1.5em"' in large and 'style="font-size:1.5em"' not in normal
