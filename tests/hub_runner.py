"""A real JupyterHub for the kit, on 127.0.0.1 only, and learners who use it over HTTP (tests/test_hub.py,
benchmarks/hub_class.py).

What runs, and why:

- **JupyterHub** (PyPI ``jupyterhub``, the kit's test dependencies) from this ``.venv``, on free ports of
  127.0.0.1: the public proxy port, the proxy's API port and the hub's own port.
- **configurable-http-proxy** from npm (the proxy every JupyterHub uses by default, and the one Zero to
  JupyterHub runs), installed by ``make test`` into ``.venv/hub-proxy`` (``CONFLICT_READING_HUB_PROXY``
  names another).  It needs Node.js (20 or newer for version 5, which this machine runs).
- **SharedPasswordAuthenticator**: one class password for the listed learners.  It is JupyterHub's
  replacement (5.3+) for a password on ``DummyAuthenticator``, which is deprecated.
- **SimpleLocalProcessSpawner**: each learner's single-user server is a local process whose home is a
  folder of its own under the run's temporary folder.  It is the kit's ``.venv/bin/jupyterhub-singleuser``
  (so the kit's JupyterLab, ipywidgets and jupyterlab-slideshow), started with ``--allow-root`` when the
  hub runs as root (Jupyter refuses root otherwise), and ``PYTHONPATH`` points at the learner's own pulled
  copy of the kit, as the instructor guide tells an administrator to do.
- Kernels talk to their server over Unix sockets (``KernelManager.transport = "ipc"``), in a short runtime
  folder per learner under /tmp that :meth:`Hub.stop` removes: with TCP, many servers starting kernels at
  once on one machine race for the same ports (see the instructor guide, "How large a machine for a class").
- Every process of a run carries one environment variable, :data:`MARKER`, set to the run's id, so that
  :meth:`Hub.processes` finds them (hub, proxy, servers, kernels, git) and :meth:`Hub.stop` can prove that
  nothing is left behind.

A learner (:class:`Learner`) logs in through the hub's login form (and gets a token for the REST API from
the hub's API with that session), opens the kit's nbgitpuller link as a browser does (the first click starts
the server; then the sync stream the link's page reads), and runs code in a kernel through the server's REST
and websocket API.

>>> link_folder("file:///tmp/x/reading-conflict-reporting.git")
'reading-conflict-reporting.git'
>>> link_folder("https://github.com/OWNER/reading-conflict-reporting/")
'reading-conflict-reporting'
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # the kit's .venv/bin
MARKER = "CONFLICT_READING_HUB_RUN"
PASSWORD = "class-password-" + secrets.token_hex(4)  # SharedPasswordAuthenticator wants 8+ characters
NAMES = ("jupyterhub", "jupyterhub-singleuser", "configurable-http-proxy", "node")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def find_proxy() -> Path | None:
    """configurable-http-proxy: $CONFLICT_READING_HUB_PROXY, the one ``make test`` installs, or one on PATH."""
    for candidate in (os.environ.get("CONFLICT_READING_HUB_PROXY"),
                      REPO / ".venv" / "hub-proxy" / "node_modules" / ".bin" / "configurable-http-proxy",
                      BIN / "hub-proxy" / "node_modules" / ".bin" / "configurable-http-proxy",
                      shutil.which("configurable-http-proxy")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return Path(candidate)
    return None


def _command(process) -> str:
    """A process's command line, or "" once it has ended."""
    try:
        return " ".join(process.cmdline())
    except Exception:  # noqa: BLE001 - psutil.NoSuchProcess, AccessDenied, ZombieProcess
        return ""


def link_folder(repo_url: str) -> str:
    """The folder nbgitpuller clones ``repo_url`` into: the address's last part, as it is (``.git`` stays)."""
    return repo_url.rstrip("/").split("/")[-1]


