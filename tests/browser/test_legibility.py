"""Every text of every page is legible on a phone: no font under 12 CSS px on a 375 px screen.

Lighthouse's `font-size` audit asks the same of most of a page's text; this asks it of every
visible text node, inline code and code blocks included, as the browser computes it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from tests.support.helpers import nav_urls
from tests.support.published import MISSING_PAGE, page_id

PAGES = [*nav_urls(), MISSING_PAGE]
PHONE: ViewportSize = {"width": 375, "height": 812}
MIN_FONT_PX = 12

# Each visible text node's font size, as `size px <tag class>: text`, for those under `minimum`.
SMALL_TEXTS = """
(minimum) => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    const text = node.textContent.trim();
    if (!text || !element) continue;
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if (range.getClientRects().length === 0) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < minimum) {
      const tag = `<${element.localName} class="${element.className}">`;
      small.push(`${size}px ${tag}: ${text.slice(0, 40)}`);
    }
  }
  return small;
}
"""


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True)
    yield context.new_page()
    context.close()


def small_texts(page: Page) -> list[str]:
    return list(page.evaluate(SMALL_TEXTS, MIN_FONT_PX))


@pytest.mark.parametrize("url_path", PAGES, ids=page_id)
def test_no_text_is_under_12_px_on_a_phone(phone: Page, site_url: str, url_path: str) -> None:
    phone.goto(site_url + url_path, wait_until="networkidle")
    texts = phone.evaluate("document.body.innerText.trim().length")
    assert texts > 0
    assert small_texts(phone) == []


def test_a_glossary_tooltip_is_legible_on_a_phone(phone: Page, site_url: str) -> None:
    phone.goto(site_url, wait_until="networkidle")
    term = phone.locator(".md-content abbr").first
    term.focus()
    tooltip = phone.get_by_role("tooltip").filter(has_text=str(term.get_attribute("title") or ""))
    expect(tooltip.first).to_be_visible()
    assert small_texts(phone) == []
