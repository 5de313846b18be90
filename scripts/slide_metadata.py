"""Give every cell of the lesson notebooks a slide type, so that they can be presented.

    .venv/bin/python scripts/slide_metadata.py            # notebooks/*.ipynb
    .venv/bin/python scripts/slide_metadata.py --check    # list cells with no slide type (exit 1 if any)
    .venv/bin/python scripts/slide_metadata.py NOTEBOOK ...

jupyterlab-slideshow (live slides in JupyterLab) and ``python -m conflict_reading.slides``
(static decks) read each cell's ``metadata.slideshow.slide_type``.  The rule, in order:

1. A slide type already set is kept: a person's choice wins over the rule.
   (``--reset`` recomputes every cell; it discards hand edits.)
2. The first cell starts a ``slide``.
3. A markdown cell that opens with a ``#`` or ``##`` heading starts a ``slide``;
   one that opens with a ``###`` (or deeper) heading starts a ``subslide``.
4. A cell taller than one screen (``SCREEN_LINES`` lines as shown, long markdown
   lines counted as they wrap) starts a ``subslide``, so that it begins at the
   top of a fresh screen.
5. A code cell otherwise stays with the cells before it (``-``): the code that
   draws a chart or builds a widget stays on the slide of the text that
   introduces it.
6. A markdown cell without a heading stays with the cells before it (``-``)
   unless it would push the screen past ``SCREEN_LINES`` lines; then it starts
   a ``subslide``.

A cell that stays with the cells before it (``-``) is written as an empty
``"slideshow": {}``, with no ``slide_type``: JupyterLab's own Slide Type menu
has ``-`` as "no value", nbconvert and RISE read a missing type as ``-``, and
jupyterlab-slideshow (0.3.4) hides a cell whose type is the string ``"-"``
(it knows only a missing or empty type).  The empty ``slideshow`` still says "decided",
so ``--check`` can tell it from a cell nobody has looked at; a ``"-"`` found in a
file (the classic Notebook wrote it) is rewritten that way.

The RISE settings that earlier versions of this script wrote into the
notebook's ``metadata.rise`` (``{"theme": "white", "scroll": true}``) are
removed: the kit presents with jupyterlab-slideshow now.  Settings that differ
from those (a person's) are kept.

Only metadata is written: the script reads the file, changes the ``slideshow``
metadata of cells (and ``metadata.rise``), and writes it back in nbformat's own
layout, so the diff shows metadata alone.  It is idempotent: a second run
changes nothing.  Run it again after adding cells to a notebook.

>>> cells = [{"cell_type": "markdown", "source": "# Title", "metadata": {}},
...          {"cell_type": "markdown", "source": "Some text.", "metadata": {}},
...          {"cell_type": "code", "source": "highlight_quotes(article, quotes)", "metadata": {}},
...          {"cell_type": "markdown", "source": "### Discuss", "metadata": {}},
...          {"cell_type": "markdown", "source": "## Next", "metadata": {"slideshow": {"slide_type": "skip"}}}]
>>> slide_types(cells)
['slide', '-', '-', 'subslide', 'skip']
>>> [cell["metadata"]["slideshow"] for cell in with_slide_metadata({"cells": cells})["cells"]]
[{'slide_type': 'slide'}, {}, {}, {'slide_type': 'subslide'}, {'slide_type': 'skip'}]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LESSONS = REPO / "notebooks"

SLIDE_TYPES = ("slide", "subslide", "fragment", "-", "skip", "notes")
SCREEN_LINES = 18  # lines that fit on a projected slide at presenter sizes
WRAP = 90  # characters in a line of markdown on a slide
CONTINUES = "-"  # stays on the slide of the cells before it: written as no slide_type at all
OLD_RISE_SETTINGS = {"theme": "white", "scroll": True}  # what earlier versions wrote; removed

_HEADING = re.compile(r"(#{1,6})\s")


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def screen_lines(cell: dict) -> int:
    """How many lines a cell's source takes on a slide: markdown wraps, code does not.

    >>> screen_lines({"cell_type": "markdown", "source": "x" * 200 + "\\n\\nshort"})
    5
    """
    lines = _source(cell).splitlines() or [""]
    if cell.get("cell_type") != "markdown":
        return len(lines)
    return sum(max(1, math.ceil(len(line) / WRAP)) for line in lines)


def heading_level(cell: dict) -> int:
    """The level of the heading a markdown cell opens with (1 for ``#``), or 0."""
    if cell.get("cell_type") != "markdown":
        return 0
    first = next((line for line in _source(cell).splitlines() if line.strip()), "")
    match = _HEADING.match(first.lstrip())
    return len(match.group(1)) if match else 0


def given_type(cell: dict) -> str | None:
    """The slide type a person (or an earlier run) set, or None.

    A ``slideshow`` entry with no type (or an empty one) is ``-``, as in JupyterLab's Slide Type menu.

    >>> given_type({"metadata": {"slideshow": {}}}), given_type({"metadata": {}})
    ('-', None)
    """
    slideshow = cell.get("metadata", {}).get("slideshow")
    if not isinstance(slideshow, dict):
        return None
    kind = slideshow.get("slide_type")
    if kind in (None, ""):
        return CONTINUES
    return kind if kind in SLIDE_TYPES else None


def slide_types(cells: list[dict], reset: bool = False) -> list[str]:
    """The slide type of each cell by the rule in this module's docstring."""
    types, used = [], 0  # used: lines on the current screen so far
    for index, cell in enumerate(cells):
        lines = screen_lines(cell)
        level = heading_level(cell)
        kept = None if reset else given_type(cell)
        if kept is not None:
            kind = kept
        elif index == 0 or level in (1, 2):
            kind = "slide"
        elif level >= 3 or lines > SCREEN_LINES:
            kind = "subslide"
        elif cell.get("cell_type") == "markdown" and used + lines > SCREEN_LINES:
            kind = "subslide"
        else:
            kind = "-"
        types.append(kind)
        if kind in ("slide", "subslide"):
            used = lines
        elif kind not in ("skip", "notes"):
            used += lines
    return types


def missing(notebook: dict) -> list[int]:
    """Indices of the cells with no valid slide type."""
    return [i for i, cell in enumerate(notebook.get("cells", [])) if given_type(cell) is None]


def with_slide_metadata(notebook: dict, reset: bool = False) -> dict:
    """The notebook with every cell's ``metadata.slideshow.slide_type`` set (in place, returned)."""
    cells = notebook.get("cells", [])
    for cell, kind in zip(cells, slide_types(cells, reset=reset)):
        metadata = cell.setdefault("metadata", {})
        slideshow = metadata.get("slideshow") if isinstance(metadata.get("slideshow"), dict) else {}
        if kind == CONTINUES:
            slideshow.pop("slide_type", None)  # jupyterlab-slideshow would hide a cell typed "-"
        else:
            slideshow["slide_type"] = kind
        metadata["slideshow"] = slideshow
    metadata = notebook.setdefault("metadata", {})
    if metadata.get("rise") == OLD_RISE_SETTINGS:
        del metadata["rise"]
    return notebook


def _layout(notebook: dict) -> str:
    """nbformat's own file layout (indent 1, sorted keys, UTF-8), so that diffs show only what changed."""
    return json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def update_file(path: Path, reset: bool = False) -> bool:
    """Set the slide metadata of one notebook file; True if the file changed.

    Read, modify, write: if the file changes on disk while it is being worked
    on (someone saved it), the work is done again on the new version.
    """
    for _attempt in range(5):
        before = path.read_text(encoding="utf-8")
        after = _layout(with_slide_metadata(json.loads(before), reset=reset))
        if after == before:
            return False
        if path.read_text(encoding="utf-8") != before:
            continue  # saved by someone else meanwhile: start again from their version
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(after)
        os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
        return True
    raise RuntimeError(f"{path} kept changing while its slide metadata was being set; try again.")


def _summary(path: Path) -> str:
    types = slide_types(json.loads(path.read_text(encoding="utf-8"))["cells"])
    return (f"{path.name}: {len(types)} cells, {types.count('slide')} slides, "
            f"{types.count('subslide')} subslides")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Set (or --check) the slide type of every cell of the lessons.")
    parser.add_argument("notebooks", nargs="*", type=Path, metavar="NOTEBOOK",
                        help="notebooks (default: notebooks/*.ipynb)")
    parser.add_argument("--check", action="store_true", help="change nothing; list cells with no slide type")
    parser.add_argument("--reset", action="store_true", help="recompute every cell's type (discards hand edits)")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted(LESSONS.glob("*.ipynb"))
    problems = 0
    for path in paths:
        try:
            notebook = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            print(f"⚠ {path}: not a readable notebook ({error})", file=sys.stderr)
            problems += 1
            continue
        if args.check:
            for index in missing(notebook):
                cell = notebook["cells"][index]
                first = next((line for line in _source(cell).splitlines() if line.strip()), "(empty)")
                print(f"{path}: cell {index} ({cell.get('cell_type')}: {first[:60]!r}) has no slide type")
                problems += 1
        else:
            changed = update_file(path, reset=args.reset)
            print(("updated " if changed else "unchanged ") + _summary(path))
    if args.check and problems:
        print(f"{problems} cell(s) without a slide type: run scripts/slide_metadata.py", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
