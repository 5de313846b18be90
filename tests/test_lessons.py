"""The instructors' lesson plans in lessons/ agree with the notebooks they plan for.

Each plan is checked against the files it describes, never against itself alone:
its minutes against the notebook's front matter, its section names against the
notebook's headings, its paths and links against the repository, its exercise ids
against exercises/*.toml, and the instructor guide's nbgitpuller links against the
files they open.  The guide's pandas recipe for combining progress exports is run
on two exports written by the kit's own ``progress(export=...)``.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import nbformat
import pytest
import yaml

from .conftest import REPO

LESSONS_DIR = REPO / "lessons"
GUIDE = LESSONS_DIR / "instructor-guide.md"
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
LESSON_PLANS = sorted(LESSONS_DIR.glob("[0-9][0-9]-*.md"))
WRITING = LESSONS_DIR / "WRITING.md"  # how a lesson is written: for lesson writers, not a plan
MARKDOWN_FILES = LESSON_PLANS + [GUIDE, WRITING]

REQUIRED_KEYS = {"title", "teaching", "exercises", "questions", "objectives", "keypoints", "notebook", "practice"}
REQUIRED_SECTIONS = [
    "Overview",
    "Before class",
    "Timed plan for a 90-minute class",
    "Timed plan for a 45-minute class",
    "Self-study route",
    "Discussion prompts",
    "Common misconceptions and how to answer them",
    "Where the solutions are",
    "Instructor notes",
]
CLASS_MINUTES = 90
SHORT_CLASS_MINUTES = 45
MAX_BLOCKS = 8  # a plan a teacher can keep: at most eight blocks in 90 minutes (issue 13)
NO_SECTION = {"—", "-", ""}  # a plan row that uses no notebook section (a break, a welcome)
SECTION_SEPARATOR = " · "
# Paths a lesson may name that are made at run time, not kept in the repository.
GENERATED = ("build/", "my-progress/", "handed-in/")
REPO_PATH = re.compile(
    r"^(?:notebooks|exercises|lessons|data|conflict_reading|tests|benchmarks|scripts|build|my-progress)/[\w./-]*$"
    r"|^(?:Makefile|README\.md|pyproject\.toml|environment\.yml|LICENSE|LICENSE-lessons\.md)$"
)
EXERCISE_ID = re.compile(r"^\d\d-[a-z][a-z0-9-]*$")
EXERCISE_CALL = re.compile(r"""\b(?:check|hint|solution|ask|reflect|ReflectionBox)\(\s*["'](\d\d-[a-z0-9-]+)["']""")
HUB_LINK = re.compile(r"https?://[^\s)>\]`\"']*/hub/user-redirect/git-pull\?[^\s)>\]`\"']+")
NBGITPULLER_PARAMETERS = {"repo", "branch", "urlpath"}


# --- reading the files ------------------------------------------------------------------------

def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def front_matter(text: str) -> dict:
    """The YAML block between the first two lines that are exactly '---'."""
    match = re.match(r"\A---\n(.*?)\n---\n", text, flags=re.DOTALL)
    assert match, "a lesson starts with YAML front matter between two '---' lines"
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict), "the front matter is a YAML mapping"
    return data


def without_code_blocks(text: str) -> str:
    return re.sub(r"^```.*?^```", "", text, flags=re.DOTALL | re.MULTILINE)


def section(text: str, title: str) -> tuple[str, str]:
    """(heading line, body) of the level-2 section whose heading starts with ``title``."""
    body = without_code_blocks(text)
    match = re.search(rf"^## ({re.escape(title)}[^\n]*)\n(.*?)(?=^## |\Z)", body, flags=re.DOTALL | re.MULTILINE)
    assert match, f"no section '## {title}'"
    return match.group(1), match.group(2)


def first_table(body: str) -> list[dict[str, str]]:
    """The first Markdown table in ``body`` as a list of rows keyed by the header cells."""
    lines = [line.strip() for line in body.splitlines()]
    start = next((i for i, line in enumerate(lines) if line.startswith("|")), None)
    assert start is not None, "no table"
    table = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        table.append([cell.strip() for cell in line.strip("|").split("|")])
    header, separator, *rows = table
    assert all(set(cell) <= set(":- ") for cell in separator), "the table's second line is its separator"
    assert rows, "the table has rows"
    for row in rows:
        assert len(row) == len(header), f"row {row[:2]} has {len(row)} cells, the header {len(header)}"
    return [dict(zip(header, row)) for row in rows]


def minutes(cell: str) -> int:
    """'0:25' or '25' as a number of minutes."""
    match = re.fullmatch(r"(?:(\d+):)?(\d+)", cell.strip("* "))
    assert match, f"not a time in minutes: {cell!r}"
    hours, mins = match.groups()
    return int(hours or 0) * 60 + int(mins)


def normalise(heading: str) -> str:
    """A heading as a reader sees it: no Markdown emphasis or code marks, single spaces."""
    return " ".join(re.sub(r"[*`]", "", heading).split())


def notebook_headings(path: Path) -> set[str]:
    notebook = nbformat.read(path, as_version=4)
    return {
        normalise(match.group(1))
        for cell in notebook.cells if cell.cell_type == "markdown"
        for match in re.finditer(r"^#{1,6}\s+(.+)$", cell.source, flags=re.MULTILINE)
    }


def notebook_minutes(path: Path) -> tuple[int, int]:
    """Teaching and exercise minutes from the notebook's first cell."""
    first = nbformat.read(path, as_version=4).cells[0].source
    match = re.search(r"\*\*Teaching:\*\*\s*(\d+)\s*min.*?\*\*Exercises:\*\*\s*(\d+)\s*min", first)
    assert match, f"{path.name}: the first cell gives no '**Teaching:** N min · **Exercises:** N min'"
    return int(match.group(1)), int(match.group(2))


def plan_sections(rows: list[dict[str, str]]) -> list[str]:
    names = []
    for row in rows:
        for name in row["Notebook section"].split(SECTION_SEPARATOR):
            if normalise(name) not in NO_SECTION:
                names.append(normalise(name))
    return names


def exercise_ids() -> set[str]:
    ids = set()
    for path in (REPO / "exercises").glob("*.toml"):
        with open(path, "rb") as handle:
            ids |= {entry["id"] for entry in tomllib.load(handle).get("exercise", [])}
    return ids


def reflection_keys() -> set[str]:
    """The names under which the notebooks save reflections, e.g. ReflectionBox("05-reflection", ...)."""
    keys = set()
    for path in NOTEBOOKS:
        for cell in nbformat.read(path, as_version=4).cells:
            keys |= set(re.findall(r"""\b(?:ReflectionBox|reflect)\(\s*["']([^"']+)["']""", cell.source))
    return keys


def lesson_of(notebook: Path) -> Path:
    return LESSONS_DIR / f"{notebook.stem}.md"


def _id(path: Path) -> str:
    return path.name


# --- one lesson plan per notebook ------------------------------------------------------------

def test_every_notebook_has_a_lesson_plan():
    missing = [n.name for n in NOTEBOOKS if not lesson_of(n).is_file()]
    assert NOTEBOOKS and missing == [], f"notebooks without a plan in lessons/: {missing}"


def test_every_lesson_plan_has_a_notebook():
    stems = {n.stem for n in NOTEBOOKS}
    orphans = [p.name for p in LESSON_PLANS if p.stem not in stems]
    assert orphans == [], f"plans in lessons/ with no notebooks/<same name>.ipynb: {orphans}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_id)
def test_front_matter_has_the_required_keys(notebook):
    meta = front_matter(_read(lesson_of(notebook)))
    assert REQUIRED_KEYS <= set(meta), f"missing keys: {sorted(REQUIRED_KEYS - set(meta))}"
    assert isinstance(meta["title"], str) and meta["title"].strip()
    for key in ("teaching", "exercises"):
        assert isinstance(meta[key], int) and meta[key] >= 0, f"{key} is a whole number of minutes"
    for key in ("questions", "objectives", "keypoints"):
        assert isinstance(meta[key], list) and meta[key], f"{key} is a non-empty list"
        assert all(isinstance(item, str) and item.strip() for item in meta[key]), f"every {key} item is text"
    assert meta["notebook"] == f"notebooks/{notebook.name}"
    if meta["practice"] is not None:  # a lesson without exercises of its own has no practice notebook
        assert re.fullmatch(r"exercises/\d\d-[\w-]+\.ipynb", meta["practice"]), meta["practice"]
        assert (REPO / meta["practice"]).is_file(), f"{meta['practice']} does not exist"
        assert meta["practice"][len("exercises/"):][:2] == notebook.name[:2], "the practice notebook of the same lesson"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_id)
