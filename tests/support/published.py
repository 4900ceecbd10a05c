"""The pages of the built site, as the browser tests name and visit them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from tests.support.helpers import DOCS

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# A URL no page has: the server answers it with the site's 404 page.
MISSING_PAGE = "no-such-page/"
# The palette follows the system at first: Chromium's emulated colour scheme → Material's scheme.
SCHEMES = {"light": "default", "dark": "slate"}
# The site's own stylesheets and scripts, as written under docs/.
OWN_ASSETS = sorted(
    path.relative_to(DOCS).as_posix()
    for path in (DOCS / "assets").rglob("*")
    if path.suffix in {".css", ".js"}
)


def minified(asset: str) -> str:
    """Where the minify plugin publishes `asset`: `x.css` as `x.min.css`."""
    stem, _, suffix = asset.rpartition(".")
    return f"{stem}.min.{suffix}"


def page_id(url_path: str) -> str:
    """A short name for a page in test ids and file names: `home`, `decide`."""
    return url_path.strip("/") or "home"


def sitemap_pages(site_root: Path) -> tuple[str, list[str]]:
    """The published address of the home page and every page's URL path, from the built sitemap."""
    root = ET.parse(site_root / "sitemap.xml").getroot()
    locations = [loc.text or "" for loc in root.iterfind("sm:url/sm:loc", SITEMAP_NS)]
    home = min(locations, key=len)
    return home, [location.removeprefix(home) for location in locations]
