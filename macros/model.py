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

FACT_SLOT = "{fact}"
"""Where a side's payment sentence takes its fact (`Side.payment`)."""

FactKind = Literal["address", "plan", "model", "billing", "retention"]


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
class Citation:
    """Where a rule was read, when, and what that reading checked there."""

    page: str
    """The page's name, as a link to it reads next to the model: "model page"."""
    source: str
    """The https address of the page or document that states the rule."""
    reviewed: date
    checked: str
    """What the review read at the source, in a sentence: a rule is only as checked as this."""


@dataclass(frozen=True)
class ModelRules:
    """What a chat model accepts, as OpenAI documents it: the pages and the stand-in read these."""

    efforts: tuple[str, ...]
    """The `reasoning.effort` values the model accepts, from least to most reasoning."""
    default_effort: str
    """The effort the model uses when a request sets none."""
    efforts_source: Citation
    sampling_efforts: tuple[str, ...]
    """The efforts at which it accepts `temperature` and `top_p`; empty when it never does."""
    sampling_source: Citation
    max_output_tokens: int
    """The largest `max_output_tokens` a request may set for it."""
    max_output_tokens_source: Citation

    def citations(self) -> tuple[Citation, ...]:
        return (self.efforts_source, self.sampling_source, self.max_output_tokens_source)

    @property
    def reviewed(self) -> date:
        """When the oldest of its rules was last checked."""
        return min(citation.reviewed for citation in self.citations())


@dataclass(frozen=True)
class Fact:
    """A value that changes in the real world, with where it was checked, when, and for what."""

    id: str
    kind: FactKind
    label: str
    value: str
    source: str
    reviewed: date
    checked: str
    """What the review read at `source`: the fact is only as reviewed as this says."""
    lifecycle: ModelLifecycle | None = None
    """For a model: what its review found about the model's shutdown. None for other kinds."""
    rules: ModelRules | None = None
    """For a chat model: what it accepts. None for an embeddings model and for other kinds."""


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
    """How you pay, as the guide's sentence goes on after "You pay with" or "Pay".

    It holds `FACT_SLOT` once, where the plans or billing units belong: the sentence must read
    right with the fact's current value, so the writer places it, not the renderer."""
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

    def chat_models(self) -> tuple[tuple[Fact, ModelRules], ...]:
        """The models that answer on the Responses API, with their rules: facts that have rules."""
        return tuple((fact, fact.rules) for fact in self.facts if fact.rules is not None)
