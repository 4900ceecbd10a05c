"""The decision helper driven as a reader would: clicks, the keyboard, links, the back button.

Every expected answer comes from `macros/data.py`: the verdict whose sides are
the sides of the ticked signals, and the ticked signals' own sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal
from urllib.parse import parse_qs, urlsplit

import markdown
import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, expect

from macros import decision
from macros.data import COMPARISON
from macros.model import SideId, Signal, Verdict
from tests.support.browsing import Watched, watch
from tests.support.helpers import wait_until

Scheme = Literal["default", "slate"]
LIVE = f"#{decision.RESULT_ID} .decision-result__live"
"""Where the verdict's headline is announced."""
DETAILS = f"#{decision.RESULT_ID} .decision-result__details"
"""The rest of the answer, under the headline: advice, reasons, rules of thumb."""
MAX_TABS = 120
"""More Tab presses than the page has stops before the checklist: the header, tabs and sidebars."""


def plain(markdown_text: str) -> str:
    text = BeautifulSoup(markdown.markdown(markdown_text), "html.parser").get_text()
    return " ".join(text.split())


def signals_for(side_id: SideId) -> list[Signal]:
    return list(COMPARISON.signals_for(side_id))


def verdict_for(signals: Iterable[Signal]) -> Verdict:
    sides = frozenset(signal.side for signal in signals)
    (verdict,) = [v for v in COMPARISON.verdicts if v.sides == sides]
    return verdict


def decide_url(watched: Watched, query: str = "") -> str:
    return f"{watched.site_url}decide/{query}"


def wait_for_helper(page: Page) -> None:
    expect(page.locator(f"#{decision.RESULT_ID}")).to_be_visible()


def open_decide(watched: Watched, query: str = "") -> Page:
    page = watched.page
    page.goto(decide_url(watched, query))
    wait_for_helper(page)
    return page


def tick_by_clicking(page: Page, signals: Iterable[Signal]) -> None:
    for signal in signals:
        page.click(f"label[for='{decision.input_id(signal)}']")


def expect_answer(page: Page, ticked: list[Signal]) -> None:
    """The result names the verdict for `ticked`, each ticked signal, and its side's rule."""
    ticked = [signal for signal in COMPARISON.signals if signal in ticked]  # the page's order
    verdict = verdict_for(ticked)
    expect(page.locator(LIVE)).to_have_text(plain(verdict.headline))
    details = page.locator(DETAILS)
    expect(details).to_contain_text(plain(verdict.advice))
    expect(details.locator(".decision-result__reasons li")).to_have_text(
        [plain(signal.sentence) for signal in ticked]
    )
    sides = {signal.side for signal in ticked}
    rules = [r for r in COMPARISON.rules_of_thumb if r.side in sides]
    expect(details.locator(".decision-rule")).to_have_count(len(rules))
    for rule in rules:
        expect(details).to_contain_text(plain(rule.when))
    for signal in COMPARISON.signals:
        box = page.locator(f"#{decision.input_id(signal)}")
        (expect(box).to_be_checked if signal in ticked else expect(box).not_to_be_checked)()


def ticked_in_url(url: str) -> list[str]:
    values = parse_qs(urlsplit(url).query).get(decision.QUERY_PARAMETER, [])
    return " ".join(values).split()


def assert_clean(watched: Watched) -> None:
    assert watched.console_errors == []
    assert watched.external_requests() == []


def test_platform_ticks_give_the_platform_verdict_with_their_reasons(watched_page: Watched) -> None:
    page = open_decide(watched_page)
    expect_answer(page, [])
    ticked = signals_for("platform")[:3]
    tick_by_clicking(page, ticked)
    expect_answer(page, ticked)
    assert ticked_in_url(page.url) == [signal.id for signal in ticked]
    assert_clean(watched_page)


def test_a_link_in_the_answer_leads_to_its_page(watched_page: Watched) -> None:
    linking = [v for v in COMPARISON.verdicts if "](" in v.advice]
    if not linking:
        pytest.skip("no answer in macros/data.py links to a page")
    page = open_decide_to_navigate(watched_page)
    for verdict in linking:
        links = BeautifulSoup(markdown.markdown(verdict.advice), "html.parser").find_all("a")
        ticked = [s for s in COMPARISON.signals if s.side in verdict.sides][:1]
        page.get_by_role("button", name=decision.CLEAR_LABEL).click()
        tick_by_clicking(page, ticked)
        expect_answer(page, ticked)
        link = page.locator(DETAILS).get_by_role("link", name=links[0].get_text())
        link.click()
        expect(page).to_have_url(at_page(f"{watched_page.site_url}{links[0]['href'][:-3]}/"))
        page.go_back()
        wait_for_helper(page)
        expect_answer(page, ticked)
    assert_clean(watched_page)


