"""The checks every lesson notebook gets after Run All, in JupyterLab and in Notebook 7.

Each takes an open, run :class:`~tests.browser.notebook_page.NotebookPage`; a
failure message starts with the notebook (and widget): ``04-places / place-spotter: ...``.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from .drivers import DRIVERS
from .keys import WidgetUse, article_of, widgets_in_notebook

FIGURE_CALL = re.compile(r"^(?!\s*#).*(plt\.(subplots|figure|show)\(|place_map\()", re.MULTILINE)
NOT_RENDERED = ["Loading widget", "Error displaying widget", "does not show here", "Failed to load model class"]
ERROR_OUTPUT = '[data-mime-type="application/vnd.jupyter.stderr"], [data-mime-type="application/vnd.jupyter.error"]'


def every_code_cell_ran(lesson) -> None:
    prompts = lesson.code_prompts()
    code = lesson.code_cells()
    assert len(prompts) == len(code), lesson.where(f"{len(code)} code cells in the file, {len(prompts)} on the page")
    not_run = [cell.name() for cell, prompt in zip(code, prompts) if not re.fullmatch(r"\[\d+\]:?", prompt)]
    assert not_run == [], lesson.where(f"cells that did not run after Run All: {not_run}")


def no_error_output_outside_raises_exception_cells(lesson) -> None:
    problems = []
    for cell in lesson.code_cells():
        if "raises-exception" in cell.tags:
            continue
        outputs = lesson.outputs(cell.index)
        texts = outputs.locator(ERROR_OUTPUT).all_text_contents()
        texts += [t for t in outputs.all_text_contents() if "Traceback (most recent call last)" in t]
        if texts:
            problems.append(f"{cell.name()}: {texts[0].strip()[:300]!r}")
    assert problems == [], lesson.where("error output: " + "; ".join(problems))


def every_widget_renders(lesson) -> None:
    page = lesson.page
    for text in NOT_RENDERED:
        shown = page.locator(".jp-OutputArea-output", has_text=text)
        assert shown.count() == 0, lesson.where(f"{text!r} shown: {shown.first.text_content()[:200]!r}")
    expected: dict[str, int] = {}
    for use in widgets_in_notebook(lesson.server.kit / lesson.kit_path):
        expected[use.dom_class] = expected.get(use.dom_class, 0) + 1
    shown = {f"cr-{kind}": page.locator(f".cr-{kind}").count() for kind in DRIVERS}
    shown = {cls: n for cls, n in shown.items() if n}
    assert shown == expected, lesson.where(f"widgets on the page {shown}, built by the notebook's source {expected}")


def every_figure_appears_as_an_image(lesson) -> None:
    missing = [cell.name() for cell in lesson.code_cells()
               if FIGURE_CALL.search(cell.source) and not lesson.outputs(cell.index).locator("img").count()]
    assert missing == [], lesson.where(f"cells that draw a figure but show no image: {missing}")
    as_text = lesson.page.locator(".jp-OutputArea-output", has_text=re.compile(r"<Figure size \d+x\d+"))
    assert as_text.count() == 0, lesson.where(f"a figure shown as text, not drawn: {as_text.first.text_content()[:100]!r}")
    for image in lesson.page.locator(".jp-OutputArea-output img").all():
        image.scroll_into_view_if_needed()
        expect(image, lesson.where("an image that does not load")).to_have_js_property("complete", True)
        assert image.evaluate("i => i.naturalWidth") > 0, lesson.where("an image with no pixels")


def drive_widget(lesson, use: WidgetUse, artifacts: Path) -> None:
    """Find the widget, check it is drawn, answer wrong and right, step through it; then a screenshot."""
    root = lesson.page.locator(f".{use.dom_class}").nth(use.nth)
    extra = {"exercise": {"exercise_id": use.argument},
             "reflection": {"key": use.argument, "cell": use.cell}}.get(use.kind, {})
    driver = DRIVERS[use.kind](root, lesson.where(use.label), article_of(lesson.server.kit / lesson.kit_path),
                               lesson, **extra)
    driver.expect_rendered()
    driver.drive()
    suffix = "" if lesson.interface == "JupyterLab" else "-notebook7"
    slug = re.sub(r"[^\w-]+", "-", use.label).strip("-")
    driver.screenshot(artifacts, f"{lesson.name}--{slug}{suffix}")
