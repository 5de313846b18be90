"""Check the hand annotations of agency (issue 16) against the texts they describe.

    .venv/bin/python scripts/check_agency_annotations.py [stem ...]

Loads every JSON file of data/annotations/agency/ (or only the stems given) and finds its text: the kit's
own articles in data/articles/<stem>.txt ("text_from": "kit"), the development set in
$CONFLICT_READING_DEVSET/texts/<stem>.txt, else ../shared/devset/texts/ beside the clone ("devset").
Texts are read as UTF-8 with CRLF turned into LF; a paragraph is one non-blank line, counted from 1.

Checks: the top-level fields and their allowed values; for every event, that text == text[start:end] and is
one word, that the paragraph number is the one the offsets fall in, the allowed values of voice and
violence, that a stated agent's span gives its text and lies in the same paragraph as the event, that
hidden_actor is null when an agent is stated, that no two events overlap; and that no string in a devset
annotation is longer than MAX_WORDS words (the development texts are never copied into the kit).
Prints OK or one line per problem; exit code 1 if there is any problem.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ANNOTATIONS = REPO / "data" / "annotations" / "agency"
KIT_TEXTS = REPO / "data" / "articles"
LANGUAGES = {"id", "en"}
SOURCES = {"kit", "devset"}
VOICES = {"passive", "nominal"}
EVENT_FIELDS = ("paragraph", "start", "end", "text", "voice", "agent", "hidden_actor", "acted_on", "violence")
MAX_WORDS = 8


def devset_texts() -> Path:
    """The folder of real news texts: $CONFLICT_READING_DEVSET/texts, else ../shared/devset/texts."""
    root = os.environ.get("CONFLICT_READING_DEVSET")
    return (Path(root) if root else REPO.parent / "shared" / "devset") / "texts"


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read().replace("\r\n", "\n")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line: paragraph n is item n - 1."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def paragraph_of(spans: list[tuple[int, int]], start: int, end: int) -> int | None:
    """The 1-based paragraph holding [start, end), or None when the span is not inside one."""
    for number, (a, b) in enumerate(spans, 1):
        if a <= start and end <= b:
            return number
    return None


def _strings(value, where: str):
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{where}[{i}]")


def _span_ok(record, text: str) -> bool:
    s, e = record.get("start"), record.get("end")
    return isinstance(s, int) and isinstance(e, int) and not isinstance(s, bool) and 0 <= s < e <= len(text)


def problems(path: Path) -> list[str]:
    stem = path.stem
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        return [f"{stem}: cannot read: {error}"]
    out = []
    if not isinstance(data, dict):
        return [f"{stem}: not a JSON object"]
    if data.get("article") != stem:
        out.append(f"{stem}: 'article' is {data.get('article')!r}, not the file name")
    if data.get("language") not in LANGUAGES:
        out.append(f"{stem}: 'language' {data.get('language')!r} not in {sorted(LANGUAGES)}")
    source = data.get("text_from")
    if source not in SOURCES:
        return out + [f"{stem}: 'text_from' {source!r} not in {sorted(SOURCES)}"]
    text_path = (KIT_TEXTS if source == "kit" else devset_texts()) / f"{stem}.txt"
    if not text_path.is_file():
        return out + [f"{stem}: text not found at {text_path}"]
    text = read_text(text_path)
    spans = paragraphs(text)
    events = data.get("events")
    if not isinstance(events, list):
        return out + [f"{stem}: 'events' is not a list"]

    taken: list[tuple[int, int, int]] = []
    for i, ev in enumerate(events):
        where = f"{stem} events[{i}]"
        if not isinstance(ev, dict):
            out.append(f"{where}: not an object")
            continue
        missing = [f for f in EVENT_FIELDS if f not in ev]
        if missing:
            out.append(f"{where}: missing {', '.join(missing)}")
        if not _span_ok(ev, text):
            out.append(f"{where}: bad offsets {ev.get('start')}, {ev.get('end')}")
            continue
        s, e = ev["start"], ev["end"]
        where = f"{stem} events[{i}] ({s}-{e} {ev.get('text')!r})"
        if text[s:e] != ev.get("text"):
            out.append(f"{where}: text[start:end] is {text[s:e]!r}")
        elif len(text[s:e].split()) != 1:
            out.append(f"{where}: not one word")
        para = paragraph_of(spans, s, e)
        if para is None:
            out.append(f"{where}: span is not inside one paragraph")
        elif ev.get("paragraph") != para:
            out.append(f"{where}: paragraph is {ev.get('paragraph')!r}, the offsets are in paragraph {para}")
        if ev.get("voice") not in VOICES:
            out.append(f"{where}: voice {ev.get('voice')!r} not in {sorted(VOICES)}")
        if not isinstance(ev.get("violence"), bool):
            out.append(f"{where}: violence {ev.get('violence')!r} is not true or false")
        for field in ("hidden_actor", "acted_on"):
            if ev.get(field) is not None and not (isinstance(ev[field], str) and ev[field].strip()):
                out.append(f"{where}: {field} must be a non-empty string or null")
        agent = ev.get("agent")
        if agent is not None:
            if not isinstance(agent, dict) or not _span_ok(agent, text):
                out.append(f"{where}: bad agent {agent!r}")
            else:
                a, b = agent["start"], agent["end"]
                if text[a:b] != agent.get("text"):
                    out.append(f"{where}: agent text[start:end] is {text[a:b]!r}, not {agent.get('text')!r}")
                if para is not None and paragraph_of(spans, a, b) != para:
                    out.append(f"{where}: agent {agent.get('text')!r} is not in the event's paragraph")
                if ev.get("hidden_actor") is not None:
                    out.append(f"{where}: agent is stated, hidden_actor must be null")
        taken.append((s, e, i))

    taken.sort()
    for (s1, e1, i1), (s2, e2, i2) in zip(taken, taken[1:]):
        if s2 < e1:
            out.append(f"{stem}: events[{i1}] and events[{i2}] overlap ({s1}-{e1}, {s2}-{e2})")

    if source == "devset":
        for where, value in _strings(data, stem):
            if len(value.split()) > MAX_WORDS:
                out.append(f"{where}: {len(value.split())} words (at most {MAX_WORDS} in a devset annotation)")
    return out


def main(argv: list[str]) -> int:
    if argv:
        paths = [ANNOTATIONS / f"{stem.removesuffix('.json')}.json" for stem in argv]
    else:
        paths = sorted(ANNOTATIONS.glob("*.json"))
    found = []
    for path in paths:
        if not path.is_file():
            found.append(f"{path.stem}: no annotation file {path}")
            continue
        found.extend(problems(path))
    for line in found:
        print(line)
    if not found:
        print(f"OK: {len(paths)} annotation files")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
