"""The benchmark's result: one row per measure, printed as a Markdown table."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    section: str
    measure: str
    value: str
    target: str = ""
    # None when the measure has no target.
    met: bool | None = None


def verdict(row: Row) -> str:
    return {True: "yes", False: "**NO**", None: ""}[row.met]


def markdown_table(rows: list[Row]) -> str:
    header = ("Section", "Measure", "Value", "Target", "Met")
    cells = [header, *[(r.section, r.measure, r.value, r.target, verdict(r)) for r in rows]]
    widths = [max(len(line[column]) for line in cells) for column in range(len(header))]

    def line(values: tuple[str, ...]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    separator = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(cells[0]), separator, *[line(c) for c in cells[1:]]])


def kilobytes(size: int) -> str:
    return f"{size / 1000:.1f} KB"
