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
from conflict_reading.quotes import find_quotes  # noqa: E402


def article_path(stem: str) -> Path:
    for folder in ("articles", "devset"):
        path = REPO / "data" / folder / f"{stem}.txt"
        if path.exists():
            return path
    raise FileNotFoundError(stem)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def match(gold: list[dict], found: list[dict], threshold: float = 0.5) -> list[tuple[dict, dict]]:
    pairs, used = [], set()
    for g in gold:
        best, best_score = None, threshold
        for index, f in enumerate(found):
            score = overlap((g["start"], g["end"]), (f["start"], f["end"]))
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


def quotes_report(details: bool = False) -> dict:
    stems = sorted(p.stem for p in (REPO / "data" / "annotations").glob("*.json"))
    rows = [quote_scores(stem) for stem in stems]
    print(f"{'article':40} {'gold':>5} {'found':>6} {'P':>6} {'R':>6} {'F1':>6} {'kind':>6} {'speaker':>8}")
    for row in rows:
        p, r, f = prf(row["matched"], row["found"], row["gold"])
        m = row["matched"] or 1
        print(f"{row['article']:40} {row['gold']:5} {row['found']:6} {p:6.2f} {r:6.2f} {f:6.2f} "
              f"{row['kind_right'] / m:6.2f} {row['speaker_right'] / m:8.2f}")
        if details:
            for label in ("errors", "missed", "extra"):
                for item in row[label]:
                    print(f"    {label}: {item}")
    total = {k: sum(r[k] for r in rows) for k in ("gold", "found", "matched", "kind_right", "speaker_right")}
    p, r, f = prf(total["matched"], total["found"], total["gold"])
    m = total["matched"] or 1
    summary = {"quotes_precision": p, "quotes_recall": r, "quotes_f1": f,
               "quotes_kind_accuracy": total["kind_right"] / m, "quotes_speaker_accuracy": total["speaker_right"] / m}
    print(f"{'ALL (micro)':40} {total['gold']:5} {total['found']:6} {p:6.2f} {r:6.2f} {f:6.2f} "
          f"{summary['quotes_kind_accuracy']:6.2f} {summary['quotes_speaker_accuracy']:8.2f}")
    return summary


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


def numbers_report(details: bool = False) -> dict:
    stems = sorted(p.stem for p in (REPO / "data" / "annotations").glob("*.json"))
    rows = [r for r in (number_scores(stem) for stem in stems) if r]
    print(f"\n{'numbers: article':40} {'gold':>5} {'found':>6} {'P':>6} {'R':>6} {'F1':>6} {'value':>6} {'kind':>6}")
    for row in rows:
        p, r, f = prf(row["matched"], row["found"], row["gold"])
        m = row["matched"] or 1
        print(f"{row['article']:40} {row['gold']:5} {row['found']:6} {p:6.2f} {r:6.2f} {f:6.2f} "
              f"{row['value_right'] / m:6.2f} {row['kind_right'] / m:6.2f}")
        if details:
            for label in ("errors", "missed", "extra"):
                for item in row[label]:
                    print(f"    {label}: {item}")
    total = {k: sum(r[k] for r in rows) for k in ("gold", "found", "matched", "value_right", "kind_right")}
    p, r, f = prf(total["matched"], total["found"], total["gold"])
    m = total["matched"] or 1
    summary = {"numbers_precision": p, "numbers_recall": r, "numbers_f1": f,
               "numbers_value_accuracy": total["value_right"] / m, "numbers_kind_accuracy": total["kind_right"] / m}
    print(f"{'ALL (micro)':40} {total['gold']:5} {total['found']:6} {p:6.2f} {r:6.2f} {f:6.2f} "
          f"{summary['numbers_value_accuracy']:6.2f} {summary['numbers_kind_accuracy']:6.2f}")
    return summary


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="list every error, miss and extra")
    args = parser.parse_args(argv)
    quotes_report(args.details)
    numbers_report(args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
