"""Pure functions from the comparison data to Markdown.

Each function takes the `Comparison` (and plain arguments) and returns a
Markdown string; none reads files or knows about MkDocs. The macros in
`mkdocs_env.py` are thin wrappers around these.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby, zip_longest

from .facts import fact_markup, long_date, time_markup
from .lookup import find
from .model import FACT_SLOT, Comparison, CookbookPage, RuleOfThumb, Side, Signal

SIDE_LIST_FIELDS = (
    "owner_decides",
    "owner_handles",
    "you_deal_with",
    "you_dont_deal_with",
    "great_for",
)


def cell(text: str) -> str:
    """Make one line of text safe inside a Markdown table cell."""
    return text.replace("|", "\\|")


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = [
        "| " + " | ".join(cell(h) for h in header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


def unsearched(markdown: str) -> str:
    """Markdown kept out of the search index, which every first view loads (Material's search
    skips an element marked data-search-exclude): for what search would only find again, or
    finds better by its section's title and prose."""
    return f'<div data-search-exclude="" markdown>\n\n{markdown}\n\n</div>'


def bullets(items: tuple[str, ...], indent: str = "") -> str:
    return "\n".join(f"{indent}- {item}" for item in items)


def fact_value(c: Comparison, fact_id: str) -> str:
    """A fact as pages show it; every fact on a page goes through here, so its note lists it."""
    return fact_markup(c.fact(fact_id))


def short_answer(c: Comparison) -> str:
    return bullets(tuple(f"**{side.name}** → {side.identity}" for side in c.sides))


def mental_model_table(c: Comparison) -> str:
    rows = [(f"**{side.name}**", side.feels_like) for side in c.sides]
    return table(("Thing", "What it feels like"), rows)


def mottos(c: Comparison) -> str:
    """The "Make something for me" pair, one line a side."""
    return "  \n".join(f"{side.short_name} = “{side.motto}”" for side in c.sides)


def thinking_mottos(c: Comparison) -> str:
    """The "Help me think" pair, as a quotation."""
    return "  \n".join(f"> {side.short_name} → “{side.thinking_motto}”" for side in c.sides)


def side_list(c: Comparison, side_id: str, field: str) -> str:
    side = c.side(side_id)
    find("side_list field", field, dict.fromkeys(SIDE_LIST_FIELDS))
    items: tuple[str, ...] = getattr(side, field)
    return bullets(items)


def payment(c: Comparison, side_id: str) -> str:
    """How you pay on one side, its plans or billing units placed where its sentence says."""
    side = c.side(side_id)
    return side.payment.replace(FACT_SLOT, fact_value(c, side.payment_fact))


def _code_list(values: Sequence[str], conjunction: str = "and") -> str:
    """`a`, `b` and `c`: values shown as code, joined the way a sentence lists them."""
    shown = [f"`{value}`" for value in values]
    if len(shown) < 2:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} {conjunction} {shown[-1]}"


def model_rules_table(c: Comparison) -> str:
    """What each chat model accepts, as the data records it from OpenAI's pages."""
    rows = []
    for chat_model, rules in c.chat_models():
        efforts = ", ".join(
            f"**`{effort}`**" if effort == rules.default_effort else f"`{effort}`"
            for effort in rules.efforts
        )
        sampling = rules.sampling_efforts
        rows.append(
            (
                # A link to the model's page: where the rules were read, and on a phone, where
                # the table scrolls sideways, something in it for the keyboard to reach.
                f"[{fact_value(c, chat_model.id)}]({chat_model.source})",
                efforts,
                f"only at {_code_list(sampling, 'or')}" if sampling else "never",
                f"{rules.max_output_tokens:,}",
            )
        )
    header = (
        "Model",
        "`reasoning.effort`, default in bold",
        "`temperature`, `top_p`",
        "`max_output_tokens` up to",
    )
    # Its words are found elsewhere on the page.
    return unsearched(table(header, rows))


def rules_as_of(c: Comparison) -> str:
    """When the chat models' rules were read: "read on 4 December 2026"."""
    return f"read on {time_markup(min(rules.reviewed for _, rules in c.chat_models()))}"


def sampling_rules(c: Comparison) -> str:
    """Which chat model takes `temperature` and `top_p`, and at which effort, as one clause."""
    clauses = []
    for chat_model, rules in c.chat_models():
        efforts = rules.sampling_efforts
        when = (
            f"takes them only at reasoning effort {_code_list(efforts, 'or')}"
            if efforts
            else "never does"
        )
        clauses.append(f"{fact_value(c, chat_model.id)} {when}")
    if len(clauses) < 2:
        return "".join(clauses)
    return f"{', '.join(clauses[:-1])}, and {clauses[-1]}"


