"""A broken edit under `mkdocs serve`: the error is printed, the server lives on, the fix recovers.

After a failed rebuild MkDocs tells no browser to reload, so an open tab keeps
the last good page; a page requested meanwhile is answered once a rebuild
succeeds. Each case breaks one file of a copy of the project, then restores it.
"""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import Server, fetch, mkdocs_serve, replace_in_file, run_build, wait_until

from macros.data import COMPARISON

pytestmark = pytest.mark.slow

# What the rebuild loop of `mkdocs serve` prints after any failed rebuild.
REBUILD_FAILED = "An error happened during the rebuild"
FIRST_SOURCE = COMPARISON.facts[0].source
INSECURE_SOURCE = FIRST_SOURCE.replace("https://", "http://", 1)


@dataclass(frozen=True)
class BrokenEdit:
    file: str
    breaks: Callable[[Path], None]
    # Fragments of the message that names the problem.
    names: tuple[str, ...]


def append(text: str) -> Callable[[Path], None]:
    def edit(path: Path) -> None:
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return edit


def replace(old: str, new: str) -> Callable[[Path], None]:
    return lambda path: replace_in_file(path, old, new)


CASES = {
    "syntax error in the data module": BrokenEdit(
        "macros/data.py",
        append("\nFACTS = (\n"),
        ("macros/data.py", "SyntaxError"),
    ),
    "record failing validation": BrokenEdit(
        "macros/data.py",
        replace(f'"{FIRST_SOURCE}"', f'"{INSECURE_SOURCE}"'),
        ("macros/data.py", "field 'source' is not an https URL", repr(INSECURE_SOURCE)),
    ),
    "unknown macro in a page": BrokenEdit(
        "docs/index.md",
        append("\n{{ no_such_macro() }}\n"),
        ("`index.md`", "'no_such_macro' is undefined"),
    ),
    "invalid YAML in mkdocs.yml": BrokenEdit(
        "mkdocs.yml",
        append("\nextra: [unclosed\n"),
        ("error parsing the configuration file", "mkdocs.yml"),
    ),
}


def visible_build(server: Server) -> int:
    """The build the server tells browsers about; it moves only when a rebuild succeeds."""
    # Live reload's poll returns at once when asked about an older build than the current one.
    return int(fetch(urllib.parse.urljoin(server.url, "/livereload/0/0")))


def article_text(html: str) -> str:
    article = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
    assert article is not None
    return article.get_text()


@pytest.mark.parametrize("case", CASES)
def test_a_broken_edit_keeps_the_server_and_the_fix_recovers(project_copy: Path, case: str) -> None:
    edit = CASES[case]
    path = project_copy / edit.file
    good_text = path.read_text(encoding="utf-8")
    with mkdocs_serve(project_copy) as server:
        good_page = article_text(server.get())
        good_build = visible_build(server)
        log_start = len(server.log())

        edit.breaks(path)
        assert wait_until(lambda: REBUILD_FAILED in server.log()[log_start:], timeout=30), (
            server.log()
        )
        failure = server.log()[log_start:]
        for name in edit.names:
            assert name in failure, f"{name!r} not in:\n{failure}"
        assert server.process.poll() is None, "mkdocs serve stopped"
        assert visible_build(server) == good_build, "browsers were told to reload a failed build"

        # A writer opens a page while the build is broken: it is answered after the fix.
        answered: list[str] = []
        request = threading.Thread(target=lambda: answered.append(fetch(server.url, timeout=60)))
        request.start()

        path.write_text(good_text, encoding="utf-8")
        assert wait_until(lambda: visible_build(server) > good_build, timeout=30), server.log()
        request.join(timeout=60)
        assert [article_text(html) for html in answered] == [good_page]
        assert article_text(server.get()) == good_page


@pytest.mark.parametrize("case", CASES)
def test_the_same_broken_edit_fails_the_strict_build(
    project_copy: Path, tmp_path: Path, case: str
) -> None:
    edit = CASES[case]
    edit.breaks(project_copy / edit.file)
    result = run_build(project_copy, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    for name in edit.names:
        assert name in log, f"{name!r} not in:\n{log}"
