"""The shapes of the comparison data: plain, typed, frozen records.

Nothing here knows about MkDocs or HTML. `data.py` fills these records in,
`validate.py` checks them, `render.py` turns them into Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from .lookup import find

SideId = Literal["chatgpt", "platform"]
SIDE_IDS: tuple[SideId, ...] = ("chatgpt", "platform")

FactKind = Literal["address", "plan", "model", "billing"]


ModelStatus = Literal["active", "deprecated", "shut down"]


@dataclass(frozen=True)
class ModelLifecycle:
    """What the review of a model name checked besides the name: will the model keep answering?"""

    sdk: str
    """The `openai` SDK whose model list holds the name, with its version: "openai 3.57.0"."""
    shutdown: date | None
    """The shutdown OpenAI announced for the model; None when the review found none announced."""
    source: str
    """Where the review looked for a shutdown: OpenAI's deprecations page."""

    def status(self, today: date) -> ModelStatus:
        """OpenAI's lifecycle states: active until a shutdown is announced, then deprecated."""
        if self.shutdown is None:
            return "active"
        return "shut down" if self.shutdown <= today else "deprecated"


@dataclass(frozen=True)
class Fact:
    """A value that changes in the real world, with where it was checked and when."""

    id: str
    kind: FactKind
    label: str
    value: str
    source: str
    reviewed: date
    lifecycle: ModelLifecycle | None = None
    """For a model: what its review found about the model's shutdown. None for other kinds."""


@dataclass(frozen=True)
class Side:
    """One of the two ways to use the same models."""

    id: SideId
    name: str
    short_name: str
    """The name the rule of thumb uses: "ChatGPT", "Platform"."""
    use_when: str
    """The heading of its half of the decision checklist."""
    identity: str
    """The one-line answer: what it is."""
    address_fact: str
    """Id of the `Fact` holding its web address."""
    place: str
    """The mental model: "restaurant" or "kitchen"."""
    feels_like: str
    motto: str
    """What you ask of it, in the mental-model section."""
    thinking_motto: str
    """The "Help me think" line of the responsibilities section."""
    owner: str
    owner_scope: str
    """Where the owner rules, as the guide opens the sentence: "In **ChatGPT**"."""
    owner_choice_verb: str
    """How the guide introduces the owner's decisions: "They choose", "You decide"."""
    owner_decides: tuple[str, ...]
    owner_handles: tuple[str, ...]
    """The work of running it, which falls to the owner."""
    you_deal_with: tuple[str, ...]
    you_dont_deal_with: tuple[str, ...]
    great_for: tuple[str, ...]
    payment: str
    payment_fact: str
    """Id of the `Fact` naming the plans or billing units."""


@dataclass(frozen=True)
class Knob:
    """An extra control the Platform gives you that ChatGPT decides for you."""

    id: str
    name: str
    detail: str


@dataclass(frozen=True)
class Signal:
    """One line of the decision checklist, arguing for one side."""

    id: str
    text: str
    side: SideId
    lead: str = ""
    """Shared opening of a group of signals ("You're building"); empty for a standalone one."""

    @property
    def sentence(self) -> str:
        return f"{self.lead} {self.text}" if self.lead else self.text


@dataclass(frozen=True)
class RuleOfThumb:
    """The closing rule: a kind of work, and the side it belongs on."""

    when: str
    side: SideId


@dataclass(frozen=True)
class Verdict:
    """What the decision helper says for a set of sides the ticked signals point to."""

    id: str
    sides: frozenset[SideId]
    headline: str
    advice: str


@dataclass(frozen=True)
class CookbookPage:
    """A page of the cookbook's `cookbook/` folder that this site may link to."""

    name: str
    """The file name without `.md`, as pages pass it to the `cookbook_link` macro."""
    title: str

    @property
    def path(self) -> str:
        return f"cookbook/{self.name}.md"


@dataclass(frozen=True)
class Comparison:
    """Everything the site says about the two sides, in one value."""

    sides: tuple[Side, ...]
    knobs: tuple[Knob, ...]
    signals: tuple[Signal, ...]
    rules_of_thumb: tuple[RuleOfThumb, ...]
    verdicts: tuple[Verdict, ...]
    facts: tuple[Fact, ...]
    cookbook_pages: tuple[CookbookPage, ...]

    def side(self, side_id: str) -> Side:
        """The side `side_id`; a misspelt id raises `UnknownName` with the closest one."""
        return find("side", side_id, {side.id: side for side in self.sides})

    def fact(self, fact_id: str) -> Fact:
        """The fact `fact_id`; a misspelt id raises `UnknownName` with the closest one."""
        return find("fact", fact_id, {fact.id: fact for fact in self.facts})

    def signals_for(self, side_id: str) -> tuple[Signal, ...]:
        side = self.side(side_id)
        return tuple(signal for signal in self.signals if signal.side == side.id)
