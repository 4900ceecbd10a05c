"""The served site loads in Chromium without errors or requests outside the site."""

from __future__ import annotations

from tests.support.browsing import Watched


def test_home_page_loads_in_chromium(watched_page: Watched) -> None:
    page = watched_page.page
    response = page.goto(watched_page.site_url, wait_until="networkidle")
    assert response is not None
    assert response.ok
    assert "ChatGPT" in page.title()
    assert watched_page.console_errors == []
    assert watched_page.external_requests() == []
