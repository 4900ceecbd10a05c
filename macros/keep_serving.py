"""MkDocs hook (`hooks:` in mkdocs.yml): a broken macro call must not stop `mkdocs serve`.

With `on_error_fail: true`, mkdocs-macros reports a page that fails to render by
calling `exit()`. That is what `mkdocs build --strict` should do, but the rebuild
loop of `mkdocs serve` survives only ordinary exceptions, so the `SystemExit`
would end the server. While serving, this hook turns it into an ordinary build
error: the server prints it, keeps running and rebuilds on the next edit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer


def on_serve(
    server: LiveReloadServer, config: Any, builder: Callable[..., None]
) -> LiveReloadServer:
    rebuild = server.builder

    def rebuild_without_exiting() -> None:
        try:
            rebuild()
        except SystemExit as stop:
            message = (
                f"mkdocs-macros stopped the build (exit code {stop.code}): a page failed "
                "to render, see the error above. Fix it and the site rebuilds."
            )
            raise PluginError(message) from None

    server.builder = rebuild_without_exiting
    return server
