"""What readers get: Lighthouse on every page and the bytes of a first view and a next page.

The site is built for its published `site_url`, as readers get it (the URLs shown in its
code are as long as theirs), and served on loopback under that address's path,
gzip-compressed like GitHub Pages; Chromium and Lighthouse open it as
`http://readers.localhost/<path>` (tests/support/local_site.py says why).
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path
from xml.etree import ElementTree

from playwright.sync_api import sync_playwright

from tests.support.chromium import CHROMIUM_FLAGS, chromium_path
from tests.support.local_site import published_home, served_as_published
from tests.support.page_weight import PageWeight, first_view, instant_navigation
from tools.bench import ARTIFACTS, PROJECT_ROOT

LIGHTHOUSE = PROJECT_ROOT / ".tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = chromium_path() or "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


@dataclass(frozen=True)
class LighthouseResult:
    url: str
    report: Path
    scores: dict[str, int]
    transfer_bytes: int
    # Main-thread time past 50 ms per task between the first paint and interactivity.
    total_blocking_time_ms: int
    # Titles of the audits that cost points, for the categories below 100.
    findings: list[str]


@dataclass(frozen=True)
class ReaderResults:
    pages: list[str]
    lighthouse: list[LighthouseResult]
    first_views: list[PageWeight]
    next_pages: list[PageWeight]


def sitemap_pages(site_dir: Path, base: str) -> list[str]:
    """Every page's local URL: its published address moved under `base`."""
    home = published_home(site_dir)
    sitemap = ElementTree.parse(site_dir / "sitemap.xml").getroot()
    published = sorted((str(loc.text) for loc in sitemap.iterfind(".//{*}loc")), key=len)
    return [base + url.removeprefix(home) for url in published]


def report_name(url: str, base: str) -> str:
    return (url.removeprefix(base).strip("/").replace("/", "-") or "home") + ".json"


def lighthouse(url: str, report: Path, chromium_flags: list[str]) -> LighthouseResult:
    """Lighthouse's defaults: a mobile device, simulated throttling, all four categories."""
    if not LIGHTHOUSE.exists():
        raise RuntimeError(f"{LIGHTHOUSE} is missing: `make bench` installs it")
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags="
        + " ".join([*CHROMIUM_FLAGS, "--headless=new", *map(quoted, chromium_flags)]),
    ]
    subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True)
    result = json.loads(report.read_text(encoding="utf-8"))
    audits = result["audits"]
    findings = []
    for name, category in result["categories"].items():
        if category["score"] is not None and category["score"] < 1:
            for reference in category["auditRefs"]:
                audit = audits[reference["id"]]
                if reference["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                    findings.append(f"{name}: {audit['title']} ({audit['score']})")
    return LighthouseResult(
        url=url,
        report=report,
        scores={
            name: round(100 * (result["categories"][name]["score"] or 0)) for name in CATEGORIES
        },
        transfer_bytes=int(audits["total-byte-weight"]["numericValue"]),
        total_blocking_time_ms=round(audits["total-blocking-time"]["numericValue"]),
        findings=findings,
    )


def quoted(flag: str) -> str:
    """A flag whose value holds spaces, quoted for Lighthouse's --chrome-flags."""
    name, _, value = flag.partition("=")
    return f"{name}='{value}'" if " " in value else flag


def median_lighthouse(
    url: str, report: Path, runs: int, chromium_flags: list[str]
) -> LighthouseResult:
    """Lighthouse's scores vary from run to run: the run with the median performance score,
    whose report is the one kept."""
    results = sorted(
        (
            lighthouse(url, report.with_suffix(f".{run}.json"), chromium_flags)
            for run in range(runs)
        ),
        key=lambda result: result.scores["performance"],
    )
    median = results[len(results) // 2]
    for result in results:
        if result is not median:
            result.report.unlink()
    median.report.replace(report)
    return replace(median, report=report)


def measure(
    workdir: Path, lighthouse_runs: int, only_pages: list[str] | None = None
) -> ReaderResults:
    """Every page, or those of `only_pages` (URL paths such as `first-calls/`, `` for home)."""
    site_dir = workdir / "site-published"
    reports = ARTIFACTS / "lighthouse"
    reports.mkdir(parents=True, exist_ok=True)
    with served_as_published(site_dir) as served:
        base = served.url
        pages = sitemap_pages(site_dir, base)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=[*CHROMIUM_FLAGS, *served.chromium_flags]
            )
            _, next_pages = instant_navigation(browser, pages[0])
            # In the order of the nav, as the footer's next links follow it.
            nav_order = [pages[0], *[weight.url for weight in next_pages]]
            pages.sort(key=lambda url: nav_order.index(url) if url in nav_order else len(pages))
            measured = [
                url for url in pages if only_pages is None or url.removeprefix(base) in only_pages
            ]
            first_views = [first_view(browser, url) for url in measured]
            browser.close()
        results = []
        if lighthouse_runs > 0:
            results = [
                median_lighthouse(
                    url, reports / report_name(url, base), lighthouse_runs, served.chromium_flags
                )
                for url in measured
            ]
    return ReaderResults(pages, results, first_views, next_pages)
