"""The place-name engine: the seed article and the hard cases of the issue, by hand."""

import pytest

from conflict_reading import Article
from conflict_reading.places import find_places


def places(text, language="id"):
    table = find_places(Article.from_text(text, language=language))
    return [tuple(row) for row in table[["text", "name", "kind"]].itertuples(index=False)]


def test_seed_article_has_50_place_mentions(article):
    table = find_places(article)
    assert len(table) == 50
    counts = table["name"].value_counts()
    assert counts.index[:3].tolist() == ["Syria", "Iraq", "United States"]
    assert set(table["name"]) == {
        "United States", "Afghanistan", "Iran", "Iraq", "Syria", "Rome", "Italy", "Africa",
        "Sahel", "Mozambique", "Horn of Africa",
    }
    for row in table.itertuples():
        assert article.text[row.start:row.end] == row.text


def test_iran_is_only_a_sponsor_in_the_seed(article):
    table = find_places(article)
    assert set(table[table["name"] == "Iran"]["role"]) == {"actor"}
    assert set(table[table["name"] == "Italy"]["role"]) == {"title"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pasukan tiba di Tanduk Afrika.", [("Tanduk Afrika", "Horn of Africa", "region")]),
        ("Delegasi Amerika Serikat datang.", [("Amerika Serikat", "United States", "country")]),
        ("Kapal melintasi Laut Merah.", [("Laut Merah", "Red Sea", "water")]),
        ("Bentrokan di perbatasan Irak-Suriah.", [("Irak", "Iraq", "country"), ("Suriah", "Syria", "country")]),
        ("ROMA (AP) - Para menteri bertemu.", [("ROMA", "Rome", "city")]),
        ("Pemerintah Lebanon membantah.", [("Lebanon", "Lebanon", "country")]),
        ("Serangan AS menewaskan dua orang.", [("AS", "United States", "country")]),
        ("Mereka kembali dari Afghanistan dan Afganistan.",
         [("Afghanistan", "Afghanistan", "country"), ("Afganistan", "Afghanistan", "country")]),
    ],
)
def test_indonesian_forms(text, expected):
    assert places(text) == expected


def test_english_word_as_is_not_the_united_states():
    assert places("It was as bad as before in Syria.", "en") == [("Syria", "Syria", "country")]


def test_roles():
    table = find_places(Article.from_text(
        "Menteri Luar Negeri Italia tiba di Roma. Amerika melancarkan serangan terhadap milisi yang didukung Iran."))
    assert table[["text", "role"]].values.tolist() == [
        ["Italia", "title"], ["Roma", "event"], ["Amerika", "actor"], ["Iran", "actor"]]


def test_coordinates_are_representative_points():
    table = find_places(Article.from_text("Pertemuan di Roma membahas Suriah."))
    rome, syria = table.to_dict("records")
    assert abs(rome["lat"] - 41.9) < 0.3 and abs(rome["lon"] - 12.5) < 0.3
    assert abs(syria["lat"] - 35) < 3 and abs(syria["lon"] - 38) < 3
