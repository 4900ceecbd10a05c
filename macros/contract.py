"""The site's public URLs: the promise made to the cookbook and to anyone who links here.

The cookbook's Markdown files link to these pages and anchors, so changing one
breaks links we cannot see. Every entry is checked against the built site by
`tests/test_contract.py`, and the "Link to this guide" page is rendered from
this file. Add to it freely; remove or rename only with a redirect.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Anchor:
    """A heading the cookbook may link to; its id is written explicitly in the page."""

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

PAGES: tuple[PublicPage, ...] = (
    PublicPage(
        path="",
        source="index.md",
        label="The guide’s home: the short answer and the mental model",
        anchors=(
            Anchor(id="the-mental-model-in-one-table", label="The mental model in one table"),
            Anchor(
                id="which-one-do-you-need", label="Which one do you need? (the short checklist)"
            ),
        ),
    ),
    PublicPage(path="mental-model/", source="mental-model.md", label="The quick mental model"),
    PublicPage(path="chatgpt/", source="chatgpt.md", label="ChatGPT, the “restaurant”"),
    PublicPage(path="platform/", source="platform.md", label="The OpenAI Platform, the “kitchen”"),
    PublicPage(path="first-calls/", source="first-calls.md", label="First calls from your code"),
    PublicPage(
        path="responsibilities/",
        source="responsibilities.md",
        label="Same brain, different responsibilities",
    ),
    PublicPage(
        path="decide/",
        source="decide.md",
        label="How to decide which one you need",
        anchors=(
            Anchor(id="use-chatgpt-when", label="Use ChatGPT when…"),
            Anchor(id="use-the-platform-when", label="Use the OpenAI Platform when…"),
            Anchor(id="rule-of-thumb", label="The rule of thumb"),
            Anchor(id="who-is-in-charge", label="Who is in charge once you choose"),
        ),
    ),
    PublicPage(
        path="cookbook/", source="cookbook.md", label="How this guide fits into the cookbook"
    ),
    PublicPage(
        path="link-to-this-guide/",
        source="link-to-this-guide.md",
        label="Link to this guide (this list)",
    ),
)

FILES: tuple[PublicFile, ...] = (
    PublicFile(path="llms.txt", label="The guide's index for AI assistants (llms.txt)"),
    PublicFile(path="llms-full.txt", label="The whole guide as one Markdown file"),
    PublicFile(path="comparison.json", label="The comparison data as JSON"),
    PublicFile(path="comparison.schema.json", label="The JSON Schema of `comparison.json`"),
)

# The guide's page in the cookbook, without `.md`: its old home, which keeps working,
# and the source every page's footer credits (macros/credit.py).
ORIGINAL_PAGE = "Integrations/OpenAI/01-chatgpt-vs-platform"

LEGACY_PATHS: tuple[LegacyPath, ...] = (
    LegacyPath(path=ORIGINAL_PAGE, target=""),
    LegacyPath(path=ORIGINAL_PAGE.lower(), target=""),
)


def page(path: str) -> PublicPage:
    for public_page in PAGES:
        if public_page.path == path:
            return public_page
    raise KeyError(f"no public page at {path!r} in macros/contract.py")
