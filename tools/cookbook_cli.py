"""`make cookbook` writes the cookbook's page of the guide; `make cookbook-check` finds drift.

    python -m tools.cookbook_cli write build
    python -m tools.cookbook_cli check path/to/LLM-Cookbook

`write` puts the page under `OUT/cookbook/`, at the path it has in the cookbook
repository, and the line for the folder's README in `OUT/cookbook-README-line.md`.
`check` compares a checkout of the cookbook with the page it should hold: exit
0 when they match; 1 with a unified diff on drift, and with one line for each
relative link of the page whose file the checkout lacks; 2 for a path that is
not a cookbook checkout, in one line.
"""

from __future__ import annotations

import argparse
import difflib
import posixpath
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

from macros import contract
from macros.contract import Contract, ContractError
from macros.data import COMPARISON
from macros.mkdocs_env import DATA_FILE
from macros.validate import DataError, validate

from . import gfm
from .cookbook import ExportError, export_page, export_path, guide_pages, readme_line

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
OUTPUT_FOLDER = "cookbook"
README_LINE_FILE = "cookbook-README-line.md"


class NotACookbook(ValueError):
    """The path given to `check` is not a checkout of the cookbook."""


def mkdocs_config() -> dict[str, Any]:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as config:
        return dict(yaml_load(config))


def site_url() -> str:
    return str(mkdocs_config()["site_url"])


def auto_appended() -> str:
    """The text of the files `pymdownx.snippets` appends to every page (the glossary)."""
    extensions = [e for e in mkdocs_config()["markdown_extensions"] if isinstance(e, dict)]
    snippets = next(e["pymdownx.snippets"] for e in extensions if "pymdownx.snippets" in e)
    folders = [ROOT / folder for folder in snippets.get("base_path", ["."])]
    texts = []
    for name in snippets.get("auto_append", []):
        path = next(folder / name for folder in folders if (folder / name).is_file())
        texts.append(path.read_text(encoding="utf-8"))
    return "\n".join(texts)


def site_contract() -> Contract:
    return contract.load(ROOT / "mkdocs.yml")


def export() -> tuple[str, str]:
    """The page and the README line, from the pages and the data as they are on disk now."""
    comparison = validate(
        COMPARISON, source=DATA_FILE.relative_to(ROOT).as_posix(), today=date.today()
    )
    public, url = site_contract(), site_url()
    pages = {
        page.source: (DOCS / page.source).read_text(encoding="utf-8")
        for page in guide_pages(public)
    }
    return (
        export_page(comparison, public, pages, auto_appended(), url),
        readme_line(public, pages, url),
    )


def write(output: Path) -> int:
    page, line = export()
    path = export_path(site_contract())
    target = output / OUTPUT_FOLDER / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")
    (output / README_LINE_FILE).write_text(line + "\n", encoding="utf-8")
    print(f"Wrote {target}")
    print(f"The line for {path.parent}/README.md (also in {output / README_LINE_FILE}):")
    print(line)
    return 0


def relative_links(page: str) -> list[str]:
    """The page's links to files of the cookbook, as written, in order."""
    return [
        target
        for target in gfm.link_targets(page)
        if "://" not in target and not target.startswith(("#", "/", "mailto:"))
    ]


def broken_links(page: str, checkout: Path) -> list[str]:
    """Each relative link of the page whose file the checkout does not have, with that file."""
    broken = []
    folder = export_path(site_contract()).parent.as_posix()
    for target in relative_links(page):
        path = posixpath.normpath(posixpath.join(folder, target.split("#")[0]))
        if path.startswith("../") or not (checkout / path).is_file():
            broken.append(f"{target} (no file {path} in {checkout})")
    return broken


def cookbook_checkout(argument: str) -> Path:
    if not argument:
        raise NotACookbook("no checkout given: make cookbook-check COOKBOOK=path/to/LLM-Cookbook")
    checkout = Path(argument)
    if not checkout.exists():
        raise NotACookbook(f"{argument}: no such folder")
    # What a checkout of the cookbook has: its pages, and the folder of the export.
    folders = ("cookbook", export_path(site_contract()).parent.as_posix())
    missing = [folder for folder in folders if not (checkout / folder).is_dir()]
    if missing:
        raise NotACookbook(
            f"{argument}: not a checkout of the LLM Cookbook (it has no {' or '.join(missing)} "
            "folder)"
        )
    return checkout


def check(argument: str) -> int:
    checkout = cookbook_checkout(argument)
    page, _ = export()
    path = export_path(site_contract())
    current_file = checkout / path
    current = current_file.read_text(encoding="utf-8") if current_file.is_file() else ""
    diff = list(
        difflib.unified_diff(
            current.splitlines(keepends=True),
            page.splitlines(keepends=True),
            fromfile=str(current_file),
            tofile=f"make cookbook: {path}",
        )
    )
    sys.stdout.writelines(diff)
    broken = broken_links(page, checkout)
    for link in broken:
        print(f"Broken link in {path}: {link}")
    if diff:
        state = "differs from" if current_file.is_file() else "is missing; it should be"
        print(f"{current_file} {state} the export: run `make cookbook` and copy it over.")
    if not diff and not broken:
        print(f"{current_file} matches the export.")
    return 1 if diff or broken else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.cookbook_cli", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("write").add_argument("output", type=Path)
    commands.add_parser("check").add_argument("checkout")
    arguments = parser.parse_args(argv)
    try:
        if arguments.command == "write":
            return write(arguments.output)
        return check(arguments.checkout)
    except NotACookbook as error:
        print(f"cookbook-check: {error}", file=sys.stderr)
        return 2
    except (ExportError, DataError, ContractError) as error:
        print(f"cookbook: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
