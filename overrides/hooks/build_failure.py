"""What broke a build, told where the writer looks: the file to fix, the line, the tool's words.

`describe` turns the exception that stopped a rebuild, and the configuration errors MkDocs
logged before it, into a `BuildFailure`: one `Problem` per mistake, each with the file to
fix (relative to the project's root), its line as the writer's editor numbers it, the
message of the tool that found it and a hint. It is never our own machinery (the hooks,
the macros' modules other than `data.py`) that is named as the file to fix: a mistake in
a page is placed in the page, a misspelt setting in `mkdocs.yml`, a missing snippet at the
line that includes it, a template's syntax in the template of `overrides/`. An error we
have no words for is marked unrecognised, and the terminal shows its traceback.
`error_page.py` renders a failure; the terminal prints `Problem.block()`.
"""

from __future__ import annotations

import builtins
import inspect
import posixpath
import re
import traceback
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

import yaml
from jinja2 import TemplateError, TemplateSyntaxError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.utils.meta import get_data

import suggestions

# The one Python file a writer edits (README: "Edit macros/data.py, and only that file").
# Every other module the build runs is our machinery: never the file a writer is told to fix.
WRITERS_CODE = ("macros/data.py",)
# Jinja names a template made from a string (a page, as mkdocs-macros renders it) so.
PAGE_TEMPLATE = "<template>"


