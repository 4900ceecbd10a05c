"""The guide's old cookbook paths as the files a link to them may ask for.

mkdocs-redirects (its `redirect_maps` in mkdocs.yml) writes the directory URL of each
old path, `X.md` → `X/`. A link may also name the file itself, `X.md`, or its
GitHub-style rendering, `X.html`; this writes both with the plugin's own writer:
`X.md/index.html`, which GitHub Pages serves for `X.md`, and `X.html`.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs_redirects.plugin import write_html

from .contract import Contract


def file_redirects(contract: Contract) -> dict[str, str]:
    """Each file to write for an old path, and its target as a URL relative to it."""
    redirects = {}
    for legacy in contract.legacy_paths:
        for old in (f"{legacy.path}.md/index.html", f"{legacy.path}.html"):
            relative = posixpath.relpath(legacy.target or ".", posixpath.dirname(old) or ".")
            redirects[old] = "./" if relative == "." else relative.rstrip("/") + "/"
    return redirects


def write(site_dir: Path, contract: Contract) -> None:
    for old, target in file_redirects(contract).items():
        write_html(str(site_dir), old, target)
