"""Every benchmark of the kit, in one table, and benchmarks/results.json (``make bench``).

    .venv/bin/python benchmarks/run.py [--quick] [--only accuracy|speed|setup] [--json PATH]

Prints one table, grouped Accuracy / Speed / Setup: figure | value | unit |
target | met? | before | change.  Targets come from benchmarks/targets.toml.
"before" is the same figure in the previous results (``--compare``, by default
benchmarks/results.json), so a regression shows as a change.

A full run writes benchmarks/results.json (one key per figure, the unit in the
key's name, ``null`` for a figure not measured, and a ``metadata`` block).  A
partial run (``--quick``, ``--only``, ``--tiny``) writes only where ``--json``
says, so the committed full results stay comparable.

What each figure measures is in the docstring of the module that measures it:
accuracy.py (P/R/F1 on every hand-annotated article), extraction.py, imports.py,
checks.py, notebooks.py, widget_clicks.py, fresh_venv.py.  Timings are wall
time on a shared machine: they vary from run to run (medians are used
throughout), so compare changes larger than the noise.
"""

from __future__ import annotations

import argparse
import datetime
import fnmatch
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
DEFAULT_JSON = HERE / "results.json"
GROUPS = ("accuracy", "lessons", "speed", "setup")

# Repetitions: a full run, and a tiny one that only shows the harness works (tests/test_benchmarks.py).
FULL = {"extract_runs": 10, "large_runs": 3, "small_bytes": 100_000, "large_bytes": 1_000_000,
        "import_runs": 7, "check_rounds": 20, "clicks": 50}
TINY = {"extract_runs": 1, "large_runs": 1, "small_bytes": 5_000, "large_bytes": 50_000,
        "import_runs": 1, "check_rounds": 1, "clicks": 2}

ACCURACY_FIGURES = [f"{part}_{name}" for part, shares in (("quotes", ("speaker", "kind")),
                                                         ("numbers", ("exact_value", "kind")),
                                                         ("places", ("name", "kind")))
                    for name in ("precision", "recall", "f1", *(f"{share}_accuracy" for share in shares))]
EXTRACTION_FIGURES = ["extract_ms_per_1000_words", "extract_100kb_s", "extract_1mb_s", "extract_linearity_ratio",
                      "peak_memory_mb", "quotes_20000_unmatched_marks_s"]
LARGE_TEXT_FIGURES = ["extract_1mb_s", "extract_linearity_ratio", "peak_memory_mb"]  # skipped by --quick
# pip (always) and uv (null when uv is not on PATH): the Makefile's two ways of making .venv.
SETUP_FIGURES = ["setup_fresh_venv_s", "setup_venv_mb", "setup_fresh_venv_uv_s", "setup_venv_uv_mb"]


def figure_key(prefix: str, notebook: Path) -> str:
    """``notebook_00_start_s`` for notebooks/00-start.ipynb.

    >>> figure_key("notebook", Path("notebooks/02-who-speaks.ipynb"))
    'notebook_02_who_speaks_s'
    """
    return f"{prefix}_{re.sub(r'[^0-9a-z]+', '_', notebook.stem.lower()).strip('_')}_s"


def unit(key: str) -> str:
    """The unit a figure's key names.

    >>> [unit(k) for k in ("extract_ms_per_1000_words", "check_median_ms", "extract_1mb_s", "setup_venv_mb",
    ...                    "quotes_f1", "extract_linearity_ratio")]
    ['ms/1000 words', 'ms', 's', 'MB', 'share', 'ratio']
    """
    for suffix, name in (("_ms_per_1000_words", "ms/1000 words"), ("_ms", "ms"), ("_s", "s"), ("_mb", "MB"),
                         ("_ratio", "ratio"), ("_lines", "lines")):
        if key.endswith(suffix):
            return name
    return "share"