def model_examples(c: Comparison) -> str:
    """The model facts as examples, dated: model names are the first thing to go stale."""
    models = [fact for fact in c.facts if fact.kind == "model"]
    names = ", ".join(fact_value(c, fact.id) for fact in models)
    return f"for example {names}; {models_as_of(c)}"


def models_as_of(c: Comparison) -> str:
    """When the model names were last checked: "names as of 25 November 2026"."""
    reviewed = min(fact.reviewed for fact in c.facts if fact.kind == "model")
    return f"names as of {long_date(reviewed)}"


def knobs(c: Comparison) -> str:
    return bullets(tuple(f"**{knob.name}** ({knob.detail})" for knob in c.knobs))


def _owner_card(side: Side) -> str:
    owner = "*you* are" if side.owner == "you" else f"{side.owner} is"
    return "\n".join(
        (
            f"-   **{side.name}**",
            "",
            "    ---",
            "",
            f"    {side.owner_scope}, {owner} the product owner. {side.owner_choice_verb}:",
            "",
            bullets(side.owner_decides, indent="    "),
        )
    )


def responsibilities(c: Comparison) -> str:
    """Who is in charge on each side, as two cards side by side."""
    cards = "\n\n".join(_owner_card(side) for side in c.sides)
    return f'<div class="grid cards" markdown>\n\n{cards}\n\n</div>'


# The header of the row-label column: a named header keeps screen readers oriented.
COMPARISON_TABLE_CORNER = "Aspect"


def comparison_table(c: Comparison) -> str:
    """Every attribute of the two sides, one row each."""
    chatgpt, platform = (c.side(side_id) for side_id in ("chatgpt", "platform"))

    def joined(items: tuple[str, ...]) -> str:
        return "<br>".join(items)

    rows = [
        ("What it is", chatgpt.identity, platform.identity),
        ("Where", fact_value(c, chatgpt.address_fact), fact_value(c, platform.address_fact)),
        ("Mental model", f"The {chatgpt.place}", f"The {platform.place}"),
        ("Product owner", chatgpt.owner, platform.owner),
        ("How you pay", payment(c, "chatgpt"), payment(c, "platform")),
        ("Great for", joined(chatgpt.great_for), joined(platform.great_for)),
    ]
    return table((COMPARISON_TABLE_CORNER, chatgpt.name, platform.name), rows)


def _signal_group(signals: list[Signal]) -> str:
    if not signals[0].lead:
        return bullets(tuple(signal.text for signal in signals))
    return f"- {signals[0].lead}:\n" + bullets(tuple(s.text for s in signals), indent="    ")


def checklist(c: Comparison, side_id: str) -> str:
    """The "use … when" signals of one side, nested under their shared lead as in the guide."""
    groups = groupby(c.signals_for(side_id), key=lambda signal: signal.lead)
    return "\n".join(_signal_group(list(signals)) for _, signals in groups)


def checklist_summary(c: Comparison) -> str:
    """Both sides' signals in one table: the short form for the home page."""
    columns = [[s.sentence for s in c.signals_for(side.id)] for side in c.sides]
    header = tuple(side.use_when for side in c.sides)
    return table(header, [tuple(row) for row in zip_longest(*columns, fillvalue="")])


def rule_sentence(c: Comparison, rule: RuleOfThumb) -> str:
    return f"If it’s **{rule.when} → {c.side(rule.side).short_name}**."


def rule_of_thumb(c: Comparison) -> str:
    return "  \n".join(rule_sentence(c, rule) for rule in c.rules_of_thumb)


def cookbook_page(c: Comparison, name: str) -> CookbookPage:
    """The cookbook page called `name`; a misspelt name raises `UnknownName` with the closest."""
    return find("cookbook page", name, {page.name: page for page in c.cookbook_pages})


def cookbook_url(base_url: str, path: str) -> str:
    """The address of the cookbook file at `path` (relative to the cookbook's root)."""
    return f"{base_url.rstrip('/')}/{path}"


def cookbook_link(c: Comparison, base_url: str, name: str, text: str = "") -> str:
    page = cookbook_page(c, name)
    return f"[{text or page.title}]({cookbook_url(base_url, page.path)})"
