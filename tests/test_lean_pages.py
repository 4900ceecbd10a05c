"""The page weight savings that the build makes, checked on the built site.

The site's own stylesheets and scripts are published minified (mkdocs-minify-plugin), the
search index without code blocks (`data-search-exclude` on their fences, read by Material's
search plugin); no page asks for an icon file. Code blocks, published without an element
per token, have their own tests (test_code_colours.py).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from mkdocs.utils.yaml import yaml_load

from macros import decision
from tests.support.helpers import PROJECT_ROOT, BuiltSite, nav_urls
from tests.support.published import OWN_ASSETS, minified

SEARCH_INDEX = "search/search_index.json"


def minify_settings() -> dict[str, Any]:
    with (PROJECT_ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        plugins = yaml_load(file)["plugins"]
    return next(plugin["minify"] for plugin in plugins if "minify" in plugin)


def test_the_site_has_its_own_stylesheets_and_scripts() -> None:
    assert {Path(asset).suffix for asset in OWN_ASSETS} == {".css", ".js"}


@pytest.mark.parametrize("asset", OWN_ASSETS)
def test_every_asset_of_the_site_is_named_for_the_minify_plugin(asset: str) -> None:
    kind = "css_files" if asset.endswith(".css") else "js_files"
    assert asset in minify_settings()[kind], (
        f"docs/{asset} is published as it is written: add the line `- {asset}` to the minify"
        f" plugin's `{kind}` in mkdocs.yml, and link it as {minified(asset)}"
    )


@pytest.mark.parametrize("asset", OWN_ASSETS)
def test_an_asset_is_published_minified_without_its_comments(site: BuiltSite, asset: str) -> None:
    assert not site.path(asset).exists(), f"{asset} published as written"
    published = site.path(minified(asset)).read_text(encoding="utf-8")
    assert "/*" not in published
    assert "\n  " not in published  # nor its indentation
    if asset.endswith(".js"):
        assert "\n//" not in published


@pytest.mark.parametrize("script", [asset for asset in OWN_ASSETS if asset.endswith(".js")])
def test_a_published_script_still_parses(site: BuiltSite, script: str) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is missing (make test needs it for the workflow checks)")
    checked = subprocess.run(
        [node, "--check", str(site.path(minified(script)))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr


def test_search_finds_each_section_by_its_prose_not_its_code(site: BuiltSite) -> None:
    index = json.loads(site.path(SEARCH_INDEX).read_text(encoding="utf-8"))
    texts = {section["location"]: section["text"] for section in index["docs"]}
    with_code = [location for location, text in texts.items() if "<pre" in text]
    assert not with_code, (
        f"code in the search index at {with_code}: write its fence in the page as"
        ' ```{ .python data-search-exclude="" } (any language), as docs/first-calls.md does'
    )
    examples = [text for location, text in texts.items() if location.startswith("first-calls/#")]
    assert len(examples) > 3
    assert all(text.strip() for text in examples)


@pytest.mark.parametrize("url_path", [*nav_urls(), "404.html"])
def test_no_page_asks_for_an_icon_file(site: BuiltSite, url_path: str) -> None:
    icons = site.soup(url_path).select("link[rel~=icon]")
    assert [str(icon["href"]).split(",")[0] for icon in icons] == ["data:image/svg+xml"]


def test_search_finds_no_buttons_of_the_decision_helper(site: BuiltSite) -> None:
    """The helper's result box is controls and verdict templates, not a section to find; its
    element must not be a <div>, whose first inner </div> ends Material's exclusion."""
    index = json.loads(site.path(SEARCH_INDEX).read_text(encoding="utf-8"))
    texts = " ".join(section["text"] for section in index["docs"])
    for label in (decision.CLEAR_LABEL, decision.SHARE_LABEL):
        assert label not in texts, f"the search index holds the button {label!r}"
