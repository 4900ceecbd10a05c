"""Shared test helpers: build or serve a copy of the project, parse built pages."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import markdown
from bs4 import BeautifulSoup, Tag
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.nav import get_navigation

from macros import contract
from macros.contract import Contract

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DOCS = PROJECT_ROOT / "docs"
# What a copy of the project needs to build and export; everything else (venv, site, git)
# stays behind.
PROJECT_PARTS = ("mkdocs.yml", "docs", "macros", "overrides", "tools")


GUIDE = PROJECT_ROOT / "reference" / "chatgpt-vs-platform.md"


def plain(markdown_text: str) -> str:
    """The text a reader sees for inline Markdown such as `It’s for *you*`."""
    html = markdown.markdown(markdown_text)
    return normalize(BeautifulSoup(html, "html.parser").get_text())


def found(element: object, what: str = "") -> Tag:
    """What a `find` returned, as the element it must be: the test fails when it found none."""
    assert isinstance(element, Tag), f"no element found: {what}"
    return element


def attribute(tag: Tag, name: str) -> str:
    """A single-valued attribute of `tag` (`class`, say, is a list: read it with `get`)."""
    value = tag.get(name)
    assert isinstance(value, str), f"<{tag.name}> has no {name!r} attribute"
    return value


def normalize(text: str) -> str:
    return " ".join(text.split())


def own_text(item: Tag) -> str:
    """The text of a list item without the text of the lists nested in it, however deep."""
    copy = BeautifulSoup(str(item), "html.parser").find("li")
    assert isinstance(copy, Tag), "own_text takes a list item"
    for nested in copy.find_all(["ul", "ol"]):
        nested.decompose()
    return normalize(copy.get_text())


def table_rows(table: Tag) -> list[list[str]]:
    """Every row of a table, header included, as the cells' visible text."""
    rows = []
    for row in table.find_all("tr"):
        cells = []
        for cell in row.find_all(["th", "td"]):
            for line_break in cell.find_all("br"):
                line_break.replace_with(" ")
            cells.append(normalize(cell.get_text()))
        rows.append(cells)
    return rows


def mkdocs_env() -> dict[str, str]:
    return {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "DISABLE_MKDOCS_2_WARNING": "true",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def run_build(project_dir: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of `project_dir` into `site_dir`; never raises on failure."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project_dir,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        check=False,
    )


def copy_project(destination: Path) -> Path:
    """A buildable copy of the project, for tests that change a file."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = PROJECT_ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, destination / part, ignore=shutil.ignore_patterns("__pycache__")
            )
        elif source.exists():
            shutil.copy2(source, destination / part)
    return destination


def replace_in_file(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    log: str

    def path(self, url_path: str) -> Path:
        """The file behind a site URL path such as `""`, `"decide/"` or `"404.html"`."""
        target = self.root / url_path
        return target / "index.html" if url_path == "" or url_path.endswith("/") else target

    def soup(self, url_path: str) -> BeautifulSoup:
        return BeautifulSoup(self.path(url_path).read_text(encoding="utf-8"), "html.parser")

    def article(self, url_path: str) -> Tag:
        article = self.soup(url_path).select_one("article.md-content__inner")
        assert article is not None, f"no article in {url_path}"
        return article

    def html_pages(self) -> list[Path]:
        return html_files(self.root)


def nav_pages() -> list[tuple[str, str]]:
    """(Markdown source, URL path) of every page in the navigation, in order, as MkDocs sees it."""
    config = load_config(str(PROJECT_ROOT / "mkdocs.yml"))
    navigation = get_navigation(get_files(config), config)
    return [(page.file.src_uri, page.url) for page in navigation.pages]


@functools.cache
def site_contract() -> Contract:
    """The URL contract of the project's site: its pages, anchors and old addresses."""
    return contract.load(PROJECT_ROOT / "mkdocs.yml")


def nav_urls() -> list[str]:
    """URL paths (`""`, `"decide/"`) of every page in the navigation, in order."""
    return [url for _, url in nav_pages()]


def html_files(root: Path) -> list[Path]:
    """Every HTML file under `root` (redirect folders such as `old.html/` are not files)."""
    return sorted(path for path in root.rglob("*.html") if path.is_file())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str, timeout: float = 5) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return str(response.read().decode("utf-8"))


def fetch_with_status(url: str, timeout: float = 5) -> tuple[int, str]:
    """The HTTP status and the body, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_until(condition, timeout: float, interval: float = 0.1) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return bool(condition())


@dataclass
class Server:
    url: str
    process: subprocess.Popen[str]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def get(self, path: str = "") -> str:
        return fetch(self.url + path)


@contextlib.contextmanager
def mkdocs_serve(
    project_dir: Path,
    *extra_args: str,
    timeout: float = 60,
    env: Mapping[str, str] | None = None,
) -> Iterator[Server]:
    """Run `mkdocs serve` for `project_dir` on a free loopback port until the block ends,
    with `env` added to its environment."""
    port = free_port()
    log_path = project_dir / "serve.log"
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "--dev-addr",
                f"127.0.0.1:{port}",
                *extra_args,
            ],
            cwd=project_dir,
            env={**mkdocs_env(), **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
    server = Server(url=f"http://127.0.0.1:{port}/", process=process, log_path=log_path)
    try:

        def answers() -> bool:
            try:
                server.get()
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                return False
            return True

        assert wait_until(answers, timeout), f"mkdocs serve did not answer:\n{server.log()}"
        # mkdocs serve mounts the site at site_url's path and redirects / there.
        with urllib.request.urlopen(server.url, timeout=5) as response:
            server.url = response.geturl()
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
