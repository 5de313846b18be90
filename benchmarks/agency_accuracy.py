"""Who does what to whom (issue 16): the agency engine against the hand annotations.

    .venv/bin/python benchmarks/agency_accuracy.py [--details] [--lang id|en] [--heldout] [stem ...]

The annotations are ``data/annotations/agency/*.json`` (format in its README: one event per word of a passive
verb or action noun, with its agent).  The text of an annotation with ``text_from = "kit"`` is
``data/articles/<stem>.txt``; with ``"devset"`` it is read at run time from the development set
(``$CONFLICT_READING_DEVSET/texts/`` or ``../shared/devset/texts/`` beside the clone) and never copied into the
kit.  An annotation whose text is not here, or that cannot be read yet (someone is writing it), is skipped.

Only the engine's ``passive`` and ``nominal`` rows are measured (the gold has no active events).  An engine event
matches a gold one when their spans overlap (one to one, the largest overlap first).  Figures, per language
(``id``, ``en``) and for ``all``, micro-averaged over events:

- ``passive_*``, ``nominal_*``: precision, recall, F1 of one voice (gold and engine events of that voice);
- ``events_*``: the same for both voices together, whatever voice each side gives;
- ``voice_agreement``: matched events (both voices together) with the same voice;
- ``agent_accuracy``: matched events whose agents agree: both None, or both stated with overlapping spans;
- ``violence_agreement``: matched events with the same violence flag.

``--details`` lists, per article, the misses, the extras and the agent errors as (paragraph, word, offset):
offsets and single words only, never a sentence.

>>> overlaps({"start": 0, "end": 5}, {"start": 4, "end": 9}), overlaps({"start": 0, "end": 5}, {"start": 5, "end": 9})
(True, False)
>>> prf(3, 4, 6)
(0.75, 0.5, 0.6)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from news_accuracy import devset_folder  # noqa: E402  ($CONFLICT_READING_DEVSET, else ../shared/devset)

from conflict_reading import load_article  # noqa: E402

ANNOTATIONS = REPO / "data" / "annotations" / "agency"
# Annotated after the engine was written and never used to tune it: the figures to expect on unseen news.
HELDOUT = REPO / "data" / "annotations" / "agency-heldout"
GROUPS = ("all", "id", "en")
VOICES = ("passive", "nominal")
COUNTS = ("gold", "found", "matched", "voice_right", "agent_right", "violence_right",
          *(f"{voice}_{count}" for voice in VOICES for count in ("gold", "found", "matched")))


def overlaps(a: dict, b: dict) -> bool:
    """Whether two spans ({"start", "end"}) share at least one character."""
    return min(a["end"], b["end"]) > max(a["start"], b["start"])


def _shared(a: dict, b: dict) -> int:
    return max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))


def match(gold: list[dict], found: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs (gold, found) of overlapping spans, one to one, the largest overlaps first."""
    candidates = sorted(((_shared(g, f), gi, fi) for gi, g in enumerate(gold) for fi, f in enumerate(found)
                         if overlaps(g, f)), key=lambda item: (-item[0], item[1], item[2]))
    used_gold, used_found, pairs = set(), set(), []
    for _, gi, fi in candidates:
        if gi not in used_gold and fi not in used_found:
            used_gold.add(gi)
            used_found.add(fi)
            pairs.append((gold[gi], found[fi]))
    return sorted(pairs, key=lambda pair: pair[0]["start"])


