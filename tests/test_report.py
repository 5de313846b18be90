"""The teacher's reading report (conflict_reading/report.py) and `python -m conflict_reading report`.

Expected values come from the hand annotations in data/annotations/ and from the
articles' metadata, never from the engine or the report code itself.  Some tests
feed the report the annotation's own tables (instead of the engine's), so that
what they check is the report, whatever the engine finds.
"""

import base64
import json
import os
import re
import subprocess
import sys
import tomllib
from html.parser import HTMLParser

import pandas as pd
import pytest

from conflict_reading import Article, load_article
from conflict_reading import report as report_module
from conflict_reading.report import Findings, class_questions, question_templates, reading_report, report_facts

from .conftest import REPO

ANNOTATIONS = REPO / "data" / "annotations"
DEVSET = REPO / "data" / "devset"
ARTICLES = sorted((REPO / "data" / "articles").glob("*.txt"))
# A few of the development set: Indonesian, English, guillemets, a dateline with two places.
DEVSET_SAMPLE = ["syria-aid-amman-en", "serangan-pos-puncak", "congo-aid-convoy-attack", "donor-suriah-brussel"]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
BLOCK = {"div", "p", "table", "ul", "ol", "dl", "section", "figure", "header", "footer", "nav", "h1", "h2", "h3",
         "h4", "details", "main"}
SECTIONS = ["glance", "speakers", "numbers", "places", "questions"]


# --- helpers -----------------------------------------------------------------------------------------

