"""The one source of truth for the comparison.

Every table, list and checklist on the site is rendered from `COMPARISON`.
Edit a value here and every page that shows it follows on the next build.
Text may use inline Markdown (`*emphasis*`, `**bold**`, `` `code` ``).
"""

from __future__ import annotations

from datetime import date

from .model import (
    Citation,
    Comparison,
    CookbookPage,
    Fact,
    Knob,
    ModelLifecycle,
    ModelRules,
    RuleOfThumb,
    Side,
    Signal,
    Verdict,
)

# When each group of facts was last checked. A review moves its date forward and
# says in `checked` what it read; `make facts` lists the facts whose review is getting old.
ADDRESSES_REVIEWED = date(2026, 11, 25)
ADDRESSES_CHECKED = (
    "Stated by the site’s owner when asking for this check: chatgpt.com is ChatGPT’s address, "
    "the older chat.openai.com and chat.com redirect to it, and platform.openai.com is the "
    "Platform’s."
)
MODELS_REVIEWED = date(2026, 11, 25)
MODELS_CHECKED = (
    "The name is one the openai SDK locked in uv.lock knows (3.57.0, published 2026-11-20), "
    "and neither that SDK’s list of deprecated values nor OpenAI’s deprecations page announces "
    "a shutdown for it; its model page was read too. tests/test_model_lifecycle.py checks the "
    "installed SDK again on every run."
)
NO_SHUTDOWN_ANNOUNCED = ModelLifecycle(
    sdk="openai 3.57.0",
    shutdown=None,
    source="https://developers.openai.com/api/docs/deprecations",
)
# Read on this date in the stored copies of OpenAI's pages that the project's search tool
# holds (its docs and pages corpora), and in the installed openai 3.57.0 SDK.
RULES_REVIEWED = date(2026, 12, 4)
PLANS_REVIEWED = date(2026, 12, 4)

DEPLOYMENT_CHECKLIST = "https://developers.openai.com/api/docs/guides/deployment-checklist"
SAMPLING_ONLY_WITHOUT_REASONING = (
    "OpenAI’s deployment checklist says that when the reasoning effort is not none, "
    "temperature, top_p and top_logprobs must be left out (and message.output_text.logprobs "
    "from include)."
)
GPT_6_LUNA_PAGE = "https://developers.openai.com/ja-JP/api/docs/models/gpt-6-luna"
GPT_6_1_SOL_PAGE = "https://developers.openai.com/api/docs/models/gpt-6.1-sol"

GPT_6_LUNA_RULES = ModelRules(
    efforts=("none", "low", "medium", "high", "xhigh", "max"),
    default_effort="medium",
    efforts_source=Citation(
        page="model page",
        source=GPT_6_LUNA_PAGE,
        reviewed=RULES_REVIEWED,
        checked=(
            "The model page (its Japanese-locale copy, the one stored) says reasoning.effort "
            "takes none, low, medium (the default), high, xhigh and max."
        ),
    ),
    sampling_efforts=("none",),
    sampling_source=Citation(
        page="deployment checklist",
        source=DEPLOYMENT_CHECKLIST,
        reviewed=RULES_REVIEWED,
        checked=SAMPLING_ONLY_WITHOUT_REASONING,
    ),
    max_output_tokens=128_000,
    max_output_tokens_source=Citation(
        page="model page",
        source=GPT_6_LUNA_PAGE,
        reviewed=RULES_REVIEWED,
        checked="The model page gives 128,000 as its largest number of output tokens.",
    ),
)
GPT_6_1_SOL_RULES = ModelRules(
    efforts=("low", "medium", "high", "xhigh", "max"),
    default_effort="medium",
    efforts_source=Citation(
        page="model page",
        source=GPT_6_1_SOL_PAGE,
        reviewed=RULES_REVIEWED,
        checked=(
            "The model page says reasoning.effort supports low, medium (the default), high, "
            "xhigh and max, and that none and minimal are not supported."
        ),
    ),
    sampling_efforts=(),
    sampling_source=Citation(
        page="deployment checklist",
        source=DEPLOYMENT_CHECKLIST,
        reviewed=RULES_REVIEWED,
        checked=(
            f"{SAMPLING_ONLY_WITHOUT_REASONING} The model refuses none, so it never takes them."
        ),
    ),
    max_output_tokens=128_000,
    max_output_tokens_source=Citation(
        page="model page",
        source=GPT_6_1_SOL_PAGE,
        reviewed=RULES_REVIEWED,
        checked="The model page gives 128,000 max output tokens.",
    ),
)

