"""`make bench`: how fast and light the site is for its readers and its writers.

Run from the project root as `python -m tools.bench` (see `--help`). The benchmark measures
with the tests' own tools (`tests.support`): the gzip server, the browser's network log and
the page-weight budgets.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = PROJECT_ROOT / "artifacts"
