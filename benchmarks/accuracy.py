"""Accuracy of the reading engine on every hand-annotated article in data/.

    .venv/bin/python benchmarks/accuracy.py [--details]

For each annotation file in ``data/annotations/`` the article is read from
``data/articles/`` or ``data/devset/`` and run through the engine.  A found
quotation matches a gold one when their character spans overlap by at least
half of their union (one-to-one).  Reported: precision, recall, F1, and for the
matched quotations the share with the right kind and the right speaker; for
numbers, the share with the exact value and the right kind.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from conflict_reading import load_article  # noqa: E402
from conflict_reading.answers import normalize_text  # noqa: E402
from conflict_reading.numbers import find_numbers  # noqa: E402
from conflict_reading.places import find_places  # noqa: E402
from conflict_reading.quotes import find_quotes  # noqa: E402


def article_path(stem: str) -> Path:
    for folder in ("articles", "devset"):
        path = REPO / "data" / folder / f"{stem}.txt"
        if path.exists():
            return path
    raise FileNotFoundError(stem)


def overlap(a: tuple[int, int], b: tuple[int, int], of_shorter: bool = False) -> float:
    """The shared length over the union of the two spans (or, ``of_shorter``, over the shorter one)."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    whole = min(a[1] - a[0], b[1] - b[0]) if of_shorter else max(a[1], b[1]) - min(a[0], b[0])
    return inter / whole if whole > 0 else 0.0


def match(gold: list[dict], found: list[dict], threshold: float = 0.5,
          of_shorter: bool = False) -> list[tuple[dict, dict]]:
    pairs, used = [], set()
    for g in gold:
        best, best_score = None, threshold
        for index, f in enumerate(found):
            score = overlap((g["start"], g["end"]), (f["start"], f["end"]), of_shorter)
            if index not in used and score >= best_score:
                best, best_score = index, score
        if best is not None:
            used.add(best)
            pairs.append((g, found[best]))
    return pairs


def same_speaker(gold, found) -> bool:
    if gold in (None, "") or found in (None, ""):
        return gold in (None, "") and found in (None, "")
    return normalize_text(gold) == normalize_text(found)


def quote_scores(stem: str) -> dict:
    annotation = json.loads((REPO / "data" / "annotations" / f"{stem}.json").read_text(encoding="utf-8"))
    gold = annotation.get("quotes", [])
    article = load_article(article_path(stem))
    found = find_quotes(article).astype(object).where(lambda d: d.notna(), None).to_dict("records")
    pairs = match(gold, found)
    return {
        "article": stem, "gold": len(gold), "found": len(found), "matched": len(pairs),
        "kind_right": sum(g["kind"] == f["kind"] for g, f in pairs),
        "speaker_right": sum(same_speaker(g["speaker"], f["speaker"]) for g, f in pairs),
        "errors": [
            (g["paragraph_start"], g["speaker"], f["speaker"], g["kind"], f["kind"])
            for g, f in pairs if not same_speaker(g["speaker"], f["speaker"]) or g["kind"] != f["kind"]
        ],
        "missed": [(g["paragraph_start"], g["text"][:40]) for g in gold if all(g is not p[0] for p in pairs)],
        "extra": [(f["paragraph_start"], f["text"][:40]) for f in found if all(f is not p[1] for p in pairs)],
    }


def prf(matched: int, found: int, gold: int) -> tuple[float, float, float]:
    precision = matched / found if found else 1.0
    recall = matched / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def report(part: str, rows: list[dict], shares: dict[str, str], details: bool = False, show: bool = True) -> dict:
    """Print one table (a row per article, then the micro-average) and return the summary.

    ``shares`` maps a column label to the count key of matched items that were right
    (e.g. ``{"speaker": "speaker_right"}``).  ``show=False`` prints nothing (for benchmarks/run.py).
    """
    say = print if show else (lambda *args: None)
    header = "".join(f" {label:>8}" for label in shares)
    say(f"\n{part + ': article':40} {'gold':>5} {'found':>6} {'P':>6} {'R':>6} {'F1':>6}{header}")

    def line(name: str, counts: dict) -> dict:
        p, r, f = prf(counts["matched"], counts["found"], counts["gold"])
        m = counts["matched"] or 1
        ratios = {label: counts[key] / m for label, key in shares.items()}
        cells = "".join(f" {ratios[label]:8.2f}" for label in shares)
        say(f"{name:40} {counts['gold']:5} {counts['found']:6} {p:6.2f} {r:6.2f} {f:6.2f}{cells}")
        return {"precision": p, "recall": r, "f1": f, **{f"{label}_accuracy": v for label, v in ratios.items()}}

    for row in rows:
        line(row["article"], row)
        if details:
            for label in ("errors", "missed", "extra"):
                for item in row[label]:
                    say(f"    {label}: {item}")
    keys = ("gold", "found", "matched", *shares.values())
    total = line("ALL (micro)", {k: sum(r[k] for r in rows) for k in keys})
    return {f"{part}_{name}": value for name, value in total.items()}


