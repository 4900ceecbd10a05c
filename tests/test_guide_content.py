"""Nothing of the guide is lost: its sections, list items, quotes and table are on the site."""

from __future__ import annotations

from dataclasses import dataclass

import markdown
import pytest
from bs4 import BeautifulSoup

from macros.data import COMPARISON
from tests.support.emoji_files import text_with_emoji
from tests.support.helpers import GUIDE, BuiltSite, found, normalize, own_text, plain, table_rows

# Pages in the guide's order: the six sections, after the home page.
SECTION_PAGES = (
    "mental-model/",
    "chatgpt/",
    "platform/",
    "responsibilities/",
    "decide/",
    "cookbook/",
)


def guide_html() -> BeautifulSoup:
    source = GUIDE.read_text(encoding="utf-8")
    return BeautifulSoup(markdown.markdown(source, extensions=["tables"]), "html.parser")


def site_list_items(site: BuiltSite) -> list[str]:
    items = []
    for url_path in ("", *SECTION_PAGES):
        items += [own_text(li).casefold() for li in site.article(url_path).find_all("li")]
    return items


def rewordings() -> dict[str, list[str]]:
    """Guide items whose web version changed on purpose, and what must stand in their place.

    The fragments come from the data, so a fact's new value is what the test expects.
    """
    fact = COMPARISON.fact
    return {
        "You go to chat.openai.com or use the mobile app": [
            fact("chatgpt_address").value,
            "or use the mobile app",
        ],
        "You pay with a subscription (Plus/Pro) or use free": [
            "You pay with a subscription",
            *fact("chatgpt_plans").value.replace(" and ", ", ").split(", "),
        ],
        "Choose specific models (gpt-4o-mini, gpt-5.1, embeddings, etc.)": [
            "Choose specific models",
            *(f.value for f in COMPARISON.facts if f.kind == "model"),
        ],
        "Pay per usage (tokens, images, audio minutes) instead of a flat sub": [
            "Pay per usage",
            fact("platform_billing_units").value,
        ],
        "platform.openai.com → the toolbox developers use to build apps": [
            "→ the toolbox developers use to build apps"
        ],
        "The main cookbook/ pages teach you how LLMs think, how to prompt, how to debug, "
        "and how to vibe-code in general.": [
            "The main cookbook/ pages teach you how LLMs think, how to prompt, how to debug, "
            "and how to vibe-code in general"
        ],
    }


@dataclass(frozen=True)
class Correction:
    """Words of the guide that were wrong, what the site says instead, and why."""

    corrected: tuple[str, ...]
    """Fragments that must stand in the original's place."""
    why: str


# The guide's list items that were wrong when it was written or are wrong today. The site says
# better; the tests hold it to the correction, not to the original.
CORRECTED_ITEMS = {
    "rate limits / usage dashboards": Correction(
        ("api rate limits / usage dashboards", "usage limits of its own"),
        "ChatGPT has usage limits per plan; what its users do not deal with is the API's",
    ),
    "how history is stored and used": Correction(
        ("how history is stored and used", "memory, temporary chats"),
        "ChatGPT's users keep controls over their history: memory, temporary chats",
    ),
}
# The guide's sentences that were wrong, by the site page that says better.
CORRECTED_SENTENCES = {
    "Same models under the hood, very different responsibilities.": (
        "",
        Correction(
            ("Same family of models under the hood, very different responsibilities.",),
            "the two line-ups differ; the guide's own section 4 says the same family of models",
        ),
    ),
}


def guide_list_items() -> list[str]:
    return [own_text(li) for li in guide_html().find_all("li")]


def guide_item_found(item: str, items: list[str]) -> bool:
    """Whether a list item of the guide is among `items` (casefolded own texts of list items)."""
    correction = CORRECTED_ITEMS.get(item)
    if correction is not None:
        if item.casefold() in items:
            return False  # the wrong words are still there as they were
        reworded: list[str] | None = list(correction.corrected)
    else:
        reworded = rewordings().get(item)
    if reworded is not None:
        fragments = [normalize(fragment).casefold() for fragment in reworded]
        return any(all(f in candidate for f in fragments) for candidate in items)
    if item.endswith(":"):  # an item that introduces a nested list or quote
        return any(item.casefold() in candidate for candidate in items)
    return item.casefold() in items


