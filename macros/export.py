"""The comparison as JSON, with a JSON Schema derived from the same typed records.

Both are read off the dataclasses in `model.py` (their fields and type hints), so a new
field in the data shows up in the export and its schema without touching this module.
The rules that span records (ids that must exist, one verdict per combination) stay in
`validate.py`.

The standard library is enough, and it costs the build nothing it does not already
load: pydantic's `TypeAdapter`, which did this for a while, took about 0.15 s of every
2.2 s build in its imports and set-up (2026-12-05, builds side by side). The tests hold
the export to pydantic instead, which reads the same records on its own: it must turn
the JSON back into the data, and its schema must say what this one says
(tests/test_machine_readable.py).
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date
from pathlib import Path
from typing import Any

from .model import Comparison

JSON_FILE = "comparison.json"
SCHEMA_FILE = "comparison.schema.json"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    date: {"type": "string", "format": "date"},
    type(None): {"type": "null"},
}


def encode(value: Any) -> Any:
    """`value` as JSON-ready values: a record becomes an object, a tuple a list, and a set a
    sorted list, so that every build writes the same file (a set's order changes from one
    Python process to the next)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: encode(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, tuple):
        return [encode(item) for item in value]
    if isinstance(value, frozenset):
        return sorted(encode(item) for item in value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def schema(schema_id: str) -> dict[str, Any]:
    """The JSON Schema (2020-12) of `encode(comparison)`; no record takes a field it does not
    declare."""
    records: dict[str, Any] = {}
    root = _record_schema(Comparison, records)
    return {"$schema": JSON_SCHEMA_DIALECT, "$id": schema_id, **root, "$defs": records}


def schema_of(kind: Any, records: dict[str, Any]) -> dict[str, Any]:
    """The schema of a value of type `kind`; each record it holds is added to `records`."""
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        if kind.__name__ not in records:
            records[kind.__name__] = {}  # taken before its fields, should a record hold itself
            records[kind.__name__] = _record_schema(kind, records)
        return {"$ref": f"#/$defs/{kind.__name__}"}
    origin, arguments = typing.get_origin(kind), typing.get_args(kind)
    if origin in (tuple, frozenset):
        unique = {"uniqueItems": True} if origin is frozenset else {}
        return {"type": "array", "items": schema_of(arguments[0], records), **unique}
    if origin is typing.Literal:
        (kind_of_values,) = {type(argument) for argument in arguments}
        return {**schema_of(kind_of_values, records), "enum": list(arguments)}
    if origin in (types.UnionType, typing.Union):
        return {"anyOf": [schema_of(option, records) for option in arguments]}
    if kind in _SCALARS:
        return _SCALARS[kind]
    raise TypeError(f"macros/export.py has no JSON Schema for {kind!r}: add it to schema_of")


def _record_schema(kind: type, records: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(kind)
    fields = dataclasses.fields(kind)
    return {
        "type": "object",
        "title": kind.__name__,
        "description": " ".join((kind.__doc__ or "").split()),
        "properties": {
            field.name: _field_schema(field, hints[field.name], records) for field in fields
        },
        "required": [field.name for field in fields if _is_required(field)],
        "additionalProperties": False,
    }


def _field_schema(
    field: dataclasses.Field[Any], kind: Any, records: dict[str, Any]
) -> dict[str, Any]:
    default = {} if field.default is dataclasses.MISSING else {"default": encode(field.default)}
    return {**schema_of(kind, records), **default}


def _is_required(field: dataclasses.Field[Any]) -> bool:
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING


def write(comparison: Comparison, site_dir: Path, site_url: str) -> None:
    """Write `comparison.json` and its schema at the root of the built site."""
    files = {
        JSON_FILE: encode(comparison),
        SCHEMA_FILE: schema(site_url.rstrip("/") + "/" + SCHEMA_FILE),
    }
    for name, content in files.items():
        text = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
        (site_dir / name).write_text(text, encoding="utf-8")
