"""Static slide decks of the lessons: executed, exported with reveal.js, offline.

    python -m conflict_reading.slides [--out build/slides] [--no-execute] [--no-presenter] [NOTEBOOK ...]

builds ``build/slides/NN-name.slides.html`` for every lesson in ``notebooks/``
(or for the notebooks named), next to one copy of reveal.js
(``build/slides/reveal.js/``, from the kit's vendored copy).  Open a deck in any
browser, with no network: ← → move between slides, ↑ ↓ between the parts of a
slide, S opens the speaker view, Esc the overview.

Each notebook is first executed (so charts and tables appear) with presenter
mode on (large text for a projector) and a throwaway progress file (a deck never
records answers in anyone's progress).  Widgets cannot run in a static page, so
a deck shows each widget's plain-text fallback; present from JupyterLab with
jupyterlab-slideshow for live widgets.

The deck loads nothing from the network: reveal.js comes from the local copy,
and the parts of nbconvert's reveal template that load require.js, jQuery,
MathJax, Mermaid and the widget manager from CDNs are left out.

Slides follow each cell's ``metadata.slideshow.slide_type``
(``scripts/slide_metadata.py`` sets them).

>>> remote_urls('<script src="https://cdn.example/x.js"></script><link href="reveal.js/dist/reveal.css">')
['https://cdn.example/x.js']
>>> count_slides('<div class="slides"><section><section>a</section><section>b</section></section>'
...              '<section><section>c</section></section></div>')
2
"""

from __future__ import annotations

import argparse
import contextlib
import html.parser
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from .errors import KitError
from .paths import REPO_DIR

VENDORED_REVEAL = Path(__file__).resolve().parent / "vendor" / "reveal.js"
REVEAL_FOLDER = "reveal.js"  # next to the decks, as the decks' reveal_url_prefix
DEFAULT_OUT = REPO_DIR / "build" / "slides"
LESSONS_DIR = REPO_DIR / "notebooks"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
THEME = "white"  # its font is shipped; "simple" (nbconvert's default) loads Google Fonts
EXECUTE_TIMEOUT = 300  # seconds per cell

# nbconvert's reveal template, minus everything it would load from a CDN.
TEMPLATE_NAME = "conflict_reading_slides.html.j2"
TEMPLATE = r"""
{%- extends 'index.html.j2' -%}

{#- require.js, jQuery and Mermaid (from cdnjs): the deck below needs none of them. -#}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{#- The widget manager (from unpkg): widgets show their plain-text fallback instead. -#}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{#- MathJax (from cdnjs): the lessons have no formulas, and it would read "$436 ... $13.5" as one. -#}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}

{%- block html_head_css -%}
<style type="text/css">
/* A slide taller than the screen scrolls instead of running off the bottom. */
.reveal .slides > section, .reveal .slides > section > section {
  max-height: 100%;
  overflow-y: auto;
}
.reveal .slides section .jp-OutputArea-output pre { white-space: pre-wrap; }
</style>
{%- endblock html_head_css -%}

{% block footer_js %}
<script src="{{ resources.reveal.url_prefix }}/dist/reveal.js"></script>
<script src="{{ resources.reveal.url_prefix }}/plugin/notes/notes.js"></script>
<script>
Reveal.initialize({
  controls: true,
  progress: true,
  history: true,
  center: false,
  transition: "{{ resources.reveal.transition }}",
  slideNumber: "c/t",
  width: {{ resources.reveal.width or 1280 }},
  height: {{ resources.reveal.height or 720 }},
  plugins: [RevealNotes]
});
</script>
{% endblock footer_js %}
"""

_REMOTE = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)\s*=\s*["']?((?:https?:)?//[^"'\s>]+)""",
                     re.IGNORECASE)
_CSS_URL = re.compile(r"""(?:@import\s+|url\()\s*["']?((?:https?:)?//[^"')\s;]+)""", re.IGNORECASE)


def remote_urls(page: str) -> list[str]:
    """Every address a page (or a stylesheet) would fetch from the network: src/href of scripts,
    stylesheets, images and frames, CSS ``@import`` and ``url(...)``.  Plain links (``<a href>``) are not fetched."""
    return _REMOTE.findall(page) + _CSS_URL.findall(page)


def local_references(page: str) -> list[str]:
    """The relative addresses of the scripts and stylesheets a deck loads."""
    found = re.findall(r"""<(?:script|link)\b[^>]*?\b(?:src|href)\s*=\s*["']([^"']+)["']""", page, re.IGNORECASE)
    return [url for url in found if not re.match(r"(?:[a-z]+:)?//|data:|#", url, re.IGNORECASE)]


