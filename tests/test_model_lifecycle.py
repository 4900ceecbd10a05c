"""Models that will still answer: no model the site shows or an example uses has a shutdown.

The installed `openai` SDK lists the values OpenAI deprecates, with their announced shutdown
dates, in the docstrings of its model types; `macros.sdk_models` reads them as the SDK ships
them. A new SDK arriving through the lock that deprecates one of our models turns this red.
"""

from __future__ import annotations

import re
import shutil
import typing
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from openai.types import ChatModel, EmbeddingModel

from macros.data import COMPARISON
from macros.model import Comparison, Fact, ModelLifecycle
from macros.validate import DataError, validate
from tests.support.example_files import EXAMPLE_FILES, models_named
from tests.support.helpers import PROJECT_ROOT, BuiltSite, found
from tools import sdk_models
from tools.facts_report import report
from tools.sdk_models import SdkModels

DATA_FILE = "macros/data.py"
MODEL_FACTS = [fact for fact in COMPARISON.facts if fact.kind == "model"]
SHUTDOWN_ITEM = (
    '- "{model}": Announced shutdown date: {day}. See\n'
    "  https://developers.openai.com/api/docs/deprecations for details and\n"
    "  recommended replacements.\n"
)


def shutdown_problems(
    sdk: SdkModels, facts: Sequence[Fact], examples: Mapping[Path, set[str]]
) -> list[str]:
    """Each model fact or example whose model the SDK does not know or deprecates, by name."""
    problems = []
    for fact in facts:
        if fact.kind != "model":
            continue
        where = f"{DATA_FILE}: Fact {fact.id!r}"
        if fact.value not in sdk.names:
            problems.append(f"{where}: {fact.value!r} is not a model of openai {sdk.version}")
        deprecation = sdk.deprecation(fact.value)
        if deprecation is not None:
            problems.append(f"{where}: {_deprecated(sdk, deprecation)}")
        elif fact.lifecycle is not None and fact.lifecycle.shutdown is not None:
            problems.append(
                f"{where}: field 'lifecycle.shutdown' records {fact.lifecycle.shutdown}, "
                f"which openai {sdk.version} does not announce"
            )
    for path, models in examples.items():
        for deprecation in sdk_models.deprecated_among(sdk, sorted(models)):
            problems.append(f"{_shown(path)}: {_deprecated(sdk, deprecation)}")
    return problems


def _deprecated(sdk: SdkModels, deprecation: sdk_models.Deprecation) -> str:
    when = deprecation.shutdown.isoformat() if deprecation.shutdown else "no date given"
    return (
        f"openai {sdk.version} deprecates {deprecation.model!r}, shutdown {when} "
        f"({deprecation.where}: {deprecation.note})"
    )


def _shown(path: Path) -> str:
    return (
        path.relative_to(PROJECT_ROOT).as_posix()
        if path.is_relative_to(PROJECT_ROOT)
        else path.name
    )


def installed_sdk() -> SdkModels:
    sdk = sdk_models.installed()
    assert sdk is not None, "the openai package is not installed"
    return sdk


def installed_package() -> Path:
    package = sdk_models.installed_package()
    assert package is not None, "the openai package is not installed"
    return package


def examples_models(paths: Sequence[Path] = EXAMPLE_FILES) -> dict[Path, set[str]]:
    return {path: models_named(path) for path in paths}


# --- the site and its examples --------------------------------------------------------------


def test_no_model_shown_or_used_has_an_announced_shutdown() -> None:
    sdk = installed_sdk()
    assert MODEL_FACTS
    assert all(examples_models().values()), "an example names no model"
    assert shutdown_problems(sdk, COMPARISON.facts, examples_models()) == []


def test_every_model_fact_records_what_its_review_checked() -> None:
    for fact in MODEL_FACTS:
        assert fact.lifecycle is not None, fact.id
        assert fact.lifecycle.sdk.startswith("openai "), fact.id
        assert fact.lifecycle.status(date.today()) == "active", fact.id


@pytest.mark.parametrize("page", ["platform/", "first-calls/"])
def test_pages_name_the_models_with_the_date_of_the_names(site: BuiltSite, page: str) -> None:
    """Where a page first names a model, the reader learns how old the name is."""
    article = site.article(page)
    reviewed = min(fact.reviewed for fact in MODEL_FACTS)
    as_of = f"names as of {reviewed.day} {reviewed:%B} {reviewed.year}"
    shown = [
        tag
        for tag in article.select("[data-fact^='model_']")
        if tag.find_parent(class_="facts-reviewed") is None
    ]
    assert shown, page
    first = {str(tag["data-fact"]): tag for tag in reversed(shown)}
    for fact_id, tag in first.items():
        assert as_of in found(tag.find_parent(["li", "p"])).get_text(), (page, fact_id)


