"""The kit's offline place-name data: conflict_reading/gazetteer/.

places.csv and world-110m.json are built by scripts/build_gazetteer.py (see the gazetteer's
README.md); these tests read the shipped files only, so they need no network and no build tools.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "conflict_reading" / "gazetteer"
PLACES = GAZ / "places.csv"
WORLD = GAZ / "world-110m.json"
EXTRA = ROOT / "scripts" / "gazetteer_extra.csv"

KINDS = {"country", "city", "region", "continent", "water", "other"}
COLUMNS = ["form", "name", "kind", "lat", "lon", "iso", "language", "source", "notes"]


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    with PLACES.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == COLUMNS
        return list(reader)


@pytest.fixture(scope="module")
def by_form(rows) -> dict[str, dict]:
    return {r["form"]: r for r in rows}


@pytest.fixture(scope="module")
def world() -> dict:
    return json.loads(WORLD.read_text(encoding="utf-8"))


# ---- the whole file --------------------------------------------------------------------------

def test_files_are_small():
    # about 3.0 MB with every GeoNames town of 15,000+ (50,000+ far from the kit's news) and every
    # admin-1 division; a bound, so that a change of threshold that doubles it is noticed
    assert PLACES.stat().st_size < 3_500_000
    assert WORLD.stat().st_size < 600_000


def test_forms_are_unique_and_clean(rows):
    forms = [r["form"] for r in rows]
    assert len(forms) == len(set(forms)), sorted({f for f in forms if forms.count(f) > 1})
    for f in forms:
        assert f and f == f.strip() and "  " not in f, repr(f)


def test_kinds_languages_sources_are_valid(rows):
    for r in rows:
        assert r["kind"] in KINDS, r
        assert r["language"] in {"id", "en", "both"}, r
        assert r["source"] in {"cldr", "naturalearth", "geonames", "kit"}, r
        assert r["kind"] != "other" or r["name"] == "European Union", r
        assert r["name"], r


def test_every_row_has_a_point_in_range(rows):
    for r in rows:
        if r["lat"] == "" or r["lon"] == "":
            assert r["kind"] == "other" and r["lat"] == r["lon"] == "", r
            continue
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r


def test_iso_codes(rows):
    for r in rows:
        iso = r["iso"]
        assert iso == "" or (len(iso) == 2 and iso.isascii() and iso.isupper()), r
        if r["kind"] == "country":
            assert iso, r
        if r["kind"] in {"continent", "water", "other"}:
            assert iso == "", r


def test_one_english_name_per_country(rows):
    names: dict[str, set[str]] = {}
    for r in rows:
        if r["kind"] == "country":
            names.setdefault(r["iso"], set()).add(r["name"])
    assert len(names) >= 240
    assert {iso: n for iso, n in names.items() if len(n) > 1} == {}


def test_counts_by_kind(rows):
    kinds = {k: sum(r["kind"] == k for r in rows) for k in KINDS}
    assert kinds["country"] >= 400      # CLDR Indonesian + English names, variants
    assert kinds["city"] >= 20_000       # GeoNames towns of 15,000+ people (50,000+ far away)
    assert kinds["region"] >= 10_000     # GeoNames admin-1 of every country, Indonesia's kabupaten
    assert kinds["water"] >= 40
    assert kinds["continent"] >= 6


def test_hand_table_forms_are_all_in_the_built_file(by_form):
    """A form added to scripts/gazetteer_extra.csv shows up only after a rebuild."""
    with EXTRA.open(encoding="utf-8", newline="") as f:
        extra = [r for r in csv.DictReader(f) if r["form"] and not r["form"].startswith("#")]
    missing = [r["form"] for r in extra if r["form"] not in by_form]
    assert missing == [], "rebuild: python scripts/build_gazetteer.py (see gazetteer README)"
    wrong = [r["form"] for r in extra if by_form[r["form"]]["name"] != r["name"]]
    assert wrong == []


# ---- hand-written expectations --------------------------------------------------------------

def near(row, lat, lon, tol):
    return abs(float(row["lat"]) - lat) <= tol and abs(float(row["lon"]) - lon) <= tol


def test_suriah_is_syria(by_form):
    r = by_form["Suriah"]
    assert (r["name"], r["kind"], r["iso"], r["language"]) == ("Syria", "country", "SY", "id")
    assert near(r, 35, 38, 3)
    assert by_form["Syria"]["name"] == "Syria" and by_form["Syria"]["language"] == "en"


@pytest.mark.parametrize(
    "form, name, kind",
    [
        ("Irak", "Iraq", "country"),
        ("Iraq", "Iraq", "country"),
        ("Amerika", "United States", "country"),
        ("AS", "United States", "country"),
        ("Amerika Serikat", "United States", "country"),
        ("United States", "United States", "country"),
        ("Tanduk Afrika", "Horn of Africa", "region"),
        ("Horn of Africa", "Horn of Africa", "region"),
        ("Afghanistan", "Afghanistan", "country"),
        ("Afganistan", "Afghanistan", "country"),
        ("Sahel", "Sahel", "region"),
        ("Mozambik", "Mozambique", "country"),
        ("Laut Merah", "Red Sea", "water"),
        ("Selat Hormuz", "Strait of Hormuz", "water"),
        ("Timur Tengah", "Middle East", "region"),
        ("Middle East", "Middle East", "region"),
        ("Afrika", "Africa", "continent"),
        ("Italia", "Italy", "country"),
        ("Iran", "Iran", "country"),
        ("Jakarta", "Jakarta", "city"),
        ("Sulawesi Tengah", "Central Sulawesi", "region"),
        ("Sulteng", "Central Sulawesi", "region"),
        ("Jalur Gaza", "Gaza Strip", "region"),
        ("Tepi Barat", "West Bank", "region"),
        ("Kongo", "DR Congo", "country"),
        ("Georgia", "Georgia", "country"),
        ("Yordania", "Jordan", "country"),
        ("Jordan", "Jordan", "country"),
        ("Inggris", "United Kingdom", "country"),
        ("Tiongkok", "China", "country"),
        ("Papua", "Papua", "region"),
        ("Papua Nugini", "Papua New Guinea", "country"),
        ("Uni Eropa", "European Union", "other"),
        ("Laut China Selatan", "South China Sea", "water"),
        ("Samudra Hindia", "Indian Ocean", "water"),
        ("Moskow", "Moscow", "city"),
        ("Yerusalem", "Jerusalem", "city"),
        ("Jenewa", "Geneva", "city"),
        ("Brussel", "Brussels", "city"),
        ("Kairo", "Cairo", "city"),
        ("Amman", "Amman", "city"),
        ("Rafah", "Rafah", "city"),
        ("Palu", "Palu", "city"),
        ("Poso", "Poso", "city"),
        ("Cox's Bazar", "Cox's Bazar", "city"),
    ],
)
def test_form_names_place(by_form, form, name, kind):
    r = by_form[form]
    assert (r["name"], r["kind"]) == (name, kind)


def test_roma_is_rome(by_form):
    r = by_form["Roma"]
    assert (r["name"], r["kind"], r["iso"]) == ("Rome", "city", "IT")
    assert abs(float(r["lat"]) - 41.9) <= 0.3 and abs(float(r["lon"]) - 12.5) <= 0.3
    assert by_form["Rome"]["name"] == "Rome"


def test_country_points_are_sensible(by_form):
    assert near(by_form["Irak"], 33, 44, 3)
    assert near(by_form["Amerika"], 39, -98, 5)          # the contiguous United States
    assert near(by_form["Rusia"], 62, 95, 10)            # not the antimeridian sliver
    assert near(by_form["Mozambik"], -18, 35, 4)
    assert near(by_form["Singapura"], 1.3, 103.8, 0.5)   # too small for 1:110m: capital
    assert near(by_form["Jakarta"], -6.2, 106.8, 0.3)
    assert near(by_form["Sulawesi Tengah"], -1.4, 121.4, 1.5)
    assert near(by_form["Tanduk Afrika"], 8, 45, 5)


def test_all_38_provinces_are_there(by_form):
    provinces = """Aceh; Sumatera Utara; Sumatera Barat; Riau; Kepulauan Riau; Jambi; Sumatera Selatan;
        Kepulauan Bangka Belitung; Bengkulu; Lampung; DKI Jakarta; Jawa Barat; Banten; Jawa Tengah;
        DI Yogyakarta; Jawa Timur; Bali; Nusa Tenggara Barat; Nusa Tenggara Timur; Kalimantan Barat;
        Kalimantan Tengah; Kalimantan Selatan; Kalimantan Timur; Kalimantan Utara; Sulawesi Utara;
        Gorontalo; Sulawesi Tengah; Sulawesi Barat; Sulawesi Selatan; Sulawesi Tenggara; Maluku;
        Maluku Utara; Papua; Papua Barat; Papua Barat Daya; Papua Tengah; Papua Pegunungan;
        Papua Selatan"""
    names = [p.strip() for p in provinces.split(";")]
    assert len(names) == 38
    for p in names:
        r = by_form[p]
        assert (r["kind"], r["iso"]) == ("region", "ID"), p
        assert -11 <= float(r["lat"]) <= 6 and 95 <= float(r["lon"]) <= 141, p
    for short in ("Jabar", "Jateng", "Jatim", "NTT", "NTB", "DIY", "Sulsel", "Kaltim"):
        assert by_form[short]["iso"] == "ID", short


def test_words_and_person_names_are_left_out(by_form):
    for word in ("Serang", "Puncak", "Lima", "Batu", "Kota", "Surat", "Male", "Arab", "Teluk"):
        assert word not in by_form, word


def test_ambiguous_forms_are_documented(by_form):
    for form in ("Chad", "Jordan", "Georgia", "Amerika", "AS", "Kongo", "Papua", "Turki", "Gaza"):
        assert by_form[form]["notes"], form
    assert "first name" in by_form["Chad"]["notes"]
    assert by_form["Niger"]["name"] == "Niger" and by_form["Nigeria"]["name"] == "Nigeria"


# ---- the world outlines ---------------------------------------------------------------------

def test_world_file_shape(world):
    assert world["source"].startswith("Natural Earth 1:110m via world-atlas ")
    assert "public domain" in world["source"]
    countries = world["countries"]
    assert len(countries) >= 170
    for c in countries:
        assert set(c) >= {"name", "iso", "polygons"}
        assert c["name"] and len(c["iso"]) == 2 and c["polygons"], c["name"]
        for ring in c["polygons"]:
            assert len(ring) >= 4, c["name"]
            assert ring[0] == ring[-1], c["name"]
            for lon, lat in ring:
                assert -180 <= lon <= 180 and -90 <= lat <= 90, c["name"]
                assert round(lon, 2) == lon and round(lat, 2) == lat


def test_world_rings_do_not_cross_the_map(world):
    """No ring jumps across the 180th meridian (it would draw a stripe across a flat map),
    except Antarctica's, which goes round the pole and closes along its southern edge."""
    for c in world["countries"]:
        if c["iso"] == "AQ":
            continue
        for ring in c["polygons"]:
            jumps = [i for i in range(len(ring) - 1) if abs(ring[i + 1][0] - ring[i][0]) > 180]
            assert jumps == [], c["name"]