def test_minutes_agree_with_the_notebook(notebook):
    meta = front_matter(_read(lesson_of(notebook)))
    assert (meta["teaching"], meta["exercises"]) == notebook_minutes(notebook)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_id)
def test_lesson_has_every_section_in_order(notebook):
    text = without_code_blocks(_read(lesson_of(notebook)))
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    found = [next((i for i, h in enumerate(headings) if h.startswith(s)), None) for s in REQUIRED_SECTIONS]
    assert None not in found, f"missing sections: {[s for s, i in zip(REQUIRED_SECTIONS, found) if i is None]}"
    assert found == sorted(found), "the sections come in the order of the lesson template"


# --- the timed plans ------------------------------------------------------------------------

PLANS = [("Timed plan for a 90-minute class", CLASS_MINUTES), ("Timed plan for a 45-minute class", SHORT_CLASS_MINUTES)]


@pytest.mark.parametrize("plan, total", PLANS, ids=["90", "45"])
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_id)
def test_class_plan_adds_up_and_keeps_to_eight_blocks(notebook, plan, total):
    _, body = section(_read(lesson_of(notebook)), plan)
    rows = first_table(body)
    assert {"Start", "Min", "Notebook section"} <= set(rows[0]), "columns Start, Min and Notebook section"
    starts = [minutes(row["Start"]) for row in rows]
    lengths = [minutes(row["Min"]) for row in rows]
    assert all(length > 0 for length in lengths), "every block takes time"
    assert starts[0] == 0, "the plan starts at 0:00"
    for i in range(1, len(rows)):
        assert starts[i] == starts[i - 1] + lengths[i - 1], (
            f"block {i + 1} starts at {rows[i]['Start']}, but the block before ends at minute "
            f"{starts[i - 1] + lengths[i - 1]}")
    assert sum(lengths) == total, f"the blocks add up to {sum(lengths)} minutes, not {total}"
    assert len(rows) <= MAX_BLOCKS, f"{len(rows)} blocks: a plan a teacher can keep has at most {MAX_BLOCKS}"


