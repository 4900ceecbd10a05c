"""What a failed build names, and the error page `mkdocs serve` shows for it.

`describe` is fed the exceptions each kind of broken edit raises, made here without a
server: the file to fix is the writer's (never a hook nor the macros' own modules), the
line is the one the writer's editor shows, and the words are the tool's, with a hint.
`render` and `notice` are read back with BeautifulSoup.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from build_failure import (
    BuildFailure,
    Problem,
    Project,
    config_line,
    describe,
    warning_problem,
)
from error_page import notice, render
from keep_serving import _asks_for_a_page
from macros.data import COMPARISON
from macros.validate import validate
from tests.support.helpers import PROJECT_ROOT, found, normalize

HOSTILE = "<script>alert('boom')</script>"
FRONT_MATTER = "---\ndescription: >-\n  A page.\n---\n\n"
PROJECT = Project(root=PROJECT_ROOT, snippet_dirs=("docs/includes", "docs/examples"))


def raised(action) -> BaseException:  # type: ignore[no-untyped-def]
    with pytest.raises(BaseException) as caught:  # noqa: PT011 (any failure of a rebuild)
        action()
    return caught.value


def only(failure: BuildFailure) -> Problem:
    assert len(failure.problems) == 1, failure
    return failure.problems[0]


def a_project(tmp_path: Path, files: dict[str, str]) -> Project:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return Project(root=tmp_path)


def as_mkdocs_macros_renders(project: Project, page: str) -> BaseException:
    """The error of rendering a page as mkdocs-macros does: its Markdown without the front
    matter, as a template from a string, and `exit()` while handling a failure."""
    source = (project.root / "docs" / page).read_text(encoding="utf-8")
    markdown = source.removeprefix(FRONT_MATTER)

    def render_page() -> None:
        try:
            Environment(undefined=StrictUndefined).from_string(markdown).render()
        except Exception:
            raise SystemExit(100) from None

    return raised(render_page)


def test_a_syntax_error_names_the_file_line_and_column(tmp_path: Path) -> None:
    project = a_project(tmp_path, {"macros/data.py": "X = 1\nFACTS = (\n"})
    source = tmp_path / "macros" / "data.py"

    error = raised(lambda: compile(source.read_text(), str(source), "exec"))
    problem = only(describe(error, project))

    assert (problem.file, problem.line, problem.column) == ("macros/data.py", 2, 9)
    assert problem.message == "SyntaxError: '(' was never closed"
    assert problem.excerpt == ("FACTS = (", "        ^")
    assert problem.block().startswith("macros/data.py:2:9: SyntaxError: '(' was never closed")


def test_invalid_data_names_each_record_on_its_line_of_the_data_file() -> None:
    fact = dataclasses.replace(COMPARISON.facts[0], source="http://example.com/")
    broken = dataclasses.replace(COMPARISON, facts=(fact, *COMPARISON.facts[1:]))

    error = raised(lambda: validate(broken, source="macros/data.py", today=date.today()))
    problem = only(describe(error, PROJECT))

    data = (PROJECT_ROOT / "macros" / "data.py").read_text(encoding="utf-8").splitlines()
    assert problem.file == "macros/data.py"
    assert problem.line is not None
    assert data[problem.line - 1].strip().startswith("source=")
    assert problem.message == (
        f"Fact '{fact.id}': field 'source' is not an https URL: 'http://example.com/'"
    )


def test_a_misspelt_side_in_the_data_is_placed_and_answered(tmp_path: Path) -> None:
    signal = COMPARISON.signals[0]
    data = 'SIGNALS = (\n    Signal(\n        id="exploring",\n        side="chatgtp",\n    ),\n)\n'
    project = a_project(tmp_path, {"macros/data.py": data})
    broken = dataclasses.replace(
        COMPARISON,
        signals=(dataclasses.replace(signal, side="chatgtp"), *COMPARISON.signals[1:]),  # type: ignore[arg-type]
    )

    error = raised(lambda: validate(broken, source="macros/data.py", today=date.today()))
    problem = only(describe(error, project))

    assert (problem.file, problem.line) == ("macros/data.py", 4)
    assert problem.message == f"Signal '{signal.id}': field 'side' points at no side: 'chatgtp'"
    assert problem.hint == "did you mean `chatgpt`? Known sides: chatgpt, platform"


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("Text.\n\n{% if %}\n", 8, "TemplateSyntaxError: Expected an expression"),
        ("Text.\n\nMore.\n{{ no_such_macro() }}\n", 9, "'no_such_macro' is undefined"),
    ],
    ids=["syntax error", "unknown macro"],
)
def test_a_page_error_gives_the_line_the_editor_shows(
    tmp_path: Path, body: str, line: int, message: str
) -> None:
    """Jinja numbers the lines of the page without its front matter; the writer's editor
    numbers them with it (five lines here, and the blank line after them)."""
    project = a_project(tmp_path, {"docs/guide/index.md": FRONT_MATTER + body})

    error = as_mkdocs_macros_renders(project, "guide/index.md")
    failure = describe(error, project, page="guide/index.md")
    problem = only(failure)

    assert (problem.file, problem.line) == ("docs/guide/index.md", line)
    assert message in problem.message
    source_line = (FRONT_MATTER + body).splitlines()[line - 1]
    assert problem.excerpt == (source_line,)
    assert failure.recognised


def test_an_error_raised_deep_in_a_macro_is_placed_on_the_page_line(tmp_path: Path) -> None:
    project = a_project(tmp_path, {"docs/index.md": FRONT_MATTER + "# T\n\n{{ fact('x') }}\n"})
    source = (tmp_path / "docs" / "index.md").read_text(encoding="utf-8")
    template = Environment().from_string(source.removeprefix(FRONT_MATTER))

    def fact(fact_id: str) -> str:
        return COMPARISON.fact(fact_id).value

    error = raised(lambda: template.render(fact=fact))
    problem = only(describe(error, project, page="index.md"))

    assert (problem.file, problem.line) == ("docs/index.md", 8)
    # The message of our lookup, as it is written: no Python class name before it.
    assert problem.message.startswith("unknown fact `x`; Known facts: chatgpt_address")


def test_a_missing_snippet_names_the_including_line_and_the_closest_snippet(
    tmp_path: Path,
) -> None:
    include = '    --8<-- "first_requst.py"'
    page = FRONT_MATTER + '# T\n\n=== "Python"\n\n' + include + "\n"
    project = a_project(
        tmp_path,
        {
            "docs/first-calls.md": page,
            "docs/examples/first_request.sh": "",
            "docs/examples/first_request.py": "",
            "docs/includes/glossary.md": "",
        },
    )
    project = dataclasses.replace(project, snippet_dirs=("docs/includes", "docs/examples"))

    class SnippetMissingError(Exception):  # pymdownx.snippets' own, by its name
        pass

    error = SnippetMissingError("Snippet at path 'first_requst.py' could not be found")
    failure = describe(error, project, page="first-calls.md")
    problem = only(failure)

    assert (problem.file, problem.line) == ("docs/first-calls.md", 10)
    assert problem.message == "Snippet at path 'first_requst.py' could not be found"
    assert problem.hint == (
        "did you mean `first_request.py`? Known snippets: glossary.md, first_request.py, "
        "first_request.sh"
    )
    assert problem.excerpt == (include.strip(),)
    assert failure.recognised


YAML = "site_name: Test\nnav:\n  - index.md\n"


@pytest.mark.parametrize(
    ("mistake", "line", "hint"),
    [
        # Noticed at the end of the file; the mistake is where the bracket opens.
        ("extra: [unclosed\nplugins:\n  - search\n", 4, "a bracket opened here is never closed"),
        ('site_description: "open\nplugins:\n  - search\n', 4, "a quote"),
        # Indentation: the line indented wrongly itself.
        ("theme:\n  name: material\n custom_dir: overrides\n", 6, ""),
        ("theme:\n  name: material\n   custom_dir: overrides\n", 6, ""),
        ("a line without a colon\nplugins: []\n", 4, "this line has no `key:`"),
    ],
    ids=["unclosed bracket", "unclosed quote", "dedented key", "indented key", "no colon"],
)
def test_invalid_yaml_names_the_line_of_the_mistake(
    tmp_path: Path, mistake: str, line: int, hint: str
) -> None:
    project = a_project(tmp_path, {"mkdocs.yml": YAML + mistake})

    error = raised(lambda: load_config(str(tmp_path / "mkdocs.yml")))
    problem = only(describe(error, project))

    assert (problem.file, problem.line) == ("mkdocs.yml", line)
    assert problem.message.startswith("invalid YAML: ")
    assert hint in problem.hint
    assert problem.excerpt[0] == (YAML + mistake).splitlines()[line - 1].strip()


@pytest.mark.parametrize(
    ("setting", "logged", "line", "hint"),
    [
        (
            "plugins:\n  - macros\n  - searchh\n",
            "Config value 'plugins': The \"searchh\" plugin is not installed",
            6,
            "did you mean `search`? Known installed plugins: ",
        ),
        (
            "theme:\n  name: materal\n",
            "Config value 'theme': Unrecognised theme name: 'materal'. The available ...",
            5,
            "did you mean `material`?",
        ),
        (
            "markdown_extensions:\n  - admonitio\n",
            "Config value 'markdown_extensions': Failed to load extension 'admonitio'.",
            5,
            "did you mean `admonition`?",
        ),
        (
            "markdown_extensions:\n  - pymdownx.detials\n",
            "Config value 'markdown_extensions': Failed to load extension 'pymdownx.detials'.",
            5,
            "did you mean `pymdownx.details`?",
        ),
        (
            "site_nmae: x\n",
            "Config value 'site_nmae': Unrecognised configuration name: site_nmae",
            4,
            "did you mean `site_name`?",
        ),
        (
            "plugins:\n  - search:\n      langg: en\n",
            "Config value 'plugins': Plugin 'search' option 'langg': "
            "Unrecognised configuration name: langg",
            6,
            "did you mean `lang`?",
        ),
    ],
    ids=["plugin", "theme", "extension", "extension module", "setting", "plugin option"],
)
def test_a_configuration_error_is_placed_in_mkdocs_yml_with_the_closest_name(
    tmp_path: Path, setting: str, logged: str, line: int, hint: str
) -> None:
    project = a_project(tmp_path, {"mkdocs.yml": YAML + setting})

    failure = describe(Abort("Aborted with a configuration error!"), project, None, [logged])
    problem = only(failure)

    assert (problem.file, problem.line) == ("mkdocs.yml", line)
    assert problem.message == logged.splitlines()[0]
    assert problem.hint.startswith(hint)


def test_a_configuration_line_is_found_within_its_setting() -> None:
    text = "plugins:\n  - search\n  - macros:\n      module_name: macros\nmarkdown_extensions:\n"
    assert config_line(text, "plugins", ["macros"]) == 3
    assert config_line(text, "plugins", ["nowhere"]) == 1
    assert config_line(text, "markdown_extensions", ["search"]) == 5
    assert config_line(text, "site_name", []) is None


def test_a_missing_module_of_the_macros_names_its_file(tmp_path: Path) -> None:
    """As `git checkout` leaves it for a moment, or a file deleted by mistake: mkdocs-macros
    reports its own ImportError, raised while handling Python's."""
    project = a_project(tmp_path, {"macros/__init__.py": ""})

    def import_as_mkdocs_macros_does() -> None:
        try:
            raise ModuleNotFoundError("No module named 'macros.model'", name="macros.model")
        except ImportError:
            raise ImportError("Macro plugin could not find custom 'macros' module") from None

    problem = only(describe(raised(import_as_mkdocs_macros_does), project))
    assert problem.file == "macros/model.py"
    assert "No module named 'macros.model'" in problem.message


