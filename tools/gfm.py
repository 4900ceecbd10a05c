"""The site's Markdown, rewritten into the plain GitHub-flavoured Markdown GitHub shows.

The pages use constructs of Python-Markdown's extensions and of Material that
GitHub would print as text: attribute lists (`{ #id }`, `{ .md-button }`),
`markdown` divs and the separators of grid cards, admonitions, content tabs,
abbreviation definitions. `to_github` turns each into the plain form GitHub
renders, unwraps the inline HTML the renderers add for the site (a fact's
`<span data-fact>`, a review date's `<time>`), writes the emoji the site draws
as pictures (`:twemoji-brain:`) as the characters GitHub shows, and can move
headings a level down. Code blocks and code spans are left exactly as they are.

Snippet markers (`--8<--`) cannot be resolved here; `to_github` refuses them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from pymdownx import twemoji_db

# An attribute list: `{ #id }`, `{: .class }`, `{ .a #b key="value" }`.
_ATTRIBUTE = r"""(?:[#.][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+))"""
_ATTRIBUTE_LIST = re.compile(rf"[ \t]*\{{:?[ \t]*{_ATTRIBUTE}(?:[ \t]+{_ATTRIBUTE})*[ \t]*\}}")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
# An opening fence with an attribute list, `{ .python title="x.py" data-search-exclude="" }`:
# GitHub reads only a language.
_FENCE_ATTRIBUTES = re.compile(r"^(\s*(?:`{3,}|~{3,}))[ \t]*\{[^}]*?\.([\w+-]+)[^}]*\}[ \t]*$")
_HEADING = re.compile(r"^(#{1,6})([ \t].*)?$")
# `!!! note "Title"`, `!!! info extra-class "Title"`, `??? tip`, `???+ tip` (details).
_ADMONITION = re.compile(
    r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+(?P<kind>[\w-]+)(?:[ \t]+[\w-]+)*"
    r'(?:[ \t]+"(?P<title>[^"]*)")?[ \t]*$'
)
_TAB = re.compile(r'^(?P<indent>[ \t]*)===\+?[ \t]+"(?P<title>[^"]*)"[ \t]*$')
_MARKDOWN_DIV = re.compile(r"""^[ \t]*<div\b[^>]*\bmarkdown(?:=["'][^"']*["'])?[^>]*>[ \t]*$""")
_DIV_END = re.compile(r"^[ \t]*</div>[ \t]*$")
_GRID_CARDS = re.compile(r"""\bclass=["'][^"']*\bgrid\b[^"']*\bcards\b""")
_CARD_SEPARATOR = re.compile(r"^[ \t]+---[ \t]*$")
_ABBREVIATION = re.compile(r"^\*\[(?P<term>[^\]]+)\]:[ \t]*(?P<definition>.*)$")
_SNIPPET = re.compile(r"^[ \t]*-{1,}8<-{1,}")
_SITE_ONLY_HTML = re.compile(r"<(span|time)\b[^>]*>(.*?)</\1>")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
_LINK_TARGET = re.compile(r"(\]\()([^)\s]+)(\))")
# An emoji the site draws from overrides/.icons/twemoji/, named by its Twemoji short name.
_TWEMOJI = re.compile(r":twemoji-([\w+-]+):")
_INDENT = "    "


class ConversionError(ValueError):
    """The Markdown holds something that has no GitHub form."""


def to_github(markdown: str, heading_shift: int = 0) -> str:
    """`markdown` as GitHub renders it, its headings `heading_shift` levels deeper."""
    lines = list(_convert(markdown.split("\n"), heading_shift))
    return _collapse_blank_lines(lines).strip("\n") + "\n"


def rewrite_links(markdown: str, rewrite: Callable[[str], str]) -> str:
    """Every inline link target outside code, passed through `rewrite`."""

    def prose(text: str) -> str:
        return _LINK_TARGET.sub(lambda m: m[1] + rewrite(m[2]) + m[3], text)

    return "\n".join(
        line if in_code else _outside_code_spans(line, prose)
        for line, in_code in _lines_with_fences(markdown)
    )


def link_targets(markdown: str) -> list[str]:
    """The target of every inline link outside code, in order."""
    targets: list[str] = []

    def collect(target: str) -> str:
        targets.append(target)
        return target

    rewrite_links(markdown, collect)
    return targets


def abbreviations(markdown: str) -> dict[str, str]:
    """The abbreviation definitions (`*[term]: definition`) of `markdown`, term → definition."""
    matches = (_ABBREVIATION.match(line) for line in markdown.split("\n"))
    return {match["term"]: match["definition"].strip() for match in matches if match}


def outside_code(markdown: str) -> str:
    """`markdown` without its code blocks and code spans: where prose rules apply."""
    lines = (line for line, in_code in _lines_with_fences(markdown) if not in_code)
    return _CODE_SPAN.sub("", "\n".join(lines))


def _convert(lines: list[str], heading_shift: int) -> Iterator[str]:
    fence = ""
    divs: list[bool] = []  # one per open `markdown` div: is it a grid of cards?
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if _SNIPPET.match(line):
            raise ConversionError(f"a snippet has no GitHub form: {line.strip()!r}")
        if fence:
            if _closes(line, fence):
                fence = ""
            yield line
            continue
        if match := _FENCE.match(line):
            fence = match[1]
            yield _FENCE_ATTRIBUTES.sub(r"\1\2", line)
            continue
        block = _ADMONITION.match(line) or _TAB.match(line)
        if block:
            body, index = _indented_body(lines, index, block["indent"])
            yield from _plain_block(block, _convert(body, heading_shift))
        elif _MARKDOWN_DIV.match(line):
            divs.append(bool(_GRID_CARDS.search(line)))
        elif divs and _DIV_END.match(line):
            divs.pop()
        elif (divs and divs[-1] and _CARD_SEPARATOR.match(line)) or _ABBREVIATION.match(line):
            continue
        elif match := _HEADING.match(line):
            level = min(len(match[1]) + heading_shift, 6)
            yield "#" * level + _inline(match[2] or "")
        else:
            yield _inline(line)


def _inline(line: str) -> str:
    def prose(text: str) -> str:
        text = _ATTRIBUTE_LIST.sub("", text)
        while (unwrapped := _SITE_ONLY_HTML.sub(r"\2", text)) != text:
            text = unwrapped
        return _TWEMOJI.sub(_emoji_character, text)

    return _outside_code_spans(line, prose)


def _emoji_character(shortcode: re.Match[str]) -> str:
    """The character of a Twemoji short name (`:twemoji-brain:` → 🧠), from pymdownx's index."""
    entry = twemoji_db.emoji.get(f":{shortcode[1]}:")
    if entry is None:
        raise ConversionError(f"{shortcode[0]} is not named after a Twemoji emoji")
    return "".join(chr(int(code, 16)) for code in str(entry["unicode"]).split("-"))


def _outside_code_spans(line: str, change: Callable[[str], str]) -> str:
    """`change` applied to the line with its code spans set aside, so they stay as they are."""
    spans: list[str] = []

    def set_aside(span: re.Match[str]) -> str:
        spans.append(span[0])
        return f"\0{len(spans) - 1}\0"

    changed = change(_CODE_SPAN.sub(set_aside, line))
    return re.sub(r"\0(\d+)\0", lambda m: spans[int(m[1])], changed)


def _lines_with_fences(markdown: str) -> Iterator[tuple[str, bool]]:
    """Each line, and whether it belongs to a fenced code block (its fences included)."""
    fence = ""
    for line in markdown.split("\n"):
        if fence:
            if _closes(line, fence):
                fence = ""
            yield line, True
        elif match := _FENCE.match(line):
            fence = match[1]
            yield line, True
        else:
            yield line, False


def _closes(line: str, fence: str) -> bool:
    text = line.strip()
    return len(text) >= len(fence) and set(text) == {fence[0]}


def _indented_body(lines: list[str], index: int, indent: str) -> tuple[list[str], int]:
    """The lines nested under a block's header, dedented, and the index after them."""
    nested = indent + _INDENT
    body: list[str] = []
    while index < len(lines) and (lines[index].startswith(nested) or not lines[index].strip()):
        body.append(lines[index][len(nested) :])
        index += 1
    while body and not body[-1].strip():  # trailing blank lines belong to what follows
        body.pop()
        index -= 1
    while body and not body[0].strip():
        body.pop(0)
    return body, index


def _plain_block(header: re.Match[str], body: Iterator[str]) -> Iterator[str]:
    """An admonition as a quotation under its bold title; a tab as its bold label and content."""
    indent = header["indent"]
    title = header["title"]
    if header.re is _TAB:
        yield f"{indent}**{title}**"
        yield ""
        yield from (f"{indent}{line}" if line else "" for line in body)
        return
    if title is None:
        title = header["kind"].capitalize()
    if title:
        yield f"{indent}> **{title}**"
        yield f"{indent}>"
    yield from (f"{indent}> {line}".rstrip() for line in body)


def _collapse_blank_lines(lines: list[str]) -> str:
    """At most one blank line in a row, where removed constructs left several."""
    kept: list[str] = []
    for line, in_code in _lines_with_fences("\n".join(lines)):
        if in_code or line.strip() or (kept and kept[-1].strip()):
            kept.append(line)
    return "\n".join(kept)