@dataclass(frozen=True)
class Problem:
    """One mistake: where it is, what the tool that found it says, and how to fix it."""

    message: str
    # Relative to the project's root; None when no file of the writer's is to blame.
    file: str | None = None
    # As the writer's editor numbers them: from 1, a page's front matter counted.
    line: int | None = None
    column: int | None = None
    hint: str = ""
    # The source line at fault with a caret under the column, or the lines a tool printed.
    excerpt: tuple[str, ...] = ()

    @property
    def place(self) -> str:
        """`docs/index.md:12:5`, as editors and terminals link a place; "" without a file."""
        if self.file is None:
            return ""
        return ":".join(str(part) for part in (self.file, self.line, self.column) if part)

    def headline(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message

    def block(self) -> str:
        """The problem as the terminal prints it: the headline, the excerpt, the hint."""
        lines = [self.headline(), *(f"    {line}" for line in self.excerpt)]
        if self.hint:
            lines.append(f"hint: {self.hint}")
        return "\n".join(lines)


@dataclass(frozen=True)
class BuildFailure:
    """A failed build: its problems, the first one's file the one to fix first."""

    problems: tuple[Problem, ...]
    # False for an error we have no words for: the terminal shows its traceback.
    recognised: bool = True

    @property
    def file(self) -> str | None:
        return next((problem.file for problem in self.problems if problem.file), None)

    @property
    def summary(self) -> str:
        return self.problems[0].message if self.problems else "The build failed"


@dataclass(frozen=True)
class Project:
    """Where the writer's files are, relative to the project's root."""

    root: Path
    config_file: str = "mkdocs.yml"
    docs_dir: str = "docs"
    snippet_dirs: tuple[str, ...] = ()

    @classmethod
    def of(cls, config: MkDocsConfig) -> Project:
        root = Path(config.config_file_path).parent.resolve()
        snippets = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["."])
        return cls(
            root=root,
            config_file=Path(config.config_file_path).name,
            docs_dir=_relative(config.docs_dir, root),
            snippet_dirs=tuple(
                _relative(str(root / path), root)
                for path in ([snippets] if isinstance(snippets, str) else snippets)
            ),
        )

    def text(self, file: str) -> str:
        try:
            return (self.root / file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return ""


def describe(
    error: BaseException,
    project: Project,
    page: str | None = None,
    config_messages: Sequence[str] = (),
) -> BuildFailure:
    """The failure behind `error`.

    `page` is the Markdown page (relative to the docs folder) MkDocs was building when the
    error was raised; `config_messages` are MkDocs' "Config value 'x': …" errors logged
    before it aborted."""
    cause = _cause(error)
    problems: tuple[Problem, ...] = ()
    data_problems = getattr(cause, "problems", None)
    missing_module = isinstance(cause, ModuleNotFoundError) and _project_module(cause.name, project)
    if config_messages and isinstance(cause, Abort):
        problems = tuple(config_problem(message, project) for message in config_messages)
    elif isinstance(cause, SyntaxError):
        problems = (_syntax_problem(cause, project),)
    elif isinstance(cause, yaml.MarkedYAMLError):
        problems = (_yaml_problem(cause, project),)
    elif isinstance(cause, ValueError) and isinstance(data_problems, tuple):
        # macros.validate.DataError, recognised by its shape: each rebuild imports the
        # package afresh, so its class is not one this module could import.
        problems = tuple(_data_problem(str(problem), project) for problem in data_problems)
    elif missing_module:
        problems = (Problem(f"{_words(cause)}: the file is missing", missing_module),)
    elif page is not None:
        return _page_failure(cause, project, page)
    else:
        return _other_failure(cause, project)
    return BuildFailure(problems)


def _cause(error: BaseException) -> BaseException:
    """The error behind the wrappers: mkdocs-macros' `exit()` and its "could not find
    custom module", MkDocs' `ConfigurationError` for invalid YAML."""
    while (context := error.__context__) is not None:
        macros_exit = isinstance(error, SystemExit) and not isinstance(error, Abort)
        yaml_error = isinstance(context, yaml.MarkedYAMLError)
        import_error = isinstance(error, ImportError) and isinstance(
            context, ImportError | SyntaxError
        )
        if not (macros_exit or yaml_error or import_error):
            break
        error = context
    return error


def _words(error: BaseException) -> str:
    """The exception as Python ends its report, "Did you mean" suggestions included."""
    return traceback.format_exception_only(error)[-1].strip()


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path


def excerpt(text: str, line: int, column: int | None = None) -> tuple[str, ...]:
    """Line `line` of `text` (from 1), with a caret under `column` when one is given."""
    lines = text.splitlines()
    if not 0 < line <= len(lines) or not lines[line - 1].strip():
        return ()
    code = lines[line - 1].rstrip()
    if not column:
        return (code.strip(),)
    indent = len(code) - len(code.lstrip())
    return (code.strip(), " " * max(column - 1 - indent, 0) + "^")


def _syntax_problem(error: SyntaxError, project: Project) -> Problem:
    file = _relative(error.filename, project.root) if error.filename else None
    code = (error.text or "").rstrip("\n")
    return Problem(
        message=f"{type(error).__name__}: {error.msg}",
        file=file,
        line=error.lineno,
        column=error.offset,
        excerpt=excerpt(code, 1, error.offset) if code.strip() else (),
    )


# Where YAML notices a mistake is often after it: at the end of the file for a bracket or
# a quote never closed, on the next line for a key without its colon. Its "context" mark
# is where the unfinished thing began, except for a block (an indentation mistake), whose
# context is the start of the enclosing mapping and whose "problem" mark is the mistake.
_YAML_HINTS = {
    "while parsing a flow": "a bracket opened here is never closed",
    "while scanning a quoted scalar": "a quote opened here is never closed",
    "while scanning a simple key": "this line has no `key:`, or it belongs to the line above",
}


def _yaml_problem(error: yaml.MarkedYAMLError, project: Project) -> Problem:
    context = error.context or ""
    noticed = error.problem_mark
    at_context = error.context_mark is not None and not context.startswith("while parsing a block")
    mark = error.context_mark if at_context else noticed
    if mark is None:
        return Problem(f"invalid YAML: {error}", project.config_file)
    file = _relative(mark.name, project.root)
    where = ""
    if at_context and noticed is not None and noticed.line != mark.line:
        where = f" (noticed at line {noticed.line + 1}, column {noticed.column + 1})"
    words = ", ".join(part for part in (context, error.problem) if part)
    hint = next((hint for start, hint in _YAML_HINTS.items() if context.startswith(start)), "")
    return Problem(
        message=f"invalid YAML: {words}{where}",
        file=file,
        line=mark.line + 1,
        column=mark.column + 1,
        hint=hint,
        excerpt=excerpt(project.text(file), mark.line + 1, mark.column + 1),
    )


_CONFIG_MESSAGE = re.compile(r"Config value '(?P<key>[^']+)': (?P<message>.*)", re.DOTALL)
_QUOTED = re.compile(r"""["']([^"'\s]+)["']""")


def config_problem(logged: str, project: Project) -> Problem:
    """MkDocs' "Config value 'plugins': The "searchh" plugin is not installed", placed on
    its line of mkdocs.yml, with the closest known name for a misspelt one."""
    match = _CONFIG_MESSAGE.match(logged)
    if match is None:
        return Problem(logged, project.config_file)
    key, message = match["key"], match["message"].strip()
    named = _QUOTED.findall(message)
    text = project.text(project.config_file)
    line = config_line(text, key, named)
    return Problem(
        message=logged.strip().splitlines()[0],
        file=project.config_file,
        line=line,
        hint=suggestions.for_config(key, message),
        excerpt=excerpt(text, line) if line else (),
    )


def config_line(text: str, key: str, named: Sequence[str]) -> int | None:
    """The line of `key`'s setting in `mkdocs.yml`, or within it the line of the most
    specific name the message quotes (its last)."""
    lines = text.splitlines()
    top = key.split(".", maxsplit=1)[0]
    start = next(
        (i for i, line in enumerate(lines) if re.match(rf"{re.escape(top)}\s*:", line)), None
    )
    if start is None:
        return None
    end = next(
        (i for i in range(start + 1, len(lines)) if re.match(r"[^\s#]", lines[i])), len(lines)
    )
    for name in reversed(named):
        word = re.compile(rf"(?<![\w.-]){re.escape(name)}(?![\w.-])")
        for i in range(start, end):
            if word.search(lines[i].split("#", 1)[0]):
                return i + 1
    return start + 1


_DATA_RECORD = re.compile(r"(?P<kind>\w+) '(?P<key>[^']+)': field '(?P<field>[\w.]+)'")


def _data_problem(text: str, project: Project) -> Problem:
    """A problem of `validate.py`, "macros/data.py: Fact 'x': field 'source' …", on the line
    of that record's field in the data file."""
    file, _, message = text.partition(": ")
    if not (project.root / file).is_file():
        return Problem(text)
    match = _DATA_RECORD.match(message)
    line = (
        record_line(project.text(file), match["key"], match["field"].split(".")[0])
        if match
        else None
    )
    words, _, hint = message.partition("; ")
    return Problem(words, file, line, hint=hint, excerpt=excerpt(project.text(file), line or 0))


_RECORD_KEY = re.compile(r"""\b(?:id|name|when)\s*=\s*["']""")


def record_line(text: str, key: str, field: str) -> int | None:
    """The line of `field=` in the record whose id (or name) is `key`, in Python source."""
    lines = text.splitlines()
    own_key = re.compile(rf"""\b(?:id|name|when)\s*=\s*["']{re.escape(key)}["']""")
    start = next((i for i, line in enumerate(lines) if own_key.search(line)), None)
    if start is None:
        return None
    setting = re.compile(rf"\b{re.escape(field)}\s*=")
    for i in range(start, len(lines)):
        if i > start and _RECORD_KEY.search(lines[i]):
            break
        if setting.search(lines[i]):
            return i + 1
    return start + 1


def _project_module(module: str | None, project: Project) -> str | None:
    """The file a missing module of the project would be: `macros.data` → macros/data.py."""
    if not module or "." not in module:
        return None
    package = module.split(".")[0]
    if not (project.root / package).is_dir():
        return None
    return module.replace(".", "/") + ".py"


def front_matter_lines(source: str) -> int:
    """How many lines of a page's file come before the Markdown that MkDocs (and Jinja)
    see: its front matter and the blank lines after it."""
    body = get_data(source)[0]
    if body and source.endswith(body):
        return source[: len(source) - len(body)].count("\n")
    return 0


def _page_failure(error: BaseException, project: Project, page: str) -> BuildFailure:
    """A mistake in a page: the page and its line, however deep the error was raised."""
    file = f"{project.docs_dir}/{page}"
    source = project.text(file)
    offset = front_matter_lines(source)
    line = _template_line(error)
    if line is not None:
        line += offset
    recognised = isinstance(error, TemplateError) or _written_for_writers(error)
    message = str(error) if _written_for_writers(error) else _words(error)
    hint = ""
    if type(error).__name__ == "SnippetMissingError":
        missing = _QUOTED.findall(str(error))
        name = missing[0] if missing else ""
        line = include_line(source, name)
        hint = suggestions.closest_file(name, project.root, project.snippet_dirs, "snippets")
        recognised = True
        message = str(error)
    elif isinstance(error, TemplateError):
        message = f"{type(error).__name__}: {error.message}"
    return BuildFailure(
        (Problem(message, file, line, hint=hint, excerpt=excerpt(source, line or 0)),),
        recognised=recognised,
    )


def _template_line(error: BaseException) -> int | None:
    """The line of the page's template (after its front matter) the error was raised on."""
    if isinstance(error, TemplateSyntaxError) and error.name is None and error.lineno:
        return error.lineno
    line = None
    for frame in traceback.extract_tb(error.__traceback__):
        if frame.filename == PAGE_TEMPLATE:
            line = frame.lineno
    return line


def include_line(source: str, snippet: str) -> int | None:
    """The line of a page that includes `snippet` (`--8<-- "name.py"`)."""
    for number, line in enumerate(source.splitlines(), start=1):
        if "--8<--" in line and snippet in line:
            return number
    return None


def _written_for_writers(error: BaseException) -> bool:
    """An error raised by our macros, whose message was written for the writer."""
    return type(error).__module__.split(".")[0] == "macros"


def _other_failure(error: BaseException, project: Project) -> BuildFailure:
    if isinstance(error, Abort):  # MkDocs printed what it aborted for
        return BuildFailure((Problem(str(error)),))
    message = _words(error)
    if _written_for_writers(error):
        # Their messages start with the file to fix: "docs/x.md: front matter 'cookbook' …"
        named, _, rest = str(error).partition(": ")
        if rest and (project.root / named).is_file():
            return BuildFailure((Problem(rest, named),))
        return BuildFailure((Problem(message),))
    if isinstance(error, TemplateSyntaxError) and error.filename:
        # A template of the theme's overrides (`overrides/main.html`), not one installed.
        template = _relative(error.filename, project.root)
        if not Path(template).is_absolute() and not template.startswith("."):
            line = error.lineno
            return BuildFailure(
                (
                    Problem(
                        f"{type(error).__name__}: {error.message}",
                        template,
                        line,
                        excerpt=excerpt(project.text(template), line),
                    ),
                )
            )
    frames = _project_frames(error.__traceback__, project.root)
    writers = [(file, line) for file, line in frames if file in WRITERS_CODE]
    if not writers:
        return BuildFailure((Problem(message),), recognised=False)
    file, line = writers[-1]
    return BuildFailure(
        (
            Problem(
                message,
                file,
                line,
                hint=_python_suggestion(error, message),
                excerpt=excerpt(project.text(file), line),
            ),
        ),
        # Raised in the writer's own code (a NameError in data.py), not deeper in ours.
        recognised=frames[-1] == writers[-1],
    )


_UNEXPECTED_KEYWORD = re.compile(
    r"(?P<callable>[\w.]+)\(\) got an unexpected keyword argument '(?P<name>\w+)'"
)


def _python_suggestion(error: BaseException, message: str) -> str:
    """The closest known name for one the writer misspelt in Python: a name (as Python would
    suggest it, where its words leave it out: 3.11's traceback module suggests only when it
    prints), an attribute, or a record's field (`Fact(sourc=…)`), with the known fields."""
    if "Did you mean" in message:
        return ""
    scope = _innermost_scope(error)
    name = getattr(error, "name", None)
    if isinstance(error, NameError) and name:
        return _did_you_mean(name, [*scope, *dir(builtins)])
    if isinstance(error, AttributeError) and name and error.obj is not None:
        return _did_you_mean(name, [known for known in dir(error.obj) if known[0] != "_"])
    match = _UNEXPECTED_KEYWORD.search(str(error))
    if isinstance(error, TypeError) and match:
        owner = match["callable"].removesuffix(".__init__").split(".")[-1]
        fields = _parameters(scope.get(owner))
        return suggestions.suggestion(match["name"], fields, f"fields of {owner}") if fields else ""
    return ""


def _innermost_scope(error: BaseException) -> dict[str, object]:
    """The names the code that raised `error` could see."""
    trace = error.__traceback__
    while trace is not None and trace.tb_next is not None:
        trace = trace.tb_next
    return {**trace.tb_frame.f_globals, **trace.tb_frame.f_locals} if trace else {}


def _did_you_mean(name: str, known: list[str]) -> str:
    nearest = suggestions.closest(name, known)
    return f"did you mean `{nearest}`?" if nearest else ""


def _parameters(target: object) -> list[str]:
    if not callable(target):
        return []
    try:
        return list(inspect.signature(target).parameters)
    except (TypeError, ValueError):  # a builtin without a signature
        return []


def _project_frames(trace: TracebackType | None, root: Path) -> list[tuple[str, int]]:
    """The frames of `trace` in files of the project, outside its virtual environment."""
    frames = []
    for frame in traceback.extract_tb(trace):
        if not Path(frame.filename).is_absolute():  # Jinja's "<template>", "<string>"
            continue
        relative = _relative(frame.filename, root)
        if not Path(relative).is_absolute() and not relative.startswith("."):
            frames.append((relative, frame.lineno or 0))
    return frames


_LINK = re.compile(r"Doc file '(?P<page>[^']+)' contains [^']*'(?P<link>[^']*)'")
_NO_PAGE = "is not found among documentation files"
_NAV_REFERENCE = re.compile(r"A reference to '(?P<target>[^']+)' is included in the 'nav'")
_NOT_IN_NAV = 'are not included in the "nav" configuration'


def warning_problem(
    message: str, project: Project, anchors: Mapping[str, Collection[str]]
) -> Problem:
    """A warning that would fail `mkdocs build --strict`, placed and with a suggestion.

    `anchors` maps each page of the site (relative to the docs folder) to its anchors."""
    if match := _LINK.match(message):
        return _link_problem(message, match["page"], match["link"], project, anchors)
    if message.startswith("Config value '"):
        return config_problem(message, project)
    text = project.text(project.config_file)
    if match := _NAV_REFERENCE.match(message):
        target = match["target"]
        line = config_line(text, "nav", [target])
        hint = suggestions.suggestion(target, anchors, "pages")
        return Problem(
            message, project.config_file, line, hint=hint, excerpt=excerpt(text, line or 0)
        )
    if _NOT_IN_NAV in message:
        pages = [line.strip("- ").strip() for line in message.splitlines()[1:]]
        line = config_line(text, "nav", [])
        hint = "add a line for each to `nav` in mkdocs.yml, where it belongs in the guide: " + (
            ", ".join(f"`- Title: {page}`" for page in pages)
        )
        return Problem(message.splitlines()[0].rstrip(":"), project.config_file, line, hint=hint)
    return Problem(message)


def _link_problem(
    message: str,
    page: str,
    link: str,
    project: Project,
    anchors: Mapping[str, Collection[str]],
) -> Problem:
    file = f"{project.docs_dir}/{page}"
    source = project.text(file)
    line = link_line(source, link)
    folder = posixpath.dirname(page)
    path, _, anchor = link.partition("#")
    target = posixpath.normpath(posixpath.join(folder, path)) if path else page
    hint = ""
    if _NO_PAGE in message:
        known = [posixpath.relpath(other, folder or ".") for other in anchors]
        hint = suggestions.suggestion(path, known, "pages")
    elif anchor and target in anchors:
        near = suggestions.closest(anchor, anchors[target])
        shown = sorted(anchors[target])
        hint = f"Known anchors of {target}: {', '.join(shown)}"
        if near:
            hint = f"did you mean `{path}#{near}`? {hint}"
    return Problem(message, file, line, hint=hint, excerpt=excerpt(source, line or 0))


def link_line(source: str, link: str) -> int | None:
    """The line of a page's source that holds `link`: as a Markdown link's target, else anywhere."""
    lines = source.splitlines()
    for forms in ((f"]({link}", f"]: {link}", f'href="{link}"'), (link,)):
        for number, line in enumerate(lines, start=1):
            if any(form in line for form in forms):
                return number
    return None
