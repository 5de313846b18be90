"""Shared fixtures: the kit's article and paths to make bad input from."""

from pathlib import Path

import pytest

from conflict_reading import load_article

REPO = Path(__file__).resolve().parent.parent
SEED = REPO.parent / "shared" / "seed" / "article-koalisi-isis-roma.txt"


@pytest.fixture(scope="session")
def article():
    return load_article("koalisi-isis-roma")


@pytest.fixture
def write_article(tmp_path):
    """Write bytes or text to a file in a temporary folder and return its path."""

    def write(content, name="article.txt"):
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return path

    return write
