"""The site's chrome in the states a reader reaches, not only as it loads.

axe finds nothing with the phone menu open, with search open on its results and after
a reload that restores a saved palette, in both palettes. The palette toggle, the
search and "Back to top" are driven with the keyboard, as a reader without a mouse
would, and checked for what that reader meets: names, focus rings, announcements.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from mkdocs.config import load_config
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect

from tests.support.accessibility_tree import Node, accessibility_tree
from tests.support.helpers import PROJECT_ROOT, nav_urls
from tests.support.keyboard import focus_stop, hold_still
from tests.support.published import SCHEMES, page_id
from tests.support.searching import wait_for_results_of

PHONE = {"width": 375, "height": 800}
DESKTOP = {"width": 1280, "height": 800}
AXE = Axe()
PALETTE = "form[data-md-component=palette]"


OpenPage = Callable[..., Page]


@pytest.fixture
def context_for(browser: Browser) -> Iterator[OpenPage]:
    """Opens pages in new browser profiles (nothing saved), closed after the test."""
    opened: list[BrowserContext] = []

    def open_context(viewport: dict[str, int], color_scheme: str = "light") -> Page:
        context = browser.new_context(viewport=viewport, color_scheme=color_scheme)  # type: ignore[arg-type]
        context.set_default_timeout(10_000)
        opened.append(context)
        return context.new_page()

    yield open_context
    for context in opened:
        context.close()


def load(page: Page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    hold_still(page)


def assert_axe_passes(page: Page) -> None:
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.fixture(scope="module")
def phone_tabs(browser: Browser) -> Iterator[dict[str, Page]]:
    """One phone-sized tab per palette, reused page after page."""
    contexts = {
        scheme: browser.new_context(viewport=PHONE, color_scheme=scheme)  # type: ignore[arg-type]
        for scheme in SCHEMES
    }
    yield {scheme: context.new_page() for scheme, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("url_path", nav_urls(), ids=page_id)
@pytest.mark.parametrize("color_scheme", SCHEMES)
def test_open_phone_menu_passes_axe(
    phone_tabs: dict[str, Page], site_url: str, color_scheme: str, url_path: str
) -> None:
    page = phone_tabs[color_scheme]
    load(page, site_url + url_path)
    page.locator("[data-site-menu]").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".md-sidebar--primary")).to_be_visible()
    expect(page.locator(".md-sidebar--primary :focus")).to_have_count(1)

    assert_axe_passes(page)


def search_for(page: Page, words: str) -> None:
    """Type into the search (opened with its button on a phone) until the results show."""
    button = page.locator("[data-site-search]")
    if button.is_visible():
        button.focus()
        page.keyboard.press("Enter")
    else:
        page.locator(".md-search__input").focus()
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.type(words)
    wait_for_results_of(page, words)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize("color_scheme", SCHEMES)
def test_search_with_results_passes_axe_and_announces_the_count(
    context_for: OpenPage, site_url: str, color_scheme: str, viewport: dict[str, int]
) -> None:
    page = context_for(viewport, color_scheme)
    load(page, site_url)

    search_for(page, "API keys")

    # The count is a polite live region: a screen reader says it once results change.
    status = page.locator(".md-search").get_by_role("status")
    expect(status).to_have_text(re.compile(r"^\d+ matching documents?$"))
    assert_axe_passes(page)


def test_search_result_chosen_with_arrow_keys_has_a_focus_ring(
    context_for: OpenPage, site_url: str
) -> None:
    page = context_for(DESKTOP)
    load(page, site_url)
    search_for(page, "API keys")

    page.keyboard.press("ArrowDown")

    expect(page.locator(".md-search-result__link").first).to_be_focused()
    stop = focus_stop(page, page.context.new_cdp_session(page))
    assert stop is not None
    assert stop.on_screen
    assert stop.ring_contrast >= 3, stop


def test_escape_closes_phone_search_and_returns_to_its_button(
    context_for: OpenPage, site_url: str
) -> None:
    page = context_for(PHONE)
    load(page, site_url)
    search_for(page, "restaurant")

    page.keyboard.press("Escape")

    expect(page.locator("[data-site-search]")).to_be_focused()
    expect(page.locator(".md-search__input")).to_be_hidden()


def shown_toggle(page: Page) -> str:
    """What the palette button on show offers (Material shows one per palette)."""
    button = page.locator(f"{PALETTE} button:not([hidden])")
    expect(button).to_have_count(1)
    return str(button.get_attribute("aria-label"))


def palette_cycle(system_scheme: str) -> dict[str, tuple[str, str]]:
    """Each palette button's name → the scheme it switches to and the next button's name,
    from mkdocs.yml: a toggle moves on to the next palette ("follow the system" shows
    the system's scheme)."""
    palettes = load_config(str(PROJECT_ROOT / "mkdocs.yml"))["theme"]["palette"]
    names = [palette["toggle"]["name"] for palette in palettes]
    schemes = [palette.get("scheme") or SCHEMES[system_scheme] for palette in palettes]
    return {
        name: (schemes[(index + 1) % len(names)], names[(index + 1) % len(names)])
        for index, name in enumerate(names)
    }


def focused_node(page: Page) -> Node:
    """The element with the focus, as a screen reader hears it (the page has it too)."""
    tree = accessibility_tree(page)
    (node,) = [n for n in tree if n.properties.get("focused") and n.role != "RootWebArea"]
    return node


@pytest.mark.parametrize("key", ["Space", "Enter"])
def test_the_palette_is_a_button_that_does_what_it_says(
    context_for: OpenPage, site_url: str, key: str
) -> None:
    """Announced as a button named by its action, it takes that action on Space and Enter,
    once, and the focus stays on the palette: on the button Material shows next."""
    page = context_for(DESKTOP)
    load(page, site_url)
    cycle = palette_cycle("light")
    page.locator(".md-header__button.md-logo").focus()
    page.keyboard.press("Tab")
    for _ in cycle:
        node = focused_node(page)
        assert node.role == "button", (node.role, node.name)
        assert "checked" not in node.properties, node.properties
        scheme, offered_next = cycle[node.name]

        page.keyboard.press(key)

        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
        expect(page.locator(f"{PALETTE} button:focus")).to_have_attribute(
            "aria-label", offered_next
        )
    assert not accessibility_tree(page).with_role("radio"), "the palette's radios are heard"


@pytest.mark.parametrize("color_scheme", SCHEMES)
def test_saved_palette_after_reload_is_what_the_keyboard_meets(
    context_for: OpenPage, site_url: str, color_scheme: str
) -> None:
    """After a reload the keyboard meets the button on show: same name, ring, action."""
    page = context_for(DESKTOP)
    load(page, site_url)
    # From "follow the system" (light here) to light, then on to dark if asked for.
    clicks = 1 if color_scheme == "light" else 2
    for _ in range(clicks):
        page.locator(f"{PALETTE} button:not([hidden])").click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", SCHEMES[color_scheme])

    page.reload(wait_until="networkidle")
    hold_still(page)
    offered = shown_toggle(page)
    assert_axe_passes(page)

    cdp = page.context.new_cdp_session(page)
    page.locator(".md-header__button.md-logo").focus()
    page.keyboard.press("Tab")
    stop = focus_stop(page, cdp)
    assert stop is not None
    assert stop.name == offered
    assert stop.on_screen
    assert stop.ring_contrast >= 3, stop

    page.keyboard.press("Enter")
    scheme, _ = palette_cycle("light")[offered]
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)


