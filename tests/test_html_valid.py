"""Every built page is valid HTML to the Nu HTML Checker (the W3C validator), the theme's too.

The checker is npm's `vnu-jar` (package.json; `make test` installs it) and runs on Java.
Without Java the tests skip with the reason, except under CI, where they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.support.helpers import PROJECT_ROOT, BuiltSite

VNU_JAR = PROJECT_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# A page the checker must reject, to show that it reads the files it is given.
INVALID_PAGE = """<!doctype html>
<html lang="en"><head><title>Invalid</title></head>
<body><input type="checkbox" autocomplete="off"></body></html>
"""

Errors = dict[str, list[str]]


def java() -> str:
    path = shutil.which("java")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI is set but Java is missing: the Nu HTML Checker needs Java 11 or later")
        pytest.skip("no Java found: the Nu HTML Checker (vnu-jar) needs Java 11 or later")
    return path


def check(files: list[Path]) -> Errors:
    """The checker's errors (not its warnings) for each file, as `line N: message`."""
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: `make test` (npm ci) installs it"
    result = subprocess.run(
        [java(), "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    # The checker writes its JSON report to stderr, and exits 1 when it found errors.
    report = json.loads(result.stderr)
    errors: Errors = defaultdict(list)
    for message in report["messages"]:
        path = unquote(urlsplit(message["url"]).path)
        errors[path].append(f"line {message.get('lastLine', '?')}: {message['message']}")
    return errors


@pytest.fixture(scope="session")
def checked(site: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> tuple[Errors, Path]:
    """One run of the checker over every built HTML file and the invalid page."""
    invalid = tmp_path_factory.mktemp("invalid") / "invalid.html"
    invalid.write_text(INVALID_PAGE, encoding="utf-8")
    return check([*site.html_pages(), invalid]), invalid


def test_the_checker_reports_an_invalid_page(checked: tuple[Errors, Path]) -> None:
    errors, invalid = checked
    assert any("autocomplete" in error for error in errors[str(invalid)]), errors


def test_every_built_page_is_valid_html(site: BuiltSite, checked: tuple[Errors, Path]) -> None:
    errors, _ = checked
    pages = [str(page) for page in site.html_pages()]
    assert len(pages) > 1
    invalid_pages = {
        Path(page).relative_to(site.root).as_posix(): errors[page] for page in pages if errors[page]
    }
    assert invalid_pages == {}
