"""Setup cost: time and size of a fresh ``.venv``, made the way ``make setup`` makes it.

    .venv/bin/python benchmarks/fresh_venv.py

In a temporary folder: ``python3 -m venv``, ``pip install --upgrade "pip>=23"``,
``pip install -e ".[test]"`` (this repository, editable), exactly the Makefile's
steps; then its size on disk (``du -sk``), then the folder is deleted.  pip's
cache and index settings are used as they are; where each package came from
(downloaded, pip's cache, a local index or wheel folder) is counted from pip's
own log, so a run with a warm cache can be told from a cold one.  Takes about a
minute.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def base_python() -> str:
    """The interpreter the kit's .venv was made from (what ``make`` calls python3)."""
    candidate = Path(sys.base_prefix) / "bin" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    return str(candidate) if candidate.exists() else shutil.which("python3") or sys.executable


def package_sources(log: str) -> dict:
    """Count pip's log lines by where a package file came from.

    >>> package_sources("Downloading pandas-2.2.whl (12 MB)\\nUsing cached nltk-3.9.whl\\n"
    ...                 "Processing /opt/wheels/babel-2.16.whl\\nProcessing ./repo")
    {'downloaded': 1, 'from_cache': 1, 'from_local_files': 1}
    """
    return {
        "downloaded": len(re.findall(r"^\s*Downloading \S+", log, re.M)),
        "from_cache": len(re.findall(r"^\s*Using cached \S+", log, re.M)),
        "from_local_files": len(re.findall(r"^\s*Processing /\S+\.(?:whl|tar\.gz|zip)", log, re.M)),
    }


def size_mb(folder: Path) -> float:
    """Disk usage of ``folder`` in MB (``du -sk``, as the issue asks)."""
    output = subprocess.run(["du", "-sk", str(folder)], capture_output=True, text=True, check=True).stdout
    return int(output.split()[0]) * 1024 / 1e6


def measure() -> dict:
    """``setup_fresh_venv_s``, ``setup_venv_mb``, and ``setup_packages`` (where pip found them)."""
    with tempfile.TemporaryDirectory(prefix="bench-venv-") as folder:
        venv = Path(folder) / ".venv"
        pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check"]
        log = []
        started = time.perf_counter()
        for command in ([base_python(), "-m", "venv", str(venv)],
                        [*pip, "install", "--upgrade", "pip>=23"],
                        [*pip, "install", "-e", ".[test]"]):
            result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
            log.append(result.stdout + result.stderr)
            if result.returncode:
                raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
        elapsed = time.perf_counter() - started
        sources = package_sources("\n".join(log))
        return {"setup_fresh_venv_s": elapsed, "setup_venv_mb": size_mb(venv), "setup_packages": sources}


def main() -> int:
    figures = measure()
    print(f"fresh .venv: {figures['setup_fresh_venv_s']:.1f} s, {figures['setup_venv_mb']:.0f} MB; "
          f"packages: {figures['setup_packages']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