def prf(matched: int, found: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (1.0 for an empty side, as nothing was wrong there)."""
    precision = matched / found if found else 1.0
    recall = matched / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 4), round(recall, 4), round(f1, 4)


def agents_agree(gold: dict, found: dict) -> bool:
    """Both without agent, or both with one and the spans overlapping."""
    g, f = gold.get("agent"), found.get("agent")
    if g is None or f is None:
        return g is None and f is None
    return overlaps(g, f)


def annotation_files(folder: Path = ANNOTATIONS) -> list[Path]:
    return sorted(folder.glob("*.json"))


def read_annotation(path: Path) -> dict | None:
    """The annotation, or None if it cannot be read (being written) or has no events list."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("events"), list) else None


def text_path(stem: str, data: dict) -> Path:
    if data.get("text_from") == "kit":
        return REPO / "data" / "articles" / f"{stem}.txt"
    return devset_folder() / "texts" / f"{stem}.txt"


def available(folder: Path = ANNOTATIONS) -> dict[str, dict]:
    """{stem: annotation} for every readable annotation of ``folder`` whose text is here."""
    found = {}
    for path in annotation_files(folder):
        data = read_annotation(path)
        if data is not None and text_path(path.stem, data).is_file():
            found[path.stem] = data
    return found


def engine_events(path: Path, language: str | None) -> list[dict]:
    """The engine's passive and nominal rows for the article at ``path``, as gold-like dicts."""
    from conflict_reading.agency import find_agency

    article = load_article(path, language=language if language in ("id", "en") else "auto")
    table = find_agency(article)
    events = []
    for row in table.to_dict("records"):
        if row["voice"] not in VOICES:
            continue
        agent = None if row["agent"] is None else {"start": row["agent_start"], "end": row["agent_end"],
                                                   "text": row["agent"]}
        events.append({"paragraph": row["paragraph"], "start": row["start"], "end": row["end"], "text": row["text"],
                       "voice": row["voice"], "agent": agent, "violence": bool(row["violence"])})
    return events


def scores(stem: str, data: dict) -> dict:
    """The counts of one article, and its misses, extras and agent errors (paragraph, word, offset)."""
    gold = [event for event in data["events"] if event.get("voice") in VOICES]
    found = engine_events(text_path(stem, data), data.get("language"))
    pairs = match(gold, found)
    row = {"article": stem, "language": data.get("language", "id"),
           "gold": len(gold), "found": len(found), "matched": len(pairs),
           "voice_right": sum(g["voice"] == f["voice"] for g, f in pairs),
           "agent_right": sum(agents_agree(g, f) for g, f in pairs),
           "violence_right": sum(bool(g.get("violence")) == f["violence"] for g, f in pairs)}
    for voice in VOICES:
        gold_voice = [g for g in gold if g["voice"] == voice]
        found_voice = [f for f in found if f["voice"] == voice]
        row[f"{voice}_gold"], row[f"{voice}_found"] = len(gold_voice), len(found_voice)
        row[f"{voice}_matched"] = len(match(gold_voice, found_voice))
    matched_gold = {id(g) for g, _ in pairs}
    matched_found = {id(f) for _, f in pairs}
    row["missed"] = [(g["paragraph"], g["text"], g["start"], g["voice"]) for g in gold if id(g) not in matched_gold]
    row["extra"] = [(f["paragraph"], f["text"], f["start"], f["voice"]) for f in found if id(f) not in matched_found]
    row["voice_errors"] = [(g["paragraph"], g["text"], g["start"], g["voice"], f["voice"])
                           for g, f in pairs if g["voice"] != f["voice"]]
    row["agent_errors"] = [(g["paragraph"], g["text"], g["start"], (g.get("agent") or {}).get("text"),
                            (f.get("agent") or {}).get("text")) for g, f in pairs if not agents_agree(g, f)]
    row["violence_errors"] = [(g["paragraph"], g["text"], g["start"], bool(g.get("violence")), f["violence"])
                              for g, f in pairs if bool(g.get("violence")) != f["violence"]]
    return row


def group_figures(rows: list[dict]) -> dict:
    """The figures of a set of articles (see the module's docstring)."""
    total = {key: sum(row[key] for row in rows) for key in COUNTS}
    figures = {"articles": len(rows), "gold_events": total["gold"]}
    for voice in VOICES:
        p, r, f = prf(total[f"{voice}_matched"], total[f"{voice}_found"], total[f"{voice}_gold"])
        figures.update({f"{voice}_precision": p, f"{voice}_recall": r, f"{voice}_f1": f})
    p, r, f = prf(total["matched"], total["found"], total["gold"])
    figures.update({"events_precision": p, "events_recall": r, "events_f1": f})
    matched = total["matched"] or 1
    for share in ("voice", "violence"):
        figures[f"{share}_agreement"] = round(total[f"{share}_right"] / matched, 4)
    figures["agent_accuracy"] = round(total["agent_right"] / matched, 4)
    return figures


def summary(selected: list[str] | None = None, language: str | None = None,
            folder: Path = ANNOTATIONS) -> tuple[dict, list[dict]]:
    """({"all": figures, "id": figures, "en": figures}, per-article rows) for the chosen articles of ``folder``."""
    annotations = available(folder)
    stems = [s for s in (selected or sorted(annotations)) if s in annotations
             and (language is None or annotations[s].get("language") == language)]
    rows = [scores(stem, annotations[stem]) for stem in stems]
    groups = {group: group_figures([r for r in rows if group == "all" or r["language"] == group]) for group in GROUPS}
    return groups, rows


def figures(folder: Path = ANNOTATIONS, prefix: str = "agency") -> dict:
    """Flat figures for benchmarks/run.py: ``agency_<all|id|en>_<figure>``, e.g. ``agency_all_events_f1``,
    ``agency_id_passive_recall``, ``agency_all_agent_accuracy``; None where no annotated article is here.
    ``figures(HELDOUT, "agency_heldout")``: the same on the held-out articles."""
    groups, _ = summary(folder=folder)
    flat = {}
    for group, values in groups.items():
        measured = values["articles"] > 0
        for key, value in values.items():
            if key in ("articles", "gold_events"):
                flat[f"{prefix}_{group}_{key}"] = value
            else:
                flat[f"{prefix}_{group}_{key}"] = value if measured else None
    return flat


def speed(runs: int = 3) -> dict:
    """``agency_ms_per_1000_words`` (the kit's article, warm) and ``agency_1mb_s`` (1 MB of real paragraphs, as in
    benchmarks/extraction.py), medians of ``runs`` runs of ``find_agency`` on articles already split into
    sentences."""
    import statistics
    import time

    import extraction

    from conflict_reading import Article
    from conflict_reading.agency import find_agency
    from conflict_reading.text import count_words

    figures = {}
    for key, text in (("per_1000", extraction.seed_text(1_000)), ("1mb", extraction.corpus_text(1_000_000))):
        article = Article.from_text(text)
        article.sentences  # the sentence splitter is timed by extraction.py
        find_agency(article)
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            find_agency(article)
            times.append(time.perf_counter() - started)
        if key == "per_1000":
            figures["agency_ms_per_1000_words"] = round(statistics.median(times) * 1000 * 1000 / count_words(text), 2)
        else:
            figures["agency_1mb_s"] = round(statistics.median(times), 3)
    return figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stems", nargs="*")
    parser.add_argument("--details", action="store_true", help="list misses, extras and agent errors")
    parser.add_argument("--lang", choices=("id", "en"))
    parser.add_argument("--heldout", action="store_true", help="the held-out articles (data/annotations/agency-heldout)")
    args = parser.parse_args(argv)
    groups, rows = summary(args.stems or None, args.lang, HELDOUT if args.heldout else ANNOTATIONS)
    if not rows:
        print(f"no annotated article whose text is here ({ANNOTATIONS}; development set {devset_folder()})")
        return 2
    print(f"{'article':36} {'lang':4} {'gold':>4} {'found':>5} {'P':>5} {'R':>5} {'pasR':>5} {'nomR':>5} "
          f"{'voice':>5} {'agent':>5} {'viol':>5}")
    for row in rows:
        f = group_figures([row])
        print(f"{row['article'][:36]:36} {row['language']:4} {row['gold']:4} {row['found']:5} "
              f"{f['events_precision']:5.2f} {f['events_recall']:5.2f} {f['passive_recall']:5.2f} "
              f"{f['nominal_recall']:5.2f} {f['voice_agreement']:5.2f} {f['agent_accuracy']:5.2f} "
              f"{f['violence_agreement']:5.2f}")
        if args.details:
            for label in ("missed", "extra", "voice_errors", "agent_errors", "violence_errors"):
                for item in row[label]:
                    print(f"    {label}: {item}")
    for group, f in groups.items():
        if f["articles"]:
            print(f"{group.upper():4} {f['articles']:2} articles, {f['gold_events']} events: "
                  f"passive P {f['passive_precision']:.3f} R {f['passive_recall']:.3f} F1 {f['passive_f1']:.3f}; "
                  f"nominal P {f['nominal_precision']:.3f} R {f['nominal_recall']:.3f} F1 {f['nominal_f1']:.3f}; "
                  f"both P {f['events_precision']:.3f} R {f['events_recall']:.3f} F1 {f['events_f1']:.3f}; "
                  f"voice {f['voice_agreement']:.3f}, agent {f['agent_accuracy']:.3f}, "
                  f"violence {f['violence_agreement']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
