"""The URL contract (macros/contract.py) holds in the built site, and old links still land."""

from __future__ import annotations

import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

from macros import contract
from tests.support.helpers import DOCS, PROJECT_ROOT, BuiltSite, site_contract
from tests.support.static_server import serve_site

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
CONTRACT = site_contract()
ANCHORS = [(page, anchor) for page in CONTRACT.pages for anchor in page.anchors]
LEGACY_URLS = [(legacy, url) for legacy in CONTRACT.legacy_paths for url in legacy.urls()]


def site_url(site: BuiltSite) -> str:
    """The address the site was built for, as its home page declares it."""
    canonical = site.soup("").find("link", rel="canonical")
    assert canonical is not None
    return str(canonical["href"])


def published_pages(site: BuiltSite) -> set[str]:
    """URL paths of every page in the sitemap, relative to the site's address."""
    base = site_url(site)
    locations = ET.parse(site.path("sitemap.xml")).getroot().iter(f"{{{SITEMAP_NS}}}loc")
    return {(loc.text or "").removeprefix(base) for loc in locations}


@pytest.mark.parametrize("page", CONTRACT.pages, ids=lambda page: page.path or "home")
def test_every_contract_page_is_built(site: BuiltSite, page: contract.PublicPage) -> None:
    assert site.path(page.path).is_file(), f"{page.path!r} of the contract was not built"
    assert (DOCS / page.source).is_file()


def test_every_published_page_is_in_the_contract(site: BuiltSite) -> None:
    """Every published page is one of `nav`, and its URL is the one the contract derives."""
    assert published_pages(site) == {page.path for page in CONTRACT.pages}


@pytest.mark.parametrize(
    ("page", "anchor"), ANCHORS, ids=[f"{page.path or 'home'}#{a.id}" for page, a in ANCHORS]
)
def test_every_contract_anchor_is_a_heading(
    site: BuiltSite, page: contract.PublicPage, anchor: contract.Anchor
) -> None:
    heading = site.article(page.path).find(id=anchor.id)
    assert heading is not None, f"no #{anchor.id} on {page.path!r}"
    assert heading.name in HEADINGS


@pytest.mark.parametrize(
    ("page", "anchor"), ANCHORS, ids=[f"{page.path or 'home'}#{a.id}" for page, a in ANCHORS]
)
def test_every_contract_anchor_is_written_in_its_page(
    page: contract.PublicPage, anchor: contract.Anchor
) -> None:
    """An explicit id survives a reworded heading; a generated one would not."""
    source = (DOCS / page.source).read_text(encoding="utf-8")
    assert f"{{ #{anchor.id} }}" in source, f"write `{{ #{anchor.id} }}` on its heading"


@pytest.mark.parametrize("public_file", contract.FILES, ids=lambda file: file.path)
def test_every_contract_file_is_built(site: BuiltSite, public_file: contract.PublicFile) -> None:
    assert site.path(public_file.path).is_file()


def test_legacy_urls_cover_each_form_of_the_old_file_name() -> None:
    urls = {url for _, url in LEGACY_URLS}
    for legacy in CONTRACT.legacy_paths:
        assert {legacy.path + ".md", legacy.path + ".html", legacy.path + "/"} <= urls


@pytest.mark.parametrize(("legacy", "url"), LEGACY_URLS, ids=[url for _, url in LEGACY_URLS])
def test_old_links_land_on_the_guide(
    site: BuiltSite, legacy: contract.LegacyPath, url: str
) -> None:
    """Served as GitHub Pages does (a directory answers with a redirect to `dir/`)."""
    with serve_site(site.root) as base:
        with urllib.request.urlopen(base + url, timeout=10) as response:
            landed_on = response.geturl()
            redirect_page = BeautifulSoup(response.read().decode("utf-8"), "html.parser")
        refresh = redirect_page.find("meta", attrs={"http-equiv": "refresh"})
        assert refresh is not None, f"{url} is not a redirect page"
        target = urljoin(landed_on, str(refresh["content"]).split("url=", 1)[1])
        assert target == base + legacy.target
        with urllib.request.urlopen(target, timeout=10) as response:
            assert response.read() == site.path(legacy.target).read_bytes()


