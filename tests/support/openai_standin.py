"""A local stand-in of the OpenAI API: enough of it to run the first-call examples for real.

Its rules come from the API itself, not from our examples (`STANDIN_RULES` lists each with its
source): a request body is checked against the installed SDK's own request types
(`sdk_requests`), then against each chat model's rules as the data records them from OpenAI's
model pages (`macros/data.py`), then against what the API documents about state, tool round
trips and embeddings. Every refusal is an HTTP 4xx in the API's error shape, and every answer
is validated against the SDK's response and stream event types before it is sent. Like the
real models, each chat model reasons at its default effort unless told otherwise, says so with
a reasoning item, and counts its reasoning tokens against `max_output_tokens`; a response is
stored (and can be continued or referenced) unless its request sends `store: false`. Streams
are sent as server-sent events, and can be made to end the ways a real one can fail. Install
it on a `pytest_httpserver.HTTPServer`.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import math
import re
import struct
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from openai import OpenAI
from openai.types import CreateEmbeddingResponse
from openai.types.embedding_create_params import EmbeddingCreateParams
from openai.types.responses import Response as ApiResponse
from openai.types.responses import ResponseStreamEvent
from openai.types.responses.response_create_params import (
    ResponseCreateParamsNonStreaming,
    ResponseCreateParamsStreaming,
)
from openai.types.shared import ErrorObject
from pydantic import TypeAdapter
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from macros.model import ModelRules
from tests.support.sdk_requests import RequestError, request_type

# Not shaped like a real key, so the "no key-like string" check stays meaningful.
DUMMY_KEY = "dummy-key-for-the-local-stand-in"
CREATED_AT = 1_764_000_000
# A client that never sends anything: the tests read its method signatures.
SDK = OpenAI(api_key=DUMMY_KEY, base_url="http://127.0.0.1:9/v1")

RESPONSES_BODY = request_type(ResponseCreateParamsNonStreaming)
STREAMING_RESPONSES_BODY = request_type(ResponseCreateParamsStreaming)
EMBEDDINGS_BODY = request_type(EmbeddingCreateParams)
_STREAM_EVENT = TypeAdapter(ResponseStreamEvent)
_ERROR_OBJECT = TypeAdapter(ErrorObject)

# What a reasoning model takes only at an effort where it does not reason: OpenAI's deployment
# checklist says to leave these out when the effort is not `none`.
SAMPLING_PARAMETERS = ("temperature", "top_p", "top_logprobs")
LOGPROBS_INCLUDE = "message.output_text.logprobs"
# The ranges the SDK's docstrings give: temperature "between 0 and 2", top_logprobs "an integer
# between 0 and 20"; top_p is a share of the probability mass, so from 0 to 1.
RANGES = {"temperature": (0, 2), "top_p": (0, 1), "top_logprobs": (0, 20)}
# The API's least `max_output_tokens` ("integer below minimum value. Expected a value >= 16").
MIN_OUTPUT_TOKENS = 16
# EmbeddingCreateParams.input's docstring: any array holds at most 2048 inputs, each at most
# 8192 tokens, and at most 300,000 tokens in all; no input is an empty string.
MAX_EMBEDDING_INPUTS = 2048
MAX_EMBEDDING_INPUT_TOKENS = 8192
MAX_EMBEDDING_REQUEST_TOKENS = 300_000
EMBEDDING_DIMENSIONS = 1536
# A toy count: what a reasoning model spends thinking before it writes a word.
REASONING_TOKENS = 64

StreamEnding = Literal["completed", "failed", "incomplete", "error", "nested error", "cut"]
STREAM_ENDINGS: tuple[StreamEnding, ...] = (
    "completed",
    "failed",
    "incomplete",
    "error",
    "nested error",
    "cut",
)
BROKEN_OFF = "The stand-in broke off the answer."


@dataclass(frozen=True)
class StandInRule:
    """One thing the stand-in refuses or accepts as the API does, and where that is written."""

    rule: str
    source: str


# The stand-in's rules, each with where it comes from; tests/test_standin.py has one test each.
STANDIN_RULES: tuple[StandInRule, ...] = (
    StandInRule(
        "Every request body matches the SDK's own request type: unknown keys, wrong types and "
        "values outside its enums (include, text.format, tool_choice, tools, input items, "
        "content parts) are refused, at any depth",
        "openai 3.57.0: ResponseCreateParamsNonStreaming/Streaming, EmbeddingCreateParams",
    ),
    StandInRule(
        "The model is one whose rules the data records (a stand-in limit, not an API rule)",
        "macros/data.py: the chat model facts' rules and the embeddings model fact",
    ),
    StandInRule(
        "reasoning.effort is one the model accepts; without one, the model's default applies",
        "the model pages recorded in macros/data.py (ModelRules.efforts_source)",
    ),
    StandInRule(
        "temperature, top_p, top_logprobs and the output_text logprobs include only at an "
        "effort where the model samples",
        "https://developers.openai.com/api/docs/guides/deployment-checklist",
    ),
    StandInRule(
        "temperature from 0 to 2, top_p from 0 to 1, top_logprobs from 0 to 20",
        "openai 3.57.0: the docstrings of ResponseCreateParams.temperature and top_logprobs",
    ),
    StandInRule(
        "max_output_tokens from 16 to the model's largest",
        "the model pages (ModelRules.max_output_tokens_source); the minimum as the API states "
        "it in its error (https://github.com/vectorize-io/hindsight/issues/58)",
    ),
    StandInRule(
        "A strict function (the Responses API's default) or a strict json_schema text format "
        "closes every object and requires every property",
        "https://developers.openai.com/api/docs/guides/structured-outputs, as the stand-in "
        "had it (that guide's text is not in the stored copies; third-party pages such as "
        "https://dev.to/dev_in_the_fog/why-llm-structured-output-strict-mode-rejects-valid-json"
        "-schema-additionalproperties-required-o54 state the same)",
    ),
    StandInRule(
        "stream_options only with stream: true",
        "openai 3.57.0: the docstring of ResponseCreateParams.stream_options",
    ),
    StandInRule(
        "previous_response_id names a stored response: one sent with store: false is not "
        "stored; it cannot be combined with conversation",
        "openai 3.57.0: the docstrings of store and previous_response_id; "
        "https://developers.openai.com/api/docs/guides/conversation-state",
    ),
    StandInRule(
        "Every function_call_output answers a function call of the exchange, and every "
        "function call of the exchange is answered, whether the exchange is sent back whole "
        "(stateless) or continued with previous_response_id",
        "The API's errors as reported: https://github.com/openai/openai-agents-python/issues/673 "
        "(no tool output found for a call) and https://github.com/agentjido/req_llm/pull/426 "
        "(no tool call found for an output); https://developers.openai.com/api/docs/guides/"
        "conversation-state (send the previous output back)",
    ),
    StandInRule(
        "An item_reference names an item of a stored response; a reasoning item sent back "
        "carries its encrypted_content or names a stored item",
        "openai 3.57.0: ItemReference, ResponseReasoningItemParam and the include docstring; "
        "https://developers.openai.com/api/docs/guides/conversation-state; the API's 404 for an "
        "item it does not keep: https://github.com/can1357/oh-my-pi/issues/41",
    ),
    StandInRule(
        "Embeddings: at most 2048 inputs, none an empty string, token arrays of at most 8192 "
        "tokens and 300,000 in all; dimensions from 1 to 1536",
        "openai 3.57.0: the docstring of EmbeddingCreateParams.input",
    ),
    StandInRule(
        "Every refusal is a 4xx whose body is the API's error object, never a 500",
        "openai 3.57.0: ErrorObject",
    ),
)


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

    def __init__(
        self, status: int, message: str, param: str | None = None, code: str | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.param = param
        self.code = code

    def body(self) -> dict[str, Any]:
        kind = "authentication_error" if self.status == 401 else "invalid_request_error"
        error = {"message": str(self), "type": kind, "param": self.param, "code": self.code}
        _ERROR_OBJECT.validate_python(error)
        return {"error": error}

    def response(self) -> Response:
        return Response(json.dumps(self.body()), self.status, mimetype="application/json")


@dataclass(frozen=True)
class Exchange:
    """One accepted request and what the stand-in answered."""

    endpoint: str
    body: dict[str, Any]
    reply: dict[str, Any]
    """The response object; for a stream, the whole answer it streams, however it ends."""
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


@dataclass(frozen=True)
class Stored:
    """A response the API keeps: it can be continued, and its items referenced."""

    reply: dict[str, Any]
    items: tuple[dict[str, Any], ...]
    """The whole exchange it ends: what came before, its input, its output."""


@dataclass
class ApiStandIn:
    chat_models: Mapping[str, ModelRules]
    """The chat models it answers for, by name, with the rules the data records for each."""
    embedding_model: str
    exchanges: list[Exchange] = field(default_factory=list)
    rejections: list[str] = field(default_factory=list)
    tool_calls: int = 1
    """How many function calls the model asks for when offered tools: 0 means it answers."""
    stream_ending: StreamEnding = "completed"
    """How a stream ends: as the answer goes, or broken after `stream_deltas` text deltas."""
    stream_deltas: int = 2
    _stored: dict[str, Stored] = field(default_factory=dict)
    _items: dict[str, dict[str, Any]] = field(default_factory=dict)
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
            except RequestError as error:
                return self._refuse(request, ApiError(400, str(error), error.param))
            except ApiError as error:
                return self._refuse(request, error)
            self.exchanges.append(Exchange(endpoint, body, reply, raw))
            return Response(raw, 200, mimetype=mimetype)

        return handler

    def _refuse(self, request: Request, error: ApiError) -> Response:
        where = f" (param {error.param})" if error.param else ""
        self.rejections.append(f"POST {request.path}: {error}{where}")
        return error.response()

    def _next_id(self, prefix: str) -> str:
        return f"{prefix}_standin{next(self._ids):04d}"

    # --- POST /v1/responses -------------------------------------------------------------

    def _responses(self, body: dict[str, Any]) -> tuple[dict[str, Any], str, str]:
        streamed = body.get("stream") is True
        (STREAMING_RESPONSES_BODY if streamed else RESPONSES_BODY).check(body)
        rules = self._chat_model(body)
        effort = _check_model_rules(body, rules)
        if "stream_options" in body and not streamed:
            raise ApiError(
                400, "'stream_options' is only allowed when 'stream' is true.", "stream_options"
            )
        tools = body.get("tools") or []
        _check_strict_schemas(body)
        exchange = [*self._previous_items(body), *self._resolved_input(body)]
        _check_tool_round_trip(exchange)

        reasoning = [] if effort == "none" else [self._reasoning_item()]
        reasoning_tokens = REASONING_TOKENS if reasoning else 0
        functions = [tool for tool in tools if tool["type"] == "function"]
        answered = any(item.get("type") == "function_call_output" for item in exchange)
        if functions and body.get("tool_choice") != "none" and not answered and self.tool_calls:
            calls = [self._function_call(functions[0], n) for n in range(self.tool_calls)]
            reply = self._response_object(body, [*reasoning, *calls], effort, reasoning_tokens + 20)
        else:
            text = f"Stand-in answer {next(self._ids)} from {body['model']}."
            reply = self._answer(body, reasoning, text, effort, reasoning_tokens)
        if body.get("store") is not False:
            self._store(reply, exchange)
        if streamed:
            events = _server_sent_events(reply, self.stream_ending, self.stream_deltas)
            return reply, events, "text/event-stream"
        return reply, json.dumps(reply), "application/json"

    def _chat_model(self, body: dict[str, Any]) -> ModelRules:
        model = body.get("model")
        if model is None:
            raise ApiError(400, "Missing required parameter: 'model'.", "model")
        if model not in self.chat_models:
            raise ApiError(
                400,
                f"The stand-in answers only for the chat models the data names "
                f"{sorted(self.chat_models)}, not {model!r}",
                "model",
            )
        return self.chat_models[model]

    def _previous_items(self, body: dict[str, Any]) -> tuple[dict[str, Any], ...]:
        previous_id = body.get("previous_response_id")
        if previous_id is None:
            return ()
        if body.get("conversation") is not None:
            raise ApiError(
                400,
                "previous_response_id cannot be used together with conversation.",
                "previous_response_id",
            )
        if previous_id not in self._stored:
            raise ApiError(
                400,
                f"Previous response with id '{previous_id}' not found.",
                "previous_response_id",
                "previous_response_not_found",
            )
        return self._stored[previous_id].items

    def _resolved_input(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        """The input as items, each item_reference replaced by the stored item it names."""
        if body.get("conversation") is not None:
            raise ApiError(400, "The stand-in keeps no conversations.", "conversation")
        given = body.get("input") or []
        if isinstance(given, str):
            return [{"role": "user", "content": given}]
        resolved = []
        for index, item in enumerate(given):
            kind = item.get("type")
            if kind == "item_reference":
                resolved.append(self._stored_item(item["id"], f"input[{index}]"))
                continue
            if kind == "reasoning" and not item.get("encrypted_content"):
                self._stored_item(item["id"], f"input[{index}]")
            resolved.append(item)
        return resolved

    def _stored_item(self, item_id: str, where: str) -> dict[str, Any]:
        if item_id not in self._items:
            # The API's own words, and its status: a 404 (reported in can1357/oh-my-pi#41).
            raise ApiError(
                404,
                f"Item with id '{item_id}' not found. Items are not persisted when `store` is "
                "set to false. Try again with `store` set to true, or remove this item from your "
                "input.",
                where,
            )
        return self._items[item_id]

    def _store(self, reply: dict[str, Any], exchange: list[dict[str, Any]]) -> None:
        self._stored[reply["id"]] = Stored(reply, (*exchange, *reply["output"]))
        for item in (*exchange, *reply["output"]):
            if "id" in item:
                self._items[item["id"]] = item

    def _answer(
        self,
        body: dict[str, Any],
        reasoning: list[dict[str, Any]],
        text: str,
        effort: str,
        reasoning_tokens: int,
    ) -> dict[str, Any]:
        """A message answer; cut short when reasoning and text do not fit `max_output_tokens`."""
        words = text.split()
        cap = body.get("max_output_tokens")
        room = len(words) if cap is None else max(0, cap - reasoning_tokens)
        if room >= len(words):
            output = [*reasoning, self._message(text)]
            return self._response_object(body, output, effort, reasoning_tokens + len(words))
        output = [*reasoning, *([self._message(" ".join(words[:room]))] if room else [])]
        assert cap is not None  # with no cap, every word had room
        reply = self._response_object(body, output, effort, cap)
        reply.update(status="incomplete", incomplete_details={"reason": "max_output_tokens"})
        ApiResponse.model_validate(reply)
        return reply

    def _reasoning_item(self) -> dict[str, Any]:
        # Encrypted, as the API returns reasoning items by default, so a stateless client can
        # send it back; here it is an opaque token.
        return {
            "type": "reasoning",
            "id": self._next_id("rs"),
            "summary": [],
            "encrypted_content": base64.b64encode(b"stand-in reasoning").decode("ascii"),
        }

    def _function_call(self, tool: dict[str, Any], number: int) -> dict[str, Any]:
        properties: dict[str, Any] = tool.get("parameters", {}).get("properties", {})
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
            "parallel_tool_calls": _given(body, "parallel_tool_calls", True),
            "previous_response_id": body.get("previous_response_id"),
            "tool_choice": _given(body, "tool_choice", "auto"),
            "tools": _given(body, "tools", []),
            "temperature": _given(body, "temperature", 1.0),
            "top_p": _given(body, "top_p", 1.0),
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
        EMBEDDINGS_BODY.check(body)
        model = body["model"]
        if model != self.embedding_model:
            raise ApiError(
                400,
                f"The stand-in embeds only with the model the data names "
                f"({self.embedding_model!r}), not {model!r}",
                "model",
            )
        texts = _embedding_inputs(body["input"])
        dimensions = body.get("dimensions", EMBEDDING_DIMENSIONS)
        if not 1 <= dimensions <= EMBEDDING_DIMENSIONS:
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
        if body.get("encoding_format") == "base64":
            # What the API sends then: the little-endian float32 bytes of each vector.
            sent = {**reply, "data": [_base64_embedding(item) for item in reply["data"]]}
            return reply, json.dumps(sent), "application/json"
        return reply, json.dumps(reply), "application/json"


# --- the checks ----------------------------------------------------------------------------


def _given(body: dict[str, Any], name: str, default: Any) -> Any:
    """A parameter as sent, or its default when left out or sent as null."""
    value = body.get(name)
    return default if value is None else value


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


def _check_model_rules(body: dict[str, Any], rules: ModelRules) -> str:
    """The model's own rules; returns the reasoning effort in force."""
    effort = (body.get("reasoning") or {}).get("effort") or rules.default_effort
    if effort not in rules.efforts:
        supported = ", ".join(f"'{value}'" for value in rules.efforts)
        raise ApiError(
            400,
            f"Unsupported value: 'reasoning.effort' does not support '{effort}' with this "
            f"model. Supported values are: {supported}.",
            "reasoning.effort",
            "unsupported_value",
        )
    for name, (low, high) in RANGES.items():
        value = body.get(name)
        if value is not None and not low <= value <= high:
            raise ApiError(
                400,
                f"Invalid '{name}': expected a value from {low} to {high}, but got {value}.",
                name,
            )
    if effort not in rules.sampling_efforts:
        sampling = [name for name in SAMPLING_PARAMETERS if body.get(name) is not None]
        if LOGPROBS_INCLUDE in (body.get("include") or []):
            sampling.append(f"include[{body['include'].index(LOGPROBS_INCLUDE)}]")
        if sampling:
            raise ApiError(
                400,
                f"Unsupported parameter: '{sampling[0]}' is not supported with this model at "
                f"reasoning effort '{effort}'.",
                sampling[0],
                "unsupported_parameter",
            )
    cap = body.get("max_output_tokens")
    if cap is not None and cap < MIN_OUTPUT_TOKENS:
        raise ApiError(
            400,
            f"Invalid 'max_output_tokens': integer below minimum value. Expected a value >= "
            f"{MIN_OUTPUT_TOKENS}, but got {cap} instead.",
            "max_output_tokens",
            "integer_below_min_value",
        )
    if cap is not None and cap > rules.max_output_tokens:
        raise ApiError(
            400,
            f"Invalid 'max_output_tokens': integer above maximum value. Expected a value <= "
            f"{rules.max_output_tokens}, but got {cap} instead.",
            "max_output_tokens",
            "integer_above_max_value",
        )
    return str(effort)