class Page(HTMLParser):
    """The parts of a page the tests look at, and every nesting error found on the way."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors = [], []
        self.elements = []  # (tag, attrs dict)
        self.text_by_id: dict[str, list[str]] = {}
        self.style = []
        self.text = []
        self.feed(page)
        self.close()
        if self.stack:
            self.errors.append(f"never closed: {self.stack}")

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag in BLOCK and "p" in self.stack:
            self.errors.append(f"<{tag}> inside <p>")
        if tag not in VOID:
            self.stack.append(tag)
            if attrs.get("id"):
                self.text_by_id.setdefault(attrs["id"], [])

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "style":
            self.style.append(data)
        self.text.append(data)

    def all_text(self) -> str:
        return " ".join(" ".join(self.text).split())

    def tags(self, name):
        return [attrs for tag, attrs in self.elements if tag == name]


def section_html(page: str, section_id: str) -> str:
    match = re.search(rf'<section id="{section_id}".*?</section>', page, flags=re.S)
    assert match, f"no section {section_id}"
    return match.group(0)


def plain(fragment: str) -> str:
    parser = Page(fragment)
    return parser.all_text()


def gold(name: str) -> dict:
    return json.loads((ANNOTATIONS / f"{name}.json").read_text(encoding="utf-8"))


def metadata(path) -> dict:
    meta = path.with_suffix(".toml")
    return tomllib.loads(meta.read_text(encoding="utf-8")) if meta.exists() else {}


def gold_findings(article: Article, name: str) -> Findings:
    """The article with the hand annotation's tables in place of the engine's."""
    data = gold(name)
    return Findings(article, pd.DataFrame(data["quotes"]), pd.DataFrame(data["numbers"]), pd.DataFrame(data["places"]))


_pages: dict[str, str] = {}


def engine_report(path) -> str:
    """The report of the article at ``path``, made once per test session."""
    key = str(path)
    if key not in _pages:
        _pages[key] = reading_report(load_article(path))
    return _pages[key]


@pytest.fixture(scope="module")
def seed_gold_page():
    article = load_article("koalisi-isis-roma")
    return reading_report(article, findings=gold_findings(article, "koalisi-isis-roma"))


def run(*args, cwd):
    env = {**os.environ, "COLUMNS": "200"}  # help text wrapped the same on every terminal
    return subprocess.run([sys.executable, "-m", "conflict_reading", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=180, env=env)


# --- every article renders, self-contained and well-formed ---------------------------------------------

REPORTED = [*ARTICLES, *(DEVSET / f"{name}.txt" for name in DEVSET_SAMPLE)]


@pytest.mark.parametrize("path", REPORTED, ids=lambda p: p.stem)
def test_report_renders_self_contained_and_well_formed(path):
    page = engine_report(path)
    parsed = Page(page)
    assert parsed.errors == [], parsed.errors[:5]
    assert page.startswith("<!DOCTYPE html>")
    for tag, attrs in parsed.elements:
        for attribute in ("src", "href", "srcset", "poster", "data", "action"):
            value = (attrs.get(attribute) or "").strip().lower()
            assert not value.startswith(("http://", "https://", "//", "ftp:")), (tag, attribute, value[:80])
        assert tag != "script", "the report needs no script"
        assert tag not in ("iframe", "object", "embed")
        if tag == "link":
            assert "stylesheet" not in (attrs.get("rel") or ""), attrs
    style = " ".join(parsed.style)
    assert "@import" not in style and "url(" not in style and "@font-face" not in style
    for image in parsed.tags("img"):
        assert image["src"].startswith("data:image/png;base64,"), image["src"][:40]
        assert base64.b64decode(image["src"].split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"
        assert len(image.get("alt", "").strip()) > 20, "every image says what it shows"
    for section in SECTIONS:
        assert page.count(f'<section id="{section}"') == 1, section
    assert len(parsed.tags("h1")) == 1
    title = metadata(path).get("title")
    if title:
        assert title in parsed.all_text()


@pytest.mark.parametrize("path", REPORTED, ids=lambda p: p.stem)
def test_invented_banner_follows_the_metadata(path):
    header = plain(engine_report(path).split("</header>")[0])
    shown = "Invented practice text, not news" in header
    assert shown == (metadata(path).get("invented") is True)
    assert header.lower().count("invented practice text, not news") <= 1  # said once, even if the note says it too


def test_seed_has_no_banner_and_an_invented_devset_article_has_it():
    # the two sides of the banner rule, named, in case the parametrised lists change
    assert metadata(REPO / "data/articles/koalisi-isis-roma.txt").get("invented") is not True
    assert "Invented practice text, not news" not in engine_report(REPO / "data/articles/koalisi-isis-roma.txt")
    assert metadata(DEVSET / "syria-aid-amman-en.txt")["invented"] is True
    header = engine_report(DEVSET / "syria-aid-amman-en.txt").split("</header>")[0]
    assert "Invented practice text, not news" in plain(header)


def test_tables_have_header_cells_and_captions():
    page = engine_report(REPO / "data/articles/koalisi-isis-roma.txt")
    tables = re.findall(r"<table.*?</table>", page, flags=re.S)
    assert len(tables) == 4  # speakers, sources, numbers, places
    for table in tables:
        assert "<caption>" in table and '<th scope="col">' in table


def test_report_prints_and_fits_a_phone():
    page = engine_report(REPO / "data/articles/koalisi-isis-roma.txt")
    style = " ".join(Page(page).style)
    assert "@media print" in style and "print-color-adjust" in style
    assert '<meta name="viewport" content="width=device-width' in page
    assert "@media (max-width" in style


# --- the seed article: what the annotation lists is in the report ------------------------------------

def test_seed_report_names_every_annotated_speaker_and_place():
    data = gold("koalisi-isis-roma")
    page = engine_report(REPO / "data/articles/koalisi-isis-roma.txt")
    speakers_table = plain(re.search(r"<table.*?</table>", section_html(page, "speakers"), flags=re.S).group(0))
    places_table = plain(re.search(r"<table.*?</table>", section_html(page, "places"), flags=re.S).group(0))
    speakers = {q["speaker"] for q in data["quotes"] if q["speaker"]}
    places = {p["name"] for p in data["places"]}
    assert speakers == {"Antony Blinken", "Luigi Di Maio"}  # the annotation, as the teaching notes have it
    for speaker in speakers:
        assert speaker in speakers_table
    assert len(places) >= 10
    for place in places:
        assert place in places_table, place


def test_seed_report_says_the_tables_come_from_the_engine_and_compares_with_the_annotation():
    glance = plain(section_html(engine_report(REPO / "data/articles/koalisi-isis-roma.txt"), "glance"))
    data = gold("koalisi-isis-roma")
    assert "data/annotations/koalisi-isis-roma.json" in glance
    assert "comes from the engine, not from the annotation" in glance
    assert f"of the {len(data['quotes'])} annotated" in glance
    assert f"of the {len(data['places'])} annotated" in glance


def test_an_article_without_annotation_says_so(tmp_path):
    path = tmp_path / "tanpa-anotasi.txt"
    path.write_text("Budi Santoso mengatakan, “Kami siap membantu warga di Palu.”\n", encoding="utf-8")
    glance = plain(section_html(reading_report(load_article(path)), "glance"))
    assert "no hand annotation" in glance


def test_an_annotation_of_another_text_with_the_same_name_is_not_used(tmp_path):
    path = tmp_path / "koalisi-isis-roma.txt"  # same name as the seed, different text
    path.write_text("Rina Dewi mengatakan, “Bantuan tiba di Aceh.”\n", encoding="utf-8")
    glance = plain(section_html(reading_report(load_article(path)), "glance"))
    assert "does not fit this text" in glance
    assert "of the 50 annotated" not in glance


# --- the report's own logic, fed the annotation's tables -------------------------------------------------

def test_speaker_table_counts_quotations_and_words_per_speaker(seed_gold_page):
    quotes = [q for q in gold("koalisi-isis-roma")["quotes"] if q["kind"] != "scare"]
    words = {}
    for q in quotes:
        words.setdefault(q["speaker"], []).append(len(q["text"].split()))
    total = sum(sum(w) for w in words.values())
    rows = re.findall(r"<tr>(.*?)</tr>", section_html(seed_gold_page, "speakers").split("</table>")[0], flags=re.S)
    cells = {plain(r.split("</td>")[0]): [plain(c) for c in r.split("</td>")[1:4]] for r in rows}
    for speaker, counts in words.items():
        assert cells[speaker] == [str(len(counts)), f"{sum(counts):,}", f"{100 * sum(counts) / total:.0f}%"]


def test_numbers_say_whose_voice_they_are_in(seed_gold_page):
    data = gold("koalisi-isis-roma")
    speech = [q for q in data["quotes"] if q["kind"] != "scare"]

    def voice(number):
        for q in speech:
            if q["start"] <= number["start"] and number["end"] <= q["end"]:
                return f"quoted: {q['speaker']}"
        return "reporter"

    expected = [(n["text"], voice(n)) for n in data["numbers"]]
    assert ("Maret 2019", "quoted: Luigi Di Maio") in expected  # the claim is Di Maio's (teaching notes)
    assert ("77", "reporter") in expected
    table = section_html(seed_gold_page, "numbers").split("</table>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)[1:]  # the first row is the header
    shown = [(plain(cells[2]), plain(cells[6])) for cells in (r.split("</td>") for r in rows)]
    # A number outside quotations is the reporter's, or reported from a source in the reporter's words:
    # ¶21 "Blinken juga mengumumkan kontribusi bernilai 436 juta dolar …" (read by hand).
    assert ("436 juta dolar", "reported: Antony Blinken") in shown
    assert [(text, "reporter" if voice.startswith("reported: ") else voice) for text, voice in shown] == expected


def test_numbers_table_shows_each_value_and_its_sentence(seed_gold_page):
    numbers = plain(section_html(seed_gold_page, "numbers"))
    assert "13,500,000,000 USD" in numbers  # 13,5 miliar dolar: decimal comma
    assert numbers.count("436,000,000 USD") >= 2  # one pledge reported twice
    assert "Koalisi ini beranggotakan 77 negara dan lima organisasi internasional." in numbers


def test_places_table_counts_mentions_per_place(seed_gold_page):
    counts = {}
    for p in gold("koalisi-isis-roma")["places"]:
        counts[p["name"]] = counts.get(p["name"], 0) + 1
    table = section_html(seed_gold_page, "places").split("</table>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)[1:]
    shown = {plain(c[0]): int(plain(c[3])) for c in (r.split("</td>") for r in rows)}
    assert shown == counts
    assert list(shown)[:3] == ["Syria", "Iraq", "United States"]  # most mentioned first


def test_at_a_glance_counts(seed_gold_page):
    data = gold("koalisi-isis-roma")
    glance = plain(section_html(seed_gold_page, "glance"))
    speech = [q for q in data["quotes"] if q["kind"] != "scare"]
    assert f"{len(speech)} quotations" in glance
    assert f"{len({q['speaker'] for q in speech})} speakers" in glance
    assert f"{len(data['numbers'])} numbers" in glance
    assert f"{len({p['name'] for p in data['places']})} places" in glance
    assert f"{len(data['places'])} mentions" in glance


def test_questions_for_the_seed_are_factual(seed_gold_page):
    questions = plain(section_html(seed_gold_page, "questions"))
    assert "Only 2 speakers are quoted: Antony Blinken and Luigi Di Maio." in questions
    # Iran is always an actor in the annotation, never a place where something happens
    assert re.search(r"never as a place where something happens: Iran\.", questions)
    assert "436 juta dolar (2 times)" in questions


def test_many_speakers_get_the_other_question():
    names = ["Ani Lestari", "Budi Santoso", "Citra Dewi", "Dodi Pratama"]
    text = "\n".join(f"{name} mengatakan, “Kami siap.”" for name in names)
    article = Article.from_text(text, name="empat-pembicara")
    rows = []
    for i, name in enumerate(names):
        start = text.index("Kami siap.", text.index(name))
        rows.append({"text": "Kami siap.", "kind": "direct", "paragraph_start": i + 1, "paragraph_end": i + 1,
                     "speaker": name, "cue": "mengatakan", "start": start, "end": start + 10})
    findings = Findings(article, pd.DataFrame(rows), pd.DataFrame(), pd.DataFrame())
    questions = class_questions(report_facts(findings))
    assert any(q.startswith("The article quotes 4 speakers.") for q in questions)
    assert not any(q.startswith("Only") for q in questions)
    assert not any("words make up" in q for q in questions)  # 25% each: nobody dominates


def test_every_question_template_is_filled_from_known_facts():
    empty = Findings(Article.from_text("Tidak ada apa-apa di sini.", name="kosong"),
                     pd.DataFrame(), pd.DataFrame(), pd.DataFrame())
    facts = report_facts(empty)
    assert len(question_templates()) >= 8
    for question in question_templates():
        assert question["when"] in facts, question["when"]
        assert report_module.template_fields(question["text"]) <= set(facts), question["text"]
    assert class_questions(facts) == [
        "The article quotes nobody. Whose account of events is it, then, and where does its information come from?"
    ]


def test_article_text_and_metadata_are_escaped_never_run():
    text = 'Budi mengatakan, “<script>alert("x")</script> <img src="http://example.com/a.png">”\n'
    article = Article(name="jahil", text=text, metadata={"title": "<i>Judul</i> & co", "source": "<b>x</b>"})
    page = reading_report(article)
    parsed = Page(page)
    assert parsed.errors == []
    assert not parsed.tags("script") and not parsed.tags("i")
    assert "<dd>&lt;b&gt;x&lt;/b&gt;</dd>" in page
    assert all(i["src"].startswith("data:") for i in parsed.tags("img"))
    assert "&lt;script&gt;" in page and "<title>Reading report: &lt;i&gt;Judul&lt;/i&gt; &amp; co</title>" in page


def test_an_article_with_nothing_to_find_still_renders():
    page = reading_report(Article.from_text("Cuaca cerah pagi ini.", name="kosong"))
    parsed = Page(page)
    assert parsed.errors == []
    assert not parsed.tags("img")  # no speakers, no places: no chart, no map
    assert "0 quotations" in plain(section_html(page, "glance"))


def test_a_broken_glossary_costs_the_glosses_not_the_report(monkeypatch):
    import conflict_reading.explore as explore

    article = Article.from_text("Koalisi ini beranggotakan 77 negara.", name="glosari")
    report_module._glosses.cache_clear()
    assert "(country; state)" in section_html(reading_report(article), "numbers")  # the glossary's gloss

    def broken():
        raise ValueError("Error tokenizing data. C error: Expected 4 fields in line 239, saw 5")

    monkeypatch.setattr(explore, "glossary", broken)
    report_module._glosses.cache_clear()
    try:
        numbers = section_html(reading_report(article), "numbers")
    finally:
        report_module._glosses.cache_clear()
    assert "negara" in numbers and "(country; state)" not in numbers


# --- writing the file ------------------------------------------------------------------------------------

def test_a_failed_write_leaves_the_previous_report_whole(tmp_path, monkeypatch):
    out = tmp_path / "r.html"
    report_module.write_report("koalisi-isis-roma", out)
    before = out.read_bytes()
    assert report_module.is_report(out)

    def broken_replace(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report_module.os, "replace", broken_replace)
    with pytest.raises(report_module.KitError, match="No space left on device"):
        report_module.write_report("koalisi-isis-roma", out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]  # no temporary file left behind


# --- the command ----------------------------------------------------------------------------------------

def test_command_writes_the_default_file_in_the_current_folder(tmp_path):
    result = run("report", "koalisi-isis-roma", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "koalisi-isis-roma-report.html"
    assert written.is_file() and "koalisi-isis-roma-report.html" in result.stdout
    assert "Luigi Di Maio" in written.read_text(encoding="utf-8")
    # a previous report is replaced without --force
    written.write_text(written.read_text(encoding="utf-8").replace("Luigi Di Maio", "X"), encoding="utf-8")
    again = run("report", "koalisi-isis-roma", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "Luigi Di Maio" in written.read_text(encoding="utf-8")


def test_command_takes_a_path_and_an_output_folder(tmp_path):
    article = tmp_path / "berita.txt"
    article.write_text("Rina Dewi mengatakan, “Bantuan tiba di Aceh.”\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    result = run("report", article, "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Rina Dewi" in (tmp_path / "out" / "berita-report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "make, args, message",
    [
        (lambda d: None, ["missing.txt"], "No file at missing.txt"),
        (lambda d: (d / "empty.txt").write_bytes(b""), ["empty.txt"], "empty"),
        (lambda d: (d / "cp1252.txt").write_bytes("Café crème".encode("cp1252")), ["cp1252.txt"], "not UTF-8"),
        (lambda d: (d / "folder").mkdir(), ["folder"], "is a folder"),
        (lambda d: None, ["koalisi-isis-roma", "-o", "no-such-folder/r.html"], "does not exist"),
        (lambda d: (d / "file").write_text("x"), ["koalisi-isis-roma", "-o", "file/r.html"], "is a file, not a folder"),
    ],
    ids=["missing", "empty", "not-utf8", "directory", "output-folder-missing", "output-under-a-file"],
)
def test_bad_input_is_one_line_and_exit_code_2(tmp_path, make, args, message):
    make(tmp_path)
    result = run("report", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0] and lines[0].startswith("error: ")
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.rglob("*-report.html")) and not list(tmp_path.rglob("r.html"))


def test_a_file_that_is_not_a_report_is_kept_unless_force(tmp_path):
    notes = tmp_path / "notes.html"
    notes.write_text("<p>my lesson notes</p>", encoding="utf-8")
    refused = run("report", "koalisi-isis-roma", "-o", notes, cwd=tmp_path)
    assert refused.returncode == 2
    assert "--force" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    assert notes.read_text(encoding="utf-8") == "<p>my lesson notes</p>"
    forced = run("report", "koalisi-isis-roma", "-o", notes, "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert "Antony Blinken" in notes.read_text(encoding="utf-8")


def test_the_article_itself_is_never_overwritten(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Rina Dewi mengatakan, “Bantuan tiba.”\n", encoding="utf-8")
    result = run("report", article, "-o", article, "--force", cwd=tmp_path)
    assert result.returncode == 2 and "article itself" in result.stderr
    assert article.read_text(encoding="utf-8") == "Rina Dewi mengatakan, “Bantuan tiba.”\n"


def test_help_explains_the_report_command(tmp_path):
    top = run("--help", cwd=tmp_path)
    assert top.returncode == 0 and "report" in top.stdout and "extract" in top.stdout
    sub = run("report", "--help", cwd=tmp_path)
    assert sub.returncode == 0
    for words in ("self-contained HTML", "--force", "-o", "<article>-report.html"):
        assert words in sub.stdout, words
