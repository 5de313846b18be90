"""The source dossier of the seed article (issue 16, part 2): data/dossiers/koalisi-isis-roma.toml.

The format and the rules are in data/dossiers/README.md. ``problems`` lists every way a dossier breaks them and
``missing_for_the_lesson`` what the lateral-reading lesson needs and does not find; the real dossier must have
neither, and each rule is shown to catch a dossier broken on purpose."""

from __future__ import annotations

import copy
import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DOSSIERS = REPO / "data" / "dossiers"
DOSSIER = DOSSIERS / "koalisi-isis-roma.toml"
README = DOSSIERS / "README.md"

TYPES = {"primary", "government", "wire", "outlet", "monitor", "party"}
RELATIONS = {"confirms", "contradicts", "differs", "adds"}
SOURCE_FIELDS = {"id", "title", "publisher", "date", "address", "language", "type", "voice", "verified", "claims"}
OPTIONAL_SOURCE_FIELDS = {"also_at", "date_note"}
CLAIM_FIELDS = {"claim", "paragraphs", "relation", "topic"}
OPTIONAL_CLAIM_FIELDS = {"excerpt"}
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# An excerpt may be shipped only from a work of the US federal government (public domain in the US).
US_GOVERNMENT = re.compile(r"U\.S\. (Department of|Embassy|Mission|Agency for International Development)")
MAX_EXCERPT_WORDS = 60
MIN_SOURCES, MAX_SOURCES = 8, 14
# Facts and voices the article leaves out: the lesson lists them, so each needs an "adds" claim.
LEFT_OUT = ("strikes-casualties", "strikes-legality", "militia-response", "italy-pledge", "detainees-camps")


def load(path: Path = DOSSIER) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def paragraph_count(article_file: str) -> int:
    """Paragraph N is non-blank line N of the article (data/annotations/README.md counts the same way)."""
    text = (REPO / article_file).read_text(encoding="utf-8")
    return sum(1 for line in text.splitlines() if line.strip())


def _text(value) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _https(value) -> bool:
    return isinstance(value, str) and value.startswith("https://") and not re.search(r"\s", value)


def _date_problems(where: str, value) -> list[str]:
    if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
        return [f"{where}: date {value!r} is not an ISO date written as a string (YYYY-MM-DD)"]
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return [f"{where}: date {value!r} does not exist"]
    return [] if day.year == 2021 else [f"{where}: date {value!r} is not in 2021"]


def _claim_problems(where: str, claim, source: dict, topics: set[str], paragraphs: int) -> list[str]:
    if not isinstance(claim, dict):
        return [f"{where}: a claim is not a table"]
    found = []
    if missing := CLAIM_FIELDS - claim.keys():
        found.append(f"{where}: claim lacks {sorted(missing)}")
    if unknown := claim.keys() - CLAIM_FIELDS - OPTIONAL_CLAIM_FIELDS:
        found.append(f"{where}: claim has unknown fields {sorted(unknown)}")
    if "claim" in claim and (not _text(claim["claim"]) or len(claim["claim"].split()) < 5):
        found.append(f"{where}: claim text is empty or too short to be a paraphrase")
    numbers = claim.get("paragraphs")
    if "paragraphs" in claim:
        if not isinstance(numbers, list) or not all(isinstance(n, int) and not isinstance(n, bool) for n in numbers):
            found.append(f"{where}: paragraphs must be a list of whole numbers")
            numbers = None
        else:
            if outside := [n for n in numbers if not 1 <= n <= paragraphs]:
                found.append(f"{where}: paragraphs {outside} are not in the article (it has {paragraphs})")
            if numbers != sorted(set(numbers)):
                found.append(f"{where}: paragraphs must be in order, each once")
    relation = claim.get("relation")
    if "relation" in claim and relation not in RELATIONS:
        found.append(f"{where}: relation {relation!r} is not one of {sorted(RELATIONS)}")
    if relation in {"contradicts", "differs"} and numbers == []:
        found.append(f"{where}: a claim that {relation} the article must name the paragraphs it is about")
    if "topic" in claim and claim["topic"] not in topics:
        found.append(f"{where}: topic {claim['topic']!r} is not declared in [[topics]]")
    if "excerpt" in claim:
        excerpt = claim["excerpt"]
        if source.get("type") not in {"primary", "government"} or not US_GOVERNMENT.match(str(source.get("publisher"))):
            found.append(f"{where}: an excerpt is allowed only from a US government work (type primary or "
                         f"government, publisher a US federal body)")
        if not _text(excerpt) or "\n" in excerpt:
            found.append(f"{where}: excerpt must be one non-empty line")
        elif len(excerpt.split()) > MAX_EXCERPT_WORDS:
            found.append(f"{where}: excerpt has {len(excerpt.split())} words (at most {MAX_EXCERPT_WORDS})")
    return found


