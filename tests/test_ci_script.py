"""`.ci/run`, run with stand-ins for apt-get and make: what it installs on which system."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.support.helpers import PROJECT_ROOT

LOGGED = '#!/bin/sh\necho "$(basename "$0") $*" >> "$CALLS"\n'


def run_ci(tmp_path: Path, os_id: str, installed: tuple[str, ...]) -> list[str]:
    """Run a copy of `.ci/run` on a pretend system; returns the commands it ran, in order."""
    clone = tmp_path / "clone"
    (clone / ".ci").mkdir(parents=True)
    shutil.copy2(PROJECT_ROOT / ".ci" / "run", clone / ".ci" / "run")
    stubs = tmp_path / "bin"
    stubs.mkdir()
    for command in ("apt-get", "make", "sudo", *installed):
        (stubs / command).write_text(LOGGED, encoding="utf-8")
        (stubs / command).chmod(0o755)
    os_release = tmp_path / "os-release"
    os_release.write_text(f"ID={os_id}\n", encoding="utf-8")
    calls = tmp_path / "calls"
    calls.touch()
    # The script's own tools, and nothing else of the machine's.
    for tool in ("bash", "dirname", "grep", "id", "basename"):
        found = shutil.which(tool)
        assert found is not None, tool
        (stubs / tool).symlink_to(found)
    environment = {
        "PATH": str(stubs),
        "CALLS": str(calls),
        "OS_RELEASE": str(os_release),
        "HOME": os.environ.get("HOME", str(tmp_path)),
    }
    subprocess.run(
        [str(stubs / "bash"), str(clone / ".ci" / "run")],
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    )
    return calls.read_text(encoding="utf-8").splitlines()


EVERYTHING = ("chromium", "java", "jq", "curl")


def installs(calls: list[str]) -> list[str]:
    """The packages of the one `apt-get install` among the calls."""
    (install,) = [call for call in calls if call.startswith("apt-get install ")]
    return [word for word in install.split()[2:] if not word.startswith("-")]


def test_on_debian_chromium_is_brought_to_the_newest_package_even_when_installed(
    tmp_path: Path,
) -> None:
    calls = run_ci(tmp_path, "debian", installed=EVERYTHING)
    apt = [call for call in calls if call.startswith("apt-get")]
    assert apt[0].startswith("apt-get update"), calls
    assert "chromium" in installs(calls), calls
    assert calls[-1] == "make test", calls


def test_elsewhere_an_installed_chromium_is_kept_and_nothing_is_installed(tmp_path: Path) -> None:
    calls = run_ci(tmp_path, "ubuntu", installed=EVERYTHING)
    assert not any(call.startswith("apt-get") for call in calls), calls
    assert calls[-1] == "make test", calls


def test_missing_tools_are_installed_before_the_tests(tmp_path: Path) -> None:
    calls = run_ci(tmp_path, "ubuntu", installed=())
    assert sorted(installs(calls)) == ["chromium", "curl", "default-jre-headless", "jq"], calls
    assert calls[-1] == "make test", calls