@pytest.mark.parametrize("plan", [p for p, _ in PLANS], ids=["90", "45"])
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_id)
def test_class_plan_names_real_notebook_sections(notebook, plan):
    _, body = section(_read(lesson_of(notebook)), plan)
    named = plan_sections(first_table(body))
    unknown = sorted(set(named) - notebook_headings(notebook))
    assert named and unknown == [], f"sections not in {notebook.name}: {unknown}"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=_id)
def test_self_study_route_is_timed_and_names_real_sections(notebook):
    heading, body = section(_read(lesson_of(notebook)), "Self-study route")
    total = re.search(r"\((?:about )?(\d+) minutes\)", heading)
    assert total, "the heading gives the route's total, e.g. '## Self-study route (about 80 minutes)'"
    rows = first_table(body)
    assert sum(minutes(row["Min"]) for row in rows) == int(total.group(1)), "the steps add up to the total"
    unknown = sorted(set(plan_sections(rows)) - notebook_headings(notebook))
    assert unknown == [], f"sections not in {notebook.name}: {unknown}"


# --- paths, links and exercise ids ------------------------------------------------------------

def anchors(path: Path) -> set[str]:
    """The anchors GitHub makes for the headings of a Markdown file: lower case, punctuation dropped, '-' for ' '."""
    headings = re.findall(r"^#{1,6}\s+(.+)$", without_code_blocks(_read(path)), flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", normalise(h).lower()).replace(" ", "-") for h in headings}


@pytest.mark.parametrize("path", MARKDOWN_FILES, ids=_id)
def test_relative_links_point_at_files_and_headings(path):
    text = without_code_blocks(_read(path))
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)", text):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):
            continue  # a web address
        file_part, _, anchor = target.partition("#")
        linked = (path.parent / unquote(file_part)) if file_part else path
        if not linked.exists() or (anchor and linked.suffix == ".md" and anchor not in anchors(linked)):
            broken.append(target)
    assert broken == [], f"links to files or headings that do not exist: {broken}"


