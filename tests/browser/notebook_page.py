"""One lesson notebook open in a browser tab: wait for the kernel, Run All, wait for every cell, read the cells.

Works for JupyterLab (``/lab/tree/...``) and Notebook 7 (``/tree/...``): both
draw notebooks with the same JupyterLab components (``.jp-Cell``,
``.jp-InputPrompt``, ``.jp-OutputArea-output``) and have the same Run menu.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from playwright.sync_api import Page, expect

RUN_ALL = 'li[data-command="runmenu:run-all"]'
IDLE = '.jp-Notebook-ExecutionIndicator[data-status="idle"]'
DONE_PROMPT = re.compile(r"^\[\d+\]:?$")


@dataclass
class CellView:
    index: int            # position in the notebook, from 0
    source: str
    tags: list[str]
    cell_type: str

    @property
    def first_line(self) -> str:
        return next((line for line in self.source.splitlines() if line.strip()), "(empty)")[:80]

    def name(self) -> str:
        return f"cell {self.index + 1} ({self.first_line!r})"


@dataclass
class NotebookPage:
    page: Page
    server: object
    path: Path                  # the notebook in the repository (its source: cells and tags)
    interface: str              # "JupyterLab" or "Notebook 7"
    cells: list[CellView] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def kit_path(self) -> str:
        return f"{self.path.parent.name}/{self.path.name}"

    def where(self, what: str = "") -> str:
        """The failure prefix: notebook (and interface), then what failed."""
        label = self.name if self.interface == "JupyterLab" else f"{self.name} [{self.interface}]"
        return f"{label} / {what}" if what else label

    def open(self, timeout_s: float = 90) -> None:
        notebook = nbformat.read(self.server.kit / self.kit_path, as_version=4)  # the copy the server runs
        self.cells = [CellView(i, c.source, list(c.metadata.get("tags", [])), c.cell_type)
                      for i, c in enumerate(notebook.cells)]
        started = time.monotonic()
        if self.interface == "JupyterLab":
            url = f"{self.server.url}/lab/tree/{self.kit_path}?reset"  # ?reset: no tabs left from other notebooks
        else:
            url = f"{self.server.url}/tree/{self.kit_path}"
        self.page.goto(url)
        expect(self.page.locator(".jp-Notebook .jp-Cell").first, self.where("open")).to_be_visible(
            timeout=timeout_s * 1000)
        self._wait_for_idle_kernel(started + timeout_s)
        self.seconds["open"] = time.monotonic() - started

    def _wait_for_idle_kernel(self, deadline: float) -> None:
        """Idle in the page *and* in the server: before that, Run All is lost."""
        while time.monotonic() < deadline:
            if self.page.locator(IDLE).count() and self.server.kernel_state(self.kit_path) == "idle":
                return
            self.page.wait_for_timeout(200)
        raise AssertionError(f"{self.where('kernel')}: the kernel was not idle within the time limit "
                             f"(state {self.server.kernel_state(self.kit_path)!r})")

    def settle(self, timeout_s: float = 30) -> None:
        """Wait until the kernel has answered everything the page sent it (idle in the page and in the server).

        ipywidgets holds back a widget's new value while an earlier message is
        unanswered, but sends a button's click at once: without this wait, a
        click can overtake the answer typed just before it.
        """
        deadline = time.monotonic() + timeout_s
        idle_polls = 0
        while idle_polls < 2:
            idle = self.page.locator(IDLE).count() and self.server.kernel_state(self.kit_path) == "idle"
            idle_polls = idle_polls + 1 if idle else 0
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.where('kernel')}: still busy after {timeout_s:.0f} s")
            self.page.wait_for_timeout(50)

    def code_prompts(self) -> list[str]:
        return [text.strip() for text in
                self.page.locator(".jp-Notebook .jp-CodeCell .jp-InputPrompt").all_text_contents()]

    def run_all(self, timeout_s: float = 150) -> None:
        """Run > Run All Cells, then wait until no cell is queued or running and the kernel is idle."""
        started = time.monotonic()
        self.page.locator(".jp-Notebook .jp-Cell").first.click()
        self.page.get_by_role("menuitem", name="Run", exact=True).click()
        self.page.locator(RUN_ALL).click()
        deadline = started + timeout_s
        # First the run must start: some prompt becomes [*] or a number.
        while not any(p == "[*]:" or p == "[*]" or DONE_PROMPT.match(p) for p in self.code_prompts()):
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.where('Run All')}: no cell started running")
            self.page.wait_for_timeout(200)
        quiet_since = None
        while True:
            prompts = self.code_prompts()
            busy = any("*" in p for p in prompts) or self.server.kernel_state(self.kit_path) != "idle"
            if busy:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since > 1.0:
                break
            if time.monotonic() > deadline:
                running = [self.code_cells()[i].name() for i, p in enumerate(prompts) if "*" in p]
                raise AssertionError(f"{self.where('Run All')}: still running after {timeout_s:.0f} s: "
                                     f"{', '.join(running) or 'the kernel is busy'}")
            self.page.wait_for_timeout(250)
        self.seconds["run_all"] = time.monotonic() - started

    # -- reading the result --

    def code_cells(self) -> list[CellView]:
        return [c for c in self.cells if c.cell_type == "code"]

    def cell(self, index: int):
        """The DOM of notebook cell ``index`` (all cells, markdown too, in order)."""
        return self.page.locator(".jp-Notebook .jp-Cell").nth(index)

    def outputs(self, index: int):
        return self.cell(index).locator(".jp-OutputArea-output")

    def screenshot(self, folder: Path, suffix: str = "") -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{self.name}{suffix}.png"
        self.cell(0).scroll_into_view_if_needed()  # the notebook's title; Run All leaves the last cell in view
        self.page.screenshot(path=str(target))
        return target