def nbgitpuller_link(hub: str, repo_url: str, notebook: str) -> str:
    """The kit's link for one notebook (the instructor guide's recipe)."""
    return (f"{hub}/hub/user-redirect/git-pull?repo={quote(repo_url, safe='')}&branch=main"
            f"&urlpath=lab/tree/{link_folder(repo_url)}/notebooks/{notebook}")


def git(*args: str, cwd: Path | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Instructor", "GIT_AUTHOR_EMAIL": "instructor@example.org",
           "GIT_COMMITTER_NAME": "Instructor", "GIT_COMMITTER_EMAIL": "instructor@example.org",
           "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(cwd or REPO)}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True,
                          timeout=120).stdout


def bare_copy_of_the_kit(folder: Path, name: str = "reading-conflict-reporting.git") -> Path:
    """A bare repository ``folder/name`` whose branch ``main`` is the kit as it is on disk: this working
    tree's HEAD, plus (as one more commit, when there are any) the changes not committed yet, so that the
    test checks the kit that the other tests check.  The working tree itself is only read."""
    snapshot, bare = folder / "kit-snapshot", folder / name
    git("clone", "--quiet", "--no-hardlinks", str(REPO), str(snapshot), cwd=folder)
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=REPO).split("\0")
    for relative in filter(None, listed):
        source, target = REPO / relative, snapshot / relative
        if source.is_file() or source.is_symlink():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target, follow_symlinks=False)
        elif target.is_file():  # deleted on disk, not yet in a commit
            target.unlink()
    git("add", "-A", cwd=snapshot)
    if git("status", "--porcelain", cwd=snapshot).strip():
        git("commit", "--quiet", "-m", "The working tree as it is on disk", cwd=snapshot)
    git("clone", "--quiet", "--bare", str(snapshot), str(bare), cwd=folder)
    git("update-ref", "refs/heads/main", git("rev-parse", "HEAD", cwd=snapshot).strip(), cwd=bare)
    git("symbolic-ref", "HEAD", "refs/heads/main", cwd=bare)
    shutil.rmtree(snapshot)
    return bare


CONFIG = """\
# Written by tests/hub_runner.py: a JupyterHub for one run, on 127.0.0.1 only.
import os
c = get_config()  # noqa: F821
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.JupyterHub.db_url = "sqlite:///{work}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = "{work}/jupyterhub_cookie_secret"
c.JupyterHub.pid_file = "{work}/jupyterhub.pid"
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
c.ConfigurableHTTPProxy.command = [{proxy!r}]
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.pid_file = "{work}/jupyterhub-proxy.pid"
c.ConfigurableHTTPProxy.debug = False

c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = {password!r}
c.Authenticator.allowed_users = set({users!r})

c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = "{work}/home/{{username}}"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.args = {args!r}
c.Spawner.ip = "127.0.0.1"
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = {start_timeout}
c.Spawner.http_timeout = {start_timeout}
c.Spawner.environment = {{
    "PATH": {path!r},
    "LANG": "C.UTF-8",
    # The learner's own pulled copy of the kit comes first on the path (the guide's PYTHONPATH setting).
    "PYTHONPATH": lambda spawner: os.path.join(spawner.home_dir, {folder!r}),
    # A short runtime folder per learner: a kernel's ipc socket path must stay under 107 characters.
    "JUPYTER_RUNTIME_DIR": lambda spawner: os.path.join({runtime!r}, spawner.user.name),
    {marker!r}: {run_id!r},
}}

# The test's own client (like an instructor's script): manage servers and look at users.
c.JupyterHub.services = [{{"name": "class-runner", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{
    "name": "class-runner",
    "scopes": ["admin:users", "admin:servers", "list:users", "read:users"],
    "services": ["class-runner"],
}}]
"""