@pytest.mark.parametrize("path", MARKDOWN_FILES, ids=_id)
def test_repository_paths_in_backticks_exist(path):
    text = without_code_blocks(_read(path))
    spans = re.findall(r"`([^`\n]+)`", text)
    paths = [s for s in spans if REPO_PATH.match(s) and not any(c in s for c in "<>*{}") and "NN" not in s]
    assert paths, "a lesson names files of the kit"
    missing = [p for p in paths if not p.startswith(GENERATED) and not (REPO / p).exists()]
    assert missing == [], f"paths that do not exist in the repository: {missing}"


@pytest.mark.parametrize("path", MARKDOWN_FILES, ids=_id)
def test_exercise_ids_exist(path):
    text = _read(path)
    named = set(EXERCISE_CALL.findall(text))
    file_stems = {p.stem for folder in ("notebooks", "exercises") for p in (REPO / folder).iterdir()}
    named |= {s for s in re.findall(r"`([^`\n]+)`", without_code_blocks(text))
              if EXERCISE_ID.match(s) and s not in file_stems}  # `02-who-speaks` names a lesson, not an exercise
    unknown = sorted(named - exercise_ids() - reflection_keys())
    assert unknown == [], f"exercise ids not defined in exercises/*.toml (nor reflections of a notebook): {unknown}"


# --- the instructor guide ---------------------------------------------------------------------

def hub_links() -> list[str]:
    """Every nbgitpuller link in the guide (none if the guide is missing: test_guide_exists fails then)."""
    return HUB_LINK.findall(_read(GUIDE)) if GUIDE.is_file() else []


def test_guide_exists_with_its_sections():
    text = without_code_blocks(_read(GUIDE))
    for title in ("Run the kit on your own computer", "Binder", "JupyterHub with nbgitpuller", "Instructor mode",
                  "Grading with the progress export", "Presenting", "Add an article"):
        assert re.search(rf"^## .*{re.escape(title)}", text, flags=re.MULTILINE | re.IGNORECASE), title


def test_guide_has_an_nbgitpuller_link_for_every_notebook():
    opened = {unquote(parse_qs(urlsplit(link).query)["urlpath"][0]).split("/", 3)[-1] for link in hub_links()}
    expected = {f"notebooks/{n.name}" for n in NOTEBOOKS}
    assert expected <= opened, f"no link opens {sorted(expected - opened)}"


