"""No tracked file of the project reaches outside the repository root.

A clone, a fork or a GitHub runner has nothing beside the repository: a path that climbs
out of it (a parent folder, a home folder, an absolute path on one machine's disk) works
only where it was written. Temporary folders (`/tmp`, pytest's `tmp_path`) are not
flagged; tool caches are, unless listed in ALLOWED with the reason.

This file is not scanned: it holds examples of what the scan catches.
"""

from __future__ import annotations

import fnmatch
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pytest

from tests.support.helpers import PROJECT_ROOT

THIS_FILE = "tests/test_self_contained.py"
# Written by tools, not by us (registry URLs and hashes), or the licence's legal text.
NOT_SCANNED = frozenset({THIS_FILE, "uv.lock", "package-lock.json", "LICENSE"})
# Files whose relative paths start from the file's own folder (Markdown links, ruff's
# `extend`); everywhere else they start from the working directory, the root.
FILE_RELATIVE_SUFFIXES = (".md", ".toml")


@dataclass(frozen=True)
class Allowed:
    files: str
    """A glob of repository paths."""
    text: str
    """The exact text allowed there."""
    why: str


ALLOWED = (
    Allowed(".github/workflows/*.yml", "~/.cache/uv", "uv's download cache, kept by actions/cache"),
    Allowed(".github/workflows/*.yml", "~/.npm", "npm's download cache, kept by actions/cache"),
    Allowed(
        "README.md",
        "../../cookbook/",
        "a link between two pages of the cookbook repository, as the cookbook export writes it",
    ),
    Allowed(
        "tools/cookbook.py",
        "../../cookbook/",
        "the same link, in the docstring of the code that writes it",
    ),
    Allowed(
        "tools/cookbook.py",
        '"/".join(".." for',
        "builds those links: the cookbook's root seen from the exported page's folder",
    ),
    Allowed(
        "tools/cookbook_cli.py",
        'startswith("../")',
        "the check that a link of the export stays inside the cookbook checkout",
    ),
)

# A run of `..` segments, not part of an ellipsis (`...`) or a range (`a..b`).
CLIMB = re.compile(r"(?<![\w.])(?:\.\.(?:/|\\|(?![\w.])))+")
# The file's own folder in a shell script: `$(dirname "$0")/..` climbs from there.
SHELL_ANCHORED = re.compile(r"\$\(dirname \"\$(?:0|\{BASH_SOURCE\[0\]\})\"\)((?:/\.\.)+)")
PARENTS_INDEX = re.compile(r"\.parents\[(\d+)\]")
PARENT_CHAIN = re.compile(r"(?:\.parent\b(?!s))+")
ROOT_PARENT = re.compile(
    r"\b(?:PROJECT_ROOT|REPO_ROOT|ROOT_DIR|ROOT)\s*(?:\.parents?\b|/\s*\"\.\.)"
)
MACHINE_PATH = re.compile(r"(?<![\w.:/~-])/(?:work|home|root|Users|mnt|srv|media)\b")
HOME = re.compile(r"~/|\$HOME\b|\$\{HOME\}|\$\(HOME\)|Path\.home\(\)|expanduser\(")


def depth(file: str) -> int:
    """How many folders a file sits below the root: 0 for `Makefile`, 2 for `tests/browser/x`."""
    return len(PurePosixPath(file).parent.parts)


def allowed_texts(file: str) -> list[str]:
    return [entry.text for entry in ALLOWED if fnmatch.fnmatch(file, entry.files)]


def reaches_in_line(file: str, line: str) -> list[str]:
    """Why this line of `file` reaches outside the root; empty when it stays inside."""
    levels = depth(file)
    from_folder = "climbs out of the root from the file's folder"
    above = f"above the root for a file {levels} folders deep"
    reasons = []
    for allowed in allowed_texts(file):
        line = line.replace(allowed, "")
    for match in SHELL_ANCHORED.finditer(line):
        if match.group(1).count("..") > levels:
            reasons.append(f"{from_folder}: {match.group(0)}")
    line = SHELL_ANCHORED.sub("", line)
    for match in CLIMB.finditer(line):
        if not file.endswith(FILE_RELATIVE_SUFFIXES):
            reasons.append(f"a parent folder of the working directory (the root): {match.group(0)}")
        elif match.group(0).count("..") > levels:
            reasons.append(f"{from_folder}: {match.group(0)}")
    for match in PARENTS_INDEX.finditer(line):
        if int(match.group(1)) > levels:
            reasons.append(f"{above}: {match.group(0)}")
    for match in PARENT_CHAIN.finditer(line):
        if match.group(0).count(".parent") - 1 > levels:
            reasons.append(f"{above}: {match.group(0)}")
    reasons += [f"the root's parent: {m.group(0)}" for m in ROOT_PARENT.finditer(line)]
    reasons += [f"a path on one machine: {m.group(0)}" for m in MACHINE_PATH.finditer(line)]
    reasons += [f"a home folder: {m.group(0)}" for m in HOME.finditer(line)]
    return reasons