def test_world_countries_match_places(world, rows):
    country_iso = {r["iso"]: r["name"] for r in rows if r["kind"] == "country"}
    for c in world["countries"]:
        assert c["iso"] in country_iso, c
    names = {c["name"] for c in world["countries"]}
    for name in ("Syria", "Iraq", "Indonesia", "United States", "Mozambique", "Italy", "DR Congo"):
        assert name in names


# ---- issue 15: places real news needed (points from general knowledge, not from the file) ------

@pytest.mark.parametrize(
    "form, name, kind, lat, lon, tol",
    [
        ("Dnipro", "Dnipro", "city", 48.5, 35.0, 0.5),
        ("Chasiv Yar", "Chasiv Yar", "city", 48.6, 37.8, 0.5),
        ("Gwadar", "Gwadar", "city", 25.1, 62.3, 0.5),
        ("Kinmen", "Kinmen", "region", 24.4, 118.4, 0.5),
        ("El-Fasher", "El Fasher", "city", 13.6, 25.3, 0.5),
        ("El Fasher", "El Fasher", "city", 13.6, 25.3, 0.5),
        ("Fujian", "Fujian", "region", 26.0, 118.0, 2.5),
        ("Palawan", "Palawan", "region", 9.8, 118.6, 1.5),
        ("Second Thomas Shoal", "Second Thomas Shoal", "region", 9.7, 115.9, 0.5),
        ("Ayungin Shoal", "Second Thomas Shoal", "region", 9.7, 115.9, 0.5),
        ("Spratly Islands", "Spratly Islands", "region", 9.5, 114.0, 3),
        ("Yellow Sea", "Yellow Sea", "water", 35.5, 123.0, 3),
        ("Laut Kuning", "Yellow Sea", "water", 35.5, 123.0, 3),
        ("Pacific", "Pacific Ocean", "water", 0.0, -160.0, 30),
        ("St Petersburg", "Saint Petersburg", "city", 59.9, 30.3, 0.5),
        ("St. Petersburg", "Saint Petersburg", "city", 59.9, 30.3, 0.5),
        ("Guantanamo", "Guantánamo", "city", 20.1, -75.2, 0.5),
        ("Guantanamo Bay", "Guantanamo Bay", "region", 19.9, -75.1, 0.5),
        ("Bab al-Mandeb", "Bab el-Mandeb", "water", 12.6, 43.3, 1),
        ("Selat Bab al-Mandeb", "Bab el-Mandeb", "water", 12.6, 43.3, 1),
        ("Palestina", "Palestine", "country", 31.9, 35.2, 1.5),
        ("Palestine", "Palestine", "country", 31.9, 35.2, 1.5),
        ("Jayawijaya", "Jayawijaya", "region", -4.0, 138.9, 1),
        ("Nduga", "Nduga", "region", -4.4, 138.2, 1),
        ("Intan Jaya", "Intan Jaya", "region", -3.5, 137.0, 1),
        ("Puncak Jaya", "Puncak Jaya Regency", "region", -3.7, 138.0, 1),
        ("Mimika", "Mimika", "region", -4.5, 136.9, 1),
        ("Donetsk region", "Donetsk Oblast", "region", 48.0, 37.8, 1),
        ("Donetsk Oblast", "Donetsk Oblast", "region", 48.0, 37.8, 1),
        ("Donetsk", "Donetsk", "city", 48.0, 37.8, 0.3),
        ("Luhansk region", "Luhansk Oblast", "region", 48.6, 39.3, 1.5),
        ("Kursk", "Kursk", "city", 51.7, 36.2, 0.3),
        ("Kursk region", "Kursk Oblast", "region", 51.7, 36.2, 1.5),
        ("Sindh", "Sindh", "region", 26.0, 68.5, 2.5),
        ("Balochistan", "Balochistan", "region", 28.0, 65.0, 4),
        ("Florida", "Florida", "region", 28.0, -82.0, 3),      # the US state, not the town in Cuba
        ("Texas", "Texas", "region", 31.0, -99.0, 4),
        ("Kharkiv", "Kharkiv", "city", 50.0, 36.2, 0.3),
        ("Pokrovsk", "Pokrovsk", "city", 48.3, 37.2, 0.3),      # Donetsk Oblast, not Pokrovsk in Yakutia
        ("Kramatorsk", "Kramatorsk", "city", 48.7, 37.6, 0.3),
        ("Khan Yunis", "Khan Younis", "city", 31.3, 34.3, 0.3),
        ("Timika", "Timika", "city", -4.5, 136.9, 0.5),
        ("Wamena", "Wamena", "city", -4.1, 138.9, 0.5),
    ],
)
def test_news_places_have_kind_and_point(by_form, form, name, kind, lat, lon, tol):
    r = by_form[form]
    assert (r["name"], r["kind"]) == (name, kind), r
    assert near(r, lat, lon, tol), r


