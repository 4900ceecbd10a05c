"""Change a value in the data once, and every page that shows it follows."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.data import COMPARISON
from tests.support.helpers import (
    BuiltSite,
    html_files,
    normalize,
    plain,
    replace_in_file,
    run_build,
)

pytestmark = pytest.mark.slow

CHANGES = {
    "a mental-model cell": (COMPARISON.side("chatgpt").feels_like, "Sitting at a diner counter"),
    "a checklist signal": (COMPARISON.signals[0].text, "You’re sketching a weekend idea"),
    "an owner decision": (
        COMPARISON.side("platform").owner_decides[0],
        "which documents it may read",
    ),
}


def pages_showing(root: Path, text: str) -> set[str]:
    return {
        path.relative_to(root).as_posix()
        for path in html_files(root)
        if text
        in normalize(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text())
    }


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_every_page_follows_a_change_to_the_data(
    site: BuiltSite, project_copy: Path, change: str
) -> None:
    old, new = CHANGES[change]
    showing_old = pages_showing(site.root, plain(old))
    assert len(showing_old) >= 2, f"{change} should appear on at least two pages: {showing_old}"

    replace_in_file(project_copy / "macros" / "data.py", f'"{old}"', f'"{new}"')
    changed_site = project_copy.parent / "site"
    result = run_build(project_copy, changed_site)
    assert result.returncode == 0, result.stderr

    assert pages_showing(changed_site, plain(new)) >= showing_old
    assert pages_showing(changed_site, plain(old)) == set()
