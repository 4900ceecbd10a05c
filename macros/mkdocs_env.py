"""The thin layer between mkdocs-macros and the data: load, validate, register macros."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, Protocol

import jinja2

from . import contract, credit, decision, export, facts, legacy, linking, picture, render
from .calls import checked, naming_undefined
from .contract import Contract
from .data import COMPARISON
from .model import Comparison
from .validate import validate

DATA_FILE = Path(__file__).with_name("data.py")

Macro = Callable[..., str]

# The variable holding the names of the site's own macros, which an unknown name's error lists.
SITE_MACROS = "site_macros"


class MacrosEnv(Protocol):
    """The part of mkdocs-macros' environment this module uses."""

    conf: Mapping[str, Any]
    variables: dict[str, Any]
    macros: Mapping[str, Macro]
    markdown: str

    @property
    def env(self) -> jinja2.Environment: ...

    def macro(self, function: Macro, name: str = "") -> Macro: ...


def macros(
    comparison: Comparison, public: Contract, site_url: str, cookbook_base_url: str
) -> dict[str, Macro]:
    """Every macro the pages may call, by name: the pure renderers, bound to the data."""
    on_data: dict[str, Callable[..., str]] = {
        "fact": render.fact_value,
        "side_list": render.side_list,
        "payment": render.payment,
        "checklist": render.checklist,
        "short_answer": render.short_answer,
        "mental_model_table": render.mental_model_table,
        "mental_model_picture": picture.mental_model_picture,
        "mottos": render.mottos,
        "thinking_mottos": render.thinking_mottos,
        "model_examples": render.model_examples,
        "models_as_of": render.models_as_of,
        "model_rules_table": render.model_rules_table,
        "rules_as_of": render.rules_as_of,
        "sampling_rules": render.sampling_rules,
        "knobs": render.knobs,
        "responsibilities": render.responsibilities,
        "comparison_table": render.comparison_table,
        "checklist_summary": render.checklist_summary,
        "rule_of_thumb": render.rule_of_thumb,
        "decision_checklist": decision.checklist_form,
        "decision_result": decision.result,
    }
    bound: dict[str, Macro] = {
        **{name: partial(function, comparison) for name, function in on_data.items()},
        "cookbook_link": partial(render.cookbook_link, comparison, cookbook_base_url),
        "link_pages": partial(linking.page_table, site_url, public),
        "link_anchors": partial(linking.anchor_table, site_url, public),
        "link_example": partial(linking.markdown_example, site_url, public),
        "link_legacy": partial(linking.legacy_list, site_url, public),
        "link_files": partial(linking.file_table, site_url),
    }
    return {name: checked(name, function) for name, function in bound.items()}


def define_env(env: MacrosEnv) -> None:
    data_file = DATA_FILE.relative_to(DATA_FILE.parents[1]).as_posix()
    comparison = validate(COMPARISON, source=data_file, today=date.today())
    public = contract.from_config(env.conf)
    env.variables["comparison"] = comparison
    env.variables["contract"] = public
    cookbook_base_url = env.conf["extra"]["cookbook_base_url"]
    # For the theme's footer (overrides/partials/copyright.html), 404 page included.
    env.conf["extra"]["credit"] = credit.footer_credit(cookbook_base_url, public.original_page)
    site_macros = macros(comparison, public, env.conf["site_url"], cookbook_base_url)
    for name, function in site_macros.items():
        env.macro(function, name)
    env.variables[SITE_MACROS] = tuple(site_macros)


def on_pre_page_macros(env: MacrosEnv) -> None:
    """An unknown macro or variable in a page names the closest known one.

    mkdocs-macros makes its Jinja environment after `define_env`, so the environment's
    `undefined` (strict, from `on_undefined: strict`) is replaced here, before each page."""
    jinja = env.env
    if not getattr(jinja.undefined, "names_the_closest", False):
        jinja.undefined = naming_undefined(
            known=lambda: [*jinja.globals, *env.variables],
            listed=lambda: env.variables.get(SITE_MACROS, ()),
        )


def on_post_page_macros(env: MacrosEnv) -> None:
    """Close each page that shows a fact with when its facts were last reviewed."""
    comparison = env.variables.get("comparison")
    if comparison is None:  # define_env did not get as far as loading the data
        return
    note = facts.review_note(facts.facts_shown(env.markdown, comparison.facts))
    if note:
        env.markdown = f"{env.markdown.rstrip()}\n\n{note}"


def on_post_build(env: MacrosEnv) -> None:
    """Publish the comparison data for scripts and assistants, and the old addresses' files."""
    site_dir = Path(env.conf["site_dir"])
    export.write(env.variables["comparison"], site_dir, env.conf["site_url"])
    legacy.write(site_dir, env.variables["contract"])
