"""The edits a writer most often gets wrong, and how each is mended, for the `mkdocs serve` tests.

Each edit breaks one file of a copy of the project. Its mend restores the file with a new
value that `PAGE` shows, so a test can tell the fixed page from the page before the break.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from macros.data import COMPARISON

# The page a writer reads while editing: it shows the data value and the page edited below.
PAGE = "mental-model/"
# Another page, requested while the build is broken.
OTHER_PAGE = "decide/"
# What `mkdocs serve` prints after a failed rebuild (macros/keep_serving.py).
REBUILD_FAILED = "The rebuild failed: fix "

FIRST_SOURCE = COMPARISON.facts[0].source
# Invalid (not https) and, in the error page, a test of escaping.
HOSTILE_SOURCE = "http://example.com/<script>alert(1)</script>"
DATA_VALUE = COMPARISON.side("chatgpt").feels_like
COPYRIGHT = "copyright: Part of the LLM Cookbook"


@dataclass(frozen=True)
class BrokenEdit:
    file: str
    breaks: Callable[[str], str]
    # (text before the break, new value) → the mended text, whose PAGE shows the new value.
    mends: Callable[[str, str], str]
    # What the terminal prints about it, and what the error page shows.
    terminal_names: tuple[str, ...]
    page_names: tuple[str, ...]


def _append(addition: str) -> Callable[[str], str]:
    return lambda text: text + addition


def _replace(old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, f"{old!r} not found"
        return text.replace(old, new, 1)

    return edit


def _extend(old: str) -> Callable[[str, str], str]:
    """A mend that keeps `old` and adds the new value after it."""
    return lambda text, value: _replace(old, f"{old} {value}")(text)


CASES = {
    "syntax error in the data module": BrokenEdit(
        "macros/data.py",
        _append("\nFACTS = (\n"),
        _extend(DATA_VALUE),
        ("macros/data.py", "SyntaxError"),
        ("SyntaxError", "was never closed", "Line"),
    ),
    "record failing validation": BrokenEdit(
        "macros/data.py",
        _replace(f'"{FIRST_SOURCE}"', f'"{HOSTILE_SOURCE}"'),
        _extend(DATA_VALUE),
        ("macros/data.py", "field 'source' is not an https URL", repr(HOSTILE_SOURCE)),
        (
            f"macros/data.py: Fact '{COMPARISON.facts[0].id}': field 'source' is not an https URL",
            repr(HOSTILE_SOURCE),
        ),
    ),
    "unknown macro in a page": BrokenEdit(
        "docs/mental-model.md",
        _append("\n{{ no_such_macro() }}\n"),
        lambda text, value: f"{text}\n{value}\n",
        ("`mental-model.md`", "'no_such_macro' is undefined"),
        ("mental-model.md", "'no_such_macro' is undefined"),
    ),
    "invalid YAML in mkdocs.yml": BrokenEdit(
        "mkdocs.yml",
        _append("\nextra: [unclosed\n"),
        _extend(COPYRIGHT),
        ("error parsing the configuration file", "mkdocs.yml"),
        ("error parsing the configuration file", "Line", "Column"),
    ),
}


def fresh_value() -> str:
    """A value no page shows yet; letters only, so Markdown and HTML leave it as it is."""
    return "Mended" + "".join(c for c in uuid.uuid4().hex if c.isalpha())[:8]
