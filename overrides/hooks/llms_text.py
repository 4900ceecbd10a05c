"""mkdocs-llmstxt's `preprocess` hook: the Markdown copy of a page holds what a reader sees.

The plugin loads this file by its path (mkdocs.yml, `llmstxt: preprocess:`) and
calls `preprocess` with each page's HTML before turning it into Markdown. Left
out: elements the page hides (the decision helper's result and its templates,
shown only by its script) and labels meant for screen readers only, which
repeat the heading above them.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

SCREEN_READER_ONLY = "decision-visually-hidden"


def _unseen(tag: Tag) -> bool:
    return tag.has_attr("hidden") or SCREEN_READER_ONLY in (tag.get("class") or ())


def preprocess(soup: BeautifulSoup, output: str) -> None:
    for tag in soup.find_all(_unseen):
        if not tag.decomposed:  # already gone with a hidden ancestor
            tag.decompose()