@pytest.mark.parametrize(
    "word",
    ["Of", "Lima", "Mobile", "Victoria", "Nice", "Bath", "Split", "Sale", "Bar", "Batu", "Kota", "Bandar",
     "Negara", "Sumber", "Tanjung", "Simpang", "Central", "Northern", "Eastern", "Old City", "Central region",
     "Reading", "Orange", "Union", "Mission", "Wilayah Palestina", "Kudus", "Mulia", "Bone", "Baru"],
)
def test_ordinary_words_are_not_places(by_form, word):
    assert word not in by_form, by_form.get(word)


def test_person_names_that_are_places_are_flagged(by_form):
    """The engine skips a form whose notes say 'first name' before a capitalised word ('Israel Katz')."""
    for form in ("Israel", "Jordan", "Chad"):
        assert "first name" in by_form[form]["notes"], form
    assert "ambiguous" in by_form["Georgia"]["notes"]


def test_exclude_rules_are_data_and_well_formed():
    rules = ROOT / "scripts" / "gazetteer_exclude.txt"
    seen = set()
    for line in rules.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        action, form, why = line.split("\t")
        assert action in {"exclude", "note"} and form and why, line
        assert (action, form) not in seen, line
        seen.add((action, form))
    assert sum(a == "exclude" for a, _ in seen) >= 500


