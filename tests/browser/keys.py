"""What the tests expect, read from the kit's data, never from a widget: which widgets a
notebook builds (its source), and the right answers (the hand annotation, the exercise TOML).

>>> [w.kind for w in widgets_in_source('QuoteWalkthrough(article, answer_key)\\nask("00-paragraphs")')]
['quote-walkthrough', 'exercise']
>>> words_of("“Tanduk Afrika,")
['Tanduk', 'Afrika']
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[2]
EDGE_PUNCTUATION = "“”\"'‘’()[]{}<>«»,.;:!?…"

# Constructor in a notebook's source → the DOM class of its top-level box (cr-<kind>).
CONSTRUCTORS = {
    "QuoteWalkthrough": "quote-walkthrough",
    "VerbSpotter": "verb-spotter",
    "NumberHunt": "number-hunt",
    "KindSorter": "kind-sorter",
    "PlaceSpotter": "place-spotter",
    "RoleSorter": "role-sorter",
    "ask": "exercise",
    "ReflectionBox": "reflection",
    "CastSorter": "cast-sorter",
    "DoerSorter": "doer-sorter",
}
_CALL = re.compile(r"^(?!\s*#).*?(?<![\w.])(?:\w+\.)?(" + "|".join(CONSTRUCTORS) + r")\((.*)", re.MULTILINE)


@dataclass(frozen=True)
class WidgetUse:
    kind: str            # e.g. "quote-walkthrough"; the DOM class is "cr-" + kind
    cell: int            # notebook cell index
    nth: int             # the how-many-th widget of this kind in the notebook, from 0
    argument: str        # the call's first argument as written (an exercise id for ask)

    @property
    def dom_class(self) -> str:
        return f"cr-{self.kind}"

    @property
    def label(self) -> str:
        return {"exercise": f"ask({self.argument})"}.get(self.kind, self.kind) + (f" #{self.nth + 1}" if self.nth else "")


def widgets_in_source(source: str, cell: int = 0, seen: dict | None = None) -> list[WidgetUse]:
    """The widgets a cell's source builds, in order (comments and ``def`` lines ignored)."""
    seen = {} if seen is None else seen
    uses = []
    for match in _CALL.finditer(source):
        line = match.group(0)
        if re.match(r"\s*(def|class|from|import)\b", line):
            continue
        kind = CONSTRUCTORS[match.group(1)]
        argument = match.group(2).split(",")[0].split(")")[0].strip().strip("\"'")
        uses.append(WidgetUse(kind, cell, seen.get(kind, 0), argument))
        seen[kind] = seen.get(kind, 0) + 1
    return uses


def widgets_in_notebook(path: Path) -> list[WidgetUse]:
    notebook = nbformat.read(path, as_version=4)
    seen: dict[str, int] = {}
    uses = []
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "code":
            uses += widgets_in_source(cell.source, index, seen)
    return uses


def article_of(path: Path) -> str:
    """The ARTICLE a notebook reads (its setting cell)."""
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        match = re.search(r'^ARTICLE\s*=\s*["\']([^"\']+)["\']', cell.source, re.MULTILINE)
        if cell.cell_type == "code" and match:
            return match.group(1)
    return "koalisi-isis-roma"


@lru_cache(maxsize=None)
def annotation(article: str) -> dict:
    return json.loads((REPO / "data" / "annotations" / f"{article}.json").read_text(encoding="utf-8"))


def speech_quotes(article: str) -> list[dict]:
    """The annotated quotations a walkthrough steps through: not scare quotes, in text order."""
    return sorted((q for q in annotation(article)["quotes"] if q.get("kind") != "scare"), key=lambda q: q["start"])


def table(article: str, name: str) -> list[dict]:
    return sorted(annotation(article)[name], key=lambda r: (r["start"], r["end"]))


def _marked(article: str, kind: str, table: str) -> list[dict]:
    """The [[table]] entries of ``data/annotations/<article>.<kind>.toml``, in reading order; [] if there is none."""
    path = REPO / "data" / "annotations" / f"{article}.{kind}.toml"
    if not path.is_file():
        return []
    return sorted(tomllib.loads(path.read_text(encoding="utf-8")).get(table, []), key=lambda e: e["paragraph"])


def cast(article: str) -> list[dict]:
    """The parties of an article's cast (``data/annotations/<article>.cast.toml``), in reading order; [] if none."""
    return _marked(article, "cast", "party")


def doers(article: str) -> list[dict]:
    """The acts of an article's doers file (``data/annotations/<article>.doers.toml``), in reading order; [] if none."""
    return _marked(article, "doers", "action")


def words_of(text: str) -> list[str]:
    """A key's text as the word buttons show it: split at spaces (and at hyphens between names), edge punctuation off."""
    words = []
    for token in text.split():
        core = token.strip(EDGE_PUNCTUATION)
        if not core:
            continue
        pieces = re.split(r"[-–]", core)
        words += pieces if len(pieces) > 1 and all(p[:1].isupper() for p in pieces) else [core]
    return words


@lru_cache(maxsize=None)
def exercises() -> dict[str, dict]:
    found = {}
    for path in sorted((REPO / "exercises").glob("*.toml")):
        definition = tomllib.loads(path.read_text(encoding="utf-8"))
        for entry in definition.get("exercise", []):
            found[entry["id"]] = {**entry, "article": entry.get("article", definition.get("article"))}
    return found


def exercise_answer(entry: dict):
    """The answer key of an exercise: given in the TOML, or read from the annotation it names."""
    if "answer" in entry:
        return entry["answer"]
    spec = entry["answer_from"]
    records = annotation(spec.get("article", entry["article"]))[spec["table"]]
    records = [r for r in records if all(r.get(k) == v for k, v in spec.get("where", {}).items())]
    values = [r.get(spec["select"]) for r in records] if spec.get("select") else records
    returns = spec.get("returns", "value")
    if returns == "count":
        return len(values)
    if returns == "unique":
        return list(dict.fromkeys(values))
    return values if returns in ("values", "records") else values[0]


def as_typed(value) -> str:
    """An answer as a learner would type it."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
