"""A class on a real JupyterHub: learners log in, open the kit's nbgitpuller link, check an answer; the
instructor pushes a change; the learners' edits and progress survive the next pull.  Nothing is left running.

The hub (PyPI ``jupyterhub``), its proxy (npm ``configurable-http-proxy``, which ``make test`` installs into
``.venv/hub-proxy``) and nbgitpuller run for real, on 127.0.0.1 only; see tests/hub_runner.py for how.  The
kit's repository is a bare clone of the kit as it is on disk (HEAD, plus what is not committed yet), reached
by a ``file://`` address; the working tree itself is only read.  20 to 40 s on two CPUs (mostly two
single-user servers starting).
Select with ``-m hub``, leave out with ``-m "not hub"``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest

from conflict_reading.paths import progress_file

from .hub_runner import BIN, Hub, Learner, bare_copy_of_the_kit, find_proxy, git, link_folder
from .test_lessons import _tested_block

ANSWER_CELL = 'check("00-paragraphs", ___)'
LEARNER_ANSWER = 'check("00-paragraphs", 25)'
INSTRUCTOR_LINE = "**Update from your instructor:** read paragraph 1 twice."
INSTRUCTOR_CELL = 'check("00-paragraphs", ___)  # count them in the widget above'
PLAN_LINE = "Note added in class: learners kept their answers through this update."
EXTENSIONS = {"@jupyter-widgets/jupyterlab-manager", "jupyterlab-slideshow"}  # the kit's widgets and slides


# --- where progress lives (no hub needed) --------------------------------------------------------

def test_on_a_hub_the_progress_record_is_in_the_learners_home_not_in_the_pulled_copy(tmp_path, monkeypatch):
    home, copy = tmp_path / "home", tmp_path / "home" / "reading-conflict-reporting"
    (copy / "notebooks").mkdir(parents=True)
    (copy / "exercises").mkdir()
    monkeypatch.delenv("CONFLICT_READING_PROGRESS")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(copy / "notebooks")
    assert progress_file() == copy / "my-progress" / "progress.json"  # on one's own computer: in the kit's folder
    monkeypatch.setenv("JUPYTERHUB_USER", "amira")  # what every hub sets for a single-user server and its kernels
    assert progress_file() == home / "my-progress" / "progress.json"
    monkeypatch.setenv("CONFLICT_READING_PROGRESS", str(tmp_path / "elsewhere.jsonl"))
    assert progress_file() == tmp_path / "elsewhere.jsonl"  # an administrator's setting still wins


# --- make test's proxy install (scripts/ensure_hub_proxy.sh; no hub, no network) -------------------

def _tools(folder: Path, uid: int = 1000, **fakes: str) -> dict:
    """An environment whose PATH holds only a shell's basics, `id` answering ``uid``, and the given stand-ins
    (name -> shell script)."""
    folder.mkdir()
    for tool in ("bash", "mktemp", "rm", "tail", "mkdir", "chmod"):
        (folder / tool).symlink_to(shutil.which(tool))
    for name, body in {"id": f"echo {uid}\n", **fakes}.items():
        (folder / name).write_text("#!/bin/sh\n" + body, encoding="utf-8")
        (folder / name).chmod(0o755)
    return {"PATH": str(folder), "TMPDIR": str(folder)}


def _ensure(target: Path, env: dict):
    script = Path(__file__).resolve().parent.parent / "scripts" / "ensure_hub_proxy.sh"
    return subprocess.run([shutil.which("bash"), str(script), str(target)], env=env, capture_output=True, text=True,
                          timeout=60)


# A stand-in npm: writes down how it was called and makes the proxy where --prefix says.
FAKE_NPM = ('echo "$@" >> "$TMPDIR/npm.log"\n'
            'mkdir -p "$3/node_modules/.bin" && printf "#!/bin/sh\\n" > "$3/node_modules/.bin/configurable-http-proxy"'
            ' && chmod +x "$3/node_modules/.bin/configurable-http-proxy"\n')
NPM_ARGS = "install --prefix {} --no-audit --no-fund --loglevel=error configurable-http-proxy@{}"


def test_the_proxy_install_stops_with_one_line_without_node_or_npm(tmp_path):
    result = _ensure(tmp_path / "hub-proxy", _tools(tmp_path / "bin"))
    assert result.returncode == 1 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "Node.js and npm" in line and "make test-fast" in line


def test_as_root_with_apt_get_the_proxy_install_gets_node_and_npm_first(tmp_path):
    folder, waiting = tmp_path / "bin", tmp_path / "apt-packages"  # what the stand-in apt-get installs
    waiting.mkdir()
    for name, body in (("node", "printf 18\n"), ("npm", FAKE_NPM)):
        (waiting / name).write_text("#!/bin/sh\n" + body, encoding="utf-8")
        (waiting / name).chmod(0o755)
    apt = (f'echo "apt-get $*" >> "$TMPDIR/apt.log"\n'
           f'[ "$1" = install ] && cp {waiting}/node {waiting}/npm {folder}/\nexit 0\n')
    env = _tools(folder, uid=0, **{"apt-get": apt})
    (folder / "cp").symlink_to(shutil.which("cp"))
    target = tmp_path / "venv" / "hub-proxy"
    result = _ensure(target, env)
    assert result.returncode == 0, result.stderr
    assert (folder / "apt.log").read_text(encoding="utf-8").splitlines() == [
        "apt-get update -q", "apt-get install -y -q --no-install-recommends nodejs npm"]
    # Debian 12's nodejs is 18: version 4.6 of the proxy, as version 5 needs Node.js 20.
    assert (folder / "npm.log").read_text(encoding="utf-8").splitlines() == [NPM_ARGS.format(target, ">=4.6 <5")]
    assert (target / "node_modules" / ".bin" / "configurable-http-proxy").is_file()


def test_the_proxy_is_installed_with_npm_into_the_given_folder_once(tmp_path):
    env = _tools(tmp_path / "bin", node="printf 20\n", npm=FAKE_NPM)
    target = tmp_path / "venv" / "hub-proxy"
    assert _ensure(target, env).returncode == 0
    assert _ensure(target, env).returncode == 0  # already there: npm is not run again
    calls = (tmp_path / "bin" / "npm.log").read_text(encoding="utf-8").splitlines()
    assert calls == [NPM_ARGS.format(target, ">=5.3 <6")]


def test_a_node_too_old_for_any_proxy_is_refused(tmp_path):
    env = _tools(tmp_path / "bin", node="printf 8\n", npm=FAKE_NPM)
    result = _ensure(tmp_path / "hub-proxy", env)
    assert result.returncode == 1 and "this node is 8" in result.stderr and "make test-fast" in result.stderr
    assert not (tmp_path / "bin" / "npm.log").exists()


# --- the class sizing figures (make bench-hub) behind the instructor guide ------------------------

def test_the_committed_class_figures_are_complete_and_back_the_guides_memory_rule():
    import doctest
    import importlib
    import sys

    repo = Path(__file__).resolve().parent.parent
    results = json.loads((repo / "benchmarks" / "hub_results.json").read_text(encoding="utf-8"))
    classes = results["classes"]
    assert set(classes) == {"1", "10", "30"} and results["metadata"]["lesson"] == "notebooks/02-who-speaks.ipynb"
    for size, figures in classes.items():
        assert figures["learners"] == int(size)
        assert figures["errors"] == [] and figures["links_clicked_again"] == 0, figures["link_troubles"]
        assert figures["run_all"]["code_cells"] > 20
    # The guide ("How large a machine for a class"): 0.75 GB per learner is one server and two kernels,
    # plus 30 % headroom.
    learner = max(f["memory_mb"]["server_rss"]["max"] + 2 * f["memory_mb"]["kernel_rss"]["max"]
                  for f in classes.values())
    assert learner * 1.3 <= 0.75 * 1024
    guide = (repo / "lessons" / "instructor-guide.md").read_text(encoding="utf-8")
    assert "## How large a machine for a class" in guide and "0.75 GB per learner + 2 GB" in guide
    sys.path.insert(0, str(repo / "benchmarks"))
    try:
        failures, tried = doctest.testmod(importlib.import_module("hub_class"))
    finally:
        sys.path.remove(str(repo / "benchmarks"))
    assert tried > 0 and failures == 0


# --- the class on a real hub --------------------------------------------------------------------

def _why_no_hub() -> str | None:
    for module in ("jupyterhub", "nbgitpuller", "psutil", "requests", "websocket"):
        try:
            __import__(module)
        except ImportError:
            return f"{module} is not installed (make test installs the test dependencies)"
    if not (BIN / "jupyterhub-singleuser").is_file():
        return "jupyterhub-singleuser is not in this environment"
    if shutil.which("git") is None:
        return "git is not installed"
    if find_proxy() is None or shutil.which("node") is None:
        return "configurable-http-proxy (npm, Node.js) is missing: make test installs it into .venv/hub-proxy"
    return None


def _links(hub_url: str, repo_url: str) -> dict[str, str]:
    """The instructor guide's own link maker (its tested block), run for this hub and repository."""
    code = _tested_block("nbgitpuller-links")
    code = re.sub(r'^HUB = .*$', f'HUB = {hub_url!r}', code, count=1, flags=re.MULTILINE)
    code = re.sub(r'^REPO = .*$', f'REPO = {repo_url!r}', code, count=1, flags=re.MULTILINE)
    namespace = {}
    cwd = os.getcwd()
    os.chdir(Path(__file__).resolve().parent.parent)
    try:
        exec(code, namespace)  # noqa: S102 - the guide's own recipe
    finally:
        os.chdir(cwd)
    return {link.rsplit("/", 1)[-1]: link for link in namespace["links"]}


