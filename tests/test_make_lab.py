"""`make lab` serves JupyterLab from the kit's folder, opening on notebook 00."""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

from .conftest import REPO

TOKEN = "kit-test-token"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _get(url: str):
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(url, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, b""


def test_make_lab_opens_notebook_00():
    port = _free_port()
    server = subprocess.Popen(
        ["make", "lab", f"PORT={port}",
         f"LAB_ARGS=--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.token={TOKEN}"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        status = None
        while time.monotonic() < deadline:
            try:
                status, _, _ = _get(f"{base}/api/status?token={TOKEN}")
                if status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        assert status == 200, "JupyterLab did not answer within 90 s"
        status, headers, _ = _get(f"{base}/?token={TOKEN}")
        assert status in (301, 302)
        assert "/lab/tree/notebooks/00-start.ipynb" in headers["Location"]
        # served from the kit's folder, so the learner can browse data/ and exercises/ too
        status, _, body = _get(f"{base}/api/contents/data/articles?token={TOKEN}")
        assert status == 200 and b"koalisi-isis-roma.txt" in body
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
