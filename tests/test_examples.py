"""The first-call examples: shown on the site as they are in docs/examples/, and each one run.

Every Python and curl example runs to its end against `openai_standin`, a local stand-in of
the API on a loopback port, with a dummy key; the stand-in checks what it receives and the
tests check what the example printed. No test needs the network.
"""

from __future__ import annotations

import ast
import inspect
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pytest
from openai import OpenAI
from openai.types.responses import response_create_params
from pytest_httpserver import HTTPServer

from macros.data import COMPARISON
from macros.model import ModelRules
from tests.support.example_files import EXAMPLE_FILES, EXAMPLES, example_id, models_named
from tests.support.helpers import DOCS, BuiltSite, attribute, found, replace_in_file, run_build
from tests.support.openai_standin import (
    BROKEN_OFF,
    DUMMY_KEY,
    SDK,
    ApiStandIn,
    Exchange,
    StreamEnding,
    nearest,
)

PAGE = "first-calls/"
PAGE_SOURCE = DOCS / "first-calls.md"
# The section of the page that shows each example: the first request, then one per knob.
SECTION_EXAMPLES = {
    "first-request": "first_request",
    "sampling": "sampling",
    "streaming": "streaming",
    "tools": "tool_call",
    "embeddings": "embeddings",
}
TAB_LANGUAGES = {"Python": ".py", "curl": ".sh"}
MODELS = {fact.id: fact.value for fact in COMPARISON.facts if fact.kind == "model"}
CHAT_MODELS = {fact.value: rules for fact, rules in COMPARISON.chat_models()}
(EMBEDDING_MODEL,) = set(MODELS.values()) - set(CHAT_MODELS)
KEY_LIKE = re.compile(r"\bsk-[A-Za-z0-9_-]+")
TEXT_SUFFIXES = {".md", ".html", ".xml", ".txt", ".json", ".js", ".css", ".py", ".sh", ".yml"}


# --- what the page shows -------------------------------------------------------------------


def test_every_knob_of_the_guide_has_a_section_and_every_example_a_place() -> None:
    knob_ids = {knob.id for knob in COMPARISON.knobs}
    assert set(SECTION_EXAMPLES) == {"first-request"} | knob_ids
    stems = {path.stem for path in EXAMPLE_FILES}
    assert stems == set(SECTION_EXAMPLES.values()), "an example is missing or not on the page"
    for stem in stems:
        for suffix in TAB_LANGUAGES.values():
            assert (EXAMPLES / f"{stem}{suffix}").is_file(), f"{stem}{suffix} is missing"


@pytest.mark.parametrize(("section", "stem"), SECTION_EXAMPLES.items())
def test_section_shows_the_example_files_in_python_and_curl_tabs(
    site: BuiltSite, section: str, stem: str
) -> None:
    heading = site.article(PAGE).find(id=section)
    assert heading is not None, f"no section #{section}"
    assert heading.name == "h2"
    tabs = heading.find_next("div", class_="tabbed-set")
    assert tabs is not None, f"no tabs under #{section}"
    assert tabs.find_previous("h2") is heading, f"no tabs under #{section}"
    labels = [label.get_text(strip=True) for label in tabs.select(".tabbed-labels > label")]
    assert labels == list(TAB_LANGUAGES)
    blocks = tabs.select(".tabbed-content > .tabbed-block")
    for block, suffix in zip(blocks, TAB_LANGUAGES.values(), strict=True):
        code = block.find("code")
        assert code is not None
        expected = (EXAMPLES / f"{stem}{suffix}").read_text(encoding="utf-8")
        assert code.get_text() == expected, f"{stem}{suffix} differs from what the page shows"


def test_page_names_the_models_through_the_data(site: BuiltSite) -> None:
    source = PAGE_SOURCE.read_text(encoding="utf-8")
    typed = [value for value in MODELS.values() if value in source]
    assert not typed, f"{PAGE_SOURCE.name} types model names {typed}; use the fact macro"
    shown = {span.get_text() for span in site.article(PAGE).select("span.fact[data-fact]")}
    for model in set().union(*(models_named(path) for path in EXAMPLE_FILES)):
        assert model in shown, f"the page does not say the examples use {model}"


