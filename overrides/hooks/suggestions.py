"""The closest known name for one MkDocs did not know: a plugin, a theme, a setting, a
Markdown extension, a snippet, a page or an anchor a link names.

Worded as every suggestion of the site is, by `macros/lookup.py`: that module is loaded
from its file here, not as part of the `macros` package, which the very edit being
reported may have broken.
"""

from __future__ import annotations

import importlib.util
import pkgutil
import re
from collections.abc import Iterable
from functools import cache
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType

from mkdocs.config.base import get_schema
from mkdocs.config.defaults import MkDocsConfig

LOOKUP = Path(__file__).resolve().parents[2] / "macros" / "lookup.py"


@cache
def _lookup() -> ModuleType:
    spec = importlib.util.spec_from_file_location("site_lookup", LOOKUP)
    assert spec is not None, LOOKUP
    assert spec.loader is not None, LOOKUP
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def suggestion(name: str, known: Iterable[str], plural: str) -> str:
    """ "did you mean `x`? Known plugins: a, b" (`macros/lookup.py`'s words)."""
    return str(_lookup().suggestion(name, known, plural))


def closest(name: str, known: Iterable[str]) -> str | None:
    found = _lookup().closest(name, known)
    return None if found is None else str(found)


def _entry_points(group: str) -> list[str]:
    return sorted({entry.name for entry in entry_points(group=group)})


def _plugin_options(plugin: str) -> list[str]:
    for entry in entry_points(group="mkdocs.plugins"):
        if entry.name == plugin:
            config_class = getattr(entry.load(), "config_class", None)
            return [name for name, _ in get_schema(config_class)] if config_class else []
    return []


def _extensions(name: str) -> tuple[list[str], str]:
    """Python-Markdown's extensions by their short names, or the modules of a package
    (`pymdownx.detials` → pymdownx's modules), with what to call them."""
    package, dot, _ = name.rpartition(".")
    if not dot:
        return _entry_points("markdown.extensions"), "Markdown extensions"
    spec = importlib.util.find_spec(package) if package.isidentifier() else None
    if spec is None or not spec.submodule_search_locations:
        return [], f"modules of {package}"
    modules = pkgutil.iter_modules(spec.submodule_search_locations)
    names = [module.name for module in modules if not module.name.startswith("_")]
    return [f"{package}.{name}" for name in names], f"modules of {package}"


_NOT_INSTALLED = re.compile(r'The "(?P<name>[^"]+)" plugin is not installed')
_UNRECOGNISED = re.compile(
    r"(?:Plugin '(?P<plugin>[^']+)' option '[^']+': )?"
    r"Unrecognised configuration name: (?P<name>\S+)"
)
_THEME = re.compile(r"Unrecognised theme name: '(?P<name>[^']+)'")
_EXTENSION = re.compile(r"Failed to load extension '(?P<name>[^']+)'")


def for_config(key: str, message: str) -> str:
    """The suggestion for MkDocs' message about the setting `key`; "" when it names no
    misspelt name we can look up."""
    if match := _NOT_INSTALLED.search(message):
        return suggestion(match["name"], _entry_points("mkdocs.plugins"), "installed plugins")
    if match := _UNRECOGNISED.search(message):
        if match["plugin"]:
            options = _plugin_options(match["plugin"])
            return suggestion(match["name"], options, f"options of {match['plugin']}")
        settings = [name for name, _ in get_schema(MkDocsConfig)]
        return suggestion(match["name"], settings, "settings")
    if match := _THEME.search(message):
        return suggestion(match["name"], _entry_points("mkdocs.themes"), "themes")
    if match := _EXTENSION.search(message):
        known, plural = _extensions(match["name"])
        return suggestion(match["name"], known, plural)
    return ""


def files_under(root: Path, folders: Iterable[str]) -> list[str]:
    """Every file under `folders` (relative to `root`), by its path within its folder;
    hidden files and folders left out."""
    found: list[str] = []
    for folder in folders:
        base = root / folder
        if base.is_dir():
            files = sorted(path.relative_to(base) for path in base.rglob("*") if path.is_file())
            found += [
                path.as_posix() for path in files if not any(p.startswith(".") for p in path.parts)
            ]
    return found


def closest_file(name: str, root: Path, folders: Iterable[str], plural: str) -> str:
    return suggestion(name, files_under(root, folders), plural)
