"""The mental model as a picture: the restaurant and the kitchen, one card a side, in SVG.

A pure function of the comparison data, like the tables: each side's card shows its place
and name, what using it feels like, what you deal with, what its owner handles, and its
motto, all taken from the `Side` record. Change a wording in `data.py` and the card follows.

Each card is an `<svg role="img">` named by its `<title>` and described by its `<desc>`,
which says in words what the card draws. Colours come from classes that
`docs/assets/stylesheets/site.css` ("The mental model as a picture") maps to the palette
and, in forced colours, to system colours; text is drawn in `currentColor`. No script.

SVG text does not wrap, so the lines are broken here, by an estimate of each character's
width in DejaVu Sans, the widest of the sans-serif fonts the page may fall back to.
`tests/browser/test_picture.py` measures the drawn lines in Chromium.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser
from typing import Literal

import markdown

from .model import Comparison, Side

WIDTH = 288
"""A card's width in CSS pixels: a 320 px screen has 288 px beside Material's margins, so a
card is never drawn smaller than this, and its text never smaller than `TEXT_SIZE`."""
PADDING = 16
BOX_PADDING = 10
TEXT_SIZE = 14
NAME_SIZE = 20
LINE = 20
"""The distance between two lines of `TEXT_SIZE` text."""
BULLET = "•"
BULLET_INDENT = 14

Style = Literal["", "em", "strong", "code"]


@dataclass(frozen=True)
class Run:
    """A stretch of text in one style."""

    text: str
    style: Style = ""


@dataclass(frozen=True)
class Group:
    """A box of the card: a label ("You deal with") and its items."""

    label: str
    items: tuple[str, ...]
    yours: bool
    """Whether the reader carries it: drawn tinted, the owner's boxes plain."""


class _InlineRuns(HTMLParser):
    """Python-Markdown's HTML for one line of text, as runs of plain, emphasised and bold text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[Run] = []
        self._styles: list[Style] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("em", "strong", "code"):
            self._styles.append(tag)  # type: ignore[arg-type]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("em", "strong", "code") and self._styles:
            self._styles.pop()

    def handle_data(self, data: str) -> None:
        self.runs.append(Run(data, self._styles[-1] if self._styles else ""))


# One converter, reset for each line: building Python-Markdown anew for each of the
# picture's hundred-odd lines took twice as long (40 ms of every build).
_MARKDOWN = markdown.Markdown()


def runs(text: str) -> list[Run]:
    """The data's inline Markdown (`*for me*`, `**app**`) as styled runs."""
    parser = _InlineRuns()
    parser.feed(_MARKDOWN.reset().convert(text))
    return [run for run in parser.runs if run.text.strip("\n")]


def plain(text: str) -> str:
    return "".join(run.text for run in runs(text))


# Advance widths of DejaVu Sans in em, by character; others count as `_WIDE`.
_WIDTHS = {
    **dict.fromkeys(" .,:;'!|ijlI", 0.32),
    **dict.fromkeys("ftr()[]/-", 0.4),
    **dict.fromkeys('“”"', 0.52),
    **dict.fromkeys("abcdeghknopqsuvxyz0123456789?*•", 0.64),
    **dict.fromkeys("mwMW&+", 1.0),
}
_WIDE = 0.8
_BOLD = 1.1


def text_width(text: str, size: float, bold: bool = False) -> float:
    """A generous estimate of the width of `text` at `size` px."""
    em = sum(_WIDTHS.get(character, _WIDE) for character in text)
    return em * size * (_BOLD if bold else 1.0)


def _words(text: str) -> list[list[Run]]:
    """The words of `text`, each its runs: a word may change style midway (`**app**s`)."""
    words: list[list[Run]] = []
    space = True
    for run in runs(text):
        for token in re.split(r"(\s+)", run.text):
            if not token:
                continue
            if token.isspace():
                space = True
            elif space or not words:
                words.append([Run(token, run.style)])
                space = False
            else:
                words[-1].append(Run(token, run.style))
    return words


def _width(pieces: list[Run], size: float, bold: bool) -> float:
    return sum(text_width(run.text, size, bold or run.style == "strong") for run in pieces)


def wrap(text: str, width: float, size: float = TEXT_SIZE, bold: bool = False) -> list[list[Run]]:
    """`text` broken into lines of at most `width` px between words, each line its runs."""
    lines: list[list[Run]] = []
    used = 0.0
    space = text_width(" ", size, bold)
    for word in _words(text):
        needed = _width(word, size, bold)
        if lines and used + space + needed <= width:
            lines[-1] += [Run(" "), *word]
            used += space + needed
        else:
            lines.append(list(word))
            used = needed
    return [_merged(line) for line in lines]


def _merged(line: list[Run]) -> list[Run]:
    """Neighbouring runs of one style joined, so a line has as few elements as it can."""
    merged: list[Run] = []
    for run in line:
        if merged and merged[-1].style == run.style:
            merged[-1] = Run(merged[-1].text + run.text, run.style)
        else:
            merged.append(run)
    return merged


