"""The data a learner reads beside the article: metadata, translation, glossary."""

import csv
import re
import tomllib

import pytest

from conflict_reading.paths import data_dir

GLOSSARY_CATEGORIES = {"reporting-verb", "conflict", "number", "time", "place", "title", "function-word", "other"}


@pytest.fixture(scope="module")
def metadata():
    with open(data_dir() / "articles" / "koalisi-isis-roma.toml", "rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="module")
def glossary():
    with open(data_dir() / "glossary.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_shipped_article_has_metadata():
    for text in (data_dir() / "articles").glob("*.txt"):
        meta = text.with_suffix(".toml")
        assert meta.exists(), f"{text.name} has no metadata file {meta.name}"
        with open(meta, "rb") as handle:
            assert tomllib.load(handle).get("language") in ("id", "en")


def test_metadata_of_the_seed_article(metadata):
    assert metadata["language"] == "id"
    assert str(metadata["event_date"]) == "2021-06-28"
    assert "seed article" in metadata["source"]


def test_every_listed_typo_is_really_in_its_paragraph(metadata, article):
    assert len(metadata["typos"]) >= 6
    for typo in metadata["typos"]:
        paragraph = article.paragraph(typo["paragraph"])
        assert re.search(rf"\b{re.escape(typo['text'])}\b", paragraph), typo
        assert typo["correct"] != typo["text"]


def test_translation_has_one_line_per_paragraph(article, metadata):
    path = (data_dir() / "articles" / metadata["translation"]).resolve()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(article.paragraphs)
    assert all(line.strip() for line in lines)


def test_translation_keeps_the_quotation_marks_where_the_article_has_them(article, metadata):
    path = (data_dir() / "articles" / metadata["translation"]).resolve()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        original = article.paragraph(number)
        for mark in "“”":
            assert line.count(mark) == original.count(mark), f"paragraph {number}, mark {mark}"


def test_glossary_is_well_formed(glossary):
    assert len(glossary) >= 100
    terms = [row["term"].lower() for row in glossary]
    assert len(terms) == len(set(terms)), "a term is listed twice"
    for row in glossary:
        assert row["term"].strip() and row["gloss"].strip(), row
        assert row["category"] in GLOSSARY_CATEGORIES, row


@pytest.mark.parametrize(
    "term", ["mengatakan", "ungkap", "tegas", "menyerukan", "mengumumkan", "serangan", "milisi", "juta", "miliar", "Suriah"]
)
def test_glossary_glosses_the_words_the_lessons_use(glossary, term):
    assert term.lower() in {row["term"].lower() for row in glossary}
