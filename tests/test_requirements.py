"""Dependencies: exact pins, and installed versions at or above the known-safe floors.

pip-audit cannot reach advisory data from this network (it reports "no known vulnerabilities"
without having checked), so the floors below are kept by hand: raise them when an advisory
names a newer fixed release.
"""

import re
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

BASE_DIR = Path(__file__).resolve().parent.parent
SECURITY_FLOORS = {"Django": "5.2.19", "wagtail": "8.0.1", "pillow": "13.0.0"}
PINNED = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9_,-]+\])?==[0-9][A-Za-z0-9.+!-]*$")


def requirement_lines(name: str) -> list[str]:
    lines = []
    for raw in (BASE_DIR / name).read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def runtime_requirements() -> list[Requirement]:
    return [Requirement(line) for line in requirement_lines("requirements.txt")]


def test_every_runtime_requirement_is_pinned_exactly():
    """Each line of requirements.txt names one package with an exact == version."""
    lines = requirement_lines("requirements.txt")
    assert lines
    unpinned = [line for line in lines if not PINNED.match(line)]
    assert not unpinned, f"not pinned with ==: {unpinned}"


def test_every_dev_requirement_is_pinned_exactly():
    """requirements-dev.txt includes requirements.txt and pins everything else with ==."""
    lines = requirement_lines("requirements-dev.txt")
    assert "-r requirements.txt" in lines
    unpinned = [line for line in lines if line != "-r requirements.txt" and not PINNED.match(line)]
    assert not unpinned, f"not pinned with ==: {unpinned}"


def test_the_pin_check_rejects_loose_versions():
    """The pin pattern refuses >=, ~=, wildcards and bare names."""
    for loose in ("Django>=5.2", "wagtail~=8.0", "pillow==13.*", "segno", "PyYAML == 6.0.4"):
        assert not PINNED.match(loose), loose
    assert PINNED.match("psycopg[binary]==3.3.9")


@pytest.mark.parametrize(("package", "floor"), list(SECURITY_FLOORS.items()))
def test_installed_version_is_at_least_the_security_floor(package, floor):
    """Django, Wagtail and Pillow are installed at or above the versions with the known fixes."""
    assert Version(metadata.version(package)) >= Version(floor)


@pytest.mark.parametrize(("package", "floor"), list(SECURITY_FLOORS.items()))
def test_pinned_version_is_at_least_the_security_floor(package, floor):
    """requirements.txt never pins Django, Wagtail or Pillow below the floor (a fresh install stays safe)."""
    pins = {req.name.lower(): req for req in runtime_requirements()}
    pinned = next(iter(pins[package.lower()].specifier)).version
    assert Version(pinned) >= Version(floor)


def test_installed_versions_match_the_pins():
    """The environment runs exactly the versions requirements.txt pins."""
    mismatched = []
    for requirement in runtime_requirements():
        pinned = next(iter(requirement.specifier)).version
        try:
            installed = metadata.version(requirement.name)
        except metadata.PackageNotFoundError:
            mismatched.append(f"{requirement.name}: not installed (pinned {pinned})")
            continue
        if Version(installed) != Version(pinned):
            mismatched.append(f"{requirement.name}: installed {installed}, pinned {pinned}")
    assert not mismatched, "\n".join(mismatched)