@dataclass
class Hub:
    """One JupyterHub run in ``work`` for ``users``; the kit's link folder is ``folder`` in each home."""

    work: Path
    users: list[str]
    folder: str
    start_timeout: int = 120
    keep_log: Path | None = None  # where stop() copies the hub's log (the run's folder is often deleted)
    # Kernels talk to their server over Unix sockets ("ipc"), not TCP ports: on one machine with many learners,
    # TCP ports chosen by one server can be taken by another learner's kernel before they are bound
    # (see lessons/instructor-guide.md, "How large a machine for a class").  "tcp" is Jupyter's default.
    kernel_transport: str = "ipc"
    run_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    token: str = field(default_factory=lambda: secrets.token_hex(24))

    def __post_init__(self):
        self.proxy = find_proxy()
        if self.proxy is None:
            raise RuntimeError("configurable-http-proxy is missing: `make test` installs it into .venv/hub-proxy "
                               "(needs Node.js and npm), or set CONFLICT_READING_HUB_PROXY")
        self.port, self.hub_port, self.proxy_api_port = free_port(), free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.log_path = self.work / "jupyterhub.log"
        # The kernels' sockets: a short path (see CONFIG), removed by stop().
        self.runtime = Path("/tmp" if Path("/tmp").is_dir() else tempfile.gettempdir()) / f"crh-{self.run_id[:12]}"
        self.seen: dict[int, str] = {}  # pid -> name of every process of this run seen so far

    def home(self, user: str) -> Path:
        return self.work / "home" / user

    def config(self) -> str:
        args = ["--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                f"--KernelManager.transport={self.kernel_transport}"]
        if os.geteuid() == 0:
            args.insert(0, "--allow-root")  # SimpleLocalProcessSpawner runs servers as the hub's own user
        path = os.pathsep.join([str(BIN), str(Path(shutil.which("git") or "/usr/bin/git").parent), "/usr/bin", "/bin"])
        return CONFIG.format(port=self.port, hub_port=self.hub_port, proxy_api_port=self.proxy_api_port,
                             work=self.work, proxy=str(self.proxy), password=PASSWORD, users=sorted(self.users),
                             singleuser=str(BIN / "jupyterhub-singleuser"), args=args, path=path,
                             folder=self.folder, marker=MARKER, run_id=self.run_id, token=self.token,
                             runtime=str(self.runtime),
                             start_timeout=self.start_timeout)

    # --- starting and stopping ---------------------------------------------------------------

    def start(self, timeout: float = 60) -> None:
        import requests

        self.work.mkdir(parents=True, exist_ok=True)
        (self.work / "home").mkdir(exist_ok=True)
        config = self.work / "jupyterhub_config.py"
        config.write_text(self.config(), encoding="utf-8")
        node_dir = Path(shutil.which("node") or "/usr/bin/node").parent
        env = {"PATH": os.pathsep.join([str(BIN), str(node_dir), "/usr/bin", "/bin"]), "HOME": str(self.work),
               "LANG": "C.UTF-8", MARKER: self.run_id}
        self._log = open(self.log_path, "w", encoding="utf-8")
        self.process = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(config)], cwd=self.work, env=env,
                                        stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                if requests.get(f"{self.url}/hub/api/", timeout=5).status_code == 200:
                    self.note_processes()
                    return
            except requests.RequestException:
                pass
            time.sleep(0.3)
        raise TimeoutError(f"JupyterHub did not answer within {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def processes(self) -> list:
        """Every running process of this run (found by :data:`MARKER` in its environment)."""
        import psutil

        found = []
        for process in psutil.process_iter(["pid", "name"]):
            try:
                if process.environ().get(MARKER) == self.run_id:
                    found.append(process)
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess, OSError):
                continue
        return found

    def strays(self) -> list[str]:
        """Hub, proxy, server or kernel processes working in this run's folder, found without :data:`MARKER`
        (by name and working folder): a second, independent look for leftovers."""
        import psutil

        found = []
        for process in psutil.process_iter(["pid", "name", "cmdline", "cwd"]):
            try:
                command = " ".join(process.info["cmdline"] or [])
                ours = any(name in command or name == process.info["name"] for name in NAMES + ("ipykernel",))
                where = process.info["cwd"] or ""
                if ours and (where == str(self.work) or where.startswith(f"{self.work}{os.sep}")
                             or str(self.work) in command):
                    found.append(f"{process.pid} {command}")
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
        return found

    def note_processes(self) -> list:
        found = self.processes()
        for process in found:
            try:
                self.seen[process.pid] = " ".join(process.cmdline()[:3])
            except Exception:  # noqa: BLE001 - it has just ended
                pass
        return found

    def listening(self) -> list[tuple[str, int, str]]:
        """(address, port, process) of every listening TCP socket of this run's processes."""
        import psutil

        sockets = []
        for process in self.processes():
            try:
                for conn in process.net_connections(kind="inet"):
                    if conn.status == psutil.CONN_LISTEN:
                        sockets.append((conn.laddr.ip, conn.laddr.port, process.name()))
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
        return sockets

    def stop(self, timeout: float = 45) -> list[str]:
        """Stop every server, then the hub (which stops the proxy); return what was still running after
        that (each then killed), so that a caller can assert it is nothing."""
        import psutil
        import requests

        if self.process is None:
            return []
        self.note_processes()
        for user in self.users:
            try:
                requests.delete(f"{self.url}/hub/api/users/{user}/server", headers=self.headers(), timeout=30)
            except requests.RequestException:
                pass
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and any("singleuser" in _command(p) for p in self.processes()):
            time.sleep(0.2)
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=max(5.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
        deadline = time.monotonic() + 10
        left = self.processes()
        while left and time.monotonic() < deadline:
            time.sleep(0.2)
            left = self.processes()
        said = []
        for process in left:
            try:
                said.append(f"{process.pid} {' '.join(process.cmdline())}")
                process.kill()
            except psutil.NoSuchProcess:
                pass
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
            said.append(f"{self.process.pid} jupyterhub (did not stop on SIGTERM)")
        self._log.close()
        self.process = None
        shutil.rmtree(self.runtime, ignore_errors=True)
        if self.keep_log:
            self.keep_log.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.log_path, self.keep_log)
        return said

    def proxy_targets(self) -> dict[str, list[str]]:
        """Each address the hub routed a learner's server to, with the learners routed there (from the log).
        Two learners on one address means one was sent to the other's server."""
        import re

        targets: dict[str, list[str]] = {}
        for user, target in re.findall(r"Adding user (\S+) to proxy \S+ => (\S+)",
                                       self.log_path.read_text(encoding="utf-8", errors="replace")):
            if user not in targets.setdefault(target, []):
                targets[target].append(user)
        return targets

    # --- the hub's REST API, as the class runner ---------------------------------------------------

    def headers(self) -> dict:
        return {"Authorization": f"token {self.token}"}

    def api(self, method: str, path: str, **kwargs):
        import requests

        kwargs.setdefault("timeout", 30)
        response = requests.request(method, f"{self.url}/hub/api{path}", headers=self.headers(), **kwargs)
        response.raise_for_status()
        return response.json() if response.content else None

    def server_pid(self, user: str) -> int | None:
        """The process id of ``user``'s single-user server."""
        for process in self.processes():
            try:
                if process.environ().get("JUPYTERHUB_USER") == user and "jupyterhub-singleuser" in " ".join(
                        process.cmdline()):
                    return process.pid
            except Exception:  # noqa: BLE001
                continue
        return None