@pytest.mark.parametrize("link", hub_links() or ["(no link found)"])
def test_nbgitpuller_link_is_well_formed_and_opens_a_real_file(link):
    parts = urlsplit(link)
    assert parts.scheme == "https" and parts.netloc, "an https address of a hub"
    assert parts.path.endswith("/hub/user-redirect/git-pull")
    query = parse_qs(parts.query, strict_parsing=True)
    assert set(query) == NBGITPULLER_PARAMETERS, f"parameters {sorted(query)}"
    assert all(len(values) == 1 for values in query.values()), "each parameter once"
    raw_repo = re.search(r"(?:^|&)repo=([^&]*)", parts.query).group(1)
    assert "/" not in raw_repo and ":" not in raw_repo, "the repository address is URL-encoded"
    repo = urlsplit(query["repo"][0])
    assert repo.scheme == "https" and repo.netloc, "the repository is an https address"
    assert query["branch"] == ["main"], "nbgitpuller's default branch is master: the kit's is main"
    urlpath = query["urlpath"][0]
    assert urlpath.startswith("lab/tree/"), "opens JupyterLab"
    folder, _, inside = urlpath[len("lab/tree/"):].partition("/")
    assert folder == repo.path.rstrip("/").split("/")[-1], (
        "nbgitpuller clones into a folder named after the repository (a .git ending stays): the path starts with it")
    assert inside and (REPO / inside).is_file(), f"{inside} is not a file of the kit"


def _tested_block(name: str) -> str:
    """The fenced Python block that follows '<!-- tested: name -->' in the guide."""
    match = re.search(rf"<!-- tested: {re.escape(name)} -->\s*```python\n(.*?)^```", _read(GUIDE),
                      flags=re.DOTALL | re.MULTILINE)
    assert match, f"the guide has no tested block '{name}'"
    return match.group(1)


def test_guide_link_maker_writes_the_links_the_guide_lists():
    namespace = {}
    exec(_tested_block("nbgitpuller-links"), namespace)
    made = namespace["links"]
    assert set(made) == set(hub_links()), "the listed links are the ones the recipe makes"
    assert len(made) == len(NOTEBOOKS)


def test_guide_recipe_combines_two_progress_exports(tmp_path, monkeypatch):
    from conflict_reading import check, progress, reflect

    handed_in = tmp_path / "handed-in"
    handed_in.mkdir()
    # Two learners, each with their own progress file, export with the kit's own progress().
    monkeypatch.setenv("CONFLICT_READING_PROGRESS", str(tmp_path / "amira.json"))
    assert check("00-paragraphs", 28).passed is False
    assert check("00-paragraphs", 25).passed is True
    assert check("03-total-aid", "13,5 miliar").passed is True
    reflect("05-reflection", "Only two ministers speak; nobody who was struck.")
    progress(export=handed_in / "amira.csv")
    monkeypatch.setenv("CONFLICT_READING_PROGRESS", str(tmp_path / "budi.json"))
    assert check("00-paragraphs", 24).passed is False
    progress(export=handed_in / "budi.csv")

    monkeypatch.chdir(tmp_path)
    namespace = {}
    exec(_tested_block("combine-exports"), namespace)
    grid, passed = namespace["grid"], namespace["passed"]

    assert list(grid.index) == ["amira", "budi"]
    assert grid.loc["amira", "00-paragraphs"] == "passed"
    assert grid.loc["budi", "00-paragraphs"] == "tried"
    assert grid.loc["budi", "03-total-aid"] == "not tried"
    assert passed.loc["amira", "00"] == 1 and passed.loc["amira", "03"] == 1
    assert passed.loc["budi"].sum() == 0
    attempts = namespace["everyone"].set_index(["student", "id"])["attempts"]
    assert attempts[("amira", "00-paragraphs")] == 2 and attempts[("budi", "00-paragraphs")] == 1
    assert grid.loc["amira", "05-reflection"] == "written"
    reflections = namespace["reflections"].set_index("student")["reflection"]
    assert reflections.to_dict() == {"amira": "Only two ministers speak; nobody who was struck."}
    assert (tmp_path / "class-status.csv").is_file() and (tmp_path / "class-reflections.csv").is_file()


def test_the_guides_table_gives_each_notebooks_own_minutes():
    rows = {row["Notebook"].strip("`"): row for row in first_table(_read(GUIDE))}
    for notebook in NOTEBOOKS:
        row = rows[f"notebooks/{notebook.name}"]
        teaching, exercises = notebook_minutes(notebook)
        assert row["Teaching + exercises (notebook)"] == f"{teaching} + {exercises} min", notebook.name
