"""The writers' loop: from saving an edit to `mkdocs serve` showing it, polled every 10 ms.

A full rebuild each time: `--dirty` rebuilds only the pages whose Markdown changed, so an
edit to the data (shown on many pages) would leave stale pages behind.

`python -m tools.bench.edit_loop` times broken edits in Chromium: from saving one until the
tab shows the error page, and from saving the fix until the tab shows the page again.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from macros.data import COMPARISON
from tests.support.broken_edits import CASES, OTHER_PAGE, fresh_value
from tests.support.chromium import CHROMIUM_FLAGS, chromium_path
from tests.support.helpers import (
    Server,
    copy_project,
    fetch_with_status,
    mkdocs_serve,
    replace_in_file,
)

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


@dataclass(frozen=True)
class BrokenEditTimes:
    """Seconds, one entry per try: from saving a broken edit until the open tab shows the
    error page; for another page to answer meanwhile; from saving the fix until the tab
    shows the fixed page."""

    to_error: list[float] = field(default_factory=list)
    other_page: list[float] = field(default_factory=list)
    to_page: list[float] = field(default_factory=list)


def measure_broken_edits(workdir: Path, rounds: int) -> dict[str, BrokenEditTimes]:
    """Each broken edit of the tests, `rounds` times, on a copy served to a Chromium tab."""
    project = copy_project(workdir / "broken")
    times = {case: BrokenEditTimes() for case in CASES}
    with mkdocs_serve(project) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path() or "/usr/bin/chromium", args=CHROMIUM_FLAGS
        )
        tab = browser.new_page()
        tab.goto(server.url + PAGE)
        tab.locator("article").wait_for()
        for _ in range(rounds):
            for case, edit in CASES.items():
                path = project / edit.file
                good_text = path.read_text(encoding="utf-8")
                path.write_text(edit.breaks(good_text), encoding="utf-8")
                times[case].to_error.append(_seconds_until(tab, "h1", f"Fix {edit.file}"))
                asked = time.perf_counter()
                status, _ = fetch_with_status(server.url + OTHER_PAGE, timeout=GIVE_UP_SECONDS)
                times[case].other_page.append(time.perf_counter() - asked)
                if status != 500:
                    raise RuntimeError(f"{OTHER_PAGE} answered {status} while the build is broken")
                value = fresh_value()
                path.write_text(edit.mends(good_text, value), encoding="utf-8")
                # The mend of mkdocs.yml shows in the footer, the others in the article.
                times[case].to_page.append(_seconds_until(tab, "body", value))
        browser.close()
    return times


def _seconds_until(tab: Page, selector: str, text: str) -> float:
    """Seconds from now (just after a save) until the tab shows `text` in `selector`."""
    saved = time.perf_counter()
    tab.locator(selector, has_text=text).first.wait_for(timeout=GIVE_UP_SECONDS * 1000)
    return time.perf_counter() - saved


def _figure(seconds: list[float]) -> str:
    return f"{statistics.median(seconds):.2f} s (max {max(seconds):.2f})"


def _figure_ms(seconds: list[float]) -> str:
    return f"{statistics.median(seconds) * 1000:.0f} ms (max {max(seconds) * 1000:.0f})"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.edit_loop", description=__doc__)
    parser.add_argument("--rounds", type=int, default=3, help="times each broken edit is timed")
    rounds = parser.parse_args().rounds
    with tempfile.TemporaryDirectory(prefix="bench-broken-") as workdir:
        times = measure_broken_edits(Path(workdir), rounds)
    every = BrokenEditTimes()
    for case in times.values():
        every.to_error.extend(case.to_error)
        every.other_page.extend(case.other_page)
        every.to_page.extend(case.to_page)
    print(
        "| Broken edit | Saved → error page in the tab | Another page meanwhile "
        "| Fixed → page back in the tab |"
    )
    print("|---|---|---|---|")
    for label, case in [*times.items(), ("all", every)]:
        print(
            f"| {label} | {_figure(case.to_error)} | {_figure_ms(case.other_page)} "
            f"| {_figure(case.to_page)} |"
        )
    print(f"Median of {rounds} per edit, {rounds * len(times)} in all.")


if __name__ == "__main__":
    main()
