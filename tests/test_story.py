"""Lesson 05's reading of the whole story: every expectation below was read off the text,
not produced by running the code (paragraph numbers are the article's lines)."""

import csv
import tomllib
from datetime import date

import nbformat
import pandas as pd
import pytest

from conflict_reading import Article
from conflict_reading.lexicons import LEXICON_DIR
from conflict_reading.paths import data_dir
from conflict_reading.story import (
    attributed_or_asserted, checklist, loaded_words, reading, references, story_table, timeline, unsourced_numbers,
)

from .conftest import REPO


@pytest.fixture(scope="module")
def seed():
    from conflict_reading import load_article

    article = load_article("koalisi-isis-roma")
    return article, reading(article)


def _row(table, **where):
    rows = table
    for column, value in where.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, f"{len(rows)} rows match {where}"
    return rows.iloc[0]


# --- the seed article --------------------------------------------------------------------------

def test_reading_uses_the_hand_annotation_of_the_seed(seed):
    _, found = seed
    assert all("hand annotation" in source for source in found.sources.values())
    assert len(found.quotes) == 7 and len(found.places) == 50


def test_story_table_of_the_seed(seed):
    article, found = seed
    story = story_table(article, found.quotes, found.numbers, found.places)
    assert len(story) == 28  # one row per sentence
    members = _row(story, paragraph=5)  # "Koalisi ini beranggotakan 77 negara dan lima organisasi internasional."
    assert (members["voice"], members["attribution"], members["numbers"]) == ("reporter", "asserted", "77, lima")
    defeat = _row(story, paragraph=8)  # inside Di Maio's quotation of ¶8–11
    assert (defeat["voice"], defeat["attribution"], defeat["numbers"]) == ("Luigi Di Maio", "quoted", "Maret 2019")
    partial = _row(story, paragraph=7)  # "Menlu Italia Di Maio mengatakan … “berbagai intervensi,” …"
    assert (partial["voice"], partial["attribution"], partial["source"]) == ("reporter", "reported", "Luigi Di Maio")
    threat = _row(story, paragraph=6)  # the reporter's own claim of a threat
    assert (threat["attribution"], threat["places"]) == ("asserted", "Iraq, Syria, Africa")
    call = _row(story, paragraph=24)  # "Blinken menyerukan koalisi global …": indirect speech, no marks
    assert (call["attribution"], call["source"]) == ("reported", "Antony Blinken")
    pledge = story[(story["paragraph"] == 21) & story["text"].str.startswith("Dalam pertemuan")].iloc[0]
    assert (pledge["voice"], pledge["attribution"], pledge["source"]) == ("reporter", "reported", "Antony Blinken")
    assert pledge["numbers"] == "436 juta dolar"
    assert set(story["voice"]) == {"reporter", "Luigi Di Maio", "Antony Blinken"}


def test_timeline_of_the_seed(seed):
    article, found = seed
    events = timeline(article, found.numbers, found.quotes)
    last_night = _row(events, expression="tadi malam")
    assert (last_night["date"], last_night["voice"], last_night["paragraph"]) == ("2021-06-27", "Antony Blinken", 14)
    founded = _row(events, expression="berusia tujuh tahun")
    assert (founded["date"], founded["precision"]) == ("2014", "year")
    defeat = _row(events, expression="Maret 2019")
    assert (defeat["date"], defeat["voice"], defeat["kind"]) == ("2019-03", "Luigi Di Maio", "absolute")
    assert _row(events, expression="28/6")["date"] == "2021-06-28"
    assert _row(events, expression="sehari setelah")["date"] == "2021-06-27"  # ¶12: the strikes, a day before
    assert _row(events, expression="satu hari setelah")["paragraph"] == 2   # ¶2: "berselang satu hari setelah"
    assert _row(events, expression="baru-baru ini")["precision"] == "undated"
    assert events["date"].iloc[0] == "2014"  # earliest first
    assert events["when"].isna().iloc[-1]     # undated last


