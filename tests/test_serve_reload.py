"""`mkdocs serve` shows an edit to the data on the next page load, not only edits to docs/."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.data import COMPARISON
from tests.support.helpers import mkdocs_serve, replace_in_file, wait_until

pytestmark = pytest.mark.slow


def test_an_edit_to_the_data_is_served_after_the_rebuild(project_copy: Path) -> None:
    old = COMPARISON.side("chatgpt").feels_like
    new = "Walking into a diner and pointing at the specials board"
    with mkdocs_serve(project_copy) as server:
        assert old in server.get("mental-model/")
        replace_in_file(project_copy / "macros" / "data.py", old, new)
        assert wait_until(lambda: new in server.get("mental-model/"), timeout=30), server.log()
        assert old not in server.get("mental-model/")
        assert new in server.get("")
