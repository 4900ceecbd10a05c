"""How fresh the facts are: their markup on a page, the page's review note, their age.

A fact is shown through `fact_markup`, which tags it with its id. The note at
the end of a page is built from the ids found in that page's rendered Markdown,
so it lists exactly the facts a reader sees there, whichever macro showed them.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from datetime import date

from .model import Fact

STALE_AFTER_MONTHS = 6

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# The attribute `fact_markup` writes; `facts_shown` reads it back.
_FACT_ATTRIBUTE = re.compile(r'data-fact="([^"]+)"')


def long_date(day: date) -> str:
    """`25 November 2026`, whatever the machine's locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def value_markdown(fact: Fact) -> str:
    """The value as inline Markdown: model names are identifiers, so they read as code."""
    return f"`{fact.value}`" if fact.kind == "model" else fact.value


def fact_markup(fact: Fact) -> str:
    """The value, tagged with the fact's id so the page's review note can find it."""
    return f'<span class="fact" data-fact="{fact.id}">{value_markdown(fact)}</span>'


def facts_shown(markdown: str, facts: Iterable[Fact]) -> list[Fact]:
    """The facts tagged in `markdown`, in the order they first appear."""
    by_id = {fact.id: fact for fact in facts}
    ids = dict.fromkeys(_FACT_ATTRIBUTE.findall(markdown))
    return [by_id[fact_id] for fact_id in ids if fact_id in by_id]


def time_markup(day: date) -> str:
    return f'<time datetime="{day.isoformat()}">{long_date(day)}</time>'


def lifecycle_markdown(fact: Fact) -> str:
    """What a model's review found about its shutdown, linked to where it looked; "" otherwise."""
    lifecycle = fact.lifecycle
    if lifecycle is None:
        return ""
    where = f"[OpenAI’s deprecations]({lifecycle.source})"
    if lifecycle.shutdown is None:
        return f"no shutdown announced in {where}"
    return f"shutdown announced for {time_markup(lifecycle.shutdown)} in {where}"


def review_note(facts: Sequence[Fact]) -> str:
    """The admonition that closes a page: each fact shown, its source, when it was reviewed.

    For a model, the note also says what the review found about the model's shutdown.
    """
    if not facts:
        return ""
    items = "\n".join(_note_item(fact) for fact in facts)
    # Out of the search index, which every first view loads: the note repeats facts its page
    # shows. Material's search skips an element marked data-search-exclude.
    return (
        '<div data-search-exclude="" markdown>\n\n'
        '!!! info facts-reviewed "When the facts on this page were last reviewed"\n\n'
        "    These change over time. Each one links to its public source:\n\n"
        f"{items}\n\n"
        "</div>\n"
    )


def _note_item(fact: Fact) -> str:
    lifecycle = lifecycle_markdown(fact)
    found = f"; {lifecycle}" if lifecycle else ""
    return (
        f"    - [{value_markdown(fact)}]({fact.source}): {fact.label} "
        f"(reviewed {time_markup(fact.reviewed)}{found})"
    )


def stale_before(today: date) -> date:
    """The earliest review date that is not yet older than six months on `today`."""
    month_index = today.year * 12 + today.month - 1 - STALE_AFTER_MONTHS
    year, month = divmod(month_index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(today.day, last_day))


def is_stale(fact: Fact, today: date) -> bool:
    return fact.reviewed < stale_before(today)


def oldest_first(facts: Iterable[Fact]) -> list[Fact]:
    return sorted(facts, key=lambda fact: (fact.reviewed, fact.id))
