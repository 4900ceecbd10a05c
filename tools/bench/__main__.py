"""Measure the site for its readers and writers and print one table.

python -m tools.bench --help
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
from pathlib import Path

from tests.support.helpers import free_port
from tools.bench import builds, edit_loop, readers, report, setup_time
from tools.bench.table import Row, markdown_table

SECTIONS = ("build", "edit", "readers", "setup")


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="timed builds of each variant")
    parser.add_argument("--edits", type=int, default=5, help="timed edits of each kind")
    parser.add_argument("--only", action="append", choices=SECTIONS, help="measure this only")
    parser.add_argument(
        "--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (0: none)"
    )
    parser.add_argument("--setup", action="store_true", help="also time make test in a fresh clone")
    parser.add_argument(
        "--page",
        action="append",
        dest="pages",
        metavar="URL_PATH",
        help="readers: measure this page only (first-calls/; '' for the home page)",
    )
    return parser.parse_args()


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs ({cpu}), {memory_kb / 1024**2:.0f} GB RAM, "
        f"Python {platform.python_version()}, load average {load}"
    )


def measure(arguments: argparse.Namespace, workdir: Path) -> tuple[list[Row], list[str]]:
    sections = arguments.only or SECTIONS
    rows: list[Row] = []
    notes: list[str] = []
    if "build" in sections:
        variants = builds.prepare(workdir / "builds")
        builds.interleave(variants.all(), arguments.runs)
        zensical_alone = builds.zensical_without_path(workdir / "builds")
        build_rows, build_notes = report.build_rows(variants, zensical_alone)
        rows += build_rows
        notes += build_notes
    if "edit" in sections:
        rows += report.edit_rows(*edit_loop.measure(workdir / "edit", arguments.edits))
    if "readers" in sections:
        results = readers.measure(workdir / "readers", arguments.lighthouse_runs, arguments.pages)
        rows += report.reader_rows(results)
        notes += report.lighthouse_findings(results)
    if "setup" in sections:
        serve = setup_time.seconds_to_serve(workdir / "setup", f"127.0.0.1:{free_port()}")
        make_test = setup_time.make_test(workdir / "setup") if arguments.setup else None
        setup_rows, setup_notes = report.setup_rows(serve, make_test)
        rows += setup_rows
        notes += setup_notes
    return rows, notes


def main() -> int:
    arguments = parse_arguments()
    print(f"Machine: {machine()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-") as workdir:
        rows, notes = measure(arguments, Path(workdir))
    print()
    print(markdown_table(rows))
    for note in notes:
        print(f"- {note}")
    print(f"\nLoad average at the end: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")
    return 0 if all(row.met is not False for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
