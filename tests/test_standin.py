"""The stand-in takes what the API takes and refuses what it refuses: one test per rule.

Each rule of `openai_standin.STANDIN_RULES` comes from the SDK's own types or OpenAI's documented
rules, not from our examples; the bodies here are written from those sources. The last tests
send the whole class of malformed bodies and every request the SDK builds from the examples'
parameters.
"""

from __future__ import annotations

import inspect
import itertools
import json
import typing
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from openai import OpenAI
from openai.types import embedding_create_params
from openai.types.embedding_create_params import EmbeddingCreateParams
from openai.types.responses.response_create_params import ResponseCreateParamsBase
from openai.types.shared import ErrorObject, ReasoningEffort
from pytest_httpserver import HTTPServer

from macros.data import COMPARISON
from macros.model import ModelRules
from tests.support.example_files import EXAMPLES
from tests.support.openai_standin import (
    DUMMY_KEY,
    LOGPROBS_INCLUDE,
    MAX_EMBEDDING_INPUT_TOKENS,
    MAX_EMBEDDING_INPUTS,
    MAX_EMBEDDING_REQUEST_TOKENS,
    MIN_OUTPUT_TOKENS,
    RANGES,
    SAMPLING_PARAMETERS,
    ApiStandIn,
)
from tests.test_examples import CHAT_MODELS, EMBEDDING_MODEL, run_example

SMALL = COMPARISON.fact("model_small").value
EFFORTS = list(typing.get_args(typing.get_args(ReasoningEffort)[0]))
PARAMETERS: dict[str, Any] = {
    "type": "object",
    "properties": {"order_id": {"type": "string"}},
    "required": ["order_id"],
    "additionalProperties": False,
}
FUNCTION: dict[str, Any] = {
    "type": "function",
    "name": "get_order_status",
    "parameters": PARAMETERS,
    "strict": True,
}


@dataclass
class Answer:
    status: int
    body: dict[str, Any]