def _stems() -> list[str]:
    return sorted(p.stem for p in (REPO / "data" / "annotations").glob("*.json"))


def quotes_report(details: bool = False, show: bool = True) -> dict:
    rows = [quote_scores(stem) for stem in _stems()]
    return report("quotes", rows, {"kind": "kind_right", "speaker": "speaker_right"}, details, show)


def same_value(gold, found) -> bool:
    if gold is None or found is None:
        return gold is None and found is None
    if isinstance(gold, str) or isinstance(found, str):
        return str(gold) == str(found)
    return abs(float(gold) - float(found)) <= 1e-9 * max(1.0, abs(float(gold)))


def number_scores(stem: str) -> dict | None:
    annotation = json.loads((REPO / "data" / "annotations" / f"{stem}.json").read_text(encoding="utf-8"))
    if "numbers" not in annotation:
        return None
    gold = annotation["numbers"]
    article = load_article(article_path(stem))
    found = find_numbers(article).to_dict("records")
    pairs = match(gold, found)
    return {
        "article": stem, "gold": len(gold), "found": len(found), "matched": len(pairs),
        "value_right": sum(same_value(g["value"], f["value"]) for g, f in pairs),
        "kind_right": sum(g["kind"] == f["kind"] for g, f in pairs),
        "errors": [(g["paragraph"], g["text"], g["value"], f["value"], g["kind"], f["kind"])
                   for g, f in pairs if not same_value(g["value"], f["value"]) or g["kind"] != f["kind"]],
        "missed": [(g["paragraph"], g["text"]) for g in gold if all(g is not p[0] for p in pairs)],
        "extra": [(f["paragraph"], f["text"]) for f in found if all(f is not p[1] for p in pairs)],
    }


def numbers_report(details: bool = False, show: bool = True) -> dict:
    rows = [r for r in (number_scores(stem) for stem in _stems()) if r]
    return report("numbers", rows, {"value": "value_right", "kind": "kind_right"}, details, show)


def place_scores(stem: str) -> dict | None:
    annotation = json.loads((REPO / "data" / "annotations" / f"{stem}.json").read_text(encoding="utf-8"))
    if "places" not in annotation:
        return None
    gold = annotation["places"]
    found = find_places(load_article(article_path(stem))).to_dict("records")
    pairs = match(gold, found)
    return {
        "article": stem, "gold": len(gold), "found": len(found), "matched": len(pairs),
        "name_right": sum(normalize_text(g["name"]) == normalize_text(f["name"]) for g, f in pairs),
        "kind_right": sum(g["kind"] == f["kind"] for g, f in pairs),
        "errors": [(g["paragraph"], g["text"], g["name"], f["name"], g["kind"], f["kind"])
                   for g, f in pairs if normalize_text(g["name"]) != normalize_text(f["name"]) or g["kind"] != f["kind"]],
        "missed": [(g["paragraph"], g["text"]) for g in gold if all(g is not p[0] for p in pairs)],
        "extra": [(f["paragraph"], f["text"]) for f in found if all(f is not p[1] for p in pairs)],
    }


def places_report(details: bool = False, show: bool = True) -> dict:
    rows = [r for r in (place_scores(stem) for stem in _stems()) if r]
    return report("places", rows, {"name": "name_right", "kind": "kind_right"}, details, show)


def summary() -> dict:
    """The micro-averaged figures of every part, printed nowhere: ``quotes_f1``, ``numbers_value_accuracy``, ...

    Keys are ``<part>_precision``, ``_recall``, ``_f1`` and ``_<share>_accuracy`` for each share
    (quotes: kind, speaker; numbers: value, kind; places: name, kind), plus ``<part>_articles``.
    """
    figures = {}
    for part, function in (("quotes", quotes_report), ("numbers", numbers_report), ("places", places_report)):
        figures.update(function(show=False))
    figures["quotes_articles"] = len(_stems())
    figures["numbers_articles"] = sum(1 for stem in _stems() if "numbers" in _annotation(stem))
    figures["places_articles"] = sum(1 for stem in _stems() if "places" in _annotation(stem))
    return figures


def _annotation(stem: str) -> dict:
    return json.loads((REPO / "data" / "annotations" / f"{stem}.json").read_text(encoding="utf-8"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="list every error, miss and extra")
    args = parser.parse_args(argv)
    quotes_report(args.details)
    numbers_report(args.details)
    places_report(args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
