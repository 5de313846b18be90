"""The instructor's class page (issue 17) opens in Chromium with no page error, its grid and sections shown."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from benchmarks.class_report import generated_class
from conflict_reading.class_report import write_class_report

pytestmark = pytest.mark.browser


def test_the_class_page_of_300_learners_opens_with_no_error(browser, artifacts, tmp_path):
    page_file, _, data = write_class_report([generated_class(tmp_path)], tmp_path / "class.html")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors, requests = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(page_file.as_uri())
        expect(page.locator("table").first).to_be_visible()
        expect(page.locator("body")).to_contain_text("learner-299")
        assert page.locator("th").count() > 40  # a header cell per exercise, at least
        page.screenshot(path=str(artifacts / "class-report.png"))
        page.emulate_media(media="print")
        expect(page.locator("table").first).to_be_visible()
    finally:
        page.close()
    assert errors == [], errors
    assert all(url.startswith("file:") or url.startswith("data:") for url in requests), requests
    assert len(data.learners) == 300
