"""MkDocs hook (`hooks:` in mkdocs.yml): under `mkdocs serve`, a failed rebuild shows in browsers.

MkDocs alone prints the error, shows browsers nothing, and holds every page request
until a rebuild succeeds. This hook wraps the server's rebuild: a failure is printed
as before, then kept (`build_failure.py`), and the rebuild counts as done, so
MkDocs tells open tabs to reload. While it lasts, every page request is answered at
once with the error page (`error_page.py`), which reloads by itself after the
next rebuild: the writer's page again once the fix builds. Files other than pages
are served as usual. `mkdocs build` never runs `on_serve`: it fails as before and
writes no error page.

mkdocs-macros (`on_error_fail: true`) stops on a page that fails to render by
calling `exit()`; the wrapper catches that too, so the server keeps running.

What it relies on in MkDocs 1.6's server, none of it private: `server.builder`, which
its rebuild loop calls; the WSGI app it serves (`get_app`/`set_app`, from wsgiref);
and its live-reload address, `/livereload/<build>/<id>`, as its pages' script uses it.
The serve tests fail if an upgrade changes one of them.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# MkDocs puts a hook's own folder on the import path while it loads the hook, so the
# modules beside this one import by their names.
import error_page
from build_failure import BuildFailure, describe

log = get_plugin_logger("keep_serving")

# Where the pages' live-reload script asks MkDocs for the newest build.
LIVE_RELOAD = "/livereload/"

Environ = dict[str, Any]
StartResponse = Callable[..., Any]
App = Callable[[Environ, StartResponse], Iterable[bytes]]

# The Markdown page being built, while it is (relative to docs_dir): the page to name
# when a macro call in it fails. Hooks are loaded once per process, so this lasts.
_page_in_progress: list[str] = []


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
    root = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
    showing = _Showing()
    rebuild = server.builder

    def rebuild_or_keep_the_failure() -> None:
        _page_in_progress.clear()
        try:
            rebuild()
        except (Exception, SystemExit) as error:
            page = _page_in_progress[0] if _page_in_progress else None
            _print_as_mkdocs_would(error)
            showing.failure = describe(error, root, page, docs_dir)
            log.error(
                f"The rebuild failed: fix {showing.failure.file or 'the error above'}. "
                "Browsers show the error until a rebuild succeeds."
            )
        else:
            showing.failure = None

    server.builder = rebuild_or_keep_the_failure
    site = server.get_app()
    assert site is not None  # LiveReloadServer sets its app when it is made
    server.set_app(_answer_pages_with_the_failure(site, showing, server.mount_path))
    return server


def _print_as_mkdocs_would(error: BaseException) -> None:
    if isinstance(error, Abort):  # MkDocs logged the error before aborting
        print(error, file=sys.stderr)
    elif isinstance(error, SystemExit):  # mkdocs-macros logged the error before exit()
        print(f"mkdocs-macros stopped the build (exit code {error.code}).", file=sys.stderr)
    else:
        traceback.print_exception(error)


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
