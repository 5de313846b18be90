"""Who speaks, on real news: the engine against the hand annotations of the development set.

    .venv/bin/python benchmarks/news_accuracy.py [--details] [--lang id|en] [NN-slug ...]

The annotations are ``data/annotations/news/*.json`` (offsets, first words, speakers: see its README);
the texts are read at run time from the development set folder, ``$CONFLICT_READING_DEVSET`` or
``../shared/devset`` beside the clone, and never copied into the kit.

Figures, per language and overall (micro-averaged):

- quotations: precision, recall and F1 (a found quotation matches a gold one when their spans
  overlap by at least half of their union, one to one); for matched ones, the share with the gold's
  kind (``span_kind``: the kind right and the span exact) and the share with the right speaker
  (scare quotes count as right when neither side has a speaker);
- reported speech (``indirect``): the share of gold statements without quotation marks found with
  their source (recall), and the share of the engine's indirect statements that match a gold one
  with its source (precision); a found statement matches when the spans overlap by at least half of
  the shorter one.

>>> same_source("the Chinese Foreign Ministry", "Chinese Foreign Ministry")
True
>>> same_source("Budi Santoso", "Budi Hartono")
False
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy import match  # noqa: E402  (spans matched one to one, as for the kit's own annotations)

from conflict_reading import load_article  # noqa: E402
from conflict_reading.answers import normalize_text  # noqa: E402

ANNOTATIONS = REPO / "data" / "annotations" / "news"
LEADING = ("the ", "a ", "an ")


def devset_folder() -> Path:
    """$CONFLICT_READING_DEVSET, else ../shared/devset beside the clone."""
    return Path(os.environ.get("CONFLICT_READING_DEVSET") or REPO.parent / "shared" / "devset")


def available() -> bool:
    return (devset_folder() / "texts").is_dir() and any(ANNOTATIONS.glob("*.json"))


def stems() -> list[str]:
    return sorted(p.stem for p in ANNOTATIONS.glob("*.json")
                  if (devset_folder() / "texts" / f"{p.stem}.txt").is_file())


def annotation(stem: str) -> dict:
    return json.loads((ANNOTATIONS / f"{stem}.json").read_text(encoding="utf-8"))


def _key(name) -> str:
    text = normalize_text(name or "")
    for word in LEADING:
        if text.startswith(word):
            text = text[len(word):]
    return text


def same_source(gold, found, alternatives=()) -> bool:
    """Whether ``found`` names the source ``gold`` does (case, accents and a leading article aside)."""
    if not gold or not found:
        return not gold and not found
    return _key(found) in {_key(gold), *(_key(a) for a in alternatives or ())}


def scores(stem: str) -> dict:
    from conflict_reading.quotes import find_quotes
    from conflict_reading.sources import find_sources

    gold = annotation(stem)
    article = load_article(devset_folder() / "texts" / f"{stem}.txt")
    quotes = find_quotes(article).astype(object).where(lambda d: d.notna(), None).to_dict("records")
    sources = find_sources(article).astype(object).where(lambda d: d.notna(), None).to_dict("records")
    found_indirect = [s for s in sources if s["kind"] == "indirect"]
    pairs = match(gold["quotes"], quotes)
    ipairs = match(gold["indirect"], found_indirect, of_shorter=True)
    right = lambda g, f: same_source(g.get("speaker"), f.get("speaker"), g.get("speaker_alt"))  # noqa: E731
    iright = lambda g, f: same_source(g["source"], f["source"], g.get("source_alt"))  # noqa: E731
    text = article.text
    return {
        "article": stem, "language": gold["language"],
        "gold": len(gold["quotes"]), "found": len(quotes), "matched": len(pairs),
        "kind_right": sum(g["kind"] == f["kind"] for g, f in pairs),
        "span_kind_right": sum(g["kind"] == f["kind"] and (g["start"], g["end"]) == (f["start"], f["end"]) for g, f in pairs),
        "speaker_right": sum(right(g, f) for g, f in pairs),
        "indirect_gold": len(gold["indirect"]), "indirect_found": len(found_indirect),
        "indirect_right": sum(iright(g, f) for g, f in ipairs),
        "speaker_errors": [(g["paragraph_start"], g["first_words"], g.get("speaker"), f.get("speaker"))
                           for g, f in pairs if not right(g, f)],
        "kind_errors": [(g["paragraph_start"], g["first_words"], g["kind"], f["kind"])
                        for g, f in pairs if g["kind"] != f["kind"]],
        "missed": [(g["paragraph_start"], g["first_words"]) for g in gold["quotes"] if all(g is not p[0] for p in pairs)],
        "extra": [(f["paragraph_start"], " ".join(f["text"].split()[:4])) for f in quotes if all(f is not p[1] for p in pairs)],
        "indirect_errors": [(g["paragraph"], g["first_words"], g["source"], f["source"]) for g, f in ipairs if not iright(g, f)],
        "indirect_missed": [(g["paragraph"], g["first_words"], g["source"], g["cue"]) for g in gold["indirect"]
                            if all(g is not p[0] for p in ipairs)],
        "indirect_extra": [(f["paragraph"], " ".join(text[f["start"]:f["end"]].split()[:4]), f["source"], f["cue"])
                           for f in found_indirect if all(f is not p[1] for p in ipairs)],
    }


COUNTS = ("gold", "found", "matched", "kind_right", "span_kind_right", "speaker_right",
          "indirect_gold", "indirect_found", "indirect_right")


def figures(rows: list[dict]) -> dict:
    total = {k: sum(r[k] for r in rows) for k in COUNTS}
    p = total["matched"] / total["found"] if total["found"] else 1.0
    r = total["matched"] / total["gold"] if total["gold"] else 1.0
    m = total["matched"] or 1
    return {
        "articles": len(rows), "quotes": total["gold"],
        "quotes_precision": p, "quotes_recall": r, "quotes_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "kind_accuracy": total["kind_right"] / m, "span_kind_accuracy": total["span_kind_right"] / m,
        "speaker_accuracy": total["speaker_right"] / m,
        "indirect": total["indirect_gold"],
        "indirect_recall": total["indirect_right"] / total["indirect_gold"] if total["indirect_gold"] else 1.0,
        "indirect_precision": total["indirect_right"] / total["indirect_found"] if total["indirect_found"] else 1.0,
    }


def summary(selected: list[str] | None = None) -> dict:
    """Figures for ``all``, ``id`` and ``en``: ``{"all": {...}, "id": {...}, "en": {...}}``."""
    rows = [scores(stem) for stem in (selected or stems())]
    return {group: figures([r for r in rows if group == "all" or r["language"] == group]) for group in ("all", "id", "en")}, rows


def command_line(description: str, argv, candidates) -> tuple[argparse.Namespace, list[str]] | None:
    """The articles a measuring script was asked for (``NN-slug ... [--details] [--lang id|en]``), from
    ``candidates()`` when none is named; None, with a message, when the development set is not here."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("stems", nargs="*")
    parser.add_argument("--details", action="store_true", help="list every error, miss and extra")
    parser.add_argument("--lang", choices=("id", "en"))
    args = parser.parse_args(argv)
    if not available():
        print(f"the development set is not at {devset_folder()} (set CONFLICT_READING_DEVSET)")
        return None
    return args, args.stems or [s for s in candidates() if not args.lang or annotation(s)["language"] == args.lang]


