"""The instructor's view of a class (``python -m conflict_reading class-report``), on journals and exports
made by the kit's own check/hint/reflect/progress for invented learners: the grid, the hardest exercises,
the commonest wrong answers, hints, reflections, files that cannot be used, and the command line."""

import json
import os
import re
import subprocess
import sys

import pytest

from conflict_reading import check, hint, progress, reflect
from conflict_reading.class_report import (MAX_ANSWER_TEXT, class_page, class_table, hardest, hints_used,
                                           read_class, wrong_answers, write_class_report)
from conflict_reading.exercises import all_exercises
from conflict_reading.progress import ProgressStore

from .conftest import REPO

MALICIOUS = "<script>alert('x')</script>"


def run(*args, cwd=REPO):
    return subprocess.run([sys.executable, "-m", "conflict_reading", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=120)


def kit_home(home, name):
    """A learner's home folder on a hub, with a checkout of the kit in it: returns the checkout."""
    kit = home / name / "reading-conflict-reporting"
    (kit / "notebooks").mkdir(parents=True)
    (kit / "exercises").mkdir()
    return kit


def as_learner(monkeypatch, journal):
    """From now on, check/hint/reflect/progress write this learner's journal."""
    monkeypatch.setenv("CONFLICT_READING_PROGRESS", str(journal))


def export(monkeypatch, folder, name):
    """Hand in this learner's progress as folder/name, written by progress(export=...)."""
    folder.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(folder)
    assert "Saved your progress" in progress(export=name)
    return folder / name


@pytest.fixture
def a_class(tmp_path, monkeypatch):
    """Three learners on a hub (journals in their home folders), two who handed in exports, and bad files."""
    home, handed_in = tmp_path / "home", tmp_path / "handed-in"

    amira = kit_home(home, "amira")
    as_learner(monkeypatch, amira / "my-progress" / "progress.jsonl")
    check("00-paragraphs", 28)
    check("00-paragraphs", 25)
    check("01-sentences", 25)
    check("01-sentences", " 25 ")
    hint("01-sentences")
    hint("01-sentences")
    reflect("05-reflection", "Only ministers speak. <b>Nobody</b> from Syria.")
    export(monkeypatch, amira / "notebooks", "amira-hadi.csv")  # the same learner, found in her home folder

    budi = kit_home(home, "budi")
    as_learner(monkeypatch, budi / "my-progress" / "progress.jsonl")
    check("00-paragraphs", "28")
    check("00-paragraphs", "25 paragraphs")
    check("01-sentences", 28)
    check("00-where-when", MALICIOUS)

    citra = kit_home(home, "citra")
    as_learner(monkeypatch, citra / "my-progress" / "progress.jsonl")
    check("00-paragraphs", 28)
    check("01-sentences", 28)

    as_learner(monkeypatch, tmp_path / "dewi-record" / "progress.jsonl")
    check("00-paragraphs", 25)
    export(monkeypatch, handed_in, "dewi.csv")

    as_learner(monkeypatch, tmp_path / "eko-record" / "progress.jsonl")
    check("01-sentences", 30)
    reflect("05-reflection", "The article never quotes anyone in Syria.")
    export(monkeypatch, handed_in, "eko.csv")

    (handed_in / "grades.csv").write_text("name,score\nfajar,10\n", encoding="utf-8")  # a CSV of something else
    (handed_in / "notes.jsonl").write_text('{"todo": "read chapter 3"}\n', encoding="utf-8")  # not a journal
    torn = handed_in / "gita.jsonl"  # a journal with a line cut off by a crash
    torn.write_bytes(b'{"event": "attempt", "exercise": "00-paragraphs", "passed": true, "answer": "25"}\n'
                     b'{"event": "attempt", "exercise": "01-sen')
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_grid_says_who_passed_tried_or_did_not_try_each_exercise(a_class):
    data = read_class([a_class / "home", a_class / "handed-in"])
    grid = class_table(data)
    assert list(grid.index) == ["amira", "budi", "citra", "dewi", "eko", "gita"]
    assert list(grid.columns) == list(all_exercises())  # every exercise, in lesson order
    assert grid.loc["amira", ["00-paragraphs", "01-sentences"]].tolist() == ["passed", "tried"]
    assert grid.loc["budi", ["00-paragraphs", "01-sentences", "00-where-when"]].tolist() == [
        "passed", "passed", "tried"]
    assert grid.loc["citra", ["00-paragraphs", "01-sentences"]].tolist() == ["tried", "passed"]
    assert grid.loc["dewi", ["00-paragraphs", "01-sentences"]].tolist() == ["passed", "not tried"]  # an export
    assert grid.loc["eko", ["00-paragraphs", "01-sentences"]].tolist() == ["not tried", "tried"]
    assert grid.loc["gita", "00-paragraphs"] == "passed"
    assert (grid.loc["citra"] == "not tried").sum() == len(grid.columns) - 2
    amira = next(learner for learner in data.learners if learner.name == "amira")
    assert amira.journal and len(amira.files) == 2  # her journal and her export, one learner


def test_the_hardest_exercises_come_first(a_class):
    table = hardest(read_class([a_class / "home", a_class / "handed-in"]))
    assert table["id"].tolist()[:3] == ["00-where-when", "01-sentences", "00-paragraphs"]
    rows = table.set_index("id")
    assert rows.loc["01-sentences", ["tried", "passed", "gave_up"]].tolist() == [4, 2, 2]  # amira, eko gave up
    assert rows.loc["00-paragraphs", ["tried", "passed", "gave_up"]].tolist() == [5, 4, 1]
    assert rows.loc["00-paragraphs", "attempts_to_pass"] == pytest.approx((2 + 2 + 1 + 1) / 4)
    assert rows.loc["01-sentences", "hinted"] == 1


def test_the_commonest_wrong_answers_are_counted_by_learners_and_times(a_class):
    data = read_class([a_class / "home", a_class / "handed-in"])
    wrong = wrong_answers(data)
    paragraphs = wrong[wrong["id"] == "00-paragraphs"].values.tolist()
    assert paragraphs == [["00-paragraphs", "28", 3, 3]]  # amira, budi and citra all counted sentences
    sentences = wrong[wrong["id"] == "01-sentences"].values.tolist()
    assert sentences == [["01-sentences", "25", 2, 1]]  # " 25 " is "25"; eko's export keeps no answers
    assert hints_used(data).values.tolist() == [["01-sentences", 1, 2]]


def test_the_page_escapes_what_learners_wrote_and_loads_nothing(a_class):
    data = read_class([a_class / "home", a_class / "handed-in"])
    page = class_page(data)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;Nobody&lt;/b&gt;" in page and "<b>Nobody</b>" not in page
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page, re.I)
    assert "http" not in page and "@import" not in page and "url(" not in page
    assert page.count('<th scope="row">') >= 6 and '<th scope="col">' in page  # real table headers
    assert "✔" in page and "✘" in page and '<span class="sr">passed, 2 answers</span>' in page  # not colour alone
    reflections = page[page.index('id="reflections"'):page.index('id="files"')]
    assert reflections.index(">amira<") < reflections.index("Only ministers speak.")
    assert reflections.index(">eko<") < reflections.index("never quotes anyone in Syria")
    assert "named after their files" in page


