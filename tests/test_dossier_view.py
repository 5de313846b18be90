"""Reading a source dossier (conflict_reading/dossier.py, lesson 07): the tables, the chart and its text
fallback, the rule for voices the article never gives, and one clear line for every input the kit cannot read.

The dossier's own rules are checked in tests/test_dossier.py; here every expectation is computed from the TOML
itself, so the tests hold when a source is added.  The last part checks that lesson 07's exercises and notebook
still agree with the dossier they were written from.
"""

from __future__ import annotations

import re
import tomllib

import markupsafe
import matplotlib
import nbformat
import pandas as pd
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from conflict_reading import dossier as D  # noqa: E402
from conflict_reading.blanks import ___, BlankError  # noqa: E402
from conflict_reading.checks import check  # noqa: E402
from conflict_reading.errors import KitError  # noqa: E402
from conflict_reading.exercises import all_exercises  # noqa: E402

from .conftest import REPO  # noqa: E402
from .tiny_notebook import errors, run_cells, shown_text  # noqa: E402

NAME = "koalisi-isis-roma"
RAW = tomllib.loads((REPO / "data" / "dossiers" / f"{NAME}.toml").read_text(encoding="utf-8"))
RAW_CLAIMS = [(s, c) for s in RAW["sources"] for c in s["claims"]]
NO_DOSSIER = "konvoi-bantuan-lembah-arsa"  # an article of the kit without a dossier


@pytest.fixture(scope="module")
def claims():
    return D.dossier_claims(NAME)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


# --- the tables ---------------------------------------------------------------------------------

def test_sources_one_row_per_page_with_short_unique_names():
    sources = D.load_dossier(NAME)
    assert list(sources.columns) == D.SOURCE_COLUMNS
    assert sources["id"].tolist() == [s["id"] for s in RAW["sources"]]
    assert sources["source"].is_unique and sources["source"].str.len().max() <= 40
    assert set(sources["type"]) <= set(D.TYPES)
    assert sources["claims"].tolist() == [len(s["claims"]) for s in RAW["sources"]]


def test_claims_one_row_per_claim_with_its_source(claims):
    assert len(claims) == len(RAW_CLAIMS)
    assert list(claims.columns) == D.CLAIM_COLUMNS
    for row, (source, claim) in zip(claims.itertuples(), RAW_CLAIMS):
        assert (row.id, row.topic, row.relation, row.claim) == (source["id"], claim["topic"], claim["relation"],
                                                                claim["claim"])
        assert row.excerpt == claim.get("excerpt", "")
        assert row.paragraphs == D.paragraph_text(claim["paragraphs"])
    assert set(claims["relation"]) <= set(D.RELATIONS)


@pytest.mark.parametrize("numbers, text", [([8, 9, 10, 11], "¶8–11"), ([7, 10, 11], "¶7, ¶10–11"), ([], "—"),
                                           ([23, 21], "¶21, ¶23"), ([5], "¶5")])
def test_paragraphs_are_written_as_a_reader_writes_them(numbers, text):
    assert D.paragraph_text(numbers) == text


def test_a_topic_side_by_side_clashes_first(claims, capsys):
    for topic in RAW["topics"]:
        table = D.compare_topic(claims, topic["key"])
        assert capsys.readouterr().out.strip() == topic["question"]
        expected = [c["relation"] for _, c in RAW_CLAIMS if c["topic"] == topic["key"]]
        assert sorted(table["relation"]) == sorted(expected)
        order = [D.RELATIONS.index(r) for r in table["relation"]]
        assert order == sorted(order), topic["key"]


@pytest.mark.parametrize("written", ["Coalition-Size", " coalition size ", "coalition_size", '"coalition-size"'])
def test_a_topic_may_be_written_loosely(claims, written):
    assert len(D.compare_topic(claims, written)) == len(D.compare_topic(claims, "coalition-size"))


def test_the_tables_show_each_claim_whole_and_escaped(claims):
    longest = max(claims["claim"], key=len)
    assert len(longest) > pd.get_option("display.max_colwidth")
    html = claims[["source", "claim"]]._repr_html_()
    assert str(markupsafe.escape(longest)) in html  # whole, not cut at display.max_colwidth
    assert "<b>" not in D.ReadableTable({"claim": ["<b>bold</b>"]})._repr_html_()
    kept = claims[claims["relation"] == "adds"]
    assert isinstance(kept, D.ReadableTable) and kept.attrs["dossier"] == NAME


