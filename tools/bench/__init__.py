"""`make bench`: how fast and light the site is for its readers and its writers.

Run from the project root as `python -m bench` (see `--help`). The benchmark measures with
the tests' own tools: the gzip server, the browser's network log and the page-weight budgets.
"""

from __future__ import annotations

import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = PROJECT_ROOT / "artifacts"

if str(PROJECT_ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT / "tests"))
