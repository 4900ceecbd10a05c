"""The writers' loop: from saving an edit to `mkdocs serve` showing it, polled every 10 ms.

A full rebuild each time: `--dirty` rebuilds only the pages whose Markdown changed, so an
edit to the data (shown on many pages) would leave stale pages behind.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from helpers import Server, copy_project, mkdocs_serve, replace_in_file

from macros.data import COMPARISON

POLL_SECONDS = 0.01
GIVE_UP_SECONDS = 30
# A page that shows both the edited Markdown and the edited data value.
PAGE = "mental-model/"
PAGE_SOURCE = Path("docs/mental-model.md")
DATA_SOURCE = Path("macros/data.py")


@dataclass(frozen=True)
class Edit:
    """Replace `old` with `new` in `path` and save it."""

    path: Path
    old: str
    new: str

    def save(self) -> None:
        replace_in_file(self.path, self.old, self.new)


def seconds_until_served(server: Server, edit: Edit, token: str) -> float:
    edit.save()
    saved = time.perf_counter()
    while time.perf_counter() - saved < GIVE_UP_SECONDS:
        try:
            if token in server.get(PAGE):
                return time.perf_counter() - saved
        except OSError:
            pass  # the server may drop a request while it swaps the rebuilt site in
        time.sleep(POLL_SECONDS)
    raise RuntimeError(f"{token!r} not served within {GIVE_UP_SECONDS} s:\n{server.log()}")


def fresh_token() -> str:
    # Letters only, so Markdown and HTML escaping leave it as it is.
    return "Edited " + "".join(c for c in uuid.uuid4().hex if c.isalpha())[:6] + "x"


def measure(workdir: Path, edits: int) -> tuple[list[float], list[float]]:
    """Seconds to see a page edit, and a data edit, `edits` times each, alternating."""
    project = copy_project(workdir / "serve")
    page, data = project / PAGE_SOURCE, project / DATA_SOURCE
    original_page = page_text = page.read_text(encoding="utf-8")
    data_value = COMPARISON.side("chatgpt").feels_like
    page_times, data_times = [], []
    with mkdocs_serve(project) as server:
        if data_value not in server.get(PAGE):
            raise RuntimeError(f"{PAGE} does not show the data value {data_value!r}")
        for _ in range(edits):
            token = fresh_token()
            page_edit = Edit(page, page_text, f"{original_page}\n{token}\n")
            page_times.append(seconds_until_served(server, page_edit, token))
            page_text = page_edit.new
            token = fresh_token()
            data_times.append(seconds_until_served(server, Edit(data, data_value, token), token))
            data_value = token
    return page_times, data_times
