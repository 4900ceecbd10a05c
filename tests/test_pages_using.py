"""`make uses VALUE=…` (tools/pages_using.py) lists the pages that show a piece of the data."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.data import COMPARISON
from tests.support.helpers import PROJECT_ROOT, BuiltSite, normalize, plain

pytestmark = pytest.mark.slow

LISTED_PAGE = re.compile(r"^  page  /(.*)$", re.MULTILINE)


def pages_using(value: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tools.pages_using", value],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_every_page_listed_shows_the_value_and_every_page_showing_it_is_listed(
    site: BuiltSite,
) -> None:
    motto = COMPARISON.side("chatgpt").motto
    result = pages_using(motto)
    assert result.returncode == 0, result.stderr
    listed = {site.path(url_path) for url_path in LISTED_PAGE.findall(result.stdout)}
    showing = {page for page in site.html_pages() if plain(motto) in visible_text(page)}
    assert listed
    assert listed == showing


def visible_text(page: Path) -> str:
    return normalize(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text(" "))


def test_a_value_that_is_not_in_the_data_is_named() -> None:
    result = pages_using("no such text in the data")
    assert result.returncode == 1
    assert "'no such text in the data' is not in macros/data.py" in result.stderr
