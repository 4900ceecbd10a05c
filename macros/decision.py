"""Pure functions from the comparison data to the decision helper's HTML.

The helper is a checklist form: one `<fieldset>` per side, with a nested
`<fieldset>` for each group of signals sharing a lead ("You’re building").
Without JavaScript it is the guide's checklist, readable and printable.

With JavaScript (`docs/assets/javascripts/decision-helper.js`) a result
appears. The script holds no decision logic: `payload` embeds which side each
signal points to and which verdict answers each set of sides. The words it
shows come from hidden templates rendered here, so that Markdown in the data
(emphasis, links to other pages) goes through MkDocs like any page text, and
MkDocs checks and rewrites its links.

The markup uses `markdown` attributes (the `md_in_html` extension) so that
text inside the HTML is still Markdown.
"""

from __future__ import annotations

import json
from html import escape
from itertools import groupby

from . import render
from .model import Comparison, Signal, Verdict

QUERY_PARAMETER = "ticked"
"""The URL query parameter holding the ticked signal ids, space separated."""
PAYLOAD_ID = "decision-helper-data"
FORM_ID = "decision-checklist-form"
"""An empty form that owns every checkbox, for its `autocomplete="off"` (see `_checkbox`)."""
RESULT_ID = "decision-result"

RESULT_TITLE = "Your answer"
REASONS_INTRO = "Because you ticked:"
RULE_INTRO = "Rule of thumb:"
CLEAR_LABEL = "Clear all ticks"
SHARE_LABEL = "Copy link to this answer"
SHARE_COPIED = "Link to this answer copied"
SHARE_FAILED = "Could not copy: the address bar holds the link to this answer"


def input_id(signal: Signal) -> str:
    return f"signal-{signal.id}"


def _attribute(value: str) -> str:
    return escape(value, quote=True)


def _checkbox(signal: Signal) -> str:
    """One signal as a list item: its checkbox and the label tied to it.

    Browsers restore a form's ticks when the reader comes back to the page, after the
    script has set them from the URL: the answer shown would not match the boxes. HTML
    allows no `autocomplete` on a checkbox, so the box belongs (`form`) to an empty form
    that has `autocomplete="off"`, rendered with the result.
    """
    return (
        '<li markdown="span">'
        f'<input type="checkbox" class="decision-signal" id="{_attribute(input_id(signal))}" '
        f'name="signal" value="{_attribute(signal.id)}" '
        f'data-side="{_attribute(signal.side)}" form="{FORM_ID}"> '
        f'<label for="{_attribute(input_id(signal))}">{signal.text}</label></li>'
    )


def _fieldset(legend: str, items: list[str], css_class: str, legend_class: str = "") -> str:
    """A fieldset whose items are a list, so that without styles it still reads as the guide's."""
    legend_attributes = f' class="{legend_class}"' if legend_class else ""
    return "\n".join(
        (
            f'<fieldset class="{css_class}" markdown="block">',
            f'<legend{legend_attributes} markdown="span">{legend}</legend>',
            '<ul class="decision-checklist__list" markdown="block">',
            *items,
            "</ul>",
            "</fieldset>",
        )
    )


def checklist_form(c: Comparison, side_id: str) -> str:
    """The signals of one side as checkboxes, grouped under their shared lead as the guide has them.

    The page's heading already names the side, so the side's legend is for
    assistive technology only; a group's lead ("You need:") stays visible.
    """
    items: list[str] = []
    for lead, signals in groupby(c.signals_for(side_id), key=lambda signal: signal.lead):
        checkboxes = [_checkbox(signal) for signal in signals]
        if lead:
            group = _fieldset(f"{lead}:", checkboxes, "decision-checklist__group")
            items.append(f'<li markdown="block">\n{group}\n</li>')
        else:
            items.extend(checkboxes)
    side = c.side(side_id)
    return _fieldset(
        side.use_when,
        items,
        f"decision-checklist decision-checklist--{side_id}",
        legend_class="decision-visually-hidden",
    )


def payload(c: Comparison) -> dict[str, object]:
    """The decision logic, as data for the script: nothing here is wording."""
    return {
        "parameter": QUERY_PARAMETER,
        "signals": [
            {"id": s.id, "side": s.side, "lead": s.lead, "input": input_id(s)} for s in c.signals
        ],
        "verdicts": [{"id": v.id, "sides": sorted(v.sides)} for v in c.verdicts],
    }


def payload_element(c: Comparison) -> str:
    """The payload as JSON in a data attribute.

    Not in a `<script type="application/json">`: Material's instant navigation
    re-creates every script of the new page without its attributes, so the
    JSON would run as JavaScript (a syntax error) and be lost.
    """
    text = json.dumps(payload(c), ensure_ascii=False, sort_keys=True)
    return f'<div id="{PAYLOAD_ID}" data-payload="{_attribute(text)}" hidden></div>'


def _verdict_template(c: Comparison, verdict: Verdict) -> str:
    """A verdict's answer: its words, then (if any side is ticked) room for the reasons the
    script fills in, and the rules of thumb of the sides it answers."""
    rules = [rule for rule in c.rules_of_thumb if rule.side in verdict.sides]
    why = (
        [
            f'<p class="decision-result__reasons-intro" markdown="span">{REASONS_INTRO}</p>',
            '<ul class="decision-result__reasons"></ul>',
            f'<p class="decision-result__rule-intro" markdown="span">{RULE_INTRO}</p>',
            *(
                f'<p class="decision-rule" markdown="span">{render.rule_sentence(c, rule)}</p>'
                for rule in rules
            ),
        ]
        if verdict.sides
        else []
    )
    return "\n".join(
        (
            f'<div class="decision-verdict" data-verdict="{_attribute(verdict.id)}" '
            'markdown="block">',
            f'<p class="decision-verdict__headline" markdown="span">{verdict.headline}</p>',
            "",
            verdict.advice,
            "",
            *why,
            "</div>",
        )
    )


def result(c: Comparison) -> str:
    """The result box, hidden until the script runs, with the templates and data it reads,
    after the form that owns the checkboxes."""
    templates = [_verdict_template(c, verdict) for verdict in c.verdicts]
    return "\n".join(
        (
            f'<form id="{FORM_ID}" autocomplete="off"></form>',
            # The box's words are the form's and the verdicts': out of the search index. A
            # <section>, not a <div>: Material's search matches the end of an excluded element
            # by its tag, so the first inner </div> would end the exclusion.
            f'<section class="decision-result" id="{RESULT_ID}" hidden data-search-exclude=""'
            ' markdown="block">',
            f'<p class="decision-result__title" id="{RESULT_ID}-title">{RESULT_TITLE}</p>',
            # Only the verdict's headline is announced; the details follow it, read on demand.
            f'<div class="decision-result__live" role="status" aria-live="polite" '
            f'aria-atomic="true" aria-labelledby="{RESULT_ID}-title"></div>',
            '<div class="decision-result__details"></div>',
            '<p class="decision-result__actions">'
            '<button type="button" class="md-button decision-result__clear">'
            f"{CLEAR_LABEL}</button> "
            '<button type="button" class="decision-result__share" '
            f'data-copied="{_attribute(SHARE_COPIED)}" data-failed="{_attribute(SHARE_FAILED)}">'
            f"{SHARE_LABEL}</button></p>",
            '<div class="decision-result__templates" hidden markdown="block">',
            "",
            "\n\n".join(templates),
            "",
            "</div>",
            payload_element(c),
            "</section>",
        )
    )