def _source_problems(number: int, source, topics: set[str], paragraphs: int) -> list[str]:
    if not isinstance(source, dict):
        return [f"source {number}: not a table"]
    where = f"source {source.get('id', number)!s}"
    found = []
    if missing := SOURCE_FIELDS - source.keys():
        found.append(f"{where}: lacks {sorted(missing)}")
    if unknown := source.keys() - SOURCE_FIELDS - OPTIONAL_SOURCE_FIELDS:
        found.append(f"{where}: unknown fields {sorted(unknown)}")
    if "id" in source and not (isinstance(source["id"], str) and SLUG.fullmatch(source["id"])):
        found.append(f"{where}: id must be a short lower-case slug")
    for field in ("title", "publisher", "voice"):
        if field in source and not _text(source[field]):
            found.append(f"{where}: {field} is empty")
    if "date" in source:
        found += _date_problems(where, source["date"])
    if "date_note" in source and not _text(source["date_note"]):
        found.append(f"{where}: date_note is empty")
    if "address" in source and not _https(source["address"]):
        found.append(f"{where}: address {source['address']!r} does not start with https://")
    if "also_at" in source:
        also = source["also_at"]
        if not isinstance(also, list) or not also or not all(_https(a) for a in also):
            found.append(f"{where}: also_at must be a list of https:// addresses")
        elif source.get("address") in also:
            found.append(f"{where}: also_at repeats the address")
    if "language" in source and not (isinstance(source["language"], str)
                                     and re.fullmatch(r"[a-z]{2}", source["language"])):
        found.append(f"{where}: language must be a two-letter ISO 639-1 code (en, it, id, ar …)")
    if "type" in source and source["type"] not in TYPES:
        found.append(f"{where}: type {source['type']!r} is not one of {sorted(TYPES)}")
    if "verified" in source and not (isinstance(source["verified"], str)
                                     and re.fullmatch(r"\d{4}-\d{2}-\d{2}: .{40,}", source["verified"], re.S)):
        found.append(f"{where}: verified must start with the day of the check ('YYYY-MM-DD: ') and say what "
                     "was searched and checked")
    claims = source.get("claims")
    if "claims" in source and (not isinstance(claims, list) or not claims):
        found.append(f"{where}: has no claims")
    elif isinstance(claims, list):
        for index, claim in enumerate(claims, 1):
            found += _claim_problems(f"{where}, claim {index}", claim, source, topics, paragraphs)
    return found


def problems(dossier: dict) -> list[str]:
    """Every way ``dossier`` breaks the format of data/dossiers/README.md; [] for a good one."""
    found = []
    article = dossier.get("article", {})
    if not (_text(article.get("file")) and (REPO / article["file"]).is_file()):
        return [f"[article] file {article.get('file')!r} is not a file of the repository"]
    if not _text(article.get("title")):
        found.append("[article] title is empty")
    paragraphs = paragraph_count(article["file"])
    topics = [t.get("key") for t in dossier.get("topics", []) if isinstance(t, dict)]
    if not topics or len(topics) != len(set(topics)) or not all(isinstance(k, str) and SLUG.fullmatch(k) for k in topics):
        found.append("[[topics]]: keys must be present, unique, lower-case slugs")
    found += [f"topic {t.get('key')!r}: question is empty" for t in dossier.get("topics", [])
              if isinstance(t, dict) and not _text(t.get("question"))]
    sources = dossier.get("sources", [])
    if not MIN_SOURCES <= len(sources) <= MAX_SOURCES:
        found.append(f"a dossier holds {MIN_SOURCES} to {MAX_SOURCES} sources, this one {len(sources)}")
    for number, source in enumerate(sources, 1):
        found += _source_problems(number, source, set(topics), paragraphs)
    ids = [s.get("id") for s in sources if isinstance(s, dict)]
    found += [f"id {i!r} is used by more than one source" for i in sorted({i for i in ids if ids.count(i) > 1})]
    addresses = [s.get("address") for s in sources if isinstance(s, dict)]
    found += [f"address {a!r} is used by more than one source"
              for a in sorted({a for a in addresses if addresses.count(a) > 1})]
    used = {c.get("topic") for s in sources if isinstance(s, dict) for c in s.get("claims", []) if isinstance(c, dict)}
    found += [f"topic {t!r} is declared but no claim uses it" for t in topics if t not in used]
    return found


def _claims(dossier: dict):
    for source in dossier["sources"]:
        for claim in source["claims"]:
            yield source, claim


