"""Turn measurements into rows of the benchmark table, each with its target when it has one."""

from __future__ import annotations

from tests.support.budgets import (
    FIRST_VIEW_BYTES,
    FIRST_VIEW_REQUESTS,
    INSTANT_NAVIGATION_BYTES,
    INSTANT_NAVIGATION_REQUESTS,
)
from tests.support.page_weight import PageWeight
from tools.bench.builds import Variants, compare_pages, other_files
from tools.bench.readers import ReaderResults
from tools.bench.table import Row, kilobytes
from tools.bench.timing import Run, median

BUILD_SECONDS_TARGET = 1.5
MACRO_SHARE_TARGET = 0.10
DATA_EDIT_SECONDS_TARGET = 1.0
SERVE_SETUP_SECONDS_TARGET = 60.0
# Lines of `make test`'s output shown when it fails in the fresh clone.
FAILURE_LINES = 6
LIGHTHOUSE_TARGETS = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}


def seconds(runs: list[Run]) -> float:
    return median([run.seconds for run in runs])


def cpu_seconds(runs: list[Run]) -> float:
    return median([run.cpu_seconds for run in runs])


def build_rows(variants: Variants, zensical_alone: Run) -> tuple[list[Row], list[str]]:
    """The rows, and notes that name the pages and files behind the counts."""
    rows = []
    for variant in variants.all():
        if variant.failure is not None:
            rows.append(Row("Build", variant.name, outcome(variant.failure)))
            continue
        value = (
            f"{seconds(variant.runs):.2f} s (CPU {cpu_seconds(variant.runs):.2f} s), "
            f"peak {max(r.peak_mb for r in variant.runs):.0f} MB"
        )
        measure = f"{variant.name}, median of {len(variant.runs)}"
        if variant is variants.repository:
            met = seconds(variant.runs) < BUILD_SECONDS_TARGET
            rows.append(Row("Build", measure, value, f"< {BUILD_SECONDS_TARGET} s", met))
        else:
            rows.append(Row("Build", measure, value))
    with_macros, plain = seconds(variants.with_macros.runs), seconds(variants.without_macros.runs)
    share = (with_macros - plain) / with_macros
    with_cpu = cpu_seconds(variants.with_macros.runs)
    cpu_share = (with_cpu - cpu_seconds(variants.without_macros.runs)) / with_cpu
    rows.append(
        Row(
            "Build",
            "macros' share of the build time (copies with / without)",
            f"{share:.1%} (ratio {with_macros / plain:.2f}); of the CPU time {cpu_share:.1%}",
            f"<= {MACRO_SHARE_TARGET:.0%}",
            share <= MACRO_SHARE_TARGET,
        )
    )
    cached = seconds(variants.templates_cached.runs)
    rows.append(
        Row(
            "Build",
            "templates compiled before / compiled in the build (copies)",
            f"ratio {cached / with_macros:.2f}",
        )
    )
    compared = [("without macros", variants.without_macros.site)]
    if variants.zensical.failure is None:
        zensical = seconds(variants.zensical.runs)
        rows.append(
            Row("Build", "Zensical / MkDocs, same copy", f"ratio {zensical / with_macros:.2f}")
        )
        compared.append(("Zensical", variants.zensical.site))
    notes = []
    for label, site in compared:
        pages = compare_pages(variants.with_macros.site, site)
        total = len(pages.same) + len(pages.different) + len(pages.only_first)
        missing = other_files(variants.with_macros.site, site) + pages.only_first
        rows.append(
            Row(
                "Build",
                f"{label}: pages with the same article HTML",
                f"{len(pages.same)} of {total}; {len(missing)} files not written",
            )
        )
        if pages.different:
            notes.append(f"{label}, articles differ: {', '.join(pages.different)}")
        if missing:
            notes.append(f"{label}, not written: {', '.join(missing)}")
    rows.append(Row("Build", "Zensical without PYTHONPATH=<project>", outcome(zensical_alone)))
    return rows, notes


def outcome(run: Run) -> str:
    if run.returncode == 0:
        return "builds"
    errors = [line.strip() for line in run.output.splitlines() if "Error" in line]
    return "fails: " + (errors[-1] if errors else f"exit code {run.returncode}")