def _cell(notebook: dict, start: str) -> int:
    return next(i for i, cell in enumerate(notebook["cells"]) if "".join(cell["source"]).startswith(start))


def _source(notebook: dict, index: int) -> str:
    return "".join(notebook["cells"][index]["source"])


def _extensions(page: str) -> set[str]:
    """The federated JupyterLab extensions a lab page loads (from its page config)."""
    found = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', page, re.DOTALL)
    assert found, "a JupyterLab page"
    return {extension["name"] for extension in json.loads(found.group(1)).get("federated_extensions", [])}


def _check_in_kernel(kernel, answer) -> dict:
    result = kernel.execute(
        "import json, os, conflict_reading, ipywidgets\n"
        "from conflict_reading import check\n"
        "from conflict_reading.progress import ProgressStore\n"
        f"_feedback = check('00-paragraphs', {answer!r})\n"
        "print(json.dumps({'kit': conflict_reading.__file__, 'passed': _feedback.passed, 'cwd': os.getcwd(),\n"
        "                  'journal': str(ProgressStore().journal), 'widgets': ipywidgets.__version__}))\n")
    assert result["status"] == "ok" and result["error"] is None, result
    return json.loads(result["stdout"].strip().splitlines()[-1])


def _attempts(journal: Path) -> list[dict]:
    lines = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [line for line in lines if line.get("event") == "attempt"]