def test_back_to_top_takes_the_focus_to_the_top(context_for: OpenPage, site_url: str) -> None:
    page = context_for(DESKTOP)
    load(page, site_url + "first-calls/")
    top = page.locator(".md-top")
    # Material offers the button when a reader scrolls back up a long page.
    page.mouse.move(640, 400)
    page.mouse.wheel(0, 3000)
    page.wait_for_function("scrollY > 2000")
    page.mouse.wheel(0, -400)
    expect(top).to_be_visible()
    top.focus()

    page.keyboard.press("Enter")

    page.wait_for_function("scrollY === 0")
    expect(page.locator(".md-skip")).to_be_focused()
    expect(top).to_be_hidden()


def expect_tooltip(tooltip: Locator, *, shown: bool) -> None:
    """Material fades a header tooltip in and out by a class, as it comes and goes."""
    active = re.compile(r"\bmd-tooltip--active\b")
    if shown:
        expect(tooltip).to_have_class(active)
        expect(tooltip).to_have_css("opacity", "1")
    else:
        expect(tooltip).not_to_have_class(active)
        expect(tooltip).to_have_css("opacity", "0")


def test_escape_closes_the_header_tooltips_which_come_back_later(
    context_for: OpenPage, site_url: str
) -> None:
    """The logo's tooltip on keyboard focus, the palette's under the pointer (WCAG 1.4.13)."""
    page = context_for(DESKTOP)
    load(page, site_url)
    logo = page.locator(".md-header__button.md-logo")
    logo_tooltip = page.locator(".md-header .md-logo + .md-tooltip--inline")
    palette = page.locator(f"{PALETTE} button:not([hidden])")
    palette_tooltip = page.locator(f"{PALETTE} button:not([hidden]) + .md-tooltip--inline")
    page.locator(".md-skip").focus()
    page.keyboard.press("Tab")
    expect(logo).to_be_focused()
    expect_tooltip(logo_tooltip, shown=True)

    page.keyboard.press("Escape")

    expect_tooltip(logo_tooltip, shown=False)
    expect(logo).to_be_focused()
    # Dismissed, not broken: the next visit shows it again (once Material has seen the
    # focus go: the palette's own tooltip shows).
    page.keyboard.press("Tab")
    expect_tooltip(palette_tooltip, shown=True)
    page.keyboard.press("Shift+Tab")
    expect(logo).to_be_focused()
    expect_tooltip(logo_tooltip, shown=True)

    page.evaluate("document.activeElement.blur()")
    expect(palette_tooltip).to_have_count(0)
    palette.hover()
    expect_tooltip(palette_tooltip, shown=True)
    page.keyboard.press("Escape")
    expect_tooltip(palette_tooltip, shown=False)
    expect(palette).to_be_visible()
    page.mouse.move(640, 600)
    expect(palette_tooltip).to_have_count(0)
    palette.hover()
    expect_tooltip(palette_tooltip, shown=True)


