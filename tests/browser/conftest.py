"""Browser fixtures: the built site served on loopback, driven in Debian's Chromium.

Without Chromium these tests skip with the reason, except under CI, where they must run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.support.browsing import Watched, watch
from tests.support.chromium import CHROMIUM_FLAGS, chromium_path
from tests.support.local_site import served_locally

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium() -> str:
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI is set but Chromium is missing: .ci/run installs it with apt-get")
        pytest.skip("no Chromium found (install Debian's chromium to run the browser tests)")
    return path


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built for, and served gzip-compressed at, a loopback address.

    Built for the address it is served at, its sitemap, canonical links and 404 page
    point at the server, so Material's instant navigation works as it does for readers.
    """
    with served_locally(tmp_path_factory.mktemp("served-site")) as url:
        yield url


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def watched_page(browser: Browser, site_url: str) -> Iterator[Watched]:
    """A fresh browser context (no stored palette or state) at a desktop size."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield watch(page, site_url)
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Folder for screenshots and reports (ignored by git)."""
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
