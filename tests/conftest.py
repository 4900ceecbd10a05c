"""Fixtures: the site is built once per test session into a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.chromium import chromium_path, chromium_version
from tests.support.helpers import (
    PROJECT_ROOT,
    BuiltSite,
    Server,
    copy_project,
    mkdocs_serve,
    run_build,
)


def pytest_report_header() -> str:
    """The browser the browser tests drive: results depend on its version."""
    path = chromium_path()
    return f"chromium: {chromium_version(path) if path else 'not installed'}"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    site_dir = tmp_path_factory.mktemp("site")
    result = run_build(PROJECT_ROOT, site_dir)
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{log}"
    return BuiltSite(root=site_dir, log=log)


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A fresh, buildable copy of the project for a test to modify."""
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def served_copy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Server]]:
    """A copy of the project under `mkdocs serve`, one for the session: the tests that
    break a file of it mend it before they end."""
    project = copy_project(tmp_path_factory.mktemp("served") / "project")
    with mkdocs_serve(project) as server:
        yield project, server
