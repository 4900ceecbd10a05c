"""Checks the comparison data when it is loaded, so bad data fails the build.

Every message names the data file, the record and the field, because the
person reading it is a writer who just edited `macros/data.py`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import combinations
from typing import Any, get_args
from urllib.parse import urlsplit

from .lookup import suggestion
from .model import (
    FACT_SLOT,
    SIDE_IDS,
    Citation,
    Comparison,
    Fact,
    FactKind,
    RuleOfThumb,
    Signal,
)


class DataError(ValueError):
    """The comparison data breaks a rule the pages rely on."""

    def __init__(self, source: str, problems: Sequence[str]) -> None:
        self.source = source
        # One line per problem, each naming the file, the record and the field.
        self.problems = tuple(f"{source}: {problem}" for problem in problems)
        super().__init__("invalid comparison data:\n  " + "\n  ".join(self.problems))


def validate(comparison: Comparison, source: str, today: date) -> Comparison:
    """Return `comparison` unchanged, or raise `DataError` naming every problem found."""
    problems = list(_problems(comparison, today))
    if problems:
        raise DataError(source, problems)
    return comparison


def _problems(c: Comparison, today: date) -> Iterable[str]:
    for collection in dataclasses.fields(c):
        records: Sequence[Any] = getattr(c, collection.name)
        if not records:
            yield f"{collection.name}: the list is empty"
        yield from _duplicate_ids(collection.name, records)
        for record in records:
            yield from _empty_text(record)

    fact_ids = [fact.id for fact in c.facts]
    side_ids = [side.id for side in c.sides]
    if sorted(side_ids) != sorted(SIDE_IDS):
        yield f"sides: expected exactly {list(SIDE_IDS)}, found {side_ids}"
    for side in c.sides:
        for field in ("address_fact", "payment_fact"):
            named = getattr(side, field)
            if named not in fact_ids:
                yield (
                    f"{_name(side)}: field '{field}' names no fact: {named!r}; "
                    f"{suggestion(named, fact_ids, 'facts')}"
                )
        if not c.signals_for(side.id):
            yield f"{_name(side)}: no signal of the decision checklist points to it"
        if side.payment.count(FACT_SLOT) != 1:
            yield (
                f"{_name(side)}: field 'payment' must hold {FACT_SLOT} once, where the sentence "
                f"takes the fact {side.payment_fact!r}: {side.payment!r}"
            )

    pointing: tuple[Signal | RuleOfThumb, ...] = (*c.signals, *c.rules_of_thumb)
    for record in pointing:
        if record.side not in SIDE_IDS:
            yield (
                f"{_name(record)}: field 'side' points at no side: {record.side!r}; "
                f"{suggestion(record.side, SIDE_IDS, 'sides')}"
            )

    yield from _verdict_coverage(c)
    yield from _fact_problems(c.facts, today)


def _fact_problems(facts: Sequence[Fact], today: date) -> Iterable[str]:
    """A fact is of a known kind, and a reader must be able to follow its source and trust
    its review date."""
    for fact in facts:
        if fact.kind not in get_args(FactKind):
            yield (
                f"{_name(fact)}: field 'kind' is no kind of fact: {fact.kind!r}; "
                f"{suggestion(fact.kind, get_args(FactKind), 'kinds')}"
            )
        if not is_https_url(fact.source):
            yield f"{_name(fact)}: field 'source' is not an https URL: {fact.source!r}"
        if fact.reviewed > today:
            yield f"{_name(fact)}: field 'reviewed' is in the future: {fact.reviewed}"
        yield from _lifecycle_problems(fact, today)
        yield from _rules_problems(fact, today)


def _rules_problems(fact: Fact, today: date) -> Iterable[str]:
    """A chat model's rules must be consistent, and each one sourced, dated and described."""
    rules = fact.rules
    if rules is None:
        return
    where = f"{_name(fact)}: field 'rules"
    if fact.kind != "model":
        yield f"{where}' is only for model facts, not {fact.kind!r}"
    if not rules.efforts or len(set(rules.efforts)) != len(rules.efforts):
        yield f"{where}.efforts' must list each accepted effort once: {rules.efforts}"
    if rules.default_effort not in rules.efforts:
        yield (
            f"{where}.default_effort' {rules.default_effort!r} is not one of its efforts; "
            f"{suggestion(rules.default_effort, rules.efforts, 'efforts')}"
        )
    unknown = [effort for effort in rules.sampling_efforts if effort not in rules.efforts]
    if unknown:
        yield (
            f"{where}.sampling_efforts' names efforts the model does not accept: {unknown}; "
            f"{suggestion(unknown[0], rules.efforts, 'efforts')}"
        )
    if rules.max_output_tokens <= 0:
        yield f"{where}.max_output_tokens' must be positive: {rules.max_output_tokens}"
    for name in ("efforts_source", "sampling_source", "max_output_tokens_source"):
        citation: Citation = getattr(rules, name)
        yield from _citation_problems(citation, f"{where}.{name}", today)