def _all_on_localhost(hub: Hub) -> None:
    sockets = hub.listening()
    assert sockets and all(address == "127.0.0.1" for address, _, _ in sockets), sockets


@pytest.mark.hub
def test_a_class_on_a_real_hub_pulls_checks_and_keeps_edits_and_progress(tmp_path):
    reason = _why_no_hub()
    if reason:
        pytest.skip(reason)
    bare = bare_copy_of_the_kit(tmp_path)
    repo_url = bare.as_uri()  # file:///.../reading-conflict-reporting.git
    folder = link_folder(repo_url)  # nbgitpuller keeps the .git ending: reading-conflict-reporting.git
    hub = Hub(tmp_path / "hub", ["amira", "budi"], folder)
    kernels = []
    try:
        hub.start()
        _all_on_localhost(hub)
        links = _links(hub.url, repo_url)
        amira, budi = Learner(hub, "amira"), Learner(hub, "budi")

        # 1. Both log in through the login form and click their link: the first click starts their server.
        def arrive(learner: Learner, notebook: str) -> dict:
            learner.log_in()
            return learner.open_link(links[notebook])

        with ThreadPoolExecutor(2) as pool:
            first_a, first_b = pool.map(arrive, (amira, budi), ("00-start.ipynb", "02-who-speaks.ipynb"))
        # An error page on the way makes a learner click again (hub_runner.Learner.open_link): once at most.
        assert amira.reloads + budi.reloads <= 1, amira.troubles + budi.troubles
        for learner, first, notebook in ((amira, first_a, "00-start.ipynb"), (budi, first_b, "02-who-speaks.ipynb")):
            copy = hub.home(learner.name) / folder
            assert first["spawned"] and "git clone" in first["output"], first["output"]
            assert (copy / "notebooks" / notebook).is_file() and first["urlpath"].endswith(notebook)
            assert first["page_status"] == 200 and EXTENSIONS <= _extensions(first["page"])
            server = hub.server_pid(learner.name)
            assert server, f"{learner.name} has a server"
        for process in hub.note_processes():
            if "jupyterhub-singleuser" in " ".join(process.cmdline()):
                command = process.cmdline()
                assert str(BIN / "jupyterhub-singleuser") in command  # the kit's .venv
                assert ("--allow-root" in command) == (os.geteuid() == 0)
        _all_on_localhost(hub)

        # 2. In amira's server, a kernel imports the kit from her own copy, and a check passes and is recorded
        #    in her home, outside the pulled copy.
        home_a, copy_a = hub.home("amira"), hub.home("amira") / folder
        kernel_a = amira.kernel(f"{folder}/notebooks/00-start.ipynb")
        kernels.append(kernel_a)
        seen = _check_in_kernel(kernel_a, 25)
        assert seen["passed"] is True and seen["widgets"].startswith("8.")
        assert Path(seen["kit"]) == copy_a / "conflict_reading" / "__init__.py"
        assert Path(seen["cwd"]) == copy_a / "notebooks"
        journal_a = Path(seen["journal"])
        assert journal_a == home_a / "my-progress" / "progress.jsonl"
        assert copy_a not in journal_a.parents
        assert [(a["exercise"], a["passed"]) for a in _attempts(journal_a)] == [("00-paragraphs", True)]
        assert not (copy_a / "my-progress").exists()
        assert git("status", "--porcelain", cwd=copy_a) == ""  # the copy is clean: nothing for a pull to meet
        _all_on_localhost(hub)  # the kernel talks to its server over a Unix socket: no port of its own

        # budi's record is his own.
        kernel_b = budi.kernel(f"{folder}/notebooks/02-who-speaks.ipynb")
        kernels.append(kernel_b)
        seen_b = _check_in_kernel(kernel_b, 28)
        assert seen_b["passed"] is False
        assert Path(seen_b["journal"]) == hub.home("budi") / "my-progress" / "progress.jsonl"
        assert len(_attempts(journal_a)) == 1
        hub.note_processes()  # the kernels are running now: remember them for the check at the end

        # 3. amira types her answer into the notebook (saved through the contents API, as JupyterLab saves).
        path = f"{folder}/notebooks/00-start.ipynb"
        notebook = amira.notebook(path)
        answer_cell = _cell(notebook, ANSWER_CELL)
        notebook["cells"][answer_cell]["source"] = LEARNER_ANSWER
        amira.save_notebook(path, notebook)
        on_disk = json.loads((copy_a / "notebooks" / "00-start.ipynb").read_text(encoding="utf-8"))
        assert _source(on_disk, answer_cell) == LEARNER_ANSWER
        journal_before = (journal_a.read_bytes(), journal_a.stat().st_mtime_ns)

        # 4. The instructor changes lesson 00 (its first cell, and the very cell amira answered) and its plan,
        #    and pushes.
        desk = tmp_path / "instructor"
        git("clone", "--quiet", repo_url, str(desk), cwd=tmp_path)
        lesson = desk / "notebooks" / "00-start.ipynb"
        changed = nbformat.read(lesson, as_version=4)
        changed.cells[0].source += "\n\n" + INSTRUCTOR_LINE
        changed.cells[answer_cell].source = INSTRUCTOR_CELL
        nbformat.write(changed, lesson)
        plan = desk / "lessons" / "00-start.md"
        plan.write_text(plan.read_text(encoding="utf-8") + "\n" + PLAN_LINE + "\n", encoding="utf-8")
        git("commit", "--quiet", "-am", "Lesson 00: a note for the class", cwd=desk)
        git("push", "--quiet", "origin", "HEAD:main", cwd=desk)

        # 5. Both open their links again.  amira's answer stays (nbgitpuller merges with -Xours: where both
        #    changed the same lines, the learner's side wins); the rest of the update arrives.  budi had not
        #    touched the notebook: he gets all of it.  Nobody's progress record is touched.
        again_a = amira.open_link(links["00-start.ipynb"])
        again_b = budi.open_link(links["02-who-speaks.ipynb"])
        assert not again_a["spawned"] and "merge" in again_a["output"], again_a["output"]
        after = amira.notebook(path)
        assert _source(after, answer_cell) == LEARNER_ANSWER
        assert INSTRUCTOR_LINE in _source(after, 0)
        assert PLAN_LINE in (copy_a / "lessons" / "00-start.md").read_text(encoding="utf-8")
        assert (journal_a.read_bytes(), journal_a.stat().st_mtime_ns) == journal_before
        assert "my-progress" not in again_a["output"]
        copy_b = hub.home("budi") / folder
        theirs = budi.notebook(path)
        assert _source(theirs, answer_cell) == INSTRUCTOR_CELL and INSTRUCTOR_LINE in _source(theirs, 0)
        assert PLAN_LINE in (copy_b / "lessons" / "00-start.md").read_text(encoding="utf-8")
        assert not again_b["spawned"]

        # 6. The kernel amira kept open goes on recording in the same place.
        assert _check_in_kernel(kernel_a, 25)["journal"] == str(journal_a)
        assert len(_attempts(journal_a)) == 2
        for kernel in kernels:
            kernel.shut_down()
        kernels.clear()
    finally:
        for kernel in kernels:
            try:
                kernel.ws.close()
            except Exception:  # noqa: BLE001
                pass
        left = hub.stop()
    # 7. Everything this run started has stopped, on its own, when the servers and the hub were stopped.
    assert left == [], f"left running after the hub stopped (now killed): {left}"
    assert hub.processes() == [] and hub.strays() == []
    seen_names = " ".join(hub.seen.values())
    for name in ("jupyterhub", "configurable-http-proxy", "jupyterhub-singleuser", "ipykernel_launcher"):
        assert name in seen_names, f"{name} was never seen: the check for leftovers would prove nothing"
