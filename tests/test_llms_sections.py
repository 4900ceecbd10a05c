"""`mkdocs serve` rebuilds without the llms.txt export (overrides/hooks/llms_sections.py).

The build keeps the full export (tests/test_machine_readable.py checks it); the served site
gets an llms.txt without the pages, which is what saves a third of each rebuild.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.helpers import BuiltSite, mkdocs_serve

pytestmark = pytest.mark.slow


def test_the_served_llms_txt_lists_no_page_but_the_built_one_does(
    site: BuiltSite, project_copy: Path
) -> None:
    built = site.path("llms.txt").read_text(encoding="utf-8")
    with mkdocs_serve(project_copy) as server:
        served = server.get("llms.txt")
        page = server.get("mental-model/")
    assert "## " in built
    assert "## " not in served
    assert served.splitlines()[0] == built.splitlines()[0]
    assert BeautifulSoup(page, "html.parser").select_one("article") is not None