def test_page_and_examples_say_where_the_key_comes_from(site: BuiltSite) -> None:
    assert "OPENAI_API_KEY" in site.article(PAGE).get_text()
    for path in EXAMPLE_FILES:
        source = path.read_text(encoding="utf-8")
        reads_key = (
            'os.environ["OPENAI_API_KEY"]' if path.suffix == ".py" else "Bearer $OPENAI_API_KEY"
        )
        assert reads_key in source, f"{path.name} does not read the key from OPENAI_API_KEY"


def test_cost_warning_says_pay_per_usage_without_prices(site: BuiltSite) -> None:
    warning = site.article(PAGE).select_one(".admonition.warning")
    assert warning is not None, "no cost warning"
    text = " ".join(warning.get_text().split())
    assert "per usage" in text
    assert COMPARISON.fact("platform_billing_units").value in text
    assert not re.search(r"[$€£]\s?\d|\d\s?(USD|EUR|dollars?|cents?)\b", text), text
    # max_output_tokens caps what the model writes, not the bill: the input is billed too.
    assert "caps both, and so the cost" not in text
    assert "what you send is billed on top" in text


def test_the_page_shows_what_each_chat_model_accepts_from_the_data(site: BuiltSite) -> None:
    """Efforts and default, sampling, largest output: each model's row says what the data says."""
    article = site.article(PAGE)
    rows = {
        cells[0].get_text(strip=True): cells
        for row in article.select("table tr")
        if (cells := row.find_all("td")) and cells[0].select_one("[data-fact]")
    }
    assert set(rows) == set(CHAT_MODELS)
    for model, rules in CHAT_MODELS.items():
        _, efforts, sampling, largest = rows[model]
        assert [code.get_text() for code in efforts.find_all("code")] == list(rules.efforts)
        default = found(efforts.select_one("strong code"), "the default effort")
        assert default.get_text() == rules.default_effort, model
        said = [code.get_text() for code in sampling.find_all("code")]
        assert said == list(rules.sampling_efforts), model
        assert ("never" in sampling.get_text()) == (not rules.sampling_efforts), model
        assert largest.get_text() == f"{rules.max_output_tokens:,}"
    reviewed = min(rules.reviewed for rules in CHAT_MODELS.values())
    lead = found(found(article.select_one("table")).find_previous("p"))
    when = attribute(found(lead.find("time")), "datetime")
    assert when == reviewed.isoformat(), "when the rules were read"


def test_the_sampling_section_says_which_model_takes_sampling_settings(site: BuiltSite) -> None:
    heading = found(site.article(PAGE).find(id="sampling"))
    text = " ".join(found(heading.find_next("p")).get_text().split())
    for model, rules in CHAT_MODELS.items():
        said = (
            f"{model} takes them only at reasoning effort {rules.sampling_efforts[0]}"
            if rules.sampling_efforts
            else f"{model} never does"
        )
        assert said in text, text


def test_the_page_says_how_long_responses_are_stored_and_the_examples_store_nothing(
    site: BuiltSite,
) -> None:
    storage = COMPARISON.fact("response_storage")
    text = " ".join(site.article(PAGE).get_text().split())
    assert f"store: false, OpenAI keeps the response for {storage.value}" in text
    for path in EXAMPLE_FILES:
        source = path.read_text(encoding="utf-8")
        if "responses" in source:
            assert re.search(r"store=False|\"store\": false|store: false", source), path.name


def test_the_storage_fact_is_what_the_installed_sdk_says() -> None:
    """The SDK's docstring of `store` is where the value was read: an SDK that changes it fails."""
    source = inspect.getsource(response_create_params)
    docstring = source.split("store: Optional[bool]", 1)[1].split('"""')[1]
    assert COMPARISON.fact("response_storage").value in " ".join(docstring.split())
    assert "Defaults to true" in docstring


