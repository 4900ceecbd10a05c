"""MkDocs hook (`hooks:` in mkdocs.yml): under `mkdocs serve`, a rebuild says one line, or
names each mistake in the terminal and in the open tab, and the server lives on.

What only the strict build fails on (a broken link) does not stop a rebuild: it is told in
the terminal and shown on its page (`warning_notices.py`).

MkDocs alone prints every tool's report and traceback, shows browsers nothing, and holds
every page request until a rebuild succeeds. This hook wraps the server's rebuild. A
rebuild that works prints one line (`serve_log.Quiet` leaves out the rest). A failure is
described (`build_failure.py`: the file and line to fix, the tool's words, a hint) and
printed as one block per problem, with a traceback only for an error it has no words for
(or with `--verbose`); it is kept, and the rebuild counts as done, so MkDocs tells open
tabs to reload. While it lasts, every page request is answered at once with the error page
(`error_page.py`), which reloads by itself after the next rebuild: the writer's page again
once the fix builds. Files other than pages are served as usual. A rebuild that failed
while files were still being written (a `git checkout`, an editor saving several files) is
run once more when they are. The page saved last is built first, so that a mistake in it
shows without waiting for the pages before it, and saves are looked for every 0.1 s.
`mkdocs build` never runs `on_serve`: it fails as before and writes no error page.

mkdocs-macros (`on_error_fail: true`) stops on a page that fails to render by calling
`exit()`; the wrapper catches that too, so the server keeps running.

What it relies on in MkDocs 1.6's server, none of it private: `server.builder`, which
its rebuild loop calls; the WSGI app it serves (`get_app`/`set_app`, from wsgiref); its
`observer` (watchdog's, whose `emitters` tell what it watches) with `watch` and `unwatch`;
and its live-reload address, `/livereload/<build>/<id>`, as its pages' script uses it.
The serve tests fail if an upgrade changes one of them.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from watchdog.observers.polling import PollingObserver

# MkDocs puts a hook's own folder on the import path while it loads the hook, so the
# modules beside this one import by their names.
import error_page
import serve_log
import warning_notices
from build_failure import BuildFailure, Project, describe

# Not MkDocs' plugin logger, which would put "keep_serving: " before each `file:line:`.
log = logging.getLogger("mkdocs.plugins.keep_serving")

# Where the pages' live-reload script asks MkDocs for the newest build.
LIVE_RELOAD = "/livereload/"
# Files still being written are quiet for this long before the failed rebuild runs again.
QUIET_SECONDS = 0.2
QUIET_AT_MOST_SECONDS = 3.0
# How often the watched files are polled for a save. MkDocs polls every 0.5 s, a quarter of a
# second's wait on average before each rebuild; polling the docs, the macros and mkdocs.yml
# takes under a millisecond.
POLL_SECONDS = 0.1

Environ = dict[str, Any]
StartResponse = Callable[..., Any]
App = Callable[[Environ, StartResponse], Iterable[bytes]]
FilesState = dict[Path, int]

# The Markdown page being built, while it is (relative to docs_dir): the page to name
# when a macro call in it fails. Hooks are loaded once per process, so this lasts.
_page_in_progress: list[str] = []


# Under `mkdocs serve`: hooks run for `mkdocs build` too, which is left as it is.
_serving: list[bool] = []


def on_startup(*, command: str, dirty: bool) -> None:
    _serving[:] = [command == "serve"]
    if command == "serve":
        serve_log.quieten()
        warning_notices.hold_warnings()


@event_priority(-100)  # once every plugin has added its files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    warning_notices.remember_files(files)
    if _serving == [True]:
        newest_pages_first(files)
    return files


def newest_pages_first(files: Files) -> None:
    """The pages in the order they were last written, the newest first: MkDocs builds them in
    this order, so a mistake in the page just saved stops the rebuild at once, not after the
    pages before it (half a second sooner in the open tab). The site built is the same."""

    def written(file: File) -> int:
        try:
            return Path(file.abs_src_path or "").stat().st_mtime_ns
        except OSError:  # a page a plugin made
            return 0

    pages = sorted(files.documentation_pages(), key=written, reverse=True)
    moved = {page.src_uri for page in pages}
    order = [*pages, *(file for file in files if file.src_uri not in moved)]
    for file in order:
        files.remove(file)
    for file in order:
        files.append(file)


@event_priority(-100)  # after every plugin's own post-build work
def on_post_build(*, config: MkDocsConfig) -> None:
    if _serving == [True]:
        warning_notices.add_notices(config)


@event_priority(100)  # before any plugin, mkdocs-macros included, works on the page
def on_pre_page(page: Page, *, config: MkDocsConfig, files: Files) -> Page:
    _page_in_progress[:] = [page.file.src_uri]
    return page


@event_priority(-100)  # after every plugin is done with the page's Markdown
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    _page_in_progress.clear()
    return html


@dataclass
class _Showing:
    """The failure the server answers pages with; None once a rebuild succeeds."""

    failure: BuildFailure | None = None


def on_serve(
    server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]
) -> LiveReloadServer:
    poll_sooner(server, [config.docs_dir, config.config_file_path, *config.theme.dirs])
    project = Project.of(config)
    watched = [Path(config.config_file_path), Path(config.docs_dir), *map(Path, config.watch)]
    showing = _Showing()
    rebuild = server.builder

    def rebuild_or_keep_the_failure() -> None:
        for attempt in (1, 2):
            _page_in_progress.clear()
            serve_log.forget_earlier_rebuilds()
            warning_notices.forget_warnings()
            before = files_state(watched)
            with serve_log.held_errors() as held:
                try:
                    rebuild()
                except (Exception, SystemExit) as caught:
                    error: BaseException | None = caught
                else:
                    error = None
            if error is None:
                showing.failure = None
            elif attempt == 1 and files_state(watched) != before:
                wait_until_quiet(watched)
                continue  # what the tools said of the half-written files goes too
            else:
                page = _page_in_progress[0] if _page_in_progress else None
                showing.failure = describe(error, project, page, held.messages())
                _report(showing.failure, error, held)
            return

    server.builder = rebuild_or_keep_the_failure
    site = server.get_app()
    assert site is not None  # LiveReloadServer sets its app when it is made
    server.set_app(_answer_pages_with_the_failure(site, showing, server.mount_path))
    return server


def poll_sooner(server: LiveReloadServer, watched_first: Iterable[str]) -> None:
    """The server's watches moved to an observer that polls every `POLL_SECONDS`, before the
    server starts it, through MkDocs' own `unwatch` and `watch`: `watched_first` are the paths
    MkDocs watches before `on_serve` (the docs, mkdocs.yml, the theme's folders with
    `--watch-theme`); those it watches later (`watch:` in mkdocs.yml) go to the new observer by
    themselves. Should the old observer keep a watch of another path, it is kept as it was."""
    if server.observer.is_alive():
        return
    moved = {path: _unwatch_all(server, path) for path in dict.fromkeys(watched_first)}
    if not server.observer.emitters:  # else watched by something we do not know: left as it was
        server.observer = PollingObserver(timeout=POLL_SECONDS)
    for path, times in moved.items():
        for _ in range(times):
            server.watch(path)


def _unwatch_all(server: LiveReloadServer, path: str) -> int:
    """How many times `path` was watched; it is not any more."""
    times = 0
    while True:
        try:
            server.unwatch(path)
        except KeyError:  # not (or no longer) watched
            return times
        times += 1


def files_state(paths: Iterable[Path]) -> FilesState:
    """Every file the writer may have written under `paths`, with the time it was written
    (not Python's bytecode caches, which a rebuild writes itself, nor hidden files)."""
    state: FilesState = {}
    for path in paths:
        for file in [path] if path.is_file() else path.rglob("*"):
            parts = file.relative_to(path).parts if file != path else ()
            if any(part.startswith(".") or part == "__pycache__" for part in parts):
                continue
            try:
                state[file] = file.stat().st_mtime_ns
            except OSError:  # removed while we looked: the next look tells
                continue
    return state


def wait_until_quiet(paths: Iterable[Path]) -> None:
    """Until no file under `paths` has changed for `QUIET_SECONDS` (at most a few seconds)."""
    paths = list(paths)
    deadline = time.monotonic() + QUIET_AT_MOST_SECONDS
    state = files_state(paths)
    while time.monotonic() < deadline:
        time.sleep(QUIET_SECONDS)
        now = files_state(paths)
        if now == state:
            return
        state = now


def _report(failure: BuildFailure, error: BaseException, held: serve_log.Held) -> None:
    """The failure in the terminal: each problem as a block; the tools' own reports and the
    traceback only for an error without words of ours, or with --verbose."""
    if not failure.recognised or serve_log.verbose():
        held.release()
        traceback.print_exception(error)
    for problem in failure.problems:
        log.error(problem.block())
    log.error(
        f"The rebuild failed: fix {failure.file or 'the error above'}. "
        "Browsers show the error until a rebuild succeeds."
    )


def _answer_pages_with_the_failure(site: App, showing: _Showing, mount_path: str) -> App:
    """A WSGI app: the error page for page requests while a failure lasts, else the site."""

    def app(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        if not _asks_for_a_page(environ.get("PATH_INFO", ""), mount_path):
            return site(environ, start_response)
        failure = showing.failure
        if failure is None:
            # MkDocs holds a page request while a rebuild is under way: if that rebuild
            # fails, the page it left behind would never reload, so answer with the failure.
            held: list[tuple[str, list[tuple[str, str]]]] = []
            page = site(environ, lambda status, headers, *_: held.append((status, headers)))
            failure = showing.failure
            if failure is None:
                start_response(*held[0])
                return page
            getattr(page, "close", lambda: None)()
        body = error_page.render(failure, _newest_build(site)).encode("utf-8")
        start_response(
            "500 Internal Server Error",
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Cache-Control", "no-store"),
            ],
        )
        return [body]

    return app


def _asks_for_a_page(path: str, mount_path: str) -> bool:
    """A page is asked for by its folder (`decide/`, `decide`) or its `.html` file: a failed
    rebuild may have emptied the site's folder, so the request itself must tell."""
    if path.startswith(LIVE_RELOAD) or not path.startswith(mount_path):
        return False
    last_part = path.rsplit("/", 1)[-1]
    return last_part.endswith(".html") or "." not in last_part


def _newest_build(site: App) -> int:
    """The build the server tells browsers about, asked as its live-reload script asks.

    Asked about build 0, the live-reload endpoint answers at once with the newest build.
    """
    answer = site({"PATH_INFO": f"{LIVE_RELOAD}0/0"}, lambda *_: None)
    return int(b"".join(answer))