def main(argv=None) -> int:
    asked = command_line(__doc__.split("\n\n")[0], argv, stems)
    if asked is None:
        return 2
    args, chosen = asked
    groups, rows = summary(chosen)
    print(f"{'article':36} {'q':>3} {'P':>5} {'R':>5} {'spk':>5} {'kind':>5} {'ind':>4} {'iR':>5} {'iP':>5}")
    for row in rows:
        f = figures([row])
        print(f"{row['article'][:36]:36} {row['gold']:3} {f['quotes_precision']:5.2f} {f['quotes_recall']:5.2f} "
              f"{f['speaker_accuracy']:5.2f} {f['kind_accuracy']:5.2f} {row['indirect_gold']:4} "
              f"{f['indirect_recall']:5.2f} {f['indirect_precision']:5.2f}")
        if args.details:
            for label in ("speaker_errors", "kind_errors", "missed", "extra", "indirect_errors", "indirect_missed", "indirect_extra"):
                for item in row[label]:
                    print(f"    {label}: {item}")
    for group, f in groups.items():
        if f["articles"]:
            print(f"{group.upper():4} {f['articles']:2} articles, {f['quotes']} quotations: F1 {f['quotes_f1']:.3f}, "
                  f"speaker {f['speaker_accuracy']:.3f}, kind {f['kind_accuracy']:.3f}, span+kind {f['span_kind_accuracy']:.3f}; "
                  f"{f['indirect']} indirect: recall {f['indirect_recall']:.3f}, precision {f['indirect_precision']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