def test_generated_id_forms_do_not_hide_the_bare_name(by_form):
    """'provinsi Sindh' and 'kabupaten Nduga' are written in lower case: a capitalised generated form
    would hide the bare name from the engine, so none is made where the bare name names the same place."""
    assert "Provinsi Sindh" not in by_form and "Sindh" in by_form
    assert "Kabupaten Jayawijaya" not in by_form and "Jayawijaya" in by_form


@pytest.mark.parametrize(
    "text, found",
    [
        ("Rudal menghantam Dnipro dan Chasiv Yar.", [("Dnipro", "Dnipro"), ("Chasiv Yar", "Chasiv Yar")]),
        ("Fighting went on in the Donetsk region.", [("Donetsk", "Donetsk Oblast")]),  # the region word stays out
        ("Warga di wilayah Palestina yang diduduki.", [("Palestina", "Palestine")]),
        ("Kapal melintasi Selat Bab al-Mandeb menuju Laut Kuning.",
         [("Selat Bab al-Mandeb", "Bab el-Mandeb"), ("Laut Kuning", "Yellow Sea")]),
        ("Warga Kabupaten Jayawijaya mengungsi.", [("Jayawijaya", "Jayawijaya")]),
        ("Ships near Second Thomas Shoal in the Spratly Islands.",
         [("Second Thomas Shoal", "Second Thomas Shoal"), ("Spratly Islands", "Spratly Islands")]),
        ("It was a nice split at the bar of Mobile phones.", []),
        ("Lima orang tewas di Kota Batu.", [("Batu", "Batu")]),
    ],
)
def test_engine_finds_news_places(text, found):
    from conflict_reading import Article
    from conflict_reading.places import find_places

    places = find_places(Article.from_text(text))
    assert [tuple(p) for p in places[["text", "name"]].values.tolist()] == found