def test_loaded_words_of_the_seed_tell_the_sides_apart(seed):
    article, found = seed
    words = loaded_words(article, quotes=found.quotes, places=found.places)
    terror = words[words["term"] == "kelompok teror"]
    assert terror["paragraph"].tolist() == [1, 3]
    assert terror["refers_to"].tolist() == ["ISIS", "ISIS"]  # "kelompok teror itu" after ISIS; "kelompok teror ISIS"
    assert set(terror["voice"]) == {"reporter"}
    assert _row(words, term="kelompok ekstremis")["refers_to"] == "ISIS"
    militia = words[words["term"].isin(["milisi", "kelompok milisi"])]
    assert militia["paragraph"].tolist() == [2, 12, 14, 17]
    assert militia["voice"].tolist() == ["reporter", "reporter", "Antony Blinken", "Antony Blinken"]
    assert all(right.startswith("yang didukung Iran") for right in militia["right"])
    assert _row(words, term="tindakan militer")["tone"] == "softening"  # ¶20
    assert (words["term"] == "serangan udara").sum() == 3               # ¶2, ¶12, ¶14


def test_claims_of_the_seed_attributed_or_asserted(seed):
    article, found = seed
    claims = attributed_or_asserted(article, found.quotes, found.numbers, found.places)
    threat = _row(claims, paragraph=6)
    assert threat["attribution"] == "asserted" and "ancaman" in threat["claims"]
    assert _row(claims, paragraph=9)["attribution"] == "quoted"  # the same threat, in Di Maio's words
    assert "lonjakan" in _row(claims, paragraph=23, attribution="reported")["claims"]
    assert 18 not in claims["paragraph"].tolist()  # "Sikap kami sangat jelas.": no number, no loaded word


def test_unsourced_numbers_of_the_seed(seed):
    article, found = seed
    bare = unsourced_numbers(article, found.numbers, found.quotes)
    assert {"77", "lima", "Tiga", "sejumlah"} <= set(bare["text"])
    assert "436 juta dolar" not in set(bare["text"])  # Blinken announced it (¶21) and said it (¶23)
    assert not set(bare["paragraph"]) & {8, 15, 23}    # inside quotations
    two = _row(bare, paragraph=13, text="dua")         # "dua di Suriah": Blinken says "dua lokasi" in ¶15
    assert "Antony Blinken" in two["also_said_by"]


# --- invented texts --------------------------------------------------------------------------

INDONESIAN = (
    "Polisi menangkap tiga teroris kemarin.\n"
    "Kapolda Budi Santoso mengatakan, “Kelompok itu menyimpan 12 bom.”\n"
    "Menurut Budi, jaringan itu berusia lima tahun dan kelompok-kelompok bersenjata lain masih aktif."
)


def test_invented_indonesian_story():
    article = Article.from_text(INDONESIAN, language="id")
    story = story_table(article)
    assert story["attribution"].tolist() == ["asserted", "quoted", "reported"]
    assert story["voice"].tolist() == ["reporter", "Budi Santoso", "reporter"]
    assert story.loc[0, "numbers"] == "tiga" and story.loc[1, "numbers"] == "12"
    assert story.loc[2, "source"] in ("Budi", "Budi Santoso")

    events = timeline(article, reference=date(2025, 3, 12))
    assert events[["expression", "date"]].values.tolist() == [["berusia lima tahun", "2020"], ["kemarin", "2025-03-11"]]

    words = loaded_words(article)
    assert _row(words, term="teroris")["tone"] == "loaded"
    doubled = _row(words, term="kelompok bersenjata")  # the plural by doubling, "kelompok-kelompok"
    assert doubled["match"] == "kelompok-kelompok bersenjata" and doubled["tone"] == "neutral"

    bare = unsourced_numbers(article)
    assert bare["text"].tolist() == ["tiga"]  # 12 is quoted


