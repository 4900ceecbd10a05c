"""Waiting for the site search to answer what a reader typed, not a part of it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Locator, Page

from tests.support.helpers import wait_until

RESULT_LINKS = ".md-search-result__item .md-search-result__link"


def queries_answered(results: Locator) -> list[str]:
    """The query each shown result answers: Material puts it in the link's `h` parameter."""
    hrefs = results.evaluate_all("links => links.map(link => link.href)")
    return [parse_qs(urlsplit(href).query).get("h", [""])[0] for href in hrefs]


def wait_for_results_of(page: Page, words: str, timeout: float = 10) -> Locator:
    """The result links once they answer `words` whole.

    The index loads and queries run in a web worker, one query per key typed, and each
    answer replaces the list: results for a partial word ("resta") can be on screen for
    a moment, and a link focused or clicked then is gone when the next answer lands.
    """
    results = page.locator(RESULT_LINKS)

    def answers_the_query() -> bool:
        return words.casefold() in (query.casefold() for query in queries_answered(results))

    assert wait_until(answers_the_query, timeout=timeout), (
        f"search never answered {words!r}: shown {queries_answered(results)}"
    )
    return results
