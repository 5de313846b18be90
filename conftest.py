"""Applies to every test and doctest: a learner's real progress file is never touched."""

import pytest


@pytest.fixture(autouse=True)
def _private_progress_file(tmp_path, monkeypatch):
    monkeypatch.setenv("CONFLICT_READING_PROGRESS", str(tmp_path / "progress.json"))
    monkeypatch.delenv("CONFLICT_READING_INSTRUCTOR", raising=False)
    import conflict_reading.article as article
    import conflict_reading.checks as checks

    checks._instructor = None
    article._last_loaded = None  # check() must not judge by an article another test loaded
    yield
    checks._instructor = None
    article._last_loaded = None
