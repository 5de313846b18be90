"""One JupyterLab server and one Chromium per session; one tab per notebook, opened once and run once.

Tests ask for a notebook with the ``notebook`` parameter and get it through the
``lesson`` fixture: the notebook is opened and run the first time, and its tab
(and kernel) closed when the tests move on to the next one.  Tests are sorted so
that each notebook's tests run together.

Chromium comes from the system (Debian's ``chromium`` package; ``make test``
installs it as root, scripts/ensure_chromium.sh), never from ``playwright install``.  Without it the tests fail
with a message saying how to install it: they are part of ``make test``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .notebook_page import NotebookPage
from .server import REPO, JupyterServer

CHROMIUM = os.environ.get("CONFLICT_READING_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts" / "browser"
VIEWPORT = {"width": 1400, "height": 1000}


def pytest_collection_modifyitems(items):
    """Browser tests grouped by file, then notebook (each notebook is opened once), in their written order."""
    def notebook_of(item):
        callspec = getattr(item, "callspec", None)
        notebook = callspec.params.get("notebook") if callspec else None
        return str(notebook) if notebook is not None else ""

    browser = [i for i in items if i.get_closest_marker("browser")]
    if not browser:
        return
    first_seen: dict = {}
    for position, item in enumerate(browser):
        first_seen.setdefault((str(item.path), notebook_of(item)), position)
    browser.sort(key=lambda i: (str(i.path), first_seen[(str(i.path), notebook_of(i))]))
    others = [i for i in items if not i.get_closest_marker("browser")]
    items[:] = others + browser


@pytest.fixture(scope="session")
def chromium_path() -> str:
    found = shutil.which(CHROMIUM) or (CHROMIUM if os.access(CHROMIUM, os.X_OK) else None)
    if not found:
        pytest.fail(
            f"Chromium is not installed ({CHROMIUM} is missing): the browser tests need it. Install it with "
            "'apt-get install -y --no-install-recommends chromium' (as root; make test does this), or set "
            "CONFLICT_READING_CHROMIUM to a Chromium binary. Run the other tests with 'make test-fast'.",
            pytrace=False,
        )
    return found


@pytest.fixture(scope="session")
def jupyter(tmp_path_factory):
    server = JupyterServer(tmp_path_factory.mktemp("jupyter"))
    yield server
    try:
        server.shut_down_kernels()
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)  # a widget answers through the kernel; two cores, other tests running
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path,
            args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run"],
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/browser/ (git-ignored), emptied first, so that it shows this run only."""
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


class OpenNotebooks:
    """Keeps one notebook open at a time; remembers a notebook that failed to run, so that it is run once."""

    def __init__(self, server, browser, artifacts):
        self.server, self.browser, self.artifacts = server, browser, artifacts
        self.current: tuple | None = None
        self.lesson: NotebookPage | None = None
        self.failed: dict[tuple, str] = {}
        self.timings: list[tuple[str, dict]] = []

    def get(self, path: Path, interface: str) -> NotebookPage:
        key = (interface, str(path))
        if key in self.failed:
            pytest.fail(self.failed[key], pytrace=False)
        if key != self.current:
            self.close()
            context = self.browser.new_context(viewport=VIEWPORT)
            lesson = NotebookPage(context.new_page(), self.server, path, interface)
            self.current, self.lesson = key, lesson
            suffix = "" if interface == "JupyterLab" else "-notebook7"
            try:
                lesson.open()
                lesson.run_all()
            except Exception as error:  # an assertion, or a Playwright time-out: either way the notebook failed
                message = str(error) if isinstance(error, AssertionError) else f"{lesson.where('open and Run All')}: {error}"
                lesson.screenshot(self.artifacts, suffix + "-failed")
                self.failed[key] = message
                self.close()
                pytest.fail(message, pytrace=False)
            lesson.screenshot(self.artifacts, suffix)
            self.timings.append((lesson.where(), dict(lesson.seconds)))
        return self.lesson

    def close(self) -> None:
        if self.lesson is not None:
            try:
                self.lesson.page.context.close()
            finally:
                self.server.shut_down_kernels(self.lesson.kit_path)
        self.current, self.lesson = None, None


@pytest.fixture(scope="session")
def open_notebooks(jupyter, browser, artifacts):
    notebooks = OpenNotebooks(jupyter, browser, artifacts)
    yield notebooks
    notebooks.close()
    lines = [f"{where}: " + ", ".join(f"{k} {v:.1f} s" for k, v in seconds.items())
             for where, seconds in notebooks.timings]
    (artifacts / "timings.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
