"""Every page of the built site in Chromium: accessible in both palettes, self-contained.

Pages come from the nav in mkdocs.yml (checked against the built sitemap), plus a missing
URL, which gets the site's 404 page. Searching, the palette toggle and the glossary
tooltips are driven like a reader would: clicks and keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, FloatRect, Locator, Page, Response, expect

from tests.support.browsing import Watched, watch
from tests.support.glossary_file import glossary
from tests.support.helpers import BuiltSite, nav_urls, wait_until
from tests.support.published import (
    MISSING_PAGE,
    SCHEMES,
    page_id,
    sitemap_pages,
)
from tests.support.searching import wait_for_results_of

PAGES = [*nav_urls(), MISSING_PAGE]
DESKTOP = {"width": 1280, "height": 900}
AXE = Axe()


@dataclass(frozen=True)
class Published:
    url: str
    """Where the tests serve the site."""
    pages: list[str]


@dataclass
class Tab:
    """A page kept open across tests, with the responses that failed since the last reset."""

    watched: Watched
    failed: list[str] = field(default_factory=list)

    def reset(self) -> None:
        self.watched.requests.clear()
        self.watched.console_errors.clear()
        self.failed.clear()


@pytest.fixture(scope="module")
def published(site: BuiltSite, site_url: str) -> Published:
    _, pages = sitemap_pages(site.root)
    return Published(url=site_url, pages=pages)


def open_tab(browser: Browser, url: str, color_scheme: str, **options: object) -> Tab:
    context = browser.new_context(color_scheme=color_scheme, **options)  # type: ignore[arg-type]
    context.set_default_timeout(10_000)
    tab = Tab(watch(context.new_page(), url))

    def on_response(response: Response) -> None:
        if response.status >= 400:
            tab.failed.append(response.url)

    tab.watched.page.on("response", on_response)
    return tab


@pytest.fixture(scope="module")
def tabs(browser: Browser, published: Published) -> Iterator[dict[str, Tab]]:
    """One tab per system colour scheme, reused page after page (each visit is a full load)."""
    opened = {
        scheme: open_tab(browser, published.url, scheme, viewport=DESKTOP) for scheme in SCHEMES
    }
    yield opened
    for tab in opened.values():
        tab.watched.page.context.close()


@pytest.fixture
def fresh_tab(browser: Browser, published: Published) -> Iterator[Tab]:
    """A new browser profile: nothing remembered from other tests."""
    tab = open_tab(browser, published.url, "light", viewport=DESKTOP)
    yield tab
    tab.watched.page.context.close()


def scheme_of(page: Page) -> str:
    return str(page.evaluate("document.body.dataset.mdColorScheme"))


def test_the_nav_holds_every_published_page(published: Published) -> None:
    assert sorted(PAGES) == sorted([*published.pages, MISSING_PAGE])


@pytest.mark.parametrize("url_path", PAGES, ids=page_id)
@pytest.mark.parametrize("color_scheme", SCHEMES)
def test_page_passes_axe_and_stays_on_the_site(
    tabs: dict[str, Tab], published: Published, color_scheme: str, url_path: str
) -> None:
    tab = tabs[color_scheme]
    tab.reset()
    page = tab.watched.page
    address = published.url + url_path

    response = page.goto(address, wait_until="networkidle")

    assert response is not None
    assert response.status == (404 if url_path == MISSING_PAGE else 200)
    assert scheme_of(page) == SCHEMES[color_scheme]
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
    assert tab.watched.external_requests() == []
    # The missing page answers 404 on purpose, and Chromium logs that as an error.
    expected_failures = [address] if url_path == MISSING_PAGE else []
    assert tab.failed == expected_failures
    assert len(tab.watched.console_errors) == len(expected_failures), tab.watched.console_errors


def test_the_404_page_is_styled_and_links_home(tabs: dict[str, Tab], published: Published) -> None:
    page = tabs["light"].watched.page
    page.goto(published.url + MISSING_PAGE, wait_until="networkidle")

    assert page.locator("article h1").inner_text() == "Page not found"
    assert page.title().startswith("Page not found"), page.title()
    # Styles loaded: the header sticks to the top as on every other page.
    assert page.locator(".md-header").evaluate("h => getComputedStyle(h).position") == "sticky"
    # Readers land here from anywhere, so the way back is the full address the site is built for.
    home_link = page.locator("article a", has_text="home page")
    assert home_link.get_attribute("href") == published.url


def pages_containing(site: BuiltSite, published: Published, words: str) -> set[str]:
    """Full URLs of the pages whose article text contains `words` (any case)."""
    return {
        published.url + url_path
        for url_path in published.pages
        if words.casefold() in " ".join(site.article(url_path).get_text(" ").split()).casefold()
    }


@pytest.mark.parametrize("words", ["API keys", "restaurant", "streaming"])
def test_search_leads_to_a_page_about_the_words(
    fresh_tab: Tab, published: Published, site: BuiltSite, words: str
) -> None:
    expected_pages = pages_containing(site, published, words)
    assert expected_pages, f"no page says {words!r}: pick a term the guide uses"
    page = fresh_tab.watched.page
    page.goto(published.url)

    page.locator(".md-search__input").click()
    page.keyboard.type(words)
    first_result = wait_for_results_of(page, words).first
    target = urlsplit(str(first_result.get_attribute("href")))
    first_result.click()

    page.wait_for_url(lambda url: urlsplit(url).path == target.path)
    assert page.url.split("?")[0].split("#")[0] in expected_pages
    # Instant navigation changes the URL before it swaps the article in: wait for the text.
    expect(page.locator("article.md-content__inner")).to_contain_text(words, ignore_case=True)
    assert fresh_tab.watched.console_errors == []


PALETTE = "form[data-md-component=palette]"


def next_switch(page: Page) -> str:
    """What the palette button on show does when clicked (Material shows one per palette)."""
    shown = page.locator(f"{PALETTE} button").evaluate_all(
        "buttons => buttons.filter(button => !button.hidden).map(button => button.ariaLabel)"
    )
    return str(shown[0]) if len(shown) == 1 else f"{len(shown)} buttons shown"


def expect_palette(page: Page, scheme: str, next_label: str) -> None:
    """Wait, as a reader looks, until the page shows `scheme` and the button offers `next_label`."""
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
    assert wait_until(lambda: next_switch(page) == next_label, timeout=5), next_switch(page)


def test_palette_toggle_switches_and_is_remembered(fresh_tab: Tab, published: Published) -> None:
    page = fresh_tab.watched.page
    page.goto(published.url)
    # Following the (emulated light) system setting.
    expect_palette(page, "default", "Switch to light mode")

    page.locator(f"{PALETTE} button:not([hidden])").click()
    expect_palette(page, "default", "Switch to dark mode")
    page.locator(f"{PALETTE} button:not([hidden])").click()
    dark = "Follow the system setting"
    expect_palette(page, "slate", dark)

    # The pointer still rests on the toggle, its tooltip showing, as a reader's would
    # when they go straight on to the navigation: nothing lies over it.
    page.locator(".md-sidebar--primary a.md-nav__link").last.click()
    page.wait_for_url(lambda url: url != published.url)
    # Instant navigation swaps the page without a reload...
    expect_palette(page, "slate", dark)
    # ...a reload starts from scratch, and so does a new visit.
    page.reload()
    expect_palette(page, "slate", dark)
    page.goto(published.url)
    expect_palette(page, "slate", dark)


def overlaps(a: FloatRect, b: FloatRect) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def box(locator: Locator) -> FloatRect:
    found = locator.bounding_box()
    assert found is not None, f"{locator} is not shown"
    return found


@pytest.mark.parametrize("width", [DESKTOP["width"], 375])
def test_header_tooltips_stay_beside_their_button(
    browser: Browser, published: Published, width: int
) -> None:
    """A header tooltip stays in the header's top row: never over the navigation or the article."""
    tab = open_tab(browser, published.url, "light", viewport={"width": width, "height": 900})
    page = tab.watched.page
    page.goto(published.url)
    row = box(page.locator(".md-header__inner"))
    navigation = [box(link) for link in page.locator(".md-sidebar--primary a:visible").all()]
    # Material turns a button's title into a tooltip (aria-describedby) when the pointer comes.
    hosts = page.locator(".md-header__button:is([title], [aria-describedby]):visible").all()
    # The palette toggle, and from tablet width up the logo too.
    assert len(hosts) == (2 if width == DESKTOP["width"] else 1)

    for host in hosts:
        host.hover()
        expect(host).to_have_attribute("aria-describedby", re.compile(r"^__tooltip"))
        tooltip = page.locator("#" + str(host.get_attribute("aria-describedby")))
        expect(tooltip).to_have_class(re.compile(r"\bmd-tooltip--active\b"))
        # Measured where it comes to rest, once its transition has run.
        tooltip.evaluate("tip => Promise.all(tip.getAnimations().map(a => a.finished))")
        shown, button = box(tooltip), box(host)
        assert row["y"] <= shown["y"]
        assert shown["y"] + shown["height"] <= row["y"] + row["height"]
        assert not overlaps(shown, button)
        assert not [link for link in navigation if overlaps(shown, link)]
    page.context.close()


def first_page_with_terms(site: BuiltSite, published: Published) -> str:
    return next(url_path for url_path in published.pages if site.article(url_path).find("abbr"))


def active_tooltip(page: Page) -> str:
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    return tooltip.inner_text().strip()


def test_glossary_terms_explain_themselves_on_focus_and_hover(
    fresh_tab: Tab, published: Published, site: BuiltSite
) -> None:
    definitions = glossary()
    page = fresh_tab.watched.page
    page.goto(published.url + first_page_with_terms(site, published))

    # Only the keyboard: tab until the focus lands on a glossary term.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.localName") == "abbr":
            break
    focused = page.locator("abbr:focus")
    assert focused.count() == 1, "no glossary term takes the keyboard focus"
    assert active_tooltip(page) == definitions[focused.inner_text()]
    page.keyboard.press("Tab")
    page.locator(".md-tooltip2--active").wait_for(state="detached")

    terms = page.locator("article abbr")
    last = terms.nth(terms.count() - 1)
    last.hover()
    assert active_tooltip(page) == definitions[last.inner_text()]
