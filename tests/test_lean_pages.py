"""The page weight savings that the build makes, checked on the built site.

Code blocks carry no line anchors and no spans for tokens that Material leaves uncoloured
(macros/plain_code_tokens.py), yet stay highlighted; the site's stylesheets are published
without their comments (macros/compact_styles.py); no page asks for an icon file.
"""

from __future__ import annotations

import pytest
from helpers import DOCS, PROJECT_ROOT, BuiltSite, nav_urls
from mkdocs.config import load_config

from macros.compact_styles import without_comments

PLAIN_TOKEN_SPANS = "pre span.n, pre span.w, pre span.p, pre span.o"


@pytest.mark.parametrize("url_path", nav_urls())
def test_code_blocks_have_no_line_anchors_nor_spans_that_colour_nothing(
    site: BuiltSite, url_path: str
) -> None:
    article = site.article(url_path)
    assert article.select("pre a") == []
    assert article.select(PLAIN_TOKEN_SPANS) == []


def test_the_examples_are_still_highlighted(site: BuiltSite) -> None:
    article = site.article("first-calls/")
    for token in ("kn", "s2", "c1", "nv", "s1"):  # import, strings, comments, shell variables
        assert article.select(f"pre span.{token}"), f"no span.{token} in the examples"


def test_the_published_stylesheets_are_the_sources_without_comments(site: BuiltSite) -> None:
    config = load_config(str(PROJECT_ROOT / "mkdocs.yml"))
    assert config.extra_css
    for stylesheet in config.extra_css:
        published = site.path(str(stylesheet)).read_text(encoding="utf-8")
        source = (DOCS / str(stylesheet)).read_text(encoding="utf-8")
        assert "/*" not in published
        assert published == without_comments(source)
        assert len(published) < len(source)


@pytest.mark.parametrize("url_path", [*nav_urls(), "404.html"])
def test_no_page_asks_for_an_icon_file(site: BuiltSite, url_path: str) -> None:
    icons = site.soup(url_path).select("link[rel~=icon]")
    assert [str(icon["href"]).split(",")[0] for icon in icons] == ["data:image/svg+xml"]