def test_our_machinery_is_never_the_file_to_fix() -> None:
    """An error raised in a hook or in the macros' modules names no file to fix; it is an
    error without words of ours, so the terminal shows its traceback."""
    failure = describe(raised(lambda: validate(None, "x", date.today())), PROJECT)  # type: ignore[arg-type]
    assert failure.file is None
    assert not failure.problems[0].place
    assert not failure.recognised
    assert failure.summary.startswith("TypeError")

    assert describe(Abort("Aborted with 2 warnings in strict mode!"), PROJECT).file is None


def test_a_name_error_in_the_data_names_the_data_and_pythons_suggestion(tmp_path: Path) -> None:
    project = a_project(tmp_path, {"macros/data.py": "FACTS = ()\nSIDES = FACT\n"})
    data = tmp_path / "macros" / "data.py"
    code = compile(data.read_text(encoding="utf-8"), str(data), "exec")

    problem = only(describe(raised(lambda: exec(code, {})), project))

    assert (problem.file, problem.line) == ("macros/data.py", 2)
    # Python's words, and the name it suggests (3.11 only prints it, 3.12 also says it).
    assert problem.message.startswith("NameError: name 'FACT' is not defined")
    assert "'FACTS'" in problem.message or problem.hint == "did you mean `FACTS`?"


