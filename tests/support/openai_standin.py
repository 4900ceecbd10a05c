"""A local stand-in of the OpenAI API: just enough of it for the first-call examples.

It refuses what the real API would refuse (a missing or wrong key, a body that is not
JSON, a parameter the installed SDK does not know, at the top of the body or inside a tool
definition, an input item or a content part, a model the data does not name, a strict
function schema that leaves extra properties open, `temperature` or `top_p` sent to a
reasoning model whose reasoning effort is not `none`, a tool call round trip that does not
add up) and accepts what it accepts (an input as a string, as messages whose content is a
string or a list of content parts). It answers with bodies shaped like the real ones: every
answer is validated against the installed SDK's own types before it is sent. Like the real
models the data names, every chat model reasons (effort `medium` unless told otherwise) and
its reasoning tokens count against `max_output_tokens`. Streams are sent as server-sent
events. Install it on a `pytest_httpserver.HTTPServer`.
"""

from __future__ import annotations

import base64
import hashlib
import inspect
import itertools
import json
import math
import re
import struct
import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from openai import OpenAI
from openai.types import CreateEmbeddingResponse
from openai.types.responses import (
    EasyInputMessageParam,
    FunctionToolParam,
    ResponseInputFileParam,
    ResponseInputImageParam,
    ResponseInputTextParam,
    ResponseOutputTextParam,
    ResponseStreamEvent,
)
from openai.types.responses import Response as ApiResponse
from openai.types.responses.response_input_param import FunctionCallOutput
from openai.types.shared import ReasoningEffort
from openai.types.shared_params import Reasoning
from pydantic import TypeAdapter
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

# Not shaped like a real key, so the "no key-like string" check stays meaningful.
DUMMY_KEY = "dummy-key-for-the-local-stand-in"
EMBEDDING_DIMENSIONS = 1536
CREATED_AT = 1_764_000_000
_TRANSPORT_PARAMETERS = frozenset({"extra_headers", "extra_query", "extra_body", "timeout"})
_STREAM_EVENT = TypeAdapter(ResponseStreamEvent)


def body_fields(method: Callable[..., Any]) -> frozenset[str]:
    """The JSON fields an SDK method can send: its keyword parameters minus the transport ones."""
    return frozenset(inspect.signature(method).parameters) - _TRANSPORT_PARAMETERS


def object_keys(kind: Any) -> frozenset[str]:
    """The keys a JSON object of the SDK's `TypedDict` type `kind` may hold."""
    return frozenset(kind.__required_keys__ | kind.__optional_keys__)


def _literal_values(kind: Any) -> frozenset[str]:
    """The strings of a `Literal`, also when it is wrapped in `Optional`."""
    return frozenset(
        value
        for argument in (typing.get_args(kind) or (kind,))
        for value in typing.get_args(argument)
        if isinstance(value, str)
    )


# A client that never sends anything: only its method signatures are read.
SDK = OpenAI(api_key=DUMMY_KEY, base_url="http://127.0.0.1:9/v1")
RESPONSE_FIELDS = body_fields(SDK.responses.create)
EMBEDDING_FIELDS = body_fields(SDK.embeddings.create)
FUNCTION_TOOL_KEYS = object_keys(FunctionToolParam)
MESSAGE_KEYS = object_keys(EasyInputMessageParam)
FUNCTION_OUTPUT_KEYS = object_keys(FunctionCallOutput)
REASONING_KEYS = object_keys(Reasoning)
REASONING_EFFORTS = _literal_values(ReasoningEffort)
DEFAULT_EFFORT = "medium"
# The keys of each kind of content part a message may hold, by the role that sends it.
INPUT_PARTS = {
    "input_text": object_keys(ResponseInputTextParam),
    "input_image": object_keys(ResponseInputImageParam),
    "input_file": object_keys(ResponseInputFileParam),
}
CONTENT_PARTS = {
    "user": INPUT_PARTS,
    "system": INPUT_PARTS,
    "developer": INPUT_PARTS,
    "assistant": {"output_text": object_keys(ResponseOutputTextParam)},
}
# A toy count: what a reasoning model spends thinking before it writes a word.
REASONING_TOKENS = 64


