"""MkDocs hook (`hooks:` in mkdocs.yml): highlighted code with half the elements.

Pygments wraps every token of a code block in a `<span>`. Material colours plain names like
the code's own text and gives white space no colour, so their spans change nothing on screen;
punctuation and operators it greys a little. On First calls (ten examples) these four were
more than half of the code's elements, each one styled and laid out by the browser at load,
for no word of meaning. This hook has Pygments write them as plain text (in the code's own
colour), through a lexer filter given to pymdownx.highlight for each language of the pages.
Keywords, strings, comments, built-ins and variables keep their colours.
"""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs.config.defaults import MkDocsConfig

# Pygments ships no type information.
from pygments.filter import Filter
from pygments.lexer import Lexer
from pygments.token import (
    Name,
    Operator,
    Punctuation,
    Text,
    Whitespace,
    _TokenType,
)

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
