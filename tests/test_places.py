"""The place-name engine: the seed article and the hard cases of the issue, by hand."""

import re

import pandas as pd
import pytest

from conflict_reading import Article
from conflict_reading.article import load_article
from conflict_reading.places import find_places

from .conftest import REPO


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


# --- Local places the gazetteer does not hold: invented names, expected values written by reading ---

def local(text, language="id"):
    table = find_places(Article.from_text(text, language=language))
    return [(row.text, row.name, row.kind, row.lat, row.lon) for row in table.itertuples()]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Warga Desa Wolobara mengungsi.", [("Wolobara", "Wolobara", "city")]),
        ("Pos itu di Kampung Yogimbe, dekat hutan.", [("Yogimbe", "Yogimbe", "city")]),
        ("Mereka berasal dari dusun Tanah Rata.", [("Tanah Rata", "Tanah Rata", "city")]),
        ("Kontak tembak terjadi di Distrik Sinakma.", [("Sinakma", "Sinakma", "region")]),
        ("Serangan di Kecamatan Wera Pesisir menewaskan dua orang.", [("Wera Pesisir", "Wera Pesisir", "region")]),
        ("Bantuan tiba di Kabupaten Lorinde kemarin.", [("Lorinde", "Lorinde", "region")]),
        ("Pertempuran pindah ke jalan-jalan kota Dalvar.", [("Dalvar", "Dalvar", "city")]),
        # a capitalised geographic word is part of the name, and the English name is made from it
        ("Warga mengungsi dari Lembah Korsa.", [("Lembah Korsa", "Korsa Valley", "region")]),
        ("Mereka menyeberangi Sungai Mebra.", [("Sungai Mebra", "Mebra River", "water")]),
        ("Kapal berlabuh di Teluk Wondama.", [("Teluk Wondama", "Wondama Bay", "water")]),
        ("Para pendaki turun dari Gunung Lawuri.", [("Gunung Lawuri", "Mount Lawuri", "other")]),
        ("Konvoi tertahan di pos pemeriksaan Batu Sirah.", [("Batu Sirah", "Batu Sirah", "other")]),
    ],
)
def test_a_cue_word_announces_a_local_place(text, expected):
    assert [row[:3] for row in local(text)] == expected
    assert all(row[3] is None and row[4] is None for row in local(text))  # lat/lon unknown, not invented


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Fighting reached the village of Kuntar overnight.", [("Kuntar", "Kuntar", "city")]),
        ("Rebels held the town of Old Marsh for a week.", [("Old Marsh", "Old Marsh", "city")]),
        ("Families waited on both banks of the Mirrel River.", [("Mirrel River", "Mirrel River", "water")]),
        ("Troops moved into Daraya province on Monday.", [("Daraya", "Daraya", "region")]),
        ("Officials in the capital, Castelmar, denied it.", [("Castelmar", "Castelmar", "city")]),
    ],
)
def test_english_cues(text, expected):
    assert [row[:3] for row in local(text, "en")] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kelompok Laskar Lembah Merapi mengaku bertanggung jawab.",  # a group's name, not a valley
        "Ia tinggal di Jalan Merdeka Barat.",  # a street is an address, not a place on the story's map
        "Truk itu sudah tiga kali Diperiksa.",  # "kali" (times) is not a river
        "Pasukan menyisir desa itu. Sungai meluap.",  # a cue with no name after it
        "The soldiers crossed the river and the village was empty.",
    ],
)
def test_no_local_place(text):
    assert local(text) == []


def test_the_name_stops_at_a_rank_a_weekday_a_title_or_punctuation():
    assert [row[0] for row in local("Kapolres Lorinde AKBP Yosef Taba tiba di Desa Wolobara Senin pagi.")] == [
        "Lorinde", "Wolobara"]
    assert [row[0] for row in local("Pengungsi dari Kampung Yogimbe, Distrik Sinakma, tiba.")] == [
        "Yogimbe", "Sinakma"]


def test_after_an_office_the_place_is_one_word():
    # "Kepala Desa Sukamaju Agus Salim": the village head's name follows the village with no comma
    assert [row[0] for row in local("Kepala Desa Sukamaju Agus Salim mengatakan warga aman.")] == ["Sukamaju"]


def test_a_known_name_after_a_cue_keeps_the_gazetteer_place():
    (row,) = local("Densus menggerebek rumah di Kota Palu.")
    assert row[:3] == ("Palu", "Palu", "city")
    assert abs(row[3] - (-0.9)) < 0.2 and abs(row[4] - 119.9) < 0.2  # the gazetteer's point, not None