def load_targets(path: Path = HERE / "targets.toml") -> dict:
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def target_of(key: str, targets: dict) -> dict:
    """A figure's target: its own entry, else the first family (``*``) entry that matches, else none.

    >>> target_of("notebook_00_start_s", {"notebook_*_s": {"max": 5}})
    {'max': 5}
    >>> target_of("widget_x_map_median_ms", {"widget_*_median_ms": {"max": 50}, "widget_x_map_median_ms": {}})
    {}
    """
    if key in targets:
        return targets[key]
    return next((rule for pattern, rule in targets.items() if "*" in pattern and fnmatch.fnmatch(key, pattern)), {})


def verdict(value, target: dict) -> str:
    """'yes', 'NO', or '' when there is no target or no value.

    >>> verdict(3.0, {"max": 5}), verdict(7.0, {"max": 5}), verdict(0.9, {"min": 0.8}), verdict(None, {"max": 5})
    ('yes', 'NO', 'yes', '')
    """
    if value is None or not target:
        return ""
    ok = ("max" not in target or value <= target["max"]) and ("min" not in target or value >= target["min"])
    return "yes" if ok else "NO"


def target_text(target: dict) -> str:
    """'≤ 5' for a maximum, '≥ 0.8' for a minimum, '' for none (a value equal to its target meets it)."""
    parts = []
    if "max" in target:
        parts.append(f"≤ {target['max']:g}")
    if "min" in target:
        parts.append(f"≥ {target['min']:g}")
    return " and ".join(parts)


def change_text(key: str, value, before) -> str:
    """The change since the previous run: points for shares, per cent otherwise; '' if either is missing.

    >>> change_text("quotes_f1", 0.95, 0.97), change_text("check_median_ms", 3.3, 3.0), change_text("x_s", 1, None)
    ('-2.0 pt', '+10%', '')
    >>> change_text("check_median_ms", 12.0, 0.01)  # a factor, when per cent would be unreadable
    'x1200'
    """
    if not isinstance(value, (int, float)) or not isinstance(before, (int, float)):
        return ""
    if unit(key) == "share":
        return f"{(value - before) * 100:+.1f} pt"
    if not before:
        return ""
    ratio = value / before
    if ratio >= 10:
        return f"x{ratio:.0f}"
    return f"x{ratio:.2f}" if ratio <= 0.1 else f"{(ratio - 1) * 100:+.0f}%"


def number_text(key: str, value) -> str:
    if value is None:
        return "skipped"
    if unit(key) == "lines":
        return f"{value:.0f}"
    if unit(key) == "share":
        return f"{value:.3f}"
    if abs(value) >= 100:
        return f"{value:.0f}"
    return f"{value:.3f}" if abs(value) < 1 else f"{value:.2f}"


# --- measuring --------------------------------------------------------------------------------------

def measure_accuracy() -> dict:
    import accuracy

    summary = accuracy.summary()
    summary["numbers_exact_value_accuracy"] = summary.pop("numbers_value_accuracy")
    return {key: summary[key] for key in ACCURACY_FIGURES}, {"accuracy_articles": summary["quotes_articles"]}


NEWS_FIGURES = ("quotes_f1", "span_kind_accuracy", "speaker_accuracy", "indirect_recall", "indirect_precision")
NEWS_BASELINE = HERE / "news_baseline.json"


def measure_news() -> tuple[dict, dict]:
    """Speakers and sources on the hand-annotated real news (the development set), per language.

    Keys ``news_<all|id|en>_<figure>``; all None, with a note, when the texts are not beside the clone."""
    import news_accuracy

    keys = [f"news_{group}_{name}" for group in ("all", "id", "en") for name in NEWS_FIGURES]
    if not news_accuracy.available():
        return {key: None for key in keys}, {"news": f"development set not found at {news_accuracy.devset_folder()}"}
    groups, _ = news_accuracy.summary()
    figures = {f"news_{group}_{name}": groups[group][name] for group in groups for name in NEWS_FIGURES}
    return figures, {"news_articles": {g: groups[g]["articles"] for g in groups},
                     "news_quotations": groups["all"]["quotes"], "news_indirect_statements": groups["all"]["indirect"]}


PLACES_FIGURES = ("numbers_f1", "numbers_value_accuracy", "places_f1", "places_name_accuracy", "places_role_accuracy",
                  "about_mapped")