def _check_strict_schemas(body: dict[str, Any]) -> None:
    """Strict functions (the default) and strict text formats: closed, fully required schemas."""
    for index, tool in enumerate(body.get("tools") or []):
        if tool["type"] == "function" and tool.get("strict") is not False:
            parameters = tool.get("parameters") or {}
            _check_strict_schema(
                parameters, f"function '{tool['name']}'", f"tools[{index}].parameters"
            )
    text_format = (body.get("text") or {}).get("format") or {}
    if text_format.get("type") == "json_schema" and text_format.get("strict"):
        _check_strict_schema(
            text_format["schema"], f"format '{text_format['name']}'", "text.format.schema"
        )


def _check_strict_schema(schema: dict[str, Any], owner: str, where: str) -> None:
    """Strict mode needs every object closed and every one of its properties required."""
    if schema.get("type") == "object":
        properties: dict[str, Any] = schema.get("properties", {})
        if schema.get("additionalProperties") is not False:
            raise ApiError(
                400,
                f"Invalid schema for {owner}: 'additionalProperties' is required to be "
                "supplied and to be false.",
                where,
            )
        missing = sorted(set(properties) - set(schema.get("required", [])))
        if missing:
            raise ApiError(
                400,
                f"Invalid schema for {owner}: 'required' must include every key in "
                f"properties. Missing {missing[0]!r}.",
                where,
            )
        for key, value in properties.items():
            if isinstance(value, dict):
                _check_strict_schema(value, owner, f"{where}.properties.{key}")
    items = schema.get("items")
    if isinstance(items, dict):
        _check_strict_schema(items, owner, f"{where}.items")


