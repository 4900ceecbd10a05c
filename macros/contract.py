"""The site's public URLs: the promise made to the cookbook and to anyone who links here.

Nothing here is typed twice. The pages are those of `nav` in `mkdocs.yml`, in its
order, each labelled with its title (its `# ` heading); a page's front matter adds what only it
says (`anchors`, `cookbook`, `llms_section`: CONTRIBUTING.md, "Add a page"). The old
addresses are the keys of the `redirects` plugin's `redirect_maps`. Every entry is
checked against the built site by `tests/test_contract.py`, and the "Link to this
guide" page is rendered from it. Add freely; remove or rename only with a redirect.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast, get_args

from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load

from .lookup import suggestion

# The title's words as a reader hears them: without decoration hidden from screen readers
# (an emoji in `<span aria-hidden="true">`), nor any other tag.
_HIDDEN = re.compile(r"<(\w+)[^>]*\baria-hidden=\"true\"[^>]*>.*?</\1>")
_TAG = re.compile(r"<[^>]+>")

CookbookPart = Literal["whole", "introduction", "none"]
"""What the cookbook's page of the guide (`make cookbook`) takes of a page."""


class ContractError(ValueError):
    """A page's front matter says something the contract cannot hold; the message names it."""


@dataclass(frozen=True)
class Anchor:
    """A heading others may link to; its id is written explicitly in the page."""

    id: str
    label: str


@dataclass(frozen=True)
class PublicPage:
    """A page of the site, by its URL path relative to the site's root."""

    path: str
    """`""` for the home page, otherwise a directory URL such as `"decide/"`."""
    source: str
    """Its Markdown file under `docs/`."""
    label: str
    anchors: tuple[Anchor, ...] = ()
    cookbook: CookbookPart = "whole"
    llms_section: str = "Guide"
    """The section of llms.txt that lists it."""


@dataclass(frozen=True)
class PublicFile:
    """A file for machines (assistants, scripts) published at a fixed path."""

    path: str
    label: str


@dataclass(frozen=True)
class LegacyPath:
    """Where the guide used to live, and the page a link to it must land on."""

    path: str
    """The old path without its extension."""
    target: str
    """The `path` of the `PublicPage` it lands on."""

    def urls(self) -> tuple[str, ...]:
        """Every URL path a link built from the old file name may use."""
        return tuple(self.path + suffix for suffix in LEGACY_SUFFIXES)


# A cookbook link may point at the Markdown file, at its GitHub-style HTML
# rendering, or at the directory URL MkDocs would have given it.
LEGACY_SUFFIXES: tuple[str, ...] = (".md", ".html", "/")

FILES: tuple[PublicFile, ...] = (
    PublicFile(path="llms.txt", label="The guide's index for AI assistants (llms.txt)"),
    PublicFile(path="llms-full.txt", label="The whole guide as one Markdown file"),
    PublicFile(path="comparison.json", label="The comparison data as JSON"),
    PublicFile(path="comparison.schema.json", label="The JSON Schema of `comparison.json`"),
)


@dataclass(frozen=True)
class Contract:
    pages: tuple[PublicPage, ...]
    legacy_paths: tuple[LegacyPath, ...]

    def page(self, path: str) -> PublicPage:
        for public_page in self.pages:
            if public_page.path == path:
                return public_page
        raise KeyError(f"no page at {path!r} in the nav of mkdocs.yml")

    @property
    def original_page(self) -> str:
        """The guide's page in the cookbook, without `.md`: its old home, which keeps working,
        and the source every page's footer credits. The first of the old addresses."""
        return self.legacy_paths[0].path


def url_path(source: str) -> str:
    """The directory URL MkDocs gives a Markdown file: `decide.md` → `decide/`, `index.md` → ``."""
    stem = source.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def nav_entries(nav: Any) -> Iterator[tuple[str, str]]:
    """(title, Markdown file) of each page of a `nav` setting, in order; sections flattened."""
    for item in nav or ():
        if isinstance(item, Mapping) and "url" in item:  # as Zensical's macros give it
            title, value = item.get("title") or "", item.get("children") or item["url"]
        elif isinstance(item, Mapping):
            title, value = next(iter(item.items()))
        else:
            title, value = "", item
        if isinstance(value, list):
            yield from nav_entries(value)
        elif str(value).endswith(".md") and "://" not in str(value):
            yield str(title), str(value)


def public_page(title: str, source: str, docs_dir: Path) -> PublicPage:
    text, meta = get_data((docs_dir / source).read_text(encoding="utf-8"))
    where = f"docs/{source}: front matter"
    cookbook = meta.get("cookbook", "whole")
    if cookbook not in get_args(CookbookPart):
        raise ContractError(
            f"{where} 'cookbook': {cookbook!r} is not a value it takes; "
            f"{suggestion(str(cookbook), get_args(CookbookPart), 'values')}"
        )
    anchors = meta.get("anchors") or {}
    if not isinstance(anchors, Mapping):
        raise ContractError(f"{where} 'anchors': expected `id: label` lines, found {anchors!r}")
    heading = next(
        (line[2:] for line in text.splitlines() if line.startswith("# ")), title or source
    )
    label = " ".join(_TAG.sub("", _HIDDEN.sub("", heading)).split())
    return PublicPage(
        path=url_path(source),
        source=source,
        label=label,
        anchors=tuple(Anchor(str(id_), str(text)) for id_, text in anchors.items()),
        cookbook=cast(CookbookPart, cookbook),
        llms_section=str(meta.get("llms_section", "Guide")),
    )


def redirect_maps(plugins: Any) -> Mapping[str, str]:
    """The `redirects` plugin's `redirect_maps`, from MkDocs' loaded config or the raw YAML."""
    if isinstance(plugins, Mapping):  # by name: MkDocs' plugins, or their settings (Zensical)
        plugin = plugins.get("redirects") or {}
        settings = plugin.get("config", {}) if isinstance(plugin, Mapping) else plugin.config
        return cast(Mapping[str, str], settings.get("redirect_maps") or {})
    for item in plugins or ():
        if isinstance(item, Mapping) and "redirects" in item:
            return cast(Mapping[str, str], item["redirects"]["redirect_maps"])
    return {}


def from_config(config: Mapping[str, Any]) -> Contract:
    """The contract of a site, from its MkDocs config (loaded, or read from mkdocs.yml)."""
    docs_dir = Path(config.get("docs_dir") or "docs")
    return Contract(
        pages=tuple(
            public_page(title, source, docs_dir) for title, source in nav_entries(config["nav"])
        ),
        legacy_paths=tuple(
            LegacyPath(path=old.removesuffix(".md"), target=url_path(new))
            for old, new in redirect_maps(config.get("plugins")).items()
        ),
    )


def load(config_file: Path) -> Contract:
    """The contract of the site that `config_file` (a mkdocs.yml) configures."""
    with config_file.open(encoding="utf-8") as file:
        config = dict(yaml_load(file))
    config["docs_dir"] = config_file.parent / config.get("docs_dir", "docs")
    return from_config(config)
