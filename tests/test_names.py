"""Every name a writer types answers a misspelling with the closest known name and the list
of known ones: fact ids, sides, side_list fields, cookbook pages, the sides the data's
records point at, macro names, their arguments, and attributes of what pages may reach.

The strict build gives the same answer (tests/test_build_failures.py), and so does
`mkdocs serve` in the terminal and the open tab (tests/test_serve_recovery.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from jinja2 import Environment, UndefinedError

from macros import render
from macros.calls import MacroCallError, checked, naming_undefined
from macros.data import COMPARISON
from macros.lookup import UnknownName, closest, suggestion
from macros.mkdocs_env import macros
from macros.validate import DataError, validate
from tests.support.helpers import site_contract

FACT_IDS = ", ".join(fact.id for fact in COMPARISON.facts)
SITE_MACROS = macros(COMPARISON, site_contract(), "https://example.org/", "https://c.example/")


def test_a_misspelt_fact_names_the_closest_fact_and_every_fact() -> None:
    with pytest.raises(UnknownName) as error:
        COMPARISON.fact("chatgpt_adress")
    assert str(error.value) == (
        f"unknown fact `chatgpt_adress`; did you mean `chatgpt_address`? Known facts: {FACT_IDS}"
    )
    assert error.value.closest == "chatgpt_address"


def test_a_name_near_nothing_gets_the_list_alone() -> None:
    assert suggestion("zzz", ["chatgpt", "platform"], "sides") == "Known sides: chatgpt, platform"


@pytest.mark.parametrize(
    ("typed", "known", "meant"),
    [
        ("chatgtp", ["chatgpt", "platform"], "chatgpt"),
        ("Platform", ["chatgpt", "platform"], "platform"),
        ("txt", ["name", "text"], "text"),
        # The extension counts for nothing: `nope.md` is near no page, `decid.md` near one.
        ("nope.md", ["index.md", "decide.md"], None),
        ("decid.md", ["index.md", "decide.md"], "decide.md"),
        # The same extension first: the .py example, not the .sh one.
        ("first_requst.py", ["first_request.sh", "first_request.py"], "first_request.py"),
        ("searchh", ["minify", "search", "macros"], "search"),
    ],
)
def test_the_closest_name(typed: str, known: list[str], meant: str | None) -> None:
    assert closest(typed, known) == meant


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: COMPARISON.side("chatgtp"), "unknown side `chatgtp`; did you mean `chatgpt`?"),
        (lambda: render.checklist(COMPARISON, "platfrom"), "did you mean `platform`?"),
        (
            lambda: render.side_list(COMPARISON, "chatgpt", "great_fro"),
            "unknown side_list field `great_fro`; did you mean `great_for`? Known side_list "
            "fields: owner_decides, owner_handles, you_deal_with, you_dont_deal_with, great_for",
        ),
        (
            lambda: render.cookbook_page(COMPARISON, "03-prompt-cheatshet"),
            "unknown cookbook page `03-prompt-cheatshet`; did you mean `03-prompt-cheatsheet`?",
        ),
    ],
    ids=["side", "checklist side", "side_list field", "cookbook page"],
)
def test_each_lookup_of_the_data_names_the_closest(call, expected: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownName, match="did you mean") as error:
        call()
    assert expected in str(error.value)


def test_the_datas_references_to_sides_and_facts_name_the_closest() -> None:
    signals = list(COMPARISON.signals)
    signals[0] = replace(signals[0], side="chatgtp")  # type: ignore[arg-type]
    sides = list(COMPARISON.sides)
    sides[1] = replace(sides[1], address_fact="platform_adress")
    broken = replace(COMPARISON, signals=tuple(signals), sides=tuple(sides))
    with pytest.raises(DataError) as error:
        validate(broken, source="macros/data.py", today=date(2026, 11, 25))
    assert (
        f"macros/data.py: Signal '{signals[0].id}': field 'side' points at no side: 'chatgtp'; "
        "did you mean `chatgpt`? Known sides: chatgpt, platform"
    ) in error.value.problems
    assert (
        "macros/data.py: Side 'platform': field 'address_fact' names no fact: "
        f"'platform_adress'; did you mean `platform_address`? Known facts: {FACT_IDS}"
    ) in error.value.problems


def test_the_datas_kinds_and_efforts_name_the_closest() -> None:
    (model, rules), *_ = COMPARISON.chat_models()
    effort = rules.efforts[-1]
    misspelt = effort[:-1] + effort[-1] * 2  # "high" → "highh"
    broken_rules = replace(rules, default_effort=misspelt, sampling_efforts=(misspelt,))
    facts = [
        replace(fact, kind="modle", rules=broken_rules) if fact == model else fact  # type: ignore[arg-type]
        for fact in COMPARISON.facts
    ]
    with pytest.raises(DataError) as error:
        validate(replace(COMPARISON, facts=tuple(facts)), "macros/data.py", date(2026, 11, 25))
    said = "\n".join(error.value.problems)
    assert (
        f"Fact '{model.id}': field 'kind' is no kind of fact: 'modle'; did you mean `model`? "
        "Known kinds: address, plan, model, billing"
    ) in said
    known = ", ".join(rules.efforts)
    for field in ("default_effort", "sampling_efforts"):
        assert f"field 'rules.{field}' " in said
    assert said.count(f"; did you mean `{effort}`? Known efforts: {known}") == 2, said


def test_a_misspelt_keyword_argument_names_the_closest_argument() -> None:
    with pytest.raises(UnknownName) as error:
        SITE_MACROS["cookbook_link"]("00-index", txt="the index")
    assert str(error.value) == (
        "unknown cookbook_link() argument `txt`; did you mean `text`? "
        "Known cookbook_link() arguments: name, text"
    )


@pytest.mark.parametrize(
    ("name", "args", "expected"),
    [
        (
            "side_list",
            ("chatgpt",),
            "side_list(): missing a required argument: 'field'; "
            "call it as side_list(side_id, field)",
        ),
        ("fact", ("a", "b"), "fact(): too many positional arguments; call it as fact(fact_id)"),
    ],
)
def test_a_call_with_the_wrong_arguments_shows_how_to_call_the_macro(
    name: str, args: tuple[str, ...], expected: str
) -> None:
    with pytest.raises(MacroCallError) as error:
        SITE_MACROS[name](*args)
    assert str(error.value) == expected


def test_a_checked_macro_works_as_before() -> None:
    assert SITE_MACROS["fact"]("chatgpt_address") == render.fact_value(
        COMPARISON, "chatgpt_address"
    )
    assert checked("double", lambda x: x * 2)(x="ab") == "abab"


def _render(template: str) -> str:
    environment = Environment(
        undefined=naming_undefined(known=lambda: environment.globals, listed=lambda: SITE_MACROS)
    )
    environment.globals.update({**SITE_MACROS, "comparison": COMPARISON})
    return environment.from_string(template).render()


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        (
            "{{ checklst('chatgpt') }}",
            "unknown macro or variable `checklst`; did you mean `checklist`?",
        ),
        ("{{ comparisn }}", "unknown macro or variable `comparisn`; did you mean `comparison`?"),
        ("{{ comparison.sied('x') }}", "unknown Comparison attribute `sied`; did you mean `side`?"),
    ],
)
def test_an_unknown_macro_variable_or_attribute_names_the_closest(
    template: str, expected: str
) -> None:
    with pytest.raises(UndefinedError) as error:
        _render(template)
    assert expected in str(error.value)
    if "macro or variable" in expected:
        assert f"Known macros: {', '.join(SITE_MACROS)}" in str(error.value)