def _check_tool_round_trip(exchange: list[dict[str, Any]]) -> None:
    """Each result answers a call of the exchange, and each call of the exchange is answered."""
    calls = [item["call_id"] for item in exchange if item.get("type") == "function_call"]
    results = [item["call_id"] for item in exchange if item.get("type") == "function_call_output"]
    for call_id in results:
        if call_id not in calls:
            raise ApiError(
                400, f"No tool call found for function call output with call_id {call_id}.", "input"
            )
    for call_id in calls:
        if call_id not in results:
            raise ApiError(400, f"No tool output found for function call {call_id}.", "input")


def _embedding_inputs(given: Any) -> list[str]:
    """The texts to embed: strings, or token arrays shown as their numbers."""
    if isinstance(given, str) or (given and all(isinstance(token, int) for token in given)):
        given = [given]
    if not given:
        raise ApiError(400, "'input' must not be empty.", "input")
    if len(given) > MAX_EMBEDDING_INPUTS:
        raise ApiError(
            400,
            f"'input' holds {len(given)} inputs; at most {MAX_EMBEDDING_INPUTS} are allowed.",
            "input",
        )
    total = 0
    for index, one in enumerate(given):
        if one in ("", []):
            raise ApiError(
                400, "'input' cannot contain an empty string or array.", f"input[{index}]"
            )
        if isinstance(one, list):
            if len(one) > MAX_EMBEDDING_INPUT_TOKENS:
                raise ApiError(
                    400,
                    f"input[{index}] has {len(one)} tokens; the model takes at most "
                    f"{MAX_EMBEDDING_INPUT_TOKENS}.",
                    f"input[{index}]",
                )
            total += len(one)
    if total > MAX_EMBEDDING_REQUEST_TOKENS:
        raise ApiError(
            400,
            f"'input' holds {total} tokens; a request takes at most "
            f"{MAX_EMBEDDING_REQUEST_TOKENS}.",
            "input",
        )
    return [one if isinstance(one, str) else " ".join(map(str, one)) for one in given]


