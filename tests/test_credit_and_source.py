"""Every page credits the cookbook page it comes from, and links to its own source file."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from mkdocs.utils.yaml import yaml_load

from macros.credit import CreditError, footer_credit
from tests.support.helpers import DOCS, PROJECT_ROOT, BuiltSite, nav_pages, nav_urls, site_contract

ORIGINAL_PAGE = "Integrations/OpenAI/01-chatgpt-vs-platform.md"
# Every page with the theme's footer: the navigation's pages and the 404 page.
THEMED_PAGES = [*nav_urls(), "404.html"]


def config() -> dict[str, Any]:
    with (PROJECT_ROOT / "mkdocs.yml").open(encoding="utf-8") as file:
        loaded: dict[str, Any] = yaml_load(file)
    return loaded


def footer_credit_block(soup: BeautifulSoup) -> Tag:
    credit = soup.select_one("footer .md-copyright .md-copyright__credit")
    assert credit is not None, "no credit in the footer"
    return credit


# --- the credit in the footer ------------------------------------------------------------------


@pytest.mark.parametrize("url_path", THEMED_PAGES, ids=lambda path: path or "home")
def test_the_footer_credits_the_cookbook_page_and_names_the_licence(
    site: BuiltSite, url_path: str
) -> None:
    credit = footer_credit_block(site.soup(url_path))
    base_url = config()["extra"]["cookbook_base_url"].rstrip("/")
    links = {" ".join(link.get_text().split()): str(link["href"]) for link in credit("a")}
    assert "LLM Cookbook" in credit.get_text()
    assert links[ORIGINAL_PAGE] == f"{base_url}/{ORIGINAL_PAGE}"
    assert links["GNU GPL v3"] == "https://www.gnu.org/licenses/gpl-3.0.html"


def test_every_built_page_with_a_footer_is_checked(site: BuiltSite) -> None:
    """Redirect stubs aside, each HTML file is one of THEMED_PAGES (else it goes unchecked)."""
    themed = {site.path(url_path) for url_path in THEMED_PAGES}
    redirects = {
        path
        for path in site.html_pages()
        if BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find(
            "meta", attrs={"http-equiv": "refresh"}
        )
    }
    assert set(site.html_pages()) - redirects == themed


def test_the_credited_page_is_the_one_the_reference_comes_from() -> None:
    provenance = (PROJECT_ROOT / "reference" / "README.md").read_text(encoding="utf-8")
    assert f"`{ORIGINAL_PAGE}`" in provenance


def test_the_credit_follows_the_cookbook_base_url() -> None:
    credit = footer_credit("https://cookbook.example/mirror/", site_contract().original_page)
    assert credit.page_url == f"https://cookbook.example/mirror/{ORIGINAL_PAGE}"


@pytest.mark.parametrize("base_url", ["http://cookbook.example", "cookbook", ""])
def test_a_cookbook_base_url_that_is_not_https_fails_naming_the_setting(base_url: str) -> None:
    with pytest.raises(CreditError, match=r"extra\.cookbook_base_url"):
        footer_credit(base_url, site_contract().original_page)


# --- the page's source in the site's repository ------------------------------------------------


@pytest.mark.parametrize(("source", "url_path"), nav_pages(), ids=lambda value: value or "home")
def test_each_page_links_to_edit_and_view_its_own_source_file(
    site: BuiltSite, source: str, url_path: str
) -> None:
    assert (DOCS / source).is_file()
    repo_url = config()["repo_url"]
    buttons = site.soup(url_path).select("article a.md-content__button")
    assert [(button.get("rel"), str(button["href"])) for button in buttons] == [
        (["edit"], f"{repo_url}/edit/main/docs/{source}"),
        (None, f"{repo_url}/raw/main/docs/{source}"),
    ]


@pytest.mark.parametrize("url_path", THEMED_PAGES, ids=lambda path: path or "home")
def test_the_repository_link_fetches_nothing_from_github(site: BuiltSite, url_path: str) -> None:
    """Material's script asks api.github.com for stars and forks of a `source` component."""
    soup = site.soup(url_path)
    assert [str(link["href"]) for link in soup.select("a.md-source")] == [config()["repo_url"]] * 2
    assert soup.select('[data-md-component="source"]') == []
