"""MkDocs hook (`hooks:` in mkdocs.yml): the theme's templates compiled once, not on every build.

MkDocs makes a new Jinja environment for each build and each `mkdocs serve` rebuild, and
Jinja compiles Material's templates (main.html and the partials it pulls in) anew in each,
about a tenth of a build. Jinja's own bytecode cache keeps the compiled templates in
`.cache/templates/`, keyed by each template's name and checked against its source, so an edit
to a template (ours in overrides/ or Material's, upgraded) is compiled again. The folder is
named after the versions that shape the compiled code, so an upgrade starts a fresh one.
"""

from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

# What the compiled code depends on besides the template's own source.
COMPILERS = ("jinja2", "mkdocs", "mkdocs-material")


def cache_folder(project: Path) -> Path:
    python = "python{}.{}".format(*sys.version_info)
    versions = "-".join(f"{name}{version(name)}" for name in COMPILERS)
    return project / ".cache" / "templates" / f"{python}-{versions}"


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    folder = cache_folder(Path(config.config_file_path).parent)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a project that cannot be written to builds as MkDocs would
        return env
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