def _citation_problems(citation: Citation, where: str, today: date) -> Iterable[str]:
    if not is_https_url(citation.source):
        yield f"{where}.source' is not an https URL: {citation.source!r}"
    if citation.reviewed > today:
        yield f"{where}.reviewed' is in the future: {citation.reviewed}"
    if not citation.checked.strip():
        yield f"{where}.checked' is empty: say what the review read there"


def _lifecycle_problems(fact: Fact, today: date) -> Iterable[str]:
    """A model fact says what its review found about the model's shutdown; only a model does."""
    lifecycle = fact.lifecycle
    if lifecycle is None:
        if fact.kind == "model":
            yield (
                f"{_name(fact)}: field 'lifecycle' is missing: a model's review records "
                "the SDK that knows the name and whether a shutdown is announced"
            )
        return
    if fact.kind != "model":
        yield f"{_name(fact)}: field 'lifecycle' is only for model facts, not {fact.kind!r}"
    if not lifecycle.sdk.strip():
        yield f"{_name(fact)}: field 'lifecycle.sdk' is empty"
    if not is_https_url(lifecycle.source):
        yield f"{_name(fact)}: field 'lifecycle.source' is not an https URL: {lifecycle.source!r}"
    if lifecycle.status(today) == "shut down":
        yield (
            f"{_name(fact)}: field 'lifecycle.shutdown': {fact.value} was shut down on "
            f"{lifecycle.shutdown}; name a model that still answers"
        )


def _verdict_coverage(c: Comparison) -> Iterable[str]:
    """Every combination of ticked sides, none included, needs exactly one verdict."""
    for verdict in c.verdicts:
        for unknown in sorted(set(verdict.sides) - set(SIDE_IDS)):
            yield (
                f"{_name(verdict)}: field 'sides' names no side: {unknown!r}; "
                f"{suggestion(unknown, SIDE_IDS, 'sides')}"
            )
    for size in range(len(SIDE_IDS) + 1):
        for combination in combinations(SIDE_IDS, size):
            matching = [v for v in c.verdicts if v.sides == frozenset(combination)]
            if len(matching) != 1:
                yield (
                    f"verdicts: {len(matching)} verdicts for the ticked sides "
                    f"{list(combination)}; expected exactly one"
                )


def is_https_url(text: str) -> bool:
    """An absolute https URL with a host: something a reader can follow."""
    parts = urlsplit(text)
    return parts.scheme == "https" and bool(parts.hostname) and not any(c.isspace() for c in text)


def _duplicate_ids(collection: str, records: Sequence[Any]) -> Iterable[str]:
    seen: set[str] = set()
    for record in records:
        key = _key(record)
        if key in seen:
            yield f"{collection}: duplicate id {key!r}"
        seen.add(key)


def _empty_text(record: Any) -> Iterable[str]:
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        if field.name == "lead":  # optional by design
            continue
        if isinstance(value, str) and not value.strip():
            yield f"{_name(record)}: field '{field.name}' is empty"
        elif isinstance(value, tuple):
            if not value:
                yield f"{_name(record)}: field '{field.name}' is an empty list"
            for index, item in enumerate(value):
                if not str(item).strip():
                    yield f"{_name(record)}: field '{field.name}' item {index} is empty"


def _key(record: Any) -> str:
    for attribute in ("id", "name", "when"):
        if hasattr(record, attribute):
            return str(getattr(record, attribute))
    raise TypeError(f"no identifying field on {type(record).__name__}")


def _name(record: Any) -> str:
    return f"{type(record).__name__} {_key(record)!r}"
