"""Copies of the project to build side by side: as it is, and with its macros pre-rendered.

The copy without the macros plugin must publish the same pages, so each page's Markdown is
captured once, right after mkdocs-macros rendered it (a last-priority `on_page_markdown`
hook in a throw-away build), and written into the copy under the page's own front matter.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.support.helpers import copy_project, mkdocs_env

CAPTURE_HOOK = '''\
"""Write each page's Markdown, as the macros left it, under BENCH_RENDERED_DOCS."""

import os
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(-100)
def on_page_markdown(markdown, page, **kwargs):
    target = Path(os.environ["BENCH_RENDERED_DOCS"]) / page.file.src_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
    return markdown
'''
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
# The `- macros:` item of `plugins:` and its indented options.
MACROS_PLUGIN = re.compile(
    r"^(?P<indent> *)- macros:\n(?:(?P=indent) {2,}.*\n|\s*\n)*", re.MULTILINE
)


def project_copy(destination: Path) -> Path:
    """A copy committed to a git repository of its own, so git-based plugins (last-update
    dates, the macros' git variables) do the same work as in the project's repository."""
    copy = copy_project(destination)
    git(copy, "init", "--quiet")
    commit_all(copy, "copy")
    return copy


def git(repository: Path, *arguments: str) -> None:
    identity = ["-c", "user.name=bench", "-c", "user.email=bench@localhost"]
    subprocess.run(["git", *identity, *arguments], cwd=repository, check=True, capture_output=True)


def commit_all(repository: Path, message: str) -> None:
    git(repository, "add", "--all")
    git(repository, "commit", "--quiet", "-m", message)


def without_macros(destination: Path, scratch: Path) -> Path:
    """A copy whose pages are the macros' output and whose config has no macros plugin."""
    rendered = render_pages(scratch)
    copy = project_copy(destination)
    for page in rendered.rglob("*.md"):
        target = copy / "docs" / page.relative_to(rendered)
        front_matter = FRONT_MATTER.match(target.read_text(encoding="utf-8"))
        header = front_matter.group(0) + "\n" if front_matter else ""
        target.write_text(header + page.read_text(encoding="utf-8"), encoding="utf-8")
    config = copy / "mkdocs.yml"
    text, removed = MACROS_PLUGIN.subn("", config.read_text(encoding="utf-8"))
    if removed != 1:
        raise RuntimeError("could not find the macros plugin in mkdocs.yml")
    config.write_text(text, encoding="utf-8")
    commit_all(copy, "pages pre-rendered, macros plugin removed")
    return copy


def render_pages(scratch: Path) -> Path:
    """Build a copy once with the capture hook; returns the folder of rendered Markdown."""
    copy = copy_project(scratch / "capture")
    (copy / "capture_hook.py").write_text(CAPTURE_HOOK, encoding="utf-8")
    config = copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if re.search(r"^hooks:\n", text, re.MULTILINE):
        text = re.sub(r"^hooks:\n", "hooks:\n  - capture_hook.py\n", text, flags=re.MULTILINE)
    else:
        text += "\nhooks:\n  - capture_hook.py\n"
    config.write_text(text, encoding="utf-8")
    rendered = scratch / "rendered"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(scratch / "site")],
        cwd=copy,
        env={**mkdocs_env(), "BENCH_RENDERED_DOCS": str(rendered)},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the capture build failed:\n{result.stdout}{result.stderr}")
    return rendered
