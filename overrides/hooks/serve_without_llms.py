"""MkDocs hook (`hooks:` in mkdocs.yml): `mkdocs serve` rebuilds without the llms.txt export.

Turning every page into Markdown for llms.txt (mkdocs-llmstxt) takes about a third of a
rebuild, and a writer previewing pages does not read llms.txt. While serving, the plugin
gets no sections: it converts no page and writes an llms.txt holding only the site's title
and description. `mkdocs build` (tests, CI, GitHub Pages) writes the full files as before.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

# The command this process was started with; plugins are reloaded on each rebuild, hooks not.
_started_by: list[str] = []


def on_startup(*, command: str, dirty: bool) -> None:
    _started_by[:] = [command]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _started_by == ["serve"] and "llmstxt" in config.plugins:
        config.plugins["llmstxt"].config["sections"] = {}
    return config
