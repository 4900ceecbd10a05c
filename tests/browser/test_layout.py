"""What each column of the page holds: on a wide screen every column shows more than the page
being read, and on a phone the menu still lists the whole guide."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation
from playwright.sync_api import Browser, Page, expect

from tests.support.helpers import PROJECT_ROOT, nav_urls
from tests.support.published import page_id

PHONE = {"width": 375, "height": 812}
# A laptop, with both sidebars; a tablet in landscape, where the navigation is a drawer.
WIDE = (1280, 1024)
NAVIGATION_FROM = 1220  # Material's breakpoint for the navigation column, 76.25em
NAVIGATION = ".md-sidebar--primary"
CONTENTS = ".md-sidebar--secondary"
# Each page's own entry in the navigation, not the sections listed under the current one: a
# link, or for the current page on a narrow screen the label that opens its sections.
PAGE_ENTRY = f"{NAVIGATION} .md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link"


def guide_titles() -> list[str]:
    """Every page's title in the navigation, in reading order, as MkDocs sees them."""
    config = load_config(str(PROJECT_ROOT / "mkdocs.yml"))
    return [str(page.title) for page in get_navigation(get_files(config), config).pages]


@contextlib.contextmanager
def opened(browser: Browser, url: str, viewport: dict[str, int]) -> Iterator[Page]:
    context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        page.goto(url)
        expect(page.locator("article h1")).to_be_visible()
        yield page
    finally:
        context.close()


def texts(page: Page, selector: str) -> list[str]:
    return [" ".join(text.split()) for text in page.locator(selector).all_inner_texts()]


def font_weight(page: Page, selector: str) -> list[str]:
    return list(
        page.locator(selector).evaluate_all(
            "links => links.map(link => getComputedStyle(link).fontWeight)"
        )
    )


@pytest.mark.parametrize("width", WIDE)
@pytest.mark.parametrize("url_path", nav_urls(), ids=page_id)
def test_no_column_holds_only_the_page_being_read(
    browser: Browser, site_url: str, url_path: str, width: int
) -> None:
    titles = guide_titles()
    current = titles[nav_urls().index(url_path)]
    with opened(browser, site_url + url_path, {"width": width, "height": 900}) as page:
        # No tab bar repeats the navigation above the article.
        expect(page.locator(".md-tabs")).to_have_count(0)
        for column in (NAVIGATION, CONTENTS):
            if page.locator(column).is_visible():
                links = texts(page, f"{column} a:visible")
                assert links, f"{column} stands empty beside the article"
                assert links != [current], f"{column} holds only the page being read"
        if width < NAVIGATION_FROM:
            expect(page.locator(NAVIGATION)).to_be_hidden()
            return
        expect(page.locator(NAVIGATION)).to_be_visible()
        assert texts(page, f"{PAGE_ENTRY}:visible") == titles
        active = f"{PAGE_ENTRY}.md-nav__link--active:visible"
        expect(page.locator(active)).to_have_text(current)
        # The page being read is marked by more than its colour: its weight is its own.
        weights = font_weight(page, f"{PAGE_ENTRY}:visible")
        assert weights.count(font_weight(page, active)[0]) == 1, weights


@pytest.mark.parametrize("url_path", nav_urls(), ids=page_id)
def test_the_phone_menu_lists_the_whole_guide(
    browser: Browser, site_url: str, url_path: str
) -> None:
    with opened(browser, site_url + url_path, PHONE) as page:
        expect(page.locator(NAVIGATION)).to_be_hidden()
        page.locator("[data-site-menu]").click()
        expect(page.locator(NAVIGATION)).to_be_visible()
        assert texts(page, f"{PAGE_ENTRY}:visible") == guide_titles()
