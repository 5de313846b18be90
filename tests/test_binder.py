"""Binder for self-learners (issue 17): the link is made from the repository's own address, never a placeholder."""

import re
import subprocess
import sys

import pytest

from .conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))
import binder_link  # noqa: E402

FIRST = "?urlpath=lab/tree/notebooks/00-start.ipynb"


@pytest.mark.parametrize("remote, spec", [
    ("https://github.com/school/reading-conflict-reporting", "gh/school/reading-conflict-reporting"),
    ("https://github.com/school/reading-conflict-reporting.git", "gh/school/reading-conflict-reporting"),
    ("git@github.com:school/reading-conflict-reporting.git", "gh/school/reading-conflict-reporting"),
    ("ssh://git@github.com/school/reading-conflict-reporting.git", "gh/school/reading-conflict-reporting"),
    ("https://gitlab.com/school/media/kit.git", "gl/school%2Fmedia%2Fkit"),
    ("https://codeberg.org/school/kit.git", "git/https%3A%2F%2Fcodeberg.org%2Fschool%2Fkit.git"),
])
def test_the_link_is_built_from_the_remote(remote, spec):
    assert binder_link.binder_url(remote) == f"https://mybinder.org/v2/{spec}/HEAD{FIRST}"


@pytest.mark.parametrize("remote", ["", "/srv/git/kit.git", "file:///srv/git/kit.git", "./kit"])
def test_a_local_copy_has_no_binder_link_and_says_why(remote):
    with pytest.raises(ValueError, match="public"):
        binder_link.binder_url(remote)


def test_the_readme_has_no_placeholder_link_and_its_badge_can_be_written():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert not re.search(r"mybinder\.org/v2/gh/OWNER", readme), "a badge a newcomer clicks must not be a placeholder"
    written = binder_link.with_badge(readme, binder_link.binder_url("https://github.com/school/kit"))
    assert "](https://mybinder.org/v2/gh/school/kit/HEAD" + FIRST + ")" in written
    assert written.replace(written[written.index("<!-- binder -->"):written.index("<!-- /binder -->")], "") == \
        readme.replace(readme[readme.index("<!-- binder -->"):readme.index("<!-- /binder -->")], "")


def test_the_script_reads_the_git_remote_and_fails_in_one_line_without_one(tmp_path):
    repo = tmp_path / "kit"
    (repo / "scripts").mkdir(parents=True)
    (repo / "scripts" / "binder_link.py").write_text((REPO / "scripts" / "binder_link.py").read_text(encoding="utf-8"))
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    script = [sys.executable, str(repo / "scripts" / "binder_link.py")]
    missing = subprocess.run(script, capture_output=True, text=True)
    assert missing.returncode == 1 and missing.stdout == "" and len(missing.stderr.strip().splitlines()) == 1
    subprocess.run(["git", "-C", str(repo), "remote", "add", "origin", "git@github.com:school/kit.git"], check=True)
    found = subprocess.run(script, capture_output=True, text=True)
    assert found.returncode == 0 and found.stdout.strip() == "https://mybinder.org/v2/gh/school/kit/HEAD" + FIRST
