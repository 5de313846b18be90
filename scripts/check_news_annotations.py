"""Check the hand annotations of real news against the texts they describe.

    .venv/bin/python scripts/check_news_annotations.py [NN-slug ...]

Every record's ``first_words`` (at most five words) must be where its offsets say, spans must
lie inside one paragraph range, every quotation mark of the text must belong to a quotation record,
and no annotation file may share a run of six words with its text, in any of its fields or across
them (the texts are never copied into the kit: first words and names only).  The optional "numbers" and
"places" lists (issue 15) must give text == text[start:end], the right paragraph, a known kind and value.
Prints one line per problem; exit code 1 if there is any.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ANNOTATIONS = REPO / "data" / "annotations" / "news"
KINDS = {"direct", "partial", "scare"}
SOURCE_KINDS = {"person", "organisation", "state", "document", "anonymous"}
MARKS = "“”«»„\""
MAX_WORDS = 5


def devset_folder() -> Path:
    """The folder of real news texts: $CONFLICT_READING_DEVSET, else ../shared/devset beside the clone."""
    return Path(os.environ.get("CONFLICT_READING_DEVSET") or REPO.parent / "shared" / "devset")


def text_of(stem: str) -> str:
    with open(devset_folder() / "texts" / f"{stem}.txt", encoding="utf-8") as handle:
        return handle.read()


def _tokens(text: str) -> list[str]:
    """Words as the copy check counts them: runs of letters and digits ("Al-Derazi" is two, "Pakistan's" one)."""
    return re.findall(r"\w+(?:['’]\w+)*", text.lower())


def _shared_runs(annotation: str, text: str) -> list[str]:
    """Runs of MAX_WORDS + 1 words that the annotation file (its strings, names and first words alike, read
    in order) has in common with the text: none may be there."""
    size = MAX_WORDS + 1
    words = _tokens(text)
    runs = {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}
    mine = _tokens(annotation)
    return sorted({" ".join(mine[i:i + size]) for i in range(len(mine) - size + 1)} & runs)


def paragraph_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def problems(stem: str) -> list[str]:
    path = ANNOTATIONS / f"{stem}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    text = text_of(stem)
    out = []
    seen_marks: set[int] = set()
    for field in ("article", "language", "quotes", "indirect"):
        if field not in data:
            out.append(f"{stem}: no '{field}'")
    for part in ("quotes", "indirect"):
        for i, r in enumerate(data.get(part, [])):
            where = f"{stem} {part}[{i}]"
            s, e = r.get("start"), r.get("end")
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(text)):
                out.append(f"{where}: bad offsets {s}, {e}")
                continue
            first = r.get("first_words", "")
            if len(_tokens(first)) > MAX_WORDS or not first or not text[s:e].startswith(first):
                out.append(f"{where}: first_words {first!r} is not where the span starts ({text[s:s+40]!r})")

            kind = r.get("source_kind")
            if part == "quotes":
                if r.get("kind") not in KINDS:
                    out.append(f"{where}: kind {r.get('kind')!r}")
                if r.get("paragraph_start") != paragraph_at(text, s):
                    out.append(f"{where}: paragraph_start {r.get('paragraph_start')} but the span starts in {paragraph_at(text, s)}")
                if r.get("kind") == "scare":
                    if r.get("speaker") is not None or kind is not None:
                        out.append(f"{where}: a scare quote has no speaker")
                elif kind not in SOURCE_KINDS and r.get("speaker") is not None:
                    out.append(f"{where}: source_kind {kind!r}")
                for mark in (s - 1, e):
                    if 0 <= mark < len(text) and text[mark] in MARKS:
                        seen_marks.add(mark)
            else:
                if not r.get("source"):
                    out.append(f"{where}: no source")
                if kind not in SOURCE_KINDS:
                    out.append(f"{where}: source_kind {kind!r}")
                if r.get("paragraph") != paragraph_at(text, s):
                    out.append(f"{where}: paragraph {r.get('paragraph')} but the span starts in {paragraph_at(text, s)}")
                if "\n" in text[s:e]:
                    out.append(f"{where}: an indirect statement runs over a paragraph break")
    out += _number_and_place_problems(stem, data, text)
    copied = _shared_runs(path.read_text(encoding="utf-8"), text)
    if copied:
        out.append(f"{stem}: the annotation repeats {len(copied)} runs of {MAX_WORDS + 1} words of the text, "
                   f"e.g. {copied[0]!r}: keep first words and names only")
    for m in re.finditer(f"[{MARKS}]", text):
        if m.start() not in seen_marks:
            out.append(f"{stem}: the mark {m.group()!r} at {m.start()} (paragraph {paragraph_at(text, m.start())}) belongs to no quotation")
    return out


NUMBER_KINDS = {"count", "money", "date", "duration", "ordinal", "percent", "vague"}
PLACE_KINDS = {"country", "city", "region", "continent", "water", "other"}
ROLES = {"event", "actor", "title", "other"}


def _number_and_place_problems(stem: str, data: dict, text: str) -> list[str]:
    """The optional "numbers" and "places" lists (issue 15): the format of ../README.md's Numbers and Places."""
    out = []
    for part, kinds in (("numbers", NUMBER_KINDS), ("places", PLACE_KINDS)):
        records = data.get(part)
        if records is None:
            continue
        starts = [r.get("start") for r in records]
        if starts != sorted(starts, key=lambda x: x if isinstance(x, int) else -1):
            out.append(f"{stem} {part}: not sorted by start")
        for i, r in enumerate(records):
            where = f"{stem} {part}[{i}]"
            s, e = r.get("start"), r.get("end")
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                out.append(f"{where}: bad offsets {s}, {e}")
                continue
            if text[s:e] != r.get("text"):
                out.append(f"{where}: text {r.get('text')!r} is not text[start:end] ({text[s:e]!r})")
            if len(_tokens(r.get("text") or "")) > MAX_WORDS:
                out.append(f"{where}: a span of more than {MAX_WORDS} words")
            if r.get("paragraph") != paragraph_at(text, s):
                out.append(f"{where}: paragraph {r.get('paragraph')} but the span starts in {paragraph_at(text, s)}")
            if r.get("kind") not in kinds:
                out.append(f"{where}: kind {r.get('kind')!r}")
            if part == "numbers":
                value = r.get("value")
                if r.get("kind") == "date" and not isinstance(value, str):
                    out.append(f"{where}: a date's value is an ISO string")
                elif r.get("kind") == "vague" and value is not None:
                    out.append(f"{where}: a vague quantity has no value")
                elif r.get("kind") not in ("date", "vague") and not isinstance(value, (int, float)):
                    out.append(f"{where}: value {value!r} is not a number")
            else:
                if not r.get("name"):
                    out.append(f"{where}: no English name")
                lat, lon = r.get("lat"), r.get("lon")
                if (lat is None) != (lon is None) or (lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180)):
                    out.append(f"{where}: lat/lon {lat}, {lon}")
                if "role" in r and r["role"] not in ROLES:
                    out.append(f"{where}: role {r['role']!r}")
    return out


def main(argv: list[str]) -> int:
    stems = argv or sorted(p.stem for p in ANNOTATIONS.glob("*.json"))
    found = [line for stem in stems for line in problems(stem)]
    for line in found:
        print(line)
    print(f"{len(stems)} annotation files, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
