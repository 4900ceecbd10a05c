"""Cold builds side by side: the project, a copy without the macros plugin, and Zensical;
and a copy whose templates stay compiled from one build to the next, as a writer's do.

Runs are interleaved (one of each, then again) so that the load of a shared machine falls
on every variant alike; each run is a fresh process writing into an emptied site folder.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path

from tests.support.helpers import BuiltSite, mkdocs_env
from tools.bench import PROJECT_ROOT
from tools.bench.copies import project_copy, without_macros
from tools.bench.timing import Run, run_timed


@dataclass
class Variant:
    name: str
    project: Path
    command: list[str]
    site: Path
    env: dict[str, str] = field(default_factory=mkdocs_env)
    runs: list[Run] = field(default_factory=list)
    compared_only: bool = False
    """Another tool, timed beside ours: when it fails, the table says so and goes on."""
    keeps_cache: bool = False
    """Builds on the compiled templates the last build left (overrides/hooks/template_cache.py)."""
    failure: Run | None = None

    def run(self) -> Run:
        shutil.rmtree(self.site, ignore_errors=True)
        if not self.keeps_cache:
            shutil.rmtree(self.project / ".cache", ignore_errors=True)
        run = run_timed(self.command, self.project, self.env)
        if run.returncode != 0:
            if not self.compared_only:
                raise RuntimeError(f"{self.name} failed:\n{run.output}")
            self.failure = run
            return run
        self.runs.append(run)
        return run


def mkdocs_build(name: str, project: Path, site: Path, keeps_cache: bool = False) -> Variant:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    return Variant(name, project, command, site, keeps_cache=keeps_cache)


def zensical_build(project: Path) -> Variant:
    """Zensical reads mkdocs.yml and writes the `site` folder of the project it builds."""
    zensical = str(Path(sys.executable).with_name("zensical"))
    # Zensical's own mkdocs-macros loads macros/__init__.py as a lone file, not as the
    # package `macros`, so the package's submodules import only with the project on the path.
    env = {**mkdocs_env(), "PYTHONPATH": str(project)}
    return Variant(
        "zensical build --strict",
        project,
        [zensical, "build", "--clean", "--strict"],
        project / "site",
        env,
        compared_only=True,
    )


def zensical_without_path(workdir: Path) -> Run:
    """Zensical as a user would first run it, in a copy of its own: what of ours fails there."""
    project = project_copy(workdir / "zensical-alone")
    return run_timed(zensical_build(project).command, project, mkdocs_env())


@dataclass(frozen=True)
class Variants:
    repository: Variant
    with_macros: Variant
    without_macros: Variant
    templates_cached: Variant
    zensical: Variant

    def all(self) -> list[Variant]:
        """Every variant, in the order the fields are declared (and the table's rows go)."""
        return [getattr(self, variant.name) for variant in fields(self)]


def prepare(workdir: Path) -> Variants:
    with_copy = project_copy(workdir / "with-macros")
    plain_copy = without_macros(workdir / "without-macros", workdir / "scratch")
    cached_copy = project_copy(workdir / "templates-cached")
    zensical_copy = project_copy(workdir / "zensical")
    return Variants(
        repository=mkdocs_build(
            "mkdocs build --strict (repository)", PROJECT_ROOT, workdir / "site-repository"
        ),
        with_macros=mkdocs_build("mkdocs build --strict (copy)", with_copy, workdir / "site-with"),
        without_macros=mkdocs_build(
            "same pages, no macros plugin (copy)", plain_copy, workdir / "site-without"
        ),
        templates_cached=mkdocs_build(
            "mkdocs build --strict, templates compiled before (copy)",
            cached_copy,
            workdir / "site-cached",
            keeps_cache=True,
        ),
        zensical=zensical_build(zensical_copy),
    )


def interleave(variants: list[Variant], runs: int) -> None:
    for variant in variants:  # one warm-up each: imports compiled, files in the page cache
        variant.run()
        variant.runs.clear()
    for _ in range(runs):
        for variant in variants:
            if variant.failure is None:
                variant.run()


@dataclass(frozen=True)
class PageComparison:
    same: list[str]
    different: list[str]
    only_first: list[str]


def compare_pages(first: Path, second: Path) -> PageComparison:
    """Pages (HTML files with an article) of two builds, compared by their article's HTML."""
    first_site, second_site = BuiltSite(first, ""), BuiltSite(second, "")
    same, different, only_first = [], [], []
    for page in first_site.html_pages():
        relative = page.relative_to(first).as_posix()
        if not page.is_file() or first_site.soup(relative).select_one("article") is None:
            continue
        if not (second / relative).is_file():
            only_first.append(relative)
        elif article_html(first_site, relative) == article_html(second_site, relative):
            same.append(relative)
        else:
            different.append(relative)
    return PageComparison(same, different, only_first)


def article_html(site: BuiltSite, page: str) -> str:
    """The article's HTML without what the theme adds around the content: the "last update"
    note (timed to the second, and not written by Zensical) and Zensical's skip-link target;
    runs of white space count as one space."""
    article = site.article(page)
    for added in article.select("aside.md-source-file, a#__skip"):
        added.decompose()
    return " ".join(str(article).split())


def other_files(first: Path, second: Path) -> list[str]:
    """Files that the first build writes and the second does not (theme assets aside)."""
    return sorted(
        path.relative_to(first).as_posix()
        for path in first.rglob("*")
        if path.is_file()
        and "assets" not in path.relative_to(first).parts
        and not (second / path.relative_to(first)).exists()
    )
