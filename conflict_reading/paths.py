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


def exercises_dir() -> Path:
    """The folder holding the exercise definitions (``*.toml``) and practice notebooks."""
    return Path(os.environ.get("CONFLICT_READING_EXERCISES", REPO_DIR / "exercises"))


def annotations_dir() -> Path:
    """Hand annotations of the articles: the answer keys of the exercises."""
    return data_dir() / "annotations"


def progress_file() -> Path:
    """Where a learner's progress is kept.

    ``CONFLICT_READING_PROGRESS`` if set; otherwise ``my-progress/progress.json``
    in the kit's folder (the nearest folder above the working folder that holds
    ``notebooks/`` and ``exercises/``), or in the working folder itself.  The
    record itself is the journal ``progress.jsonl`` beside that path; a
    ``progress.json`` there (from an older kit) is read as its start (see
    :mod:`conflict_reading.progress`).
    """
    if os.environ.get("CONFLICT_READING_PROGRESS"):
        return Path(os.environ["CONFLICT_READING_PROGRESS"])
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "notebooks").is_dir() and (folder / "exercises").is_dir():
            return folder / "my-progress" / "progress.json"
    return here / "my-progress" / "progress.json"
