"""What the screen shows, pixel by pixel: a screenshot read back by the browser itself.

Some marks are painted by several rules at once (a border under a bar that a script moves,
in colours the system forces), and only the pixels say which one shows. Chromium decodes its
own PNG in a page of its own with scripts on, so this works for a page whose scripts are off.
"""

from __future__ import annotations

import base64

from playwright.sync_api import Locator, Page

DECODE = """
async (data) => {
  const blob = await (await fetch(`data:image/png;base64,${data}`)).blob();
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext("2d");
  context.drawImage(bitmap, 0, 0);
  const { data: rgba } = context.getImageData(0, 0, bitmap.width, bitmap.height);
  return { width: bitmap.width, rows: bitmap.height, rgba: Array.from(rgba) };
}
"""

RGB = tuple[int, int, int]


def bottom_edge(element: Locator, decoder: Page, rows: int = 2, inset: int = 4) -> list[RGB]:
    """The pixels of `element`'s lowest `rows` rows, `inset` pixels in from either side."""
    png = element.screenshot(animations="disabled", scale="css")
    image = decoder.evaluate(DECODE, base64.b64encode(png).decode("ascii"))
    width, height, rgba = image["width"], image["rows"], image["rgba"]
    pixels = []
    for y in range(max(0, height - rows), height):
        for x in range(inset, width - inset):
            at = (y * width + x) * 4
            pixels.append((rgba[at], rgba[at + 1], rgba[at + 2]))
    return pixels


def luminance(colour: RGB) -> float:
    channels = []
    for value in colour:
        c = value / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


def contrast(one: RGB, two: RGB) -> float:
    light, dark = sorted((luminance(one), luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
