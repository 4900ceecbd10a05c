"""Every page with the keyboard only, at 320, 375 and 1280 px, in each mode a reader may
bring: light and dark palettes, forced colours in both schemes, JavaScript off.

Each page is visited once per width and mode, and three things are read from that visit:
axe's findings on the page as loaded; every control at rest, which must stand out from what
lies behind it by 3:1 (tests/support/resting.py); and a walk with the Tab key from the top of
the page to the footer, where every focus stop is on screen, not covered and not faded out,
marked by a focus outline of at least 3:1 against what lies behind it, named with words, and
met in the order of the layout. On a phone the menu opens and closes from the keyboard. One
browser context per width and mode serves every page, each visit a full load.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
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
from tests.support.published import MISSING_PAGE, page_id
from tests.support.reader_modes import LIGHT, MODES, Mode, scripts_for_a_scan, set_scripts
from tests.support.resting import ControlAtRest, controls_at_rest

PAGES = [*nav_urls(), MISSING_PAGE]
PHONES = (320, 375)
DESKTOP = 1280
WIDTHS = (*PHONES, DESKTOP)
MIN_RING_CONTRAST = 3.0
MIN_CONTROL_CONTRAST = 3.0
AXE = Axe()
# A name that says something has a letter or a digit: not "¶", not "#".
WORDS = re.compile(r"\w", re.UNICODE)


class Reader:
    """A browser tab kept open across pages, with its DevTools session for names."""

    def __init__(self, browser: Browser, site_url: str, width: int, mode: Mode) -> None:
        self.site_url = site_url
        self.mode = mode
        self.context = browser.new_context(
            viewport={"width": width, "height": 800}, **mode.context_options()
        )
        self.context.set_default_timeout(10_000)
        self.page: Page = self.context.new_page()
        self.cdp: CDPSession = self.context.new_cdp_session(self.page)
        if not mode.javascript:
            set_scripts(self.cdp, enabled=False)

    def open(self, url_path: str) -> None:
        self.page.goto(self.site_url + url_path, wait_until="networkidle")
        hold_still(self.page)


@dataclass
class Visit:
    """What one full load of a page showed: axe's report, the controls at rest, the walk."""

    axe_violations: int = 0
    axe_report: str = ""
    at_rest: list[ControlAtRest] = field(default_factory=list)
    stops: list[FocusStop] = field(default_factory=list)
    error: Exception | None = None


class Readers:
    """One reader per width and mode, opened when first asked for; one visit per page."""

    def __init__(self, browser: Browser, site_url: str) -> None:
        self.browser = browser
        self.site_url = site_url
        self.opened: dict[tuple[int, str], Reader] = {}
        self.visits: dict[tuple[int, str, str], Visit] = {}

    def get(self, width: int, mode: Mode) -> Reader:
        key = (width, mode.name)
        if key not in self.opened:
            self.opened[key] = Reader(self.browser, self.site_url, width, mode)
        return self.opened[key]

    def visit(self, width: int, mode: Mode, url_path: str) -> Visit:
        key = (width, mode.name, url_path)
        if key not in self.visits:
            self.visits[key] = self._visit(self.get(width, mode), url_path)
        visit = self.visits[key]
        if visit.error is not None:
            raise visit.error
        return visit

    @staticmethod
    def _visit(reader: Reader, url_path: str) -> Visit:
        visit = Visit()
        try:
            reader.open(url_path)
            visit.at_rest = controls_at_rest(reader.page)
            with scripts_for_a_scan(reader.cdp, reader.mode):
                results = AXE.run(reader.page)
            visit.axe_violations = results.violations_count
            visit.axe_report = results.generate_report()
            visit.stops = tab_through(reader.page, reader.cdp)
        except Exception as error:  # kept for every test that reads this visit
            visit.error = error
        return visit


@pytest.fixture(scope="module")
def readers(browser: Browser, site_url: str) -> Iterator[Readers]:
    opened = Readers(browser, site_url)
    yield opened
    for reader in opened.opened.values():
        reader.context.close()
    if opened.visits:  # a run of the phone menu's tests alone leaves the records be
        write_records(opened.visits)


