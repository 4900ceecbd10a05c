"""The mental model's picture as readers meet it: legible from 320 px, every line inside its
card in the browser's own font, right in both palettes and in forced colours, and two named
images to a screen reader."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from macros.data import COMPARISON
from macros.picture import PADDING, description, title
from tests.support.accessibility_tree import accessibility_tree
from tests.support.colours import COLOUR_FUNCTIONS
from tests.support.published import SCHEMES, page_id

PICTURE_PAGES = ("", "mental-model/")
PICTURE = "figure.mental-model-picture"
MIN_FONT_PX = 12
AXE = Axe()

# For each drawn line: how far it reaches past its card's padding, and its size on screen.
LINES = """
(figure, padding) => [...figure.querySelectorAll("svg")].flatMap(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  const right = svg.viewBox.baseVal.width - padding;
  return [...svg.querySelectorAll("text")].map(text => {
    const box = text.getBBox();
    return {
      text: text.textContent,
      overflow: box.x + box.width - right,
      size: parseFloat(getComputedStyle(text).fontSize) * scale,
    };
  });
})
"""

# Each drawn line's contrast with the page behind the picture, from the colours computed.
CONTRASTS = (
    """
figure => {"""
    + COLOUR_FUNCTIONS
    + """
  const behind = backgroundOf(figure);
  return [...figure.querySelectorAll("text")].map((text) => [
    text.textContent,
    contrast(over(parse(getComputedStyle(text).fill), behind), behind),
  ]);
}
"""
)


@contextlib.contextmanager
def opened(browser: Browser, url: str, width: int, **emulation: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": width, "height": 900}, **emulation)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        page.goto(url)
        expect(page.locator(PICTURE)).to_be_visible()
        yield page
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 375, 1280])
@pytest.mark.parametrize("url_path", PICTURE_PAGES, ids=page_id)
def test_every_line_is_legible_and_inside_its_card(
    browser: Browser, site_url: str, url_path: str, width: int
) -> None:
    with opened(browser, site_url + url_path, width) as page:
        picture = page.locator(PICTURE)
        lines = picture.evaluate(LINES, PADDING)
        assert lines
        past = [line["text"] for line in lines if line["overflow"] > 0]
        assert past == [], "lines drawn past the card's edge"
        small = [(line["text"], line["size"]) for line in lines if line["size"] < MIN_FONT_PX]
        assert small == [], f"text under {MIN_FONT_PX} px"
        box = picture.bounding_box()
        assert box is not None
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= width
        assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("forced", [False, True], ids=["palette", "forced-colours"])
@pytest.mark.parametrize("color_scheme", sorted(SCHEMES))
@pytest.mark.parametrize("url_path", PICTURE_PAGES, ids=page_id)
def test_the_picture_reads_in_every_palette(
    browser: Browser, site_url: str, url_path: str, color_scheme: str, forced: bool
) -> None:
    emulation = {"color_scheme": color_scheme, "forced_colors": "active" if forced else "none"}
    with opened(browser, site_url + url_path, 1280, **emulation) as page:
        expect(page.locator("body")).to_have_attribute(
            "data-md-color-scheme", SCHEMES[color_scheme]
        )
        picture = page.locator(PICTURE)
        weak = [
            (text, round(ratio, 2)) for text, ratio in picture.evaluate(CONTRASTS) if ratio < 4.5
        ]
        assert weak == [], "drawn text under 4.5:1 against the page"
        if forced:
            # Every line and stroke is in the system's text colour, as the page's text is.
            colours = picture.evaluate(
                """figure => ({
                  text: getComputedStyle(figure).color,
                  fills: [...figure.querySelectorAll("text")].map(t => getComputedStyle(t).fill),
                  strokes: [...figure.querySelectorAll("rect")]
                    .map(rect => getComputedStyle(rect).stroke),
                })"""
            )
            assert set(colours["fills"]) == {colours["text"]}
            assert set(colours["strokes"]) == {colours["text"]}
        results = AXE.run(page)
        assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("url_path", PICTURE_PAGES, ids=page_id)
def test_a_screen_reader_meets_two_named_and_described_images(
    browser: Browser, site_url: str, url_path: str
) -> None:
    with opened(browser, site_url + url_path, 375) as page:
        tree = accessibility_tree(page)
        images = {node.name: node for node in tree.with_role("image")}
        for side in COMPARISON.sides:
            assert title(side) in images, sorted(images)
            image = images[title(side)]
            assert " ".join(image.description.split()) == description(side)
            # What the card draws is said once, by its description, not line by line too.
            assert tree.text(image) == ""