def edit_rows(page_times: list[float], data_times: list[float]) -> list[Row]:
    data = median(data_times)
    return [
        Row(
            "Edit loop",
            f"page edit shown by mkdocs serve, median of {len(page_times)}",
            f"{median(page_times):.2f} s (max {max(page_times):.2f})",
        ),
        Row(
            "Edit loop",
            f"data edit shown by mkdocs serve, median of {len(data_times)}",
            f"{data:.2f} s (max {max(data_times):.2f})",
            f"< {DATA_EDIT_SECONDS_TARGET} s",
            data < DATA_EDIT_SECONDS_TARGET,
        ),
    ]


def reader_rows(results: ReaderResults) -> list[Row]:
    """One row per page: Lighthouse's scores and transfer size, the first view, the page's
    HTML by instant navigation; then the second page, which has an instant budget."""
    base = results.pages[0]
    lighthouse = {result.url: result for result in results.lighthouse}
    by_instant = {weight.url: weight for weight in results.next_pages}
    rows = []
    for first in results.first_views:
        values, targets = [], []
        met = first.bytes <= FIRST_VIEW_BYTES and first.requests <= FIRST_VIEW_REQUESTS
        if (result := lighthouse.get(first.url)) is not None:
            scores = "/".join(str(result.scores[name]) for name in LIGHTHOUSE_TARGETS)
            blocking = f"blocking {result.total_blocking_time_ms} ms"
            values.append(f"LH {scores} ({blocking}), {kilobytes(result.transfer_bytes)}")
            targets.append("LH " + "/".join(str(v) for v in LIGHTHOUSE_TARGETS.values()))
            met = met and all(result.scores[n] >= v for n, v in LIGHTHOUSE_TARGETS.items())
        values.append(f"first view {kilobytes(first.bytes)} in {first.requests}")
        targets.append(f"<= {kilobytes(FIRST_VIEW_BYTES)} in {FIRST_VIEW_REQUESTS}")
        if (instant := by_instant.get(first.url)) is not None:
            values.append(f"instant {kilobytes(instant.bytes)}" + full_load(instant))
        rows.append(
            Row(
                "Readers",
                "/" + first.url.removeprefix(base),
                "; ".join(values),
                "; ".join(targets),
                met,
            )
        )
    if results.next_pages:
        second = results.next_pages[0]
        rows.append(
            Row(
                "Readers",
                f"/{second.url.removeprefix(base)} by instant navigation from /",
                f"{kilobytes(second.bytes)} in {second.requests}" + full_load(second),
                f"<= {kilobytes(INSTANT_NAVIGATION_BYTES)} in {INSTANT_NAVIGATION_REQUESTS}",
                not second.full_page_loads()
                and second.bytes <= INSTANT_NAVIGATION_BYTES
                and second.requests <= INSTANT_NAVIGATION_REQUESTS,
            )
        )
    return rows


def full_load(weight: PageWeight) -> str:
    return ", FULL PAGE LOAD" if weight.full_page_loads() else ""


def lighthouse_findings(results: ReaderResults) -> list[str]:
    base = results.pages[0]
    return [
        f"Lighthouse, /{result.url.removeprefix(base)}: {finding}"
        for result in results.lighthouse
        for finding in result.findings
    ]


def setup_rows(
    serve_seconds: float, make_test: tuple[float, Run] | None
) -> tuple[list[Row], list[str]]:
    """The rows, and the end of `make test`'s output when it failed."""
    rows = [
        Row(
            "Set-up",
            "git clone, no .venv, to make serve answering",
            f"{serve_seconds:.1f} s",
            f"<= {SERVE_SETUP_SECONDS_TARGET:.0f} s",
            serve_seconds <= SERVE_SETUP_SECONDS_TARGET,
        )
    ]
    notes = []
    if make_test is not None:
        seconds_taken, run = make_test
        result = "passed" if run.returncode == 0 else f"FAILED (exit {run.returncode})"
        rows.append(
            Row(
                "Set-up",
                "git clone, no .venv, to make test finished",
                f"{seconds_taken:.0f} s, {result}",
            )
        )
        if run.returncode != 0:
            tail = [line for line in run.output.splitlines() if line.strip()][-FAILURE_LINES:]
            notes.append("make test in the clone ended with:\n    " + "\n    ".join(tail))
    return rows, notes