@pytest.mark.parametrize("item", guide_list_items())
def test_every_list_item_of_the_guide_is_on_the_site(site: BuiltSite, item: str) -> None:
    expected = CORRECTED_ITEMS.get(item) or rewordings().get(item)
    assert guide_item_found(item, site_list_items(site)), (item, expected)


def test_every_correction_is_of_words_the_guide_has() -> None:
    """A correction of words the reference no longer holds would hide a loosened test."""
    items = guide_list_items()
    text = normalize(GUIDE.read_text(encoding="utf-8"))
    for item in CORRECTED_ITEMS:
        assert item in items, item
    for sentence in CORRECTED_SENTENCES:
        assert sentence in text, sentence


@pytest.mark.parametrize("sentence", CORRECTED_SENTENCES)
def test_the_guides_wrong_sentences_are_corrected_on_the_site(
    site: BuiltSite, sentence: str
) -> None:
    url_path, correction = CORRECTED_SENTENCES[sentence]
    text = normalize(site.article(url_path).get_text())
    assert sentence not in text, correction.why
    for fragment in correction.corrected:
        assert fragment in text, (fragment, correction.why)


def test_each_section_has_its_own_page_in_the_guides_order(site: BuiltSite) -> None:
    retitled = {"🌐 How this fits into the rest of the repo": "🌐 How this fits into the cookbook"}
    for heading, url_path in zip(guide_html().find_all("h2"), SECTION_PAGES, strict=True):
        emoji, _number, words = normalize(heading.get_text()).split(" ", 2)
        expected = retitled.get(f"{emoji} {words}", f"{emoji} {words}")
        heading_on_site = found(site.article(url_path).find("h1"))
        title = normalize(text_with_emoji(heading_on_site)).removesuffix("¶").strip()
        assert title == expected


def test_the_quotes_and_mottos_survive(site: BuiltSite) -> None:
    text = {
        url_path: normalize(site.article(url_path).get_text()) for url_path in ("", *SECTION_PAGES)
    }
    quotes = [plain(q.get_text()) for q in guide_html().find_all("blockquote")]
    assert len(quotes) == 3
    for quote in quotes:
        assert any(quote in page for page in text.values()), quote
    for side in COMPARISON.sides:
        assert f"{side.short_name} = “{plain(side.motto)}”" in text["mental-model/"]
        assert f"{side.short_name} → “{plain(side.thinking_motto)}”" in text["responsibilities/"]
    for rule in COMPARISON.rules_of_thumb:
        expected = f"If it’s {rule.when} → {COMPARISON.side(rule.side).short_name}."
        assert expected in text["decide/"], expected


def test_the_guides_table_is_the_mental_model_table(site: BuiltSite) -> None:
    guide_table = table_rows(found(guide_html().find("table")))
    for url_path in ("", "mental-model/"):
        tables = [table_rows(t) for t in site.article(url_path).find_all("table")]
        assert guide_table in tables, url_path


# What UTF-8 read as Windows-1252 looks like: `â€™` for `’`, `ðŸ¥¤` for 🥤.
MOJIBAKE = ("â€", "ðŸ", "Ã")
REAL_CHARACTERS = ("’", "“", "”", "→", "–", "🥤", "💬", "🧰", "🧠", "🔍", "🌐")


def test_no_mis_decoded_characters_in_any_built_file(site: BuiltSite) -> None:
    for path in site.root.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".txt"):
            text = path.read_text(encoding="utf-8")
            found = [sequence for sequence in MOJIBAKE if sequence in text]
            assert not found, (path.relative_to(site.root), found)


def test_real_characters_are_shown(site: BuiltSite) -> None:
    # The emoji are pictures drawn from Twemoji's files: each counts as its character.
    text = "".join(normalize(text_with_emoji(site.article(p))) for p in ("", *SECTION_PAGES))
    for character in REAL_CHARACTERS:
        assert character in text, character