def write_records(visits: dict[tuple[int, str, str], Visit]) -> None:
    """For the record (artifacts/, ignored by git): the stops before the article, and the
    weakest control of each kind at rest, per mode, width and page."""
    stops: dict[str, dict[str, dict[str, int]]] = {}
    at_rest: dict[str, dict[str, dict[str, dict[str, float]]]] = {}
    for (width, mode, url_path), visit in sorted(visits.items()):
        if visit.error is not None:
            continue
        page = page_id(url_path)
        if visit.stops:
            before = stops_before_article(visit.stops)
            stops.setdefault(mode, {}).setdefault(str(width), {})[page] = before
        kinds = at_rest.setdefault(mode, {}).setdefault(str(width), {}).setdefault(page, {})
        for control in visit.at_rest:
            kinds[control.kind] = round(min(kinds.get(control.kind, 99.0), control.ratio), 2)
    folder = Path(__file__).resolve().parents[2] / "artifacts"
    folder.mkdir(exist_ok=True)
    for name, record in (
        ("tab-stops-before-article.json", stops),
        ("controls-at-rest.json", at_rest),
    ):
        (folder / name).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def show(stops: list[FocusStop]) -> str:
    return "\n".join(f"  {stop.region_name}: {stop.description}" for stop in stops)


# axe on the page as loaded in light and dark at 1280 px is tests/browser/test_pages.py's.
AXE_CASES = [
    (width, mode)
    for width in WIDTHS
    for mode in MODES
    if not (width == DESKTOP and mode.forced_colors is False and mode.javascript)
]


@pytest.mark.parametrize("url_path", PAGES, ids=page_id)
@pytest.mark.parametrize(("width", "mode"), AXE_CASES, ids=[f"{w}-{m}" for w, m in AXE_CASES])
def test_axe_finds_nothing(readers: Readers, width: int, mode: Mode, url_path: str) -> None:
    visit = readers.visit(width, mode, url_path)
    assert visit.axe_violations == 0, visit.axe_report


@pytest.mark.parametrize("url_path", PAGES, ids=page_id)
@pytest.mark.parametrize("mode", MODES, ids=str)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_control_stands_out_at_rest(
    readers: Readers, width: int, mode: Mode, url_path: str
) -> None:
    visit = readers.visit(width, mode, url_path)
    assert visit.at_rest, "no control seen on the page"
    faint = [control for control in visit.at_rest if control.ratio < MIN_CONTROL_CONTRAST]
    assert not faint, "controls under 3:1 at rest:\n" + "\n".join(
        f"  {control.description}: {control.cue} {control.ratio:.2f}" for control in faint
    )


@pytest.mark.parametrize("url_path", PAGES, ids=page_id)
@pytest.mark.parametrize("mode", MODES, ids=str)
@pytest.mark.parametrize("width", WIDTHS)
def test_tab_walk_from_top_to_footer(
    readers: Readers, width: int, mode: Mode, url_path: str
) -> None:
    stops = readers.visit(width, mode, url_path).stops

    assert stops, "Tab reaches nothing"
    assert stops[-1].region_name == "footer", f"the walk ends before the footer:\n{show(stops)}"
    hidden = [stop for stop in stops if not stop.on_screen]
    assert not hidden, "focus off screen, covered or faded out:\n" + "\n".join(
        f"  {stop.description} (opacity {stop.opacity:.2f})" for stop in hidden
    )
    unmarked = [stop for stop in stops if stop.ring_contrast < MIN_RING_CONTRAST]
    assert not unmarked, "no focus outline of 3:1:\n" + "\n".join(
        f"  {stop.description}: {stop.ring_contrast:.2f}" for stop in unmarked
    )
    unnamed = [stop for stop in stops if not WORDS.search(stop.name)]
    assert not unnamed, "no accessible name in words:\n" + "\n".join(
        f"  {stop.description}: {stop.name!r}" for stop in unnamed
    )
    wrong = out_of_order(stops)
    assert not wrong, "focus goes against the layout:\n" + "\n".join(
        f"  {before.region_name}: {before.description}\n"
        f"    then {after.region_name}: {after.description}"
        for before, after in wrong
    )
    if width in PHONES:
        before_article = stops[: stops_before_article(stops)]
        # Skip link and the header's buttons only: the closed menu's links are not stops.
        assert {stop.region_name for stop in before_article} <= {"skip link", "header"}, show(
            before_article
        )


def tab_to(reader: Reader, name: str, limit: int = 20, where: str = "") -> FocusStop:
    """Tab to the stop named `name`, or to the element `where` selects."""
    for _ in range(limit):
        reader.page.keyboard.press("Tab")
        stop = focus_stop(reader.page, reader.cdp)
        if stop is None:
            continue
        if (where and reader.page.locator(f"{where}:focus").count()) or (
            not where and stop.name == name
        ):
            return stop
    raise AssertionError(f"no tab stop {where or repr(name)} in the first {limit}")


