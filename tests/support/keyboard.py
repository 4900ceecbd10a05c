"""A keyboard reader's walk through a page: press Tab, look at where the focus went.

Each stop is measured once the page has come to rest (transitions finished, scrolling
done), as a reader would see it: where the focus indicator is on screen, whether
something covers it, the contrast of its outline against what lies behind it, and
the name Chromium's accessibility tree gives the focused element.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from playwright.sync_api import CDPSession, Page

from tests.support.colours import COLOUR_FUNCTIONS

# The page's parts in the order a reader meets them on screen: a focus stop never
# goes back to an earlier part. Each is a CSS selector for the part's container.
REGIONS = (
    ("skip link", ".md-skip"),
    ("header", ".md-header"),
    ("navigation", ".md-sidebar--primary"),
    ("article", ".md-content"),
    ("contents", ".md-sidebar--secondary"),
    ("back to top", ".md-top"),
    ("footer", ".md-footer"),
)

# Runs in the page once the focus has moved: waits for the page to come to rest,
# then measures the focused element, or, for a control drawn by its label (a
# visually hidden radio), the label that shows it.
MEASURE_FOCUS = (
    """
async ([regions, settle]) => {"""
    + COLOUR_FUNCTIONS
    + """
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  for (let still = settle ? 0 : 2; still < 2; ) {
    // Transitions and finite animations; one cancelled on the way counts as done.
    const running = document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(running.map((animation) => animation.finished.catch(() => null)));
    const before = [scrollX, scrollY];
    await frame();
    await frame();
    still = before[0] === scrollX && before[1] === scrollY ? still + 1 : 0;
  }
  const focused = document.activeElement;
  if (!focused || focused === document.body) return null;
  // Marked on its first visit, so a walk knows when it has come round again.
  const seen = focused.dataset.walked === "yes";
  focused.dataset.walked = "yes";

  const shown = (element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const seen = style.opacity !== "0" && style.visibility === "visible";
    return box.width > 1 && box.height > 1 && seen;
  };
  let indicator = focused;
  if (!shown(focused)) {
    const next = focused.nextElementSibling;
    const candidates = [next?.localName === "label" ? next : null, ...(focused.labels || [])];
    indicator = candidates.find((label) => label && shown(label)) || focused;
  }

  const style = getComputedStyle(indicator);
  const box = indicator.getBoundingClientRect();
  const width = parseFloat(style.outlineWidth);
  const offset = parseFloat(style.outlineOffset);
  let ringContrast = 0;
  if (style.outlineStyle !== "none" && width >= 1) {
    // Behind the middle of each side of the outline: what the ring is seen against.
    const out = offset + width / 2;
    const points = [
      [box.left - out, box.top + box.height / 2],
      [box.right + out, box.top + box.height / 2],
      [box.left + box.width / 2, box.top - out],
      [box.left + box.width / 2, box.bottom + out],
    ].filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
    const ring = parse(style.outlineColor);
    const contrasts = points.map(([x, y]) => {
      const behind = document
        .elementsFromPoint(x, y)
        .find((element) => offset < 0 || !indicator.contains(element));
      const background = backgroundOf(behind || document.documentElement);
      return contrast(over(ring, background), background);
    });
    ringContrast = contrasts.length ? Math.min(...contrasts) : 0;
  }

  // On screen and not covered: the whole first line box lies within the screen, and
  // its middle and the middle of its top and bottom edges show the indicator (a ring
  // drawn outside the box may touch the edge, as browsers scroll the box, not its
  // ring). A box taller than the screen (a long code block) cannot be all in view:
  // its part on screen is judged instead.
  const first = indicator.getClientRects()[0] || box;
  const [top, bottom] =
    first.height > innerHeight
      ? [Math.max(first.top, 0), Math.min(first.bottom, innerHeight)]
      : [first.top, first.bottom];
  const inView =
    first.left >= -0.5 &&
    first.right <= innerWidth + 0.5 &&
    top >= -0.5 &&
    bottom <= innerHeight + 0.5 &&
    bottom > top;
  const x = first.left + first.width / 2;
  const inset = Math.min(2, (bottom - top) / 2);
  const shows = (y) => {
    const at = document.elementFromPoint(x, y);
    return !!at && (indicator.contains(at) || at.contains(indicator));
  };
  const uncovered =
    inView && [top + inset, (top + bottom) / 2, bottom - inset].every((y) => shows(y));
  // Seen at all: a box at opacity 0 (or inside one) is hit by the pointer all the same.
  let opacity = getComputedStyle(indicator).visibility === "visible" ? 1 : 0;
  for (let node = indicator; node instanceof Element; node = node.parentElement) {
    opacity *= parseFloat(getComputedStyle(node).opacity);
  }

  const region = regions.findIndex((selector) => focused.closest(selector));
  const label = (focused.getAttribute("aria-label") || focused.textContent || "").trim();
  return {
    seen,
    description: `${focused.localName}.${[...focused.classList].join(".")} "${label.slice(0, 40)}"`,
    region,
    onScreen: inView && uncovered && opacity >= MIN_OPACITY,
    opacity,
    ringContrast,
    left: first.left + scrollX,
    right: first.right + scrollX,
    top: first.top + scrollY,
    box: [box.left + scrollX, box.top + scrollY, box.right + scrollX, box.bottom + scrollY],
  };
}
"""
).replace("MIN_OPACITY", "0.5")


@dataclass(frozen=True)
class FocusStop:
    description: str
    """Tag, classes and text of the focused element, to name it in a failure."""
    name: str
    """Its accessible name, as Chromium's accessibility tree computes it."""
    region: int
    """Index in REGIONS of the part of the page it is in (-1: none)."""
    on_screen: bool
    """In view, not covered, and not faded out (at least half opaque, its parents included)."""
    opacity: float
    ring_contrast: float
    """Contrast of its focus outline against what lies behind it (0: no outline)."""
    left: float
    right: float
    top: float
    """Position of its first line on the page (not the viewport)."""
    box: tuple[float, float, float, float]
    """Its whole box on the page: left, top, right, bottom."""
    seen: bool = False
    """Whether the walk has been here before on this page."""

    @property
    def region_name(self) -> str:
        return REGIONS[self.region][0] if self.region >= 0 else "outside every part"