def test_chatgpt_ticks_then_a_platform_tick_give_chatgpt_then_both(watched_page: Watched) -> None:
    page = open_decide(watched_page)
    chatgpt = signals_for("chatgpt")
    tick_by_clicking(page, chatgpt)
    expect_answer(page, chatgpt)
    platform = signals_for("platform")[-1:]
    tick_by_clicking(page, platform)
    expect_answer(page, chatgpt + platform)
    page.click(f"label[for='{decision.input_id(platform[0])}']")  # untick
    expect_answer(page, chatgpt)
    page.get_by_role("button", name=decision.CLEAR_LABEL).click()
    expect_answer(page, [])
    assert ticked_in_url(page.url) == []
    assert_clean(watched_page)


def focused_id(page: Page) -> str:
    return str(page.evaluate("document.activeElement ? document.activeElement.id : ''"))


def tab_to(page: Page, signal: Signal) -> None:
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if focused_id(page) == decision.input_id(signal):
            return
    pytest.fail(f"Tab never reached the checkbox of {signal.id!r}")


def test_the_keyboard_alone_ticks_signals_with_a_visible_focus(watched_page: Watched) -> None:
    page = open_decide(watched_page)
    chatgpt = signals_for("chatgpt")
    tab_to(page, chatgpt[0])
    for index, signal in enumerate(chatgpt):
        if index:
            page.keyboard.press("Tab")
        assert focused_id(page) == decision.input_id(signal), "the next Tab skips a checkbox"
        outline = page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, s.outlineWidth]; })()"
        )
        assert outline[0] != "none", f"no visible focus on {signal.id!r}"
        assert outline[1] != "0px", f"no visible focus on {signal.id!r}"
        page.keyboard.press("Space")
    expect_answer(page, chatgpt)

    platform = signals_for("platform")[0]
    tab_to(page, platform)
    page.keyboard.press("Space")
    expect_answer(page, [*chatgpt, platform])
    assert_clean(watched_page)


def test_a_shared_link_opens_with_the_same_ticks_and_answer(
    watched_page: Watched, browser: Browser
) -> None:
    page = open_decide(watched_page)
    ticked = [signals_for("chatgpt")[1], *signals_for("platform")[3:]]
    tick_by_clicking(page, ticked)
    expect_answer(page, ticked)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name=decision.SHARE_LABEL).click()
    expect(page.get_by_role("status").filter(has_text=decision.SHARE_COPIED)).to_have_count(1)
    shared_url = str(page.evaluate("navigator.clipboard.readText()"))
    assert ticked_in_url(shared_url) == ticked_in_url(page.url) == [s.id for s in ticked]
    assert urlsplit(shared_url).fragment == "", "a shared answer should open at the top"

    context = browser.new_context(viewport={"width": 375, "height": 800})
    try:
        reader = watch(context.new_page(), watched_page.site_url)
        reader.page.goto(shared_url)
        wait_for_helper(reader.page)
        expect_answer(reader.page, ticked)
        assert_clean(reader)
    finally:
        context.close()
    assert_clean(watched_page)


def test_back_to_the_page_shows_the_ticks_of_the_url_not_the_ones_the_browser_restores(
    watched_page: Watched,
) -> None:
    """Browsers restore a form's ticks when the reader comes back to a page (the checkboxes
    may not opt out: HTML allows no `autocomplete` on them); the script must set every box
    from the URL instead."""
    page = open_decide(watched_page)
    restored, wanted = signals_for("chatgpt")[0], signals_for("platform")[0]
    tick_by_clicking(page, [restored])
    expect_answer(page, [restored])
    # The URL now names another tick than the form holds, as if it had been edited.
    page.evaluate(
        "([parameter, id]) => history.replaceState(history.state, '', `?${parameter}=${id}`)",
        [decision.QUERY_PARAMETER, wanted.id],
    )
    page.goto(watched_page.site_url)  # a full page load, not instant navigation
    page.go_back()
    wait_for_helper(page)
    expect_answer(page, [wanted])
    assert_clean(watched_page)


def test_a_hand_written_link_with_unknown_ids_keeps_the_known_ones(watched_page: Watched) -> None:
    known = signals_for("platform")[0]
    page = open_decide(watched_page, f"?{decision.QUERY_PARAMETER}={known.id}+no-such-signal")
    expect_answer(page, [known])
    assert ticked_in_url(page.url) == [known.id]
    assert_clean(watched_page)


