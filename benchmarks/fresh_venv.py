"""Setup cost: time and size of a fresh ``.venv``, made the way ``make setup`` makes it, with pip and with uv.

    .venv/bin/python benchmarks/fresh_venv.py [--cold]

In a temporary folder, the Makefile's two ways (``make setup`` takes uv when it
is on PATH, pip otherwise; ``INSTALLER=pip`` forces pip):

- pip: ``python3 -m venv``, ``pip install --upgrade "pip>=23"``,
  ``pip install -e ".[test]"`` (this repository, editable);
- uv: ``uv venv --seed --python <the same python3>``,
  ``uv pip install --python .venv/bin/python -e ".[test]"``; measured only when
  uv is on PATH (or ``$UV`` names it), else its figures are null;

then each folder's size on disk (``du -sk``), then the folders are deleted.
The caches and index settings are used as they are (``--cold``: empty, temporary
pip and uv caches instead); where each package came from is counted from each
installer's own log (pip: downloaded, pip's cache, local files; uv: how many it
had to download or build, "prepared", of how many it installed), so a run with a
warm cache can be told from a cold one.  pip also reads this machine's pip
configuration (extra indexes, find-links); uv reads its own, not pip's.  Takes
about a minute.
"""

from __future__ import annotations

import os
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


def uv_binary() -> str | None:
    """The uv ``make setup`` would use: ``$UV`` if set (as the Makefile's ``UV=``), else uv on PATH."""
    return os.environ.get("UV") or shutil.which("uv")


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


def uv_package_sources(log: str) -> dict:
    """uv's summary lines: packages it had to download or build ("prepared") and packages installed.

    >>> uv_package_sources("Resolved 118 packages in 1.20s\\nPrepared 117 packages in 4.31s\\n"
    ...                    "Installed 118 packages in 310ms\\n + babel==2.17.0")
    {'prepared': 117, 'installed': 118}
    >>> uv_package_sources("Resolved 118 packages in 12ms\\nInstalled 118 packages in 290ms")
    {'prepared': 0, 'installed': 118}
    """
    def count(word: str) -> int:
        return sum(int(n) for n in re.findall(rf"^\s*{word} (\d+) packages?\b", log, re.M))

    return {"prepared": count("Prepared"), "installed": count("Installed")}


def size_mb(folder: Path) -> float:
    """Disk usage of ``folder`` in MB (``du -sk``, as the issue asks)."""
    output = subprocess.run(["du", "-sk", str(folder)], capture_output=True, text=True, check=True).stdout
    return int(output.split()[0]) * 1024 / 1e6


def _run_steps(steps: list[list[str]], env: dict) -> tuple[float, str]:
    log = []
    started = time.perf_counter()
    for command in steps:
        result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=env)
        log.append(result.stdout + result.stderr)
        if result.returncode:
            raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return time.perf_counter() - started, "\n".join(log)


def measure(cold: bool = False) -> dict:
    """``setup_fresh_venv_s``, ``setup_venv_mb`` and ``setup_packages`` (pip, where it found them);
    ``setup_fresh_venv_uv_s``, ``setup_venv_uv_mb`` and ``setup_uv_packages`` (uv; None without uv)."""
    uv = uv_binary()
    with tempfile.TemporaryDirectory(prefix="bench-venv-") as folder:
        env = dict(os.environ)
        env.pop("VIRTUAL_ENV", None)
        if cold:
            env.update(PIP_CACHE_DIR=str(Path(folder) / "pip-cache"), UV_CACHE_DIR=str(Path(folder) / "uv-cache"))

        venv = Path(folder) / "pip" / ".venv"
        pip = [str(venv / "bin" / "python"), "-m", "pip", "--disable-pip-version-check"]
        elapsed, log = _run_steps([[base_python(), "-m", "venv", str(venv)],
                                   [*pip, "install", "--upgrade", "pip>=23"],
                                   [*pip, "install", "-e", ".[test]"]], env)
        figures = {"setup_fresh_venv_s": elapsed, "setup_venv_mb": size_mb(venv),
                   "setup_packages": package_sources(log)}
        shutil.rmtree(venv.parent)

        figures.update(setup_fresh_venv_uv_s=None, setup_venv_uv_mb=None, setup_uv_packages=None)
        if uv:
            venv = Path(folder) / "uv" / ".venv"
            elapsed, log = _run_steps([[uv, "venv", "--seed", "--python", base_python(), str(venv)],
                                       [uv, "pip", "install", "--python", str(venv / "bin" / "python"),
                                        "-e", ".[test]"]], env)
            figures.update(setup_fresh_venv_uv_s=elapsed, setup_venv_uv_mb=size_mb(venv),
                           setup_uv_packages=uv_package_sources(log))
        return figures


def main(argv=None) -> int:
    cold = "--cold" in (sys.argv[1:] if argv is None else argv)
    figures = measure(cold=cold)
    cache = "empty caches" if cold else "caches as they are"
    print(f"fresh .venv with pip ({cache}): {figures['setup_fresh_venv_s']:.1f} s, "
          f"{figures['setup_venv_mb']:.0f} MB; packages: {figures['setup_packages']}")
    if figures["setup_fresh_venv_uv_s"] is None:
        print("fresh .venv with uv: not measured (uv is not on PATH; set UV=/path/to/uv)")
    else:
        print(f"fresh .venv with uv ({cache}): {figures['setup_fresh_venv_uv_s']:.1f} s, "
              f"{figures['setup_venv_uv_mb']:.0f} MB; packages: {figures['setup_uv_packages']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
