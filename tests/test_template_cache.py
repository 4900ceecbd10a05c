"""Material's templates come from Jinja's bytecode cache (overrides/hooks/template_cache.py):
a build from the cache writes the same pages, and an edited template is compiled again."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.helpers import copy_project, replace_in_file, run_build

pytestmark = pytest.mark.slow

BLOCK = "{% block extrahead %}\n"
EDIT = '<meta name="edited-template" content="yes">\n'
PAGES = ("index.html", "404.html", "decide/index.html")
# Outside a git checkout a page's "Last update" is the build's time, to the second.
BUILD_TIME = re.compile(r' title="[^"]* UTC"')


def built(project: Path, site: Path) -> dict[str, str]:
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    return {page: BUILD_TIME.sub("", (site / page).read_text(encoding="utf-8")) for page in PAGES}


def compiled_templates(project: Path) -> dict[Path, int]:
    """Each compiled template in the cache, with when it was written."""
    return {path: path.stat().st_mtime_ns for path in (project / ".cache").rglob("*.cache")}


def test_a_cached_build_writes_the_same_pages_and_an_edit_is_compiled_again(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project")
    first = built(project, tmp_path / "first")
    compiled = compiled_templates(project)
    assert compiled, "the first build left no compiled template in .cache/templates/"

    assert built(project, tmp_path / "second") == first
    assert compiled_templates(project) == compiled, "the second build compiled templates again"

    replace_in_file(project / "overrides" / "main.html", BLOCK, BLOCK + EDIT)
    edited = built(project, tmp_path / "third")
    assert all(EDIT.strip() in html for html in edited.values())
