"""`make cookbook-check COOKBOOK=…` against git checkouts of the cookbook that the tests make."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import pytest

from macros.data import COMPARISON
from tests.support.helpers import GUIDE, PROJECT_ROOT, site_contract
from tools.cookbook import export_path
from tools.cookbook_cli import export, relative_links

EXPORT_PATH = export_path(site_contract())

MakeCheckout = Callable[..., Path]


def run_check(checkout: Path | str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "cookbook-check", f"COOKBOOK={checkout}"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def git(folder: Path, *arguments: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *arguments],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def make_checkout(tmp_path: Path) -> MakeCheckout:
    """A git checkout of a cookbook holding `page` as the guide and every page the data names,
    except that `renamed` maps a page's name to the one the checkout gives it (empty: none)."""

    def make(page: str, renamed: Mapping[str, str] = MappingProxyType({})) -> Path:
        checkout = tmp_path / "LLM-Cookbook"
        for cookbook_page in COMPARISON.cookbook_pages:
            name = renamed.get(cookbook_page.name, cookbook_page.name)
            if name:
                path = checkout / replace(cookbook_page, name=name).path
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(f"# {cookbook_page.title}\n", encoding="utf-8")
        (checkout / EXPORT_PATH).parent.mkdir(parents=True, exist_ok=True)
        (checkout / EXPORT_PATH).write_text(page, encoding="utf-8")
        git(checkout, "init", "--quiet")
        git(checkout, "add", ".")
        git(checkout, "commit", "--quiet", "--message", "The cookbook")
        return checkout

    return make


def test_a_checkout_holding_the_export_matches(make_checkout: MakeCheckout) -> None:
    result = run_check(make_checkout(export()[0]))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "matches" in result.stdout


def test_the_old_hand_written_page_is_drift_shown_as_a_unified_diff(
    make_checkout: MakeCheckout,
) -> None:
    old = GUIDE.read_text(encoding="utf-8")
    result = run_check(make_checkout(old))
    assert result.returncode != 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("--- ")
    assert lines[0].endswith(str(EXPORT_PATH))
    assert lines[1].startswith("+++ ")
    assert "-" + old.splitlines()[0] in lines
    assert "+" + export()[0].splitlines()[0] in lines
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("mistake", ["missing", "misnamed"])
def test_a_link_to_a_file_the_checkout_lacks_is_named(
    make_checkout: MakeCheckout, mistake: str
) -> None:
    page = export()[0]
    linked = [
        p
        for p in COMPARISON.cookbook_pages
        if any(link.endswith(p.path) for link in relative_links(page))
    ]
    assert linked, "the export links to no cookbook page"
    missing = linked[-1]
    # The kind of slip the cookbook once made: `02_basic-system-prompt.md`, with an underscore.
    misnamed = missing.name.replace("-", "_", 1)
    result = run_check(
        make_checkout(page, {missing.name: "" if mistake == "missing" else misnamed})
    )
    assert result.returncode != 0
    broken = [line for line in result.stdout.splitlines() if line.startswith("Broken link")]
    assert len(broken) == 1, result.stdout
    assert missing.path in broken[0]
    assert "+++ " not in result.stdout  # the page itself matches


@pytest.mark.parametrize("kind", ["missing folder", "not a cookbook", "no path"])
def test_a_bad_path_is_a_one_line_error(tmp_path: Path, kind: str) -> None:
    paths: dict[str, Path | str] = {
        "missing folder": tmp_path / "nowhere",
        "not a cookbook": PROJECT_ROOT,
        "no path": "",
    }
    result = run_check(paths[kind])
    assert result.returncode != 0
    ours = [line for line in result.stderr.splitlines() if not line.startswith("make")]
    assert len(ours) == 1, result.stderr
    assert ours[0].startswith("cookbook-check: ")
    assert result.stdout == ""