def test_a_name_introduced_with_a_cue_is_found_again_alone():
    rows = local("Api membakar rumah di Desa Wolobara. Warga Wolobara mengungsi ke Distrik Sinakma. "
                 "Di Sinakma, bantuan menipis.")
    assert [row[:3] for row in rows] == [
        ("Wolobara", "Wolobara", "city"), ("Wolobara", "Wolobara", "city"),
        ("Sinakma", "Sinakma", "region"), ("Sinakma", "Sinakma", "region")]


def test_a_repeat_takes_the_known_place_of_an_administrative_name():
    # "Kabupaten Puncak" is in the gazetteer, bare "Puncak" (a peak) is not: once introduced, it is that regency
    rows = local("Pos di Kabupaten Puncak diserang. Kapolres Puncak membenarkan. Situasi Puncak kini aman.")
    assert [row[0] for row in rows] == ["Puncak", "Puncak", "Puncak"]
    assert len({row[1:] for row in rows}) == 1 and rows[0][3] is not None


def test_repeats_stay_inside_one_article_and_outside_longer_names():
    assert local("Warga Wolobara mengungsi.") == []  # never introduced in this article
    rows = local("Di Desa Wolobara, Front Wolobara Merdeka berkumpul.")
    assert [row[0] for row in rows] == ["Wolobara"]  # "Front Wolobara Merdeka" is a group


def test_an_unknown_dateline_and_its_country():
    text = "MIRREL BRIDGE, Ostmar (Practice Wire) — Talks in Ostmar's capital failed. Ostmar denied it."
    rows = local(text, "en")
    assert [row[:3] for row in rows] == [
        ("MIRREL BRIDGE", "Mirrel Bridge", "other"), ("Ostmar", "Ostmar", "country"),
        ("Ostmar", "Ostmar", "country"), ("Ostmar", "Ostmar", "country")]


def test_local_places_have_exact_offsets_in_text_order():
    text = "Warga Lembah Korsa dan Desa Wolobara mengungsi ke the town of Kuntar. Wolobara sepi."
    table = find_places(Article.from_text(text))
    assert table["start"].tolist() == sorted(table["start"])
    for row in table.itertuples():
        assert text[row.start:row.end] == row.text
    assert len(table) == 4


def test_names_of_other_things_and_people_are_not_places_and_a_region_word_names_the_region():
    text = ("Vladimir Putin spoke of the Vienna Convention on Radio New Zealand. Troops entered the Kursk region, "
            "and the EU protested. We met Mansir Hassan in Sumy on Monday.")
    table = find_places(Article.from_text(text))
    assert table[["text", "kind"]].values.tolist() == [["Kursk", "region"], ["Sumy", "city"]]


def test_a_place_a_cue_announces_gets_the_gazetteers_point():
    table = find_places(Article.from_text("Warga di Kabupaten Jayawijaya berjaga."))
    row = table.iloc[0]
    assert row["text"] == "Jayawijaya" and row["kind"] == "region"
    assert -5.0 < row["lat"] < -3.0 and 137.5 < row["lon"] < 140.0  # Wamena, Papua Pegunungan


def test_a_city_name_stands_for_its_region_once_the_article_names_the_region():
    text = ("Troops pushed into the Poltava region. Fighting in Poltava went on. The Poltava regional governor spoke. "
            "Kyiv's forces held, and the Kyiv region was calm; in Kyiv, sirens sounded.")
    table = find_places(Article.from_text(text))
    assert table[["text", "name"]].values.tolist() == [
        ["Poltava", "Poltava Oblast"], ["Poltava", "Poltava Oblast"], ["Poltava", "Poltava Oblast"],
        ["Kyiv", "Kyiv"], ["Kyiv", "Kyiv Oblast"], ["Kyiv", "Kyiv"]]  # a capital stays the city it is


def test_languages_outlets_bare_compass_words_and_speed_units_are_no_places():
    text = ("Ia berbicara dalam bahasa Perancis kepada The Times of Israel. Demonstran di Provinsi Timur ditahan. "
            "Rudal itu melaju Mach 5. TNI hadir di tanah Papua.")
    table = find_places(Article.from_text(text))
    assert table[["text", "name"]].values.tolist() == [["Papua", "Papua"]]  # "tanah Papua": the shorter name


def test_the_cue_after_a_name_is_found_where_its_plain_pattern_finds_it():
    # the pattern looks behind after its first letter (speed, issue 14): the same matches as its plain form
    from conflict_reading.places import _trie_pattern, place_cues

    cues = place_cues()
    written = {form for word in cues["after_by_word"] for form in (word, word[:1].upper() + word[1:], word.title(),
                                                                     word.upper())}
    plain = re.compile(r"(?<=[ \t])(" + _trie_pattern(written) + r")\b")
    texts = [load_article(path).text for path in sorted((REPO / "data").rglob("*.txt"))]
    texts.append("Bolo River\tRiver x River  river\nRiver RIVER Rivers .River")
    for text in texts:
        assert [m.span(1) for m in cues["after_pattern"].finditer(text)] == [m.span(1) for m in plain.finditer(text)]
    assert cues["after_pattern"].search(texts[-1])