def tracked_files(root: Path) -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=root, capture_output=True, text=True, check=True
    )
    names = [name for name in listed.stdout.split("\0") if name and name not in NOT_SCANNED]
    # A file deleted but not committed yet is still listed.
    return [name for name in names if (root / name).is_file()]


def reaches_outside(root: Path) -> list[str]:
    """`file:line: why` for every place a tracked text file reaches outside `root`."""
    found = []
    for file in tracked_files(root):
        try:
            text = (root / file).read_text(encoding="utf-8")
        except UnicodeDecodeError:  # an image: no paths to read
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            found += [f"{file}:{number}: {why}" for why in reaches_in_line(file, line)]
    return found


# --- the project -------------------------------------------------------------------------------


def test_no_tracked_file_reaches_outside_the_repository() -> None:
    found = reaches_outside(PROJECT_ROOT)
    assert not found, "paths outside the repository:\n" + "\n".join(found)


@pytest.mark.parametrize("entry", ALLOWED, ids=lambda entry: entry.text)
def test_every_allowance_is_still_needed(entry: Allowed) -> None:
    """An allowance nothing uses any more goes, so the list stays as narrow as the project."""
    users = [
        file
        for file in tracked_files(PROJECT_ROOT)
        if fnmatch.fnmatch(file, entry.files)
        and entry.text in (PROJECT_ROOT / file).read_text(encoding="utf-8")
    ]
    assert users, f"nothing uses the allowance {entry.text!r} in {entry.files}"


# --- what the scan catches, and what it lets through --------------------------------------------

REACHES_OUT = [
    ("tests/helpers.py", 'GUIDE = PROJECT_ROOT.parent / "sibling" / "source" / "guide.md"'),
    ("tests/helpers.py", 'GUIDE = ROOT / ".." / "sibling" / "guide.md"'),
    ("tests/helpers.py", 'BESIDE = Path(__file__).resolve().parents[2] / "sibling"'),
    ("tests/browser/conftest.py", "OUT = Path(__file__).parent.parent.parent.parent"),
    ("tests/test_x.py", 'GUIDE = Path("../sibling/source/guide.md")'),
    ("Makefile", "\tcp ../sibling/guide.md reference/"),
    (".ci/run", 'cd "$(dirname "$0")/../.."'),
    (".ci/run", "cat ../sibling/guide.md"),
    ("docs/index.md", "[the index](../../cookbook/00-index.md)"),
    ("scripts/x.py", 'SOURCE = "/work/sibling/source/guide.md"'),
    ("bench/x.py", 'Path.home() / "guide.md"'),
    ("bench/x.py", 'os.path.expanduser("~/guide.md")'),
    (".github/workflows/ci.yml", "          path: ~/sibling"),
    ("Makefile", "\tcp $(HOME)/guide.md . && cp $HOME/guide.md ."),
]

STAYS_INSIDE = [
    ("tests/browser/conftest.py", 'ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"'),
    ("macros/mkdocs_env.py", "DATA_FILE.relative_to(DATA_FILE.parents[1])"),
    ("tests/browser/conftest.py", "here = Path(__file__).parent"),
    ("tests/test_x.py", 'site_dir = project.parent / "site"'),
    (".ci/run", 'cd "$(dirname "$0")/.."'),
    ("docs/examples/.ruff.toml", 'extend = "../../pyproject.toml"'),
    ("docs/chatgpt.md", "[Decide](../decide.md)"),
    ("macros/x.py", 'def macro(self, name: str = "") -> str: ...'),
    ("tests/x.py", '"HOME": os.environ.get("HOME", "/tmp")'),
    ("docs/index.md", "See https://example.org/home/page for more."),
    (".github/workflows/ci.yml", "            ~/.cache/uv"),
]


@pytest.mark.parametrize(("file", "line"), REACHES_OUT)
def test_the_scan_flags_a_path_out_of_the_root(file: str, line: str) -> None:
    assert reaches_in_line(file, line)


@pytest.mark.parametrize(("file", "line"), STAYS_INSIDE)
def test_the_scan_lets_a_path_inside_the_root_through(file: str, line: str) -> None:
    assert reaches_in_line(file, line) == []


def test_the_scan_finds_a_planted_file_in_a_repository(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "--quiet")
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "fine.py").write_text('OUT = "site/index.html"\n', encoding="utf-8")
    (tmp_path / "scripts" / "read.py").write_text(
        'import pathlib\nTEXT = pathlib.Path("../sibling/guide.md").read_text()\n', encoding="utf-8"
    )
    git("add", ".")
    assert reaches_outside(tmp_path) == [
        "scripts/read.py:2: a parent folder of the working directory (the root): ../"
    ]
