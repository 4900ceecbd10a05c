"""`make facts`: every fact with its source and age, oldest review first.

Facts reviewed more than six months ago are flagged for a re-check. The report
informs and always exits 0 on age: a check that fails when the calendar moves
would break builds nobody changed.

    python -m macros.facts_report [--today YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date

from .data import COMPARISON
from .facts import STALE_AFTER_MONTHS, is_stale, oldest_first
from .model import Fact

STALE_MARK = "OLD"
HEADER = ("", "reviewed", "age", "fact", "value", "source")


def report(facts: Sequence[Fact], today: date) -> str:
    rows = [_row(fact, today) for fact in oldest_first(facts)]
    widths = [max(len(row[i]) for row in (HEADER, *rows)) for i in range(len(HEADER))]
    lines = [_line(HEADER, widths), *(_line(row, widths) for row in rows)]
    stale = sum(is_stale(fact, today) for fact in facts)
    lines += [
        "",
        f"{len(facts)} facts on {today.isoformat()}; {stale} marked {STALE_MARK} were reviewed "
        f"more than {STALE_AFTER_MONTHS} months ago.",
    ]
    if stale:
        lines.append(
            "Check each at its source, then update its value and `reviewed` in macros/data.py."
        )
    return "\n".join(lines)


def _row(fact: Fact, today: date) -> tuple[str, ...]:
    return (
        STALE_MARK if is_stale(fact, today) else "",
        fact.reviewed.isoformat(),
        f"{(today - fact.reviewed).days} days",
        fact.id,
        fact.value,
        fact.source,
    )


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make facts", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=date.today(),
        help="the date to measure ages from (YYYY-MM-DD; default: today)",
    )
    arguments = parser.parse_args(argv)
    print(report(COMPARISON.facts, arguments.today))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
