"""The data is checked when it is loaded; each problem names the file, the record and the field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from macros.data import COMPARISON
from macros.model import Comparison
from macros.validate import DataError, validate

TODAY = date(2026, 11, 25)


def problems(comparison: Comparison) -> str:
    with pytest.raises(DataError) as error:
        validate(comparison, source="macros/data.py", today=TODAY)
    return str(error.value)


def with_signal(index: int, **changes: object) -> Comparison:
    signals = list(COMPARISON.signals)
    signals[index] = replace(signals[index], **changes)  # type: ignore[arg-type]
    return replace(COMPARISON, signals=tuple(signals))


def with_side(index: int, **changes: object) -> Comparison:
    sides = list(COMPARISON.sides)
    sides[index] = replace(sides[index], **changes)  # type: ignore[arg-type]
    return replace(COMPARISON, sides=tuple(sides))


def test_the_real_data_is_valid() -> None:
    assert validate(COMPARISON, source="macros/data.py", today=TODAY) is COMPARISON


def test_missing_text() -> None:
    signal = COMPARISON.signals[2]
    message = problems(with_signal(2, text="  "))
    assert f"macros/data.py: Signal '{signal.id}': field 'text' is empty" in message


def test_duplicate_id() -> None:
    message = problems(with_signal(1, id=COMPARISON.signals[0].id))
    assert f"macros/data.py: signals: duplicate id '{COMPARISON.signals[0].id}'" in message


def test_signal_pointing_at_no_side() -> None:
    signal = COMPARISON.signals[0]
    message = problems(with_signal(0, side="kitchen-sink"))
    assert f"Signal '{signal.id}': field 'side' points at no side: 'kitchen-sink'" in message


def test_empty_list_in_a_record() -> None:
    message = problems(with_side(0, great_for=()))
    assert "macros/data.py: Side 'chatgpt': field 'great_for' is an empty list" in message


def test_empty_collection() -> None:
    message = problems(replace(COMPARISON, knobs=()))
    assert "macros/data.py: knobs: the list is empty" in message


def test_side_without_signals() -> None:
    only_chatgpt = tuple(s for s in COMPARISON.signals if s.side == "chatgpt")
    message = problems(replace(COMPARISON, signals=only_chatgpt))
    assert "Side 'platform': no signal of the decision checklist points to it" in message


def test_fact_reference_to_nothing() -> None:
    message = problems(with_side(1, address_fact="nowhere"))
    assert "Side 'platform': field 'address_fact' names no fact: 'nowhere'" in message


def test_every_combination_of_sides_has_exactly_one_verdict() -> None:
    message = problems(replace(COMPARISON, verdicts=COMPARISON.verdicts[:-1]))
    assert "verdicts: 0 verdicts for the ticked sides" in message


def test_all_problems_are_reported_together() -> None:
    broken = replace(with_signal(0, text=""), knobs=())
    message = problems(broken)
    assert "field 'text' is empty" in message
    assert "knobs: the list is empty" in message
