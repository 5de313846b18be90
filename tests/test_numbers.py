"""The numbers engine: the seed article by hand, and every hard case of the issue."""

import pytest

from conflict_reading import Article
from conflict_reading.numbers import find_numbers


def found(text, language="id"):
    table = find_numbers(Article.from_text(text, language=language))
    return [tuple(row) for row in table[["text", "value", "unit", "kind"]].itertuples(index=False)]


# Written by hand from the article and teaching-points.md (value, unit, kind).
SEED = [
    ("sejumlah", None, "pejabat", "vague"),
    ("satu hari", 1, "hari", "duration"),
    ("28/6", "2021-06-28", None, "date"),
    ("tujuh tahun", 7, "tahun", "duration"),
    ("77", 77, "negara", "count"),
    ("lima", 5, "organisasi", "count"),
    ("Maret 2019", "2019-03", None, "date"),
    ("pertama", 1, "sessi", "ordinal"),
    ("sehari", 1, "hari", "duration"),
    ("Tiga", 3, "fasilitas", "count"),
    ("dua", 2, None, "count"),
    ("satu", 1, None, "count"),
    ("dua", 2, "lokasi", "count"),
    ("satu", 1, None, "count"),
    ("Keduanya", 2, None, "count"),
    ("kedua", 2, "negara", "count"),
    ("Beberapa", None, "kelompok", "vague"),
    ("436 juta dolar", 436_000_000, "USD", "money"),
    ("kedua", 2, "pertemuan", "ordinal"),
    ("jutaan", None, "warga", "vague"),
    ("436 juta dolar", 436_000_000, "USD", "money"),
    ("13,5 miliar dolar", 13_500_000_000, "USD", "money"),
]


def test_seed_article_every_quantity(article):
    table = find_numbers(article)
    assert [tuple(r) for r in table[["text", "value", "unit", "kind"]].itertuples(index=False)] == SEED
    for row in table.itertuples():
        assert article.text[row.start:row.end] == row.text
    assert "Covid-19" not in table["text"].tolist()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bantuan 13,5 miliar dolar.", ("13,5 miliar dolar", 13_500_000_000, "USD", "money")),
        ("Sebanyak 250.000 warga.", ("250.000", 250_000, "warga", "count")),
        ("Dana 436.000.000 rupiah.", ("436.000.000 rupiah", 436_000_000, "IDR", "money")),
        ("Anggaran Rp 1,2 triliun.", ("Rp 1,2 triliun", 1_200_000_000_000, "IDR", "money")),
        ("Bantuan US$ 436 juta.", ("US$ 436 juta", 436_000_000, "USD", "money")),
        ("Bantuan 5 juta dolar AS.", ("5 juta dolar AS", 5_000_000, "USD", "money")),
        ("Dana 20 juta euro.", ("20 juta euro", 20_000_000, "EUR", "money")),
        ("Naik 3,2 persen.", ("3,2 persen", 3.2, None, "percent")),
        ("Naik 3,2%.", ("3,2%", 3.2, None, "percent")),
        ("Ada sebelas korban.", ("sebelas", 11, "korban", "count")),
        ("Dua puluh lima orang tewas.", ("Dua puluh lima", 25, "orang", "count")),
        ("Sebanyak dua ratus lima puluh relawan.", ("dua ratus lima puluh", 250, "relawan", "count")),
        ("Ada seribu tentara.", ("seribu", 1000, "tentara", "count")),
        ("Ia anggota kelompok ke-35.", ("ke-35", 35, "kelompok", "ordinal")),
        ("Rapat digelar (14/3/2024).", ("14/3/2024", "2024-03-14", None, "date")),
        ("Kalah pada Maret 2019.", ("Maret 2019", "2019-03", None, "date")),
        ("Didirikan pada 2014.", ("2014", "2014", None, "date")),
        ("Bentrokan 10-12 Mei.", ("10-12 Mei", "--05-10", None, "date")),
        ("Bentrokan 10--12 Mei.", ("10--12 Mei", "--05-10", None, "date")),
        ("Mereka ditahan 40 hari.", ("40 hari", 40, "hari", "duration")),
        ("Puluhan rumah terbakar.", ("Puluhan", None, "rumah", "vague")),
        ("Ratusan warga mengungsi.", ("Ratusan", None, "warga", "vague")),
    ],
)
def test_indonesian_forms(text, expected):
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Vaksin Covid-19 tiba.", "Jet F-16 terbang.", "KTT G20 dibuka.", "Sesuai Resolusi 2254 PBB.",
        "Anggota Densus 88 datang.", "Diatur dalam UU Nomor 5 Tahun 2018.", "Ia salah satu korban.",
        "Itu satu-satunya jalan.", "Di satu sisi, mereka setuju.",
    ],
)
def test_names_codes_and_idioms_are_not_numbers(text):
    assert found(text) == []


def test_date_year_from_the_article_date():
    article = Article(name="x", text="Pertemuan hari Senin (28/6).", language="id",
                      metadata={"event_date": __import__("datetime").date(2021, 6, 29)})
    assert find_numbers(article)["value"].tolist() == ["2021-06-28"]


def test_english_forms():
    text = "The U.S. pledged $13.5 billion, or 3.2 percent more, on June 28 at the second meeting. Dozens of people died."
    assert found(text, "en") == [
        ("$13.5 billion", 13_500_000_000, "USD", "money"),
        ("3.2 percent", 3.2, None, "percent"),
        ("June 28", "--06-28", None, "date"),
        ("second", 2, "meeting", "ordinal"),
        ("Dozens", None, "people", "vague"),
    ]
