"""The terminal of `mkdocs serve`, as the hooks shape it: quiet between problems.

`Quiet` leaves out what MkDocs and its plugins say on every rebuild (six lines of
mkdocs-macros, "Detected file changes", "Building documentation...", "Reloading
browsers", "Browser connected" as each tab reloads…): a rebuild that works prints one
line, MkDocs' "Documentation built in …".
`held_errors` holds back what tools log about an error while a rebuild runs, so that the
hook that reports the failure prints it once, as a block naming the file and line to fix.
With `mkdocs serve --verbose` nothing is left out or held back. `forget_earlier_rebuilds`
makes each rebuild say its own words: MkDocs drops a message of its build logger that an
earlier build said, so a rebuild that took as long as one before it printed nothing at all,
and a warning that lasts was told once.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from mkdocs.utils import DuplicateFilter

MKDOCS = logging.getLogger("mkdocs")
# `mkdocs` (its command line) puts a DuplicateFilter on this logger.
BUILD_LOGGER = logging.getLogger("mkdocs.commands.build")
# Plugins log under these (MkDocs' get_plugin_logger; mkdocs-redirects its own).
PLUGIN_LOGGERS = ("mkdocs.plugins.", "mkdocs.plugin.")
# What MkDocs says on every rebuild, by logger and the start of the message.
REBUILD_CHATTER = (
    ("mkdocs.livereload", "Detected file changes"),
    ("mkdocs.livereload", "Reloading browsers"),
    ("mkdocs.livereload", "Browser connected"),
    ("mkdocs.commands.serve", "Building documentation"),
    ("mkdocs.commands.build", "Cleaning site directory"),
)
TIME = re.compile(r"\[\d\d:\d\d:\d\d\] ")
# mkdocs-macros reports a page it cannot render as a warning that starts so, after its
# prefix (coloured, on a terminal): "[macros] - ERROR # _Macro Rendering Error_ …".
MACROS_LOGGER = "mkdocs.plugins.mkdocs_macros"
MACROS_ERROR = re.compile(r"(?:\x1b\[[\d;]*m)*\[[^\]]+\] - ERROR\b")


def verbose() -> bool:
    """`mkdocs serve --verbose` (or `-v`) sets MkDocs' logger to debug."""
    return MKDOCS.getEffectiveLevel() <= logging.DEBUG


def terminal_handlers() -> list[logging.Handler]:
    """The handlers that print MkDocs' log (not the one that counts warnings for --strict)."""
    return [handler for handler in MKDOCS.handlers if isinstance(handler, logging.StreamHandler)]


def _message(record: logging.LogRecord) -> str:
    return record.getMessage()


class Quiet(logging.Filter):
    """Leaves out the information every rebuild repeats; warnings and errors all pass."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno != logging.INFO:
            return True
        if record.name.startswith(PLUGIN_LOGGERS):
            return False
        # MkDocs' server starts its messages with the time: "[21:00:17] Detected file changes".
        message = TIME.sub("", _message(record), count=1)
        return not any(
            record.name == name and message.startswith(start) for name, start in REBUILD_CHATTER
        )


def quieten() -> None:
    if not verbose():
        for handler in terminal_handlers():
            if not any(isinstance(existing, Quiet) for existing in handler.filters):
                handler.addFilter(Quiet())


def forget_earlier_rebuilds() -> None:
    """What MkDocs' build logger said in earlier builds may be said again: its
    `DuplicateFilter` is meant for one build (a warning repeated page after page)."""
    for duplicates in BUILD_LOGGER.filters:
        if isinstance(duplicates, DuplicateFilter):
            duplicates.msgs.clear()


def is_error_report(record: logging.LogRecord) -> bool:
    """A tool's report of the error that stops the build."""
    if record.levelno >= logging.ERROR:
        return not record.name.startswith("mkdocs.livereload")
    return record.name.startswith(MACROS_LOGGER) and bool(MACROS_ERROR.match(_message(record)))


@dataclass
class Held(logging.Filter):
    """Error reports held back while a rebuild runs."""

    records: list[logging.LogRecord] = field(default_factory=list)

    def filter(self, record: logging.LogRecord) -> bool:
        if is_error_report(record):
            self.records.append(record)
            return False
        return True

    def messages(self) -> list[str]:
        return [_message(record) for record in self.records]

    def release(self) -> None:
        """Print the held reports after all, as their tools meant them."""
        for record in self.records:
            for handler in terminal_handlers():
                handler.handle(record)
        self.records.clear()


@contextmanager
def held_errors() -> Iterator[Held]:
    held = Held()
    handlers = [] if verbose() else terminal_handlers()
    for handler in handlers:
        handler.addFilter(held)
    try:
        yield held
    finally:
        for handler in handlers:
            handler.removeFilter(held)
