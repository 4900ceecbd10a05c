"""The mistakes a writer makes, and how each is mended, for the `mkdocs serve` tests and bench.

One sample of each kind: Python and data in `macros/data.py`; a page's macro calls, Jinja and
includes; YAML and settings in `mkdocs.yml`; a broken link. Each edit breaks one file of a
copy of the project. Its mend restores the file with a new value that `PAGE` shows, so a
test can tell the fixed page from the page before the break.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from macros.data import COMPARISON

# The page a writer reads while editing: it shows the data value and the page edited below.
PAGE = "mental-model/"
PAGE_FILE = "docs/mental-model.md"
# Another page, requested while the build is broken.
OTHER_PAGE = "decide/"
# What `mkdocs serve` prints after a failed rebuild (overrides/hooks/keep_serving.py).
REBUILD_FAILED = "The rebuild failed: fix "
# What a page that builds but would fail the strict build carries (warning_notices.py).
NOTICE = "to fix (shown by mkdocs serve only; mkdocs build --strict fails on"

FIRST_SOURCE = COMPARISON.facts[0].source
# Invalid (not https) and, in the error page, a test of escaping.
HOSTILE_SOURCE = "http://example.com/<script>alert(1)</script>"
DATA_VALUE = COMPARISON.side("chatgpt").feels_like
COPYRIGHT = "copyright: Part of the LLM Cookbook"
FIRST_SIGNAL = COMPARISON.signals_for("chatgpt")[0]


@dataclass(frozen=True)
class BrokenEdit:
    file: str
    breaks: Callable[[str], str]
    # (text before the break, new value) → the mended text, whose PAGE shows the new value.
    mends: Callable[[str, str], str]
    # Text on the line of the mistake, once broken (its last line holding it).
    mistake: str
    # What the terminal and the open tab say of it: the tool's words and the hint.
    says: tuple[str, ...]
    # What `mkdocs build --strict` says of it (MkDocs and the tools as they are, and the
    # suggestions of our own lookups).
    build_says: tuple[str, ...]
    # The file the writer is told to fix, when it is not the file edited.
    fix: str = ""
    # False for a mistake the site still builds with: the tab shows a notice on the page.
    fails_the_build: bool = True

    @property
    def to_fix(self) -> str:
        return self.fix or self.file

    def line(self, broken_text: str) -> int:
        """The line of the mistake, as an editor numbers it."""
        lines = broken_text.splitlines()
        return max(number for number, line in enumerate(lines, 1) if self.mistake in line)

    def place(self, broken_text: str) -> str:
        return f"{self.to_fix}:{self.line(broken_text)}"


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


def _add_line(text: str, value: str) -> str:
    return f"{text}\n{value}\n"


CASES = {
    "syntax error in the data module": BrokenEdit(
        "macros/data.py",
        _append("\nFACTS = (\n"),
        _extend(DATA_VALUE),
        mistake="FACTS = (",
        says=("SyntaxError: '(' was never closed",),
        build_says=("macros/data.py", "SyntaxError"),
    ),
    "record failing validation": BrokenEdit(
        "macros/data.py",
        _replace(f'"{FIRST_SOURCE}"', f'"{HOSTILE_SOURCE}"'),
        _extend(DATA_VALUE),
        mistake=HOSTILE_SOURCE,
        says=(
            f"Fact '{COMPARISON.facts[0].id}': field 'source' is not an https URL: "
            f"{HOSTILE_SOURCE!r}",
        ),
        build_says=("macros/data.py", "field 'source' is not an https URL"),
    ),
    "misspelt side in the data": BrokenEdit(
        "macros/data.py",
        _replace(
            f'id="{FIRST_SIGNAL.id}", side="chatgpt"', f'id="{FIRST_SIGNAL.id}", side="chatgtp"'
        ),
        _extend(DATA_VALUE),
        mistake='side="chatgtp"',
        says=("field 'side' points at no side: 'chatgtp'", "did you mean `chatgpt`?"),
        build_says=("points at no side: 'chatgtp'; did you mean `chatgpt`?",),
    ),
    "misspelt macro in a page": BrokenEdit(
        PAGE_FILE,
        _append("\n{{ mental_model_tabel() }}\n"),
        _add_line,
        mistake="mental_model_tabel",
        says=(
            "unknown macro or variable `mental_model_tabel`",
            "did you mean `mental_model_table`?",
        ),
        build_says=("mental-model.md", "did you mean `mental_model_table`?"),
    ),
    "misspelt fact in a page": BrokenEdit(
        PAGE_FILE,
        _append('\nThe address: {{ fact("chatgpt_adress") }}.\n'),
        _add_line,
        mistake="chatgpt_adress",
        says=("unknown fact `chatgpt_adress`", "did you mean `chatgpt_address`?"),
        build_says=("mental-model.md", "did you mean `chatgpt_address`?"),
    ),
    "misspelt argument of a macro": BrokenEdit(
        PAGE_FILE,
        _append('\nSee {{ cookbook_link("00-index", txt="the index") }}.\n'),
        _add_line,
        mistake="txt=",
        says=("unknown cookbook_link() argument `txt`", "did you mean `text`?"),
        build_says=("mental-model.md", "did you mean `text`?"),
    ),
    "Jinja syntax error in a page": BrokenEdit(
        PAGE_FILE,
        _append("\nText.\n\n{% if %}\n\nMore text.\n"),
        _add_line,
        mistake="{% if %}",
        says=("TemplateSyntaxError: Expected an expression",),
        build_says=("mental-model.md", "Expected an expression"),
    ),
    "misspelt snippet in a page": BrokenEdit(
        PAGE_FILE,
        _append('\n--8<-- "first_requst.py"\n'),
        _add_line,
        mistake="first_requst.py",
        says=("Snippet at path 'first_requst.py' could not be found", "`first_request.py`?"),
        build_says=("mental-model.md", "Snippet at path 'first_requst.py' could not be found"),
    ),
    "invalid YAML in mkdocs.yml": BrokenEdit(
        "mkdocs.yml",
        _append("\nextra: [unclosed\n"),
        _extend(COPYRIGHT),
        mistake="extra: [unclosed",
        says=("invalid YAML: while parsing a flow sequence", "bracket opened here"),
        build_says=("error parsing the configuration file", "while parsing a flow sequence"),
    ),
    "bad indentation in mkdocs.yml": BrokenEdit(
        "mkdocs.yml",
        _replace("\n  custom_dir: overrides\n", "\n   custom_dir: overrides\n"),
        _extend(COPYRIGHT),
        mistake="   custom_dir: overrides",
        says=("invalid YAML: mapping values are not allowed here",),
        build_says=("error parsing the configuration file", "mapping values are not allowed"),
    ),
    "misspelt plugin in mkdocs.yml": BrokenEdit(
        "mkdocs.yml",
        _replace("\n  - search\n", "\n  - searchh\n"),
        _extend(COPYRIGHT),
        mistake="- searchh",
        says=('The "searchh" plugin is not installed', "did you mean `search`?"),
        build_says=('The "searchh" plugin is not installed',),
    ),
    "broken link in a page": BrokenEdit(
        PAGE_FILE,
        _append("\nSee [the rule of thumb](decide.md#rule-of-thum).\n"),
        _add_line,
        mistake="rule-of-thum)",
        says=(
            "contains a link 'decide.md#rule-of-thum', but the doc 'decide.md' does not "
            "contain an anchor '#rule-of-thum'",
            "did you mean `decide.md#rule-of-thumb`?",
        ),
        build_says=("does not contain an anchor '#rule-of-thum'",),
        fails_the_build=False,
    ),
}


def fresh_value() -> str:
    """A value no page shows yet; letters only, so Markdown and HTML leave it as it is."""
    return "Mended" + "".join(c for c in uuid.uuid4().hex if c.isalpha())[:8]