def embed(text: str, dimensions: int = EMBEDDING_DIMENSIONS) -> list[float]:
    """A toy embedding of length 1: texts that share words point in similar directions."""
    vector = [0.0] * dimensions
    for word in re.findall(r"[a-z0-9]+", text.lower()):
        digest = hashlib.sha256(word.encode("utf-8")).digest()
        vector[int.from_bytes(digest[:4], "big") % dimensions] += 1.0
    norm = math.sqrt(sum(value * value for value in vector))
    return [value / norm for value in vector] if norm else vector


def nearest(candidates: Iterable[str], query: str) -> str:
    """The candidate whose toy embedding is closest to the query's."""
    query_vector = embed(query)
    return max(
        candidates,
        key=lambda text: sum(a * b for a, b in zip(embed(text), query_vector, strict=True)),
    )


class ApiError(Exception):
    """A request the real API would refuse; answered with the API's error shape."""

    def __init__(self, status: int, message: str, param: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.param = param

    def response(self) -> Response:
        kind = "authentication_error" if self.status == 401 else "invalid_request_error"
        error = {"message": str(self), "type": kind, "param": self.param, "code": None}
        return Response(json.dumps({"error": error}), self.status, mimetype="application/json")


@dataclass(frozen=True)
class Exchange:
    """One accepted request and what the stand-in answered."""

    endpoint: str
    body: dict[str, Any]
    reply: dict[str, Any]
    """The response object (for a stream, the one its `response.completed` event carries)."""
    raw: str
    """The exact body sent back: JSON, or the server-sent events of a stream."""

    @property
    def streamed(self) -> bool:
        return self.body.get("stream") is True

    @property
    def text(self) -> str:
        """The text of the answer's message items, as `output_text` would join it."""
        return "".join(
            part["text"]
            for item in self.reply.get("output", ())
            if item["type"] == "message"
            for part in item["content"]
        )

    @property
    def function_calls(self) -> list[dict[str, Any]]:
        return [item for item in self.reply.get("output", ()) if item["type"] == "function_call"]


@dataclass
class ApiStandIn:
    chat_models: frozenset[str]
    embedding_model: str
    exchanges: list[Exchange] = field(default_factory=list)
    rejections: list[str] = field(default_factory=list)
    tool_calls: int = 1
    """How many function calls the model asks for when offered tools: 0 means it answers."""
    stream_error_after: int | None = None
    """In a stream, send an `error` event after this many text deltas and stop there."""
    _stored: dict[str, dict[str, Any]] = field(default_factory=dict)
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def install(self, server: HTTPServer) -> str:
        """Answer on `server`; returns the base URL to give the SDK and curl."""
        for endpoint, handle in (("responses", self._responses), ("embeddings", self._embeddings)):
            server.expect_request(f"/v1/{endpoint}", method="POST").respond_with_handler(
                self._guarded(endpoint, handle)
            )
        return server.url_for("/v1")

    def _guarded(
        self, endpoint: str, handle: Callable[[dict[str, Any]], tuple[dict[str, Any], str, str]]
    ) -> Callable[[Request], Response]:
        def handler(request: Request) -> Response:
            try:
                _check_key(request)
                body = _json_body(request)
                reply, raw, mimetype = handle(body)
            except ApiError as error:
                where = f" (param {error.param})" if error.param else ""
                self.rejections.append(f"POST {request.path}: {error}{where}")
                return error.response()
            self.exchanges.append(Exchange(endpoint, body, reply, raw))
            return Response(raw, 200, mimetype=mimetype)

        return handler

    def _next_id(self, prefix: str) -> str:
        return f"{prefix}_standin{next(self._ids):04d}"

    # --- POST /v1/responses -------------------------------------------------------------

    def _responses(self, body: dict[str, Any]) -> tuple[dict[str, Any], str, str]:
        _check_fields(body, RESPONSE_FIELDS)
        model = _required(body, "model", str)
        if model not in self.chat_models:
            raise ApiError(400, f"The model `{model}` is not one the data names", "model")
        effort = _check_sampling(body)
        tools = body.get("tools", [])
        for index, tool in enumerate(_list(tools, "tools")):
            _check_function_tool(tool, f"tools[{index}]")
        items = _input_items(body)
        outputs = self._check_tool_outputs(body, items)

        reasoning_tokens = 0 if effort == "none" else REASONING_TOKENS
        if tools and not outputs and self.tool_calls:
            output = [self._function_call(tools[0], n) for n in range(self.tool_calls)]
            reply = self._response_object(body, output, effort, reasoning_tokens + 20)
        else:
            text = f"Stand-in answer {next(self._ids)} from {model}."
            reply = self._answer(body, text, effort, reasoning_tokens)
        self._stored[reply["id"]] = reply
        if body.get("stream") is True:
            events = _server_sent_events(reply, self.stream_error_after)
            return reply, events, "text/event-stream"
        return reply, json.dumps(reply), "application/json"

    def _answer(
        self, body: dict[str, Any], text: str, effort: str, reasoning_tokens: int
    ) -> dict[str, Any]:
        """A message answer; cut short when reasoning and text do not fit `max_output_tokens`."""
        words = text.split()
        cap = body.get("max_output_tokens")
        room = len(words) if cap is None else max(0, cap - reasoning_tokens)
        if room >= len(words):
            output = [self._message(text)]
            return self._response_object(body, output, effort, reasoning_tokens + len(words))
        output = [self._message(" ".join(words[:room]))] if room else []
        assert cap is not None  # with no cap, every word had room
        reply = self._response_object(body, output, effort, cap)
        reply.update(status="incomplete", incomplete_details={"reason": "max_output_tokens"})
        ApiResponse.model_validate(reply)
        return reply

    def _check_tool_outputs(
        self, body: dict[str, Any], items: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """Function results must answer exactly the calls of the response they continue."""
        outputs = [item for item in items if item.get("type") == "function_call_output"]
        previous_id = body.get("previous_response_id")
        if previous_id is None:
            if outputs:
                raise ApiError(400, "function_call_output without previous_response_id", "input")
            return outputs
        if previous_id not in self._stored:
            raise ApiError(
                404, f"Previous response with id '{previous_id}' not found", "previous_response_id"
            )
        asked = {
            item["call_id"]
            for item in self._stored[previous_id]["output"]
            if item["type"] == "function_call"
        }
        answered = [_required(item, "call_id", str) for item in outputs]
        for item in outputs:
            _required(item, "output", str)
        if sorted(answered) != sorted(asked):
            raise ApiError(
                400, f"Tool outputs {answered} do not answer the calls {sorted(asked)}", "input"
            )
        return outputs

    def _function_call(self, tool: dict[str, Any], number: int) -> dict[str, Any]:
        properties: dict[str, Any] = tool["parameters"].get("properties", {})
        arguments = {
            name: _example_value(name, schema, number) for name, schema in properties.items()
        }
        return {
            "type": "function_call",
            "id": self._next_id("fc"),
            "call_id": self._next_id("call"),
            "name": tool["name"],
            "arguments": json.dumps(arguments),
            "status": "completed",
        }

    def _message(self, text: str) -> dict[str, Any]:
        return {
            "type": "message",
            "id": self._next_id("msg"),
            "status": "completed",
            "role": "assistant",
            "content": [{"type": "output_text", "text": text, "annotations": [], "logprobs": []}],
        }

    def _response_object(
        self,
        body: dict[str, Any],
        output: list[dict[str, Any]],
        effort: str,
        output_tokens: int,
    ) -> dict[str, Any]:
        words = len(json.dumps(body.get("input")).split())
        reasoning_tokens = 0 if effort == "none" else min(REASONING_TOKENS, output_tokens)
        reply = {
            "id": self._next_id("resp"),
            "object": "response",
            "created_at": CREATED_AT,
            "status": "completed",
            "model": body["model"],
            "output": output,
            "parallel_tool_calls": body.get("parallel_tool_calls", True),
            "previous_response_id": body.get("previous_response_id"),
            "tool_choice": body.get("tool_choice", "auto"),
            "tools": body.get("tools", []),
            "temperature": body.get("temperature", 1.0),
            "top_p": body.get("top_p", 1.0),
            "max_output_tokens": body.get("max_output_tokens"),
            "error": None,
            "incomplete_details": None,
            "instructions": body.get("instructions"),
            "metadata": {},
            "text": {"format": {"type": "text"}},
            "reasoning": {"effort": effort, "summary": None},
            "usage": {
                "input_tokens": words,
                "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
                "output_tokens": output_tokens,
                "output_tokens_details": {"reasoning_tokens": reasoning_tokens},
                "total_tokens": words + output_tokens,
            },
        }
        ApiResponse.model_validate(reply)
        return reply

    # --- POST /v1/embeddings ------------------------------------------------------------

    def _embeddings(self, body: dict[str, Any]) -> tuple[dict[str, Any], str, str]:
        _check_fields(body, EMBEDDING_FIELDS)
        model = _required(body, "model", str)
        if model != self.embedding_model:
            raise ApiError(400, f"`{model}` is not the embeddings model the data names", "model")
        texts = body.get("input")
        if isinstance(texts, str):
            texts = [texts]
        if (
            not isinstance(texts, list)
            or not texts
            or not all(isinstance(t, str) and t for t in texts)
        ):
            raise ApiError(
                400, "input must be a non-empty string or list of non-empty strings", "input"
            )
        encoding = body.get("encoding_format", "float")
        if encoding not in ("float", "base64"):
            raise ApiError(400, f"Unknown encoding_format {encoding!r}", "encoding_format")
        dimensions = body.get("dimensions", EMBEDDING_DIMENSIONS)
        if not isinstance(dimensions, int) or not 1 <= dimensions <= EMBEDDING_DIMENSIONS:
            raise ApiError(400, f"dimensions must be 1 to {EMBEDDING_DIMENSIONS}", "dimensions")

        tokens = sum(len(text.split()) for text in texts)
        reply = {
            "object": "list",
            "data": [
                {"object": "embedding", "index": index, "embedding": embed(text, dimensions)}
                for index, text in enumerate(texts)
            ],
            "model": model,
            "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
        }
        CreateEmbeddingResponse.model_validate(reply)
        if encoding == "base64":
            # What the API sends then: the little-endian float32 bytes of each vector.
            sent = {**reply, "data": [_base64_embedding(item) for item in reply["data"]]}
            return reply, json.dumps(sent), "application/json"
        return reply, json.dumps(reply), "application/json"


# --- checks shared by both endpoints ---------------------------------------------------


def _check_key(request: Request) -> None:
    if request.headers.get("Authorization") != f"Bearer {DUMMY_KEY}":
        raise ApiError(401, "Incorrect or missing API key in the Authorization header")


def _json_body(request: Request) -> dict[str, Any]:
    if request.mimetype != "application/json":
        raise ApiError(400, f"Content-Type must be application/json, not {request.mimetype!r}")
    try:
        body = json.loads(request.get_data(as_text=True))
    except json.JSONDecodeError as error:
        raise ApiError(400, f"The body is not valid JSON: {error}") from None
    if not isinstance(body, dict):
        raise ApiError(400, "The body must be a JSON object")
    return body


def _check_fields(body: dict[str, Any], accepted: frozenset[str]) -> None:
    unknown = sorted(set(body) - accepted)
    if unknown:
        raise ApiError(400, f"Unknown parameter(s) {unknown}", unknown[0])


def _required(mapping: dict[str, Any], name: str, kind: type) -> Any:
    value = mapping.get(name)
    if not isinstance(value, kind) or value == "":
        raise ApiError(400, f"Missing or invalid required parameter '{name}'", name)
    return value


def _list(value: Any, name: str) -> list[Any]:
    if not isinstance(value, list):
        raise ApiError(400, f"'{name}' must be an array", name)
    return value


def _check_sampling(body: dict[str, Any]) -> str:
    """Check the sampling and reasoning settings; returns the reasoning effort in force.

    A reasoning model accepts `temperature` and `top_p` only with its reasoning effort
    set to `none`, as OpenAI's guide to reasoning models says.
    """
    for name, low, high in (("temperature", 0, 2), ("top_p", 0, 1)):
        value = body.get(name, low)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not low <= value <= high
        ):
            raise ApiError(400, f"'{name}' must be a number from {low} to {high}", name)
    cap = body.get("max_output_tokens", 16)
    if isinstance(cap, bool) or not isinstance(cap, int) or cap < 16:
        raise ApiError(
            400, "'max_output_tokens' must be an integer of at least 16", "max_output_tokens"
        )
    if not isinstance(body.get("stream", False), bool):
        raise ApiError(400, "'stream' must be a boolean", "stream")
    reasoning = body.get("reasoning") or {}
    if not isinstance(reasoning, dict):
        raise ApiError(400, "'reasoning' must be an object", "reasoning")
    _check_keys(reasoning, REASONING_KEYS, "reasoning")
    effort = reasoning.get("effort") or DEFAULT_EFFORT
    if effort not in REASONING_EFFORTS:
        raise ApiError(400, f"Unsupported value: 'reasoning.effort' {effort!r}", "reasoning.effort")
    for name in ("temperature", "top_p"):
        if name in body and effort != "none":
            raise ApiError(
                400,
                f"Unsupported parameter: '{name}' is not supported with this model "
                f"at reasoning effort {effort!r}; set reasoning.effort to 'none' to use it.",
                name,
            )
    return str(effort)


def _check_keys(value: dict[str, Any], accepted: frozenset[str], where: str) -> None:
    unknown = sorted(set(value) - accepted)
    if unknown:
        raise ApiError(400, f"Unknown parameter: '{where}.{unknown[0]}'.", f"{where}.{unknown[0]}")


def _check_function_tool(tool: Any, where: str) -> None:
    if not isinstance(tool, dict) or tool.get("type") != "function":
        raise ApiError(400, "Only function tools are expected here", where)
    _check_keys(tool, FUNCTION_TOOL_KEYS, where)
    name = _required(tool, "name", str)
    parameters = _required(tool, "parameters", dict)
    if parameters.get("type") != "object":
        raise ApiError(400, "A function's parameters must be a JSON schema of type object", where)
    if tool.get("strict", True) is True:  # the Responses API makes functions strict by default
        _check_strict_schema(parameters, name, f"{where}.parameters")


def _check_strict_schema(schema: dict[str, Any], function: str, where: str) -> None:
    """Strict mode needs every object closed and every one of its properties required."""
    if schema.get("type") == "object":
        properties: dict[str, Any] = schema.get("properties", {})
        if schema.get("additionalProperties") is not False:
            raise ApiError(
                400,
                f"Invalid schema for function '{function}': 'additionalProperties' is "
                "required to be supplied and to be false.",
                where,
            )
        missing = sorted(set(properties) - set(schema.get("required", [])))
        if missing:
            raise ApiError(
                400,
                f"Invalid schema for function '{function}': 'required' must include every "
                f"key in properties. Missing {missing[0]!r}.",
                where,
            )
        for key, value in properties.items():
            if isinstance(value, dict):
                _check_strict_schema(value, function, f"{where}.properties.{key}")
    items = schema.get("items")
    if isinstance(items, dict):
        _check_strict_schema(items, function, f"{where}.items")


def _input_items(body: dict[str, Any]) -> list[dict[str, Any]]:
    value = body.get("input")
    if isinstance(value, str) and value:
        return [{"role": "user", "content": value}]
    items = _list(value, "input")
    if not items:
        raise ApiError(400, "'input' must not be empty", "input")
    for index, item in enumerate(items):
        where = f"input[{index}]"
        if not isinstance(item, dict):
            raise ApiError(400, "Each input item must be an object", where)
        if item.get("type") == "function_call_output":
            _check_keys(item, FUNCTION_OUTPUT_KEYS, where)
            continue
        _check_keys(item, MESSAGE_KEYS, where)
        if item.get("type", "message") != "message":
            raise ApiError(400, f"Unexpected input item type {item.get('type')!r}", where)
        role = item.get("role")
        if role not in CONTENT_PARTS:
            raise ApiError(400, f"Unknown role {role!r}", f"{where}.role")
        _check_content(item.get("content"), CONTENT_PARTS[role], f"{where}.content")
    return items


def _check_content(content: Any, parts: dict[str, frozenset[str]], where: str) -> None:
    """A message's content: a non-empty string, or a non-empty list of content parts."""
    if isinstance(content, str) and content:
        return
    if not isinstance(content, list) or not content:
        raise ApiError(400, "Content must be a string or a list of content parts", where)
    for index, part in enumerate(content):
        part_where = f"{where}[{index}]"
        kind = part.get("type") if isinstance(part, dict) else None
        if kind not in parts:
            raise ApiError(
                400,
                f"Invalid content part type {kind!r}; expected one of {sorted(parts)}",
                part_where,
            )
        _check_keys(part, parts[kind], part_where)
        if kind in ("input_text", "output_text"):
            _required(part, "text", str)


def _example_value(name: str, schema: dict[str, Any], number: int = 0) -> Any:
    """A value the model might fill in for one parameter of a function, different per call."""
    text = f"{name}-from-the-model-{number + 1}"
    examples = {"string": text, "integer": 7 + number, "number": 7.5 + number, "boolean": True}
    return examples.get(schema.get("type", "string"), text)


def _base64_embedding(item: dict[str, Any]) -> dict[str, Any]:
    vector = item["embedding"]
    packed = struct.pack(f"<{len(vector)}f", *vector)
    return {**item, "embedding": base64.b64encode(packed).decode("ascii")}


def _server_sent_events(reply: dict[str, Any], error_after: int | None = None) -> str:
    """The events the API streams for a one-message answer, ending with the whole response.

    With `error_after`, the stream breaks off after that many deltas with an `error` event,
    as the API's stream does when something fails mid-answer.
    """
    message = reply["output"][0]
    part = message["content"][0]
    text: str = part["text"]
    in_progress = {**reply, "status": "in_progress", "output": [], "usage": None}
    empty_message = {**message, "status": "in_progress", "content": []}
    where = {"item_id": message["id"], "output_index": 0, "content_index": 0}
    deltas = re.findall(r"\S+\s*", text)
    events: list[dict[str, Any]] = [
        {"type": "response.created", "response": in_progress},
        {"type": "response.in_progress", "response": in_progress},
        {"type": "response.output_item.added", "output_index": 0, "item": empty_message},
        {"type": "response.content_part.added", **where, "part": {**part, "text": ""}},
        *(
            {"type": "response.output_text.delta", **where, "delta": d, "logprobs": []}
            for d in deltas
        ),
        {"type": "response.output_text.done", **where, "text": text, "logprobs": []},
        {"type": "response.content_part.done", **where, "part": part},
        {"type": "response.output_item.done", "output_index": 0, "item": message},
        {"type": "response.completed", "response": reply},
    ]
    if error_after is not None:
        error = {
            "type": "error",
            "code": "server_error",
            "message": "The stand-in broke off the answer.",
            "param": None,
        }
        events = [*events[: 4 + error_after], error]
    lines = []
    for number, event in enumerate(events):
        numbered = {**event, "sequence_number": number}
        _STREAM_EVENT.validate_python(numbered)
        lines.append(f"event: {numbered['type']}\ndata: {json.dumps(numbered)}\n\n")
    return "".join(lines)
