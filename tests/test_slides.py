"""Slides: every lesson carries slide metadata, and every lesson builds into an offline reveal.js deck."""

import copy
import html.parser
import importlib.util
import json
import re
from pathlib import Path

import pytest

from conflict_reading import slides

from .conftest import REPO

LESSONS = sorted((REPO / "notebooks").glob("*.ipynb"))
VALID = {"slide", "subslide", "fragment", "-", "skip", "notes"}


def _load_script():
    spec = importlib.util.spec_from_file_location("slide_metadata", REPO / "scripts" / "slide_metadata.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


slide_metadata = _load_script()


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _md(source, slide_type=None):
    cell = {"cell_type": "markdown", "source": source, "metadata": {}}
    if slide_type:
        cell["metadata"]["slideshow"] = {"slide_type": slide_type}
    return cell


def _code(source):
    return {"cell_type": "code", "source": source, "metadata": {}, "outputs": [], "execution_count": None}


# --- the rule ---------------------------------------------------------------------------------

def test_headings_start_slides_and_subslides():
    cells = [_md("Intro without a heading"), _md("## Part one"), _md("### Discuss"), _md("#### Deeper"),
             _md("# Part two"), _md("#Not a heading: no space")]
    assert slide_metadata.slide_types(cells) == ["slide", "slide", "subslide", "subslide", "slide", "-"]


def test_the_code_that_draws_stays_with_the_text_that_introduces_it():
    cells = [_md("## The map"), _md("\n".join(["A line of introduction."] * 15)), _code("place_map(places)")]
    assert slide_metadata.slide_types(cells)[2] == "-"


def test_a_cell_taller_than_a_screen_starts_a_subslide():
    long_code = "\n".join(f"x{i} = {i}" for i in range(slide_metadata.SCREEN_LINES + 1))
    long_text = "word " * (slide_metadata.WRAP * (slide_metadata.SCREEN_LINES + 1) // 5)  # one line, wraps
    cells = [_md("## Setup"), _code("a = 1"), _code(long_code), _md("## Text"), _md(long_text)]
    assert slide_metadata.slide_types(cells) == ["slide", "-", "subslide", "slide", "subslide"]


def test_text_that_would_overflow_the_screen_moves_to_a_subslide():
    half = "\n".join(["line"] * (slide_metadata.SCREEN_LINES // 2 + 1))
    cells = [_md("## Title"), _md(half), _md(half), _md("short")]
    assert slide_metadata.slide_types(cells) == ["slide", "-", "subslide", "-"]


def test_a_slide_type_set_by_hand_wins():
    cells = [_md("## Title", "skip"), _md("Text", "slide"), _code("x = 1"), _md("### Discuss", "fragment")]
    assert slide_metadata.slide_types(cells) == ["skip", "slide", "-", "fragment"]
    assert slide_metadata.slide_types(cells, reset=True) == ["slide", "-", "-", "subslide"]


def test_a_cell_that_continues_the_slide_has_no_slide_type_written():
    """jupyterlab-slideshow hides a cell whose slide_type is the string "-": the script never writes it."""
    cells = [_md("## Title"), _md("Text", "-"), _code("x = 1"), _md("### Discuss")]
    cells[2]["metadata"]["slideshow"] = {"slide_type": ""}  # JupyterLab's "-": an empty value
    notebook = slide_metadata.with_slide_metadata({"cells": cells, "metadata": {}})
    assert [cell["metadata"]["slideshow"] for cell in notebook["cells"]] == [
        {"slide_type": "slide"}, {}, {}, {"slide_type": "subslide"}]
    assert slide_metadata.missing(notebook) == []  # an empty slideshow entry is a decision, not a gap
    assert slide_metadata.slide_types(notebook["cells"]) == ["slide", "-", "-", "subslide"]


def test_the_old_rise_settings_go_and_a_persons_stay():
    old = {"cells": [_md("# T")], "metadata": {"rise": {"theme": "white", "scroll": True}}}
    assert "rise" not in slide_metadata.with_slide_metadata(old)["metadata"]
    own = {"cells": [_md("# T")], "metadata": {"rise": {"theme": "serif", "scroll": True}}}
    assert slide_metadata.with_slide_metadata(own)["metadata"]["rise"] == {"theme": "serif", "scroll": True}


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_every_cell_of_every_lesson_gets_a_valid_slide_type(path):
    notebook = slide_metadata.with_slide_metadata(_read(path))
    types = slide_metadata.slide_types(notebook["cells"])
    assert types and set(types) <= VALID
    assert types[0] == "slide"
    assert types.count("slide") >= 3  # a lesson is more than one screen


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_committed_lessons_carry_their_slide_metadata(path):
    """Fails when cells were added without re-running scripts/slide_metadata.py."""
    notebook = _read(path)
    without = [i for i, cell in enumerate(notebook["cells"])
               if not isinstance(cell.get("metadata", {}).get("slideshow"), dict)
               or cell["metadata"]["slideshow"].get("slide_type", "-") not in VALID]
    assert without == [], f"{path.name}: cells {without} have no slide type; run scripts/slide_metadata.py"
    dashes = [i for i, cell in enumerate(notebook["cells"]) if cell["metadata"]["slideshow"].get("slide_type") == "-"]
    assert dashes == [], f"{path.name}: cells {dashes} are typed '-', which jupyterlab-slideshow hides; " \
                         "run scripts/slide_metadata.py"
    assert slide_metadata.with_slide_metadata(copy.deepcopy(notebook)) == notebook, \
        f"{path.name}: the slide metadata is not what scripts/slide_metadata.py writes; run it"


# --- the script on files ----------------------------------------------------------------------

def _strip_slides(notebook: dict) -> dict:
    notebook = copy.deepcopy(notebook)
    notebook["metadata"].pop("rise", None)
    for cell in notebook["cells"]:
        cell["metadata"].pop("slideshow", None)
    return notebook


def test_the_script_changes_metadata_only_and_is_idempotent(tmp_path):
    path = tmp_path / LESSONS[-1].name
    original = LESSONS[-1].read_text(encoding="utf-8")
    path.write_text(original, encoding="utf-8")
    slide_metadata.update_file(path)
    first = path.read_text(encoding="utf-8")
    assert _strip_slides(json.loads(first)) == _strip_slides(json.loads(original))
    assert slide_metadata.update_file(path) is False
    assert path.read_text(encoding="utf-8") == first


def test_check_lists_cells_without_slide_type_and_fails(tmp_path, capsys):
    path = tmp_path / "lesson.ipynb"
    notebook = {"cells": [_md("# Title", "slide"), _code("x = 1")], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(notebook), encoding="utf-8")
    assert slide_metadata.main(["--check", str(path)]) == 1
    assert "cell 1 (code" in capsys.readouterr().out
    assert slide_metadata.main([str(path)]) == 0
    assert slide_metadata.main(["--check", str(path)]) == 0
    assert _read(path)["cells"][1]["metadata"]["slideshow"] == {}  # "-": stays on the slide


def test_the_script_gives_a_damaged_notebook_one_line(tmp_path, capsys):
    path = tmp_path / "broken.ipynb"
    path.write_text('{"cells": [', encoding="utf-8")
    assert slide_metadata.main([str(path)]) == 1
    err = capsys.readouterr().err
    assert "not a readable notebook" in err and "Traceback" not in err
    assert path.read_text(encoding="utf-8") == '{"cells": ['  # nothing overwritten


# --- the decks --------------------------------------------------------------------------------

class _Fetched(html.parser.HTMLParser):
    """What a page makes the browser fetch: script src, link href, img/iframe/source src, CSS @import/url()."""

    def __init__(self):
        super().__init__()
        self.urls, self.in_style, self.top_sections, self.depth = [], False, 0, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "link" and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag in ("img", "iframe", "source") and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "style":
            self.in_style = True
        elif tag == "section":
            self.depth += 1
            if self.depth == 1:
                self.top_sections += 1

    def handle_endtag(self, tag):
        if tag == "style":
            self.in_style = False
        elif tag == "section":
            self.depth -= 1

    def handle_data(self, data):
        if self.in_style:
            self.urls += re.findall(r"""(?:@import\s+(?:url\()?|url\()\s*["']?([^"')\s;]+)""", data)


def _fetched(page: str) -> _Fetched:
    parser = _Fetched()
    parser.feed(page)
    return parser


def _remote(urls):
    return [u for u in urls if re.match(r"(?:https?:)?//", u, re.IGNORECASE)]


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    """Every lesson's deck, built once, as saved (no execution: the notebooks' own test runs them)."""
    out = tmp_path_factory.mktemp("slides")
    before = {path: path.read_bytes() for path in LESSONS}
    built = slides.build_decks(LESSONS, out, execute=False)
    assert {path: path.read_bytes() for path in LESSONS} == before  # building never changes a notebook
    return out, dict(zip(LESSONS, built))


@pytest.fixture(scope="module")
def executed_deck(tmp_path_factory):
    """One deck built the way `make slides` builds them: executed, presenter mode on."""
    out = tmp_path_factory.mktemp("slides-executed")
    lesson = REPO / "notebooks" / "04-places.ipynb"
    (deck,) = slides.build_decks([lesson], out)
    return deck.read_text(encoding="utf-8")


def test_every_lesson_has_a_deck(decks):
    out, built = decks
    assert len(built) == len(LESSONS) >= 5
    for lesson, deck in built.items():
        assert deck == out / f"{lesson.stem}.slides.html" and deck.stat().st_size > 10_000


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.name)
def test_deck_has_one_section_per_slide_cell(decks, lesson):
    types = [c.get("metadata", {}).get("slideshow", {}).get("slide_type", "-") for c in _read(lesson)["cells"]]
    first_shown = next(i for i, t in enumerate(types) if t not in ("skip", "notes"))
    types[first_shown] = "slide"  # reveal.js starts with a slide whatever the first cell says
    page = decks[1][lesson].read_text(encoding="utf-8")
    assert _fetched(page).top_sections == types.count("slide")


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda p: p.name)
def test_deck_loads_nothing_from_the_network(decks, lesson):
    page = decks[1][lesson].read_text(encoding="utf-8")
    fetched = _fetched(page).urls
    assert any("reveal.js" in u for u in fetched)  # the parser sees the deck's scripts at all
    assert _remote(fetched) == []
    assert not re.search(r"""src\s*=\s*["']?https?://""", page)  # also in templates' inline JavaScript


def test_the_vendored_files_a_deck_uses_are_next_to_it(decks):
    out, built = decks
    page = next(iter(built.values())).read_text(encoding="utf-8")
    local = [u for u in _fetched(page).urls if not u.startswith(("data:", "#"))]
    assert {"reveal.js/dist/reveal.js", "reveal.js/dist/reveal.css", "reveal.js/plugin/notes/notes.js"} <= set(local)
    for url in local:
        assert (out / url).is_file(), url
    theme = [u for u in local if "/theme/" in u]
    assert theme, "the deck names no theme"
    for css in theme:  # and what the theme itself loads: its font
        imports = _fetched(f"<style>{(out / css).read_text(encoding='utf-8')}</style>").urls
        assert imports and _remote(imports) == []
        for url in imports:
            font_css = (out / css).parent / url
            assert font_css.is_file(), url
            for font in re.findall(r"url\('?\./([^')?#]+\.woff)'?\)", font_css.read_text(encoding="utf-8")):
                assert (font_css.parent / font).is_file(), font


def test_vendored_reveal_carries_its_licence():
    licence = (slides.VENDORED_REVEAL / "LICENSE").read_text(encoding="utf-8")
    assert "Permission is hereby granted, free of charge" in licence and "Hakim El Hattab" in licence


def test_an_executed_deck_shows_charts_and_widget_text_in_presenter_size(executed_deck):
    assert executed_deck.count("data:image/png;base64,") >= 2  # the map and the charts
    assert "application/vnd.jupyter.widget-view+json" not in executed_deck
    assert "Place spotter:" in executed_deck  # the widget's plain-text fallback instead
    assert 'class="cr-article" style="font-size:1.5em' in executed_deck  # the article, projector size
    assert _remote(_fetched(executed_deck).urls) == []


def test_remote_url_finder_finds_what_the_test_must_catch():
    page = ('<script src="https://cdnjs.cloudflare.com/require.js"></script><link rel="stylesheet" '
            'href="//unpkg.com/reveal.css"><style>@import url(https://fonts.googleapis.com/css?family=Lato);</style>'
            '<a href="https://example.org">a link is not fetched</a><script src="reveal.js/dist/reveal.js"></script>')
    expected = ["https://cdnjs.cloudflare.com/require.js", "//unpkg.com/reveal.css",
                "https://fonts.googleapis.com/css?family=Lato"]
    assert sorted(slides.remote_urls(page)) == sorted(expected)
    assert sorted(_remote(_fetched(page).urls)) == sorted(expected)


def test_a_missing_notebook_gets_one_line(tmp_path, capsys):
    assert slides.main(["--out", str(tmp_path), str(tmp_path / "nope.ipynb")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No notebook at" in err and "Traceback" not in err


def test_a_damaged_notebook_gets_one_line_and_no_deck(tmp_path, capsys):
    broken = tmp_path / "broken.ipynb"
    broken.write_text("{ not json", encoding="utf-8")
    assert slides.main(["--no-execute", "--out", str(tmp_path / "out"), str(broken)]) == 2
    err = capsys.readouterr().err
    assert "not a readable notebook" in err and "Traceback" not in err
    assert not (tmp_path / "out" / "broken.slides.html").exists()


def test_a_cell_that_fails_while_building_gets_one_line(tmp_path, capsys):
    import nbformat

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Title"),
                                               nbformat.v4.new_code_cell("1 / 0")])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "fails.ipynb"
    nbformat.write(notebook, path)
    assert slides.main(["--out", str(tmp_path / "out"), str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "ZeroDivisionError" in err and "Traceback" not in err
