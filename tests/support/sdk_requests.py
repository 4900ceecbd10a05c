"""The installed SDK's own request types, as validators that judge a JSON body as the API does.

The `openai` package types every request body as a `TypedDict` (`ResponseCreateParams…`,
`EmbeddingCreateParams`), generated from OpenAI's API specification. pydantic validates data
against them; three changes to the schema pydantic builds make it judge a JSON body the way the
API does:

- an unknown key is refused at every level (a `TypedDict` ignores extra keys by default, the
  API answers "Unknown parameter");
- an `Iterable` field is checked whole, as the JSON array it is (pydantic checks a generator
  lazily, item by item as it is consumed, that is never);
- each choice of a union is labelled, so that an error's location reads back as the API names
  a parameter (`input[1].content[0].type`), and the error of the choice the body meant can be
  told from those of the choices it did not.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails, SchemaValidator

# Starts the label of each union choice in an error's location; no field name starts with it.
CHOICE = "§"
# An error at a union choice itself, of one of these kinds, means the body is another choice.
_WRONG_SHAPE = ("_type", "literal_error", "union_tag_invalid", "is_instance_of")


class RequestError(ValueError):
    """A body the API refuses, with the parameter to blame (None for the body as a whole)."""

    def __init__(self, message: str, param: str | None) -> None:
        super().__init__(message)
        self.param = param


@dataclass(frozen=True)
class RequestType:
    """One of the SDK's request types, made into a validator of JSON bodies."""

    name: str
    validator: SchemaValidator

    def check(self, body: Any) -> None:
        """Return if the API would take `body`; raise `RequestError` naming what it refuses."""
        try:
            # Strict, as JSON is: "300" is no integer, 1 is no boolean.
            self.validator.validate_python(body, strict=True)
        except ValidationError as error:
            raise explain(error.errors(include_url=False), body) from None


def request_type(kind: Any) -> RequestType:
    """A validator of JSON bodies for the SDK type `kind`, judged as the API judges them."""
    schema = copy.deepcopy(TypeAdapter(kind).core_schema)
    _adapt(schema)
    return RequestType(getattr(kind, "__name__", str(kind)), SchemaValidator(schema))


def _adapt(node: Any) -> None:
    if isinstance(node, dict):
        kind = node.get("type")
        if kind == "typed-dict":
            node["extra_behavior"] = "forbid"
        elif kind == "generator":
            # A JSON array, checked whole.
            node["type"] = "list"
            node.pop("serialization", None)
        elif kind == "union":
            node["choices"] = [
                _labelled(choice, number) for number, choice in enumerate(node["choices"])
            ]
        for value in node.values():
            _adapt(value)
    elif isinstance(node, list | tuple):
        for value in node:
            _adapt(value)


def _labelled(choice: Any, number: int) -> tuple[Any, str]:
    """The choice with a label unique in its union: the mark, its number, a readable name."""
    schema, label = choice if isinstance(choice, tuple) else (choice, None)
    if label is None:
        cls = schema.get("cls")
        reference = str(schema.get("schema_ref", "")).split(":")[0].rsplit(".", 1)[-1]
        label = cls.__name__ if cls is not None else reference or str(schema.get("type"))
    return schema, f"{CHOICE}{number}:{label}"


# --- reading pydantic's errors back as the API's one error ----------------------------------


def explain(errors: Sequence[ErrorDetails], body: Any) -> RequestError:
    """The one error the API would name for a body pydantic refused with `errors`.

    Where the body could be one of several shapes (a union), pydantic reports why each shape
    failed. The body meant the shape whose discriminating `type` it matches and that fails
    least; when it matches none, the error is the value that picks the shape.
    """
    return _explain(list(errors), 0, (), body)


def _explain(
    errors: list[ErrorDetails], depth: int, path: tuple[str | int, ...], value: Any
) -> RequestError:
    here = [error for error in errors if len(error["loc"]) == depth]
    deeper = [error for error in errors if len(error["loc"]) > depth]
    if here and not deeper:
        return _message(here[0], path)
    heads = list(dict.fromkeys(error["loc"][depth] for error in deeper))
    if all(_is_choice(head) for head in heads):
        groups = {head: [e for e in deeper if e["loc"][depth] == head] for head in heads}
        meant = [head for head, group in groups.items() if not _other_shape(group, depth + 1)]
        if not meant:
            return _no_shape(groups, depth, path, value)
        best = min(meant, key=lambda head: _misfit(groups[head], depth + 1))
        return _explain(groups[best], depth + 1, path, value)
    head = next(head for head in heads if not _is_choice(head))
    group = [error for error in deeper if error["loc"][depth] == head]
    return _explain(group, depth + 1, (*path, head), _child(value, head))


