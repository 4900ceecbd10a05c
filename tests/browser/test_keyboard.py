"""Every page with the keyboard only, at phone and desktop width, in both palettes.

Tab from the top of the page to the footer: every focus stop is on screen and not
covered, marked by a focus outline of at least 3:1 against what lies behind it, has
an accessible name, and comes in the order of the layout. On a phone the menu opens
and closes from the keyboard. One browser context per width and palette serves
every page, each visit a full load.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, CDPSession, Page, expect

from tests.support.helpers import nav_urls
from tests.support.keyboard import (
    REGIONS,
    FocusStop,
    focus_stop,
    hold_still,
    out_of_order,
    stops_before_article,
    tab_through,
)
from tests.support.published import MISSING_PAGE, SCHEMES, page_id

PAGES = [*nav_urls(), MISSING_PAGE]
PHONE, DESKTOP = 375, 1280
MIN_RING_CONTRAST = 3.0


class Reader:
    """A browser tab kept open across pages, with its DevTools session for names."""

    def __init__(self, browser: Browser, site_url: str, width: int, color_scheme: str) -> None:
        self.site_url = site_url
        self.context = browser.new_context(
            viewport={"width": width, "height": 800},
            color_scheme=color_scheme,  # type: ignore[arg-type]
        )
        self.context.set_default_timeout(10_000)
        self.page: Page = self.context.new_page()
        self.cdp: CDPSession = self.context.new_cdp_session(self.page)

    def open(self, url_path: str) -> None:
        self.page.goto(self.site_url + url_path, wait_until="networkidle")
        hold_still(self.page)


class Readers:
    """One reader per width and palette, opened when first asked for."""

    def __init__(self, browser: Browser, site_url: str) -> None:
        self.browser = browser
        self.site_url = site_url
        self.opened: dict[tuple[int, str], Reader] = {}

    def get(self, width: int, color_scheme: str) -> Reader:
        key = (width, color_scheme)
        if key not in self.opened:
            self.opened[key] = Reader(self.browser, self.site_url, width, color_scheme)
        return self.opened[key]


@pytest.fixture(scope="module")
def readers(browser: Browser, site_url: str) -> Iterator[Readers]:
    opened = Readers(browser, site_url)
    yield opened
    for reader in opened.opened.values():
        reader.context.close()


@pytest.fixture(scope="module")
def stops_before_main(artifacts: Path) -> Iterator[dict[str, int]]:
    """Tab stops before the article at phone width, per page, written for the record."""
    counts: dict[str, int] = {}
    yield counts
    if counts:
        (artifacts.parent / "tab-stops-before-article-375px.json").write_text(
            json.dumps(counts, indent=2) + "\n", encoding="utf-8"
        )


def show(stops: list[FocusStop]) -> str:
    return "\n".join(f"  {stop.region_name}: {stop.description}" for stop in stops)


@pytest.mark.parametrize("url_path", PAGES, ids=page_id)
@pytest.mark.parametrize("color_scheme", SCHEMES)
@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_tab_walk_from_top_to_footer(
    readers: Readers,
    stops_before_main: dict[str, int],
    width: int,
    color_scheme: str,
    url_path: str,
) -> None:
    reader = readers.get(width, color_scheme)
    reader.open(url_path)

    stops = tab_through(reader.page, reader.cdp)

    assert stops, "Tab reaches nothing"
    assert stops[-1].region_name == "footer", f"the walk ends before the footer:\n{show(stops)}"
    hidden = [stop for stop in stops if not stop.on_screen]
    assert not hidden, f"focus off screen or covered:\n{show(hidden)}"
    unmarked = [stop for stop in stops if stop.ring_contrast < MIN_RING_CONTRAST]
    assert not unmarked, "no focus outline of 3:1:\n" + "\n".join(
        f"  {stop.description}: {stop.ring_contrast:.2f}" for stop in unmarked
    )
    unnamed = [stop for stop in stops if not stop.name]
    assert not unnamed, f"no accessible name:\n{show(unnamed)}"
    wrong = out_of_order(stops)
    assert not wrong, "focus goes against the layout:\n" + "\n".join(
        f"  {before.region_name}: {before.description}\n"
        f"    then {after.region_name}: {after.description}"
        for before, after in wrong
    )
    if width == PHONE:
        before_article = stops[: stops_before_article(stops)]
        # Skip link and the header's buttons only: the closed menu's links are not stops.
        assert {stop.region_name for stop in before_article} <= {"skip link", "header"}, show(
            before_article
        )
        stops_before_main[page_id(url_path)] = len(before_article)


def tab_to(reader: Reader, name: str, limit: int = 20) -> FocusStop:
    for _ in range(limit):
        reader.page.keyboard.press("Tab")
        stop = focus_stop(reader.page, reader.cdp)
        if stop is not None and stop.name == name:
            return stop
    raise AssertionError(f"no tab stop named {name!r} in the first {limit}")


NAVIGATION = REGIONS.index(("navigation", ".md-sidebar--primary"))


@pytest.mark.parametrize("url_path", PAGES, ids=page_id)
def test_phone_menu_opens_and_closes_from_the_keyboard(readers: Readers, url_path: str) -> None:
    reader = readers.get(PHONE, "light")
    reader.open(url_path)
    page = reader.page
    button = page.locator(".md-header [aria-expanded]")

    tab_to(reader, "Navigation")
    expect(button).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")

    expect(button).to_have_attribute("aria-expanded", "true")
    first = focus_stop(page, reader.cdp)
    assert first is not None
    assert first.region == NAVIGATION, first
    assert first.on_screen, first
    # The rest of the page waits behind the open menu: Tab goes round its links only.
    links = page.locator(".md-sidebar--primary a[href]:visible").count()
    for _ in range(links + 2):
        page.keyboard.press("Tab")
        stop = focus_stop(page, reader.cdp)
        assert stop is None or (stop.region == NAVIGATION and stop.on_screen), stop

    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    # Closed, the menu's links are out of the way again: the next stop is in the header.
    page.keyboard.press("Tab")
    after = focus_stop(page, reader.cdp)
    assert after is not None
    assert after.region_name == "header", after


def test_choosing_a_page_in_the_phone_menu_closes_it(readers: Readers) -> None:
    """Instant navigation swaps the page under the open menu: nothing stays inert after."""
    reader = readers.get(PHONE, "light")
    reader.open("")
    page = reader.page
    page.locator("[data-site-menu]").focus()
    page.keyboard.press("Enter")
    link = page.locator(".md-sidebar--primary a.md-nav__link", has_text="Decide")
    link.focus()

    page.keyboard.press("Enter")

    page.wait_for_url("**/decide/")
    expect(page.locator("[data-site-menu]")).to_have_attribute("aria-expanded", "false")
    expect(page.locator("[inert]")).to_have_count(0)
    expect(page.locator("article h1")).to_contain_text("decide", ignore_case=True)
