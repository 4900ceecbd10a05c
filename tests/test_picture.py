"""The mental model as a picture: drawn from the data, named, and said again in words."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from macros.data import COMPARISON
from macros.model import Comparison, Side
from macros.picture import WIDTH, mental_model_picture
from tests.support.helpers import BuiltSite, attribute, normalize, plain, replace_in_file, run_build

PICTURE_PAGES = ("", "mental-model/")


def cards(html: BeautifulSoup | Tag) -> dict[str, Tag]:
    """Each card of the picture in `html`, by the name screen readers get."""
    figure = html.select_one("figure.mental-model-picture")
    assert figure is not None, "no picture"
    named = {}
    for svg in figure.find_all("svg"):
        labelled = svg.find(id=svg["aria-labelledby"])
        assert labelled is not None, "the card's name points at nothing"
        named[normalize(labelled.get_text())] = svg
    return named


def drawn_text(svg: Tag) -> str:
    """What the card shows, its lines joined: every <text> is one drawn line."""
    return normalize(" ".join(text.get_text() for text in svg.find_all("text")))


def description(svg: Tag) -> str:
    described = svg.find(id=svg["aria-describedby"])
    assert described is not None, "the card's description points at nothing"
    return normalize(described.get_text())


def words(text: str) -> list[str]:
    """The words of `text` in any order, without case or the punctuation between them."""
    return sorted(word.casefold() for word in re.findall(r"\w[\w’'&+/.-]*\w|\w", text))


def picture_of(comparison: Comparison) -> BeautifulSoup:
    return BeautifulSoup(mental_model_picture(comparison), "html.parser")


def test_each_side_is_a_card_named_after_it() -> None:
    named = cards(picture_of(COMPARISON))
    assert list(named) == [f"{side.name}: the {side.place}" for side in COMPARISON.sides]
    for svg in named.values():
        assert svg["role"] == "img"
        assert int(attribute(svg, "width")) == WIDTH
        assert svg["viewbox"] == f"0 0 {WIDTH} {svg['height']}"


def test_a_card_draws_its_sides_words() -> None:
    for side, svg in zip(COMPARISON.sides, cards(picture_of(COMPARISON)).values(), strict=True):
        shown = drawn_text(svg)
        for text in (
            side.place,
            side.name,
            side.feels_like,
            side.motto,
            side.owner,
            *side.you_deal_with,
            *side.owner_handles,
        ):
            assert plain(text) in shown, (side.id, text)


def test_the_name_and_description_say_what_the_card_draws() -> None:
    for name, svg in cards(picture_of(COMPARISON)).items():
        assert words(f"{name} {description(svg)}") == words(drawn_text(svg))


def test_emphasis_in_the_data_is_drawn_as_emphasis() -> None:
    chatgpt = cards(picture_of(COMPARISON))["ChatGPT: the restaurant"]
    assert "*" not in drawn_text(chatgpt)
    emphasised = [normalize(tspan.get_text()) for tspan in chatgpt.select("[font-style=italic]")]
    assert " ".join(emphasised) == "for me"


def test_a_long_wording_wraps_and_the_cards_stay_the_same_height() -> None:
    long_side = replace(COMPARISON.sides[0], feels_like="Sitting down " * 30 + "to order")
    picture = picture_of(replace(COMPARISON, sides=(long_side, COMPARISON.sides[1])))
    chatgpt, platform = cards(picture).values()
    assert normalize(long_side.feels_like) in drawn_text(chatgpt)
    assert len(chatgpt.find_all("text")) > len(platform.find_all("text"))
    assert chatgpt["height"] == platform["height"]


def test_text_from_the_data_is_escaped() -> None:
    side: Side = replace(COMPARISON.sides[1], name="R&D <Platform>")
    picture = mental_model_picture(replace(COMPARISON, sides=(COMPARISON.sides[0], side)))
    assert "R&amp;D &lt;Platform&gt;" in picture
    assert "R&D <Platform>: the kitchen" in cards(BeautifulSoup(picture, "html.parser"))


def test_the_picture_is_on_home_and_on_the_mental_model_page(site: BuiltSite) -> None:
    for url_path in PICTURE_PAGES:
        assert len(cards(site.article(url_path))) == len(COMPARISON.sides), url_path
    others = [path for path in site.html_pages() if "mental-model-picture" in path.read_text()]
    assert {path.parent.relative_to(site.root).as_posix() for path in others} == {
        ".",
        "mental-model",
    }


@pytest.mark.slow
def test_the_picture_follows_a_change_to_the_data(project_copy: Path) -> None:
    chatgpt, platform = COMPARISON.sides
    data = project_copy / "macros" / "data.py"
    for old, new in (
        (chatgpt.feels_like, "Sitting at a diner counter with a laminated menu"),
        (platform.owner_handles[1], "You keep the secrets of your users"),
        (platform.place, "workshop"),
    ):
        replace_in_file(data, f'"{old}"', f'"{new}"')
    site_dir = project_copy.parent / "site"
    result = run_build(project_copy, site_dir)
    assert result.returncode == 0, result.stderr

    for url_path in PICTURE_PAGES:
        html = BeautifulSoup((site_dir / url_path / "index.html").read_text(), "html.parser")
        named = cards(html)
        assert list(named) == ["ChatGPT: the restaurant", "OpenAI Platform: the workshop"]
        shown = " ".join(drawn_text(svg) + " " + description(svg) for svg in named.values())
        assert "Sitting at a diner counter with a laminated menu" in shown
        assert "You keep the secrets of your users" in shown
        assert "The workshop" in shown
        assert plain(chatgpt.feels_like) not in shown
        assert platform.owner_handles[1] not in shown


def test_code_and_bold_in_the_data_keep_their_style() -> None:
    side = replace(COMPARISON.sides[1], motto="Call `client.responses` from **your app**.")
    picture = picture_of(replace(COMPARISON, sides=(COMPARISON.sides[0], side)))
    platform = cards(picture)["OpenAI Platform: the kitchen"]
    assert [t.get_text() for t in platform.select("[font-family=monospace]")] == [
        "client.responses"
    ]
    assert "your app" in " ".join(t.get_text() for t in platform.select("tspan[font-weight=bold]"))
    assert "`" not in drawn_text(platform)