def test_the_review_note_says_what_was_checked_for_each_model(site: BuiltSite) -> None:
    note = site.article("first-calls/").select_one(".facts-reviewed")
    assert note is not None
    for fact in MODEL_FACTS:
        assert fact.lifecycle is not None
        (item,) = [li for li in note.select("li") if found(li.find("a")).get_text() == fact.value]
        assert "no shutdown announced" in item.get_text(), item
        assert item.find("a", href=fact.lifecycle.source) is not None, item


# --- the SDK is read as it ships --------------------------------------------------------------


def test_the_model_names_read_are_the_sdks_own_types() -> None:
    sdk = installed_sdk()
    declared = set(typing.get_args(ChatModel)) | set(typing.get_args(EmbeddingModel))
    assert declared <= sdk.names
    assert "gpt-6-luna" in sdk.names  # guards against an empty or partial reading


def test_every_deprecated_value_the_sdk_lists_is_read() -> None:
    """A change in the SDK's wording must not silently turn a deprecation into "active"."""
    sdk = installed_sdk()
    source = (installed_package() / sdk_models.MODEL_TYPE_FILES[0]).read_text(encoding="utf-8")
    (listing,) = [
        text for text in sdk_models.docstrings(source) if sdk_models.DEPRECATED_MARKER in text
    ]
    quoted = set(re.findall(r'"([^"]+)"', listing))
    parsed = {d.model for d in sdk_models.parse_deprecations(listing, "chat_model.py")}
    assert quoted
    assert parsed == quoted
    dated = [d for d in sdk.deprecations.values() if d.shutdown is not None]
    assert len(dated) > len(sdk.deprecations) // 2, "few shutdown dates were read"


def test_a_deprecation_entry_is_parsed_with_its_date() -> None:
    text = "Deprecated values:\n\n" + SHUTDOWN_ITEM.format(model="gpt-x", day="2027-06-30")
    text += '- "gpt-y", "gpt-z": Not a supported model ID. Retained for SDK compatibility.\n'
    parsed = sdk_models.parse_deprecations(text, "chat_model.py")
    assert [(d.model, d.shutdown) for d in parsed] == [
        ("gpt-x", date(2027, 6, 30)),
        ("gpt-y", None),
        ("gpt-z", None),
    ]
    assert parsed[0].note.startswith("Announced shutdown date: 2027-06-30. See https://")


def test_a_worded_shutdown_date_is_parsed() -> None:
    text = 'Deprecated values:\n\n- "old-image": This model was retired on May 12, 2026. Use …\n'
    (parsed,) = sdk_models.parse_deprecations(text, "image_model.py")
    assert parsed.shutdown == date(2026, 5, 12)


# --- the check fails, naming the fact or the file -------------------------------------------------


