"""Serve a built site on loopback the way GitHub Pages does: gzip for text, 404.html for misses.

Used by the browser tests and the benchmark, so both measure what readers get. A project site
lives under a path (`/chatgpt-vs-platform/`): `base_path` serves it there, as Pages does.
"""

from __future__ import annotations

import contextlib
import gzip
import mimetypes
import threading
from collections.abc import Iterator
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "application/xml",
)
GZIP_LEVEL = 6


class _GzipHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args: Any, base_path: str, **kwargs: Any) -> None:
        self.base_path = base_path
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        url_path = self.path.split("?")[0]
        inside = url_path.startswith(self.base_path)
        path = Path(self.translate_path("/" + url_path.removeprefix(self.base_path)))
        if inside and path.is_dir():
            if not url_path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", url_path + "/")
                self.end_headers()
                return
            path = path / "index.html"
        status = HTTPStatus.OK
        if not inside or not path.is_file():
            status, path = HTTPStatus.NOT_FOUND, Path(self.directory) / "404.html"
        body = path.read_bytes()
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.send_response(status)
        if content_type.startswith(COMPRESSIBLE) and "gzip" in self.headers.get(
            "Accept-Encoding", ""
        ):
            body = gzip.compress(body, compresslevel=GZIP_LEVEL)
            self.send_header("Content-Encoding", "gzip")
        self.send_header(
            "Content-Type", content_type + ("; charset=utf-8" if "text" in content_type else "")
        )
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)


@contextlib.contextmanager
def serve_site(root: Path, port: int = 0, base_path: str = "/") -> Iterator[str]:
    """Serve `root` at `base_path` on 127.0.0.1 until the block ends; yields the site's URL."""
    handler = partial(_GzipHandler, directory=str(root), base_path=base_path)
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path}"
    finally:
        server.shutdown()
        server.server_close()
