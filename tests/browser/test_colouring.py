"""Code blocks coloured in the browser as a reader reaches them (code-colours.js).

The build publishes each block as plain text with its colours beside it
(overrides/hooks/code_colours.py); the page must show every character in the colour Pygments gave
it once the block is near the screen, a tab set all at once, every block in print, and
the code unchanged: as text, for search marks, without scripts, after instant navigation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, ViewportSize, expect

from tests.support.browsing import Watched, watch
from tests.support.code_classes import classes_from_colours
from tests.support.example_files import EXAMPLE_FILES
from tests.support.helpers import BuiltSite, attribute
from tests.support.published import SCHEMES

CODE_PAGE = "first-calls/"
PHONE: ViewportSize = {"width": 375, "height": 812}
UNCOLOURED = "pre > code[data-colours]"
ANY = re.compile(".*")  # an attribute with any value: not_to_have_attribute(…, ANY) = absent
SOME = re.compile(".+")
AXE = Axe()

# Each character of every block with the class of the span around it, marks looked through.
CLASSES_SHOWN = """codes => codes.map(code => {
  const shown = [];
  const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const span = walker.currentNode.parentElement.closest("span");
    const name = span && code.contains(span) ? span.className : "";
    for (const char of walker.currentNode.data) shown.push([char, /\\s/.test(char) ? "" : name]);
  }
  return shown;
})"""


@pytest.fixture
def phone(browser: Browser, site_url: str) -> Iterator[Watched]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield watch(context.new_page(), site_url)
    context.close()


def open_code_page(watched: Watched, query: str = "") -> Page:
    page = watched.page
    page.goto(watched.site_url + CODE_PAGE + query)
    expect(page.locator("pre > code").first.locator("span").first).to_be_attached()
    return page


def blocks(page: Page) -> list[str]:
    return [code.inner_text() for code in page.locator("pre > code").all()]


def test_code_is_coloured_as_it_comes_near_the_screen(phone: Watched) -> None:
    page = open_code_page(phone)
    codes = page.locator("pre > code")
    first, last = codes.first, codes.last
    expect(first).not_to_have_attribute("data-colours", ANY)
    expect(last).to_have_attribute("data-colours", SOME)
    assert last.locator("span").count() == 0
    last.locator("xpath=ancestor::*[contains(@class, 'tabbed-set')]").scroll_into_view_if_needed()
    expect(last).not_to_have_attribute("data-colours", ANY)
    expect(last.locator("span").first).to_be_attached()
    assert phone.console_errors == []


def test_a_tab_set_is_coloured_whole_before_its_other_tab_is_chosen(phone: Watched) -> None:
    page = open_code_page(phone)
    tab_set = page.locator(".tabbed-set").nth(2)
    hidden_code = tab_set.locator(".tabbed-block").nth(1).locator("pre > code")
    expect(hidden_code).to_have_attribute("data-colours", SOME)
    tab_set.scroll_into_view_if_needed()
    expect(hidden_code).not_to_have_attribute("data-colours", ANY)
    assert not hidden_code.is_visible()
    tab_set.locator(".tabbed-labels label").nth(1).click()
    expect(hidden_code).to_be_visible()
    expect(hidden_code.locator("span").first).to_be_visible()


@pytest.mark.parametrize("query", ["", "?h=model"], ids=["plain", "with-search-marks"])
def test_printing_shows_every_character_in_the_class_the_build_gave_it(
    phone: Watched, site: BuiltSite, query: str
) -> None:
    page = open_code_page(phone, query)
    text_before = blocks(page)
    page.pdf()
    assert page.locator(UNCOLOURED).count() == 0
    assert blocks(page) == text_before
    if query:
        assert page.locator("pre > code mark").count() > 0, "no search mark in the code"
    shown = page.locator("pre > code").evaluate_all(CLASSES_SHOWN)
    published = site.article(CODE_PAGE).select("pre > code")
    assert len(shown) == len(published)
    for code, characters in zip(published, shown, strict=True):
        wanted = (
            classes_from_colours(code.text, attribute(code, "data-colours"))
            if code.has_attr("data-colours")
            else [(char, "") for char in code.text]
        )
        assert [tuple(pair) for pair in characters] == wanted


@pytest.mark.parametrize("color_scheme", sorted(SCHEMES))
def test_coloured_code_passes_axe(browser: Browser, site_url: str, color_scheme: str) -> None:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        color_scheme=color_scheme,  # type: ignore[arg-type]
    )
    page = open_code_page(watch(context.new_page(), site_url))
    page.pdf()
    assert page.locator(UNCOLOURED).count() == 0
    results = AXE.run(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()


def test_instant_navigation_brings_the_colouring(watched_page: Watched) -> None:
    page = watched_page.page
    # Once Material has the sitemap: before, a click loads the whole page.
    with page.expect_response(lambda response: response.url.endswith("/sitemap.xml")):
        page.goto(watched_page.site_url)
    page.evaluate("window.sameDocument = true")  # lost if the click reloads the page
    page.locator(".md-sidebar--primary a.md-nav__link", has_text="First calls").click()
    expect(page.locator("pre > code").first.locator("span").first).to_be_attached()
    assert page.evaluate("window.sameDocument") is True, "the click reloaded the page"
    assert watched_page.console_errors == []


def test_without_scripts_the_code_reads_the_same(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + CODE_PAGE)
    shown = {text.strip() for text in blocks(page)}
    context.close()
    for example in EXAMPLE_FILES:
        assert example.read_text(encoding="utf-8").strip() in shown, example.name