def sdk_deprecating(tmp_path: Path, model: str, day: str) -> SdkModels:
    """A copy of the installed SDK's model types whose ChatModel deprecates `model` on `day`."""
    package = tmp_path / "openai"
    for relative in sdk_models.MODEL_TYPE_FILES:
        (package / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(installed_package() / relative, package / relative)
    chat_model = package / sdk_models.MODEL_TYPE_FILES[0]
    text = chat_model.read_text(encoding="utf-8")
    marker = f"{sdk_models.DEPRECATED_MARKER}\n\n"
    assert marker in text, "the installed SDK no longer lists deprecated values this way"
    item = SHUTDOWN_ITEM.format(model=model, day=day)
    chat_model.write_text(text.replace(marker, marker + item, 1), encoding="utf-8")
    return sdk_models.read(package, "9.9.9")


def test_a_shutdown_announced_for_a_shown_model_names_its_fact_and_examples(
    tmp_path: Path,
) -> None:
    small = COMPARISON.fact("model_small")
    sdk = sdk_deprecating(tmp_path, small.value, "2027-06-30")
    problems = shutdown_problems(sdk, COMPARISON.facts, examples_models())
    expected_fact = f"{DATA_FILE}: Fact 'model_small': openai 9.9.9 deprecates {small.value!r}"
    assert any(problem.startswith(expected_fact) for problem in problems), problems
    assert all("shutdown 2027-06-30" in problem for problem in problems), problems
    users = [path for path, models in examples_models().items() if small.value in models]
    assert users
    for path in users:
        shown = f"docs/examples/{path.name}: openai 9.9.9 deprecates"
        assert any(problem.startswith(shown) for problem in problems), (path.name, problems)


def test_an_example_using_a_model_the_installed_sdk_deprecates_is_named(tmp_path: Path) -> None:
    copy = tmp_path / "first_request.py"
    source = (PROJECT_ROOT / "docs" / "examples" / copy.name).read_text(encoding="utf-8")
    copy.write_text(source.replace(COMPARISON.fact("model_small").value, "gpt-4o-mini"))
    sdk = installed_sdk()
    (problem,) = shutdown_problems(sdk, COMPARISON.facts, examples_models([copy]))
    assert problem.startswith("first_request.py: openai ")
    assert "'gpt-4o-mini', shutdown 2027-01-14" in problem


def test_a_recorded_shutdown_the_sdk_does_not_announce_is_named() -> None:
    fact = COMPARISON.fact("model_flagship")
    recorded = with_lifecycle(fact, shutdown=date(2099, 1, 1))
    problems = shutdown_problems(installed_sdk(), recorded.facts, {})
    assert problems == [
        f"{DATA_FILE}: Fact 'model_flagship': field 'lifecycle.shutdown' records 2099-01-01, "
        f"which openai {installed_sdk().version} does not announce"
    ]


# --- validation and make facts ------------------------------------------------------------------


def test_a_model_fact_without_its_lifecycle_is_named() -> None:
    fact = COMPARISON.fact("model_small")
    facts = tuple(replace(f, lifecycle=None) if f == fact else f for f in COMPARISON.facts)
    with pytest.raises(DataError) as error:
        validate(replace(COMPARISON, facts=facts), source=DATA_FILE, today=date.today())
    assert f"{DATA_FILE}: Fact 'model_small': field 'lifecycle' is missing" in str(error.value)


def test_a_lifecycle_on_a_fact_that_is_no_model_is_named() -> None:
    lifecycle = COMPARISON.fact("model_small").lifecycle
    address = COMPARISON.fact("platform_address")
    facts = tuple(replace(f, lifecycle=lifecycle) if f == address else f for f in COMPARISON.facts)
    with pytest.raises(DataError) as error:
        validate(replace(COMPARISON, facts=facts), source=DATA_FILE, today=date.today())
    expected = f"{DATA_FILE}: Fact 'platform_address': field 'lifecycle' is only for model facts"
    assert expected in str(error.value)


def test_a_model_past_its_shutdown_fails_the_data() -> None:
    data = with_lifecycle(COMPARISON.fact("model_small"), shutdown=date(2026, 1, 1))
    with pytest.raises(DataError) as error:
        validate(data, source=DATA_FILE, today=date(2026, 11, 25))
    expected = f"{DATA_FILE}: Fact 'model_small': field 'lifecycle.shutdown': "
    assert expected in str(error.value)
    assert "was shut down on 2026-01-01" in str(error.value)


def test_a_lifecycle_source_that_is_not_https_is_named() -> None:
    data = with_lifecycle(COMPARISON.fact("model_embedding"), source="platform.openai.com")
    with pytest.raises(DataError) as error:
        validate(data, source=DATA_FILE, today=date.today())
    expected = f"{DATA_FILE}: Fact 'model_embedding': field 'lifecycle.source' is not an https URL"
    assert expected in str(error.value)


def test_make_facts_shows_each_models_status_and_announced_shutdown() -> None:
    today = date(2026, 11, 25)
    data = with_lifecycle(COMPARISON.fact("model_small"), shutdown=date(2027, 1, 14))
    lines = report(data.facts, today, installed_sdk()).splitlines()
    for fact in data.facts:
        row = [line for line in lines if f" {fact.id} " in line]
        assert len(row) == 1, (fact.id, lines)
        if fact.id == "model_small":
            assert "deprecated, shutdown 2027-01-14" in row[0]
        elif fact.kind == "model":
            assert "active, no shutdown announced" in row[0]
        else:
            assert "active" not in row[0]
            assert "shutdown" not in row[0]
    for fact in MODEL_FACTS:
        assert f"  {fact.id}: {fact.value}: known, no shutdown announced" in lines


def test_make_facts_shows_what_the_sdk_announces(tmp_path: Path) -> None:
    small = COMPARISON.fact("model_small")
    sdk = sdk_deprecating(tmp_path, small.value, "2027-06-30")
    lines = report(COMPARISON.facts, date(2026, 11, 25), sdk).splitlines()
    (line,) = [line for line in lines if line.startswith(f"  {small.id}: ")]
    assert "DEPRECATED, shutdown 2027-06-30 (openai/types/shared/chat_model.py" in line


def with_lifecycle(fact: Fact, **changes: object) -> Comparison:
    assert fact.lifecycle is not None
    lifecycle: ModelLifecycle = replace(fact.lifecycle, **changes)  # type: ignore[arg-type]
    facts = tuple(replace(f, lifecycle=lifecycle) if f == fact else f for f in COMPARISON.facts)
    return replace(COMPARISON, facts=facts)