FACTS: tuple[Fact, ...] = (
    Fact(
        id="chatgpt_address",
        kind="address",
        label="ChatGPT on the web",
        value="chatgpt.com",
        source="https://chatgpt.com/",
        reviewed=ADDRESSES_REVIEWED,
        checked=ADDRESSES_CHECKED,
    ),
    Fact(
        id="chatgpt_old_address",
        kind="address",
        label="ChatGPT’s former address, which redirects to the current one",
        value="chat.openai.com",
        source="https://chat.openai.com/",
        reviewed=ADDRESSES_REVIEWED,
        checked=ADDRESSES_CHECKED,
    ),
    Fact(
        id="chatgpt_short_address",
        kind="address",
        label="A short address that also redirects to ChatGPT",
        value="chat.com",
        source="https://chat.com/",
        reviewed=ADDRESSES_REVIEWED,
        checked=ADDRESSES_CHECKED,
    ),
    Fact(
        id="platform_address",
        kind="address",
        label="The OpenAI Platform",
        value="platform.openai.com",
        source="https://platform.openai.com/",
        reviewed=ADDRESSES_REVIEWED,
        checked=ADDRESSES_CHECKED,
    ),
    Fact(
        id="chatgpt_plans",
        kind="plan",
        label="ChatGPT’s plans, for individuals and for organizations",
        value="Free, Go, Plus, Pro, Business, Enterprise and Edu",
        source="https://help.openai.com/en/articles/11481834-cha",
        reviewed=PLANS_REVIEWED,
        checked=(
            "OpenAI’s help article “ChatGPT Rate Card (Business, Enterprise/Edu)” names the "
            "Business, Enterprise and Edu plans and sends Free, Go, Plus and Pro users to its "
            "article on credits for those plans; the help article that described ChatGPT Team "
            "(9160437) now describes ChatGPT Business, the self-serve plan for teams. Not "
            "checked: prices, and whether Pro comes in tiers (no OpenAI page stating Pro tiers "
            "was found in the stored copies, only third-party pages)."
        ),
    ),
    Fact(
        id="platform_billing_units",
        kind="billing",
        label="What Platform usage is billed by",
        value="tokens or other per-model units, plus a fee per call for some tools",
        source=GPT_6_1_SOL_PAGE,
        reviewed=PLANS_REVIEWED,
        checked=(
            "OpenAI’s developer model pages (gpt-6.1-sol, gpt-6-luna) say pricing is based on "
            "the tokens used or other metrics that depend on the model type, with a fee per tool "
            "call for tool-specific models such as search and computer use, and refer to the "
            "pricing page for details. That pricing page "
            "(developers.openai.com/api/docs/pricing) was not in the stored copies, so the "
            "units it lists for images, audio or storage were not checked."
        ),
    ),
    Fact(
        id="response_storage",
        kind="retention",
        label="How long a response is stored unless its request sends store: false",
        value="at least 30 days",
        source="https://pypi.org/project/openai/3.57.0/",
        reviewed=RULES_REVIEWED,
        checked=(
            "In the openai 3.57.0 package (the one uv.lock installs), the docstring of store in "
            "openai/types/responses/response_create_params.py says store defaults to true and a "
            "stored response is kept for at least 30 days, subject to OpenAI’s data retention "
            "exceptions. tests/test_examples.py reads the installed SDK again."
        ),
    ),
    Fact(
        id="model_small",
        kind="model",
        label="A small, fast model that reasons by default",
        value="gpt-6-luna",
        source="https://developers.openai.com/api/docs/models/gpt-6-luna",
        reviewed=MODELS_REVIEWED,
        checked=f"{MODELS_CHECKED} It is the deprecations page’s replacement for gpt-4o-mini.",
        lifecycle=NO_SHUTDOWN_ANNOUNCED,
        rules=GPT_6_LUNA_RULES,
    ),
    Fact(
        id="model_flagship",
        kind="model",
        label="A larger model for harder tasks",
        value="gpt-6.1-sol",
        source=GPT_6_1_SOL_PAGE,
        reviewed=MODELS_REVIEWED,
        checked=(
            f"{MODELS_CHECKED} It is the deprecations page’s replacement for the GPT-5 models. "
            "Re-checked on 4 December 2026 against the other larger models openai 3.57.0 knows: "
            "gpt-6.2-sol’s page says only that effort none is refused (not its default or "
            "whether it takes minimal) and calls it the go-to model for everyday work; the "
            "model pages of gpt-6-astra and gpt-6.2-astra were not in the stored copies of "
            "OpenAI’s pages, so their rules could not be checked at OpenAI. gpt-6.1-sol’s page "
            "states all its rules, and OpenAI’s GPT-6 guide places it at near-Astra "
            "performance for complex work."
        ),
        lifecycle=NO_SHUTDOWN_ANNOUNCED,
        rules=GPT_6_1_SOL_RULES,
    ),
    Fact(
        id="model_embedding",
        kind="model",
        label="An embeddings model",
        value="text-embedding-3-small",
        source="https://developers.openai.com/api/docs/models/text-embedding-3-small",
        reviewed=MODELS_REVIEWED,
        checked=MODELS_CHECKED,
        lifecycle=NO_SHUTDOWN_ANNOUNCED,
    ),
)

