"""The size guard, from the browser's network log: each page's first view, and the next page.

`site_url` (conftest.py) is the site built for the loopback address it is served at, gzip
like GitHub Pages, so Material's instant navigation works as for readers.
Budgets: tests/support/budgets.py.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.support.budgets import (
    FIRST_VIEW_BYTES,
    FIRST_VIEW_REQUESTS,
    INSTANT_NAVIGATION_BYTES,
    INSTANT_NAVIGATION_REQUESTS,
)
from tests.support.helpers import nav_urls
from tests.support.page_weight import first_view, instant_navigation
from tests.support.published import page_id

PAGES = nav_urls()


@pytest.mark.parametrize("url_path", PAGES, ids=page_id)
def test_the_first_view_fits_the_budget(browser: Browser, site_url: str, url_path: str) -> None:
    weight = first_view(browser, site_url + url_path)
    assert weight.full_page_loads() == [site_url + url_path]
    assert weight.requests <= FIRST_VIEW_REQUESTS, [t.url for t in weight.transfers]
    assert weight.bytes <= FIRST_VIEW_BYTES, {t.url: t.bytes for t in weight.transfers}


def test_the_next_pages_come_by_instant_navigation(browser: Browser, site_url: str) -> None:
    home, next_pages = instant_navigation(browser, site_url)
    assert home.requests > 1
    assert [page.url for page in next_pages] == [site_url + path for path in PAGES[1:]]
    assert [page.full_page_loads() for page in next_pages] == [[] for _ in next_pages]
    second_page = next_pages[0]
    assert [transfer.url for transfer in second_page.transfers] == [second_page.url]
    assert second_page.requests <= INSTANT_NAVIGATION_REQUESTS
    assert second_page.bytes <= INSTANT_NAVIGATION_BYTES
