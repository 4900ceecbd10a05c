"""keep_serving's rebuild, without a server: a rebuild that failed while files were still
being written runs once more, and the terminal gets a traceback only for an error without
words of ours. The served side is in tests/test_serve_recovery.py."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import get_files
from mkdocs.utils import DuplicateFilter
from watchdog.observers.polling import PollingObserver

import keep_serving
import serve_log
from build_failure import BuildFailure, Problem

Rebuild = Callable[[], None]


class StandInServer:
    """What keep_serving uses of MkDocs' LiveReloadServer: its builder, its WSGI app and its
    observer (watching nothing)."""

    mount_path = "/"

    def __init__(self, builder: Rebuild) -> None:
        self.builder = builder
        self.app: Callable[..., Iterable[bytes]] = self.site
        self.observer = PollingObserver()

    def watch(self, path: str) -> None:
        raise AssertionError(f"{path}: the stand-in watched nothing")

    def unwatch(self, path: str) -> None:
        raise KeyError(path)  # as MkDocs' server says it watches no such path

    @staticmethod
    def site(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        start_response("200 OK", [])
        return [b"7"]  # the page, or the newest build when the live-reload address is asked

    def get_app(self) -> Callable[..., Iterable[bytes]]:
        return self.app

    def set_app(self, app: Callable[..., Iterable[bytes]]) -> None:
        self.app = app

    def status_of_a_page(self) -> str:
        statuses: list[str] = []
        self.app({"PATH_INFO": "/decide/"}, lambda status, *_: statuses.append(status))
        return statuses[0]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "macros").mkdir()
    (tmp_path / "macros" / "data.py").write_text("FACTS = ()\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nwatch: [macros]\n", encoding="utf-8")
    return tmp_path


def served(project: Path, rebuild: Rebuild) -> StandInServer:
    server = StandInServer(rebuild)
    config = load_config(str(project / "mkdocs.yml"))
    keep_serving.on_serve(server, config, rebuild)  # type: ignore[arg-type]
    return server


def test_a_rebuild_that_failed_while_files_were_written_runs_once_more(project: Path) -> None:
    """As during `git checkout`: the macros package is read while a file of it is rewritten."""
    tries: list[int] = []

    def rebuild() -> None:
        tries.append(len(tries))
        if len(tries) == 1:
            (project / "macros" / "data.py").write_text("FACTS = (1,)\n", encoding="utf-8")
            raise ImportError("Macro plugin could not find custom 'macros' module")

    server = served(project, rebuild)
    server.builder()

    assert tries == [0, 1]
    assert server.status_of_a_page() == "200 OK"


def test_a_rebuild_that_fails_with_nothing_written_meanwhile_runs_once(project: Path) -> None:
    tries: list[int] = []

    def rebuild() -> None:
        tries.append(len(tries))
        raise SyntaxError("'(' was never closed", (str(project / "macros/data.py"), 1, 9, "", 1, 9))

    server = served(project, rebuild)
    server.builder()

    assert tries == [0]
    assert server.status_of_a_page().startswith("500")


def test_the_files_of_a_rebuild_are_the_writers_not_pythons_caches(project: Path) -> None:
    watched = [project / "macros", project / "docs"]
    before = keep_serving.files_state(watched)
    (project / "macros" / "__pycache__").mkdir()
    (project / "macros" / "__pycache__" / "data.cpython-311.pyc").write_bytes(b"")
    (project / "docs" / ".index.md.swp").write_bytes(b"")
    assert keep_serving.files_state(watched) == before
    (project / "docs" / "new.md").write_text("# New\n", encoding="utf-8")
    assert keep_serving.files_state(watched) != before


def raised_here() -> BaseException:
    try:
        dict[str, str]()["missing"]
    except KeyError as error:
        return error
    raise AssertionError


@pytest.mark.parametrize("recognised", [True, False])
def test_a_traceback_only_for_an_error_without_words_of_ours(
    recognised: bool, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    failure = BuildFailure((Problem("KeyError: 'missing'", "docs/index.md", 3),), recognised)
    with caplog.at_level(logging.ERROR), serve_log.held_errors() as held:
        keep_serving._report(failure, raised_here(), held)

    assert ("Traceback" in capsys.readouterr().err) is not recognised
    assert [record.getMessage() for record in caplog.records] == [
        "docs/index.md:3: KeyError: 'missing'",
        "The rebuild failed: fix docs/index.md. Browsers show the error until a rebuild succeeds.",
    ]


def test_a_page_asked_for_while_the_rebuild_fails_gets_the_failure(project: Path) -> None:
    """MkDocs holds a page request while it rebuilds, and answers it with the page the
    rebuild left: if that rebuild failed, the request must get the failure, or the tab
    would show a page that never reloads."""

    def failing_rebuild() -> None:
        raise SyntaxError("'(' was never closed", (str(project / "macros/data.py"), 1, 9, "", 1, 9))

    server = StandInServer(failing_rebuild)

    def held_until_the_rebuild_is_done(environ: dict[str, Any], start: Any) -> Iterable[bytes]:
        if environ["PATH_INFO"] == "/decide/":
            server.builder()  # the rebuild that runs while the request waits
        return StandInServer.site(environ, start)

    server.app = held_until_the_rebuild_is_done
    keep_serving.on_serve(server, load_config(str(project / "mkdocs.yml")), failing_rebuild)  # type: ignore[arg-type]
    assert server.status_of_a_page().startswith("500")


def test_each_rebuild_says_it_was_built_even_in_the_same_time_as_before(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """`mkdocs` puts a DuplicateFilter on its build logger: without forgetting between
    rebuilds, a rebuild that took as long as an earlier one printed no line at all."""
    build_log = logging.getLogger("mkdocs.commands.build")
    duplicates = DuplicateFilter()
    build_log.addFilter(duplicates)

    def rebuild() -> None:
        build_log.info("Documentation built in 1.23 seconds")

    try:
        with caplog.at_level(logging.INFO, logger=build_log.name):
            server = served(project, rebuild)
            server.builder()
            server.builder()
    finally:
        build_log.removeFilter(duplicates)
    said = [record.getMessage() for record in caplog.records if record.name == build_log.name]
    assert said == ["Documentation built in 1.23 seconds"] * 2


@pytest.mark.parametrize(
    ("message", "level", "reports_the_error"),
    [
        ("[macros] - ERROR # _Macro Rendering Error_\n\n_File_: `index.md`", logging.WARNING, True),
        ("\x1b[32m[macros] - ERROR\x1b[0m # _Macro Rendering Error_", logging.WARNING, True),
        ("[macros] - Macros arguments: {'module_name': 'macros'}", logging.INFO, False),
        ("[macros] - a page's text that says ERROR", logging.WARNING, False),
    ],
    ids=["plain", "coloured", "information", "other warning"],
)
def test_mkdocs_macros_report_of_a_page_it_cannot_render_is_held_back(
    message: str, level: int, reports_the_error: bool
) -> None:
    """Its report carries the traceback: the terminal shows the block of ours instead."""
    record = logging.LogRecord("mkdocs.plugins.mkdocs_macros.util", level, "", 0, message, (), None)
    assert serve_log.is_error_report(record) is reports_the_error


def test_the_page_saved_last_is_built_first(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A mistake in it then stops the rebuild before the other pages are built."""
    for name in ("a.md", "b.md", "c.md"):
        (project / "docs" / name).write_text(f"# {name}\n", encoding="utf-8")
    (project / "docs" / "style.css").write_text("", encoding="utf-8")
    config = load_config(str(project / "mkdocs.yml"))
    files = get_files(config)
    os.utime(project / "docs" / "b.md", ns=(1, time.time_ns() + 10**9))
    os.utime(project / "docs" / "c.md", ns=(1, 1))

    monkeypatch.setattr(keep_serving, "_serving", [True])  # as on_startup sets it for serve
    keep_serving.on_files(files, config=config)

    pages = [page.src_uri for page in files.documentation_pages()]
    assert (pages[0], pages[-1]) == ("b.md", "c.md")
    assert {file.src_uri for file in files} == {"a.md", "b.md", "c.md", "index.md", "style.css"}


def test_saves_are_looked_for_every_tenth_of_a_second_in_what_mkdocs_watches(
    project: Path,
) -> None:
    """MkDocs polls every 0.5 s: a quarter of a second's wait on average before a rebuild."""
    server = LiveReloadServer(lambda: None, "127.0.0.1", 0, str(project / "site"))
    server.watch(str(project / "docs"))
    server.watch(str(project / "mkdocs.yml"))
    server.watch(str(project / "mkdocs.yml"))  # twice: unwatched once, it stays watched
    try:
        keep_serving.on_serve(server, load_config(str(project / "mkdocs.yml")), lambda: None)
        server.watch(str(project / "macros"))  # as MkDocs watches `watch:` of mkdocs.yml

        assert server.observer.timeout == keep_serving.POLL_SECONDS
        # watchdog watches a file through its folder
        watched = {emitter.watch.path for emitter in server.observer.emitters}
        assert watched == {str(project / "docs"), str(project), str(project / "macros")}
        server.unwatch(str(project / "mkdocs.yml"))
        assert str(project) in {emitter.watch.path for emitter in server.observer.emitters}
    finally:
        server.server_close()