def _misfit(group: list[ErrorDetails], depth: int) -> tuple[int, int, int]:
    """How far a union choice is from the body: keys it does not know, keys it lacks, errors."""
    own = [error for error in group if len(error["loc"]) == depth + 1]
    unknown = sum(error["type"] == "extra_forbidden" for error in own)
    lacking = sum(error["type"] == "missing" for error in own)
    return unknown, lacking, len(group)


def _is_choice(segment: str | int) -> bool:
    return isinstance(segment, str) and segment.startswith(CHOICE)


def _child(value: Any, key: str | int) -> Any:
    try:
        return value[key]
    except (KeyError, IndexError, TypeError):
        return None


def _other_shape(group: list[ErrorDetails], depth: int) -> bool:
    """Whether a union choice's errors say the body is not that choice at all."""
    for error in group:
        loc = error["loc"]
        if len(loc) == depth and error["type"].endswith(_WRONG_SHAPE):
            return True
        if (
            len(loc) == depth + 1
            and loc[depth] == "type"
            and error["type"]
            in (
                "literal_error",
                "missing",
            )
        ):
            return True
    return False


def _no_shape(
    groups: dict[str | int, list[ErrorDetails]],
    depth: int,
    path: tuple[str | int, ...],
    value: Any,
) -> RequestError:
    """None of a union's shapes fits: name the value that picks the shape, and what it may be."""
    flat = [error for group in groups.values() for error in group]
    literal = [e for e in flat if len(e["loc"]) == depth + 1 and e["type"] == "literal_error"]
    if literal and not isinstance(value, dict):
        return RequestError(
            f"Invalid value: {json.dumps(value)}. Supported values are: {_values(literal)}.",
            _param(path),
        )
    kinds = [
        e
        for e in flat
        if len(e["loc"]) == depth + 2
        and e["loc"][depth + 1] == "type"
        and e["type"] == "literal_error"
    ]
    if isinstance(value, dict) and "type" in value and kinds:
        return RequestError(
            f"Invalid value: {json.dumps(value['type'])}. Supported values are: {_values(kinds)}.",
            _param((*path, "type")),
        )
    shapes = ", ".join(str(head).split(":", 1)[-1] for head in groups)
    return RequestError(
        f"Invalid value for '{_param(path)}': it fits none of its shapes ({shapes}).",
        _param(path),
    )


def _values(errors: Sequence[ErrorDetails]) -> str:
    """The values a literal takes, from its errors: `'a', 'b', 'c'`."""
    values: dict[str, None] = {}
    for error in errors:
        expected = str(error.get("ctx", {}).get("expected", ""))
        quoted = re.findall(r"'([^']*)'", expected)
        # A literal of strings lists them quoted; one of True, False or None does not.
        shown = [f"'{value}'" for value in quoted] or [
            json.dumps({"True": True, "False": False, "None": None}.get(word, word))
            for word in re.findall(r"\w+", expected)
            if word != "or"
        ]
        values.update(dict.fromkeys(shown))
    return ", ".join(values)


def _message(error: ErrorDetails, path: tuple[str | int, ...]) -> RequestError:
    param = _param(path)
    kind = error["type"]
    if kind == "extra_forbidden":
        return RequestError(f"Unknown parameter: '{param}'.", param)
    if kind == "missing":
        return RequestError(f"Missing required parameter: '{param}'.", param)
    if kind == "literal_error":
        return RequestError(
            f"Invalid value: {json.dumps(error['input'])}. Supported values are: "
            f"{_values([error])}.",
            param,
        )
    if kind.endswith("_type"):
        got = _json_type(error["input"])
        return RequestError(
            f"Invalid type for '{param}': {error['msg'].lower()}, but got {got}.", param
        )
    return RequestError(f"Invalid '{param}': {error['msg']}.", param)


def _json_type(value: Any) -> str:
    """How the API names a JSON value's type: "a string", "an integer"…"""
    kinds: tuple[tuple[type, str], ...] = (
        (bool, "a boolean"),
        (int, "an integer"),
        (float, "a number"),
        (str, "a string"),
        (list, "an array"),
        (dict, "an object"),
    )
    return next((name for kind, name in kinds if isinstance(value, kind)), "null")


def _param(path: tuple[str | int, ...]) -> str | None:
    """`input[1].content[0].type`, the way the API names a parameter."""
    return "".join(_segments(path)) or None


def _segments(path: tuple[str | int, ...]) -> Iterator[str]:
    for index, segment in enumerate(path):
        if isinstance(segment, int):
            yield f"[{segment}]"
        else:
            yield f".{segment}" if index else segment
