"""What broke a rebuild under `mkdocs serve`, told the way the terminal tells it.

`describe` turns the exception that stopped a rebuild into a `BuildFailure`: the
file to fix first and where in it, for the four edits a writer most often gets
wrong (a syntax error in Python, invalid comparison data, a macro call a page
gets wrong, invalid YAML in `mkdocs.yml`), and for anything else the innermost
place in the project the error came from. `error_page.py` renders it.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import yaml
from jinja2 import TemplateSyntaxError


@dataclass(frozen=True)
class BuildFailure:
    """A failed rebuild: what went wrong, the file to fix first, and where in it."""

    # One line, as the terminal ends its report: "SyntaxError: '(' was never closed".
    summary: str
    # Relative to the project's root; None when the error names no file of the project.
    file: str | None
    # Labelled places, in reading order: ("Line", "12"), ("Page", "index.md").
    places: tuple[tuple[str, str], ...] = ()
    # Further lines the terminal prints: one per data problem, or the offending source line.
    details: tuple[str, ...] = ()


def describe(error: BaseException, root: Path, page: str | None, docs_dir: str) -> BuildFailure:
    """The failure behind `error`; `page` is the Markdown page being built when it was raised.

    `page` is relative to `docs_dir`, and `docs_dir` to `root`.
    """
    cause = _cause(error)
    if isinstance(cause, SyntaxError):
        return _syntax_error(cause, root)
    if isinstance(cause, yaml.MarkedYAMLError):
        return _yaml_error(error, cause, root)
    problems = getattr(cause, "problems", None)
    if isinstance(cause, ValueError) and isinstance(problems, tuple):
        # macros.validate.DataError, recognised by its shape: each rebuild imports
        # the package afresh, so its class is not the one this module could import.
        return BuildFailure(
            summary=f"{type(cause).__name__}: invalid comparison data",
            file=str(getattr(cause, "source", "")) or None,
            places=(("Problems", str(len(problems))),),
            details=tuple(str(problem) for problem in problems),
        )
    raised_at = _innermost_project_frame(cause.__traceback__, root)
    if page is not None:
        return _page_error(cause, page, docs_dir, raised_at)
    file, line = raised_at or (None, 0)
    return BuildFailure(
        summary=_summary(cause),
        file=file,
        places=(("Line", str(line)),) if file else (),
    )


def _cause(error: BaseException) -> BaseException:
    """The error behind the wrappers: an `exit()` or MkDocs' `Abort` raised while handling it."""
    while isinstance(error, SystemExit) and error.__context__ is not None:
        error = error.__context__
    # MkDocs reports invalid YAML with a ConfigurationError raised while handling yaml's own.
    context = error.__context__
    if context is not None and isinstance(context, yaml.MarkedYAMLError):
        return context
    return error


def _summary(error: BaseException) -> str:
    text = str(error).strip()
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path


def _syntax_error(error: SyntaxError, root: Path) -> BuildFailure:
    places: list[tuple[str, str]] = [("Line", str(error.lineno))] if error.lineno else []
    if error.offset:
        places.append(("Column", str(error.offset)))
    code = (error.text or "").rstrip("\n")
    details: tuple[str, ...] = ()
    if code.strip():
        indent = len(code) - len(code.lstrip())
        caret = " " * (max(error.offset or 1, 1) - 1 - indent) + "^"
        details = (code.strip(), caret)
    return BuildFailure(
        summary=f"{type(error).__name__}: {error.msg}",
        file=_relative(error.filename, root) if error.filename else None,
        places=tuple(places),
        details=details,
    )


def _yaml_error(error: BaseException, cause: Any, root: Path) -> BuildFailure:
    mark = cause.problem_mark or cause.context_mark
    places = (("Line", str(mark.line + 1)), ("Column", str(mark.column + 1))) if mark else ()
    return BuildFailure(
        summary=str(error).splitlines()[0] if str(error) else _summary(cause),
        file=_relative(mark.name, root) if mark else None,
        places=places,
        details=tuple(str(cause).splitlines()),
    )


def _page_error(
    error: BaseException, page: str, docs_dir: str, raised_at: tuple[str, int] | None
) -> BuildFailure:
    # As mkdocs-macros does in the terminal, name the page: the macro call in it is what
    # the writer changed, even when the error is raised inside a macro.
    places = [("Page", page)]
    if isinstance(error, TemplateSyntaxError) and error.lineno:
        places.append(("Line", str(error.lineno)))
    if raised_at:
        places.append(("Raised at", f"{raised_at[0]}, line {raised_at[1]}"))
    return BuildFailure(summary=_summary(error), file=f"{docs_dir}/{page}", places=tuple(places))


def _innermost_project_frame(trace: TracebackType | None, root: Path) -> tuple[str, int] | None:
    """The last frame of `trace` in a file of the project, not of its virtual environment."""
    innermost = None
    for frame in traceback.extract_tb(trace):
        path = Path(frame.filename)
        if not path.is_absolute():  # Jinja's "<template>", "<string>"
            continue
        relative = _relative(frame.filename, root)
        if not Path(relative).is_absolute() and not relative.startswith("."):
            innermost = (relative, frame.lineno or 0)
    return innermost