def test_bad_and_foreign_files_are_listed_never_fatal(a_class):
    data = read_class([a_class / "home", a_class / "handed-in"])
    problems = {os.path.basename(p.path): p for p in data.problems}
    assert set(problems) == {"grades.csv", "notes.jsonl", "gita.jsonl"}
    assert "CSV of something else" in problems["grades.csv"].what and not problems["grades.csv"].used
    assert "not a progress journal" in problems["notes.jsonl"].what
    assert "1 line could not be read" in problems["gita.jsonl"].what and problems["gita.jsonl"].used
    page = class_page(data)
    files = page[page.index('id="files"'):]
    assert "grades.csv" in files and "notes.jsonl" in files and "gita.jsonl" in files


def test_nothing_it_reads_is_changed_or_added_to(a_class):
    def snapshot():
        return {str(p): (p.read_bytes() if p.is_file() else None) for p in sorted(a_class.rglob("*"))}

    before = snapshot()
    read_class([a_class / "home", a_class / "handed-in"])
    assert snapshot() == before  # no lock file made in a learner's folder, nothing rewritten


def test_the_journal_keeps_the_answers_text_bounded_and_old_journals_are_still_read(tmp_path, monkeypatch):
    journal = tmp_path / "old" / "progress.jsonl"
    journal.parent.mkdir()
    (tmp_path / "old" / "progress.json").write_text(json.dumps({"version": 1, "attempts": [
        {"exercise": "00-paragraphs", "passed": False, "at": "2021-06-28T10:00:00+00:00"}]}), encoding="utf-8")
    journal.write_text('{"event": "attempt", "exercise": "00-paragraphs", "passed": false, '
                       '"at": "2021-06-28T10:01:00+00:00"}\n', encoding="utf-8")  # a line of the kit before answers
    as_learner(monkeypatch, journal)
    check("00-paragraphs", "x" * 5000)
    check("00-paragraphs", ["Blinken", "Di Maio"])
    check("00-paragraphs", ...)  # not answered: no text
    lines = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
    assert "answer" not in lines[0]
    assert len(lines[1]["answer"]) == MAX_ANSWER_TEXT and lines[1]["answer"].endswith("…")
    assert lines[2]["answer"] == "['Blinken', 'Di Maio']"
    assert lines[3]["blank"] is True and "answer" not in lines[3]
    assert len(ProgressStore(journal).load()["attempts"]) == 5  # the old base, the old line and the new ones
    data = read_class([journal])
    assert data.learners[0].name == "old" and not data.problems
    assert class_table(data).loc["old", "00-paragraphs"] == "tried"
    assert wrong_answers(data)["times"].sum() == 2
    assert "2 wrong answers were saved by an older version of the kit" in class_page(data)


