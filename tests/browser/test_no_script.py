"""Pages with JavaScript turned off, as some readers keep it: what still works, and nothing
shown that cannot.

The menu opens by touch with Material's own label for the drawer; the search and the
palette, which need scripts, are not shown; a glossary term's definition comes with a tap
or the keyboard's focus, not only with a hover; headings are read without their "¶". The
walk with the Tab key, axe and the controls at rest run without scripts in
test_keyboard.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.support.accessibility_tree import accessibility_tree
from tests.support.glossary_file import glossary
from tests.support.helpers import nav_urls
from tests.support.keyboard import hold_still, scripts_run
from tests.support.published import page_id

PHONES = [320, 375]
DESKTOP = 1280
GLOSSARY_PAGE = "platform/"

OpenPage = Callable[[str, int], Page]


@pytest.fixture
def without_scripts(browser: Browser, site_url: str) -> Iterator[OpenPage]:
    """Opens a page on a touch screen of the given width, its scripts turned off."""
    opened: list[BrowserContext] = []

    def open_page(url_path: str, width: int) -> Page:
        context = browser.new_context(
            viewport={"width": width, "height": 800}, has_touch=True, java_script_enabled=False
        )
        context.set_default_timeout(10_000)
        opened.append(context)
        page = context.new_page()
        page.goto(site_url + url_path, wait_until="load")
        hold_still(page)
        assert not scripts_run(page)
        return page

    yield open_page
    for context in opened:
        context.close()


@pytest.mark.parametrize("width", PHONES)
def test_the_menu_opens_by_touch_without_scripts(without_scripts: OpenPage, width: int) -> None:
    page = without_scripts("", width)
    menu = page.locator(".md-sidebar--primary")
    expect(menu).to_be_hidden()
    (control,) = [
        element
        for element in page.locator(".md-header .md-header__menu").all()
        if element.is_visible()
    ]

    control.tap()

    expect(menu).to_be_visible()
    expect(menu.locator("a.md-nav__link", has_text="Decide")).to_be_visible()
    # A tap beside the menu closes it, as with scripts.
    page.locator(".md-overlay").tap(position={"x": width - 10, "y": 400})
    expect(menu).to_be_hidden()


@pytest.mark.parametrize("width", [*PHONES, DESKTOP])
def test_no_header_control_that_needs_scripts_is_shown(
    without_scripts: OpenPage, width: int
) -> None:
    """The header's buttons (menu, search, palette) run on scripts: without them, none shows."""
    page = without_scripts("", width)
    shown = [
        str(element.get_attribute("aria-label") or element.get_attribute("class"))
        for element in page.locator(".md-header :is(button, input, .md-header__option)").all()
        if element.is_visible()
    ]
    assert shown == []


def test_a_glossary_term_explains_itself_on_a_tap_without_scripts(
    without_scripts: OpenPage,
) -> None:
    definitions = glossary()
    page = without_scripts(GLOSSARY_PAGE, PHONES[-1])
    term = page.locator(".md-content abbr").first
    term.scroll_into_view_if_needed()
    text = term.inner_text()

    term.tap()

    expect(term).to_be_focused()
    shown = term.evaluate("term => getComputedStyle(term, '::after').content")
    assert definitions[text] in shown, shown
    # Anywhere else, and the text is back as it was.
    page.locator("article h1").tap()
    assert term.evaluate("term => getComputedStyle(term, '::after').content") == "none"


def test_a_glossary_term_is_reached_with_the_keyboard_without_scripts(
    without_scripts: OpenPage,
) -> None:
    definitions = glossary()
    page = without_scripts(GLOSSARY_PAGE, DESKTOP)
    for _ in range(100):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.localName") == "abbr":
            break
    term = page.locator("abbr:focus")
    expect(term).to_have_count(1)
    shown = term.evaluate("term => getComputedStyle(term, '::after').content")
    assert definitions[term.inner_text()] in shown


@pytest.mark.parametrize("url_path", nav_urls(), ids=page_id)
def test_headings_are_read_without_their_permalink_without_scripts(
    without_scripts: OpenPage, url_path: str
) -> None:
    page = without_scripts(url_path, DESKTOP)
    expect(page.locator(".md-typeset .headerlink").first).to_be_attached()
    tree = accessibility_tree(page)
    names = [node.name for node in tree.with_role("heading") + tree.with_role("link")]
    assert [name for name in names if "¶" in name] == []
