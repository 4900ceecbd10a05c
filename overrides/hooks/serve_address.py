"""MkDocs hook (`hooks:` in mkdocs.yml): `mkdocs serve` on a taken address says so in one line,
before anything is built.

Left alone, MkDocs builds the whole site, then fails to bind with a traceback ending in
`OSError: [Errno 98] Address already in use`. This hook tries the address as the server
will bind it, before the first build, and stops with the address and how to pick another.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority

# The command this process runs, and whether the address was tried: hooks are loaded once
# per process, and `on_config` runs on every rebuild.
_serving: list[bool] = []
_tried: list[bool] = []


def on_startup(*, command: str, dirty: bool) -> None:
    _serving[:] = [command == "serve"]


@event_priority(100)  # before every plugin: nothing is built on a taken address
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _serving == [True] and not _tried:
        try_address(*config.dev_addr)
    return config


def on_serve(
    server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]
) -> LiveReloadServer:
    if not _tried:  # `mkdocs serve --clean` starts as a build
        try_address(*config.dev_addr)
    return server


def try_address(host: str, port: int) -> None:
    _tried[:] = [True]
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as probe:
        # As the server binds: an address another server listens on is taken, one
        # that a stopped server left in TIME_WAIT is not.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            raise Abort(
                f"{host}:{port} is already in use (another `make serve`?). "
                f"Pick another address: make serve DEV_ADDR={host}:{port + 1} "
                f"(or mkdocs serve --dev-addr {host}:{port + 1})"
            ) from None