RECORDS = """\
from dataclasses import dataclass


@dataclass(frozen=True)
class Fact:
    id: str
    source: str


"""


@pytest.mark.parametrize(
    ("mistake", "line", "hint"),
    [
        (
            'FACTS = (\n    Fact(\n        id="x",\n        sourc="https://a.test/",\n    ),\n)\n',
            11,  # the call's first line
            "did you mean `source`? Known fields of Fact: id, source",
        ),
        (
            'FIRST = Fact(id="x", source="https://example.org/")\nURL = FIRST.sorce\n',
            11,
            "`source`",
        ),
    ],
    ids=["record field", "attribute"],
)
def test_a_misspelt_field_in_the_data_names_the_field_meant(
    tmp_path: Path, mistake: str, line: int, hint: str
) -> None:
    project = a_project(tmp_path, {"macros/data.py": RECORDS + mistake})
    data = tmp_path / "macros" / "data.py"
    code = compile(data.read_text(encoding="utf-8"), str(data), "exec")

    # Run as a module of the tests: dataclasses look their module up.
    failure = describe(raised(lambda: exec(code, {"__name__": __name__})), project)
    problem = only(failure)

    assert (problem.file, problem.line) == ("macros/data.py", line)
    assert hint in problem.hint or hint in problem.message
    assert failure.recognised


