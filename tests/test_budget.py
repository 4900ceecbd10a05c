"""The size guard, from the built files: what each page's HTML asks for, gzip-compressed.

The browser's side of the same budgets (with what scripts fetch later) is in
tests/browser/test_page_weight.py; the budgets themselves are in tests/support/budgets.py.
"""

from __future__ import annotations

import gzip
import json
import mimetypes
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

from tests.support.budgets import FIRST_VIEW_BYTES, FIRST_VIEW_REQUESTS, INSTANT_NAVIGATION_BYTES
from tests.support.helpers import BuiltSite
from tests.support.static_server import COMPRESSIBLE, GZIP_LEVEL

ASSET_REFERENCES = {
    "link[rel~=stylesheet]": "href",
    "link[rel~=icon]": "href",
    "script[src]": "src",
    "img[src]": "src",
}


def served_bytes(path: Path) -> int:
    """The body size the site's server sends for `path`: gzip for text, as GitHub Pages does."""
    body = path.read_bytes()
    content_type = mimetypes.guess_type(path.name)[0] or ""
    if content_type.startswith(COMPRESSIBLE):
        return len(gzip.compress(body, GZIP_LEVEL))
    return len(body)


def page_url_paths(site: BuiltSite) -> list[str]:
    """URL paths of the real pages (redirect stubs have no article)."""
    paths = []
    for html in site.html_pages():
        # A redirect to `X.html` is published as the folder `X.html/`.
        if html.is_file():
            url_path = html.relative_to(site.root).as_posix().removesuffix("index.html")
            if site.soup(url_path).select_one("article.md-content__inner") is not None:
                paths.append(url_path)
    return paths


def published_home_url(site: BuiltSite) -> str:
    """The home page's address (from `site_url`): the shortest one in the sitemap."""
    sitemap = ElementTree.parse(site.root / "sitemap.xml").getroot()
    return min((str(loc.text) for loc in sitemap.iterfind(".//{*}loc")), key=len)


def first_view_files(site: BuiltSite, url_path: str) -> list[Path]:
    """The page and the site files its HTML loads, with the search worker its config names."""
    soup = site.soup(url_path)
    home_url = published_home_url(site)
    page_url = urljoin(home_url, url_path)
    references = [
        str(tag[attribute])
        for selector, attribute in ASSET_REFERENCES.items()
        for tag in soup.select(selector)
    ]
    config = soup.select_one("script#__config")
    if config is not None:
        references.append(json.loads(config.get_text())["search"])
    files = [site.path(url_path)]
    for reference in dict.fromkeys(references):
        url = urljoin(page_url, reference).split("#")[0].split("?")[0]
        if url.startswith(home_url):
            files.append(site.root / url.removeprefix(home_url))
    return files


def test_the_site_has_pages_to_weigh(site: BuiltSite) -> None:
    assert "" in page_url_paths(site)
    assert len(page_url_paths(site)) > 1


def test_what_each_page_loads_first_fits_the_budget(site: BuiltSite) -> None:
    over_budget = {}
    for url_path in page_url_paths(site):
        files = first_view_files(site, url_path)
        missing = [file for file in files if not file.is_file()]
        assert missing == [], f"{url_path or 'home'} loads files the build did not write"
        total = sum(served_bytes(file) for file in files)
        if total > FIRST_VIEW_BYTES or len(files) > FIRST_VIEW_REQUESTS:
            over_budget[url_path or "home"] = (total, len(files))
    assert over_budget == {}, (
        "(bytes, requests) over the page's budget in tests/support/budgets.py, "
        f"or over {FIRST_VIEW_REQUESTS} requests"
    )


def test_the_second_page_fits_the_instant_navigation_budget(site: BuiltSite) -> None:
    next_link = site.soup("").select_one("a.md-footer__link--next")
    assert next_link is not None, "the home page links to no next page"
    second_page = site.path(urlsplit(str(next_link["href"])).path)
    assert served_bytes(second_page) <= INSTANT_NAVIGATION_BYTES
