"""The benchmark's copy without the macros plugin publishes the same pages as the project.

`make bench` reports the macros' share of the build time from these two copies; that share
means something only if both builds write the same articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from tests.support.helpers import PROJECT_ROOT, run_build
from tools.bench.builds import compare_pages
from tools.bench.copies import MACROS_PLUGIN, project_copy, without_macros

pytestmark = pytest.mark.slow


def plugin_names(config_file: Path) -> list[str]:
    with config_file.open(encoding="utf-8") as file:
        plugins = yaml_load(file)["plugins"]
    return [next(iter(entry)) if isinstance(entry, dict) else entry for entry in plugins]


def test_the_pattern_removes_the_macros_plugin_and_only_it() -> None:
    config = (PROJECT_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    without, removed = MACROS_PLUGIN.subn("", config)
    assert removed == 1
    assert "module_name: macros" not in without
    assert len(without.splitlines()) >= len(config.splitlines()) - 6


def test_the_copy_without_macros_writes_the_same_articles(tmp_path: Path) -> None:
    plain = without_macros(tmp_path / "plain", tmp_path / "scratch")
    with_macros = project_copy(tmp_path / "with")
    assert "macros" in plugin_names(with_macros / "mkdocs.yml")
    assert "macros" not in plugin_names(plain / "mkdocs.yml")
    for copy in (plain, with_macros):
        result = run_build(copy, tmp_path / f"site-{copy.name}")
        assert result.returncode == 0, result.stdout + result.stderr
    pages = compare_pages(tmp_path / "site-with", tmp_path / "site-plain")
    assert pages.different == []
    assert pages.only_first == []
    assert "index.html" in pages.same