PLACES_BASELINE = HERE / "news_places_baseline.json"


def measure_news_places() -> tuple[dict, dict]:
    """Numbers and places on the hand-annotated real news (issue 15), per language: keys
    ``news_<all|id|en>_<figure>`` for PLACES_FIGURES; None when the texts are not beside the clone."""
    import news_accuracy
    import news_places_numbers

    keys = [f"news_{group}_{name}" for group in ("all", "id", "en") for name in PLACES_FIGURES]
    if not news_accuracy.available():
        return {key: None for key in keys}, {}
    groups, _ = news_places_numbers.summary()
    return ({f"news_{group}_{name}": groups[group][name] for group in groups for name in PLACES_FIGURES},
            {"news_numbers": groups["all"]["numbers"], "news_places": groups["all"]["places"]})


AGENCY_FIGURES = ("passive_precision", "passive_recall", "nominal_precision", "nominal_recall", "events_f1",
                  "agent_accuracy")


def measure_agency() -> dict:
    """The agency rules (issue 16) against the hand annotations: ``agency_<all|id|en>_<figure>`` on the articles
    they were written with, ``agency_heldout_<all|id|en>_<figure>`` on articles annotated after (never tuned on)."""
    import agency_accuracy

    found = {}
    for folder, prefix in ((agency_accuracy.ANNOTATIONS, "agency"), (agency_accuracy.HELDOUT, "agency_heldout")):
        flat = agency_accuracy.figures(folder, prefix)
        found.update({f"{prefix}_{group}_{name}": flat.get(f"{prefix}_{group}_{name}")
                      for group in ("all", "id", "en") for name in AGENCY_FIGURES})
    return found


