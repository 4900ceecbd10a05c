"""Every control of a page at rest, as a reader sees it before pointing at it or tabbing to
it: how far what shows it apart stands out from what lies behind it (WCAG 1.4.11, 3:1).

A touch screen has no hover, so a control's resting look is all its reader gets. What shows a
control is its text, its icon (an SVG, or a masked box such as Material's copy button), its
border or its own background; the cue that stands out most counts. Each control is scrolled
to the middle of the screen to read what lies behind it (a copy button floats over its code),
all in one synchronous run, so no script of the page answers the scrolling in between.
"""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page

from tests.support.colours import COLOUR_FUNCTIONS

# What a reader can operate. A radio or checkbox drawn by its label (hidden itself) is
# judged by that label, which is a control too.
CONTROLS = (
    "a[href], button, input:not([type=hidden]), select, textarea, summary,"
    " label[for], [tabindex]:not([tabindex='-1'])"
)

MEASURE_AT_REST = (
    """
(selector) => {"""
    + COLOUR_FUNCTIONS
    + """
  const opacityOf = (element) => {
    let opacity = 1;
    for (let node = element; node instanceof Element; node = node.parentElement) {
      opacity *= parseFloat(getComputedStyle(node).opacity);
    }
    return opacity;
  };
  const seen = (element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return box.width > 1 && box.height > 1 && style.visibility === "visible"
      && opacityOf(element) > 0.1;
  };
  const described = (element) => {
    const words = (element.getAttribute("aria-label") || element.textContent || "").trim();
    return `${element.localName}.${[...element.classList].join(".")} "${words.slice(0, 30)}"`;
  };
  // A control's kind, for the report: its tag and first class, or its parent's.
  const kind = (element) => {
    const own = element.classList[0] || element.parentElement?.classList[0] || "";
    return own ? `${element.localName}.${own}` : element.localName;
  };
  const ink = (color, opacity) => ({ ...color, a: color.a * opacity });

  const busy = [...document.querySelectorAll(":hover, :focus")].filter(
    (element) => element.matches(selector),
  );
  const results = [];
  const { scrollX: startX, scrollY: startY } = window;
  for (const control of document.querySelectorAll(selector)) {
    if (!seen(control)) continue;
    control.scrollIntoView({ block: "center", inline: "nearest" });
    const box = control.getBoundingClientRect();
    const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
    const inside = (element) => control.contains(element);
    // Behind the control's own paint, and behind whatever it draws inside it.
    const behindControl = behindAt(x, y, (element) => inside(element));
    const behindContent = behindAt(x, y, (element) => inside(element) && element !== control);
    const opacity = opacityOf(control);
    const cues = [];
    const style = getComputedStyle(control);
    const against = (colour, behind) => contrast(over(ink(parse(colour), opacity), behind), behind);
    const text = (colour) => against(colour, behindContent);
    if ((control.innerText || control.value || "").trim()) cues.push(["text", text(style.color)]);
    if (control.placeholder && !control.value) {
      cues.push(["text", text(getComputedStyle(control, "::placeholder").color)]);
    }
    for (const svg of control.querySelectorAll("svg")) {
      if (!seen(svg)) continue;
      const fill = ink(parse(getComputedStyle(svg).fill), opacityOf(svg));
      cues.push(["icon", contrast(over(fill, behindContent), behindContent)]);
    }
    for (const element of [control, ...control.querySelectorAll("*")]) {
      for (const pseudo of ["::before", "::after"]) {
        const drawn = getComputedStyle(element, pseudo);
        if (drawn.content === "none" || drawn.display === "none") continue;
        if (drawn.maskImage === "none" && drawn.webkitMaskImage === "none") continue;
        const fill = ink(parse(drawn.backgroundColor), opacityOf(element));
        cues.push(["icon", contrast(over(fill, behindContent), behindContent)]);
      }
    }
    for (const side of ["Top", "Right", "Bottom", "Left"]) {
      if (parseFloat(style[`border${side}Width`]) < 1) continue;
      if (["none", "hidden"].includes(style[`border${side}Style`])) continue;
      const line = ink(parse(style[`border${side}Color`]), opacity);
      cues.push(["border", contrast(over(line, behindControl), behindControl)]);
    }
    const fill = ink(parse(style.backgroundColor), opacity);
    if (fill.a > 0) cues.push(["background", contrast(over(fill, behindControl), behindControl)]);
    const best = (one, other) => (other[1] > one[1] ? other : one);
    const [cue, ratio] = cues.reduce(best, ["none", 1]);
    results.push({ kind: kind(control), description: described(control), cue, ratio });
  }
  window.scrollTo(startX, startY);
  return { busy: busy.map(described), controls: results };
}
"""
)


@dataclass(frozen=True)
class ControlAtRest:
    kind: str
    """Tag and first class (`button.md-code__button`): the report groups controls by it."""
    description: str
    cue: str
    """What shows the control best: `text`, `icon`, `border`, `background` or `none`."""
    ratio: float


def controls_at_rest(page: Page) -> list[ControlAtRest]:
    """Every control seen on the page, with the contrast of its best cue; fails if one is
    hovered or focused (then it is not at rest)."""
    measured = page.evaluate(MEASURE_AT_REST, CONTROLS)
    assert not measured["busy"], f"not at rest, hovered or focused: {measured['busy']}"
    return [
        ControlAtRest(
            kind=item["kind"],
            description=item["description"],
            cue=item["cue"],
            ratio=item["ratio"],
        )
        for item in measured["controls"]
    ]
