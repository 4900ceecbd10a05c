"""A mistake under `mkdocs serve`: the terminal names it in one block (the file and line to fix,
the tool's words, a hint), every page answers at once with the error page saying the same,
the server lives on, and the fix brings the pages back with one line in the terminal. A link
to a missing anchor does not stop the build: the page carries a notice instead. The strict
build still fails on the same edits and writes no error page and no notice.

One server for the session (`served_copy`): each case breaks one file of its copy of the
project, then mends it. The browser's side (the open tab switching by itself) is in
tests/browser/test_serve_errors.py.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.broken_edits import (
    CASES,
    NOTICE,
    OTHER_PAGE,
    PAGE,
    REBUILD_FAILED,
    BrokenEdit,
    fresh_value,
)
from tests.support.helpers import (
    BuiltSite,
    Server,
    fetch_with_status,
    found,
    html_files,
    mkdocs_serve,
    normalize,
    run_build,
    wait_until,
)

pytestmark = pytest.mark.slow

# The error page's own header, which no page of the site may carry.
ERROR_PAGE_MARK = "the last rebuild failed"
# "At once": well under the build time, with room for a loaded machine.
AT_ONCE_SECONDS = 3
# What MkDocs and its plugins say on every rebuild, which the terminal no longer shows.
CHATTER = ("[macros]", "Detected file changes", "Building documentation", "Reloading browsers")
REBUILT = "Documentation built in"


def served_text(server: Server, url_path: str) -> str:
    """The text of a served page of the site, or "" while it answers with an error."""
    status, html = fetch_with_status(server.url + url_path)
    page = BeautifulSoup(html, "html.parser")
    return normalize(page.get_text()) if status == 200 and page.select("article") else ""


def said(log: str) -> list[str]:
    """The lines a rebuild printed, without the server's log of the tests' own requests."""
    return [line for line in log.splitlines() if line.strip() and '" code ' not in line]


def assert_told(edit: BrokenEdit, broken: str, terminal: str) -> None:
    """The terminal's block: `file:line: words`, the hint, and nothing of the chatter."""
    at = re.compile(rf"{re.escape(edit.place(broken))}(:\d+)?: ")  # a column may follow
    headline = next((line for line in said(terminal) if at.search(line)), terminal)
    for words in edit.says:
        assert words in terminal, f"{words!r} not in:\n{terminal}"
    assert edit.says[0] in headline, headline
    assert "Traceback" not in terminal, terminal
    for chatter in CHATTER:
        assert chatter not in terminal, terminal


@pytest.mark.parametrize("case", [case for case, edit in CASES.items() if edit.fails_the_build])
def test_a_broken_edit_is_named_at_once_and_the_fix_recovers(
    served_copy: tuple[Path, Server], case: str
) -> None:
    project, server = served_copy
    edit = CASES[case]
    path = project / edit.file
    good_text = path.read_text(encoding="utf-8")
    broken = edit.breaks(good_text)
    assert wait_until(lambda: served_text(server, PAGE), timeout=30), "no page before the edit"
    log_start = len(server.log())

    path.write_text(broken, encoding="utf-8")
    new_value = fresh_value()
    try:
        assert wait_until(lambda: REBUILD_FAILED in server.log()[log_start:], timeout=60), (
            server.log()[log_start:]
        )
        assert_told(edit, broken, server.log()[log_start:])
        assert server.process.poll() is None, "mkdocs serve stopped"

        started = time.monotonic()
        status, html = fetch_with_status(server.url + OTHER_PAGE, timeout=AT_ONCE_SECONDS)
        assert time.monotonic() - started < AT_ONCE_SECONDS
        assert status == 500
        error_page = BeautifulSoup(html, "html.parser")
        assert normalize(found(error_page.find("h1")).get_text()) == f"Fix {edit.to_fix}"
        shown = normalize(error_page.get_text(" "))
        assert f"Line {edit.line(broken)}" in shown, shown
        for words in edit.says:
            assert words in shown, f"{words!r} not in the error page:\n{shown}"
        # The same page by its address without the slash, as a writer may type it.
        without_slash = server.url + OTHER_PAGE.rstrip("/")
        assert fetch_with_status(without_slash, timeout=AT_ONCE_SECONDS)[0] == 500
        # Text from the error (the record case's `<script>`) is shown as text: the only
        # script is the page's own.
        assert len(error_page.find_all("script")) == 1
        mended_at = len(server.log())
    finally:
        path.write_text(edit.mends(good_text, new_value), encoding="utf-8")

    assert wait_until(lambda: new_value in served_text(server, PAGE), timeout=60), server.log()[
        log_start:
    ]
    assert served_text(server, OTHER_PAGE)
    # The rebuild that works says so in one line (written once the site is).
    assert wait_until(lambda: REBUILT in server.log()[mended_at:], timeout=10)
    assert [REBUILT in line for line in said(server.log()[mended_at:])] == [True]