# --- a learner ----------------------------------------------------------------------------------


class LinkTrouble(Exception):
    """The link did not lead where a browser would have been led (the learner would click it again)."""



class Learner:
    """A learner with a browser-like session on the hub and a token for their server's REST API."""

    def __init__(self, hub: Hub, name: str, timeout: float = 60):
        import requests

        self.hub, self.name, self.timeout = hub, name, timeout
        self.session = requests.Session()
        self.token: str | None = None
        self.base = f"{hub.url}/user/{name}"
        self.reloads = 0  # times the learner had to click the link again (see open_link)
        self.troubles: list[str] = []

    def _xsrf(self) -> str:
        return self.session.cookies.get("_xsrf", path="/hub/") or self.session.cookies.get("_xsrf") or ""

    def log_in(self) -> None:
        """The hub's login form, as a browser sends it; then a token for the REST API (through the hub's API)."""
        self.session.get(f"{self.hub.url}/hub/login", timeout=self.timeout).raise_for_status()
        answer = self.session.post(f"{self.hub.url}/hub/login",
                                   data={"username": self.name, "password": PASSWORD, "_xsrf": self._xsrf()},
                                   allow_redirects=False, timeout=self.timeout)
        if answer.status_code != 302:
            raise AssertionError(f"login of {self.name} answered {answer.status_code}")
        made = self.session.post(f"{self.hub.url}/hub/api/users/{self.name}/tokens",
                                 json={"note": "kernel API", "expires_in": 3600},
                                 headers={"X-XSRFToken": self._xsrf()}, timeout=self.timeout)
        made.raise_for_status()
        self.token = made.json()["token"]

    def _sse(self, url: str, done, **kwargs) -> list[dict]:
        """The events of a server-sent event stream (what a page's EventSource reads), until ``done(event)``."""
        events = []
        kwargs.setdefault("timeout", self.timeout)
        with self.session.get(url, stream=True, **kwargs) as stream:
            stream.raise_for_status()
            for line in stream.iter_lines(decode_unicode=True):
                if line and line.startswith("data: "):
                    events.append(json.loads(line[len("data: "):]))
                    if done(events[-1]):
                        break
        return events

    def open_link(self, link: str, tries: int = 3) -> dict:
        """Open an nbgitpuller link as a browser does, and return what happened.

        The browser follows the redirects: the hub's ``user-redirect`` sends it to the learner's server, or,
        when that is not running, to ``/hub/spawn`` and the spawn-pending page, whose script waits on the
        server's progress stream and then goes on to the link.  nbgitpuller's page then reads the sync stream
        (``git-pull/api``) and, when it says "finished", opens ``urlpath``.  Each step is done here over HTTP.

        When a page answers with an error on the way (a 404 or 5xx while many servers start at once), the
        learner clicks the link again, up to ``tries`` times in all; :attr:`reloads` counts those clicks and
        :attr:`troubles` says what each one met, so that a caller can report them rather than hide them.
        """
        import requests

        for attempt in range(1, tries + 1):
            try:
                return self._open_link_once(link)
            except (requests.HTTPError, LinkTrouble) as trouble:
                if attempt == tries:
                    raise
                self.reloads += 1
                self.troubles.append(f"{type(trouble).__name__}: {trouble}")
                time.sleep(2 * attempt)
        raise AssertionError("unreachable")

    def _open_link_once(self, link: str) -> dict:
        from urllib.parse import parse_qs, urlsplit

        page = self.session.get(link, timeout=self.timeout)
        page.raise_for_status()
        spawned = "/hub/spawn-pending/" in urlsplit(page.url).path
        if spawned:
            progress = self._sse(f"{self.hub.url}/hub/api/users/{self.name}/server/progress",
                                 lambda event: event.get("ready") or event.get("failed"),
                                 timeout=self.hub.start_timeout)
            if not (progress and progress[-1].get("ready")):
                raise LinkTrouble(f"{self.name}'s server did not start: {progress[-1:]}")
            following = parse_qs(urlsplit(page.url).query)["next"][0]
            page = self.session.get(f"{self.hub.url}{following}", timeout=self.timeout)
            page.raise_for_status()
        landed = urlsplit(page.url)
        if not landed.path.endswith(f"/user/{self.name}/git-pull") or "Synchronizing" not in page.text:
            raise LinkTrouble(f"the link led to {page.url} ({page.status_code}), not nbgitpuller's page")
        query = parse_qs(landed.query)
        repo, branch, urlpath = query["repo"][0], query["branch"][0], query["urlpath"][0]
        events = self._sse(f"{self.base}/git-pull/api", lambda event: event.get("phase") in ("finished", "error"),
                           params={"repo": repo, "branch": branch, "targetpath": link_folder(repo)})
        if not events or events[-1].get("phase") != "finished":
            raise AssertionError(f"nbgitpuller did not finish: {events[-1:] or 'no events'}")
        opened = self.session.get(f"{self.base}/{urlpath}", timeout=self.timeout)
        return {"spawned": spawned, "events": events, "output": "".join(e.get("output", "") for e in events),
                "urlpath": urlpath, "page_status": opened.status_code, "page": opened.text}

    # --- the learner's server: REST and websocket ---------------------------------------------------

    def api(self, method: str, path: str, **kwargs):
        import requests

        kwargs.setdefault("timeout", self.timeout)
        response = requests.request(method, f"{self.base}/api{path}",
                                    headers={"Authorization": f"token {self.token}"}, **kwargs)
        response.raise_for_status()
        return response.json() if response.content else None

    def notebook(self, path: str) -> dict:
        return self.api("GET", f"/contents/{quote(path)}", params={"content": 1})["content"]

    def save_notebook(self, path: str, content: dict) -> None:
        self.api("PUT", f"/contents/{quote(path)}", json={"type": "notebook", "format": "json", "content": content})

    def kernel(self, notebook_path: str) -> Kernel:
        """A kernel for ``notebook_path`` through the sessions API (it runs in the notebook's folder)."""
        session = self.api("POST", "/sessions", json={"path": notebook_path, "type": "notebook", "name": "",
                                                     "kernel": {"name": "python3"}})
        return Kernel(self, session["id"], session["kernel"]["id"])


