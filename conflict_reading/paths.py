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

    ``CONFLICT_READING_PROGRESS`` if set; on a JupyterHub (``JUPYTERHUB_USER`` is
    set in every single-user server and its kernels) ``my-progress/progress.json``
    in the learner's home folder, outside the copy of the kit that nbgitpuller
    pulls, so that a pull never meets it; otherwise ``my-progress/progress.json``
    in the kit's folder (the nearest folder above the working folder that holds
    ``notebooks/`` and ``exercises/``), or in the working folder itself.  The
    record itself is the journal ``progress.jsonl`` beside that path; a
    ``progress.json`` there (from an older kit) is read as its start (see
    :mod:`conflict_reading.progress`).
    """
    if os.environ.get("CONFLICT_READING_PROGRESS"):
        return Path(os.environ["CONFLICT_READING_PROGRESS"])
    if os.environ.get("JUPYTERHUB_USER"):
        return Path.home() / "my-progress" / "progress.json"
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "notebooks").is_dir() and (folder / "exercises").is_dir():
            return folder / "my-progress" / "progress.json"
    return here / "my-progress" / "progress.json"
