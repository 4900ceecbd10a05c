"""The site served on loopback: built for the loopback address, or as published.

`served_locally` builds for the address it serves at. `served_as_published` builds for the
published `site_url` and serves under that address's path (`/chatgpt-vs-platform/`), so the
pages are byte for byte what readers get: the benchmark measures those.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

from tests.support.helpers import PROJECT_ROOT, free_port, mkdocs_env, run_build
from tests.support.static_server import serve_site


def build_for(site_url: str, site_dir: Path, project_dir: Path = PROJECT_ROOT) -> None:
    """`mkdocs build --strict` with SITE_URL set; raises with the build log on failure."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project_dir,
        env={**mkdocs_env(), "SITE_URL": site_url},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}")


@contextlib.contextmanager
def served_locally(site_dir: Path, project_dir: Path = PROJECT_ROOT) -> Iterator[str]:
    """Build into `site_dir` for a free loopback port and serve it there; yields the URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    build_for(url, site_dir, project_dir)
    with serve_site(site_dir, port=port) as served_url:
        yield served_url


def published_home(site_dir: Path) -> str:
    """The home page's published address, from `site_url`: the shortest in the sitemap."""
    sitemap = ElementTree.parse(site_dir / "sitemap.xml").getroot()
    return min((str(loc.text) for loc in sitemap.iterfind(".//{*}loc")), key=len)


# Material's instant navigation moves the sitemap's addresses to the page's protocol and host
# but keeps their port (none): on a port of its own, a next page would load in full. Chromium
# reaches the server under this name instead, as if on the default port (a `.localhost` name
# is a secure context, as HTTPS is for readers).
READERS_HOST = "readers.localhost"


@dataclass(frozen=True)
class PublishedSite:
    url: str
    """The home page, as Chromium opens it."""
    chromium_flags: list[str]
    """What Chromium needs to reach the server at `url`."""


@contextlib.contextmanager
def served_as_published(
    site_dir: Path, project_dir: Path = PROJECT_ROOT
) -> Iterator[PublishedSite]:
    """Build into `site_dir` for the published `site_url` and serve it on loopback under that
    URL's path, for Chromium at `http://readers.localhost/<path>`."""
    result = run_build(project_dir, site_dir)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build --strict failed:\n{result.stdout}{result.stderr}")
    path = urlsplit(published_home(site_dir)).path
    with serve_site(site_dir, base_path=path) as url:
        server = urlsplit(url).netloc
        yield PublishedSite(
            url=f"http://{READERS_HOST}{path}",
            chromium_flags=[f"--host-resolver-rules=MAP {READERS_HOST} {server}"],
        )