NAVIGATION = REGIONS.index(("navigation", ".md-sidebar--primary"))


@pytest.mark.parametrize("url_path", PAGES, ids=page_id)
@pytest.mark.parametrize("width", PHONES)
def test_phone_menu_opens_and_closes_from_the_keyboard(
    readers: Readers, width: int, url_path: str
) -> None:
    reader = readers.get(width, LIGHT)
    reader.open(url_path)
    page = reader.page
    button = page.locator(".md-header [aria-expanded]")

    tab_to(reader, "Navigation")
    expect(button).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")

    expect(button).to_have_attribute("aria-expanded", "true")
    first = focus_stop(page, reader.cdp)
    assert first is not None
    # The rest of the page waits behind the open menu: Tab goes round the menu only,
    # and every stop in it is seen (none in a panel waiting at opacity 0) and named.
    stops = [first, *tab_through(page, reader.cdp)]
    astray = [stop for stop in stops if stop.region != NAVIGATION or not stop.on_screen]
    assert not astray, "stops outside the open menu, or unseen:\n" + "\n".join(
        f"  {stop.region_name}: {stop.description} (opacity {stop.opacity:.2f})" for stop in astray
    )
    unmarked = [stop for stop in stops if stop.ring_contrast < MIN_RING_CONTRAST]
    assert not unmarked, "no focus outline of 3:1:\n" + "\n".join(
        f"  {stop.description}: {stop.ring_contrast:.2f}" for stop in unmarked
    )
    assert all(WORDS.search(stop.name) for stop in stops), [stop.name for stop in stops]
    links = page.locator(".md-sidebar--primary a[href]:visible").count()
    assert len([stop for stop in stops if stop.description.startswith("a.")]) == links
    # Past the menu's last stop Tab may leave the page for the browser's own controls;
    # once more, and it is back in the menu.
    if page.evaluate("document.activeElement === document.body"):
        page.keyboard.press("Tab")

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
    reader = readers.get(PHONES[-1], LIGHT)
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


TOC_TOGGLE = ".md-nav--primary #__toc"
TOC_PANEL = ".md-nav--primary .md-nav--secondary"


@pytest.mark.parametrize("width", PHONES)
def test_phone_menu_opens_the_pages_contents_from_the_keyboard(
    readers: Readers, width: int
) -> None:
    """The page's entry in the menu opens its table of contents, a panel over the menu:
    Space opens and closes it, and Tab goes round the panel while it is open."""
    reader = readers.get(width, LIGHT)
    page = reader.page
    checked = 0
    for url_path in PAGES:
        reader.open(url_path)
        if not page.locator(".md-nav--primary label.md-nav__link[for=__toc]").count():
            continue  # a page without sections has no contents to open
        checked += 1
        tab_to(reader, "Navigation")
        page.keyboard.press("Enter")
        entry = page.locator(".md-nav--primary label.md-nav__link[for=__toc]")
        title = " ".join(entry.inner_text().split())
        toggle = tab_to(reader, "", limit=30, where=TOC_TOGGLE)
        assert toggle.on_screen, toggle
        assert toggle.ring_contrast >= MIN_RING_CONTRAST, toggle
        assert title, "the page's entry in the menu has no text"
        assert title in toggle.name, (title, toggle.name)

        page.keyboard.press("Space")

        expect(page.locator(TOC_PANEL)).to_be_visible()
        expect(page.locator(TOC_TOGGLE)).to_be_focused()
        opened = focus_stop(page, reader.cdp)
        assert opened is not None
        assert opened.on_screen, opened
        assert opened.ring_contrast >= MIN_RING_CONTRAST, opened
        stops = tab_through(page, reader.cdp)
        links = page.locator(f"{TOC_PANEL} a[href]")
        assert len(stops) == links.count() > 0, show(stops)
        assert all(stop.on_screen for stop in stops), show(stops)
        # Round again: past the browser's own controls, if Tab went there, to the toggle.
        if not page.locator(f"{TOC_TOGGLE}:focus").count():
            page.keyboard.press("Tab")
        expect(page.locator(TOC_TOGGLE)).to_be_focused()

        page.keyboard.press("Space")

        expect(page.locator(TOC_PANEL)).to_be_hidden()
        expect(page.locator(TOC_TOGGLE)).to_be_focused()
        page.keyboard.press("Escape")
    assert checked, "no page has a table of contents to open"
