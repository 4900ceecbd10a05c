"""Forced colours (Windows High Contrast), in its light and dark schemes: what the system's
colours leave of the site's marks and icons.

Forced colours repaint text, borders and backgrounds in a few system colours. The content
tabs must still mark the tab on show (read from the screen's pixels, with and without
JavaScript, and without JavaScript in the site's own colours too), and every icon drawn as a
masked box must keep a colour of its own. The keyboard walk, axe and the controls at rest run
in these modes in test_keyboard.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.support.colours import COLOUR_FUNCTIONS
from tests.support.helpers import nav_urls
from tests.support.keyboard import hold_still
from tests.support.pixels import RGB, bottom_edge, contrast
from tests.support.published import MISSING_PAGE, page_id
from tests.support.reader_modes import (
    FORCED,
    FORCED_DARK,
    FORCED_LIGHT,
    NO_SCRIPT,
    Mode,
    set_scripts,
)

CODE_PAGE = "first-calls/"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 800}
WITHOUT_SCRIPTS = [
    Mode(f"{mode.name}-no-js", mode.color_scheme, forced_colors=True, javascript=False)
    for mode in (FORCED_LIGHT, FORCED_DARK)
]
TAB_LOOKS = [*FORCED, *WITHOUT_SCRIPTS, NO_SCRIPT]
# Ink: a pixel that stands out from the page by 3:1; a mark is mostly ink, no mark hardly any.
INK = 3.0
MARKED, UNMARKED = 0.5, 0.1


def open_page(browser: Browser, mode: Mode, viewport: dict[str, int], url: str) -> Page:
    context = browser.new_context(viewport=viewport, **mode.context_options())  # type: ignore[arg-type]
    context.set_default_timeout(10_000)
    page = context.new_page()
    if not mode.javascript:
        set_scripts(context.new_cdp_session(page), enabled=False)
    page.goto(url, wait_until="networkidle")
    hold_still(page)
    return page


@pytest.fixture
def opened(browser: Browser) -> Iterator[list[Page]]:
    pages: list[Page] = []
    yield pages
    for page in pages:
        page.context.close()


@pytest.fixture(scope="module")
def decoder(browser: Browser) -> Iterator[Page]:
    """A page with scripts on, to read screenshots back into pixels."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


def page_colour(page: Page) -> RGB:
    parts = page.evaluate(
        "getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g).map(Number)"
    )
    return (int(parts[0]), int(parts[1]), int(parts[2]))


def ink_share(label: Locator, decoder: Page, background: RGB) -> float:
    """How much of the label's bottom edge is drawn in a colour that stands out."""
    pixels = bottom_edge(label, decoder)
    return sum(contrast(pixel, background) >= INK for pixel in pixels) / len(pixels)


# With scripts, Material moves the bar under the shown tab a frame or two after the change.
BAR_UNDER = """([set, label]) =>
  set.style.getPropertyValue("--md-indicator-x") === `${label.offsetLeft}px`
"""


@pytest.mark.parametrize("mode", TAB_LOOKS, ids=str)
def test_the_tab_on_show_is_the_one_marked(
    browser: Browser, site_url: str, opened: list[Page], decoder: Page, mode: Mode
) -> None:
    page = open_page(browser, mode, DESKTOP, site_url + CODE_PAGE)
    opened.append(page)
    background = page_colour(page)
    sets = page.locator(".md-content .tabbed-set")
    assert sets.count() > 0
    for set_index in range(sets.count()):
        tab_set = sets.nth(set_index)
        labels = tab_set.locator(":scope > .tabbed-labels > label")
        for shown in range(labels.count()):
            labels.nth(shown).click()
            expect(tab_set.locator(":scope > input").nth(shown)).to_be_checked()
            if mode.javascript:
                page.wait_for_function(
                    BAR_UNDER, arg=[tab_set.element_handle(), labels.nth(shown).element_handle()]
                )
            shares = [
                ink_share(labels.nth(index), decoder, background) for index in range(labels.count())
            ]
            wrong = [
                f"tab {index + 1}: {share:.0%} of its edge drawn"
                for index, share in enumerate(shares)
                if (share < MARKED if index == shown else share > UNMARKED)
            ]
            assert not wrong, f"set {set_index + 1}, tab {shown + 1} on show: {wrong}"


MASKED_ICONS = (
    """
(within) => {"""
    + COLOUR_FUNCTIONS
    + """
  const found = [];
  for (const host of document.querySelectorAll(`${within} *`)) {
    const style = getComputedStyle(host);
    let opacity = 1;
    for (let node = host; node instanceof Element; node = node.parentElement) {
      opacity *= parseFloat(getComputedStyle(node).opacity);
    }
    if (style.visibility !== "visible" || opacity < 0.1) continue;
    for (const pseudo of ["::before", "::after"]) {
      const drawn = getComputedStyle(host, pseudo);
      if (drawn.content === "none" || drawn.display === "none") continue;
      if (drawn.maskImage === "none" && drawn.webkitMaskImage === "none") continue;
      host.scrollIntoView({ block: "center" });
      const box = host.getBoundingClientRect();
      if (box.width < 1 || box.height < 1) continue;
      const behind = behindAt(
        box.left + box.width / 2,
        box.top + box.height / 2,
        (element) => host.contains(element) && element !== host,
      );
      const fill = parse(drawn.backgroundColor);
      const name = `${host.localName}.${[...host.classList].join(".")}${pseudo}`;
      found.push([name, contrast(over(fill, behind), behind)]);
    }
  }
  scrollTo(0, 0);
  return found;
}
"""
)


def faint_icons(page: Page, within: str, *, expected: bool = False) -> list[str]:
    """The masked icons under `within` that do not stand out; `expected`: there are some."""
    icons = page.evaluate(MASKED_ICONS, within)
    assert icons or not expected, f"no icon drawn by a mask in {within}"
    return [f"{name}: {ratio:.2f}" for name, ratio in icons if ratio < INK]


@pytest.mark.parametrize("url_path", [*nav_urls(), MISSING_PAGE], ids=page_id)
@pytest.mark.parametrize("mode", FORCED, ids=str)
def test_masked_icons_keep_a_colour_in_the_article(
    browser: Browser, site_url: str, opened: list[Page], mode: Mode, url_path: str
) -> None:
    """Copy buttons, admonitions' signs, tab scrollers: each icon 3:1 against its ground."""
    page = open_page(browser, mode, DESKTOP, site_url + url_path)
    opened.append(page)
    assert faint_icons(page, ".md-content", expected=url_path == CODE_PAGE) == []


@pytest.mark.parametrize("mode", FORCED, ids=str)
def test_masked_icons_keep_a_colour_in_the_phone_menu(
    browser: Browser, site_url: str, opened: list[Page], mode: Mode
) -> None:
    """The page's entry (its contents' sign) and the open contents' way back."""
    page = open_page(browser, mode, PHONE, site_url + CODE_PAGE)
    opened.append(page)
    page.locator("[data-site-menu]").click()
    expect(page.locator(".md-sidebar--primary")).to_be_visible()
    assert faint_icons(page, ".md-sidebar--primary", expected=True) == []
    page.locator(".md-nav--primary label.md-nav__link[for=__toc]").click()
    expect(page.locator(".md-nav--primary .md-nav--secondary")).to_be_visible()
    assert faint_icons(page, ".md-nav--primary .md-nav--secondary", expected=True) == []
