"""MkDocs hook (`hooks:` in mkdocs.yml): the site's own stylesheets are published without comments.

The comments in docs/assets/stylesheets/ say why each rule is there, for whoever edits them;
readers' browsers do not need them, and they were half of those files' compressed bytes,
loaded with every first view. Only the files of `extra_css` are rewritten, in the built site.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
BLANK_LINES = re.compile(r"\n\s*\n+")


def without_comments(css: str) -> str:
    """`css` without its comments and the blank lines they leave (no string here holds `/*`)."""
    return BLANK_LINES.sub("\n", COMMENT.sub("", css)).strip() + "\n"


def on_post_build(config: MkDocsConfig) -> None:
    for stylesheet in config.extra_css:
        path = Path(config.site_dir) / str(stylesheet)
        if path.suffix == ".css" and path.is_file():
            path.write_text(without_comments(path.read_text(encoding="utf-8")), encoding="utf-8")
