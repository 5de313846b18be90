#!/usr/bin/env python3
"""The kit's Binder link, made from the repository's own address (``git remote get-url origin``).

    .venv/bin/python scripts/binder_link.py            # print the link (make binder-link)
    .venv/bin/python scripts/binder_link.py --readme   # write it into README.md's badge (make binder-readme)
    .venv/bin/python scripts/binder_link.py --remote https://gitlab.com/school/kit.git

mybinder.org builds a public repository from its address: ``/v2/gh/OWNER/REPO/REF`` for GitHub,
``/v2/gl/GROUP%2FREPO/REF`` for GitLab, ``/v2/git/<url-encoded address>/REF`` for any other public git
host; ``?urlpath=lab/tree/notebooks/00-start.ipynb`` opens JupyterLab on the first lesson.  With
``--readme`` only the text between the ``<!-- binder -->`` markers of README.md is replaced.

>>> binder_url("git@github.com:school/reading-conflict-reporting.git")
'https://mybinder.org/v2/gh/school/reading-conflict-reporting/HEAD?urlpath=lab/tree/notebooks/00-start.ipynb'
>>> binder_url("https://gitlab.com/school/media/kit")
'https://mybinder.org/v2/gl/school%2Fmedia%2Fkit/HEAD?urlpath=lab/tree/notebooks/00-start.ipynb'
>>> binder_url("https://git.example.edu/kit.git", ref="main")
'https://mybinder.org/v2/git/https%3A%2F%2Fgit.example.edu%2Fkit.git/main?urlpath=lab/tree/notebooks/00-start.ipynb'
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
FIRST_LESSON = "notebooks/00-start.ipynb"
START, END = "<!-- binder -->", "<!-- /binder -->"


def binder_url(remote: str, ref: str = "HEAD", path: str = FIRST_LESSON) -> str:
    """The mybinder.org address that builds ``remote`` at ``ref`` and opens ``path`` in JupyterLab."""
    remote = remote.strip()
    if not remote or remote.startswith(("/", "file:", ".")):
        raise ValueError(f"{remote or 'no address'!r} is not a public repository address: Binder needs one")
    ssh = re.fullmatch(r"(?:ssh://)?git@([^:/]+)[:/](.+?)(?:\.git)?/?", remote)
    host, name = (ssh.group(1), ssh.group(2)) if ssh else (None, None)
    web = re.fullmatch(r"https?://([^/]+)/(.+?)(?:\.git)?/?", remote)
    if web and not ssh:
        host, name = web.group(1), web.group(2)
    if host == "github.com" and name.count("/") == 1:
        spec = f"gh/{name}"
    elif host == "gitlab.com":
        spec = f"gl/{quote(name, safe='')}"
    elif web:
        spec = f"git/{quote(remote, safe='')}"
    else:
        raise ValueError(f"{remote!r}: not an https or ssh address Binder can build from")
    return f"https://mybinder.org/v2/{spec}/{ref}?urlpath=lab/tree/{path}"


def badge(url: str) -> str:
    return f"{START}\n[![Launch on Binder](https://mybinder.org/badge_logo.svg)]({url})\n{END}"


def with_badge(readme: str, url: str) -> str:
    """README.md's text with the part between the binder markers replaced by a badge to ``url``."""
    pattern = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(readme):
        raise ValueError(f"README.md has no {START} … {END} markers")
    return pattern.sub(lambda _: badge(url), readme, count=1)


def origin() -> str:
    found = subprocess.run(["git", "remote", "get-url", "origin"], cwd=ROOT, capture_output=True, text=True)
    if found.returncode:
        raise ValueError("this copy has no remote called origin: publish it first (git remote add origin <address>), "
                         "or give the address with --remote")
    return found.stdout.strip()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--remote", help="the repository's public address (default: git remote get-url origin)")
    parser.add_argument("--ref", default="HEAD", help="branch, tag or commit Binder builds (default: HEAD)")
    parser.add_argument("--readme", action="store_true", help="write the link into README.md's badge")
    args = parser.parse_args(argv)
    try:
        url = binder_url(args.remote or origin(), args.ref)
        if args.readme:
            readme = ROOT / "README.md"
            readme.write_text(with_badge(readme.read_text(encoding="utf-8"), url), encoding="utf-8")
    except (ValueError, OSError) as error:
        print(f"binder link: {error}", file=sys.stderr)
        return 1
    print(url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
