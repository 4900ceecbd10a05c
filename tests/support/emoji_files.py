"""The emoji the site draws as pictures: Twemoji's SVG files in overrides/.icons/twemoji/.

A page names one as `:twemoji-brain:` (Material's emoji extension writes the file's SVG into
the page); each file is named after the emoji's Twemoji short name, which pymdownx's index
turns back into its character.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from pymdownx import twemoji_db

from tests.support.helpers import DOCS, PROJECT_ROOT

TWEMOJI = PROJECT_ROOT / "overrides" / ".icons" / "twemoji"
SHORTCODE = re.compile(r":twemoji-([\w+-]+):")
# Characters drawn by an emoji font: pictographs, symbols, dingbats, and the variation selector.
EMOJI_CHARACTER = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f]")


def emoji_files() -> dict[str, Path]:
    """Each emoji the site can draw, by its short name: `brain` → brain.svg."""
    return {path.stem: path for path in sorted(TWEMOJI.glob("*.svg"))}


def character(name: str) -> str:
    """The character of a Twemoji short name (`brain` → 🧠); KeyError for no such emoji."""
    codes = str(twemoji_db.emoji[f":{name}:"]["unicode"]).split("-")
    return "".join(chr(int(code, 16)) for code in codes)


def shortcodes_in_docs() -> dict[str, set[str]]:
    """Every emoji short name the pages use, with the pages that use it."""
    used: dict[str, set[str]] = {}
    for page in sorted(DOCS.rglob("*.md")):
        for name in SHORTCODE.findall(page.read_text(encoding="utf-8")):
            used.setdefault(name, set()).add(page.relative_to(DOCS).as_posix())
    return used


def _parsed_svg(markup: str) -> str:
    svg = BeautifulSoup(markup, "html.parser").find("svg")
    assert isinstance(svg, Tag), "no <svg> in the markup"
    return str(svg)


def drawn_character(picture: Tag) -> str:
    """The character whose Twemoji file a page's `.twemoji` picture is; AssertionError if none."""
    shown = _parsed_svg(str(picture))
    for name, path in emoji_files().items():
        if _parsed_svg(path.read_text(encoding="utf-8")) == shown:
            return character(name)
    raise AssertionError(f"the picture is no file of {TWEMOJI}: {shown[:80]}")


def text_with_emoji(tag: Tag) -> str:
    """The text of `tag`, each emoji picture in it written as its character."""
    tag = copy.copy(tag)
    for picture in tag.select(".twemoji"):
        picture.replace_with(drawn_character(picture))
    return tag.get_text()
