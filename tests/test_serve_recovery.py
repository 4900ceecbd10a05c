"""A broken edit under `mkdocs serve`: the terminal names it, every page answers at once with
the error page, the server lives on, and the fix brings the pages back. The strict build still
fails on the same edits and writes no error page.

One server for the session (`served_copy`): each case breaks one file of its copy of the
project, then mends it. The browser's side (the open tab switching by itself) is in
tests/browser/test_serve_errors.py.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.broken_edits import CASES, OTHER_PAGE, PAGE, REBUILD_FAILED, fresh_value
from tests.support.helpers import (
    BuiltSite,
    Server,
    fetch_with_status,
    html_files,
    normalize,
    run_build,
    wait_until,
)

pytestmark = pytest.mark.slow

# The error page's own header, which no page of the site may carry.
ERROR_PAGE_MARK = "the last rebuild failed"
# What `mkdocs serve` prints once a rebuild is under way.
REBUILD_STARTED = "Building documentation..."
# "At once": well under the build time, with room for a loaded machine.
AT_ONCE_SECONDS = 3


def served_text(server: Server, url_path: str) -> str:
    """The text of a served page of the site, or "" while it answers with an error."""
    status, html = fetch_with_status(server.url + url_path)
    page = BeautifulSoup(html, "html.parser")
    return normalize(page.get_text()) if status == 200 and page.select("article") else ""


@pytest.mark.parametrize("case", CASES)
def test_a_broken_edit_is_shown_at_once_and_the_fix_recovers(
    served_copy: tuple[Path, Server], case: str
) -> None:
    project, server = served_copy
    edit = CASES[case]
    path = project / edit.file
    good_text = path.read_text(encoding="utf-8")
    assert wait_until(lambda: served_text(server, PAGE), timeout=30), "no page before the edit"
    log_start = len(server.log())

    path.write_text(edit.breaks(good_text), encoding="utf-8")
    new_value = fresh_value()
    try:
        assert wait_until(lambda: REBUILD_STARTED in server.log()[log_start:], timeout=30)
        # Asked for while the failing rebuild runs, a page waits for it, then shows the failure.
        assert fetch_with_status(server.url + PAGE, timeout=30)[0] == 500
        assert wait_until(lambda: REBUILD_FAILED in server.log()[log_start:], timeout=30), (
            server.log()[log_start:]
        )
        failure = server.log()[log_start:]
        for name in edit.terminal_names:
            assert name in failure, f"{name!r} not in:\n{failure}"
        assert server.process.poll() is None, "mkdocs serve stopped"

        started = time.monotonic()
        status, html = fetch_with_status(server.url + OTHER_PAGE, timeout=AT_ONCE_SECONDS)
        assert time.monotonic() - started < AT_ONCE_SECONDS
        assert status == 500
        error_page = BeautifulSoup(html, "html.parser")
        heading = error_page.find("h1")
        assert heading is not None
        assert normalize(heading.get_text()) == f"Fix {edit.file}"
        shown = normalize(error_page.get_text())
        for name in edit.page_names:
            assert name in shown, f"{name!r} not in the error page:\n{shown}"
        # The same page by its address without the slash, as a writer may type it.
        without_slash = server.url + OTHER_PAGE.rstrip("/")
        assert fetch_with_status(without_slash, timeout=AT_ONCE_SECONDS)[0] == 500
        # Text from the error (the record case's `<script>`) is shown as text: the only
        # script is the page's own.
        assert len(error_page.find_all("script")) == 1
    finally:
        path.write_text(edit.mends(good_text, new_value), encoding="utf-8")

    assert wait_until(lambda: new_value in served_text(server, PAGE), timeout=30), server.log()[
        log_start:
    ]
    assert served_text(server, OTHER_PAGE)


@pytest.mark.parametrize("case", CASES)
def test_the_same_broken_edit_fails_the_strict_build_without_an_error_page(
    project_copy: Path, tmp_path: Path, case: str
) -> None:
    edit = CASES[case]
    path = project_copy / edit.file
    path.write_text(edit.breaks(path.read_text(encoding="utf-8")), encoding="utf-8")
    site_dir = tmp_path / "site"
    result = run_build(project_copy, site_dir)
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    for name in edit.terminal_names:
        assert name in log, f"{name!r} not in:\n{log}"
    assert REBUILD_FAILED not in log
    written = html_files(site_dir) if site_dir.exists() else []
    assert [page for page in written if ERROR_PAGE_MARK in page.read_text(encoding="utf-8")] == []


def test_the_built_site_holds_no_error_page(site: BuiltSite) -> None:
    assert [
        page for page in site.html_pages() if ERROR_PAGE_MARK in page.read_text(encoding="utf-8")
    ] == []
