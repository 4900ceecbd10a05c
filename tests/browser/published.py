"""The pages of the built site, as the browser tests name and visit them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
# A URL no page has: the server answers it with the site's 404 page.
MISSING_PAGE = "no-such-page/"
# The palette follows the system at first: Chromium's emulated colour scheme → Material's scheme.
SCHEMES = {"light": "default", "dark": "slate"}


def page_id(url_path: str) -> str:
    """A short name for a page in test ids and file names: `home`, `decide`."""
    return url_path.strip("/") or "home"


def nav_pages(config_file: Path = PROJECT_ROOT / "mkdocs.yml") -> list[str]:
    """URL paths (`""`, `"decide/"`) of every page in the nav of mkdocs.yml, in nav order."""
    with config_file.open(encoding="utf-8") as file:
        nav = yaml_load(file)["nav"]
    return [url_path(source) for source in _nav_sources(nav)]


def _nav_sources(nav: object) -> Iterator[str]:
    if isinstance(nav, str):
        if nav.endswith(".md"):
            yield nav
    elif isinstance(nav, list):
        for entry in nav:
            yield from _nav_sources(entry)
    elif isinstance(nav, dict):
        for entry in nav.values():
            yield from _nav_sources(entry)


def url_path(source: str) -> str:
    """The directory URL MkDocs gives a Markdown file: `index.md` → `""`, `a/b.md` → `a/b/`."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def sitemap_pages(site_root: Path) -> tuple[str, list[str]]:
    """The published address of the home page and every page's URL path, from the built sitemap."""
    root = ET.parse(site_root / "sitemap.xml").getroot()
    locations = [loc.text or "" for loc in root.iterfind("sm:url/sm:loc", SITEMAP_NS)]
    home = min(locations, key=len)
    return home, [location.removeprefix(home) for location in locations]