def test_the_local_table_holds_only_new_forms_in_indonesia_read_after_a_cue():
    with open(GAZ / "local-places.csv", encoding="utf-8", newline="") as handle:
        local = list(csv.DictReader(handle))
    with open(PLACES, encoding="utf-8", newline="") as handle:
        main_forms = {row["form"].casefold() for row in csv.DictReader(handle)}
    assert list(local[0]) == ["form", "name", "kind", "lat", "lon", "iso", "cue", "source"]
    assert len(local) > 5_000 and (GAZ / "local-places.csv").stat().st_size < 1_000_000
    for row in local:
        assert row["form"].casefold() not in main_forms, row  # the main table wins: no form twice
        assert -11.5 < float(row["lat"]) < 6.5 and 94.5 < float(row["lon"]) < 141.5, row  # inside Indonesia
        assert (row["cue"], row["kind"], row["source"]) in {("", "city", "geonames"),
                                                           ("pulau", "region", "idn-area-data")}, row


def test_the_compass_regions_are_one_per_country_and_direction():
    with open(GAZ / "compass-regions.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    keys = [(row["iso"], row["direction"]) for row in rows]
    assert len(keys) == len(set(keys)) > 40
    assert {row["direction"] for row in rows} == {"east", "west", "north", "south", "central"}
    assert ("SA", "east") in keys and all(-90 <= float(row["lat"]) <= 90 for row in rows)


def _keyed_rows(name):
    import gzip

    with gzip.open(GAZ / name, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_district_and_village_table_is_keyed_sorted_and_inside_indonesia():
    from conflict_reading.admin_places import admin_key

    rows = _keyed_rows("id-admin-places.csv.gz")
    assert list(rows[0]) == ["key", "form", "level", "district", "regency", "lat", "lon"]
    assert (GAZ / "id-admin-places.csv.gz").stat().st_size < 2_000_000
    keys = [row["key"] for row in rows]
    assert keys == sorted(keys)  # the kit looks a name up by binary search
    levels = {"district": 0, "village": 0}
    for row in rows:
        assert row["key"] == admin_key(row["form"]) != "", row
        assert -11.5 < float(row["lat"]) < 6.5 and 94.5 < float(row["lon"]) < 141.5, row
        assert (row["level"] == "district") == (row["district"] == ""), row
        levels[row["level"]] += 1
    assert levels["district"] > 7_000 and levels["village"] > 80_000


def test_the_world_towns_table_is_keyed_sorted_outside_indonesia_and_new():
    from conflict_reading.admin_places import admin_key

    rows = _keyed_rows("world-towns.csv.gz")
    assert list(rows[0]) == ["key", "form", "lat", "lon", "iso"]
    assert (GAZ / "world-towns.csv.gz").stat().st_size < 2_500_000
    keys = [row["key"] for row in rows]
    assert keys == sorted(keys) and len(rows) > 100_000
    with open(PLACES, encoding="utf-8", newline="") as handle:
        main_forms = {row["form"].casefold() for row in csv.DictReader(handle)}
    for row in rows:
        assert row["key"] == admin_key(row["form"]) != "" and row["iso"] != "ID", row
        assert row["form"].casefold() not in main_forms, row  # the main table wins
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row
