"""Loading the article and splitting it into paragraphs, sentences and words."""

import hashlib

import pytest

from conflict_reading import Article, ArticleError, available_articles, load_article
from conflict_reading.article import read_article_text
from conflict_reading.text import word_tokens

from .conftest import SEED


# --- the kit's article -----------------------------------------------------------------

# sha256 of the seed article as received (../shared/seed/article-koalisi-isis-roma.txt), typos and all.
SEED_SHA256 = "f1df1ada893d7dcb819a8171521b47967631faa5e3fc28fc0969b6c27079547d"


def test_the_kit_article_is_the_seed_unchanged(article):
    assert hashlib.sha256(article.path.read_bytes()).hexdigest() == SEED_SHA256
    if SEED.exists():  # beside the workspace's shared folder, also compare with the file itself
        assert article.text == SEED.read_text(encoding="utf-8")


def test_article_has_25_paragraphs_and_28_sentences(article):
    # 25 lines; three paragraphs (21, 23, 25) hold two sentences each: "kami.” Dalam ...",
    # "dolar.” Kembali ...", "besar.” Untuk itu ..." (counted by hand).
    assert len(article.paragraphs) == 25
    assert len(article.sentences) == 28
    two_sentence_paragraphs = article.paragraphs.query("sentence_count == 2")["paragraph"].tolist()
    assert two_sentence_paragraphs == [21, 23, 25]


def test_article_language_and_name(article):
    assert article.language == "id"
    assert article.name == "koalisi-isis-roma"
    assert "koalisi-isis-roma" in available_articles()


def test_metadata_is_read_beside_the_text(article):
    assert str(article.metadata.get("event_date")) == "2021-06-28"
    assert article.metadata.get("language") == "id"


def test_every_offset_points_at_its_text(article):
    for table in (article.paragraphs, article.sentences, article.tokens):
        for row in table.itertuples():
            text = getattr(row, "text", None) or getattr(row, "token")
            assert article.text[row.start:row.end] == text


def test_sentences_are_numbered_through_the_article(article):
    assert article.sentences["sentence"].tolist() == list(range(1, 29))
    assert article.sentences["paragraph"].is_monotonic_increasing
    assert article.paragraphs["paragraph"].tolist() == list(range(1, 26))


def test_closing_quote_stays_with_its_sentence(article):
    para21 = article.sentences.query("paragraph == 21")["text"].tolist()
    assert para21[0].endswith("terhadap kami.”")
    assert para21[1].startswith("Dalam pertemuan di Roma")


def test_word_counts_add_up(article):
    # 631 whitespace-separated tokens, as the extract contract's example reports for this article.
    assert article.word_count == 631
    assert article.sentences["word_count"].sum() == 631
    assert article.paragraphs["word_count"].sum() == 631


def test_paragraph_accessor(article):
    assert article.paragraph(5) == "Koalisi ini beranggotakan 77 negara dan lima organisasi internasional."
    with pytest.raises(ArticleError, match="no paragraph 26"):
        article.paragraph(26)


# --- the hard cases of splitting --------------------------------------------------------

@pytest.mark.parametrize(
    "token", ["13,5", "28/6", "Covid-19", "Irak-Suriah", "436.000.000", "negara-negara", "ke-35"]
)
def test_numbers_dates_and_hyphenated_names_stay_whole(token):
    assert token in word_tokens(f"Mereka menyebut {token}, kemudian pergi.")