def _row(text, name):
    table = find_places(Article.from_text(text))
    found = table[table["text"] == name]
    assert not found.empty, (name, table[["text", "name"]].to_dict("records"))
    return found.iloc[0]


def test_a_town_a_cue_word_announces_gets_its_point_from_the_local_table_near_the_story():
    # "Mulia" is an ordinary word ("noble"), left out of the main table; after "Distrik" it is the Papuan town
    row = _row("Warga Distrik Mulia di Kabupaten Puncak Jaya mengungsi ke Wamena.", "Mulia")
    assert (round(row["lat"], 1), round(row["lon"], 1)) == (-3.7, 138.0)
    # near Jakarta there is no Mulia in the table: no point, rather than a wrong one
    far = _row("Warga Desa Mulia di Jakarta Selatan mengungsi ke Bekasi.", "Mulia")
    assert pd.isna(far["lat"])


def test_an_island_of_the_local_table_is_read_only_after_its_own_cue():
    island = _row("Nelayan dari Pulau Kangean tiba di Sumenep.", "Kangean")
    assert island["name"] == "Kangean Island" and round(island["lat"], 1) == -6.9
    village = _row("Warga Desa Kangean tiba di Sumenep.", "Kangean")
    assert pd.isna(village["lat"])


def test_a_town_listed_with_states_stands_for_its_state():
    row = _row("Crowds marched in Kaduna and Zamfara on Monday.", "Kaduna")
    assert row["name"] == "Kaduna State" and row["kind"] == "region"
    alone = _row("Crowds marched in Kaduna on Monday.", "Kaduna")
    assert alone["name"] == "Kaduna" and alone["kind"] == "city"


def test_a_province_named_by_its_direction_is_the_one_of_the_country_the_article_names():
    saudi = _row("Seorang warga Arab Saudi ditahan di Provinsi Timur pekan lalu.", "Provinsi Timur")
    assert saudi["name"] == "Eastern Province" and round(saudi["lat"]) == 27  # Saudi Arabia's, on the Gulf
    lanka = _row("Banjir melanda Sri Lanka. Ribuan warga di Provinsi Timur mengungsi.", "Provinsi Timur")
    assert lanka["name"] == "Eastern Province" and round(lanka["lat"]) == 8  # Sri Lanka's
    table = find_places(Article.from_text("Warga di Provinsi Timur mengungsi."))  # no country: no guess
    assert "Eastern Province" not in set(table["name"])


# --- Indonesia's districts and villages, and the world's small towns (gazetteer/*.csv.gz) ------------------

def _point(text, name, language="id"):
    table = find_places(Article.from_text(text, language=language))
    found = table[table["text"] == name]
    return None if found.empty else (found.iloc[0]["name"], found.iloc[0]["lat"], found.iloc[0]["lon"])


def test_a_district_or_village_a_cue_announces_gets_the_point_of_the_one_in_the_regency_named():
    name, lat, lon = _point("Tawuran terjadi di Kecamatan Tallo, Kota Makassar.", "Tallo")
    assert (name, round(lat, 1), round(lon, 1)) == ("Tallo", -5.1, 119.4)  # Makassar's district
    name, lat, lon = _point("Banjir merendam Desa Selamat di Kabupaten Deli Serdang.", "Selamat")
    assert (round(lat, 1), round(lon, 1)) == (3.4, 98.7)  # of four villages called Selamat, Deli Serdang's
    name, lat, lon = _point("Longsor melanda Distrik Dal, Kabupaten Nduga.", "Dal")
    assert (round(lat, 1), round(lon, 1)) == (-4.2, 138.4)


def test_a_village_name_the_article_does_not_pin_down_gets_no_point():
    _, lat, _ = _point("Warga Desa Selamat diserang.", "Selamat")  # four in Indonesia, nothing says which
    assert pd.isna(lat)
    _, lat, _ = _point("Warga Desa Sukamaju, Kabupaten Bogor, mengungsi.", "Sukamaju")  # four in that regency
    assert pd.isna(lat)
    _, lat, _ = _point("Warga Desa Sukamaju, Kecamatan Jonggol, Kabupaten Bogor, mengungsi.", "Sukamaju")
    assert round(lat, 1) == -6.4  # the district says which: Jonggol's Sukamaju


