"""MkDocs hook (`hooks:` in mkdocs.yml): llms.txt lists the pages of `nav`; serving skips it.

The llmstxt plugin writes the pages of its `sections` setting into llms.txt and
llms-full.txt. This hook gives it every page of `nav`, in its order, under the heading
its front matter names in `llms_section` ("Guide" when it names none): a page added to
`nav` is in both files with no other edit.

Under `mkdocs serve` the plugin gets no sections: turning every page into Markdown takes
about a third of a rebuild, and a writer previewing pages does not read llms.txt. It then
converts no page and writes an llms.txt holding only the site's title and description.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.meta import get_data

DEFAULT_SECTION = "Guide"

# The command this process was started with; plugins are reloaded on each rebuild, hooks not.
_started_by: list[str] = []


def on_startup(*, command: str, dirty: bool) -> None:
    _started_by[:] = [command]


def nav_sources(nav: Any) -> Iterator[str]:
    """The Markdown file of each page of a `nav` setting, in order; sections flattened."""
    for item in nav or ():
        value = next(iter(item.values())) if isinstance(item, Mapping) else item
        if isinstance(value, list):
            yield from nav_sources(value)
        elif str(value).endswith(".md") and "://" not in str(value):
            yield str(value)


def sections(config: MkDocsConfig) -> dict[str, list[str]]:
    """Each llms.txt section, with its pages in the order of `nav`."""
    by_section: dict[str, list[str]] = {}
    for source in nav_sources(config.nav):
        meta = get_data(Path(config.docs_dir, source).read_text(encoding="utf-8"))[1]
        by_section.setdefault(str(meta.get("llms_section", DEFAULT_SECTION)), []).append(source)
    return by_section


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if "llmstxt" in config.plugins:
        serving = _started_by == ["serve"]
        config.plugins["llmstxt"].config["sections"] = {} if serving else sections(config)
    return config
