"""`make test`, `make test-fast`, `make setup` and `.ci/run` do what the README says.

`make test` checks Chromium before anything else: as root with apt-get it installs it,
otherwise it stops at once with one line naming `make test-fast`.  These tests never
install anything and never run the suite: `id` and `apt-get` are stand-ins put first on
PATH, and `VENV=` points make at a fake .venv whose `python` only writes down how it was
called.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

MAKE = shutil.which("make")
pytestmark = pytest.mark.skipif(MAKE is None, reason="make is not installed")


def _script(path: Path, text: str) -> Path:
    path.write_text("#!/bin/sh\n" + text, encoding="utf-8")
    path.chmod(0o755)
    return path


class Machine:
    """A pretend machine: who the user is, whether apt-get exists and what it does, and a fake .venv."""

    def __init__(self, tmp_path: Path, *, uid: int, apt: str | None, chromium_exists: bool = False,
                 only_these_tools: bool = False):
        self.root = tmp_path
        self.log = tmp_path / "calls.log"
        self.log.touch()
        self.chromium = tmp_path / "browsers" / "chromium"
        self.chromium.parent.mkdir()
        if chromium_exists:
            _script(self.chromium, "exit 0\n")
        shims = tmp_path / "shims"
        shims.mkdir()
        _script(shims / "id", f"echo {uid}\n")
        if apt == "installs":
            _script(shims / "apt-get", f'echo "apt-get $* DEBIAN_FRONTEND=$DEBIAN_FRONTEND" >> {self.log}\n'
                                       f'[ "$1" = install ] && printf "#!/bin/sh\\n" > {self.chromium} '
                                       f'&& chmod +x {self.chromium}\nexit 0\n')
        elif apt == "fails":
            _script(shims / "apt-get", f'echo "apt-get $*" >> {self.log}\n'
                                       'echo "E: Unable to locate package chromium" >&2\nexit 100\n')
        if only_these_tools:  # no apt-get anywhere on PATH
            for tool in ("bash", "make", "sh"):
                (shims / tool).symlink_to(shutil.which(tool))
            self.path = str(shims)
        else:
            self.path = f"{shims}{os.pathsep}{os.environ['PATH']}"
        # A fake, already set-up .venv: its python only records the command make ran.
        self.venv = tmp_path / "venv"
        (self.venv / "bin").mkdir(parents=True)
        _script(self.venv / "bin" / "python",  # one line per call: python|arg|arg...
                f'(printf python; for a in "$@"; do printf "|%s" "$a"; done; echo) >> {self.log}\n')
        (self.venv / ".installed").touch()  # newer than pyproject.toml: no setup
        proxy = self.venv / "hub-proxy" / "node_modules" / ".bin" / "configurable-http-proxy"
        proxy.parent.mkdir(parents=True)
        _script(proxy, "exit 0\n")  # the hub test's proxy is there: make test installs nothing with npm

    def env(self) -> dict:
        env = {k: v for k, v in os.environ.items()
               if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "CONFLICT_READING_CHROMIUM", "UV", "INSTALLER",
                             "PYTHON", "VIRTUAL_ENV")}
        env.update(PATH=self.path, CONFLICT_READING_CHROMIUM=str(self.chromium))
        return env

    def make(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([MAKE, "--no-print-directory", *args, f"VENV={self.venv}"], cwd=REPO,
                              env=self.env(), capture_output=True, text=True, timeout=120)

    def calls(self) -> list[str]:
        """What ran, in order: apt-get's lines as it wrote them, python's arguments joined by spaces."""
        return [" ".join(line.split("|")) for line in self.log.read_text(encoding="utf-8").splitlines()]

    def python_args(self) -> list[list[str]]:
        return [line.split("|")[1:] for line in self.log.read_text(encoding="utf-8").splitlines()
                if line.startswith("python|")]


def _assert_one_line_naming_test_fast(result: subprocess.CompletedProcess) -> str:
    lines = result.stderr.splitlines()
    assert result.returncode != 0
    assert len(lines) == 1, result.stderr
    assert "make test-fast" in lines[0]
    return lines[0]


@pytest.mark.parametrize("how", ["make test", "make -n test"])
def test_not_root_without_chromium_stops_at_once_with_one_line(tmp_path, how):
    machine = Machine(tmp_path, uid=1000, apt="installs")
    result = machine.make(*how.split()[1:])
    line = _assert_one_line_naming_test_fast(result)
    assert "sudo apt-get install chromium" in line and "CONFLICT_READING_CHROMIUM" in line
    assert str(machine.chromium) in line
    assert machine.calls() == []  # neither apt-get nor pytest ran
    assert "pytest" not in result.stdout


def test_the_script_alone_exits_non_zero_with_its_one_line_on_stdout(tmp_path):
    machine = Machine(tmp_path, uid=1000, apt="installs")
    result = subprocess.run(["bash", "scripts/ensure_chromium.sh"], cwd=REPO, env=machine.env(),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and result.stderr == ""
    (line,) = result.stdout.splitlines()
    assert "make test-fast" in line and machine.calls() == []


def test_make_stops_when_the_check_fails_without_a_word(tmp_path):
    machine = Machine(tmp_path, uid=1000, apt=None, chromium_exists=True)
    _script(tmp_path / "shims" / "bash", "exit 3\n")  # the check cannot even run
    result = machine.make("test")
    _assert_one_line_naming_test_fast(result)
    assert "exit 3" in result.stderr and machine.calls() == []


def test_root_without_apt_get_stops_with_one_line(tmp_path):
    machine = Machine(tmp_path, uid=0, apt=None, only_these_tools=True)
    result = machine.make("test")
    _assert_one_line_naming_test_fast(result)
    assert machine.calls() == []


def test_root_with_apt_get_installs_chromium_then_runs_every_test(tmp_path):
    machine = Machine(tmp_path, uid=0, apt="installs")
    result = machine.make("test")
    assert result.returncode == 0, result.stderr
    assert machine.calls() == [
        "apt-get update -q DEBIAN_FRONTEND=noninteractive",
        "apt-get install -y -q --no-install-recommends chromium DEBIAN_FRONTEND=noninteractive",
        "python -m pytest",  # the whole suite, browser tests included, after the install
    ]
    said = result.stderr.splitlines()
    assert len(said) == 1 and "installing" in said[0] and "chromium" in said[0]


def test_a_failed_install_stops_before_any_test(tmp_path):
    machine = Machine(tmp_path, uid=0, apt="fails")
    result = machine.make("test")
    assert result.returncode != 0
    assert "E: Unable to locate package chromium" in result.stderr  # apt-get's own words are shown
    assert "make test-fast" in result.stderr.splitlines()[-1]
    assert [c for c in machine.calls() if c.startswith("python")] == []


def test_a_dry_run_installs_nothing(tmp_path):
    machine = Machine(tmp_path, uid=0, apt="installs")
    result = machine.make("-n", "test")
    assert result.returncode == 0, result.stderr
    assert machine.calls() == [] and not machine.chromium.exists()
    assert "would install" in result.stderr
    assert f"{machine.venv}/bin/python -m pytest" in result.stdout


def test_with_chromium_make_test_runs_every_test_and_installs_nothing(tmp_path):
    machine = Machine(tmp_path, uid=1000, apt="installs", chromium_exists=True)
    result = machine.make("test")
    assert result.returncode == 0 and result.stderr == ""
    assert machine.calls() == ["python -m pytest"]


def test_a_chromium_given_on_makes_command_line_is_used(tmp_path):
    machine = Machine(tmp_path, uid=1000, apt="installs")
    env = machine.env()
    del env["CONFLICT_READING_CHROMIUM"]
    result = subprocess.run([MAKE, "test", f"VENV={machine.venv}", f"CONFLICT_READING_CHROMIUM={sys.executable}"],
                            cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert machine.calls() == ["python -m pytest"]


def test_make_test_fast_needs_no_chromium_and_leaves_out_the_browser_tests(tmp_path):
    machine = Machine(tmp_path, uid=1000, apt=None)  # no Chromium, cannot install it
    result = machine.make("test-fast")
    assert result.returncode == 0 and result.stderr == ""
    (args,) = machine.python_args()
    assert args[:2] == ["-m", "pytest"] and "-m" in args[2:]
    # The same arguments leave out every test in tests/browser that drives Chromium.
    marker = args[2:]
    collect = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "tests/browser"]

    def collected(*extra: str) -> list[str]:
        result = subprocess.run(collect + list(extra), cwd=REPO, capture_output=True, text=True, timeout=300)
        assert result.returncode in (0, 5), result.stdout[-2000:] + result.stderr[-2000:]
        return [line for line in result.stdout.splitlines() if "::" in line]

    def drives_chromium(node_id: str) -> bool:  # a test in tests/browser/test_*.py (not a helper's doctest)
        return Path(node_id.split("::")[0]).name.startswith("test_")

    everything = collected()
    assert len([n for n in everything if drives_chromium(n)]) > 10
    assert collected(*marker) == [n for n in everything if not drives_chromium(n)]


def test_setup_runs_again_only_when_pyproject_changes(tmp_path):
    machine = Machine(tmp_path, uid=1000, apt=None)
    assert "install" not in machine.make("-n", "setup", "INSTALLER=pip").stdout
    os.utime(machine.venv / ".installed", (0, 0))  # older than pyproject.toml
    assert 'pip install --quiet --disable-pip-version-check -e ".[test]"' in \
        machine.make("-n", "setup", "INSTALLER=pip").stdout


def test_setup_uses_uv_when_it_is_there_and_pip_when_told(tmp_path):
    machine = Machine(tmp_path, uid=1000, apt=None, only_these_tools=True)  # no uv but the fake one
    os.utime(machine.venv / ".installed", (0, 0))
    fake_uv = _script(tmp_path / "shims" / "uv", "exit 0\n")
    with_uv = machine.make("-n", "setup")  # uv is on this machine's PATH
    assert f'"{fake_uv}" pip install --quiet --python {machine.venv}/bin/python -e ".[test]"' in with_uv.stdout
    assert "-m pip install" not in with_uv.stdout
    forced = machine.make("-n", "setup", "INSTALLER=pip")
    assert "-m pip install" in forced.stdout and str(fake_uv) not in forced.stdout
    fake_uv.unlink()
    assert "-m pip install" in machine.make("-n", "setup").stdout  # no uv: pip
    missing = machine.make("-n", "setup", "INSTALLER=uv")
    assert missing.returncode != 0 and "INSTALLER=pip" in missing.stderr


def test_uv_makes_the_venv_from_the_same_python3(tmp_path):
    machine = Machine(tmp_path, uid=1000, apt=None)
    shutil.rmtree(machine.venv)  # no .venv yet
    _script(tmp_path / "shims" / "uv", "exit 0\n")
    steps = machine.make("-n", "setup").stdout.replace("\\\n", " ")
    assert re.search(r'uv" venv .*--python "\$\(python3 -c .import sys; print\(sys.executable\).\)"', steps)


def _commands(script: Path) -> list[str]:
    return [line.strip() for line in script.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.strip().startswith("#")]


def test_ci_runs_the_readmes_test_command_and_installs_nothing_itself():
    ci = REPO / ".ci" / "run"
    assert ci.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n")
    commands = _commands(ci)
    assert "set -euo pipefail" in commands
    assert commands[-1] == "make test"
    assert not re.search(r"\b(apt|apt-get|dpkg|pip|pip3|uv|chromium|install)\b", " ".join(commands), re.I)


def test_help_and_readme_name_the_test_commands():
    shown = subprocess.run([MAKE, "--no-print-directory", "help"], cwd=REPO, capture_output=True, text=True,
                           timeout=60).stdout
    for target in ("make lab", "make test ", "make test-fast"):
        assert target in shown
    assert "Chromium" in shown and "INSTALLER=pip" in shown
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make test-fast" in readme and "sudo apt-get install chromium" in readme
