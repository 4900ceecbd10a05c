"""Screenshots of the home and decision pages in both palettes, on a desktop and a phone.

The pictures land in artifacts/screenshots/ for a person to look at. The test itself checks
what can be measured: the page never scrolls sideways, and every table fits the screen
(a wide table scrolls inside its own box instead of pushing the page).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.support.published import SCHEMES, page_id

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}
SHOWN_PAGES = ("", "decide/")
# (page, system colour scheme, viewport): every combination gets a picture.
SHOTS = list(itertools.product(SHOWN_PAGES, SCHEMES, VIEWPORTS))


def sideways_overflow(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


def tables_past_the_edge(page: Page) -> list[str]:
    return [
        str(text)[:60]
        for text in page.locator("article table").evaluate_all(
            """tables => tables
                .filter(table => table.parentElement.getBoundingClientRect().right
                                 > document.documentElement.clientWidth + 1)
                .map(table => table.innerText)"""
        )
    ]


@pytest.mark.parametrize(
    "shot", SHOTS, ids=["-".join((page_id(shot[0]), *shot[1:])) for shot in SHOTS]
)
def test_page_reads_well_on_desktop_and_phone(
    browser: Browser, site_url: str, artifacts: Path, shot: tuple[str, str, str]
) -> None:
    url_path, color_scheme, viewport = shot
    context = browser.new_context(
        color_scheme=color_scheme,  # type: ignore[arg-type]
        viewport=VIEWPORTS[viewport],  # type: ignore[arg-type]
    )
    try:
        page = context.new_page()
        page.goto(site_url + url_path, wait_until="networkidle")
        page.screenshot(
            path=artifacts / f"{page_id(url_path)}-{SCHEMES[color_scheme]}-{viewport}.png",
            full_page=True,
        )
        assert sideways_overflow(page) <= 0
        assert tables_past_the_edge(page) == []
    finally:
        context.close()
