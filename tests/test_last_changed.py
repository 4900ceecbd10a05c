"""Every page says when it last changed: its file's last commit, or the build date outside git."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.dates import format_date

from tests.support.helpers import DOCS, PROJECT_ROOT, BuiltSite, run_build

# Snippets appended to pages, not pages (see exclude_docs in mkdocs.yml).
NOT_PAGES = ("includes",)


def page_sources() -> list[Path]:
    return sorted(
        source
        for source in DOCS.rglob("*.md")
        if source.relative_to(DOCS).parts[0] not in NOT_PAGES
    )


def url_path(source: Path) -> str:
    stem = source.relative_to(DOCS).with_suffix("").as_posix()
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def shown_date(site: BuiltSite, url_path: str) -> str:
    """The date under the page, checked to be introduced in words (not by an icon alone)."""
    history = site.soup(url_path).select_one(".md-source-file")
    assert history is not None, f"{url_path or 'home'} does not show when it last changed"
    shown = history.select_one(".git-revision-date-localized-plugin")
    assert shown is not None
    assert " ".join(history.get_text().split()) == f"Last update: {shown.get_text(strip=True)}"
    return shown.get_text(strip=True)


def last_commit_date(source: Path) -> date | None:
    """The date (UTC) of the last commit that changed `source`, as the plugin reads it."""
    result = subprocess.run(
        ["git", "log", "-1", "--follow", "--format=%at", "--", str(source)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    timestamp = result.stdout.strip()
    return datetime.fromtimestamp(int(timestamp), UTC).date() if timestamp else None


def utc_today() -> date:
    return datetime.now(UTC).date()


def in_words(day: date) -> str:
    return format_date(day, format="long", locale="en")


@pytest.mark.parametrize("source", page_sources(), ids=lambda source: source.name)
def test_page_shows_the_date_of_its_last_commit(site: BuiltSite, source: Path) -> None:
    # A file nobody has committed yet has no history: the build date stands in.
    expected = last_commit_date(source) or utc_today()
    assert shown_date(site, url_path(source)) == in_words(expected)


@pytest.mark.slow
def test_a_build_outside_a_git_checkout_shows_the_build_date(
    project_copy: Path, tmp_path: Path
) -> None:
    outside = subprocess.run(
        ["git", "rev-parse", "--git-dir"], cwd=project_copy, capture_output=True, check=False
    )
    assert outside.returncode != 0, "the copy must not be inside a git checkout"

    before = utc_today()
    result = run_build(project_copy, tmp_path / "site")
    build_days = {in_words(before), in_words(utc_today())}

    assert result.returncode == 0, result.stdout + result.stderr
    built = BuiltSite(root=tmp_path / "site", log=result.stderr)
    for source in page_sources():
        assert shown_date(built, url_path(source)) in build_days


def checkout_steps() -> list[tuple[str, dict[str, Any]]]:
    steps = []
    for workflow in sorted((PROJECT_ROOT / ".github" / "workflows").glob("*.yml")):
        jobs = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]
        steps += [
            (workflow.name, step)
            for job in jobs.values()
            for step in job.get("steps", [])
            if str(step.get("uses", "")).startswith("actions/checkout@")
        ]
    return steps


def test_workflows_check_out_the_whole_history() -> None:
    """A shallow clone gives every page the same date, and the plugin's warning fails --strict."""
    steps = checkout_steps()
    assert steps, "no workflow checks out the repository"
    shallow = [name for name, step in steps if (step.get("with") or {}).get("fetch-depth") != 0]
    assert shallow == []
