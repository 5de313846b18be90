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
    assert PLACES.stat().st_size < 1_000_000
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
    assert kinds["city"] >= 500
    assert kinds["region"] >= 150       # incl. 38 provinces with short and English forms
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
