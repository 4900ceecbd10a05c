"""The site built for the address it is served at, so Material's instant navigation works locally.

Instant navigation only takes over links listed in sitemap.xml, whose addresses come from
`site_url`; a build for the published address makes every local click a full page load.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from helpers import PROJECT_ROOT, free_port, mkdocs_env
from static_server import serve_site


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
