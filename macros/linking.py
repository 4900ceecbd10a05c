"""The "Link to this guide" page, rendered from the URL contract so it cannot go stale.

Pure functions: the contract and the site's address in, Markdown out.
Each URL is shown in full (what a cookbook author copies) and linked through
its Markdown source, so MkDocs checks every page and anchor on each build. The lists
of addresses stay out of the search index: a reader finds them by their sections.
"""

from __future__ import annotations

from .contract import FILES, Anchor, Contract, PublicPage
from .render import table, unsearched


def canonical_url(site_url: str, path: str, anchor: str = "") -> str:
    url = site_url.rstrip("/") + "/" + path
    return f"{url}#{anchor}" if anchor else url


def _source_link(site_url: str, page: PublicPage, anchor: Anchor | None = None) -> str:
    fragment = f"#{anchor.id}" if anchor else ""
    url = canonical_url(site_url, page.path, anchor.id if anchor else "")
    return f"[`{url}`]({page.source}{fragment})"


def page_table(site_url: str, contract: Contract) -> str:
    rows: list[tuple[str, ...]] = [
        (page.label, _source_link(site_url, page)) for page in contract.pages
    ]
    return unsearched(table(("Page", "Canonical URL"), rows))


def anchor_table(site_url: str, contract: Contract) -> str:
    rows: list[tuple[str, ...]] = [
        (anchor.label, f"`#{anchor.id}`", _source_link(site_url, page, anchor))
        for page in contract.pages
        for anchor in page.anchors
    ]
    return unsearched(table(("Section", "Anchor", "URL"), rows))


def file_table(site_url: str) -> str:
    rows: list[tuple[str, ...]] = [
        (file.label, f"`{canonical_url(site_url, file.path)}`") for file in FILES
    ]
    return unsearched(table(("File", "URL"), rows))


def legacy_list(site_url: str, contract: Contract) -> str:
    return unsearched(
        "\n".join(
            f"- `{canonical_url(site_url, url)}` → `{canonical_url(site_url, legacy.target)}`"
            for legacy in contract.legacy_paths
            for url in legacy.urls()
        )
    )


def markdown_example(site_url: str, contract: Contract) -> str:
    page = contract.page("decide/")
    anchor = page.anchors[0]
    url = canonical_url(site_url, page.path, anchor.id)
    example = f"Not sure which one you need? [{anchor.label}]({url})"
    return f'```{{ .markdown data-search-exclude="" }}\n{example}\n```'