def test_a_broken_link_is_placed_on_its_line_with_the_closest_page_and_anchor(
    tmp_path: Path,
) -> None:
    page = FRONT_MATTER + "# T\n\n[a](decid.md)\n\nSee [b](decide.md#rule-of-thum).\n"
    project = a_project(tmp_path, {"docs/guide/page.md": page})
    anchors = {"guide/page.md": [], "guide/decide.md": ["rule-of-thumb", "who-is-in-charge"]}

    missing = warning_problem(
        "Doc file 'guide/page.md' contains a link 'decid.md', but the target "
        "'guide/decid.md' is not found among documentation files.",
        project,
        anchors,
    )
    assert (missing.file, missing.line) == ("docs/guide/page.md", 8)
    # Named as the page links them: relative to its own folder.
    assert missing.hint == "did you mean `decide.md`? Known pages: page.md, decide.md"

    anchor = warning_problem(
        "Doc file 'guide/page.md' contains a link 'decide.md#rule-of-thum', but the doc "
        "'guide/decide.md' does not contain an anchor '#rule-of-thum'.",
        project,
        anchors,
    )
    assert (anchor.file, anchor.line) == ("docs/guide/page.md", 10)
    assert anchor.hint == (
        "did you mean `decide.md#rule-of-thumb`? "
        "Known anchors of guide/decide.md: rule-of-thumb, who-is-in-charge"
    )