def missing_for_the_lesson(dossier: dict) -> list[str]:
    """What the lateral-reading lesson needs from the dossier and does not find."""
    missing = []
    if not any(c["topic"] == "coalition-size" and re.search(r"(?<!\d)83(?!\d)", c["claim"])
               and s["address"] != dossier["article"]["file"] for s, c in _claims(dossier)):
        missing.append("a coalition-size claim from another source that says 83")
    if not any(c["topic"] == "quote-origin" and set(c["paragraphs"]) & {8, 9, 10, 11} for _, c in _claims(dossier)):
        missing.append("a claim on the origin of Di Maio's quotation in ¶8–11")
    if not any(c["topic"] == "di-maio-isis-defeated" for _, c in _claims(dossier)):
        missing.append("a claim on what Di Maio said about March 2019")
    if not any(c["topic"] == "money" for _, c in _claims(dossier)):
        missing.append("a claim on the money figures")
    if not any(c["relation"] == "adds" and s["type"] in {"party", "monitor"} for s, c in _claims(dossier)):
        missing.append("an 'adds' claim from a party to the conflict or a monitor")
    missing += [f"an 'adds' claim on {topic}, a fact or voice the article leaves out" for topic in LEFT_OUT
                if not any(c["topic"] == topic and c["relation"] == "adds" for _, c in _claims(dossier))]
    if len({s["type"] for s in dossier["sources"]}) < 3:
        missing.append("sources of at least three types")
    return missing


# --- the real dossier -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dossier() -> dict:
    return load()


def test_the_dossier_is_toml_with_an_article_topics_and_sources(dossier):
    assert set(dossier) == {"article", "topics", "sources"}
    assert dossier["article"]["file"] == "data/articles/koalisi-isis-roma.txt"


def test_the_article_has_the_paragraphs_the_claims_count_on():
    assert paragraph_count("data/articles/koalisi-isis-roma.txt") == 25


def test_the_dossier_follows_every_rule_of_the_format(dossier):
    assert problems(dossier) == []


def test_the_dossier_gives_the_lesson_what_it_needs(dossier):
    assert missing_for_the_lesson(dossier) == []


def test_the_coalition_counts_of_the_sources_differ_from_the_article(dossier):
    """The lesson compares counts: the article's 77 + 5 against the fact sheet's 83 and Reuters' 78 + 5."""
    counts = {s["id"]: c["claim"] for s, c in _claims(dossier)
              if c["topic"] == "coalition-size" and c["relation"] == "contradicts"}
    assert "us-fact-sheet-coalition" in counts and "83" in counts["us-fact-sheet-coalition"]
    assert any("78" in text for text in counts.values())


def test_the_quotation_is_traced_to_italian_words(dossier):
    italian = {s["id"] for s, c in _claims(dossier) if c["topic"] == "quote-origin" and s["language"] == "it"}
    assert italian, "no Italian source for Di Maio's words"
    assert any(s["type"] == "primary" for s, c in _claims(dossier) if c["topic"] == "quote-origin")


def test_excerpts_come_only_from_us_government_works(dossier):
    with_excerpt = {s["id"] for s, c in _claims(dossier) if "excerpt" in c}
    assert with_excerpt
    assert all(US_GOVERNMENT.match(s["publisher"]) for s in dossier["sources"] if s["id"] in with_excerpt)


def test_the_readme_documents_every_field_and_logs_every_source(dossier):
    readme = README.read_text(encoding="utf-8")
    for heading in ("## Format", "## Rules", "## Verification log", "## Leads not verified"):
        assert heading in readme, heading
    for field in SOURCE_FIELDS | OPTIONAL_SOURCE_FIELDS | CLAIM_FIELDS | OPTIONAL_CLAIM_FIELDS | TYPES | RELATIONS:
        assert f"`{field}`" in readme, field
    log = readme.split("## Verification log", 1)[1].split("\n## ", 1)[0]
    assert [s["id"] for s in dossier["sources"] if f"`{s['id']}`" not in log] == []
    topics = {t["key"] for t in dossier["topics"]}
    assert [t for t in topics if f"`{t}`" not in readme] == []


# --- each rule catches a dossier broken on purpose ----------------------------------------------------------


def _first_claim(d):
    return d["sources"][0]["claims"][0]


def _source(d, source_id):
    return next(s for s in d["sources"] if s["id"] == source_id)