def test_an_empty_folder_gives_a_page_that_says_so(tmp_path):
    (tmp_path / "handed-in").mkdir()
    result = run("class-report", "handed-in", "-o", "class.html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "No progress journals or exports were found" in (tmp_path / "class.html").read_text(encoding="utf-8")
    assert (tmp_path / "class.csv").read_text(encoding="utf-8").startswith("learner,passed,tried,not tried,")
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_command_writes_the_page_and_the_gradebook_csv(a_class):
    result = run("class-report", "home", "handed-in", "-o", "class.html", cwd=a_class)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    note = result.stderr.strip().splitlines()
    assert len(note) == 1 and "grades.csv" in note[0] and "listed in the page" in note[0]
    page = (a_class / "class.html").read_text(encoding="utf-8")
    assert "The class at a glance" in page and "&lt;script&gt;" in page and "<script" not in page
    rows = (a_class / "class.csv").read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    assert header[:5] == ["learner", "passed", "tried", "not tried", next(iter(all_exercises()))]
    citra = dict(zip(header, rows[3].split(",")))
    assert citra["learner"] == "citra" and citra["00-paragraphs"] == "tried" and citra["01-sentences"] == "passed"
    assert citra["passed"] == "1" and citra["tried"] == "1"
    again = run("class-report", "home", "handed-in", "-o", "class.html", cwd=a_class)  # its own files: replaced
    assert again.returncode == 0, again.stderr
    beside = run("class-report", "handed-in", "-o", "handed-in/class.html", cwd=a_class)
    assert beside.returncode == 0, beside.stderr
    twice = read_class([a_class / "handed-in"])  # the class grid written among the files is not a learner's
    assert "class" not in [learner.name for learner in twice.learners]
    assert "class.csv" not in {os.path.basename(p.path) for p in twice.problems}


@pytest.mark.parametrize("args, message", [
    ([], "required: PATH"),
    (["no-such-folder"], "does not exist"),
    (["handed-in", "--bogus"], "unrecognized arguments"),
    (["handed-in", "-o", "no-such-folder/class.html"], "does not exist"),
    (["handed-in", "-o", "notes.html"], "--force"),
    (["handed-in", "-o", "out.html", "--csv", "handed-in/eko.csv", "--force"], "learners' files"),
], ids=["no-path", "missing-path", "unknown-option", "output-folder-missing", "foreign-output", "over-an-input"])
def test_bad_arguments_are_one_line_and_a_nonzero_exit(a_class, args, message):
    (a_class / "notes.html").write_text("<p>my notes</p>", encoding="utf-8")
    eko = (a_class / "handed-in" / "eko.csv").read_bytes()
    result = run("class-report", *args, cwd=a_class)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and message in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert (a_class / "notes.html").read_text(encoding="utf-8") == "<p>my notes</p>"
    assert (a_class / "handed-in" / "eko.csv").read_bytes() == eko


def test_learners_are_named_by_their_files_or_folders(tmp_path, monkeypatch):
    as_learner(monkeypatch, tmp_path / "handed-in" / "hana" / "week-1" / "progress.jsonl")
    check("00-paragraphs", 25)
    export(monkeypatch, tmp_path / "handed-in", "my-progress.csv")  # the notebooks' name: the folder names it
    data = read_class([tmp_path / "handed-in"])
    assert [learner.name for learner in data.learners] == ["hana", "handed-in"]
    home = kit_home(tmp_path / "hub", "indra")
    as_learner(monkeypatch, home / "my-progress" / "progress.jsonl")
    check("00-paragraphs", 28)
    assert [learner.name for learner in read_class([tmp_path / "hub" / "indra"]).learners] == ["indra"]


def test_files_that_cannot_be_read_are_listed(tmp_path, monkeypatch):
    import conflict_reading.class_report as class_report

    folder = tmp_path / "handed-in"
    folder.mkdir()
    (folder / "big.csv").write_text("id,lesson,title,status,attempts,first_passed_at,last_attempt_at\n" + "x" * 2000)
    (folder / "latin1.csv").write_bytes("id,lesson,title,status,attempts,first_passed_at,last_attempt_at\n"
                                        "00-paragraphs,00,Caf\xe9,passed,1,,\n".encode("latin-1"))
    (folder / "old.json").write_text("{not json", encoding="utf-8")
    os.mkfifo(folder / "pipe.csv")  # never opened: a pipe would wait for a writer
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    monkeypatch.setattr(class_report, "MAX_EXPORT_BYTES", 1000)
    data = read_class([folder, folder / "pipe.csv", tmp_path / "notes.txt"])
    said = {os.path.basename(p.path): p.what for p in data.problems}
    assert "too large" in said["big.csv"]
    assert "not UTF-8" in said["latin1.csv"]
    assert "not a progress record" in said["old.json"]
    assert "not a regular file" in said["pipe.csv"]
    assert "not a progress journal or export" in said["notes.txt"]
    assert data.learners == []
    assert "No progress journals or exports were found" in class_page(data)


def test_300_learners_by_40_exercises_are_all_read_and_listed(tmp_path):
    # how long it takes is measured in benchmarks/class_report.py (make bench), not asserted here
    from benchmarks.class_report import generated_class

    page, grid, data = write_class_report([generated_class(tmp_path)], tmp_path / "class.html")
    assert len(data.learners) == 300 and not data.problems
    assert len(grid.read_text(encoding="utf-8").splitlines()) == 301
    assert "learner-299" in page.read_text(encoding="utf-8")