def test_a_page_left_out_of_nav_says_what_to_add_where(tmp_path: Path) -> None:
    project = a_project(tmp_path, {"mkdocs.yml": YAML})
    problem = warning_problem(
        'The following pages exist in the docs directory, but are not included in the "nav" '
        "configuration:\n  - pricing.md",
        project,
        {},
    )
    assert (problem.file, problem.line) == ("mkdocs.yml", 2)
    assert "add a line for each to `nav` in mkdocs.yml" in problem.hint
    assert "`- Title: pricing.md`" in problem.hint


def test_a_mistake_in_a_template_of_the_overrides_names_the_template_and_its_line(
    tmp_path: Path,
) -> None:
    project = a_project(tmp_path, {"overrides/main.html": "{% extends 'base.html' %}\n{% if %}\n"})
    loader = FileSystemLoader(str(tmp_path / "overrides"))

    problem = only(
        describe(raised(lambda: Environment(loader=loader).get_template("main.html")), project)
    )

    assert (problem.file, problem.line) == ("overrides/main.html", 2)
    assert problem.message.startswith("TemplateSyntaxError: Expected an expression")
    assert problem.excerpt == ("{% if %}",)


def test_the_page_names_the_file_to_fix_and_shows_everything_as_text() -> None:
    failure = BuildFailure(
        (
            Problem(
                f"DataError: {HOSTILE}",
                "macros/<b>data</b>.py",
                12,
                3,
                hint=HOSTILE,
                excerpt=(HOSTILE, "second line"),
            ),
        )
    )
    page = BeautifulSoup(render(failure, build=1234), "html.parser")

    assert normalize(found(page.find("h1")).get_text()) == "Fix macros/<b>data</b>.py"
    assert page.find("b") is None
    # The page's own script, and no other.
    scripts = page.find_all("script")
    assert len(scripts) == 1
    assert "/livereload/" in scripts[0].get_text()
    assert "1234" in scripts[0].get_text()
    text = normalize(page.get_text(" "))
    assert text.count(HOSTILE) == 3  # the message, the code and the hint
    assert "Line 12 Column 3" in text
    assert found(page.find("pre")).get_text() == f"{HOSTILE}\nsecond line"


def test_the_page_fits_a_phone_follows_the_system_palette_and_asks_nothing_elsewhere() -> None:
    page = BeautifulSoup(render(BuildFailure((Problem("Error"),)), build=1), "html.parser")

    viewport = found(page.find("meta", attrs={"name": "viewport"}))
    assert "width=device-width" in str(viewport.get("content"))
    assert "prefers-color-scheme: dark" in found(page.find("style")).get_text()
    # Its icon is written into the page: the browser asks for no /favicon.ico.
    icons = page.select("link[rel~=icon]")
    assert [icon.get("href") for icon in icons] == ["data:,"]
    assert page.find_all(["img", "iframe"]) == []
    assert page.select("link:not([rel~=icon])") == []
    assert page.find_all("script", src=True) == []
    assert found(page.find("h1")).get_text() == "The rebuild failed"


def test_the_notice_shows_each_problem_as_the_error_page_does() -> None:
    problems = [
        Problem("Doc file 'a.md' contains a link 'nope.md'", "docs/a.md", 8, hint=HOSTILE),
        Problem("A reference to 'gone.md' is included in the 'nav'", "mkdocs.yml", 3),
    ]
    box = found(BeautifulSoup(notice(problems), "html.parser").find("aside"))
    text = normalize(box.get_text(" "))
    assert "2 problems to fix" in text
    assert "mkdocs build --strict" in text
    assert [normalize(p.get_text()) for p in box.select(".summary")] == [
        problem.message for problem in problems
    ]
    assert f"Hint: {HOSTILE}" in text
    assert box.find("script") is None


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
