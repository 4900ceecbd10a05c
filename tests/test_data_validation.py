"""The data is checked when it is loaded; each problem names the file, the record and the field."""

from __future__ import annotations

from dataclasses import replace

import pytest

from macros.data import COMPARISON
from macros.model import Comparison
from macros.validate import DataError, validate

# The day of the newest review: the data is valid from then on.
TODAY = max(
    [fact.reviewed for fact in COMPARISON.facts]
    + [rules.reviewed for _, rules in COMPARISON.chat_models()]
    + [c.reviewed for _, rules in COMPARISON.chat_models() for c in rules.citations()]
)


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


def test_a_payment_sentence_holds_its_fact_once() -> None:
    for payment in ("a **subscription**", "a {fact} or a {fact}"):
        message = problems(with_side(0, payment=payment))
        assert "Side 'chatgpt': field 'payment' must hold {fact} once" in message


def test_a_fact_says_what_its_review_checked() -> None:
    facts = list(COMPARISON.facts)
    facts[0] = replace(facts[0], checked=" ")
    message = problems(replace(COMPARISON, facts=tuple(facts)))
    assert f"Fact '{facts[0].id}': field 'checked' is empty" in message


def with_rules(fact_id: str, **changes: object) -> Comparison:
    fact = COMPARISON.fact(fact_id)
    assert fact.rules is not None
    rules = replace(fact.rules, **changes)  # type: ignore[arg-type]
    facts = tuple(replace(f, rules=rules) if f == fact else f for f in COMPARISON.facts)
    return replace(COMPARISON, facts=facts)


def test_a_models_rules_must_hold_together() -> None:
    (fact, rules), *_ = COMPARISON.chat_models()
    where = f"Fact '{fact.id}': field 'rules"
    message = problems(with_rules(fact.id, default_effort="ultra"))
    assert f"{where}.default_effort' 'ultra' is not one of its efforts" in message
    message = problems(with_rules(fact.id, sampling_efforts=("ultra",)))
    assert f"{where}.sampling_efforts' names efforts the model does not accept" in message
    message = problems(with_rules(fact.id, efforts=(*rules.efforts, rules.efforts[0])))
    assert f"{where}.efforts' must list each accepted effort once" in message
    message = problems(with_rules(fact.id, max_output_tokens=0))
    assert f"{where}.max_output_tokens' must be positive" in message


def test_each_rule_is_sourced_dated_and_says_what_was_checked() -> None:
    (fact, rules), *_ = COMPARISON.chat_models()
    where = f"Fact '{fact.id}': field 'rules.sampling_source"
    citation = rules.sampling_source
    message = problems(with_rules(fact.id, sampling_source=replace(citation, source="checklist")))
    assert f"{where}.source' is not an https URL" in message
    later = replace(citation, reviewed=TODAY.replace(year=TODAY.year + 1))
    assert f"{where}.reviewed' is in the future" in problems(
        with_rules(fact.id, sampling_source=later)
    )
    message = problems(with_rules(fact.id, sampling_source=replace(citation, checked="")))
    assert f"{where}.checked' is empty" in message


def test_only_a_model_has_rules() -> None:
    (_, rules), *_ = COMPARISON.chat_models()
    address = COMPARISON.fact("platform_address")
    facts = tuple(replace(f, rules=rules) if f == address else f for f in COMPARISON.facts)
    message = problems(replace(COMPARISON, facts=facts))
    assert "Fact 'platform_address': field 'rules' is only for model facts" in message
