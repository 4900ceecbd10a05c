"""`make facts`: every fact with its source and age, oldest review first.

Facts reviewed more than six months ago are flagged for a re-check, and each
model shows its lifecycle: the status its review recorded, with the announced
shutdown date if any, then what the installed `openai` SDK says about it now.
The report informs and always exits 0: a check that fails when the calendar
moves would break builds nobody changed (tests/test_model_lifecycle.py is the
check that fails when the SDK announces a shutdown).

    python -m tools.facts_report [--today YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date

from macros.data import COMPARISON
from macros.facts import STALE_AFTER_MONTHS, is_stale, oldest_first
from macros.model import Fact

from . import sdk_models
from .sdk_models import SdkModels

STALE_MARK = "OLD"
HEADER = ("", "reviewed", "age", "fact", "value", "lifecycle", "source")


def report(facts: Sequence[Fact], today: date, sdk: SdkModels | None = None) -> str:
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
            "Check each at its source, then update its value, `reviewed` and `checked` in "
            "macros/data.py."
        )
    return "\n".join([*lines, "", *checked_lines(facts), "", *sdk_lines(facts, sdk)])


def checked_lines(facts: Sequence[Fact]) -> list[str]:
    """What each review read, and each chat model's rules with where and when they were read."""
    lines = ["What each review checked:"]
    for fact in oldest_first(facts):
        lines.append(f"  {fact.id}, reviewed {fact.reviewed.isoformat()}: {fact.checked}")
        if fact.rules is None:
            continue
        rules = fact.rules
        sampling = ", ".join(rules.sampling_efforts) or "no effort"
        said = (
            ("efforts", f"{', '.join(rules.efforts)} (default {rules.default_effort})"),
            ("sampling", f"temperature and top_p at {sampling}"),
            ("max_output_tokens", f"at most {rules.max_output_tokens:,}"),
        )
        for (name, value), citation in zip(said, rules.citations(), strict=True):
            lines.append(
                f"    {name}: {value}; read {citation.reviewed.isoformat()} at {citation.source}"
                f" ({citation.checked})"
            )
    return lines


def lifecycle_cell(fact: Fact, today: date) -> str:
    """`active, no shutdown announced`, or `deprecated, shutdown 2027-01-14`, as reviewed."""
    if fact.lifecycle is None:
        return ""
    status = fact.lifecycle.status(today)
    shutdown = fact.lifecycle.shutdown
    when = "no shutdown announced" if shutdown is None else f"shutdown {shutdown.isoformat()}"
    return f"{status}, {when}"


def sdk_lines(facts: Sequence[Fact], sdk: SdkModels | None) -> list[str]:
    """What the installed SDK says today about each model fact, next to what its review found."""
    models = [fact for fact in facts if fact.lifecycle is not None]
    if sdk is None:
        return ["The openai package is not installed: the models' lifecycle was not re-checked."]
    lines = [f"Models in the installed SDK, openai {sdk.version}:"]
    for fact in models:
        deprecation = sdk.deprecation(fact.value)
        if fact.value not in sdk.names:
            said = "not a model name of the SDK"
        elif deprecation is None:
            said = "known, no shutdown announced"
        else:
            when = deprecation.shutdown.isoformat() if deprecation.shutdown else "no date given"
            said = f"DEPRECATED, shutdown {when} ({deprecation.where}: {deprecation.note})"
        lines.append(f"  {fact.id}: {fact.value}: {said}")
    return lines


def _row(fact: Fact, today: date) -> tuple[str, ...]:
    return (
        STALE_MARK if is_stale(fact, today) else "",
        fact.reviewed.isoformat(),
        f"{(today - fact.reviewed).days} days",
        fact.id,
        fact.value,
        lifecycle_cell(fact, today),
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
    print(report(COMPARISON.facts, arguments.today, sdk_models.installed()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
