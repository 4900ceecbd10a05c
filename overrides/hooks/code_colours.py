"""MkDocs hook (`hooks:` in mkdocs.yml): code blocks light at load, the same to read.

Fewer tokens coloured: Pygments wraps every token of a code block in a `<span>`. Material
colours plain names like the code's own text and gives white space no colour, so their spans
change nothing on screen; punctuation and operators it greys a little. On First calls (ten
examples) these four were more than half of the code's elements, for no word of meaning.
`on_config` has Pygments write them as plain text (in the code's own colour), through a lexer
filter given to pymdownx.highlight for each language of the pages. Keywords, strings,
comments, built-ins and variables keep their colours.

Colours beside the code: each coloured token left is still a `<span>`, on First calls more
than half of the page's elements, which the browser styles and lays out at load, and again each
time Material's scripts measure the page while mounting. Almost all of that code is off
screen then, and half of it in tabs not shown.

So each block's `<code>` is published as its text alone, with its colours in
`data-colours`: runs of `class:length`, or a bare `length` for uncoloured text, lengths in
UTF-16 code units as a script counts them. docs/assets/javascripts/code-colours.js puts
the spans back as a block comes near the screen, and in every block before printing.
Without scripts the code reads the same, in one colour.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from pygments.filter import Filter
from pygments.lexer import Lexer
from pygments.token import Name, Operator, Punctuation, Text, Whitespace, _TokenType

# Fence languages of the pages (```python, ```bash, ```text).
LANGUAGES = ("python", "bash", "text")
# Exactly these types: `Name.Builtin` or `Operator.Word` (`in`, `not`) keep their colour.
PLAIN = frozenset({Name, Whitespace, Punctuation, Operator})


class PlainAsText(Filter):  # type: ignore[misc]
    """Tokens of the `PLAIN` types become text, which Pygments writes without a span."""

    def filter(
        self, lexer: Lexer, stream: Iterator[tuple[_TokenType, str]]
    ) -> Iterator[tuple[_TokenType, str]]:
        for token_type, value in stream:
            yield (Text if token_type in PLAIN else token_type), value


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    highlight = config.mdx_configs.setdefault("pymdownx.highlight", {})
    languages = highlight.setdefault("extend_pygments_lang", [])
    languages.extend(
        {"name": name, "lang": name, "options": {"filters": [PlainAsText()]}} for name in LANGUAGES
    )
    return config


# Pygments' blocks, as pymdownx.highlight writes them: an empty span, then the code.
CODE_BLOCK = re.compile(r"(<pre><span></span><code)>(.*?)(</code></pre>)", re.DOTALL)
# What Pygments writes inside <code>: flat spans with one class, and text between them.
TOKEN = re.compile(
    r'<span class="(?P<name>[a-z][a-z0-9]*)">(?P<coloured>[^<]*)</span>|(?P<plain>[^<]+)'
)


class UnexpectedMarkup(ValueError):
    """A code block holds something besides Pygments' flat spans and text."""


@dataclass(frozen=True)
class Run:
    """A stretch of a block's text in one colour class, or in none (`name` "")."""

    name: str
    text: str  # as published, HTML-escaped

    @property
    def length(self) -> int:
        """The text's length as a script counts it: UTF-16 code units, entities decoded."""
        return len(html.unescape(self.text).encode("utf-16-le")) // 2

    @property
    def is_blank(self) -> bool:
        return not self.name and not self.text.strip()

    def followed_by(self, *others: Run) -> Run:
        return Run(self.name, self.text + "".join(other.text for other in others))


def tokens_of(code_html: str) -> list[Run]:
    """Pygments' tokens in a block's inner HTML, in order, as runs."""
    tokens = []
    position = 0
    for token in TOKEN.finditer(code_html):
        if token.start() != position:
            break
        position = token.end()
        name = token["name"] or ""
        tokens.append(Run(name, token["coloured"] if name else token["plain"]))
    if position != len(code_html):
        raise UnexpectedMarkup(f"unexpected markup in a code block: {code_html[position:][:60]!r}")
    return tokens


def runs_of(code_html: str) -> list[Run]:
    """The fewest runs that colour each character as Pygments did: neighbours of one class
    become one run, and so does a blank gap between two runs of one class (each line of a
    multi-line string was a span of its own)."""
    runs: list[Run] = []
    for token in tokens_of(code_html):
        if not token.text:
            continue
        if runs and runs[-1].name == token.name:
            runs[-1] = runs[-1].followed_by(token)
        elif token.name and len(runs) > 1 and runs[-2].name == token.name and runs[-1].is_blank:
            gap = runs.pop()
            runs[-1] = runs[-1].followed_by(gap, token)
        else:
            runs.append(token)
    return runs


def colours(runs: list[Run]) -> str:
    """The `data-colours` value for `runs`."""
    return " ".join(f"{run.name}:{run.length}" if run.name else str(run.length) for run in runs)


def uncoloured_block(match: re.Match[str]) -> str:
    opening, code_html, closing = match.groups()
    runs = runs_of(code_html)
    if not any(run.name for run in runs):
        return match.group(0)
    text = "".join(run.text for run in runs)
    return f'{opening} data-colours="{colours(runs)}">{text}{closing}'


def uncoloured(page_html: str) -> str:
    """`page_html` with every Pygments block's code as plain text and `data-colours`."""
    return CODE_BLOCK.sub(uncoloured_block, page_html)


def on_page_content(page_html: str, page: Any, **kwargs: Any) -> str:
    try:
        return uncoloured(page_html)
    except UnexpectedMarkup as error:
        raise PluginError(
            f"overrides/hooks/code_colours.py: {page.file.src_uri}: {error}"
        ) from error