def test_an_address_gives_its_ward_and_district_where_the_regency_has_them():
    text = "Pasar Kebon Kacang, Tanah Abang, Jakarta Pusat, ramai. Polisi menjaga Kebon Kacang."
    table = find_places(Article.from_text(text))
    rows = table[["text", "name", "role"]].values.tolist()
    assert rows[:3] == [["Kebon Kacang", "Kebon Kacang", "event"], ["Tanah Abang", "Tanah Abang", "event"],
                        ["Jakarta Pusat", "Central Jakarta", "event"]]
    assert rows[3][:2] == ["Kebon Kacang", "Kebon Kacang"]  # the later mention, same place
    assert all(-6.3 < lat < -6.1 for lat in table["lat"])
    assert _point("Unjuk rasa di Kramatjati, Jakarta Timur, bubar.", "Kramatjati")[0] == "Kramatjati"
    # a name before a city that is not one of its districts or wards is not a place: "Budi" is a person
    assert places("Kata Budi, Jakarta Pusat, kepada wartawan.") == [("Jakarta Pusat", "Central Jakarta", "city")]
    # a real district of another city is not taken as this one's
    assert _point("Kata Tallo, Jakarta Pusat, kepada wartawan.", "Tallo") is None


def test_a_small_town_after_di_or_in_is_found_only_near_the_places_the_article_names():
    name, lat, lon = _point("Paus berdoa di Castel Gandolfo, dekat Roma.", "Castel Gandolfo")
    assert (name, round(lat), round(lon)) == ("Castel Gandolfo", 42, 13)
    assert _point("Presiden berdoa di Castel Gandolfo bersama warga Jakarta.", "Castel Gandolfo") is None
    name, lat, _ = _point("Fighting was reported in Sudzha, in the Kursk region.", "Sudzha", "en")
    assert (name, round(lat)) == ("Sudzha", 51)
    # Congress, Arizona is a town of 1,975 people, 3,000 km from Washington: "in Congress" is not it
    assert _point("The bill passed in Congress, officials in Washington said.", "Congress", "en") is None
    assert _point("Paus berdoa di Castel Gandolfo.", "Castel Gandolfo") is None  # no place to be near


def test_the_locative_pattern_matches_what_its_plain_form_matches():
    from conflict_reading.places import place_cues

    cues = place_cues()
    words = "|".join(re.escape(form) for word in cues["locatives"]
                     for form in (word, word[:1].upper() + word[1:], word.upper()))
    plain = re.compile(r"(?<![\w-])(?:" + words + r")[ \t]+(?=[A-Z\u00C0-\u00DE])")
    texts = [load_article(path).text for path in sorted((REPO / "data").rglob("*.txt"))]
    texts.append("di Roma, Di Roma, DI ROMA, adi Roma, di-Roma, in Sudzha, within Sudzha, near\tÉvry, at London")
    for text in texts:
        assert [m.end() for m in cues["locative_pattern"].finditer(text)] == [m.end() for m in plain.finditer(text)]
    assert len(list(cues["locative_pattern"].finditer(texts[-1]))) == 6


def test_gulf_is_the_persian_gulf_only_in_its_company():
    assert places("Oman, a Gulf Arab state, is calm. Gulf states met. Tensions in the Gulf rose.", "en") == [
        ("Oman", "Oman", "country"), ("Gulf", "Persian Gulf", "water"), ("Gulf", "Persian Gulf", "water"),
        ("Gulf", "Persian Gulf", "water")]
    # not the Gulf Coast, not "a gulf", not "the Gulf of ..." (a gulf the gazetteer lacks stays unnamed)
    assert places("The storm hit the Gulf Coast; a gulf opened between them; the Gulf of Thailand.", "en") == [
        ("Thailand", "Thailand", "country")]


def test_text_whose_spaces_were_lost_in_copying_still_gives_its_places():
    assert places("The relations betweenRussia andNorth Korea grew after the invasionof Ukraine.The war", "en") == [
        ("Russia", "Russia", "country"), ("North Korea", "North Korea", "country"), ("Ukraine", "Ukraine", "country")]
    # abbreviations stay one word, and a word that merely begins like "di" or "and" is not split
    assert places("The U.S. and U.K. met diJakarta; Andalas and Indonesia too.", "en") == [
        ("U.S.", "United States", "country"), ("U.K.", "United Kingdom", "country"), ("Jakarta", "Jakarta", "city"),
        ("Indonesia", "Indonesia", "country")]


def test_later_mentions_of_many_introduced_names_are_all_found_longest_first():
    names = [f"Lor{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(300)]
    text = " ".join(f"Warga Desa {name} mengungsi." for name in names) + "\n" + \
        " ".join(f"Di {name} sepi." for name in reversed(names)) + " Desa Mirah Jaya dan Mirah Jaya lagi, Mirah."
    table = find_places(Article.from_text(text))
    later = table[table["start"] > text.index("\n")]
    assert later["text"].tolist() == list(reversed(names)) + ["Mirah Jaya", "Mirah Jaya"]  # not "Mirah" alone