def _example_value(name: str, schema: dict[str, Any], number: int = 0) -> Any:
    """A value the model might fill in for one parameter of a function, different per call."""
    text = f"{name}-from-the-model-{number + 1}"
    examples = {"string": text, "integer": 7 + number, "number": 7.5 + number, "boolean": True}
    return examples.get(schema.get("type", "string"), text)


def _base64_embedding(item: dict[str, Any]) -> dict[str, Any]:
    vector = item["embedding"]
    packed = struct.pack(f"<{len(vector)}f", *vector)
    return {**item, "embedding": base64.b64encode(packed).decode("ascii")}


# --- streams -------------------------------------------------------------------------------


def _server_sent_events(reply: dict[str, Any], ending: StreamEnding, deltas_before: int) -> str:
    """The events the API streams for `reply`.

    Ended as `reply` goes (`response.completed`, or `response.incomplete` for an answer cut
    short), or, after `deltas_before` text deltas, the way `ending` names: `response.failed`,
    `response.incomplete`, an `error` event with its fields flat (as the API reference and the
    SDK's `ResponseErrorEvent` have them) or nested under `"error"` (as the live API sends them,
    openai-python#2487), or no last event at all (`cut`).
    """
    events = list(_item_events(reply))
    if ending == "completed":
        final_type = (
            "response.incomplete" if reply["status"] == "incomplete" else "response.completed"
        )
        events.append({"type": final_type, "response": reply})
    else:
        deltas = [n for n, event in enumerate(events) if event["type"].endswith("text.delta")]
        events = events[: deltas[deltas_before - 1] + 1] if len(deltas) >= deltas_before else events
        partial = {**reply, "output": [], "usage": None}
        if ending == "failed":
            final = {
                **partial,
                "status": "failed",
                "error": {"code": "server_error", "message": BROKEN_OFF},
            }
            events.append({"type": "response.failed", "response": final})
        elif ending == "incomplete":
            final = {
                **partial,
                "status": "incomplete",
                "incomplete_details": {"reason": "content_filter"},
            }
            events.append({"type": "response.incomplete", "response": final})
        elif ending == "error":
            events.append(
                {"type": "error", "code": "server_error", "message": BROKEN_OFF, "param": None}
            )
        elif ending == "nested error":
            error = {
                "type": "server_error",
                "code": "server_error",
                "message": BROKEN_OFF,
                "param": None,
            }
            _ERROR_OBJECT.validate_python(error)
            events.append({"type": "error", "error": error})
    in_progress = {**reply, "status": "in_progress", "output": [], "usage": None}
    events = [
        {"type": "response.created", "response": in_progress},
        {"type": "response.in_progress", "response": in_progress},
        *events,
    ]
    lines = []
    for number, event in enumerate(events):
        numbered = {**event, "sequence_number": number}
        if "error" not in event:  # the nested shape is the live API's, not the SDK's type
            _STREAM_EVENT.validate_python(numbered)
        lines.append(f"event: {numbered['type']}\ndata: {json.dumps(numbered)}\n\n")
    return "".join(lines)


def _item_events(reply: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The events that build each output item of `reply`, its text delta by delta."""
    for index, item in enumerate(reply["output"]):
        if item["type"] != "message":
            yield {"type": "response.output_item.added", "output_index": index, "item": item}
            yield {"type": "response.output_item.done", "output_index": index, "item": item}
            continue
        empty = {**item, "status": "in_progress", "content": []}
        yield {"type": "response.output_item.added", "output_index": index, "item": empty}
        for content_index, part in enumerate(item["content"]):
            where = {"item_id": item["id"], "output_index": index, "content_index": content_index}
            yield {"type": "response.content_part.added", **where, "part": {**part, "text": ""}}
            for delta in re.findall(r"\S+\s*", part["text"]):
                yield {
                    "type": "response.output_text.delta",
                    **where,
                    "delta": delta,
                    "logprobs": [],
                }
            yield {
                "type": "response.output_text.done",
                **where,
                "text": part["text"],
                "logprobs": [],
            }
            yield {"type": "response.content_part.done", **where, "part": part}
        yield {"type": "response.output_item.done", "output_index": index, "item": item}
