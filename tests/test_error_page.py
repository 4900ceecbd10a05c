"""The error page `mkdocs serve` shows for a failed rebuild: what it names, and that it escapes.

`describe` is fed the exceptions the four usual broken edits raise, made here without a
server; `render` is read back with BeautifulSoup.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment, StrictUndefined
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from build_failure import BuildFailure, describe
from error_page import render
from keep_serving import _asks_for_a_page
from macros.data import COMPARISON
from macros.validate import validate
from tests.support.helpers import PROJECT_ROOT, normalize

HOSTILE = "<script>alert('boom')</script>"


def raised(action) -> BaseException:  # type: ignore[no-untyped-def]
    with pytest.raises(BaseException) as caught:  # noqa: PT011 (any failure of a rebuild)
        action()
    return caught.value


def test_a_syntax_error_names_the_file_line_and_column(tmp_path: Path) -> None:
    source = tmp_path / "macros" / "data.py"
    source.parent.mkdir()
    source.write_text("X = 1\nFACTS = (\n", encoding="utf-8")

    error = raised(lambda: compile(source.read_text(), str(source), "exec"))
    failure = describe(error, tmp_path, page=None, docs_dir="docs")

    assert failure.file == "macros/data.py"
    assert failure.summary == "SyntaxError: '(' was never closed"
    assert dict(failure.places) == {"Line": "2", "Column": "9"}
    assert failure.details == ("FACTS = (", "        ^")


def test_invalid_data_names_each_record_and_field() -> None:
    fact = dataclasses.replace(COMPARISON.facts[0], source="http://example.com/")
    broken = dataclasses.replace(COMPARISON, facts=(fact, *COMPARISON.facts[1:]))

    error = raised(lambda: validate(broken, source="macros/data.py", today=date.today()))
    failure = describe(error, PROJECT_ROOT, page=None, docs_dir="docs")

    assert failure.file == "macros/data.py"
    assert failure.details == (
        f"macros/data.py: Fact '{fact.id}': field 'source' is not an https URL: "
        "'http://example.com/'",
    )


def test_a_macro_that_stops_the_build_names_the_page() -> None:
    template = Environment(undefined=StrictUndefined).from_string("{{ no_such_macro() }}")

    def render_as_mkdocs_macros_does() -> None:
        try:
            template.render()
        except Exception:
            raise SystemExit(10) from None  # mkdocs-macros calls exit() while handling it

    error = raised(render_as_mkdocs_macros_does)
    failure = describe(error, PROJECT_ROOT, page="guide/index.md", docs_dir="docs")

    assert failure.file == "docs/guide/index.md"
    assert failure.summary == "UndefinedError: 'no_such_macro' is undefined"
    assert dict(failure.places)["Page"] == "guide/index.md"


def test_invalid_yaml_names_the_line_and_column(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Test\nextra: [unclosed\n", encoding="utf-8")

    error = raised(lambda: load_config(str(config)))
    failure = describe(error, tmp_path, page=None, docs_dir="docs")

    assert failure.file == "mkdocs.yml"
    assert failure.summary.startswith("MkDocs encountered an error parsing the configuration file")
    assert dict(failure.places) == {"Line": "3", "Column": "1"}


def test_another_error_names_the_innermost_file_of_the_project() -> None:
    error = raised(lambda: validate(None, source="x", today=date.today()))  # type: ignore[arg-type]
    failure = describe(Abort("Aborted"), PROJECT_ROOT, page=None, docs_dir="docs")
    assert failure.file is None  # MkDocs' own Abort names no file

    failure = describe(error, PROJECT_ROOT, page=None, docs_dir="docs")
    assert failure.file == "macros/validate.py"
    assert failure.summary.startswith("TypeError")


def test_the_page_names_the_file_to_fix_and_shows_everything_as_text() -> None:
    failure = BuildFailure(
        summary=f"DataError: {HOSTILE}",
        file="macros/<b>data</b>.py",
        places=(("Line", "12"), (HOSTILE, HOSTILE)),
        details=(HOSTILE, "second line"),
    )
    page = BeautifulSoup(render(failure, build=1234), "html.parser")

    heading = page.find("h1")
    assert heading is not None
    assert normalize(heading.get_text()) == "Fix macros/<b>data</b>.py"
    assert page.find("b") is None
    # The page's own script, and no other.
    scripts = page.find_all("script")
    assert len(scripts) == 1
    assert "/livereload/" in scripts[0].get_text()
    assert "1234" in scripts[0].get_text()
    text = normalize(page.get_text(" "))
    assert text.count(HOSTILE) == 4
    assert "Line 12" in text
    pre = page.find("pre")
    assert pre is not None
    assert pre.get_text() == f"{HOSTILE}\nsecond line"


def test_the_page_fits_a_phone_follows_the_system_palette_and_asks_nothing_elsewhere() -> None:
    page = BeautifulSoup(render(BuildFailure("Error", None), build=1), "html.parser")

    viewport = page.find("meta", attrs={"name": "viewport"})
    assert viewport is not None
    assert "width=device-width" in str(viewport.get("content"))
    style = page.find("style")
    assert style is not None
    assert "prefers-color-scheme: dark" in style.get_text()
    assert page.find_all(["link", "img", "iframe"]) == []
    assert page.find_all("script", src=True) == []
    heading = page.find("h1")
    assert heading is not None
    assert heading.get_text() == "The rebuild failed"


@pytest.mark.parametrize(
    ("path", "mount_path", "is_page"),
    [
        ("/guide/decide/", "/guide/", True),
        ("/guide/decide", "/guide/", True),
        ("/guide/404.html", "/guide/", True),
        ("/guide/assets/stylesheets/site.css", "/guide/", False),
        ("/guide/search/search_index.json", "/guide/", False),
        ("/other/", "/guide/", False),
        # Served at the root, the live-reload address is under the site: never a page.
        ("/livereload/1234/5678", "/", False),
        ("/decide/", "/", True),
    ],
)
def test_only_page_requests_get_the_error_page(path: str, mount_path: str, is_page: bool) -> None:
    assert _asks_for_a_page(path, mount_path) is is_page
