"""MkDocs hook (`hooks:` in mkdocs.yml): the site's own assets, published lean.

- Stylesheets and scripts are published minified (rcssmin, rjsmin): no comments, no
  indentation, no spaces the languages do not need. The comments in docs/assets/ say why
  each rule or line is there, for whoever edits them; readers' browsers do not need them,
  and they were half of those files' compressed bytes, loaded with every first view.
- The search index leaves out code blocks. Material's search loads the whole index with
  every first view, and the examples' code was half of it; each example is still found
  by its section's title and the prose that explains it, and shown on its page.

Only the site's own files under docs/assets/ (not the theme's, already minified) and the
index are rewritten, in the built site.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

# Neither minifier ships type information.
import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]
from mkdocs.config.defaults import MkDocsConfig

CODE_BLOCK = re.compile(r"<pre>.*?</pre>", re.DOTALL)
SEARCH_INDEX = "search/search_index.json"


def minified_stylesheet(css: str) -> str:
    return str(rcssmin.cssmin(css)) + "\n"


def minified_script(script: str) -> str:
    return str(rjsmin.jsmin(script)) + "\n"


def without_code_blocks(search_index: str) -> str:
    """Material's search index with no `<pre>` block in any section's text."""
    index = json.loads(search_index)
    for section in index["docs"]:
        section["text"] = CODE_BLOCK.sub("", section["text"])
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


ASSETS = "assets"
COMPACTED: dict[str, Callable[[str], str]] = {
    ".css": minified_stylesheet,
    ".js": minified_script,
}


def _rewrite(path: Path, transform: Callable[[str], str]) -> None:
    if path.is_file():
        path.write_text(transform(path.read_text(encoding="utf-8")), encoding="utf-8")


def own_assets(docs_dir: Path) -> list[str]:
    """The site's own stylesheets and scripts, as paths of the site (`assets/…/x.css`)."""
    return sorted(
        path.relative_to(docs_dir).as_posix()
        for path in (docs_dir / ASSETS).rglob("*")
        if path.suffix in COMPACTED
    )


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    for asset in own_assets(Path(config.docs_dir)):
        _rewrite(site / asset, COMPACTED[Path(asset).suffix])
    _rewrite(site / SEARCH_INDEX, without_code_blocks)