# --- voices -------------------------------------------------------------------------------------

def test_the_articles_speakers_and_their_governments_are_heard():
    speakers = D.article_speakers(NAME)
    assert {name for name, _ in speakers} == {"Antony Blinken", "Luigi Di Maio"}
    for voice in ["Antony Blinken", "Luigi Di Maio (Italian Foreign Minister), in Italian", "US government",
                  "Pentagon", "White House"]:
        assert D.heard_in_article(voice, speakers), voice
    for voice in ["Iraqi military", "Syrian government (state news agency)", "Kataib Sayyid al-Shuhada",
                  "Syrian Observatory for Human Rights", "The coalition's ministers (joint communiqué)"]:
        assert not D.heard_in_article(voice, speakers), voice
    assert not D.heard_in_article("Maiorca tourism board", speakers)  # a surname matches as a whole word only


def test_voices_one_row_per_voice_outside_voices_first(claims):
    voices = D.dossier_voices(claims)
    assert len(voices) == sum(len(D.split_voices(s["voice"])) for s in RAW["sources"])
    heard = voices["heard_in_article"].tolist()
    assert heard == sorted(heard) and not all(heard) and any(heard)
    assert voices.equals(D.dossier_voices(NAME))


# --- the chart and its fallbacks ------------------------------------------------------------------

def test_the_grid_holds_every_claims_mark(claims):
    grid = D.dossier_grid(claims)
    outside = set(D.outside_sources(claims))
    assert list(grid.index) == [t["key"] for t in RAW["topics"]]
    for row in claims.itertuples():
        column = f"{row.source} *" if row.source in outside else row.source
        assert D.RELATION_MARKS[row.relation] in grid.loc[row.topic, column].split()
    marks = sum(len(cell.split()) for cell in grid.to_numpy().ravel())
    assert marks == len(claims.drop_duplicates(["topic", "source", "relation"]))


def test_the_chart_draws_one_mark_per_claim_and_shades_the_outside_sources(claims):
    figure = D.dossier_figure(claims)
    ax = figure.axes[0]
    points = sum(len(collection.get_offsets()) for collection in ax.collections)
    assert points == len(claims.drop_duplicates(["topic", "source", "relation"]))
    assert len(ax.patches) == len(D.outside_sources(claims))  # one yellow column each
    assert [t.get_text() for t in ax.get_yticklabels()] == [t["key"] for t in RAW["topics"]]
    assert NAME in ax.get_title()


def test_the_chart_says_in_words_what_it_shows(claims, capsys):
    D.dossier_chart(claims)
    said = capsys.readouterr().out
    assert said.startswith(f"{claims['source'].nunique()} sources make {len(claims)} claims")
    for relation in D.RELATIONS:  # "6 contradict the article", "4 differ from it", …
        assert f"{(claims['relation'] == relation).sum()} {relation.removesuffix('s')}" in said
    assert "never gives" in said


# --- an article without a dossier, and input the kit cannot read -----------------------------------

def test_an_article_without_a_dossier_gives_empty_tables_and_says_so(capsys):
    sources, claims = D.load_dossier(NO_DOSSIER), D.dossier_claims(NO_DOSSIER)
    said = capsys.readouterr().out
    assert sources.empty and list(sources.columns) == D.SOURCE_COLUMNS
    assert claims.empty and list(claims.columns) == D.CLAIM_COLUMNS
    assert said.count("\n") == 2 and NO_DOSSIER in said and NAME in said
    assert D.compare_topic(claims, "money").empty
    assert D.dossier_grid(claims).empty and D.dossier_voices(claims).empty
    assert D.dossier_figure(claims) is None
    D.dossier_chart(claims)
    assert "Nothing to chart" in capsys.readouterr().out
    assert "no dossier" in D.describe_dossier(claims)


@pytest.mark.parametrize("call", [
    lambda c: D.compare_topic(c, "casualties"),
    lambda c: D.compare_topic(c, 5),
    lambda c: D.compare_topic(c, ""),
    lambda c: D.compare_topic(["money"], "money"),
    lambda c: D.compare_topic(pd.DataFrame({"a": [1]}), "money"),
    lambda c: D.dossier_chart("claims"),
    lambda c: D.dossier_grid(None),
    lambda c: D.load_dossier(25),
    lambda c: D.load_dossier(""),
    lambda c: D.dossier_claims(["koalisi-isis-roma"]),
], ids=["unknown-topic", "number-topic", "empty-topic", "list", "other-table", "text", "none", "number",
        "empty-name", "list-name"])
