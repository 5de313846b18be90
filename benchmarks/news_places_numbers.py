"""Numbers and places on real news (issue 15): the engine against the hand annotations of the development set.

    .venv/bin/python benchmarks/news_places_numbers.py [NN-slug ...] [--details] [--lang id|en]

The gold is the ``numbers``, ``places`` and ``about`` of ``data/annotations/news/NN-slug.json`` (conventions:
``data/annotations/README.md``, Numbers and Places; texts read from the development set at run time, never
copied).  A found item matches a gold one when their spans share at least half of the longer one
(``benchmarks/accuracy.match``).  Figures per language:

- numbers: precision, recall, F1; exact value (of the matched ones); kind;
- places: precision, recall, F1; English name (of the matched ones); role (where something happens, who acts,
  part of a title, other: of the matched ones); the places an article is *about* found and on the map.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.accuracy import match, prf, same_value  # noqa: E402
from benchmarks.news_accuracy import annotation, command_line, devset_folder, stems  # noqa: E402
from conflict_reading import load_article  # noqa: E402
from conflict_reading.answers import normalize_text  # noqa: E402
from conflict_reading.numbers import find_numbers  # noqa: E402
from conflict_reading.places import find_places  # noqa: E402

COUNTS = ("numbers_gold", "numbers_found", "numbers_matched", "value_right", "number_kind_right",
          "places_gold", "places_found", "places_matched", "name_right", "role_right", "about", "about_found",
          "about_mapped")


EQUIVALENT_NAMES = Path(__file__).resolve().parent.parent / "data" / "annotations" / "news" / "equivalent-names.csv"


@lru_cache(maxsize=1)
def _equivalents() -> dict[str, str]:
    """name -> the one it is counted as (data/annotations/news/equivalent-names.csv: the same place, two names)."""
    import csv

    with open(EQUIVALENT_NAMES, encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(line for line in handle if not line.startswith("#"))][1:]
    return {normalize_text(a): normalize_text(b) for a, b, *_ in rows}


def _key(name) -> str:
    key = normalize_text(name or "")
    return _equivalents().get(key, key)


def annotated() -> list[str]:
    """The development articles whose numbers and places are annotated."""
    return [stem for stem in stems() if "numbers" in annotation(stem) and "places" in annotation(stem)]


def _records(frame) -> list[dict]:
    return frame.astype(object).where(lambda d: d.notna(), None).to_dict("records")


def scores(stem: str) -> dict:
    gold = annotation(stem)
    article = load_article(devset_folder() / "texts" / f"{stem}.txt")
    numbers, places = _records(find_numbers(article)), _records(find_places(article))
    npairs, ppairs = match(gold["numbers"], numbers), match(gold["places"], places)
    same_name = lambda g, f: _key(g["name"]) == _key(f["name"])  # noqa: E731
    mapped = {_key(p["name"]) for p in places if p["name"] and p.get("lat") is not None}
    named = {_key(p["name"]) for p in places if p["name"]}
    about = [_key(name) for name in gold.get("about", [])]
    return {
        "article": stem, "language": gold["language"],
        "numbers_gold": len(gold["numbers"]), "numbers_found": len(numbers), "numbers_matched": len(npairs),
        "value_right": sum(same_value(g["value"], f["value"]) for g, f in npairs),
        "number_kind_right": sum(g["kind"] == f["kind"] for g, f in npairs),
        "places_gold": len(gold["places"]), "places_found": len(places), "places_matched": len(ppairs),
        "name_right": sum(same_name(g, f) for g, f in ppairs),
        "role_right": sum(g.get("role") == f.get("role") for g, f in ppairs),
        "about": len(about), "about_found": sum(name in named for name in about),
        "about_mapped": sum(name in mapped for name in about),
        "number_errors": [(g["paragraph"], g["text"], g["value"], f["value"], g["kind"], f["kind"])
                          for g, f in npairs if not same_value(g["value"], f["value"]) or g["kind"] != f["kind"]],
        "number_missed": [(g["paragraph"], g["text"]) for g in gold["numbers"] if all(g is not p[0] for p in npairs)],
        "number_extra": [(f["paragraph"], f["text"]) for f in numbers if all(f is not p[1] for p in npairs)],
        "place_errors": [(g["paragraph"], g["text"], g["name"], f["name"]) for g, f in ppairs if not same_name(g, f)],
        "role_errors": [(g["paragraph"], g["text"], g.get("role"), f.get("role")) for g, f in ppairs
                        if g.get("role") != f.get("role")],
        "place_missed": [(g["paragraph"], g["text"], g["name"]) for g in gold["places"]
                         if all(g is not p[0] for p in ppairs)],
        "place_extra": [(f["paragraph"], f["text"], f["name"]) for f in places if all(f is not p[1] for p in ppairs)],
        "about_missing": [name for name in gold.get("about", []) if _key(name) not in mapped],
    }


def figures(rows: list[dict]) -> dict:
    total = {key: sum(row[key] for row in rows) for key in COUNTS}
    np_, nr, nf = prf(total["numbers_matched"], total["numbers_found"], total["numbers_gold"])
    pp, pr, pf = prf(total["places_matched"], total["places_found"], total["places_gold"])
    nm, pm = total["numbers_matched"] or 1, total["places_matched"] or 1
    return {
        "articles": len(rows), "numbers": total["numbers_gold"], "places": total["places_gold"],
        "numbers_precision": np_, "numbers_recall": nr, "numbers_f1": nf,
        "numbers_value_accuracy": total["value_right"] / nm, "numbers_kind_accuracy": total["number_kind_right"] / nm,
        "places_precision": pp, "places_recall": pr, "places_f1": pf,
        "places_name_accuracy": total["name_right"] / pm, "places_role_accuracy": total["role_right"] / pm,
        "about_found": total["about_found"] / (total["about"] or 1),
        "about_mapped": total["about_mapped"] / (total["about"] or 1),
    }


def summary(selected: list[str] | None = None) -> tuple[dict, list[dict]]:
    """Figures for ``all``, ``id`` and ``en`` and the rows they come from."""
    rows = [scores(stem) for stem in (selected or annotated())]
    return {group: figures([r for r in rows if group == "all" or r["language"] == group])
            for group in ("all", "id", "en")}, rows


def main(argv=None) -> int:
    asked = command_line(__doc__.split("\n\n")[0], argv, annotated)
    if asked is None:
        return 2
    args, chosen = asked
    if not chosen:
        print("no development article has numbers and places annotated yet")
        return 2
    groups, rows = summary(chosen)
    print(f"{'article':36} {'num':>4} {'nF1':>5} {'val':>5} {'plc':>4} {'pF1':>5} {'name':>5} {'role':>5} {'about':>5}")
    for row in rows:
        f = figures([row])
        print(f"{row['article'][:36]:36} {row['numbers_gold']:4} {f['numbers_f1']:5.2f} {f['numbers_value_accuracy']:5.2f} "
              f"{row['places_gold']:4} {f['places_f1']:5.2f} {f['places_name_accuracy']:5.2f} "
              f"{f['places_role_accuracy']:5.2f} {f['about_mapped']:5.2f}")
        if args.details:
            for label in ("number_errors", "number_missed", "number_extra", "place_errors", "place_missed",
                          "place_extra", "role_errors", "about_missing"):
                for item in row[label]:
                    print(f"    {label}: {item}")
    for group, f in groups.items():
        if f["articles"]:
            print(f"{group.upper():4} {f['articles']:2} articles; {f['numbers']} numbers: F1 {f['numbers_f1']:.3f} "
                  f"(P {f['numbers_precision']:.3f}, R {f['numbers_recall']:.3f}), value {f['numbers_value_accuracy']:.3f}; "
                  f"{f['places']} places: F1 {f['places_f1']:.3f} (P {f['places_precision']:.3f}, R {f['places_recall']:.3f}), "
                  f"name {f['places_name_accuracy']:.3f}, role {f['places_role_accuracy']:.3f}, "
                  f"about on the map {f['about_mapped']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
