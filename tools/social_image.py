"""Draw the site's social image (docs/assets/social.png) with the local Chromium.

Link previews (Open Graph, Twitter cards) show it. It is committed, so the
build needs neither a browser nor the network; run this again after changing
the sides' names or identities in macros/data.py:

    .venv/bin/python -m tools.social_image
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

from macros.data import COMPARISON

ROOT = Path(__file__).resolve().parents[1]

OUTPUT = ROOT / "docs" / "assets" / "social.png"
WIDTH, HEIGHT = 1200, 630
CHROMIUM = "/usr/bin/chromium"


def plain(markdown: str) -> str:
    """The data's inline Markdown (`*app*`, `**bold**`) as escaped plain text."""
    return html.escape(re.sub(r"[*`]", "", markdown))


def card_html() -> str:
    sides = "".join(
        f'<div class="side"><h2>{plain(side.name)}</h2><p>{plain(side.identity)}</p>'
        f'<p class="place">the {plain(side.place)}</p></div>'
        for side in COMPARISON.sides
    )
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
    body {{ margin: 0; width: {WIDTH}px; height: {HEIGHT}px; box-sizing: border-box;
           padding: 64px 72px; background: #283593; color: #fff;
           font-family: "DejaVu Sans", "Liberation Sans", sans-serif; }}
    h1 {{ font-size: 64px; margin: 0 0 8px; letter-spacing: -1px; }}
    .tagline {{ font-size: 34px; margin: 0 0 56px; color: #c5cae9; }}
    .sides {{ display: flex; gap: 40px; }}
    .side {{ flex: 1; background: #3949ab; border-radius: 20px; padding: 28px 32px; }}
    h2 {{ font-size: 40px; margin: 0 0 12px; }}
    p {{ font-size: 28px; margin: 0; line-height: 1.3; }}
    .place {{ margin-top: 12px; color: #c5cae9; }}
    .footer {{ position: absolute; bottom: 40px; left: 72px; font-size: 24px; color: #c5cae9; }}
    </style></head><body>
    <h1>ChatGPT vs OpenAI Platform</h1>
    <p class="tagline">Same brain, different packaging</p>
    <div class="sides">{sides}</div>
    <div class="footer">LLM Cookbook</div>
    </body></html>"""


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        page.set_content(card_html())
        OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(OUTPUT), full_page=False)
        browser.close()
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
