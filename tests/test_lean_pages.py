"""The page weight savings that the build makes, checked on the built site.

The site's stylesheets and scripts are published minified, the search index without code
blocks (macros/compact_assets.py); no page asks for an icon file. Code blocks,
published without an element per token, have their own tests (test_code_colours.py).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import DOCS, BuiltSite, nav_urls

from macros.compact_assets import (
    SEARCH_INDEX,
    minified_script,
    minified_stylesheet,
    own_assets,
)

OWN_ASSETS = own_assets(DOCS)


def test_the_site_has_its_own_stylesheets_and_scripts() -> None:
    assert {Path(asset).suffix for asset in OWN_ASSETS} == {".css", ".js"}


@pytest.mark.parametrize("asset", OWN_ASSETS)
def test_an_asset_is_published_minified(site: BuiltSite, asset: str) -> None:
    published = site.path(asset).read_text(encoding="utf-8")
    source = (DOCS / asset).read_text(encoding="utf-8")
    minify = minified_stylesheet if asset.endswith(".css") else minified_script
    assert published == minify(source)
    assert len(published) < len(source)
    assert "/*" not in published
    # Every line of a comment is gone, and the lines of code are joined.
    assert "\n//" not in published
    assert published.count("\n") < source.count("\n") / 4


@pytest.mark.parametrize("script", [asset for asset in OWN_ASSETS if asset.endswith(".js")])
def test_a_published_script_still_parses(site: BuiltSite, script: str) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is missing (make test needs it for the workflow checks)")
    checked = subprocess.run(
        [node, "--check", str(site.path(script))], capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, checked.stderr


def test_search_finds_each_section_by_its_prose_not_its_code(site: BuiltSite) -> None:
    index = json.loads(site.path(SEARCH_INDEX).read_text(encoding="utf-8"))
    texts = {section["location"]: section["text"] for section in index["docs"]}
    assert not [location for location, text in texts.items() if "<pre" in text]
    examples = [text for location, text in texts.items() if location.startswith("first-calls/#")]
    assert len(examples) > 3
    assert all(text.strip() for text in examples)


@pytest.mark.parametrize("url_path", [*nav_urls(), "404.html"])
def test_no_page_asks_for_an_icon_file(site: BuiltSite, url_path: str) -> None:
    icons = site.soup(url_path).select("link[rel~=icon]")
    assert [str(icon["href"]).split(",")[0] for icon in icons] == ["data:image/svg+xml"]
