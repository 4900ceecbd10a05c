"""What the installed `openai` SDK says about model names: which it knows, which it deprecates.

The SDK is generated from OpenAI's API specification. Its model types are `Literal`
aliases (`ChatModel`, `ResponsesModel`, `EmbeddingModel`), and a string after an
alias or a field, starting "Deprecated values:", lists the values OpenAI retires:

    - "gpt-4o", "gpt-4o-mini": Announced shutdown date: 2027-01-14. See …

This module reads those files as text, without importing the SDK (the site's build
does not depend on it), so a new SDK arriving through the lock is read as it ships.
"""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

PACKAGE = "openai"
# Where the SDK declares the model names the Responses and Embeddings APIs accept.
MODEL_TYPE_FILES = (
    "types/shared/chat_model.py",
    "types/shared/responses_model.py",
    "types/embedding_model.py",
)
DEPRECATED_MARKER = "Deprecated values:"
_QUOTED = re.compile(r'"([^"]+)"')
# `"a", "b": what the SDK says about them`: the names, then the note after the colon.
_ITEM = re.compile(r'^((?:"[^"]+"\s*,?\s*)+):\s*(.*)$')
_ISO_SHUTDOWN = re.compile(r"shut\s*down\s+date:\s*(\d{4}-\d{2}-\d{2})", re.IGNORECASE)
_WORDED_SHUTDOWN = re.compile(
    r"(?:shut down|retired) on ([A-Z][a-z]+ \d{1,2}, \d{4})", re.IGNORECASE
)


@dataclass(frozen=True)
class Deprecation:
    """One model value the SDK marks as deprecated."""

    model: str
    shutdown: date | None
    """The shutdown date the SDK announces; None when its note gives none."""
    note: str
    """The SDK's own words about the value, on one line."""
    where: str
    """The SDK file that says so, relative to the package's parent folder."""


@dataclass(frozen=True)
class SdkModels:
    """The model names an installed SDK knows, and those it deprecates."""

    version: str
    names: frozenset[str]
    deprecations: Mapping[str, Deprecation]

    def deprecation(self, model: str) -> Deprecation | None:
        return self.deprecations.get(model)


def parse_deprecations(text: str, where: str) -> list[Deprecation]:
    """The deprecated values listed in one docstring; [] when it has no such list."""
    if DEPRECATED_MARKER not in text:
        return []
    found = []
    for item in _list_items(text.split(DEPRECATED_MARKER, 1)[1]):
        match = _ITEM.match(item)
        if match is None:
            continue
        names, note = _QUOTED.findall(match.group(1)), match.group(2)
        shutdown = _shutdown_date(note)
        found += [Deprecation(name, shutdown, note, where) for name in names]
    return found


def _list_items(text: str) -> Iterator[str]:
    """The Markdown list items of `text`, each joined onto one line."""
    item: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("- "):
            if item:
                yield " ".join(item)
            item = [stripped[2:]]
        elif stripped and item:
            item.append(stripped)
    if item:
        yield " ".join(item)


def _shutdown_date(note: str) -> date | None:
    iso = _ISO_SHUTDOWN.search(note)
    if iso:
        return date.fromisoformat(iso.group(1))
    worded = _WORDED_SHUTDOWN.search(note)
    if worded:
        return datetime.strptime(worded.group(1), "%B %d, %Y").date()
    return None


def literal_names(source: str) -> set[str]:
    """Every string inside a `Literal[...]` of a module's source: the model names it declares."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Name)
            and node.value.id == "Literal"
        ):
            names |= {
                constant.value
                for constant in ast.walk(node.slice)
                if isinstance(constant, ast.Constant) and isinstance(constant.value, str)
            }
    return names


def docstrings(source: str) -> Iterator[str]:
    """Every string standing alone as a statement: module, class and attribute docstrings."""
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            yield node.value.value


def read(package_dir: Path, version: str) -> SdkModels:
    """The model names and deprecations of the SDK whose package folder is `package_dir`."""
    names: set[str] = set()
    for relative in MODEL_TYPE_FILES:
        names |= literal_names((package_dir / relative).read_text(encoding="utf-8"))
    deprecations: dict[str, Deprecation] = {}
    # The model type files first, so each deprecation names the file that declares the model.
    declared = [package_dir / relative for relative in MODEL_TYPE_FILES]
    others = sorted(set((package_dir / "types").rglob("*.py")) - set(declared))
    for path in (*declared, *others):
        source = path.read_text(encoding="utf-8")
        if DEPRECATED_MARKER not in source:  # most files: skip parsing them
            continue
        where = path.relative_to(package_dir.parent).as_posix()
        for text in docstrings(source):
            for deprecation in parse_deprecations(text, where):
                deprecations.setdefault(deprecation.model, deprecation)
    return SdkModels(version, frozenset(names), deprecations)


def installed_package() -> Path | None:
    """The folder of the `openai` package of this environment, found without importing it."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def installed() -> SdkModels | None:
    """What the `openai` package of this environment says; None when it is not installed."""
    package = installed_package()
    if package is None:
        return None
    return read(package, importlib.metadata.version(PACKAGE))


def deprecated_among(sdk: SdkModels, models: Iterable[str]) -> list[Deprecation]:
    """The deprecations the SDK announces for any of `models`, in the order given."""
    return [d for model in models if (d := sdk.deprecation(model)) is not None]