BROKEN = [
    ("missing field", lambda d: d["sources"][0].pop("publisher"), "lacks ['publisher']"),
    ("unknown field", lambda d: d["sources"][0].update(url="https://example.org"), "unknown fields ['url']"),
    ("bad id", lambda d: d["sources"][0].update(id="US Transcript"), "short lower-case slug"),
    ("duplicate id", lambda d: d["sources"][1].update(id=d["sources"][0]["id"]), "used by more than one source"),
    ("duplicate address", lambda d: d["sources"][1].update(address=d["sources"][0]["address"]),
     "used by more than one source"),
    ("date not ISO", lambda d: d["sources"][0].update(date="28/06/2021"), "is not an ISO date"),
    ("date as TOML date", lambda d: d["sources"][0].update(date=dt.date(2021, 6, 28)), "is not an ISO date"),
    ("impossible date", lambda d: d["sources"][0].update(date="2021-02-30"), "does not exist"),
    ("date not in 2021", lambda d: d["sources"][0].update(date="2019-02-06"), "is not in 2021"),
    ("http address", lambda d: d["sources"][0].update(address="http://example.org/"), "does not start with https://"),
    ("also_at not https", lambda d: d["sources"][1].update(also_at=["www.example.org"]), "also_at must be"),
    ("bad language", lambda d: d["sources"][0].update(language="English"), "two-letter ISO 639-1"),
    ("bad type", lambda d: d["sources"][0].update(type="blog"), "is not one of"),
    ("empty voice", lambda d: d["sources"][0].update(voice=" "), "voice is empty"),
    ("verified without a day", lambda d: d["sources"][0].update(verified="checked"), "verified must start"),
    ("no claims", lambda d: d["sources"][0].update(claims=[]), "has no claims"),
    ("bad relation", lambda d: _first_claim(d).update(relation="supports"), "relation 'supports' is not one of"),
    ("paragraph outside the article", lambda d: _first_claim(d).update(paragraphs=[8, 26]),
     "paragraphs [26] are not in the article (it has 25)"),
    ("paragraph zero", lambda d: _first_claim(d).update(paragraphs=[0]), "paragraphs [0] are not in the article"),
    ("paragraphs out of order", lambda d: _first_claim(d).update(paragraphs=[11, 8]), "in order, each once"),
    ("paragraph as text", lambda d: _first_claim(d).update(paragraphs=["8"]), "list of whole numbers"),
    ("contradiction pointing nowhere", lambda d: _first_claim(d).update(relation="contradicts", paragraphs=[]),
     "must name the paragraphs"),
    ("undeclared topic", lambda d: _first_claim(d).update(topic="weather"), "is not declared in [[topics]]"),
    ("unused topic", lambda d: d["topics"].append({"key": "weather", "question": "Was it sunny?"}),
     "declared but no claim uses it"),
    ("excerpt from a wire", lambda d: _source(d, "cnbc-strikes-iraq-objection")["claims"][0].update(excerpt="a few words"),
     "excerpt is allowed only from a US government work"),
    ("excerpt from a foreign government", lambda d: _source(d, "canada-joint-communique")["claims"][0].update(
        excerpt="The Ministers welcomed new members"), "excerpt is allowed only from a US government work"),
    ("excerpt too long", lambda d: _first_claim(d).update(excerpt=" ".join(["word"] * 61)), "61 words"),
    ("claim too short", lambda d: _first_claim(d).update(claim="True."), "too short"),
    ("too few sources", lambda d: d.update(sources=d["sources"][:7]), "this one 7"),
    ("too many sources", lambda d: d["sources"].extend(copy.deepcopy(d["sources"][:1])), "this one 15"),
    ("article not a file", lambda d: d["article"].update(file="data/articles/missing.txt"), "not a file"),
]


@pytest.mark.parametrize("breaks, expected", [(b, e) for _, b, e in BROKEN], ids=[name for name, _, _ in BROKEN])
def test_a_broken_dossier_is_caught(dossier, breaks, expected):
    broken = copy.deepcopy(dossier)
    breaks(broken)
    found = problems(broken)
    assert any(expected in line for line in found), found


def _drop(d, keep):
    for source in d["sources"]:
        source["claims"] = [c for c in source["claims"] if keep(source, c)]


NOT_ENOUGH = [
    ("no 83", lambda d: _drop(d, lambda s, c: not (c["topic"] == "coalition-size" and "83" in c["claim"])),
     "says 83"),
    ("no quote origin", lambda d: _drop(d, lambda s, c: c["topic"] != "quote-origin"), "origin of Di Maio's"),
    ("no party or monitor adding", lambda d: _drop(d, lambda s, c: s["type"] not in {"party", "monitor"}),
     "party to the conflict or a monitor"),
    ("no Italian pledge", lambda d: _drop(d, lambda s, c: c["topic"] != "italy-pledge"), "italy-pledge"),
    ("one type only", lambda d: [s.update(type="outlet") for s in d["sources"]], "at least three types"),
]


@pytest.mark.parametrize("breaks, expected", [(b, e) for _, b, e in NOT_ENOUGH], ids=[n for n, _, _ in NOT_ENOUGH])
def test_a_dossier_missing_what_the_lesson_needs_is_caught(dossier, breaks, expected):
    thin = copy.deepcopy(dossier)
    breaks(thin)
    assert any(expected in line for line in missing_for_the_lesson(thin))
