"""MkDocs hook (`hooks:` in mkdocs.yml): `mkdocs serve` on a taken address says so in one line.

Left alone, MkDocs builds the site, then fails to bind with a traceback ending in
`OSError: [Errno 98] Address already in use`. This hook tries the address first,
as the server will bind it, and stops with the address and how to pick another.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer


def on_serve(
    server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]
) -> LiveReloadServer:
    host, port = config.dev_addr
    with socket.socket(server.address_family) as probe:
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
    return server