SIDES: tuple[Side, ...] = (
    Side(
        id="chatgpt",
        name="ChatGPT",
        short_name="ChatGPT",
        use_when="Use **ChatGPT** when",
        identity="the *app* you chat with",
        address_fact="chatgpt_address",
        place="restaurant",
        feels_like="Going to a restaurant and ordering off the menu",
        motto="Make something *for me* right now.",
        thinking_motto="Help me think.",
        owner="OpenAI",
        owner_scope="In **ChatGPT**",
        owner_choice_verb="They choose",
        owner_decides=(
            "how the UI looks",
            "what tools are enabled",
            "the high-level system prompts",
            (
                "how history is stored and used, within the controls you keep "
                "(memory, temporary chats)"
            ),
        ),
        owner_handles=(
            "the UI",
            "conversation history",
            "which exact model variant to use",
            "safety filters and guardrails",
        ),
        you_deal_with=(
            "You see a chat UI + maybe some tools (browse, code, etc.)",
            "You type, it replies",
        ),
        you_dont_deal_with=(
            "API keys",
            "JSON payloads",
            "API rate limits / usage dashboards (your plan sets usage limits of its own)",
            "infrastructure or logging",
        ),
        great_for=(
            "Writing, editing, brainstorming",
            "Learning / explaining concepts",
            "One-off coding help and debugging",
            "Manual workflows where you’re okay copy/pasting",
        ),
        payment=("a **subscription**, or nothing at all on the free plan; the plans are {fact}"),
        payment_fact="chatgpt_plans",
    ),
    Side(
        id="platform",
        name="OpenAI Platform",
        short_name="Platform",
        use_when="Use the **OpenAI Platform** when",
        identity="the *toolbox* developers use to build apps",
        address_fact="platform_address",
        place="kitchen",
        feels_like="Getting the kitchen, ingredients, and the chef",
        motto="Help me make something *for other people*.",
        thinking_motto="Help my **app** think.",
        owner="you",
        owner_scope="On the **platform**",
        owner_choice_verb="You decide",
        owner_decides=(
            "what the model sees (context)",
            "what job it has (system prompt)",
            "how its outputs are used or stored",
            "which users get access and how",
        ),
        owner_handles=(
            "You design prompts & system messages",
            "You handle user auth and privacy",
            "You think about cost, latency, and monitoring",
        ),
        you_deal_with=(
            "sending HTTP requests",
            "wiring models into your product or internal tooling",
            "storing data yourself (users, logs, documents, results)",
        ),
        you_dont_deal_with=("a ready-made chat window: you’re not chatting in a UI",),
        great_for=(
            "SaaS features and startups",
            "Internal tools (support assistants, dashboards, agents)",
            "Automations (cron jobs, workflows, webhooks)",
            "Anything where *other people* interact with the model, not just you",
        ),
        payment="**per usage** instead of a flat subscription, billed by {fact}",
        payment_fact="platform_billing_units",
    ),
)

