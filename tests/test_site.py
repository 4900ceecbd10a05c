"""The site as a reader meets it: navigation, cross-links, metadata and Material's features."""

from __future__ import annotations

import json
import posixpath
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.utils import meta

from tests.support.helpers import (
    DOCS,
    PROJECT_ROOT,
    BuiltSite,
    attribute,
    found,
    nav_pages,
    normalize,
)

PAGES = nav_pages()
URLS = [url for _, url in PAGES]


def test_every_markdown_page_is_in_the_navigation() -> None:
    in_nav = {source for source, _ in PAGES}
    published = {
        path.relative_to(DOCS).as_posix()
        for path in DOCS.rglob("*.md")
        if not path.relative_to(DOCS).as_posix().startswith(("includes/", "examples/"))
    }
    missing = sorted(published - in_nav)
    assert not missing, "\n".join(
        f"docs/{source} is not in `nav`: add a line `- Its title: {source}` to `nav` in "
        "mkdocs.yml, where it belongs in the guide's order"
        for source in missing
    )


def test_the_strict_build_has_no_warnings(site: BuiltSite) -> None:
    assert "WARNING" not in site.log
    assert "ERROR" not in site.log


@pytest.mark.parametrize("url_path", URLS)
def test_each_page_links_to_every_page_in_its_navigation(site: BuiltSite, url_path: str) -> None:
    soup = site.soup(url_path)
    page_url = urljoin("https://example.test/", url_path)
    nav_links = {
        urlsplit(urljoin(page_url, attribute(a, "href"))).path.lstrip("/")
        for a in soup.select("nav.md-nav--primary a.md-nav__link[href]")
    }
    assert set(URLS) <= nav_links


@pytest.mark.parametrize("url_path", URLS)
def test_each_page_links_across_to_another_page_in_its_text(site: BuiltSite, url_path: str) -> None:
    page_url = urljoin("https://example.test/", url_path)
    targets = {
        urlsplit(urljoin(page_url, href)).path.lstrip("/")
        for href in (attribute(a, "href") for a in site.article(url_path).select("a[href]"))
        if not href.startswith(("#", "http"))
    }
    source = next(source for source, url in PAGES if url == url_path)
    folder = posixpath.dirname(source) or "."
    # The page before it in `nav` (after it, for the first), named as the page would link it.
    at = URLS.index(url_path)
    neighbour = PAGES[at - 1 if at else at + 1][0]
    others = [posixpath.relpath(other, folder) for other, url in PAGES if url != url_path]
    assert targets & (set(URLS) - {url_path}), (
        f"docs/{source} links to no other page of the guide in its text: add one to it, "
        f"as `[words of yours]({posixpath.relpath(neighbour, folder)})` "
        f"(the guide's pages: {', '.join(others)})"
    )


@pytest.mark.parametrize(("source", "url_path"), PAGES)
def test_each_page_has_its_own_description(site: BuiltSite, source: str, url_path: str) -> None:
    _, front_matter = meta.get_data((DOCS / source).read_text(encoding="utf-8"))
    description = site.soup(url_path).find("meta", attrs={"name": "description"})
    assert front_matter.get("description"), (
        f"docs/{source} has no description: add `description: One or two sentences that say "
        "what the page answers.` to its front matter, between the `---` lines at its top"
    )
    assert description is not None
    assert normalize(attribute(description, "content")) == normalize(front_matter["description"])


@pytest.mark.parametrize("url_path", URLS)
def test_canonical_link_uses_site_url(site: BuiltSite, url_path: str) -> None:
    site_url = str(load_config(str(PROJECT_ROOT / "mkdocs.yml")).site_url)
    canonical = site.soup(url_path).find("link", rel="canonical")
    assert canonical is not None
    assert canonical["href"] == urljoin(site_url, url_path)


def test_sitemap_lists_every_page(site: BuiltSite) -> None:
    site_url = str(load_config(str(PROJECT_ROOT / "mkdocs.yml")).site_url)
    tree = ET.parse(site.root / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in tree.findall(".//s:loc", namespace)}
    assert {urljoin(site_url, url) for url in URLS} <= listed


@pytest.mark.parametrize("url_path", URLS)
def test_every_heading_has_a_permalink(site: BuiltSite, url_path: str) -> None:
    for heading in site.article(url_path).find_all(["h2", "h3"]):
        link = heading.find("a", class_="headerlink")
        assert link is not None, heading
        assert link["href"] == f"#{heading['id']}", heading


def test_reader_features_are_switched_on(site: BuiltSite) -> None:
    soup = site.soup("")
    config = json.loads(found(soup.find("script", id="__config")).get_text())
    for feature in (
        "navigation.instant",
        "toc.follow",
        "search.suggest",
        "content.code.copy",
        "content.tabs.link",
    ):
        assert feature in config["features"], feature
    toggles = soup.select("form[data-md-component=palette] input[name='__palette']")
    schemes = {
        toggle["data-md-color-scheme"] for toggle in toggles if toggle.get("data-md-color-scheme")
    }
    assert len(toggles) == 3
    assert {"default", "slate"} <= schemes
    assert toggles[0]["data-md-color-media"] == "(prefers-color-scheme)"
    assert soup.select_one("[data-md-component=search] input[type=text]") is not None


def test_every_asset_is_served_by_the_site(site: BuiltSite) -> None:
    """No web fonts, CDN scripts or remote images: a page load stays on the site."""
    for path in site.html_pages():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assets = [
            attribute(tag, "src")
            for tag in soup.select("script[src], img[src], source[src], iframe[src]")
        ]
        assets += [
            attribute(tag, "href") for tag in soup.select("link[href]:not([rel~=canonical])")
        ]
        remote = [url for url in assets if urlsplit(url).netloc]
        assert remote == [], (path.relative_to(site.root), remote)


def test_404_page_points_back_into_the_guide(site: BuiltSite) -> None:
    page = site.soup("404.html")
    assert normalize(found(page.select_one("article h1")).get_text()) == "Page not found"
    links = [attribute(a, "href") for a in page.select("article a[href]")]
    assert any(href.endswith("/decide/") for href in links)


def test_jinja_in_a_code_block_is_shown_as_written(site: BuiltSite) -> None:
    code = " ".join(block.get_text() for block in site.article("platform/").find_all("code"))
    assert "{{ company_name }}" in code
    assert "{{ product_name }}" in code
