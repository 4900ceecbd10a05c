"""Colour arithmetic run in the page, shared by the scripts the browser tests evaluate.

`COLOUR_FUNCTIONS` is JavaScript meant to open the body of an evaluated function. It defines:
`parse` (a computed colour to {r, g, b, a}), `over` (one colour painted over another),
`contrast` (WCAG's ratio of two opaque colours), `backgroundOf` (the colour painted at an
element: its background over its ancestors'), and `behindAt` (the colour painted at a point of
the screen by the boxes there, leaving out those `skip` accepts).
"""

from __future__ import annotations

COLOUR_FUNCTIONS = """
  const parse = (color) => {
    const parts = (color.match(/[\\d.]+/g) || ["0", "0", "0", "0"]).map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  };
  const over = (top, bottom) => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const white = { r: 255, g: 255, b: 255, a: 1 };
  const paint = (layers) => {
    const root = parse(getComputedStyle(document.documentElement).backgroundColor);
    return layers.reduceRight((below, layer) => over(layer, below), over(root, white));
  };
  const backgroundOf = (element) => {
    const layers = [];
    for (let node = element; node instanceof Element; node = node.parentElement) {
      const color = parse(getComputedStyle(node).backgroundColor);
      if (color.a > 0) layers.push(color);
      if (color.a === 1) break;
    }
    return paint(layers);
  };
  const behindAt = (x, y, skip) => {
    const layers = [];
    for (const element of document.elementsFromPoint(x, y)) {
      if (skip(element)) continue;
      const color = parse(getComputedStyle(element).backgroundColor);
      if (color.a > 0) layers.push(color);
      if (color.a === 1) break;
    }
    return paint(layers);
  };
  const luminance = ({ r, g, b }) => {
    const [R, G, B] = [r, g, b].map((v) => {
      v /= 255;
      return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const contrast = (one, two) => {
    const [light, dark] = [luminance(one), luminance(two)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  };
"""
