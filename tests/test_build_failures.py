"""Bad data or a broken macro call fails the strict build, names the culprit, and writes no page."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.data import COMPARISON
from tests.support.helpers import html_files, replace_in_file, run_build

pytestmark = pytest.mark.slow

SIGNAL = COMPARISON.signals[2]
OTHER_SIGNAL = COMPARISON.signals[1]

BAD_DATA = {
    "missing text": (
        f'text="{SIGNAL.text}"',
        'text=""',
        f"macros/data.py: Signal '{SIGNAL.id}': field 'text' is empty",
    ),
    "duplicate id": (
        f'id="{SIGNAL.id}"',
        f'id="{OTHER_SIGNAL.id}"',
        f"macros/data.py: signals: duplicate id '{OTHER_SIGNAL.id}'",
    ),
    "signal pointing at no side": (
        f'id="{SIGNAL.id}",\n        side="chatgpt"',
        f'id="{SIGNAL.id}",\n        side="nobody"',
        f"macros/data.py: Signal '{SIGNAL.id}': field 'side' points at no side: 'nobody'",
    ),
    "empty list": (
        "you_dont_deal_with=(",
        "you_dont_deal_with=(), _unused=(",
        None,  # replaced below: an unknown keyword is a TypeError, not the case we want
    ),
}


def built_pages(site_dir: Path) -> list[Path]:
    return html_files(site_dir) if site_dir.exists() else []


def assert_fails_naming(project: Path, *names: str) -> str:
    site_dir = project.parent / "site"
    result = run_build(project, site_dir)
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    for name in names:
        assert name in log, f"{name!r} not in:\n{log}"
    assert built_pages(site_dir) == [], "a failed build must not leave half-rendered pages"
    return log


@pytest.mark.parametrize("case", ["missing text", "duplicate id", "signal pointing at no side"])
def test_bad_data_fails_the_build_with_a_named_message(project_copy: Path, case: str) -> None:
    old, new, message = BAD_DATA[case]
    assert message is not None
    replace_in_file(project_copy / "macros" / "data.py", old, new)
    assert_fails_naming(project_copy, message)


def test_an_empty_list_fails_the_build(project_copy: Path) -> None:
    data = project_copy / "macros" / "data.py"
    text = data.read_text(encoding="utf-8")
    start = text.index("great_for=(")
    end = text.index("),", start) + 2
    data.write_text(text[:start] + "great_for=()," + text[end:], encoding="utf-8")
    assert_fails_naming(
        project_copy, "macros/data.py: Side 'chatgpt': field 'great_for' is an empty list"
    )


BROKEN_CALLS = {
    "unknown macro": "{{ no_such_macro() }}",
    "wrong argument": '{{ side_list("chatgpt") }}',
    "unknown field": '{{ side_list("chatgpt", "favourite_colour") }}',
    "undefined variable": "{{ no_such_variable }}",
    "unknown fact": '{{ fact("no_such_fact") }}',
}


@pytest.mark.parametrize("case", sorted(BROKEN_CALLS))
def test_a_broken_macro_call_fails_the_build_naming_the_page(project_copy: Path, case: str) -> None:
    page = project_copy / "docs" / "mental-model.md"
    page.write_text(
        page.read_text(encoding="utf-8") + f"\n{BROKEN_CALLS[case]}\n", encoding="utf-8"
    )
    assert_fails_naming(project_copy, "mental-model.md")
