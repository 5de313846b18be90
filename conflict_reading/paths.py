"""Where the kit's data lives.

The kit is installed in editable mode (``pip install -e .``), so ``data/`` is the
repository's own folder.  ``CONFLICT_READING_DATA`` points elsewhere if needed.
"""

import os
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The folder holding ``articles/``, ``translations/``, ``glossary.csv``."""
    return Path(os.environ.get("CONFLICT_READING_DATA", REPO_DIR / "data"))


def articles_dir() -> Path:
    return data_dir() / "articles"