def test_a_broken_link_shows_on_its_page_and_the_fix_takes_it_away(
    served_copy: tuple[Path, Server],
) -> None:
    project, server = served_copy
    edit = CASES["broken link in a page"]
    path = project / edit.file
    good_text = path.read_text(encoding="utf-8")
    broken = edit.breaks(good_text)
    log_start = len(server.log())

    path.write_text(broken, encoding="utf-8")
    try:
        assert wait_until(lambda: NOTICE in served_text(server, PAGE), timeout=60), server.log()[
            log_start:
        ]
        assert_told(edit, broken, server.log()[log_start:])
        page = BeautifulSoup(fetch_with_status(server.url + PAGE)[1], "html.parser")
        notice = normalize(found(page.select_one("article aside.serve-notice")).get_text(" "))
        assert f"File {edit.file} Line {edit.line(broken)}" in notice, notice
        for words in edit.says:
            assert words in notice, f"{words!r} not in the notice:\n{notice}"
        # Only the page the problem is in carries it.
        assert NOTICE not in served_text(server, OTHER_PAGE)
    finally:
        path.write_text(good_text, encoding="utf-8")
    assert wait_until(lambda: NOTICE not in served_text(server, PAGE), timeout=60)


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
    for words in edit.build_says:
        assert words in log, f"{words!r} not in:\n{log}"
    assert REBUILD_FAILED not in log
    written = html_files(site_dir) if site_dir.exists() else []
    marks = (ERROR_PAGE_MARK, "serve-notice")
    assert [page for page in written if any(m in page.read_text("utf-8") for m in marks)] == []


def test_the_built_site_holds_no_error_page(site: BuiltSite) -> None:
    assert [
        page for page in site.html_pages() if ERROR_PAGE_MARK in page.read_text(encoding="utf-8")
    ] == []


def answer_to(server: Server, host: str) -> tuple[int, str]:
    request = urllib.request.Request(server.url, headers={"Host": host})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@pytest.mark.parametrize(
    ("host", "answered"),
    [
        ("evil.example", False),
        ("evil.example:8000", False),
        ("127.0.0.1.nip.io", False),
        ("localhost", True),
        ("localhost:8000", True),
        ("preview.localhost", True),
        ("127.0.0.1", True),
        ("127.0.0.5:8000", True),
        ("[::1]:8000", True),
    ],
)
def test_the_preview_answers_only_this_machine(
    served_copy: tuple[Path, Server], host: str, answered: bool
) -> None:
    _, server = served_copy
    status, body = answer_to(server, host)
    if answered:
        assert status == 200, body
        return
    assert status == 403
    assert body.count("\n") == 1, body
    assert body.startswith("403 Forbidden: this preview answers only this machine")
    assert "SERVE_ALLOWED_HOSTS=" in body


def test_serve_allowed_hosts_lets_more_names_in(project_copy: Path) -> None:
    with mkdocs_serve(
        project_copy, env={"SERVE_ALLOWED_HOSTS": "preview.test, .ts.example"}
    ) as server:
        assert answer_to(server, "preview.test:8000")[0] == 200
        assert answer_to(server, "box.ts.example")[0] == 200
        assert answer_to(server, "evil.example")[0] == 403