def test_link_page_lists_every_contract_url(site: BuiltSite) -> None:
    base = site_url(site)
    article = site.article("link-to-this-guide/")
    shown = {link.get_text(): link["href"] for link in article.find_all("a") if link.code}
    page_url = f"{base}link-to-this-guide/"
    for page in CONTRACT.pages:
        assert urljoin(page_url, str(shown[base + page.path])) == base + page.path
        for anchor in page.anchors:
            url = f"{base}{page.path}#{anchor.id}"
            assert urljoin(page_url, str(shown[url])) == url
    text = article.get_text()
    for public_file in contract.FILES:
        assert base + public_file.path in text
    for _, url in LEGACY_URLS:
        assert base + url in text


# --- derived from nav and front matter -----------------------------------------------------------


def write_page(docs: Path, source: str, front_matter: str, title: str = "A page") -> None:
    (docs / source).parent.mkdir(parents=True, exist_ok=True)
    (docs / source).write_text(f"---\n{front_matter}\n---\n\n# {title}\n", encoding="utf-8")


def test_each_page_of_nav_is_in_the_contract_in_its_order_with_its_title(tmp_path: Path) -> None:
    write_page(tmp_path, "index.md", "description: x", '<span aria-hidden="true">🧰</span> Home')
    write_page(tmp_path, "guide/index.md", "anchors:\n  first: The first part")
    write_page(tmp_path, "guide/more.md", "cookbook: none\nllms_section: Extras")
    nav = [{"Home": "index.md"}, {"Guide": ["guide/index.md", {"More": "guide/more.md"}]}]
    pages = contract.from_config({"nav": nav, "docs_dir": tmp_path}).pages
    assert [(page.path, page.source, page.label) for page in pages] == [
        ("", "index.md", "Home"),
        ("guide/", "guide/index.md", "A page"),
        ("guide/more/", "guide/more.md", "A page"),
    ]
    assert pages[1].anchors == (contract.Anchor("first", "The first part"),)
    assert (pages[2].cookbook, pages[2].llms_section) == ("none", "Extras")
    assert (pages[0].cookbook, pages[0].llms_section) == ("whole", "Guide")


@pytest.mark.parametrize(
    ("front_matter", "message"),
    [
        (
            "cookbook: nnone",
            r"docs/x\.md: front matter 'cookbook': 'nnone' is not a value it takes; "
            r"did you mean `none`\? Known values: whole, introduction, none",
        ),
        ("anchors: [first]", r"docs/x\.md: front matter 'anchors': expected `id: label` lines"),
    ],
)
def test_front_matter_the_contract_cannot_hold_names_the_page(
    tmp_path: Path, front_matter: str, message: str
) -> None:
    write_page(tmp_path, "x.md", front_matter)
    with pytest.raises(contract.ContractError, match=message):
        contract.from_config({"nav": ["x.md"], "docs_dir": tmp_path})


def test_the_old_addresses_are_the_redirects_of_mkdocs_yml() -> None:
    with (PROJECT_ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        plugins = yaml_load(file)["plugins"]
    redirects = next(plugin["redirects"] for plugin in plugins if "redirects" in plugin)
    old = [legacy.path + ".md" for legacy in CONTRACT.legacy_paths]
    assert old == list(redirects["redirect_maps"])
    assert CONTRACT.original_page == "Integrations/OpenAI/01-chatgpt-vs-platform"


def test_zensicals_shapes_of_nav_and_plugins_give_the_same_contract(tmp_path: Path) -> None:
    """Zensical's mkdocs-macros gives `nav` as entries with `title`, `url` and `children`, and
    the plugins as their settings by name: a later move must not change the contract."""
    write_page(tmp_path, "index.md", "description: x", "Home")
    write_page(tmp_path, "more.md", "cookbook: none", "More")
    redirects = {"redirect_maps": {"Old/page.md": "index.md"}}
    mkdocs = contract.from_config(
        {
            "nav": [{"Home": "index.md"}, {"Part": [{"More": "more.md"}]}],
            "docs_dir": tmp_path,
            "plugins": [{"search": {}}, {"redirects": redirects}],
        }
    )
    zensical = contract.from_config(
        {
            "nav": [
                {"title": "Home", "url": "index.md", "children": []},
                {
                    "title": "Part",
                    "url": None,
                    "children": [{"title": "More", "url": "more.md", "children": []}],
                },
            ],
            "docs_dir": tmp_path,
            "plugins": {"search": {"config": {}}, "redirects": {"config": redirects}},
        }
    )
    assert zensical == mkdocs
    assert [page.source for page in mkdocs.pages] == ["index.md", "more.md"]
    assert mkdocs.original_page == "Old/page"
