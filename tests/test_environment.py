"""pyproject.toml (pip, make) and environment.yml (conda, Binder) install the same things."""

import re
import tomllib

import yaml

from .conftest import REPO


def _requirement(spec: str) -> tuple[str, str]:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*", spec)
    return match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")


def pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["test"]
    return dict(_requirement(s) for s in specs)


def environment_yml():
    return yaml.safe_load((REPO / "environment.yml").read_text(encoding="utf-8"))


def test_conda_packages_agree_with_pyproject():
    conda = dict(
        _requirement(d)
        for d in environment_yml()["dependencies"]
        if isinstance(d, str) and not d.startswith(("python", "pip"))
    )
    assert conda == pyproject_requirements()


def test_every_dependency_is_bounded():
    for name, spec in pyproject_requirements().items():
        assert ">=" in spec and "<" in spec.replace("<=", ""), f"{name} is not bounded: {spec!r}"


def test_environment_installs_the_kit_itself():
    pip_section = next(d["pip"] for d in environment_yml()["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section


def test_conda_forge_and_a_pinned_python():
    env = environment_yml()
    assert env["channels"] == ["conda-forge"]
    assert any(d.startswith("python=3.") for d in env["dependencies"] if isinstance(d, str))