class Client:
    """Posts JSON bodies to the stand-in, as curl would, and reads its answers."""

    def __init__(self, base_url: str, api: ApiStandIn) -> None:
        self.base_url = base_url
        self.api = api

    def post(self, endpoint: str, body: Any) -> Answer:
        request = urllib.request.Request(
            f"{self.base_url}/{endpoint}",
            data=json.dumps(body).encode("utf-8"),
            headers={"Authorization": f"Bearer {DUMMY_KEY}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                text = answer.read().decode("utf-8")
                status = answer.status
        except urllib.error.HTTPError as error:
            text, status = error.read().decode("utf-8"), error.code
        parsed = json.loads(text) if text.startswith("{") else {"events": text}
        return Answer(status, parsed)

    def ok(self, body: dict[str, Any], endpoint: str = "responses") -> dict[str, Any]:
        answer = self.post(endpoint, body)
        assert answer.status == 200, (answer.body, self.api.rejections)
        return answer.body

    def refused(
        self,
        body: Any,
        param: str | None,
        *words: str,
        endpoint: str = "responses",
        status: int = 400,
    ) -> str:
        """Assert the API's error (a 400 unless said) in its shape, naming `param`."""
        answer = self.post(endpoint, body)
        assert answer.status == status, (answer.status, answer.body)
        ErrorObject.model_validate(answer.body["error"])
        error = answer.body["error"]
        assert error["type"] == "invalid_request_error"
        assert error["param"] == param, error
        for word in words:
            assert word in error["message"], error
        return str(error["message"])


@pytest.fixture
def client(httpserver: HTTPServer) -> Client:
    api = ApiStandIn(chat_models=CHAT_MODELS, embedding_model=EMBEDDING_MODEL)
    return Client(api.install(httpserver), api)


def ask(**fields: Any) -> dict[str, Any]:
    return {"model": SMALL, "input": "Do you bake gluten-free bread?", **fields}


# --- the SDK's own request types ------------------------------------------------------------

# Bodies the SDK's types refuse, the parameter the API names, and words its message holds.
REFUSED_BY_THE_SDK_TYPES = {
    "an unknown top-level key": (ask(top_k=1), "top_k", "Unknown parameter"),
    "an unknown key in a function tool": (
        ask(tools=[{**FUNCTION, "colour": 1}]),
        "tools[0].colour",
        "Unknown parameter",
    ),
    "a Chat Completions key in an input item": (
        ask(input=[{"role": "user", "content": "Hi", "name": "Ann"}]),
        "input[0].name",
        "Unknown parameter",
    ),
    "a Chat Completions content part": (
        ask(input=[{"role": "user", "content": [{"type": "text", "text": "Hi"}]}]),
        "input[0].content[0].type",
        "input_text",
    ),
    "an include value outside the SDK's enum": (
        ask(include=["reasoning.summary"]),
        "include[0]",
        "reasoning.encrypted_content",
    ),
    "a text format outside the SDK's enum": (
        ask(text={"format": {"type": "yaml"}}),
        "text.format.type",
        "json_schema",
    ),
    "a tool_choice outside the SDK's enum": (ask(tool_choice="any"), "tool_choice", "required"),
    "a tool_choice object of no known type": (
        ask(tool_choice={"type": "tool", "name": "get_order_status"}),
        "tool_choice.type",
        "function",
    ),
    "a tool of no known type": (ask(tools=[{"type": "browser"}]), "tools[0].type", "web_search"),
    "a reasoning effort the SDK does not know": (
        ask(reasoning={"effort": "maximum"}),
        "reasoning.effort",
        "xhigh",
    ),
    "a number of the wrong type": (ask(max_output_tokens="300"), "max_output_tokens", "integer"),
    "a function result without its output": (
        ask(input=[{"type": "function_call_output", "call_id": "call_1"}]),
        "input[0].output",
        "Missing required parameter",
    ),
    "stream set to something else than a boolean": (ask(stream="yes"), "stream", "false"),
}


@pytest.mark.parametrize(
    ("body", "param", "words"),
    [(body, param, words) for body, param, *words in REFUSED_BY_THE_SDK_TYPES.values()],
    ids=list(REFUSED_BY_THE_SDK_TYPES),
)
def test_a_body_the_sdk_types_refuse_is_refused(
    client: Client, body: dict[str, Any], param: str, words: list[str]
) -> None:
    client.refused(body, param, *words)


def test_an_embeddings_body_the_sdk_types_refuse_is_refused(client: Client) -> None:
    body: dict[str, Any] = {"model": EMBEDDING_MODEL, "input": "bread", "encoding_format": "hex"}
    client.refused(body, "encoding_format", "base64", endpoint="embeddings")
    body = {"model": EMBEDDING_MODEL, "input": "bread", "colour": 1}
    client.refused(body, "colour", "Unknown parameter", endpoint="embeddings")


# What the SDK's types take, and the stand-in before them did not.
TAKEN_BY_THE_SDK_TYPES = {
    "an assistant message with a refusal part": [
        {"role": "user", "content": "Tell me a secret recipe."},
        {
            "type": "message",
            "id": "msg_1",
            "role": "assistant",
            "status": "completed",
            "content": [{"type": "refusal", "refusal": "I can't share that one."}],
        },
        {"role": "user", "content": "Then a public one."},
    ],
    "content parts of every input kind": [
        {
            "role": "user",
            "content": [
                {"type": "input_text", "text": "What is in this picture?"},
                {
                    "type": "input_image",
                    "image_url": "https://example.com/bread.png",
                    "detail": "auto",
                },
            ],
        }
    ],
}


@pytest.mark.parametrize("items", TAKEN_BY_THE_SDK_TYPES.values(), ids=list(TAKEN_BY_THE_SDK_TYPES))
def test_input_the_sdk_types_take_is_taken(client: Client, items: list[dict[str, Any]]) -> None:
    client.ok(ask(input=items))


def test_a_model_the_data_does_not_name_is_refused(client: Client) -> None:
    client.refused(ask(model="gpt-not-in-the-data"), "model", "gpt-not-in-the-data")
    client.refused({"input": "Hi"}, "model", "Missing required parameter")


# --- each chat model's rules, from the data -------------------------------------------------


def model_cases() -> Iterator[tuple[str, ModelRules, str]]:
    for (model, rules), effort in itertools.product(CHAT_MODELS.items(), EFFORTS):
        yield model, rules, effort


@pytest.mark.parametrize(("model", "rules", "effort"), list(model_cases()))
def test_each_model_takes_exactly_the_efforts_the_data_records(
    client: Client, model: str, rules: ModelRules, effort: str
) -> None:
    body = ask(model=model, reasoning={"effort": effort})
    if effort in rules.efforts:
        assert client.ok(body)["reasoning"]["effort"] == effort
    else:
        client.refused(body, "reasoning.effort", f"'{effort}'", *rules.efforts)


def test_every_effort_of_the_data_is_one_the_sdk_knows() -> None:
    for _, rules in CHAT_MODELS.items():
        assert set(rules.efforts) <= set(EFFORTS), rules.efforts


@pytest.mark.parametrize(("model", "rules"), CHAT_MODELS.items())
def test_without_an_effort_the_models_default_applies(
    client: Client, model: str, rules: ModelRules
) -> None:
    reply = client.ok(ask(model=model))
    assert reply["reasoning"]["effort"] == rules.default_effort
    reasoned = [item for item in reply["output"] if item["type"] == "reasoning"]
    assert bool(reasoned) == (rules.default_effort != "none")


SAMPLING: dict[str, dict[str, Any]] = {
    **{name: {name: 0.5 if name != "top_logprobs" else 2} for name in SAMPLING_PARAMETERS},
    "include[0]": {"include": [LOGPROBS_INCLUDE]},
}


@pytest.mark.parametrize("param", SAMPLING)
@pytest.mark.parametrize(
    ("model", "rules", "effort"),
    [(model, rules, effort) for model, rules, effort in model_cases() if effort in rules.efforts],
)
def test_sampling_settings_only_at_an_effort_where_the_model_samples(
    client: Client, model: str, rules: ModelRules, effort: str, param: str
) -> None:
    body = ask(model=model, reasoning={"effort": effort}, **SAMPLING[param])
    if effort in rules.sampling_efforts:
        client.ok(body)
    else:
        client.refused(body, param, "Unsupported parameter", f"'{effort}'")


@pytest.mark.parametrize(("model", "rules"), CHAT_MODELS.items())
def test_max_output_tokens_from_16_to_the_models_largest(
    client: Client, model: str, rules: ModelRules
) -> None:
    for cap in (MIN_OUTPUT_TOKENS, rules.max_output_tokens):
        client.ok(ask(model=model, max_output_tokens=cap))
    client.refused(
        ask(model=model, max_output_tokens=rules.max_output_tokens + 1),
        "max_output_tokens",
        f"<= {rules.max_output_tokens}",
    )
    client.refused(
        ask(model=model, max_output_tokens=MIN_OUTPUT_TOKENS - 1), "max_output_tokens", ">= 16"
    )


# --- the API's documented rules -------------------------------------------------------------


@pytest.mark.parametrize(("name", "low", "high"), [(n, *r) for n, r in RANGES.items()])
def test_sampling_settings_within_their_ranges(
    client: Client, name: str, low: float, high: float
) -> None:
    model, rules = next((m, r) for m, r in CHAT_MODELS.items() if r.sampling_efforts)
    effort = {"effort": rules.sampling_efforts[0]}
    for value in (low, high):
        client.ok(ask(model=model, reasoning=effort, **{name: value}))
    for value in (low - 1, high + 1):
        client.refused(ask(model=model, reasoning=effort, **{name: value}), name, str(value))


def test_strict_schemas_must_be_closed_and_fully_required(client: Client) -> None:
    open_function = {**FUNCTION, "parameters": {**PARAMETERS, "additionalProperties": True}}
    client.refused(ask(tools=[open_function]), "tools[0].parameters", "additionalProperties")
    client.ok(ask(tools=[{**open_function, "strict": False}]))
    schema = {"type": "object", "properties": {"name": {"type": "string"}}, "required": []}
    text = {"format": {"type": "json_schema", "name": "bakery", "schema": schema, "strict": True}}
    client.refused(ask(text=text), "text.format.schema", "additionalProperties")
    closed = {**schema, "additionalProperties": False}
    client.refused(
        ask(text={"format": {**text["format"], "schema": closed}}), "text.format.schema", "'name'"
    )


def test_stream_options_only_with_a_stream(client: Client) -> None:
    client.refused(ask(stream_options={"include_obfuscation": False}), "stream_options", "stream")
    answer = client.post(
        "responses", ask(stream=True, stream_options={"include_obfuscation": False})
    )
    assert answer.status == 200


def test_previous_response_id_names_a_stored_response(client: Client) -> None:
    stored = client.ok(ask())
    client.ok(ask(input="And rye?", previous_response_id=stored["id"]))
    unstored = client.ok(ask(store=False))
    client.refused(
        ask(input="And rye?", previous_response_id=unstored["id"]),
        "previous_response_id",
        unstored["id"],
    )
    client.refused(ask(previous_response_id="resp_unknown"), "previous_response_id", "not found")
    client.refused(
        ask(previous_response_id=stored["id"], conversation="conv_1"), "previous_response_id"
    )


def round_trip(client: Client, store: bool) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The question, then the model's answer with its calls."""
    question = [{"role": "user", "content": "Where are my orders 1042 and 1043?"}]
    reply = client.ok(ask(input=question, tools=[FUNCTION], store=store))
    return question, reply


def results(reply: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"type": "function_call_output", "call_id": item["call_id"], "output": '{"ok": true}'}
        for item in reply["output"]
        if item["type"] == "function_call"
    ]


def test_a_stateless_tool_round_trip_is_taken(client: Client) -> None:
    """The whole exchange sent back, nothing stored, no previous_response_id."""
    question, reply = round_trip(client, store=False)
    exchange = [*question, *reply["output"], *results(reply)]
    answer = client.ok(ask(input=exchange, tools=[FUNCTION], store=False))
    assert [item["type"] for item in answer["output"]][-1] == "message"


def test_a_stateful_tool_round_trip_is_taken(client: Client) -> None:
    _, reply = round_trip(client, store=True)
    client.ok(ask(input=results(reply), tools=[FUNCTION], previous_response_id=reply["id"]))


def test_a_result_must_answer_a_call_and_a_call_must_be_answered(client: Client) -> None:
    question, reply = round_trip(client, store=False)
    calls = [item for item in reply["output"] if item["type"] == "function_call"]
    stray = {"type": "function_call_output", "call_id": "call_nobody_made", "output": "{}"}
    client.refused(ask(input=[*question, stray]), "input", "call_nobody_made")
    unanswered = [*question, *reply["output"]]
    client.refused(ask(input=unanswered, tools=[FUNCTION]), "input", calls[0]["call_id"])
    _, stored = round_trip(client, store=True)
    client.refused(
        ask(input="Well?", tools=[FUNCTION], previous_response_id=stored["id"]),
        "input",
        "No tool output found",
    )


def test_an_item_reference_names_a_stored_item(client: Client) -> None:
    stored = client.ok(ask())
    message = next(item for item in stored["output"] if item["type"] == "message")
    reference = {"type": "item_reference", "id": message["id"]}
    client.ok(ask(input=[reference, {"role": "user", "content": "Say it shorter."}]))
    unstored = client.ok(ask(store=False))
    gone = next(item for item in unstored["output"] if item["type"] == "message")
    reference = {"type": "item_reference", "id": gone["id"]}
    client.refused(ask(input=[reference]), "input[0]", gone["id"], status=404)


def test_a_reasoning_item_sent_back_carries_its_content_or_names_a_stored_item(
    client: Client,
) -> None:
    unstored = client.ok(ask(store=False))
    reasoning = next(item for item in unstored["output"] if item["type"] == "reasoning")
    client.ok(ask(input=[reasoning, {"role": "user", "content": "Go on."}], store=False))
    bare = {key: value for key, value in reasoning.items() if key != "encrypted_content"}
    client.refused(ask(input=[bare], store=False), "input[0]", "store", status=404)


# --- embeddings -----------------------------------------------------------------------------


def embed_body(given: Any, **fields: Any) -> dict[str, Any]:
    return {"model": EMBEDDING_MODEL, "input": given, **fields}


def test_token_arrays_are_embedded(client: Client) -> None:
    one = client.ok(embed_body([1, 2, 3]), "embeddings")
    assert len(one["data"]) == 1
    several = client.ok(embed_body([[1, 2], [3]]), "embeddings")
    assert len(several["data"]) == 2


def test_embeddings_take_at_most_2048_inputs_none_empty(client: Client) -> None:
    client.ok(embed_body(["bread"] * MAX_EMBEDDING_INPUTS), "embeddings")
    client.refused(
        embed_body(["bread"] * (MAX_EMBEDDING_INPUTS + 1)), "input", "2048", endpoint="embeddings"
    )
    client.refused(embed_body(["bread", ""]), "input[1]", "empty", endpoint="embeddings")


def test_token_arrays_within_the_token_limits(client: Client) -> None:
    client.ok(embed_body([[7] * MAX_EMBEDDING_INPUT_TOKENS]), "embeddings")
    client.refused(
        embed_body([[7] * (MAX_EMBEDDING_INPUT_TOKENS + 1)]),
        "input[0]",
        "8192",
        endpoint="embeddings",
    )
    inputs = MAX_EMBEDDING_REQUEST_TOKENS // MAX_EMBEDDING_INPUT_TOKENS + 1
    client.refused(
        embed_body([[7] * MAX_EMBEDDING_INPUT_TOKENS] * inputs),
        "input",
        "300000",
        endpoint="embeddings",
    )


def test_the_embedding_limits_are_the_sdks() -> None:
    """The limits are the SDK's docstring of `input`: an SDK that changes them fails here."""
    source = inspect.getsource(embedding_create_params)
    docstring = " ".join(source.split("input: Required[", 1)[1].split('"""')[1].split())
    for limit in (
        f"any array must be {MAX_EMBEDDING_INPUTS} dimensions or less",
        f"({MAX_EMBEDDING_INPUT_TOKENS} tokens for all embedding models)",
        f"maximum of {MAX_EMBEDDING_REQUEST_TOKENS:,} tokens summed across all inputs",
        "cannot be an empty string",
    ):
        assert limit in docstring, limit


# --- the whole class, and what the SDK builds -----------------------------------------------

JSON_VALUES: tuple[Any, ...] = (None, True, -1, 0.5, "x", [], [1], {}, {"type": "x"})


def malformed_bodies(kind: Any, base: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every field of the SDK's request type, set to every kind of JSON value in turn."""
    for name in typing.get_type_hints(kind):
        for value in JSON_VALUES:
            yield {**base, name: value}


@pytest.mark.parametrize(
    ("endpoint", "kind", "base"),
    [
        ("responses", ResponseCreateParamsBase, ask()),
        ("embeddings", EmbeddingCreateParams, embed_body("bread")),
    ],
)
def test_no_body_makes_the_stand_in_fail(
    client: Client, endpoint: str, kind: Any, base: dict[str, Any]
) -> None:
    """Whatever a field holds, the answer is the API's: a success or a 4xx error, never a 500."""
    failed = []
    for body in malformed_bodies(kind, base):
        answer = client.post(endpoint, body)
        if answer.status != 200 and not 400 <= answer.status < 500:
            failed.append((body, answer.status))
        elif answer.status != 200:
            ErrorObject.model_validate(answer.body["error"])
    assert failed == []


def examples_bodies(server: HTTPServer) -> list[dict[str, Any]]:
    """The bodies the Python examples send to /responses, as the SDK built them."""
    bodies = []
    for path in sorted(EXAMPLES.glob("*.py")):
        server.clear()
        run = run_example(path, server)
        assert run.result.returncode == 0, run.describe()
        bodies += [exchange.body for exchange in run.exchanges if exchange.endpoint == "responses"]
    server.clear()
    return bodies


def variants(body: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The body with each chat model, each effort it takes, stored or not, streamed or not;
    sampling settings left out where the model does not sample, as OpenAI says to."""
    for (model, rules), store, stream in itertools.product(
        CHAT_MODELS.items(), (True, False), (True, False)
    ):
        for effort in rules.efforts:
            variant = {**body, "model": model, "reasoning": {"effort": effort}, "store": store}
            if effort not in rules.sampling_efforts:
                for name in SAMPLING_PARAMETERS:
                    variant.pop(name, None)
            variant.pop("stream", None)
            yield {**variant, "stream": True} if stream else variant


def test_every_request_the_sdk_builds_from_the_examples_parameters_is_taken(
    httpserver: HTTPServer,
) -> None:
    bodies = examples_bodies(httpserver)
    assert len(bodies) >= 5, "an example sent nothing"
    api = ApiStandIn(chat_models=CHAT_MODELS, embedding_model=EMBEDDING_MODEL, tool_calls=0)
    sdk = OpenAI(api_key=DUMMY_KEY, base_url=api.install(httpserver), max_retries=0)
    sent = 0
    for body in bodies:
        for variant in variants(body):
            response = sdk.responses.create(**variant)
            if variant.get("stream"):
                events = [event.type for event in response]
                assert events[-1] in ("response.completed", "response.incomplete"), events
            sent += 1
    assert api.rejections == []
    assert sent >= len(bodies) * 8
