"""The comparison as JSON, with a JSON Schema derived from the same typed records.

Both are generated from the dataclasses in `model.py`, so a new field in the
data shows up in the export and its schema without touching this module.
`decode` turns the JSON back into the records, which the tests use to check
that the export loses nothing.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from .model import Comparison

JSON_FILE = "comparison.json"
SCHEMA_FILE = "comparison.schema.json"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

T = TypeVar("T")


def encode(value: Any) -> Any:
    """A JSON-ready copy of `value`: records become objects, sets become sorted lists."""
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


def decode(kind: type[T], data: Any) -> T:
    """The value of type `kind` that `encode` turned into `data`."""
    return typing.cast(T, _decode(kind, data))


def _decode(kind: Any, data: Any) -> Any:
    origin = typing.get_origin(kind)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind)
        fields = dataclasses.fields(kind)
        return kind(**{f.name: _decode(hints[f.name], data[f.name]) for f in fields})
    if origin is tuple:
        return tuple(_decode(typing.get_args(kind)[0], item) for item in data)
    if origin is frozenset:
        return frozenset(_decode(typing.get_args(kind)[0], item) for item in data)
    if kind is date:
        return date.fromisoformat(data)
    if origin in (types.UnionType, typing.Union) and data is not None:
        # An optional value (`X | None`) that is present: decode it as its one other type.
        (present,) = [option for option in typing.get_args(kind) if option is not type(None)]
        return _decode(present, data)
    return data


def schema(root: type, schema_id: str) -> dict[str, Any]:
    """A JSON Schema (2020-12) for `encode(value)` of any `value` of type `root`."""
    definitions: dict[str, Any] = {}
    reference = _schema_of(root, definitions)
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": schema_id,
        "title": root.__name__,
        **reference,
        "$defs": definitions,
    }


SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    date: {"type": "string", "format": "date"},
    type(None): {"type": "null"},
}


def _schema_of(kind: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        name = kind.__name__
        if name not in definitions:
            definitions[name] = {}  # reserved first, in case the type refers to itself
            definitions[name] = _object_schema(kind, definitions)
        return {"$ref": f"#/$defs/{name}"}
    origin, arguments = typing.get_origin(kind), typing.get_args(kind)
    if origin in (tuple, frozenset):
        unique = {"uniqueItems": True} if origin is frozenset else {}
        return {"type": "array", "items": _schema_of(arguments[0], definitions), **unique}
    if origin is typing.Literal:
        return {"enum": list(arguments)}
    if origin in (types.UnionType, typing.Union):
        return {"anyOf": [_schema_of(option, definitions) for option in arguments]}
    if kind in SCALARS:
        return SCALARS[kind]
    raise TypeError(f"no JSON Schema for {kind!r}; teach macros/export.py this type")


def _object_schema(kind: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(kind)
    fields = dataclasses.fields(kind)
    return {
        "type": "object",
        "description": (kind.__doc__ or "").strip(),
        "properties": {field.name: _schema_of(hints[field.name], definitions) for field in fields},
        "required": [field.name for field in fields if _is_required(field)],
        "additionalProperties": False,
    }


def _is_required(field: dataclasses.Field[Any]) -> bool:
    return field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING


def write(comparison: Comparison, site_dir: Path, site_url: str) -> None:
    """Write `comparison.json` and its schema at the root of the built site."""
    schema_id = site_url.rstrip("/") + "/" + SCHEMA_FILE
    files = {
        JSON_FILE: encode(comparison),
        SCHEMA_FILE: schema(Comparison, schema_id),
    }
    for name, content in files.items():
        text = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
        (site_dir / name).write_text(text, encoding="utf-8")
