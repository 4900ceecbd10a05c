"""MkDocs hook (`hooks:` in mkdocs.yml): glossary terms take the focus, from the build on.

The glossary (docs/includes/glossary.md) has Python-Markdown's `abbr` turn every use of a term
into `<abbr title="definition">`. An abbr is no tab stop, so its definition was for the
pointer only; site.js made each term focusable, which left readers without JavaScript (and
the moment before scripts run) with hover alone. Here every term comes out of the build with
`tabindex="0"`: the keyboard and a tap reach it, Material's tooltip shows the definition on
focus, and without scripts no-script.css shows it after the term. A Python-Markdown tree step run
after `abbr`'s own, so the page is built that way, not patched afterwards.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.config.defaults import MkDocsConfig

# Python-Markdown runs tree steps from the highest priority down; `abbr` registers at 7.
AFTER_ABBR = 6


# A term inside a link (or another control) is reached with it: a tab stop inside a tab stop
# is invalid HTML, and the link is what Tab should land on.
INTERACTIVE = frozenset({"a", "button", "label", "summary"})


class FocusableTerms(Treeprocessor):  # type: ignore[misc]
    def run(self, root: Element) -> None:
        self.mark(root, inside_control=False)

    def mark(self, element: Element, *, inside_control: bool) -> None:
        for child in element:
            if child.tag == "abbr" and not inside_control:
                child.set("tabindex", "0")
            self.mark(child, inside_control=inside_control or child.tag in INTERACTIVE)


class GlossaryFocus(Extension):  # type: ignore[misc]
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(FocusableTerms(md), "glossary_focus", AFTER_ABBR)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.markdown_extensions.append(GlossaryFocus())
    return config
