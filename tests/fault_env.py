"""Real hostile conditions for the tests, as far as the machine allows: a folder the learner may not
write (run as an unprivileged user when the tests run as root), and a disk that is full (a tiny
tmpfs in a private mount namespace).  Each runs a short Python script in a child process and gives
back what it printed as JSON."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from .conftest import REPO

NOBODY = 65534


def shared_folder() -> Path:
    """A new folder under /tmp that an unprivileged user can enter (removed by the caller)."""
    folder = Path(tempfile.mkdtemp(prefix="cr-fault-", dir="/tmp"))
    folder.chmod(0o755)
    return folder


def _run(prefix: list[str], script: str, env: dict, timeout: int) -> dict:
    result = subprocess.run([*prefix, sys.executable, "-c", textwrap.dedent(script)], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"the script failed:\n{result.stderr[-3000:]}"
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_unprivileged(script: str, progress: Path, timeout: int = 120) -> dict:
    """Run ``script`` as a user who cannot write what root made read-only (as this user if not root)."""
    env = {**os.environ, "CONFLICT_READING_PROGRESS": str(progress), "HOME": "/tmp"}
    if os.geteuid() != 0:
        return _run([], script, env, timeout)
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv (util-linux): cannot act as an unprivileged user")
    return _run(["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"], script, env, timeout)


def run_on_full_disk(script: str, size_kb: int, timeout: int = 120) -> dict:
    """Run ``script`` with a fresh tmpfs of ``size_kb`` at $FULL (a private mount: nothing outside sees it)."""
    mount_point = Path(tempfile.mkdtemp(prefix="cr-full-", dir="/tmp"))
    try:
        inner = (f'mount -t tmpfs -o size={size_kb}k tmpfs "{mount_point}" && cd "{REPO}" && '
                 f'exec "{sys.executable}" -c "$SCRIPT"')
        env = {**os.environ, "FULL": str(mount_point), "SCRIPT": textwrap.dedent(script),
               "CONFLICT_READING_PROGRESS": str(mount_point / "progress.json")}
        unshare = ["unshare", "-m"] if os.geteuid() == 0 else ["unshare", "-r", "-m"]
        if not shutil.which("unshare"):
            pytest.skip("no unshare (util-linux): cannot make a private full disk")
        probe = subprocess.run([*unshare, "sh", "-c", f'mount -t tmpfs -o size=64k tmpfs "{mount_point}"'],
                               capture_output=True, text=True)
        if probe.returncode != 0:
            pytest.skip(f"no private tmpfs here (unshare/mount: {probe.stderr.strip()[:120]})")
        result = subprocess.run([*unshare, "sh", "-c", inner], env=env, capture_output=True, text=True,
                                timeout=timeout)
        assert result.returncode == 0, f"the script failed:\n{result.stderr[-3000:]}"
        return json.loads(result.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(mount_point, ignore_errors=True)
