"""The comparison as JSON, with a JSON Schema derived from the same typed records.

pydantic's `TypeAdapter` reads the dataclasses in `model.py`, so a new field in the
data shows up in the export and its schema without touching this module. The rules
that span records (ids that must exist, one verdict per combination) stay in
`validate.py`. `decode` turns the JSON back into the records, which the tests use to
check that the export loses nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .model import Comparison

JSON_FILE = "comparison.json"
SCHEMA_FILE = "comparison.schema.json"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

RECORDS = TypeAdapter(Comparison)


def encode(comparison: Comparison) -> Any:
    """The comparison as JSON-ready values; a set's items sorted, so that every build writes
    the same file (a set's order changes from one Python process to the next)."""
    data = RECORDS.dump_python(comparison, mode="json")
    for verdict in data["verdicts"]:
        verdict["sides"].sort()
    return data


def decode(data: Any) -> Comparison:
    """The records that `encode` turned into `data`."""
    return RECORDS.validate_python(data)


def schema(schema_id: str) -> dict[str, Any]:
    """The JSON Schema (2020-12) of `encode`'s output; no record takes a field it does not
    declare."""
    generated = RECORDS.json_schema(mode="serialization")
    for record in (generated, *generated.get("$defs", {}).values()):
        record["additionalProperties"] = False
    return {"$schema": JSON_SCHEMA_DIALECT, "$id": schema_id, **generated}


def write(comparison: Comparison, site_dir: Path, site_url: str) -> None:
    """Write `comparison.json` and its schema at the root of the built site."""
    files = {
        JSON_FILE: encode(comparison),
        SCHEMA_FILE: schema(site_url.rstrip("/") + "/" + SCHEMA_FILE),
    }
    for name, content in files.items():
        text = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
        (site_dir / name).write_text(text, encoding="utf-8")