def accessible_name(page: Page, cdp: CDPSession) -> str:
    handle = cdp.send("Runtime.evaluate", {"expression": "document.activeElement"})
    nodes = cdp.send(
        "Accessibility.getPartialAXTree",
        {"objectId": handle["result"]["objectId"], "fetchRelatives": False},
    )["nodes"]
    return str(nodes[0].get("name", {}).get("value", "")).strip() if nodes else ""


# Injected after each load: with no motion, "at rest" comes at once, on a busy machine too.
STILL = """
*, *::before, *::after {
  transition-duration: 0s !important;
  transition-delay: 0s !important;
  animation-duration: 0s !important;
  scroll-behavior: auto !important;
}
"""


def hold_still(page: Page) -> None:
    """Switch off transitions, animations and smooth scrolling on the loaded page.

    Added by hand: Playwright's add_style_tag waits for a load event, which never comes
    to a page whose scripts are off.
    """
    page.evaluate(
        "css => document.head.append(Object.assign(document.createElement('style'), "
        "{ textContent: css }))",
        STILL,
    )


# An inline handler runs only where the page's own scripts may: a probe for JavaScript off.
SCRIPTS_RUN = """
() => {
  const probe = document.createElement("i");
  probe.setAttribute("onclick", "this.dataset.ran = 'yes'");
  probe.click();
  return probe.dataset.ran === "yes";
}
"""


def scripts_run(page: Page) -> bool:
    """Whether the page's scripts run (a reader may have turned JavaScript off)."""
    return bool(page.evaluate(SCRIPTS_RUN))


def focus_stop(page: Page, cdp: CDPSession) -> FocusStop | None:
    """Where the focus is now, once the page is at rest; None on the page itself."""
    regions = [selector for _, selector in REGIONS]
    measured = page.evaluate(MEASURE_FOCUS, [regions, scripts_run(page)])
    if measured is None:
        return None
    return FocusStop(
        description=measured["description"],
        name=accessible_name(page, cdp),
        region=measured["region"],
        on_screen=measured["onScreen"],
        opacity=measured["opacity"],
        ring_contrast=measured["ringContrast"],
        left=measured["left"],
        right=measured["right"],
        top=measured["top"],
        box=tuple(measured["box"]),
        seen=measured["seen"],
    )


def tab_through(page: Page, cdp: CDPSession, limit: int = 400) -> list[FocusStop]:
    """Every stop from the top of the page until the focus leaves it or comes round again."""
    stops: list[FocusStop] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = focus_stop(page, cdp)
        if stop is None or stop.seen:
            return stops
        stops.append(stop)
    raise AssertionError(f"still tabbing after {limit} stops: {stops[-3:]}")


def stops_before_article(stops: list[FocusStop]) -> int:
    article = next(index for index, (name, _) in enumerate(REGIONS) if name == "article")
    return next((i for i, stop in enumerate(stops) if stop.region == article), len(stops))


def out_of_order(stops: list[FocusStop]) -> list[tuple[FocusStop, FocusStop]]:
    """Pairs of successive stops where the focus goes against the reading order.

    It may not go back to an earlier part of the page. Within a part it reads down,
    or up only into the next column to the right (a grid of cards, a table's row) or
    out to a box around the previous stop (a code block after its copy button).
    """
    wrong = []
    for before, after in pairwise(stops):
        back_a_part = after.region < before.region
        up_and_left = (
            after.region == before.region
            and after.top < before.top - 2
            and after.left < before.right - 2
        )
        if back_a_part or (up_and_left and not contains(after.box, before.box)):
            wrong.append((before, after))
    return wrong


def contains(
    outer: tuple[float, float, float, float], inner: tuple[float, float, float, float]
) -> bool:
    return (
        outer[0] <= inner[0] + 1
        and outer[1] <= inner[1] + 1
        and inner[2] <= outer[2] + 1
        and inner[3] <= outer[3] + 1
    )