def test_bad_input_is_one_line(claims, call):
    with pytest.raises(D.DossierError) as caught:
        call(claims)
    assert isinstance(caught.value, KitError)
    assert "\n" not in caught.value.one_line() and caught.value._render_traceback_() == [caught.value.one_line()]


def test_an_unknown_topic_lists_the_topics(claims):
    with pytest.raises(D.DossierError, match="Its topics: quote-origin, "):
        D.compare_topic(claims, "casualties")


def test_a_broken_dossier_file_is_one_line(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text('[article]\nfile = "x', encoding="utf-8")
    with pytest.raises(D.DossierError, match="not valid TOML"):
        D.load_dossier(broken)
    empty = tmp_path / "empty.toml"
    empty.write_text('[article]\nfile = "x.txt"\n', encoding="utf-8")
    with pytest.raises(D.DossierError, match=r"no \[\[sources\]\]"):
        D.dossier_claims(empty)


def test_a_blank_is_fill_in_the_blank():
    import conflict_reading.lesson as lesson

    with pytest.raises(BlankError):
        lesson.compare_topic(lesson.dossier_claims(NAME), ___)


def test_in_a_notebook_a_wrong_topic_is_one_line(tmp_path, monkeypatch):
    cells = [
        "from conflict_reading.lesson import *\nclaims = dossier_claims(start('koalisi-isis-roma'))",
        'compare_topic(claims, "casualties")',
        'compare_topic(claims, ___)',
        'dossier_claims("konvoi-bantuan-lembah-arsa")',
    ]
    notebook = run_cells(cells, tmp_path, monkeypatch)
    assert not errors(notebook.cells[0])
    [wrong] = errors(notebook.cells[1])
    assert wrong["ename"] == "DossierError" and len(wrong["traceback"]) == 1
    assert wrong["traceback"][0].startswith("⚠ No topic 'casualties'")
    [blank] = errors(notebook.cells[2])
    assert len(blank["traceback"]) == 1 and "Fill in the blank" in blank["traceback"][0]
    assert not errors(notebook.cells[3]) and "no dossier" in shown_text(notebook.cells[3])


# --- lesson 07 agrees with the dossier --------------------------------------------------------------

LESSON_EXERCISES = {i: e for i, e in all_exercises().items() if e.lesson == "07"}


def test_every_topic_the_lesson_names_is_in_the_dossier():
    keys = {t["key"] for t in RAW["topics"]}
    notebook = nbformat.read(REPO / "notebooks" / "07-beyond-the-article.ipynb", as_version=4)
    named = set(re.findall(r'compare_topic\(claims, \\?"([a-z-]+)\\?"\)', "\n".join(c.source for c in notebook.cells)))
    for exercise in LESSON_EXERCISES.values():
        named |= set(re.findall(r'compare_topic\(claims, \\?"([a-z-]+)\\?"\)', " ".join(exercise.hints)
                                + exercise.solution))
    assert named and named <= keys, sorted(named - keys)


def test_every_source_the_exercises_name_is_in_the_dossier():
    names = set(D.load_dossier(NAME)["source"])
    mentioned = {"SANA", "Reuters", "ANSAmed", "Kompas.com", "USAID", "Sky TG24", "ITALPRESS", "CNBC", "SOHR"}
    assert mentioned <= names, sorted(mentioned - names)
    sana = D.load_dossier(NAME).set_index("source").loc["SANA"]
    assert sana["type"] == "party" and "Syrian government" in sana["voice"]


def test_the_computed_key_is_what_the_dossier_gives(claims, capsys):
    toll = D.compare_topic(claims, "strikes-casualties")
    assert check("07-toll-sources", toll["source"].nunique(), record=False).passed
    wrong = {w.answer for w in LESSON_EXERCISES["07-toll-sources"].wrong}
    assert D.compare_topic(claims, "strikes-legality")["source"].nunique() in wrong  # its message names that topic


def test_the_relations_the_exercises_rest_on_are_in_the_dossier(claims):
    def relations(topic):
        return set(claims.loc[claims["topic"] == topic, "relation"])

    assert {"contradicts", "adds"} <= relations("coalition-size")  # 07-counts-differ
    assert relations("money") == {"differs"}  # 07-money
    assert "contradicts" in relations("africa-speaker")  # 07-africa-speaker
    assert relations("strikes-casualties") == {"adds"}  # the article gives no figure
