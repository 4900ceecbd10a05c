"""Page-weight budgets, kept in one place: the size guard in the tests and `make bench` read them.

Bytes are compressed bytes on the wire (gzip, as GitHub Pages serves the site); 1 KB = 1000 bytes.
"""

from __future__ import annotations

KB = 1000

# A page opened first, with an empty cache: HTML, styles, scripts, icon, search index, everything.
FIRST_VIEW_BYTES = 100 * KB
# First calls shows ten highlighted examples (Python and curl for each knob): its own HTML is
# 16 KB compressed, against 6 KB for the home page, so it gets its own, larger first view.
FIRST_VIEW_BYTES_BY_PAGE = {"first-calls/": 110 * KB}
FIRST_VIEW_REQUESTS = 12

# The next page reached by Material's instant navigation: only its HTML should travel.
INSTANT_NAVIGATION_BYTES = 10 * KB
INSTANT_NAVIGATION_REQUESTS = 1


def first_view_bytes(url_path: str) -> int:
    """The first-view budget of the page at `url_path` (`""` for home, `"decide/"`)."""
    return FIRST_VIEW_BYTES_BY_PAGE.get(url_path, FIRST_VIEW_BYTES)
