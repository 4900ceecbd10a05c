"""What a reader may bring to a page besides a mouse: a dark system palette, forced colours
(Windows High Contrast) in either scheme, JavaScript turned off.

JavaScript is turned off through the DevTools protocol (as Playwright's own option does), on
the page's session: axe, which runs on timers, needs it back on for its scan, and it is off
again before anything else happens. A page loaded without scripts keeps what it loaded as:
scripts skipped while the page was parsed do not run later.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from playwright.sync_api import CDPSession


@dataclass(frozen=True)
class Mode:
    name: str
    """A short id for tests and reports: `forced-dark`."""
    color_scheme: str
    """The system palette Chromium reports: `light` or `dark`."""
    forced_colors: bool
    javascript: bool

    def __str__(self) -> str:
        return self.name

    def context_options(self) -> dict[str, Any]:
        return {
            "color_scheme": self.color_scheme,
            "forced_colors": "active" if self.forced_colors else "none",
        }


LIGHT = Mode("light", "light", forced_colors=False, javascript=True)
DARK = Mode("dark", "dark", forced_colors=False, javascript=True)
FORCED_LIGHT = Mode("forced-light", "light", forced_colors=True, javascript=True)
FORCED_DARK = Mode("forced-dark", "dark", forced_colors=True, javascript=True)
# Without scripts the page cannot follow the system palette (Material's bundle sets it):
# a dark system gets the same page as a light one.
NO_SCRIPT = Mode("no-js", "light", forced_colors=False, javascript=False)

MODES = (LIGHT, DARK, FORCED_LIGHT, FORCED_DARK, NO_SCRIPT)
FORCED = (FORCED_LIGHT, FORCED_DARK)


def set_scripts(cdp: CDPSession, *, enabled: bool) -> None:
    """Allow or block the page's scripts from the next thing it runs or loads on."""
    cdp.send("Emulation.setScriptExecutionDisabled", {"value": not enabled})


@contextlib.contextmanager
def scripts_for_a_scan(cdp: CDPSession, mode: Mode) -> Iterator[None]:
    """Scripts on for a scan (axe) of a page loaded in `mode`, and off again after it."""
    if not mode.javascript:
        set_scripts(cdp, enabled=True)
    try:
        yield
    finally:
        if not mode.javascript:
            set_scripts(cdp, enabled=False)