SMALLEST = {"width": 320, "height": 640}


def test_the_search_clear_tooltip_stays_on_a_320_px_screen(
    context_for: OpenPage, site_url: str
) -> None:
    page = context_for(SMALLEST)
    load(page, site_url)
    search_for(page, "tokens")
    clear = page.locator(".md-search__options button[type=reset]")

    clear.hover()

    tooltip = page.locator(".md-search .md-tooltip--active")
    expect(tooltip).to_be_visible()
    shown = tooltip.bounding_box()
    assert shown is not None
    assert shown["x"] >= 0
    assert shown["x"] + shown["width"] <= SMALLEST["width"], shown
    assert tooltip.inner_text().strip() == clear.get_attribute("aria-label")


# The site's name, and a page's, as the header and the phone menu show them: whole, or cut.
CUT_NAMES = """
() => [
  ...document.querySelectorAll(".md-header__topic .md-ellipsis"),
  ...document.querySelectorAll(".md-nav--primary > .md-nav__title[for=__drawer]"),
].map((element) => {
  const header = element.closest(".md-header")?.getBoundingClientRect();
  const box = element.getBoundingClientRect();
  const cut = element.scrollWidth > element.clientWidth + 1
    || element.scrollHeight > element.clientHeight + 1
    || (header && (box.top < header.top || box.bottom > header.bottom));
  return [element.textContent.trim(), cut];
}).filter(([, cut]) => cut).map(([text]) => text)
"""


@pytest.mark.parametrize("url_path", nav_urls(), ids=page_id)
@pytest.mark.parametrize("width", [320, 375])
def test_site_and_page_names_show_whole_on_a_phone(
    phone_tabs: dict[str, Page], site_url: str, width: int, url_path: str
) -> None:
    page = phone_tabs["light"]
    page.set_viewport_size({"width": width, "height": 640})
    load(page, site_url + url_path)
    page.locator("[data-site-menu]").click()
    expect(page.locator(".md-sidebar--primary")).to_be_visible()

    assert page.evaluate(CUT_NAMES) == []
