"""What colour class each character of a code block has, from the build's `data-colours`."""

from __future__ import annotations

CodeClasses = list[tuple[str, str]]


def classes_from_colours(text: str, colours: str) -> CodeClasses:
    """Each character of `text` with the class its `data-colours` run gives it (white space
    has none); the runs count UTF-16 code units, as scripts do."""
    units = text.encode("utf-16-le")
    characters = []
    offset = 0
    for run in colours.split(" "):
        name, _, length = run.rpartition(":")
        piece = units[offset * 2 : (offset + int(length)) * 2].decode("utf-16-le")
        characters += [(char, "" if char.isspace() else name) for char in piece]
        offset += int(length)
    assert offset * 2 == len(units), "the runs do not cover the text"
    return characters
