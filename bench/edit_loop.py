"""The writers' loop: from saving an edit to `mkdocs serve` showing it, polled every 10 ms.

A full rebuild each time: `--dirty` rebuilds only the pages whose Markdown changed, so an
edit to the data (shown on many pages) would leave stale pages behind.

`python -m bench.edit_loop` times broken edits in Chromium: from saving one until the open
tab shows the error page, and from saving the fix until the tab shows the page again.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from broken_edits import CASES, fresh_value
from chromium import CHROMIUM_FLAGS, chromium_path
from helpers import Server, copy_project, mkdocs_serve, replace_in_file
from playwright.sync_api import Page, sync_playwright

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


def measure_broken_edits(workdir: Path, rounds: int) -> dict[str, tuple[list[float], list[float]]]:
    """For each broken edit, `rounds` times: seconds from saving it until the open tab shows
    the error page, and from saving the fix until the tab shows the fixed page."""
    project = copy_project(workdir / "broken")
    times: dict[str, tuple[list[float], list[float]]] = {case: ([], []) for case in CASES}
    with mkdocs_serve(project) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path() or "/usr/bin/chromium", args=CHROMIUM_FLAGS
        )
        tab = browser.new_page()
        tab.goto(server.url + PAGE)
        tab.locator("article").wait_for()
        for _ in range(rounds):
            for case, edit in CASES.items():
                to_error, to_page = times[case]
                path = project / edit.file
                good_text = path.read_text(encoding="utf-8")
                path.write_text(edit.breaks(good_text), encoding="utf-8")
                to_error.append(_seconds_until(tab, "h1", f"Fix {edit.file}"))
                value = fresh_value()
                path.write_text(edit.mends(good_text, value), encoding="utf-8")
                # The mend of mkdocs.yml shows in the footer, the others in the article.
                to_page.append(_seconds_until(tab, "body", value))
        browser.close()
    return times


def _seconds_until(tab: Page, selector: str, text: str) -> float:
    """Seconds from now (just after a save) until the tab shows `text` in `selector`."""
    saved = time.perf_counter()
    tab.locator(selector, has_text=text).first.wait_for(timeout=GIVE_UP_SECONDS * 1000)
    return time.perf_counter() - saved


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.edit_loop", description=__doc__)
    parser.add_argument("--rounds", type=int, default=3, help="times each broken edit is timed")
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory(prefix="bench-broken-") as workdir:
        times = measure_broken_edits(Path(workdir), rounds)
    print("| Broken edit | Saved → error page in the tab | Fixed → page back in the tab |")
    print("|---|---|---|")
    every_error = [seconds for to_error, _ in times.values() for seconds in to_error]
    every_page = [seconds for _, to_page in times.values() for seconds in to_page]
    for label, (to_error, to_page) in [*times.items(), ("all", (every_error, every_page))]:
        print(
            f"| {label} | {statistics.median(to_error):.2f} s (max {max(to_error):.2f}) "
            f"| {statistics.median(to_page):.2f} s (max {max(to_page):.2f}) |"
        )
    print(f"Median of {rounds} per edit, {rounds * len(times)} in all.")


if __name__ == "__main__":
    main()
