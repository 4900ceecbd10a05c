"""Read the glossary file: abbreviation definitions (`*[term]: text`), one per line."""

from __future__ import annotations

import re
from pathlib import Path

from tests.support.helpers import DOCS

GLOSSARY = DOCS / "includes" / "glossary.md"
DEFINITION = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<text>.+)$")


def definition_lines(path: Path = GLOSSARY) -> list[tuple[str, str]]:
    """Every (word form, definition) in file order, repeats included."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [
        (match["term"], match["text"].strip())
        for match in map(DEFINITION.match, lines)
        if match is not None
    ]


def glossary(path: Path = GLOSSARY) -> dict[str, str]:
    """Word form → definition."""
    return dict(definition_lines(path))
