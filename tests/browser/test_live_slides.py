"""Live slides in JupyterLab: a lesson presented with jupyterlab-slideshow keeps its widgets live.

The instructor's path, in Chromium: open ``notebooks/02-who-speaks.ipynb``,
Run All, click the first cell, press the notebook toolbar's deck button
(*Toggle Deck*), then the on-screen remote's *next* arrow until the slide with
the quotation walkthrough is on screen.  There the widget is a real widget: a
wrong speaker gets "Not yet" and why, the right one "Correct", Next and
Previous work.  Nothing is fetched from another host.

Run only this: ``.venv/bin/pytest tests/browser/test_live_slides.py -m browser``.
Screenshots go to ``test-artifacts/browser/`` (``02-who-speaks--slides-*.png``).
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .drivers import DRIVERS
from .keys import article_of, widgets_in_notebook
from .notebook_page import NotebookPage
from .server import REPO

pytestmark = pytest.mark.browser

LESSON = REPO / "notebooks" / "02-who-speaks.ipynb"
DECK_BUTTON = '.jp-NotebookPanel-toolbar [data-command="deck:toggle"]'
FORWARD = ".jp-Deck-Remote .jp-deck-mod-direction-forward"
EXIT = ".jp-Deck-Remote .jp-deck-mod-stop"
ON_SCREEN = "jp-deck-mod-onscreen"  # the class jupyterlab-slideshow gives the cells of the slide shown
DECK_SETTINGS = "jupyterlab-slideshow/plugin.jupyterlab-settings"  # it saves {"active": true} while presenting
NOT_RENDERED = ["Loading widget", "Error displaying widget", "Failed to load model class"]


def _cell_on_screen(page, index: int) -> bool:
    return page.locator(".jp-Notebook .jp-Cell").nth(index).evaluate(
        f"c => c.classList.contains('{ON_SCREEN}') && c.getBoundingClientRect().height > 0")


def _cells_on_screen(page) -> list[int]:
    return page.locator(".jp-Notebook .jp-Cell").evaluate_all(
        f"cells => cells.flatMap((c, i) => c.classList.contains('{ON_SCREEN}') ? [i] : [])")


def _deck_off(jupyter) -> None:
    """Presenting is saved in the user settings: switch it off, or every later notebook opens as slides."""
    settings = jupyter.folder / "lab-settings" / DECK_SETTINGS
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(json.dumps({"active": False}), encoding="utf-8")


@pytest.fixture
def presented(jupyter, browser, open_notebooks, artifacts):
    """The lesson in a fresh tab and kernel, run, then started as slides; stopped and closed afterwards."""
    open_notebooks.close()  # a fresh kernel: widgets driven by other tests keep their answers
    _deck_off(jupyter)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    lesson = NotebookPage(context.new_page(), jupyter, LESSON, "JupyterLab")
    fetched_elsewhere: list[str] = []
    lesson.page.on("request", lambda request: fetched_elsewhere.append(request.url)
                   if urlsplit(request.url).scheme in ("http", "https", "ws", "wss")
                   and urlsplit(request.url).netloc != urlsplit(jupyter.url).netloc else None)
    try:
        lesson.open()
        lesson.run_all()
        lesson.cell(0).click()  # the deck starts at the active cell; Run All leaves the last one active
        lesson.page.locator(DECK_BUTTON).click()
        expect(lesson.page.locator("body"), lesson.where("the deck did not start")).to_have_attribute(
            "data-jp-deck-mode", "presenting")
        yield lesson, fetched_elsewhere
    except Exception:
        lesson.screenshot(artifacts, "--slides-failed")
        raise
    finally:
        try:
            exit_button = lesson.page.locator(EXIT)
            if exit_button.count() and exit_button.is_visible():
                exit_button.click()
        finally:
            _deck_off(jupyter)
            context.close()
            jupyter.shut_down_kernels(lesson.kit_path)


def test_a_widget_on_a_slide_is_live(presented, artifacts):
    lesson, fetched_elsewhere = presented
    page = lesson.page
    shown = _cells_on_screen(page)
    assert shown and shown[0] == 0, lesson.where(f"the deck does not open on the first slide: cells {shown} shown")
    assert len(shown) < len(lesson.cells) / 4, lesson.where(
        f"{len(shown)} of {len(lesson.cells)} cells on the first slide: the notebook is not shown as slides")

    use = next(u for u in widgets_in_notebook(LESSON) if u.kind == "quote-walkthrough")
    heading = max(i for i, c in enumerate(lesson.cells[:use.cell]) if re.match(r"#{1,2} ", c.source))
    for _step in range(len(lesson.cells)):  # at most one press per cell
        if _cell_on_screen(page, use.cell):
            break
        forward = page.locator(FORWARD)
        assert "jp-mod-disabled" not in (forward.get_attribute("class") or ""), lesson.where(
            f"the last slide came before the one with the {use.label} (cell {use.cell + 1})")
        shown_before = _cells_on_screen(page)
        forward.click()
        page.wait_for_function(
            f"before => JSON.stringify([...document.querySelectorAll('.jp-Notebook .jp-Cell')].flatMap("
            f"(c, i) => c.classList.contains('{ON_SCREEN}') ? [i] : [])) !== before", arg=json.dumps(shown_before))
    else:
        raise AssertionError(lesson.where(f"the {use.label} never came on screen"))
    shown = _cells_on_screen(page)
    assert heading in shown and 0 not in shown, lesson.where(
        f"the slide of the {use.label} shows cells {shown}; its heading is cell {heading}")
    root = page.locator(f".{use.dom_class}").nth(use.nth)
    expect(root, lesson.where(f"the {use.label} is not shown on its slide")).to_be_visible()
    for text in NOT_RENDERED:
        assert page.locator(".jp-OutputArea-output", has_text=text).count() == 0, lesson.where(f"{text!r} shown")
    page.screenshot(path=str(artifacts / f"{lesson.name}--slides-walkthrough.png"))

    driver = DRIVERS[use.kind](root, lesson.where(f"slides / {use.label}"), article_of(LESSON), lesson)
    driver.expect_rendered()
    driver.drive()  # wrong answer: "Not yet" and why; right: "Correct"; Next and Previous keep the answers
    expect(page.locator("body"), lesson.where("the deck stopped while the widget was used")).to_have_attribute(
        "data-jp-deck-mode", "presenting")
    assert _cell_on_screen(page, use.cell), lesson.where("the widget's slide was left while the widget was used")
    page.screenshot(path=str(artifacts / f"{lesson.name}--slides-walkthrough-answered.png"))
    assert fetched_elsewhere == [], lesson.where(f"requests to other hosts: {fetched_elsewhere[:5]}")