def test_word_tokens_leave_out_punctuation():
    assert word_tokens("“Sikap kami sangat jelas.” – Blinken") == ["Sikap", "kami", "sangat", "jelas", "Blinken"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sikap kami jelas.” Dalam pertemuan itu ia bicara.", ["Sikap kami jelas.”", "Dalam pertemuan itu ia bicara."]),
        ("Dr. Ali tiba di Jl. Sudirman pukul 9. Ia lalu pergi.", ["Dr. Ali tiba di Jl. Sudirman pukul 9.", "Ia lalu pergi."]),
        ("Ia bertanya, “Siapa?” Tidak ada yang menjawab.", ["Ia bertanya, “Siapa?”", "Tidak ada yang menjawab."]),
        ('He said "Never." Then he left.', ['He said "Never."', "Then he left."]),
        ("Bantuan 13,5 miliar dolar tiba (28/6). Covid-19 masih ada.", ["Bantuan 13,5 miliar dolar tiba (28/6).", "Covid-19 masih ada."]),
    ],
)
def test_sentence_boundaries(text, expected):
    assert Article.from_text(text).sentences["text"].tolist() == expected


def test_sentences_never_cross_paragraphs():
    article = Article.from_text("Satu kalimat tanpa titik\nDua kalimat. Tiga kalimat.")
    assert article.sentences["paragraph"].tolist() == [1, 2, 2]


def test_blank_lines_are_not_paragraphs():
    article = Article.from_text("\n\nPertama.\n\n   \nKedua.\n")
    assert article.paragraphs["text"].tolist() == ["Pertama.", "Kedua."]
    assert article.paragraphs["paragraph"].tolist() == [1, 2]


def test_language_detection_english():
    article = Article.from_text("The minister said that the coalition would meet in Rome on Monday.")
    assert article.language == "en"


# --- bad input: one clear line, never a traceback -------------------------------------

def test_missing_file(tmp_path):
    with pytest.raises(ArticleError, match="No file at"):
        load_article(tmp_path / "missing.txt")


def test_unknown_name_lists_the_articles():
    with pytest.raises(ArticleError, match="koalisi-isis-roma"):
        load_article("no-such-article")


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(ArticleError, match="is a folder"):
        load_article(tmp_path)


@pytest.mark.parametrize("content", ["", "   \n\n  \n", b""])
def test_empty_file(write_article, content):
    with pytest.raises(ArticleError, match="empty"):
        load_article(write_article(content))


def test_binary_file(write_article):
    path = write_article(b"PK\x03\x04\x00\x00binary docx")
    with pytest.raises(ArticleError, match="binary"):
        load_article(path)


def test_non_utf8_file(write_article):
    path = write_article("Menlu Italia berkata: café".encode("latin-1"))
    with pytest.raises(ArticleError, match="not UTF-8"):
        load_article(path)


def test_crlf_is_read_as_lf(write_article):
    path = write_article(b"Satu.\r\nDua. Tiga.\r\n")
    article = load_article(path)
    assert "\r" not in article.text
    assert article.paragraphs["text"].tolist() == ["Satu.", "Dua. Tiga."]
    assert len(article.sentences) == 3


def test_too_large_file(write_article, monkeypatch):
    import conflict_reading.article as article_module

    monkeypatch.setattr(article_module, "MAX_BYTES", 100)
    with pytest.raises(ArticleError, match="too large"):
        load_article(write_article("kata " * 50))


def test_a_one_megabyte_article_loads(write_article, article):
    big = "\n".join([article.text] * 220)  # ~1 MB
    loaded = load_article(write_article(big))
    assert len(loaded.text.encode("utf-8")) > 1_000_000
    assert len(loaded.paragraphs) == 25 * 220
    assert len(loaded.sentences) == 28 * 220


def test_errors_are_one_line_in_jupyter(tmp_path):
    with pytest.raises(ArticleError) as caught:
        read_article_text(tmp_path / "missing.txt")
    rendered = caught.value._render_traceback_()
    assert len(rendered) == 1 and "\n" not in rendered[0]
    assert "missing.txt" in rendered[0]


def test_bad_metadata_is_a_clear_error(write_article, tmp_path):
    path = write_article("Satu kalimat.")
    path.with_suffix(".toml").write_text("language = [unclosed", encoding="utf-8")
    with pytest.raises(ArticleError, match="not valid TOML"):
        load_article(path)