_TSPAN = {
    "em": ' font-style="italic"',
    "strong": ' font-weight="bold"',
    "code": ' font-family="monospace"',
}


def _text(x: float, baseline: float, line: list[Run], attributes: str = "") -> str:
    parts = [
        f"<tspan{_TSPAN[run.style]}>{escape(run.text)}</tspan>" if run.style else escape(run.text)
        for run in line
    ]
    return f'<text x="{x:g}" y="{baseline:g}"{attributes}>{"".join(parts)}</text>'


def groups(side: Side) -> tuple[Group, ...]:
    """What falls to the reader and what falls to the owner, who may be the reader too."""
    return (
        Group("You deal with", side.you_deal_with, yours=True),
        Group(f"Handled by {side.owner}", side.owner_handles, yours=side.owner == "you"),
    )


def title(side: Side) -> str:
    """The card's name for screen readers: "ChatGPT: the restaurant"."""
    return f"{side.name}: the {side.place}"


def description(side: Side) -> str:
    """What the card draws, in words: its text alternative."""
    sentences = [f"{plain(side.feels_like)}."]
    sentences += [
        f"{group.label}: {'; '.join(plain(item) for item in group.items)}."
        for group in groups(side)
    ]
    sentences.append(f"“{plain(side.motto)}”")
    return " ".join(sentences)


class _Pen:
    """Writes lines of text down a card, keeping the height they have taken."""

    def __init__(self) -> None:
        self.elements: list[str] = []
        self.y = float(PADDING)

    def write(
        self, text: str, x: float, width: float, size: int = TEXT_SIZE, attributes: str = ""
    ) -> None:
        bold = "bold" in attributes
        if size != TEXT_SIZE:
            attributes += f' font-size="{size}"'
        line_height = round(size * LINE / TEXT_SIZE)
        for line in wrap(text, width, size, bold):
            self.elements.append(_text(x, self.y + round(line_height * 0.72), line, attributes))
            self.y += line_height

    def skip(self, pixels: float) -> None:
        self.y += pixels


def _card_body(side: Side) -> _Pen:
    """The card's contents, top to bottom."""
    inner = WIDTH - 2 * PADDING
    pen = _Pen()
    pen.write(f"The {side.place}", PADDING, inner, attributes=' class="place" font-weight="bold"')
    pen.write(side.name, PADDING, inner, NAME_SIZE, ' font-weight="bold"')
    pen.skip(6)
    pen.write(side.feels_like, PADDING, inner)
    for group in groups(side):
        pen.skip(12)
        top = pen.y
        box = len(pen.elements)
        pen.skip(BOX_PADDING)
        x = PADDING + BOX_PADDING
        pen.write(group.label, x, inner - 2 * BOX_PADDING, attributes=' font-weight="bold"')
        for item in group.items:
            pen.elements.append(_text(x, pen.y + round(LINE * 0.72), [Run(BULLET)]))
            pen.write(item, x + BULLET_INDENT, inner - 2 * BOX_PADDING - BULLET_INDENT)
        pen.skip(BOX_PADDING)
        kind = "yours" if group.yours else "theirs"
        pen.elements.insert(
            box,
            f'<rect class="{kind}" x="{PADDING}" y="{top:g}" width="{inner}" '
            f'height="{pen.y - top:g}" rx="4"/>',
        )
    pen.skip(12)
    pen.write(f"“{side.motto}”", PADDING, inner, attributes=' class="motto"')
    pen.skip(PADDING)
    return pen


def card(side: Side, height: float) -> str:
    """One side's card, `height` px tall (the taller card's, so the two line up)."""
    name_id = f"mental-model-{side.id}-title"
    description_id = f"mental-model-{side.id}-description"
    body = "".join(_card_body(side).elements)
    return (
        f'<svg role="img" aria-labelledby="{name_id}" aria-describedby="{description_id}" '
        f'width="{WIDTH}" height="{height:g}" viewBox="0 0 {WIDTH} {height:g}" '
        f'font-size="{TEXT_SIZE}">'
        f'<title id="{name_id}">{escape(title(side))}</title>'
        f'<desc id="{description_id}">{escape(description(side))}</desc>'
        # The drawing itself is hidden: its title and description say it once, not line by line.
        f'<g aria-hidden="true">'
        f'<rect class="frame" x="1" y="1" width="{WIDTH - 2}" height="{height - 2:g}" rx="6"/>'
        f"{body}</g></svg>"
    )


def mental_model_picture(c: Comparison) -> str:
    """Both sides' cards side by side, or one above the other on a narrow screen."""
    height = max(_card_body(side).y for side in c.sides)
    cards = "".join(card(side, height) for side in c.sides)
    # One line: Markdown leaves a block of raw HTML alone only up to its first blank line.
    return f'<figure class="mental-model-picture" data-search-exclude>{cards}</figure>'