def test_platform_page_links_to_the_first_calls(site: BuiltSite) -> None:
    hrefs = [attribute(link, "href") for link in site.article("platform/").select("a[href]")]
    assert any(href.rstrip("/").endswith("first-calls") for href in hrefs), hrefs


def test_no_key_like_string_in_docs_or_the_built_site(site: BuiltSite) -> None:
    files = [*DOCS.rglob("*"), *site.root.rglob("*")]
    found = [
        f"{path}: {match}"
        for path in files
        if path.is_file() and path.suffix in TEXT_SUFFIXES
        for match in KEY_LIKE.findall(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert not found, found


# --- what the examples contain, checked without running them ------------------------------


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=example_id)
def test_example_names_only_models_from_the_data(path: Path) -> None:
    named = models_named(path)
    assert named, f"{path.name} names no model"
    unknown = named - set(MODELS.values())
    assert not unknown, (
        f"{path.name} uses {unknown}, not in macros/data.py {sorted(MODELS.values())}"
    )


def _attribute_path(node: ast.expr) -> list[str] | None:
    """`client.responses.create` → ["responses", "create"]; None unless it starts at `client`."""
    names: list[str] = []
    while isinstance(node, ast.Attribute):
        names.insert(0, node.attr)
        node = node.value
    return names if isinstance(node, ast.Name) and node.id == "client" and names else None


def sdk_misuse(source: str) -> list[str]:
    """Methods the installed SDK lacks, or keyword arguments its signatures do not accept."""
    problems = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        target: Callable[..., Any] | None = None
        name = ""
        if isinstance(node.func, ast.Name) and node.func.id == "OpenAI":
            target, name = OpenAI, "OpenAI"
        elif (path := _attribute_path(node.func)) is not None:
            name = "client." + ".".join(path)
            target = cast(Callable[..., Any], SDK)
            for attribute in path:
                target = getattr(target, attribute, None)
            if target is None:
                problems.append(f"line {node.lineno}: the SDK has no {name}")
                continue
        if target is None:
            continue
        accepted = inspect.signature(target).parameters
        problems += [
            f"line {node.lineno}: {name}() does not accept {keyword.arg}="
            for keyword in node.keywords
            if keyword.arg is not None and keyword.arg not in accepted
        ]
    return problems


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.py")), ids=example_id)
def test_python_example_calls_only_what_the_installed_sdk_accepts(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert "client.responses.create" in source or "client.embeddings.create" in source
    assert sdk_misuse(source) == []


def test_python_examples_type_check_against_the_installed_sdk(tmp_path: Path) -> None:
    """The SDK's type hints also cover what a signature cannot: the keys of each dict passed."""
    pytest.importorskip("mypy")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache")]
        + [str(path) for path in sorted(EXAMPLES.glob("*.py"))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def json_literals(source: str) -> list[str]:
    """The JSON an example writes literally: `--data '…'` bodies and `name='…'` values."""
    return re.findall(r"(?:--data |\b\w+=)'([^']*)'", source)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.sh")), ids=example_id)
def test_curl_example_json_is_valid(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    literals = json_literals(source)
    assert literals or "jq --null-input" in source, f"{path.name} sends no body"
    for literal in literals:
        json.loads(literal)


# --- running the examples against the stand-in ---------------------------------------------


@dataclass(frozen=True)
class Run:
    path: Path
    result: subprocess.CompletedProcess[str]
    api: ApiStandIn

    @property
    def stdout(self) -> str:
        return self.result.stdout

    @property
    def exchanges(self) -> list[Exchange]:
        return self.api.exchanges

    def describe(self) -> str:
        return (
            f"{self.path.name} exited {self.result.returncode}\n"
            f"stdout:\n{self.result.stdout}\nstderr:\n{self.result.stderr}\n"
            f"refused by the stand-in: {self.api.rejections}"
        )


def run_example(path: Path, server: HTTPServer, key: str = DUMMY_KEY, **behaviour: Any) -> Run:
    """Run one example to its end against a fresh stand-in, with only the environment it needs.

    `behaviour` tells the stand-in how its model behaves (see `ApiStandIn`).
    """
    api = ApiStandIn(chat_models=CHAT_MODELS, embedding_model=EMBEDDING_MODEL, **behaviour)
    base_url = api.install(server)
    command = [sys.executable, str(path)] if path.suffix == ".py" else ["bash", str(path)]
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "OPENAI_API_KEY": key,
        "OPENAI_BASE_URL": base_url,
    }
    # The timeout only stops a hung example; it is not a timing assertion.
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    return Run(path, result, api)


def request_messages(exchange: Exchange) -> list[dict[str, Any]]:
    given = exchange.body["input"]
    return [{"role": "user", "content": given}] if isinstance(given, str) else given


def check_first_request(run: Run) -> None:
    (exchange,) = run.exchanges
    roles = [message.get("role") for message in request_messages(exchange)]
    assert roles == ["system", "user"], roles
    if run.path.suffix == ".sh":
        assert json.loads(run.stdout) == exchange.reply
    else:
        assert run.stdout.strip() == exchange.text


def check_sampling(run: Run) -> None:
    for exchange in run.exchanges:
        assert {"temperature", "top_p", "max_output_tokens"} <= set(exchange.body)
        assert exchange.body["reasoning"] == {"effort": "none"}, "sampling needs reasoning off"
        assert exchange.reply["status"] == "completed", "the cap leaves no room for the answer"
    temperatures = [exchange.body["temperature"] for exchange in run.exchanges]
    if run.path.suffix == ".py":
        assert len(set(temperatures)) == len(temperatures) > 1, temperatures
        for temperature, exchange in zip(temperatures, run.exchanges, strict=True):
            assert f"temperature {temperature}: {exchange.text}" in run.stdout
    else:
        assert json.loads(run.stdout) == run.exchanges[0].reply


def check_streaming(run: Run) -> None:
    (exchange,) = run.exchanges
    assert run.stdout == exchange.text + "\n"
    assert "event: response.completed" in exchange.raw


def check_tool_call(run: Run) -> None:
    """Every call the model asked for is run and answered, the whole exchange sent back each
    time (nothing is stored), then its answer is printed."""
    first, *rest = run.exchanges
    assert first.body["tools"], "the first request offers no function"
    calls = first.function_calls
    assert len(rest) == (1 if calls else 0), "one request to send the results, none without calls"
    if calls:
        (answered,) = rest
        assert "previous_response_id" not in answered.body, "the exchange is sent back instead"
        sent = answered.body["input"]
        said = request_messages(first)
        assert sent[: len(said)] == said, "the question is sent again"
        assert sent[len(said) : len(said) + len(first.reply["output"])] == first.reply["output"]
        outputs = {
            item["call_id"]: item
            for item in answered.body["input"]
            if item.get("type") == "function_call_output"
        }
        assert sorted(outputs) == sorted(call["call_id"] for call in calls)
        for call in calls:
            arguments = json.loads(call["arguments"])
            result = json.loads(outputs[call["call_id"]]["output"])
            assert arguments.items() <= result.items(), "the function result ignores the arguments"
            assert call["name"] in run.stdout
            assert all(str(value) in run.stdout for value in arguments.values())
    assert run.stdout.rstrip().endswith(run.exchanges[-1].text)


def check_embeddings(run: Run) -> None:
    embedded, answered = run.exchanges
    assert embedded.endpoint == "embeddings"
    assert answered.endpoint == "responses"
    *documents, question = embedded.body["input"]
    best = nearest(documents, question)
    assert f"Retrieved: {best}" in run.stdout
    messages = request_messages(answered)
    assert any(m["role"] == "system" and best in m["content"] for m in messages), messages
    assert {"role": "user", "content": question} in messages
    assert run.stdout.rstrip().endswith(answered.text)


CHECKS: dict[str, Callable[[Run], None]] = {
    "first_request": check_first_request,
    "sampling": check_sampling,
    "streaming": check_streaming,
    "tool_call": check_tool_call,
    "embeddings": check_embeddings,
}


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=example_id)
def test_example_runs_to_its_end_against_the_stand_in(path: Path, httpserver: HTTPServer) -> None:
    if path.suffix == ".sh" and "jq " in path.read_text(encoding="utf-8"):
        require("jq")
    run = run_example(path, httpserver)
    assert run.result.returncode == 0, run.describe()
    assert run.api.rejections == [], run.describe()
    httpserver.check()  # no request to a path the stand-in does not serve
    assert run.exchanges, run.describe()
    for exchange in run.exchanges:
        assert exchange.streamed == (path.stem == "streaming"), "stream set where it should not be"
        assert exchange.text in run.stdout
        if exchange.endpoint == "responses":
            assert exchange.body.get("store") is False, "an example that needs no state stores"
    CHECKS[path.stem](run)


def require(command: str) -> None:
    """Skip without `command` on a workstation; under CI its absence is a failure."""
    if shutil.which(command) is None:
        if os.environ.get("CI"):
            pytest.fail(f"{command} is required by the curl examples")
        pytest.skip(f"{command} is not installed")


# --- the checks above catch what they claim to catch --------------------------------------


def broken_copy(tmp_path: Path, name: str, old: str, new: str) -> Path:
    copy = tmp_path / name
    shutil.copy2(EXAMPLES / name, copy)
    replace_in_file(copy, old, new)
    return copy


def test_a_parameter_the_sdk_does_not_accept_fails(tmp_path: Path, httpserver: HTTPServer) -> None:
    copy = broken_copy(tmp_path, "sampling.py", "temperature=temperature", "temprature=temperature")
    assert sdk_misuse(copy.read_text(encoding="utf-8")) == [
        "line 10: client.responses.create() does not accept temprature="
    ]
    assert run_example(copy, httpserver).result.returncode != 0


def test_invalid_curl_json_fails(tmp_path: Path, httpserver: HTTPServer) -> None:
    model_line = f'"model": "{MODELS["model_small"]}",'
    copy = broken_copy(tmp_path, "first_request.sh", model_line, model_line.rstrip(","))
    (body,) = json_literals(copy.read_text(encoding="utf-8"))
    with pytest.raises(json.JSONDecodeError):
        json.loads(body)
    run = run_example(copy, httpserver)
    assert run.result.returncode != 0
    assert any("not valid JSON" in rejection for rejection in run.api.rejections), run.describe()


def test_a_model_the_data_does_not_name_is_refused(tmp_path: Path, httpserver: HTTPServer) -> None:
    copy = broken_copy(tmp_path, "first_request.py", MODELS["model_small"], "gpt-not-in-the-data")
    assert models_named(copy) == {"gpt-not-in-the-data"}
    run = run_example(copy, httpserver)
    assert run.result.returncode != 0
    assert any("gpt-not-in-the-data" in rejection for rejection in run.api.rejections)


def refused(run: Run, *fragments: str) -> bool:
    """The example failed, and the stand-in said why in words holding every fragment."""
    return run.result.returncode != 0 and any(
        all(fragment in rejection for fragment in fragments) for rejection in run.api.rejections
    )


@dataclass(frozen=True)
class RefusedEdit:
    """An edit to an example that the API refuses, and words its refusal must hold."""

    example: str
    old: str
    new: str
    refusal: tuple[str, ...]
    commands: tuple[str, ...] = ()


QUESTION = '"content": "Do you bake gluten-free bread?"'
REFUSED_EDITS = {
    "a parameter the API does not know": RefusedEdit(
        "sampling.sh", '"top_p": 1,', '"top_k": 1,', ("top_k",)
    ),
    "an unknown key inside a tool definition": RefusedEdit(
        "tool_call.sh",
        '"strict": true\n}]',
        '"strict": true,\n  "colour": 1\n}]',
        ("Unknown parameter", "tools[0].colour"),
        commands=("jq",),
    ),
    # `name` on a message is a Chat Completions field the Responses API does not take.
    "an unknown key inside an input item": RefusedEdit(
        "first_request.sh",
        QUESTION,
        f'{QUESTION}, "name": "Ann"',
        ("Unknown parameter", "input[1].name"),
    ),
    "a strict function schema left open": RefusedEdit(
        "tool_call.py",
        '"additionalProperties": False,',
        "",
        ("get_order_status", "'additionalProperties'", "false"),
    ),
    "a strict function schema with an optional property": RefusedEdit(
        "tool_call.py",
        '"required": ["order_id"],',
        '"required": [],',
        ("get_order_status", "'required'", "'order_id'"),
    ),
}


@pytest.mark.parametrize("edit", REFUSED_EDITS.values(), ids=list(REFUSED_EDITS))
def test_an_edit_the_api_does_not_take_is_refused(
    tmp_path: Path, httpserver: HTTPServer, edit: RefusedEdit
) -> None:
    for command in edit.commands:
        require(command)
    copy = broken_copy(tmp_path, edit.example, edit.old, edit.new)
    run = run_example(copy, httpserver)
    assert refused(run, *edit.refusal), run.describe()


def test_sampling_settings_to_a_reasoning_model_are_refused_unless_its_effort_is_none(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    effort = '"reasoning": {"effort": "none"},'
    without = broken_copy(tmp_path, "sampling.sh", effort, "")
    run = run_example(without, httpserver)
    assert refused(run, "Unsupported parameter", "'temperature'", "'medium'"), run.describe()
    httpserver.clear()  # a fresh stand-in for the second run
    (tmp_path / "low").mkdir()
    low = broken_copy(tmp_path / "low", "sampling.py", '"effort": "none"', '"effort": "low"')
    run = run_example(low, httpserver)
    assert refused(run, "Unsupported parameter", "'temperature'", "'low'"), run.describe()


@pytest.mark.parametrize(("model", "rules"), CHAT_MODELS.items())
def test_a_reader_who_swaps_a_chat_model_into_the_sampling_example(
    tmp_path: Path, httpserver: HTTPServer, model: str, rules: ModelRules
) -> None:
    """It runs with a model that samples at effort none; another model's refusal says why."""
    copy = broken_copy(tmp_path, "sampling.sh", MODELS["model_small"], model)
    run = run_example(copy, httpserver)
    if "none" in rules.sampling_efforts:
        assert run.result.returncode == 0, run.describe()
    elif "none" not in rules.efforts:
        assert refused(run, "'reasoning.effort'", "'none'"), run.describe()
    else:
        assert refused(run, "Unsupported parameter", "'temperature'"), run.describe()


def test_content_parts_are_accepted_and_a_wrong_part_is_refused(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    text = '"Do you bake gluten-free bread?"'
    parts = broken_copy(
        tmp_path, "first_request.sh", text, f'[{{"type": "input_text", "text": {text}}}]'
    )
    run = run_example(parts, httpserver)
    assert run.result.returncode == 0, run.describe()
    assert run.api.rejections == []
    httpserver.clear()  # a fresh stand-in for the second run
    (tmp_path / "wrong").mkdir()
    # `text` is the part type of Chat Completions; the Responses API wants `input_text`.
    wrong = broken_copy(
        tmp_path / "wrong", "first_request.sh", text, f'[{{"type": "text", "text": {text}}}]'
    )
    run = run_example(wrong, httpserver)
    assert refused(run, '"text"', "input_text", "input[1].content[0].type"), run.describe()


def test_reasoning_tokens_count_against_max_output_tokens(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """With reasoning on and a small cap, the answer is cut short, and the example says so."""
    copy = broken_copy(tmp_path, "sampling.py", "temperature=temperature,", "")
    replace_in_file(copy, "top_p=1,", "")
    replace_in_file(copy, '"effort": "none"', '"effort": "low"')
    # 50 was this example's cap before its model reasoned: it now leaves no room at all.
    replace_in_file(copy, "max_output_tokens=300", "max_output_tokens=50")
    run = run_example(copy, httpserver)
    assert run.result.returncode == 0, run.describe()
    for exchange in run.exchanges:
        assert exchange.reply["status"] == "incomplete"
        assert exchange.reply["usage"]["output_tokens_details"]["reasoning_tokens"] > 0
    assert run.stdout.count("[cut short by max_output_tokens]") == len(run.exchanges) == 2


@pytest.mark.parametrize("calls", [0, 2], ids=["no call", "two calls"])
@pytest.mark.parametrize("name", ["tool_call.py", "tool_call.sh"])
def test_the_tool_call_example_handles_no_call_and_several_calls(
    httpserver: HTTPServer, name: str, calls: int
) -> None:
    if name.endswith(".sh"):
        require("jq")
    run = run_example(EXAMPLES / name, httpserver, tool_calls=calls)
    assert run.result.returncode == 0, run.describe()
    assert run.api.rejections == [], run.describe()
    assert len(run.exchanges[0].function_calls) == calls
    check_tool_call(run)


# How each way a stream can end short reads on the examples' standard error.
STREAM_FAILURES = {
    "failed": f"The answer failed: {BROKEN_OFF}",
    "incomplete": "The answer was cut short: content_filter",
    "error": f"The answer broke off: {BROKEN_OFF}",
    "nested error": f"The answer broke off: {BROKEN_OFF}",
    "cut": "The answer ended before it was complete",
}


@pytest.mark.parametrize("ending", STREAM_FAILURES)
@pytest.mark.parametrize("name", ["streaming.py", "streaming.sh"])
def test_the_streaming_example_fails_when_the_answer_does_not_complete(
    httpserver: HTTPServer, name: str, ending: StreamEnding
) -> None:
    """A stream that fails, is cut short or breaks off leaves a partial text: the example stops
    with the reason and a non-zero exit, whatever shape the stream ends in."""
    if name.endswith(".sh"):
        require("jq")
    run = run_example(EXAMPLES / name, httpserver, stream_ending=ending, stream_deltas=2)
    assert run.result.returncode != 0, run.describe()
    assert STREAM_FAILURES[ending] in run.result.stderr, run.describe()
    (exchange,) = run.exchanges
    assert run.stdout.startswith("Stand-in answer"), run.describe()
    assert exchange.text not in run.stdout


@pytest.mark.parametrize("name", ["streaming.py", "streaming.sh"])
def test_the_streaming_example_fails_when_max_output_tokens_cuts_the_answer(
    tmp_path: Path, httpserver: HTTPServer, name: str
) -> None:
    if name.endswith(".sh"):
        require("jq")
    # 66 leaves the model room to reason (64 tokens) and to write two words, not all.
    stream = '"stream": true' if name.endswith(".sh") else "stream=True"
    cap = '"max_output_tokens": 66' if name.endswith(".sh") else "max_output_tokens=66"
    copy = broken_copy(tmp_path, name, stream, f"{cap},\n    {stream}")
    run = run_example(copy, httpserver)
    assert run.result.returncode != 0, run.describe()
    assert "The answer was cut short: max_output_tokens" in run.result.stderr, run.describe()


def test_a_wrong_key_is_refused(httpserver: HTTPServer) -> None:
    run = run_example(EXAMPLES / "first_request.sh", httpserver, key="not-the-dummy-key")
    assert run.result.returncode != 0
    assert any("API key" in rejection for rejection in run.api.rejections), run.describe()


def test_a_key_like_string_is_found() -> None:
    fake = "sk-" + "proj-" + "0" * 20
    assert KEY_LIKE.findall(f'api_key="{fake}"') == [fake]
    assert KEY_LIKE.findall("a risk-free, task-based desk-top") == []


@pytest.mark.slow
def test_a_missing_example_fails_the_build(project_copy: Path, tmp_path: Path) -> None:
    replace_in_file(
        project_copy / "docs" / "first-calls.md", '--8<-- "sampling.py"', '--8<-- "missing.py"'
    )
    result = run_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "missing.py" in result.stdout + result.stderr
