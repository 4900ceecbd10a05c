"""Under `mkdocs serve`, what would fail the strict build shows in the open tab (for
`keep_serving.py`, the hook that shows the writer's mistakes; not a hook itself).

`mkdocs build --strict` (`make build`, CI) fails on every warning: a link to a missing page
or anchor, a `nav` entry for no file, a page left out of `nav`, a setting MkDocs does not
know. `mkdocs serve` builds anyway and only prints them, so a writer would learn of them at
CI. Under `mkdocs serve` each warning of a rebuild is taken as a problem
(`build_failure.warning_problem`: the file and line to fix, the closest existing page,
anchor or setting) and printed as a block; once the site is written, each page that a
problem is about carries a notice at its top (`error_page.notice`), and every page carries
the problems of the site as a whole (`mkdocs.yml`). The notice is added to the written
files, not to the page's HTML as it is built: MkDocs checks the links to anchors only once
every page is written. `mkdocs build` is left as it is.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

import error_page
import serve_log
from build_failure import Problem, Project, warning_problem

# keep_serving's logger: the problems are told as its failures are.
log = logging.getLogger("mkdocs.plugins.keep_serving")

# Where Material's page starts its article: the notice goes first in it.
ARTICLE_START = '<article class="md-content__inner md-typeset">'


class _Warnings(logging.Filter):
    """The warnings logged while the site builds, held to be told as problems."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if (
            record.levelno != logging.WARNING
            or record.name in (log.name, "mkdocs.livereload")
            or serve_log.is_error_report(record)
        ):
            return True
        self.messages.append(record.getMessage())
        return False


_warnings = _Warnings()
_files: list[Files] = []


def hold_warnings() -> None:
    """From now on (under `mkdocs serve`), warnings are held to be told as problems."""
    for handler in serve_log.terminal_handlers():
        handler.addFilter(_warnings)


def forget_warnings() -> None:
    """A rebuild starts afresh: what an earlier one warned of is gone or will be said again."""
    _warnings.messages.clear()


def remember_files(files: Files) -> None:
    _files[:] = [files]


def add_notices(config: MkDocsConfig) -> None:
    """Each warning of the build as a problem: told as a block, and on the pages it is about."""
    if not _warnings.messages or not _files:
        _warnings.messages.clear()
        return
    project = Project.of(config)
    pages = {
        file.src_uri: file for file in _files[0].documentation_pages() if file.page is not None
    }
    anchors = {
        source: sorted(file.page.present_anchor_ids or ()) if file.page else []
        for source, file in pages.items()
    }
    problems = [warning_problem(message, project, anchors) for message in _warnings.messages]
    _warnings.messages.clear()
    for problem in problems:
        log.warning(problem.block())
    for source, file in pages.items():
        own = [problem for problem in problems if problem.file == f"{project.docs_dir}/{source}"]
        site_wide = [
            problem
            for problem in problems
            if problem.file is None or not problem.file.startswith(f"{project.docs_dir}/")
        ]
        if own or site_wide:
            _add_notice(Path(file.abs_dest_path), [*own, *site_wide])


def _add_notice(page: Path, problems: list[Problem]) -> None:
    html = page.read_text(encoding="utf-8")
    at = html.find(ARTICLE_START)
    at = at + len(ARTICLE_START) if at >= 0 else html.find(">", html.find("<body")) + 1
    page.write_text(html[:at] + error_page.notice(problems) + html[at:], encoding="utf-8")
