"""The `.html` form of the guide's old cookbook paths, as real files.

mkdocs-redirects (configured in mkdocs.yml) writes the directory URL and the
`.md` form, but it only takes Markdown names, which become `name/index.html`.
A link to `…/01-chatgpt-vs-platform.html` needs a file of that very name, so
this writes one with the plugin's own writer, for each path in the contract.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs_redirects.plugin import write_html  # type: ignore[import-untyped]

from . import contract


def html_redirects() -> dict[str, str]:
    """Each old `.html` path, and the target as a URL relative to it."""
    redirects = {}
    for legacy in contract.LEGACY_PATHS:
        old = legacy.path + ".html"
        relative = posixpath.relpath(legacy.target or ".", posixpath.dirname(old) or ".")
        redirects[old] = "./" if relative == "." else relative.rstrip("/") + "/"
    return redirects


def write(site_dir: Path) -> None:
    for old, target in html_redirects().items():
        write_html(str(site_dir), old, target)
