"""What a page costs a reader on the network, read from the browser's own log.

Shared by the size guard (tests/browser/test_page_weight.py) and `make bench`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, Request, ViewportSize

# Lighthouse's mobile screen; the bytes do not depend on it, but the first view should be a phone's.
PHONE: ViewportSize = {"width": 412, "height": 823}
NEXT_PAGE_LINK = "a.md-footer__link--next"
# Material's document$ emits once per page shown, the first load and each instant navigation
# alike, after the new page is in place and the scripts subscribed to it have run.
COUNT_PAGES_SHOWN = (
    "document$.subscribe(() => { window.pagesShown = (window.pagesShown || 0) + 1; })"
)


@dataclass(frozen=True)
class Transfer:
    url: str
    resource_type: str
    bytes: int


@dataclass(frozen=True)
class PageWeight:
    url: str
    transfers: tuple[Transfer, ...]

    @property
    def bytes(self) -> int:
        return sum(transfer.bytes for transfer in self.transfers)

    @property
    def requests(self) -> int:
        return len(self.transfers)

    def full_page_loads(self) -> list[str]:
        return [t.url for t in self.transfers if t.resource_type == "document"]


def wire_bytes(request: Request) -> int | None:
    """Response headers plus the compressed body as they crossed the network; None if cached.

    Chromium reports what arrived minus the headers as the body size: negative when its cache
    answered, 0 for the requests of a web worker (Material's search worker script), whose
    compressed size the Content-Length header then gives.
    """
    sizes = request.sizes()
    if sizes["responseBodySize"] < 0:
        return None
    response = request.response()
    length = response.headers.get("content-length") if response else None
    body = sizes["responseBodySize"] or (int(length) if length is not None else 0)
    return sizes["responseHeadersSize"] + body


@dataclass
class NetworkLog:
    """Every finished request of a page, until taken."""

    page: Page
    _transfers: list[Transfer] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.page.on("requestfinished", self._record)

    def _record(self, request: Request) -> None:
        if urlsplit(request.url).scheme not in ("http", "https"):
            return
        size = wire_bytes(request)
        if size is not None:
            self._transfers.append(Transfer(request.url, request.resource_type, size))

    def take(self, url: str) -> PageWeight:
        weight = PageWeight(url, tuple(self._transfers))
        self._transfers.clear()
        return weight


def is_request_for(url: str, request: Request) -> bool:
    return request.url == url


def first_view(browser: Browser, url: str) -> PageWeight:
    """Open `url` in a fresh context (empty cache) and wait until the network is idle."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        log = NetworkLog(page)
        page.goto(url, wait_until="networkidle")
        return log.take(url)
    finally:
        context.close()


def instant_navigation(browser: Browser, start_url: str) -> tuple[PageWeight, list[PageWeight]]:
    """The first view of `start_url`, then each next page reached through the footer's link."""
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        log = NetworkLog(page)
        page.goto(start_url, wait_until="networkidle")
        first = log.take(start_url)
        page.evaluate(COUNT_PAGES_SHOWN)
        next_pages = []
        while (link := page.query_selector(NEXT_PAGE_LINK)) is not None:
            target = str(link.evaluate("link => link.href"))
            shown = int(page.evaluate("window.pagesShown"))
            with page.expect_request_finished(partial(is_request_for, target)):
                link.click()
            # Not just the HTML: the page swapped in, and what its scripts asked for on showing it.
            page.wait_for_function(f"window.pagesShown > {shown}")
            next_pages.append(log.take(target))
        return first, next_pages
    finally:
        context.close()
