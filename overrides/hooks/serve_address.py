"""MkDocs hook (`hooks:` in mkdocs.yml): the address `mkdocs serve` answers on, and whom it answers.

A taken address: left alone, MkDocs builds the whole site, then fails to bind with a
traceback ending in `OSError: [Errno 98] Address already in use`. This hook tries the
address as the server will bind it, before the first build, and stops with the address
and how to pick another.

Only this machine: the preview answers a request only when its `Host` header names this
machine (`localhost`, a name under `.localhost`, a loopback address) or the `dev_addr` it
serves on. Any other name gets 403 with the reason: a web page the writer visits could
otherwise point a name of its own at 127.0.0.1 and read the preview through it (DNS
rebinding). Served on every interface (`0.0.0.0`, `::`), it also answers any address
(`http://192.168.1.20:8000/` from a phone): an address is not a name an attacker can point.
`SERVE_ALLOWED_HOSTS` lists more names, comma- or space-separated; a name starting with a
dot allows the names under it (`.ts.net`).
"""

from __future__ import annotations

import errno
import ipaddress
import os
import socket
from collections.abc import Callable, Iterable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority

ALLOWED_HOSTS_VARIABLE = "SERVE_ALLOWED_HOSTS"
LOOPBACK_NAMES = ("localhost",)

Environ = dict[str, Any]
StartResponse = Callable[..., Any]
App = Callable[[Environ, StartResponse], Iterable[bytes]]

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


@event_priority(-100)  # last, so the host check wraps what the other hooks serve
def on_serve(
    server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]
) -> LiveReloadServer:
    if not _tried:  # `mkdocs serve --clean` starts as a build
        try_address(*config.dev_addr)
    site = server.get_app()
    assert site is not None  # LiveReloadServer sets its app when it is made
    allowed = allowed_hosts(config.dev_addr.host, os.environ.get(ALLOWED_HOSTS_VARIABLE, ""))
    server.set_app(_only_for(allowed, site))
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


def host_name(header: str) -> str:
    """The name or address of a `Host` header, without its port: `[::1]:8000` → `::1`."""
    name = header.strip().lower()
    if name.startswith("["):
        return name[1 : name.find("]")] if "]" in name else name
    if name.count(":") == 1:
        name = name.split(":")[0]
    return name.rstrip(".")


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def allowed_hosts(dev_host: str, setting: str) -> Callable[[str], bool]:
    """Whether a request's host name may be answered, for the server's address and the
    `SERVE_ALLOWED_HOSTS` setting."""
    listed = {host_name(name) for name in setting.replace(",", " ").split()}
    dev_host = host_name(dev_host)
    everywhere = _is_address(dev_host) and ipaddress.ip_address(dev_host).is_unspecified

    def allowed(name: str) -> bool:
        if name in LOOPBACK_NAMES or name.endswith(".localhost") or name in (dev_host, ""):
            return True
        if _is_address(name):
            return everywhere or ipaddress.ip_address(name).is_loopback
        return name in listed or any(
            entry.startswith(".") and name.endswith(entry) for entry in listed
        )

    return allowed


def _only_for(allowed: Callable[[str], bool], site: App) -> App:
    """A WSGI app: the site for requests to an allowed host, 403 with the reason for others."""

    def app(environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        header = environ.get("HTTP_HOST", "")
        if allowed(host_name(header)):
            return site(environ, start_response)
        body = (
            f"403 Forbidden: this preview answers only this machine, and {header!r} is not "
            f"localhost, a loopback address or its dev_addr; to answer it, serve with "
            f"{ALLOWED_HOSTS_VARIABLE}={host_name(header)}\n"
        ).encode()
        start_response(
            "403 Forbidden",
            [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))],
        )
        return [body]

    return app
