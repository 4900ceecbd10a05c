"""Page-weight budgets, kept in one place: the size guard in the tests and `make bench` read them.

Bytes are compressed bytes on the wire (gzip, as GitHub Pages serves the site); 1 KB = 1000 bytes.
"""

from __future__ import annotations

KB = 1000

# A page opened first, with an empty cache: HTML, styles, scripts, search index, everything.
FIRST_VIEW_BYTES = 100 * KB
FIRST_VIEW_REQUESTS = 12
# The one page allowed more: First calls holds the ten highlighted examples and, since what
# each chat model takes, where responses are kept and how a stream fails joined it (issue 22),
# measures about 100.6 KB; it was 99.2 KB. Every other page keeps the 100 KB budget.
FIRST_VIEW_BYTES_OF_PAGE = {"first-calls/": 102 * KB}


def first_view_bytes(url_path: str) -> int:
    """The first-view budget of the page at `url_path` ("" for the home page)."""
    return FIRST_VIEW_BYTES_OF_PAGE.get(url_path, FIRST_VIEW_BYTES)


# The next page reached by Material's instant navigation: only its HTML should travel.
INSTANT_NAVIGATION_BYTES = 10 * KB
INSTANT_NAVIGATION_REQUESTS = 1
