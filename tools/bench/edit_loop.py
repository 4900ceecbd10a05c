"""The writers' loop: from saving an edit to `mkdocs serve` showing it, polled every 10 ms.

A full rebuild each time: `--dirty` rebuilds only the pages whose Markdown changed, so an
edit to the data (shown on many pages) would leave stale pages behind.

`python -m tools.bench.edit_loop` times the mistakes of the tests (tests/support/broken_edits.py)
in Chromium: from saving one until the tab shows it (the error page, or a broken link's notice
on the page), and from saving the fix until the tab shows the page again. Its table also
shows what the terminal and the tab said, and the machine's load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from macros.data import COMPARISON
from tests.support.broken_edits import CASES, OTHER_PAGE, BrokenEdit, fresh_value
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


@dataclass
class Mistake:
    """What one mistake of the tests' samples shows, and how fast, one entry per try: from
    saving it until the open tab shows it (the error page, or the page's notice); for
    another page to answer meanwhile; from saving the fix until the tab shows the page."""

    terminal: str = ""
    tab: str = ""
    to_error: list[float] = field(default_factory=list)
    other_page: list[float] = field(default_factory=list)
    to_page: list[float] = field(default_factory=list)


def measure_broken_edits(workdir: Path, rounds: int) -> dict[str, Mistake]:
    """Each mistake of the tests, `rounds` times, on a copy served to a Chromium tab."""
    project = copy_project(workdir / "broken")
    mistakes = {case: Mistake() for case in CASES}
    with mkdocs_serve(project) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path() or "/usr/bin/chromium", args=CHROMIUM_FLAGS
        )
        tab = browser.new_page()
        tab.goto(server.url + PAGE)
        tab.locator("article").wait_for()
        for _ in range(rounds):
            for case, edit in CASES.items():
                _try(server, tab, project / edit.file, edit, mistakes[case])
        browser.close()
    return mistakes


def _try(server: Server, tab: Page, path: Path, edit: BrokenEdit, mistake: Mistake) -> None:
    good_text = path.read_text(encoding="utf-8")
    log_start = len(server.log())
    path.write_text(edit.breaks(good_text), encoding="utf-8")
    if edit.fails_the_build:
        mistake.to_error.append(_seconds_until(tab, "h1", f"Fix {edit.to_fix}"))
        shown = tab.locator("main")
        asked = time.perf_counter()
        status, _ = fetch_with_status(server.url + OTHER_PAGE, timeout=GIVE_UP_SECONDS)
        mistake.other_page.append(time.perf_counter() - asked)
        if status != 500:
            raise RuntimeError(f"{OTHER_PAGE} answered {status} while the build is broken")
    else:
        mistake.to_error.append(_seconds_until(tab, "article .serve-notice", edit.says[0]))
        shown = tab.locator("article .serve-notice")
    mistake.tab = " ".join(shown.locator("h1, .summary, .hint").all_inner_texts())
    mistake.terminal = _told(server.log()[log_start:])
    value = fresh_value()
    path.write_text(edit.mends(good_text, value), encoding="utf-8")
    # The mend of mkdocs.yml shows in the footer, the others in the article.
    mistake.to_page.append(_seconds_until(tab, "body", value))


def _told(log: str) -> str:
    """What the terminal printed of a mistake, without the server's log of requests."""
    lines = [line for line in log.splitlines() if line.strip() and '" code ' not in line]
    return " ⏎ ".join(" ".join(line.split()) for line in lines)


def _seconds_until(tab: Page, selector: str, text: str) -> float:
    """Seconds from now (just after a save) until the tab shows `text` in `selector`."""
    saved = time.perf_counter()
    tab.locator(selector, has_text=text).first.wait_for(timeout=GIVE_UP_SECONDS * 1000)
    return time.perf_counter() - saved


def _figure(seconds: list[float]) -> str:
    if not seconds:
        return "–"
    return f"{statistics.median(seconds):.2f} s (max {max(seconds):.2f})"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.edit_loop", description=__doc__)
    parser.add_argument("--rounds", type=int, default=3, help="times each mistake is timed")
    rounds = parser.parse_args().rounds
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-broken-") as workdir:
        mistakes = measure_broken_edits(Path(workdir), rounds)
    load_after = os.getloadavg()
    print(
        "| Mistake | The terminal says | The open tab says | Saved → shown in the tab "
        "| Another page meanwhile | Fixed → page back |"
    )
    print("|---|---|---|---|---|---|")
    every = Mistake()
    for case, mistake in mistakes.items():
        every.to_error += mistake.to_error
        every.other_page += mistake.other_page
        every.to_page += mistake.to_page
        print(
            f"| {case} | {_cell(mistake.terminal)} | {_cell(mistake.tab)} "
            f"| {_figure(mistake.to_error)} | {_figure(mistake.other_page)} "
            f"| {_figure(mistake.to_page)} |"
        )
    print(
        f"| all | | | {_figure(every.to_error)} | {_figure(every.other_page)} "
        f"| {_figure(every.to_page)} |"
    )
    print(
        f"Median of {rounds} per mistake, {rounds * len(mistakes)} in all. Load average "
        f"(1, 5, 15 min) before: {_load(load_before)}; after: {_load(load_after)} "
        f"({os.cpu_count()} cores)."
    )


def _load(load: tuple[float, float, float]) -> str:
    return ", ".join(f"{value:.2f}" for value in load)


if __name__ == "__main__":
    main()