KNOBS: tuple[Knob, ...] = (
    Knob(id="sampling", name="Sampling settings", detail="temperature, etc."),
    Knob(
        id="tools",
        name="Tools / function calling",
        detail="let the model call functions in your app",
    ),
    Knob(
        id="embeddings",
        name="Embeddings & RAG",
        detail="retrieve docs + feed them into the model",
    ),
    Knob(
        id="streaming",
        name="Streaming",
        detail="send tokens as they’re generated for snappy UIs",
    ),
)

SIGNALS: tuple[Signal, ...] = (
    Signal(id="exploring", side="chatgpt", text="You’re exploring an idea, learning, or planning"),
    Signal(
        id="drafting",
        side="chatgpt",
        text="You’re drafting prompts, system messages, or UX flows",
    ),
    Signal(
        id="manual",
        side="chatgpt",
        text="You’re doing stuff manually and don’t mind copy/paste",
    ),
    Signal(
        id="for-you",
        side="chatgpt",
        text="It’s mostly for *you* (or a small team), not end users",
    ),
    Signal(
        id="repeatable",
        side="platform",
        text="You want something **repeatable** and not tied to your manual chat usage",
    ),
    Signal(id="product-feature", side="platform", lead="You’re building", text="a product feature"),
    Signal(
        id="bot-for-users", side="platform", lead="You’re building", text="a bot/agent for users"
    ),
    Signal(
        id="internal-tool",
        side="platform",
        lead="You’re building",
        text="an internal tool that others will rely on",
    ),
    Signal(
        id="own-data",
        side="platform",
        lead="You need",
        text="to integrate with your own data / APIs",
    ),
    Signal(
        id="control",
        side="platform",
        lead="You need",
        text="to control models, cost, and behavior more precisely",
    ),
)

RULES_OF_THUMB: tuple[RuleOfThumb, ...] = (
    RuleOfThumb(when="personal / ad hoc", side="chatgpt"),
    RuleOfThumb(when="product / system / for users", side="platform"),
)

VERDICTS: tuple[Verdict, ...] = (
    Verdict(
        id="undecided",
        sides=frozenset(),
        headline="Tick what sounds like your situation",
        advice="Each line you tick points to one side; the answer appears here.",
    ),
    Verdict(
        id="chatgpt",
        sides=frozenset({"chatgpt"}),
        headline="ChatGPT is enough",
        advice="This is help for you, right now: open a chat and start.",
    ),
    Verdict(
        id="platform",
        sides=frozenset({"platform"}),
        headline="Build on the OpenAI Platform",
        advice=(
            "Other people or systems will rely on this: get an API key and call the models "
            "from your code. [First calls](first-calls.md) has the smallest code to start with."
        ),
    ),
    Verdict(
        id="both",
        sides=frozenset({"chatgpt", "platform"}),
        headline="Both, one after the other",
        advice=(
            "Explore and draft in ChatGPT now; build on the Platform "
            "once it has to be repeatable or serve other people."
        ),
    ),
)

COOKBOOK_PAGES: tuple[CookbookPage, ...] = (
    CookbookPage(name="00-index", title="LLM Cookbook Index"),
    CookbookPage(name="01-llm-mental-models", title="LLM mental models"),
    CookbookPage(name="02_basic-system-prompt", title="Basic system prompt"),
    CookbookPage(name="03-prompt-cheatsheet", title="Prompt cheatsheet"),
    CookbookPage(name="04-task-shaping-and-decomposition", title="Task shaping and decomposition"),
    CookbookPage(name="05-vibe-coding-with-llms", title="Vibe coding with LLMs"),
    CookbookPage(
        name="06-llm-failure-modes-and-debugging", title="LLM failure modes and debugging"
    ),
    CookbookPage(name="07-structured-output-and-formats", title="Structured output and formats"),
)

COMPARISON = Comparison(
    sides=SIDES,
    knobs=KNOBS,
    signals=SIGNALS,
    rules_of_thumb=RULES_OF_THUMB,
    verdicts=VERDICTS,
    facts=FACTS,
    cookbook_pages=COOKBOOK_PAGES,
)
