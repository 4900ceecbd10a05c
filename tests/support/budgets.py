"""Page-weight budgets, kept in one place: the size guard in the tests and `make bench` read them.

Bytes are compressed bytes on the wire (gzip, as GitHub Pages serves the site); 1 KB = 1000 bytes.
"""

from __future__ import annotations

KB = 1000

# A page opened first, with an empty cache: HTML, styles, scripts, search index, everything.
# Every page, First calls and its ten highlighted examples included.
FIRST_VIEW_BYTES = 100 * KB
FIRST_VIEW_REQUESTS = 12

# The next page reached by Material's instant navigation: only its HTML should travel.
INSTANT_NAVIGATION_BYTES = 10 * KB
INSTANT_NAVIGATION_REQUESTS = 1