def news_beside_baseline(results: dict) -> str:
    """The real-news figures beside those of the engine before issue 14 (benchmarks/news_baseline.json)."""
    try:
        baseline = json.loads(NEWS_BASELINE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    lines = [f"\nReal news, development set: now beside the engine before issue 14 (commit {baseline.get('commit')})",
             f"{'real news':26} " + " ".join(f"{g + ' now':>9} {g + ' old':>9}" for g in ("all", "id", "en"))]
    lines += _beside(results, baseline, NEWS_FIGURES)
    try:
        places = json.loads(PLACES_BASELINE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "\n".join(lines)
    lines.append(f"Numbers and places: now beside the engine before issue 15 (commit {places.get('commit')})")
    lines += _beside(results, places, PLACES_FIGURES)
    return "\n".join(lines)


def _beside(results: dict, baseline: dict, names) -> list[str]:
    lines = []
    for name in names:
        cells = []
        for group in ("all", "id", "en"):
            now, old = results.get(f"news_{group}_{name}"), baseline.get(f"news_{group}_{name}")
            cells.append(f"{'' if now is None else f'{now:.3f}':>9} {'none' if old is None else f'{old:.3f}':>9}")
        lines.append(f"· {name:24} " + " ".join(cells))
    return lines


def notebook_paths(pattern: str | None) -> list[Path]:
    if pattern:
        return sorted(Path().glob(pattern)) if not Path(pattern).is_absolute() else \
            sorted(Path(pattern).parent.glob(Path(pattern).name))
    return sorted((REPO / "notebooks").glob("*.ipynb")) + sorted((REPO / "exercises").glob("*.ipynb"))


def measure_notebooks(paths: list[Path]) -> tuple[dict, dict]:
    import notebooks

    figures, kernel_starts = {}, []
    for path in paths:
        row = notebooks.time_notebook(path)
        prefix = "practice" if path.parent.name == "exercises" else "notebook"
        figures[figure_key(prefix, path)] = row["execution_s"]
        kernel_starts.append(row["kernel_start_s"])
    meta = {"notebook_kernel_start_median_s": statistics.median(kernel_starts) if kernel_starts else None}
    return figures, meta


def measure_speed(config: dict, quick: bool, notebook_pattern: str | None, say) -> tuple[dict, dict]:
    import checks
    import extraction
    import imports
    import widget_clicks

    say("speed: extraction")
    figures = extraction.measure(config["extract_runs"], config["small_bytes"],
                                 None if quick else config["large_bytes"], config["large_runs"])
    import class_report

    import agency_accuracy

    say("speed: the agency rules")
    figures.update(agency_accuracy.speed(1 if quick else 3))
    say("speed: class-report on 300 learners")
    figures.update(class_report.measure(1 if quick else 3))
    say("speed: import time")
    figures.update(imports.measure(config["import_runs"]))
    say("speed: check()")
    latency = checks.check_latency(config["check_rounds"])
    figures.update({"check_median_ms": latency["saved_median_ms"],
                    "check_slowest_exercise_ms": latency["saved_slowest_ms"],
                    "check_unsaved_median_ms": latency["unsaved_median_ms"]})
    say("speed: hostile answers and a long progress journal")
    import hostile

    worst = hostile.measure(tiny=config is TINY)
    figures.update({key: worst[key] for key in ("check_hostile_worst_ms", "progress_load_10000_lines_ms")})
    say("speed: notebooks (Restart & Run All)")
    notebook_figures, meta = measure_notebooks(notebook_paths(notebook_pattern))
    figures.update(notebook_figures)
    say("speed: widget clicks")
    figures.update(widget_clicks.measure(config["clicks"]))
    meta["check_hostile_worst_case"] = worst["worst_case"]
    meta["peak_memory_method"] = "tracemalloc peak while extracting the 1 MB text (lexicons loaded before)"
    meta["extraction_includes"] = ("Article.from_text (paragraphs, language), sentence splitting (Punkt), "
                                   "find_quotes, find_numbers, find_places; warm; median of runs")
    return figures, meta


def measure_setup(say) -> tuple[dict, dict]:
    import fresh_venv

    say("setup: fresh .venv with pip, then with uv if it is on PATH (about a minute)")
    figures = fresh_venv.measure()
    sources = figures.pop("setup_packages")
    uv_sources = figures.pop("setup_uv_packages")
    warm = sources["downloaded"] == 0
    meta = {"setup_packages": sources,
            "setup_pip_cache": "warm (nothing downloaded)" if warm else
            f"cold: {sources['downloaded']} package files downloaded"}
    if uv_sources is None:
        meta["setup_uv"] = "not measured: uv is not on PATH"
    else:
        # uv always builds the kit itself (editable): one prepared package means a warm cache
        meta["setup_uv_packages"] = uv_sources
        meta["setup_uv_cache"] = ("warm (only the kit itself built)" if uv_sources["prepared"] <= 1 else
                                  f"cold: {uv_sources['prepared']} packages downloaded or built")
    return figures, meta


def metadata(config_name: str) -> dict:
    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
        return result.stdout.strip() if result.returncode == 0 else "unknown"

    return {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "git_commit": git("rev-parse", "HEAD"),
        "git_uncommitted_changes": bool(git("status", "--porcelain", "--untracked-files=no")),
        "python": platform.python_version(),
        "cpu_count": os.cpu_count(),
        "machine": f"{platform.machine()} {platform.system()} {platform.release()}",
        "processor": _cpu_model(),
        "load_average_1min_at_start": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "config": config_name,
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


# --- the table ---------------------------------------------------------------------------------------

def group_of(key: str) -> str:
    if key in ACCURACY_FIGURES or key.startswith(("news_", "agency_")) and unit(key) == "share":
        return "accuracy"
    if key.startswith("lesson_"):
        return "lessons"
    return "setup" if key.startswith("setup_") else "speed"


def table(results: dict, previous: dict, targets: dict) -> str:
    """The one table: a heading per group, a row per figure."""
    header = f"{'figure':44} {'value':>9} {'unit':13} {'target':>8} {'met?':>5} {'before':>9} {'change':>8}"
    lines = [header, "-" * len(header)]
    for group in GROUPS:
        keys = [k for k in results if k != "metadata" and group_of(k) == group]
        if not keys:
            continue
        lines.append(f"{group.capitalize()}")
        for key in keys:
            value, target = results[key], target_of(key, targets)
            before = previous.get(key)
            lines.append(f"  {key:42} {number_text(key, value):>9} {unit(key):13} {target_text(target):>8} "
                         f"{verdict(value, target):>5} "
                         f"{number_text(key, before) if isinstance(before, (int, float)) else '':>9} "
                         f"{change_text(key, value, before):>8}")
    return "\n".join(lines)


def read_previous(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the fresh .venv and the 1 MB text")
    parser.add_argument("--only", choices=GROUPS, action="append", help="run one group (may be repeated)")
    parser.add_argument("--json", type=Path, help=f"write the results here (a full run: {DEFAULT_JSON.name})")
    parser.add_argument("--compare", type=Path, help="compare with these results (default: benchmarks/results.json)")
    parser.add_argument("--tiny", action="store_true",
                        help="one or two repetitions and small texts: checks the harness, measures nothing")
    parser.add_argument("--notebooks", metavar="GLOB", help="time these notebooks instead of notebooks/ and exercises/")
    args = parser.parse_args(argv)
    groups = args.only or list(GROUPS)
    config, config_name = (TINY, "tiny") if args.tiny else (FULL, "full")
    if args.quick:
        config_name += ", quick"
        groups = [g for g in groups if g != "setup"] if not args.only else groups
    partial = args.quick or args.tiny or bool(args.only) or bool(args.notebooks)
    output = args.json or (None if partial else DEFAULT_JSON)
    previous = read_previous(args.compare or DEFAULT_JSON)

    # notebooks, check() and widgets must never touch the learner's own progress file
    os.environ["CONFLICT_READING_PROGRESS"] = str(Path(tempfile.mkdtemp(prefix="bench-")) / "progress.json")

    started = time.perf_counter()

    def say(message: str) -> None:
        print(f"... [{time.perf_counter() - started:5.1f} s] {message}", file=sys.stderr, flush=True)

    results, meta = {}, metadata(config_name)
    if "accuracy" in groups:
        say("accuracy: every hand-annotated article")
        figures, extra = measure_accuracy()
        results.update(figures)
        meta.update(extra)
        say("accuracy: real news, the hand-annotated development set")
        figures, extra = measure_news()
        results.update(figures)
        meta.update(extra)
        say("accuracy: numbers and places on real news")
        figures, extra = measure_news_places()
        results.update(figures)
        meta.update(extra)
        say("accuracy: who does what to whom (agency), tuned and held-out articles")
        results.update(measure_agency())
    if "lessons" in groups:
        import lesson_code

        say("lessons: code a learner meets per notebook")
        results.update(lesson_code.measure())
    if "speed" in groups:
        figures, extra = measure_speed(config, args.quick, args.notebooks, say)
        results.update(figures)
        meta.update(extra)
    if "setup" in groups:
        figures, extra = measure_setup(say)
        results.update(figures)
        meta.update(extra)
    elif not args.only:
        results.update({key: None for key in SETUP_FIGURES})
    meta["skipped"] = sorted(k for k, v in results.items() if v is None)
    results["metadata"] = meta

    targets = load_targets()
    print(table(results, previous, targets))
    if any(k.startswith("news_") and v is not None for k, v in results.items()):
        print(news_beside_baseline(results))
    missed = [k for k, v in results.items() if k != "metadata" and verdict(v, target_of(k, targets)) == "NO"]
    print(f"\n{len(missed)} figure(s) miss their target{': ' + ', '.join(missed) if missed else ''}.")
    if previous.get("metadata"):
        before = previous["metadata"]
        print(f"'before' is {args.compare or DEFAULT_JSON.relative_to(REPO)}: {before.get('date')}, commit "
              f"{str(before.get('git_commit'))[:10]}, config {before.get('config')}.")
    print("Timings are noisy on a shared machine (load average at start "
          f"{meta['load_average_1min_at_start']}): compare changes larger than the run-to-run noise.")
    if output:
        output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"Results written to {output}.")
    else:
        print("Partial run: results not written (give --json PATH to keep them).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
