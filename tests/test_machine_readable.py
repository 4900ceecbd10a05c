"""For machines: /llms.txt and /llms-full.txt, and the comparison as JSON with its schema."""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from typing import Any

import pytest
from jsonschema import Draft202012Validator, ValidationError
from pydantic import TypeAdapter

from macros import export
from macros.data import COMPARISON
from macros.model import Comparison
from tests.support.helpers import PROJECT_ROOT, BuiltSite, site_contract

MARKDOWN_LINK = re.compile(r"^- \[([^\]]+)\]\((\S+)\)", re.MULTILINE)
HTML_TAG = re.compile(r"</?(?:div|span|table|tr|td|p|a|ul|li|form|input|label|button|svg)\b")


def site_url(site: BuiltSite) -> str:
    canonical = site.soup("").find("link", rel="canonical")
    assert canonical is not None
    return str(canonical["href"])


def text(site: BuiltSite, url_path: str) -> str:
    return site.path(url_path).read_text(encoding="utf-8")


def table_rows(markdown: str) -> list[list[str]]:
    """The cells of every Markdown table row, stripped."""
    return [
        [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        for line in markdown.splitlines()
        if line.startswith("| ")
    ]


def load_json(site: BuiltSite, name: str) -> Any:
    return json.loads(text(site, name))


# --- llms.txt ----------------------------------------------------------------------------------


def test_llms_txt_lists_every_page_in_its_section_in_the_order_of_nav(site: BuiltSite) -> None:
    base = site_url(site)
    sections = [
        (heading, [url for _, url in MARKDOWN_LINK.findall(links)])
        for heading, links in re.findall(r"^## (.+)\n\n((?:- .*\n)+)", text(site, "llms.txt"), re.M)
    ]
    expected: dict[str, list[str]] = {}
    for page in site_contract().pages:
        expected.setdefault(page.llms_section, []).append(f"{base}{page.path}index.md")
    assert sections == list(expected.items())
    assert "For cookbook authors" in expected


def test_each_page_listed_in_llms_txt_is_published_as_markdown(site: BuiltSite) -> None:
    base = site_url(site)
    for title, url in MARKDOWN_LINK.findall(text(site, "llms.txt")):
        markdown = text(site, url.removeprefix(base))
        assert markdown.strip(), f"{title}: {url} is empty"
        assert not HTML_TAG.search(markdown), f"{url} still holds HTML"


def test_llms_full_txt_holds_the_comparison_as_markdown_tables(site: BuiltSite) -> None:
    full = text(site, "llms-full.txt")
    rows = table_rows(full)
    for side in COMPARISON.sides:
        assert [f"**{side.name}**", side.feels_like] in rows, side.id
    chatgpt, platform = COMPARISON.side("chatgpt"), COMPARISON.side("platform")
    assert ["What it is", chatgpt.identity, platform.identity] in rows
    where = [COMPARISON.fact(side.address_fact).value for side in (chatgpt, platform)]
    assert ["Where", *where] in rows
    assert not HTML_TAG.search(full)


def test_llms_full_txt_holds_every_page(site: BuiltSite) -> None:
    full = text(site, "llms-full.txt")
    for page in site_contract().pages:
        heading = site.article(page.path).find("h1")
        assert heading is not None
        # The emoji of a title is a span of its own (hidden from screen readers): join with spaces.
        title = " ".join(heading.get_text(" ").split()).removesuffix("¶").rstrip()
        assert f"# {title}\n" in full, page.path


# --- comparison.json ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def validator(site: BuiltSite) -> Draft202012Validator:
    schema = load_json(site, export.SCHEMA_FILE)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


# pydantic reads the records of model.py on its own: the export is held to what it makes of them.
RECORDS = TypeAdapter(Comparison)


def test_comparison_json_round_trips_to_the_data(site: BuiltSite) -> None:
    assert RECORDS.validate_json(text(site, export.JSON_FILE)) == COMPARISON


def without_titles(schema: Any) -> Any:
    """A JSON Schema without its titles, which pydantic gives every field and we do not."""
    if isinstance(schema, dict):
        return {
            key: without_titles(value)
            for key, value in schema.items()
            if not (key == "title" and isinstance(value, str))
        }
    if isinstance(schema, list):
        return [without_titles(value) for value in schema]
    return schema


def test_schema_says_what_pydantic_says_of_the_records(site: BuiltSite) -> None:
    """Every record, field, type, default and description as pydantic's own schema has them;
    ours adds only that a record takes no field it does not declare."""
    published = load_json(site, export.SCHEMA_FILE)
    for record in (published, *published["$defs"].values()):
        assert record.pop("additionalProperties") is False, record["title"]
    del published["$schema"], published["$id"]
    assert without_titles(published) == without_titles(RECORDS.json_schema(mode="serialization"))


def test_a_type_the_schema_cannot_say_is_named() -> None:
    with pytest.raises(TypeError, match=r"no JSON Schema for <class 'float'>"):
        export.schema_of(float, {})


def test_comparison_json_matches_its_schema(
    site: BuiltSite, validator: Draft202012Validator
) -> None:
    validator.validate(load_json(site, export.JSON_FILE))


def test_schema_is_published_at_its_id(site: BuiltSite) -> None:
    schema = load_json(site, export.SCHEMA_FILE)
    assert schema["$id"] == site_url(site) + export.SCHEMA_FILE


def test_schema_rejects_an_unknown_side(site: BuiltSite, validator: Draft202012Validator) -> None:
    data = copy.deepcopy(load_json(site, export.JSON_FILE))
    data["signals"][0]["side"] = "somewhere-else"
    with pytest.raises(ValidationError):
        validator.validate(data)


def test_schema_rejects_a_missing_field(site: BuiltSite, validator: Draft202012Validator) -> None:
    data = copy.deepcopy(load_json(site, export.JSON_FILE))
    del data["sides"][0]["name"]
    with pytest.raises(ValidationError, match="'name' is a required property"):
        validator.validate(data)


def test_schema_rejects_a_field_no_record_declares(
    site: BuiltSite, validator: Draft202012Validator
) -> None:
    data = copy.deepcopy(load_json(site, export.JSON_FILE))
    data["sides"][0]["nickname"] = "the restaurant"
    with pytest.raises(ValidationError, match="nickname"):
        validator.validate(data)


@pytest.mark.parametrize("seed", ["0", "1", "2", "3"])
def test_every_build_writes_the_same_json(seed: str) -> None:
    """A set's order follows string hashes, which Python seeds afresh in each process."""
    script = "import json; from macros import export; from macros.data import COMPARISON; "
    script += "print(json.dumps(export.encode(COMPARISON)))"
    written = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONHASHSEED": seed},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(written) == export.encode(COMPARISON)
    assert [verdict["sides"] for verdict in json.loads(written)["verdicts"]] == [
        sorted(verdict.sides) for verdict in COMPARISON.verdicts
    ]


def test_schema_rejects_a_badly_formed_review_date(
    site: BuiltSite, validator: Draft202012Validator
) -> None:
    data = copy.deepcopy(load_json(site, export.JSON_FILE))
    data["facts"][0]["reviewed"] = "last Tuesday"
    with pytest.raises(ValidationError):
        validator.validate(data)