def _unpack(message) -> dict:
    """A message from the kernel websocket: JSON text, or (with buffers) jupyter_server's binary framing."""
    if isinstance(message, str):
        return json.loads(message)
    count = struct.unpack("!I", message[:4])[0]
    offsets = list(struct.unpack("!" + "I" * count, message[4:4 * (count + 1)])) + [None]
    return json.loads(message[offsets[0]:offsets[1]].decode("utf-8"))


class Kernel:
    """One kernel of a learner's server, driven through ``/api/kernels/<id>/channels``."""

    def __init__(self, learner: Learner, session_id: str, kernel_id: str):
        import websocket  # websocket-client, a dependency of jupyter_server

        self.learner, self.session_id, self.kernel_id = learner, session_id, kernel_id
        self.client_session = uuid.uuid4().hex
        url = learner.base.replace("http://", "ws://", 1) + f"/api/kernels/{kernel_id}/channels"
        self.ws = websocket.create_connection(f"{url}?session_id={self.client_session}",
                                              header=[f"Authorization: token {learner.token}"],
                                              timeout=learner.timeout)

    def execute(self, code: str, timeout: float = 120) -> dict:
        """Run ``code``; return its reply status, printed text, results and error (if any)."""
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": self.learner.name,
                       "session": self.client_session, "version": "5.3",
                       "date": datetime.now(timezone.utc).isoformat()},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True},
        }))
        result = {"status": None, "stdout": "", "data": [], "error": None}
        idle = False
        deadline = time.monotonic() + timeout
        while result["status"] is None or not idle:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"the kernel did not finish within {timeout:.0f} s: {code[:80]!r}")
            self.ws.settimeout(left)
            message = _unpack(self.ws.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind, content = message["header"]["msg_type"], message.get("content", {})
            if kind == "execute_reply":
                result["status"] = content.get("status")
            elif kind == "status" and content.get("execution_state") == "idle":
                idle = True
            elif kind == "stream" and content.get("name") == "stdout":
                result["stdout"] += content.get("text", "")
            elif kind in ("execute_result", "display_data"):
                result["data"].append(content.get("data", {}))
            elif kind == "error":
                result["error"] = f"{content.get('ename')}: {content.get('evalue')}"
        return result

    def shut_down(self) -> None:
        try:
            self.ws.close()
        finally:
            self.learner.api("DELETE", f"/sessions/{self.session_id}")