def open_decide_to_navigate(watched: Watched) -> Page:
    """The Decide page once Material has the sitemap: before, a click loads the whole page."""
    with watched.page.expect_response(lambda response: response.url.endswith("/sitemap.xml")):
        return open_decide(watched)


def at_page(url: str) -> re.Pattern[str]:
    """`url`, with or without a section: Material's section tracking may add one as it leaves."""
    return re.compile(f"^{re.escape(url)}(#.*)?$")


def click_in_navigation(page: Page, title: str) -> None:
    page.locator(".md-sidebar--primary a.md-nav__link:visible", has_text=title).click()


def helper_stylesheet_applied(page: Page) -> bool:
    return bool(
        page.evaluate(
            "[...document.styleSheets].some(sheet =>"
            " (sheet.href || '').endsWith('/decision-helper.min.css') && sheet.cssRules.length)"
        )
    )


def test_it_survives_instant_navigation_away_and_back(watched_page: Watched) -> None:
    page = open_decide_to_navigate(watched_page)
    page.evaluate("window.sameDocument = true")  # lost if a link reloads the page
    first = signals_for("platform")[1]
    tick_by_clicking(page, [first])
    expect_answer(page, [first])

    click_in_navigation(page, "Mental model")
    expect(page).to_have_url(at_page(f"{watched_page.site_url}mental-model/"))
    page.go_back()
    wait_for_helper(page)
    assert ticked_in_url(page.url) == [first.id]
    expect_answer(page, [first])
    second = signals_for("chatgpt")[0]
    tick_by_clicking(page, [second])
    expect_answer(page, [first, second])

    click_in_navigation(page, "Home")
    expect(page).to_have_url(at_page(watched_page.site_url))
    # The URL changes before Material swaps the page's <head>: wait for the swap.
    assert wait_until(lambda: not helper_stylesheet_applied(page), timeout=5), (
        "the helper's styles stay on other pages"
    )
    click_in_navigation(page, "Decide")
    wait_for_helper(page)
    # The helper's stylesheet and script come with the Decide page, by instant navigation too.
    assert wait_until(lambda: helper_stylesheet_applied(page), timeout=5)
    expect_answer(page, [])
    tick_by_clicking(page, [second])
    expect_answer(page, [second])
    assert page.evaluate("window.sameDocument") is True, "a link reloaded the page"
    assert_clean(watched_page)


def test_without_javascript_it_is_the_checklist_and_the_rule_on_screen_and_paper(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    try:
        reader = watch(context.new_page(), site_url)
        page = reader.page
        page.goto(f"{site_url}decide/")
        for media in ("screen", "print"):
            page.emulate_media(media=media)
            for signal in COMPARISON.signals:
                label = page.locator(f"label[for='{decision.input_id(signal)}']")
                expect(label).to_be_visible()
                expect(label).to_have_text(plain(signal.text))
            for rule in COMPARISON.rules_of_thumb:
                expect(page.locator("article")).to_contain_text(plain(rule.when))
            expect(page.locator(f"#{decision.RESULT_ID}")).to_be_hidden()
        assert_clean(reader)
    finally:
        context.close()


@pytest.fixture(params=["default", "slate"])
def scheme(request: pytest.FixtureRequest) -> Scheme:
    value: Scheme = request.param
    return value


@pytest.fixture
def schemed_page(browser: Browser, site_url: str, scheme: Scheme) -> Iterator[Watched]:
    """A page whose system setting asks for `scheme`, which the "auto" palette follows."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        color_scheme="dark" if scheme == "slate" else "light",
    )
    yield watch(context.new_page(), site_url)
    context.close()


def mixed_ticks() -> list[Signal]:
    return [*signals_for("chatgpt")[:2], *signals_for("platform")[-2:]]


def test_axe_finds_no_violation_with_boxes_ticked(schemed_page: Watched, scheme: Scheme) -> None:
    """The whole page, answered, with the result's links and buttons showing."""
    page = open_decide(schemed_page)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
    tick_by_clicking(page, mixed_ticks())
    expect_answer(page, mixed_ticks())
    page.locator(f"#{decision.input_id(mixed_ticks()[0])}").focus()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert_clean(schemed_page)


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_of_the_answered_page(
    schemed_page: Watched, scheme: Scheme, width: int, artifacts: Path
) -> None:
    schemed_page.page.set_viewport_size({"width": width, "height": 900})
    ticks = "+".join(signal.id for signal in mixed_ticks())
    page = open_decide(schemed_page, f"?{decision.QUERY_PARAMETER}={ticks}")
    expect_answer(page, mixed_ticks())
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {width}px wide"
    path = artifacts / f"decision-helper-{scheme}-{width}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 0
