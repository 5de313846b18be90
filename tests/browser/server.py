"""A JupyterLab server for the browser tests: a free port, no token, a copy of the kit, its own settings.

The server serves a copy of ``notebooks/`` and ``exercises/`` in a temporary
folder, so that autosave and "Run All" never write into the repository, and
``CONFLICT_READING_PROGRESS`` points into that folder, so that a learner's
``my-progress/`` is never touched.  The same server also serves Notebook 7
(``/tree/...``) when the ``notebook`` package is installed.

>>> port = free_port()
>>> 1024 < port < 65536
True
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
# Settings a learner would click away: no news pop-up, no update check (the tests run offline).
SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                        "checkForUpdates": False},
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_kit(folder: Path) -> Path:
    """The lesson and practice notebooks, copied into ``folder/kit`` (data stays in the repository)."""
    kit = folder / "kit"
    for name in ("notebooks", "exercises"):
        shutil.copytree(REPO / name, kit / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    return kit


class JupyterServer:
    """``jupyter lab`` started on its own line, stopped by its PID."""

    def __init__(self, folder: Path, startup_timeout: float = 90):
        self.folder = folder
        self.kit = copy_kit(folder)
        self.progress_file = folder / "progress" / "progress.json"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = folder / "jupyter-server.log"
        settings = folder / "lab-settings"
        for name, values in SETTINGS.items():
            (settings / name).parent.mkdir(parents=True, exist_ok=True)
            (settings / name).write_text(json.dumps(values), encoding="utf-8")
        env = {
            **os.environ,
            "CONFLICT_READING_PROGRESS": str(self.progress_file),
            "JUPYTERLAB_SETTINGS_DIR": str(settings),
            "JUPYTERLAB_WORKSPACES_DIR": str(folder / "lab-workspaces"),
            "JUPYTER_RUNTIME_DIR": str(folder / "runtime"),
        }
        env.pop("CONFLICT_READING_INSTRUCTOR", None)
        command = [
            str(BIN / "jupyter"), "lab", "--no-browser", f"--port={self.port}", "--ServerApp.ip=127.0.0.1",
            "--ServerApp.token=", "--ServerApp.password=", f"--ServerApp.root_dir={self.kit}",
            "--ServerApp.port_retries=0", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")
        self._log = open(self.log_path, "w", encoding="utf-8")
        self.process = subprocess.Popen(command, cwd=self.kit, env=env, stdout=self._log, stderr=subprocess.STDOUT)
        self._wait_until_up(startup_timeout)
        self._cookies = http.cookiejar.CookieJar()
        self._opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self._cookies))
        self._xsrf = None

    def _wait_until_up(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with code {self.process.returncode}; log:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/status", timeout=2):
                    return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"jupyter lab did not answer on {self.url} within {timeout:.0f} s; log:\n{self.log()}")

    def log(self, last: int = 4000) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-last:]
        except OSError:
            return ""

    # -- the REST API (writes need the _xsrf cookie echoed as a header) --

    def api(self, method: str, path: str):
        if self._xsrf is None:
            self._opener.open(f"{self.url}/lab", timeout=10).read()
            self._xsrf = next((c.value for c in self._cookies if c.name == "_xsrf"), "")
        request = urllib.request.Request(f"{self.url}{path}", method=method, headers={"X-XSRFToken": self._xsrf})
        with self._opener.open(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def sessions(self) -> list[dict]:
        return self.api("GET", "/api/sessions")

    def kernel_state(self, notebook_path: str) -> str | None:
        """The execution state of the kernel of the notebook at ``notebook_path`` (relative to the kit)."""
        for session in self.sessions():
            if session.get("path") == notebook_path and session.get("kernel"):
                return session["kernel"].get("execution_state")
        return None

    def shut_down_kernels(self, notebook_path: str | None = None) -> int:
        """Delete the sessions (and so the kernels) of one notebook, or of all; returns how many."""
        count = 0
        for session in self.sessions():
            if notebook_path is None or session.get("path") == notebook_path:
                self.api("DELETE", f"/api/sessions/{session['id']}")
                count += 1
        return count

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self._log.close()
