"""Each page applies its stylesheets once (overrides/main.html says why).

Material's bundle makes every relative URL absolute when it starts; done to a stylesheet
link after the page has painted, that has the browser restyle the whole page in the
bundle's first task. The page makes its stylesheet links absolute while it is only its
<head>, so that the bundle finds nothing to change.
"""

from __future__ import annotations

import pytest

from tests.support.browsing import Watched
from tests.support.helpers import nav_urls
from tests.support.published import MISSING_PAGE

# Every change of a stylesheet link's URL, and whether <body> existed when it was made.
RECORD_CHANGES = """
window.stylesheetChanges = [];
new MutationObserver((records) => {
  for (const record of records) {
    const link = record.target;
    if (link.matches("link[rel=stylesheet]") && record.oldValue !== link.getAttribute("href")) {
      window.stylesheetChanges.push({ to: link.getAttribute("href"), withBody: !!document.body });
    }
  }
}).observe(document, { subtree: true, attributeFilter: ["href"], attributeOldValue: true });
"""


@pytest.mark.parametrize("url_path", [*nav_urls(), MISSING_PAGE])
def test_stylesheet_links_change_only_before_the_body(watched_page: Watched, url_path: str) -> None:
    page = watched_page.page
    page.add_init_script(RECORD_CHANGES)
    page.goto(watched_page.site_url + url_path, wait_until="load")
    page.wait_for_function("typeof window.document$ !== 'undefined'")  # Material's bundle ran
    changes = page.evaluate("window.stylesheetChanges")
    hrefs = page.eval_on_selector_all(
        "link[rel=stylesheet]", "ls => ls.map(l => l.getAttribute('href'))"
    )
    assert changes, "no stylesheet link was made absolute"
    assert [change for change in changes if change["withBody"]] == []
    assert all(href.startswith(watched_page.site_url) for href in hrefs), hrefs
