"""Under `mkdocs serve`, the open tab shows a mistake by itself and comes back once it is fixed.

One server for the session (`served_copy`) and one reading tab for the module: each case
breaks one file of the served copy, waits for the tab to switch to the error page naming
the file, the line and the hint (or, for a broken link, to show the page with its notice;
the test never reloads it), opens another page in a second tab, which must answer at once,
then mends the file and waits for the first tab to show the mended value. The error page
itself is checked in both palettes and on a phone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from build_failure import BuildFailure, Problem
from error_page import render
from tests.support.broken_edits import CASES, OTHER_PAGE, PAGE, fresh_value
from tests.support.helpers import Server
from tests.support.published import SCHEMES

pytestmark = pytest.mark.slow

# A rebuild of this site takes one to four seconds on a loaded machine; MkDocs polls every 0.5 s.
REBUILD_MS = 30_000
AT_ONCE_MS = 3_000
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}


@pytest.fixture(scope="module")
def reading_tab(browser: Browser, served_copy: tuple[Path, Server]) -> Iterator[Page]:
    _, server = served_copy
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(server.url + PAGE)
    # MkDocs' live-reload script starts polling once the page has loaded.
    expect(tab.locator("article")).to_be_visible()
    yield tab
    context.close()


@pytest.mark.parametrize("case", CASES)
def test_the_open_tab_shows_the_mistake_and_returns_once_fixed(
    browser: Browser, served_copy: tuple[Path, Server], reading_tab: Page, case: str
) -> None:
    project, server = served_copy
    edit = CASES[case]
    path = project / edit.file
    good_text = path.read_text(encoding="utf-8")
    broken = edit.breaks(good_text)
    tab = reading_tab
    expect(tab.locator("article")).to_be_visible()
    new_value = fresh_value()
    asked: list[str] = []
    tab.on("request", lambda request: asked.append(request.url))

    path.write_text(broken, encoding="utf-8")
    try:
        if edit.fails_the_build:
            expect(tab.locator("h1")).to_have_text(f"Fix {edit.to_fix}", timeout=REBUILD_MS)
            shown = tab.locator("main")
        else:
            shown = tab.locator("article .serve-notice")
            expect(shown).to_be_visible(timeout=REBUILD_MS)
        assert tab.url == server.url + PAGE
        expect(shown).to_contain_text(re.compile(rf"Line\s*{edit.line(broken)}(?!\d)"))
        for words in edit.says:
            expect(shown).to_contain_text(words)

        if edit.fails_the_build:
            other = browser.new_page()
            try:
                response = other.goto(server.url + OTHER_PAGE, timeout=AT_ONCE_MS)
                assert response is not None
                assert response.status == 500
                expect(other.locator("h1")).to_have_text(f"Fix {edit.to_fix}")
            finally:
                other.close()
    finally:
        path.write_text(edit.mends(good_text, new_value), encoding="utf-8")

    expect(tab.locator("body")).to_contain_text(new_value, timeout=REBUILD_MS)
    expect(tab.locator("article")).to_be_visible()
    expect(tab.locator(".serve-notice")).to_have_count(0)
    assert tab.url == server.url + PAGE
    # The error page brings its icon: the browser asks the server for no /favicon.ico.
    assert [url for url in asked if url.endswith("favicon.ico")] == []


LONG_FAILURE = BuildFailure(
    (
        Problem(
            "Fact 'a_very_long_identifier': field 'source' is not an https URL " + "x" * 200,
            "macros/data.py",
            12,
            hint="did you mean `a_very_long_identifier_indeed`? Known facts: " + "fact, " * 40,
            excerpt=('source="' + "x" * 200 + '",',),
        ),
    )
)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("color_scheme", SCHEMES)
def test_the_error_page_reads_well_in_both_palettes_and_on_a_phone(
    browser: Browser, color_scheme: str, viewport: str
) -> None:
    context = browser.new_context(
        color_scheme=color_scheme,  # type: ignore[arg-type]
        viewport=VIEWPORTS[viewport],  # type: ignore[arg-type]
    )
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.set_content(render(LONG_FAILURE, build=1))
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
        sideways = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert sideways <= 0
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == (
            "rgb(255, 255, 255)" if color_scheme == "light" else "rgb(30, 33, 41)"
        )
        # Nothing from elsewhere (its one request, to the server's live-reload address,
        # has no server to go to from a page set from a string).
        assert requests == []
    finally:
        context.close()