def test_invented_english_story():
    text = ('Gunmen attacked a convoy last night, killing 12 people.\n'
            '"We saw the militants," a witness said.\n'
            'The 10-year-old rebel group denied it.')
    article = Article.from_text(text, language="en")
    events = timeline(article, reference=date(2025, 12, 16))
    assert events[["date", "expression"]].values.tolist() == [["2015", "10-year-old"], ["2025-12-15", "last night"]]
    words = loaded_words(article)
    assert words["term"].tolist() == ["gunmen", "militants", "rebel"]
    assert words["voice"].tolist() == ["reporter", "a witness", "reporter"]
    assert words["tone"].tolist() == ["neutral", "loaded", "loaded"]
    assert story_table(article)["attribution"].tolist() == ["asserted", "quoted", "asserted"]


def test_a_label_after_that_points_back_to_the_name_before():
    article = Article.from_text("ISIS menyerang kota itu. Kelompok teror itu kemudian mundur.", language="id")
    assert _row(loaded_words(article), term="kelompok teror")["refers_to"] == "ISIS"


def test_relative_words_without_an_article_date_are_listed_but_not_dated():
    events = timeline(Article.from_text("Bom meledak kemarin di pasar.", language="id"))
    row = _row(events, expression="kemarin")
    assert row["date"] is None and pd.isna(row["when"])
    assert "no date" in row["how"]


def test_a_year_less_date_takes_the_reference_year():
    events = timeline(Article.from_text("Pertemuan digelar Senin (28/6) di Roma.", language="id"),
                      reference=date(2021, 6, 30))
    assert _row(events, expression="28/6")["date"] == "2021-06-28"


def test_words_of_your_own_are_found_without_a_gloss():
    article = Article.from_text("Polisi menemukan bom. Bom itu dijinakkan.", language="id")
    words = loaded_words(article, terms=["bom"])
    assert words["match"].tolist() == ["bom", "Bom"]
    assert set(words["gloss"]) == {""}


def test_an_article_with_nothing_to_find_gives_empty_tables():
    article = Article.from_text("Cuaca cerah hari Sabtu.", language="id")
    assert attributed_or_asserted(article).empty
    assert unsourced_numbers(article).empty
    assert loaded_words(article).empty


# --- data files ------------------------------------------------------------------------------

def test_lexicons_are_well_formed():
    with open(LEXICON_DIR / "loaded-terms.csv", encoding="utf-8", newline="") as handle:
        terms = list(csv.DictReader(handle))
    assert len({(t["term"].lower(), t["language"]) for t in terms}) == len(terms), "a term is listed twice"
    assert {t["tone"] for t in terms} == {"loaded", "neutral", "softening"}
    assert {t["category"] for t in terms} <= {"label", "actor", "violence", "threat", "outcome"}
    assert all(t["gloss"] and t["language"] in ("id", "en") for t in terms)
    with open(LEXICON_DIR / "time-expressions.csv", encoding="utf-8", newline="") as handle:
        times = list(csv.DictReader(handle))
    for row in times:
        if row["precision"] == "undated":
            assert not row["unit"] and not row["offset"], row
        else:
            assert row["unit"] in ("day", "week", "month", "year") and int(row["offset"]) in (-1, 0, 1), row


def test_checklist_cites_only_listed_works_and_the_notebook_lists_them():
    with open(data_dir() / "checklist.toml", "rb") as handle:
        data = tomllib.load(handle)
    keys = set(data["references"])
    assert keys == {"galtung1998", "lynch-mcgoldrick2005", "howard2003", "entman1993"}
    for item in data["item"]:
        assert item["question"].endswith("?") and item["sources"] and set(item["sources"]) <= keys, item["id"]
    table = checklist()
    assert table.loc[table["id"] == "frame", "sources"].iloc[0] == "Entman 1993"
    assert "Lynch & McGoldrick 2005" in table.loc[table["id"] == "labels", "sources"].iloc[0]
    notebook = nbformat.read(REPO / "notebooks" / "05-reading-the-whole-story.ipynb", as_version=4)
    reference_cell = next(c.source for c in notebook.cells if "## References" in c.source)
    for citation in references():
        author, year = citation.split(",")[0], citation.split("(")[1][:4]
        assert f"{author}" in reference_cell and f"({year})" in reference_cell, citation
