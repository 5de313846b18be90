"""The benchmark harness works: `benchmarks/run.py` measures every figure and prints it.

These tests check the harness (every figure present, a number, in the table,
compared with earlier results), never the timings: speed is judged by reading
`make bench`, not asserted here.  The run is tiny (`--tiny`: one or two
repetitions, small texts) and quick (no fresh .venv, no 1 MB text), and times
one small notebook instead of the lessons.
"""

from __future__ import annotations

import doctest
import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS = REPO / "benchmarks"

# The figures issue 8 asks for, written out here (not read from run.py) so that a figure dropped by
# the harness makes this test fail.
ACCURACY = [
    "quotes_precision", "quotes_recall", "quotes_f1", "quotes_speaker_accuracy", "quotes_kind_accuracy",
    "numbers_precision", "numbers_recall", "numbers_f1", "numbers_exact_value_accuracy", "numbers_kind_accuracy",
    "places_precision", "places_recall", "places_f1", "places_name_accuracy", "places_kind_accuracy",
]
SPEED = [
    "extract_ms_per_1000_words", "extract_100kb_s", "import_overhead_s", "check_median_ms",
    "widget_feedback_median_ms", "widget_ask_median_ms", "widget_quotewalkthrough_median_ms",
    "widget_verbspotter_median_ms", "widget_numberhunt_median_ms", "widget_kindsorter_median_ms",
    "widget_placespotter_median_ms", "widget_rolesorter_median_ms", "check_hostile_worst_ms",
    "progress_load_10000_lines_ms",
]
QUICK_SKIPS = ["extract_1mb_s", "extract_linearity_ratio", "peak_memory_mb", "setup_fresh_venv_s", "setup_venv_mb",
               "setup_fresh_venv_uv_s", "setup_venv_uv_mb"]
NOTEBOOK = "notebook_tiny_lesson_s"  # for tiny-lesson.ipynb, made below
METADATA = ["date", "git_commit", "python", "cpu_count", "machine", "config"]


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bench")
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("total = sum(range(10))")])
    nbformat.write(notebook, folder / "tiny-lesson.ipynb")
    previous = folder / "previous.json"
    previous.write_text(json.dumps({"quotes_f1": 0.5, "check_median_ms": 1e9,
                                    "metadata": {"date": "then", "git_commit": "abc", "config": "full"}}))
    output = folder / "results.json"
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--quick", "--tiny", "--json", str(output),
         "--compare", str(previous), "--notebooks", str(folder / "*.ipynb")],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(output.read_text()), result.stdout


def rows(table: str) -> dict[str, list[str]]:
    """The table's rows by figure: the cells after the figure's name."""
    return {line.split()[0]: line.split()[1:] for line in table.splitlines() if line.startswith("  ")}


def test_every_figure_is_a_number(tiny_run):
    results, _ = tiny_run
    for key in ACCURACY + SPEED + [NOTEBOOK]:
        assert isinstance(results.get(key), (int, float)) and not isinstance(results[key], bool), key


def test_accuracy_figures_are_shares(tiny_run):
    results, _ = tiny_run
    assert all(0 <= results[key] <= 1 for key in ACCURACY)


def test_quick_skips_are_null_and_said_so(tiny_run):
    results, table = tiny_run
    skipped = list(QUICK_SKIPS)
    if not news_available():  # the real-news figures need ../shared/devset (or $CONFLICT_READING_DEVSET)
        skipped += [key for key in results if key.startswith("news_")]
        assert skipped[len(QUICK_SKIPS):], "without the development set the real-news figures are skipped"
    assert all(key in results and results[key] is None for key in skipped)
    assert sorted(results["metadata"]["skipped"]) == sorted(skipped)
    assert all(rows(table)[key][0] == "skipped" for key in skipped)


def news_available() -> bool:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import news_accuracy
    finally:
        sys.path.remove(str(BENCHMARKS))
    return news_accuracy.available()


def test_metadata(tiny_run):
    results, _ = tiny_run
    assert all(results["metadata"].get(key) not in (None, "") for key in METADATA)
    assert re.fullmatch(r"[0-9a-f]{40}", results["metadata"]["git_commit"])


def test_the_table_has_every_figure_in_its_group(tiny_run):
    results, table = tiny_run
    shown = rows(table)
    assert set(shown) == set(results) - {"metadata"}
    lines = table.splitlines()
    position = {line.split()[0]: i for i, line in enumerate(lines) if line.strip()}
    assert position["Accuracy"] < position["quotes_f1"] < position["Lessons"] < position["lesson_02_code_lines"] \
        < position["Speed"] < position["check_median_ms"] \
        < position["Setup"] < position["setup_venv_mb"]


def test_targets_are_shown_and_judged(tiny_run):
    results, table = tiny_run
    row = rows(table)["check_median_ms"]  # value, unit, "≤", 5, met?, ...
    assert row[1:4] == ["ms", "≤", "5"]
    assert row[4] == ("yes" if results["check_median_ms"] <= 5 else "NO")
    assert rows(table)[NOTEBOOK][1:4] == ["s", "≤", "5"]
    assert rows(table)["lesson_02_longest_cell_lines"][1:4] == ["lines", "≤", "3"]


def test_changes_since_the_previous_results(tiny_run):
    results, table = tiny_run
    f1 = rows(table)["quotes_f1"]
    assert f1[-3:] == ["0.500", f"{(results['quotes_f1'] - 0.5) * 100:+.1f}", "pt"]
    assert rows(table)["check_median_ms"][-1] == "x0.00"  # far faster than the 1e9 ms before
    assert "commit abc" in table


@pytest.mark.parametrize("module", ["run", "extraction", "fresh_venv"])
def test_benchmark_doctests(module, monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    failures, tried = doctest.testmod(importlib.import_module(module))
    assert tried > 0 and failures == 0
