"""List every built page that shows a piece of text from the comparison data.

    .venv/bin/python -m tools.pages_using "platform.openai.com"
    make uses VALUE="platform.openai.com"

Builds a throwaway copy of the project in which that text, in `macros/data.py`
only, is replaced by a marker, then lists the pages (and other published files)
where the marker shows up. Pages that merely repeat the same words in their own
prose are not listed: they would not follow a change to the data.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_FILE = Path("macros") / "data.py"
MARKER = "Zq9ValueInUseMarker"
NOT_PART_OF_THE_BUILD = shutil.ignore_patterns(
    ".git", ".venv", ".tools", "node_modules", "site", "artifacts", "*_cache", "__pycache__"
)


def main(arguments: list[str]) -> int:
    if len(arguments) != 1 or not arguments[0]:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        print('usage: make uses VALUE="text from macros/data.py"', file=sys.stderr)
        return 2
    value = arguments[0]
    data_text = (ROOT / DATA_FILE).read_text(encoding="utf-8")
    occurrences = data_text.count(value)
    if not occurrences:
        print(f"{value!r} is not in {DATA_FILE.as_posix()}.", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory(prefix="pages-using-") as temporary:
        project = Path(temporary) / "project"
        shutil.copytree(ROOT, project, ignore=NOT_PART_OF_THE_BUILD)
        (project / DATA_FILE).write_text(data_text.replace(value, MARKER), encoding="utf-8")
        site = Path(temporary) / "site"
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
            cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"},
            capture_output=True,
            text=True,
            check=False,
        )
        if build.returncode != 0:
            print(build.stdout + build.stderr, file=sys.stderr)
            print(
                f"The build fails once {value!r} is replaced: it is probably an id or a "
                "reference that other records point to. Search the pages for it instead:\n"
                f"    grep -rn '{value}' docs/",
                file=sys.stderr,
            )
            return 1
        pages, other_files = showing_marker(site)

    print(f"{value!r} ({occurrences}x in {DATA_FILE.as_posix()}) is shown by:")
    for url in pages:
        print(f"  page  /{url}")
    for name in other_files:
        print(f"  file  /{name}")
    if not pages and not other_files:
        print("  nothing: no page renders this text.")
    return 0


def showing_marker(site: Path) -> tuple[list[str], list[str]]:
    """URL paths of the pages, then names of the other text files, that contain the marker."""
    pages: list[str] = []
    other_files: list[str] = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site)
        # The search index holds every page's text; the pages themselves are listed.
        if not path.is_file() or relative.parts[0] == "search":
            continue
        if path.suffix not in {".html", ".txt", ".json", ".xml"}:
            continue
        if MARKER not in path.read_text(encoding="utf-8", errors="replace"):
            continue
        if path.suffix == ".html":
            pages.append(url_path(relative))
        else:
            other_files.append(relative.as_posix())
    return pages, other_files


def url_path(page: Path) -> str:
    """`decide/index.html` is served as `decide/`, the home page as ``."""
    if page.name != "index.html":
        return page.as_posix()
    return "" if page.parent == Path() else f"{page.parent.as_posix()}/"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