class _SlideCounter(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = 0  # <section> nesting
        self.slides = 0

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.depth += 1
            self.slides += self.depth == 1

    def handle_endtag(self, tag):
        if tag == "section":
            self.depth -= 1


def count_slides(page: str) -> int:
    """The number of top-level ``<section>`` elements: the horizontal slides of a reveal.js deck."""
    counter = _SlideCounter()
    counter.feed(page)
    return counter.slides


# --- building ---------------------------------------------------------------------------------

@contextlib.contextmanager
def _environment(**values: str | None):
    """Set environment variables (for the kernels started inside) and put them back afterwards."""
    saved = {name: os.environ.get(name) for name in values}
    try:
        for name, value in values.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _plain_widgets(notebook) -> None:
    """Widgets cannot run in a static page: keep each widget output's other forms (its text fallback)."""
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data")
            if data and WIDGET_MIME in data and len(data) > 1:
                del data[WIDGET_MIME]


def copy_reveal(out_dir: Path) -> Path:
    """Copy the vendored reveal.js into ``out_dir`` (replacing an older copy); return its folder."""
    target = out_dir / REVEAL_FOLDER
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(VENDORED_REVEAL, target)
    return target


def _exporter():
    from jinja2 import DictLoader
    from nbconvert import SlidesExporter

    return SlidesExporter(
        extra_loaders=[DictLoader({TEMPLATE_NAME: TEMPLATE})],
        template_file=TEMPLATE_NAME,
        reveal_url_prefix=REVEAL_FOLDER,
        reveal_theme=THEME,
        reveal_transition="none",
    )


def _read(path: Path):
    if not path.is_file():
        raise KitError(f"No notebook at {path}.")
    import nbformat

    try:
        return nbformat.read(path, as_version=4)
    except Exception as error:  # nbformat raises several kinds for a damaged file
        raise KitError(f"{path} is not a readable notebook ({type(error).__name__}: {error}).") from None


def _execute(notebook, path: Path) -> None:
    from nbclient.exceptions import CellExecutionError
    from nbconvert.preprocessors import ExecutePreprocessor

    runner = ExecutePreprocessor(timeout=EXECUTE_TIMEOUT, kernel_name="python3")
    try:
        runner.preprocess(notebook, {"metadata": {"path": str(path.parent)}})
    except CellExecutionError as error:
        what = f"{error.ename}: {error.evalue}" if getattr(error, "ename", None) else "a cell failed"
        raise KitError(f"{path.name}: a cell raised {what.splitlines()[0] if what else 'an error'} while its slides "
                       f"were built. Run the notebook top to bottom in JupyterLab to see where.") from None


def build_deck(path: Path, out_dir: Path = DEFAULT_OUT, execute: bool = True) -> Path:
    """Build the slide deck of one notebook; return the path of its ``.slides.html``.

    The notebook file itself is never changed.  ``copy_reveal(out_dir)`` (or
    :func:`build_decks`, which calls it) puts reveal.js where the deck looks for it.
    """
    path = Path(path)
    notebook = _read(path)
    if execute:
        _execute(notebook, path)
    _plain_widgets(notebook)
    try:
        body, _resources = _exporter().from_notebook_node(notebook, resources={"metadata": {"name": path.stem}})
    except ValueError as error:  # "All cells are hidden, cannot create slideshow"
        raise KitError(f"{path.name}: no slides to show ({error}).") from None
    out_dir.mkdir(parents=True, exist_ok=True)
    deck = out_dir / f"{path.stem}.slides.html"
    deck.write_text(body, encoding="utf-8")
    return deck


def build_decks(paths=None, out_dir: Path = DEFAULT_OUT, execute: bool = True, presenter: bool = True,
                report=None) -> list[Path]:
    """Build the decks of ``paths`` (default: every lesson in ``notebooks/``) into ``out_dir``.

    ``report`` (e.g. ``print``) is told about each deck as it is written.
    """
    paths = [Path(p) for p in paths] if paths else sorted(LESSONS_DIR.glob("*.ipynb"))
    if not paths:
        raise KitError(f"No notebooks to build: {LESSONS_DIR} holds no .ipynb files.")
    for path in paths:
        if not path.is_file():  # before any work: a typo should not cost a minute of building
            raise KitError(f"No notebook at {path}.")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    copy_reveal(out_dir)
    decks = []
    with tempfile.TemporaryDirectory() as scratch, _environment(
        CONFLICT_READING_PROGRESS=str(Path(scratch) / "progress.json"),
        CONFLICT_READING_PRESENTER="1" if presenter else "0",
        CONFLICT_READING_INSTRUCTOR=None,  # a deck never shows solutions
    ):
        for path in paths:
            decks.append(build_deck(path, out_dir, execute=execute))
            if report:
                report(f"Wrote {decks[-1]}")
    return decks


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m conflict_reading.slides",
        description="Build offline reveal.js slide decks of the lesson notebooks.")
    parser.add_argument("notebooks", nargs="*", type=Path, metavar="NOTEBOOK",
                        help="notebooks to build (default: every notebook in notebooks/)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder for the decks (default: build/slides)")
    parser.add_argument("--no-execute", dest="execute", action="store_false",
                        help="export the notebooks as saved, without running them (no outputs)")
    parser.add_argument("--no-presenter", dest="presenter", action="store_false",
                        help="laptop sizes instead of presenter mode's large text and charts")
    args = parser.parse_args(argv)
    try:
        decks = build_decks(args.notebooks, args.out, execute=args.execute, presenter=args.presenter, report=print)
    except KitError as error:
        print(error.one_line(), file=sys.stderr)
        return 2
    print(f"{len(decks)} deck{'s' * (len(decks) != 1)} in {args.out}: open one in a browser (no network needed).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
