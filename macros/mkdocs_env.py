"""The thin layer between mkdocs-macros and the data: load, validate, register macros."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from . import decision, export, facts, legacy, linking, render
from .data import COMPARISON
from .validate import validate

DATA_FILE = Path(__file__).with_name("data.py")


def define_env(env: Any) -> None:
    data_file = DATA_FILE.relative_to(DATA_FILE.parents[1]).as_posix()
    comparison = validate(COMPARISON, source=data_file, today=date.today())
    cookbook_base_url: str = env.conf["extra"]["cookbook_base_url"]

    env.variables["comparison"] = comparison

    @env.macro
    def fact(fact_id: str) -> str:
        return render.fact_value(comparison, fact_id)

    @env.macro
    def side_list(side_id: str, field: str) -> str:
        return render.side_list(comparison, side_id, field)

    @env.macro
    def payment(side_id: str) -> str:
        return render.payment(comparison, side_id)

    @env.macro
    def checklist(side_id: str) -> str:
        return render.checklist(comparison, side_id)

    env.macro(lambda side_id: decision.checklist_form(comparison, side_id), "decision_checklist")
    env.macro(lambda: decision.result(comparison), "decision_result")

    @env.macro
    def cookbook_link(name: str, text: str = "") -> str:
        return render.cookbook_link(comparison, cookbook_base_url, name, text)

    site_url: str = env.conf["site_url"]
    env.macro(lambda: linking.page_table(site_url), "link_pages")
    env.macro(lambda: linking.anchor_table(site_url), "link_anchors")
    env.macro(lambda: linking.markdown_example(site_url), "link_example")
    env.macro(lambda: linking.legacy_list(site_url), "link_legacy")
    env.macro(lambda: linking.file_table(site_url), "link_files")

    for without_arguments in (
        render.short_answer,
        render.mental_model_table,
        render.mottos,
        render.thinking_mottos,
        render.model_examples,
        render.knobs,
        render.responsibilities,
        render.comparison_table,
        render.checklist_summary,
        render.rule_of_thumb,
    ):
        env.macro(_bound(without_arguments, comparison), without_arguments.__name__)


def on_post_page_macros(env: Any) -> None:
    """Close each page that shows a fact with when its facts were last reviewed."""
    comparison = env.variables.get("comparison")
    if comparison is None:  # define_env did not get as far as loading the data
        return
    note = facts.review_note(facts.facts_shown(env.markdown, comparison.facts))
    if note:
        env.markdown = f"{env.markdown.rstrip()}\n\n{note}"


def on_post_build(env: Any) -> None:
    """Publish the comparison data for scripts and assistants, and the old `.html` addresses."""
    site_dir = Path(env.conf["site_dir"])
    export.write(env.variables["comparison"], site_dir, env.conf["site_url"])
    legacy.write(site_dir)


def _bound(function: Any, comparison: Any) -> Any:
    def macro() -> str:
        return str(function(comparison))

    macro.__doc__ = function.__doc__
    return macro
